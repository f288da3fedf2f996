/*
 * deadlines.c - moments, notices and the record of a duty.
 *
 * The duties themselves are one table in duties.c.  This file holds what
 * their records are made of and how they are shown: a moment as a case
 * records it, when the notifications log says someone was told, and a
 * duty as JSON for csp-deadlines and csp-notify.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

struct cspr_when
cspr_when_of(const char *s)
{
	struct cspr_when w = {0, CSPR_WHEN_NONE};
	int r;

	if (s && (r = cspr_datetime_parse(s, &w.t)) >= 0)
		w.kind = r == 1 ? CSPR_WHEN_TIME : CSPR_WHEN_DATE;
	return w;
}

struct cspr_when
cspr_when_get(const json_t *root, const char *path)
{
	return cspr_when_of(path ? cspr_get_str(root, path) : NULL);
}

cspr_date
cspr_when_date(struct cspr_when w)
{
	return (cspr_date)((w.t >= 0 ? w.t : w.t - 1439) / 1440);
}

/* ---- notices ---- */

#define MAX_TO 8 /* recipients of one duty; the table has at most 3 */

/* One home for "told": each recipient's first notice about any of
 * about[] in the log, then the latest of those, or none while one of them
 * has not been told.  The functions below, to cspr_log_notice, are it.
 *
 * The recipient of to[] that an entry to e_to about e_about tells, or -1;
 * asked before the entry's date, which only a match needs.  Names are
 * compared on their first byte first: most differ there. */
static int
notice_to(const char *const *to, const char *const *about,
    const char *e_to, const char *e_about)
{
	int match = 0;

	if (!e_to || !e_about)
		return -1;
	for (const char *const *a = about; *a && !match; a++)
		match = e_about[0] == (*a)[0] && strcmp(e_about, *a) == 0;
	for (int i = 0; match && to[i] && i < MAX_TO; i++)
		if (e_to[0] == to[i][0] && strcmp(e_to, to[i]) == 0)
			return i;
	return -1;
}

static void
notice_add(struct cspr_when *first, int i, struct cspr_when when)
{
	if (i >= 0 && when.kind != CSPR_WHEN_NONE && (first[i].kind ==
	    CSPR_WHEN_NONE || when.t < first[i].t))
		first[i] = when;
}

static struct cspr_when
notice_latest(const struct cspr_when *first, const char *const *to)
{
	struct cspr_when none = {0, CSPR_WHEN_NONE}, done = none;

	for (size_t i = 0; to[i] && i < MAX_TO; i++) {
		if (first[i].kind == CSPR_WHEN_NONE)
			return none;
		if (done.kind == CSPR_WHEN_NONE || first[i].t > done.t)
			done = first[i];
	}
	return done;
}

/* An entry's keys taken in one pass, not looked up one by one: the log
 * is read for every case.  The date is left a string, for only a match
 * needs it parsed. */
static const char *
entry_keys(json_t *x, struct cspr_log_entry *e)
{
	const char *date = NULL;

	e->to = e->about = NULL;
	e->anonymised = -1;
	for (void *it = json_object_iter(x); it;
	    it = json_object_iter_next(x, it)) {
		const char *k = json_object_iter_key(it);
		json_t *v = json_object_iter_value(it);

		if (strcmp(k, "to") == 0)
			e->to = json_string_value(v);
		else if (strcmp(k, "about") == 0)
			e->about = json_string_value(v);
		else if (strcmp(k, "date") == 0)
			date = json_string_value(v);
		else if (strcmp(k, "anonymised") == 0)
			e->anonymised = cspr_bool(v);
	}
	return date;
}

struct cspr_when
cspr_notice(const json_t *root, const char *const *to,
    const char *const *about)
{
	struct cspr_when first[MAX_TO] = {{0, CSPR_WHEN_NONE}};
	json_t *log = cspr_get(root, "notifications"), *x;
	struct cspr_log_entry e;
	const char *date;
	size_t i;
	int k;

	json_array_foreach(log, i, x) {
		date = entry_keys(x, &e);
		if ((k = notice_to(to, about, e.to, e.about)) >= 0)
			notice_add(first, k, cspr_when_of(date));
	}
	return notice_latest(first, to);
}

int
cspr_log_read(const json_t *root, struct cspr_log *log)
{
	json_t *list = cspr_get(root, "notifications"), *x;
	size_t i, n = json_array_size(list);

	log->v = NULL;
	log->n = 0;
	if (n && !(log->v = malloc(n * sizeof(*log->v))))
		return -1;
	json_array_foreach(list, i, x) {
		struct cspr_log_entry *e = &log->v[log->n++];

		e->when = cspr_when_of(entry_keys(x, e));
	}
	return 0;
}

