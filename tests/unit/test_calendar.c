/*
 * test_calendar.c - unit tests for lib/calendar.c.
 *
 * Dates, months and working days against hand-checked values; the bank
 * holidays of whole years against GOV.UK's published lists (2012 on) and
 * the historical rules; working days against a day-by-day count; and the
 * holiday-file loader against good and hostile input.  Nothing here reads
 * the clock or the zone.  Fixtures are in tests/data/calendar/, found from
 * $CSP_TOP (tests/run.sh sets it) or the current directory.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csprcore.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---- helpers ---- */

static cspr_date
D(const char *s)
{
	cspr_date d = CSPR_NO_DATE;

	if (cspr_date_parse(s, &d) != 0)
		fail_msg("bad date in test: %s", s);
	return d;
}

static const char *
data(const char *name)
{
	static char path[4096];
	const char *top = getenv("CSP_TOP");

	snprintf(path, sizeof(path), "%s/tests/data/calendar/%s",
	    top && *top ? top : ".", name);
	return path;
}

struct text {
	char s[8192];
	size_t n;
};

static int
collect(cspr_date d, const char *name, void *arg)
{
	struct text *t = arg;
	char ds[11];
	int n;

	n = snprintf(t->s + t->n, sizeof(t->s) - t->n, "%s\t%s\n",
	    cspr_date_str(d, ds), name);
	if (n < 0 || (size_t)n >= sizeof(t->s) - t->n)
		return -1;
	t->n += (size_t)n;
	return 0;
}

/* The holidays of years y1 to y2 as "YYYY-MM-DD<TAB>name" lines. */
static const char *
holidays(const struct cspr_calendar *c, int y1, int y2)
{
	static struct text t;

	t.n = 0;
	t.s[0] = '\0';
	assert_int_equal(cspr_holidays_in(c, y1, y2, collect, &t), 0);
	return t.s;
}

/* A deterministic generator, so that a failure can be replayed. */
static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1du;
}

static long
rng_range(long lo, long hi)
{
	return lo + (long)(rng() % (uint64_t)(hi - lo + 1));
}

static int
naive_working(const struct cspr_calendar *c, cspr_date d)
{
	return cspr_weekday(d) < 5 && !cspr_holiday(c, d);
}

static int
naive_between(const struct cspr_calendar *c, cspr_date from, cspr_date to)
{
	int n = 0;

	for (cspr_date d = from + 1; d <= to; d++)
		n += naive_working(c, d);
	for (cspr_date d = to + 1; d <= from; d++)
		n -= naive_working(c, d);
	return n;
}

static cspr_date
naive_add(const struct cspr_calendar *c, cspr_date d, int n)
{
	int step = n < 0 ? -1 : 1;

	for (int k = n < 0 ? -n : n; k > 0;) {
		d += step;
		k -= naive_working(c, d);
	}
	return d;
}

static int
setup(void **state)
{
	*state = cspr_calendar_new();
	return *state ? 0 : -1;
}

static int
teardown(void **state)
{
	struct cspr_calendar *c = *state;

	cspr_calendar_free(&c);
	assert_null(c);
	return 0;
}

/* ---- civil dates ---- */

static void
test_epoch_values(void **state)
{
	char buf[17];

	(void)state;
	assert_int_equal(D("1970-01-01"), 0);
	assert_int_equal(D("1970-01-02"), 1);
	assert_int_equal(D("1969-12-31"), -1);
	assert_int_equal(D("2000-01-01"), 10957);
	assert_int_equal(D("2026-11-26"), 20783);
	assert_int_equal(D("0001-01-01"), -719162);
	assert_int_equal(D("9999-12-31"), 2932896);
	assert_int_equal(cspr_date_from_ymd(2026, 11, 26), 20783);
	/* Months out of range roll into the year. */
	assert_int_equal(cspr_date_from_ymd(2026, 13, 1), D("2027-01-01"));
	assert_int_equal(cspr_date_from_ymd(2026, 0, 1), D("2025-12-01"));
	assert_int_equal(cspr_date_from_ymd(2026, 3, 0), D("2026-02-28"));
	assert_int_equal(cspr_weekday(D("1970-01-01")), 3); /* Thursday */
	assert_int_equal(cspr_weekday(D("2026-11-26")), 3);
	assert_int_equal(cspr_weekday(D("2026-11-30")), 0);
	assert_int_equal(cspr_weekday(D("2026-11-29")), 6);
	assert_int_equal(cspr_weekday(D("1969-12-29")), 0);
	assert_int_equal(cspr_weekday(D("0001-01-01")), 0);
	/* The far ends of the type do not overflow. */
	assert_int_equal(cspr_weekday(INT32_MAX), (INT32_MAX % 7 + 3) % 7);
	assert_in_range(cspr_weekday(INT32_MIN + 1), 0, 6);
	cspr_date_str(INT32_MAX, buf);
	assert_true(strlen(buf) <= 10);
	cspr_date_str(INT32_MIN, buf);
	assert_true(strlen(buf) <= 10);
	cspr_time_str(INT64_MAX, buf);
	assert_true(strlen(buf) <= 16);
	cspr_time_str(INT64_MIN, buf);
	assert_true(strlen(buf) <= 16);
}

static void
test_leap_years(void **state)
{
	cspr_date d;

	(void)state;
	assert_int_equal(cspr_date_parse("1900-02-29", &d), -1);
	assert_int_equal(cspr_date_parse("2000-02-29", &d), 0);
	assert_int_equal(cspr_date_parse("2100-02-29", &d), -1);
	assert_int_equal(cspr_date_parse("2024-02-29", &d), 0);
	assert_int_equal(cspr_date_parse("2025-02-29", &d), -1);
	assert_int_equal(cspr_date_parse("2400-02-29", &d), 0);
	assert_int_equal(D("1900-03-01") - D("1900-02-28"), 1);
	assert_int_equal(D("2000-03-01") - D("2000-02-28"), 2);
	assert_int_equal(D("2100-03-01") - D("2100-02-28"), 1);
	assert_int_equal(D("2024-03-01") - D("2024-02-28"), 2);
	assert_int_equal(D("2001-01-01") - D("2000-01-01"), 366);
	assert_int_equal(D("1901-01-01") - D("1900-01-01"), 365);
	assert_int_equal(D("2400-01-01") - D("2000-01-01"), 146097);
}

/* Every day of years 1-9999 against a counter stepping through months. */
static void
test_civil_every_day(void **state)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
		31};
	cspr_date z = D("0001-01-01");
	int y, m, d;

	(void)state;
	for (int yy = 1; yy <= 9999; yy++) {
		int leap = (yy % 4 == 0 && yy % 100 != 0) || yy % 400 == 0;

		for (int mm = 1; mm <= 12; mm++) {
			int n = dim[mm - 1] + (mm == 2 && leap);

			for (int dd = 1; dd <= n; dd++, z++) {
				cspr_date_ymd(z, &y, &m, &d);
				if (y != yy || m != mm || d != dd ||
				    cspr_date_from_ymd(yy, mm, dd) != z)
					fail_msg("day %d: %04d-%02d-%02d",
					    (int)z, yy, mm, dd);
			}
		}
	}
	assert_int_equal(z - 1, D("9999-12-31"));
}

static void
test_date_parse_table(void **state)
{
	static const struct {
		const char *s;
		int ok;
	} t[] = {
		{"2026-11-26", 1},
		{"2026-02-28", 1},
		{"2024-02-29", 1},
		{"0001-01-01", 1},
		{"9999-12-31", 1},
		{"2026-04-30", 1},
		{"2026-02-30", 0},
		{"2025-02-29", 0},
		{"2026-04-31", 0},
		{"0000-01-01", 0},
		{"2026-13-01", 0},
		{"2026-00-10", 0},
		{"2026-01-00", 0},
		{"2026-01-32", 0},
		{"2026-1-01", 0},
		{"2026-01-1", 0},
		{"26-01-01", 0},
		{"20260101", 0},
		{"2026/01/01", 0},
		{"2026-01-01 ", 0},
		{" 2026-01-01", 0},
		{"2026-01-01\n", 0},
		{"2026-01-01T00:00", 0},
		{"2026-01-0a", 0},
		{"+026-01-01", 0},
		{"-026-01-01", 0},
		{"2026--1-01", 0},
		{"12026-01-01", 0},
		{"", 0},
	};
	cspr_date d;
	char buf[11];

	(void)state;
	for (size_t i = 0; i < NELEM(t); i++) {
		int r = cspr_date_parse(t[i].s, &d);

		if (r != (t[i].ok ? 0 : -1))
			fail_msg("\"%s\": got %d", t[i].s, r);
		if (t[i].ok)
			assert_string_equal(cspr_date_str(d, buf), t[i].s);
	}
}

