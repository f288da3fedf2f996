/*
 * test_duties.c - unit tests for lib/duties.c's behaviours of 0.2, each as
 * a table of cases (met, not met, unknown where it applies): the rapid
 * review only for a serious incident and from the partnership's earliest
 * receipt (8.2.1), 5.3's borrowed clock, 9.15.3's full report and 9.16.2's
 * own row, the duties without a clock (7.4 ... 11.3), the checks of the
 * notifications log (9.4.3, 11.3), a lateness never "0 working days", the
 * 48 hours across the clock changes and today in England (calendar.c), and
 * cspr_duty_eval() for the tools that look a row up.  Cases are built with
 * mk() (mkcase.h) and a log "to:about:date[:anonymised]"; dates were
 * counted by hand on the England and Wales calendar.
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
static struct cspr_deadlines ds;
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
	cspr_deadlines_clear(&ds);
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

/* A case from mk() spec and a log "to:about:date[:true|false], ..." */
static json_t *
with_log(const char *spec, const char *log)
{
	json_t *root = mk(spec), *list = json_array();
	char buf[1024], *p, *save = NULL;

	snprintf(buf, sizeof(buf), "%s", log ? log : "");
	for (p = strtok_r(buf, ", ", &save); p; p = strtok_r(NULL, ", ",
	    &save)) {
		char to[64], about[64], date[32], anon[8];
		int n = sscanf(p, "%63[^:]:%63[^:]:%31[^:]:%7s", to, about,
		    date, anon);
		json_t *x;

		if (n < 3)
			fail_msg("bad log entry in test: %s", p);
		x = json_pack("{s:s, s:s, s:s}", "to", to, "about", about,
		    "date", date);
		if (n == 4)
			json_object_set_new(x, "anonymised",
			    json_boolean(strcmp(anon, "true") == 0));
		json_array_append_new(list, x);
	}
	json_object_set_new(root, "notifications", list);
	return root;
}

static void
eval(const char *spec, const char *log, const char *today)
{
	cspr_deadlines_clear(&ds);
	cspr_obligations_clear(&os);
	json_decref(evaluated);
	evaluated = with_log(spec, log);
	assert_int_equal(cspr_duties_eval(evaluated, cal, D(today ? today :
	    "2026-11-26"), &ds), 0);
	assert_int_equal(cspr_obligations_eval(evaluated, cal, D(today ?
	    today : "2026-11-26"), &os), 0);
}

static const char *
when(struct cspr_when w)
{
	static char buf[4][20];
	static int k;
	char *b = buf[k++ % 4];

	return w.kind == CSPR_WHEN_NONE ? "-" : cspr_when_str(w, b);
}

/* "status from due done", or "-" when the duty does not apply. */
static const char *
got(const char *id)
{
	static char buf[128];
	const struct cspr_deadline *d = cspr_deadline_find(&ds, id);

	if (!d)
		return "-";
	snprintf(buf, sizeof(buf), "%s %s %s %s", cspr_status_name(d->status),
	    when(d->from), when(d->due), when(d->done));
	return buf;
}

/* An obligation of the last csp-notify evaluation; fails when absent. */
static const struct cspr_deadline *
obligation(const char *id)
{
	for (size_t i = 0; i < os.n; i++)
		if (strcmp(os.v[i].id, id) == 0)
			return &os.v[i];
	fail_msg("no obligation %s", id);
	return NULL;
}

struct row {
	const char *what; /* the case, for a failure message */
	const char *spec; /* mk() */
	const char *log;
	const char *today;
	const char *id;
	const char *want; /* got() */
};

static void
run_rows(const struct row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct row *r = &rows[i];

		eval(r->spec, r->log, r->today);
		if (strcmp(got(r->id), r->want) != 0)
			fail_msg("%s: %s is \"%s\", want \"%s\"", r->what, r->id,
			    got(r->id), r->want);
	}
}

#define ROWS(rows) run_rows(rows, sizeof(rows) / sizeof(rows[0]))

/* A looked-after child's death, and what would start a rapid review. */
#define LAC "child.looked_after=true; incident.outcome=died; "
#define NOTIFIED "incident.notified=2026-11-10; "
#define ASKED "referral.types=[rapid_review]; "

/* ---- 8.2.1: a serious incident, from the earliest receipt ---- */

