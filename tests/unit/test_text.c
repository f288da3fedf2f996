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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_is_utf8),
		cmocka_unit_test(test_cp1252),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
