/*
 * test_publish.c - lib/publish.c: the headings a report's content is found
 * under (9.12.1), the findings in a report (identifiers, the reviewer,
 * plain English) and about the case (late publication, copies, how long a
 * report stays available, non-publication, court orders), their order, the
 * verdict and the JSON.
 *
 * Findings are written "check@line:col", "check(kind)@line:col" for an
 * identifier, and "check" alone where there is no place in the report, so
 * that a failure shows what was found where.  Every name, number and place
 * is made up.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include <cmocka.h>

#include "csprcore.h"
#include "mkcase.h"

static cspr_date
D(const char *s)
{
	cspr_date d = CSPR_NO_DATE;

	if (cspr_date_parse(s, &d) != 0)
		fail_msg("bad date in test: %s", s);
	return d;
}

/* ---- headings ---- */

/* The headings of text as "level:line:col:words:body" lines, one a
 * heading, the words being the heading's own. */
static void
headings_are(const char *text, const char *want)
{
	struct cspr_headings h = {0};
	char got[2048] = "";
	size_t len = strlen(text);
	char *buf = malloc(len ? len : 1);

	assert_non_null(buf);
	memcpy(buf, text, len); /* exactly its length: overreads show */
	assert_true(cspr_headings(buf, len, &h) >= 0);
	for (size_t i = 0; i < h.n; i++)
		snprintf(got + strlen(got), sizeof(got) - strlen(got),
		    "%d:%ld:%ld:%.*s:%ld\n", h.v[i].level, h.v[i].line,
		    h.v[i].col, (int)h.v[i].len, buf + h.v[i].off,
		    h.v[i].body_words);
	if (strcmp(got, want) != 0)
		print_error("text:\n%s\ngot:\n%swant:\n%s", text, got, want);
	assert_string_equal(got, want);
	cspr_headings_clear(&h);
	assert_null(h.v);
	free(buf);
}

static void
test_headings_markdown(void **state)
{
	(void)state;
	headings_are("# Title\n\nSome words here.\n", "1:1:1:Title:3\n");
	/* closing #s, up to three spaces, levels */
	headings_are("   ## Findings ##\none two\n###### Six\n",
	    "2:1:4:Findings:3\n6:3:1:Six:0\n");
	/* not headings: no space after #, seven #, four spaces, escaped */
	headings_are("#5 is a tag\n####### seven\n    # code\n\\# not\n", "");
	/* setext, = and -; "---" after a blank line is a rule */
	headings_are("Analysis\n========\nText.\n\nMore\n---\nx\n\n---\n",
	    "1:1:1:Analysis:3\n2:5:1:More:1\n");
	/* a list item is not a setext heading */
	headings_are("- item\n---\n", "");
	/* a section runs to the next heading of its level or above, lower
	 * headings and their text included */
	headings_are("## Recommended improvements\n### For health\nOne two.\n"
	    "## Next\nThree.\n",
	    "2:1:1:Recommended improvements:4\n3:2:1:For health:2\n"
	    "2:4:1:Next:1\n");
	/* an empty heading; a short line under a heading is a heading too,
	 * and its words are the section's */
	headings_are("#\n\n\xc3\xa9t\xc3\xa9 \xc3\xa9t\xc3\xa9\n",
	    "1:1:1::2\n11:3:1:\xc3\xa9t\xc3\xa9 \xc3\xa9t\xc3\xa9:0\n");
	headings_are("# Findings\nText\n", "1:1:1:Findings:1\n11:2:1:Text:0\n");
	/* the column is in characters */
	headings_are("\xc2\xa0\n \xc3\xa9 ## x\n  ## Caf\xc3\xa9\n",
	    "2:3:3:Caf\xc3\xa9:0\n");
}

static void
test_headings_plain(void **state)
{
	(void)state;
	/* pandoc -t plain: headings are lines standing alone */
	headings_are("Introduction\n\nSome text here.\n\nRecommended "
	    "improvements\n\n1.  Do this.\n2.  Do that.\n",
	    "11:1:1:Introduction:3\n11:5:1:Recommended improvements:6\n");
	/* pdftotext: numbered and indented; in capitals even when not
	 * alone; numbered deeper is lower */
	headings_are("   5 Analysis\n\n   5.2 Of systemic reasons\n\nText.\n"
	    "RECOMMENDED IMPROVEMENTS\nThe partners should act.\n\n"
	    "(b) Findings\n\nMore.\n",
	    "8:1:4:Analysis:4\n9:3:4:Of systemic reasons:1\n"
	    "7:6:1:RECOMMENDED IMPROVEMENTS:6\n10:9:1:Findings:1\n");
	headings_are("A. Scope\n\nx\n\niv) Terms\n\ny\n",
	    "10:1:1:Scope:1\n10:5:1:Terms:1\n");
	/* a capitals heading's section runs over lower ones */
	headings_are("RECOMMENDATIONS\n\nFor health\n\nAct.\n\nANALYSIS\n",
	    "7:1:1:RECOMMENDATIONS:3\n11:3:1:For health:1\n7:7:1:ANALYSIS:0\n");
	/* not headings: the end of a sentence or clause, a line inside a
	 * paragraph, a bullet, lower case, too many words, a number, a
	 * table row, a quotation */
	headings_are("The end.\n\nLast words:\n\nOne line\nof a paragraph\n\n"
	    "- Bullet\n\nlower case\n\n"
	    "One two three four five six seven eight nine ten eleven\n\n"
	    "12\n\n| Agency |\n\n> Quoted\n\n\xe2\x80\xa2 Bullet\n", "");
	/* a closing quote or bracket does not hide the stop */
	headings_are("\"It was late.\"\n\nHe said (so.)\n\n"
	    "\xe2\x80\x9cWell.\xe2\x80\x9d\n", "");
	/* a question is a heading; a heading of ten words is one */
	headings_are("What happened?\n\nOne two three four five six seven "
	    "eight nine Ten\n",
	    "11:1:1:What happened?:0\n11:3:1:One two three four five six "
	    "seven eight nine Ten:0\n");
}

