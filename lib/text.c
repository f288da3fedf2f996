/*
 * text.c - the text layer: how the library reads the bytes of a report or
 * of free text before any rule looks at them.
 *
 * A report is UTF-8.  One that is not (a Word document saved as "Text
 * only" on Windows writes Windows-1252) is decoded as Windows-1252 rather
 * than read as bytes: "Chloë" with the byte 0xEB is then the name it is,
 * and the detector finds it.  Every byte of Windows-1252 is one
 * character, so a line:col in the decoded text is the same in the file.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---- characters ---- */

/* A rough Unicode classification: enough to find words in English text
 * with names from anywhere, without tables. */
int
cspr_cpclass_slow(uint32_t cp)
{
	if (cp < 0x80)
		return cspr_cpclass(cp);
	if (cp == 0x85 || cp == 0xa0 || (cp >= 0x2000 && cp <= 0x200b) ||
	    cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f ||
	    cp == 0x3000)
		return CSPR_C_SPACE;
	if (cp == 0x2018 || cp == 0x2019 || cp == 0x2bc)
		return CSPR_C_APOS;
	if (cp == 0x2010 || cp == 0x2011)
		return CSPR_C_HYPHEN;
	/* soft hyphen, joiners and combining marks stay inside a word */
	if (cp == 0xad || cp == 0x200c || cp == 0x200d || cp == 0x2060 ||
	    (cp >= 0x300 && cp <= 0x36f))
		return CSPR_C_IGNORE;
	if (cp < 0xc0 || cp == 0xd7 || cp == 0xf7)
		return CSPR_C_OTHER;
	if (cp < 0x2000)
		return CSPR_C_LETTER;
	if (cp < 0x2c00)
		return CSPR_C_OTHER; /* punctuation, symbols, arrows */
	if (cp < 0x2e00)
		return CSPR_C_LETTER;
	if (cp < 0x3040)
		return CSPR_C_OTHER;
	if (cp < 0xe000)
		return CSPR_C_LETTER;
	if (cp < 0xf900)
		return CSPR_C_OTHER; /* private use */
	if (cp < 0xfe00 || (cp >= 0xfe70 && cp < 0xfeff) ||
	    (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a))
		return CSPR_C_LETTER;
	if ((cp >= 0x10000 && cp < 0x1f000) || (cp >= 0x20000 && cp < 0x40000))
		return CSPR_C_LETTER;
	return CSPR_C_OTHER;
}

/* Latin-1 Supplement and Latin Extended-A, U+00C0 to U+017F: the ASCII
 * letters each folds to, and whether it is a capital. */
