/*
 * test_deadlines.c - unit tests for csp-deadlines' rows of lib/duties.c
 * (cspr_deadlines_eval) and the records of lib/deadlines.c: every row with
 * a clock (when it applies, its start, its due date, what marks it done), the statuses and working days left, 5.1's notifiable test, and the
 * JSON of a deadline.  Cases are small YAML texts opened as a tool opens
 * them, so each one is also a valid case.  Every expected date was counted
 * by hand on the England and Wales calendar; the comments show the count.
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

static struct cspr_schema *schema;
static struct cspr_calendar *cal;
/* The deadlines of the last case evaluated, for find() and dl(), and the
 * case itself: deadlines borrow strings from its tree. */
static struct cspr_deadlines ds;
static struct cspr_case *evaluated;

static int
setup(void **state)
{
	struct cspr_errors e = {0};

	(void)state;
	schema = cspr_case_schema(NULL, &e);
	cal = cspr_calendar_new();
	cspr_errors_clear(&e);
	return schema && cal ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	cspr_deadlines_clear(&ds);
	cspr_case_free(&evaluated);
	cspr_schema_free(&schema);
	cspr_calendar_free(&cal);
	return 0;
}

/* ---- helpers ---- */

#define HEAD "id: T-1\npartnership: Testshire\nlocal_authority: Hampshire\n"

/* A notifiable incident (5.1) that the local authority learnt of on a
 * Monday, 2026-11-09. */
#define NOTIFIABLE \
	"incident: {outcome: died, abuse_or_neglect: suspected, " \
	"place: in_area, la_aware: 2026-11-09}\n"

static cspr_date
D(const char *s)
{
	cspr_date d = CSPR_NO_DATE;

	if (cspr_date_parse(s, &d) != 0)
		fail_msg("bad date in test: %s", s);
	return d;
}

static struct cspr_case *
open_case(const char *text)
{
	struct cspr_errors e = {0};
	struct cspr_case *c = NULL;

	if (cspr_case_open_buffer("t.yaml", text, strlen(text), schema, &c,
	    &e) != CSPR_OK)
		fail_msg("test case does not open: %s: %s", text,
		    e.n ? e.v[0].message : "?");
	cspr_errors_clear(&e);
	return c;
}


static void
eval(const char *text, const char *today)
{
	cspr_deadlines_clear(&ds);
	cspr_case_free(&evaluated);
	evaluated = open_case(text);
	assert_int_equal(cspr_deadlines_eval(cspr_case_root(evaluated), cal,
	    D(today), &ds), 0);
}

static const struct cspr_deadline *
find(const char *id)
{
	for (size_t i = 0; i < ds.n; i++)
		if (strcmp(ds.v[i].id, id) == 0)
			return &ds.v[i];
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

/* One deadline as "from due done status days": days is working days left
 * for an open one, "-" otherwise. */
static const char *
dl(const char *id)
{
	static char buf[128];
	const struct cspr_deadline *d = find(id);
	char days[16] = "-";

	if (!d)
		return "absent";
	if (d->status == CSPR_DUE || d->status == CSPR_OVERDUE)
		snprintf(days, sizeof(days), "%d", d->days_left);
	snprintf(buf, sizeof(buf), "%s %s %s %s %s", when(d->from),
	    when(d->due), when(d->done), cspr_status_name(d->status), days);
	return buf;
}

/* The rule ids of the case, in order, space-separated. */
static const char *
ids(void)
{
	static char buf[1024];
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < ds.n; i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s",
		    i ? " " : "", ds.v[i].id);
	return buf;
}

static int
notifiable(const char *text)
{
	struct cspr_case *c = open_case(text);
	int r = cspr_notifiable(cspr_case_root(c));

	cspr_case_free(&c);
	return r;
}

/* ---- 5.1: a notifiable incident ---- */

