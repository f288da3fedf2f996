/*
 * csp-notify - who must be told what, and by when?
 *
 * Lists the notifications the procedure asks for in each case
 * (lib/duties.c), one line each in text or one object per case in
 * JSON; exit 1 when one is overdue.  With --anonymise it prints instead the
 * case as an external body may see it (9.4.3, lib/anonymise.c), as JSON or
 * YAML, and refuses, printing nothing for that case, when anything
 * identifying would still go out.
 */
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "tool.h"
#include "yamlout.h"

static const struct tool_spec spec = {
	.name = "csp-notify",
	.synopsis = "[-q] [--outstanding] [--format text|json] [--names] "
	    "[file|dir ...]\n"
	    "       csp-notify --anonymise [-q] [--format json|yaml] "
	    "[file|dir ...]",
	.options =
	    "      --outstanding    show only what is not yet done\n"
	    "      --anonymise      print each case anonymised for an external "
	    "body (9.4.3)\n"
	    "      --format FMT     text (default) or json, one object per "
	    "case;\n"
	    "                       with --anonymise, json (default) or yaml\n"
	    "      --names          show the child's name (default: case id "
	    "only)\n",
	.status = "Exit status: 0 nothing overdue, 1 a notification is overdue, "
	    "2 usage error,\na file that cannot be processed, or (--anonymise) "
	    "a case still identifying.\n",
	.formats = FMT_JSON | FMT_YAML,
};

enum { OPT_OUTSTANDING = OPT_TOOL, OPT_ANONYMISE };

struct run {
	int outstanding;
	int anonymise;
	int docs; /* YAML documents written */
};

/* ---- obligations as text ---- */

/* How far off it is, as csp-deadlines says it for the rows with a due
 * date; for the others, that the procedure sets no timescale. */
static void
detail(const struct tool *t, const struct cspr_deadline *o, char *buf,
    size_t n)
{
	text_progress(t->cal, t->today, o, "not yet due", buf, n);
}

/* HSCP-2026-019  -                 due      no timescale set       tell
 * the Panel, Ofsted and DfE ... (9.4.1) */
static void
text_line(const struct tool *t, const char *id, const char *name,
    const struct cspr_deadline *o)
{
	char more[64];

	/* fputs, not printf: there is nothing to format, and a line for
	 * every obligation of every case */
	detail(t, o, more, sizeof(more));
	text_row(id, name, o->due, o->status, more);
	fputs(o->what, stdout);
	fputs(" (", stdout);
	fputs(o->para, stdout);
	if (o->borrowed) {
		fputs("; ", stdout);
		fputs(o->borrowed, stdout);
	}
	putchar(')');
	if (o->waits) {
		fputs("; waits for ", stdout);
		fputs(o->waits, stdout);
	}
	for (size_t i = 0; i < o->nmissing; i++) {
		fputs(i ? ", " : "; not recorded: ", stdout);
		fputs(o->missing[i], stdout);
	}
	putchar('\n');
}

/* HSCP-2026-019  not-anonymised  notifications[2] to the Panel ...
 * (9.4.3) */
static void
finding_line(const char *id, const char *name, const struct cspr_finding *f)
{
	/* as text_row: the name after the columns, so they stay in line */
	text_flat(id);
	fputs("  ", stdout);
	fputs(f->check, stdout);
	fputs("  ", stdout);
	if (name) {
		text_flat(name);
		fputs(": ", stdout);
	}
	puts(f->message);
}

static int
outstanding(const struct cspr_deadline *o)
{
	return o->status == CSPR_DUE || o->status == CSPR_OVERDUE ||
	    o->status == CSPR_PENDING;
}

static int
obligations(struct tool *t, struct cspr_case *c, const struct run *r)
{
	struct cspr_obligations os = {0};
	json_t *root = cspr_case_root(c), *list = NULL, *o;
	json_t *found = NULL, *unknown = NULL;
	const char *id = cspr_case_id(c);
	char *name = NULL;
	int status = CSPR_OK;

	if (cspr_obligations_eval(root, t->cal, t->today, &os) < 0)
		goto oom;
	if (t->names && (cspr_get(root, "child.first_name") ||
	    cspr_get(root, "child.last_name")) && !(name = text_child_name(root)))
		goto oom;
	if (t->format == FMT_JSON && !t->quiet && !(list = json_array()))
		goto oom;
	for (size_t i = 0; i < os.n; i++) {
		if (os.v[i].status == CSPR_OVERDUE)
			status = CSPR_FINDINGS;
		if (t->quiet || (r->outstanding && !outstanding(&os.v[i])))
			continue;
		if (list && json_array_append_new(list,
		    cspr_obligation_json(&os.v[i])) < 0)
			goto oom;
		if (!list)
			text_line(t, id, name, &os.v[i]);
	}
	/* the log's findings make the status 1; what it does not record
	 * is listed with them */
	if (os.findings.n)
		status = CSPR_FINDINGS;
	if (list && (!(found = cspr_findings_json(&os.findings)) ||
	    !(unknown = cspr_findings_json(&os.unknown)) ||
	    json_array_extend(found, unknown) < 0))
		goto oom;
	for (size_t i = 0; !list && !t->quiet && i < os.findings.n; i++)
		finding_line(id, name, &os.findings.v[i]);
	for (size_t i = 0; !list && !t->quiet && i < os.unknown.n; i++)
		finding_line(id, name, &os.unknown.v[i]);
	if (list) {
		/* "o" steals list and found, even when json_pack fails */
		if (t->names)
			o = json_pack("{s:s, s:o, s:o, s:o}", "case", id,
			    "child", name ? json_string(name) : json_null(),
			    "obligations", list, "findings", found);
		else
			o = json_pack("{s:s, s:o, s:o}", "case", id,
			    "obligations", list, "findings", found);
		list = found = NULL;
		if (!o)
			goto oom;
		tool_json(t, o);
	}
	json_decref(unknown);
	free(name);
	cspr_obligations_clear(&os);
	return status;
oom:
	json_decref(list);
	json_decref(found);
	json_decref(unknown);
	free(name);
	cspr_obligations_clear(&os);
	return tool_oom(t, c);
}

