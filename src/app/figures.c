/* app: every computed figure as JSON or CSV — see app.h.
 *
 * Both are written as they are produced, school by school: memory does not
 * grow with the output (100,000 schools make 140 MB of JSON).
 * Numbers are printed unrounded, in the shortest form that reads back to the
 * same double (num_shortest), so that tools and tests see exactly what the core computed;
 * rounding for display is the renderer's job.  Undefined values print as null
 * (JSON) or empty (CSV).
 *
 * JSON shape (the contract for tests and tools):
 *   {county, year, title, scheme: "basic"|"quality", encoding,
 *    levels: [{level: "primary"|"middle", label, schools, students, teachers,
 *      compliance: [{key, label, met, total, rate} ×10, {key:"all", ...}],
 *      balance: [{key, label, mean, cv, within}]  (8 basic / 7 quality),
 *      composite_cv (null under quality), max_cv, balanced (null: no schools),
 *      schools_passing (quality only),
 *      schools_detail: [{code, name, type, line, students, teachers, share,
 *        teaching_points, compliance: [{key, value, threshold, met, shortfall}],
 *        met, all_met, missing: [key...],
 *        balance: [{key, value}]  (quality: {key, value, threshold, met}),
 *        quality_pass (quality only)}]}]}
 * CSV: level,scope,code,name,indicator,label,measure,value — one figure a row.
 */
#include "app/app.h"
#include "common/json.h"
#include "compose/workbook.h"
#include "common/num.h"

#include <csv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- JSON (through the one writer, common/json) ------------------------ */

/* The shape predates the writer: absent strings print as "". */
static void kstr(json_writer *w, const char *key, const char *s) { json_kstr(w, key, s ? s : ""); }

static void json_part(json_writer *w, const jh_params *cfg, const jh_part_figures *p)
{
    const jh_school *s = p->school;
    json_obj(w);
    kstr(w, "code", s->code);
    kstr(w, "name", s->name);
    kstr(w, "type", school_type_label(s->type));
    json_kint(w, "line", s->line);
    json_knum(w, "students", s->v[F_STUDENTS]);
    json_knum(w, "teachers", s->v[F_TEACHERS]);
    json_knum(w, "share", s->share);
    json_kint(w, "teaching_points", s->points);
    json_key(w, "compliance");
    json_arr(w);
    for (int i = 0; i < JH_NCOMPLIANCE; i++) {
        json_obj(w);
        kstr(w, "key", jh_compliance_ind[i].key);
        json_knum(w, "value", p->value[i]);
        json_knum(w, "threshold", p->threshold[i]);
        json_kbool(w, "met", p->met[i]);
        json_knum(w, "shortfall", p->shortfall[i]);
        json_obj_end(w);
    }
    json_arr_end(w);
    json_kint(w, "met", p->n_met);
    json_kbool(w, "all_met", p->all_met);
    json_key(w, "missing");
    json_arr(w);
    for (int i = 0; i < JH_NCOMPLIANCE; i++)
        if (!p->met[i]) json_str(w, jh_compliance_ind[i].key);
    json_arr_end(w);
    json_key(w, "balance");
    json_arr(w);
    int basic = cfg->scheme == JH_SCHEME_BASIC;
    for (int i = 0; i < (basic ? JH_NBALANCE : JH_NQUALITY); i++) {
        json_obj(w);
        kstr(w, "key", basic ? jh_balance_ind[i].key : jh_quality_ind[i].key);
        json_knum(w, "value", basic ? p->balance[i] : p->q_value[i]);
        if (!basic) {
            json_knum(w, "threshold", p->q_threshold[i]);
            json_kbool(w, "met", p->q_met[i]);
        }
        json_obj_end(w);
    }
    json_arr_end(w);
    if (!basic) json_kbool(w, "quality_pass", p->q_pass);
    json_obj_end(w);
}

