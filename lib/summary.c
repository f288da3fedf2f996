/*
 * summary.c - where every case stands (csp-summary).
 *
 * Two things are new here: the stage a case has reached, one table of
 * rules each citing its paragraphs; and the figures across cases (the
 * timeliness of each rule, the funnel of a yearly report).  No duty is
 * worked out here: a case's duties are the rows the library evaluates for
 * csp-deadlines and csp-notify, read in one place, duties_eval() below.
 *
 * A summary keeps one small record per case, its strings in an arena of
 * large blocks, never the case's tree, so that a folder of 100,000 cases
 * costs a few megabytes; the working days taken go into a histogram, not
 * a list.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---- stages ---- */

/* Something recorded at v, as cspr_recorded() says of a value, and of a
 * mapping or a list only when something inside it is: a skeleton such as
 * csp-refer --template writes ("rapid_review: {completed: }") has
 * nothing recorded yet. */
static int
recorded(const json_t *v)
{
	const char *k;
	json_t *x;
	size_t i;

	if (json_is_object(v)) {
		json_object_foreach((json_t *)v, k, x)
			if (recorded(x))
				return 1;
		return 0;
	}
	if (json_is_array(v)) {
		json_array_foreach(v, i, x)
			if (recorded(x))
				return 1;
		return 0;
	}
	return cspr_recorded(v);
}

static int
has(const json_t *root, const char *path)
{
	return recorded(cspr_get(root, path));
}

static int
is(const json_t *root, const char *path, const char *value)
{
	const char *s = cspr_get_str(root, path);

	return s && strcmp(s, value) == 0;
}

static int
closed(const json_t *root)
{
	return has(root, "closed");
}

static int
published(const json_t *root)
{
	return has(root, "publication.published");
}

/* The review's own work is over: its report published, a report that is
 * not to be published completed, or a decision for something other than
 * a local review (another review, a national one, none). */
static int
finished(const json_t *root)
{
	return published(root) ||
	    (is(root, "publication.kind", "none") &&
	    has(root, "report.completed")) ||
	    (has(root, "decision.outcome") &&
	    !is(root, "decision.outcome", "local_review"));
}

static int
monitoring(const json_t *root)
{
	json_t *actions = cspr_get(root, "actions"), *a;
	size_t i;

	if (!finished(root))
		return 0;
	json_array_foreach(actions, i, a)
		if (!has(a, "completed"))
			return 1;
	return 0;
}

static int
report(const json_t *root)
{
	return has(root, "report.completed");
}

static int
review(const json_t *root)
{
	return is(root, "decision.outcome", "local_review");
}

static int
decision(const json_t *root)
{
	return has(root, "decision") || has(root, "rapid_review.completed");
}

static int
rapid_review(const json_t *root)
{
	return has(root, "rapid_review");
}

static int
any(const json_t *root)
{
	(void)root;
	return 1;
}

/* The stages, last first: a case is at the first whose test it passes. */
static const struct stage {
	enum cspr_stage stage;
	const char *name, *title;
	const char *para;
	int (*reached)(const json_t *root);
} stages[] = {
	/* "formally conclude the review process when all the actions have
	 * been implemented": closed is recorded */
	{.stage = CSPR_STAGE_CLOSED, .name = "closed", .title = "closed",
	    .para = "9.14.3", .reached = closed},
	/* an action is open after the report is published or another kind
	 * of review (or none) was decided: the LIG monitors the action plan */
	{.stage = CSPR_STAGE_MONITORING, .name = "monitoring_actions",
	    .title = "monitoring actions", .para = "6.1, 11.2, 11.3",
	    .reached = monitoring},
	{.stage = CSPR_STAGE_PUBLISHED, .name = "published",
	    .title = "published", .para = "9.15.1, 9.16.1",
	    .reached = published},
	/* the final report is completed; assurance, approval and
	 * publication are to come */
	{.stage = CSPR_STAGE_REPORT, .name = "report", .title = "report",
	    .para = "9.12.4, 9.14", .reached = report},
	/* the partners decided on a local review */
	{.stage = CSPR_STAGE_REVIEW, .name = "review", .title = "review",
	    .para = "9.4.2, 9.16.1", .reached = review},
	/* a decision is recorded (for another review, or none), or the rapid
	 * review is completed and the partners are to decide */
	{.stage = CSPR_STAGE_DECISION, .name = "decision",
	    .title = "decision", .para = "8.2.4, 9.4", .reached = decision},
	/* the rapid review has begun: something of it is recorded */
	{.stage = CSPR_STAGE_RAPID_REVIEW, .name = "rapid_review",
	    .title = "rapid review", .para = "8.2", .reached = rapid_review},
	{.stage = CSPR_STAGE_REFERRAL, .name = "referral",
	    .title = "referral", .para = "7", .reached = any},
};

