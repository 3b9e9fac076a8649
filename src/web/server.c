/* server — the HTTP side of `junheng serve` (see web.h): libmicrohttpd,
 * one thread per connection, the routes, the token, uploads, the log.
 *
 * Routes (anything else is 404; ids and file names are looked up, never
 * used as paths):
 *   GET  /  /app.js  /style.css                  the page (assets.h)
 *   GET  /login   POST /login                    the token form (token mode)
 *   GET  /api/counties
 *   GET  /api/county/ID                          api_state
 *   POST /api/county/ID/data                     multipart upload, field "file"
 *   GET  /api/county/ID/settings   POST (form fields "section|key")
 *   GET  /api/county/ID/practices  POST (form field "text": practices.md)
 *   POST /api/county/ID/accept | /discard
 *   POST /api/county/ID/render/WHAT              report, sheets, zip, figures
 *   GET  /api/county/ID/file/NAME[?download=1]
 * Every POST to /api/ must carry the header X-Junheng (a page of another
 * site cannot send it without the browser asking first, and we never say
 * yes), so no other site can make a visitor's browser change data. */
#include "web/web.h"
#include "common/i18n.h"
#include "common/outfile.h"
#include "common/share.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "web/api.h"
#include "web/assets.h"
#include "web/county.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct server {
    const web_opts *o;
    counties cs;
    web_pool pool;
    char *token;                 /* NULL: none needed */
    int loopback;
    pthread_mutex_t log_lock;
} server;

enum { R_NONE, R_UPLOAD, R_LOGIN, R_SETTINGS, R_PRACTICES };
#define MAX_PRACTICES (1024 * 1024)
#define MAX_EDITS 256

/* One request, from its first call to its log line. */
typedef struct req {
    struct timespec t0;
    char method[8];
    char *url;
    int status;
    long long bytes;
    /* a body being received */
    int kind;                    /* R_UPLOAD, R_LOGIN */
    county *c;
    struct MHD_PostProcessor *pp;
    int fd;
    char *tmp;
    long long got, max, raw;
    int too_big, have_file, bad, xlsx;
    unsigned char head[4];
    strbuf field;                /* the login form's token */
    setting_edit *edits;         /* the settings form's fields */
    int nedits, edits_bad;
} req;

/* ---- replies ------------------------------------------------------------- */

static void security_headers(struct MHD_Response *resp)
{
    MHD_add_response_header(resp, "Cache-Control", "no-store");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, "Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; object-src 'self'; frame-ancestors 'self'");
}

static enum MHD_Result send_reply(struct MHD_Connection *conn, req *q, web_reply *r)
{
    struct MHD_Response *resp = NULL;
    if (r->file) {
        FILE *f = fopen(r->file, "rb");
        struct stat st;
        if (f && fstat(fileno(f), &st) == 0) {
            int fd = dup(fileno(f));
            resp = MHD_create_response_from_fd((size_t)st.st_size, fd);
            if (!resp) close(fd);
            q->bytes = st.st_size;
        }
        if (f) fclose(f);
        if (!resp) {
            reply_free(r);
            api_error(r, 404, "文件不见了：请重新生成");
        }
    }
    if (!resp) {
        resp = MHD_create_response_from_buffer(r->len, r->body, MHD_RESPMEM_MUST_FREE);
        if (!resp) { reply_free(r); return MHD_NO; }
        r->body = NULL;
        q->bytes = (long long)r->len;
    }
    if (r->type) MHD_add_response_header(resp, "Content-Type", r->type);
    if (r->disposition) MHD_add_response_header(resp, "Content-Disposition", r->disposition);
    security_headers(resp);
    q->status = r->status;
    enum MHD_Result ok = MHD_queue_response(conn, (unsigned)r->status, resp);
    MHD_destroy_response(resp);
    reply_free(r);
    return ok;
}

static enum MHD_Result send_error(struct MHD_Connection *conn, req *q, int status, const char *msg)
{
    web_reply r = {0};
    api_error(&r, status, msg);
    return send_reply(conn, q, &r);
}

