/*
 * load.c - the one way a case file enters the program.
 *
 * libyaml events become jansson values; the line:column of every node is
 * kept beside the tree, keyed by its jq-style path, so that any later check
 * can say file:line:col.  Scalars resolve by the YAML 1.2 core schema, with
 * one deliberate difference: a number written with a leading zero (0123) is
 * a string, because in case files such values are phone numbers and
 * references.  Everything that could make a YAML file mean something other
 * than what it shows, or make it expensive to read, is rejected with one
 * clear diagnostic: duplicate keys, anchors, aliases and merge keys (which
 * also stops "billion laughs"), non-standard tags, several documents,
 * invalid UTF-8, NUL bytes, nesting deeper than CSPR_MAX_DEPTH and files
 * over CSPR_MAX_FILE.  Depth is counted while pulling events, before
 * libyaml's cost in depth can grow.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <yaml.h>

#include "csprcore.h"
#include "internal.h"

/* Where one node is: how it is named (its container's entry and its key
 * or index), its own position and, for a mapping member, its key's.  Paths
 * are spelled out only when a diagnostic asks for a place: building a path
 * for every node of every file was a tenth of the loader's own time. */
#define NO_PARENT ((size_t)-1)
#define NOT_KEY ((size_t)-1)
struct pos {
	size_t parent; /* the container's entry; NO_PARENT for the root */
	size_t step;   /* a sequence index, or the key's offset in keys */
	size_t klen;   /* the key's length; NOT_KEY for a sequence index */
	size_t path;   /* offset of the path in paths, once spelled out */
	long line, col;
	long kline, kcol;
};

struct cspr_doc {
	char *file;
	json_t *root;
	struct pos *pos;
	size_t npos, cappos;
	char *keys; /* every mapping key, one after another, no NULs */
	size_t lkeys, capkeys;
	char *paths; /* NUL-terminated paths, spelled out at the first lookup */
	/* An open-addressing hash of paths to pos[] entries (index + 1, 0
	 * empty), so that placing each of a file's diagnostics is not a scan
	 * of every node: a 4 MiB file can have 300,000 nodes and as many
	 * errors.  Like the paths, built at the first lookup in a loaded
	 * document (most valid files never need one), so both are kept even
	 * through a const pointer. */
	int loaded;
	size_t *index;
	size_t capindex; /* a power of two, at least twice npos */
};

/* One open container while building. */
struct frame {
	json_t *node;
	size_t pos;        /* its own entry in doc->pos */
	long index;        /* next sequence index */
	int haskey;        /* a mapping's key is waiting for its value: */
	size_t key, keylen; /* its offset in doc->keys, and its length */
	long kline, kcol;
};

struct builder {
	struct cspr_doc *doc;
	const char *name;
	const char *buf;
	size_t len;
	struct cspr_errors *e;
	struct frame stack[CSPR_MAX_DEPTH + 1];
	int depth;
	int failed;
	int oom; /* failed for want of memory: CSPR_ERROR, not the file's fault */
};

