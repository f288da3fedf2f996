/*
 * test_possible.c - possible.c: what looks identifying though the case
 * does not list it.  One table per kind, hits and non-hits; every name,
 * place and number here is made up.
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
    "{\"id\": \"T-P\", \"partnership\": \"Testshire Safeguarding Children "
    "Partnership\", \"local_authority\": \"Testshire\","
    " \"child\": {\"first_name\": \"Poppy\", \"last_name\": \"Testcase\","
    "  \"pseudonym\": \"Child P\"},"
    " \"professionals\": [{\"name\": \"Ann Example\", \"role\": \"GP\","
    "  \"agency\": \"Shamford Surgery\"}],"
    " \"review\": {\"reviewer\": {\"name\": \"Olwen Examplereviewer\"}}}";

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

/* The finds in text as "[kind:text]", space-separated; the known
 * identifiers of the case are left to identifiers.c, as publish.c does. */
static const char *
finds(const struct cspr_detector *d, const char *text)
{
	static char out[2048];
	struct cspr_hits h = {0};
	struct cspr_maybes m = {0};
	size_t o = 0, len = strlen(text);
	char *buf = malloc(len ? len : 1);

	assert_non_null(buf);
	memcpy(buf, text, len); /* exactly its length, for the sanitizers */
	assert_true(cspr_detect(d, buf, len, &h) >= 0);
	assert_true(cspr_maybe_scan(d, buf, len, &h, &m) >= 0);
	out[0] = '\0';
	for (size_t k = 0; k < m.n; k++)
		o += (size_t)snprintf(out + o, sizeof(out) - o, "%s[%s:%.*s]",
		    k ? " " : "", cspr_maybe_kind_name(m.v[k].kind),
		    (int)m.v[k].len, buf + m.v[k].off);
	cspr_maybes_clear(&m);
	cspr_hits_clear(&h);
	free(buf);
	return out;
}

struct row {
	const char *text, *want;
};

static void
table(void **state, const struct row *rows, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		print_message("%s\n", rows[k].text);
		assert_string_equal(finds(*state, rows[k].text), rows[k].want);
	}
}

#define TABLE(rows) table(state, rows, sizeof(rows) / sizeof(rows[0]))

static void
test_names(void **state)
{
	static const struct row rows[] = {
		/* proper nouns that are no English word */
		{.text = "She met Keira at school.", .want = "[name:Keira]"},
		{.text = "They saw Keira Smith-Jones.",
		    .want = "[name:Keira Smith-Jones]"},
		{.text = "and O'Neill, McAllister, MacDonald too",
		    .want = "[name:O'Neill] [name:McAllister] [name:MacDonald]"},
		{.text = "with Zo\xc3\xab and Chlo\xc3\xab's coat",
		    .want = "[name:Zo\xc3\xab] [name:Chlo\xc3\xab's]"},
		/* after a title, words included */
		{.text = "Mrs Hope and Dr. Farrow spoke.",
		    .want = "[name:Hope] [name:Farrow]"},
		{.text = "PC Dev Rose arrived.", .want = "[name:Dev Rose]"},
		{.text = "Mrs Adebayo from next door", .want = "[name:Adebayo]"},
		/* after her friend, his uncle, the mother's new partner */
		{.text = "Later her friend Rose called.", .want = "[name:Rose]"},
		{.text = "then his uncle Dev came", .want = "[name:Dev]"},
		{.text = "the mother's new partner, Dean Farrow, moved in",
		    .want = "[name:Dean Farrow]"},
		/* not these: words, sentence starts, acronyms, the case's own */
		{.text = "We hope Rose and Will are well. Hope is here.",
		    .want = ""},
		{.text = "Keira went home.", .want = ""},
		{.text = "The GPs and the NHS met CAMHS.", .want = ""},
		{.text = "In Testshire the Partnership, Child P and Olwen "
			 "Examplereviewer met Shamford staff.", .want = ""},
		{.text = "On Monday in December, at Christmas, in England.",
		    .want = ""},
		{.text = "Poppy Testcase is listed: identifiers.c's.", .want = ""},
		{.text = "a Multi-Agency meeting; the Children's Services "
			 "plan", .want = ""},
		{.text = "her friend said; his uncle, who", .want = ""},
		{.text = "- Keira\n# Farrow\n\nKeira said", .want = ""},
		{.text = "1. Keira\n2) Farrow\n(b) Dean said", .want = ""},
		{.text = "pens etc. Keira came", .want = ""},
		/* a stop that ends no sentence (text.c) */
		{.text = "a friend, e.g. Keira, came",
		    .want = "[name:Keira]"},
		{.text = "see para. 9 Keira said", .want = "[name:Keira]"},
		{.text = "it rose 3.5 Keira said", .want = "[name:Keira]"},
	};

	TABLE(rows);
}

