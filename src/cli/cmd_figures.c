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
#include "common/strbuf.h"
#include "core/figures.h"

#include <csv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Load everything; these commands read no stage's sections but the core's. */
static int load_all(const char *path, inputs *L, diag_list *dl)
{
    int rc = inputs_load(path, L, dl);
    return rc || dl->errors ? -1 : 0;
}

/* ---- numbers and strings ---------------------------------------------- */

/* Shortest decimal that reads back as x; "null" for NaN/Inf. */
static void put_num(strbuf *b, double x, const char *null)
{
    if (!isfinite(x)) { sb_puts(b, null); return; }
    char buf[40];
    /* %g drops trailing zeros, so when 15 digits read back the result is
     * already the shortest form (a double carries 15.9 digits). */
    int p = 15;
    for (; p < 17; p++) {
        snprintf(buf, sizeof buf, "%.*g", p, x);
        if (strtod(buf, NULL) == x) break;
    }
    /* %g switches to an exponent once the integer digits exceed the
     * precision (100 -> "1e+02"); keep whole digits up to 10^15 plain. */
    double ax = fabs(x);
    if (ax >= 1 && ax < 1e15) {
        int intdigits = (int)floor(log10(ax)) + 1;
        if (intdigits > p) p = intdigits;
    }
    snprintf(buf, sizeof buf, "%.*g", p, x);
    if (!strcmp(buf, "-0")) strcpy(buf, "0");
    sb_puts(b, buf);
}

static void put_json_str(strbuf *b, const char *s)
{
    sb_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if (*p == '"' || *p == '\\') { sb_putc(b, '\\'); sb_putc(b, (char)*p); }
        else if (*p == '\n') sb_puts(b, "\\n");
        else if (*p == '\r') sb_puts(b, "\\r");
        else if (*p == '\t') sb_puts(b, "\\t");
        else if (*p < 0x20 || *p == 0x7F) sb_printf(b, "\\u%04x", *p);
        else sb_putc(b, (char)*p);
    }
    sb_putc(b, '"');
}

static const char *json_bool(int v) { return v < 0 ? "null" : v ? "true" : "false"; }

/* ---- JSON --------------------------------------------------------------- */

static void json_key(strbuf *b, const char *k) { put_json_str(b, k); sb_putc(b, ':'); }

static void json_part(strbuf *b, const jh_params *cfg, const jh_part_figures *p)
{
    const jh_school *s = p->school;
    sb_puts(b, "{");
    json_key(b, "code"); put_json_str(b, s->code);
    sb_puts(b, ","); json_key(b, "name"); put_json_str(b, s->name);
    sb_puts(b, ","); json_key(b, "type"); put_json_str(b, school_type_label(s->type));
    sb_puts(b, ","); json_key(b, "line"); sb_printf(b, "%d", s->line);
    sb_puts(b, ","); json_key(b, "students"); put_num(b, s->v[F_STUDENTS], "null");
    sb_puts(b, ","); json_key(b, "teachers"); put_num(b, s->v[F_TEACHERS], "null");
    sb_puts(b, ","); json_key(b, "share"); put_num(b, s->share, "null");
    sb_puts(b, ","); json_key(b, "teaching_points"); sb_printf(b, "%d", s->points);
    sb_puts(b, ","); json_key(b, "compliance"); sb_puts(b, "[");
    for (int i = 0; i < JH_NCOMPLIANCE; i++) {
        sb_puts(b, i ? ",{" : "{");
        json_key(b, "key"); put_json_str(b, jh_compliance_ind[i].key);
        sb_puts(b, ","); json_key(b, "value"); put_num(b, p->value[i], "null");
        sb_puts(b, ","); json_key(b, "threshold"); put_num(b, p->threshold[i], "null");
        sb_puts(b, ","); json_key(b, "met"); sb_puts(b, json_bool(p->met[i]));
        sb_puts(b, ","); json_key(b, "shortfall"); put_num(b, p->shortfall[i], "null");
        sb_puts(b, "}");
    }
    sb_puts(b, "],"); json_key(b, "met"); sb_printf(b, "%d", p->n_met);
    sb_puts(b, ","); json_key(b, "all_met"); sb_puts(b, json_bool(p->all_met));
    sb_puts(b, ","); json_key(b, "missing"); sb_puts(b, "[");
    for (int i = 0, k = 0; i < JH_NCOMPLIANCE; i++)
        if (!p->met[i]) { if (k++) sb_puts(b, ","); put_json_str(b, jh_compliance_ind[i].key); }
    sb_puts(b, "],"); json_key(b, "balance"); sb_puts(b, "[");
    if (cfg->scheme == JH_SCHEME_BASIC) {
        for (int i = 0; i < JH_NBALANCE; i++) {
            sb_puts(b, i ? ",{" : "{");
            json_key(b, "key"); put_json_str(b, jh_balance_ind[i].key);
            sb_puts(b, ","); json_key(b, "value"); put_num(b, p->balance[i], "null");
            sb_puts(b, "}");
        }
        sb_puts(b, "]");
    } else {
        for (int i = 0; i < JH_NQUALITY; i++) {
            sb_puts(b, i ? ",{" : "{");
            json_key(b, "key"); put_json_str(b, jh_quality_ind[i].key);
            sb_puts(b, ","); json_key(b, "value"); put_num(b, p->q_value[i], "null");
            sb_puts(b, ","); json_key(b, "threshold"); put_num(b, p->q_threshold[i], "null");
            sb_puts(b, ","); json_key(b, "met"); sb_puts(b, json_bool(p->q_met[i]));
            sb_puts(b, "}");
        }
        sb_puts(b, "],"); json_key(b, "quality_pass"); sb_puts(b, json_bool(p->q_pass));
    }
    sb_puts(b, "}");
}

