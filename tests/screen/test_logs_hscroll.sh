#!/bin/sh
# test_logs_hscroll.sh — LOGS at 80x24 zoomed: > (and Right) moves the
# unwrapped lines' text half a pane to the left, the prefix kept and a
# leading "…" marking the cut, the status line saying the column; < goes
# back, 0 to the first column.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
awk 'BEGIN { printf "h1/api 2026-01-01T00:00:01Z ERROR big payload"; for (i = 0; i < 60; i++) printf " field%02d=v", i; printf " END\n" }' > "$tmp/h1.log"
echo 'h1/api 2026-01-01T00:00:02Z INFO  short line' >> "$tmp/h1.log"
steps '
:resize 80x24
:logs-tails 1
:logs-tail 1 h1.log
3
z
>
>
:save-screen right
<
:save-screen back
>
0
:save-screen home
'
run_console -c "$tmp/warroom.conf"

assert_screen right <<'EOF'
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
│h1/api 00:00:01 ERROR …ield05=v field06=v field07=v field08=v field09=v field…│
│h1/api 00:00:02 INFO …                                                        │
│h1.log  2 lines  → col 79 (0: start)                                          │
└──────────────────────────────────────────────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more);
 warroom --check-config lists them
EOF
assert_screen home <<'EOF'
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
│h1/api 00:00:01 ERROR big payload field00=v field01=v field02=v field03=v fie…│
│h1/api 00:00:02 INFO  short line                                              │
│h1.log  2 lines                                                               │
└──────────────────────────────────────────────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more);
 warroom --check-config lists them
EOF
