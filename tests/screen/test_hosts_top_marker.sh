#!/bin/sh
# test_hosts_top_marker.sh — 24 hosts at 80x24 and 120x35, h1, h16, h20,
# h21 and h23 at ROLLBACK IMMEDIATELY, h17 at CONSIDER ROLLBACK with its
# /healthz failing. At the end of the table (G), the title's tally left
# ▲ its shortest form ("▲24 h1"), naming no state and no count: ▲ now
# shares the top border with the tally as ▼ does the bottom, shortening
# words before dropping them. METRICS' marker counts the hidden hosts
# at the verdict it names ("h16 +3 ROLLBACK").
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_scale_config 24 8
steps "$(scale_steps 24 8)
:metrics h1 error=0.08 p95=1500 restarts=0 requests=100
:metrics h16 error=0.08 p95=1500 restarts=0 requests=100
:metrics h20 error=0.08 p95=1500 restarts=0 requests=100
:metrics h21 error=0.08 p95=1500 restarts=0 requests=100
:metrics h23 error=0.08 p95=1500 restarts=0 requests=100
:metrics h17 error=0.03 p95=180 restarts=0 requests=100
:state h17 api healthz=fail
:resize 80x24
G
:save-screen narrow-end
o
o
:save-screen narrow-verdict-end
:resize 120x35
o
G
:save-screen wide-end
"
run_console -c "$tmp/warroom.conf"

assert_screen narrow-end <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 5 ROLLBACK, 1 CONSIDER, 1 failing health ──── ▲ 24: h1 +1 ROLLBACK ─┐
│  HOST SERVICE CONN TAG    VERDICT              STATE   HEALTH READY RST AGE  │
│  h17  api     UP   v1.4.1 CONSIDER ROLLBACK    running FAIL   OK    0   0s   │
│  h18  api     UP   v1.4.1 OK                   running OK     OK    0   0s   │
│  h19  api     UP   v1.4.1 OK                   running OK     OK    0   0s   │
│  h20  api     UP   v1.4.1 ROLLBACK IMMEDIATELY running OK     OK    0   0s   │
│  h21  api     UP   v1.4.1 ROLLBACK IMMEDIATELY running OK     OK    0   0s   │
│  h22  api     UP   v1.4.1 OK                   running OK     OK    0   0s   │
│  h23  api     UP   v1.4.1 ROLLBACK IMMEDIATELY running OK     OK    0   0s   │
│> h24  api     UP   v1.4.1 OK                   running OK     OK    0   0s   │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h24  OK                                       ││ no runbook loaded            │
│  below thresholds: error rate 0.1%, p95 180 …││ open one with -r FILE        │
│  errors 0.1%    ▁ 0–5%                       ││                              │
└─ ▼ 26 more rows (z), worst h1 +4 ROLLBACK ───┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Tab pane  ? help  q quit
EOF

assert_screen narrow-verdict-end <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 5 ROLLBACK, 1 CONSIDER, 1 failing, by verdict ─ ▲24 h1 +4 ROLLBACK ─┐
│  HOST SERVICE CONN TAG    VERDICT              STATE   HEALTH READY RST AGE  │
│  h12  api     UP   v1.4.1 OK                   running OK     OK    0   0s   │
│  h13  api     UP   v1.4.1 OK                   running OK     OK    0   0s   │
│  h14  api     UP   v1.4.1 OK                   running OK     OK    0   0s   │
│  h15  api     UP   v1.4.1 OK                   running OK     OK    0   0s   │
│  h18  api     UP   v1.4.1 OK                   running OK     OK    0   0s   │
│  h19  api     UP   v1.4.1 OK                   running OK     OK    0   0s   │
│  h22  api     UP   v1.4.1 OK                   running OK     OK    0   0s   │
│> h24  api     UP   v1.4.1 OK                   running OK     OK    0   0s   │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h24  OK                                       ││ no runbook loaded            │
│  below thresholds: error rate 0.1%, p95 180 …││ open one with -r FILE        │
│  errors 0.1%    ▁ 0–5%                       ││                              │
└─ ▼ 26 more rows (z), worst h1 +4 ROLLBACK ───┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 HOSTS by verdict, worst first; selection kept, g goes to the worst
EOF

assert_screen wide-end <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                       2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 5 ROLLBACK, 1 CONSIDER, 1 failing health ─ ▲22 h1 ROLLBACK ─┐┌─ RUNBOOK ────────────────────────────────────┐
│  HOST SERVICE CONN TAG    VERDICT              STATE   HEALTH READY  ││ no runbook loaded                            │
│  h15  api     UP   v1.4.1 OK                   running OK     OK     ││ open one with -r FILE                        │
│  h16  api     UP   v1.4.1 ROLLBACK IMMEDIATELY running OK     OK     ││                                              │
│  h17  api     UP   v1.4.1 CONSIDER ROLLBACK    running FAIL   OK     ││                                              │
│  h18  api     UP   v1.4.1 OK                   running OK     OK     ││                                              │
│  h19  api     UP   v1.4.1 OK                   running OK     OK     ││                                              │
│  h20  api     UP   v1.4.1 ROLLBACK IMMEDIATELY running OK     OK     ││                                              │
│  h21  api     UP   v1.4.1 ROLLBACK IMMEDIATELY running OK     OK     ││                                              │
│  h22  api     UP   v1.4.1 OK                   running OK     OK     ││                                              │
│  h23  api     UP   v1.4.1 ROLLBACK IMMEDIATELY running OK     OK     ││                                              │
│> h24  api     UP   v1.4.1 OK                   running OK     OK     ││                                              │
└──────────────────────────────────────────────────────────────────────┘│                                              │
┌─ METRICS ────────────────────────────────────────────────────────────┐│                                              │
│h24  OK                                                               ││                                              │
│  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m     ││                                              │
│  errors 0.1%    ▁ 0–5%                                               ││                                              │
│  p95    180 ms  ▂ 0–2000 ms                                          ││                                              │
│h1             ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests…│└──────────────────────────────────────────────┘
│h16            ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests…│┌─ TIMELINE ───────────────────────────────────┐
└─ ▼ 23 more rows (z), worst h20 and 2 more ROLLBACK IMMEDIATELY ──────┘│ no incident journal open                     │
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
