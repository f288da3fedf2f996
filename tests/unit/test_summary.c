/*
 * test_summary.c - unit tests for lib/summary.c: the stage of a case (one
 * row per stage rule, and the order they are tried in), the record kept
 * of a case (next duty, counts, findings), the order of the cases, the
 * timeliness table (counts, share, median and worst, the period), the
 * funnel, duplicate ids, the timeline's cap, and the JSON.  Working days
 * were counted by hand on the England and Wales calendar; the comments
 * show the count.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csprcore.h"
#include "mkcase.h"

static struct cspr_calendar *cal;

static int
setup(void **state)
{
	(void)state;
	cal = cspr_calendar_new();
	return cal ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	cspr_calendar_free(&cal);
	return 0;
}

static cspr_date
D(const char *s)
{
	cspr_date d = CSPR_NO_DATE;

	if (cspr_date_parse(s, &d) != 0)
		fail_msg("bad date in test: %s", s);
	return d;
}

/* Set an array of objects, each from a JSON text. */
static void
set_list(json_t *root, const char *key, const char *json)
{
	json_error_t err;
	json_t *v = json_loads(json, 0, &err);

	if (!v)
		fail_msg("bad JSON in test: %s", err.text);
	json_object_set_new(root, key, v);
}

/* ---- stages ---- */

struct stage_row {
	const char *spec;
	const char *actions; /* JSON, or NULL */
	enum cspr_stage want;
};

static void
test_stages(void **state)
{
	static const struct stage_row rows[] = {
		{"", NULL, CSPR_STAGE_REFERRAL},
		{"referral.received=2026-11-24; incident.notified=2026-11-24",
		    NULL, CSPR_STAGE_REFERRAL},
		/* an empty rapid_review mapping is nothing recorded */
		{"rapid_review.completed=null", NULL, CSPR_STAGE_REFERRAL},
		{"rapid_review.next_lig_meeting=2026-12-10", NULL,
		    CSPR_STAGE_RAPID_REVIEW},
		{"rapid_review.completed=2026-10-14", NULL,
		    CSPR_STAGE_DECISION},
		{"decision.date=2026-10-28", NULL, CSPR_STAGE_DECISION},
		{"decision.outcome=no_further_action", NULL,
		    CSPR_STAGE_DECISION},
		{"decision.outcome=other_review", "[{\"id\": 1, \"due\": "
		    "\"2026-12-01\", \"completed\": \"2026-11-01\"}]",
		    CSPR_STAGE_DECISION},
		{"decision.outcome=other_review", "[{\"id\": 1, \"due\": "
		    "\"2026-12-01\"}]", CSPR_STAGE_MONITORING},
		{"decision.outcome=local_review", NULL, CSPR_STAGE_REVIEW},
		/* an open action during the review is the review's */
		{"decision.outcome=local_review", "[{\"id\": 1}]",
		    CSPR_STAGE_REVIEW},
		{"decision.outcome=local_review; report.completed=2026-05-01",
		    NULL, CSPR_STAGE_REPORT},
		{"decision.outcome=local_review; report.completed=2026-05-01; "
		    "publication.kind=none", "[{\"id\": 1}]",
		    CSPR_STAGE_MONITORING},
		{"decision.outcome=local_review; "
		    "publication.published=2026-06-01", NULL,
		    CSPR_STAGE_PUBLISHED},
		{"decision.outcome=local_review; "
		    "publication.published=2026-06-01", "[{\"id\": 1, "
		    "\"completed\": \"2026-07-01\"}]", CSPR_STAGE_PUBLISHED},
		{"decision.outcome=local_review; "
		    "publication.published=2026-06-01", "[{\"id\": 1, "
		    "\"completed\": \"2026-07-01\"}, {\"id\": 2}]",
		    CSPR_STAGE_MONITORING},
		/* closed wins, even with an action open */
		{"decision.outcome=local_review; closed=2026-10-30",
		    "[{\"id\": 2}]", CSPR_STAGE_CLOSED},
		{"closed=2026-10-30", NULL, CSPR_STAGE_CLOSED},
		{"closed=", NULL, CSPR_STAGE_REFERRAL},
		/* blanks are not recorded; nor is a skeleton of mappings */
		{"closed=   ", NULL, CSPR_STAGE_REFERRAL},
		{"rapid_review.meeting.date=null; rapid_review.requests=[]",
		    NULL, CSPR_STAGE_REFERRAL},
		{"rapid_review.meeting.date=2026-11-24", NULL,
		    CSPR_STAGE_RAPID_REVIEW},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		json_t *root = mk(rows[i].spec);

		if (rows[i].actions)
			set_list(root, "actions", rows[i].actions);
		if (cspr_stage(root) != rows[i].want)
			fail_msg("%s + actions %s: stage %s, want %s",
			    rows[i].spec, rows[i].actions ? rows[i].actions :
			    "none", cspr_stage_name(cspr_stage(root)),
			    cspr_stage_name(rows[i].want));
		json_decref(root);
	}
}

