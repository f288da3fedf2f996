/*
 * test_readability.c - readability.c against texts counted by hand.
 *
 * The counts in the comments were made by hand, word by word, with
 * dictionary syllables (Merriam-Webster's division) for texts 1 to 3 and
 * with the module's stated rules for text 4 (numbers, abbreviations).  The
 * scores are then the two Flesch formulas on those counts.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "csprcore.h"

/* Measure text, copied into a buffer of exactly its length so that a read
 * past the end is caught. */
static struct cspr_readability *
measure_opts(const char *text, const struct cspr_readability_opts *o)
{
	size_t len = strlen(text);
	char *buf = malloc(len ? len : 1);
	struct cspr_readability *r;

	assert_non_null(buf);
	memcpy(buf, text, len);
	r = cspr_readability(buf, len, o);
	free(buf);
	assert_non_null(r);
	return r;
}

static struct cspr_readability *
measure(const char *text)
{
	return measure_opts(text, NULL);
}

static double
fabs_(double x)
{
	return x < 0 ? -x : x;
}

static double
fre(double w, double s, double sy)
{
	return 206.835 - 1.015 * w / s - 84.6 * sy / w;
}

static double
fk(double w, double s, double sy)
{
	return 0.39 * w / s + 11.8 * sy / w - 15.59;
}

static void
check(const char *text, long words, long sentences, long syllables,
    double want_fre, double want_fk)
{
	struct cspr_readability *r = measure(text);

	assert_int_equal(r->words, words);
	assert_int_equal(r->sentences, sentences);
	assert_int_equal(r->syllables, syllables);
	/* the hand-computed scores agree with the formulas, and the module
	 * with both, to 0.1 */
	assert_true(fabs_(fre(words, sentences, syllables) - want_fre) < 0.1);
	assert_true(fabs_(fk(words, sentences, syllables) - want_fk) < 0.1);
	assert_true(fabs_(r->flesch_reading_ease - want_fre) < 0.1);
	assert_true(fabs_(r->flesch_kincaid_grade - want_fk) < 0.1);
	assert_true(fabs_(r->words_per_sentence -
			  (double)words / (double)sentences) < 1e-9);
	cspr_readability_free(&r);
	assert_null(r);
}

static void
test_text1_plain(void **state)
{
	(void)state;
	/*
	 * The(1) nurse(1) visited(3) the(1) family(3) at(1) home(1).
	 *	7 words, 11 syllables
	 * She(1) saw(1) the(1) baby(2) and(1) spoke(1) to(1) the(1)
	 * mother(2).	9 words, 11 syllables
	 * Nobody(3) was(1) worried(2).	3 words, 6 syllables
	 * 19 words, 3 sentences, 28 syllables.
	 * FRE = 206.835 - 1.015 * 19/3 - 84.6 * 28/19 = 75.73
	 * FK = 0.39 * 19/3 + 11.8 * 28/19 - 15.59 = 4.27
	 */
	check("The nurse visited the family at home. She saw the baby and "
	      "spoke to the mother. Nobody was worried.",
	    19, 3, 28, 75.73, 4.27);
}

static void
test_text2_markdown(void **state)
{
	(void)state;
	/*
	 * "# Key findings": a heading is a sentence.
	 *	Key(1) findings(2): 2 words, 3 syllables
	 * The(1) review(2) found(1) three(1) problems(2).
	 *	5 words, 7 syllables
	 * "- " list items are sentences; "Dr." does not end one.
	 * Dr(1) Jones(1) saw(1) the(1) child(1) twice(1).
	 *	6 words, 6 syllables
	 * Staff(1) did(1) not(1) share(1) information(4)!
	 *	5 words, 8 syllables
	 * 18 words, 4 sentences, 24 syllables.
	 * FRE = 206.835 - 1.015 * 4.5 - 84.6 * 24/18 = 89.47
	 * FK = 0.39 * 4.5 + 11.8 * 24/18 - 15.59 = 1.90
	 */
	check("# Key findings\n"
	      "\n"
	      "The review found three problems.\n"
	      "\n"
	      "- Dr. Jones saw the child twice.\n"
	      "- Staff did not share information!\n",
	    18, 4, 24, 89.47, 1.90);
}

