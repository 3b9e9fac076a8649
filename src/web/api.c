/* api — see api.h. */
#include "web/api.h"
#include "app/app.h"
#include "common/fileio.h"
#include "common/i18n.h"
#include "common/json.h"
#include "common/outfile.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "document/doc.h"
#include "document/value.h"
#include "web/html.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>

/* ---- JSON through common/json ------------------------------------------------ */

/* s with every byte that does not start a valid UTF-8 sequence replaced by
 * '?': a message quoting a file's bytes must not break the answer (the
 * writer refuses text that is not UTF-8).  Owned. */
static char *utf8_clean(const char *s)
{
    char *o = xstrdup(s);
    unsigned char *p = (unsigned char *)o;
    while (*p) {
        int k = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 0;
        int ok = k > 0;
        for (int i = 1; ok && i < k; i++) ok = (p[i] & 0xC0) == 0x80;
        if (!ok) { *p++ = '?'; continue; }
        p += k;
    }
    return o;
}

static void jstr(json_writer *g, const char *s)
{
    if (!s) { json_null(g); return; }
    char *c = utf8_clean(s);
    json_str(g, c);
    free(c);
}

static void jkey(json_writer *g, const char *k) { json_key(g, k); }
static void jkstr(json_writer *g, const char *k, const char *v) { jkey(g, k); jstr(g, v); }
static void jkint(json_writer *g, const char *k, long long v) { json_kint(g, k, v); }
static void jkbool(json_writer *g, const char *k, int v) { json_kbool(g, k, v); }

/* A writer appending to b; jdone finishes and frees it. */
static json_writer *jnew(strbuf *b) { return json_new_strbuf(b); }
static void jdone(json_writer *g) { json_finish(g); json_free(g); }

static void reply_json(web_reply *r, int status, strbuf *b)
{
    r->status = status;
    r->type = "application/json; charset=utf-8";
    r->len = b->len;
    r->body = sb_take(b);
}

void reply_free(web_reply *r)
{
    free(r->body);
    free(r->file);
    free(r->disposition);
    memset(r, 0, sizeof *r);
}

void api_error(web_reply *r, int status, const char *msg)
{
    strbuf b = STRBUF_INIT;
    json_writer *g = jnew(&b);
    json_obj(g);
    jkstr(g, "error", msg);
    json_obj_end(g);
    jdone(g);
    reply_json(r, status, &b);
}

static const char *base_name(const char *p)
{
    const char *s = p ? strrchr(p, '/') : NULL;
    return s ? s + 1 : p;
}

/* ---- diagnostics with their place in the table ------------------------------- */

/* The table column a loader message names: it quotes the column's English
 * key and its Chinese name ("column 'students' (在校生数)", "“在校生数”（students）列"). */
static int column_of(const web_table *t, const char *msg)
{
    if (!t->n) return -1;
    for (int f = 0; f < JH_NFIELDS; f++) {
        char k[4][96];
        snprintf(k[0], sizeof k[0], "'%s'", jh_fields[f].key);
        snprintf(k[1], sizeof k[1], "（%s）", jh_fields[f].key);
        snprintf(k[2], sizeof k[2], "“%s”", jh_fields[f].label);
        snprintf(k[3], sizeof k[3], "(%s)", jh_fields[f].label);
        int named = 0;
        for (int i = 0; i < 4 && !named; i++) named = strstr(msg, k[i]) != NULL;
        if (!named) continue;
        for (int c = 0; c < t->ncols[0]; c++) {
            const char *h = t->rows[0][c];
            if (!strcasecmp(h, jh_fields[f].key) || !strcmp(h, jh_fields[f].label)) return c;
        }
    }
    return -1;
}

static int row_of(const web_table *t, int line)
{
    for (int r = 0; r < t->n && line > 0; r++)
        if (t->line[r] == line) return r;
    return -1;
}

/* A workbook's place "book.xlsx: 学校!F12": row 12 and column F (0-based
 * 5).  0 when the place is not a cell. */
