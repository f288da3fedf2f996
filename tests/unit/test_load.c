/*
 * test_load.c - the loader: scalar resolution, positions, and every
 * rejection of SPEC section 1 with its message and line:col.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "csprcore.h"

/* Load text; on success return the document, else NULL with *err set to
 * the one diagnostic. */
static struct cspr_doc *
load(const char *text, size_t len, struct cspr_errors *e, int *status)
{
	struct cspr_doc *d = NULL;

	*status = cspr_load_buffer("t.yaml", text, len, &d, e);
	return d;
}

/* The text is rejected with exactly one diagnostic. */
static void
rejects(const char *text, size_t len, long line, long col, const char *msg)
{
	struct cspr_errors e = {0};
	struct cspr_doc *d;
	int status;

	d = load(text, len, &e, &status);
	assert_null(d);
	assert_int_equal(status, CSPR_FINDINGS);
	assert_int_equal(e.n, 1);
	assert_string_equal(e.v[0].file, "t.yaml");
	assert_string_equal(e.v[0].message, msg);
	assert_int_equal(e.v[0].line, line);
	assert_int_equal(e.v[0].col, col);
	cspr_errors_clear(&e);
}

#define REJECTS(text, line, col, msg) \
	rejects(text, sizeof(text) - 1, line, col, msg)

static json_t *
value_of(const char *text, const char *key)
{
	struct cspr_errors e = {0};
	struct cspr_doc *d;
	json_t *v;
	int status;

	d = load(text, strlen(text), &e, &status);
	assert_non_null(d);
	assert_int_equal(status, CSPR_OK);
	v = json_incref(json_object_get(cspr_doc_root(d), key));
	cspr_doc_free(&d);
	assert_null(d);
	return v;
}

static void
is_string(const char *text, const char *want)
{
	json_t *v = value_of(text, "k");

	assert_true(json_is_string(v));
	assert_string_equal(json_string_value(v), want);
	json_decref(v);
}

static void
test_strings(void **state)
{
	(void)state;
	/* the YAML 1.1 booleans, dates and leading zeros are strings */
	is_string("k: yes\n", "yes");
	is_string("k: no\n", "no");
	is_string("k: on\n", "on");
	is_string("k: off\n", "off");
	is_string("k: Yes\n", "Yes");
	is_string("k: 2026-10-02\n", "2026-10-02");
	is_string("k: 0123\n", "0123");
	is_string("k: -0123\n", "-0123");
	is_string("k: 01632 960415\n", "01632 960415");
	is_string("k: 0o\n", "0o");
	is_string("k: 1_000\n", "1_000");
	is_string("k: '12'\n", "12");
	is_string("k: \"true\"\n", "true");
	is_string("k: !!str 12\n", "12");
	is_string("k: ! 12\n", "12");
	is_string("k: |\n  two\n  lines\n", "two\nlines\n");
	is_string("k: 12:30\n", "12:30");
	is_string("k: 2026-10-02T09:30\n", "2026-10-02T09:30");
}

static void
test_core_schema(void **state)
{
	json_t *v;

	(void)state;
	v = value_of("k: true\n", "k");
	assert_true(json_is_true(v));
	v = value_of("k: FALSE\n", "k");
	assert_true(json_is_false(v));
	v = value_of("k: ~\n", "k");
	assert_true(json_is_null(v));
	v = value_of("k:\n", "k");
	assert_true(json_is_null(v));
	v = value_of("k: Null\n", "k");
	assert_true(json_is_null(v));
	v = value_of("k: 42\n", "k");
	assert_int_equal(json_integer_value(v), 42);
	json_decref(v);
	v = value_of("k: -7\n", "k");
	assert_int_equal(json_integer_value(v), -7);
	json_decref(v);
	v = value_of("k: 0\n", "k");
	assert_int_equal(json_integer_value(v), 0);
	json_decref(v);
	v = value_of("k: 0x1F\n", "k");
	assert_int_equal(json_integer_value(v), 31);
	json_decref(v);
	v = value_of("k: 0o17\n", "k");
	assert_int_equal(json_integer_value(v), 15);
	json_decref(v);
	v = value_of("k: 1.5e3\n", "k");
	assert_true(json_is_real(v));
	assert_true(json_real_value(v) == 1500.0);
	json_decref(v);
	v = value_of("k: .5\n", "k");
	assert_true(json_real_value(v) == 0.5);
	json_decref(v);
	v = value_of("k: [1, a, {b: c}]\n", "k");
	assert_int_equal(json_array_size(v), 3);
	json_decref(v);
}

