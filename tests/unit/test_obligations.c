/*
 * test_obligations.c - unit tests for csp-notify's rows of lib/duties.c
 * (cspr_obligations_eval): for every
 * obligation, when it applies and when it does not, what marks it done,
 * its status and due date; that the six rows with a deadline are
 * csp-deadlines' rows exactly; the order; what a message still needs; and
 * the JSON.  Cases are built with mk() (mkcase.h) and a notifications log.
 * Dates were counted by hand on the England and Wales calendar.
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
static struct cspr_obligations os;
static json_t *evaluated;

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
	cspr_obligations_clear(&os);
	json_decref(evaluated);
	cspr_calendar_free(&cal);
	return 0;
}

/* ---- helpers ---- */

static cspr_date
D(const char *s)
{
	cspr_date d = CSPR_NO_DATE;

	if (cspr_date_parse(s, &d) != 0)
		fail_msg("bad date in test: %s", s);
	return d;
}

/* A case from mk() spec, and a log: "to:about:date, ..." */
static json_t *
with_log(const char *spec, const char *log)
{
	json_t *root = mk(spec), *list = json_array();
	char buf[1024], *p, *save = NULL;

	snprintf(buf, sizeof(buf), "%s", log ? log : "");
	for (p = strtok_r(buf, ", ", &save); p; p = strtok_r(NULL, ", ",
	    &save)) {
		char to[64], about[64], date[32];

		if (sscanf(p, "%63[^:]:%63[^:]:%31s", to, about, date) != 3)
			fail_msg("bad log entry in test: %s", p);
		json_array_append_new(list, json_pack("{s:s, s:s, s:s}", "to",
		    to, "about", about, "date", date));
	}
	json_object_set_new(root, "notifications", list);
	return root;
}

static void
eval(const char *spec, const char *log, const char *today)
{
	cspr_obligations_clear(&os);
	json_decref(evaluated);
	evaluated = with_log(spec, log);
	assert_int_equal(cspr_obligations_eval(evaluated, cal, D(today), &os),
	    0);
}

static const struct cspr_deadline *
find(const char *id)
{
	for (size_t i = 0; i < os.n; i++)
		if (strcmp(os.v[i].id, id) == 0)
			return &os.v[i];
	return NULL;
}

static const char *
when(struct cspr_when w)
{
	static char buf[4][20];
	static int k;
	char *b = buf[k++ % 4];

	return w.kind == CSPR_WHEN_NONE ? "-" : cspr_when_str(w, b);
}

/* "status due done", or "-" when the obligation does not apply. */
static const char *
got(const char *id)
{
	static char buf[128];
	const struct cspr_deadline *o = find(id);

	if (!o)
		return "-";
	snprintf(buf, sizeof(buf), "%s %s %s", cspr_status_name(o->status),
	    when(o->due), when(o->done));
	return buf;
}

/* The fields an obligation still needs, comma-separated. */
static const char *
missing(const char *id)
{
	static char buf[256];
	const struct cspr_deadline *o = find(id);

	buf[0] = '\0';
	for (size_t i = 0; o && i < o->nmissing; i++)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%s",
		    i ? "," : "", o->missing[i]);
	return buf;
}

static const char *
recipients(const char *id)
{
	static char buf[256];
	const struct cspr_deadline *o = find(id);

	buf[0] = '\0';
	for (const char *const *p = o ? o->to : NULL; p && *p; p++)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%s",
		    buf[0] ? "," : "", *p);
	return buf;
}

struct row {
	const char *what;  /* the case, for a failure message */
	const char *spec;  /* mk() */
	const char *log;   /* notifications */
	const char *today;
	const char *id;
	const char *want;  /* "status due done" or "-" */
	const char *missing;
};

static void
run_rows(const struct row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct row *r = &rows[i];

		eval(r->spec, r->log, r->today ? r->today : "2026-11-26");
		if (strcmp(got(r->id), r->want) != 0)
			fail_msg("%s: %s is \"%s\", want \"%s\"", r->what, r->id,
			    got(r->id), r->want);
		if (r->missing && strcmp(missing(r->id), r->missing) != 0)
			fail_msg("%s: %s needs \"%s\", want \"%s\"", r->what,
			    r->id, missing(r->id), r->missing);
	}
}

