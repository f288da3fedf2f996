/*
 * anonymise.c - a case as an external body may see it (9.4.3).
 *
 * "Information relating to children, family members and professionals
 * involved in the case (with the exception of the ... Reviewer/s) will be
 * anonymised before being submitted to any external organisation or body."
 * The structured fields are replaced field by field: people become the
 * labels the identifier detector gives them in free text (the child's
 * pseudonym, a relationship, a role and agency), so a reader can follow one
 * person from a field into a summary (labels.c gives both); dates of
 * birth become an age.  Every other free-text string goes through
 * cspr_redact(); codes, dates, ids and the strings the schema keeps as
 * written are never rewritten (freetext.c), so the result means what the
 * case meant and still validates.  Then the whole result is scanned again
 * with the same detector, and anything still identifying is reported by
 * place and kind, never by its text: the caller prints nothing for that
 * case.
 *
 * Left as they are, by choice: organisations and places (agencies, local
 * authorities, the out-of-area organisation), which the Panel needs and
 * which 9.4.3 does not cover; the reviewer's name; the case id and the
 * partnership.  The child's education setting is removed: with the child's
 * age it points at very few children.  Free text naming a school or a town
 * is not changed unless it holds a known identifier: the detector finds
 * people, and a person should read free text before it is sent.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csprcore.h"
#include "internal.h"

/* ---- ages ---- */

char *
cspr_age(cspr_date dob, cspr_date at, char *buf, size_t size)
{
	int y1, m1, d1, y2, m2, d2, months;
	long n;
	const char *unit;

	if (dob == CSPR_NO_DATE || at == CSPR_NO_DATE || at < dob)
		return NULL;
	cspr_date_ymd(dob, &y1, &m1, &d1);
	cspr_date_ymd(at, &y2, &m2, &d2);
	/* whole months: the most n with dob + n months on or before at
	 * (a birthday on the 31st comes at the end of a shorter month) */
	months = (y2 - y1) * 12 + (m2 - m1);
	while (months > 0 && cspr_add_months(dob, months) > at)
		months--;
	if (months < 1) {
		n = at - dob;
		unit = "day";
	} else if (months < 24) {
		n = months;
		unit = "month";
	} else {
		n = months / 12;
		unit = "year";
	}
	snprintf(buf, size, "%ld %s%s", n, unit, n == 1 ? "" : "s");
	return buf;
}

static const char *
text_of(const json_t *o, const char *key)
{
	json_t *v = json_is_object(o) ? json_object_get(o, key) : NULL;

	return json_is_string(v) && json_string_length(v) > 0 ?
	    json_string_value(v) : NULL;
}

/* ---- the transform ---- */

struct redact {
	const struct cspr_detector *d;
	struct cspr_errors *replaced;
	struct cspr_hits hits;
	struct cspr_maybes maybes;
};

/* s[0..*len) with each possible identifier replaced by its label, a new
 * string; the replacements noted at path. */
static char *
relabel(struct redact *x, char *s, size_t *len, const char *path)
{
	const struct cspr_maybes *m = &x->maybes;
	size_t size = *len + 1, o = 0, pos = 0;
	char *out;

	for (size_t k = 0; k < m->n; k++)
		size += strlen(cspr_maybe_label(m->v[k].kind));
	if (!(out = malloc(size)))
		return NULL;
	for (size_t k = 0; k < m->n; k++) {
		const char *l = cspr_maybe_label(m->v[k].kind);

		memcpy(out + o, s + pos, m->v[k].off - pos);
		o += m->v[k].off - pos;
		memcpy(out + o, l, strlen(l));
		o += strlen(l);
		pos = m->v[k].off + m->v[k].len;
		if (x->replaced && cspr_errors_add(x->replaced, "", 0, 0, path,
		    "possible identifier replaced by %s: %s (9.4.3)", l,
		    cspr_maybe_kind_name(m->v[k].kind)) < 0) {
			free(out);
			return NULL;
		}
	}
	memcpy(out + o, s + pos, *len - pos);
	o += *len - pos;
	out[o] = '\0';
	*len = o;
	return out;
}

