/*
 * findings.c - what a check found, as data.
 *
 * A finding is not an error in the file: the case is valid, but something
 * in it needs a person's attention (a decision without its rationale, a
 * rapid review meeting that was not quorate).  Each carries a stable check
 * id for programs, the paragraph it applies, and one sentence for people
 * that never quotes a personal field.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int
cspr_findings_add(struct cspr_findings *f, const char *check,
    const char *para, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (cspr_grow(&f->v, &f->cap, f->n + 1, sizeof(*f->v)) < 0)
		return -1;
	va_start(ap, fmt);
	msg = cspr_vformat(fmt, ap);
	va_end(ap);
	if (!msg)
		return -1;
	f->v[f->n].check = check;
	f->v[f->n].para = para;
	f->v[f->n].message = msg;
	f->n++;
	return 0;
}

void
cspr_findings_clear(struct cspr_findings *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->v[i].message);
	free(f->v);
	f->v = NULL;
	f->n = f->cap = 0;
}

json_t *
cspr_findings_json(const struct cspr_findings *f)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < f->n; i++)
		if (json_array_append_new(a, json_pack("{s:s, s:s, s:s}",
		    "check", f->v[i].check, "para", f->v[i].para, "message",
		    f->v[i].message)) < 0) {
			json_decref(a);
			return NULL;
		}
	return a;
}
