/*
 * publish.c - may this final report be published?  (9.12, 9.15, 9.16,
 * 10.7, 10.8)
 *
 * csp-publish-check reads a case and its final report and says what stands
 * in the way of publishing it: what the report must contain (9.12.1), what
 * it must not (anything identifying, 9.12.2, 9.15.2, 9.4.3), the reviewer's
 * name (9.15.1), plain English (9.12.2), and the partnership's duties
 * around publication (9.15.1, 9.15.3, 9.16.1-9.16.3, 9.16.5, 10.8.3).  The
 * identifiers come from identifiers.c, the measures from readability.c and
 * the due dates from the rows of duties.c, so that csp-deadlines,
 * csp-notify and this module never disagree about a date.
 *
 * Headings (the content checks of 9.12.1 look for them):
 * - Markdown: "#" to "######" after at most three spaces, then a space or
 *   the end of the line (closing "#"s dropped); a line with a line of at
 *   least three "=" (level 1) or "-" (level 2) under it (setext).
 * - Plain text, as pdftotext and pandoc -t plain write headings: a line of
 *   at most 10 words and 80 characters, maybe numbered ("5.", "5.2", "A.",
 *   "(b)", "iv)"), whose first word after the number starts with a
 *   capital, that does not end a sentence or clause (. , ; : ! at the end,
 *   before any closing quotes or brackets), is not a list item, table row,
 *   quotation or markup, and is written in capitals (level 7) or stands
 *   alone between blank lines, headings, or the start or end (levels 8, 9,
 *   10 numbered "5", "5.2", deeper or with a letter; 11 with no number).
 *   A one-line paragraph of a few words with no full stop is taken for a
 *   heading: harmless, as its words still count in the section above.
 * - YAML front matter is skipped; a fenced code block is text, never
 *   headings.
 * A heading's section runs to the next heading of its level or above; it
 * has text when any line in it, a lower heading included, has a word.  A
 * summary is there when some heading whose words hold one of the phrases
 * (see cspr_heading_matches) has text under it.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

const char *const cspr_improvements_headings[] = {"recommendations",
    "recommended improvements", "improvements", NULL};
const char *const cspr_analysis_headings[] = {"analysis", "systemic",
    "underlying reasons", "findings", NULL};

#define P_CONTENT "9.12.1"
#define P_CONTENT_NATIONAL "10.7.1"
#define P_IDENTIFIER "9.12.2, 9.15.2, 9.4.3"
#define P_REVIEWER "9.15.1"
#define P_PLAIN "9.12.2"
#define P_LATE "9.16.1, 9.16.3"
#define P_DELAY "9.16.3"
#define P_AVAILABLE "9.15.1"
#define P_AVAILABLE_NATIONAL "10.8.3"
#define P_NONPUB "9.15.1"
#define P_NONPUB_NOTICE "9.15.3"
#define P_COURT "9.16.5"

/* ---- reading ---- */

/* Characters in s[from..to). */
static long
chars(const char *s, size_t len, size_t from, size_t to)
{
	long n = 0;

	while (from < to) {
		from += cspr_u8next((const unsigned char *)s, len, from,
		    &(uint32_t){0});
		n++;
	}
	return n;
}

int
cspr_report_read(const char *path, char **buf, size_t *len,
    struct cspr_errors *e)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	const char *nul, *why = NULL;
	int r = cspr_read_file(path, CSPR_MAX_REPORT, buf, len, e);
	long line = 1;
	size_t bol = 0;

	if (r != CSPR_OK)
		return r;
	/* what a report in the wrong format starts with */
	if (*len >= 5 && memcmp(*buf, "%PDF-", 5) == 0)
		why = "a PDF file: convert it with pdftotext first";
	else if (*len >= 4 && memcmp(*buf, "PK\3\4", 4) == 0)
		why = "a Word (or other zip) file: convert it with pandoc first";
	else if ((nul = memchr(*buf, '\0', *len))) {
		for (size_t i = 0; *buf + i < nul; i++)
			if ((*buf)[i] == '\n') {
				line++;
				bol = i + 1;
			}
		cspr_errors_add(e, name, line, chars(*buf, *len, bol,
		    (size_t)(nul - *buf)) + 1, NULL, "not a text file: a NUL "
		    "byte");
	}
	if (why)
		cspr_errors_add(e, name, 0, 0, NULL, "not a text file: %s",
		    why);
	if (why || memchr(*buf, '\0', *len)) {
		free(*buf);
		*buf = NULL;
		*len = 0;
		return CSPR_FINDINGS;
	}
	return CSPR_OK;
}

char *
cspr_report_path(const json_t *root, const char *case_file, int *oom)
{
	const char *f = cspr_get_str(root, "report.file");
	const char *slash = case_file ? strrchr(case_file, '/') : NULL;
	char *s;
	size_t n;

	*oom = 0;
	if (!f || !*f)
		return NULL;
	if (f[0] == '/' || !slash || strcmp(case_file, "<stdin>") == 0) {
		s = strdup(f);
	} else {
		n = (size_t)(slash - case_file) + 1;
		if ((s = malloc(n + strlen(f) + 1))) {
			memcpy(s, case_file, n);
			strcpy(s + n, f);
		}
	}
	if (!s)
		*oom = 1;
	return s;
}

/* ---- headings ---- */

struct line {
	size_t off, len; /* without the line end */
	enum { L_SKIP, L_BLANK, L_BODY, L_CODE, L_HEADING, L_UNDER } kind;
	long words;
};

static int
hspace(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static int
alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' &&
	    (c | 0x20) <= 'z');
}

/* A word character: ASCII letters and digits, and any byte of a UTF-8
 * character (most of them letters in a report). */
static int
wordc(unsigned char c)
{
	return alnum(c) || c >= 0x80;
}

static long
count_words(const char *s, size_t n)
{
	long w = 0;

	for (size_t i = 0; i < n; i++)
		if (wordc((unsigned char)s[i]) && (i == 0 ||
		    !wordc((unsigned char)s[i - 1])))
			w++;
	return w;
}