static enum MHD_Result send_html(struct MHD_Connection *conn, req *q, int status, const char *html,
                                 const char *cookie, const char *location)
{
    web_reply r = {0};
    r.status = status;
    r.type = "text/html; charset=utf-8";
    r.body = xstrdup(html);
    r.len = strlen(html);
    struct MHD_Response *resp = MHD_create_response_from_buffer(r.len, r.body, MHD_RESPMEM_MUST_FREE);
    if (!resp) { free(r.body); return MHD_NO; }
    MHD_add_response_header(resp, "Content-Type", r.type);
    if (cookie) MHD_add_response_header(resp, "Set-Cookie", cookie);
    if (location) MHD_add_response_header(resp, "Location", location);
    security_headers(resp);
    q->status = status;
    q->bytes = (long long)r.len;
    enum MHD_Result ok = MHD_queue_response(conn, (unsigned)status, resp);
    MHD_destroy_response(resp);
    return ok;
}

/* ---- the token ------------------------------------------------------------ */

static int same(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    unsigned char d = la != lb;
    for (size_t i = 0; i < la && i < lb; i++) d |= (unsigned char)(a[i] ^ b[i]);  /* no early exit */
    return d == 0;
}

static int cookie_token(struct MHD_Connection *conn, const char *token)
{
    const char *v = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, "junheng_token");
    return v && same(v, token);
}

static int authorised(server *S, struct MHD_Connection *conn)
{
    if (!S->token) return 1;
    const char *h = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "X-Junheng-Token");
    if (h && same(h, S->token)) return 1;
    const char *a = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
    if (a && !strncmp(a, "Bearer ", 7) && same(a + 7, S->token)) return 1;
    return cookie_token(conn, S->token);
}

/* Without a token the server answers only pages addressed to this machine:
 * a name another site points at 127.0.0.1 (DNS rebinding) is refused. */
static int host_ok(server *S, struct MHD_Connection *conn)
{
    if (S->token) return 1;
    const char *h = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
    if (!h) return 0;
    size_t n = strcspn(h, ":");
    if (h[0] == '[') n = strcspn(h, "]") + 1;
    return (n == 9 && !strncmp(h, "localhost", 9)) || (n == 5 && !strncmp(h, "[::1]", 5)) ||
           (!strncmp(h, "127.", 4) && n <= 15);
}

static const char login_page[] =
    "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>均衡 · 登录</title>"
    "<link rel=\"stylesheet\" href=\"/style.css\"></head><body class=\"login\"><main>"
    "<h1>均衡 · 县域义务教育均衡发展报告</h1>"
    "<p>此服务器对本机以外的地址开放，需要令牌。令牌由管理员在启动 <code>junheng serve --token-file</code> 时给出。</p>"
    "<form method=\"post\" action=\"/login\"><label>令牌 <input type=\"password\" name=\"token\" autofocus></label>"
    " <button type=\"submit\">登录</button></form>%s</main></body></html>";

static enum MHD_Result login_form(struct MHD_Connection *conn, req *q, int status, const char *note)
{
    char *html = xasprintf(login_page, note ? note : "");
    enum MHD_Result rc = send_html(conn, q, status, html, NULL, NULL);
    free(html);
    return rc;
}

/* ---- uploads --------------------------------------------------------------- */

static enum MHD_Result on_post(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
                               const char *content_type, const char *transfer_encoding, const char *data,
                               uint64_t off, size_t size)
{
    (void)kind; (void)content_type; (void)transfer_encoding; (void)filename;
    req *q = cls;
    if (q->kind == R_LOGIN) {
        if (!strcmp(key, "token") && q->field.len + size < 1024) sb_add(&q->field, data, size);
        return MHD_YES;
    }
    if (q->kind == R_PRACTICES) {
        if (strcmp(key, "text")) return MHD_YES;
        if (q->field.len + size > MAX_PRACTICES) { q->too_big = 1; return MHD_NO; }
        q->have_file = 1;
        sb_add(&q->field, data, size);
        return MHD_YES;
    }
    if (q->kind == R_SETTINGS) {
        /* "section|key" = value; a long value may come in pieces (off > 0) */
        if (off > 0 && q->nedits) {
            setting_edit *e = &q->edits[q->nedits - 1];
            char *v = xasprintf("%s%.*s", e->value, (int)size, data);
            free(e->value);
            e->value = v;
            if (strlen(v) > 4096) q->edits_bad = 1;
            return MHD_YES;
        }
        const char *bar = strchr(key, '|');
        if (!bar || q->nedits >= MAX_EDITS) { q->edits_bad = 1; return MHD_YES; }
        q->edits = xrealloc(q->edits, (size_t)(q->nedits + 1) * sizeof *q->edits);
        setting_edit *e = &q->edits[q->nedits++];
        e->section = xstrndup(key, (size_t)(bar - key));
        e->key = xstrdup(bar + 1);
        e->value = xstrndup(data ? data : "", size);
        return MHD_YES;
    }
    if (strcmp(key, "file")) return MHD_YES;     /* other fields are ignored */
    q->have_file = 1;
    if (off < 4)
        for (size_t i = 0; i < size && off + i < 4; i++) q->head[off + i] = (unsigned char)data[i];
    q->got += (long long)size;
    if (q->got > q->max) { q->too_big = 1; return MHD_NO; }
    for (size_t done = 0; done < size;) {
        ssize_t w = write(q->fd, data + done, size - done);
        if (w < 0) { if (errno == EINTR) continue; q->bad = 1; return MHD_NO; }
        done += (size_t)w;
    }
    return MHD_YES;
}

