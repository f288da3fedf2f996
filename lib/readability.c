/*
 * readability.c - plain-English measures of a final report (9.12.2).
 *
 * A final report must "be written in plain English and in a way that can be
 * easily understood by professionals and the public alike".  csp-publish-
 * check turns that into numbers a reviewer can act on: Flesch Reading Ease
 * and Flesch-Kincaid grade, the sentences that run too long, and the
 * acronyms never spelled out.  Input is a report as plain text or Markdown
 * (pdftotext or pandoc output), as (pointer, length): any bytes are read
 * within bounds.
 *
 * The rules:
 * - Markdown is stripped: YAML front matter, fenced code blocks (skipped
 *   whole), heading marks, list markers ("- ", "1. ", "a) "), block quotes,
 *   emphasis and code marks, links (the text stays, the URL goes), images,
 *   footnote marks, HTML tags, bare URLs, table pipes and separator rows.
 *   Indented code is not recognised: pdftotext indents prose.
 * - A sentence ends at a heading, a list item, a table cell, a blank line,
 *   a fence, and where text.c's cspr_text_stop says a stop ends one (the
 *   rules shared with the identifier detectors): at . ! ? (with any
 *   closing quotes or brackets after them)
 *   followed by a space or the end of the line.  Not at a decimal point
 *   (3.5, 9.12.1: those are inside a number), nor after a title or Latin
 *   abbreviation (Dr. Mr. e.g. i.e. cf. vs. approx.), nor after "No.",
 *   "para.", "p." before a number; after "etc.", "Ltd.", "a.m.", "..." only
 *   when the next word has a capital.  A single capital letter is not taken
 *   for an initial: these reports say "Child A." far more than "J. Smith".
 * - A word is letters and digits, with apostrophes and hyphens inside
 *   ("child's", "multi-agency"), and . , : between digits (3.5, 1,000,
 *   10:30): numbers count as words.  "e.g." is one word.
 * - Syllables, per word (cspr_syllables): vowel groups (a e i o u, and y
 *   except at the start of a word), less a silent final e (not -le or -re
 *   after a consonant: "table", "centre"), less -es and -ed where they are
 *   silent ("makes", "walked"; not "places", "wanted"), less a silent e
 *   before -ly, -ment, -ful, -less, -ness ("safely") and after the first
 *   part of compounds such as "some", "safe", "there" ("someone"), plus one
 *   where two vowels are two syllables ("media", "period", "video",
 *   "actual", "serious", "anxiety", "client", "being"), then a table of
 *   exceptions; at least one.  A word in capitals with no vowel is spelled
 *   out (NHS: 3).  A number has a syllable a digit, at most four.  Against
 *   dictionary counts (test_readability.c): 177 of the 177 words the rules
 *   were written against, 143 of 151 words held out (94.7%); the misses are
 *   vowel pairs that are two syllables (poetry, diet, ruin) and silent
 *   vowels (league, marriage).
 * - An acronym is a word (or hyphenated piece) of 2 to 10 capital letters,
 *   maybe with a plural "s" (GPs), that is not a Roman numeral (I, V, X
 *   only: "Part IV"), not on a line with no lower-case letters (a heading in
 *   capitals), and not universally understood (the list below, plus the
 *   caller's).  It is spelled out when its first use is "Expansion Words
 *   (ACR)" or "ACR (Expansion Words)" and the initials of the expansion's
 *   words (each piece of a hyphenated word may count) spell it, any case;
 *   little words (and, of, the, for, ...) may be skipped or counted: "Child
 *   in Need (CIN)".  Only the first use counts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---- characters ---- */

static int
isletter(uint32_t cp)
{
	return cspr_cpclass(cp) == CSPR_C_LETTER;
}

static int
isdigit_(uint32_t cp)
{
	return cp >= '0' && cp <= '9';
}

static int
isspace_(uint32_t cp)
{
	return cspr_cpclass(cp) == CSPR_C_SPACE;
}

static int
isapos(uint32_t cp)
{
	return cspr_cpclass(cp) == CSPR_C_APOS;
}

static int
ishyphen(uint32_t cp)
{
	return cspr_cpclass(cp) == CSPR_C_HYPHEN;
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
}

static int
isupper_(int c)
{
	return c >= 'A' && c <= 'Z';
}

/* ---- syllables ---- */

/* Dictionary counts the rules get wrong, for words common in reports.
 * Sorted. */
struct sylx {
	const char *w;
	int n;
};

