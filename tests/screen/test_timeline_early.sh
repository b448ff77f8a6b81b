#!/bin/sh
# test_timeline_early.sh — api-2's verdict was listed before the deploy
# that caused it: its health.change waited for a tag read and was
# written 5 s later. Journal order stays, but the row starts with when
# the deploy went live, earlier than the row above: in a cut row at
# 120x30, and zoomed at 80x24. The rows above, whose news is their own
# time, say nothing more.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
:resize 120x30
:rollback api-1
:sleep 7
:verdict api-2 ROLLBACK IMMEDIATELY: error rate 40%
:sleep 5
:deploy api-2 api v1.4.1 v1.5.0-bad 6
5
:save-screen wide
:resize 80x24
z
:save-screen zoomed
'
run_console -c "$tmp/warroom.conf" --read-only

assert_screen wide <<'EOF'
 warroom │ no incident named │ T+00:00:12   READ-ONLY                                           2026-01-01 00:00:12 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS                            │
│> api-1       api     not connected           -      -     -               compose 127.0.0.1:2201                     │
│  api-1       jobs    not connected           -      -     -               compose 127.0.0.1:2201                     │
│  api-2       api     not connected           -      -     -               compose 127.0.0.1:2202                     │
│  k8s-bastion api     not connected           -      -     -               k8s     127.0.0.1:2203                     │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────┐
│ api-1: no metrics_url in the config                                  ││ no runbook loaded                            │
│                                                                      ││ open one with -r FILE                        │
│                                                                      ││                                              │
│                                                                      │└──────────────────────────────────────────────┘
│                                                                      │┌─ ▶ TIMELINE ─────────────────────────────────┐
│                                                                      ││T+00:00:00 action.intent api-1 {"plan":{"acti…│
│                                                                      ││T+00:00:00 action.end api-1 ok — rollback of …│
│                                                                      ││T+00:00:07 verdict.change api-2 ROLLBACK IMME…│
└──────────────────────────────────────────────────────────────────────┘│T+00:00:12 health.change api-2 [00:00:06 depl…│
┌─ LOGS ───────────────────────────────────────────────────────────────┐│                                              │
│ no log stream open                                                   ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
└──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
 Enter whole entry  a every record  z zoom  Tab pane  ? help  q quit
EOF

assert_screen zoomed <<'EOF'
 warroom │ no incident named │ T+00:00:12   READ-ONLY   2026-01-01 00:00:12 UTC
┌─ ▶ TIMELINE (zoomed: z shows every pane) ────────────────────────────────────┐
│T+00:00:00 00:00:00 action.intent api-1                                       │
│                    {"plan":{"action":"compose.rollback","service":"api","from│
│                    ":"v1.5.0-bad","to":"v1.4.1"}}                            │
│T+00:00:00 00:00:00 action.end api-1 ok — rollback of api (docker compose up  │
│                    -d)                                                       │
│T+00:00:07 00:00:07 verdict.change api-2 ROLLBACK IMMEDIATELY — error rate 40%│
│T+00:00:12 00:00:12 health.change api-2 [00:00:06 deployed] api: v1.5.0-bad   │
│                    deployed outside this console at 00:00:06 UTC (per compose│
│                    ps: container created); tag v1.4.1 -> v1.5.0-bad (seen at │
│                    00:00:07 UTC)                                             │
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
 Enter whole entry  a every record  z all panes  Tab pane  ? help  q quit
EOF
