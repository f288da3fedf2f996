/*
 * test_oom.c - out of memory, everywhere it can happen in the library.
 *
 * The library's malloc, calloc, realloc, strdup and free are wrapped at
 * link time (-Wl,--wrap, see the Makefile) and jansson's allocator is set
 * to the same wrappers, so that the k-th allocation can be made to fail.
 * For each entry point a case passes through (the schema, opening a case
 * valid and invalid, the calendar and a holidays file, the deadlines, the
 * identifier detector, readability), every k from the first allocation to
 * the last (sampled when there are thousands) must give either the result
 * of a run with memory to spare or the function's out-of-memory answer,
 * never a crash, a wrong verdict or a leak: every block the library took
 * is given back.  (libyaml's own allocations are not reached this way; its
 * out-of-memory answer is an error event, which the loader reports.)
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "csprcore.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
void __real_free(void *p);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);
void __wrap_free(void *p);

/* ---- the allocator: count, fail the k-th, remember what is live ---- */

static long allocs;  /* allocations since counting began */
static long fail_at; /* the one to fail, 0 for none */
static int counting;

/* Live blocks, an open-addressing set of pointers (1 empty, 2 deleted). */
#define LIVE_CAP (1u << 15) /* well above the most ever live here */
static uintptr_t *live;
static long nlive;

static size_t
slot(uintptr_t p)
{
	return (size_t)((p >> 4) * 0x9e3779b97f4a7c15ULL >> 40) & (LIVE_CAP - 1);
}

static void
live_add(void *p)
{
	size_t i = slot((uintptr_t)p);

	while (live[i] > 2)
		i = (i + 1) & (LIVE_CAP - 1);
	live[i] = (uintptr_t)p;
	nlive++;
}

static int
live_del(void *p)
{
	size_t i = slot((uintptr_t)p);

	for (; live[i]; i = (i + 1) & (LIVE_CAP - 1))
		if (live[i] == (uintptr_t)p) {
			live[i] = 2;
			nlive--;
			return 1;
		}
	return 0; /* not ours: allocated before counting, or by libc */
}

static int
fails(void)
{
	return counting && ++allocs == fail_at;
}

static void *
track(void *p)
{
	if (p && counting)
		live_add(p);
	return p;
}

void *
__wrap_malloc(size_t n)
{
	return fails() ? NULL : track(__real_malloc(n));
}

void *
__wrap_calloc(size_t n, size_t size)
{
	return fails() ? NULL : track(__real_calloc(n, size));
}

void *
__wrap_realloc(void *p, size_t n)
{
	void *q;

	if (fails())
		return NULL;
	q = __real_realloc(p, n);
	if (q && p && live_del(p))
		live_add(q);
	else if (q && !p)
		track(q);
	return q;
}

char *
__wrap_strdup(const char *s)
{
	return fails() ? NULL : track(__real_strdup(s));
}

void
__wrap_free(void *p)
{
	if (p)
		live_del(p);
	__real_free(p);
}

/* ---- the sweep ---- */

/* One run of what is being tested: its status, or -1 for "out of memory
 * answered"; it must free everything it made before returning. */
typedef int (*runner)(void *arg);

static void
start(long k)
{
	allocs = 0;
	fail_at = k;
	nlive = 0;
	memset(live, 0, LIVE_CAP * sizeof(*live));
	counting = 1;
}

static long
stop(void)
{
	counting = 0;
	return nlive;
}

/* Run fn with memory to spare, then failing each allocation in turn;
 * returns the number of allocations of the plain run. */
