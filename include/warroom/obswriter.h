/*
 * obswriter.h — which of several writing consoles on one incident records
 * observations (health.change, verdict.change, exports.change,
 * poll.change, conn.change). Each console judges from its own reads and
 * its own hysteresis, so two that both record write competing histories
 * (OK, then MONITOR, then OK). One records at any moment: the armed
 * console while it runs, else the one whose session opened first among
 * those still running (their bytes of <journal>.live held) and not
 * stopped (Ctrl-Z, SIGSTOP: a stopped console reads nothing). The others
 * keep their own view on screen and record none; the next one takes over
 * as soon as the writer quits, dies, disarms or is stopped. Pure: sessions
 * in, one session number out.
 */
#ifndef WARROOM_OBSWRITER_H
#define WARROOM_OBSWRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Another open session as the journal and .live say it. */
struct obswriter_session {
	uint64_t id;            /* its number (sessions.h): lower opened first */
	bool armed;             /* the journal's last mode.change of it armed */
	int alive;              /* timeline_session_alive: 1 runs, 0 gone, -1 unknown */
	bool stopped;           /* its process is stopped (on this machine, /proc
	                           says T): it runs, but observes nothing */
};

/* The session that records observations now among v (other sessions) and
 * self (running, armed when self_armed). 0 when self is 0 (no session of
 * its own to compare): then every console records, as alone. A session
 * not known to run (alive != 1), or stopped, never counts. */
uint64_t obswriter_pick(const struct obswriter_session *v, size_t n, uint64_t self,
    bool self_armed);

/* Whether two actors ("user@machine") name the same machine: only there
 * can a console's pid be asked whether it is stopped. */
bool obswriter_same_machine(const char *actor, const char *self_actor);

#endif
