#!/bin/sh
# test_timeline_zoom_top.sh — TIMELINE zoomed, then g, drew the first
# entry on the bottom row with the rows above it empty. Zoomed, g puts
# the first entry on the top row with the newer ones below it (as
# unzoomed), j moves the selection without moving the view while all up
# to it fit, and G puts the newest on the bottom row again; at 80x24 and
# at 160x45.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
rollbacks=$(i=0; while [ $i -lt 25 ]; do echo ":rollback api-2"; echo ":sleep 1"; i=$((i + 1)); done)
steps ":resize 80x24
$rollbacks
5
z
g
:save-screen narrow-top
j
:save-screen narrow-j
G
:save-screen narrow-bottom
:resize 160x45
g
:save-screen wide-top
"
run_console -c "$tmp/warroom.conf" --read-only

assert_screen narrow-top <<'EOF'
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
│                    -d)                                             +49 newer │
└─ ▼ 42 more rows ─────────────────────────────────────────────────────────────┘
 Enter whole entry  a every record  z all panes  Tab pane  ? help  q quit
EOF

assert_screen narrow-j <<'EOF'
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
│                    -d)                                             +48 newer │
└─ ▼ 42 more rows ─────────────────────────────────────────────────────────────┘
 Enter whole entry  a every record  z all panes  Tab pane  ? help  q quit
EOF

assert_screen narrow-bottom <<'EOF'
 warroom │ no incident named │ T+00:00:25   READ-ONLY   2026-01-01 00:00:25 UTC
┌─ ▶ TIMELINE (zoomed: z shows every pane) ─────────────────── ▲ 42 more rows ─┐
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

assert_screen wide-top <<'EOF'
 warroom │ no incident named │ T+00:00:25   READ-ONLY                                                                                   2026-01-01 00:00:25 UTC
┌─ ▶ TIMELINE (zoomed: z shows every pane) ────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
│T+00:00:00 00:00:00 action.intent api-2 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}                              │
│T+00:00:00 00:00:00 action.end api-2 ok — rollback of api (docker compose up -d)                                                                              │
│T+00:00:01 00:00:01 action.intent api-2 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}                              │
│T+00:00:01 00:00:01 action.end api-2 ok — rollback of api (docker compose up -d)                                                                              │
│T+00:00:02 00:00:02 action.intent api-2 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}                              │
│T+00:00:02 00:00:02 action.end api-2 ok — rollback of api (docker compose up -d)                                                                              │
│T+00:00:03 00:00:03 action.intent api-2 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}                              │
│T+00:00:03 00:00:03 action.end api-2 ok — rollback of api (docker compose up -d)                                                                              │
│T+00:00:04 00:00:04 action.intent api-2 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}                              │
│T+00:00:04 00:00:04 action.end api-2 ok — rollback of api (docker compose up -d)                                                                              │
│T+00:00:05 00:00:05 action.intent api-2 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}                              │
│T+00:00:05 00:00:05 action.end api-2 ok — rollback of api (docker compose up -d)                                                                              │
│T+00:00:06 00:00:06 action.intent api-2 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}                              │
│T+00:00:06 00:00:06 action.end api-2 ok — rollback of api (docker compose up -d)                                                                              │
│T+00:00:07 00:00:07 action.intent api-2 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}                              │
│T+00:00:07 00:00:07 action.end api-2 ok — rollback of api (docker compose up -d)                                                                              │
│T+00:00:08 00:00:08 action.intent api-2 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}                              │
│T+00:00:08 00:00:08 action.end api-2 ok — rollback of api (docker compose up -d)                                                                              │
│T+00:00:09 00:00:09 action.intent api-2 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}                              │
│T+00:00:09 00:00:09 action.end api-2 ok — rollback of api (docker compose up -d)                                                                              │
│T+00:00:10 00:00:10 action.intent api-2 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}                              │
│T+00:00:10 00:00:10 action.end api-2 ok — rollback of api (docker compose up -d)                                                                              │
│T+00:00:11 00:00:11 action.intent api-2 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}                              │
│T+00:00:11 00:00:11 action.end api-2 ok — rollback of api (docker compose up -d)                                                                              │
│T+00:00:12 00:00:12 action.intent api-2 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}                              │
│T+00:00:12 00:00:12 action.end api-2 ok — rollback of api (docker compose up -d)                                                                              │
│T+00:00:13 00:00:13 action.intent api-2 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}                              │
│T+00:00:13 00:00:13 action.end api-2 ok — rollback of api (docker compose up -d)                                                                              │
│T+00:00:14 00:00:14 action.intent api-2 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}                              │
│T+00:00:14 00:00:14 action.end api-2 ok — rollback of api (docker compose up -d)                                                                              │
│T+00:00:15 00:00:15 action.intent api-2 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}                              │
│T+00:00:15 00:00:15 action.end api-2 ok — rollback of api (docker compose up -d)                                                                              │
│T+00:00:16 00:00:16 action.intent api-2 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}                              │
│T+00:00:16 00:00:16 action.end api-2 ok — rollback of api (docker compose up -d)                                                                              │
│T+00:00:17 00:00:17 action.intent api-2 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}                              │
│T+00:00:17 00:00:17 action.end api-2 ok — rollback of api (docker compose up -d)                                                                              │
│T+00:00:18 00:00:18 action.intent api-2 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}                              │
│T+00:00:18 00:00:18 action.end api-2 ok — rollback of api (docker compose up -d)                                                                              │
│T+00:00:19 00:00:19 action.intent api-2 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}                              │
│T+00:00:19 00:00:19 action.end api-2 ok — rollback of api (docker compose up -d)                                                                              │
│T+00:00:20 00:00:20 action.intent api-2 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}                    +49 newer │
└─ ▼ 9 more rows ──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
 Enter whole entry  a every record  z all panes  Tab pane  ? help  q quit
EOF
