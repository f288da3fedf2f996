/*
 * util.c - small things several library files need: reading a file whole,
 * and the jq-style paths that diagnostics use to name a place in a case.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

int
cspr_read_file(const char *path, size_t max, char **buf, size_t *len,
    struct cspr_errors *e)
{
	return cspr_read_file_as(path, NULL, max, buf, len, e);
}

int
cspr_read_file_as(const char *path, const char *name, size_t max, char **buf,
    size_t *len, struct cspr_errors *e)
{
	int is_stdin = strcmp(path, "-") == 0;
	size_t n = 0, cap = 0;
	char *b = NULL;
	struct stat st;
	int fd;

	if (!name)
		name = is_stdin ? "<stdin>" : path;
	*buf = NULL;
	*len = 0;
	/* A named file must be a regular file: a FIFO would wait for a
	 * writer for ever, a device never end.  O_NONBLOCK so that opening
	 * a FIFO does not wait either; fstat then says what it is.  (Standard
	 * input, "-", may be a pipe.) */
	if (is_stdin) {
		fd = 0;
	} else if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY)) < 0) {
		cspr_errors_add(e, name, 0, 0, NULL, "cannot open: %s",
		    strerror(errno));
		return CSPR_ERROR;
	}
	/* One fstat says what it is and how big: a regular file's buffer is
	 * then its size, and a byte more to see it end, in one piece.
	 * (O_NONBLOCK means nothing to a regular file, so it can stay.) */
	if (fstat(fd, &st) != 0)
		st.st_mode = 0; /* not known: read as a stream */
	if (!is_stdin && st.st_mode && !S_ISREG(st.st_mode)) {
		cspr_errors_add(e, name, 0, 0, NULL, S_ISDIR(st.st_mode) ?
		    "cannot read: Is a directory" :
		    "cannot read: not a regular file (a FIFO, device or "
		    "socket; use - for a pipe)");
		goto fail;
	}
	if (S_ISREG(st.st_mode) && (size_t)st.st_size > max) {
		cspr_errors_add(e, name, 0, 0, NULL,
		    "file is larger than %zu MiB", max / (1024 * 1024));
		if (!is_stdin)
			close(fd);
		return CSPR_FINDINGS;
	}
	if (S_ISREG(st.st_mode) && st.st_size > 0)
		cap = (size_t)st.st_size + 2;
	if (cap && !(b = malloc(cap))) {
		cspr_errors_add(e, name, 0, 0, NULL, "out of memory");
		goto fail;
	}
	for (;;) {
		ssize_t r;

		if (n + 1 >= cap) {
			size_t c = cap ? cap * 2 : 8192;
			char *p;

			if (c > max + 2)
				c = max + 2;
			if (!(p = realloc(b, c))) {
				cspr_errors_add(e, name, 0, 0, NULL,
				    "out of memory");
				goto fail;
			}
			b = p;
			cap = c;
		}
		r = read(fd, b + n, cap - n - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			cspr_errors_add(e, name, 0, 0, NULL, "cannot read: %s",
			    strerror(errno));
			goto fail;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > max) {
			cspr_errors_add(e, name, 0, 0, NULL,
			    "file is larger than %zu MiB",
			    max / (1024 * 1024));
			free(b);
			if (!is_stdin)
				close(fd);
			return CSPR_FINDINGS;
		}
	}
	/* closed whatever its number: with standard input closed, a file
	 * opened here is descriptor 0, and must not stay to be read as "-" */
	if (!is_stdin)
		close(fd);
	if (!b && !(b = malloc(1))) {
		cspr_errors_add(e, name, 0, 0, NULL, "out of memory");
		return CSPR_ERROR;
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return CSPR_OK;
fail:
	free(b);
	if (!is_stdin)
		close(fd);
	return CSPR_ERROR;
}

int
cspr_grow(void *pp, size_t *cap, size_t n, size_t size)
{
	void **p = pp, *q;
	size_t c = *cap ? *cap : 8;

	if (n <= *cap)
		return 0;
	while (c < n) {
		if (c > SIZE_MAX / 2 / size)
			return -1;
		c *= 2;
	}
	if (!(q = realloc(*p, c * size)))
		return -1;
	*p = q;
	*cap = c;
	return 0;
}

