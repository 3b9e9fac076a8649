/*
 * cmd_figures — `junheng figures` prints every computed figure (JSON or CSV);
 * `junheng check` runs the same loading and checks and only reports.
 *
 * Numbers are printed unrounded, in the shortest form that reads back to the
 * same double, so that tools and tests see exactly what the core computed;
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
#include "cli/commands.h"
#include "common/i18n.h"
#include "cli/inputs.h"
#include "compose/compose.h"
#include "common/diag.h"
#include "common/json.h"
#include "common/num.h"
#include "core/figures.h"
#include "input/config.h"
#include "input/ini.h"

#include <csv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Load everything; these commands read no stage's sections but the core's. */
static int load_all(const char *path, inputs *L, diag_list *dl)
{
    int rc = inputs_load(path, L, dl);
    inputs_allow_other(L, NULL);
    if (L->ini) ini_warn_unused(L->ini, dl);
    return rc || dl->errors ? -1 : 0;
}

/* ---- JSON (through the one writer, common/json) ------------------------ */

/* The shape predates the writer: absent strings print as "". */
static void kstr(json_writer *w, const char *key, const char *s) { json_kstr(w, key, s ? s : ""); }

static void json_part(json_writer *w, const jh_config *cfg, const jh_part_figures *p)
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

static void json_level(json_writer *w, const jh_config *cfg, const jh_level_figures *lv)
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

/* 0, or -1 if the writer failed (a string that is not UTF-8). */
static int print_json(FILE *out, const jh_figures *f)
{
    const jh_config *cfg = f->cfg;
    json_writer *w = json_new_file(out);
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
    int rc = json_finish(w);
    json_free(w);
    return rc;
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

static void print_csv(FILE *out, const jh_figures *f)
{
    const jh_config *cfg = f->cfg;
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

/* ---- template names ---------------------------------------------------- */

static void print_leaf(const char *path, const tv_value *v, void *ud)
{
    FILE *out = ((void **)ud)[0];
    const char *scope = ((void **)ud)[1];
    const char *val = tv_kind_of(v) == TV_BOOL ? (tv_yes(v) ? "true" : "false")
                    : tv_kind_of(v) == TV_LIST ? "(list)" : tv_str(v);
    fprintf(out, "%s\t%s\t%s\n", scope, path, val ? val : "");
}

/* Every name the report template (and, for the first school, the sheet
 * template) can use, with its value as printed. */
static int print_template_names(FILE *out, inputs *L, diag_list *dl)
{
    tv_value *ctx = report_context(L->fig, L->ini, dl);
    void *ud[2] = {out, "report"};
    tv_leaves(ctx, print_leaf, ud);
    tv_free(ctx);
    const char **codes;
    int n = sheet_codes(L->fig, &codes);
    if (n > 0) {
        ctx = sheet_context(L->fig, codes[0], dl);
        ud[1] = "sheet";
        tv_leaves(ctx, print_leaf, ud);
        tv_free(ctx);
    }
    free(codes);
    return dl->errors > 0;
}

/* ---- command lines ------------------------------------------------------ */

static const char *const figures_help =
    N_("usage: junheng figures -c REPORT.ini [--format json|csv]\n"
    "\n"
    "Print every figure computed from the report's configuration and school data:\n"
    "per 学段 the compliance counts and rates, the county means and 差异系数, the\n"
    "composite and the verdict, and every school part's values, thresholds and\n"
    "shortfalls.  Numbers are unrounded.  Problems go to stderr.\n"
    "\n"
    "  -c, --config FILE   the report's INI file (required)\n"
    "  -f, --format FMT    json (default), csv (one figure per row), or template:\n"
    "                      every placeholder the report and sheet templates can\n"
    "                      use, with its value as it will print\n"
    "  -h, --help          this help\n"
    "\n"
    "exit codes: 0 ok, 1 bad configuration or data, 2 bad usage\n");

static const char *const check_help =
    N_("usage: junheng check -c REPORT.ini\n"
    "\n"
    "Check the report's configuration and school data and list every problem\n"
    "(file, line, column and a hint) on stderr.\n"
    "\n"
    "  -c, --config FILE   the report's INI file (required)\n"
    "  -q, --quiet         no closing line when all is well\n"
    "  -h, --help          this help\n"
    "\n"
    "exit codes: 0 no problems (warnings allowed), 1 problems found, 2 bad usage\n");

/* Parse -c/--config, (if fmt) --format and (if quiet) --quiet.  Returns -1
 * to continue, else an exit code. */
static int parse_args(int argc, char **argv, const char *help, const char **config, const char **fmt,
                      int *quiet)
{
    const char *cmd = argv[0];
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **dst = NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) { fputs(help, stdout); return EXIT_OK; }
        if (quiet && (!strcmp(a, "-q") || !strcmp(a, "--quiet"))) { *quiet = 1; continue; }
        if (!strcmp(a, "-c") || !strcmp(a, "--config")) dst = config;
        else if (fmt && (!strcmp(a, "-f") || !strcmp(a, "--format"))) dst = fmt;
        else if (!strncmp(a, "--config=", 9)) { *config = a + 9; continue; }
        else if (fmt && !strncmp(a, "--format=", 9)) { *fmt = a + 9; continue; }
        else {
            fprintf(stderr, _("junheng %s: unknown argument '%s'\n%s"), cmd, a, help);
            return EXIT_USAGE;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, _("junheng %s: %s needs a value\n"), cmd, a);
            return EXIT_USAGE;
        }
        *dst = argv[++i];
    }
    if (!*config) {
        fprintf(stderr, _("junheng %s: the configuration is required (-c REPORT.ini)\n%s"), cmd, help);
        return EXIT_USAGE;
    }
    if (fmt && strcmp(*fmt, "json") && strcmp(*fmt, "csv") && strcmp(*fmt, "template")) {
        fprintf(stderr, _("junheng %s: unknown format '%s' (json, csv or template)\n"), cmd, *fmt);
        return EXIT_USAGE;
    }
    return -1;
}

