#!/bin/sh
# test_fleet_kube.sh — the kubectl and helm shims on the demo's k8s-bastion
# and helm-bastion: Deployment/ReplicaSet/Pod JSON, restart counts, rollout history /
# undo / restart / status (with --timeout), set env (a new revision; /export follows
# EXPORT_MODE), logs -f; helm history / rollback / list.
# The shims are checked, not connections: one connection per host.
FSSH_MUX=1
for c in "$(dirname "$0")" "${srcdir:-.}" "${srcdir:-.}/tests/fleet"; do [ -f "$c/common.sh" ] && break; done
. "$c/common.sh"

fleet up --dir "$D" --demo --base-port auto >/dev/null || fail "fleet up --demo"
fleet set --dir "$D" k8s-bastion rollout_seconds=1 restart_period=20 >/dev/null

# --- kubectl -------------------------------------------------------------
r=$(fssh k8s-bastion 'kubectl get deploy api -n prod -o json') || fail "get deploy"
check "Deployment JSON: kind, revision annotation, image, replicas" eq \
	"$(printf %s "$r" | py "d['kind'], d['metadata']['annotations']['deployment.kubernetes.io/revision'], d['spec']['template']['spec']['containers'][0]['image'], d['status']['readyReplicas'], d['status']['updatedReplicas']")" \
	"('Deployment', '4', 'registry.local/acme/api:v1.5.0-bad', 3, 3)"
check "Deployment conditions" eq "$(printf %s "$r" | py "[(c['type'], c['status']) for c in d['status']['conditions']]")" \
	'[["Available", "True"], ["Progressing", "True"]]'

r=$(fssh k8s-bastion 'kubectl get pods -n prod -l app=api -o json') || fail "get pods"
check "pods: a List of 3 running pods" eq "$(printf %s "$r" | py "d['kind'], len(d['items']), {p['status']['phase'] for p in d['items']}")" \
	"('List', 3, {'Running'})"
rc=$(printf %s "$r" | py "min(p['status']['containerStatuses'][0]['restartCount'] for p in d['items'])")
[ "$rc" -ge 3 ] || fail "bad tag pods restart: restartCount $rc < 3 after 10 min"
check "restarting pods carry lastState.terminated" eq \
	"$(printf %s "$r" | py "d['items'][0]['status']['containerStatuses'][0]['lastState']['terminated']['reason']")" "Error"
ok "bad tag: restartCount $rc"
check "pods selector that matches nothing" eq "$(fssh k8s-bastion 'kubectl get pods -n prod -l app=nope -o json' | py "len(d['items'])")" 0

r=$(fssh k8s-bastion 'kubectl rollout history deployment/api -n prod')
check "rollout history table" contains "$r" "deployment.apps/api 
REVISION  CHANGE-CAUSE
1         kubectl set image deployment/api api=registry.local/acme/api:v1.3.2"
check "rollout history: 4 revisions" eq "$(printf '%s\n' "$r" | grep -c '^[0-9]')" 4

r=$(fssh k8s-bastion 'kubectl rollout undo deployment/api -n prod') || fail "undo: $r"
check "rollout undo" eq "$r" "deployment.apps/api rolled back"
check "commands.log: undo is mutating" eq "$(last_cmd k8s-bastion | py "d['cmd'], d['mutating'], d['exit']")" \
	"('kubectl rollout undo deployment/api -n prod', True, 0)"
r=$(fssh k8s-bastion 'kubectl rollout status deployment/api -n prod --timeout=10s'; echo "rc=$?")
check "rollout status waits, then succeeds" contains "$r" 'deployment "api" successfully rolled out
rc=0'
check "undo made revision 3 the new revision 5" eq \
	"$(fssh k8s-bastion 'kubectl rollout history deployment/api -n prod' | grep '^[0-9]' | cut -c1-2 | tr -d ' \n')" "1245"

