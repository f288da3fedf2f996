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
 *
 *     mk_log(spec, "panel:incident:2026-11-13, ofsted:final_report:
 *         2026-09-07:true")
 *
 * is mk(spec) with a notifications log, each entry "to:about:date" and
 * optionally ":true" or ":false" for anonymised.  Include after <cmocka.h>.
 */
#ifndef MKCASE_H
#define MKCASE_H

#include <stdio.h>
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

/* mk(spec) with a notifications log "to:about:date[:true|false], ..." */
static inline json_t *
mk_log(const char *spec, const char *log)
{
	json_t *root = mk(spec), *list = json_array();
	char buf[1024], *p, *save = NULL;

	snprintf(buf, sizeof(buf), "%s", log ? log : "");
	for (p = strtok_r(buf, ", ", &save); p; p = strtok_r(NULL, ", ",
	    &save)) {
		char to[64], about[64], date[32], anon[8];
		int n = sscanf(p, "%63[^:]:%63[^:]:%31[^:]:%7s", to, about,
		    date, anon);
		json_t *x;

		if (n < 3)
			fail_msg("bad log entry in test: %s", p);
		x = json_pack("{s:s, s:s, s:s}", "to", to, "about", about,
		    "date", date);
		if (n == 4)
			json_object_set_new(x, "anonymised",
			    json_boolean(strcmp(anon, "true") == 0));
		json_array_append_new(list, x);
	}
	json_object_set_new(root, "notifications", list);
	return root;
}

#endif
