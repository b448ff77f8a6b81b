#!/bin/sh
# test_verdict_journal.sh — every verdict a host is shown with is in the
# journal, its first one too: on the demo fleet k8s-bastion is ROLLBACK
# IMMEDIATELY from its first metrics round (bad pods restarting), and that
# verdict.change must be stored although it changed from nothing. Resumed,
# the incident does not record it again; a first round that has no rates
# yet (NO DATA) is recorded neither at the start nor after a restart.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --demo
# Pods restarting every 2 s: three restarts in the window well before
# the first metrics round.
"$fleet" set --dir "$fl" k8s-bastion restart_period=2 > /dev/null
sed 's/^\[warroom\]$/[warroom]\nmetrics_interval = 2s/' "$fl/warroom.conf" > "$tmp/c.conf"

# last_verdicts — "host verdict" per host, the last verdict.change of each.
last_verdicts() {
	grep '"kind":"verdict.change"' "$journal" |
		sed 's/.*"host":"\([^"]*\)".*"verdict":"\([^"]*\)".*/\1 \2/' |
		awk '{ h = $1; $1 = ""; last[h] = substr($0, 2) } END { for (h in last) print h, last[h] }' |
		sort
}

# shown — "host verdict" per host as METRICS lists the hosts (the
# selected one first, the others below it), sorted.
shown() {
	capture
	sed -n 's/^[│ ]*\(api-1\|k8s-bastion\|helm-bastion\)  *\(ROLLBACK IMMEDIATELY\|CONSIDER ROLLBACK\|MONITOR\|NO DATA\|OK\)\( .*\)\{0,1\}$/\1 \2/p' \
		"$tmp/screen" | sort -u
}

start 200 50 "$WARROOM -c $tmp/c.conf --incident verdicts"
wait_for "k8s-bastion    ROLLBACK IMMEDIATELY" 30
journal=$(ls "$fl"/timeline/verdicts-*.jsonl)
i=0
until last_verdicts | grep -qx 'k8s-bastion ROLLBACK IMMEDIATELY'; do
	i=$((i + 1))
	[ "$i" -lt 100 ] || { grep verdict "$journal"; fail "k8s-bastion's ROLLBACK IMMEDIATELY is not in the journal"; }
	sleep 0.1
done
ok "a host's first verdict is journalled"

# Whatever each host shows, its last record says the same.
i=0
until shown > "$tmp/shown" && last_verdicts > "$tmp/journalled" &&
    [ "$(wc -l < "$tmp/shown")" -eq 3 ] && cmp -s "$tmp/shown" "$tmp/journalled"; do
	i=$((i + 1))
	[ "$i" -lt 100 ] || { cat "$tmp/shown" "$tmp/journalled"; fail "METRICS shows a verdict the journal does not hold"; }
	sleep 0.1
done
ok "every host's verdict on screen is its last verdict.change"
keys q
wait_for "exit=0"

start 200 50 "$WARROOM -c $tmp/c.conf --incident verdicts"
wait_for "incident.resume"
wait_for "k8s-bastion    ROLLBACK IMMEDIATELY" 30
sleep 3
keys q
wait_for "exit=0"
[ "$(grep -c '"kind":"verdict.change","host":"k8s-bastion".*"verdict":"ROLLBACK IMMEDIATELY"' "$journal")" -eq 1 ] ||
	{ grep verdict "$journal"; fail "k8s-bastion's first verdict recorded again on resume"; }
# A first round without rates yet (at the start, after a restart) is
# NO DATA: not a verdict, so not recorded; nothing here lost its data.
grep '"kind":"verdict.change"' "$journal" | grep -q '"verdict":"NO DATA"' &&
	{ grep verdict "$journal"; fail "NO DATA recorded for a host not measured yet"; }
ok "resumed, the first verdict is not recorded twice, and no NO DATA from the first round"
