/*
 * board.h - csp-summary's HTML page, the board, and the words its text
 * tables share with it: one self-contained page, no script, nothing
 * external, for a phone and for A4.
 */
#ifndef CSP_BOARD_H
#define CSP_BOARD_H

#include "tool.h"

enum board_table { ALL, CASES, TIMELINESS, FUNNEL };

/* A run of csp-summary: the summary, the table asked for, the period. */
struct board_run {
	struct cspr_summary *s;
	enum board_table table;
	cspr_date from, to;
};

/* The funnel's rows: the JSON key, the words, the count. */
struct board_measure {
	const char *key, *words;
	unsigned long n;
	int indent;
};

/* The period in words: "all dates", "from D", "to D", "D1 to D2". */
const char *board_period(const struct board_run *r, char *buf, size_t n);
/* How far off a case's next duty is, in csp-deadlines' words. */
void board_progress(const struct tool *t, const struct cspr_case_summary *cs,
    char *buf, size_t n);
/* A share as "80%", or "-". */
const char *board_percent(double share, char *buf, size_t n);
/* The median working days of a rule: "3", "3.5", or "-". */
const char *board_days(const struct cspr_timeliness *x, char *buf, size_t n);
/* The funnel's rows into m (room for 16); returns how many. */
size_t board_measures(const struct cspr_funnel *f, struct board_measure *m);
/* "on average 1.5 working days early" */
void board_rr_average(const struct cspr_funnel *f, char *buf, size_t n);
/* Write the board on stdout. */
void board_html(const struct tool *t, const struct board_run *r);

#endif
