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
#include <time.h>

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
	int at_key; /* placed at the key of path, not its value (unknown field) */
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
/* A new copy of s that prints as one line of text: control characters
 * (C0, DEL, C1, the line and paragraph separators and the bidirectional
 * overrides) and bytes that are not UTF-8 are written as escapes, \n, \r,
 * \t, \x1b for a byte, \u2028 for a character.  Every diagnostic's file,
 * path and message pass through it; outputs show file names with it.  NULL
 * on out of memory. */
char *cspr_printable(const char *s);
/* Cut off the end of s a UTF-8 character that is not whole, as snprintf
 * leaves when it cuts a string short to fit a buffer; returns s. */
char *cspr_u8trim(char *s);

/* ---- load.c: a YAML case file to a jansson tree, with positions ---- */

#define CSPR_MAX_FILE (4L * 1024 * 1024) /* larger files are rejected */
#define CSPR_MAX_DEPTH 64                /* deeper nesting is rejected */
#define CSPR_MAX_NODES 100000            /* more values are rejected */

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

/* A compiled schema.  pattern and patternProperties are POSIX extended
 * regular expressions (regcomp(3)), unanchored; formats "date" and
 * "date-time" are checked, others ignored; $ref resolves within the schema
 * and to the built-in draft-07 metaschema, never over the network. */
struct cspr_schema;

/* Compile a draft-07 schema (borrowed; the compiled schema keeps its own
 * reference).  Returns NULL and a diagnostic in e on a bad schema (its path
 * is the jq-style path in the schema): not an object or boolean, a keyword
 * of the wrong type, a bad regular expression, an unresolvable $ref, a $ref
 * cycle that never descends into the value. */
struct cspr_schema *cspr_schema_compile(json_t *schema, struct cspr_errors *e);
/* Free a compiled schema. */
void cspr_schema_free(struct cspr_schema **s);
/* The schema a compiled schema was compiled from (borrowed). */
json_t *cspr_schema_doc(const struct cspr_schema *s);
#define CSPR_MAX_ERRORS 1000 /* failures of one instance reported; the
				rest are counted */

/* Validate an instance; each failure is appended to e with its jq-style
 * path, file "" and line/col 0 (the caller places it).  Failures come in
 * instance order; a message says what was expected and never quotes the
 * value.  After CSPR_MAX_ERRORS of them one more, without a path, says how
 * many more there are.  Returns the number of failures, or -1 on out of
 * memory. */
int cspr_schema_validate(const struct cspr_schema *s, json_t *instance,
    struct cspr_errors *e);
/* The JSON Schema draft-07 metaschema as JSON text (what
 * "http://json-schema.org/draft-07/schema#" resolves to). */
extern const char cspr_schema_draft07_json[];
/* The built-in case schema (schemas/case.schema.json, compiled in) as JSON
 * text. */
extern const char cspr_case_schema_json[];

/* ---- freetext.c: which strings of a case are free text ---- */

/* What a string of a case is, as the schema describes it. */
enum cspr_text {
	CSPR_TEXT_CODE, /* enum, const, format or pattern: a code, a date */
	CSPR_TEXT_KEPT, /* "x-free-text": false: an id, an agency, kept */
	CSPR_TEXT_FREE, /* anything else, and what no schema node describes */
};
/* Call fn(arg, str, cls, path) for every string value of instance
 * (borrowed; fn may change the string in place) with its class under
 * schema (borrowed, draft-07; $ref, allOf, anyOf, oneOf, properties,
 * patternProperties, additionalProperties and items followed) and its
 * jq-style path.  Returns 0, or the first negative value fn returns (-1
 * on out of memory). */
int cspr_free_text_walk(json_t *schema, json_t *instance,
    int (*fn)(void *arg, json_t *str, enum cspr_text cls, const char *path),
    void *arg);
/* The built-in case schema as a tree; NULL on out of memory. */
json_t *cspr_case_schema_tree(void);

/* ---- calendar.c: dates, working days and bank holidays ---- */

/* A date: days since 1970-01-01, negative before. */
typedef int32_t cspr_date;
/* A date-time: minutes since 1970-01-01T00:00; as a case records it, UK
 * wall-clock time (cspr_uk_to_utc() gives the instant). */
typedef int64_t cspr_time;

#define CSPR_NO_DATE INT32_MIN
/* The dates a case can hold, 0001-01-01 and 9999-12-31 (SPEC 2). */
#define CSPR_FIRST_DATE (-719162)
#define CSPR_LAST_DATE 2932896

/* Parse a strict YYYY-MM-DD that names a real calendar date (years
 * 0001-9999).  Returns 0 and sets *d, or -1. */
int cspr_date_parse(const char *s, cspr_date *d);
/* Parse YYYY-MM-DD or YYYY-MM-DDTHH:MM (real date, 00:00-23:59).  Returns
 * 0 for a bare date (*t is the start of that day), 1 for a date-time, -1. */
int cspr_datetime_parse(const char *s, cspr_time *t);
/* The date of year, month, day: a month outside 1-12 rolls into the
 * year, a day outside the month counts on from its first (2026-03-00 is
 * 2026-02-28); CSPR_NO_DATE outside CSPR_FIRST_DATE..CSPR_LAST_DATE. */
cspr_date cspr_date_from_ymd(int y, int m, int d);
/* Split a date into year, month and day. */
void cspr_date_ymd(cspr_date d, int *y, int *m, int *day);
/* Write d as YYYY-MM-DD into buf (at least 11 bytes; a year outside
 * 0000-9999 is cut short); returns buf. */
char *cspr_date_str(cspr_date d, char *buf);
/* Write t as YYYY-MM-DDTHH:MM into buf (at least 17 bytes); returns buf. */
char *cspr_time_str(cspr_time t, char *buf);
/* Day of the week: 0 Monday ... 6 Sunday. */
int cspr_weekday(cspr_date d);
/* The same day n months on (n < 0: back), clamped to the end of a shorter
 * month: 2026-08-31 + 6 months = 2027-02-28; CSPR_NO_DATE outside
 * CSPR_FIRST_DATE..CSPR_LAST_DATE. */
cspr_date cspr_add_months(cspr_date d, int n);

/* A set of bank holidays: the England and Wales rules for 1900-2200, every
 * one-off since 1995, and any loaded from files.  Outside those years only
 * weekends and loaded holidays are non-working. */
struct cspr_calendar;

#define CSPR_HOLIDAY_RULES_FROM 1900 /* the years the built-in rules cover */
#define CSPR_HOLIDAY_RULES_TO 2200
#define CSPR_MAX_HOLIDAY_FILE (1024L * 1024) /* larger files are rejected */

