/*
 * holidays.c - bank-holiday files: GOV.UK's bank-holidays.json or a plain
 * list of dates, read into a calendar (--holidays, CSP_HOLIDAYS).
 *
 * A plain list adds days (a partnership's own closure days) to whatever
 * the calendar holds.  A GOV.UK file is the government's word on the years
 * it covers: for each year with an event in it, the file's days replace
 * the built-in ones (and an earlier GOV.UK file's), so a holiday GOV.UK
 * moves, moves; the days of plain lists stay.  A file with any error, an
 * empty file (what a failed download leaves) or one with no holidays in it
 * changes nothing.
 *
 * GOV.UK's JSON is read by the case loader (JSON is YAML's flow style), so
 * every finding is placed at line:col by the loader's positions.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

#define MAX_DIAGNOSTICS 20 /* per file; then one "too many errors" */
#define DEFAULT_NAME "Bank holiday"
#define SUBSTITUTE " (substitute day)"
#define DIVISION "england-and-wales"
#define MAX_YEAR 9999 /* cspr_date_parse's years: 0001-9999 */
/* where an event and its fields are, for json_bad */
#define AT "." DIVISION ".events[%zu]"
#define AT_DATE AT ".date"
#define AT_TITLE AT ".title"

/* A holiday read from a file, held back until the whole file is good. */
struct pending {
	cspr_date d;
	const char *name; /* not terminated; in the buffer or the tree */
	size_t len;
	int substitute; /* append SUBSTITUTE to the name */
};

struct loader {
	const char *file;
	const char *buf; /* the text after any byte-order mark */
	size_t len;
	struct cspr_errors *e;
	struct pending *v;
	size_t n, cap;
	int nerr;
	int oom;
};

static void
out_of_memory(struct loader *l)
{
	if (!l->oom)
		cspr_errors_add(l->e, l->file, 0, 0, NULL, "out of memory");
	l->oom = 1;
}

