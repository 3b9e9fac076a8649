/*
 * cmd_report — `junheng report`: the annual inspection report as a PDF.
 *
 * The pipeline is app_report (app/app.h); this file reads the command line,
 * chooses the output path and prints the summary line.
 */
#include "cli/commands.h"
#include "common/i18n.h"
#include "app/app.h"
#include "common/xalloc.h"
#include "common/outfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static const char *const help =
    N_("usage: junheng report -c REPORT.ini [-o OUT.pdf] [--quiet]\n"
    "\n"
    "Render the annual 县域义务教育均衡发展工作情况报告 as a PDF.\n"
    "\n"
    "  -c, --config FILE   the report's INI file (required)\n"
    "  -o, --output FILE   the PDF to write; default: [report] output, else\n"
    "                      out/<county>-<year>-report.pdf\n"
    "  -q, --quiet         do not print the summary line\n"
    "\n"
    "The template is [templates] report in the INI file, else the shipped\n"
    "templates/report.md.  Exit codes: 0 written, 1 bad input, 2 bad usage.\n");

static double elapsed_ms(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

int cmd_report(int argc, char **argv)
{
    const char *config = NULL, *out = NULL;
    int quiet = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) { fputs(_(help), stdout); return EXIT_OK; }
        if ((!strcmp(a, "-c") || !strcmp(a, "--config")) && i + 1 < argc) config = argv[++i];
        else if ((!strcmp(a, "-o") || !strcmp(a, "--output")) && i + 1 < argc) out = argv[++i];
        else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) quiet = 1;
        else { fprintf(stderr, _("junheng report: unexpected argument '%s'\n%s"), a, _(help)); return EXIT_USAGE; }
    }
    if (!config) { fprintf(stderr, _("junheng report: -c REPORT.ini is required\n%s"), _(help)); return EXIT_USAGE; }

    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    outfile_install_signal_cleanup();
    diag_list dl;
    diag_init(&dl);
    app_inputs in;
    char *dest = NULL;
    int rc = EXIT_INPUT, pages = 0;

    if (app_load(config, NULL, &in, &dl) != 0) goto done;
    if (out) dest = xstrdup(out);
    else dest = app_report_path(&in);
    if (app_report(&in, dest, NULL, NULL, &pages, &dl) != 0) goto done;
    rc = EXIT_OK;
done:
    diag_print(&dl, stderr);
    if (rc == EXIT_OK && !quiet) {
        struct stat sb;
        long bytes = stat(dest, &sb) == 0 ? (long)sb.st_size : 0;
        fprintf(stderr, _("junheng report: wrote %s (%d pages, %ld bytes) in %.0f ms\n"), dest,
                pages, bytes, elapsed_ms(&t0));
    }
    free(dest);
    app_free(&in);
    diag_free(&dl);
    return rc;
}
