/* workbook — see workbook.h.
 *
 * libxlsxwriter runs in constant-memory mode, which writes a row out as soon
 * as a later row is touched: every sheet is written strictly row by row, and
 * a merge spanning two rows (表1's 「小学 26所」) is made last in its first
 * row, so that the blank it writes in the second row is the first write
 * there. */
#include "compose/workbook.h"
#include "common/num.h"
#include "compose/xlsx.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- formats -------------------------------------------------------------- */

enum {
    F_CENTER = 1,   /* else left (text) or right (numbers) */
    F_SHADE = 2,    /* as the report shades: below standard, over the limit */
    F_HEAD = 4,     /* bold, grey, wrapped, centred */
    F_DIAG = 8,     /* the 项目/学校 corner with its diagonal */
    F_TITLE = 16,   /* the caption above a table */
    F_PLAIN = 32    /* no border (notes below a table) */
};

#define MAX_FORMATS 64

typedef struct fmt_cache {
    lxw_workbook *wb;
    int n;
    struct { const char *num; int flags; lxw_format *f; } item[MAX_FORMATS];
} fmt_cache;

/* The format for a number format (NULL: general) and flags, made once. */
static lxw_format *fmt(fmt_cache *c, const char *num, int flags)
{
    for (int i = 0; i < c->n; i++)
        if (c->item[i].flags == flags && (c->item[i].num == num || (num && c->item[i].num && !strcmp(c->item[i].num, num))))
            return c->item[i].f;
    lxw_format *f = workbook_add_format(c->wb);
    format_set_font_name(f, "宋体");
    format_set_font_size(f, 11);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (!(flags & (F_PLAIN | F_TITLE))) format_set_border(f, LXW_BORDER_THIN);
    if (num) format_set_num_format(f, num);
    if (flags & F_CENTER) format_set_align(f, LXW_ALIGN_CENTER);
    if (flags & F_SHADE) { format_set_pattern(f, LXW_PATTERN_SOLID); format_set_bg_color(f, 0xD9D9D9); }
    if (flags & F_HEAD) {
        format_set_bold(f);
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_CENTER);
        format_set_pattern(f, LXW_PATTERN_SOLID);
        format_set_bg_color(f, 0xF2F2F2);
    }
    if (flags & F_DIAG) {
        format_set_text_wrap(f);
        format_set_diag_type(f, LXW_DIAGONAL_BORDER_DOWN);
        format_set_diag_border(f, LXW_BORDER_THIN);
    }
    if (flags & F_TITLE) { format_set_bold(f); format_set_font_size(f, 14); format_set_align(f, LXW_ALIGN_CENTER); }
    if (c->n < MAX_FORMATS) {  /* a full cache only costs a duplicate format */
        c->item[c->n].num = num;
        c->item[c->n].flags = flags;
        c->item[c->n].f = f;
        c->n++;
    }
    return f;
}

/* Excel number formats at the report's precision: "0", "0.00", "0.000" ... */
static const char *const decimals_fmt[] = {"0", "0.0", "0.00", "0.000", "0.0000", "0.00000",
                                           "0.000000", "0.0000000", "0.00000000", "0.000000000"};
static const char *dec_fmt(int d) { return decimals_fmt[d < 0 ? 0 : d > 9 ? 9 : d]; }

#define RATIO_FMT "\"1:\"0.0"            /* 师生比 as pupils per teacher */
#define SHORTFALL_FMT "0.00;-0.00;\"\""  /* 0 (nothing lacking) shows empty */

/* ---- cells ---------------------------------------------------------------- */

typedef struct wb_ctx {
    const jh_figures *f;
    fmt_cache fc;
    lxw_error err;   /* the first error of libxlsxwriter */
} wb_ctx;

static void keep(wb_ctx *w, lxw_error e) { if (e && !w->err) w->err = e; }

static void text(wb_ctx *w, lxw_worksheet *ws, int r, int c, const char *s, int flags)
{
    keep(w, worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c, s, fmt(&w->fc, NULL, flags)));
}

/* x unrounded with display format num; "-" when undefined. */
static void number(wb_ctx *w, lxw_worksheet *ws, int r, int c, double x, const char *num, int flags)
{
    if (!isfinite(x)) { text(w, ws, r, c, "-", flags | F_CENTER); return; }
    keep(w, worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, x, fmt(&w->fc, num, flags)));
}

