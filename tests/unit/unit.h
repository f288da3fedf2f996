/*
 * unit.h - the helpers the unit tests share, so each lives once:
 *
 *   D("2026-11-26")    a date, failing the test on a bad one
 *   when(w)            a cspr_when as text, "-" for none (four buffers in
 *                      turn, so that one message may show four)
 *   schema, cal        the case schema and the calendar a suite shares,
 *                      made by unit_schema_setup() and unit_cal_setup()
 *                      and freed by their _teardown()s
 *   unit_case(text)    a case opened from YAML text with schema, as a tool
 *                      opens it; the test fails if it does not open
 *   unit_set_json(root, key, json)  root's key set to a JSON text's value
 *   unit_detector_setup(state, json), unit_detector_teardown(state)
 *                      *state the identifier detector of a case given as
 *                      JSON text, and its end
 *
 * Include after <cmocka.h> and "csprcore.h".  Functions are static inline,
 * so that a suite using only some of them compiles without warnings.
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>
#include <string.h>

#include "csprcore.h"

static struct cspr_schema *schema;
static struct cspr_calendar *cal;

static inline cspr_date
D(const char *s)
{
	cspr_date d = CSPR_NO_DATE;

	if (cspr_date_parse(s, &d) != 0)
		fail_msg("bad date in test: %s", s);
	return d;
}

static inline const char *
when(struct cspr_when w)
{
	static char buf[4][20];
	static int k;
	char *b = buf[k++ % 4];

	return w.kind == CSPR_WHEN_NONE ? "-" : cspr_when_str(w, b);
}

static inline struct cspr_case *
unit_case(const char *text)
{
	struct cspr_errors e = {0};
	struct cspr_case *c = NULL;

	if (cspr_case_open_buffer("t.yaml", text, strlen(text), schema, &c,
	    &e) != CSPR_OK)
		fail_msg("test case does not open: %s: %s: %s", text,
		    e.n && e.v[0].path ? e.v[0].path : "",
		    e.n ? e.v[0].message : "?");
	cspr_errors_clear(&e);
	return c;
}

static inline void
unit_set_json(json_t *root, const char *key, const char *json)
{
	json_error_t err;
	json_t *v = json_loads(json, 0, &err);

	if (!v)
		fail_msg("bad JSON in test: %s", err.text);
	json_object_set_new(root, key, v);
}

static inline int
unit_schema_setup(void)
{
	struct cspr_errors e = {0};

	schema = cspr_case_schema(NULL, &e);
	cspr_errors_clear(&e);
	return schema ? 0 : -1;
}

static inline void
unit_schema_teardown(void)
{
	cspr_schema_free(&schema);
}

static inline int
unit_cal_setup(void)
{
	cal = cspr_calendar_new();
	return cal ? 0 : -1;
}

static inline void
unit_cal_teardown(void)
{
	cspr_calendar_free(&cal);
}

static inline int
unit_detector_setup(void **state, const char *json)
{
	json_t *root = json_loads(json, 0, NULL);

	assert_non_null(root);
	*state = cspr_detector_from_case(root);
	json_decref(root);
	assert_non_null(*state);
	return 0;
}

static inline int
unit_detector_teardown(void **state)
{
	struct cspr_detector *d = *state;

	cspr_detector_free(&d);
	assert_null(d);
	return 0;
}

#endif
