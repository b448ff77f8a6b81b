#!/bin/sh
# test_metrics_down.sh — a host whose SSH connection is down has no
# metrics: its scrapes (and Prometheus queries, when tunnelled) go through
# that connection. METRICS turns it from OK to NO DATA at the next round,
# saying why, with one verdict.change; back UP, OK again. A host reading
# Prometheus directly (tunnel = false) keeps its verdict: its figures do
# not need SSH. h1: metrics_url; h2: Prometheus, direct; h3: Prometheus
# through SSH. 1 s metrics rounds, 1 s Prometheus scrapes.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
[ -x /usr/bin/prometheus ] || skip "/usr/bin/prometheus is not installed"
fleet_up --hosts 3 --prometheus --scrape-interval 1s
prom=$(cat "$fl/prometheus.url") || fail "no prometheus.url"
cat > "$tmp/prom.ini" <<INI
metrics_interval = 1s
prometheus_url = $prom
error_rate_query = sum(rate(http_requests_total{host="{host}",status=~"5.."}[10s])) / sum(rate(http_requests_total{host="{host}"}[10s]))
p95_query = histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{host="{host}"}[10s])))
INI
h2port=$("$fleet" get --dir "$fl" h2 http_port) || fail "fleet get h2"
h3port=$("$fleet" get --dir "$fl" h3 http_port) || fail "fleet get h3"
sed -e "/^\[warroom\]\$/r $tmp/prom.ini" \
    -e "s|^metrics_url = http://127.0.0.1:$h2port/metrics\$|tunnel = false|" \
    -e "/^metrics_url = http:\/\/127.0.0.1:$h3port\/metrics\$/d" \
    "$fl/warroom.conf" > "$tmp/c.conf"
"$WARROOM" -c "$tmp/c.conf" --check-config > "$tmp/check" 2>&1 || { cat "$tmp/check"; fail "config refused"; }
assert_contains "$tmp/check" "metrics from Prometheus: prometheus_url=$prom (direct)"
assert_contains "$tmp/check" "metrics from Prometheus: prometheus_url=$prom (through SSH)"
fault() { "$fleet" fault --dir "$fl" "$1" "$2" > /dev/null || fail "fleet fault $*"; }

start 200 50 "$WARROOM -c $tmp/c.conf --incident downdata"
for h in h1 h2 h3; do wait_re "^│$h +OK " 30; done
journal=$(ls "$fl"/timeline/downdata-*.jsonl)
ok "three hosts OK"
before=$(wc -l < "$journal")

for h in h1 h2 h3; do fault $h sshd-stop; done
wait_re "^│h1 +NO DATA" 5
wait_for "no data for error rate, p95, restarts (h1 is DOWN)" 10
assert_contains "$tmp/screen" "no scrapes while h1 is not UP"
wait_re "^│h3 +NO DATA +no data for error rate, p95, restarts \\(h3 is DOWN\\)" 5
# Rounds go on while it is down: still one record, and h2 still OK.
sleep 3
capture
grep -qE "^│h2 +OK +below thresholds" "$tmp/screen" || { cat "$tmp/screen"; fail "h2, read from Prometheus directly, lost its verdict"; }
# A request already out when the connection went fails on its own (its
# words are then the record's); the rounds after it change no level.
tail -n "+$((before + 1))" "$journal" > "$tmp/since"
for h in h1 h3; do
	[ "$(grep -c "\"kind\":\"verdict.change\",\"host\":\"$h\".*\"verdict\":\"NO DATA\"" "$tmp/since")" = 1 ] ||
		{ grep verdict "$tmp/since"; fail "not one verdict.change to NO DATA for $h"; }
done
! grep -q '"kind":"verdict.change","host":"h2"' "$tmp/since" ||
	{ grep verdict "$tmp/since"; fail "h2's verdict changed"; }
ok "SSH down: NO DATA at once, one record each; Prometheus read directly unaffected"

for h in h1 h2 h3; do fault $h sshd-start; done
keys C-r
wait_re "^│h1 +OK " 20
wait_re "^│h3 +OK " 10
ok "back UP: OK again"
keys q
wait_for "exit=0"
"$WARROOM" -c "$tmp/c.conf" export "$(basename "$journal" .jsonl)" --format md > "$tmp/pm.md" ||
	fail "export"
grep -q "verdict.change.*h1.*NO DATA.*no data for error rate, p95" "$tmp/pm.md" || { grep -n "h1" "$tmp/pm.md"; fail "the export leaves out h1's NO DATA"; }
ok "the export's history has it"
exit 0