/* clang-format off */
static const struct sylx sylx[] = {
	{"area", 3}, {"areas", 3}, {"business", 2}, {"businesses", 3},
	{"create", 2}, {"created", 3}, {"creates", 2}, {"creating", 3},
	{"creative", 3}, {"evening", 2}, {"every", 2}, {"everybody", 4},
	{"everyone", 3}, {"everything", 3}, {"idea", 3}, {"ideas", 3},
	{"ok", 2}, {"people", 2}, {"peoples", 2}, {"poem", 2}, {"poems", 2},
	{"quiet", 2}, {"react", 2}, {"reaction", 3}, {"realise", 3},
	{"realised", 3}, {"reality", 4}, {"science", 2}, {"sciences", 3},
	{"uk", 2}, {"wednesday", 2},
};
/* clang-format on */

static int
cmpsyl(const void *a, const void *b)
{
	return strcmp((const char *)a, *(const char *const *)b);
}

static int
vowel(int c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
	       c == 'y';
}

/* A consonant at w[k] (k in range), y counting as a vowel. */
static int
cons(const char *w, int n, int k)
{
	return k >= 0 && k < n && !vowel(w[k]);
}

static int
ends(const char *w, int n, const char *sfx)
{
	int m = (int)strlen(sfx);

	return n >= m && memcmp(w + n - m, sfx, (size_t)m) == 0;
}

/* -le and -re after a consonant are a syllable of their own ("table",
 * "centre"), -lle and -rre not; w[k] is the l or r. */
static int
syllabic_lr(const char *w, int n, int k)
{
	return (w[k] == 'l' || w[k] == 'r') && cons(w, n, k - 1) &&
	       w[k - 1] != w[k] && !(w[k] == 'l' && w[k - 1] == 'r');
}

/* The rules of the header comment, on a lower-case ASCII word. */
static int
syl_rules(const char *w, int n)
{
	static const char *const compound[] = {"base", "care", "case", "fire",
	    "home", "house", "life", "like", "line", "more", "note", "safe",
	    "side", "some", "there", "time", "where", "whole"};
	static const char *const suffixes[] = {
	    "d", "ful", "less", "ly", "ment", "ments", "ness", "r", "rs", "s"};
	int count = 0, k, in = 0;

	for (k = 0; k < n; k++) {
		int v = vowel(w[k]) && !(k == 0 && w[k] == 'y');

		if (v && !in)
			count++;
		in = v;
	}
	if (count == 0)
		return 1;
	/* silent final e */
	if (n > 2 && w[n - 1] == 'e' && cons(w, n, n - 2) &&
	    !syllabic_lr(w, n, n - 2) && count > 1)
		count--;
	/* silent -es, -ed */
	if (n > 3 && ends(w, n, "es") && cons(w, n, n - 3) && count > 1 &&
	    !strchr("sxzcg", w[n - 3]) && !syllabic_lr(w, n, n - 3) &&
	    !(w[n - 3] == 'h' && n > 4 && (w[n - 4] == 'c' || w[n - 4] == 's')))
		count--;
	if (n > 3 && ends(w, n, "ed") && cons(w, n, n - 3) && count > 1 &&
	    w[n - 3] != 't' && w[n - 3] != 'd' && !syllabic_lr(w, n, n - 3))
		count--;
	/* a silent e before a suffix: "safely", "statement" */
	{
		static const char *const sx[] = {
		    "ly", "ments", "ment", "ful", "less", "ness"};

		for (size_t j = 0; j < sizeof(sx) / sizeof(sx[0]); j++) {
			int m = n - (int)strlen(sx[j]);

			if (m > 2 && ends(w, n, sx[j]) && w[m - 1] == 'e' &&
			    cons(w, n, m - 2) && !syllabic_lr(w, n, m - 2) &&
			    count > 1) {
				count--;
				break;
			}
		}
	}
	/* compounds whose first part ends in a silent e: "someone" */
	for (size_t j = 0; n >= 7 && j < sizeof(compound) / sizeof(compound[0]);
	     j++) {
		int m;

		if (w[0] != compound[j][0])
			continue;
		m = (int)strlen(compound[j]);

		if (n >= m + 3 && memcmp(w, compound[j], (size_t)m) == 0 &&
		    !CSPR_INLIST(suffixes, w + m) && count > 1) {
			count--;
			break;
		}
	}
	/* two vowels that are two syllables */
	for (k = 1; k + 1 < n; k++) {
		char a = w[k], b = w[k + 1], p = w[k - 1];
		int endgroup = k + 2 >= n || !vowel(w[k + 2]);

		if (a == 'i' && b == 'a' && endgroup && !strchr("ctsgl", p))
			count++;
		else if (a == 'i' && b == 'o' && endgroup &&
			 !strchr("tscxnlg", p))
			count++;
		else if (a == 'e' && b == 'o' && endgroup)
			count++;
		else if (a == 'u' && b == 'a' && endgroup && p != 'q' &&
			 p != 'g')
			count++;
		else if (a == 'i' && b == 'e' && endgroup && k + 3 < n &&
			 w[k + 2] == 't' && vowel(w[k + 3]))
			count++; /* anxiety, society */
		else if (a == 'i' && b == 'e' && endgroup && k + 3 < n &&
			 w[k + 2] == 'n' &&
			 (w[k + 3] == 'c' || w[k + 3] == 't') &&
			 !strchr("ctsq", p))
			count++; /* client, experience */
	}
	if (n > 4 && ends(w, n, "ious") && !strchr("ctxg", w[n - 5]))
		count++;
	if (n > 4 && ends(w, n, "ing") && vowel(w[n - 4]))
		count++;
	if (n > 4 &&
	    (ends(w, n, "ier") || ends(w, n, "iers") || ends(w, n, "iest")) &&
	    cons(w, n, (int)(strrchr(w, 'i') - w) - 1))
		count++;
	if (n > 3 && ends(w, n, "que") && count > 1)
		count--;
	return count < 1 ? 1 : count;
}

