/*
 * publish.c - may this final report be published?  (9.12, 9.15, 9.16,
 * 10.7, 10.8)
 *
 * csp-publish-check reads a case and its final report and says what stands
 * in the way of publishing it: what the report must contain (9.12.1), what
 * it must not (anything identifying, 9.12.2, 9.15.2, 9.4.3), the reviewer's
 * name (9.15.1), plain English (9.12.2), and the partnership's duties
 * around publication (9.15.1, 9.15.3, 9.16.1-9.16.3, 9.16.5, 10.8.3).  The
 * identifiers come from identifiers.c, the measures from readability.c and
 * the due dates from the rows of duties.c, so that csp-deadlines,
 * csp-notify and this module never disagree about a date.
 *
 * Headings are found by headings.c; the identifiers come from identifiers.c.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

const char *const cspr_improvements_headings[] = {"recommendations",
    "recommended improvements", "improvements", NULL};
const char *const cspr_analysis_headings[] = {"analysis", "systemic",
    "underlying reasons", "findings", NULL};

#define P_CONTENT "9.12.1"
#define P_CONTENT_NATIONAL "10.7.1"
#define P_IDENTIFIER "9.12.2, 9.15.2, 9.4.3"
#define P_REVIEWER "9.15.1"
#define P_PLAIN "9.12.2"
#define P_LATE "9.16.1, 9.16.3"
#define P_DELAY "9.16.3"
#define P_AVAILABLE "9.15.1"
#define P_AVAILABLE_NATIONAL "10.8.3"
#define P_NONPUB "9.15.1"
#define P_NONPUB_NOTICE "9.15.3"
#define P_COURT "9.16.5"

/* ---- reading ---- */

#define chars cspr_text_chars

int
cspr_report_read(const char *path, char **buf, size_t *len,
    struct cspr_errors *e)
{
	return cspr_report_read_as(path, NULL, buf, len, e);
}

int
cspr_report_read_as(const char *path, const char *name, char **buf,
    size_t *len, struct cspr_errors *e)
{
	const char *nul, *why = NULL;
	long line = 1;
	size_t bol = 0;
	int r;

	if (!name)
		name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	if ((r = cspr_read_file_as(path, name, CSPR_MAX_REPORT, buf, len, e)) !=
	    CSPR_OK)
		return r;
	/* what a report in the wrong format starts with */
	if (*len >= 5 && memcmp(*buf, "%PDF-", 5) == 0)
		why = "a PDF file: convert it with pdftotext first";
	else if (*len >= 4 && memcmp(*buf, "PK\3\4", 4) == 0)
		why = "a Word (or other zip) file: convert it with pandoc first";
	else if ((nul = memchr(*buf, '\0', *len))) {
		for (size_t i = 0; *buf + i < nul; i++)
			if ((*buf)[i] == '\n') {
				line++;
				bol = i + 1;
			}
		cspr_errors_add(e, name, line, chars(*buf, *len, bol,
		    (size_t)(nul - *buf)) + 1, NULL, "not a text file: a NUL "
		    "byte");
	}
	if (why)
		cspr_errors_add(e, name, 0, 0, NULL, "not a text file: %s",
		    why);
	if (why || memchr(*buf, '\0', *len)) {
		free(*buf);
		*buf = NULL;
		*len = 0;
		return CSPR_FINDINGS;
	}
	return CSPR_OK;
}

char *
cspr_report_path(const json_t *root, const char *case_file, int *oom)
{
	const char *f = cspr_get_str(root, "report.file");
	const char *slash = case_file ? strrchr(case_file, '/') : NULL;
	char *s;
	size_t n;

	*oom = 0;
	if (!f || !*f)
		return NULL;
	if (f[0] == '/' || !slash || strcmp(case_file, "<stdin>") == 0) {
		s = strdup(f);
	} else {
		n = (size_t)(slash - case_file) + 1;
		if ((s = malloc(n + strlen(f) + 1))) {
			memcpy(s, case_file, n);
			strcpy(s + n, f);
		}
	}
	if (!s)
		*oom = 1;
	return s;
}

/* ---- the reviewer's name ---- */

