/*
 * test_logstatus.c — LOGS' status line at a width: paused, NOT STREAMING
 * and the filter keep their room at 80x24 (a 46-column pane), where the
 * line count and the label give way; everything is whole when wide; the
 * pattern is cut; hidden timestamps are said, briefly when narrow; the
 * modes the user turned on (wrap, timestamps hidden) go only after it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/logstatus.h"

static int
cols(const char *s)
{
	return s != NULL ? (int)strlen(s) : 0;
}

/* The parts' wordings, whole and brief (ASCII: a byte is a column). */
static struct logstatus_fit
fit(int width, const char *const full[LOGSTATUS_PARTS], const char *const brief[LOGSTATUS_PARTS])
{
	struct logstatus_in in = { .cols = width, .sep = 2 };
	struct logstatus_fit f;
	int i;

	for (i = 0; i < LOGSTATUS_PARTS; i++) {
		in.full[i] = cols(full[i]);
		in.brief[i] = cols(brief[i]);
	}
	logstatus_fit(&in, &f);
	assert_true(logstatus_width(&in, &f) <= width);
	return f;
}

static const char *const one_full[LOGSTATUS_PARTS] = {
	[LOGSTATUS_LABEL] = "k8s-bastion/api",
	[LOGSTATUS_LINES] = "1214 lines",
	[LOGSTATUS_FILTER] = "filter /status=5/",
	[LOGSTATUS_MATCHING] = "31 matching",
	[LOGSTATUS_PAUSED] = "PAUSED +12 new, 3 matching (f follows)",
};
static const char *const one_brief[LOGSTATUS_PARTS] = {
	[LOGSTATUS_FILTER] = "/status=5/",
	[LOGSTATUS_PAUSED] = "PAUSED +3 matching",
};

/* A pane at 80x24 once lost PAUSED behind the label and line count. */
static void
paused_and_the_filter_win_over_count_and_label(void **state)
{
	struct logstatus_fit f = fit(46, one_full, one_brief);

	(void)state;
	assert_int_not_equal(f.form[LOGSTATUS_PAUSED], LOGSTATUS_GONE);
	assert_int_not_equal(f.form[LOGSTATUS_FILTER], LOGSTATUS_GONE);
	assert_int_equal(f.form[LOGSTATUS_LINES], LOGSTATUS_GONE);
	assert_int_equal(f.form[LOGSTATUS_LABEL], LOGSTATUS_GONE);
	assert_int_equal(f.filter_cols, 0);
}

static void
wide_keeps_every_part_whole(void **state)
{
	struct logstatus_fit f = fit(200, one_full, one_brief);
	int i;

	(void)state;
	for (i = 0; i < LOGSTATUS_PARTS; i++)
		assert_int_equal(f.form[i], one_full[i] != NULL ? LOGSTATUS_FULL : LOGSTATUS_GONE);
}

/* Merged, a tail NOT STREAMING, a filter and PAUSED: all three stay. */
static void
not_streaming_filter_and_paused_all_stay_merged(void **state)
{
	static const char *const full[LOGSTATUS_PARTS] = {
		[LOGSTATUS_LABEL] = "api-1/api + 1 more, by time",
		[LOGSTATUS_GAP] = "helm-bastion/api NOT STREAMING: the host is not connected; retrying",
		[LOGSTATUS_LINES] = "2400 lines",
		[LOGSTATUS_FILTER] = "filter /ERROR/ (case)",
		[LOGSTATUS_MATCHING] = "7 matching",
		[LOGSTATUS_DROPPED] = "api-1/api: oldest kept 05:47:06 (1234 dropped)",
		[LOGSTATUS_PAUSED] = "PAUSED +3 new (f follows)",
	};
	static const char *const brief[LOGSTATUS_PARTS] = {
		[LOGSTATUS_GAP] = "helm-bastion/api NOT STREAMING",
		[LOGSTATUS_FILTER] = "/ERROR/ (case)",
		[LOGSTATUS_DROPPED] = "1234 dropped",
		[LOGSTATUS_PAUSED] = "PAUSED +3 new",
	};
	struct logstatus_fit f = fit(76, full, brief);

	(void)state;
	assert_int_equal(f.form[LOGSTATUS_GAP], LOGSTATUS_BRIEF);
	assert_int_not_equal(f.form[LOGSTATUS_FILTER], LOGSTATUS_GONE);
	assert_int_equal(f.form[LOGSTATUS_PAUSED], LOGSTATUS_BRIEF);
	assert_int_equal(f.form[LOGSTATUS_LABEL], LOGSTATUS_GONE);
	assert_int_equal(f.form[LOGSTATUS_LINES], LOGSTATUS_GONE);
	/* Narrower, the counts go, not the states. */
	f = fit(70, full, brief);
	assert_int_equal(f.form[LOGSTATUS_GAP], LOGSTATUS_BRIEF);
	assert_int_equal(f.form[LOGSTATUS_PAUSED], LOGSTATUS_BRIEF);
	assert_int_not_equal(f.form[LOGSTATUS_FILTER], LOGSTATUS_GONE);
	assert_int_equal(f.form[LOGSTATUS_MATCHING], LOGSTATUS_GONE);
}

