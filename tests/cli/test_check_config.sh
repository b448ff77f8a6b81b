#!/bin/sh
# test_check_config.sh — --check-config prints the resolved settings and
# hosts without any secret (each host as ssh_config really resolves it:
# user@host:port, the jump host, the known_hosts files, the global ones
# apart, and whether K hashes names), and refuses
# files it cannot trust with file:line messages: missing files, token
# files readable by others, symlinked tokens, identity files that are no
# private key or that others can read, and an ssh_config ssh refuses.
# With --read-only, a host whose key is in no known_hosts file fails it;
# -r and --incident, options of the console only, are refused.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/common.sh"

secret="canary-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
printf '%s\n' "$secret" > "$tmp/metrics.token"
chmod 600 "$tmp/metrics.token"
printf '%s\n' "$secret" > "$tmp/status.token"
chmod 600 "$tmp/status.token"
: > "$tmp/known_hosts"
ssh-keygen -q -t ed25519 -N '' -C test -f "$tmp/id_ed25519"
cat > "$tmp/ssh_config" <<CFG
Host k8s
  HostName 10.1.2.3
  Port 2222
  User ops
  ProxyJump bastion
  UserKnownHostsFile $tmp/team_known_hosts
  GlobalKnownHostsFile $tmp/global_known_hosts
  HashKnownHosts yes
  IdentityFile $tmp/id_team
CFG

cat > "$tmp/good.conf" <<CONF
[warroom]
timeline_dir = $tmp/timeline
known_hosts = known_hosts
ssh_config = ssh_config

[host "api-1"]
address = 127.0.0.1
port = 2201
user = deploy
driver = compose
compose_dir = /srv/app
services = api jobs
metrics_url = http://127.0.0.1:8000/metrics
metrics_token_file = metrics.token
identity_file = $tmp/id_ed25519

[host "k8s"]
driver = k8s
services = api
metrics_token_env = WR_TEST_METRICS_TOKEN

[statuspage]
kind = cachet
url = https://status.example.com/api/v1
token_file = $tmp/status.token
CONF

WR_TEST_METRICS_TOKEN=$secret "$WARROOM" -c "$tmp/good.conf" --check-config > "$tmp/out" 2>&1 ||
	{ cat "$tmp/out"; fail "good config refused"; }
assert_contains "$tmp/out" "known_hosts: $tmp/known_hosts"
assert_contains "$tmp/out" "api-1: deploy@127.0.0.1:2201 driver=compose compose_dir=/srv/app services=api,jobs"
assert_contains "$tmp/out" "k8s: ops@10.1.2.3:2222 via bastion driver=k8s namespace=default services=api"
assert_contains "$tmp/out" "    known_hosts: $tmp/known_hosts $tmp/team_known_hosts; global, read only: $tmp/global_known_hosts; K hashes the names it adds (HashKnownHosts yes)"
assert_contains "$tmp/out" "    known_hosts: $tmp/known_hosts $HOME/.ssh/known_hosts $HOME/.ssh/known_hosts2; global, read only: /etc/ssh/ssh_known_hosts /etc/ssh/ssh_known_hosts2"
assert_contains "$tmp/out" "warning: host \"k8s\": IdentityFile $tmp/id_team from ssh_config does not exist"
assert_contains "$tmp/out" "metrics token: from file $tmp/metrics.token"
assert_contains "$tmp/out" "metrics token: from \$WR_TEST_METRICS_TOKEN"
assert_contains "$tmp/out" "statuspage: cachet https://status.example.com/api/v1, token from file $tmp/status.token"
assert_contains "$tmp/out" "config OK"
assert_not_contains "$tmp/out" "$secret"
ok "good config resolves (ssh_config's user, address, port, jump host and known_hosts), and no secret is printed"

# A host with neither metrics_url nor prometheus_url is judged on its
# restarts alone (helm reports none: nothing at all): said, still OK.
assert_contains "$tmp/out" "warning: k8s: no metrics_url or prometheus_url: its verdict rests on restarts alone"
assert_not_contains "$tmp/out" "warning: api-1: no metrics_url"
cat "$tmp/good.conf" - > "$tmp/nometrics.conf" <<CONF

[host "helm"]
address = 127.0.0.1
driver = helm
services = api

[host "prom"]
address = 127.0.0.1
driver = k8s
services = api
prometheus_url = http://127.0.0.1:9090
error_rate_query = sum(rate(errors{host="{host}"}[1m]))
p95_query = histogram_quantile(0.95, sum by (le) (rate(d_bucket{host="{host}"}[1m])))
CONF
WR_TEST_METRICS_TOKEN=$secret "$WARROOM" -c "$tmp/nometrics.conf" --check-config > "$tmp/out" 2>&1 ||
	{ cat "$tmp/out"; fail "a config with hosts without metrics refused"; }
