/*
 * test_runbook.c — the runbook model (runbook*.c): exact counts on our own
 * docs/runbooks, every shape of untidy Markdown we know of, placeholders
 * and known commands, `warroom` bindings and the decision matrix, the
 * shared seed runbooks when they are around, and the text/JSON output.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <cjson/cJSON.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "warroom/decide.h"
#include "warroom/runbook.h"
#include "warroom/runbook_fill.h"
#include "warroom/runbook_format.h"
#include "warroom/runbook_lint.h"
#include "warroom/runbook_route.h"
#include "warroom/runbook_target.h"

/* ---- helpers ---- */

static char *
slurp_path(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	*len = fread(buf, 1, (size_t)n, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static char *
slurp(const char *rel, size_t *len)
{
	const char *top = getenv("top_srcdir");
	char path[1024], *buf;

	snprintf(path, sizeof(path), "%s/%s", top ? top : ".", rel);
	buf = slurp_path(path, len);
	if (buf == NULL)
		fail_msg("cannot read %s", path);
	return buf;
}

static void
parse_str(struct runbook *rb, const char *md)
{
	runbook_parse(rb, "t.md", md, strlen(md));
}

static void
parse_file(struct runbook *rb, const char *rel)
{
	size_t len;
	char *buf = slurp(rel, &len);

	runbook_parse(rb, rel, buf, len);
	free(buf);
}

/* The only command of the only block. */
static const struct runbook_command *
only_cmd(const struct runbook *rb)
{
	assert_int_equal(rb->nblocks, 1);
	assert_int_equal(rb->blocks[0].ncmds, 1);
	return &rb->blocks[0].cmds[0];
}

static bool
has_diag(const struct runbook *rb, enum runbook_severity sev, int line,
    const char *needle)
{
	size_t i;

	for (i = 0; i < rb->ndiags; i++)
		if (rb->diags[i].severity == sev && rb->diags[i].line == line &&
		    strstr(rb->diags[i].msg, needle) != NULL)
			return true;
	return false;
}

static void
assert_stats(const struct runbook *rb, size_t sections, size_t steps,
    size_t blocks, size_t commands, size_t placeholders, size_t actions)
{
	struct runbook_stats st;

	runbook_stats(rb, &st);
	if (st.sections != sections || st.steps != steps || st.blocks != blocks ||
	    st.commands != commands || st.placeholders != placeholders ||
	    st.actions != actions)
		fail_msg("%s: got sections %zu steps %zu blocks %zu commands %zu "
		    "placeholders %zu actions %zu", rb->name, st.sections, st.steps,
		    st.blocks, st.commands, st.placeholders, st.actions);
}

/* Every block belongs to a real section, and to a step of that section. */
static void
assert_blocks_attached(const struct runbook *rb)
{
	size_t i;

	for (i = 0; i < rb->nblocks; i++) {
		const struct runbook_block *b = &rb->blocks[i];

		assert_true(b->section < rb->nsections);
		if (b->step != WR_RUNBOOK_NONE) {
			assert_true(b->step < rb->nsteps);
			assert_int_equal(rb->steps[b->step].section, b->section);
		}
		assert_true(b->line >= 1);
	}
}

/* ---- our own runbooks ---- */

static void
docs_compose_rollback(void **state)
{
	struct runbook rb;
	struct runbook_stats st;

	parse_file(&rb, "docs/runbooks/compose-rollback.md");
	/* §3.2's `up -d --no-deps` is the author's command, not the built-in. */
	assert_stats(&rb, 7, 15, 15, 18, 7, 11);
	runbook_stats(&rb, &st);
	assert_int_equal(st.tasks, 7);
	assert_int_equal(st.checked, 1);
	assert_int_equal(st.bindings, 7);
	assert_int_equal(rb.nerrors, 0);
	assert_int_equal(rb.nwarnings, 0);
	assert_false(rb.matrix.present);
	assert_blocks_attached(&rb);
	runbook_free(&rb);
}

static void
docs_k8s_helm_rollback(void **state)
{
	struct runbook rb;
	struct runbook_stats st;
	struct config_thresholds t = { 0 };
	unsigned set;

	parse_file(&rb, "docs/runbooks/k8s-helm-rollback.md");
	assert_stats(&rb, 6, 12, 10, 14, 6, 8);
	runbook_stats(&rb, &st);
	assert_int_equal(st.tasks, 5);
	assert_int_equal(st.checked, 1);
	assert_int_equal(st.bindings, 2);
	assert_int_equal(rb.nerrors, 0);
	assert_int_equal(rb.nwarnings, 0);
	assert_true(rb.matrix.present);
	assert_int_equal(rb.matrix.line, 12);
	assert_int_equal(rb.matrix.nrows, 7);
	set = runbook_matrix_apply(&rb.matrix, &t);
	assert_int_equal(set, 0x7f);
	assert_true(t.error_rate_rollback > 0.0499 && t.error_rate_rollback < 0.0501);
	assert_true(t.error_rate_consider > 0.0199 && t.error_rate_consider < 0.0201);
	assert_true(t.error_rate_monitor > 0.0099 && t.error_rate_monitor < 0.0101);
	assert_true(t.p95_rollback_ms == 1500 && t.p95_consider_ms == 800 &&
	    t.p95_monitor_ms == 400);
	/* "> 5%" and "> 1500ms" fire above; the ranges from their lower bound. */
	assert_int_equal(t.at_or_above, WR_TH_GE_ERROR_CONSIDER | WR_TH_GE_ERROR_MONITOR |
	    WR_TH_GE_P95_CONSIDER | WR_TH_GE_P95_MONITOR);
	/* "> 3 in 5m": four restarts or more. */
	assert_int_equal(t.restarts_rollback, 4);
	assert_int_equal(t.restarts_window_s, 300);
	assert_blocks_attached(&rb);
	runbook_free(&rb);
}

static void
docs_blue_green_cutover(void **state)
{
	static const long want[] = { -1800, -900, -600, -300, 0, 300, 900, 3600 };
	struct runbook rb;
	struct runbook_stats st;
	size_t i, n = 0;

	parse_file(&rb, "docs/runbooks/blue-green-cutover.md");
	/* Green's `IMAGE_TAG=$RELEASE … -p api-green --env-file .env.green up -d`
	 * and blue's `-p api-blue … up -d` are plain commands. */
	assert_stats(&rb, 5, 15, 9, 14, 5, 3);
	runbook_stats(&rb, &st);
	assert_int_equal(st.tasks, 4);
	assert_int_equal(st.checked, 2);
	assert_int_equal(st.tminus, 8);
	for (i = 0; i < rb.nsteps; i++)
		if (rb.steps[i].has_tminus)
			assert_int_equal(rb.steps[i].tminus_s, want[n++]);
	assert_int_equal(rb.nerrors + rb.nwarnings, 0);
	/* The block under "## Hosts" belongs to the section itself. */
	assert_int_equal(rb.blocks[0].step, WR_RUNBOOK_NONE);
	assert_string_equal(rb.sections[rb.blocks[0].section].title, "Hosts");
	assert_blocks_attached(&rb);
	runbook_free(&rb);
}

/* The shipped runbooks' checks ask the host's own service: its address
 * comes from the config (a smoke binding, $HEALTH_URL, $METRICS_URL) or is
 * asked, never a fixed loopback port that only one setup has. */
static void
docs_runbooks_name_no_fixed_address(void **state)
{
	static const char *const files[] = {
		"docs/runbooks/compose-rollback.md", "docs/runbooks/k8s-helm-rollback.md",
		"docs/runbooks/blue-green-cutover.md", "examples/rollback.md",
	};
	struct runbook rb;
	size_t f, b, c, k;

	(void)state;
	for (f = 0; f < WR_ARRAY_LEN(files); f++) {
		parse_file(&rb, files[f]);
		for (b = 0; b < rb.nblocks; b++) {
			for (c = 0; c < rb.blocks[b].ncmds; c++) {
				const char *t = rb.blocks[b].cmds[c].text;

				if (strstr(t, "127.0.0.1") != NULL || strstr(t, "localhost") != NULL)
					fail_msg("%s:%d: %s", files[f], rb.blocks[b].cmds[c].line, t);
			}
			for (k = 0; k < rb.blocks[b].nbinds; k++) {
				const char *u = runbook_action_arg(&rb.blocks[b].binds[k].action, "url");

				if (u != NULL && u[0] != '/')
					fail_msg("%s:%d: smoke url=%s", files[f],
					    rb.blocks[b].binds[k].line, u);
			}
		}
		runbook_free(&rb);
	}
}

/* ---- structure ---- */

static void
headings_are_sections_with_parents(void **state)
{
	struct runbook rb;

	parse_str(&rb, "intro\n\n- before\n\n# A\n\n## B\n\n### C\n\n## D\n\n- d1\n");
	assert_int_equal(rb.nsections, 5);
	assert_int_equal(rb.sections[0].level, 0);       /* the preamble */
	assert_string_equal(rb.sections[1].title, "A");
	assert_int_equal(rb.sections[2].parent, 1);
	assert_int_equal(rb.sections[3].parent, 2);
	assert_int_equal(rb.sections[4].parent, 1);
	assert_int_equal(rb.sections[4].line, 11);
	assert_int_equal(rb.nsteps, 2);
	assert_int_equal(rb.steps[0].section, 0);
	assert_int_equal(rb.steps[1].section, 4);
	assert_int_equal(rb.steps[1].line, 13);
	runbook_free(&rb);
}

static void
task_items_keep_their_ticks(void **state)
{
	struct runbook rb;

	parse_str(&rb, "# T\n- [x] done\n- [X] also done\n- [ ] open\n- plain\n3. [ ] numbered\n");
	assert_int_equal(rb.nsteps, 5);
	assert_true(rb.steps[0].task && rb.steps[0].checked);
	assert_true(rb.steps[1].task && rb.steps[1].checked);
	assert_true(rb.steps[2].task && !rb.steps[2].checked);
	assert_false(rb.steps[3].task);
	assert_true(rb.steps[4].task && rb.steps[4].ordered);
	assert_int_equal(rb.steps[4].number, 3);
	assert_string_equal(rb.steps[2].text, "open");
	assert_int_equal(rb.steps[4].line, 6);
	runbook_free(&rb);
}

static void
code_blocks_attach_to_what_they_follow(void **state)
{
	struct runbook rb;

	parse_str(&rb,
	    "# S\n"                    /* 1 */
	    "\n"
	    "```sh\n"                  /* 3: the section's own */
	    "echo one\n"
	    "```\n"
	    "\n"
	    "1. step\n"                /* 7 */
	    "\n"
	    "   ```bash\n"             /* 9: inside the item */
	    "   echo two\n"
	    "   ```\n"
	    "2. last\n"                /* 12 */
	    "\n"
	    "```\n"                    /* 14: right after the list: the last step */
	    "echo three\n"
	    "```\n"
	    "\n"
	    "A paragraph.\n"
	    "\n"
	    "~~~yaml\n"                /* 20: after a paragraph: the section */
	    "a: 1\n"
	    "~~~\n");
	assert_int_equal(rb.nblocks, 4);
	assert_int_equal(rb.blocks[0].step, WR_RUNBOOK_NONE);
	assert_int_equal(rb.blocks[0].line, 3);
	assert_int_equal(rb.blocks[0].cmds[0].line, 4);
	assert_int_equal(rb.blocks[1].step, 0);
	assert_int_equal(rb.blocks[1].line, 9);
	assert_int_equal(rb.blocks[1].cmds[0].line, 10);
	assert_string_equal(rb.blocks[1].text, "echo two\n");
	assert_int_equal(rb.blocks[2].step, 1);
	assert_int_equal(rb.blocks[2].line, 14);
	assert_int_equal(rb.blocks[2].kind, RUNBOOK_BLOCK_SHELL);
	assert_int_equal(rb.blocks[3].step, WR_RUNBOOK_NONE);
	assert_int_equal(rb.blocks[3].line, 20);
	assert_int_equal(rb.blocks[3].kind, RUNBOOK_BLOCK_OTHER);
	assert_string_equal(rb.blocks[3].lang, "yaml");
	assert_int_equal(rb.blocks[3].ncmds, 0);
	assert_int_equal(rb.steps[1].line, 12);
	runbook_free(&rb);
}

static void
nested_items_are_sub_steps(void **state)
{
	struct runbook rb;

	parse_str(&rb, "# N\n"
	    "1. parent\n"
	    "   - child one\n"
	    "     - grandchild\n"
	    "       ```bash\n"
	    "       ls\n"
	    "       ```\n"
	    "   - child two\n"
	    "2. next\n");
	assert_int_equal(rb.nsteps, 5);
	assert_int_equal(rb.steps[0].depth, 0);
	assert_int_equal(rb.steps[1].parent, 0);
	assert_int_equal(rb.steps[1].depth, 1);
	assert_int_equal(rb.steps[2].parent, 1);
	assert_int_equal(rb.steps[2].depth, 2);
	assert_int_equal(rb.steps[3].parent, 0);
	assert_int_equal(rb.steps[4].parent, WR_RUNBOOK_NONE);
	/* The parent's text stops where its sub-list starts. */
	assert_string_equal(rb.steps[0].text, "parent");
	assert_int_equal(rb.blocks[0].step, 2);
	assert_int_equal(rb.blocks[0].line, 5);
	assert_int_equal(rb.steps[3].line, 8);
	runbook_free(&rb);
}

static void
single_heading_numbered_items_become_sections(void **state)
{
	struct runbook rb;

	/* The shape of a real seed: one title, "1) Name" items as sections. */
	parse_str(&rb, "# Cutover plan\n"
	    "\n"
	    "Summary\n"
	    "- one line of context\n"
	    "\n"
	    "1) Preparation\n"
	    "- check the backups\n"
	    "- freeze writes\n"
	    "\n"
	    "2) Deploy\n"
	    "   - roll out green\n"
	    "     ```bash\n"
	    "     make deploy\n"
	    "     ```\n"
	    "\n"
	    "3) Wrap up\n"
	    "   - tell the channel\n");
	assert_int_equal(rb.nsections, 5);
	assert_string_equal(rb.sections[1].title, "Summary");
	assert_string_equal(rb.sections[2].title, "Preparation");
	assert_string_equal(rb.sections[3].title, "Deploy");
	assert_string_equal(rb.sections[4].title, "Wrap up");
	assert_true(rb.sections[2].pseudo);
	assert_int_equal(rb.sections[2].level, 2);
	assert_int_equal(rb.sections[2].parent, 0);
	assert_int_equal(rb.sections[2].line, 6);
	assert_int_equal(rb.nsteps, 5);
	assert_int_equal(rb.steps[1].section, 2);
	assert_int_equal(rb.steps[3].section, 3);
	assert_int_equal(rb.steps[3].depth, 0);
	assert_int_equal(rb.steps[4].section, 4);
	assert_int_equal(rb.blocks[0].step, 3);
	runbook_free(&rb);
}

static void
many_headings_keep_numbered_items_as_steps(void **state)
{
	struct runbook rb;

	parse_str(&rb, "# A\n## B\n1) Preparation\n   - x\n");
	assert_int_equal(rb.nsections, 2);
	assert_int_equal(rb.nsteps, 2);
	assert_int_equal(rb.steps[1].parent, 0);
	runbook_free(&rb);
}

static void
tminus_offsets(void **state)
{
	struct runbook rb;

	parse_str(&rb, "- T-15m: a\n- T-0: b\n- T+1h30m: c\n- **T-45s**: d\n"
	    "- T-5: no unit\n- Tuesday: no\n- T-2 min: spaced\n");
	assert_int_equal(rb.nsteps, 7);
	assert_true(rb.steps[0].has_tminus);
	assert_int_equal(rb.steps[0].tminus_s, -900);
	assert_int_equal(rb.steps[1].tminus_s, 0);
	assert_true(rb.steps[1].has_tminus);
	assert_int_equal(rb.steps[2].tminus_s, 5400);
	assert_int_equal(rb.steps[3].tminus_s, -45);
	assert_false(rb.steps[4].has_tminus);
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 5, "needs a unit"));
	assert_false(rb.steps[5].has_tminus);
	assert_false(rb.steps[6].has_tminus);
	runbook_free(&rb);
	/* The same reading of a step's text alone (a journal's title). */
	{
		long off = 1;

		assert_true(runbook_tminus("T-10m: Deploy green", &off));
		assert_int_equal(off, -600);
		assert_true(runbook_tminus("T-0: Switch", &off));
		assert_int_equal(off, 0);
		assert_false(runbook_tminus("T-5: no unit", &off));
		assert_false(runbook_tminus("Tuesday", &off));
		assert_false(runbook_tminus(NULL, &off));
	}
}

/* A runbook with an announce binding says what the chat reads itself. */
static void
bindings_of_a_kind_are_found(void **state)
{
	struct runbook rb;

	(void)state;
	parse_str(&rb, "# S\n\n1. Post\n\n   ```warroom\n   statuspage resolve\n   ```\n\n"
	    "2. Tell\n\n   ```warroom\n   announce message=\"fixed\"\n   ```\n");
	assert_true(runbook_has_binding(&rb, RUNBOOK_ACT_ANNOUNCE));
	assert_true(runbook_has_binding(&rb, RUNBOOK_ACT_STATUSPAGE));
	assert_false(runbook_has_binding(&rb, RUNBOOK_ACT_SMOKE));
	runbook_free(&rb);
	parse_str(&rb, "# S\n\n1. Post\n\n   ```warroom\n   statuspage resolve\n   ```\n");
	assert_false(runbook_has_binding(&rb, RUNBOOK_ACT_ANNOUNCE));
	assert_false(runbook_has_migration_step(&rb));
	runbook_free(&rb);
	/* A migration step, whichever way it is written: the rollback's
	 * outcome points at it only then. */
	parse_str(&rb, "# S\n\n1. Down\n\n   ```bash\n   cd /srv/app && alembic downgrade -1\n"
	    "   ```\n");
	assert_true(runbook_has_migration_step(&rb));
	runbook_free(&rb);
	parse_str(&rb, "# S\n\n1. Down\n\n   ```bash\n   docker compose run --rm api alembic "
	    "downgrade -1\n   ```\n");
	assert_true(runbook_has_migration_step(&rb));
	runbook_free(&rb);
	parse_str(&rb, "# S\n\n1. Look\n\n   ```bash\n   alembic current\n   echo downgrade\n"
	    "   ```\n");
	assert_false(runbook_has_migration_step(&rb));
	runbook_free(&rb);
}

