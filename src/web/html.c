/* html — see html.h. */
#include "web/html.h"
#include "common/i18n.h"
#include "common/fileio.h"
#include "input/table.h"
#include "common/utf8.h"
#include "common/xalloc.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void html_escape(strbuf *out, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': sb_puts(out, "&amp;"); break;
        case '<': sb_puts(out, "&lt;"); break;
        case '>': sb_puts(out, "&gt;"); break;
        case '"': sb_puts(out, "&quot;"); break;
        case '\'': sb_puts(out, "&#39;"); break;
        default: sb_putc(out, *s);
        }
    }
}

static const char *align_class(doc_align a)
{
    return a == ALIGN_LEFT ? "l" : a == ALIGN_RIGHT ? "r" : a == ALIGN_CENTER ? "c" : "";
}

static void table_html(strbuf *out, const doc_table *t)
{
    sb_puts(out, "<figure class=\"doc-table\">");
    if (t->caption) {
        sb_puts(out, "<figcaption>");
        html_escape(out, t->caption);
        sb_puts(out, "</figcaption>");
    }
    sb_puts(out, "<table>");
    for (int r = 0; r < t->nrows; r++) {
        sb_puts(out, r < t->header_rows ? "<tr class=\"head\">" : "<tr>");
        for (int c = 0; c < t->ncols; c++) {
            const doc_cell *cell = &t->cells[r * t->ncols + c];
            if (cell->covered) continue;
            const char *tag = r < t->header_rows ? "th" : "td";
            sb_printf(out, "<%s", tag);
            if (cell->rowspan > 1) sb_printf(out, " rowspan=\"%d\"", cell->rowspan);
            if (cell->colspan > 1) sb_printf(out, " colspan=\"%d\"", cell->colspan);
            doc_align a = cell->align != ALIGN_DEFAULT ? cell->align : t->col_align ? t->col_align[c] : ALIGN_DEFAULT;
            sb_printf(out, " class=\"%s%s\">", align_class(a), cell->shaded ? " shaded" : "");
            if (r == 0 && c == 0 && t->diag_top) {
                /* the diagonal corner cell: top-right and bottom-left labels */
                sb_puts(out, "<span class=\"diag-top\">");
                html_escape(out, t->diag_top);
                sb_puts(out, "</span><span class=\"diag-bottom\">");
                html_escape(out, t->diag_bottom);
                sb_puts(out, "</span>");
            } else {
                html_escape(out, cell->text);
            }
            sb_printf(out, "</%s>", tag);
        }
        sb_puts(out, "</tr>");
    }
    sb_puts(out, "</table></figure>");
}

/* A category label under its bars, broken into lines that fit the slot
 * (a Chinese character is about 12 px wide). */
static void cat_label(strbuf *out, const char *s, double x, double y, double slot)
{
    int per = (int)(slot / 12.2);
    if (per < 2) per = 2;
    sb_printf(out, "<text x=\"%.1f\" y=\"%.1f\" class=\"cat\" text-anchor=\"middle\">", x, y);
    size_t n = strlen(s);
    int line = 0;
    while (n) {
        size_t take = 0;
        for (int k = 0; k < per && take < n; k++) {
            uint32_t cp;
            take += (size_t)utf8_decode(s + take, n - take, &cp);
        }
        sb_printf(out, "<tspan x=\"%.1f\" dy=\"%s\">", x, line++ ? "1.2em" : "0");
        char *part = xstrndup(s, take);
        html_escape(out, part);
        free(part);
        sb_puts(out, "</tspan>");
        s += take;
        n -= take;
    }
    sb_puts(out, "</text>");
}