static void
test_notifiable(void **state)
{
	(void)state;
#define INC(x) "incident: {" x "}\n"
	assert_int_equal(notifiable(HEAD INC("outcome: died, abuse_or_neglect: "
	    "known, place: in_area")), 1);
	assert_int_equal(notifiable(HEAD INC("outcome: seriously_harmed, "
	    "abuse_or_neglect: suspected, place: in_area")), 1);
	/* 4.1(a): abuse or neglect must be known or suspected */
	assert_int_equal(notifiable(HEAD INC("outcome: died, abuse_or_neglect: "
	    "not_suspected, place: in_area")), 0);
	assert_int_equal(notifiable(HEAD INC("outcome: died, abuse_or_neglect: "
	    "unknown, place: in_area")), -1);
	assert_int_equal(notifiable(HEAD INC("outcome: died, place: in_area")),
	    -1);
	/* 4.1(b): died or seriously harmed */
	assert_int_equal(notifiable(HEAD INC("outcome: other, abuse_or_neglect: "
	    "known, place: in_area")), 0);
	assert_int_equal(notifiable(HEAD INC("abuse_or_neglect: known, place: "
	    "in_area")), -1);
	/* 5.1(a) in the area; elsewhere in England is that area's duty */
	assert_int_equal(notifiable(HEAD INC("outcome: died, abuse_or_neglect: "
	    "known, place: elsewhere_in_england")), 0);
	assert_int_equal(notifiable(HEAD INC("outcome: died, abuse_or_neglect: "
	    "known")), -1);
	/* 5.1(b) outside England while normally resident here, the names
	 * compared without regard to case */
	assert_int_equal(notifiable(HEAD "child: {normally_resident: "
	    "HAMPSHIRE}\n" INC("outcome: died, abuse_or_neglect: known, "
	    "place: outside_england")), 1);
	assert_int_equal(notifiable(HEAD "child: {normally_resident: "
	    "hampshire}\n" INC("outcome: died, abuse_or_neglect: known, "
	    "place: outside_england")), 1);
	assert_int_equal(notifiable(HEAD "child: {normally_resident: "
	    "Borsetshire}\n" INC("outcome: died, abuse_or_neglect: known, "
	    "place: outside_england")), 0);
	assert_int_equal(notifiable(HEAD INC("outcome: died, abuse_or_neglect: "
	    "known, place: outside_england")), -1);
	assert_int_equal(notifiable("id: T-1\npartnership: Testshire\n"
	    "child: {normally_resident: Hampshire}\n" INC("outcome: died, "
	    "abuse_or_neglect: known, place: outside_england")), -1);
	/* a definite no wins over unknowns */
	assert_int_equal(notifiable(HEAD INC("outcome: other")), 0);
	assert_int_equal(notifiable(HEAD INC("abuse_or_neglect: not_suspected")),
	    0);
	assert_int_equal(notifiable(HEAD INC("place: elsewhere_in_england")), 0);
	assert_int_equal(notifiable(HEAD), -1);
#undef INC
}

/* ---- 5.1, 5.2, 5.3: the local authority's notifications ---- */

static void
test_panel_notification(void **state)
{
	(void)state;
	/* Monday 2026-11-09 + 5 working days = Monday 2026-11-16; the first
	 * notice to the Panel about the incident marks it done */
	eval(HEAD NOTIFIABLE "notifications:\n"
	    "  - {to: ofsted, about: incident, date: 2026-11-10}\n"
	    "  - {to: panel, about: decision, date: 2026-11-11}\n"
	    "  - {to: panel, about: incident, date: 2026-11-17}\n"
	    "  - {to: panel, about: incident, date: 2026-11-13}\n",
	    "2026-11-26");
	assert_string_equal(dl("panel-notification"),
	    "2026-11-09 2026-11-16 2026-11-13 done -");
	assert_string_equal(find("panel-notification")->para, "5.1");
	assert_string_equal(find("panel-notification")->owner,
	    "local_authority");
	/* not yet sent: due until the due day, overdue after */
	eval(HEAD NOTIFIABLE, "2026-11-16");
	assert_string_equal(dl("panel-notification"),
	    "2026-11-09 2026-11-16 - due 0");
	eval(HEAD NOTIFIABLE, "2026-11-17");
	assert_string_equal(dl("panel-notification"),
	    "2026-11-09 2026-11-16 - overdue -1");
	/* across Christmas 2025: Fri 19 Dec + Mon 22, Tue 23, Wed 24,
	 * (Thu 25, Fri 26 bank holidays), Mon 29, Tue 30 */
	eval(HEAD "incident: {outcome: died, abuse_or_neglect: known, "
	    "place: in_area, la_aware: 2025-12-19}\n", "2025-12-24");
	/* and from Christmas Eve, two left: 29 and 30 */
	assert_string_equal(dl("panel-notification"),
	    "2025-12-19 2025-12-30 - due 2");
	/* across Christmas 2026: Mon 21 Dec + 22, 23, 24, (Fri 25, Mon 28
	 * substitute Boxing Day), 29, 30 */
	eval(HEAD "incident: {outcome: died, abuse_or_neglect: known, "
	    "place: in_area, la_aware: 2026-12-21}\n", "2026-12-21");
	assert_string_equal(dl("panel-notification"),
	    "2026-12-21 2026-12-30 - due 5");
	/* a Saturday start: the Saturday itself never counts, Mon-Fri do */
	eval(HEAD "incident: {outcome: died, abuse_or_neglect: known, "
	    "place: in_area, la_aware: 2026-11-21}\n", "2026-11-21");
	assert_string_equal(dl("panel-notification"),
	    "2026-11-21 2026-11-27 - due 5");
	/* notifiable but the date of awareness not recorded: pending */
	eval(HEAD "incident: {outcome: died, abuse_or_neglect: known, "
	    "place: in_area}\n", "2026-11-26");
	assert_string_equal(dl("panel-notification"), "- - - pending -");
	/* not notifiable, or not known to be: no deadline */
	eval(HEAD "incident: {outcome: died, abuse_or_neglect: unknown, "
	    "place: in_area, la_aware: 2026-11-09}\n", "2026-11-26");
	assert_null(find("panel-notification"));
	assert_null(find("partners-report"));
	eval(HEAD "incident: {outcome: died, abuse_or_neglect: known, "
	    "place: elsewhere_in_england, la_aware: 2026-11-09}\n",
	    "2026-11-26");
	assert_int_equal(ds.n, 0);
}

