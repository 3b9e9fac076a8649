/* app: the per-school summary sheets — see app.h.
 *
 * One PDF per school: each sheet is laid out and written on its own, on
 * o->jobs threads, with fonts subset for exactly what that sheet draws
 * (pdf_write always does).  What sheets share is the fontset: its HarfBuzz
 * faces, with the table accelerators HarfBuzz builds on first use, serve
 * every sheet.  Nothing else is kept between schools: memory stays flat.
 *
 * Combined: one pass.  Each sheet is laid out once, appended to the PDF
 * (pdf_add turns its pages into compressed streams at once) and freed, so
 * memory grows only by libharu's small per-page objects; the fonts are cut
 * down to the union and embedded at the end (pdf_finish).  A school that
 * cannot be set (a character no font has) is left out and reported.
 *
 * A school that fails is reported with its code and skipped; the others are
 * still written.
 */
#include "app/app.h"
#include "common/fileio.h"
#include "common/i18n.h"
#include "common/outfile.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "compose/compose.h"
#include "layout/layout.h"
#include "layout/style.h"
#include "pdf/pdf.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct job {
    const jh_figures *fig;
    const layout_style *st;
    fontset *fs;
    const char *tpl, *tpl_path;
    size_t tpl_len;
    const char **codes;
    int n;
    char **paths;          /* per school: output file (per-file mode) */
    diag_list *diags;      /* per school */
    int *failed;           /* per school */
    int write;             /* 0: lay out only (record glyphs); 1: also write the file */
    atomic_int next, done;
    int progress;          /* draw a progress bar */
    pthread_mutex_t io;
    struct timespec t0;
} job;

static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static void draw_progress(job *J, int done)
{
    if (!J->progress) return;
    int w = 30, fill = J->n ? done * w / J->n : w;
    double s = seconds_since(&J->t0);
    pthread_mutex_lock(&J->io);
    fprintf(stderr, _("\r%s [%.*s%*s] %d/%d sheets  %.0f/s "), J->write ? _("writing") : _("checking"), fill,
            "##############################", w - fill, "", done, J->n, s > 0 ? done / s : 0);
    pthread_mutex_unlock(&J->io);
}

/* Lay out school i and, when J->write, write its file.  Errors go to the school's list. */
static void one(job *J, int i)
{
    diag_list *dl = &J->diags[i];
    doc *d = sheet_doc(J->fig, J->codes[i], J->tpl, J->tpl_len, J->tpl_path, dl);
    layout *lo = d ? layout_doc(d, J->st, J->fs, dl) : NULL;
    if (lo && J->write && pdf_write(lo, J->fs, PDF_FAST, J->paths[i], dl) != 0) J->failed[i] = 1;
    if (!lo) J->failed[i] = 1;
    layout_free(lo);
    doc_free(d);
}

static void *worker(void *arg)
{
    job *J = arg;
    for (;;) {
        int i = atomic_fetch_add(&J->next, 1);
        if (i >= J->n) break;
        if (!J->failed[i]) one(J, i);
        int done = atomic_fetch_add(&J->done, 1) + 1;
        if (done % 8 == 0 || done == J->n) draw_progress(J, done);
    }
    return NULL;
}

static void run_pass(job *J, int write, int jobs)
{
    J->write = write;
    atomic_store(&J->next, 0);
    atomic_store(&J->done, 0);
    if (jobs <= 1 || J->n <= 1) { worker(J); return; }
    pthread_t *t = xcalloc((size_t)jobs, sizeof *t);
    for (int k = 0; k < jobs; k++) pthread_create(&t[k], NULL, worker, J);
    for (int k = 0; k < jobs; k++) pthread_join(t[k], NULL);
    free(t);
}

/* A file name from code and name that every filesystem accepts. */
char *app_sheet_file(const char *dir, const char *code, const char *name)
{
    strbuf b = STRBUF_INIT;
    sb_printf(&b, "%s/", dir);
    size_t start = b.len;
    sb_printf(&b, "%s-%s", code, name);
    for (size_t i = start; i < b.len; i++) {
        unsigned char c = (unsigned char)b.s[i];
        if (c < 0x20 || strchr("/\\:*?\"<>|", c) || (i == start && c == '.')) b.s[i] = '_';
    }
    if (b.len - start > 200) {   /* keep whole UTF-8 characters */
        size_t cut = start + 200;
        while (cut > start && ((unsigned char)b.s[cut] & 0xC0) == 0x80) cut--;
        b.len = cut;
        b.s[cut] = '\0';
    }
    sb_puts(&b, ".pdf");
    return sb_take(&b);
}

