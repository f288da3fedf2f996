/*
 * fuzz_holidays.c - libFuzzer harness for the holidays file (--holidays,
 * CSP_HOLIDAYS): GOV.UK's bank-holidays.json or a plain list of dates,
 * read by cspr_calendar_load_buffer into a fresh calendar.  A file with
 * any error must add nothing; a good one must leave a calendar the working
 * day arithmetic can still use.
 */
#include <stdint.h>
#include <stdlib.h>

#include "csprcore.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
count(cspr_date d, const char *name, void *arg)
{
	if (!name || d == CSPR_NO_DATE)
		abort();
	++*(long *)arg;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cspr_errors e = {0};
	struct cspr_calendar *c = cspr_calendar_new();
	cspr_date d = cspr_date_from_ymd(2026, 12, 18), later;
	long before = 0, after = 0;
	int r;

	if (!c)
		abort();
	cspr_holidays_in(c, 1990, 2100, count, &before);
	r = cspr_calendar_load_buffer(c, "fuzz.txt", (const char *)data, size,
	    &e);
	if (r < CSPR_OK || r > CSPR_ERROR || (r != CSPR_OK && e.n == 0))
		abort();
	for (size_t i = 0; i < e.n; i++)
		if (!e.v[i].file || !e.v[i].message)
			abort();
	cspr_holidays_in(c, 1990, 2100, count, &after);
	if (r != CSPR_OK && after != before)
		abort(); /* a bad file adds nothing */
	later = cspr_add_working_days(c, d, 20);
	if (later != CSPR_NO_DATE &&
	    cspr_working_days_between(c, d, later) != 20)
		abort();
	cspr_errors_clear(&e);
	cspr_calendar_free(&c);
	return 0;
}
