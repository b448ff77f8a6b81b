#!/bin/sh
# test_http_faults.sh — the probe path against endpoints that break HTTP
# rather than answer badly: one host per fault (hang, 1 byte/s, 50 MiB
# body, redirect loop, invalid JSON, an HTML page on /healthz and /readyz)
# and one healthy host to compare with.
#  - http.c (through the SSH tunnel and direct): every request ends within
#    its timeout with a clear error, a body is cut at the cap and the
#    process stays small, a redirect is reported and never followed (the
#    loop's server sees one request per GET; a bearer token redirected to a
#    trap never reaches it).
#  - the console: every faulted host's HEALTH and READY are UNKNOWN or FAIL,
#    never OK, with the reason spelled out, while the healthy host is OK;
#    its scrapes redirected to the trap carry no token there either.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
command -v python3 > /dev/null 2>&1 || skip "python3 is not installed"
[ -x /usr/bin/time ] || skip "/usr/bin/time is not installed"
probe=$top_builddir/tests/integration/http_probe
export XDG_RUNTIME_DIR=$tmp/run
mkdir -p "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
fleet_up --hosts 7
conf=$fl/warroom.conf
fault() { "$fleet" fault --dir "$fl" "$@" > /dev/null || fail "fleet fault $*"; }
fault h1 http-hang
fault h2 http-drip
fault h3 http-huge 50
fault h4 http-redirect
fault h5 bad-json
fault h6 http-html
line() { grep "^$1 0 " "$tmp/out" || { cat "$tmp/out"; fail "no answer line for $1"; }; }

# All seven at once through the tunnels, 3 s per request, the poller's cap.
t0=$(date +%s)
"$probe" -c "$conf" -p /healthz -m 65536 -t 3 > "$tmp/out" || { cat "$tmp/out"; fail "the probe left requests pending"; }
[ $(( $(date +%s) - t0 )) -le 7 ] || { cat "$tmp/out"; fail "the requests took longer than their timeout"; }
line h1 | grep -qE 'status=0 len=0 ms=3[0-9]{3} .*error=Operation timed out after 3[0-9]{3} milliseconds with 0 bytes received' ||
	fail "hang: $(line h1)"
line h2 | grep -qE 'status=200 len=[0-9] ms=3[0-9]{3} .*error=Operation timed out after 3[0-9]{3} milliseconds with [0-9] out of 239 bytes received' ||
	fail "drip: $(line h2)"
# Huge: cut at the cap; on a loaded machine (a sanitizer pass) the 3 s may
# run out first, and then no more than the cap may have been kept.
line h3 | grep -q 'status=200 len=65536 ms=[0-9]* truncated ctype=text/plain$' ||
	line h3 | grep -qE 'status=200 len=([0-9]{1,4}|[0-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-6]) ms=3[0-9]{3} .*error=Operation timed out after 3[0-9]{3} milliseconds with [0-9]+ out of 52428800 bytes received' ||
	fail "huge: $(line h3)"
line h4 | grep -q 'status=302 len=[0-9]* ms=[0-9]* ctype=application/json$' || fail "redirect: $(line h4)"
line h5 | grep -q 'status=200 len=[0-9]* ms=[0-9]* ctype=application/json$' || fail "bad json: $(line h5)"
line h6 | grep -q 'status=200 len=[0-9]* ms=[0-9]* ctype=text/html$' || fail "html: $(line h6)"
line h7 | grep -q 'status=200 len=17 ms=[0-9]* ctype=application/json$' || fail "healthy: $(line h7)"
ok "hang and drip end at the 3 s timeout with curl's reason; the body is cut at the cap; a 302 is reported, not followed"

# only FILE HOST… — the fleet's config with those hosts alone: a probe
# of them need not wait out the others' hang and drip.
only() {
	out=$1
	shift
	awk -v want=" $* " '/^\[/ { keep = $0 !~ /^\[host "/ || index(want, " " substr($2, 2, length($2) - 3) " ") }
		keep' "$conf" > "$out"
	for h in "$@"; do grep -qxF "[host \"$h\"]" "$out" || fail "no $h in $conf"; done
}

# 50 MiB behind the default 4 MiB cap, directly: memory stays bounded.
# Compared with the same run at a 64 KiB cap, so a sanitizer build's
# larger baseline does not matter; reading it all would add 50 MiB.
# h4 too: its redirect loop counts the direct GETs below.
only "$tmp/h34.conf" h3 h4
maxrss() {
	/usr/bin/time -f "maxrss=%M" -o "$tmp/rss" "$probe" -d -c "$tmp/h34.conf" -p /healthz -t 10 "$@" > "$tmp/out" || true
	sed -n 's/^maxrss=//p' "$tmp/rss"
}
small=$(maxrss -m 65536)
line h3 | grep -q 'status=200 len=65536 .* truncated' || fail "huge, 64 KiB cap: $(line h3)"
big=$(maxrss)
line h3 | grep -q 'status=200 len=4194304 .* truncated' || fail "huge, default cap: $(line h3)"
[ $((big - small)) -lt 24000 ] || fail "a 50 MiB body grew the probe from $small to $big KiB"
ok "a 50 MiB body costs about the 4 MiB cap (max RSS $small KiB at a 64 KiB cap, $big KiB at 4 MiB)"

