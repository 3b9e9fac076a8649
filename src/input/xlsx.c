/*
 * xlsx — one sheet of an Excel workbook (.xlsx, as Excel and WPS save it) as
 * rows of cells with their place (table.h).  libzip opens the package, expat
 * reads the XML as a stream: a sheet is never inflated whole into memory.
 *
 * Parts read: _rels/.rels (where the workbook is), the workbook (sheet names
 * in order → relationship ids), its .rels (ids → part paths, the shared
 * strings and styles), styles (which cell formats are dates), the shared
 * strings and the one sheet asked for.
 *
 * A cell keeps what Excel stored (table.h): t="s" (shared string), "str"
 * (a formula's text result), "inlineStr" (WPS and many generators), "b",
 * "e" (an error value: #DIV/0!), "d" (ISO date), "n" or none (a number, at
 * full precision; a date if its style's number format is one).  A formula
 * (<f>) is read by its cached value (<v>); without one the cell is
 * JH_CELL_NOVALUE.  Phonetic runs (<rPh>, the furigana of CJK text) are not
 * part of a string.  Element names may carry a namespace prefix (x:c).
 *
 * Limits, so that a zip bomb or a huge sheet is refused with bounded memory:
 * each part's inflated size is counted as it streams (never trusted from the
 * ZIP directory alone), the cells kept are capped, and so are columns.
 */
#include "input/table.h"
#include "common/i18n.h"
#include "common/num.h"
#include "common/strbuf.h"
#include "common/xalloc.h"

#include <expat.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

#define SHEET_MAX   (100u << 20)   /* inflated sheet XML: 30,000 schools take ~25 MB */
#define STRINGS_MAX (64u << 20)    /* inflated shared strings */
#define PART_MAX    (8u << 20)     /* workbook, rels, styles */
#define CELLS_MAX   3000000        /* cells kept (a county has at most ~10^5) */
#define COLS_MAX    256            /* columns read (IV); a school table has ~25 */