assert_contains "$tmp/out" "warning: k8s: no metrics_url or prometheus_url: its verdict rests on restarts alone"
assert_contains "$tmp/out" "warning: helm: no metrics_url or prometheus_url, and helm reports no restarts: it has nothing to judge (NO DATA)"
assert_not_contains "$tmp/out" "warning: prom: no metrics_url"
assert_contains "$tmp/out" "config OK"
ok "hosts without a metrics source are warned about, the config still OK"

# An ssh_config ssh refuses: its words, and the check fails (the console
# would show every host DOWN with them, never connect to the bare alias).
printf 'Hosst foo\nPortt 22\n' | cat - "$tmp/ssh_config" > "$tmp/broken_ssh_config"
sed "s|^ssh_config = ssh_config|ssh_config = broken_ssh_config|" "$tmp/good.conf" > "$tmp/broken.conf"
rc=0; WR_TEST_METRICS_TOKEN=x "$WARROOM" -c "$tmp/broken.conf" --check-config > "$tmp/out" \
	2> "$tmp/err" || rc=$?
[ "$rc" -eq 1 ] || { cat "$tmp/out" "$tmp/err"; fail "a broken ssh_config exited $rc, want 1"; }
assert_contains "$tmp/err" "warroom: host \"k8s\": ssh -G failed: $tmp/broken_ssh_config: line 1: Bad configuration option: hosst / $tmp/broken_ssh_config: line 2: Bad configuration option: portt / $tmp/broken_ssh_config: terminating, 2 bad configuration options"
assert_contains "$tmp/out" "k8s: k8s (not resolved: ssh -G failed) driver=k8s"
assert_not_contains "$tmp/out" "config OK"
ok "an ssh_config ssh refuses fails the check in ssh's words"

"$WARROOM" -c "$tmp/good.conf" --check-config > "$tmp/out" 2>&1 || fail "unset env var refused"
assert_contains "$tmp/out" 'warning: host "k8s": $WR_TEST_METRICS_TOKEN is not set'
ok "an unset token variable is a warning"

# --check-config checks the theme a start would load: --theme's, else the
# config's; a bad one fails with the same file:line as a start.
"$WARROOM" -c "$tmp/good.conf" --check-config --theme light > "$tmp/out" 2>&1 ||
	{ cat "$tmp/out"; fail "--theme light refused"; }
assert_contains "$tmp/out" "theme: light"
assert_contains "$tmp/out" "config OK"
printf 'normal = default\nheader = purple\n' > "$tmp/bad.theme"
for how in "--theme $tmp/bad.theme" "--theme ./bad.theme"; do
	rc=0; (cd "$tmp" && "$WARROOM" -c good.conf --check-config $how) > "$tmp/out" 2> "$tmp/err" ||
		rc=$?
	[ "$rc" -eq 1 ] || { cat "$tmp/out" "$tmp/err"; fail "check with $how exited $rc, want 1"; }
	assert_contains "$tmp/err" "bad.theme:2: header: unknown colour or attribute 'purple'"
	assert_not_contains "$tmp/out" "config OK"
done
rc=0; "$WARROOM" -c "$tmp/good.conf" --theme "$tmp/bad.theme" < /dev/null > /dev/null \
	2> "$tmp/start.err" || rc=$?
[ "$rc" -eq 1 ] || fail "a start with the bad theme exited $rc"
rc=0; "$WARROOM" -c "$tmp/good.conf" --check-config --theme "$tmp/bad.theme" > /dev/null \
	2> "$tmp/check.err" || rc=$?
cmp -s "$tmp/start.err" "$tmp/check.err" ||
	{ cat "$tmp/start.err" "$tmp/check.err"; fail "check and start say different things"; }
rc=0; "$WARROOM" -c "$tmp/good.conf" --check-config --theme nosuch > /dev/null 2> "$tmp/err" ||
	rc=$?
[ "$rc" -eq 1 ] || fail "--theme nosuch exited $rc"
assert_contains "$tmp/err" "theme 'nosuch' not found"
sed "s|^known_hosts = known_hosts|&\ntheme = $tmp/bad.theme|" "$tmp/good.conf" > "$tmp/themed.conf"
rc=0; WR_TEST_METRICS_TOKEN=x "$WARROOM" -c "$tmp/themed.conf" --check-config > "$tmp/out" \
	2> "$tmp/err" || rc=$?
