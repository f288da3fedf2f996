/*
 * test_rapid_review.c - lib/rapid_review.c: when a rapid review applies
 * and is due (from the deadline table), the extraordinary meeting and the
 * quorum of 8.2.1, outstanding involvement requests (Appendix C), and what
 * Appendix D must record, as findings once they are due and as still to
 * record before.
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

static cspr_date
D(const char *s)
{
	cspr_date d = CSPR_NO_DATE;

	if (cspr_date_parse(s, &d) != 0)
		fail_msg("bad date in test: %s", s);
	return d;
}

struct check {
	struct cspr_calendar *cal;
	struct cspr_rapid_review r;
	json_t *root;
	char findings[512]; /* check ids, space-separated */
	char to_record[512];
};

/* Notified on Tuesday 2026-11-10: due 15 working days on, 2026-12-01. */
#define NOTIFIED "incident.notified=2026-11-10; "

static void
run(struct check *k, const char *spec, const char *today)
{
	k->cal = cspr_calendar_new();
	assert_non_null(k->cal);
	k->root = mk(spec);
	assert_int_equal(cspr_rapid_review_check(k->root, k->cal, D(today),
	    &k->r), 0);
	k->findings[0] = k->to_record[0] = '\0';
	for (size_t i = 0; i < k->r.findings.n; i++) {
		const struct cspr_finding *f = &k->r.findings.v[i];

		snprintf(k->findings + strlen(k->findings),
		    sizeof(k->findings) - strlen(k->findings), "%s%s",
		    i ? " " : "", f->check);
		/* each message cites its paragraph and ends a sentence */
		assert_non_null(strstr(f->message, f->para));
		assert_int_equal(f->message[strlen(f->message) - 1], '.');
	}
	for (size_t i = 0; i < k->r.nto_record; i++)
		snprintf(k->to_record + strlen(k->to_record),
		    sizeof(k->to_record) - strlen(k->to_record), "%s%s",
		    i ? "|" : "", k->r.to_record[i].para);
}

static void
done(struct check *k)
{
	cspr_rapid_review_clear(&k->r);
	json_decref(k->root);
	cspr_calendar_free(&k->cal);
}

static void
test_applies(void **state)
{
	struct check k;

	(void)state;
	run(&k, "incident.outcome=died; referral.types=[case_for_discussion]",
	    "2026-11-26");
	assert_false(k.r.applies);
	assert_int_equal(k.r.quorate, -1);
	assert_int_equal(k.r.extraordinary_required, -1);
	assert_string_equal(k.findings, "");
	done(&k);
	/* a referral for a rapid review, before the notification date */
	run(&k, "referral.types=[rapid_review]", "2026-11-26");
	assert_true(k.r.applies);
	assert_int_equal(k.r.due.status, CSPR_PENDING);
	assert_int_equal(k.r.extraordinary_required, -1);
	assert_string_equal(k.findings, "");
	done(&k);
	/* 4.1, 8.2.1: a looked-after child's death, abuse not suspected,
	 * is no serious incident: no clock, notified or referred */
	run(&k, NOTIFIED "incident.abuse_or_neglect=not_suspected; "
	    "incident.outcome=died; child.looked_after=true; "
	    "referral.types=[rapid_review]", "2026-11-26");
	assert_false(k.r.applies);
	assert_int_equal(k.r.serious, 0);
	assert_int_equal(k.r.quorate, -1);
	assert_string_equal(k.findings, "");
	done(&k);
	run(&k, NOTIFIED "incident.abuse_or_neglect=known; "
	    "incident.outcome=other", "2026-12-10");
	assert_false(k.r.applies);
	assert_int_equal(k.r.serious, 0);
	assert_string_equal(k.findings, "");
	done(&k);
	/* a serious case */
	run(&k, NOTIFIED "incident.abuse_or_neglect=known; "
	    "incident.outcome=died", "2026-11-26");
	assert_true(k.r.applies);
	assert_int_equal(k.r.serious, 1);
	assert_int_equal(cspr_when_date(k.r.due.due), D("2026-12-01"));
	done(&k);
	/* seriousness not known: it cannot be ruled out, the clock runs */
	run(&k, NOTIFIED "incident.abuse_or_neglect=unknown; "
	    "incident.outcome=died", "2026-11-26");
	assert_true(k.r.applies);
	assert_int_equal(k.r.serious, -1);
	done(&k);
	run(&k, NOTIFIED, "2026-11-26");
	assert_true(k.r.applies);
	assert_int_equal(k.r.serious, -1);
	assert_string_equal(k.r.due.para, "8.2.1");
	assert_string_equal(k.r.to_panel.para, "8.2.4");
	assert_int_equal(cspr_when_date(k.r.due.due), D("2026-12-01"));
	assert_int_equal(k.r.due.status, CSPR_DUE);
	assert_int_equal(k.r.due.days_left, 3);
	/* nothing is due yet: all of the form is still to record */
	assert_string_equal(k.findings, "");
	assert_string_equal(k.to_record, "9.5|8.2.3|8.2.3|Appendix D|Appendix D|8.2.3");
	done(&k);
}