static void
test_rapid_review_serious(void **state)
{
	static const struct row rows[] = {
		/* not met: abuse not suspected, whatever else is recorded */
		{"looked-after death, abuse not suspected, notified and asked",
		    LAC NOTIFIED ASKED "incident.abuse_or_neglect=not_suspected; "
		    "referral.received=2026-11-09", NULL, NULL, "rapid-review",
		    "-"},
		{"the same, to the Panel", LAC NOTIFIED ASKED
		    "incident.abuse_or_neglect=not_suspected", NULL, NULL,
		    "rapid-review-to-panel", "-"},
		{"not harmed", "incident.outcome=other; "
		    "incident.abuse_or_neglect=known; " NOTIFIED, NULL, NULL,
		    "rapid-review", "-"},
		/* met: 15 working days from Tue 10 Nov 2026 */
		{"serious and notified", LAC NOTIFIED
		    "incident.abuse_or_neglect=suspected", NULL, NULL,
		    "rapid-review", "due 2026-11-10 2026-12-01 -"},
		/* unknown: it cannot be ruled out */
		{"seriousness unknown", LAC NOTIFIED
		    "incident.abuse_or_neglect=unknown", NULL, NULL,
		    "rapid-review", "due 2026-11-10 2026-12-01 -"},
		{"nothing known but the notice", NOTIFIED, NULL, NULL,
		    "rapid-review", "due 2026-11-10 2026-12-01 -"},
		/* no receipt and no request: no rapid review */
		{"serious, nothing received", "incident.outcome=died; "
		    "incident.abuse_or_neglect=known", NULL, NULL,
		    "rapid-review", "-"},
	};

	(void)state;
	ROWS(rows);
}

static void
test_rapid_review_receipt(void **state)
{
	static const struct row rows[] = {
		/* the earliest of the three: the 5.2 report on Mon 9 Nov */
		{"a 5.2 report before incident.notified", NOTIFIED,
		    "safeguarding_partners:incident:2026-11-12 "
		    "business_manager:incident:2026-11-09", "2026-11-12",
		    "rapid-review", "due 2026-11-09 2026-11-30 -"},
		/* the referral asking for one: Fri 6 Nov, 15 working days is
		 * Fri 27 Nov */
		{"a referral asking for one, received first", NOTIFIED ASKED
		    "referral.received=2026-11-06T15:30", NULL, "2026-11-12",
		    "rapid-review", "due 2026-11-06T15:30 2026-11-27 -"},
		{"a referral asking for one, alone", ASKED
		    "referral.received=2026-11-06", NULL, "2026-11-12",
		    "rapid-review", "due 2026-11-06 2026-11-27 -"},
		/* a referral that does not ask for one does not start it */
		{"a referral for something else", NOTIFIED
		    "referral.types=[case_for_discussion]; "
		    "referral.received=2026-11-06", NULL, "2026-11-12",
		    "rapid-review", "due 2026-11-10 2026-12-01 -"},
		/* a report about something else, or to someone else, does
		 * not count */
		{"a report about the rapid review", NOTIFIED,
		    "independent_chair:rapid_review:2026-11-02 "
		    "panel:incident:2026-11-03", "2026-11-12", "rapid-review",
		    "due 2026-11-10 2026-12-01 -"},
		/* asked, nothing received yet: pending, not for ever */
		{"asked, no date", ASKED, NULL, NULL, "rapid-review",
		    "pending - - -"},
		{"asked, no date, to the Panel", ASKED, NULL, NULL,
		    "rapid-review-to-panel", "pending - - -"},
	};

	(void)state;
	ROWS(rows);
	/* what started it, for the tools to say */
	eval(NOTIFIED, "business_manager:incident:2026-11-09", NULL);
	assert_string_equal(cspr_deadline_find(&ds, "rapid-review")->started_by,
	    "the report of the incident to the business manager (5.2)");
	eval(NOTIFIED ASKED "referral.received=2026-11-06", NULL, NULL);
	assert_string_equal(cspr_deadline_find(&ds, "rapid-review")->started_by,
	    "referral.received");
	eval(NOTIFIED ASKED "referral.received=2026-11-10",
	    "independent_chair:incident:2026-11-10", NULL);
	assert_string_equal(cspr_deadline_find(&ds, "rapid-review")->started_by,
	    "incident.notified");
	assert_string_equal(cspr_deadline_find(&ds,
	    "rapid-review-to-panel")->started_by, "incident.notified");
	eval(ASKED, NULL, NULL);
	assert_string_equal(cspr_deadline_find(&ds, "rapid-review")->waits,
	    "incident.notified, a report to the partners (5.2) or "
	    "referral.received");
}

