/*
 * csp-summary - where does every case stand?
 *
 * Reads every case named, keeps the library's small record of each
 * (lib/summary.c: stage, next duty, counts, and for the board the clocks),
 * then writes the cases sorted by next due date, the timeliness of each
 * rule over a period and the funnel a yearly report draws: as text
 * tables, JSON Lines (one object per case, then {"summary": ...}), TSV or
 * CSV (one table, --table), or one self-contained HTML page, the board.
 * Exit 1 when the partnership or the local authority has something
 * overdue, or when two files hold the same case id.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "delim.h"
#include "text.h"
#include "tool.h"

static const struct tool_spec spec = {
	.name = "csp-summary",
	.synopsis = "[-q] [--format text|json|tsv|csv|html] [--table NAME] "
	    "[--from DATE] [--to DATE] [--names] [file|dir ...]",
	.options =
	    "      --format FMT         text (default), json (one object per "
	    "case, then\n"
	    "                           the summary), tsv, csv or html (the "
	    "board)\n"
	    "      --table NAME         tsv, csv and text: only cases (default "
	    "for tsv\n"
	    "                           and csv), timeliness or funnel\n"
	    "      --from DATE          the period of the figures: clocks "
	    "started and\n"
	    "      --to DATE            events on or after, on or before DATE\n"
	    "      --names              show the child's name (default: case id "
	    "only)\n",
	.status = "Exit status: 0 nothing overdue, 1 something the partnership "
	    "or local authority\nowns is overdue, or a case id in two files; 2 "
	    "usage error or a file that\ncannot be processed.\n",
	.formats = FMT_JSON | FMT_TSV | FMT_CSV | FMT_HTML,
	.column = 27,
};

enum { OPT_FROM = OPT_TOOL, OPT_TO, OPT_TABLE };

/* ---- reading the cases ---- */

static int
add(struct tool *t, struct cspr_case *c, void *arg)
{
	struct board_run *r = arg;
	json_t *root = cspr_case_root(c);
	char *name = NULL;
	int status;

	if (t->names && (cspr_get(root, "child.first_name") ||
	    cspr_get(root, "child.last_name")) && !(name = text_child_name(root)))
		return tool_oom(t, c);
	status = cspr_summary_add(r->s, root, cspr_case_name(c), name, t->cal);
	free(name);
	if (status < 0)
		return tool_oom(t, c);
	if (status == 1) {
		const struct cspr_duplicate *d = cspr_summary_duplicate(r->s,
		    cspr_summary_nduplicates(r->s) - 1);
		long line = 0, col = 0;

		cspr_doc_key_pos(cspr_case_doc(c), ".id", &line, &col);
		if (cspr_errors_add(&t->e, d->file, line, col, ".id",
		    "the same case id as %s", d->first) < 0)
			return tool_oom(t, c);
		return CSPR_FINDINGS;
	}
	return cspr_summary_case(r->s, cspr_summary_ncases(r->s) - 1)->findings
	    ? CSPR_FINDINGS : CSPR_OK;
}

/* ---- text ---- */

static void
text_cases(const struct tool *t, const struct board_run *r)
{
	size_t n = cspr_summary_ncases(r->s);
	char today[11], more[64], due[20];

	printf("Cases as of %s, by next due date: %zu\n",
	    cspr_date_str(t->today, today), n);
	printf("%-13s  %-18s  %7s  %4s  %-16s  %-7s  %-21s  %s\n", "case",
	    "stage", "overdue", "open", "next due", "status", "progress",
	    "duty");
	for (size_t i = 0; i < n; i++) {
		const struct cspr_case_summary *cs = cspr_summary_case(r->s, i);
		int w = text_flat(cs->id);

		if (cs->name) {
			fputs(" (", stdout);
			w += text_flat(cs->name) + 3;
			putchar(')');
		}
		printf("%*s  %-18s  %7u  %4u  ", w < 13 ? 13 - w : 0, "",
		    cspr_stage_title(cs->stage), cs->overdue, cs->outstanding);
		if (!cs->next) {
			printf("%-16s  %-7s  %-21s  %s\n", "-", "-",
			    "nothing open", "-");
			continue;
		}
		board_progress(t, cs, more, sizeof(more));
		printf("%-16s  %-7s  %-21s  ", cspr_when_str(cs->next_due, due),
		    cspr_status_name(cs->next_status), more);
		text_flat(cs->next);
		printf(" (%s)\n", cs->next_para);
	}
	printf("\nCases by stage:");
	for (int s = 0; s < CSPR_NSTAGES; s++)
		printf("%s %s %lu", s ? "," : "", cspr_stage_title(s),
		    cspr_summary_stage_count(r->s, s));
	printf("\n");
}

