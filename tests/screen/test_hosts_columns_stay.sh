#!/bin/sh
# test_hosts_columns_stay.sh — at 100x30 the HOSTS columns came and went
# as h1's verdict gained and lost "(held)" and h2's READY its "ahead!":
# STATE, RST or AGE left out in turn, a reader's place lost each time.
# The columns chosen now stay while they fit, the wider cell read in
# fewer words instead (ROLLBACK* while held). h2's /version differs from
# its tag, so VERSION keeps its place before AGE.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_scale_config 4 0
steps "$(scale_steps 4 0)
:resize 100x30
:state h1 api tag=v1.5.0-bad1 version=v1.5.0-bad1 restarts=2
:state h2 api tag=v1.4.1 version=v1.4.0
:metrics h1 error=0.08 p95=1500 restarts=0 requests=100
:state h2 api readyz=ahead
:sleep 2
:save-screen first
:metrics h1 error=0 p95=179 restarts=0 requests=100
:state h2 api readyz=ok
:sleep 2
:save-screen held
:metrics h1 error=0.08 p95=1500 restarts=0 requests=100
:state h2 api readyz=ahead
:sleep 2
:save-screen again
"
run_console -c "$tmp/warroom.conf"

assert_screen first <<'EOF'
 warroom │ no incident named │ T+00:00:02   SCHEMA AHEAD: h2                2026-01-01 00:00:02 UTC
┌─ ▶ HOSTS 1 ROLLBACK IMMEDIATELY, 1 schema ahead of 4 hosts ──────────────────────────────────────┐
│  HOST SERVICE CONN TAG         VERDICT              STATE   HEALTH READY      VERSION     RST AGE│
│> h1   api     UP   v1.5.0-bad1 ROLLBACK IMMEDIATELY running OK     OK         v1.5.0-bad1 2+  2s │
│  h2   api     UP   v1.4.1      OK                   running OK     200 ahead! != v1.4.0   0   2s │
│  h3   api     UP   v1.4.1      OK                   running OK     OK                     0   2s │
│  h4   api     UP   v1.4.1      OK                   running OK     OK                     0   2s │
└──────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────┐
│h1  ROLLBACK IMMEDIATELY                                  ││ no runbook loaded                    │
│  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 1…││ open one with -r FILE                │
│  errors 8%      ▁█ 0–5%                                  ││                                      │
│  p95    1500 ms ▂▆ 0–2000 ms                             ││                                      │
│  restarts in 5m: unknown                                 ││                                      │
│  rollback >5% >2000ms 3 restarts/5m; consider >2% >1000m…││                                      │
│h2             OK  below thresholds: error rate 0.1%, p95…││                                      │
│h3             OK  below thresholds: error rate 0.1%, p95…││                                      │
└─ ▼ 1 more row (z shows them) ────────────────────────────┘└──────────────────────────────────────┘
┌─ LOGS ───────────────────────────────────────────────────┐┌─ TIMELINE ───────────────────────────┐
│ no log stream open                                       ││ no incident journal open             │
│                                                          ││ (none in screen tests)               │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
└──────────────────────────────────────────────────────────┘└──────────────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Enter logs  o order  Tab pane  ? help  q quit
EOF

assert_screen held <<'EOF'
 warroom │ no incident named │ T+00:00:04                                   2026-01-01 00:00:04 UTC
┌─ ▶ HOSTS 1 ROLLBACK IMMEDIATELY of 4 hosts ──────────────────────────────────────────────────────┐
│  HOST SERVICE CONN TAG         VERDICT   STATE   HEALTH READY VERSION     RST AGE                │
│> h1   api     UP   v1.5.0-bad1 ROLLBACK* running OK     OK    v1.5.0-bad1 2+  4s                 │
│  h2   api     UP   v1.4.1      OK        running OK     OK    != v1.4.0   0   4s                 │
│  h3   api     UP   v1.4.1      OK        running OK     OK                0   4s                 │
│  h4   api     UP   v1.4.1      OK        running OK     OK                0   4s                 │
└──────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────┐
│h1  ROLLBACK IMMEDIATELY (held: 1/2 calm checks)          ││ no runbook loaded                    │
│  held, 1/2 calm checks: below thresholds: error rate 0%,…││ open one with -r FILE                │
│  errors 0%      ▁█▁ 0–5%                                 ││                                      │
│  p95    179 ms  ▂▆▂ 0–2000 ms                            ││                                      │
│  restarts in 5m: unknown                                 ││                                      │
│  rollback >5% >2000ms 3 restarts/5m; consider >2% >1000m…││                                      │
│h2             OK  below thresholds: error rate 0.1%, p95…││                                      │
│h3             OK  below thresholds: error rate 0.1%, p95…││                                      │
└─ ▼ 1 more row (z shows them) ────────────────────────────┘└──────────────────────────────────────┘
┌─ LOGS ───────────────────────────────────────────────────┐┌─ TIMELINE ───────────────────────────┐
│ no log stream open                                       ││ no incident journal open             │
│                                                          ││ (none in screen tests)               │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
└──────────────────────────────────────────────────────────┘└──────────────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Enter logs  o order  Tab pane  ? help  q quit
EOF

assert_screen again <<'EOF'
 warroom │ no incident named │ T+00:00:06   SCHEMA AHEAD: h2                2026-01-01 00:00:06 UTC
┌─ ▶ HOSTS 1 ROLLBACK IMMEDIATELY, 1 schema ahead of 4 hosts ──────────────────────────────────────┐
│  HOST SERVICE CONN TAG         VERDICT              STATE   HEALTH READY      VERSION     RST AGE│
│> h1   api     UP   v1.5.0-bad1 ROLLBACK IMMEDIATELY running OK     OK         v1.5.0-bad1 2+  6s │
│  h2   api     UP   v1.4.1      OK                   running OK     200 ahead! != v1.4.0   0   6s │
│  h3   api     UP   v1.4.1      OK                   running OK     OK                     0   6s │
│  h4   api     UP   v1.4.1      OK                   running OK     OK                     0   6s │
└──────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────┐
│h1  ROLLBACK IMMEDIATELY                                  ││ no runbook loaded                    │
│  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 1…││ open one with -r FILE                │
│  errors 8%      ▁█▁█ 0–5%                                ││                                      │
│  p95    1500 ms ▂▆▂▆ 0–2000 ms                           ││                                      │
│  restarts in 5m: unknown                                 ││                                      │
│  rollback >5% >2000ms 3 restarts/5m; consider >2% >1000m…││                                      │
│h2             OK  below thresholds: error rate 0.1%, p95…││                                      │
│h3             OK  below thresholds: error rate 0.1%, p95…││                                      │
└─ ▼ 1 more row (z shows them) ────────────────────────────┘└──────────────────────────────────────┘
┌─ LOGS ───────────────────────────────────────────────────┐┌─ TIMELINE ───────────────────────────┐
│ no log stream open                                       ││ no incident journal open             │
│                                                          ││ (none in screen tests)               │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
└──────────────────────────────────────────────────────────┘└──────────────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Enter logs  o order  Tab pane  ? help  q quit
EOF
