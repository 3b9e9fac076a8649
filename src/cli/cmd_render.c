/*
 * cmd_render — `junheng render DOC.md -o OUT.pdf [-c REPORT.ini] [--date YYYY-MM-DD]`
 *
 * Markdown to PDF without any school data: exercises the document model, the
 * layout and the PDF back end on their own.  The INI, when given, is read for
 * [fonts] and [layout] only.
 */
#include "app/app.h"
#include "cli/commands.h"
#include "common/i18n.h"
#include "common/fileio.h"
#include "common/diag.h"
#include "common/outfile.h"
#include "common/xalloc.h"
#include "document/markdown.h"
#include "config/config.h"
#include "layout/layout.h"
#include "layout/style.h"
#include "pdf/pdf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const help =
    N_("\n"
    "Typeset a Markdown document as a PDF with the report's layout and fonts,\n"
    "without any school data.\n"
    "\n"
    "  -o FILE             the PDF to write (required)\n"
    "  -c REPORT.ini       take [layout] and [fonts] from this INI file\n"
    "      --date DATE     the document's date (YYYY-MM-DD)\n"
    "  -h, --help          this help\n"
    "\n"
    "exit codes: 0 written, 1 bad input, 2 bad usage\n");

static int usage(void)
{
    fputs(_("usage: junheng render DOC.md -o OUT.pdf [-c REPORT.ini] [--date YYYY-MM-DD]\n"), stderr);
    return EXIT_USAGE;
}

int cmd_render(int argc, char **argv)
{
    const char *in = NULL, *out = NULL, *ini_path = NULL, *date = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(_("usage: junheng render DOC.md -o OUT.pdf [-c REPORT.ini] [--date YYYY-MM-DD]\n"), stdout);
            fputs(_(help), stdout);
            return EXIT_OK;
        }
        if (!strcmp(argv[i], "-o") && i + 1 < argc) out = argv[++i];
        else if (!strcmp(argv[i], "-c") && i + 1 < argc) ini_path = argv[++i];
        else if (!strcmp(argv[i], "--date") && i + 1 < argc) date = argv[++i];
        else if (argv[i][0] == '-' && argv[i][1]) return usage();
        else if (!in) in = argv[i];
        else return usage();
    }
    if (!in || !out) return usage();
    outfile_install_signal_cleanup();
    diag_list dl;
    diag_init(&dl);
    layout_style st;
    style_default(&st);
    jh_config *cfg = NULL;
    doc *d = NULL;
    fontset *fs = NULL;
    layout *lo = NULL;
    char *text = NULL;
    int rc = EXIT_INPUT;
    if (ini_path) {
        if (!(cfg = config_read(ini_path, CONFIG_STYLE, &dl))) goto done;
        style_free(&st);
        style_copy(&st, &cfg->style);
    }
    const outfile_input src[] = {{in, _("the document")}, {ini_path, _("the configuration")}, {NULL, NULL}};
    if (app_guard_outputs(NULL, &st, src, &out, 1, &dl) != 0 || outfile_check_for(out, &dl) != 0) goto done;
    size_t len;
    if (!(text = file_read(in, _("the document"), FILE_CAP_TEXT, &len, &dl))) goto done;
    if (!(d = md_to_doc(text, len, in, NULL, &dl))) goto done;
    if (date) doc_set(&d->date, date);
    if (!(fs = style_fontset(&st, &dl))) goto done;
    if (!(lo = layout_doc(d, &st, fs, &dl))) goto done;
    if (pdf_write(lo, fs, PDF_SMALLEST, out, &dl) != 0) goto done;
    rc = EXIT_OK;
done:
    diag_print(&dl, stderr);
    layout_free(lo);
    fontset_free(fs);
    doc_free(d);
    free(text);
    config_free(cfg);
    style_free(&st);
    diag_free(&dl);
    return rc;
}
