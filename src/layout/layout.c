/*
 * layout — sets a doc into pages.
 *
 * Text is set on the GB/T 9704 grid: every body line occupies one pitch of the
 * type area (area_h / lines), every ideograph one advance (area_w / chars).
 * Blocks that are not on the grid (title, tables, charts) are followed by a
 * return to the next grid line, so the body below stays aligned.
 *
 * A paragraph becomes an array of lb_items (one per code point, with its face
 * from the fontset's fallback chain and its advance), lb_fill breaks it, and
 * each line is justified by computing every glyph's x; glyphs that share a
 * face and a uniform spacing are drawn as one TEXT op with that spacing as Tc.
 */
#include "layout/layout.h"
#include "common/i18n.h"
#include "layout/linebreak.h"
#include "common/num.h"
#include "common/strbuf.h"
#include "common/utf8.h"
#include "common/xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MM (72.0 / 25.4)
#define ASC 0.88   /* ideographic em box: 0.88 above the baseline, 0.12 below */

enum { AL_JUSTIFY, AL_LEFT, AL_CENTER, AL_RIGHT };

typedef struct items {
    lb_item *it;
    int n, cap;
} items;

typedef struct ctx {
    const layout_style *st;
    fontset *fs;
    diag_list *dl;
    const doc *d;
    layout *lo;
    double left, top, aw, ah;  /* type area: left x, top y (PDF), size */
    double pitch, adv;         /* grid */
    int page;                  /* current page index, -1 before the first */
    double y;                  /* used height of the type area on this page, pt */
    int errors;
} ctx;

/* ---- ops ---- */

static lay_op *op_add(ctx *c, lay_op_type t)
{
    lay_page *p = &c->lo->pages[c->page];
    XGROW(p->ops, p->cap, p->n + 1);
    lay_op *o = &p->ops[p->n++];
    memset(o, 0, sizeof *o);
    o->type = t;
    o->gray = -1;
    return o;
}

static void op_line(ctx *c, double x1, double y1, double x2, double y2, double lw, int dash)
{
    lay_op *o = op_add(c, OP_LINE);
    o->x = x1; o->y = y1; o->x2 = x2; o->y2 = y2; o->lw = lw; o->dash = dash;
}

static void op_rect(ctx *c, double x, double y, double w, double h, double gray, double lw)
{
    lay_op *o = op_add(c, OP_RECT);
    o->x = x; o->y = y; o->x2 = w; o->y2 = h; o->gray = gray; o->lw = lw;
}

static void new_page(ctx *c)
{
    layout *lo = c->lo;
    XGROW(lo->pages, lo->cap, lo->npages + 1);
    memset(&lo->pages[lo->npages], 0, sizeof lo->pages[0]);
    c->page = lo->npages++;
    c->y = 0;
}

static void snap_grid(ctx *c)
{
    double k = ceil(c->y / c->pitch - 1e-6);
    c->y = k * c->pitch;
}

/* Room for h more points on this page, else a new page. */
static void need(ctx *c, double h)
{
    if (c->page < 0 || (c->y > 0 && c->y + h > c->ah + 0.01)) new_page(c);
}

/* ---- shaping ---- */

static const char *role_name(font_role r) { return font_role_names[r]; }

/* Append the code points of s as items of role at size; tracking is added to
 * every advance (the grid's advance minus the em). */
static void shape(ctx *c, items *out, const char *s, font_role role, double size,
                  double track, int tag, int line)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        i += (size_t)k;
        if (cp == '\t' || cp == '\r' || cp == '\n') cp = ' ';
        int f = fontset_face_for(c->fs, role, cp);
        if (f < 0) {
            char ch[5] = {0};
            utf8_encode(cp, ch);
            diag_hint(diag_error(c->dl, c->d->file, line, 0,
                                 _("character “%s” (U+%04X) is in none of the fonts (role %s)"),
                                 ch, (unsigned)cp, role_name(role)),
                      _("add a face that has it to [fonts] fallback, or replace the character"));
            c->errors++;
            continue;
        }
        XGROW(out->it, out->cap, out->n + 1);
        lb_item *it = &out->it[out->n++];
        memset(it, 0, sizeof *it);
        it->cp = cp;
        it->face = f;
        it->size = (float)size;
        it->adv = (float)(fontset_advance(c->fs, f, cp) * size + track);
        it->cls = (unsigned char)lb_punct_class(cp);
        if (it->cls) {
            /* where the mark's ink sits decides which side may be squeezed */
            double l, r;
            fontset_ink(c->fs, f, cp, &l, &r);
            it->ink_l = (float)(l * size);
            it->ink_r = (float)(r * size);
        }
        it->space = cp == ' ' || cp == 0x3000;
        it->tag = tag;
    }
}

static void set_breaks(items *x)
{
    if (x->n == 0) return;
    uint32_t *cps = xmalloc((size_t)x->n * sizeof *cps);
    unsigned char *brk = xmalloc((size_t)x->n);
    for (int i = 0; i < x->n; i++) cps[i] = x->it[i].cp;
    lb_opportunities(cps, x->n, brk);
    for (int i = 0; i < x->n; i++) x->it[i].brk = brk[i];
    free(cps);
    free(brk);
}