# The loop's server saw one request per GET: three probes so far, no follow.
tok=$(cat "$("$fleet" get --dir "$fl" h4 token_file)")
url4=$("$fleet" get --dir "$fl" h4 url)
fault h4 clear http-redirect
curl -s -H "Authorization: Bearer $tok" "$url4/metrics" > "$tmp/m4"
grep -q '^http_requests_total{method="GET",path="/healthz",status="302"} 3$' "$tmp/m4" ||
	{ grep healthz "$tmp/m4"; fail "the redirect loop was followed"; }
ok "the redirect loop's server saw exactly the three GETs: nothing followed"

# A bearer token redirected to another port (the status page's trap).
trap_url=http://127.0.0.1:$("$fleet" get --dir "$fl" statuspage redirect_port)
fault h4 http-redirect "$trap_url"
req=$fl/statuspage/requests.jsonl
only "$tmp/h4.conf" h4
"$probe" -d -c "$tmp/h4.conf" -p /metrics -H "Authorization: Bearer $tok" -t 2 > "$tmp/out" || true
line h4 | grep -q 'status=302' || fail "metrics redirect: $(line h4)"
! grep -q '"trap": *true' "$req" 2> /dev/null || { cat "$req"; fail "a redirect was followed to the trap"; }
ok "a redirected request with a bearer token is not followed to the trap"

# The console: no faulted host is ever shown healthy.
start 200 50 "$WARROOM -c $conf --incident httpfaults"
wait_re "│. h7 +api +UP .* OK +OK " 15
i=0
until tmx capture-pane -p -t t -S 0 > "$tmp/screen" && grep -q "h2: .*cut short: Operation timed out" "$tmp/screen"; do
	# the detail line follows the selection: walk down to h2 and wait there
	[ $i = 0 ] && keys Down Down
	sleep 0.2; i=$((i + 1)); [ $i -lt 75 ] || { cat "$tmp/screen"; fail "no cut-short reason for h2"; }
done
sleep 3                      # the fast hosts' second probe round
capture
# A row but for its VERDICT cell: the metrics' verdict may well be OK for
# a host whose /metrics works (h2's drip leaves it alone); the probes' cells
# and every other one must not say OK.
head=$(grep -m 1 -E "^│ +HOST +SERVICE +CONN +TAG +VERDICT +STATE " "$tmp/screen") ||
	{ cat "$tmp/screen"; fail "no HOSTS header with VERDICT before STATE"; }
verdict_at=$(awk -v l="$head" 'BEGIN { print index(l, "VERDICT") }')
state_at=$(awk -v l="$head" 'BEGIN { print index(l, "STATE") }')
for h in h1 h2 h3 h4 h5 h6; do
	grep -E "^│. $h +api " "$tmp/screen" > "$tmp/row" || { cat "$tmp/screen"; fail "no row for $h"; }
	grep -qE ' (UNKNOWN|FAIL) +(UNKNOWN|FAIL) ' "$tmp/row" || { cat "$tmp/row"; fail "$h is not UNKNOWN/FAIL"; }
	awk -v a="$verdict_at" -v b="$state_at" '{ print substr($0, 1, a - 1) substr($0, b) }' "$tmp/row" |
		grep -qw OK && { cat "$tmp/row"; fail "$h is shown OK"; }
done
ok "the console shows every faulted host UNKNOWN or FAIL, the healthy one OK"

keys Down Down
wait_for "h3: healthz UNKNOWN (HTTP 200: body over 65536 bytes, cut)"
keys Down Down
wait_for "h4: healthz UNKNOWN (HTTP 302: is health_url right?)"
keys Down Down Down Down
wait_for "h6: healthz UNKNOWN (HTTP 200: an HTML page, not a health answer)"
keys Up Up Up Up Up Up Up Up Up Up
wait_for "h1: healthz UNKNOWN (no answer: Operation timed out after 50"
ok "each reason is spelled out on the selected row"

pid=$(ps -o pid= --ppid "$(tmx display -p -t t '#{pane_pid}')" | tr -d ' ' | head -1)
hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status" 2> /dev/null || echo 0)
# (a sanitizer build's baseline is far larger: the bound is for plain builds)
[ -n "${ASAN_OPTIONS:-}" ] || { [ -n "$hwm" ] && [ "$hwm" -lt 100000 ]; } ||
	fail "the console grew to $hwm KiB"
! grep -q '"trap": *true' "$req" 2> /dev/null || { cat "$req"; fail "the console followed a redirect to the trap"; }
keys q
wait_for "exit=0"
ok "the console stayed small (VmHWM $hwm KiB) and followed no scrape redirect to the trap"
