/*
 * test_wrapbreak.c — wrapped text breaks between words, keeps a word
 * that fits a row whole, and cuts a longer path after a '/'.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/wrapbreak.h"

/* A cell a byte, as for ASCII. */
static bool
fits_bytes(const char *s, size_t n, void *arg)
{
	(void)s;
	return n <= *(size_t *)arg;
}

/* The row for text in w cells. */
static size_t
row(const char *text, size_t w)
{
	size_t took = strlen(text) < w ? strlen(text) : w;

	return wrapbreak(text, took, fits_bytes, &w);
}

static void
prose_breaks_between_words(void **state)
{
	(void)state;
	assert_int_equal(row("the replica lagged behind the primary", 20), 19);
	assert_int_equal(row("short", 20), 5);
	assert_int_equal(row("exactly twenty chars and more", 20), 20);
}

static void
a_path_that_fits_a_row_goes_whole_to_the_next(void **state)
{
	const char *t = "exported /tmp/d/timeline/api-5xx.postmortem.md (and .json)";

	(void)state;
	/* "/tmp/d/timeline/api-5xx.postmortem.md" is 37: it fits 40. */
	assert_int_equal(row(t, 40), strlen("exported "));
}

static void
a_path_wider_than_any_row_breaks_after_a_slash(void **state)
{
	const char *t = "exported /tmp/warroom-demo.LYdah9/timeline/"
	    "demo-api-5xx-after-deploy-b2f9b3.postmortem.md (and .json)";
	size_t n = row(t, 78);

	(void)state;
	assert_int_equal(n, strlen("exported /tmp/warroom-demo.LYdah9/timeline/"));
	/* The rest: "demo-….postmortem.md (and .json)" between words. */
	assert_int_equal(row(t + n, 78), strlen(t + n));
}

static void
a_word_with_no_slash_is_cut_where_the_row_is_full(void **state)
{
	(void)state;
	assert_int_equal(row("id abcdefghijklmnopqrstuvwxyz", 10), 10);
	assert_int_equal(row("abcdefghijklmnopqrstuvwxyz", 10), 10);
	/* A leading '/' (a filter's regex) is no place to break. */
	assert_int_equal(row("filter /xabcdefghijklmnopqrstuvwxyz", 20), 20);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(prose_breaks_between_words),
		cmocka_unit_test(a_path_that_fits_a_row_goes_whole_to_the_next),
		cmocka_unit_test(a_path_wider_than_any_row_breaks_after_a_slash),
		cmocka_unit_test(a_word_with_no_slash_is_cut_where_the_row_is_full),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