static void
test_stage_names(void **state)
{
	(void)state;
	assert_string_equal(cspr_stage_name(CSPR_STAGE_RAPID_REVIEW),
	    "rapid_review");
	assert_string_equal(cspr_stage_title(CSPR_STAGE_MONITORING),
	    "monitoring actions");
	assert_string_equal(cspr_stage_name(CSPR_STAGE_MONITORING),
	    "monitoring_actions");
	assert_string_equal(cspr_stage_para(CSPR_STAGE_CLOSED), "9.14.3");
	assert_string_equal(cspr_stage_para(CSPR_STAGE_RAPID_REVIEW), "8.2");
	for (int s = 0; s < CSPR_NSTAGES; s++)
		assert_non_null(cspr_stage_para(s));
}

/* ---- one case's record ---- */

/* A notifiable incident the local authority learnt of on Monday
 * 2026-11-02: panel-notification and partners-report due Monday
 * 2026-11-09 (5 working days). */
#define NOTIFIABLE "incident.outcome=died; incident.abuse_or_neglect=known; " \
	"incident.place=in_area; incident.la_aware=2026-11-02; " \
	"incident.date=2026-11-01"

static json_t *
notifiable(const char *id, const char *panel_told)
{
	json_t *root = mk(NOTIFIABLE);
	char log[256];

	json_object_set_new(root, "id", json_string(id));
	if (panel_told) {
		snprintf(log, sizeof(log), "[{\"to\": \"panel\", \"about\": "
		    "\"incident\", \"date\": \"%s\"}]", panel_told);
		set_list(root, "notifications", log);
	}
	return root;
}

static void
test_case_record(void **state)
{
	struct cspr_summary *s = cspr_summary_new(D("2026-11-12"),
	    CSPR_NO_DATE, CSPR_NO_DATE, 0);
	json_t *root = notifiable("T-9", "2026-11-03");
	const struct cspr_case_summary *cs;

	(void)state;
	assert_int_equal(cspr_summary_add(s, root, "a.yaml", "Ann Example",
	    cal), 0);
	assert_int_equal(cspr_summary_finish(s), 0);
	assert_int_equal(cspr_summary_ncases(s), 1);
	cs = cspr_summary_case(s, 0);
	assert_string_equal(cs->id, "T-9");
	assert_string_equal(cs->file, "a.yaml");
	assert_string_equal(cs->name, "Ann Example");
	assert_int_equal(cs->stage, CSPR_STAGE_REFERRAL);
	assert_int_equal(cs->incident, D("2026-11-01"));
	/* the Panel was told; the partners' report is overdue: due 11-09,
	 * late by 11-10, 11-11, 11-12 */
	assert_string_equal(cs->next, "partners-report");
	assert_string_equal(cs->next_para, "5.2");
	assert_int_equal(cspr_when_date(cs->next_due), D("2026-11-09"));
	assert_int_equal(cs->next_status, CSPR_OVERDUE);
	assert_int_equal(cs->next_days_left, -3);
	assert_int_equal(cs->overdue, 1);
	assert_int_equal(cs->outstanding, 1);
	assert_true(cs->findings);
	assert_null(cs->clocks);
	assert_int_equal(cspr_summary_stage_count(s, CSPR_STAGE_REFERRAL), 1);
	json_decref(root);
	cspr_summary_free(&s);
	assert_null(s);
}

