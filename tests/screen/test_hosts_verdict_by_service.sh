#!/bin/sh
# test_hosts_verdict_by_service.sh — h1's api crash-loops (15 restarts in
# the window) while its jobs has none: the host's verdict, ROLLBACK
# IMMEDIATELY, rests on api's restarts alone. api's row reads it as it
# is; jobs' row says whose it is ("ROLLBACK IMMEDIATELY (api)"), at 80
# columns too, and the reason names api. h2's verdict from its error
# rate stays the host's on both its rows.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_scale_config 2 2
steps "$(scale_steps 2 2)
:state h1 api restarts=15
:metrics h1 error=0.001 p95=180 restarts=api:15,jobs:0 requests=100
:metrics h2 error=0.08 p95=180 restarts=api:0,jobs:0 requests=100
:resize 120x30
:save-screen wide
:resize 80x24
:save-screen narrow
"
run_console -c "$tmp/warroom.conf"

assert_screen wide <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                       2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 2 ROLLBACK IMMEDIATELY of 2 hosts ──────────────────────────────────────────────────────────────────────────┐
│  HOST SERVICE CONN TAG    VERDICT                    STATE   HEALTH READY VERSION RST AGE DRIVER  ADDRESS            │
│> h1   api     UP   v1.4.1 ROLLBACK IMMEDIATELY       running OK     OK            15+ 0s  compose 127.0.0.1:2201     │
│  h1   jobs    UP   v1.4.1 ROLLBACK IMMEDIATELY (api) running -      -     -       0   0s  compose 127.0.0.1:2201     │
│  h2   api     UP   v1.4.1 ROLLBACK IMMEDIATELY       running OK     OK            0   0s  compose 127.0.0.1:2202     │
│  h2   jobs    UP   v1.4.1 ROLLBACK IMMEDIATELY       running -      -     -       0   0s  compose 127.0.0.1:2202     │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────┐
│h1  ROLLBACK IMMEDIATELY                                              ││ no runbook loaded                            │
│  api: 15+ restarts in 5m ≥ 3                                         ││ open one with -r FILE                        │
│  errors 0.1%    ▁▁ 0–5%                                              ││                                              │
│  p95    180 ms  ▂▂ 0–2000 ms                                         ││                                              │
│  restarts in 5m: unknown                                             ││                                              │
│  rollback >5% >2000ms 3 restarts/5m; consider >2% >1000ms; monitor   ││                                              │
│    >1% >500ms; calm 10% under                                        ││                                              │
│h2             ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests…││                                              │
└──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
┌─ LOGS ───────────────────────────────────────────────────────────────┐┌─ TIMELINE ───────────────────────────────────┐
│ no log stream open                                                   ││ no incident journal open                     │
│                                                                      ││ (none in screen tests)                       │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
└──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Enter logs  o order  F filter  Tab pane  ? help  q quit
EOF

assert_screen narrow <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 2 ROLLBACK IMMEDIATELY of 2 hosts ──────────────────────────────────┐
│  HOST SERVICE CONN TAG    VERDICT                    STATE   HEALTH READY RST│
│> h1   api     UP   v1.4.1 ROLLBACK IMMEDIATELY       running OK     OK    15+│
│  h1   jobs    UP   v1.4.1 ROLLBACK IMMEDIATELY (api) running -      -     0  │
│  h2   api     UP   v1.4.1 ROLLBACK IMMEDIATELY       running OK     OK    0  │
│  h2   jobs    UP   v1.4.1 ROLLBACK IMMEDIATELY       running -      -     0  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h1  ROLLBACK IMMEDIATELY                      ││ no runbook loaded            │
│  api: 15+ restarts in 5m ≥ 3                 ││ open one with -r FILE        │
│  errors 0.1%    ▁▁ 0–5%                      ││                              │
│  p95    180 ms  ▂▂ 0–2000 ms                 ││                              │
│h2             ROLLBACK IMMEDIATELY  error ra…││                              │
└─ ▼ 2 more rows (z shows them) ───────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Tab pane  ? help  q quit
EOF