/* ---- placeholders ---- */

static void
placeholders_with_positions(void **state)
{
	struct runbook rb;
	const struct runbook_command *c;
	const char *md = "```bash\n"
	    "deploy --tag sha-<commit> --host <host> --again <host> $REGION ${ZONE} '$LIT'\n"
	    "```\n";

	parse_str(&rb, md);
	c = only_cmd(&rb);
	assert_int_equal(c->nph, 4);
	assert_int_equal(c->ph[0].kind, RUNBOOK_PH_SHA);
	assert_string_equal(c->ph[0].name, "commit");
	assert_int_equal(c->ph[0].pos[0].off, 13);
	assert_int_equal(c->ph[0].pos[0].len, 12);
	assert_memory_equal(c->text + 13, "sha-<commit>", 12);
	assert_int_equal(c->ph[1].kind, RUNBOOK_PH_ANGLE);
	assert_string_equal(c->ph[1].name, "host");
	assert_int_equal(c->ph[1].npos, 2);
	assert_memory_equal(c->text + c->ph[1].pos[1].off, "<host>", 6);
	assert_int_equal(c->ph[2].kind, RUNBOOK_PH_VAR);
	assert_string_equal(c->ph[2].name, "REGION");
	assert_memory_equal(c->text + c->ph[2].pos[0].off, "$REGION", c->ph[2].pos[0].len);
	assert_string_equal(c->ph[3].name, "ZONE");
	assert_memory_equal(c->text + c->ph[3].pos[0].off, "${ZONE}", 7);
	runbook_free(&rb);
}

static void
placeholders_the_command_defines_are_not_asked_for(void **state)
{
	struct runbook rb;
	const struct runbook_block *b;

	parse_str(&rb, "```bash\n"
	    "X=1 run $X\n"
	    "export TAG=v1\n"
	    "echo $TAG $HOME $1 $? ${MISSING:-default} \\$ESCAPED\n"
	    "for svc in api jobs; do echo \"$svc\"; done\n"
	    "read -r answer\n"
	    "echo $answer $LATER\n"
	    "LATER=2\n"
	    "cat <<EOF\n"
	    "body <id>\n"
	    "EOF\n"
	    "```\n");
	b = &rb.blocks[0];
	assert_int_equal(b->ncmds, 8);
	assert_int_equal(b->cmds[0].nph, 0);
	assert_int_equal(b->cmds[2].nph, 0);
	assert_int_equal(b->cmds[3].nph, 0);               /* echo "$svc" */
	assert_true(b->cmds[3].compound);
	assert_int_equal(b->cmds[5].nph, 1);               /* $LATER before LATER=2 */
	assert_string_equal(b->cmds[5].ph[0].name, "LATER");
	/* The heredoc body belongs to its command and is scanned too. */
	assert_int_equal(b->cmds[7].nph, 1);
	assert_string_equal(b->cmds[7].ph[0].name, "id");
	assert_int_equal(b->cmds[7].line, 9);
	runbook_free(&rb);
}

/* ---- shell words ---- */

static void
shell_splits_simple_commands(void **state)
{
	struct runbook rb;
	const struct runbook_block *b;

	parse_str(&rb, "```sh\n"
	    "a 'x y' \"q \\\"z\\\"\" && b;c | d\n"      /* 2 */
	    "# comment\n"
	    "e \\\n"                                   /* 4 */
	    "  --flag=1   # trailing\n"
	    "f 2>&1 >/dev/null\n"                      /* 6 */
	    "g &\n"
	    "```\n");
	b = &rb.blocks[0];
	assert_int_equal(b->ncmds, 7);
	assert_int_equal(b->cmds[0].argc, 3);
	assert_string_equal(b->cmds[0].argv[1], "x y");
	assert_string_equal(b->cmds[0].argv[2], "q \"z\"");
	assert_false(b->cmds[0].compound);
	assert_string_equal(b->cmds[1].text, "b");
	assert_true(b->cmds[2].compound && b->cmds[3].compound);   /* c | d */
	assert_int_equal(b->cmds[4].line, 4);
	assert_int_equal(b->cmds[4].argc, 2);
	assert_string_equal(b->cmds[4].argv[1], "--flag=1");
	assert_string_equal(b->cmds[4].text, "e \\\n  --flag=1");
	assert_int_equal(b->cmds[5].argc, 1);                      /* redirections dropped */
	assert_string_equal(b->cmds[5].text, "f 2>&1 >/dev/null");
	assert_true(b->cmds[6].compound);                          /* background */
	runbook_free(&rb);
}

static void
console_blocks_keep_only_prompt_lines(void **state)
{
	struct runbook rb;
	const struct runbook_block *b;

	parse_str(&rb, "```console\n"
	    "$ kubectl rollout status deploy/api -n prod\n"
	    "deployment \"api\" successfully rolled out\n"
	    "$ helm rollback api 3 \\\n"
	    "    -n prod\n"
	    "Rollback was a success!\n"
	    "```\n");
	b = &rb.blocks[0];
	assert_int_equal(b->ncmds, 2);
	assert_int_equal(b->cmds[0].action.kind, RUNBOOK_ACT_K8S_STATUS);
	assert_int_equal(b->cmds[1].action.kind, RUNBOOK_ACT_HELM_ROLLBACK);
	assert_string_equal(runbook_action_arg(&b->cmds[1].action, "namespace"), "prod");
	assert_int_equal(b->cmds[1].line, 4);
	runbook_free(&rb);
}

/* ---- what x runs ---- */

static size_t
step_named(const struct runbook *rb, const char *prefix)
{
	size_t i;

	for (i = 0; i < rb->nsteps; i++)
		if (strncmp(rb->steps[i].text, prefix, strlen(prefix)) == 0)
			return i;
	fail_msg("no step '%s'", prefix);
	return WR_RUNBOOK_NONE;
}

static size_t
section_named(const struct runbook *rb, const char *title)
{
	size_t i;

	for (i = 0; i < rb->nsections; i++)
		if (strcmp(rb->sections[i].title, title) == 0)
			return i;
	fail_msg("no section '%s'", title);
	return WR_RUNBOOK_NONE;
}

/* What a step runs, hashed: the same for the same commands wherever the
 * step is and however its prose or blanks read; another for a binding's
 * value or a shell line edited (to=v1.4.0 fixed to v1.4.1). */
static void
a_step_s_code_changes_with_its_commands_only(void **state)
{
	static const char *const md[] = {
	    "# R\n\n- [ ] Roll back the API\n\n  ```warroom\n  rollback service=api "
	    "to=v1.4.0\n  ```\n\n- [ ] Pin\n\n  ```sh\n  echo \"pinning v1.4.1\"\n  ```\n",
	    /* Moved down, retitled, a blank line and trailing spaces added. */
	    "# R\n\n- [ ] Page\n- [ ] Roll back the API now\n\n  ```warroom\n\n  rollback "
	    "service=api to=v1.4.0   \n  ```\n\n- [ ] Pin\n\n  ```sh\n  echo \"pinning v1.4.1\"\n"
	    "  ```\n",
	    /* Two edits. */
	    "# R\n\n- [ ] Roll back the API\n\n  ```warroom\n  rollback service=api "
	    "to=v1.4.1\n  ```\n\n- [ ] Pin\n\n  ```sh\n  echo \"EDITED pinning\"\n  ```\n",
	};
	char code[3][2][WR_RUNBOOK_CODE_LEN + 1];
	struct runbook rb;
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++) {
		size_t roll, pin;

		parse_str(&rb, md[i]);
		roll = step_named(&rb, "Roll back");
		pin = step_named(&rb, "Pin");
		runbook_work_code(&rb, rb.steps[roll].section, roll, code[i][0]);
		runbook_work_code(&rb, rb.steps[pin].section, pin, code[i][1]);
		runbook_free(&rb);
	}
	assert_int_equal(strlen(code[0][0]), WR_RUNBOOK_CODE_LEN);
	assert_string_not_equal(code[0][0], code[0][1]);
	assert_string_equal(code[0][0], code[1][0]);
	assert_string_equal(code[0][1], code[1][1]);
	assert_string_not_equal(code[0][0], code[2][0]);
	assert_string_not_equal(code[0][1], code[2][1]);
}

/* Every binding of a block is work, in order, beside the shell commands:
 * §3's two rollbacks (bound to the section), §5's script, smoke and
 * status-page update, blue/green's status page and announcement. */
static void
every_binding_is_work_in_order(void **state)
{
	struct runbook rb;
	struct runbook_work w[8];
	size_t n, sec;

	parse_file(&rb, "docs/runbooks/compose-rollback.md");
	sec = section_named(&rb, "3. Roll back api and jobs");
	n = runbook_work_of(&rb, sec, WR_RUNBOOK_NONE, w, 8);
	assert_int_equal(n, 2);
	assert_int_equal(w[0].bind->kind, RUNBOOK_ACT_ROLLBACK);
	assert_string_equal(runbook_action_arg(w[0].bind, "service"), "api");
	assert_string_equal(runbook_action_arg(w[1].bind, "service"), "jobs");
	sec = section_named(&rb, "5. Verify");
	n = runbook_work_of(&rb, sec, WR_RUNBOOK_NONE, w, 8);
	assert_int_equal(n, 3);
	assert_null(w[0].bind);
	assert_int_equal(w[1].bind->kind, RUNBOOK_ACT_SMOKE);
	assert_int_equal(w[2].bind->kind, RUNBOOK_ACT_STATUSPAGE);
	assert_string_equal(runbook_action_arg(w[2].bind, "status"), "monitoring");
	/* cap bounds what is filled, not what is counted */
	assert_int_equal(runbook_work_of(&rb, sec, WR_RUNBOOK_NONE, w, 1), 3);
	runbook_free(&rb);

	parse_file(&rb, "docs/runbooks/blue-green-cutover.md");
	n = runbook_work_of(&rb, 0, step_named(&rb, "Tell everyone"), w, 8);
	assert_int_equal(n, 2);
	assert_int_equal(w[0].bind->kind, RUNBOOK_ACT_STATUSPAGE);
	assert_int_equal(w[1].bind->kind, RUNBOOK_ACT_ANNOUNCE);
	runbook_free(&rb);
}

/* The STEP overlay's closing line says what x does with each kind of
 * work: a status-page step posts and an announcement goes to the chat,
 * neither runs a command on the HOSTS host as shell commands do. */
static void
work_words_name_what_x_does(void **state)
{
	struct runbook rb;
	char buf[512];
	size_t sec;

	(void)state;
	parse_file(&rb, "docs/runbooks/compose-rollback.md");
	sec = section_named(&rb, "3. Roll back api and jobs");
	runbook_work_words(&rb, sec, WR_RUNBOOK_NONE, buf, sizeof(buf));
	assert_string_equal(buf, "x rolls api back on the HOSTS host with the built-in "
	    "rollback, then rolls jobs back on the HOSTS host with the built-in rollback.");
	sec = section_named(&rb, "5. Verify");
	runbook_work_words(&rb, sec, WR_RUNBOOK_NONE, buf, sizeof(buf));
	assert_string_equal(buf, "x runs them on the HOSTS host, asking for each placeholder, "
	    "then smoke-checks /healthz on the HOSTS host, then posts to the status page.");
	runbook_work_words(&rb, 0, step_named(&rb, "Status page set to investigating"), buf,
	    sizeof(buf));
	assert_string_equal(buf, "x posts to the status page.");
	runbook_free(&rb);

	parse_file(&rb, "docs/runbooks/blue-green-cutover.md");
	runbook_work_words(&rb, 0, step_named(&rb, "Tell everyone"), buf, sizeof(buf));
	assert_string_equal(buf, "x posts to the status page, then announces in the chat.");
	runbook_free(&rb);

	parse_str(&rb, "# Drill\n\n1. Switch\n\n   ```warroom\n   killswitch export off "
	    "host=api-2\n   ```\n\n2. Look\n\n   ```sh\n   docker ps\n   ```\n\n3. Done\n");
	runbook_work_words(&rb, 0, step_named(&rb, "Switch"), buf, sizeof(buf));
	assert_string_equal(buf, "x turns the export switch off on api-2.");
	runbook_work_words(&rb, 0, step_named(&rb, "Look"), buf, sizeof(buf));
	assert_string_equal(buf, "x runs them on the HOSTS host, asking for each placeholder.");
	runbook_work_words(&rb, 0, step_named(&rb, "Done"), buf, sizeof(buf));
	assert_string_equal(buf, "");
	runbook_free(&rb);
}

/* A step whose `warroom` block did not read has errors in its work (the
 * pane marks it with !), and only that step: the step beside it, a step
 * with no block and the good half of a half-read block are told apart. */
static void
errors_belong_to_the_step_whose_block_did_not_read(void **state)
{
	static const char md[] =
	    "# Drill\n"                                  /* 1 */
	    "\n"
	    "1. Roll back api\n"                         /* 3 */
	    "\n"
	    "   ```warroom\n"                            /* 5 */
	    "   rolback service=api\n"                   /* 6 */
	    "   ```\n"
	    "\n"
	    "2. Kill switch and smoke\n"                 /* 9 */
	    "\n"
	    "   ```warroom\n"                            /* 11 */
	    "   smoke url=/readyz expect=200\n"
	    "   killswitch export of\n"                  /* 13 */
	    "   ```\n"
	    "\n"
	    "3. Check health\n"                          /* 16 */
	    "\n"
	    "```warroom\n"                               /* 18: still step 3's */
	    "statuspage status=identifed\n"              /* 19 */
	    "```\n"
	    "\n"
	    "4. Done\n";
	struct runbook rb;
	struct runbook_work w[4];
	const struct runbook_diag *first;
	size_t api, ks, check, done;

	(void)state;
	parse_str(&rb, md);
	api = step_named(&rb, "Roll back api");
	ks = step_named(&rb, "Kill switch and smoke");
	check = step_named(&rb, "Check health");
	done = step_named(&rb, "Done");
	assert_int_equal(runbook_work_of(&rb, 0, api, w, 4), 0);
	assert_int_equal(runbook_work_errors(&rb, 0, api, &first), 1);
	assert_int_equal(first->line, 6);
	assert_string_equal(first->msg, "warroom: unknown action 'rolback' (did you mean "
	    "'rollback'?)");
	assert_int_equal(runbook_work_of(&rb, 0, ks, w, 4), 1);
	assert_int_equal(runbook_work_errors(&rb, 0, ks, &first), 1);
	assert_int_equal(first->line, 13);
	assert_int_equal(runbook_work_errors(&rb, 0, check, &first), 2);
	assert_int_equal(first->line, 19);
	assert_int_equal(runbook_work_errors(&rb, 0, done, &first), 0);
	assert_null(first);
	assert_int_equal(runbook_work_errors(&rb, 0, WR_RUNBOOK_NONE, NULL), 0);
	assert_true(runbook_diag_in_work(&rb, &rb.diags[0], 0, api));
	assert_false(runbook_diag_in_work(&rb, &rb.diags[0], 0, ks));
	runbook_free(&rb);

	/* A block under the heading, before any step, is the section's own. */
	parse_str(&rb, "# Drill\n\n```warroom\nrolback service=api\n```\n\n1. Check\n");
	assert_int_equal(runbook_work_errors(&rb, 0, WR_RUNBOOK_NONE, &first), 1);
	assert_int_equal(first->line, 4);
	assert_int_equal(runbook_work_errors(&rb, 0, step_named(&rb, "Check"), NULL), 0);
	runbook_free(&rb);
}

/* A step whose block has one line that did not read runs none of its
 * work: x refuses before the first item, naming the line, even though
 * the smoke before it and the post after it read fine. */
static void
half_read_step_is_refused_whole(void **state)
{
	static const char md[] =
	    "# Long\n"                                   /* 1 */
	    "\n"
	    "1. Contain api\n"                           /* 3 */
	    "\n"
	    "   ```warroom\n"                            /* 5 */
	    "   smoke url=/readyz\n"                     /* 6 */
	    "   drain service=api\n"                     /* 7 */
	    "   statuspage update status=identified message=\"Contained api\"\n"
	    "   ```\n"
	    "\n"
	    "2. Check\n"                                 /* 11 */
	    "\n"
	    "   ```warroom\n"
	    "   drain service=api\n"                     /* 14 */
	    "   rolback service=api\n"                   /* 15 */
	    "   ```\n"
	    "\n"
	    "3. Smoke\n"
	    "\n"
	    "   ```warroom\n"
	    "   smoke url=/readyz\n"
	    "   ```\n";
	struct runbook rb;
	struct runbook_work w[4];
	char why[512];
	size_t contain, check, smoke;

	(void)state;
	runbook_parse(&rb, "long.md", md, strlen(md));
	contain = step_named(&rb, "Contain api");
	check = step_named(&rb, "Check");
	smoke = step_named(&rb, "Smoke");
	/* Two items read; the drain between them did not. */
	assert_int_equal(runbook_work_of(&rb, 0, contain, w, 4), 2);
	assert_int_equal(runbook_work_refusal(&rb, 0, contain, why, sizeof(why)), 1);
	assert_string_equal(why, "long.md:7: warroom: unknown action 'drain' (known: rollback, "
	    "killswitch, statuspage, smoke, announce) \xe2\x80\x94 fix the runbook; nothing ran");
	assert_int_equal(runbook_work_refusal(&rb, 0, check, why, sizeof(why)), 2);
	assert_non_null(strstr(why, "long.md:14: warroom: unknown action 'drain' (known: rollback, "
	    "killswitch, statuspage, smoke, announce) (and 1 more) "));
	assert_int_equal(runbook_work_refusal(&rb, 0, smoke, why, sizeof(why)), 0);
	assert_string_equal(why, "");
	runbook_free(&rb);
}

/* A fence never closed is an error at its line: md4c runs it to the end
 * of the document (or of its container), so the steps after it would be
 * read as commands, and the step holding it is refused by x. */
