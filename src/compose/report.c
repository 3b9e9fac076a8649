/*
 * report — the annual report's template context and computed blocks.
 *
 * The context holds every figure already formatted at display precision, so
 * a template can only print what the tables print: the narrative cannot
 * contradict them.  Lists that drive sentences (schools below standard, CVs
 * above their threshold, what the schools lack in total) are computed here
 * from the same figures.  templates/README.md documents every name.
 */
#include "compose/compose.h"
#include "compose/format.h"
#include "compose/practices.h"
#include "common/fileio.h"
#include "common/i18n.h"
#include "common/num.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "document/markdown.h"
#include "document/template.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const report_blocks[] = {"compliance_table", "quality_table", "balance_table", "balance_chart",
                                     "quality_failing_table", "signature", "practices.", NULL};

static int is_quality(const jh_figures *f) { return f->cfg->scheme == JH_SCHEME_QUALITY; }

/* The indicators whose CVs a 学段 is judged on: 8 (basic) or 7 (quality). */
static int balance_set(const jh_figures *f, const jh_level_figures *L, const jh_indicator **ind,
                       const jh_stat **st)
{
    if (is_quality(f)) { *ind = jh_quality_ind; *st = L->q; return JH_NQUALITY; }
    *ind = jh_balance_ind;
    *st = L->bal;
    return JH_NBALANCE;
}

static int mean_decimals(const jh_figures *f, int i)
{
    return is_quality(f) ? jh_quality_ind[i].decimals : f->cfg->dec_mean[i];
}

/* ---- context ------------------------------------------------------------ */

static tv_value *compliance_map(const jh_figures *f, const jh_level_figures *L)
{
    tv_value *m = tv_map();
    for (int i = 0; i < JH_NCOMPLIANCE; i++) {
        const jh_indicator *ind = &jh_compliance_ind[i];
        tv_value *c = tv_map();
        tv_map_str(c, "label", ind->label);
        tv_map_str(c, "short", ind->short_label);
        tv_int(c, "met", L->met[i]);
        tv_int(c, "total", L->n);
        tv_num(c, "rate", L->rate[i], f->cfg->dec_rate);
        tv_flag(c, "all", L->met[i] == L->n);
        tv_map_set(m, ind->key, c);
    }
    return m;
}

/* One 学段's names; CVs above the threshold are also appended to over_items
 * (when not NULL) for the county-wide list. */
static tv_value *level_context(const jh_figures *f, jh_level lv, tv_value *over_items[], int *nover)
{
    const jh_level_figures *L = &f->level[lv];
    const jh_params *cfg = f->cfg;
    tv_value *m = tv_map();
    tv_map_str(m, "key", level_key(lv));
    tv_map_str(m, "name", level_label(lv));
    tv_int(m, "schools", L->n);
    tv_int(m, "students", L->students);
    tv_int(m, "teachers", L->teachers);
    /* one school has no 校际 difference: its CVs are 0 (or undefined) and a
     * sentence should say so instead of quoting them */
    tv_flag(m, "single", L->n == 1);
    tv_num(m, "max_cv", L->max_cv, 2);
    tv_flag(m, "max_cv_own", cfg->max_cv_own[lv]);
    tv_num(m, "national_max_cv", is_quality(f) ? jh_quality_max_cv[lv] : jh_basic_max_cv[lv], 2);
    tv_flag(m, "balanced", L->balanced == 1);
    tv_flag(m, "all_pass", L->n > 0 && L->all_met == L->n);
    tv_flag(m, "none_pass", L->n > 0 && L->all_met == 0);
    tv_flag(m, "some_pass", L->all_met > 0 && L->all_met < L->n);
    /* 优质均衡: the per-school rule (≥ 6 of 7 met, the others ≥ 85 %) */
    tv_int(m, "q_pass", L->q_pass);
    tv_int(m, "q_fail", L->n - L->q_pass);
    tv_num(m, "q_rate", L->n ? 100.0 * L->q_pass / L->n : NAN, cfg->dec_rate);
    tv_flag(m, "q_all_pass", L->n > 0 && L->q_pass == L->n);
    tv_flag(m, "q_none_pass", L->n > 0 && L->q_pass == 0);
    tv_flag(m, "q_some_pass", L->q_pass > 0 && L->q_pass < L->n);
    tv_flag(m, "verdict", L->balanced == 1 && (!is_quality(f) || L->q_pass == L->n));
    /* 优质均衡 has no composite; "-" keeps one template valid for both schemes */
    if (is_quality(f)) tv_map_str(m, "composite_cv", "-");
    else tv_num(m, "composite_cv", L->composite_cv, cfg->dec_cv);
    tv_int(m, "all_met", L->all_met);
    tv_num(m, "all_rate", L->all_rate, cfg->dec_rate);
    tv_int(m, "failing_count", L->n - L->all_met);
    tv_flag(m, "has_failing", L->n > L->all_met);
    tv_map_set(m, "compliance", compliance_map(f, L));

    const jh_indicator *ind;
    const jh_stat *st;
    int n = balance_set(f, L, &ind, &st);
    tv_value *bal = tv_map();
    int over = 0;
    for (int i = 0; i < n; i++) {
        tv_value *b = tv_map();
        int above = !isnan(st[i].cv) && !within_displayed(st[i].cv, L->max_cv, cfg->dec_cv);
        tv_map_str(b, "label", ind[i].label);
        tv_map_str(b, "short", ind[i].short_label);
        tv_num(b, "mean", st[i].mean, mean_decimals(f, i));
        tv_num(b, "cv", st[i].cv, cfg->dec_cv);
        tv_flag(b, "over", above);
        tv_map_set(bal, ind[i].key, b);
        if (above) over++;
        if (above && over_items) {
            tv_value *o = tv_map();
            tv_map_str(o, "level", level_label(lv));
            tv_map_str(o, "label", ind[i].label);
            tv_num(o, "cv", st[i].cv, cfg->dec_cv);
            tv_num(o, "max", L->max_cv, 2);
            over_items[(*nover)++] = o;
        }
    }
    tv_map_set(m, "balance", bal);
    tv_int(m, "over_count", over);
    return m;
}