#define ROWS(a) run_rows(a, sizeof(a) / sizeof(a[0]))

/* A notifiable incident (5.1), known to the local authority on Monday
 * 2026-11-09: five working days on is Monday 2026-11-16. */
#define NOTIFIABLE "incident.outcome=died; " \
	"incident.abuse_or_neglect=suspected; incident.place=in_area; " \
	"incident.la_aware=2026-11-09; "
/* A notification received on Tuesday 2026-11-10: the rapid review's 15
 * working days end on Tuesday 2026-12-01. */
#define RAPID "incident.notified=2026-11-10; "
#define LOCAL "decision.date=2026-10-28; decision.outcome=local_review; " \
	"decision.rationale=Criteria met.; "

/* ---- the rows that are csp-deadlines' ---- */

static void
test_deadline_rows(void **state)
{
	static const struct row rows[] = {
		{"notifiable, nothing sent", NOTIFIABLE, NULL, "2026-11-12",
		    "panel-notification", "due 2026-11-16 -", ""},
		{"notifiable, nothing sent", NOTIFIABLE, NULL, "2026-11-16",
		    "panel-notification", "due 2026-11-16 -", ""},
		{"notifiable, sent", NOTIFIABLE, "panel:incident:2026-11-13",
		    NULL, "panel-notification", "done 2026-11-16 2026-11-13",
		    ""},
		{"not suspected", "incident.outcome=died; "
		    "incident.abuse_or_neglect=not_suspected; "
		    "incident.place=in_area; incident.la_aware=2026-11-09",
		    NULL, NULL, "panel-notification", "-", NULL},
		{"notifiable, overdue", NOTIFIABLE, NULL, "2026-11-17",
		    "panel-notification", "overdue 2026-11-16 -", ""},
		{"partners: two of three told", NOTIFIABLE,
		    "safeguarding_partners:incident:2026-11-10 "
		    "independent_chair:incident:2026-11-10", NULL,
		    "partners-report", "overdue 2026-11-16 -", NULL},
		{"partners: all three, one late", NOTIFIABLE,
		    "safeguarding_partners:incident:2026-11-10 "
		    "independent_chair:incident:2026-11-10 "
		    "business_manager:incident:2026-11-17", NULL,
		    "partners-report", "late 2026-11-16 2026-11-17", NULL},
		{"looked-after death", "child.looked_after=true; "
		    "incident.outcome=died; incident.la_aware=2026-11-09",
		    "secretary_of_state:looked_after_death:2026-11-11 "
		    "ofsted:looked_after_death:2026-11-12", NULL,
		    "looked-after-death", "done 2026-11-16 2026-11-12", NULL},
		{"looked after, harmed", "child.looked_after=true; "
		    "incident.outcome=seriously_harmed; "
		    "incident.la_aware=2026-11-09", NULL, NULL,
		    "looked-after-death", "-", NULL},
		{"rapid review sent", RAPID
		    "rapid_review.submitted_to_panel=2026-11-30", NULL, NULL,
		    "rapid-review-to-panel", "done 2026-12-01 2026-11-30", NULL},
		{"rapid review not sent", RAPID, NULL, NULL,
		    "rapid-review-to-panel", "due 2026-12-01 -", NULL},
		{"asked for, not notified", "referral.types=[rapid_review]",
		    NULL, NULL, "rapid-review-to-panel", "pending - -", NULL},
		{"no rapid review", "referral.types=[case_for_discussion]",
		    NULL, NULL, "rapid-review-to-panel", "-", NULL},
		/* completed Wednesday 2026-09-02: seven working days on is
		 * Friday 2026-09-11; planned Monday 2026-09-21, seven
		 * before is Thursday 2026-09-10, the sooner */
		{"report copies", LOCAL "report.completed=2026-09-02; "
		    "publication.planned=2026-09-21",
		    "panel:final_report:2026-09-04 "
		    "secretary_of_state:improvements:2026-09-10 "
		    "ofsted:final_report:2026-09-14", NULL,
		    "report-to-panel-and-sos", "overdue 2026-09-10 -", NULL},
		/* 9.15.3 asks for the full report: the improvements alone do
		 * not make it done (9.16.2's copy is its own row) */
		{"report copies", LOCAL "report.completed=2026-09-02; "
		    "publication.planned=2026-09-21",
		    "panel:final_report:2026-09-04 "
		    "secretary_of_state:final_report:2026-09-10", NULL,
		    "report-to-panel-and-sos", "done 2026-09-10 2026-09-10",
		    NULL},
		{"report copies", LOCAL "report.completed=2026-09-02; "
		    "publication.planned=2026-09-21",
		    "ofsted:final_report:2026-09-14", NULL,
		    "report-to-ofsted", "late 2026-09-10 2026-09-14", NULL},
		{"report not written", LOCAL, NULL, NULL,
		    "report-to-ofsted", "pending - -", NULL},
		{"no local review", "decision.outcome=other_review", NULL,
		    NULL, "report-to-panel-and-sos", "-", NULL},
	};

	(void)state;
	ROWS(rows);
}

