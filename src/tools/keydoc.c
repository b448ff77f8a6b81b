/*
 * keydoc.c — prints the key list of warroom(1) in roff from the command
 * table, so the man page cannot drift from the keys the console binds
 * (nor from the pane a key acts in alone).
 */
#include <stdio.h>

#include "warroom/commands.h"

int
main(void)
{
	int i;

	for (i = 0; i < WR_CMD_COUNT; i++) {
		enum wr_command c = (enum wr_command)i;

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
	return 0;
}