/* clang-format off */
static const struct {
	char f[3];
	char upper;
} latin[192] = {
	{"a",1},{"a",1},{"a",1},{"a",1},{"a",1},{"a",1},{"ae",1},{"c",1}, /* 00C0 */
	{"e",1},{"e",1},{"e",1},{"e",1},{"i",1},{"i",1},{"i",1},{"i",1}, /* 00C8 */
	{"d",1},{"n",1},{"o",1},{"o",1},{"o",1},{"o",1},{"o",1},{"",0}, /* 00D0 */
	{"o",1},{"u",1},{"u",1},{"u",1},{"u",1},{"y",1},{"th",1},{"ss",0}, /* 00D8 */
	{"a",0},{"a",0},{"a",0},{"a",0},{"a",0},{"a",0},{"ae",0},{"c",0}, /* 00E0 */
	{"e",0},{"e",0},{"e",0},{"e",0},{"i",0},{"i",0},{"i",0},{"i",0}, /* 00E8 */
	{"d",0},{"n",0},{"o",0},{"o",0},{"o",0},{"o",0},{"o",0},{"",0}, /* 00F0 */
	{"o",0},{"u",0},{"u",0},{"u",0},{"u",0},{"y",0},{"th",0},{"y",0}, /* 00F8 */
	{"a",1},{"a",0},{"a",1},{"a",0},{"a",1},{"a",0},{"c",1},{"c",0}, /* 0100 */
	{"c",1},{"c",0},{"c",1},{"c",0},{"c",1},{"c",0},{"d",1},{"d",0}, /* 0108 */
	{"d",1},{"d",0},{"e",1},{"e",0},{"e",1},{"e",0},{"e",1},{"e",0}, /* 0110 */
	{"e",1},{"e",0},{"e",1},{"e",0},{"g",1},{"g",0},{"g",1},{"g",0}, /* 0118 */
	{"g",1},{"g",0},{"g",1},{"g",0},{"h",1},{"h",0},{"h",1},{"h",0}, /* 0120 */
	{"i",1},{"i",0},{"i",1},{"i",0},{"i",1},{"i",0},{"i",1},{"i",0}, /* 0128 */
	{"i",1},{"i",0},{"ij",1},{"ij",0},{"j",1},{"j",0},{"k",1},{"k",0}, /* 0130 */
	{"k",0},{"l",1},{"l",0},{"l",1},{"l",0},{"l",1},{"l",0},{"l",1}, /* 0138 */
	{"l",0},{"l",1},{"l",0},{"n",1},{"n",0},{"n",1},{"n",0},{"n",1}, /* 0140 */
	{"n",0},{"n",0},{"n",1},{"n",0},{"o",1},{"o",0},{"o",1},{"o",0}, /* 0148 */
	{"o",1},{"o",0},{"oe",1},{"oe",0},{"r",1},{"r",0},{"r",1},{"r",0}, /* 0150 */
	{"r",1},{"r",0},{"s",1},{"s",0},{"s",1},{"s",0},{"s",1},{"s",0}, /* 0158 */
	{"s",1},{"s",0},{"t",1},{"t",0},{"t",1},{"t",0},{"t",1},{"t",0}, /* 0160 */
	{"u",1},{"u",0},{"u",1},{"u",0},{"u",1},{"u",0},{"u",1},{"u",0}, /* 0168 */
	{"u",1},{"u",0},{"u",1},{"u",0},{"w",1},{"w",0},{"y",1},{"y",0}, /* 0170 */
	{"y",1},{"z",1},{"z",0},{"z",1},{"z",0},{"z",1},{"z",0},{"s",0}, /* 0178 */
};
/* clang-format on */

/* Append the folded form of letter or digit cp to out; returns the bytes
 * written (0-4) and sets *upper. */
size_t
cspr_foldcp(uint32_t cp, char *out, int *upper)
{
	*upper = 0;
	if (cp < 0x80) {
		if (cp >= 'A' && cp <= 'Z') {
			*upper = 1;
			cp |= 0x20;
		}
		out[0] = (char)cp;
		return 1;
	}
	if (cp >= 0xc0 && cp < 0x180) {
		size_t n = strlen(latin[cp - 0xc0].f);

		memcpy(out, latin[cp - 0xc0].f, n);
		*upper = latin[cp - 0xc0].upper;
		return n;
	}
	/* Greek and Cyrillic capitals: enough to make their names
	 * case-insensitive too */
	if ((cp >= 0x391 && cp <= 0x3a9) || (cp >= 0x410 && cp <= 0x42f)) {
		*upper = 1;
		cp += 0x20;
	} else if (cp >= 0x400 && cp <= 0x40f) {
		*upper = 1;
		cp += 0x50;
	}
	return cspr_u8enc(out, cp);
}


/* ---- words ---- */

/* The end of the word starting at s[i]: letters and digits, with
 * apostrophes and hyphens between them. */
