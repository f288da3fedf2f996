/*
 * test_referral.c - lib/referral.c: which Appendix B fields are missing,
 * the 48-hour written confirmation as the deadline table gives it (7.2),
 * and CDOP referrals (7.5).
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
#include "unit.h"

/* A referral with every field Appendix B cannot go without. */
#define FULL "child.first_name=Poppy; child.last_name=Testcase; " \
	"child.dob=2020-02-02; child.gender=female; " \
	"child.address=1 Nowhere Road; referral.types=[rapid_review]; " \
	"referral.received=2026-11-20T10:00; " \
	"referral.referrer.name=Dr Example; " \
	"referral.referrer.agency=Fictional Trust; " \
	"referral.referrer.email=x@example.org; " \
	"referral.agencies=[police]; referral.reasons=[seriously_harmed]; " \
	"referral.outline=What happened; "

struct check {
	struct cspr_calendar *cal;
	struct cspr_referral r;
	json_t *root;
};

static void
run(struct check *k, const char *spec, const char *today)
{
	k->cal = cspr_calendar_new();
	assert_non_null(k->cal);
	k->root = mk(spec);
	assert_int_equal(cspr_referral_check(k->root, k->cal, D(today),
	    &k->r), 0);
}

static void
done(struct check *k)
{
	cspr_referral_clear(&k->r);
	json_decref(k->root);
	cspr_calendar_free(&k->cal);
}

/* The missing paths, joined by spaces. */
static const char *
missing(const char *spec)
{
	static char buf[1024];
	struct check k;

	run(&k, spec, "2026-11-21");
	buf[0] = '\0';
	for (size_t i = 0; i < k.r.nmissing; i++)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%s",
		    i ? " " : "", k.r.missing[i].path);
	done(&k);
	return buf;
}

static void
test_complete(void **state)
{
	(void)state;
	assert_string_equal(missing(FULL), "");
	/* a phone will do instead of an e-mail address */
	assert_string_equal(missing(FULL "referral.referrer.email=null; "
	    "referral.referrer.phone=01632 960000"), "");
	/* gender unknown is an answer */
	assert_string_equal(missing(FULL "child.gender=unknown"), "");
}

static void
test_missing(void **state)
{
	(void)state;
	assert_string_equal(missing(""), ".child.first_name .child.last_name "
	    ".child.dob .child.gender .child.address .referral.types "
	    ".referral.received .referral.referrer.name "
	    ".referral.referrer.agency "
	    ".referral.referrer.phone // .referral.referrer.email "
	    ".referral.agencies .referral.reasons .referral.outline");
	/* blank text and empty lists count as missing */
	assert_string_equal(missing(FULL "child.first_name=   ; "
	    "referral.types=[]; referral.referrer.email= "),
	    ".child.first_name .referral.types "
	    ".referral.referrer.phone // .referral.referrer.email");
	/* the date of death, where the child died */
	assert_string_equal(missing(FULL "incident.outcome=died"),
	    ".child.dod");
	assert_string_equal(missing(FULL "referral.reasons=[child_died]"),
	    ".child.dod");
	assert_string_equal(missing(FULL "incident.outcome=died; "
	    "child.dod=2026-11-19"), "");
	/* "please specify" wherever other is ticked */
	assert_string_equal(missing(FULL "referral.agencies=[other, "
	    "out_of_area]; referral.reasons=[other]; "
	    "referral.characteristics=[other]"), ".referral.agencies_other "
	    ".referral.out_of_area_organisation .referral.reason_other "
	    ".referral.characteristics_other");
	assert_string_equal(missing(FULL "referral.agencies=[other]; "
	    "referral.agencies_other=Scouts"), "");
}

static void
test_missing_described(void **state)
{
	struct check k;

	(void)state;
	run(&k, FULL "child.dob=null", "2026-11-21");
	assert_int_equal(k.r.nmissing, 1);
	assert_string_equal(k.r.missing[0].section, "1a");
	assert_string_equal(k.r.missing[0].what, "the child's date of birth");
	{
		json_t *j = cspr_referral_missing_json(&k.r);

		assert_int_equal(json_array_size(j), 1);
		assert_string_equal(json_string_value(json_array_get(j, 0)),
		    ".child.dob");
		json_decref(j);
	}
	done(&k);
}

