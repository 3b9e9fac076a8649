/*
 * compare — see compare.h.
 *
 * Every figure is turned into the string the report would print before it is
 * compared, with the same decimals the compose stage uses (means: [display]
 * or the quality indicator's own; CVs and the composite: dec_cv; rates:
 * dec_rate; a school's indicator value: the indicator's decimals, rates ×100
 * with "%", 师生比 as "1:x").  Verdicts are compared as flags.
 */
#include "core/compare.h"
#include "common/num.h"
#include "common/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { char s[64]; } str64;

static str64 num(double x, int decimals)
{
    str64 r;
    num_format(r.s, sizeof r.s, x, decimals);   /* "-" when undefined */
    return r;
}

char *compare_data_num(char *buf, size_t size, double x)
{
    if (!isfinite(x)) { snprintf(buf, size, "-"); return buf; }
    for (int d = 0; d <= 6; d++) {
        double back;
        num_format(buf, size, x, d);
        if (num_parse(buf, &back) == 0 && back == x) return buf;
    }
    return buf;  /* 6 decimals: finer than any school statistic */
}

/* A compliance indicator's value as the report shows it. */
static str64 compliance_str(int ci, double value)
{
    str64 r;
    compliance_format(r.s, sizeof r.s, ci, value);
    return r;
}

/* ---- building the list ----------------------------------------------- */

typedef struct where {
    int level;
    const char *code, *name;
} where;

static const where COUNTY = {-1, NULL, NULL};

static jh_change *add(jh_diff *d, jh_change_kind k, where w, const char *key, const char *measure,
                      const char *label, const char *o, const char *n)
{
    XGROW(d->items, d->cap, d->n + 1);
    jh_change *c = &d->items[d->n++];
    memset(c, 0, sizeof *c);
    c->kind = k;
    c->level = w.level;
    c->code = w.code ? xstrdup(w.code) : NULL;
    c->name = w.name ? xstrdup(w.name) : NULL;
    c->key = xstrdup(key);
    c->measure = xstrdup(measure);
    c->label = xstrdup(label);
    c->old_s = o ? xstrdup(o) : NULL;
    c->new_s = n ? xstrdup(n) : NULL;
    c->old_b = c->new_b = -1;
    d->count[k]++;
    return c;
}

