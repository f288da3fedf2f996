/*
 * calendar.c - dates, working days and England and Wales bank holidays.
 *
 * Every clock in the procedure is counted in calendar days, months or
 * working days, so this file is the arithmetic behind all the deadlines.
 *
 * A cspr_date is a day number (days since 1970-01-01) and a cspr_time a
 * minute number (minutes since 1970-01-01T00:00).  Both are UK local time
 * as the case files record it, without a zone; where elapsed time matters
 * ("48 hours" are 48 hours of elapsed time, SPEC section 3) or the
 * machine's instant does ("today" is the date in England), the UK offset
 * comes from the BST rule below.  Conversions use Howard Hinnant's integer
 * civil-date algorithms, never mktime(3) or localtime(3): the result must
 * not depend on the machine's zone or its tzdata.
 *
 * Bank holidays come from the rules of the Banking and Financial Dealings
 * Act 1971 and the proclamations since, for the years 1900-2200, plus every
 * one-off since 1995.  Outside those years only weekends are non-working
 * unless a loaded file says otherwise.  They are all built once, when the
 * calendar is made (a few thousand entries, microseconds), into one sorted
 * array; a second sorted array holds just those on Monday to Friday, which
 * is all that counting working days needs: a span's working days are its
 * weekdays (closed form) minus its weekday holidays (two binary searches).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---- civil dates ---- */

static int64_t
floordiv(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static int64_t
floormod(int64_t a, int64_t b)
{
	int64_t r = a % b;

	return r != 0 && (r < 0) != (b < 0) ? r + b : r;
}

/* Hinnant's days_from_civil; month 1-12, any day (it just adds on). */
static int64_t
days_from_civil(int64_t y, int64_t m, int64_t d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = floordiv(y, 400);
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = floordiv(z, 146097);
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int
is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int64_t y, int m)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
		31};

	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

/* A day number as a cspr_date; CSPR_NO_DATE when it does not fit. */
static cspr_date
to_date(int64_t z)
{
	/* SPEC 2: years 0001 to 9999; arithmetic that leaves them has no
	 * answer, never a date that cannot be written YYYY-MM-DD */
	if (z < CSPR_FIRST_DATE || z > CSPR_LAST_DATE)
		return CSPR_NO_DATE;
	return (cspr_date)z;
}

cspr_date
cspr_date_from_ymd(int y, int m, int d)
{
	int64_t mm = (int64_t)m - 1;

	/* Months out of range roll into the year rather than misindex. */
	return to_date(days_from_civil(y + floordiv(mm, 12),
	    floormod(mm, 12) + 1, d));
}

void
cspr_date_ymd(cspr_date d, int *y, int *m, int *day)
{
	int64_t yy;

	civil_from_days(d, &yy, m, day);
	*y = (int)yy; /* |y| < 6 million for any int32 day number */
}

static int
digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

/* Parse YYYY-MM-DD at s (no terminator needed); -1 unless a real date. */
static int
parse_ymd(const char *s, int64_t *z)
{
	int y, m, d;

	if (digits(s, 4, &y) || s[4] != '-' || digits(s + 5, 2, &m) ||
	    s[7] != '-' || digits(s + 8, 2, &d))
		return -1;
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return -1;
	*z = days_from_civil(y, m, d);
	return 0;
}

int
cspr_date_parse(const char *s, cspr_date *d)
{
	int64_t z;

	/* strnlen: a shorter string fails before parse_ymd reads past it. */
	if (strnlen(s, 11) != 10 || parse_ymd(s, &z))
		return -1;
	*d = (cspr_date)z;
	return 0;
}

int
cspr_datetime_parse(const char *s, cspr_time *t)
{
	size_t n = strnlen(s, 17);
	int64_t z;
	int hh, mm;

	if ((n != 10 && n != 16) || parse_ymd(s, &z))
		return -1;
	if (n == 10) {
		*t = z * 1440;
		return 0;
	}
	if (s[10] != 'T' || digits(s + 11, 2, &hh) || s[13] != ':' ||
	    digits(s + 14, 2, &mm) || hh > 23 || mm > 59)
		return -1;
	*t = z * 1440 + hh * 60 + mm;
	return 1;
}

/* Copy s into a buffer of size n, cut short if it must be: a year outside
 * 0000-9999 does not fit the documented buffer sizes. */