# one ReplicaSet per revision, owned by the deployment; only the current one scaled up
dep=$(fssh k8s-bastion 'kubectl get deploy api -n prod -o json') || fail "get deploy (rs)"
r=$(fssh k8s-bastion 'kubectl get rs -n prod -l app=api -o json') || fail "get rs"
check "rs: a List, one ReplicaSet per revision, each its revision's image and replicas" eq \
	"$(printf %s "$r" | py "d['kind'], sorted((int(x['metadata']['annotations']['deployment.kubernetes.io/revision']), x['spec']['template']['spec']['containers'][0]['image'], x['spec']['replicas']) for x in d['items'])")" \
	"('List', [(1, 'registry.local/acme/api:v1.3.2', 0), (2, 'registry.local/acme/api:v1.4.0', 0), (4, 'registry.local/acme/api:v1.5.0-bad', 0), (5, 'registry.local/acme/api:v1.4.1', 3)])"
check "rs: the current one has the deployment's replicas and image" eq \
	"$(printf %s "$r" | py "[(x['spec']['replicas'], x['spec']['template']['spec']['containers'][0]['image'], x['status']['readyReplicas']) for x in d['items'] if x['spec']['replicas']]")" \
	"$(printf %s "$dep" | py "[[d['spec']['replicas'], d['spec']['template']['spec']['containers'][0]['image'], d['spec']['replicas']]]")"
uid=$(printf %s "$dep" | py "d['metadata']['uid']")
check "rs: each owned by the deployment (controller)" eq \
	"$(printf %s "$r" | py "sorted({(len(x['metadata']['ownerReferences']), o['apiVersion'], o['kind'], o['name'], o['uid'] == '$uid', o['controller'], o['blockOwnerDeletion']) for x in d['items'] for o in x['metadata']['ownerReferences']})")" \
	'[[1, "apps/v1", "Deployment", "api", true, true, true]]'
check "rs: named <deploy>-<pod-template-hash>, selector and template labels carry the hash" eq \
	"$(printf %s "$r" | py "{x['metadata']['name'] == 'api-' + x['metadata']['labels']['pod-template-hash'] and x['spec']['selector']['matchLabels'] == x['spec']['template']['metadata']['labels'] == x['metadata']['labels'] for x in d['items']}")" \
	"{True}"
check "rs: old ones report 0 replicas and omit ready/available" eq \
	"$(printf %s "$r" | py "sorted({tuple(sorted(x['status'])) for x in d['items'] if not x['spec']['replicas']})")" \
	'[["observedGeneration", "replicas"]]'
rs=$(printf %s "$r" | py "[x['metadata']['name'] for x in d['items'] if x['spec']['replicas']][0]")
check "rs: the current one owns the pods" eq \
	"$(fssh k8s-bastion 'kubectl get pods -n prod -l app=api -o json' | py "sorted({o['name'] for p in d['items'] for o in p['metadata']['ownerReferences']})")" \
	"[\"$rs\"]"
r=$(fssh k8s-bastion "kubectl get rs -n prod; kubectl get replicaset/$rs -n prod -o name; kubectl get rs api-nope -n prod 2>&1; echo rc=\$?; kubectl get rs -n nope 2>&1 >/dev/null")
check "rs: table" contains "$r" "NAME             DESIRED   CURRENT   READY   AGE
api-"
check "... the current one 3/3/3" contains "$r" "
$rs   3         3         3       "
check "... -o name" contains "$r" "replicaset.apps/$rs"
check "... NotFound" contains "$r" 'Error from server (NotFound): replicasets.apps "api-nope" not found
rc=1'
check "... empty namespace on stderr" contains "$r" "No resources found in nope namespace."
check "/version follows the deployment" eq "$(curl -s "$(url k8s-bastion)/version" | py "d['version']")" "v1.4.1"
check "pods of a good tag do not restart" eq \
	"$(fssh k8s-bastion 'kubectl get pods -n prod -o json' | py "sum(p['status']['containerStatuses'][0]['restartCount'] for p in d['items'])")" 0

r=$(fssh k8s-bastion 'kubectl rollout undo deployment/api -n prod --to-revision=1 && kubectl get deploy api -n prod -o json' | tail -n +2 | py "d['spec']['template']['spec']['containers'][0]['image']")
check "undo --to-revision=1" eq "$r" "registry.local/acme/api:v1.3.2"
r=$(fssh k8s-bastion 'kubectl rollout undo deployment/api -n prod --to-revision=42 2>&1; echo rc=$?')
check "undo to a missing revision fails" contains "$r" "unable to find specified revision 42 in history
rc=1"