static void
test_headings_skipped(void **state)
{
	(void)state;
	/* front matter is skipped; a fence's lines are text, never
	 * headings */
	headings_are("---\ntitle: Analysis\n---\n# Analysis\n```\n# not a "
	    "heading\n```\n", "1:4:1:Analysis:3\n");
	headings_are("~~~~\n# not\n~~~\n# still code\n~~~~\nANALYSIS\n",
	    "7:6:1:ANALYSIS:0\n");
	/* front matter that never closes is text */
	headings_are("---\nANALYSIS\n", "7:2:1:ANALYSIS:0\n");
	/* a byte-order mark (counted in the column, as the other modules
	 * count it), and pdftotext's form feed before a page's first line */
	headings_are("\xef\xbb\xbf# Findings\nx\n", "1:1:2:Findings:1\n");
	headings_are("\xef\xbb\xbf---\na: b\n---\nANALYSIS\n",
	    "7:4:1:ANALYSIS:0\n");
	headings_are("Text.\n\f   RECOMMENDATIONS\nAct.\n",
	    "7:2:5:RECOMMENDATIONS:1\n");
	/* CRLF, no final newline, nothing at all */
	headings_are("# Findings\r\nText.\r\n", "1:1:1:Findings:1\n");
	headings_are("# Findings", "1:1:1:Findings:0\n");
	headings_are("", "");
	headings_are("\n\n\n", "");
}

static void
test_heading_matches(void **state)
{
	static const char *const imp[] = {"recommendations",
	    "recommended improvements", "improvements", NULL};
	static const char *const two[] = {"underlying reasons", NULL};

	(void)state;
#define M(s, p) cspr_heading_matches((s), strlen(s), (p))
	assert_true(M("Recommendations", imp));
	assert_true(M("10. RECOMMENDATION", imp)); /* plural either way */
	assert_true(M("Areas for improvement", imp));
	assert_true(M("Recommended improvements", imp));
	assert_false(M("Recommend", imp));
	assert_false(M("Improvementsx", imp));
	assert_true(M("The underlying reasons", two));
	assert_true(M("Underlying  reason", two));
	assert_false(M("Reasons underlying", two)); /* in a row, in order */
	assert_false(M("Underlying", two));
	assert_true(M("Analysis", cspr_analysis_headings));
	assert_true(M("Systemic issues", cspr_analysis_headings));
	assert_true(M("**Findings**", cspr_analysis_headings));
	assert_false(M("Introduction and scope", cspr_analysis_headings));
	assert_false(M("Analyses", cspr_analysis_headings));
	assert_false(M("", imp));
	assert_false(M("Findings", NULL));
#undef M
}

/* ---- the whole check ---- */

struct run {
	struct cspr_calendar *cal;
	struct cspr_publish p;
	json_t *root;
	char got[2048];
};

/* The case every report test runs against: a local review decided on
 * Friday 2026-02-27 with a named reviewer, and people whose names the
 * report must not use. */
#define CASE "child.first_name=Poppy; child.last_name=Testcase; " \
    "child.pseudonym=Child A; child.dob=2025-01-20; " \
    "child.postcode=ZZ99 3CZ; decision.outcome=local_review; " \
    "decision.date=2026-02-27; review.reviewer.name=Jane Quill; "

/* A report with both sections, the reviewer, plain words. */
#define GOOD "# Review of Child A\n\nThe reviewer was Jane " \
    "Quill.\n\n## Analysis\n\nThe agencies did not talk.\n\n" \
    "## Recommendations\n\nThey should talk more.\n"

/* Run the check: spec for the case, log (JSON, or NULL) for its
 * notifications, text (or NULL) for the report, o (or NULL: the defaults
 * with the readability scores not judged, which each test of the other
 * checks would otherwise have to satisfy on a few lines). */
static void
run_full(struct run *r, const char *spec, const char *log, const char *text,
    const char *today, const struct cspr_publish_opts *o)
{
	size_t len = text ? strlen(text) : 0;
	char *buf = text ? malloc(len ? len : 1) : NULL;
	struct cspr_publish_opts lenient;

	cspr_publish_opts_init(&lenient);
	lenient.min_reading_ease = -1000;
	lenient.max_grade = 1000;
	memset(r, 0, sizeof(*r));
	r->cal = cspr_calendar_new();
	assert_non_null(r->cal);
	r->root = mk(spec);
	if (log) {
		json_error_t err;
		json_t *l = json_loads(log, 0, &err);

		if (!l)
			fail_msg("bad log in test: %s", err.text);
		json_object_set_new(r->root, "notifications", l);
	}
	if (text) {
		assert_non_null(buf);
		memcpy(buf, text, len); /* exactly its length */
	}
	assert_int_equal(cspr_publish_check(r->root, buf, len, r->cal,
	    D(today), o ? o : &lenient, &r->p), 0);
	free(buf);
	for (size_t i = 0; i < r->p.n; i++) {
		const struct cspr_pub_finding *f = &r->p.v[i];
		const char *m = f->message;
		char tail[64];

		snprintf(r->got + strlen(r->got), sizeof(r->got) -
		    strlen(r->got), "%s%s", i ? " " : "", f->check);
		if (f->kind)
			snprintf(r->got + strlen(r->got), sizeof(r->got) -
			    strlen(r->got), "(%s)", f->kind);
		if (f->line > 0)
			snprintf(r->got + strlen(r->got), sizeof(r->got) -
			    strlen(r->got), "@%ld:%ld", f->line, f->col);
		/* each message ends with its paragraph, and quotes nothing
		 * personal */
		snprintf(tail, sizeof(tail), "(%s).", f->para);
		assert_true(strlen(m) > strlen(tail));
		assert_string_equal(m + strlen(m) - strlen(tail), tail);
		assert_null(strstr(m, "Poppy"));
		assert_null(strstr(m, "Testcase"));
		assert_null(strstr(m, "ZZ99"));
		assert_null(strstr(m, "2025-01-20"));
		/* a place in the report, or a field of the case, or the
		 * report as a whole: never two of them */
		assert_false(f->line > 0 && f->path);
		assert_true(f->line > 0 || f->col == 0);
	}
}

