#!/bin/sh
# test_poll_watch_hang.sh — the poller's watch when something hangs or
# goes away (the rest is in test_poll_watch.sh): a rollback's re-read that
# hangs ends it at its timeout (journalled, nothing run); the loop ends
# with the console killed while it sleeps an hour; a host without a
# usable sh falls back to a command per poll, and its polls wait for a
# hung one's session rather than pile up.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/faults/poll_watch_lib.sh"

# Polls an hour apart: after the first round only what the engineer asks
# runs on h1. A rollback's re-read before it runs hangs there: the rollback
# ends CANCELLED at the re-read's 15 s timeout with nothing run, while the
# command still hangs (sshd answers the channel's close only once it ends).
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1h/' "$fl/warroom.conf" > "$tmp/slow.conf"
start 200 30 "$WARROOM -c $tmp/slow.conf --incident slow"
wait_re "│> h1 +api +UP +v1\\.4\\.1" 15
[ "$(watches)" = 1 ] || fail "$(watches) remote watch loops for h1, not 1"
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys r
wait_for "type api and press Enter" 15
"$fleet" fault --dir "$fl" h1 hang-next 40 > /dev/null
keys -l api; keys Enter
t0=$(date +%s)
wait_for "rollback of api on h1 (docker compose up -d): CANCELLED — could not re-read h1 before running: timed out after 15 s; nothing ran" 25
took=$(( $(date +%s) - t0 ))
[ "$took" -le 19 ] || fail "the re-read's 15 s timeout ended the rollback after $took s"
[ -n "$(ls "$fl/hosts/h1/running")" ] || fail "the re-read no longer hangs on h1: nothing proven"
! grep -q '"mutating":true' "$fl/hosts/h1/commands.log" || fail "a changing command ran"
grep '"kind":"action.refused"' "$fl"/timeline/slow-*.jsonl | grep '"confirmed":true' |
	grep -q 'could not re-read h1 before running: timed out after 15 s; nothing ran' ||
	fail "not journalled: $(grep action.refused "$fl"/timeline/slow-*.jsonl)"
# TIMELINE says the footer's word (it read only "action.refused").
wait_re "action\\.refused h1 CANCELLED — compose\\.rollback" 5
ok "a re-read hanging on the host: CANCELLED at its timeout ($took s), journalled, nothing ran"

# Polls an hour apart and the console killed: the loop, waiting for the
# console to ask for its next round, finds its stdin closed and ends.
pkill -9 -f "$WARROOM -c $tmp/slow.conf" || fail "cannot kill the console"
gone 12
ok "the console killed with polls an hour apart: its loop ends within seconds"
# The post-mortem calls it what the footer did: cancelled, not refused.
"$WARROOM" export slow -c "$tmp/slow.conf" -o "$tmp/pm.md" || fail "export failed"
grep -q "1 cancelled after confirming (nothing ran)" "$tmp/pm.md" ||
	fail "the summary: $(grep -- '- [0-9]* action' "$tmp/pm.md")"
grep -q "| — | cancelled | could not re-read h1 before running: timed out after 15 s; nothing ran |" \
	"$tmp/pm.md" || fail "the Actions row: $(grep 'could not re-read' "$tmp/pm.md")"
ok "the post-mortem: cancelled after confirming, as the footer said"

# No usable sh on the host's PATH: a `sh` first on PATH that fails, so
# sh -c exits at once without a marker. Each poll is then its own command
# again (the login shell, an absolute path, still runs those).
printf '#!/bin/bash\nexit 127\n' > "$fl/bin/sh"
chmod +x "$fl/bin/sh"
polling_works 0
ok "without a usable sh, one command per poll"

# Then a docker that hangs every time: the poll's commands are said to
# have timed out at 15 s, but hold their sessions on the host until they
# end; no poll starts meanwhile, so the hung tool holds one poll's
# sessions, not two more every 15 s (sshd allows ten per connection).
mv "$fl/bin/docker" "$tmp/docker.shim"
printf '#!/bin/bash\necho "$$" >> %s\nexec sleep 30\n' "$tmp/hung" > "$fl/bin/docker"
chmod +x "$fl/bin/docker"
hung() { cat "$tmp/hung" 2> /dev/null | wc -l; }
# Counted once the timeout is said: by then every command of the hung
# poll has started (a count taken at a fixed time could catch a poll
# starting late on a loaded machine with some of its commands still to
# come), and the sessions stay held until the sleeps end at 30 s.
wait_for "timed out after 15 s" 35
n=$(hung)
[ "$n" -ge 1 ] || fail "no poll ran the hanging docker"
sleep 3
[ "$(hung)" = "$n" ] || fail "$(hung) hung docker commands, not $n: polls went on while theirs hung"
mv "$tmp/docker.shim" "$fl/bin/docker"
rm -f "$fl/bin/sh"
ok "a poll command that hangs: its timeout said at 15 s, no new poll while it holds its session"
quit_console