static void
unclosed_fence_is_an_error(void **state)
{
	static const char md[] =
	    "# Drill\n"                                  /* 1 */
	    "\n"
	    "## Contain\n"                               /* 3 */
	    "\n"
	    "1. Smoke it\n"                              /* 5 */
	    "\n"
	    "```bash\n"                                  /* 7 */
	    "curl -fsS http://127.0.0.1/readyz\n"
	    "\n"
	    "## Recover\n"                               /* 10 */
	    "\n"
	    "- [ ] Post resolved\n"
	    "- [ ] rm -rf the cache dir when done\n";   /* 13 */
	struct runbook rb;
	char why[512];
	size_t step;

	(void)state;
	parse_str(&rb, md);
	assert_int_equal(rb.nerrors, 1);
	assert_int_equal(rb.diags[0].severity, RUNBOOK_ERROR);
	assert_int_equal(rb.diags[0].line, 7);
	assert_string_equal(rb.diags[0].msg, "code fence opened here is never closed: lines 8-13 "
	    "are read as its code");
	step = step_named(&rb, "Smoke it");
	assert_int_equal(runbook_work_refusal(&rb, 1, step, why, sizeof(why)), 1);
	assert_non_null(strstr(why, "t.md:7: code fence opened here is never closed"));
	assert_non_null(strstr(why, "nothing ran"));
	runbook_free(&rb);

	/* Open at the very end: with code, with none, with no last newline. */
	parse_str(&rb, "- a\n\n```sh\necho hi\n");
	assert_int_equal(rb.nerrors, 1);
	assert_int_equal(rb.diags[0].line, 3);
	assert_string_equal(rb.diags[0].msg, "code fence opened here is never closed: line 4 is "
	    "read as its code");
	runbook_free(&rb);
	parse_str(&rb, "- a\n\n```sh\n");
	assert_int_equal(rb.nerrors, 1);
	assert_string_equal(rb.diags[0].msg, "code fence opened here is never closed");
	runbook_free(&rb);
	parse_str(&rb, "- a\n\n~~~sh\necho hi");
	assert_int_equal(rb.nerrors, 1);
	assert_int_equal(rb.diags[0].line, 3);
	runbook_free(&rb);

	/* A line with more after the fence does not close it. */
	parse_str(&rb, "- a\n\n```sh\necho hi\n``` x\n");
	assert_int_equal(rb.nerrors, 1);
	runbook_free(&rb);

	/* Ended by its container (a quote), not by a fence. */
	parse_str(&rb, "- a\n\n> ```sh\n> echo hi\n\n- b\n");
	assert_int_equal(rb.nerrors, 1);
	assert_int_equal(rb.diags[0].line, 3);
	runbook_free(&rb);
}

/* Closed fences of every shape read with no error: a longer fence around
 * a shorter one, tildes, a longer close, blanks after it, in a list item
 * and in a quote, empty, at the end of a file with no last newline. */
static void
closed_fences_are_not_errors(void **state)
{
	static const char *const docs[] = {
	    "- a\n\n````md\n```sh\nls\n```\n````\n\n- b\n",
	    "- a\n\n~~~sh\nls\n~~~~  \n- b\n",
	    "- a\n\n```sh\nls\n\n\n```\n",
	    "1. a\n\n   ```sh\n   ls\n   ```\n2. b\n\n   ```warroom\n   smoke url=/readyz\n   ```\n",
	    "> ```sh\n> ls\n> ```\n\n- b\n",
	    "- a\n\n```\n```\n\n- b\n",
	    "- a\n\n```sh\nls\n```",
	};
	struct runbook rb;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
		parse_str(&rb, docs[i]);
		if (rb.nerrors != 0)
			fail_msg("doc %zu: %s", i, rb.diags[0].msg);
		runbook_free(&rb);
	}
}

/* A runbook file is read up to 1 MiB; past it the refusal names the file,
 * its size and the limit. */
static void
runbook_size_limit(void **state)
{
	struct wr_err err;

	(void)state;
	assert_int_equal(runbook_size_check("long.md", WR_RUNBOOK_MAX_BYTES, &err), 0);
	assert_int_equal(runbook_size_check("long.md", 0, &err), 0);
	assert_int_equal(runbook_size_check("long.md", WR_RUNBOOK_MAX_BYTES + 1ull, &err), -1);
	assert_int_equal(runbook_size_check("long.md", 16777216ull, &err), -1);
	assert_string_equal(err.msg, "long.md: 16777216 bytes (16.0 MiB); a runbook may be at "
	    "most 1 MiB (1048576 bytes): split it or trim it");
}

/* The status-page update after the Helm rollback is a step of its own:
 * "Check the release and the rollout" runs helm status and rollout status. */
static void
k8s_status_page_update_is_its_own_step(void **state)
{
	struct runbook rb;
	struct runbook_work w[4];
	size_t step;

	parse_file(&rb, "docs/runbooks/k8s-helm-rollback.md");
	step = step_named(&rb, "Check the release and the rollout");
	assert_int_equal(runbook_work_of(&rb, 0, step, w, 4), 1);
	assert_null(w[0].bind);
	step = step_named(&rb, "Tell customers what is happening");
	assert_int_equal(runbook_work_of(&rb, 0, step, w, 4), 1);
	assert_int_equal(w[0].bind->kind, RUNBOOK_ACT_STATUSPAGE);
	runbook_free(&rb);
}

/* The revision "picked from the history" is asked for and is the one
 * planned, on kubectl's step and on Helm's: never the previous one. */
static void
k8s_helm_picked_revision_is_asked(void **state)
{
	static const char picked[] = "Or to a revision picked from the history";
	struct config cfg = { 0 };
	struct config_host hosts[2];
	struct runbook rb;
	struct runbook_fill f;
	struct runbook_action filled;
	struct runbook_target t;
	struct wr_err err;
	size_t i, b, step, seen = 0;

	(void)state;
	memset(hosts, 0, sizeof(hosts));
	cfg.hosts = hosts;
	cfg.nhosts = 2;
	wr_strlcpy(hosts[0].name, "k1", sizeof(hosts[0].name));
	hosts[0].driver = DRIVER_K8S;
	wr_strlcpy(hosts[1].name, "m1", sizeof(hosts[1].name));
	hosts[1].driver = DRIVER_HELM;
	for (i = 0; i < 2; i++) {
		wr_strlcpy(hosts[i].namespace_, "shop", sizeof(hosts[i].namespace_));
		wr_strlcpy(hosts[i].services[hosts[i].nservices++], "checkout",
		    sizeof(hosts[i].services[0]));
	}
	parse_file(&rb, "docs/runbooks/k8s-helm-rollback.md");
	for (step = 0; step < rb.nsteps; step++) {
		if (strncmp(rb.steps[step].text, picked, strlen(picked)) != 0)
			continue;
		for (b = 0; b < rb.nblocks; b++) {
			const struct runbook_command *c = &rb.blocks[b].cmds[0];

			if (rb.blocks[b].step != step)
				continue;
			assert_int_equal(rb.blocks[b].ncmds, 1);
			assert_int_equal(runbook_fill_init_action(&f, &c->action, c), 1);
			assert_string_equal(f.labels[0], "<revision>");
			assert_int_equal(runbook_fill_set(&f, "previous", &err), -1);
			assert_int_equal(runbook_fill_set(&f, "2", &err), 0);
			runbook_fill_action(&f, &c->action, &filled);
			assert_int_equal(runbook_target_rollback(&filled, &cfg, -1, &t, &err), 0);
			assert_int_equal(t.host, c->action.kind == RUNBOOK_ACT_K8S_UNDO ? 0 : 1);
			assert_int_equal(t.revision, 2);
			runbook_action_free(&filled);
			runbook_fill_free(&f);
			seen++;
		}
	}
	assert_int_equal(seen, 2);
	runbook_free(&rb);
}

/* ---- known commands ---- */

struct known_case {
	const char *cmd;
	enum runbook_action_kind kind;
	const char *key, *value;    /* one argument to check, or NULL */
};

static void
known_commands_are_recognised(void **state)
{
	static const struct known_case cases[] = {
		{ "kubectl rollout undo deployment/api -n prod --to-revision=4",
		    RUNBOOK_ACT_K8S_UNDO, "revision", "4" },
		{ "kubectl -n prod rollout undo deploy api", RUNBOOK_ACT_K8S_UNDO,
		    "name", "api" },
		{ "kubectl rollout undo deployment/api --namespace=prod --to-revision 2",
		    RUNBOOK_ACT_K8S_UNDO, "namespace", "prod" },
		{ "kubectl rollout status deployment/api -n prod --timeout=5m",
		    RUNBOOK_ACT_K8S_STATUS, "timeout", "5m" },
		{ "kubectl rollout undo deployment/api --dry-run=client", RUNBOOK_ACT_NONE,
		    NULL, NULL },
		{ "kubectl rollout history deployment/api", RUNBOOK_ACT_NONE, NULL, NULL },
		{ "helm rollback api 7 -n prod --wait", RUNBOOK_ACT_HELM_ROLLBACK,
		    "revision", "7" },
		{ "helm rollback api", RUNBOOK_ACT_HELM_ROLLBACK, "release", "api" },
		/* The built-ins run as the ssh user: sudo is never dropped. */
		{ "sudo helm rollback api --namespace prod", RUNBOOK_ACT_NONE, NULL, NULL },
		{ "sudo kubectl rollout undo deployment/api -n prod", RUNBOOK_ACT_NONE, NULL, NULL },
		{ "IMAGE_TAG=v1.2 docker compose -f docker-compose.yml up -d api jobs",
		    RUNBOOK_ACT_COMPOSE_UP, "image_tag", "v1.2" },
		{ "docker compose --env-file .env pull api", RUNBOOK_ACT_COMPOSE_PULL,
		    "service", "api" },
		{ "docker-compose up -d", RUNBOOK_ACT_COMPOSE_UP, NULL, NULL },
		{ "docker compose up api", RUNBOOK_ACT_NONE, NULL, NULL },
		{ "docker compose down", RUNBOOK_ACT_NONE, NULL, NULL },
		{ "EXPORT_MODE=off docker compose up -d api", RUNBOOK_ACT_KILLSWITCH,
		    "service", "api" },
		{ "EXPORT_MODE=off", RUNBOOK_ACT_KILLSWITCH, "value", "off" },
		{ "export EXPORT_MODE=off", RUNBOOK_ACT_KILLSWITCH, "name", "EXPORT_MODE" },
		{ "sed -i 's/^EXPORT_MODE=.*/EXPORT_MODE=off/' .env",
		    RUNBOOK_ACT_KILLSWITCH, "file", ".env" },
		{ "EXPORT_MODE=on", RUNBOOK_ACT_NONE, NULL, NULL },
		{ "kubectl set env deployment/api EXPORT_MODE=off -n shop",
		    RUNBOOK_ACT_KILLSWITCH, "namespace", "shop" },
		{ "kubectl -n shop set env deploy api EXPORT_MODE=off", RUNBOOK_ACT_KILLSWITCH,
		    "service", "api" },
		{ "kubectl set env deployment/api EXPORT_MODE=off", RUNBOOK_ACT_KILLSWITCH,
		    "driver", "k8s" },
		/* Anything the built-in would not do runs as written. */
		{ "kubectl set env deployment/api EXPORT_MODE=off LOG=debug", RUNBOOK_ACT_NONE,
		    NULL, NULL },
		{ "kubectl set env statefulset/db EXPORT_MODE=off", RUNBOOK_ACT_NONE, NULL, NULL },
		{ "kubectl set env deployment/api EXPORT_MODE=on", RUNBOOK_ACT_NONE, NULL, NULL },
		{ "kubectl set env deployment/api EXPORT_MODE-", RUNBOOK_ACT_NONE, NULL, NULL },
		{ "kubectl set env deployment/api --all EXPORT_MODE=off", RUNBOOK_ACT_NONE,
		    NULL, NULL },
		{ "kubectl set env deployment/api", RUNBOOK_ACT_NONE, NULL, NULL },
		/* The built-in is `run --rm SERVICE alembic downgrade -1` alone:
		 * on the host itself, another revision, or its own config file,
		 * the command runs as written. */
		{ "alembic downgrade -1", RUNBOOK_ACT_NONE, NULL, NULL },
		{ "docker compose run --rm api alembic downgrade -1",
		    RUNBOOK_ACT_MIGRATE_DOWN, "service", "api" },
		{ "docker compose run --rm worker alembic downgrade -1",
		    RUNBOOK_ACT_MIGRATE_DOWN, "service", "worker" },
		{ "docker compose run --rm api alembic downgrade base", RUNBOOK_ACT_NONE, NULL, NULL },
		{ "docker compose run --rm api alembic downgrade 0040", RUNBOOK_ACT_NONE, NULL, NULL },
		{ "docker compose run --rm api alembic -c x.ini downgrade -1", RUNBOOK_ACT_NONE,
		    NULL, NULL },
		{ "alembic upgrade head", RUNBOOK_ACT_NONE, NULL, NULL },
		/* A curl asks the URL it names, from the host: the built-in smoke
		 * check asks health_url through the tunnel, another request. Only
		 * a `warroom` block's smoke line is that check. */
		{ "curl -fsS http://127.0.0.1:8000/healthz", RUNBOOK_ACT_NONE, NULL, NULL },
		{ "curl -s 'https://api.example.com/readyz?verbose=1'", RUNBOOK_ACT_NONE,
		    NULL, NULL },
		{ "curl http://x/version", RUNBOOK_ACT_NONE, NULL, NULL },
	};
	size_t i;

	for (i = 0; i < WR_ARRAY_LEN(cases); i++) {
		struct runbook rb;
		char md[512];
		const struct runbook_command *c;

		snprintf(md, sizeof(md), "```bash\n%s\n```\n", cases[i].cmd);
		parse_str(&rb, md);
		c = only_cmd(&rb);
		if (c->action.kind != cases[i].kind)
			fail_msg("'%s': got %s, want %s", cases[i].cmd,
			    runbook_action_name(c->action.kind),
			    runbook_action_name(cases[i].kind));
		if (cases[i].key != NULL) {
			const char *v = runbook_action_arg(&c->action, cases[i].key);

			if (v == NULL || strcmp(v, cases[i].value) != 0)
				fail_msg("'%s': %s=%s, want %s", cases[i].cmd, cases[i].key,
				    v ? v : "(none)", cases[i].value);
		}
		runbook_free(&rb);
	}
}

/* The built-in rollback and kill switch run `docker compose --env-file .env
 * -f docker-compose.yml up -d SERVICE` in compose_dir: a command with any
 * other project, file, option or variable stays the runbook's own command,
 * never the built-in action on the default project. */
static void
compose_options_not_honoured_stay_plain_commands(void **state)
{
	static const struct known_case cases[] = {
		{ "IMAGE_TAG=sha-<commit> docker compose -p api-green --env-file .env.green up -d api",
		    RUNBOOK_ACT_NONE, NULL, NULL },
		{ "IMAGE_TAG=v1 docker compose -p api-green up -d api", RUNBOOK_ACT_NONE, NULL, NULL },
		{ "IMAGE_TAG=v1 docker compose --project-name=x up -d api", RUNBOOK_ACT_NONE,
		    NULL, NULL },
		{ "IMAGE_TAG=v1 docker compose --env-file .env.green up -d api", RUNBOOK_ACT_NONE,
		    NULL, NULL },
		{ "IMAGE_TAG=v1 docker compose --env-file=prod.env up -d api", RUNBOOK_ACT_NONE,
		    NULL, NULL },
		{ "IMAGE_TAG=sha-<commit> docker compose --env-file .env up -d --no-deps api jobs",
		    RUNBOOK_ACT_NONE, NULL, NULL },
		{ "IMAGE_TAG=v1 docker compose -f prod.yml up -d api", RUNBOOK_ACT_NONE, NULL, NULL },
		{ "IMAGE_TAG=v1 docker compose --profile blue up -d api", RUNBOOK_ACT_NONE, NULL,
		    NULL },
		{ "IMAGE_TAG=v1 docker compose --project-directory /srv/x up -d api",
		    RUNBOOK_ACT_NONE, NULL, NULL },
		{ "IMAGE_TAG=v1 docker compose up -d --force-recreate api", RUNBOOK_ACT_NONE, NULL,
		    NULL },
		{ "IMAGE_TAG=v1 docker compose up -d --frobnicate api", RUNBOOK_ACT_NONE, NULL,
		    NULL },
		{ "IMAGE_TAG=v1 docker compose up -d api --no-deps", RUNBOOK_ACT_NONE, NULL, NULL },
		{ "IMAGE_TAG=v1 docker compose --verbose up -d api", RUNBOOK_ACT_NONE, NULL, NULL },
		{ "IMAGE_TAG=v1 DEBUG=1 docker compose up -d api", RUNBOOK_ACT_NONE, NULL, NULL },
		{ "IMAGE_TAG=v1 EXPORT_MODE=off docker compose up -d api", RUNBOOK_ACT_NONE, NULL,
		    NULL },
		{ "EXPORT_MODE=off docker compose -p blue up -d api", RUNBOOK_ACT_NONE, NULL, NULL },
		{ "docker compose -p blue run --rm api alembic downgrade -1", RUNBOOK_ACT_NONE,
		    NULL, NULL },
		{ "docker compose run --rm -e DB=x api alembic downgrade -1", RUNBOOK_ACT_NONE,
		    NULL, NULL },
		/* What the built-in does itself is still recognised. */
		{ "IMAGE_TAG=sha-<commit> docker compose --env-file .env -f docker-compose.yml up -d api",
		    RUNBOOK_ACT_COMPOSE_UP, "env_file", ".env" },
		{ "IMAGE_TAG=v1 docker compose --env-file=./.env up --detach api",
		    RUNBOOK_ACT_COMPOSE_UP, "service", "api" },
		{ "IMAGE_TAG=$TAG docker compose up -d api", RUNBOOK_ACT_COMPOSE_UP, "image_tag",
		    "$TAG" },
		{ "IMAGE_TAG=${TAG} docker compose up -d api", RUNBOOK_ACT_COMPOSE_UP, "image_tag",
		    "${TAG}" },
		{ "EXPORT_MODE=off docker compose --env-file .env up -d api", RUNBOOK_ACT_KILLSWITCH,
		    "service", "api" },
		{ "docker compose --env-file .env run --rm api alembic downgrade -1",
		    RUNBOOK_ACT_MIGRATE_DOWN, "service", "api" },
	};
	size_t i;

	for (i = 0; i < WR_ARRAY_LEN(cases); i++) {
		struct runbook rb;
		char md[512];
		const struct runbook_command *c;

		snprintf(md, sizeof(md), "```bash\n%s\n```\n", cases[i].cmd);
		parse_str(&rb, md);
		c = only_cmd(&rb);
		if (c->action.kind != cases[i].kind)
			fail_msg("'%s': got %s, want %s", cases[i].cmd,
			    runbook_action_name(c->action.kind),
			    runbook_action_name(cases[i].kind));
		if (cases[i].key != NULL) {
			const char *v = runbook_action_arg(&c->action, cases[i].key);

			if (v == NULL || strcmp(v, cases[i].value) != 0)
				fail_msg("'%s': %s=%s, want %s", cases[i].cmd, cases[i].key,
				    v ? v : "(none)", cases[i].value);
		}
		runbook_free(&rb);
	}
}