#define NSTAGES (sizeof(stages) / sizeof(stages[0]))

static const struct stage *
stage_of(enum cspr_stage s)
{
	for (size_t i = 0; i < NSTAGES; i++)
		if (stages[i].stage == s)
			return &stages[i];
	return &stages[NSTAGES - 1];
}

enum cspr_stage
cspr_stage(const json_t *root)
{
	size_t i;

	for (i = 0; i < NSTAGES - 1; i++)
		if (stages[i].reached(root))
			break;
	return stages[i].stage;
}

const char *
cspr_stage_name(enum cspr_stage s)
{
	return stage_of(s)->name;
}

const char *
cspr_stage_title(enum cspr_stage s)
{
	return stage_of(s)->title;
}

const char *
cspr_stage_para(enum cspr_stage s)
{
	return stage_of(s)->para;
}

/* ---- the adapter: a case's duties as the library evaluates them ---- */

/* One duty row as the summary reads it. */
struct duty {
	const char *id;    /* valid while the list is */
	const char *rule;  /* static: the duty id, "action" for an action */
	const char *para;  /* static */
	const char *owner; /* NULL when the row does not say */
	int clock;         /* a row of the deadline table: it has a clock */
	int early, before; /* see struct cspr_deadline */
	struct cspr_when from, due, done;
	enum cspr_status status;
	int days_left;
};

struct duties {
	struct cspr_deadlines ds;
};

/* Every duty of the table that applies (duties.c), with a clock or not,
 * then the actions: the rows csp-deadlines and csp-notify show. */
static int
duties_eval(const json_t *root, const struct cspr_calendar *cal,
    cspr_date today, struct duties *x)
{
	memset(x, 0, sizeof(*x));
	return cspr_duties_eval(root, cal, today, &x->ds);
}

static void
duties_clear(struct duties *x)
{
	cspr_deadlines_clear(&x->ds);
}

/* The i-th duty into *d; 0 when there is no i-th, -1 to skip it. */
static int
duty_at(const struct duties *x, size_t i, struct duty *d)
{
	const struct cspr_deadline *s;

	if (i >= x->ds.n)
		return 0;
	s = &x->ds.v[i];
	*d = (struct duty){.id = s->id, .rule = s->rule, .para = s->para,
	    .owner = s->owner, .clock = s->clock, .early = s->early,
	    .before = s->before, .from = s->from,
	    .due = s->due, .done = s->done, .status = s->status,
	    .days_left = s->days_left};
	return 1;
}

static int
is_action(const struct duty *d)
{
	return strcmp(d->rule, "action") == 0;
}

static int
open_duty(const struct duty *d)
{
	return d->status == CSPR_DUE || d->status == CSPR_OVERDUE;
}

/* What makes csp-deadlines exit 1: overdue, and the partnership's or the
 * local authority's to do (the Panel's 10.3.1 is not theirs). */
static int
finding(const struct duty *d)
{
	return d->status == CSPR_OVERDUE && d->owner &&
	    (strcmp(d->owner, "partnership") == 0 ||
	    strcmp(d->owner, "local_authority") == 0);
}

/* ---- the summary's storage ---- */

/* Blocks large enough for malloc to map them apart from the heap, which
 * each case's tree churns. */
#define BLOCK (1024 * 1024)

struct block {
	struct block *next;
	size_t used, cap;
	char *data;
};

/* Working days taken, as counts: 0 to HIST-1 in a table, the rest in a
 * list (a negative count: done before the clock started). */
#define HIST 256

struct rule_stats {
	struct cspr_timeliness t;
	unsigned long hist[HIST];
	int *extra;
	size_t nextra, cap;
};

struct cspr_summary {
	cspr_date today, from, to;
	int clocks;
	int finished;
	struct block *blocks;
	struct cspr_case_summary *cases;
	size_t ncases, cap;
	uint32_t *ids; /* open addressing: case index + 1, 0 empty */
	size_t nids;   /* slots, a power of two */
	struct rule_stats **rules;
	size_t nrules, rcap;
	struct cspr_timeliness *table; /* the rules' figures, once finished */
	struct cspr_funnel funnel;
	long rr_late_sum;
	unsigned long stages[CSPR_NSTAGES];
	struct cspr_duplicate *dups;
	size_t ndups, dcap;
};