static void
run_opts(struct run *r, const char *spec, const char *text,
    const char *today, const struct cspr_publish_opts *o)
{
	run_full(r, spec, NULL, text, today, o);
}

static void
run(struct run *r, const char *spec, const char *text, const char *today)
{
	run_full(r, spec, NULL, text, today, NULL);
}

static void
done(struct run *r)
{
	cspr_publish_clear(&r->p);
	assert_null(r->p.v);
	assert_null(r->p.rd);
	assert_int_equal(r->p.notes.n, 0);
	cspr_calendar_free(&r->cal);
	json_decref(r->root);
}

static void
expect_log(const char *spec, const char *log, const char *text,
    const char *today, const char *want)
{
	struct run r;

	run_full(&r, spec, log, text, today, NULL);
	if (strcmp(r.got, want) != 0)
		print_error("got:  %s\nwant: %s\n", r.got, want);
	assert_string_equal(r.got, want);
	done(&r);
}

static void
expect(const char *spec, const char *text, const char *today,
    const char *want)
{
	expect_log(spec, NULL, text, today, want);
}

/* The copies of 9.15.3 and 9.16.2, sent in good time; more notices may
 * follow (end the list with "]"). */
#define SENT_AT(d) "[{\"to\": \"panel\", \"about\": \"final_report\", " \
    "\"date\": \"" d "\"}, {\"to\": \"secretary_of_state\", \"about\": " \
    "\"final_report\", \"date\": \"" d "\"}, {\"to\": \"ofsted\", " \
    "\"about\": \"final_report\", \"date\": \"" d "\"}"
#define SENT SENT_AT("2026-01-01")
/* The justification for not publishing, set out for both (9.15.3). */
#define TOLD "[{\"to\": \"panel\", \"about\": \"non_publication\", " \
    "\"date\": \"2026-04-01\"}, {\"to\": \"secretary_of_state\", " \
    "\"about\": \"non_publication\", \"date\": \"2026-04-01\"}"

static void
test_good_report(void **state)
{
	struct run r;

	(void)state;
	run(&r, CASE, GOOD, "2026-05-01");
	assert_string_equal(r.got, "");
	assert_int_equal(r.p.publishable, 1);
	assert_int_equal(r.p.has_report, 1);
	assert_non_null(r.p.rd);
	done(&r);
}

static void
test_content(void **state)
{
	static const char *const mine[] = {"what we learned", NULL};
	struct cspr_publish_opts o;
	struct run r;

	(void)state;
	/* neither section: no place to point at */
	expect(CASE, "# Child A\n\nJane Quill wrote this.\n",
	    "2026-05-01", "missing-improvements missing-analysis");
	/* a heading with nothing under it: pointed at */
	expect(CASE, "# Child A\n\nJane Quill wrote this.\n\n"
	    "## Analysis\n\nWords.\n\n## Recommendations\n## Next\n\nMore.\n",
	    "2026-05-01", "missing-improvements@9:1");
	/* an empty one does not matter when another has text */
	expect(CASE, "# Child A\n\nJane Quill wrote this.\n\n"
	    "## Findings\n\n## Analysis\n\nWords.\n\n## Recommendations\n\n"
	    "Act.\n", "2026-05-01", "");
	/* information about improvements alone needs no analysis (its
	 * non-publication of the report is justified and told) */
	expect_log(CASE "publication.kind=improvements_only; "
	    "publication.non_publication_reason=x", TOLD "]",
	    "# Child A\n\nJane Quill.\n\n## Improvements\n\nAct.\n",
	    "2026-05-01", "");
	/* the message names what was looked for; a national review's
	 * report answers to 10.7.1 */
	run(&r, CASE "decision.outcome=national_review", "Jane "
	    "Quill.\n\n## Recommendations\n\nAct.\n", "2026-05-01");
	assert_string_equal(r.got, "missing-analysis");
	assert_string_equal(r.p.v[0].para, "10.7.1");
	assert_non_null(strstr(r.p.v[0].message, "\"underlying reasons\""));
	done(&r);
	/* heading words are configurable */
	cspr_publish_opts_init(&o);
	o.improvements = mine;
	run_opts(&r, CASE, GOOD, "2026-05-01", &o);
	assert_string_equal(r.got, "missing-improvements");
	assert_non_null(strstr(r.p.v[0].message, "\"what we learned\""));
	done(&r);
	run_opts(&r, CASE, "Jane Quill.\n\n# Analysis\nx\n\n"
	    "WHAT WE LEARNED\ny\n", "2026-05-01", &o);
	assert_string_equal(r.got, "");
	done(&r);
}

