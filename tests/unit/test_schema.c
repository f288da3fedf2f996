/*
 * test_schema.c - what the official suite does not check about schema.c:
 * the exact messages and jq-style paths users see, their order, that no
 * message ever quotes a value, bad-schema diagnostics, the $ref loop guard
 * and very deep instances.
 *
 * JSON is written here with single quotes for readability; j() turns them
 * into double quotes before parsing.
 */
#include <regex.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "csprcore.h"

static json_t *
j(const char *text)
{
	char *s = strdup(text), *p;
	json_error_t err;
	json_t *v;

	assert_non_null(s);
	for (p = s; *p; p++)
		if (*p == '\'')
			*p = '"';
	v = json_loads(s, JSON_DECODE_ANY, &err);
	if (!v)
		fail_msg("bad test JSON: %s: %s", err.text, s);
	free(s);
	return v;
}

static struct cspr_schema *
compile_ok(const char *schema)
{
	struct cspr_errors e = {0};
	json_t *js = j(schema);
	struct cspr_schema *s = cspr_schema_compile(js, &e);

	json_decref(js); /* the compiled schema holds its own reference */
	if (!s)
		fail_msg(
		    "schema did not compile: %s", e.n ? e.v[0].message : "?");
	assert_int_equal(e.n, 0);
	cspr_errors_clear(&e);
	return s;
}

/* Validate instance against schema and compare the failures with want, a
 * NULL-terminated list of "path: message". */
static void
expect(const char *schema, const char *instance, const char *const *want)
{
	struct cspr_schema *s = compile_ok(schema);
	struct cspr_errors e = {0};
	json_t *v = j(instance);
	size_t i, nwant = 0;
	int n;

	while (want[nwant])
		nwant++;
	n = cspr_schema_validate(s, v, &e);
	for (i = 0; i < e.n; i++)
		print_message("# got %s: %s\n", e.v[i].path, e.v[i].message);
	assert_int_equal(n, (int)e.n);
	assert_int_equal(e.n, nwant);
	for (i = 0; i < e.n; i++) {
		char got[1024];

		snprintf(
		    got, sizeof(got), "%s: %s", e.v[i].path, e.v[i].message);
		assert_string_equal(got, want[i]);
		assert_string_equal(e.v[i].file, "");
		assert_int_equal(e.v[i].line, 0);
		assert_int_equal(e.v[i].col, 0);
	}
	json_decref(v);
	cspr_errors_clear(&e);
	cspr_schema_free(&s);
	assert_null(s);
}

#define EXPECT(schema, instance, ...)                                          \
	do {                                                                   \
		const char *const want_[] = {__VA_ARGS__, NULL};               \
		expect(schema, instance, want_);                               \
	} while (0)
#define VALID(schema, instance)                                                \
	do {                                                                   \
		const char *const want_[] = {NULL};                            \
		expect(schema, instance, want_);                               \
	} while (0)

/* A cut-down case schema, for messages in context. */
static const char case_schema[] =
    "{'type': 'object', 'required': ['id', 'partnership'],"
    " 'additionalProperties': false,"
    " 'properties': {"
    "  'id': {'type': 'string', 'pattern': '^[A-Z]+-[0-9]{4}-[0-9]{3}$'},"
    "  'partnership': {'type': 'string', 'minLength': 1},"
    "  'child': {'type': 'object', 'required': ['dob'],"
    "   'additionalProperties': false,"
    "   'properties': {"
    "    'first_name': {'type': 'string'},"
    "    'dob': {'$ref': '#/definitions/date'},"
    "    'gender': {'enum': ['female', 'male', 'other', 'unknown']},"
    "    'nhs_number': {'type': 'string', 'pattern': '^[0-9]{10}$'}}},"
    "  'family': {'type': 'array', 'minItems': 1, 'items': {"
    "   'type': 'object', 'required': ['name'],"
    "   'properties': {'name': {'type': 'string'},"
    "    'dob': {'$ref': '#/definitions/date'}}}},"
    "  'referral': {'type': 'object', 'properties': {"
    "   'types': {'type': 'array', 'uniqueItems': true, 'minItems': 1,"
    "    'items': {'enum': ['rapid_review', 'local_learning_review']}},"
    "   'received': {'anyOf': [{'$ref': '#/definitions/date'},"
    "    {'type': 'string', 'pattern': '^[0-9-]{10}T[0-9]{2}:[0-9]{2}$'}]}}}},"
    " 'definitions': {'date': {'type': 'string', 'format': 'date'}}}";

