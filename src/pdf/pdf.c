/*
 * pdf — libharu back end.  Call order matters in libharu 2.3.0
 * (pdf-stack.md §1): compression first, then the UTF encoders, then fonts.
 * Graphics of a page are drawn before its text so that one BT..ET block holds
 * all of a page's text.
 */
#include "pdf/pdf.h"
#include "common/outfile.h"
#include "common/utf8.h"
#include "common/xalloc.h"

#include <hpdf.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifndef JH_VERSION
#define JH_VERSION "0"
#endif

typedef struct herr {
    HPDF_STATUS code, detail;
} herr;

static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void *ud)
{
    herr *e = ud;
    if (!e->code) { e->code = code; e->detail = detail; }
}

/* Dates: "YYYY-MM-DD" from the document, else SOURCE_DATE_EPOCH, else none. */
static int doc_date(const char *s, HPDF_Date *d)
{
    memset(d, 0, sizeof *d);
    int y, m, dd;
    if (s && sscanf(s, "%d-%d-%d", &y, &m, &dd) == 3 && y > 1900 && m >= 1 && m <= 12 && dd >= 1 && dd <= 31) {
        d->year = y; d->month = m; d->day = dd; d->ind = '+'; d->off_hour = 8;
        return 1;
    }
    const char *e = getenv("SOURCE_DATE_EPOCH");
    if (e && *e) {
        char *end;
        long long t = strtoll(e, &end, 10);
        if (*end == 0 && t >= 0) {
            time_t tt = (time_t)t;
            struct tm tm;
            gmtime_r(&tt, &tm);
            d->year = tm.tm_year + 1900; d->month = tm.tm_mon + 1; d->day = tm.tm_mday;
            d->hour = tm.tm_hour; d->minutes = tm.tm_min; d->seconds = tm.tm_sec; d->ind = 'Z';
            return 1;
        }
    }
    return 0;
}

static void draw_graphics(HPDF_Page pg, const lay_page *p)
{
    for (int i = 0; i < p->n; i++) {
        const lay_op *o = &p->ops[i];
        if (o->type == OP_RECT) {
            if (o->gray >= 0) {
                /* state first: libharu refuses it once a path is open */
                HPDF_Page_SetGrayFill(pg, (HPDF_REAL)o->gray);
                if (o->lw > 0) HPDF_Page_SetLineWidth(pg, (HPDF_REAL)o->lw);
                HPDF_Page_Rectangle(pg, (HPDF_REAL)o->x, (HPDF_REAL)o->y, (HPDF_REAL)o->x2, (HPDF_REAL)o->y2);
                if (o->lw > 0) HPDF_Page_FillStroke(pg);
                else HPDF_Page_Fill(pg);
            } else if (o->lw > 0) {
                HPDF_Page_SetLineWidth(pg, (HPDF_REAL)o->lw);
                HPDF_Page_Rectangle(pg, (HPDF_REAL)o->x, (HPDF_REAL)o->y, (HPDF_REAL)o->x2, (HPDF_REAL)o->y2);
                HPDF_Page_Stroke(pg);
            }
        } else if (o->type == OP_LINE) {
            static const HPDF_UINT16 dash[] = {4, 2};
            HPDF_Page_SetLineWidth(pg, (HPDF_REAL)o->lw);
            HPDF_Page_SetDash(pg, o->dash ? dash : NULL, o->dash ? 2 : 0, 0);
            HPDF_Page_MoveTo(pg, (HPDF_REAL)o->x, (HPDF_REAL)o->y);
            HPDF_Page_LineTo(pg, (HPDF_REAL)o->x2, (HPDF_REAL)o->y2);
            HPDF_Page_Stroke(pg);
            if (o->dash) HPDF_Page_SetDash(pg, NULL, 0, 0);
        }
    }
    HPDF_Page_SetGrayFill(pg, 0);
}