static int
lc(int c)
{
	return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
}

/* Whether text names the reviewer: the name's words in a row, any case,
 * with any white space (a line break included) between them, a whole
 * word at each end; a title before the name (Dr, Mrs...) need not be
 * there. */
static int
names(const char *text, size_t len, const char *name)
{
	const char *w[16];
	size_t wl[16], nw = 0, i = 0, nlen = strlen(name);

	while (nw < 16) {
		while (i < nlen && (name[i] == ' ' || name[i] == '\t'))
			i++;
		if (i >= nlen)
			break;
		w[nw] = name + i;
		while (i < nlen && name[i] != ' ' && name[i] != '\t')
			i++;
		wl[nw] = (size_t)(name + i - w[nw]);
		nw++;
	}
	if (nw > 1) {
		/* a title, with or without its stop, may be left out */
		size_t l = wl[0] - (w[0][wl[0] - 1] == '.');
		char t[16];

		for (size_t k = 0; k < l && l < sizeof(t); k++)
			t[k] = (char)lc((unsigned char)w[0][k]);
		if (l < sizeof(t) && (t[l] = '\0', cspr_is_title(t))) {
			memmove(w, w + 1, (nw - 1) * sizeof(*w));
			memmove(wl, wl + 1, (nw - 1) * sizeof(*wl));
			nw--;
		}
	}
	if (nw == 0)
		return 0;
	for (i = 0; i + wl[0] <= len; i++) {
		size_t at = i, k;

		if (lc((unsigned char)text[i]) != lc((unsigned char)w[0][0]) ||
		    (i > 0 && cspr_text_wordc((unsigned char)text[i - 1])))
			continue;
		for (k = 0; k < nw; k++) {
			size_t m;

			if (k > 0) {
				size_t sp = at;

				while (at < len && (cspr_text_hspace(text[at]) ||
				    text[at] == '\n'))
					at++;
				if (at == sp)
					break;
			}
			if (len - at < wl[k])
				break;
			for (m = 0; m < wl[k] && lc((unsigned char)text[at +
			    m]) == lc((unsigned char)w[k][m]); m++)
				;
			if (m < wl[k])
				break;
			at += wl[k];
		}
		if (k == nw && (at == len ||
		    !cspr_text_wordc((unsigned char)text[at])))
			return 1;
	}
	return 0;
}

/* ---- findings ---- */

void
cspr_publish_opts_init(struct cspr_publish_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->improvements = cspr_improvements_headings;
	o->analysis = cspr_analysis_headings;
	o->min_reading_ease = CSPR_MIN_READING_EASE;
	o->max_grade = CSPR_MAX_GRADE;
	o->long_sentence = CSPR_LONG_SENTENCE;
}

static int
add(struct cspr_publish *p, const char *check, const char *para, long line,
    long col, const char *kind, const char *path, int blocks,
    const char *fmt, ...) __attribute__((format(printf, 9, 10)));

static int
add(struct cspr_publish *p, const char *check, const char *para, long line,
    long col, const char *kind, const char *path, int blocks,
    const char *fmt, ...)
{
	struct cspr_pub_finding *f;
	va_list ap;
	char *msg;

	if (cspr_grow(&p->v, &p->cap, p->n + 1, sizeof(*p->v)) < 0)
		return -1;
	va_start(ap, fmt);
	msg = cspr_vformat(fmt, ap);
	va_end(ap);
	if (!msg)
		return -1;
	f = &p->v[p->n++];
	f->check = check;
	f->para = para;
	f->line = line;
	f->col = col;
	f->kind = kind;
	f->path = path;
	f->blocks = blocks;
	f->message = msg;
	return 0;
}

static const char *
plural(long n)
{
	return n == 1 ? "" : "s";
}

/* Rounded to one decimal, half away from zero, as the scores are shown. */
static double
round1(double x)
{
	long long t = (long long)(x * 10 + (x < 0 ? -0.5 : 0.5));

	return (double)t / 10;
}

/* 9.12.1: a summary of recommended improvements and an analysis of the
 * systemic or underlying reasons, each under a heading with text under
 * it. */
