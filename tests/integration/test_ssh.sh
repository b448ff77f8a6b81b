#!/bin/sh
# test_ssh.sh — the SSH pool's connections against the fixture fleet (real
# sshd on loopback): hosts come UP and run commands with their exit
# status; an unknown or rotated host key leaves the host UNTRUSTED with
# nothing run (a rotated one with the old key and its file); a ProxyJump
# hop's refusal in ssh's words with the ssh that accepts it by hand, its
# key in the config's known_hosts known to ssh too, its changed key
# UNTRUSTED; a broken
# ssh_config DOWN in ssh's words; HostKeyAlias; a missing IdentityFile
# named; agent and key-file auth work, a wrong key, an RSA key, a public
# key, a text file and a key others can read fail with a clear reason; a
# command's timeout is said when it passes; a stopped sshd makes the host
# DOWN without using CPU (its retries keep when it went down), and it
# comes back UP by itself; 50 hosts at once. What flows through a channel: test_ssh_stream.sh.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/ssh_lib.sh"
log1=$fl/hosts/h1/commands.log
count() { [ -f "$1" ] && wc -l < "$1" || echo 0; }

"$probe" -c "$conf" -x 'echo "hi from $(id -un)"; echo oops >&2; exit 3' > "$tmp/out" || { cat "$tmp/out"; fail "probe"; }
for h in h1 h2 h3; do
	assert_contains "$tmp/out" "$h UP key=ssh-ed25519 SHA256:"
	assert_contains "$tmp/out" "$h out: hi from $(id -un)"
	assert_contains "$tmp/out" "$h err: oops"
	assert_contains "$tmp/out" "$h exit 3"
done
fp=$(known_fingerprint "$fl/known_hosts" "$("$fleet" get --dir "$fl" h1 ssh_port)")
[ -n "$fp" ] || fail "no fingerprint for h1 in $fl/known_hosts"
assert_contains "$tmp/out" "h1 UP key=ssh-ed25519 $fp"
ok "3 hosts UP with key-file auth; output, stderr and exit status per host; fingerprint as ssh-keygen prints it"

# A command past its timeout is said to have timed out when it does, not
# when sshd closes its channel (only once the command has exited).
t0=$(date +%s)
"$probe" -c "$conf" -T 2 -x 'sleep 9' > "$tmp/out" || true
t1=$(date +%s)
assert_contains "$tmp/out" "h1 failed timed out after 2 s"
[ $((t1 - t0)) -lt 7 ] || fail "\"timed out after 2 s\" came after $((t1 - t0)) s"
ok "a timeout is reported when it passes, the command still running"

# Unknown host key: an empty known_hosts.
before=$(count "$log1")
: > "$tmp/empty_known_hosts"
sed "s|^known_hosts = .*|known_hosts = $tmp/empty_known_hosts|" "$conf" > "$tmp/unknown.conf"
"$probe" -c "$tmp/unknown.conf" -t 10 -x 'docker compose ps' > "$tmp/out" || true
assert_contains "$tmp/out" "h1 UNTRUSTED error=unknown host key ssh-ed25519 $fp"
assert_contains "$tmp/out" "h1 failed h1 is UNTRUSTED"
[ "$(count "$log1")" = "$before" ] || fail "a command reached an untrusted host"
ok "unknown host key: UNTRUSTED with its fingerprint, nothing run"

# Rotated host key, to another key type (the downgrade libssh2 reports as
# NOTFOUND): both keys, the file holding the old one and its name there.
"$fleet" fault --dir "$fl" h1 rotate-hostkey ecdsa > /dev/null
"$probe" -c "$conf" -t 10 -x 'docker compose ps' > "$tmp/out" || true
assert_contains "$tmp/out" "h1 UNTRUSTED error=HOST KEY CHANGED: ecdsa-sha2-nistp256 SHA256:"
assert_contains "$tmp/out" "does not match known_hosts (which has ssh-ed25519 $fp) "
assert_contains "$tmp/out" "old=ssh-ed25519 $fp in=$fl/known_hosts as=[127.0.0.1]:$("$fleet" get --dir "$fl" h1 ssh_port)"
assert_contains "$tmp/out" "h2 UP"
[ "$(count "$log1")" = "$before" ] || fail "a command reached a host whose key changed"
"$fleet" fault --dir "$fl" h1 restore-hostkey > /dev/null
ok "rotated host key (ed25519 -> ecdsa): UNTRUSTED with both keys and the old one's file, nothing run"