/* A long pattern in a narrow pane is cut; PAUSED keeps its brief words. */
static void
a_long_pattern_is_cut_last(void **state)
{
	static const char *const full[LOGSTATUS_PARTS] = {
		[LOGSTATUS_LABEL] = "api-1/api",
		[LOGSTATUS_FILTER] = "filter /upstream connect error or disconnect/",
		[LOGSTATUS_MATCHING] = "2 matching",
		[LOGSTATUS_PAUSED] = "PAUSED +1 new (f follows)",
	};
	static const char *const brief[LOGSTATUS_PARTS] = {
		[LOGSTATUS_FILTER] = "/upstream connect error or disconnect/",
		[LOGSTATUS_PAUSED] = "PAUSED +1 new",
	};
	struct logstatus_fit f = fit(40, full, brief);

	(void)state;
	assert_int_equal(f.form[LOGSTATUS_PAUSED], LOGSTATUS_BRIEF);
	assert_int_equal(f.form[LOGSTATUS_FILTER], LOGSTATUS_BRIEF);
	assert_int_equal(f.filter_cols, 40 - 2 - 13);
}

/* t hid the timestamps: said while the pane has room for a brief word,
 * after the line count, wrap and the label are gone; the states stay. */
static void
hidden_timestamps_are_said_briefly_when_narrow(void **state)
{
	static const char *const full[LOGSTATUS_PARTS] = {
		[LOGSTATUS_LABEL] = "k8s-bastion/api",
		[LOGSTATUS_LINES] = "1214 lines",
		[LOGSTATUS_WRAP] = "wrap",
		[LOGSTATUS_TIMES] = "timestamps hidden (t)",
		[LOGSTATUS_PAUSED] = "PAUSED +12 new (f follows)",
	};
	static const char *const brief[LOGSTATUS_PARTS] = {
		[LOGSTATUS_TIMES] = "no times",
		[LOGSTATUS_PAUSED] = "PAUSED +12 new",
	};
	struct logstatus_fit f = fit(200, full, brief);

	(void)state;
	assert_int_equal(f.form[LOGSTATUS_TIMES], LOGSTATUS_FULL);
	f = fit(46, full, brief);
	assert_int_equal(f.form[LOGSTATUS_TIMES], LOGSTATUS_BRIEF);
	assert_int_equal(f.form[LOGSTATUS_PAUSED], LOGSTATUS_FULL);
	assert_int_equal(f.form[LOGSTATUS_WRAP], LOGSTATUS_FULL);
	assert_int_equal(f.form[LOGSTATUS_LABEL], LOGSTATUS_GONE);
	/* Too narrow for all: PAUSED stays, then wrap; the word goes. */
	f = fit(20, full, brief);
	assert_int_equal(f.form[LOGSTATUS_PAUSED], LOGSTATUS_BRIEF);
	assert_int_equal(f.form[LOGSTATUS_WRAP], LOGSTATUS_FULL);
	assert_int_equal(f.form[LOGSTATUS_TIMES], LOGSTATUS_GONE);
}

/* w turned wrap on: it stays while the counts grow; the label, the
 * counts and the filter's words give way first (at 80x24 "wrap" once
 * went behind "11 matching"). */
static void
wrap_stays_while_the_counts_grow(void **state)
{
	static const char *const full[LOGSTATUS_PARTS] = {
		[LOGSTATUS_LABEL] = "api-1/api",
		[LOGSTATUS_LINES] = "2000 lines",
		[LOGSTATUS_FILTER] = "filter /status=5/",
		[LOGSTATUS_MATCHING] = "11 matching",
		[LOGSTATUS_WRAP] = "wrap",
	};
	static const char *const brief[LOGSTATUS_PARTS] = {
		[LOGSTATUS_FILTER] = "/status=5/",
	};
	struct logstatus_fit f = fit(46, full, brief);

	(void)state;
	assert_int_equal(f.form[LOGSTATUS_WRAP], LOGSTATUS_FULL);
	assert_int_equal(f.form[LOGSTATUS_MATCHING], LOGSTATUS_FULL);
	assert_int_equal(f.form[LOGSTATUS_LABEL], LOGSTATUS_GONE);
	/* Narrower: the count goes, then the pattern is cut; wrap stays. */
	f = fit(16, full, brief);
	assert_int_equal(f.form[LOGSTATUS_WRAP], LOGSTATUS_FULL);
	assert_int_equal(f.form[LOGSTATUS_MATCHING], LOGSTATUS_GONE);
	assert_int_equal(f.filter_cols, 0);
	f = fit(12, full, brief);
	assert_int_equal(f.form[LOGSTATUS_WRAP], LOGSTATUS_FULL);
	assert_int_equal(f.filter_cols, 6);
}