static void merge(wb_ctx *w, lxw_worksheet *ws, int r1, int c1, int r2, int c2, const char *s, int flags)
{
    keep(w, worksheet_merge_range(ws, (lxw_row_t)r1, (lxw_col_t)c1, (lxw_row_t)r2, (lxw_col_t)c2, s,
                                  fmt(&w->fc, NULL, flags)));
}

static void width(lxw_worksheet *ws, int c1, int c2, double chars)
{
    worksheet_set_column(ws, (lxw_col_t)c1, (lxw_col_t)c2, chars, NULL);
}

static int quality(const jh_figures *f) { return f->cfg->scheme == JH_SCHEME_QUALITY; }

/* The balance family of the configured scheme. */
static int balance_set(const jh_figures *f, const jh_level_figures *L, const jh_indicator **ind,
                       const jh_stat **st)
{
    if (quality(f)) { *ind = jh_quality_ind; if (st) *st = L->q; return JH_NQUALITY; }
    *ind = jh_balance_ind;
    if (st) *st = L->bal;
    return JH_NBALANCE;
}

static int mean_decimals(const jh_figures *f, int i)
{
    return quality(f) ? jh_quality_ind[i].decimals : f->cfg->dec_mean[i];
}

/* The corner cell of both tables: 项目 above the diagonal, 学校 below. */
static const char corner[] = "              项目\n学校";

/* ---- 表1 ------------------------------------------------------------------ */

static void table1(wb_ctx *w, lxw_worksheet *ws)
{
    const jh_figures *f = w->f;
    char cap[160];
    snprintf(cap, sizeof cap, "表1  %d年义务教育学校办学基本标准达标情况", f->cfg->year);
    width(ws, 0, 0, 11);
    width(ws, 1, 1, 10);
    width(ws, 2, 1 + JH_NCOMPLIANCE, 10);
    worksheet_set_row(ws, 0, 24, NULL);
    merge(w, ws, 0, 0, 0, 1 + JH_NCOMPLIANCE, cap, F_TITLE);
    worksheet_set_row(ws, 1, 48, NULL);
    merge(w, ws, 1, 0, 1, 1, corner, F_DIAG);
    for (int i = 0; i < JH_NCOMPLIANCE; i++) text(w, ws, 1, 2 + i, jh_compliance_ind[i].short_label, F_HEAD);
    int r = 2;
    for (int l = 0; l < JH_NLEVELS; l++) {
        const jh_level_figures *L = &f->level[l];
        if (L->n == 0) continue;
        char head[64];
        snprintf(head, sizeof head, "%s %d所", level_label((jh_level)l), L->n);
        text(w, ws, r, 1, "达标总数", F_CENTER);
        for (int i = 0; i < JH_NCOMPLIANCE; i++) number(w, ws, r, 2 + i, L->met[i], "0", F_CENTER);
        merge(w, ws, r, 0, r + 1, 0, head, F_CENTER);   /* last in row r: see the top */
        text(w, ws, r + 1, 1, "达标比例", F_CENTER);
        for (int i = 0; i < JH_NCOMPLIANCE; i++)
            number(w, ws, r + 1, 2 + i, L->rate[i], dec_fmt(f->cfg->dec_rate), F_CENTER | (L->met[i] < L->n ? F_SHADE : 0));
        r += 2;
    }
    /* Below the table: the parts meeting all ten (达标学校). */
    r++;
    text(w, ws, r, 0, "学段", F_HEAD);
    text(w, ws, r, 1, "学校（部）数", F_HEAD);
    text(w, ws, r, 2, "十项全部达标", F_HEAD);
    text(w, ws, r, 3, "比例（%）", F_HEAD);
    r++;
    for (int l = 0; l < JH_NLEVELS; l++) {
        const jh_level_figures *L = &f->level[l];
        if (L->n == 0) continue;
        text(w, ws, r, 0, level_label((jh_level)l), F_CENTER);
        number(w, ws, r, 1, L->n, "0", F_CENTER);
        number(w, ws, r, 2, L->all_met, "0", F_CENTER);
        number(w, ws, r, 3, L->all_rate, dec_fmt(f->cfg->dec_rate), F_CENTER | (L->all_met < L->n ? F_SHADE : 0));
        r++;
    }
}

/* ---- 表2 ------------------------------------------------------------------ */

