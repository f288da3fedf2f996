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
/* An object of n keys (ASCII literals) and values, each value taken over
 * even when it fails, as json_pack("{s:o, ...}") makes it but without
 * reading a format: NULL when a value is NULL or memory is short. */
json_t *cspr_json_object(size_t n, ...);
/* A value as cspr_get_bool() reads one: 1 true, 0 false, -1 anything
 * else or none. */
int cspr_bool(const json_t *v);

/* Decode the UTF-8 character at s[i] (i < len) into *cp and return its
 * length.  An invalid or truncated sequence is one byte and U+FFFD, so any
 * bytes can be walked and every module counts columns alike. */
size_t cspr_u8dec(const unsigned char *s, size_t len, size_t i,
    uint32_t *cp);

/* Write code point cp (at most U+10FFFF) as UTF-8 at out, which has room
 * for 4 bytes; returns the length. */
size_t cspr_u8enc(char *out, uint32_t cp);

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

/* The moment a string records (cspr_when_get() without the lookup), or
 * CSPR_WHEN_NONE. */
struct cspr_when cspr_when_of(const char *s);

/* The notifications log of a case, read once (deadlines.c): the strings
 * are borrowed from the case. */
struct cspr_log_entry {
	const char *to, *about; /* NULL when not a string */
	struct cspr_when when;
	int anonymised;         /* 1 true, 0 false, -1 not recorded */
};
struct cspr_log {
	struct cspr_log_entry *v;
	size_t n;
};
/* Read a case's log; 0, or -1 on out of memory. */
int cspr_log_read(const json_t *root, struct cspr_log *log);
/* Each recipient's first notice about any of about[] in a log already
 * read, into first[] (as many as to[], at most 8): one pass for several. */
void cspr_log_firsts(const struct cspr_log *log, const char *const *to,
    const char *const *about, struct cspr_when *first);
/* cspr_notice() over a log already read. */
struct cspr_when cspr_log_notice(const struct cspr_log *log,
    const char *const *to, const char *const *about);
/* Free a log read by cspr_log_read(). */
void cspr_log_clear(struct cspr_log *log);
/* ---- text.c: the text layer ---- */

/* What a character is, for words: letters, digits, white space,
 * apostrophes (' and the typographic ones), hyphens, and what stays inside
 * a word unseen (soft hyphen, joiners, combining marks). */
enum {
	CSPR_C_OTHER,
	CSPR_C_SPACE,
	CSPR_C_LETTER,
	CSPR_C_DIGIT,
	CSPR_C_APOS,
	CSPR_C_HYPHEN,
	CSPR_C_IGNORE,
};
int cspr_cpclass_slow(uint32_t cp);
/* ASCII, the common case, inline. */
static inline int
cspr_cpclass(uint32_t cp)
{
	if (cp < 0x80) {
		if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
			return CSPR_C_LETTER;
		if (cp >= '0' && cp <= '9')
			return CSPR_C_DIGIT;
		if (cp == ' ' || (cp >= '\t' && cp <= '\r'))
			return CSPR_C_SPACE;
		if (cp == '\'')
			return CSPR_C_APOS;
		return cp == '-' ? CSPR_C_HYPHEN : CSPR_C_OTHER;
	}
	return cspr_cpclass_slow(cp);
}
/* Append the folded form of letter or digit cp to out (room for 4):
 * lower case, Latin-1 and Latin Extended-A to ASCII ("e" for e acute,
 * "ss" for sharp s); the bytes written, *upper when cp is a capital. */
size_t cspr_foldcp(uint32_t cp, char *out, int *upper);
#define CSPR_FOLDMAX 64 /* a longer word is never a name */
/* The end of the word starting at s[i]: letters and digits, with
 * apostrophes and hyphens between them. */
size_t cspr_text_word_end(const unsigned char *s, size_t len, size_t i);
/* Fold s[i..e) into out (room for CSPR_FOLDMAX + 1): lower case ASCII for
 * the Latin letters, "'" for every apostrophe, "-" for every hyphen.
 * Returns the length, or -1 when it does not fit; *cap (when not NULL):
 * the first letter is a capital. */
int cspr_text_fold(const unsigned char *s, size_t i, size_t e, char *out,
    int *cap);
/* 1 when the folded word (lower case, no full stop) is a title before a
 * name: mr, mrs, dr, professor, pc, ... */
int cspr_is_title(const char *folded);
/* 1 when it is one usually abbreviated with a full stop (dr, mr, prof). */
int cspr_is_title_abbrev(const char *folded);

/* Is the NUL-terminated w in the sorted list l of n strings? */
int cspr_inlist(const char *const *l, size_t n, const char *w);
#define CSPR_INLIST(l, w) cspr_inlist((l), sizeof(l) / sizeof((l)[0]), (w))