/* One school part of a list of parts: its name (with 小学部/初中部 for a
 * two-part school), code, 学段 and what it misses (owned here). */
static tv_value *part_item(const jh_figures *f, const jh_part_figures *p, char *missing, int count)
{
    tv_value *s = tv_map();
    char *name = part_name(f, p);
    tv_map_str(s, "name", name);
    tv_map_str(s, "code", p->school->code);
    tv_map_str(s, "level", level_label(p->school->level));
    tv_map_str(s, "missing", missing);
    tv_int(s, "missing_count", count);
    free(name);
    free(missing);
    return s;
}

/* ctx[list] = the n items, ctx[count] = n, ctx[any] = n > 0; frees items. */
static void put_list(tv_value *ctx, const char *list, const char *count, const char *any, tv_value **items, int n)
{
    tv_value *l = tv_list();
    tv_push_all(l, items, n);
    tv_map_set(ctx, list, l);
    tv_int(ctx, count, n);
    tv_flag(ctx, any, n > 0);
    free(items);
}

/* Schools below standard, with the indicators they miss. */
static void failing_context(const jh_figures *f, tv_value *ctx)
{
    tv_value **items = xcalloc((size_t)f->n + 1, sizeof *items);
    int n = 0;
    for (int i = 0; i < f->n; i++) {
        const jh_part_figures *p = &f->parts[i];
        if (p->all_met) continue;
        int count;
        char *miss = missing_list(p, &count);
        items[n++] = part_item(f, p, miss, count);
    }
    put_list(ctx, "failing_schools", "failing_count", "any_failing", items, n);
}

/* 优质均衡: the school parts failing the per-school rule, with the values
 * they miss; part of the verdict. */
static void quality_failing_context(const jh_figures *f, tv_value *ctx)
{
    tv_value **items = xcalloc((size_t)f->n + 1, sizeof *items);
    int n = 0;
    for (int i = 0; i < f->n; i++) {
        const jh_part_figures *p = &f->parts[i];
        if (p->q_pass) continue;
        int count, below;
        char *miss = quality_missing_list(p, 0, &count, &below);
        char *under = quality_below_list(p);
        tv_value *s = part_item(f, p, miss, count);
        tv_int(s, "met_count", p->q_n_met);
        tv_int(s, "below_count", below);
        tv_flag(s, "has_below", below > 0);
        tv_map_str(s, "below", under);
        /* six met, yet failing: the seventh is under 85 % of its standard */
        tv_flag(s, "fails_floor", p->q_n_met >= f->cfg->quality_min_met);
        free(under);
        items[n++] = s;
    }
    put_list(ctx, "quality_failing", "quality_failing_count", "any_quality_failing", items, n);
}