/* An `up -d` the built-in would not run as written is still a recreate of
 * the services it names: read as compose.up (for what a step does), its
 * own words kept, while the command itself runs as written. */
static void
compose_up_with_words_of_its_own_reads_as_compose_up(void **state)
{
	static const struct {
		const char *cmd;
		const char *services;   /* the service= arguments, space-separated */
		const char *own;        /* its first own= word */
	} cases[] = {
		{ "IMAGE_TAG=<TAG> docker compose --env-file .env up -d --no-deps api jobs",
		    "api jobs", "--no-deps" },
		{ "docker-compose -f docker-compose.prod.yml up -d --force-recreate",
		    "", "-f docker-compose.prod.yml" },
		{ "docker compose -f deploy/docker-compose.yml --env-file deploy/.env.green up -d",
		    "", "-f deploy/docker-compose.yml" },
		{ "IMAGE_TAG=v1 docker compose --project-name=shop up -d api", "api",
		    "--project-name=shop" },
		{ "docker compose -p blue up --detach --no-deps --wait api", "api", "-p blue" },
		{ "docker compose up -d api --no-deps", "api", "--no-deps" },
		{ "docker compose up -d --no-deps api --force-recreate jobs", "api jobs",
		    "--no-deps" },
		{ "IMAGE_TAG=v1 docker compose up -d -t 30 --pull always api", "api", "-t 30" },
		{ "IMAGE_TAG=v1 DEBUG=1 docker compose up -d api", "api", "DEBUG=1" },
		{ "docker compose --profile blue --project-directory /srv/x up -d api", "api",
		    "--profile blue" },
	};
	/* No recreate, or no telling what it does: nothing is read. */
	static const char *const none[] = {
		"docker compose up --no-deps api",
		"docker compose up -d --dry-run api",
		"docker compose up -d --frobnicate api",
		"docker compose --dry-run up -d api",
		"EXPORT_MODE=off docker compose -p blue up -d api",
		"docker compose -p blue pull api",
		"docker compose -p blue run --rm api alembic downgrade -1",
	};
	size_t i, k;

	(void)state;
	for (i = 0; i < WR_ARRAY_LEN(cases); i++) {
		struct runbook rb;
		char md[512], got[256] = "";
		const struct runbook_command *c;
		const struct runbook_action *r;

		snprintf(md, sizeof(md), "```bash\n%s\n```\n", cases[i].cmd);
		parse_str(&rb, md);
		c = only_cmd(&rb);
		r = runbook_command_reads(c);
		if (c->action.kind != RUNBOOK_ACT_NONE || r->kind != RUNBOOK_ACT_COMPOSE_UP)
			fail_msg("'%s': action %s, reads %s; want command, compose.up", cases[i].cmd,
			    runbook_action_name(c->action.kind), runbook_action_name(r->kind));
		for (k = 0; k < r->nargs; k++)
			if (strcmp(r->args[k].key, "service") == 0)
				snprintf(got + strlen(got), sizeof(got) - strlen(got), "%s%s",
				    got[0] != '\0' ? " " : "", r->args[k].value);
		if (strcmp(got, cases[i].services) != 0)
			fail_msg("'%s': services '%s', want '%s'", cases[i].cmd, got,
			    cases[i].services);
		if (runbook_action_arg(r, "own") == NULL ||
		    strcmp(runbook_action_arg(r, "own"), cases[i].own) != 0)
			fail_msg("'%s': own=%s, want %s", cases[i].cmd,
			    runbook_action_arg(r, "own") ? runbook_action_arg(r, "own") : "(none)",
			    cases[i].own);
		runbook_free(&rb);
	}
	for (i = 0; i < WR_ARRAY_LEN(none); i++) {
		struct runbook rb;
		char md[512];
		const struct runbook_command *c;

		snprintf(md, sizeof(md), "```bash\n%s\n```\n", none[i]);
		parse_str(&rb, md);
		c = only_cmd(&rb);
		if (runbook_command_reads(c)->kind != RUNBOOK_ACT_NONE)
			fail_msg("'%s': reads %s, want command", none[i],
			    runbook_action_name(runbook_command_reads(c)->kind));
		runbook_free(&rb);
	}
}

/* A tag the block computes itself ($RELEASE set two lines up, ${X:-y},
 * $(…)) has a value only the shell knows: the command runs as written,
 * its placeholders asked for, rather than as a rollback to "$RELEASE". */
static void
compose_tag_from_a_shell_variable_stays_a_plain_command(void **state)
{
	struct runbook rb;
	const struct runbook_block *b;

	parse_str(&rb, "```bash\n"
	    "export RELEASE=sha-<commit>\n"
	    "IMAGE_TAG=$RELEASE docker compose up -d api\n"
	    "IMAGE_TAG=${TAG:-v1} docker compose up -d api\n"
	    "IMAGE_TAG=$(git rev-parse HEAD) docker compose up -d api\n"
	    "IMAGE_TAG=`cat tag` docker compose up -d api\n"
	    "```\n");
	b = &rb.blocks[0];
	assert_int_equal(b->ncmds, 5);
	assert_int_equal(b->cmds[1].action.kind, RUNBOOK_ACT_NONE);
	assert_int_equal(b->cmds[2].action.kind, RUNBOOK_ACT_NONE);
	assert_int_equal(b->cmds[3].action.kind, RUNBOOK_ACT_NONE);
	assert_int_equal(b->cmds[4].action.kind, RUNBOOK_ACT_NONE);
	runbook_free(&rb);
}

static void
compound_commands_are_never_replaced(void **state)
{
	struct runbook rb;
	const struct runbook_block *b;

	parse_str(&rb, "```bash\n"
	    "for d in api jobs; do kubectl rollout undo deployment/$d -n prod; done\n"
	    "curl -s http://x/metrics | grep http_requests_total\n"
	    "if kubectl rollout status deploy/api; then echo ok; fi\n"
	    "kubectl rollout undo deployment/api -n prod && kubectl rollout status deployment/api -n prod\n"
	    "```\n");
	b = &rb.blocks[0];
	assert_int_equal(b->ncmds, 7);
	assert_int_equal(b->cmds[0].action.kind, RUNBOOK_ACT_NONE);
	assert_int_equal(b->cmds[0].nph, 0);               /* $d from the loop */
	assert_int_equal(b->cmds[1].action.kind, RUNBOOK_ACT_NONE);
	assert_int_equal(b->cmds[3].action.kind, RUNBOOK_ACT_NONE);
	assert_int_equal(b->cmds[5].action.kind, RUNBOOK_ACT_K8S_UNDO);
	assert_int_equal(b->cmds[6].action.kind, RUNBOOK_ACT_K8S_STATUS);
	runbook_free(&rb);
}

/* ---- which way x runs a step's commands ---- */

struct route_case {
	const char *block;                   /* one step's bash block */
	enum runbook_path path;
	enum runbook_action_kind kind;       /* BUILTIN: the action that runs */
	const char *why;                     /* the reason, whole */
};

/* A step's commands go through a built-in only when it does all of them;
 * else the whole script runs as written, and the reason says why, so no
 * command is ever dropped without a word. */
/* "# S", a step "1. Go" and its bash block holding text, indented under
 * it: the block's first line is line 5. */
static void
indent_block(char *md, size_t cap, const char *text)
{
	size_t n = (size_t)snprintf(md, cap, "# S\n\n1. Go\n   ```bash\n");
	const char *p;

	for (p = text; *p != '\0' && n + 8 < cap; p = strchr(p, '\n') + 1)
		n += (size_t)snprintf(md + n, cap - n, "   %.*s\n", (int)(strchr(p, '\n') - p), p);
	snprintf(md + n, cap - n, "   ```\n");
}

static void
commands_run_through_a_builtin_only_when_it_does_them_all(void **state)
{
	static const struct route_case cases[] = {
		{ "kubectl rollout undo deployment/api -n prod\n", RUNBOOK_PATH_BUILTIN,
		    RUNBOOK_ACT_K8S_UNDO,
		    "runs through the built-in k8s.undo (line 5), with its checks" },
		/* What the built-ins do themselves, one per line, as before. */
		{ "IMAGE_TAG=<tag> docker compose pull api\n"
		    "IMAGE_TAG=<tag> docker compose up -d api jobs\n", RUNBOOK_PATH_BUILTIN,
		    RUNBOOK_ACT_COMPOSE_UP, "runs through the built-in compose.up (line 6), with "
		    "its checks; the other lines are part of it" },
		{ "kubectl rollout undo deploy/api -n prod\n"
		    "kubectl rollout status deployment/api -n prod\n", RUNBOOK_PATH_BUILTIN,
		    RUNBOOK_ACT_K8S_UNDO, NULL },
		{ "sed -i 's/^EXPORT_MODE=.*/EXPORT_MODE=off/' .env\n"
		    "docker compose --env-file .env up -d api\n", RUNBOOK_PATH_BUILTIN,
		    RUNBOOK_ACT_KILLSWITCH, NULL },
		{ "kubectl set env deployment/api EXPORT_MODE=off -n shop\n"
		    "kubectl rollout status deployment/api -n shop\n", RUNBOOK_PATH_BUILTIN,
		    RUNBOOK_ACT_KILLSWITCH, NULL },
		{ "docker compose run --rm api alembic downgrade -1\n", RUNBOOK_PATH_BUILTIN,
		    RUNBOOK_ACT_MIGRATE_DOWN, NULL },
		/* Anything else beside it: the whole block as written. */
		{ "IMAGE_TAG=<tag> docker compose up -d api && "
		    "curl -fsS http://127.0.0.1:8000/readyz\n", RUNBOOK_PATH_SCRIPT, 0,
		    "runs as written: it also runs `curl -fsS http://127.0.0.1:8000/readyz` "
		    "(line 5)" },
		{ "helm rollback api 2 -n prod; helm status api -n prod\n", RUNBOOK_PATH_SCRIPT, 0,
		    "runs as written: it also runs `helm status api -n prod` (line 5)" },
		{ "docker compose ps\ngrep IMAGE_TAG .env\necho pinning\n"
		    "IMAGE_TAG=<TAG> docker compose up -d api\n", RUNBOOK_PATH_SCRIPT, 0,
		    "runs as written: it also runs `docker compose ps` (line 5)" },
		{ "IMAGE_TAG=<TAG> EXTRA=1 docker compose up -d api\n", RUNBOOK_PATH_SCRIPT, 0,
		    "runs as written" },
		{ "kubectl rollout undo deploy/api && kubectl rollout status deploy/api\n",
		    RUNBOOK_PATH_SCRIPT, 0, "runs as written: line 5 joins commands with &&, which "
		    "a built-in action would not keep" },
		/* Two rollbacks: alternatives, which a script would run both of. */
		{ "helm rollback api\nhelm rollback api <revision>\n", RUNBOOK_PATH_REFUSED, 0,
		    "refuses: `helm rollback api` (line 5) and `helm rollback api <revision>` "
		    "(line 6) are two rollbacks in one step, which x would run one after the "
		    "other: give each a step of its own, or use r in HOSTS" },
		{ "kubectl rollout undo deploy/api\nkubectl rollout status deploy/api\n"
		    "# or to a chosen revision\nkubectl rollout undo deploy/api --to-revision=<N>\n",
		    RUNBOOK_PATH_REFUSED, 0, "refuses: `kubectl rollout undo deploy/api` (line 5) "
		    "and `kubectl rollout undo deploy/api --to-revision=<N…` (line 8) are two "
		    "rollbacks in one step, which x would run one after the other: give each a "
		    "step of its own, or use r in HOSTS" },
		/* Recognised or not: sudo, an option the built-in lacks, an if. */
		{ "kubectl rollout undo deploy/api\nsudo -E kubectl rollout undo deploy/api\n",
		    RUNBOOK_PATH_REFUSED, 0, NULL },
		{ "helm rollback api 3 --force\nhelm --debug rollback api 2 --force\n",
		    RUNBOOK_PATH_REFUSED, 0, NULL },
		{ "if true; then kubectl -n prod rollout undo deploy/api; fi\n"
		    "kubectl rollout undo deploy/api --to-revision=2\n", RUNBOOK_PATH_REFUSED, 0,
		    NULL },
		{ "IMAGE_TAG=v1 docker compose up -d api\nIMAGE_TAG=v2 docker-compose -p x up -d api\n",
		    RUNBOOK_PATH_REFUSED, 0, NULL },
		{ "IMAGE_TAG=<tag> docker compose up -d api\n"
		    "docker compose run --rm api alembic -x a=1 downgrade -1\n", RUNBOOK_PATH_REFUSED,
		    0, "refuses: `IMAGE_TAG=<tag> docker compose up -d api` (line 5) and `docker "
		    "compose run --rm api alembic -x a=1 downg…` (line 6) are a rollback and a "
		    "downgrade in one step, which x would run one after the other: give each a step "
		    "of its own, or use r and M in HOSTS" },
		/* One rollback, looked at or waited for, is one. */
		{ "kubectl rollout history deploy/api\nkubectl rollout undo deploy/api\n",
		    RUNBOOK_PATH_SCRIPT, 0, NULL },
		/* One that can run more than once is refused like two: a loop's
		 * body or condition, xargs/parallel/watch, a function called twice. */
		{ "for i in 1 2; do kubectl -n prod rollout undo deployment/api; done\n",
		    RUNBOOK_PATH_REFUSED, 0, "refuses: `kubectl -n prod rollout undo "
		    "deployment/api` (line 5) is a rollback inside a for loop, which can run it "
		    "more than once, like two rollbacks in one step: write it once, outside, or "
		    "use r in HOSTS" },
		{ "for d in api web; do kubectl rollout undo deploy/$d; done\n",
		    RUNBOOK_PATH_REFUSED, 0, NULL },
		{ "until kubectl -n prod rollout undo deployment/api; do sleep 5; done\n",
		    RUNBOOK_PATH_REFUSED, 0, "refuses: `kubectl -n prod rollout undo "
		    "deployment/api` (line 5) is a rollback inside an until loop, which can run it "
		    "more than once, like two rollbacks in one step: write it once, outside, or "
		    "use r in HOSTS" },
		{ "while ! kubectl -n prod rollout status deploy/api; do\n"
		    "  kubectl -n prod rollout undo deploy/api\ndone\n", RUNBOOK_PATH_REFUSED, 0,
		    NULL },
		{ "while true; do\n  if true; then helm rollback api; fi\ndone\n",
		    RUNBOOK_PATH_REFUSED, 0, NULL },
		{ "for s in api jobs; do\n  IMAGE_TAG=v1 docker compose up -d $s\ndone\n",
		    RUNBOOK_PATH_REFUSED, 0, NULL },
		{ "for i in 1 2; do docker compose run --rm api alembic downgrade -1; done\n",
		    RUNBOOK_PATH_REFUSED, 0, "refuses: `docker compose run --rm api alembic "
		    "downgrade -1` (line 5) is a downgrade inside a for loop, which can run it more "
		    "than once, like two downgrades in one step: write it once, outside, or use M "
		    "in HOSTS" },
		{ "echo api | xargs -n1 -I{} kubectl rollout undo deploy/{}\n",
		    RUNBOOK_PATH_REFUSED, 0, "refuses: `xargs -n1 -I{} kubectl rollout "
		    "undo deploy/{}` (line 5) is a rollback run by xargs, which can run it more "
		    "than once, like two rollbacks in one step: write it once, outside, or use r "
		    "in HOSTS" },
		{ "watch -n 5 kubectl rollout undo deploy/api\n", RUNBOOK_PATH_REFUSED, 0, NULL },
		{ "sudo parallel helm rollback ::: api web\n", RUNBOOK_PATH_REFUSED, 0, NULL },
		{ "undo() {\n  kubectl rollout undo deploy/api\n}\nundo\nundo\n",
		    RUNBOOK_PATH_REFUSED, 0, "refuses: `kubectl rollout undo deploy/api` (line 6) "
		    "is a rollback inside function undo, called 2 times, which can run it more than "
		    "once, like two rollbacks in one step: write it once, outside, or use r in "
		    "HOSTS" },
		{ "function undo { kubectl rollout undo deploy/api; }\n"
		    "for i in 1 2; do undo; done\n", RUNBOOK_PATH_REFUSED, 0, "refuses: `kubectl "
		    "rollout undo deploy/api` (line 5) is a rollback inside function undo, called "
		    "in a for loop, which can run it more than once, like two rollbacks in one step: "
		    "write it once, outside, or use r in HOSTS" },
		/* Called once, or a loop that only looks: as written, as before. */
		{ "undo() { kubectl rollout undo deploy/api; }\nundo\n", RUNBOOK_PATH_SCRIPT, 0,
		    NULL },
		{ "for i in 1 2 3; do kubectl get pods; sleep 5; done\n"
		    "kubectl rollout undo deploy/api\n", RUNBOOK_PATH_SCRIPT, 0, NULL },
		{ "watch -n 5 kubectl get pods\n", RUNBOOK_PATH_SCRIPT, 0, "runs as written" },
		/* Output is never run, nor the commands beside it. */
		{ "kubectl get pods\nNAME    READY   STATUS\napi-1   1/1     Running\n",
		    RUNBOOK_PATH_REFUSED, 0, "refuses: line 6 starts with `NAME`, which is no "
		    "command name: output is never run (put it in a block of its own, labelled "
		    "text)" },
		{ "$ kubectl get pods\n", RUNBOOK_PATH_REFUSED, 0, "refuses: line 5 starts with a $ "
		    "prompt: label the block console to run only its $ lines" },
		{ "IMAGE_TAG=<tag> docker compose pull jobs\n"
		    "IMAGE_TAG=<tag> docker compose up -d api\n", RUNBOOK_PATH_SCRIPT, 0,
		    "runs as written: the pull of line 5 pulls a service the up -d of line 6 does "
		    "not name" },
		{ "docker compose pull api\nIMAGE_TAG=<tag> docker compose up -d api\n",
		    RUNBOOK_PATH_SCRIPT, 0, "runs as written: the pull of line 5 does not set "
		    "IMAGE_TAG alone, to the up -d's tag of line 6" },
		/* Seed 004's: a pull of every image, then up -d of two. */
		{ "IMAGE_TAG=v1 docker compose --env-file .env -f docker-compose.yml pull\n"
		    "IMAGE_TAG=v1 docker compose --env-file .env -f docker-compose.yml up -d api jobs\n",
		    RUNBOOK_PATH_SCRIPT, 0, "runs as written: the pull of line 5 names no service, "
		    "so it pulls every image; the built-in pulls only the services the up -d of "
		    "line 6 names" },
		/* Seed 003's: its own wait, which the built-in's gate then waits
		 * (as helm's --timeout), either way it is written. */
		{ "kubectl rollout undo deploy/api\n"
		    "kubectl rollout status deploy/api --timeout=5m\n", RUNBOOK_PATH_BUILTIN,
		    RUNBOOK_ACT_K8S_UNDO, "runs through the built-in k8s.undo (line 5), with its "
		    "checks; the other lines are part of it; its health gate waits the "
		    "--timeout=5m of line 6" },
		{ "kubectl rollout undo deploy/api -n prod\n"
		    "kubectl rollout status deploy/api -n prod --timeout 90s\n",
		    RUNBOOK_PATH_BUILTIN, RUNBOOK_ACT_K8S_UNDO, "runs through the built-in k8s.undo "
		    "(line 5), with its checks; the other lines are part of it; its health gate "
		    "waits the --timeout=90s of line 6" },
		/* A wait the gate cannot take, or two: as written, said why. */
		{ "kubectl rollout undo deploy/api\n"
		    "kubectl rollout status deploy/api --timeout=$WAIT\n", RUNBOOK_PATH_SCRIPT, 0,
		    "runs as written: the rollout status of line 6 waits --timeout=$WAIT, which is "
		    "no duration the built-in can wait (5m, 300s)" },
		{ "kubectl rollout undo deploy/api\n"
		    "kubectl rollout status deploy/api --timeout=5m\n"
		    "kubectl rollout status deploy/api --timeout=10m\n", RUNBOOK_PATH_SCRIPT, 0,
		    "runs as written: the rollout status of line 7 waits --timeout=10m, and that of "
		    "line 6 another time; the built-in waits once" },
		/* The kill switch keeps the config's wait: its own runs as written. */
		{ "kubectl set env deployment/api EXPORT_MODE=off\n"
		    "kubectl rollout status deployment/api --timeout=5m\n", RUNBOOK_PATH_SCRIPT, 0,
		    "runs as written: the rollout status of line 6 waits with its own "
		    "--timeout=5m, and the built-in kill switch waits as long as the config's "
		    "health timeout instead" },
		{ "kubectl rollout undo deploy/api\nkubectl rollout status deploy/web\n",
		    RUNBOOK_PATH_SCRIPT, 0, "runs as written: the rollout status of line 6 watches "
		    "another deployment, namespace or context than the undo of line 5" },
		{ "kubectl rollout status deploy/api\nkubectl rollout undo deploy/api\n",
		    RUNBOOK_PATH_SCRIPT, 0, "runs as written: the rollout status of line 5 comes "
		    "before the undo of line 6" },
		{ "sed -i 's/^EXPORT_MODE=.*/EXPORT_MODE=off/' .env\n"
		    "docker compose up -d api jobs\n", RUNBOOK_PATH_SCRIPT, 0, NULL },
		/* Known commands that start nothing by themselves. */
		{ "docker compose pull api\n", RUNBOOK_PATH_SCRIPT, 0, "runs as written: "
		    "compose.pull (line 5) starts no built-in action by itself" },
		{ "docker compose up -d api\n", RUNBOOK_PATH_SCRIPT, 0, "runs as written: the up -d "
		    "of line 5 names no IMAGE_TAG, so it is a redeploy, not a rollback" },
		/* sudo: the built-in would run it without. */
		{ "sudo kubectl rollout undo deployment/api -n prod\n", RUNBOOK_PATH_SCRIPT, 0,
		    "runs as written, sudo and all (line 5): a built-in action would run kubectl as "
		    "the ssh user, without sudo" },
		{ "sudo systemctl reload nginx\n", RUNBOOK_PATH_SCRIPT, 0, "runs as written" },
		/* A curl is the request it names, not the built-in smoke check. */
		{ "curl -fsS http://127.0.0.1:8000/readyz\n", RUNBOOK_PATH_SCRIPT, 0,
		    "runs as written" },
	};
	size_t i;

	for (i = 0; i < WR_ARRAY_LEN(cases); i++) {
		struct runbook rb;
		struct runbook_route r;
		char md[1024];

		indent_block(md, sizeof(md), cases[i].block);
		parse_str(&rb, md);
		runbook_route_of(&rb, 0, 0, &r);
		if (r.path != cases[i].path)
			fail_msg("case %zu: path %d, want %d (%s)", i, r.path, cases[i].path, r.why);
		if (cases[i].path == RUNBOOK_PATH_BUILTIN &&
		    r.builtin->action.kind != cases[i].kind)
			fail_msg("case %zu: %s", i, runbook_action_name(r.builtin->action.kind));
		if (cases[i].path == RUNBOOK_PATH_SCRIPT && r.builtin != NULL)
			fail_msg("case %zu: a built-in on a script", i);
		if (cases[i].why != NULL && strcmp(r.why, cases[i].why) != 0)
			fail_msg("case %zu: why '%s'", i, r.why);
		/* What x refuses is an error of the runbook, at the line refused
		 * (so x names it), with the same reason. */
		if (cases[i].path == RUNBOOK_PATH_REFUSED &&
		    (rb.nerrors != 1 || rb.diags[rb.ndiags - 1].line != r.line ||
		    strcmp(rb.diags[rb.ndiags - 1].msg, r.why + strlen(RUNBOOK_ROUTE_REFUSES)) != 0 ||
		    runbook_work_refusal(&rb, 0, 0, md, sizeof(md)) != 1))
			fail_msg("case %zu: %zu errors for a refusal", i, rb.nerrors);
		if (cases[i].path != RUNBOOK_PATH_REFUSED && rb.nerrors != 0)
			fail_msg("case %zu: %s", i, rb.diags[0].msg);
		runbook_free(&rb);
	}
}

