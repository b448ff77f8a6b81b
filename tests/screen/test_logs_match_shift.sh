#!/bin/sh
# test_logs_match_shift.sh — LOGS at 80x24 zoomed with a filter, lines not
# wrapped: a line whose first match lies past the pane's edge is drawn
# from shortly before it, a leading "…" marking the cut and its prefix
# kept; a line whose match is in view is drawn from its start.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
cat > "$tmp/h1.log" <<'EOF'
h1/api 2026-01-01T00:00:01Z ERROR handler=/v1/orders/checkout upstream=payments-gateway retry=3 latency_ms=5012 status=502 trace=4bf92f3577b34da6
h1/api 2026-01-01T00:00:02Z INFO  status=503 short
h1/api 2026-01-01T00:00:03Z INFO  handler=/v1/items method=GET status=200
EOF
steps '
:resize 80x24
:logs-tails 1
:logs-tail 1 h1.log
3
z
/status=(5)<Enter>
:save-screen shifted
'
run_console -c "$tmp/warroom.conf"

assert_screen shifted <<'EOF'
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
│h1/api 00:00:01 ERROR …ency_ms=5012 status=502 trace=4bf92f3577b34da6         │
│h1/api 00:00:02 INFO  status=503 short                                        │
│h1.log  3 lines  filter /status=(5)/  2 matching                              │
└──────────────────────────────────────────────────────────────────────────────┘
 LOGS filtered by /status=(5)/, any case
EOF
