/*
 * ics.h - an iCalendar file (RFC 5545) of deadlines, written as the cases
 * go by: csp-deadlines --format ics.
 */
#ifndef CSP_ICS_H
#define CSP_ICS_H

#include "csprcore.h"

#define ICS_UID_DOMAIN "csp.invalid" /* RFC 6761: never a real domain */
#define ICS_KEEP_DONE 30 /* days a done deadline stays, marked done */

struct ics {
	const char *uid_domain; /* the part of each UID after the "@" */
	cspr_date today;        /* DTSTAMP and SEQUENCE come from it */
	int begun;              /* the calendar's head is written */
	json_t *ids;            /* case id -> [times seen, first file] */
};

/* 1 when s has the form of a domain name: dot-separated labels of letters,
 * digits and inner hyphens, at least two, 63 and 253 octets at most. */
int ics_domain_ok(const char *s);
/* Start a calendar (nothing is written yet); -1 on out of memory. */
int ics_init(struct ics *x, const char *uid_domain, cspr_date today);
/* Before a case's events: the calendar's head, the first time, named
 * after the case's partnership (NULL: not recorded).  Notes the case's
 * id: returns 1 the first time, 2 the second, ...; *first is the file
 * that had it first (borrowed until ics_finish).  -1 on out of memory. */
int ics_case(struct ics *x, const char *partnership, const char *id,
    const char *file, const char **first);
/* Whether a deadline goes in: every open one, and one done in the last
 * ICS_KEEP_DONE days, so that a subscribed calendar shows it done rather
 * than dropping it. */
int ics_wanted(const struct ics *x, const struct cspr_deadline *d);
/* One VEVENT for deadline d of case id (the nth case of that id, as
 * ics_case said); name is the child's (--names) or NULL; progress says
 * how far off it is, in words. */
void ics_event(const struct ics *x, const char *id, int nth,
    const char *name, const struct cspr_deadline *d, const char *progress);
/* End the calendar (with its head, when no event was written) and free
 * what it holds. */
void ics_finish(struct ics *x);

#endif
