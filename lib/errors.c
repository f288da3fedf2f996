/*
 * errors.c - diagnostics as data.
 *
 * Every check in the library appends here instead of printing, so that each
 * command decides how to show them (text on stderr, JSON on stdout).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "csprcore.h"

int
cspr_errors_add(struct cspr_errors *e, const char *file, long line, long col,
    const char *path, const char *fmt, ...)
{
	struct cspr_error *v, *x;
	va_list ap;
	int n;

	if (e->n == e->cap) {
		size_t cap = e->cap ? e->cap * 2 : 8;

		if (!(v = realloc(e->v, cap * sizeof(*v))))
			return -1;
		e->v = v;
		e->cap = cap;
	}
	x = &e->v[e->n];
	memset(x, 0, sizeof(*x));
	x->line = line;
	x->col = col;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(x->message = malloc((size_t)n + 1)))
		goto fail;
	va_start(ap, fmt);
	vsnprintf(x->message, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (!(x->file = strdup(file ? file : "")))
		goto fail;
	if (path && !(x->path = strdup(path)))
		goto fail;
	e->n++;
	return 0;
fail:
	free(x->message);
	free(x->file);
	return -1;
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
