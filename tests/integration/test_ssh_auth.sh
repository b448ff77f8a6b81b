#!/bin/sh
# test_ssh_auth.sh — which keys a host is offered, seen from a real sshd's
# log (LogLevel VERBOSE names every key it refuses or accepts), with a
# private ssh-agent holding seven keys the host does not know:
# IdentitiesOnly offers only the key ssh_config names, through the agent
# when it has a passphrase (web2), and never an agent key in
# place of an RSA one (web3); without it the named key still goes first;
# with no key named, five refusals and no more (sshd's MaxAuthTries is 6),
# and a server that hangs up sooner is quoted; the reasons say what is
# true of the agent, and an empty SSH_AUTH_SOCK is not mentioned under a
# host a key file logged in to.
ssh_hosts=1
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/ssh_lib.sh"
me=$(id -un)
p1=$("$fleet" get --dir "$fl" h1 ssh_port)
"$fleet" fault --dir "$fl" h1 sshd-option LogLevel VERBOSE > /dev/null
log=$fl/hosts/h1/sshd.log
fp() { ssh-keygen -lf "$1.pub" | cut -d' ' -f2; }

# probe CONF — connect once: the probe's output in $tmp/out, the lines it
# left in h1's sshd.log in $tmp/sshd.
probe() {
	n=$(wc -l < "$log")
	"$probe" -c "$1" -t 10 > "$tmp/out" || true
	tail -n +"$((n + 1))" "$log" > "$tmp/sshd"
}
failed() { grep -c "Failed publickey" "$tmp/sshd" || true; }

# config NAME SSH_CONFIG_LINES — host "web" through an ssh_config (as an
# engineer would write it) holding those lines: $tmp/NAME.conf.
config() {
	printf 'Host web\n  HostName 127.0.0.1\n  Port %s\n  User %s\n  UserKnownHostsFile %s\n%s\n' \
		"$p1" "$me" "$fl/known_hosts" "$2" > "$tmp/$1.ssh_config"
	printf '[warroom]\nknown_hosts = %s\nssh_config = %s\n\n[host "web"]\ncompose_dir = /srv/app\nservices = api\n' \
		"$fl/known_hosts" "$tmp/$1.ssh_config" > "$tmp/$1.conf"
}

eval "$(ssh-agent -s -a "$tmp/agent.sock")" > /dev/null
agent_down() { [ -z "${SSH_AGENT_PID:-}" ] || kill "$SSH_AGENT_PID" 2> /dev/null || true; }
cleanup_hooks="$cleanup_hooks agent_down"
for i in 1 2 3 4 5 6 7; do
	ssh-keygen -q -t ed25519 -N '' -C "other$i" -f "$tmp/other$i"
	ssh-add -q "$tmp/other$i" 2> /dev/null
done
ssh-keygen -q -t ed25519 -N 'correct horse' -C enc -f "$tmp/enc_key"
cat "$tmp/enc_key.pub" >> "$fl/authorized_keys"

# No key named: the agent's keys, five refused and then no more, so sshd
# never reaches MaxAuthTries ("Too many authentication failures").
config none ""
probe "$tmp/none.conf"
assert_contains "$tmp/out" "web DOWN error=authentication failed for $me@127.0.0.1: 5 ssh-agent keys refused; stopped after 5 refused keys, before sshd's MaxAuthTries (6 by default) ends the connection; 2 more not offered: name the host's key with IdentityFile and IdentitiesOnly yes"
[ "$(failed)" = 5 ] || { cat "$tmp/sshd"; fail "expected 5 refused keys in sshd.log, got $(failed)"; }
assert_not_contains "$tmp/sshd" "maximum authentication attempts exceeded"
ok "seven unknown agent keys: five offered, then a stop with the reason, before sshd's limit"

# A server whose limit is lower hangs up sooner: said in its words, not
# as the keys after it "refused".
"$fleet" fault --dir "$fl" h1 sshd-option MaxAuthTries 3 > /dev/null
probe "$tmp/none.conf"
assert_contains "$tmp/out" "web DOWN error=authentication failed for $me@127.0.0.1: the server hung up after 3 keys offered (\"Too many authentication failures\": its MaxAuthTries is below 6); name the host's key with IdentityFile and IdentitiesOnly yes"
"$fleet" fault --dir "$fl" h1 sshd-option MaxAuthTries 6 > /dev/null
ok "a lower MaxAuthTries: the server's hang-up in its words"