static void
test_positions(void **state)
{
	static const char text[] =
	    "id: X\n"
	    "child:\n"
	    "  dob: 2019-04-02\n"
	    "  \"odd key\": 1\n"
	    "family:\n"
	    "  - name: A\n"
	    "  - {name: B, dob: 2000-01-01}\n";
	struct cspr_errors e = {0};
	struct cspr_doc *d;
	long line, col;
	int status;

	(void)state;
	d = load(text, sizeof(text) - 1, &e, &status);
	assert_non_null(d);
	assert_int_equal(cspr_doc_pos(d, ".", &line, &col), 0);
	assert_int_equal(line, 1);
	assert_int_equal(col, 1);
	assert_int_equal(cspr_doc_pos(d, ".child.dob", &line, &col), 0);
	assert_int_equal(line, 3);
	assert_int_equal(col, 8);
	assert_int_equal(cspr_doc_key_pos(d, ".child.dob", &line, &col), 0);
	assert_int_equal(line, 3);
	assert_int_equal(col, 3);
	assert_int_equal(cspr_doc_pos(d, ".child[\"odd key\"]", &line, &col),
	    0);
	assert_int_equal(line, 4);
	assert_int_equal(col, 14);
	assert_int_equal(cspr_doc_pos(d, ".family[1].dob", &line, &col), 0);
	assert_int_equal(line, 7);
	assert_int_equal(col, 20);
	/* a missing member gives its nearest ancestor */
	assert_int_equal(cspr_doc_pos(d, ".family[0].dob", &line, &col), 1);
	assert_int_equal(line, 6);
	assert_int_equal(col, 5);
	assert_int_equal(cspr_doc_pos(d, ".incident.date", &line, &col), 1);
	assert_int_equal(line, 1);
	cspr_doc_free(&d);
}

static void
test_crlf_and_bom(void **state)
{
	static const char plain[] = "id: X\nchild:\n  dob: 2019-04-02\n";
	static const char windows[] =
	    "\xef\xbb\xbfid: X\r\nchild:\r\n  dob: 2019-04-02\r\n";
	struct cspr_errors e = {0};
	struct cspr_doc *a, *b;
	long line, col;
	int status;

	(void)state;
	a = load(plain, sizeof(plain) - 1, &e, &status);
	b = load(windows, sizeof(windows) - 1, &e, &status);
	assert_non_null(a);
	assert_non_null(b);
	assert_true(json_equal(cspr_doc_root(a), cspr_doc_root(b)));
	assert_int_equal(cspr_doc_pos(b, ".child.dob", &line, &col), 0);
	assert_int_equal(line, 3);
	assert_int_equal(col, 8);
	assert_int_equal(cspr_doc_pos(b, ".id", &line, &col), 0);
	assert_int_equal(col, 5);
	cspr_doc_free(&a);
	cspr_doc_free(&b);
}

static void
test_utf8_columns(void **state)
{
	/* columns count characters, not bytes */
	static const char text[] = "name: Zoë\nk: 1\nx: [é, 2]\n";
	struct cspr_errors e = {0};
	struct cspr_doc *d;
	long line, col;
	int status;

	(void)state;
	d = load(text, sizeof(text) - 1, &e, &status);
	assert_non_null(d);
	assert_int_equal(cspr_doc_pos(d, ".x[1]", &line, &col), 0);
	assert_int_equal(line, 3);
	assert_int_equal(col, 8);
	cspr_doc_free(&d);
	REJECTS("name: Zoë\nk: \xff\n", 2, 4,
	    "invalid UTF-8 (case files must be UTF-8 text)");
}

