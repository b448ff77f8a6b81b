#!/bin/sh
# test_hosts_tally_mixed.sh — a mixed fleet of 24 hosts at 80x24: h2 and
# h3 at ROLLBACK IMMEDIATELY, h6 at CONSIDER ROLLBACK, h12 and h13 still
# on v1.5.0-bad after api was rolled back from it on h1, h9 to h11 at
# MONITOR, h20 DOWN and h15's poll failing. Scrolled to the end, ▲
# shares the top border and the title read "2 ROLLBACK, 1 DOWN": the bad
# release and CONSIDER went in one step with not read. MONITOR's count
# goes first, then "of 24 hosts", then the words get brief ("2 bad rel"),
# then not read, ROLLBACK and DOWN last; at 100x30 beside ▲ only
# MONITOR's count is left out.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_scale_config 24 0
steps "$(scale_steps 24 0)
:state h12 api tag=v1.5.0-bad
:state h13 api tag=v1.5.0-bad
:rollback h1
:metrics h2 error=0.08 p95=1500 restarts=0 requests=100
:metrics h3 error=0.08 p95=1500 restarts=0 requests=100
:metrics h6 error=0.03 p95=300 restarts=0 requests=100
:metrics h9 error=0.015 p95=180 restarts=0 requests=100
:metrics h10 error=0.015 p95=180 restarts=0 requests=100
:metrics h11 error=0.015 p95=180 restarts=0 requests=100
:state h20 api conn=down
:state h15 api error=bad-json
:resize 80x24
:save-screen narrow
<End>
:save-screen narrow-end
:resize 100x30
:save-screen wide
"
run_console -c "$tmp/warroom.conf"

assert_screen narrow <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 2 ROLLBACK, 1 CONSIDER, 2 on a bad release, 1 DOWN, 1 not read ─────┐
│  HOST SERVICE CONN    TAG        VERDICT              HEALTH READY RST AGE   │
│> h1   api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h2   api     UP      v1.4.1     ROLLBACK IMMEDIATELY OK     OK    0   0s    │
│  h3   api     UP      v1.4.1     ROLLBACK IMMEDIATELY OK     OK    0   0s    │
│  h4   api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h5   api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h6   api     UP      v1.4.1     CONSIDER ROLLBACK    OK     OK    0   0s    │
│  h7   api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h8   api     UP      v1.4.1     OK                   OK     OK    0   0s    │
└─ ▼ 16 more rows, worst h12 and 1 more on a bad release; h20 DOWN ────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h1  OK                                        ││ no runbook loaded            │
│  below thresholds: error rate 0.1%, p95 180 …││ open one with -r FILE        │
│  errors 0.1%    ▁ 0–5%                       ││                              │
└─ ▼ 26 more rows (z), worst h2 +1 ROLLBACK ───┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││T+00:00:00 action.intent h1 {…│
│                                              ││T+00:00:00 action.end h1 ok —…│
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Tab pane  ? help  q quit
EOF

assert_screen narrow-end <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 2 ROLLBACK, 1 CONSIDER, 2 bad rel, 1 DOWN ─── ▲ 16: h2 +1 ROLLBACK ─┐
│  HOST SERVICE CONN    TAG        VERDICT              HEALTH READY RST AGE   │
│  h17  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h18  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h19  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h20  api     DOWN 0s v1.4.1     OK                   OK     OK    0   0s    │
│  h21  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h22  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│  h23  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
│> h24  api     UP      v1.4.1     OK                   OK     OK    0   0s    │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h24  OK                                       ││ no runbook loaded            │
│  below thresholds: error rate 0.1%, p95 180 …││ open one with -r FILE        │
│  errors 0.1%    ▁ 0–5%                       ││                              │
└─ ▼ 26 more rows (z), worst h2 +1 ROLLBACK ───┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││T+00:00:00 action.intent h1 {…│
│                                              ││T+00:00:00 action.end h1 ok —…│
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Tab pane  ? help  q quit
EOF

assert_screen wide <<'EOF'
 warroom │ no incident named │ T+00:00:00                                   2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 2 ROLLBACK, 1 CONSIDER, 2 on a bad release, 1 DOWN, 1 not read ── ▲ 14: h2 +1 ROLLBACK ─┐
│  HOST SERVICE CONN    TAG        VERDICT              STATE   HEALTH READY VERSION RST AGE       │
│  h15  api     UP      v1.4.1     OK                   running OK     OK            0   0s ERR    │
│  h16  api     UP      v1.4.1     OK                   running OK     OK            0   0s        │
│  h17  api     UP      v1.4.1     OK                   running OK     OK            0   0s        │
│  h18  api     UP      v1.4.1     OK                   running OK     OK            0   0s        │
│  h19  api     UP      v1.4.1     OK                   running OK     OK            0   0s        │
│  h20  api     DOWN 0s v1.4.1     OK                   running OK     OK            0   0s        │
│  h21  api     UP      v1.4.1     OK                   running OK     OK            0   0s        │
│  h22  api     UP      v1.4.1     OK                   running OK     OK            0   0s        │
│  h23  api     UP      v1.4.1     OK                   running OK     OK            0   0s        │
│> h24  api     UP      v1.4.1     OK                   running OK     OK            0   0s        │
└──────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────┐
│h24  OK                                                   ││ no runbook loaded                    │
│  below thresholds: error rate 0.1%, p95 180 ms, 0 restar…││ open one with -r FILE                │
│  errors 0.1%    ▁ 0–5%                                   ││                                      │
│  p95    180 ms  ▂ 0–2000 ms                              ││                                      │
│h2             ROLLBACK IMMEDIATELY  error rate 8% (8 of …││                                      │
└─ ▼ 24 more rows (z), worst h3 ROLLBACK IMMEDIATELY ──────┘└──────────────────────────────────────┘
┌─ LOGS ───────────────────────────────────────────────────┐┌─ TIMELINE ───────────────────────────┐
│ no log stream open                                       ││T+00:00:00 action.intent h1 {"plan":{…│
│                                                          ││T+00:00:00 action.end h1 ok — rollbac…│
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
└──────────────────────────────────────────────────────────┘└──────────────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Enter logs  o order  Tab pane  ? help  q quit
EOF