static int
content(struct cspr_publish *p, const struct cspr_headings *h,
    const char *text, const char *const *phrases, const char *check,
    const char *para, const char *what)
{
	const struct cspr_heading *empty = NULL;
	char looked[512] = "";

	for (size_t i = 0; i < h->n; i++) {
		const struct cspr_heading *x = &h->v[i];

		if (!cspr_heading_matches(text + x->off, x->len, phrases))
			continue;
		if (x->body_words > 0)
			return 0;
		if (!empty)
			empty = x;
	}
	if (empty)
		return add(p, check, para, empty->line, empty->col, NULL, NULL,
		    1, "The heading here introduces %s but has no text under "
		    "it (%s).", what, para);
	for (const char *const *s = phrases; s && *s; s++)
		snprintf(looked + strlen(looked), sizeof(looked) -
		    strlen(looked), "%s\"%s\"", s == phrases ? "" : ", ", *s);
	return add(p, check, para, 0, 0, NULL, NULL, 1, "No heading "
	    "introduces %s; the headings looked for hold %s (%s).", what,
	    looked, para);
}

/* 9.12.2, 9.15.2, 9.4.3: where each identifier is and what kind, never
 * what it says. */
static int
identifiers(struct cspr_publish *p, json_t *root, const char *text,
    size_t len)
{
	struct cspr_detector *d = cspr_detector_from_case(root);
	struct cspr_hits hits = {0};
	struct cspr_maybes maybes = {0};
	int r = 0;

	if (!d || cspr_detect(d, text, len, &hits) < 0) {
		cspr_detector_free(&d);
		return -1;
	}
	for (size_t i = 0; r == 0 && i < hits.n; i++) {
		const struct cspr_hit *x = &hits.v[i];
		const char *label = x->item >= 0 ?
		    cspr_detector_label(d, x->item) : NULL;
		const char *what, *instead;

		switch (x->kind) {
		case CSPR_ID_NAME:
			what = "A name from the case";
			instead = NULL;
			break;
		case CSPR_ID_ALIAS:
			what = "An alias from the case";
			instead = NULL;
			break;
		case CSPR_ID_DOB:
			what = "A date of birth from the case";
			instead = "give an age instead";
			break;
		case CSPR_ID_NHS_NUMBER:
			what = "An NHS number";
			instead = "remove it";
			break;
		case CSPR_ID_ADDRESS:
			what = "The address from the case";
			instead = "remove it";
			break;
		case CSPR_ID_POSTCODE:
			what = "A postcode";
			instead = "remove it";
			break;
		case CSPR_ID_PHONE:
			what = "A phone number";
			instead = "remove it";
			break;
		default:
			what = "An e-mail address";
			instead = "remove it";
			break;
		}
		/* a name's label is how the report should speak of that
		 * person: the pseudonym, "Mother", "Health visitor, ..." */
		if (!instead && label)
			r = add(p, "identifier", P_IDENTIFIER, x->line, x->col,
			    cspr_id_kind_name(x->kind), NULL, 1, "%s; write "
			    "\"%s\" instead (%s).", what, label, P_IDENTIFIER);
		else
			r = add(p, "identifier", P_IDENTIFIER, x->line, x->col,
			    cspr_id_kind_name(x->kind), NULL, 1, "%s; %s (%s).",
			    what, instead ? instead : "remove it",
			    P_IDENTIFIER);
	}
	/* what the case does not list but looks identifying: for a person
	 * to check, so it does not block on its own */
	if (r == 0 && cspr_maybe_scan(d, text, len, &hits, &maybes) < 0)
		r = -1;
	for (size_t i = 0; r == 0 && i < maybes.n; i++) {
		const struct cspr_maybe *m = &maybes.v[i];
		const char *what, *instead;

		cspr_maybe_advice(m->kind, &what, &instead);
		r = add(p, "possible-identifier", P_IDENTIFIER, m->line,
		    m->col, cspr_maybe_kind_name(m->kind), NULL, 0,
		    "%s the case does not list; check it before publication "
		    "and %s (%s).", what, instead, P_IDENTIFIER);
		p->possible++;
	}
	cspr_maybes_clear(&maybes);
	cspr_hits_clear(&hits);
	cspr_detector_free(&d);
	return r;
}

