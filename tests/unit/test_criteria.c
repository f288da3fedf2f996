/*
 * test_criteria.c - lib/criteria.c: every criterion met, not met and
 * unknown (a table per criterion), the sentences that explain them, and
 * what follows: indicated, the national criteria, the lead partnership
 * and the findings about the decision and the reviewer.
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
#define MET CSPR_MET
#define NOT CSPR_NOT_MET
#define UNK CSPR_UNKNOWN

static cspr_date
D(const char *s)
{
	cspr_date d = CSPR_NO_DATE;

	if (cspr_date_parse(s, &d) != 0)
		fail_msg("bad date in test: %s", s);
	return d;
}

/* the day the tests run on (tests/run.sh sets CSP_TODAY to it too) */
#define today_default D("2026-11-26")

/* One row: the case, the result, and the exact explanation. */
struct row {
	const char *spec;
	enum cspr_result result;
	const char *because;
};

static void
check_rows(const char *id, const struct row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		json_t *root = mk(rows[i].spec);
		struct cspr_assessment a;
		const struct cspr_criterion *c;

		assert_int_equal(cspr_assess(root, today_default, &a), 0);
		c = cspr_criterion_find(&a, id);
		assert_non_null(c);
		if (c->result != rows[i].result ||
		    strcmp(c->because, rows[i].because) != 0)
			fail_msg("%s, row %zu (%s): got %s \"%s\", want %s "
			    "\"%s\"", id, i, rows[i].spec,
			    cspr_result_name(c->result), c->because,
			    cspr_result_name(rows[i].result), rows[i].because);
		/* a rule that is settled says so with a sentence */
		assert_true(strlen(c->because) > 10);
		assert_int_equal(c->because[strlen(c->because) - 1], '.');
		cspr_assessment_clear(&a);
		json_decref(root);
	}
}

#define ROWS(id, rows) check_rows(id, rows, NELEM(rows))

/* ---- one table per criterion ---- */

static void
test_serious_case(void **state)
{
	static const struct row rows[] = {
		{"incident.abuse_or_neglect=suspected; incident.outcome=died",
		    MET, "incident.abuse_or_neglect is suspected and "
		    "incident.outcome is died."},
		{"incident.abuse_or_neglect=known; "
		    "incident.outcome=seriously_harmed", MET,
		    "incident.abuse_or_neglect is known and incident.outcome "
		    "is seriously_harmed."},
		{"incident.abuse_or_neglect=not_suspected; "
		    "incident.outcome=died", NOT,
		    "incident.abuse_or_neglect is not_suspected."},
		{"incident.abuse_or_neglect=known; incident.outcome=other", NOT,
		    "incident.outcome is other."},
		{"incident.outcome=other", NOT, "incident.outcome is other."},
		{"incident.abuse_or_neglect=not_suspected; "
		    "incident.outcome=other", NOT,
		    "incident.abuse_or_neglect is not_suspected and "
		    "incident.outcome is other."},
		{"", UNK, "incident.abuse_or_neglect and incident.outcome are "
		    "not recorded."},
		{"incident.abuse_or_neglect=unknown; incident.outcome=died",
		    UNK, "incident.outcome is died, but "
		    "incident.abuse_or_neglect is unknown."},
		{"incident.abuse_or_neglect=suspected", UNK,
		    "incident.abuse_or_neglect is suspected, but "
		    "incident.outcome is not recorded."},
		{"incident.abuse_or_neglect=null; incident.outcome=died", UNK,
		    "incident.outcome is died, but incident.abuse_or_neglect "
		    "is not recorded."},
	};

	(void)state;
	ROWS("serious-case", rows);
}

#define SERIOUS "incident.abuse_or_neglect=suspected; " \
	"incident.outcome=seriously_harmed; "

static void
test_notify_panel(void **state)
{
	static const struct row rows[] = {
		{SERIOUS "incident.place=in_area", MET,
		    "incident.abuse_or_neglect is suspected, incident.outcome "
		    "is seriously_harmed and incident.place is in_area."},
		{SERIOUS "incident.place=outside_england; "
		    "child.normally_resident=hampshire", MET,
		    "incident.abuse_or_neglect is suspected, incident.outcome "
		    "is seriously_harmed and incident.place is outside_england "
		    "and child.normally_resident is hampshire, the same "
		    "authority as local_authority, Hampshire."},
		/* issue 10: a spelling never turns the rule off */
		{SERIOUS "incident.place=outside_england; "
		    "child.normally_resident=Hampshire County Council", MET,
		    "incident.abuse_or_neglect is suspected, incident.outcome "
		    "is seriously_harmed and incident.place is outside_england "
		    "and child.normally_resident is Hampshire County Council, "
		    "the same authority as local_authority, Hampshire."},
		{SERIOUS "incident.place=outside_england; "
		    "child.normally_resident=Borsetshire", NOT,
		    "incident.place is outside_england and "
		    "child.normally_resident is Borsetshire while "
		    "local_authority is Hampshire."},
		{SERIOUS "incident.place=elsewhere_in_england", NOT,
		    "incident.place is elsewhere_in_england."},
		{"incident.abuse_or_neglect=not_suspected; "
		    "incident.outcome=died; incident.place=in_area", NOT,
		    "incident.abuse_or_neglect is not_suspected."},
		{SERIOUS "incident.place=outside_england", UNK,
		    "incident.abuse_or_neglect is suspected and "
		    "incident.outcome is seriously_harmed, but incident.place "
		    "is outside_england with child.normally_resident not "
		    "recorded."},
		{SERIOUS "incident.place=outside_england; "
		    "child.normally_resident=Hampshire; local_authority=null",
		    UNK, "incident.abuse_or_neglect is suspected and "
		    "incident.outcome is seriously_harmed, but incident.place "
		    "is outside_england with local_authority not recorded."},
		{"incident.place=in_area", UNK, "incident.place is in_area, "
		    "but incident.abuse_or_neglect and incident.outcome are "
		    "not recorded."},
	};

	(void)state;
	ROWS("notify-panel", rows);
}