/* What the schools below standard lack, totalled per indicator. */
static void needs_context(const jh_figures *f, tv_value *ctx)
{
    double total[JH_NCOMPLIANCE] = {0};
    for (int i = 0; i < f->n; i++)
        for (int k = 0; k < JH_NCOMPLIANCE; k++)
            if (f->parts[i].shortfall[k] > 0) total[k] += ceil(f->parts[i].shortfall[k] - 1e-9);
    int n;
    tv_map_set(ctx, "needs", needs_value(total, &n));
    tv_flag(ctx, "any_needs", n > 0);
}

/* [narrative]: free-form facts; funding_YYYY keys are also summed, and a
 * hand-typed funding_total that disagrees with the sum is flagged. */
static void narrative_context(const jh_facts *nar_in, int report_year, tv_value *ctx, diag_list *dl)
{
    tv_value *nar = tv_map();
    int n = nar_in ? nar_in->n : 0;
    const jh_fact *facts = n ? nar_in->items : NULL;
    const char *typed = NULL;
    int typed_line = 0;
    double sum = 0, last = 0;
    int first_year = 0, last_year = 0, last_line = 0, any = 0, ok = 1;
    for (int i = 0; i < n; i++) {
        const char *k = facts[i].key, *v = facts[i].value;
        tv_map_str(nar, k, v);
        if (!strcmp(k, "funding_total")) { typed = v; typed_line = facts[i].line; }
        int year;
        char tail;
        if (sscanf(k, "funding_%4d%c", &year, &tail) == 1) {
            double x;
            if (num_parse(v, &x) != 0) {
                diag_hint(diag_error(dl, nar_in->path, facts[i].line, 0,
                                     _("[narrative] %s = '%s' is not a number"), k, v),
                          _("write the amount in 万元 as a plain number, e.g. 7849"));
                ok = 0;
                continue;
            }
            sum += x;
            if (!any || year < first_year) first_year = year;
            if (!any || year > last_year) { last_year = year; last = x; last_line = facts[i].line; }
            any = 1;
        }
    }
    tv_map_set(ctx, "narrative", nar);
    /* a list of zero or one: {{#funding}} … {{/funding}} prints nothing when
     * the INI has no funding_YYYY keys (a false flag's body is still checked) */
    tv_value *funding = tv_list();
    tv_map_set(ctx, "funding", funding);
    if (!any || !ok) return;
    tv_value *fu = tv_map();
    /* one year reads "2020年", several "2018—2020年" */
    tv_flag(fu, "several", first_year != last_year);
    tv_int(fu, "first_year", first_year);
    tv_int(fu, "last_year", last_year);
    tv_num(fu, "total", sum, 2 * (fmod(sum, 1) != 0));
    tv_num(fu, "last", last, 2 * (fmod(last, 1) != 0));
    tv_list_push(funding, fu);
    /* funding that stops years before the report is most often another
     * county's, copied with its INI */
    if (last_year < report_year)
        diag_hint(diag_warning(dl, nar_in->path, last_line, 0,
                               _("[narrative] the funding_YYYY amounts end in %d, before the report year %d"),
                               last_year, report_year),
                  _("add funding_%d = … (万元) if the report quotes this year's funding, and check that "
                    "every [narrative] figure is this county's own"), report_year);
    double t;
    if (typed && num_parse(typed, &t) == 0 && fabs(t - sum) > 0.005)
        diag_hint(diag_warning(dl, nar_in->path, typed_line, 0,
                               _("[narrative] funding_total = %s, but the funding_YYYY amounts add up to %s"),
                               typed, fmt_num(sum, 2).s),
                  _("the report prints the sum ({{funding.total}}); correct or remove funding_total"));
}

static void date_context(const jh_params *cfg, tv_value *ctx)
{
    int y, m, d;
    if (cfg->date && parse_cn_date(cfg->date, &y, &m, &d) == 0) {
        char buf[64];
        snprintf(buf, sizeof buf, "%d年%d月%d日", y, m, d);
        tv_map_str(ctx, "date", buf);
    } else {
        tv_map_str(ctx, "date", cfg->date ? cfg->date : "");
    }
}

