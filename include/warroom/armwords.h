/*
 * armwords.h — what A says when another console holds the incident's arm
 * lock (armlock.h), in words that name the real cause: that console is
 * armed; or it disarmed but an action it started still runs (the lock
 * stays until it ends); or it is stopped (Ctrl-Z, SIGSTOP), which keeps
 * the lock and its arming however long. Pure: the holder's line, its
 * note and the holder process's /proc stat text in, words out.
 */
#ifndef WARROOM_ARMWORDS_H
#define WARROOM_ARMWORDS_H

#include <stdbool.h>
#include <stddef.h>

/* The pid an arm lock holder's line names ("… (pid 21707 on …) …"), or 0. */
long armwords_pid(const char *holder);

/* Whether /proc/PID/stat text says the process is stopped (state T or t:
 * Ctrl-Z, SIGSTOP, a debugger). The name in parentheses may hold anything. */
bool armwords_stopped(const char *stat);

/* The refusal of A for holder (its line), note (the holder's second line:
 * what of its own still runs after it disarmed, "" none) and whether its
 * process is stopped, into buf. */
void armwords_refusal(const char *holder, const char *note, bool stopped, char *buf,
    size_t cap);

/* How long an arming lasts, ms as words: "15 min", "20 s", "1 min 30 s"
 * (arm_minutes or arm_time), into buf. */
void armwords_length(int ms, char *buf, size_t cap);

/* The header's ARMED badge for secs still armed: " ARMED 12:36 left ",
 * or without "left" (its shorter wording) when left is false. */
void armwords_badge(long secs, bool left, char *buf, size_t cap);

#endif
