/*
 * schools — read the school CSV (libcsv), check every value, then shape the
 * rows into the school parts the national method counts.
 *
 * Stages, each reporting every problem it finds before the next one runs:
 *   1. decode: refuse UTF-16, strip a UTF-8 BOM, take valid UTF-8 as is,
 *      otherwise convert from GB18030 (what Excel saves in China) with iconv,
 *      falling back to CP936 for the one byte GB18030 refuses (0x80, €);
 *   2. split into rows with libcsv (strict), fed one physical line at a time
 *      so that every row and every parse error has its line number;
 *   3. map the header (English key or Chinese label, any order);
 *   4. check each row's values;
 *   5. whole-file rules: duplicate parts, mixed schools, 教学点.
 *
 * Decisions (domain.md §1.4):
 *   - 九年一贯制 / 完全中学 rows hold whole-school totals by default (the
 *     statistics report them so); they must then agree on every row, and the
 *     area, money, book, computer and multimedia-room columns are split by the
 *     per-pupil weights 小:初 = 1:1.1 and 初:高 = 1:1.2.  Room counts (labs,
 *     function rooms, library) are shared by both parts, not split: the
 *     pupils of each part use the same rooms, and a fraction of a laboratory
 *     means nothing to a standard of "at least N rooms".  Teacher columns are
 *     always the part's own.  [data] mixed = parts turns the split off.
 *     Two rows with one code, both 学段 and no 学校类型 are a 九年一贯制
 *     school given per part: nothing is split (the type is what asks for
 *     the split), and the type reads 九年一贯制.
 *   - A 教学点 is not a row of its own in the CV or 表Ⅱ: its pupils, teachers
 *     and resources are added to the part with the same 学校代码 and 学段 (its
 *     完小/中心校), after any split, since they are the 教学点's own.  A 教学点
 *     whose code matches no school is an error.
 */
#include "input/schools.h"
#include "common/i18n.h"
#include "common/fileio.h"
#include "common/num.h"
#include "common/strbuf.h"
#include "common/textenc.h"
#include "common/utf8.h"
#include "common/xalloc.h"

#include <csv.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const jh_field_def jh_fields[JH_NFIELDS] = {
    [F_CODE] = {"code", "学校代码", ""},
    [F_NAME] = {"name", "学校名称", ""},
    [F_LEVEL] = {"level", "学段", ""},
    [F_TYPE] = {"type", "学校类型", ""},
    [F_STUDENTS] = {"students", "在校生数", "名"},
    [F_TEACHERS] = {"teachers", "专任教师数", "名"},
    [F_QUALIFIED] = {"qualified_teachers", "学历合格教师数", "名"},
    [F_ABOVE_DEGREE] = {"above_degree_teachers", "高于规定学历教师数", "名"},
    [F_SENIOR_TITLE] = {"senior_title_teachers", "中级及以上职称教师数", "名"},
    [F_SITE_AREA] = {"site_area", "占地面积", "m²"},
    [F_BUILDING_AREA] = {"building_area", "校舍建筑面积", "m²"},
    [F_TEACHING_AREA] = {"teaching_area", "教学及辅助用房面积", "m²"},
    [F_SPORTS_AREA] = {"sports_area", "体育运动场馆面积", "m²"},
    [F_EQUIPMENT_VALUE] = {"equipment_value", "教学仪器设备值", "元"},
    [F_BOOKS] = {"books", "图书册数", "册"},
    [F_COMPUTERS] = {"computers", "计算机台数", "台"},
    [F_LABS] = {"labs", "实验室数", "间"},
    [F_FUNCTION_ROOMS] = {"function_rooms", "功能室数", "间"},
    [F_LIBRARY] = {"library", "图书室", "间"},
    [F_BACKBONE] = {"backbone_teachers", "县级以上骨干教师数", "名"},
    [F_ARTS] = {"arts_teachers", "体育艺术专任教师数", "名"},
    [F_MULTIMEDIA] = {"multimedia_rooms", "网络多媒体教室数", "间"},
    [F_HIGH_STUDENTS] = {"high_students", "高中在校生数", "名"},
};

enum { K_TEXT, K_INT, K_REAL, K_BOOL };

static int field_kind(jh_field f)
{
    switch (f) {
    case F_CODE: case F_NAME: case F_LEVEL: case F_TYPE: return K_TEXT;
    case F_SITE_AREA: case F_BUILDING_AREA: case F_TEACHING_AREA:
    case F_SPORTS_AREA: case F_EQUIPMENT_VALUE: return K_REAL;
    case F_LIBRARY: return K_BOOL;
    default: return K_INT;
    }
}