/* A sheet is a form, not a 公文: narrower margins and 五号 type, so that a
 * school (both parts of a mixed school) fits one page. */
static void sheet_style(layout_style *st)
{
    st->margin_top = 18;
    st->margin_left = 20;
    st->area_w = st->page_w - 40;
    st->area_h = st->page_h - 36;
    st->body_size = 10.5;
    st->title_size = 16;
    st->table_size = 9;
    st->chart_size = 8;
    st->chart_height = 32;
    st->chars = (int)(st->area_w / (10.5 * 25.4 / 72));
    st->lines = (int)(st->area_h / (10.5 * 1.55 * 25.4 / 72));
    st->page_numbers = 0;
    /* A sheet is a form read at 五号: one 黑 face serves it well, and every
     * face costs each PDF a font program to compress and libharu a 65,536-
     * entry CID map.  Roles the INI sets keep their faces. */
    const font_spec *hei = &st->font[ROLE_HEADING1];
    for (int r = 0; r < ROLE_COUNT; r++) {
        font_spec *f = &st->font[r];
        if (f->where || r == ROLE_HEADING1 || !hei->path) continue;
        free(f->path);
        f->path = xstrdup(hei->path);
        f->index = hei->index;
    }
}

/* Keep the codes the user asked for; unknown ones are errors. */
static int select_codes(const char **all, int n, const char *const *want, int nwant, const char ***out,
                        diag_list *dl)
{
    if (!nwant) { *out = all; return n; }
    const char **sel = xcalloc((size_t)nwant + 1, sizeof *sel);
    int k = 0;
    for (int w = 0; w < nwant; w++) {
        int found = 0;
        for (int i = 0; i < n && !found; i++)
            if (!strcmp(all[i], want[w])) { sel[k++] = all[i]; found = 1; }
        if (!found)
            diag_hint(diag_error(dl, NULL, 0, 0, _("--school %s: no school has this code"), want[w]),
                      _("use the 学校代码 column of the school data"));
    }
    free(all);
    *out = sel;
    return k;
}

/* Combined: sheets are laid out by -j threads a few ahead of the one writer,
 * which appends them to the PDF in school order.  A window of slots bounds
 * what is held: memory stays flat in the number of schools. */
typedef struct laid {
    layout *lo;          /* NULL: the school failed (see its diagnostics) */
    char *author, *date; /* the sheet's, for the PDF's metadata */
    int ready;
} laid;

typedef struct pipeline {
    job *J;
    laid *slot;          /* school i in slot i % window */
    int window, next, consumed, stop;
    pthread_mutex_t mu;
    pthread_cond_t cv;
} pipeline;

/* School i laid out once, with a bookmark naming it. */
static void lay_one(job *J, int i, laid *out)
{
    diag_list *sdl = &J->diags[i];
    doc *d = sheet_doc(J->fig, J->codes[i], J->tpl, J->tpl_len, J->tpl_path, sdl);
    out->lo = NULL;
    out->author = out->date = NULL;
    if (!d) return;
    out->author = d->author ? xstrdup(d->author) : NULL;
    out->date = d->date ? xstrdup(d->date) : NULL;
    const jh_part_figures *p = NULL;
    for (int l = 0; l < JH_NLEVELS && !p; l++) p = figures_part(J->fig, J->codes[i], (jh_level)l);
    doc *one = doc_new(NULL);
    char *mark = xasprintf("%s %s", J->codes[i], p->school->name);
    doc_add_bookmark(one, 0, mark);
    free(mark);
    doc_append(one, d);   /* frees d */
    out->lo = layout_doc(one, J->st, J->fs, sdl);
    doc_free(one);
}