[ "$rc" -eq 1 ] || { cat "$tmp/out"; fail "a config naming a bad theme exited $rc"; }
assert_contains "$tmp/err" "$tmp/themed.conf:4: theme: $tmp/bad.theme:2: header: unknown colour"
ok "--check-config loads the theme (--theme or the config's) and fails as a start would"

# the check says who actions are journalled under, and where the name
# came from: the account alone, actor =, --as (which wins).
acct="$(id -un)@$(uname -n)"
check_actor() {
	WR_TEST_METRICS_TOKEN=x "$WARROOM" -c "$@" --check-config > "$tmp/out" 2>&1 ||
		{ cat "$tmp/out"; fail "$* refused"; }
}
check_actor "$tmp/good.conf"
assert_contains "$tmp/out" "actor: $acct, the account alone (no actor = or --as)"
check_actor "$tmp/good.conf" --as alice
assert_contains "$tmp/out" "actor: alice ($acct), from --as"
sed "s|^known_hosts = known_hosts|&\nactor = bob|" "$tmp/good.conf" > "$tmp/actor.conf"
check_actor "$tmp/actor.conf"
assert_contains "$tmp/out" "actor: bob ($acct), from actor = at line 4"
check_actor "$tmp/actor.conf" --as alice
assert_contains "$tmp/out" "actor: alice ($acct), from --as (over actor = bob at line 4)"
ok "--check-config prints the actor and where its name came from"

# refuse CONF LINE MESSAGE — the config is refused with exactly this line.
refuse() {
	rc=0; "$WARROOM" -c "$1" --check-config > "$tmp/out" 2>&1 || rc=$?
	[ "$rc" -eq 1 ] || { cat "$tmp/out"; fail "$1 exited $rc, want 1"; }
	assert_contains "$tmp/out" "$2"
}

chmod 644 "$tmp/metrics.token"
refuse "$tmp/good.conf" "$tmp/good.conf:14: secret file $tmp/metrics.token is readable by group or others (mode 0644): chmod 600 $tmp/metrics.token"
assert_not_contains "$tmp/out" "$secret"
chmod 600 "$tmp/metrics.token"
ok "a token file readable by others is refused"

mv "$tmp/metrics.token" "$tmp/real.token"
ln -s "$tmp/real.token" "$tmp/metrics.token"
refuse "$tmp/good.conf" "$tmp/good.conf:14: secret file $tmp/metrics.token is a symlink: name the file itself"
rm "$tmp/metrics.token"
mv "$tmp/real.token" "$tmp/metrics.token"
ok "a symlinked token file is refused"

mv "$tmp/id_ed25519" "$tmp/key"
refuse "$tmp/good.conf" "$tmp/good.conf:15: identity_file $tmp/id_ed25519: No such file or directory"
ok "a missing identity file is refused with its line"

# A file that is no private key would pass a check that it exists, then
# fail at login as a key the server "refused".
echo "ops notes, not a key" > "$tmp/id_ed25519"
refuse "$tmp/good.conf" "$tmp/good.conf:15: identity_file $tmp/id_ed25519: this is not a private key (no \"-----BEGIN … PRIVATE KEY-----\" line); name the private key file, as for ssh -i"
sed "s|^identity_file = .*|identity_file = $tmp/id_ed25519.pub|" "$tmp/good.conf" > "$tmp/pub.conf"
refuse "$tmp/pub.conf" "$tmp/pub.conf:15: identity_file $tmp/id_ed25519.pub: this is the public key; name the private key $tmp/id_ed25519"
mv "$tmp/key" "$tmp/id_ed25519"
chmod 644 "$tmp/id_ed25519"
refuse "$tmp/good.conf" "$tmp/good.conf:15: identity_file $tmp/id_ed25519: permissions 0644 are too open (ssh would ignore this key too); chmod 600 $tmp/id_ed25519"
chmod 600 "$tmp/id_ed25519"
ok "an identity file that is a public key, not a key, or readable by others is refused with the fix"

rm "$tmp/known_hosts"
refuse "$tmp/good.conf" "$tmp/good.conf:3: known_hosts $tmp/known_hosts: No such file or directory: create it (touch $tmp/known_hosts) and trust each host with K, or point known_hosts at ~/.ssh/known_hosts"
: > "$tmp/known_hosts"
ok "a missing known_hosts is refused with its line and the fix"

