/*
 * csp-deadlines - what is due, and what is overdue?
 *
 * Evaluates the deadline rows of the duty table (lib/duties.c) for each
 * case and writes one line per deadline (text, TSV), one object per case
 * (JSON Lines) or one calendar for the whole run (iCalendar).  Two more
 * modes answer calendar questions without a case: --list-holidays and
 * --add-working-days.  Exit 1 when the partnership or the local authority
 * has something overdue.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "delim.h"
#include "ics.h"
#include "text.h"
#include "tool.h"

static const struct tool_spec spec = {
	.name = "csp-deadlines",
	.synopsis = "[-q] [--overdue] [--within N] "
	    "[--format text|json|tsv|csv|ics] [--uid-domain domain] [--names] "
	    "[file|dir ...]\n"
	    "       csp-deadlines --list-holidays Y1:Y2\n"
	    "       csp-deadlines --add-working-days DATE N",
	.options =
	    "      --overdue            show only overdue deadlines\n"
	    "      --within N           show overdue deadlines and those due "
	    "within N working days\n"
	    "      --format FMT         text (default), json (one object per "
	    "case),\n"
	    "                           tsv, csv (RFC 4180) or ics (one "
	    "iCalendar\n"
	    "                           for the run)\n"
	    "      --names              show the child's name (default: case id "
	    "only)\n"
	    "      --uid-domain DOMAIN  the domain of the calendar's event UIDs\n"
	    "                           (csp.invalid)\n"
	    "      --list-holidays Y1:Y2  print the bank holidays of those years\n"
	    "      --add-working-days DATE N  print the date N working days after "
	    "DATE\n",
	.status = "Exit status: 0 nothing overdue, 1 something the partnership "
	    "or local authority\nowns is overdue, 2 usage error or a file that "
	    "cannot be processed.\n",
	.formats = FMT_JSON | FMT_TSV | FMT_CSV | FMT_ICS,
	.column = 27,
};

enum {
	OPT_OVERDUE = OPT_TOOL, OPT_WITHIN, OPT_LIST_HOLIDAYS,
	OPT_ADD_WORKING_DAYS, OPT_UID_DOMAIN
};

struct run {
	int filter;  /* --overdue or --within given */
	long within; /* due within this many working days is shown; -1 none */
	struct ics ics; /* --format ics */
};

/* ---- the deadlines of one case ---- */

/* Whether a deadline is shown: every one, unless --overdue or --within. */
static int
shown(const struct run *r, const struct cspr_deadline *d)
{
	if (!r->filter)
		return 1;
	return d->status == CSPR_OVERDUE ||
	    (d->status == CSPR_DUE && d->days_left <= r->within);
}

/* Open deadlines are the ones a calendar or a reminder is for. */
static int
open_deadline(const struct cspr_deadline *d)
{
	return d->status == CSPR_DUE || d->status == CSPR_OVERDUE;
}

/* The partnership's and the local authority's overdue deadlines make the
 * exit status 1; the Panel's (10.3.1) are not theirs to act on. */
static int
findings(const struct cspr_deadline *d)
{
	return d->status == CSPR_OVERDUE &&
	    (strcmp(d->owner, "partnership") == 0 ||
	    strcmp(d->owner, "local_authority") == 0);
}

/* How far off the deadline is, in words: working days left, or late (the
 * status says whether it is still open), or when it was done. */
static void
detail(const struct tool *t, const struct cspr_deadline *d, char *buf,
    size_t n)
{
	text_progress(t->cal, t->today, d, "due date not known", buf, n);
}

/* One line for a person:
 * HSCP-2026-008  2026-11-11  overdue  11 working days late  what (9.12.4) */
static void
text_line(const struct tool *t, const char *id, const char *name,
    const struct cspr_deadline *d)
{
	char more[64];

	detail(t, d, more, sizeof(more));
	text_row(id, name, d->due, d->status, more);
	if (*d->action) {
		fputs("action ", stdout);
		text_flat(d->action);
		fputs(": ", stdout);
	}
	/* fputs, not printf: nothing to format, on every line */
	text_flat(d->what);
	fputs(" (", stdout);
	fputs(d->para, stdout);
	if (d->borrowed) {
		fputs("; ", stdout);
		fputs(d->borrowed, stdout);
	}
	fputs(")\n", stdout);
}

/* TSV and CSV: the header, then one row per deadline. */
static void
rows_header(const struct tool *t)
{
	static const char *const cols[] = {"case", "child", "rule", "para",
		"what", "from", "due", "done", "status", "working_days_left"};
	size_t n = sizeof(cols) / sizeof(cols[0]);

	for (size_t i = 0; i < n; i++)
		if (i != 1 || t->names)
			delim_field(t->format, cols[i], i + 1 == n);
}

