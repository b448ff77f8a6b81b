/*
 * keydoc.c — prints the key list of warroom(1) in roff from the command
 * table, so the man page cannot drift from the keys the console binds.
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
		printf("\n%s%s.\n", command_help(c),
		    command_is_mutating(c) ? " (changes production; refused when read-only or unarmed)" :
		    command_writes_journal(c) ? " (writes the incident journal; refused when read-only)" :
		    "");
	}
	return 0;
}
