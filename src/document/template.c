/*
 * template — see template.h.
 *
 * Two passes.  The parser turns the text into a tree of text runs, values,
 * sections and block lines, applying the standalone-line rule as it goes and
 * stopping at the first structural error (after an unclosed tag or section
 * every later position would be a guess).  The renderer then walks the tree
 * against a stack of contexts, reporting every unknown name once per tag, and
 * keeps rendering after an error so that one run shows all the typos; the
 * output is thrown away if anything was reported.
 */
#include "document/template.h"
#include "common/i18n.h"
#include "common/strbuf.h"
#include "common/utf8.h"
#include "common/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef enum { N_TEXT, N_VAR, N_RAWVAR, N_SECTION, N_INVERTED, N_BLOCK } node_kind;

typedef struct node node;
typedef struct body { node *v; int n, cap; } body;

struct node {
    node_kind kind;
    size_t off, len;   /* TEXT, BLOCK: the bytes to copy; otherwise the name */
    size_t at;         /* where the tag's "{{" is, for diagnostics */
    body kids;         /* SECTION, INVERTED */
    int reported;      /* a name error was reported here already */
};

typedef struct tpl {
    const char *s;     /* the template, after any byte-order mark */
    size_t n;
    const char *file;
    const template_opts *opts;
    diag_list *dl;
    int errors;
    /* rendering */
    const tv_value *stack[TEMPLATE_MAX_DEPTH + 2];
    int sp;
    long steps;        /* nodes visited, against runaway nesting of lists */
    strbuf out;
    /* positions (where) */
    size_t *lines;     /* offsets of line starts, built at the first error */
    int nlines, nlines_cap;
    size_t cur_off;    /* the last position asked for, and its line and column */
    int cur_line, cur_col;
    size_t eol_from, eol;  /* line_end's last answer: eol for any position in [eol_from, eol] */
    int name_errors;   /* name errors reported; past TEMPLATE_MAX_NAME_ERRORS only counted */
    int name_dropped;
} tpl;

/* A report visits a few thousand nodes; lists nested in themselves could
 * visit 3^32.  Past this budget the template is wrong, not slow. */
#define MAX_STEPS 10000000L

/* ---- positions and diagnostics ---- */

/* Line and column (in characters) of byte off.  Errors come mostly in text
 * order, so counting goes on from the previous answer; going back, from the
 * start of off's line, found in the index of line starts (built at the first
 * error).  Counting from the start of the text for each error made 10^5
 * unknown names take minutes. */
