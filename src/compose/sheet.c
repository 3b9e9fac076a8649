/*
 * sheet — one school's summary sheet (学校办学条件达标情况一览).
 *
 * A school is all the parts that share its code: a 九年一贯制 school has a
 * 小学 and an 初中 part, and its sheet shows both.  The template repeats its
 * {{#parts}} section once per part; each part block ({{> part_compliance_table}}
 * ...) met inside it is drawn for the part it is repeated for, counted in
 * order of appearance.
 */
#include "common/i18n.h"
#include "compose/compose.h"
#include "compose/format.h"
#include "common/num.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "document/markdown.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const sheet_blocks[] = {"part_compliance_table", "part_balance_table", "part_balance_chart", NULL};

/* The parts of a school, in 学段 order. */
static int school_parts(const jh_figures *f, const char *code, const jh_part_figures *out[JH_NLEVELS])
{
    int n = 0;
    for (int l = 0; l < JH_NLEVELS; l++) {
        const jh_part_figures *p = figures_part(f, code, (jh_level)l);
        if (p) out[n++] = p;
    }
    return n;
}

int sheet_codes(const jh_figures *f, const char ***codes)
{
    const char **c = xcalloc((size_t)f->n + 1, sizeof *c);
    int n = 0;
    for (int i = 0; i < f->n; i++) {
        const jh_part_figures *p = &f->parts[i];
        /* a school's place is that of its first part in the file */
        jh_level other = p->school->level == JH_PRIMARY ? JH_MIDDLE : JH_PRIMARY;
        const jh_part_figures *o = figures_part(f, p->school->code, other);
        if (o && o < p) continue;
        c[n++] = p->school->code;
    }
    *codes = c;
    return n;
}

tv_value *sheet_context(const jh_figures *f, const char *code, diag_list *dl)
{
    const jh_part_figures *parts[JH_NLEVELS];
    int np = school_parts(f, code, parts);
    if (np == 0) {
        diag_error(dl, NULL, 0, 0, _("no school with code '%s'"), code);
        return NULL;
    }
    const jh_school *s = parts[0]->school;
    tv_value *ctx = tv_map();
    tv_map_str(ctx, "county", f->cfg->county);
    tv_int(ctx, "year", f->cfg->year);
    tv_map_str(ctx, "code", s->code);
    tv_map_str(ctx, "name", s->name);
    const char *type = school_type_label(s->type);
    tv_map_str(ctx, "type", *type ? type : level_label(s->level));

    long students = 0, teachers = 0;
    int all_met = 1, missing_count = 0;
    strbuf missing = STRBUF_INIT;
    tv_value *items[JH_NLEVELS];
    for (int i = 0; i < np; i++) {
        const jh_part_figures *p = parts[i];
        students += (long)p->school->v[F_STUDENTS];
        teachers += (long)p->school->v[F_TEACHERS];
        all_met &= p->all_met;
        int count;
        char *miss = missing_list(p, &count);
        if (count) {
            if (missing.len) sb_puts(&missing, "；");
            if (np > 1) sb_printf(&missing, "%s部分%s", level_label(p->school->level), miss);
            else sb_puts(&missing, miss);
        }
        missing_count += count;
        tv_value *m = tv_map();
        tv_map_str(m, "level", level_label(p->school->level));
        tv_int(m, "students", (long)p->school->v[F_STUDENTS]);
        tv_int(m, "teachers", (long)p->school->v[F_TEACHERS]);
        tv_flag(m, "all_met", p->all_met);
        tv_map_str(m, "missing", miss);
        int nn;
        tv_map_set(m, "needs", needs_value(p->shortfall, &nn));
        tv_flag(m, "has_needs", nn > 0);
        free(miss);
        items[i] = m;
    }
    tv_int(ctx, "students", students);
    tv_int(ctx, "teachers", teachers);
    tv_flag(ctx, "all_met", all_met);
    tv_int(ctx, "missing_count", missing_count);
    tv_map_str(ctx, "missing", sb_str(&missing));
    sb_free(&missing);
    tv_value *list = tv_list();
    tv_push_all(list, items, np);
    tv_map_set(ctx, "parts", list);
    return ctx;
}

/* ---- blocks ------------------------------------------------------------- */

