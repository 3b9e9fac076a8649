/* diag — see diag.h. */
#include "common/diag.h"
#include "common/i18n.h"
#include "common/xalloc.h"

#include <stdlib.h>
#include <string.h>

void diag_init(diag_list *dl) { memset(dl, 0, sizeof *dl); }

void diag_free(diag_list *dl)
{
    for (int i = 0; i < dl->n; i++) {
        free(dl->items[i].file);
        free(dl->items[i].msg);
        free(dl->items[i].hint);
    }
    free(dl->items);
    memset(dl, 0, sizeof *dl);
}

diag *diag_addv(diag_list *dl, diag_level lv, const char *file, int line, int col,
                const char *fmt, va_list ap)
{
    int max = dl->max_errors > 0 ? dl->max_errors : 100;
    if (lv == DIAG_ERROR) dl->errors++; else dl->warnings++;
    if (dl->n >= max) { dl->dropped++; dl->last = -1; return NULL; }
    if (dl->n == dl->cap) {
        dl->cap = dl->cap ? dl->cap * 2 : 8;
        dl->items = xrealloc(dl->items, (size_t)dl->cap * sizeof *dl->items);
    }
    dl->last = dl->n;
    diag *d = &dl->items[dl->n++];
    d->level = lv;
    d->file = file ? xstrdup(file) : NULL;
    d->line = line;
    d->col = col;
    d->msg = xvasprintf(fmt, ap);
    d->hint = NULL;
    return d;
}

diag *diag_add(diag_list *dl, diag_level lv, const char *file, int line, int col,
               const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag *d = diag_addv(dl, lv, file, line, col, fmt, ap);
    va_end(ap);
    return d;
}

diag *diag_last(diag_list *dl)
{
    return dl->n > 0 && dl->last >= 0 && dl->last < dl->n ? &dl->items[dl->last] : NULL;
}

void diag_hint(diag *d, const char *fmt, ...)
{
    if (!d) return;
    va_list ap;
    va_start(ap, fmt);
    free(d->hint);
    d->hint = xvasprintf(fmt, ap);
    va_end(ap);
}

void diag_print(const diag_list *dl, FILE *f)
{
    for (int i = 0; i < dl->n; i++) {
        const diag *d = &dl->items[i];
        if (d->file) {
            fputs(d->file, f);
            if (d->line > 0) fprintf(f, ":%d", d->line);
            if (d->line > 0 && d->col > 0) fprintf(f, ":%d", d->col);
            fputs(": ", f);
        } else {
            fputs("junheng: ", f);
        }
        if (d->level == DIAG_WARNING) fputs(_("warning: "), f);
        fprintf(f, "%s\n", d->msg);
        if (d->hint) fprintf(f, _("  hint: %s\n"), d->hint);
    }
    if (dl->dropped > 0)
        fprintf(f, _("junheng: ... and %d more problem(s) not shown\n"), dl->dropped);
}

void diag_move(diag_list *dst, diag_list *src)
{
    for (int i = 0; i < src->n; i++) {
        diag *s = &src->items[i];
        diag *d = diag_add(dst, s->level, s->file, s->line, s->col, "%s", s->msg);
        if (d && s->hint) diag_hint(d, "%s", s->hint);
    }
    dst->dropped += src->dropped;
    diag_free(src);
}