/* n bytes from the arena, aligned for any record; NULL on out of memory. */
static void *
arena(struct cspr_summary *s, size_t n)
{
	struct block *b = s->blocks;

	n = (n + 7) & ~(size_t)7;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > BLOCK ? n : BLOCK;

		if (!(b = malloc(sizeof(*b))))
			return NULL;
		if (!(b->data = malloc(cap))) {
			free(b);
			return NULL;
		}
		b->cap = cap;
		b->used = 0;
		b->next = s->blocks;
		s->blocks = b;
	}
	b->used += n;
	return b->data + b->used - n;
}

static const char *
keep(struct cspr_summary *s, const char *str)
{
	size_t n = strlen(str) + 1;
	char *p = arena(s, n);

	return p ? memcpy(p, str, n) : NULL;
}

/* A duty's id to keep: the table's own string for a row of the table,
 * a copy for an action's "action:ID". */
static const char *
kept_id(struct cspr_summary *s, const struct duty *d)
{
	return strcmp(d->id, d->rule) == 0 ? d->rule : keep(s, d->id);
}

struct cspr_summary *
cspr_summary_new(cspr_date today, cspr_date from, cspr_date to, int clocks)
{
	struct cspr_summary *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	s->today = today;
	s->from = from;
	s->to = to;
	s->clocks = clocks;
	return s;
}

void
cspr_summary_free(struct cspr_summary **sp)
{
	struct cspr_summary *s = *sp;

	if (!s)
		return;
	while (s->blocks) {
		struct block *b = s->blocks;

		s->blocks = b->next;
		free(b->data);
		free(b);
	}
	for (size_t i = 0; i < s->nrules; i++) {
		free(s->rules[i]->extra);
		free(s->rules[i]);
	}
	free(s->rules);
	free(s->table);
	free(s->cases);
	free(s->ids);
	free(s->dups);
	free(s);
	*sp = NULL;
}

/* ---- duplicate ids ---- */

static uint32_t
hash(const char *str)
{
	uint32_t h = 2166136261u;

	while (*str)
		h = (h ^ (unsigned char)*str++) * 16777619u;
	return h;
}

static int
ids_grow(struct cspr_summary *s)
{
	size_t n = s->nids ? s->nids * 2 : 1024;
	uint32_t *v = calloc(n, sizeof(*v));

	if (!v)
		return -1;
	for (size_t i = 0; i < s->nids; i++) {
		uint32_t k = s->ids[i];
		size_t j;

		if (!k)
			continue;
		j = hash(s->cases[k - 1].id) & (n - 1);
		while (v[j])
			j = (j + 1) & (n - 1);
		v[j] = k;
	}
	free(s->ids);
	s->ids = v;
	s->nids = n;
	return 0;
}

/* The index of an earlier case with this id, or -1; the new case (the
 * last) is entered.  -2 on out of memory. */
static long
ids_enter(struct cspr_summary *s, const char *id)
{
	size_t j;

	if ((s->ncases + 1) * 2 > s->nids && ids_grow(s) < 0)
		return -2;
	j = hash(id) & (s->nids - 1);
	while (s->ids[j]) {
		if (strcmp(s->cases[s->ids[j] - 1].id, id) == 0)
			return (long)s->ids[j] - 1;
		j = (j + 1) & (s->nids - 1);
	}
	s->ids[j] = (uint32_t)s->ncases + 1;
	return -1;
}

/* ---- the figures ---- */

static int
in_period(const struct cspr_summary *s, cspr_date d)
{
	return d != CSPR_NO_DATE && (s->from == CSPR_NO_DATE || d >= s->from) &&
	    (s->to == CSPR_NO_DATE || d <= s->to);
}

static struct rule_stats *
rule_stats(struct cspr_summary *s, const struct duty *d)
{
	struct rule_stats *r;

	for (size_t i = 0; i < s->nrules; i++)
		if (s->rules[i]->t.rule == d->rule ||
		    strcmp(s->rules[i]->t.rule, d->rule) == 0)
			return s->rules[i];
	if (cspr_grow(&s->rules, &s->rcap, s->nrules + 1,
	    sizeof(*s->rules)) < 0 || !(r = calloc(1, sizeof(*r))))
		return NULL;
	r->t.rule = d->rule;
	r->t.para = d->para;
	s->rules[s->nrules++] = r;
	return r;
}

