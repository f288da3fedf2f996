/*
 * test_identifiers.c - identifiers.c: what is and is not an identifier.
 *
 * Every person, number and place here is made up: Ofcom's drama ranges for
 * phone numbers (01632 960xxx, 07700 900xxx, 020 7946 0xxx), NHS numbers in
 * the 999 test range that pass the modulus 11 check, the ZZ99 and SO99
 * pseudo-postcodes, example.org for e-mail.  Each test states hits as
 * "kind line:col" so that a failure shows what was found where.
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
#include "unit.h"

static const char case_json[] =
    "{\"id\": \"HSCP-2026-014\", \"partnership\": \"Hampshire\","
    " \"child\": {\"first_name\": \"Poppy\", \"last_name\": \"Testcase\","
    "  \"aliases\": [\"Pops\"], \"pseudonym\": \"Child A\","
    "  \"dob\": \"2019-04-02\", \"nhs_number\": \"999 000 0018\","
    "  \"address\": \"12 Madeup Road, Testtown, Hampshire\","
    "  \"postcode\": \"ZZ99 3CZ\"},"
    " \"family\": ["
    "  {\"name\": \"Marigold Testcase\", \"relationship\": \"mother\","
    "   \"dob\": \"1990-11-23\", \"aliases\": [\"Goldie\"]},"
    "  {\"name\": \"Rose Hope\", \"relationship\": \"grandmother\"},"
    "  {\"name\": \"Will Brown\", \"relationship\": \"sibling\"},"
    "  {\"name\": \"May Young\", \"relationship\": \"sibling\"},"
    "  {\"name\": \"Zo\xc3\xab \xc3\x85ngstr\xc3\xb6m\", \"relationship\": "
    "\"aunt\"}],"
    " \"professionals\": ["
    "  {\"name\": \"Dr Fenella Fakename\", \"role\": \"GP\","
    "   \"agency\": \"Testshire Surgery\"},"
    "  {\"name\": \"Bartholomew Notreal\", \"role\": \"social worker\","
    "   \"agency\": \"Children's Services\"}],"
    " \"referral\": {\"referrer\": {\"name\": \"Quentin Placeholder\","
    "  \"agency\": \"Police\", \"phone\": \"01632 960001\","
    "  \"email\": \"Q.Placeholder@example.org\"}},"
    " \"review\": {\"reviewer\": {\"name\": \"Jane Hope\"}}}";

static int
setup(void **state)
{
	return unit_detector_setup(state, case_json);
}

static int
teardown(void **state)
{
	return unit_detector_teardown(state);
}

/* The hits in text as "kind line:col", comma-separated.  The text is copied
 * into a buffer of exactly its length, so that reading past the end is
 * caught by the sanitizers and valgrind. */
static char *
scan_len(const struct cspr_detector *d, const char *text, size_t len)
{
	static char out[2048];
	struct cspr_hits h = {0};
	char *buf = malloc(len ? len : 1);
	size_t o = 0;

	assert_non_null(buf);
	memcpy(buf, text, len);
	assert_true(cspr_detect(d, buf, len, &h) >= 0);
	out[0] = '\0';
	for (size_t k = 0; k < h.n; k++)
		o += (size_t)snprintf(out + o, sizeof(out) - o, "%s%s %ld:%ld",
		    k ? ", " : "", cspr_id_kind_name(h.v[k].kind), h.v[k].line,
		    h.v[k].col);
	cspr_hits_clear(&h);
	free(buf);
	return out;
}

static char *
scan(const struct cspr_detector *d, const char *text)
{
	return scan_len(d, text, strlen(text));
}

/* The text of the hits, for checking off and len. */
static char *
spans(const struct cspr_detector *d, const char *text)
{
	static char out[2048];
	struct cspr_hits h = {0};
	size_t o = 0;

	assert_true(cspr_detect(d, text, strlen(text), &h) >= 0);
	out[0] = '\0';
	for (size_t k = 0; k < h.n; k++)
		o += (size_t)snprintf(out + o, sizeof(out) - o, "%s[%.*s]",
		    k ? " " : "", (int)h.v[k].len, text + h.v[k].off);
	cspr_hits_clear(&h);
	return out;
}

static char *
redact(const struct cspr_detector *d, const char *text)
{
	static char out[4096];
	size_t n;
	char *r = cspr_redact(d, text, strlen(text), &n);

	assert_non_null(r);
	assert_int_equal(n, strlen(r));
	snprintf(out, sizeof(out), "%s", r);
	free(r);
	return out;
}

