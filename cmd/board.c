/*
 * board.c - csp-summary's board: the cases, the stages, the timeliness
 * and the funnel as bar charts, and a timeline for each case, all inline
 * SVG in one HTML page with its own style sheet; and the words the text
 * tables share with it.  Everything from a case is escaped; nothing from a
 * free-text field is shown.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "board.h"
#include "text.h"

/* ---- words shared with the text tables ---- */

const char *
board_period(const struct board_run *r, char *buf, size_t n)
{
	char a[11], b[11];

	if (r->from == CSPR_NO_DATE && r->to == CSPR_NO_DATE)
		snprintf(buf, n, "all dates");
	else if (r->to == CSPR_NO_DATE)
		snprintf(buf, n, "from %s", cspr_date_str(r->from, a));
	else if (r->from == CSPR_NO_DATE)
		snprintf(buf, n, "to %s", cspr_date_str(r->to, b));
	else
		snprintf(buf, n, "%s to %s", cspr_date_str(r->from, a),
		    cspr_date_str(r->to, b));
	return buf;
}

/* How far off the next duty is, in csp-deadlines' words. */
void
board_progress(const struct tool *t, const struct cspr_case_summary *cs,
    char *buf, size_t n)
{
	struct cspr_deadline d = {.status = cs->next_status,
	    .due = cs->next_due, .days_left = cs->next_days_left,
	    .early = cs->next_early, .before = cs->next_before};

	d.done.kind = CSPR_WHEN_NONE;
	text_progress(t->cal, t->today, &d, "", buf, n);
}

/* "80%", "-" */
const char *
board_percent(double share, char *buf, size_t n)
{
	if (share < 0)
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%.0f%%", share * 100);
	return buf;
}

/* The median: "3", "3.5", "-" when nothing was done */
const char *
board_days(const struct cspr_timeliness *x, char *buf, size_t n)
{
	double v = x->median;

	if (!x->timed)
		snprintf(buf, n, "-");
	else if (v == (long)v)
		snprintf(buf, n, "%ld", (long)v);
	else
		snprintf(buf, n, "%.1f", v);
	return buf;
}

size_t
board_measures(const struct cspr_funnel *f, struct board_measure *m)
{
	struct board_measure v[] = {
		{"referrals", "referrals received", f->referrals, 0},
		{"notified_to_panel", "incidents notified to the Panel",
		    f->notified, 0},
		{"rapid_reviews", "rapid reviews completed", f->rapid_reviews,
		    0},
		{"decisions", "decisions", f->decisions, 0},
		{"local_review", "local review", f->local_review, 1},
		{"national_review", "national review", f->national_review, 1},
		{"other_review", "other review", f->other_review, 1},
		{"no_further_action", "no further action",
		    f->no_further_action, 1},
		{"not_recorded", "outcome not recorded", f->outcome_unknown,
		    1},
		{"local_reviews_published", "local reviews published",
		    f->published, 0},
	};

	memcpy(m, v, sizeof(v));
	return sizeof(v) / sizeof(v[0]);
}

/* "on average 1.5 working days early" */
void
board_rr_average(const struct cspr_funnel *f, char *buf, size_t n)
{
	double a = f->rr_average_late;

	if (!f->rr_timed)
		snprintf(buf, n, "none with a due date");
	else if (a > -0.05 && a < 0.05)
		snprintf(buf, n, "on average on the due date");
	else
		snprintf(buf, n, "on average %.1f working day%s %s",
		    a < 0 ? -a : a, (a < 0 ? -a : a) == 1 ? "" : "s",
		    a < 0 ? "early" : "late");
}

/* ---- HTML ---- */

/* Colours by status, for the bars and the table; never the only sign:
 * the words are always beside them. */
#define C_DONE "#2e7d32"
#define C_LATE "#b26a00"
#define C_OVERDUE "#c62828"
#define C_DUE "#1565c0"
#define C_PENDING "#757575"

static const char *
status_colour(enum cspr_status s)
{
	switch (s) {
	case CSPR_DONE:
		return C_DONE;
	case CSPR_LATE:
		return C_LATE;
	case CSPR_OVERDUE:
		return C_OVERDUE;
	case CSPR_DUE:
		return C_DUE;
	default:
		return C_PENDING;
	}
}

/* Text from a case in HTML (element content or a quoted attribute):
 * the five special characters escaped, control characters as spaces. */