static void
test_identifiers(void **state)
{
	struct run r;

	(void)state;
	/* kind and place, never the text; a name's message says how to
	 * write it instead */
	run(&r, CASE, GOOD "\nPoppy was born on 20 January 2025.\n"
	    "She lived at ZZ99 3CZ.  Call 01632 960001 or\n"
	    "write to a.b@example.org; NHS number 999 000 0018.\n",
	    "2026-05-01");
	assert_string_equal(r.got, "identifier(name)@13:1 "
	    "identifier(dob)@13:19 identifier(postcode)@14:14 "
	    "identifier(phone)@14:30 identifier(email)@15:10 "
	    "identifier(nhs_number)@15:38");
	assert_non_null(strstr(r.p.v[0].message, "write \"Child A\" "
	    "instead"));
	assert_string_equal(r.p.v[0].para, "9.12.2, 9.15.2, 9.4.3");
	assert_int_equal(r.p.publishable, 0);
	done(&r);
	/* the reviewer is exempt (9.4.3), and a pseudonym is no name */
	expect(CASE "review.reviewer.name=Jane Testcase", "Jane Testcase "
	    "reviewed Child A.\n\n## Analysis\n\nx\n\n## Recommendations\n\n"
	    "y\n", "2026-05-01", "");
}

static void
test_reviewer(void **state)
{
	(void)state;
#define BODY "\n\n## Analysis\n\nx\n\n## Recommendations\n\ny\n"
	/* across a line break, in another case, in emphasis */
	expect(CASE, "By Jane\nQUILL." BODY, "2026-05-01", "");
	expect(CASE, "By **Jane Quill**." BODY, "2026-05-01", "");
	/* part of the name, or inside a longer word, is not the name */
	expect(CASE, "By Jane." BODY, "2026-05-01", "reviewer-not-named");
	expect(CASE, "By Jane Quills." BODY, "2026-05-01",
	    "reviewer-not-named");
	/* (and "XJane", no word, may be someone else's name) */
	expect(CASE, "By XJane Quill." BODY, "2026-05-01",
	    "possible-identifier(name)@1:4 reviewer-not-named");
	/* a title in the case need not be in the report */
	expect(CASE "review.reviewer.name=Dr. Jane Quill",
	    "By Jane Quill." BODY, "2026-05-01", "");
	expect(CASE "review.reviewer.name=Dr Jane Quill",
	    "By Dr Jane Quill." BODY, "2026-05-01", "");
	/* no name in the case: said so, about the case */
	expect("decision.outcome=local_review; decision.date=2026-02-27",
	    "By someone." BODY, "2026-05-01", "reviewer-not-named");
#undef BODY
}

static void
test_plain_english(void **state)
{
	struct cspr_publish_opts o;
	struct run r;
	char text[2048];

	(void)state;
	/*
	 * Text 1 of test_readability.c, counted by hand there: 19 words, 3
	 * sentences, 28 syllables; FRE 75.73, FK 4.27, shown as 75.7 and
	 * 4.3; 6.3 words a sentence.  With headings and the reviewer's line
	 * the counts grow, so it is measured alone with --report checks
	 * that do not add words.
	 */
	run(&r, CASE, "The nurse visited the family at home. She saw the baby "
	    "and spoke to the mother. Nobody was worried.", "2026-05-01");
	assert_int_equal(r.p.rd->words, 19);
	assert_int_equal(r.p.rd->sentences, 3);
	assert_true(r.p.reading_ease == 75.7);
	assert_true(r.p.grade == 4.3);
	assert_true(r.p.words_per_sentence == 6.3);
	assert_string_equal(r.got, "missing-improvements missing-analysis "
	    "reviewer-not-named");
	done(&r);
	/* a long sentence and an acronym, at their places; the acronym is
	 * named (it is not personal) */
	snprintf(text, sizeof(text), "%s\nThe CAMHS team and the Child in "
	    "Need (CIN) team met.\n\nOne two three four five six seven eight "
	    "nine ten eleven twelve thirteen fourteen fifteen sixteen "
	    "seventeen eighteen nineteen twenty twenty-one twenty-two "
	    "twenty-three twenty-four twenty-five twenty-six.\n", GOOD);
	run(&r, CASE, text, "2026-05-01");
	assert_string_equal(r.got, "acronym@13:5 long-sentence@15:1");
	assert_non_null(strstr(r.p.v[0].message, "\"CAMHS\""));
	assert_non_null(strstr(r.p.v[1].message, "26 words"));
	done(&r);
	/* the thresholds are options; the known acronyms too */
	cspr_publish_opts_init(&o);
	o.long_sentence = 30;
	o.known_acronyms = (const char *const[]){"CAMHS", NULL};
	run_opts(&r, CASE, text, "2026-05-01", &o);
	assert_string_equal(r.got, "");
	done(&r);
	o.min_reading_ease = 100;
	o.max_grade = 0;
	run_opts(&r, CASE, text, "2026-05-01", &o);
	assert_string_equal(r.got, "readability readability");
	assert_non_null(strstr(r.p.v[0].message, "below 100"));
	assert_non_null(strstr(r.p.v[1].message, "above 0"));
	done(&r);
	/* equal to a threshold passes: the score as shown is compared */
	cspr_publish_opts_init(&o);
	o.min_reading_ease = 75.7;
	o.max_grade = 4.3;
	run_opts(&r, CASE, "The nurse visited the family at home. She saw the "
	    "baby and spoke to the mother. Nobody was worried.", "2026-05-01",
	    &o);
	assert_string_equal(r.got, "missing-improvements missing-analysis "
	    "reviewer-not-named");
	done(&r);
	/* a report with no words */
	expect(CASE, "   \n\n", "2026-05-01", "missing-improvements "
	    "missing-analysis reviewer-not-named readability");
}

/* Published: decision Friday 2026-02-27, six months to 2026-08-27. */
#define PUB CASE "publication.kind=full; "

