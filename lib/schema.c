/*
 * schema.c - JSON Schema draft-07 over jansson, compiled once.
 *
 * The tools validate every case file they touch, often 100,000 in a run, so
 * a schema is compiled into a graph of C structs (keyword flags, numbers,
 * regular expressions compiled with regcomp(3), property hash tables, $ref
 * targets resolved in advance) and validation only walks the instance.
 *
 * A failure names the jq-style path of the value and says what was
 * expected, never what was found: the values are children's names, dates
 * of birth and NHS numbers.  Failures are reported in instance order; under
 * anyOf, oneOf, not and if only the summary is reported, since the failures
 * of the branches not taken would mislead.
 *
 * pattern and patternProperties are POSIX extended regular expressions, not
 * ECMA 262 ones; escapes that mean something else in POSIX (\d, a backslash
 * inside brackets) are rejected when the schema is compiled rather than
 * silently matching something else.
 */
#include <regex.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Deeper instances are reported, not followed (the loader stops at 64). */
#define MAX_DEPTH 128
/* Nested schema evaluations on one path; only a pathological schema gets
 * near it, and it keeps the C stack bounded. */
#define MAX_EVAL 1024
/* Deeper schema documents are rejected. */
#define MAX_SCHEMA_DEPTH 256
/* A schema is user input (--schema): what compiling and checking against
 * it may cost is bounded, so that any schema costs a tool at most about a
 * second and tens of MiB (csprcore(7) lists these).  Steps of validation
 * for one instance (one schema applied to one value is a step; about 20 ns
 * each; the built-in schema takes under 1,000,000 on the largest files
 * of tests/cli/budget.sh): */
#define MAX_STEPS 5000000L
/* A pattern's length in bytes, its size once counted repetitions are
 * written out ("a{3}" is 3), the largest bound of a counted repetition,
 * and the size of all of a schema's patterns together: glibc's regcomp
 * takes about 200 bytes for each. */
#define MAX_RE_LEN 1000
#define MAX_RE_SIZE 2000
#define MAX_RE_BOUND 255
#define MAX_RE_TOTAL 100000
/* After a * or +, a counted repetition larger than this makes glibc's
 * matcher build states exponentially (x*y[xy]{16}z: 250 MB). */
#define MAX_RE_BOUND_AFTER_STAR 8

/* Arrays up to this size are checked for uniqueness pairwise. */
#define UNIQUE_PAIRWISE 32

#define META_URI "http://json-schema.org/draft-07/schema"

/* Instance types, as bits of struct node.types. */
enum {
	T_NULL = 1 << 0,
	T_BOOLEAN = 1 << 1,
	T_OBJECT = 1 << 2,
	T_ARRAY = 1 << 3,
	T_NUMBER = 1 << 4,
	T_INTEGER = 1 << 5,
	T_STRING = 1 << 6,
};

/* Keywords with a number argument, as bits of struct node.has. */
enum {
	H_MULTIPLE_OF = 1 << 0,
	H_MAXIMUM = 1 << 1,
	H_MINIMUM = 1 << 2,
	H_XMAXIMUM = 1 << 3,
	H_XMINIMUM = 1 << 4,
	H_MAX_LENGTH = 1 << 5,
	H_MIN_LENGTH = 1 << 6,
	H_MAX_ITEMS = 1 << 7,
	H_MIN_ITEMS = 1 << 8,
	H_MAX_PROPS = 1 << 9,
	H_MIN_PROPS = 1 << 10,
};

#define H_NUMBER                                                               \
	(H_MULTIPLE_OF | H_MAXIMUM | H_MINIMUM | H_XMAXIMUM | H_XMINIMUM)

enum { FMT_NONE, FMT_DATE, FMT_DATETIME };

/* A JSON number kept exact: integers are compared as integers. */
struct num {
	int is_int;
	json_int_t i;
	double d;
};

struct str {
	const char *s;
	size_t len;
};

struct prop {
	const char *key;
	size_t len;
	uint32_t hash;
	struct node *schema;
};

struct pprop {
	struct compiled_re *re;
	struct node *schema;
};

struct dep {
	struct str key;
	struct node *schema; /* the schema form, or NULL */
	struct str *names;   /* the array form */
	size_t nnames;
};

/* One compiled schema: a boolean schema or an object's keywords. */
struct node {
	struct node *ref; /* draft-07: $ref replaces every sibling */
	unsigned char is_bool, bool_val;
	/* any keyword that applies to numbers, strings, arrays, objects */
	unsigned char kw_num, kw_str, kw_arr, kw_obj;
	/* enum, const or an applicator (allOf ... if): most nodes have none,
	 * and check() skips their seven tests at once */
	unsigned char kw_rare;
	unsigned char unique, format, state;
	unsigned types, has;
	const char *type_msg;
	json_t *enumv, *constv; /* borrowed from the schema document */
	struct str *enum_str;	/* the enum's strings, for a quick look */
	size_t nenum_str;
	unsigned char enum_only_str;
	const char *enum_msg, *const_msg;
	struct num multiple_of, maximum, minimum, xmaximum, xminimum;
	size_t max_length, min_length, max_items, min_items;
	size_t max_props, min_props;
	struct compiled_re *pattern;
	struct node *items;  /* items as one schema */
	struct node **itemv; /* items as an array of schemas */
	size_t nitemv;
	struct node *additional_items, *contains;
	struct str *required;
	size_t nrequired;
	struct prop *props;
	uint32_t *ptab; /* open-addressed index into props, 1-based */
	uint32_t pmask;
	size_t nprops;
	struct pprop *pprops;
	size_t npprops;
	struct node *additional_props, *property_names;
	struct dep *deps;
	size_t ndeps;
	struct node *if_, *then_, *else_, *not_;
	struct node **all_of, **any_of, **one_of;
	size_t nall_of, nany_of, none_of;
	const char *where; /* jq-style path in the schema, for diagnostics */
};

/* ---- memory: everything compiled lives in one arena ---- */

union align {
	void *p;
	long double d;
	long long l;
};

struct block {
	struct block *next;
	size_t used, cap;
	union align data[];
};

struct compiled_re {
	struct compiled_re *next;
	regex_t re;
	/* A pattern with no special characters ("^x-") is matched with
	 * memcmp: the same answer as regexec(3), a hundred times faster. */
	const char *lit;
	size_t litlen;
	unsigned char literal, at_start, at_end;
	unsigned char prefix; /* literal, at_start, not at_end, not empty */
	struct fast_re *fast; /* a simple pattern's automaton, or NULL */
	size_t size; /* written out (see re_costly): matching costs it per byte */
	unsigned char bounded; /* anchored, no * or +: reads at most size bytes */
};

struct cspr_schema {
	struct block *arena;
	struct compiled_re *regexes;
	json_t *doc, *meta;
	struct node *root;
};

static void *
arena_alloc(struct cspr_schema *s, size_t size)
{
	struct block *b = s->arena;
	char *p;

	size = (size + sizeof(union align) - 1) / sizeof(union align) *
	       sizeof(union align);
	if (!b || b->cap - b->used < size) {
		size_t cap = size > 16384 ? size : 16384;

		if (!(b = malloc(sizeof(*b) + cap)))
			return NULL;
		b->next = s->arena;
		b->used = 0;
		b->cap = cap;
		s->arena = b;
	}
	p = (char *)b->data + b->used;
	b->used += size;
	memset(p, 0, size);
	return p;
}

static char *
arena_strndup(struct cspr_schema *s, const char *p, size_t n)
{
	char *d = arena_alloc(s, n + 1);

	if (d) {
		memcpy(d, p, n);
		d[n] = '\0';
	}
	return d;
}

/* ---- text: a growable buffer, paths and quoting ---- */

struct buf {
	char *p;
	size_t n, cap;
	int oom;
};

static void
buf_add(struct buf *b, const char *s, size_t n)
{
	/* The bound also keeps GCC's -O3 overflow warnings quiet. */
	if (b->oom || n > ((size_t)1 << 30) - b->n) {
		b->oom = 1;
		return;
	}
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		char *p;

		while (cap < b->n + n + 1)
			cap *= 2;
		if (!(p = realloc(b->p, cap))) {
			b->oom = 1;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static void
buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	char tmp[256];
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(tmp, sizeof(tmp), fmt, aq);
	va_end(aq);
	if (n < 0) {
		b->oom = 1;
	} else if ((size_t)n < sizeof(tmp)) {
		buf_add(b, tmp, (size_t)n);
	} else {
		char *big = malloc((size_t)n + 1);

		if (!big) {
			b->oom = 1;
			return;
		}
		vsnprintf(big, (size_t)n + 1, fmt, ap);
		buf_add(b, big, (size_t)n);
		free(big);
	}
}

static void
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}

/* The buffer's text (malloc'd, the caller frees), or NULL after a failed
 * allocation. */
static char *
buf_take(struct buf *b)
{
	if (!b->oom && !b->p)
		buf_add(b, "", 0);
	if (b->oom) {
		free(b->p);
		b->p = NULL;
	}
	return b->p;
}

/* s as a JSON string literal. */
static void
buf_addq(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, run = 0;

	buf_add(b, "\"", 1);
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		char esc[6] = "\\u00";

		if (ch >= 0x20 && ch != '"' && ch != '\\')
			continue;
		buf_add(b, s + run, i - run);
		run = i + 1;
		switch (ch) {
		case '"':
			buf_add(b, "\\\"", 2);
			break;
		case '\\':
			buf_add(b, "\\\\", 2);
			break;
		case '\n':
			buf_add(b, "\\n", 2);
			break;
		case '\t':
			buf_add(b, "\\t", 2);
			break;
		case '\r':
			buf_add(b, "\\r", 2);
			break;
		case '\b':
			buf_add(b, "\\b", 2);
			break;
		case '\f':
			buf_add(b, "\\f", 2);
			break;
		default:
			esc[4] = hex[ch >> 4];
			esc[5] = hex[ch & 15];
			buf_add(b, esc, 6);
		}
	}
	buf_add(b, s + run, n - run);
	buf_add(b, "\"", 1);
}

