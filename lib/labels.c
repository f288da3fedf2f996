/*
 * labels.c - what a person is called once their name is gone (9.4.3).
 *
 * The child is their pseudonym ("Child A", else "Child"); a family member
 * their relationship ("Mother", "Sibling 2" where two are siblings); a
 * professional their role and agency ("Social worker 2, Police"); the
 * referrer the professional they are, else "Referrer, agency".  The
 * detector replaces a name in free text by its person's label and
 * --anonymise writes the same label into the name field, so a reader can
 * follow one person from a field into a summary: both take it from here.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csprcore.h"
#include "internal.h"

/* A member of o as text: a non-empty string, or an integer spelt out into
 * buf (an unquoted NHS number is one); else NULL. */
const char *
cspr_label_text(const json_t *o, const char *key, char *buf, size_t size)
{
	json_t *v = json_is_object(o) ? json_object_get(o, key) : NULL;

	if (json_is_string(v) && json_string_length(v) > 0)
		return json_string_value(v);
	if (json_is_integer(v)) {
		snprintf(buf, size, "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		return buf;
	}
	return NULL;
}

static int
same(const char *a, const char *b)
{
	if (!a || !b)
		return !a && !b;
	return strcasecmp(a, b) == 0;
}

static char *
format(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = cspr_vformat(fmt, ap);
	va_end(ap);
	return s;
}

/* "step_father" -> "Step father": the first letter a capital, underscores
 * spaces. */
static void
capitalise(char *s)
{
	for (char *p = s; *p; p++)
		if (*p == '_')
			*p = ' ';
	if (s[0] >= 'a' && s[0] <= 'z')
		s[0] = (char)(s[0] - 'a' + 'A');
}

/* "Base" or "Base n", then ", tail" when there is one. */
static char *
numbered(const char *base, size_t same_n, size_t nth, const char *tail)
{
	char *b = strdup(base), *s;

	if (!b)
		return NULL;
	capitalise(b);
	if (same_n > 1)
		s = format("%s %zu%s%s", b, nth, tail ? ", " : "",
		    tail ? tail : "");
	else
		s = format("%s%s%s", b, tail ? ", " : "", tail ? tail : "");
	free(b);
	return s;
}

char *
cspr_label_child(const json_t *root)
{
	char buf[32];
	const char *p = cspr_label_text(json_object_get(root, "child"),
	    "pseudonym", buf, sizeof(buf));

	return strdup(p ? p : "Child");
}

char *
cspr_label_family(const json_t *family, size_t k)
{
	char b1[32], b2[32];
	const char *rel = cspr_label_text(json_array_get(family, k),
	    "relationship", b1, sizeof(b1));
	size_t n = 0, nth = 0, j;
	json_t *m;

	json_array_foreach(family, j, m) {
		if (!json_is_object(m) || !same(rel, cspr_label_text(m,
		    "relationship", b2, sizeof(b2))))
			continue;
		n++;
		if (j <= k)
			nth++;
	}
	return numbered(rel ? rel : "family member", n, nth, NULL);
}

char *
cspr_label_professional(const json_t *pros, size_t k)
{
	char b1[32], b2[32], b3[32], b4[32];
	const json_t *p = json_array_get(pros, k);
	const char *role = cspr_label_text(p, "role", b1, sizeof(b1));
	const char *agency = cspr_label_text(p, "agency", b2, sizeof(b2));
	size_t n = 0, nth = 0, j;
	json_t *o;

	json_array_foreach(pros, j, o) {
		if (same(role, cspr_label_text(o, "role", b3, sizeof(b3))) &&
		    same(agency, cspr_label_text(o, "agency", b4, sizeof(b4)))) {
			n++;
			if (j <= k)
				nth++;
		}
	}
	return numbered(role ? role : "professional", n, nth, agency);
}

char *
cspr_label_referrer(const json_t *root)
{
	const json_t *ref = cspr_get(root, "referral.referrer");
	const json_t *pros = cspr_get(root, "professionals");
	char b1[32], b2[32], b3[32];
	const char *name = cspr_label_text(ref, "name", b1, sizeof(b1));
	const char *agency = cspr_label_text(ref, "agency", b2, sizeof(b2));
	size_t k;
	json_t *p;

	json_array_foreach(pros, k, p)
		if (name && same(name, cspr_label_text(p, "name", b3,
		    sizeof(b3))))
			return cspr_label_professional(pros, k);
	return format("Referrer%s%s", agency ? ", " : "", agency ? agency : "");
}
