/*
 * cmd_render — `junheng render DOC.md -o OUT.pdf [-c REPORT.ini] [--date YYYY-MM-DD]`
 *
 * Markdown to PDF without any school data: exercises the document model, the
 * layout and the PDF back end on their own.  The INI, when given, is read for
 * [fonts] and [layout] only.
 */
#include "cli/commands.h"
#include "common/i18n.h"
#include "common/fileio.h"
#include "common/diag.h"
#include "common/outfile.h"
#include "common/xalloc.h"
#include "document/markdown.h"
#include "input/ini.h"
#include "layout/layout.h"
#include "layout/style.h"
#include "pdf/pdf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int usage(void)
{
    fputs(_("usage: junheng render DOC.md -o OUT.pdf [-c REPORT.ini] [--date YYYY-MM-DD]\n"), stderr);
    return EXIT_USAGE;
}

int cmd_render(int argc, char **argv)
{
    const char *in = NULL, *out = NULL, *ini_path = NULL, *date = NULL;
    for (int i = 1; i < argc; i++) {
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
    jh_ini *ini = NULL;
    doc *d = NULL;
    fontset *fs = NULL;
    layout *lo = NULL;
    char *text = NULL;
    int rc = EXIT_INPUT;
    if (ini_path) {
        if (!(ini = ini_load(ini_path, &dl)) || style_from_ini(ini, &st, &dl) != 0) goto done;
    }
    size_t len;
    if (!(text = file_read(in, _("the document"), FILE_CAP_TEXT, &len, &dl))) goto done;
    if (!(d = md_to_doc(text, len, in, NULL, &dl))) goto done;
    if (date) doc_set(&d->date, date);
    if (!(fs = style_fontset(&st, &dl))) goto done;
    if (!(lo = layout_doc(d, &st, fs, &dl))) goto done;
    if (fontset_subset(fs, &dl) != 0) goto done;
    if (pdf_write(lo, fs, out, &dl) != 0) goto done;
    if (ini) ini_warn_unused(ini, &dl);
    rc = EXIT_OK;
done:
    diag_print(&dl, stderr);
    layout_free(lo);
    fontset_free(fs);
    doc_free(d);
    free(text);
    ini_free(ini);
    style_free(&st);
    diag_free(&dl);
    return rc;
}
