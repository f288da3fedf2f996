/*
 * case.c - a case file, loaded and checked, and plain access to its fields.
 *
 * Every tool opens cases here, so every tool refuses the same files for the
 * same reasons: the loader's YAML rules, then the schema (the single truth
 * about fields), then the checks a schema cannot express.  Rules downstream
 * can then trust types and dates and treat a missing field as "not known".
 */
#include <stdlib.h>
#include <string.h>

#include "csprcore.h"
#include "internal.h"

struct cspr_case {
	struct cspr_doc *doc;
	json_t *root; /* borrowed from doc */
	const char *id;
	char *name; /* the file's name as it may be shown */
	json_t *schema; /* the schema it was checked against */
};

struct cspr_schema *
cspr_case_schema(const char *path, struct cspr_errors *e)
{
	struct cspr_schema *s;
	json_error_t je;
	json_t *j;

	if (path) {
		char *buf;
		size_t len, skip;

		if (cspr_read_file(path, CSPR_MAX_FILE, &buf, &len, e) !=
		    CSPR_OK)
			return NULL;
		memset(&je, 0, sizeof(je)); /* jansson may leave it unset */
		/* a byte-order mark (a Windows editor's) is not JSON; a
		 * schema may be true or false (draft-07 boolean schemas) */
		skip = len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
		j = json_loadb(buf + skip, len - skip, JSON_REJECT_DUPLICATES |
		    JSON_DECODE_ANY, &je);
		free(buf);
		if (!j && !je.text[0]) {
			cspr_errors_add(e, path, 0, 0, NULL, "out of memory");
			return NULL;
		}
		if (!j) {
			/* jansson says column 0 at the end of the text */
			cspr_errors_add(e, path, je.line,
			    je.column > 0 ? je.column : 1, NULL,
			    "not a JSON schema: %s", je.text);
			return NULL;
		}
	} else if (!(j = json_loads(cspr_case_schema_json, 0, NULL))) {
		/* the text is known good: only memory can be short */
		cspr_errors_add(e, "(built-in schema)", 0, 0, NULL,
		    "out of memory");
		return NULL;
	}
	s = cspr_schema_compile(j, e);
	json_decref(j);
	for (size_t i = 0; !s && i < e->n; i++)
		if (!e->v[i].file || !*e->v[i].file) {
			free(e->v[i].file);
			e->v[i].file = cspr_printable(path ? path : "(built-in schema)");
		}
	return s;
}

/* ---- semantic checks: what the schema cannot say ---- */

struct checker {
	const struct cspr_doc *doc;
	json_t *root;
	struct cspr_errors *e;
	int bad;
	int oom;
	size_t n, more; /* reported, and beyond CSPR_MAX_ERRORS */
};

static void
report(struct checker *k, const char *path, const char *msg)
{
	long line = 0, col = 0;

	k->bad = 1;
	if (k->n++ >= CSPR_MAX_ERRORS) {
		k->more++;
		return;
	}
	cspr_doc_pos(k->doc, path, &line, &col);
	cspr_errors_add(k->e, cspr_doc_file(k->doc), line, col, path, "%s",
	    msg);
}

/* Date-times have no draft-07 format of their own (YYYY-MM-DDTHH:MM is
 * not RFC 3339), so the schema checks their shape and we check the date. */
static void
check_datetime(struct checker *k, const char *field)
{
	const char *s = cspr_get_str(k->root, field);
	char path[64];
	cspr_time t;

	if (s && cspr_datetime_parse(s, &t) < 0) {
		snprintf(path, sizeof(path), ".%s", field);
		report(k, path, "must be a real date (YYYY-MM-DD) or date-time "
		    "(YYYY-MM-DDTHH:MM)");
	}
}

/* later must not be before earlier, when both are known. */
static void
check_order(struct checker *k, const char *earlier, const char *later,
    const char *msg)
{
	cspr_date a, b;
	char path[64];

	if (cspr_get_date(k->root, earlier, &a) &&
	    cspr_get_date(k->root, later, &b) && b < a) {
		snprintf(path, sizeof(path), ".%s", later);
		report(k, path, msg);
	}
}

/* Action ids seen so far, as a jansson object: the key is the id's type
 * letter and text ("s" and a string, "i" and an integer, so 1 and '1'
 * differ), the value the index of its first use.  A hash, not pairwise
 * comparison: a 4 MiB file can hold 300,000 actions. */
