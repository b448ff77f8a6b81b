/*
 * keydoc.c — prints the key list of warroom(1) in roff from the command
 * table, so the man page cannot drift from the keys the console binds
 * (nor from the pane a key acts in alone), in the help overlay's order:
 * the keys that change production or write the journal first, then those
 * that only read, then what HOSTS' VERDICT marks mean.
 */
#include <stdio.h>

#include "warroom/commands.h"

int
main(void)
{
	int i;

	for (i = 0; i < WR_HELP_ROWS; i++) {
		const char *heading;
		enum wr_command c = command_help_row(i, &heading);

		if (c == WR_CMD_NONE) {
			printf(".SS \"%s\"\n", heading);
			continue;
		}
		printf(".TP\n.B %s", command_key(c));
		if (command_alt_key(c) != NULL)
			printf(" \\fRor\\fB %s", command_alt_key(c));
		printf("\n%s", command_help(c));
		if (command_home_pane(c) >= 0)
			printf(" (with %s focused only; elsewhere the footer says %d focuses it)",
			    command_pane_name((enum hint_pane)command_home_pane(c)),
			    command_home_pane(c) + 1);
		printf("%s.\n",
		    command_is_mutating(c) ? " (changes production; refused when read-only or unarmed)" :
		    command_writes_journal(c) ? " (writes the incident journal; refused when read-only)" :
		    "");
	}
	printf(".SS Marks\n.TP\n.B VERDICT\n%s.\n", command_marks_legend());
	return 0;
}
