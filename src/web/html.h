/*
 * html — what the page shows, as HTML fragments: the report's tables and
 * charts exactly as the document holds them (the same cells, spans and
 * shading the PDF prints), and a data file as a table of cells with their
 * file lines.
 */
#ifndef JH_WEB_HTML_H
#define JH_WEB_HTML_H

#include "common/diag.h"
#include "common/strbuf.h"
#include "document/doc.h"

/* s with & < > " ' escaped. */
void html_escape(strbuf *out, const char *s);

/* Every table (as <table>) and chart (as inline <svg>) of d, in order. */
void html_doc_figures(strbuf *out, const doc *d);

/* A data file read for display: UTF-8 cells, row by row, each with the file
 * line it starts on (what the loader's diagnostics name). */
typedef struct web_table {
    char ***rows;    /* rows[r][c] */
    int *ncols;      /* per row */
    int *line;       /* per row */
    int n, cap;
    char *encoding;  /* as the reader says: "UTF-8", "GB18030", "XLSX" ... */
} web_table;

/* Read a CSV file or a workbook's sheet (NULL: the first visible one) with
 * the loader's readers (input/table.h).  0 / -1 with a diagnostic.  Caps:
 * 100,000 rows. */
int web_table_read(const char *path, const char *sheet, web_table *t, diag_list *dl);
void web_table_free(web_table *t);

#endif