/* The Panel's own clock (10.3.1) overdue is counted, but is no finding. */
static void
test_panel_not_a_finding(void **state)
{
	struct cspr_summary *s = cspr_summary_new(D("2026-12-31"),
	    CSPR_NO_DATE, CSPR_NO_DATE, 0);
	json_t *root = mk("rapid_review.submitted_to_panel=2026-11-02");
	const struct cspr_case_summary *cs;

	(void)state;
	assert_int_equal(cspr_summary_add(s, root, "p.yaml", NULL, cal), 0);
	assert_int_equal(cspr_summary_finish(s), 0);
	cs = cspr_summary_case(s, 0);
	assert_string_equal(cs->next, "panel-response");
	assert_int_equal(cs->overdue, 1);
	assert_false(cs->findings);
	assert_null(cs->name);
	json_decref(root);
	cspr_summary_free(&s);
}

/* Overdue first, then the nearest due, then nothing open; ties by id. */
static void
test_order(void **state)
{
	struct cspr_summary *s = cspr_summary_new(D("2026-11-12"),
	    CSPR_NO_DATE, CSPR_NO_DATE, 0);
	json_t *none = mk("closed=2026-01-01");
	json_t *later = mk("decision.outcome=local_review; "
	    "decision.date=2026-10-01");
	json_t *overdue = notifiable("T-3", NULL);
	json_t *none2 = mk("closed=2026-01-01");

	(void)state;
	json_object_set_new(none, "id", json_string("T-1"));
	json_object_set_new(none2, "id", json_string("T-0"));
	json_object_set_new(later, "id", json_string("T-2"));
	assert_int_equal(cspr_summary_add(s, none, "1.yaml", NULL, cal), 0);
	assert_int_equal(cspr_summary_add(s, later, "2.yaml", NULL, cal), 0);
	assert_int_equal(cspr_summary_add(s, overdue, "3.yaml", NULL, cal), 0);
	assert_int_equal(cspr_summary_add(s, none2, "4.yaml", NULL, cal), 0);
	assert_int_equal(cspr_summary_finish(s), 0);
	assert_string_equal(cspr_summary_case(s, 0)->id, "T-3");
	assert_string_equal(cspr_summary_case(s, 1)->id, "T-2");
	assert_string_equal(cspr_summary_case(s, 2)->id, "T-0");
	assert_string_equal(cspr_summary_case(s, 3)->id, "T-1");
	assert_null(cspr_summary_case(s, 3)->next);
	assert_null(cspr_summary_case(s, 4));
	json_decref(none);
	json_decref(none2);
	json_decref(later);
	json_decref(overdue);
	cspr_summary_free(&s);
}

static const struct cspr_timeliness *
rule(const struct cspr_summary *s, const char *id)
{
	for (size_t i = 0; i < cspr_summary_nrules(s); i++)
		if (strcmp(cspr_summary_rule(s, i)->rule, id) == 0)
			return cspr_summary_rule(s, i);
	return NULL;
}

/* panel-notification from Monday 2026-11-02, due Monday 11-09: told on
 * 11-03 (1 working day), 11-05 (3), 11-10 (6: late), never (overdue). */
