/*
 * rapid_review.c - is the rapid review on track?  (8.2, Appendices C, D.)
 *
 * A rapid review is for a serious incident (4.1, 8.2.1): the rapid-review
 * row of the duty table (duties.c) says whether the partnership has
 * received notice of one, when, and when the review is due; the
 * rapid-review-to-panel row says when it goes to the Panel (8.2.4).  They
 * are looked up, never worked out again.  On top of them:
 *
 * - an extraordinary LIG meeting is needed when the next scheduled one
 *   falls after the due date and no meeting is recorded on or before it
 *   (8.2.1);
 * - the meeting is quorate with children's services, police and the health
 *   partner present: the CCG before 2022-07-01, the ICB from then (8.2.1);
 * - involvement requests (Appendix C) sent and not returned are listed.
 *
 * What the Appendix D form must say is asked for in two steps, as the work
 * is done: once the meeting has been held, the returns and the immediate
 * safeguarding of other children (9.5); once the review is completed or
 * overdue, the recommendation and its rationale, both sign-offs and, where
 * the child died, CDOP's information (8.2.3).  Before then they are listed
 * as still to record, not as findings, just as a deadline that is due is
 * not yet overdue.
 */
#include <string.h>

#include "csprcore.h"

/* 8.2.1: 1 when an extraordinary meeting is still needed, 0 when not,
 * -1 when the due date or the next meeting is not known.  Any meeting on
 * or before the due date, scheduled or extraordinary, is in time. */
static int
extraordinary(const json_t *root, const struct cspr_deadline *due)
{
	cspr_date d, next, held;

	if (due->due.kind == CSPR_WHEN_NONE)
		return -1;
	d = cspr_when_date(due->due);
	if (cspr_get_date(root, "rapid_review.meeting.date", &held) &&
	    held <= d)
		return 0;
	if (!cspr_get_date(root, "rapid_review.next_lig_meeting", &next))
		return -1;
	return next > d;
}

/* The health partner of the quorum: the Clinical Commissioning Group
 * until the Health and Care Act 2022 replaced CCGs with Integrated Care
 * Boards on 2022-07-01 (8.2.1 still says CCG). */
static cspr_date
icb_from(void)
{
	return cspr_date_from_ymd(2022, 7, 1);
}

static int
present_in(const json_t *present, const char *id)
{
	size_t j;
	json_t *x;

	json_array_foreach(present, j, x)
		if (json_is_string(x) && strcmp(json_string_value(x), id) == 0)
			return 1;
	return 0;
}

/* 8.2.1: children's services, police, and the CCG or, from 2022-07-01,
 * the ICB.  A meeting from that day recording the ccg meant the ICB that
 * replaced it: it counts, and the record is a finding.  With no date,
 * either will do. */
static void
quorum(const json_t *root, struct cspr_rapid_review *r)
{
	json_t *present = cspr_get(root, "rapid_review.meeting.present");
	cspr_date held;
	int dated = cspr_get_date(root, "rapid_review.meeting.date", &held);

	r->quorate = -1;
	r->health = dated && held < icb_from() ? "ccg" : "icb";
	if (!json_is_array(present))
		return;
	if (!present_in(present, "childrens_services"))
		r->missing_from_quorum[r->nmissing++] = "childrens_services";
	if (!present_in(present, "police"))
		r->missing_from_quorum[r->nmissing++] = "police";
	if (!present_in(present, r->health) &&
	    !(present_in(present, "ccg") && (!dated || held >= icb_from())) &&
	    !(present_in(present, "icb") && !dated))
		r->missing_from_quorum[r->nmissing++] = r->health;
	r->ccg_renamed = dated && held >= icb_from() &&
	    present_in(present, "ccg") && !present_in(present, "icb");
	r->quorate = r->nmissing == 0;
}

/* Appendix C: requests sent and not yet returned. */
static int
requests(const json_t *root, struct cspr_rapid_review *r)
{
	json_t *list = cspr_get(root, "rapid_review.requests"), *x;
	size_t i;

	if (!(r->outstanding = json_array()))
		return -1;
	json_array_foreach(list, i, x) {
		const char *agency = cspr_get_str(x, "agency");

		if (!cspr_get(x, "sent"))
			continue;
		r->requests_sent++;
		if (cspr_get(x, "received")) {
			r->requests_received++;
			continue;
		}
		if (json_array_append_new(r->outstanding,
		    json_string(agency ? agency : "(agency not recorded)")) < 0)
			return -1;
	}
	return 0;
}

