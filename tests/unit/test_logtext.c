/*
 * test_logtext.c — a LOGS line as drawn: its prefix found (kubectl's pod
 * too), padding put after it, tabs expanded to the next multiple of eight
 * columns, and the filter's offsets followed into the result; in a
 * narrow pane the prefix shortened and capped so the line keeps its text,
 * and its RFC 3339 time short (the date only when it is not today's).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "warroom/logtext.h"

static void
prefix_is_host_service_and_pod(void **state)
{
	const char *a = "api-1/api 2026-01-01T00:00:00Z GET /";
	const char *k = "k8s-bastion/api [pod/api-7c9f/api] 2026-01-01T00:00:00Z GET /";
	const char *b = "helm-bastion/api [warn] not a pod";

	(void)state;
	assert_int_equal(logtext_prefix(a, strlen(a)), strlen("api-1/api "));
	assert_int_equal(logtext_prefix(k, strlen(k)), strlen("k8s-bastion/api [pod/api-7c9f/api] "));
	assert_int_equal(logtext_prefix(b, strlen(b)), strlen("helm-bastion/api "));
	assert_int_equal(logtext_prefix("nospace", 7), 0);
}

static void
padding_lines_up_the_times(void **state)
{
	const char *a = "api-1/api 10:00 GET /", *h = "helm-bastion/api 10:00 GET /";
	char out[128];
	size_t pa = logtext_prefix(a, strlen(a)), ph = logtext_prefix(h, strlen(h));

	(void)state;
	logtext_display(a, strlen(a), pa, ph - pa, out, sizeof(out));
	assert_string_equal(out, "api-1/api        10:00 GET /");
	logtext_display(h, strlen(h), ph, 0, out, sizeof(out));
	assert_string_equal(out, "helm-bastion/api 10:00 GET /");
	assert_int_equal(strchr(out, ':') - out, 19);
}

static void
tabs_go_to_the_next_stop(void **state)
{
	const char *java = "\tat com.x.Y(Y.java:3)";
	const char *t = "a\tbc\tdefgh\tij\t";
	char out[128];

	(void)state;
	logtext_display(t, strlen(t), 0, 0, out, sizeof(out));
	assert_string_equal(out, "a       bc      defgh   ij      ");
	/* After padding, stops count from the line's start as drawn. */
	logtext_display("x\ty", 3, 1, 2, out, sizeof(out));
	assert_string_equal(out, "x       y");
	/* A character is one column, whatever its bytes. */
	logtext_display("\xc3\xa9\ty", 4, 0, 0, out, sizeof(out));
	assert_string_equal(out, "\xc3\xa9       y");
	logtext_display(java, strlen(java), 0, 0, out, sizeof(out));
	assert_string_equal(out, "        at com.x.Y(Y.java:3)");
	assert_null(strchr(out, '\t'));
}

static void
offsets_follow_the_layout(void **state)
{
	const char *s = "api/a \tERROR x";
	char out[64];
	size_t at = logtext_prefix(s, strlen(s)), o;

	(void)state;
	logtext_display(s, strlen(s), at, 3, out, sizeof(out));
	o = logtext_offset(s, strlen(s), at, 3, (size_t)(strstr(s, "ERROR") - s));
	assert_memory_equal(out + o, "ERROR", 5);
	assert_int_equal(logtext_offset(s, strlen(s), at, 3, 0), 0);
	assert_int_equal(logtext_offset(s, strlen(s), at, 3, strlen(s)), strlen(out));
}

static void
a_full_buffer_ends_on_a_character(void **state)
{
	char out[6];

	(void)state;
	/* "ab" + "é" + "é": room for 5 bytes, the second é would be cut. */
	assert_int_equal(logtext_display("ab\xc3\xa9\xc3\xa9", 6, 0, 0, out, sizeof(out)), 4);
	assert_string_equal(out, "ab\xc3\xa9");
	assert_int_equal(logtext_display("a\tb", 3, 0, 0, out, sizeof(out)), 5);
	assert_string_equal(out, "a    ");
}

static void
prefix_room_is_at_most_a_third(void **state)
{
	(void)state;
	/* 80x24's LOGS: 78 columns inside, a third is 26, more than the cap. */
	assert_int_equal(logtext_prefix_room(78, 47), LOGTEXT_PREFIX_MAX);
	assert_int_equal(logtext_prefix_room(78, 10), 10);
	/* However wide the pane, the text keeps most of the row. */
	assert_int_equal(logtext_prefix_room(118, 37), LOGTEXT_PREFIX_MAX);
	assert_int_equal(logtext_prefix_room(200, 47), LOGTEXT_PREFIX_MAX);
	assert_int_equal(logtext_prefix_room(200, 13), 13);
	assert_int_equal(logtext_prefix_room(3, 10), 2);
}

