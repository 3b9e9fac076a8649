/*
 * markdown — walks cmark-gfm's tree and builds doc blocks; see markdown.h for
 * the mapping.  cmark keeps source positions for blocks, which every error
 * reports.
 */
#include "document/markdown.h"
#include "common/i18n.h"
#include "common/strbuf.h"
#include "common/xalloc.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <stdlib.h>
#include <string.h>

typedef struct mctx {
    const char *file;
    const md_options *opt;
    diag_list *dl;
    doc *d;
    int errors;
} mctx;

static const char *type_of(cmark_node *n) { return cmark_node_get_type_string(n); }

static void unsupported(mctx *m, cmark_node *n, const char *what)
{
    diag_hint(diag_error(m->dl, m->file, cmark_node_get_start_line(n), cmark_node_get_start_column(n),
                         _("%s is not supported in a report document"), what),
              _("write it as plain paragraphs, headings, lists or pipe tables"));
    m->errors++;
}

/* Plain text of inline nodes (links and emphasis are flattened). */
static void inline_text(mctx *m, cmark_node *n, strbuf *sb)
{
    for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
        switch (cmark_node_get_type(c)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            sb_puts(sb, cmark_node_get_literal(c));
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            /* Chinese lines join without a space; Latin words keep one */
            if (sb->len && (unsigned char)sb->s[sb->len - 1] < 0x80) sb_putc(sb, ' ');
            break;
        case CMARK_NODE_HTML_INLINE: unsupported(m, c, _("raw HTML")); break;
        case CMARK_NODE_IMAGE: unsupported(m, c, _("an image")); break;
        case CMARK_NODE_FOOTNOTE_REFERENCE: unsupported(m, c, _("a footnote")); break;
        default:
            inline_text(m, c, sb);
        }
    }
}

static char *node_text(mctx *m, cmark_node *n)
{
    strbuf sb = STRBUF_INIT;
    inline_text(m, n, &sb);
    return sb_take(&sb);
}

/* Paragraph runs: a leading strong span is a run-in heading.  Consecutive
 * nodes of one kind are joined here and added as one run: doc_para_add
 * appends to the last run by copying it, once per node (cmark splits text at
 * every '!' or '['), which was quadratic in a long paragraph. */
static void para_runs(mctx *m, cmark_node *n, doc_para *p)
{
    int first = 1;
    strbuf run = STRBUF_INIT;
    doc_run_kind rk = RUN_PLAIN;
    for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
        strbuf sb = STRBUF_INIT;
        doc_run_kind k = RUN_PLAIN;
        if (cmark_node_get_type(c) == CMARK_NODE_STRONG) {
            k = first ? RUN_RUNIN : RUN_STRONG;
            inline_text(m, c, &sb);
        } else {
            /* wrap the single node so inline_text handles it */
            cmark_node_type t = cmark_node_get_type(c);
            if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) sb_puts(&sb, cmark_node_get_literal(c));
            else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
                /* the text so far ends in the pending run, else in the last one */
                const doc_run *last = p->nruns ? &p->runs[p->nruns - 1] : NULL;
                size_t l = run.len ? run.len : last ? strlen(last->text) : 0;
                const char *txt = run.len ? run.s : last ? last->text : "";
                if (l && (unsigned char)txt[l - 1] < 0x80) sb_putc(&sb, ' ');
            } else if (t == CMARK_NODE_HTML_INLINE) unsupported(m, c, _("raw HTML"));
            else if (t == CMARK_NODE_IMAGE) unsupported(m, c, _("an image"));
            else if (t == CMARK_NODE_FOOTNOTE_REFERENCE) unsupported(m, c, _("a footnote"));
            else inline_text(m, c, &sb);
        }
        if (sb.len) {
            if (run.len && k != rk) { doc_para_add(p, rk, sb_str(&run), run.len); run.len = 0; }
            rk = k;
            sb_add(&run, sb_str(&sb), sb.len);
        }
        sb_free(&sb);
        first = 0;
    }
    if (run.len) doc_para_add(p, rk, sb_str(&run), run.len);
    sb_free(&run);
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n')) *--e = 0;
    return s;
}

