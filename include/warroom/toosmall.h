/*
 * toosmall.h — what a terminal below the minimum size shows instead of the
 * panes: a notice worded to fit whatever room there is (from "terminal too
 * small: 70x20, need at least 80x24" down to "40x10<80x24 q:quit"), saying
 * which keys still act (or asking the open quit question), and the ARMED
 * badge with its countdown, which never gives way (header_fit.h): a
 * console that can change production says so even when nothing else can
 * be seen. Pure: sizes in, rows out.
 */
#ifndef WARROOM_TOOSMALL_H
#define WARROOM_TOOSMALL_H

#include <stdbool.h>

#define TOOSMALL_ROWS 5
#define TOOSMALL_COLS 96

struct toosmall_in {
	int cols, lines;         /* the terminal */
	int min_cols, min_lines; /* what the console needs */
	long armed_s;            /* seconds left armed, or -1: not armed */
	bool open;               /* a dialog, prompt or overlay is open: Esc closes
	                            it, q does not quit (keygate.h) */
	bool quit_question;      /* … and it is q's "Quit anyway? (y/N)": the notice
	                            asks it, y quits, any other key stays */
};

struct toosmall {
	int n;                           /* rows, drawn one under the other */
	char row[TOOSMALL_ROWS][TOOSMALL_COLS];  /* ASCII: one column a byte */
	int badge;                       /* the row (or the start of row 0's text)
	                                    that is the ARMED badge, or -1 */
	int badge_len;                   /* its columns within that row */
};

/* The notice for in: the longest wording whose every row fits in->cols
 * and whose rows (with the badge's) fit in->lines; the shortest, cut,
 * when none does. Armed, the badge is row 0 (on one row with the
 * shortest notice when there is a single line); it is never left out. */
void toosmall_words(const struct toosmall_in *in, struct toosmall *out);

#endif