static void
test_text3_table(void **state)
{
	(void)state;
	/*
	 * Front matter is skipped; emphasis and the link's URL go.
	 * The(1) health(1) visitor(3) read(1) the(1) guidance(2).
	 *	6 words, 9 syllables
	 * The table: a rule row (nothing) and four cells, each a sentence:
	 * Agency(3), Action(2), Police(2), None(1): 4 words, 8 syllables
	 * 10 words, 5 sentences, 17 syllables.
	 * FRE = 206.835 - 1.015 * 2 - 84.6 * 1.7 = 60.99
	 * FK = 0.39 * 2 + 11.8 * 1.7 - 15.59 = 5.25
	 */
	check("---\n"
	      "title: Test: not counted. Not at all.\n"
	      "---\n"
	      "The **health visitor** read the "
	      "[guidance](https://example.org/guide.pdf).\n"
	      "| Agency | Action |\n"
	      "|--------|:------:|\n"
	      "| Police | None |\n",
	    10, 5, 17, 60.99, 5.25);
}

static void
test_text4_numbers(void **state)
{
	(void)state;
	/*
	 * Counted with the module's rules: a number is one word of one
	 * syllable a digit (at most four); "i.e." is one word, its letters'
	 * vowel group one syllable; "Mr." and "approx." end nothing; a stop
	 * inside closing quotes ends the sentence.
	 * Mr(1) Smith(1) said(1) "We(1) met(1) at(1) 10:30(4)."
	 *	7 words, 10 syllables
	 * The(1) team(1) met(1) 3(1) times(1), i.e.(1) weekly(2).
	 *	7 words, 8 syllables
	 * It(1) cost(1) approx(2) 2.5(2) million(2) pounds(1).
	 *	6 words, 9 syllables
	 * 20 words, 3 sentences, 27 syllables.
	 * FRE = 206.835 - 1.015 * 20/3 - 84.6 * 27/20 = 85.86
	 * FK = 0.39 * 20/3 + 11.8 * 27/20 - 15.59 = 2.94
	 */
	check("Mr. Smith said, \"We met at 10:30.\" The team met 3 times, "
	      "i.e. weekly. It cost approx. 2.5 million pounds.",
	    20, 3, 27, 85.86, 2.94);
}

static void
test_empty(void **state)
{
	struct cspr_readability *r;

	(void)state;
	r = measure("");
	assert_int_equal(r->words, 0);
	assert_int_equal(r->sentences, 0);
	assert_true(r->flesch_reading_ease == 0.0);
	assert_true(r->flesch_kincaid_grade == 0.0);
	assert_int_equal(r->nlong, 0);
	assert_int_equal(r->nacronyms, 0);
	cspr_readability_free(&r);
	r = cspr_readability(NULL, 0, NULL);
	assert_non_null(r);
	assert_int_equal(r->words, 0);
	cspr_readability_free(&r);
	cspr_readability_free(&r);
	r = measure("# \n\n---\n| | |\n```\nint x = 1;\n```\n...!?");
	assert_int_equal(r->words, 0);
	assert_int_equal(r->sentences, 0);
	cspr_readability_free(&r);
}

/* Sentences and words in text. */
static void
split(const char *text, long sentences, long words)
{
	struct cspr_readability *r = measure(text);

	if (r->sentences != sentences || r->words != words)
		print_error("%s: %ld sentences, %ld words\n", text,
		    r->sentences, r->words);
	assert_int_equal(r->sentences, sentences);
	assert_int_equal(r->words, words);
	cspr_readability_free(&r);
}

