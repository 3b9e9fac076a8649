/*
 * markdown — GitHub-flavoured Markdown (cmark-gfm + its table extension) to
 * a doc.
 *
 *   # T                 the title (centred, 22 pt)
 *   ## 一、…  ### （一）…  #### 1. …  ##### （1）…   headings of levels 1–4, printed as written
 *   paragraph           body text; a paragraph that opens with **strong** text is a
 *                       run-in heading (the strong part in the level-2 face); other
 *                       **strong** text uses the level-1 face; *emphasis*, `code` and
 *                       [links](…) are set as plain text
 *   - item / 1. item    lists
 *   | a | b |           pipe tables; alignment from the delimiter row; a cell that is
 *                       just `^` joins the cell above (row span), just `<` the cell to
 *                       its left (column span); a first-column body cell equal to
 *                       the one above (小学, 小学) is joined to it as if `^`; a first header cell `项目\学校` is a
 *                       diagonal corner cell (项目 top right, 学校 bottom left); a
 *                       paragraph starting “表<digit>” right before a table is its caption
 *   ---  (or ***)       a page break (put a blank line before `---`, else it makes
 *                       the line above a heading)
 *   {{> name}}          a paragraph with only this: opt->block inserts computed blocks
 *   {{signature ISSUER | DATE}}   the signature block (issuer, date; GB/T 9704 right side)
 *   {{bookmark TITLE}} / {{bookmark:N TITLE}}   an outline entry (depth N, default 0)
 *
 * Anything else (raw HTML, images, code blocks, block quotes, headings of level
 * 6, footnotes) is an error at filename:line:column.
 */
#ifndef JH_MARKDOWN_H
#define JH_MARKDOWN_H

#include <stddef.h>
#include "common/diag.h"
#include "document/doc.h"

typedef struct md_options {
    void *ud;
    /* Called for {{> name}}: append blocks to d; return 0, or -1 after adding
     * diagnostics.  NULL: {{> name}} is an error. */
    int (*block)(void *ud, const char *name, doc *d, diag_list *dl);
    /* 1: a paragraph of {{...}} that is no directive is text (checking a
     * template's Markdown before its placeholders are expanded). */
    int placeholders;
} md_options;

/* Parse text (len bytes, UTF-8).  NULL if any error was added to dl. */
doc *md_to_doc(const char *text, size_t len, const char *filename, const md_options *opt, diag_list *dl);

#endif