/* Width of x set on one line, its punctuation rules applied. */
static double natural_width(const items *x)
{
    if (x->n == 0) return 0;
    double *xs = xmalloc((size_t)x->n * sizeof *xs);
    lb_line l = {0, x->n, 0, 0, 1};
    double w = lb_set_line(x->it, &l, 1e9, 0, xs);
    free(xs);
    return w;
}

/* ---- drawing one line ---- */

static void emit_text(ctx *c, const lb_item *it, int a, int b, const double *xs, double base, double cs)
{
    strbuf sb = STRBUF_INIT;
    for (int i = a; i < b; i++) {
        char u[4];
        sb_add(&sb, u, (size_t)utf8_encode(it[i].cp, u));
        fontset_use(c->fs, it[i].face, it[i].cp);
    }
    lay_op *o = op_add(c, OP_TEXT);
    o->x = xs[a]; o->y = base;
    o->face = it[a].face; o->size = it[a].size; o->cs = cs;
    o->text = sb_take(&sb);
}

/* Set items [l->start, l->end) at x (left of the measure) on baseline `base`:
 * lb_set_line places every glyph (punctuation squeezed on its blank side,
 * stretch between ideographs), then the line is aligned. */
static void emit_line(ctx *c, const lb_item *it, const lb_line *l, double x, double base,
                      double width, int align)
{
    int n = l->end - l->start;
    if (n <= 0) return;
    double *xs = xmalloc((size_t)(n + 1) * sizeof *xs);
    double w = lb_set_line(it, l, width, align == AL_JUSTIFY, xs);
    if (align == AL_CENTER) x += (width - w) / 2;
    else if (align == AL_RIGHT) x += width - w;
    for (int i = 0; i < n; i++) xs[i] += x;
    xs[n] = x + w;
    /* group glyphs of one face and one spacing into one TEXT op */
    const lb_item *L = it + l->start;
    int a = 0;
    while (a < n) {
        double cs = a + 1 < n ? xs[a + 1] - xs[a] - fontset_advance(c->fs, L[a].face, L[a].cp) * L[a].size : 0;
        int b = a + 1;
        while (b < n && L[b].face == L[a].face && L[b].size == L[a].size) {
            if (b + 1 < n) {
                double csb = xs[b + 1] - xs[b] - fontset_advance(c->fs, L[b].face, L[b].cp) * L[b].size;
                if (fabs(csb - cs) > 0.005) { b++; break; }
            }
            b++;
        }
        emit_text(c, L, a, b, xs, base, cs);
        a = b;
    }
    free(xs);
}

/* Baseline of a line box whose top is `top` (from the area top), for size. */
static double baseline(ctx *c, double top, double box, double size)
{
    return c->top - top - (box - size) / 2 - size * ASC;
}

static double body_track(ctx *c) { return c->adv - c->st->body_size; }

/* Set shaped text on grid lines: first line indented by indent pt. */
static void grid_text(ctx *c, items *x, double indent, int align)
{
    set_breaks(x);
    lb_line *lines;
    int nl = lb_fill(x->it, x->n, c->aw - indent, c->aw, align == AL_JUSTIFY, &lines);
    for (int i = 0; i < nl; i++) {
        need(c, c->pitch);
        double ind = i == 0 ? indent : 0;
        /* the line is 28 grid advances (15.79 pt, a little under the em):
         * the last ideograph's em box overhangs by 0.21 pt, its ink does not,
         * and a line-end mark's ink ends on the edge */
        emit_line(c, x->it, &lines[i], c->left + ind, baseline(c, c->y, c->pitch, c->st->body_size),
                  c->aw - ind, align);
        c->y += c->pitch;
    }
    free(lines);
}

/* ---- blocks ---- */


/* 梯形: no line longer than the one above it; 菱形: lines grow to a
 * middle line and shrink after it.  Never growing to the last line. */
static int title_shape_ok(const lb_line *l, int n)
{
    int k = 0;
    while (k + 1 < n && l[k + 1].natural > l[k].natural + 0.01) k++;    /* up to the longest */
    if (k > 0 && k == n - 1) return 0;                                  /* an inverted trapezoid */
    for (int i = k; i + 1 < n; i++)
        if (l[i + 1].natural > l[i].natural + 0.01) return 0;
    return 1;
}

static void do_title(ctx *c, const doc_block *b)
{
    const layout_style *st = c->st;
    items x = {0};
    shape(c, &x, b->text, ROLE_TITLE, st->title_size, 0, 0, b->line);
    set_breaks(&x);
    /* GB/T 9704: a title of several lines is a 梯形 (each line at least as
     * long as the next) or a 菱形 (the middle line the longest), never an
     * inverted trapezoid.  From the narrowest measure that could hold it in
     * the fewest lines, widen until the lines take such a shape. */
    double total = natural_width(&x), width = c->aw;
    int nlines = (int)ceil(total / c->aw - 1e-9);
    lb_line *lines = NULL;
    int nl = 0;
    if (nlines > 1) {
        for (width = total / nlines; width < c->aw; width += st->title_size * 0.25) {
            free(lines);
            nl = lb_fill(x.it, x.n, width, width, 0, &lines);
            if (nl == nlines && title_shape_ok(lines, nl)) break;
        }
        if (width >= c->aw) { free(lines); lines = NULL; width = c->aw; }
    }
    if (!lines) nl = lb_fill(x.it, x.n, width, width, 0, &lines);
    double lead = st->title_size * 1.5;
    need(c, nl * lead);
    for (int i = 0; i < nl; i++) {
        lines[i].forced = 1;
        emit_line(c, x.it, &lines[i], c->left, baseline(c, c->y, lead, st->title_size), c->aw, AL_CENTER);
        c->y += lead;
    }
    snap_grid(c);
    c->y += c->pitch;   /* one blank line after the title */
    free(lines);
    free(x.it);
}