# Agent auth: no identity file, the key only in an agent.
grep -v '^identity_file' "$conf" > "$tmp/agent.conf"
eval "$(ssh-agent -s -a "$tmp/agent.sock")" > /dev/null
agent_down() { [ -z "${SSH_AGENT_PID:-}" ] || kill "$SSH_AGENT_PID" 2> /dev/null || true; }
cleanup_hooks="$cleanup_hooks agent_down"
ssh-add -q "$fl/client_key" 2> /dev/null
"$probe" -c "$tmp/agent.conf" -x 'echo via-agent' > "$tmp/out" || { cat "$tmp/out"; fail "agent auth"; }
assert_contains "$tmp/out" "h1 out: via-agent"
ok "ssh-agent auth"
agent_down
unset SSH_AUTH_SOCK SSH_AGENT_PID

# A key the hosts do not know, and an RSA key libssh2 1.10 cannot sign with.
ssh-keygen -q -t ed25519 -N '' -f "$tmp/stranger"
sed "s|^identity_file = .*|identity_file = $tmp/stranger|" "$conf" > "$tmp/wrong.conf"
"$probe" -c "$tmp/wrong.conf" -t 10 > "$tmp/out" || true
assert_contains "$tmp/out" "h1 DOWN error=authentication failed for $(id -un)@127.0.0.1: $tmp/stranger refused"
ok "a wrong key gives a clear AUTH error"

# (The config's identity_file refuses an RSA key at load, as --check-config
# does: test_check_config.sh. One ssh_config names is skipped at login.)
ssh-keygen -q -t rsa -b 2048 -N '' -f "$tmp/rsa"
cat "$tmp/rsa.pub" >> "$fl/hosts/h1/authorized_keys" 2> /dev/null || true
printf 'Host *\n  HostName 127.0.0.1\n  IdentityFile %s\n  IdentitiesOnly yes\n' "$tmp/rsa" \
	> "$tmp/rsa_ssh_config"
grep -v '^identity_file\|^address' "$conf" | sed "s|^known_hosts = .*|&\nssh_config = $tmp/rsa_ssh_config|" \
	> "$tmp/rsa.conf"
"$probe" -c "$tmp/rsa.conf" -t 10 > "$tmp/out" || true
assert_contains "$tmp/out" "$tmp/rsa skipped: rsa keys cannot sign here (libssh2 1.10 has no rsa-sha2, OpenSSH refuses ssh-rsa); use an ed25519 or ecdsa key"
ok "an RSA key is skipped with the reason"

# Files named as keys by ~/.ssh/config that are no private key, or one
# others can read: skipped with the reason and the fix, never "refused"
# (which sends the engineer to authorized_keys). The config's own
# identity_file gets the same words from --check-config (test_check_config.sh).
echo "not a key" > "$tmp/notakey"
cp "$fl/client_key.pub" "$tmp/client.pub"
cp "$fl/client_key" "$tmp/loose"
chmod 644 "$tmp/loose"
cat > "$tmp/badkeys_ssh_config" <<CFG
Host h1
  IdentityFile $tmp/notakey
Host h2
  IdentityFile $tmp/client.pub
Host h3
  IdentityFile $tmp/loose
Host *
  HostName 127.0.0.1
  IdentitiesOnly yes
CFG
grep -v '^identity_file\|^address' "$conf" | sed "s|^known_hosts = .*|&\nssh_config = $tmp/badkeys_ssh_config|" \
	> "$tmp/badkeys.conf"