/* A calendar with the built-in holidays; NULL on out of memory. */
struct cspr_calendar *cspr_calendar_new(void);
/* Free a calendar. */
void cspr_calendar_free(struct cspr_calendar **c);
/* The holiday's name, or NULL when d is not a bank holiday; a loaded name
 * wins over a built-in one for the same date. */
const char *cspr_holiday(const struct cspr_calendar *c, cspr_date d);
/* Call fn for each holiday of the years y1 to y2, in date order; stops at
 * the first nonzero return of fn and returns it, else returns 0. */
int cspr_holidays_in(const struct cspr_calendar *c, int y1, int y2,
    int (*fn)(cspr_date d, const char *name, void *arg), void *arg);
/* 1 when d is Monday-Friday and not a bank holiday. */
int cspr_is_working_day(const struct cspr_calendar *c, cspr_date d);
/* The date n working days after d (n > 0: counted strictly after d, d never
 * counts), or before d (n < 0: strictly before d); d itself for n == 0.
 * CSPR_NO_DATE when the result is outside CSPR_FIRST_DATE..CSPR_LAST_DATE. */
cspr_date cspr_add_working_days(const struct cspr_calendar *c, cspr_date d,
    int n);
/* Working days in (from, to] when to >= from; minus the working days in
 * (to, from] when to < from; within +-INT_MAX.  It undoes
 * cspr_add_working_days for n >= 0, and for n < 0 when d is a working
 * day. */
int cspr_working_days_between(const struct cspr_calendar *c, cspr_date from,
    cspr_date to);

/* UK local time (SPEC section 3): GMT, or BST from 01:00 UTC on the last
 * Sunday of March to 01:00 UTC on the last Sunday of October, by that rule
 * for every year, without tzdata or the process's TZ.  A cspr_time read as
 * minutes since 1970-01-01T00:00 UTC, as UK wall-clock time. */
cspr_time cspr_uk_from_utc(cspr_time utc);
/* The UTC minute of a UK wall-clock time; a time in the hour skipped in
 * March or repeated in October is read as the earlier reading (GMT's in
 * March, BST's in October). */
cspr_time cspr_uk_to_utc(cspr_time local);
/* The date in England at the instant now (seconds since the epoch, as
 * time(3) gives it), whatever the process's TZ: "today". */
cspr_date cspr_uk_today(time_t now);

/* ---- holidays.c: bank-holiday files ---- */

/* Read a holidays file into the calendar.  GOV.UK's bank-holidays.json
 * (only division "england-and-wales"; event titles as names, notes
 * "Substitute day" adding " (substitute day)") is authoritative for the
 * years it has events in: its days replace the built-in ones and an
 * earlier GOV.UK file's for those years, so a moved holiday moves.  A
 * plain list, one "YYYY-MM-DD [name]" per line (default name "Bank
 * holiday"), blank lines, '#' comments at the start of a line or after a
 * blank, CRLF allowed, adds its days to whatever is there.  Where two
 * give a name for one date, the later wins.  A file with any error, an
 * empty one, or one with no holidays, changes nothing.  Returns CSPR_OK,
 * CSPR_FINDINGS (bad content, diagnostics with line:col) or CSPR_ERROR
 * (unreadable, out of memory). */
int cspr_calendar_load(struct cspr_calendar *c, const char *path,
    struct cspr_errors *e);
/* The same from memory (at most CSPR_MAX_HOLIDAY_FILE bytes); name is used
 * in diagnostics. */
int cspr_calendar_load_buffer(struct cspr_calendar *c, const char *name,
    const char *buf, size_t len, struct cspr_errors *e);

/* ---- deadlines.c, duties.c: every duty of the procedure, one table ---- */

/* A moment as a case records it: a date, or a date and a time. */
struct cspr_when {
	cspr_time t; /* for a bare date, the start of that day */
	enum { CSPR_WHEN_NONE, CSPR_WHEN_DATE, CSPR_WHEN_TIME } kind;
};

/* SPEC section 4: done (on or before due), late (done after due), overdue
 * (not done, today after due; or, for a duty to come before something,
 * that has happened), due (not done, today on or before due, or no
 * timescale), pending (applies, but what starts it is missing). */
enum cspr_status { CSPR_DONE, CSPR_LATE, CSPR_OVERDUE, CSPR_DUE,
	CSPR_PENDING };

#define CSPR_MAX_DUTY_MISSING 2

/* One duty of one case: a row of the table in duties.c as it stands. */
struct cspr_deadline {
	char id[80];       /* the duty id, or "action:" and the action's id */
	char action[72];   /* an action's id, "" for other duties */
	const char *rule;  /* the duty id ("action" for actions) */
	const char *para;  /* the paragraph that sets it: "5.1" */
	const char *what;  /* what is due, for people (borrowed) */
	const char *owner; /* "local_authority", "partnership" or "panel" */
	/* a clock taken from another paragraph, for people ("five working
	 * days as 5.1"), or NULL */
	const char *borrowed;
	const char *const *to;    /* a notification: the recipients, */
	const char *const *about; /* and what about (about[0] is the
				     message's); else NULL */
	int applies;       /* cspr_duty_eval(): the duty applies */
	int clock;         /* it has a clock: csp-deadlines shows it */
	int notice;        /* a notification or a duty without a clock:
			      csp-notify shows it */
	int early;         /* 9.15.3, 9.16.2: publication came too soon for
			      the copy: seven working days before it fell
			      before the report was completed */
	int before;        /* it must come before the moment in due (9.14:
			      "before publication"), and is overdue once
			      that has passed without it */
	/* from: what the clock runs from (for 9.15.3 and 9.16.2, the
	 * completion or publication date, whichever gave the due date);
	 * due: from a date, a date; 48 hours from a date-time, a date-time;
	 * for a duty to come before something, that moment */
	struct cspr_when from, due, done;
	/* what gave from, for people: a field ("incident.notified") or a
	 * notice ("the report of the incident to the business manager
	 * (5.2)"); NULL where the clock has no single start */
	const char *started_by;
	enum cspr_status status;
	int days_left; /* working days left (negative: late); due, overdue */
	const char *waits; /* pending: what it waits for, or NULL */
	/* fields the message needs that the case does not record, while it
	 * is still to send ("review.reviewer.name" for 9.4.1) */
	const char *missing[CSPR_MAX_DUTY_MISSING];
	size_t nmissing;
};

/* A list of duties; zero-initialise before use. */
struct cspr_deadlines {
	struct cspr_deadline *v;
	size_t n, cap;
};

/* Append every duty with a clock that applies to a case, in the order of
 * the table, then one per action (11.2).  Status as of today.  Returns 0,
 * or -1 on out of memory.  The deadlines borrow strings from root. */
int cspr_deadlines_eval(const json_t *root, const struct cspr_calendar *c,
    cspr_date today, struct cspr_deadlines *out);
