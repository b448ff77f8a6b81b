/*
 * termcheck.c — whether TERM names a terminal the console can draw on,
 * asked before anything starts. Apart from screen.c because <term.h>
 * defines macros (lines, columns) that would shadow its names.
 */
#include "warroom/ui.h"

#include <stdlib.h>
#include <term.h>
#include <unistd.h>

#define TERM_ADVICE "use xterm-256color, screen-256color or tmux-256color"

int
screen_check_terminal(struct wr_err *err)
{
	const char *term = getenv("TERM"), *cup;
	int status = 0;
	bool moves;

	if (term == NULL || term[0] == '\0')
		return wr_err_set(err, "cannot start the terminal: TERM is not set; " TERM_ADVICE);
	if (setupterm(NULL, STDOUT_FILENO, &status) != OK)
		return wr_err_set(err, "cannot start the terminal: TERM=%s is not known here (no "
		    "terminfo entry); " TERM_ADVICE, term);
	/* TERM=dumb and its kind write line after line: every pane would be
	 * drawn blind, while keys still act. */
	cup = tigetstr("cup");
	moves = cup != NULL && cup != (char *)-1;
	del_curterm(cur_term);
	if (!moves)
		return wr_err_set(err, "cannot start the terminal: TERM=%s cannot move the cursor; "
		    TERM_ADVICE, term);
	return 0;
}