/* Leading spaces (a tab counts four; a form feed, which pdftotext puts
 * before a page's first line, none), and the index after them. */
static size_t
indent(const char *s, size_t n, size_t *at)
{
	size_t i = 0, w = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f')) {
		w += s[i] == '\t' ? 4 : s[i] == ' ';
		i++;
	}
	*at = i;
	return w;
}

static int
blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!hspace(s[i]))
			return 0;
	return 1;
}

/* A run of at least three of c and nothing after it but spaces; *run is
 * its length. */
static int
run_of(const char *s, size_t n, char c, size_t *run)
{
	size_t at, i;

	if (indent(s, n, &at) > 3)
		return 0;
	for (i = at; i < n && s[i] == c; i++)
		;
	*run = i - at;
	return *run >= 3 && blank(s + i, n - i);
}

/* An opening or closing code fence: its character and length; *rest is
 * 1 when nothing but spaces follows the run (a closing fence). */
static int
fence(const char *s, size_t n, char *c, size_t *flen, int *rest)
{
	size_t at, i;

	if (indent(s, n, &at) > 3 || at >= n || (s[at] != '`' &&
	    s[at] != '~'))
		return 0;
	for (i = at; i < n && s[i] == s[at]; i++)
		;
	if (i - at < 3)
		return 0;
	*c = s[at];
	*flen = i - at;
	*rest = blank(s + i, n - i);
	return 1;
}

static int
underline(const char *s, size_t n)
{
	size_t run;

	if (run_of(s, n, '=', &run))
		return 1;
	if (run_of(s, n, '-', &run))
		return 2;
	return 0;
}

/* A Markdown "#" heading: its level, and its text in [*ho, *ho + *hl). */
static int
atx(const char *s, size_t n, size_t *ho, size_t *hl)
{
	size_t at, i, end;
	int level;

	if (indent(s, n, &at) > 3)
		return 0;
	for (i = at; i < n && s[i] == '#'; i++)
		;
	level = (int)(i - at);
	if (level < 1 || level > 6 || (i < n && s[i] != ' ' && s[i] != '\t'))
		return 0;
	while (i < n && hspace(s[i]))
		i++;
	end = n;
	while (end > i && hspace(s[end - 1]))
		end--;
	/* a closing run of '#' after a space goes */
	{
		size_t j = end;

		while (j > i && s[j - 1] == '#')
			j--;
		if (j == i || s[j - 1] == ' ' || s[j - 1] == '\t') {
			end = j;
			while (end > i && hspace(s[end - 1]))
				end--;
		}
	}
	*ho = i;
	*hl = end - i;
	return level;
}

/* A Markdown bullet: "-", "*" or "+", then a space or the end.  (Other
 * bullets, pdftotext's symbols, start with no letter, which a plain
 * heading must.) */
static int
bulleted(const char *s, size_t n, size_t at)
{
	unsigned char c;

	if (at >= n)
		return 0;
	c = (unsigned char)s[at];
	if ((c == '-' || c == '*' || c == '+') && (at + 1 == n ||
	    s[at + 1] == ' ' || s[at + 1] == '\t'))
		return 1;
	return 0;
}

/* A number before a heading: "5", "5.2", "5.2.", "5)", "A.", "a)", "(b)",
 * "iv.", then white space.  Returns the index after the space, or at;
 * *depth is 1 for "5", 2 for "5.2", 3 for deeper, 3 for a letter, 0 for
 * none. */
static size_t
numbering(const char *s, size_t n, size_t at, int *depth)
{
	size_t i = at, j;
	int d = 3;

	*depth = 0;

	if (i < n && s[i] == '(') {
		for (j = i + 1; j < n && alnum((unsigned char)s[j]); j++)
			;
		if (j > i + 1 && j - i <= 5 && j < n && s[j] == ')')
			i = j + 1;
		else
			return at;
	} else if (i < n && s[i] >= '0' && s[i] <= '9') {
		d = 1;
		while (i < n && ((s[i] >= '0' && s[i] <= '9') || (s[i] == '.' &&
		    i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9'))) {
			d += s[i] == '.';
			i++;
		}
		if (i < n && (s[i] == '.' || s[i] == ')'))
			i++;
	} else {
		/* a letter or a short roman numeral, then "." or ")" */
		for (j = i; j < n && alnum((unsigned char)s[j]) && j - i < 4;
		    j++)
			;
		if (j == i || j >= n || (s[j] != '.' && s[j] != ')'))
			return at;
		if (j - i > 1) {
			for (size_t k = i; k < j; k++)
				if (!strchr("ivxIVX", s[k]))
					return at;
		}
		i = j + 1;
	}
	if (i >= n || (s[i] != ' ' && s[i] != '\t'))
		return at;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	*depth = d > 3 ? 3 : d;
	return i;
}

/* A plain-text heading line: its level, 0 for none.  In capitals, 7;
 * else (it must then stand alone) 8, 9 or 10 numbered "5", "5.2" or
 * deeper (or with a letter), 11 with no number.  Its text (after any
 * numbering) is [*ho, *ho + *hl). */
static int
plain_heading(const char *s, size_t n, size_t *ho, size_t *hl)
{
	size_t at, end, i, e;
	unsigned char c;
	long words;
	int upper = 0, lower = 0, depth;

	indent(s, n, &at);
	end = n;
	while (end > at && hspace(s[end - 1]))
		end--;
	if (at >= end || bulleted(s, end, at))
		return 0;
	if (chars(s, n, at, end) > 80)
		return 0;
	i = numbering(s, end, at, &depth);
	c = (unsigned char)s[i];
	/* starts with a capital letter (or a letter outside ASCII, which a
	 * two-byte UTF-8 sequence is; symbols and bullets are three) */
	if (!((c >= 'A' && c <= 'Z') || (c >= 0xc3 && c <= 0xdf)))
		return 0;
	/* does not end a sentence or clause */
	e = end;
	while (e > i && strchr(")]\"'", s[e - 1]))
		e--;
	while (e > i + 2 && (unsigned char)s[e - 3] == 0xe2 &&
	    (unsigned char)s[e - 2] == 0x80 && ((unsigned char)s[e - 1] ==
	    0x99 || (unsigned char)s[e - 1] == 0x9d))
		e -= 3; /* closing curly quotes */
	if (e > i && strchr(".,;:!", s[e - 1]))
		return 0;
	words = count_words(s + i, end - i);
	if (words < 1 || words > 10)
		return 0;
	for (size_t k = i; k < end; k++) {
		upper += s[k] >= 'A' && s[k] <= 'Z';
		lower += s[k] >= 'a' && s[k] <= 'z';
	}
	*ho = i;
	*hl = end - i;
	if (lower == 0 && upper >= 3)
		return 7;
	return depth ? 7 + depth : 11;
}

static int
push_heading(struct cspr_headings *h, const struct cspr_heading *x)
{
	if (cspr_grow(&h->v, &h->cap, h->n + 1, sizeof(*h->v)) < 0)
		return -1;
	h->v[h->n++] = *x;
	return 0;
}

/* Split text into lines; NULL on out of memory (or no lines: *n 0). */
static struct line *
split_lines(const char *text, size_t len, size_t *nlines)
{
	struct line *v = NULL;
	size_t n = 0, cap = 0, i = 0;

	while (i < len) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - text) : len;

		if (n == cap) {
			size_t c = cap ? cap * 2 : 256;
			struct line *p = realloc(v, c * sizeof(*p));

			if (!p) {
				free(v);
				*nlines = 0;
				return NULL;
			}
			v = p;
			cap = c;
		}
		v[n].off = i;
		v[n].len = end - i;
		if (v[n].len > 0 && text[end - 1] == '\r')
			v[n].len--;
		v[n].kind = L_BODY;
		v[n].words = 0;
		n++;
		i = end + 1;
	}
	*nlines = n;
	return v;
}

