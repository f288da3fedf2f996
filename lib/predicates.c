/*
 * predicates.c - one home for each question the rules share.
 *
 * Whether a field is recorded, whether two names are the same local
 * authority, whether an incident is notifiable (5.1), a serious case (4.1)
 * or a serious incident for the rapid review (8.2.1): each is asked by
 * several rules, the criteria of csp-decide, the deadline table, the
 * obligations and the publication checks.  They ask it here, so that a
 * change to the rule is one change and the tools cannot disagree.
 *
 * The questions about a case are three-valued, as the criteria are: 1
 * yes, 0 no, -1 not known (an input is missing or recorded as unknown).
 * A missing input never turns a rule off.
 */
#include <ctype.h>
#include <string.h>

#include "internal.h"

/* Names are compared on their first LA_MAX bytes. */
#define LA_MAX 255

/* ---- recorded ---- */

static int
blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr(" \t\n\v\f\r", s[i]) || s[i] == '\0')
			return 0;
	return 1;
}

int
cspr_recorded(const json_t *v)
{
	if (!v)
		return 0;
	switch (json_typeof(v)) {
	case JSON_STRING:
		return !blank(json_string_value(v), json_string_length(v));
	case JSON_ARRAY:
		return json_array_size(v) > 0;
	case JSON_OBJECT:
		return json_object_size(v) > 0;
	case JSON_NULL:
		return 0;
	default:
		return 1;
	}
}

int
cspr_has(const json_t *root, const char *path)
{
	return cspr_recorded(cspr_get(root, path));
}

/* ---- the same local authority (SPEC section 2) ---- */

/* A name as lower-case words of letters and digits: "&" is the word
 * "and", an apostrophe or a full stop joins ("St. Helen's" is "st
 * helens"), any other byte that is not a letter or digit parts words.
 * Bytes beyond ASCII are kept as they are, so a name in another script
 * is compared exactly. */
struct words {
	char buf[LA_MAX + 1];
	unsigned short off[LA_MAX + 1], len[LA_MAX + 1];
	int n;
};

static void
words(const char *s, struct words *w)
{
	size_t o = 0;
	int in = 0;

	w->n = 0;
	for (; *s && o + 3 < sizeof(w->buf); s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\'' || c == '.')
			continue;
		if (c == '&') {
			memcpy(w->buf + o, "and", 3);
			w->off[w->n] = (unsigned short)o;
			w->len[w->n++] = 3;
			o += 3;
			in = 0;
		} else if (isalnum(c) || c >= 0x80) {
			if (!in) {
				w->off[w->n] = (unsigned short)o;
				w->len[w->n++] = 0;
				in = 1;
			}
			w->buf[o++] = (char)tolower(c);
			w->len[w->n - 1]++;
		} else {
			in = 0;
		}
	}
}

/* Does words[at..] begin with the words of phrase ("city of")? */
static int
starts(const struct words *w, int at, int end, const char *phrase)
{
	while (*phrase) {
		size_t n = strcspn(phrase, " ");

		if (at >= end || w->len[at] != n ||
		    memcmp(w->buf + w->off[at], phrase, n) != 0)
			return 0;
		at++;
		phrase += n + (phrase[n] == ' ');
	}
	return 1;
}

static int
nwords(const char *phrase)
{
	int n = 1;

	for (; *phrase; phrase++)
		n += *phrase == ' ';
	return n;
}

/* The words that name the authority: [*first, *end) once a leading "the"
 * and style ("London Borough of", "County Council") are set aside.  Style
 * is set aside only where words are left, so "City Council" alone stays
 * as it is. */
static void
core(const struct words *w, int *first, int *end)
{
	static const char *const before[] = {"london borough of",
	    "royal borough of", "city of", "borough of", "county of", NULL};
	static const char *const after[] = {"metropolitan borough council",
	    "metropolitan district council", "county council", "city council",
	    "borough council", "district council", "council", NULL};
	int a = 0, b = w->n;

	if (b - a > 1 && starts(w, a, b, "the"))
		a++;
	for (const char *const *p = before; *p; p++)
		if (b - a > nwords(*p) && starts(w, a, b, *p)) {
			a += nwords(*p);
			break;
		}
	for (const char *const *p = after; *p; p++)
		if (b - a > nwords(*p) && starts(w, b - nwords(*p), b, *p)) {
			b -= nwords(*p);
			break;
		}
	*first = a;
	*end = b;
}

int
cspr_same_authority(const char *a, const char *b)
{
	struct words x, y;
	int xa, xb, ya, yb;

	if (!a || !b)
		return -1;
	if (strcmp(a, b) == 0) {
		/* the common case, without taking the names apart */
		for (; *a; a++)
			if (isalnum((unsigned char)*a) || *a == '&' ||
			    (unsigned char)*a >= 0x80)
				return 1;
		return -1;
	}
	words(a, &x);
	words(b, &y);
	if (x.n == 0 || y.n == 0)
		return -1;
	core(&x, &xa, &xb);
	core(&y, &ya, &yb);
	/* word by word, the spaces between them left out: "Kingston upon
	 * Hull" is "Kingston-upon-Hull" is "KingstonUponHull" */
	for (int i = xa, j = ya, ci = 0, cj = 0;;) {
		if (i < xb && ci == x.len[i]) {
			i++;
			ci = 0;
			continue;
		}
		if (j < yb && cj == y.len[j]) {
			j++;
			cj = 0;
			continue;
		}
		if (i == xb || j == yb)
			return i == xb && j == yb;
		if (x.buf[x.off[i] + ci++] != y.buf[y.off[j] + cj++])
			return 0;
	}
}

/* ---- questions about an incident ---- */

static int
one_of(const char *s, const char *const *yes, const char *const *no)
{
	if (!s)
		return -1;
	for (; *yes; yes++)
		if (strcmp(s, *yes) == 0)
			return 1;
	for (; *no; no++)
		if (strcmp(s, *no) == 0)
			return 0;
	return -1;
}

/* Kleene's "and" of a and the answer to b: no when either is no, else
 * not known when either is not.  b is asked only when a is not a no,
 * which settles it. */
static int
and3(int a, int (*b)(const json_t *), const json_t *root)
{
	int c;

	if (a == 0 || (c = b(root)) == 0)
		return 0;
	return a < 0 || c < 0 ? -1 : 1;
}

int
cspr_abuse_suspected(const json_t *root)
{
	static const char *const yes[] = {"known", "suspected", NULL};
	static const char *const no[] = {"not_suspected", NULL};

	return one_of(cspr_get_str(root, "incident.abuse_or_neglect"), yes,
	    no);
}

int
cspr_harmed(const json_t *root)
{
	static const char *const yes[] = {"died", "seriously_harmed", NULL};
	static const char *const no[] = {"other", NULL};

	return one_of(cspr_get_str(root, "incident.outcome"), yes, no);
}

int
cspr_in_area(const json_t *root)
{
	const char *place = cspr_get_str(root, "incident.place");

	if (!place)
		return -1;
	if (strcmp(place, "in_area") == 0)
		return 1;
	if (strcmp(place, "outside_england") == 0)
		return cspr_same_authority(
		    cspr_get_str(root, "child.normally_resident"),
		    cspr_get_str(root, "local_authority"));
	return 0;
}

int
cspr_serious_case(const json_t *root)
{
	return and3(cspr_abuse_suspected(root), cspr_harmed, root);
}

int
cspr_serious_incident(const json_t *root)
{
	return cspr_serious_case(root) != 0;
}

int
cspr_notifiable(const json_t *root)
{
	return and3(cspr_serious_case(root), cspr_in_area, root);
}
