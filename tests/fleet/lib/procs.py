"""procs.py — starting, recognising and stopping the fleet's processes.

Every long-running process `fleet` starts is recorded in DIR/pids as
"<pid> <start-time> <role> <name>"; the start time (field 22 of
/proc/<pid>/stat) makes a recycled pid harmless: a pid is only ever killed
when its start time still matches.  Shim invocations record themselves in
<host>/running/<pid> and are recognised by FLEET_HOST_DIR in their
environment.  Linux /proc is assumed.
"""

import os
import signal
import socket
import subprocess
import time


def stat_fields(pid):
    """/proc/<pid>/stat fields after the command name, or None."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            s = f.read()
    except OSError:
        return None
    return s[s.rindex(")") + 2:].split()


def start_time(pid):
    f = stat_fields(pid)
    return f[19] if f else None          # field 22 overall


def alive(pid, st=None):
    """Running (not a zombie) and, if st is given, the same process."""
    f = stat_fields(pid)
    if not f or (st is not None and f[19] != st):
        return False
    if f[0] in ("Z", "X"):
        # a zombie leader whose other threads still exit still holds the
        # process's files (its listening sockets) open
        try:
            return len(os.listdir("/proc/%d/task" % pid)) > 1
        except OSError:
            return False
    return True


def children_map():
    kids = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            f = stat_fields(int(d))
            if f:
                kids.setdefault(int(f[1]), []).append(int(d))
    return kids


def descendants(pid, kids=None):
    kids = children_map() if kids is None else kids
    out, todo = [], list(kids.get(pid, []))
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def comm(pid):
    try:
        with open("/proc/%d/comm" % pid) as f:
            return f.read().strip()
    except OSError:
        return ""


def environ_has(pid, item):
    try:
        with open("/proc/%d/environ" % pid, "rb") as f:
            return item.encode() in f.read().split(b"\0")
    except OSError:
        return False


def spawn(argv, log, cwd):
    """Start a detached process (own session, stdio to `log`); return pid."""
    with open(log, "ab") as out:
        p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                             start_new_session=True, close_fds=True, cwd=cwd)
    return p.pid


def record(fleet_dir, pid, role, name):
    with open(os.path.join(fleet_dir, "pids"), "a") as f:
        f.write("%d %s %s %s\n" % (pid, start_time(pid) or "0", role, name))


def recorded(fleet_dir):
    """[(pid, start, role, name)] from DIR/pids, oldest first."""
    out = []
    try:
        with open(os.path.join(fleet_dir, "pids")) as f:
            for line in f:
                p = line.split()
                if len(p) == 4:
                    out.append((int(p[0]), p[1], p[2], p[3]))
    except OSError:
        pass
    return out


def stop(pids, grace=5.0, sig=signal.SIGTERM):
    """Signal pids, wait up to `grace` s, SIGKILL what is left, wait again.
    pids: [(pid, start-time or None)].  Returns the pids still alive."""
    live = [(p, s) for p, s in pids if alive(p, s)]
    for p, _ in live:
        try:
            os.kill(p, sig)
        except OSError:
            pass
    for rnd, limit in ((0, grace), (1, 2.0)):
        end = time.time() + limit
        while time.time() < end:
            live = [(p, s) for p, s in live if alive(p, s)]
            if not live:
                return []
            time.sleep(0.02)
        if rnd == 0:
            for p, _ in live:
                try:
                    os.kill(p, signal.SIGKILL)
                except OSError:
                    pass
    return [p for p, s in live if alive(p, s)]


def port_open(port, timeout=0.2):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout):
            return True
    except OSError:
        return False


def port_free(port):
    """True when nothing listens on 127.0.0.1:port and a server could bind it
    (SO_REUSEADDR, as sshd and http.server use: TIME_WAIT does not count)."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        s.bind(("127.0.0.1", port))
        return not port_open(port, 0.05)
    except OSError:
        return False
    finally:
        s.close()


def ssh_banner(port, timeout=1.0):
    """True once sshd on port accepts and sends its SSH-2.0 banner."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.settimeout(timeout)
            return s.recv(64).startswith(b"SSH-2.0-")
    except OSError:
        return False