static int
sep(const struct line *l)
{
	return l->kind == L_BLANK || l->kind == L_HEADING ||
	    l->kind == L_UNDER || l->kind == L_SKIP;
}

int
cspr_headings(const char *text, size_t len, struct cspr_headings *h)
{
	struct line *ln;
	size_t n, i, first = 0, flen = 0;
	char fc = 0;
	int infence = 0;

	cspr_headings_clear(h);
	if (!text || len == 0)
		return 0;
	if (!(ln = split_lines(text, len, &n)))
		return -1;
	/* a byte-order mark is not part of the first line's text */
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		ln[0].off = 3;
		ln[0].len = ln[0].len >= 3 ? ln[0].len - 3 : 0;
	}
	/* YAML front matter: "---" on the first line, to "---" or "..." */
	if (ln[0].len >= 3 && memcmp(text + ln[0].off, "---", 3) == 0 &&
	    blank(text + ln[0].off + 3, ln[0].len - 3)) {
		for (i = 1; i < n; i++) {
			const char *s = text + ln[i].off;

			if (ln[i].len >= 3 && (memcmp(s, "---", 3) == 0 ||
			    memcmp(s, "...", 3) == 0) &&
			    blank(s + 3, ln[i].len - 3))
				break;
		}
		if (i < n) {
			for (size_t k = 0; k <= i; k++)
				ln[k].kind = L_SKIP;
			first = i + 1;
		}
	}
	/* first pass: fences and what is in them, blanks, "#" headings */
	for (i = first; i < n; i++) {
		const char *s = text + ln[i].off;
		size_t sl = ln[i].len, ho, hl, fl;
		char c;
		int rest;

		if (infence) {
			if (fence(s, sl, &c, &fl, &rest) && c == fc &&
			    fl >= flen && rest) {
				infence = 0;
				ln[i].kind = L_SKIP;
			} else {
				ln[i].kind = L_CODE;
				ln[i].words = count_words(s, sl);
			}
		} else if (fence(s, sl, &fc, &flen, &rest)) {
			infence = 1;
			ln[i].kind = L_SKIP;
		} else if (blank(s, sl)) {
			ln[i].kind = L_BLANK;
		} else if (atx(s, sl, &ho, &hl)) {
			ln[i].kind = L_HEADING;
		}
	}
	/* second pass, in order: setext and plain-text headings, and where
	 * each heading is */
	for (i = first; i < n; i++) {
		const char *s = text + ln[i].off;
		size_t sl = ln[i].len, ho = 0, hl = 0, at;
		struct cspr_heading x;
		int level = 0, ul, ph;

		indent(s, sl, &at);
		if (ln[i].kind == L_HEADING) {
			level = atx(s, sl, &ho, &hl);
		} else if (ln[i].kind != L_BODY) {
			continue;
		} else if (i + 1 < n && ln[i + 1].kind == L_BODY &&
		    (ul = underline(text + ln[i + 1].off, ln[i + 1].len)) &&
		    !bulleted(s, sl, at)) {
			level = ul;
			ho = at;
			hl = sl - at;
			while (hl > 0 && hspace(s[ho + hl - 1]))
				hl--;
			ln[i].kind = L_HEADING;
			ln[i + 1].kind = L_UNDER;
		} else if ((ph = plain_heading(s, sl, &ho, &hl)) == 7 ||
		    (ph > 7 && (i == first || sep(&ln[i - 1])) &&
		    (i + 1 == n || sep(&ln[i + 1])))) {
			level = ph;
			ln[i].kind = L_HEADING;
		} else {
			ln[i].words = count_words(s, sl);
			continue;
		}
		ln[i].words = count_words(s + ho, hl);
		x.off = ln[i].off + ho;
		x.len = hl;
		x.line = (long)i + 1;
		/* columns count from the start of the line, a byte-order mark
		 * included, as identifiers.c and readability.c count them */
		x.col = chars(text, len, i == 0 ? 0 : ln[i].off,
		    ln[i].off + at) + 1;
		x.level = level;
		x.body_words = 0;
		if (push_heading(h, &x) < 0) {
			free(ln);
			cspr_headings_clear(h);
			return -1;
		}
	}
	/* each heading's section: the words of its lines, to the next
	 * heading of its level or above.  A heading is passed over only by
	 * the nearest heading before it of each lower level, so this is
	 * linear in the lines. */
	for (size_t k = 0; k < h->n; k++) {
		size_t to = n;
		long w = 0;

		for (size_t m = k + 1; m < h->n; m++)
			if (h->v[m].level <= h->v[k].level) {
				to = (size_t)h->v[m].line - 1;
				break;
			}
		for (size_t l = (size_t)h->v[k].line; l < to; l++)
			w += ln[l].words;
		h->v[k].body_words = w;
	}
	free(ln);
	return (int)h->n;
}