/* The criterion and the deadlines' cspr_notifiable() are one rule. */
static void
test_notify_panel_agrees_with_deadlines(void **state)
{
	static const char *const abuse[] = {"", "known", "suspected",
	    "not_suspected", "unknown"};
	static const char *const outcome[] = {"", "died", "seriously_harmed",
	    "other"};
	static const char *const place[] = {"", "in_area",
	    "elsewhere_in_england", "outside_england"};
	static const char *const home[] = {"", "Hampshire", "Borsetshire"};
	int n = 0;

	(void)state;
	for (size_t i = 0; i < NELEM(abuse); i++)
		for (size_t j = 0; j < NELEM(outcome); j++)
			for (size_t k = 0; k < NELEM(place); k++)
				for (size_t l = 0; l < NELEM(home); l++) {
					char spec[256];
					json_t *root;
					struct cspr_assessment a;
					int want;

					snprintf(spec, sizeof(spec),
					    "incident.abuse_or_neglect=%s; "
					    "incident.outcome=%s; "
					    "incident.place=%s; "
					    "child.normally_resident=%s",
					    *abuse[i] ? abuse[i] : "null",
					    *outcome[j] ? outcome[j] : "null",
					    *place[k] ? place[k] : "null",
					    *home[l] ? home[l] : "null");
					root = mk(spec);
					assert_int_equal(cspr_assess(root,
					    today_default, &a), 0);
					want = cspr_notifiable(root);
					assert_int_equal(
					    cspr_criterion_find(&a,
					    "notify-panel")->result,
					    want == 1 ? MET : want == 0 ? NOT :
					    UNK);
					cspr_assessment_clear(&a);
					json_decref(root);
					n++;
				}
	assert_int_equal(n, 240);
}

static void
test_looked_after_death(void **state)
{
	static const struct row rows[] = {
		{"child.looked_after=true; incident.outcome=died; "
		    "incident.abuse_or_neglect=not_suspected", MET,
		    "child.looked_after is true and incident.outcome is died."},
		{"child.looked_after=false; incident.outcome=died", NOT,
		    "child.looked_after is false."},
		{"child.looked_after=true; incident.outcome=seriously_harmed",
		    NOT, "incident.outcome is seriously_harmed."},
		{"incident.outcome=other", NOT, "incident.outcome is other."},
		{"incident.outcome=died", UNK, "incident.outcome is died, but "
		    "child.looked_after is not recorded."},
		{"child.looked_after=true", UNK, "child.looked_after is true, "
		    "but incident.outcome is not recorded."},
	};

	(void)state;
	ROWS("looked-after-death", rows);
}

/* A criterion that only the LIG's recorded consideration settles. */
static void
recorded_only(const char *id, const char *key)
{
	char yes[128], no[128], b_yes[160], b_no[160], b_unk[160];
	struct row rows[3];

	snprintf(yes, sizeof(yes), "considerations.%s=true", key);
	snprintf(no, sizeof(no), "considerations.%s=false", key);
	snprintf(b_yes, sizeof(b_yes), "considerations.%s is true, the LIG's "
	    "recorded view.", key);
	snprintf(b_no, sizeof(b_no), "considerations.%s is false, the LIG's "
	    "recorded view.", key);
	snprintf(b_unk, sizeof(b_unk), "considerations.%s is not recorded.",
	    key);
	rows[0] = (struct row){yes, MET, b_yes};
	rows[1] = (struct row){no, NOT, b_no};
	rows[2] = (struct row){"considerations.good_practice=true", UNK,
	    b_unk};
	check_rows(id, rows, 3);
}

static void
test_improvements_needed(void **state)
{
	(void)state;
	recorded_only("improvements-needed", "improvements_needed");
}

static void
test_recurrent_themes(void **state)
{
	(void)state;
	recorded_only("recurrent-themes", "recurrent_themes");
}

static void
test_multi_agency_concern(void **state)
{
	(void)state;
	recorded_only("multi-agency-concern", "multi_agency_concern");
}

static void
test_panel_suggested_local_review(void **state)
{
	(void)state;
	recorded_only("panel-suggested-local-review",
	    "panel_suggested_local_review");
}

static void
test_single_agency_concern(void **state)
{
	(void)state;
	recorded_only("single-agency-concern", "single_agency_concern");
}

static void
test_no_agency_involvement(void **state)
{
	(void)state;
	recorded_only("no-agency-involvement", "no_agency_involvement");
}

static void
test_positive_outcome_learning(void **state)
{
	(void)state;
	recorded_only("positive-outcome-learning",
	    "positive_outcome_learning");
}

static void
test_legislative_change(void **state)
{
	(void)state;
	recorded_only("legislative-change", "legislative_change");
}

