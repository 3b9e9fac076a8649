/*
 * cmd_diff — `junheng diff`: what a correction changes in the report.
 *
 * Loads two runs — two INI files, or one INI file with its data and an older
 * CSV (--old-data) — computes both, and prints what core/compare.h finds:
 * configuration values, data values per school part, parts added or removed,
 * the report's figures at display precision, and the verdicts that flip.
 * Text (aligned, Chinese labels) by default; --format json for tools.
 *
 * Exit: 0 nothing in the report changes, 3 something does, 1 bad input,
 * 2 bad usage.
 */
#include "cli/commands.h"
#include "app/app.h"
#include "common/i18n.h"
#include "common/strbuf.h"
#include "common/utf8.h"
#include "common/xalloc.h"
#include "core/compare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *help_text(void)
{
    return _("usage: junheng diff -c OLD.ini -c NEW.ini [--format text|json] [--quiet]\n"
             "       junheng diff -c REPORT.ini --old-data OLD.csv [--format text|json] [--quiet]\n"
             "\n"
             "Show what a correction changes: the school data that differ (per school\n"
             "code and 学段), the report's figures that change as printed (counts, rates,\n"
             "county means, 差异系数, the composite, school values) and every verdict that\n"
             "flips (a school meets or misses a standard, a CV crosses its limit, a 学段\n"
             "is balanced or not).  Schools added or removed are listed too.\n"
             "\n"
             "  -c, --config FILE     the old, then the new INI file; once with --old-data\n"
             "      --old-data FILE   the previous school CSV, read with REPORT.ini's settings\n"
             "  -f, --format FMT      text (default) or json\n"
             "  -q, --quiet           no summary line on stderr\n"
             "  -h, --help            this help\n"
             "\n"
             "exit codes: 0 the report does not change, 3 it changes, 1 bad input,\n"
             "2 bad usage\n");
}

typedef struct args {
    const char *config[2];
    int nconfig;
    const char *old_data, *format;
    int quiet;
} args;

/* Returns -1 to go on, else the exit code. */
static int parse(int argc, char **argv, args *A)
{
    memset(A, 0, sizeof *A);
    A->format = "text";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], **dst = NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) { fputs(help_text(), stdout); return EXIT_OK; }
        if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) { A->quiet = 1; continue; }
        if (!strcmp(a, "-c") || !strcmp(a, "--config")) {
            if (A->nconfig == 2) {
                fprintf(stderr, _("junheng diff: at most two configurations (-c OLD.ini -c NEW.ini)\n"));
                return EXIT_USAGE;
            }
            dst = &A->config[A->nconfig++];
        } else if (!strcmp(a, "--old-data")) dst = &A->old_data;
        else if (!strcmp(a, "-f") || !strcmp(a, "--format")) dst = &A->format;
        else {
            fprintf(stderr, _("junheng diff: unknown argument '%s'\n"), a);
            fputs(help_text(), stderr);
            return EXIT_USAGE;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, _("junheng diff: %s needs a value\n"), a);
            return EXIT_USAGE;
        }
        *dst = argv[++i];
    }
    if (strcmp(A->format, "text") && strcmp(A->format, "json")) {
        fprintf(stderr, _("junheng diff: unknown format '%s' (text or json)\n"), A->format);
        return EXIT_USAGE;
    }
    if (A->old_data ? A->nconfig != 1 : A->nconfig != 2) {
        fprintf(stderr, "%s", _("junheng diff: give two configurations (-c OLD.ini -c NEW.ini), "
                                "or one with --old-data OLD.csv\n"));
        fputs(help_text(), stderr);
        return EXIT_USAGE;
    }
    return -1;
}

/* ---- text --------------------------------------------------------------- */

