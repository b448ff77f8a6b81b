#!/bin/sh
# test_migrate_down.sh — M (alembic downgrade -1) only when the schema is
# ahead of the release, proven on the fleet's commands.log and the
# journal: with /readyz saying migrations_current true it is refused
# before any dialog, the reason in the footer and an action.refused
# record; after a rollback (migrations_current false) HOSTS shows READY
# "200 mig!" (a warning, as the rollback's outcome says it), the dialog
# says so and the downgrade runs once; a second M is refused again; when /readyz
# does not say (an HTML page answering for it), the dialog warns.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
log=$fl/hosts/h1/commands.log
downgrades() { grep -c '"alembic","downgrade","-1"' "$log" 2> /dev/null || true; }
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 2s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"
# journal_has N KIND-REGEX — until the journal holds N records matching it.
journal_has() {
	i=0
	while [ "$i" -lt 200 ]; do
		[ "$(grep -c -- "$2" "$fl"/timeline/schema-*.jsonl 2> /dev/null || true)" -ge "$1" ] &&
			return 0
		sleep 0.05
		i=$((i + 1))
	done
	grep -h -- "action\." "$fl"/timeline/schema-*.jsonl
	fail "the journal never held $1 of /$2/"
}
# readiness WORD — until the selected row's readiness column says WORD.
readiness() { wait_re "│> h1 +api +UP +v1\\.[0-9.a-z-]+ .* $1 " 20; }
# m_known N — M until /readyz's word decides: an answer to a probe sent
# before the last action ended says nothing (the dialog warns; Esc), and
# the round after it comes a moment later. Then the dialog is open, or
# the journal holds N refusals.
m_known() {
	for try in 1 2 3 4 5 6 7 8 9 10; do
		keys M
		i=0
		while [ "$i" -lt 100 ]; do
			[ "$(grep -c '"kind":"action.refused"' "$fl"/timeline/schema-*.jsonl)" -ge "$1" ] &&
				return 0
			capture
			# The dialog's last line: its body is drawn by then.
			grep -qF "press Enter to downgrade" "$tmp/screen" && break
			sleep 0.05
			i=$((i + 1))
		done
		grep -qF "Readiness does not say" "$tmp/screen" || return 0
		keys Escape
		wait_for "CANCELLED"
		sleep 1
	done
	fail "/readyz's word never decided M"
}

start 200 50 "$WARROOM -c $tmp/c.conf --incident schema"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
readiness OK
m_known 1
journal_has 1 '"kind":"action.refused".*migrations_current true'
wait_for "migration downgrade refused: /readyz on h1 says migrations_current true: the schema matches the release api runs"
assert_not_contains "$tmp/screen" "CONFIRM MIGRATION DOWNGRADE"
[ "$(downgrades)" = 0 ] || fail "a refused downgrade ran"
ok "schema current: M refused before any dialog, the reason said and journalled"

keys r
wait_for "CONFIRM ROLLBACK"
keys -l api; keys Enter
journal_has 1 '"kind":"action.end".*"outcome":"ok"'
# Ready with the schema ahead: a warning in HOSTS, in the outcome's words.
journal_has 1 '"kind":"action.end".*answers 200 but migrations not current: the schema is ahead of this release'
readiness "200 mig!"
journal_has 1 '"kind":"health.change".*"readyz":"OK","schema_ahead":true'
m_known 99
wait_for "/readyz says migrations_current false: the schema is ahead of the release api runs"
assert_not_contains "$tmp/screen" "does not say whether"
keys -l api; keys Enter
journal_has 2 '"kind":"action.end".*"outcome":"ok"'
[ "$(downgrades)" = 1 ] || fail "the downgrade did not run once"
ok "after a rollback the dialog gives /readyz's migrations_current false as the reason; it runs once"

readiness OK
m_known 2
journal_has 2 '"kind":"action.refused".*migrations_current true'
[ "$(downgrades)" = 1 ] || fail "a second downgrade ran"
ok "a second M is refused: the schema is current again"

"$fleet" fault --dir "$fl" h1 http-html > /dev/null
readiness UNKNOWN
keys M
wait_for "CONFIRM MIGRATION DOWNGRADE"
wait_for "Readiness does not say whether the schema is"
keys Escape
wait_for "CANCELLED"
[ "$(downgrades)" = 1 ] || fail "a cancelled downgrade ran"
ok "readiness that does not say: the dialog warns"
keys q
wait_for "exit=0"
