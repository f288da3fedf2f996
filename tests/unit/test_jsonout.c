/*
 * test_jsonout.c - cmd/jsonout.c writes what jansson's json_dumpf(
 * JSON_COMPACT | JSON_REAL_PRECISION(15)) writes, byte for byte: over
 * tables of awkward strings and numbers, and many random trees of every
 * kind of value, strings drawn from every control character, the escapes,
 * '/', DEL and two-, three- and four-byte UTF-8.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../cmd/jsonout.c"

/* What jsonout writes for v, and what jansson writes, compared. */
static void
same(const json_t *v)
{
	char *want = json_dumps(v, JSON_COMPACT | JSON_REAL_PRECISION(15));
	char *got = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&got, &n);

	assert_non_null(want);
	assert_non_null(f);
	assert_int_equal(jsonout(f, v), 0);
	assert_int_equal(fclose(f), 0);
	assert_true(n > 0 && got[n - 1] == '\n');
	got[n - 1] = '\0';
	assert_string_equal(got, want);
	free(got);
	free(want);
}

static void
test_table(void **state)
{
	static const char *const strings[] = {
		"", "plain", "quote \" and back\\slash", "a/b", "\b\f\n\r\t",
		"\x01\x1f\x7f", "caf\xc3\xa9", "\xe2\x80\xa8 line separator",
		"\xf0\x9f\x98\x80 four bytes", "\\u0000 is not a NUL",
	};
	static const double reals[] = {0.0, -0.0, 0.5, 1.0, 1e300, -2.5e-7,
	    123456789012345.0, 0.1 + 0.2, 100.0 / 3.0};
	static const json_int_t ints[] = {0, -1, 42, INT64_MAX, INT64_MIN};
	json_t *o = json_object(), *a = json_array();

	(void)state;
	for (size_t i = 0; i < sizeof(strings) / sizeof(strings[0]); i++) {
		json_object_set_new(o, strings[i], json_string(strings[i]));
		json_array_append_new(a, json_string(strings[i]));
	}
	/* a NUL inside a string, which jansson writes as \u0000 */
	json_array_append_new(a, json_stringn("a\0b", 3));
	json_object_set_new(o, "nul", json_stringn("\0", 1));
	for (size_t i = 0; i < sizeof(reals) / sizeof(reals[0]); i++)
		json_array_append_new(a, json_real(reals[i]));
	for (size_t i = 0; i < sizeof(ints) / sizeof(ints[0]); i++)
		json_array_append_new(a, json_integer(ints[i]));
	/* each escape at every place of a run longer than eight bytes */
	for (const char *e = "\"\\\n\x01\x1f/\x7f"; *e; e++)
		for (int at = 0; at < 20; at++) {
			char t[21];

			memset(t, 'x', 20);
			t[20] = '\0';
			t[at] = *e;
			json_array_append_new(a, json_string(t));
		}
	json_array_append_new(a, json_true());
	json_array_append_new(a, json_false());
	json_array_append_new(a, json_null());
	json_array_append_new(a, json_object());
	json_array_append_new(a, json_array());
	json_object_set(o, "all", a);
	same(a);
	same(o);
	json_decref(a);
	a = json_object();
	same(a);
	json_decref(a);
	json_decref(o);
}

/* ---- random trees ---- */

static uint64_t seed = 0x9e3779b97f4a7c15u;

static unsigned
rnd(unsigned n)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (unsigned)(seed % n);
}

/* a string of up to 24 characters of any kind, valid UTF-8 */
static json_t *
rnd_string(char *buf)
{
	static const char *const pieces[] = {"\"", "\\", "/", "\x7f", " ",
	    "\xc3\xa9", "\xe2\x82\xac", "\xe2\x80\xa9", "\xf0\x9f\x98\x80",
	    "a", "Z", "0"};
	size_t n = 0, len = rnd(25);

	for (size_t i = 0; i < len; i++) {
		if (rnd(3) == 0) {
			buf[n++] = (char)rnd(0x20); /* a control character */
		} else {
			const char *p = pieces[rnd(sizeof(pieces) /
			    sizeof(pieces[0]))];

			memcpy(buf + n, p, strlen(p));
			n += strlen(p);
		}
	}
	return json_stringn(buf, n);
}

static json_t *
rnd_value(int depth)
{
	char buf[128];
	json_t *v;

	switch (depth > 3 ? rnd(6) : rnd(8)) {
	case 0:
		return json_null();
	case 1:
		return json_boolean(rnd(2));
	case 2:
		return json_integer((json_int_t)rnd(1u << 31) - (1 << 30));
	case 3:
		return json_real((double)rnd(1000000) / (rnd(1000) + 1));
	case 4:
	case 5:
		return rnd_string(buf);
	case 6:
		v = json_array();
		for (unsigned i = rnd(5); i > 0; i--)
			json_array_append_new(v, rnd_value(depth + 1));
		return v;
	default:
		v = json_object();
		for (unsigned i = rnd(5); i > 0; i--) {
			json_t *k = rnd_string(buf);

			json_object_setn_new(v, json_string_value(k),
			    json_string_length(k), rnd_value(depth + 1));
			json_decref(k);
		}
		return v;
	}
}

static void
test_random(void **state)
{
	(void)state;
	for (int i = 0; i < 3000; i++) {
		json_t *v = json_array();

		json_array_append_new(v, rnd_value(0));
		same(v);
		json_decref(v);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