/* Free text redacted in place: what the case lists, then what looks
 * identifying though it does not; codes and kept strings left. */
static int
redact_free(void *arg, json_t *str, enum cspr_text cls, const char *path)
{
	struct redact *x = arg;
	size_t len;
	char *s, *t;
	int r = 0;

	if (cls != CSPR_TEXT_FREE)
		return 0;
	if (!(s = cspr_redact(x->d, json_string_value(str),
	    json_string_length(str), &len)))
		return -1;
	if (cspr_detect(x->d, s, len, &x->hits) < 0 ||
	    cspr_maybe_scan(x->d, s, len, &x->hits, &x->maybes) < 0) {
		free(s);
		return -1;
	}
	if (x->maybes.n) {
		t = relabel(x, s, &len, path);
		free(s);
		if (!(s = t))
			return -1;
	}
	if (len != json_string_length(str) ||
	    memcmp(s, json_string_value(str), len) != 0)
		r = json_string_setn_nocheck(str, s, len);
	free(s);
	return r;
}

/* What never goes out: the child's names, numbers, address and setting;
 * family members' aliases; the referrer's phone and e-mail. */
static const char *const child_drop[] = {"first_name", "last_name",
    "aliases", "pseudonym", "nhs_number", "address", "postcode",
    "education_setting", NULL};
static const char *const family_drop[] = {"aliases", NULL};
static const char *const referrer_drop[] = {"phone", "email", NULL};

static void
drop_keys(json_t *o, const char *const *keys)
{
	if (json_is_object(o))
		for (; *keys; keys++)
			json_object_del(o, *keys);
}

/* Remove them before free text is read, so that what is replaced (and
 * said to be) is only what goes out. */
static void
drop_all(json_t *out)
{
	json_t *m;
	size_t i;

	drop_keys(json_object_get(out, "child"), child_drop);
	json_array_foreach(json_object_get(out, "family"), i, m)
		drop_keys(m, family_drop);
	drop_keys(json_object_get(json_object_get(out, "referral"),
	    "referrer"), referrer_drop);
}

/* Set key in o to a new string, or remove it when s is NULL. */
static int
put(json_t *o, const char *key, const char *s)
{
	if (!s)
		return json_object_del(o, key), 0;
	return json_object_set_new_nocheck(o, key, json_string(s));
}

/* A person's object rebuilt in its own order: name and dob replaced,
 * the fields in drop[] removed. */
static json_t *
person(json_t *red, const json_t *orig, const char *label, cspr_date at,
    const char *const *drop)
{
	json_t *out = json_object(), *x;
	const char *k;
	cspr_date dob;
	char age[32];

	if (!out)
		return NULL;
	json_object_foreach(red, k, x) {
		int skip = 0, r;

		for (const char *const *p = drop; *p; p++)
			skip |= strcmp(k, *p) == 0;
		if (skip)
			continue;
		if (strcmp(k, "name") == 0 && label)
			r = put(out, "name", label);
		else if (strcmp(k, "dob") == 0)
			r = cspr_get_date(orig, "dob", &dob) &&
			    cspr_age(dob, at, age, sizeof(age)) ?
			    put(out, "age_at_incident", age) : 0;
		else
			r = json_object_set_nocheck(out, k, x);
		if (r < 0)
			goto fail;
	}
	return out;
fail:
	json_decref(out);
	return NULL;
}

/* Replace each member of the array at key in out by its rebuilding under
 * the label labels.c gives it. */
