/* app: loading and checking — see app.h. */
#include "app/app.h"
#include "common/i18n.h"
#include "common/outfile.h"
#include "common/share.h"
#include "common/strbuf.h"
#include "common/utf8.h"
#include "layout/style.h"
#include "common/xalloc.h"

#include <stdint.h>
#include <stdio.h>
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

static int hexval(int c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The /Subject of a PDF junheng wrote (libharu: <FEFF…> UTF-16BE hex), as
 * UTF-8; NULL if there is none.  Reads at most the first 8 MB. */
static char *pdf_subject(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) return NULL;
    size_t cap = 8u << 20;
    char *buf = xmalloc(cap + 1);
    size_t n = fread(buf, 1, cap, fp);
    fclose(fp);
    buf[n] = 0;
    char *res = NULL;
    const char *key = "/Subject <FEFF";
    for (size_t i = 0; i + strlen(key) < n; i++) {
        if (memcmp(buf + i, key, strlen(key)) != 0) continue;
        strbuf b = STRBUF_INIT;
        const char *h = buf + i + strlen(key);
        for (; h + 4 <= buf + n && hexval(h[0]) >= 0; h += 4) {
            int d[4];
            for (int k = 0; k < 4; k++) d[k] = hexval(h[k]);
            if (d[0] < 0 || d[1] < 0 || d[2] < 0 || d[3] < 0) break;
            uint32_t u = (uint32_t)(d[0] << 12 | d[1] << 8 | d[2] << 4 | d[3]);
            if (u >= 0xD800 && u < 0xDC00 && h + 8 <= buf + n) {  /* a surrogate pair */
                uint32_t lo = 0;
                for (int k = 4; k < 8; k++) lo = lo << 4 | (uint32_t)(hexval(h[k]) & 15);
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                h += 4;
            }
            char enc[4];
            sb_add(&b, enc, (size_t)utf8_encode(u, enc));
        }
        res = sb_take(&b);
        break;
    }
    free(buf);
    return res;
}

void app_warn_overwrite(const app_inputs *in, const char *path, diag_list *dl)
{
    char *subject = pdf_subject(path);
    if (!subject) return;
    char *mine = xasprintf("%s%d年度", in->cfg->core.county, in->cfg->core.year);
    if (strncmp(subject, mine, strlen(mine)) != 0)
        diag_hint(diag_warning(dl, path, 0, 0, _("this file holds another report (%s); it is replaced"), subject),
                  _("two counties (or years) should not share an output file: give another -o, or leave "
                    "[report] output out of %s so that the PDF is named after its county and year"),
                  in->cfg->ini_path);
    free(mine);
    free(subject);
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