# rollout status --timeout: exit 1 like kubectl when the rollout is stuck
fleet fault --dir "$D" k8s-bastion rollout-stuck >/dev/null
fssh k8s-bastion 'kubectl rollout undo deployment/api -n prod' >/dev/null || fail "undo (stuck)"
r=$(fssh k8s-bastion 'kubectl rollout status deployment/api -n prod --timeout=1s 2>&1; echo rc=$?')
check "rollout status --timeout on a stuck rollout: exit 1" contains "$r" "rc=1"
check "... with kubectl's message" contains "$r" "error: timed out waiting for the condition"
r=$(fssh k8s-bastion 'kubectl rollout status deployment/api -n prod --watch=false; echo rc=$?')
check "rollout status --watch=false exits 0 unfinished" contains "$r" "rc=0"
grep -q '"event":"start".*kubectl rollout status' "$D/hosts/k8s-bastion/commands.log" || fail "no start line for rollout status"
ok "commands.log: rollout status has a start line"

r=$(fssh k8s-bastion 'timeout 1.5 kubectl logs -f deployment/api -n prod --since=1m 2>&1; echo rc=$?')
check "kubectl logs -f streams the service log" contains "$r" " api req="
check "kubectl logs -f names the pod it picked" contains "$r" "Found 3 pods, using pod/api-"
check "kubectl logs -f ends with the timeout" contains "$r" "rc=124"
# A deployment's own selector: every pod, each line's pod named (--prefix),
# the same line always under the same pod; more pods than
# --max-log-requests (5 by default) refused, as kubectl does.
r=$(fssh k8s-bastion 'timeout 1.5 kubectl logs -f -l app=api --prefix --max-log-requests=20 -n prod --since=1m 2>&1; echo rc=$?')
check "kubectl logs -l --prefix names 3 pods" eq \
	"$(printf '%s\n' "$r" | sed -n 's/^\[pod\/\(api-[a-z0-9-]*\)\/api\] 20[0-9-]*T.* api req=.*/\1/p' | sort -u | wc -l)" 3
l=$(printf '%s\n' "$r" | grep '^\[pod/' | tail -1)
r=$(fssh k8s-bastion 'timeout 1.5 kubectl logs -f -l app=api --prefix -n prod --since=1m --max-log-requests=3 2>&1')
check "... the same line under the same pod again" contains "$r" "$l"
# deployment/NAME --prefix: only the lines of the pod it picked, named as
# the selector's tail names them.
r=$(fssh k8s-bastion 'timeout 1.5 kubectl logs -f deployment/api --prefix -n prod --since=1m 2>&1')
p=$(printf '%s\n' "$r" | sed -n 's/^Found 3 pods, using pod\/\(api-[a-z0-9-]*\)$/\1/p')
check "kubectl logs deployment/NAME --prefix: the lines of the pod it picked" eq \
	"$(printf '%s\n' "$r" | sed -n 's/^\[pod\/\(api-[a-z0-9-]*\)\/api\] 20[0-9-]*T.* api req=.*/\1/p' | sort -u)" "$p"
l=$(printf '%s\n' "$r" | grep '^\[pod/' | tail -1)
r=$(fssh k8s-bastion 'timeout 1.5 kubectl logs -f -l app=api --prefix -n prod --since=1m 2>&1')
check "... each as the selector's tail names it" contains "$r" "$l"
r=$(fssh k8s-bastion 'kubectl logs -f -l app=api --prefix -n prod --max-log-requests=2 2>&1; echo rc=$?')
check "... more pods than --max-log-requests refused" eq "$r" "error: you are attempting to follow 3 log streams, but maximum allowed concurrency is 2, use --max-log-requests to increase the limit
rc=1"

# set env: a new pod template, so a new revision and a rollout; the
# service's /export follows the current revision's EXPORT_MODE.
code() { curl -s -o /dev/null -w '%{http_code}' "$(url k8s-bastion)/export"; }
revision() { fssh k8s-bastion 'kubectl get deploy api -n prod -o json' | py "int(d['metadata']['annotations']['deployment.kubernetes.io/revision'])"; }
nrs() { fssh k8s-bastion 'kubectl get rs -n prod -l app=api -o json' | py "len(d['items'])"; }
# (The undo above stays stuck, rollout-stuck: no rollout to wait for here.)
check "/export answers 200 while EXPORT_MODE=on" eq "$(code)" 200
rev0=$(revision) image0=$(fssh k8s-bastion 'kubectl get deploy api -n prod -o json' | py "d['spec']['template']['spec']['containers'][0]['image']")
r=$(fssh k8s-bastion "kubectl set env deployment/api -n prod 'EXPORT_MODE=off'") || fail "set env: $r"
check "set env" eq "$r" "deployment.apps/api env updated"
check "commands.log: set env is mutating" eq "$(last_cmd k8s-bastion | py "d['argv'], d['mutating'], d['exit']")" \
	"(['kubectl', 'set', 'env', 'deployment/api', '-n', 'prod', 'EXPORT_MODE=off'], True, 0)"