/* kubectl rollout status --timeout after an undo: the wait the built-in's
 * health gate takes, in seconds (as helm's --timeout is); none: 0. */
static void
a_rollout_status_timeout_is_the_gates_wait(void **state)
{
	static const struct {
		const char *block;
		int wait_s;
	} cases[] = {
		{ "kubectl rollout undo deploy/api\nkubectl rollout status deploy/api "
		    "--timeout=5m\n", 300 },
		{ "kubectl rollout undo deploy/api -n prod\nkubectl rollout status deploy/api "
		    "--timeout 1m30s -n prod\n", 90 },
		{ "kubectl rollout undo deploy/api\nkubectl rollout status deploy/api\n", 0 },
		{ "kubectl rollout undo deploy/api\n", 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < WR_ARRAY_LEN(cases); i++) {
		struct runbook rb;
		struct runbook_route r;
		char md[1024];

		indent_block(md, sizeof(md), cases[i].block);
		parse_str(&rb, md);
		runbook_route_of(&rb, 0, 0, &r);
		if (r.path != RUNBOOK_PATH_BUILTIN || r.wait_s != cases[i].wait_s)
			fail_msg("case %zu: path %d, wait %d (%s)", i, r.path, r.wait_s, r.why);
		runbook_free(&rb);
	}
}

/* A step that runs as written although it rolls back, switches or
 * downgrades: its dialog says it is not the built-in, why, and what goes
 * unchecked; a step through the built-in, or with no such command, says
 * nothing of the kind. */
static void
a_change_run_as_written_says_it_is_unverified(void **state)
{
	static const struct {
		const char *block, *change, *words;
	} cases[] = {
		{ "kubectl rollout undo deploy/api\n"
		    "kubectl rollout status deploy/api --timeout=$WAIT\n", "rollback",
		    "NOT the built-in rollback, so nothing verifies it: the rollout status of line 6 "
		    "waits --timeout=$WAIT, which is no duration the built-in can wait (5m, 300s). "
		    "The script runs as written and its exit status is the outcome: no read-back of "
		    "what runs after it, no health gate" },
		/* Its own wait: the built-in's, so nothing goes unverified. */
		{ "kubectl rollout undo deploy/api\n"
		    "kubectl rollout status deploy/api --timeout=5m\n", NULL, "" },
		{ "IMAGE_TAG=v1 docker compose pull\nIMAGE_TAG=v1 docker compose up -d api jobs\n",
		    "rollback", "NOT the built-in rollback, so nothing verifies it: the pull of line 5 "
		    "names no service, so it pulls every image; the built-in pulls only the services "
		    "the up -d of line 6 names. The script runs as written and its exit status is "
		    "the outcome: no read-back of what runs after it, no health gate; .env keeps its "
		    "IMAGE_TAG (the built-in would set it)" },
		{ "if true; then kubectl rollout undo deploy/api; fi\n", "rollback",
		    "NOT the built-in rollback, so nothing verifies it: `kubectl rollout undo "
		    "deploy/api` (line 5) is inside an if, a case, a group or a pipeline. "
		    "The script runs as written and its exit status is the outcome: no read-back of "
		    "what runs after it, no health gate" },
		{ "sudo kubectl rollout undo deployment/api -n prod\n", "rollback",
		    "NOT the built-in rollback, so nothing verifies it: `sudo kubectl rollout undo "
		    "deployment/api -n prod` (line 5) runs under sudo, and the built-in would run it "
		    "as the ssh user. The script runs as written and its exit status is the outcome: no read-back of what runs after "
		    "it, no health gate" },
		{ "kubectl rollout undo deploy/api\n", NULL, "" },
		{ "kubectl get pods\n", NULL, "" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < WR_ARRAY_LEN(cases); i++) {
		struct runbook rb;
		struct runbook_route r;
		char md[1024], words[800];

		indent_block(md, sizeof(md), cases[i].block);
		parse_str(&rb, md);
		runbook_route_of(&rb, 0, 0, &r);
		if (cases[i].change == NULL ? r.change != NULL :
		    r.change == NULL || strcmp(r.change, cases[i].change) != 0)
			fail_msg("case %zu: change %s", i, r.change ? r.change : "none");
		runbook_route_unverified(&r, words, sizeof(words));
		if (strcmp(words, cases[i].words) != 0)
			fail_msg("case %zu: '%s'", i, words);
		runbook_free(&rb);
	}
}

/* A compose `up` that .env's IMAGE_TAG decides for a service: the x
 * dialog warns before it on a host marked .env!. */
static void
a_plain_up_is_one_env_decides(void **state)
{
	(void)state;
	assert_true(runbook_route_plain_up("cd /srv/app && docker compose up -d\n", "api"));
	assert_true(runbook_route_plain_up("docker compose up -d api jobs\n", "api"));
	assert_true(runbook_route_plain_up("sudo docker-compose -f docker-compose.yml up -d\n",
	    "api"));
	assert_true(runbook_route_plain_up("docker compose --env-file .env up -d --scale api=2 "
	    "api\n", "api"));
	/* Another service, a tag of its own, another env file, no up. */
	assert_false(runbook_route_plain_up("docker compose up -d jobs\n", "api"));
	assert_false(runbook_route_plain_up("IMAGE_TAG=v1.4.1 docker compose up -d\n", "api"));
	assert_false(runbook_route_plain_up("export IMAGE_TAG=v1.4.1\ndocker compose up -d\n",
	    "api"));
	assert_false(runbook_route_plain_up("docker compose --env-file prod.env up -d\n", "api"));
	assert_false(runbook_route_plain_up("docker compose ps\ndocker compose restart api\n",
	    "api"));
}

/* After a runbook command, whether .env decided what its up started
 * (the runbook's `IMAGE_TAG=v1.4.1 docker compose --env-file
 * .env up -d --no-deps api jobs` on h22 ended "WARNING: it brought back
 * .env's IMAGE_TAG=v1.4.1", a tag the command set itself). Not when it
 * gives the tag, exported or on the command, nor when it wrote .env
 * with sed -i first; the script as x runs it, warroom's lines first. */
static void
env_decides_only_a_tag_the_script_did_not_set(void **state)
{
	static const char pre[] = "cd '/srv/app' || exit 1\ntrap 'echo \"warroom: stopped at: "
	    "$BASH_COMMAND\" >&2' ERR 2>/dev/null\nset -e\n";
	char script[512];

	(void)state;
	snprintf(script, sizeof(script), "%sIMAGE_TAG=v1.4.1 docker compose --env-file .env "
	    "up -d --no-deps api jobs\n", pre);
	assert_false(runbook_route_env_decides(script, "api"));
	assert_false(runbook_route_env_decides(script, "jobs"));
	snprintf(script, sizeof(script), "%sdocker compose up -d\n", pre);
	assert_true(runbook_route_env_decides(script, "api"));
	assert_true(runbook_route_env_decides("docker compose up -d api\n", "api"));
	assert_false(runbook_route_env_decides("docker compose up -d api\n", "jobs"));
	assert_false(runbook_route_env_decides("export IMAGE_TAG=v1.4.1\n"
	    "docker compose up -d\n", "api"));
	/* .env written first: the tag is the script's. After the up, the
	 * up still started what .env said before. */
	assert_false(runbook_route_env_decides("sed -i 's/^IMAGE_TAG=.*/IMAGE_TAG=v1.4.1/' .env\n"
	    "docker compose up -d\n", "api"));
	assert_false(runbook_route_env_decides("sudo sed -i.bak -e 's/^IMAGE_TAG=.*/IMAGE_TAG=v1/' "
	    "/srv/app/.env && docker compose up -d\n", "api"));
	assert_true(runbook_route_env_decides("docker compose up -d\n"
	    "sed -i 's/^IMAGE_TAG=.*/IMAGE_TAG=v1.4.1/' .env\n", "api"));
	/* Another file, or another key: .env's tag still decides. */
	assert_true(runbook_route_env_decides("sed -i 's/^IMAGE_TAG=.*/IMAGE_TAG=v1/' prod.env\n"
	    "docker compose up -d\n", "api"));
	assert_true(runbook_route_env_decides("sed -i 's/^EXPORT_MODE=.*/EXPORT_MODE=off/' .env\n"
	    "docker compose up -d\n", "api"));
}

/* The journal keeps the script x ran, values filled and warroom's lines
 * first: the post-mortem finds the rollback in it as x told it. */
static void
a_script_says_which_change_it_makes(void **state)
{
	char cmd[64];

	(void)state;
	assert_true(runbook_route_script_change("cd '/srv/app' || exit 1\ntrap 'echo "
	    "\"warroom: stopped at: $BASH_COMMAND\" >&2' ERR 2>/dev/null\nset -e\n"
	    "kubectl rollout undo deploy/api -n prod\n"
	    "kubectl rollout status deploy/api -n prod --timeout=5m\n", "rollback", cmd,
	    sizeof(cmd)));
	assert_string_equal(cmd, "kubectl rollout undo deploy/api -n prod");
	assert_true(runbook_route_script_change("IMAGE_TAG=v1.4.1 docker compose pull\n"
	    "IMAGE_TAG=v1.4.1 docker compose up -d api jobs\n", "rollback", cmd, sizeof(cmd)));
	assert_string_equal(cmd, "IMAGE_TAG=v1.4.1 docker compose up -d api jobs");
	assert_true(runbook_route_script_change("sudo helm rollback api 3\n", "rollback", cmd,
	    sizeof(cmd)));
	/* Not a rollback: a redeploy, a kill switch, a look. */
	assert_false(runbook_route_script_change("docker compose up -d api\n", "rollback", cmd,
	    sizeof(cmd)));
	assert_string_equal(cmd, "");
	assert_false(runbook_route_script_change("kubectl set env deployment/api "
	    "EXPORT_MODE=off\n", "rollback", cmd, sizeof(cmd)));
	assert_true(runbook_route_script_change("kubectl set env deployment/api "
	    "EXPORT_MODE=off\n", "kill switch", cmd, sizeof(cmd)));
	assert_false(runbook_route_script_change("kubectl rollout history deploy/api\n",
	    "rollback", cmd, sizeof(cmd)));
	assert_false(runbook_route_script_change("", "rollback", cmd, sizeof(cmd)));
}

/* What a shell line may start with, and what only output does. */
static void
command_names_and_what_cannot_be_one(void **state)
{
	static const char *const ok[] = {
		"kubectl", "docker-compose", "python3", "g++", "7z", "2to3", "_helper",
		"./scripts/smoke/smoke_test.sh", "scripts/deploy.sh", "/usr/bin/env", "~/bin/x",
		"../run", ".venv/bin/python", "$KUBECTL", "${HELM:-helm}", "$(which kubectl)",
		"<command>", "[", "[[", ":", ".", "A", "VBoxManage",
	};
	static const char *const output[] = {
		"NAME", "READY", "HTTP/1.1", "ERROR", "[2025-09-30T12:34:10Z]", "[INFO]",
		"2025-09-30", "10.0.0.5", "1/1", "0", "12:00:01", "Name:", "http://x", "Waiting",
		"Error", "Done.", "$", "...", "..", "-", "---", "*", "├──", "user@host:~$", "%",
		"Status:", "SELECT",
	};
	size_t i;

	(void)state;
	for (i = 0; i < WR_ARRAY_LEN(ok); i++)
		if (!runbook_command_name_ok(ok[i]))
			fail_msg("'%s' read as no command name", ok[i]);
	for (i = 0; i < WR_ARRAY_LEN(output); i++)
		if (runbook_command_name_ok(output[i]))
			fail_msg("'%s' read as a command name", output[i]);
}

/* An unlabelled fence of sample output is output: no commands, nothing
 * for x, a warning naming the line; a quote in it ("can't") says nothing.
 * Commands with no label stay commands; a transcript with no label is
 * output too, and the warning says console runs its $ lines. */
static void
unlabelled_output_is_never_a_command(void **state)
{
	struct runbook rb;
	struct runbook_stats st;
	struct runbook_route r;

	(void)state;
	parse_str(&rb, "# S\n\n1. Sample output:\n   ```\n"       /* fence: line 4 */
	    "   NAME    READY   STATUS    RESTARTS   AGE\n"
	    "   api-1   1/1     Running   0          3m\n"
	    "   can't reach it\n   ```\n");
	assert_int_equal(rb.nblocks, 1);
	assert_int_equal(rb.blocks[0].kind, RUNBOOK_BLOCK_OUTPUT);
	assert_int_equal(rb.blocks[0].ncmds, 0);
	assert_int_equal(rb.blocks[0].output_line, 5);
	assert_string_equal(rb.blocks[0].output_word, "NAME");
	assert_string_equal(runbook_block_kind_name(rb.blocks[0].kind), "output");
	assert_int_equal(rb.nerrors, 0);
	assert_int_equal(rb.nwarnings, 1);
	assert_int_equal(rb.diags[0].line, 4);
	assert_string_equal(rb.diags[0].msg, "the unlabelled block of line 4 is read as output "
	    "and never run: line 5 starts with `NAME`, which is no command name (label it "
	    "text; commands go in a block of their own)");
	runbook_stats(&rb, &st);
	assert_int_equal(st.commands, 0);
	runbook_route_of(&rb, 0, 0, &r);
	assert_int_equal(r.path, RUNBOOK_PATH_NONE);
	runbook_free(&rb);

	/* The command before the table does not run either: never a part. */
	parse_str(&rb, "# S\n\n```\nkubectl get pods\n[2025-09-30T12:34:10Z] ready\n```\n");
	assert_int_equal(rb.blocks[0].kind, RUNBOOK_BLOCK_OUTPUT);
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 3, "line 5 starts with "
	    "`[2025-09-30T12:34:10Z]`"));
	runbook_free(&rb);

	parse_str(&rb, "# S\n\n```\n$ kubectl get pods\nNAME READY\n```\n");
	assert_int_equal(rb.blocks[0].kind, RUNBOOK_BLOCK_OUTPUT);
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 3, "line 4 starts with a $ prompt (a "
	    "transcript: label it console to run only its $ lines)"));
	runbook_free(&rb);

	/* The word as written, quotes and all: what the author will look for. */
	parse_str(&rb, "# S\n\n```\ncurl -s http://x/readyz\n{\"ready\": true}\n```\n");
	assert_int_equal(rb.blocks[0].kind, RUNBOOK_BLOCK_OUTPUT);
	assert_string_equal(rb.blocks[0].output_word, "{\"ready\":");
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 3, "line 5 starts with `{\"ready\":`, "));
	runbook_free(&rb);

	/* Commands with no label, and a labelled transcript, are commands. */
	parse_str(&rb, "# S\n\n```\nkubectl get pods -n prod\n"
	    "./scripts/smoke.sh http://127.0.0.1:8000\n```\n\n"
	    "```console\n$ kubectl get pods\nNAME READY\napi-1 1/1\n```\n");
	assert_int_equal(rb.blocks[0].kind, RUNBOOK_BLOCK_SHELL);
	assert_int_equal(rb.blocks[0].ncmds, 2);
	assert_int_equal(rb.blocks[0].output_line, 0);
	assert_int_equal(rb.blocks[1].kind, RUNBOOK_BLOCK_SHELL);
	assert_int_equal(rb.blocks[1].ncmds, 1);
	assert_int_equal(rb.ndiags, 0);
	runbook_free(&rb);
}