static int cell_ref(const char *file, int *row, int *col)
{
    const char *bang = file ? strrchr(file, '!') : NULL;
    if (!bang) return 0;
    const char *p = bang + 1;
    int c = 0, r = 0;
    for (; *p >= 'A' && *p <= 'Z'; p++) c = c * 26 + (*p - 'A' + 1);
    for (; *p >= '0' && *p <= '9'; p++) r = r * 10 + (*p - '0');
    if (!c || !r || *p) return 0;
    *row = r;
    *col = c - 1;
    return 1;
}

static void diags_json(json_writer *g, const diag_list *dl, diag_level lv, const web_table *t)
{
    json_arr(g);
    for (int i = 0; i < dl->n; i++) {
        const diag *d = &dl->items[i];
        if (d->level != lv) continue;
        json_obj(g);
        jkstr(g, "file", base_name(d->file));
        jkint(g, "line", d->line);
        jkint(g, "col", d->col);
        jkstr(g, "msg", d->msg);
        jkstr(g, "hint", d->hint);
        int row = -1, column = -1, wrow, wcol;
        if (t && cell_ref(d->file, &wrow, &wcol)) {          /* a workbook cell */
            row = row_of(t, wrow);
            column = row >= 0 ? wcol : -1;
        } else if (t) {                                     /* a CSV line, the column named */
            row = row_of(t, d->line);
            column = row >= 0 ? column_of(t, d->msg) : -1;
        }
        jkint(g, "row", row);
        jkint(g, "column", column);
        json_obj_end(g);
    }
    if (dl->dropped) {
        json_obj(g);
        char m[96];
        snprintf(m, sizeof m, "……另有 %d 个问题未列出", dl->dropped);
        jkstr(g, "msg", m);
        jkint(g, "row", -1);
        json_obj_end(g);
    }
    json_arr_end(g);
}

/* ---- one version of the data: table, problems, figures ------------------------ */

static const char *ctx_str(const tv_value *ctx, const char *path)
{
    const char *s = tv_str(tv_lookup(ctx, path));
    return s ? s : "";
}

/* One line per 学段: the compliance count and the balance verdict, worded
 * from the report's own (formatted) context. */
static void verdicts_json(json_writer *g, const tv_value *ctx)
{
    json_arr(g);
    int basic = tv_yes(tv_lookup(ctx, "basic"));
    for (int l = 0; l < JH_NLEVELS; l++) {
        char p[64];
        const char *key = level_key((jh_level)l);
#define CX(name) (snprintf(p, sizeof p, "%s.%s", key, name), ctx_str(ctx, p))
        if (!strcmp(CX("schools"), "") || !strcmp(CX("schools"), "0")) continue;
        snprintf(p, sizeof p, "%s.balanced", key);
        int ok = tv_yes(tv_lookup(ctx, p));
        strbuf b = STRBUF_INIT;
        sb_printf(&b, "%s %s 所：全部达标 %s 所（%s%%）；", CX("name"), CX("schools"), CX("all_met"), CX("all_rate"));
        if (basic) sb_printf(&b, "综合差异系数 %s（标准 ≤ %s），", CX("composite_cv"), CX("max_cv"));
        else sb_printf(&b, "各项差异系数标准 ≤ %s，", CX("max_cv"));
        sb_printf(&b, "%s%s", ok ? "达到" : "未达到", ctx_str(ctx, "scheme.name"));
#undef CX
        json_obj(g);
        jkstr(g, "text", sb_str(&b));
        jkbool(g, "ok", ok);
        json_obj_end(g);
        sb_free(&b);
    }
    json_arr_end(g);
}

static void table_json(json_writer *g, const web_table *t)
{
    json_arr(g);
    for (int r = 0; r < t->n; r++) {
        json_obj(g);
        jkint(g, "line", t->line[r]);
        jkey(g, "cells");
        json_arr(g);
        for (int c = 0; c < t->ncols[r]; c++) jstr(g, t->rows[r][c]);
        json_arr_end(g);
        json_obj_end(g);
    }
    json_arr_end(g);
}

/* Load the county with `data` (NULL: the INI's file) and describe it.  The
 * loaded inputs stay in *in for a diff (app_free by the caller). */