static void do_bookmark(ctx *c, const doc_block *b);

static void do_heading(ctx *c, const doc_block *b, double keep_lines)
{
    font_role role = b->level == 1 ? ROLE_HEADING1 : b->level == 2 ? ROLE_HEADING2 : ROLE_BODY;
    items x = {0};
    shape(c, &x, b->text, role, c->st->body_size, body_track(c), 0, b->line);
    /* keep the heading with the start of what follows it */
    double lines_needed = ceil(natural_width(&x) / c->aw) + keep_lines;
    if (c->page >= 0 && c->y + lines_needed * c->pitch > c->ah + 0.01) new_page(c);
    if (c->st->outline_headings && b->level <= 2) {
        /* on the page the heading starts (just decided), at its line */
        doc_block mark = {.level = b->level - 1, .text = b->text};
        do_bookmark(c, &mark);
    }
    grid_text(c, &x, c->st->indent * c->adv, AL_JUSTIFY);
    free(x.it);
}

static void do_para(ctx *c, const doc_para *p, int line, const char *marker)
{
    items x = {0};
    if (marker) shape(c, &x, marker, ROLE_BODY, c->st->body_size, body_track(c), 0, line);
    for (int i = 0; i < p->nruns; i++) {
        font_role role = p->runs[i].kind == RUN_RUNIN ? ROLE_HEADING2
                       : p->runs[i].kind == RUN_STRONG ? ROLE_HEADING1 : ROLE_BODY;
        shape(c, &x, p->runs[i].text, role, c->st->body_size, body_track(c), i, line);
    }
    if (x.n) grid_text(c, &x, c->st->indent * c->adv, AL_JUSTIFY);
    free(x.it);
}

static void do_list(ctx *c, const doc_block *b)
{
    for (int i = 0; i < b->nitems; i++) {
        char m[32];
        if (b->ordered) snprintf(m, sizeof m, "%d. ", b->start + i);
        else snprintf(m, sizeof m, "• ");
        do_para(c, &b->items[i]->para, b->line, m);
    }
}

static void do_signature(ctx *c, const doc_block *b)
{
    double size = c->st->body_size, tr = body_track(c);
    items is = {0}, dt = {0};
    shape(c, &is, b->text, ROLE_BODY, size, tr, 0, b->line);
    shape(c, &dt, b->text2, ROLE_BODY, size, tr, 0, b->line);
    double wi = natural_width(&is), wd = natural_width(&dt);
    /* GB/T 9704 7.3.5.2: issuer 右空二字, date starts two characters to its
     * right; a longer date is set 右空二字 and the issuer moves left */
    double right = c->left + c->aw - 2 * c->adv;
    double xi = right - wi, xd = xi + 2 * c->adv;
    if (xd + wd > right) { xd = right - wd; xi = xd - 2 * c->adv; }
    need(c, 3 * c->pitch);
    c->y += c->pitch;   /* 空一行 */
    lb_line l = {0, is.n, wi, 0, 1};
    emit_line(c, is.it, &l, xi, baseline(c, c->y, c->pitch, size), wi, AL_LEFT);
    c->y += c->pitch;
    lb_line l2 = {0, dt.n, wd, 0, 1};
    emit_line(c, dt.it, &l2, xd, baseline(c, c->y, c->pitch, size), wd, AL_LEFT);
    c->y += c->pitch;
    free(is.it);
    free(dt.it);
}

static void do_bookmark(ctx *c, const doc_block *b)
{
    if (c->page < 0) new_page(c);
    lay_op *o = op_add(c, OP_BOOKMARK);
    o->x = c->left;
    o->y = c->top - c->y;
    o->level = b->level;
    o->text = xstrdup(b->text);
}

/* A caption line centred over the measure, in the heading-1 face. */
static void caption(ctx *c, const char *text, double size, int line)
{
    items x = {0};
    shape(c, &x, text, ROLE_HEADING1, size, 0, 0, line);
    set_breaks(&x);
    lb_line *lines;
    int nl = lb_fill(x.it, x.n, c->aw, c->aw, 0, &lines);
    double lead = size * 1.6;
    for (int i = 0; i < nl; i++) {
        lines[i].forced = 1;
        emit_line(c, x.it, &lines[i], c->left, baseline(c, c->y, lead, size), c->aw, AL_CENTER);
        c->y += lead;
    }
    free(lines);
    free(x.it);
}

/* ---- tables ----
 * Column widths from content: each column's minimum (its widest unbreakable
 * piece) and natural width (its longest cell on one line); the measure is
 * shared out in proportion to what each column still wants.  Rows bound by a
 * row span move to the next page together, and the header rows are repeated
 * on each page the table continues on. */

