#!/bin/sh
# test_hosts_trust.sh — K against known_hosts files as people keep them:
# a file whose last line has no newline keeps that line whole (the entry
# starts a line of its own, found again before K says so), the entry is
# hashed when ssh_config says HashKnownHosts yes, a mistyped name keeps
# the question open (the keys typed next are typed into it, never run),
# and a key marked @revoked is refused loudly and never offered to K.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"

fleet_up --hosts 2
p1=$("$fleet" get --dir "$fl" h1 ssh_port)
p2=$("$fleet" get --dir "$fl" h2 ssh_port)
line1=$(grep "^\[127.0.0.1\]:$p1 " "$fl/known_hosts")
printf '%s' "$line1" > "$tmp/kh"
printf 'HashKnownHosts yes\n' > "$tmp/ssh_config"
sed "s|^known_hosts = .*|known_hosts = $tmp/kh\nssh_config = $tmp/ssh_config|" \
	"$fl/warroom.conf" > "$tmp/trust.conf"

start 100 30 "$WARROOM -c $tmp/trust.conf --incident trust"
# A console's first reading of a host waits on its SSH connection (the
# connect deadline is 10 s): 15 s, as elsewhere, not the default 5.
wait_re "h1 +api +UP" 15
wait_re "h2 +jobs +UNTRUSTED"
keys End K
wait_for "TRUST THIS HOST KEY?"
assert_contains "$tmp/screen" "as [127.0.0.1]:$p2, hashed (HashKnownHosts"
keys -l h1
keys Enter
wait_for "not trusted: you typed 'h1', not 'h2'"
assert_contains "$tmp/screen" "trust this key? type h2: h1"
# Once, a closed question let an e typed next export a post-mortem.
keys -l e
wait_for "trust this key? type h2: h1e"
assert_contains "$tmp/screen" "TRUST THIS HOST KEY?"
ok "a mistyped name keeps the question open with why; the next keys are typed into it"

keys C-u
keys -l h2
keys Enter
wait_for "h2's key trusted, added to $tmp/kh and read back from it"
wait_re "h2 +jobs +UP" 10
ls "$fl"/timeline/*.md > /dev/null 2>&1 && fail "a post-mortem was exported"
[ "$(wc -l < "$tmp/kh")" = 2 ] || { cat -A "$tmp/kh"; fail "not two lines in $tmp/kh"; }
[ "$(sed -n 1p "$tmp/kh")" = "$line1" ] || { cat -A "$tmp/kh"; fail "h1's line changed"; }
sed -n 2p "$tmp/kh" | grep -q '^|1|[^ ]* ssh-ed25519 ' || { cat "$tmp/kh"; fail "h2's name is not hashed"; }
ssh-keygen -F "[127.0.0.1]:$p2" -f "$tmp/kh" | grep -q "found: line 2" ||
	fail "ssh-keygen does not find h2's entry"
ssh -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile="$tmp/kh" \
	-o GlobalKnownHostsFile=/dev/null -i "$fl/client_key" -p "$p1" "$(id -un)@127.0.0.1" true ||
	fail "ssh no longer trusts h1 with $tmp/kh"
keys q
wait_for "exit=0"
ok "a file with no final newline: the entry on a line of its own, hashed; h1's line still works for ssh"

# A key marked @revoked, with "*": refused loudly, journalled, never asked.
echo "@revoked * $(echo "$line1" | cut -d' ' -f2,3)" >> "$tmp/kh"
start 100 30 "$WARROOM -c $tmp/trust.conf --incident trust"
wait_re "h1 +api +REVOKED" 15
keys z
wait_for "h1: REVOKED HOST KEY — marked @revoked in $tmp/kh:3; nothing is sent to it,"
assert_contains "$tmp/screen" "and K never trusts it"
keys K
wait_for "h1's host key ssh-ed25519 SHA256:"
assert_contains "$tmp/screen" "kh:3: it is never trusted"
assert_not_contains "$tmp/screen" "TRUST THIS HOST KEY?"
grep -q '"kind":"hostkey.revoked"' "$fl"/timeline/trust-*.jsonl || fail "hostkey.revoked is not journalled"
keys q
wait_for "exit=0"
ok "a key marked @revoked: refused with its file and line, journalled, and K never asks"