static char *
fit(char *buf, size_t n, const char *s)
{
	size_t len = strlen(s);

	if (len >= n)
		len = n - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return buf;
}

char *
cspr_date_str(cspr_date d, char *buf)
{
	char tmp[64];
	int64_t y;
	int m, day;

	civil_from_days(d, &y, &m, &day);
	snprintf(tmp, sizeof(tmp), "%04lld-%02d-%02d", (long long)y, m, day);
	return fit(buf, 11, tmp);
}

char *
cspr_time_str(cspr_time t, char *buf)
{
	char tmp[64];
	int64_t y, min = floormod(t, 1440);
	int m, day;

	civil_from_days(floordiv(t, 1440), &y, &m, &day);
	snprintf(tmp, sizeof(tmp), "%04lld-%02d-%02dT%02d:%02d", (long long)y,
	    m, day, (int)(min / 60), (int)(min % 60));
	return fit(buf, 17, tmp);
}

/* 1970-01-01 was a Thursday. */
static int
weekday(int64_t z)
{
	return (int)floormod(z + 3, 7);
}

int
cspr_weekday(cspr_date d)
{
	return weekday(d);
}

cspr_date
cspr_add_months(cspr_date d, int n)
{
	int64_t y, total;
	int m, day, dim;

	civil_from_days(d, &y, &m, &day);
	total = y * 12 + (m - 1) + n;
	y = floordiv(total, 12);
	m = (int)floormod(total, 12) + 1;
	dim = days_in_month(y, m);
	return to_date(days_from_civil(y, m, day < dim ? day : dim));
}

/* ---- the holiday rules ---- */

enum kind {
	NEW_YEAR,     /* 1 January, else the next Monday */
	EASTER,       /* Easter Sunday + arg days */
	FIRST_MONDAY, /* first Monday of month arg */
	LAST_MONDAY,  /* last Monday of month arg */
	CHRISTMAS,    /* 25 and 26 December with their substitutes */
};

/* Regular holidays a one-off can displace for its year. */
enum { NONE, EARLY_MAY, SPRING };

#define RULES_FROM CSPR_HOLIDAY_RULES_FROM
#define RULES_TO CSPR_HOLIDAY_RULES_TO

static const struct rule {
	int from, to; /* years in force */
	enum kind kind;
	int arg;
	int id; /* what a one-off may replace */
	const char *name;
} rules[] = {
	{1974, RULES_TO, NEW_YEAR, 0, NONE, "New Year's Day"},
	{RULES_FROM, RULES_TO, EASTER, -2, NONE, "Good Friday"},
	{RULES_FROM, RULES_TO, EASTER, 1, NONE, "Easter Monday"},
	{1978, RULES_TO, FIRST_MONDAY, 5, EARLY_MAY, "Early May bank holiday"},
	{RULES_FROM, 1970, EASTER, 50, NONE, "Whit Monday"},
	{1971, RULES_TO, LAST_MONDAY, 5, SPRING, "Spring bank holiday"},
	{RULES_FROM, 1970, FIRST_MONDAY, 8, NONE, "Summer bank holiday"},
	{1971, RULES_TO, LAST_MONDAY, 8, NONE, "Summer bank holiday"},
	{RULES_FROM, RULES_TO, CHRISTMAS, 0, NONE, NULL},
};

/* Proclaimed for one year; names as GOV.UK gives them, ASCII apostrophes. */
static const struct oneoff {
	int y, m, d;
	int replaces;
	const char *name;
} oneoffs[] = {
	{1995, 5, 8, EARLY_MAY, "Early May bank holiday (VE day)"},
	{1999, 12, 31, NONE, "Millennium Eve"},
	{2002, 6, 3, SPRING, "Spring bank holiday"},
	{2002, 6, 4, NONE, "Queen's Golden Jubilee"},
	{2011, 4, 29, NONE, "Royal wedding"},
	{2012, 6, 4, SPRING, "Spring bank holiday"},
	{2012, 6, 5, NONE, "Queen's Diamond Jubilee"},
	{2020, 5, 8, EARLY_MAY, "Early May bank holiday (VE day)"},
	{2022, 6, 2, SPRING, "Spring bank holiday"},
	{2022, 6, 3, NONE, "Platinum Jubilee bank holiday"},
	{2022, 9, 19, NONE,
	    "Bank Holiday for the State Funeral of Queen Elizabeth II"},
	{2023, 5, 8, NONE,
	    "Bank holiday for the coronation of King Charles III"},
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_PER_YEAR 12 /* the rules give at most 8, the one-offs 3 more */

/* Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
static int64_t
easter(int y)
{
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31;
	int day = (h + l - 7 * m + 114) % 31 + 1;

	return days_from_civil(y, month, day);
}

struct cspr_calendar {
	struct cspr_hday *h; /* every holiday, by date, one per date */
	size_t nh;
	cspr_date *w; /* the dates of those on Monday to Friday */
	size_t nw;
	char **arena; /* names from loaded files (holidays.c), a block each */
	size_t narena, arena_cap;
};

