/* xlsx — see xlsx.h. */
#include "compose/xlsx.h"
#include "common/i18n.h"

#include <stdio.h>

lxw_workbook *xlsx_open(outfile *o, const char *path, lxw_workbook_options *opt, diag_list *dl)
{
    if (outfile_open(o, path, dl) != 0) return NULL;
    fclose(o->f);   /* libxlsxwriter opens the temporary file itself */
    o->f = NULL;
    lxw_workbook *wb = opt ? workbook_new_opt(o->tmp, opt) : workbook_new(o->tmp);
    if (!wb) {
        diag_error(dl, path, 0, 0, _("cannot start the workbook"));
        outfile_abort(o);
    }
    return wb;
}

int xlsx_close(lxw_workbook *wb, lxw_error err, outfile *o, diag_list *dl)
{
    lxw_error e = workbook_close(wb);
    if (!err) err = e;
    if (err) {
        diag_hint(diag_error(dl, o->path, 0, 0, _("cannot write the workbook: %s"), lxw_strerror(err)),
                  _("check that the folder is writable and has free space"));
        outfile_abort(o);
        return -1;
    }
    return outfile_commit(o, dl);
}

double xlsx_text_width(const char *s)
{
    double w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x80) w += 1;
        else if ((*p & 0xC0) != 0x80) w += 2;
    }
    return w;
}
