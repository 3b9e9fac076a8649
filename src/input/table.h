/*
 * table — what a data reader hands to the school interpreter: rows of cells,
 * each with its place in the file, and nothing else.
 *
 * Promises: a reader (csv.c, xlsx.c) only splits a file into rows and cells
 * and says where each one is (FILE:LINE for a CSV, FILE: SHEET!CELL for a
 * workbook).  Headers, units, totals, numbers and schools are the
 * interpreter's business (schools.c), the same for every reader.
 *
 * A cell's text is UTF-8.  A workbook cell keeps what Excel stored: a number
 * as its double at full precision (kind JH_CELL_NUMBER, `num`; `text` is the
 * number as written in the file), a date-formatted number as JH_CELL_DATE, an
 * error value (#DIV/0!) as JH_CELL_ERROR, a formula without a cached result
 * as JH_CELL_NOVALUE.  A CSV cell is always JH_CELL_TEXT.
 */
#ifndef JH_TABLE_H
#define JH_TABLE_H

#include "common/diag.h"

typedef enum {
    JH_CELL_TEXT = 0,
    JH_CELL_NUMBER,   /* num holds the stored value */
    JH_CELL_BOOL,     /* text "1" or "0" */
    JH_CELL_DATE,     /* a number shown as a date; text is the serial */
    JH_CELL_ERROR,    /* text is the error, e.g. "#DIV/0!" */
    JH_CELL_NOVALUE   /* a formula Excel never calculated: no cached value */
} jh_cell_kind;

typedef struct jh_cell {
    char *text;       /* owned, never NULL */
    double num;       /* JH_CELL_NUMBER / JH_CELL_DATE */
    jh_cell_kind kind;
} jh_cell;

typedef struct jh_row {
    int line;         /* CSV: physical line where the row starts; workbook: row number */
    int n;            /* cells, column 0 first (missing workbook cells are empty text) */
    jh_cell *c;
} jh_row;

typedef struct jh_table {
    char *file;       /* the path as given (messages) */
    char *sheet;      /* workbook: the sheet's name; NULL for a CSV */
    char *encoding;   /* "UTF-8", "UTF-8 (BOM)", "GB18030", "GBK", "XLSX" */
    char sep;         /* CSV: the separator found (',' ';' '\t'); 0 for a workbook */
    jh_row *rows;
    int n, cap;
} jh_table;

void table_free(jh_table *t);

/* Append an empty row at `line`; returns it. */
jh_row *table_add_row(jh_table *t, int line);
/* Set cell `col` (0-based) of row r, growing the row with empty cells. */
jh_cell *row_set(jh_row *r, int col, char *text_owned, jh_cell_kind kind, double num);

/* Where row r (col < 0) or its cell `col` is, as a diagnostic place: *file is
 * owned by the caller ("schools.csv", or "book.xlsx: 学校!F12"), *line is the
 * CSV line (0 for a workbook, whose place is all in *file). */
void table_place(const jh_table *t, const jh_row *r, int col, char **file, int *line);

/* "A", "B", …, "Z", "AA", … for column index col (0-based) into buf[8]. */
char *table_colname(int col, char buf[8]);

/* The readers.  Both return 0, or -1 after an error in dl (naming the place).
 * csv_read decodes `data` (see csv.c) and splits it with libcsv. */
typedef enum { JH_ENC_AUTO, JH_ENC_UTF8, JH_ENC_GB18030 } jh_encoding;
int csv_read(const char *name, const char *data, size_t len, jh_encoding enc, jh_table *out, diag_list *dl);
/* xlsx_read reads the sheet called `sheet` (NULL: the first visible one) of
 * the workbook in data[0..len). */
int xlsx_read(const char *name, const char *data, size_t len, const char *sheet, jh_table *out, diag_list *dl);
/* 1 if the bytes look like a workbook (a ZIP or an OLE2 .xls): not a CSV. */
int xlsx_sniff(const char *data, size_t len);

#endif
