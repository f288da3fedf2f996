/*
 * internal.h - what the library's files share and the tools need not see.
 */
#ifndef CSPR_INTERNAL_H
#define CSPR_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "csprcore.h"

/* Read a whole file ("-" is standard input) of at most max bytes into a
 * new NUL-terminated buffer.  CSPR_OK; CSPR_FINDINGS when larger than max;
 * CSPR_ERROR when it cannot be read.  Diagnostics name the file as shown
 * ("<stdin>" for "-"). */
int cspr_read_file(const char *path, size_t max, char **buf, size_t *len,
    struct cspr_errors *e);
/* The same, with diagnostics naming the file name (NULL: as above). */
int cspr_read_file_as(const char *path, const char *name, size_t max,
    char **buf, size_t *len, struct cspr_errors *e);

/* ---- calendar.c: the holidays of a calendar, for holidays.c ---- */

/* Where a holiday comes from: the rules, a GOV.UK file (which replaces
 * those two for the years it covers) or a plain list (which only adds). */
enum { CSPR_HOLIDAY_BUILTIN, CSPR_HOLIDAY_GOVUK, CSPR_HOLIDAY_LIST };

/* One bank holiday. */
struct cspr_hday {
	cspr_date d;
	const char *name;
	int source; /* CSPR_HOLIDAY_... */
};

/* The calendar's holidays, by date, one per date (borrowed); *n set. */
const struct cspr_hday *cspr_calendar_days(const struct cspr_calendar *c,
    size_t *n);
/* Make the n holidays at h (by date, one per date) the calendar's; the
 * calendar takes h and names, the block h's new names point into (NULL
 * for none).  -1 on out of memory, with nothing taken or changed. */
int cspr_calendar_set(struct cspr_calendar *c, struct cspr_hday *h,
    size_t n, char *names);

/* Make room for at least n elements of size bytes in the array at *pp
 * (any T **) of capacity *cap, doubling; 0, or -1 on out of memory or
 * overflow, the array untouched. */
int cspr_grow(void *pp, size_t *cap, size_t n, size_t size);
/* A new string formatted printf-style from ap; NULL on out of memory. */
char *cspr_vformat(const char *fmt, va_list ap);

/* Decode the UTF-8 character at s[i] (i < len) into *cp and return its
 * length.  An invalid or truncated sequence is one byte and U+FFFD, so any
 * bytes can be walked and every module counts columns alike. */
size_t cspr_u8dec(const unsigned char *s, size_t len, size_t i,
    uint32_t *cp);

/* cspr_u8dec with ASCII, the common case, inline. */
static inline size_t
cspr_u8next(const unsigned char *s, size_t len, size_t i, uint32_t *cp)
{
	if (s[i] < 0x80) {
		*cp = s[i];
		return 1;
	}
	return cspr_u8dec(s, len, i, cp);
}

/* 1 when a key can be written .key in a path: [A-Za-z_][A-Za-z0-9_-]*. */
int cspr_path_plain(const char *key, size_t len);
/* Write a member step for key into dst (room for 6 * len + 5 bytes, plus
 * a NUL): ".key", or ["key"] with JSON escapes (.["key"] at the root).
 * Returns the length written, without the NUL it adds. */
size_t cspr_path_key(char *dst, int at_root, const char *key, size_t len);
/* Length of the parent of the first n bytes of a path ("" is the root). */
size_t cspr_path_parent(const char *path, size_t n);

/* The inputs of the predicates (predicates.c), each 1, 0 or -1 when not
 * known, for rules that explain them one by one. */
/* 4.1(a): incident.abuse_or_neglect known or suspected. */
int cspr_abuse_suspected(const json_t *root);
/* 4.1(b): incident.outcome died or seriously_harmed. */
int cspr_harmed(const json_t *root);
/* 5.1(a), (b): in the area, or outside England while normally resident
 * in it. */
int cspr_in_area(const json_t *root);

#endif