static void json_stat(json_writer *w, const jh_indicator *ind, const jh_stat *st)
{
    json_obj(w);
    kstr(w, "key", ind->key);
    kstr(w, "label", ind->short_label);
    json_knum(w, "mean", st->mean);
    json_knum(w, "cv", st->cv);
    json_kbool(w, "within", st->within);
    json_obj_end(w);
}

static void json_level(json_writer *w, const jh_params *cfg, const jh_level_figures *lv)
{
    json_obj(w);
    kstr(w, "level", level_key(lv->level));
    kstr(w, "label", level_label(lv->level));
    json_kint(w, "schools", lv->n);
    json_kint(w, "students", lv->students);
    json_kint(w, "teachers", lv->teachers);
    json_key(w, "compliance");
    json_arr(w);
    for (int i = 0; i <= JH_NCOMPLIANCE; i++) {
        int all = i == JH_NCOMPLIANCE;
        json_obj(w);
        kstr(w, "key", all ? "all" : jh_compliance_ind[i].key);
        kstr(w, "label", all ? "全部达标" : jh_compliance_ind[i].short_label);
        json_kint(w, "met", all ? lv->all_met : lv->met[i]);
        json_kint(w, "total", lv->n);
        json_knum(w, "rate", all ? lv->all_rate : lv->rate[i]);
        json_obj_end(w);
    }
    json_arr_end(w);
    json_key(w, "balance");
    json_arr(w);
    if (cfg->scheme == JH_SCHEME_BASIC)
        for (int i = 0; i < JH_NBALANCE; i++) json_stat(w, &jh_balance_ind[i], &lv->bal[i]);
    else
        for (int i = 0; i < JH_NQUALITY; i++) json_stat(w, &jh_quality_ind[i], &lv->q[i]);
    json_arr_end(w);
    json_knum(w, "composite_cv", cfg->scheme == JH_SCHEME_BASIC ? lv->composite_cv : NAN);
    json_knum(w, "max_cv", lv->max_cv);
    json_kbool(w, "balanced", lv->balanced);
    if (cfg->scheme == JH_SCHEME_QUALITY) json_kint(w, "schools_passing", lv->q_pass);
    json_key(w, "schools_detail");
    json_arr(w);
    for (int i = 0; i < lv->n; i++) {   /* written as it goes: memory does not grow with n */
        json_break(w, "\n    ");
        json_part(w, cfg, lv->parts[i]);
    }
    json_arr_end(w);
    json_obj_end(w);
}

int app_figures_json(json_writer *w, const jh_figures *f)
{
    const jh_params *cfg = f->cfg;
    json_obj(w);
    kstr(w, "county", cfg->county);
    json_kint(w, "year", cfg->year);
    kstr(w, "title", cfg->title);
    kstr(w, "scheme", scheme_key(cfg->scheme));
    kstr(w, "encoding", f->schools->encoding);
    json_break(w, "\n");
    json_key(w, "levels");
    json_arr(w);
    for (int l = 0; l < JH_NLEVELS; l++) {
        json_break(w, "\n  ");
        json_level(w, cfg, &f->level[l]);
    }
    json_arr_end(w);
    json_obj_end(w);
    json_break(w, "\n");
    return json_finish(w);
}

/* ---- CSV (long form: one figure per row, for pivot tables) ------------- */

static void csv_text(FILE *out, const char *s) { if (s && *s) csv_fwrite(out, s, strlen(s)); }

static void csv_fig(FILE *out, jh_level l, const char *scope, const jh_school *s, const char *key,
                    const char *label, const char *measure, double v)
{
    char num[NUM_SHORTEST];
    fprintf(out, "%s,%s,", level_key(l), scope);
    csv_text(out, s ? s->code : "");
    fputc(',', out);
    csv_text(out, s ? s->name : "");
    fprintf(out, ",%s,", key);
    csv_text(out, label);
    fprintf(out, ",%s,%s\n", measure, num_shortest(num, v));
}

