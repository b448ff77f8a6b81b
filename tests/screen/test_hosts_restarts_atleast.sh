#!/bin/sh
# test_hosts_restarts_atleast.sh — a console counts the restarts it
# watched and only the last of each container's before it: two consoles
# showed 4 and 8 for the same pods. Until it has watched a whole restarts
# window (5m) HOSTS' RST and the verdict's words mark a count as at least
# ("4+"), as METRICS' detail does ("at least: watched 0s so far"); a count
# of 0 is whole. Once five minutes have passed the counts are bare.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_scale_config 2 1
steps "$(scale_steps 2 1)
:state h1 api restarts=4
:state h2 api restarts=12
:metrics h1 error=0.001 p95=100 restarts=4 requests=100
:metrics h2 error=0.001 p95=100 restarts=1 requests=100
:resize 130x40
:save-screen early
:sleep 300
:metrics h1 error=0.001 p95=100 restarts=4 requests=100
:metrics h2 error=0.001 p95=100 restarts=1 requests=100
:save-screen whole
"
run_console -c "$tmp/warroom.conf"

assert_screen early <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                                 2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 ROLLBACK IMMEDIATELY of 2 hosts ────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────────┐
│  HOST SERVICE CONN TAG    VERDICT              STATE   HEALTH READY RST AGE││ no runbook loaded                                │
│> h1   api     UP   v1.4.1 ROLLBACK IMMEDIATELY running OK     OK    4+  0s ││ open one with -r FILE                            │
│  h1   jobs    UP   v1.4.1 ROLLBACK IMMEDIATELY running -      -     0   0s ││                                                  │
│  h2   api     UP   v1.4.1 OK                   running OK     OK    12+ 0s ││                                                  │
└────────────────────────────────────────────────────────────────────────────┘│                                                  │
┌─ METRICS ──────────────────────────────────────────────────────────────────┐│                                                  │
│h1  ROLLBACK IMMEDIATELY                                                    ││                                                  │
│  4+ restarts in 5m ≥ 3                                                     ││                                                  │
│  errors 0.1%    ▁▁ 0–5%                                                    ││                                                  │
│  p95    100 ms  ▂▁ 0–2000 ms                                               ││                                                  │
│  restarts in 5m: unknown                                                   ││                                                  │
│  rollback >5% >2000ms 3 restarts/5m; consider >2% >1000ms; monitor >1%     ││                                                  │
│    >500ms; calm 10% under                                                  ││                                                  │
│h2             OK  below thresholds: error rate 0.1%, p95 100 ms, 1+ restar…││                                                  │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
└────────────────────────────────────────────────────────────────────────────┘│                                                  │
┌─ LOGS ─────────────────────────────────────────────────────────────────────┐│                                                  │
│ no log stream open                                                         ││                                                  │
│                                                                            │└──────────────────────────────────────────────────┘
│                                                                            │┌─ TIMELINE ───────────────────────────────────────┐
│                                                                            ││ no incident journal open                         │
│                                                                            ││ (none in screen tests)                           │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
└────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Enter logs  o order  F filter  C-r poll now  z zoom  Tab pane  ? help  q quit
EOF

assert_screen whole <<'EOF'
 warroom │ no incident named │ T+00:05:00                                                                 2026-01-01 00:05:00 UTC
┌─ ▶ HOSTS 1 ROLLBACK IMMEDIATELY of 2 hosts ────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────────┐
│  HOST SERVICE CONN TAG    VERDICT              STATE   HEALTH READY RST AGE││ no runbook loaded                                │
│> h1   api     UP   v1.4.1 ROLLBACK IMMEDIATELY running OK     OK    4   5m ││ open one with -r FILE                            │
│  h1   jobs    UP   v1.4.1 ROLLBACK IMMEDIATELY running -      -     0   5m ││                                                  │
│  h2   api     UP   v1.4.1 OK                   running OK     OK    12  5m ││                                                  │
└────────────────────────────────────────────────────────────────────────────┘│                                                  │
┌─ METRICS ──────────────────────────────────────────────────────────────────┐│                                                  │
│h1  ROLLBACK IMMEDIATELY                                                    ││                                                  │
│  4 restarts in 5m ≥ 3                                                      ││                                                  │
│  errors 0.1%    ▁▁▁ 0–5%                                                   ││                                                  │
│  p95    100 ms  ▂▁▁ 0–2000 ms                                              ││                                                  │
│  restarts in 5m: unknown                                                   ││                                                  │
│  rollback >5% >2000ms 3 restarts/5m; consider >2% >1000ms; monitor >1%     ││                                                  │
│    >500ms; calm 10% under                                                  ││                                                  │
│h2             OK  below thresholds: error rate 0.1%, p95 100 ms, 1 restart…││                                                  │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
└────────────────────────────────────────────────────────────────────────────┘│                                                  │
┌─ LOGS ─────────────────────────────────────────────────────────────────────┐│                                                  │
│ no log stream open                                                         ││                                                  │
│                                                                            │└──────────────────────────────────────────────────┘
│                                                                            │┌─ TIMELINE ───────────────────────────────────────┐
│                                                                            ││ no incident journal open                         │
│                                                                            ││ (none in screen tests)                           │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
│                                                                            ││                                                  │
└────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Enter logs  o order  F filter  C-r poll now  z zoom  Tab pane  ? help  q quit
EOF