static void
h(const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			fputs("&amp;", stdout);
			break;
		case '<':
			fputs("&lt;", stdout);
			break;
		case '>':
			fputs("&gt;", stdout);
			break;
		case '"':
			fputs("&quot;", stdout);
			break;
		case '\'':
			fputs("&#39;", stdout);
			break;
		default:
			putchar((unsigned char)*s < 0x20 || *s == 0x7f ? ' ' :
			    *s);
		}
	}
}

static const char style[] =
    "*{box-sizing:border-box}\n"
    "body{margin:0 auto;max-width:60rem;padding:1rem;"
    "font:15px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,"
    "\"Helvetica Neue\",Arial,sans-serif;color:#1b1b1b;background:#fff}\n"
    "h1{font-size:1.5rem;margin:.2rem 0}\n"
    "h2{font-size:1.2rem;margin:2rem 0 .5rem;padding-bottom:.2rem;"
    "border-bottom:2px solid #1b1b1b}\n"
    "h3{font-size:1rem;margin:1.2rem 0 .3rem}\n"
    ".meta{color:#444;margin:.2rem 0}\n"
    ".tiles{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0}\n"
    ".tile{flex:1 1 8rem;border:1px solid #ccc;border-radius:4px;"
    "padding:.4rem .6rem}\n"
    ".tile b{display:block;font-size:1.6rem;line-height:1.2}\n"
    ".tile.bad{border-color:" C_OVERDUE ";color:" C_OVERDUE "}\n"
    "table{border-collapse:collapse;width:100%;font-size:.9rem}\n"
    "th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid "
    "#ddd;vertical-align:top}\n"
    "th{background:#f2f2f2}\n"
    "td.id,td.when{white-space:nowrap}\n"
    "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\n"
    "tr.overdue td{background:#fdecea}\n"
    "tr.overdue td.status{color:" C_OVERDUE ";font-weight:bold}\n"
    ".status-due{color:" C_DUE "}\n"
    ".findings{border-left:4px solid " C_OVERDUE ";padding:.3rem .8rem;"
    "background:#fdecea}\n"
    ".scroll{overflow-x:auto}\n"
    "table.figures td:first-child{white-space:nowrap}\n"
    "svg{display:block;width:100%;height:auto;max-width:100%}\n"
    "svg text{font-family:inherit}\n"
    ".case{break-inside:avoid;page-break-inside:avoid}\n"
    ".key span{display:inline-block;margin-right:1rem}\n"
    ".key b{margin-right:.25rem}\n"
    "footer{margin-top:2rem;color:#555;font-size:.85rem}\n"
    "@media (max-width:40rem){\n"
    " body{padding:.6rem;font-size:14px}\n"
    " table.cases thead{display:none}\n"
    " table.cases tr{display:block;border:1px solid #ccc;border-radius:4px;"
    "margin-bottom:.5rem}\n"
    " table.cases td{display:flex;justify-content:space-between;gap:1rem;"
    "border:0;text-align:right}\n"
    " .scroll svg{width:40rem;max-width:none}\n"
    " table.cases td::before{content:attr(data-label);font-weight:bold;"
    "text-align:left}\n"
    "}\n"
    "@media print{\n"
    " @page{size:A4;margin:12mm}\n"
    " body{max-width:none;padding:0;font-size:10pt}\n"
    " *{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    " h2{break-after:avoid;page-break-after:avoid}\n"
    " tr{break-inside:avoid;page-break-inside:avoid}\n"
    "}\n";

/* The moment the page was made: SOURCE_DATE_EPOCH when set (the
 * reproducible-builds convention), else now; in UTC. */
static void
made(char *buf, size_t n)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	time_t now = time(NULL);
	struct tm tm;
	char *end;

	if (env && *env) {
		long long v = strtoll(env, &end, 10);

		if (!*end && v >= 0)
			now = (time_t)v;
	}
	if (!gmtime_r(&now, &tm) ||
	    strftime(buf, n, "%Y-%m-%d %H:%M UTC", &tm) == 0)
		snprintf(buf, n, "unknown");
}

/* ---- the timeline of one case (inline SVG) ---- */

#define TL_W 760
#define TL_LABEL 170
#define TL_RIGHT 12
#define TL_TOP 30
#define TL_ROW 20

