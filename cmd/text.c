/*
 * text.c - plain-text layout (see text.h).  Kept apart from tool.c, which
 * is about options, files and exit codes; this is only about how text
 * looks on a page.
 */
#include <stdarg.h>
#include <stdint.h>
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

/* The bytes less the continuation bytes (10xxxxxx), counted eight at a
 * time in a 64-bit word: text_wrap measures its labels and indents with
 * this on every call. */
static int
width_n(const char *s, size_t len)
{
	const uint64_t ones = 0x0101010101010101u, highs = ones * 0x80;
	size_t i = 0, cont = 0;

	for (; i + 8 <= len; i += 8) {
		uint64_t x;

		memcpy(&x, s + i, 8);
		/* the top bit set and the next one clear, as a 1 in each such
		 * byte, summed into the top byte by the multiplication */
		cont += (((x & ~(x << 1) & highs) >> 7) * ones) >> 56;
	}
	for (; i < len; i++)
		cont += ((unsigned char)s[i] & 0xc0) == 0x80;
	return (int)(len - cont);
}

int
text_width(const char *s)
{
	return width_n(s, strlen(s));
}

/* text_wrap's output, gathered and written a buffer at a time: putchar
 * for each character, with its locking, was a tenth of csp-decide's time
 * over many cases. */
struct out {
	char b[4096];
	size_t n;
	/* text_wrapped(): into a string instead (oom: out of memory) */
	char *str;
	size_t len;
	int to_str, oom;
};

static void
out_flush(struct out *o)
{
	char *p;

	if (!o->to_str) {
		fwrite(o->b, 1, o->n, stdout);
	} else if (!o->oom && (p = realloc(o->str, o->len + o->n + 1))) {
		memcpy(p + o->len, o->b, o->n);
		o->len += o->n;
		p[o->len] = '\0';
		o->str = p;
	} else {
		o->oom = 1;
	}
	o->n = 0;
}

/* n bytes at once: a word, a label, an indent */
static inline void
out_mem(struct out *o, const char *s, size_t n)
{
	if (o->n + n > sizeof(o->b)) {
		out_flush(o);
		while (n > sizeof(o->b)) {
			memcpy(o->b, s, sizeof(o->b));
			o->n = sizeof(o->b);
			out_flush(o);
			s += sizeof(o->b);
			n -= sizeof(o->b);
		}
	}
	memcpy(o->b + o->n, s, n);
	o->n += n;
}

/* What text_wrap makes of each byte, as bits: part of a word, the first
 * byte of a character (a column), a no-break space; white space, a
 * newline; the end; printable ASCII, and that or a space, which plain
 * lines are made of. */
enum { WORD = 1, COLUMN = 2, NBSP = 4, BLANK = 8, NEWLINE = 16, END = 32,
	PLAIN = 64, PLAIN_OR_SPACE = 128 };

static unsigned char kind[256];

static void
kinds(void)
{
	for (int c = 0; c < 256; c++)
		kind[c] = (c & 0xc0) == 0x80 ? WORD : WORD | COLUMN;
	for (int c = 1; c <= ' '; c++)
		kind[c] = BLANK;
	kind[0x7f] = BLANK;
	kind['\n'] = BLANK | NEWLINE;
	kind[0] = END;
	kind[(unsigned char)TEXT_NBSP] = WORD | COLUMN | NBSP;
	for (int c = '!'; c <= '~'; c++)
		kind[c] |= PLAIN | PLAIN_OR_SPACE;
	kind[' '] |= PLAIN_OR_SPACE;
}

/* Are the n bytes at p all printable ASCII or spaces, no two spaces
 * together?  Every byte the tools write passes here, so eight are tested
 * at once, as one 64-bit word: a byte-at-a-time loop was two thirds of
 * text_wrap's instructions. */
static int
plain_bytes(const unsigned char *p, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, highs = ones * 0x80;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t x, sp;

		memcpy(&x, p + i, 8);
		/* any byte below ' ' (borrowing), or above '~' (carrying into
		 * or already in its top bit) */
		if ((((x - ones * ' ') & ~x) | (x + ones * (0x7f - '~')) | x) &
		    highs)
			return 0;
		/* each byte below 0x80 now: the top bit of each space's byte,
		 * the only ones that a 0x7f added does not carry into */
		sp = ~((x ^ ones * ' ') + ones * 0x7f) & highs;
		if ((sp & (sp << 8)) || (i > 0 && p[i] == ' ' && p[i - 1] == ' '))
			return 0;
	}
	for (; i < n; i++)
		if (!(kind[p[i]] & PLAIN_OR_SPACE) ||
		    (i > 0 && p[i] == ' ' && p[i - 1] == ' '))
			return 0;
	return 1;
}

/* A plain line at the start of a line of output (col == start): from p,
 * printable ASCII words parted by single spaces, as most of what the
 * tools write is.  The line ends at the last space that fits and is
 * copied whole.  Returns the end of the text to write (p itself when the
 * line is not plain, for the word-by-word way), and in *next where the
 * next line starts, or NULL at the end of the text. */