/* An accented vowel of Latin-1 or Latin Extended-A. */
static int
latin_vowel(uint32_t cp)
{
	if (cp >= 0xc0 && cp < 0x100)
		return cp != 0xc7 && cp != 0xe7 && cp != 0xd1 && cp != 0xf1 &&
		       cp != 0xdf && cp != 0xd0 && cp != 0xf0 && cp != 0xde &&
		       cp != 0xfe && cp != 0xd7 && cp != 0xf7;
	return (cp >= 0x100 && cp <= 0x105) || (cp >= 0x112 && cp <= 0x11b) ||
	       (cp >= 0x128 && cp <= 0x131) || (cp >= 0x14c && cp <= 0x153) ||
	       (cp >= 0x168 && cp <= 0x173) || (cp >= 0x176 && cp <= 0x178);
}

/* Syllables in one piece of a word (no hyphens). */
static int
syl_piece(const unsigned char *s, size_t len)
{
	char w[48];
	int n = 0, digits = 0, upper = 0, letters = 0, hasv = 0, r = 0;
	size_t i = 0, k;
	uint32_t cp;

	/* "child's", "parents'": the apostrophe and what follows it is not
	 * a syllable */
	while (i < len) {
		k = cspr_u8next(s, len, i, &cp);
		if (isapos(cp) && n > 0)
			break;
		if (isdigit_(cp))
			digits++;
		else if (cp < 0x80 && isletter(cp)) {
			letters++;
			if (isupper_((int)cp))
				upper++;
			if (n < (int)sizeof(w) - 1)
				w[n++] = (char)lower((int)cp);
		} else if (isletter(cp)) {
			/* accented vowels are vowels ("café"); 'a' so that
			 * no silent-e rule applies */
			letters++;
			if (n < (int)sizeof(w) - 1)
				w[n++] = latin_vowel(cp) ? 'a' : 'x';
		}
		i += k;
	}
	w[n] = '\0';
	if (digits)
		r += digits < 4 ? digits : 4;
	if (!letters)
		return r;
	for (int j = 0; j < n; j++)
		if (vowel(w[j]))
			hasv = 1;
	/* "2nd": the letters of a number add nothing without a vowel */
	if (digits && !hasv)
		return r;
	/* NHS, GP: said letter by letter */
	if (upper == letters && letters >= 2 && letters <= 6 && !hasv) {
		for (int j = 0; j < n; j++)
			r += w[j] == 'w' ? 3 : 1;
		return r;
	}
	{
		const struct sylx *x =
		    n > 0 ? bsearch(w, sylx, sizeof(sylx) / sizeof(sylx[0]),
				sizeof(sylx[0]), cmpsyl)
			  : NULL;

		if (x)
			return r + x->n;
	}
	return r + syl_rules(w, n);
}

int
cspr_syllables(const char *word, size_t len)
{
	const unsigned char *s = (const unsigned char *)word;
	size_t i = 0, a = 0, k;
	int total = 0;
	uint32_t cp;

	if (!word)
		return 0;
	/* each piece of "multi-agency" */
	while (i <= len) {
		if (i == len) {
			total += syl_piece(s + a, len - a);
			break;
		}
		k = cspr_u8next(s, len, i, &cp);
		if (ishyphen(cp)) {
			total += syl_piece(s + a, i - a);
			a = i + k;
		}
		i += k;
	}
	return total;
}

/* ---- words that matter ---- */

/* Universally understood: never reported.  Also words written in capitals
 * for emphasis.  Sorted. */
