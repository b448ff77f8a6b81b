/*
 * timeline.c — the journal file behind the incident timeline: creating and
 * resuming incidents, one locked write() + fdatasync() per record, setting
 * torn tails aside, the degraded state and its recovery, and the read-only
 * listing and export used by the subcommands.
 *
 * Encoding, the CRC chain and the recovery scan are pure (core/record.c);
 * this file supplies what they may not touch: clocks, the user and host
 * name, random bytes, locks and the disk. See timeline.h for the rules.
 *
 * Every console follows the file: records another process appended reach
 * the observer in file order, whether found by timeline_follow's periodic
 * look or by the catch-up before one of our own appends.
 */
#include "warroom/timeline.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "warroom/actor.h"
#include "warroom/fleetchain.h"
#include "warroom/sanitize.h"
#include "warroom/unsettled.h"

#define JOURNAL_SUFFIX TIMELINE_SUFFIX
#define ACTOR_MAX 256
#define JOURNAL_MAX_BYTES ((off_t)1 << 34)
/* Byte KEPT_BYTE + N of <journal>.live is held by session N's console while
 * it keeps records the journal could not store (no disk space needed: it
 * is a lock), so an export from elsewhere can say so. */
#define KEPT_BYTE ((off_t)1 << 40)

/* A record timeline_append_keep could not store yet: written, in order
 * and marked late, once the journal recovers. */
struct kept {
	char *kind, *host, *op;
	cJSON *data;                    /* as given: redacted when written */
	int64_t ts_ms, mono_ms;         /* when it happened: the record's times */
	size_t bytes;
	uint64_t tried_seq;             /* its write failed as this seq (0: never
	                                   tried): the file may hold it after all */
	uint32_t tried_crc;
};

struct timeline {
	int fd;
	char *dir, *id, *path;
	char actor[ACTOR_MAX];
	const struct redactor *red;
	uint64_t last_seq;              /* chain state at end */
	uint32_t last_crc;
	size_t lines;
	off_t end;                      /* file size after the last record we know */
	off_t seen_size;                /* file size when we last read it: unchanged,
	                                   timeline_follow reads nothing */
	uint64_t acked_seq;             /* last record we reported stored */
	uint32_t acked_crc;
	off_t acked_end;
	uint64_t failed_seq;            /* record whose write/fdatasync failed */
	uint32_t failed_crc;
	bool resumed, read_only, degraded;
	bool size_limit;                /* degraded at the file size limit (ulimit -f):
	                                   no write of this process can succeed again */
	bool gone;                      /* degraded because the path no longer names
	                                   our file (removed or moved) */
	bool unplaced;                  /* a new journal's incident.open, written in
	                                   its temporary before it is linked at path */
	bool watching;                  /* timeline_watch: opened O_RDONLY, never written */
	int64_t degraded_ms;            /* when the present gap began; 0: none */
	int64_t gap_start_ms, gap_end_ms;   /* the last gap recovered from */
	struct kept *kept;              /* timeline_append_keep's, oldest first */
	size_t nkept, kept_bytes;
	size_t not_kept;                /* refused by the bound during this gap */
	bool kept_byte;                 /* our KEPT_BYTE + session is held */
	bool aside_news;                /* catch_up set a torn tail aside while we
	                                   ran: journalled before our next record */
	size_t aside_bytes;
	char aside_why[WR_ERR_MAX];
	struct wr_err problem, notice;
	struct wr_err damage;           /* damaged lines skipped, chain breaks: "" none */
	struct record_damage *dmg;      /* each of them, in file order, and a whole
	                                   damaged last line set aside on open */
	size_t ndmg;
	bool damage_unsaid;             /* found after open, by a catch-up before an
	                                   append: timeline_follow says it */
	char **unknown;
	uint64_t *unknown_session;      /* record_scan's open_op_session */
	size_t n_unknown;
	int live_fd;                    /* <journal>.live, locked shared while open,
	                                   and its byte `session` locked (OFD) */
	int peek_fd;                    /* <journal>.live opened only to test others'
	                                   bytes (a watcher's), or -1 */
	uint64_t session;               /* our incident.open/resume seq, carried by
	                                   every record we write; 0: no byte held */
	struct sessions before;         /* on resume: sessions not known to be over */
	size_t unended_said;            /* what our incident.resume said of them */
	bool unended_armed;
	int64_t before_ms;              /* the latest of their last records */
	cJSON *unended;                 /* their ended_sessions (actor, pid), or NULL */
	char **chains;                  /* on resume: B's chains an earlier session
	                                   left with no chain.end, as summaries */
	size_t n_chains;
	char **unrun;                   /* on resume: actions confirmed by a console
	                                   that ended before running them, in words */
	size_t n_unrun;
	char **unrun_unknown;           /* … and those a damaged line after them
	                                   leaves UNKNOWN, in words */
	size_t n_unrun_unknown;
	timeline_observer observer;
	void *observer_arg;
	timeline_before_host before_host;
	void *before_host_arg;
	bool in_before_host;            /* the hook runs: what it writes is not
	                                   asked about again */
};

bool
timeline_file_name(const char *path)
{
	static const char *const ends[] = { "", TIMELINE_TORN_SUFFIX, TIMELINE_ARM_SUFFIX,
		TIMELINE_LIVE_SUFFIX };
	size_t n = strlen(path), k, sl = strlen(JOURNAL_SUFFIX), i;

	for (i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		k = sl + strlen(ends[i]);
		if (n >= k && memcmp(path + n - k, JOURNAL_SUFFIX, sl) == 0 &&
		    strcmp(path + n - k + sl, ends[i]) == 0)
			return true;
	}
	return false;
}

