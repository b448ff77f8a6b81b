#!/bin/sh
# test_logs_tails.sh — LOGS tailing two services keeps a ring for each: jobs
# panics four times, then api floods past the whole limit several times
# over; /panic still finds jobs' four lines, and @ to their second shows
# them first, api's oldest kept lines after them, a mark between saying
# api's older lines were dropped (and, filtered, that api's matches may
# have been among them).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
python3 -c '
for i in range(4):
    print("api-1/jobs 2025-12-31T23:50:02.%03dZ ERROR jobs panic: worker %d lost its queue" % (i * 100, i))
' > "$tmp/jobs.log"
# 6000 lines of ~85 bytes into a 256 KiB limit: api keeps about 1800 (what
# the services share, less the smallest room jobs holds).
python3 -c '
for i in range(6000):
    print("api-1/api 2025-12-31T23:%02d:%02d.000Z INFO  GET /v1/items status=200 n=%d" %
          (51 + i // 600, i // 10 % 60, i))
' > "$tmp/flood.log"
steps '
:resize 100x24
:logs-ring 262144
:logs-tails 2
:logs-tail 2 jobs.log
:logs-tail 1 flood.log
3
z
/panic<Enter>
:save-screen panic
/<C-u><Enter>
@23:50:02<Enter>
:save-screen jumped
'
run_console -c "$tmp/warroom.conf"

assert_screen panic <<'EOF'
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
│                                                                                                  │
│api-1/jobs 2025-12-31T23:50:02.000Z ERROR jobs panic: worker 0 lost its queue                     │
│api-1/jobs 2025-12-31T23:50:02.100Z ERROR jobs panic: worker 1 lost its queue                     │
│api-1/jobs 2025-12-31T23:50:02.200Z ERROR jobs panic: worker 2 lost its queue                     │
│api-1/jobs 2025-12-31T23:50:02.300Z ERROR jobs panic: worker 3 lost its queue                     │
│── flood.log: older lines dropped (4205; the log budget is 256 KiB: log_buffer) ──────────────────│
│flood.log  1799 lines  filter /panic/  4 matching  oldest kept 23:58:00 (4205 dropped)            │
└──────────────────────────────────────────────────────────────────────────────────────────────────┘
 LOGS filtered by /panic/, any case
EOF
assert_screen jumped <<'EOF'
 warroom │ no incident named │ T+00:00:00                                   2026-01-01 00:00:00 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────────────────────────┐
│api-1/jobs 2025-12-31T23:50:02.000Z ERROR jobs panic: worker 0 lost its queue                     │
│api-1/jobs 2025-12-31T23:50:02.100Z ERROR jobs panic: worker 1 lost its queue                     │
│api-1/jobs 2025-12-31T23:50:02.200Z ERROR jobs panic: worker 2 lost its queue                     │
│api-1/jobs 2025-12-31T23:50:02.300Z ERROR jobs panic: worker 3 lost its queue                     │
│── flood.log: older lines dropped (4205; the log budget is 256 KiB: log_buffer) ──────────────────│
│api-1/api  2025-12-31T23:58:00.000Z INFO  GET /v1/items status=200 n=4205                         │
│api-1/api  2025-12-31T23:58:00.000Z INFO  GET /v1/items status=200 n=4206                         │
│api-1/api  2025-12-31T23:58:00.000Z INFO  GET /v1/items status=200 n=4207                         │
│api-1/api  2025-12-31T23:58:00.000Z INFO  GET /v1/items status=200 n=4208                         │
│api-1/api  2025-12-31T23:58:00.000Z INFO  GET /v1/items status=200 n=4209                         │
│api-1/api  2025-12-31T23:58:01.000Z INFO  GET /v1/items status=200 n=4210                         │
│api-1/api  2025-12-31T23:58:01.000Z INFO  GET /v1/items status=200 n=4211                         │
│api-1/api  2025-12-31T23:58:01.000Z INFO  GET /v1/items status=200 n=4212                         │
│api-1/api  2025-12-31T23:58:01.000Z INFO  GET /v1/items status=200 n=4213                         │
│api-1/api  2025-12-31T23:58:01.000Z INFO  GET /v1/items status=200 n=4214                         │
│api-1/api  2025-12-31T23:58:01.000Z INFO  GET /v1/items status=200 n=4215                         │
│api-1/api  2025-12-31T23:58:01.000Z INFO  GET /v1/items status=200 n=4216                         │
│api-1/api  2025-12-31T23:58:01.000Z INFO  GET /v1/items status=200 n=4217                         │
│flood.log  1799 lines  oldest kept 23:58:00 (4205 dropped)  PAUSED +0 new (f follows)             │
└──────────────────────────────────────────────────────────────────────────────────────────────────┘
 LOGS from 23:50:02 UTC, paused (f follows again); flood.log has nothing that old: oldest kept
 23:58:00 (4205 dropped); jobs.log does
EOF