typedef struct tcell {
    items x;
    lb_line *lines;
    int nl;
    double minw, maxw;
} tcell;

static double min_piece(const items *x)
{
    double best = 0, w = 0;
    for (int i = 0; i < x->n; i++) {
        w += x->it[i].adv;
        if (x->it[i].brk == LB_ALLOW || x->it[i].brk == LB_MUST) { if (w > best) best = w; w = 0; }
    }
    return fmax(best, w);
}

#define MIN_TABLE_SIZE 7.0

/* Minimum and natural width of every cell and column at table size ts. */
static void measure_cells(ctx *c, const doc_block *b, tcell *tc, double ts, double pad,
                          double *cmin, double *cmax, double *smin, double *smax)
{
    const doc_table *t = &b->table;
    int nc = t->ncols, nr = t->nrows;
    for (int i = 0; i < nc; i++) cmin[i] = cmax[i] = 0;
    for (int r = 0; r < nr; r++)
        for (int col = 0; col < nc; col++) {
            const doc_cell *cell = &t->cells[r * nc + col];
            tcell *k = &tc[r * nc + col];
            if (cell->covered) continue;
            if (r == 0 && col == 0 && t->diag_top) {
                items a = {0};
                shape(c, &a, t->diag_top, ROLE_TABLE, ts, 0, 0, b->line);
                shape(c, &a, t->diag_bottom ? t->diag_bottom : "", ROLE_TABLE, ts, 0, 0, b->line);
                k->minw = k->maxw = natural_width(&a) * 0.75 + 2 * pad;
                free(a.it);
            } else {
                shape(c, &k->x, cell->text ? cell->text : "", ROLE_TABLE, ts, 0, 0, b->line);
                set_breaks(&k->x);
                k->minw = min_piece(&k->x) + 2 * pad;
                k->maxw = natural_width(&k->x) + 2 * pad;
                if (k->minw < ts * 2 + 2 * pad && k->maxw >= ts * 2 + 2 * pad) k->minw = ts * 2 + 2 * pad;
                /* short row labels (达标总数, 县平均值) stay on one line */
                if (r >= t->header_rows && k->maxw <= ts * 4.5 + 2 * pad) k->minw = k->maxw;
            }
            if (cell->colspan == 1) {
                cmin[col] = fmax(cmin[col], k->minw);
                cmax[col] = fmax(cmax[col], k->maxw);
            }
        }
    *smin = *smax = 0;
    for (int i = 0; i < nc; i++) {
        if (cmax[i] < cmin[i]) cmax[i] = cmin[i];
        if (cmin[i] <= 0) cmin[i] = cmax[i] = 2 * pad + ts;
        *smin += cmin[i]; *smax += cmax[i];
    }
}

static void draw_row_cells(ctx *c, const doc_table *t, tcell *tc, const double *colx,
                           const double *rowh, int r, double ytop, double ts, double pad, double lead,
                           int last_row_on_page)
{
    (void)last_row_on_page;
    for (int col = 0; col < t->ncols; col++) {
        const doc_cell *cell = &t->cells[r * t->ncols + col];
        if (cell->covered) continue;
        double h = 0;
        for (int k = r; k < r + cell->rowspan && k < t->nrows; k++) h += rowh[k];
        double x0 = colx[col], w = colx[col + cell->colspan] - x0;
        double yb = c->top - ytop - h;
        if (cell->shaded) op_rect(c, x0, yb, w, h, 0.82, 0);
        op_rect(c, x0, yb, w, h, -1, 0.5);
        if (r == 0 && col == 0 && t->diag_top) {
            op_line(c, x0, c->top - ytop, x0 + w, yb, 0.5, 0);
            items a = {0}, b = {0};
            shape(c, &a, t->diag_top, ROLE_TABLE, ts, 0, 0, 0);
            shape(c, &b, t->diag_bottom ? t->diag_bottom : "", ROLE_TABLE, ts, 0, 0, 0);
            double wa = natural_width(&a), wb = natural_width(&b);
            lb_line la = {0, a.n, wa, 0, 1}, lbb = {0, b.n, wb, 0, 1};
            emit_line(c, a.it, &la, x0 + w - pad - wa, baseline(c, ytop + pad, lead, ts), wa, AL_LEFT);
            emit_line(c, b.it, &lbb, x0 + pad, baseline(c, ytop + h - pad - lead, lead, ts), wb, AL_LEFT);
            free(a.it);
            free(b.it);
            continue;
        }
        tcell *k = &tc[r * t->ncols + col];
        doc_align al = cell->align != ALIGN_DEFAULT ? cell->align : t->col_align[col];
        int mode = al == ALIGN_LEFT ? AL_LEFT : al == ALIGN_RIGHT ? AL_RIGHT : AL_CENTER;
        double th = k->nl * lead;
        double y = ytop + (h - th) / 2;
        for (int i = 0; i < k->nl; i++) {
            k->lines[i].forced = 1;
            emit_line(c, k->x.it, &k->lines[i], x0 + pad, baseline(c, y, lead, ts), w - 2 * pad, mode);
            y += lead;
        }
    }
}