tv_value *report_context(const jh_figures *f, const jh_facts *narrative, diag_list *dl)
{
    const jh_params *cfg = f->cfg;
    tv_value *ctx = tv_map();
    tv_map_str(ctx, "county", cfg->county);
    tv_int(ctx, "year", cfg->year);
    tv_map_str(ctx, "title", cfg->title);
    tv_map_str(ctx, "issuer", cfg->issuer ? cfg->issuer : "");
    date_context(cfg, ctx);

    tv_value *scheme = tv_map();
    tv_map_str(scheme, "key", scheme_key(cfg->scheme));
    tv_map_str(scheme, "name", is_quality(f) ? "优质均衡" : "基本均衡");
    tv_map_str(scheme, "document", is_quality(f)
               ? "《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号）"
               : "《县域义务教育均衡发展督导评估暂行办法》（教督〔2012〕3号）");
    tv_map_set(ctx, "scheme", scheme);
    tv_flag(ctx, "basic", !is_quality(f));
    tv_flag(ctx, "quality", is_quality(f));
    tv_int(ctx, "total_parts", f->n);
    tv_int(ctx, "total_students", f->level[JH_PRIMARY].students + f->level[JH_MIDDLE].students);

    tv_value *over[JH_NLEVELS * JH_NBALANCE];
    int nover = 0, balanced = 1;
    tv_value *lv[JH_NLEVELS];
    for (int l = 0; l < JH_NLEVELS; l++) {
        lv[l] = level_context(f, (jh_level)l, over, &nover);
        if (f->level[l].n > 0) balanced &= f->level[l].balanced == 1;
    }
    tv_map_set(ctx, "primary", lv[JH_PRIMARY]);
    tv_map_set(ctx, "middle", lv[JH_MIDDLE]);
    /* {{#levels}} walks the 学段 that have schools */
    tv_value *levels = tv_list(), *items[JH_NLEVELS];
    int nl = 0;
    for (int l = 0; l < JH_NLEVELS; l++)
        if (f->level[l].n > 0) items[nl++] = level_context(f, (jh_level)l, NULL, NULL);
    for (int i = 0; i < nl; i++) tv_flag(items[i], "last", 0);
    tv_push_all(levels, items, nl);
    tv_map_set(ctx, "levels", levels);
    /* the verdict: under 优质均衡 every school must also pass the per-school rule */
    int rule_ok = 1;
    for (int l = 0; l < JH_NLEVELS; l++) rule_ok &= f->level[l].q_pass == f->level[l].n;
    tv_flag(ctx, "quality_rule_ok", rule_ok);
    tv_flag(ctx, "all_balanced", balanced == 1 && (!is_quality(f) || rule_ok));
    tv_flag(ctx, "any_own_limit", cfg->max_cv_own[JH_PRIMARY] || cfg->max_cv_own[JH_MIDDLE]);

    tv_value *overs = tv_list();
    tv_push_all(overs, over, nover);
    tv_map_set(ctx, "over_cvs", overs);
    tv_flag(ctx, "any_over", nover > 0);

    failing_context(f, ctx);
    quality_failing_context(f, ctx);
    needs_context(f, ctx);
    narrative_context(narrative, cfg->year, ctx, dl);
    return ctx;
}

/* ---- blocks --------------------------------------------------------------- */

static void shade_if(doc_table *t, int r, int c, int yes)
{
    if (yes) doc_table_cell(t, r, c)->shaded = 1;
}

/* A 表 of the 学段 by indicator: the diagonal corner 项目\学校 over two
 * columns, then one column per indicator (short labels); rows follow. */
static doc_table *level_table(doc *d, const char *cap, int ncols, const jh_indicator *ind, int nind)
{
    doc_table *t = &doc_add_table(d, ncols, cap)->table;
    doc_table_set(t, 0, 0, "");
    doc_table_span(t, 0, 0, 1, 2);
    doc_table_diagonal(t, "项目", "学校");
    for (int i = 0; i < nind; i++) doc_table_set(t, 0, 2 + i, ind[i].short_label);
    t->header_rows = 1;
    return t;
}

/* The merged 学段 cell that heads a level's `rows` rows of a table: "小学 26所". */
static void level_head(doc_table *t, int r, const jh_level_figures *L, int l, int rows)
{
    char head[64];
    snprintf(head, sizeof head, "%s %d所", level_label((jh_level)l), L->n);
    doc_table_set(t, r, 0, head);
    doc_table_span(t, r, 0, rows, 1);
}

