#!/bin/sh
# test_hosts_tally.sh — at scale (24 hosts, 32 rows): scrolling HOSTS,
# nothing said how many hosts were bad or DOWN. The title counts them
# over the whole fleet, whatever is scrolled or filtered away: h2, h17
# and h20 at ROLLBACK IMMEDIATELY (h2's two rows, one host), h6 at
# CONSIDER ROLLBACK, h9 at MONITOR, h12 and h20 DOWN (h20 in both). At
# 160x45 whole, then by verdict with level names short; filtered, still
# "of 24 hosts"; at 80x24 whole words dropped (MONITOR's count before
# the worst verdict and DOWN), a cell left for ▲ at the end; zoomed.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_scale_config 24 8
steps "$(scale_steps 24 8)
:state h2 api tag=v1.8.0-bad
:metrics h2 error=0.08 p95=1500 restarts=0 requests=100
:metrics h17 error=0.08 p95=1500 restarts=0 requests=100
:metrics h20 error=0.08 p95=1500 restarts=0 requests=100
:metrics h6 error=0.03 p95=300 restarts=0 requests=100
:metrics h9 error=0.015 p95=180 restarts=0 requests=100
:state h12 api conn=down
:state h20 api conn=down
:resize 160x45
:save-screen wide
oo
:save-screen wide-verdict
Fh2<Enter>
:save-screen wide-filtered
:resize 80x24
:save-screen narrow-filtered
F<C-u><Enter>
:save-screen narrow-verdict
<End>
:save-screen narrow-end
z
:save-screen zoomed
"
run_console -c "$tmp/warroom.conf"

assert_screen wide <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                                                               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 3 ROLLBACK IMMEDIATELY, 1 CONSIDER ROLLBACK, 1 MONITOR, 2 DOWN of 24 hosts ─────────┐┌─ RUNBOOK ────────────────────────────────────────────────────┐
│  HOST SERVICE CONN    TAG        VERDICT              STATE   HEALTH READY VERSION RST AGE   ││ no runbook loaded                                            │
│> h1   api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││ open one with -r FILE                                        │
│  h1   jobs    UP      v1.4.1     OK                   running -      -     -       0   0s    ││                                                              │
│  h2   api     UP      v1.8.0-bad ROLLBACK IMMEDIATELY running OK     OK            0   0s    ││                                                              │
│  h2   jobs    UP      v1.4.1     ROLLBACK IMMEDIATELY running -      -     -       0   0s    ││                                                              │
│  h3   api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h3   jobs    UP      v1.4.1     OK                   running -      -     -       0   0s    ││                                                              │
│  h4   api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h4   jobs    UP      v1.4.1     OK                   running -      -     -       0   0s    ││                                                              │
│  h5   api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h5   jobs    UP      v1.4.1     OK                   running -      -     -       0   0s    ││                                                              │
│  h6   api     UP      v1.4.1     CONSIDER ROLLBACK    running OK     OK            0   0s    ││                                                              │
│  h6   jobs    UP      v1.4.1     CONSIDER ROLLBACK    running -      -     -       0   0s    ││                                                              │
│  h7   api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h7   jobs    UP      v1.4.1     OK                   running -      -     -       0   0s    ││                                                              │
└─ ▼ 18 more rows, worst h17 and 1 more ROLLBACK IMMEDIATELY; h12 and 1 more DOWN ─────────────┘│                                                              │
┌─ METRICS ────────────────────────────────────────────────────────────────────────────────────┐│                                                              │
│h1  OK                                                                                        ││                                                              │
│  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m                             ││                                                              │
│  errors 0.1%    ▁ 0–5%                                                                       ││                                                              │
│  p95    180 ms  ▂ 0–2000 ms                                                                  ││                                                              │
│h2             ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…││                                                              │
│h17            ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…││                                                              │
│h20            ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…│└──────────────────────────────────────────────────────────────┘
│h6             CONSIDER ROLLBACK  error rate 3% (3 of 100 requests) > 2%                      │┌─ TIMELINE ───────────────────────────────────────────────────┐
└─ ▼ 21 more rows (z shows them), worst h9 MONITOR ────────────────────────────────────────────┘│ no incident journal open                                     │
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

