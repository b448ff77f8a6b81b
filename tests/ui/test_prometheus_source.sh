#!/bin/sh
# test_prometheus_source.sh — METRICS from a real Prometheus instead of the
# host's /metrics: the fleet's h1 with no metrics_url, [warroom] naming
# the fleet's Prometheus and two queries with {host} and a [10s] window
# (1 s scrapes). A query Prometheus refuses shows its words in METRICS and
# no verdict, and a host whose name is not the label value ("helm", a
# second section for h1) says its query matched no series; with good
# queries the good tag is OK, Prometheus stopped (SIGSTOP) turns it NO
# DATA with the timeout in its verdict.change; with h1's own up_query,
# Prometheus's scrapes of h1 refused (its token changed, 401s; rate()
# went on giving the last figures, OK, for most of a minute) turn it NO
# DATA within a few intervals, saying so; the bad tag turns it to
# ROLLBACK IMMEDIATELY with the error rate, and the change is a
# verdict.change record; rolled back, the bad verdicts while the window
# still holds the bad release's errors say so, in METRICS and their
# verdict.change records.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/bin/prometheus ] || skip "/usr/bin/prometheus is not installed"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --prometheus --scrape-interval 1s
prom=$(cat "$fl/prometheus.url") || fail "no prometheus.url"
prom_pid=$(awk '$3 == "prometheus" { print $1 }' "$fl/pids")
prom_cont() { kill -CONT "$prom_pid" 2> /dev/null || true; }
cleanup_hooks="prom_cont $cleanup_hooks"
# Plenty of requests, so a 10 s window always holds some 5xx of a bad tag.
"$fleet" set --dir "$fl" h1 traffic_rps=500 > /dev/null || fail "fleet set traffic_rps"

# conf P95_QUERY OUT — the fleet's config with h1's metrics from Prometheus.
conf() {
	cat > "$tmp/prom.ini" <<INI
metrics_interval = 1s
prometheus_url = $prom
error_rate_query = sum(rate(http_requests_total{host="{host}",status=~"5.."}[10s])) / sum(rate(http_requests_total{host="{host}"}[10s]))
p95_query = $1
request_rate_query = sum(rate(http_requests_total{host="{host}"}[10s]))
INI
	sed -e '/^metrics_url = /d' -e "/^\[warroom\]\$/r $tmp/prom.ini" "$fl/warroom.conf" > "$2"
	# h1 again as "helm": {host} is filled with a name no series has.
	sed -n '/^\[host "h1"\]/,/^$/p' "$2" | sed 's/^\[host "h1"\]/[host "helm"]/' >> "$2"
	"$WARROOM" -c "$2" --check-config > "$tmp/check" 2>&1 || { cat "$tmp/check"; fail "config refused"; }
}

conf 'sum(' "$tmp/badq.conf"
assert_contains "$tmp/check" "metrics from Prometheus: prometheus_url=$prom (through SSH)"
assert_contains "$tmp/check" 'error_rate_query=sum(rate(http_requests_total{host="h1",status=~"5.."}[10s]))'
ok "--check-config: h1 reads Prometheus, {host} filled in"

start 200 40 "$WARROOM -c $tmp/badq.conf"
wait_for "prometheus: p95_query: Prometheus query failed (bad_data)" 30
wait_re "^│h1 +NO DATA" 5
assert_contains "$tmp/screen" "p95    no data"
assert_not_contains "$tmp/screen" "ROLLBACK"
grep -qE "^│h1 +OK" "$tmp/screen" && fail "a verdict of OK without a p95"
ok "a query Prometheus refuses: its words in METRICS, NO DATA, no verdict"
keys Down Down
wait_for "prometheus: the error-rate query matched no series (is {host} the label value? it was 'helm')" 10
ok "a query matching no series says so, and what {host} was"
quit_console

p95='histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{host="{host}"}[10s])))'
conf "$p95" "$tmp/prom.conf"
# h1's own, not "helm"'s: helm has no up series, and says so.
sed -i '/^\[host "h1"\]$/a up_query = up{host="{host}"}' "$tmp/prom.conf"
"$WARROOM" -c "$tmp/prom.conf" --check-config > "$tmp/check" 2>&1 || { cat "$tmp/check"; fail "config refused"; }
assert_contains "$tmp/check" 'up_query=up{host="h1"}'
start 200 40 "$WARROOM -c $tmp/prom.conf --incident prom-drill"
wait_re "^│h1 +OK" 30
wait_re "[0-9.]+ req/s, from Prometheus at $prom" 5
assert_contains "$tmp/screen" "below thresholds: error rate"
# h1's lines; METRICS' one-line row of the other host, helm, says its own.
! grep -v "^│helm " "$tmp/screen" | grep -q "prometheus:" ||
	{ cat "$tmp/screen"; fail "h1's figures say prometheus: while it answers"; }