static void
test_kind_names(void **state)
{
	(void)state;
	assert_string_equal(cspr_id_kind_name(CSPR_ID_NAME), "name");
	assert_string_equal(cspr_id_kind_name(CSPR_ID_ALIAS), "alias");
	assert_string_equal(cspr_id_kind_name(CSPR_ID_DOB), "dob");
	assert_string_equal(
	    cspr_id_kind_name(CSPR_ID_NHS_NUMBER), "nhs_number");
	assert_string_equal(cspr_id_kind_name(CSPR_ID_ADDRESS), "address");
	assert_string_equal(cspr_id_kind_name(CSPR_ID_POSTCODE), "postcode");
	assert_string_equal(cspr_id_kind_name(CSPR_ID_PHONE), "phone");
	assert_string_equal(cspr_id_kind_name(CSPR_ID_EMAIL), "email");
	assert_string_equal(
	    cspr_id_kind_name((enum cspr_id_kind)99), "unknown");
}

static void
test_case_labels(void **state)
{
	const struct cspr_detector *d = *state;
	const char *want[] = {"Child A", "Child A", "[date of birth removed]",
	    "[NHS number removed]", "[address removed]", "[postcode removed]",
	    "Mother", "Mother", "[date of birth removed]", "Grandmother",
	    "Sibling 1", "Sibling 2", "Aunt", "GP, Testshire Surgery",
	    "Social worker, Children's Services", "Referrer, Police",
	    "[phone removed]", "[email removed]"};
	size_t n = sizeof(want) / sizeof(want[0]);

	assert_int_equal(cspr_detector_count(d), n);
	for (size_t k = 0; k < n; k++)
		assert_string_equal(cspr_detector_label(d, (int)k), want[k]);
	assert_int_equal(cspr_detector_kind(d, 1), CSPR_ID_ALIAS);
	assert_int_equal(cspr_detector_kind(d, 2), CSPR_ID_DOB);
	assert_null(cspr_detector_label(d, -1));
	assert_null(cspr_detector_label(d, (int)n));
	/* the reviewer is never an item */
	for (size_t k = 0; k < n; k++)
		assert_null(strstr(cspr_detector_label(d, (int)k), "Jane"));
}

static void
test_names(void **state)
{
	const struct cspr_detector *d = *state;

	/* the full name is one hit; parts alone, any case */
	assert_string_equal(
	    scan(d, "Poppy Testcase attended school."), "name 1:1");
	assert_string_equal(
	    spans(d, "Poppy Testcase attended school."), "[Poppy Testcase]");
	assert_string_equal(
	    scan(d, "We saw poppy and then TESTCASE."), "name 1:8, name 1:23");
	assert_string_equal(spans(d, "Testcase, Poppy; Poppy J. Testcase"),
	    "[Testcase, Poppy] [Poppy] [Testcase]");
	/* possessives and plurals: the name without the ending */
	assert_string_equal(
	    spans(d, "Poppy's school and Poppy\xe2\x80\x99s "
		     "home; the Testcases' house and the Testcases"),
	    "[Poppy] [Poppy] [Testcase] [Testcase]");
	/* aliases */
	assert_string_equal(scan(d, "She was known as Pops, or Goldie."),
	    "alias 1:18, alias 1:27");
	/* words run together with an apostrophe, but not contractions */
	{
		struct cspr_detector *x = cspr_detector_new();

		assert_true(cspr_detector_add(
				x, CSPR_ID_NAME, "Don Madeup", "Father") >= 0);
		assert_string_equal(spans(x, "I don't know; Don's car; "
					     "Don\xe2\x80\x99madeup; o'Madeup"),
		    "[Don] "
		    "[Don\xe2\x80\x99madeup] [Madeup]");
		cspr_detector_free(&x);
	}
	assert_string_equal(
	    spans(d, "Poppy\xe2\x80\x99placeholder"), "[Poppy] [placeholder]");
	/* whole words only */
	assert_string_equal(scan(d, "Poppyseed, Testcases2, untestcase, "
				    "xPoppy"),
	    "");
	/* a professional's title is not a name part */
	assert_string_equal(spans(d, "Dr Fakename and Dr Smith met Fenella."),
	    "[Fakename] [Fenella]");
	/* hyphenated: each piece of a text word */
	assert_string_equal(spans(d, "The Testcase-Smith family, "
				     "Smith-Testcase too."),
	    "[Testcase] [Testcase]");
	/* different people side by side are two hits */
	assert_string_equal(spans(d, "Marigold Poppy"), "[Marigold] [Poppy]");
	/* the text is not a line of markup: links, emphasis */
	assert_string_equal(
	    spans(d, "**Poppy** [Testcase](x)"), "[Poppy] [Testcase]");
}