/* One source of truth: for any case, the deadline rows of csp-notify are
 * csp-deadlines' rows, field for field. */
static void
test_same_as_deadlines(void **state)
{
	static const char *const ids[] = {"panel-notification",
	    "partners-report", "looked-after-death", "rapid-review-to-panel",
	    "report-to-panel-and-sos", "report-to-ofsted"};
	static const char *const specs[] = {
		NOTIFIABLE RAPID "child.looked_after=true; " LOCAL
		    "report.completed=2026-09-02; publication.planned=2026-09-21",
		NOTIFIABLE "referral.types=[rapid_review]",
		"child.looked_after=true; incident.outcome=died",
	};
	struct cspr_deadlines ds = {0};
	size_t matched = 0;

	(void)state;
	for (size_t s = 0; s < sizeof(specs) / sizeof(specs[0]); s++) {
		eval(specs[s], "panel:incident:2026-11-20 "
		    "secretary_of_state:final_report:2026-09-09", "2026-11-26");
		cspr_deadlines_clear(&ds);
		assert_int_equal(cspr_deadlines_eval(evaluated, cal,
		    D("2026-11-26"), &ds), 0);
		for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
			const struct cspr_deadline *o = find(ids[i]);
			const struct cspr_deadline *d = NULL;

			for (size_t k = 0; k < ds.n; k++)
				if (strcmp(ds.v[k].id, ids[i]) == 0)
					d = &ds.v[k];
			assert_true((o == NULL) == (d == NULL));
			if (!o)
				continue;
			matched++;
			assert_string_equal(o->para, d->para);
			assert_string_equal(o->what, d->what);
			assert_ptr_equal(o->to, d->to);
			assert_ptr_equal(o->about, d->about);
			assert_true(o->due.kind == d->due.kind &&
			    o->due.t == d->due.t);
			assert_true(o->done.kind == d->done.kind &&
			    o->done.t == d->done.t);
			assert_int_equal(o->status, d->status);
			assert_int_equal(o->days_left, d->days_left);
		}
	}
	cspr_deadlines_clear(&ds);
	assert_int_equal(matched, 6 + 3 + 1);
	/* 8.2.4 names its message too, though its done is a field */
	eval(RAPID, NULL, "2026-11-26");
	assert_string_equal(recipients("rapid-review-to-panel"), "panel");
	assert_string_equal(find("rapid-review-to-panel")->about[0],
	    "rapid_review");
}

/* ---- the obligations without a timescale ---- */

