/*
 * schools — the one interpreter of the school data: whatever reader split the
 * file (csv.c, xlsx.c → rows of cells with their place, table.h), this finds
 * the header, reads and checks every value, then shapes the rows into the
 * school parts the national method counts.
 *
 * Stages, each reporting every problem it finds before the next one runs:
 *   1. read: a CSV (any encoding csv.c knows, separator , ; or tab) or an
 *      .xlsx workbook (told apart by the bytes, not the name);
 *   2. header: the first row (among the first HEADER_SCAN) naming at least
 *      three known columns; rows above it are a title (skipped, with a
 *      warning).  A header over two rows (a merged group cell above its
 *      sub-columns: 面积（平方米） over 占地面积 …, 校舍面积 over 建筑面积 …)
 *      is joined into one name per column.  A unit in a header cell
 *      (在校生数（人）) is taken off the name and checked;
 *   3. a units row right under the header (人, 平方米, 万元 …) is skipped
 *      with a warning; 万元 and 万册 scale the column's values;
 *   4. each row: empty rows skipped; 合计/总计/小计 rows skipped as totals,
 *      with a warning saying whether their sums agree with the rows; every
 *      value checked; full-width digits (８２０) read as ASCII with one
 *      warning; a number in E-notation (1.85E+06: what Excel writes when a
 *      column is too narrow) warned about.  A cell that fails stops every
 *      check that would read it (no follow-on errors);
 *   5. plausibility (warnings): more teachers than pupils;
 *   6. whole-file rules: duplicate parts, mixed schools, 教学点.
 *
 * Decisions (domain.md §1.4):
 *   - 九年一贯制 / 完全中学 / 十二年一贯制 rows hold whole-school totals by
 *     default (the statistics report them so); they must then agree on every
 *     row, and the area, money, book, computer and multimedia-room columns
 *     are split by the per-pupil weights 小:初:高 = 1:1.1:1.32 (完全中学
 *     初:高 = 1:1.2).  Room counts (labs, function rooms, library) are shared
 *     by both parts, not split: the pupils of each part use the same rooms,
 *     and a fraction of a laboratory means nothing to a standard of "at least
 *     N rooms".  Teacher columns are always the part's own.  A 完全中学 or
 *     十二年一贯制 needs its 高中在校生数 for the split: without it the whole
 *     school's resources would be credited to its 初中 part, so it is an
 *     error unless [data] mixed = parts says the rows are the parts' own.
 *     [data] mixed = parts turns the split off.  Two rows with one code,
 *     both 学段 and no 学校类型 are a 九年一贯制 school given per part:
 *     nothing is split (the type is what asks for the split), and the type
 *     reads 九年一贯制.
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
#include "common/utf8.h"
#include "common/xalloc.h"

#include <ctype.h>
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

/* Other names the statistics forms use for a column. */
static const struct { const char *name; jh_field f; } aliases[] = {
    {"校园占地面积", F_SITE_AREA}, {"学校占地面积", F_SITE_AREA}, {"占地总面积", F_SITE_AREA},
    {"校舍面积", F_BUILDING_AREA}, {"校舍总面积", F_BUILDING_AREA}, {"校舍建筑总面积", F_BUILDING_AREA},
    {"教学及辅助用房", F_TEACHING_AREA}, {"体育运动场馆", F_SPORTS_AREA}, {"体育运动场地面积", F_SPORTS_AREA},
    {"教学仪器设备总值", F_EQUIPMENT_VALUE}, {"教学仪器设备资产值", F_EQUIPMENT_VALUE},
    {"图书", F_BOOKS}, {"图书总数", F_BOOKS}, {"计算机数", F_COMPUTERS}, {"在校学生数", F_STUDENTS},
    {"学生数", F_STUDENTS}, {"高中部在校生数", F_HIGH_STUDENTS},
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
static int is_people(jh_field f)
{
    return (f >= F_STUDENTS && f <= F_SENIOR_TITLE) || f == F_BACKBONE || f == F_ARTS || f == F_HIGH_STUDENTS;
}
static int is_mixed(jh_school_type t)
{
    return t == JH_TYPE_NINE_YEAR || t == JH_TYPE_TWELVE_YEAR;
}

const char *level_key(jh_level l) { return l == JH_PRIMARY ? "primary" : "middle"; }
const char *level_label(jh_level l) { return l == JH_PRIMARY ? "小学" : "初中"; }

const char *school_type_label(jh_school_type t)
{
    static const char *const names[] = {"", "小学", "初中", "九年一贯制", "完全中学", "教学点", "十二年一贯制"};
    return names[t];
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

/* ---- the interpreter's state ------------------------------------------ */

typedef struct rec {
    jh_school s;
    int point;          /* a 教学点 row */
    const jh_row *row;  /* where it came from (messages) */
    int has_high;       /* the 高中在校生数 cell holds a number */
    struct rec **grp;   /* the rows with the same code (in the sorted index) */
    int ngrp;
} rec;

typedef struct interp {
    const jh_table *t;
    const jh_load_opts *opt;
    diag_list *dl;
    int col[JH_NFIELDS];        /* index of each field's cell, -1 if absent */
    char *head[JH_NFIELDS];     /* the header as written (joined over two rows) */
    double scale[JH_NFIELDS];   /* from a unit: 万元 → 10000 */
    int ncols;                  /* cells in the header row */
    int first;                  /* the first data row */
    /* full-width digits: one warning for the file, at the first cell */
    int fw_count;
    char *fw_file, *fw_text, *fw_read;
    int fw_line;
} interp;

/* The name a column goes by in messages: the header as written when it is
 * not the English key, else the Chinese label. */
static const char *col_label(const interp *I, jh_field f)
{
    const char *h = I->head[f];
    return h && *h && strcasecmp(h, jh_fields[f].key) ? h : jh_fields[f].label;
}

static diag *vplace_diag(interp *I, diag_level lv, const jh_row *r, int col, const char *fmt, va_list ap)
{
    char *file;
    int line;
    table_place(I->t, r, col, &file, &line);
    diag *d = diag_addv(I->dl, lv, file, line, 0, fmt, ap);
    free(file);
    return d;
}

/* A diagnostic about row r as a whole (cell A of a workbook row). */
static diag *row_diag(interp *I, diag_level lv, const jh_row *r, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static diag *row_diag(interp *I, diag_level lv, const jh_row *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag *d = vplace_diag(I, lv, r, -1, fmt, ap);
    va_end(ap);
    return d;
}

/* A diagnostic about field f of row r: `column 'KEY' (名称): …` at its cell. */
static diag *col_diag(interp *I, diag_level lv, const jh_row *r, jh_field f, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static diag *col_diag(interp *I, diag_level lv, const jh_row *r, jh_field f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *what = xvasprintf(fmt, ap);
    va_end(ap);
    char *file;
    int line;
    table_place(I->t, r, I->col[f], &file, &line);
    diag *d = diag_add(I->dl, lv, file, line, 0, _("column '%s' (%s): %s"), jh_fields[f].key, col_label(I, f), what);
    free(file);
    free(what);
    return d;
}
#define col_error(I, r, f, ...) col_diag(I, DIAG_ERROR, r, f, __VA_ARGS__)
#define col_warning(I, r, f, ...) col_diag(I, DIAG_WARNING, r, f, __VA_ARGS__)

/* ---- text helpers ----------------------------------------------------- */

/* Trim ASCII blanks, CR/LF and the ideographic space U+3000 at both ends. */
static void strip(char *s)
{
    size_t n = strlen(s), i = 0;
    for (;;) {
        if (n && strchr(" \t\r\n", s[n - 1])) n--;
        else if (n >= 3 && !memcmp(s + n - 3, "\xE3\x80\x80", 3)) n -= 3;
        else break;
    }
    s[n] = 0;
    for (;;) {
        if (s[i] && strchr(" \t\r\n", s[i])) i++;
        else if (!strncmp(s + i, "\xE3\x80\x80", 3)) i += 3;
        else break;
    }
    if (i) memmove(s, s + i, n - i + 1);
}

/* s without any blank (ASCII, line breaks in a header cell, U+3000). */
static char *squeeze(const char *s)
{
    char *o = xmalloc(strlen(s) + 1), *p = o;
    while (*s) {
        if (strchr(" \t\r\n", *s)) s++;
        else if (!strncmp(s, "\xE3\x80\x80", 3)) s += 3;
        else *p++ = *s++;
    }
    *p = 0;
    return o;
}

/* Full-width digits, point, signs and blanks as ASCII (owned); *changed set
 * when anything was converted. */
static char *halfwidth(const char *s, int *changed)
{
    char *o = xmalloc(strlen(s) + 1), *p = o;
    *changed = 0;
    while (*s) {
        uint32_t cp;
        int n = utf8_decode(s, strlen(s), &cp);
        if (cp >= 0xFF10 && cp <= 0xFF19) *p++ = (char)('0' + (cp - 0xFF10));
        else if (cp == 0xFF0E) *p++ = '.';
        else if (cp == 0xFF0D) *p++ = '-';
        else if (cp == 0xFF0B) *p++ = '+';
        else if (cp == 0xFF45 || cp == 0xFF25) *p++ = (char)(cp == 0xFF45 ? 'e' : 'E');
        else if (cp == 0x3000) *p++ = ' ';
        else { memcpy(p, s, (size_t)n); p += n; s += n; continue; }
        *changed = 1;
        s += n;
    }
    *p = 0;
    return o;
}

/* 1 if v is a number in E-notation, as Excel writes one that does not fit
 * its column (1.85E+06). */
static int e_notation(const char *v)
{
    const char *e = strpbrk(v, "eE");
    if (!e || e == v) return 0;
    for (const char *p = v; p < e; p++) if (!isdigit((unsigned char)*p) && !strchr("+-.", *p)) return 0;
    double x;
    return num_parse(v, &x) == 0;
}

/* ---- 2. header -------------------------------------------------------- */

#define HEADER_SCAN 20   /* rows searched for the header (title rows above it) */

/* Split "在校生数（人）" / "占地面积(平方米)" / "面积/m²" into the name and its
 * unit (both owned, squeezed; unit "" if none). */
static void split_unit(const char *h, char **name, char **unit)
{
    char *s = squeeze(h);
    char *u = NULL;
    char *open = strstr(s, "（");
    size_t olen = 3;
    char *o2 = strchr(s, '(');
    if (o2 && (!open || o2 < open)) { open = o2; olen = 1; }
    if (open && open > s) {
        char *body = open + olen;
        char *close = strstr(body, "）");
        char *c2 = strchr(body, ')');
        if (c2 && (!close || c2 < close)) close = c2;
        u = close ? xstrndup(body, (size_t)(close - body)) : xstrdup(body);
        *open = 0;
    } else if ((o2 = strrchr(s, '/')) && o2 > s) {
        u = xstrdup(o2 + 1);
        *o2 = 0;
    }
    /* a required column marked with an asterisk: 学校代码*, ＊学校名称 */
    size_t n = strlen(s);
    while (n && s[n - 1] == '*') s[--n] = 0;
    while (n >= 3 && !strcmp(s + n - 3, "＊")) { n -= 3; s[n] = 0; }
    size_t k = 0;
    while (s[k] == '*' || !strncmp(s + k, "＊", 3)) k += s[k] == '*' ? 1 : 3;
    if (k) memmove(s, s + k, strlen(s + k) + 1);
    *name = s;
    *unit = u ? u : xstrdup("");
}

static int field_by_name(const char *h)
{
    if (!*h) return -1;
    for (int f = 0; f < JH_NFIELDS; f++)
        if (!strcasecmp(h, jh_fields[f].key) || !strcmp(h, jh_fields[f].label)) return f;
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (!strcmp(h, aliases[i].name)) return (int)aliases[i].f;
    return -1;
}

static const char *after_prefix(const char *s, const char *p)
{
    size_t n = strlen(p);
    return strncmp(s, p, n) ? NULL : s + n;
}

/* The field of a column whose header is `sub` under the group cell `grp`
 * (either may be ""): the sub name alone, without 其中, joined to the group
 * (校舍 + 建筑面积, 校舍面积 + 建筑面积), or the group itself over a 合计
 * sub-column.  *shown gets the name as it reads (owned). */
static int join_header(const char *grp, const char *sub, char **shown_name)
{
    const char *s = sub;
    const char *q;
    if ((q = after_prefix(s, "其中："))) s = q;
    else if ((q = after_prefix(s, "其中:"))) s = q;
    else if ((q = after_prefix(s, "其中"))) s = q;
    int f;
    if (!*sub) {
        *shown_name = xstrdup(grp);
        return field_by_name(grp);
    }
    if ((f = field_by_name(s)) >= 0) { *shown_name = xstrdup(s); return f; }
    if (*grp) {
        char *j = xasprintf("%s%s", grp, s);
        if ((f = field_by_name(j)) >= 0) { *shown_name = j; return f; }
        free(j);
        static const char *const tails[] = {"面积", "数", NULL};
        for (int i = 0; tails[i]; i++) {
            size_t gl = strlen(grp), tl = strlen(tails[i]);
            if (gl > tl && !strcmp(grp + gl - tl, tails[i])) {
                j = xasprintf("%.*s%s", (int)(gl - tl), grp, s);
                if ((f = field_by_name(j)) >= 0) { *shown_name = j; return f; }
                free(j);
            }
        }
        static const char *const total[] = {"合计", "总计", "小计", "计", "总面积", "总数", "总值", "面积", "数量", NULL};
        for (int i = 0; total[i]; i++)
            if (!strcmp(s, total[i]) && (f = field_by_name(grp)) >= 0) {
                *shown_name = xasprintf("%s%s", grp, s);
                return f;
            }
        *shown_name = xasprintf("%s%s", grp, s);
        return -1;
    }
    *shown_name = xstrdup(s);
    return -1;
}

typedef struct hcol {
    int f;          /* field, -1 if not known */
    char *name;     /* as it reads (owned) */
    char *unit;     /* from the header cell (owned, may be "") */
} hcol;

static const char *cell_text(const jh_row *r, int i) { return i < r->n ? r->c[i].text : ""; }

/* Name the columns of header row a (and the row b under it, if b != NULL).
 * Returns the number of distinct known fields; h gets n entries. */
static int name_columns(const jh_row *a, const jh_row *b, hcol *h, int n)
{
    int seen[JH_NFIELDS] = {0}, known = 0;
    char *grp = xstrdup(""), *gunit = xstrdup("");
    for (int i = 0; i < n; i++) {
        char *an, *au, *bn, *bu;
        split_unit(cell_text(a, i), &an, &au);
        split_unit(b ? cell_text(b, i) : "", &bn, &bu);
        if (*an) {  /* a new group (or a header of its own) starts here */
            free(grp); free(gunit);
            grp = xstrdup(an);
            gunit = xstrdup(au);
        }
        if (!*an && !*bn) {
            h[i].f = -1; h[i].name = xstrdup(""); h[i].unit = xstrdup("");
        } else {
            h[i].f = join_header(*an || !b ? an : grp, bn, &h[i].name);
            h[i].unit = xstrdup(*bu ? bu : *au ? au : gunit);
        }
        free(an); free(au); free(bn); free(bu);
        if (h[i].f >= 0 && !seen[h[i].f]++) known++;
    }
    free(grp);
    free(gunit);
    return known;
}

static void free_hcols(hcol *h, int n)
{
    for (int i = 0; i < n; i++) { free(h[i].name); free(h[i].unit); }
    free(h);
}

static int row_blank(const jh_row *r)
{
    for (int k = 0; k < r->n; k++) {
        char *c = squeeze(r->c[k].text);
        int e = !*c;
        free(c);
        if (!e) return 0;
    }
    return 1;
}

static int required(jh_field f, const jh_load_opts *opt)
{
    if (f == F_TYPE || f == F_HIGH_STUDENTS) return 0;
    if (f == F_BACKBONE || f == F_ARTS || f == F_MULTIMEDIA) return opt->need_quality;
    return 1;
}

/* The factor a unit written in the header or a units row asks for, for a
 * column of field f: 1 for the unit junheng reads, 10000 for 万元/万册 …;
 * 0 if the unit is not one of the column's; -1 if it is no unit at all. */
static double unit_scale(jh_field f, const char *u)
{
    static const struct { const char *u; int kind; double x; } units[] = {
        {"人", 'p', 1}, {"名", 'p', 1}, {"个", 'p', 1}, {"位", 'p', 1},
        {"平方米", 'a', 1}, {"平米", 'a', 1}, {"m2", 'a', 1}, {"m²", 'a', 1}, {"㎡", 'a', 1}, {"M2", 'a', 1},
        {"万平方米", 'a', 10000}, {"亩", 'a', 2000.0 / 3},   /* 1 亩 = 666.67 m² */
        {"元", 'm', 1}, {"万元", 'm', 10000}, {"千元", 'm', 1000},
        {"册", 'b', 1}, {"本", 'b', 1}, {"万册", 'b', 10000},
        {"台", 'c', 1}, {"间", 'r', 1}, {"个", 'r', 1}, {"室", 'r', 1},
    };
    int want = is_people(f) ? 'p' : (f >= F_SITE_AREA && f <= F_SPORTS_AREA) ? 'a' : f == F_EQUIPMENT_VALUE ? 'm'
             : f == F_BOOKS ? 'b' : f == F_COMPUTERS ? 'c' : 'r';
    int any = 0;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (strcmp(u, units[i].u)) continue;
        any = 1;
        if (units[i].kind == want) return units[i].x;
    }
    return any ? 0 : -1;
}

/* Take the unit of column f (from its header or a units row): scale, or an
 * error if it is another quantity's unit.  Returns the error count. */
static int take_unit(interp *I, const jh_row *r, jh_field f, const char *u)
{
    if (!*u || field_kind(f) == K_TEXT) return 0;
    double x = unit_scale(f, u);
    if (x > 0) { I->scale[f] = x; return 0; }
    if (f == F_LIBRARY) return 0;  /* 有/无 and the like */
    if (x == 0) {
        diag_hint(col_error(I, r, f, _("the unit '%s' is not a unit of this column"), u),
                  _("this column is read in %s: convert the values, or correct the unit"), jh_fields[f].unit);
        return 1;
    }
    diag_hint(col_warning(I, r, f, _("unit '%s' not recognised; the values are read in %s"), u, jh_fields[f].unit),
              _("write the unit as 人, 平方米, 元, 万元, 册, 台 or 间"));
    return 0;
}

/* A row of units under the header: no cell of a numeric column is a number,
 * and most of its cells are units. */
static int units_row(const interp *I, const jh_row *r)
{
    int units = 0, other = 0;
    for (int f = 0; f < JH_NFIELDS; f++) {
        if (I->col[f] < 0) continue;
        char *n, *u;
        split_unit(cell_text(r, I->col[f]), &n, &u);
        /* a units row may say （人） or 人 */
        const char *t = *n ? n : u;
        if (*t) {
            double x;
            if (field_kind((jh_field)f) != K_TEXT && num_parse(t, &x) == 0) other += 100;
            else if (unit_scale((jh_field)f, t) >= 0) units++;
            else if (strcmp(t, "—") && strcmp(t, "-") && strcmp(t, "/")) other++;
        }
        free(n); free(u);
    }
    return units > 0 && units >= other;
}

/* Find the header, map its columns and skip title and units rows.
 * Returns the error count. */
static int map_header(interp *I)
{
    const jh_table *t = I->t;
    const jh_row *hr = NULL, *sub = NULL;
    int idx = -1, best = 0;
    hcol *h = NULL;
    int first_nonblank = -1;
    for (int i = 0, scanned = 0; i < t->n && scanned < HEADER_SCAN; i++) {
        if (row_blank(&t->rows[i])) continue;
        if (first_nonblank < 0) first_nonblank = i;
        scanned++;
        int n = t->rows[i].n, j = i + 1;
        while (j < t->n && row_blank(&t->rows[j])) j++;
        if (j < t->n && t->rows[j].n > n) n = t->rows[j].n;
        hcol *one = xcalloc((size_t)n + 1, sizeof *one), *two = xcalloc((size_t)n + 1, sizeof *two);
        int s1 = name_columns(&t->rows[i], NULL, one, n);
        int s2 = j < t->n ? name_columns(&t->rows[i], &t->rows[j], two, n) : 0;
        /* A title above the header would pass for a group row over it:
         * the upper row of a header names some column itself. */
        if (s1 >= 1 && (s1 >= 3 || s2 >= 3)) {
            idx = i;
            hr = &t->rows[i];
            if (s2 > s1) { sub = &t->rows[j]; h = two; best = s2; free_hcols(one, n); }
            else { h = one; best = s1; free_hcols(two, n); }
            I->ncols = n;
            break;
        }
        free_hcols(one, n);
        free_hcols(two, n);
    }
    if (!hr) {
        const jh_row *r0 = first_nonblank >= 0 ? &t->rows[first_nonblank] : NULL;
        diag_hint(row_diag(I, DIAG_ERROR, r0, _("the first row is not a header, nor any of the %d rows below it: no column name is known"),
                           HEADER_SCAN - 1),
                  _("the first row must name the columns, e.g. 学校代码,学校名称,学段,在校生数,... (see the example data)"));
        return 1;
    }
    (void)best;
    int errors = 0;
    for (int i = first_nonblank; i < idx; i++)
        if (!row_blank(&t->rows[i])) {
            diag_hint(row_diag(I, DIAG_WARNING, &t->rows[i], _("skipped as a title above the header: '%s'"), cell_text(&t->rows[i], 0)),
                      _("rows above the header are not read"));
        }
    strbuf extra = STRBUF_INIT;
    for (int f = 0; f < JH_NFIELDS; f++) { I->col[f] = -1; I->scale[f] = 1; }
    for (int i = 0; i < I->ncols; i++) {
        int f = h[i].f;
        if (f < 0) {
            if (*h[i].name) sb_printf(&extra, "%s'%s'", extra.len ? ", " : "", h[i].name);
            continue;
        }
        if (I->col[f] >= 0) {
            diag_hint(col_error(I, hr, (jh_field)f, _("appears twice in the header (columns %d and %d)"), I->col[f] + 1, i + 1),
                      _("delete or rename one of the two columns"));
            errors++;
            continue;
        }
        I->col[f] = i;
        I->head[f] = xstrdup(h[i].name);
    }
    for (int f = 0; f < JH_NFIELDS; f++)
        if (I->col[f] >= 0) errors += take_unit(I, sub ? sub : hr, (jh_field)f, h[I->col[f]].unit);
    free_hcols(h, I->ncols);
    for (int f = 0; f < JH_NFIELDS; f++)
        if (I->col[f] < 0 && required((jh_field)f, I->opt)) {
            diag_hint(col_error(I, hr, (jh_field)f, _("missing from the header")),
                      _("add a column headed '%s' or '%s'%s"), jh_fields[f].label, jh_fields[f].key,
                      f >= F_BACKBONE && f != F_HIGH_STUDENTS ? _(" (the quality scheme needs it)") : "");
            errors++;
        }
    if (extra.len)
        diag_hint(row_diag(I, DIAG_WARNING, hr, _("column(s) %s are not used and are ignored"), sb_str(&extra)),
                  _("rename a column to its key or Chinese name if it was meant to be read"));
    sb_free(&extra);
    I->first = (int)((sub ? sub : hr) - t->rows) + 1;
    /* 3. a units row right under the header */
    while (I->first < t->n && row_blank(&t->rows[I->first])) I->first++;
    if (!errors && I->first < t->n && units_row(I, &t->rows[I->first])) {
        const jh_row *ur = &t->rows[I->first];
        strbuf scaled = STRBUF_INIT;
        for (int f = 0; f < JH_NFIELDS; f++) {
            if (I->col[f] < 0) continue;
            char *n, *u;
            split_unit(cell_text(ur, I->col[f]), &n, &u);
            const char *un = *n ? n : u;
            errors += take_unit(I, ur, (jh_field)f, un);
            if (I->scale[f] != 1) sb_printf(&scaled, "%s%s ×%g", scaled.len ? "、" : "", col_label(I, (jh_field)f), I->scale[f]);
            free(n); free(u);
        }
        diag *d = row_diag(I, DIAG_WARNING, ur, _("skipped as a units row (人, 平方米, 元 …) under the header"));
        if (scaled.len) diag_hint(d, _("values are converted to junheng's units: %s"), sb_str(&scaled));
        sb_free(&scaled);
        I->first++;
    }
    return errors;
}

/* ---- 4. values -------------------------------------------------------- */

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
        {"十二年一贯制", "twelve_year", JH_TYPE_TWELVE_YEAR},
        {"十二年一贯制学校", "twelve-year", JH_TYPE_TWELVE_YEAR},
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

/* A workbook cell that holds no usable value: a date, an error value, a
 * formula never calculated.  Returns 1 after the error. */
static int bad_kind(interp *I, const jh_row *r, jh_field f, const jh_cell *c)
{
    shown_buf sb;
    switch (c->kind) {
    case JH_CELL_DATE:
        diag_hint(col_error(I, r, f, _("is a date (serial %s), not a %s"), shown(c->text, sb),
                            field_kind(f) == K_TEXT ? _("text") : _("number")),
                  _("Excel shows this cell as a date: set the column's format to 常规 (General) or 数值 (Number) and retype the value"));
        return 1;
    case JH_CELL_ERROR:
        diag_hint(col_error(I, r, f, _("holds the error value %s"), shown(c->text, sb)),
                  _("the cell's formula fails in Excel: correct it, or type the value"));
        return 1;
    case JH_CELL_NOVALUE:
        diag_hint(col_error(I, r, f, _("is a formula without a calculated value")),
                  _("open the workbook in Excel or WPS, let it calculate (F9) and save it again, or type the value"));
        return 1;
    default:
        return 0;
    }
}

/* The text of field f in row r, full-width digits made ASCII in numeric
 * columns (owned). */
static char *value_text(interp *I, const jh_row *r, jh_field f)
{
    if (I->col[f] < 0) return xstrdup("");
    const jh_cell *c = I->col[f] < r->n ? &r->c[I->col[f]] : NULL;
    char *v = xstrdup(c ? c->text : "");
    strip(v);
    if (field_kind(f) == K_TEXT || !c || c->kind != JH_CELL_TEXT) return v;
    int changed;
    char *h = halfwidth(v, &changed);
    if (changed) {
        strip(h);
        if (!I->fw_count++) {
            table_place(I->t, r, I->col[f], &I->fw_file, &I->fw_line);
            I->fw_text = xstrdup(v);
            I->fw_read = xstrdup(h);
        }
    }
    free(v);
    return h;
}

/* Check one numeric cell of field f (text v); stores the value.  Returns 0,
 * or 1 after an error. */
static int check_number(interp *I, const jh_row *r, jh_field f, const char *v, double *out)
{
    shown_buf sb;
    const jh_load_opts *opt = I->opt;
    const jh_cell *c = I->col[f] >= 0 && I->col[f] < r->n ? &r->c[I->col[f]] : NULL;
    *out = 0;
    if (c && bad_kind(I, r, f, c)) return 1;
    if (!*v) {
        if (!required(f, opt)) return 0;
        diag_hint(col_error(I, r, f, _("is empty")), _("write 0 if the school has none"));
        return 1;
    }
    if (field_kind(f) == K_BOOL) {
        if (parse_bool(v, out) == 0) return 0;
        diag_hint(col_error(I, r, f, _("'%s' is not 1/0, 有/无 or 是/否"), shown(v, sb)),
                  _("write 1 if the school has a library room, 0 if not"));
        return 1;
    }
    double x;
    if (c && c->kind == JH_CELL_NUMBER) {
        x = c->num;   /* as Excel stored it, every digit */
    } else if (num_parse(v, &x) != 0) {
        diag *d = col_error(I, r, f, _("'%s' is not a number"), shown(v, sb));
        if (strchr(v, ',') || strstr(v, "，"))
            diag_hint(d, _("remove the thousands separators: write 1240, not 1,240"));
        else if (*jh_fields[f].unit)
            diag_hint(d, _("write digits only, without units or notes (the unit is %s)"), jh_fields[f].unit);
        else
            diag_hint(d, _("write digits only, without units or notes"));
        return 1;
    } else if (e_notation(v)) {
        diag_hint(col_warning(I, r, f, _("'%s' is written in E-notation: Excel may have rounded it when the file was saved"), shown(v, sb)),
                  _("check the value against the workbook, or give junheng the .xlsx itself (it keeps every digit)"));
    }
    x *= I->scale[f];
    if (x < 0) {
        diag_hint(col_error(I, r, f, _("%s is negative"), shown(v, sb)), _("a count or an area cannot be below 0"));
        return 1;
    }
    /* Counts are summed as long (figures, sheets); beyond it the conversion is
     * undefined, and doubles stop being exact integers at 2^53.  No school
     * figure comes near 10^15 (元 included). */
    if (!(x <= VALUE_MAX)) {
        diag_hint(col_error(I, r, f, _("%s is too large"), shown(v, sb)),
                  _("check the value: digits run together, or a misplaced exponent?"));
        return 1;
    }
    if (field_kind(f) == K_INT && x != floor(x)) {
        diag_hint(col_error(I, r, f, _("'%s' is not a whole number"), shown(v, sb)), _("people, books and rooms are counted in whole numbers"));
        return 1;
    }
    if (f == F_STUDENTS && x == 0) {
        diag_hint(col_error(I, r, f, _("is 0")),
                  _("a school part without pupils is not assessed: delete the row (or fill in its enrolment)"));
        return 1;
    }
    *out = x;
    return 0;
}

/* A text cell of a workbook that is not text (a date in the name column …),
 * or a code Excel wrote in E-notation.  Returns the error count. */
static int check_text(interp *I, const jh_row *r, jh_field f, const char *v)
{
    const jh_cell *c = I->col[f] >= 0 && I->col[f] < r->n ? &r->c[I->col[f]] : NULL;
    if (c && bad_kind(I, r, f, c)) return 1;
    if (f == F_CODE && e_notation(v)) {
        shown_buf sb;
        diag_hint(col_warning(I, r, f, _("'%s' is a code written in E-notation: Excel has rounded it"), shown(v, sb)),
                  _("format the 学校代码 column as 文本 (Text) and type the codes again, or give junheng the .xlsx itself"));
    }
    return 0;
}

/* Check one data row into rec.  Returns the number of errors. */
static int check_row(interp *I, const jh_row *row, rec *r)
{
    int errors = 0, bad[JH_NFIELDS] = {0};
    shown_buf sb, sb2;
    memset(r, 0, sizeof *r);
    r->row = row;
    r->s.line = row->line;
    r->s.share = 1;
    if (!I->t->sheet && row->n < I->ncols) {
        diag_hint(row_diag(I, DIAG_ERROR, row, _("the row has %d field(s), the header has %d"), row->n, I->ncols),
                  _("a comma is missing, or a line break splits the row; a value containing a comma must be quoted"));
        return 1;
    }
    char *v[JH_NFIELDS];
    for (int f = 0; f < JH_NFIELDS; f++) v[f] = value_text(I, row, (jh_field)f);
    for (int f = F_CODE; f <= F_TYPE; f++) errors += bad[f] = check_text(I, row, (jh_field)f, v[f]);
    if (!bad[F_CODE] && !*v[F_CODE]) { diag_hint(col_error(I, row, F_CODE, _("is empty")), _("every row needs its school's code")); errors++; }
    if (!bad[F_NAME] && !*v[F_NAME]) { diag_hint(col_error(I, row, F_NAME, _("is empty")), _("every row needs its school's name")); errors++; }
    if (!bad[F_LEVEL] && parse_level(v[F_LEVEL], &r->s.level) != 0) {
        diag_hint(col_error(I, row, F_LEVEL, _("'%s' is not a 学段"), shown(v[F_LEVEL], sb)),
                  _("write 小学 or 初中 (or primary / middle)"));
        errors++;
        bad[F_LEVEL] = 1;
    }
    jh_school_type t = JH_TYPE_UNSET;
    if (!bad[F_TYPE] && parse_type(v[F_TYPE], &t) != 0) {
        diag_hint(col_error(I, row, F_TYPE, _("'%s' is not a known school type"), shown(v[F_TYPE], sb)),
                  _("write 小学, 初中, 九年一贯制, 完全中学, 十二年一贯制 or 教学点, or leave it empty"));
        errors++;
    } else if (!bad[F_LEVEL] && !bad[F_TYPE] &&
               ((t == JH_TYPE_PRIMARY && r->s.level != JH_PRIMARY) ||
                ((t == JH_TYPE_MIDDLE || t == JH_TYPE_COMPLETE_MIDDLE) && r->s.level != JH_MIDDLE))) {
        diag_hint(col_error(I, row, F_TYPE, _("a %s has no %s part"), v[F_TYPE], level_label(r->s.level)),
                  _("check the 学段 and 学校类型 of this row"));
        errors++;
    }
    r->point = t == JH_TYPE_TEACHING_POINT;
    r->s.type = r->point ? JH_TYPE_UNSET : t;
    for (int f = F_STUDENTS; f < JH_NFIELDS; f++)
        errors += bad[f] = check_number(I, row, (jh_field)f, v[f], &r->s.v[f]);
    r->has_high = I->col[F_HIGH_STUDENTS] >= 0 && *v[F_HIGH_STUDENTS] && !bad[F_HIGH_STUDENTS];
    /* cross-checks read only cells that parsed: no follow-on errors */
    for (int f = F_STUDENTS; f < JH_NFIELDS; f++)
        if (is_teacher_subcount((jh_field)f) && !bad[f] && !bad[F_TEACHERS] && I->col[f] >= 0 &&
            r->s.v[f] > r->s.v[F_TEACHERS]) {
            diag_hint(col_error(I, row, (jh_field)f, _("%s is more than 专任教师数 (%s)"),
                                shown(v[f], sb), shown(v[F_TEACHERS], sb2)),
                      _("this count is part of the full-time teachers and cannot exceed them"));
            errors++;
        }
    /* 5. plausibility */
    if (!bad[F_TEACHERS] && !bad[F_STUDENTS] && r->s.v[F_STUDENTS] > 0 && r->s.v[F_TEACHERS] > r->s.v[F_STUDENTS])
        diag_hint(col_warning(I, row, F_TEACHERS, _("%s teachers for %s pupils: more teachers than pupils"),
                              shown(v[F_TEACHERS], sb), shown(v[F_STUDENTS], sb2)),
                  _("check that 专任教师数 and 在校生数 are not swapped or mistyped"));
    if (r->s.v[F_HIGH_STUDENTS] > 0 && t != JH_TYPE_COMPLETE_MIDDLE && t != JH_TYPE_TWELVE_YEAR)
        diag_hint(col_warning(I, row, F_HIGH_STUDENTS, _("is used only for a 完全中学 or 十二年一贯制; ignored here")),
                  _("set 学校类型 to 完全中学 if this school has a 高中部"));
    if (!errors) {
        r->s.code = xstrdup(v[F_CODE]);
        r->s.name = xstrdup(v[F_NAME]);
        memcpy(r->s.whole, r->s.v, sizeof r->s.v);
    }
    for (int f = 0; f < JH_NFIELDS; f++) free(v[f]);
    return errors;
}

/* ---- totals rows ------------------------------------------------------ */

/* The word that makes row r a totals row (合计, 总计, 小计), or NULL: it is
 * in the code, name or first cell, and the code is no school's. */
static const char *totals_word(const interp *I, const jh_row *r)
{
    static const char *const words[] = {"合计", "总计", "小计", NULL};
    int cols[3] = {I->col[F_CODE], I->col[F_NAME], 0};
    const char *hit = NULL;
    for (int k = 0; k < 3 && !hit; k++) {
        if (cols[k] < 0) continue;
        char *c = squeeze(cell_text(r, cols[k]));
        for (int w = 0; words[w] && !hit; w++) if (strstr(c, words[w])) hit = words[w];
        free(c);
    }
    if (!hit || I->col[F_CODE] < 0) return hit;
    char *code = squeeze(cell_text(r, I->col[F_CODE]));
    int codeish = *code && !strstr(code, hit);
    free(code);
    return codeish ? NULL : hit;
}

/* Compare a totals row with the sum of the data rows since `from`, and say
 * so in one warning. */
static void check_totals(interp *I, const jh_row *tr, const char *word, const rec *recs, int from, int to)
{
    strbuf diff = STRBUF_INIT;
    int compared = 0, differ = 0;
    for (int f = F_STUDENTS; f < JH_NFIELDS; f++) {
        if (I->col[f] < 0 || field_kind((jh_field)f) == K_BOOL) continue;
        const jh_cell *c = I->col[f] < tr->n ? &tr->c[I->col[f]] : NULL;
        if (!c) continue;
        double want;
        if (c->kind == JH_CELL_NUMBER) want = c->num;
        else {
            int ch;
            char *h = halfwidth(c->text, &ch);
            strip(h);
            int ok = *h && num_parse(h, &want) == 0;
            free(h);
            if (!ok) continue;
        }
        want *= I->scale[f];
        double sum = 0;
        for (int i = from; i < to; i++) sum += recs[i].s.v[f];
        compared++;
        if (fabs(sum - want) <= 1e-9 * fmax(1, fabs(want))) continue;
        if (differ++ < 3)
            sb_printf(&diff, "%s%s %.15g ≠ %.15g", diff.len ? _("; ") : "", col_label(I, (jh_field)f), want, sum);
    }
    if (!compared)
        row_diag(I, DIAG_WARNING, tr, _("skipped as a totals row (%s)"), word);
    else if (!differ)
        row_diag(I, DIAG_WARNING, tr, _("skipped as a totals row (%s); its sums agree with the %d row(s) above it"), word, to - from);
    else
        diag_hint(row_diag(I, DIAG_WARNING, tr, _("skipped as a totals row (%s); %d of its sums differ from the %d row(s) above it: %s"),
                           word, differ, to - from, sb_str(&diff)),
                  _("the totals row (left) or a school row is wrong; junheng reads the school rows only"));
    sb_free(&diff);
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
static int check_part(interp *I, const rec *r)
{
    int errors = 0;
    if (r->point) return 0;
    for (int j = 0; j < r->ngrp; j++) {
        const rec *o = r->grp[j];
        if (o->point || o->s.line >= r->s.line) continue;
        if (o->s.level == r->s.level) {
            diag_hint(col_error(I, r->row, F_CODE, _("school '%s' already has a %s row on line %d"),
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
                diag_hint(row_diag(I, DIAG_WARNING, r->row,
                                       _("school '%s': the 小学 and 初中 rows (lines %d and %d) have identical resource figures"),
                                       r->s.code, o->s.line, r->s.line),
                          _("if they are whole-school totals, set 学校类型 to 九年一贯制 on both rows so junheng splits them"));
        } else if (!is_mixed(r->s.type) || r->s.type != o->s.type) {
            diag_hint(col_error(I, r->row, F_TYPE,
                                _("school '%s' has a 小学 and an 初中 row (lines %d and %d), so it must be 九年一贯制 on both (or 十二年一贯制 on both)"),
                                r->s.code, o->s.line, r->s.line),
                      _("set 学校类型 to 九年一贯制 on both rows, or give the two schools different codes"));
            errors++;
        }
    }
    return errors;
}

/* The share of a mixed school's resources that r's part gets, after
 * checking that both rows hold the same totals.  Returns the error count. */
static int split_share(interp *I, rec *r)
{
    int errors = 0;
    if (r->point) return 0;
    /* A 完全中学 or 十二年一贯制 without its 高中 pupils would credit the
     * whole school's resources to its 初中 (and 小学) part. */
    if ((r->s.type == JH_TYPE_COMPLETE_MIDDLE || r->s.type == JH_TYPE_TWELVE_YEAR) && !r->has_high) {
        diag_hint(col_error(I, r->row, F_HIGH_STUDENTS,
                            _("%s '%s' needs its 高中 pupils to split the whole school's resources, and this row has none"),
                            school_type_label(r->s.type), r->s.code),
                  _("add a 高中在校生数 column (0 if the school has no 高中 pupils this year), or set [data] mixed = parts "
                    "if this row holds the part's own figures"));
        return 1;
    }
    if (r->s.type == JH_TYPE_COMPLETE_MIDDLE) {
        double b = r->s.v[F_STUDENTS], c = r->s.v[F_HIGH_STUDENTS];
        if (c > 0) r->s.share = b / (b + 1.2 * c);  /* 初:高 = 1:1.2, keep the 初中 share */
        return 0;
    }
    if (!is_mixed(r->s.type)) return 0;
    const rec *o = other_part(r);
    if (!o) {
        diag_hint(col_error(I, r->row, F_LEVEL,
                            _("%s school '%s' has only a %s row; its whole-school resources cannot be split"),
                            school_type_label(r->s.type), r->s.code, level_label(r->s.level)),
                  _("add its %s row with the same 学校代码, or set [data] mixed = parts if this row holds the part's own figures"),
                  level_label(r->s.level == JH_PRIMARY ? JH_MIDDLE : JH_PRIMARY));
        return 1;
    }
    if (o->s.line < r->s.line) {  /* compare once, on the later row */
        for (int f = F_SITE_AREA; f < JH_NFIELDS; f++) {
            if (!is_split_field((jh_field)f) && !is_shared_field((jh_field)f) &&
                !(f == F_HIGH_STUDENTS && r->s.type == JH_TYPE_TWELVE_YEAR)) continue;
            if (r->s.whole[f] == o->s.whole[f]) continue;
            char a[64], b[64];
            snprintf(a, sizeof a, "%.15g", r->s.whole[f]);
            snprintf(b, sizeof b, "%.15g", o->s.whole[f]);
            diag_hint(col_error(I, r->row, (jh_field)f,
                                _("%s school '%s' has %s here but %s on line %d; whole-school totals must be equal on both rows"),
                                school_type_label(r->s.type), r->s.code, a, b, o->s.line),
                      _("correct one of the rows, or set [data] mixed = parts if each row holds its part's own figures"));
            errors++;
        }
    }
    double a = r->s.level == JH_PRIMARY ? r->s.v[F_STUDENTS] : o->s.v[F_STUDENTS];
    double b = r->s.level == JH_PRIMARY ? o->s.v[F_STUDENTS] : r->s.v[F_STUDENTS];
    /* 小:初 = 1:1.1 — a 初中 pupil weighs 1.1 小学 pupils; a 十二年一贯制's
     * 高中 pupils weigh 1.32 (domain.md §1.4), and their part is dropped. */
    double c = r->s.type == JH_TYPE_TWELVE_YEAR ? 1.32 * r->s.v[F_HIGH_STUDENTS] : 0;
    r->s.share = r->s.level == JH_PRIMARY ? a / (a + 1.1 * b + c) : 1.1 * b / (a + 1.1 * b + c);
    return errors;
}

/* The part a 教学点 is counted under: same code and 学段. */
static rec *point_home(const rec *p)
{
    for (int j = 0; j < p->ngrp; j++)
        if (!p->grp[j]->point && p->grp[j]->s.level == p->s.level) return p->grp[j];
    return NULL;
}

static int check_point(interp *I, const rec *p)
{
    if (!p->point || point_home(p)) return 0;
    diag_hint(col_error(I, p->row, F_CODE,
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
static int shape_parts(interp *I, rec *recs, int n, int split)
{
    rec **ord = group_by_code(recs, n);
    int errors = 0;
    for (int i = 0; i < n; i++) errors += check_part(I, &recs[i]);
    if (split)
        for (int i = 0; i < n; i++) errors += split_share(I, &recs[i]);
    for (int i = 0; i < n; i++) errors += check_point(I, &recs[i]);
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

/* Interpret a table of rows into the school parts (stages 2 to 6). */
static jh_schools *interpret(const jh_table *t, const jh_load_opts *opt, diag_list *dl)
{
    interp I;
    memset(&I, 0, sizeof I);
    I.t = t;
    I.opt = opt;
    I.dl = dl;
    jh_schools *out = NULL;
    rec *recs = NULL;
    int nrec = 0, errors = 0;
    int empty = 1;
    for (int i = 0; i < t->n && empty; i++) empty = row_blank(&t->rows[i]);
    if (empty) {
        diag *d = t->sheet ? diag_error(dl, t->file, 0, 0, _("the sheet '%s' is empty"), t->sheet)
                           : diag_error(dl, t->file, 0, 0, _("the file is empty"));
        diag_hint(d, _("export the school table with its header row to this file"));
        goto done;
    }
    if ((errors = map_header(&I)) != 0) goto done;
    recs = xcalloc((size_t)t->n + 1, sizeof *recs);
    int since = 0;   /* the first row a 小计 adds up */
    for (int i = I.first; i < t->n; i++) {
        const jh_row *row = &t->rows[i];
        if (row_blank(row)) continue;  /* Excel leaves rows of empty cells at the end */
        const char *w = totals_word(&I, row);
        if (w) {
            check_totals(&I, row, w, recs, strcmp(w, "小计") ? 0 : since, nrec);
            since = nrec;
            continue;
        }
        int e = check_row(&I, row, &recs[nrec]);
        if (e) errors += e; else nrec++;
    }
    if (I.fw_count)
        diag_hint(diag_warning(dl, I.fw_file, I.fw_line, 0, _("full-width digits '%s' read as %s (%d cell(s) in all)"),
                               I.fw_text, I.fw_read, I.fw_count),
                  _("numbers typed with a Chinese input method in full-width mode; they are read as ordinary digits"));
    if (errors) goto done;
    if (nrec == 0) {
        diag_hint(diag_error(dl, t->file, 0, 0, _("the file has a header but no school rows")),
                  _("add one row per school part below the header"));
        goto done;
    }
    if ((errors = shape_parts(&I, recs, nrec, opt->split_mixed)) != 0) goto done;

    out = xcalloc(1, sizeof *out);
    out->path = xstrdup(t->file);
    out->encoding = xstrdup(t->encoding ? t->encoding : "");
    for (int f = 0; f < JH_NFIELDS; f++) out->has[f] = I.col[f] >= 0;
    out->items = xcalloc((size_t)nrec, sizeof *out->items);
    for (int i = 0; i < nrec; i++) {
        if (recs[i].point) continue;
        jh_school *s = &out->items[out->n++];
        *s = recs[i].s;
        if (s->type == JH_TYPE_UNSET) s->type = s->level == JH_PRIMARY ? JH_TYPE_PRIMARY : JH_TYPE_MIDDLE;
        table_place(t, recs[i].row, -1, &s->place_file, &s->place_line);
        recs[i].s.code = recs[i].s.name = NULL;  /* moved */
    }
    out->by_code = xcalloc((size_t)out->n + 1, sizeof *out->by_code);
    for (int i = 0; i < out->n; i++) out->by_code[i] = &out->items[i];
    qsort(out->by_code, (size_t)out->n, sizeof *out->by_code, cmp_part);
done:
    if (recs) free_recs(recs, nrec);
    for (int f = 0; f < JH_NFIELDS; f++) free(I.head[f]);
    free(I.fw_file);
    free(I.fw_text);
    free(I.fw_read);
    return out;
}

jh_schools *schools_parse(const char *name, const char *data, size_t len, const jh_load_opts *opt,
                          diag_list *dl)
{
    jh_table t;
    int rc = xlsx_sniff(data, len) ? xlsx_read(name, data, len, opt->sheet, &t, dl)
                                   : csv_read(name, data, len, opt->encoding, &t, dl);
    jh_schools *s = rc == 0 ? interpret(&t, opt, dl) : NULL;
    table_free(&t);
    return s;
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
    for (int i = 0; i < s->n; i++) {
        free(s->items[i].code);
        free(s->items[i].name);
        free(s->items[i].place_file);
    }
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
