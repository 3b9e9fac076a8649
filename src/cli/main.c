/*
 * junheng — county compulsory-education balance reports as print-ready PDFs.
 *
 * main only dispatches to a command (commands.h); each command lives in its
 * own file under src/cli/.
 */
#include "cli/commands.h"
#include "common/i18n.h"

#include <locale.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static const struct {
    const char *name;
    int (*run)(int, char **);
    const char *summary;
} commands[] = {
    {"report", cmd_report, N_("render the annual inspection report as PDF")},
    {"sheets", cmd_sheets, N_("render one summary sheet per school")},
    {"figures", cmd_figures, N_("print every computed figure (JSON or CSV)")},
    {"check", cmd_check, N_("validate the configuration and the school data")},
    {"diff", cmd_diff, N_("show what a correction changes in the report")},
    {"render", cmd_render, N_("typeset a Markdown document as PDF (no school data)")},
    {"init", cmd_init, N_("make a folder ready for a county: report.ini, practices.md, schools.xlsx")},
    {"serve", cmd_serve, N_("serve the workbench web page (loopback by default)")},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *f)
{
    fputs(_("usage: junheng COMMAND [OPTIONS]\n\ncommands:\n"), f);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(f, "  %-8s %s\n", commands[i].name, _(commands[i].summary));
    fputs(_("\n'junheng COMMAND --help' describes a command; 'junheng --version' prints the version.\n"
            "exit codes: 0 ok, 1 bad input, 2 bad usage, 3 (diff) the report changes\n"), f);
}

int main(int argc, char **argv)
{
    /* A locale the system lacks (zh_CN.UTF-8 is often not generated) leaves
     * "C", where gettext ignores LANGUAGE; C.UTF-8 always exists on Debian
     * and lets LANGUAGE=zh_CN still choose the Chinese messages. */
    if (!setlocale(LC_ALL, "")) {
        setlocale(LC_ALL, "C.UTF-8");
        /* ... and the language the user asked for still picks the messages */
        const char *want = getenv("LC_ALL");
        if (!want || !*want) want = getenv("LC_MESSAGES");
        if (!want || !*want) want = getenv("LANG");
        const char *language = getenv("LANGUAGE");
        if (want && *want && (!language || !*language)) setenv("LANGUAGE", want, 1);
    }
    i18n_init();
    if (argc < 2) { usage(stderr); return EXIT_USAGE; }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return EXIT_OK;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("junheng %s\n", JH_VERSION);
        return EXIT_OK;
    }
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (!strcmp(argv[1], commands[i].name)) return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, _("junheng: unknown command '%s'\n"), argv[1]);
    usage(stderr);
    return EXIT_USAGE;
}