static void
test_messages(void **state)
{
	(void)state;
	EXPECT(case_schema, "{'id': 'HSCP-2026-014', 'child': {}}",
	    ".: missing required field \"partnership\"",
	    ".child: missing required field \"dob\"");
	EXPECT(case_schema,
	    "{'id': 'HSCP-2026-014', 'partnership': 'P',"
	    " 'child': {'dob': '2020-01-01', 'dobb': 'x'}}",
	    ".child.dobb: unknown field \"dobb\" (did you mean \"dob\"?)");
	EXPECT(case_schema,
	    "{'id': 'HSCP-2026-014', 'partnership': 'P',"
	    " 'child': {'dob': '2020-01-01', 'first_name': 7}}",
	    ".child.first_name: must be a string");
	EXPECT(case_schema,
	    "{'id': 'HSCP-2026-014', 'partnership': 'P',"
	    " 'child': {'dob': '2020-01-01', 'gender': 'F'}}",
	    ".child.gender: must be one of: female, male, other, unknown");
	EXPECT(case_schema,
	    "{'id': 'HSCP-2026-014', 'partnership': 'P',"
	    " 'child': {'dob': '2019-02-29'}}",
	    ".child.dob: must be a date (YYYY-MM-DD) that exists");
	VALID(case_schema, "{'id': 'HSCP-2026-014', 'partnership': 'P',"
			   " 'child': {'dob': '2020-02-29'}}");
	EXPECT(case_schema, "{'id': 'hscp 14', 'partnership': 'P'}",
	    ".id: does not match the required pattern");
	EXPECT(case_schema,
	    "{'id': 'HSCP-2026-014', 'partnership': 'P', 'family': []}",
	    ".family: must have at least 1 item");
	EXPECT(case_schema,
	    "{'id': 'HSCP-2026-014', 'partnership': 'P', 'referral':"
	    " {'types': ['rapid_review', 'rapid_review']}}",
	    ".referral.types: items must be unique");
	EXPECT(case_schema,
	    "{'id': 'HSCP-2026-014', 'partnership': 'P', 'referral':"
	    " {'received': '2026-02-30'}}",
	    ".referral.received: does not match any allowed form");
	VALID(case_schema, "{'id': 'HSCP-2026-014', 'partnership': 'P',"
			   " 'referral': {'received': '2026-02-03T10:30'}}");
	EXPECT(case_schema, "{'id': 'HSCP-2026-014', 'partnership': ''}",
	    ".partnership: must not be empty");
}

static void
test_keyword_messages(void **state)
{
	(void)state;
	EXPECT("{'oneOf': [{'type': 'integer'}, {'minimum': 0}]}", "3",
	    ".: matches more than one allowed form");
	EXPECT("{'oneOf': [{'type': 'integer'}, {'minimum': 0}]}", "-1.5",
	    ".: does not match any allowed form");
	EXPECT("{'not': {'type': 'string'}}", "'x'",
	    ".: matches a form that is not allowed");
	EXPECT(
	    "{'type': ['string', 'null']}", "1", ".: must be a string or null");
	EXPECT("{'type': ['object', 'array', 'integer']}", "true",
	    ".: must be an object, an array or an integer");
	EXPECT("{'type': 'boolean'}", "'yes'", ".: must be true or false");
	EXPECT("{'type': 'integer'}", "1.5", ".: must be an integer");
	EXPECT("{'maximum': 10, 'exclusiveMinimum': 0}", "11",
	    ".: must be at most 10");
	EXPECT("{'maximum': 10, 'exclusiveMinimum': 0}", "0",
	    ".: must be greater than 0");
	EXPECT("{'minimum': 1.5, 'exclusiveMaximum': 2}", "2",
	    ".: must be less than 2");
	EXPECT("{'minimum': 1.5}", "1", ".: must be at least 1.5");
	EXPECT("{'multipleOf': 0.5}", "0.7", ".: must be a multiple of 0.5");
	EXPECT("{'maxLength': 3}", "'abcd'",
	    ".: must be at most 3 characters long");
	EXPECT("{'minLength': 3}", "'ab'",
	    ".: must be at least 3 characters long");
	EXPECT("{'maxItems': 1}", "[1, 2]", ".: must have at most 1 item");
	EXPECT("{'minItems': 2}", "[1]", ".: must have at least 2 items");
	EXPECT("{'items': [{}, {}], 'additionalItems': false}", "[1, 2, 3, 4]",
	    ".: must have at most 2 items");
	EXPECT("{'contains': {'type': 'string'}}", "[1, 2]",
	    ".: must contain at least one matching item");
	EXPECT("{'maxProperties': 1}", "{'a': 1, 'b': 2}",
	    ".: must have at most 1 field");
	EXPECT("{'minProperties': 2}", "{'a': 1}",
	    ".: must have at least 2 fields");
	EXPECT("{'dependencies': {'dod': ['dob']}}", "{'dod': 1}",
	    ".: field \"dod\" requires field \"dob\"");
	EXPECT("{'dependencies': {'dod': false}}", "{'dod': 1}",
	    ".: field \"dod\" is not allowed here");
	EXPECT("{'propertyNames': {'pattern': '^[a-z_]+$'}}",
	    "{'ok': 1, 'Not OK': 2}",
	    ".[\"Not OK\"]: field name \"Not OK\" is not allowed");
	EXPECT(
	    "{'properties': {'x': false}}", "{'x': 1}", ".x: is not allowed");
	EXPECT("false", "{}", ".: is not allowed");
	EXPECT("{'const': 'closed'}", "'open'", ".: must be closed");
	EXPECT(
	    "{'const': {'a': 1}}", "{'a': 2}", ".: must be the allowed value");
	EXPECT("{'enum': [1, 'two', null, true]}", "2",
	    ".: must be one of: 1, two, null, true");
	EXPECT(
	    "{'enum': ['a, b', 'c']}", "'d'", ".: must be one of: \"a, b\", c");
	EXPECT("{'enum': [[1], 'c']}", "'d'",
	    ".: must be one of the allowed values");
	EXPECT("{'format': 'date-time'}", "'2026-02-30T10:00:00Z'",
	    ".: must be a date and time (YYYY-MM-DDTHH:MM:SS with a time "
	    "zone) that exists");
	VALID("{'format': 'email'}", "'not an email'"); /* unknown: ignored */
}

