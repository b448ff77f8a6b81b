/*
 * quitask.c — the words of q's question while something is under way
 * (quitask.h).
 *
 * Once, "An action or announcement is still in flight. Quit anyway?" named
 * nothing, and the journal then said a connection was lost. The question
 * now names each action and says what the journal will say of it: UNKNOWN
 * once its change was sent. Then an action still re-reading its host
 * before running was said to end UNKNOWN though nothing had been sent
 * (the journal said "nothing ran"), and a status-page post waiting for
 * its next try let q quit without a word. Each thing now gets a sentence
 * of its own, saying what a quit does to it. The question was worded
 * once, when q was pressed, and still said "2 status-page updates not
 * sent yet" after they went through: it is now worded again from the
 * live state every frame, and y stands only for the words it answered.
 * An armed console with nothing under way quit at once on one stray q,
 * mid-incident: it asks too, saying the arming ends and how to resume.
 */
#include "warroom/quitask.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "warroom/driver_cmd.h"
#include "warroom/namelist.h"
#include "warroom/util.h"

/* A new sentence: a space after the one before. */
static void
sentence(char *buf, size_t cap)
{
	if (buf[0] != '\0')
		wr_appendf(buf, cap, " ");
}

/* The actions that sent their change, and the chat's announcements: they
 * end UNKNOWN (one sentence, as before the other kinds came). */
static void
said_unknown(const struct quitask_in *in, char *buf, size_t cap)
{
	char list[600];
	int many = (int)in->nsent + (in->chats > 0 ? in->chats : 0) > 1;

	if (in->nsent > 0) {
		namelist_join(in->sent, in->nsent, 3, list, sizeof(list));
		wr_appendf(buf, cap, "%s%s%s", in->nsent > 1 ? "still running: " : "", list,
		    in->nsent == 1 ? " is still running" : "");
	}
	if (in->chats > 0)
		wr_appendf(buf, cap, "%s%s still being sent", in->nsent > 0 ? "; " : "",
		    in->chats == 1 ? "an announcement to the chat is" :
		    "announcements to the chat are");
	wr_appendf(buf, cap, ": quitting ends %s UNKNOWN in the journal (%s).",
	    many ? "them" : "it", in->nsent > 0 ? "the host may or may not finish what was sent" :
	    "the chat may or may not have it");
}

/* A count and its noun: "1 status-page update", "2 status-page updates". */
static void
counted(int n, char *buf, size_t cap)
{
	snprintf(buf, cap, "%d status-page update%s", n, n == 1 ? "" : "s");
}

bool
quitask_needed(const struct quitask_in *in)
{
	return in->nsent > 0 || in->nunsent > 0 || in->chats > 0 || in->posts > 0 ||
	    in->posts_maybe > 0 || in->kept > 0;
}

bool
quitask_asks(const struct quitask_in *in)
{
	return quitask_needed(in) || in->armed_s > 0;
}

/* Armed, nothing under way: what is true and how to come back. The
 * minutes are rounded up, as the header's badge never shows 0:00 armed. */
static void
said_armed(const struct quitask_in *in, char *buf, size_t cap)
{
	char name[300] = "";

	if (in->armed_s >= 60)
		wr_appendf(buf, cap, "The console is ARMED (%ld min left)", (in->armed_s + 59) / 60);
	else
		wr_appendf(buf, cap, "The console is ARMED (%ld s left)", in->armed_s);
	wr_appendf(buf, cap, ": quitting disarms it. The journal keeps everything");
	if (in->incident != NULL && driver_cmd_quote(name, sizeof(name), in->incident))
		wr_appendf(buf, cap, "; warroom --incident %s resumes it (A arms again)", name);
	wr_appendf(buf, cap, ".");
}

const char *
quitask_ask(const struct quitask_in *in)
{
	return quitask_needed(in) ? "Quit anyway? (y/N)" : "Quit? (y/N)";
}

bool
quitask_answer_stands(const char *shown, const char *live, bool left)
{
	/* Less left than was said is still no surprise only when nothing is
	 * left; any other change (a post now out with no answer, an action
	 * that sent its change) is news the engineer has not seen. */
	return !left || strcmp(shown, live) == 0;
}