/* clang-format off */
static const char *const known_acronyms[] = {
	"ADHD", "AIDS", "AKA", "ALL", "AM", "AND", "ANY", "ARE", "ASAP",
	"ATM", "BBC", "BC", "CCTV", "CD", "CEO", "COVID", "CPR", "CT", "CV",
	"DIY",
	"DNA", "DO", "DRAFT", "DVD", "ECG", "EU", "FAQ", "FYI", "GB", "GCSE",
	"GCSEs", "GP", "HIV", "HR", "ICU", "ID", "IF", "IMPORTANT", "IQ", "IS",
	"IT", "ITV", "IVF", "LGBT", "LGBTQ", "MBE", "MP", "MRI", "MUST",
	"NB", "NEVER", "NHS", "NO", "NOT", "NOTE", "OBE", "OK", "ONLY", "OR",
	"PC", "PDF", "PE", "PIN", "PM", "PS", "PTO", "RSVP", "SIM", "SMS",
	"THE", "TV", "UK", "UN", "URL", "US", "USA", "VAT", "WAS", "YES",
};
/* clang-format on */

/* Little words an expansion may skip: "Child in Need (CIN)". Sorted. */
/* clang-format off */
static const char *const stop_words[] = {
	"a", "an", "and", "at", "by", "for", "from", "in", "its", "of", "on",
	"or", "the", "their", "to", "with",
};
/* clang-format on */

/* ---- the scanner ---- */

/* A recent word, for acronym definitions: its initials. */
struct rword {
	char ini[4]; /* the initial of each hyphenated piece, lower case */
	int nini;
	int stop;
};

#define RING 32

struct rd {
	const unsigned char *s;
	size_t len;
	struct cspr_readability *r;
	long limit;
	const char *const *extra; /* the caller's known acronyms */
	/* the sentence being read */
	long sw;
	size_t sfirst;
	int pending; /* a possible end: decided by the next word's case */
	/* recent words */
	struct rword ring[RING];
	unsigned nring;
	/* acronyms seen: open addressing */
	char (*seen)[12];
	size_t nseen, capseen;
	int allcaps;
	size_t caplong, capacr;
	int oom;
};

static void
end_sentence(struct rd *x)
{
	struct cspr_readability *r = x->r;

	x->pending = 0;
	if (x->sw == 0)
		return;
	r->sentences++;
	if (x->sw > x->limit) {
		if (r->nlong == x->caplong) {
			size_t c = x->caplong ? x->caplong * 2 : 8;
			void *p = realloc(
			    r->long_sentences, c * sizeof(*r->long_sentences));

			if (!p) {
				x->oom = 1;
				x->sw = 0;
				return;
			}
			r->long_sentences = p;
			x->caplong = c;
		}
		r->long_sentences[r->nlong].off = x->sfirst;
		r->long_sentences[r->nlong].words = x->sw;
		r->nlong++;
	}
	x->sw = 0;
}

static uint32_t
hash(const char *w)
{
	uint32_t h = 2166136261u;

	for (; *w; w++)
		h = (h ^ (unsigned char)*w) * 16777619u;
	return h;
}

/* Mark acronym a seen; returns 1 if it was already, -1 on out of
 * memory. */
static int
seen(struct rd *x, const char *a)
{
	size_t k;

	if ((x->nseen + 1) * 2 > x->capseen) {
		size_t c = x->capseen ? x->capseen * 2 : 64;
		char(*t)[12] = calloc(c, sizeof(*t));

		if (!t)
			return -1;
		for (size_t j = 0; j < x->capseen; j++) {
			if (!x->seen[j][0])
				continue;
			for (k = hash(x->seen[j]) & (c - 1); t[k][0];
			     k = (k + 1) & (c - 1))
				;
			memcpy(t[k], x->seen[j], sizeof(t[k]));
		}
		free(x->seen);
		x->seen = t;
		x->capseen = c;
	}
	for (k = hash(a) & (x->capseen - 1); x->seen[k][0];
	     k = (k + 1) & (x->capseen - 1))
		if (strcmp(x->seen[k], a) == 0)
			return 1;
	snprintf(x->seen[k], sizeof(x->seen[k]), "%s", a);
	x->nseen++;
	return 0;
}

static int
is_known(const struct rd *x, const char *a)
{
	if (CSPR_INLIST(known_acronyms, a))
		return 1;
	for (const char *const *p = x->extra; p && *p; p++)
		if (strcmp(*p, a) == 0)
			return 1;
	return 0;
}