/* Numbers, lengths and equality as JSON Schema defines them. */
static void
test_semantics(void **state)
{
	(void)state;
	VALID("{'type': 'integer'}", "1.0");
	VALID("{'multipleOf': 0.0001}", "0.0075");
	EXPECT("{'multipleOf': 0.0001}", "0.00751",
	    ".: must be a multiple of 0.0001");
	VALID("{'maxLength': 2, 'minLength': 2}", "'\\u00e9\\u00e9'");
	VALID("{'maxLength': 1}", "'\\ud83d\\udca9'");
	VALID("{'enum': [1]}", "1.0");
	VALID("{'const': {'a': [1, {'b': 2}], 'c': null}}",
	    "{'c': null, 'a': [1.0, {'b': 2.0}]}");
	EXPECT("{'const': [1, 2]}", "[2, 1]", ".: must be the allowed value");
	EXPECT("{'const': false}", "0", ".: must be false");
	VALID("{'maximum': 9007199254740993}", "9007199254740992");
	EXPECT("{'maximum': 9007199254740992}", "9007199254740993",
	    ".: must be at most 9007199254740992");
	/* pattern: POSIX ERE, unanchored. */
	VALID("{'pattern': 'b+'}", "'abbbc'");
	EXPECT("{'pattern': '^b+$'}", "'abbbc'",
	    ".: does not match the required pattern");
	/* Annotations are not keywords, and property names are just names. */
	VALID("{'description': 'type: integer, required: [x]',"
	      " 'title': '{\\'type\\': \\'null\\'}'}",
	    "'s'");
	EXPECT("{'properties': {'title': {'type': 'string'},"
	       " 'description': {'type': 'string'}}, 'required': ['title']}",
	    "{'description': 5}", ".: missing required field \"title\"",
	    ".description: must be a string");
	/* $ref replaces its siblings (draft-07). */
	VALID("{'definitions': {'s': {'type': 'string'}},"
	      " 'properties': {'a': {'$ref': '#/definitions/s', 'maxLength': "
	      "1}}}",
	    "{'a': 'long'}");
	/* if: only the branch taken reports, the condition never does. */
	EXPECT("{'if': {'properties': {'outcome': {'const': 'died'}},"
	       " 'required': ['outcome']}, 'then': {'required': ['dod']},"
	       " 'else': {'properties': {'dod': false}}}",
	    "{'outcome': 'died'}", ".: missing required field \"dod\"");
	EXPECT("{'if': {'properties': {'outcome': {'const': 'died'}},"
	       " 'required': ['outcome']}, 'then': {'required': ['dod']},"
	       " 'else': {'properties': {'dod': false}}}",
	    "{'outcome': 'harmed', 'dod': '2026-01-01'}",
	    ".dod: is not allowed");
	/* anyOf reports the summary only, not each branch. */
	EXPECT("{'anyOf': [{'type': 'string', 'minLength': 5},"
	       " {'type': 'integer'}]}",
	    "'abc'", ".: does not match any allowed form");
}

static void
test_paths(void **state)
{
	(void)state;
	EXPECT("{'properties': {'family': {'items': {'properties':"
	       " {'name': {'type': 'string'}}}}}}",
	    "{'family': [{'name': 'a'}, {'name': 1}]}",
	    ".family[1].name: must be a string");
	EXPECT("{'additionalProperties': {'type': 'string'}}",
	    "{'key with space': 1, 'x\\'y\\\\z': 2, 'a\\nb': 3, '1a': 4,"
	    " 'snake_case-ok': 5, '_x': 6, '': 7}",
	    ".[\"key with space\"]: must be a string",
	    ".[\"x\\\"y\\\\z\"]: must be a string",
	    ".[\"a\\nb\"]: must be a string", ".[\"1a\"]: must be a string",
	    ".snake_case-ok: must be a string", "._x: must be a string",
	    ".[\"\"]: must be a string");
}

static void
test_paths_utf8_and_nesting(void **state)
{
	(void)state;
	EXPECT("{'additionalProperties': {'type': 'string'}}",
	    "{'\\u00e9t\\u00e9': 1}",
	    ".[\"\xc3\xa9t\xc3\xa9\"]: must be a string");
	EXPECT("{'items': {'items': {'properties': {'a b': {'properties':"
	       " {'c': {'type': 'null'}}}}}}}",
	    "[[], [{}, {'a b': {'c': 1}}]]",
	    ".[1][1][\"a b\"].c: must be null");
	EXPECT("{'type': 'object'}", "[]", ".: must be an object");
}

