/*
 * tool.c - the shape every csp command shares (see tool.h).  This is where
 * the library's statuses and diagnostics become text on stderr and exit
 * codes, in one place, so the tools cannot drift apart.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tool.h"

static const struct {
	const char *name;
	enum format f;
} formats[] = {
	{"text", FMT_TEXT}, {"json", FMT_JSON}, {"tsv", FMT_TSV},
	{"ics", FMT_ICS}, {"yaml", FMT_YAML},
};

void
tool_init(struct tool *t, const char *name, const char *synopsis,
    const char *help, unsigned fmts)
{
	memset(t, 0, sizeof(*t));
	/* one write per diagnostic, not one per piece of it: lines from
	 * tools run side by side do not interleave, and a file with 100,000
	 * errors is not 400,000 system calls */
	setvbuf(stderr, NULL, _IOLBF, BUFSIZ);
	t->name = name;
	t->synopsis = synopsis;
	t->help = help;
	t->formats = fmts | FMT_TEXT;
	t->format = FMT_TEXT;
	t->today = CSPR_NO_DATE;
}

void
tool_usage(const struct tool *t)
{
	fprintf(stderr, "usage: %s %s\n", t->name, t->synopsis);
	exit(2);
}

static void
die(const struct tool *t, const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", t->name);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	exit(2);
}

static void
set_today(struct tool *t, const char *s, const char *from)
{
	if (cspr_date_parse(s, &t->today) < 0) {
		fprintf(stderr, "%s: %s: not a date (YYYY-MM-DD): %s\n",
		    t->name, from, s);
		exit(2);
	}
}

void
tool_option(struct tool *t, int opt, const char *arg)
{
	size_t i;

	switch (opt) {
	case OPT_FORMAT:
		for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
			if (strcmp(arg, formats[i].name) == 0)
				break;
		if (i == sizeof(formats) / sizeof(formats[0]) ||
		    !(t->formats & formats[i].f))
			die(t, "--format: no such format here: %s", arg);
		t->format = formats[i].f;
		return;
	case OPT_TODAY:
		set_today(t, arg, "--today");
		return;
	case OPT_HOLIDAYS:
		t->holidays = arg;
		return;
	case OPT_SCHEMA:
		t->schema_path = arg;
		return;
	case OPT_NAMES:
		t->names = 1;
		return;
	case 'q':
		t->quiet = 1;
		return;
	case 'h':
		printf("usage: %s %s\n\n%s", t->name, t->synopsis, t->help);
		exit(fflush(stdout) == 0 ? 0 : 2);
	case OPT_VERSION:
		printf("%s (csp) %s\n", t->name, CSPR_VERSION);
		exit(fflush(stdout) == 0 ? 0 : 2);
	default:
		tool_usage(t);
	}
}

void
tool_start(struct tool *t)
{
	const char *env;

	if (t->today == CSPR_NO_DATE) {
		if ((env = getenv("CSP_TODAY")) && *env) {
			set_today(t, env, "CSP_TODAY");
		} else {
			/* the date in England whatever TZ says (SPEC 3);
			 * CSP_NOW, seconds since the epoch, stands in for
			 * the clock in the tests only */
			time_t now = time(NULL);

			if ((env = getenv("CSP_NOW")) && *env)
				now = (time_t)strtoll(env, NULL, 10);
			t->today = cspr_uk_today(now);
		}
	}
	if (!t->holidays && (env = getenv("CSP_HOLIDAYS")) && *env)
		t->holidays = env;
	if (!(t->cal = cspr_calendar_new())) {
		fprintf(stderr, "%s: out of memory\n", t->name);
		exit(2);
	}
	if (t->holidays &&
	    cspr_calendar_load(t->cal, t->holidays, &t->e) != CSPR_OK) {
		tool_diags(t);
		exit(2);
	}
	if (!(t->schema = cspr_case_schema(t->schema_path, &t->e))) {
		tool_diags(t);
		exit(2);
	}
}

void
tool_diags(struct tool *t)
{
	for (size_t i = 0; i < t->e.n; i++) {
		const struct cspr_error *x = &t->e.v[i];

		fprintf(stderr, "%s: %s", t->name, x->file);
		if (x->line > 0)
			fprintf(stderr, ":%ld:%ld", x->line, x->col);
		if (x->path)
			fprintf(stderr, ": %s", x->path);
		fprintf(stderr, ": %s\n", x->message);
	}
	cspr_errors_clear(&t->e);
}

int
tool_oom(struct tool *t, const struct cspr_case *c)
{
	cspr_errors_add(&t->e, cspr_case_file(c), 0, 0, NULL, "out of memory");
	return CSPR_ERROR;
}

void
tool_status(struct tool *t, int s)
{
	if (s > t->status)
		t->status = s;
}

void
tool_json(struct tool *t, json_t *v)
{
	(void)t;
	if (v) {
		json_dumpf(v, stdout, JSON_COMPACT);
		putchar('\n');
		json_decref(v);
	}
}

struct each {
	struct tool *t;
	int (*fn)(struct tool *t, struct cspr_case *c, void *arg);
	void *arg;
};

static int
each_file(const char *path, void *arg)
{
	struct each *x = arg;
	struct tool *t = x->t;
	struct cspr_case *c;
	int r;

	tool_diags(t); /* the walker's, in order */
	r = cspr_case_open(path, t->schema, &c, &t->e);
	if (r != CSPR_OK) {
		if (t->format == FMT_JSON && t->e.n > 0) {
			const struct cspr_error *x0 = &t->e.v[0];
			char where[64] = "";

			if (x0->line > 0)
				snprintf(where, sizeof(where), "%ld:%ld: ",
				    x0->line, x0->col);
			tool_json(t, json_pack("{s:s, s:s+}", "file",
			    x0->file, "error", where, x0->message));
		}
		tool_diags(t);
		return CSPR_ERROR;
	}
	r = x->fn(t, c, x->arg);
	cspr_case_free(&c);
	tool_diags(t);
	return r;
}

void
tool_each(struct tool *t, int argc, char **argv,
    int (*fn)(struct tool *t, struct cspr_case *c, void *arg), void *arg)
{
	struct each x = {t, fn, arg};

	tool_status(t, cspr_walk(argc, argv, each_file, &x, &t->e));
	tool_diags(t);
}

int
tool_finish(struct tool *t)
{
	int bad = fflush(stdout) != 0 || ferror(stdout);

	tool_diags(t);
	cspr_schema_free(&t->schema);
	cspr_calendar_free(&t->cal);
	if (bad) {
		fprintf(stderr, "%s: cannot write output: %s\n", t->name,
		    strerror(errno ? errno : EIO));
		return 2;
	}
	return t->status;
}