/* The same for every duty of the table, with a clock or not, then the
 * actions. */
int cspr_duties_eval(const json_t *root, const struct cspr_calendar *c,
    cspr_date today, struct cspr_deadlines *out);
/* One duty by id ("rapid-review"), as cspr_duties_eval() gives it: 1 and
 * *d filled when it applies, 0 when not, -1 for an unknown id or on out
 * of memory. */
int cspr_duty_eval(const json_t *root, const struct cspr_calendar *c,
    cspr_date today, const char *id, struct cspr_deadline *d);
/* What a duty of the table is, whatever the case: its paragraph and its
 * words for people (static), or NULL for an unknown id; *para may be NULL
 * to leave it. */
const char *cspr_duty_what(const char *id, const char **para);
/* The duty of that id in a list (borrowed), or NULL. */
const struct cspr_deadline *cspr_deadline_find(const struct cspr_deadlines *ds,
    const char *id);
/* Free a list's contents; it stays usable. */
void cspr_deadlines_clear(struct cspr_deadlines *ds);
/* "done", "late", "overdue", "due" or "pending". */
const char *cspr_status_name(enum cspr_status s);
/* {rule, para, what, from, due, done, status, working_days_left}. */
json_t *cspr_deadline_json(const struct cspr_deadline *d);
/* {id, para, to, about, due, done, status, missing}. */
json_t *cspr_obligation_json(const struct cspr_deadline *d);
/* The moment at path: a date, a date-time, or CSPR_WHEN_NONE. */
struct cspr_when cspr_when_get(const json_t *root, const char *path);
/* A moment as "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" into buf (at least 17
 * bytes), "" when not known; returns buf. */
char *cspr_when_str(struct cspr_when w, char *buf);
/* A moment as JSON: "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" or null. */
json_t *cspr_when_json(struct cspr_when w);
/* The date of a moment. */
cspr_date cspr_when_date(struct cspr_when w);
/* How far moment at is after due, into buf: "3 working days", or where no
 * working day has passed, "2 days" (a weekend) or "5 hours"; never "0
 * working days".  Returns buf. */
char *cspr_late_str(const struct cspr_calendar *c, struct cspr_when due,
    struct cspr_when at, char *buf, size_t size);
/* When every recipient in to[] had been told about any of about[]: the
 * latest of each recipient's first notice in the case's notifications
 * log, or CSPR_WHEN_NONE while one has not. */
struct cspr_when cspr_notice(const json_t *root, const char *const *to,
    const char *const *about);
/* A notifications.to value in words: "the Panel", "Ofsted". */
const char *cspr_recipient(const char *to);
/* The recipients in to[] in words, "the Panel and the Secretary of State",
 * into buf; with root, only those the case's log has not told about any
 * of about[].  Returns how many. */
int cspr_recipients(char *buf, size_t size, const json_t *root,
    const char *const *to, const char *const *about);

/* ---- predicates.c: one home for each question the rules share ---- */

/* Whether a value is there: not absent or null; a string with a character
 * that is not ASCII white space (space, tab, newline, CR, VT, FF: "   " is
 * not recorded); an array or object with at least one member; any number
 * or boolean, false included.  1 or 0. */
int cspr_recorded(const json_t *v);
/* cspr_recorded of the value at a dotted path. */
int cspr_has(const json_t *root, const char *path);
/* Whether two local authority names are the same authority (SPEC 2):
 * equal after case, punctuation and spacing, "&" for "and", a leading
 * "the", "London Borough of", "Royal Borough of", "City of", "Borough of"
 * or "County of", and a trailing "Metropolitan Borough Council",
 * "Metropolitan District Council", "County Council", "City Council",
 * "Borough Council", "District Council" or "Council" are set aside
 * ("Hampshire County Council" is Hampshire).  1, 0, or -1 when either is
 * NULL or has no letter or digit. */
int cspr_same_authority(const char *a, const char *b);
/* 4.1, a serious child safeguarding case: abuse or neglect known or
 * suspected, and the child died or was seriously harmed.  1, 0, or -1 when
 * an input is not recorded or unknown. */
int cspr_serious_case(const json_t *root);
/* 4.1, 8.2.1, a serious incident for the rapid review: a serious case, or
 * one not known not to be (it cannot be ruled out).  1 or 0. */
int cspr_serious_incident(const json_t *root);
/* 5.1, a notifiable incident: a serious case, in the area, or outside
 * England while normally resident in the area (the same authority as
 * local_authority).  1, 0, or -1 when an input is unknown. */
int cspr_notifiable(const json_t *root);

/* ---- findings.c: what a check found ---- */

/* One finding about a valid case: a stable check id for programs, the
 * paragraph it applies, and one sentence for people that names fields but
 * never quotes a personal one. */
struct cspr_finding {
	const char *check; /* "decision-rationale" (static) */
	const char *para;  /* "4.4" (static) */
	char *message;
};

/* A growable list of findings; zero-initialise before use. */
struct cspr_findings {
	struct cspr_finding *v;
	size_t n, cap;
};

