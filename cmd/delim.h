/*
 * delim.h - rows of values for spreadsheets and the shell: tab-separated
 * (tsv) or comma-separated (csv, RFC 4180).
 */
#ifndef CSP_DELIM_H
#define CSP_DELIM_H

/* Write one field of a row in format (FMT_TSV or FMT_CSV) on stdout, then
 * the separator, or the end of the row when last is set.  NULL is an empty
 * field.  TSV: every control character (a tab, a line break) becomes a
 * space, so that one row stays one line.  CSV: rows end CRLF; a field
 * holding a comma, a double quote, a line break or leading or trailing
 * space is quoted, its quotes doubled; and a field a spreadsheet would
 * take for a formula (starting "=", "+", "@", a tab or CR, or "-" not
 * starting a number) starts with "'", so that opening the file never runs
 * text from a case. */
void delim_field(int format, const char *s, int last);

#endif