static void do_table(ctx *c, const doc_block *b)
{
    const doc_table *t = &b->table;
    int nc = t->ncols, nr = t->nrows;
    if (nr == 0) return;
    double ts = t->font_size > 0 ? t->font_size : c->st->table_size;
    double pad = ts * 0.4, lead = ts * 1.4;
    tcell *tc = xcalloc((size_t)(nr * nc), sizeof *tc);
    double *cmin = xcalloc((size_t)nc, sizeof *cmin), *cmax = xcalloc((size_t)nc, sizeof *cmax);
    double *colx = xcalloc((size_t)nc + 1, sizeof *colx), *rowh = xcalloc((size_t)nr, sizeof *rowh);
    double W = c->aw, smin, smax;
    /* A table whose unbreakable pieces (numbers such as 100.00) cannot all
     * fit the measure is set smaller rather than breaking a number. */
    for (;;) {
        measure_cells(c, b, tc, ts, pad, cmin, cmax, &smin, &smax);
        if (smin <= W || ts <= MIN_TABLE_SIZE) break;
        for (int i = 0; i < nr * nc; i++) { free(tc[i].x.it); memset(&tc[i], 0, sizeof tc[i]); }
        ts = fmax(MIN_TABLE_SIZE, ts * W / smin - 0.05);
        pad = ts * 0.4;
        lead = ts * 1.4;
    }
    colx[0] = c->left;
    for (int i = 0; i < nc; i++) {
        double w;
        if (smax <= W) w = cmax[i] + (W - smax) * cmax[i] / smax;
        else if (smin <= W) w = cmin[i] + (W - smin) * (cmax[i] - cmin[i]) / (smax - smin);
        else w = cmin[i] * W / smin;
        colx[i + 1] = colx[i] + w;
    }
    /* break cell text, row heights */
    for (int r = 0; r < nr; r++)
        for (int col = 0; col < nc; col++) {
            const doc_cell *cell = &t->cells[r * nc + col];
            tcell *k = &tc[r * nc + col];
            if (cell->covered) continue;
            double w = colx[col + cell->colspan] - colx[col] - 2 * pad;
            double h;
            if (r == 0 && col == 0 && t->diag_top) h = 2 * lead + 2 * pad;
            else {
                k->nl = k->x.n ? lb_fill(k->x.it, k->x.n, w, w, 0, &k->lines) : 0;
                h = (k->nl ? k->nl : 1) * lead + 2 * pad;
            }
            if (cell->rowspan == 1) rowh[r] = fmax(rowh[r], h);
        }
    for (int r = 0; r < nr; r++)
        for (int col = 0; col < nc; col++) {
            const doc_cell *cell = &t->cells[r * nc + col];
            if (cell->covered || cell->rowspan == 1) continue;
            tcell *k = &tc[r * nc + col];
            double h = (r == 0 && col == 0 && t->diag_top) ? 2 * lead + 2 * pad : (k->nl ? k->nl : 1) * lead + 2 * pad;
            int last = r + cell->rowspan - 1 < nr ? r + cell->rowspan - 1 : nr - 1;
            double s = 0;
            for (int q = r; q <= last; q++) s += rowh[q];
            if (s < h) rowh[last] += h - s;
        }
    /* groups of rows that must stay together (row spans) */
    int *gend = xcalloc((size_t)nr, sizeof *gend);   /* gend[r]: first row after r's group */
    for (int r = 0; r < nr; r++) {
        int e = r + 1;
        for (int q = r; q < e; q++)
            for (int col = 0; col < nc; col++) {
                const doc_cell *cell = &t->cells[q * nc + col];
                if (!cell->covered && q + cell->rowspan > e) e = q + cell->rowspan;
            }
        gend[r] = e > nr ? nr : e;
    }
    int hr = t->header_rows < nr ? t->header_rows : nr;
    if (hr > 0 && gend[0] > hr) hr = gend[0];
    double head = 0;
    for (int r = 0; r < hr; r++) head += rowh[r];
    double cap_h = t->caption ? ts * 1.15 * 1.6 : 0;
    int r = hr;
    double first = 0;
    for (int q = r; q < (r < nr ? gend[r] : r); q++) first += rowh[q];
    snap_grid(c);
    need(c, cap_h + head + first);
    if (t->caption) caption(c, t->caption, ts * 1.15, b->line);
    double y = c->y;
    for (int q = 0; q < hr; q++) { draw_row_cells(c, t, tc, colx, rowh, q, y, ts, pad, lead, 0); y += rowh[q]; }
    while (r < nr) {
        int e = gend[r];
        double gh = 0;
        for (int q = r; q < e; q++) gh += rowh[q];
        if (y + gh > c->ah + 0.01 && y > head + 0.01) {
            new_page(c);
            y = 0;
            for (int q = 0; q < hr; q++) { draw_row_cells(c, t, tc, colx, rowh, q, y, ts, pad, lead, 0); y += rowh[q]; }
        }
        for (int q = r; q < e; q++) { draw_row_cells(c, t, tc, colx, rowh, q, y, ts, pad, lead, q + 1 == e); y += rowh[q]; }
        r = e;
    }
    c->y = y + c->pitch * 0.5;
    snap_grid(c);
    for (int i = 0; i < nr * nc; i++) { free(tc[i].x.it); free(tc[i].lines); }
    free(tc); free(cmin); free(cmax); free(colx); free(rowh); free(gend);
}