static void
emit(struct cspr_hday *v, int *n, int64_t z, const char *name)
{
	v[*n].d = (cspr_date)z;
	v[*n].name = name;
	v[*n].source = CSPR_HOLIDAY_BUILTIN;
	(*n)++;
}

/* 25 and 26 December: a holiday on a weekend moves to the next weekday
 * that is not already one (so Christmas on a Saturday gives 27 and 28). */
static void
christmas(int y, struct cspr_hday *v, int *n)
{
	int64_t xmas = days_from_civil(y, 12, 25);

	switch (weekday(xmas)) {
	case 4: /* Friday: Boxing Day on Saturday */
		emit(v, n, xmas, "Christmas Day");
		emit(v, n, xmas + 3, "Boxing Day (substitute day)");
		break;
	case 5:
		emit(v, n, xmas + 2, "Christmas Day (substitute day)");
		emit(v, n, xmas + 3, "Boxing Day (substitute day)");
		break;
	case 6:
		emit(v, n, xmas + 1, "Boxing Day");
		emit(v, n, xmas + 2, "Christmas Day (substitute day)");
		break;
	default:
		emit(v, n, xmas, "Christmas Day");
		emit(v, n, xmas + 1, "Boxing Day");
		break;
	}
}

static int
by_date(const void *a, const void *b)
{
	const struct cspr_hday *x = a, *y = b;

	return (x->d > y->d) - (x->d < y->d);
}

/* The built-in holidays of year y, by date; returns how many. */
static int
year_holidays(int y, struct cspr_hday *v)
{
	int n = 0, replaced = 0;
	int64_t z;

	for (size_t i = 0; i < NELEM(oneoffs); i++)
		if (oneoffs[i].y == y) {
			emit(v, &n, days_from_civil(y, oneoffs[i].m,
			    oneoffs[i].d), oneoffs[i].name);
			replaced |= 1 << oneoffs[i].replaces;
		}
	for (size_t i = 0; i < NELEM(rules); i++) {
		const struct rule *r = &rules[i];

		if (y < r->from || y > r->to ||
		    (r->id != NONE && (replaced & 1 << r->id)))
			continue;
		switch (r->kind) {
		case NEW_YEAR:
			z = days_from_civil(y, 1, 1);
			if (weekday(z) < 5)
				emit(v, &n, z, r->name);
			else
				emit(v, &n, z + 7 - weekday(z),
				    "New Year's Day (substitute day)");
			break;
		case EASTER:
			emit(v, &n, easter(y) + r->arg, r->name);
			break;
		case FIRST_MONDAY:
			z = days_from_civil(y, r->arg, 1);
			emit(v, &n, z + (7 - weekday(z)) % 7, r->name);
			break;
		case LAST_MONDAY:
			z = days_from_civil(y, r->arg + 1, 1) - 1;
			emit(v, &n, z - weekday(z), r->name);
			break;
		case CHRISTMAS:
			christmas(y, v, &n);
			break;
		}
	}
	qsort(v, (size_t)n, sizeof(*v), by_date);
	return n;
}

/* The dates of the holidays in h that fall on Monday to Friday; NULL on
 * out of memory. */
static cspr_date *
weekday_index(const struct cspr_hday *h, size_t n, size_t *nw)
{
	cspr_date *w;

	if (!(w = malloc((n ? n : 1) * sizeof(*w))))
		return NULL;
	*nw = 0;
	for (size_t i = 0; i < n; i++)
		if (weekday(h[i].d) < 5)
			w[(*nw)++] = h[i].d;
	return w;
}

