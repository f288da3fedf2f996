/*
 * patterns.c - identifiers found by their shape: NHS numbers, phone
 * numbers, dates of birth, postcodes and e-mail addresses (the rules are
 * at the top of identifiers.c).  A known one (the case's own) is found in
 * more spellings than an unknown one, and carries its item.
 */
#include <stdlib.h>
#include <string.h>

#include "detect.h"

/* clang-format off */
const char *const cspr_months[12] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december",
};
/* clang-format on */

int
cspr_month_at(const unsigned char *s, size_t len, size_t i, size_t *n)
{
	char w[10];
	size_t k = 0;

	while (i + k < len && isalpha_a(s[i + k])) {
		if (k == 9)
			return 0;
		w[k] = (char)lower(s[i + k]);
		k++;
	}
	if (k < 3)
		return 0;
	w[k] = '\0';
	for (int m = 0; m < 12; m++)
		if (strcmp(w, cspr_months[m]) == 0 ||
		    (k == 3 && strncmp(w, cspr_months[m], 3) == 0) ||
		    (m == 8 && strcmp(w, "sept") == 0)) {
			*n = k;
			return m + 1;
		}
	return 0;
}

static int
mod11(const char *dg)
{
	int sum = 0, c;

	for (int k = 0; k < 9; k++)
		sum += (dg[k] - '0') * (10 - k);
	c = 11 - sum % 11;
	if (c == 11)
		c = 0;
	return c != 10 && c == dg[9] - '0';
}

/* Digits from s[i] in groups, each separator one of seps between two
 * digits ("999 0000 018", "999.000.0018"), after a ")" too when close is
 * set ("(01632) 960001").  dg, holding nd digits already, gets at most max
 * in all; ends[g] and cum[g] the end and the digits so far of group g.
 * Returns the number of groups (at most 8). */
static size_t
digit_groups(const unsigned char *s, size_t len, size_t i, const char *seps,
    int close, char *dg, size_t nd, size_t max, size_t *ends, size_t *cum)
{
	size_t ng = 0, j = i, k;

	while (ng < 8) {
		size_t r = ndigits(s, len, j, max);

		if (r == 0 || nd + r > max)
			break;
		memcpy(dg + nd, s + j, r);
		nd += r;
		j += r;
		ends[ng] = j;
		cum[ng++] = nd;
		k = j;
		if (close && k < len && s[k] == ')')
			k++;
		if (k < len && s[k] && strchr(seps, s[k]))
			k++;
		if (k == j || !isdig(s, len, k))
			break;
		j = k;
	}
	return ng;
}

/* A known NHS number in any grouping at s[i]: 3-4-3, dots, spaces. */
static void
known_nhs_at(struct scan *sc, size_t i)
{
	size_t ends[8], cum[8], ng;
	char dg[16];
	int item;

	if (!sc->d->nnhs)
		return;
	ng = digit_groups(sc->s, sc->len, i, " -.", 0, dg, 0, 12, ends, cum);
	for (size_t g = 0; g < ng; g++)
		if (cum[g] == 10 && !isalnum_at(sc->s, sc->len, ends[g]) &&
		    (item = cspr_scan_known(sc, CSPR_ID_NHS_NUMBER, dg, 10)) >= 0) {
			cspr_scan_cand(sc, i, ends[g] - i, CSPR_ID_NHS_NUMBER, item);
			return;
		}
}

/* An NHS number starting at s[i] (the start of a word). */
static void
nhs_at(struct scan *sc, size_t i)
{
	const unsigned char *s = sc->s;
	size_t len = sc->len, end;
	char dg[10];
	int item;

	if (ndigits(s, len, i, 10) == 10) {
		end = i + 10;
		memcpy(dg, s + i, 10);
	} else if (ndigits(s, len, i, 3) == 3 && i + 12 <= len &&
		   (s[i + 3] == ' ' || s[i + 3] == '-') &&
		   ndigits(s, len, i + 4, 3) == 3 && s[i + 7] == s[i + 3] &&
		   ndigits(s, len, i + 8, 4) == 4) {
		end = i + 12;
		memcpy(dg, s + i, 3);
		memcpy(dg + 3, s + i + 4, 3);
		memcpy(dg + 6, s + i + 8, 4);
	} else {
		known_nhs_at(sc, i);
		return;
	}
	if (isalnum_at(s, len, end)) {
		known_nhs_at(sc, i);
		return;
	}
	item = cspr_scan_known(sc, CSPR_ID_NHS_NUMBER, dg, 10);
	if (item >= 0 || mod11(dg))
		cspr_scan_cand(sc, i, end - i, CSPR_ID_NHS_NUMBER, item);
	else
		known_nhs_at(sc, i);
}