static void *lay_worker(void *arg)
{
    pipeline *P = arg;
    pthread_mutex_lock(&P->mu);
    for (;;) {
        while (!P->stop && P->next < P->J->n && P->next >= P->consumed + P->window)
            pthread_cond_wait(&P->cv, &P->mu);
        if (P->stop || P->next >= P->J->n) break;
        int i = P->next++;
        pthread_mutex_unlock(&P->mu);
        laid got;
        lay_one(P->J, i, &got);
        pthread_mutex_lock(&P->mu);
        got.ready = 1;
        P->slot[i % P->window] = got;
        pthread_cond_broadcast(&P->cv);
    }
    pthread_mutex_unlock(&P->mu);
    return NULL;
}

/* One PDF with every sheet, a bookmark per school, written as it goes. */
static int write_combined(job *J, const char *path, int jobs, diag_list *dl)
{
    pipeline P = {.J = J, .window = 4 * jobs};
    P.slot = xcalloc((size_t)P.window, sizeof *P.slot);
    pthread_mutex_init(&P.mu, NULL);
    pthread_cond_init(&P.cv, NULL);
    int nt = jobs > 1 ? jobs : 0;
    pthread_t *t = xcalloc((size_t)(nt ? nt : 1), sizeof *t);
    for (int k = 0; k < nt; k++) pthread_create(&t[k], NULL, lay_worker, &P);

    pdf_doc *pd = pdf_begin(J->fs, PDF_FAST, dl);
    int any = 0, rc = 0;
    for (int i = 0; i < J->n; i++) {
        laid cur;
        if (nt) {
            pthread_mutex_lock(&P.mu);
            while (!P.slot[i % P.window].ready) pthread_cond_wait(&P.cv, &P.mu);
            cur = P.slot[i % P.window];
            P.slot[i % P.window].ready = 0;
            pthread_mutex_unlock(&P.mu);
        } else lay_one(J, i, &cur);
        if (!cur.lo) J->failed[i] = 1;
        else if (rc == 0) {
            if (!any) {
                char title[512];
                snprintf(title, sizeof title, "%s%d年学校办学条件达标情况一览", J->fig->cfg->county, J->fig->cfg->year);
                pdf_set_meta(pd, title, cur.author, NULL, cur.date);
            }
            if (pdf_add(pd, cur.lo) != 0) rc = -1;   /* libharu itself failed: the PDF is lost */
            else any = 1;
        }
        layout_free(cur.lo);
        free(cur.author);
        free(cur.date);
        pthread_mutex_lock(&P.mu);
        P.consumed = i + 1;
        if (rc != 0) P.stop = 1;
        pthread_cond_broadcast(&P.cv);
        pthread_mutex_unlock(&P.mu);
        if (rc != 0) break;
        int done = i + 1;
        if (done % 8 == 0 || done == J->n) draw_progress(J, done);
    }
    for (int k = 0; k < nt; k++) pthread_join(t[k], NULL);
    /* after a failure, sheets laid out ahead are still in their slots */
    for (int k = 0; k < P.window; k++)
        if (P.slot[k].ready) { layout_free(P.slot[k].lo); free(P.slot[k].author); free(P.slot[k].date); }
    free(t);
    free(P.slot);
    pthread_cond_destroy(&P.cv);
    pthread_mutex_destroy(&P.mu);
    if (rc == 0 && !any) {
        diag_error(dl, NULL, 0, 0, _("no sheet could be made"));
        rc = -1;
    }
    if (rc != 0) { pdf_abandon(pd); return -1; }
    return pdf_finish(pd, path);
}

