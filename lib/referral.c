/*
 * referral.c - is the referral to the Learning and Inquiry Group complete
 * and on time?  (Section 7, Appendix B.)
 *
 * The fields the Appendix B form cannot go without are a table, in the
 * order of the form: the child's names, date of birth (and of death, where
 * the child died), gender and address (1a); at least one kind of referral
 * (2); when it was made and by whom, with a way to reach them (3); at
 * least one agency and one reason (4, 5), with the "please specify" box
 * filled wherever "other" is ticked (4, 5, 6); and the case outline.  The
 * 48-hour written confirmation (7.2) is the referral-confirmation row of
 * the deadline table, read from deadlines.c, never computed again here.
 */
#include <string.h>

#include "csprcore.h"

static int
ticked(const json_t *root, const char *path, const char *box)
{
	json_t *list = cspr_get(root, path), *x;
	size_t i;

	json_array_foreach(list, i, x)
		if (json_is_string(x) && strcmp(json_string_value(x), box) == 0)
			return 1;
	return 0;
}

/* The child died, as far as the case says: 1a asks for the date of death
 * "if applicable". */
static int
died(const json_t *root)
{
	const char *outcome = cspr_get_str(root, "incident.outcome");

	return (outcome && strcmp(outcome, "died") == 0) ||
	    ticked(root, "referral.reasons", "child_died");
}

static int
other_ticked(const json_t *root, const char *path)
{
	return ticked(root, path, "other");
}

static int
agencies_other(const json_t *root)
{
	return other_ticked(root, "referral.agencies");
}

static int
out_of_area(const json_t *root)
{
	return ticked(root, "referral.agencies", "out_of_area");
}

static int
reasons_other(const json_t *root)
{
	return other_ticked(root, "referral.reasons");
}

static int
characteristics_other(const json_t *root)
{
	return other_ticked(root, "referral.characteristics");
}

static const struct field {
	const char *section;
	const char *path;  /* dotted, for cspr_get */
	const char *alt;   /* a second field that will do as well, or NULL */
	const char *jq;    /* the path as it is reported */
	const char *what;
	int (*when)(const json_t *root); /* asked for only when; NULL always */
} fields[] = {
	{"1a", "child.first_name", NULL, ".child.first_name",
	    "the child's first name", NULL},
	{"1a", "child.last_name", NULL, ".child.last_name",
	    "the child's last name", NULL},
	{"1a", "child.dob", NULL, ".child.dob", "the child's date of birth",
	    NULL},
	{"1a", "child.dod", NULL, ".child.dod",
	    "the child's date of death (the child died)", died},
	{"1a", "child.gender", NULL, ".child.gender", "the child's gender",
	    NULL},
	{"1a", "child.address", NULL, ".child.address", "the child's address",
	    NULL},
	{"2", "referral.types", NULL, ".referral.types",
	    "what the case is referred for (at least one)", NULL},
	{"3", "referral.received", NULL, ".referral.received",
	    "the date of the referral", NULL},
	{"3", "referral.referrer.name", NULL, ".referral.referrer.name",
	    "the referrer's name", NULL},
	{"3", "referral.referrer.agency", NULL, ".referral.referrer.agency",
	    "the referrer's agency", NULL},
	{"3", "referral.referrer.phone", "referral.referrer.email",
	    ".referral.referrer.phone // .referral.referrer.email",
	    "a telephone number or e-mail address for the referrer", NULL},
	{"4", "referral.agencies", NULL, ".referral.agencies",
	    "the agencies involved (at least one)", NULL},
	{"4", "referral.agencies_other", NULL, ".referral.agencies_other",
	    "which other agencies (\"other\" is ticked)", agencies_other},
	{"4", "referral.out_of_area_organisation", NULL,
	    ".referral.out_of_area_organisation",
	    "the out of area organisation (\"out_of_area\" is ticked)",
	    out_of_area},
	{"5", "referral.reasons", NULL, ".referral.reasons",
	    "the reason for the referral (at least one)", NULL},
	{"5", "referral.reason_other", NULL, ".referral.reason_other",
	    "the other reason (\"other\" is ticked)", reasons_other},
	{"6", "referral.characteristics_other", NULL,
	    ".referral.characteristics_other",
	    "the other characteristic (\"other\" is ticked)",
	    characteristics_other},
	{"6", "referral.outline", NULL, ".referral.outline",
	    "the case outline", NULL},
};

typedef char missing_room_check[sizeof(fields) / sizeof(fields[0]) <=
    CSPR_MAX_MISSING ? 1 : -1];