static void
test_common_word_names(void **state)
{
	const struct cspr_detector *d = *state;

	/* "Rose Hope", "Will Brown", "May Young": every part an everyday
	 * word */
	assert_string_equal(spans(d, "Rose Hope visited."), "[Rose Hope]");
	assert_string_equal(spans(d, "Hope said she would come."), "[Hope]");
	assert_string_equal(spans(d, "Brown told the nurse."), "[Brown]");
	assert_string_equal(scan(d, "We hope that the brown door is painted "
				    "in May 2026, as young people will."),
	    "");
	assert_string_equal(
	    scan(d, "Young people were seen. Will the "
		    "partnership act? May I add that the rose is red."),
	    "");
	assert_string_equal(spans(d, "The nurse told Hope that Young was "
				     "late."),
	    "[Hope] [Young]");
	assert_string_equal(spans(d, "May Young visited in May and on 2 May "
				     "and by May."),
	    "[May Young]");
	assert_string_equal(spans(d, "The social worker called May about the "
				     "visit."),
	    "[May]");
	assert_string_equal(
	    spans(d, "Will Brown will attend."), "[Will Brown]");
	assert_string_equal(spans(d, "Later Mrs Hope arrived. Hope's view "
				     "was clear."),
	    "[Hope] [Hope]");
	/* lower case neighbours are not enough */
	assert_string_equal(scan(d, "a rose hope"), "");
	/* the documented miss: a sentence-initial everyday word followed by
	 * an everyday verb form */
	assert_string_equal(scan(d, "Hope is important."), "");
	/* a sentence starts at a stop that ends one (text.c), not at a
	 * title's, an abbreviation's or a decimal's; and at a list item */
	assert_string_equal(scan(d, "Pens etc. Hope is important.\n"
				    "2) Hope is important."),
	    "");
	assert_string_equal(spans(d, "We spoke to the family, e.g. Hope is "
				     "important to them."),
	    "[Hope]");
	assert_string_equal(spans(d, "On p. 4 Hope is important."), "[Hope]");
}

static void
test_strict(void **state)
{
	struct cspr_detector *d = *state;

	/* for anonymisation the miss above is not accepted: a capitalised
	 * part counts at the start of a sentence too, but a lower case word
	 * and a month in a date still do not */
	cspr_detector_strict(d, 1);
	assert_string_equal(spans(d, "Hope is important. Young people were "
				     "seen."),
	    "[Hope] [Young]");
	assert_string_equal(scan(d, "We hope that the brown door is painted "
				    "in May 2026, as young people will."),
	    "");
	assert_string_equal(redact(d, "Will went home."), "Sibling 1 went home.");
	cspr_detector_strict(d, 0);
	assert_string_equal(scan(d, "Hope is important."), "");
}

static void
test_reviewer_exempt(void **state)
{
	const struct cspr_detector *d = *state;

	assert_string_equal(
	    spans(d,
		"The reviewer, Jane Hope, met Rose Hope. "
		"Hope said little. Jane Hope\xe2\x80\x99s report follows."),
	    "[Rose Hope] [Hope]");
	assert_string_equal(scan(d, "Reviewer: Dr Jane Hope"), "");
	/* a one-word exemption would silence a family name: ignored */
	{
		struct cspr_detector *x = cspr_detector_new();

		assert_int_equal(cspr_detector_add(x, CSPR_ID_NAME, "Rose Hope",
				     "Grandmother"),
		    0);
		assert_int_equal(cspr_detector_exempt(x, "Hope"), 0);
		assert_int_equal(cspr_detector_exempt(x, "Dr Hope"), 0);
		assert_string_equal(spans(x, "Mrs Hope"), "[Hope]");
		cspr_detector_free(&x);
	}
}

static void
test_accents(void **state)
{
	const struct cspr_detector *d = *state;
	struct cspr_detector *x = cspr_detector_new();

	/* accents in the case, not in the text */
	assert_string_equal(spans(d, "Zoe Angstrom and ZOE ANGSTROM"),
	    "[Zoe Angstrom] [ZOE ANGSTROM]");
	/* accents in the text, not in the case; columns in characters */
	assert_string_equal(scan(d, "\xc3\x89t\xc3\xa9: M\xc3\xa1rigold and "
				    "T\xc3\xa9stcase"),
	    "name 1:6, name 1:19");
	assert_string_equal(scan(d, "Zo\xc3\xab\xe2\x80\x99s caf\xc3\xa9 "
				    "\xe2\x80\x94 Poppy"),
	    "name 1:1, name 1:14");
	/* decomposed: e and a combining acute */
	assert_string_equal(spans(d, "Poppe\xcc\x81 Testcase"), "[Testcase]");
	assert_string_equal(spans(d, "Zoe\xcc\x88"), "[Zoe\xcc\x88]");
	/* sharp s, ae, o slash, l stroke */
	assert_non_null(x);
	assert_true(cspr_detector_add(
			x, CSPR_ID_NAME, "Jonas Strau\xc3\x9f", "Father") >= 0);
	assert_true(cspr_detector_add(x, CSPR_ID_NAME,
			"S\xc3\xb8ren "
			"\xc5\x81ukasz \xc3\x86lfric",
			"Uncle") >= 0);
	assert_string_equal(spans(x, "Strauss; Soren; Lukasz and Aelfric"),
	    "[Strauss] [Soren] [Lukasz] [Aelfric]");
	/* apostrophes: ' and the typographic one are the same */
	assert_true(
	    cspr_detector_add(x, CSPR_ID_NAME, "Niamh O'Madeup", "Aunt") >= 0);
	assert_string_equal(spans(x, "O\xe2\x80\x99Madeup\xe2\x80\x99s car, "
				     "o'madeup, Madeup"),
	    "[O\xe2\x80\x99Madeup] [o'madeup]");
	cspr_detector_free(&x);
}

