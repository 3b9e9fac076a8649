/* style — defaults and the INI reader; see style.h. */
#include "layout/style.h"
#include "common/i18n.h"
#include "common/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define UMING  "/usr/share/fonts/truetype/arphic/uming.ttc"
#define UKAI   "/usr/share/fonts/truetype/arphic/ukai.ttc"
#define ZENHEI "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
#define WENKAI "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"

static void spec_set(font_spec *f, const char *path, int index, const char *where)
{
    free(f->path);
    free(f->where);
    f->path = xstrdup(path);
    f->index = index;
    f->where = where ? xstrdup(where) : NULL;
}

void style_default(layout_style *st)
{
    memset(st, 0, sizeof *st);
    st->page_w = 210; st->page_h = 297;
    st->margin_top = 37; st->margin_left = 28;
    st->area_w = 156; st->area_h = 225;
    st->lines = 22; st->chars = 28;
    st->body_size = 16; st->title_size = 22;
    st->table_size = 10.5; st->chart_size = 10.5; st->chart_height = 70;
    st->pagenum_size = 14; st->pagenum_gap = 7; st->page_numbers = 1;
    st->indent = 2;
    /* 宋 for body, table and numbers; 黑 for the title and 一、; 楷 for （一）. */
    spec_set(&st->font[ROLE_TITLE], ZENHEI, 0, NULL);
    spec_set(&st->font[ROLE_BODY], UMING, 0, NULL);
    spec_set(&st->font[ROLE_HEADING1], ZENHEI, 0, NULL);
    spec_set(&st->font[ROLE_HEADING2], UKAI, 0, NULL);
    spec_set(&st->font[ROLE_TABLE], UMING, 0, NULL);
    spec_set(&st->font[ROLE_PAGENUM], UMING, 0, NULL);
    spec_set(&st->fallback[0], WENKAI, 0, NULL);
    st->nfallback = 1;
}

void style_free(layout_style *st)
{
    for (int i = 0; i < ROLE_COUNT; i++) { free(st->font[i].path); free(st->font[i].where); }
    for (int i = 0; i < st->nfallback; i++) { free(st->fallback[i].path); free(st->fallback[i].where); }
    memset(st, 0, sizeof *st);
}

fontset *style_fontset(const layout_style *st, diag_list *dl)
{
    fontset *fs = fontset_new();
    int rc = 0;
    for (int i = 0; i < ROLE_COUNT; i++)
        if (fontset_set_role(fs, (font_role)i, st->font[i].path, st->font[i].index,
                             st->font[i].where, dl) != 0) rc = -1;
    for (int i = 0; i < st->nfallback; i++)
        if (fontset_add_fallback(fs, st->fallback[i].path, st->fallback[i].index,
                                 st->fallback[i].where, dl) != 0) rc = -1;
    if (rc) { fontset_free(fs); return NULL; }
    return fs;
}

/* ---- INI ---- */

/* "PATH" or "PATH:INDEX" (a Windows "C:\..." drive colon is not an index). */
static void parse_spec(jh_ini *ini, const char *key, const char *val, font_spec *f)
{
    char *s = xstrdup(val);
    int index = 0;
    char *colon = strrchr(s, ':');
    if (colon && colon[1] && strspn(colon + 1, "0123456789") == strlen(colon + 1)) {
        index = atoi(colon + 1);
        *colon = 0;
    }
    char *path = ini_resolve_path(ini, s);
    char *where = xasprintf("%s:%d", ini_path(ini), ini_line(ini, "fonts", key));
    spec_set(f, path, index, where);
    free(where);
    free(path);
    free(s);
}

static int get_mm(jh_ini *ini, const char *key, double *v, double lo, double hi, diag_list *dl)
{
    double x;
    if (ini_get_double(ini, "layout", key, *v, &x, dl) < 0) return -1;
    if (x < lo || x > hi) {
        diag_hint(diag_error(dl, ini_path(ini), ini_line(ini, "layout", key), 0,
                             _("[layout] %s = %g is out of range"), key, x),
                  _("use a value from %g to %g"), lo, hi);
        return -1;
    }
    *v = x;
    return 0;
}

int style_from_ini(jh_ini *ini, layout_style *st, diag_list *dl)
{
    int rc = 0;
    struct { const char *key; double *v; double lo, hi; } nums[] = {
        {"page_width", &st->page_w, 50, 2000}, {"page_height", &st->page_h, 50, 2000},
        {"margin_top", &st->margin_top, 0, 500}, {"margin_left", &st->margin_left, 0, 500},
        {"area_width", &st->area_w, 20, 2000}, {"area_height", &st->area_h, 20, 2000},
        {"body_size", &st->body_size, 5, 72}, {"title_size", &st->title_size, 5, 72},
        {"table_size", &st->table_size, 5, 72}, {"chart_size", &st->chart_size, 5, 72},
        {"chart_height", &st->chart_height, 20, 250},
        {"pagenum_size", &st->pagenum_size, 5, 72}, {"pagenum_gap", &st->pagenum_gap, 0, 100},
    };
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++)
        if (get_mm(ini, nums[i].key, nums[i].v, nums[i].lo, nums[i].hi, dl) != 0) rc = -1;
    double lines = st->lines, chars = st->chars, indent = st->indent;
    if (get_mm(ini, "lines", &lines, 5, 100, dl) || get_mm(ini, "chars", &chars, 5, 100, dl) ||
        get_mm(ini, "indent", &indent, 0, 10, dl)) rc = -1;
    st->lines = (int)lines; st->chars = (int)chars; st->indent = (int)indent;
    if (ini_get_bool(ini, "layout", "page_numbers", st->page_numbers, &st->page_numbers, dl) < 0) rc = -1;
    if (st->margin_left + st->area_w > st->page_w || st->margin_top + st->area_h > st->page_h) {
        diag_hint(diag_error(dl, ini_path(ini), ini_line(ini, "layout", "area_width"), 0,
                             _("[layout] the type area does not fit on the page")),
                  _("margin + area must not exceed the page size"));
        rc = -1;
    }
    for (int i = 0; i < ROLE_COUNT; i++) {
        const char *v = ini_get_str(ini, "fonts", font_role_names[i], NULL);
        if (v && *v) parse_spec(ini, font_role_names[i], v, &st->font[i]);
    }
    const char *fb = ini_get_str(ini, "fonts", "fallback", NULL);
    if (fb && *fb) {
        for (int i = 0; i < st->nfallback; i++) { free(st->fallback[i].path); free(st->fallback[i].where); }
        st->nfallback = 0;
        char *list = xstrdup(fb), *save = NULL;
        for (char *tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
            while (*tok == ' ') tok++;
            char *e = tok + strlen(tok);
            while (e > tok && e[-1] == ' ') *--e = 0;
            if (!*tok || st->nfallback == STYLE_MAX_FALLBACK) continue;
            font_spec *f = &st->fallback[st->nfallback++];
            memset(f, 0, sizeof *f);
            parse_spec(ini, "fallback", tok, f);
        }
        free(list);
    }
    return rc;
}