/* I, V and X only, and a valid numeral: II, IV, XIV, XXXIX. */
static int
roman(const char *a)
{
	static const char *const ones[] = {
	    "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
	size_t n = strlen(a), t = 0;

	while (t < n && t < 3 && a[t] == 'X')
		t++;
	for (int k = 0; k < 10; k++)
		if (strcmp(a + t, ones[k]) == 0)
			return n > 0;
	return 0;
}

/* Do the words w[0..n) spell acronym a (lower case, m letters)?  Each word
 * gives its initial or the initials of all its pieces; little words may
 * give nothing.  back: the expansion ends at w[n-1] and may start anywhere
 * (at a word that is not little); otherwise it is all of w. */
static int
spells(const char *a, int m, const struct rword *w, int n, int back)
{
	/* ok[i][j]: a[i..m) from w[j..n) */
	unsigned char ok[11][RING + 1];

	if (m > 10 || n > RING)
		return 0;
	for (int i = m; i >= 0; i--)
		for (int j = n; j >= 0; j--) {
			int v = 0;

			if (j == n)
				v = i == m;
			else if (i == m)
				v = w[j].stop && ok[i][j + 1];
			else {
				if (w[j].stop && ok[i][j + 1])
					v = 1;
				if (w[j].nini && w[j].ini[0] == a[i] &&
				    ok[i + 1][j + 1])
					v = 1;
				if (w[j].nini > 1 && i + w[j].nini <= m &&
				    memcmp(w[j].ini, a + i,
					(size_t)w[j].nini) == 0 &&
				    ok[i + w[j].nini][j + 1])
					v = 1;
			}
			ok[i][j] = (unsigned char)v;
		}
	if (!back)
		return ok[0][0];
	for (int j = 0; j < n; j++)
		if (!w[j].stop && ok[0][j])
			return 1;
	return 0;
}

/* The initials of the word s[a..b). */
static void
rword_of(const unsigned char *s, size_t a, size_t b, struct rword *w)
{
	char low[8];
	size_t n = 0, i = a, k;
	int start = 1;
	uint32_t cp;

	memset(w, 0, sizeof(*w));
	while (i < b) {
		k = cspr_u8next(s, b, i, &cp);
		if (ishyphen(cp))
			start = 1;
		else if (isletter(cp) || isdigit_(cp)) {
			if (start && w->nini < 4)
				w->ini[w->nini++] =
				    (char)(cp < 0x80 ? lower((int)cp) : '?');
			start = 0;
			if (n < sizeof(low) - 1)
				low[n++] =
				    (char)(cp < 0x80 ? lower((int)cp) : '?');
			else
				n = sizeof(low); /* too long to be little */
		} else if (isapos(cp))
			break;
		i += k;
	}
	if (n < sizeof(low)) {
		low[n] = '\0';
		w->stop = CSPR_INLIST(stop_words, low);
	}
}

static void
push_ring(struct rd *x, size_t a, size_t b)
{
	rword_of(x->s, a, b, &x->ring[x->nring % RING]);
	x->nring++;
}

/* The end of a word starting at s[i] (a letter or digit), within [.., e). */
static size_t
word_end(const unsigned char *s, size_t e, size_t i, int *dotted)
{
	size_t k, k2;
	uint32_t cp, cp2, prev = 0;

	*dotted = 0;
	/* e.g., i.e., a.m.: single letters with stops */
	k = cspr_u8next(s, e, i, &cp);
	if (isletter(cp) && i + k + 1 < e && s[i + k] == '.') {
		size_t j = i + k;
		int parts = 1;

		while (j + 1 < e && s[j] == '.' && s[j + 1] < 0x80 &&
		       isletter(s[j + 1]) && (j + 2 >= e || s[j + 2] == '.')) {
			j += 2;
			parts++;
		}
		if (parts >= 2 && j < e && s[j] == '.') {
			*dotted = 1;
			return j + 1;
		}
	}
	while (i < e) {
		k = cspr_u8next(s, e, i, &cp);
		if (isletter(cp) || isdigit_(cp) ||
		    (cp >= 0x300 && cp <= 0x36f)) {
			prev = cp;
			i += k;
			continue;
		}
		if (i + k < e) {
			k2 = cspr_u8next(s, e, i + k, &cp2);
			if ((isapos(cp) || ishyphen(cp)) &&
			    (isletter(cp2) || isdigit_(cp2))) {
				prev = cp2;
				i += k + k2;
				continue;
			}
			if ((cp == '.' || cp == ',' || cp == ':') &&
			    isdigit_(prev) && isdigit_(cp2)) {
				prev = cp2;
				i += k + k2;
				continue;
			}
		}
		break;
	}
	return i;
}

/* Is the first use of acronym a (upper case), the word s[ws..we),
 * spelled out there? */
static int
defined(struct rd *x, const char *a, size_t ws, size_t we, size_t b)
{
	const unsigned char *s = x->s;
	char low[12];
	int m = (int)strlen(a);
	size_t i, p;

	for (int k = 0; k < m; k++)
		low[k] = (char)lower(a[k]);
	low[m] = '\0';
	/* "Expansion Words (ACR)": words before the bracket */
	for (p = ws; p > 0 && (s[p - 1] == ' ' || s[p - 1] == '\t'); p--)
		;
	for (i = we; i < b && s[i] == ' '; i++)
		;
	if (p > 0 && s[p - 1] == '(' && i < b && s[i] == ')') {
		struct rword w[RING];
		int n = x->nring < RING ? (int)x->nring : RING;

		for (int k = 0; k < n; k++)
			w[k] = x->ring[(x->nring - (unsigned)n + (unsigned)k) %
				       RING];
		if (spells(low, m, w, n, 1))
			return 1;
	}
	/* "ACR (Expansion Words)": words in the bracket */
	if (i < b && s[i] == '(') {
		struct rword w[RING];
		int n = 0;

		for (i++; i < b && s[i] != ')' && n < RING;) {
			uint32_t cp;
			size_t k = cspr_u8next(s, b, i, &cp);

			if (isletter(cp) || isdigit_(cp)) {
				int dot;
				size_t e = word_end(s, b, i, &dot);

				rword_of(s, i, e, &w[n++]);
				i = e;
			} else
				i += k;
		}
		if (i < b && s[i] == ')' && n > 0 && spells(low, m, w, n, 0))
			return 1;
	}
	return 0;
}

static void
add_acronym(struct rd *x, const char *a, size_t off)
{
	struct cspr_readability *r = x->r;
	struct cspr_acronym *v;

	if (r->nacronyms == x->capacr) {
		size_t c = x->capacr ? x->capacr * 2 : 8;

		if (!(v = realloc(r->acronyms, c * sizeof(*v)))) {
			x->oom = 1;
			return;
		}
		r->acronyms = v;
		x->capacr = c;
	}
	v = &r->acronyms[r->nacronyms++];
	memset(v, 0, sizeof(*v));
	snprintf(v->text, sizeof(v->text), "%s", a);
	v->off = off;
}

/* Acronyms among the pieces of the word s[ws..we): "LIG", "GPs",
 * "LIG's", the "CAMHS" of "CAMHS-led". */
static void
acronyms(struct rd *x, size_t ws, size_t we, size_t b)
{
	const unsigned char *s = x->s;
	size_t st = ws, pe, le;

	while (st < we) {
		char a[12];
		size_t n;
		int ok = 1, r;

		for (pe = st; pe < we && s[pe] != '-'; pe++)
			;
		/* up to an apostrophe, ' or the typographic one */
		for (le = st; le < pe && s[le] != '\'' &&
			      !(s[le] == 0xe2 && le + 2 < pe &&
				  s[le + 1] == 0x80 && s[le + 2] == 0x99);
		     le++)
			;
		n = le - st;
		if (n >= 3 && s[le - 1] == 's')
			n--; /* GPs */
		if (n < 2 || n > 10)
			ok = 0;
		for (size_t k = 0; ok && k < n; k++) {
			if (!isupper_(s[st + k]))
				ok = 0;
			a[k] = (char)s[st + k];
		}
		if (ok) {
			a[n] = '\0';
			if (!roman(a) && !is_known(x, a)) {
				if ((r = seen(x, a)) < 0)
					x->oom = 1;
				else if (r == 0 && !defined(x, a, ws, we, b))
					add_acronym(x, a, st);
			}
		}
		st = pe + 1;
	}
}

/* What a stop says of the sentence being read. */
static void
stop(struct rd *x, int v)
{
	if (v == CSPR_STOP_END)
		end_sentence(x);
	else if (v == CSPR_STOP_MAYBE)
		x->pending = 1;
}

static void
word(struct rd *x, size_t ws, size_t we, int dotted, size_t b)
{
	struct cspr_readability *r = x->r;
	const unsigned char *s = x->s;

	if (x->pending) {
		/* A-Z, or a capital of Latin-1 */
		if (isupper_(s[ws]) ||
		    (s[ws] == 0xc3 && ws + 1 < we && s[ws + 1] >= 0x80 &&
			s[ws + 1] < 0x9f))
			end_sentence(x);
		x->pending = 0;
	}
	r->words++;
	if (x->sw++ == 0)
		x->sfirst = ws;
	r->syllables += cspr_syllables((const char *)s + ws, we - ws);
	if (!x->allcaps)
		acronyms(x, ws, we, b);
	push_ring(x, ws, we);
	/* "a.m." at the end of a sentence */
	if (dotted)
		stop(x, cspr_text_stop(s, b, we - 1, &(size_t){0}));
}

/* Past a bracketed part starting at s[i] (open), to just after its match
 * within [.., b), or i when it does not close. */
static size_t
skip_bracket(const unsigned char *s, size_t i, size_t b, int open, int close)
{
	int depth = 0;

	for (size_t j = i; j < b; j++) {
		if (s[j] == open)
			depth++;
		else if (s[j] == close && --depth == 0)
			return j + 1;
	}
	return i;
}

static int
starts_ci(const unsigned char *s, size_t i, size_t b, const char *p)
{
	size_t n = strlen(p);

	if (b - i < n)
		return 0;
	for (size_t k = 0; k < n; k++)
		if (lower(s[i + k]) != p[k])
			return 0;
	return 1;
}

/* The inline text s[a..b): words, stops, and Markdown to skip. */
static void
inline_text(struct rd *x, size_t a, size_t b)
{
	const unsigned char *s = x->s;
	size_t i = a, k, j;
	uint32_t cp;

	while (i < b && !x->oom) {
		k = cspr_u8next(s, b, i, &cp);
		switch (cp) {
		case '\\':
			/* an escaped character is never markup */
			i++;
			if (i < b)
				i += cspr_u8next(s, b, i, &cp);
			continue;
		case '`':
		case '*':
		case '_':
		case '~':
		case '[':
			/* [^1]: a footnote mark */
			if (cp == '[' && i + 1 < b && s[i + 1] == '^') {
				j = skip_bracket(s, i, b, '[', ']');
				i = j > i ? j : i + 1;
				continue;
			}
			i++;
			continue;
		case ']':
			/* [text](url), [text][ref] */
			if (i + 1 < b && (s[i + 1] == '(' || s[i + 1] == '[')) {
				j = skip_bracket(s, i + 1, b, s[i + 1],
				    s[i + 1] == '(' ? ')' : ']');
				i = j > i + 1 ? j : i + 1;
				continue;
			}
			i++;
			continue;
		case '!':
			/* ![alt](url): not prose */
			if (i + 1 < b && s[i + 1] == '[') {
				j = skip_bracket(s, i + 1, b, '[', ']');
				if (j > i + 1 && j < b && s[j] == '(')
					j = skip_bracket(s, j, b, '(', ')');
				if (j > i + 1) {
					i = j;
					continue;
				}
			}
			break;
		case '<':
			/* <tag>, <http://...>, <!-- --> */
			if (i + 1 < b &&
			    ((s[i + 1] < 0x80 && isletter(s[i + 1])) ||
				s[i + 1] == '/' || s[i + 1] == '!')) {
				for (j = i + 1;
				     j < b && s[j] != '>' && s[j] != '<'; j++)
					;
				if (j < b && s[j] == '>') {
					i = j + 1;
					continue;
				}
			}
			break;
		default:
			break;
		}
		if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026) {
			stop(x, cspr_text_stop(s, b, i, &j));
			i = j;
			continue;
		}
		if (isletter(cp) || isdigit_(cp)) {
			int dotted;

			/* a bare URL is not words */
			if (starts_ci(s, i, b, "http://") ||
			    starts_ci(s, i, b, "https://") ||
			    starts_ci(s, i, b, "www.")) {
				for (j = i; j < b && !isspace_(s[j]) &&
					    s[j] != '<' && s[j] != '>';
				     j++)
					;
				while (j > i && s[j - 1] &&
				       strchr(".,;:!?)]*_", s[j - 1]))
					j--;
				i = j;
				continue;
			}
			j = word_end(s, b, i, &dotted);
			word(x, i, j, dotted, b);
			i = j;
			continue;
		}
		i += k;
	}
}