static void
test_partners_report(void **state)
{
	(void)state;
	/* done by the latest of the three first notices */
	eval(HEAD NOTIFIABLE "notifications:\n"
	    "  - {to: safeguarding_partners, about: incident, date: 2026-11-10}\n"
	    "  - {to: independent_chair, about: incident, date: 2026-11-12}\n"
	    "  - {to: business_manager, about: incident, date: 2026-11-11}\n"
	    "  - {to: business_manager, about: incident, date: 2026-11-20}\n",
	    "2026-11-26");
	assert_string_equal(dl("partners-report"),
	    "2026-11-09 2026-11-16 2026-11-12 done -");
	assert_string_equal(find("partners-report")->para, "5.2");
	/* the latest is after the due date: late */
	eval(HEAD NOTIFIABLE "notifications:\n"
	    "  - {to: safeguarding_partners, about: incident, date: 2026-11-10}\n"
	    "  - {to: independent_chair, about: incident, date: 2026-11-17}\n"
	    "  - {to: business_manager, about: incident, date: 2026-11-11}\n",
	    "2026-11-26");
	assert_string_equal(dl("partners-report"),
	    "2026-11-09 2026-11-16 2026-11-17 late -");
	/* one of the three missing: not done, overdue by Thursday 26th */
	eval(HEAD NOTIFIABLE "notifications:\n"
	    "  - {to: safeguarding_partners, about: incident, date: 2026-11-10}\n"
	    "  - {to: business_manager, about: incident, date: 2026-11-11}\n"
	    "  - {to: independent_chair, about: rapid_review, date: 2026-11-11}\n",
	    "2026-11-26");
	assert_string_equal(dl("partners-report"),
	    "2026-11-09 2026-11-16 - overdue -8");
}

static void
test_looked_after_death(void **state)
{
	(void)state;
	/* 5.3 applies whether or not abuse or neglect is suspected; both
	 * the Secretary of State and Ofsted must be told */
	eval(HEAD "child: {looked_after: true}\nincident: {outcome: died, "
	    "abuse_or_neglect: not_suspected, la_aware: 2026-11-16}\n"
	    "notifications:\n"
	    "  - {to: secretary_of_state, about: looked_after_death, "
	    "date: 2026-11-19}\n", "2026-11-26");
	assert_string_equal(ids(), "looked-after-death");
	assert_string_equal(dl("looked-after-death"),
	    "2026-11-16 2026-11-23 - overdue -3");
	assert_string_equal(find("looked-after-death")->para, "5.3");
	eval(HEAD "child: {looked_after: true}\nincident: {outcome: died, "
	    "la_aware: 2026-11-16}\nnotifications:\n"
	    "  - {to: secretary_of_state, about: looked_after_death, "
	    "date: 2026-11-19}\n"
	    "  - {to: ofsted, about: looked_after_death, date: 2026-11-20}\n",
	    "2026-11-26");
	assert_string_equal(dl("looked-after-death"),
	    "2026-11-16 2026-11-23 2026-11-20 done -");
	/* not looked after, or not known to be, or harmed but alive */
	eval(HEAD "child: {looked_after: false}\nincident: {outcome: died, "
	    "la_aware: 2026-11-16}\n", "2026-11-26");
	assert_null(find("looked-after-death"));
	eval(HEAD "incident: {outcome: died, la_aware: 2026-11-16}\n",
	    "2026-11-26");
	assert_null(find("looked-after-death"));
	eval(HEAD "child: {looked_after: true}\nincident: {outcome: "
	    "seriously_harmed, la_aware: 2026-11-16}\n", "2026-11-26");
	assert_null(find("looked-after-death"));
	/* a looked-after child's death that is also notifiable: all three */
	eval(HEAD "child: {looked_after: true}\n" NOTIFIABLE, "2026-11-10");
	assert_string_equal(ids(),
	    "panel-notification partners-report looked-after-death");
}

/* ---- 7.2: 48 hours ---- */

