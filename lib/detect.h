/*
 * detect.h - what identifiers.c and patterns.c share: the detector's
 * known items and the state of one scan.  Private to the library.
 */
#ifndef CSPR_DETECT_H
#define CSPR_DETECT_H

#include <stdint.h>

#include "internal.h"

#define FOLDMAX CSPR_FOLDMAX
#define MAXGROUPS 16

static inline int
isdig(const unsigned char *s, size_t len, size_t i)
{
	return i < len && s[i] >= '0' && s[i] <= '9';
}

static inline int
isalpha_a(int c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static inline int
isalnum_at(const unsigned char *s, size_t len, size_t i)
{
	return i < len && (isdig(s, len, i) || isalpha_a(s[i]));
}

static inline int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
}

/* Digits at s[i...], at most max + 1 counted. */
static inline size_t
ndigits(const unsigned char *s, size_t len, size_t i, size_t max)
{
	size_t n = 0;

	while (n <= max && isdig(s, len, i + n))
		n++;
	return n;
}

static inline int
numval(const unsigned char *s, size_t n)
{
	int v = 0;

	for (size_t k = 0; k < n; k++)
		v = v * 10 + (s[k] - '0');
	return v;
}

struct item {
	enum cspr_id_kind kind;
	char *label;
	int group;   /* items with one label are one person */
	int minor;   /* the child: "Mrs Testcase" is someone else */
	char *norm;  /* digits, postcode or e-mail as compared */
	int y, m, d; /* a date of birth; y 0 when unusable */
};

enum {
	E_COMMON = 1,   /* an everyday word: a name only in context */
	E_SHORT = 2,    /* one letter: never a name alone */
	E_MONTH = 4,    /* a month */
	E_HARMLESS = 8, /* the case's own organisations, places, reviewer */
};

/* A folded word the detector knows: a part of a name, or a word of an
 * address or exempt phrase. */
struct entry {
	char *w;
	size_t n;
	uint32_t h;
	unsigned fl;
	int *items; /* the name and alias items it is part of */
	size_t nitems;
	int *phr; /* the phrases starting with it */
	size_t nphr;
};

/* A sequence of words: an address line (item), or an exemption (-1). */
struct phrase {
	int item;
	int *tok, *alt; /* entry of each word; alt its abbreviation or -1 */
	size_t n;
};

struct cspr_detector {
	struct item *items;
	size_t nitems, capitems;
	struct entry *ents;
	size_t nents, capents;
	int *tab; /* open addressing over ents; -1 empty */
	size_t tabcap;
	struct phrase *phr;
	size_t nphr, capphr;
	size_t ndob, nphone, nnhs, npostcode;
	int strict; /* cspr_detector_strict() */
};

/* The entry of folded w[0..n), or -1. */
int cspr_detector_lookup(const struct cspr_detector *d, const char *w,
    size_t n);

/* ---- scanning ---- */

/* The gap between two words, as it matters for joining them. */
enum { G_WS, G_WSMANY, G_COMMA, G_DOT, G_HYPHEN, G_OTHER };

enum {
	U_CAP = 1,	 /* capitalised */
	U_INITIAL = 2,	 /* first word of a sentence */
	U_TITLE = 4,	 /* after Mr, Dr, ... */
	U_POSS = 8,	 /* possessive or plural, "'s" cut off */
	U_PREVCTX = 16,	 /* after a number or "in", "of": a date */
	U_NEXTNUM = 32,	 /* before a number: a date */
	U_VERB = 64,	 /* before "said", "told", ... */
	U_COVERED = 128, /* inside a pattern's match: no name, no phrase */
};

/* A word of the text that the detector knows. */
struct unit {
	size_t off, len, ord;
	int ent;
	unsigned char gap;
	unsigned char fl;
};

struct cand {
	size_t off, len;
	int kind, item, prio;
};

struct scan {
	const struct cspr_detector *d;
	const unsigned char *s;
	size_t len;
	struct unit *u;
	size_t nu, capu;
	struct cand *c;
	size_t nc, capc;
	struct cand *x; /* exempt spans */
	size_t nx, capx;
	int oom;
};

/* Add a candidate hit: kind at s[off..off+len), item the known item or
 * -1 for a pattern's. */
void cspr_scan_cand(struct scan *sc, size_t off, size_t len, int kind,
    int item);
/* The known item of kind whose normal form is norm[0..n), or -1. */
int cspr_scan_known(const struct scan *sc, int kind, const char *norm,
    size_t n);

/* ---- patterns.c ---- */

/* The month names, lower case, January first. */
extern const char *const cspr_months[12];
/* 1-12 for a month name or its three-letter abbreviation (or "sept")
 * starting at s[i] and ending before a non-letter, else 0; *n its length. */
int cspr_month_at(const unsigned char *s, size_t len, size_t i, size_t *n);
/* The patterns that can start at s[i], in the word ending at e: NHS
 * numbers, phone numbers, dates of birth, postcodes. */
void cspr_patterns_at(struct scan *sc, size_t i, size_t e);
/* An e-mail address around the '@' at s[at]. */
void cspr_email_at(struct scan *sc, size_t at);

#endif