static void version_json(county *c, const char *data, app_inputs *in, strbuf *out)
{
    diag_list dl;
    diag_init(&dl);
    char *path = data ? xstrdup(data) : county_data_path(c, 0, &dl);
    web_table t;
    memset(&t, 0, sizeof t);
    diag_list tdl;
    diag_init(&tdl);
    app_check(c->ini, data, in, &dl);
    if (path) web_table_read(path, in->cfg ? in->cfg->sheet : NULL, &t, &tdl);
    doc *d = NULL;
    tv_value *ctx = NULL;
    if (!dl.errors && in->fig) {
        d = app_report_doc(in, &ctx, &dl);
    }
    json_writer *g = jnew(out);
    json_obj(g);
    jkstr(g, "file", base_name(path));
    jkstr(g, "encoding", in->schools ? in->schools->encoding : t.encoding);
    jkbool(g, "ok", dl.errors == 0);
    jkey(g, "rows");
    table_json(g, &t);
    jkey(g, "errors");
    diags_json(g, &dl, DIAG_ERROR, &t);
    jkey(g, "warnings");
    diags_json(g, &dl, DIAG_WARNING, &t);
    if (d) {
        strbuf h = STRBUF_INIT;
        html_doc_figures(&h, d);
        jkstr(g, "figures_html", sb_str(&h));
        sb_free(&h);
        jkey(g, "verdicts");
        verdicts_json(g, ctx);
        jkstr(g, "title", ctx_str(ctx, "title"));
    }
    json_obj_end(g);
    jdone(g);
    doc_free(d);
    tv_free(ctx);
    web_table_free(&t);
    diag_free(&tdl);
    diag_free(&dl);
    free(path);
}

void api_state(county *c, web_reply *r)
{
    strbuf b = STRBUF_INIT;
    app_inputs cur, pen;
    memset(&pen, 0, sizeof pen);
    char *pending = county_pending(c);
    json_writer *g = jnew(&b);
    json_obj(g);
    jkstr(g, "id", c->id);
    jkstr(g, "ini", base_name(c->ini));
    diag_list idl;
    diag_init(&idl);
    jh_ini *ini = ini_load(c->ini, &idl);   /* the name, even when the data has errors */
    jkstr(g, "county", ini ? ini_get_str(ini, "report", "county", NULL) : NULL);
    jkstr(g, "year", ini ? ini_get_str(ini, "report", "year", NULL) : NULL);
    ini_free(ini);
    diag_free(&idl);
    json_obj_end(g);
    jdone(g);
    b.s[--b.len] = '\0';                       /* reopen the object */
    sb_puts(&b, ",\"current\":");
    version_json(c, NULL, &cur, &b);
    sb_puts(&b, ",\"pending\":");
    if (pending) version_json(c, pending, &pen, &b);
    else sb_puts(&b, "null");
    sb_puts(&b, ",\"diff\":");
    if (pending && cur.fig && pen.fig) {
        jh_diff d;
        compare_figures(cur.fig, pen.fig, &d);
        json_writer *w = json_new_strbuf(&b);
        app_diff_json(w, &d);
        json_free(w);
        compare_free(&d);
    } else {
        sb_puts(&b, "null");
    }
    sb_puts(&b, ",\"outputs\":{");
    static const char *const outs[] = {"report.pdf", "sheets.pdf", "sheets.zip", "figures.csv", "figures.xlsx", NULL};
    for (int i = 0; outs[i]; i++) {
        char *p = county_output(c, outs[i]);
        struct stat st;
        sb_printf(&b, "%s\"%s\":%s", i ? "," : "", outs[i], stat(p, &st) == 0 ? "true" : "false");
        free(p);
    }
    sb_puts(&b, "}}");
    app_free(&cur);
    app_free(&pen);
    free(pending);
    reply_json(r, 200, &b);
}