static void
test_referral_confirmation(void **state)
{
	(void)state;
	/* from a date-time, 48 hours on, to the minute */
	eval(HEAD "referral: {received: 2026-11-24T09:30}\n", "2026-11-26");
	assert_string_equal(dl("referral-confirmation"),
	    "2026-11-24T09:30 2026-11-26T09:30 - due 0");
	assert_string_equal(find("referral-confirmation")->para, "7.2");
	eval(HEAD "referral: {received: 2026-11-24T09:30}\n", "2026-11-27");
	assert_string_equal(dl("referral-confirmation"),
	    "2026-11-24T09:30 2026-11-26T09:30 - overdue -1");
	eval(HEAD "referral: {received: 2026-11-24T09:30, "
	    "confirmed: 2026-11-26T09:30}\n", "2026-11-27");
	assert_string_equal(dl("referral-confirmation"),
	    "2026-11-24T09:30 2026-11-26T09:30 2026-11-26T09:30 done -");
	eval(HEAD "referral: {received: 2026-11-24T09:30, "
	    "confirmed: 2026-11-26T09:31}\n", "2026-11-27");
	assert_string_equal(dl("referral-confirmation"),
	    "2026-11-24T09:30 2026-11-26T09:30 2026-11-26T09:31 late -");
	/* confirmed on the due day with no time: on time (by the day) */
	eval(HEAD "referral: {received: 2026-11-24T09:30, "
	    "confirmed: 2026-11-26}\n", "2026-11-27");
	assert_string_equal(dl("referral-confirmation"),
	    "2026-11-24T09:30 2026-11-26T09:30 2026-11-26 done -");
	/* 48 hours are not working days: Friday 16:45 to Sunday 16:45 */
	eval(HEAD "referral: {received: 2026-08-28T16:45}\n", "2026-08-28");
	assert_string_equal(dl("referral-confirmation"),
	    "2026-08-28T16:45 2026-08-30T16:45 - due 0");
	/* the next day after a Sunday due is the August bank holiday: not
	 * a working day, so overdue by 0 working days, then by 1 */
	eval(HEAD "referral: {received: 2026-08-28T16:45}\n", "2026-08-31");
	assert_string_equal(dl("referral-confirmation"),
	    "2026-08-28T16:45 2026-08-30T16:45 - overdue 0");
	eval(HEAD "referral: {received: 2026-08-28T16:45}\n", "2026-09-01");
	assert_string_equal(dl("referral-confirmation"),
	    "2026-08-28T16:45 2026-08-30T16:45 - overdue -1");
	/* from a bare date D, the end of day D+2: a date */
	eval(HEAD "referral: {received: 2026-11-18, "
	    "confirmed: 2026-11-20T23:59}\n", "2026-11-26");
	assert_string_equal(dl("referral-confirmation"),
	    "2026-11-18 2026-11-20 2026-11-20T23:59 done -");
	eval(HEAD "referral: {received: 2026-11-18, "
	    "confirmed: 2026-11-21T00:00}\n", "2026-11-26");
	assert_string_equal(dl("referral-confirmation"),
	    "2026-11-18 2026-11-20 2026-11-21T00:00 late -");
	/* across the year end */
	eval(HEAD "referral: {received: 2026-12-31T12:00}\n", "2026-12-31");
	assert_string_equal(dl("referral-confirmation"),
	    "2026-12-31T12:00 2027-01-02T12:00 - due 0");
	/* no referral received: no deadline */
	eval(HEAD "referral: {confirmed: 2026-11-20}\n", "2026-11-26");
	assert_null(find("referral-confirmation"));
}

/* ---- 8.2.1, 8.2.4, 10.3.1: the rapid review ---- */

static void
test_rapid_review(void **state)
{
	(void)state;
	/* across Easter 2026: Thu 26 Mar + 27, 30, 31, 1, 2 (5), Good Friday
	 * 3 and Easter Monday 6 Apr skipped, 7-10 (9), 13-17 (14), 20 */
	eval(HEAD "incident: {notified: 2026-03-26}\n"
	    "rapid_review: {completed: 2026-04-17, submitted_to_panel: "
	    "2026-04-21}\n", "2026-11-26");
	assert_string_equal(ids(), "rapid-review rapid-review-to-panel "
	    "panel-response");
	assert_string_equal(dl("rapid-review"),
	    "2026-03-26 2026-04-20 2026-04-17 done -");
	assert_string_equal(dl("rapid-review-to-panel"),
	    "2026-03-26 2026-04-20 2026-04-21 late -");
	assert_string_equal(find("rapid-review")->para, "8.2.1");
	assert_string_equal(find("rapid-review-to-panel")->para, "8.2.4");
	/* across Easter 2027 (Good Friday 26 Mar, Easter Monday 29 Mar):
	 * Mon 22 + 23, 24, 25 (3), 30, 31, 1, 2 (7), 5-9 (12), 12, 13, 14 */
	eval(HEAD "incident: {notified: 2027-03-22}\n", "2027-03-25");
	assert_string_equal(dl("rapid-review"),
	    "2027-03-22 2027-04-14 - due 12");
	/* across Christmas 2026: Mon 14 Dec + 15-18 (4), 21-24 (8), 29-31
	 * (11), 1 Jan skipped, 4-7 (15) */
	eval(HEAD "incident: {notified: 2026-12-14}\n", "2026-12-24");
	assert_string_equal(dl("rapid-review"),
	    "2026-12-14 2027-01-07 - due 7");
	/* a rapid review asked for on the referral but the notification
	 * date not recorded: pending */
	eval(HEAD "referral: {types: [local_learning_review, "
	    "rapid_review]}\n", "2026-11-26");
	assert_string_equal(ids(), "rapid-review rapid-review-to-panel");
	assert_string_equal(dl("rapid-review"), "- - - pending -");
	assert_string_equal(dl("rapid-review-to-panel"), "- - - pending -");
	/* neither notified nor asked for: no rapid review */
	eval(HEAD "referral: {types: [case_for_discussion]}\n", "2026-11-26");
	assert_int_equal(ds.n, 0);
}

