#!/bin/sh
# test_logs_enter_drawn.sh — Enter in LOGS, following, names the sources
# of the rows drawn when it was pressed: lines that came in since (not yet
# drawn) and pushed those rows out do not change what it names.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
echo 'k8s-bastion/api [pod/api-7z62hrvt9b-8frx5/api] 2026-01-01T00:00:01Z ERROR seen' > "$tmp/a.log"
awk 'BEGIN { for (i = 0; i < 40; i++) printf "k8s-bastion/api [pod/api-7z62hrvt9b-q2n4w/api] 2026-01-01T00:00:02Z INFO later %d\n", i }' > "$tmp/b.log"
steps '
:resize 80x24
:logs-tails 1
:logs-tail 1 a.log
3
z
:logs-arrive 1 b.log
<Enter>
:save-screen named
'
run_console -c "$tmp/warroom.conf"

assert_screen named <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────┐
│k8s-bastion/api …q2n4w 00:00:02 INFO later 22                                 │
│k8s-bastion/api …q2n4w 00:00:02 INFO later 23                                 │
│k8s-bastion/api …q2n4w 00:00:02 INFO later 24                                 │
│k8s-bastion/api …q2n4w 00:00:02 INFO later 25                                 │
│k8s-bastion/api …q2n4w 00:00:02 INFO later 26                                 │
│k8s-bastion/api …q2n4w 00:00:02 INFO later 27                                 │
│k8s-bastion/api …q2n4w 00:00:02 INFO later 28                                 │
│k8s-bastion/api …q2n4w 00:00:02 INFO later 29                                 │
│k8s-bastion/api …q2n4w 00:00:02 INFO later 30                                 │
│k8s-bastion/api …q2n4w 00:00:02 INFO later 31                                 │
│k8s-bastion/api …q2n4w 00:00:02 INFO later 32                                 │
│k8s-bastion/api …q2n4w 00:00:02 INFO later 33                                 │
│k8s-bastion/api …q2n4w 00:00:02 INFO later 34                                 │
│k8s-bastion/api …q2n4w 00:00:02 INFO later 35                                 │
│k8s-bastion/api …q2n4w 00:00:02 INFO later 36                                 │
│k8s-bastion/api …q2n4w 00:00:02 INFO later 37                                 │
│k8s-bastion/api …q2n4w 00:00:02 INFO later 38                                 │
│k8s-bastion/api …q2n4w 00:00:02 INFO later 39                                 │
│b.log  41 lines                                                               │
└──────────────────────────────────────────────────────────────────────────────┘
 in view: k8s-bastion/api …8frx5 is k8s-bastion/api
 [pod/api-7z62hrvt9b-8frx5/api]
EOF