static void
test_late_publication(void **state)
{
	struct run r;

	(void)state;
	/* on time: nothing; due, not published: nothing yet */
	expect_log(PUB "publication.published=2026-08-27", SENT "]", NULL,
	    "2026-11-26", "");
	expect_log(PUB, SENT "]", NULL, "2026-08-27", "");
	/* late, no reason */
	run_full(&r, PUB "publication.published=2026-09-21", SENT "]", NULL,
	    "2026-11-26", NULL);
	assert_string_equal(r.got, "late-publication");
	assert_string_equal(r.p.v[0].path, ".publication.delay_reason");
	assert_int_equal(r.p.v[0].blocks, 0);
	assert_string_equal(r.p.v[0].message, "The report was published on "
	    "2026-09-21, 16 working days after the six months from the "
	    "decision ended on 2026-08-27, and no reason for the delay is "
	    "recorded in publication.delay_reason or sent to the Panel and "
	    "the Secretary of State (9.16.1, 9.16.3).");
	assert_int_equal(r.p.publishable, -1); /* no report */
	done(&r);
	/* overdue, reason recorded, nobody told */
	run_full(&r, PUB "publication.delay_reason=An inquest", SENT "]", NULL,
	    "2026-09-01", NULL);
	assert_string_equal(r.got, "late-publication");
	assert_string_equal(r.p.v[0].path, ".notifications");
	assert_string_equal(r.p.v[0].message, "The report is not published, "
	    "and the six months from the decision ended on 2026-08-27, 2 "
	    "working days ago; the reasons for the delay are recorded but "
	    "have not been sent to the Panel and the Secretary of State "
	    "(9.16.1, 9.16.3).");
	done(&r);
	/* the Panel told, not the Secretary of State */
	run_full(&r, PUB "publication.published=2026-09-21; "
	    "publication.delay_reason=An inquest", SENT ", {\"to\": \"panel\", "
	    "\"about\": \"delay\", \"date\": \"2026-08-20\"}]", NULL,
	    "2026-11-26", NULL);
	assert_string_equal(r.got, "late-publication");
	assert_non_null(strstr(r.p.v[0].message, "have not been sent to the "
	    "Secretary of State (9.16.1, 9.16.3)."));
	done(&r);
	/* told, no reason recorded: the reason is still wanted */
	run_full(&r, PUB "publication.published=2026-09-21", SENT ", {\"to\": "
	    "\"panel\", \"about\": \"delay\", \"date\": \"2026-08-20\"}, "
	    "{\"to\": \"secretary_of_state\", \"about\": \"delay\", \"date\": "
	    "\"2026-08-20\"}]", NULL, "2026-11-26", NULL);
	assert_string_equal(r.got, "late-publication");
	assert_non_null(strstr(r.p.v[0].message, "no reason for the delay is "
	    "recorded in publication.delay_reason (9.16.1, 9.16.3)."));
	done(&r);
	/* a delay foreseen: the reasons go now, not once it is late */
	run_full(&r, PUB "publication.delay_reason=A trial", SENT ", {\"to\": "
	    "\"panel\", \"about\": \"delay\", \"date\": \"2026-05-20\"}]", NULL,
	    "2026-06-01", NULL);
	assert_string_equal(r.got, "late-publication");
	assert_string_equal(r.p.v[0].para, "9.16.3");
	assert_string_equal(r.p.v[0].message, "A reason for delaying "
	    "publication beyond 2026-08-27 is recorded "
	    "(publication.delay_reason) but has not been sent to the Secretary "
	    "of State (9.16.3).");
	done(&r);
	expect_log(PUB "publication.delay_reason=A trial", SENT ", {\"to\": "
	    "\"panel\", \"about\": \"delay\", \"date\": \"2026-05-20\"}, "
	    "{\"to\": \"secretary_of_state\", \"about\": \"delay\", \"date\": "
	    "\"2026-05-20\"}]", NULL, "2026-06-01", "");
	/* explained and told: a note, not a finding */
	run_full(&r, PUB "publication.published=2026-09-21; "
	    "publication.delay_reason=An inquest", SENT ", {\"to\": \"panel\", "
	    "\"about\": \"delay\", \"date\": \"2026-08-20\"}, {\"to\": "
	    "\"secretary_of_state\", \"about\": \"delay\", \"date\": "
	    "\"2026-08-21\"}]", NULL, "2026-11-26", NULL);
	assert_string_equal(r.got, "");
	assert_int_equal(r.p.notes.n, 2); /* and the availability */
	assert_string_equal(r.p.notes.v[0].check, "late-publication");
	assert_string_equal(r.p.notes.v[0].message, "The report was published "
	    "on 2026-09-21, 16 working days after the six months from the "
	    "decision ended on 2026-08-27; the reasons for the delay are "
	    "recorded and were sent to the Panel and the Secretary of State "
	    "(9.16.1, 9.16.3).");
	done(&r);
	/* not for another review, nor when nothing is to be published */
	expect(CASE "decision.outcome=other_review", NULL, "2026-11-26", "");
	expect_log(CASE "publication.kind=none; "
	    "publication.non_publication_reason=x", "[{\"to\": \"panel\", "
	    "\"about\": \"non_publication\", \"date\": \"2026-01-01\"}, "
	    "{\"to\": \"secretary_of_state\", \"about\": \"non_publication\", "
	    "\"date\": \"2026-01-01\"}]", NULL, "2026-11-26",
	    "non-publication");
}

