/* app: loading and checking — see app.h. */
#include "app/app.h"
#include "common/i18n.h"
#include "common/share.h"

#include "common/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Sections read by stages other than the core. */
static const char *const stage_sections[] = {"fonts", "layout", "narrative", "templates", "sheets", NULL};

int app_load(const char *path, const char *data, app_inputs *in, diag_list *dl)
{
    memset(in, 0, sizeof *in);
    in->ini = ini_load(path, dl);
    if (!in->ini) return -1;
    in->cfg = config_load(in->ini, dl);
    if (in->cfg && data) {
        free(in->cfg->schools_path);
        in->cfg->schools_path = xstrdup(data);
    }
    if (in->cfg) {
        jh_load_opts o = config_load_opts(in->cfg);
        in->schools = schools_load(in->cfg->schools_path, &o, dl);
    }
    if (in->schools) in->fig = figures_compute(in->cfg, in->schools, dl);
    return dl->errors ? -1 : 0;
}

int app_check(const char *path, const char *data, app_inputs *in, diag_list *dl)
{
    int rc = app_load(path, data, in, dl);
    app_allow_other(in, NULL);
    if (in->ini) ini_warn_unused(in->ini, dl);
    return rc || dl->errors ? -1 : 0;
}

void app_allow_other(app_inputs *in, const char *const *except)
{
    if (!in->ini) return;
    for (int i = 0; stage_sections[i]; i++) {
        int skip = 0;
        for (int k = 0; except && except[k]; k++)
            if (!strcmp(except[k], stage_sections[i])) skip = 1;
        if (!skip) ini_allow_section(in->ini, stage_sections[i]);
    }
}

void app_free(app_inputs *in)
{
    figures_free(in->fig);
    schools_free(in->schools);
    config_free(in->cfg);
    ini_free(in->ini);
    memset(in, 0, sizeof *in);
}

char *app_template(app_inputs *in, const char *key, const char *shipped, diag_list *dl)
{
    const char *t = ini_get_str(in->ini, "templates", key, NULL);
    if (t && *t) return ini_resolve_path(in->ini, t);
    char *p = share_find(shipped);
    if (!p)
        diag_hint(diag_error(dl, ini_path(in->ini), 0, 0, _("cannot find the shipped template %s"), shipped),
                  _("set [templates] %s = PATH in the INI file, or reinstall junheng"), key);
    return p;
}
