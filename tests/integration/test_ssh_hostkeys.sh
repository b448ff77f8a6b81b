#!/bin/sh
# test_ssh_hostkeys.sh — known_hosts lines libssh2 1.10 cannot read,
# read as OpenSSH does: a key marked @revoked (for the host, or for *) is
# refused with its file and line even when another line knows it, and
# nothing runs there; an @cert-authority line is never taken for the
# host's own key; keys handed out in a GlobalKnownHostsFile are known.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/ssh_lib.sh"
log1=$fl/hosts/h1/commands.log
count() { [ -f "$1" ] && wc -l < "$1" || echo 0; }
p1=$("$fleet" get --dir "$fl" h1 ssh_port)
key1=$(grep "^\[127.0.0.1\]:$p1 " "$fl/known_hosts" | cut -d' ' -f2,3)
fp=$(known_fingerprint "$fl/known_hosts" "$p1")
[ -n "$key1" ] && [ -n "$fp" ] || fail "no key for h1 in $fl/known_hosts"
with_known() { sed "s|^known_hosts = .*|known_hosts = $1|" "$conf" > "$2"; }

# The known line and a @revoked line for the same key: ssh refuses it
# (checked), and so does warroom, naming the line.
cp "$fl/known_hosts" "$tmp/kh_revoked"
echo "@revoked [127.0.0.1]:$p1 $key1" >> "$tmp/kh_revoked"
ssh -o BatchMode=yes -o UserKnownHostsFile="$tmp/kh_revoked" -o StrictHostKeyChecking=yes \
	-o GlobalKnownHostsFile=/dev/null -i "$fl/client_key" -p "$p1" "$(id -un)@127.0.0.1" true \
	> "$tmp/ssh.out" 2>&1 && fail "ssh itself accepted the revoked key"
assert_contains "$tmp/ssh.out" "revoked"
with_known "$tmp/kh_revoked" "$tmp/revoked.conf"
before=$(count "$log1")
"$probe" -c "$tmp/revoked.conf" -t 10 -x 'echo ran' > "$tmp/out" || true
assert_contains "$tmp/out" "h1 UNTRUSTED error=host key ssh-ed25519 $fp is marked @revoked in $tmp/kh_revoked:4: nothing is sent to it"
assert_contains "$tmp/out" "h1 failed h1 is UNTRUSTED"
assert_contains "$tmp/out" "h2 out: ran"
[ "$(count "$log1")" = "$before" ] || fail "a command reached a host whose key is revoked"
ok "a key marked @revoked is refused with its file and line, though another line knows it"

# "@revoked *" alone: revoked, not an unknown key K could trust; the
# other hosts' keys are merely unknown.
printf '# revoked everywhere\n@revoked * %s\n' "$key1" > "$tmp/kh_star"
with_known "$tmp/kh_star" "$tmp/star.conf"
"$probe" -c "$tmp/star.conf" -t 10 > "$tmp/out" || true
assert_contains "$tmp/out" "h1 UNTRUSTED error=host key ssh-ed25519 $fp is marked @revoked in $tmp/kh_star:2"
assert_contains "$tmp/out" "h2 UNTRUSTED error=unknown host key"
ok "@revoked * refuses the key for every host"

# An @cert-authority line holding the host's key signs certificates; it
# is not the host's key (libssh2 has no certificates: unknown).
printf '@cert-authority * %s\n' "$key1" > "$tmp/kh_ca"
with_known "$tmp/kh_ca" "$tmp/ca.conf"
"$probe" -c "$tmp/ca.conf" -t 10 > "$tmp/out" || true
assert_contains "$tmp/out" "h1 UNTRUSTED error=unknown host key ssh-ed25519 $fp"
ok "an @cert-authority line is never read as the host's key"

# Keys a team hands out system-wide: ssh_config's GlobalKnownHostsFile,
# read beside the config's (empty) known_hosts.
: > "$tmp/kh_empty"
printf 'Host *\n  GlobalKnownHostsFile %s\n' "$fl/known_hosts" > "$tmp/global_ssh_config"
with_known "$tmp/kh_empty" "$tmp/global.conf.in"
sed "s|^known_hosts = .*|&\nssh_config = $tmp/global_ssh_config|" "$tmp/global.conf.in" \
	> "$tmp/global.conf"
"$probe" -c "$tmp/global.conf" -t 10 > "$tmp/out" || true
assert_contains "$tmp/out" "h1 UP key=ssh-ed25519 $fp"
assert_contains "$tmp/out" "h3 UP"
[ ! -s "$tmp/kh_empty" ] || fail "a global file's key was copied into the config's known_hosts"
ok "GlobalKnownHostsFile: its keys are known, and it is only read"