static long
sweep(const char *what, runner fn, void *arg)
{
	long total, step, tested = 0, ooms = 0;
	int want, got;

	start(0);
	want = fn(arg);
	total = allocs;
	assert_int_equal(stop(), 0);
	assert_true(want >= 0);
	assert_true(total > 0);
	/* every one of the first 300, then about 300 more spread evenly */
	step = total > 600 ? total / 300 : 1;
	for (long k = 1; k <= total; k += k < 300 ? 1 : step) {
		start(k);
		got = fn(arg);
		if (stop() != 0)
			fail_msg("%s: allocation %ld of %ld failed: %ld blocks "
			    "leaked", what, k, total, nlive);
		if (got != want && got != -1)
			fail_msg("%s: allocation %ld of %ld failed: status %d, "
			    "not %d or out of memory", what, k, total, got, want);
		ooms += got == -1;
		tested++;
	}
	print_message("# %s: %ld allocations, %ld failures tried, %ld "
	    "answered out of memory\n", what, total, tested, ooms);
	return total;
}

/* ---- what is swept ---- */

static struct cspr_schema *schema;

static int
run_schema(void *arg)
{
	struct cspr_errors e = {0};
	struct cspr_schema *s = cspr_case_schema(arg, &e);
	int r = s ? 0 : -1;

	cspr_schema_free(&s);
	cspr_errors_clear(&e);
	return r;
}

/* Open a case; its status, or -1 for CSPR_ERROR with "out of memory". */
static int
run_case(void *arg)
{
	const char *text = arg;
	struct cspr_errors e = {0};
	struct cspr_case *c = NULL;
	int r = cspr_case_open_buffer("t.yaml", text, strlen(text), schema, &c,
	    &e);

	if (r == CSPR_OK)
		assert_non_null(c);
	else
		assert_null(c);
	/* out of memory is never the file's fault */
	for (size_t i = 0; i < e.n; i++)
		if (strcmp(e.v[i].message, "out of memory") == 0 &&
		    r != CSPR_ERROR)
			fail_msg("out of memory reported, but status %d", r);
	if (r == CSPR_ERROR) {
		/* the diagnostic too may have been lost to the shortage */
		if (e.n > 0)
			assert_string_equal(e.v[e.n - 1].message,
			    "out of memory");
		r = -1;
	}
	cspr_case_free(&c);
	cspr_errors_clear(&e);
	return r;
}

static int
run_calendar(void *arg)
{
	const char *text = arg;
	struct cspr_errors e = {0};
	struct cspr_calendar *c = cspr_calendar_new();
	int r;

	if (!c)
		return -1;
	r = cspr_calendar_load_buffer(c, "h.txt", text, strlen(text), &e);
	if (r == CSPR_ERROR)
		r = -1;
	else
		r = r * 1000 + cspr_add_working_days(c, 0, 10) % 1000;
	cspr_calendar_free(&c);
	cspr_errors_clear(&e);
	return r;
}

/* jansson 2.14's parser reports some allocation failures as syntax
 * errors ("string or '}' expected"), and after others returns an object
 * that is missing members, so a GOV.UK file read short of memory may be
 * called bad: still refused, with exit 2 from every tool, but for the wrong
 * reason.  Only that is allowed here; crashes and leaks are not. */
static int
run_calendar_json(void *arg)
{
	int r = run_calendar(arg);

	return r >= CSPR_FINDINGS * 1000 ? -1 : r;
}

struct rules {
	struct cspr_case *c;
	struct cspr_calendar *cal;
	const char *report;
};

static int
run_deadlines(void *arg)
{
	struct rules *x = arg;
	struct cspr_deadlines ds = {0};
	int r = cspr_deadlines_eval(cspr_case_root(x->c), x->cal,
	    cspr_date_from_ymd(2026, 11, 26), &ds);

	if (r == 0)
		r = (int)ds.n;
	cspr_deadlines_clear(&ds);
	return r < 0 ? -1 : r;
}

static int
run_detector(void *arg)
{
	struct rules *x = arg;
	struct cspr_detector *d = cspr_detector_from_case(cspr_case_root(x->c));
	struct cspr_hits hits = {0};
	char *red;
	int r;

	if (!d)
		return -1;
	r = cspr_detect(d, x->report, strlen(x->report), &hits);
	if (r >= 0) {
		if (!(red = cspr_redact(d, x->report, strlen(x->report),
		    NULL)))
			r = -1;
		free(red);
	}
	cspr_hits_clear(&hits);
	cspr_detector_free(&d);
	return r;
}

