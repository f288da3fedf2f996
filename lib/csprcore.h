/*
 * csprcore.h - libcsprcore, the shared core of the csp tools.
 *
 * The library loads and validates case files, does the date arithmetic of
 * the procedure and applies its rules.  It decides; the commands in cmd/
 * speak.  Nothing here prints to stdout or stderr or exits: functions return
 * a status and append to a struct cspr_errors.
 *
 * Jansson ownership, the one rule: a json_t * returned by a function here is
 * a new reference the caller must json_decref(), unless its comment says
 * "borrowed"; json_t * arguments are borrowed; a function whose name ends in
 * _new steals the reference it is given, even on failure.  Free functions
 * take T ** and clear the pointer.
 */
#ifndef CSPRCORE_H
#define CSPRCORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <jansson.h>

#define CSPR_VERSION "0.1.0"

/* Statuses returned by the library; they match the tools' exit codes. */
enum {
	CSPR_OK = 0,      /* nothing to report */
	CSPR_FINDINGS = 1, /* findings: invalid, overdue, incomplete, ... */
	CSPR_ERROR = 2,    /* could not be processed (I/O, out of memory, usage) */
};

/* ---- errors.c: diagnostics as data ---- */

/* One diagnostic.  line and col are 1-based, 0 when unknown; path is a
 * jq-style path into the case (".child.dob", ".family[1].name", "." for the
 * top level) or NULL.  Messages never contain the contents of a case field. */
struct cspr_error {
	char *file;
	long line, col;
	char *path;
	char *message;
};

/* A growable list of diagnostics; zero-initialise before use. */
struct cspr_errors {
	struct cspr_error *v;
	size_t n, cap;
};