static void
test_sentence_splitting(void **state)
{
	(void)state;
	/* a capital letter alone is "Child A", not an initial */
	split("We call her Child A. She was four.", 2, 8);
	/* abbreviations */
	split("Dr. Jones and Mrs. Smith met Mr. Brown. They agreed.", 2, 10);
	split("See para. 9.12 now. Then stop.", 2, 6);
	split("See No. 5 and p. 12 here.", 1, 7);
	split("The answer was no. Next one.", 2, 6);
	split("Apples, pears etc. and more. Next.", 2, 6);
	split("We met etc. Then we left.", 2, 6);
	split("Use e.g. this and i.e. that, cf. the plan.", 1, 9);
	split("At 9 a.m. The meeting began at 10 a.m. and ended.", 2, 11);
	split("It was 9.12.1 (approx.) in all.", 1, 6);
	/* decimals, times, thousands are inside a number */
	split("It rose 3.5 per cent to 1,000 at 10:30 on 26.11.2026.", 1, 11);
	/* quotes and brackets after the stop */
	split("He said \"No.\" She left. (It was late.) Then "
	      "\xe2\x80\x9cgo.\xe2\x80\x9d "
	      "Done.",
	    5, 11);
	/* ! ? and ellipses */
	split(
	    "Really?! Yes. Wait... What? And then\xe2\x80\xa6 nothing.", 5, 7);
	/* a stop not followed by a space ends nothing */
	split("See file.txt and www.example.org now.", 1, 5);
	/* headings, list items, blank lines, table cells, fences end one */
	split("Headings\n# One\nTwo words\n\nThree\n- four\n- five six\n"
	      "1. seven\na) eight\n(b) nine\n| ten | eleven |\n```\nno. words. "
	      "here.\n```\ntwelve",
	    12, 14);
	/* a sentence runs on over a line break, and CRLF */
	split("Line one\r\nline two.\r\n\r\nNew para", 2, 6);
	/* block quotes, setext headings, rules */
	split("> Quoted words. More\n> quoted.\n\nTitle\n=====\nBody\n***\n"
	      "End",
	    5, 7);
	/* links, images, HTML, URLs, footnotes are not words */
	split("(see [the guide](http://x.org/a.b).) Next.[^1] "
	      "![a photo of a house](p.png) <br/> <!-- hidden --> Visit "
	      "https://example.org/a.b. Then go <https://x.org>.",
	    4, 7);
	/* escapes, code spans, emphasis */
	split("A \\*star\\* and `code span` in _it_ and **bold**.", 1, 9);
	/* words: apostrophes and hyphens inside, possessives */
	split("The child's multi-agency plan wasn't the parents' plan.", 1, 8);
}

static void
test_long_sentences(void **state)
{
	struct cspr_readability *r;
	struct cspr_readability_opts o = {10, NULL};
	const char *text =
	    "Short one.\n"
	    "  This sentence has exactly twenty six words in it, which is "
	    "one more than\nthe default limit of twenty five words that the "
	    "module uses today. Short\n"
	    "again.\n"
	    "\n"
	    "- This list item has eleven words and is long at ten.\n"
	    "Caf\xc3\xa9. One two three four five six seven eight nine ten "
	    "eleven.";

	(void)state;
	r = measure(text);
	assert_int_equal(r->nlong, 1);
	assert_int_equal(r->long_sentences[0].words, 26);
	assert_int_equal(r->long_sentences[0].line, 2);
	assert_int_equal(r->long_sentences[0].col, 3);
	assert_int_equal(r->long_sentences[0].off, 13);
	cspr_readability_free(&r);
	r = measure_opts(text, &o);
	assert_int_equal(r->nlong, 3);
	assert_int_equal(r->long_sentences[1].words, 11);
	assert_int_equal(r->long_sentences[1].line, 6);
	assert_int_equal(r->long_sentences[1].col, 3);
	/* columns are characters: "Café" is four */
	assert_int_equal(r->long_sentences[2].words, 11);
	assert_int_equal(r->long_sentences[2].line, 7);
	assert_int_equal(r->long_sentences[2].col, 7);
	cspr_readability_free(&r);
	/* exactly at the limit is not long */
	o.long_sentence = 11;
	r = measure_opts(text, &o);
	assert_int_equal(r->nlong, 1);
	cspr_readability_free(&r);
}

/* The undefined acronyms of text as "ACR line:col", comma-separated. */
static char *
acr_opts(const char *text, const struct cspr_readability_opts *o)
{
	static char out[1024];
	struct cspr_readability *r = measure_opts(text, o);
	size_t n = 0;

	out[0] = '\0';
	for (size_t k = 0; k < r->nacronyms; k++)
		n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s %ld:%ld",
		    k ? ", " : "", r->acronyms[k].text, r->acronyms[k].line,
		    r->acronyms[k].col);
	cspr_readability_free(&r);
	return out;
}

static char *
acr(const char *text)
{
	return acr_opts(text, NULL);
}