static void
text_timeliness(const struct board_run *r)
{
	size_t n = cspr_summary_nrules(r->s);
	char p[64], share[8], median[16], worst[16];

	printf("Timeliness, clocks started %s (working days taken: start to "
	    "done)\n", board_period(r, p, sizeof(p)));
	if (n == 0) {
		printf("  no clock started\n");
		return;
	}
	printf("%-26s  %-8s  %5s  %7s  %5s  %7s  %5s  %7s  %6s  %5s\n", "rule",
	    "para", "ran", "on time", "late", "overdue", "due", "on time",
	    "median", "worst");
	for (size_t i = 0; i < n; i++) {
		const struct cspr_timeliness *x = cspr_summary_rule(r->s, i);

		snprintf(worst, sizeof(worst), "%d", x->worst);
		printf("%-26s  %-8s  %5lu  %7lu  %5lu  %7lu  %5lu  %7s  %6s  "
		    "%5s\n", x->rule, x->para, x->ran, x->on_time, x->late,
		    x->overdue, x->due, board_percent(x->share_on_time, share,
		    sizeof(share)), board_days(x, median, sizeof(median)),
		    x->timed ? worst : "-");
	}
}

static void
text_funnel(const struct board_run *r)
{
	const struct cspr_funnel *f = cspr_summary_funnel(r->s);
	struct board_measure m[16];
	size_t n = board_measures(f, m);
	char p[64], avg[64];

	printf("Funnel, %s\n", board_period(r, p, sizeof(p)));
	for (size_t i = 0; i < n; i++) {
		printf("  %s%-*s %5lu", m[i].indent ? "  " : "",
		    m[i].indent ? 30 : 32, m[i].words, m[i].n);
		if (strcmp(m[i].key, "rapid_reviews") == 0 && m[i].n) {
			board_rr_average(f, avg, sizeof(avg));
			printf("  %s", avg);
		}
		putchar('\n');
	}
}

static void
text_duplicates(const struct board_run *r)
{
	size_t n = cspr_summary_nduplicates(r->s);

	if (n == 0)
		return;
	printf("\nThe same case id in two files\n");
	for (size_t i = 0; i < n; i++) {
		const struct cspr_duplicate *d = cspr_summary_duplicate(r->s, i);

		fputs("  ", stdout);
		text_flat(d->id);
		fputs(": ", stdout);
		text_flat(d->first);
		fputs(" and ", stdout);
		text_flat(d->file);
		putchar('\n');
	}
}

static void
text(const struct tool *t, const struct board_run *r)
{
	if (r->table == ALL || r->table == CASES)
		text_cases(t, r);
	if (r->table == ALL)
		putchar('\n');
	if (r->table == ALL || r->table == TIMELINESS)
		text_timeliness(r);
	if (r->table == ALL)
		putchar('\n');
	if (r->table == ALL || r->table == FUNNEL)
		text_funnel(r);
	if (r->table == ALL)
		text_duplicates(r);
}

/* ---- TSV and CSV: one table ---- */

/* One cell, as every tool writes TSV and CSV (delim.c). */
static void
cell(int fmt, const char *s, int last)
{
	delim_field(fmt, s, last);
}

static void
cells(int fmt, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		cell(fmt, v[i] ? v[i] : "", i + 1 == n);
}

static void
table_cases(const struct tool *t, const struct board_run *r)
{
	static const char *const head[] = {"case", "child", "file", "stage",
	    "next", "para", "due", "status", "working_days_left", "overdue",
	    "outstanding"};
	char due[20], left[16], over[16], open[16];

	cell(t->format, head[0], 0);
	cells(t->format, head + (t->names ? 1 : 2), t->names ? 10 : 9);
	for (size_t i = 0; i < cspr_summary_ncases(r->s); i++) {
		const struct cspr_case_summary *cs = cspr_summary_case(r->s, i);
		const char *v[10];

		snprintf(left, sizeof(left), "%d", cs->next_days_left);
		snprintf(over, sizeof(over), "%u", cs->overdue);
		snprintf(open, sizeof(open), "%u", cs->outstanding);
		v[0] = cs->name;
		v[1] = cs->file;
		v[2] = cspr_stage_name(cs->stage);
		v[3] = cs->next;
		v[4] = cs->next ? cs->next_para : NULL;
		v[5] = cs->next ? cspr_when_str(cs->next_due, due) : NULL;
		v[6] = cs->next ? cspr_status_name(cs->next_status) : NULL;
		v[7] = cs->next ? left : NULL;
		v[8] = over;
		v[9] = open;
		cell(t->format, cs->id, 0);
		cells(t->format, v + (t->names ? 0 : 1), t->names ? 10 : 9);
	}
}

static void
table_timeliness(const struct tool *t, const struct board_run *r)
{
	static const char *const head[] = {"rule", "para", "ran", "on_time",
	    "late", "overdue", "due", "share_on_time", "median_working_days",
	    "worst_working_days"};
	char num[5][24], share[16], median[16], worst[16];

	cells(t->format, head, 10);
	for (size_t i = 0; i < cspr_summary_nrules(r->s); i++) {
		const struct cspr_timeliness *x = cspr_summary_rule(r->s, i);
		unsigned long k[5] = {x->ran, x->on_time, x->late, x->overdue,
		    x->due};
		const char *v[10] = {x->rule, x->para, num[0], num[1], num[2],
		    num[3], num[4], share, median, worst};

		for (int j = 0; j < 5; j++)
			snprintf(num[j], sizeof(num[j]), "%lu", k[j]);
		share[0] = worst[0] = '\0';
		if (x->share_on_time >= 0)
			snprintf(share, sizeof(share), "%.3f",
			    x->share_on_time);
		board_days(x, median, sizeof(median));
		if (!x->timed)
			median[0] = '\0';
		else
			snprintf(worst, sizeof(worst), "%d", x->worst);
		cells(t->format, v, 10);
	}
}