static void
rows_line(const struct tool *t, const char *id, const char *name,
    const struct cspr_deadline *d)
{
	char w[20], left[16] = "";

	if (open_deadline(d))
		snprintf(left, sizeof(left), "%d", d->days_left);
	delim_field(t->format, id, 0);
	if (t->names)
		delim_field(t->format, name, 0);
	delim_field(t->format, d->id, 0);
	delim_field(t->format, d->para, 0);
	delim_field(t->format, d->what, 0);
	delim_field(t->format, cspr_when_str(d->from, w), 0);
	delim_field(t->format, cspr_when_str(d->due, w), 0);
	delim_field(t->format, cspr_when_str(d->done, w), 0);
	delim_field(t->format, cspr_status_name(d->status), 0);
	delim_field(t->format, left, 1);
}

/* ---- per case ---- */

static int
deadlines(struct tool *t, struct cspr_case *c, void *arg)
{
	struct run *r = arg;
	struct cspr_deadlines ds = {0};
	json_t *root = cspr_case_root(c), *list = NULL;
	const char *id = cspr_case_id(c);
	char *name = NULL, more[64];
	const char *first;
	int status = CSPR_OK, nth = 1;
	char today[11];

	if (cspr_deadlines_eval(root, t->cal, t->today, &ds) < 0)
		goto oom;
	if (t->names && (cspr_get(root, "child.first_name") ||
	    cspr_get(root, "child.last_name")) && !(name = text_child_name(root)))
		goto oom;
	if (t->format == FMT_JSON && !t->quiet && !(list = json_array()))
		goto oom;
	/* the same case id twice would give two events one UID: the
	 * second case's get their own, and the clash is said */
	if (t->format == FMT_ICS && !t->quiet) {
		if ((nth = ics_case(&r->ics, cspr_get_str(root, "partnership"),
		    id, cspr_case_file(c), &first)) < 0)
			goto oom;
		if (nth > 1) {
			long line = 0, col = 0;

			cspr_doc_pos(cspr_case_doc(c), ".id", &line, &col);
			cspr_errors_add(&t->e, cspr_case_file(c), line, col,
			    ".id", "the same case id as %s (ids are unique per "
			    "partnership); its events' UIDs end .%d", first,
			    nth);
			status = CSPR_FINDINGS;
		}
	}
	for (size_t i = 0; i < ds.n; i++) {
		const struct cspr_deadline *d = &ds.v[i];

		if (findings(d))
			status = CSPR_FINDINGS;
		if (t->quiet || !shown(r, d))
			continue;
		switch (t->format) {
		case FMT_JSON:
			if (json_array_append_new(list,
			    cspr_deadline_json(d)) < 0)
				goto oom;
			break;
		case FMT_TSV:
		case FMT_CSV:
			rows_line(t, id, name, d);
			break;
		case FMT_ICS:
			if (ics_wanted(&r->ics, d)) {
				detail(t, d, more, sizeof(more));
				ics_event(&r->ics, id, nth, name, d, more);
			}
			break;
		default:
			text_line(t, id, name, d);
			break;
		}
	}
	if (list) {
		json_t *o;

		/* "o" steals list, even when json_pack fails */
		cspr_date_str(t->today, today);
		if (t->names)
			o = json_pack("{s:s, s:o, s:s, s:s, s:o}", "case", id,
			    "child", name ? json_string(name) : json_null(),
			    "file", cspr_case_name(c), "today", today,
			    "deadlines", list);
		else
			o = json_pack("{s:s, s:s, s:s, s:o}", "case", id,
			    "file", cspr_case_name(c), "today", today,
			    "deadlines", list);
		list = NULL;
		if (!o)
			goto oom;
		tool_json(t, o);
	}
	free(name);
	cspr_deadlines_clear(&ds);
	return status;
oom:
	json_decref(list);
	free(name);
	cspr_deadlines_clear(&ds);
	return tool_oom(t, c);
}

/* ---- the calendar modes ---- */

static int
print_holiday(cspr_date d, const char *name, void *arg)
{
	char buf[11];

	(void)arg;
	printf("%s\t%s\n", cspr_date_str(d, buf), name);
	return 0;
}

/* A whole number in [lo, hi], or -1 with *v untouched. */
static int
number(const char *s, long lo, long hi, long *v)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (end == s || *end || errno || n < lo || n > hi ||
	    !(*s == '-' || (*s >= '0' && *s <= '9')))
		return -1;
	*v = n;
	return 0;
}

