#!/bin/sh
# test_timeline_zoom_page.sh — TIMELINE zoomed, G then PgUp left rows at
# the top empty: the entry above the page did not fit whole in them.
# Zoomed, the selected entry still ends on the bottom row, and the entry
# above the page shows its last rows in the room left; never an empty
# row. At 80x26, where the entries (three rows, then one) do not fill the
# pane evenly.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
rollbacks=$(i=0; while [ $i -lt 25 ]; do echo ":rollback api-2"; echo ":sleep 1"; i=$((i + 1)); done)
steps ":resize 80x26
$rollbacks
5
z
G
:save-screen bottom
<PgUp>
:save-screen page-up
<PgUp>
:save-screen page-up-2
"
run_console -c "$tmp/warroom.conf" --read-only

assert_screen bottom <<'EOF'
 warroom │ no incident named │ T+00:00:25   READ-ONLY   2026-01-01 00:00:25 UTC
┌─ ▶ TIMELINE (zoomed: z shows every pane) ─────────────────── ▲ 41 more rows ─┐
│T+00:00:20 00:00:20 action.end api-2 ok — rollback of api (docker compose up  │
│                    -d)                                                       │
│T+00:00:21 00:00:21 action.intent api-2                                       │
│                    {"plan":{"action":"compose.rollback","service":"api","from│
│                    ":"v1.5.0-bad","to":"v1.4.1"}}                            │
│T+00:00:21 00:00:21 action.end api-2 ok — rollback of api (docker compose up  │
│                    -d)                                                       │
│T+00:00:22 00:00:22 action.intent api-2                                       │
│                    {"plan":{"action":"compose.rollback","service":"api","from│
│                    ":"v1.5.0-bad","to":"v1.4.1"}}                            │
│T+00:00:22 00:00:22 action.end api-2 ok — rollback of api (docker compose up  │
│                    -d)                                                       │
│T+00:00:23 00:00:23 action.intent api-2                                       │
│                    {"plan":{"action":"compose.rollback","service":"api","from│
│                    ":"v1.5.0-bad","to":"v1.4.1"}}                            │
│T+00:00:23 00:00:23 action.end api-2 ok — rollback of api (docker compose up  │
│                    -d)                                                       │
│T+00:00:24 00:00:24 action.intent api-2                                       │
│                    {"plan":{"action":"compose.rollback","service":"api","from│
│                    ":"v1.5.0-bad","to":"v1.4.1"}}                            │
│T+00:00:24 00:00:24 action.end api-2 ok — rollback of api (docker compose up  │
│                    -d)                                                       │
└──────────────────────────────────────────────────────────────────────────────┘
 Enter whole entry  a every record  z all panes  Tab pane  ? help  q quit
EOF

assert_screen page-up <<'EOF'
 warroom │ no incident named │ T+00:00:25   READ-ONLY   2026-01-01 00:00:25 UTC
┌─ ▶ TIMELINE (zoomed: z shows every pane) ─────────────────── ▲ 21 more rows ─┐
│                    {"plan":{"action":"compose.rollback","service":"api","from│
│                    ":"v1.5.0-bad","to":"v1.4.1"}}                            │
│T+00:00:10 00:00:10 action.end api-2 ok — rollback of api (docker compose up  │
│                    -d)                                                       │
│T+00:00:11 00:00:11 action.intent api-2                                       │
│                    {"plan":{"action":"compose.rollback","service":"api","from│
│                    ":"v1.5.0-bad","to":"v1.4.1"}}                            │
│T+00:00:11 00:00:11 action.end api-2 ok — rollback of api (docker compose up  │
│                    -d)                                                       │
│T+00:00:12 00:00:12 action.intent api-2                                       │
│                    {"plan":{"action":"compose.rollback","service":"api","from│
│                    ":"v1.5.0-bad","to":"v1.4.1"}}                            │
│T+00:00:12 00:00:12 action.end api-2 ok — rollback of api (docker compose up  │
│                    -d)                                                       │
│T+00:00:13 00:00:13 action.intent api-2                                       │
│                    {"plan":{"action":"compose.rollback","service":"api","from│
│                    ":"v1.5.0-bad","to":"v1.4.1"}}                            │
│T+00:00:13 00:00:13 action.end api-2 ok — rollback of api (docker compose up  │
│                    -d)                                                       │
│T+00:00:14 00:00:14 action.intent api-2                                       │
│                    {"plan":{"action":"compose.rollback","service":"api","from│
│                    ":"v1.5.0-bad","to":"v1.4.1"}}                  +21 newer │
└─ ▼ 21 more rows ─────────────────────────────────────────────────────────────┘
 Enter whole entry  a every record  z all panes  Tab pane  ? help  q quit
EOF

assert_screen page-up-2 <<'EOF'
 warroom │ no incident named │ T+00:00:25   READ-ONLY   2026-01-01 00:00:25 UTC
┌─ ▶ TIMELINE (zoomed: z shows every pane) ────────────────────────────────────┐
│T+00:00:00 00:00:00 action.intent api-2                                       │
│                    {"plan":{"action":"compose.rollback","service":"api","from│
│                    ":"v1.5.0-bad","to":"v1.4.1"}}                            │
│T+00:00:00 00:00:00 action.end api-2 ok — rollback of api (docker compose up  │
│                    -d)                                                       │
│T+00:00:01 00:00:01 action.intent api-2                                       │
│                    {"plan":{"action":"compose.rollback","service":"api","from│
│                    ":"v1.5.0-bad","to":"v1.4.1"}}                            │
│T+00:00:01 00:00:01 action.end api-2 ok — rollback of api (docker compose up  │
│                    -d)                                                       │
│T+00:00:02 00:00:02 action.intent api-2                                       │
│                    {"plan":{"action":"compose.rollback","service":"api","from│
│                    ":"v1.5.0-bad","to":"v1.4.1"}}                            │
│T+00:00:02 00:00:02 action.end api-2 ok — rollback of api (docker compose up  │
│                    -d)                                                       │
│T+00:00:03 00:00:03 action.intent api-2                                       │
│                    {"plan":{"action":"compose.rollback","service":"api","from│
│                    ":"v1.5.0-bad","to":"v1.4.1"}}                            │
│T+00:00:03 00:00:03 action.end api-2 ok — rollback of api (docker compose up  │
│                    -d)                                                       │
│T+00:00:04 00:00:04 action.intent api-2                                       │
│                    {"plan":{"action":"compose.rollback","service": +42 newer │
└─ ▼ 41 more rows ─────────────────────────────────────────────────────────────┘
 Enter whole entry  a every record  z all panes  Tab pane  ? help  q quit
EOF