/* ASCII classes: <ctype.h> follows the locale, which the tools may set. */
static int
is_alpha(int ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static int
is_alnum(int ch)
{
	return is_alpha(ch) || (ch >= '0' && ch <= '9');
}

static int
hex_value(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

static int
is_ident(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || !(is_alpha(s[0]) || s[0] == '_'))
		return 0;
	for (i = 1; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (!is_alnum(ch) && ch != '_' && ch != '-')
			return 0;
	}
	return 1;
}

/* One step of a jq-style path: ".key", "[\"odd key\"]" or "[3]".  first
 * says whether it starts the path, which then gets its leading ".". */
static void
buf_addseg(struct buf *b, int first, const char *key, size_t len)
{
	if (key && is_ident(key, len)) {
		buf_add(b, ".", 1);
		buf_add(b, key, len);
		return;
	}
	if (first)
		buf_add(b, ".", 1);
	if (key) {
		buf_add(b, "[", 1);
		buf_addq(b, key, len);
		buf_add(b, "]", 1);
	} else {
		buf_addf(b, "[%zu]", len);
	}
}

/* ---- numbers ---- */

/* floor(3) without libm, which the tools do not link. */
static double
dfloor(double d)
{
	double t;

	if (!(d > -4503599627370496.0 && d < 4503599627370496.0))
		return d; /* |d| >= 2^52: already whole (or NaN) */
	t = (double)(long long)d;
	return t > d ? t - 1 : t;
}

static int
num_get(json_t *j, struct num *x)
{
	if (json_is_integer(j)) {
		x->is_int = 1;
		x->i = json_integer_value(j);
		x->d = (double)x->i;
		return 0;
	}
	if (json_is_real(j)) {
		x->is_int = 0;
		x->d = json_real_value(j);
		return 0;
	}
	return -1;
}

/* d against i, exactly, where d is not an integer type. */
static int
cmp_real_int(double d, json_int_t i)
{
	double f;
	json_int_t fi;

	if (d >= 9223372036854775808.0)
		return 1;
	if (d < -9223372036854775808.0)
		return -1;
	f = dfloor(d);
	fi = (json_int_t)f;
	if (fi != i)
		return fi > i ? 1 : -1;
	return d > f;
}

static int
num_cmp(const struct num *a, const struct num *b)
{
	if (a->is_int && b->is_int)
		return (a->i > b->i) - (a->i < b->i);
	if (!a->is_int && !b->is_int)
		return (a->d > b->d) - (a->d < b->d);
	if (a->is_int)
		return -cmp_real_int(b->d, a->i);
	return cmp_real_int(a->d, b->i);
}

static int
num_is_integer(const struct num *x)
{
	return x->is_int || dfloor(x->d) == x->d;
}

static void
buf_addnum(struct buf *b, const struct num *x)
{
	if (x->is_int)
		buf_addf(b, "%" JSON_INTEGER_FORMAT, x->i);
	else
		buf_addf(b, "%.15g", x->d);
}

/* x is a multiple of m (m > 0).  Decimal fractions are not exact in
 * binary, so 0.0075 / 0.0001 is 74.99999999999999: allow for rounding. */
static int
is_multiple(const struct num *x, const struct num *m)
{
	double q, r, tol;

	if (x->is_int && m->is_int)
		return x->i % m->i == 0;
	q = x->d / m->d;
	if (q - q != 0)
		return 0; /* overflowed to infinity */
	r = q - dfloor(q + 0.5);
	if (r < 0)
		r = -r;
	tol = (q < 0 ? -q : q) * 1e-15;
	if (tol < 1e-9)
		tol = 1e-9;
	return r <= tol;
}

/* ---- equality, with 1 == 1.0 and object members in any order ---- */

static int
is_number(json_t *v)
{
	return json_is_integer(v) || json_is_real(v);
}

static int
equal(json_t *a, json_t *b, int depth)
{
	json_type t = json_typeof(a);
	size_t i, n;

	if (a == b)
		return 1;
	if (is_number(a) && is_number(b)) {
		struct num x, y;

		num_get(a, &x);
		num_get(b, &y);
		return num_cmp(&x, &y) == 0;
	}
	if (t != json_typeof(b))
		return 0;
	if (depth >= MAX_DEPTH)
		return 0; /* too deep to say; the caller's limit reports it */
	switch (t) {
	case JSON_STRING:
		n = json_string_length(a);
		return n == json_string_length(b) &&
		       memcmp(json_string_value(a), json_string_value(b), n) ==
			   0;
	case JSON_ARRAY:
		n = json_array_size(a);
		if (n != json_array_size(b))
			return 0;
		for (i = 0; i < n; i++)
			if (!equal(json_array_get(a, i), json_array_get(b, i),
				depth + 1))
				return 0;
		return 1;
	case JSON_OBJECT: {
		void *it;

		if (json_object_size(a) != json_object_size(b))
			return 0;
		for (it = json_object_iter(a); it;
		     it = json_object_iter_next(a, it)) {
			json_t *bv =
			    json_object_getn(b, json_object_iter_key(it),
				json_object_iter_key_len(it));

			if (!bv ||
			    !equal(json_object_iter_value(it), bv, depth + 1))
				return 0;
		}
		return 1;
	}
	default:
		return 1; /* true, false, null: the type is the value */
	}
}

static uint32_t
fnv(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	while (n--) {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

/* The hash of an object key for a node's property table: computed for
 * every key of every case, so eight bytes at a time rather than fnv's one
 * (a key of up to 16 bytes is two reads, overlapping). */
static inline uint32_t
key_hash(const char *s, size_t n)
{
	uint64_t h = n * 0x9e3779b97f4a7c15u, w = 0;

	for (; n > 16; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdu;
	}
	if (n >= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdu;
		memcpy(&w, s + n - 8, 8);
	} else if (n >= 4) {
		uint32_t a, b;

		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		w = (uint64_t)a << 32 | b;
	} else if (n > 0) {
		w = (uint64_t)(unsigned char)s[0] << 16 |
		    (uint64_t)(unsigned char)s[n / 2] << 8 |
		    (unsigned char)s[n - 1];
	}
	h = (h ^ w) * 0xc4ceb9fe1a85ec53u;
	return (uint32_t)(h ^ h >> 32);
}

/* !memcmp(a, b, n), for a key or an enum value of the length sought:
 * most are 4 to 16 bytes, compared here in two overlapping reads each
 * where memcmp would be a call. */
static inline int
same_bytes(const char *a, const char *b, size_t n)
{
	uint64_t x, y, x2, y2;
	uint32_t u, v, u2, v2;

	if (n >= 8 && n <= 16) {
		memcpy(&x, a, 8);
		memcpy(&y, b, 8);
		memcpy(&x2, a + n - 8, 8);
		memcpy(&y2, b + n - 8, 8);
		return x == y && x2 == y2;
	}
	if (n >= 4 && n < 8) {
		memcpy(&u, a, 4);
		memcpy(&v, b, 4);
		memcpy(&u2, a + n - 4, 4);
		memcpy(&v2, b + n - 4, 4);
		return u == v && u2 == v2;
	}
	return !memcmp(a, b, n);
}

static uint64_t
mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

/* A hash consistent with equal(): numbers by value, members unordered. */
static uint64_t
hash(json_t *v, int depth)
{
	uint64_t h;
	size_t i, n;

	if (depth >= MAX_DEPTH)
		return 0;
	switch (json_typeof(v)) {
	case JSON_INTEGER:
	case JSON_REAL: {
		struct num x;
		double d;

		num_get(v, &x);
		d = x.d == 0 ? 0 : x.d; /* -0.0 == 0 */
		memcpy(&h, &d, sizeof(h));
		return mix(h);
	}
	case JSON_STRING:
		return mix(fnv(json_string_value(v), json_string_length(v)) ^
			   ((uint64_t)1 << 40));
	case JSON_ARRAY:
		h = 3;
		n = json_array_size(v);
		for (i = 0; i < n; i++)
			h = mix(h * 31 + hash(json_array_get(v, i), depth + 1));
		return h;
	case JSON_OBJECT: {
		void *it;

		h = 5;
		for (it = json_object_iter(v); it;
		     it = json_object_iter_next(v, it))
			h += mix(fnv(json_object_iter_key(it),
				     json_object_iter_key_len(it)) ^
				 hash(json_object_iter_value(it), depth + 1));
		return h;
	}
	default:
		return (uint64_t)json_typeof(v) * 0x9e3779b97f4a7c15ULL;
	}
}

struct hashed {
	uint64_t h;
	size_t i;
};

static int
hashed_cmp(const void *a, const void *b)
{
	const struct hashed *x = a, *y = b;

	return (x->h > y->h) - (x->h < y->h);
}

/* 1 when the array's items are unique, 0 when not, -1 on out of memory. */
static int
unique(json_t *a)
{
	size_t i, j, n = json_array_size(a);
	struct hashed *hv;
	int r = 1;

	if (n <= UNIQUE_PAIRWISE) {
		for (i = 0; i < n; i++)
			for (j = i + 1; j < n; j++)
				if (equal(json_array_get(a, i),
					json_array_get(a, j), 0))
					return 0;
		return 1;
	}
	if (!(hv = malloc(n * sizeof(*hv))))
		return -1;
	for (i = 0; i < n; i++) {
		hv[i].h = hash(json_array_get(a, i), 0);
		hv[i].i = i;
	}
	qsort(hv, n, sizeof(*hv), hashed_cmp);
	for (i = 0; i < n && r; i++)
		for (j = i + 1; j < n && hv[j].h == hv[i].h && r; j++)
			if (equal(json_array_get(a, hv[i].i),
				json_array_get(a, hv[j].i), 0))
				r = 0;
	free(hv);
	return r;
}

/* ---- formats: RFC 3339 full-date and date-time ---- */

static int
digits(const char *s, int n)
{
	int v = 0;

	while (n--) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	return v;
}

static int
days_in_month(int y, int m)
{
	static const int dim[] = {
	    31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		return 29;
	return dim[m - 1];
}

static int
is_date(const char *s, size_t n)
{
	int y, m, d;

	if (n != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	/* RFC 3339 allows year 0000; a case's dates are 0001-9999 (SPEC 2) */
	return y >= 1 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= days_in_month(y, m);
}

static int
is_datetime(const char *s, size_t n)
{
	const char *p = s + 19, *end = s + n;
	int h, mi, sec, off = 0;

	if (n < 20 || !is_date(s, 10) || (s[10] != 'T' && s[10] != 't') ||
	    s[13] != ':' || s[16] != ':')
		return 0;
	h = digits(s + 11, 2);
	mi = digits(s + 14, 2);
	sec = digits(s + 17, 2);
	if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60)
		return 0;
	if (*p == '.') {
		if (++p == end || *p < '0' || *p > '9')
			return 0;
		while (p < end && *p >= '0' && *p <= '9')
			p++;
	}
	if (p < end && (*p == 'Z' || *p == 'z')) {
		p++;
	} else if (end - p >= 6 && (*p == '+' || *p == '-') && p[3] == ':') {
		int oh = digits(p + 1, 2), om = digits(p + 4, 2);

		if (oh < 0 || oh > 23 || om < 0 || om > 59)
			return 0;
		off = (*p == '-' ? -1 : 1) * (oh * 60 + om);
		p += 6;
	} else {
		return 0;
	}
	if (p != end)
		return 0;
	/* A leap second is only ever inserted at 23:59:60 UTC. */
	if (sec == 60 && ((h * 60 + mi - off) % 1440 + 1440) % 1440 != 1439)
		return 0;
	return 1;
}

/* ---- compiling ---- */

struct loc { /* a schema location met while indexing */
	json_t *json;
	const char *base; /* base URI inside it, after its own $id */
	struct node *node;
};

struct res { /* a resource ($id) or a plain-name fragment ("#foo") */
	const char *uri;
	json_t *json;
	const char *base, *where;
};

struct pending {
	struct node *node;
	const char *uri, *where;
};

struct comp {
	struct cspr_schema *s;
	struct cspr_errors *e;
	struct loc *map; /* open addressing, keyed by json_t pointer */
	size_t nmap, capmap;
	struct res *res;
	size_t nres, capres;
	struct pending *pend;
	size_t npend, cappend;
	struct node **nodes;
	size_t nnodes, capnodes;
	size_t re_total; /* the sizes of the patterns so far */
	int failed;
};

static void
oom(struct comp *c)
{
	if (!c->failed)
		cspr_errors_add(c->e, "", 0, 0, NULL, "out of memory");
	c->failed = 1;
}

/* Report a bad schema; only the first problem, the rest may follow from
 * it. */
__attribute__((format(printf, 3, 4))) static void
bad(struct comp *c, const char *where, const char *fmt, ...)
{
	struct buf b = {0};
	va_list ap;
	char *msg;

	if (c->failed)
		return;
	c->failed = 1;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	if (!(msg = buf_take(&b)) || cspr_errors_add(c->e, "", 0, 0, where,
					 "invalid schema: %s", msg) < 0)
		c->failed = 1;
	free(msg);
}

/* where followed by one more step, in the arena. */
static const char *
child_where(struct comp *c, const char *where, const char *key, size_t len)
{
	struct buf b = {0};
	const char *r = NULL;
	int first;

	if (!where)
		return NULL; /* an earlier step ran out of memory, said so */
	first = strcmp(where, ".") == 0;
	if (!first)
		buf_adds(&b, where);
	buf_addseg(&b, first, key, len);
	if (!b.oom && !(r = arena_strndup(c->s, b.p, b.n)))
		b.oom = 1;
	free(b.p);
	if (b.oom)
		oom(c);
	return r;
}

static const char *
kw_where(struct comp *c, const char *where, const char *kw)
{
	return child_where(c, where, kw, strlen(kw));
}

static size_t
ptrhash(const void *p)
{
	return (size_t)mix((uint64_t)(uintptr_t)p);
}

static struct loc *
map_get(struct comp *c, json_t *j)
{
	size_t i;

	if (!c->capmap)
		return NULL;
	for (i = ptrhash(j) & (c->capmap - 1); c->map[i].json;
	     i = (i + 1) & (c->capmap - 1))
		if (c->map[i].json == j)
			return &c->map[i];
	return NULL;
}

/* The entry for j, added when new; NULL on out of memory.  Any earlier
 * pointer into the map is invalid afterwards. */
static struct loc *
map_put(struct comp *c, json_t *j)
{
	struct loc *l;
	size_t i;

	if ((l = map_get(c, j)))
		return l;
	if (2 * (c->nmap + 1) > c->capmap) {
		size_t cap = c->capmap ? c->capmap * 2 : 64, k;
		struct loc *m = calloc(cap, sizeof(*m));

		if (!m)
			return NULL;
		for (k = 0; k < c->capmap; k++) {
			if (!c->map[k].json)
				continue;
			for (i = ptrhash(c->map[k].json) & (cap - 1); m[i].json;
			     i = (i + 1) & (cap - 1))
				;
			m[i] = c->map[k];
		}
		free(c->map);
		c->map = m;
		c->capmap = cap;
	}
	for (i = ptrhash(j) & (c->capmap - 1); c->map[i].json;
	     i = (i + 1) & (c->capmap - 1))
		;
	c->map[i].json = j;
	c->nmap++;
	return &c->map[i];
}

/* URI references (RFC 3986): enough to resolve $id and $ref. */
struct uri {
	const char *scheme, *auth, *path, *query, *frag; /* NULL: absent */
	size_t nscheme, nauth, npath, nquery, nfrag;
};

static void
uri_parse(const char *s, struct uri *u)
{
	const char *p = s, *q;

	memset(u, 0, sizeof(*u));
	if (is_alpha(*p)) {
		for (q = p + 1;
		     is_alnum(*q) || *q == '+' || *q == '-' || *q == '.'; q++)
			;
		if (*q == ':') {
			u->scheme = p;
			u->nscheme = (size_t)(q - p);
			p = q + 1;
		}
	}
	if (p[0] == '/' && p[1] == '/') {
		p += 2;
		q = p + strcspn(p, "/?#");
		u->auth = p;
		u->nauth = (size_t)(q - p);
		p = q;
	}
	q = p + strcspn(p, "?#");
	u->path = p;
	u->npath = (size_t)(q - p);
	p = q;
	if (*p == '?') {
		p++;
		q = p + strcspn(p, "#");
		u->query = p;
		u->nquery = (size_t)(q - p);
		p = q;
	}
	if (*p == '#') {
		u->frag = ++p;
		u->nfrag = strlen(p);
	}
}

/* Drop the last segment of the path written since start. */
static void
pop_segment(struct buf *b, size_t start)
{
	size_t i = b->n;

	while (i > start && b->p[i - 1] != '/')
		i--;
	if (i > start)
		i--;
	b->n = i;
	if (b->p)
		b->p[i] = '\0';
}

/* RFC 3986 5.2.4, appending to b. */
static void
remove_dots(struct buf *b, const char *in, size_t n)
{
	size_t i = 0, start = b->n;

	while (i < n && !b->oom) {
		const char *p = in + i;
		size_t r = n - i, j;

		if (r >= 3 && !memcmp(p, "../", 3)) {
			i += 3;
		} else if (r >= 2 && !memcmp(p, "./", 2)) {
			i += 2;
		} else if (r >= 3 && !memcmp(p, "/./", 3)) {
			i += 2;
		} else if (r == 2 && !memcmp(p, "/.", 2)) {
			i += 2;
			buf_add(b, "/", 1);
		} else if (r >= 4 && !memcmp(p, "/../", 4)) {
			i += 3;
			pop_segment(b, start);
		} else if (r == 3 && !memcmp(p, "/..", 3)) {
			i += 3;
			pop_segment(b, start);
			buf_add(b, "/", 1);
		} else if ((r == 1 && p[0] == '.') ||
			   (r == 2 && !memcmp(p, "..", 2))) {
			i = n;
		} else {
			for (j = p[0] == '/'; j < r && p[j] != '/'; j++)
				;
			buf_add(b, p, j);
			i += j;
		}
	}
}

/* ref resolved against base (RFC 3986 5.2.2), in the arena. */
static const char *
uri_resolve(struct comp *c, const char *base, const char *ref)
{
	struct uri B, R;
	struct buf b = {0};
	const char *r = NULL;

	uri_parse(base, &B);
	uri_parse(ref, &R);
	if (R.scheme) {
		buf_add(&b, R.scheme, R.nscheme);
		buf_add(&b, ":", 1);
		B.auth = NULL;
	} else if (B.scheme) {
		buf_add(&b, B.scheme, B.nscheme);
		buf_add(&b, ":", 1);
	}
	if (R.scheme || R.auth) {
		if (R.auth) {
			buf_add(&b, "//", 2);
			buf_add(&b, R.auth, R.nauth);
		}
		remove_dots(&b, R.path, R.npath);
	} else {
		if (B.auth) {
			buf_add(&b, "//", 2);
			buf_add(&b, B.auth, B.nauth);
		}
		if (R.npath == 0) {
			buf_add(&b, B.path, B.npath);
			if (!R.query && B.query) {
				buf_add(&b, "?", 1);
				buf_add(&b, B.query, B.nquery);
			}
		} else if (R.path[0] == '/') {
			remove_dots(&b, R.path, R.npath);
		} else {
			struct buf m = {0};
			size_t k = B.npath;

			if (B.auth && B.npath == 0) {
				buf_add(&m, "/", 1);
			} else {
				while (k > 0 && B.path[k - 1] != '/')
					k--;
				buf_add(&m, B.path, k);
			}
			buf_add(&m, R.path, R.npath);
			if (m.oom)
				b.oom = 1;
			else
				remove_dots(&b, m.p, m.n);
			free(m.p);
		}
	}
	if (R.query) {
		buf_add(&b, "?", 1);
		buf_add(&b, R.query, R.nquery);
	}
	if (R.frag) {
		buf_add(&b, "#", 1);
		buf_add(&b, R.frag, R.nfrag);
	}
	if (!buf_take(&b) || !(r = arena_strndup(c->s, b.p, b.n)))
		oom(c);
	free(b.p);
	return r;
}

static int
add_res(struct comp *c, const char *uri, json_t *j, const char *base,
    const char *where)
{
	if (cspr_grow(&c->res, &c->capres, c->nres + 1, sizeof(*c->res)) < 0) {
		oom(c);
		return -1;
	}
	c->res[c->nres].uri = uri;
	c->res[c->nres].json = j;
	c->res[c->nres].base = base;
	c->res[c->nres].where = where;
	c->nres++;
	return 0;
}

static struct res *
find_res(struct comp *c, const char *uri, size_t n)
{
	size_t i;

	for (i = 0; i < c->nres; i++)
		if (strlen(c->res[i].uri) == n &&
		    !memcmp(c->res[i].uri, uri, n))
			return &c->res[i];
	return NULL;
}

/* Where each keyword keeps its subschemas. */
enum shape { ONE, ARRAY_OF, MAP_OF, ONE_OR_ARRAY, DEPS };

static const struct {
	const char *kw;
	enum shape shape;
} subschemas[] = {
    {"additionalItems", ONE},
    {"additionalProperties", ONE},
    {"contains", ONE},
    {"propertyNames", ONE},
    {"if", ONE},
    {"then", ONE},
    {"else", ONE},
    {"not", ONE},
    {"items", ONE_OR_ARRAY},
    {"allOf", ARRAY_OF},
    {"anyOf", ARRAY_OF},
    {"oneOf", ARRAY_OF},
    {"properties", MAP_OF},
    {"patternProperties", MAP_OF},
    {"definitions", MAP_OF},
    {"dependencies", DEPS},
};

/* The base URI inside schema j, given the base outside it; registers j
 * as a resource or a plain-name fragment when its $id says so. */
static const char *
apply_id(
    struct comp *c, json_t *j, const char *base, const char *where, int reg)
{
	json_t *id;
	const char *uri, *hash;

	/* draft-07: beside $ref every keyword, $id too, is ignored. */
	if (!json_is_object(j) || json_object_get(j, "$ref") ||
	    !(id = json_object_get(j, "$id")))
		return base;
	if (!json_is_string(id)) {
		bad(c, kw_where(c, where, "$id"), "must be a string");
		return NULL;
	}
	if (!(uri = uri_resolve(c, base, json_string_value(id))))
		return NULL;
	hash = strchr(uri, '#');
	if (json_string_value(id)[0] != '#') {
		const char *doc =
		    hash ? arena_strndup(c->s, uri, (size_t)(hash - uri)) : uri;

		if (!doc) {
			oom(c);
			return NULL;
		}
		if (reg && add_res(c, doc, j, doc, where) < 0)
			return NULL;
		base = doc;
	}
	if (reg && hash && hash[1] && hash[1] != '/' &&
	    add_res(c, uri, j, base, where) < 0)
		return NULL;
	return base;
}

/* Find every schema location under j: its base URI and its $id.  $ref
 * targets are resolved only after this, so that an $id anywhere in the
 * document can be referred to from anywhere. */
static void
index_ids(
    struct comp *c, json_t *j, const char *base, const char *where, int depth)
{
	struct loc *l;
	size_t k;

	if (c->failed || !json_is_object(j) || map_get(c, j))
		return;
	if (depth > MAX_SCHEMA_DEPTH) {
		bad(c, where, "nested too deeply");
		return;
	}
	if (!(base = apply_id(c, j, base, where, 1)))
		return;
	if (!(l = map_put(c, j))) {
		oom(c);
		return;
	}
	l->base = base;
	for (k = 0; k < sizeof(subschemas) / sizeof(subschemas[0]); k++) {
		json_t *v = json_object_get(j, subschemas[k].kw);
		const char *w;
		size_t i;
		void *it;

		if (!v || !(w = kw_where(c, where, subschemas[k].kw)))
			continue;
		if (subschemas[k].shape == ONE ||
		    (subschemas[k].shape == ONE_OR_ARRAY &&
			!json_is_array(v))) {
			index_ids(c, v, base, w, depth + 1);
		} else if (subschemas[k].shape == ARRAY_OF ||
			   subschemas[k].shape == ONE_OR_ARRAY) {
			for (i = 0; i < json_array_size(v); i++)
				index_ids(c, json_array_get(v, i), base,
				    child_where(c, w, NULL, i), depth + 1);
		} else if (json_is_object(v)) {
			for (it = json_object_iter(v); it;
			     it = json_object_iter_next(v, it))
				index_ids(c, json_object_iter_value(it), base,
				    child_where(c, w, json_object_iter_key(it),
					json_object_iter_key_len(it)),
				    depth + 1);
		}
		if (c->failed)
			return;
	}
}

static struct node *compile(
    struct comp *, json_t *, const char *, const char *, int);

static int
get_count(struct comp *c, json_t *v, const char *where, size_t *out)
{
	struct num x;

	if (num_get(v, &x) < 0 || !num_is_integer(&x) ||
	    (x.is_int ? x.i < 0 : x.d < 0)) {
		bad(c, where, "must be a non-negative integer");
		return -1;
	}
	if (x.is_int)
		*out = (size_t)x.i;
	else
		*out = x.d >= 1.8e19 ? SIZE_MAX : (size_t)x.d;
	return 0;
}

static int
get_num(struct comp *c, json_t *v, const char *where, struct num *out)
{
	if (num_get(v, out) < 0) {
		bad(c, where, "must be a number");
		return -1;
	}
	return 0;
}

/* The closing ']' of the bracket expression whose body starts at p[i]
 * (just after '['), or n: a ']' first (after any '^') is literal, and
 * [:class:], [.coll.] and [=equiv=] are skipped whole.  *slash is set to
 * the first backslash followed by anything but a backslash, which POSIX
 * reads as an ordinary character there. */
static size_t
bracket_end(const char *p, size_t n, size_t i, size_t *slash)
{
	if (i < n && p[i] == '^')
		i++;
	if (i < n && p[i] == ']')
		i++;
	while (i < n && p[i] != ']') {
		if (p[i] == '[' && i + 1 < n && strchr(":.=", p[i + 1])) {
			char end = p[i + 1];

			for (i += 2; i + 1 < n &&
			    !(p[i] == end && p[i + 1] == ']'); i++)
				;
			i += 2;
			continue;
		}
		if (p[i] == '\\' && i + 1 < n && p[i + 1] != '\\' && *slash == n)
			*slash = i;
		i += p[i] == '\\' ? 2 : 1;
	}
	return i;
}

/* What POSIX would do differently from the ECMA 262 regular expressions
 * schema authors usually have in mind, or NULL when nothing. */
static const char *
non_posix(const char *p, size_t n, char *ch)
{
	size_t i = 0;

	while (i < n) {
		if (p[i] == '\\' && i + 1 < n) {
			*ch = p[i + 1];
			/* GNU's \w \s \b (and their opposites) and
			 * backreferences mean the same in both. */
			if (is_alnum(*ch) && !strchr("wWsSbB123456789", *ch))
				return "\\%c is not a POSIX extended regular "
				       "expression escape (for \\d write "
				       "[0-9])";
			i += 2;
		} else if (p[i] == '[') {
			size_t slash = n;

			i = bracket_end(p, n, i + 1, &slash) + 1;
			if (slash < n) {
				*ch = p[slash + 1];
				return "inside [...] a backslash is an "
				       "ordinary character in POSIX "
				       "regular expressions (at \\%c)";
			}
		} else {
			i++;
		}
	}
	return NULL;
}

/* Why pattern p[0..n) could cost too much to compile or to match, or
 * NULL: a back-reference (exponential in the worst case), a repetition of
 * something that repeats itself ("(a+)*", "(a{2}){3}"; "(ab+)?" is fine),
 * a counted repetition over MAX_RE_BOUND, or over
 * MAX_RE_BOUND_AFTER_STAR after a * or +, or a pattern over MAX_RE_LEN
 * bytes or MAX_RE_SIZE once counted repetitions are written out.  *size
 * is that size. */
static const char *
re_costly(const char *p, size_t n, size_t *size)
{
	/* per open group: its size so far, whether it repeats inside */
	struct { size_t size; int reps; } g[64];
	int depth = 0, star = 0;
	size_t last = 0; /* the size of the atom just before */
	int last_reps = 0; /* whether that atom repeats inside */
	size_t i = 0;

	*size = 0;
	if (n > MAX_RE_LEN)
		return "a pattern longer than 1000 bytes is not supported";
	g[0].size = 0;
	g[0].reps = 0;
	while (i < n) {
		char ch = p[i];
		unsigned long lo = 0, hi = 0;
		int unbounded = 0, quant = 1;

		if (ch == '*' || ch == '+') {
			unbounded = 1;
			i++;
		} else if (ch == '?') {
			hi = 1;
			i++;
		} else if (ch == '{' && i + 1 < n && p[i + 1] >= '0' &&
		    p[i + 1] <= '9') {
			for (i++; i < n && p[i] >= '0' && p[i] <= '9'; i++)
				lo = lo < 100000 ? lo * 10 +
				    (unsigned long)(p[i] - '0') : lo;
			hi = lo;
			if (i < n && p[i] == ',') {
				i++;
				if (i < n && p[i] == '}')
					unbounded = 1;
				for (hi = 0; i < n && p[i] >= '0' &&
				    p[i] <= '9'; i++)
					hi = hi < 100000 ? hi * 10 +
					    (unsigned long)(p[i] - '0') : hi;
			}
			if (i < n && p[i] == '}')
				i++;
			if (lo > MAX_RE_BOUND || hi > MAX_RE_BOUND)
				return "a counted repetition over 255 is not "
				       "supported";
		} else {
			quant = 0;
		}
		if (quant) {
			/* the atom before repeats: written out, hi times */
			if ((unbounded || hi > 1) && last_reps)
				return "a repetition of something that itself "
				       "repeats (as in (a+)*) can take "
				       "exponential time: not supported";
			if (!unbounded && hi > MAX_RE_BOUND_AFTER_STAR && star)
				return "a counted repetition over 8 after a * "
				       "or + can take exponential time: not "
				       "supported";
			if (!unbounded && hi > 1)
				g[depth].size += last * (hi - 1);
			if (unbounded || hi > 1) {
				g[depth].reps = 1;
				star |= unbounded;
			}
			last = 0;
			last_reps = 0;
			continue;
		}
		if (ch == '\\' && i + 1 < n) {
			if (p[i + 1] >= '1' && p[i + 1] <= '9')
				return "back-references (\\1) can take "
				       "exponential time: not supported";
			i += 2;
			last = 1;
			last_reps = 0;
		} else if (ch == '[') {
			/* a bracket expression is one atom */
			size_t slash = n;

			i = bracket_end(p, n, i + 1, &slash) + 1;
			last = 1;
			last_reps = 0;
		} else if (ch == '(') {
			if (depth + 1 >= (int)(sizeof(g) / sizeof(g[0])))
				return "groups nested more than 63 deep are not "
				       "supported";
			depth++;
			g[depth].size = 0;
			g[depth].reps = 0;
			i++;
			continue;
		} else if (ch == ')' && depth > 0) {
			last = g[depth].size;
			last_reps = g[depth].reps;
			depth--;
			i++;
		} else {
			i++;
			last = ch == '|' || ch == '^' || ch == '$' ? 0 : 1;
			last_reps = 0;
		}
		g[depth].size += last;
		if (g[depth].size > MAX_RE_SIZE)
			return "a pattern larger than 2000 characters once its "
			       "counted repetitions are written out is not "
			       "supported";
		if (last_reps)
			g[depth].reps = 1;
	}
	*size = g[0].size;
	if (*size > MAX_RE_SIZE)
		return "a pattern larger than 2000 characters once its counted "
		       "repetitions are written out is not supported";
	return NULL;
}

/* Note when pat is a plain string, anchored or not. */
static void
literal_pattern(struct compiled_re *r, const char *pat, size_t len)
{
	size_t i;

	if (len > 0 && pat[0] == '^') {
		r->at_start = 1;
		pat++;
		len--;
	}
	if (len > 0 && pat[len - 1] == '$') {
		r->at_end = 1;
		len--;
	}
	for (i = 0; i < len; i++)
		if (strchr(".[]()*+?{}|^$\\", pat[i]))
			return;
	r->lit = pat;
	r->litlen = len;
	r->literal = 1;
	r->prefix = r->at_start && !r->at_end && len > 0;
}

/* ---- simple patterns without regexec(3) ----
 *
 * A pattern anchored at its start and made of ASCII characters and
 * bracket expressions of them, repeated (? * + {m,n}) and grouped, as
 * "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2})?$", is matched by a
 * bit-parallel automaton (Glushkov's: one state for each character
 * position of the pattern with its counted repetitions written out, at
 * most 64).  Such a pattern says the same in every locale and regexec(3)
 * costs twenty times as much on it; anything else is left to regexec. */

#define FAST_POS 64

struct fast_re {
	uint64_t first, last;	  /* the positions a match starts and ends at */
	uint64_t follow[FAST_POS]; /* the positions that may follow each */
	uint64_t at[128];	  /* the positions that accept each byte */
	unsigned char nullable, at_end;
};

/* the positions of a part of the pattern */
struct frag {
	uint64_t first, last;
	int nullable;
};

struct fast_parse {
	const char *p;
	size_t n, i;
	int npos;
	struct fast_re *f;
};

/* One more position, accepting the bytes lo..hi. */
static int
fast_pos(struct fast_parse *fp, struct frag *a, int lo, int hi)
{
	uint64_t bit;

	if (fp->npos == FAST_POS)
		return 0;
	bit = (uint64_t)1 << fp->npos++;
	for (; lo <= hi; lo++)
		fp->f->at[lo] |= bit;
	a->first = a->last = bit;
	a->nullable = 0;
	return 1;
}

static void
fast_link(struct fast_re *f, uint64_t from, uint64_t to)
{
	for (; from; from &= from - 1)
		f->follow[__builtin_ctzll(from)] |= to;
}

/* a, then b */
static void
fast_concat(struct fast_re *f, struct frag *a, const struct frag *b)
{
	fast_link(f, a->last, b->first);
	if (a->nullable)
		a->first |= b->first;
	a->last = b->nullable ? a->last | b->last : b->last;
	a->nullable &= b->nullable;
}

static int fast_seq(struct fast_parse *fp, struct frag *out, int depth);

/* Same ranges as regcomp's in the C locale, and in every other one. */
static int
fast_range_ok(int lo, int hi)
{
	return lo <= hi && ((lo >= '0' && hi <= '9') ||
	    (lo >= 'a' && hi <= 'z') || (lo >= 'A' && hi <= 'Z'));
}

static int
fast_atom(struct fast_parse *fp, struct frag *a, int depth)
{
	const char *p = fp->p;
	size_t n = fp->n;
	uint64_t bit;
	int ch;

	if (fp->i >= n)
		return 0;
	ch = (unsigned char)p[fp->i];
	if (ch == '(') {
		fp->i++;
		if (depth >= 8 || fp->i >= n || p[fp->i] == ')' ||
		    !fast_seq(fp, a, depth + 1) || fp->i >= n ||
		    p[fp->i] != ')')
			return 0;
		fp->i++;
		return 1;
	}
	if (ch != '[') {
		fp->i++;
		return ch >= 0x20 && ch <= 0x7e &&
		    !strchr(".[]()*+?{}|^$\\", ch) && fast_pos(fp, a, ch, ch);
	}
	/* [...] of printable characters and ranges of digits or letters;
	 * not [^...], ']' or '-' as a member, [:classes:], backslashes */
	if (!fast_pos(fp, a, 1, 0))
		return 0;
	bit = a->first;
	for (fp->i++; fp->i < n && p[fp->i] != ']'; fp->i++) {
		int lo = (unsigned char)p[fp->i], hi = lo;

		if (lo < 0x20 || lo > 0x7e || strchr("[]\\^-", lo))
			return 0;
		if (fp->i + 2 < n && p[fp->i + 1] == '-' &&
		    p[fp->i + 2] != ']') {
			hi = (unsigned char)p[fp->i + 2];
			if (!fast_range_ok(lo, hi))
				return 0;
			fp->i += 2;
		}
		for (; lo <= hi; lo++)
			fp->f->at[lo] |= bit;
	}
	if (fp->i >= n || p[fp->i - 1] == '[')
		return 0;
	fp->i++;
	return 1;
}

static int
fast_number(struct fast_parse *fp, unsigned long *v)
{
	size_t start = fp->i;

	for (*v = 0; fp->i < fp->n &&
	    fp->p[fp->i] >= '0' && fp->p[fp->i] <= '9'; fp->i++)
		if ((*v = *v * 10 + (unsigned long)(fp->p[fp->i] - '0')) >
		    FAST_POS)
			return 0;
	return fp->i > start;
}

/* An atom and its repetition: "x{2,3}" is x x x?, "x+" is x x*. */
static int
fast_item(struct fast_parse *fp, struct frag *out, int depth)
{
	size_t start = fp->i, end;
	unsigned long lo = 1, hi = 1, k, copies;
	int unbounded = 0;
	struct frag a;

	if (!fast_atom(fp, &a, depth))
		return 0;
	if (fp->i < fp->n && strchr("*+?{", fp->p[fp->i])) {
		char q = fp->p[fp->i++];

		lo = q == '+';
		hi = 1;
		unbounded = q == '*' || q == '+';
		if (q == '{') {
			if (!fast_number(fp, &lo))
				return 0;
			hi = lo;
			if (fp->i < fp->n && fp->p[fp->i] == ',') {
				fp->i++;
				unbounded = fp->i < fp->n &&
				    fp->p[fp->i] == '}';
				if (!unbounded && !fast_number(fp, &hi))
					return 0;
			}
			if (fp->i >= fp->n || fp->p[fp->i++] != '}' ||
			    (!unbounded && hi < lo))
				return 0;
		}
		/* "x+?" and the like: left to regexec */
		if (fp->i < fp->n && strchr("*+?{", fp->p[fp->i]))
			return 0;
	}
	end = fp->i;
	copies = unbounded ? (lo ? lo : 1) : hi;
	out->first = out->last = 0;
	out->nullable = 1;
	for (k = 0; k < copies; k++) {
		if (k > 0) {
			fp->i = start;
			if (!fast_atom(fp, &a, depth))
				return 0;
		}
		if (k >= lo)
			a.nullable = 1;
		if (unbounded && k + 1 == copies)
			fast_link(fp->f, a.last, a.first);
		fast_concat(fp->f, out, &a);
	}
	fp->i = end;
	return 1;
}

static int
fast_seq(struct fast_parse *fp, struct frag *out, int depth)
{
	struct frag a;

	out->first = out->last = 0;
	out->nullable = 1;
	while (fp->i < fp->n && fp->p[fp->i] != ')' &&
	    !(fp->p[fp->i] == '$' && fp->i + 1 == fp->n && depth == 0)) {
		if (!fast_item(fp, &a, depth))
			return 0;
		fast_concat(fp->f, out, &a);
	}
	return 1;
}

/* The automaton for pat, in f, or 0 when pat is not that simple. */
static int
fast_compile(struct fast_re *f, const char *pat, size_t len)
{
	struct fast_parse fp = {.p = pat, .n = len, .i = 1, .f = f};
	struct frag all;

	memset(f, 0, sizeof(*f));
	if (len == 0 || pat[0] != '^' || !fast_seq(&fp, &all, 0))
		return 0;
	if (fp.i + 1 == len && pat[fp.i] == '$')
		f->at_end = 1;
	else if (fp.i != len)
		return 0;
	f->first = all.first;
	f->last = all.last;
	f->nullable = (unsigned char)all.nullable;
	return 1;
}

static int
fast_match(const struct fast_re *f, const char *s, size_t len)
{
	uint64_t d = f->first, next;
	size_t i;

	if (len == 0 || (f->nullable && !f->at_end))
		return f->nullable;
	for (i = 0;; d = next) {
		unsigned char ch = (unsigned char)s[i];

		if (!(d &= ch < 128 ? f->at[ch] : 0))
			return 0;
		if (++i == len)
			return (d & f->last) != 0;
		if (!f->at_end && (d & f->last))
			return 1;
		for (next = 0; d; d &= d - 1)
			next |= f->follow[__builtin_ctzll(d)];
	}
}

static struct compiled_re *
compile_re(struct comp *c, const char *pat, size_t len, const char *where)
{
	struct compiled_re *r;
	const char *why;
	char ch, err[128], *wrapped = NULL;
	size_t size;
	int rc;

	if (memchr(pat, '\0', len)) {
		bad(c, where, "a regular expression cannot contain NUL");
		return NULL;
	}
	if ((why = non_posix(pat, len, &ch))) {
		char msg[160];

		if (ch < 0x21 || ch > 0x7e)
			ch = '?'; /* keep the message printable ASCII */
		snprintf(msg, sizeof(msg), why, ch);
		bad(c, where, "%s", msg);
		return NULL;
	}
	/* before regcomp, which could take gigabytes */
	if ((why = re_costly(pat, len, &size))) {
		bad(c, where, "%s", why);
		return NULL;
	}
	if ((c->re_total += size + 16) > MAX_RE_TOTAL) {
		bad(c, where, "the schema's patterns together are larger than "
		    "%d characters once their counted repetitions are written "
		    "out: not supported", MAX_RE_TOTAL);
		return NULL;
	}
	if (!(r = arena_alloc(c->s, sizeof(*r)))) {
		oom(c);
		return NULL;
	}
	/* Unanchored, glibc's regexec tries each place a match could start,
	 * and a pattern that starts with a repetition then takes time in
	 * the square of the string's length (x*y over 90 KB: 6 s).  "^.*(P)"
	 * finds the same strings in one pass. */
	if (len > 0 && pat[0] != '^' && (memchr(pat, '*', len) ||
	    memchr(pat, '+', len) || memchr(pat, ',', len))) {
		if (!(wrapped = malloc(len + 6))) {
			oom(c);
			return NULL;
		}
		memcpy(wrapped, "^.*(", 4);
		memcpy(wrapped + 4, pat, len);
		memcpy(wrapped + 4 + len, ")", 2);
	}
	rc = regcomp(&r->re, wrapped ? wrapped : pat, REG_EXTENDED | REG_NOSUB);
	free(wrapped);
	if (rc != 0) {
		if (rc == REG_ESPACE) { /* not the schema's fault */
			oom(c);
			return NULL;
		}
		regerror(rc, &r->re, err, sizeof(err));
		bad(c, where, "not a POSIX extended regular expression (%s)",
		    err);
		return NULL;
	}
	r->size = size;
	r->bounded = len > 0 && pat[0] == '^' && !memchr(pat, '*', len) &&
	    !memchr(pat, '+', len) && !memchr(pat, ',', len);
	r->next = c->s->regexes;
	c->s->regexes = r;
	literal_pattern(r, pat, len);
	if (!r->literal) {
		struct fast_re f;

		if (fast_compile(&f, pat, len)) {
			if (!(r->fast = arena_alloc(c->s, sizeof(f)))) {
				oom(c);
				return NULL;
			}
			memcpy(r->fast, &f, sizeof(f));
		}
	}
	return r;
}

static const struct {
	const char *name;
	unsigned bit;
} type_names[] = {
    {"object", T_OBJECT},
    {"array", T_ARRAY},
    {"string", T_STRING},
    {"integer", T_INTEGER},
    {"number", T_NUMBER},
    {"boolean", T_BOOLEAN},
    {"null", T_NULL},
};

static const char *
type_msg(struct comp *c, unsigned types)
{
	static const char *const article[] = {"an object", "an array",
	    "a string", "an integer", "a number", "a boolean", "null"};
	struct buf b = {0};
	const char *names[7], *r = NULL;
	size_t i, n = 0;

	if (types & T_NUMBER)
		types &= ~(unsigned)T_INTEGER; /* every integer is a number */
	if (types == T_BOOLEAN)
		return "must be true or false";
	for (i = 0; i < 7; i++)
		if (types & type_names[i].bit)
			names[n++] = article[i];
	buf_adds(&b, "must be ");
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_adds(&b, i + 1 == n ? " or " : ", ");
		buf_adds(&b, names[i]);
	}
	if (!buf_take(&b) || !(r = arena_strndup(c->s, b.p, b.n)))
		oom(c);
	free(b.p);
	return r;
}

/* A schema value as the user would write it; -1 for an array or object,
 * which would make the message too long to help. */
static int
buf_addvalue(struct buf *b, json_t *v)
{
	const char *s;
	size_t i, n;
	struct num x;

	switch (json_typeof(v)) {
	case JSON_STRING:
		s = json_string_value(v);
		n = json_string_length(v);
		for (i = 0; i < n; i++)
			if ((unsigned char)s[i] < 0x20 || s[i] == ',')
				break;
		if (n > 0 && i == n && s[0] != ' ' && s[n - 1] != ' ')
			buf_add(b, s, n);
		else
			buf_addq(b, s, n);
		return 0;
	case JSON_INTEGER:
	case JSON_REAL:
		num_get(v, &x);
		buf_addnum(b, &x);
		return 0;
	case JSON_TRUE:
		buf_adds(b, "true");
		return 0;
	case JSON_FALSE:
		buf_adds(b, "false");
		return 0;
	case JSON_NULL:
		buf_adds(b, "null");
		return 0;
	default:
		return -1;
	}
}

/* "must be one of: female, male, other, unknown", from the schema. */
static const char *
values_msg(struct comp *c, json_t *v, int is_enum)
{
	struct buf b = {0};
	const char *r = NULL;
	size_t i, n = is_enum ? json_array_size(v) : 1;
	int ok = 1;

	if (is_enum && n == 0)
		return "no value is allowed here";
	buf_adds(&b, is_enum && n > 1 ? "must be one of: " : "must be ");
	for (i = 0; i < n && ok; i++) {
		if (i > 0)
			buf_adds(&b, ", ");
		ok = buf_addvalue(&b, is_enum ? json_array_get(v, i) : v) == 0;
	}
	if (!ok || b.n > 300) {
		free(b.p);
		return n > 1 ? "must be one of the allowed values"
			     : "must be the allowed value";
	}
	if (!buf_take(&b) || !(r = arena_strndup(c->s, b.p, b.n)))
		oom(c);
	free(b.p);
	return r;
}

/* The schemas of an array keyword (allOf, items, ...). */
static struct node **
compile_array(struct comp *c, json_t *v, const char *base, const char *w,
    int depth, size_t *n, int nonempty)
{
	struct node **a;
	size_t i;

	if (!json_is_array(v) || (nonempty && json_array_size(v) == 0)) {
		bad(c, w,
		    nonempty ? "must be a non-empty array of schemas"
			     : "must be a schema or an array of schemas");
		return NULL;
	}
	*n = json_array_size(v);
	if (!(a = arena_alloc(c->s, (*n ? *n : 1) * sizeof(*a)))) {
		oom(c);
		return NULL;
	}
	for (i = 0; i < *n; i++)
		if (!(a[i] = compile(c, json_array_get(v, i), base,
			  child_where(c, w, NULL, i), depth + 1)))
			return NULL;
	return a;
}

static int
compile_props(struct comp *c, struct node *n, json_t *v, const char *base,
    const char *w, int depth)
{
	size_t i = 0, tab = 4;
	void *it;

	if (!json_is_object(v)) {
		bad(c, w, "must be an object");
		return -1;
	}
	n->nprops = json_object_size(v);
	while (tab < 2 * n->nprops)
		tab *= 2;
	if (!(n->props =
		    arena_alloc(c->s, (n->nprops + 1) * sizeof(*n->props))) ||
	    !(n->ptab = arena_alloc(c->s, tab * sizeof(*n->ptab)))) {
		oom(c);
		return -1;
	}
	n->pmask = (uint32_t)(tab - 1);
	for (it = json_object_iter(v); it;
	     it = json_object_iter_next(v, it), i++) {
		struct prop *p = &n->props[i];
		uint32_t k;

		p->key = json_object_iter_key(it);
		p->len = json_object_iter_key_len(it);
		p->hash = key_hash(p->key, p->len);
		if (!(p->schema = compile(c, json_object_iter_value(it), base,
			  child_where(c, w, p->key, p->len), depth + 1)))
			return -1;
		for (k = p->hash & n->pmask; n->ptab[k]; k = (k + 1) & n->pmask)
			;
		n->ptab[k] = (uint32_t)i + 1;
	}
	return 0;
}

static int
compile_pprops(struct comp *c, struct node *n, json_t *v, const char *base,
    const char *w, int depth)
{
	size_t i = 0;
	void *it;

	if (!json_is_object(v)) {
		bad(c, w, "must be an object");
		return -1;
	}
	n->npprops = json_object_size(v);
	if (!(n->pprops =
		    arena_alloc(c->s, (n->npprops + 1) * sizeof(*n->pprops)))) {
		oom(c);
		return -1;
	}
	for (it = json_object_iter(v); it;
	     it = json_object_iter_next(v, it), i++) {
		const char *key = json_object_iter_key(it);
		size_t len = json_object_iter_key_len(it);
		const char *kw = child_where(c, w, key, len);

		if (!kw || !(n->pprops[i].re = compile_re(c, key, len, kw)) ||
		    !(n->pprops[i].schema = compile(
			  c, json_object_iter_value(it), base, kw, depth + 1)))
			return -1;
	}
	return 0;
}

/* An array of unique strings (required, the array form of
 * dependencies). */
static struct str *
compile_names(struct comp *c, json_t *v, const char *w, size_t *n)
{
	struct str *a;
	size_t i;

	if (!json_is_array(v)) {
		bad(c, w, "must be an array of strings");
		return NULL;
	}
	*n = json_array_size(v);
	if (!(a = arena_alloc(c->s, (*n + 1) * sizeof(*a)))) {
		oom(c);
		return NULL;
	}
	for (i = 0; i < *n; i++) {
		json_t *x = json_array_get(v, i);

		if (!json_is_string(x)) {
			bad(c, child_where(c, w, NULL, i), "must be a string");
			return NULL;
		}
		a[i].s = json_string_value(x);
		a[i].len = json_string_length(x);
	}
	return a;
}

static int
compile_deps(struct comp *c, struct node *n, json_t *v, const char *base,
    const char *w, int depth)
{
	size_t i = 0;
	void *it;

	if (!json_is_object(v)) {
		bad(c, w, "must be an object");
		return -1;
	}
	n->ndeps = json_object_size(v);
	if (!(n->deps = arena_alloc(c->s, (n->ndeps + 1) * sizeof(*n->deps)))) {
		oom(c);
		return -1;
	}
	for (it = json_object_iter(v); it;
	     it = json_object_iter_next(v, it), i++) {
		struct dep *d = &n->deps[i];
		json_t *x = json_object_iter_value(it);
		const char *dw;

		d->key.s = json_object_iter_key(it);
		d->key.len = json_object_iter_key_len(it);
		if (!(dw = child_where(c, w, d->key.s, d->key.len)))
			return -1;
		if (json_is_array(x)) {
			if (!(d->names = compile_names(c, x, dw, &d->nnames)))
				return -1;
		} else if (!(d->schema = compile(c, x, base, dw, depth + 1))) {
			return -1;
		}
	}
	return 0;
}

#define IS(s) (kwlen == sizeof(s) - 1 && !memcmp(kw, s, kwlen))

/* One keyword of an object schema; 0, or -1 after reporting. */
static int
compile_keyword(struct comp *c, struct node *n, const char *kw, size_t kwlen,
    json_t *v, const char *base, int depth)
{
	const char *w = child_where(c, n->where, kw, kwlen);
	size_t i;

	if (!w)
		return -1;
	if (IS("type")) {
		json_t *x;
		size_t k;

		if (json_is_string(v) ||
		    (json_is_array(v) && json_array_size(v) > 0)) {
			for (i = 0;
			     i < (json_is_string(v) ? 1 : json_array_size(v));
			     i++) {
				x = json_is_string(v) ? v
						      : json_array_get(v, i);
				for (k = 0;
				     k < 7 && (!json_is_string(x) ||
						  strcmp(json_string_value(x),
						      type_names[k].name));
				     k++)
					;
				if (k == 7) {
					bad(c, w, "unknown type%s%s%s",
					    json_is_string(x) ? " \"" : "",
					    json_is_string(x)
						? json_string_value(x)
						: "",
					    json_is_string(x) ? "\"" : "");
					return -1;
				}
				n->types |= type_names[k].bit;
			}
			return (n->type_msg = type_msg(c, n->types)) ? 0 : -1;
		}
		bad(c, w, "must be a type name or an array of type names");
		return -1;
	}
	if (IS("enum")) {
		if (!json_is_array(v)) {
			bad(c, w, "must be an array");
			return -1;
		}
		n->enumv = v;
		if (!(n->enum_str = arena_alloc(c->s,
			  (json_array_size(v) + 1) * sizeof(*n->enum_str)))) {
			oom(c);
			return -1;
		}
		n->enum_only_str = 1;
		for (i = 0; i < json_array_size(v); i++) {
			json_t *x = json_array_get(v, i);

			if (!json_is_string(x)) {
				n->enum_only_str = 0;
				continue;
			}
			n->enum_str[n->nenum_str].s = json_string_value(x);
			n->enum_str[n->nenum_str++].len = json_string_length(x);
		}
		return (n->enum_msg = values_msg(c, v, 1)) ? 0 : -1;
	}
	if (IS("const")) {
		n->constv = v;
		return (n->const_msg = values_msg(c, v, 0)) ? 0 : -1;
	}
	if (IS("multipleOf")) {
		if (get_num(c, v, w, &n->multiple_of) < 0)
			return -1;
		if (n->multiple_of.d <= 0) {
			bad(c, w, "must be greater than 0");
			return -1;
		}
		n->has |= H_MULTIPLE_OF;
		return 0;
	}
	if (IS("maximum")) {
		n->has |= H_MAXIMUM;
		return get_num(c, v, w, &n->maximum);
	}
	if (IS("minimum")) {
		n->has |= H_MINIMUM;
		return get_num(c, v, w, &n->minimum);
	}
	if (IS("exclusiveMaximum")) {
		n->has |= H_XMAXIMUM;
		return get_num(c, v, w, &n->xmaximum);
	}
	if (IS("exclusiveMinimum")) {
		n->has |= H_XMINIMUM;
		return get_num(c, v, w, &n->xminimum);
	}
	if (IS("maxLength")) {
		n->has |= H_MAX_LENGTH;
		return get_count(c, v, w, &n->max_length);
	}
	if (IS("minLength")) {
		n->has |= H_MIN_LENGTH;
		return get_count(c, v, w, &n->min_length);
	}
	if (IS("maxItems")) {
		n->has |= H_MAX_ITEMS;
		return get_count(c, v, w, &n->max_items);
	}
	if (IS("minItems")) {
		n->has |= H_MIN_ITEMS;
		return get_count(c, v, w, &n->min_items);
	}
	if (IS("maxProperties")) {
		n->has |= H_MAX_PROPS;
		return get_count(c, v, w, &n->max_props);
	}
	if (IS("minProperties")) {
		n->has |= H_MIN_PROPS;
		return get_count(c, v, w, &n->min_props);
	}
	if (IS("uniqueItems")) {
		if (!json_is_boolean(v)) {
			bad(c, w, "must be true or false");
			return -1;
		}
		n->unique = json_is_true(v);
		return 0;
	}
	if (IS("pattern")) {
		if (!json_is_string(v)) {
			bad(c, w, "must be a string");
			return -1;
		}
		n->pattern = compile_re(
		    c, json_string_value(v), json_string_length(v), w);
		return n->pattern ? 0 : -1;
	}
	if (IS("format")) {
		if (!json_is_string(v)) {
			bad(c, w, "must be a string");
			return -1;
		}
		/* Other formats are annotations: draft-07 lets us ignore
		 * them. */
		if (!strcmp(json_string_value(v), "date"))
			n->format = FMT_DATE;
		else if (!strcmp(json_string_value(v), "date-time"))
			n->format = FMT_DATETIME;
		return 0;
	}
	if (IS("items")) {
		if (json_is_array(v))
			return (n->itemv = compile_array(
				    c, v, base, w, depth, &n->nitemv, 0))
				   ? 0
				   : -1;
		return (n->items = compile(c, v, base, w, depth + 1)) ? 0 : -1;
	}
	if (IS("allOf"))
		return (n->all_of = compile_array(
			    c, v, base, w, depth, &n->nall_of, 1))
			   ? 0
			   : -1;
	if (IS("anyOf"))
		return (n->any_of = compile_array(
			    c, v, base, w, depth, &n->nany_of, 1))
			   ? 0
			   : -1;
	if (IS("oneOf"))
		return (n->one_of = compile_array(
			    c, v, base, w, depth, &n->none_of, 1))
			   ? 0
			   : -1;
	if (IS("required"))
		return (n->required = compile_names(c, v, w, &n->nrequired))
			   ? 0
			   : -1;
	if (IS("properties"))
		return compile_props(c, n, v, base, w, depth);
	if (IS("patternProperties"))
		return compile_pprops(c, n, v, base, w, depth);
	if (IS("dependencies"))
		return compile_deps(c, n, v, base, w, depth);
	{
		static const struct {
			const char *kw;
			size_t off;
		} one[] = {
		    {"additionalItems",
			offsetof(struct node, additional_items)},
		    {"additionalProperties",
			offsetof(struct node, additional_props)},
		    {"contains", offsetof(struct node, contains)},
		    {"propertyNames", offsetof(struct node, property_names)},
		    {"if", offsetof(struct node, if_)},
		    {"then", offsetof(struct node, then_)},
		    {"else", offsetof(struct node, else_)},
		    {"not", offsetof(struct node, not_)},
		};

		for (i = 0; i < sizeof(one) / sizeof(one[0]); i++) {
			struct node **slot;

			if (strlen(one[i].kw) != kwlen ||
			    memcmp(one[i].kw, kw, kwlen))
				continue;
			slot = (struct node **)(void *)((char *)n + one[i].off);
			return (*slot = compile(c, v, base, w, depth + 1)) ? 0
									   : -1;
		}
	}
	if ((IS("$id") || IS("$schema") || IS("$comment") || IS("title") ||
		IS("description")) &&
	    !json_is_string(v)) {
		bad(c, w, "must be a string");
		return -1;
	}
	return 0; /* definitions (done), annotations, unknown keywords */
}

#undef IS

static struct node *
compile(
    struct comp *c, json_t *j, const char *base, const char *where, int depth)
{
	struct loc *l;
	struct node *n;
	json_t *ref, *defs;
	void *it;

	if (c->failed || !where)
		return NULL;
	if (depth > MAX_SCHEMA_DEPTH) {
		bad(c, where, "nested too deeply");
		return NULL;
	}
	if ((l = map_get(c, j))) {
		if (l->node)
			return l->node; /* shared, or a ref target met again */
		base = l->base;
	} else if (!(base = apply_id(c, j, base, where, 0))) {
		return NULL;
	}
	if (!(n = arena_alloc(c->s, sizeof(*n))) || !(l = map_put(c, j)) ||
	    cspr_grow(&c->nodes, &c->capnodes, c->nnodes + 1,
	    sizeof(*c->nodes)) < 0) {
		oom(c);
		return NULL;
	}
	l->base = base;
	l->node = n;
	c->nodes[c->nnodes++] = n;
	n->where = where;
	if (json_is_boolean(j)) {
		n->is_bool = 1;
		n->bool_val = json_is_true(j);
		return n;
	}
	if (!json_is_object(j)) {
		bad(c, where, "a schema must be an object, true or false");
		return NULL;
	}
	/* Compiled even beside $ref and when unused: a mistake in them is
	 * still a mistake in the schema. */
	if ((defs = json_object_get(j, "definitions"))) {
		const char *w = kw_where(c, where, "definitions");

		if (!w)
			return NULL;
		if (!json_is_object(defs)) {
			bad(c, w, "must be an object");
			return NULL;
		}
		for (it = json_object_iter(defs); it;
		     it = json_object_iter_next(defs, it))
			if (!compile(c, json_object_iter_value(it), base,
				child_where(c, w, json_object_iter_key(it),
				    json_object_iter_key_len(it)),
				depth + 1))
				return NULL;
	}
	if ((ref = json_object_get(j, "$ref"))) {
		const char *w = kw_where(c, where, "$ref"), *uri;

		if (!w)
			return NULL;
		if (!json_is_string(ref)) {
			bad(c, w, "must be a string");
			return NULL;
		}
		if (!(uri = uri_resolve(c, base, json_string_value(ref))))
			return NULL;
		if (cspr_grow(&c->pend, &c->cappend, c->npend + 1,
		    sizeof(*c->pend)) < 0) {
			oom(c);
			return NULL;
		}
		c->pend[c->npend].node = n;
		c->pend[c->npend].uri = uri;
		c->pend[c->npend].where = w;
		c->npend++;
		return n;
	}
	for (it = json_object_iter(j); it; it = json_object_iter_next(j, it))
		if (compile_keyword(c, n, json_object_iter_key(it),
			json_object_iter_key_len(it),
			json_object_iter_value(it), base, depth) < 0)
			return NULL;
	n->kw_num = (n->has & H_NUMBER) != 0;
	n->kw_str =
	    (n->has & (H_MAX_LENGTH | H_MIN_LENGTH)) || n->pattern || n->format;
	n->kw_arr = (n->has & (H_MAX_ITEMS | H_MIN_ITEMS)) || n->unique ||
		    n->items || n->itemv || n->contains;
	n->kw_obj = (n->has & (H_MAX_PROPS | H_MIN_PROPS)) || n->nrequired ||
		    n->nprops || n->npprops || n->additional_props ||
		    n->ndeps || n->property_names;
	n->kw_rare = n->enumv || n->constv || n->nall_of || n->nany_of ||
	    n->none_of || n->not_ || (n->if_ && (n->then_ || n->else_));
	return c->failed ? NULL : n;
}

/* Follow a JSON Pointer (a URI fragment, so %-encoded too) from j. */
static json_t *
follow_pointer(struct comp *c, json_t *j, const char *frag, const char **where)
{
	struct buf b = {0}, tok = {0};
	const char *p, *end;
	size_t i;

	/* %-decoding first: "%25" is "%", then "~0" "~1" per token. */
	for (p = frag; *p; p++) {
		int hi = *p == '%' && p[1] ? hex_value(p[1]) : -1;
		int lo = hi >= 0 && p[2] ? hex_value(p[2]) : -1;

		if (lo >= 0) {
			char ch = (char)(hi * 16 + lo);

			buf_add(&b, &ch, 1);
			p += 2;
		} else {
			buf_add(&b, p, 1);
		}
	}
	if (b.oom) {
		oom(c);
		goto out;
	}
	for (p = b.p + 1, end = b.p + b.n; j && p <= end; p += i + 1) {
		const char *q = p;

		tok.n = 0;
		for (i = 0; q + i < end && q[i] != '/'; i++) {
			if (q[i] != '~') {
				buf_add(&tok, q + i, 1);
				continue;
			}
			if (q + i + 1 < end &&
			    (q[i + 1] == '0' || q[i + 1] == '1')) {
				buf_add(&tok, q[i + 1] == '0' ? "~" : "/", 1);
				i++;
			} else {
				j = NULL;
				break;
			}
		}
		if (!j)
			break;
		buf_add(&tok, "", 0);
		if (tok.oom) {
			oom(c);
			j = NULL;
			break;
		}
		if (json_is_object(j)) {
			*where = child_where(c, *where, tok.p, tok.n);
			j = json_object_getn(j, tok.p, tok.n);
		} else if (json_is_array(j)) {
			size_t k, idx = 0;

			for (k = 0;
			     k < tok.n && tok.p[k] >= '0' && tok.p[k] <= '9';
			     k++)
				idx = idx * 10 + (size_t)(tok.p[k] - '0');
			if (tok.n == 0 || k < tok.n ||
			    (tok.n > 1 && tok.p[0] == '0') || k > 9) {
				j = NULL;
				break;
			}
			*where = child_where(c, *where, NULL, idx);
			j = json_array_get(j, idx);
		} else {
			j = NULL;
		}
	}
out:
	free(b.p);
	free(tok.p);
	return j;
}

static int
load_meta(struct comp *c)
{
	if (!(c->s->meta = json_loads(cspr_schema_draft07_json, 0, NULL))) {
		oom(c); /* the text is known good */
		return -1;
	}
	index_ids(c, c->s->meta, "", META_URI "#", 0);
	return c->failed ? -1 : 0;
}

/* Point every $ref at its compiled target; targets may hold more. */
static void
resolve_refs(struct comp *c)
{
	size_t i;

	for (i = 0; i < c->npend && !c->failed; i++) {
		struct pending p = c->pend[i];
		const char *hash = strchr(p.uri, '#');
		size_t dn = hash ? (size_t)(hash - p.uri) : strlen(p.uri);
		const char *base = NULL, *where = NULL;
		struct res *r = find_res(c, p.uri, dn);
		struct loc *l;
		json_t *t;

		if (!r && !c->s->meta && dn == strlen(META_URI) &&
		    !memcmp(p.uri, META_URI, dn)) {
			if (load_meta(c) < 0)
				return;
			r = find_res(c, p.uri, dn);
		}
		t = NULL;
		if (r && (!hash || !hash[1])) {
			t = r->json;
			base = r->base;
			where = r->where;
		} else if (r && hash[1] == '/') {
			where = r->where;
			t = follow_pointer(c, r->json, hash + 1, &where);
			base = (l = map_get(c, t)) ? l->base : r->base;
		} else if (hash && (r = find_res(c, p.uri, strlen(p.uri)))) {
			t = r->json;
			base = r->base;
			where = r->where;
		}
		if (c->failed)
			return;
		if (!t) {
			bad(c, p.where, "cannot resolve \"%s\"", p.uri);
			return;
		}
		p.node->ref = compile(c, t, base, where, 0);
	}
}

/* The i-th subschema applied to the same value as n, or NULL. */
static const struct node *
same_value_edge(const struct node *n, size_t i)
{
	const struct node *const one[] = {n->not_, n->if_, n->then_, n->else_};
	size_t k;

	if (n->ref)
		return i == 0 ? n->ref : NULL;
	if (i < n->nall_of)
		return n->all_of[i];
	i -= n->nall_of;
	if (i < n->nany_of)
		return n->any_of[i];
	i -= n->nany_of;
	if (i < n->none_of)
		return n->one_of[i];
	i -= n->none_of;
	for (k = 0; k < 4; k++)
		if (one[k] && i-- == 0)
			return one[k];
	for (k = 0; k < n->ndeps; k++)
		if (n->deps[k].schema && i-- == 0)
			return n->deps[k].schema;
	return NULL;
}

struct frame {
	struct node *n;
	size_t i; /* the next edge to follow */
};

/* A cycle through $ref that never moves into the value ({"$ref": "#"} at
 * the top) would recurse for ever: refuse the schema.  Depth-first, with
 * a stack of our own: a chain of refs can be as long as the schema. */
static void
check_cycles(struct comp *c)
{
	struct frame *st;
	size_t k, top;

	if (!(st = malloc((c->nnodes + 1) * sizeof(*st)))) {
		oom(c);
		return;
	}
	for (k = 0; k < c->nnodes && !c->failed; k++) {
		if (c->nodes[k]->state)
			continue;
		c->nodes[k]->state = 1;
		st[0].n = c->nodes[k];
		st[0].i = 0;
		top = 1;
		while (top > 0) {
			struct frame *f = &st[top - 1];
			struct node *next =
			    (struct node *)same_value_edge(f->n, f->i++);

			if (!next) {
				f->n->state = 2;
				top--;
			} else if (next->state == 1) {
				bad(c, next->where,
				    "$ref cycle: this schema refers back to "
				    "itself without descending into the value");
				break;
			} else if (next->state == 0) {
				next->state = 1;
				st[top].n = next;
				st[top].i = 0;
				top++;
			}
		}
	}
	free(st);
}

struct cspr_schema *
cspr_schema_compile(json_t *schema, struct cspr_errors *e)
{
	struct comp c;
	struct cspr_schema *s;

	memset(&c, 0, sizeof(c));
	c.e = e;
	if (!schema) {
		cspr_errors_add(e, "", 0, 0, ".", "invalid schema: none given");
		return NULL;
	}
	if (!(s = calloc(1, sizeof(*s)))) {
		oom(&c);
		return NULL;
	}
	c.s = s;
	s->doc = json_incref(schema);
	/* The document itself is the resource "" (no base URI given). */
	if (add_res(&c, "", schema, "", ".") == 0)
		index_ids(&c, schema, "", ".", 0);
	if (!c.failed)
		s->root = compile(&c, schema, "", ".", 0);
	if (!c.failed)
		resolve_refs(&c);
	if (!c.failed)
		check_cycles(&c);
	free(c.map);
	free(c.res);
	free(c.pend);
	free(c.nodes);
	if (c.failed || !s->root)
		cspr_schema_free(&s);
	return s;
}

void
cspr_schema_free(struct cspr_schema **sp)
{
	struct cspr_schema *s = sp ? *sp : NULL;
	struct compiled_re *r;
	struct block *b;

	if (!s)
		return;
	for (r = s->regexes; r; r = r->next)
		regfree(&r->re);
	while ((b = s->arena)) {
		s->arena = b->next;
		free(b);
	}
	json_decref(s->doc);
	json_decref(s->meta);
	free(s);
	*sp = NULL;
}

json_t *
cspr_schema_doc(const struct cspr_schema *s)
{
	return s ? s->doc : NULL;
}

/* ---- validating ---- */

/* One step down into the instance. */
struct seg {
	const char *key; /* NULL: an array index */
	size_t len;	 /* the key's length, or the index */
	size_t ord;	 /* position among its siblings: failures are sorted
			    by it into instance order */
};

struct fail {
	char *path, *msg;
	size_t *ord, nord, seq;
	int at_key; /* an unknown field: shown at its key */
};

struct vctx {
	struct seg seg[MAX_DEPTH];
	int depth, evals, oom;
	struct fail *f;
	size_t nf, capf;
	size_t more; /* failures beyond CSPR_MAX_ERRORS, counted only */
	long steps;  /* spent of MAX_STEPS; past it, every check fails */
};

/* Record a failure at the current path; returns 1, the count to add. */
__attribute__((format(printf, 2, 3))) static int
report(struct vctx *c, const char *fmt, ...)
{
	struct buf p = {0}, m = {0};
	struct fail *f;
	va_list ap;
	int i;

	/* past the budget of steps, what fails is the budget's fault */
	if (c->steps > MAX_STEPS)
		return 1;
	/* a file can fail at every one of its values: the first ones are
	 * kept, the rest counted, so that memory stays small */
	if (c->nf >= CSPR_MAX_ERRORS) {
		c->more++;
		return 1;
	}
	if (cspr_grow(&c->f, &c->capf, c->nf + 1, sizeof(*c->f)) < 0) {
		c->oom = 1;
		return 1;
	}
	f = &c->f[c->nf];
	memset(f, 0, sizeof(*f));
	if (c->depth == 0)
		buf_add(&p, ".", 1);
	for (i = 0; i < c->depth; i++)
		buf_addseg(&p, i == 0, c->seg[i].key, c->seg[i].len);
	va_start(ap, fmt);
	buf_vaddf(&m, fmt, ap);
	va_end(ap);
	f->path = buf_take(&p);
	f->msg = buf_take(&m);
	f->nord = (size_t)c->depth;
	if (f->nord && (f->ord = malloc(f->nord * sizeof(*f->ord))))
		for (i = 0; i < c->depth; i++)
			f->ord[i] = c->seg[i].ord;
	if (!f->path || !f->msg || (f->nord && !f->ord)) {
		free(f->path);
		free(f->msg);
		free(f->ord);
		c->oom = 1;
		return 1;
	}
	f->seq = c->nf++;
	return 1;
}

/* In quiet mode (inside anyOf, oneOf, not, if, contains and
 * propertyNames) the first failure is the answer: nothing is recorded. */
#define FAIL(...)                                                              \
	do {                                                                   \
		if (quiet)                                                     \
			return 1;                                              \
		nf += report(c, __VA_ARGS__);                                  \
	} while (0)
#define ADD(expr)                                                              \
	do {                                                                   \
		int r_ = (expr);                                               \
		if (r_ && quiet)                                               \
			return r_;                                             \
		nf += r_;                                                      \
	} while (0)

static int validate(struct vctx *, const struct node *, json_t *, int);

static int
type_ok(unsigned types, json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return types & T_OBJECT;
	case JSON_ARRAY:
		return types & T_ARRAY;
	case JSON_STRING:
		return types & T_STRING;
	case JSON_INTEGER:
		return types & (T_INTEGER | T_NUMBER);
	case JSON_REAL:
		return (types & T_NUMBER) ||
		       ((types & T_INTEGER) &&
			   dfloor(json_real_value(v)) == json_real_value(v));
	case JSON_TRUE:
	case JSON_FALSE:
		return types & T_BOOLEAN;
	default:
		return types & T_NULL;
	}
}

static int
in_enum(struct vctx *c, const struct node *n, json_t *v)
{
	size_t i, len;
	const char *s;

	if (json_is_string(v)) { /* the usual case */
		s = json_string_value(v);
		len = json_string_length(v);
		for (i = 0; i < n->nenum_str; i++)
			if (n->enum_str[i].len == len &&
			    same_bytes(n->enum_str[i].s, s, len))
				return 1;
		return 0;
	}
	if (n->enum_only_str)
		return 0;
	for (i = 0; i < json_array_size(n->enumv); i++) {
		c->steps++; /* an enum of many values is many steps */
		if (equal(json_array_get(n->enumv, i), v, 0))
			return 1;
	}
	return 0;
}

/* re_match() past the usual case; kept apart so that re_match() is
 * inlined. */
__attribute__((noinline)) static int
re_search(struct vctx *c, const struct compiled_re *r, const char *s,
    size_t len)
{
	regmatch_t m[1];
	size_t i;

	if (r->literal) {
		if (len < r->litlen)
			return 0;
		if (r->at_start)
			return (!r->at_end || len == r->litlen) &&
			       !memcmp(s, r->lit, r->litlen);
		if (r->at_end)
			return !memcmp(s + len - r->litlen, r->lit, r->litlen);
		for (i = 0; i + r->litlen <= len; i++)
			if (!memcmp(s + i, r->lit, r->litlen))
				return 1;
		return 0;
	}
	/* glibc's matcher takes about 2 ns per byte and per position of the
	 * pattern: a step is about 16 such.  A match that would overrun the
	 * budget is not started (it cannot be stopped once it is). */
	{
		size_t reads = r->bounded && len > r->size ? r->size : len;
		long cost = (long)(reads / 8 + 1) * (long)(r->size + 1);

		if (c->steps + cost > MAX_STEPS) {
			c->steps = MAX_STEPS + 1;
			return 0;
		}
		c->steps += cost;
	}
	if (r->fast)
		return fast_match(r->fast, s, len);
	/* REG_STARTEND: the length is the string's, NULs and all. */
	m[0].rm_so = 0;
	m[0].rm_eo = (regoff_t)len;
	switch (regexec(&r->re, s, 1, m, REG_STARTEND)) {
	case 0:
		return 1;
	case REG_NOMATCH:
		return 0;
	default:
		/* out of memory, not a mismatch: the value is not at fault */
		c->oom = 1;
		return 1;
	}
}

static int
re_match(struct vctx *c, const struct compiled_re *r, const char *s,
    size_t len)
{
	c->steps++;
	/* patternProperties "^x-", tried on every key: small enough to be
	 * inlined, and most keys differ at their first byte */
	if (r->prefix)
		return len >= r->litlen && s[0] == r->lit[0] &&
		    !memcmp(s, r->lit, r->litlen);
	return re_search(c, r, s, len);
}

static const char *
plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static int
check_number(struct vctx *c, const struct node *n, json_t *v, int quiet)
{
	struct buf b = {0};
	struct num x;
	int nf = 0;

	num_get(v, &x);
	if ((n->has & H_MAXIMUM) && num_cmp(&x, &n->maximum) > 0) {
		if (quiet)
			return 1;
		buf_addnum(&b, &n->maximum);
		nf += report(c, "must be at most %s", b.p ? b.p : "?");
	}
	if ((n->has & H_XMAXIMUM) && num_cmp(&x, &n->xmaximum) >= 0) {
		if (quiet)
			return 1;
		b.n = 0;
		buf_addnum(&b, &n->xmaximum);
		nf += report(c, "must be less than %s", b.p ? b.p : "?");
	}
	if ((n->has & H_MINIMUM) && num_cmp(&x, &n->minimum) < 0) {
		if (quiet)
			return 1;
		b.n = 0;
		buf_addnum(&b, &n->minimum);
		nf += report(c, "must be at least %s", b.p ? b.p : "?");
	}
	if ((n->has & H_XMINIMUM) && num_cmp(&x, &n->xminimum) <= 0) {
		if (quiet)
			return 1;
		b.n = 0;
		buf_addnum(&b, &n->xminimum);
		nf += report(c, "must be greater than %s", b.p ? b.p : "?");
	}
	if ((n->has & H_MULTIPLE_OF) && !is_multiple(&x, &n->multiple_of)) {
		if (quiet)
			return 1;
		b.n = 0;
		buf_addnum(&b, &n->multiple_of);
		nf += report(c, "must be a multiple of %s", b.p ? b.p : "?");
	}
	free(b.p);
	return nf;
}

static int
check_string(struct vctx *c, const struct node *n, json_t *v, int quiet)
{
	const char *s = json_string_value(v);
	size_t len = json_string_length(v);
	int nf = 0;

	if (n->has & (H_MAX_LENGTH | H_MIN_LENGTH)) {
		size_t i, chars = 0;

		/* Characters, not bytes: count all but UTF-8 continuation
		 * bytes. */
		for (i = 0; i < len; i++)
			chars += ((unsigned char)s[i] & 0xc0) != 0x80;
		if ((n->has & H_MAX_LENGTH) && chars > n->max_length)
			FAIL("must be at most %zu %s long", n->max_length,
			    plural(n->max_length, "character", "characters"));
		if ((n->has & H_MIN_LENGTH) && chars < n->min_length) {
			if (n->min_length == 1)
				FAIL("must not be empty");
			else
				FAIL("must be at least %zu characters long",
				    n->min_length);
		}
	}
	if (n->pattern && !re_match(c, n->pattern, s, len))
		FAIL("does not match the required pattern");
	if (n->format == FMT_DATE && !is_date(s, len))
		FAIL("must be a date (YYYY-MM-DD) that exists");
	if (n->format == FMT_DATETIME && !is_datetime(s, len))
		FAIL("must be a date and time (YYYY-MM-DDTHH:MM:SS with a time "
		     "zone) that exists");
	return nf;
}

static int
check_array(struct vctx *c, const struct node *n, json_t *v, int quiet)
{
	size_t i, size = json_array_size(v);
	int nf = 0;

	if ((n->has & H_MAX_ITEMS) && size > n->max_items)
		FAIL("must have at most %zu %s", n->max_items,
		    plural(n->max_items, "item", "items"));
	if ((n->has & H_MIN_ITEMS) && size < n->min_items)
		FAIL("must have at least %zu %s", n->min_items,
		    plural(n->min_items, "item", "items"));
	if (n->unique) {
		int u = unique(v);

		if (u < 0)
			c->oom = 1;
		if (u <= 0)
			FAIL("items must be unique");
	}
	if (n->items || n->itemv || n->contains) {
		const struct node *extra =
		    n->itemv ? n->additional_items : NULL;
		int found = 0;

		if (c->depth >= MAX_DEPTH) {
			FAIL("is nested too deeply");
			return nf;
		}
		if (extra && extra->is_bool && !extra->bool_val &&
		    size > n->nitemv) {
			/* One failure for the array, not one per item. */
			FAIL("must have at most %zu %s", n->nitemv,
			    plural(n->nitemv, "item", "items"));
			extra = NULL;
		}
		c->depth++;
		for (i = 0; i < size; i++) {
			json_t *x = json_array_get(v, i);
			const struct node *sub = n->items;

			c->seg[c->depth - 1].key = NULL;
			c->seg[c->depth - 1].len = i;
			c->seg[c->depth - 1].ord = i;
			if (n->itemv)
				sub = i < n->nitemv ? n->itemv[i] : extra;
			if (sub)
				ADD(validate(c, sub, x, quiet));
			if (n->contains && !found)
				found = validate(c, n->contains, x, 1) == 0;
		}
		c->depth--;
		if (n->contains && !found)
			FAIL("must contain at least one matching item");
	}
	return nf;
}

static const struct prop *
prop_find(const struct node *n, const char *key, size_t len)
{
	uint32_t h = key_hash(key, len), k;

	for (k = h & n->pmask; n->ptab[k]; k = (k + 1) & n->pmask) {
		const struct prop *p = &n->props[n->ptab[k] - 1];

		if (p->hash == h && p->len == len && same_bytes(p->key, key, len))
			return p;
	}
	return NULL;
}

/* A key as a quoted string for a message. */
static char *
quote(const char *s, size_t n)
{
	struct buf b = {0};

	buf_addq(&b, s, n);
	return buf_take(&b);
}

/* A key the schema does not know, for a message: its first
 * UNKNOWN_KEY_CHARS characters and "...", as a key that is no field name
 * may be someone's name or address (the path still places it). */
#define UNKNOWN_KEY_CHARS 16
static char *
quote_unknown(const char *s, size_t n)
{
	struct buf b = {0};
	size_t i = 0, chars = 0;

	while (i < n && chars < UNKNOWN_KEY_CHARS) {
		i++;
		while (i < n && ((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		chars++;
	}
	buf_addq(&b, s, i);
	if (i < n)
		buf_add(&b, "...", 3);
	return buf_take(&b);
}

/* The edit distance of a and b (insertions, deletions, substitutions and
 * swaps of neighbours, each 1), or max + 1 once it is over max: field
 * names are short, and a misspelling is a letter or two out. */
static size_t
edits(const char *a, size_t na, const char *b, size_t nb, size_t max)
{
	size_t d[3][34], i, j, best;

	if (na > 32 || nb > 32 || (na > nb ? na - nb : nb - na) > max)
		return max + 1;
	for (j = 0; j <= nb; j++)
		d[0][j] = j;
	for (i = 1; i <= na; i++) {
		size_t *cur = d[i % 3], *prev = d[(i - 1) % 3];
		size_t *prev2 = d[(i + 1) % 3];

		cur[0] = best = i;
		for (j = 1; j <= nb; j++) {
			size_t v = prev[j - 1] + (a[i - 1] != b[j - 1]);

			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < v)
				v = prev2[j - 2] + 1;
			cur[j] = v;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
	}
	return d[na % 3][nb];
}

/* The field of n that an unknown key is most likely a misspelling of:
 * within two edits (one for a key of four letters or fewer; none below
 * three, where every short key is near every other), the nearest, the
 * first of the schema's order on a tie; NULL when none is near. */
static const struct prop *
nearest_prop(const struct node *n, const char *key, size_t len)
{
	const struct prop *best = NULL;
	size_t max = len <= 4 ? 1 : 2, d, bd = max + 1;

	if (len < 3)
		return NULL;

	for (size_t i = 0; i < n->nprops; i++) {
		d = edits(key, len, n->props[i].key, n->props[i].len, max);
		if (d < bd) {
			bd = d;
			best = &n->props[i];
		}
	}
	return best;
}

static int
check_member(struct vctx *c, const struct node *n, const char *key, size_t len,
    json_t *x, int quiet)
{
	const struct prop *p;
	int nf = 0, matched = 0;
	size_t i;
	char *q;

	if (n->property_names) {
		json_t *k = json_stringn(key, len);
		int r = k ? validate(c, n->property_names, k, 1) : 0;

		if (!k)
			c->oom = 1;
		json_decref(k);
		if (r) {
			if (quiet)
				return 1;
			q = quote(key, len);
			nf += report(
			    c, "field name %s is not allowed", q ? q : "");
			free(q);
		}
	}
	if (n->nprops && (p = prop_find(n, key, len))) {
		matched = 1;
		ADD(validate(c, p->schema, x, quiet));
	}
	for (i = 0; i < n->npprops; i++) {
		if (re_match(c, n->pprops[i].re, key, len)) {
			matched = 1;
			ADD(validate(c, n->pprops[i].schema, x, quiet));
		}
	}
	if (!matched && n->additional_props) {
		const struct node *a = n->additional_props;

		if (a->is_bool && !a->bool_val) {
			if (quiet)
				return 1;
			/* only for what is reported: a file can have as many
			 * unknown keys as values */
			const struct prop *near = c->nf < CSPR_MAX_ERRORS &&
			    c->steps <= MAX_STEPS ? nearest_prop(n, key, len) :
			    NULL;
			char *q2 = near ? quote(near->key, near->len) : NULL;
			size_t before = c->nf;

			q = quote_unknown(key, len);
			if (q2)
				nf += report(c, "unknown field %s (did you mean "
				    "%s?)", q ? q : "", q2);
			else
				nf += report(c, "unknown field %s", q ? q : "");
			if (c->nf > before)
				c->f[c->nf - 1].at_key = 1;
			free(q);
			free(q2);
		} else {
			ADD(validate(c, a, x, quiet));
		}
	}
	return nf;
}

static int
check_object(struct vctx *c, const struct node *n, json_t *v, int quiet)
{
	size_t i, j, size = json_object_size(v), ord;
	int nf = 0;
	char *q, *q2;
	void *it;

	if ((n->has & H_MAX_PROPS) && size > n->max_props)
		FAIL("must have at most %zu %s", n->max_props,
		    plural(n->max_props, "field", "fields"));
	if ((n->has & H_MIN_PROPS) && size < n->min_props)
		FAIL("must have at least %zu %s", n->min_props,
		    plural(n->min_props, "field", "fields"));
	for (i = 0; i < n->nrequired; i++) {
		const struct str *r = &n->required[i];

		if (json_object_getn(v, r->s, r->len))
			continue;
		if (quiet)
			return 1;
		q = quote(r->s, r->len);
		nf += report(c, "missing required field %s", q ? q : "");
		free(q);
	}
	for (i = 0; i < n->ndeps; i++) {
		const struct dep *d = &n->deps[i];

		if (!json_object_getn(v, d->key.s, d->key.len))
			continue;
		if (d->schema && d->schema->is_bool && !d->schema->bool_val) {
			if (quiet)
				return 1;
			q = quote(d->key.s, d->key.len);
			nf += report(
			    c, "field %s is not allowed here", q ? q : "");
			free(q);
		} else if (d->schema) {
			ADD(validate(c, d->schema, v, quiet));
		}
		for (j = 0; j < d->nnames; j++) {
			if (json_object_getn(v, d->names[j].s, d->names[j].len))
				continue;
			if (quiet)
				return 1;
			q = quote(d->key.s, d->key.len);
			q2 = quote(d->names[j].s, d->names[j].len);
			nf += report(c, "field %s requires field %s",
			    q ? q : "", q2 ? q2 : "");
			free(q);
			free(q2);
		}
	}
	if (!n->nprops && !n->npprops && !n->additional_props &&
	    !n->property_names)
		return nf;
	if (size && c->depth >= MAX_DEPTH) {
		FAIL("is nested too deeply");
		return nf;
	}
	c->depth++;
	for (it = json_object_iter(v), ord = 0; it;
	     it = json_object_iter_next(v, it), ord++) {
		struct seg *s = &c->seg[c->depth - 1];

		s->key = json_object_iter_key(it);
		s->len = json_object_iter_key_len(it);
		s->ord = ord;
		ADD(check_member(
		    c, n, s->key, s->len, json_object_iter_value(it), quiet));
	}
	c->depth--;
	return nf;
}

static int
check(struct vctx *c, const struct node *n, json_t *v, int quiet)
{
	size_t i, matches;
	int nf = 0;

	while (n->ref)
		n = n->ref;
	if (n->is_bool) {
		if (!n->bool_val)
			FAIL("is not allowed");
		return nf;
	}
	/* A value of the wrong type fails its other keywords too, or they
	 * do not apply: the type says it all. */
	if (n->types && !type_ok(n->types, v)) {
		FAIL("%s", n->type_msg);
		return nf;
	}
	if (n->kw_rare && n->enumv && !in_enum(c, n, v))
		FAIL("%s", n->enum_msg);
	if (n->kw_rare && n->constv && !equal(n->constv, v, 0))
		FAIL("%s", n->const_msg);
	switch (json_typeof(v)) {
	case JSON_INTEGER:
	case JSON_REAL:
		if (n->kw_num)
			ADD(check_number(c, n, v, quiet));
		break;
	case JSON_STRING:
		if (n->kw_str)
			ADD(check_string(c, n, v, quiet));
		break;
	case JSON_ARRAY:
		if (n->kw_arr)
			ADD(check_array(c, n, v, quiet));
		break;
	case JSON_OBJECT:
		if (n->kw_obj)
			ADD(check_object(c, n, v, quiet));
		break;
	default:
		break;
	}
	if (!n->kw_rare)
		return nf;
	for (i = 0; i < n->nall_of; i++)
		ADD(validate(c, n->all_of[i], v, quiet));
	if (n->nany_of) {
		for (i = 0; i < n->nany_of; i++)
			if (validate(c, n->any_of[i], v, 1) == 0)
				break;
		if (i == n->nany_of)
			FAIL("does not match any allowed form");
	}
	if (n->none_of) {
		for (i = 0, matches = 0; i < n->none_of && matches < 2; i++)
			matches += validate(c, n->one_of[i], v, 1) == 0;
		if (matches == 0)
			FAIL("does not match any allowed form");
		else if (matches > 1)
			FAIL("matches more than one allowed form");
	}
	if (n->not_ && validate(c, n->not_, v, 1) == 0)
		FAIL("matches a form that is not allowed");
	if (n->if_ && (n->then_ || n->else_)) {
		const struct node *t =
		    validate(c, n->if_, v, 1) == 0 ? n->then_ : n->else_;

		if (t)
			ADD(validate(c, t, v, quiet));
	}
	return nf;
}

static int
validate(struct vctx *c, const struct node *n, json_t *v, int quiet)
{
	int depth = c->depth, r;

	/* a schema can make the work grow exponentially with its nesting
	 * (allOf of two $refs to the next level, 40 levels): past the budget
	 * the instance fails, and cspr_schema_validate says why, once */
	if (++c->steps > MAX_STEPS)
		return 1;
	if (c->evals >= MAX_EVAL) {
		if (quiet)
			return 1;
		return report(c, "the schema is nested too deeply here");
	}
	c->evals++;
	r = check(c, n, v, quiet);
	c->evals--;
	c->depth = depth; /* a quiet failure returns from mid-walk */
	return r;
}

static int
fail_cmp(const void *a, const void *b)
{
	const struct fail *x = a, *y = b;
	size_t i;

	for (i = 0; i < x->nord && i < y->nord; i++)
		if (x->ord[i] != y->ord[i])
			return x->ord[i] < y->ord[i] ? -1 : 1;
	if (x->nord != y->nord)
		return x->nord < y->nord ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

static int
same_path(const struct fail *x, const struct fail *y)
{
	return x->nord == y->nord &&
	       (!x->nord || !memcmp(x->ord, y->ord, x->nord * sizeof(*x->ord)));
}

int
cspr_schema_validate(
    const struct cspr_schema *s, json_t *instance, struct cspr_errors *e)
{
	struct vctx c;
	size_t i, j, start;
	int n = 0;

	if (!s || !instance || !e)
		return -1;
	c.depth = c.evals = c.oom = 0;
	c.f = NULL;
	c.nf = c.capf = c.more = 0;
	c.steps = 0;
	validate(&c, s->root, instance, 0);
	if (c.nf > 1)
		qsort(c.f, c.nf, sizeof(*c.f), fail_cmp);
	for (i = start = 0; i < c.nf; i++) {
		int dup = 0;

		if (!same_path(&c.f[start], &c.f[i]))
			start = i;
		/* allOf branches may repeat each other's failures. */
		for (j = start; j < i && !dup; j++)
			dup = !strcmp(c.f[j].msg, c.f[i].msg);
		if (!dup && !c.oom) {
			if (cspr_errors_add(
				e, "", 0, 0, c.f[i].path, "%s", c.f[i].msg) < 0) {
				c.oom = 1;
			} else {
				e->v[e->n - 1].at_key = c.f[i].at_key;
				n++;
			}
		}
	}
	if (c.steps > MAX_STEPS && !c.oom) {
		if (cspr_errors_add(e, "", 0, 0, NULL, "checking this file "
		    "against the schema takes more than %ld steps: the schema "
		    "is too costly to check it", MAX_STEPS) < 0)
			c.oom = 1;
		else
			n++;
	}
	if (c.more && !c.oom) {
		if (cspr_errors_add(e, "", 0, 0, NULL, "%zu more %s not shown "
		    "(at most %d are)", c.more, c.more == 1 ? "error" :
		    "errors", CSPR_MAX_ERRORS) < 0)
			c.oom = 1;
		else
			n++;
	}
	for (i = 0; i < c.nf; i++) {
		free(c.f[i].path);
		free(c.f[i].msg);
		free(c.f[i].ord);
	}
	free(c.f);
	return c.oom ? -1 : n;
}