/* 9.12.2: plain English. */
static int
plain_english(struct cspr_publish *p, const char *text, size_t len,
    const struct cspr_publish_opts *o)
{
	struct cspr_readability_opts ro = {o->long_sentence,
	    o->known_acronyms};
	struct cspr_readability *r;

	if (!(p->rd = r = cspr_readability(text, len, &ro)))
		return -1;
	p->reading_ease = round1(r->flesch_reading_ease);
	p->grade = round1(r->flesch_kincaid_grade);
	p->words_per_sentence = round1(r->words_per_sentence);
	for (size_t i = 0; i < r->nlong; i++)
		if (add(p, "long-sentence", P_PLAIN, r->long_sentences[i].line,
		    r->long_sentences[i].col, NULL, NULL, 1, "A sentence of "
		    "%ld words, over the %ld that is easy to follow; split it "
		    "(%s).", r->long_sentences[i].words, o->long_sentence,
		    P_PLAIN) < 0)
			return -1;
	for (size_t i = 0; i < r->nacronyms; i++)
		if (add(p, "acronym", P_PLAIN, r->acronyms[i].line,
		    r->acronyms[i].col, NULL, NULL, 1, "\"%s\" is not spelled "
		    "out at its first use (%s).", r->acronyms[i].text,
		    P_PLAIN) < 0)
			return -1;
	if (r->words == 0)
		return add(p, "readability", P_PLAIN, 0, 0, NULL, NULL, 1,
		    "The report has no words to read (%s).", P_PLAIN);
	if (p->reading_ease < o->min_reading_ease &&
	    add(p, "readability", P_PLAIN, 0, 0, NULL, NULL, 1, "The Flesch "
	    "Reading Ease is %.1f, below %g: the report is hard for the "
	    "public to read (%s).", p->reading_ease, o->min_reading_ease,
	    P_PLAIN) < 0)
		return -1;
	if (p->grade > o->max_grade &&
	    add(p, "readability", P_PLAIN, 0, 0, NULL, NULL, 1, "The "
	    "Flesch-Kincaid grade is %.1f, above %g: the report is hard for "
	    "the public to read (%s).", p->grade, o->max_grade, P_PLAIN) < 0)
		return -1;
	return 0;
}

/* The checks of the report itself. */
static int
check_report(struct cspr_publish *p, json_t *root, const char *text,
    size_t len, const struct cspr_publish_opts *o, int national)
{
	struct cspr_headings h = {0};
	const char *para = national ? P_CONTENT_NATIONAL : P_CONTENT;
	const char *kind = cspr_get_str(root, "publication.kind");
	const char *reviewer = cspr_get_str(root, "review.reviewer.name");
	int r;

	if (cspr_headings(text, len, &h) < 0)
		return -1;
	r = content(p, &h, text, o->improvements, "missing-improvements",
	    para, "a summary of recommended improvements");
	/* information about improvements alone need not carry the
	 * analysis: it is what 9.15.1 has published instead of the report */
	if (r == 0 && !(kind && strcmp(kind, "improvements_only") == 0))
		r = content(p, &h, text, o->analysis, "missing-analysis",
		    para, "an analysis of the systemic or underlying reasons "
		    "for what was done or not done");
	cspr_headings_clear(&h);
	if (r == 0)
		r = identifiers(p, root, text, len);
	if (r == 0 && reviewer && *reviewer && !names(text, len, reviewer))
		r = add(p, "reviewer-not-named", P_REVIEWER, 0, 0, NULL, NULL,
		    1, "The report does not give the reviewer's name "
		    "(review.reviewer.name), which should be included (%s).",
		    P_REVIEWER);
	else if (r == 0 && !(reviewer && *reviewer))
		r = add(p, "reviewer-not-named", P_REVIEWER, 0, 0, NULL,
		    ".review.reviewer.name", 1, "The case records no "
		    "reviewer's name (review.reviewer.name), so whether the "
		    "report includes it cannot be checked (%s).", P_REVIEWER);
	if (r == 0)
		r = plain_english(p, text, len, o);
	return r;
}

/* ---- the partnership's duties ---- */