static int
taken(struct rule_stats *r, int days)
{
	if (days >= 0 && days < HIST) {
		r->hist[days]++;
	} else {
		if (cspr_grow(&r->extra, &r->cap, r->nextra + 1,
		    sizeof(*r->extra)) < 0)
			return -1;
		r->extra[r->nextra++] = days;
	}
	if (r->t.timed == 0 || days > r->t.worst)
		r->t.worst = days;
	r->t.timed++;
	return 0;
}

/* One clock of the deadline table that started in the period. */
static int
time_clock(struct cspr_summary *s, const struct duty *d,
    const struct cspr_calendar *cal)
{
	struct rule_stats *r;

	if (is_action(d) || !d->clock || d->from.kind == CSPR_WHEN_NONE ||
	    d->status == CSPR_PENDING ||
	    !in_period(s, cspr_when_date(d->from)))
		return 0;
	if (!(r = rule_stats(s, d)))
		return -1;
	r->t.ran++;
	switch (d->status) {
	case CSPR_DONE:
		r->t.on_time++;
		break;
	case CSPR_LATE:
		r->t.late++;
		break;
	case CSPR_OVERDUE:
		r->t.overdue++;
		break;
	default:
		r->t.due++;
		break;
	}
	if (d->status == CSPR_DONE || d->status == CSPR_LATE)
		return taken(r, cspr_working_days_between(cal,
		    cspr_when_date(d->from), cspr_when_date(d->done)));
	return 0;
}

static int
date_in(const struct cspr_summary *s, const json_t *root, const char *path)
{
	cspr_date d;

	return cspr_get_date(root, path, &d) && in_period(s, d);
}

/* The funnel: what happened in the period, by its own date. */
static void
count_funnel(struct cspr_summary *s, const json_t *root,
    const struct duties *x, const struct cspr_calendar *cal)
{
	static const char *const panel[] = {"panel", NULL};
	static const char *const incident[] = {"incident", NULL};
	struct cspr_funnel *f = &s->funnel;
	struct cspr_when told = cspr_notice(root, panel, incident);
	const char *outcome = cspr_get_str(root, "decision.outcome");
	struct duty d;
	int r;

	f->referrals += date_in(s, root, "referral.received");
	f->notified += told.kind != CSPR_WHEN_NONE &&
	    in_period(s, cspr_when_date(told));
	if (date_in(s, root, "rapid_review.completed"))
		f->rapid_reviews++;
	if (date_in(s, root, "decision.date")) {
		f->decisions++;
		if (!outcome)
			f->outcome_unknown++;
		else if (strcmp(outcome, "local_review") == 0)
			f->local_review++;
		else if (strcmp(outcome, "national_review") == 0)
			f->national_review++;
		else if (strcmp(outcome, "other_review") == 0)
			f->other_review++;
		else if (strcmp(outcome, "no_further_action") == 0)
			f->no_further_action++;
		else
			f->outcome_unknown++;
	}
	if (outcome && strcmp(outcome, "local_review") == 0 &&
	    date_in(s, root, "publication.published"))
		f->published++;
	/* early or late: the rapid review's own row, done in the period */
	for (size_t i = 0; (r = duty_at(x, i, &d)) != 0; i++) {
		if (r < 0 || strcmp(d.rule, "rapid-review") != 0 ||
		    (d.status != CSPR_DONE && d.status != CSPR_LATE) ||
		    d.due.kind == CSPR_WHEN_NONE ||
		    !in_period(s, cspr_when_date(d.done)))
			continue;
		f->rr_timed++;
		s->rr_late_sum += cspr_working_days_between(cal,
		    cspr_when_date(d.due), cspr_when_date(d.done));
	}
}

/* ---- one case ---- */

static cspr_date
date_of(struct cspr_when w)
{
	return w.kind == CSPR_WHEN_NONE ? CSPR_NO_DATE : cspr_when_date(w);
}

/* The dated duties of a case for its timeline, at most
 * CSPR_SUMMARY_MAX_CLOCKS of them. */