r=$(fssh k8s-bastion 'kubectl get deploy api -n prod -o json')
check "set env: a new revision, the same image, the env in the pod template" eq \
	"$(printf %s "$r" | py "int(d['metadata']['annotations']['deployment.kubernetes.io/revision']) - $rev0, d['spec']['template']['spec']['containers'][0]['image'] == '$image0', d['spec']['template']['spec']['containers'][0]['env']")" \
	"(1, True, [{'name': 'EXPORT_MODE', 'value': 'off'}])"
r=$(fssh k8s-bastion 'kubectl rollout status deployment/api -n prod --timeout=10s; echo rc=$?')
check "set env: rollout status waits for the new revision" contains "$r" 'deployment "api" successfully rolled out
rc=0'
check "/export answers 404 once EXPORT_MODE=off runs" eq "$(code)" 404
check "rollout history --revision shows the env" contains \
	"$(fssh k8s-bastion "kubectl rollout history deployment/api -n prod --revision=$((rev0 + 1))")" "EXPORT_MODE:	off"
n=$(nrs)
fssh k8s-bastion "kubectl set env deployment/api -n prod EXPORT_MODE=off" >/dev/null || fail "set env (same value)"
check "set env to the value it has: no new revision" eq "$(revision)" "$((rev0 + 1))"
r=$(fssh k8s-bastion "kubectl set env deployment/api -n prod -c api 'EXPORT_MODE-'") || fail "set env KEY-: $r"
check "set env KEY-: removed from the template, a new revision" eq \
	"$(fssh k8s-bastion 'kubectl get deploy api -n prod -o json' | py "int(d['metadata']['annotations']['deployment.kubernetes.io/revision']) - $rev0, d['spec']['template']['spec']['containers'][0]['env']")" \
	"(2, [])"
check "/export answers 200 with EXPORT_MODE unset (the default: on)" eq "$(code)" 200
fssh k8s-bastion "kubectl set env deployment/api -n prod EXPORT_MODE=on" >/dev/null || fail "set env on"
check "set env back to an earlier template: that revision moves up, no new ReplicaSet" eq \
	"$(revision) $(nrs)" "$((rev0 + 3)) $((n + 1))"
r=$(fssh k8s-bastion "kubectl set env deployment/api -n prod -c sidecar EXPORT_MODE=off 2>&1; echo rc=\$?")
check "set env -c with no such container" contains "$r" 'error: unable to find container named "sidecar"
rc=1'
r=$(fssh k8s-bastion "kubectl set env deployment/api -n prod '1BAD=x' 2>&1; echo rc=\$?")
check "set env with an invalid name" contains "$r" 'invalid env var name "1BAD"'
check "... exits 1" contains "$r" "rc=1"
r=$(fssh k8s-bastion "kubectl set env deployment/nope -n prod EXPORT_MODE=off 2>&1; echo rc=\$?")
check "set env of a missing deployment" contains "$r" 'deployments.apps "nope" not found
rc=1'
check "nothing refused made a revision" eq "$(revision)" "$((rev0 + 3))"