void
cspr_headings_clear(struct cspr_headings *h)
{
	free(h->v);
	h->v = NULL;
	h->n = h->cap = 0;
}

/* ---- heading words ---- */

#define WMAX 32 /* a longer word never matches a phrase */

/* The next word of s[0..n) from *i, folded to lower case into w (at most
 * WMAX - 1 bytes, longer words cut); 0 when there is none. */
static size_t
next_word(const char *s, size_t n, size_t *i, char *w)
{
	size_t k = 0;

	while (*i < n && !wordc((unsigned char)s[*i]))
		(*i)++;
	if (*i >= n)
		return 0;
	while (*i < n && wordc((unsigned char)s[*i])) {
		if (k < WMAX - 1)
			w[k++] = (char)((s[*i] >= 'A' && s[*i] <= 'Z') ?
			    s[*i] | 0x20 : s[*i]);
		(*i)++;
	}
	w[k] = '\0';
	return k;
}

/* Equal, or equal but for a plural "s" on one of them. */
static int
word_eq(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (la == lb)
		return strcmp(a, b) == 0;
	if (la == lb + 1)
		return a[la - 1] == 's' && strncmp(a, b, lb) == 0;
	if (lb == la + 1)
		return b[lb - 1] == 's' && strncmp(a, b, la) == 0;
	return 0;
}

#define HWORDS 64 /* words of a heading looked at */

int
cspr_heading_matches(const char *text, size_t len,
    const char *const *phrases)
{
	char hw[HWORDS][WMAX], pw[8][WMAX];
	size_t nh = 0, i = 0;

	while (nh < HWORDS && next_word(text, len, &i, hw[nh]))
		nh++;
	for (const char *const *p = phrases; p && *p; p++) {
		size_t np = 0, j = 0, plen = strlen(*p);

		while (np < 8 && next_word(*p, plen, &j, pw[np]))
			np++;
		if (np == 0 || np > nh)
			continue;
		for (size_t s = 0; s + np <= nh; s++) {
			size_t k;

			for (k = 0; k < np && word_eq(hw[s + k], pw[k]); k++)
				;
			if (k == np)
				return 1;
		}
	}
	return 0;
}

/* ---- the reviewer's name ---- */

static int
lc(int c)
{
	return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
}

/* Whether text names the reviewer: the name's words in a row, any case,
 * with any white space (a line break included) between them, a whole
 * word at each end; a title before the name (Dr, Mrs...) need not be
 * there. */
static int
names(const char *text, size_t len, const char *name)
{
	static const char *const titles[] = {"dame", "dr", "miss", "mr",
	    "mrs", "ms", "mx", "prof", "professor", "sir", NULL};
	const char *w[16];
	size_t wl[16], nw = 0, i = 0, nlen = strlen(name);

	while (nw < 16) {
		while (i < nlen && (name[i] == ' ' || name[i] == '\t'))
			i++;
		if (i >= nlen)
			break;
		w[nw] = name + i;
		while (i < nlen && name[i] != ' ' && name[i] != '\t')
			i++;
		wl[nw] = (size_t)(name + i - w[nw]);
		nw++;
	}
	if (nw > 1) {
		/* a title, with or without its stop, may be left out */
		size_t l = wl[0] - (w[0][wl[0] - 1] == '.');

		for (const char *const *t = titles; *t; t++)
			if (strlen(*t) == l && strncasecmp(w[0], *t, l) == 0) {
				memmove(w, w + 1, (nw - 1) * sizeof(*w));
				memmove(wl, wl + 1, (nw - 1) * sizeof(*wl));
				nw--;
				break;
			}
	}
	if (nw == 0)
		return 0;
	for (i = 0; i + wl[0] <= len; i++) {
		size_t at = i, k;

		if (lc((unsigned char)text[i]) != lc((unsigned char)w[0][0]) ||
		    (i > 0 && wordc((unsigned char)text[i - 1])))
			continue;
		for (k = 0; k < nw; k++) {
			size_t m;

			if (k > 0) {
				size_t sp = at;

				while (at < len && (hspace(text[at]) ||
				    text[at] == '\n'))
					at++;
				if (at == sp)
					break;
			}
			if (len - at < wl[k])
				break;
			for (m = 0; m < wl[k] && lc((unsigned char)text[at +
			    m]) == lc((unsigned char)w[k][m]); m++)
				;
			if (m < wl[k])
				break;
			at += wl[k];
		}
		if (k == nw && (at == len || !wordc((unsigned char)text[at])))
			return 1;
	}
	return 0;
}

/* ---- findings ---- */

void
cspr_publish_opts_init(struct cspr_publish_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->improvements = cspr_improvements_headings;
	o->analysis = cspr_analysis_headings;
	o->min_reading_ease = CSPR_MIN_READING_EASE;
	o->max_grade = CSPR_MAX_GRADE;
	o->long_sentence = CSPR_LONG_SENTENCE;
}

static int
add(struct cspr_publish *p, const char *check, const char *para, long line,
    long col, const char *kind, const char *path, int blocks,
    const char *fmt, ...) __attribute__((format(printf, 9, 10)));