size_t
cspr_text_word_end(const unsigned char *s, size_t len, size_t i)
{
	uint32_t cp, cp2;
	size_t n, n2;
	int c;

	while (i < len) {
		n = cspr_u8next(s, len, i, &cp);
		c = cspr_cpclass(cp);
		if (c == CSPR_C_LETTER || c == CSPR_C_DIGIT || c == CSPR_C_IGNORE) {
			i += n;
			continue;
		}
		if ((c == CSPR_C_APOS || c == CSPR_C_HYPHEN) && i + n < len) {
			n2 = cspr_u8next(s, len, i + n, &cp2);
			c = cspr_cpclass(cp2);
			if (c == CSPR_C_LETTER || c == CSPR_C_DIGIT) {
				i += n + n2;
				continue;
			}
		}
		break;
	}
	return i;
}

/* Fold s[i..e) into out (at most CSPR_FOLDMAX bytes): lower case ASCII for the
 * Latin letters, "'" for every apostrophe, "-" for every hyphen.  Returns
 * the length, or -1 when it does not fit.  *cap: the first letter is a
 * capital. */
int
cspr_text_fold(const unsigned char *s, size_t i, size_t e, char *out, int *cap)
{
	size_t o = 0, n;
	uint32_t cp;
	int up, first = 1;

	if (cap)
		*cap = 0;
	while (i < e) {
		char tmp[4];
		size_t k = 0;

		n = cspr_u8next(s, e, i, &cp);
		switch (cspr_cpclass(cp)) {
		case CSPR_C_LETTER:
		case CSPR_C_DIGIT:
			k = cspr_foldcp(cp, tmp, &up);
			if (first && cap)
				*cap = up;
			first = 0;
			break;
		case CSPR_C_APOS:
			tmp[0] = '\'';
			k = 1;
			break;
		case CSPR_C_HYPHEN:
			tmp[0] = '-';
			k = 1;
			break;
		default:
			break;
		}
		if (o + k > CSPR_FOLDMAX)
			return -1;
		memcpy(out + o, tmp, k);
		o += k;
		i += n;
	}
	return (int)o;
}

/* ---- titles ---- */

/* Before a name: "Mrs Hope", "Dr. Farrow", "PC Dev".  abbrev: written
 * with a full stop that ends no sentence ("Dr. Farrow").  Sorted. */
/* clang-format off */
static const struct title {
	const char *w;
	int abbrev;
} titles[] = {
	{.w = "cllr", .abbrev = 1},
	{.w = "dame"},
	{.w = "dc"},
	{.w = "det", .abbrev = 1},
	{.w = "doctor"},
	{.w = "dr", .abbrev = 1},
	{.w = "insp", .abbrev = 1},
	{.w = "inspector"},
	{.w = "lady"},
	{.w = "miss"},
	{.w = "mr", .abbrev = 1},
	{.w = "mrs", .abbrev = 1},
	{.w = "ms", .abbrev = 1},
	{.w = "mx", .abbrev = 1},
	{.w = "pc"},
	{.w = "prof", .abbrev = 1},
	{.w = "professor"},
	{.w = "rev", .abbrev = 1},
	{.w = "revd", .abbrev = 1},
	{.w = "reverend"},
	{.w = "sgt", .abbrev = 1},
	{.w = "sir"},
	{.w = "supt", .abbrev = 1},
};
/* clang-format on */

static int
cmptitle(const void *a, const void *b)
{
	return strcmp(a, ((const struct title *)b)->w);
}

static const struct title *
title(const char *folded)
{
	return bsearch(folded, titles, sizeof(titles) / sizeof(titles[0]),
	    sizeof(titles[0]), cmptitle);
}

int
cspr_is_title(const char *folded)
{
	return title(folded) != NULL;
}