static void part_compliance_table(const jh_part_figures *p, doc *d)
{
    doc_block *b = doc_add_table(d, 5, NULL);
    doc_table *t = &b->table;
    static const char *const head[] = {"办学基本标准指标", "本校", "标准", "达标", "还需"};
    for (int c = 0; c < 5; c++) doc_table_set(t, 0, c, head[c]);
    t->header_rows = 1;
    for (int k = 0; k < JH_NCOMPLIANCE; k++) {
        const jh_indicator *ind = &jh_compliance_ind[k];
        int r = k + 1;
        char label[128];
        if (*ind->unit && !ind->percent) snprintf(label, sizeof label, "%s（%s）", ind->label, ind->unit);
        else snprintf(label, sizeof label, "%s", ind->label);
        doc_table_set(t, r, 0, label);
        doc_table_set(t, r, 1, fmt_compliance(k, p->value[k]).s);
        doc_table_set(t, r, 2, fmt_compliance(k, p->threshold[k]).s);
        /* √ and × as on Chinese forms; both are in GB 2312, so every 宋 face has them */
        doc_table_set(t, r, 3, p->met[k] ? "√" : "×");
        const char *lab, *unit;
        numstr amount;
        if (!p->met[k] && shortfall_words(k, p->shortfall[k], &lab, &amount, &unit)) {
            char need[128];
            snprintf(need, sizeof need, "%s%s%s", lab, amount.s, unit);
            doc_table_set(t, r, 4, need);
        } else {
            doc_table_set(t, r, 4, "");
        }
        if (!p->met[k])
            for (int c = 1; c < 5; c++) doc_table_cell(t, r, c)->shaded = 1;
    }
    t->col_align[0] = ALIGN_LEFT;
    for (int c = 1; c < 4; c++) t->col_align[c] = ALIGN_CENTER;
    t->col_align[4] = ALIGN_LEFT;
}

static double ratio_pct(double v, double mean)
{
    return (isnan(v) || !(mean > 0)) ? NAN : 100.0 * v / mean;
}

static void part_balance_table(const jh_figures *f, const jh_part_figures *p, doc *d)
{
    const jh_level_figures *L = &f->level[p->school->level];
    doc_block *b = doc_add_table(d, 4, NULL);
    doc_table *t = &b->table;
    static const char *const head[] = {"校际均衡指标", "本校", "县平均值", "本校为县平均的（%）"};
    for (int c = 0; c < 4; c++) doc_table_set(t, 0, c, head[c]);
    t->header_rows = 1;
    for (int i = 0; i < JH_NBALANCE; i++) {
        const jh_indicator *ind = &jh_balance_ind[i];
        int dec = f->cfg->dec_mean[i];
        double r = ratio_pct(p->balance[i], L->bal[i].mean);
        doc_table_set(t, i + 1, 0, ind->label);
        doc_table_set(t, i + 1, 1, fmt_num(p->balance[i], dec).s);
        doc_table_set(t, i + 1, 2, fmt_num(L->bal[i].mean, dec).s);
        doc_table_set(t, i + 1, 3, fmt_num(r, 0).s);
    }
    t->col_align[0] = ALIGN_LEFT;
    for (int c = 1; c < 4; c++) t->col_align[c] = ALIGN_CENTER;
}

static void part_balance_chart(const jh_figures *f, const jh_part_figures *p, doc *d)
{
    const jh_level_figures *L = &f->level[p->school->level];
    const char *cats[JH_NBALANCE];
    double v[JH_NBALANCE];
    for (int i = 0; i < JH_NBALANCE; i++) {
        cats[i] = jh_balance_ind[i].short_label;
        double r = ratio_pct(p->balance[i], L->bal[i].mean);
        v[i] = isnan(r) ? 0 : num_round(r, 0);
    }
    doc_block *b = doc_add_chart(d, "本校各项均衡指标为县平均值的百分比", JH_NBALANCE, cats);
    b->chart.decimals = 0;
    doc_chart_group *g = doc_chart_add_group(&b->chart, "本校", v);
    doc_chart_ref(g, 100, "县平均 = 100");
}

typedef struct sheet_ud {
    const jh_figures *f;
    const jh_part_figures *parts[JH_NLEVELS];
    int np;
    int seen[3];   /* occurrences so far of each sheet block */
} sheet_ud;

static int sheet_block(void *ud, const char *name, doc *d, diag_list *dl)
{
    sheet_ud *u = ud;
    int which = -1;
    for (int i = 0; sheet_blocks[i]; i++)
        if (!strcmp(name, sheet_blocks[i])) which = i;
    if (which < 0) return -1;
    int k = u->seen[which]++;
    if (k >= u->np) {
        diag_hint(diag_error(dl, NULL, 0, 0, _("{{> %s}} appears more often than the school has parts"), name),
                  _("put part blocks inside {{#parts}} … {{/parts}}, once each"));
        return -1;
    }
    const jh_part_figures *p = u->parts[k];
    if (which == 0) part_compliance_table(p, d);
    else if (which == 1) part_balance_table(u->f, p, d);
    else part_balance_chart(u->f, p, d);
    return 0;
}

doc *sheet_doc(const jh_figures *f, const char *code, const char *text, size_t len,
               const char *template_path, diag_list *dl)
{
    tv_value *ctx = sheet_context(f, code, dl);
    if (!ctx) return NULL;
    sheet_ud u = {.f = f};
    u.np = school_parts(f, code, u.parts);
    md_options mo = {.ud = &u, .block = sheet_block};
    doc *d = expand_to_doc(text, len, template_path, ctx, sheet_blocks, &mo, dl);
    tv_free(ctx);
    if (!d) return NULL;
    const jh_school *s = u.parts[0]->school;
    char title[512];
    snprintf(title, sizeof title, "%s办学条件达标情况一览", s->name);
    doc_meta(d, f->cfg, title);
    return d;
}