static void
test_acronyms(void **state)
{
	static const char *const mine[] = {"HSCP", "LIG", NULL};
	struct cspr_readability_opts o = {0, mine};

	(void)state;
	/* defined at first use, either way round */
	assert_string_equal(acr("The Learning and Inquiry Group (LIG) met. "
				"The LIG agreed."),
	    "");
	assert_string_equal(
	    acr("The LIG (Learning and Inquiry Group) met."), "");
	assert_string_equal(
	    acr("Child and Adolescent Mental Health Services "
		"(CAMHS), the Multi-Agency Safeguarding Hub (MASH), a child in "
		"need (CIN), integrated care board (ICB) and the LACs (Looked "
		"After Children)."),
	    "");
	/* not defined: used first, defined later; wrong expansion */
	assert_string_equal(acr("The HSCP met.\nThe Hampshire Safeguarding "
				"Children Partnership (HSCP) met again."),
	    "HSCP 1:5");
	assert_string_equal(acr("The Local Authority (LADO) and the DSL "
				"(lead) met."),
	    "LADO 1:22, DSL 1:36");
	/* one report per acronym, at its first use; plurals, possessives
	 * and hyphenated pieces */
	assert_string_equal(
	    acr("Intro.\n\nThe MASH and the DSLs met; the "
		"MASH\xe2\x80\x99s view and the ICB's.\nCAMHS-led work and "
		"the MASH."),
	    "MASH 3:5, DSL 3:18, ICB 3:52, CAMHS 4:1");
	/* universally understood, Roman numerals, capitals for emphasis,
	 * too long, mixed case, one letter */
	assert_string_equal(
	    acr("GPs, the NHS, the UK, the BBC, TV, OK, "
		"COVID-19, CCTV. Part IV and Appendix XII, section II. Do NOT "
		"share. SUPERCALIFRAGILISTIC. DfE and PhD. A and I."),
	    "");
	/* a line in capitals is a heading, not a use */
	assert_string_equal(
	    acr("## REVIEW OF THE LIG AND MASH\n"
		"Multi-Agency Safeguarding Hub (MASH) work. The LIG met."),
	    "LIG 2:48");
	/* the caller's known acronyms */
	assert_string_equal(
	    acr_opts("The HSCP and the LIG and the ICB.", &o), "ICB 1:30");
	/* acronyms in a table, a list, a heading */
	assert_string_equal(acr("# The SCR\n- an IRO visit\n| DfE | ADCS |"),
	    "SCR 1:7, IRO 2:6, ADCS 3:9");
}

/* Syllables: dictionary counts.  TUNED are the words the rules were
 * written against; HELD_OUT were counted after the rules were fixed and
 * never used to change them.  The held-out misses: poetry, diet, museum,
 * ruin, fluid (two vowels that are two syllables), marriage, colleague,
 * league (silent vowels). */
struct syl {
	const char *w;
	int n;
};