"$probe" -c "$tmp/badkeys.conf" -t 10 > "$tmp/out" || true
me=$(id -un)
assert_contains "$tmp/out" "h1 DOWN error=authentication failed for $me@127.0.0.1: $tmp/notakey skipped: this is not a private key (no \"-----BEGIN … PRIVATE KEY-----\" line); name the private key file, as for ssh -i"
assert_contains "$tmp/out" "h2 DOWN error=authentication failed for $me@127.0.0.1: $tmp/client.pub skipped: this is the public key; name the private key $tmp/client"
assert_contains "$tmp/out" "h3 DOWN error=authentication failed for $me@127.0.0.1: $tmp/loose skipped: permissions 0644 are too open (ssh would ignore this key too); chmod 600 $tmp/loose"
assert_not_contains "$tmp/out" "refused"
ok "a text file, a public key and a key others can read are skipped with the reason, not refused"

# ProxyJump: through h1 to h2, as ~/.ssh/config would say it.
p1=$("$fleet" get --dir "$fl" h1 ssh_port)
p2=$("$fleet" get --dir "$fl" h2 ssh_port)
cat > "$tmp/ssh_config" <<CFG
Host jump
  HostName 127.0.0.1
  Port $p1
  User $(id -un)
  IdentityFile $fl/client_key
  IdentitiesOnly yes
  UserKnownHostsFile $fl/known_hosts
  StrictHostKeyChecking yes
Host target
  HostName 127.0.0.1
  Port $p2
  User $(id -un)
  ProxyJump jump
CFG
cat > "$tmp/jump.conf" <<CONF
[warroom]
known_hosts = $fl/known_hosts
ssh_config = $tmp/ssh_config

[host "target"]
identity_file = $fl/client_key
compose_dir = /srv/app
services = api
CONF
log2=$fl/hosts/h2/commands.log
before=$(count "$log2")
"$probe" -c "$tmp/jump.conf" -x "docker ps --format '{{json .}}'" > "$tmp/out" || { cat "$tmp/out"; fail "jump"; }
assert_contains "$tmp/out" "target UP key=ssh-ed25519"
assert_contains "$tmp/out" "via=ProxyJump jump"
assert_contains "$tmp/out" "target exit 0"
[ "$(count "$log2")" -gt "$before" ] || fail "the command did not reach h2"
"$fleet" fault --dir "$fl" h1 sshd-stop > /dev/null
"$probe" -c "$tmp/jump.conf" -t 10 > "$tmp/out" || true
assert_contains "$tmp/out" "target DOWN error=SSH handshake with 127.0.0.1 failed via ProxyJump jump"
"$fleet" fault --dir "$fl" h1 sshd-start > /dev/null
ok "ProxyJump through one fleet host to another (and DOWN when the jump host is)"

# The hop's host key, checked by ssh itself. In the config's known_hosts
# only (not in the hop's own file), ssh knows it too: UP.
: > "$tmp/hop_known_hosts"
sed "s|UserKnownHostsFile $fl/known_hosts|UserKnownHostsFile $tmp/hop_known_hosts|" \
	"$tmp/ssh_config" > "$tmp/hop_ssh_config"
sed "s|^ssh_config = .*|ssh_config = $tmp/hop_ssh_config|" "$tmp/jump.conf" > "$tmp/hop_in_config.conf"
"$probe" -c "$tmp/hop_in_config.conf" -t 10 > "$tmp/out" || true
assert_contains "$tmp/out" "target UP key=ssh-ed25519"
ok "a hop's key in the config's known_hosts is known to ssh's side too"

# Unknown, the host is UNTRUSTED with how to accept it by hand (ssh as
# warroom runs it, writing where warroom looks); changed, UNTRUSTED like
# one whose own key changed.
grep "^\[127.0.0.1\]:$p2 " "$fl/known_hosts" > "$tmp/target_known_hosts"
sed "s|^ssh_config = .*|ssh_config = $tmp/hop_ssh_config|; s|^known_hosts = .*|known_hosts = $tmp/target_known_hosts|" \
	"$tmp/jump.conf" > "$tmp/hop.conf"
