/*
 * tool.c - the shape every csp command shares (see tool.h).  This is where
 * the library's statuses and diagnostics become text on stderr and exit
 * codes, the common options are parsed and described, usage errors are
 * said, and each case's result is written as JSON or text, in one place,
 * so the tools cannot drift apart.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "jsonout.h"
#include "tool.h"

static const struct {
	const char *name;
	enum format f;
} formats[] = {
	{"text", FMT_TEXT}, {"json", FMT_JSON}, {"tsv", FMT_TSV},
	{"ics", FMT_ICS}, {"yaml", FMT_YAML}, {"csv", FMT_CSV},
	{"html", FMT_HTML},
};

/* The options every tool takes, as --help shows them after the tool's
 * own. */
static const struct {
	const char *opt, *text;
	int days; /* only where the tool counts days */
} common[] = {
	{.opt = "-q, --quiet", .text = "print nothing; the exit status tells"},
	{.opt = "    --today DATE", .text = "judge as of DATE (YYYY-MM-DD)",
	    .days = 1},
	{.opt = "    --holidays FILE",
	    .text = "bank holidays, GOV.UK's JSON or a list of dates;",
	    .days = 1},
	{.opt = "", .text = "again for more", .days = 1},
	{.opt = "    --schema FILE",
	    .text = "check cases against this draft-07 schema"},
	{.opt = "    --stdin-name NAME", .text = "the name standard input is "
	    "shown by"},
	{.opt = "-h, --help", .text = "this help"},
	{.opt = "    --version", .text = "the version"},
};

void
tool_init(struct tool *t, const struct tool_spec *spec)
{
	static char outbuf[1 << 16]; /* glibc ignores a size without one */

	memset(t, 0, sizeof(*t));
	/* one write per diagnostic, not one per piece of it: lines from
	 * tools run side by side do not interleave, and a file with 100,000
	 * errors is not 400,000 system calls */
	setvbuf(stderr, NULL, _IOLBF, BUFSIZ);
	/* output to a file or a pipe in 64 KiB writes, not stdio's 4 KiB:
	 * a folder's briefings are megabytes, and a system call costs as
	 * much as reading a small case (a terminal keeps its lines) */
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));
	t->spec = spec;
	t->name = spec->name;
	t->format = FMT_TEXT;
	t->today = CSPR_NO_DATE;
	t->between = "\n";
}

static void
help(const struct tool *t)
{
	const struct tool_spec *s = t->spec;
	int col = s->column ? s->column : 23;

	printf("usage: %s %s\n\n%s", s->name, s->synopsis, s->options);
	for (size_t i = 0; i < sizeof(common) / sizeof(common[0]); i++) {
		if (common[i].days && s->no_days)
			continue;
		if ((int)strlen(common[i].opt) + 3 > col)
			printf("  %s\n%*s%s\n", common[i].opt, col, "",
			    common[i].text);
		else
			printf("  %-*s%s\n", col - 2, common[i].opt,
			    common[i].text);
	}
	printf("\n%s", s->status);
}

int
tool_getopt(struct tool *t, int argc, char **argv, const char *shortopts,
    const struct option *longopts)
{
	argv[0] = (char *)t->name;
	return getopt_long(argc, argv, shortopts, longopts, NULL);
}

void
tool_usage(const struct tool *t)
{
	fprintf(stderr, "usage: %s %s\n", t->name, t->spec->synopsis);
	exit(2);
}