/* ---- charts ----
 * A vector bar chart: categories along x, one bar per group in each, a y axis
 * with "nice" ticks (1, 2 or 5 x 10^k), a value over each bar, a dashed
 * reference line per group with its label, and a legend.  Fills are greys so
 * the chart survives a black-and-white printer. */

static const double GROUP_GRAY[] = {0.35, 0.72, 0.55, 0.88};

/* Draw text of role at size; align AL_LEFT/AL_CENTER/AL_RIGHT around x. */
static double chart_text(ctx *c, const char *s, double size, double x, double base, int align, int line)
{
    items t = {0};
    shape(c, &t, s, ROLE_TABLE, size, 0, 0, line);
    double w = natural_width(&t);
    double x0 = align == AL_CENTER ? x - w / 2 : align == AL_RIGHT ? x - w : x;
    lb_line l = {0, t.n, w, 0, 1};
    emit_line(c, t.it, &l, x0, base, w, AL_LEFT);
    free(t.it);
    return w;
}

static double text_width(ctx *c, const char *s, double size, int line)
{
    items t = {0};
    shape(c, &t, s, ROLE_TABLE, size, 0, 0, line);
    double w = natural_width(&t);
    free(t.it);
    return w;
}

/* Label boxes of a chart (PDF points, y up). */
typedef struct box { double x0, y0, x1, y1; } box;
typedef struct boxes { box *b; int n, cap; } boxes;

static void box_push(boxes *s, box b)
{
    XGROW(s->b, s->cap, s->n + 1);
    s->b[s->n++] = b;
}
static void box_add(boxes *s, double x0, double y0, double x1, double y1)
{
    box_push(s, (box){x0, y0, x1, y1});
}
/* 1 if b meets a box of s (touching edges do not count). */
static int box_hits(const boxes *s, const box *b, int *which)
{
    for (int i = 0; i < s->n; i++)
        if (b->x0 < s->b[i].x1 - 0.01 && s->b[i].x0 < b->x1 - 0.01 &&
            b->y0 < s->b[i].y1 - 0.01 && s->b[i].y0 < b->y1 - 0.01) {
            if (which) *which = i;
            return 1;
        }
    return 0;
}

#define CHART_MIN_LABEL 7.0   /* pt: the smallest label that prints legibly */