static void
test_initials(void **state)
{
	struct cspr_detector *x = cspr_detector_new();

	(void)state;
	assert_true(
	    cspr_detector_add(x, CSPR_ID_NAME, "J Madeup", "Father") >= 0);
	/* a one-letter part alone is nothing; next to the surname, it joins
	 * it */
	assert_string_equal(spans(x, "J went home. J Madeup came; J. Madeup "
				     "too."),
	    "[J Madeup] [J. Madeup]");
	cspr_detector_free(&x);
}

/* Known names however they are spelt (issue 11): apostrophes and inner
 * spaces, Mc and Mac, hyphenated names run together. */
static void
test_name_variants(void **state)
{
	static const struct {
		const char *text, *want;
	} rows[] = {
		{.text = "Sean O'Brien came", .want = "[Sean O'Brien]"},
		{.text = "Mr OBrien came", .want = "[OBrien]"},
		{.text = "Mr O Brien came", .want = "[O Brien]"},
		{.text = "Sean O Brien came", .want = "[Sean O Brien]"},
		{.text = "Mr O\xe2\x80\x99" "Brien\xe2\x80\x99s car",
		    .want = "[O\xe2\x80\x99" "Brien]"},
		{.text = "Mr O'Briens", .want = "[O'Brien]"},
		{.text = "Ava McAllister", .want = "[Ava McAllister]"},
		{.text = "Ms Mc Allister", .want = "[Mc Allister]"},
		{.text = "Ms MacAllister", .want = "[MacAllister]"},
		{.text = "Ms Mac Allister", .want = "[Mac Allister]"},
		{.text = "Ian McDonald", .want = "[Ian McDonald]"},
		{.text = "Mr Mcdonald and Mr Mac Donald", .want = "[Mcdonald] [Mac Donald]"},
		{.text = "Mr MacDonald", .want = "[MacDonald]"},
		{.text = "MaryJane and Mary Jane", .want = "[MaryJane] [Mary Jane]"},
		{.text = "Mary-Jane SmithJones", .want = "[Mary-Jane SmithJones]"},
		{.text = "the Smith Jones family", .want = "[Smith Jones]"},
		/* not these */
		{.text = "Brien, Allister, Donald and Mac came.", .want = ""},
		{.text = "a Mac and a Mc, OBrienz, O Brienz", .want = ""},
		{.text = "the OBriens' house", .want = "[OBrien]"},
		{.text = "Machine, Macintosh, Mcdonalds", .want = ""},
	};
	struct cspr_detector *x = cspr_detector_new();

	(void)state;
	assert_non_null(x);
	assert_true(cspr_detector_add(x, CSPR_ID_NAME, "Sean O'Brien",
	    "Father") >= 0);
	assert_true(cspr_detector_add(x, CSPR_ID_NAME, "Ava McAllister",
	    "Mother") >= 0);
	assert_true(cspr_detector_add(x, CSPR_ID_NAME, "Ian MacDonald",
	    "Uncle") >= 0);
	assert_true(cspr_detector_add(x, CSPR_ID_NAME, "Mary-Jane Smith-Jones",
	    "Aunt") >= 0);
	for (size_t k = 0; k < sizeof(rows) / sizeof(rows[0]); k++) {
		print_message("%s\n", rows[k].text);
		assert_string_equal(spans(x, rows[k].text), rows[k].want);
	}
	cspr_detector_free(&x);
}

/* Known numbers however they are written (issue 11): the case's postcode
 * ZZ99 3CZ, NHS number 999 000 0018, phone 01632 960001 and date of
 * birth 2019-04-02, each with its item. */
