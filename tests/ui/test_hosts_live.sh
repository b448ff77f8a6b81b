#!/bin/sh
# test_hosts_live.sh — the console against the fixture fleet: hosts come
# UP in HOSTS; a stopped sshd shows DOWN with how long, the reason and
# when it is tried again under the table (o then orders it first; with
# tunnel = false its probes stay current meanwhile; at 80x24 its tag and
# verdict stay in sight beside "DOWN 12s", AGE from 100x30), then
# UP again by itself; an unknown
# host key shows UNTRUSTED with its fingerprint, and nothing is run on that
# host; K trusts an unknown
# key after the host's name is typed (the whole fingerprint in a box while
# it asks, at 80x24 too) (written to the config's known_hosts),
# never a changed key, and never in read-only mode; without a known_hosts
# in [warroom] K refuses at once, and ADDRESS shows where ssh_config
# sends an alias. A changed key is journalled once with both
# fingerprints, counted in the title ("1 KEY CHANGED") and badged in the
# header, the footer names the exact ssh-keygen -R, and once the
# old line is gone K reads known_hosts again and trusts the new key, its
# dialog saying which key it replaced. CONN reads KEY CHG for a changed
# key. C-r connects to an UNTRUSTED host again: the key offered then is
# shown, and once the server offers the known key again the host comes UP
# by itself (a changed key is retried on the backoff).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"

fleet_up --hosts 2

# h2's HTTP goes direct (tunnel = false), so its probes go on while its
# SSH connection is down.
sed '/^\[host "h2"\]$/a tunnel = false' "$fl/warroom.conf" > "$tmp/live.conf"
start 100 30 "$WARROOM -c $tmp/live.conf --incident live"
# A console's first reading of a host waits on its SSH connection (the
# connect deadline is 10 s): 15 s, as elsewhere, not the default 5.
wait_re "h2 +jobs +UP" 15
wait_re "h1 +api +UP"
# h2's tag is read before its sshd goes: the dim check below needs it.
wait_re "h2 +api +UP +v1\.4\.1 "
ok "hosts come UP"

"$fleet" fault --dir "$fl" h2 sshd-stop > /dev/null
keys Down Down
wait_re "h2 +api +DOWN [0-9]+s"
wait_re "h2 \(retry in [0-9]+s\): connect to 127\.0\.0\.1:"
ok "a stopped sshd shows DOWN with how long, the reason and when it is tried again"

# At 80x24 HOSTS spans the width: a DOWN host's row keeps CONN in fewer
# words, its tag, its verdict and the age of its last reading, what says
# how old its values are; at 100x30 too.
resize 80 24
wait_re "HOST +SERVICE +CONN +TAG +VERDICT .*AGE"
wait_re "h2 +api +DOWN [0-9]+[smh] +v1\\.4\\.1 +[A-Z].* [0-9]+[smh] *│"
resize 100 30
wait_re "HOST +SERVICE +CONN .*AGE"
wait_re "h2 +api +DOWN [0-9][0-9hms]* .* [0-9]+[smh]( +compose)? *│"
ok "at 80x24 and 100x30 a DOWN host keeps its tag, verdict and AGE in sight"

# Its tag (read over SSH) is the last reading, dim; its HEALTH, probed
# direct, is current and not dim (read off the row unselected); METRICS
# does not blame the connection.
assert_not_contains "$tmp/screen" "no scrapes while h2"
keys Up
wait_re "> h1 +jobs"
tmx capture-pane -e -p -t t > "$tmp/attrs"
esc=$(printf '\033')
dim="$esc\[([0-9;]*;)?2(;[0-9;]*)?m"
grep "h2 .*api" "$tmp/attrs" | grep -qE "${dim}v1\.4\.1" ||
	{ grep "h2 .*api" "$tmp/attrs" | cat -v; fail "h2's last tag is not dim"; }
! grep "h2 .*api" "$tmp/attrs" | grep -qE "${dim}OK" ||
	{ grep "h2 .*api" "$tmp/attrs" | cat -v; fail "h2's direct HEALTH is drawn as a last reading"; }
keys Down
wait_re "> h2 +api"
ok "tunnel = false: probes and scrapes stay current while SSH is down"

# o orders rows worst first: the DOWN host's rows move above h1's, and the
# selection stays on the row it was on.
keys o
wait_for "HOSTS by health"
first() { grep -n -m1 -E -- "$1" "$tmp/screen" | cut -d: -f1; }
[ "$(first "h2 +api +DOWN")" -lt "$(first "h1 +api +UP")" ] ||
	fail "health order does not put the DOWN host first"
