#!/bin/sh
# test_runbook_errors.sh — a runbook that does not read cleanly says so
# in the footer from the start, with its first error and how to list them
# all, and the words stay past the usual few seconds until a key (a step
# it could not read is a step nobody sees); the pane's title counts them.
# The step whose block did not read is marked ! (not $, not plain), and
# Enter on it shows the error and that nothing of it can run.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
cat > "$tmp/bad.md" <<'MD'
# Broken drill

1. Roll back

   ```warroom
   rolback service=api
   ```
MD
steps '
:sleep 30
:save-screen held
<C-l>
:sleep 7
:save-screen gone
4
<Down><Enter>
:resize 100x30
:save-screen detail
'
run_console -c "$tmp/warroom.conf" -r "$tmp/bad.md"
# The message's rows, above and in the footer, as one line.
msg() { tail -4 "$tmp/$1" | grep -v '^[│┌└]' | tr -s '\n ' ' '; }
msg held | grep -qF "runbook bad.md: 1 error (line 6: warroom: unknown action 'rolback' (did you mean 'rollback'?)); warroom runbook" ||
	fail "no lasting word of the runbook's error: $(tail -4 "$tmp/held")"
msg held | grep -qF "what could be read is loaded" || fail "the message is cut: $(tail -4 "$tmp/held")"
grep -q "bad.md  0/1  (1 error)" "$tmp/held" ||
	fail "the pane's title does not count the error"
msg gone | grep -qF "rolback" && fail "the message stayed after a key and its time"
ok "a runbook's errors are said at start and stay until a key"
grep -qF "[ ] ! Roll back" "$tmp/gone" || fail "the broken step is not marked !: $(grep "Roll back" "$tmp/gone")"
ok "a step whose block did not read is marked !"
grep -qF "! line 6: warroom: unknown action 'rolback' (did you mean 'rollback'?)" "$tmp/detail" ||
	fail "the step's detail does not show its error: $(cat "$tmp/detail")"
grep -qF "nothing in this step could be read: x runs nothing" "$tmp/detail" ||
	fail "the step's detail does not say nothing runs"
grep -qF "no commands in this step" "$tmp/detail" && fail "the detail says 'no commands', as for a plain step"
ok "Enter on it shows the error and that nothing of it runs"
