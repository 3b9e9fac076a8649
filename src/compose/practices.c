/*
 * practices — the county's own words (see practices.h).
 *
 * The file is split on its level-1 ATX headings before anything else reads
 * it; a section's text is then padded with the newlines that preceded it, so
 * that the template expansion and the Markdown parser, which see the section
 * alone, still report the file's own line numbers.  HTML comments are
 * blanked byte for byte (newlines kept) for the same reason.
 */
#include "compose/practices.h"
#include "common/fileio.h"
#include "common/i18n.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "document/markdown.h"
#include "document/template.h"

#include <stdlib.h>
#include <string.h>

typedef struct section {
    char *name;
    int line;          /* of its heading */
    size_t off, len;   /* the body, in text */
    int used;
} section;

struct practices {
    char *path;
    char *text;        /* comments blanked */
    section *s;
    int n;
};

/* Blank <!-- … --> (an unclosed one runs to the end), keeping newlines. */
static void blank_comments(char *s, size_t n)
{
    for (size_t i = 0; i + 4 <= n; i++) {
        if (memcmp(s + i, "<!--", 4) != 0) continue;
        char *e = strstr(s + i + 4, "-->");
        size_t end = e ? (size_t)(e - s) + 3 : n;
        for (size_t k = i; k < end; k++)
            if (s[k] != '\n') s[k] = ' ';
        i = end - 1;
    }
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') return 0;
    return 1;
}

/* A level-1 ATX heading line: "# name" (up to 3 spaces before the #).  The
 * name, trimmed and without closing #s, goes to *name. */
static int heading1(const char *l, size_t n, const char **name, size_t *nlen)
{
    size_t i = 0;
    while (i < n && i < 3 && l[i] == ' ') i++;
    if (i >= n || l[i] != '#') return 0;
    i++;
    if (i < n && l[i] != ' ' && l[i] != '\t' && l[i] != '\r') return 0;
    while (i < n && (l[i] == ' ' || l[i] == '\t')) i++;
    size_t e = n;
    while (e > i && (l[e - 1] == ' ' || l[e - 1] == '\t' || l[e - 1] == '\r')) e--;
    while (e > i && l[e - 1] == '#') e--;
    while (e > i && (l[e - 1] == ' ' || l[e - 1] == '\t')) e--;
    *name = l + i;
    *nlen = e - i;
    return 1;
}

practices *practices_load(const char *path, diag_list *dl)
{
    size_t len;
    char *text = file_read(path, _("the county's practices file"), FILE_CAP_TEXT, &len, dl);
    if (!text) {
        if (dl->n > 0)
            diag_hint(&dl->items[dl->n - 1],
                      _("write the county's own text there: one `# 主要做法`, `# 主要困难` and "
                        "`# 下一步工作打算` section each (templates/README.md, \"The county's own words\"); "
                        "or name the file with [report] practices = FILE"));
        return NULL;
    }
    int before = dl->errors;
    blank_comments(text, len);
    practices *p = xcalloc(1, sizeof *p);
    p->path = xstrdup(path);
    p->text = text;
    int cap = 0, line = 1;
    for (size_t at = 0; at < len; line++) {
        const char *nl = memchr(text + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - text) : len, next = nl ? end + 1 : len;
        const char *name;
        size_t nlen;
        if (heading1(text + at, end - at, &name, &nlen)) {
            if (nlen == 0) {
                diag_hint(diag_error(dl, path, line, 1, _("a `#` heading without a name")),
                          _("write the section's name after the #, e.g. # 主要做法"));
            } else {
                for (int i = 0; i < p->n; i++)
                    if (strlen(p->s[i].name) == nlen && !memcmp(p->s[i].name, name, nlen))
                        diag_hint(diag_error(dl, path, line, 1, _("section `# %.*s` appears twice (first on line %d)"),
                                             (int)nlen, name, p->s[i].line),
                                  _("merge the two into one section"));
                if (p->n == cap) { cap = cap ? 2 * cap : 8; p->s = xrealloc(p->s, (size_t)cap * sizeof *p->s); }
                p->s[p->n++] = (section){xstrndup(name, nlen), line, next, 0, 0};
            }
        } else if (p->n == 0 && !blank(text + at, end - at)) {
            diag_hint(diag_error(dl, path, line, 1, _("text before the first `# section` heading")),
                      _("start the file with a heading naming the section, e.g. # 主要做法; "
                        "notes for whoever fills it in go between <!-- and -->"));
        }
        if (p->n) p->s[p->n - 1].len = next - p->s[p->n - 1].off;
        at = next;
    }
    if (dl->errors > before) { practices_free(p); return NULL; }
    return p;
}

void practices_free(practices *p)
{
    if (!p) return;
    for (int i = 0; i < p->n; i++) free(p->s[i].name);
    free(p->s);
    free(p->text);
    free(p->path);
    free(p);
}

const char *practices_path(const practices *p) { return p->path; }

static section *find(practices *p, const char *name)
{
    for (int i = 0; i < p->n; i++)
        if (!strcmp(p->s[i].name, name)) return &p->s[i];
    return NULL;
}

int practices_append(practices *p, const char *name, const tv_value *ctx, doc *d, diag_list *dl)
{
    section *s = find(p, name);
    if (!s) {
        diag_hint(diag_error(dl, p->path, 0, 0, _("no section `# %s`, which the report template includes"), name),
                  _("add a line `# %s` to %s and write the county's own text under it; junheng "
                    "never writes it for the county"), name, p->path);
        return -1;
    }
    s->used = 1;
    if (blank(p->text + s->off, s->len)) {
        diag_hint(diag_error(dl, p->path, s->line, 1, _("section `# %s` is empty"), name),
                  _("write the county's own text under the heading (what the county did, in its "
                    "own words); the notes between <!-- and --> are not printed"));
        return -1;
    }
    /* pad with the lines before the body so that messages keep file lines */
    strbuf b = STRBUF_INIT;
    for (int i = 0; i < s->line; i++) sb_puts(&b, "\n");
    sb_add(&b, p->text + s->off, s->len);
    char *md = template_expand(sb_str(&b), b.len, p->path, ctx, NULL, dl);
    sb_free(&b);
    if (!md) return -1;
    md_options mo = {0};
    doc *sub = md_to_doc(md, strlen(md), p->path, &mo, dl);
    free(md);
    if (!sub) return -1;
    /* the file's `##` is one level below the report's `##` heading that
     * includes the section */
    for (int i = 0; i < sub->n; i++) {
        doc_block *bl = sub->blocks[i];
        if (bl->type == DOC_HEADING && bl->level < 4) bl->level++;
    }
    doc_append(d, sub);
    return 0;
}

void practices_warn_unused(const practices *p, diag_list *dl)
{
    for (int i = 0; i < p->n; i++)
        if (!p->s[i].used)
            diag_hint(diag_warning(dl, p->path, p->s[i].line, 1,
                                   _("section `# %s` is not printed: the report template does not include it"),
                                   p->s[i].name),
                      _("the template includes a section with {{> practices.NAME}}; rename the "
                        "section or add it to the template"));
}