static int
keep_clocks(struct cspr_summary *s, struct cspr_case_summary *cs,
    const struct duties *x)
{
	struct duty d;
	size_t n = 0;
	int r;

	for (size_t i = 0; (r = duty_at(x, i, &d)) != 0; i++)
		n += r > 0 && d.due.kind != CSPR_WHEN_NONE;
	if (n > CSPR_SUMMARY_MAX_CLOCKS) {
		cs->nmore = (unsigned)(n - CSPR_SUMMARY_MAX_CLOCKS);
		n = CSPR_SUMMARY_MAX_CLOCKS;
	}
	if (n == 0)
		return 0;
	if (!(cs->clocks = arena(s, n * sizeof(*cs->clocks))))
		return -1;
	for (size_t i = 0; cs->nclocks < n && (r = duty_at(x, i, &d)) != 0;
	    i++) {
		struct cspr_clock *k = &cs->clocks[cs->nclocks];

		if (r < 0 || d.due.kind == CSPR_WHEN_NONE)
			continue;
		if (!(k->id = kept_id(s, &d)))
			return -1;
		k->para = d.para;
		k->from = date_of(d.from);
		k->due = date_of(d.due);
		k->done = date_of(d.done);
		k->status = d.status;
		k->days_left = d.days_left;
		k->action = is_action(&d);
		k->early = d.early;
		k->before = d.before;
		cs->nclocks++;
	}
	return 0;
}

static int
add_dup(struct cspr_summary *s, const struct cspr_case_summary *cs,
    const char *first)
{
	if (cspr_grow(&s->dups, &s->dcap, s->ndups + 1, sizeof(*s->dups)) < 0)
		return -1;
	s->dups[s->ndups++] = (struct cspr_duplicate){.id = cs->id,
	    .file = cs->file, .first = first};
	return 0;
}

int
cspr_summary_add(struct cspr_summary *s, const json_t *root,
    const char *file, const char *name, const struct cspr_calendar *cal)
{
	struct cspr_case_summary *cs;
	struct duties x;
	struct duty d;
	const char *id = cspr_get_str(root, "id");
	long first;
	int r, status = -1;

	if (s->finished || s->ncases >= UINT32_MAX - 1)
		return -1;
	if (duties_eval(root, cal, s->today, &x) < 0)
		goto out;
	if (cspr_grow(&s->cases, &s->cap, s->ncases + 1, sizeof(*s->cases)) < 0)
		goto out;
	cs = &s->cases[s->ncases];
	memset(cs, 0, sizeof(*cs));
	/* no id (a --schema that does not ask for one): the file names it */
	if (!(cs->id = keep(s, id ? id : file)) || !(cs->file = keep(s, file)) ||
	    (name && !(cs->name = keep(s, name))))
		goto out;
	cs->stage = cspr_stage(root);
	if (!cspr_get_date(root, "incident.date", &cs->incident))
		cs->incident = CSPR_NO_DATE;
	for (size_t i = 0; (r = duty_at(&x, i, &d)) != 0; i++) {
		if (r < 0)
			continue;
		cs->overdue += d.status == CSPR_OVERDUE;
		cs->outstanding += open_duty(&d);
		cs->findings |= finding(&d);
		if (open_duty(&d) && d.due.kind != CSPR_WHEN_NONE &&
		    (!cs->next || d.due.t < cs->next_due.t)) {
			if (!(cs->next = kept_id(s, &d)))
				goto out;
			cs->next_para = d.para;
			cs->next_due = d.due;
			cs->next_status = d.status;
			cs->next_days_left = d.days_left;
			cs->next_early = d.early;
			cs->next_before = d.before;
		}
		if (time_clock(s, &d, cal) < 0)
			goto out;
	}
	if (s->clocks && keep_clocks(s, cs, &x) < 0)
		goto out;
	count_funnel(s, root, &x, cal);
	if ((first = ids_enter(s, cs->id)) == -2)
		goto out;
	if (first >= 0 && add_dup(s, cs, s->cases[first].file) < 0)
		goto out;
	s->stages[cs->stage]++;
	s->ncases++;
	status = first >= 0;
out:
	duties_clear(&x);
	return status;
}

/* ---- finishing ---- */

static int
case_cmp(const void *a, const void *b)
{
	const struct cspr_case_summary *x = a, *y = b;
	int c;

	if (!x->next != !y->next)
		return x->next ? -1 : 1;
	if (x->next && x->next_due.t != y->next_due.t)
		return x->next_due.t < y->next_due.t ? -1 : 1;
	if ((c = strcmp(x->id, y->id)) != 0)
		return c;
	return strcmp(x->file, y->file);
}