static int
each_person(json_t *out, const json_t *root, const char *key, cspr_date at,
    char *(*label)(const json_t *, size_t), const char *const *drop)
{
	json_t *arr = json_object_get(out, key), *orig = cspr_get(root, key);
	json_t *x;
	size_t i;
	char *lab;
	int r;

	json_array_foreach(arr, i, x) {
		if (!json_is_object(x))
			continue;
		if (!(lab = label(orig, i)))
			return -1;
		r = json_array_set_new(arr, i, person(x,
		    json_array_get(orig, i), lab, at, drop));
		free(lab);
		if (r < 0)
			return -1;
	}
	return 0;
}

static int
child(json_t *out, const json_t *root, cspr_date at)
{
	const char *const *drop = child_drop;
	const json_t *orig = cspr_get(root, "child");
	json_t *red = json_object_get(out, "child"), *c, *p = NULL;
	const char *pseudo = text_of(orig, "pseudonym");
	int r = -1;

	if (!json_is_object(red))
		return 0;
	/* the pseudonym first, as the one name the child has here */
	if ((c = json_object()) && put(c, "pseudonym", pseudo ? pseudo :
	    "Child") == 0 && (p = person(red, orig, NULL, at, drop)) &&
	    json_object_update(c, p) == 0)
		r = json_object_set_nocheck(out, "child", c);
	json_decref(p);
	json_decref(c);
	return r;
}

static int
referrer(json_t *out, const json_t *root, cspr_date at)
{
	const char *const *drop = referrer_drop;
	json_t *ref = json_object_get(json_object_get(out, "referral"),
	    "referrer");
	const json_t *orig = cspr_get(root, "referral.referrer");
	char *lab;
	int r;

	if (!json_is_object(ref))
		return 0;
	if (!(lab = cspr_label_referrer(root)))
		return -1;
	r = json_object_set_new_nocheck(json_object_get(out, "referral"),
	    "referrer", person(ref, orig, lab, at, drop));
	free(lab);
	return r;
}

/* cspr_anonymise, free text as schema says. */
static json_t *
anonymise(json_t *root, const struct cspr_detector *d,
    struct cspr_errors *replaced, json_t *schema)
{
	static const char *const none[] = {NULL};
	json_t *out = NULL, *rev, *name;
	struct redact x = {.d = d, .replaced = replaced};
	cspr_date at = CSPR_NO_DATE;
	int r;

	if (!d || !json_is_object(root) || !schema ||
	    !(out = json_deep_copy(root)))
		goto fail;
	drop_all(out);
	r = cspr_free_text_walk(schema, out, redact_free, &x);
	cspr_hits_clear(&x.hits);
	cspr_maybes_clear(&x.maybes);
	if (r < 0)
		goto fail;
	cspr_get_date(root, "incident.date", &at);
	/* the reviewer is named (9.4.3) as written, unless the detector
	 * found someone in the name: a family member of the same name */
	rev = json_object_get(json_object_get(out, "review"), "reviewer");
	name = cspr_get(root, "review.reviewer.name");
	if ((json_is_object(rev) && json_is_string(name) &&
	    !json_equal(json_object_get(rev, "name"), name) &&
	    json_object_set_new_nocheck(rev, "name",
	    json_string("Reviewer")) < 0) ||
	    child(out, root, at) < 0 ||
	    each_person(out, root, "family", at, cspr_label_family,
	    family_drop) < 0 ||
	    each_person(out, root, "professionals", at,
	    cspr_label_professional, none) < 0 ||
	    referrer(out, root, at) < 0)
		goto fail;
	return out;
fail:
	json_decref(out);
	return NULL;
}

json_t *
cspr_anonymise(json_t *root, const struct cspr_detector *d,
    struct cspr_errors *replaced)
{
	json_t *schema = cspr_case_schema_tree(), *out;

	out = anonymise(root, d, replaced, schema);
	json_decref(schema);
	return out;
}

/* ---- the residual scan ---- */

