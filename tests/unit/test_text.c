/*
 * test_text.c - text.c, the text layer: UTF-8 or Windows-1252, sentences.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"

static void
test_is_utf8(void **state)
{
	static const struct {
		const char *text;
		int utf8;
	} rows[] = {
		{.text = "", .utf8 = 1},
		{.text = "plain ASCII", .utf8 = 1},
		{.text = "Chlo\xc3\xab", .utf8 = 1},
		{.text = "a real U+FFFD: \xef\xbf\xbd", .utf8 = 1},
		{.text = "\xf0\x9f\x98\x80", .utf8 = 1},
		{.text = "Chlo\xeb", .utf8 = 0},
		{.text = "\x93quoted\x94", .utf8 = 0},
		{.text = "overlong \xc0\xaf", .utf8 = 0},
		{.text = "surrogate \xed\xa0\x80", .utf8 = 0},
		{.text = "cut \xe2\x80", .utf8 = 0},
	};

	(void)state;
	for (size_t k = 0; k < sizeof(rows) / sizeof(rows[0]); k++)
		assert_int_equal(cspr_text_is_utf8(rows[k].text,
		    strlen(rows[k].text)), rows[k].utf8);
}

static void
test_cp1252(void **state)
{
	static const struct {
		const char *in, *out;
	} rows[] = {
		{.in = "Chlo\xeb", .out = "Chlo\xc3\xab"},
		{.in = "\x93Zo\xeb\x94 \x96 \x80 5",
		    .out = "\xe2\x80\x9cZo\xc3\xab\xe2\x80\x9d \xe2\x80\x93 "
			   "\xe2\x82\xac 5"},
		{.in = "O\x92" "Brien", .out = "O\xe2\x80\x99" "Brien"},
		/* undefined bytes are the C1 controls of the same number */
		{.in = "\x81\x9d", .out = "\xc2\x81\xc2\x9d"},
		{.in = "\xff", .out = "\xc3\xbf"},
	};

	(void)state;
	for (size_t k = 0; k < sizeof(rows) / sizeof(rows[0]); k++) {
		size_t n;
		char *s = cspr_text_from_cp1252(rows[k].in,
		    strlen(rows[k].in), &n);

		assert_non_null(s);
		assert_string_equal(s, rows[k].out);
		assert_int_equal(n, strlen(rows[k].out));
		assert_true(cspr_text_is_utf8(s, n));
		free(s);
	}
}

/* The kinds of each line, one letter a line: T text, B blank, S skip
 * (front matter, fence), C code. */
static const char *
kinds(const char *text)
{
	static char out[64];
	struct cspr_line *v;
	size_t n;

	assert_int_equal(cspr_text_lines(text, strlen(text), &v, &n), 0);
	assert_true(n < sizeof(out));
	for (size_t k = 0; k < n; k++)
		out[k] = "TBSC"[v[k].kind];
	out[n] = '\0';
	free(v);
	return out;
}

static void
test_lines(void **state)
{
	static const struct {
		const char *text, *want;
	} rows[] = {
		{.text = "", .want = ""},
		{.text = "one\n\ntwo", .want = "TBT"},
		{.text = "one\r\n \f\r\ntwo\n", .want = "TBT"},
		/* front matter, with a byte-order mark too */
		{.text = "---\ntitle: x\n...\ntext", .want = "SSST"},
		{.text = "\xef\xbb\xbf---\na: b\n---\ntext", .want = "SSST"},
		{.text = "---\nnot closed\ntext", .want = "TTT"},
		/* a ``` block is not closed by ~~~, nor by a shorter run, nor
		 * by a fence with text after it */
		{.text = "```\ncode\n~~~\n# Heading\n```\ntext",
		    .want = "SCCCST"},
		{.text = "~~~~\ncode\n~~~\n~~~~ x\n~~~~~\ntext",
		    .want = "SCCCST"},
		{.text = "   ```c\ncode\n```", .want = "SCS"},
		{.text = "    ```\ntext", .want = "TT"},
		{.text = "\f```\ncode", .want = "SC"},
		{.text = "``\ntext", .want = "TT"},
	};

	(void)state;
	for (size_t k = 0; k < sizeof(rows) / sizeof(rows[0]); k++) {
		print_message("%s\n", rows[k].text);
		assert_string_equal(kinds(rows[k].text), rows[k].want);
	}
}