static void
test_institutional_setting(void **state)
{
	static const struct row rows[] = {
		{"incident.setting=childrens_home", MET, "incident.setting is "
		    "childrens_home, an institutional setting of footnote 6."},
		{"incident.setting=secure_childrens_home", MET,
		    "incident.setting is secure_childrens_home, an "
		    "institutional setting of footnote 6."},
		{"incident.setting=police_custody", MET, "incident.setting is "
		    "police_custody, an institutional setting of footnote 6."},
		{"incident.setting=young_offender_institution", MET,
		    "incident.setting is young_offender_institution, an "
		    "institutional setting of footnote 6."},
		{"incident.setting=secure_training_centre", MET,
		    "incident.setting is secure_training_centre, an "
		    "institutional setting of footnote 6."},
		{"incident.setting=mental_health_act", MET, "incident.setting "
		    "is mental_health_act, an institutional setting of "
		    "footnote 6."},
		{"incident.setting=mental_capacity_act", MET,
		    "incident.setting is mental_capacity_act, an institutional "
		    "setting of footnote 6."},
		{"considerations.institutional_setting=true", MET,
		    "considerations.institutional_setting is true, the LIG's "
		    "recorded view."},
		{"incident.setting=none; "
		    "considerations.institutional_setting=true", MET,
		    "considerations.institutional_setting is true, the LIG's "
		    "recorded view, though incident.setting is none, not an "
		    "institutional setting of footnote 6."},
		{"incident.setting=none", NOT, "incident.setting is none, not "
		    "an institutional setting of footnote 6, and "
		    "considerations.institutional_setting is not recorded."},
		/* footnote 6 has no residential schools: footnote 11 does */
		{"incident.setting=residential_school", NOT,
		    "incident.setting is residential_school, not an "
		    "institutional setting of footnote 6, and "
		    "considerations.institutional_setting is not recorded."},
		{"incident.setting=other_residential", NOT,
		    "incident.setting is other_residential, not an "
		    "institutional setting of footnote 6, and "
		    "considerations.institutional_setting is not recorded."},
		{"incident.setting=childrens_home; "
		    "considerations.institutional_setting=false", NOT,
		    "considerations.institutional_setting is false, the LIG's "
		    "recorded view, though incident.setting is childrens_home, "
		    "an institutional setting of footnote 6."},
		{"", UNK, "incident.setting is not recorded, nor is "
		    "considerations.institutional_setting."},
	};

	(void)state;
	ROWS("institutional-setting", rows);
}

static void
test_institutional_setting_national(void **state)
{
	static const struct row rows[] = {
		{"incident.setting=childrens_home", MET, "incident.setting is "
		    "childrens_home, an institutional setting of footnote 11."},
		{"incident.setting=mental_capacity_act", MET,
		    "incident.setting is mental_capacity_act, an institutional "
		    "setting of footnote 11."},
		{"incident.setting=residential_school", MET, "incident.setting "
		    "is residential_school, an institutional setting of "
		    "footnote 11."},
		{"incident.setting=other_residential", MET, "incident.setting "
		    "is other_residential, an institutional setting of "
		    "footnote 11."},
		{"considerations.institutional_setting=true", MET,
		    "considerations.institutional_setting is true, the LIG's "
		    "recorded view."},
		{"incident.setting=none", NOT, "incident.setting is none, not "
		    "an institutional setting of footnote 11, and "
		    "considerations.institutional_setting is not recorded."},
		{"incident.setting=residential_school; "
		    "considerations.institutional_setting=false", NOT,
		    "considerations.institutional_setting is false, the LIG's "
		    "recorded view, though incident.setting is "
		    "residential_school, an institutional setting of footnote "
		    "11."},
		{"considerations.institutional_setting=false", NOT,
		    "considerations.institutional_setting is false, the LIG's "
		    "recorded view."},
		{"incident.place=in_area", UNK, "incident.setting is not "
		    "recorded, nor is considerations.institutional_setting."},
	};

	(void)state;
	ROWS("institutional-setting-national", rows);
}

static void
test_more_than_one_la(void **state)
{
	static const struct row rows[] = {
		{"child.normally_resident=Borsetshire", MET,
		    "child.normally_resident is Borsetshire while "
		    "local_authority is Hampshire."},
		{"child.normally_resident=Hampshire; child.looked_after=true; "
		    "child.looked_after_by=Borsetshire; incident.place=in_area",
		    MET, "child.looked_after_by is Borsetshire while "
		    "local_authority is Hampshire."},
		{"incident.place=elsewhere_in_england", MET,
		    "incident.place is elsewhere_in_england."},
		/* abroad is no other authority's area (issue 10) */
		{"child.normally_resident=Hampshire County Council; "
		    "child.looked_after=false; incident.place=outside_england",
		    UNK, "child.normally_resident is Hampshire County Council, "
		    "the same authority as local_authority, Hampshire, "
		    "child.looked_after is false and incident.place is "
		    "outside_england; whether the family has moved between "
		    "areas, considerations.more_than_one_la, is not recorded."},
		{"child.normally_resident=The Borough of Borsetshire; "
		    "local_authority=Borsetshire Borough Council; "
		    "child.looked_after=true; "
		    "child.looked_after_by=Hampshire County Council; "
		    "incident.place=in_area", MET, "child.looked_after_by is "
		    "Hampshire County Council while local_authority is "
		    "Borsetshire Borough Council."},
		{"considerations.more_than_one_la=true; "
		    "child.normally_resident=HAMPSHIRE; "
		    "child.looked_after=false; incident.place=in_area", MET,
		    "considerations.more_than_one_la is true, the LIG's "
		    "recorded view."},
		{"considerations.more_than_one_la=false", NOT,
		    "considerations.more_than_one_la is false, the LIG's "
		    "recorded view."},
		{"considerations.more_than_one_la=false; "
		    "child.normally_resident=Borsetshire", NOT,
		    "considerations.more_than_one_la is false, the LIG's "
		    "recorded view, though child.normally_resident is "
		    "Borsetshire while local_authority is Hampshire."},
		/* every fact local: the family may still have moved */
		{"child.normally_resident=Hampshire; child.looked_after=false; "
		    "incident.place=in_area", UNK,
		    "child.normally_resident and local_authority are both "
		    "Hampshire, child.looked_after is false and incident.place "
		    "is in_area; whether the family has moved between areas, "
		    "considerations.more_than_one_la, is not recorded."},
		{"child.normally_resident=Hampshire; child.looked_after=true; "
		    "child.looked_after_by=Hampshire; incident.place=in_area",
		    UNK, "child.normally_resident and local_authority are both "
		    "Hampshire, child.looked_after_by and local_authority are "
		    "both Hampshire and incident.place is in_area; whether the "
		    "family has moved between areas, "
		    "considerations.more_than_one_la, is not recorded."},
		{"child.normally_resident=Hampshire; incident.place=in_area",
		    UNK, "child.normally_resident and local_authority are both "
		    "Hampshire and incident.place is in_area, but "
		    "child.looked_after is not recorded, nor is "
		    "considerations.more_than_one_la."},
		{"child.looked_after=true; child.looked_after_by=Borsetshire; "
		    "local_authority=null", UNK,
		    "child.normally_resident is not recorded, "
		    "child.looked_after_by is Borsetshire with local_authority "
		    "not recorded and incident.place is not recorded, nor is "
		    "considerations.more_than_one_la."},
		{"", UNK, "child.normally_resident, child.looked_after and "
		    "incident.place are not recorded, nor is "
		    "considerations.more_than_one_la."},
	};

	(void)state;
	ROWS("more-than-one-la", rows);
}