/* Something the form needs: a finding once it is due, else a note. */
static int
need(struct cspr_rapid_review *r, int now, const char *check,
    const char *para, const char *what, const char *field)
{
	if (!now) {
		if (r->nto_record < CSPR_MAX_TO_RECORD) {
			r->to_record[r->nto_record].what = what;
			r->to_record[r->nto_record++].para = para;
		}
		return 0;
	}
	return cspr_findings_add(&r->findings, check, para, "%s is not "
	    "recorded in %s (%s).", what, field, para);
}

static int
overdue_findings(struct cspr_rapid_review *r)
{
	char due[11];

	cspr_date_str(cspr_when_date(r->due.due), due);
	if (r->due.status == CSPR_OVERDUE &&
	    cspr_findings_add(&r->findings, "rapid-review-overdue", "8.2.1",
	    "The rapid review was due by %s, 15 working days after the "
	    "notification, and rapid_review.completed is not recorded "
	    "(8.2.1).", due) < 0)
		return -1;
	if (r->due.status == CSPR_LATE &&
	    cspr_findings_add(&r->findings, "rapid-review-late", "8.2.1",
	    "The rapid review was completed after %s, the end of the 15 "
	    "working days (8.2.1).", due) < 0)
		return -1;
	cspr_date_str(cspr_when_date(r->to_panel.due), due);
	if (r->to_panel.status == CSPR_OVERDUE &&
	    cspr_findings_add(&r->findings, "panel-submission-overdue",
	    "8.2.4", "The rapid review was due to go to the Panel by %s, "
	    "and rapid_review.submitted_to_panel is not recorded (8.2.4).",
	    due) < 0)
		return -1;
	if (r->to_panel.status == CSPR_LATE &&
	    cspr_findings_add(&r->findings, "panel-submission-late", "8.2.4",
	    "The rapid review went to the Panel after %s, the end of the 15 "
	    "working days (8.2.4).", due) < 0)
		return -1;
	return 0;
}

static int
outstanding_finding(struct cspr_rapid_review *r)
{
	size_t n = json_array_size(r->outstanding);
	char list[256] = "";
	size_t len = 0;

	for (size_t i = 0; i < n && len < sizeof(list); i++)
		len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s",
		    i == 0 ? "" : i == n - 1 ? " and " : ", ",
		    json_string_value(json_array_get(r->outstanding, i)));
	return cspr_findings_add(&r->findings, "outstanding-requests",
	    "8.2.3", "%zu of %zu involvement requests in "
	    "rapid_review.requests %s not returned: %s (8.2.3, Appendix C).",
	    n, r->requests_sent, n > 1 ? "are" : "is", list);
}

