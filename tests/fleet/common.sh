# common.sh — sourced by tests/fleet/test_*.sh: find the fleet, make a temp
# dir, always `fleet down` on exit, and small assertion helpers.
#
# Exit codes follow automake: 0 pass, 1 fail, 77 skip.  Works from any cwd:
# the fleet is looked up next to the test ($0), then in $srcdir and
# $srcdir/tests/fleet (automake exports srcdir relative to the cwd).

set -u

for fleet_src in "$(dirname "$0")" "${srcdir:-.}" "${srcdir:-.}/tests/fleet"; do
	[ -x "$fleet_src/fleet" ] && [ -f "$fleet_src/common.sh" ] && break
done
[ -x "$fleet_src/fleet" ] || { echo "FAIL: cannot find tests/fleet/fleet (srcdir=${srcdir:-unset})" >&2; exit 1; }
FLEET_SRC=$(cd "$fleet_src" && pwd)
FLEET=$FLEET_SRC/fleet

skip() { echo "SKIP: $*"; exit 77; }
for tool in /usr/sbin/sshd ssh ssh-keygen curl python3; do
	command -v "$tool" >/dev/null 2>&1 || skip "$tool not installed"
done

T=$(mktemp -d "${TMPDIR:-/tmp}/fleet-test.XXXXXX") || exit 1
D=$T/fleet
cleanup() {
	fssh_mux_close
	[ -f "$D/fleet.json" ] && "$FLEET" down --dir "$D" >/dev/null 2>&1
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok - $*"; }
# check DESCRIPTION COMMAND...: run it, say ok or fail with the description.
check() { _d=$1; shift; if "$@"; then ok "$_d"; else fail "$_d"; fi; }
fleet() { "$FLEET" "$@"; }

# fssh HOST CMD...: plain OpenSSH to a fleet host, strict host key checking.
# A test that checks the shims, not connections, sets FSSH_MUX=1: each
# command is then a new session on one connection per host (a handshake
# and login cost more than most commands: a fifth of a second each).
FSSH_MUX=${FSSH_MUX:-}
fssh() { _fssh "$FSSH_MUX" "$@"; }
# fssh_fresh HOST CMD...: fssh on a connection of its own, mux or not.
fssh_fresh() { _fssh "" "$@"; }
_fssh() {
	_mux=$1 _h=$2; shift 2
	_p=$(sed -n "/^\[host \"$_h\"\]/,/^\[/s/^port = //p" "$D/warroom.conf")
	if [ -n "$_mux" ]; then set -- -o ControlMaster=auto -o ControlPath="$T/mux-%p" \
		-o ControlPersist=yes "$(id -un)@127.0.0.1" "$@"
	else set -- "$(id -un)@127.0.0.1" "$@"; fi
	ssh -F /dev/null -i "$D/client_key" -p "$_p" -o UserKnownHostsFile="$D/known_hosts" \
		-o StrictHostKeyChecking=yes -o BatchMode=yes -o IdentitiesOnly=yes -o LogLevel=ERROR \
		-o ConnectTimeout=5 "$@"
}
# fssh_mux_close: end the shared connections' masters (the test's end).
fssh_mux_close() {
	for _m in "$T"/mux-*; do
		[ -S "$_m" ] && ssh -o ControlPath="$_m" -O exit x > /dev/null 2>&1
	done
	return 0
}

# url HOST: the host's service base URL, from warroom.conf.
url() { sed -n "/^\[host \"$1\"\]/,/^\[/s/^health_url = //p" "$D/warroom.conf"; }
token() { cat "$D/hosts/$1/metrics.token"; }

# jq-less JSON: py EXPR < json  prints EXPR evaluated with the document as d.
py() { python3 -S -c "import json,sys; d=json.load(sys.stdin); r=($1); print(r if not isinstance(r,(dict,list)) else json.dumps(r))"; }

# pyl EXPR < json-lines: EXPR for each line's document d.
pyl() { python3 -S -c "import json,sys
for line in sys.stdin:
    d = json.loads(line); print($1)"; }

# contains HAYSTACK NEEDLE
contains() { case $1 in *"$2"*) return 0;; esac; echo "  expected to find: $2" >&2; echo "  in: $(printf %s "$1" | head -c 600)" >&2; return 1; }
eq() { [ "$1" = "$2" ] && return 0; echo "  expected: $2" >&2; echo "  got:      $1" >&2; return 1; }

# last_cmd HOST: the last commands.log line of a host.
last_cmd() { tail -n 1 "$D/hosts/$1/commands.log"; }

# no_leftovers: no process mentions DIR in its argv or environment, and no
# port of the fleet accepts connections.
no_leftovers() {
	python3 - "$D" <<'EOF'
import json, os, socket, sys
d = sys.argv[1]
me = {os.getpid(), os.getppid()}
bad = []
for p in os.listdir("/proc"):
    if not p.isdigit() or int(p) in me:
        continue
    for f in ("cmdline", "environ"):
        try:
            with open("/proc/%s/%s" % (p, f), "rb") as fh:
                if d.encode() in fh.read():
                    bad.append(p)
                    break
        except OSError:
            pass
m = json.load(open(os.path.join(d, "fleet.json")))
ports = [m["statuspage"]["port"], m["statuspage"]["redirect_port"]] + [p for h in m["hosts"] for p in (h["ssh_port"], h["http_port"])]
if m.get("prometheus"):
    ports.append(m["prometheus"]["port"])
open_ports = []
for port in ports:
    s = socket.socket()
    s.settimeout(0.2)
    if s.connect_ex(("127.0.0.1", port)) == 0:
        open_ports.append(port)
    s.close()
if bad or open_ports:
    print("  leftover pids: %s; open ports: %s" % (bad, open_ports), file=sys.stderr)
    sys.exit(1)
EOF
}

# wait_until SECONDS COMMAND...: poll every 0.1 s.
wait_until() {
	_end=$(( $(date +%s) + $1 )); shift
	while ! "$@" 2>/dev/null; do
		[ "$(date +%s)" -ge "$_end" ] && return 1
		sleep 0.1
	done
}