struct scale {
	cspr_date t0, t1;
};

static double
x_of(const struct scale *sc, cspr_date d)
{
	return TL_LABEL + (double)(d - sc->t0) *
	    (TL_W - TL_LABEL - TL_RIGHT) / (double)(sc->t1 - sc->t0);
}

static void
widen(cspr_date *lo, cspr_date *hi, cspr_date d)
{
	if (d == CSPR_NO_DATE)
		return;
	if (*lo == CSPR_NO_DATE || d < *lo)
		*lo = d;
	if (*hi == CSPR_NO_DATE || d > *hi)
		*hi = d;
}

static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May",
    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* Month lines and labels across the top, at most about eight. */
static void
svg_axis(const struct scale *sc, int height)
{
	int y, m, d, y1, m1, step;
	long span, k;

	if (sc->t1 - sc->t0 <= 70) {
		/* a short span: each Monday */
		cspr_date at = sc->t0 + (7 - cspr_weekday(sc->t0)) % 7;

		for (; at <= sc->t1; at += 7) {
			cspr_date_ymd(at, &y, &m, &d);
			printf("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" "
			    "y2=\"%d\" stroke=\"#e0e0e0\"/>", x_of(sc, at),
			    TL_TOP - 6, x_of(sc, at), height - 4);
			if (x_of(sc, at) < TL_W - 40)
				printf("<text x=\"%.1f\" y=\"%d\" "
				    "font-size=\"11\" fill=\"#555\">%d %s"
				    "</text>", x_of(sc, at) + 2, TL_TOP - 9, d,
				    months[m - 1]);
		}
		return;
	}
	cspr_date_ymd(sc->t0, &y, &m, &d);
	cspr_date_ymd(sc->t1, &y1, &m1, &d);
	span = (long)(y1 - y) * 12 + (m1 - m);
	step = span <= 8 ? 1 : span <= 16 ? 2 : span <= 24 ? 3 :
	    span <= 48 ? 6 : 12 * (int)(span / 96 + 1);
	/* months counted from year 0: the first start of a month after t0
	 * that is a multiple of the step, then every step */
	k = (long)y * 12 + m;
	k += (step - k % step) % step;
	for (;; k += step) {
		cspr_date at;
		double x;

		if (k < 12)
			continue; /* no year 0, nor any before it */
		at = cspr_date_from_ymd((int)(k / 12), (int)(k % 12) + 1, 1);
		if (k / 12 > 9999 || at == CSPR_NO_DATE || at > sc->t1)
			break;
		x = x_of(sc, at);
		printf("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
		    "stroke=\"#e0e0e0\"/>", x, TL_TOP - 6, x, height - 4);
		if (x >= TL_W - 40)
			continue;
		printf("<text x=\"%.1f\" y=\"%d\" font-size=\"11\" "
		    "fill=\"#555\">%s", x + 2, TL_TOP - 9, months[k % 12]);
		if (k % 12 == 0 || step >= 12)
			printf(" %ld", k / 12);
		printf("</text>");
	}
}

static void
svg_title(const struct tool *t, const struct cspr_clock *k)
{
	char a[11], b[11], c[11], more[64];
	struct cspr_deadline d = {.status = k->status,
	    .due = {(cspr_time)k->due * 1440, CSPR_WHEN_DATE},
	    .done = {(cspr_time)k->done * 1440, CSPR_WHEN_DATE},
	    .days_left = k->days_left, .early = k->early,
	    .before = k->before};

	if (k->done == CSPR_NO_DATE)
		d.done.kind = CSPR_WHEN_NONE;
	text_progress(t->cal, t->today, &d, "pending", more, sizeof(more));
	printf("<title>");
	h(k->id);
	printf(" (%s): ", k->para);
	if (k->from != CSPR_NO_DATE)
		printf("from %s, ", cspr_date_str(k->from, a));
	printf("due %s, %s", cspr_date_str(k->due, b),
	    cspr_status_name(k->status));
	if (k->status != CSPR_DONE)
		printf(", %s", more);
	else if (k->done != CSPR_NO_DATE)
		printf(" %s", cspr_date_str(k->done, c));
	printf("</title>");
}