static void
test_timeliness(void **state)
{
	struct cspr_summary *s = cspr_summary_new(D("2026-11-26"),
	    CSPR_NO_DATE, CSPR_NO_DATE, 0);
	const char *told[] = {"2026-11-03", "2026-11-05", "2026-11-10", NULL};
	const struct cspr_timeliness *t;
	char id[16];

	(void)state;
	for (int i = 0; i < 4; i++) {
		json_t *root;

		snprintf(id, sizeof(id), "T-%d", i);
		root = notifiable(id, told[i]);
		assert_int_equal(cspr_summary_add(s, root, id, NULL, cal), 0);
		json_decref(root);
	}
	assert_int_equal(cspr_summary_finish(s), 0);
	t = rule(s, "panel-notification");
	assert_non_null(t);
	assert_string_equal(t->para, "5.1");
	assert_int_equal(t->ran, 4);
	assert_int_equal(t->on_time, 2);
	assert_int_equal(t->late, 1);
	assert_int_equal(t->overdue, 1);
	assert_int_equal(t->due, 0);
	assert_true(t->share_on_time > 0.49 && t->share_on_time < 0.51);
	assert_int_equal(t->timed, 3);
	assert_true(t->median == 3.0);
	assert_int_equal(t->worst, 6);
	/* nobody told the partners: all four overdue, nothing timed */
	t = rule(s, "partners-report");
	assert_int_equal(t->ran, 4);
	assert_int_equal(t->overdue, 4);
	assert_int_equal(t->timed, 0);
	assert_true(t->share_on_time == 0);
	/* the table is in paragraph order */
	assert_string_equal(cspr_summary_rule(s, 0)->rule,
	    "panel-notification");
	assert_string_equal(cspr_summary_rule(s, 1)->rule, "partners-report");
	cspr_summary_free(&s);
}

/* An even count takes the mean of the middle two, and a count of working
 * days beyond the table (a publication a year late) still sorts right. */
static void
test_median_and_worst(void **state)
{
	struct cspr_summary *s = cspr_summary_new(D("2027-12-31"),
	    CSPR_NO_DATE, CSPR_NO_DATE, 0);
	const char *cases[][2] = {
		{"2026-01-05", "2026-01-07"}, /* Mon to Wed: 2 */
		{"2026-01-05", "2026-01-12"}, /* Mon to Mon: 5 */
		{"2025-01-06", "2026-06-01"}, /* far beyond 255 */
		{"2026-01-05", "2026-01-06"}, /* 1 */
	};
	const struct cspr_timeliness *t;
	int far;

	(void)state;
	for (int i = 0; i < 4; i++) {
		json_t *root = mk("decision.outcome=local_review");

		json_object_set_new(json_object_get(root, "decision"), "date",
		    json_string(cases[i][0]));
		set_list(root, "publication", "{}");
		json_object_set_new(json_object_get(root, "publication"),
		    "published", json_string(cases[i][1]));
		assert_int_equal(cspr_summary_add(s, root, "x.yaml", NULL,
		    cal), i ? 1 : 0);
		json_decref(root);
	}
	assert_int_equal(cspr_summary_finish(s), 0);
	t = rule(s, "publication");
	assert_non_null(t);
	assert_int_equal(t->timed, 4);
	assert_true(t->median == 3.5); /* 1 2 | 5 far */
	far = cspr_working_days_between(cal, D("2025-01-06"), D("2026-06-01"));
	assert_true(far > 255);
	assert_int_equal(t->worst, far);
	assert_int_equal(t->on_time, 3);
	assert_int_equal(t->late, 1);
	/* three of the four repeat the first's id */
	assert_int_equal(cspr_summary_nduplicates(s), 3);
	cspr_summary_free(&s);
}

