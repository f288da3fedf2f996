/*
 * test_schema_suite.c - the official JSON-Schema-Test-Suite (draft-07)
 * against schema.c, one cmocka test per case.
 *
 * The suite is read as Debian's json-schema-test-suite package installs it,
 * or from $CSPR_SCHEMA_SUITE (its tests/draft7 directory): every file there
 * but refRemote.json, which needs a web server, plus optional/format/
 * date.json and date-time.json, the formats the case schema relies on.
 * There is no skip list: every case must pass.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "csprcore.h"

#define DEFAULT_SUITE "/usr/share/json-schema-test-suite/tests/draft7"

static const char *const optional_files[] = {
    "optional/format/date.json",
    "optional/format/date-time.json",
};

/* One case: borrowed from its file's tree, which outlives the run. */
struct tcase {
	char *name;
	json_t *schema, *data;
	int valid;
};

static void
run_case(void **state)
{
	struct tcase *t = *state;
	struct cspr_errors e = {0};
	struct cspr_schema *s;
	char why[512] = "";
	size_t i;
	int n = -1;

	if (!(s = cspr_schema_compile(t->schema, &e))) {
		snprintf(why, sizeof(why), "schema did not compile: %s",
		    e.n ? e.v[0].message : "(no diagnostic)");
	} else if ((n = cspr_schema_validate(s, t->data, &e)) < 0) {
		snprintf(why, sizeof(why), "validation ran out of memory");
	} else if ((size_t)n != e.n) {
		snprintf(
		    why, sizeof(why), "returned %d but reported %zu", n, e.n);
	} else if ((n == 0) != t->valid) {
		snprintf(why, sizeof(why), "expected %s, got %d failures",
		    t->valid ? "valid" : "invalid", n);
		for (i = 0; i < e.n; i++)
			print_message(
			    "# %s: %s\n", e.v[i].path, e.v[i].message);
	}
	cspr_schema_free(&s);
	cspr_errors_clear(&e);
	if (why[0])
		fail_msg("%s", why);
}

struct suite {
	json_t **files;
	size_t nfiles;
	struct CMUnitTest *tests;
	struct tcase *cases;
	size_t n, cap;
};

static int
add_case(struct suite *su, const char *file, json_t *group, json_t *test)
{
	const char *gd =
	    json_string_value(json_object_get(group, "description"));
	const char *td =
	    json_string_value(json_object_get(test, "description"));
	json_t *valid = json_object_get(test, "valid");
	struct tcase *t;
	int len;

	if (!gd || !td || !json_is_boolean(valid) ||
	    !json_object_get(group, "schema") || !json_object_get(test, "data"))
		return -1;
	if (su->n == su->cap) {
		size_t cap = su->cap ? su->cap * 2 : 256;
		struct tcase *c = realloc(su->cases, cap * sizeof(*c));

		if (!c)
			return -1;
		su->cases = c;
		su->cap = cap;
	}
	t = &su->cases[su->n];
	len = snprintf(NULL, 0, "%s: %s: %s", file, gd, td);
	if (len < 0 || !(t->name = malloc((size_t)len + 1)))
		return -1;
	snprintf(t->name, (size_t)len + 1, "%s: %s: %s", file, gd, td);
	t->schema = json_object_get(group, "schema");
	t->data = json_object_get(test, "data");
	t->valid = json_is_true(valid);
	su->n++;
	return 0;
}

static int
load_file(struct suite *su, const char *dir, const char *file)
{
	char path[4096];
	json_error_t err;
	json_t *root, **f;
	size_t i, j;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	if (!(root = json_load_file(path, 0, &err))) {
		fprintf(stderr, "test_schema_suite: %s:%d: %s\n", path,
		    err.line, err.text);
		return -1;
	}
	if (!(f = realloc(su->files, (su->nfiles + 1) * sizeof(*f)))) {
		json_decref(root);
		return -1;
	}
	su->files = f;
	su->files[su->nfiles++] = root;
	for (i = 0; i < json_array_size(root); i++) {
		json_t *group = json_array_get(root, i);
		json_t *tests = json_object_get(group, "tests");

		for (j = 0; j < json_array_size(tests); j++) {
			if (add_case(su, file, group,
				json_array_get(tests, j)) < 0) {
				fprintf(stderr,
				    "test_schema_suite: %s: malformed case or "
				    "out of memory\n",
				    path);
				return -1;
			}
		}
	}
	return 0;
}

static int
is_suite_file(const struct dirent *d)
{
	size_t n = strlen(d->d_name);

	return n > 5 && !strcmp(d->d_name + n - 5, ".json") &&
	       strcmp(d->d_name, "refRemote.json") != 0;
}

int
main(void)
{
	const char *dir = getenv("CSPR_SCHEMA_SUITE");
	struct dirent **ents = NULL;
	struct suite su = {0};
	int i, nents, rc = 1;
	size_t k;

	if (!dir || !*dir)
		dir = DEFAULT_SUITE;
	if ((nents = scandir(dir, &ents, is_suite_file, alphasort)) < 0) {
		perror(dir);
		fprintf(stderr,
		    "test_schema_suite: the JSON-Schema-Test-Suite is missing: "
		    "install the Debian package json-schema-test-suite, or "
		    "set CSPR_SCHEMA_SUITE to its tests/draft7 directory\n");
		printf(
		    "Bail out! JSON-Schema-Test-Suite not found in %s\n", dir);
		return 1;
	}
	for (i = 0; i < nents; i++)
		if (rc == 1 && load_file(&su, dir, ents[i]->d_name) < 0)
			rc = 2;
	for (k = 0; k < sizeof(optional_files) / sizeof(optional_files[0]); k++)
		if (rc == 1 && load_file(&su, dir, optional_files[k]) < 0)
			rc = 2;
	for (i = 0; i < nents; i++)
		free(ents[i]);
	free(ents);
	if (rc == 1 && nents == 0) {
		fprintf(stderr, "test_schema_suite: %s: no test files\n", dir);
		rc = 2;
	}
	if (rc == 1 && !(su.tests = calloc(su.n, sizeof(*su.tests))))
		rc = 2;
	if (rc == 1) {
		for (k = 0; k < su.n; k++) {
			su.tests[k].name = su.cases[k].name;
			su.tests[k].test_func = run_case;
			su.tests[k].initial_state = &su.cases[k];
		}
		printf("# JSON-Schema-Test-Suite draft-07: %zu cases from "
		       "%zu files in %s\n",
		    su.n, su.nfiles, dir);
		/* cmocka_run_group_tests_name() takes the count from sizeof,
		 * which a malloc'd array does not have: call what it expands
		 * to. */
		rc = _cmocka_run_group_tests(
		    "schema-suite", su.tests, su.n, NULL, NULL);
		printf("# JSON-Schema-Test-Suite draft-07: %zu cases, %zu "
		       "passed, %d failed\n",
		    su.n, su.n - (size_t)rc, rc);
	} else {
		printf("Bail out! could not load the JSON-Schema-Test-Suite\n");
		rc = 1;
	}
	for (k = 0; k < su.n; k++)
		free(su.cases[k].name);
	free(su.cases);
	free(su.tests);
	for (k = 0; k < su.nfiles; k++)
		json_decref(su.files[k]);
	free(su.files);
	return rc != 0;
}
