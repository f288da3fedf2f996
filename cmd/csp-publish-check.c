/*
 * csp-publish-check - may this final report be published?  (9.12, 9.15,
 * 9.16, 10.7, 10.8)
 *
 * Reads each case and its report (report.file, relative to the case file's
 * folder, or --report FILE) and says what stands in the way.  Text is a
 * list a reviewer can work through in an editor: each finding in the report
 * as report:line:col, each about the case after the case file's name, then
 * the readability scores and the verdict.  JSON is one
 * object per case.  The library decides all of it (publish.c); this file
 * only speaks.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "text.h"
#include "tool.h"

static const struct tool_spec spec = {
	.name = "csp-publish-check",
	.synopsis = "[-q] [--format text|json] [--report file] "
	    "[--min-reading-ease n] [--max-grade n] [--long-sentence n] "
	    "[--acronyms list] [--improvements-headings list] "
	    "[--analysis-headings list] [--names] [--today date] "
	    "[file|dir ...]",
	.options =
	    "      --report FILE    the report to check (\"-\": standard input) "
	    "instead\n"
	    "                       of the case's report.file; one case only\n"
	    "      --min-reading-ease N\n"
	    "                       a lower Flesch Reading Ease is a finding "
	    "(30)\n"
	    "      --max-grade N    a higher Flesch-Kincaid grade is a finding "
	    "(14)\n"
	    "      --long-sentence N\n"
	    "                       a sentence of more words is a finding (25)\n"
	    "      --acronyms LIST  acronyms the readers know, comma-separated\n"
	    "      --improvements-headings LIST\n"
	    "                       heading phrases for the summary of "
	    "recommended\n"
	    "                       improvements (recommendations,recommended\n"
	    "                       improvements,improvements)\n"
	    "      --analysis-headings LIST\n"
	    "                       heading phrases for the analysis of systemic "
	    "or\n"
	    "                       underlying reasons (analysis,systemic,"
	    "underlying\n"
	    "                       reasons,findings)\n"
	    "      --format FMT     text (default) or json, one object per case\n"
	    "      --names          name the child in the heading\n",
	.status = "Exit status: 0 no findings, 1 findings, 2 usage error or a "
	    "case or report that cannot be processed.\n",
	.formats = FMT_JSON,
};

enum {
	OPT_REPORT = OPT_TOOL, OPT_MIN_EASE, OPT_MAX_GRADE, OPT_LONG,
	OPT_ACRONYMS, OPT_IMPROVEMENTS, OPT_ANALYSIS
};

struct run {
	const char *report; /* --report */
	struct cspr_publish_opts o;
};

/* A comma-separated list as a NULL-terminated array of trimmed, non-empty
 * items, in one allocation with their text. */
static const char **
list(struct tool *t, const char *opt, const char *arg)
{
	size_t n = 2, len = strlen(arg);
	const char **v;
	char *s, *p, *item;
	size_t k = 0;

	for (const char *c = arg; *c; c++)
		n += *c == ',';
	if (!(v = malloc(n * sizeof(*v) + len + 1)))
		tool_usage_error(t, "out of memory");
	s = memcpy((char *)(v + n), arg, len + 1);
	for (p = s; (item = strsep(&p, ",")) != NULL;) {
		char *end;

		while (*item == ' ' || *item == '\t')
			item++;
		end = item + strlen(item);
		while (end > item && (end[-1] == ' ' || end[-1] == '\t'))
			*--end = '\0';
		if (*item)
			v[k++] = item;
	}
	v[k] = NULL;
	if (k == 0) {
		free(v);
		tool_usage_error(t, "%s: an empty list", opt);
	}
	return v;
}

static double
number(struct tool *t, const char *opt, const char *arg, double lo,
    double hi, int whole)
{
	char *end;
	double x;

	errno = 0;
	x = strtod(arg, &end);
	/* !(x >= lo): NaN compares false with everything, so is refused */
	if (end == arg || *end || errno || !(x >= lo) || !(x <= hi) ||
	    (whole && x != (double)(long)x)) {
		tool_usage_error(t, "%s: not a %s from %g to %g: %s", opt,
		    whole ? "whole number" : "number", lo, hi, arg);
	}
	return x;
}