/* {{...}} directives; returns 1 if the paragraph was one. */
static int directive(mctx *m, cmark_node *n, const char *text)
{
    size_t l = strlen(text);
    if (l < 4 || strncmp(text, "{{", 2) != 0 || strcmp(text + l - 2, "}}") != 0) return 0;
    char *body = xstrndup(text + 2, l - 4);
    char *s = trim(body);
    int line = cmark_node_get_start_line(n), col = cmark_node_get_start_column(n);
    if (*s == '>') {
        char *name = trim(s + 1);
        if (!m->opt || !m->opt->block) {
            diag_hint(diag_error(m->dl, m->file, line, col, _("{{> %s}}: no computed blocks here"), name),
                      _("computed blocks are filled in by `junheng report`, not by `junheng render`"));
            m->errors++;
        } else {
            int before = m->d->n;
            if (m->opt->block(m->opt->ud, name, m->d, m->dl) != 0) m->errors++;
            for (int i = before; i < m->d->n; i++)
                if (!m->d->blocks[i]->line) { m->d->blocks[i]->line = line; m->d->blocks[i]->col = col; }
        }
    } else if (strncmp(s, "signature", 9) == 0 && (s[9] == ' ' || s[9] == 0)) {
        char *bar = strchr(s + 9, '|');
        if (!bar) {
            diag_hint(diag_error(m->dl, m->file, line, col, _("{{signature}} needs an issuer and a date")),
                      _("write {{signature 某某县人民政府 | 2019年11月20日}}"));
            m->errors++;
        } else {
            *bar = 0;
            doc_block *b = doc_add_signature(m->d, trim(s + 9), trim(bar + 1));
            b->line = line; b->col = col;
        }
    } else if (strncmp(s, "bookmark", 8) == 0 && (s[8] == ' ' || s[8] == ':')) {
        int level = 0;
        char *t = s + 8;
        if (*t == ':') { level = atoi(t + 1); while (*t && *t != ' ') t++; }
        t = trim(t);
        if (!*t) {
            diag_error(m->dl, m->file, line, col, _("{{bookmark}} needs a title"));
            m->errors++;
        } else {
            doc_block *b = doc_add_bookmark(m->d, level, t);
            b->line = line; b->col = col;
        }
    } else if (m->opt && m->opt->placeholders) {
        free(body);
        return 0;   /* a template's own {{...}}: plain text until it is expanded */
    } else {
        diag_hint(diag_error(m->dl, m->file, line, col, _("unknown directive {{%s}}"), s),
                  _("known: {{> name}}, {{signature ISSUER | DATE}}, {{bookmark TITLE}}"));
        m->errors++;
    }
    free(body);
    return 1;
}

static int is_caption(const char *s)
{
    return strncmp(s, "表", 3) == 0 && ((s[3] >= '0' && s[3] <= '9') || s[3] == ' ');
}

static void table(mctx *m, cmark_node *n, const char *caption)
{
    int nc = cmark_gfm_extensions_get_table_columns(n);
    doc_block *b = doc_add_table(m->d, nc, caption);
    b->line = cmark_node_get_start_line(n);
    b->col = cmark_node_get_start_column(n);
    doc_table *t = &b->table;
    uint8_t *al = cmark_gfm_extensions_get_table_alignments(n);
    for (int i = 0; i < nc && al; i++)
        t->col_align[i] = al[i] == 'l' ? ALIGN_LEFT : al[i] == 'c' ? ALIGN_CENTER : al[i] == 'r' ? ALIGN_RIGHT : ALIGN_DEFAULT;
    int r = 0;
    for (cmark_node *row = cmark_node_first_child(n); row; row = cmark_node_next(row), r++) {
        if (cmark_gfm_extensions_get_table_row_is_header(row)) t->header_rows = r + 1;
        int col = 0;
        for (cmark_node *cell = cmark_node_first_child(row); cell && col < nc; cell = cmark_node_next(cell), col++) {
            char *s = node_text(m, cell);
            doc_table_set(t, r, col, trim(s));
            free(s);
        }
        for (; col < nc; col++) doc_table_set(t, r, col, "");
    }
    /* diagonal corner */
    char *c0 = t->nrows ? t->cells[0].text : NULL;
    char *sep = c0 ? strstr(c0, "\\") : NULL;
    size_t sl = 1;
    if (c0 && !sep) { sep = strstr(c0, "╲"); sl = strlen("╲"); }
    if (sep && t->header_rows > 0) {
        char *a = xstrndup(c0, (size_t)(sep - c0));
        doc_table_diagonal(t, trim(a), trim(sep + sl));
        free(a);
    }
    /* a body cell of the first column that repeats the one above (小学,
     * 小学: the 学段 of each row) is merged with it, as if written "^" */
    const char *above = NULL;
    for (int rr = t->header_rows; rr < t->nrows; rr++) {
        doc_cell *x = &t->cells[rr * nc];
        int joined_right = nc > 1 && !strcmp(t->cells[rr * nc + 1].text, "<");
        if (!strcmp(x->text, "^")) continue;
        if (above && *x->text && !joined_right && !strcmp(x->text, above)) doc_set(&x->text, "^");
        else above = joined_right ? NULL : x->text;
    }
    /* spans: "<" joins left, "^" joins up */
    for (int rr = 0; rr < t->nrows; rr++)
        for (int cc = 0; cc < nc; cc++) {
            const char *s = t->cells[rr * nc + cc].text;
            if (!strcmp(s, "<") || !strcmp(s, "^")) continue;
            int cs = 1, rs = 1;
            while (cc + cs < nc && !strcmp(t->cells[rr * nc + cc + cs].text, "<")) cs++;
            while (rr + rs < t->nrows && !strcmp(t->cells[(rr + rs) * nc + cc].text, "^")) rs++;
            if ((cs > 1 || rs > 1) && doc_table_span(t, rr, cc, rs, cs) != 0) {
                diag_hint(diag_error(m->dl, m->file, b->line + rr + (rr > 0), 0,
                                     _("table row %d, column %d: the cell spans overlap"), rr + 1, cc + 1),
                          _("use ^ only under a cell and < only right of one, as a rectangle"));
                m->errors++;
            }
        }
    for (int i = 0; i < t->nrows * nc; i++) {
        doc_cell *x = &t->cells[i];
        if (!x->covered && (!strcmp(x->text, "<") || !strcmp(x->text, "^"))) {
            diag_hint(diag_error(m->dl, m->file, b->line + i / nc + (i / nc > 0), 0,
                                 _("table row %d, column %d: “%s” has no cell to join"), i / nc + 1, i % nc + 1, x->text),
                      _("^ joins the cell above, < the cell to the left"));
            m->errors++;
        }
    }
}

