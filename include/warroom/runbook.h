/*
 * runbook.h — a Markdown runbook (DESIGN §3.2) as a checklist model.
 *
 * runbook_parse() is pure: bytes in, struct runbook out. Headings become
 * sections, list and task items become steps, code blocks are attached to
 * the step or section they follow, shell blocks are split into simple
 * commands with their placeholders and, where a command is one warroom
 * knows, the built-in action that replaces it. `warroom` blocks bind steps
 * to actions explicitly, and a Metric/Threshold/Action table becomes the
 * decision matrix. A parse never fails as a whole: what could not be read
 * becomes a diagnostic with its line. man/warroom-runbook.5 is the user's
 * side of this contract.
 */
#ifndef WARROOM_RUNBOOK_H
#define WARROOM_RUNBOOK_H

#include <stdbool.h>
#include <stddef.h>

#include "warroom/config.h"

/* An index that points nowhere (no parent, no step). */
#define WR_RUNBOOK_NONE ((size_t)-1)

/* The largest runbook file warroom reads (1 MiB): a checklist this size
 * is already long, and what x and the journal hold stays bounded. */
#define WR_RUNBOOK_MAX_BYTES (1024u * 1024u)

/* Diagnostics beyond this many are summarised in one last warning. */
#define WR_RUNBOOK_DIAG_MAX 1000

/* An error means the author's explicit intent could not be read (a bad
 * `warroom` block); a warning means something was skipped or guessed
 * around (an unreadable matrix row, an unclosed quote). */
enum runbook_severity {
	RUNBOOK_WARNING,
	RUNBOOK_ERROR,
};

struct runbook_diag {
	enum runbook_severity severity;
	int line;                        /* 1-based; 0: the whole file */
	char *msg;
};

enum runbook_ph_kind {
	RUNBOOK_PH_ANGLE,                /* <name> */
	RUNBOOK_PH_SHA,                  /* sha-<name>: the span covers "sha-<name>" */
	RUNBOOK_PH_VAR,                  /* $NAME or ${NAME} */
};

/* Bytes [off, off + len) of a command's text. */
struct runbook_span {
	size_t off;
	size_t len;
};

/* One distinct placeholder of a command and every place it occurs. */
struct runbook_placeholder {
	enum runbook_ph_kind kind;
	char *name;                      /* "tag", "commit", "NAMESPACE" */
	struct runbook_span *pos;
	size_t npos;
};

enum runbook_action_kind {
	RUNBOOK_ACT_NONE,                /* a plain command */
	RUNBOOK_ACT_K8S_UNDO,            /* kubectl rollout undo */
	RUNBOOK_ACT_K8S_STATUS,          /* kubectl rollout status */
	RUNBOOK_ACT_HELM_ROLLBACK,       /* helm rollback */
	RUNBOOK_ACT_COMPOSE_PULL,        /* docker compose pull */
	RUNBOOK_ACT_COMPOSE_UP,          /* docker compose up -d */
	RUNBOOK_ACT_KILLSWITCH,          /* EXPORT_MODE=off, `killswitch` */
	RUNBOOK_ACT_MIGRATE_DOWN,        /* alembic downgrade */
	RUNBOOK_ACT_SMOKE,               /* `smoke` */
	RUNBOOK_ACT_ROLLBACK,            /* `rollback` */
	RUNBOOK_ACT_STATUSPAGE,          /* `statuspage` */
	RUNBOOK_ACT_ANNOUNCE,            /* `announce` */
};

struct runbook_arg {
	char *key;
	char *value;
};

/* A built-in action with its arguments, in the order they were found. */
struct runbook_action {
	enum runbook_action_kind kind;
	struct runbook_arg *args;
	size_t nargs;
};

