/*
 * ics.c - the iCalendar file of csp-deadlines --format ics (RFC 5545), for
 * a calendar a team imports or subscribes to.
 *
 * The file is published, not an invitation (METHOD:PUBLISH), and named
 * after the partnership (X-WR-CALNAME).  Each deadline is one event whose
 * UID stays the same from run to run (case id, rule, the --uid-domain), so
 * a calendar updates the event rather than adding another; SEQUENCE grows
 * with --today, so a file made later supersedes one made earlier.  A
 * deadline that is done stays for a while, marked done, instead of
 * vanishing from a subscribed calendar.  Two files with one case id get
 * different UIDs (the second ".2"), never the same one twice.
 */
#include <stdio.h>
#include <string.h>

#include "ics.h"

/* ---- content lines ---- */

/* A content line being built, folded at 75 octets as it is written. */
struct line {
	int col; /* octets on the current physical line */
};

/* Write one character of a content line, folding before it when the line
 * is full; a UTF-8 sequence is never split, so fold before its lead byte
 * when the whole sequence would not fit. */
static void
put(struct line *x, const char *s, size_t len)
{
	if (x->col + (int)len > 75) {
		fputs("\r\n ", stdout);
		x->col = 1;
	}
	fwrite(s, 1, len, stdout);
	x->col += (int)len;
}

/* The length of the UTF-8 sequence at s (a lone byte counts one). */
static size_t
seq(const char *s)
{
	size_t len = 1;

	if ((unsigned char)*s >= 0xc0)
		while ((s[len] & 0xc0) == 0x80)
			len++;
	return len;
}

/* Raw characters (names, parameters, values that need no escaping). */
static void
raw(struct line *x, const char *s)
{
	while (*s) {
		size_t len = seq(s);

		put(x, s, len);
		s += len;
	}
}

/* A TEXT value (3.3.11): backslash, semicolon, comma and line breaks
 * escaped, other control characters (none may appear) as spaces. */
static void
text(struct line *x, const char *s)
{
	while (*s) {
		unsigned char c = (unsigned char)*s;
		char esc[3] = {'\\', (char)c, 0};
		size_t len = 1;

		if (c == '\\' || c == ';' || c == ',')
			put(x, esc, 2);
		else if (c == '\n')
			put(x, "\\n", 2);
		else if (c < 0x20 || c == 0x7f)
			put(x, " ", 1);
		else
			put(x, s, len = seq(s));
		s += len;
	}
}

static void
end(struct line *x)
{
	fputs("\r\n", stdout);
	x->col = 0;
}

/* name:value on one (folded) content line, value raw. */
static void
prop(const char *name, const char *value)
{
	struct line x = {0};

	raw(&x, name);
	raw(&x, ":");
	raw(&x, value);
	end(&x);
}

/* ---- the calendar ---- */

/* The UK's zone, so that the 48-hour deadline's time is wall-clock time in
 * England whatever zone the reader's calendar is in.  A calendar needs a
 * component even when nothing is open, and this is always one. */
static const char zone[] =
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

static void
head(struct ics *x, const char *partnership)
{
	struct line l = {0};

	fputs("BEGIN:VCALENDAR\r\n"
	    "VERSION:2.0\r\n"
	    "PRODID:-//csp//csp-deadlines " CSPR_VERSION "//EN\r\n"
	    "CALSCALE:GREGORIAN\r\n"
	    "METHOD:PUBLISH\r\n", stdout);
	raw(&l, "X-WR-CALNAME:");
	text(&l, "CSPR deadlines");
	if (partnership) {
		text(&l, ": ");
		text(&l, partnership);
	}
	end(&l);
	fputs(zone, stdout);
	x->begun = 1;
}

int
ics_domain_ok(const char *s)
{
	size_t n = strlen(s), label = 0, labels = 1;

	if (n == 0 || n > 253)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (c == '.') {
			if (label == 0 || s[i - 1] == '-')
				return 0;
			label = 0;
			labels++;
		} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || (c == '-' && label > 0)) {
			if (++label > 63)
				return 0;
		} else {
			return 0;
		}
	}
	return label > 0 && s[n - 1] != '-' && labels >= 2;
}

int
ics_init(struct ics *x, const char *uid_domain, cspr_date today)
{
	memset(x, 0, sizeof(*x));
	x->uid_domain = uid_domain ? uid_domain : ICS_UID_DOMAIN;
	x->today = today;
	return (x->ids = json_object()) ? 0 : -1;
}