int
cspr_is_title_abbrev(const char *folded)
{
	const struct title *t = title(folded);

	return t && t->abbrev;
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int
cspr_inlist(const char *const *l, size_t n, const char *w)
{
	return bsearch(&w, l, n, sizeof(*l), cmpstr) != NULL;
}

/* ---- sentences ---- */

/* A full stop after these never ends a sentence, nor after a title
 * written with one (Dr. Mrs. Prof.). Sorted. */
/* clang-format off */
static const char *const never_end[] = {
	"al", "approx", "apr", "aug", "cf", "dec", "dept", "e.g", "eg", "est",
	"ext", "feb", "hrs", "i.e", "ie", "jan", "jr", "jul", "jun", "mar",
	"mins", "nb", "nov", "oct", "sep", "sept", "sr", "st", "tel", "viz",
	"vs",
};
/* clang-format on */

/* ... nor after these before a number: "No. 3", "para. 9.12". Sorted. */
/* clang-format off */
static const char *const number_abbrevs[] = {
	"ch", "fig", "figs", "no", "nos", "p", "para", "paras", "pg", "pp",
	"ref", "sec", "vol",
};
/* clang-format on */

/* ... and after these only when the next word has a capital. Sorted. */
/* clang-format off */
static const char *const cond_end[] = {
	"co", "etc", "inc", "ltd", "plc",
};
/* clang-format on */

static int
alpha(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* The word just before s[i], lower case, in out (16 bytes): ASCII letters
 * with full stops between them ("e.g"); *dotted when it has one.  0 when
 * there is none, or it is longer, or part of a word with other
 * characters ("Zoë", "A4"). */
static int
word_before(const unsigned char *s, size_t i, char *out, int *dotted)
{
	size_t a = i, n = 0;

	*dotted = 0;
	while (a > 0 && i - a < 15) {
		if (alpha(s[a - 1]))
			a--;
		else if (s[a - 1] == '.' && a < i && a > 1 && alpha(s[a - 2])) {
			a--;
			*dotted = 1;
		} else
			break;
	}
	if (a == i || (a > 0 && (alpha(s[a - 1]) || s[a - 1] >= 0x80 ||
	    (s[a - 1] >= '0' && s[a - 1] <= '9'))))
		return 0;
	for (; a < i; a++)
		out[n++] = (char)(s[a] | (alpha(s[a]) ? 0x20 : 0));
	out[n] = '\0';
	return 1;
}

static int
closer(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '*' ||
	       cp == '_' || cp == '`' || cp == 0x201d || cp == 0x2019 ||
	       cp == 0xbb;
}

int
cspr_text_stop(const unsigned char *s, size_t b, size_t i, size_t *next)
{
	size_t j = i, k, q;
	int dots = 0, bang = 0, ell = 0, dotted;
	uint32_t cp;
	char w[16];

	while (j < b) {
		k = cspr_u8next(s, b, j, &cp);
		if (cp == '.')
			dots++;
		else if (cp == '!' || cp == '?')
			bang = 1;
		else if (cp == 0x2026)
			ell = 1;
		else
			break;
		j += k;
	}
	while (j < b) {
		k = cspr_u8next(s, b, j, &cp);
		/* a footnote mark after the stop: "2019.[^1] The" */
		if (cp == '[' && j + 1 < b && s[j + 1] == '^') {
			for (q = j + 2; q < b && s[q] != ']' && s[q] != '['; q++)
				;
			if (q < b && s[q] == ']') {
				j = q + 1;
				continue;
			}
		}
		if (!closer(cp))
			break;
		j += k;
	}
	*next = j;
	if (j < b) {
		cspr_u8next(s, b, j, &cp);
		if (cspr_cpclass(cp) != CSPR_C_SPACE)
			return CSPR_STOP_NONE;
	}
	if (bang)
		return CSPR_STOP_END;
	if (ell || dots > 1)
		return CSPR_STOP_MAYBE;
	if (!word_before(s, i, w, &dotted))
		return CSPR_STOP_END;
	if (CSPR_INLIST(never_end, w) || cspr_is_title_abbrev(w))
		return CSPR_STOP_NONE;
	if (CSPR_INLIST(number_abbrevs, w)) {
		for (q = j; q < b && (s[q] == ' ' || s[q] == '\t'); q++)
			;
		return q < b && s[q] >= '0' && s[q] <= '9' ? CSPR_STOP_NONE
							   : CSPR_STOP_END;
	}
	if (dotted || CSPR_INLIST(cond_end, w))
		return CSPR_STOP_MAYBE;
	return CSPR_STOP_END;
}

void
cspr_sentences_gap(struct cspr_sentences *t, const unsigned char *s,
    size_t len, size_t i, uint32_t cp)
{
	int v;

	if (cp == '\n') {
		if (t->linestart)
			t->start = 1; /* a blank line */
		t->linestart = 1;
		return;
	}
	if (cspr_cpclass(cp) == CSPR_C_SPACE)
		return;
	/* a list item: "2) Will", "(b) Dev" */
	if (t->item && cp == ')')
		t->start = 1;
	t->item = 0;
	if (t->linestart && cp == '(') {
		t->clause = 1;
		return;
	}
	/* a heading, list item, quotation or table cell */
	if (t->linestart && ((cp < 0x80 && cp && strchr("#-*+>|", (int)cp)) ||
	    cp == 0x2022))
		t->start = 1;
	else if (cp == 0x2022)
		t->clause = 1;
	t->linestart = 0;
	if (i < t->past)
		return;
	if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026) {
		v = cspr_text_stop(s, len, i, &t->past);
		t->start |= v == CSPR_STOP_END;
		t->maybe |= v == CSPR_STOP_MAYBE;
	} else if (cp == ':' || cp == ';' || cp == '(' || cp == '"' ||
	    cp == 0x201c)
		t->clause = 1;
}

int
cspr_sentences_word(struct cspr_sentences *t, const unsigned char *s,
    size_t i, size_t e, int cap)
{
	int r = t->start || (t->maybe && cap) ? CSPR_SENT_START
	    : t->clause			       ? CSPR_SENT_CLAUSE
						       : CSPR_SENT_IN;
	size_t k = i;

	/* a list item's number or letter, first on its line */
	while (k < e && k - i < 3 && s[k] >= '0' && s[k] <= '9')
		k++;
	t->item = t->linestart && ((k == e && k > i) ||
	    (e == i + 1 && alpha(s[i])));
	t->start = t->maybe = t->clause = t->linestart = 0;
	return r;
}

/* ---- lines and columns ---- */

void
cspr_textpos_at(const char *text, size_t len, struct cspr_textpos *c,
    size_t off)
{
	const unsigned char *s = (const unsigned char *)text;
	uint32_t cp;

	if (c->line == 0) {
		c->pos = 0;
		c->line = c->col = 1;
	}
	while (c->pos < off && c->pos < len) {
		c->pos += cspr_u8next(s, len, c->pos, &cp);
		if (cp == '\n') {
			c->line++;
			c->col = 1;
		} else
			c->col++;
	}
}

long
cspr_text_chars(const char *text, size_t len, size_t from, size_t to)
{
	long n = 0;

	while (from < to && from < len) {
		from += cspr_u8next((const unsigned char *)text, len, from,
		    &(uint32_t){0});
		n++;
	}
	return n;
}

/* Windows-1252's 0x80-0x9F; the five bytes it leaves undefined are the C1
 * controls of the same number, as browsers decode them. */
/* clang-format off */
static const uint16_t cp1252[32] = {
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
	0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
};
/* clang-format on */

int
cspr_text_is_utf8(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	uint32_t cp;
	size_t i = 0, n;

	while (i < len) {
		n = cspr_u8next(s, len, i, &cp);
		/* U+FFFD from one byte is the decoder's mark for a bad one */
		if (cp == 0xfffd && n == 1)
			return 0;
		i += n;
	}
	return 1;
}

char *
cspr_text_from_cp1252(const char *text, size_t len, size_t *outlen)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t o = 0;
	char *out;

	if (len > (SIZE_MAX - 1) / 3 || !(out = malloc(len * 3 + 1)))
		return NULL;
	for (size_t i = 0; i < len; i++) {
		uint32_t cp = s[i] >= 0x80 && s[i] < 0xa0 ?
		    cp1252[s[i] - 0x80] : s[i];

		o += cspr_u8enc(out + o, cp);
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

/* ---- lines of a report ---- */

int
cspr_text_hspace(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

int
cspr_text_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!cspr_text_hspace(s[i]))
			return 0;
	return 1;
}

int
cspr_text_wordc(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' &&
	    (c | 0x20) <= 'z') || c >= 0x80;
}