/* One simple command of a shell block (split at newlines, ;, &&, ||, |, &). */
struct runbook_command {
	size_t off;                      /* where text starts in the block's text */
	size_t len;
	char *text;                      /* raw source slice, quotes and all */
	int line;
	char **argv;                     /* words after quote removal, without */
	size_t argc;                     /* leading assignments and redirections */
	char **assigns;                  /* leading NAME=value words */
	size_t nassigns;
	bool compound;                   /* in a loop/if/case, pipeline or & */
	char repeats[64];                /* what may run it more than once: "a for
	                                    loop" (its body or, while/until, its
	                                    condition), "function f, called 2
	                                    times"; "" when nothing seen does */
	char sep[3];                     /* what ends it: "" (a newline or the
	                                    end), ";", "&&", "||", "|", "&", ";;" */
	struct runbook_placeholder *ph;
	size_t nph;
	struct runbook_action action;    /* never set when compound */
	struct runbook_action written;   /* what a compose `up -d` does when
	                                    action is not set because it has a
	                                    file, project, option or variable
	                                    the built-in would not keep
	                                    (--no-deps, -f prod.yml): kind and
	                                    services, each such word as own= */
	bool output;                     /* its first word is no command name
	                                    (runbook_command_name_ok): output */
};

enum runbook_block_kind {
	RUNBOOK_BLOCK_SHELL,             /* bash, sh, shell, zsh, console, unlabelled fence */
	RUNBOOK_BLOCK_WARROOM,           /* explicit action bindings */
	RUNBOOK_BLOCK_OTHER,             /* yaml, json, sql, indented code … */
	RUNBOOK_BLOCK_OUTPUT,            /* an unlabelled fence with a line that
	                                    is no command: output, never run */
};

/* One line of a `warroom` block that was read without error. */
struct runbook_binding {
	int line;
	struct runbook_action action;
};

struct runbook_block {
	enum runbook_block_kind kind;
	bool fenced;
	char *info;                      /* the whole info string, "" when none */
	char *lang;                      /* its first word */
	char *text;                      /* content, container indentation removed */
	size_t len;
	int line;                        /* opening fence (first line if indented) */
	int first_line;                  /* first content line */
	int nlines;
	size_t section;
	size_t step;                     /* WR_RUNBOOK_NONE: the section's own */
	struct runbook_command *cmds;
	size_t ncmds;
	struct runbook_binding *binds;
	size_t nbinds;
	int output_line;                 /* SHELL or OUTPUT: the first line whose
	                                    first word is no command name, or 0 */
	char *output_word;               /* that word, or NULL */
};

struct runbook_step {
	char *text;                      /* inline text, markup removed */
	int line;
	size_t section;
	size_t parent;                   /* enclosing step of a nested item */
	int depth;                       /* 0 for a top-level item */
	bool ordered;
	unsigned number;                 /* its number in an ordered list */
	bool task;
	bool checked;                    /* "- [x]" */
	bool has_tminus;                 /* "T-15m:" starts the text */
	long tminus_s;                   /* negative before T-0 */
};

struct runbook_section {
	char *title;
	int level;                       /* 1–6; 0 for text before any heading */
	bool pseudo;                     /* a numbered item or title line, see .5 */
	int line;
	size_t parent;
};

enum runbook_metric {
	RUNBOOK_METRIC_ERROR_RATE,       /* fraction of requests */
	RUNBOOK_METRIC_P95_MS,
	RUNBOOK_METRIC_RESTARTS,         /* pod crashes/restarts in a window */
};

enum runbook_level {
	RUNBOOK_LEVEL_ROLLBACK,
	RUNBOOK_LEVEL_CONSIDER,
	RUNBOOK_LEVEL_MONITOR,
};

struct runbook_matrix_row {
	int line;
	enum runbook_metric metric;
	enum runbook_level level;
	double value;                    /* lower bound: fraction, ms or count */
	bool at_or_above;                /* reached at value (>=, a range, a bare
	                                    number), or only above it (>, above) */
	int window_s;                    /* restarts only */
};

struct runbook_matrix {
	bool present;
	int line;                        /* the table's header row */
	struct runbook_matrix_row *rows;
	size_t nrows;
};

struct runbook {
	char *name;
	struct runbook_section *sections;
	size_t nsections;
	struct runbook_step *steps;
	size_t nsteps;
	struct runbook_block *blocks;
	size_t nblocks;
	struct runbook_matrix matrix;
	struct runbook_diag *diags;      /* by line (the whole file's first); one
	                                    line's in the order found */
	size_t ndiags;
	size_t nerrors;
	size_t nwarnings;
};

struct runbook_stats {
	size_t sections, steps, tasks, checked, tminus;
	size_t blocks, commands, placeholders, actions, bindings;
	size_t matrix_rows, errors, warnings;
};