/* Columns a string takes on a terminal: CJK and full-width forms take two. */
static int width(const char *s)
{
    int w = 0;
    size_t n = strlen(s);
    while (n) {
        uint32_t cp;
        int k = utf8_decode(s, n, &cp);
        s += k;
        n -= (size_t)k;
        int wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                   (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                   (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                   (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000;
        w += wide ? 2 : 1;
    }
    return w;
}

static void pad(FILE *f, const char *s, int to)
{
    fputs(s, f);
    for (int w = width(s); w < to; w++) fputc(' ', f);
}

/* The heading of a group of lines: "小学 全县" or "CODE 名称（小学）". */
static char *group_of(const jh_change *c)
{
    if (c->level < 0) return xstrdup(_("whole report"));
    if (!c->code) return xasprintf("%s %s", level_label((jh_level)c->level), _("county"));
    return xasprintf("%s %s（%s）", c->code, c->name ? c->name : "", level_label((jh_level)c->level));
}

static void print_section(FILE *f, const jh_diff *d, jh_change_kind k, const char *title)
{
    if (!d->count[k]) return;
    int wl = 0, wo = 0;
    for (int i = 0; i < d->n; i++) {
        const jh_change *c = &d->items[i];
        if (c->kind != k) continue;
        if (width(c->label) > wl) wl = width(c->label);
        if (c->old_s && width(c->old_s) > wo) wo = width(c->old_s);
    }
    fprintf(f, "%s\n", title);
    char *last = NULL;
    for (int i = 0; i < d->n; i++) {
        const jh_change *c = &d->items[i];
        if (c->kind != k) continue;
        if (k == JH_CH_SCHOOL) {
            fprintf(f, "  %s %s %s（%s）\n", c->new_s ? "+" : "-", c->code, c->new_s ? c->new_s : c->old_s,
                    c->label);
            continue;
        }
        char *g = group_of(c);
        if (!last || strcmp(last, g)) fprintf(f, "  %s\n", g);
        free(last);
        last = g;
        fputs("    ", f);
        pad(f, c->label, wl + 2);
        pad(f, c->old_s, wo);
        fprintf(f, " → %s\n", c->new_s);
    }
    free(last);
}

static void print_text(FILE *f, const jh_diff *d)
{
    static const struct { jh_change_kind k; const char *title; } sec[] = {
        {JH_CH_CONFIG, N_("Configuration changes:")},
        {JH_CH_DATA, N_("School data changes:")},
        {JH_CH_SCHOOL, N_("School parts added (+) or removed (-):")},
        {JH_CH_FIGURE, N_("Report figures that change:")},
        {JH_CH_VERDICT, N_("Verdicts that flip:")},
    };
    int first = 1;
    for (size_t i = 0; i < sizeof sec / sizeof sec[0]; i++) {
        if (!d->count[sec[i].k]) continue;
        if (!first) fputc('\n', f);
        first = 0;
        print_section(f, d, sec[i].k, _(sec[i].title));
    }
}

/* ---- the command -------------------------------------------------------- */

int cmd_diff(int argc, char **argv)
{
    args A;
    int rc = parse(argc, argv, &A);
    if (rc >= 0) return rc;
    diag_list dl;
    diag_init(&dl);
    app_inputs L[2];
    memset(L, 0, sizeof L);
    jh_schools *old_schools = NULL;
    jh_figures *old_fig = NULL;
    const jh_figures *fa = NULL, *fb = NULL;
    rc = EXIT_INPUT;
    if (A.old_data) {
        if (app_check(A.config[0], NULL, &L[1], &dl) != 0) goto done;
        jh_load_opts o = config_load_opts(L[1].cfg);
        if (!(old_schools = schools_load(A.old_data, &o, &dl))) goto done;
        if (!(old_fig = figures_compute(&L[1].cfg->core, old_schools, &dl))) goto done;
        fa = old_fig;
    } else {
        int bad = app_check(A.config[0], NULL, &L[0], &dl) != 0;
        bad |= app_check(A.config[1], NULL, &L[1], &dl) != 0;  /* report both files' problems */
        if (bad) goto done;
        fa = L[0].fig;
    }
    fb = L[1].fig;
    if (dl.errors) goto done;

    jh_diff d;
    compare_figures(fa, fb, &d);
    int changed = compare_report_changed(&d);
    int bad = 0;
    if (!strcmp(A.format, "json")) {
        json_writer *w = json_new_file(stdout);
        if ((bad = app_diff_json(w, &d) != 0))
            fputs(_("junheng diff: the JSON is incomplete: a text in the configuration or data is not valid UTF-8\n"), stderr);
        json_free(w);
    } else print_text(stdout, &d);
    rc = changed ? EXIT_CHANGED : EXIT_OK;
    if (bad) rc = EXIT_INPUT;
    else if (fflush(stdout) != 0) { perror("junheng diff: stdout"); rc = EXIT_INPUT; }
    else if (!A.quiet) {
        if (!d.n) fprintf(stderr, "%s", _("junheng diff: no changes\n"));
        else
            fprintf(stderr, _("junheng diff: %d data value(s), %d school part(s) added or removed, "
                              "%d figure(s) and %d verdict(s) change%s\n"),
                    d.count[JH_CH_DATA], d.count[JH_CH_SCHOOL], d.count[JH_CH_FIGURE], d.count[JH_CH_VERDICT],
                    changed ? "" : _(" (nothing printed in the report)"));
    }
    compare_free(&d);
done:
    diag_print(&dl, stderr);
    figures_free(old_fig);
    schools_free(old_schools);
    app_free(&L[0]);
    app_free(&L[1]);
    diag_free(&dl);
    return rc;
}