/* Columns split by weight in a mixed school; those shared by both parts. */
static int is_split_field(jh_field f)
{
    return (f >= F_SITE_AREA && f <= F_COMPUTERS) || f == F_MULTIMEDIA;
}
static int is_shared_field(jh_field f)
{
    return f == F_LABS || f == F_FUNCTION_ROOMS || f == F_LIBRARY;
}
static int is_teacher_subcount(jh_field f)
{
    return f == F_QUALIFIED || f == F_ABOVE_DEGREE || f == F_SENIOR_TITLE ||
           f == F_BACKBONE || f == F_ARTS;
}

const char *level_key(jh_level l) { return l == JH_PRIMARY ? "primary" : "middle"; }
const char *level_label(jh_level l) { return l == JH_PRIMARY ? "小学" : "初中"; }

const char *school_type_label(jh_school_type t)
{
    static const char *const names[] = {"", "小学", "初中", "九年一贯制", "完全中学", "教学点"};
    return names[t];
}

/* ---- diagnostics ---------------------------------------------------- */

static diag *col_error(diag_list *dl, const char *file, int line, jh_field f, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static diag *col_error(diag_list *dl, const char *file, int line, jh_field f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *what = xvasprintf(fmt, ap);
    va_end(ap);
    diag *d = diag_error(dl, file, line, 0, _("column '%s' (%s): %s"), jh_fields[f].key, jh_fields[f].label, what);
    free(what);
    return d;
}

/* A cell as quoted in a message: at most VALUE_SHOWN bytes, cut on a UTF-8
 * boundary, then "…".  A 1 MB cell must not become a 1 MB message. */
#define VALUE_SHOWN 60
#define VALUE_MAX 1e15   /* the largest figure a cell may hold */
typedef char shown_buf[VALUE_SHOWN + sizeof "…"];
static const char *shown(const char *v, shown_buf buf)
{
    size_t n = strlen(v);
    if (n <= VALUE_SHOWN) return v;
    n = VALUE_SHOWN;
    while (n > 0 && ((unsigned char)v[n] & 0xC0) == 0x80) n--;
    memcpy(buf, v, n);
    memcpy(buf + n, "…", sizeof "…");
    return buf;
}

/* ---- 1. decoding ---------------------------------------------------- */

static int line_of_offset(const char *s, size_t off)
{
    int line = 1;
    for (size_t i = 0; i < off; i++) if (s[i] == '\n') line++;
    return line;
}

/* The file's text as UTF-8 (owned), or NULL after a diagnostic. */
static char *decode(const char *name, const char *data, size_t len, jh_encoding enc,
                    size_t *outlen, char **encname, diag_list *dl)
{
    const unsigned char *u = (const unsigned char *)data;
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        diag_hint(diag_error(dl, name, 1, 0, _("the file is UTF-16 (Excel's \"Unicode text\"), which junheng does not read")),
                  _("in Excel choose Save As > \"CSV UTF-8 (逗号分隔)\" or \"CSV (逗号分隔)\" (GB18030)"));
        return NULL;
    }
    int bom = len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF;
    if (bom) { data += 3; len -= 3; }
    size_t blank = 0;
    while (blank < len && strchr(" \t\r\n", data[blank])) blank++;
    if (blank == len) {
        diag_hint(diag_error(dl, name, 0, 0, _("the file is empty")),
                  _("export the school table with its header row to this file"));
        return NULL;
    }
    if (memchr(data, '\0', len)) {
        diag_hint(diag_error(dl, name, line_of_offset(data, (size_t)((const char *)memchr(data, '\0', len) - data)), 0,
                             _("the file contains NUL bytes; it is not a CSV text file")),
                  _("save the sheet as CSV (UTF-8 or GB18030), not as .xls/.xlsx"));
        return NULL;
    }
    if (enc != JH_ENC_GB18030 && utf8_valid(data, len)) {
        *encname = xstrdup(bom ? "UTF-8 (BOM)" : "UTF-8");
        *outlen = len;
        return xstrndup(data, len);
    }
    if (enc == JH_ENC_UTF8) {
        size_t off = 0;
        while (off < len) {  /* find the first invalid sequence for the message */
            uint32_t cp;
            int n = utf8_decode(data + off, len - off, &cp);
            if (cp == 0xFFFD && !utf8_valid(data + off, (size_t)n)) break;
            off += (size_t)n;
        }
        diag_hint(diag_error(dl, name, line_of_offset(data, off), 0, _("not valid UTF-8 (byte 0x%02X)"),
                             (unsigned char)data[off < len ? off : 0]),
                  _("the file is probably GB18030/GBK: set [data] encoding = auto or gb18030"));
        return NULL;
    }
    size_t bad = 0;
    char *out = text_iconv("GB18030", data, len, outlen, &bad);
    if (out) { *encname = xstrdup("GB18030"); return out; }
    size_t bad2 = 0;
    out = text_iconv("CP936", data, len, outlen, &bad2);
    if (out) { *encname = xstrdup("GBK"); return out; }
    diag_hint(diag_error(dl, name, line_of_offset(data, bad), 0,
                         _("the file is neither UTF-8 nor GB18030/GBK (bad byte 0x%02X)"),
                         (unsigned char)data[bad < len ? bad : 0]),
              _("open it in Excel or WPS and save it again as CSV UTF-8"));
    return NULL;
}