/* 表1: per 学段, the count and the rate of schools meeting each indicator. */
static void compliance_table(const jh_figures *f, doc *d)
{
    char cap[160];
    snprintf(cap, sizeof cap, "表1  %d年义务教育学校办学基本标准达标情况", f->cfg->year);
    doc_table *t = level_table(d, cap, 2 + JH_NCOMPLIANCE, jh_compliance_ind, JH_NCOMPLIANCE);
    int r = 1;
    for (int l = 0; l < JH_NLEVELS; l++) {
        const jh_level_figures *L = &f->level[l];
        if (L->n == 0) continue;
        level_head(t, r, L, l, 2);
        doc_table_set(t, r, 1, "达标总数");
        doc_table_set(t, r + 1, 1, "达标比例");
        for (int i = 0; i < JH_NCOMPLIANCE; i++) {
            doc_table_set(t, r, 2 + i, fmt_int(L->met[i]).s);
            doc_table_set(t, r + 1, 2 + i, fmt_num(L->rate[i], f->cfg->dec_rate).s);
            shade_if(t, r + 1, 2 + i, L->met[i] < L->n);
        }
        r += 2;
    }
    for (int c = 0; c < t->ncols; c++) t->col_align[c] = ALIGN_CENTER;
}

/* 表2 (basic) / 表3 (quality): per 学段, the county value and the 差异系数
 * of each indicator; under quality also each CV's limit (the county's own
 * when the INI sets one) and whether it is met. */
static void balance_table(const jh_figures *f, doc *d)
{
    const jh_params *cfg = f->cfg;
    int quality = is_quality(f);
    const jh_indicator *ind;
    const jh_stat *st0;
    int nind = balance_set(f, &f->level[0], &ind, &st0);
    int ncols = 2 + nind + (quality ? 0 : 1), rows = quality ? 4 : 2;
    char cap[160];
    snprintf(cap, sizeof cap, "表%d  %d年义务教育校际间均衡状况", quality ? 3 : 2, cfg->year);
    doc_table *t = level_table(d, cap, ncols, ind, nind);
    if (!quality) doc_table_set(t, 0, 2 + nind, "综合");
    int r = 1;
    for (int l = 0; l < JH_NLEVELS; l++) {
        const jh_level_figures *L = &f->level[l];
        if (L->n == 0) continue;
        const jh_stat *st;
        balance_set(f, L, &ind, &st);
        doc_table_set(t, r, 0, level_label((jh_level)l));
        doc_table_span(t, r, 0, rows, 1);
        doc_table_set(t, r, 1, "县平均值");
        doc_table_set(t, r + 1, 1, "差异系数");
        if (quality) {
            doc_table_set(t, r + 2, 1, cfg->max_cv_own[l] ? "本县自定上限" : "国家规定上限");
            doc_table_set(t, r + 3, 1, "是否达到");
        }
        for (int i = 0; i < nind; i++) {
            int over = !within_displayed(st[i].cv, L->max_cv, cfg->dec_cv);
            doc_table_set(t, r, 2 + i, fmt_num(st[i].mean, mean_decimals(f, i)).s);
            doc_table_set(t, r + 1, 2 + i, fmt_num(st[i].cv, cfg->dec_cv).s);
            shade_if(t, r + 1, 2 + i, quality && !isnan(st[i].cv) && over);
            if (quality) {
                doc_table_set(t, r + 2, 2 + i, fmt_num(L->max_cv, 2).s);
                doc_table_set(t, r + 3, 2 + i, isnan(st[i].cv) ? "-" : over ? "×" : "√");
                shade_if(t, r + 3, 2 + i, !isnan(st[i].cv) && over);
            }
        }
        if (!quality) {
            doc_table_set(t, r, 2 + nind, "-");
            doc_table_set(t, r + 1, 2 + nind, fmt_num(L->composite_cv, cfg->dec_cv).s);
            shade_if(t, r + 1, 2 + nind, !L->balanced);
        }
        r += rows;
    }
    for (int c = 0; c < t->ncols; c++) t->col_align[c] = ALIGN_CENTER;
}

/* 表2 (quality): per 学段, the national per-school value of each of the
 * seven indicators, how many school parts reach it, and how many pass the
 * per-school rule (≥ 6 of 7, the rest ≥ 85 %). */