static void
test_datetime_parse_table(void **state)
{
	static const struct {
		const char *s;
		int r;
		cspr_time t;
	} t[] = {
		{"1970-01-01", 0, 0},
		{"1970-01-01T00:00", 1, 0},
		{"1970-01-01T00:01", 1, 1},
		{"1969-12-31T23:59", 1, -1},
		{"1969-12-31", 0, -1440},
		{"2026-11-26T09:30", 1, 20783LL * 1440 + 570},
		{"2026-11-26T23:59", 1, 20783LL * 1440 + 1439},
		{"2024-02-29T12:00", 1, 19782LL * 1440 + 720},
		{"2026-11-26T24:00", -1, 0},
		{"2026-11-26T12:60", -1, 0},
		{"2026-11-26T9:30", -1, 0},
		{"2026-11-26 09:30", -1, 0},
		{"2026-11-26t09:30", -1, 0},
		{"2026-11-26T09:30Z", -1, 0},
		{"2026-11-26T09:30:00", -1, 0},
		{"2026-11-26T09", -1, 0},
		{"2026-11-26T", -1, 0},
		{"2026-11-26T09-30", -1, 0},
		{"2026-02-30T10:00", -1, 0},
		{"2025-02-29T10:00", -1, 0},
		{"2026-11-26T0a:30", -1, 0},
		{"", -1, 0},
	};
	char buf[17];
	cspr_time tm;

	(void)state;
	for (size_t i = 0; i < NELEM(t); i++) {
		int r = cspr_datetime_parse(t[i].s, &tm);

		if (r != t[i].r)
			fail_msg("\"%s\": got %d", t[i].s, r);
		if (r >= 0) {
			assert_int_equal(tm, t[i].t);
			if (r == 1)
				assert_string_equal(cspr_time_str(tm, buf),
				    t[i].s);
		}
	}
}

static void
test_format_round_trip(void **state)
{
	char buf[17], dbuf[11];
	cspr_time t;
	cspr_date d;

	(void)state;
	assert_string_equal(cspr_date_str(0, dbuf), "1970-01-01");
	assert_string_equal(cspr_date_str(-1, dbuf), "1969-12-31");
	assert_string_equal(cspr_time_str(-1, buf), "1969-12-31T23:59");
	assert_string_equal(cspr_time_str(0, buf), "1970-01-01T00:00");
	/* Every day of 1900-2200 prints and parses back. */
	for (d = D("1900-01-01"); d <= D("2200-12-31"); d++) {
		cspr_date back;

		if (cspr_date_parse(cspr_date_str(d, dbuf), &back) || back != d)
			fail_msg("day %d printed as %s", (int)d, dbuf);
	}
	/* Every minute of a day, and random minutes of 1-9999. */
	for (t = (cspr_time)D("2026-03-29") * 1440;
	     t < (cspr_time)D("2026-03-30") * 1440; t++) {
		cspr_time back;

		assert_int_equal(cspr_datetime_parse(cspr_time_str(t, buf),
		    &back), 1);
		assert_int_equal(back, t);
	}
	for (int i = 0; i < 100000; i++) {
		cspr_time back;

		t = rng_range((long)D("0001-01-01") * 1440,
		    (long)D("9999-12-31") * 1440 + 1439);
		assert_int_equal(cspr_datetime_parse(cspr_time_str(t, buf),
		    &back), 1);
		assert_int_equal(back, t);
	}
}

