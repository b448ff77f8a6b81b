#!/bin/sh
# test_resolve_page_open.sh — E while the public incident still says
# monitoring: the prompt says so and what to do (S resolved first, or it
# stays public); resolved anyway, the footer says the page still says
# monitoring and how to post resolved now (arm again, for posts only, then
# S resolved), which then goes out. Before, E said nothing of the page, and S
# was refused with no word of why.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1
req=$fl/statuspage/requests.jsonl
start 200 50 "$WARROOM -c $fl/warroom.conf --incident pageopen"
wait_re "│> h1 +api +UP" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
post_status monitoring
wait_for "statuspage.post delivered: create — monitoring" 15
keys Escape
keys E
wait_for "the status page still says monitoring: S resolved first, or it stays public; type resolve to mark the incident resolved:"
ok "E's prompt says the page still says monitoring and what to do"
keys -l resolve; keys Enter
wait_for "incident resolved and the console disarmed; the status page still says monitoring: A arms again (for posts only: no host can change now), then S resolved; e exports the post-mortem"
ok "resolved: the footer says how to post resolved now"
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
post_status resolved
wait_for "statuspage.post delivered: resolve — resolved" 15
grep -q '"resolved"' "$req" || fail "no resolved post reached the page"
quit_console
ok "armed again on the resolved incident, S resolved goes out"