char *
cspr_vformat(const char *fmt, va_list ap)
{
	va_list again;
	char buf[512], *s;
	int n;

	/* a message is most often a sentence: formatted once on the stack
	 * and copied, and only a longer one formatted again to its size */
	va_copy(again, ap);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	if (n < 0 || !(s = malloc((size_t)n + 1))) {
		va_end(again);
		return NULL;
	}
	if ((size_t)n < sizeof(buf))
		memcpy(s, buf, (size_t)n + 1);
	else
		vsnprintf(s, (size_t)n + 1, fmt, again);
	va_end(again);
	return s;
}

json_t *
cspr_json_object(size_t n, ...)
{
	json_t *o = json_object();
	int bad = !o;
	va_list ap;

	va_start(ap, n);
	for (size_t i = 0; i < n; i++) {
		const char *key = va_arg(ap, const char *);
		json_t *v = va_arg(ap, json_t *);

		if (bad || !v) {
			json_decref(v);
			bad = 1;
		} else if (json_object_set_new_nocheck(o, key, v) < 0) {
			bad = 1; /* and jansson has let v go */
		}
	}
	va_end(ap);
	if (bad) {
		json_decref(o);
		return NULL;
	}
	return o;
}

size_t
cspr_u8enc(char *out, uint32_t cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

size_t
cspr_u8dec(const unsigned char *s, size_t len, size_t i, uint32_t *cp)
{
	unsigned c = s[i];
	uint32_t v;
	size_t n, k;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		v = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		v = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		v = c & 0x07;
	} else
		goto bad;
	if (len - i < n)
		goto bad;
	for (k = 1; k < n; k++) {
		if ((s[i + k] & 0xc0) != 0x80)
			goto bad;
		v = v << 6 | (s[i + k] & 0x3f);
	}
	if ((n == 3 && (v < 0x800 || (v >= 0xd800 && v <= 0xdfff))) ||
	    (n == 4 && (v < 0x10000 || v > 0x10ffff)))
		goto bad;
	*cp = v;
	return n;
bad:
	*cp = 0xfffd;
	return 1;
}

int
cspr_path_plain(const char *key, size_t len)
{
	if (len == 0 || !((key[0] >= 'a' && key[0] <= 'z') ||
	    (key[0] >= 'A' && key[0] <= 'Z') || key[0] == '_'))
		return 0;
	for (size_t i = 1; i < len; i++) {
		char c = key[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

size_t
cspr_path_key(char *dst, int at_root, const char *key, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	char *p = dst;

	if (cspr_path_plain(key, len)) {
		*p++ = '.';
		memcpy(p, key, len);
		p += len;
		*p = '\0';
		return (size_t)(p - dst);
	}
	if (at_root)
		*p++ = '.';
	*p++ = '[';
	*p++ = '"';
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)key[i];

		if (c == '"' || c == '\\') {
			*p++ = '\\';
			*p++ = (char)c;
		} else if (c < 0x20) {
			memcpy(p, "\\u00", 4);
			p[4] = hex[c >> 4];
			p[5] = hex[c & 15];
			p += 6;
		} else {
			*p++ = (char)c;
		}
	}
	*p++ = '"';
	*p++ = ']';
	*p = '\0';
	return (size_t)(p - dst);
}

size_t
cspr_path_parent(const char *path, size_t n)
{
	size_t i = 0, last = 0;

	while (i < n) {
		last = i;
		if (path[i] == '.' && i + 1 < n && path[i + 1] == '[')
			i++;
		if (path[i] == '.') {
			i++;
			while (i < n && path[i] != '.' && path[i] != '[')
				i++;
		} else if (path[i] == '[' && i + 1 < n && path[i + 1] == '"') {
			i += 2;
			while (i < n && path[i] != '"')
				i += path[i] == '\\' ? 2 : 1;
			i += 2; /* the closing "] */
		} else {
			while (i < n && path[i] != ']')
				i++;
			i++;
		}
	}
	return last;
}
