#!/bin/sh
# test_fleet_prometheus.sh — `fleet up --prometheus`: Debian's prometheus
# scrapes every fleet service with its bearer token; PromQL sees the bad tag.
for c in "$(dirname "$0")" "${srcdir:-.}" "${srcdir:-.}/tests/fleet"; do [ -f "$c/common.sh" ] && break; done
. "$c/common.sh"
[ -x /usr/bin/prometheus ] || skip "/usr/bin/prometheus not installed"

fleet up --dir "$D" --hosts 2 --driver mixed --base-port auto --prometheus >/dev/null || fail "fleet up --prometheus"
P=$(cat "$D/prometheus.url") || fail "no prometheus.url"
check "prometheus.url is loopback" contains "$P" "http://127.0.0.1:"
check "warroom.conf mentions it in a comment" contains "$(cat "$D/warroom.conf")" "; prometheus url = $P"
q() { curl -s --get --data-urlencode "query=$1" "$P/api/v1/query"; }
targets_up() { [ "$(q 'sum(up{job=~"fleet-.*"})' | py "d['data']['result'][0]['value'][1]" 2>/dev/null)" = 2 ]; }
wait_until 20 targets_up || fail "targets not up: $(q 'up')"
ok "both fleet targets are up (bearer token accepted)"

fleet set-tag --dir "$D" h1 all v1.5.0-bad >/dev/null
sleep 5
r=$(q 'sum(rate(http_requests_total{host="h1",path="/api/orders",status=~"5.."}[4s])) / sum(rate(http_requests_total{host="h1",path="/api/orders"}[4s]))' | py "d['data']['result'][0]['value'][1]")
python3 -c "import sys; sys.exit(not 0.04 <= float('$r') <= 0.12)" || fail "PromQL error ratio on the bad tag: $r"
ok "PromQL error ratio for h1 (bad tag): $r"
r=$(q 'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{host="h1"}[4s])))' | py "d['data']['result'][0]['value'][1]")
python3 -c "import sys; sys.exit(not 1.0 <= float('$r') <= 2.0)" || fail "PromQL p95 on the bad tag: $r"
ok "PromQL p95 for h1 (bad tag): ${r}s"
r=$(q 'sum(rate(http_requests_total{host="h2",status=~"5.."}[4s]))' | py "d['data']['result'][0]['value'][1]")
python3 -c "import sys; sys.exit(not float('$r') < 0.1)" || fail "h2 5xx rate $r"
ok "h2 (good tag) 5xx rate: $r/s"

fleet down --dir "$D" >/dev/null || fail "down"
check "down: prometheus stopped too, nothing left" no_leftovers
exit 0