/* ---- 5.3: five working days as 5.1 ---- */

static void
test_looked_after_death(void **state)
{
	static const struct row rows[] = {
		/* Mon 16 Nov + 5 working days: Mon 23 Nov */
		{"abuse not suspected", LAC "incident.abuse_or_neglect="
		    "not_suspected; incident.la_aware=2026-11-16", NULL, NULL,
		    "looked-after-death", "overdue 2026-11-16 2026-11-23 -"},
		{"abuse known", LAC "incident.abuse_or_neglect=known; "
		    "incident.la_aware=2026-11-16", "secretary_of_state:"
		    "looked_after_death:2026-11-18 ofsted:looked_after_death:"
		    "2026-11-19", NULL, "looked-after-death",
		    "done 2026-11-16 2026-11-23 2026-11-19"},
		{"not looked after", "child.looked_after=false; "
		    "incident.outcome=died", NULL, NULL, "looked-after-death",
		    "-"},
		{"looked after, alive", "child.looked_after=true; "
		    "incident.outcome=seriously_harmed", NULL, NULL,
		    "looked-after-death", "-"},
	};
	const struct cspr_deadline *d;

	(void)state;
	ROWS(rows);
	eval(LAC "incident.la_aware=2026-11-16", NULL, NULL);
	d = cspr_deadline_find(&ds, "looked-after-death");
	assert_string_equal(d->para, "5.3");
	assert_string_equal(d->borrowed, "five working days as 5.1");
	/* 5.1's own row borrows nothing */
	eval("incident.outcome=died; incident.abuse_or_neglect=known; "
	    "incident.place=in_area; incident.la_aware=2026-11-16", NULL, NULL);
	assert_null(cspr_deadline_find(&ds, "panel-notification")->borrowed);
}

/* ---- 9.15.3 and 9.16.2: the full report, the improvements ---- */

#define LOCAL "decision.outcome=local_review; decision.date=2026-05-11; " \
	"report.completed=2026-11-02; "
#define ONLY "publication.kind=improvements_only; "

static void
test_copies(void **state)
{
	static const struct row rows[] = {
		/* Mon 2 Nov + 7 working days: Wed 11 Nov */
		{"improvements alone do not make 9.15.3 done", LOCAL ONLY,
		    "panel:improvements:2026-11-04 "
		    "secretary_of_state:improvements:2026-11-04", NULL,
		    "report-to-panel-and-sos", "overdue 2026-11-02 2026-11-11 -"},
		{"but they make 9.16.2's copy done", LOCAL ONLY,
		    "panel:improvements:2026-11-04 "
		    "secretary_of_state:improvements:2026-11-05", NULL,
		    "improvements-to-panel-and-sos",
		    "done 2026-11-02 2026-11-11 2026-11-05"},
		{"the full report", LOCAL ONLY, "panel:final_report:2026-11-04 "
		    "secretary_of_state:final_report:2026-11-12", NULL,
		    "report-to-panel-and-sos",
		    "late 2026-11-02 2026-11-11 2026-11-12"},
		{"full publication: no improvements row", LOCAL, NULL, NULL,
		    "improvements-to-panel-and-sos", "-"},
		{"Ofsted, improvements only: they count", LOCAL ONLY,
		    "ofsted:improvements:2026-11-04", NULL, "report-to-ofsted",
		    "done 2026-11-02 2026-11-11 2026-11-04"},
		{"Ofsted, full publication: they do not", LOCAL,
		    "ofsted:improvements:2026-11-04", NULL, "report-to-ofsted",
		    "overdue 2026-11-02 2026-11-11 -"},
		{"Ofsted, the report", LOCAL, "ofsted:final_report:2026-11-10",
		    NULL, "report-to-ofsted",
		    "done 2026-11-02 2026-11-11 2026-11-10"},
	};

	(void)state;
	ROWS(rows);
	/* published the day after completion: seven working days before
	 * publication fell before the report was complete, so publication
	 * was early, not the copy late */
	eval("decision.outcome=local_review; report.completed=2026-08-26; "
	    "publication.published=2026-08-27", NULL, NULL);
	assert_string_equal(got("report-to-panel-and-sos"),
	    "overdue 2026-08-27 2026-08-18 -");
	assert_int_equal(cspr_deadline_find(&ds,
	    "report-to-panel-and-sos")->early, 1);
	assert_int_equal(cspr_deadline_find(&ds, "report-to-ofsted")->early, 1);
	/* completed in good time: a late copy is late */
	eval("decision.outcome=local_review; report.completed=2026-07-01; "
	    "publication.published=2026-08-27", NULL, NULL);
	assert_string_equal(got("report-to-panel-and-sos"),
	    "overdue 2026-07-01 2026-07-10 -");
	assert_int_equal(cspr_deadline_find(&ds,
	    "report-to-panel-and-sos")->early, 0);
	/* planned too soon: early too */
	eval("decision.outcome=local_review; report.completed=2026-08-26; "
	    "publication.planned=2026-09-01", NULL, "2026-08-27");
	assert_int_equal(cspr_deadline_find(&ds,
	    "report-to-panel-and-sos")->early, 1);
}