static void table2(wb_ctx *w, lxw_worksheet *ws)
{
    const jh_figures *f = w->f;
    const jh_params *cfg = f->cfg;
    int q = quality(f);
    const jh_indicator *ind;
    int nind = balance_set(f, &f->level[0], &ind, NULL);
    int ncols = 2 + nind + (q ? 0 : 1);
    char cap[160];
    snprintf(cap, sizeof cap, "表2  %d年义务教育校际间均衡状况", cfg->year);
    width(ws, 0, 0, 11);
    width(ws, 1, 1, 10);
    width(ws, 2, ncols - 1, 11);
    worksheet_set_row(ws, 0, 24, NULL);
    merge(w, ws, 0, 0, 0, ncols - 1, cap, F_TITLE);
    worksheet_set_row(ws, 1, 64, NULL);
    merge(w, ws, 1, 0, 1, 1, corner, F_DIAG);
    for (int i = 0; i < nind; i++) text(w, ws, 1, 2 + i, ind[i].short_label, F_HEAD);
    if (!q) text(w, ws, 1, 2 + nind, "综合", F_HEAD);
    int r = 2;
    for (int l = 0; l < JH_NLEVELS; l++) {
        const jh_level_figures *L = &f->level[l];
        if (L->n == 0) continue;
        const jh_stat *st;
        balance_set(f, L, &ind, &st);
        text(w, ws, r, 1, "县平均值", F_CENTER);
        for (int i = 0; i < nind; i++) number(w, ws, r, 2 + i, st[i].mean, dec_fmt(mean_decimals(f, i)), F_CENTER);
        if (!q) text(w, ws, r, 2 + nind, "-", F_CENTER);
        merge(w, ws, r, 0, r + 1, 0, level_label((jh_level)l), F_CENTER);   /* last in row r */
        text(w, ws, r + 1, 1, "差异系数", F_CENTER);
        for (int i = 0; i < nind; i++) {
            int over = q && !isnan(st[i].cv) && !within_displayed(st[i].cv, L->max_cv, cfg->dec_cv);
            number(w, ws, r + 1, 2 + i, st[i].cv, dec_fmt(cfg->dec_cv), F_CENTER | (over ? F_SHADE : 0));
        }
        if (!q) number(w, ws, r + 1, 2 + nind, L->composite_cv, dec_fmt(cfg->dec_cv), F_CENTER | (L->balanced ? 0 : F_SHADE));
        r += 2;
    }
    /* Below the table: each 学段's verdict, and what it was judged against. */
    r++;
    text(w, ws, r, 0, "学段", F_HEAD);
    text(w, ws, r, 1, q ? "最大差异系数" : "综合差异系数", F_HEAD);
    text(w, ws, r, 2, q ? "每项标准（≤）" : "标准（≤）", F_HEAD);
    text(w, ws, r, 3, "结论", F_HEAD);
    if (q) text(w, ws, r, 4, "达标学校（部）", F_HEAD);
    r++;
    for (int l = 0; l < JH_NLEVELS; l++) {
        const jh_level_figures *L = &f->level[l];
        if (L->n == 0) continue;
        double judged = L->composite_cv;
        if (q) {
            judged = NAN;
            for (int i = 0; i < JH_NQUALITY; i++)
                if (!isnan(L->q[i].cv) && !(judged >= L->q[i].cv)) judged = L->q[i].cv;
        }
        text(w, ws, r, 0, level_label((jh_level)l), F_CENTER);
        number(w, ws, r, 1, judged, dec_fmt(cfg->dec_cv), F_CENTER);
        number(w, ws, r, 2, L->max_cv, "0.00", F_CENTER);
        text(w, ws, r, 3, L->balanced < 0 ? "-" : L->balanced ? "达到要求" : "未达到要求",
             F_CENTER | (L->balanced == 0 ? F_SHADE : 0));
        if (q) number(w, ws, r, 4, L->q_pass, "0", F_CENTER);
        r++;
    }
}

/* ---- one sheet per 学段: the schools ---------------------------------------- */

/* The column group of a compliance indicator: name with the unit of its
 * value (师生比 read as 1:pupils). */
static void compliance_head(int ci, char *buf, size_t size)
{
    const jh_indicator *ind = &jh_compliance_ind[ci];
    if (ci == CI_TEACHER_RATIO) snprintf(buf, size, "%s（教师:学生）", ind->label);
    else if (*ind->unit && !ind->percent) snprintf(buf, size, "%s（%s）", ind->label, ind->unit);
    else snprintf(buf, size, "%s", ind->label);
}