/* A phone number whose first digits start the word at s[i]: 01632 960001,
 * (01632) 960001, 07700-900-123, +44 (0)1632 960001, +44 7700 900123. */
static void
phone_at(struct scan *sc, size_t i)
{
	const unsigned char *s = sc->s;
	size_t len = sc->len, start = i, j = i, nd = 0, ng;
	size_t ends[8], cum[8];
	char dg[24];
	int best = -1, item = -1;

	if (i > 0 && s[i - 1] == '+') {
		if (!(isdig(s, len, i + 1) && s[i] == '4' && s[i + 1] == '4'))
			return;
		start = i - 1;
		j = i + 2;
		dg[nd++] = '0';
		if (j < len && (s[j] == ' ' || s[j] == '-'))
			j++;
		if (j + 3 <= len && memcmp(s + j, "(0)", 3) == 0) {
			j += 3;
			if (j < len && (s[j] == ' ' || s[j] == '-'))
				j++;
		}
		if (!isdig(s, len, j) || s[j] == '0')
			return;
	}
	ng = digit_groups(s, len, j, " -.", 1, dg, nd, 15, ends, cum);
	if (ng == 0 || isalpha_a(ends[ng - 1] < len ? s[ends[ng - 1]] : ' '))
		return;
	nd = cum[ng - 1];
	/* "(01632) 960001": the bracket goes with the number */
	if (start == i && i > 0 && s[i - 1] == '(' && ends[0] < len &&
	    s[ends[0]] == ')')
		start = i - 1;
	/* 0044 1632 960001 is 01632 960001 */
	if (start == i && nd > 5 && memcmp(dg, "0044", 4) == 0 &&
	    dg[4] != '0') {
		memmove(dg + 1, dg + 4, nd - 4);
		nd -= 3;
		for (size_t g = 0; g < ng; g++)
			cum[g] = cum[g] >= 4 ? cum[g] - 3 : 0;
	}
	for (size_t g = 0; g < ng; g++) {
		int it = cspr_scan_known(sc, CSPR_ID_PHONE, dg, cum[g]);

		if (it >= 0) {
			best = (int)g;
			item = it;
		} else if (item < 0 && (cum[g] == 10 || cum[g] == 11) &&
			   dg[0] == '0' && strchr("12378", dg[1]))
			best = (int)g;
	}
	if (best >= 0)
		cspr_scan_cand(sc, start, ends[best] - start, CSPR_ID_PHONE, item);
}

/* The known date of birth y-m-d (yy: a two-digit year), or -1. */
static int
dob_item(const struct scan *sc, int y, int m, int d, int yy)
{
	for (size_t k = 0; k < sc->d->nitems; k++) {
		const struct item *it = &sc->d->items[k];

		if (it->kind != CSPR_ID_DOB || !it->y || it->m != m ||
		    it->d != d)
			continue;
		if (yy ? it->y % 100 == y : it->y == y)
			return (int)k;
	}
	return -1;
}