static void
test_copies(void **state)
{
	struct run r;

	(void)state;
	/*
	 * Completed Wednesday 2026-08-26: seven working days on, across the
	 * bank holiday of Monday 2026-08-31, is 2026-09-07.  Published
	 * 2026-08-27: seven working days before is 2026-08-18, the sooner.
	 */
	run_full(&r, PUB "report.completed=2026-08-26; "
	    "publication.published=2026-08-27", "[{\"to\": \"panel\", "
	    "\"about\": \"final_report\", \"date\": \"2026-09-04\"}, {\"to\": "
	    "\"secretary_of_state\", \"about\": \"final_report\", \"date\": "
	    "\"2026-09-08\"}, {\"to\": \"ofsted\", \"about\": \"final_report\", "
	    "\"date\": \"2026-09-07\"}]", NULL, "2026-11-26", NULL);
	/* the report was complete only the day before: seven working days
	 * before publication had passed by then, so publication was early,
	 * not the copies late (item 14) */
	assert_string_equal(r.got, "copy-to-panel-and-sos copy-to-ofsted");
	assert_string_equal(r.p.v[0].message, "Publication on 2026-08-27 came "
	    "fewer than seven working days after the report was completed on "
	    "2026-08-26: publication was early, since the full report had to "
	    "go to the Panel and the Secretary of State seven working days "
	    "before it (9.15.3).");
	assert_string_equal(r.p.v[1].message, "Publication on 2026-08-27 came "
	    "fewer than seven working days after the report was completed on "
	    "2026-08-26: publication was early, since the report had to go to "
	    "Ofsted seven working days before it (9.16.2).");
	assert_string_equal(r.p.v[1].para, "9.16.2");
	assert_string_equal(r.p.v[1].path, ".publication.published");
	assert_int_equal(r.p.v[1].blocks, 0);
	done(&r);
	/* completed long before: the copies were late */
	run_full(&r, PUB "report.completed=2026-07-01; "
	    "publication.published=2026-08-27", "[{\"to\": \"panel\", "
	    "\"about\": \"final_report\", \"date\": \"2026-09-04\"}, {\"to\": "
	    "\"secretary_of_state\", \"about\": \"final_report\", \"date\": "
	    "\"2026-09-08\"}, {\"to\": \"ofsted\", \"about\": \"final_report\", "
	    "\"date\": \"2026-09-07\"}]", NULL, "2026-11-26", NULL);
	assert_string_equal(r.got, "copy-to-panel-and-sos copy-to-ofsted");
	assert_string_equal(r.p.v[0].message, "The full report went to the "
	    "Panel and the Secretary of State by 2026-09-08, 41 working days "
	    "after it was due on 2026-07-10, seven working days after the "
	    "report was completed (9.15.3).");
	assert_string_equal(r.p.v[1].path, ".notifications");
	assert_int_equal(r.p.v[1].blocks, 0);
	done(&r);
	/* not sent at all, information about improvements: 2026-09-07 from
	 * completion */
	run_full(&r, PUB "report.completed=2026-08-26; "
	    "decision.date=2026-03-27; publication.kind=improvements_only; "
	    "publication.non_publication_reason=x", TOLD ", {\"to\": \"panel\", "
	    "\"about\": \"improvements\", \"date\": \"2026-09-04\"}]", NULL,
	    "2026-09-09", NULL);
	/* 9.15.3 still asks for the full report; 9.16.2's copy of the
	 * improvements is a row of its own */
	assert_string_equal(r.got, "copy-to-panel-and-sos "
	    "copy-to-panel-and-sos copy-to-ofsted");
	assert_string_equal(r.p.v[0].message, "The full report has not been "
	    "sent to the Panel and the Secretary of State; it was due on "
	    "2026-09-07, seven working days after the report was completed, 2 "
	    "working days ago (9.15.3).");
	assert_string_equal(r.p.v[1].message, "The information about "
	    "improvements has not been sent to the Secretary of State; it was "
	    "due on 2026-09-07, seven working days after the report was "
	    "completed, 2 working days ago (9.16.2).");
	assert_string_equal(r.p.v[2].message, "The report or the information "
	    "about improvements has not been sent to Ofsted; it was due on "
	    "2026-09-07, seven working days after the report was completed, 2 "
	    "working days ago (9.16.2).");
	done(&r);
	/* on time, or not yet due: nothing */
	expect_log(PUB "report.completed=2026-08-26; decision.date=2026-03-27",
	    "[{\"to\": \"panel\", "
	    "\"about\": \"final_report\", \"date\": \"2026-09-04\"}, {\"to\": "
	    "\"secretary_of_state\", \"about\": \"final_report\", \"date\": "
	    "\"2026-09-07\"}]", NULL, "2026-09-07", "");
}

static void
test_availability(void **state)
{
	struct run r;

	(void)state;
	/* still to stay: how long */
	run_full(&r, PUB "publication.published=2026-08-27", SENT "]", NULL,
	    "2026-11-26", NULL);
	assert_string_equal(r.got, "");
	assert_int_equal(r.p.available_until, D("2027-08-27"));
	assert_int_equal(r.p.notes.n, 1);
	assert_string_equal(r.p.notes.v[0].message, "Published on 2026-08-27: "
	    "it must stay available until at least 2027-08-27, 274 more days "
	    "(9.15.1).");
	done(&r);
	/* the year is over */
	run_full(&r, CASE "decision.date=2024-08-28; "
	    "publication.published=2025-02-28", SENT_AT("2025-01-01") "]",
	    NULL, "2026-11-26", NULL);
	assert_string_equal(r.got, "");
	assert_string_equal(r.p.notes.v[0].message, "Published on 2025-02-28: "
	    "the one year it had to stay available ended on 2026-02-28 "
	    "(9.15.1).");
	done(&r);
	/* removed too early; on the day is in time */
	run_full(&r, PUB "publication.published=2026-08-27; "
	    "publication.removed=2027-08-26", SENT "]", NULL, "2026-11-26",
	    NULL);
	assert_string_equal(r.got, "availability");
	assert_string_equal(r.p.v[0].path, ".publication.removed");
	assert_string_equal(r.p.v[0].message, "The report was removed on "
	    "2027-08-26, before 2027-08-27: a published report must stay "
	    "available for at least one year (9.15.1).");
	done(&r);
	run_full(&r, PUB "publication.published=2026-08-27; "
	    "publication.removed=2027-08-27", SENT "]", NULL, "2026-11-26",
	    NULL);
	assert_string_equal(r.got, "");
	assert_string_equal(r.p.notes.v[0].message, "Published on 2026-08-27 "
	    "and removed on 2027-08-27, after the one year it had to stay "
	    "available (9.15.1).");
	done(&r);
	/* a national review's: three years (10.8.3) */
	run(&r, CASE "decision.outcome=national_review; "
	    "publication.published=2024-02-29; publication.removed=2027-02-27",
	    NULL, "2026-11-26");
	assert_string_equal(r.got, "availability");
	assert_string_equal(r.p.v[0].para, "10.8.3");
	assert_int_equal(r.p.available_until, D("2027-02-28"));
	assert_non_null(strstr(r.p.v[0].message, "three years"));
	done(&r);
	/* removed, but when was it published? */
	expect_log(PUB "decision.date=2026-06-01; "
	    "publication.removed=2027-08-27", SENT "]", NULL, "2026-11-26",
	    "availability");
}

