/* app: what `check` adds to loading — see app.h (app_dry_run, app_glyphs).
 *
 * `check` must not say ok where `report` or `sheets` then fails.  So it runs
 * them, up to the point where they would write: the report is expanded,
 * laid out with its fonts and subset; every sheet is expanded and laid out
 * with the sheets' fonts; the outputs they would write are looked at.  The
 * one thing it cannot know is an -o given to those commands later.
 *
 * A character no font has is found before any layout, in the text it came
 * from — a school's name (its CSV line) or an INI value (its key) — since
 * the layout can only name the template line that printed it.
 */
#include "app/app.h"
#include "common/i18n.h"
#include "common/utf8.h"
#include "common/xalloc.h"
#include "layout/fontset.h"
#include "layout/style.h"

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

/* The first character of s no face of fs has (in any role a text of the
 * products is set in), or 0. */
static uint32_t missing_char(const fontset *fs, const char *s)
{
    static const font_role roles[] = {ROLE_BODY, ROLE_TABLE, ROLE_TITLE};
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, n - i, &cp);
        if (cp < 0x20) continue;
        for (size_t r = 0; r < sizeof roles / sizeof roles[0]; r++)
            if (fontset_face_for(fs, roles[r], cp) < 0) return cp;
    }
    return 0;
}

static int missing_ini(const app_inputs *in, const fontset *fs, const char *key, const char *v, diag_list *dl)
{
    uint32_t cp = v ? missing_char(fs, v) : 0;
    if (!cp) return 0;
    char ch[5] = {0};
    utf8_encode(cp, ch);
    diag_hint(diag_error(dl, in->cfg->ini_path, config_line(in->cfg, "report", key), 0,
                         _("[report] %s: character “%s” (U+%04X) is in none of the fonts"), key, ch, (unsigned)cp),
              _("add a face that has it to [fonts] fallback, or replace the character"));
    return -1;
}

static int missing_school(const app_inputs *in, const jh_school *s, const fontset *fs, diag_list *dl)
{
    uint32_t cp = missing_char(fs, s->name);
    if (!cp) cp = missing_char(fs, s->code);
    if (!cp) return 0;
    char ch[5] = {0};
    utf8_encode(cp, ch);
    diag_hint(diag_error(dl, in->schools->path, s->line, 0,
                         _("school %s %s: character “%s” (U+%04X) is in none of the fonts"), s->code, s->name, ch,
                         (unsigned)cp),
              _("replace the character in the school data, or add a face that has it to [fonts] fallback"));
    return -1;
}

int app_glyphs(const app_inputs *in, const fontset *fs, int report, diag_list *dl)
{
    int rc = 0;
    const jh_params *p = &in->cfg->core;
    rc |= missing_ini(in, fs, "county", p->county, dl);
    if (!report) return rc;
    rc |= missing_ini(in, fs, "title", p->title, dl);
    rc |= missing_ini(in, fs, "issuer", p->issuer, dl);
    rc |= missing_ini(in, fs, "date", p->date, dl);
    for (int i = 0; i < in->cfg->nfacts; i++) {
        const jh_fact *f = &in->cfg->facts[i];
        uint32_t cp = missing_char(fs, f->value);
        if (!cp) continue;
        char ch[5] = {0};
        utf8_encode(cp, ch);
        diag_hint(diag_error(dl, in->cfg->ini_path, f->line, 0,
                             _("[narrative] %s: character “%s” (U+%04X) is in none of the fonts"), f->key, ch,
                             (unsigned)cp),
                  _("add a face that has it to [fonts] fallback, or replace the character"));
        rc = -1;
    }
    for (int i = 0; in->schools && i < in->schools->n; i++)
        rc |= missing_school(in, &in->schools->items[i], fs, dl);
    return rc;
}

int app_school_glyphs(const app_inputs *in, const char *code, const fontset *fs, diag_list *dl)
{
    int rc = 0;
    for (int l = 0; l < JH_NLEVELS; l++) {
        const jh_part_figures *p = figures_part(in->fig, code, (jh_level)l);
        if (p) rc |= missing_school(in, p->school, fs, dl);
    }
    return rc;
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