grep -qE -- "> h2 +api +DOWN" "$tmp/screen" || fail "the selection left the h2 api row"
keys o o
wait_for "HOSTS in config order"
[ "$(first "h1 +api +UP")" -lt "$(first "h2 +api +DOWN")" ] ||
	fail "config order is not restored"
ok "o orders HOSTS by health, worst first, and back"

"$fleet" fault --dir "$fl" h2 sshd-start > /dev/null
wait_re "h2 +api +UP" 15
ok "the host comes back UP by itself"
keys q
wait_for "exit=0"

# Unknown host key: an empty known_hosts and no ~/.ssh.
: > "$tmp/empty"
sed "s|^known_hosts = .*|known_hosts = $tmp/empty|" "$fl/warroom.conf" > "$tmp/unknown.conf"
# Commands started, not lines: the last console's loop on h1 may still log
# its end.
started() { cat "$fl/hosts/h1/commands.log" 2> /dev/null | grep -c '"event": *"start"'; }
before=$(started)
start 120 30 "$WARROOM -c $tmp/unknown.conf"
wait_re "h1 +api +UNTRUSTED" 15
fp=$(known_fingerprint "$fl/known_hosts" "$("$fleet" get --dir "$fl" h1 ssh_port)")
[ -n "$fp" ] || fail "no fingerprint for h1 in $fl/known_hosts"
wait_for "h1: UNKNOWN HOST KEY — nothing is sent to it"
assert_contains "$tmp/screen" "ssh-ed25519 $fp"
after=$(started)
[ "$before" = "$after" ] || fail "a command reached an untrusted host"
ok "unknown host key: UNTRUSTED with the fingerprint, nothing sent"

keys K
wait_for "trust this key? type h1:"
keys -l "h2"
keys Enter
wait_for "not trusted: you typed 'h2', not 'h1'"
keys Escape
wait_for "key not trusted"
# At 80x24 the HOSTS pane cuts the fingerprint: while K asks, a box above
# the footer shows it whole, on a line of its own.
resize 80 24
keys K
wait_for "TRUST THIS HOST KEY?"
assert_contains "$tmp/screen" "$fp"
assert_contains "$tmp/screen" "ssh-ed25519"
keys Escape
resize 120 30
ok "at 80x24 the trust prompt shows the whole fingerprint"
keys K
keys -l "h1"
keys Enter
wait_for "h1's key trusted"
wait_re "h1 +api +UP"
grep -qE -- "h2 +api +UNTRUSTED" "$tmp/screen" || fail "h2 is no longer UNTRUSTED"
# Hashed or not as ssh_config says (Debian's says HashKnownHosts yes).
ssh-keygen -F "[127.0.0.1]:$("$fleet" get --dir "$fl" h1 ssh_port)" -f "$tmp/empty" |
	grep -q " ssh-ed25519 " || fail "the trusted key is not in the config's known_hosts"
keys q
wait_for "exit=0"
ok "K trusts an unknown key once the host's name is typed; it is written to known_hosts"

start 120 30 "$WARROOM -c $tmp/unknown.conf --read-only"
wait_re "h2 +api +UNTRUSTED" 15
keys Down Down K
wait_for "refused: read-only mode trusts no host keys: check the fingerprint and add it"
keys q
wait_for "exit=0"
ok "no trusting in read-only mode"

# No known_hosts in [warroom]: K cannot save a trust, so it is not offered.
# h1 is an alias that ssh_config resolves; its known_hosts is empty.
p1=$("$fleet" get --dir "$fl" h1 ssh_port)
: > "$tmp/alias_known_hosts"
printf 'Host h1\n  HostName 127.0.0.1\n  Port %s\n  User %s\n  UserKnownHostsFile %s\n' \
	"$p1" "$(id -un)" "$tmp/alias_known_hosts" > "$tmp/alias_ssh_config"
printf '[warroom]\ntimeline_dir = %s\nssh_config = %s\n[host "h1"]\nidentity_file = %s\ncompose_dir = %s\nservices = api\n' \
	"$tmp/tl" "$tmp/alias_ssh_config" "$fl/client_key" "$("$fleet" get --dir "$fl" h1 compose_dir)" \
	> "$tmp/nokh.conf"
