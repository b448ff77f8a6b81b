#!/bin/sh
# test_footer_truth.sh — the footer never contradicts what the console
# shows elsewhere. At 80x24 on the demo fleet, with api-1's up -d held
# for seconds: while the confirmation dialog is open the footer shows
# its keys; once the plan is confirmed and up -d RUNNING,
# it says so, not "the plan waits for your confirmation". A k8s rollback
# whose connection drops during rollout status is UNKNOWN; once the host
# is back and re-read, the footer and HOSTS say the outcome the journal
# recorded (OK after re-read), not UNKNOWN.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --demo
"$fleet" set --dir "$fl" api-1 recreate_seconds=8 > /dev/null
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 2s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"
footer() { capture; tail -1 "$tmp/screen"; }

start 80 24 "$WARROOM -c $tmp/c.conf --incident 'footer truth'"
wait_re "│>[ !]api-1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:"
keys 1 Home r
wait_for "type api and press Enter" 15
footer > "$tmp/footer"
grep -q "Enter confirms once api is typed  Esc cancel" "$tmp/footer" ||
	fail "the dialog's footer does not show its keys: $(cat "$tmp/footer")"
grep -q "reading\|planning" "$tmp/footer" && fail "the footer still says the plan is read: $(cat "$tmp/footer")"
keys -l api; keys Enter
# up -d is held for 8 s on the host: the screen while it runs (the pull
# has ended, up -d has not; HOSTS' line is cut at 80 columns).
log=$fl/hosts/api-1/commands.log
i=0
until grep -q '"pull","api"' "$log" 2> /dev/null; do
	i=$((i + 1)); [ "$i" -lt 300 ] || fail "the pull never ran"; sleep 0.05
done
wait_re "api-1/api: rollback v1\\.5\\.0-bad -> v1\\.4\\.1: RUN" 5
footer > "$tmp/footer"
grep -q '"up","-d","api"' "$log" && fail "up -d ended before the screen was read"
grep -q "nothing has changed" "$tmp/footer" &&
	fail "the footer says nothing has changed while up -d runs: $(cat "$tmp/footer")"
grep -q "rollback api-1/api.*up -d [0-9]*s" "$tmp/footer" ||
	fail "the footer does not show the running step: $(cat "$tmp/footer")"
ok "confirmed and running: the footer shows the running step, not the waiting plan"
wait_for "rollback of api on api-1 (docker compose up -d): OK" 40

# The connection drops while kubectl rollout status waits (8 s).
"$fleet" set --dir "$fl" k8s-bastion rollout_seconds=8 > /dev/null
k8s=$fl/hosts/k8s-bastion/commands.log
journal=$(ls "$fl"/timeline/footer-truth-*.jsonl)
# until_in FILE REGEX SECONDS WHAT — until a line of FILE matches.
until_in() {
	i=0
	until grep -q "$2" "$1" 2> /dev/null; do
		i=$((i + 1)); [ "$i" -lt "$(($3 * 10))" ] || fail "$4"; sleep 0.1
	done
}
keys Down Down r
wait_for "CONFIRM ROLLBACK (k8s.undo)" 15
wait_for "type api and press Enter"
keys -l api; keys Enter
until_in "$k8s" '"event":"start".*"rollout","status"' 15 "rollout status never started"
"$fleet" fault --dir "$fl" k8s-bastion sshd-stop > /dev/null
until_in "$journal" '"kind":"action.end".*"outcome":"unknown"' 30 "no action.end unknown"
# Too wide for 80 columns, the UNKNOWN is held until a key: read it.
wait_footer_re "k8s-bastion \\(kubectl rollout undo\\): UNKNOWN — " 5
keys Q
"$fleet" fault --dir "$fl" k8s-bastion sshd-start > /dev/null
until_in "$journal" '"kind":"action.reconcile".*"outcome":"ok"' 40 "no action.reconcile ok"
# Said as the record is stored (the next frame; a loaded machine may take
# a moment to draw it). At 80 columns it wraps above the footer's line:
# read the message's rows.
i=0
while :; do
	capture
	tail -7 "$tmp/screen" | grep -v '^│' | tr '\n' ' ' | tr -s ' ' > "$tmp/footer"
	grep -q "rollback of api on k8s-bastion (kubectl rollout undo): OK after re-read — api runs v1.4.1" "$tmp/footer" &&
		break
	i=$((i + 1)); [ $i -lt 30 ] ||
		fail "the footer does not say the recorded outcome: $(cat "$tmp/footer")"
	sleep 0.1
done
grep -q "UNKNOWN —" "$tmp/footer" && fail "the footer says UNKNOWN after an ok re-read: $(cat "$tmp/footer")"
# HOSTS keeps it (wide enough to read its line whole).
resize 200 50
wait_for "k8s-bastion/api: rollback v1.5.0-bad -> v1.4.1: OK after re-read (before it: UNKNOWN, connection lost" 5
head -1 "$tmp/screen" | grep -q "UNKNOWN" && fail "the UNKNOWN badge stayed: $(head -1 "$tmp/screen")"
ok "an UNKNOWN settled by the re-read: footer and HOSTS say OK after re-read, as recorded"
quit_console