/* ---- the duties without a clock (SPEC 4, csp-notify) ---- */

#define DECIDED "decision.outcome=local_review; decision.date=2026-05-11; "
#define PUBLISHED DECIDED "report.completed=2026-09-01; " \
	"publication.published=2026-09-21; "

static void
test_further_duties(void **state)
{
	static const struct row rows[] = {
		/* 7.4 */
		{"decided, chair not told", DECIDED, NULL, NULL,
		    "chair-informed", "due - - -"},
		{"chair told", DECIDED, "independent_chair:decision:2026-05-11",
		    NULL, "chair-informed", "done - - 2026-05-11"},
		{"no decision", "incident.outcome=died", NULL, NULL,
		    "chair-informed", "-"},
		/* 8.2.3 methodology: done when recorded, on the briefing */
		{"local review recommended", "rapid_review.recommendation="
		    "local_learning_review", NULL, NULL, "briefing-methodology",
		    "due - - -"},
		{"methodology recorded", "rapid_review.recommendation="
		    "partnership_review; rapid_review.methodology="
		    "partnership_review", "safeguarding_partners:rapid_review:"
		    "2026-04-20 independent_chair:rapid_review:2026-04-21", NULL,
		    "briefing-methodology", "done - - 2026-04-21"},
		{"no review recommended", "rapid_review.recommendation="
		    "no_review", NULL, NULL, "briefing-methodology", "-"},
		/* 9.3.2: another authority, by the name rule */
		{"home elsewhere", DECIDED "local_authority=Hampshire; "
		    "child.normally_resident=Borsetshire", NULL, NULL,
		    "other-partnerships-invited", "due - - -"},
		{"the same authority spelt otherwise", DECIDED
		    "local_authority=Hampshire; child.normally_resident="
		    "Hampshire County Council", NULL, NULL,
		    "other-partnerships-invited", "-"},
		{"recorded by the LIG", DECIDED
		    "considerations.more_than_one_la=true", "other_partnerships:"
		    "review_started:2026-05-20", NULL,
		    "other-partnerships-invited", "done - - 2026-05-20"},
		{"home unknown", DECIDED "local_authority=Hampshire", NULL, NULL,
		    "other-partnerships-invited", "-"},
		/* csp-decide's more-than-one-la, the one home of 8.1.2(h) */
		{"corporate parent elsewhere", DECIDED "local_authority="
		    "Hampshire; child.normally_resident=Hampshire; "
		    "child.looked_after=true; child.looked_after_by=Borsetshire",
		    NULL, NULL, "other-partnerships-invited", "due - - -"},
		{"abroad is no other authority's area", DECIDED
		    "local_authority=Hampshire; child.normally_resident="
		    "Hampshire; child.looked_after=false; "
		    "incident.place=outside_england", NULL, NULL,
		    "other-partnerships-invited", "-"},
		{"elsewhere in England", DECIDED "local_authority=Hampshire; "
		    "child.normally_resident=Hampshire; child.looked_after=false; "
		    "incident.place=elsewhere_in_england", NULL, NULL,
		    "other-partnerships-invited", "due - - -"},
		{"not a local review", "decision.outcome=other_review; "
		    "local_authority=Hampshire; child.normally_resident="
		    "Borsetshire", NULL, NULL, "other-partnerships-invited", "-"},
		/* 9.6.8 */
		{"external reviewer", "review.reviewer.kind=external_independent",
		    NULL, NULL, "commissioning-letter", "due - - -"},
		{"letter drawn up", "review.reviewer.kind=external_independent; "
		    "review.commissioning_letter=2026-06-03", NULL, NULL,
		    "commissioning-letter", "done - - 2026-06-03"},
		{"internal reviewer", "review.reviewer.kind=internal_independent",
		    NULL, NULL, "commissioning-letter", "-"},
		/* 9.8.3: before practitioners are engaged */
		{"SIO not consulted, practitioners engaged", DECIDED
		    "parallel.criminal_proceedings=true; "
		    "review.practitioners_engaged=2026-06-22", NULL, NULL,
		    "sio-consulted", "overdue - 2026-06-22 -"},
		{"SIO consulted after", DECIDED
		    "parallel.criminal_proceedings=true; "
		    "review.practitioners_engaged=2026-06-22; "
		    "parallel.sio_consulted=2026-06-23", NULL, NULL,
		    "sio-consulted", "late - 2026-06-22 2026-06-23"},
		{"SIO consulted first", DECIDED
		    "parallel.criminal_proceedings=true; "
		    "review.practitioners_engaged=2026-06-22; "
		    "parallel.sio_consulted=2026-06-10", NULL, NULL,
		    "sio-consulted", "done - 2026-06-22 2026-06-10"},
		{"no criminal proceedings", DECIDED
		    "parallel.criminal_proceedings=false", NULL, NULL,
		    "sio-consulted", "-"},
		/* 9.9.3: before the family is told, by the log or 4.4 */
		{"family told first", "parallel.criminal_proceedings=true; "
		    "decision.communicated_to_family=2026-05-20", NULL, NULL,
		    "family-notice-with-police", "overdue - 2026-05-20 -"},
		{"agreed first", "parallel.criminal_proceedings=true; "
		    "parallel.family_notice_agreed_with_police=2026-05-15",
		    "family:decision:2026-05-18", NULL,
		    "family-notice-with-police", "done - 2026-05-18 2026-05-15"},
		{"not told yet", "parallel.criminal_proceedings=true", NULL,
		    NULL, "family-notice-with-police", "due - - -"},
		/* 12.3, 13.4 and 13.6 */
		{"criminal proceedings", "parallel.criminal_proceedings=true",
		    NULL, NULL, "criminal-justice-liaison", "due - - -"},
		{"liaison recorded", "parallel.criminal_proceedings=true; "
		    "parallel.criminal_justice_liaison=2026-05-12", NULL, NULL,
		    "criminal-justice-liaison", "done - - 2026-05-12"},
		{"an inquest", "parallel.inquest=true", NULL, NULL,
		    "coroner-liaison", "due - - -"},
		{"no inquest", "parallel.inquest=false", NULL, NULL,
		    "coroner-liaison", "-"},
		/* 9.14.1, 9.14.3, 9.14.4: before publication */
		{"published before quality assurance", PUBLISHED
		    "report.quality_assured=2026-09-22", NULL, NULL,
		    "quality-assured", "late - 2026-09-21 2026-09-22"},
		{"published without approval", PUBLISHED, NULL, NULL,
		    "approved", "overdue - 2026-09-21 -"},
		{"approved on the day", PUBLISHED "report.approved=2026-09-21",
		    NULL, NULL, "approved", "done - 2026-09-21 2026-09-21"},
		{"response drafted", PUBLISHED "report.response=2026-09-14",
		    NULL, NULL, "response-drafted",
		    "done - 2026-09-21 2026-09-14"},
		{"published without a media plan", PUBLISHED, NULL, NULL,
		    "media-plan", "overdue - 2026-09-21 -"},
		{"not to be published: no media plan", DECIDED
		    "publication.kind=none; report.completed=2026-09-01", NULL,
		    NULL, "media-plan", "-"},
		{"report not written: waits", DECIDED, NULL, NULL,
		    "quality-assured", "pending - - -"},
		{"report written, not published", DECIDED
		    "report.completed=2026-09-01", NULL, NULL,
		    "quality-assured", "due - - -"},
		/* 9.15.3: what is published and when */
		{"a local review", DECIDED, "panel:publication_plan:2026-09-04 "
		    "secretary_of_state:publication_plan:2026-09-07", NULL,
		    "publication-confirmed", "done - - 2026-09-07"},
		{"another review", "decision.outcome=other_review", NULL, NULL,
		    "publication-confirmed", "-"},
		/* 9.16.4 */
		{"another review", "decision.outcome=other_review", NULL, NULL,
		    "learning-synopsis", "due - - -"},
		{"synopsis drafted", "decision.outcome=other_review; "
		    "learning.synopsis=2026-11-20", NULL, NULL,
		    "learning-synopsis", "done - - 2026-11-20"},
		{"a local review", DECIDED, NULL, NULL, "learning-synopsis", "-"},
		{"no further action", "decision.outcome=no_further_action",
		    NULL, NULL, "learning-synopsis", "-"},
	};

	(void)state;
	ROWS(rows);
}

