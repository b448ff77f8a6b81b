"""layout.py — what `fleet up` writes: hosts, their starting state, configs.

Pure file writers: no process is started here.  The plan for each host
(name, driver, services, release history) comes from plan_hosts(); the
writers turn it into DIR/hosts/<name>/{host.json,state.json,sshd_config,
app/...}, DIR/warroom.conf and DIR/prometheus/prometheus.yml.
"""

import json
import os
import secrets

import fleetstate as fs

REGISTRY = "registry.local/acme"
DAY = 86400

# Release histories, oldest first: (tag, age in seconds).  The last is what runs.
GOOD = [("v1.4.0", 3 * DAY), ("v1.4.1", DAY)]
DEMO_COMPOSE = [("v1.4.0", 3 * DAY), ("v1.4.1", DAY), ("v1.5.0-bad", 600)]
DEMO_KUBE = [("v1.3.2", 4 * DAY), ("v1.4.0", 3 * DAY), ("v1.4.1", DAY), ("v1.5.0-bad", 600)]

SETTINGS = {"ps_shape": "lines", "log_rate": 2.0, "traffic_rps": 20.0, "metrics_label": "status",
            "rollout_seconds": 2.0, "restart_period": 20.0, "recreate_seconds": 0.0}


def plan_hosts(a):
    """[{name, driver, services, namespace, history, ps_shape}] from the CLI options."""
    if a.demo:
        out = [{"name": "api-1", "driver": "compose", "services": ["api", "jobs"], "history": DEMO_COMPOSE},
                {"name": "k8s-bastion", "driver": "k8s", "services": ["api"], "history": DEMO_KUBE},
                {"name": "helm-bastion", "driver": "helm", "services": ["api"], "history": DEMO_KUBE}]
    else:
        out = plan_numbered(a)
    for i, h in enumerate(out):
        h["namespace"] = "prod"
        h["ps_shape"] = a.ps_shape if a.ps_shape != "mixed" else ("array" if i % 2 else "lines")
    return out


def plan_numbered(a):
    hist = GOOD if a.tag in (None, GOOD[-1][0]) else GOOD + [(a.tag, 600)]
    cycle = ["compose", "k8s", "helm"]
    out = []
    for i in range(1, a.hosts + 1):
        drv = cycle[(i - 1) % 3] if a.driver == "mixed" else a.driver
        out.append({"name": "h%d" % i, "driver": drv, "services": ["api", "jobs"] if drv == "compose" else ["api"],
                    "history": hist})
    return out


