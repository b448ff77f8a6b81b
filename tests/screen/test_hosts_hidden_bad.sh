#!/bin/sh
# test_hosts_hidden_bad.sh — a row never looks healthy because its bad
# value did not fit: at 80x24, with k8s-bastion's /healthz failing and
# rows counting restarts, HEALTH outranks RST and shows FAIL; at 100x30
# READY shows api-1's migrations ahead (and the header SCHEMA AHEAD); where
# READY is left out (80x24),
# the row is marked ! and the line under the table names what is hidden,
# saying z shows more columns (not every: zoomed, some may still not fit).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
sed -i '/^\[host "api-1"\]/a health_url = http://127.0.0.1:18081\nhealth_service = api' \
	"$tmp/warroom.conf"
sed -i '/^\[host "k8s-bastion"\]/a health_url = http://127.0.0.1:18083' "$tmp/warroom.conf"
steps '
:state api-1 api conn=up tag=v1.5.0-bad restarts=0 healthz=ok readyz=ahead
:state api-1 jobs tag=v1.5.0-bad restarts=3
:state api-2 api conn=up tag=v1.4.1 restarts=0
:state k8s-bastion api conn=up tag=v1.5.0-bad restarts=0 healthz=fail readyz=fail
<Down><Down><Down>
:save-screen failing
<Home>
:save-screen ahead
:resize 100x30
:save-screen wider
:state api-1 jobs tag=v1.5.0-bad-hotfix-for-the-exports-leak-2
:resize 112x24
<Home>
<Down>
:save-screen long
'
run_console -c "$tmp/warroom.conf"

assert_screen failing <<'EOF'
 warroom │ no incident named │ T+00:00:00   SCHEMA AHEAD: api-1    00:00:00 UTC
┌─ ▶ HOSTS 1 schema ahead, 1 failing health of 3 hosts ────────────────────────┐
│  HOST        SERVICE CONN TAG        STATE HEALTH READY      VERSION RST AGE │
│  api-1       api     UP   v1.5.0-bad       OK     200 ahead!         0   0s  │
│  api-1       jobs    UP   v1.5.0-bad       -      -          -       3+  0s  │
│  api-2       api     UP   v1.4.1           -      -          -       0   0s  │
│> k8s-bastion api     UP   v1.5.0-bad       FAIL   FAIL               0   0s  │
│k8s-bastion: healthz FAIL (HTTP 500), readyz FAIL (HTTP 500)                  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│ k8s-bastion: no metrics_url in the config    ││ no runbook loaded            │
│                                              ││ open one with -r FILE        │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more);
 warroom --check-config lists them
EOF

assert_screen ahead <<'EOF'
 warroom │ no incident named │ T+00:00:00   SCHEMA AHEAD: api-1    00:00:00 UTC
┌─ ▶ HOSTS 1 schema ahead, 1 failing health of 3 hosts ────────────────────────┐
│  HOST        SERVICE CONN TAG        STATE HEALTH READY      VERSION RST AGE │
│> api-1       api     UP   v1.5.0-bad       OK     200 ahead!         0   0s  │
│  api-1       jobs    UP   v1.5.0-bad       -      -          -       3+  0s  │
│  api-2       api     UP   v1.4.1           -      -          -       0   0s  │
│  k8s-bastion api     UP   v1.5.0-bad       FAIL   FAIL               0   0s  │
│api-1: readyz 200 but migrations not current: the schema is ahead of this rel…│
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│ api-1: no metrics_url in the config          ││ no runbook loaded            │
│                                              ││ open one with -r FILE        │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more);
 warroom --check-config lists them
EOF

assert_screen wider <<'EOF'
 warroom │ no incident named │ T+00:00:00   SCHEMA AHEAD: api-1             2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 schema ahead, 1 failing health of 3 hosts ────────────────────────────────────────────┐
│  HOST        SERVICE CONN TAG        STATE HEALTH READY      VERSION RST AGE DRIVER              │
│> api-1       api     UP   v1.5.0-bad       OK     200 ahead!         0   0s  compose             │
│  api-1       jobs    UP   v1.5.0-bad       -      -          -       3+  0s  compose             │
│  api-2       api     UP   v1.4.1           -      -          -       0   0s  compose             │
│  k8s-bastion api     UP   v1.5.0-bad       FAIL   FAIL               0   0s  k8s                 │
│api-1: readyz 200 but migrations not current: the schema is ahead of this release                 │
└──────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────┐
│ api-1: no metrics_url in the config                      ││ no runbook loaded                    │
│                                                          ││ open one with -r FILE                │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
└──────────────────────────────────────────────────────────┘└──────────────────────────────────────┘
┌─ LOGS ───────────────────────────────────────────────────┐┌─ TIMELINE ───────────────────────────┐
│ no log stream open                                       ││ no incident journal open             │
│                                                          ││ (none in screen tests)               │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
└──────────────────────────────────────────────────────────┘└──────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more); warroom
 --check-config lists them
EOF

assert_screen long <<'EOF'
 warroom │ no incident named │ T+00:00:00   SCHEMA AHEAD: api-1                         2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 schema ahead, 1 failing health of 3 hosts ────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN TAG                      STATE HEALTH READY      VERSION RST AGE DRIVER            │
│  api-1       api     UP   v1.5.0-bad                     OK     200 ahead!         0   0s  compose           │
│> api-1       jobs    UP   v1.5.0-bad-hotfix-for-t…       -      -          -       3+  0s  compose           │
│  api-2       api     UP   v1.4.1                         -      -          -       0   0s  compose           │
│  k8s-bastion api     UP   v1.5.0-bad                     FAIL   FAIL               0   0s  k8s               │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ───────────────────────────────────────────────────────┐┌─ RUNBOOK ─────────────────────────────────┐
│ api-1: no metrics_url in the config                             ││ no runbook loaded                         │
│                                                                 ││ open one with -r FILE                     │
│                                                                 ││                                           │
│                                                                 ││                                           │
│                                                                 ││                                           │
└─────────────────────────────────────────────────────────────────┘└───────────────────────────────────────────┘
┌─ LOGS ──────────────────────────────────────────────────────────┐┌─ TIMELINE ────────────────────────────────┐
│ no log stream open                                              ││ no incident journal open                  │
│                                                                 ││ (none in screen tests)                    │
│                                                                 ││                                           │
│                                                                 ││                                           │
│                                                                 ││                                           │
└─────────────────────────────────────────────────────────────────┘└───────────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more); warroom --check-config lists
 them
EOF