static int
add(struct cspr_publish *p, const char *check, const char *para, long line,
    long col, const char *kind, const char *path, int blocks,
    const char *fmt, ...)
{
	struct cspr_pub_finding *f;
	va_list ap;
	char *msg;

	if (cspr_grow(&p->v, &p->cap, p->n + 1, sizeof(*p->v)) < 0)
		return -1;
	va_start(ap, fmt);
	msg = cspr_vformat(fmt, ap);
	va_end(ap);
	if (!msg)
		return -1;
	f = &p->v[p->n++];
	f->check = check;
	f->para = para;
	f->line = line;
	f->col = col;
	f->kind = kind;
	f->path = path;
	f->blocks = blocks;
	f->message = msg;
	return 0;
}

static const char *
plural(long n)
{
	return n == 1 ? "" : "s";
}

/* Rounded to one decimal, half away from zero, as the scores are shown. */
static double
round1(double x)
{
	long long t = (long long)(x * 10 + (x < 0 ? -0.5 : 0.5));

	return (double)t / 10;
}

/* 9.12.1: a summary of recommended improvements and an analysis of the
 * systemic or underlying reasons, each under a heading with text under
 * it. */
static int
content(struct cspr_publish *p, const struct cspr_headings *h,
    const char *text, const char *const *phrases, const char *check,
    const char *para, const char *what)
{
	const struct cspr_heading *empty = NULL;
	char looked[512] = "";

	for (size_t i = 0; i < h->n; i++) {
		const struct cspr_heading *x = &h->v[i];

		if (!cspr_heading_matches(text + x->off, x->len, phrases))
			continue;
		if (x->body_words > 0)
			return 0;
		if (!empty)
			empty = x;
	}
	if (empty)
		return add(p, check, para, empty->line, empty->col, NULL, NULL,
		    1, "The heading here introduces %s but has no text under "
		    "it (%s).", what, para);
	for (const char *const *s = phrases; s && *s; s++)
		snprintf(looked + strlen(looked), sizeof(looked) -
		    strlen(looked), "%s\"%s\"", s == phrases ? "" : ", ", *s);
	return add(p, check, para, 0, 0, NULL, NULL, 1, "No heading "
	    "introduces %s; the headings looked for hold %s (%s).", what,
	    looked, para);
}

/* 9.12.2, 9.15.2, 9.4.3: where each identifier is and what kind, never
 * what it says. */
static int
identifiers(struct cspr_publish *p, json_t *root, const char *text,
    size_t len)
{
	struct cspr_detector *d = cspr_detector_from_case(root);
	struct cspr_hits hits = {0};
	int r = 0;

	if (!d || cspr_detect(d, text, len, &hits) < 0) {
		cspr_detector_free(&d);
		return -1;
	}
	for (size_t i = 0; r == 0 && i < hits.n; i++) {
		const struct cspr_hit *x = &hits.v[i];
		const char *label = x->item >= 0 ?
		    cspr_detector_label(d, x->item) : NULL;
		const char *what, *instead;

		switch (x->kind) {
		case CSPR_ID_NAME:
			what = "A name from the case";
			instead = NULL;
			break;
		case CSPR_ID_ALIAS:
			what = "An alias from the case";
			instead = NULL;
			break;
		case CSPR_ID_DOB:
			what = "A date of birth from the case";
			instead = "give an age instead";
			break;
		case CSPR_ID_NHS_NUMBER:
			what = "An NHS number";
			instead = "remove it";
			break;
		case CSPR_ID_ADDRESS:
			what = "The address from the case";
			instead = "remove it";
			break;
		case CSPR_ID_POSTCODE:
			what = "A postcode";
			instead = "remove it";
			break;
		case CSPR_ID_PHONE:
			what = "A phone number";
			instead = "remove it";
			break;
		default:
			what = "An e-mail address";
			instead = "remove it";
			break;
		}
		/* a name's label is how the report should speak of that
		 * person: the pseudonym, "Mother", "Health visitor, ..." */
		if (!instead && label)
			r = add(p, "identifier", P_IDENTIFIER, x->line, x->col,
			    cspr_id_kind_name(x->kind), NULL, 1, "%s; write "
			    "\"%s\" instead (%s).", what, label, P_IDENTIFIER);
		else
			r = add(p, "identifier", P_IDENTIFIER, x->line, x->col,
			    cspr_id_kind_name(x->kind), NULL, 1, "%s; %s (%s).",
			    what, instead ? instead : "remove it",
			    P_IDENTIFIER);
	}
	cspr_hits_clear(&hits);
	cspr_detector_free(&d);
	return r;
}

/* 9.12.2: plain English. */
static int
plain_english(struct cspr_publish *p, const char *text, size_t len,
    const struct cspr_publish_opts *o)
{
	struct cspr_readability_opts ro = {o->long_sentence,
	    o->known_acronyms};
	struct cspr_readability *r;

	if (!(p->rd = r = cspr_readability(text, len, &ro)))
		return -1;
	p->reading_ease = round1(r->flesch_reading_ease);
	p->grade = round1(r->flesch_kincaid_grade);
	p->words_per_sentence = round1(r->words_per_sentence);
	for (size_t i = 0; i < r->nlong; i++)
		if (add(p, "long-sentence", P_PLAIN, r->long_sentences[i].line,
		    r->long_sentences[i].col, NULL, NULL, 1, "A sentence of "
		    "%ld words, over the %ld that is easy to follow; split it "
		    "(%s).", r->long_sentences[i].words, o->long_sentence,
		    P_PLAIN) < 0)
			return -1;
	for (size_t i = 0; i < r->nacronyms; i++)
		if (add(p, "acronym", P_PLAIN, r->acronyms[i].line,
		    r->acronyms[i].col, NULL, NULL, 1, "\"%s\" is not spelled "
		    "out at its first use (%s).", r->acronyms[i].text,
		    P_PLAIN) < 0)
			return -1;
	if (r->words == 0)
		return add(p, "readability", P_PLAIN, 0, 0, NULL, NULL, 1,
		    "The report has no words to read (%s).", P_PLAIN);
	if (p->reading_ease < o->min_reading_ease &&
	    add(p, "readability", P_PLAIN, 0, 0, NULL, NULL, 1, "The Flesch "
	    "Reading Ease is %.1f, below %g: the report is hard for the "
	    "public to read (%s).", p->reading_ease, o->min_reading_ease,
	    P_PLAIN) < 0)
		return -1;
	if (p->grade > o->max_grade &&
	    add(p, "readability", P_PLAIN, 0, 0, NULL, NULL, 1, "The "
	    "Flesch-Kincaid grade is %.1f, above %g: the report is hard for "
	    "the public to read (%s).", p->grade, o->max_grade, P_PLAIN) < 0)
		return -1;
	return 0;
}