static int
action_key(json_t *id, char *buf, size_t size, const char **key, size_t *len)
{
	if (json_is_string(id)) {
		/* the string itself after an "s", built by the caller */
		*key = NULL;
		*len = json_string_length(id);
		return 0;
	}
	if (json_is_integer(id)) {
		int n = snprintf(buf, size, "i%" JSON_INTEGER_FORMAT,
		    json_integer_value(id));

		*key = buf;
		*len = (size_t)n;
		return 0;
	}
	return -1; /* no id, or one the schema has already refused */
}

static void
check_actions(struct checker *k)
{
	json_t *actions = cspr_get(k->root, "actions");
	size_t n = json_array_size(actions);
	json_t *seen;
	char *sbuf = NULL;
	size_t scap = 0;

	if (n < 2)
		return;
	if (!(seen = json_object())) {
		k->oom = 1;
		return;
	}
	for (size_t i = 0; i < n; i++) {
		json_t *id = json_object_get(json_array_get(actions, i), "id");
		char ibuf[32], path[48], msg[80];
		const char *key;
		size_t len;
		json_t *first;
		long line = 0, col = 0;

		if (action_key(id, ibuf, sizeof(ibuf), &key, &len) < 0)
			continue;
		if (!key) {
			if (len + 1 > scap) {
				char *p = realloc(sbuf, len + 1);

				if (!p) {
					k->oom = 1;
					break;
				}
				sbuf = p;
				scap = len + 1;
			}
			sbuf[0] = 's';
			memcpy(sbuf + 1, json_string_value(id), len);
			key = sbuf;
			len++;
		}
		if (!(first = json_object_getn(seen, key, len))) {
			if (json_object_setn_new_nocheck(seen, key, len,
			    json_integer((json_int_t)i)) < 0) {
				k->oom = 1;
				break;
			}
			continue;
		}
		snprintf(path, sizeof(path), ".actions[%" JSON_INTEGER_FORMAT
		    "].id", json_integer_value(first));
		cspr_doc_pos(k->doc, path, &line, &col);
		snprintf(path, sizeof(path), ".actions[%zu].id", i);
		snprintf(msg, sizeof(msg),
		    "duplicate action id (first at line %ld)", line);
		report(k, path, msg);
	}
	free(sbuf);
	json_decref(seen);
}

/* 1 when a check failed, 0 when all passed, -1 when out of memory. */
static int
check(const struct cspr_doc *doc, struct cspr_errors *e)
{
	struct checker k = {.doc = doc, .root = cspr_doc_root(doc), .e = e};

	check_datetime(&k, "referral.received");
	check_datetime(&k, "referral.confirmed");
	check_order(&k, "child.dob", "child.dod",
	    "date of death is before the date of birth");
	check_order(&k, "incident.date", "incident.la_aware",
	    "the local authority became aware before the incident date");
	check_order(&k, "incident.date", "incident.notified",
	    "notified before the incident date");
	check_order(&k, "referral.received", "referral.confirmed",
	    "confirmed before the referral was received");
	check_order(&k, "incident.notified", "rapid_review.completed",
	    "rapid review completed before the notification was received "
	    "(incident.notified)");
	check_order(&k, "review.commissioned", "report.completed",
	    "report completed before the review was commissioned");
	check_order(&k, "decision.date", "publication.published",
	    "published before the decision to review");
	check_actions(&k);
	if (k.more && cspr_errors_add(e, cspr_doc_file(doc), 0, 0, NULL,
	    "%zu more %s not shown (at most %d are)", k.more, k.more == 1 ?
	    "error" : "errors", CSPR_MAX_ERRORS) < 0)
		k.oom = 1;
	return k.oom ? -1 : k.bad;
}

/* Cut a jq-style path (.a.b[3]["x y"]) to its parent's: an unknown
 * field's own key may be personal data, which a diagnostic quotes only
 * the start of (its message does that). */
static void
parent_path(char *path)
{
	size_t last = 0;
	int quoted = 0;

	for (size_t i = 0; path[i]; i++) {
		if (quoted) {
			if (path[i] == '\\' && path[i + 1])
				i++;
			else if (path[i] == '"')
				quoted = 0;
		} else if (path[i] == '"') {
			quoted = 1;
		} else if (path[i] == '.' || path[i] == '[') {
			last = i;
		}
	}
	if (last == 0)
		strcpy(path, ".");
	else
		path[last] = '\0';
}

