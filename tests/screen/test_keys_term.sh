#!/bin/sh
# test_keys_term.sh — what a terminal sends that curses did not know is
# read whole, one key (:term): the keypad's SS3 codes are the characters
# they show (KP1 focuses HOSTS, never Esc, O and q quitting) and Enter;
# ESC [ Z is Shift-Tab; C-Up, Alt-r and an unknown sequence are each one
# unbound key with a readable name, said once; in a prompt Home and End
# move, Alt-b and Alt-Backspace edit by word, and unknown sequences and
# Alt keys leave the prompt open with its text. A paste longer than a
# prompt holds says where it was cut, and the filter's message marks
# the pattern it shows as cut. (The start-up words on hosts without
# metrics are let time out first, so the footer shows the keys.)
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
3
:sleep 10
:term \eOq
:save-screen kp1
:term \e[Z
:save-screen shift-tab
1
:term \e[1;5A
:save-screen ctrl-up
:term \er
:save-screen alt-r
:term \e[9X
:save-screen unknown
/abc
:term \e[1~
x
:term \e[4~
y
:term \e[1;5A\ez\e[9X\eOB
:save-screen prompt-kept
:term \eOM
:save-screen kp-enter
1
F
roll back api now
:term \eb\e\x7f
X
:save-screen word-keys
<Esc>
/
<PasteStart>BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBZZZEND<PasteEnd>
:save-screen paste-cut
<Enter>
:save-screen long-filter
'
run_console -c "$tmp/warroom.conf"

# footer NAME TEXT — the saved screen NAME's last line is TEXT.
footer() {
	got=$(tail -n 1 "$tmp/$1" | sed 's/ *$//')
	[ "$got" = "$2" ] || fail "screen $1's footer: got '$got', want '$2'"
	ok "screen $1: $2"
}
# focused NAME PANE — the saved screen NAME has PANE focused.
focused() {
	grep -qF "─ ▶ $2 " "$tmp/$1" || { cat "$tmp/$1"; fail "screen $1: $2 is not focused"; }
}

focused kp1 HOSTS
footer kp1 " r roll back  B all hosts  X kill switch  A arm  Tab pane  ? help  q quit"
ok "KP1 (ESC O q) is 1: HOSTS focused, nothing quit"
focused shift-tab TIMELINE
ok "ESC [ Z is Shift-Tab"
focused ctrl-up HOSTS
footer ctrl-up " C-Up is not bound to anything; ? shows every key"
footer alt-r " M-r is not bound to anything; ? shows every key"
footer unknown " unknown key ESC [9X is not bound to anything; ? shows every key"
footer prompt-kept " filter /xabcy                                          Enter sets, Esc keeps"
footer kp-enter " LOGS filtered by /xabcy/, any case"
footer word-keys " HOSTS: rows whose host, service, address or tag has: roll back Xnow"
footer paste-cut " filter /BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB  paste cut at 1018 characters"
# The message wraps onto the rows above the footer.
grep -qF "BBBB…/ (1023" "$tmp/long-filter" ||
	{ cat "$tmp/long-filter"; fail "the long filter's message has no … where it is cut"; }
grep -qF "characters, the first 120 shown), case-sensitive" "$tmp/long-filter" ||
	{ cat "$tmp/long-filter"; fail "the long filter's message does not say it is cut"; }
ok "a long filter's message marks where its pattern is cut"