/* clang-format off */
static const struct syl tuned[] = {
	{"child", 1}, {"school", 1}, {"said", 1}, {"were", 1}, {"home", 1},
	{"made", 1}, {"case", 1}, {"time", 1}, {"there", 1}, {"where", 1},
	{"whole", 1}, {"lived", 1}, {"walked", 1}, {"makes", 1},
	{"called", 1}, {"used", 1}, {"course", 1}, {"house", 1}, {"staff", 1},
	{"health", 1}, {"known", 1}, {"through", 1}, {"thought", 1},
	{"aged", 1}, {"year", 1}, {"cause", 1}, {"queue", 1}, {"eye", 1},
	{"does", 1}, {"done", 1}, {"one", 1}, {"some", 1}, {"come", 1},
	{"give", 1}, {"have", 1}, {"more", 1}, {"care", 1}, {"judge", 1},
	{"changed", 1}, {"mother", 2}, {"father", 2}, {"parent", 2},
	{"children", 2}, {"review", 2}, {"police", 2}, {"table", 2},
	{"centre", 2}, {"places", 2}, {"wanted", 2}, {"needed", 2},
	{"handled", 2}, {"issue", 2}, {"value", 2}, {"before", 2},
	{"because", 2}, {"visit", 2}, {"about", 2}, {"people", 2},
	{"being", 2}, {"going", 2}, {"doing", 2}, {"safely", 2},
	{"statement", 2}, {"useful", 2}, {"someone", 2}, {"something", 2},
	{"sometimes", 2}, {"therefore", 2}, {"social", 2}, {"special", 2},
	{"question", 2}, {"partner", 2}, {"meeting", 2}, {"concern", 2},
	{"report", 2}, {"worker", 2}, {"trial", 2}, {"client", 2},
	{"science", 2}, {"quiet", 2}, {"city", 2}, {"every", 2},
	{"business", 2}, {"evening", 2}, {"language", 2}, {"agreed", 2},
	{"practice", 2}, {"service", 2}, {"timely", 2}, {"likely", 2},
	{"prior", 2}, {"whereas", 2}, {"guidance", 2}, {"unique", 2},
	{"region", 2}, {"million", 2}, {"conscious", 2}, {"anxious", 2},
	{"family", 3}, {"different", 3}, {"several", 3}, {"interest", 3},
	{"general", 3}, {"separate", 3}, {"agency", 3}, {"agencies", 3},
	{"families", 3}, {"violence", 3}, {"period", 3}, {"radio", 3},
	{"media", 3}, {"video", 3}, {"theory", 3}, {"actual", 3},
	{"usual", 3}, {"serious", 3}, {"previous", 3}, {"various", 3},
	{"obvious", 3}, {"decision", 3}, {"position", 3}, {"important", 3},
	{"consider", 3}, {"another", 3}, {"however", 3}, {"example", 3},
	{"domestic", 3}, {"recommend", 3}, {"hospital", 3}, {"religious", 3},
	{"opinion", 3}, {"area", 3}, {"idea", 3}, {"earlier", 3},
	{"easier", 3}, {"annual", 3}, {"diary", 3}, {"guardian", 3},
	{"partnership", 3}, {"safeguarding", 3}, {"continue", 3},
	{"situation", 4}, {"evaluate", 4}, {"experience", 4},
	{"appropriate", 4}, {"immediate", 4}, {"anxiety", 4}, {"society", 4},
	{"variety", 4}, {"criteria", 4}, {"material", 4}, {"biology", 4},
	{"practitioner", 4}, {"understanding", 4}, {"education", 4},
	{"professional", 4}, {"information", 4}, {"community", 4},
	{"relationship", 4}, {"particular", 4}, {"especially", 4},
	{"environment", 4}, {"development", 4}, {"necessary", 4},
	{"vulnerable", 4}, {"difficulty", 4}, {"continuing", 4},
	{"identify", 4}, {"individual", 5}, {"immediately", 5},
	{"organisation", 5}, {"recommendations", 5}, {"investigation", 5},
	{"opportunity", 5}, {"analysis", 4}, {"responsibility", 6},
	{"accountability", 6},
};
/* clang-format on */

/* clang-format off */
static const struct syl held_out[] = {
	{"beautiful", 3}, {"quickly", 2}, {"decided", 3}, {"explained", 2},
	{"attended", 3}, {"noticed", 2}, {"returned", 2}, {"described", 2},
	{"arranged", 2}, {"supported", 3}, {"required", 2}, {"involved", 2},
	{"planned", 1}, {"stopped", 1}, {"moved", 1}, {"asked", 1},
	{"helped", 1}, {"happened", 2}, {"followed", 2}, {"reviewed", 2},
	{"received", 2}, {"discussed", 2}, {"increased", 2}, {"closed", 1},
	{"named", 1}, {"based", 1}, {"noted", 2}, {"shared", 1},
	{"caused", 1}, {"minute", 2}, {"simple", 2}, {"little", 2},
	{"middle", 2}, {"possible", 3}, {"sensible", 3}, {"trouble", 2},
	{"teacher", 2}, {"teachers", 2}, {"nurses", 2}, {"houses", 2},
	{"judges", 2}, {"boxes", 2}, {"wishes", 2}, {"matches", 2},
	{"reaches", 2}, {"offices", 3}, {"choices", 2}, {"voices", 2},
	{"homes", 1}, {"lives", 1}, {"names", 1}, {"notes", 1}, {"roles", 1},
	{"rules", 1}, {"assessment", 3}, {"agreement", 3}, {"involvement", 3},
	{"arrangement", 3}, {"movement", 2}, {"engagement", 3},
	{"achievement", 3}, {"hopeful", 2}, {"careful", 2}, {"helpful", 2},
	{"homeless", 2}, {"lonely", 2}, {"lovely", 2}, {"nicely", 2},
	{"closely", 2}, {"entirely", 3}, {"extremely", 3}, {"completely", 3},
	{"strategy", 3}, {"policy", 3}, {"history", 3}, {"memory", 3},
	{"energy", 3}, {"country", 2}, {"money", 2}, {"journey", 2},
	{"daughter", 2}, {"brother", 2}, {"sister", 2}, {"grandmother", 3},
	{"mental", 2}, {"physical", 3}, {"medical", 3}, {"clinical", 3},
	{"emotional", 4}, {"national", 3}, {"local", 2}, {"problem", 2},
	{"system", 2}, {"support", 2}, {"contact", 2}, {"outcome", 2},
	{"advice", 2}, {"response", 2}, {"process", 2}, {"purpose", 2},
	{"seven", 2}, {"eleven", 3}, {"hundred", 2}, {"thousand", 2},
	{"teenager", 3}, {"toddler", 2}, {"infant", 2}, {"newborn", 2},
	{"neglect", 2}, {"abuse", 2}, {"injury", 3}, {"injuries", 3},
	{"bruising", 2}, {"fracture", 2}, {"decide", 2}, {"provide", 2},
	{"include", 2}, {"improve", 2}, {"receive", 2}, {"describe", 2},
	{"quality", 3}, {"equal", 2}, {"usually", 4}, {"actually", 4},
	{"eventually", 5}, {"believe", 2}, {"achieve", 2}, {"piece", 1},
	{"field", 1}, {"poetry", 3}, {"violent", 3}, {"diet", 2},
	{"museum", 3}, {"ruin", 2}, {"fluid", 2}, {"courage", 2},
	{"marriage", 2}, {"village", 2}, {"message", 2}, {"orange", 2},
	{"colleague", 2}, {"league", 1}, {"unknown", 2}, {"workforce", 2},
	{"housework", 2}, {"lifestyle", 2}, {"timescale", 2}, {"caseload", 2},
	{"throughout", 2}, {"whatever", 3}, {"whenever", 3},
};
/* clang-format on */

