#!/bin/sh
# test_logs_pause.sh — f with a filter whose matches do not fill the pane
# holds the view where it is: the matches that arrive after it are counted
# in the status line ("+N new, M matching"), not drawn, until f follows;
# the count is of what arrived since the pause wherever the view goes (g,
# PgDn); g then n goes on from the top line; t is said while it hides.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
for i in 1 2 3 4 5 6; do
	lvl=INFO
	[ "$i" -eq 2 ] || [ "$i" -eq 5 ] && lvl=ERROR
	printf 'api-1/api 2026-01-01T00:00:%02d.000Z %-5s seq=%d\n' "$i" "$lvl" "$i"
done > "$tmp/old.log"
for i in 7 8 9 10; do
	lvl=INFO
	[ "$i" -eq 8 ] || [ "$i" -eq 10 ] && lvl=ERROR
	printf 'api-1/api 2026-01-01T00:00:%02d.000Z %-5s seq=%d\n' "$i" "$lvl" "$i"
done > "$tmp/new.log"
steps '
:resize 80x24
:logs old.log
3
z
/ERROR
<Enter>
f
:logs new.log
:save-screen paused
f
:save-screen following
'
run_console -c "$tmp/warroom.conf"

assert_screen paused <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────┐
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│api-1/api 00:00:02 ERROR seq=2                                                │
│api-1/api 00:00:05 ERROR seq=5                                                │
│filter /ERROR/ (case)  4 matching  PAUSED +4 new, 2 matching (f follows)      │
└──────────────────────────────────────────────────────────────────────────────┘
 / filter  z all panes  n next match  N prev match  Tab pane  ? help  q quit
EOF

assert_screen following <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────┐
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│api-1/api 00:00:02 ERROR seq=2                                                │
│api-1/api 00:00:05 ERROR seq=5                                                │
│api-1/api 00:00:08 ERROR seq=8                                                │
│api-1/api 00:00:10 ERROR seq=10                                               │
│new.log  10 lines  filter /ERROR/ (case)  4 matching                          │
└──────────────────────────────────────────────────────────────────────────────┘
 / filter  z all panes  n next match  N prev match  Tab pane  ? help  q quit
EOF

# +N new after g: it counts what arrived since the pause (f), not
# the lines below the view; g and PgDn leave it as it was.
for i in $(seq 1 40); do
	printf 'api-1/api 2025-12-31T23:59:%02d.000Z INFO  old=%d\n' "$i" "$i"
done > "$tmp/many.log"
steps '
:resize 80x24
:logs many.log
3
z
f
:logs new.log
g
:save-screen top
<PgDn>
:save-screen paged
'
run_console -c "$tmp/warroom.conf"
for s in top paged; do
	grep -q "PAUSED +4 new (f follows)" "$tmp/$s" || { cat "$tmp/$s"; fail "$s: not +4 new"; }
done
ok "g and PgDn leave +N new at what arrived since the pause"

# With every match in the pane, g then n goes to the next match (the
# view stands on its top line), not "no later match"; t says what it did
# and the status line says the timestamps are hidden until t again.
steps '
:resize 80x24
:logs old.log
:logs new.log
3
z
/ERROR<Enter>
g
n
:save-screen next
t
:save-screen hidden
t
:save-screen shown
'
run_console -c "$tmp/warroom.conf"
top=$(grep -m1 '^│api-1' "$tmp/next" | sed 's/ *│$//')
[ "$top" = "│api-1/api 00:00:05 ERROR seq=5" ] || { cat "$tmp/next"; fail "g n: top '$top'"; }
grep -q "no later match" "$tmp/next" && fail "g n: no later match"
# 80 columns with a filter and PAUSED: the brief word.
grep -q "4 matching  no times  PAUSED" "$tmp/hidden" || { cat "$tmp/hidden"; fail "t: not said in the status line"; }
grep -q "LOGS timestamps hidden (t shows them)" "$tmp/hidden" || fail "t: not said in the footer"
grep -q "│api-1/api ERROR seq=5" "$tmp/hidden" || { cat "$tmp/hidden"; fail "t: times still shown"; }
grep -q "no times" "$tmp/shown" && { cat "$tmp/shown"; fail "t again: still said hidden"; }
grep -q "LOGS timestamps shown" "$tmp/shown" || fail "t again: not said in the footer"
ok "g then n goes to the next match; t is said in the status line and the footer"