static int64_t
clock_ms(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static char *
path_join(const char *dir, const char *name, const char *suffix)
{
	size_t n = strlen(dir) + strlen(name) + strlen(suffix) + 2;
	char *p = xmalloc(n);

	snprintf(p, n, "%s/%s%s", dir, name, suffix);
	return p;
}

static int
mkdir_p(const char *dir, struct wr_err *err)
{
	char *p = xstrdup(dir), *s, c;
	struct stat st;

	for (s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		c = *s;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			wr_err_set(err, "cannot create %s: %s", p, strerror(errno));
			free(p);
			return -1;
		}
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return wr_err_set(err, "%s is not a directory", dir);
	return 0;
}

static int
fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

static int
lock_fd(int fd, int how)
{
	while (flock(fd, how) != 0)
		if (errno != EINTR)
			return -1;
	return 0;
}

static int
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Read [from, EOF) of fd into a malloc'd buffer. */
static int
read_from(int fd, off_t from, char **buf, size_t *len, struct wr_err *err)
{
	struct stat st;
	size_t cap, got = 0;
	char *p;

	if (fstat(fd, &st) != 0)
		return wr_err_set(err, "cannot stat journal: %s", strerror(errno));
	if (st.st_size > JOURNAL_MAX_BYTES)
		return wr_err_set(err, "journal too large (%lld bytes)", (long long)st.st_size);
	cap = st.st_size > from ? (size_t)(st.st_size - from) + 1 : 1;
	p = xmalloc(cap);
	for (;;) {
		ssize_t n;

		if (got + 1 >= cap)
			p = xrealloc(p, cap *= 2);
		n = pread(fd, p + got, cap - got - 1, from + (off_t)got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			free(p);
			return wr_err_set(err, "cannot read journal: %s", strerror(errno));
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	p[got] = '\0';
	*buf = p;
	*len = got;
	return 0;
}

void
timeline_account(char *out, size_t cap)
{
	struct passwd *pw = getpwuid(getuid());
	char host[256];

	if (gethostname(host, sizeof(host)) != 0)
		wr_strlcpy(host, "localhost", sizeof(host));
	host[sizeof(host) - 1] = '\0';
	if (pw != NULL && pw->pw_name != NULL)
		snprintf(out, cap, "%.120s@%.120s", pw->pw_name, host);
	else
		snprintf(out, cap, "uid%u@%.120s", (unsigned)getuid(), host);
}

static void
random_bytes(unsigned char *p, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = getrandom(p + got, n - got, 0);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			/* No entropy source: time and pid still make a collision unlikely,
			 * and O_EXCL/link() catch the rest. */
			int64_t t = clock_ms(CLOCK_REALTIME) ^ ((int64_t)getpid() << 16);

			for (; got < n; got++, t >>= 8)
				p[got] = (unsigned char)(t ^ (int64_t)got * 131);
			return;
		}
		got += (size_t)r;
	}
}

static void
kept_free(struct kept *k)
{
	free(k->kind);
	free(k->host);
	free(k->op);
	cJSON_Delete(k->data);
}

static void __attribute__((format(printf, 2, 3)))
degrade(struct timeline *tl, const char *fmt, ...)
{
	va_list ap;

	tl->degraded = true;
	/* A gap begins once: a failed recovery does not move its start. */
	if (tl->degraded_ms == 0)
		tl->degraded_ms = clock_ms(CLOCK_REALTIME);
	va_start(ap, fmt);
	vsnprintf(tl->problem.msg, sizeof(tl->problem.msg), fmt, ap);
	va_end(ap);
}

static void
unknown_set(struct timeline *tl, const struct record_scan *s)
{
	size_t i;

	for (i = 0; i < tl->n_unknown; i++)
		free(tl->unknown[i]);
	tl->n_unknown = 0;
	for (i = 0; i < s->n_open_ops; i++) {
		tl->unknown = xrealloc(tl->unknown, (tl->n_unknown + 1) * sizeof(*tl->unknown));
		tl->unknown_session = xrealloc(tl->unknown_session,
		    (tl->n_unknown + 1) * sizeof(*tl->unknown_session));
		tl->unknown_session[tl->n_unknown] = s->open_op_session[i];
		tl->unknown[tl->n_unknown++] = xstrdup(s->open_ops[i]);
	}
}

/* One more op whose outcome is not known, from no running console. */
static void
unknown_add(struct timeline *tl, const char *op)
{
	size_t i;

	for (i = 0; i < tl->n_unknown; i++)
		if (strcmp(tl->unknown[i], op) == 0)
			return;
	tl->unknown = xrealloc(tl->unknown, (tl->n_unknown + 1) * sizeof(*tl->unknown));
	tl->unknown_session = xrealloc(tl->unknown_session,
	    (tl->n_unknown + 1) * sizeof(*tl->unknown_session));
	tl->unknown_session[tl->n_unknown] = 0;
	tl->unknown[tl->n_unknown++] = xstrdup(op);
}

static void
unknown_drop(struct timeline *tl, const char *op)
{
	size_t i;

	for (i = 0; i < tl->n_unknown; i++)
		if (strcmp(tl->unknown[i], op) == 0) {
			free(tl->unknown[i]);
			tl->unknown[i] = tl->unknown[--tl->n_unknown];
			tl->unknown_session[i] = tl->unknown_session[tl->n_unknown];
			return;
		}
}

/* Move the torn bytes after good_len to <path>.torn (appended, fdatasync'd)
 * and truncate the journal to good_len. Called with the lock held. */
static int
set_aside(struct timeline *tl, const char *bytes, size_t n, off_t good_len,
    const struct record_scan *why, struct wr_err *err)
{
	char *torn = path_join(tl->dir, tl->id, JOURNAL_SUFFIX TIMELINE_TORN_SUFFIX);
	struct stat st;
	bool created = lstat(torn, &st) != 0;
	int fd, rc = -1;

	fd = open(torn, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		wr_err_set(err, "cannot open %s: %s", torn, strerror(errno));
		goto out;
	}
	if (write_all(fd, bytes, n) != 0 || (n > 0 && bytes[n - 1] != '\n' &&
	    write_all(fd, "\n", 1) != 0) || fdatasync(fd) != 0) {
		wr_err_set(err, "cannot save the torn record to %s: %s", torn, strerror(errno));
		close(fd);
		goto out;
	}
	close(fd);
	if (created && fsync_dir(tl->dir) != 0) {
		wr_err_set(err, "cannot sync %s: %s", tl->dir, strerror(errno));
		goto out;
	}
	if (ftruncate(tl->fd, good_len) != 0 || fdatasync(tl->fd) != 0) {
		wr_err_set(err, "cannot truncate the torn record: %s", strerror(errno));
		goto out;
	}
	/* Not "line N": once truncated, the file gives that number to the
	 * next record written. */
	record_aside_words(why, n, torn, tl->notice.msg, sizeof(tl->notice.msg));
	rc = 0;
out:
	free(torn);
	return rc;
}

/* Records another process stored, newer than seq `after`: the observer
 * sees them as it sees ours. Frees got. */
static void
deliver(struct timeline *tl, struct record_list *got, uint64_t after)
{
	size_t i;

	for (i = 0; i < got->n; i++)
		if (tl->observer != NULL && got->v[i].seq > after)
			tl->observer(&got->v[i], tl->observer_arg);
	record_list_free(got);
}

/* Damage a scan of the bytes from `from` on found: kept in tl's words,
 * each line named with its byte offset in the file. */
static void
note_damage(struct timeline *tl, struct record_scan *s, off_t from)
{
	char words[sizeof(tl->damage.msg)];
	size_t i;

	if (s->ndamage == 0)
		return;
	tl->dmg = xrealloc(tl->dmg, (tl->ndmg + s->ndamage) * sizeof(*tl->dmg));
	for (i = 0; i < s->ndamage; i++) {
		s->damage[i].offset += (size_t)from;
		tl->dmg[tl->ndmg++] = s->damage[i];
	}
	record_scan_damage_words(s, words, sizeof(words));
	wr_err_set(&tl->damage, "%s: %s", tl->path, words);
}

/* Bring our view of the file up to date: scan what others appended since
 * `end` (or the whole file when from_start), setting a torn tail aside
 * (a watching timeline only says so). Records newer than the last we knew
 * go to the observer. Called with the lock held (exclusive unless watching). */
static int
catch_up(struct timeline *tl, bool from_start, struct wr_err *err)
{
	struct record_list got = { 0 };
	struct record_scan s;
	off_t from = from_start ? 0 : tl->end;
	uint64_t known = tl->last_seq;
	char *buf;
	size_t len;
	int rc = 0;

	if (read_from(tl->fd, from, &buf, &len, err) != 0)
		return -1;
	if (!from_start && len == 0) {
		struct stat st;

		if (fstat(tl->fd, &st) == 0 && st.st_size < tl->end) {
			free(buf);
			degrade(tl, "%s", "the journal shrank under us: someone truncated it");
			return wr_err_set(err, "%s", tl->problem.msg);
		}
	}
	record_scan(buf, len, from_start ? 0 : tl->last_seq, from_start ? 0 : tl->last_crc,
	    from_start ? 0 : tl->lines, tl->observer != NULL ? &got : NULL, &s);
	/* A damaged line in the middle is skipped, named, and left where it
	 * is: every record after it that verifies counts, and ours go after
	 * the last of them, chained to it. */
	if (from_start) {
		tl->damage.msg[0] = '\0';
		tl->ndmg = 0;
	}
	note_damage(tl, &s, from);
	if (s.ndamage > 0 && !from_start)
		tl->damage_unsaid = true;
	/* Intents other consoles add later are theirs to finish, not UNKNOWN. */
	if (from_start) {
		unknown_set(tl, &s);
		sessions_free(&tl->before);
		tl->before = s.sessions;
		memset(&s.sessions, 0, sizeof(s.sessions));
	}
	tl->last_seq = s.last_seq;
	tl->last_crc = s.last_crc;
	tl->lines = s.lines;
	tl->end = from + (off_t)s.good_len;
	tl->seen_size = from + (off_t)len;
	if (rc == 0 && s.torn && tl->watching) {
		/* Not ours to repair: the console that writes sets it aside. */
		wr_err_set(&tl->notice, "%s: %s: not shown", tl->path, s.why.msg);
	} else if (rc == 0 && s.torn) {
		if (set_aside(tl, buf + s.good_len, len - s.good_len, tl->end, &s,
		    err) != 0) {
			degrade(tl, "%s", err->msg);
			rc = -1;
		} else {
			tl->seen_size = tl->end;
			/* A whole line set aside is damage, not a torn write:
			 * kept among the damaged lines, it may have held the
			 * intent of a confirmation before it (never "nothing
			 * ran"). */
			if (s.tail_whole) {
				s.tail_damage.offset += (size_t)from;
				s.tail_damage.line = RECORD_LINE_ASIDE;
				tl->dmg = xrealloc(tl->dmg, (tl->ndmg + 1) * sizeof(*tl->dmg));
				tl->dmg[tl->ndmg++] = s.tail_damage;
			}
			/* Open and recovery say it in their own record; one found
			 * while we run (another console's write cut short) gets a
			 * record of its own before our next one. */
			if (!from_start) {
				tl->aside_news = true;
				tl->aside_bytes = len - s.good_len;
				wr_strlcpy(tl->aside_why, s.why.msg, sizeof(tl->aside_why));
			}
		}
	}
	deliver(tl, &got, known);
	record_scan_free(&s);
	free(buf);
	return rc;
}

/* What a console at the file size limit can do: nothing it writes again
 * can succeed, whatever frees up. */
#define SIZE_LIMIT_WAY_OUT "; this console can store nothing more (what it stored is in " \
	"the journal): quit, which names what it could not store, and start warroom again " \
	"with a larger limit (ulimit -f unlimited)"

/* Would more bytes take the file under fd past this process's file
 * size limit (ulimit -f)? There a write fails with EFBIG (SIGXFSZ is
 * ignored), like a full disk. */
static bool
past_size_limit(int fd, off_t more)
{
	struct rlimit rl;
	struct stat st;

	return getrlimit(RLIMIT_FSIZE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
	    fstat(fd, &st) == 0 && (rlim_t)st.st_size + (rlim_t)more > rl.rlim_cur;
}

/* Why a write stored only part of a record: a full filesystem or the
 * file size limit says no errno, so look at them. */
static const char *
short_write_cause(int fd)
{
	struct statvfs v;

	if (fstatvfs(fd, &v) == 0 && v.f_bavail == 0)
		return strerror(ENOSPC);
	if (past_size_limit(fd, 1))
		return "File too large (the file size limit, ulimit -f, is reached)";
	return NULL;
}

/* Has the filesystem under fd no block left for us (root may use the
 * reserved ones)? An unanswered statvfs counts as room: the writes decide. */
static bool
no_free_block(int fd)
{
	struct statvfs v;

	if (fstatvfs(fd, &v) != 0)
		return false;
	return (geteuid() == 0 ? v.f_bfree : v.f_bavail) == 0;
}

/* Does tl->path still name the file we write (st: fstat of tl->fd)? A
 * journal removed (no link left) or moved away (the path names another
 * file, or none) would take every record we append with it, unseen by
 * anyone: degraded instead, saying what happened and how to put it back.
 * Recovery reopens the path, so it succeeds only once our file (or a
 * copy holding all we stored) is there again. */
static bool
still_at_path(struct timeline *tl, const struct stat *st)
{
	struct stat ps;
	char proc[64], where[WR_PATH_MAX];
	ssize_t n;

	if (tl->unplaced || (st->st_nlink > 0 && lstat(tl->path, &ps) == 0 &&
	    ps.st_dev == st->st_dev && ps.st_ino == st->st_ino))
		return true;
	tl->gone = true;
	snprintf(proc, sizeof(proc), "/proc/%ld/fd/%d", (long)getpid(), tl->fd);
	/* Where a moved journal is now: its descriptor's name says. */
	n = st->st_nlink > 0 ? readlink(proc, where, sizeof(where) - 1) : -1;
	if (n > 0)
		where[n] = '\0';
	if (st->st_nlink == 0)
		degrade(tl, "the journal file was removed or moved: %s was deleted while this "
		    "console wrote it; changes are refused until it is back (this console "
		    "still holds its copy: cp %s %s)", tl->path, proc, tl->path);
	else if (n > 0 && strstr(where, " (deleted)") == NULL) {
		degrade(tl, "the journal file was removed or moved: it is now %s, and %s %s; "
		    "changes are refused until it is moved back", where, tl->path,
		    access(tl->path, F_OK) == 0 ? "is another file" : "names no file");
	} else
		degrade(tl, "the journal file was removed or moved: %s is no longer the file "
		    "this console writes; changes are refused until it is back", tl->path);
	return false;
}

static int append_at(struct timeline *tl, const char *kind, const char *host,
    const char *op, cJSON *data, int64_t ts_ms, int64_t mono_ms, struct wr_err *err);

/* A torn tail catch_up set aside while we run: a journal.repair record
 * says what was moved where, before the record that found it. */
static int
record_aside(struct timeline *tl, struct wr_err *err)
{
	char *torn = path_join(tl->dir, tl->id, JOURNAL_SUFFIX TIMELINE_TORN_SUFFIX);
	cJSON *d = cJSON_CreateObject();

	tl->aside_news = false;
	cJSON_AddStringToObject(d, "repaired", tl->notice.msg);
	cJSON_AddNumberToObject(d, "bytes", (double)tl->aside_bytes);
	cJSON_AddStringToObject(d, "torn_file", torn);
	cJSON_AddStringToObject(d, "why", tl->aside_why);
	free(torn);
	return append_at(tl, "journal.repair", NULL, NULL, d, 0, 0, err);
}

/* Append one record (data consumed) stamped ts_ms/mono_ms, or now when
 * ts_ms is 0; the lock is held by the caller. */
static int
append_at(struct timeline *tl, const char *kind, const char *host, const char *op,
    cJSON *data, int64_t ts_ms, int64_t mono_ms, struct wr_err *err)
{
	struct record r = { 0 };
	struct stat st;
	const char *cause;
	char *line;
	size_t len;
	ssize_t w;

	if (fstat(tl->fd, &st) != 0) {
		cJSON_Delete(data);
		degrade(tl, "cannot stat the journal: %s", strerror(errno));
		return wr_err_set(err, "journal degraded: %s", tl->problem.msg);
	}
	if (!still_at_path(tl, &st)) {
		cJSON_Delete(data);
		return wr_err_set(err, "journal degraded: %s", tl->problem.msg);
	}
	if (st.st_size != tl->end && catch_up(tl, false, err) != 0) {
		cJSON_Delete(data);
		return -1;
	}
	if (tl->aside_news && record_aside(tl, err) != 0) {
		cJSON_Delete(data);
		return -1;
	}
	r.seq = tl->last_seq + 1;
	r.ts_ms = ts_ms != 0 ? ts_ms : clock_ms(CLOCK_REALTIME);
	r.mono_ms = ts_ms != 0 ? mono_ms : clock_ms(CLOCK_MONOTONIC);
	r.actor = redact_text(tl->red, tl->actor);
	r.session = tl->session;
	r.kind = xstrdup(kind);
	r.host = host != NULL ? redact_text(tl->red, host) : NULL;
	r.op = op != NULL ? redact_text(tl->red, op) : NULL;
	r.data = data != NULL ? data : cJSON_CreateObject();
	r.prev = tl->last_crc;
	redact_json(tl->red, r.data);
	if (record_encode(&r, &line, &len, err) != 0) {
		record_free(&r);
		return -1;
	}
	tl->failed_seq = r.seq;
	tl->failed_crc = r.crc;
	w = write(tl->fd, line, len);
	free(line);
	if (w != (ssize_t)len) {
		/* The limit is the process's: the journal never recovers in this
		 * console, so the words say the one way out. */
		if (w < 0 && errno == EFBIG) {
			tl->size_limit = true;
			degrade(tl, "write failed: %s (the file size limit, ulimit -f, is reached)%s",
			    strerror(EFBIG), SIZE_LIMIT_WAY_OUT);
		} else if (w < 0)
			degrade(tl, "write failed: %s", strerror(errno));
		else if ((cause = short_write_cause(tl->fd)) != NULL) {
			tl->size_limit = past_size_limit(tl->fd, 1);
			degrade(tl, "short write: %s; the record is torn on disk%s", cause,
			    tl->size_limit ? SIZE_LIMIT_WAY_OUT : "");
		} else
			degrade(tl, "short write (%s): the record is torn on disk",
			    w == 0 ? "nothing written" : "part written");
		record_free(&r);
		return wr_err_set(err, "journal degraded: %s", tl->problem.msg);
	}
	if (fdatasync(tl->fd) != 0) {
		degrade(tl, "fdatasync failed: %s", strerror(errno));
		record_free(&r);
		return wr_err_set(err, "journal degraded: %s", tl->problem.msg);
	}
	tl->failed_seq = 0;
	tl->last_seq = tl->acked_seq = r.seq;
	tl->last_crc = tl->acked_crc = r.crc;
	tl->end = tl->acked_end = tl->end + (off_t)len;
	tl->seen_size = tl->end;
	tl->lines++;
	if (r.op != NULL && record_settles(&r))
		unknown_drop(tl, r.op);
	if (tl->observer != NULL)
		tl->observer(&r, tl->observer_arg);
	record_free(&r);
	return 0;
}

static int
append_locked(struct timeline *tl, const char *kind, const char *host, const char *op,
    cJSON *data, struct wr_err *err)
{
	return append_at(tl, kind, host, op, data, 0, 0, err);
}

/* A record about host is about to be written: the hook writes first what
 * must come before it (a return held back), outside the lock. */
static void
before_host(struct timeline *tl, const char *kind, const char *host)
{
	if (tl->before_host == NULL || tl->in_before_host || host == NULL ||
	    strcmp(kind, "conn.change") == 0)
		return;
	tl->in_before_host = true;
	tl->before_host(host, tl->before_host_arg);
	tl->in_before_host = false;
}

int
timeline_append(struct timeline *tl, const char *kind, const char *host, const char *op,
    cJSON *data, struct wr_err *err)
{
	struct wr_err local;
	int rc;

	if (err == NULL)
		err = &local;
	before_host(tl, kind, host);
	if (tl->watching) {
		cJSON_Delete(data);
		return wr_err_set(err, "read-only mode: this console only watches the journal");
	}
	if (tl->read_only || tl->degraded) {
		cJSON_Delete(data);
		return wr_err_set(err, "journal %s: %s", tl->read_only ? "read-only" : "degraded",
		    tl->problem.msg);
	}
	if (lock_fd(tl->fd, LOCK_EX) != 0) {
		cJSON_Delete(data);
		degrade(tl, "cannot lock the journal: %s", strerror(errno));
		return wr_err_set(err, "journal degraded: %s", tl->problem.msg);
	}
	rc = append_locked(tl, kind, host, op, data, err);
	lock_fd(tl->fd, LOCK_UN);
	return rc;
}

int
timeline_append_if(struct timeline *tl, const char *kind, const char *host,
    cJSON *data, timeline_still_due due, void *arg, struct wr_err *err)
{
	struct wr_err local;
	struct stat st;
	int rc;

	if (err == NULL)
		err = &local;
	if (tl->watching || tl->read_only || tl->degraded)
		return timeline_append(tl, kind, host, NULL, data, err);
	before_host(tl, kind, host);
	if (lock_fd(tl->fd, LOCK_EX) != 0) {
		cJSON_Delete(data);
		degrade(tl, "cannot lock the journal: %s", strerror(errno));
		return wr_err_set(err, "journal degraded: %s", tl->problem.msg);
	}
	/* What another console wrote since reaches the observer before due
	 * is asked: it decides on the journal as it is now. */
	if (fstat(tl->fd, &st) == 0 && st.st_size != tl->end && catch_up(tl, false, err) != 0) {
		lock_fd(tl->fd, LOCK_UN);
		cJSON_Delete(data);
		return -1;
	}
	if (!due(arg)) {
		lock_fd(tl->fd, LOCK_UN);
		cJSON_Delete(data);
		return 1;
	}
	rc = append_locked(tl, kind, host, NULL, data, err);
	lock_fd(tl->fd, LOCK_UN);
	return rc;
}

bool
timeline_op_settled(const struct timeline *tl, const char *op, bool *unknown)
{
	struct record_list list = { 0 };
	struct record_scan s;
	struct wr_err err;
	bool settled = false;
	size_t i, len;
	char *buf;

	*unknown = false;
	/* From our own descriptor: the caller may hold the journal's lock. */
	if (op == NULL || read_from(tl->fd, 0, &buf, &len, &err) != 0)
		return false;
	record_scan(buf, len, 0, 0, 0, &list, &s);
	free(buf);
	for (i = 0; i < list.n; i++) {
		const struct record *r = &list.v[i];

		if (r->op == NULL || strcmp(r->op, op) != 0)
			continue;
		if (record_settles(r))
			settled = true;
		else if (strcmp(r->kind, "action.reconcile") == 0)
			*unknown = true;
	}
	record_list_free(&list);
	record_scan_free(&s);
	return settled;
}

static struct timeline *
tl_new(const struct timeline_open_opts *o, const char *id)
{
	struct timeline *tl = xcalloc(1, sizeof(*tl));

	tl->fd = -1;
	tl->live_fd = tl->peek_fd = -1;
	tl->dir = xstrdup(o->dir);
	tl->id = xstrdup(id);
	tl->path = path_join(o->dir, id, JOURNAL_SUFFIX);
	tl->red = o->red;
	if (o->actor != NULL) {
		wr_strlcpy(tl->actor, o->actor, sizeof(tl->actor));
	} else {
		char account[ACTOR_MAX];

		/* The account stays beside the name: nothing is hidden. */
		timeline_account(account, sizeof(account));
		actor_compose(o->as, account, tl->actor, sizeof(tl->actor));
	}
	return tl;
}

static cJSON *
open_data(const char *name, const char *id)
{
	cJSON *d = cJSON_CreateObject();
	/* Typed on a command line, shown and exported: through the sanitizer
	 * (DESIGN §3.5) like any text from outside. The id (its slug) is made
	 * from the name as given, so a journal is found again as before. */
	char *clean = sanitize_dup(name, strlen(name), NULL);

	cJSON_AddStringToObject(d, "name", clean);
	cJSON_AddStringToObject(d, "id", id);
	/* With the actor, it names this console if it ends without its
	 * shutdown record (sessions_judge). */
	cJSON_AddNumberToObject(d, "pid", (double)getpid());
	free(clean);
	return d;
}

enum live { LIVE_ALONE, LIVE_SHARED, LIVE_UNKNOWN };

/* One byte of <journal>.live, an OFD lock: owned by the open file, not
 * the process, so two consoles in one process (the unit tests) exclude
 * each other as two processes do, and no other close of the file in this
 * process lets it go (a POSIX lock would). Byte N stands for session N. */
static void
live_byte(struct flock *fl, short type, uint64_t session)
{
	memset(fl, 0, sizeof(*fl));
	fl->l_type = type;
	fl->l_whence = SEEK_SET;
	fl->l_start = (off_t)session;
	fl->l_len = 1;
}

/* Hold <journal>.live shared for as long as tl is open, and its byte
 * `session` (the seq our incident.open or resume is about to take)
 * exclusive: the kernel lets both go when the console dies, however it
 * dies. Before that, an exclusive try on the whole file tells whether any
 * other console that writes this journal still runs. Only with the byte
 * held do our records carry the session number (a console without it
 * could not be told from a dead one). Called with the journal's exclusive
 * lock held, or before a new journal is linked into place, so consoles
 * starting at once take turns and the try never meets another's
 * conversion. */
static enum live
live_take(struct timeline *tl, uint64_t session)
{
	char *path = path_join(tl->dir, tl->id, JOURNAL_SUFFIX TIMELINE_LIVE_SUFFIX);
	enum live r = LIVE_SHARED;
	struct flock fl;

	tl->live_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	free(path);
	if (tl->live_fd < 0)
		return LIVE_UNKNOWN;
	if (flock(tl->live_fd, LOCK_EX | LOCK_NB) == 0)
		r = LIVE_ALONE;
	else if (errno != EWOULDBLOCK)
		r = LIVE_UNKNOWN;
	if (flock(tl->live_fd, LOCK_SH | LOCK_NB) != 0) {
		close(tl->live_fd);
		tl->live_fd = -1;
		return r;
	}
	live_byte(&fl, F_WRLCK, session);
	if (fcntl(tl->live_fd, F_OFD_SETLK, &fl) == 0)
		tl->session = session;
	return r;
}

/* Whether some open file of <journal>.live (fd) holds byte `session`;
 * `untestable` when it cannot be told. */
static bool
byte_held(int fd, uint64_t session, bool untestable)
{
	struct flock fl;

	live_byte(&fl, F_WRLCK, session);
	if (fd < 0 || fcntl(fd, F_OFD_GETLK, &fl) != 0)
		return untestable;
	return fl.l_type != F_UNLCK;
}

/* Whether the console of an earlier session still holds its byte; one
 * that cannot be tested counts as alive: never name a running console
 * dead. */
static bool
live_alive(const struct timeline *tl, uint64_t session)
{
	return byte_held(tl->live_fd, session, true);
}

/* What our incident.resume says of the sessions before it (d), judged
 * by live_take's answer and each one's byte. */
static void
judge_before(struct timeline *tl, enum live live, cJSON *d)
{
	struct sessions_ended e;
	bool *alive;
	size_t i;

	if (live == LIVE_UNKNOWN)
		return;
	alive = xcalloc(tl->before.n + 1, sizeof(*alive));
	for (i = 0; i < tl->before.n; i++)
		alive[i] = live == LIVE_SHARED && (!tl->before.v[i].tracked ||
		    live_alive(tl, tl->before.v[i].id));
	e = sessions_judge(&tl->before, live == LIVE_ALONE, alive, d);
	free(alive);
	/* Those another console recorded gone are said here all the same:
	 * whoever starts this console learns of them now. */
	tl->unended_said = e.n + e.said_n;
	tl->unended_armed = e.armed || e.said_armed;
	tl->before_ms = e.n > 0 && e.last_ms > e.said_last_ms ? e.last_ms :
	    e.said_n > 0 ? e.said_last_ms : e.last_ms;
	tl->unended = cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(d, "ended_sessions"), 1);
	if (e.said_n > 0) {
		const cJSON *g;

		if (tl->unended == NULL)
			tl->unended = cJSON_CreateArray();
		cJSON_ArrayForEach(g, cJSON_GetObjectItemCaseSensitive(d, "recorded_gone"))
			cJSON_AddItemToArray(tl->unended, cJSON_Duplicate(g, 1));
	}
}

/* An action whose intent came from a console that still runs and has
 * not ended is that console's to finish: it is not UNKNOWN here, and its
 * end reaches us as the journal is followed. */
static void
keep_running_ops(struct timeline *tl, enum live live)
{
	size_t i = 0;

	while (live == LIVE_SHARED && i < tl->n_unknown) {
		if (tl->unknown_session[i] != 0 && live_alive(tl, tl->unknown_session[i]))
			unknown_drop(tl, tl->unknown[i]);
		else
			i++;
	}
}

/* B's fleet rollbacks with a chain.start and no chain.end whose console
 * is gone: said in our incident.resume (d) and kept for the start's
 * message, once: a chain an earlier resume named is not named again.
 * Never continued: the engineer decides what comes next. */
static void
interrupted_chains(struct timeline *tl, enum live live, cJSON *d)
{
	struct record_list list = { 0 };
	struct fleetchain *fc;
	struct record_scan s;
	struct wr_err err;
	cJSON *out = NULL, *ids = NULL;
	char *buf, line[1024];
	size_t len, i;

	if (read_from(tl->fd, 0, &buf, &len, &err) != 0)
		return;
	record_scan(buf, len, 0, 0, 0, &list, &s);
	free(buf);
	record_scan_free(&s);
	fc = xcalloc(1, sizeof(*fc));
	for (i = 0; i < list.n; i++) {
		if (strcmp(list.v[i].kind, "chain.start") != 0 ||
		    fleetchain_from_journal(fc, list.v, list.n, i))
			continue;
		/* A console still running it is going on with it. */
		if (live == LIVE_SHARED && list.v[i].session != 0 &&
		    live_alive(tl, list.v[i].session))
			continue;
		if (fleetchain_reported(fc, list.v, list.n, i))
			continue;
		fleetchain_summary(fc, line, sizeof(line));
		if (out == NULL) {
			out = cJSON_AddArrayToObject(d, "interrupted_chains");
			ids = cJSON_AddArrayToObject(d, "interrupted_chain_ids");
		}
		cJSON_AddItemToArray(out, cJSON_CreateString(line));
		cJSON_AddItemToArray(ids, cJSON_CreateString(fc->id));
		tl->chains = xrealloc(tl->chains, (tl->n_chains + 1) * sizeof(*tl->chains));
		tl->chains[tl->n_chains++] = xstrdup(line);
	}
	free(fc);
	record_list_free(&list);
}

/* Actions an earlier session confirmed and never ran: an action.confirmed
 * that nothing followed, its console gone (it ended during the re-read
 * before the intent, or could not store the intent and cancelled it: so
 * nothing was sent). Named in our incident.resume
 * (d), kept for the start's message, and each one's action.refused data
 * (with "host" and "op" beside it) into refusals, written after the
 * resume. Only where that console is known to be gone: one still running
 * may yet write the intent. */
static void
confirmed_unrun(struct timeline *tl, enum live live, cJSON *d, cJSON *refusals)
{
	struct record_list list = { 0 };
	const struct record **found;
	struct record_scan s;
	struct wr_err err;
	cJSON *out = NULL, *unknown = NULL;
	char *buf, line[600];
	size_t len, i, n;
	int64_t now = clock_ms(CLOCK_REALTIME);

	if (live == LIVE_UNKNOWN || read_from(tl->fd, 0, &buf, &len, &err) != 0)
		return;
	record_scan(buf, len, 0, 0, 0, &list, &s);
	free(buf);
	found = xcalloc(list.n + 1, sizeof(*found));
	n = unsettled_confirmed(list.v, list.n, found, list.n);
	for (i = 0; i < n; i++) {
		const struct record *c = found[i];
		size_t hidden;
		cJSON *x;

		if (live == LIVE_SHARED && (c->session == 0 || live_alive(tl, c->session)))
			continue;
		/* A damaged line after it (or a whole one set aside as the
		 * last) may be its intent: UNKNOWN, never "nothing ran" (which
		 * invites running it twice). */
		if ((hidden = unsettled_confirmed_hidden(c, s.damage, s.ndamage)) > 0 ||
		    (hidden = unsettled_confirmed_hidden(c, tl->dmg, tl->ndmg)) > 0) {
			unsettled_confirmed_unknown_words(c, hidden, now, line, sizeof(line));
			if (unknown == NULL)
				unknown = cJSON_AddArrayToObject(d, "confirmed_unknown");
			cJSON_AddItemToArray(unknown, cJSON_CreateString(line));
			tl->unrun_unknown = xrealloc(tl->unrun_unknown,
			    (tl->n_unrun_unknown + 1) * sizeof(*tl->unrun_unknown));
			tl->unrun_unknown[tl->n_unrun_unknown++] = xstrdup(line);
			/* UNKNOWN until settled: the console adopts it (badge,
			 * host row, re-read, U) as it does an intent with no end. */
			unknown_add(tl, c->op);
			continue;
		}
		unsettled_confirmed_name(c, now, line, sizeof(line));
		if (out == NULL)
			out = cJSON_AddArrayToObject(d, "confirmed_not_run");
		cJSON_AddItemToArray(out, cJSON_CreateString(line));
		tl->unrun = xrealloc(tl->unrun, (tl->n_unrun + 1) * sizeof(*tl->unrun));
		tl->unrun[tl->n_unrun++] = xstrdup(line);
		x = cJSON_CreateObject();
		cJSON_AddStringToObject(x, "host", c->host != NULL ? c->host : "");
		cJSON_AddStringToObject(x, "op", c->op);
		cJSON_AddItemToObject(x, "data", unsettled_confirmed_refusal(c, now));
		cJSON_AddItemToArray(refusals, x);
	}
	free(found);
	record_list_free(&list);
	record_scan_free(&s);
}

/* Each confirmed_unrun refusal, as action.refused with its op. */
static void
refuse_unrun(struct timeline *tl, cJSON *refusals, struct wr_err *err)
{
	cJSON *x;

	cJSON_ArrayForEach(x, refusals) {
		const cJSON *host = cJSON_GetObjectItemCaseSensitive(x, "host");
		const cJSON *op = cJSON_GetObjectItemCaseSensitive(x, "op");

		if (append_locked(tl, "action.refused", host->valuestring[0] ? host->valuestring :
		    NULL, op->valuestring, cJSON_DetachItemFromObjectCaseSensitive(x, "data"),
		    err) != 0)
			return;
	}
}

static int kept_push(struct timeline *tl, const char *kind, const char *host,
    const char *op, cJSON *data, int64_t ts_ms, int64_t mono_ms, uint64_t tried_seq,
    uint32_t tried_crc, struct wr_err *err);

/* unknown_ops in words, in their order ("the rollback of api on h1 at
 * 09:12"; "" when no intent or confirmation is kept): TIMELINE and a
 * watcher name them from the resume alone, never by op id. */
static void
unknown_names(struct timeline *tl, cJSON *d)
{
	struct record_list list = { 0 };
	struct unsettled_op *u;
	struct record_scan s;
	struct wr_err err;
	cJSON *names;
	char *buf, words[400];
	size_t len, i, k, n;

	if (read_from(tl->fd, 0, &buf, &len, &err) != 0)
		return;
	record_scan(buf, len, 0, 0, 0, &list, &s);
	free(buf);
	u = xcalloc(tl->n_unknown, sizeof(*u));
	n = unsettled_find(list.v, list.n, (const char *const *)tl->unknown, tl->n_unknown, u);
	names = cJSON_AddArrayToObject(d, "unknown_names");
	for (i = 0; i < tl->n_unknown; i++) {
		words[0] = '\0';
		for (k = 0; k < n && words[0] == '\0'; k++)
			if (u[k].intent->op != NULL && strcmp(u[k].intent->op, tl->unknown[i]) == 0)
				unsettled_name_at(u[k].intent, words, sizeof(words));
		cJSON_AddItemToArray(names, cJSON_CreateString(words));
	}
	free(u);
	record_list_free(&list);
	record_scan_free(&s);
}

/* Our incident.resume (d, consumed) and the refusals after it, when the
 * journal cannot take them at the start: kept, and written first and
 * marked late once it recovers (timeline_recover), so the consoles it
 * names, this one's pid and what never ran are not lost with them. */
static void
keep_resume(struct timeline *tl, cJSON *d, cJSON *refusals)
{
	int64_t ts = clock_ms(CLOCK_REALTIME), mono = clock_ms(CLOCK_MONOTONIC);
	struct wr_err e;
	cJSON *x;

	kept_push(tl, "incident.resume", NULL, NULL, d, ts, mono, tl->failed_seq,
	    tl->failed_crc, &e);
	cJSON_ArrayForEach(x, refusals) {
		const cJSON *host = cJSON_GetObjectItemCaseSensitive(x, "host");
		const cJSON *op = cJSON_GetObjectItemCaseSensitive(x, "op");

		kept_push(tl, "action.refused", host->valuestring[0] ? host->valuestring : NULL,
		    op->valuestring, cJSON_DetachItemFromObjectCaseSensitive(x, "data"), ts, mono,
		    0, 0, &e);
	}
}

/* A new incident: write incident.open into an O_EXCL temporary, then
 * link() it into place (fails if the id exists) so the journal never
 * appears without its first record. */
/* Write through the journal's own name rather than the temporary's, so
 * a journal moved later can be said where it went (/proc/self/fd). */
static void
reopen_placed(struct timeline *tl)
{
	struct stat a, b;
	int fd = open(tl->path, O_RDWR | O_APPEND | O_CLOEXEC | O_NOFOLLOW);

	if (fd < 0)
		return;
	if (fstat(fd, &a) == 0 && fstat(tl->fd, &b) == 0 && a.st_dev == b.st_dev &&
	    a.st_ino == b.st_ino) {
		close(tl->fd);
		tl->fd = fd;
	} else
		close(fd);
}

static int
create_incident(const struct timeline_open_opts *o, const char *slug, struct timeline **out,
    struct wr_err *err)
{
	unsigned char rnd[WR_ID_SUFFIX_BYTES];
	char id[WR_INCIDENT_ID_MAX + 16];
	int tries;

	for (tries = 0; tries < 16; tries++) {
		struct timeline *tl;
		char *tmp;

		random_bytes(rnd, sizeof(rnd));
		record_make_id(slug, rnd, id, sizeof(id));
		tl = tl_new(o, id);
		/* A taken id is skipped before its .live is touched. */
		if (access(tl->path, F_OK) == 0) {
			timeline_close(tl);
			continue;
		}
		tmp = path_join(o->dir, ".", id);
		tmp = xrealloc(tmp, strlen(tmp) + sizeof(JOURNAL_SUFFIX ".new"));
		memcpy(tmp + strlen(tmp), JOURNAL_SUFFIX ".new", sizeof(JOURNAL_SUFFIX ".new"));
		tl->fd = open(tmp, O_RDWR | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC | O_NOFOLLOW,
		    0600);
		if (tl->fd < 0) {
			int e = errno;

			wr_err_set(err, "cannot create %s: %s", tmp, strerror(e));
			free(tmp);
			timeline_close(tl);
			if (e == EEXIST)
				continue;
			return -1;
		}
		/* Session 1 is held before the journal can be seen, so no
		 * resume ever finds it without its console. */
		live_take(tl, 1);
		tl->unplaced = true;
		if (timeline_append(tl, "incident.open", NULL, NULL,
		    open_data(o->incident, id), err) != 0) {
			unlink(tmp);
			free(tmp);
			timeline_close(tl);
			return -1;
		}
		if (link(tmp, tl->path) != 0) {
			int e = errno;

			unlink(tmp);
			free(tmp);
			timeline_close(tl);
			if (e == EEXIST)
				continue;
			return wr_err_set(err, "cannot create journal %s/%s%s: %s", o->dir, id,
			    JOURNAL_SUFFIX, strerror(e));
		}
		unlink(tmp);
		free(tmp);
		tl->unplaced = false;
		reopen_placed(tl);
		if (fsync_dir(o->dir) != 0) {
			wr_err_set(err, "cannot sync %s: %s", o->dir, strerror(errno));
			timeline_close(tl);
			return -1;
		}
		*out = tl;
		return 0;
	}
	return wr_err_set(err, "cannot find a free incident id for %s", slug);
}

static int
resume_incident(const struct timeline_open_opts *o, const char *id, struct timeline **out,
    struct wr_err *err)
{
	struct timeline *tl = tl_new(o, id);
	struct stat st;
	cJSON *d, *refusals;
	enum live live;

	tl->resumed = true;
	tl->fd = open(tl->path, O_RDWR | O_APPEND | O_CLOEXEC | O_NOFOLLOW);
	if (tl->fd < 0 || fstat(tl->fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		int e = tl->fd < 0 ? errno : 0;

		wr_err_set(err, "cannot open %s: %s", tl->path,
		    tl->fd < 0 ? strerror(e) : "not a regular file");
		errno = e;
		timeline_close(tl);
		return -1;
	}
	if (lock_fd(tl->fd, LOCK_EX) != 0) {
		wr_err_set(err, "cannot lock %s: %s", tl->path, strerror(errno));
		timeline_close(tl);
		return -1;
	}
	if (catch_up(tl, true, err) != 0) {
		if (!tl->read_only && !tl->degraded)
			degrade(tl, "%s", err->msg);
	} else {
		d = cJSON_CreateObject();
		cJSON_AddStringToObject(d, "id", id);
		cJSON_AddNumberToObject(d, "pid", (double)getpid());
		if (strcmp(o->incident, id) != 0)
			cJSON_AddStringToObject(d, "name", o->incident);
		if (tl->notice.msg[0] != '\0')
			cJSON_AddStringToObject(d, "repaired", tl->notice.msg);
		/* Sessions with no shutdown record ended without one (kill -9, a
		 * crash, a power cut) when nobody else runs, or, beside consoles
		 * still running, when their byte of .live is free. Our byte is
		 * the seq our resume takes. */
		live = live_take(tl, tl->last_seq + 1);
		judge_before(tl, live, d);
		keep_running_ops(tl, live);
		interrupted_chains(tl, live, d);
		refusals = cJSON_CreateArray();
		confirmed_unrun(tl, live, d, refusals);
		if (tl->n_unknown > 0) {
			cJSON *ops = cJSON_AddArrayToObject(d, "unknown_ops");

			for (size_t i = 0; i < tl->n_unknown; i++)
				cJSON_AddItemToArray(ops, cJSON_CreateString(tl->unknown[i]));
			unknown_names(tl, d);
		}
		/* As for recovery (timeline_recover): on a full filesystem the
		 * resume is not written into the slack a torn tail left. */
		if (no_free_block(tl->fd)) {
			degrade(tl, "%s: the filesystem has no free block", strerror(ENOSPC));
			wr_err_set(err, "%s", tl->problem.msg);
			keep_resume(tl, d, refusals);
		} else if (append_locked(tl, "incident.resume", NULL, NULL, cJSON_Duplicate(d, true),
		    err) == 0) {
			cJSON_Delete(d);
			refuse_unrun(tl, refusals, err);
		} else if (tl->degraded) {
			keep_resume(tl, d, refusals);
		} else
			cJSON_Delete(d);
		cJSON_Delete(refusals);
	}
	sessions_free(&tl->before);
	lock_fd(tl->fd, LOCK_UN);
	*out = tl;
	return 0;
}

/* Rule 2 of the resume rule: the latest unresolved "<slug>-xxxxxx" (with
 * resolved too, the latest of any). */
static int
find_by_slug(const char *dir, const char *slug, bool resolved, char *id, size_t cap)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int64_t best = INT64_MIN;
	bool found = false;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name), sl = strlen(JOURNAL_SUFFIX);
		char name[WR_INCIDENT_ID_MAX + 16];
		struct record_scan s;

		if (e->d_name[0] == '.' || n <= sl || n - sl >= sizeof(name) ||
		    strcmp(e->d_name + n - sl, JOURNAL_SUFFIX) != 0)
			continue;
		memcpy(name, e->d_name, n - sl);
		name[n - sl] = '\0';
		if (!record_id_matches_slug(name, slug) ||
		    timeline_read(dir, name, NULL, &s, NULL) != 0)
			continue;
		if ((resolved || !s.resolved) && (!found || s.last_ts_ms > best)) {
			best = s.last_ts_ms;
			wr_strlcpy(id, name, cap);
			found = true;
		}
		record_scan_free(&s);
	}
	closedir(d);
	return found ? 0 : -1;
}