/* 9.16.1, 9.16.3: published within six months of the decision, or the
 * reasons for the delay recorded and sent to the Panel and the Secretary
 * of State: duties.c's publication and delay-reasons rows. */
static int
late_publication(struct cspr_publish *p, const json_t *root,
    const struct cspr_calendar *cal, const struct cspr_deadlines *ds)
{
	const struct cspr_deadline *d = cspr_deadline_find(ds, "publication");
	const struct cspr_deadline *dr = cspr_deadline_find(ds,
	    "delay-reasons");
	int reason = cspr_has(root, "publication.delay_reason");
	char due[11], done[11], when[256], untold[128], all[128], late[64];
	struct cspr_when now;

	/* delay-reasons applies whenever publication is late or a reason
	 * is recorded: the cases below */
	if (!d || !dr)
		return 0;
	cspr_recipients(untold, sizeof(untold), root, dr->to, dr->about);
	cspr_recipients(all, sizeof(all), NULL, dr->to, NULL);
	cspr_date_str(cspr_when_date(d->due), due);
	if (d->status == CSPR_DUE && reason) {
		/* a delay foreseen: its reasons go to the Panel and the
		 * Secretary of State now, not once it is late */
		if (!*untold)
			return 0;
		return add(p, "late-publication", P_DELAY, 0, 0, NULL,
		    ".notifications", 0, "A reason for delaying publication "
		    "beyond %s is recorded (publication.delay_reason) but has "
		    "not been sent to %s (%s).", due, untold, P_DELAY);
	}
	if (d->status == CSPR_LATE) {
		cspr_date_str(cspr_when_date(d->done), done);
		snprintf(when, sizeof(when), "The report was published on %s, "
		    "%s after the six months from the decision ended on %s",
		    done, cspr_late_str(cal, d->due, d->done, late,
		    sizeof(late)), due);
	} else if (d->status == CSPR_OVERDUE) {
		now.t = (cspr_time)p->today * 1440;
		now.kind = CSPR_WHEN_DATE;
		snprintf(when, sizeof(when), "The report is not published, "
		    "and the six months from the decision ended on %s, %s ago",
		    due, cspr_late_str(cal, d->due, now, late, sizeof(late)));
	} else {
		return 0;
	}
	if (reason && !*untold)
		return cspr_findings_add(&p->notes, "late-publication", P_LATE,
		    "%s; the reasons for the delay are recorded and were sent "
		    "to %s (%s).", when, all, P_LATE);
	if (!reason)
		return add(p, "late-publication", P_LATE, 0, 0, NULL,
		    ".publication.delay_reason", 0, "%s, and no reason for the "
		    "delay is recorded in publication.delay_reason%s%s (%s).",
		    when, *untold ? " or sent to " : "", untold, P_LATE);
	return add(p, "late-publication", P_LATE, 0, 0, NULL, ".notifications",
	    0, "%s; the reasons for the delay are recorded but have not been "
	    "sent to %s (%s).", when, untold, P_LATE);
}

/* 9.15.3, 9.16.2: the copies to the Panel and the Secretary of State, and
 * to Ofsted: duties.c's rows, by their due dates. */