static void
timeline(const struct tool *t, const struct cspr_case_summary *cs)
{
	struct scale sc = {CSPR_NO_DATE, CSPR_NO_DATE};
	int rows = (int)cs->nclocks + (cs->nmore ? 1 : 0);
	int height = TL_TOP + (rows ? rows : 1) * TL_ROW + 8;
	double today;

	widen(&sc.t0, &sc.t1, cs->incident);
	widen(&sc.t0, &sc.t1, t->today);
	for (unsigned i = 0; i < cs->nclocks; i++) {
		widen(&sc.t0, &sc.t1, cs->clocks[i].from);
		widen(&sc.t0, &sc.t1, cs->clocks[i].due);
		widen(&sc.t0, &sc.t1, cs->clocks[i].done);
	}
	/* a margin either side, and never a span of nothing */
	sc.t0 -= 4 + (sc.t1 - sc.t0) / 40;
	sc.t1 += 4 + (sc.t1 - sc.t0) / 40;
	printf("<div class=\"scroll\"><svg class=\"timeline\" "
	    "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Timeline of ",
	    TL_W, height);
	h(cs->id);
	printf("\">");
	svg_axis(&sc, height);
	for (unsigned i = 0; i < cs->nclocks; i++) {
		const struct cspr_clock *k = &cs->clocks[i];
		int y = TL_TOP + (int)i * TL_ROW;
		double xd = x_of(&sc, k->due);
		const char *col = status_colour(k->status);

		printf("<g>");
		svg_title(t, k);
		printf("<text x=\"%d\" y=\"%d\" font-size=\"12\" "
		    "text-anchor=\"end\" fill=\"#1b1b1b\">", TL_LABEL - 8,
		    y + 14);
		h(k->id);
		printf("</text>");
		if (k->from != CSPR_NO_DATE) {
			double xf = x_of(&sc, k->from);

			printf("<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
			    "height=\"10\" rx=\"2\" fill=\"%s\" "
			    "fill-opacity=\"0.35\" stroke=\"%s\"/>", xf, y + 5,
			    xd - xf > 1 ? xd - xf : 1, col, col);
		} else {
			/* an action: due on a date, no clock before it */
			printf("<path d=\"M%.1f %d l5 5 -5 5 -5 -5z\" "
			    "fill=\"%s\"/>", xd, y + 5, col);
		}
		if (k->status == CSPR_OVERDUE)
			printf("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" "
			    "y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>", xd,
			    y + 10, x_of(&sc, t->today), y + 10, col);
		if (k->done != CSPR_NO_DATE) {
			double xo = x_of(&sc, k->done);

			if (k->status == CSPR_LATE)
				printf("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" "
				    "y2=\"%d\" stroke=\"%s\" "
				    "stroke-width=\"3\"/>", xd, y + 10, xo,
				    y + 10, col);
			printf("<circle cx=\"%.1f\" cy=\"%d\" r=\"4.5\" "
			    "fill=\"#fff\" stroke=\"%s\" stroke-width=\"2\"/>"
			    "<path d=\"M%.1f %d l2 2 3.5 -4\" fill=\"none\" "
			    "stroke=\"%s\" stroke-width=\"1.6\"/>", xo, y + 10,
			    col, xo - 2.5, y + 10, col);
		}
		printf("</g>");
	}
	if (cs->nmore)
		printf("<text x=\"%d\" y=\"%d\" font-size=\"12\" "
		    "text-anchor=\"end\" fill=\"#555\">and %u more</text>",
		    TL_LABEL - 8, TL_TOP + (int)cs->nclocks * TL_ROW + 14,
		    cs->nmore);
	if (cs->incident != CSPR_NO_DATE) {
		double xi = x_of(&sc, cs->incident);

		printf("<g><title>incident</title><line x1=\"%.1f\" y1=\"%d\" "
		    "x2=\"%.1f\" y2=\"%d\" stroke=\"#6a1b9a\" "
		    "stroke-width=\"1.5\"/><path d=\"M%.1f %d l5 -7 h-10z\" "
		    "fill=\"#6a1b9a\"/></g>", xi, TL_TOP - 2, xi, height - 4,
		    xi, TL_TOP - 2);
	}
	today = x_of(&sc, t->today);
	printf("<g><title>today</title><line x1=\"%.1f\" y1=\"%d\" "
	    "x2=\"%.1f\" y2=\"%d\" stroke=\"#1b1b1b\" stroke-width=\"1.5\" "
	    "stroke-dasharray=\"4 3\"/><text x=\"%.1f\" y=\"%d\" "
	    "font-size=\"11\" text-anchor=\"%s\" font-weight=\"bold\">"
	    "today</text></g>", today, TL_TOP - 20, today, height - 4,
	    today + (today > TL_W - 60 ? -4 : 4), TL_TOP - 20,
	    today > TL_W - 60 ? "end" : "start");
	printf("</svg></div>\n");
}

