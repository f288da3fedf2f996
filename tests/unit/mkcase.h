/*
 * mkcase.h - build a case tree for a unit test from one line of
 * "path=value" settings, so that a table row reads like the case it is:
 *
 *     mk("incident.outcome=died; child.looked_after=true; "
 *        "referral.types=[rapid_review]")
 *
 * Values: true, false and null keep their type, [a,b] is a list of
 * strings ([] an empty one), anything else is a string.  The rules read
 * the tree through cspr_get(), as they read a loaded case.
 */
#ifndef MKCASE_H
#define MKCASE_H

#include <stdlib.h>
#include <string.h>

#include "csprcore.h"

static json_t *
mk_value(const char *v, size_t n)
{
	json_t *a;

	if (n == 4 && strncmp(v, "true", 4) == 0)
		return json_true();
	if (n == 5 && strncmp(v, "false", 5) == 0)
		return json_false();
	if (n == 4 && strncmp(v, "null", 4) == 0)
		return json_null();
	if (n < 2 || v[0] != '[' || v[n - 1] != ']')
		return json_stringn(v, n);
	a = json_array();
	for (size_t i = 1; i < n - 1;) {
		size_t j = i;

		while (j < n - 1 && v[j] != ',')
			j++;
		while (i < j && v[i] == ' ')
			i++;
		if (j > i)
			json_array_append_new(a, json_stringn(v + i, j - i));
		i = j + 1;
	}
	return a;
}

/* Set path (dotted) in root to the value, making objects on the way. */
static void
mk_set(json_t *root, const char *path, size_t plen, json_t *value)
{
	json_t *o = root;
	size_t i = 0;

	for (;;) {
		size_t j = i;

		while (j < plen && path[j] != '.')
			j++;
		if (j == plen) {
			json_object_setn_new(o, path + i, j - i, value);
			return;
		}
		if (!json_object_getn(o, path + i, j - i))
			json_object_setn_new(o, path + i, j - i,
			    json_object());
		o = json_object_getn(o, path + i, j - i);
		i = j + 1;
	}
}

/* A case: id and partnership, local_authority Hampshire unless spec sets
 * it, then each "path=value" of spec (separated by ";"). */
static json_t *
mk(const char *spec)
{
	json_t *root = json_pack("{s:s, s:s, s:s}", "id", "T-1", "partnership",
	    "Test Partnership", "local_authority", "Hampshire");
	const char *p = spec;

	while (p && *p) {
		const char *end = strchr(p, ';'), *eq;
		size_t n;

		if (!end)
			end = p + strlen(p);
		while (*p == ' ')
			p++;
		eq = memchr(p, '=', (size_t)(end - p));
		if (eq) {
			n = (size_t)(end - eq - 1);
			while (n > 0 && eq[n] == ' ')
				n--;
			mk_set(root, p, (size_t)(eq - p),
			    mk_value(eq + 1, n));
		}
		p = *end ? end + 1 : end;
	}
	return root;
}

#endif
