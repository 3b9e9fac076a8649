/*
 * style — the page geometry, sizes and fonts of a layout.  The defaults are
 * GB/T 9704-2012 (domain.md §4): A4, top 37 mm, left 28 mm, type area
 * 156 x 225 mm, 22 lines x 28 characters of 16 pt, title 22 pt, page numbers
 * "— N —" 14 pt 7 mm below the type area.  A plain struct: src/config/
 * fills it from [layout] and [fonts] in the INI; the layout reads no file.
 */
#ifndef JH_STYLE_H
#define JH_STYLE_H

#include "common/diag.h"
#include "layout/fontset.h"

typedef struct font_spec {
    char *path;   /* owned */
    int index;    /* face in a collection */
    char *where;  /* "file:line" it came from, or NULL for the default (owned) */
} font_spec;

#define STYLE_MAX_FALLBACK 8

typedef struct layout_style {
    double page_w, page_h;           /* mm */
    double margin_top, margin_left;  /* mm */
    double area_w, area_h;           /* type area, mm */
    int lines, chars;                /* grid: lines per page, characters per line */
    double body_size;                /* pt */
    double title_size;               /* pt */
    double table_size;               /* pt */
    double chart_size;               /* pt, labels in charts */
    double chart_height;             /* mm */
    double pagenum_size;             /* pt */
    double pagenum_gap;              /* mm between type area and page number */
    int page_numbers;                /* 0: none */
    int indent;                      /* first-line indent, characters */
    int outline_headings;            /* headings of levels 1..2 become bookmarks (0: none) */
    font_spec font[ROLE_COUNT];
    font_spec fallback[STYLE_MAX_FALLBACK];
    int nfallback;
} layout_style;

/* GB/T 9704 defaults and the Debian default faces. */
void style_default(layout_style *st);
void style_free(layout_style *st);
/* dst = a deep copy of src (dst need not be initialised). */
void style_copy(layout_style *dst, const layout_style *src);
/* Open every face of st into a new fontset.  NULL with diagnostics. */
fontset *style_fontset(const layout_style *st, diag_list *dl);

#endif
