#!/bin/sh
# test_step_overlay_cut.sh — at 80x24: Enter on "Status page set to
# investigating" showed "action: statuspage op=create name=Elevated API
# errors status=investi", its end cut with nothing to say so, in the
# overlay that shows a step whole. The action's line wraps.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
:resize 80x24
4
<Home><Down><Down><Down><Down><Enter>
:save-screen step
'
run_console -c "$tmp/warroom.conf" -r "$top_srcdir/docs/runbooks/compose-rollback.md"

assert_screen step <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────┐
│  H┌─ STEP compose-rollback.md:14 ────────────────────────────────────────┐   │
│> a│ Status page set to investigating                                     │   │
│  a│                                                                      │   │
│  a│ ! line 17: statuspage: warroom.conf has no [statuspage] (nor [chat]) │   │
│  k│   to post to                                                         │   │
└───│                                                                      │───┘
┌─ M│ action: statuspage op=create name=Elevated API errors                │w ─┐
│ ap│   status=investigating impact=minor                                  │(4…│
│   │ x and Enter refuse this step: warroom.conf cannot do what it asks    │   │
│   │                                                                      │rr…│
│   │                                                                      │me…│
│   │                                                                      │in…│
└───│                                                                      │───┘
┌─ L│                                                                      │───┐
│ no│                                                                      │   │
│   │                                                                      │   │
│   │                                                                      │   │
└───│ Fix the step or warroom.conf: warroom runbook -c lists every one.    │───┘
 run│ Highlighted: placeholders. Esc or Enter closes.                      │
 war└──────────────────────────────────────────────────────────────────────┘
 to); warroom runbook -c lists them | config: 3 hosts without metrics (api-1:
 verdict from restarts alone; +2 more); warroom --check-config lists them
EOF