/* Bits returned by runbook_matrix_apply(): which thresholds it set. */
#define WR_RB_SET_ERROR_ROLLBACK  0x01u
#define WR_RB_SET_ERROR_CONSIDER  0x02u
#define WR_RB_SET_ERROR_MONITOR   0x04u
#define WR_RB_SET_P95_ROLLBACK    0x08u
#define WR_RB_SET_P95_CONSIDER    0x10u
#define WR_RB_SET_P95_MONITOR     0x20u
#define WR_RB_SET_RESTARTS        0x40u

/* 0 when a runbook file name of size bytes may be read; else -1 with err
 * naming the file, its size and WR_RUNBOOK_MAX_BYTES. */
int runbook_size_check(const char *name, unsigned long long size, struct wr_err *err);

/* Parse len bytes of Markdown named name into rb (fully replaced). Never
 * fails as a whole; returns 0, or -1 when rb->nerrors > 0. */
int runbook_parse(struct runbook *rb, const char *name, const char *buf,
    size_t len);

/* One thing x runs for a step or section: a `warroom` binding, or (bind
 * NULL) its shell commands, which run together as one script. */
struct runbook_work {
	const struct runbook_action *bind;
	int line;
};

/* What step (WR_RUNBOOK_NONE: section's own blocks) asks x to run, in the
 * order the runbook writes it: every binding of every `warroom` block, and
 * the shell commands once, where the first shell block is. Fills at most
 * cap items; returns how many there are. */
size_t runbook_work_of(const struct runbook *rb, size_t section, size_t step,
    struct runbook_work *out, size_t cap);

/* What x does with step's work (as runbook_work_of lists it), in order,
 * as one sentence into buf: "x runs them on the HOSTS host, asking for each
 * placeholder, then posts to the status page."; "" when there is none. */
void runbook_work_words(const struct runbook *rb, size_t section, size_t step, char *buf,
    size_t cap);

/* What step (WR_RUNBOOK_NONE: section's own blocks) runs, as a short
 * hash into out (12 hex digits): its shell and `warroom` blocks' lines,
 * trailing blanks and empty lines aside. The journal keeps it with each
 * action x starts there, so a step edited since is not taken for the one
 * that ran. */
#define WR_RUNBOOK_CODE_LEN 12
void runbook_work_code(const struct runbook *rb, size_t section, size_t step,
    char out[WR_RUNBOOK_CODE_LEN + 1]);

/* Whether diagnostic d lies in a code block of step (WR_RUNBOOK_NONE:
 * section's own blocks), fences included: work of that step that could
 * not be read. */
bool runbook_diag_in_work(const struct runbook *rb, const struct runbook_diag *d,
    size_t section, size_t step);

/* How many errors lie in step's code blocks (as above); *first, when not
 * NULL, is set to the first of them (NULL when none). The pane marks such
 * a step, since x cannot run what did not read. */
size_t runbook_work_errors(const struct runbook *rb, size_t section, size_t step,
    const struct runbook_diag **first);

/* Why x refuses step (as above) into buf: its first error as
 * "name:line: message — fix the runbook; nothing ran", counting the
 * others; "" when none. Returns how many errors lie in its blocks: a step
 * with any runs none of its work, not even the items that did read. */
size_t runbook_work_refusal(const struct runbook *rb, size_t section, size_t step, char *buf,
    size_t cap);

/* Release everything runbook_parse() allocated; rb is left empty. */
void runbook_free(struct runbook *rb);

/* Count what rb holds (actions: recognised commands plus bindings). */
void runbook_stats(const struct runbook *rb, struct runbook_stats *st);

/* Set the thresholds the matrix has rows for, each with its operator
 * (at_or_above; a strict restarts count becomes one more); a level of a
 * metric it names but has no row for is off (+Inf). Marks those metrics
 * in t->from_table; returns WR_RB_SET_* bits. */
unsigned runbook_matrix_apply(const struct runbook_matrix *m,
    struct config_thresholds *t);

/* One runbook's decision matrix as the console weighs several: the
 * runbook's file name beside it. */
struct runbook_matrix_src {
	const char *name;
	const struct runbook_matrix *m;
};

/* Which of n runbooks' matrices rules the incident: the first, in -r
 * order, with a row read; -1 when none has one. */
int runbook_matrix_pick(const struct runbook_matrix_src *v, size_t n);

