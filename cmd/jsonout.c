/*
 * jsonout.c - a case's JSON record written out.  jansson's json_dumpf()
 * spends more on a record than reading the case did: it checks every
 * array and object against its parents in a hash table (for loops, which
 * a tree built here never has), tests every character of every string as
 * UTF-8 and hands each piece to fwrite(3).  The strings here are UTF-8
 * already (the loader checks the file; the library's sentences are built
 * from it and cut at characters), so they are copied with only JSON's
 * escapes made, straight into the stream's buffer under one lock.
 *
 * The output is json_dumpf(v, f, JSON_COMPACT | JSON_REAL_PRECISION(15))'s
 * byte for byte (tests/unit/test_jsonout.c compares them): no spaces,
 * keys in the object's order, "\u00XX" in capitals for the control
 * characters without a short escape, '/' and non-ASCII as they are.  A
 * real, which no record has today, is formatted by jansson itself.
 */
#include <stdint.h>
#include <string.h>

#include "jsonout.h"

/* k bytes to the stream, which the caller holds locked (flockfile):
 * stdio's own buffer gathers the pieces, without a lock each */
static void
put(FILE *f, const char *s, size_t k)
{
	fwrite_unlocked(s, 1, k, f);
}

static void
string(FILE *f, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	char esc[6] = {'\\', 'u', '0', '0'};
	size_t i, k, from = 0;

	put(f, "\"", 1);
	for (i = 0; i < n; i++) {
		unsigned char c;

		/* eight bytes at a time while none needs an escape: no control
		 * character, quote or backslash (a zero byte of x ^ c shows c) */
		while (i + 8 <= n) {
			const uint64_t ones = 0x0101010101010101u,
			    highs = ones * 0x80;
			uint64_t x, q, bs;

			memcpy(&x, s + i, 8);
			q = x ^ ones * '"';
			bs = x ^ ones * '\\';
			if ((((x - ones * 0x20) & ~x) | ((q - ones) & ~q) |
			    ((bs - ones) & ~bs)) & highs)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		put(f, s + from, i - from);
		from = i + 1;
		esc[4] = hex[c >> 4];
		esc[5] = hex[c & 15];
		k = 2;
		switch (c) {
		case '"':
		case '\\':
			esc[1] = (char)c;
			break;
		case '\b':
			esc[1] = 'b';
			break;
		case '\f':
			esc[1] = 'f';
			break;
		case '\n':
			esc[1] = 'n';
			break;
		case '\r':
			esc[1] = 'r';
			break;
		case '\t':
			esc[1] = 't';
			break;
		default:
			esc[1] = 'u';
			k = 6;
		}
		put(f, esc, k);
	}
	put(f, s + from, n - from);
	put(f, "\"", 1);
}

static void
value(FILE *f, const json_t *v)
{
	char num[64];
	size_t k;
	int first = 1;

	switch (json_typeof(v)) {
	case JSON_NULL:
		put(f, "null", 4);
		break;
	case JSON_TRUE:
		put(f, "true", 4);
		break;
	case JSON_FALSE:
		put(f, "false", 5);
		break;
	case JSON_INTEGER:
		k = (size_t)snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		put(f, num, k);
		break;
	case JSON_REAL:
		k = json_dumpb(v, num, sizeof(num), JSON_ENCODE_ANY |
		    JSON_COMPACT | JSON_REAL_PRECISION(15));
		if (k > 0 && k <= sizeof(num))
			put(f, num, k);
		break;
	case JSON_STRING:
		string(f, json_string_value(v), json_string_length(v));
		break;
	case JSON_ARRAY:
		put(f, "[", 1);
		for (size_t i = 0; i < json_array_size(v); i++) {
			if (i)
				put(f, ",", 1);
			value(f, json_array_get(v, i));
		}
		put(f, "]", 1);
		break;
	case JSON_OBJECT:
		put(f, "{", 1);
		for (void *it = json_object_iter((json_t *)v); it;
		    it = json_object_iter_next((json_t *)v, it)) {
			if (!first)
				put(f, ",", 1);
			first = 0;
			string(f, json_object_iter_key(it),
			    json_object_iter_key_len(it));
			put(f, ":", 1);
			value(f, json_object_iter_value(it));
		}
		put(f, "}", 1);
		break;
	}
}

int
jsonout(FILE *f, const json_t *v)
{
	flockfile(f);
	value(f, v);
	put(f, "\n", 1);
	funlockfile(f);
	return ferror(f) ? -1 : 0;
}