/* Rules 1 and 2 of the resume rule: the incident's journal named by its id,
 * else the newest unresolved one of its name's slug, into id; false (slug
 * filled) when there is none. */
static bool
existing_incident(const struct timeline_open_opts *o, char *id, size_t cap, char *slug,
    size_t slug_cap)
{
	struct stat st;
	char *path;
	bool exists;

	if (record_id_valid(o->incident)) {
		path = path_join(o->dir, o->incident, JOURNAL_SUFFIX);
		exists = lstat(path, &st) == 0;
		free(path);
		if (exists) {
			wr_strlcpy(id, o->incident, cap);
			return true;
		}
	}
	record_slug(o->incident, slug, slug_cap);
	return find_by_slug(o->dir, slug, false, id, cap) == 0;
}

/* The console holding <dir>/<id>.jsonl.live (live: that path): its pid,
 * and in fd the descriptor it still writes <id>.jsonl through (-1: none
 * found); false when no process we may look at holds it open. */
static bool
live_holder(const char *live, const char *id, long *pid, int *fd)
{
	char want[WR_PATH_MAX], jname[WR_INCIDENT_ID_MAX + 32], p[600], got[WR_PATH_MAX];
	DIR *procs, *fds;
	struct dirent *pe, *fe;
	ssize_t n;

	if (realpath(live, want) == NULL)
		return false;
	snprintf(jname, sizeof(jname), "/%s%s", id, JOURNAL_SUFFIX);
	if ((procs = opendir("/proc")) == NULL)
		return false;
	*pid = -1;
	while (*pid < 0 && (pe = readdir(procs)) != NULL) {
		if (pe->d_name[0] < '1' || pe->d_name[0] > '9')
			continue;
		snprintf(p, sizeof(p), "/proc/%s/fd", pe->d_name);
		if ((fds = opendir(p)) == NULL)
			continue;  /* another user's: not ours to look at */
		*fd = -1;
		while ((fe = readdir(fds)) != NULL) {
			snprintf(p, sizeof(p), "/proc/%s/fd/%s", pe->d_name, fe->d_name);
			if (fe->d_name[0] == '.' || (n = readlink(p, got, sizeof(got) - 1)) <= 0)
				continue;
			got[n] = '\0';
			if (strcmp(got, want) == 0)
				*pid = strtol(pe->d_name, NULL, 10);
			/* The journal it writes: deleted, or moved under another dir. */
			else if ((n = (ssize_t)strlen(got)) > 10 &&
			    strcmp(got + n - 10, " (deleted)") == 0)
				got[n - 10] = '\0';
			n = (ssize_t)strlen(got);
			if ((size_t)n >= strlen(jname) &&
			    strcmp(got + n - strlen(jname), jname) == 0)
				*fd = (int)strtol(fe->d_name, NULL, 10);
		}
		closedir(fds);
	}
	closedir(procs);
	return *pid >= 0;
}

