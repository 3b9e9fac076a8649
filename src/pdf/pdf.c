/*
 * pdf — libharu back end.
 *
 * libharu writes the file: its object graph, cross-reference table, page
 * tree, outlines and document information.  What it does not do is draw our
 * text or embed our fonts, for reasons of correctness and of cost in the
 * 2.3.0 that Debian ships (pdf-stack.md):
 *   - its CID fonts carry a ToUnicode "CMap" that is an identity CID map
 *     (begincidrange <0000> <FFFF> 0): poppler warns on every run, and after a
 *     Ghostscript pdfwrite round trip the text no longer extracts;
 *   - its TrueType loader needs a file on disk, copies the program byte by
 *     byte, re-parses it, looks up all 65,536 BMP code points to build a
 *     128 KB CIDToGIDMap and a /W over the whole BMP, and deflates at zlib's
 *     default level: most of the time of a one-page sheet;
 *   - its page list holds at most 32,767 kids (HPDF_SetPagesConfiguration
 *     lifts that).
 * So each face is embedded here through libharu's own object API
 * (HPDF_Dict_*, HPDF_DictStream_New, HPDF_Xref_Add): a Type0 font with a
 * CIDFontType2 descendant whose CIDs are numbered in order of first use in
 * this PDF (1, 2, ...), a compact CIDToGIDMap into the in-memory HarfBuzz
 * subset, /DW with a /W for the other widths, and a ToUnicode CMap of
 * bfchar entries (at most 100 per block; bfchar, not bfrange, is what a
 * Ghostscript round trip keeps).  Because CIDs are given out while drawing,
 * pages can be written and their layouts freed before the fonts are known:
 * the font dictionaries are created empty at first use and filled at the
 * finish.
 *
 * Page content is written here too (a dozen operators) and deflated with
 * libdeflate before libharu sees it, like the font streams: libharu's own
 * filter only knows zlib's default level.  Such streams are stored with
 * filter NONE and get their /Filter from the dictionary's write_fn, because
 * HPDF_Dict_Write removes a /Filter key from a stream whose filter is NONE.
 */
#include "pdf/pdf.h"
#include "common/i18n.h"
#include "common/outfile.h"
#include "common/strbuf.h"
#include "common/utf8.h"
#include "common/xalloc.h"

#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <errno.h>
#include <libdeflate.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef JH_VERSION
#define JH_VERSION "0"
#endif

/* Page-tree fan-out: libharu's arrays hold 32,767 items at most. */
#define PAGES_PER_NODE 1024
/* libdeflate levels.  The font programs are most of every file and most of
 * its cost: level 9 (171 KB for the seed's UMing subset, 18 ms) rather than
 * 12 (169 KB, 60 ms): the last 1.5 % of the report's size would cost more
 * than the whole rest of the run.  The small streams (page content,
 * ToUnicode, CIDToGIDMap) take level 9 in a report and 6 in thousands of
 * school sheets (level 12 would save the seed report 0.2 % for 15 % more
 * CPU). */
static const int font_level[] = {[PDF_SMALLEST] = 9, [PDF_FAST] = 9};
static const int page_level[] = {[PDF_SMALLEST] = 9, [PDF_FAST] = 6};

typedef struct herr {
    HPDF_STATUS code, detail;
} herr;

/* One face as used by this PDF. */
typedef struct pface {
    HPDF_Dict type0;       /* created at first use, filled at the finish */
    uint32_t *cp;          /* cp[cid - 1]: the code point of CID cid */
    int n, cap;
    uint32_t *hkey;        /* open addressing: code point + 1 (0 empty) */
    uint16_t *hcid;
    uint32_t hcap;         /* power of two */
} pface;

struct pdf_doc {
    HPDF_Doc pdf;
    herr e;
    const fontset *fs;
    diag_list *dl;
    pface *faces;
    int nf;
    int failed, meta_set, npages;
    HPDF_Dict resources, fonts;   /* shared by every page */
    double page_w, page_h;        /* the page tree's MediaBox (the first page's) */
    HPDF_Outline stack[8];
    struct libdeflate_compressor *zfont, *zpage;   /* font programs; every other stream */
    strbuf content;
    unsigned char *zbuf;
    size_t zcap;
};

static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void *ud)
{
    herr *e = ud;
    if (!e->code) { e->code = code; e->detail = detail; }
}