static void
test_other_circumstances(void **state)
{
	static const struct row rows[] = {
		{"considerations.good_practice=true", MET,
		    "considerations.good_practice is true."},
		{"considerations.poor_practice=true; "
		    "considerations.near_miss=true", MET,
		    "considerations.poor_practice is true and "
		    "considerations.near_miss is true."},
		{"considerations.good_practice=false; "
		    "considerations.poor_practice=false; "
		    "considerations.near_miss=false", NOT,
		    "considerations.good_practice is false, "
		    "considerations.poor_practice is false and "
		    "considerations.near_miss is false."},
		{"considerations.good_practice=false", UNK,
		    "considerations.good_practice is false, but "
		    "considerations.poor_practice and considerations.near_miss "
		    "are not recorded."},
		{"", UNK, "considerations.good_practice, "
		    "considerations.poor_practice and considerations.near_miss "
		    "are not recorded."},
	};

	(void)state;
	ROWS("other-circumstances", rows);
}

static void
test_educated_otherwise(void **state)
{
	static const struct row rows[] = {
		{"child.educated_otherwise_than_at_school=true", MET,
		    "child.educated_otherwise_than_at_school is true."},
		{"child.educated_otherwise_than_at_school=false", NOT,
		    "child.educated_otherwise_than_at_school is false."},
		{"child.education_setting=Somewhere", UNK,
		    "child.educated_otherwise_than_at_school is not recorded."},
	};

	(void)state;
	ROWS("educated-otherwise", rows);
}

static void
test_in_care_or_cp_plan(void **state)
{
	static const struct row rows[] = {
		{"child.looked_after=true", MET, "child.looked_after is true."},
		{"child.child_protection_plan=current; child.looked_after=false",
		    MET, "child.child_protection_plan is current."},
		/* 10.2.2(b) "recently removed": the date, and the question */
		{"child.child_protection_plan=previous; "
		    "child.child_protection_plan_ended=2026-05-01; "
		    "child.looked_after=false", UNK, "child.looked_after is "
		    "false, but child.child_protection_plan is previous, ended "
		    "2026-05-01 (child.child_protection_plan_ended): whether "
		    "that is recently removed is a judgement, the procedure "
		    "setting no period."},
		{"child.child_protection_plan=previous; "
		    "child.looked_after=false", UNK, "child.looked_after is "
		    "false, but child.child_protection_plan is previous and "
		    "child.child_protection_plan_ended is not recorded, so "
		    "whether it was recently removed is not known."},
		{"child.child_protection_plan=previous; "
		    "child.child_protection_plan_ended=2020-01-01; "
		    "child.looked_after=true", MET, "child.looked_after is "
		    "true."},
		{"child.looked_after=false; child.child_protection_plan=never",
		    NOT, "child.looked_after is false and "
		    "child.child_protection_plan is never."},
		{"child.looked_after=false; "
		    "child.child_protection_plan=unknown", UNK,
		    "child.looked_after is false, but "
		    "child.child_protection_plan is unknown."},
		{"child.child_protection_plan=never", UNK,
		    "child.child_protection_plan is never, but "
		    "child.looked_after is not recorded."},
		{"", UNK, "child.looked_after and child.child_protection_plan "
		    "are not recorded."},
	};

	(void)state;
	ROWS("in-care-or-cp-plan", rows);
}

static void
test_range_of_abuse(void **state)
{
	static const struct row rows[] = {
		{"referral.characteristics=[sexual_abuse, emotional_abuse]",
		    MET, "referral.characteristics shows two types of abuse "
		    "(sexual and emotional)."},
		{"referral.characteristics=[exploitation, recent_neglect, "
		    "domestic_abuse, non_accidental_injury]", MET,
		    "referral.characteristics shows three types of abuse "
		    "(physical, neglect and exploitation)."},
		{"referral.characteristics=[sexual_abuse, physical_abuse, "
		    "emotional_abuse, long_standing_neglect, exploitation]",
		    MET, "referral.characteristics shows five types of abuse "
		    "(sexual, physical, emotional, neglect and exploitation)."},
		{"considerations.range_of_abuse=true; "
		    "referral.characteristics=[]", MET,
		    "considerations.range_of_abuse is true, the LIG's recorded "
		    "view, though referral.characteristics shows no type of "
		    "abuse."},
		/* neglect twice is one type; head trauma is physical abuse */
		{"referral.characteristics=[recent_neglect, "
		    "long_standing_neglect]", NOT, "referral.characteristics "
		    "shows one type of abuse (neglect), and "
		    "considerations.range_of_abuse is not recorded."},
		{"referral.characteristics=[abusive_head_trauma, "
		    "physical_abuse, parental_mental_health]", NOT,
		    "referral.characteristics shows one type of abuse "
		    "(physical), and considerations.range_of_abuse is not "
		    "recorded."},
		{"referral.characteristics=[domestic_abuse]", NOT,
		    "referral.characteristics shows no type of abuse, and "
		    "considerations.range_of_abuse is not recorded."},
		{"considerations.range_of_abuse=false; "
		    "referral.characteristics=[exploitation, physical_abuse]",
		    NOT, "considerations.range_of_abuse is false, the LIG's "
		    "recorded view, though referral.characteristics shows two "
		    "types of abuse (physical and exploitation)."},
		{"referral.outline=x", UNK, "referral.characteristics is not "
		    "recorded, nor is considerations.range_of_abuse."},
	};

	(void)state;
	ROWS("range-of-abuse", rows);
}