static struct cspr_when
when_of(const json_t *root, const char *path)
{
	struct cspr_when w = {0, CSPR_WHEN_NONE};
	const char *s = cspr_get_str(root, path);
	int r;

	if (s && (r = cspr_datetime_parse(s, &w.t)) >= 0)
		w.kind = r == 1 ? CSPR_WHEN_TIME : CSPR_WHEN_DATE;
	return w;
}

/* "2026-11-26T09:30" or "2026-11-26". */
static const char *
when_str(struct cspr_when w, char *buf)
{
	if (w.kind == CSPR_WHEN_TIME)
		return cspr_time_str(w.t, buf);
	return cspr_date_str(cspr_when_date(w), buf);
}

/* The written confirmation: the deadline table's row, or, before the
 * referral's date is known, a pending one of the same shape. */
static int
confirmation(const json_t *root, const struct cspr_calendar *cal,
    cspr_date today, struct cspr_deadline *d)
{
	struct cspr_deadlines all = {0};
	size_t i;

	if (cspr_deadlines_eval(root, cal, today, &all) < 0) {
		cspr_deadlines_clear(&all);
		return -1;
	}
	for (i = 0; i < all.n; i++)
		if (strcmp(all.v[i].rule, "referral-confirmation") == 0)
			break;
	if (i < all.n) {
		*d = all.v[i];
	} else {
		memset(d, 0, sizeof(*d));
		snprintf(d->id, sizeof(d->id), "referral-confirmation");
		d->rule = "referral-confirmation";
		d->para = "7.2";
		d->what = "confirm the referral in writing (Appendix B)";
		d->owner = "partnership";
		d->done = when_of(root, "referral.confirmed");
		d->status = d->done.kind != CSPR_WHEN_NONE ? CSPR_DONE :
		    CSPR_PENDING;
	}
	cspr_deadlines_clear(&all);
	return 0;
}

/* 7.5: the Child Death Overview Panel refers child deaths. */
static int
cdop(const json_t *root, struct cspr_findings *f)
{
	const char *source = cspr_get_str(root, "referral.source");
	const char *outcome = cspr_get_str(root, "incident.outcome");

	if (!source || strcmp(source, "cdop") != 0)
		return 0;
	if (outcome && strcmp(outcome, "died") != 0)
		return cspr_findings_add(f, "cdop", "7.5", "referral.source is "
		    "cdop, but incident.outcome is %s: the Child Death "
		    "Overview Panel refers cases where a child has died "
		    "(7.5).", outcome);
	if (!outcome && !cspr_get(root, "child.dod"))
		return cspr_findings_add(f, "cdop", "7.5", "referral.source is "
		    "cdop, but the child's death is not recorded "
		    "(incident.outcome, child.dod): the Child Death Overview "
		    "Panel refers cases where a child has died (7.5).");
	return 0;
}

int
cspr_referral_check(const json_t *root, const struct cspr_calendar *cal,
    cspr_date today, struct cspr_referral *r)
{
	struct cspr_deadline *d = &r->confirmation;
	char due[20];

	memset(r, 0, sizeof(*r));
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		const struct field *x = &fields[i];

		if ((x->when && !x->when(root)) || cspr_has(root, x->path) ||
		    (x->alt && cspr_has(root, x->alt)))
			continue;
		r->missing[r->nmissing].path = x->jq;
		r->missing[r->nmissing].what = x->what;
		r->missing[r->nmissing].section = x->section;
		r->nmissing++;
	}
	if (confirmation(root, cal, today, d) < 0)
		return -1;
	if (d->status == CSPR_LATE &&
	    cspr_findings_add(&r->findings, "confirmation-late", "7.2",
	    "The referral was confirmed in writing (referral.confirmed) after "
	    "the 48 hours, which ended %s (7.2).", when_str(d->due, due)) < 0)
		goto fail;
	if (d->status == CSPR_OVERDUE &&
	    cspr_findings_add(&r->findings, "confirmation-overdue", "7.2",
	    "The written confirmation of the referral (referral.confirmed) "
	    "was due by %s and is not recorded (7.2).",
	    when_str(d->due, due)) < 0)
		goto fail;
	if (cdop(root, &r->findings) < 0)
		goto fail;
	return 0;
fail:
	cspr_referral_clear(r);
	return -1;
}

void
cspr_referral_clear(struct cspr_referral *r)
{
	cspr_findings_clear(&r->findings);
}

json_t *
cspr_referral_missing_json(const struct cspr_referral *r)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < r->nmissing; i++)
		if (json_array_append_new(a,
		    json_string(r->missing[i].path)) < 0) {
			json_decref(a);
			return NULL;
		}
	return a;
}