static void block(mctx *m, cmark_node *n)
{
    int line = cmark_node_get_start_line(n), col = cmark_node_get_start_column(n);
    const char *ty = type_of(n);
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_HEADING: {
        int lv = cmark_node_get_heading_level(n);
        char *s = node_text(m, n);
        doc_block *b = NULL;
        if (lv == 1) b = doc_add_title(m->d, s);
        else if (lv <= 5) b = doc_add_heading(m->d, lv - 1, s);
        else unsupported(m, n, _("a level-6 heading"));
        if (b) { b->line = line; b->col = col; }
        free(s);
        return;
    }
    case CMARK_NODE_PARAGRAPH: {
        char *s = node_text(m, n);
        char *t = trim(s);
        cmark_node *next = cmark_node_next(n);
        if (directive(m, n, t)) { free(s); return; }
        if (next && !strcmp(type_of(next), "table") && is_caption(t)) {
            table(m, next, t);
            free(s);
            cmark_node_unlink(next);   /* done; the walker must not see it again */
            cmark_node_free(next);
            return;
        }
        doc_block *b = doc_add_paragraph(m->d);
        b->line = line; b->col = col;
        /* CommonMark does not close "**" between a full-width mark and an
         * ideograph ("。**紧紧"), so a run-in heading may arrive as text */
        char *close = strncmp(t, "**", 2) == 0 ? strstr(t + 2, "**") : NULL;
        if (close && close > t + 2 && cmark_node_get_type(cmark_node_first_child(n)) != CMARK_NODE_STRONG) {
            doc_para_add(&b->para, RUN_RUNIN, t + 2, (size_t)(close - t - 2));
            doc_para_add(&b->para, RUN_PLAIN, close + 2, strlen(close + 2));
        } else {
            para_runs(m, n, &b->para);
        }
        free(s);
        return;
    }
    case CMARK_NODE_LIST: {
        doc_block *b = doc_add_list(m->d, cmark_node_get_list_type(n) == CMARK_ORDERED_LIST,
                                    cmark_node_get_list_start(n));
        b->line = line; b->col = col;
        for (cmark_node *it = cmark_node_first_child(n); it; it = cmark_node_next(it)) {
            doc_para *p = doc_list_add_item(b);
            for (cmark_node *c = cmark_node_first_child(it); c; c = cmark_node_next(c)) {
                if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH) para_runs(m, c, p);
                else unsupported(m, c, _("a nested block inside a list item"));
            }
        }
        return;
    }
    case CMARK_NODE_THEMATIC_BREAK: {
        doc_block *b = doc_add_page_break(m->d);
        b->line = line; b->col = col;
        return;
    }
    case CMARK_NODE_CODE_BLOCK: unsupported(m, n, _("a code block")); return;
    case CMARK_NODE_HTML_BLOCK: unsupported(m, n, _("raw HTML")); return;
    case CMARK_NODE_BLOCK_QUOTE: unsupported(m, n, _("a block quote")); return;
    default:
        if (!strcmp(ty, "table")) { table(m, n, NULL); return; }
        unsupported(m, n, ty);
    }
}

doc *md_to_doc(const char *text, size_t len, const char *filename, const md_options *opt, diag_list *dl)
{
    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser *p = cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8);
    cmark_syntax_extension *tab = cmark_find_syntax_extension("table");
    if (tab) cmark_parser_attach_syntax_extension(p, tab);
    cmark_parser_feed(p, text, len);
    cmark_node *root = cmark_parser_finish(p);
    mctx m = {filename, opt, dl, doc_new(filename), 0};
    for (cmark_node *n = cmark_node_first_child(root); n; n = cmark_node_next(n)) block(&m, n);
    cmark_node_free(root);
    cmark_parser_free(p);
    if (m.errors) { doc_free(m.d); return NULL; }
    for (int i = 0; i < m.d->n; i++)
        if (m.d->blocks[i]->type == DOC_TITLE) { doc_set(&m.d->title, m.d->blocks[i]->text); break; }
    return m.d;
}