/* Every criterion of SPEC, in its order, with its paragraph. */
static void
test_table(void **state)
{
	static const char *const ids[][2] = {
		{"serious-case", "4.1"}, {"notify-panel", "5.1"},
		{"looked-after-death", "5.3"},
		{"improvements-needed", "8.1.1(a)"},
		{"recurrent-themes", "8.1.1(b)"},
		{"institutional-setting", "8.1.1(c)"},
		{"multi-agency-concern", "8.1.1(d)"},
		{"panel-suggested-local-review", "8.1.1(e)"},
		{"single-agency-concern", "8.1.2(f)"},
		{"no-agency-involvement", "8.1.2(g)"},
		{"more-than-one-la", "8.1.2(h)"},
		{"positive-outcome-learning", "8.1.2(i)"},
		{"other-circumstances", "4.2"},
		{"legislative-change", "10.2.1(b)"},
		{"educated-otherwise", "10.2.2(a)"},
		{"in-care-or-cp-plan", "10.2.2(b)"},
		{"range-of-abuse", "10.2.2(c)"},
		{"institutional-setting-national", "10.2.2(d)"},
	};
	json_t *root = mk(""), *j;
	struct cspr_assessment a;

	(void)state;
	assert_int_equal(NELEM(ids), CSPR_NCRITERIA);
	assert_int_equal(cspr_assess(root, today_default, &a), 0);
	for (size_t i = 0; i < NELEM(ids); i++) {
		assert_string_equal(a.criteria[i].id, ids[i][0]);
		assert_string_equal(a.criteria[i].para, ids[i][1]);
		assert_non_null(a.criteria[i].title);
		assert_int_equal(a.criteria[i].question[strlen(
		    a.criteria[i].question) - 1], '?');
		/* an empty case knows nothing */
		assert_int_equal(a.criteria[i].result, UNK);
	}
	assert_null(cspr_criterion_find(&a, "no-such-criterion"));
	j = cspr_criterion_json(&a.criteria[0]);
	assert_string_equal(json_string_value(json_object_get(j, "result")),
	    "unknown");
	assert_int_equal(json_object_size(j), 4);
	json_decref(j);
	assert_string_equal(cspr_result_name(MET), "met");
	assert_string_equal(cspr_result_name(NOT), "not-met");
	cspr_assessment_clear(&a);
	json_decref(root);
}

/* No sentence quotes a personal field, whatever the case holds. */
static void
test_privacy(void **state)
{
	json_t *root = mk("child.first_name=Zebedee; child.last_name=Quux; "
	    "child.dob=2019-04-01; child.address=1 Secret Street; "
	    "child.nhs_number=9990000018; "
	    "decision.outcome=no_further_action; "
	    "review.reviewer.name=Rita Reviewer; "
	    "review.reviewer.kind=external_independent; "
	    "review.reviewer.last_employed_by_partner_agency=2025-01-31");
	struct cspr_assessment a;

	(void)state;
	assert_int_equal(cspr_assess(root, today_default, &a), 0);
	for (size_t i = 0; i < CSPR_NCRITERIA; i++) {
		assert_null(strstr(a.criteria[i].because, "Zebedee"));
		assert_null(strstr(a.criteria[i].because, "2019-04-01"));
	}
	assert_true(a.findings.n > 0);
	for (size_t i = 0; i < a.findings.n; i++) {
		assert_null(strstr(a.findings.v[i].message, "Rita"));
		assert_null(strstr(a.findings.v[i].message, "2025-01-31"));
		assert_null(strstr(a.findings.v[i].message, "Zebedee"));
	}
	cspr_assessment_clear(&a);
	json_decref(root);
}

/* ---- indicated, national, lead ---- */

static void
assess(const char *spec, struct cspr_assessment *a)
{
	json_t *root = mk(spec);

	assert_int_equal(cspr_assess(root, today_default, a), 0);
	/* the lead is borrowed from the case: keep it alive with a copy */
	if (a->lead) {
		static char lead[64];

		snprintf(lead, sizeof(lead), "%s", a->lead);
		a->lead = lead;
	}
	json_decref(root);
}