/* Sentences.  The terminal punctuation (. ! ? or an ellipsis) at s[i]
 * within s[0..b): CSPR_STOP_END when it ends a sentence, CSPR_STOP_MAYBE
 * when the next word decides (it ends one when that word has a capital),
 * CSPR_STOP_NONE when it does not; *next is just past it and the closing
 * quotes, brackets and footnote mark after it.  A stop needs white space
 * or the end after it (3.5, 9.12.1 and e.g.'s first stop are none); ! and
 * ? end a sentence; an ellipsis, or an abbreviation written with stops
 * ("a.m.", "U.K."), or etc., Ltd., Co. decide by the next word; the stop
 * of a title (Dr. Mrs. Prof.) or of e.g., i.e., cf., vs., approx., a
 * month (Jan.) never ends one, nor that of No., para., p. before a
 * number. */
enum { CSPR_STOP_NONE, CSPR_STOP_END, CSPR_STOP_MAYBE };
int cspr_text_stop(const unsigned char *s, size_t b, size_t i, size_t *next);
/* Which words start a sentence, for a scanner that reads a text word by
 * word: start it with CSPR_SENTENCES_INIT, give it every character between
 * words (cspr_sentences_gap) and then each word (cspr_sentences_word).
 * Besides a stop, a sentence starts at the start of the text, after a
 * blank line, and at a heading, list item, block quote or table cell (a
 * line starting # - * + > | or a bullet, or "1.", "2)", "a)", "(b)").
 * A clause starts after a colon, semicolon, opening bracket or quote, or
 * a bullet: a capital there may be a quoted sentence's. */
struct cspr_sentences {
	size_t past; /* punctuation read to here */
	unsigned start : 1, maybe : 1, clause : 1, linestart : 1, item : 1;
};
#define CSPR_SENTENCES_INIT {.start = 1, .linestart = 1}
enum { CSPR_SENT_IN, CSPR_SENT_START, CSPR_SENT_CLAUSE };
/* The character cp at s[i], not part of a word. */
void cspr_sentences_gap(struct cspr_sentences *t, const unsigned char *s,
    size_t len, size_t i, uint32_t cp);
/* The word s[i..e), with a capital or not: CSPR_SENT_START when it starts
 * a sentence, CSPR_SENT_CLAUSE when only a clause, else CSPR_SENT_IN. */
int cspr_sentences_word(struct cspr_sentences *t, const unsigned char *s,
    size_t i, size_t e, int cap);

/* A place in a text, advanced by cspr_textpos_at to offsets in order:
 * line and column (characters) from 1.  Start it zeroed. */
struct cspr_textpos {
	size_t pos;
	long line, col;
};
void cspr_textpos_at(const char *text, size_t len, struct cspr_textpos *c,
    size_t off);
/* The number of characters in text[from..to). */
long cspr_text_chars(const char *text, size_t len, size_t from, size_t to);

/* White space within a line: space, tab, CR, form feed, vertical tab. */
int cspr_text_hspace(char c);
/* 1 when s[0..n) is all such white space (or empty). */
int cspr_text_blank(const char *s, size_t n);
/* A byte that can be part of a word: an ASCII letter or digit, or any
 * byte of a UTF-8 character (most of them letters in a report). */
int cspr_text_wordc(unsigned char c);

/* A line of a report, Markdown or plain text (pdftotext, pandoc). */
struct cspr_line {
	size_t off, len; /* its text, without the line end (and a
			    byte-order mark on the first line) */
	enum {
		CSPR_L_TEXT,  /* for the caller: prose, headings, lists */
		CSPR_L_BLANK, /* white space only (form feeds included) */
		CSPR_L_SKIP,  /* YAML front matter, a code fence */
		CSPR_L_CODE,  /* inside fenced code */
	} kind;
};
/* Split text[0..len) (any bytes) into lines in *v (free() it), *n of
 * them.  Front matter is "---" on the first line to "---" or "..."; a
 * fence is three or more ` or ~ after at most three spaces, closed only by
 * a fence of the same character at least as long with nothing after it
 * (CommonMark), or the end.  Returns 0, or -1 on out of memory. */
int cspr_text_lines(const char *text, size_t len, struct cspr_line **v,
    size_t *n);

/* 1 when text[0..len) is valid UTF-8. */
int cspr_text_is_utf8(const char *text, size_t len);
/* text[0..len) read as Windows-1252, as new NUL-terminated UTF-8 of
 * *outlen bytes; NULL on out of memory. */
char *cspr_text_from_cp1252(const char *text, size_t len, size_t *outlen);

/* ---- possible.c: identifiers the case does not list ---- */

/* What csp-publish-check says of a possible identifier of kind k: what
 * it may be ("Possibly a street that") and what to do ("remove it"). */
void cspr_maybe_advice(enum cspr_maybe_kind k, const char **what,
    const char **instead);

/* ---- labels.c: what a person is called once their name is gone ---- */

/* A member of o as text: a non-empty string, or an integer written into
 * buf; else NULL. */
const char *cspr_label_text(const json_t *o, const char *key, char *buf,
    size_t size);
/* New strings, NULL on out of memory: the child's pseudonym or "Child";
 * family member k's relationship ("Mother", "Sibling 2"); professional
 * k's "Role[ n], agency"; the referrer's label (a professional's when they
 * are one, else "Referrer, agency"). */
char *cspr_label_child(const json_t *root);
char *cspr_label_family(const json_t *family, size_t k);
char *cspr_label_professional(const json_t *pros, size_t k);
char *cspr_label_referrer(const json_t *root);

#endif