/* The checks of the report itself. */
static int
check_report(struct cspr_publish *p, json_t *root, const char *text,
    size_t len, const struct cspr_publish_opts *o, int national)
{
	struct cspr_headings h = {0};
	const char *para = national ? P_CONTENT_NATIONAL : P_CONTENT;
	const char *kind = cspr_get_str(root, "publication.kind");
	const char *reviewer = cspr_get_str(root, "review.reviewer.name");
	int r;

	if (cspr_headings(text, len, &h) < 0)
		return -1;
	r = content(p, &h, text, o->improvements, "missing-improvements",
	    para, "a summary of recommended improvements");
	/* information about improvements alone need not carry the
	 * analysis: it is what 9.15.1 has published instead of the report */
	if (r == 0 && !(kind && strcmp(kind, "improvements_only") == 0))
		r = content(p, &h, text, o->analysis, "missing-analysis",
		    para, "an analysis of the systemic or underlying reasons "
		    "for what was done or not done");
	cspr_headings_clear(&h);
	if (r == 0)
		r = identifiers(p, root, text, len);
	if (r == 0 && reviewer && *reviewer && !names(text, len, reviewer))
		r = add(p, "reviewer-not-named", P_REVIEWER, 0, 0, NULL, NULL,
		    1, "The report does not give the reviewer's name "
		    "(review.reviewer.name), which should be included (%s).",
		    P_REVIEWER);
	else if (r == 0 && !(reviewer && *reviewer))
		r = add(p, "reviewer-not-named", P_REVIEWER, 0, 0, NULL,
		    ".review.reviewer.name", 1, "The case records no "
		    "reviewer's name (review.reviewer.name), so whether the "
		    "report includes it cannot be checked (%s).", P_REVIEWER);
	if (r == 0)
		r = plain_english(p, text, len, o);
	return r;
}

/* ---- the partnership's duties ---- */

/* 9.16.1, 9.16.3: published within six months of the decision, or the
 * reasons for the delay recorded and sent to the Panel and the Secretary
 * of State: duties.c's publication and delay-reasons rows. */
static int
late_publication(struct cspr_publish *p, const json_t *root,
    const struct cspr_calendar *cal, const struct cspr_deadlines *ds)
{
	const struct cspr_deadline *d = cspr_deadline_find(ds, "publication");
	const struct cspr_deadline *dr = cspr_deadline_find(ds,
	    "delay-reasons");
	int reason = cspr_has(root, "publication.delay_reason");
	char due[11], done[11], when[256], untold[128], late[64];
	struct cspr_when now;

	untold[0] = '\0';
	if (dr)
		cspr_recipients(untold, sizeof(untold), root, dr->to,
		    dr->about);
	if (!d)
		return 0;
	cspr_date_str(cspr_when_date(d->due), due);
	if (d->status == CSPR_DUE && reason) {
		/* a delay foreseen: its reasons go to the Panel and the
		 * Secretary of State now, not once it is late */
		if (!*untold)
			return 0;
		return add(p, "late-publication", P_DELAY, 0, 0, NULL,
		    ".notifications", 0, "A reason for delaying publication "
		    "beyond %s is recorded (publication.delay_reason) but has "
		    "not been sent to %s (%s).", due, untold, P_DELAY);
	}
	if (d->status == CSPR_LATE) {
		cspr_date_str(cspr_when_date(d->done), done);
		snprintf(when, sizeof(when), "The report was published on %s, "
		    "%s after the six months from the decision ended on %s",
		    done, cspr_late_str(cal, d->due, d->done, late,
		    sizeof(late)), due);
	} else if (d->status == CSPR_OVERDUE) {
		now.t = (cspr_time)p->today * 1440;
		now.kind = CSPR_WHEN_DATE;
		snprintf(when, sizeof(when), "The report is not published, "
		    "and the six months from the decision ended on %s, %s ago",
		    due, cspr_late_str(cal, d->due, now, late, sizeof(late)));
	} else {
		return 0;
	}
	if (reason && !*untold)
		return cspr_findings_add(&p->notes, "late-publication", P_LATE,
		    "%s; the reasons for the delay are recorded and were sent "
		    "to the Panel and the Secretary of State (%s).", when,
		    P_LATE);
	if (!reason)
		return add(p, "late-publication", P_LATE, 0, 0, NULL,
		    ".publication.delay_reason", 0, "%s, and no reason for the "
		    "delay is recorded in publication.delay_reason%s%s (%s).",
		    when, *untold ? " or sent to " : "", untold, P_LATE);
	return add(p, "late-publication", P_LATE, 0, 0, NULL, ".notifications",
	    0, "%s; the reasons for the delay are recorded but have not been "
	    "sent to %s (%s).", when, untold, P_LATE);
}

/* 9.15.3, 9.16.2: the copies to the Panel and the Secretary of State, and
 * to Ofsted: duties.c's rows, by their due dates. */
