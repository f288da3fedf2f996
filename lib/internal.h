/*
 * internal.h - what the library's files share and the tools need not see.
 */
#ifndef CSPR_INTERNAL_H
#define CSPR_INTERNAL_H

#include <stddef.h>

#include "csprcore.h"

/* Read a whole file ("-" is standard input) of at most max bytes into a
 * new NUL-terminated buffer.  CSPR_OK; CSPR_FINDINGS when larger than max;
 * CSPR_ERROR when it cannot be read.  Diagnostics name the file as shown
 * ("<stdin>" for "-"). */
int cspr_read_file(const char *path, size_t max, char **buf, size_t *len,
    struct cspr_errors *e);

/* 1 when a key can be written .key in a path: [A-Za-z_][A-Za-z0-9_-]*. */
int cspr_path_plain(const char *key, size_t len);
/* Write a member step for key into dst (room for 6 * len + 5 bytes, plus
 * a NUL): ".key", or ["key"] with JSON escapes (.["key"] at the root).
 * Returns the length written, without the NUL it adds. */
size_t cspr_path_key(char *dst, int at_root, const char *key, size_t len);
/* Length of the parent of the first n bytes of a path ("" is the root). */
size_t cspr_path_parent(const char *path, size_t n);

#endif