void
cspr_log_firsts(const struct cspr_log *log, const char *const *to,
    const char *const *about, struct cspr_when *first)
{
	for (size_t i = 0; to[i] && i < MAX_TO; i++)
		first[i].kind = CSPR_WHEN_NONE;
	for (size_t i = 0; i < log->n; i++) {
		const struct cspr_log_entry *e = &log->v[i];

		notice_add(first, notice_to(to, about, e->to, e->about),
		    e->when);
	}
}

struct cspr_when
cspr_log_notice(const struct cspr_log *log, const char *const *to,
    const char *const *about)
{
	struct cspr_when first[MAX_TO];

	cspr_log_firsts(log, to, about, first);
	return notice_latest(first, to);
}

void
cspr_log_clear(struct cspr_log *log)
{
	free(log->v);
	log->v = NULL;
	log->n = 0;
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

	return cspr_json_object(8, "rule", json_string(d->id), "para",
	    json_string(d->para), "what", json_string(d->what), "from",
	    cspr_when_json(d->from), "due", cspr_when_json(d->due), "done",
	    cspr_when_json(d->done), "status",
	    json_string(cspr_status_name(d->status)), "working_days_left",
	    open ? json_integer(d->days_left) : json_null());
}

json_t *
cspr_obligation_json(const struct cspr_deadline *d)
{
	json_t *to = json_array(), *missing = json_array();

	if (!to || !missing)
		goto fail;
	for (const char *const *p = d->to; p && *p; p++)
		if (json_array_append_new(to, json_string(*p)) < 0)
			goto fail;
	for (size_t i = 0; i < d->nmissing; i++)
		if (json_array_append_new(missing, json_string(d->missing[i])) <
		    0)
			goto fail;
	/* to and missing are taken over, even when it fails */
	return cspr_json_object(8, "id", json_string(d->id), "para",
	    json_string(d->para), "to", to, "about", d->about ?
	    json_string(d->about[0]) : json_null(), "due",
	    cspr_when_json(d->due), "done", cspr_when_json(d->done), "status",
	    json_string(cspr_status_name(d->status)), "missing", missing);
fail:
	json_decref(to);
	json_decref(missing);
	return NULL;
}

/* ---- recipients in words ---- */

static const struct {
	const char *to;
	const char *words;
} recipients[] = {
	{.to = "panel", .words = "the Panel"},
	{.to = "ofsted", .words = "Ofsted"},
	{.to = "dfe", .words = "DfE"},
	{.to = "secretary_of_state", .words = "the Secretary of State"},
	{.to = "safeguarding_partners", .words = "the safeguarding partners"},
	{.to = "independent_chair", .words = "the independent chair"},
	{.to = "business_manager", .words = "the business manager"},
	{.to = "partnership_members", .words = "the partnership members"},
	{.to = "relevant_agencies", .words = "the relevant agencies"},
	{.to = "other_partnerships", .words = "the other partnerships"},
	{.to = "family", .words = "the family"},
	{.to = "coroner", .words = "the coroner"},
	{.to = "practitioners", .words = "the practitioners"},
};

const char *
cspr_recipient(const char *to)
{
	for (size_t i = 0; i < sizeof(recipients) / sizeof(recipients[0]);
	    i++)
		if (strcmp(recipients[i].to, to) == 0)
			return recipients[i].words;
	return to;
}

int
cspr_recipients(char *buf, size_t size, const json_t *root,
    const char *const *to, const char *const *about)
{
	const char *pick[16];
	int k = 0;
	size_t n;

	buf[0] = '\0';
	for (const char *const *t = to; t && *t && k < 16; t++) {
		const char *one[] = {*t, NULL};

		if (!root || cspr_notice(root, one, about).kind ==
		    CSPR_WHEN_NONE)
			pick[k++] = *t;
	}
	for (int i = 0; i < k; i++) {
		n = strlen(buf);
		snprintf(buf + n, size - n, "%s%s", i == 0 ? "" : i == k - 1 ?
		    " and " : ", ", cspr_recipient(pick[i]));
	}
	return k;
}

char *
cspr_late_str(const struct cspr_calendar *c, struct cspr_when due,
    struct cspr_when at, char *buf, size_t size)
{
	cspr_date a = cspr_when_date(due), b = cspr_when_date(at);
	long k = cspr_working_days_between(c, a, b), h;

	if (k > 0)
		snprintf(buf, size, "%ld working day%s", k, k == 1 ? "" : "s");
	else if (b > a)
		/* after the due day, but on a weekend or holiday */
		snprintf(buf, size, "%ld day%s", (long)(b - a),
		    b - a == 1 ? "" : "s");
	else if (due.kind == CSPR_WHEN_TIME && at.kind == CSPR_WHEN_TIME &&
	    (h = (long)((at.t - due.t + 59) / 60)) > 0)
		snprintf(buf, size, "%ld hour%s", h, h == 1 ? "" : "s");
	else
		snprintf(buf, size, "less than an hour");
	return buf;
}
