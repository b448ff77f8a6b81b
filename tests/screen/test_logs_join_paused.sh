#!/bin/sh
# test_logs_join_paused.sh — a paused LOGS view while + puts a new tail's
# backlog among the lines held by time: every line gets a new id, yet the
# view stays on the line it held, and "+N new" still counts the lines
# stored since the pause (the backlog's among them, though they went in
# above the view).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
python3 -c '
for i in range(40):
    print("api-1/api  2025-12-31T23:59:%02d.000Z INFO  GET /v1/items n=%d" % (i, i))
' > "$tmp/api.log"
python3 -c '
for i in range(5):
    print("api-1/api  2025-12-31T23:59:%02d.000Z INFO  GET /v1/items n=%d" % (40 + i, 40 + i))
' > "$tmp/api2.log"
python3 -c '
for i in range(20):
    print("api-1/jobs 2025-12-31T23:59:%02d.500Z WARN  jobs slow k=%d" % (i * 2, i))
' > "$tmp/jobs.log"
steps '
:resize 100x24
:logs-tails 1
:logs-tail 1 api.log
3
z
<Up>
<Up>
<Up>
:logs-arrive 1 api2.log
:save-screen paused
:logs-join jobs.log
:save-screen joined
'
run_console -c "$tmp/warroom.conf"

assert_screen paused <<'EOF'
 warroom │ no incident named │ T+00:00:00                                   2026-01-01 00:00:00 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────────────────────────┐
│api-1/api  2025-12-31T23:59:19.000Z INFO  GET /v1/items n=19                                      │
│api-1/api  2025-12-31T23:59:20.000Z INFO  GET /v1/items n=20                                      │
│api-1/api  2025-12-31T23:59:21.000Z INFO  GET /v1/items n=21                                      │
│api-1/api  2025-12-31T23:59:22.000Z INFO  GET /v1/items n=22                                      │
│api-1/api  2025-12-31T23:59:23.000Z INFO  GET /v1/items n=23                                      │
│api-1/api  2025-12-31T23:59:24.000Z INFO  GET /v1/items n=24                                      │
│api-1/api  2025-12-31T23:59:25.000Z INFO  GET /v1/items n=25                                      │
│api-1/api  2025-12-31T23:59:26.000Z INFO  GET /v1/items n=26                                      │
│api-1/api  2025-12-31T23:59:27.000Z INFO  GET /v1/items n=27                                      │
│api-1/api  2025-12-31T23:59:28.000Z INFO  GET /v1/items n=28                                      │
│api-1/api  2025-12-31T23:59:29.000Z INFO  GET /v1/items n=29                                      │
│api-1/api  2025-12-31T23:59:30.000Z INFO  GET /v1/items n=30                                      │
│api-1/api  2025-12-31T23:59:31.000Z INFO  GET /v1/items n=31                                      │
│api-1/api  2025-12-31T23:59:32.000Z INFO  GET /v1/items n=32                                      │
│api-1/api  2025-12-31T23:59:33.000Z INFO  GET /v1/items n=33                                      │
│api-1/api  2025-12-31T23:59:34.000Z INFO  GET /v1/items n=34                                      │
│api-1/api  2025-12-31T23:59:35.000Z INFO  GET /v1/items n=35                                      │
│api-1/api  2025-12-31T23:59:36.000Z INFO  GET /v1/items n=36                                      │
│api2.log  45 lines  PAUSED +5 new (f follows)                                                     │
└──────────────────────────────────────────────────────────────────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more); warroom
 --check-config lists them
EOF
assert_screen joined <<'EOF'
 warroom │ no incident named │ T+00:00:00                                   2026-01-01 00:00:00 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────────────────────────┐
│api-1/jobs 2025-12-31T23:59:24.500Z WARN  jobs slow k=12                                          │
│api-1/api   2025-12-31T23:59:25.000Z INFO  GET /v1/items n=25                                     │
│api-1/api   2025-12-31T23:59:26.000Z INFO  GET /v1/items n=26                                     │
│api-1/jobs 2025-12-31T23:59:26.500Z WARN  jobs slow k=13                                          │
│api-1/api   2025-12-31T23:59:27.000Z INFO  GET /v1/items n=27                                     │
│api-1/api   2025-12-31T23:59:28.000Z INFO  GET /v1/items n=28                                     │
│api-1/jobs 2025-12-31T23:59:28.500Z WARN  jobs slow k=14                                          │
│api-1/api   2025-12-31T23:59:29.000Z INFO  GET /v1/items n=29                                     │
│api-1/api   2025-12-31T23:59:30.000Z INFO  GET /v1/items n=30                                     │
│api-1/jobs 2025-12-31T23:59:30.500Z WARN  jobs slow k=15                                          │
│api-1/api   2025-12-31T23:59:31.000Z INFO  GET /v1/items n=31                                     │
│api-1/api   2025-12-31T23:59:32.000Z INFO  GET /v1/items n=32                                     │
│api-1/jobs 2025-12-31T23:59:32.500Z WARN  jobs slow k=16                                          │
│api-1/api   2025-12-31T23:59:33.000Z INFO  GET /v1/items n=33                                     │
│api-1/api   2025-12-31T23:59:34.000Z INFO  GET /v1/items n=34                                     │
│api-1/jobs 2025-12-31T23:59:34.500Z WARN  jobs slow k=17                                          │
│api-1/api   2025-12-31T23:59:35.000Z INFO  GET /v1/items n=35                                     │
│api-1/api   2025-12-31T23:59:36.000Z INFO  GET /v1/items n=36                                     │
│jobs.log  65 lines  PAUSED +25 new (f follows)                                                    │
└──────────────────────────────────────────────────────────────────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more); warroom
 --check-config lists them
EOF