void api_counties(counties *cs, web_reply *r)
{
    counties_rescan(cs);
    strbuf b = STRBUF_INIT;
    json_writer *g = jnew(&b);
    json_arr(g);
    pthread_mutex_lock(&cs->lock);
    int n = cs->n;
    pthread_mutex_unlock(&cs->lock);
    for (int i = 0; i < n; i++) {
        county *c = cs->items[i];
        diag_list dl;
        diag_init(&dl);
        jh_ini *ini = ini_load(c->ini, &dl);
        json_obj(g);
        jkstr(g, "id", c->id);
        jkstr(g, "county", ini ? ini_get_str(ini, "report", "county", NULL) : NULL);
        jkstr(g, "year", ini ? ini_get_str(ini, "report", "year", NULL) : NULL);
        char *p = county_pending(c);
        jkbool(g, "has_pending", p != NULL);
        free(p);
        json_obj_end(g);
        ini_free(ini);
        diag_free(&dl);
    }
    json_arr_end(g);
    jdone(g);
    reply_json(r, 200, &b);
}

/* An answer that carries diagnostics and the state after the change. */
static void state_or_error(county *c, int ok, diag_list *dl, web_reply *r)
{
    if (ok) { api_state(c, r); return; }
    strbuf b = STRBUF_INIT;
    for (int i = 0; i < dl->n; i++) {
        if (i) sb_puts(&b, "\n");
        sb_puts(&b, dl->items[i].msg);
        if (dl->items[i].hint) sb_printf(&b, "（%s）", dl->items[i].hint);
    }
    api_error(r, 409, sb_str(&b));
    sb_free(&b);
}

void api_uploaded(county *c, const char *tmp, int xlsx, web_reply *r)
{
    diag_list dl;
    diag_init(&dl);
    int ok = county_save_pending(c, tmp, xlsx ? "xlsx" : "csv", &dl) == 0;
    state_or_error(c, ok, &dl, r);
    diag_free(&dl);
}

void api_accept(county *c, web_reply *r)
{
    diag_list dl;
    diag_init(&dl);
    char *switched = NULL;
    int ok = county_accept(c, &switched, &dl) == 0;
    if (ok && switched) ok = settings_set_data_file(c, switched, &dl) == 0;
    free(switched);
    state_or_error(c, ok, &dl, r);
    diag_free(&dl);
}

void api_discard(county *c, web_reply *r)
{
    diag_list dl;
    diag_init(&dl);
    int ok = county_discard(c, &dl) == 0;
    state_or_error(c, ok, &dl, r);
    diag_free(&dl);
}

/* ---- renders ------------------------------------------------------------------ */

/* Every file of dir into a zip at path (through a temporary name). */
static int zip_dir(const char *dir, const char *path, diag_list *dl)
{
    char *tmp = xasprintf("%s.part", path);
    int err = 0;
    unlink(tmp);
    zip_t *z = zip_open(tmp, ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!z) { diag_error(dl, path, 0, 0, _("cannot create the zip file")); free(tmp); return -1; }
    DIR *d = opendir(dir);
    int bad = !d;
    for (struct dirent *e; d && (e = readdir(d));) {
        if (e->d_name[0] == '.') continue;
        char *f = xasprintf("%s/%s", dir, e->d_name);
        zip_source_t *src = zip_source_file(z, f, 0, -1);
        if (!src || zip_file_add(z, e->d_name, src, ZIP_FL_ENC_UTF_8) < 0) {
            if (src) zip_source_free(src);
            bad = 1;
        }
        free(f);
    }
    if (d) closedir(d);
    if (bad) { zip_discard(z); unlink(tmp); }
    else if (zip_close(z) != 0) { zip_discard(z); bad = 1; unlink(tmp); }
    else if (rename(tmp, path) != 0) { bad = 1; unlink(tmp); }
    if (bad) diag_error(dl, path, 0, 0, _("cannot write the zip file"));
    free(tmp);
    return bad ? -1 : 0;
}

static void remove_dir(const char *dir)
{
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        char *f = xasprintf("%s/%s", dir, e->d_name);
        unlink(f);
        free(f);
    }
    if (d) closedir(d);
    rmdir(dir);
}

