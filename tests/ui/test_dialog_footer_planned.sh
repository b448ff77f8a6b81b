#!/bin/sh
# test_dialog_footer_planned.sh — a dialog whose plan is read first (r, X)
# asked for while an outcome is still unread (its first 3 s): while the
# plan is read the footer says so beside the outcome; once the dialog is
# open those words are gone at once (they stood there until a key), the
# outcome stays until it is read, and the next key shows the dialog's keys.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --demo

# dialog_footer WHAT WORDS KEYS_TEXT LETTER — the dialog is open: WORDS
# (said while its plan was read) no longer in the footer; after LETTER,
# the first of the word to type, the footer shows its keys.
dialog_footer() {
	capture
	footer_text | grep -qF -- "$2" &&
		fail "$1: the footer still says the plan is read under the open dialog: $(footer_text)"
	keys -l "$4"
	wait_footer_re "$3" 5
	ok "$1: the footer follows the open dialog"
}

start 100 30 "$WARROOM -c $fl/warroom.conf --incident 'planned footer'"
wait_re "│>[ !]api-1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:"
keys 1 Home r
wait_for "type api and press Enter" 15
keys -l api; keys Enter
wait_for "rollback of api on api-1 (docker compose up -d): OK" 60
# At once, while that outcome is unread (a glance is 3 s).
keys Down r
wait_for "CONFIRM ROLLBACK" 15
dialog_footer "r" "planning the rollback" "Enter confirms once jobs is typed +Esc cancel" j
keys -l obs; keys Enter
wait_for "rollback of jobs on api-1 (docker compose up -d): OK" 60
keys X
wait_for "CONFIRM KILL SWITCH" 15
dialog_footer "X" "kill switch: reading" "Enter confirms once api is typed +Esc cancel" a
