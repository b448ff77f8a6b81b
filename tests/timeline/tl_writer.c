/*
 * tl_writer.c — a helper for the timeline crash test (test_crash.sh).
 *
 *   tl_writer write DIR NAME
 *       open or resume the incident NAME, print "id ID", then append notes
 *       forever, printing "stored SEQ CRC" only after timeline_append
 *       returned success (one write(2) per line, so a kill -9 never leaves
 *       half a line). Every 25th note is 8 KiB so some writes span pages.
 *   tl_writer verify DIR ID STORED
 *       check that every "stored SEQ CRC" line in STORED is in the journal
 *       with that crc, that the chain verifies, and that the incident
 *       reopens writable; exit 1 with a message otherwise.
 *   tl_writer forge BAD < SPEC > JOURNAL
 *       write a chained journal of SPEC's lines "KIND HOST OP JSON" (HOST
 *       and OP "-" for none; session 1, a second apart, now), line BAD
 *       (1-based; 0: none) with one byte changed: a damaged middle line
 *       for tests that restart a console on it.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "warroom/timeline.h"

static uint32_t last_crc;

static void
remember(const struct record *r, void *arg)
{
	last_crc = r->crc;
}

static void
say(const char *s)
{
	size_t n = strlen(s);

	if (write(1, s, n) != (ssize_t)n)
		_exit(3);
}

static int
run_writer(const char *dir, const char *name)
{
	struct timeline_open_opts o = { dir, name, NULL, NULL, NULL };
	struct timeline *tl;
	struct wr_err err;
	static char big[8192];
	char line[128];
	uint64_t i;

	if (timeline_open(&o, &tl, &err) != 0) {
		fprintf(stderr, "tl_writer: %s\n", err.msg);
		return 1;
	}
	if (timeline_read_only(tl) || timeline_degraded(tl)) {
		fprintf(stderr, "tl_writer: journal unusable: %s\n", timeline_problem(tl));
		return 1;
	}
	snprintf(line, sizeof(line), "id %s\n", timeline_id(tl));
	say(line);
	memset(big, 'x', sizeof(big) - 1);
	timeline_set_observer(tl, remember, NULL);
	for (i = 0; ; i++) {
		char text[64];

		snprintf(text, sizeof(text), "note %" PRIu64 " from pid %ld", i, (long)getpid());
		if (timeline_note(tl, i % 25 == 24 ? big : text, &err) != 0) {
			fprintf(stderr, "tl_writer: %s\n", err.msg);
			return 1;
		}
		snprintf(line, sizeof(line), "stored %" PRIu64 " %08" PRIx32 "\n",
		    timeline_last_seq(tl), last_crc);
		say(line);
	}
}

static int
run_verify(const char *dir, const char *id, const char *stored)
{
	struct timeline_open_opts o = { dir, id, NULL, NULL, NULL };
	struct record_list l = { 0 };
	struct record_scan s;
	struct timeline *tl;
	struct wr_err err;
	unsigned long long seq;
	unsigned crc;
	size_t checked = 0;
	FILE *fp;

	if (timeline_read(dir, id, &l, &s, &err) != 0) {
		fprintf(stderr, "verify: %s\n", err.msg);
		return 1;
	}
	if (s.ndamage > 0) {
		fprintf(stderr, "verify: damaged journal: line %zu: %s\n", s.damage[0].line,
		    s.damage[0].detail);
		return 1;
	}
	if ((fp = fopen(stored, "r")) == NULL) {
		perror(stored);
		return 1;
	}
	while (fscanf(fp, "stored %llu %x\n", &seq, &crc) == 2) {
		if (seq == 0 || seq > l.n || l.v[seq - 1].seq != seq || l.v[seq - 1].crc != crc) {
			fprintf(stderr, "verify: record %llu (crc %08x) reported stored is %s\n", seq,
			    crc, seq == 0 || seq > l.n ? "missing" : "different");
			return 1;
		}
		checked++;
	}
	fclose(fp);
	record_list_free(&l);
	record_scan_free(&s);
	if (timeline_open(&o, &tl, &err) != 0 || timeline_read_only(tl) ||
	    timeline_degraded(tl)) {
		fprintf(stderr, "verify: incident does not reopen: %s\n",
		    tl != NULL ? timeline_problem(tl) : err.msg);
		return 1;
	}
	timeline_close(tl);
	if (timeline_read(dir, id, NULL, &s, &err) != 0 || s.torn || s.ndamage > 0) {
		fprintf(stderr, "verify: journal not clean after reopening: %s\n", s.why.msg);
		return 1;
	}
	printf("verified %zu stored records of %" PRIu64 " in %s\n", checked, s.last_seq, id);
	record_scan_free(&s);
	return 0;
}

static int
run_forge(long bad)
{
	char spec[4096], kind[64], host[64], op[64];
	uint32_t prev = 0;
	uint64_t seq = 0;
	int64_t now = (int64_t)time(NULL) * 1000 - 60000;

	while (fgets(spec, sizeof(spec), stdin) != NULL) {
		struct record r = { 0 };
		struct wr_err err;
		char *line;
		size_t len;
		int at = 0;

		if (sscanf(spec, "%63s %63s %63s %n", kind, host, op, &at) != 3 || at == 0)
			continue;
		r.seq = ++seq;
		r.ts_ms = now + (int64_t)seq * 1000;
		r.mono_ms = (int64_t)seq * 1000;
		r.actor = "forge@test";
		r.session = 1;
		r.kind = kind;
		r.host = strcmp(host, "-") != 0 ? host : NULL;
		r.op = strcmp(op, "-") != 0 ? op : NULL;
		if ((r.data = cJSON_Parse(spec + at)) == NULL) {
			fprintf(stderr, "forge: line %" PRIu64 ": bad JSON\n", seq);
			return 1;
		}
		r.prev = prev;
		if (record_encode(&r, &line, &len, &err) != 0) {
			fprintf(stderr, "forge: %s\n", err.msg);
			return 1;
		}
		prev = r.crc;
		cJSON_Delete(r.data);
		/* One byte inside the record: its crc no longer matches. */
		if ((long)seq == bad)
			line[len / 2] = line[len / 2] == 'x' ? 'y' : 'x';
		fwrite(line, 1, len, stdout);
		free(line);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "forge") == 0)
		return run_forge(atol(argv[2]));
	if (argc == 4 && strcmp(argv[1], "write") == 0)
		return run_writer(argv[2], argv[3]);
	if (argc == 5 && strcmp(argv[1], "verify") == 0)
		return run_verify(argv[2], argv[3], argv[4]);
	fprintf(stderr, "usage: tl_writer write DIR NAME | verify DIR ID STORED | forge BAD\n");
	return 2;
}
