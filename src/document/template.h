/*
 * template — Mustache-style placeholders in Markdown templates.
 *
 * County staff edit the report templates by hand, so every mistake must be
 * caught and placed (file:line:column, column in characters) with a hint;
 * the result is either the whole expanded text or nothing.
 *
 *   {{a.b.c}}          the string at that path, Markdown-escaped: a school
 *                      name with * _ | [ \ { or a leading # - 1. cannot change
 *                      the document's structure (control characters become
 *                      spaces, blanks at either end entities)
 *   {{{a}}}  {{& a}}   the string unescaped (also for values marked raw)
 *   {{#a}} … {{/a}}    list: once per item, the item pushed as context;
 *                      map: once, pushed; true: once; non-empty string:
 *                      once, pushed (so {{.}} is the string); false, "" and
 *                      an empty list: not at all
 *   {{^a}} … {{/a}}    once if a is false, "" or an empty list
 *   {{.}}              the current item
 *   {{! comment }}     nothing (may span lines)
 *   {{> name}}         a block placeholder: must stand alone on its line,
 *                      and the line is passed through unchanged when name is
 *                      in opts->blocks (a later stage replaces it)
 *
 * Names are looked up like Mustache: the first segment in the innermost
 * context that has it, then outward; the rest of a dotted path inside that
 * value.  A name found nowhere is an error, in sections too; so is {{a}} on a
 * list, map or flag.  Text skipped because a flag is false or a string empty
 * is still checked against the same contexts; the body of an empty list
 * cannot be checked (its items' names are unknown).
 *
 * A section, comment or block tag alone on its line (only spaces or tabs
 * around it) removes the whole line, so lists render without blank lines.
 * A UTF-8 byte-order mark at the start is dropped; CRLF lines are kept as
 * they are.  Invalid UTF-8 is an error (a file saved as GBK, usually).
 */
#ifndef JH_TEMPLATE_H
#define JH_TEMPLATE_H

#include <stddef.h>

#include "common/diag.h"
#include "document/value.h"

#define TEMPLATE_MAX_DEPTH 32   /* sections nested deeper are an error */
/* Unknown or misused names reported one by one; the rest are counted in one
 * closing "… and N more".  Expansion is linear in the size of the text,
 * errors included. */
#define TEMPLATE_MAX_NAME_ERRORS 20

typedef struct template_opts {
    const char *const *blocks;  /* NULL-terminated names allowed in {{> name}}; NULL = none */
} template_opts;

/*
 * Expand len bytes of text against ctx.  filename names the template in
 * diagnostics (NULL: "<template>").  opts may be NULL.  Returns a new
 * NUL-terminated string (free it), or NULL after adding one or more errors
 * to dl.
 */
char *template_expand(const char *text, size_t len, const char *filename,
                      const tv_value *ctx, const template_opts *opts, diag_list *dl);

/* If line (len bytes, with or without its newline) is a block placeholder
 * line of the expanded text, return its name (not NUL-terminated; length in
 * *name_len), else NULL.  For the stage that replaces blocks. */
const char *template_block_name(const char *line, size_t len, size_t *name_len);

/* Append s to out (a strbuf) escaped as Markdown inline text, as {{a}} does. */
struct strbuf;
void template_escape(struct strbuf *out, const char *s);

#endif