/* ---- 2. rows -------------------------------------------------------- */

typedef struct csv_row {
    int line;
    int n, cap;
    char **f;
} csv_row;

typedef struct row_reader {
    csv_row *rows;
    int nrows, cap;
    csv_row cur;
    int line;       /* physical line being fed */
    int row_line;   /* where the current row began */
} row_reader;

static void on_field(void *s, size_t len, void *ud)
{
    row_reader *r = ud;
    XGROW(r->cur.f, r->cur.cap, r->cur.n + 1);
    r->cur.f[r->cur.n++] = xstrndup(s ? s : "", s ? len : 0);
}

static void on_row(int term, void *ud)
{
    (void)term;
    row_reader *r = ud;
    r->cur.line = r->row_line;
    XGROW(r->rows, r->cap, r->nrows + 1);
    r->rows[r->nrows++] = r->cur;
    memset(&r->cur, 0, sizeof r->cur);
    r->row_line = 0;
}

static void free_row(csv_row *row)
{
    for (int i = 0; i < row->n; i++) free(row->f[i]);
    free(row->f);
}

static void free_rows(row_reader *r)
{
    for (int i = 0; i < r->nrows; i++) free_row(&r->rows[i]);
    free(r->rows);
    free_row(&r->cur);
}

/* Split text into rows.  Returns 0, or -1 after a diagnostic. */
static int read_rows(const char *name, const char *text, size_t len, row_reader *r, diag_list *dl)
{
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        diag_error(dl, name, 0, 0, _("cannot start the CSV parser"));
        return -1;
    }
    const char *s = text, *end = text + len;
    int rc = 0;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t n = nl ? (size_t)(nl - s) + 1 : (size_t)(end - s);
        r->line++;
        /* pstate 0 is libcsv's ROW_NOT_BEGUN: no row is open, so the next one
         * starts on this line or later (blank lines are skipped by libcsv). */
        if (r->cur.n == 0 && p.pstate == 0) r->row_line = r->line;
        size_t used = csv_parse(&p, s, n, on_field, on_row, r);
        if (used != n) {
            int col = (int)utf8_len(s, used) + 1;
            diag_hint(diag_error(dl, name, r->line, col, _("malformed CSV: %s"), csv_strerror(csv_error(&p))),
                      _("a quote (\") inside a field must be doubled (\"\"), and a quoted field must end with a quote right before the comma"));
            rc = -1;
            break;
        }
        s += n;
    }
    if (rc == 0 && csv_fini(&p, on_field, on_row, r) != 0) {
        diag_hint(diag_error(dl, name, r->row_line ? r->row_line : r->line, 0,
                             _("malformed CSV: a quoted field is never closed")),
                  _("add the closing quote (\") of the field that starts on this line"));
        rc = -1;
    }
    csv_free(&p);
    return rc;
}

/* ---- 3. header ------------------------------------------------------ */

static void strip(char *s)
{
    size_t n = strlen(s);
    while (n && strchr(" \t\r\n", s[n - 1])) s[--n] = 0;
    size_t i = 0;
    while (s[i] && strchr(" \t", s[i])) i++;
    if (i) memmove(s, s + i, n - i + 1);
}

static int field_by_header(const char *h)
{
    for (int f = 0; f < JH_NFIELDS; f++)
        if (!strcasecmp(h, jh_fields[f].key) || !strcmp(h, jh_fields[f].label)) return f;
    return -1;
}

static int required(jh_field f, const jh_load_opts *opt)
{
    if (f == F_TYPE || f == F_HIGH_STUDENTS) return 0;
    if (f == F_BACKBONE || f == F_ARTS || f == F_MULTIMEDIA) return opt->need_quality;
    return 1;
}

