/*
 * test_case.c - opening a case: the schema errors placed at file:line:col,
 * each semantic check, and the field accessors the rules use.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "csprcore.h"
#include "unit.h"


static int
setup(void **state)
{
	(void)state;
	return unit_schema_setup();
}

static int
teardown(void **state)
{
	(void)state;
	unit_schema_teardown();
	return 0;
}

#define HEAD "id: T-1\npartnership: Testshire\n"

/* Open text; expect exactly the given diagnostics, "line:col path msg". */
static void
expect(const char *text, int status, const char *const *want)
{
	struct cspr_errors e = {0};
	struct cspr_case *c = NULL;
	size_t n = 0;

	assert_int_equal(cspr_case_open_buffer("t.yaml", text, strlen(text),
	    schema, &c, &e), status);
	for (; want[n]; n++) {
		char got[512];

		assert_true(n < e.n);
		snprintf(got, sizeof(got), "%ld:%ld %s %s", e.v[n].line,
		    e.v[n].col, e.v[n].path ? e.v[n].path : "-",
		    e.v[n].message);
		assert_string_equal(got, want[n]);
		assert_string_equal(e.v[n].file, "t.yaml");
	}
	assert_int_equal(e.n, n);
	if (status == CSPR_OK)
		assert_non_null(c);
	else
		assert_null(c);
	cspr_case_free(&c);
	assert_null(c);
	cspr_errors_clear(&e);
}

/* 0.2 renamed the values YAML 1.1 loaders read as booleans: an old one
 * is an error at its value that names the new one; the new ones, and
 * values that were never valid, are as the schema says. */
static void
test_renamed_values(void **state)
{
	static const struct {
		const char *text;
		int status;
		const char *want;
	} rows[] = {
		{HEAD "child: {child_protection_plan: yes}\n", CSPR_FINDINGS,
		    "3:32 .child.child_protection_plan yes is the 0.1 "
		    "spelling: write current (0.2)"},
		{HEAD "child: {child_protection_plan: previously}\n",
		    CSPR_FINDINGS, "3:32 .child.child_protection_plan "
		    "previously is the 0.1 spelling: write previous (0.2)"},
		{HEAD "child: {child_protection_plan: \"no\"}\n", CSPR_FINDINGS,
		    "3:32 .child.child_protection_plan no is the 0.1 spelling: "
		    "write never (0.2)"},
		{HEAD "family:\n  - {relationship: Sibling}\n"
		    "  - {child_protection_plan: yes}\n", CSPR_FINDINGS,
		    "5:29 .family[1].child_protection_plan yes is the 0.1 "
		    "spelling: write current (0.2)"},
		{HEAD "referral: {siblings_child_protection_plan: no}\n",
		    CSPR_FINDINGS, "3:44 .referral.siblings_child_protection_plan "
		    "no is the 0.1 spelling: write never (0.2)"},
		{HEAD "referral: {criminal_investigation: yes}\n",
		    CSPR_FINDINGS, "3:36 .referral.criminal_investigation yes is "
		    "the 0.1 spelling: write ongoing (0.2)"},
		{HEAD "referral: {conviction: no}\n", CSPR_FINDINGS,
		    "3:24 .referral.conviction no is the 0.1 spelling: write "
		    "not_convicted (0.2)"},
		/* never a value: the schema's own message */
		{HEAD "referral: {conviction: maybe}\n", CSPR_FINDINGS,
		    "3:24 .referral.conviction must be one of: convicted, "
		    "not_convicted, unknown, null"},
		/* an old value where it is not one: "yes" is a name here */
		{HEAD "family:\n  - {name: yes, relationship: no}\n", CSPR_OK,
		    NULL},
		{HEAD "child: {child_protection_plan: previous, "
		    "child_protection_plan_ended: 2026-03-31}\nreferral: "
		    "{criminal_investigation: none, conviction: not_convicted, "
		    "siblings_child_protection_plan: current}\n", CSPR_OK,
		    NULL},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const char *const want[] = {rows[i].want, NULL};

		expect(rows[i].text, rows[i].status, want);
	}
}

/* A family of thousands with the old value: the first 64 errors are
 * reworded, the rest keep the schema's words, and it takes no time. */
static void
test_renamed_many(void **state)
{
	struct cspr_errors e = {0};
	struct cspr_case *c = NULL;
	size_t n = 0, cap = 40 + 40 * 5000;
	char *text = malloc(cap);
	size_t reworded = 0;

	(void)state;
	assert_non_null(text);
	n = (size_t)snprintf(text, cap, HEAD "family:\n");
	for (int i = 0; i < 5000; i++)
		n += (size_t)snprintf(text + n, cap - n,
		    "  - {child_protection_plan: yes}\n");
	assert_int_equal(cspr_case_open_buffer("t.yaml", text, n, schema, &c,
	    &e), CSPR_FINDINGS);
	assert_true(e.n > 64); /* however many the schema reports */
	for (size_t i = 0; i < e.n; i++)
		reworded += strstr(e.v[i].message, "0.1 spelling") != NULL;
	assert_int_equal(reworded, 64);
	assert_string_equal(e.v[0].message,
	    "yes is the 0.1 spelling: write current (0.2)");
	cspr_errors_clear(&e);
	free(text);
}

