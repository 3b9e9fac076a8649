/* style — the defaults; see style.h. */
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

static void spec_copy(font_spec *d, const font_spec *s)
{
    d->path = s->path ? xstrdup(s->path) : NULL;
    d->index = s->index;
    d->where = s->where ? xstrdup(s->where) : NULL;
}

void style_copy(layout_style *dst, const layout_style *src)
{
    *dst = *src;
    for (int i = 0; i < ROLE_COUNT; i++) spec_copy(&dst->font[i], &src->font[i]);
    for (int i = 0; i < src->nfallback; i++) spec_copy(&dst->fallback[i], &src->fallback[i]);
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
