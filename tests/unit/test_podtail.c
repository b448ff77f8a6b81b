/*
 * test_podtail.c — a Kubernetes tail that follows one pod is widened to
 * every pod once the poll has read the deployment's selector, exactly when
 * a tail begun then would follow them all, and says so once in words.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "warroom/driver_cmd.h"
#include "warroom/podtail.h"

static struct config_host
host(enum config_driver d)
{
	struct config_host h;

	memset(&h, 0, sizeof(h));
	wr_strlcpy(h.name, "h1", sizeof(h.name));
	h.driver = d;
	wr_strlcpy(h.namespace_, "prod", sizeof(h.namespace_));
	return h;
}

static void
widened_once_the_selector_is_read(void **state)
{
	struct config_host k = host(DRIVER_K8S);

	(void)state;
	assert_true(podtail_widen(&k, true, "app=api", 3));
	assert_true(podtail_widen(&k, true, "app=api,tier=web", 1));
	/* Scaled to zero: the selector still finds the pods that come. */
	assert_true(podtail_widen(&k, true, "app=api", 0));
}

static void
not_before_the_selector_is_known(void **state)
{
	struct config_host k = host(DRIVER_K8S);

	(void)state;
	/* Not read yet, or a selector kubectl -l cannot take (matchExpressions). */
	assert_false(podtail_widen(&k, true, NULL, 0));
	assert_false(podtail_widen(&k, true, "", 3));
	/* More pods than a tail follows at once: the one it has. */
	assert_false(podtail_widen(&k, true, "app=api", WR_K8S_LOG_PODS_MAX + 1));
	assert_true(podtail_widen(&k, true, "app=api", WR_K8S_LOG_PODS_MAX));
}

static void
only_a_tail_of_one_pod(void **state)
{
	struct config_host k = host(DRIVER_K8S), c = host(DRIVER_COMPOSE), hl = host(DRIVER_HELM);

	(void)state;
	/* Already every pod (begun after the read, or widened before). */
	assert_false(podtail_widen(&k, false, "app=api", 3));
	/* Compose and Helm tails never follow one pod. */
	assert_false(podtail_widen(&c, true, "app=api", 3));
	assert_false(podtail_widen(&hl, true, "app=api", 3));
}

/* The new command agrees: the tail widened follows the selector. */
static void
the_widened_tail_is_a_selector_tail(void **state)
{
	struct config_host k = host(DRIVER_K8S);
	char cmd[WR_CMD_MAX];
	struct wr_err err;

	(void)state;
	assert_true(podtail_widen(&k, true, "app=api", 3));
	assert_int_equal(driver_cmd_logs(&k, "api", "app=api", 3, cmd, sizeof(cmd), &err), 0);
	assert_non_null(strstr(cmd, "kubectl logs -f -l 'app=api' --prefix "));
}

static void
said_in_words(void **state)
{
	char buf[120], small[12];

	(void)state;
	podtail_news("h1", "api", 3, buf, sizeof(buf));
	assert_string_equal(buf, "h1/api: now following all 3 pods");
	podtail_news("h1", "api", 1, buf, sizeof(buf));
	assert_string_equal(buf, "h1/api: now following every pod of its deployment (1 now)");
	podtail_news("h1", "api", 0, buf, sizeof(buf));
	assert_string_equal(buf, "h1/api: now following every pod of its deployment (none now)");
	podtail_news("h1", "api", 3, small, sizeof(small));
	assert_string_equal(small, "h1/api: now");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(widened_once_the_selector_is_read),
		cmocka_unit_test(not_before_the_selector_is_known),
		cmocka_unit_test(only_a_tail_of_one_pod),
		cmocka_unit_test(the_widened_tail_is_a_selector_tail),
		cmocka_unit_test(said_in_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
