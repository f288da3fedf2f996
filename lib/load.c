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
 * invalid UTF-8, NUL bytes, nesting deeper than CSPR_MAX_DEPTH, more than
 * CSPR_MAX_NODES values and files over CSPR_MAX_FILE.  Depth is counted
 * while pulling events, before libyaml's cost in depth can grow; the cap
 * on values keeps any file within the limits to a few tens of MiB.
 *
 * Lines and columns are counted here, from libyaml's character index, not
 * taken from libyaml's marks: libyaml 0.2.5 counts NEL, U+2028 and U+2029
 * as line breaks (YAML 1.1), which YAML 1.2 and every editor do not.
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
 * or index), its own position and, for a mapping member, its key's.  No
 * node's path is ever spelled out: a diagnostic's path is followed from
 * the root, one step at a time, through a hash of (container, step) built
 * at the first lookup.  (Spelling every node's path once cost gigabytes
 * for long keys nested deep.)  28 bytes a node: a file is at most
 * CSPR_MAX_FILE bytes, so every field fits in 32 bits. */
#define NO_PARENT UINT32_MAX
#define NOT_KEY UINT32_MAX
struct pos {
	uint32_t parent; /* the container's entry; NO_PARENT for the root */
	uint32_t step;   /* a sequence index, or the key's offset in keys */
	uint32_t klen;   /* the key's length; NOT_KEY for a sequence index */
	uint32_t line, col;
	uint32_t kline, kcol;
};

struct cspr_doc {
	char *file;
	json_t *root;
	struct pos *pos;
	size_t npos, cappos;
	char *keys; /* every mapping key, one after another, no NULs */
	size_t lkeys, capkeys;
	/* An open-addressing hash of (container, key or index) to pos[]
	 * entries (index + 1, 0 empty), so that placing each of a file's
	 * diagnostics is not a scan of every node: a file can have
	 * CSPR_MAX_NODES nodes and as many errors.  Built at the first lookup
	 * in a loaded document (most valid files never need one), so it is
	 * kept even through a const pointer. */
	int loaded;
	uint32_t *index;
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

/* Where libyaml's character index last was, to count lines and columns
 * from there: events come in the order of the text. */
struct cursor {
	size_t chr, off; /* characters and bytes from the start */
	long line, col;
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
	/* the text holds NEL, U+2028 or U+2029, which libyaml counts as line
	 * breaks and YAML 1.2 does not: positions are then counted here */
	int odd_breaks;
	struct cursor at;
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

/* Line and column (1-based, columns in characters) of a byte offset.
 * Only LF, CR LF and CR end a line (YAML 1.2: not NEL, U+2028, U+2029). */
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
		if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
			b->odd_breaks = 1;
		i += k;
	}
	return 0;
}

/* ---- positions ---- */

/* Line and column of libyaml's character index (the text is valid UTF-8
 * by now): on from the last place asked for, or from the start when this
 * one is before it (a syntax error's mark may be). */
static void
where(struct builder *b, size_t chr, long *line, long *col)
{
	struct cursor *c = &b->at;
	const unsigned char *s = (const unsigned char *)b->buf;

	if (c->line == 0 || chr < c->chr) {
		c->chr = c->off = 0;
		c->line = c->col = 1;
	}
	while (c->chr < chr && c->off < b->len) {
		unsigned char ch = s[c->off];

		if (ch == '\n' || (ch == '\r' && (c->off + 1 >= b->len ||
		    s[c->off + 1] != '\n'))) {
			c->line++;
			c->col = 1;
		} else if (ch != '\r') {
			c->col++;
		}
		c->chr++;
		c->off++;
		/* the rest of a multibyte character */
		while (c->off < b->len && (s[c->off] & 0xc0) == 0x80)
			c->off++;
	}
	*line = c->line;
	*col = c->col;
}

/* Line and column of a node's libyaml mark: its own, which count
 * characters as where() does, unless the text has breaks libyaml counts and
 * YAML 1.2 does not (almost never: then where() walks the text).  A syntax
 * error, which may be past the last line, always goes through where(). */
