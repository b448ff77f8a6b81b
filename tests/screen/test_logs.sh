#!/bin/sh
# test_logs.sh — LOGS on the in-memory screen, fed by the script command
# :logs (the stand-in for a tailed service): the newest lines at the bottom,
# escape sequences in a line drawn as text, one Up scrolls the pane by one
# line and pauses it, End follows again.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
i=1
while [ "$i" -le 30 ]; do
	printf 'api-1/api 2026-01-01T00:00:%02d.000Z INFO  seq=%d\n' "$i" "$i"
	i=$((i + 1))
done > "$tmp/api.log"
printf 'api-1/api 2026-01-01T00:00:31.000Z \033[2J\033]0;t\007 seq=31\n' >> "$tmp/api.log"
steps '
:resize 100x30
:logs api.log
3
:save-screen follow
<Up>
:save-screen up
<End>
:save-screen end
'
run_console -c "$tmp/warroom.conf"

assert_screen follow <<'EOF'
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
│api-1/api 00:00:20 INFO  seq=20                           ││                                      │
│api-1/api 00:00:21 INFO  seq=21                           ││                                      │
│api-1/api 00:00:22 INFO  seq=22                           ││                                      │
│api-1/api 00:00:23 INFO  seq=23                           │└──────────────────────────────────────┘
│api-1/api 00:00:24 INFO  seq=24                           │┌─ TIMELINE ───────────────────────────┐
│api-1/api 00:00:25 INFO  seq=25                           ││ no incident journal open             │
│api-1/api 00:00:26 INFO  seq=26                           ││ (none in screen tests)               │
│api-1/api 00:00:27 INFO  seq=27                           ││                                      │
│api-1/api 00:00:28 INFO  seq=28                           ││                                      │
│api-1/api 00:00:29 INFO  seq=29                           ││                                      │
│api-1/api 00:00:30 INFO  seq=30                           ││                                      │
│api-1/api 00:00:31 ^[[2J^[]0;t^G seq=31                   ││                                      │
│api.log  31 lines                                         ││                                      │
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
│api-1/api 00:00:19 INFO  seq=19                           ││                                      │
│api-1/api 00:00:20 INFO  seq=20                           ││                                      │
│api-1/api 00:00:21 INFO  seq=21                           ││                                      │
│api-1/api 00:00:22 INFO  seq=22                           │└──────────────────────────────────────┘
│api-1/api 00:00:23 INFO  seq=23                           │┌─ TIMELINE ───────────────────────────┐
│api-1/api 00:00:24 INFO  seq=24                           ││ no incident journal open             │
│api-1/api 00:00:25 INFO  seq=25                           ││ (none in screen tests)               │
│api-1/api 00:00:26 INFO  seq=26                           ││                                      │
│api-1/api 00:00:27 INFO  seq=27                           ││                                      │
│api-1/api 00:00:28 INFO  seq=28                           ││                                      │
│api-1/api 00:00:29 INFO  seq=29                           ││                                      │
│api-1/api 00:00:30 INFO  seq=30                           ││                                      │
│api.log  31 lines  PAUSED +0 new (f follows)              ││                                      │
└──────────────────────────────────────────────────────────┘└──────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more); warroom
 --check-config lists them
EOF
assert_screen end <<'EOF'
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
│api-1/api 00:00:20 INFO  seq=20                           ││                                      │
│api-1/api 00:00:21 INFO  seq=21                           ││                                      │
│api-1/api 00:00:22 INFO  seq=22                           ││                                      │
│api-1/api 00:00:23 INFO  seq=23                           │└──────────────────────────────────────┘
│api-1/api 00:00:24 INFO  seq=24                           │┌─ TIMELINE ───────────────────────────┐
│api-1/api 00:00:25 INFO  seq=25                           ││ no incident journal open             │
│api-1/api 00:00:26 INFO  seq=26                           ││ (none in screen tests)               │
│api-1/api 00:00:27 INFO  seq=27                           ││                                      │
│api-1/api 00:00:28 INFO  seq=28                           ││                                      │
│api-1/api 00:00:29 INFO  seq=29                           ││                                      │
│api-1/api 00:00:30 INFO  seq=30                           ││                                      │
│api-1/api 00:00:31 ^[[2J^[]0;t^G seq=31                   ││                                      │
│api.log  31 lines                                         ││                                      │
└──────────────────────────────────────────────────────────┘└──────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more); warroom
 --check-config lists them
EOF

# At 80x24 the states that change what is seen keep the status line's
# room: paused and the filter stay, worded briefly; the label and the line
# count go. Paused with a filter, the new lines counted are those it shows.
cp "$tmp/api.log" "$tmp/k8s-bastion-api"
steps '
:resize 80x24
:logs k8s-bastion-api
3
/seq=1<Enter>
f
:save-screen narrow
'
run_console -c "$tmp/warroom.conf"
grep -q "│/seq=1/  11 matching  PAUSED +0 new matches  *│" "$tmp/narrow" ||
	{ cat "$tmp/narrow"; fail "the narrow status line lost the filter or PAUSED"; }
ok "at 80x24 the status line keeps PAUSED and the filter over the label and count"
