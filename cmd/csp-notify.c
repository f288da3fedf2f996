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
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "text.h"
#include "tool.h"

static const char help[] =
    "  -q, --quiet          print nothing; the exit status tells\n"
    "      --outstanding    show only what is not yet done\n"
    "      --anonymise      print each case anonymised for an external "
    "body (9.4.3)\n"
    "      --format FMT     text (default) or json, one object per case;\n"
    "                       with --anonymise, json (default) or yaml\n"
    "      --names          show the child's name (default: case id only)\n"
    "      --today DATE     judge as of DATE (YYYY-MM-DD)\n"
    "      --holidays FILE  more bank holidays (GOV.UK JSON or a list)\n"
    "      --schema FILE    check cases against this draft-07 schema\n"
    "      --stdin-name NAME\n"
    "                       the name standard input is shown by\n"
    "  -h, --help           this help\n"
    "      --version        the version\n"
    "\nExit status: 0 nothing overdue, 1 a notification is overdue, 2 usage "
    "error,\na file that cannot be processed, or (--anonymise) a case "
    "still identifying.\n";

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

	detail(t, o, more, sizeof(more));
	text_row(id, name, o->due, o->status, more);
	printf("%s (%s%s%s)", o->what, o->para, o->borrowed ? "; " : "",
	    o->borrowed ? o->borrowed : "");
	if (o->waits)
		printf("; waits for %s", o->waits);
	for (size_t i = 0; i < o->nmissing; i++)
		printf("%s%s", i ? ", " : "; not recorded: ", o->missing[i]);
	putchar('\n');
}

/* HSCP-2026-019  not-anonymised  notifications[2] to the Panel ...
 * (9.4.3) */
static void
finding_line(const char *id, const char *name, const struct cspr_finding *f)
{
	/* as text_row: the name after the columns, so they stay in line */
	text_flat(id);
	printf("  %s  ", f->check);
	if (name) {
		text_flat(name);
		fputs(": ", stdout);
	}
	printf("%s\n", f->message);
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

/* ---- YAML, with libyaml's emitter ---- */

/* Plain scalars that a YAML reader would not take as strings: the YAML 1.2
 * core schema's null, booleans and numbers, which csp's loader follows,
 * and YAML 1.1's yes/no/on/off, which other readers still take as
 * booleans.  Such a string is written double-quoted. */
static const char typed_re[] =
    "^(|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|"
    "y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|"
    "[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|"
    "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|"
    "[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$";

struct yaml_out {
	yaml_emitter_t em;
	regex_t typed;
	int ok;
};

static void
emit(struct yaml_out *y, yaml_event_t *ev, int made)
{
	if (!made || !yaml_emitter_emit(&y->em, ev))
		y->ok = 0;
}

static void
scalar(struct yaml_out *y, const char *s, size_t len, int string)
{
	yaml_event_t ev;
	yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;

	if (!y->ok)
		return;
	if (string && (memchr(s, '\0', len) ||
	    regexec(&y->typed, s, 0, NULL, 0) == 0))
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	emit(y, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL,
	    (yaml_char_t *)(uintptr_t)s, (int)len, 1, 1, style));
}

static int
scalars(json_t *a)
{
	json_t *x;
	size_t i;

	json_array_foreach(a, i, x)
		if (json_is_object(x) || json_is_array(x))
			return 0;
	return 1;
}