static void draw_text(HPDF_Page pg, const lay_page *p, HPDF_Font *fonts)
{
    int in_text = 0, cur_face = -1;
    double cur_size = -1, cur_cs = 0;
    for (int i = 0; i < p->n; i++) {
        const lay_op *o = &p->ops[i];
        if (o->type != OP_TEXT || !fonts[o->face]) continue;
        if (!in_text) { HPDF_Page_BeginText(pg); in_text = 1; }
        if (o->face != cur_face || o->size != cur_size) {
            HPDF_Page_SetFontAndSize(pg, fonts[o->face], (HPDF_REAL)o->size);
            cur_face = o->face; cur_size = o->size;
        }
        if ((float)o->cs != (float)cur_cs) {
            HPDF_Page_SetCharSpace(pg, (HPDF_REAL)o->cs);
            cur_cs = o->cs;
        }
        HPDF_Page_TextOut(pg, (HPDF_REAL)o->x, (HPDF_REAL)o->y, o->text);
    }
    if (in_text) HPDF_Page_EndText(pg);
}

static void outline(HPDF_Doc pdf, HPDF_Page pg, const lay_page *p, HPDF_Outline *stack, int depth)
{
    for (int i = 0; i < p->n; i++) {
        const lay_op *o = &p->ops[i];
        if (o->type != OP_BOOKMARK) continue;
        int lv = o->level < depth - 1 ? o->level : depth - 1;
        while (lv > 0 && !stack[lv - 1]) lv--;
        HPDF_Outline parent = lv > 0 ? stack[lv - 1] : NULL;
        HPDF_Outline ol = HPDF_CreateOutline(pdf, parent, o->text, HPDF_GetEncoder(pdf, "UTF-8"));
        HPDF_Destination dst = HPDF_Page_CreateDestination(pg);
        HPDF_Destination_SetXYZ(dst, 0, (HPDF_REAL)(o->y + 20), 1);
        HPDF_Outline_SetDestination(ol, dst);
        HPDF_Outline_SetOpened(ol, HPDF_FALSE);
        stack[lv] = ol;
        for (int k = lv + 1; k < depth; k++) stack[k] = NULL;
    }
}

/* files[f]: the font file embedded for face f (NULL: the fontset's shared subset). */
static HPDF_Doc build(const layout *lo, const fontset *fs, char *const *files, herr *e, diag_list *dl)
{
    HPDF_Doc pdf = HPDF_New(on_error, e);
    if (!pdf) { diag_error(dl, NULL, 0, 0, "libharu could not start"); return NULL; }
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);   /* first: objects made before stay raw */
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    int nf = fontset_nfaces(fs);
    HPDF_Font *fonts = xcalloc((size_t)(nf > 0 ? nf : 1), sizeof *fonts);
    char *used = xcalloc((size_t)(nf > 0 ? nf : 1), 1);
    for (int p = 0; p < lo->npages; p++)
        for (int i = 0; i < lo->pages[p].n; i++)
            if (lo->pages[p].ops[i].type == OP_TEXT) used[lo->pages[p].ops[i].face] = 1;
    for (int f = 0; f < nf && !e->code; f++) {
        if (!used[f]) continue;
        const char *file = files && files[f] ? files[f] : fontset_subset_file(fs, f);
        if (!file) {
            diag_error(dl, fontset_face_path(fs, f), 0, 0, "internal: font face not subset before writing");
            e->code = 1;
            break;
        }
        const char *name = HPDF_LoadTTFontFromFile(pdf, file, HPDF_TRUE);
        if (name) fonts[f] = HPDF_GetFont(pdf, name, "UTF-8");
        if (!name || !fonts[f])
            diag_error(dl, fontset_face_path(fs, f), 0, 0,
                       "libharu cannot embed font %s (error 0x%04X, detail %u)",
                       fontset_face_path(fs, f), (unsigned)e->code, (unsigned)e->detail);
    }
    if (!e->code) {
        if (lo->title) HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, lo->title);
        if (lo->author) HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, lo->author);
        if (lo->subject) HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, lo->subject);
        HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "junheng " JH_VERSION);
        HPDF_Date d;
        if (doc_date(lo->date, &d)) {
            HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, d);
            HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, d);
        }
    }
    HPDF_Outline stack[8] = {0};
    for (int p = 0; p < lo->npages && !e->code; p++) {
        HPDF_Page pg = HPDF_AddPage(pdf);
        HPDF_Page_SetWidth(pg, (HPDF_REAL)lo->page_w);
        HPDF_Page_SetHeight(pg, (HPDF_REAL)lo->page_h);
        draw_graphics(pg, &lo->pages[p]);
        draw_text(pg, &lo->pages[p], fonts);
        outline(pdf, pg, &lo->pages[p], stack, 8);
    }
    if (e->code)
        diag_hint(diag_error(dl, NULL, 0, 0, "libharu failed while writing the PDF (error 0x%04X, detail %u)",
                             (unsigned)e->code, (unsigned)e->detail),
                  "see the HPDF_* error codes in hpdf_error.h");
    free(fonts);
    free(used);
    if (e->code) { HPDF_Free(pdf); return NULL; }
    return pdf;
}

