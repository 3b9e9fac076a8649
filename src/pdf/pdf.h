/*
 * pdf — write a layout (layout/layout.h) as a PDF with libharu.
 *
 * Fonts are the fontset's subset files (fontset_subset must have run after
 * the layout), embedded as CID TrueType with Identity-H.  The output depends
 * only on its inputs: compression on, no /ID, dates from the layout's date
 * ("YYYY-MM-DD", set to 00:00 +08'00) or else SOURCE_DATE_EPOCH, never the
 * clock.  Each call uses its own HPDF_Doc and only reads the layout and the
 * fontset, so different documents may be written from different threads.
 */
#ifndef JH_PDF_H
#define JH_PDF_H

#include <stddef.h>
#include "common/diag.h"
#include "layout/fontset.h"
#include "layout/layout.h"

/* Write lo to path atomically (temporary file + rename).  0 / -1. */
int pdf_write(const layout *lo, const fontset *fs, const char *path, diag_list *dl);
/* Like pdf_write, but each face is subset for exactly what lo draws, in
 * files of its own that are removed afterwards: every document gets the
 * smallest fonts, and the fontset needs neither fontset_subset nor recorded
 * usage.  For many documents written one per file, in parallel. */
int pdf_write_exact(const layout *lo, const fontset *fs, const char *path, diag_list *dl);
/* The same into memory: *out is malloc'd, *len its size.  0 / -1. */
int pdf_render(const layout *lo, const fontset *fs, unsigned char **out, size_t *len, diag_list *dl);

#endif
