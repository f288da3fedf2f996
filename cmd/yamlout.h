/*
 * yamlout.h - a JSON value as a YAML document on stdout.
 */
#ifndef CSP_YAMLOUT_H
#define CSP_YAMLOUT_H

#include <jansson.h>

/* Write v as one YAML document: mappings in block style, lists of scalars
 * on one line, a string that a YAML reader (1.2 core or 1.1) would take
 * for another type double-quoted.  The first document of a run has no
 * "---"; later ones start with it, so the output is one YAML stream.
 * 0, or -1 when it could not be written. */
int yamlout_document(json_t *v, int first);

#endif
