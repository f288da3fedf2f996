/*
 * errors.c - diagnostics as data.
 *
 * Every check in the library appends here instead of printing, so that each
 * command decides how to show them (text on stderr, JSON on stdout).
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int
cspr_errors_add(struct cspr_errors *e, const char *file, long line, long col,
    const char *path, const char *fmt, ...)
{
	struct cspr_error x = {NULL, line, col, NULL, NULL};
	va_list ap;

	if (cspr_grow(&e->v, &e->cap, e->n + 1, sizeof(*e->v)) < 0)
		return -1;
	va_start(ap, fmt);
	x.message = cspr_vformat(fmt, ap);
	va_end(ap);
	if (!x.message || !(x.file = strdup(file ? file : "")) ||
	    (path && !(x.path = strdup(path)))) {
		free(x.message);
		free(x.file);
		return -1;
	}
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