static void
test_briefing(void **state)
{
	static const struct row rows[] = {
		{"no rapid review", NOTIFIABLE, NULL, NULL,
		    "rapid-review-briefing", "-", NULL},
		{"rapid review under way", RAPID, NULL, NULL,
		    "rapid-review-briefing", "pending - -", ""},
		{"completed, not briefed", RAPID
		    "rapid_review.completed=2026-11-25; "
		    "rapid_review.recommendation=local_learning_review; "
		    "rapid_review.rationale=Because.", NULL, NULL,
		    "rapid-review-briefing", "due - -", ""},
		{"completed, no reasons recorded", RAPID
		    "rapid_review.completed=2026-11-25", NULL, NULL,
		    "rapid-review-briefing", "due - -",
		    "rapid_review.recommendation,rapid_review.rationale"},
		{"only the partners briefed", RAPID
		    "rapid_review.completed=2026-11-25",
		    "safeguarding_partners:rapid_review:2026-11-25", NULL,
		    "rapid-review-briefing", "due - -", NULL},
		{"both briefed", RAPID "rapid_review.completed=2026-11-25",
		    "safeguarding_partners:rapid_review:2026-11-25 "
		    "independent_chair:rapid_review:2026-11-26", NULL,
		    "rapid-review-briefing", "done - 2026-11-26", ""},
		{"briefed about something else", RAPID
		    "rapid_review.completed=2026-11-25",
		    "safeguarding_partners:incident:2026-11-25 "
		    "independent_chair:incident:2026-11-26", NULL,
		    "rapid-review-briefing", "due - -", NULL},
		{"asked for by the referral", "referral.types=[rapid_review]",
		    NULL, NULL, "rapid-review-briefing", "pending - -", NULL},
	};

	(void)state;
	ROWS(rows);
	eval(RAPID, NULL, "2026-11-26");
	assert_string_equal(find("rapid-review-briefing")->waits,
	    "rapid_review.completed");
	assert_string_equal(recipients("rapid-review-briefing"),
	    "safeguarding_partners,independent_chair");
}

static void
test_decision_bodies(void **state)
{
	static const struct row rows[] = {
		{"notified, no decision", NOTIFIABLE, NULL, NULL,
		    "decision-bodies", "-", NULL},
		{"notified, local review, no reviewer", NOTIFIABLE LOCAL, NULL,
		    NULL, "decision-bodies", "due - -", "review.reviewer.name"},
		{"notified, local review, reviewer", NOTIFIABLE LOCAL
		    "review.reviewer.name=Olwen Examplereviewer", NULL, NULL,
		    "decision-bodies", "due - -", ""},
		{"rapid review, no further action", RAPID
		    "decision.outcome=no_further_action", NULL, NULL,
		    "decision-bodies", "due - -", ""},
		{"a decision date alone", RAPID "decision.date=2026-11-20",
		    NULL, NULL, "decision-bodies", "due - -", ""},
		{"two of the three told", RAPID LOCAL,
		    "panel:decision:2026-11-05 ofsted:decision:2026-11-05",
		    NULL, "decision-bodies", "due - -", NULL},
		{"all three told", RAPID LOCAL, "panel:decision:2026-11-05 "
		    "ofsted:decision:2026-11-05 dfe:decision:2026-11-06", NULL,
		    "decision-bodies", "done - 2026-11-06", ""},
		/* 9.4.1: of "any notified case" */
		{"decided, never notified", "incident.outcome=other; "
		    "decision.outcome=other_review", NULL, NULL,
		    "decision-bodies", "-", NULL},
	};

	(void)state;
	ROWS(rows);
	assert_string_equal(recipients("decision-bodies"), "");
	eval(RAPID LOCAL, NULL, "2026-11-26");
	assert_string_equal(recipients("decision-bodies"), "panel,ofsted,dfe");
	assert_string_equal(find("decision-bodies")->about[0], "decision");
	assert_string_equal(find("decision-bodies")->para, "9.4.1");
}

static void
test_review_letters(void **state)
{
	static const struct row rows[] = {
		{"local review", LOCAL, NULL, NULL, "members-letter",
		    "due - -", ""},
		{"local review, letter sent", LOCAL,
		    "partnership_members:review_started:2026-11-06", NULL,
		    "members-letter", "done - 2026-11-06", ""},
		{"letter about the decision only", LOCAL,
		    "partnership_members:decision:2026-11-06", NULL,
		    "members-letter", "due - -", NULL},
		{"other review", "decision.outcome=other_review", NULL, NULL,
		    "members-letter", "-", NULL},
		{"other review", "decision.outcome=other_review", NULL, NULL,
		    "other-review-agencies", "due - -", ""},
		{"other review, agencies told of the decision",
		    "decision.outcome=other_review",
		    "relevant_agencies:decision:2026-10-01", NULL,
		    "other-review-agencies", "done - 2026-10-01", ""},
		{"other review, agencies told it started",
		    "decision.outcome=other_review",
		    "relevant_agencies:review_started:2026-10-02", NULL,
		    "other-review-agencies", "done - 2026-10-02", ""},
		{"local review", LOCAL, NULL, NULL, "other-review-agencies",
		    "-", NULL},
		{"no further action", "decision.outcome=no_further_action",
		    NULL, NULL, "other-review-agencies", "-", NULL},
	};

	(void)state;
	ROWS(rows);
}