int xlsx_sniff(const char *data, size_t len)
{
    return (len >= 4 && !memcmp(data, "PK\x03\x04", 4)) ||
           (len >= 8 && !memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
}

/* ---- reading one part through expat ----------------------------------- */

typedef struct book {
    const char *name;       /* the file, for messages */
    zip_t *zip;
    diag_list *dl;
} book;

/* The element's local name (without a namespace prefix). */
static const char *local(const char *n)
{
    const char *c = strrchr(n, ':');
    return c ? c + 1 : n;
}

/* The value of attribute `key` (local name), NULL if absent. */
static const char *attr(const char **a, const char *key)
{
    for (int i = 0; a[i]; i += 2)
        if (!strcmp(local(a[i]), key)) return a[i + 1];
    return NULL;
}

/* Inflate `path` through parser p, at most `cap` bytes.  Returns 0; 1 if the
 * part does not exist; -1 after an error. */
static int parse_part(book *b, const char *path, XML_Parser p, size_t cap)
{
    zip_int64_t idx = zip_name_locate(b->zip, path, 0);
    if (idx < 0) idx = zip_name_locate(b->zip, path, ZIP_FL_NOCASE);
    if (idx < 0) return 1;
    zip_stat_t st;
    if (zip_stat_index(b->zip, (zip_uint64_t)idx, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) && st.size > cap) {
        diag_hint(diag_error(b->dl, b->name, 0, 0, _("the workbook's part %s is %llu MB of XML; junheng reads at most %u MB"),
                             path, (unsigned long long)(st.size >> 20), (unsigned)(cap >> 20)),
                  _("a school table is far smaller: save only the school sheet in a new workbook, or save it as CSV"));
        return -1;
    }
    zip_file_t *zf = zip_fopen_index(b->zip, (zip_uint64_t)idx, 0);
    if (!zf) {
        diag_hint(diag_error(b->dl, b->name, 0, 0, _("not a valid .xlsx: cannot open its part %s (%s)"), path,
                             zip_strerror(b->zip)),
                  _("open the workbook in Excel or WPS and save it again as .xlsx"));
        return -1;
    }
    char buf[65536];
    size_t total = 0;
    int rc = 0;
    for (;;) {
        zip_int64_t n = zip_fread(zf, buf, sizeof buf);
        if (n < 0) {
            diag_hint(diag_error(b->dl, b->name, 0, 0, _("not a valid .xlsx: its part %s is damaged (%s)"), path,
                                 zip_file_strerror(zf)),
                      _("open the workbook in Excel or WPS and save it again as .xlsx"));
            rc = -1;
            break;
        }
        total += (size_t)n;
        if (total > cap) {
            diag_hint(diag_error(b->dl, b->name, 0, 0, _("the workbook's part %s inflates to more than %u MB; junheng stops reading it"),
                                 path, (unsigned)(cap >> 20)),
                      _("the file may be damaged or built to exhaust memory; save the school sheet alone, or as CSV"));
            rc = -1;
            break;
        }
        if (XML_Parse(p, buf, (int)n, n == 0) == XML_STATUS_ERROR) {
            if (XML_GetErrorCode(p) != XML_ERROR_ABORTED)
                diag_hint(diag_error(b->dl, b->name, 0, 0, _("not a valid .xlsx: %s, line %lu: %s"), path,
                                     (unsigned long)XML_GetCurrentLineNumber(p), XML_ErrorString(XML_GetErrorCode(p))),
                          _("open the workbook in Excel or WPS and save it again as .xlsx"));
            rc = -1;
            break;
        }
        if (n == 0) break;
    }
    zip_fclose(zf);
    return rc;
}

/* ---- relationships ------------------------------------------------------ */

typedef struct rel { char *id, *type, *target; } rel;
typedef struct rels { rel *r; int n, cap; } rels;

static void rels_start(void *ud, const char *el, const char **a)
{
    rels *R = ud;
    if (strcmp(local(el), "Relationship")) return;
    const char *id = attr(a, "Id"), *ty = attr(a, "Type"), *tg = attr(a, "Target");
    if (!id || !tg) return;
    XGROW(R->r, R->cap, R->n + 1);
    R->r[R->n].id = xstrdup(id);
    R->r[R->n].type = xstrdup(ty ? ty : "");
    R->r[R->n].target = xstrdup(tg);
    R->n++;
}

static void rels_free(rels *R)
{
    for (int i = 0; i < R->n; i++) { free(R->r[i].id); free(R->r[i].type); free(R->r[i].target); }
    free(R->r);
}

/* A relationship's target as a package path: "/xl/x.xml" is absolute,
 * "worksheets/sheet1.xml" relative to the folder of the part (dir, with a
 * trailing slash or ""), "../" climbing. */
static char *resolve(const char *dir, const char *target)
{
    if (*target == '/') return xstrdup(target + 1);
    char *base = xstrdup(dir);
    while (!strncmp(target, "../", 3)) {
        size_t n = strlen(base);
        if (n) base[--n] = 0;
        char *s = strrchr(base, '/');
        if (s) s[1] = 0; else base[0] = 0;
        target += 3;
    }
    char *p = xasprintf("%s%s", base, target);
    free(base);
    return p;
}

static int read_rels(book *b, const char *path, rels *R)
{
    memset(R, 0, sizeof *R);
    XML_Parser p = XML_ParserCreate(NULL);
    XML_SetUserData(p, R);
    XML_SetStartElementHandler(p, rels_start);
    int rc = parse_part(b, path, p, PART_MAX);
    XML_ParserFree(p);
    return rc;
}

/* The target of the first relationship whose type ends with `type_tail`. */
static const char *rel_by_type(const rels *R, const char *type_tail)
{
    size_t tl = strlen(type_tail);
    for (int i = 0; i < R->n; i++) {
        size_t n = strlen(R->r[i].type);
        if (n >= tl && !strcmp(R->r[i].type + n - tl, type_tail)) return R->r[i].target;
    }
    return NULL;
}

/* ---- the workbook: sheet names ------------------------------------------ */

typedef struct sheetref { char *name, *rid; int hidden; } sheetref;
typedef struct sheets { sheetref *s; int n, cap; } sheets;

static void wb_start(void *ud, const char *el, const char **a)
{
    sheets *S = ud;
    if (strcmp(local(el), "sheet")) return;
    const char *name = attr(a, "name"), *rid = attr(a, "id"), *state = attr(a, "state");
    if (!name || !rid) return;
    XGROW(S->s, S->cap, S->n + 1);
    S->s[S->n].name = xstrdup(name);
    S->s[S->n].rid = xstrdup(rid);
    S->s[S->n].hidden = state && strcmp(state, "visible");
    S->n++;
}

static void sheets_free(sheets *S)
{
    for (int i = 0; i < S->n; i++) { free(S->s[i].name); free(S->s[i].rid); }
    free(S->s);
}

/* ---- styles: which cell formats show a date ----------------------------- */

typedef struct styles {
    int *fmt_date;          /* custom numFmtId → is a date (by id, sparse) */
    int *xf_date;           /* cellXfs index → is a date */
    int nxf, capxf;
    int in_xfs;
    struct { int id; int date; } *custom;
    int ncustom, capcustom;
} styles;

/* Excel's built-in date and time formats (ECMA-376 §18.8.30, and the CJK
 * ones 27–36, 50–58 that Chinese Excel and WPS use). */
static int builtin_date(int id)
{
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/* A format code shows a date if it has y, m, d, h or s outside quotes,
 * brackets ([Red], [$-804]) and escapes.  "0.00", "#,##0" and "@" do not. */
static int code_is_date(const char *c)
{
    int q = 0, br = 0;
    for (; *c; c++) {
        if (*c == '\\' && c[1]) { c++; continue; }
        if (*c == '"') q = !q;
        else if (q) continue;
        else if (*c == '[') br = 1;
        else if (*c == ']') br = 0;
        else if (!br && strchr("ymdhsYMDHS", *c)) return 1;
        else if (!br && !strncmp(c, "年", 3)) return 1;
    }
    return 0;
}

static int fmt_is_date(const styles *S, int id)
{
    for (int i = 0; i < S->ncustom; i++) if (S->custom[i].id == id) return S->custom[i].date;
    return builtin_date(id);
}

static void st_start(void *ud, const char *el, const char **a)
{
    styles *S = ud;
    const char *l = local(el);
    if (!strcmp(l, "numFmt")) {
        const char *id = attr(a, "numFmtId"), *code = attr(a, "formatCode");
        if (!id || !code) return;
        XGROW(S->custom, S->capcustom, S->ncustom + 1);
        S->custom[S->ncustom].id = atoi(id);
        S->custom[S->ncustom].date = code_is_date(code);
        S->ncustom++;
    } else if (!strcmp(l, "cellXfs")) {
        S->in_xfs = 1;
    } else if (!strcmp(l, "xf") && S->in_xfs) {
        const char *id = attr(a, "numFmtId");
        XGROW(S->xf_date, S->capxf, S->nxf + 1);
        S->xf_date[S->nxf++] = id ? fmt_is_date(S, atoi(id)) : 0;
    }
}

static void st_end(void *ud, const char *el)
{
    styles *S = ud;
    if (!strcmp(local(el), "cellXfs")) S->in_xfs = 0;
}

/* ---- shared strings ------------------------------------------------------ */

typedef struct sst {
    char **s;
    int n, cap;
    strbuf cur;
    int in_si, in_t, in_rph;
    size_t bytes;
    XML_Parser p;
    int over;
} sst;

static void sst_start(void *ud, const char *el, const char **a)
{
    (void)a;
    sst *S = ud;
    const char *l = local(el);
    if (!strcmp(l, "si")) { S->in_si = 1; sb_reset(&S->cur); }
    else if (!strcmp(l, "rPh")) S->in_rph = 1;
    else if (!strcmp(l, "t") && S->in_si && !S->in_rph) S->in_t = 1;
}

static void sst_end(void *ud, const char *el)
{
    sst *S = ud;
    const char *l = local(el);
    if (!strcmp(l, "t")) S->in_t = 0;
    else if (!strcmp(l, "rPh")) S->in_rph = 0;
    else if (!strcmp(l, "si") && S->in_si) {
        S->in_si = 0;
        if (S->n >= CELLS_MAX) { S->over = 1; XML_StopParser(S->p, XML_FALSE); return; }
        XGROW(S->s, S->cap, S->n + 1);
        S->s[S->n++] = xstrndup(sb_str(&S->cur), S->cur.len);
    }
}

static void sst_text(void *ud, const char *s, int len)
{
    sst *S = ud;
    if (S->in_t) sb_add(&S->cur, s, (size_t)len);
}

/* ---- the sheet ----------------------------------------------------------- */

typedef struct sheet_reader {
    book *b;
    jh_table *t;
    const sst *strings;
    const styles *st;
    XML_Parser p;
    jh_row *row;        /* the row being read (last of t->rows), NULL outside one */
    int rownum;         /* its number (1-based) */
    int col;            /* the cell's column (0-based) */
    char type[16];      /* the cell's t= */
    int style;          /* its s=, -1 */
    int has_f, has_v;
    int in_v, in_is, in_t, in_rph;
    strbuf v;           /* <v> or the inline string */
    long cells;
    int wide_warned;
    int err;            /* an error was reported: stop */
} sheet_reader;

/* "AB12" → column 27 (0-based), row 12; -1 if not a cell reference. */
static int parse_ref(const char *r, int *col, int *row)
{
    int c = 0, n = 0;
    const char *p = r;
    while (*p >= 'A' && *p <= 'Z' && n < 4) { c = c * 26 + (*p - 'A' + 1); p++; n++; }
    if (!n || *p < '1' || *p > '9') return -1;
    long rr = strtol(p, (char **)&p, 10);
    if (*p || rr > 1048576) return -1;
    *col = c - 1;
    *row = (int)rr;
    return 0;
}

static void sh_fail(sheet_reader *R, const char *cellref, const char *fmt, const char *arg)
{
    char *file = xasprintf("%s: %s!%s", R->b->name, R->t->sheet, cellref);
    diag_hint(diag_error(R->b->dl, file, 0, 0, fmt, arg),
              _("open the workbook in Excel or WPS and save it again as .xlsx"));
    free(file);
    R->err = 1;
    XML_StopParser(R->p, XML_FALSE);
}

static void sh_start(void *ud, const char *el, const char **a)
{
    sheet_reader *R = ud;
    if (R->err) return;
    const char *l = local(el);
    if (!strcmp(l, "row")) {
        const char *r = attr(a, "r");
        int n = r ? atoi(r) : R->rownum + 1;
        if (n < 1 || n > 1048576) n = R->rownum + 1;
        R->rownum = n;
        R->row = NULL;   /* created at its first cell with a value */
        R->col = -1;
    } else if (!strcmp(l, "c")) {
        const char *r = attr(a, "r"), *t = attr(a, "t"), *s = attr(a, "s");
        int col = R->col + 1, rownum = R->rownum;
        if (r && parse_ref(r, &col, &rownum) != 0) { sh_fail(R, r, _("not a valid .xlsx: '%s' is not a cell reference"), r); return; }
        if (rownum != R->rownum) { R->rownum = rownum; R->row = NULL; }
        R->col = col;
        snprintf(R->type, sizeof R->type, "%s", t ? t : "n");
        R->style = s ? atoi(s) : -1;
        R->has_f = R->has_v = 0;
        sb_reset(&R->v);
    } else if (!strcmp(l, "f")) {
        R->has_f = 1;
    } else if (!strcmp(l, "v")) {
        R->in_v = 1;
        R->has_v = 1;
    } else if (!strcmp(l, "is")) {
        R->in_is = 1;
        R->has_v = 1;
    } else if (!strcmp(l, "rPh")) {
        R->in_rph = 1;
    } else if (!strcmp(l, "t") && R->in_is && !R->in_rph) {
        R->in_t = 1;
    }
}

/* Store the cell just closed. */
static void sh_cell(sheet_reader *R)
{
    char ref[24], cn[8];
    snprintf(ref, sizeof ref, "%s%d", table_colname(R->col, cn), R->rownum);
    const char *v = sb_str(&R->v);
    jh_cell_kind kind = JH_CELL_TEXT;
    double num = 0;
    char *text = NULL;
    if (!R->has_v || (!*v && strcmp(R->type, "inlineStr") && strcmp(R->type, "str"))) {
        if (!R->has_f) return;   /* a formatted blank */
        kind = JH_CELL_NOVALUE;
        text = xstrdup("");
    } else if (!strcmp(R->type, "s")) {
        char *end;
        long i = strtol(v, &end, 10);
        if (*end || end == v || i < 0 || i >= R->strings->n) {
            sh_fail(R, ref, _("not a valid .xlsx: the cell refers to shared string '%s', which does not exist"), v);
            return;
        }
        text = xstrdup(R->strings->s[i]);
    } else if (!strcmp(R->type, "str") || !strcmp(R->type, "inlineStr")) {
        text = xstrdup(v);
    } else if (!strcmp(R->type, "b")) {
        text = xstrdup(!strcmp(v, "1") || !strcasecmp(v, "true") ? "1" : "0");
        kind = JH_CELL_BOOL;
    } else if (!strcmp(R->type, "e")) {
        text = xstrdup(v);
        kind = JH_CELL_ERROR;
    } else if (!strcmp(R->type, "d")) {
        text = xstrdup(v);
        kind = JH_CELL_DATE;
    } else {   /* "n" */
        if (num_parse(v, &num) != 0) {
            sh_fail(R, ref, _("not a valid .xlsx: the number cell holds '%s'"), v);
            return;
        }
        text = xstrdup(v);
        kind = R->style >= 0 && R->style < R->st->nxf && R->st->xf_date[R->style] ? JH_CELL_DATE : JH_CELL_NUMBER;
    }
    if (R->col >= COLS_MAX) {
        if (!R->wide_warned++) {
            char *file = xasprintf("%s: %s!%s", R->b->name, R->t->sheet, ref);
            diag_hint(diag_warning(R->b->dl, file, 0, 0, _("cells right of column %s are not read"), "IV"),
                      _("a school table has about 25 columns; move the table to the left"));
            free(file);
        }
        free(text);
        return;
    }
    if (++R->cells > CELLS_MAX) {
        free(text);
        char *file = xasprintf("%s: %s!%s", R->b->name, R->t->sheet, ref);
        diag_hint(diag_error(R->b->dl, file, 0, 0, _("the sheet has more than %d cells with values; junheng stops reading here"), CELLS_MAX),
                  _("a county's school table is far smaller: save only the school table in a new workbook"));
        free(file);
        R->err = 1;
        XML_StopParser(R->p, XML_FALSE);
        return;
    }
    if (!R->row || R->row->line != R->rownum) R->row = table_add_row(R->t, R->rownum);
    row_set(R->row, R->col, text, kind, num);
}

static void sh_end(void *ud, const char *el)
{
    sheet_reader *R = ud;
    if (R->err) return;
    const char *l = local(el);
    if (!strcmp(l, "c")) sh_cell(R);
    else if (!strcmp(l, "v")) R->in_v = 0;
    else if (!strcmp(l, "is")) R->in_is = 0;
    else if (!strcmp(l, "rPh")) R->in_rph = 0;
    else if (!strcmp(l, "t")) R->in_t = 0;
    else if (!strcmp(l, "row")) R->row = NULL;
}

static void sh_text(void *ud, const char *s, int len)
{
    sheet_reader *R = ud;
    if (R->in_v || R->in_t) sb_add(&R->v, s, (size_t)len);
}

/* ---- the whole workbook ---------------------------------------------------- */

static void not_xlsx(diag_list *dl, const char *name, const char *why)
{
    diag_hint(diag_error(dl, name, 0, 0, _("not a valid .xlsx workbook: %s"), why),
              _("open it in Excel or WPS and save it as \"Excel 工作簿 (*.xlsx)\", or as CSV UTF-8"));
}

int xlsx_read(const char *name, const char *data, size_t len, const char *want, jh_table *t, diag_list *dl)
{
    memset(t, 0, sizeof *t);
    t->file = xstrdup(name);
    t->encoding = xstrdup("XLSX");
    if (len >= 8 && !memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
        diag_hint(diag_error(dl, name, 0, 0, _("this is an Excel 97-2003 workbook (.xls) or a password-protected one, which junheng does not read")),
                  _("open it in Excel or WPS, remove any password and save it as \"Excel 工作簿 (*.xlsx)\", or as CSV UTF-8"));
        return -1;
    }
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
    zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
    if (!z) {
        not_xlsx(dl, name, zip_error_strerror(&ze));
        if (src) zip_source_free(src);
        zip_error_fini(&ze);
        return -1;
    }
    zip_error_fini(&ze);
    book b = {name, z, dl};
    rels top, wbrels;
    sheets S;
    styles st;
    sst strings;
    memset(&wbrels, 0, sizeof wbrels);
    memset(&S, 0, sizeof S);
    memset(&st, 0, sizeof st);
    memset(&strings, 0, sizeof strings);
    char *wbpath = NULL, *wbdir = NULL, *sheetpath = NULL;
    int rc = -1;

    if (read_rels(&b, "_rels/.rels", &top) < 0) goto done;
    const char *wt = rel_by_type(&top, "/officeDocument");
    wbpath = resolve("", wt ? wt : "xl/workbook.xml");
    char *slash = strrchr(wbpath, '/');
    wbdir = slash ? xstrndup(wbpath, (size_t)(slash - wbpath) + 1) : xstrdup("");
    {
        XML_Parser p = XML_ParserCreate(NULL);
        XML_SetUserData(p, &S);
        XML_SetStartElementHandler(p, wb_start);
        int r = parse_part(&b, wbpath, p, PART_MAX);
        XML_ParserFree(p);
        if (r < 0) goto done;
        if (r > 0 || S.n == 0) {
            not_xlsx(dl, name, r > 0 ? _("it is a ZIP file without an Excel workbook in it") : _("the workbook lists no sheet"));
            goto done;
        }
    }
    char *rp = xasprintf("%s_rels/%s.rels", wbdir, slash ? slash + 1 : wbpath);
    int r = read_rels(&b, rp, &wbrels);
    free(rp);
    if (r < 0) goto done;

    /* the sheet: by name, else the first visible one */
    int pick = -1;
    for (int i = 0; i < S.n && pick < 0; i++)
        if (want ? !strcmp(S.s[i].name, want) : !S.s[i].hidden) pick = i;
    if (pick < 0 && !want) pick = 0;
    if (pick < 0) {
        strbuf names = STRBUF_INIT;
        for (int i = 0; i < S.n; i++) sb_printf(&names, "%s'%s'", i ? ", " : "", S.s[i].name);
        diag_hint(diag_error(dl, name, 0, 0, _("the workbook has no sheet named '%s'"), want),
                  _("its sheets are %s: set [data] sheet to one of them"), sb_str(&names));
        sb_free(&names);
        goto done;
    }
    t->sheet = xstrdup(S.s[pick].name);
    for (int i = 0; i < wbrels.n && !sheetpath; i++)
        if (!strcmp(wbrels.r[i].id, S.s[pick].rid)) sheetpath = resolve(wbdir, wbrels.r[i].target);
    if (!sheetpath) {
        not_xlsx(dl, name, _("the sheet's part is not in the workbook's relationships"));
        goto done;
    }

    const char *stp = rel_by_type(&wbrels, "/styles");
    if (stp) {
        char *path = resolve(wbdir, stp);
        XML_Parser p = XML_ParserCreate(NULL);
        XML_SetUserData(p, &st);
        XML_SetElementHandler(p, st_start, st_end);
        r = parse_part(&b, path, p, PART_MAX);
        XML_ParserFree(p);
        free(path);
        if (r < 0) goto done;
    }
    const char *ssp = rel_by_type(&wbrels, "/sharedStrings");
    if (ssp) {
        char *path = resolve(wbdir, ssp);
        XML_Parser p = XML_ParserCreate(NULL);
        strings.p = p;
        XML_SetUserData(p, &strings);
        XML_SetElementHandler(p, sst_start, sst_end);
        XML_SetCharacterDataHandler(p, sst_text);
        r = parse_part(&b, path, p, STRINGS_MAX);
        XML_ParserFree(p);
        free(path);
        if (strings.over)
            diag_hint(diag_error(dl, name, 0, 0, _("the workbook has more than %d shared strings; junheng stops reading it"), CELLS_MAX),
                      _("save only the school table in a new workbook"));
        if (r < 0 || strings.over) goto done;
    }

    sheet_reader R;
    memset(&R, 0, sizeof R);
    R.b = &b;
    R.t = t;
    R.strings = &strings;
    R.st = &st;
    R.p = XML_ParserCreate(NULL);
    XML_SetUserData(R.p, &R);
    XML_SetElementHandler(R.p, sh_start, sh_end);
    XML_SetCharacterDataHandler(R.p, sh_text);
    r = parse_part(&b, sheetpath, R.p, SHEET_MAX);
    XML_ParserFree(R.p);
    sb_free(&R.v);
    if (r > 0) not_xlsx(dl, name, _("the sheet's part is missing from the package"));
    if (r == 0 && !R.err) rc = 0;
done:
    rels_free(&top);
    rels_free(&wbrels);
    sheets_free(&S);
    free(st.xf_date);
    free(st.custom);
    for (int i = 0; i < strings.n; i++) free(strings.s[i]);
    free(strings.s);
    sb_free(&strings.cur);
    free(wbpath);
    free(wbdir);
    free(sheetpath);
    zip_discard(z);   /* read-only: nothing to write back */
    return rc;
}
