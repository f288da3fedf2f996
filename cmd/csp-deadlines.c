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

#include "text.h"
#include "tool.h"

static const char help[] =
    "  -q, --quiet              print nothing; the exit status tells\n"
    "      --overdue            show only overdue deadlines\n"
    "      --within N           show overdue deadlines and those due within "
    "N working days\n"
    "      --format FMT         text (default), json (one object per case),\n"
    "                           tsv or ics (one iCalendar for the run)\n"
    "      --names              show the child's name (default: case id "
    "only)\n"
    "      --today DATE         judge as of DATE (YYYY-MM-DD)\n"
    "      --holidays FILE      more bank holidays (GOV.UK JSON or a list)\n"
    "      --schema FILE        check cases against this draft-07 schema\n"
    "      --stdin-name NAME    the name standard input is shown by\n"
    "      --list-holidays Y1:Y2  print the bank holidays of those years\n"
    "      --add-working-days DATE N  print the date N working days after "
    "DATE\n"
    "  -h, --help               this help\n"
    "      --version            the version\n"
    "\nExit status: 0 nothing overdue, 1 something the partnership or local "
    "authority\nowns is overdue, 2 usage error or a file that cannot be "
    "processed.\n";

enum {
	OPT_OVERDUE = OPT_TOOL, OPT_WITHIN, OPT_LIST_HOLIDAYS,
	OPT_ADD_WORKING_DAYS
};

struct run {
	int filter;  /* --overdue or --within given */
	long within; /* due within this many working days is shown; -1 none */
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
	text_flat(d->what);
	printf(" (%s%s%s)\n", d->para, d->borrowed ? "; " : "",
	    d->borrowed ? d->borrowed : "");
}

/* TSV: a field with every control character as a space. */
static void
tsv_field(const char *s, int last)
{
	text_flat(s ? s : "");
	putchar(last ? '\n' : '\t');
}

static void
tsv_header(const struct tool *t)
{
	printf("case\t%srule\tpara\twhat\tfrom\tdue\tdone\tstatus\t"
	    "working_days_left\n", t->names ? "child\t" : "");
}

static void
tsv_line(const struct tool *t, const char *id, const char *name,
    const struct cspr_deadline *d)
{
	char w[20], left[16] = "";

	if (open_deadline(d))
		snprintf(left, sizeof(left), "%d", d->days_left);
	tsv_field(id, 0);
	if (t->names)
		tsv_field(name, 0);
	tsv_field(d->id, 0);
	tsv_field(d->para, 0);
	tsv_field(d->what, 0);
	tsv_field(cspr_when_str(d->from, w), 0);
	tsv_field(cspr_when_str(d->due, w), 0);
	tsv_field(cspr_when_str(d->done, w), 0);
	tsv_field(cspr_status_name(d->status), 0);
	tsv_field(left, 1);
}

/* ---- iCalendar (RFC 5545) ---- */

/* A content line being built, folded at 75 octets as it is written. */
struct ics {
	int col; /* octets on the current physical line */
};

/* Write one octet of a content line, folding before it when the line is
 * full; a UTF-8 sequence is never split, so fold before its lead byte
 * when the whole sequence would not fit. */
static void
ics_put(struct ics *x, const char *s, size_t len)
{
	if (x->col + (int)len > 75) {
		fputs("\r\n ", stdout);
		x->col = 1;
	}
	fwrite(s, 1, len, stdout);
	x->col += (int)len;
}

/* Raw characters (names, parameters, values that need no escaping). */
static void
ics_raw(struct ics *x, const char *s)
{
	while (*s) {
		size_t len = 1;
		unsigned char c = (unsigned char)*s;

		if (c >= 0xc0)
			while ((s[len] & 0xc0) == 0x80)
				len++;
		ics_put(x, s, len);
		s += len;
	}
}

/* A TEXT value (3.3.11): backslash, semicolon, comma and line breaks
 * escaped, other control characters (none may appear) as spaces. */
static void
ics_text(struct ics *x, const char *s)
{
	while (*s) {
		unsigned char c = (unsigned char)*s;
		char esc[3] = {'\\', (char)c, 0};
		size_t len = 1;

		if (c == '\\' || c == ';' || c == ',') {
			ics_put(x, esc, 2);
		} else if (c == '\n') {
			ics_put(x, "\\n", 2);
		} else if (c < 0x20 || c == 0x7f) {
			ics_put(x, " ", 1);
		} else {
			if (c >= 0xc0)
				while ((s[len] & 0xc0) == 0x80)
					len++;
			ics_put(x, s, len);
			s += len;
			continue;
		}
		s++;
	}
}

