/*
 * obligations.c - who must be told what, and by when (csp-notify).
 *
 * One table, rules[], in the order a case meets its notifications.  Six
 * rows carry a deadline (5.1, 5.2, 5.3, 8.2.4, 9.15.3, 9.16.2): those are
 * the rows of the deadline table in deadlines.c, taken from
 * cspr_deadlines_eval() with their dates, recipients and status as they
 * are, so the two tools cannot disagree.  The other rows have no timescale
 * in the procedure, and none is invented: such an obligation is pending
 * until what sets it off has happened, then due until the notifications
 * log records it.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Whether a rule applies, and when it does, whether it can be met yet. */
enum state { NOT_APPLICABLE, WAITING, OPEN };

struct rule {
	const char *id;
	/* a deadline row: only its id, the rest is the deadline's */
	int deadline;
	const char *para;
	const char *what;
	const char *const *to;
	const char *about;             /* what the message is about */
	const char *const *counts;     /* notifications.about that count */
	const char *done_field;        /* also done on this date (4.4) */
	const char *waits;             /* pending: what it waits for */
	enum state (*applies)(const json_t *root,
	    const struct cspr_deadlines *ds);
	/* the fields the message needs that are not recorded */
	void (*missing)(const json_t *root, struct cspr_obligation *o);
};

/* ---- when a rule applies ---- */

static int
is(const json_t *root, const char *path, const char *value)
{
	const char *s = cspr_get_str(root, path);

	return s && strcmp(s, value) == 0;
}

static int
has(const json_t *root, const char *path)
{
	json_t *v = cspr_get(root, path);

	return v && (!json_is_string(v) || json_string_length(v) > 0);
}

static const struct cspr_deadline *
find(const struct cspr_deadlines *ds, const char *id)
{
	for (size_t i = 0; i < ds->n; i++)
		if (strcmp(ds->v[i].id, id) == 0)
			return &ds->v[i];
	return NULL;
}

static int
decided(const json_t *root)
{
	return has(root, "decision.outcome") || has(root, "decision.date");
}

/* 8.2.3: on completion of the rapid review, which applies as csp-deadlines'
 * rapid-review row does. */
static enum state
briefing(const json_t *root, const struct cspr_deadlines *ds)
{
	if (!find(ds, "rapid-review"))
		return NOT_APPLICABLE;
	return has(root, "rapid_review.completed") ? OPEN : WAITING;
}

/* 9.4.1: the decision on "any notified case": one the Panel was told of
 * (5.1), or whose rapid review goes to the Panel (8.2.4). */
static enum state
decision_bodies(const json_t *root, const struct cspr_deadlines *ds)
{
	if (!find(ds, "panel-notification") &&
	    !find(ds, "rapid-review-to-panel"))
		return NOT_APPLICABLE;
	return decided(root) ? OPEN : NOT_APPLICABLE;
}

static enum state
local_review(const json_t *root, const struct cspr_deadlines *ds)
{
	(void)ds;
	return is(root, "decision.outcome", "local_review") ? OPEN :
	    NOT_APPLICABLE;
}

static enum state
other_review(const json_t *root, const struct cspr_deadlines *ds)
{
	(void)ds;
	return is(root, "decision.outcome", "other_review") ? OPEN :
	    NOT_APPLICABLE;
}

static enum state
any_decision(const json_t *root, const struct cspr_deadlines *ds)
{
	(void)ds;
	return decided(root) ? OPEN : NOT_APPLICABLE;
}

/* 13.5: the child died and an inquest is held; the coroner is told that a
 * review is being undertaken, so it waits for the decision and lapses when
 * the decision is not a local review. */
static enum state
coroner(const json_t *root, const struct cspr_deadlines *ds)
{
	(void)ds;
	if (!is(root, "incident.outcome", "died") ||
	    cspr_get_bool(root, "parallel.inquest") != 1)
		return NOT_APPLICABLE;
	if (!has(root, "decision.outcome"))
		return WAITING;
	return local_review(root, ds);
}

/* 8.2.5: new information in a local review suggests a national one. */
static enum state
national(const json_t *root, const struct cspr_deadlines *ds)
{
	(void)ds;
	return cspr_get_bool(root, "review.national_review_suggested") == 1 ?
	    OPEN : NOT_APPLICABLE;
}

/* 9.16.3: a reason for a delay is recorded, or publication is late. */
static enum state
delay(const json_t *root, const struct cspr_deadlines *ds)
{
	const struct cspr_deadline *p = find(ds, "publication");

	if (has(root, "publication.delay_reason"))
		return OPEN;
	return p && (p->status == CSPR_OVERDUE || p->status == CSPR_LATE) ?
	    OPEN : NOT_APPLICABLE;
}

/* 9.15.3: the justification for any non-publication; publishing only the
 * improvements (9.15.1) is not publishing the report. */
static enum state
non_publication(const json_t *root, const struct cspr_deadlines *ds)
{
	(void)ds;
	return is(root, "publication.kind", "none") ||
	    is(root, "publication.kind", "improvements_only") ? OPEN :
	    NOT_APPLICABLE;
}