/* ---- bar charts ---- */

#define BAR_W 760
#define BAR_LABEL 230
#define BAR_ROW 24

/* A horizontal bar chart: one row per label, each row made of segments
 * (value and colour) stacked left to right, scaled to the largest total,
 * with text after it. */
struct bar {
	const char *label;
	unsigned long v[4];
	const char *colour[4];
	char note[64];
	int indent;
};

static void
bars(const char *aria, const struct bar *b, size_t n)
{
	unsigned long max = 1;
	int height = (int)n * BAR_ROW + 6;
	double track = BAR_W - BAR_LABEL - 170;

	for (size_t i = 0; i < n; i++) {
		unsigned long sum = b[i].v[0] + b[i].v[1] + b[i].v[2] +
		    b[i].v[3];

		if (sum > max)
			max = sum;
	}
	printf("<div class=\"scroll\"><svg class=\"chart\" "
	    "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">", BAR_W,
	    height, aria);
	for (size_t i = 0; i < n; i++) {
		int y = (int)i * BAR_ROW + 3;
		double x = BAR_LABEL;

		printf("<text x=\"%d\" y=\"%d\" font-size=\"12\" "
		    "text-anchor=\"end\">", BAR_LABEL - 8 - 12 * b[i].indent,
		    y + 14);
		h(b[i].label);
		printf("</text>");
		for (int j = 0; j < 4; j++) {
			double w = track * (double)b[i].v[j] / (double)max;

			if (b[i].v[j] == 0)
				continue;
			printf("<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
			    "height=\"16\" fill=\"%s\"/>", x, y + 2, w,
			    b[i].colour[j]);
			x += w;
		}
		printf("<text x=\"%.1f\" y=\"%d\" font-size=\"12\" "
		    "fill=\"#333\">", x + 6, y + 14);
		h(b[i].note);
		printf("</text>");
	}
	printf("</svg></div>\n");
}

/* ---- the page ---- */

static void
html_cases(const struct tool *t, const struct board_run *r)
{
	size_t n = cspr_summary_ncases(r->s);
	char due[20], more[64];

	printf("<section id=\"cases\">\n<h2>Cases, by next due date</h2>\n");
	if (n == 0) {
		printf("<p>No case could be read.</p>\n</section>\n");
		return;
	}
	printf("<table class=\"cases\">\n<thead><tr><th>Case</th>%s"
	    "<th>Stage</th><th>Next duty</th><th>Due</th><th>Status</th>"
	    "<th class=\"n\">Overdue</th><th class=\"n\">Open</th></tr>"
	    "</thead>\n<tbody>\n", t->names ? "<th>Child</th>" : "");
	for (size_t i = 0; i < n; i++) {
		const struct cspr_case_summary *cs = cspr_summary_case(r->s, i);
		int late = cs->next && cs->next_status == CSPR_OVERDUE;

		printf("<tr class=\"%s\"><td data-label=\"Case\" "
		    "class=\"id\"><a "
		    "href=\"#case-%zu\">", late ? "overdue" : "open", i + 1);
		h(cs->id);
		printf("</a></td>");
		if (t->names) {
			printf("<td data-label=\"Child\">");
			h(cs->name ? cs->name : "");
			printf("</td>");
		}
		printf("<td data-label=\"Stage\">%s</td>",
		    cspr_stage_title(cs->stage));
		if (cs->next) {
			board_progress(t, cs, more, sizeof(more));
			printf("<td data-label=\"Next duty\">");
			h(cs->next);
			printf(" (%s)</td><td data-label=\"Due\" "
			    "class=\"when\">%s</td><td data-label=\"Status\" "
			    "class=\"status status-%s\">%s%s</td>",
			    cs->next_para, cspr_when_str(cs->next_due, due),
			    cspr_status_name(cs->next_status),
			    late ? "overdue: " : "", more);
		} else {
			printf("<td data-label=\"Next duty\">nothing open</td>"
			    "<td data-label=\"Due\">-</td>"
			    "<td data-label=\"Status\">-</td>");
		}
		printf("<td data-label=\"Overdue\" class=\"n\">%u</td>"
		    "<td data-label=\"Open\" class=\"n\">%u</td></tr>\n",
		    cs->overdue, cs->outstanding);
	}
	printf("</tbody>\n</table>\n</section>\n");
}

