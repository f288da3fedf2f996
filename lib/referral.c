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
	{.section = "1a", .path = "child.first_name", .jq = ".child.first_name",
	    .what = "the child's first name"},
	{.section = "1a", .path = "child.last_name", .jq = ".child.last_name",
	    .what = "the child's last name"},
	{.section = "1a", .path = "child.dob", .jq = ".child.dob",
	    .what = "the child's date of birth"},
	{.section = "1a", .path = "child.dod", .jq = ".child.dod",
	    .what = "the child's date of death (the child died)", .when = died},
	{.section = "1a", .path = "child.gender", .jq = ".child.gender",
	    .what = "the child's gender"},
	{.section = "1a", .path = "child.address", .jq = ".child.address",
	    .what = "the child's address"},
	{.section = "2", .path = "referral.types", .jq = ".referral.types",
	    .what = "what the case is referred for (at least one)"},
	{.section = "3", .path = "referral.received",
	    .jq = ".referral.received", .what = "the date of the referral"},
	{.section = "3", .path = "referral.referrer.name",
	    .jq = ".referral.referrer.name", .what = "the referrer's name"},
	{.section = "3", .path = "referral.referrer.agency",
	    .jq = ".referral.referrer.agency", .what = "the referrer's agency"},
	{.section = "3", .path = "referral.referrer.phone",
	    .alt = "referral.referrer.email",
	    .jq = ".referral.referrer.phone // .referral.referrer.email",
	    .what = "a telephone number or e-mail address for the referrer"},
	{.section = "4", .path = "referral.agencies",
	    .jq = ".referral.agencies",
	    .what = "the agencies involved (at least one)"},
	{.section = "4", .path = "referral.agencies_other",
	    .jq = ".referral.agencies_other",
	    .what = "which other agencies (\"other\" is ticked)",
	    .when = agencies_other},
	{.section = "4", .path = "referral.out_of_area_organisation",
	    .jq = ".referral.out_of_area_organisation",
	    .what = "the out of area organisation (\"out_of_area\" is ticked)",
	    .when = out_of_area},
	{.section = "5", .path = "referral.reasons", .jq = ".referral.reasons",
	    .what = "the reason for the referral (at least one)"},
	{.section = "5", .path = "referral.reason_other",
	    .jq = ".referral.reason_other",
	    .what = "the other reason (\"other\" is ticked)",
	    .when = reasons_other},
	{.section = "6", .path = "referral.characteristics_other",
	    .jq = ".referral.characteristics_other",
	    .what = "the other characteristic (\"other\" is ticked)",
	    .when = characteristics_other},
	{.section = "6", .path = "referral.outline", .jq = ".referral.outline",
	    .what = "the case outline"},
};

typedef char missing_room_check[sizeof(fields) / sizeof(fields[0]) <=
    CSPR_MAX_MISSING ? 1 : -1];

/* The written confirmation: the duty table's row, or, before the
 * referral's date is known, a pending one of the same shape. */
static void
confirmation(const json_t *root, const struct cspr_calendar *cal,
    cspr_date today, struct cspr_deadline *d)
{
	if (cspr_duty_eval(root, cal, today, "referral-confirmation", d) == 1)
		return;
	memset(d, 0, sizeof(*d));
	snprintf(d->id, sizeof(d->id), "referral-confirmation");
	d->rule = "referral-confirmation";
	d->para = "7.2";
	d->what = "confirm the referral in writing (Appendix B)";
	d->owner = "partnership";
	d->done = cspr_when_get(root, "referral.confirmed");
	d->status = d->done.kind != CSPR_WHEN_NONE ? CSPR_DONE : CSPR_PENDING;
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
	confirmation(root, cal, today, d);
	if (d->status == CSPR_LATE &&
	    cspr_findings_add(&r->findings, "confirmation-late", "7.2",
	    "The referral was confirmed in writing (referral.confirmed) after "
	    "the 48 hours, which ended %s (7.2).",
	    cspr_when_str(d->due, due)) < 0)
		goto fail;
	if (d->status == CSPR_OVERDUE &&
	    cspr_findings_add(&r->findings, "confirmation-overdue", "7.2",
	    "The written confirmation of the referral (referral.confirmed) "
	    "was due by %s and is not recorded (7.2).",
	    cspr_when_str(d->due, due)) < 0)
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