static int
run_readability(void *arg)
{
	struct rules *x = arg;
	struct cspr_readability *r = cspr_readability(x->report,
	    strlen(x->report), NULL);
	int n;

	if (!r)
		return -1;
	n = (int)(r->words * 100 + r->sentences * 10 + (long)r->nlong +
	    (long)r->nacronyms);
	cspr_readability_free(&r);
	return n;
}

/* ---- the tests ---- */

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	rewind(f);
	buf = __real_malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void
test_schema(void **state)
{
	(void)state;
	sweep("built-in schema", run_schema, NULL);
}

static void
test_case_valid(void **state)
{
	char *text = slurp("examples/05-published.yaml");

	(void)state;
	assert_int_equal(run_case(text), CSPR_OK);
	sweep("a valid case", run_case, text);
	__real_free(text);
}

static void
test_case_invalid(void **state)
{
	static const char *const texts[] = {
		/* schema errors and semantic errors, many of them */
		"id: T-1\npartnership: Testshire\nchild: {dob: 2020-01-01, "
		"dod: 2019-12-31, nonsense: 1}\nactions:\n  - {id: 1}\n"
		"  - {id: 1}\nnotifications: [{to: nobody}]\nk: [1, 2]\n",
		/* the loader's rejections, after building some tree */
		"id: T-1\npartnership: Testshire\nchild:\n  first_name: A\n"
		"  first_name: B\n",
		"id: T-1\npartnership: Testshire\nfamily: [{name: &a A}]\n",
		"id: T-1\nlist: [1, 2, {a: [3, [4, [5]]]}]\n\"k\\0\": 1\n",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		assert_int_equal(run_case((void *)texts[i]), CSPR_FINDINGS);
		sweep("an invalid case", run_case, (void *)texts[i]);
	}
}

static void
test_calendar(void **state)
{
	char *json = slurp("tests/data/calendar/bank-holidays.json");
	char *txt = slurp("tests/data/calendar/holidays.txt");
	char *bad = slurp("tests/data/calendar/bad.txt");

	(void)state;
	sweep("calendar and GOV.UK holidays", run_calendar_json, json);
	sweep("calendar and plain holidays", run_calendar, txt);
	sweep("calendar and a bad holidays file", run_calendar, bad);
	__real_free(json);
	__real_free(txt);
	__real_free(bad);
}

static void
test_rules(void **state)
{
	char *text = slurp("examples/04-review.yaml");
	struct cspr_errors e = {0};
	struct rules x = {NULL, cspr_calendar_new(),
	    "# Review of Child E\n\nZiggy Testington, born 30 May 2012 "
	    "(NHS number 999 000 0042), lived at Flat 4, 9 Fable Court, "
	    "Shamford ZZ99 1TT.  His mother, Peony, rang 01632 960777.  The "
	    "YOT and the LIG met.  This sentence goes on for rather more words "
	    "than a reader would like, with clause after clause and no end in "
	    "sight, until at last it stops.\n"};

	(void)state;
	assert_non_null(x.cal);
	assert_int_equal(cspr_case_open_buffer("t.yaml", text, strlen(text),
	    schema, &x.c, &e), CSPR_OK);
	sweep("deadlines", run_deadlines, &x);
	sweep("identifier detector", run_detector, &x);
	sweep("readability", run_readability, &x);
	cspr_case_free(&x.c);
	cspr_calendar_free(&x.cal);
	__real_free(text);
}

static int
setup(void **state)
{
	struct cspr_errors e = {0};

	(void)state;
	json_set_alloc_funcs(__wrap_malloc, __wrap_free);
	live = __real_calloc(LIVE_CAP, sizeof(*live));
	schema = cspr_case_schema(NULL, &e);
	return live && schema ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	cspr_schema_free(&schema);
	__real_free(live);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_schema),
		cmocka_unit_test(test_case_valid),
		cmocka_unit_test(test_case_invalid),
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_rules),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
