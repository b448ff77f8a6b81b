#!/bin/sh
# test_hosts_offscreen.sh — at scale (24 hosts, 32 rows): rows out of
# sight were hinted by verdict only. With h11 and h23 DOWN below the
# fold, ▼ names h17's ROLLBACK IMMEDIATELY and the hosts DOWN (each
# once); at 80x24 it keeps the host names in fewer words, and ▲ names
# the worst above. F h2 leaves h17 and h11 out: the border says how many
# rows the filter hides and names them ("filter hides 25 rows: h17
# ROLLBACK IMMEDIATELY; h11 DOWN"), sharing the bottom with ▼ at 80x24
# (the filter's keeping more words: its rows are not a key away).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_scale_config 24 8
steps "$(scale_steps 24 8)
:state h17 api tag=v1.5.0-bad
:metrics h17 error=0.08 p95=1500 restarts=0 requests=100
:state h11 api conn=down
:state h23 api conn=down
:resize 160x45
:save-screen wide
:resize 80x24
:save-screen narrow
<End>
:save-screen narrow-end
Fh2<Enter>
:save-screen narrow-filtered
<Home>
:save-screen narrow-filtered-top
:resize 160x45
:save-screen wide-filtered
"
run_console -c "$tmp/warroom.conf"

assert_screen wide <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                                                               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 ROLLBACK IMMEDIATELY, 2 DOWN of 24 hosts ─────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────────────────────┐
│  HOST SERVICE CONN    TAG        VERDICT              STATE   HEALTH READY VERSION RST AGE   ││ no runbook loaded                                            │
│> h1   api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││ open one with -r FILE                                        │
│  h1   jobs    UP      v1.4.1     OK                   running -      -     -       0   0s    ││                                                              │
│  h2   api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h2   jobs    UP      v1.4.1     OK                   running -      -     -       0   0s    ││                                                              │
│  h3   api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h3   jobs    UP      v1.4.1     OK                   running -      -     -       0   0s    ││                                                              │
│  h4   api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h4   jobs    UP      v1.4.1     OK                   running -      -     -       0   0s    ││                                                              │
│  h5   api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h5   jobs    UP      v1.4.1     OK                   running -      -     -       0   0s    ││                                                              │
│  h6   api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h6   jobs    UP      v1.4.1     OK                   running -      -     -       0   0s    ││                                                              │
│  h7   api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h7   jobs    UP      v1.4.1     OK                   running -      -     -       0   0s    ││                                                              │
└─ ▼ 18 more rows, worst h17 ROLLBACK IMMEDIATELY; h11 and 1 more DOWN ────────────────────────┘│                                                              │
┌─ METRICS ────────────────────────────────────────────────────────────────────────────────────┐│                                                              │
│h1  OK                                                                                        ││                                                              │
│  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m                             ││                                                              │
│  errors 0.1%    ▁ 0–5%                                                                       ││                                                              │
│  p95    180 ms  ▂ 0–2000 ms                                                                  ││                                                              │
│  restarts in 5m: unknown                                                                     ││                                                              │
│  rollback >5% >2000ms 3 restarts/5m; consider >2% >1000ms; monitor >1% >500ms; calm 10% under││                                                              │
│h17            ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…│└──────────────────────────────────────────────────────────────┘
│h2             OK  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m            │┌─ TIMELINE ───────────────────────────────────────────────────┐
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
┌─ ▶ HOSTS 1 ROLLBACK IMMEDIATELY, 2 DOWN of 24 hosts ─────────────────────────┐
│  HOST SERVICE CONN    TAG        VERDICT              HEALTH READY RST AGE   │
│> h1   api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h1   jobs    UP      v1.4.1     OK                   -      -     0   0s    │
│  h2   api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h2   jobs    UP      v1.4.1     OK                   -      -     0   0s    │
│  h3   api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h3   jobs    UP      v1.4.1     OK                   -      -     0   0s    │
│  h4   api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h4   jobs    UP      v1.4.1     OK                   -      -     0   0s    │
└─ ▼ 24 more rows, worst h17 ROLLBACK IMMEDIATELY; h11 and 1 more DOWN ────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h1  OK                                        ││ no runbook loaded            │
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