static const char *compliance_fmt(int ci)
{
    const jh_indicator *ind = &jh_compliance_ind[ci];
    if (ci == CI_TEACHER_RATIO) return RATIO_FMT;
    if (ind->percent) return "0.00%";
    return dec_fmt(ind->decimals);
}

/* 师生比 is kept as teachers per pupil; people read pupils per teacher. */
static double compliance_shown(int ci, double v)
{
    if (ci != CI_TEACHER_RATIO) return v;
    return v > 0 ? 1.0 / v : NAN;
}

#define FIXED_COLS 5   /* 学校代码, 学校名称, 学校类型, 在校生数, 专任教师数 */
#define PER_STANDARD 4 /* 本校, 标准, 达标, 还需 */

static void school_sheet(wb_ctx *w, lxw_worksheet *ws, const jh_level_figures *L)
{
    const jh_figures *f = w->f;
    int q = quality(f);
    const jh_indicator *ind;
    int nb = balance_set(f, L, &ind, NULL);
    int all_col = FIXED_COLS + JH_NCOMPLIANCE * PER_STANDARD;
    int bal0 = all_col + 1;
    int last = bal0 + (q ? nb * 3 + 1 : nb) - 1;

    double name_w = 10;
    for (int k = 0; k < L->n; k++) {
        double tw = xlsx_text_width(L->parts[k]->school->name) + 2;
        if (tw > name_w) name_w = tw > 40 ? 40 : tw;
    }
    width(ws, 0, 0, 12);
    width(ws, 1, 1, name_w);
    width(ws, 2, 4, 10);
    width(ws, FIXED_COLS, all_col - 1, 9);
    width(ws, all_col, all_col, 8);
    width(ws, bal0, last, 11);

    char cap[200];
    snprintf(cap, sizeof cap, "%s%d年%s学校（部）办学条件明细", f->cfg->county, f->cfg->year,
             level_label(L->level));
    worksheet_set_row(ws, 0, 24, NULL);
    merge(w, ws, 0, 0, 0, all_col < last ? all_col : last, cap, F_TITLE);

    /* Two header rows, merged across only: a group name above its columns. */
    worksheet_set_row(ws, 1, 36, NULL);
    merge(w, ws, 1, 0, 1, FIXED_COLS - 1, "学校（部）", F_HEAD);
    for (int i = 0; i < JH_NCOMPLIANCE; i++) {
        char head[128];
        compliance_head(i, head, sizeof head);
        int c = FIXED_COLS + i * PER_STANDARD;
        merge(w, ws, 1, c, 1, c + PER_STANDARD - 1, head, F_HEAD);
    }
    text(w, ws, 1, all_col, "十项", F_HEAD);
    if (q) {
        for (int i = 0; i < nb; i++) {
            char head[128];
            snprintf(head, sizeof head, "%s%s%s%s", ind[i].label, *ind[i].unit ? "（" : "", ind[i].unit,
                     *ind[i].unit ? "）" : "");
            merge(w, ws, 1, bal0 + i * 3, 1, bal0 + i * 3 + 2, head, F_HEAD);
        }
        text(w, ws, 1, last, "优质均衡", F_HEAD);
    } else {
        merge(w, ws, 1, bal0, 1, last, "校际均衡指标（本校值）", F_HEAD);
    }
    worksheet_set_row(ws, 2, 48, NULL);
    static const char *const fixed[FIXED_COLS] = {"学校代码", "学校名称", "学校类型", "在校生数（人）",
                                                  "专任教师数（人）"};
    for (int c = 0; c < FIXED_COLS; c++) text(w, ws, 2, c, fixed[c], F_HEAD);
    for (int i = 0; i < JH_NCOMPLIANCE; i++) {
        int c = FIXED_COLS + i * PER_STANDARD;
        char need[64];
        snprintf(need, sizeof need, "还需（%s）", jh_compliance_ind[i].shortfall_unit);
        text(w, ws, 2, c, "本校", F_HEAD);
        text(w, ws, 2, c + 1, "标准", F_HEAD);
        text(w, ws, 2, c + 2, "达标", F_HEAD);
        text(w, ws, 2, c + 3, need, F_HEAD);
    }
    text(w, ws, 2, all_col, "全部达标", F_HEAD);
    if (q) {
        for (int i = 0; i < nb; i++) {
            text(w, ws, 2, bal0 + i * 3, "本校", F_HEAD);
            text(w, ws, 2, bal0 + i * 3 + 1, "标准", F_HEAD);
            text(w, ws, 2, bal0 + i * 3 + 2, "达标", F_HEAD);
        }
        text(w, ws, 2, last, "达到", F_HEAD);
    } else {
        for (int i = 0; i < nb; i++) text(w, ws, 2, bal0 + i, ind[i].short_label, F_HEAD);
    }

    for (int k = 0; k < L->n; k++) {
        const jh_part_figures *p = L->parts[k];
        const jh_school *s = p->school;
        int r = 3 + k;
        text(w, ws, r, 0, s->code, 0);
        text(w, ws, r, 1, s->name, 0);
        text(w, ws, r, 2, school_type_label(s->type), F_CENTER);
        number(w, ws, r, 3, s->v[F_STUDENTS], "0", 0);
        number(w, ws, r, 4, s->v[F_TEACHERS], "0", 0);
        for (int i = 0; i < JH_NCOMPLIANCE; i++) {
            int c = FIXED_COLS + i * PER_STANDARD, sh = p->met[i] ? 0 : F_SHADE;
            number(w, ws, r, c, compliance_shown(i, p->value[i]), compliance_fmt(i), sh);
            number(w, ws, r, c + 1, compliance_shown(i, p->threshold[i]), compliance_fmt(i), sh);
            text(w, ws, r, c + 2, p->met[i] ? "达标" : "未达标", F_CENTER | sh);
            number(w, ws, r, c + 3, p->shortfall[i], SHORTFALL_FMT, sh);
        }
        text(w, ws, r, all_col, p->all_met ? "达标" : "未达标", F_CENTER | (p->all_met ? 0 : F_SHADE));
        if (q) {
            for (int i = 0; i < nb; i++) {
                int c = bal0 + i * 3, sh = p->q_met[i] ? 0 : F_SHADE;
                number(w, ws, r, c, p->q_value[i], dec_fmt(ind[i].decimals), sh);
                number(w, ws, r, c + 1, p->q_threshold[i], dec_fmt(ind[i].decimals), sh);
                text(w, ws, r, c + 2, p->q_met[i] ? "达标" : "未达标", F_CENTER | sh);
            }
            text(w, ws, r, last, p->q_pass ? "是" : "否", F_CENTER | (p->q_pass ? 0 : F_SHADE));
        } else {
            for (int i = 0; i < nb; i++) number(w, ws, r, bal0 + i, p->balance[i], dec_fmt(f->cfg->dec_mean[i]), 0);
        }
    }
    worksheet_freeze_panes(ws, 3, 2);
    if (L->n > 0) keep(w, worksheet_autofilter(ws, 2, 0, (lxw_row_t)(2 + L->n), (lxw_col_t)last));
}

