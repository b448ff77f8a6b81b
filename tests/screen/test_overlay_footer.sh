#!/bin/sh
# test_overlay_footer.sh — at 80x24 with a STEP or TIMELINE entry overlay
# open (Enter), the footer listed the pane's keys (n note, z zoom, Tab
# pane), none of which act there, and Tab did nothing, silently. The
# footer names the overlay's own keys; another key says it acts once the
# overlay is closed; Esc closes it and the pane's keys come back.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
:resize 80x24
4
:sleep 10
<Home><Down><Down><Enter>
:save-screen step
<Tab>
:save-screen step_tab
<Esc>
:save-screen closed
:rollback api-1
5
<Enter>
:save-screen entry
'
run_console -c "$tmp/warroom.conf" -r "$top_srcdir/docs/runbooks/compose-rollback.md"
for s in step step_tab closed entry; do tail -1 "$tmp/$s" > "$tmp/${s}_footer"; done
assert_screen step_footer <<'EOF'
 Esc/Enter close the step
EOF
assert_screen step_tab_footer <<'EOF'
 Tab acts once the step is closed: Esc or Enter closes it
EOF
assert_screen closed_footer <<'EOF'
 Space tick  x run step  A arm  z zoom  ] next open  Tab pane  ? help  q quit
EOF
assert_screen entry_footer <<'EOF'
 Esc/Enter close the entry
EOF