ok "the good tag: OK from Prometheus's figures, and the pane says where they come from"

kill -STOP "$prom_pid"
wait_re "^│h1 +NO DATA" 20
wait_re "prometheus: ([a-z0-9_, ]*_query: )?Operation timed out" 5
# The reason line leaves it to the lines of their own below (one, or one
# more for up_query when its timeout's milliseconds differ).
! grep 'no data for error rate' "$tmp/screen" | grep -v "^│helm " | grep -q 'Operation timed out' ||
	{ cat "$tmp/screen"; fail "the timeout said in the reason line too"; }
[ "$(grep -v "^│helm " "$tmp/screen" | grep -c 'Operation timed out')" -le 2 ] ||
	{ cat "$tmp/screen"; fail "the timeout said more than once per line"; }
prom_cont
wait_re "^│h1 +OK" 30
ok "Prometheus not answering: NO DATA, then OK once it answers again"

# Prometheus's scrapes of h1 refused (HTTP 401): its [10s] rate() still
# answers from the last good samples, but up is 0 after one scrape.
token=$("$fleet" get --dir "$fl" h1 token_file) || fail "fleet get token_file"
cp "$token" "$tmp/token.good"
echo wrong-token > "$token"
wait_re "^│h1 +NO DATA" 4
wait_for "Prometheus cannot scrape h1 (up is 0)" 2
ok "h1's scrapes failing, up_query set: NO DATA at once, saying Prometheus cannot scrape h1"
cp "$tmp/token.good" "$token"
wait_re "^│h1 +OK" 20

"$fleet" set-tag --dir "$fl" h1 all v1.5.0-bad > /dev/null || fail "set-tag"
wait_re "^│h1 +ROLLBACK IMMEDIATELY" 40
wait_re "error rate [0-9.]+% > 5%" 2
ok "the bad tag: ROLLBACK IMMEDIATELY once the window holds it, with the error rate"

# Rolled back: for its [10s] the window still holds the bad release's
# errors, and every bad verdict in it says so, held or not (CONSIDER
# ROLLBACK 3.6% with no word of the rollback, a trap for a second one).
keys A
keys -l arm
keys Enter
wait_re "ARMED [0-9]" 5
keys r
wait_for "type api and press Enter" 10
keys -l api
keys Enter
wait_for "rolled back" 15
wait_re "^│h1 +OK" 30
ok "after the rollback: METRICS says the window still holds the old release's errors"
quit_console
journal=$(ls "$fl"/timeline/prom-drill-*.jsonl) || fail "no journal"
grep -q '"kind":"verdict.change","host":"h1".*"verdict":"ROLLBACK IMMEDIATELY"' "$journal" ||
	fail "no verdict.change to ROLLBACK IMMEDIATELY in the journal"
# Said once when every query timed out; named per query when up_query's
# answer came in before the hang (a slow machine).
grep -q '"kind":"verdict.change","host":"h1".*"verdict":"NO DATA","reason":"no data for error rate, p95 (prometheus: \([a-z0-9_, ]*_query: \)\?Operation timed out after' "$journal" ||
	{ grep verdict "$journal"; fail "the NO DATA verdict.change does not say Prometheus timed out"; }
ok "each change is a verdict.change record; NO DATA's says why"
# After the rollback's end, each bad verdict.change (one at least: the
# rate falls through the levels) names the rollback, after its figures;
# not a level held only by the calm checks, whose figures are below
# every threshold (nothing in the window is the old release's any more).
awk '/"kind":"action.end","host":"h1"/ { after = 1; next }
	after && /"kind":"verdict.change","host":"h1"/ && !/"verdict":"OK"/ && !/"reason":"below thresholds/ {
		bad++; if ($0 !~ /"reason":"[^"]+ \xe2\x80\x94 rolled back [0-9]+ s ago: the rate window still holds the old release.s errors/) wrong++ }
	END { exit !(bad > 0 && wrong == 0) }' "$journal" ||
	{ grep -E 'verdict.change|action.end' "$journal"; fail "a bad verdict.change after the rollback does not name it"; }
ok "the bad verdict.change records within the window name the rollback"
exit 0