static void
test_panel_response(void **state)
{
	const struct cspr_deadline *d;

	(void)state;
	/* across the August bank holiday 2026: Thu 20 Aug + 21 (1), 24-28
	 * (6), Mon 31 skipped, 1-4 Sep (10), 7-11 (15) */
	eval(HEAD "rapid_review: {submitted_to_panel: 2026-08-20}\n",
	    "2026-09-14");
	assert_string_equal(dl("panel-response"),
	    "2026-08-20 2026-09-11 - overdue -1");
	d = find("panel-response");
	assert_string_equal(d->para, "10.3.1");
	/* the Panel's, not the partnership's: csp-deadlines does not exit 1
	 * for it */
	assert_string_equal(d->owner, "panel");
	eval(HEAD "rapid_review: {submitted_to_panel: 2026-08-20, "
	    "panel_response: {date: 2026-09-11, national_review: false}}\n",
	    "2026-09-14");
	assert_string_equal(dl("panel-response"),
	    "2026-08-20 2026-09-11 2026-09-11 done -");
	eval(HEAD "rapid_review: {panel_response: {date: 2026-09-11}}\n",
	    "2026-09-14");
	assert_null(find("panel-response"));
}

/* ---- 9.12.4, 9.16.1: six months ---- */

static void
test_six_months(void **state)
{
	(void)state;
	eval(HEAD "decision: {date: 2026-05-11, outcome: local_review}\n",
	    "2026-11-26");
	assert_string_equal(ids(), "final-report publication "
	    "report-to-panel-and-sos report-to-ofsted");
	assert_string_equal(dl("final-report"),
	    "2026-05-11 2026-11-11 - overdue -11");
	assert_string_equal(dl("publication"),
	    "2026-05-11 2026-11-11 - overdue -11");
	assert_string_equal(find("final-report")->para, "9.12.4");
	assert_string_equal(find("publication")->para, "9.16.1");
	/* the end of a shorter month: 31 August + 6 months = 28 February */
	eval(HEAD "decision: {date: 2026-08-31, outcome: local_review}\n"
	    "report: {completed: 2027-02-28}\npublication: "
	    "{published: 2027-03-01}\n", "2027-03-01");
	assert_string_equal(dl("final-report"),
	    "2026-08-31 2027-02-28 2027-02-28 done -");
	assert_string_equal(dl("publication"),
	    "2026-08-31 2027-02-28 2027-03-01 late -");
	/* and in a leap year, 29 February.  Working days left from 1 Sep
	 * 2027: September 21, October 21, November 22, December 21 (27 and
	 * 28 are the Christmas substitutes), January 20 (3 Jan is New Year's
	 * substitute), February 21: 126 */
	eval(HEAD "decision: {date: 2027-08-31, outcome: local_review}\n",
	    "2027-09-01");
	assert_string_equal(dl("final-report"),
	    "2027-08-31 2028-02-29 - due 126");
	/* publishing only the improvements is still publishing (9.15.1) */
	eval(HEAD "decision: {date: 2026-05-11, outcome: local_review}\n"
	    "publication: {kind: improvements_only, published: 2026-11-02}\n",
	    "2026-11-26");
	assert_string_equal(dl("publication"),
	    "2026-05-11 2026-11-11 2026-11-02 done -");
	/* nothing published: no publication deadline, the others stay */
	eval(HEAD "decision: {date: 2026-05-11, outcome: local_review}\n"
	    "publication: {kind: none}\n", "2026-11-26");
	assert_string_equal(ids(), "final-report report-to-panel-and-sos "
	    "report-to-ofsted");
	/* decided, date not recorded: pending */
	eval(HEAD "decision: {outcome: local_review}\n", "2026-11-26");
	assert_string_equal(dl("final-report"), "- - - pending -");
	/* a report completed though the decision date is missing: done */
	eval(HEAD "decision: {outcome: local_review}\nreport: {completed: "
	    "2026-10-01}\n", "2026-11-26");
	assert_string_equal(dl("final-report"), "- - 2026-10-01 done -");
	/* any other decision: none of the local review's deadlines */
	eval(HEAD "decision: {date: 2026-05-11, outcome: other_review}\n",
	    "2026-11-26");
	assert_int_equal(ds.n, 0);
	eval(HEAD "decision: {date: 2026-05-11, outcome: national_review}\n",
	    "2026-11-26");
	assert_int_equal(ds.n, 0);
}

/* ---- 9.15.3, 9.16.2: copies of the report ---- */