static void req_free(req *q)
{
    if (q->pp) MHD_destroy_post_processor(q->pp);
    if (q->fd > 0) close(q->fd);
    if (q->tmp) { unlink(q->tmp); outfile_forget(q->tmp); free(q->tmp); }
    sb_free(&q->field);
    for (int i = 0; i < q->nedits; i++) {
        free(q->edits[i].section);
        free(q->edits[i].key);
        free(q->edits[i].value);
    }
    free(q->edits);
    free(q->url);
    free(q);
}

/* ---- routing ------------------------------------------------------------------ */

/* "/api/county/ID/REST": the county and REST ("" when none); NULL county
 * when the id is not one of ours. */
static county *route_county(server *S, const char *url, const char **rest)
{
    const char *p = url + strlen("/api/county/");
    size_t n = strcspn(p, "/");
    *rest = p[n] ? p + n + 1 : "";
    return counties_find(&S->cs, p, n);
}

static const web_asset *asset(const char *url)
{
    if (!strcmp(url, "/")) url = "/index.html";
    for (const web_asset *a = web_assets; a->path; a++)
        if (!strcmp(a->path, url)) return a;
    return NULL;
}

static enum MHD_Result send_asset(struct MHD_Connection *conn, req *q, const web_asset *a)
{
    struct MHD_Response *resp =
        MHD_create_response_from_buffer(a->len, (void *)a->data, MHD_RESPMEM_PERSISTENT);
    if (!resp) return MHD_NO;
    MHD_add_response_header(resp, "Content-Type", a->type);
    security_headers(resp);
    q->status = 200;
    q->bytes = (long long)a->len;
    enum MHD_Result ok = MHD_queue_response(conn, 200, resp);
    MHD_destroy_response(resp);
    return ok;
}

