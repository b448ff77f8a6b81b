#!/bin/sh
# test_logs_narrow_prefix.sh — LOGS at 80x24 with api-1/api and a k8s pod's
# api merged: the pod's long prefix gives way (its name's tail, at most a
# third of the pane), so api-1's rows keep their time, level and text.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
cat > "$tmp/api1.log" <<'EOF'
api-1/api 2026-01-01T00:00:01Z ERROR api upstream timeout status=502
api-1/api 2026-01-01T00:00:03Z INFO  GET /v1/items status=200
EOF
cat > "$tmp/k8s.log" <<'EOF'
k8s-bastion/api [pod/api-hqkcp2j2qw-77ldj/api] 2026-01-01T00:00:02Z ERROR api panic: nil map
k8s-bastion/api [pod/api-hqkcp2j2qw-77ldj/api] 2026-01-01T00:00:04Z INFO  GET /healthz status=200
EOF
steps '
:resize 80x24
:logs-tails 2
:logs-tail 1 api1.log
:logs-tail 2 k8s.log
3
z
:save-screen merged
'
run_console -c "$tmp/warroom.conf"

assert_screen merged <<'EOF'
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
│api-1/api              00:00:01 ERROR api upstream timeout status=502         │
│api-1/api              00:00:03 INFO  GET /v1/items status=200                │
│k8s-bastion/api …77ldj 00:00:02 ERROR api panic: nil map                      │
│k8s-bastion/api …77ldj 00:00:04 INFO  GET /healthz status=200                 │
│k8s.log  4 lines                                                              │
└──────────────────────────────────────────────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more);
 warroom --check-config lists them
EOF