static void
mark_pos(struct builder *b, const yaml_mark_t *m, long *line, long *col)
{
	if (b->odd_breaks) {
		where(b, m->index, line, col);
	} else {
		*line = (long)m->line + 1;
		*col = (long)m->column + 1;
	}
}

/* Record where the node now beginning is. */
static int
record(struct builder *b, long line, long col)
{
	struct cspr_doc *d = b->doc;
	struct pos p = {NO_PARENT, 0, NOT_KEY, (uint32_t)line, (uint32_t)col,
	    0, 0};

	if (d->npos >= CSPR_MAX_NODES)
		return fail(b, line, col, "more than %d values in one file",
		    CSPR_MAX_NODES);
	if (d->npos == d->cappos) {
		size_t cap = d->cappos ? d->cappos * 2 : 64;
		struct pos *v = realloc(d->pos, cap * sizeof(*v));

		if (!v)
			return oom(b);
		d->pos = v;
		d->cappos = cap;
	}
	if (b->depth > 0) {
		const struct frame *f = &b->stack[b->depth - 1];

		p.parent = (uint32_t)f->pos;
		if (json_is_array(f->node)) {
			p.step = (uint32_t)f->index;
		} else {
			p.step = (uint32_t)f->key;
			p.klen = (uint32_t)f->keylen;
			p.kline = (uint32_t)f->kline;
			p.kcol = (uint32_t)f->kcol;
		}
	}
	d->pos[d->npos++] = p;
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

/* The key waiting in f is one its mapping has already: said at the key,
 * with the line of the first. */
static int
duplicate(struct builder *b, const struct frame *f)
{
	const struct cspr_doc *d = b->doc;
	const char *s = d->keys + f->key;
	size_t n = f->keylen;
	long fl = 0;

	for (size_t i = f->pos + 1; i < d->npos; i++)
		if (d->pos[i].parent == f->pos && d->pos[i].klen == n &&
		    memcmp(d->keys + d->pos[i].step, s, n) == 0) {
			fl = d->pos[i].kline;
			break;
		}
	if (cspr_path_plain(s, n))
		return fail(b, f->kline, f->kcol,
		    "duplicate key \"%.*s\" (first at line %ld)", (int)n, s, fl);
	return fail(b, f->kline, f->kcol, "duplicate key (first at line %ld)",
	    fl);
}

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
		size_t before = json_object_size(f->node);

		r = json_object_setn_new_nocheck(f->node,
		    b->doc->keys + f->key, f->keylen, v);
		f->haskey = 0;
		/* a key seen before replaces its value rather than adding
		 * one: found here, not looked up at every key */
		if (r == 0 && json_object_size(f->node) == before)
			return duplicate(b, f);
	}
	return r < 0 ? oom(b) : 0;
}

/* Called as a node begins, with the node's own mark. */
static int
begin_node(struct builder *b, long line, long col)
{
	return record(b, line, col);
}

/* A scalar holds a NUL character.  The text has none (check_bytes), so
 * only a double-quoted scalar's escape (\0, \x00, \u0000) can make one. */
static int
has_nul(const yaml_event_t *ev)
{
	return ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE &&
	    memchr(ev->data.scalar.value, '\0', ev->data.scalar.length);
}

