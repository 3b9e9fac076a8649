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

const char *const report_blocks[] = {"compliance_table", "balance_table", "balance_chart", "signature", NULL};

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
    tv_num(m, "max_cv", L->max_cv, 2);
    tv_flag(m, "balanced", L->balanced);
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

/* Schools below standard, with the indicators they miss. */
static void failing_context(const jh_figures *f, tv_value *ctx)
{
    tv_value **items = xcalloc((size_t)f->n + 1, sizeof *items);
    int n = 0;
    for (int i = 0; i < f->n; i++) {
        const jh_part_figures *p = &f->parts[i];
        if (p->all_met) continue;
        tv_value *s = tv_map();
        char *name = part_name(f, p);
        int count;
        char *miss = missing_list(p, &count);
        tv_map_str(s, "name", name);
        tv_map_str(s, "code", p->school->code);
        tv_map_str(s, "level", level_label(p->school->level));
        tv_map_str(s, "missing", miss);
        tv_int(s, "missing_count", count);
        free(name);
        free(miss);
        items[n++] = s;
    }
    tv_value *list = tv_list();
    tv_push_all(list, items, n);
    tv_map_set(ctx, "failing_schools", list);
    tv_int(ctx, "failing_count", n);
    tv_flag(ctx, "any_failing", n > 0);
    free(items);
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
static void narrative_context(const jh_facts *nar_in, tv_value *ctx, diag_list *dl)
{
    tv_value *nar = tv_map();
    int n = nar_in ? nar_in->n : 0;
    const jh_fact *facts = n ? nar_in->items : NULL;
    const char *typed = NULL;
    int typed_line = 0;
    double sum = 0, last = 0;
    int first_year = 0, last_year = 0, any = 0, ok = 1;
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
            if (!any || year > last_year) { last_year = year; last = x; }
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
    tv_int(fu, "first_year", first_year);
    tv_int(fu, "last_year", last_year);
    tv_num(fu, "total", sum, 2 * (fmod(sum, 1) != 0));
    tv_num(fu, "last", last, 2 * (fmod(last, 1) != 0));
    tv_list_push(funding, fu);
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
        balanced &= f->level[l].balanced;
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
    tv_flag(ctx, "all_balanced", balanced);

    tv_value *overs = tv_list();
    tv_push_all(overs, over, nover);
    tv_map_set(ctx, "over_cvs", overs);
    tv_flag(ctx, "any_over", nover > 0);

    failing_context(f, ctx);
    needs_context(f, ctx);
    narrative_context(narrative, ctx, dl);
    return ctx;
}

/* ---- blocks --------------------------------------------------------------- */

static void shade_if(doc_table *t, int r, int c, int yes)
{
    if (yes) doc_table_cell(t, r, c)->shaded = 1;
}

/* 表1: per 学段, the count and the rate of schools meeting each indicator. */
static void compliance_table(const jh_figures *f, doc *d)
{
    char cap[160];
    snprintf(cap, sizeof cap, "表1  %d年义务教育学校办学基本标准达标情况", f->cfg->year);
    doc_block *b = doc_add_table(d, 2 + JH_NCOMPLIANCE, cap);
    doc_table *t = &b->table;
    doc_table_set(t, 0, 0, "");
    doc_table_span(t, 0, 0, 1, 2);
    doc_table_diagonal(t, "项目", "学校");
    for (int i = 0; i < JH_NCOMPLIANCE; i++) doc_table_set(t, 0, 2 + i, jh_compliance_ind[i].short_label);
    t->header_rows = 1;
    int r = 1;
    for (int l = 0; l < JH_NLEVELS; l++) {
        const jh_level_figures *L = &f->level[l];
        if (L->n == 0) continue;
        char head[64];
        snprintf(head, sizeof head, "%s %d所", level_label((jh_level)l), L->n);
        doc_table_set(t, r, 0, head);
        doc_table_span(t, r, 0, 2, 1);
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

/* 表2: per 学段, the county mean and the 差异系数 of each indicator. */
static void balance_table(const jh_figures *f, doc *d)
{
    const jh_params *cfg = f->cfg;
    int quality = is_quality(f);
    const jh_indicator *ind;
    const jh_stat *st0;
    int nind = balance_set(f, &f->level[0], &ind, &st0);
    int ncols = 2 + nind + (quality ? 0 : 1);
    char cap[160];
    snprintf(cap, sizeof cap, "表2  %d年义务教育校际间均衡状况", cfg->year);
    doc_block *b = doc_add_table(d, ncols, cap);
    doc_table *t = &b->table;
    doc_table_set(t, 0, 0, "");
    doc_table_span(t, 0, 0, 1, 2);
    doc_table_diagonal(t, "项目", "学校");
    for (int i = 0; i < nind; i++) doc_table_set(t, 0, 2 + i, ind[i].short_label);
    if (!quality) doc_table_set(t, 0, 2 + nind, "综合");
    t->header_rows = 1;
    int r = 1;
    for (int l = 0; l < JH_NLEVELS; l++) {
        const jh_level_figures *L = &f->level[l];
        if (L->n == 0) continue;
        const jh_stat *st;
        balance_set(f, L, &ind, &st);
        doc_table_set(t, r, 0, level_label((jh_level)l));
        doc_table_span(t, r, 0, 2, 1);
        doc_table_set(t, r, 1, "县平均值");
        doc_table_set(t, r + 1, 1, "差异系数");
        for (int i = 0; i < nind; i++) {
            doc_table_set(t, r, 2 + i, fmt_num(st[i].mean, mean_decimals(f, i)).s);
            doc_table_set(t, r + 1, 2 + i, fmt_num(st[i].cv, cfg->dec_cv).s);
            shade_if(t, r + 1, 2 + i, quality && !isnan(st[i].cv) && !within_displayed(st[i].cv, L->max_cv, cfg->dec_cv));
        }
        if (!quality) {
            doc_table_set(t, r, 2 + nind, "-");
            doc_table_set(t, r + 1, 2 + nind, fmt_num(L->composite_cv, cfg->dec_cv).s);
            shade_if(t, r + 1, 2 + nind, !L->balanced);
        }
        r += 2;
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
    char cap[160];
    snprintf(cap, sizeof cap, "图1  %d年各项指标差异系数%s", f->cfg->year,
             quality ? "与优质均衡标准" : "与基本均衡标准");
    doc_block *b = doc_add_chart(d, cap, nind, cats);
    b->chart.decimals = f->cfg->dec_cv;
    for (int l = 0; l < JH_NLEVELS; l++) {
        const jh_level_figures *L = &f->level[l];
        if (L->n == 0) continue;
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

typedef struct report_ud {
    const jh_figures *f;
    const tv_value *ctx;
} report_ud;

static int report_block(void *ud, const char *name, doc *d, diag_list *dl)
{
    report_ud *u = ud;
    (void)dl;
    if (!strcmp(name, "compliance_table")) compliance_table(u->f, d);
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

doc *report_doc(const jh_figures *f, const tv_value *ctx, const char *template_path, diag_list *dl)
{
    size_t len;
    char *text = file_read(template_path, _("the report template"), FILE_CAP_TEXT, &len, dl);
    if (!text) return NULL;
    report_ud u = {f, ctx};
    md_options mo = {.ud = &u, .block = report_block};
    int before = dl->n;
    doc *d = expand_to_doc(text, len, template_path, ctx, report_blocks, &mo, dl);
    free(text);
    if (!d) { narrative_hints(f, dl, before); return NULL; }
    doc_meta(d, f->cfg, f->cfg->title);
    char subject[256];
    snprintf(subject, sizeof subject, "%s%d年度县域义务教育均衡发展工作情况", f->cfg->county, f->cfg->year);
    doc_set(&d->subject, subject);
    return d;
}