static void
test_known_variants(void **state)
{
	static const struct {
		const char *text, *want;
	} rows[] = {
		{.text = "at zz99-3cz.", .want = "[zz99-3cz]"},
		{.text = "at ZZ99.3CZ", .want = "[ZZ99.3CZ]"},
		{.text = "at Zz 99 3cZ", .want = "[Zz 99 3cZ]"},
		{.text = "at zz993cz", .want = "[zz993cz]"},
		{.text = "NHS 999 0000 018", .want = "[999 0000 018]"},
		{.text = "NHS 999-0000-018", .want = "[999-0000-018]"},
		{.text = "NHS 999.000.0018", .want = "[999.000.0018]"},
		{.text = "NHS 99 90 00 00 18", .want = "[99 90 00 00 18]"},
		{.text = "ring 0044 1632 960001", .want = "[0044 1632 960001]"},
		{.text = "ring 00441632960001", .want = "[00441632960001]"},
		{.text = "ring +44 1632 960 001", .want = "[+44 1632 960 001]"},
		{.text = "ring 01632.960.001", .want = "[01632.960.001]"},
		{.text = "born 20190402.", .want = "[20190402]"},
		{.text = "born 02 04 2019", .want = "[02 04 2019]"},
		{.text = "born 2 APRIL 2019", .want = "[2 APRIL 2019]"},
		{.text = "born 2019/04/02", .want = "[2019/04/02]"},
		/* not these */
		{.text = "zz99-3cy, zz99-3czz, xzz99 3cz", .want = ""},
		{.text = "999 0000 019, 99900000187, 1999 000 0018", .want = ""},
		{.text = "20190403, 201904021, 02 04 2018", .want = ""},
		{.text = "0033 1 23 45 67 89", .want = ""},
		{.text = "any UK number: 0044 1632 960002", .want = "[0044 1632 960002]"},
	};
	const struct cspr_detector *d = *state;

	for (size_t k = 0; k < sizeof(rows) / sizeof(rows[0]); k++) {
		print_message("%s\n", rows[k].text);
		assert_string_equal(spans(d, rows[k].text), rows[k].want);
	}
}

static void
test_dob_formats(void **state)
{
	const struct cspr_detector *d = *state;

	assert_string_equal(
	    scan(d, "born 2019-04-02\n"
		    "born 02/04/2019 or 2/4/2019 or 2/4/19\n"
		    "born 02.04.2019 or 02-04-2019\n"
		    "born 2 April 2019, 2nd April 2019, 2 Apr 2019\n"
		    "born April 2 2019, April 2nd, 2019, 2nd of April 2019\n"
		    "born 2 apr. 2019 and 2 April\n2019\n"),
	    "dob 1:6, "
	    "dob 2:6, dob 2:20, dob 2:32, "
	    "dob 3:6, dob 3:20, "
	    "dob 4:6, dob 4:20, dob 4:36, "
	    "dob 5:6, dob 5:20, dob 5:37, "
	    "dob 6:6, dob 6:22");
	/* the mother's dob too */
	assert_string_equal(
	    scan(d, "On 23 November 1990 she was born."), "dob 1:4");
	/* other dates are not identifiers */
	assert_string_equal(
	    scan(d, "2019-04-03, 03/04/2019, 2 April 2020, "
		    "April 2019, 4/2/2019 (US order), in 2019, 2019-04-021, "
		    "12/02/04/2019"),
	    "");
}

static void
test_nhs_numbers(void **state)
{
	const struct cspr_detector *d = *state;
	struct cspr_detector *x = cspr_detector_new();

	/* contiguous, spaced, hyphenated; any passing the check */
	assert_string_equal(scan(d, "NHS 9990000026; 999 000 0034;\n"
				    "999-000-0042 and (9990000050)."),
	    "nhs_number 1:5, nhs_number 1:17, nhs_number 2:1, "
	    "nhs_number 2:19");
	/* bad check digits, mixed separators, longer runs */
	assert_string_equal(
	    scan(d, "9990000000 9990000001 999 000-0026 "
		    "99900000261 19990000026 9990000026a 999  000 0026"),
	    "");
	/* a check digit of 10 is never valid */
	assert_string_equal(scan(d, "9990000007 1234567890"), "");
	/* a three-digit group after another number still counts */
	assert_string_equal(
	    scan(d, "In 2019 999 000 0026 was used"), "nhs_number 1:9");
	/* the case's own number, and a known one with a bad check digit */
	assert_non_null(x);
	assert_int_equal(
	    cspr_detector_add(x, CSPR_ID_NHS_NUMBER, "999 000 0000", NULL), 0);
	{
		struct cspr_hits h = {0};

		assert_int_equal(cspr_detect(x, "ref 9990000000.", 15, &h), 1);
		assert_int_equal(h.v[0].item, 0);
		assert_int_equal(cspr_detect(d, "ref 9990000018.", 15, &h), 1);
		assert_int_equal(h.v[0].item, 3);
		assert_string_equal(
		    cspr_hit_label(d, &h.v[0]), "[NHS number removed]");
		cspr_hits_clear(&h);
	}
	cspr_detector_free(&x);
}