struct cspr_calendar *
cspr_calendar_new(void)
{
	struct cspr_calendar *c;
	size_t cap = (size_t)(RULES_TO - RULES_FROM + 1) * MAX_PER_YEAR;
	struct cspr_hday *h;

	if (!(c = calloc(1, sizeof(*c))))
		return NULL;
	if (!(c->h = malloc(cap * sizeof(*c->h))))
		goto fail;
	for (int y = RULES_FROM; y <= RULES_TO; y++)
		c->nh += (size_t)year_holidays(y, c->h + c->nh);
	if ((h = realloc(c->h, c->nh * sizeof(*h))))
		c->h = h;
	if (!(c->w = weekday_index(c->h, c->nh, &c->nw)))
		goto fail;
	return c;
fail:
	cspr_calendar_free(&c);
	return NULL;
}

void
cspr_calendar_free(struct cspr_calendar **c)
{
	if (!*c)
		return;
	for (size_t i = 0; i < (*c)->narena; i++)
		free((*c)->arena[i]);
	free((*c)->arena);
	free((*c)->h);
	free((*c)->w);
	free(*c);
	*c = NULL;
}

/* The first index in h whose date is >= d. */
static size_t
lower_bound(const struct cspr_hday *h, size_t n, int64_t d)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (h[mid].d < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* How many weekday holidays fall on or before d. */
static int64_t
weekday_holidays_to(const struct cspr_calendar *c, int64_t d)
{
	size_t lo = 0, hi = c->nw;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->w[mid] <= d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (int64_t)lo;
}

const char *
cspr_holiday(const struct cspr_calendar *c, cspr_date d)
{
	size_t i = lower_bound(c->h, c->nh, d);

	return i < c->nh && c->h[i].d == d ? c->h[i].name : NULL;
}

int
cspr_holidays_in(const struct cspr_calendar *c, int y1, int y2,
    int (*fn)(cspr_date d, const char *name, void *arg), void *arg)
{
	int64_t from, to;
	int r;

	/* Every int32 day number lies within these years. */
	y1 = y1 < -6000000 ? -6000000 : y1 > 6000000 ? 6000000 : y1;
	y2 = y2 < -6000000 ? -6000000 : y2 > 6000000 ? 6000000 : y2;
	from = days_from_civil(y1, 1, 1);
	to = days_from_civil(y2, 12, 31);
	for (size_t i = lower_bound(c->h, c->nh, from);
	     i < c->nh && c->h[i].d <= to; i++)
		if ((r = fn(c->h[i].d, c->h[i].name, arg)) != 0)
			return r;
	return 0;
}

const struct cspr_hday *
cspr_calendar_days(const struct cspr_calendar *c, size_t *n)
{
	*n = c->nh;
	return c->h;
}

int
cspr_calendar_set(struct cspr_calendar *c, struct cspr_hday *h, size_t n,
    char *names)
{
	cspr_date *w;
	size_t nw;

	if (!(w = weekday_index(h, n, &nw)))
		return -1;
	if (names && cspr_grow(&c->arena, &c->arena_cap, c->narena + 1,
	    sizeof(*c->arena)) < 0) {
		free(w);
		return -1;
	}
	if (names)
		c->arena[c->narena++] = names;
	free(c->h);
	c->h = h;
	c->nh = n;
	free(c->w);
	c->w = w;
	c->nw = nw;
	return 0;
}

/* ---- working days ---- */

/* The number of Mondays to Fridays on or before day z, counted from the
 * Monday 1969-12-29 (negative before it); differences give spans. */
static int64_t
weekdays_to(int64_t z)
{
	int64_t g = z + 3;
	int64_t r = floormod(g, 7);

	return 5 * floordiv(g, 7) + (r < 5 ? r + 1 : 5);
}

/* The weekday x with weekdays_to(x) == k: the inverse of the above. */
static int64_t
nth_weekday(int64_t k)
{
	return 7 * floordiv(k - 1, 5) + floormod(k - 1, 5) - 3;
}

int
cspr_is_working_day(const struct cspr_calendar *c, cspr_date d)
{
	return weekday(d) < 5 &&
	    weekday_holidays_to(c, d) == weekday_holidays_to(c, (int64_t)d - 1);
}

/* Working days in (a, b], a <= b. */
static int64_t
working_days(const struct cspr_calendar *c, int64_t a, int64_t b)
{
	return weekdays_to(b) - weekdays_to(a) -
	    (weekday_holidays_to(c, b) - weekday_holidays_to(c, a));
}

/* The first day x after t with k working days in (t, x], k > 0, found by
 * doubling then halving: for spans thick with holidays. */
static int64_t
search_after(const struct cspr_calendar *c, int64_t t, int64_t k)
{
	int64_t lo = t, hi = t + k, mid;

	/* working_days(t, lo) < k <= working_days(t, hi) */
	while (working_days(c, t, hi) < k) {
		lo = hi;
		hi = t + 2 * (hi - t);
	}
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (working_days(c, t, mid) >= k)
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}

/* The last day x before t with k working days in [x, t), k > 0. */
static int64_t
search_before(const struct cspr_calendar *c, int64_t t, int64_t k)
{
	int64_t hi = t, lo = t - k, mid;

	/* working days in [hi, t) < k <= those in [lo, t) */
	while (working_days(c, lo - 1, t - 1) < k) {
		hi = lo;
		lo = t - 2 * (t - lo);
	}
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (working_days(c, mid - 1, t - 1) >= k)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

#define MAX_ROUNDS 4

/*
 * Jump over k weekdays at once, then over as many more as there were
 * holidays among them, until a jump meets none: one to three rounds with
 * real calendars, however long the span.  A loaded file can make a run
 * of holidays that would take a round each; after MAX_ROUNDS a search
 * finishes the count instead.
 */
cspr_date
cspr_add_working_days(const struct cspr_calendar *c, cspr_date d, int n)
{
	int64_t t = d, k, x;
	int rounds = 0;

	if (n >= 0) {
		for (k = n; k > 0; t = x) {
			if (++rounds > MAX_ROUNDS)
				return to_date(search_after(c, t, k));
			x = nth_weekday(weekdays_to(t) + k);
			k = weekday_holidays_to(c, x) -
			    weekday_holidays_to(c, t);
		}
	} else {
		/* The mirror image: k weekdays in [x, t), then the
		 * holidays among them. */
		for (k = -(int64_t)n; k > 0; t = x) {
			if (++rounds > MAX_ROUNDS)
				return to_date(search_before(c, t, k));
			x = nth_weekday(weekdays_to(t - 1) - k + 1);
			k = weekday_holidays_to(c, t - 1) -
			    weekday_holidays_to(c, x - 1);
		}
	}
	return to_date(t);
}

int
cspr_working_days_between(const struct cspr_calendar *c, cspr_date from,
    cspr_date to)
{
	int64_t n = to >= from ? working_days(c, from, to) :
	    -working_days(c, to, from);

	return n > INT_MAX ? INT_MAX : n < -INT_MAX ? -INT_MAX : (int)n;
}

/* ---- UK local time (SPEC section 3) ---- */

/* Case files record UK wall-clock time.  Where an elapsed span matters
 * (7.2's 48 hours) or the instant is the machine's (today), the offset is
 * worked out here from the rule of the Summer Time Order 2002, which is
 * the EU's: BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on
 * the last Sunday of October.  No tzdata, and never the process's TZ. */

/* The UTC minute at which BST starts (march) or ends in year y: 01:00 UTC
 * on the month's last Sunday. */
static int64_t
bst_edge(int64_t y, int month)
{
	int64_t last = days_from_civil(y, month, 31);

	return (last - floormod(last + 4, 7)) * 1440 + 60;
}

static int
in_bst(int64_t utc)
{
	int64_t y;
	int m, d;

	civil_from_days(floordiv(utc, 1440), &y, &m, &d);
	return utc >= bst_edge(y, 3) && utc < bst_edge(y, 10);
}

cspr_time
cspr_uk_from_utc(cspr_time utc)
{
	return in_bst(utc) ? utc + 60 : utc;
}

cspr_time
cspr_uk_to_utc(cspr_time local)
{
	/* the BST reading when it exists: in October's repeated hour both
	 * do and it is the earlier; in March's skipped hour neither does,
	 * and GMT's, the offset in force before the change, is taken (as
	 * PEP 495's fold 0) */
	return in_bst(local - 60) ? local - 60 : local;
}

cspr_date
cspr_uk_today(time_t now)
{
	int64_t s = (int64_t)now;

	return to_date(floordiv(cspr_uk_from_utc(floordiv(s, 60)), 1440));
}

