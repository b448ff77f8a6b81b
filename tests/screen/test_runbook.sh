#!/bin/sh
# test_runbook.sh — the RUNBOOK pane: a runbook as a checklist with
# progress per section; Space ticks (on screen only without a journal,
# and the footer says so), ] and [ jump to unticked steps, Enter folds a
# section or opens a step's detail with its placeholders and recognised
# actions (a long command wrapped whole at 80x24), R switches runbooks; a matrix overrides [thresholds].
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
4
:save-screen start
<Down><Down><Space>
]
<Space>
:sleep 125
:save-screen ticked
<Home><Down><Enter>
:save-screen folded
<Enter>
<Home><Down><Down><Down><Down><Down><Down><Down><Down><Down><Down><Down><Down>
<Enter>
:resize 120x40
:save-screen detail
:resize 80x24
:save-screen detail-narrow
:resize 120x40
<Esc>
R
:save-screen second
'
run_console -c warroom.conf -r "$top_srcdir/docs/runbooks/compose-rollback.md" -r "$top_srcdir/docs/runbooks/k8s-helm-rollback.md"

assert_screen start <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│> api-1       api     not connected           -      -     -                  │
│  api-1       jobs    not connected           -      -     -                  │
│  api-2       api     not connected           -      -     -                  │
│  k8s-bastion api     not connected           -      -     -                  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ ▶ RUNBOOK ──────────────────┐
│ api-1: no metrics_url in the config          ││R: compose-rollback.md  0/15 …│
│                                              ││> - Compose rollback: api and…│
│                                              ││  - Before you start  0/3     │
│                                              │└─ ▼ 20 more rows ─────────────┘
│                                              │┌─ TIMELINE ───────────────────┐
└──────────────────────────────────────────────┘│ no incident journal open     │
┌─ LOGS ───────────────────────────────────────┐│ (none in screen tests)       │
│ no log stream open                           ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 runbook compose-rollback.md asks 4 things this config cannot do (line 17:
 warroom: statuspage: warroom.conf has no [statuspage] (nor [chat]) to post
 to); warroom runbook -c lists them | runbook k8s-helm-rollback.md asks 5
 things this config cannot do (line 51); warroom runbook -c lists them |
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more);
 warroom --check-config lists them
EOF

assert_screen ticked <<'EOF'
 warroom │ no incident named │ T+00:02:05               2026-01-01 00:02:05 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│> api-1       api     not connected           -      -     -                  │
│  api-1       jobs    not connected           -      -     -                  │
│  api-2       api     not connected           -      -     -                  │
│  k8s-bastion api     not connected           -      -     -                  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ ▶ RUNBOOK ──────────────────┐
│ api-1: no metrics_url in the config          ││R: compose-rollback.md  2/15 …│
│                                              ││  - Compose rollback: api and…│
│                                              ││  - Before you start  2/3  2m │
│                                              ││  [x] Incident opened in warr…│
│                                              ││> [x] Incident commander name…│
└──────────────────────────────────────────────┘│  [ ] ! Status page set to in…│
┌─ LOGS ───────────────────────────────────────┐│  - 1. Exports kill switch  0…│
│ no log stream open                           ││  [ ] $ Set the switch in .en…│
│                                              │└─ ▼ 15 more rows ─────────────┘
│                                              │┌─ TIMELINE ───────────────────┐
│                                              ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 Space tick  x run step  A arm  z zoom  ] next open  Tab pane  ? help  q quit
EOF

assert_screen folded <<'EOF'
 warroom │ no incident named │ T+00:02:05               2026-01-01 00:02:05 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│> api-1       api     not connected           -      -     -                  │
│  api-1       jobs    not connected           -      -     -                  │
│  api-2       api     not connected           -      -     -                  │
│  k8s-bastion api     not connected           -      -     -                  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ ▶ RUNBOOK ──────────────────┐
│ api-1: no metrics_url in the config          ││R: compose-rollback.md  2/15 …│
│                                              ││  - Compose rollback: api and…│
│                                              ││> + Before you start  2/3  2m │
│                                              ││  - 1. Exports kill switch  0…│
│                                              ││  [ ] $ Set the switch in .en…│
└──────────────────────────────────────────────┘│  [ ] ! Check that exports ar…│
┌─ LOGS ───────────────────────────────────────┐│  - 2. Find the last good tag…│
│ no log stream open                           ││  [ ] Last good tag taken fro…│
│                                              │└─ ▼ 12 more rows ─────────────┘
│                                              │┌─ TIMELINE ───────────────────┐
│                                              ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 Space tick  x run step  A arm  z zoom  ] next open  Tab pane  ? help  q quit
EOF

assert_screen detail <<'EOF'
 warroom │ no incident named │ T+00:02:05                                                       2026-01-01 00:02:05 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────┐┌─ ▶ RUNBOOK ──────────────────────────────────┐