static int
score(const struct syl *v, size_t n)
{
	int ok = 0;

	for (size_t k = 0; k < n; k++)
		if (cspr_syllables(v[k].w, strlen(v[k].w)) == v[k].n)
			ok++;
	return ok;
}

static void
test_syllable_table(void **state)
{
	size_t nt = sizeof(tuned) / sizeof(tuned[0]);
	size_t nh = sizeof(held_out) / sizeof(held_out[0]);
	int ot = score(tuned, nt), oh = score(held_out, nh);

	(void)state;
	print_message("# syllables: %d/%zu tuned (%.1f%%), %d/%zu held out "
		      "(%.1f%%), %d/%zu in all (%.1f%%)\n",
	    ot, nt, 100.0 * ot / nt, oh, nh, 100.0 * oh / nh, ot + oh, nt + nh,
	    100.0 * (ot + oh) / (nt + nh));
	assert_true(nt + nh >= 60);
	assert_int_equal(ot, nt);
	assert_true(100.0 * oh / nh >= 94.0);
}

static void
test_syllable_rules(void **state)
{
	/* clang-format off */
	static const struct syl v[] = {
	    /* spelled out: no vowel, in capitals */
	    {"NHS", 3}, {"GP", 2}, {"HSCP", 4}, {"WWW", 9}, {"CAMHS", 1},
	    {"UK", 2}, {"LIG", 1},
	    /* numbers: a syllable a digit, at most four */
	    {"3", 1}, {"15", 2}, {"2026", 4}, {"1,000,000", 4}, {"9.12.1", 4},
	    /* hyphens, apostrophes, accents, case */
	    {"multi-agency", 5}, {"well-being", 3}, {"child's", 1},
	    {"parents'", 2}, {"caf\xc3\xa9", 2}, {"FAMILY", 3}, {"Family", 3},
	    {"e.g.", 1}, {"2nd", 1},
	    /* nothing to count */
	    {"", 0}, {"---", 0}, {"''", 0},
	};
	/* clang-format on */

	(void)state;
	for (size_t k = 0; k < sizeof(v) / sizeof(v[0]); k++) {
		int got = cspr_syllables(v[k].w, strlen(v[k].w));

		if (got != v[k].n)
			print_error("%s: %d, want %d\n", v[k].w, got, v[k].n);
		assert_int_equal(got, v[k].n);
	}
	assert_int_equal(cspr_syllables(NULL, 5), 0);
	/* length, not NUL, ends the word */
	assert_int_equal(cspr_syllables("family", 3), 1);
	assert_int_equal(cspr_syllables("fam\0ily", 7), 3);
}