static void
test_family_decision(void **state)
{
	static const struct row rows[] = {
		{"no decision", NOTIFIABLE, NULL, NULL, "family-decision", "-",
		    NULL},
		{"decided, not told", LOCAL, NULL, NULL, "family-decision",
		    "due - -", ""},
		{"decided without a rationale",
		    "decision.outcome=no_further_action", NULL, NULL,
		    "family-decision", "due - -", "decision.rationale"},
		{"told, recorded on the decision", LOCAL
		    "decision.communicated_to_family=2026-11-03", NULL, NULL,
		    "family-decision", "done - 2026-11-03", ""},
		{"told, in the log", LOCAL, "family:decision:2026-11-04",
		    NULL, "family-decision", "done - 2026-11-04", ""},
		{"both: the earlier", LOCAL
		    "decision.communicated_to_family=2026-11-05",
		    "family:decision:2026-11-04", NULL, "family-decision",
		    "done - 2026-11-04", ""},
		{"the family told something else", LOCAL,
		    "family:outcome:2026-11-04", NULL, "family-decision",
		    "due - -", NULL},
	};

	(void)state;
	ROWS(rows);
	eval(LOCAL, NULL, "2026-11-26");
	assert_string_equal(find("family-decision")->para, "4.4, 9.4.5");
}

static void
test_coroner(void **state)
{
	static const struct row rows[] = {
		{"died, inquest, no decision", "incident.outcome=died; "
		    "parallel.inquest=true", NULL, NULL, "coroner",
		    "pending - -", NULL},
		{"died, inquest, local review", "incident.outcome=died; "
		    "parallel.inquest=true; " LOCAL, NULL, NULL, "coroner",
		    "due - -", ""},
		{"told", "incident.outcome=died; parallel.inquest=true; " LOCAL,
		    "coroner:review_started:2026-11-20", NULL, "coroner",
		    "done - 2026-11-20", ""},
		{"died, inquest, other review", "incident.outcome=died; "
		    "parallel.inquest=true; decision.outcome=other_review",
		    NULL, NULL, "coroner", "-", NULL},
		{"died, no inquest", "incident.outcome=died; "
		    "parallel.inquest=false; " LOCAL, NULL, NULL, "coroner",
		    "-", NULL},
		{"died, inquest not known", "incident.outcome=died; " LOCAL,
		    NULL, NULL, "coroner", "-", NULL},
		{"harmed, inquest", "incident.outcome=seriously_harmed; "
		    "parallel.inquest=true; " LOCAL, NULL, NULL, "coroner", "-",
		    NULL},
	};

	(void)state;
	ROWS(rows);
	eval("incident.outcome=died; parallel.inquest=true", NULL,
	    "2026-11-26");
	assert_string_equal(find("coroner")->waits, "decision.outcome");
	assert_string_equal(recipients("coroner"), "coroner");
}

static void
test_national_information(void **state)
{
	static const struct row rows[] = {
		{"suggested", LOCAL "review.national_review_suggested=true",
		    NULL, NULL, "national-information", "due - -", ""},
		{"suggested, told", LOCAL
		    "review.national_review_suggested=true",
		    "panel:national_review:2026-11-20", NULL,
		    "national-information", "done - 2026-11-20", ""},
		{"not suggested", LOCAL
		    "review.national_review_suggested=false", NULL, NULL,
		    "national-information", "-", NULL},
		{"not recorded", LOCAL, NULL, NULL, "national-information", "-",
		    NULL},
	};

	(void)state;
	ROWS(rows);
}

