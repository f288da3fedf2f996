/*
 * test_predicates.c - lib/predicates.c: recorded, the same local
 * authority, a serious case, a serious incident and a notifiable
 * incident, each as a table of yes, no and not known.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "csprcore.h"
#include "mkcase.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static void
test_recorded(void **state)
{
	static const struct {
		const char *json;
		int want;
	} rows[] = {
		{"\"a\"", 1}, {"\" x \"", 1}, {"\"0\"", 1}, {"\"\\u0000\"", 1},
		{"\"\"", 0}, {"\"   \"", 0}, {"\" \\t\\n\\r\\f\\u000b \"", 0},
		{"false", 1}, {"true", 1}, {"0", 1}, {"0.5", 1},
		{"[]", 0}, {"[null]", 1}, {"{}", 0}, {"{\"a\": 1}", 1},
		{"null", 0},
	};

	(void)state;
	for (size_t i = 0; i < NELEM(rows); i++) {
		json_t *v = json_loads(rows[i].json,
		    JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);

		assert_non_null(v);
		if (cspr_recorded(v) != rows[i].want)
			fail_msg("cspr_recorded(%s) is %d, want %d",
			    rows[i].json, cspr_recorded(v), rows[i].want);
		json_decref(v);
	}
	assert_int_equal(cspr_recorded(NULL), 0);
}

static void
test_has(void **state)
{
	json_t *root = mk("decision.rationale=   ; decision.outcome=other; "
	    "referral.types=[]; referral.agencies=[police]; "
	    "child.looked_after=false; decision.date=null");

	(void)state;
	assert_int_equal(cspr_has(root, "decision.rationale"), 0);
	assert_int_equal(cspr_has(root, "decision.outcome"), 1);
	assert_int_equal(cspr_has(root, "referral.types"), 0);
	assert_int_equal(cspr_has(root, "referral.agencies"), 1);
	assert_int_equal(cspr_has(root, "child.looked_after"), 1);
	assert_int_equal(cspr_has(root, "decision.date"), 0);
	assert_int_equal(cspr_has(root, "decision.nothing"), 0);
	assert_int_equal(cspr_has(root, "nothing.at.all"), 0);
	json_decref(root);
}

static void
test_same_authority(void **state)
{
	static const struct {
		const char *a, *b;
		int want;
	} rows[] = {
		{"Hampshire", "Hampshire", 1},
		{"Hampshire County Council", "Hampshire", 1},
		{"hampshire", "HAMPSHIRE COUNTY COUNCIL", 1},
		{"  Hampshire   County  Council ", "Hampshire", 1},
		{"Brighton & Hove", "Brighton and Hove City Council", 1},
		{"The Royal Borough of Greenwich", "Greenwich", 1},
		{"London Borough of Barnet", "Barnet Council", 1},
		{"Royal Borough of Kensington and Chelsea",
		    "Kensington & Chelsea", 1},
		{"City of York Council", "York", 1},
		{"Borough of Poole", "Poole", 1},
		{"County of Herefordshire District Council", "Herefordshire",
		    1},
		{"Leeds City Council", "Leeds", 1},
		{"Stockport Metropolitan Borough Council", "Stockport", 1},
		{"Wigan Borough Council", "Wigan", 1},
		{"Stoke-on-Trent City Council", "Stoke on Trent", 1},
		{"St. Helens", "St Helens Borough Council", 1},
		{"King's Lynn", "Kings Lynn", 1},
		{"Kingston upon Hull", "Kingston-upon-Hull City Council", 1},
		{"The Wrekin", "the wrekin", 1},
		/* the style alone is a name, not nothing */
		{"City Council", "City Council", 1},
		{"Council", "council", 1},
		{"Hampshire", "Borsetshire", 0},
		{"Hampshire County Council", "Borsetshire County Council", 0},
		{"Hampshire", "Hampshire Fire", 0},
		{"West Sussex", "East Sussex", 0},
		{"City of London", "London Borough of Barnet", 0},
		{NULL, "Hampshire", -1},
		{"Hampshire", NULL, -1},
		{NULL, NULL, -1},
		{"", "Hampshire", -1},
		{"  - ", "Hampshire", -1},
	};

	(void)state;
	for (size_t i = 0; i < NELEM(rows); i++) {
		int got = cspr_same_authority(rows[i].a, rows[i].b);

		if (got != rows[i].want)
			fail_msg("same authority \"%s\", \"%s\": %d, want %d",
			    rows[i].a ? rows[i].a : "(null)",
			    rows[i].b ? rows[i].b : "(null)", got,
			    rows[i].want);
		/* the question is symmetric */
		assert_int_equal(cspr_same_authority(rows[i].b, rows[i].a),
		    got);
	}
}

/* A name far longer than any authority's is compared, not overrun. */
static void
test_same_authority_long(void **state)
{
	char a[2000], b[2000];

	(void)state;
	memset(a, 'x', sizeof(a) - 1);
	a[sizeof(a) - 1] = '\0';
	memcpy(b, a, sizeof(b));
	assert_int_equal(cspr_same_authority(a, b), 1);
	memset(a, '&', sizeof(a) - 1);
	assert_int_equal(cspr_same_authority(a, "and"), 0);
	assert_int_equal(cspr_same_authority(a, a), 1);
}