/* 11.3, 9.14.3: all actions complete, the partnership told, then closed. */
static void
test_actions_complete(void **state)
{
	json_t *root;

	(void)state;
	eval("", NULL, NULL);
	assert_string_equal(got("actions-complete"), "-");
	/* built by hand: mk() makes no list of objects */
	cspr_deadlines_clear(&ds);
	cspr_obligations_clear(&os);
	json_decref(evaluated);
	evaluated = root = with_log("closed=2026-10-30",
	    "safeguarding_partners:actions_complete:2026-10-15");
	json_object_set_new(root, "actions", json_pack("[{s:i, s:s, s:s}, "
	    "{s:s, s:s}]", "id", 1, "due", "2026-09-30", "completed",
	    "2026-09-18", "id", "A2", "due", "2026-10-31"));
	assert_int_equal(cspr_obligations_eval(root, cal, D("2026-11-26"), &os),
	    0);
	/* an action open at closure: overdue, and a finding naming it */
	assert_int_equal(os.findings.n, 1);
	assert_string_equal(os.findings.v[0].check, "closed-with-open-action");
	assert_string_equal(os.findings.v[0].message, "The case was closed on "
	    "2026-10-30 with action A2 not completed; the review is concluded "
	    "when all actions are implemented (11.3, 9.14.3).");
	assert_int_equal(obligation("actions-complete")->status,
	    CSPR_OVERDUE);
	assert_string_equal(when(obligation("actions-complete")->due),
	    "2026-10-30");
	/* all complete and told before closure: done, no finding */
	cspr_obligations_clear(&os);
	json_object_set_new(json_array_get(json_object_get(root, "actions"),
	    1), "completed", json_string("2026-10-10"));
	assert_int_equal(cspr_obligations_eval(root, cal, D("2026-11-26"), &os),
	    0);
	assert_int_equal(os.findings.n, 0);
	assert_int_equal(obligation("actions-complete")->status, CSPR_DONE);
	assert_string_equal(when(obligation("actions-complete")->done),
	    "2026-10-15");
}