/* The two readers of a report agree on fenced code (issue 13): after a
 * ``` block wrongly closed by ~~~, neither the headings nor the word count
 * see what is inside. */
static void
test_fences_agree(void **state)
{
	static const char text[] = "# Summary\n\nOne two three.\n\n"
	    "```\nx = 1\n~~~\n# Recommendations\n\nFour five.\n```\n\n"
	    "## Analysis\n\nSix seven.\n";
	struct cspr_headings h = {0};
	struct cspr_readability *r;

	(void)state;
	assert_int_equal(cspr_headings(text, strlen(text), &h), 2);
	assert_int_equal(h.v[0].line, 1);
	assert_int_equal(h.v[1].line, 13);
	cspr_headings_clear(&h);
	assert_non_null(r = cspr_readability(text, strlen(text), NULL));
	/* Summary, One two three, Analysis, Six seven */
	assert_int_equal(r->words, 7);
	cspr_readability_free(&r);
}

/* cspr_text_stop at the first '^'-marked stop: the mark is taken out. */
static void
test_stop(void **state)
{
	static const struct {
		const char *text;
		int want;
		int next; /* characters from the stop to where reading goes on */
	} rows[] = {
		{.text = "She was four^. Then", .want = CSPR_STOP_END, .next = 1},
		{.text = "She was four^.", .want = CSPR_STOP_END, .next = 1},
		{.text = "Really^?! Yes", .want = CSPR_STOP_END, .next = 2},
		{.text = "Child A^. She", .want = CSPR_STOP_END, .next = 1},
		/* titles and Latin abbreviations */
		{.text = "Dr^. Farrow", .want = CSPR_STOP_NONE, .next = 1},
		{.text = "met Mrs^. Hope", .want = CSPR_STOP_NONE, .next = 1},
		{.text = "(Prof^. Lee)", .want = CSPR_STOP_NONE, .next = 1},
		{.text = "use e.g^. Keira", .want = CSPR_STOP_NONE, .next = 1},
		{.text = "use e^.g. Keira", .want = CSPR_STOP_NONE, .next = 1},
		{.text = "that i.e^. this", .want = CSPR_STOP_NONE, .next = 1},
		{.text = "cf^. the plan", .want = CSPR_STOP_NONE, .next = 1},
		{.text = "in Jan^. Two", .want = CSPR_STOP_NONE, .next = 1},
		/* a word that ends as an abbreviation does not count */
		{.text = "the award^. Then", .want = CSPR_STOP_END, .next = 1},
		{.text = "Zo\xc3\xab" "dr^. Then", .want = CSPR_STOP_END,
		    .next = 1},
		{.text = "room 4dr^. Then", .want = CSPR_STOP_END, .next = 1},
		/* before a number */
		{.text = "para^. 9.12", .want = CSPR_STOP_NONE, .next = 1},
		{.text = "No^. 5", .want = CSPR_STOP_NONE, .next = 1},
		{.text = "The answer was no^. Next", .want = CSPR_STOP_END,
		    .next = 1},
		/* decided by the next word */
		{.text = "pears etc^. and", .want = CSPR_STOP_MAYBE, .next = 1},
		{.text = "at 9 a.m^. The", .want = CSPR_STOP_MAYBE, .next = 1},
		{.text = "in the U.K^. We", .want = CSPR_STOP_MAYBE, .next = 1},
		{.text = "Wait^... What", .want = CSPR_STOP_MAYBE, .next = 3},
		{.text = "then^\xe2\x80\xa6 nothing", .want = CSPR_STOP_MAYBE,
		    .next = 3},
		/* inside a number, a name or a file: no stop */
		{.text = "rose 3^.5 per cent", .want = CSPR_STOP_NONE, .next = 1},
		{.text = "9.12^.1 says", .want = CSPR_STOP_NONE, .next = 1},
		{.text = "file^.txt", .want = CSPR_STOP_NONE, .next = 1},
		/* quotes, brackets and a footnote after the stop */
		{.text = "said \"No^.\" She", .want = CSPR_STOP_END, .next = 2},
		{.text = "(It was late^.) Then", .want = CSPR_STOP_END,
		    .next = 2},
		{.text = "\xe2\x80\x9cgo^.\xe2\x80\x9d Done",
		    .want = CSPR_STOP_END, .next = 4},
		{.text = "in 2019^.[^1] The", .want = CSPR_STOP_END, .next = 5},
		{.text = "go^.)x", .want = CSPR_STOP_NONE, .next = 2},
	};

	(void)state;
	for (size_t k = 0; k < sizeof(rows) / sizeof(rows[0]); k++) {
		const char *m = strchr(rows[k].text, '^');
		char buf[64];
		size_t at = (size_t)(m - rows[k].text), n, next = 0;
		int got;

		n = strlen(rows[k].text) - 1;
		memcpy(buf, rows[k].text, at);
		memcpy(buf + at, m + 1, n - at);
		got = cspr_text_stop((const unsigned char *)buf, n, at, &next);
		if (got != rows[k].want || next - at != (size_t)rows[k].next)
			print_error("%s: %d, next %zu\n", rows[k].text, got,
			    next - at);
		assert_int_equal(got, rows[k].want);
		assert_int_equal(next - at, (size_t)rows[k].next);
	}
}