/* Every failure, in the order of the document, whatever the order of the
 * keywords that found them. */
/* A misspelt field: the nearest name at that level, within an edit or
 * two, a swap of two letters counting one; nothing for a short key or a
 * name nowhere near. */
static void
test_did_you_mean(void **state)
{
	static const char schema[] = "{'properties': {'first_name': {},"
	    " 'last_name': {}, 'postcode': {}, 'dob': {}, 'dod': {},"
	    " 'child': {'properties': {'gender': {}},"
	    " 'additionalProperties': false}}, 'additionalProperties': false}";

	(void)state;
	EXPECT(schema, "{'frist_name': 1}",
	    ".frist_name: unknown field \"frist_name\" (did you mean "
	    "\"first_name\"?)");
	EXPECT(schema, "{'lastname': 1}",
	    ".lastname: unknown field \"lastname\" (did you mean "
	    "\"last_name\"?)");
	EXPECT(schema, "{'post_code': 1}",
	    ".post_code: unknown field \"post_code\" (did you mean "
	    "\"postcode\"?)");
	/* dob and dod are both one away from dox: the first listed */
	EXPECT(schema, "{'dox': 1}",
	    ".dox: unknown field \"dox\" (did you mean \"dob\"?)");
	/* the names of that level only */
	EXPECT(schema, "{'child': {'gendre': 1, 'postcod': 2}}",
	    ".child.gendre: unknown field \"gendre\" (did you mean "
	    "\"gender\"?)", ".child.postcod: unknown field \"postcod\"");
	EXPECT(schema, "{'shoe_size': 1, 'xy': 2, 'nationality': 3}",
	    ".shoe_size: unknown field \"shoe_size\"",
	    ".xy: unknown field \"xy\"",
	    ".nationality: unknown field \"nationality\"");
}

static void
test_order(void **state)
{
	(void)state;
	EXPECT("{'required': ['z'], 'properties': {'a': {'type': 'string'},"
	       " 'b': {'type': 'string'}, 'c': {'items': {'type': 'string'}}},"
	       " 'allOf': [{'properties': {'c': {'maxItems': 1},"
	       " 'b': {'minLength': 3}}}], 'additionalProperties': false}",
	    "{'c': [1, 'x', 2], 'b': 5, 'q': 0, 'a': 1}",
	    ".: missing required field \"z\"", ".c: must have at most 1 item",
	    ".c[0]: must be a string", ".c[2]: must be a string",
	    ".b: must be a string", ".q: unknown field \"q\"",
	    ".a: must be a string");
	/* The same failure found twice (allOf branches) is reported once. */
	EXPECT("{'allOf': [{'required': ['id']}, {'required': ['id']}]}", "{}",
	    ".: missing required field \"id\"");
}

/* Messages say what was expected, never what was there. */
static void
test_no_value_in_messages(void **state)
{
	static const char secret[] = "Zebedee9Quillfeather";
	static const char *const docs[] = {
	    "{'s': 'Zebedee9Quillfeather'}",
	    "{'s': ['Zebedee9Quillfeather', 'Zebedee9Quillfeather']}",
	    "{'s': {'Zebedee9Quillfeather': 'Zebedee9Quillfeather'}}",
	    "{'s': 20199999}",
	};
	struct cspr_schema *s;
	struct cspr_errors e = {0};
	size_t d, i;

	(void)state;
	s = compile_ok(
	    "{'properties': {'s': {'allOf': ["
	    " {'type': 'integer'}, {'enum': ['a', 'b']}, {'const': 'c'},"
	    " {'pattern': '^[0-9]+$'}, {'format': 'date'},"
	    " {'format': 'date-time'}, {'maxLength': 2}, {'minLength': 99},"
	    " {'anyOf': [{'type': 'null'}, {'minimum': 1e12}]},"
	    " {'oneOf': [{'type': 'null'}]}, {'not': {}},"
	    " {'maximum': 3}, {'multipleOf': 7}, {'uniqueItems': true},"
	    " {'items': {'type': 'integer'}}, {'maxItems': 1},"
	    " {'additionalProperties': {'type': 'integer'}},"
	    " {'contains': {'type': 'null'}}]}}}");
	for (d = 0; d < sizeof(docs) / sizeof(docs[0]); d++) {
		json_t *v = j(docs[d]);

		assert_true(cspr_schema_validate(s, v, &e) > 0);
		for (i = 0; i < e.n; i++) {
			print_message(
			    "# %s: %s\n", e.v[i].path, e.v[i].message);
			assert_null(strstr(e.v[i].message, secret));
			assert_null(strstr(e.v[i].message, "Zebedee"));
			assert_null(strstr(e.v[i].message, "20199999"));
		}
		cspr_errors_clear(&e);
		json_decref(v);
	}
	cspr_schema_free(&s);
}

