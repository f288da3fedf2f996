/*
 * freetext.c - which strings of a case are free text, as the schema says.
 *
 * csp-notify --anonymise rewrites free text only: a summary, a rationale,
 * a person's name.  Codes are never touched, whatever words they share
 * with a name: an enumerated value ("outside_england", "police"), a date,
 * a pattern-checked id.  Rewriting one would change what the case says and
 * leave a file that no longer validates.
 *
 * The schema is the one home of that fact: the one the case was checked
 * against, the built-in one or a --schema (anonymise.c), so that a code of
 * a partnership's own schema is never rewritten and the anonymised case
 * stays valid against it.  A string is free text when the
 * schema nodes that apply to it (through $ref, allOf, anyOf and oneOf)
 * have no enum, const, format or pattern; an explicit "x-free-text"
 * (true or false) on any of them decides instead, for the strings the
 * shape gets wrong: the case id, the partnership, an agency's name, a
 * relationship are written by a person but kept as they are ("kept": the
 * residual scan still reads them).  A string that no schema node describes
 * (an x- field, an unknown key) is free text: it may name anyone.
 */
#include <regex.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csprcore.h"
#include "internal.h"

#define MAXNODES 32 /* schema nodes applying to one value; more are cut */
#define MAXREF 16   /* $ref chains longer than this are a loop */

struct nodes {
	json_t *v[MAXNODES];
	size_t n;
};

struct walk {
	json_t *schema;
	int (*fn)(void *arg, json_t *str, enum cspr_text cls,
	    const char *path);
	void *arg;
	char *path; /* jq-style, of the value being walked */
	size_t len, cap;
};

/* Room for extra more bytes of path. */
static int
room(struct walk *w, size_t extra)
{
	if (extra > SIZE_MAX / 2 - w->len)
		return -1;
	return cspr_grow(&w->path, &w->cap, w->len + extra + 1, 1);
}

/* The node a JSON pointer "#/a/b" names in the schema, or NULL. */
static json_t *
pointer(json_t *root, const char *ref)
{
	json_t *at = root;
	char tok[256];

	if (ref[0] != '#')
		return NULL;
	ref++;
	while (*ref == '/' && at) {
		size_t n = 0;

		ref++;
		while (*ref && *ref != '/' && n + 1 < sizeof(tok)) {
			if (ref[0] == '~' && (ref[1] == '0' || ref[1] == '1')) {
				tok[n++] = ref[1] == '0' ? '~' : '/';
				ref += 2;
			} else
				tok[n++] = *ref++;
		}
		tok[n] = '\0';
		if (json_is_array(at)) {
			char *end;
			unsigned long i = strtoul(tok, &end, 10);

			at = *end ? NULL : json_array_get(at, i);
		} else
			at = json_object_get(at, tok);
	}
	return *ref ? NULL : at;
}

/* Add node (and what it refers to or combines) to ns. */
static void
add(const struct walk *w, struct nodes *ns, json_t *node, int depth)
{
	static const char *const comb[] = {"allOf", "anyOf", "oneOf"};
	json_t *ref, *x;
	size_t i;

	if (!json_is_object(node) || ns->n == MAXNODES || depth > MAXREF)
		return;
	ns->v[ns->n++] = node;
	ref = json_object_get(node, "$ref");
	if (json_is_string(ref))
		add(w, ns, pointer(w->schema, json_string_value(ref)),
		    depth + 1);
	for (size_t k = 0; k < sizeof(comb) / sizeof(comb[0]); k++)
		json_array_foreach(json_object_get(node, comb[k]), i, x)
			add(w, ns, x, depth + 1);
}

/* Does pattern match key?  "^x-" and other plain prefixes without regcomp. */
static int
matches(const char *pattern, const char *key)
{
	regex_t re;
	int r;

	if (pattern[0] == '^' && !strpbrk(pattern + 1, "\\.[]()*+?{}|^$"))
		return strncmp(key, pattern + 1, strlen(pattern + 1)) == 0;
	if (regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB) != 0)
		return 0;
	r = regexec(&re, key, 0, NULL, 0) == 0;
	regfree(&re);
	return r;
}