/* The words of text that cspr_sentences says start a sentence, each
 * followed by " "; a clause's start has a "+" before it. */
static void
starts(const char *text, char *out, size_t size)
{
	const unsigned char *s = (const unsigned char *)text;
	struct cspr_sentences t = CSPR_SENTENCES_INIT;
	size_t len = strlen(text), i = 0, o = 0;
	uint32_t cp;

	out[0] = '\0';
	while (i < len) {
		size_t n = cspr_u8next(s, len, i, &cp), e;
		int c = cspr_cpclass(cp), cap, v;
		char f[CSPR_FOLDMAX + 1];

		if (c != CSPR_C_LETTER && c != CSPR_C_DIGIT) {
			cspr_sentences_gap(&t, s, len, i, cp);
			i += n;
			continue;
		}
		e = cspr_text_word_end(s, len, i);
		cspr_text_fold(s, i, e, f, &cap);
		v = cspr_sentences_word(&t, s, i, e, cap);
		if (v != CSPR_SENT_IN)
			o += (size_t)snprintf(out + o, size - o, "%s%.*s ",
			    v == CSPR_SENT_CLAUSE ? "+" : "", (int)(e - i),
			    text + i);
		i = e;
	}
}

static void
test_sentence_starts(void **state)
{
	static const struct {
		const char *text, *want;
	} rows[] = {
		{.text = "Hope was there. Will went.", .want = "Hope Will "},
		{.text = "  Keira came", .want = "Keira "},
		/* titles and abbreviations end no sentence */
		{.text = "We saw Dr. Farrow and Mrs. Hope.", .want = "We "},
		{.text = "A friend, e.g. Keira, came.", .want = "A "},
		{.text = "see para. 9 Rose", .want = "see "},
		/* decided by the next word's capital */
		{.text = "pens etc. and Rose etc. Then", .want = "pens Then "},
		{.text = "at 9 a.m. Hope left", .want = "at Hope "},
		{.text = "Wait... what... Next", .want = "Wait Next "},
		/* decimals: the word after is not a sentence's */
		{.text = "It rose 3.5 Hope", .want = "It "},
		/* quotes and brackets after the stop */
		{.text = "He said \"No.\" Rose left. (It was late.) Dev",
		    .want = "He +No Rose It Dev "},
		/* headings, list items, quotes, cells, blank lines */
		{.text = "# Summary\ntext\n- Rose came\n> Will\n| Dev |\n\nKeira"
			 " saw\n\xe2\x80\xa2 Hope",
		    .want = "Summary Rose Will Dev Keira Hope "},
		{.text = "1. Rose came\n2) Will\n(b) Dev\na) Hope\na dog",
		    .want = "1 Rose Will +b Dev Hope "},
		/* a line break alone starts nothing */
		{.text = "told\nHope that", .want = "told "},
		/* clauses */
		{.text = "Note: Rose; Will (Dev) \xe2\x80\x9cKeira\xe2\x80\x9d",
		    .want = "Note +Rose +Will +Dev +Keira "},
	};

	(void)state;
	for (size_t k = 0; k < sizeof(rows) / sizeof(rows[0]); k++) {
		char got[256];

		starts(rows[k].text, got, sizeof(got));
		if (strcmp(got, rows[k].want) != 0)
			print_error("%s: \"%s\"\n", rows[k].text, got);
		assert_string_equal(got, rows[k].want);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_is_utf8),
		cmocka_unit_test(test_cp1252),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_fences_agree),
		cmocka_unit_test(test_stop),
		cmocka_unit_test(test_sentence_starts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