/* ---- the workbook ------------------------------------------------------- */

static void landscape_a4(lxw_worksheet *ws)
{
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);   /* A4 */
}

int workbook_write(const jh_figures *f, const char *path, diag_list *dl)
{
    outfile o;
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
    lxw_workbook *wb = xlsx_open(&o, path, &opt, dl);
    if (!wb) return -1;
    wb_ctx w;
    memset(&w, 0, sizeof w);
    w.f = f;
    w.fc.wb = wb;

    char title[256];
    snprintf(title, sizeof title, "%s%d年义务教育均衡发展数据", f->cfg->county, f->cfg->year);
    lxw_doc_properties props;
    memset(&props, 0, sizeof props);
    props.title = title;
    props.author = f->cfg->issuer;
    props.comments = "junheng figures --format xlsx";
    keep(&w, workbook_set_properties(wb, &props));

    lxw_worksheet *ws = workbook_add_worksheet(wb, "表1 达标情况");
    landscape_a4(ws);
    table1(&w, ws);
    ws = workbook_add_worksheet(wb, "表2 均衡状况");
    landscape_a4(ws);
    table2(&w, ws);
    for (int l = 0; l < JH_NLEVELS; l++) {
        if (f->level[l].n == 0) continue;
        ws = workbook_add_worksheet(wb, l == JH_PRIMARY ? "小学学校" : "初中学校");
        landscape_a4(ws);
        worksheet_repeat_rows(ws, 1, 2);
        school_sheet(&w, ws, &f->level[l]);
    }
    return xlsx_close(wb, w.err, &o, dl);
}