/* What the console says of the matrices into buf: the one in force
 * ("decision matrix from a.md (line 3) overrides [thresholds]") and, when
 * others hold one too, that they are ignored; "" when none is in force.
 * Returns how many are ignored. */
size_t runbook_matrix_describe(const struct runbook_matrix_src *v, size_t n, char *buf,
    size_t cap);

/* A row's operator as the rule applies it: ">=" or ">". */
const char *runbook_matrix_op(const struct runbook_matrix_row *r);

/* The run-of-show offset a step's text starts with ("T-15m:", "T-0 —",
 * "T+1h30m:"): true with *offset_s (negative before T-0). */
bool runbook_tminus(const char *text, long *offset_s);

/* Whether any `warroom` block of rb binds an action of kind k. */
bool runbook_has_binding(const struct runbook *rb, enum runbook_action_kind k);

/* Whether rb has a migration step: a shell command that runs `alembic …
 * downgrade`, the built-in one or as written. */
bool runbook_has_migration_step(const struct runbook *rb);

/* The value of key in a, or NULL. */
const char *runbook_action_arg(const struct runbook_action *a, const char *key);

/* What command c does, read as an action: its built-in action, else what
 * it is as written (a compose up -d with options of its own); kind NONE
 * when neither. */
const struct runbook_action *runbook_command_reads(const struct runbook_command *c);

/* True when v is one whole <name> placeholder (a binding's to=<TAG>). */
bool runbook_is_angle(const char *v);

/* Stable names used in text and JSON output ("k8s.undo", "ROLLBACK", …). */
const char *runbook_action_name(enum runbook_action_kind k);
const char *runbook_level_name(enum runbook_level l);
const char *runbook_metric_name(enum runbook_metric m);
const char *runbook_ph_kind_name(enum runbook_ph_kind k);
const char *runbook_block_kind_name(enum runbook_block_kind k);

/* ---- building blocks shared by runbook*.c (and their tests) ---- */

/* Append a diagnostic; past WR_RUNBOOK_DIAG_MAX only counts are kept. */
void runbook_diag(struct runbook *rb, enum runbook_severity sev, int line,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Put the diagnostics in line order, one line's as found: the passes that
 * find them (reading, routing, linting) meet the file in their own order.
 * Never once the cap's summary holds the last place (runbook_parse's). */
void runbook_diags_sort(struct runbook *rb);

/* Split a shell block into commands, placeholders and known actions. An
 * unlabelled fence with a line that is no command becomes OUTPUT, with a
 * warning: it holds no commands. */
void runbook_shell_scan(struct runbook *rb, struct runbook_block *b);

/* Whether word can be the name a shell line starts with: a command, path,
 * builtin or placeholder; not a table header (NAME, READY), a number or
 * timestamp, a [bracketed] tag, "Word:" or "http:", a capitalised word
 * (Waiting), a lone $ prompt or "...". */
bool runbook_command_name_ok(const char *word);

/* Free n commands' contents and the array c. */
void runbook_cmds_free(struct runbook_command *c, size_t n);

/* Whether b is a transcript (console, shell-session, terminal): only its
 * "$ " lines and their continuations are commands. */
bool runbook_block_is_console(const struct runbook_block *b);

/* A transcript's text with the prompts and every output line blanked,
 * offsets unchanged (so placeholder spans still apply). malloc'd. */
char *runbook_console_view(const char *text, size_t len);

/* Whether name is the one kill switch warroom drives (EXPORT_MODE:
 * "export", "export_mode", "exports", any case); NULL is not. */
bool runbook_is_export_switch(const char *name);

/* Read a `warroom` block's lines into bindings; bad lines are errors. */
void runbook_bind_scan(struct runbook *rb, struct runbook_block *b);

/* Read one table (cells row-major, row 0 the header) as the decision
 * matrix if its header qualifies; returns true when it did. */
bool runbook_matrix_read(struct runbook *rb, char **cells, const int *lines,
    size_t nrows, size_t ncols);

/* p resized for element n of an array grown one element at a time: the
 * capacity doubles at powers of two, so n appends cost O(n). */
void *runbook_grow(void *p, size_t n, size_t size);

/* Append key=value to a (both copied). */
void runbook_action_add(struct runbook_action *a, const char *key,
    const char *value);

/* Release a's arguments; a is left RUNBOOK_ACT_NONE. */
void runbook_action_free(struct runbook_action *a);

#endif
