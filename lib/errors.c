/*
 * errors.c - diagnostics as data.
 *
 * Every check in the library appends here instead of printing, so that each
 * command decides how to show them (text on stderr, JSON on stdout).  What
 * comes from input (a file's name, a key, a tag) may hold any bytes; a
 * diagnostic is one line of printable text whatever it holds, so every
 * field is made printable here, once, for every command.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* 1 for a character that must not reach a terminal or split a line. */
static int
is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 ||
	    cp == 0x2029 || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff;
}

char *
cspr_printable(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), need = 1, i;
	char *out, *p;

	/* printable ASCII throughout, as a file name almost always is: as it
	 * is */
	for (i = 0; i < n && u[i] >= 0x20 && u[i] < 0x7f; i++)
		;
	if (i == n)
		return strdup(s);
	/* at most 6 bytes of escape for each byte of input */
	for (i = 0; i < n;) {
		uint32_t cp;
		size_t k = cspr_u8next(u, n, i, &cp);

		need += (k == 1 && cp == 0xfffd) || is_control(cp) ? 6 : k;
		i += k;
	}
	if (!(out = malloc(need)))
		return NULL;
	for (p = out, i = 0; i < n;) {
		uint32_t cp;
		size_t k = cspr_u8next(u, n, i, &cp);

		if (k == 1 && cp == 0xfffd) /* a byte that is not UTF-8 */
			p += sprintf(p, "\\x%02x", u[i]);
		else if (cp == '\n')
			p += sprintf(p, "\\n");
		else if (cp == '\r')
			p += sprintf(p, "\\r");
		else if (cp == '\t')
			p += sprintf(p, "\\t");
		else if (cp < 0x80 && is_control(cp))
			p += sprintf(p, "\\x%02x", (unsigned)cp);
		else if (is_control(cp))
			p += sprintf(p, "\\u%04x", (unsigned)cp);
		else {
			memcpy(p, s + i, k);
			p += k;
		}
		i += k;
	}
	*p = '\0';
	return out;
}

char *
cspr_u8trim(char *s)
{
	size_t n = strlen(s), i = n, lead;

	/* back over at most three continuation bytes to the lead byte */
	while (i > 0 && n - i < 4 && ((unsigned char)s[i - 1] & 0xc0) == 0x80)
		i--;
	if (i == 0 || n - i >= 4)
		return s;
	lead = (unsigned char)s[i - 1];
	if (lead < 0xc0) /* ASCII: the tail is stray bytes, or none */
		return s;
	/* the length the lead byte promises, against what is there */
	if ((size_t)(lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2) > n - i + 1)
		s[i - 1] = '\0';
	return s;
}

int
cspr_errors_add(struct cspr_errors *e, const char *file, long line, long col,
    const char *path, const char *fmt, ...)
{
	struct cspr_error x = {.line = line, .col = col};
	char *msg;
	va_list ap;

	if (cspr_grow(&e->v, &e->cap, e->n + 1, sizeof(*e->v)) < 0)
		return -1;
	va_start(ap, fmt);
	msg = cspr_vformat(fmt, ap);
	va_end(ap);
	if (!msg || !(x.message = cspr_printable(msg)) ||
	    !(x.file = cspr_printable(file ? file : "")) ||
	    (path && !(x.path = cspr_printable(path)))) {
		free(msg);
		free(x.message);
		free(x.file);
		return -1;
	}
	free(msg);
	e->v[e->n++] = x;
	return 0;
}

void
cspr_errors_clear(struct cspr_errors *e)
{
	for (size_t i = 0; i < e->n; i++) {
		free(e->v[i].file);
		free(e->v[i].path);
		free(e->v[i].message);
	}
	free(e->v);
	e->v = NULL;
	e->n = e->cap = 0;
}
