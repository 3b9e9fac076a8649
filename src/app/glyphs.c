/* app: characters no font has, named where they came from — see app.h
 * (app_glyphs, app_school_glyphs).
 *
 * The layout can only name the template line that printed a character; the
 * user must fix the school's name (its CSV line) or the INI value (its key).
 * So report and sheets look at those texts against their faces before any
 * layout, and check finds the same through them.
 */
#include "app/app.h"
#include "common/i18n.h"
#include "common/utf8.h"
#include "layout/fontset.h"

#include <string.h>

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

