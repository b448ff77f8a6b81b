#!/bin/sh
# test_metrics_no_source.sh — a host with neither metrics_url nor
# prometheus_url still gets a verdict from its restarts, which the driver
# reads over SSH: k8s-bastion restarting 15 times in the window is
# ROLLBACK IMMEDIATELY with "15+ restarts in 5m ≥ 3" in HOSTS and METRICS,
# its error rate and p95 said not configured (no gap of missing data); a
# calm one (api-2) is NO DATA, never OK, its reason saying the verdict
# rests on restarts alone.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
:state k8s-bastion api restarts=15
:metrics k8s-bastion restarts=15
:metrics api-2 restarts=0
:resize 100x30
j
j
j
:save-screen none
'
run_console -c "$tmp/warroom.conf"

assert_screen none <<'EOF'
 warroom │ no incident named │ T+00:00:00                                   2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 ROLLBACK IMMEDIATELY of 3 hosts ──────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG VERDICT              STATE HEALTH READY VERSION RST AGE   │
│  api-1       api     not connected     -                          -      -     -                 │
│  api-1       jobs    not connected     -                          -      -     -                 │
│  api-2       api     not connected     NO DATA                    -      -     -                 │
│> k8s-bastion api     not connected -   ROLLBACK IMMEDIATELY       -      -     -       15+ 0s    │
└──────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────┐
│k8s-bastion  ROLLBACK IMMEDIATELY                         ││ no runbook loaded                    │
│  15+ restarts in 5m ≥ 3; no metrics configured: verdict …││ open one with -r FILE                │
│  errors no metrics configured                            ││                                      │
│  p95    no metrics configured                            ││                                      │
│  restarts in 5m: unknown                                 ││                                      │
│  rollback at 3 restarts in 5m                            ││                                      │
│api-2          NO DATA  0 restarts in 5m; no metrics conf…││                                      │
│                                                          ││                                      │
└──────────────────────────────────────────────────────────┘└──────────────────────────────────────┘
┌─ LOGS ───────────────────────────────────────────────────┐┌─ TIMELINE ───────────────────────────┐
│ no log stream open                                       ││ no incident journal open             │
│                                                          ││ (none in screen tests)               │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
└──────────────────────────────────────────────────────────┘└──────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more); warroom
 --check-config lists them
EOF
ok "no metrics source: a verdict from restarts, ROLLBACK IMMEDIATELY on 15, NO DATA when calm"