/* Y1:Y2, or a single year. */
static void
years(const struct tool *t, const char *arg, long *y1, long *y2)
{
	char buf[32];
	char *colon;

	snprintf(buf, sizeof(buf), "%s", arg);
	colon = strchr(buf, ':');
	if (colon)
		*colon = '\0';
	if (strlen(arg) >= sizeof(buf) || number(buf, 1, 9999, y1) < 0 ||
	    number(colon ? colon + 1 : buf, 1, 9999, y2) < 0 || *y2 < *y1) {
		tool_usage_error(t, "--list-holidays: not a range of years "
		    "(Y1:Y2, 1-9999): %s", arg);
	}
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"overdue", no_argument, NULL, OPT_OVERDUE},
		{"within", required_argument, NULL, OPT_WITHIN},
		{"list-holidays", required_argument, NULL, OPT_LIST_HOLIDAYS},
		{"add-working-days", required_argument, NULL,
		    OPT_ADD_WORKING_DAYS},
		{"uid-domain", required_argument, NULL, OPT_UID_DOMAIN},
		TOOL_OPTIONS
	};
	struct run r = {.within = -1};
	const char *uid_domain = NULL;
	struct tool t;
	const char *list_holidays = NULL, *add_date = NULL, *add_n = NULL;
	const char *mode;
	long y1 = 0, y2 = 0, n = 0;
	cspr_date d = 0;
	int c;

	tool_init(&t, &spec);
	while ((c = tool_getopt(&t, argc, argv, TOOL_SHORT, longopts)) != -1) {
		switch (c) {
		case OPT_OVERDUE:
			r.filter = 1;
			break;
		case OPT_WITHIN:
			if (number(optarg, 0, INT_MAX, &r.within) < 0)
				tool_usage_error(&t, "--within: not a number "
				    "of working days: %s", optarg);
			r.filter = 1;
			break;
		case OPT_UID_DOMAIN:
			if (!ics_domain_ok(optarg))
				tool_usage_error(&t, "--uid-domain: not a "
				    "domain name: %s", optarg);
			uid_domain = optarg;
			break;
		case OPT_LIST_HOLIDAYS:
			list_holidays = optarg;
			break;
		case OPT_ADD_WORKING_DAYS:
			/* DATE N: N is taken here, so that a negative N is
			 * not read as an option */
			if (optind >= argc)
				tool_usage_error(&t, "--add-working-days: "
				    "needs a date and a number of working days");
			add_date = optarg;
			add_n = argv[optind++];
			break;
		default:
			tool_option(&t, c, optarg);
		}
	}
	mode = list_holidays ? "--list-holidays" : "--add-working-days";
	if (list_holidays && add_date)
		tool_usage_error(&t, "--list-holidays and --add-working-days "
		    "are separate questions");
	if ((list_holidays || add_date) && optind < argc)
		tool_usage_error(&t, "%s: takes no case files", mode);
	if ((list_holidays || add_date) && (t.format != FMT_TEXT || r.filter))
		tool_usage_error(&t, "%s: text only, without --overdue or "
		    "--within", mode);
	if (list_holidays)
		years(&t, list_holidays, &y1, &y2);
	if (add_date && cspr_date_parse(add_date, &d) < 0)
		tool_usage_error(&t, "--add-working-days: not a date "
		    "(YYYY-MM-DD): %s", add_date);
	if (add_date && number(add_n, -INT_MAX, INT_MAX, &n) < 0)
		tool_usage_error(&t, "--add-working-days: not a number of "
		    "working days: %s", add_n);
	tool_start(&t);
	if (list_holidays) {
		if (!t.quiet)
			cspr_holidays_in(t.cal, (int)y1, (int)y2,
			    print_holiday, NULL);
	} else if (add_date) {
		cspr_date to = cspr_add_working_days(t.cal, d, (int)n);
		char buf[11];
		int y = 0, m, day;

		if (to != CSPR_NO_DATE)
			cspr_date_ymd(to, &y, &m, &day);
		if (y < 1 || y > 9999) {
			fprintf(stderr, "%s: --add-working-days: the date would "
			    "be outside the years 1-9999\n", t.name);
			tool_status(&t, CSPR_ERROR);
		} else if (!t.quiet) {
			printf("%s\n", cspr_date_str(to, buf));
		}
	} else {
		if (t.format == FMT_ICS && !t.quiet &&
		    ics_init(&r.ics, uid_domain, t.today) < 0) {
			fprintf(stderr, "%s: out of memory\n", t.name);
			return 2;
		}
		if ((t.format == FMT_TSV || t.format == FMT_CSV) && !t.quiet)
			rows_header(&t);
		tool_each(&t, argc - optind, argv + optind, deadlines, &r);
		if (t.format == FMT_ICS && !t.quiet)
			ics_finish(&r.ics);
	}
	return tool_finish(&t);
}
