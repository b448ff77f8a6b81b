#!/bin/sh
# test_prometheus_verdict.sh — our arithmetic agrees with a real Prometheus.
# The fleet's h1 goes to a bad tag; Debian's prometheus scrapes it every
# second. The PromQL a user would write (error ratio, histogram_quantile of
# p95) and two /metrics snapshots read by metrics_verdict (libcore's
# metrics.c + decide.c) must give the same verdict, ROLLBACK IMMEDIATELY,
# and error rates within 0.02 of each other.
#
# The rate window is [10s], not [1m]: with a 1 s scrape interval 10 s hold
# 10 samples, plenty for rate(), and the test takes seconds, not minutes.
# The queries run once the window holds only bad-tag data.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/common.sh"
[ -x /usr/bin/prometheus ] || skip "/usr/bin/prometheus is not installed"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
command -v curl > /dev/null 2>&1 || skip "curl is not installed"
verdict=$top_builddir/tests/integration/metrics_verdict
fleet=$top_srcdir/tests/fleet/fleet
fl=$tmp/fleet
fleet_down() { "$fleet" down --dir "$fl" > /dev/null 2>&1 || true; }
cleanup_hooks="$cleanup_hooks fleet_down"
WINDOW_S=10
WINDOW=${WINDOW_S}s

"$fleet" up --dir "$fl" --hosts 1 --prometheus --scrape-interval 1s --base-port auto \
	> "$tmp/up.log" 2>&1 || { cat "$tmp/up.log"; fail "fleet up --prometheus"; }
prom=$(cat "$fl/prometheus.url") || fail "no prometheus.url"
port=$("$fleet" get --dir "$fl" h1 http_port) || fail "no http_port"
token=$(cat "$fl/hosts/h1/metrics.token")
scrape() { curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/metrics" > "$1"; }
query() { curl -sf --get --data-urlencode "query=$1" "$prom/api/v1/query" > "$2"; }

"$fleet" set-tag --dir "$fl" h1 all v1.5.0-bad > /dev/null || fail "set-tag"
start=$(date +%s)
sleep 2
scrape "$tmp/t0.prom" || fail "scrape t0"
sleep 10
scrape "$tmp/t1.prom" || fail "scrape t1"
"$verdict" "$tmp/t0.prom" "$tmp/t1.prom" 10 > "$tmp/direct" || fail "metrics_verdict on snapshots"
ok "direct: $(cat "$tmp/direct")"

# Wait until the whole window lies after the tag change (plus a scrape).
while [ $(( $(date +%s) - start )) -lt $((WINDOW_S + 3)) ]; do sleep 1; done
query "sum(rate(http_requests_total{status=~\"5..\"}[$WINDOW])) / sum(rate(http_requests_total[$WINDOW]))" \
	"$tmp/er.json" || fail "error-rate query"
query "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[$WINDOW])))" \
	"$tmp/p95.json" || fail "p95 query"
"$verdict" -q "$tmp/er.json" "$tmp/p95.json" > "$tmp/promql" || {
	cat "$tmp/er.json" "$tmp/p95.json"; fail "metrics_verdict on query answers"; }
ok "promql: $(cat "$tmp/promql")"

field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" "$2"; }
assert_contains "$tmp/direct" "verdict=ROLLBACK IMMEDIATELY"
assert_contains "$tmp/promql" "verdict=ROLLBACK IMMEDIATELY"
ok "both paths say ROLLBACK IMMEDIATELY"
a=$(field error_rate "$tmp/direct")
b=$(field error_rate "$tmp/promql")
awk -v a="$a" -v b="$b" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d <= 0.02) }' ||
	fail "error rates differ: direct $a, PromQL $b"
ok "error rates agree: direct $a, PromQL $b"
pa=$(field p95_ms "$tmp/direct")
pb=$(field p95_ms "$tmp/promql")
awk -v a="$pa" -v b="$pb" 'BEGIN { exit !(a >= 1000 && b >= 1000 && a <= 2000 && b <= 2000) }' ||
	fail "p95 out of the bad tag's range: direct $pa ms, PromQL $pb ms"
ok "p95 in the bad tag's band: direct $pa ms, PromQL $pb ms"
exit 0
