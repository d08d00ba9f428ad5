/* http_client.h: the room server tests' tiny HTTP client, over a plain
 * socket to 127.0.0.1 only (tests never reach the LAN). A request is sent
 * raw, as the test writes it, so malformed ones can be sent too; the
 * answer is read to the end (requests say Connection: close) into a
 * buffer, and its status line and headers looked at by string search.
 * Every socket has a 10-second receive timeout: a server that hangs fails
 * the test (http_got reports -2) instead of hanging it. */
#ifndef HTTP_CLIENT_H
#define HTTP_CLIENT_H

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

typedef struct http_got {
    int status;             /* the status code; 0 when the server closed without one; -1 no
                             * connection; -2 timed out (the server hung) */
    char *raw;              /* everything received, NUL-terminated */
    size_t len;
    const char *body;       /* after the blank line, or "" */
} http_got;

/* A connected socket to 127.0.0.1:port, or -1 (errno says why). */
__attribute__((unused)) static int http_connect(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    struct timeval tv = {10, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

__attribute__((unused)) static int http_send(int fd, const char *raw, size_t n)
{
    while (n) {
        ssize_t k = send(fd, raw, n, MSG_NOSIGNAL);
        if (k <= 0)
            return -1;
        raw += k;
        n -= (size_t)k;
    }
    return 0;
}

/* Reads until the server closes (or resets) the connection. */
__attribute__((unused)) static void http_read(int fd, http_got *g)
{
    size_t cap = 4096;
    g->raw = malloc(cap);
    g->len = 0;
    g->status = 0;
    for (;;) {
        if (g->len + 1024 > cap) {
            char *r = realloc(g->raw, cap *= 2);
            if (!r)
                break;
            g->raw = r;
        }
        ssize_t k = recv(fd, g->raw + g->len, cap - g->len - 1, 0);
        if (k < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            g->status = -2;
            break;
        }
        if (k <= 0)
            break;
        g->len += (size_t)k;
    }
    g->raw[g->len] = 0;
    int code = 0;
    if (g->status != -2 && sscanf(g->raw, "HTTP/1.%*d %d", &code) == 1)
        g->status = code;
    const char *b = strstr(g->raw, "\r\n\r\n");
    g->body = b ? b + 4 : "";
}

/* One raw request on a new connection, read to the end. */
__attribute__((unused)) static http_got http_raw(int port, const char *raw, size_t n)
{
    http_got g = {0};
    int fd = http_connect(port);
    if (fd < 0) {
        g.status = -1;
        g.raw = calloc(1, 1);
        g.body = g.raw;
        return g;
    }
    http_send(fd, raw, n);
    http_read(fd, &g);
    close(fd);
    return g;
}

/* METHOD PATH with extra header lines (each ending in \r\n, or NULL). */
__attribute__((unused)) static http_got http_req(int port, const char *method, const char *path,
                                                 const char *headers)
{
    char buf[2048];
    int n = snprintf(buf, sizeof buf,
                     "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n%s\r\n", method,
                     path, headers ? headers : "");
    return http_raw(port, buf, (size_t)n);
}

/* The value of header `name` in g (case-insensitive name), copied into
 * out; "" when absent. */
__attribute__((unused)) static const char *http_header(const http_got *g, const char *name,
                                                       char *out, size_t n)
{
    out[0] = 0;
    size_t nl = strlen(name);
    const char *end = strstr(g->raw, "\r\n\r\n");
    for (const char *p = strstr(g->raw, "\r\n"); p && (!end || p < end);
         p = strstr(p + 2, "\r\n")) {
        const char *h = p + 2;
        if (strncasecmp(h, name, nl) == 0 && h[nl] == ':') {
            h += nl + 1;
            while (*h == ' ')
                h++;
            size_t k = strcspn(h, "\r\n");
            if (k >= n)
                k = n - 1;
            memcpy(out, h, k);
            out[k] = 0;
            break;
        }
    }
    return out;
}

__attribute__((unused)) static void http_free(http_got *g)
{
    free(g->raw);
    g->raw = NULL;
}

#endif
