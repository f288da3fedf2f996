/*
 * replay.c - a main() for the fuzz harnesses without libFuzzer, so that
 * `make check` (and check-asan) builds them with the tools and runs the
 * seeds, and every input that ever crashed one (kept in tests/fuzz/seeds),
 * through them:
 *
 *	fuzz_NAME file ...
 *
 * Each file is one input.  A harness aborts on anything wrong; this exits 0
 * when every input went through, 2 when a file could not be read.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
main(int argc, char **argv)
{
	int status = 0;

	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		uint8_t *buf = NULL;
		size_t n = 0, cap = 0, r;

		if (!f) {
			perror(argv[i]);
			status = 2;
			continue;
		}
		do {
			if (n == cap) {
				uint8_t *p = realloc(buf, cap = cap ? cap * 2 :
				    65536);

				if (!p) {
					perror("replay");
					return 2;
				}
				buf = p;
			}
			r = fread(buf + n, 1, cap - n, f);
			n += r;
		} while (r > 0);
		if (ferror(f)) {
			perror(argv[i]);
			status = 2;
		} else {
			LLVMFuzzerTestOneInput(buf, n);
		}
		fclose(f);
		free(buf);
	}
	return status;
}
