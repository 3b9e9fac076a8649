/* app: the annual report — see app.h.
 *
 * figures → template context → document → layout → PDF.  The PDF is written
 * only when every stage succeeded (atomically, by pdf_write), or handed over
 * in memory for the workbench. */
#include "app/app.h"
#include "compose/compose.h"
#include "layout/layout.h"
#include "layout/style.h"
#include "pdf/pdf.h"

#include <stdlib.h>

int app_report(app_inputs *in, const char *path, unsigned char **pdf, size_t *len, int *pages,
               diag_list *dl)
{
    layout_style st;
    style_default(&st);
    tv_value *ctx = NULL;
    doc *d = NULL;
    fontset *fs = NULL;
    layout *lo = NULL;
    char *tpl = NULL;
    int rc = -1;

    static const char *const mine[] = {"fonts", "layout", "narrative", "templates", NULL};
    app_allow_other(in, mine);
    if (style_from_ini(in->ini, &st, dl) != 0) goto done;
    if (!(tpl = app_template(in, "report", "templates/report.md", dl))) goto done;
    ini_get_str(in->ini, "templates", "sheet", NULL);  /* the sheets' template: known here too */
    if (!(ctx = report_context(in->fig, in->ini, dl)) || dl->errors) goto done;
    if (!(d = report_doc(in->fig, ctx, tpl, dl))) goto done;
    if (!(fs = style_fontset(&st, dl))) goto done;
    if (!(lo = layout_doc(d, &st, fs, dl))) goto done;
    if (fontset_subset(fs, dl) != 0) goto done;
    ini_warn_unused(in->ini, dl);
    if (path ? pdf_write(lo, fs, path, dl) : pdf_render(lo, fs, pdf, len, dl)) goto done;
    if (pages) *pages = lo->npages;
    rc = 0;
done:
    layout_free(lo);
    fontset_free(fs);
    doc_free(d);
    tv_free(ctx);
    free(tpl);
    style_free(&st);
    return rc;
}