/* Place the schema's failures, which carry only a path. */
static void
place(const struct cspr_doc *doc, struct cspr_errors *e, size_t from)
{
	for (size_t i = from; i < e->n; i++) {
		struct cspr_error *x = &e->v[i];
		const char *path = x->path;
		char *file = cspr_printable(cspr_doc_file(doc));

		if (file) { /* else it keeps "", short of memory */
			free(x->file);
			x->file = file;
		}
		if (!path) /* how many more there are: about the whole file */
			continue;
		/* an unknown field is best shown at its key, anything else
		 * at its value */
		if (x->at_key) {
			cspr_doc_key_pos(doc, path, &x->line, &x->col);
			parent_path(x->path);
		} else
			cspr_doc_pos(doc, path, &x->line, &x->col);
	}
}

/* Values 0.2 renamed so that no YAML 1.1 loader reads them as booleans
 * (SPEC 2).  The schema refuses the old ones; where it has, its error at
 * that path says what to write instead.  The error is found by its path
 * and the value there, never by its wording. */
static const struct renamed {
	const char *key; /* the member holding the value, anywhere */
	const char *old, *now;
} renamed[] = {
	{.key = "child_protection_plan", .old = "yes", .now = "current"},
	{.key = "child_protection_plan", .old = "previously",
	    .now = "previous"},
	{.key = "child_protection_plan", .old = "no", .now = "never"},
	{.key = "siblings_child_protection_plan", .old = "yes",
	    .now = "current"},
	{.key = "siblings_child_protection_plan", .old = "previously",
	    .now = "previous"},
	{.key = "siblings_child_protection_plan", .old = "no",
	    .now = "never"},
	{.key = "criminal_investigation", .old = "yes", .now = "ongoing"},
	{.key = "criminal_investigation", .old = "no", .now = "none"},
	{.key = "conviction", .old = "yes", .now = "convicted"},
	{.key = "conviction", .old = "no", .now = "not_convicted"},
};

/* The places those values live: the object's path and the dotted path of
 * the object in the tree ("family" for each member of the list). */
static const struct {
	const char *jq, *path;
	int each;
} holders[] = {
	{.jq = ".child", .path = "child"},
	{.jq = ".family", .path = "family", .each = 1},
	{.jq = ".referral", .path = "referral"},
};

/* At most this many errors are reworded: each looks through the list,
 * and a hostile file can hold a family of thousands with the old value. */
#define MAX_RENAMED 64

static void
rename_one(struct cspr_errors *e, size_t from, const char *jq,
    const json_t *obj, int *budget)
{
	for (size_t r = 0; r < sizeof(renamed) / sizeof(renamed[0]) &&
	    *budget > 0; r++) {
		const char *v = json_string_value(json_object_get(obj,
		    renamed[r].key));
		char path[96], msg[96];

		if (!v || strcmp(v, renamed[r].old) != 0)
			continue;
		--*budget;
		snprintf(path, sizeof(path), "%s.%s", jq, renamed[r].key);
		snprintf(msg, sizeof(msg), "%s is the 0.1 spelling: write %s "
		    "(0.2)", renamed[r].old, renamed[r].now);
		for (size_t i = from; i < e->n; i++) {
			char *m;

			if (!e->v[i].path || strcmp(e->v[i].path, path) != 0 ||
			    !(m = strdup(msg)))
				continue;
			free(e->v[i].message);
			e->v[i].message = m;
		}
	}
}

static void
rename_old(const json_t *root, struct cspr_errors *e, size_t from)
{
	int budget = MAX_RENAMED;

	for (size_t h = 0; h < sizeof(holders) / sizeof(holders[0]) &&
	    budget > 0; h++) {
		json_t *o = cspr_get(root, holders[h].path), *x;
		char jq[48];
		size_t i;

		if (!holders[h].each) {
			rename_one(e, from, holders[h].jq, o, &budget);
			continue;
		}
		json_array_foreach(o, i, x) {
			if (budget <= 0)
				break;
			snprintf(jq, sizeof(jq), "%s[%zu]", holders[h].jq, i);
			rename_one(e, from, jq, x, &budget);
		}
	}
}

static int
finish(struct cspr_doc *doc, int r, const struct cspr_schema *s,
    struct cspr_case **out, struct cspr_errors *e)
{
	struct cspr_case *c = NULL;
	size_t before = e->n;
	int n;