static int
copy(struct cspr_publish *p, const json_t *root,
    const struct cspr_calendar *cal, const struct cspr_deadlines *ds,
    const char *rule, const char *check, const char *thing)
{
	const struct cspr_deadline *d = cspr_deadline_find(ds, rule);
	struct cspr_when completed = cspr_when_get(root, "report.completed");
	char due[11], done[11], who[128], late[64], c[11];
	struct cspr_when now;
	const char *basis;
	int k, by_publication;

	if (!d || (d->status != CSPR_LATE && d->status != CSPR_OVERDUE))
		return 0;
	cspr_date_str(cspr_when_date(d->due), due);
	/* duties.c's from is the date that gave the due date: after it for
	 * the publication clock, before it for the completion clock */
	by_publication = cspr_when_date(d->from) > cspr_when_date(d->due);
	if (d->early) {
		/* seven working days before publication had passed before
		 * the report was complete: the publication was early, not
		 * the copy late */
		cspr_date_str(cspr_when_date(completed), c);
		cspr_recipients(who, sizeof(who), NULL, d->to, NULL);
		return add(p, check, d->para, 0, 0, NULL,
		    ".publication.published", 0, "Publication on %s came "
		    "fewer than seven working days after the report was "
		    "completed on %s: publication was early, since %s had to "
		    "go to %s seven working days before it (%s).",
		    cspr_when_str(d->from, done), c, thing, who, d->para);
	}
	basis = by_publication ? "seven working days before publication" :
	    "seven working days after the report was completed";
	if (d->status == CSPR_LATE) {
		k = cspr_recipients(who, sizeof(who), NULL, d->to, NULL);
		cspr_date_str(cspr_when_date(d->done), done);
		return add(p, check, d->para, 0, 0, NULL, ".notifications", 0,
		    "%c%s went to %s %s %s, %s after it was due on %s, %s "
		    "(%s).", toupper((unsigned char)*thing), thing + 1, who,
		    k > 1 ? "by" : "on", done, cspr_late_str(cal, d->due,
		    d->done, late, sizeof(late)), due, basis, d->para);
	}
	cspr_recipients(who, sizeof(who), root, d->to, d->about);
	now.t = (cspr_time)p->today * 1440;
	now.kind = CSPR_WHEN_DATE;
	return add(p, check, d->para, 0, 0, NULL, ".notifications", 0,
	    "%c%s has not been sent to %s; it was due on %s, %s, %s ago "
	    "(%s).",
	    toupper((unsigned char)*thing), thing + 1, who, due, basis, cspr_late_str(cal, d->due, now, late,
	    sizeof(late)), d->para);
}

/* 9.15.1, 10.8.3: available for at least a year, three for a national
 * review. */
static int
availability(struct cspr_publish *p, const json_t *root, cspr_date today,
    int national)
{
	const char *para = national ? P_AVAILABLE_NATIONAL : P_AVAILABLE;
	const char *span = national ? "three years" : "one year";
	char a[11], b[11];
	cspr_date pub, rem, until;
	int have_rem = cspr_get_date(root, "publication.removed", &rem);

	if (!cspr_get_date(root, "publication.published", &pub)) {
		if (!have_rem)
			return 0;
		return add(p, "availability", para, 0, 0, NULL,
		    ".publication.removed", 0, "publication.removed is recorded "
		    "but publication.published is not, so whether the report "
		    "stayed available for at least %s cannot be checked (%s).",
		    span, para);
	}
	until = cspr_add_months(pub, national ? 36 : 12);
	p->available_until = until;
	cspr_date_str(pub, a);
	cspr_date_str(until, b);
	if (have_rem && rem < until) {
		char c[11];

		return add(p, "availability", para, 0, 0, NULL,
		    ".publication.removed", 0, "The report was removed on %s, "
		    "before %s: a published report must stay available for at "
		    "least %s (%s).", cspr_date_str(rem, c), b, span, para);
	}
	if (have_rem) {
		char c[11];

		return cspr_findings_add(&p->notes, "availability", para,
		    "Published on %s and removed on %s, after the %s it had to "
		    "stay available (%s).", a, cspr_date_str(rem, c), span,
		    para);
	}
	if (today < until) {
		long days = (long)until - (long)today;

		return cspr_findings_add(&p->notes, "availability", para,
		    "Published on %s: it must stay available until at least "
		    "%s, %ld more day%s (%s).", a, b, days, plural(days), para);
	}
	return cspr_findings_add(&p->notes, "availability", para, "Published "
	    "on %s: the %s it had to stay available ended on %s (%s).", a,
	    span, b, para);
}

/* 9.15.1, 9.15.3: a local review's report not published, in full (only
 * the information about improvements) or at all: duties.c's
 * non-publication row.  Only when nothing at all is published does it
 * stand in the way. */
static int
non_publication(struct cspr_publish *p, const json_t *root,
    const struct cspr_deadlines *ds)
{
	const struct cspr_deadline *d = cspr_deadline_find(ds,
	    "non-publication");
	const char *kind = cspr_get_str(root, "publication.kind");
	int none;
	char untold[128];

	if (!d || !kind)
		return 0;
	none = strcmp(kind, "none") == 0;
	if (!cspr_has(root, "publication.non_publication_reason") && add(p,
	    "non-publication", P_NONPUB, 0, 0, NULL,
	    ".publication.non_publication_reason", none, "The report is not "
	    "to be published (publication.kind %s) and no reason is recorded "
	    "in publication.non_publication_reason: 9.15.1 allows that only "
	    "in exceptional circumstances (%s).", kind, P_NONPUB) < 0)
		return -1;
	if (cspr_recipients(untold, sizeof(untold), root, d->to, d->about) >
	    0 && add(p, "non-publication", P_NONPUB_NOTICE, 0, 0, NULL,
	    ".notifications", none, "The justification for not publishing the "
	    "report has not been set out for %s (%s).", untold,
	    P_NONPUB_NOTICE) < 0)
		return -1;
	if (!none)
		return 0;
	return add(p, "non-publication", P_NONPUB, 0, 0, NULL,
	    ".publication.kind", 1, "Nothing is to be published "
	    "(publication.kind none), but any information about the "
	    "improvements that the partnership considers appropriate must "
	    "still be published; where it is, record publication.kind "
	    "improvements_only (%s).", P_NONPUB);
}