static double nice_step(double range, int want)
{
    double raw = range / want, p = pow(10, floor(log10(raw)));
    double m = raw / p;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

static void do_chart(ctx *c, const doc_block *b)
{
    const doc_chart *ch = &b->chart;
    if (ch->ncat <= 0 || ch->ngroups <= 0) return;
    double fs = c->st->chart_size, H = (ch->height_mm > 0 ? ch->height_mm : c->st->chart_height) * MM;
    double ymax = ch->ymax;
    for (int g = 0; g < ch->ngroups; g++) {
        for (int i = 0; i < ch->ncat; i++) ymax = fmax(ymax, ch->groups[g].values[i]);
        if (ch->groups[g].has_ref) ymax = fmax(ymax, ch->groups[g].ref);
    }
    if (ymax <= 0) ymax = 1;
    double step = nice_step(ymax, 5);
    double top_v = ceil(ymax / step - 1e-9) * step;
    if (top_v < ymax * 1.08) top_v += step;   /* room for the value labels */
    int tick_dec = step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);
    /* category labels: wrapped into their slot, up to 3 lines */
    double axis_w = fs * 3.2, plot_w = c->aw - axis_w - fs;
    double slot = plot_w / ch->ncat;
    int cat_lines = 1;
    items *cats = xcalloc((size_t)ch->ncat, sizeof *cats);
    lb_line **cl = xcalloc((size_t)ch->ncat, sizeof *cl);
    int *cn = xcalloc((size_t)ch->ncat, sizeof *cn);
    for (int i = 0; i < ch->ncat; i++) {
        shape(c, &cats[i], ch->cats[i], ROLE_TABLE, fs, 0, 0, b->line);
        set_breaks(&cats[i]);
        cn[i] = cats[i].n ? lb_fill(cats[i].it, cats[i].n, slot - 2, slot - 2, 0, &cl[i]) : 0;
        if (cn[i] > cat_lines) cat_lines = cn[i];
    }
    double lead = fs * 1.3;
    double legend_h = lead * 1.5, cap_h = ch->caption ? c->st->table_size * 1.15 * 1.6 : 0;
    double total = cap_h + legend_h + H + cat_lines * lead + fs;
    snap_grid(c);
    need(c, total);
    if (ch->caption) caption(c, ch->caption, c->st->table_size * 1.15, b->line);
    /* legend */
    double lx = c->left + axis_w;
    for (int g = 0; g < ch->ngroups; g++) {
        double by = c->top - c->y - lead;
        op_rect(c, lx, by + fs * 0.05, fs, fs * 0.8, GROUP_GRAY[g % 4], 0.5);
        lx += fs * 1.4;
        lx += chart_text(c, ch->groups[g].name, fs, lx, by + fs * 0.12, AL_LEFT, b->line) + fs * 2;
    }
    c->y += legend_h;
    double px = c->left + axis_w, py = c->top - c->y - H;   /* plot origin (lower-left) */
    /* y axis with ticks and light grid lines */
    op_line(c, px, py, px, py + H, 0.75, 0);
    op_line(c, px, py, px + plot_w, py, 0.75, 0);
    for (int k = 0; k * step <= top_v + step * 1e-6; k++) {
        double v = k * step, yy = py + H * v / top_v;
        char buf[32];
        num_format(buf, sizeof buf, v, tick_dec);
        op_line(c, px - fs * 0.3, yy, px, yy, 0.5, 0);
        chart_text(c, buf, fs * 0.9, px - fs * 0.45, yy - fs * 0.3, AL_RIGHT, b->line);
    }
    /* reference lines first: bars and labels are drawn over them */
    for (int g = 0; g < ch->ngroups; g++) {
        const doc_chart_group *gr = &ch->groups[g];
        if (!gr->has_ref) continue;
        double yy = py + H * gr->ref / top_v;
        op_line(c, px, yy, px + plot_w, yy, 0.9, 1);
    }
    /* bars */
    double bw = slot * 0.7 / ch->ngroups;
    boxes bars = {0}, labels = {0};
    box_add(&labels, px, py + H, lx, py + H + legend_h);   /* labels stay out of the legend */
    for (int i = 0; i < ch->ncat; i++) {
        double x0 = px + slot * i + slot * 0.15;
        for (int g = 0; g < ch->ngroups; g++) {
            double v = ch->groups[g].values[i], h = H * fmax(v, 0) / top_v;
            op_rect(c, x0 + g * bw, py, bw, h, GROUP_GRAY[g % 4], 0.5);
            box_add(&bars, x0 + g * bw, py, x0 + (g + 1) * bw, py + h);
        }
    }
    /* labels, placed so that no two touch: each value label over its bar,
     * raised a step while it meets one already placed; each reference label
     * at the right end of its line, above or below it, moved away from the
     * value labels, the other reference labels and then the bars */
    double ls = fmax(CHART_MIN_LABEL, fs * 0.75), rise = ls * 1.25;
    for (int i = 0; i < ch->ncat; i++) {
        double x0 = px + slot * i + slot * 0.15;
        for (int g = 0; g < ch->ngroups; g++) {
            double v = ch->groups[g].values[i], h = H * fmax(v, 0) / top_v;
            char buf[32];
            num_format(buf, sizeof buf, v, ch->decimals);
            double w = text_width(c, buf, ls, b->line), cx = x0 + g * bw + bw / 2;
            box bx = {cx - w / 2 - 0.5, py + h + ls * 0.1, cx + w / 2 + 0.5, py + h + ls * 0.1 + ls * 1.15};
            for (int k = 0; k < 12 && box_hits(&labels, &bx, NULL); k++) { bx.y0 += rise; bx.y1 += rise; }
            box_push(&labels, bx);
            op_rect(c, bx.x0, bx.y0, bx.x1 - bx.x0, bx.y1 - bx.y0, 1.0, 0);
            chart_text(c, buf, ls, cx, bx.y0 + ls * 0.25, AL_CENTER, b->line);
        }
    }
    for (int g = 0; g < ch->ngroups; g++) {
        const doc_chart_group *gr = &ch->groups[g];
        if (!gr->has_ref) continue;
        /* a given label stands alone ("小学标准 0.65"); a bare value is
         * named after its group */
        char buf[64], lab[160];
        num_format(buf, sizeof buf, gr->ref, ch->decimals);
        if (gr->ref_label) snprintf(lab, sizeof lab, "%s", gr->ref_label);
        else snprintf(lab, sizeof lab, "%s %s", gr->name, buf);
        double rs = fmax(CHART_MIN_LABEL, fs * 0.8), yy = py + H * gr->ref / top_v;
        double w = text_width(c, lab, rs, b->line), hh = rs * 1.15;
        box best = {0, 0, 0, 0};
        int placed = 0;
        /* candidates inside the plot: above, below, then further up and
         * down; clear of the bars, else over a bar on a white ground */
        for (int pass = 0; pass < 2 && !placed; pass++)
            for (int k = 0; k < 24 && !placed; k++) {
                double off = (k % 2 == 0 ? 1 : -1) * (k / 2) * hh;
                double y0 = (k % 2 == 0) ? yy + rs * 0.15 + off : yy - rs * 0.15 - hh + off;
                if (y0 < py + 0.5 || y0 + hh > py + H) continue;
                /* along the line: its right end, its left end, then centred
                 * over each category from the right */
                for (int side = 0; side < ch->ncat + 2 && !placed; side++) {
                    double x0 = side == 0 ? px + plot_w - w - 1 : side == 1 ? px + 1
                              : px + slot * (ch->ncat - side + 1.5) - w / 2;
                    if (x0 < px + 1 || x0 + w > px + plot_w - 1) continue;
                    box bx = {x0 - 0.5, y0, x0 + w + 0.5, y0 + hh};
                    if (box_hits(&labels, &bx, NULL)) continue;
                    if (pass == 0 && box_hits(&bars, &bx, NULL)) continue;
                    best = bx;
                    placed = 1;
                }
            }
        if (!placed)   /* a plot too crowded to hold it: over its line */
            best = (box){px + plot_w - w - 1.5, yy + rs * 0.15, px + plot_w - 0.5, yy + rs * 0.15 + hh};
        box_push(&labels, best);
        op_rect(c, best.x0, best.y0, best.x1 - best.x0, best.y1 - best.y0, 1.0, 0);
        chart_text(c, lab, rs, best.x0 + 0.5, best.y0 + rs * 0.25, AL_LEFT, b->line);
    }
    free(bars.b);
    free(labels.b);
    for (int i = 0; i < ch->ncat; i++) {
        for (int k = 0; k < cn[i]; k++) {
            cl[i][k].forced = 1;
            emit_line(c, cats[i].it, &cl[i][k], px + slot * i + 1, baseline(c, c->y + H + fs * 0.3 + k * lead, lead, fs),
                      slot - 2, AL_CENTER);
        }
    }
    c->y += H + fs * 0.3 + cat_lines * lead + fs * 0.5;
    snap_grid(c);
    for (int i = 0; i < ch->ncat; i++) { free(cats[i].it); free(cl[i]); }
    free(cats); free(cl); free(cn);
}

