#!/bin/sh
# test_logs_filter_none.sh — a filter kept when LOGS turns to another tail
# that matches none of its lines: the pane says so, with the keys that
# edit or clear it, instead of standing blank.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
cat > "$tmp/h1.log" <<'EOF'
h1/api 2026-01-01T00:00:01Z INFO  GET /v1/items status=200
h1/api 2026-01-01T00:00:02Z INFO  GET /v1/items status=200
EOF
steps '
:resize 80x24
:logs-tails 1
:logs-tail 1 h1.log
3
z
/WARN<Enter>
:save-screen none
'
run_console -c "$tmp/warroom.conf"

assert_screen none <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────┐
│ filter /WARN/ matches none of h1.log's 2 lines; / edits it, / then C-u Enter │
│ clears it                                                                    │
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
│h1.log  2 lines  filter /WARN/ (case)  0 matching                             │
└──────────────────────────────────────────────────────────────────────────────┘
 LOGS filtered by /WARN/, case-sensitive (it has an uppercase letter)
EOF
