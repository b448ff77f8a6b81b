#!/bin/sh
# test_pane_counts.sh — RUNBOOK and TIMELINE count the rows out of view
# on their borders, as HOSTS and METRICS do: ▼ on the bottom border for
# rows below, ▲ on the top one for rows above. At 80x24 RUNBOOK showed 3
# of 12 rows under a plain border, and TIMELINE never said older records
# were above it.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
:resize 80x24
:rollback api-1
:rollback k8s-bastion
:rollback api-2
4
:save-screen start
<Down><Down><Down><Down><Down><Down><Down>
:save-screen scrolled
5
k
:save-screen timeline
'
run_console -c "$tmp/warroom.conf" --read-only -r "$top_srcdir/examples/rollback.md"
assert_screen start <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY   2026-01-01 00:00:00 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│> api-1       api     not connected           -      -     -                  │
│  api-1       jobs    not connected           -      -     -                  │
│  api-2       api     not connected           -      -     -                  │
│  k8s-bastion api     not connected           -      -     -                  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ ▶ RUNBOOK ──────────────────┐
│ api-1: no metrics_url in the config          ││rollback.md  0/8              │
│                                              ││> - API rollback              │
│                                              ││  - Decide  0/2               │
│                                              ││  [ ] Confirm the deploy time…│
│                                              ││  [ ] Post "investigating" on…│
└──────────────────────────────────────────────┘│  - Roll back  0/3            │
┌─ LOGS ───────────────────────────────────────┐└─ ▼ 7 more rows ──────────────┘
│ no log stream open                           │┌─ TIMELINE ─── ▲ 3 more rows ─┐
│                                              ││T+00:00:00 action.end k8s-bas…│
│                                              ││T+00:00:00 action.intent api-…│
│                                              ││T+00:00:00 action.end api-2 o…│
└──────────────────────────────────────────────┘└──────────────────────────────┘
 decision matrix from rollback.md (line 7) overrides [thresholds] | config: 3
 hosts without metrics (api-1: verdict from restarts alone; +2 more); warroom
 --check-config lists them
EOF
assert_screen scrolled <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY   2026-01-01 00:00:00 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│> api-1       api     not connected           -      -     -                  │
│  api-1       jobs    not connected           -      -     -                  │
│  api-2       api     not connected           -      -     -                  │
│  k8s-bastion api     not connected           -      -     -                  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ ▶ RUNBOOK ── ▲ 3 more rows ─┐
│ api-1: no metrics_url in the config          ││rollback.md  0/8              │
│                                              ││  [ ] Post "investigating" on…│
│                                              ││  - Roll back  0/3            │
│                                              ││  [ ] Find the last good tag …│
│                                              ││  [ ] $ Roll back the API:    │
└──────────────────────────────────────────────┘│> [ ] $ Check health:         │
┌─ LOGS ───────────────────────────────────────┐└─ ▼ 4 more rows ──────────────┘
│ no log stream open                           │┌─ TIMELINE ─── ▲ 3 more rows ─┐
│                                              ││T+00:00:00 action.end k8s-bas…│
│                                              ││T+00:00:00 action.intent api-…│
│                                              ││T+00:00:00 action.end api-2 o…│
└──────────────────────────────────────────────┘└──────────────────────────────┘
 decision matrix from rollback.md (line 7) overrides [thresholds] | config: 3
 hosts without metrics (api-1: verdict from restarts alone; +2 more); warroom
 --check-config lists them
EOF
assert_screen timeline <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY   2026-01-01 00:00:00 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│> api-1       api     not connected           -      -     -                  │
│  api-1       jobs    not connected           -      -     -                  │
│  api-2       api     not connected           -      -     -                  │
│  k8s-bastion api     not connected           -      -     -                  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ──── ▲ 6 more rows ─┐
│ api-1: no metrics_url in the config          ││rollback.md  0/8              │
│                                              ││  [ ] $ Roll back the API:    │
│                                              ││> [ ] $ Check health:         │
│                                              │└─ ▼ 4 more rows ──────────────┘
│                                              │┌─ ▶ TIMELINE ─────────────────┐
└──────────────────────────────────────────────┘│T+00:00:00 action.intent api-…│
┌─ LOGS ───────────────────────────────────────┐│T+00:00:00 action.end api-1 o…│
│ no log stream open                           ││T+00:00:00 action.intent k8s-…│
│                                              ││T+00:00:00 action.end k8s-bas…│
│                                              ││T+00:00:00 action.intent api-…│
│                                              ││T+00:00:00 action.e… +1 newer │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 decision matrix from rollback.md (line 7) overrides [thresholds] | config: 3
 hosts without metrics (api-1: verdict from restarts alone; +2 more); warroom
 --check-config lists them
EOF