/* A bad schema is refused with one diagnostic naming where in it. */
static void
expect_bad(const char *schema, const char *path, const char *message)
{
	struct cspr_errors e = {0};
	json_t *js = j(schema);
	struct cspr_schema *s = cspr_schema_compile(js, &e);

	json_decref(js);
	if (s)
		fail_msg("schema compiled: %s", schema);
	assert_int_equal(e.n, 1);
	print_message("# %s: %s\n", e.v[0].path, e.v[0].message);
	assert_string_equal(e.v[0].path, path);
	assert_string_equal(e.v[0].message, message);
	cspr_errors_clear(&e);
}

static void
test_bad_schemas(void **state)
{
	(void)state;
	expect_bad("42", ".",
	    "invalid schema: a schema must be an object, true or false");
	expect_bad("{'properties': {'a': []}}", ".properties.a",
	    "invalid schema: a schema must be an object, "
	    "true or false");
	expect_bad("{'properties': {'name': {'pattern': '(ab'}}}",
	    ".properties.name.pattern",
	    "invalid schema: not a POSIX extended "
	    "regular expression (Unmatched ( or \\()");
	expect_bad("{'pattern': '^\\\\d{4}$'}", ".pattern",
	    "invalid schema: \\d is not a POSIX extended regular "
	    "expression escape (for \\d write [0-9])");
	expect_bad("{'patternProperties': {'^[\\\\w]+$': {}}}",
	    ".patternProperties[\"^[\\\\w]+$\"]",
	    "invalid schema: inside "
	    "[...] a backslash is an ordinary character in POSIX regular "
	    "expressions (at \\w)");
	expect_bad("{'properties': {'x': {'$ref': '#/definitions/nope'}}}",
	    ".properties.x[\"$ref\"]",
	    "invalid schema: cannot resolve "
	    "\"#/definitions/nope\"");
	expect_bad("{'$ref': 'http://example.com/elsewhere.json'}",
	    ".[\"$ref\"]",
	    "invalid schema: cannot resolve "
	    "\"http://example.com/elsewhere.json\"");
	expect_bad("{'type': 'text'}", ".type",
	    "invalid schema: unknown type \"text\"");
	expect_bad("{'type': 1}", ".type",
	    "invalid schema: must be a type name or an array of "
	    "type names");
	expect_bad("{'minLength': -1}", ".minLength",
	    "invalid schema: must be a non-negative integer");
	expect_bad("{'maxItems': 1.5}", ".maxItems",
	    "invalid schema: must be a non-negative integer");
	expect_bad("{'required': 'id'}", ".required",
	    "invalid schema: must be an array of strings");
	expect_bad("{'required': ['id', 3]}", ".required[1]",
	    "invalid schema: must be a string");
	expect_bad(
	    "{'enum': 'a'}", ".enum", "invalid schema: must be an array");
	expect_bad("{'uniqueItems': 'yes'}", ".uniqueItems",
	    "invalid schema: must be true or false");
	expect_bad("{'multipleOf': 0}", ".multipleOf",
	    "invalid schema: must be greater than 0");
	expect_bad("{'exclusiveMaximum': true}", ".exclusiveMaximum",
	    "invalid schema: must be a number");
	expect_bad("{'anyOf': []}", ".anyOf",
	    "invalid schema: must be a non-empty array of schemas");
	expect_bad("{'items': 3}", ".items",
	    "invalid schema: a schema must be an object, true or "
	    "false");
	expect_bad("{'dependencies': {'a': [1]}}", ".dependencies.a[0]",
	    "invalid schema: must be a string");
	expect_bad("{'definitions': {'unused': {'minimum': 'zero'}}}",
	    ".definitions.unused.minimum", "invalid schema: must be a number");
	expect_bad(
	    "{'$ref': 5}", ".[\"$ref\"]", "invalid schema: must be a string");
	expect_bad("{'properties': {'a b': {'format': 7}}}",
	    ".properties[\"a b\"].format", "invalid schema: must be a string");
}

/* {"$ref": "#"} at the top would recurse for ever without reading the
 * value: refused when compiled, however the cycle is spelt. */
static void
test_ref_loops(void **state)
{
	static const char msg[] = "$ref cycle: this schema refers back to "
				  "itself without descending into the value";
	char want[256];
	struct cspr_schema *s;
	json_t *v;
	struct cspr_errors e = {0};

	(void)state;
	snprintf(want, sizeof(want), "invalid schema: %s", msg);
	expect_bad("{'$ref': '#'}", ".", want);
	expect_bad("{'allOf': [{'$ref': '#'}]}", ".", want);
	expect_bad("{'definitions': {'a': {'anyOf': [{'type': 'string'},"
		   " {'$ref': '#/definitions/b'}]}, 'b': {'not': {'$ref':"
		   " '#/definitions/a'}}}, '$ref': '#/definitions/a'}",
	    ".definitions.a", want);
	expect_bad("{'$id': 'http://example.com/root', 'if': {'$ref':"
		   " 'http://example.com/root'}, 'then': true}",
	    ".", want);
	/* Recursion through the value is fine, to any depth it has. */
	s = compile_ok("{'properties': {'next': {'$ref': '#'}},"
		       " 'required': ['v']}");
	v = j("{'v': 1, 'next': {'v': 2, 'next': {'next': {'v': 4}}}}");
	assert_int_equal(cspr_schema_validate(s, v, &e), 1);
	assert_string_equal(e.v[0].path, ".next.next");
	assert_string_equal(e.v[0].message, "missing required field \"v\"");
	cspr_errors_clear(&e);
	json_decref(v);
	cspr_schema_free(&s);
}

