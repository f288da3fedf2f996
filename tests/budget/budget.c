/*
 * budget.c - run a command and say what it cost, for tests/cli/budget.sh:
 *
 *	budget FILE command [arg ...]
 *
 * runs the command with this process's standard input, output and error,
 * waits for it with wait4(2) and writes to FILE one line: the child's peak
 * resident set size in KiB (ru_maxrss) and its CPU time, user and system,
 * in milliseconds.  Exits with the command's status, or 128 and the signal
 * that ended it.  CPU time and memory, not the wall clock, so that a slow
 * or busy machine does not fail a test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	struct rusage ru;
	long ms;
	int status;
	pid_t pid;
	FILE *f;

	if (argc < 3) {
		fprintf(stderr, "usage: budget file command [arg ...]\n");
		return 2;
	}
	if ((pid = fork()) < 0) {
		perror("budget: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("budget: wait4");
		return 2;
	}
	ms = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000L +
	    (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000L;
	if (!(f = fopen(argv[1], "w"))) {
		perror(argv[1]);
		return 2;
	}
	fprintf(f, "%ld %ld\n", ru.ru_maxrss, ms);
	if (fclose(f) != 0) {
		perror(argv[1]);
		return 2;
	}
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
