#!/bin/sh
# test_fleet_unprivileged.sh — run the lifecycle and fault tests as an
# unprivileged user (sshd then authenticates only that uid).  Run as root
# with FLEET_TEST_USER=<an existing user with a login shell>, e.g. in CI:
#   useradd -m -s /bin/sh fleettest && FLEET_TEST_USER=fleettest make check
# As a non-root user every other fleet test already is this test: skipped.
for c in "$(dirname "$0")" "${srcdir:-.}" "${srcdir:-.}/tests/fleet"; do [ -f "$c/common.sh" ] && break; done
. "$c/common.sh"

[ "$(id -u)" = 0 ] || skip "not root: the other fleet tests already run unprivileged"
u=${FLEET_TEST_USER:-}
[ -n "$u" ] || skip "set FLEET_TEST_USER to an unprivileged user to run the fleet as that user"
id "$u" >/dev/null 2>&1 || fail "FLEET_TEST_USER=$u does not exist"
chown "$u" "$T" || fail "chown $T"
for t in test_fleet_lifecycle.sh test_fleet_faults.sh; do
	out=$(su "$u" -s /bin/sh -c "cd '$T' && TMPDIR='$T' sh '$FLEET_SRC/$t'" 2>&1) || fail "$t as $u: $(printf '%s\n' "$out" | tail -n 5)"
	ok "$t passes as $u ($(printf '%s\n' "$out" | grep -c '^ok') checks)"
done
exit 0
