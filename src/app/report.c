/* app: the annual report — see app.h.
 *
 * figures → template context → document → layout → PDF.  The PDF is written
 * only when every stage succeeded (atomically, by pdf_write), or handed over
 * in memory for the workbench. */
#include "app/app.h"
#include "common/i18n.h"
#include "common/outfile.h"
#include "compose/compose.h"
#include "layout/layout.h"
#include "layout/style.h"
#include "pdf/pdf.h"

#include <stdlib.h>

/* The document of the report template at tpl; its context in *context. */
static doc *report_doc_from(app_inputs *in, const char *tpl, tv_value **context, diag_list *dl)
{
    tv_value *ctx = NULL;
    doc *d = NULL;
    if ((ctx = report_context(in->fig, &in->cfg->narrative, dl)) && !dl->errors)
        d = report_doc(in->fig, ctx, tpl, dl);
    if (d && context) *context = ctx;
    else tv_free(ctx);
    return d;
}

doc *app_report_doc(app_inputs *in, tv_value **context, diag_list *dl)
{
    char *tpl = app_template(in, "report", "templates/report.md", dl);
    doc *d = tpl ? report_doc_from(in, tpl, context, dl) : NULL;
    free(tpl);
    return d;
}

int app_report(app_inputs *in, const char *path, unsigned char **pdf, size_t *len, int *pages,
               diag_list *dl)
{
    const layout_style *st = &in->cfg->style;
    doc *d = NULL;
    fontset *fs = NULL;
    layout *lo = NULL;
    char *tpl = NULL;
    int rc = -1;

    if (!(tpl = app_template(in, "report", "templates/report.md", dl))) goto done;
    const outfile_input mine_in[] = {{tpl, _("the report template")}, {NULL, NULL}};
    if (path && app_guard_outputs(in, st, mine_in, &path, 1, dl) != 0) goto done;
    if (path && outfile_check_for(path, dl) != 0) goto done;   /* before the work, not after */
    if (!(d = report_doc_from(in, tpl, NULL, dl))) goto done;
    if (!(fs = style_fontset(st, dl))) goto done;
    if (app_glyphs(in, fs, 1, dl) != 0) goto done;
    /* a reader jumps to 一、… and （一）…: the report's headings are its outline
     * (a shallow copy: the strings stay the configuration's) */
    layout_style ost = *st;
    ost.outline_headings = 1;
    if (!(lo = layout_doc(d, &ost, fs, dl))) goto done;
    if (path ? pdf_write(lo, fs, PDF_SMALLEST, path, dl) != 0
             : pdf ? pdf_render(lo, fs, pdf, len, dl) != 0 : 0) goto done;
    if (pages) *pages = lo->npages;
    rc = 0;
done:
    layout_free(lo);
    fontset_free(fs);
    doc_free(d);
    free(tpl);
    return rc;
}
