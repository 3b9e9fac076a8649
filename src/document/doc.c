/* doc — see doc.h.  Plain owned arrays; doc_free releases everything. */
#include "document/doc.h"
#include "common/xalloc.h"

#include <stdlib.h>
#include <string.h>

doc *doc_new(const char *file)
{
    doc *d = xcalloc(1, sizeof *d);
    if (file) d->file = xstrdup(file);
    return d;
}

static void para_free(doc_para *p)
{
    for (int i = 0; i < p->nruns; i++) free(p->runs[i].text);
    free(p->runs);
}

static void block_free(doc_block *b)
{
    if (!b) return;
    free(b->text);
    free(b->text2);
    para_free(&b->para);
    for (int i = 0; i < b->nitems; i++) block_free(b->items[i]);
    free(b->items);
    doc_table *t = &b->table;
    for (int i = 0; i < t->nrows * t->ncols; i++) free(t->cells[i].text);
    free(t->cells);
    free(t->col_align);
    free(t->caption);
    free(t->diag_top);
    free(t->diag_bottom);
    doc_chart *c = &b->chart;
    for (int i = 0; i < c->ncat; i++) free(c->cats[i]);
    free(c->cats);
    for (int i = 0; i < c->ngroups; i++) {
        free(c->groups[i].name);
        free(c->groups[i].values);
        free(c->groups[i].ref_label);
    }
    free(c->groups);
    free(c->caption);
    free(b);
}

void doc_free(doc *d)
{
    if (!d) return;
    for (int i = 0; i < d->n; i++) block_free(d->blocks[i]);
    free(d->blocks);
    free(d->file); free(d->title); free(d->author); free(d->subject); free(d->date);
    free(d);
}

void doc_append(doc *dst, doc *src)
{
    if (!src) return;
    XGROW(dst->blocks, dst->cap, dst->n + src->n);
    for (int i = 0; i < src->n; i++) dst->blocks[dst->n++] = src->blocks[i];
    src->n = 0;
    doc_free(src);
}

void doc_set(char **field, const char *value)
{
    free(*field);
    *field = value ? xstrdup(value) : NULL;
}

static doc_block *add(doc *d, doc_block_type type)
{
    doc_block *b = xcalloc(1, sizeof *b);
    b->type = type;
    XGROW(d->blocks, d->cap, d->n + 1);
    d->blocks[d->n++] = b;
    return b;
}

doc_block *doc_add_title(doc *d, const char *text)
{
    doc_block *b = add(d, DOC_TITLE);
    b->text = xstrdup(text);
    return b;
}

doc_block *doc_add_heading(doc *d, int level, const char *text)
{
    doc_block *b = add(d, DOC_HEADING);
    b->level = level < 1 ? 1 : level > 4 ? 4 : level;
    b->text = xstrdup(text);
    return b;
}

doc_block *doc_add_paragraph(doc *d) { return add(d, DOC_PARAGRAPH); }

void doc_para_add(doc_para *p, doc_run_kind kind, const char *text, size_t len)
{
    if (len == 0) return;
    if (p->nruns > 0 && p->runs[p->nruns - 1].kind == kind) {
        doc_run *r = &p->runs[p->nruns - 1];
        size_t old = strlen(r->text);
        r->text = xrealloc(r->text, old + len + 1);
        memcpy(r->text + old, text, len);
        r->text[old + len] = 0;
        return;
    }
    XGROW(p->runs, p->cap, p->nruns + 1);
    p->runs[p->nruns].kind = kind;
    p->runs[p->nruns].text = xstrndup(text, len);
    p->nruns++;
}

doc_block *doc_add_list(doc *d, int ordered, int start)
{
    doc_block *b = add(d, DOC_LIST);
    b->ordered = ordered;
    b->start = start;
    return b;
}

doc_para *doc_list_add_item(doc_block *list)
{
    doc_block *it = xcalloc(1, sizeof *it);
    it->type = DOC_PARAGRAPH;
    XGROW(list->items, list->icap, list->nitems + 1);
    list->items[list->nitems++] = it;
    return &it->para;
}

doc_block *doc_add_page_break(doc *d) { return add(d, DOC_PAGE_BREAK); }

