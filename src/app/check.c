/* app: what `check` adds to loading — see app.h (app_dry_run, app_glyphs).
 *
 * `check` must not say ok where `report` or `sheets` then fails.  So it runs
 * them, up to the point where they would write: the report is expanded,
 * laid out with its fonts and subset; every sheet is expanded and laid out
 * with the sheets' fonts; the outputs they would write are looked at.  The
 * one thing it cannot know is an -o given to those commands later.
 * (A character no font has is found by app_glyphs, glyphs.c, which report
 * and sheets run before any layout.)
 */
#include "app/app.h"
#include "common/i18n.h"
#include "common/xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *app_report_path(const app_inputs *in)
{
    if (in->cfg->output) return xstrdup(in->cfg->output);
    return xasprintf("out/%s-%d-report.pdf", in->cfg->core.county, in->cfg->core.year);
}

char *app_sheets_dir(const app_inputs *in)
{
    return xasprintf("out/%s-%d-sheets", in->cfg->core.county, in->cfg->core.year);
}

/* Could `path` be written as a file (dir = 0) or a folder of files (dir =
 * 1)?  It must not be the other kind, and the nearest folder that exists
 * on its way must be writable.  0, or -1 with an error naming `what`. */
static int writable(const char *path, int dir, const char *what, diag_list *dl)
{
    struct stat sb;
    if (stat(path, &sb) == 0) {
        if (!dir && S_ISDIR(sb.st_mode)) {
            diag_hint(diag_error(dl, path, 0, 0, _("%s is a folder, not a file"), what),
                      _("give a file name, e.g. %s/report.pdf"), path);
            return -1;
        }
        if (dir && !S_ISDIR(sb.st_mode)) {
            diag_hint(diag_error(dl, path, 0, 0, _("%s is a file, not a folder"), what),
                      _("give the name of a folder (it is made if it does not exist)"));
            return -1;
        }
        if (access(dir ? path : path, W_OK) != 0) {
            diag_hint(diag_error(dl, path, 0, 0, _("%s cannot be written: %s"), what, strerror(errno)),
                      _("choose a place you may write to"));
            return -1;
        }
        if (dir) return 0;
    }
    /* the nearest existing ancestor */
    char *p = xstrdup(path);
    for (;;) {
        char *slash = strrchr(p, '/');
        if (!slash) { strcpy(p, "."); }
        else if (slash == p) p[1] = 0;
        else *slash = 0;
        if (stat(p, &sb) == 0) break;
        if (!strcmp(p, ".") || !strcmp(p, "/")) break;
    }
    int rc = 0;
    if (stat(p, &sb) == 0 && !S_ISDIR(sb.st_mode)) {
        diag_hint(diag_error(dl, path, 0, 0, _("%s cannot be made: %s is a file"), what, p),
                  _("choose another place, or move that file away"));
        rc = -1;
    } else if (access(p, W_OK) != 0) {
        diag_hint(diag_error(dl, path, 0, 0, _("%s cannot be made in %s: %s"), what, p, strerror(errno)),
                  _("choose a place you may write to"));
        rc = -1;
    }
    free(p);
    return rc;
}

int app_dry_run(app_inputs *in, const char *report_path, const char *sheets_dir, diag_list *dl)
{
    int before = dl->errors;
    char *rp = report_path ? xstrdup(report_path) : app_report_path(in);
    char *sd = sheets_dir ? xstrdup(sheets_dir) : app_sheets_dir(in);
    writable(rp, 0, _("the report's output"), dl);
    writable(sd, 1, _("the sheets' folder"), dl);
    app_report(in, NULL, NULL, NULL, NULL, dl);
    /* the sheets read the same names with their own faces: what the report
     * already said (the same character of the same school) is not repeated */
    diag_list sl;
    diag_init(&sl);
    app_sheets_opts o = {.jobs = 1, .dir = sd, .dry_run = 1};
    app_sheets_result r;
    app_sheets(in, &o, &r, &sl);
    const diag *header = NULL;   /* "school X: its sheet could not be made:" not yet copied */
    for (int i = 0; i < sl.n; i++) {
        const diag *d = &sl.items[i];
        if (!d->file && !d->line) { header = d; continue; }
        int seen = 0;
        for (int k = 0; k < dl->n && !seen; k++)
            seen = dl->items[k].line == d->line && !strcmp(dl->items[k].msg, d->msg);
        if (seen) continue;
        for (const diag *c = header ? header : d; c; c = c == d ? NULL : d) {
            diag *x = diag_add(dl, c->level, c->file, c->line, c->col, "%s", c->msg);
            if (c->hint) diag_hint(x, "%s", c->hint);
        }
        header = NULL;
    }
    if (header && !dl->errors) {   /* a failure with nothing said after it: say it */
        diag *x = diag_add(dl, header->level, header->file, header->line, header->col, "%s", header->msg);
        if (header->hint) diag_hint(x, "%s", header->hint);
    }
    diag_free(&sl);
    free(rp);
    free(sd);
    return dl->errors > before ? -1 : 0;
}
