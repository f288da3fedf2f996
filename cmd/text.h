/*
 * text.h - plain-text layout for the tools that write for people to read
 * aloud or print: wrapped paragraphs and the tick boxes of the forms.
 */
#ifndef CSP_TEXT_H
#define CSP_TEXT_H

#include <stddef.h>

#define TEXT_WIDTH 78
/* In text for text_wrap(), a space that never breaks a line; any other
 * control character is white space. */
#define TEXT_NBSP '\x1f'

/* Print first, then text wrapped at TEXT_WIDTH columns, each further line
 * starting with indent.  Runs of white space become one space; a blank
 * line in text starts a new paragraph under indent.  Columns are counted
 * in characters (UTF-8), not bytes.  Ends with a newline. */
void text_wrap(const char *first, const char *indent, const char *text);
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

#endif
