# common.sh — sourced by every shell test: where things are, a private
# temporary directory removed on exit, small assertions that say why
# they failed, and the fixture fleet (fleet_up). Exit 77 skips a test
# under automake's harness.
set -u

: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${WARROOM:=$top_builddir/src/warroom}"
WARROOM_THEME_PATH=${WARROOM_THEME_PATH:-$top_srcdir/themes}
LC_ALL=C.UTF-8
export WARROOM_THEME_PATH LC_ALL
unset NO_COLOR
# Whatever the caller's umask: warroom refuses a config, ssh_config or
# known_hosts that others may write, as ssh does.
umask 022

tmp=$(mktemp -d "${TMPDIR:-/tmp}/warroom-test.XXXXXX")
cleanup_hooks=""
cleanup() {
	for hook in $cleanup_hooks; do "$hook"; done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*"; exit 77; }
# Each "ok" line ends with the seconds since the test began, so a slow
# test's log says where its time went.
test_t0=$(date +%s)
ok() { echo "ok: $* [$(( $(date +%s) - test_t0 )) s]"; }

# assert_contains FILE TEXT — the file holds TEXT (fixed string).
assert_contains() {
	grep -qF -- "$2" "$1" || { echo "--- $1:"; cat "$1"; fail "expected '$2' in $1"; }
}

# assert_not_contains FILE TEXT
assert_not_contains() {
	! grep -qF -- "$2" "$1" || { echo "--- $1:"; cat "$1"; fail "did not expect '$2' in $1"; }
}

# until_ok SECONDS WHAT CMD… — CMD every 0.1 s until it succeeds; past
# SECONDS (whole), fail waiting for WHAT. For a wait on a condition in
# place of a fixed sleep: done as soon as it holds, generous when loaded.
until_ok() {
	_uo_n=$(( $1 * 10 )); _uo_what=$2; shift 2
	_uo_i=0
	until "$@"; do
		_uo_i=$((_uo_i + 1))
		[ "$_uo_i" -lt "$_uo_n" ] || fail "timed out after $_uo_n tries waiting for $_uo_what"
		sleep 0.1
	done
}

# fleet_up ARGS… — the fixture fleet in $fl ($tmp/fleet; its tool in
# $fleet) with a private HOME, taken down when the test ends.
fleet_up() {
	fleet=$top_srcdir/tests/fleet/fleet
	fl=$tmp/fleet
	cleanup_hooks="$cleanup_hooks fleet_down"
	export HOME=$tmp/home
	mkdir -p "$HOME"
	# Once more on another block: a fleet of a test beside this one may
	# have taken a port between the check and the bind. In a fresh
	# directory: the keys the first try made would stop ssh-keygen.
	"$fleet" up --dir "$fl" --base-port auto "$@" > "$tmp/up1.log" 2>&1 ||
		{ fleet_down; rm -rf "$fl"
		  "$fleet" up --dir "$fl" --base-port auto "$@" > "$tmp/up.log" 2>&1; } ||
		{ cat "$tmp/up1.log" "$tmp/up.log"; fail "fleet up"; }
}
fleet_down() { "$fleet" down --dir "$fl" > /dev/null 2>&1 || true; }

# A small config with two compose hosts and one Kubernetes host.
write_config() {
	cat > "$tmp/warroom.conf" <<CONF
[warroom]
timeline_dir = $tmp/timeline

[host "api-1"]
address = 127.0.0.1
port = 2201
user = deploy
driver = compose
compose_dir = /srv/app
services = api jobs

[host "api-2"]
address = 127.0.0.1
port = 2202
driver = compose
compose_dir = /srv/app
services = api

[host "k8s-bastion"]
address = 127.0.0.1
port = 2203
driver = k8s
namespace = prod
services = api
CONF
}

# known_fingerprint FILE PORT — the SHA256 fingerprint ssh-keygen prints
# for the loopback host on PORT in a known_hosts file.
known_fingerprint() {
	ssh-keygen -lf "$1" | awk -v p="[127.0.0.1]:$2" '$3 == p { print $2 }'
}
