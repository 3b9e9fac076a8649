/*
 * md_shape — what a Markdown text looks like to cmark-gfm, as two strings:
 * its shape (the tree of node types, consecutive text runs merged) and its
 * visible text (every literal, concatenated).  The template tests use it to
 * show that an escaped value never changes the shape of the text around it
 * and always reads as itself.  Header-only: shared by the unit test and the
 * fuzz harness.
 */
#ifndef JH_MD_SHAPE_H
#define JH_MD_SHAPE_H

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <string.h>

#include "common/strbuf.h"

/* Leaves get no EXIT event from cmark_iter. */
static inline int md_is_leaf(cmark_node *n)
{
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_HTML_BLOCK: case CMARK_NODE_THEMATIC_BREAK: case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_TEXT: case CMARK_NODE_SOFTBREAK: case CMARK_NODE_LINEBREAK:
    case CMARK_NODE_CODE: case CMARK_NODE_HTML_INLINE:
        return 1;
    default:
        return 0;
    }
}

static inline void md_shape(const char *md, strbuf *shape, strbuf *text)
{
    /* the extensions `junheng render` enables (issue 3), and strikethrough */
    static const char *const exts[] = {"table", "strikethrough"};
    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser *p = cmark_parser_new(CMARK_OPT_DEFAULT);
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension(exts[i]));
    cmark_parser_feed(p, md, strlen(md));
    cmark_node *doc = cmark_parser_finish(p);
    cmark_iter *it = cmark_iter_new(doc);
    int last_text = 0;
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        cmark_node *n = cmark_iter_get_node(it);
        const char *lit = cmark_node_get_literal(n);
        int is_text = cmark_node_get_type(n) == CMARK_NODE_TEXT;
        if (ev == CMARK_EVENT_EXIT) {
            sb_putc(shape, ')');
            last_text = 0;
            continue;
        }
        if (lit) sb_puts(text, lit);
        if (is_text && last_text) continue;
        sb_puts(shape, cmark_node_get_type_string(n));
        sb_putc(shape, md_is_leaf(n) ? ' ' : '(');
        last_text = is_text;
    }
    cmark_iter_free(it);
    cmark_node_free(doc);
    cmark_parser_free(p);
}

#endif
