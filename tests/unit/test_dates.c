/*
 * test_dates.c - the years a date can have, 0001 to 9999 (SPEC 2): parsing
 * refuses others, and arithmetic that would leave them has no answer
 * (CSPR_NO_DATE), never a date that prints cut short.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "csprcore.h"

static cspr_date
date(const char *s)
{
	cspr_date d;

	assert_int_equal(cspr_date_parse(s, &d), 0);
	return d;
}

static void
test_range(void **state)
{
	cspr_date d;
	cspr_time t;
	char buf[17];

	(void)state;
	assert_int_equal(date("0001-01-01"), CSPR_FIRST_DATE);
	assert_int_equal(date("9999-12-31"), CSPR_LAST_DATE);
	assert_int_equal(cspr_date_parse("0000-01-01", &d), -1);
	assert_int_equal(cspr_date_parse("0000-12-31", &d), -1);
	assert_int_equal(cspr_datetime_parse("0000-01-01T10:00", &t), -1);
	assert_string_equal(cspr_date_str(CSPR_LAST_DATE, buf), "9999-12-31");
	assert_string_equal(cspr_date_str(CSPR_FIRST_DATE, buf), "0001-01-01");
}

static void
test_arithmetic_leaves_range(void **state)
{
	struct cspr_calendar *c = cspr_calendar_new();

	(void)state;
	assert_non_null(c);
	assert_int_equal(cspr_date_from_ymd(10000, 1, 1), CSPR_NO_DATE);
	assert_int_equal(cspr_date_from_ymd(0, 12, 31), CSPR_NO_DATE);
	assert_int_equal(cspr_date_from_ymd(9999, 13, 1), CSPR_NO_DATE);
	assert_int_equal(cspr_date_from_ymd(9999, 12, 31), CSPR_LAST_DATE);
	assert_int_equal(cspr_add_months(date("9999-12-31"), 1), CSPR_NO_DATE);
	assert_int_equal(cspr_add_months(date("0001-01-31"), -1), CSPR_NO_DATE);
	assert_int_equal(cspr_add_months(date("9999-11-30"), 1),
	    date("9999-12-30"));
	assert_int_equal(cspr_add_working_days(c, date("9999-12-30"), 5),
	    CSPR_NO_DATE);
	assert_int_equal(cspr_add_working_days(c, date("0001-01-02"), -5),
	    CSPR_NO_DATE);
	assert_int_equal(cspr_add_working_days(c, date("9999-12-29"), 1),
	    date("9999-12-30"));
	cspr_calendar_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_range),
		cmocka_unit_test(test_arithmetic_leaves_range),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
