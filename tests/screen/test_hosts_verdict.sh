#!/bin/sh
# test_hosts_verdict.sh — at scale (24 hosts, 32 rows): h16 at
# ROLLBACK IMMEDIATELY read all green in HOSTS. Each row now shows its
# host's verdict in its colour: whole at 160 columns, "(held)" after a
# level hysteresis holds; at 80 columns brief (ROLLBACK, CONSIDER*) with
# host, service, connection and tag kept, HEALTH giving way first (h3's
# row is marked ! for it). o by verdict puts h16 first, the order named
# in the title; zoomed at 80x24 the verdict is whole again.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_scale_config 24 8
steps "$(scale_steps 24 8)
:state h16 api tag=v1.5.0-bad
:metrics h16 error=0.08 p95=1500 restarts=0 requests=100
:metrics h13 error=0.03 p95=300 restarts=0 requests=100
:metrics h13 error=0.001 p95=180 restarts=0 requests=100
:metrics h5 error=0.015 p95=180 restarts=0 requests=100
:state h3 api healthz=fail readyz=fail
:resize 160x45
oo
g
:save-screen wide
:resize 80x24
:save-screen narrow
z
:save-screen zoomed
"
run_console -c "$tmp/warroom.conf"

assert_screen wide <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                                                               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 ROLLBACK, 1 CONSIDER, 1 MONITOR, 1 failing health of 24 hosts, by verdict ────────┐┌─ RUNBOOK ────────────────────────────────────────────────────┐
│  HOST SERVICE CONN TAG        VERDICT                  STATE   HEALTH READY VERSION RST AGE  ││ no runbook loaded                                            │
│> h16  api     UP   v1.5.0-bad ROLLBACK IMMEDIATELY     running OK     OK            0   0s   ││ open one with -r FILE                                        │
│  h13  api     UP   v1.4.1     CONSIDER ROLLBACK (held) running OK     OK            0   0s   ││                                                              │
│  h5   api     UP   v1.4.1     MONITOR                  running OK     OK            0   0s   ││                                                              │
│  h5   jobs    UP   v1.4.1     MONITOR                  running -      -     -       0   0s   ││                                                              │
│  h3   api     UP   v1.4.1     OK                       running FAIL   FAIL          0   0s   ││                                                              │
│  h3   jobs    UP   v1.4.1     OK                       running -      -     -       0   0s   ││                                                              │
│  h1   api     UP   v1.4.1     OK                       running OK     OK            0   0s   ││                                                              │
│  h1   jobs    UP   v1.4.1     OK                       running -      -     -       0   0s   ││                                                              │
│  h2   api     UP   v1.4.1     OK                       running OK     OK            0   0s   ││                                                              │
│  h2   jobs    UP   v1.4.1     OK                       running -      -     -       0   0s   ││                                                              │
│  h4   api     UP   v1.4.1     OK                       running OK     OK            0   0s   ││                                                              │
│  h4   jobs    UP   v1.4.1     OK                       running -      -     -       0   0s   ││                                                              │
│  h6   api     UP   v1.4.1     OK                       running OK     OK            0   0s   ││                                                              │
│  h6   jobs    UP   v1.4.1     OK                       running -      -     -       0   0s   ││                                                              │
└─ ▼ 18 more rows ─────────────────────────────────────────────────────────────────────────────┘│                                                              │
┌─ METRICS ────────────────────────────────────────────────────────────────────────────────────┐│                                                              │
│h16  ROLLBACK IMMEDIATELY                                                                     ││                                                              │
│  error rate 8% (8 of 100 requests) > 5%; p95 1500 ms > 1000 ms (consider)                    ││                                                              │
│  errors 8%      ▁█ 0–5%                                                                      ││                                                              │
│  p95    1500 ms ▂▆ 0–2000 ms                                                                 ││                                                              │
│  restarts in 5m: unknown                                                                     ││                                                              │
│  rollback >5% >2000ms 3 restarts/5m; consider >2% >1000ms; monitor >1% >500ms; calm 10% under││                                                              │
│h13            CONSIDER ROLLBACK (held: 1/2 calm checks)  held, 1/2 calm checks: below thresh…│└──────────────────────────────────────────────────────────────┘
│h5             MONITOR  error rate 1.5% (1.5 of 100 requests) > 1%                            │┌─ TIMELINE ───────────────────────────────────────────────────┐
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
┌─ ▶ HOSTS 1 ROLLBACK, 1 CONSIDER, 1 failing health of 24 hosts, by verdict ───┐
│  HOST SERVICE CONN TAG        VERDICT                  STATE   HEALTH READY  │
│> h16  api     UP   v1.5.0-bad ROLLBACK IMMEDIATELY     running OK     OK     │
│  h13  api     UP   v1.4.1     CONSIDER ROLLBACK (held) running OK     OK     │
│  h5   api     UP   v1.4.1     MONITOR                  running OK     OK     │
│  h5   jobs    UP   v1.4.1     MONITOR                  running -      -      │
│  h3   api     UP   v1.4.1     OK                       running FAIL   FAIL   │
│  h3   jobs    UP   v1.4.1     OK                       running -      -      │
│  h1   api     UP   v1.4.1     OK                       running OK     OK     │
│  h1   jobs    UP   v1.4.1     OK                       running -      -      │
└─ ▼ 24 more rows ─────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h16  ROLLBACK IMMEDIATELY                     ││ no runbook loaded            │
│  error rate 8% (8 of 100 requests) > 5%; p95…││ open one with -r FILE        │
│  errors 8%      ▁█ 0–5%                      ││                              │
└─ ▼ 26 more rows (z), worst h13 CONSIDER ─────┘└──────────────────────────────┘
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
┌─ ▶ HOSTS 1 ROLLBACK, 1 CONSIDER, 1 failing (zoomed: z shows every pane) ─────┐
│  HOST SERVICE CONN TAG        VERDICT                  STATE   HEALTH READY  │
│> h16  api     UP   v1.5.0-bad ROLLBACK IMMEDIATELY     running OK     OK     │
│  h13  api     UP   v1.4.1     CONSIDER ROLLBACK (held) running OK     OK     │
│  h5   api     UP   v1.4.1     MONITOR                  running OK     OK     │
│  h5   jobs    UP   v1.4.1     MONITOR                  running -      -      │
│  h3   api     UP   v1.4.1     OK                       running FAIL   FAIL   │
│  h3   jobs    UP   v1.4.1     OK                       running -      -      │
│  h1   api     UP   v1.4.1     OK                       running OK     OK     │
│  h1   jobs    UP   v1.4.1     OK                       running -      -      │
│  h2   api     UP   v1.4.1     OK                       running OK     OK     │
│  h2   jobs    UP   v1.4.1     OK                       running -      -      │
│  h4   api     UP   v1.4.1     OK                       running OK     OK     │
│  h4   jobs    UP   v1.4.1     OK                       running -      -      │
│  h6   api     UP   v1.4.1     OK                       running OK     OK     │
│  h6   jobs    UP   v1.4.1     OK                       running -      -      │
│  h7   api     UP   v1.4.1     OK                       running OK     OK     │
│  h7   jobs    UP   v1.4.1     OK                       running -      -      │
│  h8   api     UP   v1.4.1     OK                       running OK     OK     │
│  h8   jobs    UP   v1.4.1     OK                       running -      -      │
│  h9   api     UP   v1.4.1     OK                       running OK     OK     │
└─ ▼ 13 more rows ─────────────────────────────────────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Tab pane  ? help  q quit
EOF
