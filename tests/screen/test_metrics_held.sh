#!/bin/sh
# test_metrics_held.sh — after a rollback the metrics are calm while the
# verdict is held at ROLLBACK IMMEDIATELY for its calm checks: at 80x24
# METRICS says it is held beside the level and first in its reason, so
# nobody rolls back again; once the calm checks are done it reads OK.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
sed -i 's|^compose_dir = /srv/app$|compose_dir = /srv/app\nmetrics_url = http://127.0.0.1:8000/metrics|' "$tmp/warroom.conf"
steps '
:metrics api-1 error=0.08 p95=1500 restarts=0 rps=23
:metrics api-1 error=0 p95=179 restarts=0 rps=23
:save-screen held
:metrics api-1 error=0 p95=179 restarts=0 rps=23
:save-screen calm
'
run_console -c "$tmp/warroom.conf" --read-only

assert_screen held <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY   2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 ROLLBACK IMMEDIATELY of 3 hosts ──────────────────────────────────┐
│  HOST        SERVICE CONN          TAG VERDICT   STATE HEALTH READY RST AGE  │
│> api-1       api     not connected     ROLLBACK*       -      -              │
│  api-1       jobs    not connected     ROLLBACK*       -      -              │
│  api-2       api     not connected                     -      -              │
│  k8s-bastion api     not connected     -               -      -              │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│api-1  ROLLBACK IMMEDIATELY (held 1/2)        ││ no runbook loaded            │
│  held, 1/2 calm checks: below thresholds: er…││ open one with -r FILE        │
│  errors 0%      █▁ 0–5%                      ││                              │
│  p95    179 ms  ▆▂ 0–2000 ms                 ││                              │
│  23.0 req/s                                  ││                              │
└─ ▼ 2 more rows (z shows them) ───────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 config: 1 host without metrics (k8s-bastion: verdict from restarts alone);
 warroom --check-config lists it
EOF

assert_screen calm <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY   2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS ────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG VERDICT STATE HEALTH READY RST AGE    │
│> api-1       api     not connected     OK            -      -                │
│  api-1       jobs    not connected     OK            -      -                │
│  api-2       api     not connected                   -      -                │
│  k8s-bastion api     not connected     -             -      -                │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│api-1  OK                                     ││ no runbook loaded            │
│  below thresholds: error rate 0%, p95 179 ms…││ open one with -r FILE        │
│  errors 0%      █▁▁ 0–5%                     ││                              │
│  p95    179 ms  ▆▂▂ 0–2000 ms                ││                              │
│  23.0 req/s                                  ││                              │
└─ ▼ 2 more rows (z shows them) ───────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 config: 1 host without metrics (k8s-bastion: verdict from restarts alone);
 warroom --check-config lists it
EOF