/* "9.12.4" before "9.15.3" before "10.3.1": number by number. */
static int
para_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			char *ea, *eb;
			long x = strtol(a, &ea, 10), y = strtol(b, &eb, 10);

			if (x != y)
				return x < y ? -1 : 1;
			a = ea;
			b = eb;
		} else if (*a != *b) {
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		} else {
			a++;
			b++;
		}
	}
	return *a ? 1 : *b ? -1 : 0;
}

static int
rule_cmp(const void *a, const void *b)
{
	const struct cspr_timeliness *x = a, *y = b;
	int c = para_cmp(x->para, y->para);

	return c ? c : strcmp(x->rule, y->rule);
}

static int
int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* The k-th smallest working days taken (0-based): the negatives of the
 * list, the table, then the list's large ones. */
static int
kth(const struct rule_stats *r, unsigned long k)
{
	size_t neg = 0;

	while (neg < r->nextra && r->extra[neg] < 0)
		neg++;
	if (k < neg)
		return r->extra[k];
	k -= neg;
	for (int i = 0; i < HIST; i++) {
		if (k < r->hist[i])
			return i;
		k -= r->hist[i];
	}
	return r->extra[neg + k];
}

int
cspr_summary_finish(struct cspr_summary *s)
{
	if (s->finished)
		return 0;
	/* (qsort of nothing: its array may be NULL, which qsort may not
	 * be given) */
	if (s->ncases)
		qsort(s->cases, s->ncases, sizeof(*s->cases), case_cmp);
	free(s->ids);
	s->ids = NULL;
	s->nids = 0;
	if (s->nrules && !(s->table = calloc(s->nrules, sizeof(*s->table))))
		return -1;
	for (size_t i = 0; i < s->nrules; i++) {
		struct rule_stats *r = s->rules[i];
		struct cspr_timeliness *t = &r->t;
		unsigned long judged = t->on_time + t->late + t->overdue;

		if (r->nextra)
			qsort(r->extra, r->nextra, sizeof(*r->extra),
			    int_cmp);
		t->share_on_time = judged ? (double)t->on_time / judged : -1;
		if (t->timed)
			t->median = (kth(r, (t->timed - 1) / 2) +
			    kth(r, t->timed / 2)) / 2.0;
		s->table[i] = *t;
	}
	if (s->nrules)
		qsort(s->table, s->nrules, sizeof(*s->table), rule_cmp);
	if (s->funnel.rr_timed)
		s->funnel.rr_average_late = (double)s->rr_late_sum /
		    (double)s->funnel.rr_timed;
	s->finished = 1;
	return 0;
}

size_t
cspr_summary_ncases(const struct cspr_summary *s)
{
	return s->ncases;
}

const struct cspr_case_summary *
cspr_summary_case(const struct cspr_summary *s, size_t i)
{
	return i < s->ncases ? &s->cases[i] : NULL;
}

size_t
cspr_summary_nrules(const struct cspr_summary *s)
{
	return s->table ? s->nrules : 0;
}

const struct cspr_timeliness *
cspr_summary_rule(const struct cspr_summary *s, size_t i)
{
	return s->table && i < s->nrules ? &s->table[i] : NULL;
}

const struct cspr_funnel *
cspr_summary_funnel(const struct cspr_summary *s)
{
	return &s->funnel;
}

unsigned long
cspr_summary_stage_count(const struct cspr_summary *s, enum cspr_stage stage)
{
	return (unsigned)stage < CSPR_NSTAGES ? s->stages[stage] : 0;
}

size_t
cspr_summary_nduplicates(const struct cspr_summary *s)
{
	return s->ndups;
}

const struct cspr_duplicate *
cspr_summary_duplicate(const struct cspr_summary *s, size_t i)
{
	return i < s->ndups ? &s->dups[i] : NULL;
}

/* ---- JSON ---- */

static json_t *
date_json(cspr_date d)
{
	char buf[11];

	return d == CSPR_NO_DATE ? json_null() :
	    json_string(cspr_date_str(d, buf));
}

/* v rounded to 1/scale (halves away from zero); a whole number as an
 * integer. */
static json_t *
figure(double v, double scale)
{
	double x = (double)(long long)(v * scale + (v < 0 ? -0.5 : 0.5)) /
	    scale;

	return x == (double)(long long)x ? json_integer((json_int_t)x) :
	    json_real(x);
}