static void
test_non_publication(void **state)
{
	struct run r;

	(void)state;
	/* no reason, nobody told, nothing published: three findings, each
	 * standing in the way */
	run(&r, CASE "publication.kind=none", GOOD, "2026-05-01");
	assert_string_equal(r.got, "non-publication non-publication "
	    "non-publication");
	assert_string_equal(r.p.v[0].para, "9.15.1");
	assert_string_equal(r.p.v[0].path,
	    ".publication.non_publication_reason");
	assert_string_equal(r.p.v[1].para, "9.15.3");
	assert_string_equal(r.p.v[1].message, "The justification for not "
	    "publishing the report has not been set out for the Panel and the "
	    "Secretary of State (9.15.3).");
	assert_non_null(strstr(r.p.v[2].message, "improvements_only"));
	assert_int_equal(r.p.publishable, 0);
	done(&r);
	/* reason recorded and both told: the improvements still stand */
	expect_log(CASE "publication.kind=none; "
	    "publication.non_publication_reason=Exceptional", TOLD "]", NULL,
	    "2026-05-01", "non-publication");
	/* only the improvements published (csp-notify agrees: that is not
	 * publishing the report): reason and notice, not in the way */
	run_full(&r, CASE "publication.kind=improvements_only", TOLD "]", GOOD,
	    "2026-05-01", NULL);
	assert_string_equal(r.got, "non-publication");
	assert_int_equal(r.p.v[0].blocks, 0);
	assert_int_equal(r.p.publishable, 1);
	assert_non_null(strstr(r.p.v[0].message, "(publication.kind "
	    "improvements_only)"));
	done(&r);
	expect(CASE "publication.kind=improvements_only; "
	    "publication.non_publication_reason=x", NULL, "2026-05-01",
	    "non-publication");
	/* only for a local review (9.16.4 lets other reviews go
	 * unpublished) */
	expect(CASE "decision.outcome=other_review; publication.kind=none",
	    NULL, "2026-05-01", "");
}

static void
test_verdict_and_order(void **state)
{
	struct run r;

	(void)state;
	/* duties do not stand in the way; a court order does, and every
	 * report finding does */
	run_full(&r, PUB "publication.published=2026-09-21", SENT "]", GOOD,
	    "2026-11-26", NULL);
	assert_string_equal(r.got, "late-publication");
	assert_int_equal(r.p.publishable, 1);
	done(&r);
	run(&r, CASE "parallel.court_order_restrictions=true", GOOD,
	    "2026-05-01");
	assert_string_equal(r.got, "court-order");
	assert_string_equal(r.p.v[0].para, "9.16.5");
	assert_int_equal(r.p.v[0].blocks, 1);
	assert_int_equal(r.p.publishable, 0);
	done(&r);
	expect(CASE "parallel.court_order_restrictions=false", GOOD,
	    "2026-05-01", "");
	/* in the report by line:col, then the report's, then the case's */
	run_full(&r, PUB "publication.published=2026-09-21; "
	    "parallel.court_order_restrictions=true", SENT "]",
	    "The XYZ met Poppy.\n\nOne two three four five six seven eight "
	    "nine ten eleven twelve thirteen fourteen fifteen sixteen "
	    "seventeen eighteen nineteen twenty twenty-one twenty-two "
	    "twenty-three twenty-four twenty-five twenty-six.\n",
	    "2026-11-26", NULL);
	assert_string_equal(r.got, "acronym@1:5 identifier(name)@1:13 "
	    "long-sentence@3:1 missing-improvements missing-analysis "
	    "reviewer-not-named late-publication court-order");
	assert_int_equal(r.p.publishable, 0);
	done(&r);
}

