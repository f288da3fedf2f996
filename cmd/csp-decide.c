/*
 * csp-decide - which criteria are met?  (4, 5, 8.1, 9.3, 9.6, 10.2)
 *
 * Text is a briefing the LIG chair can read out: what is met, what is not,
 * what is unknown and what to ask, then what that indicates, the national
 * criteria, the lead partnership and the findings, each with its
 * paragraph.  JSON is one object per case.  The library decides all of
 * it (criteria.c); this file only speaks.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "tool.h"

static const struct tool_spec spec = {
	.name = "csp-decide",
	.synopsis = "[-q] [--format text|json] [--names] [--today date] "
	    "[file|dir ...]",
	.options =
	    "      --format FMT     text (default) or json, one object per case\n"
	    "      --names          name the child in the heading\n",
	.status = "Exit status: 0 no findings, 1 findings, 2 usage error or a "
	    "file that cannot be processed.\n",
	.formats = FMT_JSON,
};

#define HANG "             "

static void join(char *buf, size_t size, ...) __attribute__((sentinel));

/* The strings after size, up to a NULL, one after another in buf, cut
 * short to fit: snprintf's "%s%s...", at a fraction of its cost, for the
 * twenty lines of every case */
static void
join(char *buf, size_t size, ...)
{
	const char *s;
	size_t n = 0;
	va_list ap;

	va_start(ap, size);
	while ((s = va_arg(ap, const char *))) {
		size_t k = strlen(s);

		if (k > size - 1 - n)
			k = size - 1 - n;
		memcpy(buf + n, s, k);
		n += k;
	}
	va_end(ap);
	buf[n] = '\0';
}

/* "  8.1.1(a)   ": a paragraph in ten columns after two spaces, then a
 * space, as printf's "  %-10s " but without its cost, twenty times a
 * case; buf holds 14 bytes or more */
static void
para_label(char *buf, size_t size, const char *para)
{
	size_t k = strlen(para), end;

	if (k > size - 4)
		k = size - 4;
	end = (k > 10 ? k : 10) + 3;
	memset(buf, ' ', end);
	memcpy(buf + 2, para, k);
	buf[end] = '\0';
}

/* text_wrap() of words the same in every case: laid out once, into
 * *once, and then copied. */
static void
wrap_once(char **once, const char *first, const char *indent,
    const char *text)
{
	if (!*once && !(*once = text_wrapped(first, indent, text))) {
		text_wrap(first, indent, text);
		return;
	}
	fputs(*once, stdout);
}

/* "Ask: " and the question, wrapped, once per criterion. */
static void
ask(int i, const char *question)
{
	static char *asked[CSPR_NCRITERIA];
	char line[1024];

	line[0] = '\0';
	if (!asked[i])
		join(line, sizeof(line), "Ask: ", question, (char *)NULL);
	wrap_once(&asked[i], HANG, HANG, line);
}

static void
section(const struct cspr_assessment *a, enum cspr_result r,
    const char *title)
{
	char first[64];
	int n = 0;

	for (int i = 0; i < CSPR_NCRITERIA; i++) {
		const struct cspr_criterion *c = &a->criteria[i];
		char line[1024];

		if (c->result != r)
			continue;
		if (n++ == 0) {
			putchar('\n');
			fputs(title, stdout);
			putchar('\n');
		}
		para_label(first, sizeof(first), c->para);
		join(line, sizeof(line), c->title, ": ", c->because,
		    (char *)NULL);
		text_wrap(first, HANG, line);
		if (r == CSPR_UNKNOWN)
			ask(i, c->question);
	}
}

/* What the local authority must do whatever the partners decide (5), in
 * the words of the duty table's rows; csp-deadlines counts their days. */