/* 9.14.3: once the partnership approves the final report; a local review
 * waits for it. */
static enum state
outcome(const json_t *root, const struct cspr_deadlines *ds)
{
	(void)ds;
	if (has(root, "report.approved") || has(root, "publication.published"))
		return OPEN;
	return is(root, "decision.outcome", "local_review") ? WAITING :
	    NOT_APPLICABLE;
}

/* ---- what a message needs ---- */

static void
need(const json_t *root, struct cspr_obligation *o, const char *path)
{
	if (!has(root, path) && o->nmissing < CSPR_MAX_OBLIGATION_MISSING)
		o->missing[o->nmissing++] = path;
}

/* 8.2.3: the reasons for the LIG's view. */
static void
briefing_needs(const json_t *root, struct cspr_obligation *o)
{
	need(root, o, "rapid_review.recommendation");
	need(root, o, "rapid_review.rationale");
}

/* 9.4.1: "including the name of any reviewer commissioned". */
static void
reviewer_needs(const json_t *root, struct cspr_obligation *o)
{
	if (is(root, "decision.outcome", "local_review"))
		need(root, o, "review.reviewer.name");
}

/* 4.4: the rationale is what is communicated. */
static void
rationale_needs(const json_t *root, struct cspr_obligation *o)
{
	need(root, o, "decision.rationale");
}

static void
delay_needs(const json_t *root, struct cspr_obligation *o)
{
	need(root, o, "publication.delay_reason");
}

static void
non_publication_needs(const json_t *root, struct cspr_obligation *o)
{
	need(root, o, "publication.non_publication_reason");
}

static const char *const partners_chair[] = {"safeguarding_partners",
    "independent_chair", NULL};
static const char *const bodies[] = {"panel", "ofsted", "dfe", NULL};
static const char *const members[] = {"partnership_members", NULL};
static const char *const agencies[] = {"relevant_agencies", NULL};
static const char *const family[] = {"family", NULL};
static const char *const the_coroner[] = {"coroner", NULL};
static const char *const panel[] = {"panel", NULL};
static const char *const panel_sos[] = {"panel", "secretary_of_state", NULL};
static const char *const family_staff[] = {"family", "practitioners", NULL};

static const char *const a_rapid[] = {"rapid_review", NULL};
static const char *const a_decision[] = {"decision", NULL};
static const char *const a_started[] = {"review_started", NULL};
static const char *const a_other[] = {"decision", "review_started", NULL};
static const char *const a_national[] = {"national_review", NULL};
static const char *const a_delay[] = {"delay", NULL};
static const char *const a_nonpub[] = {"non_publication", NULL};
static const char *const a_outcome[] = {"outcome", NULL};

/* A deadline row: csp-deadlines gives the rest.  waits: the field its
 * clock runs from, named while that is missing. */
#define DEADLINE(id, waits) \
	{id, 1, NULL, NULL, NULL, NULL, NULL, NULL, waits, NULL, NULL}

/* The obligations, in the order a case meets them. */
static const struct rule rules[] = {
	DEADLINE("panel-notification", "incident.la_aware"),
	DEADLINE("partners-report", "incident.la_aware"),
	DEADLINE("looked-after-death", "incident.la_aware"),
	{"rapid-review-briefing", 0, "8.2.3", "brief the safeguarding "
	    "partners and the independent chair on the completed rapid review",
	    partners_chair, "rapid_review", a_rapid, NULL,
	    "rapid_review.completed", briefing, briefing_needs},
	DEADLINE("rapid-review-to-panel", "incident.notified"),
	{"decision-bodies", 0, "9.4.1", "tell the Panel, Ofsted and DfE the "
	    "decision and next steps, with the name of any reviewer "
	    "commissioned", bodies, "decision", a_decision, NULL, NULL,
	    decision_bodies, reviewer_needs},
	{"members-letter", 0, "9.4.2", "send the partnership members a letter "
	    "of notification of the local review", members, "review_started",
	    a_started, NULL, NULL, local_review, NULL},
	{"other-review-agencies", 0, "9.4.4", "notify the relevant agencies "
	    "of the other type of review", agencies, "decision", a_other, NULL,
	    NULL, other_review, NULL},
	{"family-decision", 0, "4.4, 9.4.5", "communicate the decision and "
	    "its rationale to the family", family, "decision", a_decision,
	    "decision.communicated_to_family", NULL, any_decision,
	    rationale_needs},
	{"coroner", 0, "13.5", "the police panel member tells the coroner "
	    "that a review is being undertaken", the_coroner, "review_started",
	    a_started, NULL, "decision.outcome", coroner, NULL},
	{"national-information", 0, "8.2.5", "inform the Panel of the new "
	    "information suggesting a national review, after liaising with "
	    "the independent chair and the safeguarding partners", panel,
	    "national_review", a_national, NULL, NULL, national, NULL},
	{"delay-reasons", 0, "9.16.3", "tell the Panel and the Secretary of "
	    "State the reasons for the delay to publication", panel_sos,
	    "delay", a_delay, NULL, NULL, delay, delay_needs},
	DEADLINE("report-to-panel-and-sos",
	    "report.completed or publication.planned"),
	DEADLINE("report-to-ofsted", "report.completed or publication.planned"),
	{"non-publication", 0, "9.15.3", "set out for the Panel and the "
	    "Secretary of State the justification for not publishing the "
	    "report", panel_sos, "non_publication", a_nonpub, NULL, NULL,
	    non_publication, non_publication_needs},
	{"outcome-feedback", 0, "9.14.3", "arrange feedback and debriefing on "
	    "the review's outcome for the family and practitioners",
	    family_staff, "outcome", a_outcome, NULL, "report.approved",
	    outcome, NULL},
};

