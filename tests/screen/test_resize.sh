#!/bin/sh
# test_resize.sh — resizing redraws cleanly: 200x50 -> 80x24 -> 120x40
# leaves exactly what a console started at 120x40 shows; below 80x24 a
# notice replaces the panes, and growing back restores them.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
:resize 200x50
:save-screen big
:resize 80x24
:resize 60x20
:save-screen small
:resize 120x40
:save-screen after
'
run_console -c "$tmp/warroom.conf"

assert_screen big <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                                                                                                       2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS ────────────────────────────────────────────────────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS                            ││ no runbook loaded                                                            │
│> api-1       api     not connected           -      -     -               compose 127.0.0.1:2201                     ││ open one with -r FILE                                                        │
│  api-1       jobs    not connected           -      -     -               compose 127.0.0.1:2201                     ││                                                                              │
│  api-2       api     not connected           -      -     -               compose 127.0.0.1:2202                     ││                                                                              │
│  k8s-bastion api     not connected           -      -     -               k8s     127.0.0.1:2203                     ││                                                                              │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘│                                                                              │
┌─ METRICS ────────────────────────────────────────────────────────────────────────────────────────────────────────────┐│                                                                              │
│ api-1: no metrics_url in the config                                                                                  ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘│                                                                              │
┌─ LOGS ───────────────────────────────────────────────────────────────────────────────────────────────────────────────┐│                                                                              │
│ no log stream open                                                                                                   ││                                                                              │
│                                                                                                                      │└──────────────────────────────────────────────────────────────────────────────┘
│                                                                                                                      │┌─ TIMELINE ───────────────────────────────────────────────────────────────────┐
│                                                                                                                      ││ no incident journal open                                                     │
│                                                                                                                      ││ (none in screen tests)                                                       │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
│                                                                                                                      ││                                                                              │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more); warroom --check-config lists them
EOF

assert_screen small <<'EOF'








       terminal too small: 60x20, need at least 80x24
            keys are ignored until it is larger;
              q still quits, Esc still cancels
EOF

assert_screen after <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                       2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS ────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY RST AGE    ││ no runbook loaded                            │
│> api-1       api     not connected           -      -                ││ open one with -r FILE                        │
│  api-1       jobs    not connected           -      -                ││                                              │
│  api-2       api     not connected           -      -                ││                                              │
│  k8s-bastion api     not connected           -      -                ││                                              │
└──────────────────────────────────────────────────────────────────────┘│                                              │
┌─ METRICS ────────────────────────────────────────────────────────────┐│                                              │
│ api-1: no metrics_url in the config                                  ││                                              │
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
└──────────────────────────────────────────────────────────────────────┘│                                              │
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
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more); warroom --check-config lists them
EOF

# No stale characters: the same as a console that started at 120x40.
mv "$tmp/after" "$tmp/after.resized"
steps ':save-screen after'
run_console -c "$tmp/warroom.conf" --size 120x40
cmp -s "$tmp/after" "$tmp/after.resized" || { diff -u "$tmp/after" "$tmp/after.resized"; fail "resized screen differs from a fresh one"; }
ok "resize leaves no stale characters"
