/*
 * deadlines.c - every deadline of the procedure, as one table.
 *
 * Each row of rules[] is a row of the deadline table of SPEC section 4:
 * when it applies, the date it runs from, how long it runs, what marks it
 * done, who owns it, and the paragraph of the procedure that sets it.  The
 * notification rows also say to whom and about what, so that csp-notify
 * reads the same rows instead of keeping a second copy; a row with both a
 * done field and recipients (8.2.4) is done by the field.  Missing inputs
 * never make an error: a rule that applies but cannot start is "pending".
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

/* How the due moment follows from the start. */
enum span { WORKING_DAYS, HOURS_48, MONTHS, REPORT_COPY };

struct rule {
	const char *id;
	const char *para;
	const char *what;
	const char *owner;
	int (*applies)(const json_t *root);
	const char *from; /* the field the clock runs from */
	enum span span;
	int n;
	/* done: a field, or the notifications to every recipient in to[]
	 * about any of about[] (the latest recipient's first notice); to[]
	 * and about[] name a notification row's message even when a field
	 * marks it done */
	const char *done;
	const char *const *to;
	const char *const *about;
};

/* ---- when a rule applies ---- */

static int
is(const json_t *root, const char *path, const char *value)
{
	const char *s = cspr_get_str(root, path);

	return s && strcmp(s, value) == 0;
}

static int
notifiable(const json_t *root)
{
	return cspr_notifiable(root) == 1;
}

static int
looked_after_death(const json_t *root)
{
	return cspr_get_bool(root, "child.looked_after") == 1 &&
	    is(root, "incident.outcome", "died");
}

static int
referral_received(const json_t *root)
{
	return cspr_get(root, "referral.received") != NULL;
}

static int
rapid_review(const json_t *root)
{
	json_t *types = cspr_get(root, "referral.types");
	size_t i;
	json_t *t;

	if (cspr_get(root, "incident.notified"))
		return 1;
	json_array_foreach(types, i, t)
		if (json_is_string(t) &&
		    strcmp(json_string_value(t), "rapid_review") == 0)
			return 1;
	return 0;
}

static int
submitted_to_panel(const json_t *root)
{
	return cspr_get(root, "rapid_review.submitted_to_panel") != NULL;
}

static int
local_review(const json_t *root)
{
	return is(root, "decision.outcome", "local_review");
}

static int
published_review(const json_t *root)
{
	return local_review(root) && !is(root, "publication.kind", "none");
}

static const char *const panel[] = {"panel", NULL};
static const char *const partners[] = {"safeguarding_partners",
    "independent_chair", "business_manager", NULL};
static const char *const sos_ofsted[] = {"secretary_of_state", "ofsted",
    NULL};
static const char *const panel_sos[] = {"panel", "secretary_of_state", NULL};
static const char *const ofsted[] = {"ofsted", NULL};
static const char *const incident[] = {"incident", NULL};
static const char *const la_death[] = {"looked_after_death", NULL};
static const char *const report[] = {"final_report", "improvements", NULL};
static const char *const rapid[] = {"rapid_review", NULL};

/* The deadline table.  Owners: the local authority (5.4), the partnership
 * and its Team, or the Panel; only the first two make csp-deadlines exit 1
 * when overdue.  Three rows take their period from a neighbour, as SPEC
 * does: 5.3 has none of its own (the five working days of 5.1 and 5.2),
 * nor has 8.2.4 (the rapid review's 15, 8.2.1 and its footnote 7), and
 * 9.12.4's six months run from the decision as 9.16.1 says. */
static const struct rule rules[] = {
	{"panel-notification", "5.1", "notify the Panel of the incident",
	    "local_authority", notifiable, "incident.la_aware", WORKING_DAYS,
	    5, NULL, panel, incident},
	{"partners-report", "5.2", "report the incident to the safeguarding "
	    "partners, independent chair and business manager",
	    "local_authority", notifiable, "incident.la_aware", WORKING_DAYS,
	    5, NULL, partners, incident},
	{"looked-after-death", "5.3", "notify the Secretary of State and "
	    "Ofsted of the looked-after child's death", "local_authority",
	    looked_after_death, "incident.la_aware", WORKING_DAYS, 5, NULL,
	    sos_ofsted, la_death},
	{"referral-confirmation", "7.2", "confirm the referral in writing on "
	    "the Appendix B form", "partnership", referral_received,
	    "referral.received", HOURS_48, 0, "referral.confirmed", NULL, NULL},
	{"rapid-review", "8.2.1", "complete the rapid review", "partnership",
	    rapid_review, "incident.notified", WORKING_DAYS, 15,
	    "rapid_review.completed", NULL, NULL},
	{"rapid-review-to-panel", "8.2.4", "send the rapid review to the "
	    "Panel", "partnership", rapid_review, "incident.notified",
	    WORKING_DAYS, 15, "rapid_review.submitted_to_panel", panel, rapid},
	{"panel-response", "10.3.1", "the Panel's response to the rapid "
	    "review", "panel", submitted_to_panel,
	    "rapid_review.submitted_to_panel", WORKING_DAYS, 15,
	    "rapid_review.panel_response.date", NULL, NULL},
	{"final-report", "9.12.4", "complete the final report", "partnership",
	    local_review, "decision.date", MONTHS, 6, "report.completed", NULL,
	    NULL},
	{"publication", "9.16.1", "publish the final report", "partnership",
	    published_review, "decision.date", MONTHS, 6,
	    "publication.published", NULL, NULL},
	{"report-to-panel-and-sos", "9.15.3", "send the final report to the "
	    "Panel and the Secretary of State", "partnership", local_review,
	    NULL, REPORT_COPY, 7, NULL, panel_sos, report},
	{"report-to-ofsted", "9.16.2", "send the final report to Ofsted",
	    "partnership", local_review, NULL, REPORT_COPY, 7, NULL, ofsted,
	    report},
};