/* The nodes for member key of an object described by ns. */
static void
member(const struct walk *w, const struct nodes *ns, const char *key,
    struct nodes *out)
{
	out->n = 0;
	for (size_t k = 0; k < ns->n; k++) {
		json_t *props = json_object_get(ns->v[k], "properties");
		json_t *pp = json_object_get(ns->v[k], "patternProperties");
		json_t *p, *x;
		const char *pat;
		int found = 0;

		if ((p = json_object_get(props, key))) {
			add(w, out, p, 0);
			found = 1;
		}
		json_object_foreach(pp, pat, x)
			if (matches(pat, key)) {
				add(w, out, x, 0);
				found = 1;
			}
		if (!found)
			add(w, out, json_object_get(ns->v[k],
			    "additionalProperties"), 0);
	}
}

/* The nodes for item i of an array described by ns. */
static void
item(const struct walk *w, const struct nodes *ns, size_t i,
    struct nodes *out)
{
	out->n = 0;
	for (size_t k = 0; k < ns->n; k++) {
		json_t *items = json_object_get(ns->v[k], "items");

		if (json_is_array(items))
			add(w, out, i < json_array_size(items) ?
			    json_array_get(items, i) :
			    json_object_get(ns->v[k], "additionalItems"), 0);
		else
			add(w, out, items, 0);
	}
}

/* What the string is: see the top of the file. */
static enum cspr_text
text_class(const struct nodes *ns)
{
	static const char *const code[] = {"enum", "const", "format",
	    "pattern"};
	int is_code = 0;

	for (size_t k = 0; k < ns->n; k++) {
		json_t *x = json_object_get(ns->v[k], "x-free-text");

		if (json_is_boolean(x))
			return json_is_true(x) ? CSPR_TEXT_FREE : CSPR_TEXT_KEPT;
	}
	for (size_t k = 0; k < ns->n; k++)
		for (size_t c = 0; c < sizeof(code) / sizeof(code[0]); c++)
			if (json_object_get(ns->v[k], code[c]))
				is_code = 1;
	return is_code ? CSPR_TEXT_CODE : CSPR_TEXT_FREE;
}

static int walk(struct walk *w, json_t *v, const struct nodes *ns);

/* Walk member or item x, described by sub, whose path ends after at;
 * then take it off the path again. */
static int
descend(struct walk *w, json_t *x, const struct nodes *sub, size_t at)
{
	int r = walk(w, x, sub);

	w->len = at;
	w->path[at] = '\0';
	return r;
}

static int
walk(struct walk *w, json_t *v, const struct nodes *ns)
{
	size_t at = w->len;
	struct nodes sub;
	const char *key;
	json_t *x;
	size_t i;
	int r = 0;

	if (json_is_string(v))
		return w->fn(w->arg, v, text_class(ns), at ? w->path : ".");
	json_object_foreach(v, key, x) {
		size_t klen = strlen(key);

		if (klen > SIZE_MAX / 8 || room(w, 6 * klen + 6) < 0)
			return -1;
		w->len += cspr_path_key(w->path + w->len, at == 0, key, klen);
		member(w, ns, key, &sub);
		if ((r = descend(w, x, &sub, at)) < 0)
			return r;
	}
	json_array_foreach(v, i, x) {
		if (room(w, 24) < 0)
			return -1;
		w->len += (size_t)snprintf(w->path + w->len, 24, "[%zu]", i);
		item(w, ns, i, &sub);
		if ((r = descend(w, x, &sub, at)) < 0)
			return r;
	}
	return 0;
}

int
cspr_free_text_walk(json_t *schema, json_t *instance,
    int (*fn)(void *arg, json_t *str, enum cspr_text cls, const char *path),
    void *arg)
{
	struct walk w = {.schema = schema, .fn = fn, .arg = arg};
	struct nodes ns = {.n = 0};
	int r;

	if (room(&w, 1) < 0)
		return -1;
	w.path[0] = '\0';
	add(&w, &ns, schema, 0);
	r = walk(&w, instance, &ns);
	free(w.path);
	return r;
}

json_t *
cspr_case_schema_tree(void)
{
	return json_loads(cspr_case_schema_json, 0, NULL);
}