/* ---- 9.4.3: the log ---- */

static void
test_anonymised(void **state)
{
	(void)state;
	eval("", "panel:incident:2026-11-03:false ofsted:decision:2026-11-04 "
	    "dfe:decision:2026-11-04:true family:decision:2026-11-05:false "
	    "secretary_of_state:final_report:2026-11-06:false", NULL);
	/* false to an external body: a finding each */
	assert_int_equal(os.findings.n, 2);
	assert_string_equal(os.findings.v[0].check, "not-anonymised");
	assert_string_equal(os.findings.v[0].para, "9.4.3");
	assert_string_equal(os.findings.v[0].message, "notifications[0] to the "
	    "Panel about incident on 2026-11-03 records anonymised: false; "
	    "what goes to an external body must be anonymised (9.4.3).");
	assert_string_equal(os.findings.v[1].message, "notifications[4] to "
	    "the Secretary of State about final_report on 2026-11-06 records "
	    "anonymised: false; what goes to an external body must be "
	    "anonymised (9.4.3).");
	/* not recorded: listed as unknown; true, or to the family: nothing */
	assert_int_equal(os.unknown.n, 1);
	assert_string_equal(os.unknown.v[0].check, "anonymised-unknown");
	assert_string_equal(os.unknown.v[0].message, "notifications[1] to "
	    "Ofsted about decision on 2026-11-04 does not record whether it "
	    "was anonymised (9.4.3).");
	eval("", "dfe:decision:2026-11-04:true", NULL);
	assert_int_equal(os.findings.n + os.unknown.n, 0);
}

/* ---- how late: never "0 working days" ---- */