/* ---- moments ---- */

static struct cspr_when
when_of(const json_t *root, const char *path)
{
	struct cspr_when w = {0, CSPR_WHEN_NONE};
	const char *s = path ? cspr_get_str(root, path) : NULL;
	int r;

	if (s && (r = cspr_datetime_parse(s, &w.t)) >= 0)
		w.kind = r == 1 ? CSPR_WHEN_TIME : CSPR_WHEN_DATE;
	return w;
}

static struct cspr_when
on_day(cspr_date d)
{
	struct cspr_when w = {(cspr_time)d * 1440, CSPR_WHEN_DATE};

	return w;
}

cspr_date
cspr_when_date(struct cspr_when w)
{
	return (cspr_date)((w.t >= 0 ? w.t : w.t - 1439) / 1440);
}

/* Done on time: to the minute when both are times, else by the day. */
static int
on_time(struct cspr_when done, struct cspr_when due)
{
	if (done.kind == CSPR_WHEN_TIME && due.kind == CSPR_WHEN_TIME)
		return done.t <= due.t;
	return cspr_when_date(done) <= cspr_when_date(due);
}

/* The first notice to one recipient about any of about[]. */
static struct cspr_when
first_notice(const json_t *root, const char *to, const char *const *about)
{
	json_t *log = cspr_get(root, "notifications"), *x;
	struct cspr_when best = {0, CSPR_WHEN_NONE};
	size_t i;

	json_array_foreach(log, i, x) {
		const char *t = json_string_value(json_object_get(x, "to"));
		const char *a = json_string_value(json_object_get(x, "about"));
		struct cspr_when w;
		int match = 0;

		if (!t || !a || strcmp(t, to) != 0)
			continue;
		for (const char *const *p = about; *p; p++)
			match |= strcmp(a, *p) == 0;
		w = when_of(x, "date");
		if (match && w.kind != CSPR_WHEN_NONE &&
		    (best.kind == CSPR_WHEN_NONE || w.t < best.t))
			best = w;
	}
	return best;
}

struct cspr_when
cspr_notice(const json_t *root, const char *const *to,
    const char *const *about)
{
	struct cspr_when done = {0, CSPR_WHEN_NONE};

	for (const char *const *p = to; *p; p++) {
		struct cspr_when w = first_notice(root, *p, about);

		if (w.kind == CSPR_WHEN_NONE)
			return w;
		if (done.kind == CSPR_WHEN_NONE || w.t > done.t)
			done = w;
	}
	return done;
}

/* 9.15.3: no later than seven working days (a) after completion or (b)
 * before publication (the planned date until it is published), whichever
 * is the sooner.  from is the date that gave the due date, so a reader can
 * see which of the two clocks it is: with both known and (b) the sooner,
 * from is the publication date and lies after the due date. */
static void
report_copy(const json_t *root, const struct cspr_calendar *cal, int n,
    struct cspr_when *from, struct cspr_when *due)
{
	struct cspr_when done = when_of(root, "report.completed");
	struct cspr_when pub = when_of(root, "publication.published");

	if (pub.kind == CSPR_WHEN_NONE)
		pub = when_of(root, "publication.planned");
	if (done.kind != CSPR_WHEN_NONE) {
		*from = done;
		*due = on_day(cspr_add_working_days(cal, cspr_when_date(done),
		    n));
	}
	if (pub.kind != CSPR_WHEN_NONE) {
		struct cspr_when before = on_day(cspr_add_working_days(cal,
		    cspr_when_date(pub), -n));

		if (due->kind == CSPR_WHEN_NONE || before.t < due->t) {
			*from = pub;
			*due = before;
		}
	}
}

/* ---- evaluation ---- */

static int
push(struct cspr_deadlines *out, const struct cspr_deadline *d)
{
	if (cspr_grow(&out->v, &out->cap, out->n + 1, sizeof(*out->v)) < 0)
		return -1;
	out->v[out->n++] = *d;
	return 0;
}