static void
html_key(void)
{
	/* U+25A0, a black square, in each colour */
	printf("<p class=\"key\"><span><b style=\"color:" C_DONE
	    "\">\xe2\x96\xa0" "</b>done on time</span><span><b style=\"color:" C_LATE
	    "\">\xe2\x96\xa0" "</b>late</span><span><b style=\"color:" C_OVERDUE
	    "\">\xe2\x96\xa0" "</b>overdue</span><span><b style=\"color:" C_DUE
	    "\">\xe2\x96\xa0" "</b>still due</span></p>\n");
}

static void
html_timelines(const struct tool *t, const struct board_run *r)
{
	size_t n = cspr_summary_ncases(r->s);

	if (n == 0)
		return;
	printf("<section id=\"timelines\">\n<h2>Timelines</h2>\n"
	    "<p>Each clock runs as a bar from its start to its due date; a "
	    "diamond is a date something is due by with no clock before it "
	    "(an action, or what must come before publication); a ring marks "
	    "when it was done, a thick line how late; the purple mark is the "
	    "incident, the dashed line today. Hover over a row for its "
	    "dates.</p>\n");
	html_key();
	for (size_t i = 0; i < n; i++) {
		const struct cspr_case_summary *cs = cspr_summary_case(r->s, i);

		printf("<div class=\"case\" id=\"case-%zu\"><h3>", i + 1);
		h(cs->id);
		if (cs->name) {
			printf(" (");
			h(cs->name);
			printf(")");
		}
		printf(": %s</h3>\n", cspr_stage_title(cs->stage));
		timeline(t, cs);
		printf("</div>\n");
	}
	printf("</section>\n");
}

static void
html_timeliness(const struct board_run *r)
{
	size_t n = cspr_summary_nrules(r->s);
	struct bar *b;
	char p[64], share[8], median[16];

	printf("<section id=\"timeliness\">\n<h2>Timeliness, clocks started "
	    "%s</h2>\n", board_period(r, p, sizeof(p)));
	if (n == 0) {
		printf("<p>No clock started.</p>\n</section>\n");
		return;
	}
	html_key();
	if ((b = calloc(n, sizeof(*b)))) {
		for (size_t i = 0; i < n; i++) {
			const struct cspr_timeliness *x =
			    cspr_summary_rule(r->s, i);

			b[i].label = x->rule;
			b[i].v[0] = x->on_time;
			b[i].v[1] = x->late;
			b[i].v[2] = x->overdue;
			b[i].v[3] = x->due;
			b[i].colour[0] = C_DONE;
			b[i].colour[1] = C_LATE;
			b[i].colour[2] = C_OVERDUE;
			b[i].colour[3] = C_DUE;
			snprintf(b[i].note, sizeof(b[i].note), "%s on time",
			    board_percent(x->share_on_time, share, sizeof(share)));
		}
		bars("Timeliness of each rule", b, n);
		free(b);
	}
	printf("<div class=\"scroll\"><table class=\"figures\">\n"
	    "<thead><tr><th>Rule</th><th>Para</th>"
	    "<th class=\"n\">Ran</th><th class=\"n\">On time</th>"
	    "<th class=\"n\">Late</th><th class=\"n\">Overdue</th>"
	    "<th class=\"n\">Due</th><th class=\"n\">Share on time</th>"
	    "<th class=\"n\">Median working days</th>"
	    "<th class=\"n\">Worst</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const struct cspr_timeliness *x = cspr_summary_rule(r->s, i);

		printf("<tr><td>%s</td><td>%s</td><td class=\"n\">%lu</td>"
		    "<td class=\"n\">%lu</td><td class=\"n\">%lu</td>"
		    "<td class=\"n\">%lu</td><td class=\"n\">%lu</td>"
		    "<td class=\"n\">%s</td><td class=\"n\">%s</td>"
		    "<td class=\"n\">", x->rule, x->para, x->ran, x->on_time,
		    x->late, x->overdue, x->due, board_percent(x->share_on_time,
		    share, sizeof(share)), board_days(x, median, sizeof(median)));
		if (!x->timed)
			printf("-");
		else
			printf("%d", x->worst);
		printf("</td></tr>\n");
	}
	printf("</tbody>\n</table></div>\n</section>\n");
}