/* A request whose body (if any) has been received. */
static enum MHD_Result dispatch(server *S, struct MHD_Connection *conn, req *q, const char *url)
{
    int get = !strcmp(q->method, "GET") || !strcmp(q->method, "HEAD");
    web_reply r = {0};
    if (q->kind == R_LOGIN) {
        if (S->token && same(sb_str(&q->field), S->token)) {
            char *cookie = xasprintf("junheng_token=%s; Path=/; HttpOnly; SameSite=Strict", S->token);
            enum MHD_Result rc = send_html(conn, q, 303, "", cookie, "/");
            free(cookie);
            return rc;
        }
        return login_form(conn, q, 401, "<p class=\"refused\">令牌不对，请重新输入。</p>");
    }
    if (q->kind == R_UPLOAD) {
        if (q->too_big)
            return send_error(conn, q, 413, "文件太大：上传不能超过 20 MB");
        int finished = q->pp && MHD_destroy_post_processor(q->pp) == MHD_YES;
        q->pp = NULL;
        if (q->bad || !finished || !q->have_file || q->got == 0)
            return send_error(conn, q, 400, "上传的内容不完整或格式不对：请用页面上的“上传”重新选择文件");
        close(q->fd);
        q->fd = -1;
        int xlsx = !memcmp(q->head, "PK\3\4", 4);   /* a workbook is a zip */
        api_uploaded(q->c, q->tmp, xlsx, &r);
        outfile_forget(q->tmp);
        free(q->tmp);
        q->tmp = NULL;
        return send_reply(conn, q, &r);
    }
    if (q->kind == R_SETTINGS) {
        int finished = q->pp && MHD_destroy_post_processor(q->pp) == MHD_YES;
        q->pp = NULL;
        if (!finished || q->edits_bad || q->bad)
            return send_error(conn, q, 400, "设置表单的内容不完整或格式不对");
        api_settings_save(q->c, q->edits, q->nedits, &r);
        return send_reply(conn, q, &r);
    }
    if (q->kind == R_PRACTICES) {
        int finished = q->pp && MHD_destroy_post_processor(q->pp) == MHD_YES;
        q->pp = NULL;
        if (q->too_big) return send_error(conn, q, 413, "做法文字太长：不能超过 1 MB");
        if (!finished || q->bad || !q->have_file)
            return send_error(conn, q, 400, "做法文字的表单不完整或格式不对");
        api_practices_save(q->c, sb_str(&q->field), q->field.len, &r);
        return send_reply(conn, q, &r);
    }
    if (get) {
        const web_asset *a = asset(url);
        if (a) return send_asset(conn, q, a);
        if (!strcmp(url, "/api/counties")) { api_counties(&S->cs, &r); return send_reply(conn, q, &r); }
    }
    if (!strncmp(url, "/api/county/", 12)) {
        const char *rest;
        county *c = route_county(S, url, &rest);
        if (!c) return send_error(conn, q, 404, "没有这个县（区）");
        if (get && !*rest) { api_state(c, &r); return send_reply(conn, q, &r); }
        if (get && !strcmp(rest, "settings")) { api_settings(c, &r); return send_reply(conn, q, &r); }
        if (get && !strcmp(rest, "practices")) { api_practices(c, &r); return send_reply(conn, q, &r); }
        if (get && !strncmp(rest, "file/", 5)) {
            const char *dl = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, "download");
            api_file(c, rest + 5, dl && *dl == '1', &r);
            return send_reply(conn, q, &r);
        }
        if (!get && !strcmp(rest, "accept")) { api_accept(c, &r); return send_reply(conn, q, &r); }
        if (!get && !strcmp(rest, "discard")) { api_discard(c, &r); return send_reply(conn, q, &r); }
        if (!get && !strncmp(rest, "render/", 7)) { api_render(c, rest + 7, &S->pool, &r); return send_reply(conn, q, &r); }
    }
    return send_error(conn, q, 404, "没有这个地址");
}