static void json_stat(strbuf *b, const jh_indicator *ind, const jh_stat *st, int first)
{
    sb_puts(b, first ? "{" : ",{");
    json_key(b, "key"); put_json_str(b, ind->key);
    sb_puts(b, ","); json_key(b, "label"); put_json_str(b, ind->short_label);
    sb_puts(b, ","); json_key(b, "mean"); put_num(b, st->mean, "null");
    sb_puts(b, ","); json_key(b, "cv"); put_num(b, st->cv, "null");
    sb_puts(b, ","); json_key(b, "within"); sb_puts(b, json_bool(st->within));
    sb_puts(b, "}");
}

static void json_level(strbuf *b, const jh_params *cfg, const jh_level_figures *lv)
{
    sb_puts(b, "{");
    json_key(b, "level"); put_json_str(b, level_key(lv->level));
    sb_puts(b, ","); json_key(b, "label"); put_json_str(b, level_label(lv->level));
    sb_puts(b, ","); json_key(b, "schools"); sb_printf(b, "%d", lv->n);
    sb_puts(b, ","); json_key(b, "students"); sb_printf(b, "%ld", lv->students);
    sb_puts(b, ","); json_key(b, "teachers"); sb_printf(b, "%ld", lv->teachers);
    sb_puts(b, ","); json_key(b, "compliance"); sb_puts(b, "[");
    for (int i = 0; i <= JH_NCOMPLIANCE; i++) {
        int all = i == JH_NCOMPLIANCE;
        sb_puts(b, i ? ",{" : "{");
        json_key(b, "key"); put_json_str(b, all ? "all" : jh_compliance_ind[i].key);
        sb_puts(b, ","); json_key(b, "label"); put_json_str(b, all ? "全部达标" : jh_compliance_ind[i].short_label);
        sb_puts(b, ","); json_key(b, "met"); sb_printf(b, "%d", all ? lv->all_met : lv->met[i]);
        sb_puts(b, ","); json_key(b, "total"); sb_printf(b, "%d", lv->n);
        sb_puts(b, ","); json_key(b, "rate"); put_num(b, all ? lv->all_rate : lv->rate[i], "null");
        sb_puts(b, "}");
    }
    sb_puts(b, "],"); json_key(b, "balance"); sb_puts(b, "[");
    if (cfg->scheme == JH_SCHEME_BASIC)
        for (int i = 0; i < JH_NBALANCE; i++) json_stat(b, &jh_balance_ind[i], &lv->bal[i], i == 0);
    else
        for (int i = 0; i < JH_NQUALITY; i++) json_stat(b, &jh_quality_ind[i], &lv->q[i], i == 0);
    sb_puts(b, "],"); json_key(b, "composite_cv");
    put_num(b, cfg->scheme == JH_SCHEME_BASIC ? lv->composite_cv : NAN, "null");
    sb_puts(b, ","); json_key(b, "max_cv"); put_num(b, lv->max_cv, "null");
    sb_puts(b, ","); json_key(b, "balanced"); sb_puts(b, json_bool(lv->balanced));
    if (cfg->scheme == JH_SCHEME_QUALITY) {
        sb_puts(b, ","); json_key(b, "schools_passing"); sb_printf(b, "%d", lv->q_pass);
    }
    sb_puts(b, ","); json_key(b, "schools_detail"); sb_puts(b, "[");
    for (int i = 0; i < lv->n; i++) {
        sb_puts(b, i ? ",\n    " : "\n    ");
        json_part(b, cfg, lv->parts[i]);
    }
    sb_puts(b, "]}");
}