static void quality_table(const jh_figures *f, doc *d)
{
    const jh_params *cfg = f->cfg;
    char cap[160];
    snprintf(cap, sizeof cap, "表2  %d年每所学校资源配置七项指标达标情况", cfg->year);
    doc_table *t = level_table(d, cap, 2 + JH_NQUALITY + 1, jh_quality_ind, JH_NQUALITY);
    doc_table_set(t, 0, 2 + JH_NQUALITY, "每校达标");
    int r = 1;
    for (int l = 0; l < JH_NLEVELS; l++) {
        const jh_level_figures *L = &f->level[l];
        if (L->n == 0) continue;
        level_head(t, r, L, l, 3);
        doc_table_set(t, r, 1, "标准值");
        doc_table_set(t, r + 1, 1, "达标总数");
        doc_table_set(t, r + 2, 1, "达标比例");
        for (int i = 0; i < JH_NQUALITY; i++) {
            doc_table_set(t, r, 2 + i, fmt_trim(cfg->quality[l][i], jh_quality_ind[i].decimals).s);
            doc_table_set(t, r + 1, 2 + i, fmt_int(L->q_met[i]).s);
            doc_table_set(t, r + 2, 2 + i, fmt_num(100.0 * L->q_met[i] / L->n, cfg->dec_rate).s);
            shade_if(t, r + 2, 2 + i, L->q_met[i] < L->n);
        }
        doc_table_set(t, r, 2 + JH_NQUALITY, "6项以上");
        doc_table_set(t, r + 1, 2 + JH_NQUALITY, fmt_int(L->q_pass).s);
        doc_table_set(t, r + 2, 2 + JH_NQUALITY, fmt_num(100.0 * L->q_pass / L->n, cfg->dec_rate).s);
        shade_if(t, r + 2, 2 + JH_NQUALITY, L->q_pass < L->n);
        r += 3;
    }
    for (int c = 0; c < t->ncols; c++) t->col_align[c] = ALIGN_CENTER;
}

/* A bar chart of each 学段's CVs against its threshold. */
static void balance_chart(const jh_figures *f, doc *d)
{
    int quality = is_quality(f);
    const jh_indicator *ind;
    const jh_stat *st;
    int nind = balance_set(f, &f->level[0], &ind, &st);
    const char *cats[JH_NBALANCE];
    for (int i = 0; i < nind; i++) cats[i] = ind[i].short_label;
    /* a 学段 of one school has no 校际 difference to draw (its CVs are 0);
     * with no 学段 of two or more there is no chart at all */
    int drawn = 0;
    for (int l = 0; l < JH_NLEVELS; l++) drawn += f->level[l].n > 1;
    if (!drawn) return;
    char cap[160];
    snprintf(cap, sizeof cap, "图1  %d年各项指标差异系数%s", f->cfg->year,
             quality ? "与优质均衡标准" : "与基本均衡标准");
    doc_block *b = doc_add_chart(d, cap, nind, cats);
    b->chart.decimals = f->cfg->dec_cv;
    for (int l = 0; l < JH_NLEVELS; l++) {
        const jh_level_figures *L = &f->level[l];
        if (L->n <= 1) continue;
        double v[JH_NBALANCE];
        balance_set(f, L, &ind, &st);
        for (int i = 0; i < nind; i++) v[i] = isnan(st[i].cv) ? 0 : num_round(st[i].cv, f->cfg->dec_cv);
        doc_chart_group *g = doc_chart_add_group(&b->chart, level_label((jh_level)l), v);
        char label[128];
        snprintf(label, sizeof label, "%s标准 %s", level_label((jh_level)l), fmt_num(L->max_cv, 2).s);
        doc_chart_ref(g, L->max_cv, label);
    }
}

static void signature(const jh_figures *f, const tv_value *ctx, doc *d)
{
    const char *issuer = f->cfg->issuer;
    const char *date = tv_str(tv_get(ctx, "date"));
    if ((issuer && *issuer) || (date && *date)) doc_add_signature(d, issuer ? issuer : "", date ? date : "");
}

/* 表4 (quality): the school parts failing the per-school rule, each with the
 * values it misses.  Nothing when every part passes. */