/* col[f] = index of field f in a row, -1 if absent.  Returns the error count. */
static int map_header(const char *name, csv_row *h, int col[JH_NFIELDS], const jh_load_opts *opt,
                      diag_list *dl)
{
    int errors = 0, known = 0;
    strbuf extra = STRBUF_INIT;
    for (int f = 0; f < JH_NFIELDS; f++) col[f] = -1;
    for (int i = 0; i < h->n; i++) {
        strip(h->f[i]);
        int f = field_by_header(h->f[i]);
        if (f < 0) {
            if (*h->f[i]) sb_printf(&extra, "%s'%s'", extra.len ? ", " : "", h->f[i]);
            continue;
        }
        known++;
        if (col[f] >= 0) {
            diag_hint(col_error(dl, name, h->line, (jh_field)f, _("appears twice in the header (columns %d and %d)"),
                                col[f] + 1, i + 1),
                      _("delete or rename one of the two columns"));
            errors++;
            continue;
        }
        col[f] = i;
    }
    if (known == 0) {
        diag_hint(diag_error(dl, name, h->line, 0, _("the first row is not a header: no column name is known")),
                  _("the first row must name the columns, e.g. 学校代码,学校名称,学段,在校生数,... (see the example data)"));
        sb_free(&extra);
        return errors + 1;
    }
    for (int f = 0; f < JH_NFIELDS; f++)
        if (col[f] < 0 && required((jh_field)f, opt)) {
            diag_hint(col_error(dl, name, h->line, (jh_field)f, _("missing from the header")),
                      _("add a column headed '%s' or '%s'%s"), jh_fields[f].label, jh_fields[f].key,
                      f >= F_BACKBONE ? _(" (the quality scheme needs it)") : "");
            errors++;
        }
    if (extra.len)
        diag_hint(diag_warning(dl, name, h->line, 0, _("column(s) %s are not used and are ignored"), sb_str(&extra)),
                  _("rename a column to its key or Chinese name if it was meant to be read"));
    sb_free(&extra);
    return errors;
}

/* ---- 4. values ------------------------------------------------------ */

typedef struct rec {
    jh_school s;
    int point;          /* a 教学点 row */
    struct rec **grp;   /* the rows with the same code (in the sorted index) */
    int ngrp;
} rec;

static int parse_level(const char *v, jh_level *out)
{
    if (!strcmp(v, "小学") || !strcasecmp(v, "primary")) { *out = JH_PRIMARY; return 0; }
    if (!strcmp(v, "初中") || !strcasecmp(v, "middle")) { *out = JH_MIDDLE; return 0; }
    return -1;
}

static int parse_type(const char *v, jh_school_type *out)
{
    static const struct { const char *zh, *en; jh_school_type t; } types[] = {
        {"小学", "primary", JH_TYPE_PRIMARY},
        {"初中", "middle", JH_TYPE_MIDDLE},
        {"初级中学", "junior", JH_TYPE_MIDDLE},
        {"九年一贯制", "nine_year", JH_TYPE_NINE_YEAR},
        {"九年一贯制学校", "nine-year", JH_TYPE_NINE_YEAR},
        {"完全中学", "complete_middle", JH_TYPE_COMPLETE_MIDDLE},
        {"教学点", "teaching_point", JH_TYPE_TEACHING_POINT},
    };
    if (!*v) { *out = JH_TYPE_UNSET; return 0; }
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (!strcmp(v, types[i].zh) || !strcasecmp(v, types[i].en)) { *out = types[i].t; return 0; }
    return -1;
}

static int parse_bool(const char *v, double *out)
{
    static const char *const yes[] = {"1", "有", "是", "yes", "y", "true", NULL};
    static const char *const no[] = {"0", "无", "否", "no", "n", "false", NULL};
    for (int i = 0; yes[i]; i++) if (!strcasecmp(v, yes[i])) { *out = 1; return 0; }
    for (int i = 0; no[i]; i++) if (!strcasecmp(v, no[i])) { *out = 0; return 0; }
    return -1;
}

