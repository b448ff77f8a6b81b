#!/bin/sh
# test_exports_unknown.sh — a host whose /export does not answer (http-hang
# on h2) after a kill switch ran on h1 is named as unknown in the header's
# EXPORTS badge and its EXPORT cell reads ?, never left out as if off;
# it is journalled (exports.change unknown), E's prompt warns of it and
# the post-mortem's follow-ups name it; once it answers again it reads on
# like any other.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 2 --tag v1.4.1
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s/' "$fl/warroom.conf" > "$tmp/c.conf"

start 200 30 "$WARROOM -c $tmp/c.conf --incident unknown-export"
wait_re "│> h1 +api +UP +v1\\.4\\.1 .* OK " 20
wait_re "│  h2 +api +UP .* OK " 20
"$fleet" fault --dir "$fl" h2 http-hang > /dev/null || fail "fault http-hang"

keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys X
wait_for "CONFIRM KILL SWITCH"
keys -l api; keys Enter
wait_for "kill switch of api on h1 (docker compose up -d): OK" 40
wait_re "│> h1 +api +UP +v1\\.4\\.1 .* off " 10
wait_for "EXPORTS ?: h2" 10
wait_re "│  h2 +api +UP .* v1\\.4\\.1 +\\? " 10
ok "h2's /export hung: EXPORTS ?: h2, its EXPORT ?"
journal=$(ls "$fl"/timeline/unknown-export-*.jsonl)
# Journalled once an /export request has failed: the round out when the
# kill switch ran (asked no /export, hung) times out after 5 s before the
# next round asks /export, which times out 5 s later. The header's ? does
# not wait for that; the record does, so the wait is 25 s (a loaded machine).
i=0
until grep '"kind":"exports.change","host":"h2"' "$journal" | grep -q '"export":"unknown"'; do
	i=$((i + 1))
	[ "$i" -lt 250 ] || { cut -c1-200 "$journal"; fail "h2's unknown exports not journalled"; }
	sleep 0.1
done
keys E
wait_footer_re "h2: exports not known \\(no answer from /export since [0-9:]+ UTC\\): type resolve to resolve anyway" 5
keys Escape
ok "E warns: h2: exports not known (no answer from /export since …)"
"$WARROOM" export "$(basename "$journal" .jsonl)" -c "$tmp/c.conf" --format md > "$tmp/pm.md" ||
	fail "export md"
grep -q "^- h2: exports not known (no answer from /export since [0-9-]* [0-9:]*): check whether it still exports$" "$tmp/pm.md" ||
	{ grep -A5 "Containment" "$tmp/pm.md"; fail "the post-mortem does not name h2's unknown exports"; }
ok "the post-mortem's follow-ups name h2's unknown exports"

"$fleet" fault --dir "$fl" h2 clear http-hang > /dev/null || fail "clear http-hang"
keys C-r
wait_for "EXPORTS ON: h2" 30
assert_not_contains "$tmp/screen" "?: h2"
ok "h2 answers again: EXPORTS ON: h2"
quit_console