/* Status and working days left, the same for every row (SPEC section 4). */
static void
judge(struct cspr_deadline *d, const struct cspr_calendar *cal,
    cspr_date today)
{
	d->days_left = 0;
	if (d->done.kind != CSPR_WHEN_NONE) {
		d->status = d->due.kind == CSPR_WHEN_NONE ||
		    on_time(d->done, d->due) ? CSPR_DONE : CSPR_LATE;
	} else if (d->due.kind == CSPR_WHEN_NONE) {
		d->status = CSPR_PENDING;
	} else {
		cspr_date due = cspr_when_date(d->due);

		d->status = today > due ? CSPR_OVERDUE : CSPR_DUE;
		d->days_left = cspr_working_days_between(cal, today, due);
	}
}

static void
eval_rule(const struct rule *r, const json_t *root,
    const struct cspr_calendar *cal, struct cspr_deadline *d)
{
	memset(d, 0, sizeof(*d));
	snprintf(d->id, sizeof(d->id), "%s", r->id);
	d->rule = r->id;
	d->para = r->para;
	d->what = r->what;
	d->owner = r->owner;
	d->to = r->to;
	d->about = r->about;
	d->from = when_of(root, r->from);
	switch (r->span) {
	case WORKING_DAYS:
		if (d->from.kind != CSPR_WHEN_NONE)
			d->due = on_day(cspr_add_working_days(cal,
			    cspr_when_date(d->from), r->n));
		break;
	case HOURS_48:
		/* from a date-time, 48 hours on; from a bare date D, the end
		 * of D+2 (7.2) */
		if (d->from.kind == CSPR_WHEN_TIME) {
			d->due = d->from;
			d->due.t += 48 * 60;
		} else if (d->from.kind == CSPR_WHEN_DATE) {
			d->due = on_day(cspr_when_date(d->from) + 2);
		}
		break;
	case MONTHS:
		if (d->from.kind != CSPR_WHEN_NONE)
			d->due = on_day(cspr_add_months(
			    cspr_when_date(d->from), r->n));
		break;
	case REPORT_COPY:
		report_copy(root, cal, r->n, &d->from, &d->due);
		break;
	}
	d->done = r->done ? when_of(root, r->done) :
	    cspr_notice(root, r->to, r->about);
}

int
cspr_deadlines_eval(const json_t *root, const struct cspr_calendar *cal,
    cspr_date today, struct cspr_deadlines *out)
{
	struct cspr_deadline d;
	json_t *actions, *a;
	size_t i;

	for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		if (!rules[i].applies(root))
			continue;
		eval_rule(&rules[i], root, cal, &d);
		judge(&d, cal, today);
		if (push(out, &d) < 0)
			return -1;
	}
	/* 11.2: every action is followed up to its due date */
	actions = cspr_get(root, "actions");
	json_array_foreach(actions, i, a) {
		json_t *id = json_object_get(a, "id");
		const char *text = cspr_get_str(a, "action");

		memset(&d, 0, sizeof(d));
		if (json_is_integer(id))
			snprintf(d.id, sizeof(d.id), "action:%" JSON_INTEGER_FORMAT,
			    json_integer_value(id));
		else
			snprintf(d.id, sizeof(d.id), "action:%s",
			    json_string_value(id) ? json_string_value(id) : "");
		d.rule = "action";
		d.para = "11.2";
		d.what = text ? text : "complete the action";
		d.owner = "partnership";
		d.due = when_of(a, "due");
		d.done = when_of(a, "completed");
		judge(&d, cal, today);
		if (push(out, &d) < 0)
			return -1;
	}
	return 0;
}

void
cspr_deadlines_clear(struct cspr_deadlines *ds)
{
	free(ds->v);
	ds->v = NULL;
	ds->n = ds->cap = 0;
}

const char *
cspr_status_name(enum cspr_status s)
{
	static const char *const names[] = {"done", "late", "overdue", "due",
	    "pending"};

	return names[s];
}

char *
cspr_when_str(struct cspr_when w, char *buf)
{
	switch (w.kind) {
	case CSPR_WHEN_DATE:
		return cspr_date_str(cspr_when_date(w), buf);
	case CSPR_WHEN_TIME:
		return cspr_time_str(w.t, buf);
	default:
		buf[0] = '\0';
		return buf;
	}
}

json_t *
cspr_when_json(struct cspr_when w)
{
	char buf[20];

	return w.kind == CSPR_WHEN_NONE ? json_null() :
	    json_string(cspr_when_str(w, buf));
}

json_t *
cspr_deadline_json(const struct cspr_deadline *d)
{
	int open = d->status == CSPR_DUE || d->status == CSPR_OVERDUE;

	return json_pack("{s:s, s:s, s:s, s:o, s:o, s:o, s:s, s:o}",
	    "rule", d->id, "para", d->para, "what", d->what,
	    "from", cspr_when_json(d->from), "due", cspr_when_json(d->due),
	    "done", cspr_when_json(d->done), "status",
	    cspr_status_name(d->status), "working_days_left",
	    open ? json_integer(d->days_left) : json_null());
}
