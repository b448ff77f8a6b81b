#!/bin/sh
# test_too_small.sh — below 80x24 the notice fits its words to the room
# (the size always said, down to "20x5<80x24 q:quit"), says q still
# quits on the main screen and Esc closes what is open, and an armed
# console keeps its ARMED badge and countdown in sight at any size.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
:resize 40x10
:save-screen forty
:resize 20x5
:save-screen twenty
:header armed=899
:resize 70x20
:save-screen armed
:resize 30x1
:save-screen one-line
:header
:resize 80x24
/
:resize 60x12
:save-screen prompt
<Esc>
:resize 80x24
:save-screen back
'
run_console -c "$tmp/warroom.conf"

assert_screen forty <<'EOF'



       terminal too small: 40x10
          need at least 80x24
      keys are ignored until then;
       q still quits, Esc cancels
EOF

assert_screen twenty <<'EOF'


 20x5<80x24 q:quit
EOF

assert_screen armed <<'EOF'








                             ARMED 14:59
            terminal too small: 70x20, need at least 80x24
                 keys are ignored until it is larger;
                   q still quits, Esc still cancels
EOF

assert_screen one-line <<'EOF'
 ARMED 14:59 30x1<80x24 q:quit
EOF

assert_screen prompt <<'EOF'




       terminal too small: 60x12, need at least 80x24
            keys are ignored until it is larger;
               Esc still closes what is open
EOF

assert_screen back <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
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
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 filter unchanged
EOF