printf '[warroom]\nread_only = perhaps\ntheme = dark\n[host "a"]\nport = 0\ncompose_dir = /x\nservices = api\n[statuspage]\nkind = cachet\nurl = http://status.example.com\ntoken_env = T\n' > "$tmp/bad.conf"
refuse "$tmp/bad.conf" "$tmp/bad.conf:2: read_only: expected true or false, got 'perhaps'"
assert_contains "$tmp/out" "$tmp/bad.conf:5: port: expected a number from 1 to 65535, got '0'"
assert_contains "$tmp/out" "$tmp/bad.conf:3: theme: theme 'dark' not found"
assert_contains "$tmp/out" "$tmp/bad.conf:8: [statuspage] url: plain http is refused"
ok "every problem is listed with file:line, a missing theme and plain http among them"

refuse "$tmp/none.conf" "$tmp/none.conf: cannot open: No such file or directory"
ok "a missing config is refused"

# A status page gets a credential: plain http only to loopback.
sed 's|^url = https://status.example.com/api/v1|url = http://status.example.com/api/v1|' \
	"$tmp/good.conf" > "$tmp/plain.conf"
refuse "$tmp/plain.conf" "[statuspage] url: plain http is refused"
sed 's|^url = https://status.example.com/api/v1|url = http://127.0.0.1:8080/api/v1|' \
	"$tmp/good.conf" > "$tmp/loop.conf"
WR_TEST_METRICS_TOKEN=x "$WARROOM" -c "$tmp/loop.conf" --check-config > "$tmp/out" 2>&1 ||
	{ cat "$tmp/out"; fail "plain http to loopback refused"; }
ok "a status page over plain http is refused at the check, except to loopback"

# The chat's webhook URL is a credential too (checked, never printed): plain
# http only to loopback; an unset variable is a warning, like a token's.
printf 'http://hooks.example.com/services/%s\n' "$secret" > "$tmp/hook"
chmod 600 "$tmp/hook"
n=$(($(wc -l < "$tmp/good.conf") + 2))
{ cat "$tmp/good.conf"; printf '[chat]\nwebhook_url_file = %s\n' "$tmp/hook"; } > "$tmp/chat.conf"
WR_TEST_METRICS_TOKEN=x refuse "$tmp/chat.conf" "$tmp/chat.conf:$n: [chat] webhook URL: plain http is refused"
assert_not_contains "$tmp/out" "$secret"
assert_not_contains "$tmp/out" "hooks.example.com"
printf 'http://127.0.0.1:9/services/%s\n' "$secret" > "$tmp/hook"
WR_TEST_METRICS_TOKEN=x "$WARROOM" -c "$tmp/chat.conf" --check-config > "$tmp/out" 2>&1 ||
	{ cat "$tmp/out"; fail "a webhook on loopback refused"; }
{ cat "$tmp/good.conf"; printf '[chat]\nwebhook_url_env = WR_TEST_HOOK\n'; } > "$tmp/chatenv.conf"
WR_TEST_METRICS_TOKEN=x "$WARROOM" -c "$tmp/chatenv.conf" --check-config > "$tmp/out" 2>&1 ||
	{ cat "$tmp/out"; fail "an unset webhook variable refused"; }
assert_contains "$tmp/out" 'warning: [chat]: $WR_TEST_HOOK is not set: nothing will be announced'
WR_TEST_METRICS_TOKEN=x WR_TEST_HOOK="http://hooks.example.com/$secret" \
	refuse "$tmp/chatenv.conf" "$tmp/chatenv.conf:$n: [chat] webhook URL: plain http is refused"
assert_not_contains "$tmp/out" "$secret"
ok "a chat webhook over plain http is refused at the check, except to loopback; an unset one warned of"

# Files that decide where the console connects, what ssh runs (ProxyCommand)
# and which keys are trusted: nobody else may write them, as ssh requires of
# its own config.
for f in good.conf ssh_config known_hosts; do
	chmod 666 "$tmp/$f"
	case $f in
	good.conf) at="$tmp/good.conf: config $tmp/good.conf"; decides="where the console connects" ;;
	ssh_config) at="$tmp/good.conf:4: ssh_config $tmp/ssh_config"; decides="what ssh runs" ;;
	known_hosts) at="$tmp/good.conf:3: known_hosts $tmp/known_hosts"; decides="which host keys" ;;
	esac
	WR_TEST_METRICS_TOKEN=x refuse "$tmp/good.conf" "$at is writable by group or others (mode 0666), and it decides $decides"
	assert_contains "$tmp/out" "chmod go-w $tmp/$f"
	chmod 644 "$tmp/$f"