static void
test_phones(void **state)
{
	const struct cspr_detector *d = *state;
	struct cspr_hits h = {0};

	assert_string_equal(
	    scan(d,
		"Call 01632 960002, 07700 900123, "
		"07700900124,\n(01632) 960003, 020 7946 0018, 0161 496 0000,\n"
		"+44 7700 900125, +44 (0)1632 960004, +447700900126, "
		"07700-900-127"),
	    "phone 1:6, phone 1:20, phone 1:34, "
	    "phone 2:1, phone 2:17, phone 2:32, "
	    "phone 3:1, phone 3:18, phone 3:38, phone 3:53");
	/* an 11-digit phone number is not an NHS number, and a 10-digit
	 * number starting 01 that passes the check is a phone number */
	assert_string_equal(scan(d, "07700900123 1632960001 0163296006"),
	    "phone 1:1, nhs_number 1:13, phone 1:24");
	/* not phone numbers: too short, too long, not UK, years, times */
	assert_string_equal(
	    scan(d, "01632 9600, 0912345678, "
		    "+33 1 23 45 67 89, 2026 10:30, 0.5, 01/01/2026"),
	    "");
	/* the referrer's number is a known item */
	assert_int_equal(cspr_detect(d, "Ring 01632-960001.", 18, &h), 1);
	assert_int_equal(h.v[0].kind, CSPR_ID_PHONE);
	assert_string_equal(
	    cspr_detector_label(d, h.v[0].item), "[phone removed]");
	assert_int_equal(cspr_detector_kind(d, h.v[0].item), CSPR_ID_PHONE);
	cspr_hits_clear(&h);
}

static void
test_postcodes(void **state)
{
	const struct cspr_detector *d = *state;
	struct cspr_hits h = {0};

	assert_string_equal(
	    scan(d, "ZZ99 3CZ, SO99 9ZZ, SO999ZZ, M1 1AA, "
		    "B33 8TH, CR2 6XH, W1A 0AX, EC1A 1BB, So99 9zz"),
	    "postcode 1:1, postcode 1:11, postcode 1:21, postcode 1:30, "
	    "postcode 1:38, postcode 1:47, postcode 1:56, postcode 1:65, "
	    "postcode 1:75");
	/* inside words, lower case, ordinals, outward parts alone */
	assert_string_equal(
	    scan(d,
		"XSO99 9ZZ, SO99 9ZZX, SO99 9ZZ9, "
		"so99 9zz, A1 2nd, the SO99 area, COVID19, ABC123, MP3, H2O"),
	    "");
	/* the case's own postcode, in any case */
	assert_int_equal(cspr_detect(d, "at zz99 3cz or ZZ993CZ", 22, &h), 2);
	assert_int_equal(h.v[0].item, 5);
	assert_int_equal(h.v[1].item, 5);
	cspr_hits_clear(&h);
}

static void
test_emails(void **state)
{
	const struct cspr_detector *d = *state;

	assert_string_equal(
	    spans(d,
		"Write to poppy.testcase@example.org, "
		"q.placeholder@EXAMPLE.org or <a.b-c+d@mail.example.co.uk>."),
	    "[poppy.testcase@example.org] [q.placeholder@EXAMPLE.org] "
	    "[a.b-c+d@mail.example.co.uk]");
	assert_string_equal(scan(d, "a@b, @example.org, x@example, x@.org, "
				    "x@example.c, @@@, user@"),
	    "");
}

static void
test_address(void **state)
{
	const struct cspr_detector *d = *state;
	struct cspr_detector *x = cspr_detector_new();

	assert_string_equal(
	    scan(d, "She lived at 12 Madeup Road, then "
		    "madeup  road,\nthen 12 MADEUP\nRD and Madeup Rd."),
	    "address 1:14, address 1:35, address 2:6, address 3:8");
	assert_string_equal(spans(d, "12 Madeup Road"), "[12 Madeup Road]");
	/* the town and county are not identifiers alone, nor is a road
	 * word or the number */
	assert_string_equal(scan(d, "Testtown, Hampshire, 12 Road, Madeup "
				    "Lane"),
	    "");
	/* a house name and a flat: the next line is the street */
	assert_true(cspr_detector_add(x, CSPR_ID_ADDRESS,
			"Rose Cottage, "
			"Fakeley Lane, Testtown",
			NULL) >= 0);
	assert_true(cspr_detector_add(x, CSPR_ID_ADDRESS,
			"Flat 3, 7 "
			"Notreal Street\nTestville",
			NULL) >= 0);
	assert_string_equal(
	    spans(x,
		"Rose Cottage on Fakeley Ln in "
		"Testtown; Flat 3, 7 Notreal Street; Notreal St; Testville"),
	    "[Rose Cottage] [Fakeley Ln] [Flat 3, 7 Notreal Street] "
	    "[Notreal St]");
	cspr_detector_free(&x);
	/* the flat or unit number of the first line, alone or with the
	 * street, and the house number without the flat (issue 11) */
	x = cspr_detector_new();
	assert_true(cspr_detector_add(x, CSPR_ID_ADDRESS,
			"Flat 3B, 12 Madeup Road, Testtown", NULL) >= 0);
	assert_true(cspr_detector_add(x, CSPR_ID_ADDRESS,
			"Unit 4 Fakeley Court, Testville", NULL) >= 0);
	assert_string_equal(spans(x, "She lived in flat 3B, then at "
				     "12 Madeup Road; 3B 12 Madeup Road."),
	    "[flat 3B] [12 Madeup Road] [3B 12 Madeup Road]");
	assert_string_equal(spans(x, "Unit 4 and 4 Fakeley Court; "
				     "unit 4 fakeley court"),
	    "[Unit 4] [4 Fakeley Court] [unit 4 fakeley court]");
	assert_string_equal(spans(x, "Flat 3, unit 5, 3B, 12 Road"), "");
	cspr_detector_free(&x);
}

