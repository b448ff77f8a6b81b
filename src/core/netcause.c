/*
 * netcause.c — libcurl's reasons for a request with no answer, said in a
 * few words. A DNS failure, a refused connection and a timeout need
 * different fixes at 3 a.m.; "no answer" hides which one it is.
 */
#include "warroom/netcause.h"

#include <stdio.h>
#include <string.h>

#define HOST_MAX 64

/* The host name (or address) starting at s, kept to harmless ASCII. */
static void
host_at(const char *s, char *dst, size_t cap)
{
	size_t n = 0;

	while (*s == ' ')
		s++;
	for (; *s != '\0' && n + 1 < cap && n < HOST_MAX; s++) {
		char c = *s;

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '.' || c == '-' || c == '_' || c == ':' || c == '[' || c == ']'))
			break;
		dst[n++] = c;
	}
	dst[n] = '\0';
}

size_t
netcause_words(const char *error, char *dst, size_t cap)
{
	char host[HOST_MAX + 1] = "";
	const char *p;
	long port = 0;

	if (cap == 0)
		return 0;
	if (error == NULL)
		error = "";
	if ((p = strstr(error, "Could not resolve host:")) != NULL) {
		host_at(p + strlen("Could not resolve host:"), host, sizeof(host));
		snprintf(dst, cap, "cannot resolve %s", host[0] ? host : "the host");
	} else if (strstr(error, "Could not resolve proxy") != NULL) {
		snprintf(dst, cap, "cannot resolve the proxy");
	} else if (strstr(error, "Resolving timed out") != NULL) {
		snprintf(dst, cap, "name lookup timed out");
	} else if ((p = strstr(error, "Failed to connect to ")) != NULL) {
		const char *q;

		host_at(p + strlen("Failed to connect to "), host, sizeof(host));
		q = strstr(p, " port ");
		if (q != NULL && sscanf(q, " port %ld", &port) == 1 && port > 0 && port < 65536)
			snprintf(dst, cap, "cannot connect to %s port %ld", host, port);
		else
			snprintf(dst, cap, "cannot connect to %s", host[0] ? host : "the host");
	} else if (strstr(error, "Connection refused") != NULL ||
	    strstr(error, "Couldn't connect") != NULL) {
		snprintf(dst, cap, "connection refused");
	} else if (strstr(error, "Connection timed out") != NULL ||
	    strstr(error, "connect() timed out") != NULL) {
		snprintf(dst, cap, "connect timed out");
	} else if (strstr(error, "timed out") != NULL) {
		snprintf(dst, cap, "timed out");
	} else if (strstr(error, "certificate") != NULL) {
		snprintf(dst, cap, "TLS certificate refused");
	} else if (strstr(error, "SSL") != NULL || strstr(error, "TLS") != NULL) {
		snprintf(dst, cap, "TLS failed");
	} else if (strstr(error, "Empty reply") != NULL) {
		snprintf(dst, cap, "empty reply");
	} else if (strstr(error, "reset") != NULL || strstr(error, "Recv failure") != NULL ||
	    strstr(error, "Send failure") != NULL) {
		snprintf(dst, cap, "connection reset");
	} else
		snprintf(dst, cap, "no answer");
	return strlen(dst);
}
