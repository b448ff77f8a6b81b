#!/bin/sh
# test_logs_marks_side_by_side.sh — eight services merged at 80x24 on a
# full budget, five of them flooding: @ to a moment the floods no longer
# hold shows the quiet tails' lines of then and, where the floods' kept
# lines begin, one marked row for the five (how many, and their oldest
# kept times earliest to latest), not a row a tail crowding out the lines;
# the footer's answer takes two rows, the five in brief and that the
# others have it. The console's clock is moved to 17:35 so @17:31 is
# today's.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
for h in h1 h2 h3 h4 h5 h6 h7 h8; do
	mkdir "$tmp/$h"
done
# Quiet: a line every 10 s from 17:20 to 17:34:50.
for h in h1 h2 h6; do
	python3 -c '
import sys
for i in range(90):
    print("%s/api 2026-01-01T17:%02d:%02d.000Z INFO  GET /cart status=200 n=%d" %
          (sys.argv[1], 20 + i // 6, i % 6 * 10, i))
' "$h" > "$tmp/$h/api"
done
# Floods: lines of ~70 bytes, 10 to 30 a second from 17:30:00 for 150 s;
# five of them into 512 KiB keep about the last half.
for hr in h3:20 h4:25 h5:15 h7:30 h8:10; do
	python3 -c '
import sys
h, r = sys.argv[1].split(":")
r = int(r)
for i in range(150 * r):
    s = i // r
    print("%s/api 2026-01-01T17:%02d:%02d.000Z ERROR GET /cart status=503 n=%d" %
          (h, 30 + s // 60, s % 60, i))
' "$hr" > "$tmp/${hr%:*}/api"
done
steps '
:resize 80x24
:logs-ring 524288
:logs-tails 8
:logs-tail 1 h1/api
:logs-tail 2 h2/api
:logs-tail 3 h6/api
:logs-tail 4 h3/api
:logs-tail 5 h4/api
:logs-tail 6 h5/api
:logs-tail 7 h7/api
:logs-tail 8 h8/api
3
z
:sleep 63300
@17:31<Enter>
:save-screen back
@17:00<Enter>
:save-screen earlier
'
run_console -c "$tmp/warroom.conf"

assert_screen earlier <<'EOF'
 warroom │ no incident named │ T+17:35:00               2026-01-01 17:35:00 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────┐
│h1/api 17:20:00 INFO  GET /cart status=200 n=0                                │
│h1/api 17:20:10 INFO  GET /cart status=200 n=1                                │
│h1/api 17:20:20 INFO  GET /cart status=200 n=2                                │
│h1/api 17:20:30 INFO  GET /cart status=200 n=3                                │
│h1/api 17:20:40 INFO  GET /cart status=200 n=4                                │
│h1/api 17:20:50 INFO  GET /cart status=200 n=5                                │
│h1/api 17:21:00 INFO  GET /cart status=200 n=6                                │
│h1/api 17:21:10 INFO  GET /cart status=200 n=7                                │
│h1/api 17:21:20 INFO  GET /cart status=200 n=8                                │
│h1/api 17:21:30 INFO  GET /cart status=200 n=9                                │
│h1/api 17:21:40 INFO  GET /cart status=200 n=10                               │
│h1/api 17:21:50 INFO  GET /cart status=200 n=11                               │
│h1/api 17:22:00 INFO  GET /cart status=200 n=12                               │
│h1/api 17:22:10 INFO  GET /cart status=200 n=13                               │
│h1/api 17:22:20 INFO  GET /cart status=200 n=14                               │
│h1/api 17:22:30 INFO  GET /cart status=200 n=15                               │
│h1/api 17:22:40 INFO  GET /cart status=200 n=16                               │
│── 5 tails' older lines dropped; oldest kept 17:30:50–17:31:56 ───────────────│
│h8/api  10033 dropped  PAUSED +0 new (f follows)                              │
└──────────────────────────────────────────────────────────────────────────────┘
 LOGS from the oldest line kept, 17:20:00 UTC; none kept from 17:00:00 in 5
 tails: oldest kept 17:30:50 (h8/api) … 17:31:56 (h7/api)
EOF

assert_screen back <<'EOF'
 warroom │ no incident named │ T+17:35:00               2026-01-01 17:35:00 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────┐
│h1/api 17:31:00 INFO  GET /cart status=200 n=66                               │
│h1/api 17:31:10 INFO  GET /cart status=200 n=67                               │
│h1/api 17:31:20 INFO  GET /cart status=200 n=68                               │
│h1/api 17:31:30 INFO  GET /cart status=200 n=69                               │
│h1/api 17:31:40 INFO  GET /cart status=200 n=70                               │
│h1/api 17:31:50 INFO  GET /cart status=200 n=71                               │
│h1/api 17:32:00 INFO  GET /cart status=200 n=72                               │
│h1/api 17:32:10 INFO  GET /cart status=200 n=73                               │
│h1/api 17:32:20 INFO  GET /cart status=200 n=74                               │
│h1/api 17:32:30 INFO  GET /cart status=200 n=75                               │
│h1/api 17:32:40 INFO  GET /cart status=200 n=76                               │
│h1/api 17:32:50 INFO  GET /cart status=200 n=77                               │
│h1/api 17:33:00 INFO  GET /cart status=200 n=78                               │
│h1/api 17:33:10 INFO  GET /cart status=200 n=79                               │
│h1/api 17:33:20 INFO  GET /cart status=200 n=80                               │
│h1/api 17:33:30 INFO  GET /cart status=200 n=81                               │
│h1/api 17:33:40 INFO  GET /cart status=200 n=82                               │
│── 5 tails' older lines dropped; oldest kept 17:30:50–17:31:56 ───────────────│
│h8/api  10033 dropped  PAUSED +0 new (f follows)                              │
└──────────────────────────────────────────────────────────────────────────────┘
 LOGS from 17:31:00 UTC, paused (f follows again); none kept from 17:31:00 in 4
 tails: oldest kept 17:31:23 (h5/api) … 17:31:56 (h7/api); the others have it
EOF