/* $id: relative ids, plain-name fragments and the built-in metaschema. */
static void
test_ids(void **state)
{
	(void)state;
	VALID("{'allOf': [{'$ref': '#child'}], 'definitions': {'c':"
	      " {'$id': '#child', 'type': 'object'}}}",
	    "{}");
	EXPECT("{'allOf': [{'$ref': '#child'}], 'definitions': {'c':"
	       " {'$id': '#child', 'type': 'object'}}}",
	    "[]", ".: must be an object");
	EXPECT("{'$id': 'http://example.com/a/case.json', 'properties': {'d':"
	       " {'$ref': 'defs.json#/definitions/date'}}, 'definitions': {"
	       " 'defs': {'$id': 'defs.json', 'definitions': {'date':"
	       " {'format': 'date'}}}}}",
	    "{'d': '2026-13-01'}",
	    ".d: must be a date (YYYY-MM-DD) that exists");
	EXPECT("{'$ref': 'http://json-schema.org/draft-07/schema#'}",
	    "{'properties': {'a': {'type': 'text'}}}",
	    ".properties.a.type: does not match any allowed form");
	VALID("{'$ref': 'http://json-schema.org/draft-07/schema#'}",
	    "{'properties': {'a': {'type': ['string', 'null']}}}");
}

/* The metaschema text is built in and valid against itself. */
static void
test_metaschema(void **state)
{
	struct cspr_errors e = {0};
	struct cspr_schema *s;
	json_t *meta;

	(void)state;
	meta = json_loads(cspr_schema_draft07_json, 0, NULL);
	assert_non_null(meta);
	s = cspr_schema_compile(meta, &e);
	assert_non_null(s);
	assert_int_equal(cspr_schema_validate(s, meta, &e), 0);
	cspr_schema_free(&s);
	json_decref(meta);
}

/* A chain n deep: {"a": {"a": ...}} or [[...]]. */
static json_t *
deep(int n, int arrays)
{
	json_t *v = json_null();
	int i;

	for (i = 0; i < n; i++) {
		json_t *c = arrays ? json_array() : json_object();

		assert_non_null(c);
		if (arrays)
			assert_int_equal(json_array_append_new(c, v), 0);
		else
			assert_int_equal(json_object_set_new(c, "a", v), 0);
		v = c;
	}
	return v;
}

static void
test_deep_instances(void **state)
{
	struct cspr_errors e = {0};
	struct cspr_schema *s;
	json_t *v;
	int arrays;

	(void)state;
	for (arrays = 0; arrays < 2; arrays++) {
		s = compile_ok(arrays ? "{'items': {'$ref': '#'}}"
				      : "{'properties': {'a': {'$ref': '#'}},"
					" 'additionalProperties': false}");
		v = deep(60, arrays); /* deeper than the loader ever gives */
		assert_int_equal(cspr_schema_validate(s, v, &e), 0);
		json_decref(v);
		v = deep(1000, arrays);
		assert_int_equal(cspr_schema_validate(s, v, &e), 1);
		assert_string_equal(e.v[0].message, "is nested too deeply");
		/* 128 steps: ".[0][0]..." or ".a.a..." */
		assert_int_equal(
		    strlen(e.v[0].path), arrays ? 1 + 128 * 3 : 128 * 2);
		cspr_errors_clear(&e);
		json_decref(v);
		cspr_schema_free(&s);
	}
	/* Deep values compared for equality or uniqueness: no crash. */
	s = compile_ok("{'uniqueItems': true, 'items': {'not': {'const':"
		       " [[[[1]]]]}}}");
	v = json_pack("[o, o]", deep(500, 1), deep(500, 1));
	assert_non_null(v);
	assert_true(cspr_schema_validate(s, v, &e) >= 0);
	cspr_errors_clear(&e);
	json_decref(v);
	cspr_schema_free(&s);
}

