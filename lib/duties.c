/*
 * duties.c - every duty of the procedure, as one table.
 *
 * Each row of duties[] is one duty: a deadline of SPEC's table under
 * csp-deadlines, a notification or an obligation of its table under
 * csp-notify, or both.  A row says who owns it, when it applies, what
 * starts its clock and how long the clock runs (or that the procedure sets
 * none), what marks it done, and for a notification to whom and about
 * what.  csp-deadlines shows the rows with a clock, csp-notify the rows
 * that tell someone something and those without a clock; csp-rapid-review,
 * csp-refer, csp-decide and csp-publish-check look rows up by id
 * (cspr_duty_eval(), cspr_deadline_find()) instead of working a duty out
 * again.  A reviewer grepping for a paragraph finds its one row here.
 *
 * Missing inputs never make an error: a duty that applies but cannot start
 * is "pending".  A duty without a clock is due (no timescale) once what
 * sets it off has happened, and done when its record is there; one that
 * must come before something else ("before publication") is overdue when
 * that has happened without it, and late when it came after.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* How the due moment follows from the start. */
enum clock {
	NO_CLOCK,     /* the procedure sets no timescale */
	WORKING_DAYS, /* n working days after the start's date */
	HOURS_48,     /* 48 elapsed hours (7.2, SPEC section 3) */
	MONTHS,       /* the same day n months on */
	REPORT_COPY,  /* 9.15.3: n working days after completion or before
			 publication, whichever is the sooner */
};

/* Whether a duty applies to a case; WAITING: it will, once what sets it
 * off has happened (only for a duty without a clock: a clocked one that
 * cannot start is pending by its missing start). */
enum applies { NO, WAITING, YES };

/* Room for the fields of a case the rows ask for: the table reads about
 * fifty. */
#define NFIELDS 128

/* What the rows of one case share, worked out once a case: the log read
 * once, the facts several rows ask for, and each field as first read. */
struct ctx {
	const json_t *root;
	/* field(): slot i holds the field at path[i], and its moment once
	 * parsed[i] */
	const char *path[NFIELDS];
	const json_t *value[NFIELDS];
	struct cspr_when when[NFIELDS];
	char parsed[NFIELDS];
	struct cspr_log log;
	struct cspr_when received; /* 8.2.1: the earliest receipt */
	const char *received_by;   /* what it was */
	enum applies rapid;        /* the rapid review applies */
	enum applies notifiable;   /* 5.1 */
	enum applies other_la;     /* a local review, and 8.1.2(h) met */
	int local;                 /* decision.outcome is local_review */
	const char *kind;          /* publication.kind, or NULL */
};

struct duty {
	const char *id;
	const char *para;
	const char *what;       /* for people */
	const char *owner;      /* "local_authority", "partnership", "panel" */
	enum applies (*applies)(struct ctx *c);
	const char *late_of;    /* applies too while that duty is late */
	/* the start: the moment start() gives (and *by, what gave it),
	 * else the field from */
	const char *from;
	struct cspr_when (*start)(struct ctx *c, const char **by);
	enum clock clock;
	int n;
	const char *borrowed;   /* a clock taken from another paragraph */
	/* done: the earliest of the field done, the notice to every one of
	 * to[] about any of about[] (the latest recipient's first notice),
	 * and what done_at() gives; about[0] is what the message is about */
	const char *done;
	const char *const *to;
	const char *const *about;
	struct cspr_when (*done_at)(struct ctx *c);
	/* done, whenever it was, once this field holds a value that is not
	 * a moment (8.2.3's methodology) */
	const char *done_if;
	/* no clock: to be done before this field's moment, or before_at()'s */
	const char *before;
	struct cspr_when (*before_at)(struct ctx *c);
	const char *waits;      /* pending: what it waits for */
	/* the fields a message needs, listed while it is still to send;
	 * only when needs_if() says so, where there is one */
	const char *const *needs;
	int (*needs_if)(struct ctx *c);
};

/* ---- the fields of a case ---- */

/* The field at path, looked up once a case: the rows and their predicates
 * ask for the same few again and again (publication.published,
 * decision.outcome, report.completed).  The table's paths are literals,
 * so a path's address keys its slot; a slot another path took is looked
 * up again, never wrong. */
static size_t
field_slot(struct ctx *c, const char *path)
{
	size_t i = ((uintptr_t)path ^ (uintptr_t)path >> 7) % NFIELDS;

	if (c->path[i] != path) {
		c->path[i] = path;
		c->value[i] = cspr_get(c->root, path);
		c->parsed[i] = 0;
	}
	return i;
}

static const json_t *
field(struct ctx *c, const char *path)
{
	return c->value[field_slot(c, path)];
}

/* The moment at path, parsed once a case; none without a path. */
static struct cspr_when
when(struct ctx *c, const char *path)
{
	struct cspr_when none = {0, CSPR_WHEN_NONE};
	size_t i;

	if (!path)
		return none;
	i = field_slot(c, path);
	if (!c->parsed[i]) {
		c->when[i] = cspr_when_of(json_string_value(c->value[i]));
		c->parsed[i] = 1;
	}
	return c->when[i];
}

static const char *
str(struct ctx *c, const char *path)
{
	return json_string_value(field(c, path));
}

static int
has(struct ctx *c, const char *path)
{
	return cspr_recorded(field(c, path));
}

/* 1 true, 0 false, -1 not a boolean, as cspr_get_bool() */
static int
flag(struct ctx *c, const char *path)
{
	return cspr_bool(field(c, path));
}

/* ---- predicates ---- */

static int
is(struct ctx *c, const char *path, const char *value)
{
	const char *s = str(c, path);

	return s && strcmp(s, value) == 0;
}

