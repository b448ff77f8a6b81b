/*
 * xorshift.h — the small deterministic generator that unit tests and the
 * ingest bench draw their random inputs from (Marsaglia's xorshift64):
 * the same seed gives the same inputs on every machine. Tests only.
 */
#ifndef WARROOM_TEST_XORSHIFT_H
#define WARROOM_TEST_XORSHIFT_H

#include <stdint.h>

/* The next value of the sequence in *state (never seed it with 0). */
static inline uint64_t
xorshift64(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

#endif