/* The period counts clocks by their start, the funnel by each event. */
static void
test_period_and_funnel(void **state)
{
	struct cspr_summary *s = cspr_summary_new(D("2026-11-26"),
	    D("2026-04-01"), D("2027-03-31"), 0);
	json_t *before = notifiable("T-1", "2026-11-03");
	json_t *in = mk("referral.received=2026-05-01T10:00; "
	    "incident.notified=2026-05-04; rapid_review.completed=2026-05-20; "
	    "decision.date=2026-06-01; decision.outcome=local_review; "
	    "publication.published=2026-11-02");
	json_t *nfa = mk("decision.date=2026-03-31; "
	    "decision.outcome=no_further_action");
	const struct cspr_funnel *f;
	const struct cspr_timeliness *t;

	(void)state;
	/* la_aware moved before the period: its 5.1 clock is not counted,
	 * though its notice to the Panel (2026-11-03) is in the funnel */
	json_object_set_new(json_object_get(before, "incident"), "la_aware",
	    json_string("2026-03-02"));
	json_object_set_new(in, "id", json_string("T-2"));
	json_object_set_new(nfa, "id", json_string("T-3"));
	assert_int_equal(cspr_summary_add(s, before, "1", NULL, cal), 0);
	assert_int_equal(cspr_summary_add(s, in, "2", NULL, cal), 0);
	assert_int_equal(cspr_summary_add(s, nfa, "3", NULL, cal), 0);
	assert_int_equal(cspr_summary_finish(s), 0);
	assert_null(rule(s, "panel-notification"));
	t = rule(s, "rapid-review");
	assert_non_null(t);
	assert_int_equal(t->ran, 1);
	/* 2026-05-04 (Mon) + 15 working days, 25 May a bank holiday: due
	 * 2026-05-26; done 05-20, 12 working days in */
	assert_int_equal(t->on_time, 1);
	assert_true(t->median == 12.0);
	f = cspr_summary_funnel(s);
	assert_int_equal(f->referrals, 1);
	assert_int_equal(f->notified, 1);
	assert_int_equal(f->rapid_reviews, 1);
	assert_int_equal(f->decisions, 1);
	assert_int_equal(f->local_review, 1);
	assert_int_equal(f->no_further_action, 0);
	assert_int_equal(f->published, 1);
	/* done 05-20, due 05-26: 21, 22, 26 (25th a holiday): 3 early */
	assert_int_equal(f->rr_timed, 1);
	assert_true(f->rr_average_late == -3.0);
	json_decref(before);
	json_decref(in);
	json_decref(nfa);
	cspr_summary_free(&s);
}

static void
test_duplicates(void **state)
{
	struct cspr_summary *s = cspr_summary_new(D("2026-11-26"),
	    CSPR_NO_DATE, CSPR_NO_DATE, 0);
	json_t *a = mk("");
	const struct cspr_duplicate *d;
	char file[24];

	(void)state;
	/* enough cases to make the table of ids grow */
	for (int i = 0; i < 3000; i++) {
		json_object_set_new(a, "id", json_sprintf("T-%d", i));
		snprintf(file, sizeof(file), "%d.yaml", i);
		assert_int_equal(cspr_summary_add(s, a, file, NULL, cal), 0);
	}
	json_object_set_new(a, "id", json_string("T-7"));
	assert_int_equal(cspr_summary_add(s, a, "again.yaml", NULL, cal), 1);
	assert_int_equal(cspr_summary_nduplicates(s), 1);
	d = cspr_summary_duplicate(s, 0);
	assert_string_equal(d->id, "T-7");
	assert_string_equal(d->first, "7.yaml");
	assert_string_equal(d->file, "again.yaml");
	assert_null(cspr_summary_duplicate(s, 1));
	assert_int_equal(cspr_summary_finish(s), 0);
	assert_int_equal(cspr_summary_ncases(s), 3001);
	/* nothing more once finished */
	assert_int_equal(cspr_summary_add(s, a, "late.yaml", NULL, cal), -1);
	json_decref(a);
	cspr_summary_free(&s);
}

/* The timeline keeps the dated duties, actions by their due date, at most
 * CSPR_SUMMARY_MAX_CLOCKS of them. */