/* Two rollbacks in a section's own blocks (two blocks, even) are refused
 * as in a step; the error is the section's, so x on it names the line. */
static void
a_sections_two_rollbacks_are_refused(void **state)
{
	struct runbook rb;
	struct runbook_route r;
	char why[512];

	(void)state;
	parse_str(&rb, "# Roll back\n\n```bash\nhelm rollback api\n```\n\nOr a revision:\n\n"
	    "```bash\nhelm rollback api 3\n```\n");
	runbook_route_of(&rb, 0, WR_RUNBOOK_NONE, &r);
	assert_int_equal(r.path, RUNBOOK_PATH_REFUSED);
	assert_int_equal(r.line, 10);
	assert_null(r.builtin);
	assert_int_equal(rb.nerrors, 1);
	assert_int_equal(runbook_work_refusal(&rb, 0, WR_RUNBOOK_NONE, why, sizeof(why)), 1);
	assert_string_equal(why, "t.md:10: `helm rollback api` (line 4) and `helm rollback api 3` "
	    "(line 10) are two rollbacks in one section, which x would run one after the other: "
	    "give each a step of its own, or use r in HOSTS \xe2\x80\x94 fix the runbook; "
	    "nothing ran");
	runbook_free(&rb);
}

/* The kill switch that a .env edit and `up -d SERVICE` spell is the switch
 * of that service; no shell command is no route; a section's own, which
 * the lint states after its last shell block. */
static void
route_names_the_switched_service(void **state)
{
	struct runbook rb;
	struct runbook_route r;
	char *text;

	parse_str(&rb, "# S\n\n```bash\nexport EXPORT_MODE=off\ndocker compose up -d jobs\n```\n\n"
	    "1. Nothing\n2. Bound\n   ```warroom\nsmoke url=/readyz\n```\n");
	runbook_route_of(&rb, 0, WR_RUNBOOK_NONE, &r);
	assert_int_equal(r.path, RUNBOOK_PATH_BUILTIN);
	assert_int_equal(r.builtin->action.kind, RUNBOOK_ACT_KILLSWITCH);
	assert_string_equal(r.service, "jobs");
	runbook_route_of(&rb, 0, 0, &r);
	assert_int_equal(r.path, RUNBOOK_PATH_NONE);
	assert_string_equal(r.why, "");
	runbook_route_of(&rb, 0, 1, &r);
	assert_int_equal(r.path, RUNBOOK_PATH_NONE);
	runbook_free(&rb);

	/* The lint says it once, after the section's last shell block. */
	parse_str(&rb, "# S\n\n```bash\necho hi\n```\n\n```warroom\nsmoke url=/readyz\n```\n");
	text = runbook_format_text(&rb);
	if (strstr(text, "$ echo hi  (line 4)\n  x runs as written\n  [warroom") == NULL)
		fail_msg("%s", text);
	free(text);
	runbook_free(&rb);

	/* Our runbook's .env switch and `up -d api`: the built-in, for api. */
	parse_file(&rb, "docs/runbooks/compose-rollback.md");
	runbook_route_of(&rb, 0, step_named(&rb, "Set the switch in .env"), &r);
	assert_int_equal(r.path, RUNBOOK_PATH_BUILTIN);
	assert_int_equal(r.builtin->action.kind, RUNBOOK_ACT_KILLSWITCH);
	assert_string_equal(r.service, "api");
	runbook_free(&rb);
}

/* ---- warroom blocks ---- */

static void
warroom_bindings_are_read(void **state)
{
	struct runbook rb;
	const struct runbook_block *b;

	parse_str(&rb, "- roll back\n"
	    "  ```warroom\n"
	    "  # explicit bindings\n"
	    "  rollback service=api to=last-good\n"
	    "  killswitch export off\n"
	    "  statuspage update status=identified message=\"Rolling back api\"\n"
	    "  smoke url=https://api.example.com/readyz expect=200\n"
	    "  announce message='done' channel=ops\n"
	    "  ```\n");
	assert_int_equal(rb.nerrors, 0);
	b = &rb.blocks[0];
	assert_int_equal(b->kind, RUNBOOK_BLOCK_WARROOM);
	assert_int_equal(b->step, 0);
	assert_int_equal(b->nbinds, 5);
	assert_int_equal(b->binds[0].line, 4);
	assert_int_equal(b->binds[0].action.kind, RUNBOOK_ACT_ROLLBACK);
	assert_string_equal(runbook_action_arg(&b->binds[0].action, "to"), "last-good");
	assert_string_equal(runbook_action_arg(&b->binds[1].action, "switch"), "export");
	assert_string_equal(runbook_action_arg(&b->binds[1].action, "state"), "off");
	assert_string_equal(runbook_action_arg(&b->binds[2].action, "message"),
	    "Rolling back api");
	assert_int_equal(b->binds[3].action.kind, RUNBOOK_ACT_SMOKE);
	assert_int_equal(b->binds[4].line, 8);
	runbook_free(&rb);
}

static void
warroom_errors_name_their_line(void **state)
{
	struct runbook rb;
	const char *md = "```warroom\n"
	    "rollbak service=api\n"                 /* 2 */
	    "rollback servise=api\n"                /* 3 */
	    "rollback to=v1\n"                      /* 4 */
	    "killswitch export maybe\n"             /* 5 */
	    "smoke url=ftp://x expect=42\n"         /* 6 */
	    "statuspage update\n"                   /* 7 */
	    "announce message=\"unterminated\n"     /* 8 */
	    "rollback service=api service=jobs\n"   /* 9 */
	    "smoke url=/healthz\n"                  /* 10: fine */
	    "```\n";

	assert_int_equal(runbook_parse(&rb, "t.md", md, strlen(md)), -1);
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 2, "unknown action 'rollbak' (did you mean 'rollback'?)"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 3, "unknown key 'servise' (did you mean 'service'?)"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 3, "missing service="));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 4, "missing service="));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 5, "bad state 'maybe'"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 6, "bad url"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 6, "bad expect"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 7, "missing status="));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 8, "unterminated quote"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 9, "given twice"));
	assert_int_equal(rb.nerrors, 10);
	assert_int_equal(rb.blocks[0].nbinds, 1);
	assert_int_equal(rb.blocks[0].binds[0].line, 10);
	runbook_free(&rb);
}

/* The console drives one kill switch: a binding for another is read as
 * an error, not left for the incident to refuse. */
static void
warroom_killswitch_names_the_export_switch(void **state)
{
	struct runbook rb;
	const char *md = "```warroom\n"
	    "killswitch payments off service=api\n"  /* 2 */
	    "killswitch export off service=api\n"    /* 3: fine */
	    "killswitch EXPORT_MODE on\n"            /* 4: fine */
	    "```\n";

	(void)state;
	assert_int_equal(runbook_parse(&rb, "t.md", md, strlen(md)), -1);
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 2, "warroom's kill switch is EXPORT_MODE "
	    "(killswitch export on|off); this line names 'payments'"));
	assert_int_equal(rb.nerrors, 1);
	assert_int_equal(rb.blocks[0].nbinds, 2);
	assert_int_equal(rb.blocks[0].binds[0].line, 3);
	runbook_free(&rb);
}

/* A binding asks for its tag or revision with a <placeholder> (x asks for
 * it); anywhere else a placeholder is a bad value. */
static void
warroom_placeholder_target(void **state)
{
	struct runbook rb;
	const char *md = "```warroom\n"
	    "rollback service=api to=<TAG>\n"                  /* 2: fine */
	    "rollback service=api revision=<REV> driver=k8s\n" /* 3: fine */
	    "rollback service=<SVC>\n"                         /* 4 */
	    "rollback service=api to=<1bad>\n"                 /* 5 */
	    "rollback service=api revision=<REV\n"             /* 6 */
	    "```\n";

	(void)state;
	assert_int_equal(runbook_parse(&rb, "t.md", md, strlen(md)), -1);
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 4, "bad service '<SVC>'"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 5, "bad to '<1bad>' (expected an image tag, "
	    "last-good, previous or a <placeholder>)"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 6, "bad revision '<REV'"));
	assert_int_equal(rb.nerrors, 3);
	assert_int_equal(rb.blocks[0].nbinds, 2);
	assert_string_equal(runbook_action_arg(&rb.blocks[0].binds[0].action, "to"), "<TAG>");
	assert_string_equal(runbook_action_arg(&rb.blocks[0].binds[1].action, "revision"),
	    "<REV>");
	assert_true(runbook_is_angle("<TAG>"));
	assert_false(runbook_is_angle("<>"));
	assert_false(runbook_is_angle("<a b>"));
	runbook_free(&rb);
}

/* A post's or announcement's message= is filled as [templates] is: a
 * {word} no template knows would be posted as written, so it is an error,
 * with the one meant, in the very words warroom.conf gets; a known one and
 * braces around no word are text. */
static void
warroom_message_fields_are_the_templates(void **state)
{
	struct runbook rb;
	const char *md = "```warroom\n"
	    "statuspage update status=monitoring message=\"{servce} is back on {to_tag}\"\n"
	    "announce message=\"rolled back to {totag}\"\n"                          /* 3 */
	    "statuspage resolve message=\"Fixed at {when}.\"\n"                      /* 4 */
	    "announce message=\"{service} back on {to_tag} since {since} { } {}\"\n" /* 5: fine */
	    "```\n";

	(void)state;
	assert_int_equal(runbook_parse(&rb, "t.md", md, strlen(md)), -1);
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 2, "warroom: statuspage: message: unknown "
	    "placeholder {servce} (did you mean {service}?) (known: {service} {from_tag} "
	    "{to_tag} {since} {began} {incident} {time})"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 3, "warroom: announce: message: unknown "
	    "placeholder {totag} (did you mean {to_tag}?)"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 4, "warroom: statuspage: message: unknown "
	    "placeholder {when} (known: {service}"));
	assert_int_equal(rb.nerrors, 3);
	/* Lines with an error bind nothing: x refuses them, naming the line. */
	assert_int_equal(rb.blocks[0].nbinds, 1);
	assert_int_equal(rb.blocks[0].binds[0].line, 5);
	runbook_free(&rb);
}

/* "{to_tag} <GOOD_TAG>" in a message went out with <GOOD_TAG> as
 * written: a command's placeholder is never asked for there. Said, not
 * refused: "latency < 200ms" or "<b>" is text someone may mean. */
static void
warroom_message_placeholder_is_a_warning(void **state)
{
	struct runbook rb;
	const char *md = "```warroom\n"
	    "statuspage update status=monitoring message=\"back on <GOOD_TAG> now\"\n" /* 2 */
	    "announce message=\"p95 < 200 ms, <3\"\n"                                    /* 3: fine */
	    "```\n";

	(void)state;
	assert_int_equal(runbook_parse(&rb, "t.md", md, strlen(md)), 0);
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 2, "warroom: statuspage: message: <GOOD_TAG> "
	    "is posted as written (a message is not asked for placeholders; it is filled from "
	    "{fields}, such as {to_tag})"));
	assert_int_equal(rb.nwarnings, 1);
	assert_int_equal(rb.blocks[0].nbinds, 2);
	runbook_free(&rb);
}

/* An argument name typed short (msg=, svc=, ns=) is one a verb takes
 * written out: suggested, as a misspelt action or key is. */
static void
warroom_short_keys_are_suggested(void **state)
{
	struct runbook rb;
	const char *md = "```warroom\n"
	    "announce msg=\"api rolled back\"\n"           /* 2 */
	    "rollback svc=api\n"                            /* 3 */
	    "rollback service=api ns=shop rev=3\n"          /* 4 */
	    "statuspage update status=identified msg=x\n"   /* 5 */
	    "smoke url=/readyz x=1\n"                       /* 6: nothing close */
	    "```\n";

	(void)state;
	assert_int_equal(runbook_parse(&rb, "t.md", md, strlen(md)), -1);
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 2, "warroom: announce: unknown key 'msg' (did "
	    "you mean 'message'?)"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 3, "unknown key 'svc' (did you mean "
	    "'service'?)"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 4, "unknown key 'ns' (did you mean "
	    "'namespace'?)"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 4, "unknown key 'rev' (did you mean "
	    "'revision'?)"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 5, "unknown key 'msg' (did you mean "
	    "'message'?)"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 6, "warroom: smoke: unknown key 'x'"));
	assert_false(has_diag(&rb, RUNBOOK_ERROR, 6, "did you mean"));
	runbook_free(&rb);
}

/* A statuspage binding keeps its title and impact for the post; what the
 * post could not honour is an error with its line, not dropped. */
static void
warroom_statuspage_title_and_impact(void **state)
{
	struct runbook rb;
	const struct runbook_action *a;
	const char *md = "```warroom\n"
	    "statuspage create name=\"Elevated API errors\" status=investigating impact=minor\n"
	    "statuspage create name=x status=investigating impact=huge\n"          /* 3 */
	    "statuspage update name=\"New title\" status=identified\n"             /* 4 */
	    "statuspage create name=x status=identified titel=y\n"                 /* 5 */
	    "statuspage update status=identified component=api\n"                  /* 6 */
	    "statuspage update status=identified component_status=major_outage\n"  /* 7 */
	    "statuspage resolve name=x\n"                                          /* 8 */
	    "statuspage update status=monitoring impact=none\n"                    /* 9: fine */
	    "```\n";

	(void)state;
	assert_int_equal(runbook_parse(&rb, "t.md", md, strlen(md)), -1);
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 3,
	    "bad impact 'huge' (expected none minor major critical)"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 4, "statuspage update: name= titles a new "
	    "incident (statuspage create); an update keeps the title it was created with"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 5, "unknown key 'titel'"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 6, "component= is not supported"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 7, "component_status= is not supported"));
	assert_true(has_diag(&rb, RUNBOOK_ERROR, 8, "statuspage resolve: name= titles"));
	assert_int_equal(rb.nerrors, 6);
	assert_int_equal(rb.blocks[0].nbinds, 2);
	a = &rb.blocks[0].binds[0].action;
	assert_int_equal(rb.blocks[0].binds[0].line, 2);
	assert_string_equal(runbook_action_arg(a, "name"), "Elevated API errors");
	assert_string_equal(runbook_action_arg(a, "impact"), "minor");
	assert_int_equal(rb.blocks[0].binds[1].line, 9);
	assert_string_equal(runbook_action_arg(&rb.blocks[0].binds[1].action, "impact"), "none");
	runbook_free(&rb);
}

/* ---- the decision matrix ---- */