static void
table_funnel(const struct tool *t, const struct board_run *r)
{
	static const char *const head[] = {"measure", "value"};
	const struct cspr_funnel *f = cspr_summary_funnel(r->s);
	struct board_measure m[16];
	size_t n = board_measures(f, m);
	char num[24];

	cells(t->format, head, 2);
	for (size_t i = 0; i < n; i++) {
		const char *v[2] = {m[i].key, num};

		snprintf(num, sizeof(num), "%lu", m[i].n);
		cells(t->format, v, 2);
	}
	num[0] = '\0';
	if (f->rr_timed)
		snprintf(num, sizeof(num), "%.1f", f->rr_average_late);
	{
		const char *v[2] = {"rapid_review_average_working_days_late",
		    num};

		cells(t->format, v, 2);
	}
}

/* ---- JSON ---- */

static void
json_out(struct tool *t, json_t *v)
{
	if (!v) {
		fprintf(stderr, "%s: out of memory\n", t->name);
		tool_status(t, CSPR_ERROR);
		return;
	}
	tool_json(t, v);
}

static void
json(struct tool *t, const struct board_run *r)
{
	for (size_t i = 0; i < cspr_summary_ncases(r->s); i++)
		json_out(t, cspr_case_summary_json(cspr_summary_case(r->s, i),
		    t->names));
	json_out(t, cspr_summary_json(r->s));
}

/* ---- main ---- */

static cspr_date
date_arg(const struct tool *t, const char *opt, const char *arg)
{
	cspr_date d;

	if (cspr_date_parse(arg, &d) < 0)
		tool_usage_error(t, "%s: not a date (YYYY-MM-DD): %s", opt,
		    arg);
	return d;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"from", required_argument, NULL, OPT_FROM},
		{"to", required_argument, NULL, OPT_TO},
		{"table", required_argument, NULL, OPT_TABLE},
		TOOL_OPTIONS
	};
	struct board_run r = {NULL, ALL, CSPR_NO_DATE, CSPR_NO_DATE};
	struct tool t;
	int c;

	tool_init(&t, &spec);
	while ((c = tool_getopt(&t, argc, argv, TOOL_SHORT, longopts)) != -1) {
		switch (c) {
		case OPT_FROM:
			r.from = date_arg(&t, "--from", optarg);
			break;
		case OPT_TO:
			r.to = date_arg(&t, "--to", optarg);
			break;
		case OPT_TABLE:
			if (strcmp(optarg, "cases") == 0)
				r.table = CASES;
			else if (strcmp(optarg, "timeliness") == 0)
				r.table = TIMELINESS;
			else if (strcmp(optarg, "funnel") == 0)
				r.table = FUNNEL;
			else
				tool_usage_error(&t, "--table: cases, "
				    "timeliness or funnel: %s", optarg);
			break;
		default:
			tool_option(&t, c, optarg);
		}
	}
	if (r.from != CSPR_NO_DATE && r.to != CSPR_NO_DATE && r.from > r.to)
		tool_usage_error(&t, "--from is after --to");
	if (r.table != ALL && (t.format == FMT_JSON || t.format == FMT_HTML))
		tool_usage_error(&t, "--table: text, tsv or csv only");
	if (r.table == ALL && (t.format == FMT_TSV || t.format == FMT_CSV))
		r.table = CASES;
	tool_start(&t);
	if (!(r.s = cspr_summary_new(t.today, r.from, r.to,
	    t.format == FMT_HTML))) {
		fprintf(stderr, "%s: out of memory\n", t.name);
		tool_status(&t, CSPR_ERROR);
		return tool_finish(&t);
	}
	tool_each(&t, argc - optind, argv + optind, add, &r);
	if (cspr_summary_finish(r.s) < 0) {
		fprintf(stderr, "%s: out of memory\n", t.name);
		tool_status(&t, CSPR_ERROR);
	} else if (!t.quiet && (cspr_summary_ncases(r.s) > 0 ||
	    t.format == FMT_HTML)) {
		/* nothing to summarise is said by the exit status; the board
		 * is a page whatever it holds */
		switch (t.format) {
		case FMT_JSON:
			json(&t, &r);
			break;
		case FMT_TSV:
		case FMT_CSV:
			if (r.table == TIMELINESS)
				table_timeliness(&t, &r);
			else if (r.table == FUNNEL)
				table_funnel(&t, &r);
			else
				table_cases(&t, &r);
			break;
		case FMT_HTML:
			board_html(&t, &r);
			break;
		default:
			text(&t, &r);
		}
	}
	cspr_summary_free(&r.s);
	return tool_finish(&t);
}
