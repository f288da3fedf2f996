/*
 * jsonout.h - a jansson value written as json_dumpf(JSON_COMPACT |
 * JSON_REAL_PRECISION(15)) writes it, byte for byte, at a fraction of its
 * cost (see jsonout.c).
 */
#ifndef CSP_JSONOUT_H
#define CSP_JSONOUT_H

#include <stdio.h>

#include <jansson.h>

/* v and a newline to f; 0, or -1 (out of memory or a write error). */
int jsonout(FILE *f, const json_t *v);

#endif