/* A scalar in key position of a mapping. */
static int
key(struct builder *b, const yaml_event_t *ev, long line, long col)
{
	struct frame *f = &b->stack[b->depth - 1];
	const char *s = (const char *)ev->data.scalar.value;
	size_t n = ev->data.scalar.length;
	enum tag tag = tag_of(ev->data.scalar.tag);

	if (tag != TAG_NONE && tag != TAG_STR)
		return fail(b, line, col, "keys must be plain strings");
	if (ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && n == 2 &&
	    memcmp(s, "<<", 2) == 0)
		return fail(b, line, col, "merge keys (<<) are not allowed");
	if (has_nul(ev))
		return fail(b, line, col, "NUL character in a key");
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
	const yaml_char_t *anchor = NULL, *tag = NULL;
	long line, col;

	mark_pos(b, &ev->start_mark, &line, &col);

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
		if (has_nul(ev))
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
		where(b, p->problem_mark.index, &line, &col);
	}
	if (p->context) {
		long cline, ccol;

		where(b, p->context_mark.index, &cline, &ccol);
		where(b, p->problem_mark.index, &line, &col);
		fail(b, line, col, "YAML syntax: %s %s (line %ld)", problem,
		    p->context, cline);
	}
	else {
		fail(b, line, col, "YAML syntax: %s", problem);
	}
}

/* ---- the path index ---- */

static size_t
step_hash(uint32_t parent, const char *key, size_t n, uint32_t index)
{
	size_t h = 2166136261u; /* FNV-1a */

	h = (h ^ parent) * 16777619u;
	if (!key) /* a sequence index: never the hash of a key's bytes */
		return ((h ^ index) * 16777619u) ^ 0x5bd1e995u;
	while (n--) {
		h ^= (unsigned char)*key++;
		h *= 16777619u;
	}
	return h;
}

static size_t
entry_hash(const struct cspr_doc *d, const struct pos *q)
{
	if (q->klen == NOT_KEY)
		return step_hash(q->parent, NULL, 0, q->step);
	return step_hash(q->parent, d->keys + q->step, q->klen, 0);
}

/* 1 when entry q is the step (key, or index when key is NULL) of parent. */
static int
is_step(const struct cspr_doc *d, const struct pos *q, uint32_t parent,
    const char *key, size_t n, uint32_t index)
{
	if (q->parent != parent)
		return 0;
	if (!key)
		return q->klen == NOT_KEY && q->step == index;
	return q->klen == n && memcmp(d->keys + q->step, key, n) == 0;
}

/* Build the index; without it (out of memory) lookups scan. */
static void
index_steps(struct cspr_doc *d)
{
	size_t cap = 64;

	while (cap < d->npos * 2)
		cap *= 2;
	if (!(d->index = calloc(cap, sizeof(*d->index))))
		return;
	d->capindex = cap;
	/* the root (entry 0) is no container's step */
	for (size_t i = 1; i < d->npos; i++) {
		size_t h = entry_hash(d, &d->pos[i]) & (cap - 1);

		while (d->index[h])
			h = (h + 1) & (cap - 1);
		d->index[h] = (uint32_t)i + 1;
	}
}