done
if [ "$(id -u)" = 0 ]; then
	chown 65534 "$tmp/ssh_config"
	WR_TEST_METRICS_TOKEN=x refuse "$tmp/good.conf" "$tmp/good.conf:4: ssh_config $tmp/ssh_config is owned by uid 65534, neither you nor root"
	chown 0 "$tmp/ssh_config"
fi
ok "a config, ssh_config or known_hosts others can write (or own) is refused with the fix"

# An RSA identity would be skipped at every login (libssh2 1.10 cannot sign
# with it): said at the check, passphrase or not.
ssh-keygen -q -t rsa -b 1024 -N 'a passphrase' -C test -f "$tmp/id_rsa"
sed "s|^identity_file = .*|identity_file = $tmp/id_rsa|" "$tmp/good.conf" > "$tmp/rsa.conf"
WR_TEST_METRICS_TOKEN=x refuse "$tmp/rsa.conf" "$tmp/rsa.conf:15: identity_file $tmp/id_rsa: an rsa key cannot sign here (libssh2 1.10 has no rsa-sha2, OpenSSH refuses ssh-rsa and ssh-dss); use an ed25519 or ecdsa key (ssh-keygen -t ed25519)"
ok "an RSA identity_file is refused at the check"

# A timeline_dir the console could not use at its first incident.
: > "$tmp/afile"
sed "s|^timeline_dir = .*|timeline_dir = afile|" "$tmp/good.conf" > "$tmp/tl.conf"
WR_TEST_METRICS_TOKEN=x refuse "$tmp/tl.conf" "$tmp/tl.conf:2: timeline_dir $tmp/afile is not a directory"
sed "s|^timeline_dir = .*|timeline_dir = afile/incidents|" "$tmp/good.conf" > "$tmp/tl.conf"
WR_TEST_METRICS_TOKEN=x refuse "$tmp/tl.conf" "$tmp/tl.conf:2: timeline_dir $tmp/afile/incidents cannot be made: $tmp/afile is not a directory"
ok "a timeline_dir that is a file, or cannot be made, is refused"

# Relative paths are the config's directory's, shown absolute and clean.
real=$(cd "$tmp" && pwd -P)
sed "s|^known_hosts = known_hosts|known_hosts = ./known_hosts|" "$tmp/good.conf" > "$tmp/dot.conf"
(cd / && WR_TEST_METRICS_TOKEN=x "$WARROOM" -c "$tmp/dot.conf" --check-config) > "$tmp/out" 2>&1 ||
	{ cat "$tmp/out"; fail "./known_hosts refused"; }
(cd "$tmp" && WR_TEST_METRICS_TOKEN=x "$WARROOM" -c ./dot.conf --check-config) > "$tmp/out2" 2>&1 ||
	{ cat "$tmp/out2"; fail "-c ./dot.conf refused"; }
assert_contains "$tmp/out" "known_hosts: $tmp/known_hosts"
assert_contains "$tmp/out2" "config: $real/dot.conf"
assert_contains "$tmp/out2" "known_hosts: $real/known_hosts"
assert_contains "$tmp/out2" "ssh_config: $real/ssh_config"
assert_not_contains "$tmp/out" "./"
assert_not_contains "$tmp/out2" "./"
ok "relative paths resolve against the config's directory, absolute and without ./"

# The man page's EXAMPLE pasted as man prints it: indented lines are read.
sed 's/^/       /' "$tmp/good.conf" > "$tmp/indented.conf"
WR_TEST_METRICS_TOKEN=x "$WARROOM" -c "$tmp/indented.conf" --check-config > "$tmp/out" 2>&1 ||
	{ cat "$tmp/out"; fail "an indented config refused"; }
assert_contains "$tmp/out" "config OK"
ok "an indented config reads as written"

# No config yet: where one comes from, not only ENOENT.
mkdir -p "$tmp/home"
rc=0; HOME=$tmp/home XDG_CONFIG_HOME= "$WARROOM" --check-config > "$tmp/out" 2>&1 || rc=$?
[ "$rc" -eq 1 ] || { cat "$tmp/out"; fail "no config exited $rc"; }
assert_contains "$tmp/out" "warroom: no config at $tmp/home/.config/warroom/warroom.conf: pass -c FILE, or start from "
assert_contains "$tmp/out" "/examples/warroom.conf (see warroom.conf(5))"
# The example named is one that exists: before an install, the source tree's.
example=$(sed -n 's/.*or start from \(.*\) (see warroom.conf(5))$/\1/p' "$tmp/out")
[ -f "$example" ] || { cat "$tmp/out"; fail "the example named, '$example', does not exist"; }
# A file without hosts would open an empty console.
printf '[warroom]\ntimeline_dir = %s/timeline\n' "$tmp" > "$tmp/nohosts.conf"
refuse "$tmp/nohosts.conf" "$tmp/nohosts.conf: no hosts: add a [host \"name\"] section (see warroom.conf(5))"
: > "$tmp/empty.conf"
refuse "$tmp/empty.conf" "$tmp/empty.conf: no hosts"
ok "no config, or one without hosts, fails the check and says what to do"

