#!/bin/sh
# test_restarts_no_metrics.sh — hosts with neither metrics_url nor
# prometheus_url are still judged on their restarts, which the watch
# reads over SSH: calm, a Compose host is NO DATA (never OK: no health
# was measured) with its reason saying the verdict rests on restarts
# only, and its error rate and p95 said not configured rather than
# missing; when h1's api crash-loops (fleet crash) it turns ROLLBACK
# IMMEDIATELY with "api: 4+ restarts in 5m ≥ 3", in HOSTS and METRICS; a k8s
# host (h2) on a bad release whose pods restart does too; a Helm host
# (h3), which reports no restarts, says it has nothing to judge. Each
# turn is a verdict.change in the journal.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 3 --driver mixed
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
wait_re "^│h3 +NO DATA +no metrics configured and no restart count reported: nothing to judge" 5
ok "a calm host without metrics: NO DATA from its restarts, its figures not configured"

"$fleet" crash --dir "$fl" h1 api 4 > /dev/null || fail "fleet crash"
wait_re "^│h1 +ROLLBACK IMMEDIATELY" 15
wait_re "^│  api: 4\\+ restarts in 5m ≥ 3; no metrics configured: verdict from restarts only" 2
wait_re "│>[ !]h1 +api +UP +v1\\.4\\.[01] +ROLLBACK IMMEDIATELY .* 4\\+ " 5
ok "a crash loop on a host without metrics: ROLLBACK IMMEDIATELY with 'api: 4+ restarts in 5m ≥ 3'"

"$fleet" set --dir "$fl" h2 restart_period=0.5 > /dev/null || fail "fleet set"
"$fleet" set-tag --dir "$fl" h2 api v1.5.0-bad > /dev/null || fail "fleet set-tag"
wait_re "^│h2 +ROLLBACK IMMEDIATELY +[0-9]+\\+? restarts in 5m ≥ 3; no metrics" 30
ok "a k8s host without metrics whose pods restart: ROLLBACK IMMEDIATELY from its restarts"

keys q
wait_for "exit=0"
journal=$(ls "$fl"/timeline/no-metrics-*.jsonl) || fail "no journal"
grep -q '"kind":"verdict.change".*"NO DATA".*no metrics configured' "$journal" ||
	{ grep verdict.change "$journal"; fail "no verdict.change NO DATA from restarts only"; }
grep -q '"kind":"verdict.change".*"h2".*ROLLBACK IMMEDIATELY.*restarts in 5m' "$journal" ||
	{ grep verdict.change "$journal"; fail "no verdict.change of h2 with the restarts reason"; }
grep -q '"kind":"verdict.change".*ROLLBACK IMMEDIATELY.*4+ restarts in 5m' "$journal" ||
	{ grep verdict.change "$journal"; fail "no verdict.change with the restarts reason"; }
ok "both verdicts are verdict.change records, with their reasons"