/* Append a diagnostic (printf-style message); returns -1 on out of memory. */
int cspr_errors_add(struct cspr_errors *e, const char *file, long line,
    long col, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Free every diagnostic and empty the list; the list stays usable. */
void cspr_errors_clear(struct cspr_errors *e);

/* ---- load.c: a YAML case file to a jansson tree, with positions ---- */

#define CSPR_MAX_FILE (4L * 1024 * 1024) /* larger files are rejected */
#define CSPR_MAX_DEPTH 64                /* deeper nesting is rejected */

/* A loaded document: the tree and the line:col of every node in it. */
struct cspr_doc;

/* Load a YAML file ("-" is standard input, shown as "<stdin>").  Returns
 * CSPR_OK with *doc set, CSPR_FINDINGS when the file was read but rejected
 * (syntax, duplicate keys, aliases, ...), CSPR_ERROR when it could not be
 * read.  Diagnostics go to e. */
int cspr_load(const char *path, struct cspr_doc **doc, struct cspr_errors *e);
/* Load from memory; name is used in diagnostics.  Same statuses. */
int cspr_load_buffer(const char *name, const char *buf, size_t len,
    struct cspr_doc **doc, struct cspr_errors *e);
/* Free a document. */
void cspr_doc_free(struct cspr_doc **doc);
/* The document's tree (borrowed). */
json_t *cspr_doc_root(const struct cspr_doc *doc);
/* The name the document was loaded under ("<stdin>" for standard input). */
const char *cspr_doc_file(const struct cspr_doc *doc);
/* Position of the node at a jq-style path; for a missing member, the
 * nearest present ancestor.  Returns 0 when found exactly, 1 for an
 * ancestor, -1 when not even the root is known. */
int cspr_doc_pos(const struct cspr_doc *doc, const char *path, long *line,
    long *col);
/* Like cspr_doc_pos, but for an object member gives the key's position. */
int cspr_doc_key_pos(const struct cspr_doc *doc, const char *path,
    long *line, long *col);

/* ---- schema.c: JSON Schema draft-07 over jansson ---- */

/* A compiled schema. */
struct cspr_schema;

/* Compile a draft-07 schema (borrowed; the compiled schema keeps its own
 * reference).  Returns NULL and a diagnostic in e on a bad schema. */
struct cspr_schema *cspr_schema_compile(json_t *schema, struct cspr_errors *e);
/* Free a compiled schema. */
void cspr_schema_free(struct cspr_schema **s);
/* Validate an instance; each failure is appended to e with its jq-style
 * path, file "" and line/col 0 (the caller places it).  Returns the number
 * of failures, or -1 on out of memory. */
int cspr_schema_validate(const struct cspr_schema *s, json_t *instance,
    struct cspr_errors *e);
/* The built-in case schema (schemas/case.schema.json, compiled in) as JSON
 * text. */
extern const char cspr_case_schema_json[];

/* ---- calendar.c: dates, working days and bank holidays ---- */

/* A date: days since 1970-01-01, negative before. */
typedef int32_t cspr_date;
/* A local date-time: minutes since 1970-01-01T00:00 (UK local, no zone). */
typedef int64_t cspr_time;

#define CSPR_NO_DATE INT32_MIN

/* Parse a strict YYYY-MM-DD that names a real calendar date (years
 * 0001-9999).  Returns 0 and sets *d, or -1. */
int cspr_date_parse(const char *s, cspr_date *d);
/* Parse YYYY-MM-DD or YYYY-MM-DDTHH:MM (real date, 00:00-23:59).  Returns
 * 0 for a bare date (*t is the start of that day), 1 for a date-time, -1. */
int cspr_datetime_parse(const char *s, cspr_time *t);
/* The date of year, month (1-12), day (1-31); no range checks. */
cspr_date cspr_date_from_ymd(int y, int m, int d);
/* Split a date into year, month and day. */
void cspr_date_ymd(cspr_date d, int *y, int *m, int *day);
/* Write d as YYYY-MM-DD into buf (at least 11 bytes); returns buf. */
char *cspr_date_str(cspr_date d, char *buf);
/* Write t as YYYY-MM-DDTHH:MM into buf (at least 17 bytes); returns buf. */
char *cspr_time_str(cspr_time t, char *buf);
/* Day of the week: 0 Monday ... 6 Sunday. */
int cspr_weekday(cspr_date d);
/* The same day six (or n) months on, clamped to the end of a shorter
 * month: 2026-08-31 + 6 months = 2027-02-28. */
cspr_date cspr_add_months(cspr_date d, int n);

/* A set of bank holidays: the England and Wales rules for 1900-2200, every
 * one-off since 1995, and any loaded from files. */
struct cspr_calendar;

/* A calendar with the built-in holidays; NULL on out of memory. */
struct cspr_calendar *cspr_calendar_new(void);
/* Free a calendar. */
void cspr_calendar_free(struct cspr_calendar **c);
/* Add the holidays in a file: GOV.UK bank-holidays.json (division
 * "england-and-wales") or plain text, one YYYY-MM-DD per line, '#'
 * comments.  Returns CSPR_OK, CSPR_FINDINGS (bad content, diagnostics with
 * line:col) or CSPR_ERROR (unreadable). */
int cspr_calendar_load(struct cspr_calendar *c, const char *path,
    struct cspr_errors *e);
/* The holiday's name, or NULL when d is not a bank holiday. */
const char *cspr_holiday(const struct cspr_calendar *c, cspr_date d);
/* 1 when d is Monday-Friday and not a bank holiday. */
int cspr_is_working_day(const struct cspr_calendar *c, cspr_date d);
/* The date n working days after d (n > 0: counted strictly after d, d never
 * counts), or before d (n < 0); d itself for n == 0. */
cspr_date cspr_add_working_days(const struct cspr_calendar *c, cspr_date d,
    int n);
/* Working days in (from, to] when to >= from; minus the working days in
 * (to, from] when to < from. */
int cspr_working_days_between(const struct cspr_calendar *c, cspr_date from,
    cspr_date to);

#endif /* CSPRCORE_H */