static void
test_report_copies(void **state)
{
	(void)state;
#define LOCAL HEAD "decision: {date: 2026-02-27, outcome: local_review}\n"
	/* (a) the sooner: completed Wed 26 Aug 2026 + 27, 28 (2), Mon 31
	 * bank holiday skipped, 1-4 Sep (6), Mon 7; published Mon 21 Sep - 7
	 * = Thu 10 Sep */
	eval(LOCAL "report: {completed: 2026-08-26}\n"
	    "publication: {published: 2026-09-21}\n"
	    "notifications:\n"
	    "  - {to: panel, about: final_report, date: 2026-09-04}\n"
	    "  - {to: secretary_of_state, about: final_report, "
	    "date: 2026-09-04}\n"
	    "  - {to: ofsted, about: final_report, date: 2026-09-08}\n",
	    "2026-11-26");
	assert_string_equal(dl("report-to-panel-and-sos"),
	    "2026-08-26 2026-09-07 2026-09-04 done -");
	assert_string_equal(dl("report-to-ofsted"),
	    "2026-08-26 2026-09-07 2026-09-08 late -");
	assert_string_equal(find("report-to-panel-and-sos")->para, "9.15.3");
	assert_string_equal(find("report-to-ofsted")->para, "9.16.2");
	/* (b) the sooner: completed Fri 30 May 2025 + 7 = Tue 10 Jun;
	 * published Fri 13 Jun - 7 = Wed 4 Jun, and from says so */
	eval(HEAD "decision: {date: 2024-12-16, outcome: local_review}\n"
	    "report: {completed: 2025-05-30}\n"
	    "publication: {published: 2025-06-13}\n", "2025-06-02");
	assert_string_equal(dl("report-to-panel-and-sos"),
	    "2025-06-13 2025-06-04 - due 2");
	/* the planned date until it is published, then the published one */
	eval(LOCAL "report: {completed: 2026-11-02}\n"
	    "publication: {planned: 2026-11-06}\n", "2026-10-26");
	assert_string_equal(dl("report-to-panel-and-sos"),
	    "2026-11-06 2026-10-28 - due 2");
	eval(LOCAL "report: {completed: 2026-11-02}\n"
	    "publication: {planned: 2026-11-06, published: 2026-12-18}\n",
	    "2026-11-06");
	/* Mon 2 Nov + 3-6 (4), 9, 10, 11: Wed 11 Nov; 18 Dec - 7 = 9 Dec */
	assert_string_equal(dl("report-to-panel-and-sos"),
	    "2026-11-02 2026-11-11 - due 3");
	/* completion only */
	eval(LOCAL "report: {completed: 2026-12-22}\n", "2026-12-22");
	/* Tue 22 Dec + 23, 24, (25, 28), 29, 30, 31, (1 Jan), 4, 5 */
	assert_string_equal(dl("report-to-panel-and-sos"),
	    "2026-12-22 2027-01-05 - due 7");
	/* publication only: Mon 5 Apr 2027 is Easter Monday; 7 working days
	 * before: 2 Apr, 1, 31 Mar, 30 (4), (29 Easter Monday, 26 Good
	 * Friday), 25, 24, 23 (7) */
	eval(LOCAL "publication: {planned: 2027-04-05}\n", "2027-03-22");
	assert_string_equal(dl("report-to-panel-and-sos"),
	    "2027-04-05 2027-03-23 - due 1");
	/* neither: pending */
	eval(LOCAL, "2026-11-26");
	assert_string_equal(dl("report-to-panel-and-sos"), "- - - pending -");
	assert_string_equal(dl("report-to-ofsted"), "- - - pending -");
	/* the Panel told and the Secretary of State not: not done */
	eval(LOCAL "report: {completed: 2026-11-02}\nnotifications:\n"
	    "  - {to: panel, about: improvements, date: 2026-11-04}\n",
	    "2026-11-26");
	assert_string_equal(dl("report-to-panel-and-sos"),
	    "2026-11-02 2026-11-11 - overdue -11");
	eval(LOCAL "report: {completed: 2026-11-02}\nnotifications:\n"
	    "  - {to: panel, about: improvements, date: 2026-11-04}\n"
	    "  - {to: secretary_of_state, about: final_report, "
	    "date: 2026-11-05}\n"
	    "  - {to: ofsted, about: delay, date: 2026-11-05}\n",
	    "2026-11-26");
	/* 9.15.3 asks for the full report: the improvements sent to the
	 * Panel do not make it done */
	assert_string_equal(dl("report-to-panel-and-sos"),
	    "2026-11-02 2026-11-11 - overdue -11");
	assert_string_equal(dl("report-to-ofsted"),
	    "2026-11-02 2026-11-11 - overdue -11");
	eval(LOCAL "report: {completed: 2026-11-02}\nnotifications:\n"
	    "  - {to: panel, about: final_report, date: 2026-11-04}\n"
	    "  - {to: secretary_of_state, about: final_report, "
	    "date: 2026-11-05}\n", "2026-11-26");
	assert_string_equal(dl("report-to-panel-and-sos"),
	    "2026-11-02 2026-11-11 2026-11-05 done -");
#undef LOCAL
}

/* ---- 11.2: actions ---- */

static void
test_actions(void **state)
{
	const struct cspr_deadline *d;

	(void)state;
	eval(HEAD "actions:\n"
	    "  - {id: A1, action: Share the learning., due: 2026-11-13}\n"
	    "  - {id: 7, due: 2026-11-26}\n"
	    "  - {id: A3, action: Audit., due: 2026-10-30, "
	    "completed: 2026-10-22}\n"
	    "  - {id: A4, action: Train., due: 2026-10-30, "
	    "completed: 2026-11-02}\n"
	    "  - {id: A5, action: No date yet.}\n"
	    "  - {id: A6, action: Done without a due date., "
	    "completed: 2026-09-01}\n", "2026-11-26");
	assert_string_equal(ids(), "action:A1 action:7 action:A3 action:A4 "
	    "action:A5 action:A6");
	assert_string_equal(dl("action:A1"), "- 2026-11-13 - overdue -9");
	assert_string_equal(dl("action:7"), "- 2026-11-26 - due 0");
	assert_string_equal(dl("action:A3"), "- 2026-10-30 2026-10-22 done -");
	assert_string_equal(dl("action:A4"), "- 2026-10-30 2026-11-02 late -");
	assert_string_equal(dl("action:A5"), "- - - pending -");
	assert_string_equal(dl("action:A6"), "- - 2026-09-01 done -");
	d = find("action:A1");
	assert_string_equal(d->rule, "action");
	assert_string_equal(d->para, "11.2");
	assert_string_equal(d->what, "Share the learning.");
	assert_string_equal(d->owner, "partnership");
	assert_string_equal(find("action:7")->what, "complete the action");
}

