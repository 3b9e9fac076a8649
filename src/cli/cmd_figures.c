/*
 * cmd_figures — `junheng figures` prints every computed figure (JSON, CSV,
 * the template names, or an Excel workbook);
 * `junheng check` runs the same loading and checks and only reports.
 *
 * The figures themselves are app_figures_json/_csv/_xlsx (app/app.h);
 * this file reads the command line and prints.
 */
#include "cli/commands.h"
#include "common/i18n.h"
#include "app/app.h"
#include "compose/compose.h"
#include "common/diag.h"
#include "common/json.h"
#include "common/outfile.h"
#include "core/figures.h"
#include "config/config.h"

#include <csv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
static int print_template_names(FILE *out, app_inputs *L, diag_list *dl)
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
    N_("usage: junheng figures -c REPORT.ini [--format json|csv|template|xlsx] [-o FILE]\n"
    "\n"
    "Print every figure computed from the report's configuration and school data:\n"
    "per 学段 the compliance counts and rates, the county means and 差异系数, the\n"
    "composite and the verdict, and every school part's values, thresholds and\n"
    "shortfalls.  Numbers are unrounded.  Problems go to stderr.\n"
    "\n"
    "  -c, --config FILE   the report's INI file (required)\n"
    "  -f, --format FMT    json (default), csv (one figure per row), or template:\n"
    "                      every placeholder the report and sheet templates can\n"
    "                      use, with its value as it will print; or xlsx: an\n"
    "                      Excel workbook of 表1, 表2 and every school (needs -o)\n"
    "  -o, --output FILE   write to FILE (replaced only once complete) instead of\n"
    "                      standard output\n"
    "  -h, --help          this help\n"
    "\n"
    "exit codes: 0 ok, 1 bad configuration or data, 2 bad usage\n");

static const char *const check_help =
    N_("usage: junheng check -c REPORT.ini\n"
    "       junheng check --keys [text|md|man]\n"
    "\n"
    "Check the report's configuration and school data and list every problem\n"
    "(file, line, column and a hint) on stderr: everything report and sheets\n"
    "would do (templates, fonts, layout, where they write) except writing.\n"
    "\n"
    "  -c, --config FILE   the report's INI file (required)\n"
    "  -q, --quiet         no closing line when all is well\n"
    "      --keys FMT      list every INI section and key junheng knows (text,\n"
    "                      md or man: the reference in the manual) and exit\n"
    "  -h, --help          this help\n"
    "\n"
    "exit codes: 0 no problems (warnings allowed), 1 problems found, 2 bad usage\n");

/* Parse -c/--config, (if fmt) --format and -o/--output, and (if quiet)
 * --quiet.  Returns -1 to continue, else an exit code. */
static int parse_args(int argc, char **argv, const char *help, const char **config, const char **fmt,
                      const char **output, int *quiet)
{
    const char *cmd = argv[0];
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **dst = NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) { fputs(help, stdout); return EXIT_OK; }
        if (quiet && (!strcmp(a, "-q") || !strcmp(a, "--quiet"))) { *quiet = 1; continue; }
        if (!strcmp(a, "-c") || !strcmp(a, "--config")) dst = config;
        else if (fmt && (!strcmp(a, "-f") || !strcmp(a, "--format"))) dst = fmt;
        else if (output && (!strcmp(a, "-o") || !strcmp(a, "--output"))) dst = output;
        else if (output && !strncmp(a, "--output=", 9)) { *output = a + 9; continue; }
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
    if (fmt && strcmp(*fmt, "json") && strcmp(*fmt, "csv") && strcmp(*fmt, "template") && strcmp(*fmt, "xlsx")) {
        fprintf(stderr, _("junheng %s: unknown format '%s' (json, csv, template or xlsx)\n"), cmd, *fmt);
        return EXIT_USAGE;
    }
    if (fmt && !strcmp(*fmt, "xlsx") && !*output) {
        fprintf(stderr, _("junheng %s: a workbook is written to a file: add -o FILE.xlsx\n"), cmd);
        return EXIT_USAGE;
    }
    return -1;
}

/* The text formats, to out.  0, or 1 after saying what went wrong. */
static int print_figures(FILE *out, const char *fmt, app_inputs *L, diag_list *dl)
{
    if (!strcmp(fmt, "csv")) { app_figures_csv(out, L->fig); return 0; }
    if (!strcmp(fmt, "template")) return print_template_names(out, L, dl);
    json_writer *w = json_new_file(out);
    int bad = app_figures_json(w, L->fig) != 0;
    if (bad)
        fputs(_("junheng figures: the JSON is incomplete: a text in the configuration or data is not valid UTF-8\n"), stderr);
    json_free(w);
    return bad;
}

int cmd_figures(int argc, char **argv)
{
    const char *config = NULL, *fmt = "json", *output = NULL;
    int rc = parse_args(argc, argv, _(figures_help), &config, &fmt, &output, NULL);
    if (rc >= 0) return rc;
    outfile_install_signal_cleanup();
    diag_list dl;
    diag_init(&dl);
    app_inputs L;
    int bad = app_check(config, NULL, &L, &dl) != 0;
    /* -o over the INI or the data would replace it */
    if (!bad && output && app_guard_outputs(&L, NULL, NULL, &output, 1, &dl) != 0) bad = 1;
    if (!bad && !strcmp(fmt, "xlsx")) {
        bad = app_figures_xlsx(L.fig, output, &dl) != 0;
    } else if (!bad && output) {
        outfile o;   /* to a file: in place only once complete */
        if (outfile_open(&o, output, &dl) != 0) bad = 1;
        else if ((bad = print_figures(o.f, fmt, &L, &dl)) != 0) outfile_abort(&o);
        else bad = outfile_commit(&o, &dl) != 0;
    } else if (!bad) {
        bad = print_figures(stdout, fmt, &L, &dl);
        if (fflush(stdout) != 0) { perror("junheng figures: stdout"); bad = 1; }
    }
    diag_print(&dl, stderr);
    app_free(&L);
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
    int rc = parse_args(argc, argv, _(check_help), &config, NULL, NULL, &quiet);
    if (rc >= 0) return rc;
    diag_list dl;
    diag_init(&dl);
    app_inputs L;
    int bad = app_check(config, NULL, &L, &dl) != 0;
    /* then everything report and sheets would do, except writing */
    if (!bad) bad = app_dry_run(&L, NULL, NULL, &dl) != 0;
    diag_print(&dl, stderr);
    if (!bad && !quiet) {
        int parts = L.schools->n;
        fprintf(stderr, _("%s: ok: %d school part(s) in %s (%s)%s\n"), config, parts, L.cfg->schools_path,
                L.schools->encoding, dl.warnings ? _(", with warnings") : "");
    } else if (bad) {
        fprintf(stderr, _("junheng check: %d problem(s)\n"), dl.errors);
    }
    app_free(&L);
    diag_free(&dl);
    return bad ? EXIT_INPUT : EXIT_OK;
}