/* A console still running on an incident of this name whose journal was
 * removed or moved under it (its .live held, its .jsonl gone): opening a
 * new incident beside it would split the incident in two, both armed
 * once the first is restored. -1 (err says who, and the way back) when
 * there is one; 0 otherwise. */
static int
orphaned_live(const struct timeline_open_opts *o, const char *slug, struct wr_err *err)
{
	size_t ll = strlen(JOURNAL_SUFFIX TIMELINE_LIVE_SUFFIX);
	DIR *d = opendir(o->dir);
	struct dirent *e;
	int rc = 0;

	if (d == NULL)
		return 0;
	while (rc == 0 && (e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		char id[WR_INCIDENT_ID_MAX + 16], *journal, *live;
		struct stat st;
		long pid;
		int lfd, fd;

		if (e->d_name[0] == '.' || n <= ll || n - ll >= sizeof(id) ||
		    strcmp(e->d_name + n - ll, JOURNAL_SUFFIX TIMELINE_LIVE_SUFFIX) != 0)
			continue;
		memcpy(id, e->d_name, n - ll);
		id[n - ll] = '\0';
		if (!record_id_matches_slug(id, slug) && strcmp(id, o->incident) != 0)
			continue;
		journal = path_join(o->dir, id, JOURNAL_SUFFIX);
		live = path_join(o->dir, id, JOURNAL_SUFFIX TIMELINE_LIVE_SUFFIX);
		/* Held by a running console when an exclusive try fails; with no
		 * journal beside it nobody can be starting on it meanwhile. */
		if (lstat(journal, &st) != 0 && errno == ENOENT &&
		    (lfd = open(live, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) >= 0) {
			if (flock(lfd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK) {
				rc = -1;
				if (!live_holder(live, id, &pid, &fd))
					wr_err_set(err, "incident %s's journal %s is missing, yet a "
					    "console still runs on it (%s is held): it was removed or "
					    "moved under that console; not opening a new incident "
					    "beside it: put that journal back first", id, journal, live);
				else if (fd < 0)
					wr_err_set(err, "incident %s's journal %s is missing, yet console "
					    "pid %ld still runs on it: it was removed or moved under "
					    "that console; not opening a new incident beside it: put "
					    "that journal back first", id, journal, pid);
				else
					wr_err_set(err, "incident %s's journal %s is missing, yet console "
					    "pid %ld still runs on it: it was removed or moved under "
					    "that console; not opening a new incident beside it: put "
					    "it back (cp /proc/%ld/fd/%d %s, or move it back), and that "
					    "console recovers", id, journal, pid, pid, fd, journal);
			}
			close(lfd);
		}
		free(journal);
		free(live);
	}
	closedir(d);
	if (rc != 0)
		errno = EBUSY;  /* not a permission problem: no --read-only advice */
	return rc;
}

int
timeline_open(const struct timeline_open_opts *o, struct timeline **out, struct wr_err *err)
{
	char slug[WR_SLUG_MAX + 1], id[WR_INCIDENT_ID_MAX + 16];
	struct wr_err local;

	if (err == NULL)
		err = &local;
	*out = NULL;
	if (o->dir == NULL || o->dir[0] == '\0' || o->incident == NULL || o->incident[0] == '\0')
		return wr_err_set(err, "timeline needs a directory and an incident name");
	if (mkdir_p(o->dir, err) != 0)
		return -1;
	if (existing_incident(o, id, sizeof(id), slug, sizeof(slug)))
		return resume_incident(o, id, out, err);
	if (orphaned_live(o, slug, err) != 0)
		return -1;
	return create_incident(o, slug, out, err);
}

/* Watch an existing journal: O_RDONLY, a shared lock while reading, and
 * nothing written, repaired or set aside. */
static int
watch_incident(const struct timeline_open_opts *o, const char *id, struct timeline **out,
    struct wr_err *err)
{
	struct timeline *tl = tl_new(o, id);
	struct stat st;

	tl->resumed = tl->watching = true;
	tl->fd = open(tl->path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (tl->fd < 0 || fstat(tl->fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		wr_err_set(err, "cannot open %s: %s", tl->path,
		    tl->fd < 0 ? strerror(errno) : "not a regular file");
		timeline_close(tl);
		return -1;
	}
	if (lock_fd(tl->fd, LOCK_SH) != 0) {
		wr_err_set(err, "cannot lock %s: %s", tl->path, strerror(errno));
		timeline_close(tl);
		return -1;
	}
	/* A damaged journal is still shown up to the damage, read-only. */
	catch_up(tl, true, err);
	lock_fd(tl->fd, LOCK_UN);
	*out = tl;
	return 0;
}

int
timeline_watch(const struct timeline_open_opts *o, struct timeline **out, struct wr_err *err)
{
	char slug[WR_SLUG_MAX + 1], id[WR_INCIDENT_ID_MAX + 16];
	struct wr_err local;

	if (err == NULL)
		err = &local;
	*out = NULL;
	if (o->dir == NULL || o->dir[0] == '\0' || o->incident == NULL || o->incident[0] == '\0')
		return wr_err_set(err, "timeline needs a directory and an incident name");
	/* Never rule 3 (creating one). */
	if (existing_incident(o, id, sizeof(id), slug, sizeof(slug)))
		return watch_incident(o, id, out, err);
	/* Only resolved ones: the name's next console that acts opens a new
	 * incident (rule 3), which is the one to wait for; the resolved one
	 * is named, since "no journal" would read as nothing ever ran. */
	if (find_by_slug(o->dir, slug, true, id, sizeof(id)) == 0)
		wr_err_set(err, "incident %s is resolved (%s; --incident %s watches it), no new "
		    "one open yet", o->incident, id, id);
	else
		wr_err_set(err, "no journal for incident %s yet", o->incident);
	return 1;
}

int
timeline_follow(struct timeline *tl, struct wr_err *err)
{
	struct record_list got = { 0 };
	struct record_scan s;
	struct wr_err local;
	struct stat st;
	uint64_t known = tl->last_seq;
	char *buf;
	size_t len, n;
	int rc = 0;

	if (err == NULL)
		err = &local;
	/* Damage a catch-up before one of our appends found is said once. */
	if (tl->damage_unsaid) {
		tl->damage_unsaid = false;
		return wr_err_set(err, "%s", tl->damage.msg);
	}
	/* Idle, this is one fstat a call (and a writer's lstat of its path):
	 * no read while the size stays. */
	if (tl->fd < 0 || tl->read_only || tl->degraded || fstat(tl->fd, &st) != 0)
		return 0;
	/* A journal removed or moved is found between appends too, so a
	 * console nobody types into stops allowing changes. */
	if (!tl->watching && !still_at_path(tl, &st))
		return wr_err_set(err, "%s", tl->problem.msg);
	if (st.st_size == tl->seen_size)
		return 0;
	/* A writer holds the lock for one write and its fdatasync: rather
	 * than wait for it, look again next time. */
	if (flock(tl->fd, LOCK_SH | LOCK_NB) != 0)
		return 0;
	if (fstat(tl->fd, &st) == 0 && st.st_size < tl->end) {
		lock_fd(tl->fd, LOCK_UN);
		if (tl->watching) {
			tl->read_only = true;
			wr_err_set(&tl->problem, "%s", "the journal shrank: someone truncated it");
		} else
			degrade(tl, "%s", "the journal shrank under us: someone truncated it");
		return wr_err_set(err, "%s", tl->problem.msg);
	}
	if (read_from(tl->fd, tl->end, &buf, &len, err) != 0) {
		lock_fd(tl->fd, LOCK_UN);
		return -1;
	}
	record_scan(buf, len, tl->last_seq, tl->last_crc, tl->lines, &got, &s);
	note_damage(tl, &s, tl->end);
	tl->last_seq = s.last_seq;
	tl->last_crc = s.last_crc;
	tl->lines = s.lines;
	tl->end += (off_t)s.good_len;
	tl->seen_size = tl->end + (off_t)(len - s.good_len);
	/* Never silently: a bad line with records after it is skipped and
	 * named (as on open), the records after it shown; a whole bad last
	 * line is said, and waits to be set aside; a line still without its
	 * newline waits for the rest. */
	if (s.ndamage > 0)
		rc = wr_err_set(err, "%s", tl->damage.msg);
	else if (s.torn && !s.partial)
		rc = wr_err_set(err, "%s: %s: not shown", tl->path, s.why.msg);
	lock_fd(tl->fd, LOCK_UN);
	free(buf);
	n = got.n;
	deliver(tl, &got, known);
	record_scan_free(&s);
	return rc != 0 ? -1 : (int)n;
}

void
timeline_close(struct timeline *tl)
{
	int saved = errno;      /* why an open failed, for the caller */
	size_t i;

	if (tl == NULL)
		return;
	if (tl->fd >= 0)
		close(tl->fd);
	if (tl->live_fd >= 0)
		close(tl->live_fd);
	if (tl->peek_fd >= 0)
		close(tl->peek_fd);
	cJSON_Delete(tl->unended);
	sessions_free(&tl->before);
	for (i = 0; i < tl->nkept; i++)
		kept_free(&tl->kept[i]);
	free(tl->kept);
	for (i = 0; i < tl->n_unknown; i++)
		free(tl->unknown[i]);
	free(tl->unknown);
	free(tl->unknown_session);
	for (i = 0; i < tl->n_chains; i++)
		free(tl->chains[i]);
	free(tl->chains);
	free(tl->dmg);
	for (i = 0; i < tl->n_unrun; i++)
		free(tl->unrun[i]);
	free(tl->unrun);
	for (i = 0; i < tl->n_unrun_unknown; i++)
		free(tl->unrun_unknown[i]);
	free(tl->unrun_unknown);
	free(tl->dir);
	free(tl->id);
	free(tl->path);
	free(tl);
	errno = saved;
}

const char *
timeline_id(const struct timeline *tl)
{
	return tl->id;
}

const char *
timeline_path(const struct timeline *tl)
{
	return tl->path;
}

const char *
timeline_actor(const struct timeline *tl)
{
	return tl->actor;
}

bool
timeline_resumed(const struct timeline *tl)
{
	return tl->resumed;
}

bool
timeline_read_only(const struct timeline *tl)
{
	return tl->read_only;
}

bool
timeline_watching(const struct timeline *tl)
{
	return tl->watching;
}

bool
timeline_now_at(const struct timeline *tl, char *dir, size_t cap)
{
	char proc[64], where[WR_PATH_MAX], *slash;
	ssize_t n;

	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", tl->fd);
	n = tl->gone ? readlink(proc, where, sizeof(where) - 1) : -1;
	if (n <= 0)
		return false;
	where[n] = '\0';
	if (strstr(where, " (deleted)") != NULL || (slash = strrchr(where, '/')) == NULL)
		return false;
	*slash = '\0';
	wr_strlcpy(dir, where[0] != '\0' ? where : "/", cap);
	return true;
}

bool
timeline_size_limit(const struct timeline *tl)
{
	return tl->degraded && tl->size_limit;
}

bool
timeline_gone(const struct timeline *tl)
{
	return tl->degraded && tl->gone;
}

bool
timeline_degraded(const struct timeline *tl)
{
	return tl->degraded;
}

uint64_t
timeline_last_seq(const struct timeline *tl)
{
	return tl->last_seq;
}

uint64_t
timeline_session(const struct timeline *tl)
{
	return tl->session;
}

int
timeline_session_alive(struct timeline *tl, uint64_t session)
{
	struct flock fl;
	char *path;
	int fd = tl->live_fd;

	if (session == 0)
		return -1;
	if (session == tl->session)
		return 1;
	/* A watcher holds no part of .live: it opens it only to look, and
	 * keeps it open (a header drawn often costs one fcntl a time). */
	if (fd < 0 && tl->peek_fd < 0) {
		path = path_join(tl->dir, tl->id, JOURNAL_SUFFIX TIMELINE_LIVE_SUFFIX);
		tl->peek_fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
		free(path);
	}
	if (fd < 0)
		fd = tl->peek_fd;
	if (fd < 0)
		return -1;
	live_byte(&fl, F_WRLCK, session);
	if (fcntl(fd, F_OFD_GETLK, &fl) != 0)
		return -1;
	return fl.l_type != F_UNLCK;
}

const char *
timeline_problem(const struct timeline *tl)
{
	return tl->problem.msg;
}

const char *
timeline_notice(const struct timeline *tl)
{
	return tl->notice.msg;
}

const char *
timeline_damage(const struct timeline *tl)
{
	return tl->damage.msg;
}

size_t
timeline_damaged_after(const struct timeline *tl, uint64_t seq)
{
	size_t i;

	for (i = 0; i < tl->ndmg; i++)
		if (tl->dmg[i].after_seq >= seq)
			return tl->dmg[i].line;
	return 0;
}

const cJSON *
timeline_unended_sessions(const struct timeline *tl)
{
	return tl->unended;
}

size_t
timeline_unended(const struct timeline *tl, int64_t *last_ms, bool *armed)
{
	if (last_ms != NULL)
		*last_ms = tl->before_ms;
	if (armed != NULL)
		*armed = tl->unended_armed;
	return tl->unended_said;
}

size_t
timeline_unknown_ops(const struct timeline *tl, const char *const **ops)
{
	*ops = (const char *const *)tl->unknown;
	return tl->n_unknown;
}

size_t
timeline_chains_interrupted(const struct timeline *tl, const char *const **chains)
{
	*chains = (const char *const *)tl->chains;
	return tl->n_chains;
}

size_t
timeline_confirmed_unrun(const struct timeline *tl, const char *const **words)
{
	*words = (const char *const *)tl->unrun;
	return tl->n_unrun;
}

size_t
timeline_confirmed_unknown(const struct timeline *tl, const char *const **sentences)
{
	*sentences = (const char *const *)tl->unrun_unknown;
	return tl->n_unrun_unknown;
}

void
timeline_set_observer(struct timeline *tl, timeline_observer fn, void *arg)
{
	tl->observer = fn;
	tl->observer_arg = arg;
}

void
timeline_set_before_host(struct timeline *tl, timeline_before_host fn, void *arg)
{
	tl->before_host = fn;
	tl->before_host_arg = arg;
}

int
timeline_note(struct timeline *tl, const char *text, struct wr_err *err)
{
	cJSON *d = cJSON_CreateObject();
	/* A pasted note is text from outside as much as a log line: stored
	 * as the sanitizer writes it (a bidi control as <U+202E>), so the
	 * pane, the entry and the post-mortem show it as LOGS does. */
	char *clean = sanitize_dup(text, strlen(text), NULL);

	cJSON_AddStringToObject(d, "text", clean);
	free(clean);
	return timeline_append(tl, "note", NULL, NULL, d, err);
}

int
timeline_step(struct timeline *tl, const char *step, const char *title, bool checked,
    struct wr_err *err)
{
	cJSON *d = cJSON_CreateObject();

	cJSON_AddStringToObject(d, "step", step);
	if (title != NULL)
		cJSON_AddStringToObject(d, "title", title);
	return timeline_append(tl, checked ? "step.check" : "step.uncheck", NULL, NULL, d, err);
}

int
timeline_action_intent(struct timeline *tl, const char *op, const char *host,
    const char *action, cJSON *plan, const char *plan_hash, const char *chain,
    struct wr_err *err)
{
	cJSON *d = cJSON_CreateObject();
	char hash[32];

	if (op == NULL || op[0] == '\0') {
		cJSON_Delete(d);
		cJSON_Delete(plan);
		return wr_err_set(err, "an action intent needs an op id");
	}
	if (plan_hash == NULL) {
		char *text = plan != NULL ? cJSON_PrintUnformatted(plan) : NULL;

		snprintf(hash, sizeof(hash), "crc32c:%08" PRIx32,
		    text != NULL ? crc32c(0, text, strlen(text)) : 0);
		cJSON_free(text);
		plan_hash = hash;
	}
	cJSON_AddStringToObject(d, "action", action != NULL ? action : "");
	if (chain != NULL && chain[0] != '\0')
		cJSON_AddStringToObject(d, "chain", chain);
	if (plan != NULL)
		cJSON_AddItemToObject(d, "plan", plan);
	else
		cJSON_AddNullToObject(d, "plan");
	cJSON_AddStringToObject(d, "plan_hash", plan_hash);
	return timeline_append(tl, "action.intent", host, op, d, err);
}

int
timeline_action_end(struct timeline *tl, const char *op, const char *host,
    const char *outcome, const char *detail, struct wr_err *err)
{
	return timeline_action_end_with(tl, op, host, outcome, detail, NULL, err);
}

int
timeline_action_end_with(struct timeline *tl, const char *op, const char *host,
    const char *outcome, const char *detail, cJSON *more, struct wr_err *err)
{
	cJSON *d = cJSON_CreateObject(), *f;

	cJSON_AddStringToObject(d, "outcome", outcome);
	if (detail != NULL)
		cJSON_AddStringToObject(d, "detail", detail);
	while (more != NULL && (f = more->child) != NULL)
		cJSON_AddItemToObject(d, f->string, cJSON_DetachItemViaPointer(more, f));
	cJSON_Delete(more);
	return timeline_append_keep(tl, "action.end", host, op, d, err);
}

int
timeline_resolve(struct timeline *tl, const char *summary, struct wr_err *err)
{
	cJSON *d = cJSON_CreateObject();

	if (summary != NULL)
		cJSON_AddStringToObject(d, "summary", summary);
	return timeline_append(tl, "incident.resolve", NULL, NULL, d, err);
}

int
timeline_shutdown(struct timeline *tl, const char *reason, struct wr_err *err)
{
	cJSON *d = cJSON_CreateObject();

	cJSON_AddStringToObject(d, "reason", reason != NULL ? reason : "quit");
	return timeline_append(tl, "shutdown", NULL, NULL, d, err);
}

/* Hold (or let go of) byte KEPT_BYTE + session of .live: held while we
 * keep records the journal could not store. */
static void
kept_byte_set(struct timeline *tl, bool hold)
{
	struct flock fl;

	if (tl->kept_byte == hold || tl->live_fd < 0 || tl->session == 0)
		return;
	live_byte(&fl, hold ? F_WRLCK : F_UNLCK, (uint64_t)KEPT_BYTE + tl->session);
	if (fcntl(tl->live_fd, F_OFD_SETLK, &fl) == 0)
		tl->kept_byte = hold;
}

/* Drop the oldest kept record (written, or found in the file after all). */
static void
kept_pop(struct timeline *tl)
{
	tl->kept_bytes -= tl->kept[0].bytes;
	kept_free(&tl->kept[0]);
	memmove(tl->kept, tl->kept + 1, --tl->nkept * sizeof(*tl->kept));
	if (tl->nkept == 0)
		kept_byte_set(tl, false);
}

/* Keep data (consumed) to be written once the journal recovers; 1, or -1
 * when the bound is reached (err says the record is lost). */
static int
kept_push(struct timeline *tl, const char *kind, const char *host, const char *op,
    cJSON *data, int64_t ts_ms, int64_t mono_ms, uint64_t tried_seq, uint32_t tried_crc,
    struct wr_err *err)
{
	char *text = cJSON_PrintUnformatted(data);
	size_t bytes = (text != NULL ? strlen(text) : 0) + strlen(kind) + 64;
	struct kept *k;

	cJSON_free(text);
	if (tl->nkept >= TIMELINE_KEPT_MAX || tl->kept_bytes + bytes > TIMELINE_KEPT_BYTES) {
		cJSON_Delete(data);
		tl->not_kept++;
		return wr_err_set(err, "journal degraded: %s; and NOT kept for later either: %zu "
		    "records already wait for it (the most kept), so this %s is lost",
		    tl->problem.msg, tl->nkept, kind);
	}
	tl->kept = xrealloc(tl->kept, (tl->nkept + 1) * sizeof(*tl->kept));
	k = &tl->kept[tl->nkept++];
	k->kind = xstrdup(kind);
	k->host = host != NULL ? xstrdup(host) : NULL;
	k->op = op != NULL ? xstrdup(op) : NULL;
	k->data = data;
	k->ts_ms = ts_ms;
	k->mono_ms = mono_ms;
	k->bytes = bytes;
	k->tried_seq = tried_seq;
	k->tried_crc = tried_crc;
	tl->kept_bytes += bytes;
	kept_byte_set(tl, true);
	wr_err_set(err, "journal degraded: %s; kept, and written once it recovers",
	    tl->problem.msg);
	return 1;
}

int
timeline_append_keep(struct timeline *tl, const char *kind, const char *host,
    const char *op, cJSON *data, struct wr_err *err)
{
	return timeline_append_keep_if(tl, kind, host, op, data, NULL, NULL, err);
}

int
timeline_append_keep_if(struct timeline *tl, const char *kind, const char *host,
    const char *op, cJSON *data, timeline_still_due due, void *arg, struct wr_err *err)
{
	struct stat st;
	int64_t ts = clock_ms(CLOCK_REALTIME), mono = clock_ms(CLOCK_MONOTONIC);
	uint64_t tried = 0;
	uint32_t tried_crc = 0;
	struct wr_err local;
	int rc;

	if (err == NULL)
		err = &local;
	if (data == NULL)
		data = cJSON_CreateObject();
	/* Nothing this console can ever write: say so, as timeline_append does. */
	if (tl->watching || tl->read_only)
		return timeline_append(tl, kind, host, op, data, err);
	/* Healthy, with nothing waiting before it: stored now if it can be. */
	if (!tl->degraded && tl->nkept == 0)
		before_host(tl, kind, host);
	if (!tl->degraded && tl->nkept == 0) {
		if (lock_fd(tl->fd, LOCK_EX) != 0)
			degrade(tl, "cannot lock the journal: %s", strerror(errno));
		else {
			/* Decided on the journal as it is now (others' records read). */
			if (due != NULL && fstat(tl->fd, &st) == 0 && st.st_size != tl->end &&
			    catch_up(tl, false, err) != 0) {
				lock_fd(tl->fd, LOCK_UN);
				return kept_push(tl, kind, host, op, data, ts, mono, 0, 0, err);
			}
			if (due != NULL && !due(arg)) {
				lock_fd(tl->fd, LOCK_UN);
				cJSON_Delete(data);
				return 2;
			}
			tl->failed_seq = 0;
			rc = append_at(tl, kind, host, op, cJSON_Duplicate(data, true), ts, mono,
			    err);
			lock_fd(tl->fd, LOCK_UN);
			if (rc == 0 || !tl->degraded) {
				cJSON_Delete(data);
				return rc;
			}
			tried = tl->failed_seq;
			tried_crc = tl->failed_crc;
		}
	}
	/* Kept for later: asked now, as far as the journal was read. */
	if (due != NULL && tried == 0 && !due(arg)) {
		cJSON_Delete(data);
		return 2;
	}
	return kept_push(tl, kind, host, op, data, ts, mono, tried, tried_crc, err);
}

size_t
timeline_kept(const struct timeline *tl)
{
	return tl->nkept;
}

size_t
timeline_kept_list(const struct timeline *tl, struct quitask_lost *v, size_t cap,
    size_t *dropped)
{
	size_t i;

	for (i = 0; i < tl->nkept && i < cap; i++) {
		v[i].kind = tl->kept[i].kind;
		v[i].host = tl->kept[i].host;
		v[i].ts_ms = tl->kept[i].ts_ms;
	}
	*dropped = tl->not_kept;
	return i;
}

const char *
timeline_kept_outcome(const struct timeline *tl, const char *op)
{
	const char *found = NULL;
	size_t i;

	for (i = 0; op != NULL && i < tl->nkept; i++) {
		const cJSON *o = cJSON_GetObjectItemCaseSensitive(tl->kept[i].data, "outcome");

		if (tl->kept[i].op == NULL || strcmp(tl->kept[i].op, op) != 0)
			continue;
		if (found == NULL)
			found = "";
		if ((strcmp(tl->kept[i].kind, "action.end") == 0 ||
		    strcmp(tl->kept[i].kind, "action.reconcile") == 0) && cJSON_IsString(o))
			found = o->valuestring;
	}
	return found;
}

int64_t
timeline_degraded_since(const struct timeline *tl)
{
	return tl->degraded ? tl->degraded_ms : 0;
}

void
timeline_gap(const struct timeline *tl, int64_t *start_ms, int64_t *end_ms)
{
	*start_ms = tl->gap_start_ms;
	*end_ms = tl->gap_end_ms;
}

/* {"gap_start", "gap_end"} of the last gap, into d as key. */
static void
add_gap(const struct timeline *tl, cJSON *d, const char *key)
{
	cJSON *g = cJSON_AddObjectToObject(d, key);
	char ts[WR_TS_MAX];

	record_format_ts(tl->gap_start_ms, ts);
	cJSON_AddStringToObject(g, "gap_start", ts);
	record_format_ts(tl->gap_end_ms, ts);
	cJSON_AddStringToObject(g, "gap_end", ts);
}

int
timeline_append_resync(struct timeline *tl, const char *kind, const char *host,
    cJSON *data, struct wr_err *err)
{
	if (data == NULL)
		data = cJSON_CreateObject();
	if (tl->gap_end_ms != 0)
		add_gap(tl, data, "resync");
	return timeline_append(tl, kind, host, NULL, data, err);
}

/* Write the oldest kept record, marked late with the gap it waited
 * through (lock held). A failure leaves it kept, to be looked for in the
 * file at the next recovery. */
static int
kept_flush_one(struct timeline *tl, const char *problem, struct wr_err *err)
{
	struct kept *k = &tl->kept[0];
	cJSON *d = cJSON_Duplicate(k->data, true);

	add_gap(tl, d, "late");
	cJSON_AddStringToObject(cJSON_GetObjectItemCaseSensitive(d, "late"), "problem", problem);
	tl->failed_seq = 0;
	if (append_at(tl, k->kind, k->host, k->op, d, k->ts_ms, k->mono_ms, err) != 0) {
		k->tried_seq = tl->failed_seq;
		k->tried_crc = tl->failed_crc;
		return -1;
	}
	kept_pop(tl);
	return 0;
}

/* Write the kept records in order (lock held); the rest stay kept after
 * a failure. */
static int
kept_flush(struct timeline *tl, const char *problem, struct wr_err *err)
{
	while (tl->nkept > 0)
		if (kept_flush_one(tl, problem, err) != 0)
			return -1;
	return 0;
}

/* Our session becomes `session` (the seq a late resume takes: others may
 * have written meanwhile): its byte of .live, and the kept byte with it,
 * are held before the old ones go, so we never look dead. */
static void
session_move(struct timeline *tl, uint64_t session)
{
	uint64_t old = tl->session;
	struct flock fl;

	if (old == 0 || old == session || tl->live_fd < 0)
		return;
	live_byte(&fl, F_WRLCK, session);
	if (fcntl(tl->live_fd, F_OFD_SETLK, &fl) != 0)
		return;
	if (tl->kept_byte) {
		live_byte(&fl, F_WRLCK, (uint64_t)KEPT_BYTE + session);
		fcntl(tl->live_fd, F_OFD_SETLK, &fl);
		live_byte(&fl, F_UNLCK, (uint64_t)KEPT_BYTE + old);
		fcntl(tl->live_fd, F_OFD_SETLK, &fl);
	}
	live_byte(&fl, F_UNLCK, old);
	fcntl(tl->live_fd, F_OFD_SETLK, &fl);
	tl->session = session;
}

/* Is the prefix we were told is stored still exactly what we wrote? */
static int
verify_acked(struct timeline *tl, const char *buf, size_t len, struct wr_err *err)
{
	struct record_scan s;
	int rc = 0;

	if (tl->acked_seq == 0)
		return 0;
	if ((off_t)len < tl->acked_end)
		return wr_err_set(err, "the journal is shorter (%zu bytes) than what we stored "
		    "(%lld bytes)", len, (long long)tl->acked_end);
	record_scan(buf, (size_t)tl->acked_end, 0, 0, 0, NULL, &s);
	if (s.torn || s.last_seq != tl->acked_seq || s.last_crc != tl->acked_crc)
		rc = wr_err_set(err, "record %" PRIu64 " that we stored is not on disk as "
		    "written%s%s", tl->acked_seq, s.why.msg[0] ? ": " : "", s.why.msg);
	record_scan_free(&s);
	return rc;
}

int
timeline_recover(struct timeline *tl, struct wr_err *err)
{
	struct wr_err was = tl->problem;
	uint64_t failed_seq = tl->failed_seq;
	uint32_t failed_crc = tl->failed_crc;
	struct record_scan s;
	char *buf = NULL;
	size_t len;
	bool present = false;
	struct wr_err local;
	cJSON *d;
	int fd, rc;

	if (err == NULL)
		err = &local;
	if (tl->watching)
		return wr_err_set(err, "read-only mode: this console only watches the journal");
	if (tl->read_only)
		return wr_err_set(err, "journal is read-only: %s", tl->problem.msg);
	if (!tl->degraded)
		return 0;
	if ((fd = open(tl->path, O_RDWR | O_APPEND | O_CLOEXEC | O_NOFOLLOW)) < 0)
		return wr_err_set(err, "still degraded: cannot reopen %s: %s", tl->path,
		    strerror(errno));
	/* On a full filesystem the only room is the slack of the journal's
	 * last block, which setting the torn bytes aside frees again: a
	 * journal.recover would fit there and the next record fail, so the
	 * console would allow changes and refuse them again moments later. */
	if (no_free_block(fd)) {
		close(fd);
		return wr_err_set(err, "still degraded: the filesystem holding %s has no "
		    "free block", tl->path);
	}
	/* Likewise at the file size limit: a journal.recover would be cut. */
	if (past_size_limit(fd, 4096)) {
		close(fd);
		return wr_err_set(err, "still degraded: %s is at the file size limit (ulimit -f)",
		    tl->path);
	}
	if (lock_fd(fd, LOCK_EX) != 0) {
		close(fd);
		return wr_err_set(err, "still degraded: cannot lock %s", tl->path);
	}
	/* Flush, then drop the cached pages so what we verify is what the disk holds. */
	if (fdatasync(fd) != 0) {
		rc = wr_err_set(err, "still degraded: fdatasync failed: %s", strerror(errno));
		goto fail;
	}
	posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
	if (read_from(fd, 0, &buf, &len, err) != 0 || verify_acked(tl, buf, len, err) != 0) {
		rc = wr_err_set(err, "still degraded: %s", err->msg);
		goto fail;
	}
	if (failed_seq != 0) {
		struct record_list kept = { 0 };
		size_t i;

		/* Is record failed_seq there with the crc we wrote? Looked up by
		 * seq, not by line: a skipped damaged line shifts the lines. */
		record_scan(buf, len, 0, 0, 0, &kept, &s);
		for (i = 0; i < kept.n && !present; i++)
			present = kept.v[i].seq == failed_seq && kept.v[i].crc == failed_crc;
		record_list_free(&kept);
		record_scan_free(&s);
	}
	close(tl->fd);
	tl->fd = fd;
	tl->degraded = false;
	tl->problem.msg[0] = '\0';
	if (catch_up(tl, true, err) != 0) {
		lock_fd(fd, LOCK_UN);
		free(buf);
		/* Still degraded for the reason it was: err says why this try
		 * failed (a full disk cannot take the torn bytes either). */
		if (!tl->read_only) {
			tl->degraded = true;
			tl->problem = was;
		}
		return -1;
	}
	/* A kept record whose write failed may be whole in the file after all:
	 * then it is not written twice. */
	if (tl->nkept > 0 && present && tl->kept[0].tried_seq == failed_seq)
		kept_pop(tl);
	d = cJSON_CreateObject();
	cJSON_AddStringToObject(d, "problem", was.msg);
	if (failed_seq != 0) {
		cJSON_AddNumberToObject(d, "unconfirmed_seq", (double)failed_seq);
		cJSON_AddBoolToObject(d, "unconfirmed_present", present);
	}
	if (tl->notice.msg[0] != '\0')
		cJSON_AddStringToObject(d, "repaired", tl->notice.msg);
	tl->gap_start_ms = tl->degraded_ms;
	tl->gap_end_ms = clock_ms(CLOCK_REALTIME);
	add_gap(tl, d, "gap");
	/* What follows it, marked late, and what could not even be kept. */
	if (tl->nkept > 0)
		cJSON_AddNumberToObject(d, "kept", (double)tl->nkept);
	if (tl->not_kept > 0)
		cJSON_AddNumberToObject(d, "not_kept", (double)tl->not_kept);
	/* A resume kept since the start goes first: every record of ours
	 * carries its seq as the session, which the recovery would take. */
	rc = 0;
	if (tl->nkept > 0 && strcmp(tl->kept[0].kind, "incident.resume") == 0) {
		session_move(tl, tl->last_seq + 1);
		rc = kept_flush_one(tl, was.msg, err);
	}
	if (rc == 0)
		rc = append_locked(tl, "journal.recover", NULL, NULL, d, err);
	else
		cJSON_Delete(d);
	if (rc == 0)
		rc = kept_flush(tl, was.msg, err);
	lock_fd(fd, LOCK_UN);
	free(buf);
	if (rc == 0) {
		tl->degraded_ms = 0;
		tl->not_kept = 0;
		tl->gone = false;
		tl->size_limit = false;
	}
	return rc;
fail:
	lock_fd(fd, LOCK_UN);
	close(fd);
	free(buf);
	return rc;
}

/* Every record of the journal open as fd, read under a shared lock
 * (lock false: fd is one this console holds, its locks left as they are). */
static int
read_records(int fd, bool lock, struct record_list *out, struct record_scan *scan,
    struct wr_err *err)
{
	char *buf;
	size_t len;
	int rc;

	memset(scan, 0, sizeof(*scan));
	if (lock && lock_fd(fd, LOCK_SH) != 0)
		return wr_err_set(err, "cannot lock the journal: %s", strerror(errno));
	rc = read_from(fd, 0, &buf, &len, err);
	if (lock)
		lock_fd(fd, LOCK_UN);
	if (rc != 0)
		return -1;
	record_scan(buf, len, 0, 0, 0, out, scan);
	free(buf);
	return 0;
}

int
timeline_read(const char *dir, const char *id, struct record_list *out,
    struct record_scan *scan, struct wr_err *err)
{
	char *path;
	int fd, rc;

	memset(scan, 0, sizeof(*scan));
	if (!record_id_valid(id))
		return wr_err_set(err, "\"%s\" is not an incident id", id);
	path = path_join(dir, id, JOURNAL_SUFFIX);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0) {
		rc = wr_err_set(err, "cannot open %s: %s", path, strerror(errno));
		free(path);
		return rc;
	}
	free(path);
	rc = read_records(fd, true, out, scan, err);
	close(fd);
	return rc;
}

int
timeline_records(const struct timeline *tl, struct record_list *out, struct wr_err *err)
{
	struct record_scan scan;

	memset(out, 0, sizeof(*out));
	if (timeline_read(tl->dir, tl->id, out, &scan, err) != 0) {
		record_list_free(out);
		return -1;
	}
	record_scan_free(&scan);
	return 0;
}

struct list_row {
	char id[WR_INCIDENT_ID_MAX + 16];
	struct record_scan scan;
};

static int
row_cmp(const void *a, const void *b)
{
	const struct list_row *x = a, *y = b;

	if (x->scan.first_ts_ms != y->scan.first_ts_ms)
		return x->scan.first_ts_ms < y->scan.first_ts_ms ? 1 : -1;
	return strcmp(x->id, y->id);
}

static void
list_time(const struct record_scan *s, int64_t ms, char out[WR_TS_MAX])
{
	if (s->nrecords == 0) {
		wr_strlcpy(out, "-", WR_TS_MAX);
		return;
	}
	record_format_ts(ms, out);
	out[10] = ' ';
	out[19] = 'Z';
	out[20] = '\0';
}

/* The listing's note after the record count: " (damaged: lines 12, 31)",
 * " (torn tail)", both, or "". */
static void
list_damage(const struct record_scan *s, char *buf, size_t cap)
{
	size_t i, n = 0;

	buf[0] = '\0';
	if (s->ndamage > 3)
		n = (size_t)snprintf(buf, cap, " (damaged: %zu lines", s->ndamage);
	for (i = 0; s->ndamage <= 3 && i < s->ndamage && n < cap; i++)
		n += (size_t)snprintf(buf + n, cap - n, "%s%zu", i == 0 ? s->ndamage == 1 ?
		    " (damaged: line " : " (damaged: lines " : ", ", s->damage[i].line);
	if (s->torn && n < cap)
		n += (size_t)snprintf(buf + n, cap - n, "%s", n > 0 ? "; torn tail" : " (torn tail");
	if (n > 0 && n < cap)
		snprintf(buf + n, cap - n, ")");
}

int
timeline_list(const char *dir, FILE *out, struct wr_err *err)
{
	struct list_row *rows = NULL;
	size_t n = 0, i;
	struct dirent *e;
	DIR *d = opendir(dir);

	if (d == NULL) {
		if (errno == ENOENT) {
			fprintf(out, "no incidents in %s\n", dir);
			return 0;
		}
		return wr_err_set(err, "cannot read %s: %s", dir, strerror(errno));
	}
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name), sl = strlen(JOURNAL_SUFFIX);
		struct list_row row;

		if (e->d_name[0] == '.' || len <= sl || len - sl >= sizeof(row.id) ||
		    strcmp(e->d_name + len - sl, JOURNAL_SUFFIX) != 0)
			continue;
		memcpy(row.id, e->d_name, len - sl);
		row.id[len - sl] = '\0';
		if (timeline_read(dir, row.id, NULL, &row.scan, NULL) != 0)
			continue;
		rows = xrealloc(rows, (n + 1) * sizeof(*rows));
		rows[n++] = row;
	}
	closedir(d);
	if (n == 0) {
		fprintf(out, "no incidents in %s\n", dir);
		return 0;
	}
	qsort(rows, n, sizeof(*rows), row_cmp);
	fprintf(out, "%-32s %-20s %-20s %-8s %7s  %s\n", "ID", "STARTED", "LAST EVENT",
	    "STATE", "RECORDS", "NAME");
	for (i = 0; i < n; i++) {
		const struct record_scan *s = &rows[i].scan;
		char t1[WR_TS_MAX], t2[WR_TS_MAX], name[WR_INCIDENT_NAME_MAX], note[96];
		size_t k;

		list_time(s, s->first_ts_ms, t1);
		list_time(s, s->last_ts_ms, t2);
		wr_strlcpy(name, s->name, sizeof(name));
		for (k = 0; name[k] != '\0'; k++)
			if ((unsigned char)name[k] < 0x20 || name[k] == 0x7f)
				name[k] = '?';
		/* A torn tail is set aside by the next console that writes; until
		 * then the listing says a record may be missing, as export does.
		 * Damaged lines in the middle are skipped: the records count those
		 * kept around them, and the lines are named. */
		list_damage(s, note, sizeof(note));
		fprintf(out, "%-32s %-20s %-20s %-8s %7zu%s  %s\n", rows[i].id, t1, t2,
		    s->resolved ? "resolved" : "open", s->nrecords, note, name);
		record_scan_free(&rows[i].scan);
	}
	free(rows);
	if (fflush(out) != 0 || ferror(out))
		return wr_err_set(err, "cannot write the listing: %s", strerror(errno));
	return 0;
}

/* The journal's .live file, read-only, or -1: moved away with the
 * journal, the descriptor own holds still names it, and a new open of it
 * (a lock of its own) still sees ours. */
static int
live_open_ro(const char *dir, const char *id, const struct timeline *own)
{
	char *path, proc[64];
	int fd;

	if (own != NULL && own->gone && own->live_fd >= 0) {
		snprintf(proc, sizeof(proc), "/proc/self/fd/%d", own->live_fd);
		return open(proc, O_RDONLY | O_CLOEXEC);
	}
	path = path_join(dir, id, JOURNAL_SUFFIX TIMELINE_LIVE_SUFFIX);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	free(path);
	return fd;
}

/* The ops of s with no end whose console still holds its .live byte
 * (malloc'd, pointing into s; NULL when none), each saying whether that
 * console keeps records of it the journal could not store yet: own (the
 * console exporting, session self; NULL: none) knows which, another says
 * it by its KEPT_BYTE lock. Read without taking any lock: an export
 * changes nothing. */
static struct export_running *
running_ops(const char *dir, const char *id, const struct record_scan *s, uint64_t self,
    const struct timeline *own, size_t *n)
{
	struct export_running *v = NULL;
	size_t i;
	int fd = live_open_ro(dir, id, own);

	*n = 0;
	if (fd < 0)
		return NULL;               /* no console ever took a byte, or none left one */
	for (i = 0; i < s->n_open_ops; i++) {
		uint64_t sess = s->open_op_session[i];

		if (sess == 0)
			continue;              /* an end said unknown: it runs nowhere */
		/* Untestable: not said to be running, so it reads UNKNOWN. */
		if (!byte_held(fd, sess, false))
			continue;
		v = xrealloc(v, (*n + 1) * sizeof(*v));
		v[*n].op = s->open_ops[i];
		v[*n].here = sess == self;
		if (own != NULL && sess == self)
			v[*n].unstored = timeline_kept_outcome(own, s->open_ops[i]);
		else
			v[*n].unstored = byte_held(fd, (uint64_t)KEPT_BYTE + sess, false) ? "" : NULL;
		(*n)++;
	}
	close(fd);
	return v;
}

/* The sessions of l that no record says ended and whose console no
 * longer holds its .live byte (killed, crashed), folded into *all (the
 * returned copies point into it; malloc'd, NULL when none). Untestable
 * (no .live): none, never a running console named gone. */
static struct session *
gone_sessions(const char *dir, const char *id, const struct record_list *l, uint64_t self,
    const struct timeline *own, struct sessions *all, size_t *n)
{
	struct session *v = NULL;
	size_t i;
	int fd;

	*n = 0;
	for (i = 0; i < l->n; i++)
		sessions_note(all, &l->v[i]);
	if ((fd = live_open_ro(dir, id, own)) < 0)
		return NULL;
	for (i = 0; i < all->n; i++) {
		const struct session *e = &all->v[i];

		if (!e->tracked || e->id == self || e->gone_seq != 0 || byte_held(fd, e->id, true))
			continue;
		v = xrealloc(v, (*n + 1) * sizeof(*v));
		v[(*n)++] = *e;
	}
	close(fd);
	return v;
}

static int
export_as(const char *dir, const char *id, enum export_format format,
    const struct export_opts *zone, uint64_t self, const struct timeline *own, FILE *out,
    struct wr_err *err)
{
	struct record_list l = { 0 };
	struct record_scan s;
	struct export_opts o = { .id = id };
	struct export_running *running;
	struct sessions all = { 0 };
	struct session *gone;
	char slug[WR_SLUG_MAX + 1], found[WR_INCIDENT_ID_MAX + 16];
	struct stat st;
	char *text, *path;
	size_t len;
	int rc;
	bool exists = false, held = own != NULL && own->degraded && own->gone;
	char since[32] = "", warning[2 * WR_ERR_MAX + 256] = "";

	/* An id, or the name given to --incident: its latest incident. A
	 * console whose journal was removed or moved still holds it open. */
	if (held)
		exists = true;
	else if (record_id_valid(id)) {
		path = path_join(dir, id, JOURNAL_SUFFIX);
		exists = lstat(path, &st) == 0;
		free(path);
	}
	if (!exists) {
		record_slug(id, slug, sizeof(slug));
		if (find_by_slug(dir, slug, true, found, sizeof(found)) != 0)
			return wr_err_set(err, "no incident \"%s\" in %s (warroom incidents lists them)",
			    id, dir);
		id = found;
		o.id = found;
	}
	if (zone != NULL) {
		o.tz_off = zone->tz_off;
		o.tz_label = zone->tz_label;
		o.tz_at = zone->tz_at;
		o.tz_arg = zone->tz_arg;
	}
	if ((held ? read_records(own->fd, false, &l, &s, err) :
	    timeline_read(dir, id, &l, &s, err)) != 0)
		return -1;
	/* A draft from a console that cannot write says so first: what it
	 * could not store is not in it. */
	if (own != NULL && own->degraded) {
		time_t t = (time_t)(own->degraded_ms / 1000);
		struct tm tm;

		if (own->degraded_ms > 0 && gmtime_r(&t, &tm) != NULL)
			strftime(since, sizeof(since), " since %H:%M:%S UTC", &tm);
		snprintf(warning, sizeof(warning), "the journal is DEGRADED%s: %swhat this "
		    "console could not store%s is not in it. Why: %s.", since, held ?
		    "this draft is read from the journal file this console still holds open; " :
		    "", since[0] != '\0' ? " since then" : "", own->problem.msg);
	}
	/* Damaged lines in the middle are skipped and named by the export
	 * itself (o.damage); every record around them is exported. */
	if (s.torn)
		wr_appendf(warning, sizeof(warning), "%sthe journal is torn at %s; only the "
		    "%zu records before it are exported", warning[0] != '\0' ? " And " : "",
		    s.why.msg, s.nrecords);
	if (warning[0] != '\0')
		o.warning = warning;
	o.damage = s.damage;
	o.ndamage = s.ndamage;
	running = running_ops(dir, id, &s, self, own, &o.nrunning);
	o.running = running;
	gone = gone_sessions(dir, id, &l, self, own, &all, &o.ngone);
	o.gone = gone;
	rc = export_render(format, l.v, l.n, &o, &text, &len, err);
	free(running);
	free(gone);
	sessions_free(&all);
	record_list_free(&l);
	record_scan_free(&s);
	if (rc != 0)
		return -1;
	if (fwrite(text, 1, len, out) != len || fflush(out) != 0) {
		free(text);
		return wr_err_set(err, "cannot write the export: %s", strerror(errno));
	}
	free(text);
	return 0;
}

int
timeline_export(const char *dir, const char *id, enum export_format format,
    const struct export_opts *zone, uint64_t self, FILE *out, struct wr_err *err)
{
	return export_as(dir, id, format, zone, self, NULL, out, err);
}

int
timeline_export_own(const struct timeline *tl, enum export_format format, FILE *out,
    struct wr_err *err)
{
	return export_as(tl->dir, tl->id, format, NULL, tl->session, tl, out, err);
}
