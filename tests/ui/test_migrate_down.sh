#!/bin/sh
# test_migrate_down.sh — M (alembic downgrade -1) only when the schema is
# ahead of the release, proven on the fleet's commands.log and the
# journal: with /readyz saying the migrations are current it is refused
# before any dialog, the reason in the footer and an action.refused
# record; after a rollback (/readyz's revisions: database 0042, release
# 0041) HOSTS shows READY "200 ahead!", its title counts "1 schema
# ahead" and the header says SCHEMA AHEAD (a warning, as the rollback's outcome says it), the dialog says
# so, names the revisions ("0042 -> 0041") and takes "downgrade api", not
# the name every rollback asks for; the downgrade runs once; a
# second M is refused again; with the newer release back over that
# schema (database 0041, release 0042: where data is lost) HOSTS shows
# "200 behind!" and M is refused, saying what to do instead; when /readyz
# does not say (an HTML page answering for it), the dialog warns in the
# warning colour, and the downgrade is refused when /readyz, asked again
# right before it runs, says the schema is behind.
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
		grep -qF "/readyz does not say whether the schema" "$tmp/screen" || return 0
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
journal_has 1 '"kind":"action.refused".*says the migrations are current'
wait_for "migration downgrade refused: /readyz on h1 says the migrations are current: the schema matches the release api runs"
assert_not_contains "$tmp/screen" "CONFIRM MIGRATION DOWNGRADE"
[ "$(downgrades)" = 0 ] || fail "a refused downgrade ran"
ok "schema current: M refused before any dialog, the reason said and journalled"

keys r
wait_for "CONFIRM ROLLBACK"
keys -l api; keys Enter
journal_has 1 '"kind":"action.end".*"outcome":"ok"'
# Ready with the schema ahead: a warning in HOSTS, in the outcome's words.
journal_has 1 '"kind":"action.end".*answers 200 but migrations not current: the schema is ahead of this release (database 0042, release expects 0041)'
readiness "200 ahead!"
journal_has 1 '"kind":"health.change".*"readyz":"OK","schema_ahead":true,"schema":"ahead","schema_database":"0042","schema_expected":"0041"'
wait_re "HOSTS (1 on a bad release, )?1 schema ahead of 1 host"
# The header says it too, wherever HOSTS is scrolled.
wait_re "^ warroom .*(SCHEMA AHEAD: h1|AHEAD: 1) " 5
m_known 99
wait_for "/readyz says the schema is ahead of the release api runs (as after a rollback): database 0042, release expects 0041"
wait_for 'type "downgrade api" and press Enter to downgrade api on h1'
wait_for "0042 -> 0041"
assert_not_contains "$tmp/screen" "does not say whether"
# The rollback's word, typed from habit, does not run it.
keys -l api; keys Enter
wait_for 'type "downgrade api" to confirm, or Esc to cancel'
assert_contains "$tmp/screen" "CONFIRM MIGRATION DOWNGRADE"
[ "$(downgrades)" = 0 ] || fail "the service's name alone ran the downgrade"
keys C-u; keys -l "downgrade api"; keys Enter
journal_has 2 '"kind":"action.end".*"outcome":"ok"'
[ "$(downgrades)" = 1 ] || fail "the downgrade did not run once"
ok "after a rollback the title and the header count the schema ahead, the dialog names the revisions, takes \"downgrade api\" only; it runs once"

readiness OK
m_known 2
journal_has 2 '"kind":"action.refused".*says the migrations are current'
[ "$(downgrades)" = 1 ] || fail "a second downgrade ran"
ok "a second M is refused: the schema is current again"

# The newer release back over the downgraded schema, as a runbook's plain
# `up -d` would bring it back: the schema is behind it.
"$fleet" ssh --dir "$fl" h1 "cd $fl/hosts/h1/app && IMAGE_TAG=v1.5.0-bad docker compose --env-file .env -f docker-compose.yml up -d api" > /dev/null 2>&1 ||
	fail "could not bring v1.5.0-bad back"
readiness "200 behind!"
journal_has 1 '"kind":"health.change".*"schema_ahead":false,"schema":"behind","schema_database":"0041","schema_expected":"0042"'
m_known 3
journal_has 1 '"kind":"action.refused".*says the schema is behind the release api runs: a downgrade would drop a migration that release needs'
wait_for "migration downgrade refused: /readyz on h1 says the schema is behind the release api runs"
[ "$(downgrades)" = 1 ] || fail "a downgrade ran on a schema behind its release"
ok "the schema behind the release: M refused, saying why and what to do instead"

"$fleet" fault --dir "$fl" h1 http-html > /dev/null
readiness UNKNOWN
keys M
wait_for "CONFIRM MIGRATION DOWNGRADE"
wait_for "/readyz does not say whether the schema is ahead of the release api runs or behind it"
# Asked again right before running, /readyz says behind: nothing runs.
"$fleet" fault --dir "$fl" h1 clear http-html > /dev/null
keys -l "downgrade api"; keys Enter
wait_for "/readyz now says the schema is behind the release api runs" 10
journal_has 1 '"kind":"action.stale".*now says the schema is behind'
[ "$(grep -c '"kind":"action.intent".*compose.migrate_down' "$fl"/timeline/schema-*.jsonl)" = 1 ] ||
	fail "an intent was stored for the refused downgrade"
[ "$(downgrades)" = 1 ] || fail "a downgrade confirmed on an unknown schema ran on one behind"
ok "readiness that does not say: the dialog warns; /readyz asked again before running refuses a schema behind"
quit_console
