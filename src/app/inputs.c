/* app: loading and checking — see app.h. */
#include "app/app.h"
#include "common/i18n.h"
#include "common/outfile.h"
#include "common/share.h"
#include "layout/style.h"
#include "common/xalloc.h"

#include <stdlib.h>
#include <string.h>

int app_load(const char *path, const char *data, app_inputs *in, diag_list *dl)
{
    memset(in, 0, sizeof *in);
    in->cfg = config_read(path, CONFIG_REPORT, dl);
    if (in->cfg && data) {
        free(in->cfg->schools_path);
        in->cfg->schools_path = xstrdup(data);
    }
    if (in->cfg) {
        jh_load_opts o = config_load_opts(in->cfg);
        in->schools = schools_load(in->cfg->schools_path, &o, dl);
    }
    if (in->schools) in->fig = figures_compute(&in->cfg->core, in->schools, dl);
    return dl->errors ? -1 : 0;
}

int app_check(const char *path, const char *data, app_inputs *in, diag_list *dl)
{
    int rc = app_load(path, data, in, dl);
    return rc || dl->errors ? -1 : 0;
}

void app_free(app_inputs *in)
{
    figures_free(in->fig);
    schools_free(in->schools);
    config_free(in->cfg);
    memset(in, 0, sizeof *in);
}

char *app_template(app_inputs *in, const char *key, const char *shipped, diag_list *dl)
{
    const char *t = !strcmp(key, "report") ? in->cfg->template_report : in->cfg->template_sheet;
    if (t) return xstrdup(t);
    char *p = share_find(shipped);
    if (!p)
        diag_hint(diag_error(dl, in->cfg->ini_path, 0, 0, _("cannot find the shipped template %s"), shipped),
                  _("set [templates] %s = PATH in the INI file, or reinstall junheng"), key);
    return p;
}

int app_guard_outputs(const app_inputs *in, const layout_style *st, const outfile_input *extra,
                      const char *const *outs, int nouts, diag_list *dl)
{
    outfile_input v[4 + ROLE_COUNT + STYLE_MAX_FALLBACK + 8];
    int n = 0;
    if (in && in->cfg) v[n++] = (outfile_input){in->cfg->ini_path, _("the configuration")};
    if (in && in->cfg) v[n++] = (outfile_input){in->cfg->schools_path, _("the school data")};
    for (int r = 0; st && r < ROLE_COUNT; r++) v[n++] = (outfile_input){st->font[r].path, _("a font")};
    for (int f = 0; st && f < st->nfallback; f++) v[n++] = (outfile_input){st->fallback[f].path, _("a font")};
    for (int k = 0; extra && extra[k].path && n < (int)(sizeof v / sizeof *v); k++) v[n++] = extra[k];
    for (int i = 0; i < nouts; i++)
        if (outfile_not_input(outs[i], v, n, dl) != 0) return -1;
    return 0;
}
