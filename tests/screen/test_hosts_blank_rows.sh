#!/bin/sh
# test_hosts_blank_rows.sh — HOSTS takes the rows it draws: it kept room
# under its table for any row's trouble (h3's failing /healthz) while the
# selected row had none, so at 100x30 a blank row sat under the table
# while METRICS said "▼ z shows … more". Selecting h3 gives it its line.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_scale_config 6 0
steps "$(scale_steps 6 0)
:state h3 api healthz=fail
:metrics h3 error=0.08 p95=1500 restarts=0 requests=100
:metrics h5 error=0.08 p95=1500 restarts=0 requests=100
:resize 100x30
:save-screen calm-row
j
j
:save-screen h3
"
run_console -c "$tmp/warroom.conf"

assert_screen calm-row <<'EOF'
 warroom │ no incident named │ T+00:00:00                                   2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 2 ROLLBACK IMMEDIATELY, 1 failing health of 6 hosts ────────────────────────────────────┐
│  HOST SERVICE CONN TAG    VERDICT              STATE   HEALTH READY VERSION RST AGE DRIVER       │
│> h1   api     UP   v1.4.1 OK                   running OK     OK            0   0s  compose      │
│  h2   api     UP   v1.4.1 OK                   running OK     OK            0   0s  compose      │
│  h3   api     UP   v1.4.1 ROLLBACK IMMEDIATELY running FAIL   OK            0   0s  compose      │
│  h4   api     UP   v1.4.1 OK                   running OK     OK            0   0s  compose      │
│  h5   api     UP   v1.4.1 ROLLBACK IMMEDIATELY running OK     OK            0   0s  compose      │
│  h6   api     UP   v1.4.1 OK                   running OK     OK            0   0s  compose      │
└──────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────┐
│h1  OK                                                    ││ no runbook loaded                    │
│  below thresholds: error rate 0.1%, p95 180 ms, 0 restar…││ open one with -r FILE                │
│  errors 0.1%    ▁ 0–5%                                   ││                                      │
│  p95    180 ms  ▂ 0–2000 ms                              ││                                      │
│  restarts in 5m: unknown                                 ││                                      │
│h3             ROLLBACK IMMEDIATELY  error rate 8% (8 of …││                                      │
│h5             ROLLBACK IMMEDIATELY  error rate 8% (8 of …││                                      │
└─ ▼ 4 more rows (z shows them) ───────────────────────────┘└──────────────────────────────────────┘
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
 r roll back  B all hosts  X kill switch  A arm  Enter logs  o order  Tab pane  ? help  q quit
EOF

assert_screen h3 <<'EOF'
 warroom │ no incident named │ T+00:00:00                                   2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 2 ROLLBACK IMMEDIATELY, 1 failing health of 6 hosts ────────────────────────────────────┐
│  HOST SERVICE CONN TAG    VERDICT              STATE   HEALTH READY VERSION RST AGE DRIVER       │
│  h1   api     UP   v1.4.1 OK                   running OK     OK            0   0s  compose      │
│  h2   api     UP   v1.4.1 OK                   running OK     OK            0   0s  compose      │
│> h3   api     UP   v1.4.1 ROLLBACK IMMEDIATELY running FAIL   OK            0   0s  compose      │
│  h4   api     UP   v1.4.1 OK                   running OK     OK            0   0s  compose      │
│  h5   api     UP   v1.4.1 ROLLBACK IMMEDIATELY running OK     OK            0   0s  compose      │
│  h6   api     UP   v1.4.1 OK                   running OK     OK            0   0s  compose      │
│h3: healthz FAIL (HTTP 500), readyz OK (HTTP 200)                                                 │
└──────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────┐
│h3  ROLLBACK IMMEDIATELY                                  ││ no runbook loaded                    │
│  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 1…││ open one with -r FILE                │
│  errors 8%      ▁█ 0–5%                                  ││                                      │
│  p95    1500 ms ▂▆ 0–2000 ms                             ││                                      │
│  restarts in 5m: unknown                                 ││                                      │
│  rollback >5% >2000ms 3 restarts/5m; consider >2% >1000m…││                                      │
│h5             ROLLBACK IMMEDIATELY  error rate 8% (8 of …││                                      │
└─ ▼ 4 more rows (z shows them) ───────────────────────────┘└──────────────────────────────────────┘
┌─ LOGS ───────────────────────────────────────────────────┐┌─ TIMELINE ───────────────────────────┐
│ no log stream open                                       ││ no incident journal open             │
│                                                          ││ (none in screen tests)               │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
└──────────────────────────────────────────────────────────┘└──────────────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Enter logs  o order  Tab pane  ? help  q quit
EOF
