/*
 * fuzz_report.c - libFuzzer harness for the report text scanner: the
 * identifier detector (cspr_detect, cspr_redact) and the readability
 * measures (cspr_readability).  The input is a report;
 * when it holds a NUL byte, what comes before the first one is a list of
 * known items instead, one per line, a kind digit (0 name ... 7 e-mail)
 * then the text, so item parsing is fuzzed as well as scanning.  Besides
 * the sanitizers it checks what csp-publish-check and csp-notify rely on:
 * hits in order, inside the text, not overlapping, placed at a line:col;
 * the same of the possible identifiers (cspr_maybe_scan).
 * The headings csp-publish-check finds (cspr_headings) and its whole check
 * of a report against a fixed case (cspr_publish_check) are fuzzed too:
 * headings in order, inside the text, placed; findings placed in the text
 * or not at all, in order, each message ending with its paragraph.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csprcore.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Fictional items, as a case would give them. */
static const struct {
	enum cspr_id_kind kind;
	const char *text, *label;
} fixed[] = {
	{CSPR_ID_NAME, "Poppy Testcase", "Child A"},
	{CSPR_ID_ALIAS, "Pops", "Child A"},
	{CSPR_ID_NAME, "Zoë Ñandú-Ørsted", "Mother"},
	{CSPR_ID_DOB, "2019-04-02", NULL},
	{CSPR_ID_NHS_NUMBER, "999 000 0042", NULL},
	{CSPR_ID_ADDRESS, "Flat 4, 9 Fable Court, Shamford", NULL},
	{CSPR_ID_POSTCODE, "ZZ99 1TT", NULL},
	{CSPR_ID_PHONE, "01632 960777", NULL},
	{CSPR_ID_EMAIL, "worker@example.org", NULL},
};

static struct cspr_detector *
detector(const char *items, size_t n)
{
	struct cspr_detector *d = cspr_detector_new();
	char line[512];

	if (!d)
		abort();
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if (cspr_detector_add(d, fixed[i].kind, fixed[i].text,
		    fixed[i].label) < 0)
			abort();
	if (cspr_detector_exempt(d, "Olwen Examplereviewer") < 0)
		abort();
	while (items && n > 0) {
		const char *nl = memchr(items, '\n', n);
		size_t len = nl ? (size_t)(nl - items) : n;

		if (len >= 2 && len < sizeof(line)) {
			memcpy(line, items + 1, len - 1);
			line[len - 1] = '\0';
			if (items[0] == 'x') {
				if (cspr_detector_exempt(d, line) < 0)
					abort();
			} else if (cspr_detector_add(d,
			    (enum cspr_id_kind)((unsigned char)items[0] % 8),
			    line, NULL) < 0) {
				abort();
			}
		}
		if (!nl)
			break;
		n -= len + 1;
		items += len + 1;
	}
	return d;
}

/* The possible identifiers (possible.c): in order, inside the text, not
 * overlapping each other or a known hit, placed, with a label. */
static void
maybes(const struct cspr_detector *d, const char *text, size_t len,
    const struct cspr_hits *hits)
{
	struct cspr_maybes m = {0};
	size_t end = 0, k = 0;
	int n = cspr_maybe_scan(d, text, len, hits, &m);

	if (n < 0 || (size_t)n != m.n)
		abort();
	for (size_t i = 0; i < m.n; i++) {
		const struct cspr_maybe *x = &m.v[i];

		if (x->off < end || x->len == 0 || x->off + x->len > len ||
		    x->line < 1 || x->col < 1 ||
		    cspr_maybe_label(x->kind)[0] != '[')
			abort();
		while (k < hits->n && hits->v[k].off + hits->v[k].len <= x->off)
			k++;
		if (k < hits->n && hits->v[k].off < x->off + x->len)
			abort();
		end = x->off + x->len;
	}
	cspr_maybes_clear(&m);
}

static void
scan(const struct cspr_detector *d, const char *text, size_t len)
{
	struct cspr_hits hits = {0};
	size_t end = 0, outlen;
	char *red;
	int n = cspr_detect(d, text, len, &hits);

	if (n < 0 || (size_t)n != hits.n)
		abort();
	for (size_t i = 0; i < hits.n; i++) {
		const struct cspr_hit *h = &hits.v[i];

		if (h->off < end || h->len == 0 || h->off + h->len > len ||
		    h->line < 1 || h->col < 1 || !cspr_hit_label(d, h) ||
		    h->item >= cspr_detector_count(d))
			abort();
		end = h->off + h->len;
	}
	if (!(red = cspr_redact(d, text, len, &outlen)) ||
	    strlen(red) > outlen)
		abort();
	free(red);
	maybes(d, text, len, &hits);
	cspr_hits_clear(&hits);
}