static int
copy(struct cspr_publish *p, const json_t *root,
    const struct cspr_calendar *cal, const struct cspr_deadlines *ds,
    const char *rule, const char *check, const char *thing)
{
	const struct cspr_deadline *d = cspr_deadline_find(ds, rule);
	struct cspr_when completed = cspr_when_get(root, "report.completed");
	char due[11], done[11], who[128], late[64], c[11];
	struct cspr_when now;
	const char *basis;
	int k, by_publication;

	if (!d || (d->status != CSPR_LATE && d->status != CSPR_OVERDUE))
		return 0;
	cspr_date_str(cspr_when_date(d->due), due);
	/* duties.c's from is the date that gave the due date: after it for
	 * the publication clock, before it for the completion clock */
	by_publication = cspr_when_date(d->from) > cspr_when_date(d->due);
	if (d->early) {
		/* seven working days before publication had passed before
		 * the report was complete: the publication was early, not
		 * the copy late */
		cspr_date_str(cspr_when_date(completed), c);
		cspr_recipients(who, sizeof(who), NULL, d->to, NULL);
		return add(p, check, d->para, 0, 0, NULL,
		    ".publication.published", 0, "Publication on %s came "
		    "fewer than seven working days after the report was "
		    "completed on %s: publication was early, since %s had to "
		    "go to %s seven working days before it (%s).",
		    cspr_when_str(d->from, done), c, thing, who, d->para);
	}
	basis = by_publication ? "seven working days before publication" :
	    "seven working days after the report was completed";
	if (d->status == CSPR_LATE) {
		k = cspr_recipients(who, sizeof(who), NULL, d->to, NULL);
		cspr_date_str(cspr_when_date(d->done), done);
		return add(p, check, d->para, 0, 0, NULL, ".notifications", 0,
		    "%c%s went to %s %s %s, %s after it was due on %s, %s "
		    "(%s).", toupper((unsigned char)*thing), thing + 1, who,
		    k > 1 ? "by" : "on", done, cspr_late_str(cal, d->due,
		    d->done, late, sizeof(late)), due, basis, d->para);
	}
	cspr_recipients(who, sizeof(who), root, d->to, d->about);
	now.t = (cspr_time)p->today * 1440;
	now.kind = CSPR_WHEN_DATE;
	return add(p, check, d->para, 0, 0, NULL, ".notifications", 0,
	    "%c%s has not been sent to %s; it was due on %s, %s, %s ago "
	    "(%s).",
	    toupper((unsigned char)*thing), thing + 1, who, due, basis, cspr_late_str(cal, d->due, now, late,
	    sizeof(late)), d->para);
}

/* 9.15.1, 10.8.3: available for at least a year, three for a national
 * review. */
static int
availability(struct cspr_publish *p, const json_t *root, cspr_date today,
    int national)
{
	const char *para = national ? P_AVAILABLE_NATIONAL : P_AVAILABLE;
	const char *span = national ? "three years" : "one year";
	char a[11], b[11];
	cspr_date pub, rem, until;
	int have_rem = cspr_get_date(root, "publication.removed", &rem);

	if (!cspr_get_date(root, "publication.published", &pub)) {
		if (!have_rem)
			return 0;
		return add(p, "availability", para, 0, 0, NULL,
		    ".publication.removed", 0, "publication.removed is recorded "
		    "but publication.published is not, so whether the report "
		    "stayed available for at least %s cannot be checked (%s).",
		    span, para);
	}
	until = cspr_add_months(pub, national ? 36 : 12);
	p->available_until = until;
	cspr_date_str(pub, a);
	cspr_date_str(until, b);
	if (have_rem && rem < until) {
		char c[11];

		return add(p, "availability", para, 0, 0, NULL,
		    ".publication.removed", 0, "The report was removed on %s, "
		    "before %s: a published report must stay available for at "
		    "least %s (%s).", cspr_date_str(rem, c), b, span, para);
	}
	if (have_rem) {
		char c[11];

		return cspr_findings_add(&p->notes, "availability", para,
		    "Published on %s and removed on %s, after the %s it had to "
		    "stay available (%s).", a, cspr_date_str(rem, c), span,
		    para);
	}
	if (today < until) {
		long days = (long)until - (long)today;

		return cspr_findings_add(&p->notes, "availability", para,
		    "Published on %s: it must stay available until at least "
		    "%s, %ld more day%s (%s).", a, b, days, plural(days), para);
	}
	return cspr_findings_add(&p->notes, "availability", para, "Published "
	    "on %s: the %s it had to stay available ended on %s (%s).", a,
	    span, b, para);
}

/* 9.15.1, 9.15.3: a local review's report not published, in full (only
 * the information about improvements) or at all: duties.c's
 * non-publication row.  Only when nothing at all is published does it
 * stand in the way. */