static void
test_json(void **state)
{
	struct run r;
	json_t *j;
	char *s;

	(void)state;
	/*
	 * GOOD and a line, counted by hand (dictionary syllables):
	 * Review(2) of(1) Child(1) A(1): 4 words, 5 syllables
	 * The(1) reviewer(3) was(1) Jane(1) Quill(1): 5, 7
	 * Analysis(4): 1, 4
	 * The(1) agencies(3) did(1) not(1) talk(1): 5, 7
	 * Recommendations(5): 1, 5
	 * They(1) should(1) talk(1) more(1): 4, 4
	 * Poppy(2): 1, 2
	 * 21 words, 7 sentences, 34 syllables, 3 words a sentence.
	 * FRE = 206.835 - 1.015 * 3 - 84.6 * 34/21 = 66.82, shown 66.8
	 * FK = 0.39 * 3 + 11.8 * 34/21 - 15.59 = 4.69, shown 4.7
	 */
	run_full(&r, PUB "publication.published=2026-09-21", SENT "]",
	    GOOD "\nPoppy.\n", "2026-11-26", NULL);
	j = cspr_publish_json(&r.p, "T-1", "r.md");
	assert_non_null(j);
	s = json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(15));
	assert_non_null(s);
	assert_string_equal(s, "{\"case\":\"T-1\",\"report\":\"r.md\","
	    "\"publishable\":false,\"readability\":{\"words\":21,"
	    "\"sentences\":7,\"flesch_reading_ease\":66.8,"
	    "\"flesch_kincaid_grade\":4.7,\"long_sentences\":0,"
	    "\"words_per_sentence\":3.0},\"available_until\":\"2027-09-21\","
	    "\"findings\":[{\"check\":\"identifier\",\"para\":\"9.12.2, 9.15.2, "
	    "9.4.3\",\"line\":13,\"col\":1,\"kind\":\"name\",\"message\":\"A "
	    "name from the case; write \\\"Child A\\\" instead (9.12.2, "
	    "9.15.2, 9.4.3).\"},{\"check\":\"late-publication\",\"para\":"
	    "\"9.16.1, 9.16.3\",\"line\":null,\"col\":null,\"kind\":null,"
	    "\"message\":\"The report was published on 2026-09-21, 16 working "
	    "days after the six months from the decision ended on 2026-08-27, "
	    "and no reason for the delay is recorded in "
	    "publication.delay_reason or sent to the Panel and the Secretary "
	    "of State (9.16.1, 9.16.3).\"}]}");
	free(s);
	json_decref(j);
	done(&r);
	/* no report */
	run(&r, CASE, NULL, "2026-05-01");
	j = cspr_publish_json(&r.p, "T-1", NULL);
	s = json_dumps(j, JSON_COMPACT);
	assert_string_equal(s, "{\"case\":\"T-1\",\"report\":null,"
	    "\"publishable\":null,\"readability\":null,\"available_until\":"
	    "null,\"findings\":[]}");
	free(s);
	json_decref(j);
	done(&r);
}

static void
test_report_path(void **state)
{
	json_t *root = mk("report.file=reports/x.md");
	json_t *abs = mk("report.file=/srv/x.md");
	json_t *none = mk("report.completed=2026-01-01");
	char *p;
	int oom;

	(void)state;
	p = cspr_report_path(root, "examples/05.yaml", &oom);
	assert_string_equal(p, "examples/reports/x.md");
	free(p);
	p = cspr_report_path(root, "/a/b/c.yaml", &oom);
	assert_string_equal(p, "/a/b/reports/x.md");
	free(p);
	p = cspr_report_path(root, "c.yaml", &oom);
	assert_string_equal(p, "reports/x.md");
	free(p);
	p = cspr_report_path(root, "<stdin>", &oom);
	assert_string_equal(p, "reports/x.md");
	free(p);
	p = cspr_report_path(abs, "examples/05.yaml", &oom);
	assert_string_equal(p, "/srv/x.md");
	free(p);
	assert_null(cspr_report_path(none, "examples/05.yaml", &oom));
	assert_int_equal(oom, 0);
	json_decref(root);
	json_decref(abs);
	json_decref(none);
}

static void
test_report_read(void **state)
{
	struct cspr_errors e = {0};
	char path[] = "/tmp/test_publish_XXXXXX";
	char *buf;
	size_t len;
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "# A\nab\0c\n", 9), 9);
	close(fd);
	assert_int_equal(cspr_report_read(path, &buf, &len, &e),
	    CSPR_FINDINGS);
	assert_null(buf);
	assert_int_equal(e.n, 1);
	assert_int_equal(e.v[0].line, 2);
	assert_int_equal(e.v[0].col, 3);
	assert_string_equal(e.v[0].message, "not a text file: a NUL byte");
	cspr_errors_clear(&e);
	fd = open(path, O_WRONLY | O_TRUNC);
	assert_int_equal(write(fd, "%PDF-1.7\n", 9), 9);
	close(fd);
	assert_int_equal(cspr_report_read(path, &buf, &len, &e),
	    CSPR_FINDINGS);
	assert_string_equal(e.v[0].message, "not a text file: a PDF file: "
	    "convert it with pdftotext first");
	cspr_errors_clear(&e);
	fd = open(path, O_WRONLY | O_TRUNC);
	assert_int_equal(write(fd, "Plain.\n", 7), 7);
	close(fd);
	assert_int_equal(cspr_report_read(path, &buf, &len, &e), CSPR_OK);
	assert_int_equal(len, 7);
	assert_string_equal(buf, "Plain.\n");
	free(buf);
	unlink(path);
	assert_int_equal(cspr_report_read(path, &buf, &len, &e), CSPR_ERROR);
	assert_int_equal(e.n, 1);
	cspr_errors_clear(&e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_headings_markdown),
	    cmocka_unit_test(test_headings_plain),
	    cmocka_unit_test(test_headings_skipped),
	    cmocka_unit_test(test_heading_matches),
	    cmocka_unit_test(test_good_report),
	    cmocka_unit_test(test_content),
	    cmocka_unit_test(test_identifiers),
	    cmocka_unit_test(test_reviewer),
	    cmocka_unit_test(test_plain_english),
	    cmocka_unit_test(test_late_publication),
	    cmocka_unit_test(test_copies),
	    cmocka_unit_test(test_availability),
	    cmocka_unit_test(test_non_publication),
	    cmocka_unit_test(test_verdict_and_order),
	    cmocka_unit_test(test_json),
	    cmocka_unit_test(test_report_path),
	    cmocka_unit_test(test_report_read),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