# A mistyped placeholder, credentials in a URL (never printed), a port out
# of range and Prometheus's API path, each at its line.
cat > "$tmp/typos.conf" <<CONF
[host "a"]
compose_dir = /srv
services = api
health_url = http://admin:hunter2@127.0.0.1:8000
metrics_url = http://127.0.0.1:80000/metrics
prometheus_url = http://prom:9090/api/v1/query
[templates]
investigating = We look at {servce} since {began}.
[thresholds]
error_rate_rollback = 0.5%
[host "b"]
compose_dir = /srv
services = api
metrics_url = http://127.0.0.1:25301/metrics?token=abc123secret
CONF
refuse "$tmp/typos.conf" "$tmp/typos.conf:4: health_url: no user:password@ in the URL"
assert_contains "$tmp/out" "$tmp/typos.conf:14: metrics_url: no token= in the URL's query: secrets are never written in the config (a bearer token goes in metrics_token_env or metrics_token_file)"
assert_not_contains "$tmp/out" "abc123secret"
assert_contains "$tmp/out" "$tmp/typos.conf:5: metrics_url: the port in 'http://127.0.0.1:80000/metrics' is not a number from 1 to 65535"
assert_contains "$tmp/out" "$tmp/typos.conf:6: prometheus_url: give the Prometheus server's base URL"
assert_contains "$tmp/out" "$tmp/typos.conf:8: investigating: unknown placeholder {servce} (did you mean {service}?)"
assert_contains "$tmp/out" "$tmp/typos.conf:10: [thresholds]: error_rate_consider (2%, the default) is above error_rate_rollback (0.5%, line 10)"
assert_not_contains "$tmp/out" "hunter2"
ok "typos and credentials in URLs are refused at their lines, the password never shown"

# the list came out as 14, 27, 40, 15, 16, 28, 34, 41 (every key's
# problems, then every host's). It is in line order, the checks made after
# the parse (a missing identity file, the theme) included, and a start
# refuses with the same list.
cat > "$tmp/order.conf" <<CONF
[warroom]
timeline_dir = $tmp/timeline
theme = nosuchtheme
known_hosts = known_hosts
poll_interval = 5x

[host "a"]
services = api
compse = /srv
identity_file = $tmp/nokey
health_service = worker
[host "b"]
port = 70000
CONF
rc=0; "$WARROOM" -c "$tmp/order.conf" --check-config > /dev/null 2> "$tmp/check.err" || rc=$?
[ "$rc" -eq 1 ] || { cat "$tmp/check.err"; fail "order.conf exited $rc, want 1"; }
lines=$(sed -n "s|^$tmp/order.conf:\([0-9]*\): .*|\1|p" "$tmp/check.err" | tr '\n' ' ')
[ "$lines" = "3 5 7 9 10 11 12 12 13 " ] ||
	{ cat "$tmp/check.err"; fail "errors at lines $lines, want 3 5 7 9 10 11 12 12 13"; }
assert_contains "$tmp/check.err" "$tmp/order.conf:9: unknown key 'compse' in [host \"a\"] (did you mean 'compose_dir'?)"
rc=0; "$WARROOM" -c "$tmp/order.conf" < /dev/null > /dev/null 2> "$tmp/start.err" || rc=$?
[ "$rc" -eq 1 ] || fail "a start with order.conf exited $rc"
cmp -s "$tmp/start.err" "$tmp/check.err" ||
	{ cat "$tmp/start.err" "$tmp/check.err"; fail "check and start list different things"; }
ok "problems are listed in line order, by --check-config and by a start"

# an error_rate_query without {host} in [warroom] passed ("config OK")
# and gave every host the fleet's figure. It still passes (each host's
# 127.0.0.1 may be a Prometheus of its own), with a warning naming the
# query and the hosts. A misspelt {hots} is refused as in [templates];
# a query line too long to read is its one error, not also a missing
# error_rate_query for every host.
cat > "$tmp/prom.conf" <<CONF
[warroom]
timeline_dir = $tmp/timeline
prometheus_url = http://prom:9090
error_rate_query = sum(rate(http_requests_total{status=~"5.."}[1m])) / sum(rate(http_requests_total[1m]))
p95_query = histogram_quantile(0.95, sum by (le) (rate(d_bucket{host="{host}"}[1m])))
[host "h1"]
compose_dir = /srv
services = api
[host "h2"]
compose_dir = /srv
services = api
metrics_url = http://127.0.0.1:8000/metrics
[host "h3"]
compose_dir = /srv
services = api
CONF
"$WARROOM" -c "$tmp/prom.conf" --check-config > "$tmp/out" 2>&1 ||
	{ cat "$tmp/out"; fail "prom.conf refused"; }
