/*
 * netcause.h — why an HTTP request got no answer, in a few words for a
 * badge or a footer: "cannot resolve status-api.invalid" rather than "no
 * answer". Pure: libcurl's error text in, words out.
 */
#ifndef WARROOM_NETCAUSE_H
#define WARROOM_NETCAUSE_H

#include <stddef.h>

/* The cause named in error (libcurl's message, possibly after a prefix
 * such as "no answer: "): "cannot resolve HOST", "cannot connect to HOST
 * port N", "timed out", "TLS certificate refused"…, else "no answer".
 * ASCII only (a host name keeps [A-Za-z0-9.:_[]-], at most 64 of them),
 * so its length is its width. Returns the length (dst always terminated). */
size_t netcause_words(const char *error, char *dst, size_t cap);

#endif