/* Arrays longer than the pairwise limit take the hashing path. */
static void
test_unique_large(void **state)
{
	struct cspr_errors e = {0};
	struct cspr_schema *s;
	json_t *v;
	int i;

	(void)state;
	s = compile_ok("{'uniqueItems': true}");
	v = json_array();
	for (i = 0; i < 200; i++)
		json_array_append_new(v, json_integer(i));
	json_array_append_new(v, j("{'a': 1, 'b': [1, 2]}"));
	json_array_append_new(v, j("{'b': [1, 2], 'a': 2}"));
	assert_int_equal(cspr_schema_validate(s, v, &e), 0);
	json_array_append_new(v, j("{'b': [1.0, 2], 'a': 1.0}"));
	assert_int_equal(cspr_schema_validate(s, v, &e), 1);
	assert_string_equal(e.v[0].message, "items must be unique");
	cspr_errors_clear(&e);
	json_array_remove(v, json_array_size(v) - 1);
	json_array_append_new(v, json_real(150.0));
	assert_int_equal(cspr_schema_validate(s, v, &e), 1);
	cspr_errors_clear(&e);
	json_decref(v);
	cspr_schema_free(&s);
}

/* Plain-string patterns skip regexec(3); the answers must not change. */
static void
test_literal_patterns(void **state)
{
	static const char *const pats[] = {"^x-", "x-", "-x$", "^abc$", "bc",
	    "", "^$", "^", "$", "a$b", "^a.c$", "a\\$", "^\xc3\xa9t\xc3\xa9"};
	static const char *const strs[] = {"", "x", "x-", "x-y", "yx-", "a-x",
	    "-x", "abc", "abcd", "zabc", "bcbc", "a$b", "a$",
	    "\xc3\xa9t\xc3\xa9", "\xc3\xa9t\xc3\xa9s"};
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof(pats) / sizeof(pats[0]); i++) {
		struct cspr_errors e = {0};
		json_t *schema = json_pack("{s:s}", "pattern", pats[i]);
		json_t *pp =
		    json_pack("{s:{s:b}}", "patternProperties", pats[i], 0);
		struct cspr_schema *s = cspr_schema_compile(schema, &e);
		struct cspr_schema *sp = cspr_schema_compile(pp, &e);
		regex_t re;

		assert_non_null(s);
		assert_non_null(sp);
		assert_int_equal(
		    regcomp(&re, pats[i], REG_EXTENDED | REG_NOSUB), 0);
		for (k = 0; k < sizeof(strs) / sizeof(strs[0]); k++) {
			int want = regexec(&re, strs[k], 0, NULL, 0) == 0;
			json_t *v = json_string(strs[k]);
			json_t *o = json_pack("{s:i}", strs[k], 1);

			print_message(
			    "# '%s' ~ '%s': %d\n", strs[k], pats[i], want);
			assert_int_equal(cspr_schema_validate(s, v, &e), !want);
			assert_int_equal(cspr_schema_validate(sp, o, &e), want);
			cspr_errors_clear(&e);
			json_decref(v);
			json_decref(o);
		}
		regfree(&re);
		cspr_schema_free(&s);
		cspr_schema_free(&sp);
		json_decref(schema);
		json_decref(pp);
	}
}

/* Simple patterns anchored at their start skip regexec(3) too (schema.c's
 * fast_compile); here each is checked against regexec on every string of
 * up to three characters of an alphabet around the patterns' and on every
 * one-character edit of strings that match, or nearly. */