static void
test_places(void **state)
{
	static const struct row rows[] = {
		{.text = "at Hillcrest Infant School today",
		    .want = "[school:Hillcrest Infant School]"},
		{.text = "Hillcrest Primary was told.",
		    .want = "[school:Hillcrest Primary]"},
		{.text = "on Farrow Road, near Elm Close",
		    .want = "[street:Farrow Road] [street:Elm Close]"},
		{.text = "the GP at Notreal Surgery and St Mary's Church",
		    .want = "[place:Notreal Surgery] [place:St Mary's Church]"},
		{.text = "in Bluebell Ward at Hightown Hospital",
		    .want = "[place:Bluebell Ward] [place:Hightown Hospital]"},
		/* not these: general words, the case's own surgery, lower
		 * case */
		{.text = "the Primary School and the Community Hospital",
		    .want = ""},
		{.text = "at Shamford Surgery", .want = ""},
		{.text = "a primary school on a busy road", .want = ""},
		{.text = "The Local Authority and the Royal County Hospital",
		    .want = ""},
	};

	TABLE(rows);
}

static void
test_shapes(void **state)
{
	static const struct row rows[] = {
		{.text = "a car, AB12 CDE, and a van A123 BCD",
		    .want = "[vehicle:AB12 CDE] [vehicle:A123 BCD]"},
		{.text = "NI QQ 12 34 56 C or qq123456c",
		    .want = "[ni_number:QQ 12 34 56 C] [ni_number:qq123456c]"},
		{.text = "on Snapchat as @keira_x2.", .want = "[handle:@keira_x2]"},
		{.text = "see www.madeup-site.co.uk/page and https://notreal.org.",
		    .want = "[url:www.madeup-site.co.uk/page] "
			    "[url:https://notreal.org]"},
		{.text = "at keira-smith.co.uk now",
		    .want = "[url:keira-smith.co.uk]"},
		{.text = "a brother, born 2 March 2013, and one born on "
			 "02/03/2015",
		    .want = "[dob:2 March 2013] [dob:02/03/2015]"},
		{.text = "Date of birth: 2013-03-02; DOB March 2, 2013",
		    .want = "[dob:2013-03-02] [dob:March 2, 2013]"},
		{.text = "born Sept 2nd, 2013, born 4th of Feb 2014",
		    .want = "[dob:Sept 2nd, 2013] [dob:4th of Feb 2014]"},
		/* not these */
		{.text = "AB12 3CD is a postcode shape; ab12 cde; XAB12 CDE",
		    .want = ""},
		{.text = "QQ 12 34 56 E, QQ 12 34 5 C", .want = ""},
		{.text = "mail a.b@example.org; see www.gov.uk and "
			 "england.nhs.uk", .want = ""},
		{.text = "born in March 2013; born 2013; e.g. and i.e.",
		    .want = ""},
		{.text = "born Marching 2, 2013; born 2 Mayday 2013", .want = ""},
		{.text = "version 1.2 and 3.5 hours", .want = ""},
	};

	TABLE(rows);
}

static void
test_positions_and_labels(void **state)
{
	struct cspr_maybes m = {0};
	const char *text = "Line one.\nShe met Keira.";

	assert_int_equal(cspr_maybe_scan(*state, text, strlen(text), NULL,
	    &m), 1);
	assert_int_equal(m.v[0].line, 2);
	assert_int_equal(m.v[0].col, 9);
	assert_string_equal(cspr_maybe_label(m.v[0].kind), "[name]");
	assert_string_equal(cspr_maybe_label(CSPR_MAYBE_SCHOOL), "[school]");
	assert_string_equal(cspr_maybe_label(CSPR_MAYBE_STREET), "[street]");
	cspr_maybes_clear(&m);
	assert_null(m.v);
	/* any bytes */
	assert_int_equal(cspr_maybe_scan(*state, "\xff\xfe K\0eira", 9, NULL,
	    &m), 0);
	assert_int_equal(cspr_maybe_scan(*state, NULL, 0, NULL, &m), 0);
	cspr_maybes_clear(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_places),
		cmocka_unit_test(test_shapes),
		cmocka_unit_test(test_positions_and_labels),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