static void print_json(FILE *out, const jh_figures *f)
{
    const jh_params *cfg = f->cfg;
    strbuf b = STRBUF_INIT;
    sb_puts(&b, "{");
    json_key(&b, "county"); put_json_str(&b, cfg->county);
    sb_puts(&b, ","); json_key(&b, "year"); sb_printf(&b, "%d", cfg->year);
    sb_puts(&b, ","); json_key(&b, "title"); put_json_str(&b, cfg->title);
    sb_puts(&b, ","); json_key(&b, "scheme"); put_json_str(&b, scheme_key(cfg->scheme));
    sb_puts(&b, ","); json_key(&b, "encoding"); put_json_str(&b, f->schools->encoding);
    sb_puts(&b, ",\n"); json_key(&b, "levels"); sb_puts(&b, "[\n  ");
    for (int l = 0; l < JH_NLEVELS; l++) {
        if (l) sb_puts(&b, ",\n  ");
        json_level(&b, cfg, &f->level[l]);
    }
    sb_puts(&b, "]}\n");
    fputs(sb_str(&b), out);
    sb_free(&b);
}

/* ---- CSV (long form: one figure per row, for pivot tables) ------------- */

static void csv_text(FILE *out, const char *s) { if (s && *s) csv_fwrite(out, s, strlen(s)); }

static void csv_fig(FILE *out, jh_level l, const char *scope, const jh_school *s, const char *key,
                    const char *label, const char *measure, double v)
{
    strbuf b = STRBUF_INIT;
    put_num(&b, v, "");
    fprintf(out, "%s,%s,", level_key(l), scope);
    csv_text(out, s ? s->code : "");
    fputc(',', out);
    csv_text(out, s ? s->name : "");
    fprintf(out, ",%s,", key);
    csv_text(out, label);
    fprintf(out, ",%s,%s\n", measure, sb_str(&b));
    sb_free(&b);
}

static void print_csv(FILE *out, const jh_figures *f)
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
    tv_value *ctx = report_context(L->fig, &L->cfg->narrative, dl);
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
    "       junheng check --keys [text|md|man]\n"
    "\n"
    "Check the report's configuration and school data and list every problem\n"
    "(file, line, column and a hint) on stderr.\n"
    "\n"
    "  -c, --config FILE   the report's INI file (required)\n"
    "  -q, --quiet         no closing line when all is well\n"
    "      --keys FMT      list every INI section and key junheng knows (text,\n"
    "                      md or man: the reference in the manual) and exit\n"
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
        else print_json(stdout, L.fig);
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
    if (argc >= 2 && !strcmp(argv[1], "--keys")) {
        const char *fmt = argc >= 3 ? argv[2] : "text";
        if (argc > 3 || config_reference(stdout, fmt) != 0) {
            fprintf(stderr, _("junheng check: --keys takes text, md or man\n"));
            return EXIT_USAGE;
        }
        return fflush(stdout) == 0 ? EXIT_OK : EXIT_INPUT;
    }
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