static int same(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

/* Add a change when the displayed strings differ. */
static void str_change(jh_diff *d, jh_change_kind k, where w, const char *key, const char *measure,
                       const char *label, const char *o, const char *n)
{
    if (!same(o, n)) add(d, k, w, key, measure, label, o ? o : "", n ? n : "");
}

static void num_change(jh_diff *d, where w, const char *key, const char *measure, const char *label,
                       double o, double n, int decimals)
{
    str_change(d, JH_CH_FIGURE, w, key, measure, label, num(o, decimals).s, num(n, decimals).s);
}

static void verdict(jh_diff *d, where w, const char *key, const char *measure, const char *label,
                    int o, int n, const char *yes, const char *no)
{
    if (o == n) return;
    jh_change *c = add(d, JH_CH_VERDICT, w, key, measure, label, o < 0 ? "-" : o ? yes : no,
                       n < 0 ? "-" : n ? yes : no);
    c->old_b = o;
    c->new_b = n;
}

static char *two(const char *a, const char *b) { return xasprintf("%s %s", a, b); }

/* ---- configuration ----------------------------------------------------- */

static void compare_config(jh_diff *d, const jh_params *a, const jh_params *b)
{
    char ya[16], yb[16];
    snprintf(ya, sizeof ya, "%d", a->year);
    snprintf(yb, sizeof yb, "%d", b->year);
    str_change(d, JH_CH_CONFIG, COUNTY, "county", "text", "县名", a->county, b->county);
    str_change(d, JH_CH_CONFIG, COUNTY, "year", "text", "年度", ya, yb);
    str_change(d, JH_CH_CONFIG, COUNTY, "title", "text", "标题", a->title, b->title);
    str_change(d, JH_CH_CONFIG, COUNTY, "issuer", "text", "发文单位", a->issuer, b->issuer);
    str_change(d, JH_CH_CONFIG, COUNTY, "date", "text", "成文日期", a->date, b->date);
    str_change(d, JH_CH_CONFIG, COUNTY, "scheme", "text", "评估方案", a->scheme == JH_SCHEME_BASIC ? "基本均衡" : "优质均衡",
               b->scheme == JH_SCHEME_BASIC ? "基本均衡" : "优质均衡");
    for (int l = 0; l < JH_NLEVELS; l++) {
        where w = {l, NULL, NULL};
        int dec = b->dec_cv > a->dec_cv ? b->dec_cv : a->dec_cv;
        str_change(d, JH_CH_CONFIG, w, "max_cv", "threshold", "差异系数限值", num(a->max_cv[l], dec).s,
                   num(b->max_cv[l], dec).s);
        for (int i = 0; i < JH_NCOMPLIANCE; i++) {
            char *lb = two(jh_compliance_ind[i].short_label, "标准");
            str_change(d, JH_CH_CONFIG, w, jh_compliance_ind[i].key, "threshold", lb,
                       compliance_str(i, a->standard[l][i]).s, compliance_str(i, b->standard[l][i]).s);
            free(lb);
        }
        if (a->scheme == JH_SCHEME_QUALITY || b->scheme == JH_SCHEME_QUALITY)
            for (int i = 0; i < JH_NQUALITY; i++) {
                const jh_indicator *ind = &jh_quality_ind[i];
                char *lb = two(ind->short_label, "标准");
                str_change(d, JH_CH_CONFIG, w, ind->key, "quality_threshold", lb,
                           num(a->quality[l][i], ind->decimals + 2).s, num(b->quality[l][i], ind->decimals + 2).s);
                free(lb);
            }
    }
}

/* ---- school data ------------------------------------------------------- */

static where part_where(const jh_part_figures *p)
{
    where w = {(int)p->school->level, p->school->code, p->school->name};
    return w;
}

static void compare_data(jh_diff *d, const jh_figures *A, const jh_figures *B,
                         const jh_part_figures *a, const jh_part_figures *b)
{
    where w = part_where(b);
    const jh_school *sa = a->school, *sb = b->school;
    str_change(d, JH_CH_DATA, w, "name", "data", jh_fields[F_NAME].label, sa->name, sb->name);
    str_change(d, JH_CH_DATA, w, "type", "data", jh_fields[F_TYPE].label, school_type_label(sa->type),
               school_type_label(sb->type));
    for (int f = F_STUDENTS; f < JH_NFIELDS; f++) {
        int ha = A->schools->has[f], hb = B->schools->has[f];
        if (!ha && !hb) continue;
        char oa[64], ob[64];
        if (ha) compare_data_num(oa, sizeof oa, sa->whole[f]); else snprintf(oa, sizeof oa, "-");
        if (hb) compare_data_num(ob, sizeof ob, sb->whole[f]); else snprintf(ob, sizeof ob, "-");
        str_change(d, JH_CH_DATA, w, jh_fields[f].key, "data", jh_fields[f].label, oa, ob);
    }
}

/* ---- figures and verdicts ---------------------------------------------- */

static int mean_decimals(const jh_params *c, int quality, int i)
{
    return quality ? jh_quality_ind[i].decimals : c->dec_mean[i];
}

static void compare_part_figures(jh_diff *d, const jh_part_figures *a, const jh_part_figures *b)
{
    where w = part_where(b);
    for (int i = 0; i < JH_NCOMPLIANCE; i++)
        str_change(d, JH_CH_FIGURE, w, jh_compliance_ind[i].key, "value", jh_compliance_ind[i].label,
                   compliance_str(i, a->value[i]).s, compliance_str(i, b->value[i]).s);
}

static void compare_part_verdicts(jh_diff *d, const jh_params *cfg, const jh_part_figures *a,
                                  const jh_part_figures *b)
{
    where w = part_where(b);
    for (int i = 0; i < JH_NCOMPLIANCE; i++)
        verdict(d, w, jh_compliance_ind[i].key, "met", jh_compliance_ind[i].short_label, a->met[i], b->met[i],
                "达标", "未达标");
    verdict(d, w, "all", "met", "十项指标", a->all_met, b->all_met, "全部达标", "未全部达标");
    if (cfg->scheme == JH_SCHEME_QUALITY) {
        for (int i = 0; i < JH_NQUALITY; i++)
            verdict(d, w, jh_quality_ind[i].key, "quality_met", jh_quality_ind[i].short_label, a->q_met[i],
                    b->q_met[i], "达到", "未达到");
        verdict(d, w, "quality", "pass", "优质均衡指标", a->q_pass, b->q_pass, "达标", "未达标");
    }
}

static void compare_level(jh_diff *d, const jh_params *ca, const jh_params *cb, const jh_level_figures *a,
                          const jh_level_figures *b, int verdicts)
{
    where w = {(int)b->level, NULL, NULL};
    int quality = cb->scheme == JH_SCHEME_QUALITY;
    int nind = quality ? JH_NQUALITY : JH_NBALANCE;
    if (!verdicts) {
        num_change(d, w, "schools", "count", "学校数", a->n, b->n, 0);
        num_change(d, w, "students", "count", "在校生数", (double)a->students, (double)b->students, 0);
        num_change(d, w, "teachers", "count", "专任教师数", (double)a->teachers, (double)b->teachers, 0);
        for (int i = 0; i <= JH_NCOMPLIANCE; i++) {
            int all = i == JH_NCOMPLIANCE;
            const char *key = all ? "all" : jh_compliance_ind[i].key;
            const char *lb = all ? "全部达标" : jh_compliance_ind[i].short_label;
            char *l1 = two(lb, "达标校数"), *l2 = two(lb, "达标率(%)");
            num_change(d, w, key, "met", l1, all ? a->all_met : a->met[i], all ? b->all_met : b->met[i], 0);
            num_change(d, w, key, "rate", l2, all ? a->all_rate : a->rate[i], all ? b->all_rate : b->rate[i],
                       cb->dec_rate);
            free(l1);
            free(l2);
        }
        for (int i = 0; i < nind; i++) {
            const jh_indicator *ind = quality ? &jh_quality_ind[i] : &jh_balance_ind[i];
            const jh_stat *sa = quality ? &a->q[i] : &a->bal[i], *sb = quality ? &b->q[i] : &b->bal[i];
            char *l1 = two(ind->label, "县域均值"), *l2 = two(ind->label, "差异系数");
            int dm = mean_decimals(cb, quality, i);
            (void)ca;
            num_change(d, w, ind->key, "mean", l1, sa->mean, sb->mean, dm);
            num_change(d, w, ind->key, "cv", l2, sa->cv, sb->cv, cb->dec_cv);
            free(l1);
            free(l2);
        }
        if (!quality) num_change(d, w, "composite", "cv", "综合差异系数", a->composite_cv, b->composite_cv, cb->dec_cv);
        else num_change(d, w, "quality", "pass", "优质均衡达标校数", a->q_pass, b->q_pass, 0);
        return;
    }
    for (int i = 0; i < nind; i++) {
        const jh_indicator *ind = quality ? &jh_quality_ind[i] : &jh_balance_ind[i];
        const jh_stat *sa = quality ? &a->q[i] : &a->bal[i], *sb = quality ? &b->q[i] : &b->bal[i];
        int oa = isnan(sa->cv) ? -1 : sa->within, ob = isnan(sb->cv) ? -1 : sb->within;
        char *lb = two(ind->label, "差异系数");
        verdict(d, w, ind->key, "within", lb, oa, ob, "在限值内", "超出限值");
        free(lb);
    }
    verdict(d, w, "balanced", "balanced", quality ? "优质均衡" : "基本均衡（综合差异系数）", a->balanced, b->balanced,
            "达到", "未达到");
}

void compare_figures(const jh_figures *A, const jh_figures *B, jh_diff *d)
{
    memset(d, 0, sizeof *d);
    compare_config(d, A->cfg, B->cfg);
    /* data, in the new file's order; then the parts only one run has */
    for (int i = 0; i < B->n; i++) {
        const jh_part_figures *b = &B->parts[i];
        const jh_part_figures *a = figures_part(A, b->school->code, b->school->level);
        if (a) compare_data(d, A, B, a, b);
    }
    for (int i = 0; i < A->n; i++) {
        const jh_part_figures *a = &A->parts[i];
        if (!figures_part(B, a->school->code, a->school->level))
            add(d, JH_CH_SCHOOL, part_where(a), "removed", "school", level_label(a->school->level), a->school->name, NULL);
    }
    for (int i = 0; i < B->n; i++) {
        const jh_part_figures *b = &B->parts[i];
        if (!figures_part(A, b->school->code, b->school->level))
            add(d, JH_CH_SCHOOL, part_where(b), "added", "school", level_label(b->school->level), NULL, b->school->name);
    }
    /* figures, then verdicts: per 学段 the county first, then its schools */
    for (int pass = 0; pass < 2; pass++)
        for (int l = 0; l < JH_NLEVELS; l++) {
            const jh_level_figures *lb = &B->level[l];
            compare_level(d, A->cfg, B->cfg, &A->level[l], lb, pass);
            for (int k = 0; k < lb->n; k++) {
                const jh_part_figures *b = lb->parts[k];
                const jh_part_figures *a = figures_part(A, b->school->code, b->school->level);
                if (!a) continue;
                if (pass) compare_part_verdicts(d, B->cfg, a, b);
                else compare_part_figures(d, a, b);
            }
        }
}

void compare_free(jh_diff *d)
{
    for (int i = 0; i < d->n; i++) {
        jh_change *c = &d->items[i];
        free(c->code);
        free(c->name);
        free(c->key);
        free(c->measure);
        free(c->label);
        free(c->old_s);
        free(c->new_s);
    }
    free(d->items);
    memset(d, 0, sizeof *d);
}

int compare_report_changed(const jh_diff *d)
{
    if (d->count[JH_CH_CONFIG] || d->count[JH_CH_SCHOOL] || d->count[JH_CH_FIGURE] || d->count[JH_CH_VERDICT])
        return 1;
    /* a name or type is printed as is */
    for (int i = 0; i < d->n; i++)
        if (d->items[i].kind == JH_CH_DATA && (!strcmp(d->items[i].key, "name") || !strcmp(d->items[i].key, "type")))
            return 1;
    return 0;
}
