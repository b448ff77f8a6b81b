#!/bin/sh
# test_verdict_startup.sh — a console's start writes no verdict noise
# (24 hosts wrote 48 verdict.change records at the start,
# NO DATA then OK, and 44 more when the incident was reopened). A
# healthy host writes its first verdict, OK, once: the start-up NO DATA
# while a rate waits for its second scrape is no verdict. A host going
# bad is one record; reopening the incident writes none again, the
# journal's verdict adopted as the new console's own.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 2
sed 's/^\[warroom\]$/[warroom]\nmetrics_interval = 1s/' "$fl/warroom.conf" > "$tmp/c.conf"

# shown — "host verdict" per host as METRICS lists them, sorted.
shown() {
	capture
	sed -n 's/^[│ ]*\(h[12]\)  *\(ROLLBACK IMMEDIATELY\|CONSIDER ROLLBACK\|MONITOR\|NO DATA\|OK\)\( .*\)\{0,1\}$/\1 \2/p' \
		"$tmp/screen" | sort -u | tr '\n' ' '
}
verdicts() { grep -h '"kind":"verdict.change"' "$fl"/timeline/boot-*.jsonl 2> /dev/null || true; }
until_shown() {
	i=0
	until [ "$(shown)" = "$1" ]; do
		i=$((i + 1))
		[ "$i" -lt 300 ] || { cat "$tmp/screen"; fail "METRICS does not show '$1'"; }
		sleep 0.1
	done
}

start 200 50 "$WARROOM -c $tmp/c.conf --incident boot"
until_shown "h1 OK h2 OK "
sleep 3                              # three more rounds
[ "$(verdicts | wc -l)" -eq 2 ] && [ "$(verdicts | grep -c '"verdict":"OK"')" -eq 2 ] &&
	verdicts | grep -q '"host":"h1"' && verdicts | grep -q '"host":"h2"' ||
	{ verdicts; fail "healthy hosts at the start: not one OK each"; }
ok "healthy hosts at the start: one OK each, no NO DATA"

"$fleet" set-tag --dir "$fl" h2 all v1.5.0-bad > /dev/null
until_shown "h1 OK h2 ROLLBACK IMMEDIATELY "
sleep 2
[ "$(verdicts | wc -l)" -eq 3 ] &&
	verdicts | tail -n 1 | grep -q '"host":"h2".*"verdict":"ROLLBACK IMMEDIATELY"' ||
	{ verdicts; fail "h2 going bad is not one record"; }
ok "a host going bad is one record"
keys q
wait_for "exit=0"

start 200 50 "$WARROOM -c $tmp/c.conf --incident boot"
wait_for "incident.resume"
until_shown "h1 OK h2 ROLLBACK IMMEDIATELY "
sleep 3
keys q
wait_for "exit=0"
[ "$(verdicts | wc -l)" -eq 3 ] || { verdicts; fail "reopening the incident wrote verdicts again"; }
ok "reopened: nothing written again"