/* Any bytes at all: symmetric, a name the same as itself unless it has
 * nothing to compare, and never past its buffers (ASan runs this too). */
static void
test_same_authority_bytes(void **state)
{
	static const char alphabet[] = "aB &'.-,Council the of City\xc3\xab\x01\x7f";
	unsigned seed = 5;
	char a[400], b[400];

	(void)state;
	for (int n = 0; n < 20000; n++) {
		size_t la, lb;

		seed = seed * 1103515245 + 12345;
		la = (seed >> 16) % sizeof(a);
		seed = seed * 1103515245 + 12345;
		lb = (seed >> 16) % 40;
		for (size_t i = 0; i < la; i++) {
			seed = seed * 1103515245 + 12345;
			a[i] = (seed >> 24) & 1 ? alphabet[(seed >> 16) %
			    (sizeof(alphabet) - 1)] : (char)(1 + (seed >> 16) %
			    255);
		}
		a[la] = '\0';
		for (size_t i = 0; i < lb; i++) {
			seed = seed * 1103515245 + 12345;
			b[i] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		}
		b[lb] = '\0';
		assert_int_equal(cspr_same_authority(a, b),
		    cspr_same_authority(b, a));
		assert_int_not_equal(cspr_same_authority(a, a), 0);
		assert_int_not_equal(cspr_same_authority(b, b), 0);
	}
}

struct row {
	const char *spec;
	int want;
};

static void
check(const char *what, int (*fn)(const json_t *), const struct row *rows,
    size_t n)
{
	for (size_t i = 0; i < n; i++) {
		json_t *root = mk(rows[i].spec);
		int got = fn(root);

		if (got != rows[i].want)
			fail_msg("%s, row %zu (%s): %d, want %d", what, i,
			    rows[i].spec, got, rows[i].want);
		json_decref(root);
	}
}

static void
test_serious_case(void **state)
{
	static const struct row rows[] = {
		{"incident.abuse_or_neglect=known; incident.outcome=died", 1},
		{"incident.abuse_or_neglect=suspected; "
		    "incident.outcome=seriously_harmed", 1},
		{"incident.abuse_or_neglect=not_suspected; "
		    "incident.outcome=died", 0},
		{"incident.abuse_or_neglect=known; incident.outcome=other", 0},
		{"incident.outcome=other", 0},
		{"incident.abuse_or_neglect=unknown; incident.outcome=died",
		    -1},
		{"incident.abuse_or_neglect=suspected", -1},
		{"", -1},
	};

	(void)state;
	check("serious case", cspr_serious_case, rows, NELEM(rows));
}

static void
test_serious_incident(void **state)
{
	static const struct row rows[] = {
		{"incident.abuse_or_neglect=known; incident.outcome=died", 1},
		/* a looked-after child's death, abuse not suspected */
		{"incident.abuse_or_neglect=not_suspected; "
		    "incident.outcome=died; child.looked_after=true; "
		    "incident.notified=2026-11-02", 0},
		{"incident.abuse_or_neglect=known; incident.outcome=other", 0},
		/* it cannot be ruled out */
		{"incident.abuse_or_neglect=unknown; incident.outcome=died", 1},
		{"incident.notified=2026-11-02", 1},
		{"", 1},
	};

	(void)state;
	check("serious incident", cspr_serious_incident, rows, NELEM(rows));
}

#define SERIOUS "incident.abuse_or_neglect=suspected; " \
	"incident.outcome=seriously_harmed; "

static void
test_notifiable(void **state)
{
	static const struct row rows[] = {
		{SERIOUS "incident.place=in_area", 1},
		{SERIOUS "incident.place=outside_england; "
		    "local_authority=Hampshire; "
		    "child.normally_resident=Hampshire", 1},
		/* issue 10: the same authority, spelt otherwise */
		{SERIOUS "incident.place=outside_england; "
		    "local_authority=Hampshire; "
		    "child.normally_resident=Hampshire County Council", 1},
		{SERIOUS "incident.place=outside_england; "
		    "local_authority=Hampshire; "
		    "child.normally_resident=Borsetshire", 0},
		{SERIOUS "incident.place=elsewhere_in_england", 0},
		{"incident.abuse_or_neglect=not_suspected; "
		    "incident.outcome=died; incident.place=in_area", 0},
		{SERIOUS "incident.place=outside_england; "
		    "local_authority=Hampshire", -1},
		{SERIOUS "incident.place=outside_england; local_authority=null; "
		    "child.normally_resident=Hampshire", -1},
		{SERIOUS "", -1},
		{"incident.place=in_area", -1},
		{"incident.abuse_or_neglect=unknown; incident.outcome=died; "
		    "incident.place=in_area", -1},
	};

	(void)state;
	check("notifiable", cspr_notifiable, rows, NELEM(rows));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_recorded),
	    cmocka_unit_test(test_has),
	    cmocka_unit_test(test_same_authority),
	    cmocka_unit_test(test_same_authority_long),
	    cmocka_unit_test(test_same_authority_bytes),
	    cmocka_unit_test(test_serious_case),
	    cmocka_unit_test(test_serious_incident),
	    cmocka_unit_test(test_notifiable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