static void
test_false_positives(void **state)
{
	const struct cspr_detector *d = *state;

	assert_string_equal(
	    scan(d,
		"Case HSCP-2026-014, section 9.12.1 and paragraph 4.4 (page "
		"12).\n"
		"It cost \xc2\xa3"
		"1,250.00 on 3 March 2026 at 10:30; ref "
		"1234567890, 2019, 2026-11-26,\n"
		"tel. extension 4021, 01 02 03, 7 working days, 20% of 150 "
		"families.\n"
		"The Child Safeguarding Practice Review Panel met the LIG.\n"),
	    "");
}

static void
test_lines_crlf_utf8(void **state)
{
	const struct cspr_detector *d = *state;

	assert_string_equal(
	    scan(d, "Line one\r\nPoppy here\r\n  "
		    "\xe2\x80\x9cTestcase\xe2\x80\x9d\r\n\r\n\t07700 900123"),
	    "name 2:1, name 3:4, phone 5:2");
	/* invalid UTF-8 counts one column a byte */
	assert_string_equal(scan(d, "\xff\xfe Poppy \xc3 Testcase \xe2\x80"),
	    "name 1:4, name 1:12");
	/* NULs inside the buffer: words on either side, not joined */
	assert_string_equal(
	    scan_len(d, "Poppy\0Testcase\0", 15), "name 1:1, name 1:7");
	/* words too long to be names, with and without hyphens (found by
	 * fuzzing: a long word's pieces once clobbered its folded form) */
	{
		char w[300];

		memset(w, 't', sizeof(w));
		memcpy(w + 200, "-Poppy-", 7);
		memcpy(w + 250, "'9990000026 ", 12);
		assert_string_equal(
		    scan_len(d, w, sizeof(w)), "name 1:202, nhs_number 1:252");
	}
	/* the text need not end in NUL: a name at the very end */
	assert_string_equal(scan_len(d, "see Poppy", 9), "name 1:5");
	assert_string_equal(scan_len(d, "07700 900123", 12), "phone 1:1");
	assert_string_equal(scan_len(d, "x@example.org", 13), "email 1:1");
	assert_string_equal(scan_len(d, "SO99 9ZZ", 8), "postcode 1:1");
	assert_string_equal(scan_len(d, "2 April 2019", 12), "dob 1:1");
	assert_string_equal(scan_len(d, "9990000026", 10), "nhs_number 1:1");
	assert_string_equal(scan_len(d, "", 0), "");
}

static void
test_overlaps(void **state)
{
	const struct cspr_detector *d = *state;

	/* the longest match wins: an e-mail over the names in it, the
	 * address over a name, a phone over an NHS window inside it */
	assert_string_equal(scan(d, "poppy.testcase@example.org"), "email 1:1");
	assert_string_equal(scan(d, "+44 161 496 0000"), "phone 1:1");
}

static void
test_empty_detector(void **state)
{
	struct cspr_detector *x = cspr_detector_new();
	struct cspr_hits h = {0};

	(void)state;
	assert_non_null(x);
	assert_int_equal(cspr_detector_count(x), 0);
	assert_string_equal(scan(x, "Poppy Testcase, 9990000026, SO99 9ZZ, "
				    "07700 900123, a@example.org, 2019-04-02"),
	    "nhs_number 1:17, postcode 1:29, phone 1:39, email 1:53");
	assert_int_equal(cspr_detect(x, NULL, 0, &h), 0);
	assert_int_equal(cspr_detect(x, NULL, 3, &h), -1);
	cspr_hits_clear(&h);
	cspr_detector_free(&x);
	cspr_detector_free(&x);
	/* a case that is not an object, or is empty */
	x = cspr_detector_from_case(NULL);
	assert_non_null(x);
	assert_int_equal(cspr_detector_count(x), 0);
	cspr_detector_free(&x);
}

