#!/bin/sh
# test_hosts_offscreen_count.sh — at scale (24 hosts, 32 rows): h1, h4
# and h19 at ROLLBACK IMMEDIATELY, h5 and h11 DOWN. h19 below the fold
# went unsaid because h1, as bad, was in sight: ▼ now names the worst
# verdict out of sight whatever is in it. F h2 hides all three: the
# filter's marker counts them as it counts the hosts DOWN ("h1 and 2
# more ROLLBACK IMMEDIATELY"). By health, hosts DOWN lead ▲ with no
# "worst" before them. At 160x45 and 80x24.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_scale_config 24 8
steps "$(scale_steps 24 8)
:state h1 api tag=v1.8.0-bad
:state h4 api tag=v1.8.0-bad
:state h19 api tag=v1.8.0-bad
:metrics h1 error=0.08 p95=1500 restarts=0 requests=100
:metrics h4 error=0.08 p95=1500 restarts=0 requests=100
:metrics h19 error=0.08 p95=1500 restarts=0 requests=100
:state h5 api conn=down
:state h11 api conn=down
:resize 160x45
:save-screen wide
:resize 80x24
:save-screen narrow
Fh2<Enter>
:save-screen narrow-filtered
:resize 160x45
:save-screen wide-filtered
F<C-u><Enter>
o
<End>
:save-screen wide-health-end
"
run_console -c "$tmp/warroom.conf"

assert_screen wide <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                                                               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 3 ROLLBACK IMMEDIATELY, 2 DOWN of 24 hosts ─────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────────────────────┐
│  HOST SERVICE CONN    TAG        VERDICT              STATE   HEALTH READY VERSION RST AGE   ││ no runbook loaded                                            │
│> h1   api     UP      v1.8.0-bad ROLLBACK IMMEDIATELY running OK     OK            0   0s    ││ open one with -r FILE                                        │
│  h1   jobs    UP      v1.4.1     ROLLBACK IMMEDIATELY running -      -     -       0   0s    ││                                                              │
│  h2   api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h2   jobs    UP      v1.4.1     OK                   running -      -     -       0   0s    ││                                                              │
│  h3   api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h3   jobs    UP      v1.4.1     OK                   running -      -     -       0   0s    ││                                                              │
│  h4   api     UP      v1.8.0-bad ROLLBACK IMMEDIATELY running OK     OK            0   0s    ││                                                              │
│  h4   jobs    UP      v1.4.1     ROLLBACK IMMEDIATELY running -      -     -       0   0s    ││                                                              │
│  h5   api     DOWN 0s v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h5   jobs    DOWN 0s v1.4.1     OK                   running -      -     -       0   0s    ││                                                              │
│  h6   api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h6   jobs    UP      v1.4.1     OK                   running -      -     -       0   0s    ││                                                              │
│  h7   api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h7   jobs    UP      v1.4.1     OK                   running -      -     -       0   0s    ││                                                              │
└─ ▼ 18 more rows, worst h19 ROLLBACK IMMEDIATELY; h11 DOWN ───────────────────────────────────┘│                                                              │
┌─ METRICS ────────────────────────────────────────────────────────────────────────────────────┐│                                                              │
│h1  ROLLBACK IMMEDIATELY                                                                      ││                                                              │
│  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 1000 ms (consider)                    ││                                                              │
│  errors 8%      ▁█ 0–5%                                                                      ││                                                              │
│  p95    1500 ms ▂▆ 0–2000 ms                                                                 ││                                                              │
│  restarts in 5m: unknown                                                                     ││                                                              │
│  rollback >5% >2000ms 3 restarts/5m; consider >2% >1000ms; monitor >1% >500ms; calm 10% under││                                                              │
│h4             ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…│└──────────────────────────────────────────────────────────────┘
│h19            ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…│┌─ TIMELINE ───────────────────────────────────────────────────┐
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

assert_screen narrow <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 3 ROLLBACK IMMEDIATELY, 2 DOWN of 24 hosts ─────────────────────────┐
│  HOST SERVICE CONN    TAG        VERDICT              HEALTH READY RST AGE   │
│> h1   api     UP      v1.8.0-bad ROLLBACK IMMEDIATELY OK     OK    0   0s    │
│  h1   jobs    UP      v1.4.1     ROLLBACK IMMEDIATELY -      -     0   0s    │
│  h2   api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h2   jobs    UP      v1.4.1     OK                   -      -     0   0s    │
│  h3   api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h3   jobs    UP      v1.4.1     OK                   -      -     0   0s    │
│  h4   api     UP      v1.8.0-bad ROLLBACK IMMEDIATELY OK     OK    0   0s    │
│  h4   jobs    UP      v1.4.1     ROLLBACK IMMEDIATELY -      -     0   0s    │
└─ ▼ 24 more rows, worst h19 ROLLBACK IMMEDIATELY; h5 and 1 more DOWN ─────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h1  ROLLBACK IMMEDIATELY                      ││ no runbook loaded            │
│  error rate 8% (8 of 100 requests) > 5%; p95…││ open one with -r FILE        │
│  errors 8%      ▁█ 0–5%                      ││                              │
└─ ▼ 26 more rows (z), worst h4 +1 ROLLBACK ───┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Tab pane  ? help  q quit
EOF

