/*
 * anonymise.c - a case as an external body may see it (9.4.3).
 *
 * "Information relating to children, family members and professionals
 * involved in the case (with the exception of the ... Reviewer/s) will be
 * anonymised before being submitted to any external organisation or body."
 * The structured fields are replaced field by field: people become the
 * labels the identifier detector gives them in free text (the child's
 * pseudonym, a relationship, a role and agency), so a reader can follow one
 * person from a field into a summary; dates of birth become an age.  Every
 * other string goes through cspr_redact().  Then the whole result is
 * scanned again with the same detector, and anything still identifying is
 * reported by place and kind, never by its text: the caller prints nothing
 * for that case.
 *
 * Left as they are, by choice: organisations and places (agencies, local
 * authorities, the out-of-area organisation), which the Panel needs and
 * which 9.4.3 does not cover; the reviewer's name; the case id and the
 * partnership.  The child's education setting is removed: with the child's
 * age it points at very few children.  Free text naming a school or a town
 * is not changed unless it holds a known identifier: the detector finds
 * people, and a person should read free text before it is sent.
 */
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

/* ---- labels, as identifiers.c gives them in free text ---- */

static const char *
text_of(const json_t *o, const char *key)
{
	json_t *v = json_is_object(o) ? json_object_get(o, key) : NULL;

	return json_is_string(v) && json_string_length(v) > 0 ?
	    json_string_value(v) : NULL;
}

static int
same_text(const char *a, const char *b)
{
	if (!a || !b)
		return !a && !b;
	return strcasecmp(a, b) == 0;
}

/* "step_father" -> "Step father": the first letter a capital, underscores
 * spaces. */
static void
capitalised(const char *s, char *out, size_t size)
{
	cspr_u8trim((snprintf(out, size, "%s", s), out));
	for (char *p = out; *p; p++)
		if (*p == '_')
			*p = ' ';
	if (out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 'a' + 'A');
}

/* "Mother", or "Sibling 2" where the relationship repeats. */
static void
family_label(const json_t *family, size_t k, char *out, size_t size)
{
	const char *rel = text_of(json_array_get(family, k), "relationship");
	size_t same = 0, nth = 0, j;
	char base[160];
	json_t *m;

	capitalised(rel ? rel : "family member", base, sizeof(base));
	json_array_foreach(family, j, m) {
		if (!json_is_object(m) ||
		    !same_text(rel, text_of(m, "relationship")))
			continue;
		same++;
		if (j <= k)
			nth++;
	}
	if (same > 1)
		snprintf(out, size, "%s %zu", base, nth);
	else
		snprintf(out, size, "%s", base);
	cspr_u8trim(out);
}

/* "Social worker, Hampshire Children's Services", numbered where two have
 * the same role and agency. */
static void
professional_label(const json_t *pros, size_t k, char *out, size_t size)
{
	const json_t *p = json_array_get(pros, k);
	const char *role = text_of(p, "role"), *agency = text_of(p, "agency");
	size_t same = 0, nth = 0, j, l;
	char r[160];
	json_t *o;

	capitalised(role ? role : "professional", r, sizeof(r));
	json_array_foreach(pros, j, o) {
		if (same_text(role, text_of(o, "role")) &&
		    same_text(agency, text_of(o, "agency"))) {
			same++;
			if (j <= k)
				nth++;
		}
	}
	l = strlen(r);
	if (same > 1)
		snprintf(r + l, sizeof(r) - l, " %zu", nth);
	if (agency)
		snprintf(out, size, "%s, %s", r, agency);
	else
		snprintf(out, size, "%s", r);
	cspr_u8trim(out);
}

/* The referrer is named as the professional they are, when they are one
 * (as the detector does: the professional comes first), else "Referrer,
 * agency". */
static void
referrer_label(const json_t *root, const json_t *ref, char *out,
    size_t size)
{
	const json_t *pros = cspr_get(root, "professionals");
	const char *name = text_of(ref, "name");
	const char *agency = text_of(ref, "agency");
	size_t k;
	json_t *p;

	json_array_foreach(pros, k, p) {
		if (name && same_text(name, text_of(p, "name"))) {
			professional_label(pros, k, out, size);
			return;
		}
	}
	snprintf(out, size, "Referrer%s%s", agency ? ", " : "",
	    agency ? agency : "");
	cspr_u8trim(out);
}

/* ---- the transform ---- */

/* A copy of v with every string redacted but dates and date-times, which
 * the scan judges as they are. */
