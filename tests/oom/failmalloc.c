/*
 * failmalloc.c - an LD_PRELOAD shim that makes one allocation fail, for
 * tests/cli/oom.sh: with CSP_FAIL_MALLOC=k set, the k-th call to malloc,
 * calloc, realloc or strdup in the process returns NULL (and sets ENOMEM);
 * with CSP_MALLOC_COUNT=file set, the number of calls made is written
 * there at exit.  Everything else is passed to the real allocator.  Not
 * for the sanitizer builds, whose allocator must come first.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static void (*real_free)(void *);
static long count, fail_at = -1;
static int resolving;

/* dlsym may itself call calloc before the real one is known: from here */
static char boot[4096];
static size_t nboot;

static void
resolve(void)
{
	const char *k;

	if (real_malloc || resolving)
		return;
	resolving = 1;
	real_malloc = (void *(*)(size_t))dlsym(RTLD_NEXT, "malloc");
	real_calloc = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "calloc");
	real_realloc = (void *(*)(void *, size_t))dlsym(RTLD_NEXT, "realloc");
	real_free = (void (*)(void *))dlsym(RTLD_NEXT, "free");
	if ((k = getenv("CSP_FAIL_MALLOC")) && *k)
		fail_at = atol(k);
	resolving = 0;
}

static int
fails(void)
{
	if (++count == fail_at) {
		errno = ENOMEM;
		return 1;
	}
	return 0;
}

void *
malloc(size_t n)
{
	resolve();
	if (!real_malloc)
		return NULL;
	return fails() ? NULL : real_malloc(n);
}

void *
calloc(size_t n, size_t size)
{
	resolve();
	if (!real_calloc) { /* inside dlsym */
		size_t want = (n * size + 15) & ~(size_t)15;
		void *p;

		if (nboot + want > sizeof(boot))
			return NULL;
		p = boot + nboot;
		nboot += want;
		return p; /* static, so already zero */
	}
	return fails() ? NULL : real_calloc(n, size);
}

void *
realloc(void *p, size_t n)
{
	resolve();
	return fails() ? NULL : real_realloc(p, n);
}

void
free(void *p)
{
	if ((char *)p >= boot && (char *)p < boot + sizeof(boot))
		return;
	resolve();
	real_free(p);
}

char *
strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);

	return p ? memcpy(p, s, n) : NULL;
}

__attribute__((destructor)) static void
report(void)
{
	const char *f = getenv("CSP_MALLOC_COUNT");
	FILE *fp;

	if (f && *f) {
		fail_at = -1; /* fopen allocates */
		if ((fp = fopen(f, "w"))) {
			fprintf(fp, "%ld\n", count);
			fclose(fp);
		}
	}
}
