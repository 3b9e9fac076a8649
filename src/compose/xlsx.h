/*
 * xlsx — what the workbooks junheng writes share (compose/workbook.h, the
 * figures; compose/schools_template.h, the template to fill): a workbook
 * written atomically through libxlsxwriter, and column widths for Chinese
 * text.  Internal to src/compose/.
 */
#ifndef JH_COMPOSE_XLSX_H
#define JH_COMPOSE_XLSX_H

#include <xlsxwriter.h>

#include "common/diag.h"
#include "common/outfile.h"

/* Start a workbook whose file appears at path only when xlsx_close
 * succeeds (libxlsxwriter writes a temporary file beside it, by name).
 * opt may be NULL.  NULL with a diagnostic. */
lxw_workbook *xlsx_open(outfile *o, const char *path, lxw_workbook_options *opt, diag_list *dl);

/* Close wb (always freed) and put the file in place, unless err (the first
 * error of the building calls) or the closing failed: then nothing is left
 * at path.  0, or -1 with a diagnostic naming path. */
int xlsx_close(lxw_workbook *wb, lxw_error err, outfile *o, diag_list *dl);

/* The width of s in Excel's column units: a CJK character counts two. */
double xlsx_text_width(const char *s);

#endif