doc_block *doc_add_signature(doc *d, const char *issuer, const char *date)
{
    doc_block *b = add(d, DOC_SIGNATURE);
    b->text = xstrdup(issuer ? issuer : "");
    b->text2 = xstrdup(date ? date : "");
    return b;
}

doc_block *doc_add_bookmark(doc *d, int level, const char *title)
{
    doc_block *b = add(d, DOC_BOOKMARK);
    b->level = level < 0 ? 0 : level;
    b->text = xstrdup(title);
    return b;
}

doc_block *doc_add_table(doc *d, int ncols, const char *caption)
{
    doc_block *b = add(d, DOC_TABLE);
    doc_table *t = &b->table;
    t->ncols = ncols < 1 ? 1 : ncols;
    t->col_align = xcalloc((size_t)t->ncols, sizeof *t->col_align);
    if (caption) t->caption = xstrdup(caption);
    return b;
}

doc_cell *doc_table_cell(doc_table *t, int row, int col)
{
    if (row < 0 || col < 0 || col >= t->ncols) return NULL;
    if (row >= t->nrows) {
        int need = (row + 1) * t->ncols;
        int cap = t->cap;
        XGROW(t->cells, cap, need);
        t->cap = cap;
        for (int i = t->nrows * t->ncols; i < need; i++) {
            memset(&t->cells[i], 0, sizeof t->cells[i]);
            t->cells[i].rowspan = t->cells[i].colspan = 1;
        }
        t->nrows = row + 1;
    }
    return &t->cells[row * t->ncols + col];
}

void doc_table_set(doc_table *t, int row, int col, const char *text)
{
    doc_cell *c = doc_table_cell(t, row, col);
    if (!c) return;
    free(c->text);
    c->text = xstrdup(text ? text : "");
}

int doc_table_span(doc_table *t, int row, int col, int rowspan, int colspan)
{
    if (rowspan < 1 || colspan < 1 || col + colspan > t->ncols || row < 0 || col < 0) return -1;
    doc_table_cell(t, row + rowspan - 1, col);
    for (int r = row; r < row + rowspan; r++)
        for (int c = col; c < col + colspan; c++) {
            doc_cell *x = &t->cells[r * t->ncols + c];
            if ((r != row || c != col) && (x->covered || x->rowspan > 1 || x->colspan > 1)) return -1;
        }
    for (int r = row; r < row + rowspan; r++)
        for (int c = col; c < col + colspan; c++)
            if (r != row || c != col) t->cells[r * t->ncols + c].covered = 1;
    doc_cell *x = &t->cells[row * t->ncols + col];
    x->rowspan = rowspan;
    x->colspan = colspan;
    return 0;
}

void doc_table_diagonal(doc_table *t, const char *top_right, const char *bottom_left)
{
    doc_set(&t->diag_top, top_right);
    doc_set(&t->diag_bottom, bottom_left);
}

doc_block *doc_add_chart(doc *d, const char *caption, int ncat, const char *const *cats)
{
    doc_block *b = add(d, DOC_CHART);
    doc_chart *c = &b->chart;
    if (caption) c->caption = xstrdup(caption);
    c->ncat = ncat;
    c->cats = xcalloc((size_t)(ncat > 0 ? ncat : 1), sizeof *c->cats);
    for (int i = 0; i < ncat; i++) c->cats[i] = xstrdup(cats[i]);
    c->decimals = 2;
    return b;
}

doc_chart_group *doc_chart_add_group(doc_chart *c, const char *name, const double *values)
{
    c->groups = xrealloc(c->groups, (size_t)(c->ngroups + 1) * sizeof *c->groups);
    doc_chart_group *g = &c->groups[c->ngroups++];
    memset(g, 0, sizeof *g);
    g->name = xstrdup(name ? name : "");
    g->values = xcalloc((size_t)(c->ncat > 0 ? c->ncat : 1), sizeof *g->values);
    for (int i = 0; i < c->ncat; i++) g->values[i] = values[i];
    return g;
}

void doc_chart_ref(doc_chart_group *g, double value, const char *label)
{
    g->has_ref = 1;
    g->ref = value;
    doc_set(&g->ref_label, label);
}