/* A code fence: at most three spaces (a form feed, which pdftotext puts
 * before a page's first line, is none), then three or more ` or ~.  Its
 * character and length; *rest is 1 when nothing but spaces follows the
 * run, as a closing fence must. */
static int
fence(const char *s, size_t n, char *c, size_t *flen, int *rest)
{
	size_t at = 0, w = 0, i;

	while (at < n && (s[at] == ' ' || s[at] == '\t' || s[at] == '\f')) {
		w += s[at] == '\t' ? 4 : s[at] == ' ';
		at++;
	}
	if (w > 3 || at >= n || (s[at] != '`' && s[at] != '~'))
		return 0;
	for (i = at; i < n && s[i] == s[at]; i++)
		;
	if (i - at < 3)
		return 0;
	*c = s[at];
	*flen = i - at;
	*rest = cspr_text_blank(s + i, n - i);
	return 1;
}

/* "---" or "..." and nothing after but spaces. */
static int
matter_mark(const char *s, size_t n, int end)
{
	return n >= 3 && (memcmp(s, "---", 3) == 0 ||
	    (end && memcmp(s, "...", 3) == 0)) && cspr_text_blank(s + 3, n - 3);
}

int
cspr_text_lines(const char *text, size_t len, struct cspr_line **out,
    size_t *nout)
{
	struct cspr_line *v = NULL;
	size_t n = 0, cap = 0, i = 0, flen = 0, fl;
	char fc = 0, c;
	int infence = 0, rest;

	*out = NULL;
	*nout = 0;
	if (!text)
		len = 0;
	while (i < len) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - text) : len;

		if (cspr_grow(&v, &cap, n + 1, sizeof(*v)) < 0) {
			free(v);
			return -1;
		}
		v[n].off = i;
		v[n].len = end - i;
		if (v[n].len > 0 && text[end - 1] == '\r')
			v[n].len--;
		/* a byte-order mark is not part of the first line's text */
		if (n == 0 && v[0].len >= 3 &&
		    memcmp(text, "\xef\xbb\xbf", 3) == 0) {
			v[0].off = 3;
			v[0].len -= 3;
		}
		v[n].kind = CSPR_L_TEXT;
		n++;
		i = end + 1;
	}
	/* YAML front matter: "---" on the first line, to "---" or "..." */
	i = 0;
	if (n > 0 && matter_mark(text + v[0].off, v[0].len, 0)) {
		for (i = 1; i < n; i++)
			if (matter_mark(text + v[i].off, v[i].len, 1))
				break;
		if (i < n) {
			for (size_t k = 0; k <= i; k++)
				v[k].kind = CSPR_L_SKIP;
			i++;
		} else
			i = 0;
	}
	/* fenced code: closed by a fence of the same character, at least as
	 * long, with nothing after it (CommonMark), or by the end */
	for (; i < n; i++) {
		const char *s = text + v[i].off;

		if (infence) {
			if (fence(s, v[i].len, &c, &fl, &rest) && c == fc &&
			    fl >= flen && rest) {
				infence = 0;
				v[i].kind = CSPR_L_SKIP;
			} else
				v[i].kind = CSPR_L_CODE;
		} else if (fence(s, v[i].len, &fc, &flen, &rest)) {
			infence = 1;
			v[i].kind = CSPR_L_SKIP;
		} else if (cspr_text_blank(s, v[i].len))
			v[i].kind = CSPR_L_BLANK;
	}
	*out = v;
	*nout = n;
	return 0;
}