static void
ics_end(struct ics *x)
{
	fputs("\r\n", stdout);
	x->col = 0;
}

/* name:value on one (folded) content line, value raw. */
static void
ics_prop(const char *name, const char *value)
{
	struct ics x = {0};

	ics_raw(&x, name);
	ics_raw(&x, ":");
	ics_raw(&x, value);
	ics_end(&x);
}

/* The UK's zone, so that the 48-hour deadline's time is wall-clock time in
 * England whatever zone the reader's calendar is in.  A calendar needs a
 * component even when nothing is open, and this is always one. */
static const char ics_head[] =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//csp//csp-deadlines " CSPR_VERSION "//EN\r\n"
    "CALSCALE:GREGORIAN\r\n"
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/London\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZOFFSETFROM:+0000\r\n"
    "TZOFFSETTO:+0100\r\n"
    "TZNAME:BST\r\n"
    "DTSTART:19810329T010000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0000\r\n"
    "TZNAME:GMT\r\n"
    "DTSTART:19961027T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

/* YYYYMMDD, or YYYYMMDDTHHMM00 for a time. */
static char *
ics_when(struct cspr_when w, char *buf)
{
	char s[20], *p = buf;

	cspr_when_str(w, s);
	for (const char *q = s; *q; q++)
		if (*q != '-' && *q != ':')
			*p++ = *q;
	if (w.kind == CSPR_WHEN_TIME) {
		*p++ = '0';
		*p++ = '0';
	}
	*p = '\0';
	return buf;
}

/* One VEVENT: all day on the due date, or at the due time for the 48-hour
 * rule.  DTSTAMP is today's midnight UTC so that the same --today gives
 * the same file. */
static void
ics_event(const struct tool *t, const char *id, const char *name,
    const struct cspr_deadline *d)
{
	struct ics x = {0};
	char buf[32], more[64], from[20];
	int y, m, day;

	fputs("BEGIN:VEVENT\r\n", stdout);
	ics_raw(&x, "UID:");
	ics_text(&x, id);
	ics_raw(&x, ".");
	ics_text(&x, d->id);
	ics_raw(&x, "@csp");
	ics_end(&x);
	cspr_date_ymd(t->today, &y, &m, &day);
	snprintf(buf, sizeof(buf), "%04d%02d%02dT000000Z", y, m, day);
	ics_prop("DTSTAMP", buf);
	if (d->due.kind == CSPR_WHEN_TIME) {
		ics_prop("DTSTART;TZID=Europe/London", ics_when(d->due, buf));
	} else {
		struct cspr_when next = d->due;

		ics_prop("DTSTART;VALUE=DATE", ics_when(d->due, buf));
		next.t += 1440;
		ics_prop("DTEND;VALUE=DATE", ics_when(next, buf));
		ics_prop("TRANSP", "TRANSPARENT");
	}
	ics_raw(&x, "SUMMARY:");
	ics_text(&x, id);
	if (name) {
		ics_raw(&x, " (");
		ics_text(&x, name);
		ics_raw(&x, ")");
	}
	ics_raw(&x, ": ");
	if (*d->action) {
		ics_text(&x, "action ");
		ics_text(&x, d->action);
		ics_text(&x, ": ");
	}
	ics_text(&x, d->what);
	ics_raw(&x, " (");
	ics_text(&x, d->para);
	ics_raw(&x, ")");
	ics_end(&x);
	detail(t, d, more, sizeof(more));
	ics_raw(&x, "DESCRIPTION:");
	ics_text(&x, "Rule ");
	ics_text(&x, d->id);
	ics_text(&x, ", paragraph ");
	ics_text(&x, d->para);
	ics_text(&x, " of the procedure.");
	if (d->from.kind != CSPR_WHEN_NONE) {
		ics_text(&x, " From ");
		ics_text(&x, cspr_when_str(d->from, from));
		ics_text(&x, ".");
	}
	ics_text(&x, " As of ");
	ics_text(&x, cspr_date_str(t->today, from));
	ics_text(&x, ": ");
	ics_text(&x, cspr_status_name(d->status));
	ics_text(&x, ", ");
	ics_text(&x, more);
	ics_text(&x, ".");
	ics_end(&x);
	fputs("END:VEVENT\r\n", stdout);
}

