#!/bin/sh
# test_zoom.sh — z shows the focused pane alone on the whole screen, with
# its lines no longer cut; Tab moves the zoom to the next pane; z again
# brings every pane back.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
4z
:save-screen runbook
<Tab>
:save-screen timeline
z
:save-screen back
'
run_console -c warroom.conf -r "$top_srcdir/docs/runbooks/compose-rollback.md" \
	--incident "api 5xx spike"

assert_screen runbook <<'EOF'
 warroom │ api 5xx spike │ T+00:00:00                   2026-01-01 00:00:00 UTC
┌─ ▶ RUNBOOK (zoomed: z shows every pane) ─────────────────────────────────────┐
│compose-rollback.md  0/15  (4 errors)  +1 [f] ticked in the file              │
│> - Compose rollback: api and jobs                                            │
│  - Before you start  0/3                                                     │
│  [f] Incident opened in warroom; the timeline is recording                   │
│  [ ] Incident commander named in the incident channel                        │
│  [ ] ! Status page set to investigating                                      │
│  - 1. Exports kill switch  0/2                                               │
│  [ ] $ Set the switch in .env and recreate api so it reads it:               │
│  [ ] ! Check that exports are off:                                           │
│  - 2. Find the last good tag  0/1                                            │
│  [ ] Last good tag taken from releases.log or the registry (the previous rel…│
│  - 3. Roll back api and jobs  0/3                                            │
│  [ ] $ Pull the known-good image first, so the switch itself is quick:       │
│  [ ] $ Recreate both services on it:                                         │
│  [ ] $ Keep the tag in .env, so the next up does not bring the bad one back: │
│  - 4. Migrations  0/3                                                        │
│  [ ] $ Make sure the newest revision has a downgrade(); additive changes (ne…│
└─ ▼ 6 more rows ──────────────────────────────────────────────────────────────┘
 runbook compose-rollback.md asks 4 things this config cannot do (line 17:
 warroom: statuspage: warroom.conf has no [statuspage] (nor [chat]) to post
 to); warroom runbook -c lists them | config: 3 hosts without metrics (api-1:
 verdict from restarts alone; +2 more); warroom --check-config lists them
EOF

assert_screen timeline <<'EOF'
 warroom │ api 5xx spike │ T+00:00:00                   2026-01-01 00:00:00 UTC
┌─ ▶ TIMELINE (zoomed: z shows every pane) ────────────────────────────────────┐
│ no incident journal open                                                     │
│ (none in screen tests)                                                       │
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
│                                                                              │
│                                                                              │
│                                                                              │
└──────────────────────────────────────────────────────────────────────────────┘
 runbook compose-rollback.md asks 4 things this config cannot do (line 17:
 warroom: statuspage: warroom.conf has no [statuspage] (nor [chat]) to post
 to); warroom runbook -c lists them | config: 3 hosts without metrics (api-1:
 verdict from restarts alone; +2 more); warroom --check-config lists them
EOF

assert_screen back <<'EOF'
 warroom │ api 5xx spike │ T+00:00:00                   2026-01-01 00:00:00 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│> api-1       api     not connected           -      -     -                  │
│  api-1       jobs    not connected           -      -     -                  │
│  api-2       api     not connected           -      -     -                  │
│  k8s-bastion api     not connected           -      -     -                  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│ api-1: no metrics_url in the config          ││compose-rollback.md  0/15  (4…│
│                                              ││> - Compose rollback: api and…│
│                                              ││  - Before you start  0/3     │
│                                              │└─ ▼ 20 more rows ─────────────┘
│                                              │┌─ ▶ TIMELINE ─────────────────┐
└──────────────────────────────────────────────┘│ no incident journal open     │
┌─ LOGS ───────────────────────────────────────┐│ (none in screen tests)       │
│ no log stream open                           ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 runbook compose-rollback.md asks 4 things this config cannot do (line 17:
 warroom: statuspage: warroom.conf has no [statuspage] (nor [chat]) to post
 to); warroom runbook -c lists them | config: 3 hosts without metrics (api-1:
 verdict from restarts alone; +2 more); warroom --check-config lists them
EOF