"$probe" -c "$tmp/hop.conf" -t 10 > "$tmp/out" || true
assert_contains "$tmp/out" "target UNTRUSTED error=the ED25519 key of ProxyJump hop jump ([127.0.0.1]:$p1) is not in known_hosts, so ssh refused it: check it and accept it by hand (ssh -F $tmp/hop_ssh_config -o UserKnownHostsFile=$tmp/target_known_hosts jump), then C-r"
# The same under ssh's default StrictHostKeyChecking (ask): with BatchMode
# ssh says only "Host key verification failed.".
sed '/StrictHostKeyChecking yes/d' "$tmp/hop_ssh_config" > "$tmp/ask_ssh_config"
sed "s|^ssh_config = .*|ssh_config = $tmp/ask_ssh_config|" "$tmp/hop.conf" > "$tmp/ask.conf"
"$probe" -c "$tmp/ask.conf" -t 10 > "$tmp/out" || true
assert_contains "$tmp/out" "target UNTRUSTED error=ssh refused the key of ProxyJump hop jump (Host key verification failed.): check it and accept it by hand (ssh -F $tmp/ask_ssh_config -o UserKnownHostsFile=$tmp/target_known_hosts jump), then C-r"
echo "[127.0.0.1]:$p1 $(cut -d' ' -f1,2 "$tmp/stranger.pub")" > "$tmp/hop_known_hosts"
"$probe" -c "$tmp/hop.conf" -t 10 > "$tmp/out" || true
assert_contains "$tmp/out" "target UNTRUSTED error=HOST KEY CHANGED on ProxyJump hop jump ([127.0.0.1]:$p1): ED25519 SHA256:"
assert_contains "$tmp/out" "old=ssh-ed25519 $(ssh-keygen -lf "$tmp/stranger.pub" | cut -d' ' -f2) in=$tmp/hop_known_hosts as=[127.0.0.1]:$p1"
ok "a hop's unknown key: UNTRUSTED, accepted by hand; a hop's changed key: UNTRUSTED with both keys"

# A broken ssh_config: ssh's own error, never the bare alias on port 22.
printf 'Hosst foo\nPortt 22\n' | cat - "$tmp/ssh_config" > "$tmp/broken_ssh_config"
sed "s|^ssh_config = .*|ssh_config = $tmp/broken_ssh_config|" "$tmp/jump.conf" > "$tmp/broken.conf"
"$probe" -c "$tmp/broken.conf" -t 10 > "$tmp/out" || true
assert_contains "$tmp/out" "target DOWN error=ssh -G failed: $tmp/broken_ssh_config: line 1: Bad configuration option: hosst / $tmp/broken_ssh_config: line 2: Bad configuration option: portt / $tmp/broken_ssh_config: terminating, 2 bad configuration options"
assert_not_contains "$tmp/out" "resolve"
ok "a broken ssh_config: DOWN with ssh's own words, no guess at the alias"

# HostKeyAlias: the key is looked up under the alias, as ssh does; an
# IdentityFile ssh_config names that does not exist is named.
p2key=$(grep "^\[127.0.0.1\]:$p2 " "$fl/known_hosts" | cut -d' ' -f2,3)
echo "h2-prod $p2key" > "$tmp/alias_known_hosts"
cat > "$tmp/alias_ssh_config" <<CFG
Host target
  HostName 127.0.0.1
  Port $p2
  User $(id -un)
  HostKeyAlias h2-prod
  UserKnownHostsFile $tmp/alias_known_hosts
  IdentityFile $tmp/id_missing
  IdentitiesOnly yes
CFG
grep -v '^known_hosts\|^identity_file' "$tmp/jump.conf" |
	sed "s|^ssh_config = .*|ssh_config = $tmp/alias_ssh_config|" > "$tmp/alias.conf"
"$probe" -c "$tmp/alias.conf" -t 10 > "$tmp/out" || true
assert_contains "$tmp/out" "target DOWN error=authentication failed for $(id -un)@127.0.0.1: IdentityFile $tmp/id_missing from ssh_config does not exist"
ok "HostKeyAlias: the key found under the alias; a missing IdentityFile is named"

