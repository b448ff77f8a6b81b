/*
 * commands.c — lookups over the one command table declared in commands.h.
 */
#include "warroom/commands.h"

#include <stddef.h>
#include <string.h>

struct command_entry {
	const char *name;
	const char *key;
	const char *alt;
	bool mutating;
	const char *help;
};

static const struct command_entry table[WR_CMD_COUNT] = {
#define X(id, k, a, mut, h) [WR_CMD_##id] = { #id, k, a, mut, h },
	WR_COMMANDS(X)
#undef X
};

static const struct command_entry *
entry(enum wr_command cmd)
{
	return cmd >= 0 && cmd < WR_CMD_COUNT ? &table[cmd] : NULL;
}

const char *
command_key(enum wr_command cmd)
{
	return entry(cmd) ? entry(cmd)->key : NULL;
}

const char *
command_alt_key(enum wr_command cmd)
{
	return entry(cmd) ? entry(cmd)->alt : NULL;
}

const char *
command_name(enum wr_command cmd)
{
	return entry(cmd) ? entry(cmd)->name : NULL;
}

const char *
command_help(enum wr_command cmd)
{
	return entry(cmd) ? entry(cmd)->help : NULL;
}

bool
command_is_mutating(enum wr_command cmd)
{
	return entry(cmd) ? entry(cmd)->mutating : false;
}

enum wr_command
command_for_key(const char *keyname)
{
	int i;

	if (keyname == NULL)
		return WR_CMD_NONE;
	for (i = 0; i < WR_CMD_COUNT; i++)
		if (strcmp(table[i].key, keyname) == 0 ||
		    (table[i].alt != NULL && strcmp(table[i].alt, keyname) == 0))
			return (enum wr_command)i;
	return WR_CMD_NONE;
}