/* Check one numeric cell; stores the value.  Returns 0 or 1 (error). */
static int check_number(const char *name, int line, jh_field f, const char *v, const jh_load_opts *opt,
                        double *out, diag_list *dl)
{
    shown_buf sb;
    *out = 0;
    if (!*v) {
        if (!required(f, opt)) return 0;
        diag_hint(col_error(dl, name, line, f, _("is empty")), _("write 0 if the school has none"));
        return 1;
    }
    if (field_kind(f) == K_BOOL) {
        if (parse_bool(v, out) == 0) return 0;
        diag_hint(col_error(dl, name, line, f, _("'%s' is not 1/0, 有/无 or 是/否"), shown(v, sb)),
                  _("write 1 if the school has a library room, 0 if not"));
        return 1;
    }
    double x;
    if (num_parse(v, &x) != 0) {
        diag *d = col_error(dl, name, line, f, _("'%s' is not a number"), shown(v, sb));
        if (strchr(v, ',') || strstr(v, "，"))
            diag_hint(d, _("remove the thousands separators: write 1240, not 1,240"));
        else if (*jh_fields[f].unit)
            diag_hint(d, _("write digits only, without units or notes (the unit is %s)"), jh_fields[f].unit);
        else
            diag_hint(d, _("write digits only, without units or notes"));
        return 1;
    }
    if (x < 0) {
        diag_hint(col_error(dl, name, line, f, _("%s is negative"), shown(v, sb)), _("a count or an area cannot be below 0"));
        return 1;
    }
    /* Counts are summed as long (figures, sheets); beyond it the conversion is
     * undefined, and doubles stop being exact integers at 2^53.  No school
     * figure comes near 10^15 (元 included). */
    if (x > VALUE_MAX) {
        diag_hint(col_error(dl, name, line, f, _("%s is too large"), shown(v, sb)),
                  _("check the value: digits run together, or a misplaced exponent?"));
        return 1;
    }
    if (field_kind(f) == K_INT && x != floor(x)) {
        diag_hint(col_error(dl, name, line, f, _("'%s' is not a whole number"), shown(v, sb)), _("people, books and rooms are counted in whole numbers"));
        return 1;
    }
    if (f == F_STUDENTS && x == 0) {
        diag_hint(col_error(dl, name, line, f, _("is 0")),
                  _("a school part without pupils is not assessed: delete the row (or fill in its enrolment)"));
        return 1;
    }
    *out = x;
    return 0;
}

/* Check one data row into r.  Returns the number of errors. */
static int check_row(const char *name, csv_row *row, const int col[JH_NFIELDS], int ncols,
                     const jh_load_opts *opt, rec *r, diag_list *dl)
{
    int errors = 0;
    shown_buf sb, sb2;
    memset(r, 0, sizeof *r);
    r->s.line = row->line;
    r->s.share = 1;
    for (int i = 0; i < row->n; i++) strip(row->f[i]);
    if (row->n < ncols) {
        diag_hint(diag_error(dl, name, row->line, 0, _("the row has %d field(s), the header has %d"), row->n, ncols),
                  _("a comma is missing, or a line break splits the row; a value containing a comma must be quoted"));
        return 1;
    }
    const char *v[JH_NFIELDS];
    for (int f = 0; f < JH_NFIELDS; f++) v[f] = col[f] >= 0 ? row->f[col[f]] : "";
    if (!*v[F_CODE]) { diag_hint(col_error(dl, name, row->line, F_CODE, _("is empty")), _("every row needs its school's code")); errors++; }
    if (!*v[F_NAME]) { diag_hint(col_error(dl, name, row->line, F_NAME, _("is empty")), _("every row needs its school's name")); errors++; }
    if (parse_level(v[F_LEVEL], &r->s.level) != 0) {
        diag_hint(col_error(dl, name, row->line, F_LEVEL, _("'%s' is not a 学段"), shown(v[F_LEVEL], sb)),
                  _("write 小学 or 初中 (or primary / middle)"));
        errors++;
    }
    jh_school_type t = JH_TYPE_UNSET;
    if (parse_type(v[F_TYPE], &t) != 0) {
        diag_hint(col_error(dl, name, row->line, F_TYPE, _("'%s' is not a known school type"), shown(v[F_TYPE], sb)),
                  _("write 小学, 初中, 九年一贯制, 完全中学 or 教学点, or leave it empty"));
        errors++;
    } else if (!errors && ((t == JH_TYPE_PRIMARY && r->s.level != JH_PRIMARY) ||
                           ((t == JH_TYPE_MIDDLE || t == JH_TYPE_COMPLETE_MIDDLE) && r->s.level != JH_MIDDLE))) {
        diag_hint(col_error(dl, name, row->line, F_TYPE, _("a %s has no %s part"), v[F_TYPE], level_label(r->s.level)),
                  _("check the 学段 and 学校类型 of this row"));
        errors++;
    }
    r->point = t == JH_TYPE_TEACHING_POINT;
    r->s.type = r->point ? JH_TYPE_UNSET : t;
    for (int f = F_STUDENTS; f < JH_NFIELDS; f++)
        errors += check_number(name, row->line, (jh_field)f, v[f], opt, &r->s.v[f], dl);
    for (int f = F_STUDENTS; f < JH_NFIELDS; f++)
        if (is_teacher_subcount((jh_field)f) && r->s.v[f] > r->s.v[F_TEACHERS]) {
            diag_hint(col_error(dl, name, row->line, (jh_field)f, _("%s is more than 专任教师数 (%s)"),
                                shown(v[f], sb), shown(v[F_TEACHERS], sb2)),
                      _("this count is part of the full-time teachers and cannot exceed them"));
            errors++;
        }
    if (r->s.v[F_HIGH_STUDENTS] > 0 && t != JH_TYPE_COMPLETE_MIDDLE)
        diag_hint(diag_warning(dl, name, row->line, 0, _("column 'high_students' (高中在校生数) is used only for a 完全中学; ignored here")),
                  _("set 学校类型 to 完全中学 if this school has a 高中部"));
    if (errors) return errors;
    r->s.code = xstrdup(v[F_CODE]);
    r->s.name = xstrdup(v[F_NAME]);
    memcpy(r->s.whole, r->s.v, sizeof r->s.v);
    return 0;
}

