#!/bin/sh
# test_keys.sh — keys that must not act: a bracketed paste with no prompt
# open runs none of its letters (z, ?, o, n, e) and says so; pasted into a
# prompt it is text, its newline a space, never an Enter; on a screen too
# small to show the prompt, typing and Enter change nothing and growing
# back shows it as it was, while Esc still cancels it; Ctrl-C cancels a
# prompt like Esc and quits from the main screen; every unbound key, F2,
# F5, F10, F12 and Insert too, says so.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
<PasteStart>z?o<Enter>n<Enter>e<Enter><PasteEnd>
:save-screen pasted-nowhere
/
<PasteStart>ERROR<Enter>WARN<Enter><PasteEnd>
:save-screen pasted-prompt
:resize 60x20
x<Enter>
:resize 80x24
:save-screen small-kept
:resize 60x20
o<Enter>
<Esc>
:resize 80x24
:save-screen small-esc
/abc<C-c>
:save-screen ctrl-c-prompt
<F2>
:save-screen f2
<F5>
:save-screen f5
<F10>
:save-screen f10
<F12>
:save-screen f12
<Insert>
:save-screen insert
<C-c>
:save-screen after-quit
'
run_console -c "$tmp/warroom.conf"

# The paste ran none of its keys: no zoom, no help, no note prompt.
assert_screen pasted-nowhere <<'EOF'
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
 paste ignored: no prompt open
EOF

# The other screens differ from that one only in their last line.
# like_pasted_nowhere NAME LAST — screen NAME is pasted-nowhere but for
# its last line, LAST.
like_pasted_nowhere() {
	{ sed '$d' "$tmp/pasted-nowhere.expected"; printf '%s\n' "$2"; } | assert_screen "$1"
}
like_pasted_nowhere pasted-prompt ' filter /ERROR WARN                                     Enter sets, Esc keeps'
# Too small to show the prompt: nothing typed reached it.
like_pasted_nowhere small-kept ' filter /ERROR WARN                                     Enter sets, Esc keeps'
like_pasted_nowhere small-esc ' filter unchanged'

tail -1 "$tmp/ctrl-c-prompt" | grep -qx ' filter unchanged' || fail "C-c did not cancel the prompt like Esc"
ok "C-c in a prompt cancels it, like Esc, and the console stays"
for k in F2 F5 F10 F12 Insert; do
	tail -1 "$tmp/$(echo "$k" | tr 'A-Z' 'a-z')" |
		grep -qx " $k is not bound to anything; ? shows every key" ||
		fail "$k is not said to be unbound"
done
ok "F2, F5, F10, F12 and Insert say they are not bound"
[ ! -f "$tmp/after-quit" ] || fail "C-c on the main screen did not quit"
ok "C-c on the main screen quits"
