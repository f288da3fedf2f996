/*
 * csp-validate - is this case file well-formed?
 *
 * Loads each case and checks it against the schema and the semantic rules
 * (csp-case(5)).  Text: one line per error on stderr; -l lists the invalid
 * files on stdout.  JSON: one object per file on stdout.
 */
#include <stdlib.h>
#include <string.h>

#include "tool.h"

static const char help[] =
    "  -l, --list           print the name of each invalid file\n"
    "  -q, --quiet          print nothing; the exit status tells\n"
    "      --format FMT     text (default) or json, one object per file\n"
    "      --schema FILE    check against this draft-07 schema instead\n"
    "  -h, --help           this help\n"
    "      --version        the version\n"
    "\nExit status: 0 all valid, 1 any invalid, 2 usage error or a file "
    "that cannot be read.\n";

static int list;

static json_t *
errors_json(const struct cspr_errors *e)
{
	json_t *a = json_array();

	for (size_t i = 0; i < e->n; i++) {
		const struct cspr_error *x = &e->v[i];

		json_array_append_new(a, json_pack("{s:o, s:o, s:o, s:s}",
		    "line", x->line ? json_integer(x->line) : json_null(),
		    "col", x->line ? json_integer(x->col) : json_null(),
		    "path", x->path ? json_string(x->path) : json_null(),
		    "message", x->message));
	}
	return a;
}

static int
validate(const char *path, void *arg)
{
	struct tool *t = arg;
	/* a file's name may hold any bytes: shown as cspr_printable() has it,
	 * so that each file is one line and one valid JSON record */
	char *name = cspr_printable(strcmp(path, "-") == 0 ? "<stdin>" : path);
	struct cspr_case *c = NULL;
	int r;

	tool_diags(t);
	if (!name) {
		cspr_errors_add(&t->e, NULL, 0, 0, NULL, "out of memory");
		tool_diags(t);
		return CSPR_ERROR;
	}
	r = cspr_case_open(path, t->schema, &c, &t->e);
	if (t->format == FMT_JSON) {
		if (r == CSPR_ERROR)
			tool_json(t, json_pack("{s:s, s:s}", "file", name,
			    "error", t->e.n ? t->e.v[0].message : "error"));
		else
			tool_json(t, json_pack("{s:s, s:o, s:b, s:o}", "file",
			    name, "case", c ? json_string(cspr_case_id(c)) :
			    json_null(), "valid", r == CSPR_OK, "errors",
			    errors_json(&t->e)));
	} else if (r == CSPR_FINDINGS && list) {
		printf("%s\n", name);
	}
	if (r == CSPR_ERROR || (t->format == FMT_TEXT && !t->quiet && !list))
		tool_diags(t);
	cspr_errors_clear(&t->e);
	cspr_case_free(&c);
	free(name);
	return r;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"list", no_argument, NULL, 'l'},
		TOOL_OPTIONS
	};
	struct tool t;
	int c;

	tool_init(&t, "csp-validate",
	    "[-lq] [--format text|json] [--schema file] [file|dir ...]", help,
	    FMT_JSON);
	while ((c = getopt_long(argc, argv, "l" TOOL_SHORT, longopts,
	    NULL)) != -1) {
		if (c == 'l')
			list = 1;
		else
			tool_option(&t, c, optarg);
	}
	tool_start(&t);
	tool_status(&t, cspr_walk(argc - optind, argv + optind, validate, &t,
	    &t.e));
	return tool_finish(&t);
}