/* ---- 5. whole-file rules -------------------------------------------- */

/* Rows are grouped by code through a sorted index, so the rules cost
 * O(n log n) however many schools a county has; messages still come in
 * file order because the rules walk the rows in file order. */
static int cmp_code(const void *a, const void *b)
{
    const rec *x = *(rec *const *)a, *y = *(rec *const *)b;
    int c = strcmp(x->s.code, y->s.code);
    return c ? c : x->s.line - y->s.line;
}

static rec **group_by_code(rec *recs, int n)
{
    rec **ord = xcalloc((size_t)n + 1, sizeof *ord);
    for (int i = 0; i < n; i++) ord[i] = &recs[i];
    qsort(ord, (size_t)n, sizeof *ord, cmp_code);
    for (int a = 0, b; a < n; a = b) {
        for (b = a + 1; b < n && !strcmp(ord[b]->s.code, ord[a]->s.code); b++) {}
        for (int k = a; k < b; k++) { ord[k]->grp = &ord[a]; ord[k]->ngrp = b - a; }
    }
    return ord;
}

/* The other (non-教学点) part of r's school, NULL if none. */
static rec *other_part(const rec *r)
{
    for (int j = 0; j < r->ngrp; j++)
        if (r->grp[j] != r && !r->grp[j]->point) return r->grp[j];
    return NULL;
}

/* Duplicate parts and consistent types, against the earlier rows of r's
 * school.  Returns the error count. */
static int check_part(const char *name, const rec *r, diag_list *dl)
{
    int errors = 0;
    if (r->point) return 0;
    for (int j = 0; j < r->ngrp; j++) {
        const rec *o = r->grp[j];
        if (o->point || o->s.line >= r->s.line) continue;
        if (o->s.level == r->s.level) {
            diag_hint(col_error(dl, name, r->s.line, F_CODE, _("school '%s' already has a %s row on line %d"),
                                r->s.code, level_label(r->s.level), o->s.line),
                      _("each school part appears once; a 九年一贯制 school has one 小学 and one 初中 row"));
            errors++;
        } else if (r->s.type == JH_TYPE_UNSET && o->s.type == JH_TYPE_UNSET) {
            /* Two 学段 under one code and no type: a 九年一贯制 school whose
             * rows hold each part's own figures (nothing to split).  Rows
             * with identical resources look like copied totals: say so. */
            int same = 1;
            for (int f = F_SITE_AREA; f <= F_COMPUTERS && same; f++) same = r->s.v[f] == o->s.v[f];
            if (same)
                diag_hint(diag_warning(dl, name, r->s.line, 0,
                                       _("school '%s': the 小学 and 初中 rows (lines %d and %d) have identical resource figures"),
                                       r->s.code, o->s.line, r->s.line),
                          _("if they are whole-school totals, set 学校类型 to 九年一贯制 on both rows so junheng splits them"));
        } else if (r->s.type != JH_TYPE_NINE_YEAR || o->s.type != JH_TYPE_NINE_YEAR) {
            diag_hint(col_error(dl, name, r->s.line, F_TYPE,
                                _("school '%s' has a 小学 and an 初中 row (lines %d and %d), so it must be 九年一贯制 on both"),
                                r->s.code, o->s.line, r->s.line),
                      _("set 学校类型 to 九年一贯制 on both rows, or give the two schools different codes"));
            errors++;
        }
    }
    return errors;
}

/* The share of a mixed school's resources that r's part gets, after
 * checking that both rows hold the same totals.  Returns the error count. */