int
ics_case(struct ics *x, const char *partnership, const char *id,
    const char *file, const char **first)
{
	json_t *seen = json_object_get(x->ids, id);
	json_int_t n;

	if (!x->begun)
		head(x, partnership);
	if (!seen) {
		if (json_object_set_new(x->ids, id, json_pack("[is]", 1,
		    file)) < 0)
			return -1;
		*first = file;
		return 1;
	}
	n = json_integer_value(json_array_get(seen, 0)) + 1;
	if (json_array_set_new(seen, 0, json_integer(n)) < 0)
		return -1;
	*first = json_string_value(json_array_get(seen, 1));
	return (int)n;
}

int
ics_wanted(const struct ics *x, const struct cspr_deadline *d)
{
	cspr_date done;

	if (d->status == CSPR_DUE || d->status == CSPR_OVERDUE)
		return 1;
	if ((d->status != CSPR_DONE && d->status != CSPR_LATE) ||
	    d->done.kind == CSPR_WHEN_NONE || d->due.kind == CSPR_WHEN_NONE)
		return 0;
	done = (cspr_date)(d->done.t / 1440 - (d->done.t % 1440 < 0));
	return done <= x->today && x->today - done <= ICS_KEEP_DONE;
}

/* YYYYMMDD, or YYYYMMDDTHHMM00 for a time. */
static char *
when(struct cspr_when w, char *buf)
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
 * rule.  DTSTAMP is today's midnight UTC and SEQUENCE the days from
 * 2000-01-01 to today, so that the same --today gives the same file and a
 * later one supersedes it. */
void
ics_event(const struct ics *x, const char *id, int nth, const char *name,
    const struct cspr_deadline *d, const char *progress)
{
	struct line l = {0};
	char buf[32], from[20];
	int y, m, day, done = d->status == CSPR_DONE || d->status == CSPR_LATE;
	long sequence = (long)x->today - cspr_date_from_ymd(2000, 1, 1);

	fputs("BEGIN:VEVENT\r\n", stdout);
	raw(&l, "UID:");
	text(&l, id);
	raw(&l, ".");
	text(&l, d->id);
	if (nth > 1) {
		snprintf(buf, sizeof(buf), ".%d", nth);
		raw(&l, buf);
	}
	raw(&l, "@");
	raw(&l, x->uid_domain);
	end(&l);
	cspr_date_ymd(x->today, &y, &m, &day);
	snprintf(buf, sizeof(buf), "%04d%02d%02dT000000Z", y, m, day);
	prop("DTSTAMP", buf);
	snprintf(buf, sizeof(buf), "%ld", sequence > 0 ? sequence : 0);
	prop("SEQUENCE", buf);
	if (d->due.kind == CSPR_WHEN_TIME) {
		prop("DTSTART;TZID=Europe/London", when(d->due, buf));
	} else {
		struct cspr_when next = d->due;

		prop("DTSTART;VALUE=DATE", when(d->due, buf));
		next.t += 1440;
		prop("DTEND;VALUE=DATE", when(next, buf));
		prop("TRANSP", "TRANSPARENT");
	}
	raw(&l, "SUMMARY:");
	if (done)
		text(&l, "Done: ");
	text(&l, id);
	if (name) {
		raw(&l, " (");
		text(&l, name);
		raw(&l, ")");
	}
	raw(&l, ": ");
	if (*d->action) {
		text(&l, "action ");
		text(&l, d->action);
		text(&l, ": ");
	}
	text(&l, d->what);
	raw(&l, " (");
	text(&l, d->para);
	raw(&l, ")");
	end(&l);
	raw(&l, "DESCRIPTION:");
	text(&l, "Rule ");
	text(&l, d->id);
	text(&l, ", paragraph ");
	text(&l, d->para);
	text(&l, " of the procedure.");
	if (d->from.kind != CSPR_WHEN_NONE) {
		text(&l, " From ");
		text(&l, cspr_when_str(d->from, from));
		text(&l, ".");
	}
	if (d->status == CSPR_LATE) {
		text(&l, " Done ");
		text(&l, cspr_when_str(d->done, from));
		text(&l, ".");
	}
	text(&l, " As of ");
	text(&l, cspr_date_str(x->today, from));
	text(&l, ": ");
	text(&l, cspr_status_name(d->status));
	text(&l, ", ");
	text(&l, progress);
	text(&l, ".");
	end(&l);
	raw(&l, "CATEGORIES:CSPR,");
	raw(&l, cspr_status_name(d->status));
	end(&l);
	fputs("END:VEVENT\r\n", stdout);
}

void
ics_finish(struct ics *x)
{
	if (!x->begun)
		head(x, NULL);
	fputs("END:VCALENDAR\r\n", stdout);
	json_decref(x->ids);
	x->ids = NULL;
}