static void
test_minimal(void **state)
{
	static const char *const none[] = {NULL};

	(void)state;
	expect(HEAD, CSPR_OK, none);
	/* an empty value means "not known yet", anywhere */
	expect(HEAD "child:\n  dob:\n  gender:\nincident: {outcome: ~}\n",
	    CSPR_OK, none);
	expect(HEAD "x-local-note: anything\nchild: {x-colour: blue}\n",
	    CSPR_OK, none);
}

static void
test_schema_errors(void **state)
{
	static const char *const missing[] = {
		"1:1 . missing required field \"partnership\"", NULL};
	static const char *const several[] = {
		"4:11 .child.gender must be one of: female, male, other, "
		    "unknown, null",
		"5:3 .child unknown field \"shoe_size\"",
		"7:13 .incident.la_aware must be a date (YYYY-MM-DD) that "
		    "exists",
		NULL};
	static const char *const yesno[] = {
		"4:17 .child.looked_after must be a boolean or null", NULL};

	(void)state;
	expect("id: T-1\n", CSPR_FINDINGS, missing);
	expect(HEAD "child:\n  gender: f\n  shoe_size: 3\nincident:\n"
	    "  la_aware: 2026-02-29\n", CSPR_FINDINGS, several);
	/* YAML 1.1's yes is a string here, and the schema says so */
	expect(HEAD "child:\n  looked_after: yes\n", CSPR_FINDINGS, yesno);
}

static void
test_datetimes(void **state)
{
	static const char *const none[] = {NULL};
	static const char *const bad[] = {
		"3:22 .referral.received must be a real date (YYYY-MM-DD) or "
		    "date-time (YYYY-MM-DDTHH:MM)", NULL};
	static const char *const shape[] = {
		"3:22 .referral.received does not match the required pattern",
		NULL};

	(void)state;
	expect(HEAD "referral: {received: 2026-11-24T09:30, confirmed: "
	    "2026-11-25}\n", CSPR_OK, none);
	expect(HEAD "referral: {received: 2026-11-24T24:30}\n",
	    CSPR_FINDINGS, bad);
	expect(HEAD "referral: {received: 2026-02-29T10:00}\n",
	    CSPR_FINDINGS, bad);
	expect(HEAD "referral: {received: 2026-11-24 09:30}\n",
	    CSPR_FINDINGS, shape);
}

static void
test_order(void **state)
{
	static const char *const dod[] = {
		"3:31 .child.dod date of death is before the date of birth",
		NULL};
	static const char *const incident[] = {
		"5:13 .incident.la_aware the local authority became aware "
		    "before the incident date",
		"6:13 .incident.notified notified before the incident date",
		NULL};
	static const char *const referral[] = {
		"3:51 .referral.confirmed confirmed before the referral was "
		    "received", NULL};
	static const char *const review[] = {
		"4:27 .rapid_review.completed rapid review completed before "
		    "the notification was received (incident.notified)",
		"6:21 .report.completed report completed before the review "
		    "was commissioned",
		"8:26 .publication.published published before the decision "
		    "to review",
		NULL};
	static const char *const same_day[] = {NULL};

	(void)state;
	expect(HEAD "child: {dob: 2020-05-01, dod: 2020-04-30}\n",
	    CSPR_FINDINGS, dod);
	expect(HEAD "incident:\n  date: 2026-03-10\n  la_aware: 2026-03-09\n"
	    "  notified: 2026-03-01\n", CSPR_FINDINGS, incident);
	expect(HEAD "referral: {received: 2026-03-10T10:00, confirmed: "
	    "2026-03-09}\n", CSPR_FINDINGS, referral);
	expect(HEAD "incident: {notified: 2026-03-10}\n"
	    "rapid_review: {completed: 2026-03-09}\n"
	    "review: {commissioned: 2026-05-01}\nreport: {completed: "
	    "2026-04-30}\ndecision: {date: 2026-04-01}\n"
	    "publication: {published: 2026-03-31}\n", CSPR_FINDINGS, review);
	/* equal dates are in order; a missing date is no error */
	expect(HEAD "child: {dob: 2020-05-01, dod: 2020-05-01}\n"
	    "incident: {date: 2026-03-10, la_aware: 2026-03-10}\n"
	    "rapid_review: {completed: 2026-03-09}\n", CSPR_OK, same_day);
}