static int
fail(struct builder *b, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int
fail(struct builder *b, long line, long col, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	b->failed = 1;
	cspr_errors_add(b->e, b->name, line, col, NULL, "%s", msg);
	return -1;
}

static int
oom(struct builder *b)
{
	b->oom = 1;
	return fail(b, 0, 0, "out of memory");
}

/* Line and column (1-based, columns in characters) of a byte offset. */
static void
locate(const char *buf, size_t len, size_t off, long *line, long *col)
{
	long l = 1, c = 1;

	if (off > len)
		off = len;
	for (size_t i = 0; i < off; i++) {
		unsigned char ch = (unsigned char)buf[i];

		if (ch == '\n' || (ch == '\r' && (i + 1 >= len ||
		    buf[i + 1] != '\n'))) {
			l++;
			c = 1;
		} else if (ch == '\r') {
			continue;
		} else if ((ch & 0xc0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

/* Before libyaml sees the bytes: they must be UTF-8 without NULs. */
static int
check_bytes(struct builder *b)
{
	const unsigned char *s = (const unsigned char *)b->buf;
	size_t i = 0, n = b->len;
	long line, col;

	while (i < n) {
		uint32_t cp;
		size_t k;

		/* eight bytes at a time while they are ASCII and not NUL: a
		 * case file is almost all ASCII, and this runs on every byte */
		while (i + 8 <= n) {
			uint64_t w;

			memcpy(&w, s + i, 8);
			if ((w & 0x8080808080808080ULL) ||
			    ((w - 0x0101010101010101ULL) & ~w &
			    0x8080808080808080ULL))
				break;
			i += 8;
		}
		if (i >= n)
			break;
		if (s[i] == 0) {
			locate(b->buf, n, i, &line, &col);
			return fail(b, line, col, "NUL byte in file");
		}
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		/* the shared decoder gives an invalid sequence as one byte
		 * of U+FFFD; a real U+FFFD takes three */
		if ((k = cspr_u8dec(s, n, i, &cp)) == 1) {
			locate(b->buf, n, i, &line, &col);
			return fail(b, line, col,
			    "invalid UTF-8 (case files must be UTF-8 text)");
		}
		i += k;
	}
	return 0;
}

/* ---- positions ---- */

/* Record where the node now beginning is. */
static int
record(struct builder *b, long line, long col)
{
	struct cspr_doc *d = b->doc;
	struct pos p = {NO_PARENT, 0, NOT_KEY, 0, line, col, 0, 0};

	if (d->npos == d->cappos) {
		size_t cap = d->cappos ? d->cappos * 2 : 64;
		struct pos *v = realloc(d->pos, cap * sizeof(*v));

		if (!v)
			return -1;
		d->pos = v;
		d->cappos = cap;
	}
	if (b->depth > 0) {
		const struct frame *f = &b->stack[b->depth - 1];

		p.parent = f->pos;
		if (json_is_array(f->node)) {
			p.step = (size_t)f->index;
		} else {
			p.step = f->key;
			p.klen = f->keylen;
			p.kline = f->kline;
			p.kcol = f->kcol;
		}
	}
	d->pos[d->npos++] = p;
	return 0;
}

/* Spell out every entry's path: ".child.dob", ".family[1].name",
 * ".[\"odd key\"]", "" for the root.  A container's entry comes before
 * its members', so each path is its parent's and one step more.  Returns
 * -1 on out of memory (lookups then find nothing). */
static int
spell_paths(struct cspr_doc *d)
{
	size_t len = 0, cap = 0;
	char *p = NULL;

	for (size_t i = 0; i < d->npos; i++) {
		struct pos *q = &d->pos[i];
		size_t plen = q->parent == NO_PARENT ? 0 :
		    strlen(p + d->pos[q->parent].path);
		size_t need = plen + (q->klen == NOT_KEY ? 24 : q->klen * 6 + 5) +
		    1;
		char *dst;

		if (len + need > cap) {
			size_t c = (len + need) * 2;
			char *v = realloc(p, c);

			if (!v) {
				free(p);
				return -1;
			}
			p = v;
			cap = c;
		}
		dst = p + len;
		if (plen)
			memcpy(dst, p + d->pos[q->parent].path, plen);
		if (q->parent == NO_PARENT) {
			dst[0] = '\0';
		} else if (q->klen == NOT_KEY) {
			snprintf(dst + plen, 24, "[%zu]", q->step);
		} else {
			cspr_path_key(dst + plen, plen == 0, d->keys + q->step,
			    q->klen);
		}
		q->path = len;
		len += strlen(dst) + 1;
	}
	if (!p && !(p = malloc(1)))
		return -1;
	d->paths = p;
	return 0;
}

/* ---- scalars ---- */

static int
all_digits(const char *s, size_t n, int base)
{
	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		int c = (unsigned char)s[i];

		if (base == 8 && !(c >= '0' && c <= '7'))
			return 0;
		if (base == 10 && !(c >= '0' && c <= '9'))
			return 0;
		if (base == 16 && !((c >= '0' && c <= '9') ||
		    (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
			return 0;
	}
	return 1;
}

/* The core schema's float form, [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? */
static int
is_float(const char *s, size_t n)
{
	size_t i = 0, int_digits = 0, frac_digits = 0;

	if (i < n && (s[i] == '-' || s[i] == '+'))
		i++;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++, int_digits++;
	if (i < n && s[i] == '.') {
		i++;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++, frac_digits++;
	}
	if (int_digits == 0 && frac_digits == 0)
		return 0;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		size_t exp = 0;

		i++;
		if (i < n && (s[i] == '-' || s[i] == '+'))
			i++;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++, exp++;
		if (!exp)
			return 0;
	}
	return i == n;
}

/* A leading zero followed by a digit keeps a plain scalar a string. */
static int
leading_zero(const char *s, size_t n)
{
	size_t i = (n && (s[0] == '-' || s[0] == '+')) ? 1 : 0;

	return i + 1 < n && s[i] == '0' && s[i + 1] >= '0' && s[i + 1] <= '9';
}

static int
is_one_of(const char *s, size_t n, const char *const *words)
{
	/* the first byte first: most scalars match none of the words (s is
	 * NUL-terminated, so s[0] is there even when n is 0) */
	for (; *words; words++)
		if ((*words)[0] == s[0] && strlen(*words) == n &&
		    memcmp(s, *words, n) == 0)
			return 1;
	return 0;
}

static const char *const nulls[] = {"", "~", "null", "Null", "NULL", NULL};
static const char *const trues[] = {"true", "True", "TRUE", NULL};
static const char *const falses[] = {"false", "False", "FALSE", NULL};
static const char *const specials[] = {".inf", ".Inf", ".INF", "+.inf",
    "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN",
    NULL};

enum tag { TAG_NONE, TAG_STR, TAG_INT, TAG_FLOAT, TAG_BOOL, TAG_NULL,
	TAG_MAP, TAG_SEQ, TAG_BAD };

static enum tag
tag_of(const yaml_char_t *tag)
{
	static const struct {
		const char *name;
		enum tag tag;
	} tags[] = {
		{"!", TAG_STR}, /* the non-specific tag: "a string" */
		{YAML_STR_TAG, TAG_STR}, {YAML_INT_TAG, TAG_INT},
		{YAML_FLOAT_TAG, TAG_FLOAT}, {YAML_BOOL_TAG, TAG_BOOL},
		{YAML_NULL_TAG, TAG_NULL}, {YAML_MAP_TAG, TAG_MAP},
		{YAML_SEQ_TAG, TAG_SEQ},
	};

	if (!tag)
		return TAG_NONE;
	for (size_t i = 0; i < sizeof(tags) / sizeof(tags[0]); i++)
		if (strcmp((const char *)tag, tags[i].name) == 0)
			return tags[i].tag;
	return TAG_BAD;
}

/* Resolve a scalar to a new jansson value; NULL after fail(). */
static json_t *
scalar(struct builder *b, const yaml_event_t *ev, long line, long col)
{
	const char *s = (const char *)ev->data.scalar.value;
	size_t n = ev->data.scalar.length;
	enum tag tag = tag_of(ev->data.scalar.tag);
	int plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE, word;
	json_t *v;

	if (tag == TAG_NONE && !plain)
		tag = TAG_STR;
	if (tag == TAG_STR)
		goto string;
	if (tag == TAG_MAP || tag == TAG_SEQ) {
		fail(b, line, col, "tag %s on a plain value",
		    (const char *)ev->data.scalar.tag);
		return NULL;
	}
	/* the null, boolean and special words all start with one of these;
	 * most scalars do not, and need not be compared with each word (s[0]
	 * is the terminating NUL when n is 0, which strchr finds) */
	word = strchr("~nNtTfF.+-", s[0]) != NULL;
	if (!word)
		goto number;
	if ((tag == TAG_NONE || tag == TAG_NULL) && is_one_of(s, n, nulls))
		return json_null();
	if ((tag == TAG_NONE || tag == TAG_BOOL) && is_one_of(s, n, trues))
		return json_true();
	if ((tag == TAG_NONE || tag == TAG_BOOL) && is_one_of(s, n, falses))
		return json_false();
number:
	if ((tag == TAG_NONE || tag == TAG_INT) && !leading_zero(s, n)) {
		int base = 10;
		size_t skip = 0;

		if (n > 2 && s[0] == '0' && s[1] == 'o')
			base = 8, skip = 2;
		else if (n > 2 && s[0] == '0' && s[1] == 'x')
			base = 16, skip = 2;
		else if (n > 1 && (s[0] == '-' || s[0] == '+'))
			skip = 1; /* strtoll takes the sign back below */
		if (all_digits(s + skip, n - skip, base)) {
			char tmp[72], *end;
			long long x;

			if (n >= sizeof(tmp)) {
				fail(b, line, col, "integer out of range");
				return NULL;
			}
			if (base == 10)
				skip = 0;
			memcpy(tmp, s + skip, n - skip);
			tmp[n - skip] = '\0';
			errno = 0;
			x = strtoll(tmp, &end, base);
			if (errno == ERANGE || *end) {
				fail(b, line, col, "integer out of range");
				return NULL;
			}
			if (!(v = json_integer(x)))
				oom(b);
			return v;
		}
	}
	if ((tag == TAG_NONE || tag == TAG_FLOAT) && word &&
	    is_one_of(s, n, specials)) {
		fail(b, line, col,
		    "infinite and not-a-number values are not supported");
		return NULL;
	}
	if ((tag == TAG_NONE || tag == TAG_FLOAT) && !leading_zero(s, n) &&
	    is_float(s, n)) {
		char tmp[512], *end;
		double x;

		if (n >= sizeof(tmp)) {
			fail(b, line, col, "number too long");
			return NULL;
		}
		memcpy(tmp, s, n);
		tmp[n] = '\0';
		errno = 0;
		x = strtod(tmp, &end);
		if (!isfinite(x) || *end) {
			fail(b, line, col, "number out of range");
			return NULL;
		}
		if (!(v = json_real(x)))
			oom(b);
		return v;
	}
	if (tag != TAG_NONE) {
		fail(b, line, col, "value does not fit its tag %s",
		    (const char *)ev->data.scalar.tag);
		return NULL;
	}
string:
	if (!(v = json_stringn_nocheck(s, n)))
		oom(b);
	return v;
}

/* ---- building ---- */

/* Attach a finished node to the open container (or make it the root). */
static int
attach(struct builder *b, json_t *v)
{
	struct frame *f;
	int r;

	if (b->depth == 0) {
		b->doc->root = v;
		return 0;
	}
	f = &b->stack[b->depth - 1];
	if (json_is_array(f->node)) {
		r = json_array_append_new(f->node, v);
		f->index++;
	} else {
		r = json_object_setn_new_nocheck(f->node,
		    b->doc->keys + f->key, f->keylen, v);
		f->haskey = 0;
	}
	return r < 0 ? oom(b) : 0;
}

/* Called as a node begins, with the node's own mark. */
static int
begin_node(struct builder *b, long line, long col)
{
	return record(b, line, col) < 0 ? oom(b) : 0;
}

/* A scalar in key position of a mapping. */
static int
key(struct builder *b, const yaml_event_t *ev, long line, long col)
{
	struct frame *f = &b->stack[b->depth - 1];
	const char *s = (const char *)ev->data.scalar.value;
	size_t n = ev->data.scalar.length;
	enum tag tag = tag_of(ev->data.scalar.tag);
	json_t *first;

	if (tag != TAG_NONE && tag != TAG_STR)
		return fail(b, line, col, "keys must be plain strings");
	if (ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && n == 2 &&
	    memcmp(s, "<<", 2) == 0)
		return fail(b, line, col, "merge keys (<<) are not allowed");
	if (memchr(s, '\0', n))
		return fail(b, line, col, "NUL character in a key");
	if ((first = json_object_getn(f->node, s, n))) {
		const struct cspr_doc *d = b->doc;
		long fl = 0;

		/* the first one's entry: once, on the way out */
		for (size_t i = f->pos + 1; i < d->npos; i++)
			if (d->pos[i].parent == f->pos && d->pos[i].klen == n &&
			    memcmp(d->keys + d->pos[i].step, s, n) == 0) {
				fl = d->pos[i].kline;
				break;
			}
		if (cspr_path_plain(s, n))
			return fail(b, line, col,
			    "duplicate key \"%.*s\" (first at line %ld)",
			    (int)n, s, fl);
		return fail(b, line, col, "duplicate key (first at line %ld)",
		    fl);
	}
	/* allocated at the first key, even an empty one: keys + 0 must not
	 * be NULL + 0 (undefined behaviour; the fuzzer found "?") */
	if (!b->doc->keys || b->doc->lkeys + n > b->doc->capkeys) {
		struct cspr_doc *d = b->doc;
		size_t cap = (d->lkeys + n) * 2 > 1024 ? (d->lkeys + n) * 2 :
		    1024;
		char *p = realloc(d->keys, cap);

		if (!p)
			return oom(b);
		d->keys = p;
		d->capkeys = cap;
	}
	memcpy(b->doc->keys + b->doc->lkeys, s, n);
	f->key = b->doc->lkeys;
	f->keylen = n;
	f->haskey = 1;
	b->doc->lkeys += n;
	f->kline = line;
	f->kcol = col;
	return 0;
}

static int
open_container(struct builder *b, json_t *node, long line, long col)
{
	struct frame *f;

	if (!node)
		return oom(b);
	if (b->depth >= CSPR_MAX_DEPTH) {
		json_decref(node);
		return fail(b, line, col, "nesting deeper than %d levels",
		    CSPR_MAX_DEPTH);
	}
	if (begin_node(b, line, col) < 0) {
		json_decref(node);
		return -1;
	}
	f = &b->stack[b->depth++];
	f->node = node;
	f->pos = b->doc->npos - 1;
	f->index = 0;
	f->haskey = 0;
	return 0;
}

static int
close_container(struct builder *b)
{
	struct frame *f = &b->stack[--b->depth];
	json_t *node = f->node;

	f->node = NULL;
	return attach(b, node);
}

/* One event; returns 1 at the end of the stream, 0 to go on, -1 failed. */
static int
event(struct builder *b, const yaml_event_t *ev, int *docs)
{
	long line = (long)ev->start_mark.line + 1;
	long col = (long)ev->start_mark.column + 1;
	const yaml_char_t *anchor = NULL, *tag = NULL;

	switch (ev->type) {
	case YAML_STREAM_START_EVENT:
	case YAML_DOCUMENT_END_EVENT:
		return 0;
	case YAML_STREAM_END_EVENT:
		return 1;
	case YAML_DOCUMENT_START_EVENT:
		if (++*docs > 1)
			return fail(b, line, col,
			    "more than one document (one case per file)");
		return 0;
	case YAML_ALIAS_EVENT:
		return fail(b, line, col, "aliases (*name) are not allowed");
	case YAML_SCALAR_EVENT:
		anchor = ev->data.scalar.anchor;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return close_container(b);
	default:
		return 0;
	}
	if (anchor)
		return fail(b, line, col, "anchors (&name) are not allowed");
	if (ev->type == YAML_SCALAR_EVENT) {
		json_t *v;

		if (tag_of(ev->data.scalar.tag) == TAG_BAD)
			return fail(b, line, col, "tag %s is not allowed",
			    (const char *)ev->data.scalar.tag);
		if (b->depth > 0 && json_is_object(b->stack[b->depth - 1].node)
		    && !b->stack[b->depth - 1].haskey)
			return key(b, ev, line, col);
		if (memchr(ev->data.scalar.value, '\0',
		    ev->data.scalar.length))
			return fail(b, line, col, "NUL character in a value");
		if (begin_node(b, line, col) < 0)
			return -1;
		if (!(v = scalar(b, ev, line, col)))
			return -1;
		return attach(b, v);
	}
	if (b->depth > 0 && json_is_object(b->stack[b->depth - 1].node) &&
	    !b->stack[b->depth - 1].haskey)
		return fail(b, line, col, "keys must be plain strings");
	if (tag) {
		enum tag t = tag_of(tag);

		if ((ev->type == YAML_MAPPING_START_EVENT && t != TAG_MAP) ||
		    (ev->type == YAML_SEQUENCE_START_EVENT && t != TAG_SEQ))
			return fail(b, line, col, "tag %s is not allowed",
			    (const char *)tag);
	}
	if (ev->type == YAML_MAPPING_START_EVENT)
		return open_container(b, json_object(), line, col);
	return open_container(b, json_array(), line, col);
}

static void
parser_error(struct builder *b, yaml_parser_t *p)
{
	long line, col;
	const char *problem = p->problem ? p->problem : "cannot parse";

	if (p->error == YAML_MEMORY_ERROR) {
		oom(b);
		return;
	}
	if (p->error == YAML_READER_ERROR) {
		locate(b->buf, b->len, p->problem_offset, &line, &col);
	} else {
		line = (long)p->problem_mark.line + 1;
		col = (long)p->problem_mark.column + 1;
	}
	if (p->context)
		fail(b, line, col, "YAML syntax: %s %s (line %ld)", problem,
		    p->context, (long)p->context_mark.line + 1);
	else
		fail(b, line, col, "YAML syntax: %s", problem);
}

/* ---- the path index ---- */

static size_t
path_hash(const char *s, size_t n)
{
	size_t h = 2166136261u; /* FNV-1a */

	while (n--) {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

/* Build the index; without it (out of memory) lookups scan. */
static void
index_paths(struct cspr_doc *d)
{
	size_t cap = 64;

	while (cap < d->npos * 2)
		cap *= 2;
	if (!(d->index = calloc(cap, sizeof(*d->index))))
		return;
	d->capindex = cap;
	for (size_t i = 0; i < d->npos; i++) {
		const char *p = d->paths + d->pos[i].path;
		size_t h = path_hash(p, strlen(p)) & (cap - 1);

		/* a path is recorded once; keep the first should one repeat */
		while (d->index[h] && strcmp(d->paths +
		    d->pos[d->index[h] - 1].path, p) != 0)
			h = (h + 1) & (cap - 1);
		if (!d->index[h])
			d->index[h] = i + 1;
	}
}

int
cspr_load_buffer(const char *name, const char *buf, size_t len,
    struct cspr_doc **out, struct cspr_errors *e)
{
	struct builder b;
	yaml_parser_t parser;
	yaml_event_t ev;
	int docs = 0, r = 0;

	*out = NULL;
	/* A UTF-8 byte-order mark (a case saved by a Windows editor) is not
	 * content; libyaml skips it only when left to guess the encoding. */
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		buf += 3, len -= 3;
	memset(&b, 0, sizeof(b));
	b.name = name;
	b.buf = buf;
	b.len = len;
	b.e = e;
	if (!(b.doc = calloc(1, sizeof(*b.doc))) ||
	    !(b.doc->file = strdup(name))) {
		free(b.doc);
		cspr_errors_add(e, name, 0, 0, NULL, "out of memory");
		return CSPR_ERROR;
	}
	if (len > (size_t)CSPR_MAX_FILE) {
		fail(&b, 0, 0, "file is larger than %ld MiB",
		    CSPR_MAX_FILE / (1024 * 1024));
		goto out;
	}
	if (check_bytes(&b) < 0)
		goto out;
	if (!yaml_parser_initialize(&parser)) {
		oom(&b);
		goto out;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	while (r == 0) {
		if (!yaml_parser_parse(&parser, &ev)) {
			parser_error(&b, &parser);
			break;
		}
		r = event(&b, &ev, &docs);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	if (b.failed)
		goto out;
	if (!b.doc->root || json_is_null(b.doc->root)) {
		fail(&b, 1, 1, "empty file (a case needs at least id and "
		    "partnership)");
	} else if (!json_is_object(b.doc->root)) {
		long line = b.doc->npos ? b.doc->pos[0].line : 1;
		long col = b.doc->npos ? b.doc->pos[0].col : 1;

		fail(&b, line, col, "the top level must be a mapping of "
		    "field: value");
	}
out:
	while (b.depth > 0)
		json_decref(b.stack[--b.depth].node);
	if (b.failed) {
		cspr_doc_free(&b.doc);
		return b.oom ? CSPR_ERROR : CSPR_FINDINGS;
	}
	b.doc->loaded = 1;
	*out = b.doc;
	return CSPR_OK;
}

int
cspr_load(const char *path, struct cspr_doc **out, struct cspr_errors *e)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	char *buf;
	size_t len;
	int r;

	*out = NULL;
	/* a file over the limit is CSPR_FINDINGS, diagnosed already */
	if ((r = cspr_read_file(path, CSPR_MAX_FILE, &buf, &len, e)) != CSPR_OK)
		return r;
	r = cspr_load_buffer(name, buf, len, out, e);
	free(buf);
	return r;
}

void
cspr_doc_free(struct cspr_doc **doc)
{
	struct cspr_doc *d = *doc;

	if (!d)
		return;
	json_decref(d->root);
	free(d->pos);
	free(d->keys);
	free(d->paths);
	free(d->index);
	free(d->file);
	free(d);
	*doc = NULL;
}

json_t *
cspr_doc_root(const struct cspr_doc *doc)
{
	return doc->root;
}

const char *
cspr_doc_file(const struct cspr_doc *doc)
{
	return doc->file;
}

/* The entry for exactly the first n bytes of path, or NULL. */
static const struct pos *
lookup(const struct cspr_doc *d, const char *path, size_t n)
{
	/* the paths, and their index, are made at the first lookup, even
	 * through a const pointer (see struct cspr_doc) */
	if (!d->paths && spell_paths((struct cspr_doc *)d) < 0)
		return NULL;
	if (!d->index && d->loaded && d->npos > 16)
		index_paths((struct cspr_doc *)d);
	if (d->index) {
		size_t h = path_hash(path, n) & (d->capindex - 1);

		for (; d->index[h]; h = (h + 1) & (d->capindex - 1)) {
			const struct pos *q = &d->pos[d->index[h] - 1];
			const char *p = d->paths + q->path;

			if (strncmp(p, path, n) == 0 && p[n] == '\0')
				return q;
		}
		return NULL;
	}
	for (size_t i = 0; i < d->npos; i++) {
		const char *p = d->paths + d->pos[i].path;

		if (strncmp(p, path, n) == 0 && p[n] == '\0')
			return &d->pos[i];
	}
	return NULL;
}

/* The entry for a path, or for its nearest recorded ancestor. */
static const struct pos *
find(const struct cspr_doc *d, const char *path, int *exact)
{
	size_t n = strlen(path);
	const struct pos *p;

	*exact = 1;
	for (;;) {
		if ((p = lookup(d, path, n)))
			return p;
		*exact = 0;
		if (n == 0)
			return NULL;
		n = cspr_path_parent(path, n);
	}
}

int
cspr_doc_pos(const struct cspr_doc *doc, const char *path, long *line,
    long *col)
{
	const struct pos *p;
	int exact;

	if (strcmp(path, ".") == 0)
		path = "";
	if (!(p = find(doc, path, &exact)))
		return -1;
	*line = p->line;
	*col = p->col;
	return exact ? 0 : 1;
}

int
cspr_doc_key_pos(const struct cspr_doc *doc, const char *path, long *line,
    long *col)
{
	const struct pos *p;
	int exact;

	if (strcmp(path, ".") == 0)
		path = "";
	if (!(p = find(doc, path, &exact)))
		return -1;
	*line = p->kline ? p->kline : p->line;
	*col = p->kline ? p->kcol : p->col;
	return exact ? 0 : 1;
}