# Without IdentitiesOnly the named key (a file the agent lacks) goes
# before the agent's seven, as it must to get in under MaxAuthTries.
config order "  IdentityFile $fl/client_key"
probe "$tmp/order.conf"
assert_contains "$tmp/out" "web UP"
assert_contains "$tmp/sshd" "Accepted publickey for $me from 127.0.0.1 port"
assert_contains "$tmp/sshd" "$(fp "$fl/client_key")"
[ "$(failed)" = 0 ] || { cat "$tmp/sshd"; fail "agent keys were offered before the named key"; }
ok "the named key is offered first, before the agent's other keys"

# web2: IdentityFile enc_key (a passphrase), IdentitiesOnly yes.
# Not in the agent yet: skipped for that reason, nothing else offered.
config web2 "  IdentityFile $tmp/enc_key
  IdentitiesOnly yes"
probe "$tmp/web2.conf"
assert_contains "$tmp/out" "web DOWN error=authentication failed for $me@127.0.0.1: $tmp/enc_key skipped: it has a passphrase and ssh-agent does not hold it; ssh-add it; 7 other ssh-agent keys not offered (IdentitiesOnly yes)"
[ "$(failed)" = 0 ] || { cat "$tmp/sshd"; fail "IdentitiesOnly: an agent key was offered"; }
# In the agent with the seven others: used through it, and only it offered.
printf '#!/bin/sh\necho "correct horse"\n' > "$tmp/askpass"
chmod 700 "$tmp/askpass"
SSH_ASKPASS=$tmp/askpass SSH_ASKPASS_REQUIRE=force ssh-add -q "$tmp/enc_key" < /dev/null 2> /dev/null ||
	fail "ssh-add of the passphrase key"
probe "$tmp/web2.conf"
assert_contains "$tmp/out" "web UP"
assert_not_contains "$tmp/out" "notes="
assert_contains "$tmp/sshd" "Accepted publickey for $me from 127.0.0.1 port"
assert_contains "$tmp/sshd" "$(fp "$tmp/enc_key")"
[ "$(failed)" = 0 ] || { cat "$tmp/sshd"; fail "IdentitiesOnly: other agent keys were offered"; }
ok "IdentitiesOnly: only the named key, through the agent when it has a passphrase"

# web3: only an RSA key named; an agent key the host would take
# must not log in instead.
ssh-keygen -q -t rsa -b 2048 -N '' -f "$tmp/rsa_key"
cat "$tmp/rsa_key.pub" "$tmp/other1.pub" >> "$fl/authorized_keys"
config web3 "  IdentityFile $tmp/rsa_key
  IdentitiesOnly yes"
probe "$tmp/web3.conf"
assert_contains "$tmp/out" "web DOWN error=authentication failed for $me@127.0.0.1: $tmp/rsa_key skipped: rsa keys cannot sign here"
assert_contains "$tmp/out" "; 8 other ssh-agent keys not offered (IdentitiesOnly yes)"
assert_not_contains "$tmp/sshd" "Accepted publickey"
[ "$(failed)" = 0 ] || { cat "$tmp/sshd"; fail "IdentitiesOnly: an agent key was offered for web3"; }
ok "IdentitiesOnly with only an RSA key named: no agent key logs in instead"

# SSH_AUTH_SOCK set but empty: a host a key file logs in to says nothing
# of the agent; one that needed it says why it had none, once.
SSH_AUTH_SOCK='' "$probe" -c "$conf" -t 10 > "$tmp/out" || true
assert_contains "$tmp/out" "h1 UP"
assert_not_contains "$tmp/out" "notes="
SSH_AUTH_SOCK='' "$probe" -c "$tmp/web2.conf" -t 10 > "$tmp/out" || true
assert_contains "$tmp/out" "web DOWN error=authentication failed for $me@127.0.0.1: $tmp/enc_key skipped: it has a passphrase and SSH_AUTH_SOCK is empty; ssh-add it to a running ssh-agent"
assert_not_contains "$tmp/out" "no ssh-agent to ask"
SSH_AUTH_SOCK=$tmp/nothing-here "$probe" -c "$tmp/none.conf" -t 10 > "$tmp/out" || true
assert_contains "$tmp/out" "web DOWN error=authentication failed for $me@127.0.0.1: no ssh-agent answers at $tmp/nothing-here"
ok "no agent: unsaid under a host a key logged in to, said where it was needed"