/* Spaces, tabs and at most one line break; returns the new index. */
static size_t
skipws(const unsigned char *s, size_t len, size_t j)
{
	int nl = 0;

	for (;;) {
		if (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
			j++;
		else if (j < len && s[j] == '\n' && !nl) {
			nl = 1;
			j++;
		} else if (j + 1 < len && s[j] == 0xc2 && s[j + 1] == 0xa0)
			j += 2;
		else
			return j;
	}
}

/* st, nd, rd, th after a day */
static size_t
ordinal(const unsigned char *s, size_t len, size_t j)
{
	static const char *const sfx[] = {"st", "nd", "rd", "th"};

	if (j + 2 > len || isalnum_at(s, len, j + 2))
		return j;
	for (int k = 0; k < 4; k++)
		if (lower(s[j]) == sfx[k][0] && lower(s[j + 1]) == sfx[k][1])
			return j + 2;
	return j;
}

static void
dob_cand(struct scan *sc, size_t i, size_t end, int y, int m, int d, int yy)
{
	int item = dob_item(sc, y, m, d, yy);

	if (item >= 0 && !isalnum_at(sc->s, sc->len, end))
		cspr_scan_cand(sc, i, end - i, CSPR_ID_DOB, item);
}

/* Dates starting with a number at s[i]. */
static void
dates_at(struct scan *sc, size_t i)
{
	const unsigned char *s = sc->s;
	size_t len = sc->len, a = ndigits(s, len, i, 4), b, c, j, n;
	unsigned char sep;
	int m;

	/* 20190402 */
	if (ndigits(s, len, i, 8) == 8) {
		dob_cand(sc, i, i + 8, numval(s + i, 4), numval(s + i + 4, 2),
		    numval(s + i + 6, 2), 0);
		return;
	}
	/* 2019-04-02 */
	if (a == 4 && i + 5 < len && s[i + 4] && strchr("-/.", s[i + 4])) {
		sep = s[i + 4];
		b = ndigits(s, len, i + 5, 2);
		if (b >= 1 && b <= 2 && i + 5 + b < len &&
		    s[i + 5 + b] == sep) {
			c = ndigits(s, len, i + 6 + b, 2);
			if (c >= 1 && c <= 2)
				dob_cand(sc, i, i + 6 + b + c, numval(s + i, 4),
				    numval(s + i + 5, b),
				    numval(s + i + 6 + b, c), 0);
		}
		return;
	}
	if (a < 1 || a > 2)
		return;
	/* 02 04 2019 */
	if (i + a + 1 < len && s[i + a] == ' ' &&
	    (b = ndigits(s, len, i + a + 1, 2)) >= 1 && b <= 2 &&
	    i + a + 1 + b < len && s[i + a + 1 + b] == ' ' &&
	    ndigits(s, len, i + a + 2 + b, 4) == 4) {
		j = i + a + 2 + b;
		dob_cand(sc, i, j + 4, numval(s + j, 4),
		    numval(s + i + a + 1, b), numval(s + i, a), 0);
		return;
	}
	/* 02/04/2019, 2.4.19; not the tail of 12/02/04/2019 or 1.2.4.19 */
	if (i + a < len && s[i + a] && strchr("/.-", s[i + a])) {
		if (i >= 2 && s[i - 1] && strchr("/.-", s[i - 1]) &&
		    isdig(s, len, i - 2))
			return;
		sep = s[i + a];
		b = ndigits(s, len, i + a + 1, 2);
		if (b >= 1 && b <= 2 && i + a + 1 + b < len &&
		    s[i + a + 1 + b] == sep) {
			j = i + a + 2 + b;
			c = ndigits(s, len, j, 4);
			if (c == 4 || c == 2)
				dob_cand(sc, i, j + c, numval(s + j, c),
				    numval(s + i + a + 1, b), numval(s + i, a),
				    c == 2);
		}
		return;
	}
	/* 2 April 2019, 2nd of Apr. 2019 */
	j = ordinal(s, len, i + a);
	if ((b = skipws(s, len, j)) == j)
		return;
	j = b;
	if (j + 2 < len && lower(s[j]) == 'o' && lower(s[j + 1]) == 'f' &&
	    (s[j + 2] == ' ' || s[j + 2] == '\n'))
		j = skipws(s, len, j + 2);
	if (!(m = cspr_month_at(s, len, j, &n)))
		return;
	j += n;
	if (j < len && s[j] == '.')
		j++;
	if (j < len && s[j] == ',')
		j++;
	if ((b = skipws(s, len, j)) == j || ndigits(s, len, b, 4) != 4)
		return;
	dob_cand(sc, i, b + 4, numval(s + b, 4), m, numval(s + i, a), 0);
}

/* April 2 2019, April 2nd, 2019: the month word at s[i]. */
static void
month_date_at(struct scan *sc, size_t i)
{
	const unsigned char *s = sc->s;
	size_t len = sc->len, j, b, n, a;
	int m;

	if (!(m = cspr_month_at(s, len, i, &n)))
		return;
	j = i + n;
	if (j < len && s[j] == '.')
		j++;
	if ((b = skipws(s, len, j)) == j)
		return;
	a = ndigits(s, len, b, 2);
	if (a < 1 || a > 2)
		return;
	j = ordinal(s, len, b + a);
	if (j < len && s[j] == ',')
		j++;
	if (skipws(s, len, j) == j)
		return;
	j = skipws(s, len, j);
	if (ndigits(s, len, j, 4) != 4)
		return;
	dob_cand(sc, i, j + 4, numval(s + j, 4), m, numval(s + b, a), 0);
}

static int
outward(const unsigned char *p, size_t n)
{
#define L(k) isalpha_a(p[k])
#define D(k) (p[k] >= '0' && p[k] <= '9')
	switch (n) {
	case 2:
		return L(0) && D(1);
	case 3:
		return L(0) && ((D(1) && (D(2) || L(2))) || (L(1) && D(2)));
	case 4:
		return L(0) && L(1) && D(2) && (D(3) || L(3));
	}
	return 0;
}

static int
inward(const unsigned char *p)
{
	/* "A1 2nd" is an ordinal, not a postcode */
	if ((p[1] == 's' && p[2] == 't') || (p[1] == 'n' && p[2] == 'd') ||
	    (p[1] == 'r' && p[2] == 'd') || (p[1] == 't' && p[2] == 'h'))
		return 0;
	return D(0) && L(1) && L(2);
#undef L
#undef D
}

/* A known postcode at s[i] in any case, with or without a space, hyphen
 * or dot between any two of its characters: "zz99-3cz", "ZZ 99 3CZ". */
static void
known_postcode_at(struct scan *sc, size_t i)
{
	const unsigned char *s = sc->s;
	size_t len = sc->len;

	for (size_t k = 0; k < sc->d->nitems; k++) {
		const struct item *it = &sc->d->items[k];
		size_t j = i, c;

		if (it->kind != CSPR_ID_POSTCODE || !it->norm ||
		    strlen(it->norm) < 5)
			continue;
		for (c = 0; it->norm[c]; c++) {
			if (c > 0 && j + 1 < len && strchr(" -.", s[j]) &&
			    s[j] && isalnum_at(s, len, j + 1))
				j++;
			if (j >= len || lower(s[j]) != lower(it->norm[c]))
				break;
			j++;
		}
		if (!it->norm[c] && !isalnum_at(s, len, j)) {
			cspr_scan_cand(sc, i, j - i, CSPR_ID_POSTCODE, (int)k);
			return;
		}
	}
}

/* A postcode: the word s[i..e) is its outward part, or all of it. */
static void
postcode_at(struct scan *sc, size_t i, size_t e)
{
	const unsigned char *s = sc->s;
	size_t len = sc->len, n = e - i, end = 0;
	char norm[8];
	size_t o = 0;

	if (n < 2 || n > 7 || !(s[i] >= 'A' && s[i] <= 'Z'))
		return;
	for (size_t k = i; k < e; k++)
		if (!isalnum_at(s, len, k))
			return;
	if (n <= 4) {
		if (outward(s + i, n) && e + 4 <= len && s[e] == ' ' &&
		    inward(s + e + 1) && !isalnum_at(s, len, e + 4))
			end = e + 4;
	} else if (outward(s + i, n - 3) && inward(s + e - 3))
		end = e;
	if (!end)
		return;
	for (size_t k = i; k < end; k++)
		if (s[k] != ' ')
			norm[o++] =
			    (char)(s[k] >= 'a' && s[k] <= 'z' ? s[k] - 32
							      : s[k]);
	cspr_scan_cand(sc, i, end - i, CSPR_ID_POSTCODE,
	    cspr_scan_known(sc, CSPR_ID_POSTCODE, norm, o));
}

static int
email_local(unsigned char c)
{
	return isalpha_a(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
	       c == '%' || c == '+' || c == '-';
}

static int
email_domain(unsigned char c)
{
	return isalpha_a(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

/* An e-mail address around the '@' at s[at]. */
void
cspr_email_at(struct scan *sc, size_t at)
{
	const unsigned char *s = sc->s;
	size_t len = sc->len, a = at, b = at + 1, dot = 0, tld = 0;
	char norm[256];
	size_t n;

	while (a > 0 && email_local(s[a - 1]))
		a--;
	while (a < at && s[a] == '.')
		a++;
	while (b < len && email_domain(s[b]))
		b++;
	while (b > at + 1 && (s[b - 1] == '.' || s[b - 1] == '-'))
		b--;
	if (a == at || b <= at + 1)
		return;
	for (size_t k = at + 1; k < b; k++) {
		if (s[k] == '.') {
			if (k == at + 1 || s[k - 1] == '.')
				return;
			dot = k;
		}
	}
	if (!dot)
		return;
	for (size_t k = dot + 1; k < b; k++)
		if (isalpha_a(s[k]))
			tld++;
		else
			return;
	if (tld < 2)
		return;
	n = b - a < sizeof(norm) ? b - a : 0;
	for (size_t k = 0; k < n; k++)
		norm[k] = (char)lower(s[a + k]);
	cspr_scan_cand(sc, a, b - a, CSPR_ID_EMAIL,
	    n ? cspr_scan_known(sc, CSPR_ID_EMAIL, norm, n) : -1);
}

/* The patterns that can start at s[i], in the word ending at e. */
void
cspr_patterns_at(struct scan *sc, size_t i, size_t e)
{
	const unsigned char *s = sc->s;

	if (s[i] >= '0' && s[i] <= '9') {
		nhs_at(sc, i);
		phone_at(sc, i);
		if (sc->d->ndob)
			dates_at(sc, i);
	} else if (isalpha_a(s[i])) {
		postcode_at(sc, i, e);
		if (sc->d->npostcode)
			known_postcode_at(sc, i);
		if (sc->d->ndob && strchr("adfjmnosADFJMNOS", s[i]))
			month_date_at(sc, i);
	}
}