/* Record a libharu failure once, with where it happened. */
static int fail(pdf_doc *pd, const char *what, HPDF_STATUS st)
{
    if (pd->failed) return -1;
    pd->failed = 1;
    HPDF_STATUS code = st ? st : pd->e.code;
    if (!code && pd->pdf) code = HPDF_GetError(pd->pdf);
    diag_hint(diag_error(pd->dl, NULL, 0, 0, _("libharu failed while %s (error 0x%04X, detail %u)"), what,
                         (unsigned)code, (unsigned)pd->e.detail),
              _("0x1015 is out of memory; the codes are listed in hpdf_error.h"));
    return -1;
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

/* ---- numbers in content streams: at most 3 decimals, no trailing zeros ---- */

/* k thousandths, without printf: this runs for every coordinate. */
static void put_milli(strbuf *b, long long k)
{
    char tmp[32], *e = tmp + sizeof tmp, *p = e;
    unsigned long long u = k < 0 ? (unsigned long long)-k : (unsigned long long)k;
    unsigned frac = (unsigned)(u % 1000);
    u /= 1000;
    if (frac) {
        int digits = 3;
        while (frac % 10 == 0) { frac /= 10; digits--; }
        for (int i = 0; i < digits; i++) { *--p = (char)('0' + frac % 10); frac /= 10; }
        *--p = '.';
    }
    do { *--p = (char)('0' + u % 10); u /= 10; } while (u);
    if (k < 0) *--p = '-';
    sb_add(b, p, (size_t)(e - p));
}

static void put_num(strbuf *b, double v) { put_milli(b, llround(v * 1000)); }

static void put_op(strbuf *b, const char *op)
{
    sb_putc(b, ' ');
    sb_puts(b, op);
    sb_putc(b, '\n');
}

/* ---- graphics and text of one page ---- */

static void draw_graphics(strbuf *b, const lay_page *p)
{
    double gray = 0;
    for (int i = 0; i < p->n; i++) {
        const lay_op *o = &p->ops[i];
        if (o->type == OP_RECT && (o->gray >= 0 || o->lw > 0)) {
            if (o->gray >= 0 && o->gray != gray) { put_num(b, o->gray); put_op(b, "g"); gray = o->gray; }
            if (o->lw > 0) { put_num(b, o->lw); put_op(b, "w"); }
            put_num(b, o->x); sb_putc(b, ' '); put_num(b, o->y); sb_putc(b, ' ');
            put_num(b, o->x2); sb_putc(b, ' '); put_num(b, o->y2); put_op(b, "re");
            put_op(b, o->gray >= 0 ? (o->lw > 0 ? "B" : "f") : "S");
        } else if (o->type == OP_LINE) {
            put_num(b, o->lw); put_op(b, "w");
            if (o->dash) sb_puts(b, "[4 2] 0 d\n");
            put_num(b, o->x); sb_putc(b, ' '); put_num(b, o->y); put_op(b, "m");
            put_num(b, o->x2); sb_putc(b, ' '); put_num(b, o->y2); put_op(b, "l");
            sb_puts(b, "S\n");
            if (o->dash) sb_puts(b, "[] 0 d\n");
        }
    }
    if (gray != 0) sb_puts(b, "0 g\n");
}

/* The hash slot of cp in face f (holding it, or empty). */
static uint32_t slot(pface *f, uint32_t cp)
{
    if (2 * ((uint32_t)f->n + 1) > f->hcap) {
        uint32_t ncap = f->hcap ? 2 * f->hcap : 1024;
        uint32_t *k = xcalloc(ncap, sizeof *k);
        uint16_t *c = xcalloc(ncap, sizeof *c);
        for (uint32_t i = 0; i < f->hcap; i++) {
            if (!f->hkey[i]) continue;
            uint32_t h = (f->hkey[i] * 2654435761u) & (ncap - 1);
            while (k[h]) h = (h + 1) & (ncap - 1);
            k[h] = f->hkey[i];
            c[h] = f->hcid[i];
        }
        free(f->hkey);
        free(f->hcid);
        f->hkey = k; f->hcid = c; f->hcap = ncap;
    }
    uint32_t key = cp + 1, h = (key * 2654435761u) & (f->hcap - 1);
    while (f->hkey[h] && f->hkey[h] != key) h = (h + 1) & (f->hcap - 1);
    return h;
}

/* The CID of cp in face f, given out on first use.  0: too many. */
static uint16_t cid_of(pface *f, uint32_t cp)
{
    uint32_t h = slot(f, cp);
    if (f->hkey[h]) return f->hcid[h];
    if (f->n >= 0xFFFE) return 0;
    XGROW(f->cp, f->cap, f->n + 1);
    f->cp[f->n++] = cp;
    f->hkey[h] = cp + 1;
    f->hcid[h] = (uint16_t)f->n;
    return (uint16_t)f->n;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Give the characters lo draws that have no CID yet their CIDs in code point
 * order: the ToUnicode map and the CIDToGIDMap (subset glyphs mostly follow
 * Unicode order) then compress to about half of first-use order. */
static void assign_sorted(pdf_doc *pd, const layout *lo)
{
    uint32_t *v = NULL;
    int n = 0, cap = 0;
    for (int face = 0; face < pd->nf; face++) {
        pface *f = &pd->faces[face];
        n = 0;
        for (int p = 0; p < lo->npages; p++)
            for (int i = 0; i < lo->pages[p].n; i++) {
                const lay_op *o = &lo->pages[p].ops[i];
                if (o->type != OP_TEXT || o->face != face || !o->text) continue;
                size_t len = strlen(o->text);
                for (size_t k = 0; k < len;) {
                    uint32_t cp;
                    k += (size_t)utf8_decode(o->text + k, len - k, &cp);
                    if (f->hkey && f->hkey[slot(f, cp)]) continue;
                    XGROW(v, cap, n + 1);
                    v[n++] = cp;
                }
            }
        if (!n) continue;
        qsort(v, (size_t)n, sizeof *v, cmp_u32);
        for (int i = 0; i < n; i++)
            if (i == 0 || v[i] != v[i - 1]) cid_of(f, v[i]);
    }
    free(v);
}

/* The font resource of face id (shared by every page), creating the (empty)
 * font object on the PDF's first use. */
static int font_resource(pdf_doc *pd, int id)
{
    pface *f = &pd->faces[id];
    HPDF_STATUS st;
    if (f->type0) return 0;
    f->type0 = HPDF_Dict_New(pd->pdf->mmgr);
    if (!f->type0) return fail(pd, "creating a font", 0);
    if ((st = HPDF_Xref_Add(pd->pdf->xref, f->type0)) != HPDF_OK) {
        f->type0 = NULL;   /* freed by HPDF_Xref_Add */
        return fail(pd, "creating a font", st);
    }
    char name[16];
    snprintf(name, sizeof name, "F%d", id);
    if ((st = HPDF_Dict_Add(pd->fonts, name, f->type0)) != HPDF_OK) return fail(pd, "adding a font", st);
    return 0;
}

static int draw_text(pdf_doc *pd, const lay_page *p)
{
    strbuf *b = &pd->content;
    int cur_face = -1, in_text = 0;
    double cur_size = -1, cur_cs = 0;
    long long lx = 0, ly = 0;   /* start of the current text line, in 1/1000 pt */
    for (int i = 0; i < p->n; i++) {
        const lay_op *o = &p->ops[i];
        if (o->type != OP_TEXT || !o->text || o->face < 0 || o->face >= pd->nf) continue;
        if (!in_text) { sb_puts(b, "BT\n"); in_text = 1; }
        if (o->face != cur_face || o->size != cur_size) {
            if (font_resource(pd, o->face) != 0) return -1;
            sb_puts(b, "/F");
            put_milli(b, 1000LL * o->face);
            sb_putc(b, ' ');
            put_num(b, o->size);
            put_op(b, "Tf");
            cur_face = o->face; cur_size = o->size;
        }
        if ((float)o->cs != (float)cur_cs) {
            put_num(b, o->cs);
            put_op(b, "Tc");
            cur_cs = o->cs;
        }
        long long x = llround(o->x * 1000), y = llround(o->y * 1000);
        put_milli(b, x - lx); sb_putc(b, ' '); put_milli(b, y - ly); put_op(b, "Td");
        lx = x; ly = y;
        sb_putc(b, '(');
        pface *f = &pd->faces[o->face];
        size_t len = strlen(o->text);
        for (size_t k = 0; k < len;) {
            uint32_t cp;
            k += (size_t)utf8_decode(o->text + k, len - k, &cp);
            uint16_t cid = cid_of(f, cp);
            if (!cid) {
                diag_error(pd->dl, fontset_face_path(pd->fs, o->face), 0, 0,
                           _("more than 65,534 different characters in one font of one PDF"));
                pd->failed = 1;
                return -1;
            }
            /* two bytes a CID, in a literal string: smaller than hex once deflated */
            char two[2] = {(char)(cid >> 8), (char)(cid & 0xFF)};
            for (int t = 0; t < 2; t++) {
                if (two[t] == '(' || two[t] == ')' || two[t] == '\\') sb_putc(b, '\\');
                if (two[t] == '\r') sb_puts(b, "\\r");
                else sb_putc(b, two[t]);
            }
        }
        sb_puts(b, ") Tj\n");
    }
    if (in_text) sb_puts(b, "ET\n");
    return 0;
}

/* ---- streams deflated here ---- */

static HPDF_STATUS flate_filter(HPDF_Dict obj, HPDF_Stream stream)
{
    (void)obj;
    return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

/* Deflate data into stream dictionary d (zlib format, as FlateDecode wants). */
static int put_deflated(pdf_doc *pd, HPDF_Dict d, struct libdeflate_compressor *z, const void *data,
                        size_t len)
{
    size_t bound = libdeflate_zlib_compress_bound(z, len);
    if (bound > pd->zcap) {
        free(pd->zbuf);
        pd->zcap = bound;
        pd->zbuf = xmalloc(bound);
    }
    size_t zl = libdeflate_zlib_compress(z, data, len, pd->zbuf, pd->zcap);
    HPDF_STATUS st;
    if (!zl) return fail(pd, "compressing a stream", 0);
    d->filter = HPDF_STREAM_FILTER_NONE;
    d->write_fn = flate_filter;
    if ((st = HPDF_Stream_Write(d->stream, pd->zbuf, (HPDF_UINT)zl)) != HPDF_OK)
        return fail(pd, "writing a stream", st);
    return 0;
}

/* A new indirect stream object holding data deflated. */
static HPDF_Dict new_stream(pdf_doc *pd, struct libdeflate_compressor *z, const void *data, size_t len)
{
    HPDF_Dict d = HPDF_DictStream_New(pd->pdf->mmgr, pd->pdf->xref);
    if (!d) { fail(pd, "creating a stream", 0); return NULL; }
    return put_deflated(pd, d, z, data, len) == 0 ? d : NULL;
}

/* ---- pages ---- */

static int outline(pdf_doc *pd, HPDF_Page pg, const lay_page *p)
{
    enum { DEPTH = sizeof pd->stack / sizeof pd->stack[0] };
    for (int i = 0; i < p->n; i++) {
        const lay_op *o = &p->ops[i];
        if (o->type != OP_BOOKMARK) continue;
        int lv = o->level < DEPTH - 1 ? o->level : DEPTH - 1;
        while (lv > 0 && !pd->stack[lv - 1]) lv--;
        HPDF_Outline parent = lv > 0 ? pd->stack[lv - 1] : NULL;
        HPDF_Outline ol = HPDF_CreateOutline(pd->pdf, parent, o->text, HPDF_GetEncoder(pd->pdf, "UTF-8"));
        HPDF_Destination dst = ol ? HPDF_Page_CreateDestination(pg) : NULL;
        if (!dst || HPDF_Destination_SetXYZ(dst, 0, (HPDF_REAL)(o->y + 20), 1) != HPDF_OK ||
            HPDF_Outline_SetDestination(ol, dst) != HPDF_OK || HPDF_Outline_SetOpened(ol, HPDF_FALSE) != HPDF_OK)
            return fail(pd, "adding a bookmark", 0);
        pd->stack[lv] = ol;
        for (int k = lv + 1; k < DEPTH; k++) pd->stack[k] = NULL;
    }
    return 0;
}

/* Every page shares one resource dictionary (the fonts; no obsolete
 * ProcSet), and inherits its MediaBox from the page tree when it has the
 * first page's size: some 150 bytes a page. */
static int page_setup(pdf_doc *pd, HPDF_Page pg, const layout *lo)
{
    HPDF_MMgr mm = pd->pdf->mmgr;
    HPDF_STATUS st = HPDF_OK;
    if (!pd->resources) {
        pd->resources = HPDF_Dict_New(mm);
        if (!pd->resources || (st = HPDF_Xref_Add(pd->pdf->xref, pd->resources)) != HPDF_OK) {
            pd->resources = NULL;
            return fail(pd, "adding the page resources", st);
        }
        pd->fonts = HPDF_Dict_New(mm);
        if (!pd->fonts || (st = HPDF_Dict_Add(pd->resources, "Font", pd->fonts)) != HPDF_OK)
            return fail(pd, "adding the page resources", st);
        pd->page_w = lo->page_w;
        pd->page_h = lo->page_h;
        HPDF_Array box = HPDF_Box_Array_New(mm, (HPDF_Box){0, 0, (HPDF_REAL)lo->page_w, (HPDF_REAL)lo->page_h});
        if (!box || (st = HPDF_Dict_Add(pd->pdf->root_pages, "MediaBox", box)) != HPDF_OK)
            return fail(pd, "setting the page size", st);
    }
    if ((st = HPDF_Dict_Add(pg, "Resources", pd->resources)) != HPDF_OK)
        return fail(pd, "adding the page resources", st);
    if (lo->page_w == pd->page_w && lo->page_h == pd->page_h) {
        if ((st = HPDF_Dict_RemoveElement(pg, "MediaBox")) != HPDF_OK)
            return fail(pd, "setting the page size", st);
    } else if (HPDF_Page_SetWidth(pg, (HPDF_REAL)lo->page_w) != HPDF_OK ||
               HPDF_Page_SetHeight(pg, (HPDF_REAL)lo->page_h) != HPDF_OK)
        return fail(pd, "setting the page size", 0);
    return 0;
}

static int add_page(pdf_doc *pd, const layout *lo, const lay_page *p)
{
    HPDF_Page pg = HPDF_AddPage(pd->pdf);
    if (!pg) return fail(pd, "adding a page", 0);
    pd->npages++;
    if (page_setup(pd, pg, lo) != 0) return -1;
    sb_reset(&pd->content);
    draw_graphics(&pd->content, p);
    if (draw_text(pd, p) != 0) return -1;
    HPDF_PageAttr attr = (HPDF_PageAttr)pg->attr;
    if (put_deflated(pd, attr->contents, pd->zpage, pd->content.s ? pd->content.s : "",
                     pd->content.len) != 0)
        return -1;
    return outline(pd, pg, p);
}

static void set_info(pdf_doc *pd, HPDF_InfoType t, const char *v)
{
    if (v && *v && HPDF_SetInfoAttr(pd->pdf, t, v) != HPDF_OK) fail(pd, "setting the document information", 0);
}

void pdf_set_meta(pdf_doc *pd, const char *title, const char *author, const char *subject, const char *date)
{
    if (pd->failed) return;
    set_info(pd, HPDF_INFO_TITLE, title);
    set_info(pd, HPDF_INFO_AUTHOR, author);
    set_info(pd, HPDF_INFO_SUBJECT, subject);
    HPDF_Date d;
    if (date && doc_date(date, &d) &&
        (HPDF_SetInfoDateAttr(pd->pdf, HPDF_INFO_CREATION_DATE, d) != HPDF_OK ||
         HPDF_SetInfoDateAttr(pd->pdf, HPDF_INFO_MOD_DATE, d) != HPDF_OK))
        fail(pd, "setting the document dates", 0);
    if (title || date) pd->meta_set = 1;
}

pdf_doc *pdf_begin(const fontset *fs, pdf_packing packing, diag_list *dl)
{
    pdf_doc *pd = xcalloc(1, sizeof *pd);
    pd->fs = fs;
    pd->dl = dl;
    pd->nf = fontset_nfaces(fs);
    pd->faces = xcalloc((size_t)(pd->nf > 0 ? pd->nf : 1), sizeof *pd->faces);
    pd->zfont = libdeflate_alloc_compressor(font_level[packing]);
    pd->zpage = libdeflate_alloc_compressor(page_level[packing]);
    pd->pdf = pd->zfont && pd->zpage ? HPDF_New(on_error, &pd->e) : NULL;
    if (!pd->pdf) { fail(pd, "starting", HPDF_FAILD_TO_ALLOC_MEM); return pd; }
    if (HPDF_UseUTFEncodings(pd->pdf) != HPDF_OK ||          /* bookmarks and Info are UTF-8 */
        HPDF_SetCurrentEncoder(pd->pdf, "UTF-8") != HPDF_OK ||
        HPDF_SetPagesConfiguration(pd->pdf, PAGES_PER_NODE) != HPDF_OK ||
        HPDF_SetInfoAttr(pd->pdf, HPDF_INFO_CREATOR, "junheng " JH_VERSION) != HPDF_OK)
        fail(pd, "starting", 0);
    /* without a date, SOURCE_DATE_EPOCH may still give one */
    HPDF_Date d;
    if (!pd->failed && doc_date(NULL, &d) &&
        (HPDF_SetInfoDateAttr(pd->pdf, HPDF_INFO_CREATION_DATE, d) != HPDF_OK ||
         HPDF_SetInfoDateAttr(pd->pdf, HPDF_INFO_MOD_DATE, d) != HPDF_OK))
        fail(pd, "setting the document dates", 0);
    return pd;
}

int pdf_add(pdf_doc *pd, const layout *lo)
{
    if (pd->failed) return -1;
    if (!pd->meta_set) pdf_set_meta(pd, lo->title, lo->author, lo->subject, lo->date);
    pd->meta_set = 1;
    assign_sorted(pd, lo);
    for (int p = 0; p < lo->npages; p++)
        if (add_page(pd, lo, &lo->pages[p]) != 0) return -1;
    return pd->failed ? -1 : 0;
}

/* ---- fonts, at the finish ---- */

/* The ToUnicode CMap: CID -> UTF-16BE, bfchar blocks of at most 100. */
static void tounicode(strbuf *b, const pface *f)
{
    sb_puts(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
               "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
               "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
               "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    for (int i = 0; i < f->n; i += 100) {
        int m = f->n - i < 100 ? f->n - i : 100;
        sb_printf(b, "%d beginbfchar\n", m);
        for (int k = i; k < i + m; k++) {
            uint32_t c = f->cp[k];
            if (c > 0xFFFF)
                sb_printf(b, "<%04X> <%04X%04X>\n", k + 1, 0xD800 + ((c - 0x10000) >> 10),
                          0xDC00 + ((c - 0x10000) & 0x3FF));
            else
                sb_printf(b, "<%04X> <%04X>\n", k + 1, c);
        }
        sb_puts(b, "endbfchar\n");
    }
    sb_puts(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}

/* /W for the CIDs whose width is not dw: runs of consecutive CIDs as
 * "first [w w ...]". */
static HPDF_Array widths(pdf_doc *pd, const int *adv, uint32_t n, int dw)
{
    HPDF_MMgr mm = pd->pdf->mmgr;
    HPDF_Array w = HPDF_Array_New(mm);
    HPDF_STATUS st = w ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
    for (uint32_t i = 0; i < n && st == HPDF_OK;) {
        if (adv[i] == dw) { i++; continue; }
        HPDF_Array run = HPDF_Array_New(mm);
        st = run ? HPDF_Array_AddNumber(w, (HPDF_INT32)(i + 1)) : HPDF_FAILD_TO_ALLOC_MEM;
        if (st == HPDF_OK) st = HPDF_Array_Add(w, run);
        for (; i < n && adv[i] != dw && st == HPDF_OK; i++) st = HPDF_Array_AddNumber(run, adv[i]);
    }
    if (st != HPDF_OK) { fail(pd, "writing font widths", st); return NULL; }
    return w;
}

/* The most common width: every other one goes into /W. */
static int common_width(const int *adv, uint32_t n)
{
    int best = 1000, bestn = 0;
    for (uint32_t i = 0; i < n && i < 4096; i++) {
        if (adv[i] == best) continue;
        int c = 0;
        for (uint32_t k = 0; k < n; k++) c += adv[k] == adv[i];
        if (c > bestn) { best = adv[i]; bestn = c; }
        if (bestn * 2 > (int)n) break;
    }
    return best;
}

/* A subset tag (six capitals) from the characters drawn: stable across runs,
 * different for different subsets of a face. */
static void subset_tag(const pface *f, const char *ps, char tag[7])
{
    uint64_t h = 1469598103934665603ull;
    for (const char *s = ps; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    for (int i = 0; i < f->n; i++) h = (h ^ f->cp[i]) * 1099511628211ull;
    for (int i = 0; i < 6; i++) { tag[i] = (char)('A' + h % 26); h /= 26; }
    tag[6] = 0;
}

static int embed(pdf_doc *pd, int id)
{
    pface *f = &pd->faces[id];
    font_subset s;
    if (fontset_subset_cps(pd->fs, id, f->cp, (size_t)f->n, &s, pd->dl) != 0) { pd->failed = 1; return -1; }
    HPDF_MMgr mm = pd->pdf->mmgr;
    HPDF_Xref xref = pd->pdf->xref;
    int rc = -1;
    char tag[7], base[96];
    subset_tag(f, s.psname, tag);
    snprintf(base, sizeof base, "%s+%s", tag, s.psname[0] ? s.psname : "Font");

    /* CIDToGIDMap: 2 bytes a CID, CID 0 = glyph 0.  Stored through the PNG
     * "Up" predictor with one CID a row: CIDs in code point order mostly
     * meet glyphs in rising order, so the rows become a run of the same
     * small step, which deflates to next to nothing. */
    unsigned char *map = xcalloc((size_t)f->n + 1, 3);
    unsigned prev = 0;
    map[0] = 2;
    for (int i = 0; i < f->n; i++) {
        unsigned char *row = map + 3 * (i + 1);
        row[0] = 2;   /* PNG filter type Up */
        row[1] = (unsigned char)((s.gid[i] >> 8) - (prev >> 8));
        row[2] = (unsigned char)((s.gid[i] & 0xFF) - (prev & 0xFF));
        prev = s.gid[i];
    }
    strbuf cm = STRBUF_INIT;
    tounicode(&cm, f);
    int dw = common_width(s.adv, (uint32_t)f->n);

    HPDF_Dict file = new_stream(pd, pd->zfont, s.data, s.len);
    HPDF_Dict c2g = file ? new_stream(pd, pd->zpage, map, 3 * ((size_t)f->n + 1)) : NULL;
    HPDF_Dict tou = c2g ? new_stream(pd, pd->zpage, cm.s, cm.len) : NULL;
    /* every object goes into the xref (which owns it) as soon as it exists */
    HPDF_Dict desc = tou ? HPDF_Dict_New(mm) : NULL;
    HPDF_STATUS st = desc ? HPDF_Xref_Add(xref, desc) : HPDF_FAILD_TO_ALLOC_MEM;
    HPDF_Dict cid = st == HPDF_OK ? HPDF_Dict_New(mm) : NULL;
    if (st == HPDF_OK) st = cid ? HPDF_Xref_Add(xref, cid) : HPDF_FAILD_TO_ALLOC_MEM;
    HPDF_Array w = st == HPDF_OK ? widths(pd, s.adv, (uint32_t)f->n, dw) : NULL;
    if (!w) {
        if (!pd->failed) fail(pd, "embedding a font", st);
        goto out;
    }
    st |= HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)s.len);
    HPDF_Dict parms = HPDF_Dict_New(mm);
    if (!parms) { st = HPDF_FAILD_TO_ALLOC_MEM; goto bad; }
    st |= HPDF_Dict_AddNumber(parms, "Predictor", 12);
    st |= HPDF_Dict_AddNumber(parms, "Columns", 2);
    st |= HPDF_Dict_Add(c2g, "DecodeParms", parms);

    HPDF_Array bbox = HPDF_Array_New(mm);
    if (!bbox) { st = HPDF_FAILD_TO_ALLOC_MEM; goto bad; }
    for (int i = 0; i < 4; i++) st |= HPDF_Array_AddNumber(bbox, s.bbox[i]);
    st |= HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
    st |= HPDF_Dict_AddName(desc, "FontName", base);
    st |= HPDF_Dict_AddNumber(desc, "Flags", 4);             /* symbolic: glyphs outside Latin */
    st |= HPDF_Dict_Add(desc, "FontBBox", bbox);
    st |= HPDF_Dict_AddNumber(desc, "ItalicAngle", 0);
    st |= HPDF_Dict_AddNumber(desc, "Ascent", s.ascent);
    st |= HPDF_Dict_AddNumber(desc, "Descent", s.descent);
    st |= HPDF_Dict_AddNumber(desc, "CapHeight", s.cap_height);
    st |= HPDF_Dict_AddNumber(desc, "StemV", 80);            /* unknown for TrueType; a common guess */
    st |= HPDF_Dict_Add(desc, "FontFile2", file);

    HPDF_Dict si = HPDF_Dict_New(mm);
    if (!si) { st = HPDF_FAILD_TO_ALLOC_MEM; goto bad; }
    st |= HPDF_Dict_Add(si, "Registry", HPDF_String_New(mm, "Adobe", NULL));
    st |= HPDF_Dict_Add(si, "Ordering", HPDF_String_New(mm, "Identity", NULL));
    st |= HPDF_Dict_AddNumber(si, "Supplement", 0);
    st |= HPDF_Dict_AddName(cid, "Type", "Font");
    st |= HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
    st |= HPDF_Dict_AddName(cid, "BaseFont", base);
    st |= HPDF_Dict_Add(cid, "CIDSystemInfo", si);
    st |= HPDF_Dict_Add(cid, "FontDescriptor", desc);
    st |= HPDF_Dict_AddNumber(cid, "DW", dw);
    if (HPDF_Array_Items(w)) st |= HPDF_Dict_Add(cid, "W", w);
    else HPDF_Array_Free(w);
    w = NULL;
    st |= HPDF_Dict_Add(cid, "CIDToGIDMap", c2g);

    HPDF_Array kids = HPDF_Array_New(mm);
    if (!kids) { st = HPDF_FAILD_TO_ALLOC_MEM; goto bad; }
    st |= HPDF_Array_Add(kids, cid);
    st |= HPDF_Dict_AddName(f->type0, "Type", "Font");
    st |= HPDF_Dict_AddName(f->type0, "Subtype", "Type0");
    st |= HPDF_Dict_AddName(f->type0, "BaseFont", base);
    st |= HPDF_Dict_AddName(f->type0, "Encoding", "Identity-H");
    st |= HPDF_Dict_Add(f->type0, "DescendantFonts", kids);
    st |= HPDF_Dict_Add(f->type0, "ToUnicode", tou);
bad:
    if (st != HPDF_OK) {
        fail(pd, "embedding a font", 0);
        goto out;
    }
    rc = 0;
out:
    if (w) HPDF_Array_Free(w);
    free(map);
    sb_free(&cm);
    font_subset_free(&s);
    return rc;
}

static void free_doc(pdf_doc *pd)
{
    if (pd->pdf) HPDF_Free(pd->pdf);
    for (int i = 0; i < pd->nf; i++) {
        free(pd->faces[i].cp);
        free(pd->faces[i].hkey);
        free(pd->faces[i].hcid);
    }
    free(pd->faces);
    libdeflate_free_compressor(pd->zfont);
    libdeflate_free_compressor(pd->zpage);
    sb_free(&pd->content);
    free(pd->zbuf);
    free(pd);
}

void pdf_abandon(pdf_doc *pd)
{
    if (pd) free_doc(pd);
}

/* Embed the fonts: the PDF is then complete.  0 / -1. */
static int complete(pdf_doc *pd)
{
    if (!pd->failed && pd->npages == 0) {
        diag_error(pd->dl, NULL, 0, 0, _("internal: a PDF without pages"));
        pd->failed = 1;
    }
    for (int i = 0; i < pd->nf && !pd->failed; i++)
        if (pd->faces[i].n) embed(pd, i);
    return pd->failed ? -1 : 0;
}

int pdf_finish_mem(pdf_doc *pd, unsigned char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    HPDF_STATUS st;
    if (complete(pd) == 0 && (st = HPDF_SaveToStream(pd->pdf)) != HPDF_OK) fail(pd, "saving the PDF", st);
    if (pd->failed) { free_doc(pd); return -1; }
    HPDF_UINT32 size = HPDF_GetStreamSize(pd->pdf);
    unsigned char *buf = xmalloc(size ? size : 1);
    HPDF_UINT32 got = size;
    if (HPDF_ResetStream(pd->pdf) != HPDF_OK ||
        /* ReadFromStream says HPDF_STREAM_EOF when it reaches the end */
        ((st = HPDF_ReadFromStream(pd->pdf, buf, &got)) != HPDF_OK && st != HPDF_STREAM_EOF) || got != size) {
        diag_error(pd->dl, NULL, 0, 0, _("libharu returned %u of %u bytes"), (unsigned)got, (unsigned)size);
        free(buf);
        free_doc(pd);
        return -1;
    }
    free_doc(pd);
    *out = buf;
    *len = size;
    return 0;
}

/* Whether the file at path ends as libharu ends every PDF.  libharu's file
 * writer ignores the result of its final fclose, so a disk that fills while
 * the last buffer is flushed would otherwise go unnoticed. */
static int ends_complete(const char *path)
{
    static const char tail[] = "\012%%EOF\012";
    char buf[sizeof tail - 1];
    FILE *f = fopen(path, "rb");
    int ok = f && fseek(f, -(long)sizeof buf, SEEK_END) == 0 && fread(buf, 1, sizeof buf, f) == sizeof buf &&
             memcmp(buf, tail, sizeof buf) == 0;
    if (f) fclose(f);
    return ok;
}

/* Straight into the output's temporary file: a copy of the whole PDF in
 * memory (libharu's stream and ours) would double the peak of a combined
 * file of 10,000 sheets. */
int pdf_finish(pdf_doc *pd, const char *path)
{
    diag_list *dl = pd->dl;
    outfile o;
    int rc = -1;
    if (complete(pd) == 0 && outfile_open(&o, path, dl) == 0) {
        errno = 0;
        HPDF_STATUS st = HPDF_SaveToFile(pd->pdf, o.tmp);
        int err = errno;
        if (st == HPDF_OK && ends_complete(o.tmp) && outfile_commit(&o, dl) == 0) rc = 0;
        else {
            if (st != HPDF_OK || !ends_complete(o.tmp))
                diag_error(dl, path, 0, 0, _("cannot write the PDF: %s"),
                           err ? strerror(err) : _("libharu could not write the file"));
            outfile_abort(&o);
        }
    }
    free_doc(pd);
    return rc;
}

int pdf_write(const layout *lo, const fontset *fs, pdf_packing packing, const char *path, diag_list *dl)
{
    pdf_doc *pd = pdf_begin(fs, packing, dl);
    if (pdf_add(pd, lo) != 0) { pdf_abandon(pd); return -1; }
    return pdf_finish(pd, path);
}

int pdf_render(const layout *lo, const fontset *fs, unsigned char **out, size_t *len, diag_list *dl)
{
    pdf_doc *pd = pdf_begin(fs, PDF_SMALLEST, dl);
    if (pdf_add(pd, lo) != 0) { pdf_abandon(pd); *out = NULL; *len = 0; return -1; }
    return pdf_finish_mem(pd, out, len);
}