struct scan {
	const struct cspr_detector *d;
	const char *file;
	const struct cspr_doc *doc;
	struct cspr_errors *e;
	struct cspr_hits hits;
	json_t **codes; /* the strings that are codes, sorted by address */
	size_t ncodes, capcodes;
	char *path;
	size_t len, cap;
	int found;
};

static int
path_room(struct scan *s, size_t extra)
{
	if (s->len + extra + 1 > s->cap) {
		size_t cap = (s->len + extra + 1) * 2;
		char *p = realloc(s->path, cap);

		if (!p)
			return -1;
		s->path = p;
		s->cap = cap;
	}
	return 0;
}

/* A code (an enumerated value, an agency id, a date) names no one,
 * whatever words it shares with a name ("outside_england", "police"); as
 * a number or a date it can still be a date of birth or a phone number. */
static int
collect(void *arg, json_t *str, enum cspr_text cls, const char *path)
{
	struct scan *s = arg;

	(void)path;
	if (cls != CSPR_TEXT_CODE)
		return 0;
	if (cspr_grow(&s->codes, &s->capcodes, s->ncodes + 1,
	    sizeof(*s->codes)) < 0)
		return -1;
	s->codes[s->ncodes++] = str;
	return 0;
}

static int
cmpptr(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)*(json_t *const *)a;
	uintptr_t y = (uintptr_t)*(json_t *const *)b;

	return (x > y) - (x < y);
}

/* Report the kinds found in text at the current path, each kind once. */
static int
scan_text(struct scan *s, const char *text, size_t len, int code,
    const char *where)
{
	unsigned seen = 0;
	long line = 0, col = 0;
	int n = cspr_detect(s->d, text, len, &s->hits);

	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		enum cspr_id_kind k = s->hits.v[i].kind;
		const char *path = s->len ? s->path : ".";

		if ((seen & (1u << k)) || (code && (k == CSPR_ID_NAME ||
		    k == CSPR_ID_ALIAS || k == CSPR_ID_ADDRESS)))
			continue;
		seen |= 1u << k;
		if (s->doc && cspr_doc_pos(s->doc, path, &line, &col) < 0)
			line = col = 0;
		if (cspr_errors_add(s->e, s->file, line, col, path,
		    "identifying detail remains after anonymisation%s: %s "
		    "(9.4.3)", where, cspr_id_kind_name(k)) < 0)
			return -1;
		s->found++;
	}
	return 0;
}

/* masked: a key above held an identifier, so the path stops there and
 * never spells it out. */
static int
scan_value(struct scan *s, json_t *v, int masked)
{
	size_t at = s->len, i;
	const char *k;
	json_t *x;
	char num[32];

	if (json_is_string(v))
		return scan_text(s, json_string_value(v),
		    json_string_length(v), s->ncodes && bsearch(&v, s->codes,
		    s->ncodes, sizeof(*s->codes), cmpptr) != NULL, "");
	if (json_is_integer(v)) {
		snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		return scan_text(s, num, strlen(num), 0, "");
	}
	json_array_foreach(v, i, x) {
		if (!masked) {
			if (path_room(s, 24) < 0)
				return -1;
			s->len += (size_t)snprintf(s->path + s->len, 24,
			    "[%zu]", i);
		}
		if (scan_value(s, x, masked) < 0)
			return -1;
		s->len = at;
		if (s->path)
			s->path[at] = '\0';
	}
	json_object_foreach(v, k, x) {
		size_t klen = strlen(k);
		int before = s->found, m = masked;

		if (scan_text(s, k, klen, 0, " in a key") < 0)
			return -1;
		m |= s->found > before;
		if (!m) {
			if (path_room(s, 6 * klen + 6) < 0)
				return -1;
			s->len += cspr_path_key(s->path + s->len, at == 0, k,
			    klen);
		}
		if (scan_value(s, x, m) < 0)
			return -1;
		s->len = at;
		if (s->path)
			s->path[at] = '\0';
	}
	return 0;
}

