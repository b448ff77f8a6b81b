#!/bin/sh
# test_logs_layout.sh — LOGS tailing several services pads each line's
# host/service prefix (a pod's too) to the widest in view, so the times
# start in one column; a prefix over a third of the pane is shortened (the
# pod by its name's tail); a tab is drawn as spaces to the next multiple of
# eight columns (a Java stack trace's "\tat"), never as ^I; a line wider
# than the pane ends in "…".
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
printf 'api-1/api 2025-12-31T23:50:01.000Z ERROR java.lang.IllegalStateException: boom\n' > "$tmp/api.log"
printf 'api-1/api 2025-12-31T23:50:01.000Z \tat com.example.Orders.take(Orders.java:42)\n' >> "$tmp/api.log"
printf 'api-1/api 2025-12-31T23:50:01.000Z a\tb\tc\n' >> "$tmp/api.log"
printf 'helm-bastion/api 2025-12-31T23:50:02.000Z INFO  GET /v1/items status=200\n' > "$tmp/helm.log"
printf 'k8s-bastion/api [pod/api-7c9f/api] 2025-12-31T23:50:03.000Z INFO  ready\n' > "$tmp/k8s.log"
steps '
:resize 100x24
:logs-tails 3
:logs-tail 1 api.log
:logs-tail 2 helm.log
:logs-tail 3 k8s.log
3
z
:save-screen merged
'
run_console -c "$tmp/warroom.conf"

assert_screen merged <<'EOF'
 warroom │ no incident named │ T+00:00:00                                   2026-01-01 00:00:00 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────────────────────────┐
│                                                                                                  │
│                                                                                                  │
│                                                                                                  │
│                                                                                                  │
│                                                                                                  │
│                                                                                                  │
│                                                                                                  │
│                                                                                                  │
│                                                                                                  │
│                                                                                                  │
│                                                                                                  │
│                                                                                                  │
│                                                                                                  │
│api-1/api             2025-12-31T23:50:01.000Z ERROR java.lang.IllegalStateException: boom        │
│api-1/api             2025-12-31T23:50:01.000Z        at com.example.Orders.take(Orders.java:42)  │
│api-1/api             2025-12-31T23:50:01.000Z a      b       c                                   │
│helm-bastion/api      2025-12-31T23:50:02.000Z INFO  GET /v1/items status=200                     │
│k8s-bastion/api …7c9f 2025-12-31T23:50:03.000Z INFO  ready                                        │
│k8s.log  5 lines                                                                                  │
└──────────────────────────────────────────────────────────────────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more); warroom
 --check-config lists them
EOF
