/*
 * fuzz_case.c - libFuzzer harness for the way a case file enters the
 * program: the YAML loader, the built-in schema and the semantic checks
 * (cspr_case_open_buffer), then, for a case that passes, the rules that
 * read it (the deadline table, the identifier detector, --anonymise, whose
 * output must still be valid).  Besides the
 * sanitizers, it checks what every caller relies on: a status from the
 * three, a case exactly when CSPR_OK, and every diagnostic with a file and
 * a message, placed at a line when it has a column, one line of printable
 * UTF-8.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csprcore.h"
#include "printable.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct cspr_schema *schema;
static struct cspr_calendar *cal;

static void
init(void)
{
	struct cspr_errors e = {0};

	if (!(schema = cspr_case_schema(NULL, &e)) ||
	    !(cal = cspr_calendar_new()))
		abort();
}

/* --anonymise: a tree exactly when CSPR_OK, and then one that the schema
 * still accepts; each replacement placed at a path. */
static void
anonymise(const struct cspr_case *c)
{
	struct cspr_errors e = {0}, replaced = {0};
	json_t *out = NULL;
	int r = cspr_anonymise_case(c, &out, &e, &replaced);

	if ((r == CSPR_OK) != (out != NULL) || (r == CSPR_FINDINGS && !e.n))
		abort();
	for (size_t i = 0; i < replaced.n; i++)
		if (!replaced.v[i].path || !replaced.v[i].message)
			abort();
	if (out && cspr_schema_validate(schema, out, &e) != 0)
		abort();
	json_decref(out);
	cspr_errors_clear(&replaced);
	cspr_errors_clear(&e);
}

static void
rules(const struct cspr_case *c)
{
	json_t *root = cspr_case_root(c);
	struct cspr_deadlines ds = {0};
	struct cspr_detector *d;
	cspr_date today = cspr_date_from_ymd(2026, 11, 26);

	if (!cspr_case_id(c))
		abort(); /* the schema requires an id */
	if (cspr_deadlines_eval(root, cal, today, &ds) < 0)
		abort();
	for (size_t i = 0; i < ds.n; i++) {
		json_t *j = cspr_deadline_json(&ds.v[i]);

		if (!j)
			abort();
		json_decref(j);
	}
	cspr_deadlines_clear(&ds);
	if (!(d = cspr_detector_from_case(root)))
		abort();
	cspr_detector_free(&d);
	anonymise(c);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cspr_errors e = {0};
	struct cspr_case *c = NULL;
	int r;

	if (!schema)
		init();
	r = cspr_case_open_buffer("fuzz.yaml", (const char *)data, size,
	    schema, &c, &e);
	if ((r == CSPR_OK) != (c != NULL) || r < CSPR_OK || r > CSPR_ERROR)
		abort();
	if (r != CSPR_OK && e.n == 0)
		abort(); /* a rejection always says why */
	for (size_t i = 0; i < e.n; i++)
		if (!e.v[i].file || e.v[i].line < 0 || e.v[i].col < 0 ||
		    (e.v[i].col > 0 && e.v[i].line == 0))
			abort();
	printable(&e);
	if (c)
		rules(c);
	cspr_case_free(&c);
	cspr_errors_clear(&e);
	return 0;
}