static const unsigned char *
plain_line(const unsigned char *p, const unsigned char *end, int col,
    const unsigned char **next)
{
	size_t avail = col < TEXT_WIDTH ? (size_t)(TEXT_WIDTH - col) : 0;
	size_t n = (size_t)(end - p);
	const unsigned char *brk;

	*next = NULL;
	if (n > avail + 1)
		n = avail + 1;
	if (n == 0 || !(kind[p[0]] & PLAIN) || !plain_bytes(p, n))
		return p;
	if ((size_t)(end - p) <= avail) /* the rest fits */
		return end[-1] == ' ' ? p : end;
	for (brk = p + n - 1; brk > p && *brk != ' '; brk--)
		;
	/* none: a word longer than the line; a break before a blank run, or
	 * the end: the word-by-word way sees them whole */
	if (*brk != ' ' || !(kind[brk[1]] & PLAIN))
		return p;
	*next = brk + 1;
	return brk;
}

static void
wrap(struct out *o, const char *first, const char *indent,
    const char *text)
{
	size_t flen = strlen(first), ilen = strlen(indent);
	int col = width_n(first, flen), start = col, iw = width_n(indent, ilen);
	const unsigned char *p = (const unsigned char *)(text ? text : "");
	const unsigned char *w, *stop;

	if (!kind[0])
		kinds();
	for (w = p; kind[*w] & BLANK; w++)
		;
	if (kind[*w] & END) {
		/* nothing to write after it: no trailing blanks */
		size_t n = flen;

		while (n > 0 && first[n - 1] == ' ')
			n--;
		out_mem(o, first, n);
		out_mem(o, "\n", 1);
		out_flush(o);
		return;
	}
	out_mem(o, first, flen);
	p = w;
	stop = p + strlen((const char *)p);
	for (;;) {
		const unsigned char *end, *next;

		end = plain_line(p, stop, col, &next);
		if (end == p)
			break;
		out_mem(o, (const char *)p, (size_t)(end - p));
		if (!next) {
			p = end;
			break;
		}
		out_mem(o, "\n", 1);
		out_mem(o, indent, ilen);
		col = start = iw;
		p = next;
	}
	for (;;) {
		int newlines = 0, wl = 0, any = 0;
		unsigned k;

		for (; (k = kind[*p]) & BLANK; p++)
			newlines += (k & NEWLINE) != 0;
		if (k & END)
			break;
		if (newlines >= 2 && col > start) {
			/* a paragraph break in the text */
			out_mem(o, "\n\n", 2);
			out_mem(o, indent, ilen);
			col = start = iw;
		}
		for (w = p; (k = kind[*p]) & WORD; p++) {
			wl += (k & COLUMN) != 0;
			any |= k;
		}
		if (col > start && col + 1 + wl > TEXT_WIDTH) {
			out_mem(o, "\n", 1);
			out_mem(o, indent, ilen);
			col = start = iw;
		} else if (col > start) {
			out_mem(o, " ", 1);
			col++;
		}
		if (any & NBSP) {
			for (const unsigned char *c = w; c < p; c++)
				out_mem(o, kind[*c] & NBSP ? " " :
				    (const char *)c, 1);
		} else {
			out_mem(o, (const char *)w, (size_t)(p - w));
		}
		col += wl;
	}
	out_mem(o, "\n", 1);
	out_flush(o);
}

void
text_wrap(const char *first, const char *indent, const char *text)
{
	struct out o;

	o.n = 0;
	o.to_str = 0;
	wrap(&o, first, indent, text);
}

char *
text_wrapped(const char *first, const char *indent, const char *text)
{
	struct out o;

	o.n = o.len = 0;
	o.str = NULL;
	o.to_str = 1;
	o.oom = 0;
	wrap(&o, first, indent, text);
	if (o.oom) {
		free(o.str);
		return NULL;
	}
	return o.str;
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

	const char *run = s;

	/* the runs between control characters written whole */
	for (; *s; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f) {
			fwrite(run, 1, (size_t)(s - run), stdout);
			putchar(' ');
			run = s + 1;
		}
		n += ((unsigned char)*s & 0xc0) != 0x80;
	}
	fwrite(run, 1, (size_t)(s - run), stdout);
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

/* The columns of a row, gathered to be written at once. */
struct line {
	char s[160];
	size_t n;
};

static void
line_spaces(struct line *l, size_t n)
{
	for (; n > 0; n--) {
		if (l->n == sizeof(l->s)) {
			fwrite(l->s, 1, l->n, stdout);
			l->n = 0;
		}
		l->s[l->n++] = ' ';
	}
}

/* "  " then s padded to width bytes, as printf's "  %-*s" (a row is
 * printed for every deadline: no format to parse each time). */
static void
line_column(struct line *l, const char *s, size_t width)
{
	size_t n = strlen(s);

	line_spaces(l, 2);
	if (n > sizeof(l->s) - l->n) {
		fwrite(l->s, 1, l->n, stdout);
		l->n = 0;
		fwrite(s, 1, n, stdout);
	} else {
		memcpy(l->s + l->n, s, n);
		l->n += n;
	}
	line_spaces(l, n < width ? width - n : 0);
}

void
text_row(const char *id, const char *name, struct cspr_when due,
    enum cspr_status status, const char *progress)
{
	char when[20];
	struct line l = {.n = 0};
	int w = text_flat(id);

	/* a case id like HSCP-2026-008 fills the first column exactly; the
	 * name, of any length, comes after the columns, so that they stay
	 * in line whether or not people are named */
	line_spaces(&l, w < 13 ? 13 - w : 0);
	line_column(&l, due.kind != CSPR_WHEN_NONE ? cspr_when_str(due, when) :
	    "-", 16);
	line_column(&l, cspr_status_name(status), 7);
	line_column(&l, progress, 21);
	line_spaces(&l, 2);
	fwrite(l.s, 1, l.n, stdout);
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