assert_screen wide-verdict <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                                                               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 3 ROLLBACK, 1 CONSIDER, 1 MONITOR, 2 DOWN of 24 hosts, by verdict ──────────────────┐┌─ RUNBOOK ────────────────────────────────────────────────────┐
│  HOST SERVICE CONN    TAG        VERDICT              STATE   HEALTH READY VERSION RST AGE   ││ no runbook loaded                                            │
│  h20  api     DOWN 0s v1.4.1     ROLLBACK IMMEDIATELY running OK     OK            0   0s    ││ open one with -r FILE                                        │
│  h2   api     UP      v1.8.0-bad ROLLBACK IMMEDIATELY running OK     OK            0   0s    ││                                                              │
│  h2   jobs    UP      v1.4.1     ROLLBACK IMMEDIATELY running -      -     -       0   0s    ││                                                              │
│  h17  api     UP      v1.4.1     ROLLBACK IMMEDIATELY running OK     OK            0   0s    ││                                                              │
│  h6   api     UP      v1.4.1     CONSIDER ROLLBACK    running OK     OK            0   0s    ││                                                              │
│  h6   jobs    UP      v1.4.1     CONSIDER ROLLBACK    running -      -     -       0   0s    ││                                                              │
│  h9   api     UP      v1.4.1     MONITOR              running OK     OK            0   0s    ││                                                              │
│  h12  api     DOWN 0s v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│> h1   api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h1   jobs    UP      v1.4.1     OK                   running -      -     -       0   0s    ││                                                              │
│  h3   api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h3   jobs    UP      v1.4.1     OK                   running -      -     -       0   0s    ││                                                              │
│  h4   api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h4   jobs    UP      v1.4.1     OK                   running -      -     -       0   0s    ││                                                              │
└─ ▼ 18 more rows ─────────────────────────────────────────────────────────────────────────────┘│                                                              │
┌─ METRICS ────────────────────────────────────────────────────────────────────────────────────┐│                                                              │
│h1  OK                                                                                        ││                                                              │
│  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m                             ││                                                              │
│  errors 0.1%    ▁ 0–5%                                                                       ││                                                              │
│  p95    180 ms  ▂ 0–2000 ms                                                                  ││                                                              │
│h2             ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…││                                                              │
│h17            ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…││                                                              │
│h20            ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…│└──────────────────────────────────────────────────────────────┘
│h6             CONSIDER ROLLBACK  error rate 3% (3 of 100 requests) > 2%                      │┌─ TIMELINE ───────────────────────────────────────────────────┐
└─ ▼ 21 more rows (z shows them), worst h9 MONITOR ────────────────────────────────────────────┘│ no incident journal open                                     │
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
 HOSTS by verdict, worst first; selection kept, g goes to the worst
EOF

assert_screen wide-filtered <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                                                               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 3 ROLLBACK, 1 CONSIDER, 1 MONITOR, 2 DOWN of 24 hosts, by verdict, having "h2" ─────┐┌─ RUNBOOK ────────────────────────────────────────────────────┐
│  HOST SERVICE CONN    TAG        VERDICT              STATE   HEALTH READY VERSION RST AGE   ││ no runbook loaded                                            │
│> h20  api     DOWN 0s v1.4.1     ROLLBACK IMMEDIATELY running OK     OK            0   0s    ││ open one with -r FILE                                        │
│  h2   api     UP      v1.8.0-bad ROLLBACK IMMEDIATELY running OK     OK            0   0s    ││                                                              │
│  h2   jobs    UP      v1.4.1     ROLLBACK IMMEDIATELY running -      -     -       0   0s    ││                                                              │
│  h21  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h22  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h23  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h24  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
└─────────────────────────────────── filter hides 25 rows: h17 ROLLBACK IMMEDIATELY; h12 DOWN ─┘│                                                              │
┌─ METRICS ────────────────────────────────────────────────────────────────────────────────────┐│                                                              │
│h20  ROLLBACK IMMEDIATELY                                                                     ││                                                              │
│  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 1000 ms (consider)                    ││                                                              │
│  errors 8%      ▁█ 0–5%                                                                      ││                                                              │
│  p95    1500 ms ▂▆ 0–2000 ms                                                                 ││                                                              │
│  restarts in 5m: unknown                                                                     ││                                                              │
│  rollback >5% >2000ms 3 restarts/5m; consider >2% >1000ms; monitor >1% >500ms; calm 10% under││                                                              │
│h2             ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…││                                                              │
│h17            ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…││                                                              │
│h6             CONSIDER ROLLBACK  error rate 3% (3 of 100 requests) > 2%                      ││                                                              │
│h9             MONITOR  error rate 1.5% (1.5 of 100 requests) > 1%                            ││                                                              │
│h1             OK  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m            ││                                                              │
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