static void
node(struct yaml_out *y, json_t *v)
{
	yaml_event_t ev;
	const char *k;
	json_t *x;
	size_t i;
	char num[64];

	switch (json_typeof(v)) {
	case JSON_OBJECT:
		emit(y, &ev, yaml_mapping_start_event_initialize(&ev, NULL,
		    NULL, 1, YAML_BLOCK_MAPPING_STYLE));
		json_object_foreach(v, k, x) {
			scalar(y, k, strlen(k), 1);
			node(y, x);
		}
		emit(y, &ev, yaml_mapping_end_event_initialize(&ev));
		break;
	case JSON_ARRAY:
		/* a list of scalars stays on one line, as the examples write
		 * them */
		emit(y, &ev, yaml_sequence_start_event_initialize(&ev, NULL,
		    NULL, 1, scalars(v) ? YAML_FLOW_SEQUENCE_STYLE :
		    YAML_BLOCK_SEQUENCE_STYLE));
		json_array_foreach(v, i, x)
			node(y, x);
		emit(y, &ev, yaml_sequence_end_event_initialize(&ev));
		break;
	case JSON_STRING:
		scalar(y, json_string_value(v), json_string_length(v), 1);
		break;
	case JSON_INTEGER:
		snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		scalar(y, num, strlen(num), 0);
		break;
	case JSON_REAL:
		snprintf(num, sizeof(num), "%.17g", json_real_value(v));
		scalar(y, num, strlen(num), 0);
		break;
	case JSON_TRUE:
		scalar(y, "true", 4, 0);
		break;
	case JSON_FALSE:
		scalar(y, "false", 5, 0);
		break;
	default:
		scalar(y, "null", 4, 0);
		break;
	}
}

/* One case as one YAML document; the second and later documents of a run
 * start with "---", so the output is one YAML stream. */
static int
yaml_document(struct run *r, json_t *v)
{
	struct yaml_out y;
	yaml_event_t ev;

	memset(&y, 0, sizeof(y));
	if (regcomp(&y.typed, typed_re, REG_EXTENDED | REG_NOSUB) != 0)
		return -1;
	if (!yaml_emitter_initialize(&y.em)) {
		regfree(&y.typed);
		return -1;
	}
	y.ok = 1;
	yaml_emitter_set_output_file(&y.em, stdout);
	yaml_emitter_set_unicode(&y.em, 1);
	yaml_emitter_set_width(&y.em, 78);
	emit(&y, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
	emit(&y, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL,
	    NULL, r->docs == 0));
	node(&y, v);
	emit(&y, &ev, yaml_document_end_event_initialize(&ev, 1));
	emit(&y, &ev, yaml_stream_end_event_initialize(&ev));
	yaml_emitter_flush(&y.em);
	yaml_emitter_delete(&y.em);
	regfree(&y.typed);
	r->docs++;
	return y.ok ? 0 : -1;
}

/* ---- anonymised cases ---- */

static int
anonymise(struct tool *t, struct cspr_case *c, struct run *r)
{
	json_t *out = NULL;
	int s = cspr_anonymise_case(c, &out, &t->e);

	/* anything still identifying is an error: nothing of the case goes
	 * out (9.4.3), and the places are on stderr */
	if (s != CSPR_OK)
		return CSPR_ERROR;
	if (!t->quiet) {
		if (t->format == FMT_YAML) {
			if (yaml_document(r, out) < 0)
				cspr_errors_add(&t->e, cspr_case_file(c), 0, 0,
				    NULL, "cannot write YAML");
		} else {
			tool_json(t, out);
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

static void
usage_error(const struct tool *t, const char *msg)
{
	fprintf(stderr, "%s: %s\n", t->name, msg);
	exit(2);
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

	tool_init(&t, "csp-notify",
	    "[-q] [--outstanding] [--format text|json] [--names] "
	    "[file|dir ...]\n"
	    "       csp-notify --anonymise [-q] [--format json|yaml] "
	    "[file|dir ...]", help, FMT_JSON | FMT_YAML);
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
		usage_error(&t, "--anonymise prints the case, not its "
		    "notifications: no --outstanding");
	if (r.anonymise && t.names)
		usage_error(&t, "--anonymise and --names contradict each "
		    "other");
	if (r.anonymise && text)
		usage_error(&t, "--anonymise writes the case as json or yaml, "
		    "not text");
	if (!r.anonymise && t.format == FMT_YAML)
		usage_error(&t, "--format yaml: only with --anonymise");
	if (r.anonymise && t.format == FMT_TEXT)
		t.format = FMT_JSON;
	tool_start(&t);
	tool_each(&t, argc - optind, argv + optind, each, &r);
	return tool_finish(&t);
}