static void
test_duplicate_keys(void **state)
{
	(void)state;
	REJECTS("id: X\nchild:\n  dob: 2019-04-02\n  dob: 2019-04-03\n", 4, 3,
	    "duplicate key \"dob\" (first at line 3)");
	REJECTS("{a: 1, a: 2}\n", 1, 8,
	    "duplicate key \"a\" (first at line 1)");
	/* quoting does not make it another key */
	REJECTS("a: 1\n'a': 2\n", 2, 1,
	    "duplicate key \"a\" (first at line 1)");
}

static void
test_anchors_aliases_merge(void **state)
{
	(void)state;
	REJECTS("a: &x 1\nb: *x\n", 1, 4, "anchors (&name) are not allowed");
	REJECTS("a: &x {b: 1}\n", 1, 4, "anchors (&name) are not allowed");
	REJECTS("a: *x\n", 1, 4, "aliases (*name) are not allowed");
	REJECTS("a:\n  <<: {b: 1}\n", 2, 3, "merge keys (<<) are not allowed");
}

static void
test_billion_laughs(void **state)
{
	static const char text[] =
	    "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
	    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
	    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
	    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
	    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
	    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
	    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
	    "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";

	(void)state;
	REJECTS(text, 1, 4, "anchors (&name) are not allowed");
}

static void
test_tags(void **state)
{
	(void)state;
	REJECTS("a: !foo b\n", 1, 4, "tag !foo is not allowed");
	REJECTS("a: !!python/object:os.system x\n", 1, 4,
	    "tag tag:yaml.org,2002:python/object:os.system is not allowed");
	REJECTS("a: !<tag:example.org,2026:x> {b: 1}\n", 1, 4,
	    "tag tag:example.org,2026:x is not allowed");
	REJECTS("a: !!int twelve\n", 1, 4,
	    "value does not fit its tag tag:yaml.org,2002:int");
	REJECTS("a: !!map [1]\n", 1, 4,
	    "tag tag:yaml.org,2002:map is not allowed");
}

static void
test_documents(void **state)
{
	(void)state;
	REJECTS("a: b\n---\nc: d\n", 2, 1,
	    "more than one document (one case per file)");
	REJECTS("---\na: b\n...\n---\nc: d\n", 4, 1,
	    "more than one document (one case per file)");
}

static void
test_nul(void **state)
{
	(void)state;
	REJECTS("a: b\nc: d\0e\n", 2, 5, "NUL byte in file");
	REJECTS("a: \"x\\0y\"\n", 1, 4, "NUL character in a value");
	REJECTS("\"a\\0\": 1\n", 1, 1, "NUL character in a key");
}

static void
test_bad_utf8(void **state)
{
	(void)state;
	REJECTS("a: \xc3\x28\n", 1, 4,
	    "invalid UTF-8 (case files must be UTF-8 text)");
	/* an overlong '/' and a UTF-16 surrogate */
	REJECTS("a: \xc0\xaf\n", 1, 4,
	    "invalid UTF-8 (case files must be UTF-8 text)");
	REJECTS("a: b\nc: \xed\xa0\x80\n", 2, 4,
	    "invalid UTF-8 (case files must be UTF-8 text)");
	/* UTF-16 with its byte-order mark */
	REJECTS("\xff\xfe" "a\0:\0", 1, 1,
	    "invalid UTF-8 (case files must be UTF-8 text)");
}

