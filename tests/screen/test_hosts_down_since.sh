#!/bin/sh
# test_hosts_down_since.sh — CONN's "DOWN 21s" was the retry's
# countdown, read as "down for 21 s". CONN says how long the host has
# been DOWN: whole at 160 columns ("DOWN 2m43s"), brief at 80 ("DOWN
# 2m"); a retry that finds it DOWN again (conn=down said again) keeps
# the stretch, and one back UP then lost again starts a new one.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_scale_config 4 1
steps "$(scale_steps 4 1)
:state h2 api conn=down
:sleep 100
:state h3 api conn=down
:sleep 63
:state h2 api conn=down
:resize 160x45
:save-screen wide
:resize 80x24
:save-screen narrow
:state h3 api conn=up
:state h3 api conn=down
:sleep 5
:save-screen narrow-again
"
run_console -c "$tmp/warroom.conf"

assert_screen wide <<'EOF'
 warroom │ no incident named │ T+00:02:43                                                                                               2026-01-01 00:02:43 UTC
┌─ ▶ HOSTS 2 DOWN of 4 hosts ──────────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────────────────────┐
│  HOST SERVICE CONN       TAG    VERDICT STATE   HEALTH READY VERSION RST AGE DRIVER          ││ no runbook loaded                                            │
│> h1   api     UP         v1.4.1 OK      running OK     OK            0   2m  compose         ││ open one with -r FILE                                        │
│  h1   jobs    UP         v1.4.1 OK      running -      -     -       0   2m  compose         ││                                                              │
│  h2   api     DOWN 2m43s v1.4.1 OK      running OK     OK            0   2m  compose         ││                                                              │
│  h3   api     DOWN 1m03s v1.4.1 OK      running OK     OK            0   2m  compose         ││                                                              │
│  h4   api     UP         v1.4.1 OK      running OK     OK            0   2m  compose         ││                                                              │
└──────────────────────────────────────────────────────────────────────────────────────────────┘│                                                              │
┌─ METRICS ────────────────────────────────────────────────────────────────────────────────────┐│                                                              │
│h1  OK                                                                                        ││                                                              │
│  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m                             ││                                                              │
│  errors 0.1%    ▁ 0–5%                                                                       ││                                                              │
│  p95    180 ms  ▂ 0–2000 ms                                                                  ││                                                              │
│  restarts in 5m: unknown                                                                     ││                                                              │
│  rollback at errors > 5%, p95 > 2000 ms, 3 restarts in 5m; consider at errors > 2%, p95 >    ││                                                              │
│    1000 ms; monitor at errors > 1%, p95 > 500 ms; calm 10% under a level                     ││                                                              │
│h2             OK  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m            ││                                                              │
│h3             OK  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m            ││                                                              │
│h4             OK  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m            ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
└──────────────────────────────────────────────────────────────────────────────────────────────┘│                                                              │
┌─ LOGS ───────────────────────────────────────────────────────────────────────────────────────┐│                                                              │
│ no log stream open                                                                           ││                                                              │
│                                                                                              │└──────────────────────────────────────────────────────────────┘
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

assert_screen narrow <<'EOF'
 warroom │ no incident named │ T+00:02:43               2026-01-01 00:02:43 UTC
┌─ ▶ HOSTS 2 DOWN of 4 hosts ──────────────────────────────────────────────────┐
│  HOST SERVICE CONN       TAG    VERDICT STATE   HEALTH READY VERSION RST AGE │
│> h1   api     UP         v1.4.1 OK      running OK     OK            0   2m  │
│  h1   jobs    UP         v1.4.1 OK      running -      -     -       0   2m  │
│  h2   api     DOWN 2m43s v1.4.1 OK      running OK     OK            0   2m  │
│  h3   api     DOWN 1m03s v1.4.1 OK      running OK     OK            0   2m  │
│  h4   api     UP         v1.4.1 OK      running OK     OK            0   2m  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h1  OK                                        ││ no runbook loaded            │
│  below thresholds: error rate 0.1%, p95 180 …││ open one with -r FILE        │
│  errors 0.1%    ▁ 0–5%                       ││                              │
│  p95    180 ms  ▂ 0–2000 ms                  ││                              │
│  restarts in 5m: unknown                     ││                              │
└─ ▼ 4 more rows (z shows them) ───────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Tab pane  ? help  q quit
EOF

assert_screen narrow-again <<'EOF'
 warroom │ no incident named │ T+00:02:48               2026-01-01 00:02:48 UTC
┌─ ▶ HOSTS 2 DOWN of 4 hosts ──────────────────────────────────────────────────┐
│  HOST SERVICE CONN       TAG    VERDICT STATE   HEALTH READY VERSION RST AGE │
│> h1   api     UP         v1.4.1 OK      running OK     OK            0   2m  │
│  h1   jobs    UP         v1.4.1 OK      running -      -     -       0   2m  │
│  h2   api     DOWN 2m48s v1.4.1 OK      running OK     OK            0   2m  │
│  h3   api     DOWN 5s    v1.4.1 OK      running OK     OK            0   2m  │
│  h4   api     UP         v1.4.1 OK      running OK     OK            0   2m  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h1  OK                                        ││ no runbook loaded            │
│  below thresholds: error rate 0.1%, p95 180 …││ open one with -r FILE        │
│  errors 0.1%    ▁ 0–5%                       ││                              │
│  p95    180 ms  ▂ 0–2000 ms                  ││                              │
│  restarts in 5m: unknown                     ││                              │
└─ ▼ 4 more rows (z shows them) ───────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Tab pane  ? help  q quit
EOF
