/*
 * fnv.h - the 32-bit FNV-1a hash of a word, shared by tools/mkwords.c,
 * which writes the word list's table at build time, and the library,
 * which looks words up in it (possible.c) and in a detector's own list
 * (identifiers.c): one definition, so the two sides cannot disagree.
 */
#ifndef CSPR_FNV_H
#define CSPR_FNV_H

#include <stddef.h>
#include <stdint.h>

static inline uint32_t
cspr_fnv1a(const char *w, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t k = 0; k < n; k++)
		h = (h ^ (unsigned char)w[k]) * 16777619u;
	return h;
}

/* qsort and bsearch order of two uint32_t */
static inline int
cspr_cmpu32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

#endif