static int render(county *c, const char *what, app_inputs *in, const char **name, int *pages, diag_list *dl)
{
    if (make_dirs(c->work, dl) != 0) return -1;
    if (!strcmp(what, "report")) {
        *name = "report.pdf";
        char *p = county_output(c, *name);
        int rc = app_report(in, p, NULL, NULL, pages, dl);
        free(p);
        return rc;
    }
    if (!strcmp(what, "sheets") || !strcmp(what, "zip")) {
        int zip = !strcmp(what, "zip");
        *name = zip ? "sheets.zip" : "sheets.pdf";
        char *p = county_output(c, *name);
        char *tmpdir = zip ? xasprintf("%s/.sheets-XXXXXX", c->work) : NULL;
        int rc = -1;
        if (zip && !mkdtemp(tmpdir)) {
            diag_error(dl, c->work, 0, 0, _("cannot create a folder here: %s"), strerror(errno));
        } else {
            app_sheets_opts o = {NULL, 0, 1, zip ? NULL : p, tmpdir, 0, 0};
            app_sheets_result res;
            rc = app_sheets(in, &o, &res, dl);
            *pages = res.written;
            if (rc == 0 && zip) rc = zip_dir(tmpdir, p, dl);
            if (zip) remove_dir(tmpdir);
        }
        free(tmpdir);
        free(p);
        return rc;
    }
    if (!strcmp(what, "figures")) {
        *name = "figures.csv";
        char *p = county_output(c, *name);
        outfile o;
        int rc = -1;
        if (outfile_open(&o, p, dl) == 0) {
            app_figures_csv(o.f, in->fig);
            rc = outfile_commit(&o, dl);
        }
        free(p);
        return rc;
    }
    if (!strcmp(what, "xlsx")) {
        *name = "figures.xlsx";
        char *p = county_output(c, *name);
        int rc = app_figures_xlsx(in->fig, p, dl);
        free(p);
        return rc;
    }
    diag_error(dl, NULL, 0, 0, _("unknown render"));
    return -1;
}

void pool_init(web_pool *p, int jobs)
{
    pthread_mutex_init(&p->m, NULL);
    pthread_cond_init(&p->c, NULL);
    p->next = p->serving = 0;
    p->free = jobs > 0 ? jobs : 1;
}

void pool_destroy(web_pool *p)
{
    pthread_cond_destroy(&p->c);
    pthread_mutex_destroy(&p->m);
}

static void pool_enter(web_pool *p)
{
    pthread_mutex_lock(&p->m);
    unsigned long me = p->next++;
    while (me != p->serving || p->free == 0) pthread_cond_wait(&p->c, &p->m);
    p->serving++;
    p->free--;
    pthread_cond_broadcast(&p->c);   /* the next ticket may go too if a place is free */
    pthread_mutex_unlock(&p->m);
}

static void pool_leave(web_pool *p)
{
    pthread_mutex_lock(&p->m);
    p->free++;
    pthread_cond_broadcast(&p->c);
    pthread_mutex_unlock(&p->m);
}

