/*
 * headings.c - the headings of a final report, and what is under each.
 *
 * The content checks of 9.12.1 look for a summary of recommended
 * improvements and an analysis of systemic reasons by their headings.
 * Lines come from text.c's reader (front matter and fenced code are never
 * headings).
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
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"


struct line {
	size_t off, len; /* without the line end */
	enum { L_SKIP, L_BLANK, L_BODY, L_CODE, L_HEADING, L_UNDER } kind;
	long words;
};

#define chars cspr_text_chars

static int
alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' &&
	    (c | 0x20) <= 'z');
}

static long
count_words(const char *s, size_t n)
{
	long w = 0;

	for (size_t i = 0; i < n; i++)
		if (cspr_text_wordc((unsigned char)s[i]) && (i == 0 ||
		    !cspr_text_wordc((unsigned char)s[i - 1])))
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
	return *run >= 3 && cspr_text_blank(s + i, n - i);
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
	while (i < n && cspr_text_hspace(s[i]))
		i++;
	end = n;
	while (end > i && cspr_text_hspace(s[end - 1]))
		end--;
	/* a closing run of '#' after a space goes */
	{
		size_t j = end;

		while (j > i && s[j - 1] == '#')
			j--;
		if (j == i || s[j - 1] == ' ' || s[j - 1] == '\t') {
			end = j;
			while (end > i && cspr_text_hspace(s[end - 1]))
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
	while (end > at && cspr_text_hspace(s[end - 1]))
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

static int
sep(const struct line *l)
{
	return l->kind == L_BLANK || l->kind == L_HEADING ||
	    l->kind == L_UNDER || l->kind == L_SKIP;
}

int
cspr_headings(const char *text, size_t len, struct cspr_headings *h)
{
	struct cspr_line *tl;
	struct line *ln;
	size_t n, i, first = 0;

	cspr_headings_clear(h);
	if (!text || len == 0)
		return 0;
	if (cspr_text_lines(text, len, &tl, &n) < 0)
		return -1;
	if (!(ln = calloc(n ? n : 1, sizeof(*ln)))) {
		free(tl);
		return -1;
	}
	/* first pass: what the text layer says of each line (front matter,
	 * fences and what is in them, blanks), and "#" headings */
	for (i = 0; i < n; i++) {
		size_t ho, hl;

		ln[i].off = tl[i].off;
		ln[i].len = tl[i].len;
		switch (tl[i].kind) {
		case CSPR_L_SKIP:
			ln[i].kind = L_SKIP;
			break;
		case CSPR_L_CODE:
			ln[i].kind = L_CODE;
			ln[i].words = count_words(text + ln[i].off, ln[i].len);
			break;
		case CSPR_L_BLANK:
			ln[i].kind = L_BLANK;
			break;
		default:
			ln[i].kind = atx(text + ln[i].off, ln[i].len, &ho,
			    &hl) ? L_HEADING : L_BODY;
			break;
		}
	}
	free(tl);
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
			while (hl > 0 && cspr_text_hspace(s[ho + hl - 1]))
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

	while (*i < n && !cspr_text_wordc((unsigned char)s[*i]))
		(*i)++;
	if (*i >= n)
		return 0;
	while (*i < n && cspr_text_wordc((unsigned char)s[*i])) {
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

