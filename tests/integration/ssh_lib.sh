# ssh_lib.sh — sourced by test_ssh*.sh (split so they run side by side):
# the probe, a fleet of three hosts in $fl (or $ssh_hosts; real sshd on
# loopback, taken down on exit) with its config in $conf, and a private
# HOME with no agent.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/common.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
probe=$top_builddir/tests/integration/ssh_probe
unset WARROOM_NO_SSH_G SSH_AUTH_SOCK
fleet_up --hosts "${ssh_hosts:-3}"
conf=$fl/warroom.conf