/* ---- evaluation ---- */

static int
push(struct cspr_obligations *out, const struct cspr_obligation *o)
{
	if (cspr_grow(&out->v, &out->cap, out->n + 1, sizeof(*out->v)) < 0)
		return -1;
	out->v[out->n++] = *o;
	return 0;
}

/* A deadline row as it is: csp-deadlines' dates and status. */
static void
from_deadline(const struct rule *r, const struct cspr_deadline *d,
    struct cspr_obligation *o)
{
	o->id = r->id;
	o->para = d->para;
	o->what = d->what;
	o->to = d->to;
	o->about = d->about[0];
	o->due = d->due;
	o->done = d->done;
	o->status = d->status;
	o->days_left = d->days_left;
}

/* The earlier of two moments, either maybe missing. */
static struct cspr_when
earlier(struct cspr_when a, struct cspr_when b)
{
	if (a.kind == CSPR_WHEN_NONE)
		return b;
	if (b.kind == CSPR_WHEN_NONE)
		return a;
	return b.t < a.t ? b : a;
}

static void
no_timescale(const struct rule *r, const json_t *root, enum state st,
    struct cspr_obligation *o)
{
	o->id = r->id;
	o->para = r->para;
	o->what = r->what;
	o->to = r->to;
	o->about = r->about;
	o->done = cspr_notice(root, r->to, r->counts);
	if (r->done_field) {
		struct cspr_when w = {0, CSPR_WHEN_NONE};
		const char *s = cspr_get_str(root, r->done_field);
		int k;

		if (s && (k = cspr_datetime_parse(s, &w.t)) >= 0) {
			w.kind = k == 1 ? CSPR_WHEN_TIME : CSPR_WHEN_DATE;
			o->done = earlier(o->done, w);
		}
	}
	if (o->done.kind != CSPR_WHEN_NONE)
		o->status = CSPR_DONE;
	else if (st == WAITING)
		o->status = CSPR_PENDING;
	else
		o->status = CSPR_DUE;
	if (o->status == CSPR_DUE && r->missing)
		r->missing(root, o);
}

int
cspr_obligations_eval(const json_t *root, const struct cspr_calendar *cal,
    cspr_date today, struct cspr_obligations *out)
{
	struct cspr_deadlines ds = {0};
	int r = -1;

	if (cspr_deadlines_eval(root, cal, today, &ds) < 0)
		goto out;
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		const struct rule *x = &rules[i];
		struct cspr_obligation o;
		enum state st;

		memset(&o, 0, sizeof(o));
		if (x->deadline) {
			const struct cspr_deadline *d = find(&ds, x->id);

			if (!d)
				continue;
			from_deadline(x, d, &o);
		} else {
			if ((st = x->applies(root, &ds)) == NOT_APPLICABLE)
				continue;
			no_timescale(x, root, st, &o);
		}
		if (o.status == CSPR_PENDING)
			o.waits = x->waits;
		if (push(out, &o) < 0)
			goto out;
	}
	r = 0;
out:
	cspr_deadlines_clear(&ds);
	return r;
}

void
cspr_obligations_clear(struct cspr_obligations *os)
{
	free(os->v);
	os->v = NULL;
	os->n = os->cap = 0;
}

json_t *
cspr_obligation_json(const struct cspr_obligation *o)
{
	json_t *to = json_array(), *missing = json_array();

	if (!to || !missing)
		goto fail;
	for (const char *const *p = o->to; p && *p; p++)
		if (json_array_append_new(to, json_string(*p)) < 0)
			goto fail;
	for (size_t i = 0; i < o->nmissing; i++)
		if (json_array_append_new(missing, json_string(o->missing[i])) <
		    0)
			goto fail;
	/* "o" steals to and missing, even when json_pack fails */
	return json_pack("{s:s, s:s, s:o, s:s, s:o, s:o, s:s, s:o}", "id",
	    o->id, "para", o->para, "to", to, "about", o->about, "due",
	    cspr_when_json(o->due), "done", cspr_when_json(o->done), "status",
	    cspr_status_name(o->status), "missing", missing);
fail:
	json_decref(to);
	json_decref(missing);
	return NULL;
}