/* ---- per case ---- */

static int
deadlines(struct tool *t, struct cspr_case *c, void *arg)
{
	struct run *r = arg;
	struct cspr_deadlines ds = {0};
	json_t *root = cspr_case_root(c), *list = NULL;
	const char *id = cspr_case_id(c);
	char *name = NULL;
	int status = CSPR_OK;
	char today[11];

	if (cspr_deadlines_eval(root, t->cal, t->today, &ds) < 0)
		goto oom;
	if (t->names && (cspr_get(root, "child.first_name") ||
	    cspr_get(root, "child.last_name")) && !(name = text_child_name(root)))
		goto oom;
	if (t->format == FMT_JSON && !t->quiet && !(list = json_array()))
		goto oom;
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
			tsv_line(t, id, name, d);
			break;
		case FMT_ICS:
			if (open_deadline(d))
				ics_event(t, id, name, d);
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
		fprintf(stderr, "%s: --list-holidays: not a range of years "
		    "(Y1:Y2, 1-9999): %s\n", t->name, arg);
		exit(2);
	}
}

static void
usage_error(const struct tool *t, const char *msg, const char *arg)
{
	fprintf(stderr, "%s: %s%s\n", t->name, msg, arg);
	exit(2);
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
		TOOL_OPTIONS
	};
	struct run r = {0, -1};
	struct tool t;
	const char *list_holidays = NULL, *add_date = NULL, *add_n = NULL;
	const char *mode;
	long y1 = 0, y2 = 0, n = 0;
	cspr_date d = 0;
	int c;

	tool_init(&t, "csp-deadlines",
	    "[-q] [--overdue] [--within N] [--format text|json|tsv|ics] "
	    "[--names] [file|dir ...]\n"
	    "       csp-deadlines --list-holidays Y1:Y2\n"
	    "       csp-deadlines --add-working-days DATE N", help,
	    FMT_JSON | FMT_TSV | FMT_ICS);
	while ((c = tool_getopt(&t, argc, argv, TOOL_SHORT, longopts)) != -1) {
		switch (c) {
		case OPT_OVERDUE:
			r.filter = 1;
			break;
		case OPT_WITHIN:
			if (number(optarg, 0, INT_MAX, &r.within) < 0)
				usage_error(&t, "--within: not a number of "
				    "working days: ", optarg);
			r.filter = 1;
			break;
		case OPT_LIST_HOLIDAYS:
			list_holidays = optarg;
			break;
		case OPT_ADD_WORKING_DAYS:
			/* DATE N: N is taken here, so that a negative N is
			 * not read as an option */
			if (optind >= argc)
				usage_error(&t, "--add-working-days: needs a "
				    "date and a number of working days", "");
			add_date = optarg;
			add_n = argv[optind++];
			break;
		default:
			tool_option(&t, c, optarg);
		}
	}
	mode = list_holidays ? "--list-holidays" : "--add-working-days";
	if (list_holidays && add_date)
		usage_error(&t, "--list-holidays and --add-working-days are "
		    "separate questions", "");
	if ((list_holidays || add_date) && optind < argc)
		usage_error(&t, mode, ": takes no case files");
	if ((list_holidays || add_date) && (t.format != FMT_TEXT || r.filter))
		usage_error(&t, mode, ": text only, without --overdue or "
		    "--within");
	if (list_holidays)
		years(&t, list_holidays, &y1, &y2);
	if (add_date && cspr_date_parse(add_date, &d) < 0)
		usage_error(&t, "--add-working-days: not a date (YYYY-MM-DD): ",
		    add_date);
	if (add_date && number(add_n, -INT_MAX, INT_MAX, &n) < 0)
		usage_error(&t, "--add-working-days: not a number of working "
		    "days: ", add_n);
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
		if (t.format == FMT_ICS && !t.quiet)
			fputs(ics_head, stdout);
		if (t.format == FMT_TSV && !t.quiet)
			tsv_header(&t);
		tool_each(&t, argc - optind, argv + optind, deadlines, &r);
		if (t.format == FMT_ICS && !t.quiet)
			fputs("END:VCALENDAR\r\n", stdout);
	}
	return tool_finish(&t);
}
