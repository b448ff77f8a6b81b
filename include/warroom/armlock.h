/*
 * armlock.h — one armed console per incident. Consoles that share an
 * incident all watch and follow its journal, but only the one holding
 * this lock may be armed, so two engineers never roll the same service
 * back at once from two terminals. The lock is a flock() on
 * <journal>.arm, held while the console is armed and while an action it
 * started still runs; the kernel lets it go when that console dies, so a
 * console killed mid-incident never leaves the incident locked. The file
 * names its holder (user@machine, pid, terminal, since when) for the
 * refusal the next console shows.
 */
#ifndef WARROOM_ARMLOCK_H
#define WARROOM_ARMLOCK_H

#include <stdbool.h>
#include <stddef.h>

#include "warroom/util.h"

/* Zeroed, a lock not held. */
struct armlock {
	bool held;
	int fd;                 /* the .arm file while held */
	int line_len;           /* bytes of the holder's line written there */
	char note[256];         /* the note written under it ("" none) */
};

/* Take the lock on journal_path's .arm file, writing who (user@machine)
 * with our pid, terminal and the time into it. 0 when taken (or already
 * ours); 1 when another console holds it, its line in holder ("" if it
 * wrote none); -1 with err when the file cannot be used. */
int armlock_take(struct armlock *l, const char *journal_path, const char *who,
    char *holder, size_t cap, struct wr_err *err);

/* A second line under the holder's, while held: what of this console
 * still runs after it disarmed ("kill switch of api on h1"), or "" when
 * it is armed again or nothing runs. The refused console says it. */
void armlock_note(struct armlock *l, const char *note);

/* The holder's note (its second line) of journal_path's .arm file into
 * note ("" none). */
void armlock_read_note(const char *journal_path, char *note, size_t cap);

/* Let the lock go (its holder line emptied); nothing when not held. */
void armlock_release(struct armlock *l);

/* Whether the lock is held and journal_path's .arm file is still the file
 * locked: one removed or moved (with its directory) keeps no other
 * console out, as a new .arm can be locked beside it. */
bool armlock_intact(const struct armlock *l, const char *journal_path);

/* Whether this console holds it. */
bool armlock_held(const struct armlock *l);

#endif