static void quality_failing_table(const jh_figures *f, doc *d)
{
    int n = 0;
    for (int i = 0; i < f->n; i++) n += !f->parts[i].q_pass;
    if (!n) return;
    char cap[160];
    snprintf(cap, sizeof cap, "表4  %d年未达到每校七项指标要求的学校", f->cfg->year);
    doc_block *b = doc_add_table(d, 4, cap);
    doc_table *t = &b->table;
    static const char *const head[] = {"学段", "学校（部）", "达到项数", "未达到的指标"};
    for (int c = 0; c < 4; c++) doc_table_set(t, 0, c, head[c]);
    t->header_rows = 1;
    int r = 1;
    for (int i = 0; i < f->n; i++) {
        const jh_part_figures *p = &f->parts[i];
        if (p->q_pass) continue;
        char *name = part_name(f, p);
        char *miss = quality_missing_list(p, 0, NULL, NULL);
        /* six met and still failing: the seventh is under 85 % of its standard */
        char *cell = p->q_n_met >= f->cfg->quality_min_met ? xasprintf("%s（不足标准的85%%）", miss) : xstrdup(miss);
        doc_table_set(t, r, 0, level_label(p->school->level));
        doc_table_set(t, r, 1, name);
        doc_table_set(t, r, 2, fmt_int(p->q_n_met).s);
        doc_table_set(t, r, 3, cell);
        free(cell);
        free(miss);
        free(name);
        r++;
    }
    t->col_align[0] = ALIGN_CENTER;
    t->col_align[1] = ALIGN_LEFT;
    t->col_align[2] = ALIGN_CENTER;
    t->col_align[3] = ALIGN_LEFT;
}

typedef struct report_ud {
    const jh_figures *f;
    const tv_value *ctx;
    const char *pr_path; /* the county's practices file */
    practices *pr;     /* read at the first {{> practices.…}} */
    int pr_failed;     /* reading it failed: said once */
} report_ud;

/* {{> practices.NAME}}: the county's own section NAME. */
static int practices_block(report_ud *u, const char *name, doc *d, diag_list *dl)
{
    if (u->pr_failed) return -1;
    if (!u->pr && !(u->pr = practices_load(u->pr_path, dl))) {
        u->pr_failed = 1;
        return -1;
    }
    return practices_append(u->pr, name, u->ctx, d, dl);
}

static int report_block(void *ud, const char *name, doc *d, diag_list *dl)
{
    report_ud *u = ud;
    if (!strncmp(name, "practices.", 10)) return practices_block(u, name + 10, d, dl);
    if (!strcmp(name, "compliance_table")) compliance_table(u->f, d);
    else if (!strcmp(name, "quality_table")) quality_table(u->f, d);
    else if (!strcmp(name, "quality_failing_table")) quality_failing_table(u->f, d);
    else if (!strcmp(name, "balance_table")) balance_table(u->f, d);
    else if (!strcmp(name, "balance_chart")) balance_chart(u->f, d);
    else if (!strcmp(name, "signature")) signature(u->f, u->ctx, d);
    else return -1;  /* the template stage already refused unknown names */
    return 0;
}

/* A [narrative] fact the template uses but the INI lacks: say where to add it. */
static void narrative_hints(const jh_figures *f, diag_list *dl, int from)
{
    for (int i = from; i < dl->n; i++) {
        diag *d = &dl->items[i];
        const char *k = strstr(d->msg, "no `");
        if (!k || !strstr(d->msg, "in `narrative`")) continue;
        k += 4;
        const char *e = strchr(k, '`');
        if (!e) continue;
        diag_hint(d, _("add `%.*s = …` to the [narrative] section of %s, or reword the template"),
                  (int)(e - k), k, f->cfg->ini_path);
    }
}

doc *report_doc(const jh_figures *f, const tv_value *ctx, const char *template_path,
                const char *practices_path, diag_list *dl)
{
    size_t len;
    char *text = file_read(template_path, _("the report template"), FILE_CAP_TEXT, &len, dl);
    if (!text) return NULL;
    report_ud u = {f, ctx, practices_path, NULL, 0};
    md_options mo = {.ud = &u, .block = report_block};
    int before = dl->n;
    doc *d = expand_to_doc(text, len, template_path, ctx, report_blocks, &mo, dl);
    free(text);
    if (u.pr) {
        practices_warn_unused(u.pr, dl);   /* every include was tried, even after an error */
        practices_free(u.pr);
    }
    if (!d) { narrative_hints(f, dl, before); return NULL; }
    doc_meta(d, f->cfg, f->cfg->title);
    char subject[256];
    snprintf(subject, sizeof subject, "%s%d年度县域义务教育%s发展工作情况", f->cfg->county, f->cfg->year,
             is_quality(f) ? "优质均衡" : "均衡");
    doc_set(&d->subject, subject);
    return d;
}