static void
test_action_ids(void **state)
{
	static const char *const dup[] = {
		"6:9 .actions[2].id duplicate action id (first at line 4)",
		NULL};
	static const char *const fine[] = {NULL};

	(void)state;
	expect(HEAD "actions:\n  - id: A1\n  - id: A2\n  - id: A1\n",
	    CSPR_FINDINGS, dup);
	/* 1 and "1" are different ids */
	expect(HEAD "actions:\n  - id: 1\n  - id: '1'\n", CSPR_OK, fine);
}

static void
test_accessors(void **state)
{
	static const char text[] = HEAD
	    "child:\n  first_name: Poppy\n  dob: 2019-04-02\n"
	    "  looked_after: false\n  aliases:\nreferral:\n"
	    "  received: 2026-11-24T23:59\n";
	struct cspr_errors e = {0};
	struct cspr_case *c;
	json_t *root;
	cspr_date d;

	(void)state;
	assert_int_equal(cspr_case_open_buffer("t.yaml", text,
	    sizeof(text) - 1, schema, &c, &e), CSPR_OK);
	root = cspr_case_root(c);
	assert_string_equal(cspr_case_id(c), "T-1");
	assert_string_equal(cspr_case_file(c), "t.yaml");
	assert_string_equal(cspr_get_str(root, "child.first_name"), "Poppy");
	assert_null(cspr_get_str(root, "child.last_name"));
	assert_null(cspr_get(root, "child.aliases")); /* null is absent */
	assert_null(cspr_get(root, "nothing.here.at.all"));
	assert_int_equal(cspr_get_bool(root, "child.looked_after"), 0);
	assert_int_equal(cspr_get_bool(root, "child.pseudonym"), -1);
	assert_int_equal(cspr_get_date(root, "child.dob", &d), 1);
	assert_int_equal(d, cspr_date_from_ymd(2019, 4, 2));
	/* a date-time gives its date */
	assert_int_equal(cspr_get_date(root, "referral.received", &d), 1);
	assert_int_equal(d, cspr_date_from_ymd(2026, 11, 24));
	assert_int_equal(cspr_get_date(root, "child.first_name", &d), 0);
	cspr_case_free(&c);
}

static void
test_custom_schema(void **state)
{
	struct cspr_errors e = {0};
	struct cspr_schema *s;

	(void)state;
	assert_null(cspr_case_schema("/nonexistent.json", &e));
	assert_int_equal(e.n, 1);
	assert_string_equal(e.v[0].message,
	    "cannot open: No such file or directory");
	cspr_errors_clear(&e);
	s = cspr_case_schema("tests/data/schema/not-json.json", &e);
	assert_null(s);
	assert_int_equal(e.n, 1);
	assert_string_equal(e.v[0].file, "tests/data/schema/not-json.json");
	assert_int_equal(e.v[0].line, 2);
	assert_int_equal(e.v[0].col, 1);
	cspr_errors_clear(&e);
}

/* cspr_case_open_as: the case and every diagnostic under the name given,
 * also for a file that cannot be read; NULL is cspr_case_open. */
static void
test_open_as(void **state)
{
	struct cspr_errors e = {0};
	struct cspr_case *c = NULL;

	(void)state;
	assert_int_equal(cspr_case_open_as("examples/01-referral.yaml",
	    "cases/a.yaml", schema, &c, &e), CSPR_OK);
	assert_string_equal(cspr_case_file(c), "cases/a.yaml");
	cspr_case_free(&c);
	assert_int_equal(cspr_case_open_as("examples/01-referral.yaml", NULL,
	    schema, &c, &e), CSPR_OK);
	assert_string_equal(cspr_case_file(c), "examples/01-referral.yaml");
	cspr_case_free(&c);
	assert_int_equal(cspr_case_open_as("tests/data/invalid/bad-dates.yaml",
	    "cases/b.yaml", schema, &c, &e), CSPR_FINDINGS);
	assert_null(c);
	assert_int_equal(e.n, 2);
	assert_string_equal(e.v[0].file, "cases/b.yaml");
	assert_string_equal(e.v[1].file, "cases/b.yaml");
	assert_int_equal(e.v[1].line, 8);
	cspr_errors_clear(&e);
	assert_int_equal(cspr_case_open_as("/nonexistent.yaml", "cases/c.yaml",
	    schema, &c, &e), CSPR_ERROR);
	assert_int_equal(e.n, 1);
	assert_string_equal(e.v[0].file, "cases/c.yaml");
	cspr_errors_clear(&e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_minimal),
		cmocka_unit_test(test_renamed_values),
		cmocka_unit_test(test_renamed_many),
		cmocka_unit_test(test_schema_errors),
		cmocka_unit_test(test_datetimes),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_action_ids),
		cmocka_unit_test(test_accessors),
		cmocka_unit_test(test_custom_schema),
		cmocka_unit_test(test_open_as),
	};

	return cmocka_run_group_tests_name("case", tests, setup, teardown);
}
