#!/bin/sh
# test_hosts_health_order.sh — at scale: o by health put h14 (its
# /healthz hung: UNKNOWN) and h18 (6 restarts) below rows that only warn
# "200 ahead!", then put h14 above h17 at ROLLBACK IMMEDIATELY and split
# a host's rows. By health the order is DOWN, ROLLBACK IMMEDIATELY,
# failing health (h9, counted in the title), then UNKNOWN health, then
# restarts, then warnings, then OK, a host's rows together (h5 jobs
# beside h5 api); at 160 and 80 columns, where the rows' HEALTH, RST and
# READY left out mark them !. F finds a row by its tag.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_scale_config 24 8
steps "$(scale_steps 24 8)
:state h17 api tag=v1.5.0-bad
:metrics h17 error=0.08 p95=1500 restarts=0 requests=100
:state h11 api conn=down
:state h23 api conn=down
:state h14 api healthz=unknown readyz=unknown
:state h18 api restarts=6
:state h5 api readyz=ahead
:state h9 api healthz=fail readyz=fail
:resize 160x45
o<Home>
:save-screen wide-health
:resize 80x24
:save-screen narrow-health
F1.5.0-BAD<Enter>
:save-screen tag-filter
"
run_console -c "$tmp/warroom.conf"

assert_screen wide-health <<'EOF'
 warroom │ no incident named │ T+00:00:00   SCHEMA AHEAD: h5                                                                            2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 ROLLBACK, 1 schema ahead, 2 DOWN, 1 failing health, 1 not read, by health ────────┐┌─ RUNBOOK ────────────────────────────────────────────────────┐
│  HOST SERVICE CONN    TAG        VERDICT              STATE   HEALTH  READY      RST AGE     ││ no runbook loaded                                            │
│> h11  api     DOWN 0s v1.4.1     OK                   running OK      OK         0   0s      ││ open one with -r FILE                                        │
│  h23  api     DOWN 0s v1.4.1     OK                   running OK      OK         0   0s      ││                                                              │
│  h17  api     UP      v1.5.0-bad ROLLBACK IMMEDIATELY running OK      OK         0   0s      ││                                                              │
│  h9   api     UP      v1.4.1     OK                   running FAIL    FAIL       0   0s      ││                                                              │
│  h14  api     UP      v1.4.1     OK                   running UNKNOWN UNKNOWN    0   0s      ││                                                              │
│  h18  api     UP      v1.4.1     OK                   running OK      OK         6+  0s      ││                                                              │
│  h5   api     UP      v1.4.1     OK                   running OK      200 ahead! 0   0s      ││                                                              │
│  h5   jobs    UP      v1.4.1     OK                   running -       -          0   0s      ││                                                              │
│  h1   api     UP      v1.4.1     OK                   running OK      OK         0   0s      ││                                                              │
│  h1   jobs    UP      v1.4.1     OK                   running -       -          0   0s      ││                                                              │
│  h2   api     UP      v1.4.1     OK                   running OK      OK         0   0s      ││                                                              │
│  h2   jobs    UP      v1.4.1     OK                   running -       -          0   0s      ││                                                              │
│  h3   api     UP      v1.4.1     OK                   running OK      OK         0   0s      ││                                                              │
│  h3   jobs    UP      v1.4.1     OK                   running -       -          0   0s      ││                                                              │
└─ ▼ 18 more rows ─────────────────────────────────────────────────────────────────────────────┘│                                                              │
┌─ METRICS ────────────────────────────────────────────────────────────────────────────────────┐│                                                              │
│h11  OK                                                                                       ││                                                              │
│  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m                             ││                                                              │
│  errors 0.1%    ▁ 0–5%                                                                       ││                                                              │
│  p95    180 ms  ▂ 0–2000 ms                                                                  ││                                                              │
│  restarts in 5m: unknown                                                                     ││                                                              │
│  rollback >5% >2000ms 3 restarts/5m; consider >2% >1000ms; monitor >1% >500ms; calm 10% under││                                                              │
│h17            ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…│└──────────────────────────────────────────────────────────────┘
│h1             OK  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m            │┌─ TIMELINE ───────────────────────────────────────────────────┐
└─ ▼ 21 more rows (z shows them) ──────────────────────────────────────────────────────────────┘│ no incident journal open                                     │
┌─ LOGS ───────────────────────────────────────────────────────────────────────────────────────┐│ (none in screen tests)                                       │
│ no log stream open                                                                           ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
└──────────────────────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Enter logs  o order  F filter  C-r poll now  z zoom  Tab pane  ? help  q quit
EOF

assert_screen narrow-health <<'EOF'
 warroom │ no incident named │ T+00:00:00   SCHEMA AHEAD: h5       00:00:00 UTC
┌─ ▶ HOSTS 1 ROLLBACK, 1 ahead!, 2 DOWN, 1 failing, 1 unread, by health ───────┐
│  HOST SERVICE CONN    TAG        VERDICT              HEALTH  READY   RST AGE│
│> h11  api     DOWN 0s v1.4.1     OK                   OK      OK      0   0s │
│  h23  api     DOWN 0s v1.4.1     OK                   OK      OK      0   0s │
│  h17  api     UP      v1.5.0-bad ROLLBACK IMMEDIATELY OK      OK      0   0s │
│  h9   api     UP      v1.4.1     OK                   FAIL    FAIL    0   0s │
│  h14  api     UP      v1.4.1     OK                   UNKNOWN UNKNOWN 0   0s │
│  h18  api     UP      v1.4.1     OK                   OK      OK      6+  0s │
│  h5   api     UP      v1.4.1     OK                   OK      ahead!  0   0s │
│  h5   jobs    UP      v1.4.1     OK                   -       -       0   0s │
└─ ▼ 24 more rows ─────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h11  OK                                       ││ no runbook loaded            │
│  below thresholds: error rate 0.1%, p95 180 …││ open one with -r FILE        │
│  errors 0.1%    ▁ 0–5%                       ││                              │
└─ ▼ 26 more rows (z), worst h17 ROLLBACK ─────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Tab pane  ? help  q quit
EOF

assert_screen tag-filter <<'EOF'
 warroom │ no incident named │ T+00:00:00   SCHEMA AHEAD: h5       00:00:00 UTC
┌─ ▶ HOSTS 1 ROLLBACK, 1 ahead!, 2 DOWN, 1 failing, 1 unread ──────────────────┐
│  HOST SERVICE CONN    TAG        VERDICT              HEALTH  READY   RST AGE│
│> h17  api     UP      v1.5.0-bad ROLLBACK IMMEDIATELY OK      OK      0   0s │
└───────────────── filter hides 31 rows: h11 and 1 more DOWN; h5 schema ahead ─┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h17  ROLLBACK IMMEDIATELY                     ││ no runbook loaded            │
│  error rate 8% (8 of 100 requests) > 5%; p95…││ open one with -r FILE        │
│  errors 8%      ▁█ 0–5%                      ││                              │
│  p95    1500 ms ▂▆ 0–2000 ms                 ││                              │
│  restarts in 5m: unknown                     ││                              │
│  rollback >5% >2000ms 3 restarts/5m; conside…││                              │
│h1             OK  below thresholds: error ra…││                              │
└─ ▼ 22 more rows (z shows them) ──────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 HOSTS: 1 of 32 rows have "1.5.0-BAD"
EOF