void api_render(county *c, const char *what, web_pool *pool, web_reply *r)
{
    if (strcmp(what, "report") && strcmp(what, "sheets") && strcmp(what, "zip") && strcmp(what, "figures") &&
        strcmp(what, "xlsx")) {
        api_error(r, 404, "没有这种输出（可用 report、sheets、zip、figures、xlsx）");
        return;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pool_enter(pool);   /* wait for a place: renders queue */
    diag_list dl;
    diag_init(&dl);
    app_inputs in;
    const char *name = NULL;
    int pages = 0, ok = 0;
    if (app_load(c->ini, NULL, &in, &dl) == 0) ok = render(c, what, &in, &name, &pages, &dl) == 0;
    app_free(&in);
    pool_leave(pool);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    strbuf b = STRBUF_INIT;
    json_writer *g = jnew(&b);
    json_obj(g);
    jkbool(g, "ok", ok);
    jkstr(g, "file", ok ? name : NULL);
    jkint(g, "count", pages);
    jkint(g, "ms", (long long)((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000));
    jkey(g, "errors");
    diags_json(g, &dl, DIAG_ERROR, NULL);
    jkey(g, "warnings");
    diags_json(g, &dl, DIAG_WARNING, NULL);
    json_obj_end(g);
    jdone(g);
    reply_json(r, ok ? 200 : 422, &b);
    diag_free(&dl);
}

/* RFC 5987: the UTF-8 name percent-encoded. */
static void pct(strbuf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-._", *p))
            sb_putc(b, (char)*p);
        else
            sb_printf(b, "%%%02X", *p);
    }
}

void api_file(county *c, const char *name, int download, web_reply *r)
{
    char *p = county_output(c, name);
    struct stat st;
    if (!p || stat(p, &st) != 0) {
        free(p);
        api_error(r, 404, "还没有生成这个文件：请先点“生成”");
        return;
    }
    const char *ext = strrchr(name, '.');
    r->status = 200;
    r->type = !strcmp(ext, ".pdf") ? "application/pdf"
            : !strcmp(ext, ".zip") ? "application/zip"
            : !strcmp(ext, ".csv") ? "text/csv; charset=utf-8"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    r->file = p;
    /* the saved name says whose and what: 通道侗族自治县-report.pdf */
    diag_list dl;
    diag_init(&dl);
    jh_ini *ini = ini_load(c->ini, &dl);
    const char *county = ini ? ini_get_str(ini, "report", "county", NULL) : NULL;
    const char *year = ini ? ini_get_str(ini, "report", "year", NULL) : NULL;
    strbuf fn = STRBUF_INIT;
    sb_printf(&fn, "%s-%s-%s", county ? county : c->id, year ? year : "", name);
    strbuf h = STRBUF_INIT;
    sb_printf(&h, "%s; filename=\"%s\"; filename*=UTF-8''", download ? "attachment" : "inline", name);
    pct(&h, sb_str(&fn));
    r->disposition = sb_take(&h);
    sb_free(&fn);
    ini_free(ini);
    diag_free(&dl);
}

void api_settings(county *c, web_reply *r)
{
    strbuf b = STRBUF_INIT;
    json_writer *g = jnew(&b);
    settings_json(c, g);
    jdone(g);
    reply_json(r, 200, &b);
}

void api_settings_save(county *c, const setting_edit *e, int n, web_reply *r)
{
    diag_list dl;
    diag_init(&dl);
    if (settings_save(c, e, n, &dl) == 0) {
        api_state(c, r);
    } else {
        strbuf b = STRBUF_INIT;
        json_writer *g = jnew(&b);
        json_obj(g);
        jkstr(g, "error", "设置没有保存：新的设置有问题（见下）");
        jkey(g, "errors");
        diags_json(g, &dl, DIAG_ERROR, NULL);
        json_obj_end(g);
        jdone(g);
        reply_json(r, 422, &b);
    }
    diag_free(&dl);
}

void api_practices(county *c, web_reply *r)
{
    char *path = xasprintf("%s/practices.md", c->dir);
    diag_list dl;
    diag_init(&dl);
    struct stat st;
    int exists = stat(path, &st) == 0;
    size_t len = 0;
    char *text = exists ? file_read(path, _("the practices text"), FILE_CAP_TEXT, &len, &dl) : NULL;
    strbuf b = STRBUF_INIT;
    json_writer *g = jnew(&b);
    json_obj(g);
    jkstr(g, "file", "practices.md");
    jkbool(g, "exists", exists);
    jkstr(g, "text", text ? text : "");
    if (dl.n) jkstr(g, "error", dl.items[0].msg);
    json_obj_end(g);
    jdone(g);
    reply_json(r, 200, &b);
    free(text);
    free(path);
    diag_free(&dl);
}

void api_practices_save(county *c, const char *text, size_t len, web_reply *r)
{
    char *clean = utf8_clean(text);
    if (strlen(clean) != len || strcmp(clean, text)) {
        free(clean);
        api_error(r, 400, "做法文字须为 UTF-8 文本");
        return;
    }
    free(clean);
    char *path = xasprintf("%s/practices.md", c->dir);
    diag_list dl;
    diag_init(&dl);
    outfile o;
    int ok = 0;
    pthread_mutex_lock(&c->lock);
    if (outfile_open(&o, path, &dl) == 0) {
        if (fwrite(text, 1, len, o.f) == len) ok = outfile_commit(&o, &dl) == 0;
        else outfile_abort(&o);
    }
    pthread_mutex_unlock(&c->lock);
    if (ok) api_practices(c, r);
    else api_error(r, 500, "无法保存 practices.md");
    free(path);
    diag_free(&dl);
}
