#!/bin/sh
# test_runbook_progress.sh — a section's heading says how far it is and,
# under way, how long ago its first tick was ("started 2m ago"); once every
# step is ticked, "done" (it said "started 0s"). At 80x24, where the
# long form does not fit, the age alone keeps its unit ("2/3  2m", not
# "started 2…"). A step ticked in the runbook file ([f]) is not done in
# this incident until Space ticks it here.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
4
:resize 120x40
<Down><Down><Down><Space>
:sleep 125
:save-screen under_way
:resize 80x24
<Home>
:save-screen narrow
:resize 120x40
<Down><Down><Down><Down><Space>
:save-screen two_of_three
<Up><Up><Space>
:save-screen done
'
run_console -c warroom.conf -r "$top_srcdir/docs/runbooks/compose-rollback.md"
heading() { grep -o 'Before you start  [^│]*' "$tmp/$1" | sed 's/ *$//'; }
[ "$(heading under_way)" = "Before you start  1/3  started 2m ago" ] ||
	fail "under way: '$(heading under_way)'"
[ "$(heading done)" = "Before you start  3/3  done" ] || fail "done: '$(heading done)'"
[ "$(heading two_of_three)" = "Before you start  2/3  started 2m ago" ] ||
	fail "the file's tick counted done: '$(heading two_of_three)'"
[ "$(heading narrow)" = "Before you start  1/3  2m" ] || fail "narrow: '$(heading narrow)'"
ok "a section under way says when it started, a finished one says done"