static void
test_delay_reasons(void **state)
{
	static const struct row rows[] = {
		/* decided 2026-05-11: publication due 2026-11-11 */
		{"a delay reason", "decision.date=2026-05-11; "
		    "decision.outcome=local_review; "
		    "publication.delay_reason=A trial.", NULL, NULL,
		    "delay-reasons", "due - -", ""},
		{"late, no reason", "decision.date=2026-05-11; "
		    "decision.outcome=local_review", NULL, NULL,
		    "delay-reasons", "due - -", "publication.delay_reason"},
		{"published late, no reason", "decision.date=2026-05-11; "
		    "decision.outcome=local_review; "
		    "publication.published=2026-11-20", NULL, NULL,
		    "delay-reasons", "due - -", "publication.delay_reason"},
		{"not late yet", "decision.date=2026-05-11; "
		    "decision.outcome=local_review", NULL, "2026-11-11",
		    "delay-reasons", "-", NULL},
		{"published on time", "decision.date=2026-05-11; "
		    "decision.outcome=local_review; "
		    "publication.published=2026-11-10", NULL, NULL,
		    "delay-reasons", "-", NULL},
		{"the Panel told, not the SoS", "decision.date=2026-05-11; "
		    "decision.outcome=local_review; "
		    "publication.delay_reason=A trial.",
		    "panel:delay:2026-11-02", NULL, "delay-reasons", "due - -",
		    NULL},
		{"both told", "decision.date=2026-05-11; "
		    "decision.outcome=local_review; "
		    "publication.delay_reason=A trial.",
		    "panel:delay:2026-11-02 secretary_of_state:delay:2026-11-03",
		    NULL, "delay-reasons", "done - 2026-11-03", ""},
	};

	(void)state;
	ROWS(rows);
}

static void
test_non_publication(void **state)
{
	static const struct row rows[] = {
		{"not published", LOCAL "publication.kind=none", NULL, NULL,
		    "non-publication", "due - -",
		    "publication.non_publication_reason"},
		{"not published, with reasons", LOCAL "publication.kind=none; "
		    "publication.non_publication_reason=Exceptional.", NULL,
		    NULL, "non-publication", "due - -", ""},
		{"improvements only", LOCAL
		    "publication.kind=improvements_only; "
		    "publication.non_publication_reason=Exceptional.", NULL,
		    NULL, "non-publication", "due - -", ""},
		{"justified to both", LOCAL "publication.kind=none",
		    "panel:non_publication:2026-11-10 "
		    "secretary_of_state:non_publication:2026-11-10", NULL,
		    "non-publication", "done - 2026-11-10", ""},
		{"published in full", LOCAL "publication.kind=full", NULL, NULL,
		    "non-publication", "-", NULL},
		{"kind not recorded", LOCAL, NULL, NULL, "non-publication", "-",
		    NULL},
	};

	(void)state;
	ROWS(rows);
}

static void
test_outcome_feedback(void **state)
{
	static const struct row rows[] = {
		{"local review, report not approved", LOCAL, NULL, NULL,
		    "outcome-feedback", "pending - -", NULL},
		{"approved", LOCAL "report.approved=2026-11-20", NULL, NULL,
		    "outcome-feedback", "due - -", ""},
		{"published", LOCAL "publication.published=2026-11-20", NULL,
		    NULL, "outcome-feedback", "due - -", ""},
		{"family told, not practitioners", LOCAL
		    "report.approved=2026-11-20", "family:outcome:2026-11-21",
		    NULL, "outcome-feedback", "due - -", NULL},
		{"both told", LOCAL "report.approved=2026-11-20",
		    "family:outcome:2026-11-21 practitioners:outcome:2026-11-24",
		    NULL, "outcome-feedback", "done - 2026-11-24", ""},
		{"other review, no report", "decision.outcome=other_review",
		    NULL, NULL, "outcome-feedback", "-", NULL},
		{"other review, report approved", "decision.outcome=other_review; "
		    "report.approved=2026-11-20", NULL, NULL,
		    "outcome-feedback", "due - -", NULL},
	};

	(void)state;
	ROWS(rows);
	eval(LOCAL, NULL, "2026-11-26");
	assert_string_equal(find("outcome-feedback")->waits,
	    "report.approved");
	assert_string_equal(recipients("outcome-feedback"),
	    "family,practitioners");
}

/* Every obligation at once: the order a case meets them, each with its
 * paragraph, recipients and subject from the case file's vocabulary. */