static void
test_due(void **state)
{
	struct check k;

	(void)state;
	run(&k, NOTIFIED, "2026-12-02");
	assert_int_equal(k.r.due.status, CSPR_OVERDUE);
	assert_string_equal(k.findings, "rapid-review-overdue "
	    "panel-submission-overdue other-children recommendation rationale "
	    "sign-off sign-off");
	assert_int_equal(k.r.nto_record, 1); /* the briefing */
	done(&k);
	run(&k, NOTIFIED "rapid_review.completed=2026-12-02; "
	    "rapid_review.submitted_to_panel=2026-12-03", "2026-12-04");
	assert_int_equal(k.r.due.status, CSPR_LATE);
	assert_int_equal(k.r.to_panel.status, CSPR_LATE);
	assert_string_equal(k.findings, "rapid-review-late "
	    "panel-submission-late other-children recommendation rationale "
	    "sign-off sign-off briefing");
	done(&k);
}

/* A rapid review done as Appendix D asks: no findings. */
#define COMPLETE NOTIFIED "rapid_review.next_lig_meeting=2026-11-26; " \
	"rapid_review.meeting.date=2026-11-26; " \
	"rapid_review.meeting.kind=scheduled; " \
	"rapid_review.meeting.present=[childrens_services, police, icb]; " \
	"rapid_review.other_children_safeguarded=None at home; " \
	"rapid_review.recommendation=partnership_review; " \
	"rapid_review.rationale=Learning; " \
	"rapid_review.completed=2026-11-27; " \
	"rapid_review.signed_off.lig_chair=2026-11-27; " \
	"rapid_review.signed_off.chair=2026-11-30; " \
	"rapid_review.submitted_to_panel=2026-11-30; "

static void
test_complete(void **state)
{
	struct check k;
	json_t *log;

	(void)state;
	run(&k, COMPLETE, "2026-12-10");
	assert_int_equal(k.r.due.status, CSPR_DONE);
	assert_int_equal(k.r.quorate, 1);
	assert_int_equal(k.r.extraordinary_required, 0);
	/* completed, but the briefing is not recorded */
	assert_string_equal(k.findings, "briefing");
	log = json_pack("[{s:s, s:s, s:s}, {s:s, s:s, s:s}]",
	    "to", "safeguarding_partners", "about", "rapid_review", "date",
	    "2026-11-30", "to", "independent_chair", "about", "rapid_review",
	    "date", "2026-12-01");
	json_object_set_new(k.root, "notifications", log);
	cspr_rapid_review_clear(&k.r);
	assert_int_equal(cspr_rapid_review_check(k.root, k.cal,
	    D("2026-12-10"), &k.r), 0);
	assert_int_equal(k.r.findings.n, 0);
	assert_int_equal(k.r.nto_record, 0);
	assert_int_equal(cspr_when_date(k.r.briefing), D("2026-12-01"));
	done(&k);
}

static void
test_extraordinary(void **state)
{
	struct check k;

	(void)state;
	/* the next meeting on the due date is in time */
	run(&k, NOTIFIED "rapid_review.next_lig_meeting=2026-12-01",
	    "2026-11-12");
	assert_int_equal(k.r.extraordinary_required, 0);
	done(&k);
	run(&k, NOTIFIED "rapid_review.next_lig_meeting=2026-12-02",
	    "2026-11-12");
	assert_int_equal(k.r.extraordinary_required, 1);
	assert_string_equal(k.findings, "extraordinary-meeting");
	assert_string_equal(k.r.findings.v[0].para, "8.2.1");
	done(&k);
	/* held on or before the due date */
	run(&k, NOTIFIED "rapid_review.next_lig_meeting=2026-12-10; "
	    "rapid_review.meeting.kind=extraordinary; "
	    "rapid_review.meeting.date=2026-12-01", "2026-11-12");
	assert_int_equal(k.r.extraordinary_required, 0);
	done(&k);
	run(&k, NOTIFIED "rapid_review.next_lig_meeting=2026-12-10; "
	    "rapid_review.meeting.kind=extraordinary; "
	    "rapid_review.meeting.date=2026-12-02", "2026-11-12");
	assert_int_equal(k.r.extraordinary_required, 1);
	done(&k);
	/* any meeting held on or before the due date will do (0.2) */
	run(&k, NOTIFIED "rapid_review.next_lig_meeting=2026-12-10; "
	    "rapid_review.meeting.kind=scheduled; "
	    "rapid_review.meeting.date=2026-11-20", "2026-11-12");
	assert_int_equal(k.r.extraordinary_required, 0);
	assert_string_equal(k.findings, "");
	done(&k);
	run(&k, NOTIFIED "rapid_review.next_lig_meeting=2026-12-10; "
	    "rapid_review.meeting.date=2026-12-01", "2026-11-12");
	assert_int_equal(k.r.extraordinary_required, 0);
	done(&k);
	run(&k, NOTIFIED "rapid_review.next_lig_meeting=2026-12-10; "
	    "rapid_review.meeting.kind=scheduled; "
	    "rapid_review.meeting.date=2026-12-02", "2026-11-12");
	assert_int_equal(k.r.extraordinary_required, 1);
	done(&k);
	/* not known */
	run(&k, NOTIFIED, "2026-11-12");
	assert_int_equal(k.r.extraordinary_required, -1);
	done(&k);
	run(&k, "referral.types=[rapid_review]; "
	    "rapid_review.next_lig_meeting=2026-12-10", "2026-11-12");
	assert_int_equal(k.r.extraordinary_required, -1);
	done(&k);
}