/* The confirmation's status and findings, as of today. */
static void
confirmation(const char *spec, const char *today, enum cspr_status want,
    const char *due, const char *findings)
{
	struct check k;
	char buf[256] = "";
	json_t *j;

	run(&k, spec, today);
	assert_int_equal(k.r.confirmation.status, want);
	assert_string_equal(k.r.confirmation.para, "7.2");
	j = cspr_when_json(k.r.confirmation.due);
	if (due)
		assert_string_equal(json_string_value(j), due);
	else
		assert_true(json_is_null(j));
	json_decref(j);
	for (size_t i = 0; i < k.r.findings.n; i++)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%s",
		    i ? " " : "", k.r.findings.v[i].check);
	assert_string_equal(buf, findings);
	done(&k);
}

static void
test_confirmation(void **state)
{
	(void)state;
	/* 48 hours from a date-time, to the minute */
	confirmation(FULL, "2026-11-21", CSPR_DUE, "2026-11-22T10:00", "");
	confirmation(FULL, "2026-11-22", CSPR_DUE, "2026-11-22T10:00", "");
	confirmation(FULL, "2026-11-23", CSPR_OVERDUE, "2026-11-22T10:00",
	    "confirmation-overdue");
	confirmation(FULL "referral.confirmed=2026-11-22T10:00", "2026-11-30",
	    CSPR_DONE, "2026-11-22T10:00", "");
	confirmation(FULL "referral.confirmed=2026-11-22T10:01", "2026-11-30",
	    CSPR_LATE, "2026-11-22T10:00", "confirmation-late");
	/* from a bare date, the end of the second day after */
	confirmation(FULL "referral.received=2026-11-20; "
	    "referral.confirmed=2026-11-22T23:59", "2026-11-30", CSPR_DONE,
	    "2026-11-22", "");
	confirmation(FULL "referral.received=2026-11-20; "
	    "referral.confirmed=2026-11-23", "2026-11-30", CSPR_LATE,
	    "2026-11-22", "confirmation-late");
	/* nothing to count from */
	confirmation(FULL "referral.received=null", "2026-11-30",
	    CSPR_PENDING, NULL, "");
	confirmation(FULL "referral.received=null; "
	    "referral.confirmed=2026-11-21", "2026-11-30", CSPR_DONE, NULL,
	    "");
}

static void
test_confirmation_message(void **state)
{
	struct check k;

	(void)state;
	run(&k, FULL, "2026-11-25");
	assert_int_equal(k.r.findings.n, 1);
	assert_string_equal(k.r.findings.v[0].para, "7.2");
	assert_string_equal(k.r.findings.v[0].message, "The written "
	    "confirmation of the referral (referral.confirmed) was due by "
	    "2026-11-22T10:00 and is not recorded (7.2).");
	done(&k);
}

static void
test_cdop(void **state)
{
	(void)state;
	confirmation(FULL "referral.confirmed=2026-11-21; "
	    "referral.source=cdop; incident.outcome=died; child.dod=2026-11-18",
	    "2026-11-30", CSPR_DONE, "2026-11-22T10:00", "");
	confirmation(FULL "referral.confirmed=2026-11-21; "
	    "referral.source=cdop; incident.outcome=seriously_harmed",
	    "2026-11-30", CSPR_DONE, "2026-11-22T10:00", "cdop");
	confirmation(FULL "referral.confirmed=2026-11-21; "
	    "referral.source=cdop", "2026-11-30", CSPR_DONE,
	    "2026-11-22T10:00", "cdop");
	/* a date of death is enough to know the child died */
	confirmation(FULL "referral.confirmed=2026-11-21; "
	    "referral.source=cdop; child.dod=2026-11-18", "2026-11-30",
	    CSPR_DONE, "2026-11-22T10:00", "");
	confirmation(FULL "referral.confirmed=2026-11-21; "
	    "referral.source=agency; incident.outcome=seriously_harmed",
	    "2026-11-30", CSPR_DONE, "2026-11-22T10:00", "");
	{
		struct check k;

		run(&k, FULL "referral.confirmed=2026-11-21; "
		    "referral.source=cdop; incident.outcome=other",
		    "2026-11-30");
		assert_string_equal(k.r.findings.v[0].message,
		    "referral.source is cdop, but incident.outcome is other: "
		    "the Child Death Overview Panel refers cases where a child "
		    "has died (7.5).");
		done(&k);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_complete),
	    cmocka_unit_test(test_missing),
	    cmocka_unit_test(test_missing_described),
	    cmocka_unit_test(test_confirmation),
	    cmocka_unit_test(test_confirmation_message),
	    cmocka_unit_test(test_cdop),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