static void
finding(const struct cspr_case *c, const char *report,
    const struct cspr_pub_finding *f)
{
	if (f->line > 0) {
		text_flat(report);
		printf(":%ld:%ld: ", f->line, f->col);
	} else if (f->path) {
		/* the message names the fields; a line number in the case
		 * file would change with its comments and long text */
		text_flat(cspr_case_name(c));
		printf(": ");
	} else {
		text_flat(report);
		printf(": ");
	}
	printf("%s", f->check);
	if (f->kind)
		printf(" (%s)", f->kind);
	printf(": %s\n", f->message);
}

static void
speak(const struct tool *t, const struct cspr_case *c, const char *report,
    const struct cspr_publish *p, const struct cspr_publish_opts *o)
{
	char line[1024];
	size_t duties = 0, blocking = 0, check = p->possible;
	const char *s = check == 1 ? "" : "s";

	if (report)
		snprintf(line, sizeof(line), "final report %s", report);
	text_heading(cspr_case_root(c), t->names, cspr_case_id(c), report ?
	    line : "no report to check (no report.file in the case, and no "
	    "--report)");
	for (size_t i = 0; i < p->n; i++) {
		finding(c, report, &p->v[i]);
		blocking += p->v[i].blocks;
	}
	/* what neither blocks nor is a possible identifier is a duty */
	duties = p->n - blocking - check;
	if (p->rd) {
		const struct cspr_readability *r = p->rd;

		char many[32] = "none";

		if (r->nlong)
			snprintf(many, sizeof(many), "%zu", r->nlong);
		snprintf(line, sizeof(line), "%ld words in %ld sentences, %.1f "
		    "words a sentence, %s over %ld words; Flesch Reading Ease "
		    "%.1f (%g or more wanted), Flesch-Kincaid grade %.1f (%g or "
		    "less wanted).", r->words, r->sentences,
		    p->words_per_sentence, many, o->long_sentence, p->reading_ease,
		    o->min_reading_ease, p->grade, o->max_grade);
		text_wrap("Readability (9.12.2): ", "  ", line);
	}
	for (size_t i = 0; i < p->notes.n; i++) {
		/* the paragraphs at the end stay on one line */
		char *open;

		snprintf(line, sizeof(line), "%s", p->notes.v[i].message);
		if ((open = strrchr(line, '(')))
			for (char *q = open; *q; q++)
				if (*q == ' ')
					*q = TEXT_NBSP;
		text_wrap("", "  ", line);
	}
	if (p->publishable < 0) {
		text_wrap("Publishable: ", "  ", "not known without the report.");
		return;
	}
	if (!p->publishable && check) {
		snprintf(line, sizeof(line), "no: %zu finding%s above to resolve "
		    "first, and %zu possible identifier%s to check.", blocking,
		    blocking == 1 ? "" : "s", check, s);
	} else if (!p->publishable) {
		snprintf(line, sizeof(line), "no: %zu finding%s above to resolve "
		    "first.", blocking, blocking == 1 ? "" : "s");
	} else if (check) {
		snprintf(line, sizeof(line), "once the %zu possible "
		    "identifier%s above %s checked (9.12.2, 9.15.2)%s", check,
		    s, check == 1 ? "is" : "are", duties ? ";" : ".");
		if (duties) {
			size_t l = strlen(line);

			snprintf(line + l, sizeof(line) - l, " the %zu "
			    "finding%s about the partnership's duties above "
			    "do%s not stand in its way.", duties, duties == 1 ?
			    "" : "s", duties == 1 ? "es" : "");
		}
	} else if (duties) {
		snprintf(line, sizeof(line), "yes, on these checks; the %zu "
		    "finding%s about the partnership's duties above do%s not "
		    "stand in its way.", duties, duties == 1 ? "" : "s",
		    duties == 1 ? "es" : "");
	} else {
		snprintf(line, sizeof(line), "yes, on these checks.");
	}
	text_wrap("Publishable: ", "  ", line);
}

/* One case's checks, as tool_case writes them. */
struct one {
	const struct cspr_case *c;
	const char *shown; /* the report as named, or NULL */
	const struct run *x;
	struct cspr_publish p;
};

static json_t *
one_json(void *arg)
{
	const struct one *y = arg;

	return cspr_publish_json(&y->p, cspr_case_id(y->c), y->shown);
}

static void
one_text(struct tool *t, void *arg)
{
	const struct one *y = arg;

	speak(t, y->c, y->shown, &y->p, &y->x->o);
}

