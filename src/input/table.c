/* table — see table.h. */
#include "input/table.h"
#include "common/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* The text of every padding cell: a sparse workbook row (one cell in column
 * Z) costs no allocation per empty cell.  Never written to, never freed. */
static char empty_text[1];

static void free_text(char *s)
{
    if (s != empty_text) free(s);
}

void table_free(jh_table *t)
{
    for (int i = 0; i < t->n; i++) {
        for (int k = 0; k < t->rows[i].n; k++) free_text(t->rows[i].c[k].text);
        free(t->rows[i].c);
    }
    free(t->rows);
    free(t->file);
    free(t->sheet);
    free(t->encoding);
    memset(t, 0, sizeof *t);
}

jh_row *table_add_row(jh_table *t, int line)
{
    XGROW(t->rows, t->cap, t->n + 1);
    jh_row *r = &t->rows[t->n++];
    memset(r, 0, sizeof *r);
    r->line = line;
    return r;
}

jh_cell *row_set(jh_row *r, int col, char *text, jh_cell_kind kind, double num)
{
    if (col >= r->n) {
        r->c = xrealloc(r->c, (size_t)(col + 1) * sizeof *r->c);
        for (int i = r->n; i <= col; i++) {
            memset(&r->c[i], 0, sizeof r->c[i]);
            r->c[i].text = empty_text;
        }
        r->n = col + 1;
    }
    jh_cell *c = &r->c[col];
    free_text(c->text);
    c->text = text;
    c->kind = kind;
    c->num = num;
    return c;
}

char *table_colname(int col, char buf[8])
{
    char tmp[8];
    int n = 0;
    for (col++; col > 0 && n < 7; col = (col - 1) / 26) tmp[n++] = (char)('A' + (col - 1) % 26);
    for (int i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
    buf[n] = 0;
    return buf;
}

void table_place(const jh_table *t, const jh_row *r, int col, char **file, int *line)
{
    if (!t->sheet) {
        *file = xstrdup(t->file);
        *line = r ? r->line : 0;
        return;
    }
    char cn[8];
    *line = 0;
    if (!r) *file = xasprintf("%s: %s", t->file, t->sheet);
    else *file = xasprintf("%s: %s!%s%d", t->file, t->sheet, table_colname(col < 0 ? 0 : col, cn), r->line);
}
