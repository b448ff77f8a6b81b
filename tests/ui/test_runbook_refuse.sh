#!/bin/sh
# test_runbook_refuse.sh — x on a step with a line that did not read runs
# none of it: not the smoke before the unknown `drain`, not the post after
# it, on the first x or the next, and the footer names the line; nor a
# step whose fence is never closed (its script would hold the next
# steps). Nothing reaches the journal but the start, the arming and each
# refusal (action.refused naming the step and the line), and the row says
# REFUSED. No fleet: the
# refusal comes before any host is asked.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
write_config
cat > "$tmp/long.md" <<'MD'
# Contain api

1. Smoke, drain and tell

   ```warroom
   smoke url=/readyz
   drain service=api
   statuspage update status=identified message="Contained api"
   ```

2. Clear the cache

```bash
curl -fsS http://127.0.0.1:8000/readyz

## Recover

- [ ] rm -rf the cache dir when done
MD
start 200 30 "$WARROOM -c $tmp/warroom.conf --incident refuse -r $tmp/long.md"
wait_for "long.md"
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys 4 Down
wait_for "> [ ] ! Smoke, drain and tell"
# The footer's rows as one line.
footer() { tail -3 "$tmp/screen" | grep -v '^[│┌└]' | tr -s '\n ' ' '; }
for n in first second; do
	keys x
	wait_for "nothing ran"
	footer | grep -qF "long.md:7: warroom: unknown action 'drain' (known: rollback, killswitch, statuspage, smoke, announce) — fix the runbook; nothing ran" ||
		fail "x ($n) does not refuse naming line 7: $(footer)"
	grep -qF "CONFIRM" "$tmp/screen" && fail "x ($n) opened a dialog"
	grep -qF "[x next" "$tmp/screen" && fail "x ($n) started a sequence"
	# Other words in the footer before the next x says it again.
	keys [
	wait_for "no unticked step above"
	# The row keeps the refusal (from the journal): REFUSED.
	wait_for "> [ ] ! [REFUSED] Smoke, drain and tell"
done
ok "x on a half-read step runs none of it, every time, naming the line"
keys Down
wait_for "> [ ] ! Clear the cache"
keys x
wait_for "> [ ] ! [REFUSED] Clear the cache"
wait_for "nothing ran"
footer | grep -qF "long.md:13: code fence opened here is never closed: lines 14-18 are read as its code — fix the runbook; nothing ran" ||
	fail "x does not refuse the unclosed fence: $(footer)"
grep -qF "CONFIRM" "$tmp/screen" && fail "x opened the script's dialog"
ok "x on a step whose fence is never closed runs nothing"
# conn.change and verdict.change are the console seeing its (absent)
# hosts (a slow machine judges their failed scrapes NO DATA before the
# end), not anything x did.
kinds=$(sed 's/^[^{]*{[^{]*"kind":"\([^"]*\)".*/\1/' "$tmp"/timeline/*.jsonl |
	grep -vx 'conn.change\|verdict.change' | sort -u | tr '\n' ' ')
[ "$kinds" = "action.refused incident.open mode.change runbook.load " ] ||
	fail "the journal holds more: $kinds"
refusals=$(grep '"kind":"action.refused"' "$tmp"/timeline/*.jsonl)
[ "$(printf '%s\n' "$refusals" | grep -c '"reason":"long.md:7: warroom: unknown action.*"runbook_step":"long.md:3"')" = 2 ] &&
	[ "$(printf '%s\n' "$refusals" | grep -c '"reason":"long.md:13: code fence.*"runbook_step":"long.md:11"')" = 1 ] ||
	fail "not each x refused in the journal with its step and line: $refusals"
ok "nothing of either step ran; each x's refusal is in the journal"