static void where(tpl *t, size_t off, int *line, int *col)
{
    if (off > t->n) off = t->n;
    if (!t->lines) {
        XGROW(t->lines, t->nlines_cap, 1);
        t->lines[t->nlines++] = 0;
        for (const char *p = t->s, *e = t->s + t->n; (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++) {
            XGROW(t->lines, t->nlines_cap, t->nlines + 1);
            t->lines[t->nlines++] = (size_t)(p - t->s) + 1;
        }
    }
    if (off < t->cur_off || t->cur_line == 0) {
        size_t lo = 0, hi = (size_t)t->nlines;   /* the last line start <= off */
        while (hi - lo > 1) {
            size_t mid = (lo + hi) / 2;
            if (t->lines[mid] <= off) lo = mid; else hi = mid;
        }
        t->cur_off = t->lines[lo];
        t->cur_line = (int)lo + 1;
        t->cur_col = 1;
    }
    size_t i = t->cur_off;
    int l = t->cur_line, c = t->cur_col;
    while (i < off) {
        if (t->s[i] == '\n') { l++; c = 1; i++; continue; }
        uint32_t cp;
        i += (size_t)utf8_decode(t->s + i, t->n - i, &cp);
        c++;
    }
    t->cur_off = i;
    t->cur_line = l;
    t->cur_col = c;
    *line = l;
    *col = c;
}

static diag *err(tpl *t, size_t off, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static diag *err(tpl *t, size_t off, const char *fmt, ...)
{
    int line, col;
    where(t, off, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    diag *d = diag_addv(t->dl, DIAG_ERROR, t->file, line, col, fmt, ap);
    va_end(ap);
    t->errors++;
    return d;
}

/* ---- names and hints ---- */

/* Levenshtein distance over code points; names longer than 64 are "far". */
static int distance(const char *a, size_t an, const char *b, size_t bn)
{
    enum { MAXCP = 64 };
    uint32_t x[MAXCP], y[MAXCP];
    int nx = 0, ny = 0;
    for (size_t i = 0; i < an; nx++) {
        if (nx == MAXCP) return 1000;
        i += (size_t)utf8_decode(a + i, an - i, &x[nx]);
    }
    for (size_t i = 0; i < bn; ny++) {
        if (ny == MAXCP) return 1000;
        i += (size_t)utf8_decode(b + i, bn - i, &y[ny]);
    }
    int row[MAXCP + 1];
    for (int j = 0; j <= ny; j++) row[j] = j;
    for (int i = 1; i <= nx; i++) {
        int diag_prev = row[0];
        row[0] = i;
        for (int j = 1; j <= ny; j++) {
            int up = row[j], best = diag_prev + (x[i - 1] != y[j - 1]);
            if (up + 1 < best) best = up + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            diag_prev = up;
            row[j] = best;
        }
    }
    return row[ny];
}

/* Candidate names for a hint: a small set collected from maps or a list. */
typedef struct cands { const char *v[512]; int n; } cands;

static void cand_add(cands *c, const char *name)
{
    for (int i = 0; i < c->n; i++)
        if (strcmp(c->v[i], name) == 0) return;
    if (c->n < (int)(sizeof c->v / sizeof c->v[0])) c->v[c->n++] = name;
}

static void cand_keys(cands *c, const tv_value *map)
{
    for (size_t i = 0; i < tv_count(map); i++) {
        const char *k = tv_key_at(map, i);
        if (k) cand_add(c, k);
    }
}

/* "did you mean `x`?" for a near miss, else the names that exist. */
static void hint_nearest(diag *d, const cands *c, const char *name, size_t len, const char *what)
{
    if (!d) return;
    int blocks = !strcmp(what, "blocks");
    if (c->n == 0) { diag_hint(d, blocks ? _("there are no blocks here") : _("there are no names here")); return; }
    int best = 1000, bi = -1;
    for (int i = 0; i < c->n; i++) {
        int dist = distance(name, len, c->v[i], strlen(c->v[i]));
        if (dist < best) { best = dist; bi = i; }
    }
    size_t ncp = utf8_len(name, len);
    int limit = ncp <= 3 ? 1 : ncp <= 6 ? 2 : 3;
    if (best <= limit) { diag_hint(d, _("did you mean `%s`?"), c->v[bi]); return; }
    strbuf b = STRBUF_INIT;
    int show = c->n < 8 ? c->n : 8;
    for (int i = 0; i < show; i++) sb_printf(&b, "%s`%s`", i ? ", " : "", c->v[i]);
    if (c->n > show) sb_printf(&b, _(" and %d more (see `junheng figures`)"), c->n - show);
    diag_hint(d, blocks ? _("blocks here: %s") : _("names here: %s"), sb_str(&b));
    sb_free(&b);
}

static int name_byte_ok(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-' || c >= 0x80;
}

/* "." or segments of name bytes joined by single dots. */
static int name_ok(const char *s, size_t n)
{
    if (n == 1 && s[0] == '.') return 1;
    if (n == 0 || s[0] == '.' || s[n - 1] == '.') return 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.') { if (s[i + 1] == '.') return 0; continue; }
        if (!name_byte_ok((unsigned char)s[i])) return 0;
    }
    return 1;
}

/* ---- parsing ---- */

typedef enum { T_VAR, T_RAW, T_SECTION, T_INVERTED, T_CLOSE, T_COMMENT, T_BLOCK } tag_kind;

typedef struct tag {
    tag_kind kind;
    size_t at, end;         /* "{{" and just past the closing braces */
    size_t name, name_len;  /* the trimmed name */
} tag;

static void body_free(body *b)
{
    for (int i = 0; i < b->n; i++) body_free(&b->v[i].kids);
    free(b->v);
    memset(b, 0, sizeof *b);
}

static node *body_add(body *b, node_kind k, size_t off, size_t len, size_t at)
{
    XGROW(b->v, b->cap, b->n + 1);
    node *nd = &b->v[b->n++];
    memset(nd, 0, sizeof *nd);
    nd->kind = k;
    nd->off = off;
    nd->len = len;
    nd->at = at;
    return nd;
}

static void add_text(body *b, size_t from, size_t to)
{
    if (to > from) body_add(b, N_TEXT, from, to - from, from);
}

/* Offset of needle in s[from, to), or (size_t)-1. */
static size_t find(const char *s, size_t from, size_t to, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = from; i + k <= to; i++)
        if (memcmp(s + i, needle, k) == 0) return i;
    return (size_t)-1;
}

/* The end of from's line.  Tags are read in text order, so the answer for
 * the previous tag holds until the line ends: searching again for each of
 * 10^6 tags on one line was quadratic. */
static size_t line_end(tpl *t, size_t from)
{
    if (t->eol_from <= from && from <= t->eol && t->eol != 0) return t->eol;
    const char *nl = memchr(t->s + from, '\n', t->n - from);
    t->eol_from = from;
    t->eol = nl ? (size_t)(nl - t->s) : t->n;
    return t->eol;
}

/* Read the tag starting at "{{" at position at.  0 on success. */
static int read_tag(tpl *t, size_t at, tag *tg)
{
    const char *s = t->s;
    size_t eol = line_end(t, at), open, close;
    tg->at = at;
    if (at + 2 < t->n && s[at + 2] == '{') {
        tg->kind = T_RAW;
        open = at + 3;
        close = find(s, open, eol, "}}}");
        if (close == (size_t)-1) {
            diag *d = err(t, at, _("`{{{` is not closed with `}}}` on this line"));
            diag_hint(d, _("write {{{name}}} for an unescaped value, or {{name}} for an escaped one"));
            return -1;
        }
        tg->end = close + 3;
    } else {
        char sig = at + 2 < t->n ? s[at + 2] : '\0';
        open = at + 3;
        switch (sig) {
        case '#': tg->kind = T_SECTION; break;
        case '^': tg->kind = T_INVERTED; break;
        case '/': tg->kind = T_CLOSE; break;
        case '&': tg->kind = T_RAW; break;
        case '>': tg->kind = T_BLOCK; break;
        case '!': tg->kind = T_COMMENT; break;
        default: tg->kind = T_VAR; open = at + 2; break;
        }
        /* Only comments may run over several lines: an unclosed {{ elsewhere
         * would otherwise swallow text up to some later }}. */
        close = find(s, open, tg->kind == T_COMMENT ? t->n : eol, "}}");
        if (close == (size_t)-1) {
            diag *d = err(t, at, tg->kind == T_COMMENT ? _("comment `{{!` is never closed")
                                                       : _("`{{` is not closed on this line"));
            diag_hint(d, tg->kind == T_COMMENT ? _("end the comment with }}")
                                               : _("end the placeholder with }} on the same line"));
            return -1;
        }
        tg->end = close + 2;
    }
    if (tg->kind == T_COMMENT) return 0;
    while (open < close && (s[open] == ' ' || s[open] == '\t')) open++;
    while (close > open && (s[close - 1] == ' ' || s[close - 1] == '\t')) close--;
    tg->name = open;
    tg->name_len = close - open;
    if (tg->name_len == 0) {
        diag *d = err(t, at, _("empty placeholder"));
        diag_hint(d, _("write a name between the braces, e.g. {{county}}"));
        return -1;
    }
    if (!name_ok(s + open, tg->name_len)) {
        diag *d = err(t, open, _("`%.*s` is not a placeholder name"), (int)tg->name_len, s + open);
        diag_hint(d, _("names are letters, digits, _ and -, joined by dots, "
                     "e.g. {{primary.balance.books.cv}}"));
        return -1;
    }
    return 0;
}

/* If the tag is alone on its line, set [*from, *to) to the whole line. */
static int standalone(const tpl *t, const tag *tg, size_t *from, size_t *to)
{
    size_t a = tg->at, e = tg->end;
    while (a > 0 && (t->s[a - 1] == ' ' || t->s[a - 1] == '\t')) a--;
    if (a > 0 && t->s[a - 1] != '\n') return 0;
    while (e < t->n && (t->s[e] == ' ' || t->s[e] == '\t')) e++;
    if (e + 1 < t->n && t->s[e] == '\r' && t->s[e + 1] == '\n') e++;
    if (e < t->n && t->s[e] != '\n') return 0;
    *from = a;
    *to = e < t->n ? e + 1 : e;
    return 1;
}

static int is_block(const tpl *t, const char *name, size_t len)
{
    if (!t->opts || !t->opts->blocks) return 0;
    for (const char *const *b = t->opts->blocks; *b; b++)
        if (strlen(*b) == len && memcmp(*b, name, len) == 0) return 1;
    return 0;
}

static void check_block(tpl *t, const tag *tg)
{
    const char *name = t->s + tg->name;
    if (is_block(t, name, tg->name_len)) return;
    diag *d = err(t, tg->name, _("unknown block `{{> %.*s}}`"), (int)tg->name_len, name);
    cands c = {.n = 0};
    if (t->opts && t->opts->blocks)
        for (const char *const *b = t->opts->blocks; *b; b++) cand_add(&c, *b);
    hint_nearest(d, &c, name, tg->name_len, "blocks");
}

/* Parse into out until the end of the text (open == NULL) or open's closing
 * tag.  -1 after a structural error. */
static int parse_body(tpl *t, size_t *pos, body *out, const node *open, int depth)
{
    for (;;) {
        size_t at = find(t->s, *pos, t->n, "{{");
        if (at == (size_t)-1) {
            add_text(out, *pos, t->n);
            *pos = t->n;
            if (!open) return 0;
            diag *d = err(t, open->at, _("section `%.*s` is never closed"),
                          (int)open->len, t->s + open->off);
            diag_hint(d, _("add {{/%.*s}} where the section ends"), (int)open->len, t->s + open->off);
            return -1;
        }
        tag tg = {T_VAR, 0, 0, 0, 0};
        if (read_tag(t, at, &tg) != 0) return -1;
        size_t from = at, to = tg.end;
        int alone = tg.kind != T_VAR && tg.kind != T_RAW && standalone(t, &tg, &from, &to);
        add_text(out, *pos, from);
        *pos = to;
        const char *name = t->s + tg.name;
        switch (tg.kind) {
        case T_COMMENT:
            break;
        case T_VAR:
        case T_RAW:
            body_add(out, tg.kind == T_VAR ? N_VAR : N_RAWVAR, tg.name, tg.name_len, at);
            break;
        case T_BLOCK:
            if (!alone) {
                diag *d = err(t, at, _("block `{{> %.*s}}` must stand alone on its line"),
                              (int)tg.name_len, name);
                diag_hint(d, _("put it on a line of its own, with a blank line before and after"));
                break;
            }
            check_block(t, &tg);
            body_add(out, N_BLOCK, from, to - from, at);
            break;
        case T_SECTION:
        case T_INVERTED: {
            if (depth >= TEMPLATE_MAX_DEPTH) {
                diag *d = err(t, at, _("sections nested more than %d deep"), TEMPLATE_MAX_DEPTH);
                diag_hint(d, _("close some sections before opening new ones"));
                return -1;
            }
            node sec = {.kind = tg.kind == T_SECTION ? N_SECTION : N_INVERTED,
                        .off = tg.name, .len = tg.name_len, .at = at};
            if (parse_body(t, pos, &sec.kids, &sec, depth + 1) != 0) {
                body_free(&sec.kids);
                return -1;
            }
            *body_add(out, sec.kind, sec.off, sec.len, at) = sec;
            break;
        }
        case T_CLOSE:
            if (!open) {
                diag *d = err(t, at, _("`{{/%.*s}}` closes no open section"), (int)tg.name_len, name);
                diag_hint(d, _("remove it, or add {{#%.*s}} where the section starts"),
                          (int)tg.name_len, name);
                return -1;
            }
            if (open->len != tg.name_len || memcmp(t->s + open->off, name, open->len) != 0) {
                int l, c;
                where(t, open->at, &l, &c);
                diag *d = err(t, at, _("`{{/%.*s}}` does not match the open section `%.*s`"),
                              (int)tg.name_len, name, (int)open->len, t->s + open->off);
                diag_hint(d, _("the section opened at %d:%d must be closed first with {{/%.*s}}"),
                          l, c, (int)open->len, t->s + open->off);
                return -1;
            }
            return 0;
        }
    }
}

/* ---- rendering ---- */

/* A name error: at most once per tag, even inside a list of 100 schools. */
static diag *name_err(tpl *t, node *nd, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static diag *name_err(tpl *t, node *nd, size_t off, const char *fmt, ...)
{
    t->errors++;    /* counted even when not repeated, so the result is NULL */
    if (nd->reported) return NULL;
    nd->reported = 1;
    /* 10^6 misspelt names are one mistake made often: show the first ones */
    if (t->name_errors >= TEMPLATE_MAX_NAME_ERRORS) { t->name_dropped++; return NULL; }
    t->name_errors++;
    int line, col;
    where(t, off, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    diag *d = diag_addv(t->dl, DIAG_ERROR, t->file, line, col, fmt, ap);
    va_end(ap);
    return d;
}

static const char *kind_name(const tv_value *v)
{
    switch (tv_kind_of(v)) {
    case TV_STRING: return _("a text value");
    case TV_BOOL: return _("a yes/no flag");
    case TV_LIST: return _("a list");
    case TV_MAP: return _("a group of values");
    }
    return "?";
}

/* The value nd names, or NULL after reporting why not. */
static const tv_value *resolve(tpl *t, node *nd)
{
    const char *name = t->s + nd->off;
    size_t len = nd->len;
    if (len == 1 && name[0] == '.') {
        if (t->sp > 0) return t->stack[t->sp - 1];
        name_err(t, nd, nd->off, _("`{{.}}` outside of any section has no value"));
        return NULL;
    }
    const char *dot = memchr(name, '.', len);
    size_t seg = dot ? (size_t)(dot - name) : len;
    const tv_value *v = NULL;
    for (int k = t->sp - 1; k >= 0 && !v; k--) v = tv_getn(t->stack[k], name, seg);
    if (!v) {
        diag *d = name_err(t, nd, nd->off, _("unknown name `%.*s`"), (int)seg, name);
        if (d) {
            cands c = {.n = 0};
            for (int k = t->sp - 1; k >= 0; k--) cand_keys(&c, t->stack[k]);
            hint_nearest(d, &c, name, seg, "names");
        }
        return NULL;
    }
    while (seg < len) {
        size_t start = seg + 1, end = start;
        while (end < len && name[end] != '.') end++;
        const tv_value *next = tv_getn(v, name + start, end - start);
        if (!next) {
            diag *d;
            if (tv_kind_of(v) != TV_MAP) {
                d = name_err(t, nd, nd->off + start, _("`%.*s` is %s, it has no `%.*s`"),
                             (int)seg, name, kind_name(v), (int)(end - start), name + start);
                diag_hint(d, _("remove `.%.*s`"), (int)(end - start), name + start);
            } else {
                d = name_err(t, nd, nd->off + start, _("no `%.*s` in `%.*s`"),
                             (int)(end - start), name + start, (int)seg, name);
                if (d) {
                    cands c = {.n = 0};
                    cand_keys(&c, v);
                    hint_nearest(d, &c, name + start, end - start, "names");
                }
            }
            return NULL;
        }
        v = next;
        seg = end;
    }
    return v;
}

static void render_body(tpl *t, body *b, int emit);

static void push_render(tpl *t, const tv_value *v, body *b, int emit)
{
    t->stack[t->sp++] = v;
    render_body(t, b, emit);
    t->sp--;
}

static void render_var(tpl *t, node *nd, int emit)
{
    const tv_value *v = resolve(t, nd);
    if (!v) return;
    if (tv_kind_of(v) != TV_STRING) {
        const char *name = t->s + nd->off;
        int n = (int)nd->len;
        diag *d = name_err(t, nd, nd->off, _("`%.*s` is %s, not a text value"), n, name, kind_name(v));
        if (tv_kind_of(v) == TV_LIST)
            diag_hint(d, _("repeat text for each item with {{#%.*s}} … {{/%.*s}}"), n, name, n, name);
        else if (tv_kind_of(v) == TV_BOOL)
            diag_hint(d, _("use {{#%.*s}} … {{/%.*s}} for text shown when it is true, "
                         "{{^%.*s}} … {{/%.*s}} when false"), n, name, n, name, n, name, n, name);
        else if (tv_count(v) > 0 && !(n == 1 && name[0] == '.'))
            diag_hint(d, _("name one of its values, e.g. {{%.*s.%s}}"), n, name, tv_key_at(v, 0));
        else if (tv_count(v) > 0)
            diag_hint(d, _("name one of its values, e.g. {{%s}}"), tv_key_at(v, 0));
        return;
    }
    if (!emit) return;
    if (nd->kind == N_RAWVAR || tv_is_raw(v)) sb_puts(&t->out, tv_str(v));
    else template_escape(&t->out, tv_str(v));
}

static void render_section(tpl *t, node *nd, int emit)
{
    const tv_value *v = resolve(t, nd);
    if (!v) return;     /* its body would only repeat the error */
    int truthy = tv_truthy(v);
    if (nd->kind == N_INVERTED) {
        /* Shown when false; otherwise still checked, in the same context. */
        render_body(t, &nd->kids, emit && !truthy);
        return;
    }
    switch (tv_kind_of(v)) {
    case TV_LIST:
        for (size_t i = 0; i < tv_count(v); i++) push_render(t, tv_at(v, i), &nd->kids, emit);
        break;
    case TV_MAP:
    case TV_STRING:
        push_render(t, v, &nd->kids, emit && truthy);
        break;
    case TV_BOOL:
        render_body(t, &nd->kids, emit && truthy);
        break;
    }
}

static void render_body(tpl *t, body *b, int emit)
{
    for (int i = 0; i < b->n; i++) {
        node *nd = &b->v[i];
        if (++t->steps > MAX_STEPS) {
            if (t->steps == MAX_STEPS + 1) {
                diag *d = err(t, nd->at, _("the template repeats more than %ld times"), MAX_STEPS);
                diag_hint(d, _("a list section is probably nested inside itself"));
            }
            return;
        }
        switch (nd->kind) {
        case N_TEXT:
        case N_BLOCK:
            if (emit) sb_add(&t->out, t->s + nd->off, nd->len);
            break;
        case N_VAR:
        case N_RAWVAR:
            render_var(t, nd, emit);
            break;
        case N_SECTION:
        case N_INVERTED:
            render_section(t, nd, emit);
            break;
        }
    }
}

/* ---- escaping ---- */

/* ASCII punctuation that Markdown (with the GFM table and strikethrough
 * extensions) gives a meaning to anywhere in a line, and braces, so that a
 * value can never become a block placeholder line.  The autolink extension
 * is not covered: "a@b.cn" is linked whatever the escaping. */
static int md_special(char c)
{
    return c && strchr("\\`*_[]|<>&~#{}", c) != NULL;
}

/* Blank for a value's ends: ASCII white space and control characters, which
 * Markdown trims or treats as blank in places (\v and \f in table cells). */
static int is_ws(char c) { return (unsigned char)c <= ' ' || c == 0x7F; }

void template_escape(strbuf *out, const char *s)
{
    size_t n = strlen(s), lead = 0, trail = n;
    while (lead < n && is_ws(s[lead])) lead++;
    while (trail > lead && is_ws(s[trail - 1])) trail--;
    /* Spaces at either end become entities: four leading spaces would start a
     * code block and two trailing ones a hard line break. */
    for (size_t i = 0; i < lead; i++) sb_puts(out, s[i] == '\t' ? "&#9;" : "&#32;");
    /* Control characters (other than tab) become spaces: a value never
     * breaks a line or a table row, or smuggles \v into the text. */
    size_t i = lead;
    /* A value that starts a line must not start a block: "- x", "+ x", "1. x",
     * "2) x", "---" or "===" under a line (setext), ":--" (a table's
     * delimiter row).  Only numbers such as "-3.5" and "0.380" are left
     * alone, for whoever reads the Markdown. */
    if (i < trail && strchr("-+=:", s[i]) && !(i + 1 < trail && s[i + 1] >= '0' && s[i + 1] <= '9')) {
        sb_putc(out, '\\');
        sb_putc(out, s[i++]);
    } else {
        size_t d = i;
        while (d < trail && s[d] >= '0' && s[d] <= '9') d++;
        if (d > i && d < trail && (s[d] == '.' || s[d] == ')') &&
            (d + 1 == trail || is_ws(s[d + 1]))) {
            sb_add(out, s + i, d - i);
            sb_putc(out, '\\');
            sb_putc(out, s[d]);
            i = d + 1;
        }
    }
    for (; i < trail; i++) {
        char c = s[i];
        if (is_ws(c) && c != '\t') c = ' ';
        if (trail - i >= 3 && memcmp(s + i, "\xEF\xBB\xBF", 3) == 0) {
            sb_puts(out, "&#xFEFF;");   /* at the start of a document cmark drops it */
            i += 2;
            continue;
        }
        if (md_special(c)) sb_putc(out, '\\');
        sb_putc(out, c);
    }
    for (size_t k = trail; k < n; k++) sb_puts(out, s[k] == '\t' ? "&#9;" : "&#32;");
}

const char *template_block_name(const char *line, size_t len, size_t *name_len)
{
    size_t a = 0, e = len;
    while (e > 0 && strchr(" \t\r\n", line[e - 1])) e--;
    while (a < e && (line[a] == ' ' || line[a] == '\t')) a++;
    if (e - a < 6 || memcmp(line + a, "{{>", 3) != 0 || memcmp(line + e - 2, "}}", 2) != 0) return NULL;
    a += 3;
    e -= 2;
    while (a < e && (line[a] == ' ' || line[a] == '\t')) a++;
    while (e > a && (line[e - 1] == ' ' || line[e - 1] == '\t')) e--;
    if (!name_ok(line + a, e - a)) return NULL;
    *name_len = e - a;
    return line + a;
}

/* ---- entry ---- */

/* Position of the first byte that is not UTF-8 (or is NUL), or (size_t)-1. */
static size_t bad_byte(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        if (cp == 0 || (cp == 0xFFFD && k == 1)) return i;
        i += (size_t)k;
    }
    return (size_t)-1;
}

char *template_expand(const char *text, size_t len, const char *filename,
                      const tv_value *ctx, const template_opts *opts, diag_list *dl)
{
    tpl t;
    memset(&t, 0, sizeof t);
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) { text += 3; len -= 3; }
    t.s = text;
    t.n = len;
    t.file = filename ? filename : "<template>";
    t.opts = opts;
    t.dl = dl;

    size_t bad = bad_byte(text, len);
    if (bad != (size_t)-1) {
        diag *d = err(&t, bad, text[bad] ? _("not UTF-8 text (byte 0x%02X)") : _("a NUL byte in the text"),
                      (unsigned char)text[bad]);
        diag_hint(d, _("save the template as UTF-8 (editors often default to GBK for Chinese)"));
        free(t.lines);
        return NULL;
    }
    body root = {NULL, 0, 0};
    size_t pos = 0;
    if (parse_body(&t, &pos, &root, NULL, 0) == 0) {
        if (ctx) t.stack[t.sp++] = ctx;
        render_body(&t, &root, 1);
    }
    body_free(&root);
    if (t.name_dropped)
        diag_hint(diag_add(dl, DIAG_ERROR, t.file, 0, 0, _("… and %d more unknown or misused name(s) not shown"),
                           t.name_dropped),
                  _("correct the ones above and run again"));
    free(t.lines);
    if (t.errors) {
        sb_free(&t.out);
        return NULL;
    }
    return sb_take(&t.out);
}