static void
test_simple_patterns(void **state)
{
	static const char *const pats[] = {
	    "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2})?$",
	    "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2})?",
	    "^[a-z][a-z0-9_]*$", "^[a-z][a-z0-9_]*", "^[a-z]*[a-z]$",
	    "^a*a$", "^(ab)*$", "^(ab)+a?$", "^a{2,3}$", "^a{0}$",
	    "^a{0,2}b$", "^a{2,}$", "^a{2,}", "^(a?){2}$", "^(a*)?b$",
	    "^[A-Z]+-[0-9]{4}-[0-9]{3}$", "^[0-9]{10}$", "^[a-z_]+$", "^$",
	    "^", "^a?", "^a?$", "^[az9]?[0-9]+$", "^(T[0-9]:)?[0-9]{1,2}$",
	    "^((a)b)?c$", "^ab*c", "^[$*.(]x$", "^a b$", "^[0-9A-Fa-f]{2}$",
	    "^(a{2}b)?(ab)?a$", "^x{1,64}$", "^x{1,65}$", "^(ab){32}$",
	    "^(ab){33}$", "^[a-]$", "^[^a]$", "^[[:digit:]]+$", "^a+?$",
	    "^(a|b)$", "^\xc3\xa9*$", "^a$b", "^[]a]$", "^(a)$", "^(a$)",
	    "^a{1}{2}$", "^a{,2}$", "^.a$", "[0-9]{2}", "^()a$",
	    "^a\\.b$", "^]$", "^a}$"};
	static const char *const seeds[] = {"2024-01-31", "2024-01-31T10:20",
	    "2024-01-31T10:2", "abc_1", "a_b9z", "aab", "abab", "ababa",
	    "aaaa", "aaab", "ABC-1234-567", "0123456789", "a_z", "T1:05",
	    "abbbc", "aabaaba", "$x", "*x", "a b", "0F", "xxxxxxxxxxxxxxxx"
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
	    "abababababababababababababababababababababababababababababab"
	    "abababab", "\xc3\xa9\xc3\xa9", "a$b", "]", "a}", "a.b"};
	static const char alpha[] = "09azAT-:_\xc3 xb";
	size_t na = sizeof(alpha) - 1, i, k, m, p, len;
	char buf[256];

	(void)state;
	for (i = 0; i < sizeof(pats) / sizeof(pats[0]); i++) {
		struct cspr_errors e = {0};
		json_t *schema = json_pack("{s:s}", "pattern", pats[i]);
		struct cspr_schema *s = cspr_schema_compile(schema, &e);
		size_t tried = 0;
		regex_t re;

		assert_non_null(s);
		assert_int_equal(regcomp(&re, pats[i], REG_EXTENDED | REG_NOSUB),
		    0);
		/* every string of up to three characters of alpha, then
		 * every seed and every one-character edit of it (a change,
		 * a deletion, an insertion, a NUL) */
		for (k = 0;; k++) {
			size_t code = k;

			if (k < 1 + na + na * na + na * na * na) {
				size_t w = k < 1 ? 0 : k < 1 + na ? 1 :
				    k < 1 + na + na * na ? 2 : 3;
				size_t base[] = {0, 1, 1 + na, 1 + na + na * na};

				code = k - base[w];
				for (len = 0; len < w; len++, code /= na)
					buf[len] = alpha[code % na];
			} else {
				size_t j = k - (1 + na + na * na + na * na * na);
				size_t per = 0, sd;

				for (sd = 0; sd < sizeof(seeds) / sizeof(seeds[0]);
				     sd++) {
					size_t sl = strlen(seeds[sd]);

					per = 1 + sl * (na + 2) + (sl + 1) * na;
					if (j < per)
						break;
					j -= per;
				}
				if (sd == sizeof(seeds) / sizeof(seeds[0]))
					break;
				len = strlen(seeds[sd]);
				memcpy(buf, seeds[sd], len);
				if (j == 0) {
					/* the seed itself */
				} else if ((j -= 1) < len * (na + 2)) {
					p = j / (na + 2);
					m = j % (na + 2);
					if (m < na) {
						buf[p] = alpha[m];
					} else if (m == na) {
						buf[p] = '\0';
					} else {
						memmove(buf + p, buf + p + 1,
						    len - p - 1);
						len--;
					}
				} else {
					j -= len * (na + 2);
					p = j / na;
					memmove(buf + p + 1, buf + p, len - p);
					buf[p] = alpha[j % na];
					len++;
				}
			}
			{
				regmatch_t rm[1] = {{0, (regoff_t)len}};
				int want = regexec(&re, buf, 1, rm,
				    REG_STARTEND) == 0;
				json_t *v = json_stringn_nocheck(buf, len);

				assert_non_null(v);
				if (cspr_schema_validate(s, v, &e) != !want)
					fail_msg("'%.*s' (%zu bytes) ~ '%s': want %d",
					    (int)len, buf, len, pats[i], want);
				cspr_errors_clear(&e);
				json_decref(v);
				tried++;
			}
		}
		assert_true(tried > 2000);
		regfree(&re);
		cspr_schema_free(&s);
		json_decref(schema);
	}
}

/* Failures are appended to what the list already holds. */
static void
test_appends(void **state)
{
	struct cspr_errors e = {0};
	struct cspr_schema *s;
	json_t *v;

	(void)state;
	assert_int_equal(
	    cspr_errors_add(&e, "f.yaml", 1, 1, NULL, "earlier"), 0);
	s = compile_ok("{'required': ['a', 'b']}");
	v = j("{}");
	assert_int_equal(cspr_schema_validate(s, v, &e), 2);
	assert_int_equal(e.n, 3);
	assert_string_equal(e.v[0].message, "earlier");
	assert_string_equal(e.v[2].message, "missing required field \"b\"");
	assert_int_equal(cspr_schema_validate(NULL, v, &e), -1);
	assert_int_equal(cspr_schema_validate(s, NULL, &e), -1);
	cspr_errors_clear(&e);
	json_decref(v);
	cspr_schema_free(&s);
	cspr_schema_free(&s); /* cleared: a second free is harmless */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_messages),
	    cmocka_unit_test(test_keyword_messages),
	    cmocka_unit_test(test_semantics),
	    cmocka_unit_test(test_paths),
	    cmocka_unit_test(test_paths_utf8_and_nesting),
	    cmocka_unit_test(test_order),
	    cmocka_unit_test(test_did_you_mean),
	    cmocka_unit_test(test_no_value_in_messages),
	    cmocka_unit_test(test_bad_schemas),
	    cmocka_unit_test(test_ref_loops),
	    cmocka_unit_test(test_ids),
	    cmocka_unit_test(test_metaschema),
	    cmocka_unit_test(test_deep_instances),
	    cmocka_unit_test(test_unique_large),
	    cmocka_unit_test(test_literal_patterns),
	    cmocka_unit_test(test_simple_patterns),
	    cmocka_unit_test(test_appends),
	};

	return cmocka_run_group_tests_name("schema", tests, NULL, NULL);
}
