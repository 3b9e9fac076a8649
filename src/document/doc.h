/*
 * doc — the document model: an ordered list of blocks, independent of how
 * they were produced (Markdown, the report generator, per-school sheets) and
 * of how they are laid out.
 *
 * Blocks: title, heading (levels 1..4, text printed as written), paragraph
 * (inline runs), list (items are paragraphs), table, page break, signature
 * (issuer + date), bookmark (an outline entry at this position) and chart
 * (a vector bar chart: categories x groups of values).
 *
 * Builders return the new block (owned by the doc); the structs are public
 * for reading.  Every string is UTF-8 and copied.  `line`/`col` on a block
 * (0 = unknown) are where it came from in doc->file, used in diagnostics.
 */
#ifndef JH_DOC_H
#define JH_DOC_H

#include <stddef.h>

typedef enum {
    DOC_TITLE, DOC_HEADING, DOC_PARAGRAPH, DOC_LIST, DOC_TABLE,
    DOC_PAGE_BREAK, DOC_SIGNATURE, DOC_BOOKMARK, DOC_CHART
} doc_block_type;

typedef enum { RUN_PLAIN, RUN_STRONG, RUN_RUNIN } doc_run_kind;
typedef enum { ALIGN_DEFAULT, ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT } doc_align;

typedef struct doc_run {
    doc_run_kind kind;
    char *text;
} doc_run;

typedef struct doc_para {
    doc_run *runs;
    int nruns, cap;
} doc_para;

typedef struct doc_cell {
    char *text;          /* "" for an empty cell */
    int rowspan, colspan;/* >= 1 */
    int covered;         /* 1 if inside another cell's span (not drawn) */
    int shaded;          /* 1: drawn on a grey ground (e.g. a failed value) */
    doc_align align;     /* ALIGN_DEFAULT: the column's alignment */
} doc_cell;

typedef struct doc_table {
    char *caption;       /* NULL: none */
    int ncols, nrows, cap;
    doc_cell *cells;     /* nrows * ncols, row-major */
    int header_rows;     /* repeated at the top of every page the table continues on */
    doc_align *col_align;/* ncols */
    double font_size;    /* 0: the style's table size */
    char *diag_top, *diag_bottom; /* diagonal corner cell (0,0): top-right and bottom-left labels; NULL: none */
} doc_table;

typedef struct doc_chart_group {
    char *name;          /* legend text, e.g. 小学 */
    double *values;      /* ncat values */
    int has_ref;         /* a horizontal reference line */
    double ref;
    char *ref_label;     /* e.g. "0.65"; NULL: the value itself */
} doc_chart_group;

typedef struct doc_chart {
    char *caption;       /* NULL: none */
    int ncat;
    char **cats;         /* category labels */
    int ngroups;
    doc_chart_group *groups;
    int decimals;        /* value labels and ticks: digits after the point */
    double height_mm;    /* plot height; 0: style default */
    double ymax;         /* 0: from the data */
} doc_chart;

typedef struct doc_block {
    doc_block_type type;
    int line, col;
    int level;           /* heading 1..4, bookmark 0.. (outline depth) */
    char *text;          /* title, heading, bookmark title, signature issuer */
    char *text2;         /* signature date */
    doc_para para;       /* paragraph */
    int ordered, start;  /* list */
    struct doc_block **items; int nitems, icap; /* list items: paragraphs */
    doc_table table;
    doc_chart chart;
} doc_block;

typedef struct doc {
    char *file;          /* source name for diagnostics; may be NULL */
    char *title, *author, *subject; /* PDF metadata; may be NULL */
    char *date;          /* "YYYY-MM-DD" for the PDF dates; NULL: SOURCE_DATE_EPOCH or none */
    doc_block **blocks;
    int n, cap;
} doc;

doc *doc_new(const char *file);
void doc_free(doc *d);
/* Move every block of src to the end of dst and free src (its metadata is
 * dropped).  For building one document out of many, e.g. combined sheets. */
void doc_append(doc *dst, doc *src);
/* Set a metadata string (field is &d->title etc.); NULL clears. */
void doc_set(char **field, const char *value);

doc_block *doc_add_title(doc *d, const char *text);
doc_block *doc_add_heading(doc *d, int level, const char *text);
doc_block *doc_add_paragraph(doc *d);
void doc_para_add(doc_para *p, doc_run_kind kind, const char *text, size_t len);
/* A run of plain text; consecutive runs of the same kind are merged. */
doc_block *doc_add_list(doc *d, int ordered, int start);
doc_para *doc_list_add_item(doc_block *list);
doc_block *doc_add_page_break(doc *d);
doc_block *doc_add_signature(doc *d, const char *issuer, const char *date);
doc_block *doc_add_bookmark(doc *d, int level, const char *title);

/* Tables: rows grow on demand; a span marks the cells it covers. */
doc_block *doc_add_table(doc *d, int ncols, const char *caption);
doc_cell *doc_table_cell(doc_table *t, int row, int col);   /* creates the row */
void doc_table_set(doc_table *t, int row, int col, const char *text);
/* Span: cell (row,col) covers rowspan x colspan cells.  0 on success, -1 if
 * the span leaves the table or overlaps another span. */
int doc_table_span(doc_table *t, int row, int col, int rowspan, int colspan);
void doc_table_diagonal(doc_table *t, const char *top_right, const char *bottom_left);

/* Charts: labels first, then groups with ncat values each. */
doc_block *doc_add_chart(doc *d, const char *caption, int ncat, const char *const *cats);
doc_chart_group *doc_chart_add_group(doc_chart *c, const char *name, const double *values);
void doc_chart_ref(doc_chart_group *g, double value, const char *label);

#endif