static void
a_pod_is_its_replica_suffix(void **state)
{
	const char *k = "h5/api [pod/api-7z62hrvt9b-8frx5/api] ";
	const char *c = "h5/api [pod/api-7z62hrvt9b-q2n4w/sidecar] ";
	const char *b = "h5/api [pod/single] ";
	const char *a = "api-1/api ";
	char out[128];

	(void)state;
	assert_int_equal(logtext_prefix_short(k, strlen(k), out, sizeof(out)),
	    strlen("h5/api \xe2\x80\xa6" "8frx5 "));
	assert_string_equal(out, "h5/api \xe2\x80\xa6" "8frx5 ");
	logtext_prefix_short(c, strlen(c), out, sizeof(out));
	assert_string_equal(out, "h5/api \xe2\x80\xa6" "q2n4w/sidecar ");
	logtext_prefix_short(b, strlen(b), out, sizeof(out));
	assert_string_equal(out, "h5/api \xe2\x80\xa6" "single ");
	assert_int_equal(logtext_prefix_short(a, strlen(a), out, sizeof(out)), strlen(a));
	assert_string_equal(out, a);
}

static void
columns_are_characters(void **state)
{
	const char *s = "ab\xc3\xa9" "cd";

	(void)state;
	assert_int_equal(logtext_col_byte(s, strlen(s), 0, 0), 0);
	assert_int_equal(logtext_col_byte(s, strlen(s), 0, 3), 4);
	assert_int_equal(logtext_col_byte(s, strlen(s), 1, 2), 4);
	assert_int_equal(logtext_col_byte(s, strlen(s), 0, 9), strlen(s));
}

static void
a_match_past_the_edge_shifts_into_view(void **state)
{
	(void)state;
	assert_int_equal(logtext_shift_to(10, 20, 70), 0);
	assert_int_equal(logtext_shift_to(60, 70, 70), 0);
	/* A quarter of the room (after the …) before the match. */
	assert_int_equal(logtext_shift_to(100, 110, 69), 83);
	assert_int_equal(logtext_shift_to(5, 200, 69), 0);
}

static void
a_shifted_line_keeps_its_time_and_level(void **state)
{
	const char *narrow = "17:31:19 ERROR GET /export status=503";
	const char *wide = "2026-11-28T17:31:19.123Z WARN  slow";
	const char *day = "11-27 23:59:58 [error] x";
	const char *plain = "GET /export status=503";
	char out[64];
	size_t used;

	(void)state;
	assert_int_equal(logtext_shift_head(narrow, strlen(narrow), out, sizeof(out), &used), 15);
	assert_string_equal(out, "17:31:19 ERROR ");
	assert_int_equal(used, 15);
	/* The pane's full time, short; the spaces after the level are one. */
	logtext_shift_head(wide, strlen(wide), out, sizeof(out), &used);
	assert_string_equal(out, "17:31:19 WARN ");
	assert_int_equal(used, strlen("2026-11-28T17:31:19.123Z WARN  "));
	/* Another day's date stays: a time alone would say today. */
	logtext_shift_head(day, strlen(day), out, sizeof(out), &used);
	assert_string_equal(out, "11-27 23:59:58 [error] ");
	assert_int_equal(used, strlen("11-27 23:59:58 [error] "));
	/* Timestamps hidden: the level alone; neither: nothing. */
	logtext_shift_head("level=error msg=x", 17, out, sizeof(out), &used);
	assert_string_equal(out, "level=error ");
	assert_int_equal(logtext_shift_head(plain, strlen(plain), out, sizeof(out), &used), 0);
	assert_string_equal(out, "");
	assert_int_equal(used, 0);
	/* A word that is not a level after the time is the message's. */
	logtext_shift_head("00:00:02 GET /x", 15, out, sizeof(out), &used);
	assert_string_equal(out, "00:00:02 ");
}

