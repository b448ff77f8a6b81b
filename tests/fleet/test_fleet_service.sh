#!/bin/sh
# test_fleet_service.sh — the per-host service: /healthz /readyz /version
# /metrics (bearer token, counters, histogram) /export /api; a bad tag gives
# ~8 % 5xx and ~1.5 s p95 computed from two scrapes; log lines and rates.
for c in "$(dirname "$0")" "${srcdir:-.}" "${srcdir:-.}/tests/fleet"; do [ -f "$c/common.sh" ] && break; done
. "$c/common.sh"

fleet up --dir "$D" --hosts 2 --base-port auto >/dev/null || fail "fleet up"
U=$(url h1)
TOK=$(token h1)
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

check "/healthz" eq "$(curl -s "$U/healthz" | py "d['status']")" "ok"
check "/readyz has ready and migrations_current" eq "$(curl -s "$U/readyz" | py "d['ready'], d['migrations_current']")" "(True, True)"
check "/version is the running tag" eq "$(curl -s "$U/version" | py "d['service'], d['version']")" "('api', 'v1.4.1')"
check "/export 200" eq "$(code "$U/export")" 200
check "/nope 404" eq "$(code "$U/nope")" 404
check "/metrics without a token: 401" eq "$(code "$U/metrics")" 401
check "/metrics with a wrong token: 401" eq "$(code -H "Authorization: Bearer x$TOK" "$U/metrics")" 401
check "/metrics with h2's token: 401" eq "$(code -H "Authorization: Bearer $(token h2)" "$U/metrics")" 401
check "/metrics with the token: 200" eq "$(code -H "Authorization: Bearer $TOK" "$U/metrics")" 200
check "warroom.conf names the token file" contains "$(cat "$D/warroom.conf")" "metrics_token_file = $D/hosts/h1/metrics.token"

scrape() { curl -s -H "Authorization: Bearer $(token "$1")" "$(url "$1")/metrics"; }
m=$(scrape h1)
check "exposition: http_requests_total with status label" contains "$m" 'http_requests_total{method="GET",path="/api/orders",status="200"} '
check "exposition: TYPE histogram" contains "$m" "# TYPE http_request_duration_seconds histogram"
check "exposition: +Inf bucket" contains "$m" 'http_request_duration_seconds_bucket{le="+Inf"} '
printf '%s\n' "$m" | python3 -c '
import sys
b = [(l.split("le=\"")[1].split("\"")[0], float(l.rsplit(" ", 1)[1])) for l in sys.stdin if l.startswith("http_request_duration_seconds_bucket")]
v = [x for _, x in b]
assert v == sorted(v), b
assert b[-1][0] == "+Inf"
' || fail "histogram buckets not cumulative"
ok "histogram buckets are cumulative"

# rates between two scrapes: error ratio and p95 (histogram_quantile's interpolation)
rates() {
	python3 - "$1" "$2" <<'EOF'
import sys
def parse(path):
    req, bk = {}, []
    for l in open(path):
        if l.startswith("http_requests_total{") and 'path="/api/orders"' in l:
            req[l.split('status="')[1].split('"')[0]] = float(l.rsplit(" ", 1)[1])
        if l.startswith("http_request_duration_seconds_bucket"):
            le = l.split('le="')[1].split('"')[0]
            bk.append((float("inf") if le == "+Inf" else float(le), float(l.rsplit(" ", 1)[1])))
    return req, bk
(r1, b1), (r2, b2) = parse(sys.argv[1]), parse(sys.argv[2])
dr = {k: r2[k] - r1.get(k, 0) for k in r2}
tot = sum(dr.values())
err = sum(v for k, v in dr.items() if k.startswith("5")) / tot
db = [(le, c2 - c1) for (le, c2), (_, c1) in zip(b2, b1)]
n = db[-1][1]
rank, prev_le, prev_c = 0.95 * n, 0.0, 0.0
for le, c in db:
    if c >= rank:
        p95 = prev_le + (le - prev_le) * (rank - prev_c) / (c - prev_c)
        break
    prev_le, prev_c = le, c
print("%.4f %.3f %d" % (err, p95, tot))
EOF
}
scrape h1 > "$T/m1"; sleep 2.5; scrape h1 > "$T/m2"
set -- $(rates "$T/m1" "$T/m2")
python3 -c "import sys; e, p, n = float('$1'), float('$2'), int('$3'); sys.exit(not (e < 0.01 and p < 0.5 and n >= 30))" ||
	fail "good tag: error ratio $1, p95 $2 s over $3 requests"
