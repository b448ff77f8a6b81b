#!/bin/sh
# test_runbook_load_acts.sh — the journal's runbook.load names, per step,
# the built-in actions its blocks bind (a warroom binding, a command x
# tells as one) with the host, service and driver a binding names: the
# post-mortem counts a step whose action ran OK by r, X or M as done
# work, not a follow-up. A step of plain commands names none.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
printf '[warroom]\ntimeline_dir = %s/tl\n' "$tmp" > "$tmp/c.conf"
cat > "$tmp/acts.md" <<'MD'
# Acts

- [ ] Set the switch

  ```warroom
  killswitch export off service=api
  ```

- [ ] Downgrade one revision

  ```sh
  docker compose run --rm api alembic downgrade -1
  ```

- [ ] Roll the Kubernetes api back

  ```warroom
  rollback service=api to=last-good driver=k8s
  ```

- [ ] Write it up

  ```sh
  echo done
  ```
MD
start 160 40 "$WARROOM -c $tmp/c.conf --incident acts -r $tmp/acts.md"
wait_for "acts.md  0/4"
keys q
wait_for "exit=0"
journal=$(ls "$tmp"/tl/acts-*.jsonl)
load=$(grep '"kind":"runbook.load"' "$journal")
echo "$load" | grep -q '"title":"Set the switch",[^}]*"acts":\[{"kind":"killswitch","service":"api"}\]' ||
	{ echo "$load"; fail "the switch step does not name its kill switch"; }
echo "$load" | grep -q '"title":"Downgrade one revision",[^}]*"acts":\[{"kind":"migrate.down","service":"api"}\]' ||
	{ echo "$load"; fail "the downgrade step does not name its migration"; }
# A k8s rollback step is not done by a helm or compose rollback.
echo "$load" | grep -q '"title":"Roll the Kubernetes api back",[^}]*"acts":\[{"kind":"rollback","service":"api","driver":"k8s"}\]' ||
	{ echo "$load"; fail "the rollback step does not name its driver"; }
echo "$load" | grep -q '"title":"Write it up",[^}]*"code":"[^"]*"}' ||
	{ echo "$load"; fail "a step of plain commands names an action"; }
ok "runbook.load names each step's built-in actions"