static int
check_case(struct cspr_publish *p, const json_t *root,
    const struct cspr_calendar *cal, const struct cspr_deadlines *ds,
    int national)
{
	int only = cspr_deadline_find(ds, "improvements-to-panel-and-sos") !=
	    NULL;

	if (late_publication(p, root, cal, ds) < 0 ||
	    copy(p, root, cal, ds, "report-to-panel-and-sos",
	    "copy-to-panel-and-sos", "the full report") < 0 ||
	    copy(p, root, cal, ds, "improvements-to-panel-and-sos",
	    "copy-to-panel-and-sos", "the information about improvements") <
	    0 || copy(p, root, cal, ds, "report-to-ofsted", "copy-to-ofsted",
	    only ? "the report or the information about improvements" :
	    "the report") < 0 ||
	    availability(p, root, p->today, national) < 0 ||
	    non_publication(p, root, ds) < 0)
		return -1;
	if (cspr_get_bool(root, "parallel.court_order_restrictions") == 1 &&
	    add(p, "court-order", P_COURT, 0, 0, NULL,
	    ".parallel.court_order_restrictions", 1, "Court orders restrict "
	    "what may be published about the family: a person should check "
	    "the report against them before it is published (%s).",
	    P_COURT) < 0)
		return -1;
	return 0;
}

/* ---- the whole check ---- */

static int
group(const struct cspr_pub_finding *f)
{
	return f->line > 0 ? 0 : f->path ? 2 : 1;
}

struct ordered {
	struct cspr_pub_finding f;
	size_t i;
};

static int
cmp_ordered(const void *a, const void *b)
{
	const struct ordered *x = a, *y = b;
	int gx = group(&x->f), gy = group(&y->f);

	if (gx != gy)
		return gx < gy ? -1 : 1;
	if (gx == 0 && x->f.line != y->f.line)
		return x->f.line < y->f.line ? -1 : 1;
	if (gx == 0 && x->f.col != y->f.col)
		return x->f.col < y->f.col ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Those in the report by line:col, then the report's, then the case's,
 * each group otherwise in the order found. */
static int
order(struct cspr_publish *p)
{
	struct ordered *o;

	if (p->n < 2)
		return 0;
	if (!(o = malloc(p->n * sizeof(*o))))
		return -1;
	for (size_t i = 0; i < p->n; i++) {
		o[i].f = p->v[i];
		o[i].i = i;
	}
	qsort(o, p->n, sizeof(*o), cmp_ordered);
	for (size_t i = 0; i < p->n; i++)
		p->v[i] = o[i].f;
	free(o);
	return 0;
}

int
cspr_publish_check(json_t *root, const char *text, size_t len,
    const struct cspr_calendar *cal, cspr_date today,
    const struct cspr_publish_opts *o, struct cspr_publish *p)
{
	struct cspr_publish_opts def, opts;
	struct cspr_deadlines ds = {0};
	const char *outcome = cspr_get_str(root, "decision.outcome");
	int national = outcome && strcmp(outcome, "national_review") == 0;
	int r = 0;

	memset(p, 0, sizeof(*p));
	p->available_until = CSPR_NO_DATE;
	p->publishable = -1;
	cspr_publish_opts_init(&def);
	opts = o ? *o : def;
	if (!opts.improvements)
		opts.improvements = def.improvements;
	if (!opts.analysis)
		opts.analysis = def.analysis;
	if (opts.long_sentence <= 0)
		opts.long_sentence = def.long_sentence;
	if (text) {
		p->has_report = 1;
		r = check_report(p, root, text, len, &opts, national);
	}
	p->today = today;
	if (r == 0)
		r = cspr_duties_eval(root, cal, today, &ds);
	if (r == 0)
		r = check_case(p, root, cal, &ds, national);
	cspr_deadlines_clear(&ds);
	if (r == 0)
		r = order(p);
	if (r < 0) {
		cspr_publish_clear(p);
		return -1;
	}
	if (p->has_report) {
		p->publishable = 1;
		for (size_t i = 0; i < p->n; i++)
			if (p->v[i].blocks)
				p->publishable = 0;
	}
	return 0;
}

void
cspr_publish_clear(struct cspr_publish *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i].message);
	free(p->v);
	p->v = NULL;
	p->n = p->cap = 0;
	cspr_readability_free(&p->rd);
	cspr_findings_clear(&p->notes);
}

json_t *
cspr_publish_json(const struct cspr_publish *p, const char *id,
    const char *report)
{
	json_t *f = json_array(), *rd = json_null();
	char until[11];

	for (size_t i = 0; f && i < p->n; i++) {
		const struct cspr_pub_finding *x = &p->v[i];

		if (json_array_append_new(f, json_pack("{s:s, s:s, s:o, s:o, "
		    "s:o, s:s}", "check", x->check, "para", x->para, "line",
		    x->line > 0 ? json_integer(x->line) : json_null(), "col",
		    x->line > 0 ? json_integer(x->col) : json_null(), "kind",
		    x->kind ? json_string(x->kind) : json_null(), "message",
		    x->message)) < 0) {
			json_decref(f);
			f = NULL;
		}
	}
	if (p->rd)
		rd = json_pack("{s:I, s:I, s:f, s:f, s:I, s:f}", "words",
		    (json_int_t)p->rd->words, "sentences",
		    (json_int_t)p->rd->sentences, "flesch_reading_ease",
		    p->reading_ease, "flesch_kincaid_grade", p->grade,
		    "long_sentences", (json_int_t)p->rd->nlong,
		    "words_per_sentence", p->words_per_sentence);
	if (!f || !rd) {
		json_decref(f);
		json_decref(rd);
		return NULL;
	}
	return json_pack("{s:s, s:o, s:o, s:o, s:o, s:o}", "case", id,
	    "report", report ? json_string(report) : json_null(),
	    "publishable", p->publishable < 0 ? json_null() :
	    json_boolean(p->publishable), "readability", rd,
	    "available_until", p->available_until == CSPR_NO_DATE ?
	    json_null() : json_string(cspr_date_str(p->available_until,
	    until)), "findings", f);
}
