#!/bin/sh
# test_rollback_kill_own.sh — kill -9 of the console mid-rollback on a k8s
# host (rollout undo) and a helm host (rollback --wait), then a new console
# on the same incident: the re-read settles the op, and the tag change its
# rollout makes is the incident's own: no health.change calls it
# "outside", and the timeline never says "deployed outside this console".
# Helm's case needs the new console's record of the old tag (a probe
# change) between the intent and the tag change; the fixture's k8s undo
# moves the tag at once, so its case guards the same path without it.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"

# kill9 — the console in session t, by its pid (the pane's child).
kill9() {
	pid=$(ps -o pid= --ppid "$(tmx display -p -t t '#{pane_pid}')" | tr -d ' ' | head -1)
	[ -n "$pid" ] || fail "no console to kill"
	kill -9 "$pid"
	wait_for "exit=137" 10
}

# own DRIVER PATTERN TO BAD SECONDS — roll back from BAD to TO (a rollout
# of SECONDS), kill -9 once PATTERN runs on the host, resume.
own() {
	drv=$1 pat=$2 to=$3 bad=$4
	fleet_up --hosts 1 --driver "$drv" --tag "$bad"
	"$fleet" set --dir "$fl" h1 rollout_seconds=$5 > /dev/null
	sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"
	start 200 50 "$WARROOM -c $tmp/c.conf --incident own-$drv"
	wait_re "│> h1 +api +UP +$bad" 15
	keys A; keys -l arm; keys Enter
	wait_re "ARMED 1[45]:[0-9][0-9]"
	keys r
	wait_for "type api and press Enter" 15
	keys -l api; keys Enter
	i=0
	until cat "$fl"/hosts/h1/running/* 2> /dev/null | grep -q "$pat"; do
		i=$((i + 1)); [ $i -lt 150 ] || fail "$drv: the rollback never started"; sleep 0.1
	done
	sleep 1
	kill9
	start 200 50 "$WARROOM -c $tmp/c.conf --incident own-$drv"
	journal=$(ls "$fl"/timeline/own-$drv-*.jsonl)
	i=0
	until grep -q '"kind":"action.reconcile".*"outcome":"ok"' "$journal"; do
		sleep 0.2; i=$((i + 1)); [ $i -lt 150 ] || fail "$drv: never re-read ok: $(grep reconcile "$journal")"
	done
	wait_re "│> h1 +api +UP +$to" 20
	# The new tag's health.change waits for a probe round after the
	# re-read (every 5 s, each probe up to 5 s) and, on k8s, the pods read
	# that says when it went live: a fixed 3 s may be short on a loaded machine.
	i=0
	until grep '"kind":"health.change"' "$journal" | grep -q "\"tag\":\"$to\""; do
		sleep 0.2; i=$((i + 1)); [ $i -lt 75 ] || fail "$drv: no health.change says $to"
	done
	grep '"kind":"health.change"' "$journal" | grep '"outside":true' &&
		fail "$drv: the incident's own rollback was called outside"
	assert_not_contains "$tmp/screen" "deployed outside this console"
	quit_console 10
	fleet_down; rm -rf "$fl"
}

own k8s "rollout status" v1.4.1 v1.5.0-bad 6
ok "k8s: kill -9 mid-undo, resumed: the tag change is the incident's own rollback"
own helm "^helm rollback" 1.4.1 1.5.0-bad 6
ok "helm: kill -9 mid-rollback --wait, resumed: the tag change is the incident's own rollback"