static int
check(struct tool *t, struct cspr_case *c, void *arg)
{
	struct run *x = arg;
	json_t *root = cspr_case_root(c);
	struct one y = {.c = c, .x = x};
	char *path = NULL, *text = NULL, *shown = NULL;
	size_t len = 0;
	int oom = 0, r;

	if (x->report)
		shown = cspr_printable(tool_file(t, x->report));
	else if ((path = cspr_report_path(root, cspr_case_file(c), &oom)))
		shown = cspr_printable(path); /* any bytes: one record still */
	if (oom || ((x->report || path) && !shown))
		goto nomem;
	if (shown && (r = cspr_report_read_as(x->report ? x->report : path,
	    shown, &text, &len, &t->e)) != CSPR_OK) {
		/* the file that could not be processed is the report;
		 * "case" says whose it is */
		if (t->format == FMT_JSON)
			tool_json(t, json_pack("{s:s, s:s, s:o}", "file", shown,
			    "case", cspr_case_id(c), "errors",
			    tool_errors_json(&t->e)));
		free(path);
		free(shown);
		return CSPR_ERROR;
	}
	y.shown = shown;
	if (cspr_publish_check(root, shown ? text : NULL, len, t->cal,
	    t->today, &x->o, &y.p) < 0) {
		free(text);
		goto nomem;
	}
	free(text);
	r = tool_case(t, c, y.p.n ? CSPR_FINDINGS : CSPR_OK, one_json,
	    one_text, &y);
	cspr_publish_clear(&y.p);
	free(path);
	free(shown);
	return r;
nomem:
	free(path);
	free(shown);
	return tool_oom(t, c);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"report", required_argument, NULL, OPT_REPORT},
		{"min-reading-ease", required_argument, NULL, OPT_MIN_EASE},
		{"max-grade", required_argument, NULL, OPT_MAX_GRADE},
		{"long-sentence", required_argument, NULL, OPT_LONG},
		{"acronyms", required_argument, NULL, OPT_ACRONYMS},
		{"improvements-headings", required_argument, NULL,
		    OPT_IMPROVEMENTS},
		{"analysis-headings", required_argument, NULL, OPT_ANALYSIS},
		TOOL_OPTIONS
	};
	const char **acronyms = NULL, **improvements = NULL, **analysis = NULL;
	struct run x = {0};
	struct tool t;
	struct stat st;
	int c, status;

	tool_init(&t, &spec);
	cspr_publish_opts_init(&x.o);
	while ((c = tool_getopt(&t, argc, argv, TOOL_SHORT, longopts)) != -1) {
		switch (c) {
		case OPT_REPORT:
			x.report = optarg;
			break;
		case OPT_MIN_EASE:
			x.o.min_reading_ease = number(&t, "--min-reading-ease",
			    optarg, -1000, 1000, 0);
			break;
		case OPT_MAX_GRADE:
			x.o.max_grade = number(&t, "--max-grade", optarg,
			    -1000, 1000, 0);
			break;
		case OPT_LONG:
			x.o.long_sentence = (long)number(&t, "--long-sentence",
			    optarg, 1, 10000, 1);
			break;
		case OPT_ACRONYMS:
			free(acronyms);
			x.o.known_acronyms = acronyms = list(&t, "--acronyms",
			    optarg);
			break;
		case OPT_IMPROVEMENTS:
			free(improvements);
			x.o.improvements = improvements = list(&t,
			    "--improvements-headings", optarg);
			break;
		case OPT_ANALYSIS:
			free(analysis);
			x.o.analysis = analysis = list(&t,
			    "--analysis-headings", optarg);
			break;
		default:
			tool_option(&t, c, optarg);
		}
	}
	/* one report goes with one case */
	if (x.report) {
		const char *op = optind < argc ? argv[optind] : "-";

		if (argc - optind > 1 || (strcmp(op, "-") != 0 &&
		    stat(op, &st) == 0 && S_ISDIR(st.st_mode)))
			tool_usage_error(&t, "--report goes with one case "
			    "file");
		if (strcmp(x.report, "-") == 0 && strcmp(op, "-") == 0)
			tool_usage_error(&t, "--report - and the case cannot "
			    "both be standard input");
	}
	tool_start(&t);
	tool_each(&t, argc - optind, argv + optind, check, &x);
	status = tool_finish(&t);
	free(acronyms);
	free(improvements);
	free(analysis);
	return status;
}