/* ---- page numbers ---- */

static void page_numbers(ctx *c)
{
    const layout_style *st = c->st;
    double size = st->pagenum_size;
    for (int p = 0; p < c->lo->npages; p++) {
        c->page = p;
        char buf[48];
        snprintf(buf, sizeof buf, "— %d —", p + 1);
        items x = {0};
        shape(c, &x, buf, ROLE_PAGENUM, size, 0, 0, 0);
        double w = natural_width(&x);
        double inset = size;   /* 空一字 */
        double xl = (p % 2 == 0) ? c->left + c->aw - inset - w : c->left + inset;
        /* the top of the figures' em box sits pagenum_gap below the type area */
        double base = c->top - c->ah - st->pagenum_gap * MM - size * ASC;
        lb_line l = {0, x.n, w, 0, 1};
        emit_line(c, x.it, &l, xl, base, w, AL_LEFT);
        free(x.it);
    }
}

/* How many grid lines of the block after a heading must share its page:
 * a first line of text, a table's caption, head and first row, a whole
 * chart (charts do not break). */
static double keep_with_heading(const ctx *c, const doc *d, int i)
{
    if (i + 1 >= d->n) return 0;
    const doc_block *n = d->blocks[i + 1];
    switch (n->type) {
    case DOC_PARAGRAPH: case DOC_HEADING: case DOC_LIST: return 1;
    case DOC_TABLE: return 4;
    case DOC_CHART: {
        double h = n->chart.height_mm > 0 ? n->chart.height_mm : c->st->chart_height;
        return ceil(h * MM / c->pitch) + 3;   /* + caption, legend and labels */
    }
    default: return 0;
    }
}

layout *layout_doc(const doc *d, const layout_style *st, fontset *fs, diag_list *dl)
{
    layout *lo = xcalloc(1, sizeof *lo);
    lo->page_w = st->page_w * MM;
    lo->page_h = st->page_h * MM;
    if (d->title) lo->title = xstrdup(d->title);
    if (d->author) lo->author = xstrdup(d->author);
    if (d->subject) lo->subject = xstrdup(d->subject);
    if (d->date) lo->date = xstrdup(d->date);
    ctx c = {0};
    c.st = st; c.fs = fs; c.dl = dl; c.d = d; c.lo = lo;
    c.left = st->margin_left * MM;
    c.top = lo->page_h - st->margin_top * MM;
    c.aw = st->area_w * MM;
    c.ah = st->area_h * MM;
    c.pitch = c.ah / st->lines;
    c.adv = c.aw / st->chars;
    c.page = -1;
    for (int i = 0; i < d->n; i++) {
        const doc_block *b = d->blocks[i];
        switch (b->type) {
        case DOC_TITLE: if (c.page < 0) new_page(&c); do_title(&c, b); break;
        case DOC_HEADING: do_heading(&c, b, keep_with_heading(&c, d, i)); break;
        case DOC_PARAGRAPH: do_para(&c, &b->para, b->line, NULL); break;
        case DOC_LIST: do_list(&c, b); break;
        case DOC_TABLE: do_table(&c, b); break;
        case DOC_CHART: do_chart(&c, b); break;
        case DOC_PAGE_BREAK: if (c.page >= 0 && c.y > 0) new_page(&c); break;
        case DOC_SIGNATURE: do_signature(&c, b); break;
        case DOC_BOOKMARK: do_bookmark(&c, b); break;
        }
    }
    if (c.page < 0) new_page(&c);
    if (st->page_numbers) page_numbers(&c);
    if (c.errors) { layout_free(lo); return NULL; }
    return lo;
}

void layout_free(layout *lo)
{
    if (!lo) return;
    for (int p = 0; p < lo->npages; p++) {
        for (int i = 0; i < lo->pages[p].n; i++) free(lo->pages[p].ops[i].text);
        free(lo->pages[p].ops);
    }
    free(lo->pages);
    free(lo->title); free(lo->author); free(lo->subject); free(lo->date);
    free(lo);
}
