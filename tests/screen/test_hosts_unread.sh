#!/bin/sh
# test_hosts_unread.sh — a host whose poll fails (h6: garbage JSON) or
# whose /healthz gives no answer (h9) is a host we cannot see: it was in
# no count, so the title read "5 ROLLBACK IMMEDIATELY, 1 CONSIDER
# ROLLBACK of 24 hosts" and ▲ named h1 alone while h6 was above it. Both
# now count as "not read", in the title and in the markers (by health
# after a host to roll back, as the rows are ordered).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_scale_config 24 0
steps "$(scale_steps 24 0)
:metrics h1 error=0.08 p95=1500 restarts=0 requests=100
:state h6 api error=bad-json
:state h9 api healthz=unknown
:resize 120x35
:save-screen wide
G
:save-screen wide-end
o
G
:save-screen wide-health-end
"
run_console -c "$tmp/warroom.conf"

assert_screen wide <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                       2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 ROLLBACK IMMEDIATELY, 2 not read of 24 hosts ─────────────┐┌─ RUNBOOK ────────────────────────────────────┐
│  HOST SERVICE CONN TAG    VERDICT              HEALTH  READY AGE     ││ no runbook loaded                            │
│> h1   api     UP   v1.4.1 ROLLBACK IMMEDIATELY OK      OK    0s      ││ open one with -r FILE                        │
│  h2   api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
│  h3   api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
│  h4   api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
│  h5   api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
│  h6   api     UP   v1.4.1 OK                   OK      OK    0s ERR  ││                                              │
│  h7   api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
│  h8   api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
│  h9   api     UP   v1.4.1 OK                   UNKNOWN OK    0s      ││                                              │
│  h10  api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
└─ ▼ 14 more rows ─────────────────────────────────────────────────────┘│                                              │
┌─ METRICS ────────────────────────────────────────────────────────────┐│                                              │
│h1  ROLLBACK IMMEDIATELY                                              ││                                              │
│  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 1000 ms (cons…││                                              │
│  errors 8%      ▁█ 0–5%                                              ││                                              │
│  p95    1500 ms ▂▆ 0–2000 ms                                         ││                                              │
│  restarts in 5m: unknown                                             │└──────────────────────────────────────────────┘
│  rollback >5% >2000ms 3 restarts/5m; consider >2% >1000ms; monitor >…│┌─ TIMELINE ───────────────────────────────────┐
└─ ▼ 23 more rows (z shows them) ──────────────────────────────────────┘│ no incident journal open                     │
┌─ LOGS ───────────────────────────────────────────────────────────────┐│ (none in screen tests)                       │
│ no log stream open                                                   ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
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

assert_screen wide-end <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                       2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 ROLLBACK, 2 not read of 24 hosts ───── ▲ 14: h1 ROLLBACK ─┐┌─ RUNBOOK ────────────────────────────────────┐
│  HOST SERVICE CONN TAG    VERDICT              HEALTH  READY AGE     ││ no runbook loaded                            │
│  h15  api     UP   v1.4.1 OK                   OK      OK    0s      ││ open one with -r FILE                        │
│  h16  api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
│  h17  api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
│  h18  api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
│  h19  api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
│  h20  api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
│  h21  api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
│  h22  api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
│  h23  api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
│> h24  api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
└──────────────────────────────────────────────────────────────────────┘│                                              │
┌─ METRICS ────────────────────────────────────────────────────────────┐│                                              │
│h24  OK                                                               ││                                              │
│  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m     ││                                              │
│  errors 0.1%    ▁ 0–5%                                               ││                                              │
│  p95    180 ms  ▂ 0–2000 ms                                          ││                                              │
│  restarts in 5m: unknown                                             │└──────────────────────────────────────────────┘
│h1             ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests…│┌─ TIMELINE ───────────────────────────────────┐
└─ ▼ 23 more rows (z shows them) ──────────────────────────────────────┘│ no incident journal open                     │
┌─ LOGS ───────────────────────────────────────────────────────────────┐│ (none in screen tests)                       │
│ no log stream open                                                   ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
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

assert_screen wide-health-end <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                       2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 ROLLBACK, 2 not read, by health ────── ▲ 14: h1 ROLLBACK ─┐┌─ RUNBOOK ────────────────────────────────────┐
│  HOST SERVICE CONN TAG    VERDICT              HEALTH  READY AGE     ││ no runbook loaded                            │
│  h15  api     UP   v1.4.1 OK                   OK      OK    0s      ││ open one with -r FILE                        │
│  h16  api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
│  h17  api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
│  h18  api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
│  h19  api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
│  h20  api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
│  h21  api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
│  h22  api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
│  h23  api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
│> h24  api     UP   v1.4.1 OK                   OK      OK    0s      ││                                              │
└──────────────────────────────────────────────────────────────────────┘│                                              │
┌─ METRICS ────────────────────────────────────────────────────────────┐│                                              │
│h24  OK                                                               ││                                              │
│  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m     ││                                              │
│  errors 0.1%    ▁ 0–5%                                               ││                                              │
│  p95    180 ms  ▂ 0–2000 ms                                          ││                                              │
│  restarts in 5m: unknown                                             │└──────────────────────────────────────────────┘
│h1             ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests…│┌─ TIMELINE ───────────────────────────────────┐
└─ ▼ 23 more rows (z shows them) ──────────────────────────────────────┘│ no incident journal open                     │
┌─ LOGS ───────────────────────────────────────────────────────────────┐│ (none in screen tests)                       │
│ no log stream open                                                   ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
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