assert_screen narrow-filtered <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 3 ROLLBACK IMMEDIATELY, 2 DOWN of 24 hosts, having "h2" ────────────┐
│  HOST SERVICE CONN    TAG        VERDICT              HEALTH READY RST AGE   │
│> h2   api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h2   jobs    UP      v1.4.1     OK                   -      -     0   0s    │
│  h20  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h21  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h22  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h23  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h24  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
└──────────── filter hides 25: h1 and 2 more ROLLBACK IMMEDIATELY, h5 +1 DOWN ─┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h2  OK                                        ││ no runbook loaded            │
│  below thresholds: error rate 0.1%, p95 180 …││ open one with -r FILE        │
│  errors 0.1%    ▁ 0–5%                       ││                              │
│  p95    180 ms  ▂ 0–2000 ms                  ││                              │
└─ ▼ 25 more rows (z), worst h1 +2 ROLLBACK ───┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 HOSTS: 7 of 32 rows have "h2"
EOF

assert_screen wide-filtered <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                                                               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 3 ROLLBACK IMMEDIATELY, 2 DOWN of 24 hosts, having "h2" ────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────────────────────┐
│  HOST SERVICE CONN    TAG        VERDICT              STATE   HEALTH READY VERSION RST AGE   ││ no runbook loaded                                            │
│> h2   api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││ open one with -r FILE                                        │
│  h2   jobs    UP      v1.4.1     OK                   running -      -     -       0   0s    ││                                                              │
│  h20  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h21  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h22  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h23  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h24  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
└─────────────── filter hides 25 rows: h1 and 2 more ROLLBACK IMMEDIATELY; h5 and 1 more DOWN ─┘│                                                              │
┌─ METRICS ────────────────────────────────────────────────────────────────────────────────────┐│                                                              │
│h2  OK                                                                                        ││                                                              │
│  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m                             ││                                                              │
│  errors 0.1%    ▁ 0–5%                                                                       ││                                                              │
│  p95    180 ms  ▂ 0–2000 ms                                                                  ││                                                              │
│  restarts in 5m: unknown                                                                     ││                                                              │
│  rollback >5% >2000ms 3 restarts/5m; consider >2% >1000ms; monitor >1% >500ms; calm 10% under││                                                              │
│h1             ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…││                                                              │
│h4             ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…││                                                              │
│h19            ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…││                                                              │
│h3             OK  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m            ││                                                              │
│h5             OK  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m            ││                                                              │
└─ ▼ 18 more rows (z shows them) ──────────────────────────────────────────────────────────────┘│                                                              │
┌─ LOGS ───────────────────────────────────────────────────────────────────────────────────────┐│                                                              │
│ no log stream open                                                                           │└──────────────────────────────────────────────────────────────┘
│                                                                                              │┌─ TIMELINE ───────────────────────────────────────────────────┐
│                                                                                              ││ no incident journal open                                     │
│                                                                                              ││ (none in screen tests)                                       │
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
│                                                                                              ││                                                              │
└──────────────────────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────┘
 HOSTS: 7 of 32 rows have "h2"
EOF

assert_screen wide-health-end <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                                                               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 3 ROLLBACK IMMEDIATELY, 2 DOWN of 24 hosts, by health ─────────── ▲ 18: h5 +1 DOWN ─┐┌─ RUNBOOK ────────────────────────────────────────────────────┐
│  HOST SERVICE CONN    TAG        VERDICT              STATE   HEALTH READY VERSION RST AGE   ││ no runbook loaded                                            │
│  h9   api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││ open one with -r FILE                                        │
│  h10  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h12  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h13  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h14  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h15  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h16  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h17  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h18  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h20  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h21  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h22  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h23  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│> h24  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
└──────────────────────────────────────────────────────────────────────────────────────────────┘│                                                              │
┌─ METRICS ────────────────────────────────────────────────────────────────────────────────────┐│                                                              │
│h24  OK                                                                                       ││                                                              │
│  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m                             ││                                                              │
│  errors 0.1%    ▁ 0–5%                                                                       ││                                                              │
│  p95    180 ms  ▂ 0–2000 ms                                                                  ││                                                              │
│  restarts in 5m: unknown                                                                     ││                                                              │
│h1             ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…││                                                              │
│h4             ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…│└──────────────────────────────────────────────────────────────┘
│h19            ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…│┌─ TIMELINE ───────────────────────────────────────────────────┐
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
