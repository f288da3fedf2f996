/*
 * test_wrap.c - cmd/text.c's text_wrap: the one-pass way for plain lines
 * lays out exactly what the word-by-word way does.  A reference copy of
 * the word-by-word way, as it was before plain lines had their own, is
 * run against text_wrapped() over tables of edge cases and many random
 * texts of words, spaces, newlines, tabs, UTF-8 and no-break spaces.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* the tools' text layer itself, which lives outside the library */
#include "../../cmd/text.c"

/* ---- the reference: word by word, into a buffer ---- */

struct ref {
	char b[8192];
	size_t n;
};

static void
ref_put(struct ref *r, const char *s, size_t n)
{
	assert_true(r->n + n < sizeof(r->b));
	memcpy(r->b + r->n, s, n);
	r->n += n;
	r->b[r->n] = '\0';
}

static int
ref_space(char c)
{
	return c != '\0' && c != TEXT_NBSP && ((unsigned char)c <= ' ' ||
	    c == 0x7f);
}

static const char *
ref_wrap(struct ref *r, const char *first, const char *indent,
    const char *text)
{
	int col = text_width(first), start = col, iw = text_width(indent);
	const char *p = text, *w;

	r->n = 0;
	r->b[0] = '\0';
	for (w = p; ref_space(*w); w++)
		;
	if (!*w) {
		int n = (int)strlen(first);

		while (n > 0 && first[n - 1] == ' ')
			n--;
		ref_put(r, first, (size_t)n);
		ref_put(r, "\n", 1);
		return r->b;
	}
	ref_put(r, first, strlen(first));
	while (*p) {
		int newlines = 0, wl = 0;

		for (; ref_space(*p); p++)
			newlines += *p == '\n';
		if (!*p)
			break;
		if (newlines >= 2 && col > start) {
			ref_put(r, "\n\n", 2);
			ref_put(r, indent, strlen(indent));
			col = start = iw;
		}
		for (w = p; *p && !ref_space(*p); p++)
			wl += ((unsigned char)*p & 0xc0) != 0x80;
		if (col > start && col + 1 + wl > TEXT_WIDTH) {
			ref_put(r, "\n", 1);
			ref_put(r, indent, strlen(indent));
			col = start = iw;
		} else if (col > start) {
			ref_put(r, " ", 1);
			col++;
		}
		for (const char *c = w; c < p; c++)
			ref_put(r, *c == TEXT_NBSP ? " " : c, 1);
		col += wl;
	}
	ref_put(r, "\n", 1);
	return r->b;
}

static void
same(const char *first, const char *indent, const char *text)
{
	static struct ref r;
	char *got = text_wrapped(first, indent, text);
	const char *want = ref_wrap(&r, first, indent, text);

	assert_non_null(got);
	if (strcmp(got, want) != 0)
		fail_msg("first \"%s\", text \"%s\":\ngot:\n%swant:\n%s", first,
		    text, got, want);
	free(got);
}

/* ---- tables ---- */

static void
test_edges(void **state)
{
	char exact[128], over[160], longword[200];
	static const char *const firsts[] = {"", "  ", "Label: ",
	    "  8.1.1(a)   ", "A label far too long to leave room for any "
	    "word at all on its line, and longer still: "};

	(void)state;
	/* a line of exactly TEXT_WIDTH, and one over */
	snprintf(exact, sizeof(exact), "%.*s %s", TEXT_WIDTH - 3,
	    "word word word word word word word word word word word word "
	    "word word word", "ab");
	snprintf(over, sizeof(over), "%s c", exact);
	memset(longword, 'w', sizeof(longword) - 1);
	longword[sizeof(longword) - 1] = '\0';
	for (size_t i = 0; i < sizeof(firsts) / sizeof(firsts[0]); i++) {
		static const char *const texts[] = {
			"", " ", "   \n\t ", "one", "one two", " lead", "trail ",
			"two  spaces", "tab\there", "line\nbreak",
			"para one.\n\npara two.",
			"a sentence that is long enough to be wrapped at least "
			"once, and then some more words so that it wraps twice "
			"over the width of the line that the tools print.",
			"words then a break exactly\n\nwhere a line would end, "
			"and more words to come after it in the text.",
			"Chlo\xc3\xab and Zo\xc3\xab, names in UTF-8, among "
			"enough other words to make the line wrap at least once "
			"or twice over.",
			"no\x1f" "break\x1f" "spaces join words into one long "
			"word that must not be broken across the lines here.",
			"a bell \x07 and a delete \x7f in the middle of words "
			"are white space to the layout, as tabs are.",
		};

		for (size_t k = 0; k < sizeof(texts) / sizeof(texts[0]); k++)
			same(firsts[i], "    ", texts[k]);
		same(firsts[i], "  ", exact);
		same(firsts[i], "  ", over);
		same(firsts[i], "  ", longword);
		same(firsts[i], "", longword);
	}
}

/* Random texts from pieces that meet every case: words of every length,
 * one or two spaces, newlines, tabs, UTF-8, no-break spaces, the end. */
static void
test_random(void **state)
{
	static const char *const pieces[] = {"a", "to", "the", "words",
	    "criteria", "safeguarding", "incident.abuse_or_neglect",
	    "considerations.panel_suggested_local_review", " ", " ", " ",
	    " ", "  ", "\n", "\n\n", "\t", "\xc3\xab", "\xe2\x80\x94",
	    "\x1f", "8.1.1(a),", "(4.2)."};
	static const char *const firsts[] = {"", "  ", "Ask: ",
	    "  10.2.2(b)  ", "Notifications that follow (section 5): "};
	unsigned seed = 20261126;
	char text[600];

	(void)state;
	for (int n = 0; n < 5000; n++) {
		size_t len = 0;
		int parts;

		seed = seed * 1103515245 + 12345;
		parts = (int)(seed >> 16) % 60;
		text[0] = '\0';
		for (int i = 0; i < parts; i++) {
			const char *piece;
			size_t pl;

			seed = seed * 1103515245 + 12345;
			piece = pieces[(seed >> 16) % (sizeof(pieces) /
			    sizeof(pieces[0]))];
			pl = strlen(piece);
			if (len + pl + 1 >= sizeof(text))
				break;
			memcpy(text + len, piece, pl + 1);
			len += pl;
		}
		seed = seed * 1103515245 + 12345;
		same(firsts[(seed >> 16) % (sizeof(firsts) /
		    sizeof(firsts[0]))], (seed >> 20) & 1 ? "  " : "         ",
		    text);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
