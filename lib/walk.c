/*
 * walk.c - the one operand walker, so every tool treats its operands the
 * same way: none, or "-", is one case on standard input; a directory is
 * walked for *.yaml and *.yml files, hidden entries skipped, in sorted
 * order so output is the same on every machine; anything else is handed on
 * as it is, and the loader reports it if it cannot be read.  A bad operand
 * never stops the others.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csprcore.h"

#define MAX_DIR_DEPTH 32 /* symlinked directories could loop */

struct walk {
	int (*fn)(const char *path, void *arg);
	void *arg;
	struct cspr_errors *e;
	int status;
};

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
is_case_name(const char *name)
{
	size_t n = strlen(name);

	return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
	    (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

static void
note(struct walk *w, int status)
{
	if (status > w->status)
		w->status = status;
}

static void walk_dir(struct walk *w, const char *dir, int depth);

static void
visit(struct walk *w, const char *path, int depth, int operand)
{
	struct stat st;
	int known = stat(path, &st) == 0;

	if (known && S_ISDIR(st.st_mode)) {
		walk_dir(w, path, depth);
		return;
	}
	if (!operand && (!known || !S_ISREG(st.st_mode)))
		return; /* a dangling link or a device inside a folder */
	note(w, w->fn(path, w->arg));
}

static void
walk_dir(struct walk *w, const char *dir, int depth)
{
	size_t n = 0, cap = 0, dlen = strlen(dir);
	char **names = NULL;
	struct dirent *d;
	DIR *dp;

	if (depth > MAX_DIR_DEPTH) {
		cspr_errors_add(w->e, dir, 0, 0, NULL,
		    "folders nested too deeply (a symbolic link loop?)");
		note(w, CSPR_ERROR);
		return;
	}
	if (!(dp = opendir(dir))) {
		cspr_errors_add(w->e, dir, 0, 0, NULL, "cannot open: %s",
		    strerror(errno));
		note(w, CSPR_ERROR);
		return;
	}
	while ((d = readdir(dp))) {
		char *name;

		if (d->d_name[0] == '.')
			continue;
		if (n == cap) {
			char **p;

			cap = cap ? cap * 2 : 64;
			if (!(p = realloc(names, cap * sizeof(*p))))
				goto oom;
			names = p;
		}
		if (!(name = strdup(d->d_name)))
			goto oom;
		names[n++] = name;
	}
	closedir(dp);
	dp = NULL;
	qsort(names, n, sizeof(*names), cmp);
	for (size_t i = 0; i < n; i++) {
		size_t len = dlen + strlen(names[i]) + 2;
		char *path = malloc(len);
		struct stat st;

		if (!path)
			goto oom;
		snprintf(path, len, "%s%s%s", dir,
		    dlen && dir[dlen - 1] == '/' ? "" : "/", names[i]);
		if (stat(path, &st) == 0 &&
		    (S_ISDIR(st.st_mode) || is_case_name(names[i])))
			visit(w, path, depth + 1, 0);
		free(path);
	}
	goto out;
oom:
	cspr_errors_add(w->e, dir, 0, 0, NULL, "out of memory");
	note(w, CSPR_ERROR);
	if (dp)
		closedir(dp);
out:
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

int
cspr_walk(int argc, char *const argv[],
    int (*fn)(const char *path, void *arg), void *arg, struct cspr_errors *e)
{
	struct walk w = {fn, arg, e, CSPR_OK};

	if (argc == 0)
		return fn("-", arg);
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0)
			note(&w, fn("-", arg));
		else
			visit(&w, argv[i], 0, 1);
	}
	return w.status;
}
