/*
 * cmd_init — `junheng init DIR`: a county's folder, ready to fill
 * (app_init in app/app.h makes it; this file reads the command line and
 * says what to do next).
 */
#include "cli/commands.h"
#include "app/app.h"
#include "common/diag.h"
#include "common/i18n.h"
#include "common/outfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const init_help =
    N_("usage: junheng init DIR [--county NAME] [--year N] [--scheme basic|quality]\n"
    "\n"
    "Make DIR ready for a county's report: report.ini (every setting, commented),\n"
    "practices.md (the county's own words, to write) and schools.xlsx (a template\n"
    "to fill in Excel or WPS, one row per school part, with a sheet explaining\n"
    "each column).  DIR is created if missing; an existing file is never replaced.\n"
    "\n"
    "  --county NAME       the county's name as the report prints it\n"
    "  --year N            the year the report is about\n"
    "  --scheme S          basic (基本均衡, default) or quality (优质均衡)\n"
    "  -h, --help          this help\n"
    "\n"
    "exit codes: 0 ok, 1 a file exists or cannot be written, 2 bad usage\n");

int cmd_init(int argc, char **argv)
{
    const char *dir = NULL, *year = NULL, *scheme = "basic";
    app_init_opts o = {NULL, 0, 0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **dst = NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) { fputs(_(init_help), stdout); return EXIT_OK; }
        if (!strcmp(a, "--county")) dst = &o.county;
        else if (!strcmp(a, "--year")) dst = &year;
        else if (!strcmp(a, "--scheme")) dst = &scheme;
        else if (a[0] == '-' && a[1]) {
            fprintf(stderr, _("junheng %s: unknown argument '%s'\n%s"), "init", a, _(init_help));
            return EXIT_USAGE;
        } else if (!dir) { dir = a; continue; }
        else {
            fprintf(stderr, _("junheng init: one folder only ('%s' and '%s')\n"), dir, a);
            return EXIT_USAGE;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, _("junheng %s: %s needs a value\n"), "init", a);
            return EXIT_USAGE;
        }
        *dst = argv[++i];
    }
    if (!dir) {
        fprintf(stderr, _("junheng init: name the folder to make ready\n%s"), _(init_help));
        return EXIT_USAGE;
    }
    if (year) {
        char *end;
        long y = strtol(year, &end, 10);
        if (*end || end == year || y < 1990 || y > 2100) {
            fprintf(stderr, _("junheng init: --year takes a year from 1990 to 2100, not '%s'\n"), year);
            return EXIT_USAGE;
        }
        o.year = (int)y;
    }
    if (!strcmp(scheme, "quality")) o.quality = 1;
    else if (strcmp(scheme, "basic")) {
        fprintf(stderr, _("junheng init: --scheme is basic or quality, not '%s'\n"), scheme);
        return EXIT_USAGE;
    }
    if (o.county && (!*o.county || strpbrk(o.county, "\n\r;#[]="))) {
        fprintf(stderr, _("junheng init: --county takes the county's name as printed, without ; # [ ] = or line breaks\n"));
        return EXIT_USAGE;
    }
    outfile_install_signal_cleanup();
    diag_list dl;
    diag_init(&dl);
    int rc = app_init(dir, &o, &dl);
    diag_print(&dl, stderr);
    diag_free(&dl);
    if (rc != 0) return EXIT_INPUT;
    fprintf(stderr, _("junheng init: %s is ready: report.ini, practices.md, schools.xlsx\n"
                      "next: fill in schools.xlsx, the province's standards in report.ini and the\n"
                      "county's own words in practices.md, then run\n"
                      "  junheng check -c %s/report.ini\n"), dir, dir);
    return EXIT_OK;
}
