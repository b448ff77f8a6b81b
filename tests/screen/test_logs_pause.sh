#!/bin/sh
# test_logs_pause.sh — f with a filter whose matches do not fill the pane
# holds the view where it is: the matches that arrive after it are counted
# in the status line ("+N new, M matching"), not drawn, until f follows.
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
│api-1/api 2026-01-01T00:00:02.000Z ERROR seq=2                                │
│api-1/api 2026-01-01T00:00:05.000Z ERROR seq=5                                │
│filter /ERROR/ (case)  4 matching  PAUSED +4 new, 2 matching (f follows)      │
└──────────────────────────────────────────────────────────────────────────────┘
 LOGS filtered by /ERROR/, case-sensitive (it has an uppercase letter)
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
│api-1/api 2026-01-01T00:00:02.000Z ERROR seq=2                                │
│api-1/api 2026-01-01T00:00:05.000Z ERROR seq=5                                │
│api-1/api 2026-01-01T00:00:08.000Z ERROR seq=8                                │
│api-1/api 2026-01-01T00:00:10.000Z ERROR seq=10                               │
│new.log  10 lines  filter /ERROR/ (case)  4 matching                          │
└──────────────────────────────────────────────────────────────────────────────┘
 LOGS filtered by /ERROR/, case-sensitive (it has an uppercase letter)
EOF