void
quitask_words(const struct quitask_in *in, char *buf, size_t cap)
{
	char list[600], what[64];

	if (cap == 0)
		return;
	buf[0] = '\0';
	if (!quitask_needed(in) && in->armed_s > 0) {
		said_armed(in, buf, cap);
		return;
	}
	if (!quitask_needed(in)) {
		wr_appendf(buf, cap, "Nothing is under way any more: quitting now leaves nothing "
		    "behind.");
		return;
	}
	if (in->nsent > 0 || in->chats > 0)
		said_unknown(in, buf, cap);
	if (in->nunsent > 0) {
		/* Confirmed, re-reading its host first: its intent is not even
		 * stored, and a quit ends it "nothing ran". */
		namelist_join(in->unsent, in->nunsent, 3, list, sizeof(list));
		sentence(buf, cap);
		wr_appendf(buf, cap, "%s %s not started: nothing has been sent yet; quitting "
		    "cancels %s.", list, in->nunsent == 1 ? "has" : "have",
		    in->nunsent == 1 ? "it" : "them");
	}
	if (in->posts_answered > 0) {
		/* Sent and answered 200 with nothing saved: not "not sent yet". */
		counted(in->posts_answered, what, sizeof(what));
		sentence(buf, cap);
		wr_appendf(buf, cap, "%s sent once, answered 200 without an incident id%s%.200s%s: "
		    "the next writing console on this incident sends %s again.", what,
		    in->answered_why != NULL && in->answered_why[0] ? ": \"" : "",
		    in->answered_why != NULL ? in->answered_why : "",
		    in->answered_why != NULL && in->answered_why[0] ? "\"" : "",
		    in->posts_answered == 1 ? "it" : "them");
	}
	if (in->posts - in->posts_answered > 0) {
		/* The journal holds it queued: the next writing console sends
		 * it (at its start, or an open one when it arms). */
		counted(in->posts - in->posts_answered, what, sizeof(what));
		sentence(buf, cap);
		wr_appendf(buf, cap, "%s not sent yet: the next writing console on this incident "
		    "sends %s.", what, in->posts - in->posts_answered == 1 ? "it" : "them");
	}
	if (in->posts_maybe > 0) {
		const char *it = in->posts_maybe == 1 ? "it" : "them";

		/* A try left and got no answer: the next console reads the
		 * page first (a create is looked up, an update missing there
		 * stays UNKNOWN), so none goes up twice. */
		counted(in->posts_maybe, what, sizeof(what));
		sentence(buf, cap);
		wr_appendf(buf, cap, "%s may be on the page already (%s): the next writing "
		    "console on this incident looks for %s there first and never posts %s twice.",
		    what, in->posts_maybe == 1 ? "its try got no answer" :
		    "their tries got no answer", it, it);
	}
	if (in->kept > 0) {
		sentence(buf, cap);
		wr_appendf(buf, cap, "%zu journal record%s not stored yet (the journal cannot be "
		    "written): lost on quitting unless it recovers first.", in->kept,
		    in->kept == 1 ? " is" : "s are");
	}
}

/* "health.change h2 09:12:05": what a reader needs to find it again. */
static void
lost_name(const struct quitask_lost *r, char *out, size_t cap)
{
	time_t t = (time_t)(r->ts_ms / 1000);
	char hms[16] = "--:--:--";
	struct tm tm;

	if (r->ts_ms > 0 && gmtime_r(&t, &tm) != NULL)
		strftime(hms, sizeof(hms), "%H:%M:%S", &tm);
	snprintf(out, cap, "%s%s%s %s", r->kind, r->host != NULL ? " " : "",
	    r->host != NULL ? r->host : "", hms);
}

void
quitask_lost_words(const struct quitask_lost *v, size_t n, size_t dropped, size_t most,
    char *buf, size_t cap)
{
	char (*names)[160] = NULL;
	const char **p = NULL;
	char list[1024];
	size_t i;

	buf[0] = '\0';
	if (n == 0 && dropped == 0)
		return;
	if (n > 0) {
		/* Only the first `most` are worded: the rest are a count. */
		size_t w = n < most ? n : most;

		names = xmalloc((w > 0 ? w : 1) * sizeof(*names));
		p = xmalloc(n * sizeof(*p));
		for (i = 0; i < n; i++) {
			if (i < w)
				lost_name(&v[i], names[i], sizeof(names[i]));
			p[i] = i < w ? names[i] : "";
		}
		namelist_join(p, n, most, list, sizeof(list));
		wr_appendf(buf, cap, "%zu journal record%s could not be stored and %s lost: %s "
		    "(UTC)", n, n == 1 ? "" : "s", n == 1 ? "is" : "are", list);
		free(p);
		free(names);
	}
	/* Refused by the bound while kept ones waited: nothing left to name. */
	if (dropped > 0)
		wr_appendf(buf, cap, "%s%zu more record%s refused earlier, when too many waited "
		    "(not kept, so not named)", n > 0 ? "; " : "", dropped, dropped == 1 ? " was" :
		    "s were");
}