/* Grouped bars with each group's reference line, labelled as in the PDF. */
static void chart_svg(strbuf *out, const doc_chart *ch)
{
    const double W = 760, H = 330, left = 48, right = 100, top = 28, bottom = 80;
    double pw = W - left - right, ph = H - top - bottom;
    double ymax = ch->ymax;
    for (int g = 0; g < ch->ngroups; g++) {
        for (int i = 0; i < ch->ncat; i++)
            if (ch->groups[g].values[i] > ymax) ymax = ch->groups[g].values[i];
        if (ch->groups[g].has_ref && ch->groups[g].ref > ymax) ymax = ch->groups[g].ref;
    }
    if (!(ymax > 0)) ymax = 1;
    /* a round step (1, 2, 2.5 or 5 × 10^k) and the axis up to a whole step above */
    double raw = ymax * 1.1 / 4, mag = pow(10, floor(log10(raw))), step = mag;
    static const double nice[] = {1, 2, 2.5, 5, 10};
    for (int k = 0; k < 5; k++) if (nice[k] * mag >= raw) { step = nice[k] * mag; break; }
    int ticks = (int)ceil(ymax * 1.1 / step);
    ymax = ticks * step;
    int tdec = step >= 1 ? 0 : step >= 0.1 ? (fmod(step * 10, 1) ? 2 : 1) : 2;
    static const char *const color[] = {"#4a6fa5", "#c0504d", "#9bbb59", "#8064a2"};
    sb_puts(out, "<figure class=\"doc-chart\">");
    sb_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" role=\"img\">", W, H);
    sb_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>", left, top + ph,
              left + pw, top + ph);
    sb_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>", left, top, left,
              top + ph);
    for (int k = 0; k <= ticks; k++) {
        double v = step * k, y = top + ph - ph * k / ticks;
        sb_printf(out, "<text x=\"%.1f\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%.*f</text>", left - 4,
                  y + 4, tdec, v);
        if (k) sb_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e4e4e4\"/>", left, y,
                         left + pw, y);
    }
    double slot = ch->ncat ? pw / ch->ncat : pw;
    double bw = ch->ngroups ? slot * 0.7 / ch->ngroups : slot;
    for (int i = 0; i < ch->ncat; i++) {
        double x0 = left + slot * i + slot * 0.15;
        for (int g = 0; g < ch->ngroups; g++) {
            double v = ch->groups[g].values[i], h = v / ymax * ph;
            double x = x0 + bw * g, y = top + ph - h;
            sb_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>", x, y,
                      bw - 1, h, color[g % 4]);
            sb_printf(out, "<text x=\"%.1f\" y=\"%.1f\" class=\"val\" text-anchor=\"middle\">%.*f</text>",
                      x + bw / 2, y - 3, ch->decimals, v);
        }
        cat_label(out, ch->cats[i], x0 + bw * ch->ngroups / 2, top + ph + 16, slot);
    }
    for (int g = 0; g < ch->ngroups; g++) {
        const doc_chart_group *gr = &ch->groups[g];
        double lx = left + 10 + g * 170, ly = H - 8;
        sb_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>", lx, ly - 10,
                  color[g % 4]);
        sb_printf(out, "<text x=\"%.1f\" y=\"%.1f\" class=\"legend\">", lx + 16, ly);
        html_escape(out, gr->name);
        sb_puts(out, "</text>");
        if (!gr->has_ref) continue;
        double y = top + ph - gr->ref / ymax * ph;
        sb_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"6 4\"/>",
                  left, y, left + pw, y, color[g % 4]);
        /* the label right of the plot, clear of the bars and of the other labels */
        double ly2 = y + 4;
        for (int h = 0; h < g; h++) {
            const doc_chart_group *o = &ch->groups[h];
            double oy = top + ph - o->ref / ymax * ph + 4;
            if (o->has_ref && fabs(oy - ly2) < 14) ly2 = oy + (ly2 >= oy ? 14 : -14);
        }
        sb_printf(out, "<text x=\"%.1f\" y=\"%.1f\" class=\"ref\" text-anchor=\"start\" fill=\"%s\">", left + pw + 4,
                  ly2, color[g % 4]);
        html_escape(out, gr->ref_label ? gr->ref_label : "");
        sb_puts(out, "</text>");
    }
    sb_puts(out, "</svg>");
    if (ch->caption) {
        sb_puts(out, "<figcaption>");
        html_escape(out, ch->caption);
        sb_puts(out, "</figcaption>");
    }
    sb_puts(out, "</figure>");
}

void html_doc_figures(strbuf *out, const doc *d)
{
    for (int i = 0; i < d->n; i++) {
        const doc_block *b = d->blocks[i];
        if (b->type == DOC_TABLE) table_html(out, &b->table);
        else if (b->type == DOC_CHART) chart_svg(out, &b->chart);
    }
}

/* ---- a data file as a table ------------------------------------------------ */

/* The readers of input/table.h, the loader's own: the same rows, cells and
 * lines (a workbook's row numbers) as the problems name. */
int web_table_read(const char *path, const char *sheet, web_table *t, diag_list *dl)
{
    memset(t, 0, sizeof *t);
    size_t len;
    char *data = file_read(path, _("the school data"), FILE_CAP_DATA, &len, dl);
    if (!data) return -1;
    jh_table jt;
    memset(&jt, 0, sizeof jt);
    int rc = xlsx_sniff(data, len) ? xlsx_read(path, data, len, sheet, &jt, dl)
                                    : csv_read(path, data, len, JH_ENC_AUTO, &jt, dl);
    free(data);
    if (rc == 0) {
        int n = jt.n < 100000 ? jt.n : 100000;
        t->rows = xcalloc((size_t)n + 1, sizeof *t->rows);
        t->ncols = xcalloc((size_t)n + 1, sizeof *t->ncols);
        t->line = xcalloc((size_t)n + 1, sizeof *t->line);
        for (int r = 0; r < n; r++) {
            const jh_row *row = &jt.rows[r];
            t->rows[r] = xcalloc((size_t)row->n + 1, sizeof **t->rows);
            for (int c = 0; c < row->n; c++) t->rows[r][c] = xstrdup(row->c[c].text);
            t->ncols[r] = row->n;
            t->line[r] = row->line;
        }
        t->n = t->cap = n;
        t->encoding = xstrdup(jt.encoding ? jt.encoding : "");
    }
    table_free(&jt);
    return rc;
}

void web_table_free(web_table *t)
{
    for (int i = 0; i < t->n; i++) {
        for (int c = 0; c < t->ncols[i]; c++) free(t->rows[i][c]);
        free(t->rows[i]);
    }
    free(t->rows);
    free(t->ncols);
    free(t->line);
    free(t->encoding);
    memset(t, 0, sizeof *t);
}
