/*
 * walk.c - the one operand walker, so every tool treats its operands the
 * same way: none, or "-", is one case on standard input; a directory is
 * walked for *.yaml and *.yml files (any case: .YAML, .Yml), hidden entries
 * skipped, in sorted order so output is the same on every machine;
 * anything else is handed on as it is, and the reader reports it if it
 * cannot be read (a FIFO, a device, a dangling link).  So every operand
 * and every walked file gives one record or one diagnostic.  A bad operand
 * never stops the others.
 *
 * Each folder is walked once, known by its device and inode, however many
 * links lead to it: a link back to a folder being walked (a loop) is one
 * diagnostic, another way into one already walked is passed over quietly.
 * There is no limit on depth; real folders may be as deep as the system
 * lets them.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "internal.h"

/* A folder: its device and inode. */
struct dirid {
	dev_t dev;
	ino_t ino;
};

struct walk {
	int (*fn)(const char *path, void *arg);
	void *arg;
	struct cspr_errors *e;
	int status;
	/* the folders walked (open addressing, cap a power of two) */
	struct dirid *seen;
	size_t nseen, capseen;
	/* the folders being walked, from the operand down */
	struct dirid *open;
	size_t nopen, capopen;
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

	return (n > 5 && strcasecmp(name + n - 5, ".yaml") == 0) ||
	    (n > 4 && strcasecmp(name + n - 4, ".yml") == 0);
}

static void
note(struct walk *w, int status)
{
	if (status > w->status)
		w->status = status;
}

static size_t
dir_hash(const struct dirid *d)
{
	uint64_t h = (uint64_t)d->dev * 0x9e3779b97f4a7c15ULL ^ (uint64_t)d->ino;

	return (size_t)(h ^ h >> 29) * 0xbf58476d1ce4e5b9ULL >> 7;
}

/* Add d to the folders walked; 1 when it was there already, -1 on out of
 * memory. */
static int
seen(struct walk *w, const struct dirid *d)
{
	size_t h;

	if (w->nseen * 2 >= w->capseen) {
		size_t cap = w->capseen ? w->capseen * 2 : 64;
		struct dirid *v = calloc(cap, sizeof(*v));
		struct dirid *old = w->seen;
		size_t oldcap = w->capseen;

		if (!v)
			return -1;
		w->seen = v;
		w->capseen = cap;
		w->nseen = 0;
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].ino || old[i].dev)
				seen(w, &old[i]);
		free(old);
	}
	for (h = dir_hash(d) & (w->capseen - 1);
	    w->seen[h].ino || w->seen[h].dev; h = (h + 1) & (w->capseen - 1))
		if (w->seen[h].dev == d->dev && w->seen[h].ino == d->ino)
			return 1;
	w->seen[h] = *d;
	w->nseen++;
	return 0;
}

static void walk_dir(struct walk *w, const char *dir, const struct stat *st);

static void
visit(struct walk *w, const char *path)
{
	struct stat st;
	int known = stat(path, &st) == 0;

	if (known && S_ISDIR(st.st_mode)) {
		walk_dir(w, path, &st);
		return;
	}
	/* whatever else it is, the reader says */
	note(w, w->fn(path, w->arg));
}

static void
walk_dir(struct walk *w, const char *dir, const struct stat *dst)
{
	size_t n = 0, cap = 0, dlen = strlen(dir);
	struct dirid id = {dst->st_dev, dst->st_ino};
	char **names = NULL;
	struct dirent *d;
	DIR *dp = NULL;
	int r;

	for (size_t i = 0; i < w->nopen; i++)
		if (w->open[i].dev == id.dev && w->open[i].ino == id.ino) {
			cspr_errors_add(w->e, dir, 0, 0, NULL, "a symbolic "
			    "link loop: this folder is being walked already");
			note(w, CSPR_ERROR);
			return;
		}
	if ((r = seen(w, &id)) != 0) {
		if (r < 0)
			goto oom;
		return; /* walked already by another way */
	}
	if (cspr_grow(&w->open, &w->capopen, w->nopen + 1,
	    sizeof(*w->open)) < 0)
		goto oom;
	w->open[w->nopen++] = id;
	if (!(dp = opendir(dir))) {
		cspr_errors_add(w->e, dir, 0, 0, NULL, "cannot open: %s",
		    strerror(errno));
		note(w, CSPR_ERROR);
		w->nopen--;
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
		/* a case's name is handed on whatever it is, so that a FIFO
		 * or a dangling link is reported, not passed over */
		if (is_case_name(names[i]) ||
		    (stat(path, &st) == 0 && S_ISDIR(st.st_mode)))
			visit(w, path);
		free(path);
	}
	w->nopen--;
	goto out;
oom:
	cspr_errors_add(w->e, dir, 0, 0, NULL, "out of memory");
	note(w, CSPR_ERROR);
	if (dp)
		closedir(dp);
	if (w->nopen && w->open[w->nopen - 1].dev == id.dev &&
	    w->open[w->nopen - 1].ino == id.ino)
		w->nopen--;
out:
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

int
cspr_walk(int argc, char *const argv[],
    int (*fn)(const char *path, void *arg), void *arg, struct cspr_errors *e)
{
	struct walk w = {.fn = fn, .arg = arg, .e = e, .status = CSPR_OK};

	if (argc == 0)
		return fn("-", arg);
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0) {
			note(&w, fn("-", arg));
			continue;
		}
		/* each operand is walked whole, even one named twice */
		free(w.seen);
		w.seen = NULL;
		w.nseen = w.capseen = 0;
		visit(&w, argv[i]);
	}
	free(w.seen);
	free(w.open);
	return w.status;
}