/* The first call of a request: who may ask what, and how its body is read. */
static enum MHD_Result begin(server *S, struct MHD_Connection *conn, req *q, const char *url)
{
    int get = !strcmp(q->method, "GET") || !strcmp(q->method, "HEAD");
    if (!get && strcmp(q->method, "POST")) return send_error(conn, q, 405, "不支持这种请求方法");
    if (!host_ok(S, conn))
        return send_error(conn, q, 403, "拒绝：Host 不是本机地址（只在本机使用时，请用 http://127.0.0.1 打开）");
    if (!strcmp(url, "/login") || !strcmp(url, "/style.css")) {
        if (!strcmp(url, "/style.css")) return send_asset(conn, q, asset(url));
        if (get) return login_form(conn, q, 200, S->token ? NULL : "<p>本机使用，不需要令牌。<a href=\"/\">进入</a></p>");
        q->kind = R_LOGIN;
    } else if (!authorised(S, conn)) {
        if (get && strncmp(url, "/api/", 5) != 0)   /* a person at the page: to the form */
            return send_html(conn, q, 303, "", NULL, "/login");
        return send_error(conn, q, 401,
                          "需要令牌：此服务器对本机以外开放，请先在 /login 输入令牌，"
                          "或在请求头 X-Junheng-Token 中给出");
    } else if (!get) {
        if (!MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "X-Junheng"))
            return send_error(conn, q, 403, "拒绝：缺少请求头 X-Junheng（防止其他网页代为提交）");
        if (!strncmp(url, "/api/county/", 12)) {
            const char *rest;
            county *c = route_county(S, url, &rest);
            if (!c) return send_error(conn, q, 404, "没有这个县（区）");
            if (!strcmp(rest, "data")) {
                q->kind = R_UPLOAD;
                q->c = c;
                q->max = S->o->max_upload;
            } else if (!strcmp(rest, "settings")) {
                q->kind = R_SETTINGS;
                q->c = c;
            } else if (!strcmp(rest, "practices")) {
                q->kind = R_PRACTICES;
                q->c = c;
            }
        }
    }
    if (q->kind == R_NONE) return MHD_YES;
    const char *len = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (q->kind == R_UPLOAD && len && atoll(len) > q->max + 64 * 1024)   /* a form's own bytes besides the file */
        return send_error(conn, q, 413, "文件太大：上传不能超过 20 MB");
    q->pp = MHD_create_post_processor(conn, 64 * 1024, on_post, q);
    if (!q->pp)
        return send_error(conn, q, 400, "上传格式不对：需要 multipart/form-data（含 boundary）");
    if (q->kind == R_UPLOAD) {
        diag_list dl;
        diag_init(&dl);
        q->tmp = county_upload_tmp(q->c, &q->fd, &dl);
        diag_free(&dl);
        if (!q->tmp) return send_error(conn, q, 500, "县文件夹不可写，无法保存上传");
    }
    return MHD_YES;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                              const char *version, const char *upload_data, size_t *upload_data_size,
                              void **con_cls)
{
    (void)version;
    server *S = cls;
    req *q = *con_cls;
    if (!q) {
        q = xcalloc(1, sizeof *q);
        q->fd = -1;
        clock_gettime(CLOCK_MONOTONIC, &q->t0);
        snprintf(q->method, sizeof q->method, "%s", method);
        q->url = xstrdup(url);
        *con_cls = q;
        const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
        if (ci && ci->socket_context) ++*(int *)ci->socket_context;
        enum MHD_Result rc = begin(S, conn, q, url);
        if (rc == MHD_NO || q->status || q->kind != R_NONE) return rc;
        /* no body to wait for: answer now */
        if (!*upload_data_size) return dispatch(S, conn, q, url);
        return MHD_YES;
    }
    if (q->status) {                     /* already answered (a refusal): drop the body */
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (*upload_data_size) {
        /* a body without a length that runs far past the cap: hang up */
        q->raw += (long long)*upload_data_size;
        if (q->kind == R_UPLOAD && q->raw > q->max + 1024 * 1024) return MHD_NO;
        if ((q->kind == R_LOGIN || q->kind == R_SETTINGS) && q->raw > 256 * 1024) return MHD_NO;
        if (q->kind == R_PRACTICES && q->raw > 4 * MAX_PRACTICES) return MHD_NO;   /* urlencoded: up to 3 bytes a byte */
        if (q->pp && !q->too_big && !q->bad && MHD_post_process(q->pp, upload_data, *upload_data_size) != MHD_YES
            && !q->too_big)
            q->bad = 1;
        *upload_data_size = 0;
        return MHD_YES;
    }
    return dispatch(S, conn, q, url);
}

/* ---- the log ------------------------------------------------------------------- */

static void client_ip(struct MHD_Connection *conn, char ip[INET6_ADDRSTRLEN])
{
    strcpy(ip, "-");
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (ci && ci->client_addr) {
        const struct sockaddr *sa = ci->client_addr;
        if (sa->sa_family == AF_INET) inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, ip, INET6_ADDRSTRLEN);
        else if (sa->sa_family == AF_INET6) inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, ip, INET6_ADDRSTRLEN);
    }
}

static void now_utc(char when[32])
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(when, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void completed(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode toe)
{
    server *S = cls;
    req *q = *con_cls;
    if (!q) return;
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = (double)(t1.tv_sec - q->t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - q->t0.tv_nsec) / 1e6;
    char ip[INET6_ADDRSTRLEN], when[32];
    client_ip(conn, ip);
    now_utc(when);
    pthread_mutex_lock(&S->log_lock);
    fprintf(S->o->log, "%s %s %s %s %d %lld %.0fms%s\n", when, ip, q->method, q->url, q->status, q->bytes, ms,
            toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" :
            toe == MHD_REQUEST_TERMINATED_TIMEOUT_REACHED ? " timeout" : " aborted");
    fflush(S->o->log);
    pthread_mutex_unlock(&S->log_lock);
    req_free(q);
    *con_cls = NULL;
}

/* A connection that closes before any request reached the handler (a
 * request that never finished, a malformed request line) still gets its
 * line: the counter lives in the connection's socket context. */
static void on_connection(void *cls, struct MHD_Connection *conn, void **ctx, enum MHD_ConnectionNotificationCode toe)
{
    server *S = cls;
    if (toe == MHD_CONNECTION_NOTIFY_STARTED) { *ctx = xcalloc(1, sizeof(int)); return; }
    int *requests = *ctx;
    if (requests && *requests == 0) {
        char ip[INET6_ADDRSTRLEN], when[32];
        client_ip(conn, ip);
        now_utc(when);
        pthread_mutex_lock(&S->log_lock);
        fprintf(S->o->log, "%s %s - - 0 0 closed without a complete request\n", when, ip);
        fflush(S->o->log);
        pthread_mutex_unlock(&S->log_lock);
    }
    free(requests);
    *ctx = NULL;
}

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    server *S = cls;
    pthread_mutex_lock(&S->log_lock);
    fputs("junheng serve: ", S->o->log);
    vfprintf(S->o->log, fmt, ap);
    fflush(S->o->log);
    pthread_mutex_unlock(&S->log_lock);
}

