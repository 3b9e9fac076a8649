/*
 * layout — a document (doc.h) set into pages of drawing operations, with a
 * style (style.h) and a fontset (fontset.h).  The result is independent of
 * the PDF library: pdf_write (pdf/pdf.h) turns it into a file.
 *
 * Every glyph the layout draws is recorded in the fontset (fontset_use), so
 * lay out every document that shares a fontset first, then subset once.
 * Coordinates are PDF points, origin at the bottom-left of the page.
 */
#ifndef JH_LAYOUT_H
#define JH_LAYOUT_H

#include "common/diag.h"
#include "document/doc.h"
#include "layout/fontset.h"
#include "layout/style.h"

typedef enum { OP_TEXT, OP_LINE, OP_RECT, OP_BOOKMARK } lay_op_type;

typedef struct lay_op {
    lay_op_type type;
    double x, y;        /* TEXT: baseline start; LINE: start; RECT: lower-left; BOOKMARK: top */
    double x2, y2;      /* LINE: end; RECT: width, height */
    /* TEXT */
    int face;
    double size, cs;    /* font size, character spacing (Tc) */
    char *text;         /* TEXT: UTF-8 glyphs; BOOKMARK: title (owned) */
    /* LINE / RECT */
    double lw;          /* line width; 0: no stroke */
    double gray;        /* RECT fill grey (0 black .. 1 white); <0: no fill */
    int dash;           /* LINE: dashed */
    int level;          /* BOOKMARK: outline depth (0 = top) */
} lay_op;

typedef struct lay_page {
    lay_op *ops;
    int n, cap;
} lay_page;

typedef struct layout {
    double page_w, page_h;   /* pt */
    lay_page *pages;
    int npages, cap;
    /* metadata copied from the doc */
    char *title, *author, *subject, *date;
} layout;

/* Lay out d.  NULL with diagnostics on error (e.g. a character no face has:
 * named with its code point and d->file:line). */
layout *layout_doc(const doc *d, const layout_style *st, fontset *fs, diag_list *dl);
void layout_free(layout *lo);

#endif
