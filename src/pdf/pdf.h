/*
 * pdf — write layouts (layout/layout.h) as a PDF with libharu.
 *
 * A PDF is begun, fed one layout after another (each may be freed as soon as
 * it has been added: the pages are turned into compressed content streams at
 * once), and finished into a file or into memory.  Each face is cut down to
 * exactly the characters this PDF draws and embedded once, at the finish, as a
 * CID TrueType font (Identity-H) with a ToUnicode map, so text extracts the
 * same before and after any rewriting tool.
 *
 * The output depends only on its inputs: no /ID, dates from the first
 * layout's date ("YYYY-MM-DD", set to 00:00 +08'00) or else
 * SOURCE_DATE_EPOCH, never the clock.  A pdf_doc is used by one thread; the
 * fontset is only read, so different PDFs may be written from different
 * threads.  Pages are limited by memory only.  Nothing is written to disk but
 * the output (through common/outfile's atomic temporary file).
 */
#ifndef JH_PDF_H
#define JH_PDF_H

#include <stddef.h>
#include "common/diag.h"
#include "layout/fontset.h"
#include "layout/layout.h"

typedef struct pdf_doc pdf_doc;

/* How hard the small streams are compressed: PDF_SMALLEST for a document
 * written once (the report), PDF_FAST for thousands of school sheets.  Font
 * programs are deflated at the same level either way (pdf.c says why). */
typedef enum { PDF_SMALLEST, PDF_FAST } pdf_packing;

/* A new, empty PDF drawing with fs's faces.  Never NULL. */
pdf_doc *pdf_begin(const fontset *fs, pdf_packing packing, diag_list *dl);
/* Document information; NULL keeps what the first layout added gave. */
void pdf_set_meta(pdf_doc *pd, const char *title, const char *author, const char *subject,
                  const char *date);
/* Append lo's pages (and its bookmarks; the first layout also gives the
 * metadata not set by pdf_set_meta).  0 / -1 with a diagnostic; after a
 * failure the PDF can only be abandoned (pdf_finish* then fail too). */
int pdf_add(pdf_doc *pd, const layout *lo);
/* Embed the fonts and write the file atomically (temporary file + rename).
 * Frees pd.  0 / -1. */
int pdf_finish(pdf_doc *pd, const char *path);
/* The same into memory: *out is malloc'd, *len its size.  Frees pd.  0 / -1. */
int pdf_finish_mem(pdf_doc *pd, unsigned char **out, size_t *len);
/* Free pd without writing anything. */
void pdf_abandon(pdf_doc *pd);

/* One layout, one file: begin + add + finish.  0 / -1. */
int pdf_write(const layout *lo, const fontset *fs, pdf_packing packing, const char *path, diag_list *dl);
/* One layout into memory (PDF_SMALLEST).  0 / -1. */
int pdf_render(const layout *lo, const fontset *fs, unsigned char **out, size_t *len, diag_list *dl);

#endif