static void
test_indicated(void **state)
{
	static const struct {
		const char *spec;
		enum cspr_indicated want;
		const char *because;
	} rows[] = {
		{"considerations.improvements_needed=true",
		    CSPR_INSUFFICIENT_INFORMATION, "Whether this is a serious "
		    "child safeguarding case (4.1) is not known yet."},
		{SERIOUS "considerations.improvements_needed=true; "
		    "considerations.multi_agency_concern=true",
		    CSPR_LOCAL_REVIEW_CONSIDERED, "A serious child "
		    "safeguarding case (4.1), and 8.1.1(a), (d) are met."},
		{SERIOUS "incident.setting=police_custody",
		    CSPR_LOCAL_REVIEW_CONSIDERED, "A serious child "
		    "safeguarding case (4.1), and 8.1.1(c) is met."},
		{SERIOUS "considerations.improvements_needed=false",
		    CSPR_OTHER_REVIEW_CONSIDERED, "A serious child "
		    "safeguarding case (4.1), but none of 8.1.1(a)-(e) is "
		    "recorded as met and 4 are unknown: if any is met, a local "
		    "review should be considered instead."},
		{SERIOUS "considerations.improvements_needed=false; "
		    "considerations.recurrent_themes=false; "
		    "incident.setting=none; "
		    "considerations.multi_agency_concern=false; "
		    "considerations.panel_suggested_local_review=false",
		    CSPR_OTHER_REVIEW_CONSIDERED, "A serious child "
		    "safeguarding case (4.1), but none of 8.1.1(a)-(e) is "
		    "recorded as met."},
		{SERIOUS "considerations.improvements_needed=false; "
		    "considerations.recurrent_themes=false; "
		    "incident.setting=none; "
		    "considerations.multi_agency_concern=false; "
		    "considerations.panel_suggested_local_review=false; "
		    "considerations.good_practice=true",
		    CSPR_OTHER_REVIEW_CONSIDERED, "A serious child "
		    "safeguarding case (4.1), but none of 8.1.1(a)-(e) is "
		    "recorded as met; 4.2 is met."},
		/* 0.2: a serious case with nothing considered yet */
		{SERIOUS, CSPR_INSUFFICIENT_INFORMATION, "A serious child "
		    "safeguarding case (4.1), but none of 8.1.1(a)-(e), "
		    "8.1.2(f)-(i) or 4.2 is recorded yet: the Learning and "
		    "Inquiry Group has still to consider them."},
		{"incident.outcome=other; "
		    "considerations.positive_outcome_learning=true; "
		    "considerations.near_miss=true",
		    CSPR_OTHER_REVIEW_CONSIDERED, "Not a serious child "
		    "safeguarding case (4.1), but 8.1.2(i), 4.2 are met: a "
		    "review may be undertaken in other circumstances (4.2)."},
		/* 0.2: 8.1.1's circumstances in a case that is not serious
		 * are within 4.2 */
		{"incident.outcome=other; considerations.improvements_needed="
		    "true", CSPR_OTHER_REVIEW_CONSIDERED, "Not a serious child "
		    "safeguarding case (4.1), but 8.1.1(a) is met: a review may "
		    "be undertaken in other circumstances (4.2)."},
		{"incident.abuse_or_neglect=not_suspected; "
		    "incident.outcome=died; incident.setting=childrens_home",
		    CSPR_OTHER_REVIEW_CONSIDERED, "Not a serious child "
		    "safeguarding case (4.1), but 8.1.1(c) is met: a review may "
		    "be undertaken in other circumstances (4.2)."},
		{"incident.outcome=other; "
		    "considerations.improvements_needed=false",
		    CSPR_NO_REVIEW_INDICATED, "Not a serious child "
		    "safeguarding case (4.1), and none of 8.1.1(a)-(e), "
		    "8.1.2(f)-(i) or 4.2 is recorded as met; 9 are unknown."},
		{"incident.outcome=other; "
		    "considerations.improvements_needed=false; "
		    "considerations.recurrent_themes=false; "
		    "incident.setting=none; "
		    "considerations.multi_agency_concern=false; "
		    "considerations.panel_suggested_local_review=false; "
		    "considerations.single_agency_concern=false; "
		    "considerations.no_agency_involvement=false; "
		    "considerations.more_than_one_la=false; "
		    "considerations.positive_outcome_learning=false; "
		    "considerations.good_practice=false; "
		    "considerations.poor_practice=false; "
		    "considerations.near_miss=false",
		    CSPR_NO_REVIEW_INDICATED, "Not a serious child "
		    "safeguarding case (4.1), and none of 8.1.1(a)-(e), "
		    "8.1.2(f)-(i) or 4.2 is recorded as met."},
	};

	(void)state;
	for (size_t i = 0; i < NELEM(rows); i++) {
		struct cspr_assessment a;

		assess(rows[i].spec, &a);
		if (a.indicated != rows[i].want ||
		    strcmp(a.indicated_because, rows[i].because) != 0)
			fail_msg("row %zu: got %s \"%s\"", i,
			    cspr_indicated_name(a.indicated),
			    a.indicated_because);
		cspr_assessment_clear(&a);
	}
	assert_string_equal(cspr_indicated_name(CSPR_NO_REVIEW_INDICATED),
	    "no_review_indicated");
	assert_string_equal(cspr_indicated_name(CSPR_INSUFFICIENT_INFORMATION),
	    "insufficient_information");
}

#define NOTIFIED SERIOUS "incident.place=in_area; "

static void
test_national(void **state)
{
	static const struct {
		const char *spec;
		int want;
		const char *because;
	} rows[] = {
		{SERIOUS "considerations.legislative_change=true", 1,
		    "A serious child safeguarding case (4.1), and 10.2.1(b) is "
		    "met."},
		/* (a) and (c) take the answers of 8.1.1 (a) and (b) */
		{SERIOUS "considerations.improvements_needed=true; "
		    "considerations.recurrent_themes=true; "
		    "child.educated_otherwise_than_at_school=true", 1,
		    "A serious child safeguarding case (4.1), and 10.2.1(a), "
		    "(c) are met. The Panel should also have regard to "
		    "10.2.2(a), which is met."},
		/* whether this authority must notify plays no part */
		{SERIOUS "incident.place=elsewhere_in_england; "
		    "considerations.recurrent_themes=true", 1, "A serious "
		    "child safeguarding case (4.1), and 10.2.1(c) is met."},
		{SERIOUS "considerations.improvements_needed=false; "
		    "considerations.recurrent_themes=false; "
		    "considerations.legislative_change=false; "
		    "child.looked_after=true", 0, "None of 10.2.1(a)-(c) is "
		    "met. The Panel should also have regard to 10.2.2(b), which "
		    "is met."},
		{"incident.abuse_or_neglect=not_suspected; "
		    "incident.outcome=died; "
		    "considerations.legislative_change=true", 0, "Not a "
		    "serious child safeguarding case (4.1)."},
		{"considerations.improvements_needed=false; "
		    "considerations.recurrent_themes=false; "
		    "considerations.legislative_change=false", 0, "None of "
		    "10.2.1(a)-(c) is met."},
		{NOTIFIED "considerations.legislative_change=false", -1,
		    "A serious child safeguarding case (4.1), but none of "
		    "10.2.1(a)-(c) is recorded as met and 2 are unknown."},
		{"considerations.legislative_change=true", -1, "Whether this "
		    "is a serious child safeguarding case (4.1) is not known "
		    "yet; 10.2.1(b) is met."},
		{"", -1, "Whether this is a serious child safeguarding case "
		    "(4.1) is not known yet."},
	};

	(void)state;
	for (size_t i = 0; i < NELEM(rows); i++) {
		struct cspr_assessment a;

		assess(rows[i].spec, &a);
		if (a.national != rows[i].want ||
		    strcmp(a.national_because, rows[i].because) != 0)
			fail_msg("row %zu: got %d \"%s\"", i, a.national,
			    a.national_because);
		cspr_assessment_clear(&a);
	}
}