static void
a_pod_gives_way_to_its_tail(void **state)
{
	const char *k = "k8s-bastion/api [pod/api-hqkcp2j2qw-77ldj/api] ";
	const char *a = "api-1/api ";
	char out[128];

	(void)state;
	/* Room enough: whole. */
	assert_int_equal(logtext_prefix_fit(k, strlen(k), 60, out, sizeof(out)), strlen(k));
	assert_string_equal(out, k);
	assert_int_equal(logtext_prefix_fit(a, strlen(a), 26, out, sizeof(out)), strlen(a));
	assert_string_equal(out, a);
	/* A third of 80 columns: the pod by its tail, the container dropped. */
	logtext_prefix_fit(k, strlen(k), 26, out, sizeof(out));
	assert_string_equal(out, "k8s-bastion/api \xe2\x80\xa6" "77ldj ");
	/* Less: cut, and said to be. */
	logtext_prefix_fit(k, strlen(k), 12, out, sizeof(out));
	assert_string_equal(out, "k8s-bastio\xe2\x80\xa6 ");
	logtext_prefix_fit(a, strlen(a), 6, out, sizeof(out));
	assert_string_equal(out, "api-\xe2\x80\xa6 ");
	logtext_prefix_fit(a, strlen(a), 1, out, sizeof(out));
	assert_string_equal(out, "\xe2\x80\xa6 ");
	/* A pod name with no dash is its own tail. */
	logtext_prefix_fit("h/s [pod/web/c] ", 16, 12, out, sizeof(out));
	assert_string_equal(out, "h/s \xe2\x80\xa6web ");
}

/* 2026-01-01 12:00:00 UTC, the console's clock in these tests. */
#define NOW_S 1767268800

static void
a_time_after_the_prefix_is_found(void **state)
{
	const char *a = "api-1/api 2026-01-01T00:00:25.000Z INFO  seq=25";
	const char *k = "k8s/api [pod/api-7c9f/api] 2026-01-01T00:00:25Z GET /";
	const char *n = "api-1/api 10:00 GET /", *d = "api-1/api 2026-01-01 GET /";
	size_t from, to;

	(void)state;
	assert_true(logtext_time_span(a, strlen(a), &from, &to));
	assert_int_equal(from, 10);
	assert_int_equal(to, 34);
	assert_true(logtext_time_span(k, strlen(k), &from, &to));
	assert_int_equal(from, strlen("k8s/api [pod/api-7c9f/api] "));
	assert_false(logtext_time_span(n, strlen(n), &from, &to));
	assert_false(logtext_time_span(d, strlen(d), &from, &to));
}

static void
a_time_is_short_with_the_date_only_off_today(void **state)
{
	const char *today = "api-1/api 2026-01-01T00:00:25.000Z INFO  seq=25";
	const char *zone = "api-1/api 2026-01-01T13:30:00+02:00 WARN x";
	const char *eve = "api-1/api 2025-12-31T23:59:58.123Z ERROR y";
	const char *march = "api-1/api 2026-03-02T08:00:00Z z";
	const char *none = "api-1/api GET / 200";
	char out[128];

	(void)state;
	assert_int_equal(logtext_short_time(today, strlen(today), NOW_S, out, sizeof(out)),
	    strlen("api-1/api 00:00:25 INFO  seq=25"));
	assert_string_equal(out, "api-1/api 00:00:25 INFO  seq=25");
	/* UTC, as the header's clock: an offset is taken off. */
	logtext_short_time(zone, strlen(zone), NOW_S, out, sizeof(out));
	assert_string_equal(out, "api-1/api 11:30:00 WARN x");
	logtext_short_time(eve, strlen(eve), NOW_S, out, sizeof(out));
	assert_string_equal(out, "api-1/api 2025-12-31 23:59:58 ERROR y");
	logtext_short_time(march, strlen(march), NOW_S, out, sizeof(out));
	assert_string_equal(out, "api-1/api 03-02 08:00:00 z");
	logtext_short_time(none, strlen(none), NOW_S, out, sizeof(out));
	assert_string_equal(out, none);
	/* A short buffer ends terminated. */
	assert_int_equal(logtext_short_time(today, strlen(today), NOW_S, out, 15), 14);
	assert_string_equal(out, "api-1/api 00:0");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(prefix_is_host_service_and_pod),
		cmocka_unit_test(padding_lines_up_the_times),
		cmocka_unit_test(tabs_go_to_the_next_stop),
		cmocka_unit_test(offsets_follow_the_layout),
		cmocka_unit_test(a_full_buffer_ends_on_a_character),
		cmocka_unit_test(prefix_room_is_at_most_a_third),
		cmocka_unit_test(a_pod_gives_way_to_its_tail),
		cmocka_unit_test(a_pod_is_its_replica_suffix),
		cmocka_unit_test(columns_are_characters),
		cmocka_unit_test(a_match_past_the_edge_shifts_into_view),
		cmocka_unit_test(a_shifted_line_keeps_its_time_and_level),
		cmocka_unit_test(a_time_after_the_prefix_is_found),
		cmocka_unit_test(a_time_is_short_with_the_date_only_off_today),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