# sshd stopped in the middle of a command: an error, DOWN, idle CPU, back UP.
(PROBE_KEEPALIVE=2 "$probe" -c "$conf" -t 30 -x 'sleep 20; echo finished' > "$tmp/mid" 2>&1 &)
sleep 1
"$fleet" fault --dir "$fl" h2 sshd-stop > /dev/null
i=0
while ! grep -q "^h2 failed" "$tmp/mid" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
assert_contains "$tmp/mid" "h2 failed"
assert_not_contains "$tmp/mid" "h2 out: finished"
ok "a command on a host whose sshd stops reports an error within $((i / 10)) s"

# Still stopped: each retry goes CONNECTING and DOWN again, and the
# stretch keeps the time of its first DOWN (what HOSTS counts from).
PROBE_KEEPALIVE=2 "$probe" -c "$conf" -w 3 > "$tmp/stretch" 2>&1 || true
[ "$(grep -c '^h2 DOWN ' "$tmp/stretch")" -ge 2 ] ||
	{ cat "$tmp/stretch"; fail "h2 was not retried within 3 s"; }
grep -q '^h2 CONNECTING .*down_since=' "$tmp/stretch" ||
	{ cat "$tmp/stretch"; fail "a retry's CONNECTING lost the stretch's start"; }
[ "$(sed -n 's/^h2 .* down_since=\([0-9.]*\)$/\1/p' "$tmp/stretch" | sort -u | wc -l)" = 1 ] ||
	{ cat "$tmp/stretch"; fail "a retry moved the start of h2's stretch DOWN"; }
ok "a host DOWN keeps when its stretch began through its retries"

PROBE_KEEPALIVE=2 "$probe" -c "$conf" -w 8 > "$tmp/watch" 2>&1 &
watch_pid=$!
# Retries come at about 0.1, 0.9, 2.5 and 6.5 s: sshd is started once h2
# is seen DOWN, so even a slow start of the fleet tool on a loaded
# machine (seconds) leaves a retry inside the watch to find it back.
i=0
until grep -q "^h2 DOWN error=" "$tmp/watch"; do
	sleep 0.05; i=$((i + 1)); [ $i -lt 100 ] || { cat "$tmp/watch"; fail "h2 not DOWN while its sshd is stopped"; }
done
"$fleet" fault --dir "$fl" h2 sshd-start > /dev/null
wait "$watch_pid" || true
sed -n '/^h2 DOWN error=/,$p' "$tmp/watch" | grep -q "^h2 UP .*t=" ||
	{ cat "$tmp/watch"; fail "h2 did not come back UP after sshd returned"; }
! grep -q "^h2 UP .*down_since=" "$tmp/watch" ||
	{ cat "$tmp/watch"; fail "h2 UP again still has a DOWN stretch"; }
cpu=$(sed -n 's/^cpu=\([0-9.]*\) .*/\1/p' "$tmp/watch")
wake=$(sed -n 's/.* wakeups=\([0-9]*\)$/\1/p' "$tmp/watch")
awk -v c="$cpu" 'BEGIN { exit !(c < 0.2) }' || fail "used $cpu s of CPU in 8 s while a host was down"
[ "$wake" -lt 80 ] || fail "$wake wake-ups in 8 s while a host was down"
ok "DOWN while sshd is stopped (cpu ${cpu}s, $wake wake-ups in 8 s), UP again by itself"

"$fleet" down --dir "$fl" > /dev/null
fl=$tmp/fleet50
"$fleet" up --hosts 50 --dir "$fl" --base-port auto > "$tmp/up.log" 2>&1 || { cat "$tmp/up.log"; fail "fleet up 50"; }
"$probe" -c "$fl/warroom.conf" -t 30 -x 'echo ok-$(hostname)' > "$tmp/out" || { cat "$tmp/out"; fail "50 hosts"; }
[ "$(grep -c ' UP key=' "$tmp/out")" -eq 50 ] || fail "not all 50 hosts UP"
[ "$(grep -c ' exit 0$' "$tmp/out")" -eq 50 ] || fail "not all 50 commands exited 0"
ok "50 hosts UP concurrently, a command on each"
