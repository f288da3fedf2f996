/*
 * fuzz_schema.c - libFuzzer harness for the schema compiler and validator,
 * since --schema is user input: any JSON text that jansson reads is
 * compiled (cspr_schema_compile) and, when it compiles, a few instances
 * are validated against it.  Besides the sanitizers, and libFuzzer's
 * -timeout and -rss_limit_mb (tests/fuzz/run.sh), it checks that a schema
 * refused and an instance invalid each say why, and that every diagnostic
 * is printable text (cspr_printable).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csprcore.h"
#include "printable.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const instances[] = {
	"[1, \"a\", null, -1.5, \"2026-11-26\"]",
	("{\"id\": \"HSCP-2026-001\", \"partnership\": \"Testshire\", "
	"\"child\": {\"dob\": \"2020-01-01\"}, \"x-a\": [{}, []]}"),
	"{\"a\": {\"b\": {\"c\": [true, false, {\"d\": 1e10}]}}}",
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cspr_errors e = {0};
	struct cspr_schema *s;
	json_error_t je;
	json_t *j;

	if (!(j = json_loadb((const char *)data, size, JSON_DECODE_ANY |
	    JSON_REJECT_DUPLICATES, &je)))
		return 0;
	s = cspr_schema_compile(j, &e);
	json_decref(j);
	if (!s && e.n == 0)
		abort(); /* a refusal always says why */
	printable(&e);
	cspr_errors_clear(&e);
	for (size_t i = 0; s && i < sizeof(instances) / sizeof(*instances);
	    i++) {
		json_t *v = json_loads(instances[i], JSON_DECODE_ANY, NULL);
		int n;

		if (!v)
			abort();
		n = cspr_schema_validate(s, v, &e);
		json_decref(v);
		if (n < 0 || (n > 0 && e.n == 0))
			abort();
		printable(&e);
		cspr_errors_clear(&e);
	}
	cspr_schema_free(&s);
	return 0;
}
