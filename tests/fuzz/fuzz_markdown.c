/*
 * fuzz_markdown — libFuzzer harness for document/markdown: CommonMark (GFM
 * tables) -> doc.
 *
 * The first byte chooses whether {{> name}} blocks are allowed (a callback
 * that adds a paragraph for "ok", an error for anything else) or refused,
 * and whether other {{...}} paragraphs are text (a template checked before
 * expansion) or errors.
 * Promises checked: no crash, leak or undefined behaviour; a doc exactly
 * when no error was reported; every diagnostic names the file and a line
 * inside the text; every table is rectangular with spans inside it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document/doc.h"
#include "document/markdown.h"

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "broken promise: %s (line %d)\n", #c, __LINE__); abort(); } } while (0)

static int block(void *ud, const char *name, doc *d, diag_list *dl)
{
    (void)ud;
    if (strcmp(name, "ok") != 0) {
        diag_error(dl, "f.md", 1, 1, "unknown block '%s'", name);
        return -1;
    }
    doc_add_paragraph(d);
    return 0;
}

static void check_table(const doc_table *t)
{
    CHECK(t->ncols >= 1 && t->nrows >= 0);
    CHECK(t->header_rows >= 0 && t->header_rows <= t->nrows);
    for (int r = 0; r < t->nrows; r++)
        for (int c = 0; c < t->ncols; c++) {
            const doc_cell *cell = &t->cells[r * t->ncols + c];
            CHECK(cell->text != NULL);
            CHECK(cell->rowspan >= 1 && r + cell->rowspan <= t->nrows);
            CHECK(cell->colspan >= 1 && c + cell->colspan <= t->ncols);
        }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    md_options mo = {.ud = NULL, .block = data[0] & 1 ? block : NULL, .placeholders = (data[0] >> 1) & 1};
    const md_options *opt = data[0] & 3 ? &mo : NULL;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    int lines = 1;
    /* CommonMark ends a line at \n, \r\n or a lone \r */
    for (size_t i = 0; i < len; i++)
        lines += text[i] == '\n' || (text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n'));

    diag_list dl;
    diag_init(&dl);
    doc *d = md_to_doc(text, len, "f.md", opt, &dl);
    CHECK((d != NULL) == (dl.errors == 0));
    for (int i = 0; i < dl.n; i++) {
        CHECK(dl.items[i].file && strcmp(dl.items[i].file, "f.md") == 0);
        CHECK(dl.items[i].line >= 0 && dl.items[i].line <= lines);
        CHECK(dl.items[i].msg[0] != '\0');
    }
    if (d) {
        for (int i = 0; i < d->n; i++)
            if (d->blocks[i]->type == DOC_TABLE) check_table(&d->blocks[i]->table);
        doc_free(d);
    }
    diag_free(&dl);
    return 0;
}
