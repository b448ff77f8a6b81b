/*
 * test_tagspell.c — a tag typed for a Compose rollback is sent as the
 * host and releases.log spell it: as typed when a source knows it so; the
 * one release it matches but for a leading v otherwise, said with where
 * that spelling comes from; as typed, said loudly, when it matches none
 * or more than one.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/tagspell.h"

static const struct tagspell_known known[] = {
	{ "v1.4.0", "releases.log" },
	{ "v1.4.1", "releases.log" },
	{ "v1.5.0-bad", "releases.log" },
	{ "v1.4.1", "ran here in this incident" },
	{ "v1.4.1", "releases.log" },      /* a source said twice: once in words */
	{ "", "api runs it" },             /* unread: skipped */
	{ NULL, "jobs runs it" },
	{ "1.3.9", "worker runs it" },
};
#define NKNOWN (sizeof(known) / sizeof(known[0]))

/* 1.4.1 typed where releases.log offered v1.4.1 ran IMAGE_TAG=1.4.1. */
static void
a_tag_without_its_v_takes_the_known_spelling(void **state)
{
	char tag[128], words[320];

	(void)state;
	assert_int_equal(tagspell_resolve("1.4.1", known, NKNOWN, tag, sizeof(tag), words,
	    sizeof(words)), TAGSPELL_RESPELT);
	assert_string_equal(tag, "v1.4.1");
	assert_string_equal(words, "1.4.1 is v1.4.1 here (releases.log, ran here in this incident)");
	/* The other way round: a v typed where the host runs it without. */
	assert_int_equal(tagspell_resolve("v1.3.9", known, NKNOWN, tag, sizeof(tag), words,
	    sizeof(words)), TAGSPELL_RESPELT);
	assert_string_equal(tag, "1.3.9");
	assert_string_equal(words, "v1.3.9 is 1.3.9 here (worker runs it)");
}

static void
a_known_spelling_is_kept_as_typed(void **state)
{
	char tag[128], words[320];

	(void)state;
	assert_int_equal(tagspell_resolve("v1.4.1", known, NKNOWN, tag, sizeof(tag), words,
	    sizeof(words)), TAGSPELL_AS_TYPED);
	assert_string_equal(tag, "v1.4.1");
	assert_string_equal(words, "");
	/* Both spellings known: the one typed is a real tag, sent as is. */
	{
		const struct tagspell_known both[] = {
			{ "v1.4.1", "releases.log" }, { "1.4.1", "releases.log" },
		};

		assert_int_equal(tagspell_resolve("1.4.1", both, 2, tag, sizeof(tag), words,
		    sizeof(words)), TAGSPELL_AS_TYPED);
		assert_string_equal(tag, "1.4.1");
	}
	/* Nothing typed: nothing to spell. */
	assert_int_equal(tagspell_resolve("", known, NKNOWN, tag, sizeof(tag), words,
	    sizeof(words)), TAGSPELL_AS_TYPED);
	assert_string_equal(tag, "");
}

static void
an_unknown_tag_is_sent_as_typed_and_said(void **state)
{
	char tag[128], words[320];

	(void)state;
	assert_int_equal(tagspell_resolve("1.4.2", known, NKNOWN, tag, sizeof(tag), words,
	    sizeof(words)), TAGSPELL_UNKNOWN);
	assert_string_equal(tag, "1.4.2");
	assert_string_equal(words, "1.4.2 is not a release this host or releases.log knows");
	/* Nothing fuzzier than the leading v: 1.4 is not v1.4.1. */
	assert_int_equal(tagspell_resolve("1.4", known, NKNOWN, tag, sizeof(tag), words,
	    sizeof(words)), TAGSPELL_UNKNOWN);
	assert_string_equal(tag, "1.4");
	/* No source at all (releases.log empty, nothing read). */
	assert_int_equal(tagspell_resolve("v1.4.1", NULL, 0, tag, sizeof(tag), words,
	    sizeof(words)), TAGSPELL_UNKNOWN);
	assert_string_equal(tag, "v1.4.1");
}

static void
two_spellings_are_no_guess(void **state)
{
	const struct tagspell_known two[] = {
		{ "v1.4.1", "releases.log" }, { "V1.4.1", "api runs it" }, { "v1.4.1", "x" },
	};
	char tag[128], words[320];

	(void)state;
	assert_int_equal(tagspell_resolve("1.4.1", two, 3, tag, sizeof(tag), words,
	    sizeof(words)), TAGSPELL_AMBIGUOUS);
	assert_string_equal(tag, "1.4.1");
	assert_string_equal(words, "1.4.1 is not a release this host or releases.log knows as "
	    "typed: it could be v1.4.1 or V1.4.1, so it is sent as typed");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_tag_without_its_v_takes_the_known_spelling),
		cmocka_unit_test(a_known_spelling_is_kept_as_typed),
		cmocka_unit_test(an_unknown_tag_is_sent_as_typed_and_said),
		cmocka_unit_test(two_spellings_are_no_guess),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
