#!/bin/sh
# test_reread_released.sh — a console killed after its rollback appended
# the releases.log line but before its journal said so (the journal is cut
# back to the records before that step, as a kill -9 at that moment leaves
# it): the next console's re-read reads releases.log back and says the
# line was written, never "not written" unread, though the host's clock
# stamped it a day before the intent: the line names the op. An earlier
# rollback's line to the same tag is not taken for this one's
# (test_reread_running.sh).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
app=$fl/hosts/h1/app
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident released"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
journal=$(ls "$fl"/timeline/released-*.jsonl)
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys r
wait_for "type api and press Enter" 15
keys -l api; keys Enter
i=0
until grep -q '"kind":"action.end".*"outcome":"ok"' "$journal"; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 150 ] || fail "the rollback never ended ok"
done
grep -q 'rollback IMAGE_TAG=v1.4.1 services=api result=ok by=warroom op=rb-[0-9a-f]*-[0-9a-f]* incident=released$' \
	"$app/releases.log" || fail "releases.log: $(cat "$app/releases.log")"
pid=$(ps -o pid= --ppid "$(tmx display -p -t t '#{pane_pid}')" | tr -d ' ' | head -1)
kill -9 "$pid"
wait_for "exit=137" 10
# As a kill just after the line was appended leaves the journal.
n=$(grep -n '"step":"record release"' "$journal" | cut -d: -f1)
[ -n "$n" ] || fail "no record release step: $(cat "$journal")"
head -n $((n - 1)) "$journal" > "$tmp/j" && cat "$tmp/j" > "$journal"
# A host clock a day behind stamped it: the op, not the stamp, says whose.
sed 's/^[0-9T:-]*Z \(rollback .*op=\)/2000-01-01T00:00:00Z \1/' "$app/releases.log" > "$tmp/rel" &&
	cat "$tmp/rel" > "$app/releases.log"
grep -q '^2000-01-01T00:00:00Z rollback' "$app/releases.log" || fail "not restamped: $(cat "$app/releases.log")"
start 200 50 "$WARROOM -c $tmp/c.conf --incident released"
i=0
until grep -q '"kind":"action.reconcile"' "$journal"; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 150 ] || fail "never re-read"
done
rec=$(grep '"kind":"action.reconcile"' "$journal")
printf '%s' "$rec" | grep -q '"outcome":"ok"' || fail "reconcile: $rec"
printf '%s' "$rec" | grep -qF 'releases.log written (by the session that confirmed the plan)' ||
	fail "the re-read's detail: $rec"
printf '%s' "$rec" | grep -qF 'releases.log not written' && fail "said not written: $rec"
[ "$(grep -c 'rollback IMAGE_TAG=v1.4.1' "$app/releases.log")" = 1 ] ||
	fail "releases.log: $(cat "$app/releases.log")"
ok "killed after the releases.log line: the re-read reads it back and says it was written"
quit_console 10