static void
measure(const char *text, size_t len)
{
	static const char *const known[] = {"LIG", NULL};
	struct cspr_readability_opts o = {10, known};
	struct cspr_readability *r = cspr_readability(text, len, &o);

	if (!r)
		abort();
	if (r->words < 0 || r->sentences < 0 || r->syllables < 0 ||
	    r->nlong > (size_t)r->sentences)
		abort();
	for (size_t i = 0; i < r->nlong; i++)
		if (r->long_sentences[i].off >= len ||
		    r->long_sentences[i].words <= 10 ||
		    r->long_sentences[i].line < 1)
			abort();
	for (size_t i = 0; i < r->nacronyms; i++)
		if (r->acronyms[i].off >= len || r->acronyms[i].line < 1 ||
		    !memchr(r->acronyms[i].text, '\0',
		    sizeof(r->acronyms[i].text)))
			abort();
	cspr_readability_free(&r);
}

static void
headings(const char *text, size_t len)
{
	struct cspr_headings h = {0};
	long line = 0;

	if (cspr_headings(text, len, &h) != (int)h.n)
		abort();
	for (size_t i = 0; i < h.n; i++) {
		const struct cspr_heading *x = &h.v[i];

		if (x->off > len || x->len > len - x->off || x->line <= line ||
		    x->col < 1 || x->level < 1 || x->level > 11 ||
		    x->body_words < 0)
			abort();
		line = x->line;
	}
	cspr_headings_clear(&h);
}

/* The whole check, against a case with a decision, a reviewer and people
 * to find, on a fixed day. */
static void
publish(const char *text, size_t len)
{
	static struct cspr_calendar *cal; /* made once: it is the slow part */
	json_t *root = json_pack("{s:s, s:s, s:{s:s, s:s, s:s, s:s}, "
	    "s:[{s:s, s:s}], s:{s:s, s:s}, s:{s:{s:s}}, s:{s:s, s:s}}",
	    "id", "F-1", "partnership", "Fuzz",
	    "child", "first_name", "Poppy", "last_name", "Testcase",
	    "pseudonym", "Child A", "dob", "2019-04-02",
	    "family", "name", "Zoë Ñandú-Ørsted", "relationship", "Mother",
	    "decision", "outcome", "local_review", "date", "2026-02-27",
	    "review", "reviewer", "name", "Olwen Examplereviewer",
	    "publication", "kind", "full", "published", "2026-09-21");
	struct cspr_publish p;
	cspr_date today;
	long line = 0, col = 0;

	if (!cal)
		cal = cspr_calendar_new();
	if (!cal || !root || cspr_date_parse("2026-11-26", &today) != 0 ||
	    cspr_publish_check(root, text, len, cal, today, NULL, &p) != 0 ||
	    !p.rd || p.publishable < 0)
		abort();
	for (size_t i = 0; i < p.n; i++) {
		const struct cspr_pub_finding *f = &p.v[i];
		const char *m = f->message, *para = strrchr(m, '(');

		if (f->line < 0 || (f->line > 0 && f->col < 1) ||
		    (f->line == 0 && f->col != 0) || !para ||
		    strncmp(para + 1, f->para, strlen(f->para)) != 0)
			abort();
		if (f->line > 0) { /* in the report, in order */
			if (f->line < line || (f->line == line && f->col < col))
				abort();
			line = f->line;
			col = f->col;
		}
	}
	cspr_publish_clear(&p);
	json_decref(root);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data, *nul = memchr(text, 0, size);
	struct cspr_detector *d;

	if (nul) {
		d = detector(text, (size_t)(nul - text));
		size -= (size_t)(nul - text) + 1;
		text = nul + 1;
	} else {
		d = detector(NULL, 0);
	}
	scan(d, text, size);
	cspr_detector_free(&d);
	measure(text, size);
	headings(text, size);
	publish(text, size);
	return 0;
}
