#!/bin/sh
# test_logs_dropped_mark.sh — three services merged at 80x24, h4/api
# flooding past its share: @ back to when the release went out shows h2's
# and h9's lines of then, and a marked row at the bottom says h4/api's
# lines of that time were dropped (the budget and its key named), so its
# absence does not read as a quiet h4. Following, with only h4's kept
# lines in view, nothing is marked. The console's clock starts at
# midnight, so the first @15:20:10 is the day before (which the footer
# dates); at 15:33, @15:20:15 is today's, and the footer names h4/api as
# the tail with nothing that old and says h2/api and h9/api have.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
mkdir "$tmp/h2" "$tmp/h9" "$tmp/h4"
python3 -c '
for i in range(12):
    print("h2/api 2026-01-01T15:20:%02d.000Z INFO  GET /cart status=200 n=%d" % (10 + i * 2, i))
' > "$tmp/h2/api"
python3 -c '
for i in range(12):
    print("h9/api 2026-01-01T15:20:%02d.500Z INFO  GET /pay status=200 n=%d" % (11 + i * 2, i))
' > "$tmp/h9/api"
# 6000 lines of ~70 bytes into 512 KiB: h4 keeps about 5000 (what the
# services share, less the smallest room h2 and h9 hold).
python3 -c '
for i in range(6000):
    print("h4/api 2026-01-01T15:%02d:%02d.000Z ERROR GET /cart status=503 n=%d" %
          (20 + i // 1000, i // 20 % 60, i))
' > "$tmp/h4/api"
steps '
:resize 80x24
:logs-ring 524288
:logs-tails 3
:logs-tail 1 h2/api
:logs-tail 2 h9/api
:logs-tail 3 h4/api
3
z
@15:20:10<Enter>
:save-screen back
G
:save-screen following
:sleep 56000
@15:20:15<Enter>
:save-screen today
'
run_console -c "$tmp/warroom.conf"

assert_screen back <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────┐
│h2/api 15:20:10 INFO  GET /cart status=200 n=0                                │
│h2/api 15:20:12 INFO  GET /cart status=200 n=1                                │
│h2/api 15:20:14 INFO  GET /cart status=200 n=2                                │
│h2/api 15:20:16 INFO  GET /cart status=200 n=3                                │
│h2/api 15:20:18 INFO  GET /cart status=200 n=4                                │
│h2/api 15:20:20 INFO  GET /cart status=200 n=5                                │
│h2/api 15:20:22 INFO  GET /cart status=200 n=6                                │
│h2/api 15:20:24 INFO  GET /cart status=200 n=7                                │
│h2/api 15:20:26 INFO  GET /cart status=200 n=8                                │
│h2/api 15:20:28 INFO  GET /cart status=200 n=9                                │
│h2/api 15:20:30 INFO  GET /cart status=200 n=10                               │
│h2/api 15:20:32 INFO  GET /cart status=200 n=11                               │
│h9/api 15:20:11 INFO  GET /pay status=200 n=0                                 │
│h9/api 15:20:13 INFO  GET /pay status=200 n=1                                 │
│h9/api 15:20:15 INFO  GET /pay status=200 n=2                                 │
│h9/api 15:20:17 INFO  GET /pay status=200 n=3                                 │
│h9/api 15:20:19 INFO  GET /pay status=200 n=4                                 │
│── h4/api: older lines dropped (1036; the log budget is 512 KiB: log_buffer) ─│
│h4/api  oldest kept 15:21:51 (1036 dropped)  PAUSED +0 new (f follows)        │
└──────────────────────────────────────────────────────────────────────────────┘
 LOGS from h2/api's oldest line, 15:20:10 UTC (none from 2025-12-31 15:20:10
 kept); h4/api has nothing that old: oldest kept 15:21:51 (1036 dropped)
EOF
assert_screen following <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────┐
│h4/api 15:25:59 ERROR GET /cart status=503 n=5981                             │
│h4/api 15:25:59 ERROR GET /cart status=503 n=5982                             │
│h4/api 15:25:59 ERROR GET /cart status=503 n=5983                             │
│h4/api 15:25:59 ERROR GET /cart status=503 n=5984                             │
│h4/api 15:25:59 ERROR GET /cart status=503 n=5985                             │
│h4/api 15:25:59 ERROR GET /cart status=503 n=5986                             │
│h4/api 15:25:59 ERROR GET /cart status=503 n=5987                             │
│h4/api 15:25:59 ERROR GET /cart status=503 n=5988                             │
│h4/api 15:25:59 ERROR GET /cart status=503 n=5989                             │
│h4/api 15:25:59 ERROR GET /cart status=503 n=5990                             │
│h4/api 15:25:59 ERROR GET /cart status=503 n=5991                             │
│h4/api 15:25:59 ERROR GET /cart status=503 n=5992                             │
│h4/api 15:25:59 ERROR GET /cart status=503 n=5993                             │
│h4/api 15:25:59 ERROR GET /cart status=503 n=5994                             │
│h4/api 15:25:59 ERROR GET /cart status=503 n=5995                             │
│h4/api 15:25:59 ERROR GET /cart status=503 n=5996                             │
│h4/api 15:25:59 ERROR GET /cart status=503 n=5997                             │
│h4/api 15:25:59 ERROR GET /cart status=503 n=5998                             │
│h4/api 15:25:59 ERROR GET /cart status=503 n=5999                             │
│h4/api  4988 lines  oldest kept 15:21:51 (1036 dropped)                       │
└──────────────────────────────────────────────────────────────────────────────┘
 / filter  z all panes  n next match  N prev match  Tab pane  ? help  q quit
EOF
assert_screen today <<'EOF'
 warroom │ no incident named │ T+15:33:20               2026-01-01 15:33:20 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────┐
│h2/api 15:20:16 INFO  GET /cart status=200 n=3                                │
│h2/api 15:20:18 INFO  GET /cart status=200 n=4                                │
│h2/api 15:20:20 INFO  GET /cart status=200 n=5                                │
│h2/api 15:20:22 INFO  GET /cart status=200 n=6                                │
│h2/api 15:20:24 INFO  GET /cart status=200 n=7                                │
│h2/api 15:20:26 INFO  GET /cart status=200 n=8                                │
│h2/api 15:20:28 INFO  GET /cart status=200 n=9                                │
│h2/api 15:20:30 INFO  GET /cart status=200 n=10                               │
│h2/api 15:20:32 INFO  GET /cart status=200 n=11                               │
│h9/api 15:20:11 INFO  GET /pay status=200 n=0                                 │
│h9/api 15:20:13 INFO  GET /pay status=200 n=1                                 │
│h9/api 15:20:15 INFO  GET /pay status=200 n=2                                 │
│h9/api 15:20:17 INFO  GET /pay status=200 n=3                                 │
│h9/api 15:20:19 INFO  GET /pay status=200 n=4                                 │
│h9/api 15:20:21 INFO  GET /pay status=200 n=5                                 │
│h9/api 15:20:23 INFO  GET /pay status=200 n=6                                 │
│h9/api 15:20:25 INFO  GET /pay status=200 n=7                                 │
│── h4/api: older lines dropped (1036; the log budget is 512 KiB: log_buffer) ─│
│h4/api  oldest kept 15:21:51 (1036 dropped)  PAUSED +0 new (f follows)        │
└──────────────────────────────────────────────────────────────────────────────┘
 LOGS from 15:20:15 UTC, paused (f follows again); h4/api has nothing that old:
 oldest kept 15:21:51 (1036 dropped); h2/api, h9/api do
EOF
