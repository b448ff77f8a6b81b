#!/bin/sh
# test_header_badges.sh — a watcher's header with every badge at once:
# READ-ONLY, ARMED by another console, an action with no outcome yet,
# EXPORTS ON, a status-page post UNKNOWN, and the information "exports
# restored on ...". At 160 columns the information gives way to a count,
# then goes, before any badge shortens to its alarm word and count; the
# product's name, T+ and the clock stay. A console gone while armed reads
# the same. At 80 columns, an armed writer's badges all stay whole.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
:resize 160x24
:header armedby=1 noyet=1 exports=1 restored=1 failed=1 spunknown=1
:save-screen wide
:header armedby=2 noyet=1 exports=1 restored=2 failed=1 spunknown=1
:save-screen gone
'
run_console -c "$tmp/warroom.conf" --incident "api 5xx spike" --read-only

assert_screen wide <<'EOF'
 warroom │ api 5xx spi… │ not open   READ-ONLY    ARMED: ic (root@vm)    1 ACTION: NO OUTCOME YET    EXPORTS ON: 1 host    STATUS PAGE: 1 UNKNOWN  00:00:00 UTC
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
assert_screen gone <<'EOF'
 warroom │ not open   READ-ONLY    ARMED CONSOLE GONE: ic (root@vm)    1 ACTION: NO OUTCOME YET    EXPORTS ON: 1 host    STATUS PAGE: 1 UNKNOWN    00:00:00 UTC
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
steps '
:resize 80x24
:header armed=300 unknown=1 exports=2 restored=1 failed=1 spunknown=1
:save-screen narrow
'
run_console -c "$tmp/warroom.conf" --incident "api 5xx spike"
assert_screen narrow <<'EOF'
   ARMED 5:00    1 UNKNOWN    EXPORTS ON: 2 hosts    STATUS PAGE: 1 UNKNOWN
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
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more);
 warroom --check-config lists them
EOF
# A watcher at 80 columns with all five: each in its tiniest words where
# it must (the product's name and the clock went first), none cut.
steps '
:resize 80x24
:header armedby=1 noyet=1 exports=1 restored=1 failed=1 spunknown=1
:save-screen watcher80
:header armedby=2 noyet=1 exports=1 restored=1 failed=1 spunknown=1
:save-screen gone80
'
run_console -c "$tmp/warroom.conf" --incident "api 5xx spike" --read-only
assert_screen watcher80 <<'EOF'
   READ-ONLY    ARMED: ic    1 NO OUTCOME    EXPORTS ON: 1    SP: 1 UNKNOWN
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
assert_screen gone80 <<'EOF'
   RO    ARMED GONE: ic    1 NO OUTCOME    EXPORTS ON: 1 host    SP: 1 UNKNOWN
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
# A watcher at 80 columns whose armed console was killed with a post
# still pending: the status page's badge takes its tiniest words, never
# cut.
steps '
:resize 80x24
:header armedby=2 noyet=1 exports=3 pending=1 spgone=1
:save-screen spgone80
'
run_console -c "$tmp/warroom.conf" --incident "api 5xx spike" --read-only
assert_screen spgone80 <<'EOF'
   READ-ONLY    ARMED GONE: ic    1 NO OUTCOME    EXPORTS ON: 3    SP: 1 STUCK
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