assert_screen narrow-end <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 ROLLBACK IMMEDIATELY, 2 DOWN of 24 hosts ─── ▲ 24 more: h11 DOWN ─┐
│  HOST SERVICE CONN    TAG        VERDICT              HEALTH READY RST AGE   │
│  h17  api     UP      v1.5.0-bad ROLLBACK IMMEDIATELY OK     OK    0   0s    │
│  h18  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h19  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h20  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h21  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h22  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h23  api     DOWN 0s v1.4.1     OK                   OK     OK    0   0s    │
│> h24  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h24  OK                                       ││ no runbook loaded            │
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

assert_screen narrow-filtered <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 ROLLBACK IMMEDIATELY, 2 DOWN of 24 hosts, having "h2" ────────────┐
│  HOST SERVICE CONN    TAG        VERDICT              HEALTH READY RST AGE   │
│  h2   api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h2   jobs    UP      v1.4.1     OK                   -      -     0   0s    │
│  h20  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h21  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h22  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h23  api     DOWN 0s v1.4.1     OK                   OK     OK    0   0s    │
│> h24  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
└─────────────────── filter hides 25 rows: h17 ROLLBACK IMMEDIATELY; h11 DOWN ─┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h24  OK                                       ││ no runbook loaded            │
│  below thresholds: error rate 0.1%, p95 180 …││ open one with -r FILE        │
│  errors 0.1%    ▁ 0–5%                       ││                              │
│  p95    180 ms  ▂ 0–2000 ms                  ││                              │
└─ ▼ 25 more rows (z), worst h17 ROLLBACK ─────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 HOSTS: 7 of 32 rows have "h2"
EOF

assert_screen narrow-filtered-top <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 ROLLBACK IMMEDIATELY, 2 DOWN of 24 hosts, having "h2" ────────────┐
│  HOST SERVICE CONN    TAG        VERDICT              HEALTH READY RST AGE   │
│> h2   api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h2   jobs    UP      v1.4.1     OK                   -      -     0   0s    │
│  h20  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h21  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h22  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h23  api     DOWN 0s v1.4.1     OK                   OK     OK    0   0s    │
│  h24  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
└─────────────────── filter hides 25 rows: h17 ROLLBACK IMMEDIATELY; h11 DOWN ─┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h2  OK                                        ││ no runbook loaded            │
│  below thresholds: error rate 0.1%, p95 180 …││ open one with -r FILE        │
│  errors 0.1%    ▁ 0–5%                       ││                              │
│  p95    180 ms  ▂ 0–2000 ms                  ││                              │
└─ ▼ 25 more rows (z), worst h17 ROLLBACK ─────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Tab pane  ? help  q quit
EOF

assert_screen wide-filtered <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                                                               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 ROLLBACK IMMEDIATELY, 2 DOWN of 24 hosts, having "h2" ────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────────────────────┐
│  HOST SERVICE CONN    TAG        VERDICT              STATE   HEALTH READY VERSION RST AGE   ││ no runbook loaded                                            │
│> h2   api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││ open one with -r FILE                                        │
│  h2   jobs    UP      v1.4.1     OK                   running -      -     -       0   0s    ││                                                              │
│  h20  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h21  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h22  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h23  api     DOWN 0s v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
│  h24  api     UP      v1.4.1     OK                   running OK     OK            0   0s    ││                                                              │
└─────────────────────────────────── filter hides 25 rows: h17 ROLLBACK IMMEDIATELY; h11 DOWN ─┘│                                                              │
┌─ METRICS ────────────────────────────────────────────────────────────────────────────────────┐│                                                              │
│h2  OK                                                                                        ││                                                              │
│  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m                             ││                                                              │
│  errors 0.1%    ▁ 0–5%                                                                       ││                                                              │
│  p95    180 ms  ▂ 0–2000 ms                                                                  ││                                                              │
│  restarts in 5m: unknown                                                                     ││                                                              │
│  rollback >5% >2000ms 3 restarts/5m; consider >2% >1000ms; monitor >1% >500ms; calm 10% under││                                                              │
│h17            ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…││                                                              │
│h1             OK  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m            ││                                                              │
│h3             OK  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m            ││                                                              │
│h4             OK  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m            ││                                                              │
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
 r roll back  B all hosts  X kill switch  A arm  Enter logs  o order  F filter  C-r poll now  z zoom  Tab pane  ? help  q quit
EOF
