#!/bin/sh
# test_logs_wrap.sh — LOGS with w (wrap) while following: each long line
# takes two rows, and the newest line still ends on the pane's last row;
# the oldest line that does not fit shows its start (host, time), cut
# with …, not a bare end. A paused view (Up) keeps the same rule for the
# line it is pinned to. Rows end between words ("path=/v1/orders/10"
# whole). At 80x24 the newest line once needed more rows than LOGS has
# and showed only its tail, with no host or time; broken between words
# it fits whole (a line taller than the pane: test_logs_wrap_tokens.sh).
# Filtered there, "wrap" once went behind the label, the filter and its
# count: it stays, the label goes. The 80x24 screens have HOSTS focused
# first: LOGS focused has the rows HOSTS gives up. Twenty lines: focused
# at 100x30, LOGS holds twelve wrapped and Up had nothing to pin.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
i=1
while [ "$i" -le 20 ]; do
	printf 'api-1/api 2026-01-01T00:00:%02d.000Z WARN slow upstream call path=/v1/orders/%d took=1250ms end=%d\n' \
	    "$i" "$i" "$i"
	i=$((i + 1))
done > "$tmp/api.log"
echo 'api-1/api 2026-01-01T00:00:13.000Z ERROR api req=83f75f7f ip=10.0.0.7 path=/v1/orders status=500 dur_ms=38 tag=v1.4.1 err="upstream timeout" seq=377' > "$tmp/long.log"
steps '
:resize 100x30
:logs api.log
3
w
:save-screen wrap
<Up>
:save-screen up
<End>
:logs long.log
:resize 80x24
1
:save-screen small
3
/status=500<Enter>
:save-screen small_filtered
'
run_console -c "$tmp/warroom.conf"

assert_screen wrap <<'EOF'
 warroom │ no incident named │ T+00:00:00                                   2026-01-01 00:00:00 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS        │
│> api-1       api     not connected           -      -     -               compose 127.0.0.1:2201 │
│  api-1       jobs    not connected           -      -     -               compose 127.0.0.1:2201 │
│  api-2       api     not connected           -      -     -               compose 127.0.0.1:2202 │
│  k8s-bastion api     not connected           -      -     -               k8s     127.0.0.1:2203 │
└──────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────┐
│ api-1: no metrics_url in the config                      ││ no runbook loaded                    │
│                                                          ││ open one with -r FILE                │
│                                                          ││                                      │
└──────────────────────────────────────────────────────────┘│                                      │
┌─ ▶ LOGS ─────────────────────────────────────────────────┐│                                      │
│api-1/api 00:00:15 WARN slow upstream call                ││                                      │
│  path=/v1/orders/15 took=1250ms end=15                   ││                                      │
│api-1/api 00:00:16 WARN slow upstream call                ││                                      │
│  path=/v1/orders/16 took=1250ms end=16                   │└──────────────────────────────────────┘
│api-1/api 00:00:17 WARN slow upstream call                │┌─ TIMELINE ───────────────────────────┐
│  path=/v1/orders/17 took=1250ms end=17                   ││ no incident journal open             │
│api-1/api 00:00:18 WARN slow upstream call                ││ (none in screen tests)               │
│  path=/v1/orders/18 took=1250ms end=18                   ││                                      │
│api-1/api 00:00:19 WARN slow upstream call                ││                                      │
│  path=/v1/orders/19 took=1250ms end=19                   ││                                      │
│api-1/api 00:00:20 WARN slow upstream call                ││                                      │
│  path=/v1/orders/20 took=1250ms end=20                   ││                                      │
│api.log  20 lines  wrap                                   ││                                      │
└──────────────────────────────────────────────────────────┘└──────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more); warroom
 --check-config lists them
EOF
assert_screen up <<'EOF'
 warroom │ no incident named │ T+00:00:00                                   2026-01-01 00:00:00 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS        │
│> api-1       api     not connected           -      -     -               compose 127.0.0.1:2201 │
│  api-1       jobs    not connected           -      -     -               compose 127.0.0.1:2201 │
│  api-2       api     not connected           -      -     -               compose 127.0.0.1:2202 │
│  k8s-bastion api     not connected           -      -     -               k8s     127.0.0.1:2203 │
└──────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────┐
│ api-1: no metrics_url in the config                      ││ no runbook loaded                    │
│                                                          ││ open one with -r FILE                │
│                                                          ││                                      │
└──────────────────────────────────────────────────────────┘│                                      │
┌─ ▶ LOGS ─────────────────────────────────────────────────┐│                                      │
│api-1/api 00:00:14 WARN slow upstream call                ││                                      │
│  path=/v1/orders/14 took=1250ms end=14                   ││                                      │
│api-1/api 00:00:15 WARN slow upstream call                ││                                      │
│  path=/v1/orders/15 took=1250ms end=15                   │└──────────────────────────────────────┘
│api-1/api 00:00:16 WARN slow upstream call                │┌─ TIMELINE ───────────────────────────┐
│  path=/v1/orders/16 took=1250ms end=16                   ││ no incident journal open             │
│api-1/api 00:00:17 WARN slow upstream call                ││ (none in screen tests)               │
│  path=/v1/orders/17 took=1250ms end=17                   ││                                      │
│api-1/api 00:00:18 WARN slow upstream call                ││                                      │
│  path=/v1/orders/18 took=1250ms end=18                   ││                                      │
│api-1/api 00:00:19 WARN slow upstream call                ││                                      │
│  path=/v1/orders/19 took=1250ms end=19                   ││                                      │
│api.log  20 lines  wrap  PAUSED +0 new (f follows)        ││                                      │
└──────────────────────────────────────────────────────────┘└──────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more); warroom
 --check-config lists them
EOF
sed -n 19,22p "$tmp/small" > "$tmp/small_logs"
assert_screen small_logs <<'EOF'
│  dur_ms=38 tag=v1.4.1 err="upstream timeout" ││                              │
│  seq=377                                     ││                              │
│long.log  21 lines  wrap                      ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
EOF
sed -n 19,22p "$tmp/small_filtered" > "$tmp/small_filtered_logs"
assert_screen small_filtered_logs <<'EOF'
│  ip=10.0.0.7 path=/v1/orders status=500      ││                              │
│  dur_ms=38 tag=v1.4.1 err="upstream timeout" ││                              │
│  seq=377                                     ││                              │
│filter /status=500/  1 matching  wrap         ││                              │
EOF