/* The quorum's absentees, joined by spaces. */
static const char *
quorum_on(const char *date, const char *present, int *quorate,
    const char **findings)
{
	static char buf[128], f[1024];
	struct check k;
	char spec[256];

	snprintf(spec, sizeof(spec), NOTIFIED "rapid_review.meeting.date=%s; "
	    "rapid_review.meeting.present=%s", date, present);
	run(&k, spec, "2026-11-20");
	*quorate = k.r.quorate;
	buf[0] = '\0';
	for (size_t i = 0; i < k.r.nmissing; i++)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%s",
		    i ? " " : "", k.r.missing_from_quorum[i]);
	f[0] = '\0';
	for (size_t i = 0; i < k.r.findings.n; i++)
		if (strcmp(k.r.findings.v[i].check, "quorum") == 0 ||
		    strcmp(k.r.findings.v[i].check, "quorum-icb") == 0)
			snprintf(f + strlen(f), sizeof(f) - strlen(f), "%s%s",
			    *f ? " | " : "", k.r.findings.v[i].message);
	*findings = f;
	done(&k);
	return buf;
}

static const char *
quorum(const char *present, int *quorate, const char **findings)
{
	return quorum_on("2026-11-20", present, quorate, findings);
}

static void
test_quorum(void **state)
{
	const char *f;
	int q;

	(void)state;
	assert_string_equal(quorum("[icb, police, education, "
	    "childrens_services]", &q, &f), "");
	assert_int_equal(q, 1);
	assert_string_equal(f, "");
	assert_string_equal(quorum("[childrens_services, police, health]", &q,
	    &f), "icb");
	assert_int_equal(q, 0);
	assert_string_equal(f, "The meeting was not quorate: icb is not in "
	    "rapid_review.meeting.present; children's services, police and "
	    "the health partner (icb) are needed (8.2.1).");
	assert_string_equal(quorum("[education]", &q, &f),
	    "childrens_services police icb");
	assert_int_equal(q, 0);
	assert_string_equal(f, "The meeting was not quorate: "
	    "childrens_services, police and icb are not in "
	    "rapid_review.meeting.present; children's services, police and "
	    "the health partner (icb) are needed (8.2.1).");
	assert_string_equal(quorum("[icb]", &q, &f), "childrens_services "
	    "police");
	/* no meeting recorded: not known */
	assert_string_equal(quorum("null", &q, &f), "");
	assert_int_equal(q, -1);
}

/* The health partner by the meeting's date: the CCG before 2022-07-01,
 * the ICB from that day; a later meeting recording the ccg is quorate and
 * a finding names the ICB. */
static void
test_quorum_health_partner(void **state)
{
	static const struct {
		const char *date, *present;
		int quorate;
		const char *missing, *findings;
	} rows[] = {
		{"2022-06-30", "[childrens_services, police, ccg]", 1, "", ""},
		{"2022-06-30", "[childrens_services, police, icb]", 0, "ccg",
		    "The meeting was not quorate: ccg is not in "
		    "rapid_review.meeting.present; children's services, police "
		    "and the health partner (ccg) are needed (8.2.1)."},
		{"2022-07-01", "[childrens_services, police, icb]", 1, "", ""},
		{"2022-07-01", "[childrens_services, police, ccg]", 1, "",
		    "rapid_review.meeting.present records ccg for a meeting on "
		    "or after 2022-07-01, when Integrated Care Boards replaced "
		    "Clinical Commissioning Groups (Health and Care Act 2022): "
		    "the health partner is the icb, and the record should say "
		    "so (8.2.1)."},
		{"2022-07-01", "[childrens_services, police, ccg, icb]", 1, "",
		    ""},
		{"2022-07-01", "[childrens_services, police]", 0, "icb",
		    "The meeting was not quorate: icb is not in "
		    "rapid_review.meeting.present; children's services, police "
		    "and the health partner (icb) are needed (8.2.1)."},
	};
	const char *f;
	int q;

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const char *missing = quorum_on(rows[i].date, rows[i].present,
		    &q, &f);

		if (q != rows[i].quorate || strcmp(missing, rows[i].missing) ||
		    strcmp(f, rows[i].findings))
			fail_msg("row %zu: quorate %d, missing \"%s\", "
			    "findings \"%s\"", i, q, missing, f);
	}
}