/* Merged tails are named as far as the room goes, then counted. */
static void
merged_tails_are_named_while_they_fit(void **state)
{
	static const char *const names[] = { "h2/api", "h4/api", "h7/api", "h9/api",
		"h10/api", "h3/api", "h5/api", "h6/api" };
	char out[160];

	(void)state;
	logstatus_names(names, 8, ", by time", 200, out, sizeof(out));
	assert_string_equal(out, "h2/api, h4/api, h7/api, h9/api, h10/api, h3/api, h5/api, "
	    "h6/api, by time");
	logstatus_names(names, 8, ", by time", 25, out, sizeof(out));
	assert_string_equal(out, "h2/api, h4/api, h7/api +5");
	logstatus_names(names, 8, ", by time", 24, out, sizeof(out));
	assert_string_equal(out, "h2/api, h4/api +6");
	/* Never less than the first and the count. */
	logstatus_names(names, 8, ", by time", 0, out, sizeof(out));
	assert_string_equal(out, "h2/api +7");
	logstatus_names(names, 2, ", by time", 23, out, sizeof(out));
	assert_string_equal(out, "h2/api, h4/api, by time");
	logstatus_names(names, 2, ", by time", 22, out, sizeof(out));
	assert_string_equal(out, "h2/api +1");
	logstatus_names(names, 1, ", by time", 0, out, sizeof(out));
	assert_string_equal(out, "h2/api");
	logstatus_names(names, 8, "", 200, out, 12);
	assert_string_equal(out, "h2/api +7");
}

/* An 80x24 pane once dropped the label of eight merged tails, so one
 * ring's drops read as the only tail: it is worded briefly instead. */
static void
a_merged_label_is_brief_before_it_goes(void **state)
{
	static const char *const mfull[LOGSTATUS_PARTS] = {
		[LOGSTATUS_LABEL] = "h2/api, h4/api, h7/api, h9/api, h10/api, h3/api, h5/api, "
		    "h6/api, by time",
		[LOGSTATUS_LINES] = "48300 lines",
		[LOGSTATUS_DROPPED] = "h4/api: oldest kept 15:23:00 (48220 dropped)",
	};
	static const char *const mbrief[LOGSTATUS_PARTS] = {
		[LOGSTATUS_LABEL] = "h2/api +7",
		[LOGSTATUS_DROPPED] = "48220 dropped",
	};
	struct logstatus_fit f = fit(76, mfull, mbrief);

	(void)state;
	assert_int_equal(f.form[LOGSTATUS_LABEL], LOGSTATUS_BRIEF);
	assert_int_equal(f.form[LOGSTATUS_DROPPED], LOGSTATUS_FULL);
	f = fit(30, mfull, mbrief);
	assert_int_equal(f.form[LOGSTATUS_LABEL], LOGSTATUS_BRIEF);
	assert_int_equal(f.form[LOGSTATUS_DROPPED], LOGSTATUS_BRIEF);
}

static void
a_merge_replaced_says_so(void **state)
{
	char out[200];

	(void)state;
	logstatus_replaced("h1/api", 8, out, sizeof(out));
	assert_string_equal(out, "LOGS now follows h1/api only (was 8 merged); + on a HOSTS "
	    "row adds a service back");
	logstatus_replaced("h1/api", 1, out, sizeof(out));
	assert_string_equal(out, "LOGS: tailing h1/api");
}

static void
a_filter_matching_nothing_says_so(void **state)
{
	char out[200];

	(void)state;
	logstatus_none_match("WARN", "h1/api", 2684, out, sizeof(out));
	assert_string_equal(out, "filter /WARN/ matches none of h1/api's 2684 lines; / edits "
	    "it, / then C-u Enter clears it");
	logstatus_none_match("x", "h1/api", 1, out, sizeof(out));
	assert_string_equal(out, "filter /x/ matches none of h1/api's 1 line; / edits it, / "
	    "then C-u Enter clears it");
}

static void
a_cut_pattern_keeps_its_case_word(void **state)
{
	char out[128];

	(void)state;
	logstatus_filter("", "TAILEND|long01|NullPointer", " (case)", 20, out, sizeof(out));
	assert_string_equal(out, "/TAILEND|lo\xe2\x80\xa6/ (case)");
	logstatus_filter("filter ", "a|b", " (case)", 40, out, sizeof(out));
	assert_string_equal(out, "filter /a|b/ (case)");
	logstatus_filter("", "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9x", "", 6, out, sizeof(out));
	assert_string_equal(out, "/\xc3\xa9\xc3\xa9\xc3\xa9\xe2\x80\xa6/");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(paused_and_the_filter_win_over_count_and_label),
		cmocka_unit_test(wide_keeps_every_part_whole),
		cmocka_unit_test(not_streaming_filter_and_paused_all_stay_merged),
		cmocka_unit_test(a_long_pattern_is_cut_last),
		cmocka_unit_test(hidden_timestamps_are_said_briefly_when_narrow),
		cmocka_unit_test(wrap_stays_while_the_counts_grow),
		cmocka_unit_test(merged_tails_are_named_while_they_fit),
		cmocka_unit_test(a_merged_label_is_brief_before_it_goes),
		cmocka_unit_test(a_merge_replaced_says_so),
		cmocka_unit_test(a_filter_matching_nothing_says_so),
		cmocka_unit_test(a_cut_pattern_keeps_its_case_word),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
