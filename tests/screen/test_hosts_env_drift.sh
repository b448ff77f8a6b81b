#!/bin/sh
# test_hosts_env_drift.sh — at 80x24 a row whose .env names another tag
# (TAG "v1.5.0-bad .env!") does not push HEALTH out: TAG goes without its
# .env! there, the row is marked ! and, selected, the line under the
# table says what the tag left out; k8s-bastion's failing /healthz shows.
# Wider, TAG has its .env! again. Zoomed at 80x24 with a long tag, the
# .env! still does not fit: the line under says z shows more, not every.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
sed -i '/^\[host "k8s-bastion"\]/a health_url = http://127.0.0.1:18083' "$tmp/warroom.conf"
steps '
:state api-1 api conn=up tag=v1.5.0-bad
:state api-1 jobs tag=v1.5.0-bad env=v1.4.1
:state api-2 api conn=up tag=v1.4.1
:state k8s-bastion api conn=up tag=v1.5.0-bad healthz=fail readyz=fail
<Down>
:save-screen narrow
<End>
:save-screen failing
:resize 120x30
:save-screen wider
:resize 80x24
:state api-1 jobs tag=v1.5.0-bad-hotfix-for-the-exports-leak-2 env=v1.4.1
<Home>
<Down>
z
:save-screen zoomed
'
run_console -c "$tmp/warroom.conf"

assert_screen narrow <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 failing health of 3 hosts ────────────────────────────────────────┐
│  HOST        SERVICE CONN TAG              STATE HEALTH READY VERSION RST AGE│
│  api-1       api     UP   v1.5.0-bad             -      -     -       -   0s │
│> api-1       jobs    UP   v1.5.0-bad .env!       -      -     -       -   0s │
│  api-2       api     UP   v1.4.1                 -      -     -       -   0s │
│  k8s-bastion api     UP   v1.5.0-bad             FAIL   FAIL          -   0s │
│api-1: .env says v1.4.1, jobs runs v1.5.0-bad: a plain `up -d` would start v1…│
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

assert_screen failing <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 failing health of 3 hosts ────────────────────────────────────────┐
│  HOST        SERVICE CONN TAG              STATE HEALTH READY VERSION RST AGE│
│  api-1       api     UP   v1.5.0-bad             -      -     -       -   0s │
│  api-1       jobs    UP   v1.5.0-bad .env!       -      -     -       -   0s │
│  api-2       api     UP   v1.4.1                 -      -     -       -   0s │
│> k8s-bastion api     UP   v1.5.0-bad             FAIL   FAIL          -   0s │
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

assert_screen wider <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                       2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 failing health of 3 hosts ────────────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN TAG              STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS                        │
│  api-1       api     UP   v1.5.0-bad             -      -     -       -   0s  compose 127.0.0.1:2201                 │
│  api-1       jobs    UP   v1.5.0-bad .env!       -      -     -       -   0s  compose 127.0.0.1:2201                 │
│  api-2       api     UP   v1.4.1                 -      -     -       -   0s  compose 127.0.0.1:2202                 │
│> k8s-bastion api     UP   v1.5.0-bad             FAIL   FAIL          -   0s  k8s     127.0.0.1:2203                 │
│k8s-bastion: healthz FAIL (HTTP 500), readyz FAIL (HTTP 500)                                                          │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────┐
│ k8s-bastion: no metrics_url in the config                            ││ no runbook loaded                            │
│                                                                      ││ open one with -r FILE                        │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
└──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
┌─ LOGS ───────────────────────────────────────────────────────────────┐┌─ TIMELINE ───────────────────────────────────┐
│ no log stream open                                                   ││ no incident journal open                     │
│                                                                      ││ (none in screen tests)                       │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
└──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more); warroom --check-config lists them
EOF

assert_screen zoomed <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 failing health of 3 hosts (zoomed: z shows every pane) ───────────┐
│  HOST        SERVICE CONN TAG                      STATE HEALTH READY RST AGE│
│  api-1       api     UP   v1.5.0-bad                     -      -     -   0s │
│>!api-1       jobs    UP   v1.5.0-bad-hotfix-for-t…       -      -     -   0s │
│  api-2       api     UP   v1.4.1                         -      -     -   0s │
│  k8s-bastion api     UP   v1.5.0-bad                     FAIL   FAIL  -   0s │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│api-1: .env says v1.4.1, jobs runs v1.5.0-bad-hotfix-for-the-exports-leak-2: a│
│  plain `up -d` would start v1.4.1 in place of                                │
│  v1.5.0-bad-hotfix-for-the-exports-leak-2                                    │
│api-1/jobs !: TAG v1.5.0-bad-hotfix-for-the-exports-leak-2 .env! (left out    │
│  here)                                                                       │
└──────────────────────────────────────────────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more);
 warroom --check-config lists them
EOF
