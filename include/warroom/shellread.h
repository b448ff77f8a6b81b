/*
 * shellread.h — whether a runbook script only reads: every command in it
 * one of a short list that looks at things and changes nothing (kubectl
 * get, docker ps, helm status, curl without a body or a method, cat,
 * grep…), joined by newlines, ;, &&, || and pipes. Strict on purpose:
 * whatever it does not understand may change something. Pure.
 */
#ifndef WARROOM_SHELLREAD_H
#define WARROOM_SHELLREAD_H

#include <stdbool.h>
#include <stddef.h>

/* True when every command of script (as it runs: placeholders filled)
 * only reads. Else false, with why naming the first command that may
 * change something and the reason ("`kubectl scale …`: kubectl scale is
 * not one that only reads"). */
bool shellread_script(const char *script, char *why, size_t cap);

#endif