start 120 30 "$WARROOM -c $tmp/nokh.conf"
wait_re "h1 +api +UNTRUSTED" 15
keys z
wait_for "h1: UNKNOWN HOST KEY — nothing is sent to it (K cannot trust it: no known_hosts in [warroom])"
wait_re "h1 +api +UNTRUSTED .* $(id -un)@127\.0\.0\.1:$p1 "
keys K
wait_for "h1: K cannot trust a key here: no known_hosts file is named in [warroom]"
assert_not_contains "$tmp/screen" "trust this key?"
keys q
wait_for "exit=0"
ok "no known_hosts in [warroom]: K refuses with the fix; ADDRESS is where ssh_config sends h1"

# A changed key: journalled once (both keys), never trusted; after
# ssh-keygen -R, K reads known_hosts again and trusts the new key.
"$fleet" fault --dir "$fl" h1 rotate-hostkey ecdsa > /dev/null
start 120 30 "$WARROOM -c $tmp/unknown.conf --incident keys"
# CONN tells a changed key from an unknown one (h2's).
wait_re "h1 +api +KEY CHG" 15
wait_re "h2 +api +UNTRUSTED"
# METRICS names what HOSTS does: K alone is refused for a changed key.
wait_for "h1: HOST KEY CHANGED; if the new key is right: ssh-keygen -R"
keys z
wait_for "h1: HOST KEY CHANGED — nothing is sent to it; if the new key is right: ssh-keygen -R '[127.0.0.1]:$p1' -f"
assert_contains "$tmp/screen" "$tmp/empty, then K"
assert_contains "$tmp/screen" "known_hosts has ssh-ed25519"
assert_contains "$tmp/screen" "$fp"
# Neither DOWN nor read: counted in the title and badged in the header.
assert_contains "$tmp/screen" "HOSTS 1 KEY CHANGED, 1 untrusted of 2 hosts"
assert_contains "$tmp/screen" " KEY CHANGED: h1 "
keys K
wait_for "a CHANGED host key is never trusted from here"
# C-r connects again (the same key offered: journalled once still).
keys C-r
wait_for "more connecting again"
wait_re "h1 +api +KEY CHG"
keys K
wait_for "a CHANGED host key is never trusted from here"
journal=$(ls "$fl"/timeline/keys-*.jsonl)
[ "$(grep -c '"kind":"hostkey.changed"' "$journal")" = 1 ] || fail "hostkey.changed is not recorded once"
grep '"kind":"hostkey.changed"' "$journal" | grep -F "\"old_fingerprint\":\"$fp\"" |
	grep -F '"keytype":"ecdsa-sha2-nistp256","fingerprint":"SHA256:' | grep -qF "\"known_hosts\":\"$tmp/empty\"" ||
	{ grep hostkey "$journal"; fail "hostkey.changed lacks a fingerprint or the file"; }
ssh-keygen -R "[127.0.0.1]:$p1" -f "$tmp/empty" > /dev/null 2>&1
keys K
wait_for "TRUST THIS HOST KEY?"
# Not "nothing here has seen before": this console refused it as CHANGED.
assert_contains "$tmp/screen" "this key replaced $fp (refused as HOST KEY"
assert_contains "$tmp/screen" "confirm the rotation was intended; the key it offers:"
assert_not_contains "$tmp/screen" "nothing here has seen before"
keys -l "h1"
keys Enter
wait_re "h1 +api +UP"
grep -q '"kind":"hostkey.trust"' "$journal" || fail "the trust is not journalled"
keys q
wait_for "exit=0"
ok "a changed key: journalled once with both keys, the exact ssh-keygen -R; K trusts it once the old line is gone"

# C-r connects to an UNTRUSTED host again: rotated once more, the key it
# offers now is the one shown. Restored to the one in known_hosts, it
# comes UP by itself: a changed key is retried on the backoff (capped at
# 4 s here), each try checking the key first.
sed '/^\[warroom\]$/a reconnect_max_interval = 4' "$fl/warroom.conf" > "$tmp/back.conf"
start 120 30 "$WARROOM -c $tmp/back.conf"
wait_re "h1 +api +KEY CHG" 15
"$fleet" fault --dir "$fl" h1 rotate-hostkey ecdsa > /dev/null
fp2=$(ssh-keygen -lf "$fl/hosts/h1/hostkey.pub" | awk '{ print $2 }')
[ -n "$fp2" ] || fail "no fingerprint for h1's rotated key"
keys C-r
wait_for "more connecting again"
wait_re "h1 +api +KEY CHG"
keys K
wait_for "offered $fp2"
"$fleet" fault --dir "$fl" h1 restore-hostkey > /dev/null
wait_re "h1 +api +UP" 12
assert_not_contains "$tmp/screen" "KEY CHANGED: h1"
keys q
wait_for "exit=0"
ok "a changed key: a new key is shown after C-r; the restored one comes UP without C-r"

