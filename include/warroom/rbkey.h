/*
 * rbkey.h — the name a loaded runbook's step ids start with ("check.md:12"):
 * its file name when no other loaded runbook has the same, else the
 * shortest trailing part of its path no other one ends in
 * ("team/check.md"), so two runbooks never share a step's ticks or
 * outcomes, and an incident whose runbook names are unique keeps the bare
 * names its journal always had. Also how a key an older journal wrote
 * finds its runbook now, and the "KEY:LINE" ids themselves. Pure.
 */
#ifndef WARROOM_RBKEY_H
#define WARROOM_RBKEY_H

#include <stdbool.h>
#include <stddef.h>

/* keys[i] (malloc'd) for paths[i], paths resolved the same way (realpath):
 * the fewest trailing components that no other path ends in; a path all of
 * whose components another ends in keeps itself whole ("/a/check.md"
 * beside "/b/a/check.md"). Equal paths get equal keys: load a file once. */
void rbkey_names(const char *const *paths, size_t n, char **keys);

/* Whether key names the runbook at path: key's components are path's last
 * ones ("team/check.md" names "/srv/team/check.md", not
 * "/srv/myteam/check.md"); a key starting with '/' names only that path. */
bool rbkey_names_path(const char *key, const char *path);

/* A step or section id "KEY:LINE" split at its last ':' into key (cut to
 * cap) and *line; false when it does not end in ":LINE". */
bool rbkey_split(const char *id, char *key, size_t cap, int *line);

/* The id of line in the runbook key, "KEY:LINE", into buf. */
void rbkey_id(const char *key, int line, char *buf, size_t cap);

#endif