/* ---- starting and stopping -------------------------------------------------------- */

/* host:port or [v6]:port into an address; *loopback tells whether only this
 * machine can reach it. */
static int parse_listen(const char *s, struct sockaddr_storage *ss, socklen_t *len, int *loopback, diag_list *dl)
{
    char host[256];
    const char *port;
    if (s[0] == '[') {
        const char *e = strchr(s, ']');
        if (!e || e[1] != ':' || (size_t)(e - s - 1) >= sizeof host) goto bad;
        snprintf(host, sizeof host, "%.*s", (int)(e - s - 1), s + 1);
        port = e + 2;
    } else {
        const char *c = strrchr(s, ':');
        if (!c || (size_t)(c - s) >= sizeof host) goto bad;
        snprintf(host, sizeof host, "%.*s", (int)(c - s), s);
        port = c + 1;
    }
    char *end;
    long p = strtol(port, &end, 10);
    if (!*port || *end || p < 0 || p > 65535) goto bad;
    struct addrinfo hints = {0}, *ai = NULL;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    if (getaddrinfo(host, port, &hints, &ai) != 0 || !ai) goto bad;
    memcpy(ss, ai->ai_addr, ai->ai_addrlen);
    *len = ai->ai_addrlen;
    freeaddrinfo(ai);
    if (ss->ss_family == AF_INET)
        *loopback = (ntohl(((struct sockaddr_in *)ss)->sin_addr.s_addr) >> 24) == 127;
    else
        *loopback = IN6_IS_ADDR_LOOPBACK(&((struct sockaddr_in6 *)ss)->sin6_addr);
    return 0;
bad:
    diag_hint(diag_error(dl, NULL, 0, 0, _("--listen %s: not an address and port"), s),
              _("write HOST:PORT, e.g. 127.0.0.1:8080 or [::1]:8080"));
    return -1;
}

static char *read_token(const char *path, diag_list *dl)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        diag_error(dl, path, 0, 0, _("cannot read the token file: %s"), strerror(errno));
        return NULL;
    }
    char buf[512];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    while (n && isspace((unsigned char)buf[n - 1])) buf[--n] = '\0';
    size_t start = strspn(buf, " \t\r\n");
    int ok = n - start >= 12;
    for (size_t i = start; i < n && ok; i++) ok = isgraph((unsigned char)buf[i]) && buf[i] != ';' && buf[i] != ',';
    if (!ok) {
        diag_hint(diag_error(dl, path, 1, 0, _("the token must be at least 12 printable characters, without spaces, ';' or ','")),
                  _("e.g. head -c 24 /dev/urandom | base64 > %s"), path);
        return NULL;
    }
    return xstrdup(buf + start);
}

