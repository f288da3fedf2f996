/*
 * runstat.c - run a command and say what it cost, for the benchmark:
 *
 *	runstat [-n COUNT] [-o FILE] command [arg ...]
 *
 * runs the command COUNT times (default 1), its stdout to FILE (default
 * /dev/null), and prints one line: the mean wall-clock seconds per run, the
 * mean user and system CPU seconds, the largest peak resident set size of
 * any run in KiB (getrusage's ru_maxrss of the child, from wait4), and the
 * worst exit status.  Process start-up is inside the figures.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	const char *outfile = "/dev/null";
	long count = 1, maxrss = 0;
	double wall = 0, user = 0, sys = 0;
	int c, worst = 0;

	while ((c = getopt(argc, argv, "+n:o:")) != -1) {
		if (c == 'n')
			count = strtol(optarg, NULL, 10);
		else if (c == 'o')
			outfile = optarg;
		else
			return 2;
	}
	if (optind >= argc || count < 1) {
		fprintf(stderr, "usage: runstat [-n count] [-o file] "
		    "command [arg ...]\n");
		return 2;
	}
	for (long i = 0; i < count; i++) {
		struct rusage ru;
		double t0 = now();
		int status, code;
		pid_t pid = fork();

		if (pid < 0) {
			perror("runstat: fork");
			return 2;
		}
		if (pid == 0) {
			int fd = open(outfile, O_WRONLY | O_CREAT | O_TRUNC,
			    0644);

			if (fd < 0 || dup2(fd, 1) < 0) {
				perror(outfile);
				_exit(127);
			}
			close(fd);
			execvp(argv[optind], argv + optind);
			perror(argv[optind]);
			_exit(127);
		}
		if (wait4(pid, &status, 0, &ru) < 0) {
			perror("runstat: wait4");
			return 2;
		}
		wall += now() - t0;
		user += (double)ru.ru_utime.tv_sec +
		    (double)ru.ru_utime.tv_usec / 1e6;
		sys += (double)ru.ru_stime.tv_sec +
		    (double)ru.ru_stime.tv_usec / 1e6;
		if (ru.ru_maxrss > maxrss)
			maxrss = ru.ru_maxrss;
		code = WIFEXITED(status) ? WEXITSTATUS(status) :
		    128 + WTERMSIG(status);
		if (code > worst)
			worst = code;
	}
	printf("%.6f %.6f %.6f %ld %d\n", wall / (double)count,
	    user / (double)count, sys / (double)count, maxrss, worst);
	return 0;
}