/* cspr_anonymise_scan, codes as schema says. */
static int
scan_tree(const struct cspr_detector *d, json_t *tree, const char *file,
    const struct cspr_doc *doc, struct cspr_errors *e, json_t *schema)
{
	struct scan s;
	int r = -1;

	memset(&s, 0, sizeof(s));
	s.d = d;
	s.file = file ? file : "";
	s.doc = doc;
	s.e = e;
	if (schema && cspr_free_text_walk(schema, tree, collect, &s) == 0) {
		if (s.ncodes)
			qsort(s.codes, s.ncodes, sizeof(*s.codes), cmpptr);
		r = scan_value(&s, tree, 0);
	}
	cspr_hits_clear(&s.hits);
	free(s.codes);
	free(s.path);
	return r < 0 ? -1 : s.found;
}

int
cspr_anonymise_scan(const struct cspr_detector *d, json_t *tree,
    const char *file, const struct cspr_doc *doc, struct cspr_errors *e)
{
	json_t *schema = cspr_case_schema_tree();
	int r = scan_tree(d, tree, file, doc, e, schema);

	json_decref(schema);
	return r;
}

/* Forget the diagnostics of e from the first'th on. */
static void
truncate_errors(struct cspr_errors *e, size_t first)
{
	while (e->n > first) {
		e->n--;
		free(e->v[e->n].file);
		free(e->v[e->n].path);
		free(e->v[e->n].message);
	}
}

/* Place the diagnostics of e from the first'th on in the case's file. */
static int
place(struct cspr_errors *e, size_t first, const struct cspr_case *c)
{
	for (size_t i = first; i < e->n; i++) {
		char *f = strdup(cspr_case_file(c) ? cspr_case_file(c) : "");

		if (!f)
			return -1;
		free(e->v[i].file);
		e->v[i].file = f;
		if (!cspr_case_doc(c) || !e->v[i].path ||
		    cspr_doc_pos(cspr_case_doc(c), e->v[i].path, &e->v[i].line,
		    &e->v[i].col) < 0)
			e->v[i].line = e->v[i].col = 0;
	}
	return 0;
}

int
cspr_anonymise_case(const struct cspr_case *c, json_t **out,
    struct cspr_errors *e, struct cspr_errors *replaced)
{
	json_t *root = cspr_case_root(c), *t = NULL;
	struct cspr_detector *d = cspr_detector_from_case(root);
	/* free text and codes as the schema the case was checked against
	 * says: a code of a --schema is never rewritten */
	json_t *schema = cspr_case_schema_doc(c) ?
	    json_incref(cspr_case_schema_doc(c)) : cspr_case_schema_tree();
	size_t first = replaced ? replaced->n : 0;
	int n, r = CSPR_ERROR;

	*out = NULL;
	if (!d || !schema)
		goto oom;
	/* bound for an external body: "Hope" starting a sentence is replaced
	 * too (9.4.3) */
	cspr_detector_strict(d, 1);
	if (!(t = anonymise(root, d, replaced, schema)))
		goto oom;
	if ((n = scan_tree(d, t, cspr_case_file(c), cspr_case_doc(c), e,
	    schema)) < 0)
		goto oom;
	if (n > 0) {
		/* nothing goes out, so nothing was replaced */
		json_decref(t);
		if (replaced)
			truncate_errors(replaced, first);
		r = CSPR_FINDINGS;
	} else {
		if (replaced && place(replaced, first, c) < 0)
			goto oom;
		*out = t;
		r = CSPR_OK;
	}
	json_decref(schema);
	cspr_detector_free(&d);
	return r;
oom:
	json_decref(t);
	json_decref(schema);
	if (replaced)
		truncate_errors(replaced, first);
	cspr_detector_free(&d);
	cspr_errors_add(e, cspr_case_file(c), 0, 0, NULL, "out of memory");
	return CSPR_ERROR;
}