static void
test_redact(void **state)
{
	const struct cspr_detector *d = *state;

	assert_string_equal(
	    redact(d,
		"Dr Fakename saw Poppy's mother, "
		"Marigold Testcase, at 12 Madeup Road on 02/04/2019; call "
		"01632 960001 or 07700 900999, write "
		"q.placeholder@example.org."),
	    "GP, Testshire Surgery saw Child A's mother, Mother, at "
	    "[address removed] on [date of birth removed]; call "
	    "[phone removed] or [phone removed], write [email removed].");
	assert_string_equal(
	    redact(d,
		"Rose Hope and Will Brown; May Young. "
		"NHS 999 000 0026, ZZ99 3CZ. The reviewer Jane Hope met Mrs "
		"Hope."),
	    "Grandmother and Sibling 1; Sibling 2. NHS [NHS number removed], "
	    "[postcode removed]. The reviewer Jane Hope met Grandmother.");
	/* a title means an adult: the mother, not the child, shares the
	 * surname; a bracket stays unless it encloses the area code */
	assert_string_equal(redact(d, "Mrs Testcase told Dr. Fakename "
				      "(01632 960001) and (01632) 960001."),
	    "Mother told GP, Testshire Surgery ([phone removed]) and "
	    "[phone removed].");
	/* a name run into an e-mail address becomes a word of its own once
	 * the address is gone: the redaction goes round again (found by
	 * fuzzing) */
	assert_string_equal(redact(d, "Poppy\xe2\x80\x99w.team@example.org."),
	    "Child A\xe2\x80\x99[email removed].");
	assert_string_equal(redact(d, "nothing here"), "nothing here");
	assert_string_equal(redact(d, ""), "");
}

/* Read a file under tests/data/text into memory. */
static char *
slurp(const char *name, size_t *len)
{
	const char *top = getenv("CSP_TOP");
	char path[1024];
	FILE *f;
	char *buf;
	long n;

	snprintf(
	    path, sizeof(path), "%s/tests/data/text/%s", top ? top : ".", name);
	if (!(f = fopen(path, "rb")))
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	*len = fread(buf, 1, (size_t)n, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static void
test_redact_rescan(void **state)
{
	const struct cspr_detector *d = *state;
	struct cspr_hits h = {0};
	size_t len, rlen;
	char *text = slurp("identifying-report.md", &len), *r;

	assert_non_null(text);
	assert_true(cspr_detect(d, text, len, &h) >= 20);
	r = cspr_redact(d, text, len, &rlen);
	assert_non_null(r);
	assert_int_equal(cspr_detect(d, r, rlen, &h), 0);
	/* the reviewer stays named (9.15.1) */
	assert_non_null(strstr(r, "Jane Hope"));
	cspr_hits_clear(&h);
	free(r);
	free(text);
}

/* Arbitrary bytes: no crash, no read out of bounds, hits inside the text
 * and in order, and a redaction that scans clean. */
static void
test_junk(void **state)
{
	const struct cspr_detector *d = *state;
	static const char *const bits[] = {"Poppy", " ", "\n", "\r\n", "'s",
	    "\xe2\x80\x99", "-", ".", ",", "@", "example.org", "999", "000",
	    "0026", "07700", "900123", "+44", "(0)", "SO99", "9ZZ", "2",
	    "April", "2019", "/", "\xc3", "\xa9", "\0", "Hope", "Rose", "Mrs",
	    "Testcase", "Madeup", "Road", "12", "Jane", "\xff", "J", "May"};
	struct cspr_hits h = {0};
	uint32_t seed = 12345;

	for (int round = 0; round < 3000; round++) {
		char buf[256];
		size_t len = 0, rlen;
		int n = (int)(seed % 40);
		char *r;

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
		{
			char *t = malloc(len ? len : 1);
			size_t end = 0;

			assert_non_null(t);
			memcpy(t, buf, len);
			assert_true(cspr_detect(d, t, len, &h) >= 0);
			for (size_t k = 0; k < h.n; k++) {
				assert_true(h.v[k].off >= end);
				assert_true(h.v[k].len > 0);
				end = h.v[k].off + h.v[k].len;
				assert_true(end <= len);
			}
			r = cspr_redact(d, t, len, &rlen);
			assert_non_null(r);
			assert_int_equal(cspr_detect(d, r, rlen, &h), 0);
			free(r);
			free(t);
		}
	}
	cspr_hits_clear(&h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_kind_names),
	    cmocka_unit_test(test_initials),
	    cmocka_unit_test(test_empty_detector),
	    cmocka_unit_test_setup_teardown(test_case_labels, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_names, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		test_common_word_names, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		test_reviewer_exempt, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_strict, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_accents, setup, teardown),
	    cmocka_unit_test(test_name_variants),
	    cmocka_unit_test_setup_teardown(test_known_variants, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_dob_formats, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_nhs_numbers, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_phones, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_postcodes, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_emails, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_address, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		test_false_positives, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		test_lines_crlf_utf8, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_overlaps, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_redact, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		test_redact_rescan, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_junk, setup, teardown),
	};

	return cmocka_run_group_tests_name("identifiers", tests, NULL, NULL);
}