/* ---- anonymised cases ---- */

/* Does JSON text hold a character YAML will not take raw (DEL, C1
 * controls, U+FFFE, U+FFFF), which csp's own loader would then refuse? */
static int
unprintable(const char *text)
{
	const unsigned char *p = (const unsigned char *)text;

	for (; *p; p++)
		if (*p == 0x7f || (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f &&
		    p[1] != 0x85) || (p[0] == 0xef && p[1] == 0xbf &&
		    (p[2] == 0xbe || p[2] == 0xbf)))
			return 1;
	return 0;
}

/* The case as JSON that reads back: as tool_json writes it, unless a
 * string holds a character YAML will not take raw; then every non-ASCII
 * character and DEL as an escape. */
static void
anonymised_json(struct tool *t, const struct cspr_case *c, json_t *out)
{
	char *text = json_dumps(out, JSON_COMPACT);

	if (text && !unprintable(text)) {
		free(text);
		tool_json(t, out);
		return;
	}
	free(text);
	if (!(text = json_dumps(out, JSON_COMPACT | JSON_ENSURE_ASCII))) {
		json_decref(out);
		tool_oom(t, c);
		return;
	}
	for (const char *p = text; *p; p++)
		if (*p == 0x7f)
			fputs("\\u007f", stdout);
		else
			putchar(*p);
	putchar('\n');
	free(text);
	json_decref(out);
}

static int
anonymise(struct tool *t, struct cspr_case *c, struct run *r)
{
	json_t *out = NULL;
	struct cspr_errors replaced = {0};
	int s = cspr_anonymise_case(c, &out, &t->e, &replaced);

	/* anything still identifying is an error: nothing of the case goes
	 * out (9.4.3), and the places are on stderr */
	if (s != CSPR_OK) {
		cspr_errors_clear(&replaced);
		return CSPR_ERROR;
	}
	/* what was replaced though the case does not list it: for the
	 * sender to know (never its text) */
	for (size_t i = 0; !t->quiet && i < replaced.n; i++) {
		const struct cspr_error *x = &replaced.v[i];

		if (x->line > 0)
			fprintf(stderr, "%s:%ld:%ld: note: ", x->file,
			    x->line, x->col);
		else
			fprintf(stderr, "%s: %s: note: ", t->name, x->file);
		fprintf(stderr, "%s: %s\n", x->path, x->message);
	}
	cspr_errors_clear(&replaced);
	if (!t->quiet) {
		if (t->format == FMT_YAML) {
			if (yamlout_document(out, r->docs++ == 0) < 0)
				cspr_errors_add(&t->e, cspr_case_file(c), 0, 0,
				    NULL, "cannot write YAML");
		} else {
			anonymised_json(t, c, out);
			out = NULL;
		}
	}
	json_decref(out);
	return CSPR_OK;
}

static int
each(struct tool *t, struct cspr_case *c, void *arg)
{
	struct run *r = arg;

	return r->anonymise ? anonymise(t, c, r) : obligations(t, c, r);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"outstanding", no_argument, NULL, OPT_OUTSTANDING},
		{"anonymise", no_argument, NULL, OPT_ANONYMISE},
		TOOL_OPTIONS
	};
	struct run r = {0, 0, 0};
	struct tool t;
	int c, text = 0;

	tool_init(&t, &spec);
	while ((c = tool_getopt(&t, argc, argv, TOOL_SHORT, longopts)) != -1) {
		switch (c) {
		case OPT_OUTSTANDING:
			r.outstanding = 1;
			break;
		case OPT_ANONYMISE:
			r.anonymise = 1;
			break;
		case OPT_FORMAT:
			text = strcmp(optarg, "text") == 0;
			tool_option(&t, c, optarg);
			break;
		default:
			tool_option(&t, c, optarg);
		}
	}
	if (r.anonymise && r.outstanding)
		tool_usage_error(&t, "--anonymise prints the case, not its "
		    "notifications: no --outstanding");
	if (r.anonymise && t.names)
		tool_usage_error(&t, "--anonymise and --names contradict each "
		    "other");
	if (r.anonymise && text)
		tool_usage_error(&t, "--anonymise writes the case as json or "
		    "yaml, not text");
	if (!r.anonymise && t.format == FMT_YAML)
		tool_usage_error(&t, "--format yaml: only with --anonymise");
	if (r.anonymise && t.format == FMT_TEXT)
		t.format = FMT_JSON;
	tool_start(&t);
	tool_each(&t, argc - optind, argv + optind, each, &r);
	return tool_finish(&t);
}