static void bad(struct loader *l, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* A finding at line:col.  Past MAX_DIAGNOSTICS, one last finding says so
 * and the loader stops: a binary file must not yield a million lines. */
static void
bad(struct loader *l, long line, long col, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	if (l->nerr > MAX_DIAGNOSTICS)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (l->nerr++ == MAX_DIAGNOSTICS)
		snprintf(msg, sizeof(msg), "too many errors; giving up");
	if (cspr_errors_add(l->e, l->file, line, col, NULL, "%s", msg))
		out_of_memory(l);
}

static int
stopped(const struct loader *l)
{
	return l->oom || l->nerr > MAX_DIAGNOSTICS;
}

/* The 1-based column of p in a line starting at s, in characters. */
static long
column(const char *s, const char *p)
{
	long col = 1;

	for (; s < p; s++)
		col += ((unsigned char)*s & 0xc0) != 0x80;
	return col;
}

static void
add_pending(struct loader *l, cspr_date d, const char *name, size_t len,
    int substitute)
{
	if (cspr_grow(&l->v, &l->cap, l->n + 1, sizeof(*l->v)) < 0) {
		out_of_memory(l);
		return;
	}
	l->v[l->n].d = d;
	l->v[l->n].name = name;
	l->v[l->n].len = len;
	l->v[l->n].substitute = substitute;
	l->n++;
}

/* Offset of the first byte of s that does not begin valid UTF-8, or n. */
static size_t
utf8_check(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned long cp, min;
		unsigned need, c = s[i];

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			need = 1;
		else if (c >= 0xe0 && c <= 0xef)
			need = 2;
		else if (c >= 0xf0 && c <= 0xf4)
			need = 3;
		else
			return i;
		/* The smallest code point each length may carry: anything
		 * less is an overlong form. */
		min = need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000;
		cp = c & (0x7f >> (need + 1));
		if (n - i <= need)
			return i;
		for (unsigned j = 1; j <= need; j++) {
			if ((s[i + j] & 0xc0) != 0x80)
				return i;
			cp = cp << 6 | (s[i + j] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return i;
		i += need + 1;
	}
	return n;
}

/* Offset of the first control character in s, or n: names end up in
 * tab-separated output and on terminals. */
static size_t
control_check(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return i;
	return n;
}

enum { DATE_OK, DATE_SHAPE, DATE_UNREAL };

/* Is s (len bytes, not terminated) a YYYY-MM-DD naming a real date? */
static int
date_token(const char *s, size_t len, cspr_date *d)
{
	char t[11];

	if (len != 10)
		return DATE_SHAPE;
	for (size_t i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
			return DATE_SHAPE;
	memcpy(t, s, 10);
	t[10] = '\0';
	return cspr_date_parse(t, d) == 0 ? DATE_OK : DATE_UNREAL;
}

static int
blank(char ch)
{
	return ch == ' ' || ch == '\t';
}

/* ---- a plain list ---- */

/* One line of a plain list, s to end without the newline:
 * [blanks] YYYY-MM-DD [blanks name] [blank # comment] */
static void
plain_line(struct loader *l, const char *s, const char *end, long line)
{
	const char *p = s, *tok, *name, *q;
	size_t n, at;
	cspr_date d;

	while (p < end && blank(*p))
		p++;
	if (p == end || *p == '#')
		return;
	for (tok = p; p < end && !blank(*p); p++)
		;
	switch (date_token(tok, (size_t)(p - tok), &d)) {
	case DATE_SHAPE:
		bad(l, line, column(s, tok), "expected a date YYYY-MM-DD");
		return;
	case DATE_UNREAL:
		bad(l, line, column(s, tok), "not a calendar date: %.10s", tok);
		return;
	}
	while (p < end && blank(*p))
		p++;
	/* A '#' after a blank starts a comment, as in the shell. */
	for (name = q = p; q < end && !(*q == '#' && blank(q[-1])); q++)
		;
	while (q > name && blank(q[-1]))
		q--;
	if ((n = (size_t)(q - name)) == 0) {
		add_pending(l, d, DEFAULT_NAME, strlen(DEFAULT_NAME), 0);
	} else if ((at = utf8_check((const unsigned char *)name, n)) < n) {
		bad(l, line, column(s, name + at),
		    "holiday name is not valid UTF-8");
	} else if ((at = control_check(name, n)) < n) {
		bad(l, line, column(s, name + at),
		    "control character in holiday name");
	} else {
		add_pending(l, d, name, n, 0);
	}
}

static void
load_plain(struct loader *l)
{
	const char *p = l->buf, *end = l->buf + l->len;
	long line = 1;

	while (p < end && !stopped(l)) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;

		/* CRLF line ends are tolerated; a lone CR is not one. */
		plain_line(l, p, eol > p && eol[-1] == '\r' ? eol - 1 : eol,
		    line++);
		p = nl ? nl + 1 : end;
	}
	if (!stopped(l) && l->nerr == 0 && l->n == 0)
		bad(l, 0, 0, "no holidays in the file (only blank lines and "
		    "comments)");
}

/* ---- GOV.UK's bank-holidays.json ---- */

static void json_bad(struct loader *l, const struct cspr_doc *doc,
    const char *msg, const char *path, ...)
    __attribute__((format(printf, 4, 5)));

/* The finding msg, placed at the value at path (jq-style, printf-style
 * with the arguments after it), or at the nearest ancestor present. */
static void
json_bad(struct loader *l, const struct cspr_doc *doc, const char *msg,
    const char *path, ...)
{
	char where[128];
	long line = 0, col = 0;
	va_list ap;

	va_start(ap, path);
	vsnprintf(where, sizeof(where), path, ap);
	va_end(ap);
	cspr_doc_pos(doc, where, &line, &col);
	bad(l, line, col, "%s", msg);
}

static void
json_event(struct loader *l, const struct cspr_doc *doc, json_t *ev,
    size_t i)
{
	json_t *date, *title, *notes;
	const char *s;
	char msg[64];
	size_t len;
	cspr_date d;

	if (!json_is_object(ev)) {
		json_bad(l, doc, "event is not an object", AT, i);
		return;
	}
	date = json_object_get(ev, "date");
	if (!json_is_string(date)) {
		if (date)
			json_bad(l, doc, "event has no \"date\" string",
			    AT_DATE, i);
		else
			json_bad(l, doc, "event has no \"date\" string", AT,
			    i);
		return;
	}
	s = json_string_value(date);
	len = json_string_length(date);
	switch (date_token(s, len, &d)) {
	case DATE_SHAPE:
		json_bad(l, doc, "expected a date YYYY-MM-DD", AT_DATE, i);
		return;
	case DATE_UNREAL:
		snprintf(msg, sizeof(msg), "not a calendar date: %.10s", s);
		json_bad(l, doc, msg, AT_DATE, i);
		return;
	}
	title = json_object_get(ev, "title");
	if (!json_is_string(title)) {
		if (title)
			json_bad(l, doc, "event has no \"title\" string",
			    AT_TITLE, i);
		else
			json_bad(l, doc, "event has no \"title\" string", AT,
			    i);
		return;
	}
	s = json_string_value(title);
	len = json_string_length(title);
	if (len == 0)
		json_bad(l, doc, "empty title", AT_TITLE, i);
	else if (control_check(s, len) < len)
		json_bad(l, doc, "control character in title", AT_TITLE, i);
	else {
		/* GOV.UK's titles leave "substitute day" to the notes and its
		 * pages add it to the name; so do we, to match the built-in
		 * names. */
		notes = json_object_get(ev, "notes");
		add_pending(l, d, s, len, json_is_string(notes) &&
		    !strcasecmp(json_string_value(notes), "substitute day"));
	}
}

/* Returns the document, which owns the pending names, for the caller to
 * free; NULL when the text is not even well-formed. */
static struct cspr_doc *
load_json(struct loader *l)
{
	struct cspr_doc *doc = NULL;
	json_t *root, *div, *events, *ev;
	size_t before = l->e->n, i;
	int r;

	r = cspr_load_buffer(l->file, l->buf, l->len, &doc, l->e);
	if (r == CSPR_ERROR) {
		l->oom = 1; /* the loader has said so */
		return NULL;
	}
	if (r != CSPR_OK) {
		l->nerr += (int)(l->e->n - before);
		return NULL;
	}
	root = cspr_doc_root(doc);
	if (!(div = json_object_get(root, DIVISION)))
		json_bad(l, doc, "no \"" DIVISION "\" division", ".");
	else if (!json_is_object(div))
		json_bad(l, doc, "\"" DIVISION "\" is not an object",
		    "." DIVISION);
	else if (!(events = json_object_get(div, "events")))
		json_bad(l, doc, "no \"events\" in \"" DIVISION "\"",
		    "." DIVISION);
	else if (!json_is_array(events))
		json_bad(l, doc, "\"events\" is not an array",
		    "." DIVISION ".events");
	else if (json_array_size(events) == 0)
		json_bad(l, doc, "no events in \"" DIVISION "\"",
		    "." DIVISION ".events");
	else
		json_array_foreach(events, i, ev) {
			if (stopped(l))
				break;
			json_event(l, doc, ev, i);
		}
	return doc;
}

/* ---- into the calendar ---- */

struct item {
	struct cspr_hday h;
	size_t order;
};

static int
by_date_then_order(const void *a, const void *b)
{
	const struct item *x = a, *y = b;

	if (x->h.d != y->h.d)
		return (x->h.d > y->h.d) - (x->h.d < y->h.d);
	return (x->order > y->order) - (x->order < y->order);
}

static int
year_of(cspr_date d)
{
	int y, m, day;

	cspr_date_ymd(d, &y, &m, &day);
	return y;
}

/*
 * Add the pending holidays to the calendar, all or nothing: copy their
 * names into one block, drop what a GOV.UK file replaces, then merge.
 * Where dates meet, the one added last wins: a loaded name over a built-in
 * one, a later line over an earlier.
 */
static int
merge(struct cspr_calendar *c, const struct loader *l, int source)
{
	unsigned char covered[MAX_YEAR / 8 + 1] = {0};
	const struct cspr_hday *old;
	struct cspr_hday *h = NULL;
	struct item *v = NULL;
	char *names = NULL, *p;
	size_t total = 0, n = 0, m = 0, nold;

	old = cspr_calendar_days(c, &nold);
	for (size_t i = 0; i < l->n; i++) {
		int y = year_of(l->v[i].d); /* 1-9999: a parsed date */

		covered[y / 8] |= (unsigned char)(1u << (y % 8));
		total += l->v[i].len + 1 +
		    (l->v[i].substitute ? strlen(SUBSTITUTE) : 0);
	}
	if (!(names = malloc(total)) ||
	    !(v = malloc((nold + l->n) * sizeof(*v))) ||
	    !(h = malloc((nold + l->n) * sizeof(*h))))
		goto fail;
	for (size_t i = 0; i < nold; i++) {
		int y = year_of(old[i].d);

		/* GOV.UK's word on its years replaces the rules' and an
		 * earlier GOV.UK file's, never a partnership's own days */
		if (source == CSPR_HOLIDAY_GOVUK &&
		    old[i].source != CSPR_HOLIDAY_LIST && y >= 1 &&
		    y <= MAX_YEAR && covered[y / 8] & (1u << (y % 8)))
			continue;
		v[n].h = old[i];
		v[n].order = n;
		n++;
	}
	p = names;
	for (size_t i = 0; i < l->n; i++, n++) {
		v[n].h.d = l->v[i].d;
		v[n].h.name = p;
		v[n].h.source = source;
		v[n].order = n;
		memcpy(p, l->v[i].name, l->v[i].len);
		p += l->v[i].len;
		if (l->v[i].substitute) {
			memcpy(p, SUBSTITUTE, strlen(SUBSTITUTE));
			p += strlen(SUBSTITUTE);
		}
		*p++ = '\0';
	}
	qsort(v, n, sizeof(*v), by_date_then_order);
	for (size_t i = 0; i < n; i++)
		if (i + 1 == n || v[i + 1].h.d != v[i].h.d)
			h[m++] = v[i].h;
	if (cspr_calendar_set(c, h, m, names) < 0)
		goto fail;
	free(v);
	return 0;
fail:
	free(names);
	free(v);
	free(h);
	return -1;
}

int
cspr_calendar_load_buffer(struct cspr_calendar *c, const char *name,
    const char *buf, size_t len, struct cspr_errors *e)
{
	struct loader l = {.file = name, .buf = buf, .len = len, .e = e};
	struct cspr_doc *doc = NULL;
	int source = CSPR_HOLIDAY_LIST, r;
	size_t i;

	if (len > CSPR_MAX_HOLIDAY_FILE) {
		bad(&l, 0, 0, "file too large (over %ld bytes)",
		    (long)CSPR_MAX_HOLIDAY_FILE);
		return l.oom ? CSPR_ERROR : CSPR_FINDINGS;
	}
	/* A byte-order mark, as Windows editors write, is neither a format
	 * hint nor a column. */
	if (len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3)) {
		l.buf += 3;
		l.len -= 3;
	}
	for (i = 0; i < l.len && strchr(" \t\r\n", l.buf[i]); i++)
		;
	if (i == l.len)
		bad(&l, 0, 0, "empty file: no holidays in it (a failed "
		    "download?)");
	else if (l.buf[i] == '{' || l.buf[i] == '[') {
		doc = load_json(&l);
		source = CSPR_HOLIDAY_GOVUK;
	} else
		load_plain(&l);
	if (l.oom)
		r = CSPR_ERROR;
	else if (l.nerr)
		r = CSPR_FINDINGS;
	else if (merge(c, &l, source)) {
		out_of_memory(&l);
		r = CSPR_ERROR;
	} else
		r = CSPR_OK;
	cspr_doc_free(&doc);
	free(l.v);
	return r;
}

int
cspr_calendar_load(struct cspr_calendar *c, const char *path,
    struct cspr_errors *e)
{
	size_t cap = 64 * 1024, len = 0, got;
	char *buf = NULL, *nbuf;
	FILE *f;
	int r = CSPR_ERROR;

	if (!(f = fopen(path, "rb"))) {
		cspr_errors_add(e, path, 0, 0, NULL, "cannot open: %s",
		    strerror(errno));
		return CSPR_ERROR;
	}
	/* Read one byte past the cap to know the file is over it; no
	 * fstat, so that pipes and /dev/stdin work too. */
	for (;;) {
		if (len == cap || !buf) {
			if (buf)
				cap = cap * 2 > CSPR_MAX_HOLIDAY_FILE + 1 ?
				    CSPR_MAX_HOLIDAY_FILE + 1 : cap * 2;
			if (!(nbuf = realloc(buf, cap))) {
				cspr_errors_add(e, path, 0, 0, NULL,
				    "out of memory");
				goto out;
			}
			buf = nbuf;
		}
		got = fread(buf + len, 1, cap - len, f);
		len += got;
		if (got == 0 || len > CSPR_MAX_HOLIDAY_FILE)
			break;
	}
	if (ferror(f)) {
		cspr_errors_add(e, path, 0, 0, NULL, "cannot read: %s",
		    strerror(errno));
		goto out;
	}
	r = cspr_calendar_load_buffer(c, path, buf, len, e);
out:
	free(buf);
	fclose(f);
	return r;
}
