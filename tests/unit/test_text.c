/*
 * test_text.c - text.c, the text layer: UTF-8 or Windows-1252.
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_is_utf8),
		cmocka_unit_test(test_cp1252),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_fences_agree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