static int
any_of(const char *s, const char *const *list)
{
	for (; s && *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

static struct cspr_when
on_day(cspr_date d)
{
	struct cspr_when w = {(cspr_time)d * 1440, CSPR_WHEN_DATE};

	/* beyond the years a date can have (SPEC 2): no due date */
	if (d < CSPR_FIRST_DATE || d > CSPR_LAST_DATE)
		w.kind = CSPR_WHEN_NONE;
	return w;
}

static struct cspr_when
earlier(struct cspr_when a, struct cspr_when b)
{
	if (a.kind == CSPR_WHEN_NONE)
		return b;
	if (b.kind == CSPR_WHEN_NONE)
		return a;
	return b.t < a.t ? b : a;
}

static int
asks_rapid_review(struct ctx *c)
{
	const json_t *types = field(c, "referral.types"), *t;
	size_t i;

	json_array_foreach(types, i, t)
		if (json_is_string(t) &&
		    strcmp(json_string_value(t), "rapid_review") == 0)
			return 1;
	return 0;
}

static const char *const partners[] = {"safeguarding_partners",
    "independent_chair", "business_manager", NULL};
static const char *const a_incident[] = {"incident", NULL};

/* 8.2.1 and its footnote 7: the partnership receives notification on the
 * earliest of incident.notified, its first 5.2 report of the incident to
 * the partners, chair or business manager, and a referral asking for a
 * rapid review. */
static struct cspr_when
earliest_receipt(struct ctx *c, const char **by)
{
	static const char *const report[] = {
	    "the report of the incident to the safeguarding partners (5.2)",
	    "the report of the incident to the independent chair (5.2)",
	    "the report of the incident to the business manager (5.2)"};
	struct cspr_when w = when(c, "incident.notified"), x;
	struct cspr_when first[3];
	const char *what = "incident.notified";

	cspr_log_firsts(&c->log, partners, a_incident, first);
	for (size_t i = 0; partners[i]; i++) {
		x = first[i];
		if (x.kind != CSPR_WHEN_NONE && (w.kind == CSPR_WHEN_NONE ||
		    x.t < w.t)) {
			w = x;
			what = report[i];
		}
	}
	x = asks_rapid_review(c) ? when(c, "referral.received") : w;
	if (x.kind != CSPR_WHEN_NONE && (w.kind == CSPR_WHEN_NONE ||
	    x.t < w.t)) {
		w = x;
		what = "referral.received";
	}
	*by = what;
	return w;
}

/* The rapid review's start, as worked out once. */
static struct cspr_when
notification_received(struct ctx *c, const char **by)
{
	*by = c->received_by;
	return c->received;
}

static int
local_review(struct ctx *c)
{
	return c->local;
}

static int
decided(struct ctx *c)
{
	return has(c, "decision.outcome") || has(c, "decision.date");
}

/* publication.kind, read once a case */
static int
kind_is(struct ctx *c, const char *kind)
{
	return c->kind && strcmp(c->kind, kind) == 0;
}

static enum applies
yes_if(int c)
{
	return c ? YES : NO;
}

/* ---- when a duty applies ---- */

static enum applies
notifiable(struct ctx *c)
{
	return c->notifiable;
}

/* 5.3: whatever abuse or neglect is known. */
static enum applies
looked_after_death(struct ctx *c)
{
	return yes_if(flag(c, "child.looked_after") == 1 &&
	    is(c, "incident.outcome", "died"));
}

static enum applies
referral_received(struct ctx *c)
{
	return yes_if(has(c, "referral.received"));
}

/* 8.2.1: a serious incident (or one not yet known not to be) that the
 * partnership has received, or been asked to rapid-review. */
static enum applies
rapid_review(struct ctx *c)
{
	return c->rapid;
}

/* The facts of a case the rows share; the criteria only for rows without
 * a clock (all), which alone ask.  0, or -1 on out of memory. */
static int
ctx_open(struct ctx *c, const json_t *root, int all)
{
	c->root = root;
	memset(c->path, 0, sizeof(c->path));
	c->local = is(c, "decision.outcome", "local_review");
	c->kind = str(c, "publication.kind");
	if (cspr_log_read(root, &c->log) < 0)
		return -1;
	c->received = earliest_receipt(c, &c->received_by);
	c->notifiable = yes_if(cspr_notifiable(root) == 1);
	/* notifiable (5.1) is a serious case in the area: no need to ask
	 * again whether it is a serious incident */
	c->rapid = yes_if((c->notifiable == YES ||
	    cspr_serious_incident(root)) &&
	    (c->received.kind != CSPR_WHEN_NONE || asks_rapid_review(c)));
	c->other_la = NO;
	if (all && c->local) {
		struct cspr_criterion k;

		/* the criterion is criteria.c's; only a local review asks */
		c->other_la = yes_if(cspr_criterion_eval(root,
		    "more-than-one-la", &k) == 0 && k.result == CSPR_MET);
	}
	return 0;
}

static void
ctx_close(struct ctx *c)
{
	cspr_log_clear(&c->log);
}

/* 8.2.3: on completion of the rapid review. */
static enum applies
briefing(struct ctx *c)
{
	if (rapid_review(c) == NO)
		return NO;
	return has(c, "rapid_review.completed") ? YES : WAITING;
}

/* 8.2.3: the briefing outlines the methodology where the rapid review
 * recommends a local review (Appendix E levels 1-5). */
static enum applies
briefing_methodology(struct ctx *c)
{
	static const char *const local[] = {"local_learning_review",
	    "partnership_review", "table_top_workshop",
	    "single_agency_review", NULL};

	return yes_if(any_of(str(c, "rapid_review.recommendation"), local));
}

static enum applies
submitted_to_panel(struct ctx *c)
{
	return yes_if(has(c, "rapid_review.submitted_to_panel"));
}

/* 9.4.1: the decision on "any notified case": one the Panel was told of
 * (5.1), or whose rapid review goes to the Panel (8.2.4). */
static enum applies
decision_bodies(struct ctx *c)
{
	return yes_if(decided(c) && (notifiable(c) == YES ||
	    rapid_review(c) == YES));
}

static enum applies
local_review_row(struct ctx *c)
{
	return yes_if(c->local);
}

static enum applies
other_review(struct ctx *c)
{
	return yes_if(is(c, "decision.outcome", "other_review"));
}

static enum applies
decision_recorded(struct ctx *c)
{
	return yes_if(decided(c));
}

/* 13.5: the child died and an inquest is held; the coroner is told that a
 * review is being undertaken, so it waits for the decision and lapses when
 * the decision is not a local review. */
static enum applies
coroner(struct ctx *c)
{
	if (!is(c, "incident.outcome", "died") ||
	    flag(c, "parallel.inquest") != 1)
		return NO;
	if (!has(c, "decision.outcome"))
		return WAITING;
	return local_review_row(c);
}

/* 8.2.5: new information in a local review suggests a national one. */
static enum applies
national(struct ctx *c)
{
	return yes_if(flag(c, "review.national_review_suggested")
	    == 1);
}

/* 9.16.1: the report of a local review that is to be published. */
static enum applies
published_review(struct ctx *c)
{
	return yes_if(c->local && !kind_is(c, "none"));
}

/* 9.16.3: a reason for a delay is recorded; the row's late_of adds the
 * case where publication is late. */
static enum applies
delay(struct ctx *c)
{
	return yes_if(published_review(c) &&
	    has(c, "publication.delay_reason"));
}

static enum applies
improvements_only(struct ctx *c)
{
	return yes_if(c->local && kind_is(c, "improvements_only"));
}

/* 9.15.3: the justification for any non-publication; publishing only the
 * improvements (9.15.1) is not publishing the report. */
static enum applies
non_publication(struct ctx *c)
{
	return yes_if(c->local && (kind_is(c, "none") ||
	    kind_is(c, "improvements_only")));
}

/* Once the report's field is recorded, or the report published: a local
 * review waits for it. */
static enum applies
report_or_waiting(struct ctx *c, const char *field)
{
	if (has(c, field) ||
	    has(c, "publication.published"))
		return YES;
	return c->local ? WAITING : NO;
}

/* 9.14.3: once the partnership approves the final report; a local review
 * waits for it. */
static enum applies
outcome(struct ctx *c)
{
	return report_or_waiting(c, "report.approved");
}

/* 9.3.2: a local review where another partnership has an interest:
 * csp-decide's more-than-one-la (8.1.2(h)) met. */
static enum applies
other_partnerships(struct ctx *c)
{
	return c->other_la;
}

static enum applies
external_reviewer(struct ctx *c)
{
	return yes_if(is(c, "review.reviewer.kind", "external_independent"));
}

static enum applies
criminal_proceedings(struct ctx *c)
{
	return yes_if(flag(c, "parallel.criminal_proceedings") ==
	    1);
}

static enum applies
criminal_local_review(struct ctx *c)
{
	return yes_if(criminal_proceedings(c) == YES && c->local);
}

static enum applies
inquest(struct ctx *c)
{
	return yes_if(flag(c, "parallel.inquest") == 1);
}

/* 9.14: a final report exists once it is completed or published; a local
 * review waits for it. */
static enum applies
final_report(struct ctx *c)
{
	return report_or_waiting(c, "report.completed");
}

/* 9.14.4: a local review whose report is to be published. */
static enum applies
to_publish(struct ctx *c)
{
	if (published_review(c) == NO)
		return NO;
	return final_report(c);
}

/* 9.16.4: a case decided on that is not a local review (no_further_action
 * excepted: there is no review whose learning a synopsis would carry). */
static enum applies
learning(struct ctx *c)
{
	return yes_if(is(c, "decision.outcome", "other_review"));
}

static enum applies
actions(struct ctx *c)
{
	return yes_if(json_array_size(field(c, "actions")) > 0);
}

/* ---- what marks a duty done, and what it must come before ---- */

static const char *const ofsted[] = {"ofsted", NULL};
static const char *const a_report[] = {"final_report", NULL};
static const char *const a_report_or_improvements[] = {"final_report",
    "improvements", NULL};

/* 9.16.2: the report to Ofsted, or the information about improvements
 * where only that is published. */
static struct cspr_when
ofsted_copy(struct ctx *c)
{
	return cspr_log_notice(&c->log, ofsted, kind_is(c, "improvements_only") ?
	    a_report_or_improvements : a_report);
}

static const char *const family[] = {"family", NULL};

/* 9.9.3: the family is told, by the log or as 4.4's communication. */
static struct cspr_when
family_told(struct ctx *c)
{
	struct cspr_when w = when(c, "decision.communicated_to_family");

	for (size_t i = 0; i < c->log.n; i++)
		if (c->log.v[i].to && strcmp(c->log.v[i].to, "family") == 0)
			w = earlier(w, c->log.v[i].when);
	return w;
}

static const char *const sg_partners[] = {"safeguarding_partners", NULL};
static const char *const a_actions_complete[] = {"actions_complete", NULL};

/* 11.3: every action completed, and the partnership told so; the later of
 * the last completion and that notice. */
static struct cspr_when
actions_done(struct ctx *c)
{
	const json_t *list = field(c, "actions"), *a;
	struct cspr_when told = cspr_log_notice(&c->log, sg_partners,
	    a_actions_complete), none = {0, CSPR_WHEN_NONE};
	size_t i;

	json_array_foreach(list, i, a) {
		struct cspr_when w = cspr_when_get(a, "completed");

		if (w.kind == CSPR_WHEN_NONE)
			return none;
		if (told.kind != CSPR_WHEN_NONE && w.t > told.t)
			told = w;
	}
	return told;
}

/* 8.2.3: when the briefing went, to both partners and the chair. */
static struct cspr_when
briefed(struct ctx *c)
{
	static const char *const to[] = {"safeguarding_partners",
	    "independent_chair", NULL};
	static const char *const about[] = {"rapid_review", NULL};

	return cspr_log_notice(&c->log, to, about);
}

/* ---- the table ---- */

static const char *const panel[] = {"panel", NULL};
static const char *const sos_ofsted[] = {"secretary_of_state", "ofsted",
    NULL};
static const char *const panel_sos[] = {"panel", "secretary_of_state", NULL};
static const char *const partners_chair[] = {"safeguarding_partners",
    "independent_chair", NULL};
static const char *const chair[] = {"independent_chair", NULL};
static const char *const bodies[] = {"panel", "ofsted", "dfe", NULL};
static const char *const members[] = {"partnership_members", NULL};
static const char *const agencies[] = {"relevant_agencies", NULL};
static const char *const the_coroner[] = {"coroner", NULL};
static const char *const family_staff[] = {"family", "practitioners", NULL};
static const char *const others[] = {"other_partnerships", NULL};

static const char *const a_la_death[] = {"looked_after_death", NULL};
static const char *const a_rapid[] = {"rapid_review", NULL};
static const char *const a_decision[] = {"decision", NULL};
static const char *const a_started[] = {"review_started", NULL};
static const char *const a_other[] = {"decision", "review_started", NULL};
static const char *const a_national[] = {"national_review", NULL};
static const char *const a_delay[] = {"delay", NULL};
static const char *const a_nonpub[] = {"non_publication", NULL};
static const char *const a_outcome[] = {"outcome", NULL};
static const char *const a_improvements[] = {"improvements", NULL};
static const char *const a_plan[] = {"publication_plan", NULL};

static const char *const n_briefing[] = {"rapid_review.recommendation",
    "rapid_review.rationale", NULL};
static const char *const n_reviewer[] = {"review.reviewer.name", NULL};
static const char *const n_rationale[] = {"decision.rationale", NULL};
static const char *const n_delay[] = {"publication.delay_reason", NULL};
static const char *const n_nonpub[] = {"publication.non_publication_reason",
    NULL};

#define COPY_WAITS "report.completed or publication.planned"

/* The duties, in the order a case meets them.  Owners: the local
 * authority (5.4), the partnership and its Team, or the Panel; only the
 * first two make the tools exit 1 when overdue.  Three clocks come from a
 * neighbour, as SPEC says: 5.3 has none of its own (5.1's five working
 * days), nor has 8.2.4 (the rapid review's 15, 8.2.1 and footnote 7), and
 * 9.12.4's six months run from the decision as 9.16.1 says. */
static const struct duty duties[] = {
	{.id = "panel-notification", .para = "5.1",
	    .what = "notify the Panel of the incident",
	    .owner = "local_authority", .applies = notifiable,
	    .from = "incident.la_aware", .clock = WORKING_DAYS, .n = 5,
	    .to = panel, .about = a_incident, .waits = "incident.la_aware"},
	{.id = "partners-report", .para = "5.2",
	    .what = "report the incident to the safeguarding partners, "
	    "independent chair and business manager",
	    .owner = "local_authority", .applies = notifiable,
	    .from = "incident.la_aware", .clock = WORKING_DAYS, .n = 5,
	    .to = partners, .about = a_incident, .waits = "incident.la_aware"},
	{.id = "looked-after-death", .para = "5.3",
	    .what = "notify the Secretary of State and Ofsted of the "
	    "looked-after child's death", .owner = "local_authority",
	    .applies = looked_after_death, .from = "incident.la_aware",
	    .clock = WORKING_DAYS, .n = 5,
	    .borrowed = "five working days as 5.1", .to = sos_ofsted,
	    .about = a_la_death, .waits = "incident.la_aware"},
	{.id = "referral-confirmation", .para = "7.2",
	    .what = "confirm the referral in writing on the Appendix B form",
	    .owner = "partnership", .applies = referral_received,
	    .from = "referral.received", .clock = HOURS_48,
	    .done = "referral.confirmed", .waits = "referral.received"},
	{.id = "rapid-review", .para = "8.2.1",
	    .what = "complete the rapid review", .owner = "partnership",
	    .applies = rapid_review, .start = notification_received,
	    .clock = WORKING_DAYS, .n = 15, .done = "rapid_review.completed",
	    .waits = "incident.notified, a report to the partners (5.2) or "
	    "referral.received"},
	{.id = "rapid-review-briefing", .para = "8.2.3",
	    .what = "brief the safeguarding partners and the independent "
	    "chair on the completed rapid review", .owner = "partnership",
	    .applies = briefing, .to = partners_chair, .about = a_rapid,
	    .waits = "rapid_review.completed", .needs = n_briefing},
	{.id = "briefing-methodology", .para = "8.2.3",
	    .what = "outline the proposed methodology of the local review in "
	    "the briefing (Appendix E)", .owner = "partnership",
	    .applies = briefing_methodology,
	    .done_if = "rapid_review.methodology", .done_at = briefed},
	{.id = "rapid-review-to-panel", .para = "8.2.4",
	    .what = "send the rapid review to the Panel",
	    .owner = "partnership", .applies = rapid_review,
	    .start = notification_received, .clock = WORKING_DAYS, .n = 15,
	    .borrowed = "15 working days as 8.2.1",
	    .done = "rapid_review.submitted_to_panel", .to = panel,
	    .about = a_rapid, .waits = "incident.notified, a report to the "
	    "partners (5.2) or referral.received"},
	{.id = "panel-response", .para = "10.3.1",
	    .what = "the Panel's response to the rapid review",
	    .owner = "panel", .applies = submitted_to_panel,
	    .from = "rapid_review.submitted_to_panel", .clock = WORKING_DAYS,
	    .n = 15, .done = "rapid_review.panel_response.date"},
	{.id = "chair-informed", .para = "7.4",
	    .what = "inform the independent chair of the decision, for "
	    "independent scrutiny", .owner = "partnership",
	    .applies = decision_recorded, .to = chair, .about = a_decision},
	{.id = "decision-bodies", .para = "9.4.1",
	    .what = "tell the Panel, Ofsted and DfE the decision and next "
	    "steps, with the name of any reviewer commissioned",
	    .owner = "partnership", .applies = decision_bodies, .to = bodies,
	    .about = a_decision, .needs = n_reviewer, .needs_if = local_review},
	{.id = "members-letter", .para = "9.4.2",
	    .what = "send the partnership members a letter of notification "
	    "of the local review", .owner = "partnership",
	    .applies = local_review_row, .to = members, .about = a_started},
	{.id = "other-review-agencies", .para = "9.4.4",
	    .what = "notify the relevant agencies of the other type of "
	    "review", .owner = "partnership", .applies = other_review,
	    .to = agencies, .about = a_other},
	{.id = "family-decision", .para = "4.4, 9.4.5",
	    .what = "communicate the decision and its rationale to the family",
	    .owner = "partnership", .applies = decision_recorded, .to = family,
	    .about = a_decision, .done = "decision.communicated_to_family",
	    .needs = n_rationale},
	{.id = "family-notice-with-police", .para = "9.9.3",
	    .what = "agree with a police representative how and when to tell "
	    "the family, criminal proceedings being pending",
	    .owner = "partnership", .applies = criminal_proceedings,
	    .done = "parallel.family_notice_agreed_with_police",
	    .before_at = family_told},
	{.id = "other-partnerships-invited", .para = "9.3.2",
	    .what = "invite the other partnerships with an interest to plan "
	    "and undertake the review jointly", .owner = "partnership",
	    .applies = other_partnerships, .to = others, .about = a_started},
	{.id = "commissioning-letter", .para = "9.6.8",
	    .what = "draw up the external reviewer's commissioning letter and "
	    "contract", .owner = "partnership", .applies = external_reviewer,
	    .done = "review.commissioning_letter"},
	{.id = "sio-consulted", .para = "9.8.3",
	    .what = "discuss the review with the senior investigating officer "
	    "before practitioners are engaged", .owner = "partnership",
	    .applies = criminal_local_review, .done = "parallel.sio_consulted",
	    .before = "review.practitioners_engaged"},
	{.id = "criminal-justice-liaison", .para = "12.3, 13.4",
	    .what = "agree with the criminal justice agencies how the review "
	    "takes account of the criminal proceedings",
	    .owner = "partnership", .applies = criminal_proceedings,
	    .done = "parallel.criminal_justice_liaison"},
	{.id = "coroner", .para = "13.5",
	    .what = "the police panel member tells the coroner that a review "
	    "is being undertaken", .owner = "partnership", .applies = coroner,
	    .to = the_coroner, .about = a_started,
	    .waits = "decision.outcome"},
	{.id = "coroner-liaison", .para = "13.6",
	    .what = "consider with the coroner what information the review "
	    "and the inquest need from each other", .owner = "partnership",
	    .applies = inquest, .done = "parallel.coroner_liaison"},
	{.id = "national-information", .para = "8.2.5",
	    .what = "inform the Panel of the new information suggesting a "
	    "national review, after liaising with the independent chair and "
	    "the safeguarding partners", .owner = "partnership",
	    .applies = national, .to = panel, .about = a_national},
	{.id = "final-report", .para = "9.12.4",
	    .what = "complete the final report", .owner = "partnership",
	    .applies = local_review_row, .from = "decision.date",
	    .clock = MONTHS, .n = 6, .borrowed = "six months from the "
	    "decision as 9.16.1", .done = "report.completed",
	    .waits = "decision.date"},
	{.id = "quality-assured", .para = "9.14.1",
	    .what = "quality assure the final report before publication",
	    .owner = "partnership", .applies = final_report,
	    .done = "report.quality_assured", .before = "publication.published",
	    .waits = "report.completed"},
	{.id = "approved", .para = "9.14.3",
	    .what = "approve the final report before publication",
	    .owner = "partnership", .applies = final_report,
	    .done = "report.approved", .before = "publication.published",
	    .waits = "report.completed"},
	{.id = "response-drafted", .para = "9.14.3",
	    .what = "draft the response to the review, to be published with "
	    "the report", .owner = "partnership", .applies = final_report,
	    .done = "report.response", .before = "publication.published",
	    .waits = "report.completed"},
	{.id = "media-plan", .para = "9.14.4",
	    .what = "plan how to manage the media's response before "
	    "publication", .owner = "partnership", .applies = to_publish,
	    .done = "publication.media_plan", .before = "publication.published",
	    .waits = "report.completed"},
	{.id = "publication", .para = "9.16.1",
	    .what = "publish the final report", .owner = "partnership",
	    .applies = published_review, .from = "decision.date",
	    .clock = MONTHS, .n = 6, .done = "publication.published",
	    .waits = "decision.date"},
	{.id = "delay-reasons", .para = "9.16.3",
	    .what = "tell the Panel and the Secretary of State the reasons "
	    "for the delay to publication", .owner = "partnership",
	    .applies = delay, .late_of = "publication", .to = panel_sos,
	    .about = a_delay, .needs = n_delay},
	{.id = "publication-confirmed", .para = "9.15.3",
	    .what = "confirm to the Panel and the Secretary of State what is "
	    "being published and when", .owner = "partnership",
	    .applies = local_review_row, .to = panel_sos, .about = a_plan},
	{.id = "report-to-panel-and-sos", .para = "9.15.3",
	    .what = "send the full final report to the Panel and the "
	    "Secretary of State", .owner = "partnership",
	    .applies = local_review_row, .clock = REPORT_COPY, .n = 7,
	    .to = panel_sos, .about = a_report, .waits = COPY_WAITS},
	{.id = "improvements-to-panel-and-sos", .para = "9.16.2",
	    .what = "send the published information about improvements to "
	    "the Panel and the Secretary of State", .owner = "partnership",
	    .applies = improvements_only, .clock = REPORT_COPY, .n = 7,
	    .to = panel_sos, .about = a_improvements, .waits = COPY_WAITS},
	{.id = "report-to-ofsted", .para = "9.16.2",
	    .what = "send the final report, or the information about "
	    "improvements, to Ofsted", .owner = "partnership",
	    .applies = local_review_row, .clock = REPORT_COPY, .n = 7,
	    .to = ofsted, .about = a_report_or_improvements,
	    .done_at = ofsted_copy, .waits = COPY_WAITS},
	{.id = "non-publication", .para = "9.15.3",
	    .what = "set out for the Panel and the Secretary of State the "
	    "justification for not publishing the report",
	    .owner = "partnership", .applies = non_publication,
	    .to = panel_sos, .about = a_nonpub, .needs = n_nonpub},
	{.id = "outcome-feedback", .para = "9.14.3",
	    .what = "arrange feedback and debriefing on the review's outcome "
	    "for the family and practitioners", .owner = "partnership",
	    .applies = outcome, .to = family_staff, .about = a_outcome,
	    .waits = "report.approved"},
	{.id = "learning-synopsis", .para = "9.16.4",
	    .what = "draft a synopsis of the learning and make it readily "
	    "accessible", .owner = "partnership", .applies = learning,
	    .done = "learning.synopsis"},
	{.id = "actions-complete", .para = "11.3, 9.14.3",
	    .what = "complete every action and advise the partnership that "
	    "all are complete, before the case is closed",
	    .owner = "partnership", .applies = actions,
	    .done_at = actions_done, .before = "closed"},
};

#define NDUTIES (sizeof(duties) / sizeof(duties[0]))

static const struct duty *
find_duty(const char *id)
{
	/* the first byte first: most rows differ there, and no call */
	for (size_t i = 0; i < NDUTIES; i++)
		if (duties[i].id[0] == id[0] && strcmp(duties[i].id, id) == 0)
			return &duties[i];
	return NULL;
}

/* ---- evaluation ---- */

/* 9.15.3: no later than seven working days (a) after completion or (b)
 * before publication (the planned date until it is published), whichever
 * is the sooner.  from is the date that gave the due date, so a reader can
 * see which of the two clocks it is: with both known and (b) the sooner,
 * from is the publication date and lies after the due date. */
static void
report_copy(struct ctx *c, const struct cspr_calendar *cal, int n,
    struct cspr_when *from, struct cspr_when *due, int *early)
{
	struct cspr_when done = when(c, "report.completed");
	struct cspr_when pub = when(c, "publication.published");

	if (pub.kind == CSPR_WHEN_NONE)
		pub = when(c, "publication.planned");
	if (done.kind != CSPR_WHEN_NONE) {
		*from = done;
		*due = on_day(cspr_add_working_days(cal, cspr_when_date(done),
		    n));
	}
	if (pub.kind != CSPR_WHEN_NONE) {
		struct cspr_when before = on_day(cspr_add_working_days(cal,
		    cspr_when_date(pub), -n));

		if (due->kind == CSPR_WHEN_NONE || before.t < due->t) {
			/* (b) before the report was even complete: it is
			 * publication that came too soon */
			*early = done.kind != CSPR_WHEN_NONE &&
			    cspr_when_date(before) < cspr_when_date(done);
			*from = pub;
			*due = before;
		}
	}
}

/* 7.2's 48 hours: elapsed hours, so 47 or 49 on the wall clock across a
 * change of the clocks; from a bare date D, the end of D+2. */
static struct cspr_when
hours_48(struct cspr_when from)
{
	struct cspr_when due = from;

	if (from.kind == CSPR_WHEN_TIME)
		due.t = cspr_uk_from_utc(cspr_uk_to_utc(from.t) + 48 * 60);
	else if (from.kind == CSPR_WHEN_DATE)
		due = on_day(cspr_when_date(from) + 2);
	if (due.kind == CSPR_WHEN_TIME &&
	    on_day(cspr_when_date(due)).kind == CSPR_WHEN_NONE)
		due.kind = CSPR_WHEN_NONE;
	return due;
}

/* Done on time: to the minute when both are times, else by the day. */
static int
on_time(struct cspr_when done, struct cspr_when due)
{
	if (done.kind == CSPR_WHEN_TIME && due.kind == CSPR_WHEN_TIME)
		return done.t <= due.t;
	return cspr_when_date(done) <= cspr_when_date(due);
}

/* Status and working days left, the same for every row (SPEC section 4);
 * a duty to come before something is overdue once that has happened. */
static void
judge(struct cspr_deadline *d, const struct cspr_calendar *cal,
    cspr_date today, enum applies a, int before, int done)
{
	d->days_left = 0;
	if (done) {
		d->status = CSPR_DONE;
	} else if (d->done.kind != CSPR_WHEN_NONE) {
		d->status = d->due.kind == CSPR_WHEN_NONE ||
		    on_time(d->done, d->due) ? CSPR_DONE : CSPR_LATE;
	} else if (d->due.kind == CSPR_WHEN_NONE) {
		d->status = a == WAITING || d->clock ? CSPR_PENDING : CSPR_DUE;
	} else {
		cspr_date due = cspr_when_date(d->due);

		d->status = today > due || before ? CSPR_OVERDUE : CSPR_DUE;
		d->days_left = cspr_working_days_between(cal, today, due);
		if (d->status == CSPR_OVERDUE && d->days_left > 0)
			d->days_left = 0;
	}
}

static void
need(struct ctx *c, struct cspr_deadline *d, const char *path)
{
	if (!has(c, path) && d->nmissing < CSPR_MAX_DUTY_MISSING)
		d->missing[d->nmissing++] = path;
}

static void eval(const struct duty *r, struct ctx *c,
    const struct cspr_calendar *cal, cspr_date today, enum applies a,
    struct cspr_deadline *d);

static enum applies
applies(const struct duty *r, struct ctx *c,
    const struct cspr_calendar *cal, cspr_date today)
{
	enum applies a = r->applies(c);
	struct cspr_deadline d;

	if (a == NO && r->late_of) {
		eval(find_duty(r->late_of), c, cal, today, NO, &d);
		if (d.applies && (d.status == CSPR_LATE ||
		    d.status == CSPR_OVERDUE))
			a = YES;
	}
	return a;
}

static void
eval(const struct duty *r, struct ctx *c,
    const struct cspr_calendar *cal, cspr_date today, enum applies a,
    struct cspr_deadline *d)
{
	struct cspr_when before = {0, CSPR_WHEN_NONE};

	if (a == NO && (a = applies(r, c, cal, today)) == NO) {
		d->applies = 0;
		return;
	}
	memset(d, 0, sizeof(*d));
	d->applies = 1;
	/* ids are short and static: no formatting per row */
	memcpy(d->id, r->id, strlen(r->id) + 1);
	d->rule = r->id;
	d->para = r->para;
	d->what = r->what;
	d->owner = r->owner;
	d->borrowed = r->borrowed;
	d->to = r->to;
	d->about = r->about;
	d->clock = r->clock != NO_CLOCK;
	d->notice = r->to != NULL || r->clock == NO_CLOCK;
	d->started_by = r->from;
	d->from = r->start ? r->start(c, &d->started_by) :
	    when(c, r->from);
	switch (r->clock) {
	case NO_CLOCK:
		before = r->before_at ? r->before_at(c) :
		    when(c, r->before);
		d->due = before;
		break;
	case WORKING_DAYS:
		if (d->from.kind != CSPR_WHEN_NONE)
			d->due = on_day(cspr_add_working_days(cal,
			    cspr_when_date(d->from), r->n));
		break;
	case HOURS_48:
		d->due = hours_48(d->from);
		break;
	case MONTHS:
		if (d->from.kind != CSPR_WHEN_NONE)
			d->due = on_day(cspr_add_months(
			    cspr_when_date(d->from), r->n));
		break;
	case REPORT_COPY:
		report_copy(c, cal, r->n, &d->from, &d->due, &d->early);
		break;
	}
	d->done = when(c, r->done);
	if (r->to && !r->done_at)
		d->done = earlier(d->done, cspr_log_notice(&c->log, r->to,
		    r->about));
	if (r->done_at && !r->done_if)
		d->done = earlier(d->done, r->done_at(c));
	if (r->done_if && has(c, r->done_if) && r->done_at)
		d->done = r->done_at(c);
	d->before = r->before || r->before_at;
	judge(d, cal, today, a, before.kind != CSPR_WHEN_NONE,
	    r->done_if && has(c, r->done_if));
	if (d->status == CSPR_PENDING)
		d->waits = r->waits;
	if ((d->status == CSPR_DUE || d->status == CSPR_OVERDUE) &&
	    (!r->needs_if || r->needs_if(c)))
		for (const char *const *p = r->needs; p && *p; p++)
			need(c, d, *p);
}

/* Which rows of the table a tool asks for. */
enum rows {
	ROWS_ALL,     /* cspr_duties_eval, cspr_duty_eval */
	ROWS_CLOCKED, /* csp-deadlines: the rows with a clock */
	ROWS_NOTICES, /* csp-notify: the rows that tell someone */
};

/* A row for the end of v, or NULL on out of memory. */
static struct cspr_deadline *
slot(struct cspr_deadline **v, size_t *n, size_t *cap)
{
	if (cspr_grow(v, cap, *n + 1, sizeof(**v)) < 0)
		return NULL;
	return &(*v)[*n];
}

/* The table's rows that which asks for and that apply to the case, each
 * evaluated once, straight into v.  0, or -1 on out of memory. */
static int
eval_table(struct ctx *c, const struct cspr_calendar *cal,
    cspr_date today, enum rows which, struct cspr_deadline **v, size_t *n,
    size_t *cap)
{
	/* room for every row at once, not a check before each */
	if (cspr_grow(v, cap, *n + NDUTIES, sizeof(**v)) < 0)
		return -1;
	for (size_t i = 0; i < NDUTIES; i++) {
		const struct duty *r = &duties[i];
		struct cspr_deadline *d = &(*v)[*n];

		if (which == ROWS_CLOCKED && r->clock == NO_CLOCK)
			continue;
		/* a clock that tells no one is csp-deadlines' alone */
		if (which == ROWS_NOTICES && r->clock != NO_CLOCK && !r->to)
			continue;
		eval(r, c, cal, today, NO, d);
		if (d->applies && (which != ROWS_NOTICES || d->notice))
			(*n)++;
	}
	return 0;
}

/* 11.2: every action is followed up to its due date. */
static int
eval_actions(const json_t *root, const struct cspr_calendar *cal,
    cspr_date today, struct cspr_deadlines *out)
{
	json_t *list = cspr_get(root, "actions"), *a;
	struct cspr_deadline *d;
	size_t i;

	json_array_foreach(list, i, a) {
		json_t *id = json_object_get(a, "id");
		const char *text = cspr_get_str(a, "action");

		if (!(d = slot(&out->v, &out->n, &out->cap)))
			return -1;
		memset(d, 0, sizeof(*d));
		if (json_is_integer(id))
			snprintf(d->action, sizeof(d->action), "%"
			    JSON_INTEGER_FORMAT, json_integer_value(id));
		else
			snprintf(d->action, sizeof(d->action), "%s",
			    json_string_value(id) ? json_string_value(id) : "");
		snprintf(d->id, sizeof(d->id), "action:%s", d->action);
		d->applies = d->clock = 1;
		d->rule = "action";
		d->para = "11.2";
		d->what = text ? text : "complete the action";
		d->owner = "partnership";
		d->due = cspr_when_get(a, "due");
		d->done = cspr_when_get(a, "completed");
		judge(d, cal, today, YES, 0, 0);
		out->n++;
	}
	return 0;
}

/* The rows which asks for, then the actions: csp-deadlines' rows and
 * cspr_duties_eval's. */
static int
eval_deadlines(const json_t *root, const struct cspr_calendar *cal,
    cspr_date today, enum rows which, struct cspr_deadlines *out)
{
	struct ctx c;
	int r = -1;

	if (ctx_open(&c, root, which == ROWS_ALL) < 0)
		return -1;
	if (eval_table(&c, cal, today, which, &out->v, &out->n,
	    &out->cap) == 0)
		r = eval_actions(root, cal, today, out);
	ctx_close(&c);
	return r;
}

int
cspr_duties_eval(const json_t *root, const struct cspr_calendar *cal,
    cspr_date today, struct cspr_deadlines *out)
{
	return eval_deadlines(root, cal, today, ROWS_ALL, out);
}

int
cspr_duty_eval(const json_t *root, const struct cspr_calendar *cal,
    cspr_date today, const char *id, struct cspr_deadline *d)
{
	const struct duty *r = find_duty(id);
	struct ctx c;

	memset(d, 0, sizeof(*d));
	if (!r || ctx_open(&c, root, 1) < 0)
		return -1;
	eval(r, &c, cal, today, NO, d);
	ctx_close(&c);
	return d->applies;
}

const char *
cspr_duty_what(const char *id, const char **para)
{
	const struct duty *r = find_duty(id);

	if (para)
		*para = r ? r->para : NULL;
	return r ? r->what : NULL;
}

const struct cspr_deadline *
cspr_deadline_find(const struct cspr_deadlines *ds, const char *id)
{
	for (size_t i = 0; i < ds->n; i++)
		if (strcmp(ds->v[i].id, id) == 0)
			return &ds->v[i];
	return NULL;
}

int
cspr_deadlines_eval(const json_t *root, const struct cspr_calendar *cal,
    cspr_date today, struct cspr_deadlines *out)
{
	return eval_deadlines(root, cal, today, ROWS_CLOCKED, out);
}

void
cspr_deadlines_clear(struct cspr_deadlines *ds)
{
	free(ds->v);
	ds->v = NULL;
	ds->n = ds->cap = 0;
}

/* ---- csp-notify: obligations, and the notifications log ---- */

/* 9.4.3: what goes to an external body is anonymised; the log as the
 * rows read it, entry i being notifications[i]. */
static int
log_checks(const struct cspr_log *log, struct cspr_obligations *out)
{
	static const char *const external[] = {"panel", "ofsted", "dfe",
	    "secretary_of_state", NULL};
	char on[20];

	for (size_t i = 0; i < log->n; i++) {
		const struct cspr_log_entry *x = &log->v[i];
		int anon = x->anonymised;

		if (!any_of(x->to, external) || anon == 1)
			continue;
		cspr_when_str(x->when, on);
		if (cspr_findings_add(anon == 0 ? &out->findings :
		    &out->unknown, anon == 0 ? "not-anonymised" :
		    "anonymised-unknown", "9.4.3", anon == 0 ?
		    "notifications[%zu] to %s about %s%s%s records anonymised: "
		    "false; what goes to an external body must be anonymised "
		    "(9.4.3)." : "notifications[%zu] to %s about %s%s%s does "
		    "not record whether it was anonymised (9.4.3).", i,
		    cspr_recipient(x->to), x->about ? x->about :
		    "(not recorded)", *on ? " on " : "", on) < 0)
			return -1;
	}
	return 0;
}

/* 11.3, 9.14.3: the review is concluded when all actions are done. */
static int
closed_open(struct ctx *c, struct cspr_obligations *out)
{
	const json_t *list, *a;
	char ids[256] = "", on[20];
	size_t i, n = 0, k;

	if (!has(c, "closed"))
		return 0;
	list = field(c, "actions");
	json_array_foreach(list, i, a) {
		json_t *id = json_object_get(a, "id");

		if (cspr_has(a, "completed"))
			continue;
		k = strlen(ids);
		if (json_is_integer(id))
			snprintf(ids + k, sizeof(ids) - k, "%s%" JSON_INTEGER_FORMAT,
			    n ? ", " : "", json_integer_value(id));
		else
			snprintf(ids + k, sizeof(ids) - k, "%s%s", n ? ", " : "",
			    json_string_value(id) ? json_string_value(id) :
			    "(no id)");
		n++;
	}
	if (n == 0)
		return 0;
	cspr_when_str(when(c, "closed"), on);
	return cspr_findings_add(&out->findings, "closed-with-open-action",
	    "11.3, 9.14.3", "The case was closed on %s with action%s %s not "
	    "completed; the review is concluded when all actions are "
	    "implemented (11.3, 9.14.3).", on, n == 1 ? "" : "s", ids);
}

int
cspr_obligations_eval(const json_t *root, const struct cspr_calendar *cal,
    cspr_date today, struct cspr_obligations *out)
{
	struct ctx c;
	int r = -1;

	if (ctx_open(&c, root, 1) < 0)
		return -1;
	if (eval_table(&c, cal, today, ROWS_NOTICES, &out->v, &out->n,
	    &out->cap) == 0 && log_checks(&c.log, out) == 0 &&
	    closed_open(&c, out) == 0)
		r = 0;
	ctx_close(&c);
	return r;
}

void
cspr_obligations_clear(struct cspr_obligations *os)
{
	free(os->v);
	os->v = NULL;
	os->n = os->cap = 0;
	cspr_findings_clear(&os->findings);
	cspr_findings_clear(&os->unknown);
}