static void
duties(const struct cspr_assessment *a)
{
	static const struct {
		const char *criterion, *duty;
	} follow[] = {
		{.criterion = "notify-panel", .duty = "panel-notification"},
		{.criterion = "notify-panel", .duty = "partners-report"},
		{.criterion = "looked-after-death", .duty = "looked-after-death"},
	};
	char label[32], line[512];
	const char *para;
	int n = 0;

	for (size_t i = 0; i < sizeof(follow) / sizeof(follow[0]); i++) {
		if (cspr_criterion_find(a, follow[i].criterion)->result !=
		    CSPR_MET)
			continue;
		if (n++ == 0)
			printf("\nNotifications that follow (section 5; "
			    "csp-deadlines tracks them)\n");
		const char *what = cspr_duty_what(follow[i].duty, &para);
		para_label(label, sizeof(label), para);
		join(line, sizeof(line), "The local authority must ", what, ".",
		    (char *)NULL);
		text_wrap(label, HANG, line);
	}
}

/* What the partners have decided and whom they commissioned, as far as
 * the case records it; the findings below say if it is wanting. */
static void
recorded(const json_t *root)
{
	const char *outcome = cspr_get_str(root, "decision.outcome");
	const char *date = cspr_get_str(root, "decision.date");
	const char *method = cspr_get_str(root, "decision.methodology");
	const char *kind = cspr_get_str(root, "review.reviewer.kind");
	const char *commissioned = cspr_get_str(root, "review.commissioned");
	char line[512];

	if (outcome || date) {
		join(line, sizeof(line), outcome ? outcome :
		    "outcome not recorded", date ? ", decided " : "",
		    date ? date : "", method ? "; methodology " : "",
		    method ? method : "", method ? " (Appendix E)" : "", ".",
		    (char *)NULL);
		text_wrap("  Decision recorded (7.4): ", "  ", line);
	}
	if (kind || commissioned) {
		join(line, sizeof(line), kind ? kind : "kind not recorded",
		    commissioned ? ", commissioned " : "",
		    commissioned ? commissioned : "", ".", (char *)NULL);
		text_wrap("  Reviewer (9.6): ", "  ", line);
	}
}

static const char *
indicated_words(enum cspr_indicated i)
{
	switch (i) {
	case CSPR_INSUFFICIENT_INFORMATION:
		return "not enough is known yet";
	case CSPR_LOCAL_REVIEW_CONSIDERED:
		return "a local child safeguarding practice review should be "
		    "considered";
	case CSPR_OTHER_REVIEW_CONSIDERED:
		return "another type of review should be considered";
	case CSPR_NO_REVIEW_INDICATED:
		return "no review is indicated";
	}
	return "";
}

static void
lead(const json_t *root, const struct cspr_assessment *a)
{
	static char *where;
	const char *la = cspr_get_str(root, "local_authority");
	char line[1024];
	int same;

	printf("\n");
	if (!a->lead) {
		join(line, sizeof(line), "Lead partnership (", a->lead_para,
		    "): not known yet.", (char *)NULL);
		text_wrap("", "  ", line);
		text_wrap("  ", "  ", a->lead_because);
		wrap_once(&where, "  ", "  ", "Ask: Is the child looked after, "
		    "and by which local authority; where does the child "
		    "normally live?");
		return;
	}
	same = cspr_same_authority(la, a->lead);
	join(line, sizeof(line), "Lead partnership (", a->lead_para, "): ",
	    a->lead, same == 1 ? ", this partnership's own local authority" :
	    "", ".", (char *)NULL);
	text_wrap("", "  ", line);
	text_wrap("  ", "  ", a->lead_because);
	if (same == 0) {
		snprintf(line, sizeof(line), "This partnership's local "
		    "authority is %s: the partnership for %s %s, and the other "
		    "partnerships with an interest should be invited to take "
		    "part (9.3.2).", la, a->lead,
		    a->lead_looked_after == 1 ? "should take lead "
		    "responsibility for any review (9.3.5)" : "decides whether "
		    "the criteria for a local review are met (9.3.1)");
		text_wrap("  ", "  ", line);
	}
}