int cmd_figures(int argc, char **argv)
{
    const char *config = NULL, *fmt = "json";
    int rc = parse_args(argc, argv, _(figures_help), &config, &fmt, NULL);
    if (rc >= 0) return rc;
    diag_list dl;
    diag_init(&dl);
    inputs L;
    int bad = load_all(config, &L, &dl) != 0;
    if (!bad) {
        if (!strcmp(fmt, "csv")) print_csv(stdout, L.fig);
        else if (!strcmp(fmt, "template")) bad = print_template_names(stdout, &L, &dl);
        else if (print_json(stdout, L.fig) != 0) {
            fputs(_("junheng figures: the JSON is incomplete: a text in the configuration or data is not valid UTF-8\n"), stderr);
            bad = 1;
        }
        if (fflush(stdout) != 0) { perror("junheng figures: stdout"); bad = 1; }
    }
    diag_print(&dl, stderr);
    inputs_free(&L);
    diag_free(&dl);
    return bad ? EXIT_INPUT : EXIT_OK;
}

int cmd_check(int argc, char **argv)
{
    const char *config = NULL;
    int quiet = 0;
    int rc = parse_args(argc, argv, _(check_help), &config, NULL, &quiet);
    if (rc >= 0) return rc;
    diag_list dl;
    diag_init(&dl);
    inputs L;
    int bad = load_all(config, &L, &dl) != 0;
    diag_print(&dl, stderr);
    if (!bad && !quiet) {
        int parts = L.schools->n;
        fprintf(stderr, _("%s: ok: %d school part(s) in %s (%s)%s\n"), config, parts, L.cfg->schools_path,
                L.schools->encoding, dl.warnings ? _(", with warnings") : "");
    } else if (bad) {
        fprintf(stderr, _("junheng check: %d problem(s)\n"), dl.errors);
    }
    inputs_free(&L);
    diag_free(&dl);
    return bad ? EXIT_INPUT : EXIT_OK;
}
