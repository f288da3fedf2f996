/*
 * tool.h - what every csp command shares: the common options, opening each
 * case named by the operands, printing diagnostics, and the exit status.
 * Each cmd/csp-*.c is a thin main() over this and the library.
 */
#ifndef CSP_TOOL_H
#define CSP_TOOL_H

#include <getopt.h>

#include "csprcore.h"

enum format { FMT_TEXT = 1, FMT_JSON = 2, FMT_TSV = 4, FMT_ICS = 8,
	FMT_YAML = 16, FMT_CSV = 32, FMT_HTML = 64 };

/* Long-only options get codes from here up, so they never clash with a
 * tool's short options. */
enum {
	OPT_TODAY = 0x100, OPT_HOLIDAYS, OPT_SCHEMA, OPT_VERSION, OPT_NAMES,
	OPT_FORMAT, OPT_STDIN_NAME,
	OPT_TOOL /* a tool's own long options start here */
};

/* The options every tool takes; end a tool's option table with these. */
#define TOOL_OPTIONS \
	{"format", required_argument, NULL, OPT_FORMAT}, \
	{"today", required_argument, NULL, OPT_TODAY}, \
	{"holidays", required_argument, NULL, OPT_HOLIDAYS}, \
	{"schema", required_argument, NULL, OPT_SCHEMA}, \
	{"names", no_argument, NULL, OPT_NAMES}, \
	{"stdin-name", required_argument, NULL, OPT_STDIN_NAME}, \
	{"quiet", no_argument, NULL, 'q'}, \
	{"help", no_argument, NULL, 'h'}, \
	{"version", no_argument, NULL, OPT_VERSION}, \
	{NULL, 0, NULL, 0}
#define TOOL_SHORT "qh"

/* What a tool is, as its main declares it once (designated initialisers);
 * --help prints the usage, the tool's own options, the options every tool
 * shares (tool.c's), then what the exit statuses mean. */
struct tool_spec {
	const char *name;     /* "csp-validate" */
	const char *synopsis; /* the usage line(s) after the name */
	const char *options;  /* the tool's own options, one per line */
	const char *status;   /* "Exit status: ..." */
	unsigned formats;     /* the formats it writes beside text */
	int column;           /* where descriptions start in --help (23) */
	int no_days;          /* counts no days: --today and --holidays are
				 not shown, and no holidays file is read */
};

struct tool {
	const struct tool_spec *spec;
	const char *name; /* spec->name */
	int format;
	int quiet;
	int names;               /* --names: people may be named */
	cspr_date today;         /* --today, CSP_TODAY, or the local date */
	const char *schema_path; /* --schema */
	const char **holidays;   /* each --holidays, in order */
	size_t nholidays;
	const char *stdin_name;  /* --stdin-name, else "<stdin>" */
	const char *between;     /* printed between two cases' text: "\n",
				    or "\f\n" between forms */
	int cases;               /* cases written in text so far */
	struct cspr_schema *schema;
	struct cspr_calendar *cal;
	struct cspr_errors e; /* diagnostics not yet printed */
	int status;           /* the worst so far */
};

/* Set up a tool before its options are parsed. */
void tool_init(struct tool *t, const struct tool_spec *spec);
/* getopt_long(3) with the tool's name, not the path it was run by, in
 * getopt's own messages. */
int tool_getopt(struct tool *t, int argc, char **argv, const char *shortopts,
    const struct option *longopts);
/* Handle one of the common options; prints and exits on -h, --version
 * and usage errors. */
void tool_option(struct tool *t, int opt, const char *arg);
/* One usage line on stderr and exit 2. */
void tool_usage(const struct tool *t) __attribute__((noreturn));
/* A usage error: "tool: message" (printf-style) on stderr, and exit 2. */
void tool_usage_error(const struct tool *t, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 2, 3)));
/* After the options: today, the schema and the calendar.  Exits 2 when any
 * of them cannot be had. */
void tool_start(struct tool *t);
/* The name an operand is shown by: --stdin-name or "<stdin>" for "-". */
const char *tool_file(const struct tool *t, const char *path);
/* Open and check one case (cspr_case_open, standard input named as
 * tool_file says); the diagnostics stay in t->e. */
int tool_open(struct tool *t, const char *path, struct cspr_case **c);
/* Open each case named by the operands and call fn for those that pass
 * every check; invalid and unreadable files are reported (on stderr, and
 * in JSON as {"file", "errors"}) and make the status 2.  fn returns a
 * status. */
void tool_each(struct tool *t, int argc, char **argv,
    int (*fn)(struct tool *t, struct cspr_case *c, void *arg), void *arg);
/* Print the pending diagnostics on stderr and forget them: as gcc does,
 * "file:line:col: error: path: message" for a place in a file, else
 * "tool: file: message" or "tool: message". */
void tool_diags(struct tool *t);
/* Note that the library ran out of memory over case c; returns
 * CSPR_ERROR, the status for it. */
int tool_oom(struct tool *t, const struct cspr_case *c);
/* Keep the worse of the status so far and s. */
void tool_status(struct tool *t, int s);
/* The diagnostics as a JSON array of {line, col, path, message}, line,
 * col and path null where not known. */
json_t *tool_errors_json(const struct cspr_errors *e);
/* Write {"file", "errors"} for a file that could not be processed, with
 * every pending diagnostic, as one line on stdout. */
void tool_json_errors(struct tool *t, const char *file);
/* One case's result, the same way in every tool: nothing with -q; in
 * --format json the value json(arg) makes (NULL: out of memory) as one
 * line; in text, text(t, arg), after t->between when a case came before.
 * Returns status, or tool_oom's when the JSON could not be made. */
int tool_case(struct tool *t, const struct cspr_case *c, int status,
    json_t *(*json)(void *arg), void (*text)(struct tool *t, void *arg),
    void *arg);
/* Write a JSON value (stolen) as one line on stdout; reals with 15
 * significant digits, so that one rounded to a decimal prints so. */
void tool_json(struct tool *t, json_t *v);
/* Where the case schema is for an editor: share/csp/case.schema.json
 * beside the running tool's bin/ (installed), else schemas/ of the source
 * tree the tool was built in, else the schema's $id, into buf. */
const char *tool_schema_file(char *buf, size_t size);
/* Flush stdout, free everything; the exit status (2 if output failed). */
int tool_finish(struct tool *t);

#endif