/* ---- statuses and working days left ---- */

static void
test_days_left(void **state)
{
	(void)state;
	/* due Wednesday 2026-12-30 (from Mon 21 Dec, across Christmas) */
#define XMAS HEAD "incident: {outcome: died, abuse_or_neglect: known, " \
	"place: in_area, la_aware: 2026-12-21}\n"
	eval(XMAS, "2026-12-22");
	assert_string_equal(dl("panel-notification"),
	    "2026-12-21 2026-12-30 - due 4");
	/* from Christmas Eve: 29, 30 (25 and 28 are holidays) */
	eval(XMAS, "2026-12-24");
	assert_string_equal(dl("panel-notification"),
	    "2026-12-21 2026-12-30 - due 2");
	/* on Christmas Day, a holiday: the same two */
	eval(XMAS, "2026-12-25");
	assert_string_equal(dl("panel-notification"),
	    "2026-12-21 2026-12-30 - due 2");
	eval(XMAS, "2026-12-30");
	assert_string_equal(dl("panel-notification"),
	    "2026-12-21 2026-12-30 - due 0");
	eval(XMAS, "2026-12-31");
	assert_string_equal(dl("panel-notification"),
	    "2026-12-21 2026-12-30 - overdue -1");
	/* 31 Dec (1), New Year's Day skipped, 4 Jan (2) */
	eval(XMAS, "2027-01-04");
	assert_string_equal(dl("panel-notification"),
	    "2026-12-21 2026-12-30 - overdue -2");
	/* done on the due day is done; the day after is late; days left is
	 * only for what is still open */
	eval(XMAS "notifications:\n  - {to: panel, about: incident, "
	    "date: 2026-12-30}\n", "2027-01-04");
	assert_string_equal(dl("panel-notification"),
	    "2026-12-21 2026-12-30 2026-12-30 done -");
	eval(XMAS "notifications:\n  - {to: panel, about: incident, "
	    "date: 2026-12-31}\n", "2027-01-04");
	assert_string_equal(dl("panel-notification"),
	    "2026-12-21 2026-12-30 2026-12-31 late -");
	/* done before today does not matter: a deadline done in the future
	 * of today's date (a record made ahead) is still done */
	eval(XMAS "notifications:\n  - {to: panel, about: incident, "
	    "date: 2026-12-23}\n", "2026-12-22");
	assert_string_equal(dl("panel-notification"),
	    "2026-12-21 2026-12-30 2026-12-23 done -");
#undef XMAS
}

/* ---- the order, and extra holidays ---- */

static void
test_order_and_holidays(void **state)
{
	struct cspr_calendar *c2 = cspr_calendar_new();
	struct cspr_errors e = {0};
	struct cspr_case *c;
	struct cspr_deadlines own = {0};
	static const char extra[] = "2026-11-12 Local holiday\n";
	static const char all[] = HEAD "child: {looked_after: true}\n"
	    "incident: {outcome: died, abuse_or_neglect: suspected, "
	    "place: in_area, la_aware: 2026-11-09, notified: 2026-11-10}\n"
	    "referral: {received: 2026-11-09T10:00}\n"
	    "rapid_review: {submitted_to_panel: 2026-11-30}\n"
	    "decision: {date: 2026-12-01, outcome: local_review}\n"
	    "actions: [{id: B, due: 2027-01-01}, {id: A, due: 2026-12-01}]\n";

	(void)state;
	/* every rule of the table in table order, then the actions in
	 * file order */
	eval(all, "2026-11-26");
	assert_string_equal(ids(), "panel-notification partners-report "
	    "looked-after-death referral-confirmation rapid-review "
	    "rapid-review-to-panel panel-response final-report publication "
	    "report-to-panel-and-sos report-to-ofsted action:B action:A");
	/* a holiday from a file moves the due date a working day on */
	assert_non_null(c2);
	assert_int_equal(cspr_calendar_load_buffer(c2, "extra", extra,
	    strlen(extra), &e), CSPR_OK);
	c = open_case(all);
	assert_int_equal(cspr_deadlines_eval(cspr_case_root(c), c2,
	    D("2026-11-16"), &own), 0);
	assert_string_equal(cspr_date_str(cspr_when_date(own.v[0].due),
	    (char[11]){0}), "2026-11-17");
	assert_int_equal(own.v[0].days_left, 1);
	cspr_deadlines_clear(&own);
	assert_int_equal(own.n, 0);
	assert_null(own.v);
	cspr_case_free(&c);
	cspr_calendar_free(&c2);
	cspr_errors_clear(&e);
}

/* ---- cspr_notice ---- */