static int split_share(const char *name, rec *r, diag_list *dl)
{
    int errors = 0;
    if (r->point) return 0;
    if (r->s.type == JH_TYPE_COMPLETE_MIDDLE) {
        double b = r->s.v[F_STUDENTS], c = r->s.v[F_HIGH_STUDENTS];
        if (c > 0) r->s.share = b / (b + 1.2 * c);  /* 初:高 = 1:1.2, keep the 初中 share */
        return 0;
    }
    if (r->s.type != JH_TYPE_NINE_YEAR) return 0;
    const rec *o = other_part(r);
    if (!o) {
        diag_hint(col_error(dl, name, r->s.line, F_LEVEL,
                            _("九年一贯制 school '%s' has only a %s row; its whole-school resources cannot be split"),
                            r->s.code, level_label(r->s.level)),
                  _("add its %s row with the same 学校代码, or set [data] mixed = parts if this row holds the part's own figures"),
                  level_label(r->s.level == JH_PRIMARY ? JH_MIDDLE : JH_PRIMARY));
        return 1;
    }
    if (o->s.line < r->s.line) {  /* compare once, on the later row */
        for (int f = F_SITE_AREA; f < JH_NFIELDS; f++) {
            if (!is_split_field((jh_field)f) && !is_shared_field((jh_field)f)) continue;
            if (r->s.whole[f] == o->s.whole[f]) continue;
            char a[64], b[64];
            snprintf(a, sizeof a, "%.15g", r->s.whole[f]);
            snprintf(b, sizeof b, "%.15g", o->s.whole[f]);
            diag_hint(col_error(dl, name, r->s.line, (jh_field)f,
                                _("九年一贯制 school '%s' has %s here but %s on line %d; whole-school totals must be equal on both rows"),
                                r->s.code, a, b, o->s.line),
                      _("correct one of the rows, or set [data] mixed = parts if each row holds its part's own figures"));
            errors++;
        }
    }
    double a = r->s.level == JH_PRIMARY ? r->s.v[F_STUDENTS] : o->s.v[F_STUDENTS];
    double b = r->s.level == JH_PRIMARY ? o->s.v[F_STUDENTS] : r->s.v[F_STUDENTS];
    /* 小:初 = 1:1.1 — a 初中 pupil weighs 1.1 小学 pupils. */
    r->s.share = r->s.level == JH_PRIMARY ? a / (a + 1.1 * b) : 1.1 * b / (a + 1.1 * b);
    return errors;
}

/* The part a 教学点 is counted under: same code and 学段. */
static rec *point_home(const rec *p)
{
    for (int j = 0; j < p->ngrp; j++)
        if (!p->grp[j]->point && p->grp[j]->s.level == p->s.level) return p->grp[j];
    return NULL;
}

static int check_point(const char *name, const rec *p, diag_list *dl)
{
    if (!p->point || point_home(p)) return 0;
    diag_hint(col_error(dl, name, p->s.line, F_CODE,
                        _("教学点 '%s' has code '%s', but no %s row has that code to count it under"),
                        p->s.name, p->s.code, level_label(p->s.level)),
              _("a 教学点 is counted with the 完小/中心校 it belongs to: give it that school's 学校代码"));
    return 1;
}

static void merge_point(rec *p)
{
    rec *home = point_home(p);
    for (int f = F_STUDENTS; f < JH_NFIELDS; f++) {
        if (f == F_LIBRARY) {  /* a room the pupils have, not a quantity */
            home->s.v[f] = fmax(home->s.v[f], p->s.v[f]);
            home->s.whole[f] = fmax(home->s.whole[f], p->s.v[f]);
        } else {
            home->s.v[f] += p->s.v[f];
            home->s.whole[f] += p->s.v[f];
        }
    }
    home->s.points++;
    home->s.point_students += (long)p->s.v[F_STUDENTS];
}

/* Check the whole-file rules (all of them, for one complete report), then
 * split and merge.  Returns the error count. */
static int shape_parts(const char *name, rec *recs, int n, int split, diag_list *dl)
{
    rec **ord = group_by_code(recs, n);
    int errors = 0;
    for (int i = 0; i < n; i++) errors += check_part(name, &recs[i], dl);
    if (split)
        for (int i = 0; i < n; i++) errors += split_share(name, &recs[i], dl);
    for (int i = 0; i < n; i++) errors += check_point(name, &recs[i], dl);
    if (!errors) {
        for (int i = 0; i < n && split; i++)
            for (int f = 0; f < JH_NFIELDS; f++)
                if (is_split_field((jh_field)f)) recs[i].s.v[f] = recs[i].s.whole[f] * recs[i].s.share;
        /* 教学点 after the split: their resources are their own, not shared */
        for (int i = 0; i < n; i++) if (recs[i].point) merge_point(&recs[i]);
        /* an untyped pair of 学段 under one code is a 九年一贯制 school */
        for (int i = 0; i < n; i++)
            if (!recs[i].point && recs[i].s.type == JH_TYPE_UNSET && other_part(&recs[i]))
                recs[i].s.type = JH_TYPE_NINE_YEAR;
    }
    free(ord);
    return errors;
}

static int cmp_part(const void *a, const void *b)
{
    const jh_school *x = *(jh_school *const *)a, *y = *(jh_school *const *)b;
    int c = strcmp(x->code, y->code);
    return c ? c : (int)x->level - (int)y->level;
}

