#!/bin/sh
# test_panes.sh — every pane drawn at 80x24 with its title; Tab, S-Tab and
# the digit keys move the focus marker; the header counts incident time;
# with no config file, HOSTS names the file it looked for.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
:save-screen start
<Tab><Tab>
:save-screen logs
<S-Tab>4
:save-screen runbook
:sleep 3725
:save-screen later
'
run_console -c "$tmp/warroom.conf" --incident "api 5xx spike"

assert_screen start <<'EOF'
 warroom │ api 5xx spike │ T+00:00:00                   2026-01-01 00:00:00 UTC
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

assert_screen logs <<'EOF'
 warroom │ api 5xx spike │ T+00:00:00                   2026-01-01 00:00:00 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────┐
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
└──────────────────────────────────────────────┘│                              │
┌─ ▶ LOGS ─────────────────────────────────────┐│                              │
│ no log stream open                           │└──────────────────────────────┘
│                                              │┌─ TIMELINE ───────────────────┐
│                                              ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more);
 warroom --check-config lists them
EOF

assert_screen runbook <<'EOF'
 warroom │ api 5xx spike │ T+00:00:00                   2026-01-01 00:00:00 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│> api-1       api     not connected           -      -     -                  │
│  api-1       jobs    not connected           -      -     -                  │
│  api-2       api     not connected           -      -     -                  │
│  k8s-bastion api     not connected           -      -     -                  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ ▶ RUNBOOK ──────────────────┐
│ api-1: no metrics_url in the config          ││ no runbook loaded            │
│                                              ││ open one with -r FILE        │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘│                              │
┌─ LOGS ───────────────────────────────────────┐│                              │
│ no log stream open                           │└──────────────────────────────┘
│                                              │┌─ TIMELINE ───────────────────┐
│                                              ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more);
 warroom --check-config lists them
EOF

assert_screen later <<'EOF'
 warroom │ api 5xx spike │ T+01:02:05                   2026-01-01 01:02:05 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│> api-1       api     not connected           -      -     -                  │
│  api-1       jobs    not connected           -      -     -                  │
│  api-2       api     not connected           -      -     -                  │
│  k8s-bastion api     not connected           -      -     -                  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ ▶ RUNBOOK ──────────────────┐
│ api-1: no metrics_url in the config          ││ no runbook loaded            │
│                                              ││ open one with -r FILE        │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘│                              │
┌─ LOGS ───────────────────────────────────────┐│                              │
│ no log stream open                           ││                              │
│                                              │└──────────────────────────────┘
│                                              │┌─ TIMELINE ───────────────────┐
│                                              ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 Space tick  x run step  A arm  z zoom  ] next open  Tab pane  ? help  q quit
EOF

# Without a config file the empty HOSTS pane names the file it looked for.
steps '
:resize 160x30
:save-screen empty
'
mkdir -p "$tmp/nobody"
HOME=$tmp/nobody XDG_CONFIG_HOME= run_console
grep -qF "no hosts configured: there is no config file" "$tmp/empty" &&
	grep -qF "create $tmp/nobody/.config/warroom/warroom.conf (or use -c FILE)" "$tmp/empty" &&
	grep -qF "/examples/warroom.conf" "$tmp/empty" ||
	{ cat "$tmp/empty"; fail "the empty console does not name the config file it looked for"; }
ok "with no config file the HOSTS pane names the path it looked for, and the example"