static void
test_notice(void **state)
{
	static const char *const to[] = {"panel", "ofsted", NULL};
	static const char *const about[] = {"final_report", "improvements",
	    NULL};
	struct cspr_case *c;
	struct cspr_when w;

	(void)state;
	c = open_case(HEAD "notifications:\n"
	    "  - {to: ofsted, about: improvements, date: 2026-06-03}\n"
	    "  - {to: panel, about: final_report, date: 2026-06-05}\n"
	    "  - {to: ofsted, about: final_report, date: 2026-06-01}\n"
	    "  - {to: panel, about: delay, date: 2026-05-01}\n");
	w = cspr_notice(cspr_case_root(c), to, about);
	/* each recipient's first notice (Ofsted 1 June), the latest of those
	 * (the Panel, 5 June) */
	assert_int_equal(w.kind, CSPR_WHEN_DATE);
	assert_int_equal(cspr_when_date(w), D("2026-06-05"));
	cspr_case_free(&c);
	c = open_case(HEAD "notifications:\n"
	    "  - {to: ofsted, about: improvements, date: 2026-06-03}\n");
	w = cspr_notice(cspr_case_root(c), to, about);
	assert_int_equal(w.kind, CSPR_WHEN_NONE);
	cspr_case_free(&c);
	c = open_case(HEAD);
	w = cspr_notice(cspr_case_root(c), to, about);
	assert_int_equal(w.kind, CSPR_WHEN_NONE);
	cspr_case_free(&c);
}

/* ---- JSON ---- */

static char *
json_of(const char *id)
{
	json_t *j = cspr_deadline_json(find(id));
	char *s;

	assert_non_null(j);
	s = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	return s;
}

static void
test_json(void **state)
{
	char *s;

	(void)state;
	/* an action's text is given as it is, quotes and all */
	eval(HEAD NOTIFIABLE "referral: {received: 2026-11-09T10:00, "
	    "confirmed: 2026-11-10}\nactions: [{id: 3, action: \"Say \\\"hi\\\"\"}]\n",
	    "2026-11-26");
	s = json_of("panel-notification");
	assert_string_equal(s, "{\"rule\":\"panel-notification\","
	    "\"para\":\"5.1\",\"what\":\"notify the Panel of the incident\","
	    "\"from\":\"2026-11-09\",\"due\":\"2026-11-16\",\"done\":null,"
	    "\"status\":\"overdue\",\"working_days_left\":-8}");
	free(s);
	s = json_of("referral-confirmation");
	assert_string_equal(s, "{\"rule\":\"referral-confirmation\","
	    "\"para\":\"7.2\",\"what\":\"confirm the referral in writing on "
	    "the Appendix B form\",\"from\":\"2026-11-09T10:00\","
	    "\"due\":\"2026-11-11T10:00\",\"done\":\"2026-11-10\","
	    "\"status\":\"done\",\"working_days_left\":null}");
	free(s);
	s = json_of("action:3");
	assert_string_equal(s, "{\"rule\":\"action:3\",\"para\":\"11.2\","
	    "\"what\":\"Say \\\"hi\\\"\",\"from\":null,\"due\":null,"
	    "\"done\":null,\"status\":\"pending\",\"working_days_left\":null}");
	free(s);
	assert_string_equal(cspr_status_name(CSPR_DONE), "done");
	assert_string_equal(cspr_status_name(CSPR_LATE), "late");
	assert_string_equal(cspr_status_name(CSPR_OVERDUE), "overdue");
	assert_string_equal(cspr_status_name(CSPR_DUE), "due");
	assert_string_equal(cspr_status_name(CSPR_PENDING), "pending");
}

/* ---- every deadline has its paragraph and owner ---- */

static void
test_every_row_cited(void **state)
{
	(void)state;
	eval(HEAD "child: {looked_after: true}\n"
	    "incident: {outcome: died, abuse_or_neglect: suspected, "
	    "place: in_area, la_aware: 2026-11-09, notified: 2026-11-10}\n"
	    "referral: {received: 2026-11-09T10:00}\n"
	    "rapid_review: {submitted_to_panel: 2026-11-30}\n"
	    "decision: {date: 2026-12-01, outcome: local_review}\n"
	    "actions: [{id: B, due: 2027-01-01}]\n", "2026-11-26");
	assert_int_equal(ds.n, 12);
	for (size_t i = 0; i < ds.n; i++) {
		const struct cspr_deadline *d = &ds.v[i];

		assert_non_null(d->para);
		assert_true(strlen(d->para) >= 3);
		assert_non_null(d->what);
		assert_true(strcmp(d->owner, "local_authority") == 0 ||
		    strcmp(d->owner, "partnership") == 0 ||
		    strcmp(d->owner, "panel") == 0);
		/* the notification rows say to whom and about what */
		assert_true((d->to == NULL) == (d->about == NULL));
	}
	assert_non_null(find("panel-notification")->to);
	assert_null(find("rapid-review")->to);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_notifiable),
		cmocka_unit_test(test_panel_notification),
		cmocka_unit_test(test_partners_report),
		cmocka_unit_test(test_looked_after_death),
		cmocka_unit_test(test_referral_confirmation),
		cmocka_unit_test(test_rapid_review),
		cmocka_unit_test(test_panel_response),
		cmocka_unit_test(test_six_months),
		cmocka_unit_test(test_report_copies),
		cmocka_unit_test(test_actions),
		cmocka_unit_test(test_days_left),
		cmocka_unit_test(test_order_and_holidays),
		cmocka_unit_test(test_notice),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_every_row_cited),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