static int render(const layout *lo, const fontset *fs, char *const *files, unsigned char **out,
                  size_t *len, diag_list *dl)
{
    herr e = {0, 0};
    *out = NULL;
    *len = 0;
    HPDF_Doc pdf = build(lo, fs, files, &e, dl);
    if (!pdf) return -1;
    if (HPDF_SaveToStream(pdf) != HPDF_OK) {
        diag_error(dl, NULL, 0, 0, "libharu could not save the PDF (error 0x%04X)", (unsigned)e.code);
        HPDF_Free(pdf);
        return -1;
    }
    HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
    unsigned char *buf = xmalloc(size ? size : 1);
    HPDF_UINT32 got = size;
    HPDF_ResetStream(pdf);
    if (HPDF_ReadFromStream(pdf, buf, &got) > HPDF_STREAM_EOF || got != size) {
        /* ReadFromStream returns HPDF_STREAM_EOF when it reaches the end */
        if (got != size) {
            diag_error(dl, NULL, 0, 0, "libharu returned %u of %u bytes", (unsigned)got, (unsigned)size);
            free(buf);
            HPDF_Free(pdf);
            return -1;
        }
    }
    HPDF_Free(pdf);
    *out = buf;
    *len = size;
    return 0;
}

int pdf_render(const layout *lo, const fontset *fs, unsigned char **out, size_t *len, diag_list *dl)
{
    return render(lo, fs, NULL, out, len, dl);
}

static int write_file(const layout *lo, const fontset *fs, char *const *files, const char *path,
                      diag_list *dl)
{
    unsigned char *buf;
    size_t len;
    if (render(lo, fs, files, &buf, &len, dl) != 0) return -1;
    outfile o;
    int rc = -1;
    if (outfile_open(&o, path, dl) == 0) {
        /* each reports the system's reason (a full disk) and aborts on failure */
        if (outfile_write(&o, buf, len, dl) == 0 && outfile_commit(&o, dl) == 0) rc = 0;
    }
    free(buf);
    return rc;
}

int pdf_write(const layout *lo, const fontset *fs, const char *path, diag_list *dl)
{
    return write_file(lo, fs, NULL, path, dl);
}

/* The code points each face draws in lo. */
typedef struct cps { uint32_t *v; size_t n, cap; } cps;

static void collect(const layout *lo, cps *per_face, int nf)
{
    for (int p = 0; p < lo->npages; p++)
        for (int i = 0; i < lo->pages[p].n; i++) {
            const lay_op *o = &lo->pages[p].ops[i];
            if (o->type != OP_TEXT || o->face < 0 || o->face >= nf || !o->text) continue;
            cps *c = &per_face[o->face];
            size_t len = strlen(o->text);
            for (size_t k = 0; k < len;) {
                uint32_t cp;
                k += (size_t)utf8_decode(o->text + k, len - k, &cp);
                if (c->n == c->cap) {
                    c->cap = c->cap ? 2 * c->cap : 256;
                    c->v = xrealloc(c->v, c->cap * sizeof *c->v);
                }
                c->v[c->n++] = cp;
            }
        }
}

int pdf_write_exact(const layout *lo, const fontset *fs, const char *path, diag_list *dl)
{
    int nf = fontset_nfaces(fs), rc = 0;
    cps *per = xcalloc((size_t)(nf > 0 ? nf : 1), sizeof *per);
    char **files = xcalloc((size_t)(nf > 0 ? nf : 1), sizeof *files);
    collect(lo, per, nf);
    for (int f = 0; f < nf && rc == 0; f++)
        if (per[f].n && !(files[f] = fontset_subset_cps(fs, f, per[f].v, per[f].n, dl))) rc = -1;
    if (rc == 0) rc = write_file(lo, fs, files, path, dl);
    for (int f = 0; f < nf; f++) {
        if (files[f]) { unlink(files[f]); outfile_forget(files[f]); free(files[f]); }
        free(per[f].v);
    }
    free(files);
    free(per);
    return rc;
}
