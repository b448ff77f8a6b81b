#!/bin/sh
# test_rollback_fleet_one.sh — B on a service only its own host runs at
# the bad tag: its dialog has no hosts to come in its title, and read as
# r's. It says what it is and how far it reaches: the fleet rollback, the
# only compose host running the tag; with more, which of them this is.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 3 --tag v1.5.0-bad
"$fleet" set-tag --dir "$fl" h2 api v1.4.1 > /dev/null
"$fleet" set-tag --dir "$fl" h3 api v1.4.1 > /dev/null

start 200 50 "$WARROOM -c $fl/warroom.conf --incident fleet-one"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
wait_re "h3 +api +UP +v1\\.4\\.1" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys B
wait_for "type api and press Enter" 15
assert_contains "$tmp/screen" "fleet rollback of api at v1.5.0-bad: h1 is the only compose host running it"
assert_not_contains "$tmp/screen" "— then"
ok "B's dialog for one host says it is the fleet rollback, and h1 the only host on the tag"
keys Escape
wait_gone "type api and press Enter" 10

"$fleet" set-tag --dir "$fl" h3 api v1.5.0-bad > /dev/null
wait_re "h3 +api +UP +v1\\.5\\.0-bad" 15
keys B
wait_for "type api and press Enter" 15
assert_contains "$tmp/screen" "fleet rollback of api at v1.5.0-bad: h1 is host 1 of 2 compose hosts running it"
assert_contains "$tmp/screen" "— then h3, each confirmed like this one"
ok "with another host on the tag, it says which of them this one is"
keys Escape
wait_gone "type api and press Enter" 10
quit_console