void
tool_usage_error(const struct tool *t, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", t->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
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
		    !((t->spec->formats | FMT_TEXT) & formats[i].f))
			tool_usage_error(t, "--format: no such format "
			    "here: %s", arg);
		t->format = formats[i].f;
		return;
	case OPT_TODAY:
		set_today(t, arg, "--today");
		return;
	case OPT_HOLIDAYS: {
		const char **v = realloc(t->holidays,
		    (t->nholidays + 1) * sizeof(*v));

		if (!v)
			tool_usage_error(t, "out of memory");
		t->holidays = v;
		t->holidays[t->nholidays++] = arg;
		return;
	}
	case OPT_SCHEMA:
		t->schema_path = arg;
		return;
	case OPT_NAMES:
		t->names = 1;
		return;
	case OPT_STDIN_NAME:
		if (!*arg)
			tool_usage_error(t, "--stdin-name: an empty name");
		t->stdin_name = arg;
		return;
	case 'q':
		t->quiet = 1;
		return;
	case 'h':
		help(t);
		exit(tool_finish(t));
	case OPT_VERSION:
		printf("%s (csp) %s\n", t->name, CSPR_VERSION);
		exit(tool_finish(t));
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
	if (!(t->cal = cspr_calendar_new())) {
		fprintf(stderr, "%s: out of memory\n", t->name);
		exit(2);
	}
	/* CSP_HOLIDAYS first, then each --holidays: they merge, and every
	 * bad one is reported before the tool gives up */
	if (!t->spec->no_days) {
		int bad = 0;

		if ((env = getenv("CSP_HOLIDAYS")) && *env)
			bad |= cspr_calendar_load(t->cal, env, &t->e) !=
			    CSPR_OK;
		for (size_t i = 0; i < t->nholidays; i++)
			bad |= cspr_calendar_load(t->cal, t->holidays[i],
			    &t->e) != CSPR_OK;
		if (bad) {
			tool_diags(t);
			exit(2);
		}
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

		if (x->line > 0)
			fprintf(stderr, "%s:%ld:%ld: error: ", x->file,
			    x->line, x->col);
		else if (x->file && *x->file)
			fprintf(stderr, "%s: %s: ", t->name, x->file);
		else
			fprintf(stderr, "%s: ", t->name);
		if (x->path)
			fprintf(stderr, "%s: ", x->path);
		fprintf(stderr, "%s\n", x->message);
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

json_t *
tool_errors_json(const struct cspr_errors *e)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < e->n; i++) {
		const struct cspr_error *x = &e->v[i];

		json_array_append_new(a, json_pack("{s:o, s:o, s:o, s:s}",
		    "line", x->line ? json_integer(x->line) : json_null(),
		    "col", x->line ? json_integer(x->col) : json_null(),
		    "path", x->path ? json_string(x->path) : json_null(),
		    "message", x->message));
	}
	return a;
}

void
tool_json_errors(struct tool *t, const char *file)
{
	char *shown = cspr_printable(file); /* any bytes: still one record */

	tool_json(t, json_pack("{s:s, s:o}", "file", shown ? shown : "",
	    "errors", tool_errors_json(&t->e)));
	free(shown);
}

const char *
tool_file(const struct tool *t, const char *path)
{
	if (strcmp(path, "-") != 0)
		return path;
	return t->stdin_name ? t->stdin_name : "<stdin>";
}

int
tool_open(struct tool *t, const char *path, struct cspr_case **c)
{
	return cspr_case_open_as(path, strcmp(path, "-") == 0 ?
	    t->stdin_name : NULL, t->schema, c, &t->e);
}

int
tool_case(struct tool *t, const struct cspr_case *c, int status,
    json_t *(*json)(void *arg), void (*text)(struct tool *t, void *arg),
    void *arg)
{
	json_t *j;

	if (t->quiet)
		return status; /* the exit status tells */
	if (t->format == FMT_JSON) {
		if (!(j = json(arg)))
			return tool_oom(t, c);
		tool_json(t, j);
		return status;
	}
	if (t->cases++)
		fputs(t->between, stdout);
	text(t, arg);
	return status;
}

void
tool_json(struct tool *t, json_t *v)
{
	(void)t;
	if (v) {
		jsonout(stdout, v);
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
	r = tool_open(t, path, &c);
	if (r != CSPR_OK) {
		if (t->format == FMT_JSON)
			tool_json_errors(t, tool_file(t, path));
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
	free(t->holidays);
	t->holidays = NULL;
	if (bad) {
		fprintf(stderr, "%s: cannot write output: %s\n", t->name,
		    strerror(errno ? errno : EIO));
		return 2;
	}
	return t->status;
}

const char *
tool_schema_file(char *buf, size_t size)
{
	/* from the tool's own bin/: installed, then built in a source tree
	 * (build/bin, or a deeper build folder such as build/asan/bin) */
	static const char *const beside[] = {
		"/../share/csp/case.schema.json",
		"/../../schemas/case.schema.json",
		"/../../../schemas/case.schema.json",
	};
	char exe[PATH_MAX], path[PATH_MAX + 64], real[PATH_MAX], *slash;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	json_t *schema;

	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')))
			*slash = '\0';
		for (size_t i = 0; i < sizeof(beside) / sizeof(*beside);
		     i++) {
			snprintf(path, sizeof(path), "%s%s", exe, beside[i]);
			if (realpath(path, real) && strlen(real) < size) {
				snprintf(buf, size, "%s", real);
				return buf;
			}
		}
	}
	/* the schema's own name for itself, written once, in the schema */
	schema = json_loads(cspr_case_schema_json, 0, NULL);
	snprintf(buf, size, "%s", json_string_value(json_object_get(schema,
	    "$id")) ? json_string_value(json_object_get(schema, "$id")) : "");
	json_decref(schema);
	return buf;
}
