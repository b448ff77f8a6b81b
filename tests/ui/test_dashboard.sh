#!/bin/sh
# test_dashboard.sh — HOSTS against the fixture fleet: each row shows the
# running tag, container state, /healthz, /readyz, /version and the data's
# age; a deploy changes the tag; a failing endpoint shows FAIL with its
# reason; ready with the schema ahead of the release is a warning (200 ahead!); a tool printing garbage shows ERR and the parser's message,
# never a stale value passed off as fresh; C-r polls at once. METRICS: a bad tag turns the
# verdict to ROLLBACK IMMEDIATELY within two scrape intervals and back to
# OK after the tag is restored, each change a verdict.change record.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 2
# Rounds a second apart: a deploy, a failing endpoint and garbage show
# within a second or two, not the default 5 s.
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nprobe_interval = 1s/' \
	"$fl/warroom.conf" > "$tmp/quick.conf"

start 200 40 "$WARROOM -c $tmp/quick.conf"
row() { printf '%s +%s +UP +' "$1" "$2"; }
# The host's verdict after the tag (blank before its first).
verdict='([A-Z][A-Za-z ()*]*[A-Z)*] +)?'
wait_re "$(row h1 api)v1\.4\.1 +${verdict}running[a-z ]* +OK +OK +v1\.4\.1 " 15
# health_url is api's: the worker beside it has no probes of its own.
wait_re "$(row h2 jobs)v1\.4\.1 +${verdict}running[a-z ]* +- +- +- " 15
wait_for "restarts in 5m: api 0, jobs 0" 15
ok "tags, container state, health, readiness and version per row; jobs is not probed"

"$fleet" set-tag --dir "$fl" h1 api v1.5.0-bad > /dev/null
wait_re "$(row h1 api)v1\.5\.0-bad +${verdict}[a-z ]+ +[A-Z]+ +[A-Z]+ +v1\.5\.0-bad " 15
wait_re "$(row h1 jobs)v1\.4\.1( \.env!)? +${verdict}running[a-z ]* +- +- +- " 2
capture
assert_not_contains "$tmp/screen" "!="
ok "a deploy shows the new tag within a poll; the worker left behind is no version mismatch"

"$fleet" fault --dir "$fl" h2 http-500 > /dev/null
keys Down Down
wait_re "$(row h2 api)v1\.4\.1 +${verdict}[a-z ]+ +FAIL +FAIL " 15
wait_for "h2: healthz FAIL (HTTP 500" 10
"$fleet" fault --dir "$fl" h2 clear http-500 > /dev/null
ok "a failing endpoint shows FAIL with the reason under the table"

"$fleet" fault --dir "$fl" h1 bad-json > /dev/null
keys Home
wait_for "h1/api: compose ps: " 15
ok "garbage from the tool shows as an error, with the parser's message"
keys q
wait_for "exit=0"

# Polls an hour apart: only C-r can show a deploy and a failing endpoint.
"$fleet" fault --dir "$fl" h1 clear bad-json > /dev/null
"$fleet" set-tag --dir "$fl" h1 all v1.4.1 > /dev/null
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1h\nprobe_interval = 1h/' \
	"$fl/warroom.conf" > "$tmp/slow.conf"
start 200 40 "$WARROOM -c $tmp/slow.conf --incident slowpoll"
# Both rows' probes must be in before the deploy, or h1's first /version
# could read the new tag. h1 is back from v1.5.0-bad, its schema still
# ahead: ready, with a warning, not a FAIL.
wait_re "$(row h1 api)v1\.4\.1 +${verdict}running[a-z ]* +OK +200 ahead! +v1\.4\.1 " 15
wait_re "$(row h2 api)v1\.4\.1 +${verdict}running[a-z ]* +OK +OK +v1\.4\.1 " 15
wait_for "h1: readyz 200 but migrations not current: the schema is ahead of this release" 2
# A first tag read asks a probe round of its own (a round sent before it
# may not pair with it): each row's first record waits for that round's
# answers, so once both are journalled no probe is out before the deploy.
slowj=$(ls "$fl"/timeline/slowpoll-*.jsonl)
i=0
until [ "$(grep -c '"kind":"health.change","host":"h[12]".*"service":"api".*"healthz".*"first":true' "$slowj")" -ge 2 ]; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 100 ] || fail "no first health.change for both api rows"
done
ok "rounds an hour apart: the first poll and probes come as a host connects"
"$fleet" set-tag --dir "$fl" h1 all v1.5.0-bad > /dev/null
"$fleet" fault --dir "$fl" h2 http-500 > /dev/null
sleep 2
capture
assert_not_contains "$tmp/screen" "v1.5.0-bad"
keys C-r
wait_for "polling 2 connected hosts now" 2
wait_re "$(row h1 api)v1\.5\.0-bad " 5
wait_re "$(row h2 api)v1\.4\.1 +${verdict}[a-z ]+ +FAIL +FAIL " 5
"$fleet" fault --dir "$fl" h2 clear http-500 > /dev/null
ok "C-r polls every host at once: a deploy and a failing endpoint show without waiting a round"
keys q
wait_for "exit=0"

# The verdict, with one-second intervals and plenty of simulated traffic.
"$fleet" set-tag --dir "$fl" h1 all v1.4.1 > /dev/null
"$fleet" set --dir "$fl" h1 traffic_rps=500 > /dev/null
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nprobe_interval = 1s\nmetrics_interval = 1s/' \
	"$fl/warroom.conf" > "$tmp/fast.conf"
start 200 40 "$WARROOM -c $tmp/fast.conf --incident verdict-drill"
wait_re "^│h1 +OK" 15
assert_contains "$tmp/screen" "below thresholds: error rate"
ok "a good tag: verdict OK, with what was measured"
"$fleet" set-tag --dir "$fl" h1 all v1.5.0-bad > /dev/null
wait_re "^│h1 +ROLLBACK IMMEDIATELY" 6
wait_re "error rate [0-9.]+% \([0-9.]+ of [0-9.]+ requests\) > 5%" 2
ok "a bad tag: ROLLBACK IMMEDIATELY within two scrape intervals, with the reason"
"$fleet" set-tag --dir "$fl" h1 all v1.4.1 > /dev/null
wait_re "^│h1 +OK" 15
ok "the tag restored: back to OK (after the calm checks)"
keys q
wait_for "exit=0"
journal=$(ls "$fl"/timeline/verdict-drill-*.jsonl)
grep -q '"kind":"verdict.change","host":"h1".*"verdict":"ROLLBACK IMMEDIATELY"' "$journal" ||
	fail "no verdict.change to ROLLBACK IMMEDIATELY in the journal"
grep -q '"kind":"verdict.change","host":"h1".*"verdict":"OK"' "$journal" ||
	fail "no verdict.change back to OK in the journal"
ok "each verdict change is a timeline record"
