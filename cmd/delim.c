/*
 * delim.c - tab- and comma-separated rows (see delim.h), one home for the
 * quoting rules of every tool that writes them.
 */
#include <stdio.h>
#include <string.h>

#include "delim.h"
#include "text.h"
#include "tool.h"

/* "-3" and "-0.5" are numbers; "-=1+1" is a formula to a spreadsheet. */
static int
formula(const char *s)
{
	if (strchr("=+@\t\r", s[0]) && s[0])
		return 1;
	if (s[0] != '-')
		return 0;
	s++;
	if (!*s)
		return 0;
	for (; *s; s++)
		if ((*s < '0' || *s > '9') && *s != '.')
			return 1;
	return 0;
}

static void
csv_field(const char *s)
{
	size_t n = strlen(s);
	int quote = strpbrk(s, ",\"\r\n") != NULL ||
	    (n && (s[0] == ' ' || s[n - 1] == ' '));
	int guard = formula(s);

	if (quote)
		putchar('"');
	if (guard)
		putchar('\'');
	for (; *s; s++) {
		if (*s == '"')
			putchar('"');
		putchar(*s);
	}
	if (quote)
		putchar('"');
}

void
delim_field(int format, const char *s, int last)
{
	if (!s)
		s = "";
	if (format == FMT_CSV) {
		csv_field(s);
		fputs(last ? "\r\n" : ",", stdout);
	} else {
		text_flat(s);
		putchar(last ? '\n' : '\t');
	}
}