	*out = NULL;
	if (r != CSPR_OK)
		return r;
	n = cspr_schema_validate(s, cspr_doc_root(doc), e);
	place(doc, e, before);
	if (n > 0)
		rename_old(cspr_doc_root(doc), e, before);
	if (n == 0)
		n = check(doc, e);
	if (n > 0) {
		cspr_doc_free(&doc);
		return CSPR_FINDINGS;
	}
	if (n < 0 || !(c = calloc(1, sizeof(*c)))) {
		cspr_errors_add(e, cspr_doc_file(doc), 0, 0, NULL,
		    "out of memory");
		cspr_doc_free(&doc);
		return CSPR_ERROR;
	}
	c->doc = doc;
	c->root = cspr_doc_root(doc);
	c->schema = json_incref(cspr_schema_doc(s));
	/* a schema given with --schema need not require an id: the file's
	 * name, as diagnostics show it, then names the case */
	c->id = json_string_value(json_object_get(c->root, "id"));
	if (!(c->name = cspr_printable(cspr_doc_file(doc))) ||
	    (!c->id && !(c->id = c->name))) {
		cspr_errors_add(e, cspr_doc_file(doc), 0, 0, NULL,
		    "out of memory");
		cspr_case_free(&c);
		return CSPR_ERROR;
	}
	*out = c;
	return CSPR_OK;
}

int
cspr_case_open(const char *path, const struct cspr_schema *s,
    struct cspr_case **c, struct cspr_errors *e)
{
	struct cspr_doc *doc;
	int r = cspr_load(path, &doc, e);

	return finish(doc, r, s, c, e);
}

int
cspr_case_open_as(const char *path, const char *name,
    const struct cspr_schema *s, struct cspr_case **c, struct cspr_errors *e)
{
	char *buf;
	size_t len;
	int r;

	*c = NULL;
	if (!name)
		return cspr_case_open(path, s, c, e);
	if ((r = cspr_read_file_as(path, name, CSPR_MAX_FILE, &buf, &len,
	    e)) != CSPR_OK)
		return r;
	r = cspr_case_open_buffer(name, buf, len, s, c, e);
	free(buf);
	return r;
}

int
cspr_case_open_buffer(const char *name, const char *buf, size_t len,
    const struct cspr_schema *s, struct cspr_case **c, struct cspr_errors *e)
{
	struct cspr_doc *doc;
	int r = cspr_load_buffer(name, buf, len, &doc, e);

	return finish(doc, r, s, c, e);
}

void
cspr_case_free(struct cspr_case **c)
{
	if (!*c)
		return;
	cspr_doc_free(&(*c)->doc);
	json_decref((*c)->schema);
	free((*c)->name);
	free(*c);
	*c = NULL;
}

json_t *
cspr_case_root(const struct cspr_case *c)
{
	return c->root;
}

json_t *
cspr_case_schema_doc(const struct cspr_case *c)
{
	return c->schema;
}

const char *
cspr_case_id(const struct cspr_case *c)
{
	return c->id;
}

const char *
cspr_case_file(const struct cspr_case *c)
{
	return cspr_doc_file(c->doc);
}

const char *
cspr_case_name(const struct cspr_case *c)
{
	return c->name;
}

const struct cspr_doc *
cspr_case_doc(const struct cspr_case *c)
{
	return c->doc;
}

/* ---- field access ---- */

json_t *
cspr_get(const json_t *root, const char *path)
{
	json_t *v = (json_t *)root;
	const char *p = path;

	while (v && *p) {
		const char *dot = strchr(p, '.');
		size_t n = dot ? (size_t)(dot - p) : strlen(p);

		v = json_object_getn(v, p, n);
		p += n + (dot != NULL);
	}
	return json_is_null(v) ? NULL : v;
}

const char *
cspr_get_str(const json_t *root, const char *path)
{
	return json_string_value(cspr_get(root, path));
}

int
cspr_get_date(const json_t *root, const char *path, cspr_date *d)
{
	const char *s = cspr_get_str(root, path);
	cspr_time t;

	if (!s || cspr_datetime_parse(s, &t) < 0)
		return 0;
	/* floor division: minutes before 1970 are negative */
	*d = (cspr_date)((t >= 0 ? t : t - 1439) / 1440);
	return 1;
}

int
cspr_bool(const json_t *v)
{
	return json_is_boolean(v) ? json_is_true(v) : -1;
}

int
cspr_get_bool(const json_t *root, const char *path)
{
	return cspr_bool(cspr_get(root, path));
}
