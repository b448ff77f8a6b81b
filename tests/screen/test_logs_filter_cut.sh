#!/bin/sh
# test_logs_filter_cut.sh — LOGS at 80x24 zoomed with a long pattern that
# has capitals: the status line cuts the pattern, never its "(case)"; a
# line in view that ingest cut at 16 KiB is said to be, once, since the
# filter never saw its end.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
awk 'BEGIN { printf "h1/api 2026-01-01T00:00:01Z ERROR NullPointer at"; for (i = 0; i < 2200; i++) printf " f%04d=v", i; printf " TAILEND\n" }' > "$tmp/h1.log"
echo 'h1/api 2026-01-01T00:00:02Z WARN  OrderService slow' >> "$tmp/h1.log"
steps '
:resize 80x24
:logs-tails 1
:logs-tail 1 h1.log
3
z
/TAILEND|long01|NullPointer|OrderService|PaymentGateway<Enter>
:save-screen cut
:resize 120x40
z
k
:save-screen paused
'
run_console -c "$tmp/warroom.conf"

assert_screen paused <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                       2026-01-01 00:00:00 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY RST AGE    ││ no runbook loaded                            │
│> api-1       api     not connected           -      -                ││ open one with -r FILE                        │
│  api-1       jobs    not connected           -      -                ││                                              │
│  api-2       api     not connected           -      -                ││                                              │
│  k8s-bastion api     not connected           -      -                ││                                              │
└──────────────────────────────────────────────────────────────────────┘│                                              │
┌─ METRICS ────────────────────────────────────────────────────────────┐│                                              │
│ api-1: no metrics_url in the config                                  ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
└──────────────────────────────────────────────────────────────────────┘│                                              │
┌─ ▶ LOGS ─────────────────────────────────────────────────────────────┐│                                              │
│                                                                      │└──────────────────────────────────────────────┘
│                                                                      │┌─ TIMELINE ───────────────────────────────────┐
│                                                                      ││ no incident journal open                     │
│                                                                      ││ (none in screen tests)                       │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│h1/api 00:00:01 ERROR NullPointer at f0000=v f0001=v f0002=v f0003=v …││                                              │
│h1/api 00:00:02 WARN  OrderService slow                               ││                                              │
│/TAILEND|long01|NullPoin…/ (case)  (1 cut line)  PAUSED +0 new matches││                                              │
└──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
 / filter  z zoom  n next match  N prev match  @ jump to time  f follow/pause  w wrap  Tab pane  ? help  q quit
EOF

assert_screen cut <<'EOF'
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
│                                                                              │
│                                                                              │
│h1/api 00:00:01 ERROR NullPointer at f0000=v f0001=v f0002=v f0003=v f0004=v …│
│h1/api 00:00:02 WARN  OrderService slow                                       │
│/TAILEND|long01|NullPointer|OrderService|…/ (case)  2 matching  (1 cut line)  │
└──────────────────────────────────────────────────────────────────────────────┘
 LOGS filtered by /TAILEND|long01|NullPointer|OrderService|PaymentGateway/,
 case-sensitive (it has an uppercase letter)
EOF
