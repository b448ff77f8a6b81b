#!/bin/sh
# test_restarts_no_metrics.sh — a Compose host with neither metrics_url
# nor prometheus_url is still judged on its restarts, which the watch
# reads over SSH: calm, it is NO DATA (never OK: no health was measured)
# with its reason saying the verdict rests on restarts only, and its
# error rate and p95 said not configured rather than missing; when the
# fleet's h1 api crash-loops (fleet crash) it turns ROLLBACK IMMEDIATELY
# with "4+ restarts in 5m ≥ 3", in HOSTS and METRICS, and each turn is a
# verdict.change in the journal.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1
sed -e 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nmetrics_interval = 1s/' \
	-e '/^metrics_url = /d' "$fl/warroom.conf" > "$tmp/c.conf"
grep -q '^metrics_url\|^prometheus_url' "$tmp/c.conf" && fail "the config still has metrics"

start 200 45 "$WARROOM -c $tmp/c.conf --incident no-metrics"
wait_re "^│h1 +NO DATA " 20
wait_for "0 restarts in 5m; no metrics configured: verdict from restarts only" 5
wait_re "^│  errors no metrics configured" 2
wait_re "^│  p95    no metrics configured" 2
wait_for "rollback at 3 restarts in 5m" 2
assert_not_contains "$tmp/screen" "no data for error rate"
assert_not_contains "$tmp/screen" "no metrics_url in the config"
ok "a calm host without metrics: NO DATA from its restarts, its figures not configured"

"$fleet" crash --dir "$fl" h1 api 4 > /dev/null || fail "fleet crash"
wait_re "^│h1 +ROLLBACK IMMEDIATELY" 15
wait_re "^│  4\\+ restarts in 5m ≥ 3; no metrics configured: verdict from restarts only" 2
wait_re "│>[ !]h1 +api +UP +v1\\.4\\.[01] +ROLLBACK IMMEDIATELY .* 4\\+ " 5
ok "a crash loop on a host without metrics: ROLLBACK IMMEDIATELY with '4+ restarts in 5m ≥ 3'"

keys q
wait_for "exit=0"
journal=$(ls "$fl"/timeline/no-metrics-*.jsonl) || fail "no journal"
grep -q '"kind":"verdict.change".*"NO DATA".*no metrics configured' "$journal" ||
	{ grep verdict.change "$journal"; fail "no verdict.change NO DATA from restarts only"; }
grep -q '"kind":"verdict.change".*ROLLBACK IMMEDIATELY.*4+ restarts in 5m' "$journal" ||
	{ grep verdict.change "$journal"; fail "no verdict.change with the restarts reason"; }
ok "both verdicts are verdict.change records, with their reasons"