static void
test_lead(void **state)
{
	static const struct {
		const char *spec;
		const char *lead, *para, *because;
	} rows[] = {
		{"child.looked_after=false; child.normally_resident=Borsetshire",
		    "Borsetshire", "9.3.1", "child.looked_after is false and "
		    "child.normally_resident is Borsetshire."},
		{"child.looked_after=true; child.looked_after_by=Borsetshire; "
		    "child.normally_resident=Hampshire", "Borsetshire", "9.3.5",
		    "child.looked_after is true and child.looked_after_by is "
		    "Borsetshire."},
		{"child.looked_after=true; child.normally_resident=Hampshire",
		    NULL, "9.3.5", "child.looked_after is true, but "
		    "child.looked_after_by is not recorded."},
		{"child.looked_after=false", NULL, "9.3.1",
		    "child.looked_after is false, but child.normally_resident "
		    "is not recorded."},
		{"child.normally_resident=Hampshire", NULL, "9.3.1, 9.3.5",
		    "child.looked_after is not recorded, so it is not known "
		    "whether 9.3.1 applies (child.normally_resident is "
		    "Hampshire) or 9.3.5 (child.looked_after_by is not "
		    "recorded)."},
	};

	(void)state;
	for (size_t i = 0; i < NELEM(rows); i++) {
		struct cspr_assessment a;

		assess(rows[i].spec, &a);
		if (rows[i].lead)
			assert_string_equal(a.lead, rows[i].lead);
		else
			assert_null(a.lead);
		assert_string_equal(a.lead_para, rows[i].para);
		assert_string_equal(a.lead_because, rows[i].because);
		/* the code that says which paragraph, for programs */
		assert_int_equal(a.lead_looked_after,
		    strcmp(rows[i].para, "9.3.5") == 0 ? 1 :
		    strcmp(rows[i].para, "9.3.1") == 0 ? 0 : -1);
		cspr_assessment_clear(&a);
	}
}

/* ---- findings ---- */

/* The checks found, in order, joined by spaces. */
static const char *
checks(const char *spec, cspr_date today)
{
	static char buf[512];
	json_t *root = mk(spec);
	struct cspr_assessment a;

	buf[0] = '\0';
	assert_int_equal(cspr_assess(root, today, &a), 0);
	for (size_t i = 0; i < a.findings.n; i++) {
		const struct cspr_finding *f = &a.findings.v[i];

		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%s:%s",
		    i ? " " : "", f->check, f->para);
		/* every message is a sentence that cites its paragraph */
		assert_non_null(strstr(f->message, f->para));
		assert_int_equal(f->message[strlen(f->message) - 1], '.');
	}
	cspr_assessment_clear(&a);
	json_decref(root);
	return buf;
}

#define DECIDED "decision.rationale=Because; " \
	"decision.communicated_to_family=2026-10-01; "
#define LOCAL SERIOUS "considerations.improvements_needed=true; "

static void
test_decision_findings(void **state)
{
	(void)state;
	/* no decision, nothing to find */
	assert_string_equal(checks(LOCAL, today_default), "");
	assert_string_equal(checks(LOCAL DECIDED
	    "decision.outcome=local_review", today_default), "");
	/* 4.4: rationale, blank counts as none; 9.4.5: the family */
	assert_string_equal(checks(LOCAL "decision.outcome=local_review",
	    today_default), "decision-rationale:4.4 decision-family:9.4.5");
	assert_string_equal(checks(LOCAL "decision.outcome=local_review; "
	    "decision.rationale=  ; decision.communicated_to_family=2026-10-01",
	    today_default), "decision-rationale:4.4");
	/* telling the family is also recorded as a notification */
	assert_string_equal(checks(LOCAL "decision.outcome=local_review; "
	    "decision.rationale=R; notifications=[]", today_default),
	    "decision-family:9.4.5");
	{
		json_t *root = mk(LOCAL "decision.outcome=local_review; "
		    "decision.rationale=R");
		struct cspr_assessment a;

		json_object_set_new(root, "notifications", json_pack("[{s:s, "
		    "s:s, s:s}]", "to", "family", "about", "decision", "date",
		    "2026-10-02"));
		assert_int_equal(cspr_assess(root, today_default, &a), 0);
		assert_int_equal(a.findings.n, 0);
		cspr_assessment_clear(&a);
		json_decref(root);
	}
}

/* SPEC 4 (0.2): a decision departs only where it is a review and none
 * is indicated, or no further action where a local review is. */
static void
test_departs(void **state)
{
	static const struct {
		const char *spec;
		const char *want;
	} rows[] = {
		/* local review indicated */
		{LOCAL DECIDED "decision.outcome=no_further_action",
		    "decision-departs:4.3"},
		{LOCAL DECIDED "decision.outcome=other_review", ""},
		{LOCAL DECIDED "decision.outcome=local_review", ""},
		{LOCAL DECIDED "decision.outcome=national_review", ""},
		/* another review indicated: any course is open */
		{SERIOUS "considerations.improvements_needed=false; " DECIDED
		    "decision.outcome=no_further_action", ""},
		{SERIOUS "considerations.improvements_needed=false; " DECIDED
		    "decision.outcome=other_review", ""},
		{"incident.outcome=other; considerations.good_practice=true; "
		    DECIDED "decision.outcome=local_review", ""},
		/* 4.2: not serious, 8.1.1's circumstances, a partnership
		 * review */
		{"incident.outcome=other; "
		    "considerations.multi_agency_concern=true; " DECIDED
		    "decision.outcome=other_review; "
		    "decision.methodology=partnership_review", ""},
		/* no review indicated */
		{"incident.outcome=other; " DECIDED
		    "decision.outcome=local_review", "decision-departs:4.2"},
		{"incident.outcome=other; " DECIDED
		    "decision.outcome=other_review", "decision-departs:4.2"},
		{"incident.outcome=other; " DECIDED
		    "decision.outcome=no_further_action", ""},
		/* not enough known to depart from */
		{DECIDED "decision.outcome=local_review", ""},
		{SERIOUS DECIDED "decision.outcome=no_further_action", ""},
	};

	(void)state;
	for (size_t i = 0; i < NELEM(rows); i++)
		if (strcmp(checks(rows[i].spec, today_default), rows[i].want) !=
		    0)
			fail_msg("row %zu (%s): \"%s\", want \"%s\"", i,
			    rows[i].spec, checks(rows[i].spec, today_default),
			    rows[i].want);
}

