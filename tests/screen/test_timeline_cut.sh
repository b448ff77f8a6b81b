#!/bin/sh
# test_timeline_cut.sh — at 80x24 and 100x30: TIMELINE rows cut in
# their kind or host ("action.intent k8s") looked whole, with nothing
# after them, while a row cut in its details ended in …. Every cut row
# ends in …, wherever the cut falls. (k8s-bastion's rollback comes last:
# 80x24's TIMELINE shows three rows.)
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
:resize 80x24
:rollback api-1
:rollback k8s-bastion
:save-screen small
:resize 100x30
:save-screen medium
'
run_console -c "$tmp/warroom.conf" --read-only

assert_screen small <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY   2026-01-01 00:00:00 UTC
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
│ no log stream open                           ││T+00:00:00 action.intent api-…│
│                                              ││T+00:00:00 action.end api-1 o…│
│                                              ││T+00:00:00 action.intent k8s-…│
│                                              ││T+00:00:00 action.end k8s-bas…│
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more);
 warroom --check-config lists them
EOF
assert_screen medium <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY                       2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS ────────────────────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS        │
│> api-1       api     not connected           -      -     -               compose 127.0.0.1:2201 │
│  api-1       jobs    not connected           -      -     -               compose 127.0.0.1:2201 │
│  api-2       api     not connected           -      -     -               compose 127.0.0.1:2202 │
│  k8s-bastion api     not connected           -      -     -               k8s     127.0.0.1:2203 │
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
│ no log stream open                                       ││T+00:00:00 action.intent api-1 {"plan…│
│                                                          ││T+00:00:00 action.end api-1 ok — roll…│
│                                                          ││T+00:00:00 action.intent k8s-bastion …│
│                                                          ││T+00:00:00 action.end k8s-bastion ok …│
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
│                                                          ││                                      │
└──────────────────────────────────────────────────────────┘└──────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more); warroom
 --check-config lists them
EOF
# The rows cut in the kind or the host end in … (before: "intent k8s").
for s in small medium; do
	grep -o 'T+00:00:00 action.intent k8s[^│]*│' "$tmp/$s" | grep -q '…│$' ||
		fail "screen $s: the k8s-bastion row is cut without …"
done
ok "TIMELINE rows cut anywhere end in …"
