#!/bin/sh
# test_hosts.sh — the HOSTS table lists a row per host and service and the
# selection moves with Up/Down, j/k, Home/End; rows out of sight are
# counted on the pane's border (▼ below, ▲ above); unbound keys say so;
# --read-only shows its badge; the order o picks is named in the pane's
# title, and HOST stays as wide as its names.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
# Seven rows: more than the pane holds at 80x24.
cat >> "$tmp/warroom.conf" <<'CONF'

[host "db-1"]
address = 127.0.0.1
port = 2204
driver = compose
compose_dir = /srv/db
services = db backup replica
CONF
steps '
<Down><Down>
:save-screen down2
k<End>
:save-screen end
g
z
:save-screen unbound
zoo
:save-screen sorted
'
run_console -c "$tmp/warroom.conf" --read-only

assert_screen down2 <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY   2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS ────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│  api-1       api     not connected           -      -     -                  │
│  api-1       jobs    not connected           -      -     -                  │
│> api-2       api     not connected           -      -     -                  │
│  k8s-bastion api     not connected           -      -     -                  │
│  db-1        db      not connected           -      -     -                  │
│  db-1        backup  not connected           -      -     -                  │
│  db-1        replica not connected           -      -     -                  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│ api-2: no metrics_url in the config          ││ no runbook loaded            │
│                                              ││ open one with -r FILE        │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 config: 4 hosts without metrics (api-1: verdict from restarts alone; +3 more);
 warroom --check-config lists them
EOF

assert_screen end <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY   2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS ────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│  api-1       api     not connected           -      -     -                  │
│  api-1       jobs    not connected           -      -     -                  │
│  api-2       api     not connected           -      -     -                  │
│  k8s-bastion api     not connected           -      -     -                  │
│  db-1        db      not connected           -      -     -                  │
│  db-1        backup  not connected           -      -     -                  │
│> db-1        replica not connected           -      -     -                  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│ db-1: no metrics_url in the config           ││ no runbook loaded            │
│                                              ││ open one with -r FILE        │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 config: 4 hosts without metrics (api-1: verdict from restarts alone; +3 more);
 warroom --check-config lists them
EOF

assert_screen unbound <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY   2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS (zoomed: z shows every pane) ───────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│> api-1       api     not connected           -      -     -                  │
│  api-1       jobs    not connected           -      -     -                  │
│  api-2       api     not connected           -      -     -                  │
│  k8s-bastion api     not connected           -      -     -                  │
│  db-1        db      not connected           -      -     -                  │
│  db-1        backup  not connected           -      -     -                  │
│  db-1        replica not connected           -      -     -                  │
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
 config: 4 hosts without metrics (api-1: verdict from restarts alone; +3 more);
 warroom --check-config lists them
EOF

assert_screen sorted <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY   2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS by verdict ─────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│> api-1       api     not connected           -      -     -                  │
│  api-1       jobs    not connected           -      -     -                  │
│  api-2       api     not connected           -      -     -                  │
│  k8s-bastion api     not connected           -      -     -                  │
│  db-1        db      not connected           -      -     -                  │
│  db-1        backup  not connected           -      -     -                  │
│  db-1        replica not connected           -      -     -                  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│ api-1: no metrics_url in the config          ││ no runbook loaded            │
│                                              ││ open one with -r FILE        │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 HOSTS by verdict, worst first
EOF