/* The wording leaves the decision to the partners. */
static void
test_departs_wording(void **state)
{
	json_t *root = mk(LOCAL DECIDED "decision.outcome=no_further_action");
	struct cspr_assessment a;

	(void)state;
	assert_int_equal(cspr_assess(root, today_default, &a), 0);
	assert_int_equal(a.findings.n, 1);
	assert_string_equal(a.findings.v[0].message, "The criteria for a "
	    "local review are met (4.1, 8.1.1), but decision.outcome is "
	    "no_further_action: a local review should be considered, and the "
	    "rationale should say why not (4.3, 4.4).");
	cspr_assessment_clear(&a);
	json_decref(root);
}

#define EXTERNAL "review.reviewer.kind=external_independent; " \
	"review.reviewer.cv=true; review.reviewer.referee=true; "
#define INTERNAL "review.reviewer.kind=internal_independent; "

static void
test_reviewer(void **state)
{
	(void)state;
	assert_string_equal(checks(EXTERNAL, today_default), "");
	/* 9.6.5: five years before commissioning, the day itself inside */
	assert_string_equal(checks(EXTERNAL "review.commissioned=2026-06-01; "
	    "review.reviewer.last_employed_by_partner_agency=2021-06-01",
	    today_default), "reviewer-employment:9.6.5");
	assert_string_equal(checks(EXTERNAL "review.commissioned=2026-06-01; "
	    "review.reviewer.last_employed_by_partner_agency=2021-05-31",
	    today_default), "");
	/* not yet commissioned: five years before today */
	assert_string_equal(checks(EXTERNAL
	    "review.reviewer.last_employed_by_partner_agency=2021-11-26",
	    D("2026-11-26")), "reviewer-employment:9.6.5");
	assert_string_equal(checks(EXTERNAL
	    "review.reviewer.last_employed_by_partner_agency=2021-11-25",
	    D("2026-11-26")), "");
	/* an internal reviewer works for a partner agency by definition */
	assert_string_equal(checks(INTERNAL
	    "review.reviewer.last_employed_by_partner_agency=2026-01-01",
	    today_default), "");
	/* 9.6.7 */
	assert_string_equal(checks("review.reviewer.kind="
	    "external_independent", today_default),
	    "reviewer-cv:9.6.7 reviewer-referee:9.6.7");
	assert_string_equal(checks("review.reviewer.kind="
	    "external_independent; review.reviewer.cv=false; "
	    "review.reviewer.referee=true", today_default),
	    "reviewer-cv:9.6.7");
	/* 9.6.6 for an internal reviewer, 9.6.3(f) for any other */
	assert_string_equal(checks(INTERNAL
	    "review.reviewer.involved_in_case=true; "
	    "review.reviewer.line_managed_involved=true", today_default),
	    "reviewer-involvement:9.6.6 reviewer-line-management:9.6.6");
	assert_string_equal(checks(INTERNAL
	    "review.reviewer.involved_in_case=false; "
	    "review.reviewer.line_managed_involved=false", today_default),
	    "");
	assert_string_equal(checks(EXTERNAL
	    "review.reviewer.involved_in_case=true", today_default),
	    "reviewer-involvement:9.6.3(f)");
	assert_string_equal(checks("review.reviewer.line_managed_involved="
	    "true", today_default), "reviewer-line-management:9.6.3(f)");
	/* no reviewer, nothing to check */
	assert_string_equal(checks("review.commissioned=2026-06-01",
	    today_default), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_table),
	    cmocka_unit_test(test_serious_case),
	    cmocka_unit_test(test_notify_panel),
	    cmocka_unit_test(test_notify_panel_agrees_with_deadlines),
	    cmocka_unit_test(test_looked_after_death),
	    cmocka_unit_test(test_improvements_needed),
	    cmocka_unit_test(test_recurrent_themes),
	    cmocka_unit_test(test_institutional_setting),
	    cmocka_unit_test(test_multi_agency_concern),
	    cmocka_unit_test(test_panel_suggested_local_review),
	    cmocka_unit_test(test_single_agency_concern),
	    cmocka_unit_test(test_no_agency_involvement),
	    cmocka_unit_test(test_more_than_one_la),
	    cmocka_unit_test(test_positive_outcome_learning),
	    cmocka_unit_test(test_other_circumstances),
	    cmocka_unit_test(test_legislative_change),
	    cmocka_unit_test(test_educated_otherwise),
	    cmocka_unit_test(test_in_care_or_cp_plan),
	    cmocka_unit_test(test_range_of_abuse),
	    cmocka_unit_test(test_institutional_setting_national),
	    cmocka_unit_test(test_privacy),
	    cmocka_unit_test(test_indicated),
	    cmocka_unit_test(test_national),
	    cmocka_unit_test(test_lead),
	    cmocka_unit_test(test_decision_findings),
	    cmocka_unit_test(test_departs),
	    cmocka_unit_test(test_departs_wording),
	    cmocka_unit_test(test_reviewer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