void app_figures_csv(FILE *out, const jh_figures *f)
{
    const jh_params *cfg = f->cfg;
    int basic = cfg->scheme == JH_SCHEME_BASIC;
    fputs("level,scope,code,name,indicator,label,measure,value\n", out);
    for (int l = 0; l < JH_NLEVELS; l++) {
        const jh_level_figures *lv = &f->level[l];
        jh_level L = lv->level;
        csv_fig(out, L, "county", NULL, "", "", "schools", lv->n);
        csv_fig(out, L, "county", NULL, "", "", "students", (double)lv->students);
        csv_fig(out, L, "county", NULL, "", "", "teachers", (double)lv->teachers);
        for (int i = 0; i <= JH_NCOMPLIANCE; i++) {
            int all = i == JH_NCOMPLIANCE;
            const char *k = all ? "all" : jh_compliance_ind[i].key;
            const char *lb = all ? "全部达标" : jh_compliance_ind[i].short_label;
            csv_fig(out, L, "county", NULL, k, lb, "met", all ? lv->all_met : lv->met[i]);
            csv_fig(out, L, "county", NULL, k, lb, "total", lv->n);
            csv_fig(out, L, "county", NULL, k, lb, "rate", all ? lv->all_rate : lv->rate[i]);
        }
        int nb = basic ? JH_NBALANCE : JH_NQUALITY;
        for (int i = 0; i < nb; i++) {
            const jh_indicator *ind = basic ? &jh_balance_ind[i] : &jh_quality_ind[i];
            const jh_stat *st = basic ? &lv->bal[i] : &lv->q[i];
            csv_fig(out, L, "county", NULL, ind->key, ind->short_label, "mean", st->mean);
            csv_fig(out, L, "county", NULL, ind->key, ind->short_label, "cv", st->cv);
        }
        if (basic) csv_fig(out, L, "county", NULL, "composite", "综合", "cv", lv->composite_cv);
        csv_fig(out, L, "county", NULL, "", "", "max_cv", lv->max_cv);
        csv_fig(out, L, "county", NULL, "", "", "balanced", lv->balanced < 0 ? NAN : lv->balanced);
        for (int k = 0; k < lv->n; k++) {
            const jh_part_figures *p = lv->parts[k];
            const jh_school *s = p->school;
            csv_fig(out, L, "school", s, "", "", "students", s->v[F_STUDENTS]);
            csv_fig(out, L, "school", s, "", "", "teachers", s->v[F_TEACHERS]);
            for (int i = 0; i < JH_NCOMPLIANCE; i++) {
                const jh_indicator *ind = &jh_compliance_ind[i];
                csv_fig(out, L, "school", s, ind->key, ind->short_label, "value", p->value[i]);
                csv_fig(out, L, "school", s, ind->key, ind->short_label, "threshold", p->threshold[i]);
                csv_fig(out, L, "school", s, ind->key, ind->short_label, "met", p->met[i]);
                csv_fig(out, L, "school", s, ind->key, ind->short_label, "shortfall", p->shortfall[i]);
            }
            csv_fig(out, L, "school", s, "all", "全部达标", "met", p->all_met);
            for (int i = 0; i < nb; i++) {
                const jh_indicator *ind = basic ? &jh_balance_ind[i] : &jh_quality_ind[i];
                csv_fig(out, L, "school", s, ind->key, ind->short_label, "balance_value",
                        basic ? p->balance[i] : p->q_value[i]);
                if (!basic) csv_fig(out, L, "school", s, ind->key, ind->short_label, "quality_met", p->q_met[i]);
            }
            if (!basic) csv_fig(out, L, "school", s, "quality", "优质均衡", "pass", p->q_pass);
        }
    }
}


/* ---- workbook ------------------------------------------------------------ */

int app_figures_xlsx(const jh_figures *f, const char *path, diag_list *dl)
{
    return workbook_write(f, path, dl);
}