static void
test_add_months_table(void **state)
{
	static const struct {
		const char *from;
		int n;
		const char *to;
	} t[] = {
		{"2026-08-31", 6, "2027-02-28"},
		{"2027-08-31", 6, "2028-02-29"},
		{"2026-10-02", 6, "2027-04-02"},
		{"2026-03-31", 6, "2026-09-30"},
		{"2026-12-31", 6, "2027-06-30"},
		{"2026-07-31", 6, "2027-01-31"},
		{"2099-08-31", 6, "2100-02-28"},
		{"1999-08-31", 6, "2000-02-29"},
		{"1899-08-30", 6, "1900-02-28"},
		{"2026-01-31", 1, "2026-02-28"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2024-02-29", 12, "2025-02-28"},
		{"2024-02-29", 48, "2028-02-29"},
		{"2026-11-26", 0, "2026-11-26"},
		{"2026-11-26", 1, "2026-12-26"},
		{"2026-11-26", 2, "2027-01-26"},
		{"2026-03-31", -1, "2026-02-28"},
		{"2024-03-31", -1, "2024-02-29"},
		{"2026-05-31", -6, "2025-11-30"},
		{"2026-01-15", -13, "2024-12-15"},
		{"2026-01-15", -1, "2025-12-15"},
		{"2026-01-15", 1200, "2126-01-15"},
		{"0001-02-28", -1, "0001-01-28"},
		{"9999-11-30", 1, "9999-12-30"},
	};
	char buf[11];

	(void)state;
	for (size_t i = 0; i < NELEM(t); i++) {
		cspr_date d = cspr_add_months(D(t[i].from), t[i].n);

		cspr_date_str(d, buf);
		if (strcmp(buf, t[i].to))
			fail_msg("%s %+d months: got %s, want %s", t[i].from,
			    t[i].n, buf, t[i].to);
	}
	/* Far beyond the type: no overflow, a marked result. */
	assert_int_equal(cspr_add_months(0, INT_MAX), CSPR_NO_DATE);
	assert_int_equal(cspr_add_months(0, INT_MIN), CSPR_NO_DATE);
}

/* ---- bank holidays ---- */

static const struct {
	int year;
	const char *list;
} years[] = {
	{1950, "1950-04-07\tGood Friday\n"
	       "1950-04-10\tEaster Monday\n"
	       "1950-05-29\tWhit Monday\n"
	       "1950-08-07\tSummer bank holiday\n"
	       "1950-12-25\tChristmas Day\n"
	       "1950-12-26\tBoxing Day\n"},
	{1970, "1970-03-27\tGood Friday\n"
	       "1970-03-30\tEaster Monday\n"
	       "1970-05-18\tWhit Monday\n"
	       "1970-08-03\tSummer bank holiday\n"
	       "1970-12-25\tChristmas Day\n"
	       "1970-12-28\tBoxing Day (substitute day)\n"},
	{1971, "1971-04-09\tGood Friday\n"
	       "1971-04-12\tEaster Monday\n"
	       "1971-05-31\tSpring bank holiday\n"
	       "1971-08-30\tSummer bank holiday\n"
	       "1971-12-27\tChristmas Day (substitute day)\n"
	       "1971-12-28\tBoxing Day (substitute day)\n"},
	{1974, "1974-01-01\tNew Year's Day\n"
	       "1974-04-12\tGood Friday\n"
	       "1974-04-15\tEaster Monday\n"
	       "1974-05-27\tSpring bank holiday\n"
	       "1974-08-26\tSummer bank holiday\n"
	       "1974-12-25\tChristmas Day\n"
	       "1974-12-26\tBoxing Day\n"},
	{1978, "1978-01-02\tNew Year's Day (substitute day)\n"
	       "1978-03-24\tGood Friday\n"
	       "1978-03-27\tEaster Monday\n"
	       "1978-05-01\tEarly May bank holiday\n"
	       "1978-05-29\tSpring bank holiday\n"
	       "1978-08-28\tSummer bank holiday\n"
	       "1978-12-25\tChristmas Day\n"
	       "1978-12-26\tBoxing Day\n"},
	{1995, "1995-01-02\tNew Year's Day (substitute day)\n"
	       "1995-04-14\tGood Friday\n"
	       "1995-04-17\tEaster Monday\n"
	       "1995-05-08\tEarly May bank holiday (VE day)\n"
	       "1995-05-29\tSpring bank holiday\n"
	       "1995-08-28\tSummer bank holiday\n"
	       "1995-12-25\tChristmas Day\n"
	       "1995-12-26\tBoxing Day\n"},
	{1999, "1999-01-01\tNew Year's Day\n"
	       "1999-04-02\tGood Friday\n"
	       "1999-04-05\tEaster Monday\n"
	       "1999-05-03\tEarly May bank holiday\n"
	       "1999-05-31\tSpring bank holiday\n"
	       "1999-08-30\tSummer bank holiday\n"
	       "1999-12-27\tChristmas Day (substitute day)\n"
	       "1999-12-28\tBoxing Day (substitute day)\n"
	       "1999-12-31\tMillennium Eve\n"},
	{2002, "2002-01-01\tNew Year's Day\n"
	       "2002-03-29\tGood Friday\n"
	       "2002-04-01\tEaster Monday\n"
	       "2002-05-06\tEarly May bank holiday\n"
	       "2002-06-03\tSpring bank holiday\n"
	       "2002-06-04\tQueen's Golden Jubilee\n"
	       "2002-08-26\tSummer bank holiday\n"
	       "2002-12-25\tChristmas Day\n"
	       "2002-12-26\tBoxing Day\n"},
	{2011, "2011-01-03\tNew Year's Day (substitute day)\n"
	       "2011-04-22\tGood Friday\n"
	       "2011-04-25\tEaster Monday\n"
	       "2011-04-29\tRoyal wedding\n"
	       "2011-05-02\tEarly May bank holiday\n"
	       "2011-05-30\tSpring bank holiday\n"
	       "2011-08-29\tSummer bank holiday\n"
	       "2011-12-26\tBoxing Day\n"
	       "2011-12-27\tChristmas Day (substitute day)\n"},
	{2012, "2012-01-02\tNew Year's Day (substitute day)\n"
	       "2012-04-06\tGood Friday\n"
	       "2012-04-09\tEaster Monday\n"
	       "2012-05-07\tEarly May bank holiday\n"
	       "2012-06-04\tSpring bank holiday\n"
	       "2012-06-05\tQueen's Diamond Jubilee\n"
	       "2012-08-27\tSummer bank holiday\n"
	       "2012-12-25\tChristmas Day\n"
	       "2012-12-26\tBoxing Day\n"},
	{2020, "2020-01-01\tNew Year's Day\n"
	       "2020-04-10\tGood Friday\n"
	       "2020-04-13\tEaster Monday\n"
	       "2020-05-08\tEarly May bank holiday (VE day)\n"
	       "2020-05-25\tSpring bank holiday\n"
	       "2020-08-31\tSummer bank holiday\n"
	       "2020-12-25\tChristmas Day\n"
	       "2020-12-28\tBoxing Day (substitute day)\n"},
	{2021, "2021-01-01\tNew Year's Day\n"
	       "2021-04-02\tGood Friday\n"
	       "2021-04-05\tEaster Monday\n"
	       "2021-05-03\tEarly May bank holiday\n"
	       "2021-05-31\tSpring bank holiday\n"
	       "2021-08-30\tSummer bank holiday\n"
	       "2021-12-27\tChristmas Day (substitute day)\n"
	       "2021-12-28\tBoxing Day (substitute day)\n"},
	{2022, "2022-01-03\tNew Year's Day (substitute day)\n"
	       "2022-04-15\tGood Friday\n"
	       "2022-04-18\tEaster Monday\n"
	       "2022-05-02\tEarly May bank holiday\n"
	       "2022-06-02\tSpring bank holiday\n"
	       "2022-06-03\tPlatinum Jubilee bank holiday\n"
	       "2022-08-29\tSummer bank holiday\n"
	       "2022-09-19\tBank Holiday for the State Funeral of Queen "
	       "Elizabeth II\n"
	       "2022-12-26\tBoxing Day\n"
	       "2022-12-27\tChristmas Day (substitute day)\n"},
	{2023, "2023-01-02\tNew Year's Day (substitute day)\n"
	       "2023-04-07\tGood Friday\n"
	       "2023-04-10\tEaster Monday\n"
	       "2023-05-01\tEarly May bank holiday\n"
	       "2023-05-08\tBank holiday for the coronation of King Charles "
	       "III\n"
	       "2023-05-29\tSpring bank holiday\n"
	       "2023-08-28\tSummer bank holiday\n"
	       "2023-12-25\tChristmas Day\n"
	       "2023-12-26\tBoxing Day\n"},
	{2024, "2024-01-01\tNew Year's Day\n"
	       "2024-03-29\tGood Friday\n"
	       "2024-04-01\tEaster Monday\n"
	       "2024-05-06\tEarly May bank holiday\n"
	       "2024-05-27\tSpring bank holiday\n"
	       "2024-08-26\tSummer bank holiday\n"
	       "2024-12-25\tChristmas Day\n"
	       "2024-12-26\tBoxing Day\n"},
	{2025, "2025-01-01\tNew Year's Day\n"
	       "2025-04-18\tGood Friday\n"
	       "2025-04-21\tEaster Monday\n"
	       "2025-05-05\tEarly May bank holiday\n"
	       "2025-05-26\tSpring bank holiday\n"
	       "2025-08-25\tSummer bank holiday\n"
	       "2025-12-25\tChristmas Day\n"
	       "2025-12-26\tBoxing Day\n"},
	{2026, "2026-01-01\tNew Year's Day\n"
	       "2026-04-03\tGood Friday\n"
	       "2026-04-06\tEaster Monday\n"
	       "2026-05-04\tEarly May bank holiday\n"
	       "2026-05-25\tSpring bank holiday\n"
	       "2026-08-31\tSummer bank holiday\n"
	       "2026-12-25\tChristmas Day\n"
	       "2026-12-28\tBoxing Day (substitute day)\n"},
	{2027, "2027-01-01\tNew Year's Day\n"
	       "2027-03-26\tGood Friday\n"
	       "2027-03-29\tEaster Monday\n"
	       "2027-05-03\tEarly May bank holiday\n"
	       "2027-05-31\tSpring bank holiday\n"
	       "2027-08-30\tSummer bank holiday\n"
	       "2027-12-27\tChristmas Day (substitute day)\n"
	       "2027-12-28\tBoxing Day (substitute day)\n"},
	{2200, "2200-01-01\tNew Year's Day\n"
	       "2200-04-04\tGood Friday\n"
	       "2200-04-07\tEaster Monday\n"
	       "2200-05-05\tEarly May bank holiday\n"
	       "2200-05-26\tSpring bank holiday\n"
	       "2200-08-25\tSummer bank holiday\n"
	       "2200-12-25\tChristmas Day\n"
	       "2200-12-26\tBoxing Day\n"},
};

static const char *
year_list(int y)
{
	for (size_t i = 0; i < NELEM(years); i++)
		if (years[i].year == y)
			return years[i].list;
	fail_msg("no list for %d", y);
	return NULL;
}

static void
test_holiday_years(void **state)
{
	const struct cspr_calendar *c = *state;

	for (size_t i = 0; i < NELEM(years); i++)
		assert_string_equal(holidays(c, years[i].year, years[i].year),
		    years[i].list);
}

/* The shape of every year: how many holidays, all on Monday to Friday. */
static int
check_weekday(cspr_date d, const char *name, void *arg)
{
	int *count = arg, y, m, day;

	if (cspr_weekday(d) >= 5)
		fail_msg("%s on a weekend, day %d", name, (int)d);
	cspr_date_ymd(d, &y, &m, &day);
	count[y - CSPR_HOLIDAY_RULES_FROM]++;
	return 0;
}

static void
test_holiday_counts(void **state)
{
	const struct cspr_calendar *c = *state;
	int count[CSPR_HOLIDAY_RULES_TO - CSPR_HOLIDAY_RULES_FROM + 1] = {0};

	assert_int_equal(cspr_holidays_in(c, CSPR_HOLIDAY_RULES_FROM,
	    CSPR_HOLIDAY_RULES_TO, check_weekday, count), 0);
	for (int y = CSPR_HOLIDAY_RULES_FROM; y <= CSPR_HOLIDAY_RULES_TO; y++) {
		int want = y < 1974 ? 6 : y < 1978 ? 7 : 8;

		if (y == 1999 || y == 2002 || y == 2011 || y == 2012 ||
		    y == 2023)
			want = 9;
		if (y == 2022)
			want = 10;
		if (count[y - CSPR_HOLIDAY_RULES_FROM] != want)
			fail_msg("%d: %d holidays, want %d", y,
			    count[y - CSPR_HOLIDAY_RULES_FROM], want);
	}
	/* Outside the rules, nothing but what a file adds. */
	assert_string_equal(holidays(c, 1000, 1899), "");
	assert_string_equal(holidays(c, 2201, 3000), "");
	assert_string_equal(holidays(c, 2027, 2026), "");
	assert_null(cspr_holiday(c, D("1899-12-25")));
	assert_null(cspr_holiday(c, D("2201-12-25")));
	assert_int_equal(cspr_weekday(D("2201-12-25")), 4);
	assert_true(cspr_is_working_day(c, D("2201-12-25")));
	assert_true(cspr_is_working_day(c, D("1899-12-25")));
	/* Extreme years neither hang nor overflow. */
	assert_string_equal(holidays(c, INT_MIN, 1899), "");
	assert_int_equal(strlen(holidays(c, 2200, INT_MAX)),
	    strlen(years[NELEM(years) - 1].list));
}

static int
stop_at_third(cspr_date d, const char *name, void *arg)
{
	int *n = arg;

	(void)d;
	(void)name;
	return ++*n == 3 ? 42 : 0;
}

static void
test_holidays_in_stops(void **state)
{
	int n = 0;

	assert_int_equal(cspr_holidays_in(*state, 2026, 2027, stop_at_third,
	    &n), 42);
	assert_int_equal(n, 3);
}

static void
test_easter(void **state)
{
	/* Published Easter Sundays, the extremes of the range among them. */
	static const char *easter[] = {
		"1900-04-15", "1913-03-23", "1943-04-25", "1950-04-09",
		"1954-04-18", "1961-04-02", "1974-04-14", "1981-04-19",
		"1995-04-16", "2000-04-23", "2008-03-23", "2011-04-24",
		"2019-04-21", "2024-03-31", "2025-04-20", "2026-04-05",
		"2027-03-28", "2038-04-25", "2049-04-18", "2100-03-28",
		"2160-03-23", "2200-04-06",
	};
	const struct cspr_calendar *c = *state;

	for (size_t i = 0; i < NELEM(easter); i++) {
		cspr_date e = D(easter[i]);
		const char *gf = cspr_holiday(c, e - 2);
		const char *em = cspr_holiday(c, e + 1);

		if (!gf || strcmp(gf, "Good Friday") || !em ||
		    strcmp(em, "Easter Monday"))
			fail_msg("Easter %s: %s, %s", easter[i],
			    gf ? gf : "-", em ? em : "-");
		assert_int_equal(cspr_weekday(e), 6);
		assert_false(cspr_is_working_day(c, e - 2));
		assert_false(cspr_is_working_day(c, e + 1));
	}
}

/* Christmas on each day of the week, and what it does to 24-31 December. */
static void
test_christmas_each_weekday(void **state)
{
	static const struct {
		int year, weekday;
		const char *list;
	} t[] = {
		{2023, 0, "2023-12-25\tChristmas Day\n"
			  "2023-12-26\tBoxing Day\n"},
		{2018, 1, "2018-12-25\tChristmas Day\n"
			  "2018-12-26\tBoxing Day\n"},
		{2019, 2, "2019-12-25\tChristmas Day\n"
			  "2019-12-26\tBoxing Day\n"},
		{2025, 3, "2025-12-25\tChristmas Day\n"
			  "2025-12-26\tBoxing Day\n"},
		{2026, 4, "2026-12-25\tChristmas Day\n"
			  "2026-12-28\tBoxing Day (substitute day)\n"},
		{2021, 5, "2021-12-27\tChristmas Day (substitute day)\n"
			  "2021-12-28\tBoxing Day (substitute day)\n"},
		{2022, 6, "2022-12-26\tBoxing Day\n"
			  "2022-12-27\tChristmas Day (substitute day)\n"},
	};
	const struct cspr_calendar *c = *state;

	for (size_t i = 0; i < NELEM(t); i++) {
		struct text got = {{0}, 0};
		cspr_date xmas = cspr_date_from_ymd(t[i].year, 12, 25);

		assert_int_equal(cspr_weekday(xmas), t[i].weekday);
		for (cspr_date d = xmas - 1; d <= xmas + 6; d++) {
			const char *name = cspr_holiday(c, d);

			if (name)
				collect(d, name, &got);
		}
		assert_string_equal(got.s, t[i].list);
	}
}

static void
test_new_year(void **state)
{
	const struct cspr_calendar *c = *state;

	/* Saturday, Sunday, weekday; and none before 1974. */
	assert_string_equal(cspr_holiday(c, D("2022-01-03")),
	    "New Year's Day (substitute day)");
	assert_null(cspr_holiday(c, D("2022-01-01")));
	assert_string_equal(cspr_holiday(c, D("2023-01-02")),
	    "New Year's Day (substitute day)");
	assert_null(cspr_holiday(c, D("2023-01-01")));
	assert_string_equal(cspr_holiday(c, D("2026-01-01")),
	    "New Year's Day");
	assert_null(cspr_holiday(c, D("1973-01-01")));
	assert_true(cspr_is_working_day(c, D("1973-01-01")));
	assert_null(cspr_holiday(c, D("1977-05-02")));
	assert_string_equal(cspr_holiday(c, D("1978-05-01")),
	    "Early May bank holiday");
	/* The days the one-offs displaced are ordinary working days. */
	assert_true(cspr_is_working_day(c, D("1995-05-01")));
	assert_true(cspr_is_working_day(c, D("2020-05-04")));
	assert_true(cspr_is_working_day(c, D("2002-05-27")));
	assert_true(cspr_is_working_day(c, D("2012-05-28")));
	assert_true(cspr_is_working_day(c, D("2022-05-30")));
}

/* ---- working days ---- */

static void
test_is_working_day(void **state)
{
	const struct cspr_calendar *c = *state;

	assert_true(cspr_is_working_day(c, D("2026-11-26")));  /* Thursday */
	assert_false(cspr_is_working_day(c, D("2026-11-28"))); /* Saturday */
	assert_false(cspr_is_working_day(c, D("2026-11-29"))); /* Sunday */
	assert_false(cspr_is_working_day(c, D("2026-08-31"))); /* holiday */
	assert_true(cspr_is_working_day(c, D("2026-09-01")));
	assert_false(cspr_is_working_day(c, D("2022-09-19")));
	for (cspr_date d = D("1895-01-01"); d <= D("2205-12-31"); d++)
		if (cspr_is_working_day(c, d) != naive_working(c, d))
			fail_msg("day %d", (int)d);
}

static const struct {
	const char *from;
	int n;
	const char *to;
} adds[] = {
	{"2026-11-23", 1, "2026-11-24"},  /* Monday */
	{"2026-11-23", 5, "2026-11-30"},
	{"2026-11-26", 5, "2026-12-03"},
	{"2026-11-26", 15, "2026-12-17"},
	{"2026-11-28", 1, "2026-11-30"},  /* Saturday */
	{"2026-11-29", 1, "2026-11-30"},  /* Sunday */
	{"2026-11-28", 0, "2026-11-28"},
	{"2026-08-28", 1, "2026-09-01"},  /* Friday before the August holiday */
	{"2026-08-29", 1, "2026-09-01"},  /* Saturday before it */
	{"2026-08-31", 1, "2026-09-01"},  /* from the holiday itself */
	{"2026-08-31", 0, "2026-08-31"},
	{"2026-12-23", 5, "2027-01-04"},  /* Christmas and New Year */
	{"2026-12-24", 1, "2026-12-29"},
	{"2026-12-10", 15, "2027-01-05"},
	{"2021-12-23", 5, "2022-01-04"},
	{"2021-12-24", 1, "2021-12-29"},
	{"2026-04-02", 1, "2026-04-07"},  /* Easter */
	{"2026-04-01", 3, "2026-04-08"},
	{"2011-04-28", 1, "2011-05-03"},  /* royal wedding, then early May */
	{"2022-06-01", 1, "2022-06-06"},  /* Platinum Jubilee */
	{"2022-09-16", 1, "2022-09-20"},  /* State Funeral */
	{"2026-11-30", -1, "2026-11-27"}, /* backwards */
	{"2026-11-28", -1, "2026-11-27"},
	{"2026-11-29", -5, "2026-11-23"},
	{"2026-09-01", -1, "2026-08-28"},
	{"2026-08-31", -1, "2026-08-28"},
	{"2027-01-04", -5, "2026-12-23"},
	{"2027-01-05", -15, "2026-12-10"},
	{"2026-04-07", -1, "2026-04-02"},
	{"2201-12-24", 1, "2201-12-25"},  /* beyond the rules: weekends only */
};

static void
test_add_working_days_table(void **state)
{
	const struct cspr_calendar *c = *state;
	char buf[11];

	for (size_t i = 0; i < NELEM(adds); i++) {
		cspr_date_str(cspr_add_working_days(c, D(adds[i].from),
		    adds[i].n), buf);
		if (strcmp(buf, adds[i].to))
			fail_msg("%s %+d working days: got %s, want %s",
			    adds[i].from, adds[i].n, buf, adds[i].to);
	}
}

static void
test_working_days_between_table(void **state)
{
	static const struct {
		const char *from, *to;
		int n;
	} t[] = {
		{"2026-11-26", "2026-12-17", 15},
		{"2026-12-17", "2026-11-26", -15},
		{"2026-11-26", "2026-11-26", 0},
		{"2026-11-28", "2026-11-28", 0},
		{"2026-08-31", "2026-08-31", 0},
		{"2026-11-28", "2026-11-29", 0},
		{"2026-11-29", "2026-11-28", 0},
		{"2026-11-27", "2026-11-30", 1},
		{"2026-11-30", "2026-11-27", -1},
		{"2026-08-28", "2026-08-31", 0},
		{"2026-08-28", "2026-09-01", 1},
		{"2026-12-24", "2026-12-29", 1},
		{"2026-12-23", "2027-01-04", 5},
		{"2027-01-04", "2026-12-23", -5},
		{"2026-01-01", "2027-01-01", 253},
		{"2027-01-01", "2026-01-01", -253},
	};
	const struct cspr_calendar *c = *state;

	for (size_t i = 0; i < NELEM(t); i++) {
		int n = cspr_working_days_between(c, D(t[i].from), D(t[i].to));

		if (n != t[i].n)
			fail_msg("%s to %s: got %d, want %d", t[i].from,
			    t[i].to, n, t[i].n);
	}
	/* A century, against the day-by-day count. */
	assert_int_equal(cspr_working_days_between(c, D("1950-06-01"),
	    D("2150-06-01")), naive_between(c, D("1950-06-01"),
	    D("2150-06-01")));
}

/* Random spans and counts against the day-by-day versions. */
static void
test_working_days_brute_force(void **state)
{
	const struct cspr_calendar *c = *state;

	for (int i = 0; i < 3000; i++) {
		cspr_date d = (cspr_date)rng_range(D("1890-01-01"),
		    D("2210-12-31"));
		cspr_date e = d + (cspr_date)rng_range(-400, 400);
		int n = (int)rng_range(-300, 300);

		if (cspr_working_days_between(c, d, e) !=
		    naive_between(c, d, e))
			fail_msg("between %d and %d", (int)d, (int)e);
		if (cspr_add_working_days(c, d, n) != naive_add(c, d, n))
			fail_msg("%d + %d working days", (int)d, n);
	}
}

/* working_days_between undoes add_working_days: n working days after d
 * are n working days in (d, t]; n before d are n in [t, d). */
static void
test_working_days_property(void **state)
{
	const struct cspr_calendar *c = *state;

	for (int i = 0; i < 100000; i++) {
		cspr_date d = (cspr_date)rng_range(D("1800-01-01"),
		    D("2300-12-31"));
		int n = (int)rng_range(-5000, 5000);
		cspr_date t = cspr_add_working_days(c, d, n);

		if (n >= 0 && cspr_working_days_between(c, d, t) != n)
			fail_msg("d=%d n=%d t=%d", (int)d, n, (int)t);
		if (n < 0 && cspr_working_days_between(c, t - 1, d - 1) != -n)
			fail_msg("d=%d n=%d t=%d", (int)d, n, (int)t);
		if (n < 0 && cspr_is_working_day(c, d) &&
		    cspr_working_days_between(c, d, t) != n)
			fail_msg("d=%d n=%d t=%d", (int)d, n, (int)t);
		if (n != 0 && !cspr_is_working_day(c, t))
			fail_msg("d=%d n=%d: %d is not a working day", (int)d,
			    n, (int)t);
	}
}

static void
test_working_days_limits(void **state)
{
	const struct cspr_calendar *c = *state;
	cspr_date d = D("2026-11-26"), t;

	t = cspr_add_working_days(c, d, 1000000);
	assert_int_equal(cspr_working_days_between(c, d, t), 1000000);
	/* (a million back would be before year 1: test_dates has that) */
	t = cspr_add_working_days(c, d, -500000);
	assert_int_equal(cspr_working_days_between(c, t - 1, d - 1), 500000);
	/* Results beyond the type are marked, counts are clamped. */
	assert_int_equal(cspr_add_working_days(c, d, INT_MAX), CSPR_NO_DATE);
	assert_int_equal(cspr_add_working_days(c, d, INT_MIN), CSPR_NO_DATE);
	assert_int_equal(cspr_working_days_between(c, INT32_MIN + 1,
	    INT32_MAX), INT_MAX);
	assert_int_equal(cspr_working_days_between(c, INT32_MAX,
	    INT32_MIN + 1), -INT_MAX);
	assert_int_equal(cspr_working_days_between(c, INT32_MAX, INT32_MAX),
	    0);
	assert_int_equal(cspr_add_working_days(c, CSPR_LAST_DATE, 0),
	    CSPR_LAST_DATE);
	assert_int_equal(cspr_add_working_days(c, INT32_MAX, 0), CSPR_NO_DATE);
}

/* ---- holiday files ---- */

static struct cspr_calendar *
fresh(void)
{
	struct cspr_calendar *c = cspr_calendar_new();

	assert_non_null(c);
	return c;
}

static void
test_load_json(void **state)
{
	struct cspr_calendar *c = fresh();
	struct cspr_errors e = {0};

	(void)state;
	assert_int_equal(cspr_calendar_load(c, data("bank-holidays.json"), &e),
	    CSPR_OK);
	assert_int_equal(e.n, 0);
	/* Loaded titles win; notes "Substitute day" go into the name. */
	assert_string_equal(cspr_holiday(c, D("2026-01-01")),
	    "New Year\xe2\x80\x99s Day");
	assert_string_equal(cspr_holiday(c, D("2026-12-28")),
	    "Boxing Day (substitute day)");
	assert_string_equal(cspr_holiday(c, D("2026-04-03")), "Good Friday");
	assert_string_equal(holidays(c, 2031, 2031),
	    "2031-01-01\tNew Year's Day\n"
	    "2031-04-11\tGood Friday\n"
	    "2031-04-14\tEaster Monday\n"
	    "2031-05-05\tEarly May bank holiday\n"
	    "2031-05-26\tSpring bank holiday\n"
	    "2031-07-15\tTest holiday\n"
	    "2031-07-19\tWeekend test holiday\n"
	    "2031-08-25\tSummer bank holiday\n"
	    "2031-12-25\tChristmas Day\n"
	    "2031-12-26\tBoxing Day\n");
	/* Scotland's holidays are not England's. */
	assert_null(cspr_holiday(c, D("2031-08-04")));
	assert_true(cspr_is_working_day(c, D("2031-08-04")));
	assert_false(cspr_is_working_day(c, D("2031-07-15")));
	assert_int_equal(cspr_add_working_days(c, D("2031-07-14"), 1),
	    D("2031-07-16"));
	assert_int_equal(cspr_working_days_between(c, D("2031-07-14"),
	    D("2031-07-21")), 4);
	cspr_calendar_free(&c);
}

static void
test_load_plain(void **state)
{
	struct cspr_calendar *c = fresh();
	struct cspr_errors e = {0};

	(void)state;
	assert_int_equal(cspr_calendar_load(c, data("holidays.txt"), &e),
	    CSPR_OK);
	assert_int_equal(e.n, 0);
	assert_string_equal(holidays(c, 2031, 2031),
	    "2031-01-01\tNew Year's Day\n"
	    "2031-04-11\tGood Friday\n"
	    "2031-04-14\tEaster Monday\n"
	    "2031-05-05\tEarly May bank holiday\n"
	    "2031-05-26\tSpring bank holiday\n"
	    "2031-07-15\tTest holiday\n"
	    "2031-07-16\tSecond test holiday\n"
	    "2031-07-17\tBank holiday\n"
	    "2031-07-18\tBank holiday\n"
	    "2031-08-25\tSummer bank holiday\n"
	    "2031-12-25\tChristmas Day\n"
	    "2031-12-26\tBoxing Day\n");
	assert_string_equal(cspr_holiday(c, D("2026-12-25")),
	    "Christmas Day (local name)");
	assert_int_equal(cspr_add_working_days(c, D("2031-07-14"), 1),
	    D("2031-07-21"));
	assert_int_equal(cspr_add_working_days(c, D("2031-07-21"), -1),
	    D("2031-07-14"));
	cspr_calendar_free(&c);
}

static void
test_load_additive(void **state)
{
	struct cspr_calendar *c = fresh();
	struct cspr_errors e = {0};
	static const char later[] = "2031-07-15 Renamed\n"
				    "2031-07-15 Renamed again\n";

	(void)state;
	assert_int_equal(cspr_calendar_load(c, data("bank-holidays.json"), &e),
	    CSPR_OK);
	assert_int_equal(cspr_calendar_load(c, data("holidays.txt"), &e),
	    CSPR_OK);
	assert_int_equal(cspr_calendar_load_buffer(c, "later", later,
	    strlen(later), &e), CSPR_OK);
	assert_int_equal(e.n, 0);
	/* Later files and later lines win; the rest stays. */
	assert_string_equal(cspr_holiday(c, D("2031-07-15")), "Renamed again");
	assert_string_equal(cspr_holiday(c, D("2031-07-19")),
	    "Weekend test holiday");
	assert_string_equal(cspr_holiday(c, D("2026-12-25")),
	    "Christmas Day (local name)");
	assert_string_equal(cspr_holiday(c, D("2026-12-28")),
	    "Boxing Day (substitute day)");
	assert_string_equal(cspr_holiday(c, D("2027-03-29")), "Easter Monday");
	/* Outside the rules, a loaded holiday counts. */
	assert_int_equal(cspr_calendar_load_buffer(c, "far", "2250-12-25\n",
	    11, &e), CSPR_OK);
	assert_string_equal(holidays(c, 2250, 2250),
	    "2250-12-25\tBank holiday\n");
	assert_false(cspr_is_working_day(c, D("2250-12-25")));
	cspr_calendar_free(&c);
}

/* A GOV.UK file is the government's word on the years it covers: a
 * holiday it moves, moves; a partnership's own days stay, other years
 * keep the rules, and a later GOV.UK file replaces an earlier one. */
static void
test_load_govuk_authoritative(void **state)
{
	struct cspr_calendar *c = fresh();
	struct cspr_errors e = {0};
	static const char own[] = "2026-07-20 Partnership closure day\n"
				  "2026-05-04 Local name for early May\n";

	(void)state;
	assert_int_equal(cspr_calendar_load_buffer(c, "own", own,
	    strlen(own), &e), CSPR_OK);
	assert_int_equal(cspr_calendar_load(c, data("moved.json"), &e),
	    CSPR_OK);
	assert_int_equal(e.n, 0);
	/* the partnership's own day stays, even on the date GOV.UK left */
	assert_string_equal(cspr_holiday(c, D("2026-07-20")),
	    "Partnership closure day");
	assert_string_equal(cspr_holiday(c, D("2026-05-04")),
	    "Local name for early May");
	cspr_calendar_free(&c);

	c = fresh();
	assert_int_equal(cspr_calendar_load(c, data("moved.json"), &e),
	    CSPR_OK);
	assert_null(cspr_holiday(c, D("2026-05-04")));
	assert_true(cspr_is_working_day(c, D("2026-05-04")));
	assert_string_equal(cspr_holiday(c, D("2026-05-08")),
	    "Early May bank holiday (moved)");
	assert_int_equal(cspr_add_working_days(c, D("2026-05-01"), 1),
	    D("2026-05-04"));
	assert_int_equal(cspr_add_working_days(c, D("2026-05-07"), 1),
	    D("2026-05-11"));
	/* the years it does not cover keep the rules */
	assert_string_equal(holidays(c, 2025, 2025), year_list(2025));
	assert_string_equal(holidays(c, 2027, 2027), year_list(2027));
	/* a later GOV.UK file's word on 2026 replaces the earlier's */
	assert_int_equal(cspr_calendar_load(c, data("bank-holidays.json"), &e),
	    CSPR_OK);
	assert_null(cspr_holiday(c, D("2026-05-08")));
	assert_string_equal(cspr_holiday(c, D("2026-05-04")),
	    "Early May bank holiday");
	assert_int_equal(cspr_add_working_days(c, D("2026-05-01"), 1),
	    D("2026-05-05"));
	cspr_calendar_free(&c);
}

/* Many consecutive holidays: add_working_days jumps round after round. */
static void
test_load_dense(void **state)
{
	struct cspr_calendar *c = fresh();
	struct cspr_errors e = {0};
	char *buf, ds[11];
	size_t n = 0, cap = 400 * 12;

	(void)state;
	assert_non_null(buf = malloc(cap));
	for (cspr_date d = D("2031-01-05"); d < D("2031-01-05") + 400; d++)
		n += (size_t)snprintf(buf + n, cap - n, "%s\n",
		    cspr_date_str(d, ds));
	assert_int_equal(cspr_calendar_load_buffer(c, "dense", buf, n, &e),
	    CSPR_OK);
	free(buf);
	assert_int_equal(cspr_add_working_days(c, D("2031-01-01"), 3),
	    D("2032-02-09"));
	assert_int_equal(cspr_add_working_days(c, D("2032-02-09"), -2),
	    D("2031-01-02"));
	for (int i = 0; i < 500; i++) {
		cspr_date d = (cspr_date)rng_range(D("2030-06-01"),
		    D("2032-06-01"));
		int k = (int)rng_range(-200, 200);

		assert_int_equal(cspr_add_working_days(c, d, k),
		    naive_add(c, d, k));
		assert_int_equal(cspr_working_days_between(c, d, d + k),
		    naive_between(c, d, d + k));
	}
	cspr_calendar_free(&c);
}

static const struct {
	const char *text;
	int status;
	const char *first; /* "line:col: message" of the first diagnostic */
	size_t n;          /* how many diagnostics */
} bad_inputs[] = {
	/* plain lists */
	{"2026-02-30 Bad\n", CSPR_FINDINGS,
	    "1:1: not a calendar date: 2026-02-30", 1},
	{"# c\n\n  2026-13-01\n", CSPR_FINDINGS,
	    "3:3: not a calendar date: 2026-13-01", 1},
	{"26-01-01\n", CSPR_FINDINGS, "1:1: expected a date YYYY-MM-DD", 1},
	{"2026-01-01x Name\n", CSPR_FINDINGS,
	    "1:1: expected a date YYYY-MM-DD", 1},
	{"2026-01-01#x\n", CSPR_FINDINGS, "1:1: expected a date YYYY-MM-DD",
	    1},
	{"2026-01-01T09:00\n", CSPR_FINDINGS,
	    "1:1: expected a date YYYY-MM-DD", 1},
	{"holidays:\n  - 2026-01-01\n", CSPR_FINDINGS,
	    "1:1: expected a date YYYY-MM-DD", 2},
	{"2031-07-15 Bad\x01name\n", CSPR_FINDINGS,
	    "1:15: control character in holiday name", 1},
	{"2031-07-15 A\tB\n", CSPR_FINDINGS,
	    "1:13: control character in holiday name", 1},
	{"2031-07-15 x\r\r\n", CSPR_FINDINGS,
	    "1:13: control character in holiday name", 1},
	{"2031-07-15 Caf\xc3\xa9\x1b[31m\n", CSPR_FINDINGS,
	    "1:16: control character in holiday name", 1},
	{"2031-07-15 Caf\xc3\n", CSPR_FINDINGS,
	    "1:15: holiday name is not valid UTF-8", 1},
	{"2031-07-15 \xed\xa0\x80\n", CSPR_FINDINGS,
	    "1:12: holiday name is not valid UTF-8", 1},
	{"2031-07-15 \xc0\xaf\n", CSPR_FINDINGS,
	    "1:12: holiday name is not valid UTF-8", 1},
	{"2031-07-15 Good\n\n\nbad\n2031-02-29\n", CSPR_FINDINGS,
	    "4:1: expected a date YYYY-MM-DD", 2},
	{"\xef\xbb\xbf" "2031-07-15 A\r\n2031-07-32\r\n", CSPR_FINDINGS,
	    "2:1: not a calendar date: 2031-07-32", 1},
	/* GOV.UK JSON, read by the case loader: its findings, placed */
	{"{", CSPR_FINDINGS, "1:2: YAML syntax: did not find expected node "
	    "content while parsing a flow node (line 1)", 1},
	{"{\"a\":1,\"a\":2}", CSPR_FINDINGS,
	    "1:8: duplicate key \"a\" (first at line 1)", 1},
	{"{\"england-and-wales\": {\"events\": []}} x", CSPR_FINDINGS,
	    "1:39: YAML syntax: did not find expected <document start>", 1},
	{"{\"x\": \"caf\xc3\"}", CSPR_FINDINGS,
	    "1:11: invalid UTF-8 (case files must be UTF-8 text)", 1},
	{"{\"x\": \"\x1b[31m\"}", CSPR_FINDINGS,
	    "1:8: YAML syntax: control characters are not allowed", 1},
	{"[]", CSPR_FINDINGS,
	    "1:1: the top level must be a mapping of field: value", 1},
	{"{\"england-and-wales\": {\"events\": "
	 "[{\"date\":\"2031-07-15\",\"title\":\"a\\u0000b\"}]}}",
	    CSPR_FINDINGS, "1:64: NUL character in a value", 1},
	/* and the file's own */
	{"\n\n  {\"scotland\": {}}", CSPR_FINDINGS,
	    "3:3: no \"england-and-wales\" division", 1},
	{"{\"england-and-wales\": []}", CSPR_FINDINGS,
	    "1:23: \"england-and-wales\" is not an object", 1},
	{"{\"england-and-wales\": {\"division\": \"england-and-wales\"}}",
	    CSPR_FINDINGS, "1:23: no \"events\" in \"england-and-wales\"", 1},
	{"{\"england-and-wales\": {\"events\": {}}}", CSPR_FINDINGS,
	    "1:34: \"events\" is not an array", 1},
	{"{\"england-and-wales\": {\"events\": []}}", CSPR_FINDINGS,
	    "1:34: no events in \"england-and-wales\"", 1},
	{"{\"england-and-wales\": {\"events\": [1]}}", CSPR_FINDINGS,
	    "1:35: event is not an object", 1},
	{"{\"england-and-wales\": {\"events\": [{\"title\":\"x\"}]}}",
	    CSPR_FINDINGS, "1:35: event has no \"date\" string", 1},
	{"{\"england-and-wales\": {\"events\": [{\"date\":5}]}}",
	    CSPR_FINDINGS, "1:43: event has no \"date\" string", 1},
	{"{\"england-and-wales\": {\"events\": [{\"date\":\"2026-1-1\"}]}}",
	    CSPR_FINDINGS, "1:43: expected a date YYYY-MM-DD", 1},
	{"{\"england-and-wales\": {\"events\": ["
	 "{\"date\":\"2031-07-15\",\"title\":\"x\"}, "
	 "{\"date\": \"2026-02-30\"}]}}",
	    CSPR_FINDINGS, "1:79: not a calendar date: 2026-02-30", 1},
	{"{\"england-and-wales\": {\"events\": [{\"date\":\"2031-07-15\"}]}}",
	    CSPR_FINDINGS, "1:35: event has no \"title\" string", 1},
	{"{\"england-and-wales\": {\"events\": "
	 "[{\"date\":\"2031-07-15\",\"title\":7}]}}",
	    CSPR_FINDINGS, "1:64: event has no \"title\" string", 1},
	{"{\"england-and-wales\": {\"events\": "
	 "[{\"date\":\"2031-07-15\",\"title\":\"\"}]}}",
	    CSPR_FINDINGS, "1:64: empty title", 1},
	{"{\"england-and-wales\": {\"events\": "
	 "[{\"date\":\"2031-07-15\",\"title\":\"a\\u0001b\"}]}}",
	    CSPR_FINDINGS, "1:64: control character in title", 1},
	/* A key spelt with an escape is the same key, placed exactly. */
	{"{\"england\\u002dand-wales\": {\"events\": [{\"date\":\"x\"}]}}",
	    CSPR_FINDINGS, "1:48: expected a date YYYY-MM-DD", 1},
	/* empty, or nothing but comments: a failed download, not a list */
	{"", CSPR_FINDINGS, "0:0: empty file: no holidays in it (a failed "
	    "download?)", 1},
	{" \r\n\n\t", CSPR_FINDINGS, "0:0: empty file: no holidays in it "
	    "(a failed download?)", 1},
	{"# nothing yet\n\n", CSPR_FINDINGS, "0:0: no holidays in the file "
	    "(only blank lines and comments)", 1},
};

static void
test_load_bad_inputs(void **state)
{
	(void)state;
	for (size_t i = 0; i < NELEM(bad_inputs); i++) {
		struct cspr_calendar *c = fresh();
		struct cspr_errors e = {0};
		char got[512];
		int r;

		r = cspr_calendar_load_buffer(c, "in", bad_inputs[i].text,
		    strlen(bad_inputs[i].text), &e);
		if (e.n == 0)
			fail_msg("input %zu: no diagnostic", i);
		snprintf(got, sizeof(got), "%ld:%ld: %s", e.v[0].line,
		    e.v[0].col, e.v[0].message);
		if (r != bad_inputs[i].status ||
		    strcmp(got, bad_inputs[i].first) ||
		    e.n != bad_inputs[i].n)
			fail_msg("input %zu: status %d, %zu diagnostics, "
			    "first \"%s\"", i, r, e.n, got);
		assert_string_equal(e.v[0].file, "in");
		assert_null(e.v[0].path);
		/* A bad file adds nothing, not even its good lines. */
		assert_null(cspr_holiday(c, D("2031-07-15")));
		assert_string_equal(cspr_holiday(c, D("2026-12-25")),
		    "Christmas Day");
		cspr_errors_clear(&e);
		cspr_calendar_free(&c);
	}
}

static void
test_load_bad_files(void **state)
{
	struct cspr_calendar *c = fresh();
	struct cspr_errors e = {0};
	char want[4200];

	(void)state;
	assert_int_equal(cspr_calendar_load(c, data("bad-date.json"), &e),
	    CSPR_FINDINGS);
	assert_int_equal(e.n, 1);
	assert_string_equal(e.v[0].file, data("bad-date.json"));
	assert_int_equal(e.v[0].line, 6);
	assert_int_equal(e.v[0].col, 38);
	assert_string_equal(e.v[0].message, "not a calendar date: 2031-02-29");
	cspr_errors_clear(&e);

	assert_int_equal(cspr_calendar_load(c, data("bad.txt"), &e),
	    CSPR_FINDINGS);
	assert_int_equal(e.n, 1);
	assert_int_equal(e.v[0].line, 4);
	assert_int_equal(e.v[0].col, 1);
	assert_string_equal(e.v[0].message, "expected a date YYYY-MM-DD");
	cspr_errors_clear(&e);

	assert_int_equal(cspr_calendar_load(c, data("scotland-only.json"), &e),
	    CSPR_FINDINGS);
	assert_int_equal(e.n, 1);
	assert_int_equal(e.v[0].line, 1);
	assert_int_equal(e.v[0].col, 1);
	assert_string_equal(e.v[0].message,
	    "no \"england-and-wales\" division");
	cspr_errors_clear(&e);

	assert_int_equal(cspr_calendar_load(c, data("no-such-file"), &e),
	    CSPR_ERROR);
	assert_int_equal(e.n, 1);
	assert_string_equal(e.v[0].file, data("no-such-file"));
	assert_int_equal(e.v[0].line, 0);
	assert_string_equal(e.v[0].message,
	    "cannot open: No such file or directory");
	cspr_errors_clear(&e);

	snprintf(want, sizeof(want), "%s", data(""));
	assert_int_equal(cspr_calendar_load(c, want, &e), CSPR_ERROR);
	assert_int_equal(e.n, 1);
	assert_string_equal(e.v[0].message, "cannot read: Is a directory");
	cspr_errors_clear(&e);

	/* An endless stream stops at the cap. */
	assert_int_equal(cspr_calendar_load(c, "/dev/zero", &e),
	    CSPR_FINDINGS);
	assert_int_equal(e.n, 1);
	assert_int_equal(e.v[0].line, 0);
	assert_string_equal(e.v[0].message,
	    "file too large (over 1048576 bytes)");
	cspr_errors_clear(&e);

	/* What a failed download leaves is an error, and changes nothing. */
	assert_int_equal(cspr_calendar_load(c, "/dev/null", &e),
	    CSPR_FINDINGS);
	assert_int_equal(e.n, 1);
	assert_string_equal(e.v[0].file, "/dev/null");
	assert_int_equal(e.v[0].line, 0);
	assert_string_equal(e.v[0].message,
	    "empty file: no holidays in it (a failed download?)");
	cspr_errors_clear(&e);
	assert_string_equal(holidays(c, 2026, 2026), year_list(2026));
	cspr_calendar_free(&c);
}

static void
test_load_limits(void **state)
{
	struct cspr_calendar *c = fresh();
	struct cspr_errors e = {0};
	size_t big = (size_t)CSPR_MAX_HOLIDAY_FILE + 1;
	char *buf;

	(void)state;
	assert_non_null(buf = malloc(big));
	/* Exactly at the cap is fine; one byte more is not. */
	memset(buf, '\n', big);
	memcpy(buf, "2031-07-15", 10);
	assert_int_equal(cspr_calendar_load_buffer(c, "max", buf, big - 1,
	    &e), CSPR_OK);
	assert_int_equal(cspr_calendar_load_buffer(c, "max", buf, big, &e),
	    CSPR_FINDINGS);
	assert_int_equal(e.n, 1);
	assert_string_equal(e.v[0].message,
	    "file too large (over 1048576 bytes)");
	cspr_errors_clear(&e);
	/* Many bad lines: twenty diagnostics, then one to say so. */
	memset(buf, 'x', big);
	for (size_t i = 9; i < big; i += 10)
		buf[i] = '\n';
	assert_int_equal(cspr_calendar_load_buffer(c, "junk", buf, big - 1,
	    &e), CSPR_FINDINGS);
	assert_int_equal(e.n, 21);
	assert_int_equal(e.v[19].line, 20);
	assert_string_equal(e.v[20].message, "too many errors; giving up");
	cspr_errors_clear(&e);
	/* Deep JSON nesting is refused, not recursed into. */
	memset(buf, '[', big);
	assert_int_equal(cspr_calendar_load_buffer(c, "deep", buf, big - 1,
	    &e), CSPR_FINDINGS);
	assert_int_equal(e.n, 1);
	assert_string_equal(e.v[0].message, "nesting deeper than 64 levels");
	cspr_errors_clear(&e);
	/* A large good file. */
	{
		char ds[11];
		size_t n = 0;

		for (cspr_date d = D("3000-01-01"); n + 12 < big; d++)
			n += (size_t)snprintf(buf + n, big - n, "%s\n",
			    cspr_date_str(d, ds));
		assert_int_equal(cspr_calendar_load_buffer(c, "many", buf, n,
		    &e), CSPR_OK);
		assert_int_equal(e.n, 0);
		assert_false(cspr_is_working_day(c, D("3000-01-01")));
		assert_int_equal(cspr_add_working_days(c, D("2999-12-31"), 1),
		    naive_add(c, D("2999-12-31"), 1));
	}
	free(buf);
	cspr_calendar_free(&c);
}

/* Random bytes and random damage to good files: a status, never a crash. */
static void
test_load_junk(void **state)
{
	static const char *seeds[] = {
		"{\"england-and-wales\": {\"division\": \"england-and-wales\", "
		"\"events\": [{\"title\": \"Test holiday\", \"date\": "
		"\"2031-07-15\", \"notes\": \"Substitute day\", \"bunting\": "
		"true}]}, \"scotland\": {\"events\": []}}",
		"# comment\n2031-07-15 Test holiday\r\n2031-07-16\n\n"
		"2031-07-17 Name # comment\n",
	};
	static const char damage[] = "{}[]\":,\\\n\r\t #-0a\xc3\x80";
	char buf[512];

	(void)state;
	for (int i = 0; i < 4000; i++) {
		struct cspr_calendar *c = fresh();
		struct cspr_errors e = {0};
		size_t n;
		int r;

		if (i % 4 == 0) {
			n = (size_t)rng_range(0, sizeof(buf));
			for (size_t j = 0; j < n; j++)
				buf[j] = (char)rng();
		} else {
			const char *s = seeds[i % 2];

			n = strlen(s);
			memcpy(buf, s, n);
			for (int k = (int)rng_range(1, 4); k > 0; k--)
				buf[rng() % n] = damage[rng() %
				    (sizeof(damage) - 1)];
			n = (size_t)rng_range((long)n / 2, (long)n);
		}
		r = cspr_calendar_load_buffer(c, "junk", buf, n, &e);
		assert_true(r == CSPR_OK || r == CSPR_FINDINGS);
		assert_true(r == CSPR_OK ? e.n == 0 : e.n > 0);
		for (size_t j = 0; j < e.n; j++)
			for (const char *p = e.v[j].message; *p; p++)
				assert_true((unsigned char)*p >= 0x20);
		cspr_errors_clear(&e);
		cspr_calendar_free(&c);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_epoch_values),
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_civil_every_day),
		cmocka_unit_test(test_date_parse_table),
		cmocka_unit_test(test_datetime_parse_table),
		cmocka_unit_test(test_format_round_trip),
		cmocka_unit_test(test_add_months_table),
		cmocka_unit_test(test_holiday_years),
		cmocka_unit_test(test_holiday_counts),
		cmocka_unit_test(test_holidays_in_stops),
		cmocka_unit_test(test_easter),
		cmocka_unit_test(test_christmas_each_weekday),
		cmocka_unit_test(test_new_year),
		cmocka_unit_test(test_is_working_day),
		cmocka_unit_test(test_add_working_days_table),
		cmocka_unit_test(test_working_days_between_table),
		cmocka_unit_test(test_working_days_brute_force),
		cmocka_unit_test(test_working_days_property),
		cmocka_unit_test(test_working_days_limits),
		cmocka_unit_test(test_load_json),
		cmocka_unit_test(test_load_plain),
		cmocka_unit_test(test_load_additive),
		cmocka_unit_test(test_load_dense),
		cmocka_unit_test(test_load_govuk_authoritative),
		cmocka_unit_test(test_load_bad_inputs),
		cmocka_unit_test(test_load_bad_files),
		cmocka_unit_test(test_load_limits),
		cmocka_unit_test(test_load_junk),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