int app_sheets(app_inputs *in, const app_sheets_opts *o, app_sheets_result *r, diag_list *dl)
{
    job J;
    memset(&J, 0, sizeof J);
    memset(r, 0, sizeof *r);
    clock_gettime(CLOCK_MONOTONIC, &J.t0);
    pthread_mutex_init(&J.io, NULL);
    layout_style st;
    memset(&st, 0, sizeof st);
    char *tpl_path = NULL, *tpl = NULL;
    const char **codes = NULL;
    int rc = -1, jobs = o->jobs < 1 ? 1 : o->jobs;

    style_copy(&st, &in->cfg->style);
    sheet_style(&st);
    if (!(tpl_path = app_template(in, "sheet", "templates/sheet.md", dl))) goto done;
    if (!(tpl = file_read(tpl_path, _("the sheet template"), FILE_CAP_TEXT, &J.tpl_len, dl))) goto done;
    int n = sheet_codes(in->fig, &codes);
    n = select_codes(codes, n, o->codes, o->ncodes, &codes, dl);
    if (dl->errors) goto done;
    if (!(J.fs = style_fontset(&st, dl))) goto done;
    if (app_glyphs(in, J.fs, 0, dl) != 0) goto done;
    /* a fault in the template itself is the same for every school: say it
     * once, not once per school */
    if (n > 0) {
        diag_list fl;
        diag_init(&fl);
        doc *first = sheet_doc(in->fig, codes[0], tpl, J.tpl_len, tpl_path, &fl);
        int in_template = 0;
        for (int i = 0; !first && i < fl.n; i++)
            in_template |= fl.items[i].file && !strcmp(fl.items[i].file, tpl_path);
        doc_free(first);
        if (in_template) { diag_move(dl, &fl); goto done; }
        diag_free(&fl);
    }

    J.fig = in->fig; J.st = &st; J.tpl = tpl; J.tpl_path = tpl_path;
    J.codes = codes; J.n = n;
    J.diags = xcalloc((size_t)n + 1, sizeof *J.diags);
    J.failed = xcalloc((size_t)n + 1, sizeof *J.failed);
    J.progress = o->progress;
    for (int i = 0; i < n; i++) {
        diag_init(&J.diags[i]);
        /* a name no font has: that school fails, named with its CSV line */
        if (app_school_glyphs(in, codes[i], J.fs, &J.diags[i]) != 0) J.failed[i] = 1;
    }
    if (jobs > n) jobs = n > 0 ? n : 1;

    const outfile_input mine_in[] = {{tpl_path, _("the sheet template")}, {NULL, NULL}};
    if (o->combined && (app_guard_outputs(in, &st, mine_in, &o->combined, 1, dl) != 0 ||
                        outfile_check_for(o->combined, dl) != 0)) goto done;
    fontset_freeze(J.fs);             /* each PDF subsets its own glyphs */
    if (o->dry_run) {                 /* `check`: lay every sheet out, write none */
        run_pass(&J, 0, jobs);
    } else if (o->combined) {
        J.write = 1;
        if (write_combined(&J, o->combined, jobs, dl) == 0)
            for (int i = 0; i < n; i++) r->written += !J.failed[i];
    } else {
        J.paths = xcalloc((size_t)n + 1, sizeof *J.paths);
        for (int i = 0; i < n; i++) {
            const jh_part_figures *p = NULL;
            for (int l = 0; l < JH_NLEVELS && !p; l++) p = figures_part(in->fig, codes[i], (jh_level)l);
            J.paths[i] = app_sheet_file(o->dir, codes[i], p->school->name);
        }
        if (app_guard_outputs(in, &st, mine_in, (const char *const *)J.paths, n, dl) != 0) goto done;
        /* once, not once per school */
        if (outfile_check_dir(o->dir, dl) != 0 || make_dirs(o->dir, dl) != 0) goto done;
        run_pass(&J, 1, jobs);
        for (int i = 0; i < n; i++) r->written += !J.failed[i];
    }
    if (J.progress) fputc('\n', stderr);
    for (int i = 0; i < n; i++) {
        if (!J.failed[i]) continue;
        r->failed++;
        diag_error(dl, NULL, 0, 0, _("school %s: its sheet could not be made:"), codes[i]);
        diag_move(dl, &J.diags[i]);
    }
    rc = dl->errors || r->failed ? -1 : 0;
done:
    if (J.diags) for (int i = 0; i < J.n; i++) diag_free(&J.diags[i]);
    if (J.paths) for (int i = 0; i < J.n; i++) free(J.paths[i]);
    free(J.paths);
    free(J.diags);
    free(J.failed);
    fontset_free(J.fs);
    pthread_mutex_destroy(&J.io);
    free(codes);
    free(tpl);
    free(tpl_path);
    style_free(&st);
    return rc;
}