static json_t *
redacted(const struct cspr_detector *d, json_t *v)
{
	json_t *out, *x;
	const char *k;
	size_t i;

	if (json_is_string(v)) {
		cspr_time t;
		size_t len;
		char *s;

		if (cspr_datetime_parse(json_string_value(v), &t) >= 0)
			return json_incref(v);
		s = cspr_redact(d, json_string_value(v), json_string_length(v),
		    &len);
		if (!s)
			return NULL;
		out = json_stringn_nocheck(s, len);
		free(s);
		return out;
	}
	if (json_is_array(v)) {
		if (!(out = json_array()))
			return NULL;
		json_array_foreach(v, i, x)
			if (json_array_append_new(out, redacted(d, x)) < 0)
				goto fail;
		return out;
	}
	if (json_is_object(v)) {
		if (!(out = json_object()))
			return NULL;
		json_object_foreach(v, k, x)
			if (json_object_set_new_nocheck(out, k,
			    redacted(d, x)) < 0)
				goto fail;
		return out;
	}
	return json_incref(v);
fail:
	json_decref(out);
	return NULL;
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

/* Replace each member of the array at key in out by fn's rebuilding. */
static int
each_person(json_t *out, const json_t *root, const char *key, cspr_date at,
    void (*label)(const json_t *, size_t, char *, size_t),
    const char *const *drop)
{
	json_t *arr = json_object_get(out, key), *orig = cspr_get(root, key);
	json_t *x;
	size_t i;
	char lab[400];

	json_array_foreach(arr, i, x) {
		if (!json_is_object(x))
			continue;
		label(orig, i, lab, sizeof(lab));
		if (json_array_set_new(arr, i, person(x,
		    json_array_get(orig, i), lab, at, drop)) < 0)
			return -1;
	}
	return 0;
}

static int
child(json_t *out, const json_t *root, cspr_date at)
{
	static const char *const drop[] = {"first_name", "last_name",
	    "aliases", "pseudonym", "nhs_number", "address", "postcode",
	    "education_setting", NULL};
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
	static const char *const drop[] = {"phone", "email", NULL};
	json_t *ref = json_object_get(json_object_get(out, "referral"),
	    "referrer");
	const json_t *orig = cspr_get(root, "referral.referrer");
	char lab[400];

	if (!json_is_object(ref))
		return 0;
	referrer_label(root, orig, lab, sizeof(lab));
	return json_object_set_new_nocheck(json_object_get(out, "referral"),
	    "referrer", person(ref, orig, lab, at, drop));
}

/* Put back a string the transform keeps as it is. */
static int
keep(json_t *out, const json_t *root, const char *key)
{
	json_t *v = json_object_get(root, key);

	return v ? json_object_set_nocheck(out, key, v) : 0;
}

json_t *
cspr_anonymise(json_t *root, const struct cspr_detector *d)
{
	static const char *const family_drop[] = {"aliases", NULL};
	static const char *const none[] = {NULL};
	json_t *out, *rev, *name;
	cspr_date at = CSPR_NO_DATE;

	if (!d || !json_is_object(root) || !(out = redacted(d, root)))
		return NULL;
	cspr_get_date(root, "incident.date", &at);
	rev = json_object_get(json_object_get(out, "review"), "reviewer");
	name = cspr_get(root, "review.reviewer.name");
	if (keep(out, root, "id") < 0 || keep(out, root, "partnership") < 0 ||
	    (json_is_object(rev) && name &&
	    json_object_set_nocheck(rev, "name", name) < 0) ||
	    child(out, root, at) < 0 ||
	    each_person(out, root, "family", at, family_label,
	    family_drop) < 0 ||
	    each_person(out, root, "professionals", at, professional_label,
	    none) < 0 ||
	    referrer(out, root, at) < 0) {
		json_decref(out);
		return NULL;
	}
	return out;
}

/* ---- the residual scan ---- */

struct scan {
	const struct cspr_detector *d;
	const char *file;
	const struct cspr_doc *doc;
	struct cspr_errors *e;
	struct cspr_hits hits;
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

/* Report the kinds found in text at the current path, each kind once. */
static int
scan_text(struct scan *s, const char *text, size_t len, const char *where)
{
	unsigned seen = 0;
	long line = 0, col = 0;
	int n = cspr_detect(s->d, text, len, &s->hits);

	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		enum cspr_id_kind k = s->hits.v[i].kind;
		const char *path = s->len ? s->path : ".";

		if (seen & (1u << k))
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
		    json_string_length(v), "");
	if (json_is_integer(v)) {
		snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		return scan_text(s, num, strlen(num), "");
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

		if (scan_text(s, k, klen, " in a key") < 0)
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

int
cspr_anonymise_scan(const struct cspr_detector *d, json_t *tree,
    const char *file, const struct cspr_doc *doc, struct cspr_errors *e)
{
	struct scan s;
	int r;

	memset(&s, 0, sizeof(s));
	s.d = d;
	s.file = file ? file : "";
	s.doc = doc;
	s.e = e;
	r = scan_value(&s, tree, 0);
	cspr_hits_clear(&s.hits);
	free(s.path);
	return r < 0 ? -1 : s.found;
}

int
cspr_anonymise_case(const struct cspr_case *c, json_t **out,
    struct cspr_errors *e)
{
	json_t *root = cspr_case_root(c), *t = NULL;
	struct cspr_detector *d = cspr_detector_from_case(root);
	int n, r = CSPR_ERROR;

	*out = NULL;
	if (!d)
		goto oom;
	/* bound for an external body: "Hope" starting a sentence is replaced
	 * too (9.4.3) */
	cspr_detector_strict(d, 1);
	if (!(t = cspr_anonymise(root, d)))
		goto oom;
	if ((n = cspr_anonymise_scan(d, t, cspr_case_file(c),
	    cspr_case_doc(c), e)) < 0)
		goto oom;
	if (n > 0) {
		json_decref(t);
		r = CSPR_FINDINGS;
	} else {
		*out = t;
		r = CSPR_OK;
	}
	cspr_detector_free(&d);
	return r;
oom:
	json_decref(t);
	cspr_detector_free(&d);
	cspr_errors_add(e, cspr_case_file(c), 0, 0, NULL, "out of memory");
	return CSPR_ERROR;
}