static void
matrix_rows_levels_and_warnings(void **state)
{
	struct runbook rb;
	struct config_thresholds t = { .error_rate_rollback = 0.5, .p95_monitor_ms = 7 };
	unsigned set;

	parse_str(&rb, "# M\n"
	    "\n"
	    "| Owner | action | THRESHOLD | metric |\n"      /* 3 */
	    "|---|---|---|---|\n"
	    "| a | Roll back immediately | >= 4 % | Error rate (5xx) |\n"   /* 5 */
	    "| b | Consider rollback, investigate | 2–4% | Error rate |\n"
	    "| c | Monitor closely | > 1.5s | p95 latency |\n"
	    "| d | Rollback | > 5 restarts | Pod restarts |\n"      /* 8: no window */
	    "| e | Page someone | > 1% | Error rate |\n"            /* 9: no level */
	    "| f | Monitor | < 2% | Error rate |\n"                 /* 10: upper bound */
	    "| g | Rollback | 3/10m | Pod crashes |\n"             /* 11 */
	    "| h | Monitor | > 2 in 5m | Pod crashes |\n"          /* 12 */
	    "| i | Monitor | > 100 | Queue depth |\n"              /* 13 */
	    "| j | Rollback immediately | > 6% | Error rate |\n"   /* 14: twice */
	    "\n"
	    "| Metric | Threshold | Action |\n"
	    "|---|---|---|\n"
	    "| Error rate | > 9% | Rollback |\n");
	assert_true(rb.matrix.present);
	assert_int_equal(rb.matrix.line, 3);
	assert_int_equal(rb.matrix.nrows, 4);
	assert_int_equal(rb.matrix.rows[0].line, 5);
	assert_int_equal(rb.matrix.rows[1].level, RUNBOOK_LEVEL_CONSIDER);
	assert_int_equal(rb.matrix.rows[2].metric, RUNBOOK_METRIC_P95_MS);
	assert_true(rb.matrix.rows[2].value == 1500);
	assert_int_equal(rb.matrix.rows[3].window_s, 600);
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 8, "window"));
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 9, "none of rollback"));
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 10, "lower bounds"));
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 12, "only set the ROLLBACK"));
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 13, "unknown metric 'Queue depth'"));
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 14, "line 5 counts"));
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 16, "second decision matrix"));
	assert_int_equal(rb.nerrors, 0);
	set = runbook_matrix_apply(&rb.matrix, &t);
	assert_int_equal(set, WR_RB_SET_ERROR_ROLLBACK | WR_RB_SET_ERROR_CONSIDER |
	    WR_RB_SET_P95_MONITOR | WR_RB_SET_RESTARTS);
	assert_true(t.error_rate_rollback > 0.0399 && t.error_rate_rollback < 0.0401);
	assert_true(t.error_rate_consider > 0.0199 && t.error_rate_consider < 0.0201);
	assert_true(t.p95_monitor_ms == 1500);
	assert_int_equal(t.restarts_rollback, 3);
	assert_int_equal(t.restarts_window_s, 600);
	assert_int_equal(t.at_or_above, WR_TH_GE_ERROR_ROLLBACK | WR_TH_GE_ERROR_CONSIDER);
	runbook_free(&rb);
}

/* The operator a matrix row shows is the one its rule applies: "> 300 ms"
 * prints as > and fires only above 300 ms; ">= 5%", a range and a bare
 * count fire at the value itself; "> 3 in 5m" needs four restarts. */
static void
matrix_operator_shows_and_rules_as_written(void **state)
{
	struct runbook rb;
	struct config_thresholds t = {
		.error_rate_rollback = 0.5, .error_rate_consider = 0.4,
		.error_rate_monitor = 0.3, .p95_rollback_ms = 9000,
		.p95_consider_ms = 8000, .p95_monitor_ms = 7000,
		.at_or_above = WR_TH_GE_P95_ROLLBACK,
	};
	struct decide_input m = { .error_rate = 0, .p95_ms = 300, .restarts = 0 };
	struct decide_verdict v;
	char *text, *json;
	cJSON *doc, *rows;

	(void)state;
	parse_str(&rb, "# M\n\n| Metric | Threshold | Action |\n|---|---|---|\n"
	    "| P95 latency | > 300 ms | Rollback immediately |\n"
	    "| Error rate | >= 5% | Rollback immediately |\n"
	    "| Error rate | 2-5% | Consider rollback |\n"
	    "| Error rate | above 1% | Monitor |\n"
	    "| P95 latency | \xe2\x89\xa5 200ms | Consider rollback |\n"
	    "| Pod crashes | > 3 in 5m | Rollback immediately |\n");
	assert_int_equal(rb.matrix.nrows, 6);
	text = runbook_format_text(&rb);
	assert_non_null(strstr(text, "  p95 latency > 300ms -> ROLLBACK  (line 5)\n"));
	assert_non_null(strstr(text, "  error rate >= 5% -> ROLLBACK  (line 6)\n"));
	assert_non_null(strstr(text, "  error rate >= 2% -> CONSIDER  (line 7)\n"));
	assert_non_null(strstr(text, "  error rate > 1% -> MONITOR  (line 8)\n"));
	assert_non_null(strstr(text, "  p95 latency >= 200ms -> CONSIDER  (line 9)\n"));
	assert_non_null(strstr(text, "  pod crashes > 3 in 300s -> ROLLBACK  (line 10)\n"));
	json = runbook_format_json(&rb);
	doc = cJSON_Parse(json);
	rows = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "matrix"), "rows");
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(rows, 0), "op")->valuestring,
	    ">");
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(rows, 1), "op")->valuestring,
	    ">=");
	cJSON_Delete(doc);
	free(json);
	free(text);

	runbook_matrix_apply(&rb.matrix, &t);
	/* The config's >= for p95 rollback is replaced by the row's >. */
	v = decide(&t, &m, NULL, NULL);
	assert_string_equal(decide_level_name(v.level), "CONSIDER ROLLBACK");
	assert_string_equal(v.reason, "p95 300 ms \xe2\x89\xa5 200 ms");
	m.p95_ms = 300.5;
	v = decide(&t, &m, NULL, NULL);
	assert_string_equal(v.reason, "p95 300.5 ms > 300 ms");
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	m.p95_ms = 100;
	m.error_rate = 0.05;
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_string_equal(v.reason, "error rate 5% \xe2\x89\xa5 5%");
	m.error_rate = 0.02;
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_CONSIDER);
	m.error_rate = 0.01;
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_OK);
	m.error_rate = 0;
	m.restarts = 3;
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_OK);
	m.restarts = 4;
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	runbook_free(&rb);
}

/* A table with only "P95 > 2000 ms" rules p95 alone: the [thresholds]
 * defaults' 1000 ms (consider) and 500 ms (monitor) are off, and the
 * error rate the table does not name keeps [thresholds], saying so. */
static void
matrix_levels_it_does_not_name_are_off(void **state)
{
	struct runbook rb;
	struct config_thresholds t = {
		.error_rate_rollback = 0.05, .error_rate_consider = 0.02,
		.error_rate_monitor = 0.01, .p95_rollback_ms = 2500,
		.p95_consider_ms = 1000, .p95_monitor_ms = 500,
		.restarts_rollback = 3, .restarts_window_s = 300,
		.at_or_above = WR_TH_GE_P95_CONSIDER,
	};
	struct decide_input m = { .error_rate = 0, .p95_ms = 1439, .restarts = 0 };
	struct decide_verdict v;

	(void)state;
	parse_str(&rb, "# M\n\n| Metric | Threshold | Action |\n|---|---|---|\n"
	    "| P95 latency | > 2000 ms | Rollback immediately |\n");
	assert_int_equal(runbook_matrix_apply(&rb.matrix, &t), WR_RB_SET_P95_ROLLBACK);
	assert_int_equal(t.from_table, WR_TH_TABLE_P95);
	assert_true(isinf(t.p95_consider_ms) && isinf(t.p95_monitor_ms));
	assert_int_equal(t.at_or_above, 0);
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_OK);
	m.p95_ms = 2001;
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_ROLLBACK);
	assert_string_equal(v.reason, "p95 2001 ms > 2000 ms");
	m.p95_ms = 100;
	m.error_rate = 0.03;
	v = decide(&t, &m, NULL, NULL);
	assert_int_equal(v.level, DECIDE_CONSIDER);
	assert_string_equal(v.reason, "error rate 3% > 2% [thresholds]");
	m.error_rate = 0;
	m.restarts = 3;
	v = decide(&t, &m, NULL, NULL);
	assert_string_equal(v.reason, "3 restarts in 5m \xe2\x89\xa5 3 [thresholds]");
	/* No table: no source said. */
	t.from_table = 0;
	v = decide(&t, &m, NULL, NULL);
	assert_string_equal(v.reason, "3 restarts in 5m \xe2\x89\xa5 3");
	runbook_free(&rb);
}

static void
tables_without_the_columns_are_not_a_matrix(void **state)
{
	struct runbook rb;
	struct config_thresholds t = { .p95_rollback_ms = 42 };

	parse_str(&rb, "| Metric | Value | Action |\n|---|---|---|\n| Error rate | 5% | Rollback |\n");
	assert_false(rb.matrix.present);
	assert_int_equal(runbook_matrix_apply(&rb.matrix, &t), 0);
	assert_true(t.p95_rollback_ms == 42);
	runbook_free(&rb);
}

/* A header that comes close to Metric/Threshold/Action (a plural, a typo,
 * another word for one of them) is a warning with its line: the table is
 * not read, and the author would believe it is. Other tables say nothing. */
static void
near_matrix_headers_are_warned(void **state)
{
	static const struct { const char *head, *why; } near[] = {
		{ "Metrics | Threshold | Action", "('Metrics' is not Metric)" },
		{ "Metric | Treshold | Action", "('Treshold' is not Threshold)" },
		{ "Metric | Threshold | Decision", "('Decision' is not Action)" },
		{ "Metric name | Threshold | Action to take",
		  "('Metric name' is not Metric, 'Action to take' is not Action)" },
	};
	static const char *const far[] = {
		"Metric | Value | Action", "Metric | Threshold | Owner", "Host | Port | Service",
	};
	struct runbook rb;
	char md[512], want[256];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(near) / sizeof(near[0]); i++) {
		snprintf(md, sizeof(md), "# M\n\n| %s |\n|---|---|---|\n| Error rate | > 5%% | "
		    "Rollback |\n", near[i].head);
		parse_str(&rb, md);
		assert_false(rb.matrix.present);
		snprintf(want, sizeof(want), "this table looks like a decision matrix but its "
		    "header is '%s'; the matrix needs Metric, Threshold and Action columns %s",
		    near[i].head, near[i].why);
		if (!has_diag(&rb, RUNBOOK_WARNING, 3, want))
			fail_msg("no warning for '%s'", near[i].head);
		runbook_free(&rb);
	}
	for (i = 0; i < sizeof(far) / sizeof(far[0]); i++) {
		snprintf(md, sizeof(md), "# M\n\n| %s |\n|---|---|---|\n| a | b | c |\n", far[i]);
		parse_str(&rb, md);
		if (has_diag(&rb, RUNBOOK_WARNING, 3, "decision matrix"))
			fail_msg("'%s' warned as a near matrix", far[i]);
		runbook_free(&rb);
	}
}

/* Several runbooks with a matrix: the first in -r order rules, and the
 * others are named as ignored, never dropped unseen. */
static void
first_matrix_rules_and_the_others_are_named(void **state)
{
	const char *with = "| Metric | Threshold | Action |\n|---|---|---|\n"
	    "| Error rate | > 5% | Rollback |\n";
	const char *empty = "| Metric | Threshold | Action |\n|---|---|---|\n";
	struct runbook a, b, c, none;
	struct runbook_matrix_src v[4];
	char said[512];

	(void)state;
	parse_str(&none, "# No matrix\n\n- a step\n");
	parse_str(&a, with);
	parse_str(&b, empty);          /* a header and no row sets nothing */
	parse_str(&c, with);
	v[0] = (struct runbook_matrix_src){ "none.md", &none.matrix };
	v[1] = (struct runbook_matrix_src){ "nm4.md", &a.matrix };
	v[2] = (struct runbook_matrix_src){ "empty.md", &b.matrix };
	v[3] = (struct runbook_matrix_src){ "comms.md", &c.matrix };
	assert_int_equal(runbook_matrix_pick(v, 4), 1);
	assert_int_equal(runbook_matrix_describe(v, 4, said, sizeof(said)), 1);
	assert_string_equal(said, "decision matrix from nm4.md (line 1) overrides [thresholds]; "
	    "the one in comms.md (line 1) is IGNORED: only the first -r runbook's matrix counts");
	assert_int_equal(runbook_matrix_describe(v, 3, said, sizeof(said)), 0);
	assert_string_equal(said, "decision matrix from nm4.md (line 1) overrides [thresholds]");
	assert_int_equal(runbook_matrix_pick(v, 1), -1);
	assert_int_equal(runbook_matrix_describe(v, 1, said, sizeof(said)), 0);
	assert_string_equal(said, "");
	v[0] = v[3];
	assert_int_equal(runbook_matrix_describe(v, 4, said, sizeof(said)), 2);
	assert_non_null(strstr(said, "from comms.md (line 1) overrides [thresholds]; the ones in "
	    "nm4.md (line 1), comms.md (line 1) are IGNORED"));
	runbook_free(&none);
	runbook_free(&a);
	runbook_free(&b);
	runbook_free(&c);
}

/* ---- adversarial Markdown ---- */

static void
crlf_reads_like_lf(void **state)
{
	const char *lf = "# A\n\n- [x] one\n- two\n  ```bash\n  helm rollback api -n x\n  ```\n## B\n- three\n";
	char crlf[512];
	struct runbook a, b;
	size_t i, o = 0;

	for (i = 0; lf[i] != '\0'; i++) {
		if (lf[i] == '\n')
			crlf[o++] = '\r';
		crlf[o++] = lf[i];
	}
	crlf[o] = '\0';
	parse_str(&a, lf);
	parse_str(&b, crlf);
	assert_int_equal(a.nsteps, b.nsteps);
	assert_int_equal(b.nsections, 2);
	for (i = 0; i < a.nsteps; i++) {
		assert_string_equal(a.steps[i].text, b.steps[i].text);
		assert_int_equal(a.steps[i].line, b.steps[i].line);
	}
	assert_string_equal(b.sections[1].title, "B");
	assert_int_equal(b.sections[1].line, 8);
	assert_int_equal(b.blocks[0].line, 5);
	assert_int_equal(b.blocks[0].cmds[0].line, 6);
	assert_string_equal(b.blocks[0].cmds[0].text, "helm rollback api -n x");
	assert_int_equal(b.blocks[0].cmds[0].action.kind, RUNBOOK_ACT_HELM_ROLLBACK);
	assert_true(b.steps[0].checked);
	runbook_free(&a);
	runbook_free(&b);
}

/* Two steps worded alike side by side (same section, same parent) cannot
 * be told apart in the timeline or the post-mortem: a warning at the
 * first, naming every line. The same words in another section, or under
 * another step, are that section's or step's own. */
static void
duplicate_step_titles_are_a_warning(void **state)
{
	struct runbook rb;
	const char *md = "# Verify\n"
	    "\n"
	    "- [ ] Check health\n"          /* 3 */
	    "- [ ] Check *health*\n"        /* 4: the same words */
	    "- [ ] Post an update\n"
	    "- [ ] Check health\n"          /* 6 */
	    "\n"
	    "## Recover\n"
	    "\n"
	    "- [ ] Check health\n"          /* 10: another section */
	    "1. Roll back h1\n"
	    "   - Check health\n"           /* 12: under another step */
	    "2. Roll back h2\n"
	    "   - Check health\n"           /* 14 */
	    "   - Check health\n";          /* 15 */

	(void)state;
	parse_str(&rb, md);
	assert_int_equal(rb.nerrors, 0);
	assert_int_equal(rb.nwarnings, 2);
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 3, "step \"Check health\" is written 3 times "
	    "in section \"Verify\" (lines 3, 4, 6): nothing tells them apart in the timeline or "
	    "the post-mortem; word each its own way"));
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 14, "step \"Check health\" is written 2 times "
	    "under step \"Roll back h2\" (lines 14, 15)"));
	runbook_free(&rb);

	/* Before any heading: the section has no title to name. */
	parse_str(&rb, "- a\n- b\n- a\n");
	assert_int_equal(rb.nwarnings, 1);
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 1, "step \"a\" is written 2 times before any "
	    "heading (lines 1, 3)"));
	runbook_free(&rb);
}

/* A UTF-8 byte-order mark (Windows editors write one) is not text: the
 * first heading stays a heading, on the same lines, with nothing to say. */
static void
bom_reads_like_none(void **state)
{
	const char *md = "# Payments API incident\n\n- [ ] Page the owner\n\n"
	    "## Mitigate\n\n- [ ] Roll back\n";
	char bom[256];
	struct runbook a, b;
	size_t i;

	(void)state;
	snprintf(bom, sizeof(bom), "\xef\xbb\xbf%s", md);
	parse_str(&a, md);
	parse_str(&b, bom);
	assert_int_equal(b.nsections, 2);
	assert_int_equal(b.nsections, a.nsections);
	assert_string_equal(b.sections[0].title, "Payments API incident");
	assert_int_equal(b.sections[0].level, 1);
	assert_int_equal(b.sections[0].line, 1);
	assert_int_equal(b.nsteps, a.nsteps);
	for (i = 0; i < a.nsteps; i++) {
		assert_string_equal(a.steps[i].text, b.steps[i].text);
		assert_int_equal(a.steps[i].line, b.steps[i].line);
		assert_int_equal(a.steps[i].section, b.steps[i].section);
	}
	assert_int_equal(b.ndiags, 0);
	runbook_free(&a);
	runbook_free(&b);
}

static void
tabs_indent_lists_and_code(void **state)
{
	struct runbook rb;

	parse_str(&rb, "#\tTabbed\n-\tone\n\t-\tnested\n\n\t\t```bash\n\t\tkubectl\trollout\tundo\tdeploy/api\n\t\t```\n");
	assert_int_equal(rb.nsteps, 2);
	assert_int_equal(rb.steps[1].parent, 0);
	assert_int_equal(rb.nblocks, 1);
	assert_int_equal(rb.blocks[0].cmds[0].action.kind, RUNBOOK_ACT_K8S_UNDO);
	assert_int_equal(rb.blocks[0].cmds[0].line, 6);
	runbook_free(&rb);
}

static void
html_blocks_are_skipped(void **state)
{
	struct runbook rb;

	parse_str(&rb, "# H\n\n<div class=\"warn\">\n<ul><li>not a step</li></ul>\n</div>\n\n<!-- - [ ] hidden -->\n\n- real <b>step</b>\n");
	assert_int_equal(rb.nsteps, 1);
	assert_string_equal(rb.steps[0].text, "real <b>step</b>");
	assert_int_equal(rb.steps[0].line, 9);
	runbook_free(&rb);
}