static void
test_all_in_order(void **state)
{
	static const char *const order[] = {"panel-notification",
	    "partners-report", "looked-after-death", "rapid-review-briefing",
	    "rapid-review-to-panel", "chair-informed", "decision-bodies",
	    "members-letter", "family-decision", "coroner", "coroner-liaison",
	    "national-information", "quality-assured", "approved",
	    "response-drafted", "media-plan", "delay-reasons", "publication-confirmed",
	    "report-to-panel-and-sos", "improvements-to-panel-and-sos",
	    "report-to-ofsted", "non-publication", "outcome-feedback"};
	static const char *const to[] = {"panel", "ofsted", "dfe",
	    "secretary_of_state", "safeguarding_partners", "independent_chair",
	    "business_manager", "partnership_members", "relevant_agencies",
	    "family", "coroner", "practitioners", "other_partnerships", NULL};
	static const char *const about[] = {"incident", "rapid_review",
	    "decision", "review_started", "final_report", "improvements",
	    "delay", "non_publication", "looked_after_death", "outcome",
	    "national_review", "publication_plan", "actions_complete", NULL};

	(void)state;
	eval(NOTIFIABLE RAPID LOCAL "child.looked_after=true; "
	    "parallel.inquest=true; review.national_review_suggested=true; "
	    "publication.kind=improvements_only; "
	    "publication.delay_reason=A trial.; report.approved=2026-11-20",
	    NULL, "2026-11-26");
	assert_int_equal(os.n, sizeof(order) / sizeof(order[0]));
	for (size_t i = 0; i < os.n; i++) {
		const struct cspr_deadline *o = &os.v[i];
		int ok = 0;

		assert_string_equal(o->id, order[i]);
		assert_true(strlen(o->para) >= 3);
		assert_non_null(o->what);
		/* a duty recorded by a field of its own tells no one */
		if (!o->to) {
			assert_false(o->clock);
			continue;
		}
		assert_non_null(o->to[0]);
		for (const char *const *p = o->to; *p; p++) {
			int known = 0;

			for (const char *const *q = to; *q; q++)
				known |= strcmp(*p, *q) == 0;
			assert_true(known);
		}
		for (const char *const *q = about; *q; q++)
			ok |= strcmp(o->about[0], *q) == 0;
		assert_true(ok);
	}
	/* the other review type's obligation, in its place */
	eval(RAPID "decision.outcome=other_review", NULL, "2026-11-26");
	assert_int_equal(os.n, 7);
	assert_string_equal(os.v[2].id, "chair-informed");
	assert_string_equal(os.v[3].id, "decision-bodies");
	assert_string_equal(os.v[4].id, "other-review-agencies");
	assert_string_equal(os.v[5].id, "family-decision");
	assert_string_equal(os.v[6].id, "learning-synopsis");
	/* a bare referral has nothing to tell anyone */
	eval("", NULL, "2026-11-26");
	assert_int_equal(os.n, 0);
}

static void
test_json(void **state)
{
	json_t *j;
	char *s;

	(void)state;
	eval(RAPID LOCAL, "panel:decision:2026-11-05", "2026-11-26");
	j = cspr_obligation_json(find("decision-bodies"));
	assert_non_null(j);
	s = json_dumps(j, JSON_COMPACT);
	assert_string_equal(s, "{\"id\":\"decision-bodies\",\"para\":\"9.4.1\","
	    "\"to\":[\"panel\",\"ofsted\",\"dfe\"],\"about\":\"decision\","
	    "\"due\":null,\"done\":null,\"status\":\"due\","
	    "\"missing\":[\"review.reviewer.name\"]}");
	free(s);
	json_decref(j);
	j = cspr_obligation_json(find("rapid-review-to-panel"));
	s = json_dumps(j, JSON_COMPACT);
	assert_string_equal(s, "{\"id\":\"rapid-review-to-panel\","
	    "\"para\":\"8.2.4\",\"to\":[\"panel\"],\"about\":\"rapid_review\","
	    "\"due\":\"2026-12-01\",\"done\":null,\"status\":\"due\","
	    "\"missing\":[]}");
	free(s);
	json_decref(j);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_deadline_rows),
		cmocka_unit_test(test_same_as_deadlines),
		cmocka_unit_test(test_briefing),
		cmocka_unit_test(test_decision_bodies),
		cmocka_unit_test(test_review_letters),
		cmocka_unit_test(test_family_decision),
		cmocka_unit_test(test_coroner),
		cmocka_unit_test(test_national_information),
		cmocka_unit_test(test_delay_reasons),
		cmocka_unit_test(test_non_publication),
		cmocka_unit_test(test_outcome_feedback),
		cmocka_unit_test(test_all_in_order),
		cmocka_unit_test(test_json),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