assert_contains "$tmp/out" "warning: $tmp/prom.conf:4: error_rate_query has no {host}: hosts h1 and h3 ask http://prom:9090 the same query, so each verdict rests on one fleet-wide figure"
assert_contains "$tmp/out" "config OK"
sed -e 's/^error_rate_query = .*/error_rate_query = sum(rate(e{host="{hots}"}[1m]))/' \
	"$tmp/prom.conf" > "$tmp/hots.conf"
refuse "$tmp/hots.conf" "$tmp/hots.conf:4: error_rate_query: unknown placeholder {hots} (did you mean {host}?) (known: {host})"
long=$(printf 'x%.0s' $(seq 1 200))
sed -e "s/^error_rate_query = .*/error_rate_query = sum(rate(e{host=\"{host}\",a=\"$long\"}[1m]))/" \
	"$tmp/prom.conf" > "$tmp/long.conf"
refuse "$tmp/long.conf" "$tmp/long.conf:4: line too long (at most 197 bytes)"
[ "$(grep -c "$tmp/long.conf:" "$tmp/out")" -eq 1 ] || { cat "$tmp/out"; fail "knock-on errors after a line too long"; }
ok "a shared query without {host} warns, a misspelt placeholder and a long line are one error each"

# The shipped example is a first config: copied, with its known_hosts made,
# it passes the check.
mkdir -p "$tmp/first/.config/warroom"
cp "$top_srcdir/examples/warroom.conf" "$tmp/first/.config/warroom/warroom.conf"
: > "$tmp/first/.config/warroom/known_hosts"
HOME=$tmp/first XDG_CONFIG_HOME= METRICS_TOKEN=x "$WARROOM" --check-config > "$tmp/out" 2>&1 ||
	{ cat "$tmp/out"; fail "the example config refused"; }
assert_contains "$tmp/out" "known_hosts: $tmp/first/.config/warroom/known_hosts"
assert_contains "$tmp/out" "config OK"
assert_not_contains "$tmp/out" "no metrics_url or prometheus_url"
ok "examples/warroom.conf passes the check once its known_hosts exists, every host with metrics"

# A Kubernetes or Helm host without namespace = watches "default", a
# likely slip: a warning. A host with no address that ssh_config does not
# know either is reached by its bare name: its summary line says so.
cat > "$tmp/ns.conf" <<CONF
[warroom]
timeline_dir = $tmp/timeline
ssh_config = $tmp/ssh_config

[host "k8s"]
driver = k8s
services = api
metrics_url = http://127.0.0.1:8000/metrics

[host "helm-prod"]
driver = helm
namespace = prod
services = api
metrics_url = http://127.0.0.1:8000/metrics

[host "bare"]
driver = helm
services = api
metrics_url = http://127.0.0.1:8000/metrics

[host "c1"]
address = 127.0.0.1
compose_dir = /srv
services = api
metrics_url = http://127.0.0.1:8000/metrics
CONF
"$WARROOM" -c "$tmp/ns.conf" --check-config > "$tmp/out" 2>&1 ||
	{ cat "$tmp/out"; fail "ns.conf refused"; }
assert_contains "$tmp/out" 'warning: k8s: no namespace: watching "default"'
assert_contains "$tmp/out" 'warning: bare: no namespace: watching "default"'
assert_not_contains "$tmp/out" "warning: helm-prod: no namespace"
assert_not_contains "$tmp/out" "warning: c1: no namespace"
assert_contains "$tmp/out" "  bare: $(id -un)@bare:22 driver=helm namespace=default services=api (no address here or in ssh_config: the name is the address)"
assert_contains "$tmp/out" "  helm-prod: $(id -un)@helm-prod:22 driver=helm namespace=prod services=api (no address here or in ssh_config: the name is the address)"
assert_not_contains "$tmp/out" "k8s: ops@10.1.2.3:2222 via bastion driver=k8s namespace=default services=api (no address"
assert_not_contains "$tmp/out" "c1: 127.0.0.1:22 driver=compose compose_dir=/srv services=api (no address"
assert_contains "$tmp/out" "config OK"
ok "a k8s or helm host without a namespace is warned about; a name that is its own address is said"