static void
test_late_str(void **state)
{
	static const struct {
		const char *due, *at, *want;
	} rows[] = {
		{"2026-11-20", "2026-11-24", "2 working days"},
		{"2026-11-20", "2026-11-23", "1 working day"},
		/* Friday due, done on Saturday: no working day has passed */
		{"2026-11-20", "2026-11-21", "1 day"},
		{"2026-11-20", "2026-11-22", "2 days"},
		/* Christmas: Thu 24 due, Sun 27 done, 25 and 26 holidays */
		{"2026-12-24", "2026-12-27", "3 days"},
		{"2026-11-20T09:30", "2026-11-20T12:00", "3 hours"},
		{"2026-11-20T09:30", "2026-11-20T09:31", "1 hour"},
	};
	char buf[64];

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct cspr_when a = {0, CSPR_WHEN_NONE}, b = a;
		int ka = cspr_datetime_parse(rows[i].due, &a.t);
		int kb = cspr_datetime_parse(rows[i].at, &b.t);

		a.kind = ka == 1 ? CSPR_WHEN_TIME : CSPR_WHEN_DATE;
		b.kind = kb == 1 ? CSPR_WHEN_TIME : CSPR_WHEN_DATE;
		assert_string_equal(cspr_late_str(cal, a, b, buf, sizeof(buf)),
		    rows[i].want);
	}
}

/* ---- 48 hours and today, in UK time (SPEC 3) ---- */

static cspr_time
T(const char *s)
{
	cspr_time t = 0;

	if (cspr_datetime_parse(s, &t) != 1)
		fail_msg("bad date-time in test: %s", s);
	return t;
}

static void
test_uk_time(void **state)
{
	char buf[20];

	(void)state;
	/* 2026: BST from Sun 29 March 01:00 UTC to Sun 25 October 01:00 UTC */
	assert_int_equal(cspr_uk_from_utc(T("2026-03-29T00:59")),
	    T("2026-03-29T00:59"));
	assert_int_equal(cspr_uk_from_utc(T("2026-03-29T01:00")),
	    T("2026-03-29T02:00"));
	assert_int_equal(cspr_uk_from_utc(T("2026-10-25T00:59")),
	    T("2026-10-25T01:59"));
	assert_int_equal(cspr_uk_from_utc(T("2026-10-25T01:00")),
	    T("2026-10-25T01:00"));
	assert_int_equal(cspr_uk_from_utc(T("2026-07-14T23:30")),
	    T("2026-07-15T00:30"));
	/* the skipped hour of March: read as GMT, the earlier reading */
	assert_int_equal(cspr_uk_to_utc(T("2026-03-29T01:30")),
	    T("2026-03-29T01:30"));
	assert_int_equal(cspr_uk_to_utc(T("2026-03-29T02:30")),
	    T("2026-03-29T01:30"));
	/* the repeated hour of October: the earlier, BST */
	assert_int_equal(cspr_uk_to_utc(T("2026-10-25T01:30")),
	    T("2026-10-25T00:30"));
	assert_int_equal(cspr_uk_to_utc(T("2026-10-25T02:00")),
	    T("2026-10-25T02:00"));
	/* other years: last Sunday of March 2027 is the 28th, of October
	 * 2027 the 31st */
	assert_int_equal(cspr_uk_from_utc(T("2027-03-28T01:00")),
	    T("2027-03-28T02:00"));
	assert_int_equal(cspr_uk_from_utc(T("2027-10-31T00:30")),
	    T("2027-10-31T01:30"));
	assert_int_equal(cspr_uk_from_utc(T("2027-10-31T01:30")),
	    T("2027-10-31T01:30"));
	/* today: 2026-07-14T23:30Z is 00:30 BST on the 15th (1784071800);
	 * 2026-12-31T23:30Z is still the 31st in GMT (1798759800) */
	assert_string_equal(cspr_date_str(cspr_uk_today(1784071800), buf),
	    "2026-07-15");
	assert_string_equal(cspr_date_str(cspr_uk_today(1784069999), buf),
	    "2026-07-14");
	assert_string_equal(cspr_date_str(cspr_uk_today(1798759800), buf),
	    "2026-12-31");
	assert_string_equal(cspr_date_str(cspr_uk_today(0), buf),
	    "1970-01-01");
}

/* 7.2's 48 hours are elapsed: 49 wall-clock hours across March's change,
 * 47 across October's. */
