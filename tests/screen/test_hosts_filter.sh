#!/bin/sh
# test_hosts_filter.sh — F shows only the HOSTS rows whose host,
# service, address or tag holds the text (any case), named in the pane's title;
# the selection moves to a row still shown; a filter nothing matches says
# so and leaves nothing selected (Enter tails nothing); F and an empty
# line shows every row again; / from HOSTS still filters LOGS (focus
# moves there); / again offers the filter as it was, é and 日 whole.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
<Down>
FK8S<Enter>
:save-screen k8s
F<C-u>zzz<Enter>
:save-screen none
<Enter>
F<C-u><Enter>
/ERR<Enter>
:save-screen all
/<C-u>é日<Enter>
/
:save-screen reopen
<Esc>
'
run_console -c "$tmp/warroom.conf"

assert_screen k8s <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS having "K8S" ───────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│> k8s-bastion api     not connected           -      -     -                  │
└──────────────────────────────────────────────────────── filter hides 3 rows ─┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│ k8s-bastion: no metrics_url in the config    ││ no runbook loaded            │
│                                              ││ open one with -r FILE        │
│                                              ││                              │
│                                              ││                              │
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
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 HOSTS: 1 of 4 rows have "K8S"
EOF

assert_screen none <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS having "zzz" ───────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│  no row has "zzz"; F C-u Enter shows all                                     │
└──────────────────────────────────────────────────────── filter hides 4 rows ─┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│ no row selected: the HOSTS filter shows none ││ no runbook loaded            │
│                                              ││ open one with -r FILE        │
│                                              ││                              │
│                                              ││                              │
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
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 HOSTS: 0 of 4 rows have "zzz"
EOF

assert_screen all <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│  api-1       api     not connected           -      -     -                  │
│  api-1       jobs    not connected           -      -     -                  │
│  api-2       api     not connected           -      -     -                  │
│> k8s-bastion api     not connected           -      -     -                  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│ k8s-bastion: no metrics_url in the config    ││ no runbook loaded            │
│                                              ││ open one with -r FILE        │
│                                              ││                              │
└──────────────────────────────────────────────┘│                              │
┌─ ▶ LOGS ─────────────────────────────────────┐│                              │
│ no log stream open                           │└──────────────────────────────┘
│                                              │┌─ TIMELINE ───────────────────┐
│                                              ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 LOGS filtered by /ERR/, case-sensitive (it has an uppercase letter)
EOF

# The prompt offers the pattern as text, not byte by byte.
tail -n 1 "$tmp/reopen" | grep -q "é日" || fail "/ reopened with: $(tail -n 1 "$tmp/reopen")"
ok "/ offers a non-ASCII filter back whole"