/* Append a finding (printf-style message); -1 on out of memory. */
int cspr_findings_add(struct cspr_findings *f, const char *check,
    const char *para, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Free the findings and empty the list; the list stays usable. */
void cspr_findings_clear(struct cspr_findings *f);
/* [{check, para, message}, ...]; NULL on out of memory. */
json_t *cspr_findings_json(const struct cspr_findings *f);

/* ---- criteria.c: which criteria are met (4, 5, 8.1, 9.3, 9.6, 10.2) ---- */

enum cspr_result { CSPR_NOT_MET, CSPR_MET, CSPR_UNKNOWN };

/* One criterion of the procedure, evaluated for one case. */
struct cspr_criterion {
	const char *id;       /* "serious-case" */
	const char *para;     /* "4.1" */
	const char *title;    /* for people: "A serious child safeguarding
				 case" */
	const char *question; /* what to find out while it is unknown */
	enum cspr_result result;
	char because[512];    /* one sentence naming the fields read */
};

/* What the criteria point to (SPEC section 4, csp-decide). */
enum cspr_indicated {
	CSPR_INSUFFICIENT_INFORMATION, /* serious-case unknown */
	CSPR_LOCAL_REVIEW_CONSIDERED,  /* serious, and any of 8.1.1(a)-(e) */
	CSPR_OTHER_REVIEW_CONSIDERED,  /* serious otherwise, or any of
					  8.1.2(f)-(i) or 4.2 */
	CSPR_NO_REVIEW_INDICATED,
};

#define CSPR_NCRITERIA 18

/* Every criterion, in SPEC's order, and what follows from them. */
struct cspr_assessment {
	struct cspr_criterion criteria[CSPR_NCRITERIA];
	enum cspr_indicated indicated;
	char indicated_because[512];
	int national; /* 10.2: 1 met, 0 not met, -1 not known */
	char national_because[512];
	const char *lead;      /* 9.3: a local authority (borrowed), or NULL
				  when not known */
	const char *lead_para; /* "9.3.1", "9.3.5", or "9.3.1, 9.3.5" */
	int lead_looked_after; /* 9.3.5: the lead is the authority looking
				  after the child (1), 9.3.1 (0), -1 unknown */
	char lead_because[512];
	struct cspr_findings findings; /* the decision (4.4, 9.4.5, 4.3)
					  and the reviewer (9.6.5-9.6.7) */
};

/* Evaluate a case (borrowed; the assessment borrows strings from it).
 * today stands in for review.commissioned when that is not recorded.
 * Returns 0, or -1 on out of memory. */
int cspr_assess(const json_t *root, cspr_date today,
    struct cspr_assessment *a);
/* Free an assessment's findings. */
void cspr_assessment_clear(struct cspr_assessment *a);
/* The criterion with this id, or NULL. */
const struct cspr_criterion *cspr_criterion_find(
    const struct cspr_assessment *a, const char *id);
/* One criterion by id, as cspr_assess() gives it, for a rule elsewhere
 * that turns on it (9.3.2 on 8.1.2(h)): 0, or -1 for an unknown id. */
int cspr_criterion_eval(const json_t *root, const char *id,
    struct cspr_criterion *c);
/* "met", "not-met" or "unknown". */
const char *cspr_result_name(enum cspr_result r);
/* "insufficient_information", "local_review_considered", ... */
const char *cspr_indicated_name(enum cspr_indicated i);
/* {id, para, result, because}. */
json_t *cspr_criterion_json(const struct cspr_criterion *c);

/* ---- referral.c: the referral (section 7, Appendix B) ---- */

/* A field the Appendix B form asks for that the case lacks. */
struct cspr_missing {
	const char *path;    /* jq path, ".child.dob"; where either of two
				fields will do, "A // B" */
	const char *what;    /* for people: "the child's date of birth" */
	const char *section; /* the form's section: "1a" */
};

#define CSPR_MAX_MISSING 24

struct cspr_referral {
	struct cspr_missing missing[CSPR_MAX_MISSING]; /* in form order */
	size_t nmissing;
	/* the referral-confirmation deadline (7.2); pending, with no due
	 * date, while referral.received is not recorded */
	struct cspr_deadline confirmation;
	struct cspr_findings findings; /* a late or overdue confirmation
					  (7.2), a CDOP referral (7.5) */
};

/* Check a case's referral as of today.  Returns 0, or -1 on out of
 * memory.  The result borrows strings from root. */
int cspr_referral_check(const json_t *root, const struct cspr_calendar *c,
    cspr_date today, struct cspr_referral *r);
/* Free a referral check's findings. */
void cspr_referral_clear(struct cspr_referral *r);
/* The missing fields' paths as a JSON array. */
json_t *cspr_referral_missing_json(const struct cspr_referral *r);

/* ---- rapid_review.c: the rapid review (8.2, Appendices C and D) ---- */

#define CSPR_MAX_TO_RECORD 8

struct cspr_rapid_review {
	int applies; /* the rapid-review rule of the deadlines applies: the
			partnership received notice of a serious incident */
	int serious; /* 4.1, as csp-decide's serious-case: 1, 0, or -1 not
			known (a serious incident all the same, 8.2.1) */
	struct cspr_deadline due;      /* rapid-review (8.2.1) */
	struct cspr_deadline to_panel; /* rapid-review-to-panel (8.2.4) */
	int extraordinary_required;    /* 8.2.1: 1, 0, or -1 not known */
	int quorate;                   /* 8.2.1: 1, 0, or -1 no meeting */
	const char *health; /* the quorum's health partner: "ccg" for a
			       meeting before 2022-07-01, else "icb" */
	const char *missing_from_quorum[3]; /* "childrens_services",
					       "police", health */
	size_t nmissing;
	int ccg_renamed; /* a meeting from 2022-07-01 records the ccg */
	json_t *outstanding; /* agency ids of requests sent, not returned */
	size_t requests_sent, requests_received;
	struct cspr_when briefing; /* partners and chair briefed (8.2.3) */
	/* what the form still needs, while that is not yet a finding */
	struct {
		const char *what; /* "The LIG's recommendation" */
		const char *para; /* "8.2.3" */
	} to_record[CSPR_MAX_TO_RECORD];
	size_t nto_record;
	struct cspr_findings findings;
};

/* Check a case's rapid review as of today; when the rapid review does not
 * apply, only applies (0) and serious are set.  Returns 0, or -1 on out
 * of memory.
 * The result borrows strings from root. */
int cspr_rapid_review_check(const json_t *root,
    const struct cspr_calendar *c, cspr_date today,
    struct cspr_rapid_review *r);
/* Free a rapid review check. */
void cspr_rapid_review_clear(struct cspr_rapid_review *r);

/* ---- walk.c: operands ---- */

/* Call fn for each operand: none, or "-", is standard input (fn gets "-");
 * a directory is walked for *.yaml and *.yml, hidden entries skipped, in
 * sorted order; anything else is passed on as it is.  Returns the largest
 * status fn returned, or CSPR_ERROR after a folder that could not be read
 * (its diagnostic appended to e; the other operands are still walked). */
int cspr_walk(int argc, char *const argv[],
    int (*fn)(const char *path, void *arg), void *arg, struct cspr_errors *e);

/* ---- case.c: a case file, loaded and checked ---- */

/* A case that passed every check: the YAML rules, the schema and the
 * semantic checks (real dates, dates in order, unique action ids). */
struct cspr_case;
struct cspr_schema;

/* The case schema to check against: the built-in one, or the draft-07
 * schema in the JSON file at path when path is not NULL.  NULL with a
 * diagnostic in e when it cannot be read or compiled. */
struct cspr_schema *cspr_case_schema(const char *path, struct cspr_errors *e);
/* Load and check a case file ("-" is standard input).  CSPR_OK with *c set;
 * CSPR_FINDINGS when the file is invalid; CSPR_ERROR when it cannot be
 * read.  Every diagnostic is placed at file:line:col. */
int cspr_case_open(const char *path, const struct cspr_schema *s,
    struct cspr_case **c, struct cspr_errors *e);
/* The same, the case named name in diagnostics and by cspr_case_file
 * (NULL: as cspr_case_open): what --stdin-name gives standard input. */
int cspr_case_open_as(const char *path, const char *name,
    const struct cspr_schema *s, struct cspr_case **c, struct cspr_errors *e);
/* The same for a case in memory, named name in diagnostics. */
int cspr_case_open_buffer(const char *name, const char *buf, size_t len,
    const struct cspr_schema *s, struct cspr_case **c, struct cspr_errors *e);
/* Free a case. */
void cspr_case_free(struct cspr_case **c);
/* The case's tree (borrowed). */
json_t *cspr_case_root(const struct cspr_case *c);
/* The case's id (borrowed). */
const char *cspr_case_id(const struct cspr_case *c);
/* The name the case was loaded under, as given (to open files beside it). */
const char *cspr_case_file(const struct cspr_case *c);
/* The same name as outputs show it: cspr_printable() of it (borrowed). */
const char *cspr_case_name(const struct cspr_case *c);
/* The loaded document, for positions. */
const struct cspr_doc *cspr_case_doc(const struct cspr_case *c);
/* The schema the case was checked against (borrowed; the case holds a
 * reference): what says which of its strings are free text. */
json_t *cspr_case_schema_doc(const struct cspr_case *c);

/* Field access by dotted path ("incident.la_aware"); a null value, which
 * a case uses for "not known yet", counts as absent.  Borrowed. */
json_t *cspr_get(const json_t *root, const char *path);
/* The string at path, or NULL when absent or not a string. */
const char *cspr_get_str(const json_t *root, const char *path);
/* 1 and *d set when path holds a valid date (a date-time gives its date),
 * else 0. */
int cspr_get_date(const json_t *root, const char *path, cspr_date *d);
/* 1 for true, 0 for false, -1 when absent. */
int cspr_get_bool(const json_t *root, const char *path);

/* ---- identifiers.c: identifying details in text (9.4.3, 9.12.2) ---- */

/* What an identifier is; cspr_id_kind_name() gives the word used in
 * csp-publish-check's "kind". */
enum cspr_id_kind {
	CSPR_ID_NAME,       /* a name, or part of one */
	CSPR_ID_ALIAS,      /* an alias, or part of one */
	CSPR_ID_DOB,        /* a known date of birth, in any common UK format */
	CSPR_ID_NHS_NUMBER, /* ten digits passing the modulus 11 check */
	CSPR_ID_ADDRESS,    /* the known address: first line or street */
	CSPR_ID_POSTCODE,   /* any UK postcode */
	CSPR_ID_PHONE,      /* any UK phone number, or a known one */
	CSPR_ID_EMAIL,      /* any e-mail address */
};

/* One identifier found in a text.  off and len are bytes into the text (for
 * a possessive, "Poppy's", the name without "'s"); line and col are 1-based,
 * col in characters (UTF-8 code points, an invalid byte counting one).
 * item is the index of the known item matched, -1 for a pattern match.
 * Show kind and line:col, never the matched text. */
struct cspr_hit {
	enum cspr_id_kind kind;
	size_t off, len;
	long line, col;
	int item;
};

/* A growable list of hits; zero-initialise before use. */
struct cspr_hits {
	struct cspr_hit *v;
	size_t n, cap;
};

/* The known identifying items of one case, ready to scan text with. */
struct cspr_detector;

/* An empty detector: patterns only (NHS numbers, postcodes, phone numbers,
 * e-mail addresses).  NULL on out of memory. */
struct cspr_detector *cspr_detector_new(void);
/* Free a detector. */
void cspr_detector_free(struct cspr_detector **d);
/* Add a known item: a name or alias (matched whole or in parts), a date of
 * birth (YYYY-MM-DD), an NHS number, an address, a postcode, a phone number
 * or an e-mail address.  label replaces it in cspr_redact(); NULL for the
 * kind's placeholder.  Returns the item's index, or -1 on out of memory.
 * Text that cannot be matched (a malformed date) still gets an index. */
int cspr_detector_add(struct cspr_detector *d, enum cspr_id_kind kind,
    const char *text, const char *label);
/* Add a name that is never reported as a whole (the reviewer, 9.4.3): an
 * occurrence of the full name is not a hit, though its words elsewhere still
 * are.  A one-word name is ignored.  Returns 0, or -1 on out of memory. */
int cspr_detector_exempt(struct cspr_detector *d, const char *name);
/* A detector holding everything identifying in a case (borrowed): the
 * child's names, aliases, dob, NHS number, address and postcode; each family
 * member's name, aliases and dob; each professional's name; the referrer's
 * name, phone and e-mail.  Labels: the child's pseudonym (else "Child"), a
 * family member's relationship ("Mother", "Sibling 1", "Sibling 2"), a
 * professional's "role, agency".  The reviewer is exempt, never an item.
 * NULL on out of memory. */
struct cspr_detector *cspr_detector_from_case(json_t *case_root);
/* Strict mode: a name part that is also a common word counts whenever it
 * is capitalised, at the start of a sentence too ("Hope is ..."), outside
 * a date; for anonymisation, where a missed name costs more than a changed
 * word.  Off by default. */
void cspr_detector_strict(struct cspr_detector *d, int on);
/* The number of known items. */
int cspr_detector_count(const struct cspr_detector *d);
/* An item's kind (CSPR_ID_NAME for a bad index). */
enum cspr_id_kind cspr_detector_kind(const struct cspr_detector *d, int item);
/* An item's label (borrowed), NULL for a bad index. */
const char *cspr_detector_label(const struct cspr_detector *d, int item);
/* Find every identifier in text[0..len) (any bytes; need not be
 * NUL-terminated) by the rules in identifiers.c.  hits is emptied and
 * refilled in text order, without overlaps (the longest match wins).
 * Returns the number of hits, or -1 on out of memory. */
int cspr_detect(const struct cspr_detector *d, const char *text, size_t len,
    struct cspr_hits *hits);
/* Free the hits and empty the list; the list stays usable. */
void cspr_hits_clear(struct cspr_hits *hits);
/* "name", "alias", "dob", "nhs_number", "address", "postcode", "phone",
 * "email"; "unknown" for anything else. */
const char *cspr_id_kind_name(enum cspr_id_kind kind);
/* What replaces a hit: its item's label, or the kind's placeholder
 * ("[phone removed]", "[NHS number removed]", ...).  Borrowed. */
const char *cspr_hit_label(const struct cspr_detector *d,
    const struct cspr_hit *hit);
/* A copy of text with every hit replaced by cspr_hit_label() (a title just
 * before a name goes with it: "Mrs Testcase" -> "Mother"), scanned and
 * redacted again while hits remain (four rounds at most), NUL-terminated;
 * *outlen (when not NULL) is its length.  NULL on out of memory. */
char *cspr_redact(const struct cspr_detector *d, const char *text, size_t len,
    size_t *outlen);

/* ---- possible.c: identifiers nobody listed (9.12.2, 9.15.2, 9.4.3) ---- */

/* What a possible identifier looks like (the rules are in possible.c). */
enum cspr_maybe_kind {
	CSPR_MAYBE_NAME,      /* "Keira", "Mrs Hope", "her friend Keira" */
	CSPR_MAYBE_STREET,    /* "Farrow Road" */
	CSPR_MAYBE_SCHOOL,    /* "Hillcrest Infant School" */
	CSPR_MAYBE_PLACE,     /* "Shamford Surgery", "St Mary's Church" */
	CSPR_MAYBE_VEHICLE,   /* "AB12 CDE" */
	CSPR_MAYBE_NI_NUMBER, /* "QQ 12 34 56 C" */
	CSPR_MAYBE_HANDLE,    /* "@keira_x" */
	CSPR_MAYBE_URL,       /* "www.example.co.uk" */
	CSPR_MAYBE_DOB,       /* a full date after "born" */
};
struct cspr_maybe {
	enum cspr_maybe_kind kind;
	size_t off, len;
	long line, col; /* 1-based, in characters */
};
struct cspr_maybes {
	struct cspr_maybe *v;
	size_t n, cap;
};
/* Find what looks identifying in text[0..len) (any bytes) though the case
 * does not list it; d (from cspr_detector_from_case) says what is
 * harmless (the case's organisations, reviewer, pseudonym); what overlaps
 * known (hits of cspr_detect over the same text, or NULL) is left out.
 * In text order.  Returns the number, or -1 on out of memory. */
int cspr_maybe_scan(const struct cspr_detector *d, const char *text,
    size_t len, const struct cspr_hits *known, struct cspr_maybes *out);
/* Free the list; it stays usable. */
void cspr_maybes_clear(struct cspr_maybes *m);
/* "name", "street", "school", "place", "vehicle", "ni_number", "handle",
 * "url", "dob". */
const char *cspr_maybe_kind_name(enum cspr_maybe_kind k);
/* What anonymisation writes instead: "[name]", "[school]", "[street]"... */
const char *cspr_maybe_label(enum cspr_maybe_kind k);
/* Mark the words of text harmless for cspr_maybe_scan (an organisation, a
 * place of the partnership's).  -1 on out of memory. */
int cspr_detector_harmless(struct cspr_detector *d, const char *text);

/* ---- readability.c: plain English measures of a report (9.12.2) ---- */

#define CSPR_LONG_SENTENCE 25 /* default: a sentence of more words is long */

/* A sentence of more than the limit's words: where its first word is (byte
 * offset, 1-based line and col in characters) and how many words it has. */
struct cspr_long_sentence {
	size_t off;
	long line, col;
	long words;
};

/* An acronym not spelled out at its first use, and where that use is.
 * Acronyms are not personal data: they may be shown. */
struct cspr_acronym {
	char text[16];
	size_t off;
	long line, col;
};

/* The measures of one text.  The scores are 0 when there are no words. */
struct cspr_readability {
	long words, sentences, syllables;
	double words_per_sentence;
	double flesch_reading_ease;  /* 206.835 - 1.015 W/S - 84.6 Sy/W */
	double flesch_kincaid_grade; /* 0.39 W/S + 11.8 Sy/W - 15.59 */
	struct cspr_long_sentence *long_sentences;
	size_t nlong;
	struct cspr_acronym *acronyms;
	size_t nacronyms;
};

/* Options; NULL or zero fields mean the defaults. */
struct cspr_readability_opts {
	long long_sentence;               /* more words is long (default 25) */
	const char *const *known_acronyms; /* NULL-terminated; added to the
					      built-in list (UK, NHS, GP...) */
};

/* Measure a report: plain text or Markdown, text[0..len), any bytes (the
 * rules are in readability.c).  NULL on out of memory. */
struct cspr_readability *cspr_readability(const char *text, size_t len,
    const struct cspr_readability_opts *opts);
/* Free the measures. */
void cspr_readability_free(struct cspr_readability **r);
/* The syllables in one word by the module's heuristic (at least 1 for a
 * word with a letter or digit, 0 for none). */
int cspr_syllables(const char *word, size_t len);

/* ---- duties.c: who must be told what, and by when (csp-notify) ---- */

/* The duties csp-notify lists: every notification, with a clock or not,
 * and every duty without a clock; and the checks of the notifications
 * log. */
struct cspr_obligations {
	struct cspr_deadline *v;
	size_t n, cap;
	/* findings: a notification to an external body not anonymised
	 * (9.4.3), a case closed with an action open (11.3, 9.14.3) */
	struct cspr_findings findings;
	/* notifications to an external body that do not record whether
	 * they were anonymised (9.4.3) */
	struct cspr_findings unknown;
};

/* Append every obligation that applies to a case, in the order a case
 * meets them, status as of today, and the log's findings.  Returns 0, or
 * -1 on out of memory. */
int cspr_obligations_eval(const json_t *root, const struct cspr_calendar *c,
    cspr_date today, struct cspr_obligations *out);
/* Free a list's contents; it stays usable. */
void cspr_obligations_clear(struct cspr_obligations *os);

/* ---- anonymise.c: a case for an external body (9.4.3) ---- */

/* Age from dob to at, as anonymised output gives it: "5 days" under a
 * month, "8 months" under two years, else "13 years"; into buf (at least
 * 16 bytes).  Returns buf, or NULL when at is before dob. */
char *cspr_age(cspr_date dob, cspr_date at, char *buf, size_t size);
/* The case (borrowed) as an external body may see it, a new tree: the
 * child's names, aliases, NHS number, address, postcode and education
 * setting removed and pseudonym set ("Child" when none); each family
 * member's name their relationship ("Mother", "Sibling 1"), aliases
 * removed; each professional's name "role, agency"; the referrer's name
 * "Referrer, agency" (or a professional's label), phone and e-mail removed;
 * every dob replaced by age_at_incident (dropped when incident.date is
 * not known); every other free-text string (cspr_free_text_walk() over
 * the built-in schema) redacted with d (a detector from the same case);
 * codes, dates, ids and kept strings as they are; the reviewer's name
 * kept.  What free text names though the case does not list it
 * (cspr_maybe_scan) becomes its label ("[name]", "[school]"), each one
 * appended to replaced (when not NULL) with its path and kind, never its
 * text.  NULL on out of memory. */
json_t *cspr_anonymise(json_t *root, const struct cspr_detector *d,
    struct cspr_errors *replaced);
/* Scan every key and string of an anonymised tree with d (a code, for
 * names and addresses, is not read: "outside_england" names no one).  Each identifier
 * still there is appended to e as file, the line:col of the same path in
 * doc (when doc is not NULL; the nearest field there), the jq path, and its
 * kind, never the text.  Returns the number found, or -1 on out of
 * memory. */
int cspr_anonymise_scan(const struct cspr_detector *d, json_t *tree,
    const char *file, const struct cspr_doc *doc, struct cspr_errors *e);
/* Both for a case, free text and codes as the schema it was checked
 * against says (cspr_case_schema_doc): CSPR_OK with *out set;
 * CSPR_FINDINGS when something identifying remains (*out NULL, the places
 * in e); CSPR_ERROR on out of memory.  replaced (or NULL): the possible identifiers replaced, placed
 * in the case file. */
int cspr_anonymise_case(const struct cspr_case *c, json_t **out,
    struct cspr_errors *e, struct cspr_errors *replaced);

/* ---- publish.c: may this final report be published? (9.12, 9.15, 9.16,
 * 10.7, 10.8) ---- */

#define CSPR_MAX_REPORT (4L * 1024 * 1024) /* larger reports are rejected */
#define CSPR_MIN_READING_EASE 30.0 /* default: a lower Flesch Reading Ease is
				      a finding */
#define CSPR_MAX_GRADE 14.0        /* default: a higher Flesch-Kincaid grade
				      is a finding */

/* Read a report ("-" is standard input) into a new NUL-terminated buffer.
 * CSPR_OK; CSPR_FINDINGS when it is larger than CSPR_MAX_REPORT or is not
 * text (a NUL byte); CSPR_ERROR when it cannot be read.  Diagnostics name
 * the file as given ("<stdin>" for "-"). */
int cspr_report_read(const char *path, char **buf, size_t *len,
    struct cspr_errors *e);
/* The same, the report named name in diagnostics (NULL: as
 * cspr_report_read): what --stdin-name gives standard input. */
int cspr_report_read_as(const char *path, const char *name, char **buf,
    size_t *len, struct cspr_errors *e);
/* Where a case's report is: report.file as it is when absolute or when
 * the case came from standard input (case_file "-" or "<stdin>"), else
 * joined to the folder of case_file.  A new string; NULL when the case
 * records no report.file, or on out of memory (*oom set). */
char *cspr_report_path(const json_t *root, const char *case_file, int *oom);

/* A heading of a report, as the content checks see them: a Markdown "#"
 * heading (levels 1-6), a setext heading ("=" or "-" under a line: 1, 2),
 * or a plain-text heading line as pdftotext and pandoc write them: short,
 * not ending a sentence, in capitals (7) or else standing alone between
 * blank lines, numbered (8-10 by depth) or not (11).  The rules are in
 * publish.c. */
struct cspr_heading {
	size_t off, len;  /* its words, bytes into the text: without the
			     "#" marks and any numbering ("5.2", "A.") */
	long line, col;   /* its first character; col in characters */
	int level;
	long body_words;  /* words under it (lower headings' too), before
			     the next heading of its level or above */
};

/* A growable list of headings; zero-initialise before use. */
struct cspr_headings {
	struct cspr_heading *v;
	size_t n, cap;
};

/* Find every heading of text[0..len) (any bytes), in order; YAML front
 * matter and fenced code are skipped.  Returns the number, or -1 on out of
 * memory.  h is emptied first. */
int cspr_headings(const char *text, size_t len, struct cspr_headings *h);
/* Free the headings and empty the list; the list stays usable. */
void cspr_headings_clear(struct cspr_headings *h);
/* 1 when the heading text[0..len) holds one of the phrases
 * (NULL-terminated): its words in a row, any case, a plural "s" on either
 * side ignored ("Recommendation" matches "recommendations"). */
int cspr_heading_matches(const char *text, size_t len,
    const char *const *phrases);
/* The default heading phrases for 9.12.1(a), the summary of recommended
 * improvements, and 9.12.1(b), the analysis of systemic or underlying
 * reasons; NULL-terminated. */
extern const char *const cspr_improvements_headings[];
extern const char *const cspr_analysis_headings[];

/* What to ask of a report. */
struct cspr_publish_opts {
	const char *const *improvements; /* heading phrases (9.12.1(a)) */
	const char *const *analysis;     /* heading phrases (9.12.1(b)) */
	double min_reading_ease;         /* Flesch Reading Ease below: a
					    finding */
	double max_grade;                /* Flesch-Kincaid grade above */
	long long_sentence;              /* more words is a long sentence */
	const char *const *known_acronyms; /* NULL-terminated, or NULL: added
					      to readability.c's list */
};

/* The defaults: the phrases above, CSPR_MIN_READING_EASE, CSPR_MAX_GRADE,
 * CSPR_LONG_SENTENCE, no extra acronyms. */
void cspr_publish_opts_init(struct cspr_publish_opts *o);

/* One finding of csp-publish-check (SPEC section 4).  line and col place it
 * in the report; both 0 when it is about the report as a whole or about
 * the case, and then path, when not NULL, is the case field it is about
 * (jq-style, ".publication.delay_reason").  kind is an identifier's kind
 * ("name", "dob", ...), else NULL.  The message is one sentence ending
 * with its paragraph; it never quotes the report or a personal field. */
struct cspr_pub_finding {
	const char *check; /* "identifier" (static) */
	const char *para;  /* "9.12.2, 9.15.2, 9.4.3" (static) */
	long line, col;
	const char *kind;
	const char *path;
	int blocks;        /* it stands in the way of publication */
	char *message;
};

/* The answer for one case and its report. */
struct cspr_publish {
	int has_report;
	/* the report's measures, NULL without a report; the scores as shown
	 * and compared, rounded to one decimal */
	struct cspr_readability *rd;
	double reading_ease, grade, words_per_sentence;
	/* findings: those placed in the report in line:col order, then those
	 * about the report as a whole, then those about the case */
	struct cspr_pub_finding *v;
	size_t n, cap;
	/* what is in order but worth saying: a late publication whose delay
	 * was explained (9.16.3), how long the report must stay available
	 * (9.15.1, 10.8.3) */
	struct cspr_findings notes;
	int publishable;           /* 1, 0, or -1 without a report */
	cspr_date available_until; /* published + 1 year (3 for a national
				      review), or CSPR_NO_DATE */
	cspr_date today;           /* as of when it was checked */
	size_t possible;           /* possible-identifier findings, for a
				      person to check (they do not block) */
	const char *encoding;      /* "windows-1252" when the report was not
				      UTF-8 and was read as that, else
				      NULL (static) */
};

/* Check a case (borrowed) and its report text[0..len), any bytes (text
 * that is not UTF-8 is read as Windows-1252); text NULL when there is no
 * report: then only the checks of the case.  Status
 * as of today.  Returns 0, or -1 on out of memory. */
int cspr_publish_check(json_t *root, const char *text, size_t len,
    const struct cspr_calendar *c, cspr_date today,
    const struct cspr_publish_opts *o, struct cspr_publish *p);
/* Free a check's contents. */
void cspr_publish_clear(struct cspr_publish *p);
/* {case, report, publishable, readability: {words, sentences,
 * words_per_sentence, flesch_reading_ease, flesch_kincaid_grade,
 * long_sentences} or null, available_until, findings: [{check, para, line,
 * col, kind, message}]}; report may be NULL.  NULL on out of memory. */
json_t *cspr_publish_json(const struct cspr_publish *p, const char *id,
    const char *report);

/* ---- summary.c: where every case stands (csp-summary) ---- */

/* The stage a case has reached, first to last; the rule for each, with
 * the paragraphs it rests on, is the table in summary.c. */
enum cspr_stage {
	CSPR_STAGE_REFERRAL, CSPR_STAGE_RAPID_REVIEW, CSPR_STAGE_DECISION,
	CSPR_STAGE_REVIEW, CSPR_STAGE_REPORT, CSPR_STAGE_PUBLISHED,
	CSPR_STAGE_MONITORING, CSPR_STAGE_CLOSED
};
#define CSPR_NSTAGES 8

/* The stage of a case (borrowed). */
enum cspr_stage cspr_stage(const json_t *root);
/* "referral", "rapid_review", ..., "monitoring_actions", "closed". */
const char *cspr_stage_name(enum cspr_stage s);
/* For people: "rapid review", "monitoring actions". */
const char *cspr_stage_title(enum cspr_stage s);
/* The paragraphs the stage rests on: "8.2". */
const char *cspr_stage_para(enum cspr_stage s);

/* Timeline rows kept per case (cspr_summary_new's clocks); the others
 * are counted in nmore. */
#define CSPR_SUMMARY_MAX_CLOCKS 40

/* One dated duty of a case, for a timeline: a clock from its start to its
 * due date, or an action (no start). */
struct cspr_clock {
	const char *id;   /* "rapid-review", "action:A2" (the summary's) */
	const char *para; /* static */
	cspr_date from, due, done; /* CSPR_NO_DATE when not known */
	enum cspr_status status;
	int days_left;
	int action;
	int early, before; /* as the duty's */
};

/* What the summary keeps of one case: no more than a line of the board
 * needs.  Strings belong to the summary. */
struct cspr_case_summary {
	const char *id, *file;
	const char *name;          /* as given to cspr_summary_add, or NULL */
	const char *next;          /* the open duty due first, or NULL */
	const char *next_para;
	struct cspr_when next_due;
	enum cspr_status next_status;
	int next_days_left;
	int next_early, next_before; /* as the duty's early and before */
	enum cspr_stage stage;
	unsigned overdue;     /* duties overdue (the Panel's too) */
	unsigned outstanding; /* duties open: due or overdue */
	int findings;         /* the partnership's or local authority's overdue */
	cspr_date incident;   /* incident.date, or CSPR_NO_DATE */
	struct cspr_clock *clocks; /* with clocks only, else NULL */
	unsigned nclocks, nmore;
};

/* How one rule of the deadline table fared over the clocks that started
 * in the period.  Working days taken: from the start to done, of those
 * done (on time or late). */
struct cspr_timeliness {
	const char *rule, *para; /* static */
	unsigned long ran;      /* clocks started: the four below */
	unsigned long on_time, late, overdue, due;
	double share_on_time;   /* on_time / (on_time + late + overdue), or
				   -1 when none of those */
	unsigned long timed;    /* those done, on time or late: */
	double median;          /* their working days taken (negative: done
				   before the clock's start, as a copy sent
				   before publication is), */
	int worst;              /* and the most; both when timed > 0 */
};

/* The counts a partnership's yearly report draws, by the date each thing
 * happened in the period. */
struct cspr_funnel {
	unsigned long referrals;        /* referral.received */
	unsigned long notified;         /* first notice to the Panel about
					   the incident */
	unsigned long rapid_reviews;    /* rapid_review.completed */
	unsigned long decisions;        /* decision.date, and by outcome: */
	unsigned long local_review, national_review, other_review,
	    no_further_action, outcome_unknown;
	unsigned long published;        /* local reviews published */
	unsigned long rr_timed;         /* completed rapid reviews with a due
					   date, and the working days late
					   (negative: early) on average */
	double rr_average_late;
};

/* Two files holding the same case id: the later and the first. */
struct cspr_duplicate {
	const char *id, *file, *first;
};

/* The summary of a run: the cases added so far, the figures. */
struct cspr_summary;

/* A summary as of today, for the period [from, to] (CSPR_NO_DATE: open);
 * clocks: keep each case's timeline too.  NULL on out of memory. */
struct cspr_summary *cspr_summary_new(cspr_date today, cspr_date from,
    cspr_date to, int clocks);
/* Free a summary. */
void cspr_summary_free(struct cspr_summary **s);
/* Add a case (borrowed; only the summary's small record of it is kept),
 * read from file; name is kept when not NULL.  Returns 0; 1 when its id
 * is that of a case added before (a duplicate, see below); -1 on out of
 * memory. */
int cspr_summary_add(struct cspr_summary *s, const json_t *root,
    const char *file, const char *name, const struct cspr_calendar *c);
/* After the last case: sort the cases by next due date (overdue first,
 * none last; then id and file) and work out the figures.  0, or -1 on out
 * of memory. */
int cspr_summary_finish(struct cspr_summary *s);
/* The cases, in order once finished. */
size_t cspr_summary_ncases(const struct cspr_summary *s);
const struct cspr_case_summary *cspr_summary_case(
    const struct cspr_summary *s, size_t i);
/* The rules of the timeliness table, in paragraph order. */
size_t cspr_summary_nrules(const struct cspr_summary *s);
const struct cspr_timeliness *cspr_summary_rule(const struct cspr_summary *s,
    size_t i);
/* The funnel. */
const struct cspr_funnel *cspr_summary_funnel(const struct cspr_summary *s);
/* Cases at each stage. */
unsigned long cspr_summary_stage_count(const struct cspr_summary *s,
    enum cspr_stage stage);
/* The duplicate ids found, in the order met. */
size_t cspr_summary_nduplicates(const struct cspr_summary *s);
const struct cspr_duplicate *cspr_summary_duplicate(
    const struct cspr_summary *s, size_t i);
/* {case, [child,] file, stage, stage_para, next: {rule, para, due, status,
 * working_days_left} or null, overdue, outstanding}; names: include child.
 * NULL on out of memory. */
json_t *cspr_case_summary_json(const struct cspr_case_summary *cs,
    int names);
/* {"summary": {today, from, to, cases, stages, timeliness, funnel,
 * duplicates}}.  NULL on out of memory. */
json_t *cspr_summary_json(const struct cspr_summary *s);

#endif /* CSPRCORE_H */