static void
emoji_only_headings(void **state)
{
	struct runbook rb;

	parse_str(&rb, "# \xf0\x9f\x9a\xa8\n- a\n## \xc3\xb0\xc5\xb8\xe2\x80\x9d\xe2\x80\x9e\n- b\n###\n- c\n");
	assert_int_equal(rb.nsections, 3);
	assert_string_equal(rb.sections[0].title, "\xf0\x9f\x9a\xa8");
	assert_string_equal(rb.sections[1].title, "\xc3\xb0\xc5\xb8\xe2\x80\x9d\xe2\x80\x9e");
	assert_string_equal(rb.sections[2].title, "");
	assert_int_equal(rb.sections[2].line, 5);
	assert_int_equal(rb.steps[2].section, 2);
	runbook_free(&rb);
}

static void
invalid_utf8_is_kept_and_warned(void **state)
{
	struct runbook rb;
	const char md[] = "# Bad \xff\xfe\n- step \xc3\x28 here\n```bash\necho \x80\n```\n";

	runbook_parse(&rb, "t.md", md, sizeof(md) - 1);
	assert_int_equal(rb.nsections, 1);
	assert_string_equal(rb.sections[0].title, "Bad \xff\xfe");
	assert_string_equal(rb.steps[0].text, "step \xc3\x28 here");
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 1, "invalid UTF-8"));
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 2, "invalid UTF-8"));
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 4, "invalid UTF-8"));
	assert_int_equal(rb.nerrors, 0);
	runbook_free(&rb);
}

static void
nul_bytes_do_not_cut_text(void **state)
{
	struct runbook rb;
	const char md[] = "- a\0b\n```\nx\0y\n```\n";

	runbook_parse(&rb, "t.md", md, sizeof(md) - 1);
	assert_int_equal(rb.nsteps, 1);
	assert_string_equal(rb.steps[0].text, "a\xef\xbf\xbd" "b");
	assert_int_equal(rb.nblocks, 1);
	runbook_free(&rb);
}

static void
empty_file(void **state)
{
	struct runbook rb;

	assert_int_equal(runbook_parse(&rb, "empty.md", "", 0), 0);
	assert_int_equal(rb.nsections + rb.nsteps + rb.nblocks, 0);
	assert_int_equal(rb.nwarnings, 1);
	runbook_free(&rb);
	assert_int_equal(runbook_parse(&rb, "null.md", NULL, 0), 0);
	runbook_free(&rb);
}

static void
unclosed_and_empty_fences(void **state)
{
	struct runbook rb;

	parse_str(&rb, "# U\n\n```\n```\n\n- step\n\n```bash\nkubectl rollout undo deploy/a\n");
	assert_int_equal(rb.nblocks, 2);
	assert_int_equal(rb.blocks[0].line, 3);
	assert_int_equal(rb.blocks[0].len, 0);
	assert_int_equal(rb.blocks[1].line, 8);
	assert_int_equal(rb.blocks[1].step, 0);
	assert_int_equal(rb.blocks[1].cmds[0].action.kind, RUNBOOK_ACT_K8S_UNDO);
	assert_int_equal(rb.steps[0].line, 6);
	runbook_free(&rb);
}

static void
unterminated_quote_is_a_warning(void **state)
{
	struct runbook rb;

	parse_str(&rb, "```bash\necho ok\necho 'oops\nmore\n```\n");
	assert_int_equal(rb.nerrors, 0);
	assert_true(has_diag(&rb, RUNBOOK_WARNING, 3, "unterminated quote"));
	assert_int_equal(rb.blocks[0].ncmds, 2);
	runbook_free(&rb);
}

static void
deep_nesting_and_many_diagnostics(void **state)
{
	size_t n = 3000, i, o = 0;
	char *md = malloc(n * 16 + 200 * 420 + 64);
	struct runbook rb;

	assert_non_null(md);
	for (i = 0; i < 200; i++)
		o += (size_t)snprintf(md + o, 512, "%*s- d%zu\n", (int)(i * 2), "", i);
	o += (size_t)snprintf(md + o, 64, "```warroom\n");
	for (i = 0; i < n; i++)
		o += (size_t)snprintf(md + o, 32, "nope%zu\n", i);
	o += (size_t)snprintf(md + o, 8, "```\n");
	runbook_parse(&rb, "t.md", md, o);
	assert_int_equal(rb.nerrors, n);
	assert_int_equal(rb.ndiags, WR_RUNBOOK_DIAG_MAX);
	assert_non_null(strstr(rb.diags[rb.ndiags - 1].msg, "3000 errors"));
	assert_true(rb.nsteps > 0);
	runbook_free(&rb);
	free(md);
}

/* Set by make check-valgrind: time bounds cannot hold under memcheck. */
static bool
under_valgrind(void)
{
	const char *v = getenv("WARROOM_UNDER_VALGRIND");

	return v != NULL && strcmp(v, "1") == 0;
}

static void
ten_megabytes_parse_quickly(void **state)
{
	static const char chunk[] =
	    "## Step group\n"
	    "\n"
	    "- [ ] Roll back `api` to sha-<commit>\n"
	    "  ```bash\n"
	    "  IMAGE_TAG=sha-<commit> docker compose -f prod.yml up -d api\n"
	    "  kubectl rollout undo deployment/api -n $NS && echo \"done\" | tee -a log\n"
	    "  ```\n"
	    "- [x] T-5m: announce\n"
	    "\n"
	    "| Metric | Threshold | Action |\n"
	    "|---|---|---|\n"
	    "| Error rate | > 5% | Rollback |\n"
	    "\n";
	size_t cl = sizeof(chunk) - 1, n = (10u << 20) / cl, i;
	char *buf = malloc(n * cl);
	struct runbook rb;
	struct runbook_stats st;
	clock_t t0, t1;
	double secs;

	assert_non_null(buf);
	for (i = 0; i < n; i++)
		memcpy(buf + i * cl, chunk, cl);
	t0 = clock();
	runbook_parse(&rb, "big.md", buf, n * cl);
	t1 = clock();
	secs = (double)(t1 - t0) / CLOCKS_PER_SEC;
	print_message("# 10 MB runbook (%zu bytes) parsed in %.3f s CPU\n", n * cl, secs);
	runbook_stats(&rb, &st);
	assert_int_equal(st.sections, n);
	assert_int_equal(st.steps, 2 * n);
	assert_int_equal(st.commands, 4 * n);
	assert_int_equal(st.tminus, n);
	/* The budget is 1 s on a normal machine; sanitizers and slow CI get
	 * slack. Under valgrind (make check-valgrind sets the variable) code
	 * runs 20-50 times slower, so only the counts above are checked. */
	if (!under_valgrind())
		assert_true(secs < 5.0);
	runbook_free(&rb);
	free(buf);
}

/* ---- the seeds (real runbooks, not ours: never copied, only read) ---- */

static void
seed_runbooks_have_sensible_structure(void **state)
{
	const char *top = getenv("top_srcdir");
	char dir[1024], path[2048];
	DIR *d;
	struct dirent *e;
	int seen = 0;

	snprintf(dir, sizeof(dir), "%s/../shared/seeds", top ? top : ".");
	if ((d = opendir(dir)) == NULL) {
		print_message("# note: %s not found; seed runbooks not checked\n", dir);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		struct runbook rb;
		struct runbook_stats st;
		size_t len, i;
		char *buf;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if ((buf = slurp_path(path, &len)) == NULL)
			continue;
		runbook_parse(&rb, e->d_name, buf, len);
		runbook_stats(&rb, &st);
		/* One seed's only block is sample output: no commands there. */
		if (st.steps == 0 || st.blocks == 0 || st.sections < 2)
			fail_msg("%s: %zu sections, %zu steps, %zu blocks", e->d_name,
			    st.sections, st.steps, st.blocks);
		/* Their only errors are what x refuses: two rollbacks in one
		 * step (or one in a loop), text in a bash block; never a block
		 * that did not read. */
		for (i = 0; i < rb.ndiags; i++)
			if (rb.diags[i].severity == RUNBOOK_ERROR &&
			    strstr(rb.diags[i].msg, "which x would run one after the other") == NULL &&
			    strstr(rb.diags[i].msg, "which can run it more than once") == NULL &&
			    strstr(rb.diags[i].msg, "which is no command name") == NULL)
				fail_msg("%s:%d: %s", e->d_name, rb.diags[i].line, rb.diags[i].msg);
		assert_blocks_attached(&rb);
		for (i = 0; i < rb.nsteps; i++)
			assert_true(rb.steps[i].line >= 1 && rb.steps[i].section < rb.nsections);
		/* A heading-poor seed must still get its sections from numbered items. */
		if (st.sections >= 2 && rb.sections[1].pseudo)
			assert_true(st.sections >= 5);
		print_message("# seed %s: %zu sections, %zu steps, %zu tasks, %zu blocks, "
		    "%zu commands, %zu actions, %zu warnings\n", e->d_name, st.sections,
		    st.steps, st.tasks, st.blocks, st.commands, st.actions, st.warnings);
		free(buf);
		runbook_free(&rb);
		seen++;
	}
	closedir(d);
	print_message("# %d seed runbooks checked\n", seen);
}

/* ---- output ---- */

static void
format_text_golden(void **state)
{
	struct runbook rb;
	size_t len, elen;
	char *buf = slurp("tests/unit/fixtures/runbook/small.md", &len);
	char *want = slurp("tests/unit/fixtures/runbook/small.txt", &elen);
	char *got;

	assert_int_equal(runbook_parse(&rb, "small.md", buf, len), -1);
	got = runbook_format_text(&rb);
	if (strcmp(got, want) != 0)
		fail_msg("text output differs; got:\n%s", got);
	free(got);
	free(want);
	free(buf);
	runbook_free(&rb);
}

/* The summary counts ticks out of every step, as RUNBOOK's "1/3" does:
 * a numbered or bulleted step can be ticked too, not only a task item. */
static void
format_text_counts_ticks_over_steps(void **state)
{
	struct runbook rb;
	char *got;

	(void)state;
	parse_str(&rb, "# S\n\n1. first\n2. second\n\n- [x] third\n- [ ] fourth\n");
	got = runbook_format_text(&rb);
	assert_non_null(strstr(got, "1 section, 4 steps, 1/4 ticked (2 are task items), "));
	free(got);
	runbook_free(&rb);
}

/* Found in several passes, the problems are listed by line all the same;
 * a count of one is singular. */
static void
format_lists_diags_by_line(void **state)
{
	struct runbook rb;
	char *got;
	const char *at7, *at12;
	cJSON *root, *d;

	(void)state;
	parse_str(&rb, "# S\n\n1. Roll back\n\n   ```bash\n"
	    "   kubectl rollout undo deployment/api\n"
	    "   kubectl rollout undo deployment/api --to-revision=3\n   ```\n\n"
	    "2. Check\n\n   ```\n   curl -s http://x/readyz\n   {\"ready\": true}\n   ```\n");
	runbook_lint(&rb, NULL);
	got = runbook_format_text(&rb);
	at7 = strstr(got, "t.md:7: error: ");
	at12 = strstr(got, "t.md:12: warning: ");
	if (at7 == NULL || at12 == NULL || at7 > at12)
		fail_msg("diagnostics not in line order; got:\n%s", got);
	assert_non_null(strstr(got, "t.md: 1 section, 2 steps, 0/2 ticked (0 are task items), "
	    "2 code blocks, 2 commands, 0 placeholders, 2 actions, 1 error, 1 warning\n"));
	free(got);
	got = runbook_format_json(&rb);
	root = cJSON_Parse(got);
	assert_non_null(root);
	d = cJSON_GetObjectItemCaseSensitive(root, "diagnostics");
	assert_int_equal(cJSON_GetArraySize(d), 2);
	assert_int_equal(cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(d, 0),
	    "line")->valueint, 7);
	assert_int_equal(cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(d, 1),
	    "line")->valueint, 12);
	cJSON_Delete(root);
	free(got);
	runbook_free(&rb);
}

static void
format_json_golden(void **state)
{
	struct runbook rb;
	size_t len, elen;
	char *buf = slurp("tests/unit/fixtures/runbook/small.md", &len);
	char *want = slurp("tests/unit/fixtures/runbook/small.json", &elen);
	char *got;
	cJSON *root, *x;

	runbook_parse(&rb, "small.md", buf, len);
	got = runbook_format_json(&rb);
	if (strcmp(got, want) != 0)
		fail_msg("JSON output differs; got:\n%s", got);
	root = cJSON_Parse(got);
	assert_non_null(root);
	x = cJSON_GetObjectItem(cJSON_GetObjectItem(root, "counts"), "errors");
	assert_int_equal(x->valueint, 1);
	x = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "blocks"), 0);
	x = cJSON_GetArrayItem(cJSON_GetObjectItem(x, "commands"), 0);
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(x, "action"),
	    "kind")->valuestring, "k8s.undo");
	x = cJSON_GetArrayItem(cJSON_GetObjectItem(x, "placeholders"), 0);
	x = cJSON_GetArrayItem(cJSON_GetObjectItem(x, "positions"), 0);
	assert_int_equal(cJSON_GetArrayItem(x, 0)->valueint, 39);
	cJSON_Delete(root);
	free(got);
	free(want);
	free(buf);
	runbook_free(&rb);
}

static void
format_handles_an_empty_runbook(void **state)
{
	struct runbook rb;
	char *t, *j;

	runbook_parse(&rb, "empty.md", "", 0);
	t = runbook_format_text(&rb);
	j = runbook_format_json(&rb);
	assert_non_null(strstr(t, "empty.md: 0 sections"));
	assert_non_null(strstr(j, "\"matrix\":\tnull"));
	free(t);
	free(j);
	runbook_free(&rb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(docs_compose_rollback),
		cmocka_unit_test(docs_k8s_helm_rollback),
		cmocka_unit_test(docs_blue_green_cutover),
		cmocka_unit_test(docs_runbooks_name_no_fixed_address),
		cmocka_unit_test(headings_are_sections_with_parents),
		cmocka_unit_test(half_read_step_is_refused_whole),
		cmocka_unit_test(unclosed_fence_is_an_error),
		cmocka_unit_test(closed_fences_are_not_errors),
		cmocka_unit_test(runbook_size_limit),
		cmocka_unit_test(task_items_keep_their_ticks),
		cmocka_unit_test(code_blocks_attach_to_what_they_follow),
		cmocka_unit_test(nested_items_are_sub_steps),
		cmocka_unit_test(single_heading_numbered_items_become_sections),
		cmocka_unit_test(many_headings_keep_numbered_items_as_steps),
		cmocka_unit_test(tminus_offsets),
		cmocka_unit_test(bindings_of_a_kind_are_found),
		cmocka_unit_test(placeholders_with_positions),
		cmocka_unit_test(placeholders_the_command_defines_are_not_asked_for),
		cmocka_unit_test(shell_splits_simple_commands),
		cmocka_unit_test(console_blocks_keep_only_prompt_lines),
		cmocka_unit_test(every_binding_is_work_in_order),
		cmocka_unit_test(work_words_name_what_x_does),
		cmocka_unit_test(a_step_s_code_changes_with_its_commands_only),
		cmocka_unit_test(errors_belong_to_the_step_whose_block_did_not_read),
		cmocka_unit_test(k8s_status_page_update_is_its_own_step),
		cmocka_unit_test(k8s_helm_picked_revision_is_asked),
		cmocka_unit_test(known_commands_are_recognised),
		cmocka_unit_test(compose_options_not_honoured_stay_plain_commands),
		cmocka_unit_test(compose_up_with_words_of_its_own_reads_as_compose_up),
		cmocka_unit_test(compose_tag_from_a_shell_variable_stays_a_plain_command),
		cmocka_unit_test(compound_commands_are_never_replaced),
		cmocka_unit_test(commands_run_through_a_builtin_only_when_it_does_them_all),
		cmocka_unit_test(a_rollout_status_timeout_is_the_gates_wait),
		cmocka_unit_test(a_change_run_as_written_says_it_is_unverified),
		cmocka_unit_test(a_script_says_which_change_it_makes),
		cmocka_unit_test(a_plain_up_is_one_env_decides),
		cmocka_unit_test(env_decides_only_a_tag_the_script_did_not_set),
		cmocka_unit_test(route_names_the_switched_service),
		cmocka_unit_test(command_names_and_what_cannot_be_one),
		cmocka_unit_test(unlabelled_output_is_never_a_command),
		cmocka_unit_test(a_sections_two_rollbacks_are_refused),
		cmocka_unit_test(warroom_bindings_are_read),
		cmocka_unit_test(warroom_errors_name_their_line),
		cmocka_unit_test(warroom_killswitch_names_the_export_switch),
		cmocka_unit_test(warroom_placeholder_target),
		cmocka_unit_test(warroom_statuspage_title_and_impact),
		cmocka_unit_test(warroom_message_fields_are_the_templates),
		cmocka_unit_test(warroom_message_placeholder_is_a_warning),
		cmocka_unit_test(warroom_short_keys_are_suggested),
		cmocka_unit_test(matrix_rows_levels_and_warnings),
		cmocka_unit_test(matrix_operator_shows_and_rules_as_written),
		cmocka_unit_test(matrix_levels_it_does_not_name_are_off),
		cmocka_unit_test(tables_without_the_columns_are_not_a_matrix),
		cmocka_unit_test(near_matrix_headers_are_warned),
		cmocka_unit_test(first_matrix_rules_and_the_others_are_named),
		cmocka_unit_test(crlf_reads_like_lf),
		cmocka_unit_test(bom_reads_like_none),
		cmocka_unit_test(duplicate_step_titles_are_a_warning),
		cmocka_unit_test(tabs_indent_lists_and_code),
		cmocka_unit_test(html_blocks_are_skipped),
		cmocka_unit_test(emoji_only_headings),
		cmocka_unit_test(invalid_utf8_is_kept_and_warned),
		cmocka_unit_test(nul_bytes_do_not_cut_text),
		cmocka_unit_test(empty_file),
		cmocka_unit_test(unclosed_and_empty_fences),
		cmocka_unit_test(unterminated_quote_is_a_warning),
		cmocka_unit_test(deep_nesting_and_many_diagnostics),
		cmocka_unit_test(ten_megabytes_parse_quickly),
		cmocka_unit_test(seed_runbooks_have_sensible_structure),
		cmocka_unit_test(format_text_golden),
		cmocka_unit_test(format_text_counts_ticks_over_steps),
		cmocka_unit_test(format_lists_diags_by_line),
		cmocka_unit_test(format_json_golden),
		cmocka_unit_test(format_handles_an_empty_runbook),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
