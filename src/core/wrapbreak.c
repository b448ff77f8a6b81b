/*
 * wrapbreak.c — the end of a row of wrapped text. A word is cut only
 * when no row could hold it, and then after a '/' where it has one: a
 * path copied from the footer keeps its pieces whole.
 */
#include <string.h>

#include "warroom/wrapbreak.h"

size_t
wrapbreak(const char *text, size_t took, wrapbreak_fits fits, void *arg)
{
	size_t k = took, end, s;

	if (text[took] == '\0' || text[took] == ' ')
		return took;
	while (k > 0 && text[k - 1] != ' ')
		k--;
	/* Prose: between words, as long as the row is not left half empty. */
	if (k > took / 2)
		return k;
	if (k > 0) {
		end = k + strcspn(text + k, " ");
		if (fits(text + k, end - k, arg))
			return k;
	}
	/* A '/' the word starts with ("/xabc", a regex) ends no piece. */
	for (s = took; s > k + 1 && text[s - 1] != '/'; s--)
		;
	return s > k + 1 ? s : took;
}