int
cspr_rapid_review_check(const json_t *root, const struct cspr_calendar *cal,
    cspr_date today, struct cspr_rapid_review *r)
{
	static const char *const briefed[] = {"safeguarding_partners",
	    "independent_chair", NULL};
	static const char *const about[] = {"rapid_review", NULL};
	const char *outcome = cspr_get_str(root, "incident.outcome");
	int completed = cspr_has(root, "rapid_review.completed");
	struct cspr_deadlines all = {0};
	const struct cspr_deadline *row;
	int closing, held;
	cspr_date met;

	memset(r, 0, sizeof(*r));
	r->extraordinary_required = r->quorate = -1;
	/* the duty table's rows, evaluated together: whether the
	 * partnership received notice of a serious incident (4.1, 8.2.1),
	 * and when */
	r->serious = cspr_serious_case(root);
	if (cspr_deadlines_eval(root, cal, today, &all) < 0)
		goto fail;
	if ((row = cspr_deadline_find(&all, "rapid-review"))) {
		r->applies = 1;
		r->due = *row;
	}
	if ((row = cspr_deadline_find(&all, "rapid-review-to-panel")))
		r->to_panel = *row;
	cspr_deadlines_clear(&all);
	if (!r->applies)
		return 0;

	r->extraordinary_required = extraordinary(root, &r->due);
	quorum(root, r);
	if (requests(root, r) < 0)
		goto fail;
	r->briefing = cspr_notice(root, briefed, about);

	held = cspr_get_date(root, "rapid_review.meeting.date", &met) &&
	    met <= today;
	closing = completed || r->due.status == CSPR_OVERDUE;
	if (overdue_findings(r) < 0)
		goto fail;
	if (r->extraordinary_required == 1 &&
	    cspr_findings_add(&r->findings, "extraordinary-meeting", "8.2.1",
	    "The next LIG meeting (rapid_review.next_lig_meeting) falls after "
	    "the rapid review is due and no meeting on or before that date "
	    "is recorded: an extraordinary one should be convened "
	    "(8.2.1).") < 0)
		goto fail;
	if (r->quorate == 0 &&
	    cspr_findings_add(&r->findings, "quorum", "8.2.1", "The meeting "
	    "was not quorate: %s%s%s%s%s%s not in "
	    "rapid_review.meeting.present; children's services, police and "
	    "the health partner (%s) are needed (8.2.1).",
	    r->missing_from_quorum[0],
	    r->nmissing > 1 ? (r->nmissing > 2 ? ", " : " and ") : "",
	    r->nmissing > 1 ? r->missing_from_quorum[1] : "",
	    r->nmissing > 2 ? " and " : "",
	    r->nmissing > 2 ? r->missing_from_quorum[2] : "",
	    r->nmissing > 1 ? " are" : " is", r->health) < 0)
		goto fail;
	if (r->ccg_renamed &&
	    cspr_findings_add(&r->findings, "quorum-icb", "8.2.1",
	    "rapid_review.meeting.present records ccg for a meeting on or "
	    "after 2022-07-01, when Integrated Care Boards replaced Clinical "
	    "Commissioning Groups (Health and Care Act 2022): the health "
	    "partner is the icb, and the record should say so (8.2.1).") < 0)
		goto fail;
	if (json_array_size(r->outstanding) > 0 && (held || closing) &&
	    outstanding_finding(r) < 0)
		goto fail;
	if (!cspr_has(root, "rapid_review.other_children_safeguarded") &&
	    need(r, held || closing, "other-children", "9.5",
	    "The immediate safeguarding of other children",
	    "rapid_review.other_children_safeguarded") < 0)
		goto fail;
	if (!cspr_has(root, "rapid_review.recommendation") &&
	    need(r, closing, "recommendation", "8.2.3",
	    "The LIG's recommendation", "rapid_review.recommendation") < 0)
		goto fail;
	if (!cspr_has(root, "rapid_review.rationale") &&
	    need(r, closing || cspr_has(root, "rapid_review.recommendation"),
	    "rationale", "8.2.3", "The rationale for the recommendation",
	    "rapid_review.rationale") < 0)
		goto fail;
	if (!cspr_has(root, "rapid_review.signed_off.lig_chair") &&
	    need(r, closing, "sign-off", "Appendix D",
	    "The LIG chair's sign-off", "rapid_review.signed_off.lig_chair") <
	    0)
		goto fail;
	if (!cspr_has(root, "rapid_review.signed_off.chair") &&
	    need(r, closing, "sign-off", "Appendix D",
	    "The independent chair's sign-off",
	    "rapid_review.signed_off.chair") < 0)
		goto fail;
	if (completed && r->briefing.kind == CSPR_WHEN_NONE &&
	    cspr_findings_add(&r->findings, "briefing", "8.2.3", "The rapid "
	    "review is completed, but notifications records no briefing "
	    "about rapid_review to both the safeguarding partners and the "
	    "independent chair (8.2.3).") < 0)
		goto fail;
	if (!completed && r->briefing.kind == CSPR_WHEN_NONE)
		need(r, 0, "briefing", "8.2.3", "The briefing to the "
		    "safeguarding partners and the independent chair", NULL);
	if (outcome && strcmp(outcome, "died") == 0) {
		int cdop = cspr_get_bool(root, "rapid_review.cdop_information");

		if (cdop == 0 && cspr_findings_add(&r->findings, "cdop",
		    "8.2.3", "The child died, and "
		    "rapid_review.cdop_information is false: the LIG should "
		    "use CDOP's information in making its recommendation "
		    "(8.2.3).") < 0)
			goto fail;
		if (cdop < 0 && need(r, closing, "cdop", "8.2.3",
		    "Where the child died, the use of CDOP's information",
		    "rapid_review.cdop_information") < 0)
			goto fail;
	}
	return 0;
fail:
	cspr_deadlines_clear(&all);
	cspr_rapid_review_clear(r);
	return -1;
}

void
cspr_rapid_review_clear(struct cspr_rapid_review *r)
{
	json_decref(r->outstanding);
	r->outstanding = NULL;
	cspr_findings_clear(&r->findings);
}