/* ---- blocks ---- */

static size_t
skip_sp(const unsigned char *s, size_t i, size_t e)
{
	while (i < e && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* A line of one repeated character (---, ===, ***, ___), spaces allowed. */
static int
rule_line(const unsigned char *s, size_t a, size_t e)
{
	int c = 0, n = 0;

	for (size_t i = a; i < e; i++) {
		if (s[i] == ' ' || s[i] == '\t')
			continue;
		if (!s[i] || !strchr("-=*_", s[i]) || (c && s[i] != c))
			return 0;
		c = s[i];
		n++;
	}
	return n >= 2 || (n == 1 && c == '=');
}

/* |---|:--:| */
static int
table_rule(const unsigned char *s, size_t a, size_t e)
{
	int dash = 0;

	for (size_t i = a; i < e; i++) {
		if (s[i] == '-')
			dash = 1;
		else if (!s[i] || !strchr("|: \t", s[i]))
			return 0;
	}
	return dash;
}

/* A line with letters and none in lower case: a heading in capitals. */
static int
caps_line(const unsigned char *s, size_t a, size_t e)
{
	int up = 0;

	for (size_t i = a; i < e; i++) {
		if (s[i] >= 'a' && s[i] <= 'z')
			return 0;
		if (s[i] >= 'A' && s[i] <= 'Z')
			up++;
	}
	return up >= 4;
}

/* The length of a list marker at s[i] ("- ", "1. ", "a) ", "(a) "), or 0. */
static size_t
list_marker(const unsigned char *s, size_t i, size_t e)
{
	size_t j = i;

	if (j + 1 < e && s[j] && strchr("-*+", s[j]) && s[j + 1] == ' ')
		return 2;
	if (j + 3 < e && s[j] == 0xe2 && s[j + 1] == 0x80 && s[j + 2] == 0xa2 &&
	    s[j + 3] == ' ')
		return 4; /* bullet */
	while (j < e && j - i < 9 && s[j] >= '0' && s[j] <= '9')
		j++;
	if (j > i && j + 1 < e && (s[j] == '.' || s[j] == ')') &&
	    s[j + 1] == ' ')
		return j + 2 - i;
	if (i + 2 < e && s[i] >= 'a' && s[i] <= 'z' && s[i + 1] == ')' &&
	    s[i + 2] == ' ')
		return 3;
	if (i + 3 < e && s[i] == '(' && s[i + 1] >= 'a' && s[i + 1] <= 'z' &&
	    s[i + 2] == ')' && s[i + 3] == ' ')
		return 4;
	return 0;
}

static void
line(struct rd *x, size_t a, size_t e)
{
	const unsigned char *s = x->s;
	size_t i = skip_sp(s, a, e), n;

	x->allcaps = caps_line(s, a, e);
	if (i == e) {
		end_sentence(x); /* a blank line ends a paragraph */
		return;
	}
	/* block quotes */
	while (i < e && s[i] == '>')
		i = skip_sp(s, i + 1, e);
	if (i == e) {
		end_sentence(x);
		return;
	}
	if (rule_line(s, i, e)) {
		end_sentence(x);
		return;
	}
	/* # Heading #: a sentence of its own */
	if (s[i] == '#') {
		size_t h = i;

		while (h < e && s[h] == '#' && h - i < 7)
			h++;
		if (h - i <= 6 && (h == e || s[h] == ' ' || s[h] == '\t')) {
			size_t t = e;

			while (t > h && (s[t - 1] == '#' || s[t - 1] == ' ' ||
					    s[t - 1] == '\t'))
				t--;
			end_sentence(x);
			inline_text(x, h, t);
			end_sentence(x);
			return;
		}
	}
	/* a table: each cell a sentence; the rule row is nothing */
	if (s[i] == '|') {
		end_sentence(x);
		if (table_rule(s, i, e))
			return;
		for (size_t c = i + 1; c <= e; c++)
			if (c == e || (s[c] == '|' && s[c - 1] != '\\')) {
				inline_text(x, i + 1, c);
				end_sentence(x);
				i = c;
			}
		return;
	}
	if ((n = list_marker(s, i, e)) > 0) {
		end_sentence(x);
		i += n;
	}
	inline_text(x, i, e);
}

struct cspr_readability *
cspr_readability(
    const char *text, size_t len, const struct cspr_readability_opts *opts)
{
	struct cspr_readability *r = calloc(1, sizeof(*r));
	struct rd x;
	const unsigned char *s = (const unsigned char *)text;
	struct cspr_line *lines;
	size_t nlines;

	if (!r)
		return NULL;
	if (!text)
		len = 0;
	memset(&x, 0, sizeof(x));
	x.s = s;
	x.len = len;
	x.r = r;
	x.limit = opts && opts->long_sentence > 0 ? opts->long_sentence
						  : CSPR_LONG_SENTENCE;
	x.extra = opts ? opts->known_acronyms : NULL;
	/* lines as text.c reads them: front matter and fenced code are not
	 * prose; a fence ends a sentence */
	if (cspr_text_lines(text, len, &lines, &nlines) < 0) {
		cspr_readability_free(&r);
		return NULL;
	}
	for (size_t k = 0; k < nlines && !x.oom; k++) {
		if (lines[k].kind == CSPR_L_SKIP)
			end_sentence(&x);
		else if (lines[k].kind != CSPR_L_CODE)
			line(&x, lines[k].off, lines[k].off + lines[k].len);
	}
	free(lines);
	end_sentence(&x);
	free(x.seen);
	if (x.oom) {
		cspr_readability_free(&r);
		return NULL;
	}
	if (r->words > 0 && r->sentences > 0) {
		double wps = (double)r->words / (double)r->sentences;
		double spw = (double)r->syllables / (double)r->words;

		r->words_per_sentence = wps;
		r->flesch_reading_ease = 206.835 - 1.015 * wps - 84.6 * spw;
		r->flesch_kincaid_grade = 0.39 * wps + 11.8 * spw - 15.59;
	}
	{
		struct cspr_textpos c1 = {0}, c2 = {0};

		for (size_t k = 0; k < r->nlong; k++) {
			cspr_textpos_at(text, len, &c1,
			    r->long_sentences[k].off);
			r->long_sentences[k].line = c1.line;
			r->long_sentences[k].col = c1.col;
		}
		for (size_t k = 0; k < r->nacronyms; k++) {
			cspr_textpos_at(text, len, &c2, r->acronyms[k].off);
			r->acronyms[k].line = c2.line;
			r->acronyms[k].col = c2.col;
		}
	}
	return r;
}

void
cspr_readability_free(struct cspr_readability **rp)
{
	if (!rp || !*rp)
		return;
	free((*rp)->long_sentences);
	free((*rp)->acronyms);
	free(*rp);
	*rp = NULL;
}