static int
non_publication(struct cspr_publish *p, const json_t *root,
    const struct cspr_deadlines *ds)
{
	const struct cspr_deadline *d = cspr_deadline_find(ds,
	    "non-publication");
	const char *kind = cspr_get_str(root, "publication.kind");
	int none;
	char untold[128];

	if (!d || !kind)
		return 0;
	none = strcmp(kind, "none") == 0;
	if (!cspr_has(root, "publication.non_publication_reason") && add(p,
	    "non-publication", P_NONPUB, 0, 0, NULL,
	    ".publication.non_publication_reason", none, "The report is not "
	    "to be published (publication.kind %s) and no reason is recorded "
	    "in publication.non_publication_reason: 9.15.1 allows that only "
	    "in exceptional circumstances (%s).", kind, P_NONPUB) < 0)
		return -1;
	if (cspr_recipients(untold, sizeof(untold), root, d->to, d->about) >
	    0 && add(p, "non-publication", P_NONPUB_NOTICE, 0, 0, NULL,
	    ".notifications", none, "The justification for not publishing the "
	    "report has not been set out for %s (%s).", untold,
	    P_NONPUB_NOTICE) < 0)
		return -1;
	if (!none)
		return 0;
	return add(p, "non-publication", P_NONPUB, 0, 0, NULL,
	    ".publication.kind", 1, "Nothing is to be published "
	    "(publication.kind none), but any information about the "
	    "improvements that the partnership considers appropriate must "
	    "still be published; where it is, record publication.kind "
	    "improvements_only (%s).", P_NONPUB);
}

static int
check_case(struct cspr_publish *p, const json_t *root,
    const struct cspr_calendar *cal, const struct cspr_deadlines *ds,
    int national)
{
	int only = cspr_deadline_find(ds, "improvements-to-panel-and-sos") !=
	    NULL;

	if (late_publication(p, root, cal, ds) < 0 ||
	    copy(p, root, cal, ds, "report-to-panel-and-sos",
	    "copy-to-panel-and-sos", "the full report") < 0 ||
	    copy(p, root, cal, ds, "improvements-to-panel-and-sos",
	    "copy-to-panel-and-sos", "the information about improvements") <
	    0 || copy(p, root, cal, ds, "report-to-ofsted", "copy-to-ofsted",
	    only ? "the report or the information about improvements" :
	    "the report") < 0 ||
	    availability(p, root, p->today, national) < 0 ||
	    non_publication(p, root, ds) < 0)
		return -1;
	if (cspr_get_bool(root, "parallel.court_order_restrictions") == 1 &&
	    add(p, "court-order", P_COURT, 0, 0, NULL,
	    ".parallel.court_order_restrictions", 1, "Court orders restrict "
	    "what may be published about the family: a person should check "
	    "the report against them before it is published (%s).",
	    P_COURT) < 0)
		return -1;
	return 0;
}

/* ---- the whole check ---- */

static int
group(const struct cspr_pub_finding *f)
{
	return f->line > 0 ? 0 : f->path ? 2 : 1;
}

struct ordered {
	struct cspr_pub_finding f;
	size_t i;
};

