/*
 * cmd_sheets — `junheng sheets`: one summary sheet per school.
 *
 * The work is app_sheets (app/app.h); this file reads the command line,
 * chooses the output folder and prints the summary.  A school that fails is
 * reported with its code and skipped; the others are still written, and the
 * exit code is 1.
 */
#include "cli/commands.h"
#include "common/i18n.h"
#include "app/app.h"
#include "common/outfile.h"
#include "common/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char *const help =
    N_("usage: junheng sheets -c REPORT.ini [-o DIR] [--combined FILE.pdf] [--school CODE]... [-j N] [--quiet]\n"
    "\n"
    "Render one summary sheet (学校办学条件达标情况一览) per school.\n"
    "\n"
    "  -c, --config FILE     the report's INI file (required)\n"
    "  -o, --output DIR      folder for one PDF per school (default out/<county>-<year>-sheets)\n"
    "      --combined FILE   instead, write all sheets into one PDF with a bookmark per school\n"
    "      --school CODE     only this school (repeat, or give CODE,CODE,...)\n"
    "  -j, --jobs N          threads (default: the number of processors)\n"
    "  -q, --quiet           no progress and no summary line\n"
    "\n"
    "The template is [templates] sheet in the INI file, else the shipped\n"
    "templates/sheet.md.  Exit codes: 0 all written, 1 bad input or a school failed,\n"
    "2 bad usage.\n");

static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static int add_codes(const char *arg, const char ***want, int *nwant)
{
    char *copy = xstrdup(arg), *save = NULL;
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        *want = xrealloc(*want, (size_t)(*nwant + 1) * sizeof **want);
        (*want)[(*nwant)++] = xstrdup(t);
    }
    free(copy);
    return 0;
}

int cmd_sheets(int argc, char **argv)
{
    const char *config = NULL, *outdir = NULL, *combined = NULL;
    const char **want = NULL;
    int nwant = 0, quiet = 0;
    long jobs = sysconf(_SC_NPROCESSORS_ONLN);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) { fputs(_(help), stdout); return EXIT_OK; }
        if ((!strcmp(a, "-c") || !strcmp(a, "--config")) && more) config = argv[++i];
        else if ((!strcmp(a, "-o") || !strcmp(a, "--output")) && more) outdir = argv[++i];
        else if (!strcmp(a, "--combined") && more) combined = argv[++i];
        else if (!strcmp(a, "--school") && more) add_codes(argv[++i], &want, &nwant);
        else if ((!strcmp(a, "-j") || !strcmp(a, "--jobs")) && more) {
            char *end;
            jobs = strtol(argv[++i], &end, 10);
            if (*end || jobs < 1 || jobs > 256) {
                fprintf(stderr, _("junheng sheets: -j takes a number from 1 to 256\n"));
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) quiet = 1;
        else { fprintf(stderr, _("junheng sheets: unexpected argument '%s'\n%s"), a, _(help)); return EXIT_USAGE; }
    }
    if (!config) { fprintf(stderr, _("junheng sheets: -c REPORT.ini is required\n%s"), _(help)); return EXIT_USAGE; }
    if (jobs < 1) jobs = 1;

    outfile_install_signal_cleanup();
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    diag_list dl;
    diag_init(&dl);
    app_inputs in;
    char *dir = NULL;
    int rc = EXIT_INPUT;
    app_sheets_result r = {0, 0};

    if (app_load(config, NULL, &in, &dl) != 0) goto done;
    if (!combined)
        dir = outdir ? xstrdup(outdir) : app_sheets_dir(&in);
    app_sheets_opts o = {want, nwant, (int)jobs, combined, dir, !quiet && isatty(2), 0};
    rc = app_sheets(&in, &o, &r, &dl) == 0 ? EXIT_OK : EXIT_INPUT;
    if (!quiet && r.written)
        fprintf(stderr, combined ? _("junheng sheets: wrote %d sheet(s) into %s in %.2f s%s\n")
                                 : _("junheng sheets: wrote %d sheet(s) to %s in %.2f s%s\n"),
                r.written, combined ? combined : dir, seconds_since(&t0),
                r.failed ? _("; some schools failed") : "");
done:
    diag_print(&dl, stderr);
    for (int i = 0; i < nwant; i++) free((char *)want[i]);
    free(want);
    free(dir);
    app_free(&in);
    diag_free(&dl);
    return rc;
}