# rollout restart: the template gets kubectl.kubernetes.io/restartedAt, so a
# new revision and ReplicaSet of the same image (new pod-template-hash, new
# pods); the ReplicaSets before it are kept.
rsjson() { fssh k8s-bastion 'kubectl get rs -n prod -l app=api -o json'; }
newest="sorted(d['items'], key=lambda x: int(x['metadata']['annotations']['deployment.kubernetes.io/revision']))[-1]"
before=$(rsjson | py "$newest['metadata']['name']")
pods0=$(fssh k8s-bastion 'kubectl get pods -n prod -l app=api -o name' | sort | tr '\n' ' ')
r=$(fssh k8s-bastion 'kubectl rollout restart deployment/api -n prod') || fail "rollout restart: $r"
check "rollout restart" eq "$r" "deployment.apps/api restarted"
check "commands.log: rollout restart is mutating" eq "$(last_cmd k8s-bastion | py "d['mutating'], d['exit']")" "(True, 0)"
check "rollout restart: a new revision of the same image, restartedAt in the template" eq \
	"$(fssh k8s-bastion 'kubectl get deploy api -n prod -o json' | py "int(d['metadata']['annotations']['deployment.kubernetes.io/revision']) - $rev0, d['spec']['template']['spec']['containers'][0]['image'] == '$image0', 'kubectl.kubernetes.io/restartedAt' in d['spec']['template']['metadata']['annotations']")" \
	"(4, True, True)"
check "rollout restart: its own ReplicaSet of the same image (a new hash), the one before kept" eq \
	"$(rsjson | py "$newest['metadata']['name'] != '$before', $newest['spec']['template']['spec']['containers'][0]['image'] == '$image0', '$before' in [x['metadata']['name'] for x in d['items']]")" \
	"(True, True, True)"
check "rollout restart: new pods" eq "$(fssh k8s-bastion 'kubectl get pods -n prod -l app=api -o name' | sort | tr '\n' ' ' | grep -cF "$pods0")" 0

# --- helm ----------------------------------------------------------------
# A Helm release's pods by Helm's standard label, as the console tails them.
r=$(fssh helm-bastion 'timeout 1.5 kubectl logs -f -l app.kubernetes.io/instance=api -n prod --max-log-requests=20 --since=1m 2>&1; echo rc=$?')
check "kubectl logs -l app.kubernetes.io/instance=RELEASE streams the release's log" contains "$r" " api req="
r=$(fssh helm-bastion 'kubectl logs -l app.kubernetes.io/instance=nope -n prod 2>&1; echo rc=$?')
check "kubectl logs -l matching nothing says so, exit 0" eq "$r" "No resources found in prod namespace.
rc=0"

r=$(fssh helm-bastion 'helm history api -n prod -o json') || fail "helm history"
check "helm history -o json: one array, ascending" eq "$(printf %s "$r" | py "[x['revision'] for x in d]")" "[1, 2, 3, 4]"
check "helm history fields" eq "$(printf %s "$r" | py "sorted(d[-1]), d[-1]['status'], d[-1]['app_version']")" \
	"(['app_version', 'chart', 'description', 'revision', 'status', 'updated'], 'deployed', '1.5.0-bad')"
check "helm history table header" contains "$(fssh helm-bastion 'helm history api -n prod')" "REVISION	UPDATED"
r=$(fssh helm-bastion 'helm rollback api 3 -n prod') || fail "helm rollback"
check "helm rollback" eq "$r" "Rollback was a success! Happy Helming!"
check "commands.log: rollback is mutating" eq "$(last_cmd helm-bastion | py "d['cmd'], d['mutating']")" \
	"('helm rollback api 3 -n prod', True)"
r=$(fssh helm-bastion 'helm history api -n prod -o json' | py "[(x['revision'], x['status'], x['description']) for x in d][-2:]")
check "rollback added revision 5 (Rollback to 3), 4 superseded" eq "$r" \
	'[[4, "superseded", "Upgrade complete"], [5, "deployed", "Rollback to 3"]]'
check "/version follows the release" eq "$(curl -s "$(url helm-bastion)/version" | py "d['version']")" "v1.4.1"
r=$(fssh helm-bastion 'helm list -A')
check "helm list -A table" contains "$r" "NAME	NAMESPACE	REVISION	UPDATED"
check "helm list -o json" eq "$(fssh helm-bastion 'helm list -A -o json' | py "d[0]['name'], d[0]['revision'], d[0]['status']")" \
	"('api', '5', 'deployed')"
r=$(fssh helm-bastion 'helm rollback nope -n prod 2>&1; echo rc=$?')
check "rollback of an unknown release" contains "$r" "Error: release: not found
rc=1"

# the state survives reconnects: a fresh connection sees revision 5
check "state persists across connections" eq "$(fssh_fresh helm-bastion 'helm list -n prod -o json' | py "d[0]['revision']")" 5
exit 0