static void
test_requests(void **state)
{
	struct check k;
	json_t *requests = json_pack("[{s:s, s:s, s:s}, {s:s, s:s}, {s:s}]",
	    "agency", "police", "sent", "2026-11-10", "received", "2026-11-17",
	    "agency", "icb", "sent", "2026-11-10", "agency", "education");

	(void)state;
	/* before the meeting, outstanding requests are expected */
	run(&k, NOTIFIED "rapid_review.meeting.date=2026-11-24",
	    "2026-11-20");
	json_object_set(json_object_get(k.root, "rapid_review"), "requests",
	    requests);
	cspr_rapid_review_clear(&k.r);
	assert_int_equal(cspr_rapid_review_check(k.root, k.cal,
	    D("2026-11-20"), &k.r), 0);
	assert_int_equal(k.r.requests_sent, 2);
	assert_int_equal(k.r.requests_received, 1);
	assert_int_equal(json_array_size(k.r.outstanding), 1);
	assert_string_equal(json_string_value(json_array_get(k.r.outstanding,
	    0)), "icb");
	assert_int_equal(k.r.findings.n, 0);
	/* after it, they are a finding, and so is other children */
	cspr_rapid_review_clear(&k.r);
	assert_int_equal(cspr_rapid_review_check(k.root, k.cal,
	    D("2026-11-24"), &k.r), 0);
	assert_int_equal(k.r.findings.n, 2);
	assert_string_equal(k.r.findings.v[0].check, "outstanding-requests");
	assert_string_equal(k.r.findings.v[0].message, "1 of 2 involvement "
	    "requests in rapid_review.requests is not returned: icb (8.2.3, "
	    "Appendix C).");
	assert_string_equal(k.r.findings.v[1].check, "other-children");
	assert_string_equal(k.r.findings.v[1].para, "9.5");
	done(&k);
	json_decref(requests);
}

static void
test_recommendation(void **state)
{
	struct check k;

	(void)state;
	/* a recommendation needs its rationale at once */
	run(&k, NOTIFIED "rapid_review.recommendation=no_review",
	    "2026-11-12");
	assert_string_equal(k.findings, "rationale");
	assert_string_equal(k.r.findings.v[0].message, "The rationale for "
	    "the recommendation is not recorded in rapid_review.rationale "
	    "(8.2.3).");
	done(&k);
}

static void
test_cdop(void **state)
{
	struct check k;

	(void)state;
	run(&k, COMPLETE "incident.outcome=died; notifications=[]",
	    "2026-12-10");
	assert_string_equal(k.findings, "briefing cdop");
	done(&k);
	run(&k, COMPLETE "incident.outcome=died; "
	    "rapid_review.cdop_information=false", "2026-12-10");
	assert_string_equal(k.findings, "briefing cdop");
	done(&k);
	run(&k, COMPLETE "incident.outcome=died; "
	    "rapid_review.cdop_information=true", "2026-12-10");
	assert_string_equal(k.findings, "briefing");
	done(&k);
	/* while open, it is still to record */
	run(&k, NOTIFIED "incident.outcome=died", "2026-11-12");
	assert_string_equal(k.to_record, "9.5|8.2.3|8.2.3|Appendix D|Appendix D|8.2.3|"
	    "8.2.3");
	assert_string_equal(k.r.to_record[6].what, "Where the child died, "
	    "the use of CDOP's information");
	done(&k);
	/* no death, no CDOP */
	run(&k, COMPLETE "incident.outcome=seriously_harmed", "2026-12-10");
	assert_string_equal(k.findings, "briefing");
	done(&k);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_applies),
	    cmocka_unit_test(test_due),
	    cmocka_unit_test(test_complete),
	    cmocka_unit_test(test_extraordinary),
	    cmocka_unit_test(test_quorum),
	    cmocka_unit_test(test_quorum_health_partner),
	    cmocka_unit_test(test_requests),
	    cmocka_unit_test(test_recommendation),
	    cmocka_unit_test(test_cdop),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