def write_host(d, h, now, metrics_token=True):
    """Create DIR/hosts/<name>/ with its state, sshd_config and files."""
    hd = os.path.join(d, "hosts", h["name"])
    for sub in ("", "logs", "faults", "running"):
        os.makedirs(os.path.join(hd, sub), exist_ok=True)
    hj = {"name": h["name"], "driver": h["driver"], "services": h["services"], "namespace": h["namespace"],
          "project": "app" if h["driver"] == "compose" else None, "ssh_port": h["ssh_port"], "http_port": h["http_port"],
          "compose_dir": os.path.join(hd, "app") if h["driver"] == "compose" else None,
          "metrics_token_file": os.path.join(hd, "metrics.token") if metrics_token else None,
          "fleet_dir": d}
    if metrics_token:
        fd = os.open(hj["metrics_token_file"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.write(fd, ((os.environ.get("FLEET_TOKEN") or secrets.token_hex(16)) + "\n").encode())
        os.close(fd)
        os.chmod(hj["metrics_token_file"], 0o600)
    with open(os.path.join(hd, "host.json"), "w") as f:
        json.dump(hj, f, indent=1)
    fs.save_state(hd, initial_state(h, hj, now))
    if h["driver"] == "compose":
        write_compose_dir(hj, h, now)
    for svc in h["services"]:
        open(os.path.join(hd, "logs", svc + ".log"), "ab").close()
    open(os.path.join(hd, "commands.log"), "ab").close()
    write_sshd_config(d, hd, h)
    return hd


def initial_state(h, hj, now):
    hist = h["history"]
    st = {"settings": dict(SETTINGS, ps_shape=h.get("ps_shape", "lines"), log_rate=h.get("log_rate", 2.0)),
          "compose": {"projects": {}, "pulled": []}, "k8s": {"deployments": {}}, "helm": {"releases": {}},
          "migrations": {"db": 40 + len(hist) - 1, "by_tag": {t: 40 + i for i, (t, _) in enumerate(hist)}, "log": []}}
    tag, age = hist[-1]
    env = {"EXPORT_MODE": "on"}
    if h["driver"] == "compose":
        proj = st["compose"]["projects"].setdefault("app", {})
        for svc in h["services"]:
            img = "%s/%s:%s" % (REGISTRY, svc, tag)
            proj[svc] = {"image": img, "tag": tag, "env": dict(env), "state": "running", "created": now - age,
                         "started": now - age, "exit_code": 0, "restart_count": 0, "healthcheck": svc == "api",
                         "command": "gunicorn app:app --bind 0.0.0.0:8000" if svc == "api" else "celery -A app worker",
                         "publishers": [{"URL": "127.0.0.1", "TargetPort": 8000, "PublishedPort": h["http_port"], "Protocol": "tcp"}] if svc == "api" else [],
                         "config_file": os.path.join(hj["compose_dir"], "docker-compose.yml"), "working_dir": hj["compose_dir"]}
            st["compose"]["pulled"].append(img)
    elif h["driver"] == "k8s":
        dep = {"replicas": 3, "revisions": [], "created": now - hist[0][1]}
        for t, a in hist:
            img = "%s/api:%s" % (REGISTRY, t)
            fs.k8s_new_revision(dep, img, env, "kubectl set image deployment/api api=%s" % img, now - a)
        st["k8s"]["deployments"]["%s/api" % h["namespace"]] = dep
    else:
        rel = {"revisions": []}
        for i, (t, a) in enumerate(hist):
            fs.helm_new_revision(rel, "api-0.%d.0" % (9 + i), t.lstrip("v"), t,
                                 "Install complete" if i == 0 else "Upgrade complete", now - a, env)
        st["helm"]["releases"]["%s/api" % h["namespace"]] = rel
        # The release's Deployment, as the chart makes it: kubectl reads its
        # rollout, which a helm rollback starts (shims/helm).
        dep = {"replicas": 3, "revisions": [], "created": now - hist[0][1]}
        for t, a in hist:
            fs.k8s_new_revision(dep, "%s/api:%s" % (REGISTRY, t), env, None, now - a)
        st["k8s"]["deployments"]["%s/api" % h["namespace"]] = dep
    return st


def write_compose_dir(hj, h, now):
    app = hj["compose_dir"]
    os.makedirs(app, exist_ok=True)
    svc_text = []
    for svc in h["services"]:
        svc_text.append("  %s:\n    image: %s/%s:${IMAGE_TAG:?set IMAGE_TAG in .env}\n" % (svc, REGISTRY, svc))
        if svc == "api":
            svc_text.append("    command: gunicorn app:app --bind 0.0.0.0:8000\n    environment:\n"
                            "      EXPORT_MODE: ${EXPORT_MODE:-on}\n      DATABASE_URL: ${DATABASE_URL}\n"
                            "    ports:\n      - \"127.0.0.1:%d:8000\"\n    healthcheck:\n"
                            "      test: curl -fsS http://127.0.0.1:8000/healthz\n" % hj["http_port"])
        else:
            svc_text.append("    command: celery -A app worker\n    environment:\n"
                            "      EXPORT_MODE: ${EXPORT_MODE:-on}\n      DATABASE_URL: ${DATABASE_URL}\n")
    with open(os.path.join(app, "docker-compose.yml"), "w") as f:
        f.write("# docker-compose.yml of fleet host %s (read by the fleet's docker shim:\n"
                "# block mappings and lists only)\nservices:\n%s" % (hj["name"], "".join(svc_text)))
    with open(os.path.join(app, ".env"), "w") as f:
        f.write("IMAGE_TAG=%s\nEXPORT_MODE=on\nDATABASE_URL=postgres://app:fleet-canary-db-secret@db:5432/app\n" % h["history"][-1][0])
    with open(os.path.join(app, "releases.log"), "w") as f:
        for t, a in h["history"]:
            f.write(release_line(now - a, t, h["services"]))


def release_line(t, tag, services):
    return "%s deploy IMAGE_TAG=%s services=%s result=ok\n" % (fs.iso_s(t), tag, ",".join(services))


def write_sshd_config(d, hd, h):
    root = os.getuid() == 0
    lines = ["# sshd_config of fleet host %s (written by tests/fleet/fleet)" % h["name"],
             "Port %d" % h["ssh_port"], "ListenAddress 127.0.0.1", "AddressFamily inet",
             "HostKey %s" % os.path.join(hd, "ssh_host_ed25519_key"),
             "PidFile %s" % os.path.join(hd, "sshd.pid"),
             "AuthorizedKeysFile %s" % os.path.join(d, "authorized_keys"),
             "PubkeyAuthentication yes", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
             "UsePAM no", "StrictModes no", "PermitRootLogin %s" % ("prohibit-password" if root else "no"),
             "AllowUsers %s" % h["user"], "MaxSessions 64", "MaxStartups 200:30:400", "LoginGraceTime 30",
             "AllowTcpForwarding yes", "PrintMotd no", "PrintLastLog no", "UseDNS no", "X11Forwarding no",
             "LogLevel INFO", "Subsystem sftp internal-sftp",
             # SHLVL=1: bash built with SSH_SOURCE_BASHRC (Debian) then skips ~/.bashrc
             # for remote commands, which would cost time (pyenv init) and reorder PATH.
             "SetEnv PATH=%s:/usr/local/bin:/usr/bin:/bin SHLVL=1 FLEET_HOST=%s FLEET_HOST_DIR=%s" % (
                 os.path.join(d, "bin"), h["name"], hd)]
    with open(os.path.join(hd, "sshd_config"), "w") as f:
        f.write("\n".join(lines) + "\n")


def warroom_conf(d, hosts, sp, user, prom_url):
    """The ready config; keys exactly as DESIGN §3.1 and the C parser accept."""
    out = ["; warroom.conf for the fixture fleet in %s (written by tests/fleet/fleet up)" % d,
           "[warroom]", "timeline_dir = %s" % os.path.join(d, "timeline"),
           "known_hosts = %s" % os.path.join(d, "known_hosts"), ""]
    if prom_url:
        out.insert(1, "; prometheus url = %s   (also in prometheus.url)" % prom_url)
    for h in hosts:
        hd = os.path.join(d, "hosts", h["name"])
        base = "http://127.0.0.1:%d" % h["http_port"]
        out += ['[host "%s"]' % h["name"], "address = 127.0.0.1", "port = %d" % h["ssh_port"],
                "user = %s" % user, "identity_file = %s" % os.path.join(d, "client_key"),
                "driver = %s" % h["driver"]]
        if h["driver"] == "compose":
            out.append("compose_dir = %s" % os.path.join(hd, "app"))
        else:
            out.append("namespace = %s" % h["namespace"])
        out += ["services = %s" % " ".join(h["services"]), "health_url = %s" % base,
                "metrics_url = %s/metrics" % base]
        if h["metrics_token"]:
            out.append("metrics_token_file = %s" % os.path.join(hd, "metrics.token"))
        out.append("")
    # The page speaks every dialect at once; the comments name the others.
    root = "http://127.0.0.1:%d" % sp["port"]
    urls = {"atlassian": "%s/v1/pages/%s" % (root, sp["page"]),
            "cachet": "%s (API under /api/v1)" % root, "cachet3": "%s (API under /api)" % root}
    url = urls[sp["kind"]].split(" ")[0]
    alt = ["; %s: kind = %s, url = %s" % (k, k, v) for k, v in sorted(urls.items()) if k != sp["kind"]]
    out += ["[statuspage]"] + alt + ["kind = %s" % sp["kind"], "url = %s" % url,
            "token_file = %s" % os.path.join(d, "statuspage.token"), ""]
    with open(os.path.join(d, "warroom.conf"), "w") as f:
        f.write("\n".join(out))


def prometheus_yml(d, hosts, interval):
    """One scrape job per host (each has its own bearer token file)."""
    out = ["# prometheus.yml for the fixture fleet (written by tests/fleet/fleet up --prometheus)",
           "global:", "  scrape_interval: %s" % interval, "  scrape_timeout: %s" % interval,
           "  evaluation_interval: %s" % interval, "scrape_configs:"]
    for h in hosts:
        out += ["  - job_name: fleet-%s" % h["name"], "    metrics_path: /metrics"]
        if h["metrics_token"]:
            out += ["    authorization:", "      type: Bearer",
                    "      credentials_file: %s" % os.path.join(d, "hosts", h["name"], "metrics.token")]
        out += ["    static_configs:", '      - targets: ["127.0.0.1:%d"]' % h["http_port"],
                "        labels: {host: \"%s\", service: \"%s\", driver: \"%s\"}" % (h["name"], h["services"][0], h["driver"])]
    path = os.path.join(d, "prometheus", "prometheus.yml")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")
    return path