json_t *
cspr_case_summary_json(const struct cspr_case_summary *cs, int names)
{
	json_t *next = json_null(), *child = NULL, *o;

	if (cs->next) {
		int open = cs->next_status == CSPR_DUE ||
		    cs->next_status == CSPR_OVERDUE;

		next = json_pack("{s:s, s:s, s:o, s:s, s:o}", "rule",
		    cs->next, "para", cs->next_para, "due",
		    cspr_when_json(cs->next_due), "status",
		    cspr_status_name(cs->next_status), "working_days_left",
		    open ? json_integer(cs->next_days_left) : json_null());
		if (!next)
			return NULL;
	}
	/* the child, when named, after the case, as every tool places it */
	if (names && !(child = cs->name ? json_string(cs->name) :
	    json_null())) {
		json_decref(next);
		return NULL;
	}
	o = json_pack("{s:s, s:o*, s:s, s:s, s:s, s:o, s:I, s:I}", "case",
	    cs->id, "child", child, "file", cs->file, "stage",
	    cspr_stage_name(cs->stage), "stage_para",
	    cspr_stage_para(cs->stage), "next", next, "overdue",
	    (json_int_t)cs->overdue, "outstanding",
	    (json_int_t)cs->outstanding);
	return o;
}

static json_t *
timeliness_json(const struct cspr_timeliness *t)
{
	return json_pack("{s:s, s:s, s:I, s:I, s:I, s:I, s:I, s:o, s:o, s:o}",
	    "rule", t->rule, "para", t->para, "ran", (json_int_t)t->ran,
	    "on_time", (json_int_t)t->on_time, "late", (json_int_t)t->late,
	    "overdue", (json_int_t)t->overdue, "due", (json_int_t)t->due,
	    "share_on_time", t->share_on_time < 0 ? json_null() :
	    figure(t->share_on_time, 1000),
	    "median_working_days", t->timed ? figure(t->median, 10) :
	    json_null(),
	    "worst_working_days", t->timed ? json_integer(t->worst) :
	    json_null());
}

static json_t *
funnel_json(const struct cspr_funnel *f)
{
	return json_pack("{s:I, s:I, s:I, s:{s:I, s:I, s:I, s:I, s:I, s:I}, "
	    "s:I, s:o}",
	    "referrals", (json_int_t)f->referrals,
	    "notified_to_panel", (json_int_t)f->notified,
	    "rapid_reviews", (json_int_t)f->rapid_reviews,
	    "decisions", "total", (json_int_t)f->decisions,
	    "local_review", (json_int_t)f->local_review,
	    "national_review", (json_int_t)f->national_review,
	    "other_review", (json_int_t)f->other_review,
	    "no_further_action", (json_int_t)f->no_further_action,
	    "not_recorded", (json_int_t)f->outcome_unknown,
	    "local_reviews_published", (json_int_t)f->published,
	    "rapid_review_average_working_days_late",
	    f->rr_timed ? figure(f->rr_average_late, 10) : json_null());
}

json_t *
cspr_summary_json(const struct cspr_summary *s)
{
	json_t *st = json_object(), *rules = json_array();
	json_t *dups = json_array(), *o = NULL;
	int bad = !st || !rules || !dups;

	/* first to last */
	for (size_t i = NSTAGES; !bad && i-- > 0;)
		bad = json_object_set_new(st, stages[i].name,
		    json_integer((json_int_t)s->stages[stages[i].stage])) < 0;
	for (size_t i = 0; !bad && i < cspr_summary_nrules(s); i++)
		bad = json_array_append_new(rules,
		    timeliness_json(&s->table[i])) < 0;
	for (size_t i = 0; !bad && i < s->ndups; i++)
		bad = json_array_append_new(dups, json_pack("{s:s, s:[s, s]}",
		    "case", s->dups[i].id, "files", s->dups[i].first,
		    s->dups[i].file)) < 0;
	if (!bad)
		o = json_pack("{s:{s:o, s:o, s:o, s:I, s:O, s:O, s:o, s:O}}",
		    "summary", "today", date_json(s->today), "from",
		    date_json(s->from), "to", date_json(s->to), "cases",
		    (json_int_t)s->ncases, "stages", st, "timeliness",
		    rules, "funnel", funnel_json(&s->funnel), "duplicates",
		    dups);
	json_decref(st);
	json_decref(rules);
	json_decref(dups);
	return o;
}