static void
test_depth(void **state)
{
	char text[512];
	size_t n = 0;
	int i;

	(void)state;
	/* 64 levels are fine, 65 are not */
	n += (size_t)sprintf(text, "a: ");
	for (i = 0; i < 63; i++)
		text[n++] = '[';
	for (i = 0; i < 63; i++)
		text[n++] = ']';
	text[n++] = '\n';
	{
		struct cspr_errors e = {0};
		struct cspr_doc *d;
		int status;

		d = load(text, n, &e, &status);
		assert_non_null(d);
		cspr_doc_free(&d);
	}
	n = (size_t)sprintf(text, "a: ");
	for (i = 0; i < 64; i++)
		text[n++] = '[';
	for (i = 0; i < 64; i++)
		text[n++] = ']';
	text[n++] = '\n';
	rejects(text, n, 1, 67, "nesting deeper than 64 levels");
}

static void
test_deep_fast(void **state)
{
	/* libyaml slows quadratically with depth: 40,000 levels must still
	 * fail at once because depth is counted while pulling events */
	size_t n = 40000;
	char *text = malloc(n + 4);

	(void)state;
	assert_non_null(text);
	memcpy(text, "a: ", 3);
	memset(text + 3, '[', n);
	text[n + 3] = '\n';
	rejects(text, n + 4, 1, 67, "nesting deeper than 64 levels");
	free(text);
}

static void
test_size(void **state)
{
	size_t n = (size_t)CSPR_MAX_FILE + 1;
	char *text = malloc(n);

	(void)state;
	assert_non_null(text);
	memset(text, '#', n);
	rejects(text, n, 0, 0, "file is larger than 4 MiB");
	free(text);
}

static void
test_top_level(void **state)
{
	(void)state;
	REJECTS("- a\n- b\n", 1, 1,
	    "the top level must be a mapping of field: value");
	REJECTS("just text\n", 1, 1,
	    "the top level must be a mapping of field: value");
	REJECTS("", 1, 1,
	    "empty file (a case needs at least id and partnership)");
	REJECTS("# only a comment\n\n", 1, 1,
	    "empty file (a case needs at least id and partnership)");
	REJECTS("---\n", 1, 1,
	    "empty file (a case needs at least id and partnership)");
}

static void
test_syntax_and_keys(void **state)
{
	(void)state;
	REJECTS("a: [b\n", 2, 1,
	    "YAML syntax: did not find expected ',' or ']' "
	    "while parsing a flow sequence (line 1)");
	REJECTS("a: b\n c: d\n", 2, 3,
	    "YAML syntax: mapping values are not allowed in this context");
	REJECTS("? [a]\n: b\n", 1, 3, "keys must be plain strings");
	REJECTS("a: 99999999999999999999\n", 1, 4, "integer out of range");
	REJECTS("a: .inf\n", 1, 4,
	    "infinite and not-a-number values are not supported");
	REJECTS("a: 1e999\n", 1, 4, "number out of range");
}

static void
test_unreadable(void **state)
{
	struct cspr_errors e = {0};
	struct cspr_doc *d;

	(void)state;
	assert_int_equal(cspr_load("/nonexistent/case.yaml", &d, &e),
	    CSPR_ERROR);
	assert_null(d);
	assert_int_equal(e.n, 1);
	assert_string_equal(e.v[0].message,
	    "cannot open: No such file or directory");
	cspr_errors_clear(&e);
	assert_int_equal(cspr_load("/", &d, &e), CSPR_ERROR);
	assert_string_equal(e.v[0].message, "cannot read: Is a directory");
	cspr_errors_clear(&e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_core_schema),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_crlf_and_bom),
		cmocka_unit_test(test_utf8_columns),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_anchors_aliases_merge),
		cmocka_unit_test(test_billion_laughs),
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_documents),
		cmocka_unit_test(test_nul),
		cmocka_unit_test(test_bad_utf8),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_deep_fast),
		cmocka_unit_test(test_size),
		cmocka_unit_test(test_top_level),
		cmocka_unit_test(test_syntax_and_keys),
		cmocka_unit_test(test_unreadable),
	};

	return cmocka_run_group_tests_name("load", tests, NULL, NULL);
}