/* The report in tests/data: a realistic mix of everything. */
static void
test_report_file(void **state)
{
	const char *top = getenv("CSP_TOP");
	char path[1024], *buf;
	struct cspr_readability *r;
	FILE *f;
	long n;
	size_t len;

	(void)state;
	snprintf(path, sizeof(path), "%s/tests/data/text/report.md",
	    top ? top : ".");
	f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n);
	assert_non_null(buf);
	len = fread(buf, 1, (size_t)n, f);
	fclose(f);
	r = cspr_readability(buf, len, NULL);
	assert_non_null(r);
	assert_true(r->words > 300);
	assert_true(r->sentences > 20);
	assert_true(r->flesch_reading_ease > 20 && r->flesch_reading_ease < 80);
	/* 2.3, one sentence of 43 words (the paragraph number is one) */
	assert_int_equal(r->nlong, 1);
	assert_int_equal(r->long_sentences[0].line, 31);
	assert_int_equal(r->long_sentences[0].col, 1);
	assert_int_equal(r->long_sentences[0].words, 43);
	/* LIG, CAMHS and MASH are spelled out, GP is known */
	assert_int_equal(r->nacronyms, 2);
	assert_string_equal(r->acronyms[0].text, "DSL");
	assert_int_equal(r->acronyms[0].line, 25);
	assert_int_equal(r->acronyms[0].col, 36);
	assert_string_equal(r->acronyms[1].text, "ICPC");
	assert_int_equal(r->acronyms[1].line, 35);
	assert_int_equal(r->acronyms[1].col, 8);
	cspr_readability_free(&r);
	free(buf);
}

/* Arbitrary bytes: no crash, nothing read out of bounds, sane results. */
static void
test_junk(void **state)
{
	static const char *const bits[] = {"word", " ", "\n", "\r\n", ".", "!",
	    "?", "...", "e.g.", "Dr.", "etc.", "3.5", "(", ")", "[", "](", "![",
	    "`", "**", "_", "|", "# ", "- ", "1. ", "> ", "```", "---", "<",
	    ">", "\\", "\xe2\x80\x99", "\xe2\x80\xa6", "\xc3", "\xa9", "\0",
	    "LIG", "GPs", "(LIG)", "Learning", "and", "http://x.y", "[^",
	    "\xff", "'s", "-", "IV", "NOT"};
	uint32_t seed = 4242;

	(void)state;
	for (int round = 0; round < 4000; round++) {
		char buf[300];
		size_t len = 0;
		int n = (int)(seed % 60);
		struct cspr_readability *r;
		char *t;

		for (int k = 0; k < n; k++) {
			const char *b;
			size_t bl;

			seed = seed * 1103515245u + 12345u;
			b = bits[(seed >> 16) % (sizeof(bits) / sizeof(*bits))];
			bl = *b ? strlen(b) : 1;
			if (len + bl > sizeof(buf))
				break;
			memcpy(buf + len, b, bl);
			len += bl;
		}
		seed = seed * 1103515245u + 12345u;
		t = malloc(len ? len : 1);
		assert_non_null(t);
		memcpy(t, buf, len);
		r = cspr_readability(t, len, NULL);
		assert_non_null(r);
		assert_true(r->words >= 0 && r->sentences >= 0);
		assert_true(r->words == 0 || r->sentences > 0);
		assert_true(r->syllables >= r->words - 1000);
		for (size_t k = 0; k < r->nlong; k++)
			assert_true(r->long_sentences[k].off < len);
		for (size_t k = 0; k < r->nacronyms; k++) {
			assert_true(r->acronyms[k].off < len);
			assert_true(strlen(r->acronyms[k].text) >= 2);
		}
		cspr_readability_free(&r);
		free(t);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_text1_plain),
	    cmocka_unit_test(test_text2_markdown),
	    cmocka_unit_test(test_text3_table),
	    cmocka_unit_test(test_text4_numbers),
	    cmocka_unit_test(test_empty),
	    cmocka_unit_test(test_sentence_splitting),
	    cmocka_unit_test(test_long_sentences),
	    cmocka_unit_test(test_acronyms),
	    cmocka_unit_test(test_syllable_table),
	    cmocka_unit_test(test_syllable_rules),
	    cmocka_unit_test(test_report_file),
	    cmocka_unit_test(test_junk),
	};

	return cmocka_run_group_tests_name("readability", tests, NULL, NULL);
}
