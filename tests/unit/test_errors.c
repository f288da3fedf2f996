/*
 * test_errors.c - diagnostics as data: whatever bytes a file's name, a key
 * or a tag holds, each diagnostic is one line of printable text, and text
 * cut short to fit a buffer is cut at a character.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "csprcore.h"

static void
printable_is(const char *in, const char *want)
{
	char *s = cspr_printable(in);

	assert_non_null(s);
	assert_string_equal(s, want);
	free(s);
}

static void
test_printable(void **state)
{
	(void)state;
	printable_is("", "");
	printable_is("plain.yaml", "plain.yaml");
	printable_is("Chlo\xc3\xab.yaml", "Chlo\xc3\xab.yaml");
	printable_is("a\nb\rc\td", "a\\nb\\rc\\td");
	printable_is("\x1b[31mred\x07", "\\x1b[31mred\\x07");
	printable_is("del\x7f", "del\\x7f");
	/* bytes that are not UTF-8, one escape each */
	printable_is("bad\xff\xfe.yaml", "bad\\xff\\xfe.yaml");
	printable_is("cut\xc3", "cut\\xc3");
	printable_is("\xed\xa0\x80", "\\xed\\xa0\\x80"); /* a surrogate */
	/* C1 controls, the line and paragraph separators, bidi overrides */
	printable_is("nel\xc2\x85", "nel\\u0085");
	printable_is("csi\xc2\x9b", "csi\\u009b");
	printable_is("ls\xe2\x80\xa8ps\xe2\x80\xa9", "ls\\u2028ps\\u2029");
	printable_is("\xe2\x80\xaegpj.yaml", "\\u202egpj.yaml");
	printable_is("worst\x01\xff\xe2\x80\xa8",
	    "worst\\x01\\xff\\u2028");
}

static void
trim_is(const char *in, const char *want)
{
	char buf[32];

	strcpy(buf, in);
	assert_string_equal(cspr_u8trim(buf), want);
}

static void
test_u8trim(void **state)
{
	(void)state;
	trim_is("", "");
	trim_is("abc", "abc");
	trim_is("caf\xc3\xa9", "caf\xc3\xa9");
	trim_is("caf\xc3", "caf");
	trim_is("x\xe2\x82", "x");
	trim_is("x\xe2", "x");
	trim_is("x\xf0\x9f\x98", "x");
	trim_is("x\xf0\x9f\x98\x80", "x\xf0\x9f\x98\x80");
	/* stray continuation bytes are not a cut character: left alone */
	trim_is("x\x80\x80", "x\x80\x80");
}

static void
test_errors_add_printable(void **state)
{
	struct cspr_errors e = {0};

	(void)state;
	assert_int_equal(cspr_errors_add(&e, "f\n\xff.yaml", 2, 3,
	    ".[\"k\\n\"]\x1b", "tag %s is not allowed", "!\n\x1b"), 0);
	assert_int_equal(e.n, 1);
	assert_string_equal(e.v[0].file, "f\\n\\xff.yaml");
	assert_string_equal(e.v[0].path, ".[\"k\\n\"]\\x1b");
	assert_string_equal(e.v[0].message, "tag !\\n\\x1b is not allowed");
	cspr_errors_clear(&e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_printable),
		cmocka_unit_test(test_u8trim),
		cmocka_unit_test(test_errors_add_printable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