static void
html_funnel(const struct board_run *r)
{
	const struct cspr_funnel *f = cspr_summary_funnel(r->s);
	struct board_measure m[16];
	struct bar b[16];
	size_t n = board_measures(f, m);
	char p[64], avg[64];

	memset(b, 0, sizeof(b));
	for (size_t i = 0; i < n; i++) {
		b[i].label = m[i].words;
		b[i].v[0] = m[i].n;
		b[i].colour[0] = m[i].indent ? "#78909c" : "#37474f";
		b[i].indent = m[i].indent;
		snprintf(b[i].note, sizeof(b[i].note), "%lu", m[i].n);
	}
	printf("<section id=\"funnel\">\n<h2>Funnel, %s</h2>\n",
	    board_period(r, p, sizeof(p)));
	bars("Referrals, notifications, rapid reviews, decisions and "
	    "publications", b, n);
	board_rr_average(f, avg, sizeof(avg));
	printf("<p>Rapid reviews completed in the period: %s.</p>\n</section>"
	    "\n", avg);
}

static void
html_stages(const struct board_run *r)
{
	struct bar b[CSPR_NSTAGES];

	memset(b, 0, sizeof(b));
	for (int s = 0; s < CSPR_NSTAGES; s++) {
		b[s].label = cspr_stage_title(s);
		b[s].v[0] = cspr_summary_stage_count(r->s, s);
		b[s].colour[0] = "#37474f";
		snprintf(b[s].note, sizeof(b[s].note), "%lu", b[s].v[0]);
	}
	printf("<section id=\"stages\">\n<h2>Cases by stage</h2>\n");
	bars("Cases by stage", b, CSPR_NSTAGES);
	printf("</section>\n");
}

void
board_html(const struct tool *t, const struct board_run *r)
{
	size_t n = cspr_summary_ncases(r->s), overdue = 0, ours = 0;
	size_t ndup = cspr_summary_nduplicates(r->s);
	char today[11], when[32];

	for (size_t i = 0; i < n; i++) {
		const struct cspr_case_summary *cs = cspr_summary_case(r->s, i);

		overdue += cs->overdue > 0;
		ours += cs->findings != 0;
	}
	cspr_date_str(t->today, today);
	made(when, sizeof(when));
	printf("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n"
	    "<title>Case board as of %s</title>\n<style>\n%s</style>\n"
	    "</head>\n<body>\n<header>\n<h1>Child safeguarding practice "
	    "reviews: case board</h1>\n<p class=\"meta\">As of <strong>%s"
	    "</strong> (the date the deadlines are judged by); made %s by "
	    "csp-summary %s.%s</p>\n</header>\n<main>\n", today, style, today,
	    when, CSPR_VERSION, t->names ? "" :
	    " Cases are shown by id only.");
	printf("<div class=\"tiles\"><div class=\"tile\"><b>%zu</b>cases"
	    "</div><div class=\"tile%s\"><b>%zu</b>with a duty overdue</div>"
	    "<div class=\"tile%s\"><b>%zu</b>overdue for the partnership or "
	    "local authority</div></div>\n", n, overdue ? " bad" : "",
	    overdue, ours ? " bad" : "", ours);
	if (ndup) {
		printf("<div class=\"findings\"><p>The same case id in two "
		    "files:</p><ul>\n");
		for (size_t i = 0; i < ndup; i++) {
			const struct cspr_duplicate *d =
			    cspr_summary_duplicate(r->s, i);

			printf("<li>");
			h(d->id);
			printf(": ");
			h(d->first);
			printf(" and ");
			h(d->file);
			printf("</li>\n");
		}
		printf("</ul></div>\n");
	}
	html_cases(t, r);
	if (n) {
		html_stages(r);
		html_timeliness(r);
		html_funnel(r);
	}
	html_timelines(t, r);
	printf("</main>\n<footer><p>Each duty cites its paragraph of the "
	    "procedure. Made by csp-summary from the case files; the tools "
	    "support decisions and never make them.</p></footer>\n</body>\n"
	    "</html>\n");
}