int web_serve(const web_opts *o, diag_list *dl)
{
    server S;
    memset(&S, 0, sizeof S);
    S.o = o;
    struct sockaddr_storage ss;
    socklen_t slen;
    if (parse_listen(o->listen, &ss, &slen, &S.loopback, dl) != 0) return -1;
    if (o->token_file && !(S.token = read_token(o->token_file, dl))) return -1;
    if (!S.loopback && !S.token) {
        diag_hint(diag_error(dl, NULL, 0, 0, _("--listen %s is reachable from other machines: a token is required"), o->listen),
                  _("give --token-file FILE (the token the users type in), or listen on 127.0.0.1"));
        return -1;
    }
    if (counties_open(&S.cs, o->root, dl) != 0) { free(S.token); return -1; }
    pool_init(&S.pool, o->jobs);
    pthread_mutex_init(&S.log_lock, NULL);

    /* The signals are taken by sigwait below, in this thread only. */
    sigset_t sigs, old;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    sigaddset(&sigs, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &sigs, &old);
    signal(SIGPIPE, SIG_IGN);

    unsigned flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;
    if (ss.ss_family == AF_INET6) flags |= MHD_USE_IPv6;
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, 0, NULL, NULL, handle, &S,
        MHD_OPTION_EXTERNAL_LOGGER, mhd_log, &S,   /* first, so that every message goes through it */
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)o->timeout,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)256,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(128 * 1024),
        MHD_OPTION_NOTIFY_COMPLETED, completed, &S,
        MHD_OPTION_NOTIFY_CONNECTION, on_connection, &S,
        MHD_OPTION_END);
    int rc = -1;
    if (!d) {
        diag_hint(diag_error(dl, NULL, 0, 0, _("cannot listen on %s: %s"), o->listen, strerror(errno)),
                  _("another program may use the port: choose another with --listen"));
    } else {
        const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
        char host[INET6_ADDRSTRLEN] = "";
        if (ss.ss_family == AF_INET) inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr, host, sizeof host);
        else inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&ss)->sin6_addr, host, sizeof host);
        fprintf(o->log, _("junheng serve: %d county folder(s) in %s; open http://%s%s%s:%u/%s\n"), S.cs.n, o->root,
                ss.ss_family == AF_INET6 ? "[" : "", host, ss.ss_family == AF_INET6 ? "]" : "",
                di ? di->port : 0, S.token ? _(" (a token is needed)") : "");
        fflush(o->log);
        int sig = 0;
        sigwait(&sigs, &sig);
        fprintf(o->log, _("junheng serve: stopping (signal %d)\n"), sig);
        fflush(o->log);
        MHD_stop_daemon(d);
        rc = 0;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_mutex_destroy(&S.log_lock);
    pool_destroy(&S.pool);
    counties_close(&S.cs);
    free(S.token);
    return rc;
}

/* ---- the built-in examples ------------------------------------------------------- */

static int copy_plain(const char *src, const char *dst)
{
    FILE *in = fopen(src, "rb");
    if (!in) return -1;
    char *tmp = xasprintf("%s.part", dst);
    FILE *out = fopen(tmp, "wb");
    int bad = !out;
    char buf[65536];
    size_t n;
    while (!bad && (n = fread(buf, 1, sizeof buf, in)) > 0) bad = fwrite(buf, 1, n, out) != n;
    fclose(in);
    if (out && fclose(out) != 0) bad = 1;
    if (!bad) bad = rename(tmp, dst) != 0;
    if (bad) unlink(tmp);
    free(tmp);
    return bad ? -1 : 0;
}

char *web_examples_root(diag_list *dl)
{
    char *ini = share_find("data/tongdao-2019/report.ini");
    if (!ini) {
        diag_hint(diag_error(dl, NULL, 0, 0, _("cannot find the built-in examples")),
                  _("give --root FOLDER with one folder per county, or reinstall junheng"));
        return NULL;
    }
    char *data = xstrndup(ini, strlen(ini) - strlen("/tongdao-2019/report.ini"));
    free(ini);
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    char *root = xdg && *xdg ? xasprintf("%s/junheng/workbench", xdg)
               : xasprintf("%s/.local/share/junheng/workbench", home && *home ? home : ".");
    if (make_dirs(root, dl) != 0) { free(data); free(root); return NULL; }
    DIR *d = opendir(data);
    for (struct dirent *e; d && (e = readdir(d));) {
        if (e->d_name[0] == '.') continue;
        char *src = xasprintf("%s/%s", data, e->d_name), *dst = xasprintf("%s/%s", root, e->d_name);
        struct stat st;
        /* a county copied before keeps the user's changes */
        if (stat(src, &st) == 0 && S_ISDIR(st.st_mode) && stat(dst, &st) != 0 && make_dirs(dst, dl) == 0) {
            DIR *f = opendir(src);
            for (struct dirent *g; f && (g = readdir(f));) {
                char *a = xasprintf("%s/%s", src, g->d_name), *b = xasprintf("%s/%s", dst, g->d_name);
                if (stat(a, &st) == 0 && S_ISREG(st.st_mode) && copy_plain(a, b) != 0)
                    diag_warning(dl, b, 0, 0, _("cannot copy the example file"));
                free(a);
                free(b);
            }
            if (f) closedir(f);
        }
        free(src);
        free(dst);
    }
    if (d) closedir(d);
    free(data);
    return root;
}