static void free_recs(rec *recs, int n)
{
    for (int i = 0; i < n; i++) { free(recs[i].s.code); free(recs[i].s.name); }
    free(recs);
}

jh_schools *schools_parse(const char *name, const char *data, size_t len, const jh_load_opts *opt,
                          diag_list *dl)
{
    size_t tlen = 0;
    char *encname = NULL;
    char *text = decode(name, data, len, opt->encoding, &tlen, &encname, dl);
    if (!text) return NULL;
    row_reader rr;
    memset(&rr, 0, sizeof rr);
    jh_schools *out = NULL;
    rec *recs = NULL;
    int nrec = 0, errors = 0, col[JH_NFIELDS];
    if (read_rows(name, text, tlen, &rr, dl) != 0) goto done;
    if (rr.nrows == 0) { diag_error(dl, name, 0, 0, _("the file is empty")); goto done; }
    errors = map_header(name, &rr.rows[0], col, opt, dl);
    if (errors) goto done;
    recs = xcalloc((size_t)rr.nrows, sizeof *recs);
    for (int i = 1; i < rr.nrows; i++) {
        csv_row *row = &rr.rows[i];
        int blank = 1;
        for (int k = 0; k < row->n && blank; k++) {
            const char *c = row->f[k];
            while (*c == ' ' || *c == '\t') c++;
            blank = !*c;
        }
        if (blank) continue;  /* Excel leaves rows of empty cells at the end */
        int e = check_row(name, row, col, rr.rows[0].n, opt, &recs[nrec], dl);
        if (e) errors += e; else nrec++;
    }
    if (errors) goto done;
    if (nrec == 0) {
        diag_hint(diag_error(dl, name, 0, 0, _("the file has a header but no school rows")),
                  _("add one row per school part below the header"));
        goto done;
    }
    if ((errors = shape_parts(name, recs, nrec, opt->split_mixed, dl)) != 0) goto done;

    out = xcalloc(1, sizeof *out);
    out->path = xstrdup(name);
    out->encoding = encname;
    encname = NULL;
    for (int f = 0; f < JH_NFIELDS; f++) out->has[f] = col[f] >= 0;
    out->items = xcalloc((size_t)nrec, sizeof *out->items);
    for (int i = 0; i < nrec; i++) {
        if (recs[i].point) continue;
        jh_school *s = &out->items[out->n++];
        *s = recs[i].s;
        if (s->type == JH_TYPE_UNSET) s->type = s->level == JH_PRIMARY ? JH_TYPE_PRIMARY : JH_TYPE_MIDDLE;
        recs[i].s.code = recs[i].s.name = NULL;  /* moved */
    }
    out->by_code = xcalloc((size_t)out->n + 1, sizeof *out->by_code);
    for (int i = 0; i < out->n; i++) out->by_code[i] = &out->items[i];
    qsort(out->by_code, (size_t)out->n, sizeof *out->by_code, cmp_part);
done:
    if (recs) free_recs(recs, nrec);
    free_rows(&rr);
    free(text);
    free(encname);
    return out;
}

jh_schools *schools_load(const char *path, const jh_load_opts *opt, diag_list *dl)
{
    size_t len;
    char *text = file_read(path, _("the school data"), FILE_CAP_DATA, &len, dl);
    if (!text) {
        diag_hint(diag_last(dl), _("check [data] schools in the configuration (a relative path is "
                                 "relative to the INI file's folder)"));
        return NULL;
    }
    jh_schools *s = schools_parse(path, text, len, opt, dl);
    free(text);
    return s;
}

void schools_free(jh_schools *s)
{
    if (!s) return;
    for (int i = 0; i < s->n; i++) { free(s->items[i].code); free(s->items[i].name); }
    free(s->items);
    free(s->by_code);
    free(s->path);
    free(s->encoding);
    free(s);
}

const jh_school *schools_find(const jh_schools *s, const char *code, jh_level level)
{
    if (!s->by_code) {  /* a jh_schools built by hand (tests) has no index */
        for (int i = 0; i < s->n; i++)
            if (s->items[i].level == level && !strcmp(s->items[i].code, code)) return &s->items[i];
        return NULL;
    }
    jh_school key;
    key.code = (char *)code;
    key.level = level;
    const jh_school *kp = &key;
    jh_school **hit = bsearch(&kp, s->by_code, (size_t)s->n, sizeof *s->by_code, cmp_part);
    return hit ? *hit : NULL;
}

int schools_parts(const jh_schools *s, const char *code, const jh_school *out[JH_NLEVELS])
{
    int n = 0;
    for (int l = 0; l < JH_NLEVELS; l++) {
        const jh_school *p = schools_find(s, code, (jh_level)l);
        if (p) out[n++] = p;
    }
    return n;
}
