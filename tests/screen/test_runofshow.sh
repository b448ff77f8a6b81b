#!/bin/sh
# test_runofshow.sh — a runbook with T-minus items: T asks for T-0 (now,
# +30m or HH:MM UTC), refuses what it cannot read, then shows each item's
# wall-clock time and whether it is due (without a journal, the footer
# says T-0 is not recorded). A runbook without T- items says so.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
:resize 110x30
4
:save-screen unset
T
soon
<Enter>
:save-screen refused
T
+20m
:save-screen prompt
<Enter>
:save-screen set
:sleep 600
:save-screen later
R
T
:save-screen none
'
run_console -c warroom.conf -r "$top_srcdir/docs/runbooks/blue-green-cutover.md" -r "$top_srcdir/docs/runbooks/compose-rollback.md"

assert_screen unset <<'EOF'
 warroom │ no incident named │ T+00:00:00                                             2026-01-01 00:00:00 UTC
┌─ HOSTS ────────────────────────────────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS                  │
│> api-1       api     not connected           -      -     -               compose 127.0.0.1:2201           │
│  api-1       jobs    not connected           -      -     -               compose 127.0.0.1:2201           │
│  api-2       api     not connected           -      -     -               compose 127.0.0.1:2202           │
│  k8s-bastion api     not connected           -      -     -               k8s     127.0.0.1:2203           │
└────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ──────────────────────────────────────────────────────┐┌─ ▶ RUNBOOK ──────────────────────────────┐
│ api-1: no metrics_url in the config                            ││R: blue-green-cutover.md  0/15  (T sets T…│
│                                                                ││> - Blue/green cutover: api               │
│                                                                ││  - Hosts                                 │
│                                                                ││  - Run of show  0/8                      │
│                                                                ││  [ ] T-30m: Freeze merges to main; annou…│
│                                                                ││  [ ] $ T-15m: Deploy the release to gree…│
│                                                                ││  [ ] $ T-10m: Smoke test green directly,…│
│                                                                ││  [ ] ! T-5m: Last call.                  │
└────────────────────────────────────────────────────────────────┘│  [ ] $ T-0: Switch the nginx upstream to…│
┌─ LOGS ─────────────────────────────────────────────────────────┐│  [ ] T+5m: Compare error rate and p95 wi…│
│ no log stream open                                             ││  [ ] $ T+15m: Stop blue once green is st…│
│                                                                │└─ ▼ 10 more rows ─────────────────────────┘
│                                                                │┌─ TIMELINE ───────────────────────────────┐
│                                                                ││ no incident journal open                 │
│                                                                ││ (none in screen tests)                   │
│                                                                ││                                          │
└────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────┘
 runbook blue-green-cutover.md asks 3 things this config cannot do (line 36: warroom: announce: warroom.conf
 has no [chat] to announce to); warroom runbook -c lists them | runbook compose-rollback.md asks 4 things
 this config cannot do (line 17); warroom runbook -c lists them | config: 3 hosts without metrics (api-1:
 verdict from restarts alone; +2 more); warroom --check-config lists them
EOF

assert_screen refused <<'EOF'
 warroom │ no incident named │ T+00:00:00                                             2026-01-01 00:00:00 UTC
┌─ HOSTS ────────────────────────────────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS                  │
│> api-1       api     not connected           -      -     -               compose 127.0.0.1:2201           │
│  api-1       jobs    not connected           -      -     -               compose 127.0.0.1:2201           │
│  api-2       api     not connected           -      -     -               compose 127.0.0.1:2202           │
│  k8s-bastion api     not connected           -      -     -               k8s     127.0.0.1:2203           │
└────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ──────────────────────────────────────────────────────┐┌─ ▶ RUNBOOK ──────────────────────────────┐
│ api-1: no metrics_url in the config                            ││R: blue-green-cutover.md  0/15  (T sets T…│
│                                                                ││> - Blue/green cutover: api               │
│                                                                ││  - Hosts                                 │
│                                                                ││  - Run of show  0/8                      │
│                                                                ││  [ ] T-30m: Freeze merges to main; annou…│
│                                                                ││  [ ] $ T-15m: Deploy the release to gree…│
│                                                                ││  [ ] $ T-10m: Smoke test green directly,…│
│                                                                ││  [ ] ! T-5m: Last call.                  │
└────────────────────────────────────────────────────────────────┘│  [ ] $ T-0: Switch the nginx upstream to…│
┌─ LOGS ─────────────────────────────────────────────────────────┐│  [ ] T+5m: Compare error rate and p95 wi…│
│ no log stream open                                             ││  [ ] $ T+15m: Stop blue once green is st…│
│                                                                ││  [ ] T+1h: Close the change; post the su…│
│                                                                ││  - Back to blue  0/3                     │
│                                                                ││  [ ] $ Start blue again if it was stoppe…│
│                                                                │└─ ▼ 7 more rows ──────────────────────────┘
│                                                                │┌─ TIMELINE ───────────────────────────────┐
│                                                                ││ no incident journal open                 │
│                                                                ││ (none in screen tests)                   │
│                                                                ││                                          │
└────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────┘
 T-0 unchanged: 'soon': type now, +30m, or a UTC time such as 14:30
EOF

assert_screen prompt <<'EOF'
 warroom │ no incident named │ T+00:00:00                                             2026-01-01 00:00:00 UTC
┌─ HOSTS ────────────────────────────────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS                  │
│> api-1       api     not connected           -      -     -               compose 127.0.0.1:2201           │
│  api-1       jobs    not connected           -      -     -               compose 127.0.0.1:2201           │
│  api-2       api     not connected           -      -     -               compose 127.0.0.1:2202           │
│  k8s-bastion api     not connected           -      -     -               k8s     127.0.0.1:2203           │
└────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ──────────────────────────────────────────────────────┐┌─ ▶ RUNBOOK ──────────────────────────────┐
│ api-1: no metrics_url in the config                            ││R: blue-green-cutover.md  0/15  (T sets T…│
│                                                                ││> - Blue/green cutover: api               │
│                                                                ││  - Hosts                                 │
│                                                                ││  - Run of show  0/8                      │
│                                                                ││  [ ] T-30m: Freeze merges to main; annou…│
│                                                                ││  [ ] $ T-15m: Deploy the release to gree…│
│                                                                ││  [ ] $ T-10m: Smoke test green directly,…│
│                                                                ││  [ ] ! T-5m: Last call.                  │
└────────────────────────────────────────────────────────────────┘│  [ ] $ T-0: Switch the nginx upstream to…│
┌─ LOGS ─────────────────────────────────────────────────────────┐│  [ ] T+5m: Compare error rate and p95 wi…│
│ no log stream open                                             ││  [ ] $ T+15m: Stop blue once green is st…│
│                                                                ││  [ ] T+1h: Close the change; post the su…│
│                                                                ││  - Back to blue  0/3                     │
│                                                                ││  [ ] $ Start blue again if it was stoppe…│
│                                                                │└─ ▼ 7 more rows ──────────────────────────┘
│                                                                │┌─ TIMELINE ───────────────────────────────┐
│                                                                ││ no incident journal open                 │
│                                                                ││ (none in screen tests)                   │
│                                                                ││                                          │
└────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────┘
 T-0 (now, +30m, HH:MM UTC): +20m                                                     Enter confirms, Esc no
EOF

assert_screen set <<'EOF'
 warroom │ no incident named │ T+00:00:00                                             2026-01-01 00:00:00 UTC
┌─ HOSTS ────────────────────────────────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS                  │
│> api-1       api     not connected           -      -     -               compose 127.0.0.1:2201           │
│  api-1       jobs    not connected           -      -     -               compose 127.0.0.1:2201           │
│  api-2       api     not connected           -      -     -               compose 127.0.0.1:2202           │
│  k8s-bastion api     not connected           -      -     -               k8s     127.0.0.1:2203           │
└────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ──────────────────────────────────────────────────────┐┌─ ▶ RUNBOOK ──────────────────────────────┐
│ api-1: no metrics_url in the config                            ││R: blue-green-cutover.md  0/15  T-0 00:20…│
│                                                                ││> - Blue/green cutover: api               │
│                                                                ││  - Hosts                                 │
│                                                                ││  - Run of show  0/8                      │
│                                                                ││  [ ] T-30m: Freeze merges … 23:50 10m ago│
│                                                                ││  [ ] $ T-15m: Deploy the rel… 00:05 in 5m│
│                                                                ││  [ ] $ T-10m: Smoke test gr… 00:10 in 10m│
│                                                                ││  [ ] ! T-5m: Last call.      00:15 in 15m│
└────────────────────────────────────────────────────────────────┘│  [ ] $ T-0: Switch the ngin… 00:20 in 20m│
┌─ LOGS ─────────────────────────────────────────────────────────┐│  [ ] T+5m: Compare error ra… 00:25 in 25m│
│ no log stream open                                             ││  [ ] $ T+15m: Stop blue onc… 00:35 in 35m│
│                                                                ││  [ ] T+1h: Close the chan… 01:20 in 1h20m│
│                                                                ││  - Back to blue  0/3                     │
│                                                                ││  [ ] $ Start blue again if it was stoppe…│
│                                                                │└─ ▼ 7 more rows ──────────────────────────┘
│                                                                │┌─ TIMELINE ───────────────────────────────┐
│                                                                ││ no incident journal open                 │
│                                                                ││ (none in screen tests)                   │
│                                                                ││                                          │
└────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────┘
 T-0 00:20 UTC (not recorded: no incident journal)
EOF

assert_screen later <<'EOF'
 warroom │ no incident named │ T+00:10:00                                             2026-01-01 00:10:00 UTC
┌─ HOSTS ────────────────────────────────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS                  │
│> api-1       api     not connected           -      -     -               compose 127.0.0.1:2201           │
│  api-1       jobs    not connected           -      -     -               compose 127.0.0.1:2201           │
│  api-2       api     not connected           -      -     -               compose 127.0.0.1:2202           │
│  k8s-bastion api     not connected           -      -     -               k8s     127.0.0.1:2203           │
└────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ──────────────────────────────────────────────────────┐┌─ ▶ RUNBOOK ──────────────────────────────┐
│ api-1: no metrics_url in the config                            ││R: blue-green-cutover.md  0/15  T-0 00:20…│
│                                                                ││> - Blue/green cutover: api               │
│                                                                ││  - Hosts                                 │
│                                                                ││  - Run of show  0/8                      │
│                                                                ││  [ ] T-30m: Freeze merges … 23:50 20m ago│
│                                                                ││  [ ] $ T-15m: Deploy the re… 00:05 5m ago│
│                                                                ││  [ ] $ T-10m: Smoke test g… 00:10 due now│
│                                                                ││  [ ] ! T-5m: Last call.       00:15 in 5m│
└────────────────────────────────────────────────────────────────┘│  [ ] $ T-0: Switch the ngin… 00:20 in 10m│
┌─ LOGS ─────────────────────────────────────────────────────────┐│  [ ] T+5m: Compare error ra… 00:25 in 15m│
│ no log stream open                                             ││  [ ] $ T+15m: Stop blue onc… 00:35 in 25m│
│                                                                ││  [ ] T+1h: Close the chan… 01:20 in 1h10m│
│                                                                ││  - Back to blue  0/3                     │
│                                                                ││  [ ] $ Start blue again if it was stoppe…│
│                                                                │└─ ▼ 7 more rows ──────────────────────────┘
│                                                                │┌─ TIMELINE ───────────────────────────────┐
│                                                                ││ no incident journal open                 │
│                                                                ││ (none in screen tests)                   │
│                                                                ││                                          │
└────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────┘
 Space tick  x run step  A arm  z zoom  ] next open  Enter fold  n note  Tab pane  ? help  q quit
EOF

assert_screen none <<'EOF'
 warroom │ no incident named │ T+00:10:00                                             2026-01-01 00:10:00 UTC
┌─ HOSTS ────────────────────────────────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS                  │
│> api-1       api     not connected           -      -     -               compose 127.0.0.1:2201           │
│  api-1       jobs    not connected           -      -     -               compose 127.0.0.1:2201           │
│  api-2       api     not connected           -      -     -               compose 127.0.0.1:2202           │
│  k8s-bastion api     not connected           -      -     -               k8s     127.0.0.1:2203           │
└────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ──────────────────────────────────────────────────────┐┌─ ▶ RUNBOOK ──────────────────────────────┐
│ api-1: no metrics_url in the config                            ││R: compose-rollback.md  0/15  (4 errors) …│
│                                                                ││> - Compose rollback: api and jobs        │
│                                                                ││  - Before you start  0/3                 │
│                                                                ││  [f] Incident opened in warroom; the tim…│
│                                                                ││  [ ] Incident commander named in the inc…│
│                                                                ││  [ ] ! Status page set to investigating  │
│                                                                ││  - 1. Exports kill switch  0/2           │
│                                                                ││  [ ] $ Set the switch in .env and recrea…│
└────────────────────────────────────────────────────────────────┘│  [ ] ! Check that exports are off:       │
┌─ LOGS ─────────────────────────────────────────────────────────┐│  - 2. Find the last good tag  0/1        │
│ no log stream open                                             ││  [ ] Last good tag taken from releases.l…│
│                                                                ││  - 3. Roll back api and jobs  0/3        │
│                                                                ││  [ ] $ Pull the known-good image first, …│
│                                                                ││  [ ] $ Recreate both services on it:     │
│                                                                │└─ ▼ 9 more rows ──────────────────────────┘
│                                                                │┌─ TIMELINE ───────────────────────────────┐
│                                                                ││ no incident journal open                 │
│                                                                ││ (none in screen tests)                   │
│                                                                ││                                          │
└────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────┘
 compose-rollback.md has no T-minus items (T-15m: …)
EOF