static int
cmp_ordered(const void *a, const void *b)
{
	const struct ordered *x = a, *y = b;
	int gx = group(&x->f), gy = group(&y->f);

	if (gx != gy)
		return gx < gy ? -1 : 1;
	if (gx == 0 && x->f.line != y->f.line)
		return x->f.line < y->f.line ? -1 : 1;
	if (gx == 0 && x->f.col != y->f.col)
		return x->f.col < y->f.col ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Those in the report by line:col, then the report's, then the case's,
 * each group otherwise in the order found. */
static int
order(struct cspr_publish *p)
{
	struct ordered *o;

	if (p->n < 2)
		return 0;
	if (!(o = malloc(p->n * sizeof(*o))))
		return -1;
	for (size_t i = 0; i < p->n; i++) {
		o[i].f = p->v[i];
		o[i].i = i;
	}
	qsort(o, p->n, sizeof(*o), cmp_ordered);
	for (size_t i = 0; i < p->n; i++)
		p->v[i] = o[i].f;
	free(o);
	return 0;
}

int
cspr_publish_check(json_t *root, const char *text, size_t len,
    const struct cspr_calendar *cal, cspr_date today,
    const struct cspr_publish_opts *o, struct cspr_publish *p)
{
	struct cspr_publish_opts def, opts;
	struct cspr_deadlines ds = {0};
	const char *outcome = cspr_get_str(root, "decision.outcome");
	int national = outcome && strcmp(outcome, "national_review") == 0;
	char *decoded = NULL;
	int r = 0;

	memset(p, 0, sizeof(*p));
	p->available_until = CSPR_NO_DATE;
	p->publishable = -1;
	cspr_publish_opts_init(&def);
	opts = o ? *o : def;
	if (!opts.improvements)
		opts.improvements = def.improvements;
	if (!opts.analysis)
		opts.analysis = def.analysis;
	if (opts.long_sentence <= 0)
		opts.long_sentence = def.long_sentence;
	if (text && !cspr_text_is_utf8(text, len)) {
		/* read as bytes, "Chlo\xeb" would name no one */
		if (!(decoded = cspr_text_from_cp1252(text, len, &len)) ||
		    cspr_findings_add(&p->notes, "encoding", P_IDENTIFIER,
		    "The report is not UTF-8: it was read as Windows-1252; "
		    "save it as UTF-8 to be sure of the checks (%s).",
		    P_IDENTIFIER) < 0) {
			free(decoded);
			cspr_publish_clear(p);
			return -1;
		}
		p->encoding = "windows-1252";
		text = decoded;
	}
	if (text) {
		p->has_report = 1;
		r = check_report(p, root, text, len, &opts, national);
	}
	p->today = today;
	free(decoded);
	if (r == 0)
		r = cspr_duties_eval(root, cal, today, &ds);
	if (r == 0)
		r = check_case(p, root, cal, &ds, national);
	cspr_deadlines_clear(&ds);
	if (r == 0)
		r = order(p);
	if (r < 0) {
		cspr_publish_clear(p);
		return -1;
	}
	if (p->has_report) {
		p->publishable = 1;
		for (size_t i = 0; i < p->n; i++)
			if (p->v[i].blocks)
				p->publishable = 0;
	}
	return 0;
}

void
cspr_publish_clear(struct cspr_publish *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i].message);
	free(p->v);
	p->v = NULL;
	p->n = p->cap = 0;
	cspr_readability_free(&p->rd);
	cspr_findings_clear(&p->notes);
}

json_t *
cspr_publish_json(const struct cspr_publish *p, const char *id,
    const char *report)
{
	json_t *f = json_array(), *rd = json_null(), *j;
	char until[11];

	for (size_t i = 0; f && i < p->n; i++) {
		const struct cspr_pub_finding *x = &p->v[i];

		if (json_array_append_new(f, json_pack("{s:s, s:s, s:o, s:o, "
		    "s:o, s:s}", "check", x->check, "para", x->para, "line",
		    x->line > 0 ? json_integer(x->line) : json_null(), "col",
		    x->line > 0 ? json_integer(x->col) : json_null(), "kind",
		    x->kind ? json_string(x->kind) : json_null(), "message",
		    x->message)) < 0) {
			json_decref(f);
			f = NULL;
		}
	}
	if (p->rd)
		rd = json_pack("{s:I, s:I, s:f, s:f, s:I, s:f}", "words",
		    (json_int_t)p->rd->words, "sentences",
		    (json_int_t)p->rd->sentences, "flesch_reading_ease",
		    p->reading_ease, "flesch_kincaid_grade", p->grade,
		    "long_sentences", (json_int_t)p->rd->nlong,
		    "words_per_sentence", p->words_per_sentence);
	if (!f || !rd) {
		json_decref(f);
		json_decref(rd);
		return NULL;
	}
	j = json_pack("{s:s, s:o, s:o, s:o, s:o, s:o}", "case", id,
	    "report", report ? json_string(report) : json_null(),
	    "publishable", p->publishable < 0 ? json_null() :
	    json_boolean(p->publishable), "readability", rd,
	    "available_until", p->available_until == CSPR_NO_DATE ?
	    json_null() : json_string(cspr_date_str(p->available_until,
	    until)), "findings", f);
	/* said only when the report was not UTF-8 */
	if (j && p->encoding && json_object_set_new(j, "encoding",
	    json_string(p->encoding)) < 0) {
		json_decref(j);
		return NULL;
	}
	return j;
}