/* The entry that is step key (or index) of entry parent, or NULL. */
static const struct pos *
child(const struct cspr_doc *d, uint32_t parent, const char *key, size_t n,
    uint32_t index)
{
	if (!d->index && d->loaded && d->npos > 16)
		index_steps((struct cspr_doc *)d);
	if (d->index) {
		size_t h = (key ? step_hash(parent, key, n, 0) :
		    step_hash(parent, NULL, 0, index)) & (d->capindex - 1);

		for (; d->index[h]; h = (h + 1) & (d->capindex - 1)) {
			const struct pos *q = &d->pos[d->index[h] - 1];

			if (is_step(d, q, parent, key, n, index))
				return q;
		}
		return NULL;
	}
	for (size_t i = parent + 1; i < d->npos; i++)
		if (is_step(d, &d->pos[i], parent, key, n, index))
			return &d->pos[i];
	return NULL;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The JSON string at p[*i] (just after its opening quote) decoded into
 * out; *i left after the closing quote.  Its length, or -1 when it is not
 * one. */
static long
json_key(const char *p, size_t n, size_t *i, char *out)
{
	size_t k = *i, len = 0;

	while (k < n && p[k] != '"') {
		uint32_t cp = 0;

		if (p[k] != '\\') {
			out[len++] = p[k++];
			continue;
		}
		if (++k >= n)
			return -1;
		switch (p[k++]) {
		case 'n': out[len++] = '\n'; continue;
		case 't': out[len++] = '\t'; continue;
		case 'r': out[len++] = '\r'; continue;
		case 'b': out[len++] = '\b'; continue;
		case 'f': out[len++] = '\f'; continue;
		case '/': out[len++] = '/'; continue;
		case '"': out[len++] = '"'; continue;
		case '\\': out[len++] = '\\'; continue;
		case 'u': break;
		default: return -1;
		}
		for (int j = 0; j < 4; j++, k++) {
			int h = k < n ? hexval(p[k]) : -1;

			if (h < 0)
				return -1;
			cp = cp << 4 | (uint32_t)h;
		}
		if (cp >= 0xd800 && cp <= 0xdbff && k + 6 <= n &&
		    p[k] == '\\' && p[k + 1] == 'u') {
			uint32_t lo = 0;

			for (int j = 2; j < 6; j++) {
				int h = hexval(p[k + j]);

				if (h < 0)
					return -1;
				lo = lo << 4 | (uint32_t)h;
			}
			if (lo >= 0xdc00 && lo <= 0xdfff) {
				cp = 0x10000 + ((cp - 0xd800) << 10) +
				    (lo - 0xdc00);
				k += 6;
			}
		}
		len += cspr_u8enc(out + len, cp);
	}
	if (k >= n)
		return -1;
	*i = k + 1;
	return (long)len;
}

/* The entry for a jq-style path (".child.dob", ".family[1].name",
 * ".[\"odd key\"]", "" for the root), followed step by step from the root;
 * for a missing member the nearest present ancestor, *exact cleared.
 * NULL when not even the root is known. */
static const struct pos *
find(const struct cspr_doc *d, const char *path, int *exact)
{
	size_t n = strlen(path), i = 0;
	const struct pos *at;
	char *key;

	*exact = 1;
	if (!d->npos)
		return NULL;
	at = &d->pos[0];
	/* a decoded key is never longer than its spelling */
	if (!(key = malloc(n + 1))) {
		*exact = 0;
		return at;
	}
	while (i < n) {
		const struct pos *next = NULL;
		uint32_t self = (uint32_t)(at - d->pos);

		if (path[i] == '.' && i + 1 < n && path[i + 1] == '[')
			i++;
		if (path[i] == '.') {
			size_t k = ++i;

			while (i < n && path[i] != '.' && path[i] != '[')
				i++;
			next = child(d, self, path + k, i - k, 0);
		} else if (path[i] == '[' && i + 1 < n && path[i + 1] == '"') {
			long len;

			i += 2;
			if ((len = json_key(path, n, &i, key)) >= 0 && i < n &&
			    path[i] == ']') {
				i++;
				next = child(d, self, key, (size_t)len, 0);
			}
		} else if (path[i] == '[') {
			unsigned long x = 0;
			size_t k = ++i;

			while (i < n && path[i] >= '0' && path[i] <= '9' &&
			    x < UINT32_MAX)
				x = x * 10 + (unsigned long)(path[i++] - '0');
			if (i > k && i < n && path[i] == ']' && x < UINT32_MAX) {
				i++;
				next = child(d, self, NULL, 0, (uint32_t)x);
			}
		}
		if (!next) {
			*exact = 0;
			break;
		}
		at = next;
	}
	free(key);
	return at;
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
	/* Room for the positions and keys in one allocation each, not a
	 * string of reallocs (each a large request, which makes malloc sort
	 * its free lists again): a case file in block style has a value
	 * for every 20 bytes or so, and its keys are never longer than the
	 * text.  Flow style may need more, and grows as before. */
	b.doc->cappos = len / 16 + 16 < CSPR_MAX_NODES ? len / 16 + 16 :
	    CSPR_MAX_NODES;
	b.doc->capkeys = len + 1;
	if (!(b.doc->pos = malloc(b.doc->cappos * sizeof(*b.doc->pos))) ||
	    !(b.doc->keys = malloc(b.doc->capkeys))) {
		oom(&b);
		goto out;
	}
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