# --incident names what the console works on; --check-config starts none.
rc=0; "$WARROOM" -c "$tmp/ns.conf" --check-config --incident db-outage > "$tmp/out" 2> "$tmp/err" ||
	rc=$?
[ "$rc" -eq 2 ] || fail "--check-config --incident exited $rc, want 2"
assert_contains "$tmp/err" "warroom: --incident is an option of the console; --check-config does not take it"
[ -s "$tmp/out" ] && fail "--check-config --incident checked anyway"
ok "--check-config refuses --incident rather than ignore it"

# A misspelt host header is guessed as one, and its keys are checked as
# a host's in the same run.
cat > "$tmp/hots.conf" <<CONF
[warroom]
timeline_dir = $tmp/timeline
[hots "api-1"]
adress = 127.0.0.1
compose_dir = /srv
services = api
CONF
refuse "$tmp/hots.conf" "$tmp/hots.conf:3: unknown section [hots \"api-1\"] (did you mean [host \"api-1\"]?)"
assert_contains "$tmp/out" "$tmp/hots.conf:4: unknown key 'adress' in [host \"api-1\"] (did you mean 'address'?)"
ok "a misspelt host header gets its guess, and its keys are checked"

# -r opens a runbook in the console; the check has no console to open it
# in, and 'warroom runbook -c' is the check of a runbook.
: > "$tmp/drill.md"
rc=0; "$WARROOM" -c "$tmp/ns.conf" --check-config -r "$tmp/drill.md" > "$tmp/out" 2> "$tmp/err" ||
	rc=$?
[ "$rc" -eq 2 ] || fail "--check-config -r exited $rc, want 2"
assert_contains "$tmp/err" "warroom: -r is an option of the console; --check-config does not take it (warroom runbook -c FILE RUNBOOK checks a runbook against the config)"
[ -s "$tmp/out" ] && fail "--check-config -r checked anyway"
ok "--check-config refuses -r rather than ignore it"

# --read-only trusts no host key with K: a host whose key is in no
# known_hosts file could never connect, so the check fails on it and
# says how to add it; a host already there passes.
cat > "$tmp/ro_ssh_config" <<CFG
Host *
  UserKnownHostsFile $tmp/ro_known
  GlobalKnownHostsFile /dev/null
CFG
printf '[127.0.0.1]:2202 %s\n' "$(cut -d' ' -f1,2 "$tmp/id_ed25519.pub")" > "$tmp/ro_known"
cat > "$tmp/ro.conf" <<CONF
[warroom]
timeline_dir = $tmp/timeline
known_hosts = $tmp/ro_known
ssh_config = $tmp/ro_ssh_config
[host "h1"]
address = 127.0.0.1
port = 2201
compose_dir = /srv
services = api
metrics_url = http://127.0.0.1:8000/metrics
[host "h2"]
address = 127.0.0.1
port = 2202
compose_dir = /srv
services = api
metrics_url = http://127.0.0.1:8000/metrics
CONF
"$WARROOM" -c "$tmp/ro.conf" --check-config > "$tmp/out" 2>&1 || { cat "$tmp/out"; fail "ro.conf refused"; }
assert_not_contains "$tmp/out" "read-only"
rc=0; "$WARROOM" -c "$tmp/ro.conf" --check-config --read-only > "$tmp/out" 2>&1 || rc=$?
[ "$rc" -eq 1 ] || { cat "$tmp/out"; fail "--check-config --read-only exited $rc, want 1"; }
assert_contains "$tmp/out" "warroom: host \"h1\": its key ([127.0.0.1]:2201) is in no known_hosts file, and --read-only trusts none with K: check the fingerprint and add it first with ssh-keyscan -p 2201 127.0.0.1 >> $tmp/ro_known, or connect once with ssh"
assert_not_contains "$tmp/out" "host \"h2\": its key"
assert_contains "$tmp/out" "read-only: nothing is changed, and no host key is trusted with K"
assert_not_contains "$tmp/out" "config OK"
printf '[127.0.0.1]:2201 %s\n' "$(cut -d' ' -f1,2 "$tmp/id_ed25519.pub")" >> "$tmp/ro_known"
"$WARROOM" -c "$tmp/ro.conf" --check-config --read-only > "$tmp/out" 2>&1 ||
	{ cat "$tmp/out"; fail "--read-only refused with every key known"; }
assert_contains "$tmp/out" "config OK"
ok "--check-config --read-only fails on a host whose key is in no known_hosts file"