static void
test_48_hours(void **state)
{
	static const struct row rows[] = {
		{"no change", "referral.received=2026-11-24T10:00", NULL, NULL,
		    "referral-confirmation",
		    "due 2026-11-24T10:00 2026-11-26T10:00 -"},
		{"across March", "referral.received=2026-03-28T12:00", NULL,
		    "2026-03-29", "referral-confirmation",
		    "due 2026-03-28T12:00 2026-03-30T13:00 -"},
		{"across October", "referral.received=2026-10-24T12:00", NULL,
		    "2026-10-25", "referral-confirmation",
		    "due 2026-10-24T12:00 2026-10-26T11:00 -"},
		{"from the repeated hour", "referral.received="
		    "2026-10-25T01:30", NULL, "2026-10-25",
		    "referral-confirmation",
		    "due 2026-10-25T01:30 2026-10-27T00:30 -"},
		{"from the skipped hour", "referral.received="
		    "2026-03-29T01:30", NULL, "2026-03-29",
		    "referral-confirmation",
		    "due 2026-03-29T01:30 2026-03-31T02:30 -"},
		{"done to the minute", "referral.received=2026-03-28T12:00; "
		    "referral.confirmed=2026-03-30T12:59", NULL, "2026-04-01",
		    "referral-confirmation",
		    "done 2026-03-28T12:00 2026-03-30T13:00 2026-03-30T12:59"},
		{"a bare date: the end of D+2", "referral.received=2026-03-28",
		    NULL, "2026-03-29", "referral-confirmation",
		    "due 2026-03-28 2026-03-30 -"},
	};

	(void)state;
	ROWS(rows);
}

/* ---- looking a row up ---- */

static void
test_duty_eval(void **state)
{
	struct cspr_deadline d;
	json_t *root = mk(LAC NOTIFIED "incident.abuse_or_neglect=known");

	(void)state;
	assert_int_equal(cspr_duty_eval(root, cal, D("2026-11-12"),
	    "rapid-review", &d), 1);
	assert_string_equal(d.id, "rapid-review");
	assert_string_equal(d.para, "8.2.1");
	assert_int_equal(d.status, CSPR_DUE);
	assert_string_equal(when(d.due), "2026-12-01");
	assert_int_equal(cspr_duty_eval(root, cal, D("2026-11-12"),
	    "final-report", &d), 0);
	assert_int_equal(cspr_duty_eval(root, cal, D("2026-11-12"),
	    "no-such-duty", &d), -1);
	/* and one criterion, as 9.3.2 asks csp-decide's 8.1.2(h) */
	{
		struct cspr_criterion k;
		struct cspr_assessment a;

		assert_int_equal(cspr_criterion_eval(root, "serious-case", &k),
		    0);
		assert_int_equal(cspr_assess(root, D("2026-11-12"), &a), 0);
		assert_int_equal(k.result,
		    cspr_criterion_find(&a, "serious-case")->result);
		assert_string_equal(k.because,
		    cspr_criterion_find(&a, "serious-case")->because);
		cspr_assessment_clear(&a);
		assert_int_equal(cspr_criterion_eval(root, "no-such", &k), -1);
	}
	json_decref(root);
	/* the same row as the whole table gives */
	eval(LAC NOTIFIED "incident.abuse_or_neglect=known", NULL,
	    "2026-11-12");
	assert_string_equal(got("rapid-review"), "due 2026-11-10 2026-12-01 -");
	/* every row of the table cites its paragraph and has an owner */
	eval(PUBLISHED LAC NOTIFIED ASKED "referral.received=2026-11-09", NULL,
	    NULL);
	for (size_t i = 0; i < ds.n; i++) {
		assert_true(strlen(ds.v[i].para) >= 3);
		assert_non_null(ds.v[i].owner);
		assert_non_null(ds.v[i].what);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rapid_review_serious),
		cmocka_unit_test(test_rapid_review_receipt),
		cmocka_unit_test(test_looked_after_death),
		cmocka_unit_test(test_copies),
		cmocka_unit_test(test_further_duties),
		cmocka_unit_test(test_actions_complete),
		cmocka_unit_test(test_anonymised),
		cmocka_unit_test(test_late_str),
		cmocka_unit_test(test_uk_time),
		cmocka_unit_test(test_48_hours),
		cmocka_unit_test(test_duty_eval),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
