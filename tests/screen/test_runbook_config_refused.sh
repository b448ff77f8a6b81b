#!/bin/sh
# test_runbook_config_refused.sh — a step this config cannot run (a host
# it does not list, a post with no [statuspage]) is marked ! as a step
# that did not read, and the title counts it as `warroom runbook -c`
# does; Enter on it shows why and that x and Enter refuse it, and x says
# so (tests/ui/test_runbook_config_refused.sh: nothing journalled). Enter
# on a rollback step of an unarmed console shows the step, saying it is
# not armed and that A arms it, and A there does.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
cat > "$tmp/drill.md" <<'MD'
# Drill

1. Roll back api on api-1

   ```warroom
   rollback service=api host=api-9
   ```

2. Post investigating

   ```warroom
   statuspage update status=investigating
   ```

3. Roll back api here

   ```warroom
   rollback service=api host=api-1 to=last-good
   ```
MD
steps '
:resize 100x30
4
:save-screen pane
<Down><Enter>
:save-screen wronghost
<Enter><Enter><Enter>
<Down><Enter>
:save-screen post
<Esc><Down><Enter>
:save-screen unarmed
A
arm<Enter>
:save-screen armed
<Up><Up>x
:save-screen x1
x
x
'
run_console -c "$tmp/warroom.conf" --incident drill -r "$tmp/drill.md"
grep -qF "drill.md  0/3  (2 errors)" "$tmp/pane" ||
	fail "the title does not count the config's errors: $(grep drill.md "$tmp/pane")"
grep -qF "[ ] ! Roll back api on api-1" "$tmp/pane" ||
	fail "the wrong host's step is not marked !: $(grep "api-1" "$tmp/pane")"
grep -qF "[ ] ! Post investigating" "$tmp/pane" ||
	fail "the post with no [statuspage] is not marked !"
grep -qF "[ ] $ Roll back api here" "$tmp/pane" || fail "a runnable step is marked otherwise"
ok "steps this config cannot run are marked ! and counted"
# The overlay's rows, without the panes' borders around them (a pane's
# side, or its bottom border when the overlay crosses one).
rows() { sed -n 's/^[^│]*│\([^│]*│\)\{0,1\} \(.*[^ ]\) *│[^│]*[│┐┘]$/\2/p' "$tmp/$1" | tr -s '\n ' ' '; }
rows wronghost |
	grep -qF "! line 6: rollback: the step names host api-9, which $tmp/warroom.conf does not list" ||
	fail "Enter does not show why: $(cat "$tmp/wronghost")"
grep -qF "x and Enter refuse this step: warroom.conf cannot do what it asks" "$tmp/wronghost" ||
	fail "the step does not say x refuses it"
grep -qF "x runs them" "$tmp/wronghost" && fail "the step still says x runs them"
grep -qF "CONFIRM" "$tmp/wronghost" && fail "a dialog opened"
ok "Enter on it shows the reason, not a dialog"
tail -3 "$tmp/x1" | tr -s '\n ' ' ' | grep -qF "x refuses this step: line 6: rollback: the step names host api-9" ||
	fail "x does not say why: $(tail -4 "$tmp/x1")"
ok "x refuses it with the reason"
grep -qF "! line 12: statuspage: warroom.conf has no [statuspage] (nor [chat]) to post to" "$tmp/post" ||
	fail "the post's step does not say why: $(cat "$tmp/post")"
ok "the post's step says there is no [statuspage]"
grep -qF "STEP drill.md:15" "$tmp/unarmed" || fail "Enter unarmed does not show the step: $(cat "$tmp/unarmed")"
grep -qF "refused: console not armed: A arms it, then Enter runs this step" "$tmp/unarmed" ||
	fail "the step does not say it is not armed"
grep -qF "action: rollback service=api host=api-1 to=last-good" "$tmp/unarmed" ||
	fail "the step's action is not shown"
ok "Enter unarmed shows the step and that A arms it"
grep -q "ARMED" "$tmp/armed" && ! grep -qF "STEP drill.md" "$tmp/armed" ||
	fail "A in the step did not arm the console: $(cat "$tmp/armed")"
ok "A there arms the console"