assert_screen narrow-filtered <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 3 ROLLBACK, 1 CONSIDER, 2 DOWN, by verdict, having "h2" ────────────┐
│  HOST SERVICE CONN    TAG        VERDICT              HEALTH READY RST AGE   │
│> h20  api     DOWN 0s v1.4.1     ROLLBACK IMMEDIATELY OK     OK    0   0s    │
│  h2   api     UP      v1.8.0-bad ROLLBACK IMMEDIATELY OK     OK    0   0s    │
│  h2   jobs    UP      v1.4.1     ROLLBACK IMMEDIATELY -      -     0   0s    │
│  h21  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h22  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h23  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h24  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
└─────────────────── filter hides 25 rows: h17 ROLLBACK IMMEDIATELY; h12 DOWN ─┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h20  ROLLBACK IMMEDIATELY                     ││ no runbook loaded            │
│  error rate 8% (8 of 100 requests) > 5%; p95…││ open one with -r FILE        │
│  errors 8%      ▁█ 0–5%                      ││                              │
│  p95    1500 ms ▂▆ 0–2000 ms                 ││                              │
└─ ▼ 25 more rows (z), worst h2 +1 ROLLBACK ───┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 HOSTS: 7 of 32 rows have "h2"
EOF

assert_screen narrow-verdict <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 3 ROLLBACK, 1 CONSIDER, 1 MONITOR, 2 DOWN of 24 hosts, by verdict ──┐
│  HOST SERVICE CONN    TAG        VERDICT              HEALTH READY RST AGE   │
│> h20  api     DOWN 0s v1.4.1     ROLLBACK IMMEDIATELY OK     OK    0   0s    │
│  h2   api     UP      v1.8.0-bad ROLLBACK IMMEDIATELY OK     OK    0   0s    │
│  h2   jobs    UP      v1.4.1     ROLLBACK IMMEDIATELY -      -     0   0s    │
│  h17  api     UP      v1.4.1     ROLLBACK IMMEDIATELY OK     OK    0   0s    │
│  h6   api     UP      v1.4.1     CONSIDER ROLLBACK    OK     OK    0   0s    │
│  h6   jobs    UP      v1.4.1     CONSIDER ROLLBACK    -      -     0   0s    │
│  h9   api     UP      v1.4.1     MONITOR              OK     OK    0   0s    │
│  h12  api     DOWN 0s v1.4.1     OK                   OK     OK    0   0s    │
└─ ▼ 24 more rows ─────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h20  ROLLBACK IMMEDIATELY                     ││ no runbook loaded            │
│  error rate 8% (8 of 100 requests) > 5%; p95…││ open one with -r FILE        │
│  errors 8%      ▁█ 0–5%                      ││                              │
└─ ▼ 26 more rows (z), worst h2 +1 ROLLBACK ───┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 HOSTS: every row shown
EOF

assert_screen narrow-end <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 3 ROLLBACK, 1 CONSIDER, 2 DOWN, by verdict ─ ▲ 24: h20 +2 ROLLBACK ─┐
│  HOST SERVICE CONN    TAG        VERDICT              HEALTH READY RST AGE   │
│  h15  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h16  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h18  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h19  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h21  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h22  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h23  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│> h24  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h24  OK                                       ││ no runbook loaded            │
│  below thresholds: error rate 0.1%, p95 180 …││ open one with -r FILE        │
│  errors 0.1%    ▁ 0–5%                       ││                              │
└─ ▼ 26 more rows (z), worst h2 +2 ROLLBACK ───┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Tab pane  ? help  q quit
EOF

assert_screen zoomed <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 3 ROLLBACK (zoomed: z shows every pane) ──── ▲ 13: h20 +2 ROLLBACK ─┐
│  HOST SERVICE CONN    TAG        VERDICT              HEALTH READY RST AGE   │
│  h4   jobs    UP      v1.4.1     OK                   -      -     0   0s    │
│  h5   api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h5   jobs    UP      v1.4.1     OK                   -      -     0   0s    │
│  h7   api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h7   jobs    UP      v1.4.1     OK                   -      -     0   0s    │
│  h8   api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h8   jobs    UP      v1.4.1     OK                   -      -     0   0s    │
│  h10  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h11  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h13  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h14  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h15  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h16  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h18  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h19  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h21  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h22  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h23  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│> h24  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
└──────────────────────────────────────────────────────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Tab pane  ? help  q quit
EOF