│  H┌─ STEP compose-rollback.md:62 ────────────────────────────────────────────────────────────────────────────────┐   │
│> a│ Recreate both services on it:                                                                                │   │
│  a│                                                                                                              │   │
│  a│ $ IMAGE_TAG=<TAG> docker compose --env-file .env up -d --no-deps api jobs                                    │in…│
│  k│ x runs as written                                                                                            │en…│
└───│                                                                                                              │   │
┌─ M│                                                                                                              │   │
│ ap│                                                                                                              │ a…│
│   │                                                                                                              │   │
│   │                                                                                                              │   │
│   │                                                                                                              │ o…│
│   │                                                                                                              │   │
│   │                                                                                                              │ t…│
│   │                                                                                                              │   │
│   │                                                                                                              │p …│
│   │                                                                                                              │   │
│   │                                                                                                              │ d…│
│   │                                                                                                              │   │
└───│                                                                                                              │rr…│
┌─ L│                                                                                                              │   │
│ no│                                                                                                              │───┘
│   │                                                                                                              │───┐
│   │                                                                                                              │   │
│   │                                                                                                              │   │
│   │                                                                                                              │   │
│   │                                                                                                              │   │
│   │                                                                                                              │   │
│   │                                                                                                              │   │
│   │                                                                                                              │   │
│   │                                                                                                              │   │
│   │                                                                                                              │   │
│   │                                                                                                              │   │
│   │                                                                                                              │   │
│   │ x runs them on the HOSTS host, asking for each placeholder.                                                  │   │
│   │ Highlighted: placeholders. Esc or Enter closes.                                                              │   │
│   └──────────────────────────────────────────────────────────────────────────────────────────────────────────────┘   │
└──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
 Esc/Enter close the step
EOF

assert_screen detail-narrow <<'EOF'
 warroom │ no incident named │ T+00:02:05               2026-01-01 00:02:05 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────┐
│  H┌─ STEP compose-rollback.md:62 ────────────────────────────────────────┐   │
│> a│ Recreate both services on it:                                        │   │
│  a│                                                                      │   │
│  a│ $ IMAGE_TAG=<TAG> docker compose --env-file .env up -d --no-deps api │   │
│  k│    jobs                                                              │   │
└───│ x runs as written                                                    │───┘
┌─ M│                                                                      │s ─┐
│ ap│                                                                      │5 …│
│   │                                                                      │en…│
│   │                                                                      │ar…│
│   │                                                                      │ag…│
│   │                                                                      │ro…│
└───│                                                                      │bs…│
┌─ L│                                                                      │ i…│
│ no│                                                                      │ce…│
│   │                                                                      │───┘
│   │                                                                      │───┐
│   │ x runs them on the HOSTS host, asking for each placeholder.          │   │
│   │ Highlighted: placeholders. Esc or Enter closes.                      │   │
│   └──────────────────────────────────────────────────────────────────────┘   │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 Esc/Enter close the step
EOF

assert_screen second <<'EOF'
 warroom │ no incident named │ T+00:02:05                                                       2026-01-01 00:02:05 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────┐┌─ ▶ RUNBOOK ──────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY RST AGE    ││R: k8s-helm-rollback.md  0/12  (2 errors, 3 w…│
│> api-1       api     not connected           -      -                ││> - Kubernetes and Helm rollback: checkout    │
│  api-1       jobs    not connected           -      -                ││  - Decide                                    │
│  api-2       api     not connected           -      -                ││  - Look before you act  0/2                  │
│  k8s-bastion api     not connected           -      -                ││  [f] Alert acknowledged                      │
└──────────────────────────────────────────────────────────────────────┘│  [ ] Bad revision identified (history above,…│
┌─ METRICS ────────────────────────────────────────────────────────────┐│  - Roll back with kubectl  0/3               │
│ api-1: no metrics_url in the config                                  ││  [ ] $ Undo to the previous revision:        │
│                                                                      ││  [ ] ! Or to a revision picked from the hist…│
│                                                                      ││  [ ] $ Wait until every pod runs the old Rep…│
│                                                                      ││  - Roll back with Helm  0/4                  │
│                                                                      ││  [ ] ! Roll the release back to the previous…│
│                                                                      ││  [ ] ! Or to a revision picked from the hist…│
│                                                                      ││  [ ] $ Check the release and the rollout:    │
│                                                                      ││  [ ] ! Tell customers what is happening:     │
│                                                                      ││  - ! Verify  0/3                             │
│                                                                      ││  [ ] Error rate and p95 back under MONITOR f…│
│                                                                      ││  [ ] Status page resolved                    │
└──────────────────────────────────────────────────────────────────────┘│  [ ] Post-mortem scheduled                   │
┌─ LOGS ───────────────────────────────────────────────────────────────┐│                                              │
│ no log stream open                                                   │└──────────────────────────────────────────────┘
│                                                                      │┌─ TIMELINE ───────────────────────────────────┐
│                                                                      ││ no incident journal open                     │
│                                                                      ││ (none in screen tests)                       │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
└──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
 Space tick  x run step  A arm  z zoom  ] next open  Enter fold  n note  Tab pane  ? help  q quit
EOF
