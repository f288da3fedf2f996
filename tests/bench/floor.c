/*
 * floor.c - the benchmark's floor: what reading case files costs before
 * any tool does anything with them.  It walks its operands as the tools do
 * (cspr_walk: folders sorted, *.yaml and *.yml), reads each file whole as
 * the loader does, and pulls every libyaml event to the end, building
 * nothing.  It prints the number of files and events.
 *
 *	floor [file|dir ...]
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

#include "csprcore.h"

static long files, events, bad;
static char *buf;
static size_t cap;

/* The whole file into buf, growing it as the loader's reader does. */
static long
slurp(const char *path)
{
	int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY);
	size_t n = 0;
	ssize_t r;

	if (fd < 0)
		return -1;
	for (;;) {
		if (n + 1 >= cap) {
			size_t c = cap ? cap * 2 : 8192;
			char *p = realloc(buf, c);

			if (!p) {
				close(fd);
				return -1;
			}
			buf = p;
			cap = c;
		}
		r = read(fd, buf + n, cap - n - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	if (fd != 0)
		close(fd);
	return r < 0 ? -1 : (long)n;
}

static int
one(const char *path, void *arg)
{
	yaml_parser_t p;
	yaml_event_t ev;
	long len = slurp(path);
	int done = 0;

	(void)arg;
	files++;
	if (len < 0 || !yaml_parser_initialize(&p)) {
		bad++;
		return CSPR_ERROR;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)buf,
	    (size_t)len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			bad++;
			break;
		}
		events++;
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return CSPR_OK;
}

int
main(int argc, char **argv)
{
	struct cspr_errors e = {0};
	int r = cspr_walk(argc - 1, argv + 1, one, NULL, &e);

	printf("%ld files, %ld events, %ld unreadable\n", files, events, bad);
	cspr_errors_clear(&e);
	free(buf);
	return r == CSPR_OK && bad == 0 ? 0 : 2;
}
