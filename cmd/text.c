/*
 * text.c - plain-text layout (see text.h).  Kept apart from tool.c, which
 * is about options, files and exit codes; this is only about how text
 * looks on a page.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* White space, and every other control character too, so that text from
 * a case file cannot move the cursor or change colours on a terminal. */
static int
space(char c)
{
	return c != '\0' && c != TEXT_NBSP && ((unsigned char)c <= ' ' ||
	    c == 0x7f);
}

int
text_width(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static int
width_n(const char *s, size_t len)
{
	int n = 0;

	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

/* text_wrap's output, gathered and written a buffer at a time: putchar
 * for each character, with its locking, was a tenth of csp-decide's time
 * over many cases. */
struct out {
	char b[4096];
	size_t n;
};

static void
out_flush(struct out *o)
{
	fwrite(o->b, 1, o->n, stdout);
	o->n = 0;
}

static void
out_ch(struct out *o, char c)
{
	if (o->n == sizeof(o->b))
		out_flush(o);
	o->b[o->n++] = c;
}

static void
out_str(struct out *o, const char *s)
{
	for (; *s; s++)
		out_ch(o, *s);
}

void
text_wrap(const char *first, const char *indent, const char *text)
{
	int col = text_width(first), start = col, iw = text_width(indent);
	const char *p = text ? text : "", *w;
	struct out o;

	for (w = p; space(*w); w++)
		;
	if (!*w) {
		/* nothing to write after it: no trailing blanks */
		int n = (int)strlen(first);

		while (n > 0 && first[n - 1] == ' ')
			n--;
		printf("%.*s\n", n, first);
		return;
	}
	o.n = 0;
	out_str(&o, first);
	while (*p) {
		int newlines = 0, wl = 0;

		for (; space(*p); p++)
			newlines += *p == '\n';
		if (!*p)
			break;
		if (newlines >= 2 && col > start) {
			/* a paragraph break in the text */
			out_str(&o, "\n\n");
			out_str(&o, indent);
			col = start = iw;
		}
		for (w = p; *p && !space(*p); p++)
			wl += ((unsigned char)*p & 0xc0) != 0x80;
		if (col > start && col + 1 + wl > TEXT_WIDTH) {
			out_ch(&o, '\n');
			out_str(&o, indent);
			col = start = iw;
		} else if (col > start) {
			out_ch(&o, ' ');
			col++;
		}
		for (const char *c = w; c < p; c++)
			out_ch(&o, *c == TEXT_NBSP ? ' ' : *c);
		col += wl;
	}
	out_ch(&o, '\n');
	out_flush(&o);
}

const char *
text_box(int ticked)
{
	return ticked ? "[x]" : "[ ]";
}

/* Break s into lines of at most width characters (a longer word gets a
 * line to itself); each line after the first starts with hang spaces.
 * Returns the number of lines written into lines[], at most max. */
static int
break_lines(const char *s, int width, int hang, char lines[][160], int max)
{
	int n = 0, col = 0;

	lines[0][0] = '\0';
	while (*s && n < max) {
		const char *w;
		int wl, empty;
		size_t len;

		for (; space(*s); s++)
			;
		if (!*s)
			break;
		for (w = s; *s && !space(*s); s++)
			;
		wl = width_n(w, (size_t)(s - w));
		empty = col == (n ? hang : 0);
		if (!empty && col + 1 + wl > width) {
			if (++n == max)
				break;
			snprintf(lines[n], 160, "%*s", hang, "");
			col = hang;
		} else if (!empty) {
			strcat(lines[n], " ");
			col++;
		}
		len = strlen(lines[n]);
		snprintf(lines[n] + len, 160 - len, "%.*s", (int)(s - w), w);
		col += wl;
	}
	return n < max ? n + 1 : max;
}

void
text_columns(const char *indent, int ncols, int width,
    const char *const *cells, int n, int hang)
{
	enum { MAX = 8 };
	char (*lines)[MAX][160] = calloc((size_t)ncols, sizeof(*lines));
	int count[8];

	if (!lines || ncols > 8) {
		free(lines);
		return;
	}
	for (int row = 0; row * ncols < n; row++) {
		int height = 0;

		for (int c = 0; c < ncols; c++) {
			int i = row * ncols + c;

			count[c] = i < n ? break_lines(cells[i], width - 1, hang,
			    lines[c], MAX) : 0;
			if (count[c] > height)
				height = count[c];
		}
		for (int l = 0; l < height; l++) {
			int pad = 0;

			fputs(indent, stdout);
			for (int c = 0; c < ncols; c++) {
				const char *t = l < count[c] ? lines[c][l] : "";

				if (!*t) {
					pad += width;
					continue;
				}
				printf("%*s%s", pad, "", t);
				pad = width - text_width(t);
			}
			putchar('\n');
		}
	}
	free(lines);
}

void
text_cat(char *buf, size_t size, const char *fmt, ...)
{
	size_t n = strlen(buf);
	va_list ap;

	if (n + 1 >= size)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + n, size - n, fmt, ap);
	va_end(ap);
	cspr_u8trim(buf + n); /* cut short at a character, not inside one */
}

char *
text_clean(char *s)
{
	for (char *p = s; *p; p++)
		if (space(*p))
			*p = ' ';
	return s;
}

int
text_flat(const char *s)
{
	int n = 0;

	for (; *s; s++) {
		putchar((unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s);
		n += ((unsigned char)*s & 0xc0) != 0x80;
	}
	return n;
}

void
text_progress(const struct cspr_calendar *cal, cspr_date today,
    const struct cspr_deadline *d, const char *pending, char *buf,
    size_t size)
{
	char w[32];

	/* publication too soon for a copy (9.15.3), and a duty that had to
	 * come before what the due column shows, say so */
	if (d->early && (d->status == CSPR_LATE || d->status == CSPR_OVERDUE)) {
		snprintf(buf, size, "publication early");
		return;
	}
	if (d->before && d->status == CSPR_OVERDUE) {
		snprintf(buf, size, "not done beforehand");
		return;
	}
	if (d->before && d->status == CSPR_LATE) {
		snprintf(buf, size, "done afterwards");
		return;
	}
	switch (d->status) {
	case CSPR_DUE:
		if (d->due.kind == CSPR_WHEN_NONE)
			snprintf(buf, size, "no timescale set");
		else if (cspr_when_date(d->due) == today)
			snprintf(buf, size, "due today");
		else
			snprintf(buf, size, "%d working day%s left",
			    d->days_left, d->days_left == 1 ? "" : "s");
		return;
	case CSPR_OVERDUE:
		if (d->days_left < 0) {
			snprintf(buf, size, "%d working day%s late",
			    -d->days_left, d->days_left == -1 ? "" : "s");
		} else {
			struct cspr_when now = {(cspr_time)today * 1440,
			    CSPR_WHEN_DATE};

			snprintf(buf, size, "%s late", cspr_late_str(cal,
			    d->due, now, w, sizeof(w)));
		}
		return;
	case CSPR_LATE:
		snprintf(buf, size, "%s late", cspr_late_str(cal, d->due,
		    d->done, w, sizeof(w)));
		return;
	case CSPR_DONE:
		snprintf(buf, size, "done %s", cspr_when_str(d->done, w));
		return;
	case CSPR_PENDING:
		snprintf(buf, size, "%s", pending);
		return;
	}
}

void
text_row(const char *id, const char *name, struct cspr_when due,
    enum cspr_status status, const char *progress)
{
	char when[20];
	int w = text_flat(id);

	/* a case id like HSCP-2026-008 fills the first column exactly; the
	 * name, of any length, comes after the columns, so that they stay
	 * in line whether or not people are named */
	printf("%*s  %-16s  %-7s  %-21s  ", w < 13 ? 13 - w : 0, "",
	    due.kind != CSPR_WHEN_NONE ? cspr_when_str(due, when) : "-",
	    cspr_status_name(status), progress);
	if (name) {
		text_flat(name);
		fputs(": ", stdout);
	}
}

void
text_heading(const json_t *root, int names, const char *id, const char *what)
{
	char *name = names ? text_child_name(root) : NULL;

	text_flat(id);
	if (name) {
		fputs(" (", stdout);
		text_flat(name);
		putchar(')');
		free(name);
	}
	fputs(": ", stdout);
	text_flat(what);
	putchar('\n');
}

char *
text_child_name(const json_t *root)
{
	const char *first = cspr_get_str(root, "child.first_name");
	const char *last = cspr_get_str(root, "child.last_name");
	size_t n;
	char *s;

	if (first && !*first)
		first = NULL;
	if (last && !*last)
		last = NULL;
	if (!first && !last)
		return NULL;
	n = (first ? strlen(first) : 0) + (last ? strlen(last) : 0) + 2;
	if (!(s = malloc(n)))
		return NULL;
	snprintf(s, n, "%s%s%s", first ? first : "", first && last ? " " : "",
	    last ? last : "");
	return s;
}

const char *
text_get(const json_t *v, const char *path)
{
	const char *s = cspr_get_str(v, path);

	return s ? s : "";
}

void
text_field(int width, const char *label, const char *value)
{
	char first[160], indent[160];
	int n = width + 3 < (int)sizeof(indent) ? width + 3 :
	    (int)sizeof(indent) - 1;

	memset(indent, ' ', (size_t)n);
	indent[n] = '\0';
	if (text_width(label) > width) {
		/* a long label has the value under it */
		text_wrap("  ", "    ", label);
		if (value && *value)
			text_wrap(indent, indent, value);
		return;
	}
	snprintf(first, sizeof(first), "  %-*s ", width, label);
	text_wrap(first, indent, value);
}
