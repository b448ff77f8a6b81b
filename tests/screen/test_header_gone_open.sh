#!/bin/sh
# test_header_gone_open.sh — a watcher's header when the armed console
# is gone with an action of its own unfinished: the action reads UNKNOWN
# until a console resumes the incident, never "no outcome yet", which
# promises an outcome nobody is coming to give. One still running beside
# it keeps "no outcome yet"; at 80 columns the short form stays.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
:resize 160x24
:header armedby=2 goneopen=1
:save-screen wide
:header armedby=2 noyet=1 goneopen=1
:save-screen both
:resize 80x24
:header armedby=2 goneopen=1
:save-screen narrow
'
run_console -c "$tmp/warroom.conf" --incident "api 5xx spike" --read-only

assert_screen wide <<'EOF'
 warroom │ api 5xx spike │ not open   READ-ONLY    ARMED CONSOLE GONE: ic (root@vm), last record 06:21 UTC    1 UNKNOWN UNTIL A CONSOLE RESUMES    00:00:00 UTC
┌─ ▶ HOSTS ────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS                                                                    │
│> api-1       api     not connected           -      -     -               compose 127.0.0.1:2201                                                             │
│  api-1       jobs    not connected           -      -     -               compose 127.0.0.1:2201                                                             │
│  api-2       api     not connected           -      -     -               compose 127.0.0.1:2202                                                             │
│  k8s-bastion api     not connected           -      -     -               k8s     127.0.0.1:2203                                                             │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────────────────────┐
│ api-1: no metrics_url in the config                                                          ││ no runbook loaded                                            │
│                                                                                              ││ open one with -r FILE                                        │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
└──────────────────────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────┘
┌─ LOGS ───────────────────────────────────────────────────────────────────────────────────────┐┌─ TIMELINE ───────────────────────────────────────────────────┐
│ no log stream open                                                                           ││ watching: no journal yet                                     │
│                                                                                              ││ it shows here once a console that acts opens it              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
└──────────────────────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more); warroom --check-config lists them
EOF

assert_screen both <<'EOF'
 warroom │ api 5xx s… │ not open   READ-ONLY    ARMED CONSOLE GONE: ic (root@vm)    1 UNKNOWN UNTIL A CONSOLE RESUMES    1 ACTION: NO OUTCOME YET  00:00:00 UTC
┌─ ▶ HOSTS ────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS                                                                    │
│> api-1       api     not connected           -      -     -               compose 127.0.0.1:2201                                                             │
│  api-1       jobs    not connected           -      -     -               compose 127.0.0.1:2201                                                             │
│  api-2       api     not connected           -      -     -               compose 127.0.0.1:2202                                                             │
│  k8s-bastion api     not connected           -      -     -               k8s     127.0.0.1:2203                                                             │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────────────────────┐
│ api-1: no metrics_url in the config                                                          ││ no runbook loaded                                            │
│                                                                                              ││ open one with -r FILE                                        │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
└──────────────────────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────┘
┌─ LOGS ───────────────────────────────────────────────────────────────────────────────────────┐┌─ TIMELINE ───────────────────────────────────────────────────┐
│ no log stream open                                                                           ││ watching: no journal yet                                     │
│                                                                                              ││ it shows here once a console that acts opens it              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
└──────────────────────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more); warroom --check-config lists them
EOF

assert_screen narrow <<'EOF'
   READ-ONLY    ARMED CONSOLE GONE: ic (root@vm)    1 UNKNOWN UNTIL A RESUME
┌─ ▶ HOSTS ────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│> api-1       api     not connected           -      -     -                  │
│  api-1       jobs    not connected           -      -     -                  │
│  api-2       api     not connected           -      -     -                  │
│  k8s-bastion api     not connected           -      -     -                  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│ api-1: no metrics_url in the config          ││ no runbook loaded            │
│                                              ││ open one with -r FILE        │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ watching: no journal yet     │
│                                              ││ it shows here once a console │
│                                              ││   that acts opens it         │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more);
 warroom --check-config lists them
EOF
