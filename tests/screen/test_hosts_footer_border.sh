#!/bin/sh
# test_hosts_footer_border.sh — at 80x24, HOSTS zoomed with
# F h2, a two-row footer message (B's end, Esc'd) covered the pane's
# bottom border and its "filter hides …" until it cleared. A footer of
# several rows (a message, a prompt's question) takes them from the
# bottom panes instead: the border and its marker stay in sight, and the
# pane has its rows back once the message is gone. At 80x24 (zoomed) and
# 160x45 (E's question naming six hosts: LOGS and TIMELINE give the rows
# up, HOSTS keeps its own).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_scale_config 24 8
steps "$(scale_steps 24 8)
:state h1 api tag=v1.8.0-bad
:state h4 api tag=v1.8.0-bad
:state h19 api tag=v1.8.0-bad
:metrics h1 error=0.08 p95=1500 restarts=0 requests=100
:metrics h4 error=0.08 p95=1500 restarts=0 requests=100
:metrics h19 error=0.08 p95=1500 restarts=0 requests=100
:resize 80x24
Fh2<Enter>
z
:say fleet rollback of api from v1.8.0-bad: h4 CANCELLED · h1, h19 not started | h4: cancelled; nothing ran
:save-screen narrow-zoomed
:sleep 30
<C-l>
:save-screen narrow-zoomed-gone
z
:metrics h6 error=0.08 p95=1500 restarts=0 requests=100
:metrics h9 error=0.08 p95=1500 restarts=0 requests=100
:metrics h13 error=0.08 p95=1500 restarts=0 requests=100
:resize 160x45
:prompt resolve
:save-screen wide-prompt
"
run_console -c "$tmp/warroom.conf"

assert_screen narrow-zoomed <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 3 ROLLBACK of 24 hosts, having "h2" (zoomed: z shows every pane) ───┐
│  HOST SERVICE CONN TAG        VERDICT              STATE   HEALTH READY AGE  │
│> h2   api     UP   v1.4.1     OK                   running OK     OK    0s   │
│  h2   jobs    UP   v1.4.1     OK                   running -      -     0s   │
│  h20  api     UP   v1.4.1     OK                   running OK     OK    0s   │
│  h21  api     UP   v1.4.1     OK                   running OK     OK    0s   │
│  h22  api     UP   v1.4.1     OK                   running OK     OK    0s   │
│  h23  api     UP   v1.4.1     OK                   running OK     OK    0s   │
│  h24  api     UP   v1.4.1     OK                   running OK     OK    0s   │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
└─────────────────── filter hides 25 rows: h1 and 2 more ROLLBACK IMMEDIATELY ─┘
 fleet rollback of api from v1.8.0-bad: h4 CANCELLED · h1, h19 not started |
 h4: cancelled; nothing ran
EOF

assert_screen narrow-zoomed-gone <<'EOF'
 warroom │ no incident named │ T+00:00:30               2026-01-01 00:00:30 UTC
┌─ ▶ HOSTS 3 ROLLBACK of 24 hosts, having "h2" (zoomed: z shows every pane) ───┐
│  HOST SERVICE CONN TAG        VERDICT              STATE   HEALTH READY AGE  │
│> h2   api     UP   v1.4.1     OK                   running OK     OK    30s  │
│  h2   jobs    UP   v1.4.1     OK                   running -      -     30s  │
│  h20  api     UP   v1.4.1     OK                   running OK     OK    30s  │
│  h21  api     UP   v1.4.1     OK                   running OK     OK    30s  │
│  h22  api     UP   v1.4.1     OK                   running OK     OK    30s  │
│  h23  api     UP   v1.4.1     OK                   running OK     OK    30s  │
│  h24  api     UP   v1.4.1     OK                   running OK     OK    30s  │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
└─────────────────── filter hides 25 rows: h1 and 2 more ROLLBACK IMMEDIATELY ─┘
 r roll back  B all hosts  X kill switch  A arm  Tab pane  ? help  q quit
EOF

assert_screen wide-prompt <<'EOF'
 warroom │ no incident named │ T+00:00:30                                                                                               2026-01-01 00:00:30 UTC
┌─ ▶ HOSTS 6 ROLLBACK IMMEDIATELY of 24 hosts, having "h2" ────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────────────────────┐
│  HOST SERVICE CONN TAG        VERDICT              STATE   HEALTH READY VERSION RST AGE      ││ no runbook loaded                                            │
│> h2   api     UP   v1.4.1     OK                   running OK     OK            0   30s      ││ open one with -r FILE                                        │
│  h2   jobs    UP   v1.4.1     OK                   running -      -     -       0   30s      ││                                                              │
│  h20  api     UP   v1.4.1     OK                   running OK     OK            0   30s      ││                                                              │
│  h21  api     UP   v1.4.1     OK                   running OK     OK            0   30s      ││                                                              │
│  h22  api     UP   v1.4.1     OK                   running OK     OK            0   30s      ││                                                              │
│  h23  api     UP   v1.4.1     OK                   running OK     OK            0   30s      ││                                                              │
│  h24  api     UP   v1.4.1     OK                   running OK     OK            0   30s      ││                                                              │
└─────────────────────────────────── filter hides 25 rows: h1 and 5 more ROLLBACK IMMEDIATELY ─┘│                                                              │
┌─ METRICS ────────────────────────────────────────────────────────────────────────────────────┐│                                                              │
│h2  OK                                                                                        ││                                                              │
│  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m                             ││                                                              │
│  errors 0.1%    ▁ 0–5%                                                                       ││                                                              │
│  p95    180 ms  ▂ 0–2000 ms                                                                  ││                                                              │
│  restarts in 5m: unknown                                                                     ││                                                              │
│h1             ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…││                                                              │
│h4             ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…││                                                              │
│h6             ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…││                                                              │
│h9             ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…││                                                              │
│h13            ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…││                                                              │
│h19            ROLLBACK IMMEDIATELY  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 10…││                                                              │
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
└──────────────────────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────┘
 6 hosts not OK (h1 ROLLBACK IMMEDIATELY, h4 ROLLBACK IMMEDIATELY, h6 ROLLBACK IMMEDIATELY, h9 ROLLBACK IMMEDIATELY, h13 ROLLBACK IMMEDIATELY, h19 ROLLBACK
 IMMEDIATELY);
 type resolve to resolve anyway:                                                                                                        Enter confirms, Esc no
EOF
