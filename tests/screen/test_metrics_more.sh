#!/bin/sh
# test_metrics_more.sh — at 80x24, HOSTS focused, METRICS has five rows
# for nine (HOSTS takes only its four hosts' rows): it keeps the verdict,
# its reason, the error rate, p95 and the worst other host's row
# (k8s-bastion, ROLLBACK IMMEDIATELY), and its border counts what it left
# out. At 80x30 req/s,
# restarts and thresholds come next, and the border says z shows all;
# zoomed, everything shows and nothing is counted, each other host's
# reason wrapped under its verdict; unzoomed a reason cut ends in "…".
# j, PgDn and End in METRICS, which does not scroll, say so and point to
# z for the row left out (four hosts' HOSTS gives up too few rows to
# shrink for a focused METRICS); zoomed, every row is in view.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
sed -i 's|^compose_dir = /srv/app$|compose_dir = /srv/app\nmetrics_url = http://127.0.0.1:8000/metrics|' "$tmp/warroom.conf"
sed -i 's|^namespace = prod$|namespace = prod\nmetrics_url = http://127.0.0.1:8000/metrics|' "$tmp/warroom.conf"
steps '
:metrics api-2 error=0 p95=120 restarts=0 rps=12
:metrics k8s-bastion error=0.08 p95=1500 restarts=0 rps=30
:metrics api-1 error=0.03 p95=400 restarts=0 rps=23
:metrics api-1 error=0.031 p95=420 restarts=0 rps=23
:save-screen small
:resize 80x30
:save-screen taller
:resize 80x24
2
j
:save-screen j
<PgDn>
:save-screen pgdn
<End>
:save-screen end
z
:save-screen zoomed
j
:save-screen zoomed-j
'
run_console -c "$tmp/warroom.conf" --read-only

assert_screen small <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY   2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 ROLLBACK IMMEDIATELY, 1 CONSIDER ROLLBACK of 3 hosts ─────────────┐
│  HOST        SERVICE CONN          TAG VERDICT              HEALTH READY AGE │
│> api-1       api     not connected     CONSIDER ROLLBACK    -      -         │
│  api-1       jobs    not connected     CONSIDER ROLLBACK    -      -         │
│  api-2       api     not connected     OK                   -      -         │
│  k8s-bastion api     not connected     ROLLBACK IMMEDIATELY -      -         │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│api-1  CONSIDER ROLLBACK                      ││ no runbook loaded            │
│  error rate 3.1% > 2%                        ││ open one with -r FILE        │
│  errors 3.1%    ▅▅ 0–5%                      ││                              │
│  p95    420 ms  ▂▂ 0–2000 ms                 ││                              │
│k8s-bastion    ROLLBACK IMMEDIATELY  error ra…││                              │
└─ ▼ 4 more rows (z shows them) ───────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 Enter logs  o order  F filter  C-r poll now  Tab pane  ? help  q quit
EOF

assert_screen taller <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY   2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 ROLLBACK IMMEDIATELY, 1 CONSIDER ROLLBACK of 3 hosts ─────────────┐
│  HOST        SERVICE CONN          TAG VERDICT              HEALTH READY AGE │
│> api-1       api     not connected     CONSIDER ROLLBACK    -      -         │
│  api-1       jobs    not connected     CONSIDER ROLLBACK    -      -         │
│  api-2       api     not connected     OK                   -      -         │
│  k8s-bastion api     not connected     ROLLBACK IMMEDIATELY -      -         │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│api-1  CONSIDER ROLLBACK                      ││ no runbook loaded            │
│  error rate 3.1% > 2%                        ││ open one with -r FILE        │
│  errors 3.1%    ▅▅ 0–5%                      ││                              │
│  p95    420 ms  ▂▂ 0–2000 ms                 ││                              │
│  23.0 req/s                                  ││                              │
│  restarts in 5m: unknown                     ││                              │
│  rollback >5% >2000ms 3 restarts/5m; conside…││                              │
│k8s-bastion    ROLLBACK IMMEDIATELY  error ra…││                              │
└─ ▼ 1 more row (z shows them) ────────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 Enter logs  o order  F filter  C-r poll now  Tab pane  ? help  q quit
EOF

assert_screen zoomed <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY   2026-01-01 00:00:00 UTC
┌─ ▶ METRICS (zoomed: z shows every pane) ─────────────────────────────────────┐
│api-1  CONSIDER ROLLBACK                                                      │
│  error rate 3.1% > 2%                                                        │
│  errors 3.1%    ▅▅ 0–5%                                                      │
│  p95    420 ms  ▂▂ 0–2000 ms                                                 │
│  23.0 req/s                                                                  │
│  restarts in 5m: unknown                                                     │
│  rollback at errors > 5%, p95 > 2000 ms, 3 restarts in 5m; consider at errors│
│    > 2%, p95 > 1000 ms; monitor at errors > 1%, p95 > 500 ms; calm 10% under │
│    a level                                                                   │
│k8s-bastion    ROLLBACK IMMEDIATELY  error rate 8% > 5%; p95 1500 ms > 1000 ms│
│               (consider)                                                     │
│api-2          OK  below thresholds: error rate 0%, p95 120 ms, 0 restarts in │
│               5m                                                             │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
└──────────────────────────────────────────────────────────────────────────────┘
 C-r poll now  z all panes  Tab pane  ? help  q quit
EOF

assert_screen j <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY   2026-01-01 00:00:00 UTC
┌─ HOSTS 1 ROLLBACK IMMEDIATELY, 1 CONSIDER ROLLBACK of 3 hosts ───────────────┐
│  HOST        SERVICE CONN          TAG VERDICT              HEALTH READY AGE │
│> api-1       api     not connected     CONSIDER ROLLBACK    -      -         │
│  api-1       jobs    not connected     CONSIDER ROLLBACK    -      -         │
│  api-2       api     not connected     OK                   -      -         │
│  k8s-bastion api     not connected     ROLLBACK IMMEDIATELY -      -         │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ ▶ METRICS ──────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│api-1  CONSIDER ROLLBACK                      ││ no runbook loaded            │
│  error rate 3.1% > 2%                        ││ open one with -r FILE        │
│  errors 3.1%    ▅▅ 0–5%                      ││                              │
│  p95    420 ms  ▂▂ 0–2000 ms                 ││                              │
│  23.0 req/s                                  ││                              │
│  restarts in 5m: unknown                     │└──────────────────────────────┘
│  rollback >5% >2000ms 3 restarts/5m; conside…│┌─ TIMELINE ───────────────────┐
│k8s-bastion    ROLLBACK IMMEDIATELY  error ra…││ no incident journal open     │
└─ ▼ 1 more row (z shows them) ────────────────┘│ (none in screen tests)       │
┌─ LOGS ───────────────────────────────────────┐│                              │
│ no log stream open                           ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 METRICS does not scroll: z shows the 1 row left out
EOF

for k in j pgdn end; do
	grep -qF "METRICS does not scroll: z shows the 1 row left out" "$tmp/$k" ||
		{ cat "$tmp/$k"; fail "$k in METRICS said nothing"; }
done
grep -qF "METRICS does not scroll: every row is in view" "$tmp/zoomed-j" ||
	{ cat "$tmp/zoomed-j"; fail "j in METRICS zoomed said nothing"; }
ok "scroll keys in METRICS say why not"
