/*
 * csp-validate - is this case file well-formed?
 *
 * Loads each case and checks it against the schema and the semantic rules
 * (csp-case(5)).  Text: one line per error on stderr; -l lists the invalid
 * files on stdout.  JSON: one object per file on stdout.  --canonical
 * prints each valid case itself as JSON, exactly the tree that was checked,
 * for programs that should never meet YAML's typing.
 */
#include <stdlib.h>
#include <string.h>

#include "tool.h"

static const struct tool_spec spec = {
	.name = "csp-validate",
	.synopsis = "[-lq] [--canonical] [--format text|json] [--schema file] "
	    "[file|dir ...]",
	.options =
	    "  -l, --list           print the name of each invalid file\n"
	    "      --canonical      print each valid case as JSON, keys "
	    "sorted,\n"
	    "                       one line each: what was checked\n"
	    "      --format FMT     text (default) or json, one object per "
	    "file\n",
	.status = "Exit status: 0 all valid, 1 any invalid, 2 usage error or a "
	    "file that cannot be read.\n",
	.formats = FMT_JSON,
	.no_days = 1, /* nothing here counts days */
};

enum { OPT_CANONICAL = OPT_TOOL };

static int list, canonical;

static int
validate(const char *path, void *arg)
{
	struct tool *t = arg;
	/* a file's name may hold any bytes: shown as cspr_printable() has it,
	 * so that each file is one line and one valid JSON record */
	char *name = cspr_printable(tool_file(t, path));
	struct cspr_case *c = NULL;
	int r;

	tool_diags(t);
	if (!name) {
		cspr_errors_add(&t->e, NULL, 0, 0, NULL, "out of memory");
		tool_diags(t);
		return CSPR_ERROR;
	}
	r = tool_open(t, path, &c);
	if (t->quiet) {
		/* the exit status tells */
	} else if (t->format == FMT_JSON) {
		/* one shape for every file: one that could not be read is
		 * not valid either, and its exit status says why */
		tool_json(t, json_pack("{s:s, s:o, s:b, s:o}", "file", name,
		    "case", c ? json_string(cspr_case_id(c)) : json_null(),
		    "valid", r == CSPR_OK, "errors", tool_errors_json(&t->e)));
	} else if (r == CSPR_FINDINGS && list) {
		printf("%s\n", name);
	} else if (r == CSPR_OK && canonical) {
		json_dumpf(cspr_case_root(c), stdout, JSON_COMPACT |
		    JSON_SORT_KEYS);
		putchar('\n');
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
		{"canonical", no_argument, NULL, OPT_CANONICAL},
		TOOL_OPTIONS
	};
	struct tool t;
	int c;

	tool_init(&t, &spec);
	while ((c = tool_getopt(&t, argc, argv, "l" TOOL_SHORT, longopts)) !=
	    -1) {
		if (c == 'l')
			list = 1;
		else if (c == OPT_CANONICAL)
			canonical = 1;
		else
			tool_option(&t, c, optarg);
	}
	if (canonical && (list || t.format != FMT_TEXT))
		tool_usage_error(&t, "--canonical prints the cases themselves: "
		    "not with -l or --format");
	tool_start(&t);
	tool_status(&t, cspr_walk(argc - optind, argv + optind, validate, &t,
	    &t.e));
	return tool_finish(&t);
}