static void
briefing(const struct tool *t, const json_t *root, const char *id,
    const struct cspr_assessment *a)
{
	static const char *const national[] = {"not met", "met"};
	static char *oblige, *panel;
	char line[1024];

	text_heading(root, t->names, id,
	    "criteria for a child safeguarding practice review");
	section(a, CSPR_MET, "Met");
	section(a, CSPR_NOT_MET, "Not met");
	section(a, CSPR_UNKNOWN, "Unknown: to find out");
	duties(a);

	printf("\n");
	join(line, sizeof(line), "Indicated (4.1, 4.2, 8.1): ",
	    indicated_words(a->indicated), " (",
	    cspr_indicated_name(a->indicated), ").", (char *)NULL);
	text_wrap("", "  ", line);
	text_wrap("  ", "  ", a->indicated_because);
	wrap_once(&oblige, "  ", "  ", "Meeting the criteria does not oblige "
	    "a review: the Learning and Inquiry Group recommends and the "
	    "safeguarding partners decide (4.3, 7.4).");

	recorded(root);

	printf("\n");
	join(line, sizeof(line), "National review criteria (10.2): ",
	    a->national < 0 ? "not known yet" : national[a->national], ".",
	    (char *)NULL);
	text_wrap("", "  ", line);
	text_wrap("  ", "  ", a->national_because);
	if (a->national == 1)
		wrap_once(&panel, "  ", "  ", "Whether to commission a national "
		    "review is the Panel's decision, on the rapid review's "
		    "information (10.2.1).");

	lead(root, a);

	printf("\n");
	if (a->findings.n == 0) {
		printf("Findings: none.\n");
		return;
	}
	printf("Findings\n");
	for (size_t i = 0; i < a->findings.n; i++) {
		const struct cspr_finding *f = &a->findings.v[i];
		char first[64];

		para_label(first, sizeof(first), f->para);
		join(line, sizeof(line), f->check, ": ", f->message,
		    (char *)NULL);
		text_wrap(first, HANG, line);
	}
}

static json_t *
assessment_json(const char *id, const struct cspr_assessment *a)
{
	json_t *criteria = json_array();

	for (int i = 0; criteria && i < CSPR_NCRITERIA; i++)
		if (json_array_append_new(criteria,
		    cspr_criterion_json(&a->criteria[i])) < 0) {
			json_decref(criteria);
			return NULL;
		}
	return json_pack("{s:s, s:o, s:s, s:o, s:o, s:o}", "case", id,
	    "criteria", criteria, "indicated",
	    cspr_indicated_name(a->indicated), "national_criteria",
	    a->national < 0 ? json_null() : json_boolean(a->national),
	    "lead_partnership", a->lead ? json_string(a->lead) : json_null(),
	    "findings", cspr_findings_json(&a->findings));
}

/* One case's assessment, as tool_case writes it. */
struct one {
	const json_t *root;
	const char *id;
	struct cspr_assessment a;
};

static json_t *
one_json(void *arg)
{
	const struct one *x = arg;

	return assessment_json(x->id, &x->a);
}

static void
one_text(struct tool *t, void *arg)
{
	const struct one *x = arg;

	briefing(t, x->root, x->id, &x->a);
}

static int
decide(struct tool *t, struct cspr_case *c, void *arg)
{
	struct one x; /* not "= {...}": cspr_assess fills x.a, 11 KB */
	int r;

	(void)arg;
	x.root = cspr_case_root(c);
	x.id = cspr_case_id(c);
	if (cspr_assess(x.root, t->today, &x.a) < 0)
		return tool_oom(t, c);
	r = tool_case(t, c, x.a.findings.n ? CSPR_FINDINGS : CSPR_OK,
	    one_json, one_text, &x);
	cspr_assessment_clear(&x.a);
	return r;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {TOOL_OPTIONS};
	struct tool t;
	int c;

	tool_init(&t, &spec);
	while ((c = tool_getopt(&t, argc, argv, TOOL_SHORT, longopts)) != -1)
		tool_option(&t, c, optarg);
	tool_start(&t);
	tool_each(&t, argc - optind, argv + optind, decide, NULL);
	return tool_finish(&t);
}