ok "good tag: error ratio $1, p95 ${2}s over $3 simulated requests"

# Plenty of simulated traffic, so the few real requests this test makes
# (and the log writer's samples) cannot sway the ratios.
fleet set --dir "$D" h1 traffic_rps=2000 >/dev/null || fail "set traffic_rps"
fleet set-tag --dir "$D" h1 all v1.5.0-bad >/dev/null || fail "set-tag"
check "set-tag deploys: /version" eq "$(curl -s "$U/version" | py "d['version']")" "v1.5.0-bad"
check "set-tag wrote .env and releases.log" contains "$(cat "$D/hosts/h1/app/.env" "$D/hosts/h1/app/releases.log")" "IMAGE_TAG=v1.5.0-bad"
scrape h1 > "$T/m1"; sleep 3; scrape h1 > "$T/m2"
set -- $(rates "$T/m1" "$T/m2")
python3 -c "import sys; e, p = float('$1'), float('$2'); sys.exit(not (0.06 <= e <= 0.10 and 1.3 <= p <= 1.7))" ||
	fail "bad tag: error ratio $1, p95 $2 s (want ~0.08, ~1.5)"
ok "bad tag: error ratio $1, p95 ${2}s over $3 simulated requests"
check "h2 unaffected" eq "$(curl -s "$(url h2)/version" | py "d['version']")" "v1.4.1"

# /api requests are real: status from the bad profile, in JSON
r=$(curl -s "$U/api/orders/1")
check "/api/orders answers with the running version" contains "$r" '"version": "v1.5.0-bad"'

# logs follow the tag: ERROR lines for a bad tag
fleet set --dir "$D" h1 log_rate=200 >/dev/null
sleep 1.5
n=$(grep -c ' ERROR api .*tag=v1.5.0-bad' "$D/hosts/h1/logs/api.log")
[ "$n" -ge 5 ] || fail "only $n ERROR lines at 200 lines/s on a bad tag"
ok "bad tag logs ERROR lines ($n)"

# label name switch (some exporters use `code`)
fleet set --dir "$D" h1 metrics_label=code >/dev/null
check "metrics_label=code" contains "$(scrape h1)" 'code="200"'

# log rate: 100 000 lines/s for about a second, then back to idle
lines() { wc -l < "$D/hosts/h2/logs/api.log"; }
a=$(lines); fleet set --dir "$D" h2 log_rate=100000 >/dev/null; sleep 1.5
fleet set --dir "$D" h2 log_rate=2 >/dev/null; b=$(lines)
n=$((b - a))
[ "$n" -ge 60000 ] || fail "log_rate=100000 wrote only $n lines in ~1.5 s"
ok "log_rate=100000: $n lines in ~1.5 s"
grep -q 'seq=' "$D/hosts/h2/logs/api.log" || fail "no seq= numbers in log lines"
pid=$(awk '$3 == "service" && $4 == "h2" {print $1}' "$D/pids")
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
sleep 0.5; c1=$(cpu); sleep 3; c2=$(cpu)
[ $((c2 - c1)) -le 9 ] || fail "idle service (2 lines/s) used $((c2 - c1)) ticks in 3 s"
ok "idle service at 2 lines/s: $((c2 - c1)) clock ticks of CPU in 3 s"

# a fleet without metrics tokens
fleet down --dir "$D" >/dev/null || fail "down"
rm -rf "$D"
fleet up --dir "$D" --hosts 1 --base-port auto --no-metrics-token >/dev/null || fail "up --no-metrics-token"
check "--no-metrics-token: /metrics open" eq "$(code "$(url h1)/metrics")" 200
grep -q metrics_token_file "$D/warroom.conf" && fail "warroom.conf still names a token file"
ok "--no-metrics-token: no metrics_token_file in warroom.conf"
exit 0