static void
test_clocks(void **state)
{
	struct cspr_summary *s = cspr_summary_new(D("2026-11-26"),
	    CSPR_NO_DATE, CSPR_NO_DATE, 1);
	json_t *root = notifiable("T-1", "2026-11-03");
	json_t *actions = json_array();
	const struct cspr_case_summary *cs;

	(void)state;
	for (int i = 0; i < 50; i++)
		json_array_append_new(actions, json_pack("{s:i, s:s}", "id",
		    i, "due", "2026-12-01"));
	json_object_set_new(root, "actions", actions);
	assert_int_equal(cspr_summary_add(s, root, "c.yaml", NULL, cal), 0);
	assert_int_equal(cspr_summary_finish(s), 0);
	cs = cspr_summary_case(s, 0);
	assert_int_equal(cs->nclocks, CSPR_SUMMARY_MAX_CLOCKS);
	/* 5.1, 5.2 and 50 actions */
	assert_int_equal(cs->nmore, 52 - CSPR_SUMMARY_MAX_CLOCKS);
	assert_string_equal(cs->clocks[0].id, "panel-notification");
	assert_int_equal(cs->clocks[0].from, D("2026-11-02"));
	assert_int_equal(cs->clocks[0].due, D("2026-11-09"));
	assert_int_equal(cs->clocks[0].done, D("2026-11-03"));
	assert_int_equal(cs->clocks[0].status, CSPR_DONE);
	assert_false(cs->clocks[0].action);
	assert_string_equal(cs->clocks[2].id, "action:0");
	assert_true(cs->clocks[2].action);
	assert_int_equal(cs->clocks[2].from, CSPR_NO_DATE);
	json_decref(root);
	cspr_summary_free(&s);
}

static void
test_json(void **state)
{
	struct cspr_summary *s = cspr_summary_new(D("2026-11-12"),
	    D("2026-01-01"), CSPR_NO_DATE, 0);
	json_t *root = notifiable("T-9", "2026-11-03");
	json_t *o;
	char *text;

	(void)state;
	assert_int_equal(cspr_summary_add(s, root, "a.yaml", "Ann Example",
	    cal), 0);
	assert_int_equal(cspr_summary_finish(s), 0);
	o = cspr_case_summary_json(cspr_summary_case(s, 0), 0);
	text = json_dumps(o, JSON_COMPACT);
	assert_string_equal(text, "{\"case\":\"T-9\",\"file\":\"a.yaml\","
	    "\"stage\":\"referral\",\"stage_para\":\"7\",\"next\":{\"rule\":"
	    "\"partners-report\",\"para\":\"5.2\",\"due\":\"2026-11-09\","
	    "\"status\":\"overdue\",\"working_days_left\":-3},\"overdue\":1,"
	    "\"outstanding\":1}");
	free(text);
	json_decref(o);
	o = cspr_case_summary_json(cspr_summary_case(s, 0), 1);
	assert_string_equal(json_string_value(json_object_get(o, "child")),
	    "Ann Example");
	json_decref(o);
	o = cspr_summary_json(s);
	text = json_dumps(json_object_get(o, "summary"), JSON_COMPACT |
	    JSON_REAL_PRECISION(15));
	assert_non_null(strstr(text, "\"today\":\"2026-11-12\",\"from\":"
	    "\"2026-01-01\",\"to\":null,\"cases\":1,\"stages\":{\"referral\":1,"
	    "\"rapid_review\":0,"));
	assert_non_null(strstr(text, "{\"rule\":\"panel-notification\","
	    "\"para\":\"5.1\",\"ran\":1,\"on_time\":1,\"late\":0,\"overdue\":0,"
	    "\"due\":0,\"share_on_time\":1,\"median_working_days\":1,"
	    "\"worst_working_days\":1}"));
	assert_non_null(strstr(text, "\"rapid_review_average_working_days_"
	    "late\":null},\"duplicates\":[]"));
	free(text);
	json_decref(o);
	json_decref(root);
	cspr_summary_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stages),
		cmocka_unit_test(test_stage_names),
		cmocka_unit_test(test_case_record),
		cmocka_unit_test(test_panel_not_a_finding),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_timeliness),
		cmocka_unit_test(test_median_and_worst),
		cmocka_unit_test(test_period_and_funnel),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_clocks),
		cmocka_unit_test(test_json),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
