/*
 * printable.h - what every harness checks of the diagnostics it gets:
 * each has a message, and file, path and message are one line of
 * printable UTF-8 (cspr_printable), whatever the input held.
 */
#ifndef FUZZ_PRINTABLE_H
#define FUZZ_PRINTABLE_H

#include <stdlib.h>

#include "csprcore.h"

static void
printable(const struct cspr_errors *e)
{
	for (size_t i = 0; i < e->n; i++) {
		const char *f[] = {e->v[i].file, e->v[i].path, e->v[i].message};

		if (!e->v[i].message)
			abort();
		for (size_t k = 0; k < 3; k++) {
			json_t *j;

			if (!f[k])
				continue;
			for (const char *p = f[k]; *p; p++)
				if ((unsigned char)*p < 0x20 || *p == 0x7f)
					abort();
			if (!(j = json_string(f[k])))
				abort(); /* not UTF-8 */
			json_decref(j);
		}
	}
}

#endif
