#!/bin/sh
# test_logs_top.sh — g shows the oldest lines from the top row down, on a
# buffer shorter than the pane too; paused there (or after @), the view
# stays on lines the ring still holds while a flood drops the oldest ones
# under it, with a filter as well, through n, Up, w and t: never an empty
# pane while there are lines to show.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
python3 -c '
for i in range(3):
    print("api-1/api 2025-12-31T23:50:%02d.000Z INFO  short=%d" % (i, i))
' > "$tmp/short.log"
# Two floods of 1500 lines (~70 bytes each) into a 64 KiB ring, which
# keeps about 900: each drops every line held before it. Every tenth is a 500.
for part in 0 1; do
	python3 -c '
import sys
p = int(sys.argv[1])
for i in range(p * 1500, p * 1500 + 1500):
    print("api-1/api 2025-12-31T23:%02d:%02d.000Z INFO  status=%d n=%d" %
          (i // 60 % 60, i % 60, 500 if i % 10 == 0 else 200, i))
' $part > "$tmp/flood$part.log"
done
steps '
:resize 100x24
:logs short.log
3
z
g
:save-screen short
:logs-ring 65536
:logs flood0.log
g
:logs flood1.log
:save-screen flooded
/status=500<Enter>
g
:logs flood0.log
:save-screen filtered
@23:00<Enter>
:logs flood1.log
:save-screen jumped
n
:save-screen next
<Up>
:logs flood0.log
:save-screen scrolled
g
w
t
:logs flood1.log
:save-screen toggled
'
run_console -c "$tmp/warroom.conf"

assert_screen short <<'EOF'
 warroom │ no incident named │ T+00:00:00                                   2026-01-01 00:00:00 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────────────────────────┐
│api-1/api 2025-12-31T23:50:00.000Z INFO  short=0                                                  │
│api-1/api 2025-12-31T23:50:01.000Z INFO  short=1                                                  │
│api-1/api 2025-12-31T23:50:02.000Z INFO  short=2                                                  │
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
│                                                                                                  │
│short.log  3 lines  PAUSED +0 new (f follows)                                                     │
└──────────────────────────────────────────────────────────────────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more); warroom
 --check-config lists them
EOF

assert_screen flooded <<'EOF'
 warroom │ no incident named │ T+00:00:00                                   2026-01-01 00:00:00 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────────────────────────┐
│api-1/api 2025-12-31T23:31:30.000Z INFO  status=500 n=1890                                        │
│api-1/api 2025-12-31T23:31:31.000Z INFO  status=200 n=1891                                        │
│api-1/api 2025-12-31T23:31:32.000Z INFO  status=200 n=1892                                        │
│api-1/api 2025-12-31T23:31:33.000Z INFO  status=200 n=1893                                        │
│api-1/api 2025-12-31T23:31:34.000Z INFO  status=200 n=1894                                        │
│api-1/api 2025-12-31T23:31:35.000Z INFO  status=200 n=1895                                        │
│api-1/api 2025-12-31T23:31:36.000Z INFO  status=200 n=1896                                        │
│api-1/api 2025-12-31T23:31:37.000Z INFO  status=200 n=1897                                        │
│api-1/api 2025-12-31T23:31:38.000Z INFO  status=200 n=1898                                        │
│api-1/api 2025-12-31T23:31:39.000Z INFO  status=200 n=1899                                        │
│api-1/api 2025-12-31T23:31:40.000Z INFO  status=500 n=1900                                        │
│api-1/api 2025-12-31T23:31:41.000Z INFO  status=200 n=1901                                        │
│api-1/api 2025-12-31T23:31:42.000Z INFO  status=200 n=1902                                        │
│api-1/api 2025-12-31T23:31:43.000Z INFO  status=200 n=1903                                        │
│api-1/api 2025-12-31T23:31:44.000Z INFO  status=200 n=1904                                        │
│api-1/api 2025-12-31T23:31:45.000Z INFO  status=200 n=1905                                        │
│api-1/api 2025-12-31T23:31:46.000Z INFO  status=200 n=1906                                        │
│api-1/api 2025-12-31T23:31:47.000Z INFO  status=200 n=1907                                        │
│api-1/api 2025-12-31T23:31:48.000Z INFO  status=200 n=1908                                        │
│flood1.log  oldest kept 23:31:30 (1890 dropped)  PAUSED +1500 new (390 dropped; f follows)        │
└──────────────────────────────────────────────────────────────────────────────────────────────────┘
 LOGS from the oldest line kept; flood0.log: oldest kept 23:06:20 (380 dropped)
EOF

assert_screen filtered <<'EOF'
 warroom │ no incident named │ T+00:00:00                                   2026-01-01 00:00:00 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────────────────────────┐
│api-1/api 2025-12-31T23:06:20.000Z INFO  status=500 n=380                                         │
│api-1/api 2025-12-31T23:06:30.000Z INFO  status=500 n=390                                         │
│api-1/api 2025-12-31T23:06:40.000Z INFO  status=500 n=400                                         │
│api-1/api 2025-12-31T23:06:50.000Z INFO  status=500 n=410                                         │
│api-1/api 2025-12-31T23:07:00.000Z INFO  status=500 n=420                                         │
│api-1/api 2025-12-31T23:07:10.000Z INFO  status=500 n=430                                         │
│api-1/api 2025-12-31T23:07:20.000Z INFO  status=500 n=440                                         │
│api-1/api 2025-12-31T23:07:30.000Z INFO  status=500 n=450                                         │
│api-1/api 2025-12-31T23:07:40.000Z INFO  status=500 n=460                                         │
│api-1/api 2025-12-31T23:07:50.000Z INFO  status=500 n=470                                         │
│api-1/api 2025-12-31T23:08:00.000Z INFO  status=500 n=480                                         │
│api-1/api 2025-12-31T23:08:10.000Z INFO  status=500 n=490                                         │
│api-1/api 2025-12-31T23:08:20.000Z INFO  status=500 n=500                                         │
│api-1/api 2025-12-31T23:08:30.000Z INFO  status=500 n=510                                         │
│api-1/api 2025-12-31T23:08:40.000Z INFO  status=500 n=520                                         │
│api-1/api 2025-12-31T23:08:50.000Z INFO  status=500 n=530                                         │
│api-1/api 2025-12-31T23:09:00.000Z INFO  status=500 n=540                                         │
│api-1/api 2025-12-31T23:09:10.000Z INFO  status=500 n=550                                         │
│api-1/api 2025-12-31T23:09:20.000Z INFO  status=500 n=560                                         │
│filter /status=500/  112 matching  3380 dropped  PAUSED +112 new matches                          │
└──────────────────────────────────────────────────────────────────────────────────────────────────┘
 LOGS from the oldest line kept; flood1.log: oldest kept 23:31:30 (1890 dropped)
EOF

assert_screen jumped <<'EOF'
 warroom │ no incident named │ T+00:00:00                                   2026-01-01 00:00:00 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────────────────────────┐
│api-1/api 2025-12-31T23:31:30.000Z INFO  status=500 n=1890                                        │
│api-1/api 2025-12-31T23:31:40.000Z INFO  status=500 n=1900                                        │
│api-1/api 2025-12-31T23:31:50.000Z INFO  status=500 n=1910                                        │
│api-1/api 2025-12-31T23:32:00.000Z INFO  status=500 n=1920                                        │
│api-1/api 2025-12-31T23:32:10.000Z INFO  status=500 n=1930                                        │
│api-1/api 2025-12-31T23:32:20.000Z INFO  status=500 n=1940                                        │
│api-1/api 2025-12-31T23:32:30.000Z INFO  status=500 n=1950                                        │
│api-1/api 2025-12-31T23:32:40.000Z INFO  status=500 n=1960                                        │
│api-1/api 2025-12-31T23:32:50.000Z INFO  status=500 n=1970                                        │
│api-1/api 2025-12-31T23:33:00.000Z INFO  status=500 n=1980                                        │
│api-1/api 2025-12-31T23:33:10.000Z INFO  status=500 n=1990                                        │
│api-1/api 2025-12-31T23:33:20.000Z INFO  status=500 n=2000                                        │
│api-1/api 2025-12-31T23:33:30.000Z INFO  status=500 n=2010                                        │
│api-1/api 2025-12-31T23:33:40.000Z INFO  status=500 n=2020                                        │
│api-1/api 2025-12-31T23:33:50.000Z INFO  status=500 n=2030                                        │
│api-1/api 2025-12-31T23:34:00.000Z INFO  status=500 n=2040                                        │
│api-1/api 2025-12-31T23:34:10.000Z INFO  status=500 n=2050                                        │
│api-1/api 2025-12-31T23:34:20.000Z INFO  status=500 n=2060                                        │
│api-1/api 2025-12-31T23:34:30.000Z INFO  status=500 n=2070                                        │
│filter /status=500/  111 matching  4890 dropped  PAUSED +111 new matches                          │
└──────────────────────────────────────────────────────────────────────────────────────────────────┘
 LOGS from its oldest line, 23:06:20 UTC (none from 23:00:00 kept: 3380 older dropped)
EOF

assert_screen next <<'EOF'
 warroom │ no incident named │ T+00:00:00                                   2026-01-01 00:00:00 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────────────────────────┐
│api-1/api 2025-12-31T23:31:40.000Z INFO  status=500 n=1900                                        │
│api-1/api 2025-12-31T23:31:50.000Z INFO  status=500 n=1910                                        │
│api-1/api 2025-12-31T23:32:00.000Z INFO  status=500 n=1920                                        │
│api-1/api 2025-12-31T23:32:10.000Z INFO  status=500 n=1930                                        │
│api-1/api 2025-12-31T23:32:20.000Z INFO  status=500 n=1940                                        │
│api-1/api 2025-12-31T23:32:30.000Z INFO  status=500 n=1950                                        │
│api-1/api 2025-12-31T23:32:40.000Z INFO  status=500 n=1960                                        │
│api-1/api 2025-12-31T23:32:50.000Z INFO  status=500 n=1970                                        │
│api-1/api 2025-12-31T23:33:00.000Z INFO  status=500 n=1980                                        │
│api-1/api 2025-12-31T23:33:10.000Z INFO  status=500 n=1990                                        │
│api-1/api 2025-12-31T23:33:20.000Z INFO  status=500 n=2000                                        │
│api-1/api 2025-12-31T23:33:30.000Z INFO  status=500 n=2010                                        │
│api-1/api 2025-12-31T23:33:40.000Z INFO  status=500 n=2020                                        │
│api-1/api 2025-12-31T23:33:50.000Z INFO  status=500 n=2030                                        │
│api-1/api 2025-12-31T23:34:00.000Z INFO  status=500 n=2040                                        │
│api-1/api 2025-12-31T23:34:10.000Z INFO  status=500 n=2050                                        │
│api-1/api 2025-12-31T23:34:20.000Z INFO  status=500 n=2060                                        │
│api-1/api 2025-12-31T23:34:30.000Z INFO  status=500 n=2070                                        │
│api-1/api 2025-12-31T23:34:40.000Z INFO  status=500 n=2080                                        │
│filter /status=500/  111 matching  4890 dropped  PAUSED +111 new matches                          │
└──────────────────────────────────────────────────────────────────────────────────────────────────┘
 / filter  z all panes  n next match  N prev match  @ jump to time  Tab pane  ? help  q quit
EOF

assert_screen scrolled <<'EOF'
 warroom │ no incident named │ T+00:00:00                                   2026-01-01 00:00:00 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────────────────────────┐
│api-1/api 2025-12-31T23:06:20.000Z INFO  status=500 n=380                                         │
│api-1/api 2025-12-31T23:06:30.000Z INFO  status=500 n=390                                         │
│api-1/api 2025-12-31T23:06:40.000Z INFO  status=500 n=400                                         │
│api-1/api 2025-12-31T23:06:50.000Z INFO  status=500 n=410                                         │
│api-1/api 2025-12-31T23:07:00.000Z INFO  status=500 n=420                                         │
│api-1/api 2025-12-31T23:07:10.000Z INFO  status=500 n=430                                         │
│api-1/api 2025-12-31T23:07:20.000Z INFO  status=500 n=440                                         │
│api-1/api 2025-12-31T23:07:30.000Z INFO  status=500 n=450                                         │
│api-1/api 2025-12-31T23:07:40.000Z INFO  status=500 n=460                                         │
│api-1/api 2025-12-31T23:07:50.000Z INFO  status=500 n=470                                         │
│api-1/api 2025-12-31T23:08:00.000Z INFO  status=500 n=480                                         │
│api-1/api 2025-12-31T23:08:10.000Z INFO  status=500 n=490                                         │
│api-1/api 2025-12-31T23:08:20.000Z INFO  status=500 n=500                                         │
│api-1/api 2025-12-31T23:08:30.000Z INFO  status=500 n=510                                         │
│api-1/api 2025-12-31T23:08:40.000Z INFO  status=500 n=520                                         │
│api-1/api 2025-12-31T23:08:50.000Z INFO  status=500 n=530                                         │
│api-1/api 2025-12-31T23:09:00.000Z INFO  status=500 n=540                                         │
│api-1/api 2025-12-31T23:09:10.000Z INFO  status=500 n=550                                         │
│api-1/api 2025-12-31T23:09:20.000Z INFO  status=500 n=560                                         │
│filter /status=500/  112 matching  6380 dropped  PAUSED +112 new matches                          │
└──────────────────────────────────────────────────────────────────────────────────────────────────┘
 / filter  z all panes  n next match  N prev match  @ jump to time  Tab pane  ? help  q quit
EOF

assert_screen toggled <<'EOF'
 warroom │ no incident named │ T+00:00:00                                   2026-01-01 00:00:00 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────────────────────────┐
│api-1/api INFO  status=500 n=1890                                                                 │
│api-1/api INFO  status=500 n=1900                                                                 │
│api-1/api INFO  status=500 n=1910                                                                 │
│api-1/api INFO  status=500 n=1920                                                                 │
│api-1/api INFO  status=500 n=1930                                                                 │
│api-1/api INFO  status=500 n=1940                                                                 │
│api-1/api INFO  status=500 n=1950                                                                 │
│api-1/api INFO  status=500 n=1960                                                                 │
│api-1/api INFO  status=500 n=1970                                                                 │
│api-1/api INFO  status=500 n=1980                                                                 │
│api-1/api INFO  status=500 n=1990                                                                 │
│api-1/api INFO  status=500 n=2000                                                                 │
│api-1/api INFO  status=500 n=2010                                                                 │
│api-1/api INFO  status=500 n=2020                                                                 │
│api-1/api INFO  status=500 n=2030                                                                 │
│api-1/api INFO  status=500 n=2040                                                                 │
│api-1/api INFO  status=500 n=2050                                                                 │
│api-1/api INFO  status=500 n=2060                                                                 │
│api-1/api INFO  status=500 n=2070                                                                 │
│filter /status=500/  111 matching  7890 dropped  wrap  no times  PAUSED +111 new matches          │
└──────────────────────────────────────────────────────────────────────────────────────────────────┘
 LOGS timestamps hidden (t shows them)
EOF
