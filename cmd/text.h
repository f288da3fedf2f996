/*
 * text.h - plain-text layout for the tools that write for people to read
 * aloud or print: wrapped paragraphs and the tick boxes of the forms.
 */
#ifndef CSP_TEXT_H
#define CSP_TEXT_H

#include <stddef.h>

#include "csprcore.h"

#define TEXT_WIDTH 78
/* In text for text_wrap(), a space that never breaks a line; any other
 * control character is white space. */
#define TEXT_NBSP '\x1f'

/* Print first, then text wrapped at TEXT_WIDTH columns, each further line
 * starting with indent.  Runs of white space become one space; a blank
 * line in text starts a new paragraph under indent.  Columns are counted
 * in characters (UTF-8), not bytes.  Ends with a newline. */
void text_wrap(const char *first, const char *indent, const char *text);
/* What text_wrap() would print, as a new string (free it); NULL when out
 * of memory. */
char *text_wrapped(const char *first, const char *indent, const char *text);
/* "[x]" or "[ ]". */
const char *text_box(int ticked);
/* Print cells (n of them, row by row) in ncols columns of width columns
 * each, after indent; a cell too long for its column wraps inside it,
 * further lines indented by hang characters. */
void text_columns(const char *indent, int ncols, int width,
    const char *const *cells, int n, int hang);
/* Append to the string in buf (of size bytes), printf-style, cutting the
 * text short rather than overflowing. */
void text_cat(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Replace every control character in s with a space, in place, so that
 * text from a case file can be printed as it is; returns s. */
char *text_clean(char *s);
/* The number of characters (UTF-8 code points) in s. */
int text_width(const char *s);
/* Write s to stdout with every control character (a tab, a line break in
 * a folded YAML scalar) as a space, so that one row stays one line.
 * Returns the characters written. */
int text_flat(const char *s);
/* How far off a duty is, in words, into buf: "3 working days left", "due
 * today", "2 working days late" (or "1 day late", "3 hours late" where no
 * working day has passed), "done 2026-11-13"; for a due one without a due
 * date "no timescale set"; "publication early" for a copy publication came
 * too soon for; "not done beforehand" or "done afterwards" for a duty that
 * had to come first; pending for CSPR_PENDING. */
void text_progress(const struct cspr_calendar *cal, cspr_date today,
    const struct cspr_deadline *d, const char *pending, char *buf,
    size_t size);
/* The start of a row of csp-deadlines and csp-notify, in columns: the case
 * id, the due moment ("-" when not known), the status and the progress,
 * each followed by two spaces; then "name: " when name is not NULL. */
void text_row(const char *id, const char *name, struct cspr_when due,
    enum cspr_status status, const char *progress);
/* The first line of a case's report: "id: what", with the child's name
 * after the id when names is set ("id (First Last): what"); control
 * characters from the case print as spaces. */
void text_heading(const json_t *root, int names, const char *id,
    const char *what);
/* "First Last" of the case's child, or NULL; the caller frees it. */
char *text_child_name(const json_t *root);
/* The string at path in v, or "" when there is none. */
const char *text_get(const json_t *v, const char *path);
/* One labelled field of a form: the label in a column of width characters
 * after two spaces, the value wrapped beside it; a longer label has the
 * value under it. */
void text_field(int width, const char *label, const char *value);

#endif
