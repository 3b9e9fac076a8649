/* app: what a correction changes, as JSON — see app.h.
 *
 * {changed, config: [...], data: [...], schools: [...], figures: [...],
 *  verdicts: [...]}; each entry {level, code, name, key, measure, label,
 *  old, new} (verdicts: old/new booleans and old_text/new_text). */
#include "app/app.h"
#include "common/strbuf.h"

/* ---- JSON --------------------------------------------------------------- */

static void jstr(strbuf *b, const char *s)
{
    if (!s) { sb_puts(b, "null"); return; }
    sb_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') { sb_putc(b, '\\'); sb_putc(b, (char)*p); }
        else if (*p < 0x20 || *p == 0x7F) sb_printf(b, "\\u%04x", *p);
        else sb_putc(b, (char)*p);
    }
    sb_putc(b, '"');
}

static void jbool(strbuf *b, int v) { sb_puts(b, v < 0 ? "null" : v ? "true" : "false"); }

void app_diff_json(strbuf *out, const jh_diff *d)
{
    static const char *const names[JH_NCHANGE_KINDS] = {"config", "data", "schools", "figures", "verdicts"};
    strbuf b = *out;
    sb_printf(&b, "{\"changed\":%s", compare_report_changed(d) ? "true" : "false");
    for (int k = 0; k < JH_NCHANGE_KINDS; k++) {
        sb_printf(&b, ",\n\"%s\":[", names[k]);
        int n = 0;
        for (int i = 0; i < d->n; i++) {
            const jh_change *c = &d->items[i];
            if ((int)c->kind != k) continue;
            sb_puts(&b, n++ ? ",\n  {" : "\n  {");
            sb_puts(&b, "\"level\":");
            jstr(&b, c->level < 0 ? NULL : level_key((jh_level)c->level));
            sb_puts(&b, ",\"code\":"); jstr(&b, c->code);
            sb_puts(&b, ",\"name\":"); jstr(&b, c->name);
            sb_puts(&b, ",\"key\":"); jstr(&b, c->key);
            sb_puts(&b, ",\"measure\":"); jstr(&b, c->measure);
            sb_puts(&b, ",\"label\":"); jstr(&b, c->label);
            if (c->kind == JH_CH_VERDICT) {
                sb_puts(&b, ",\"old\":"); jbool(&b, c->old_b);
                sb_puts(&b, ",\"new\":"); jbool(&b, c->new_b);
                sb_puts(&b, ",\"old_text\":"); jstr(&b, c->old_s);
                sb_puts(&b, ",\"new_text\":"); jstr(&b, c->new_s);
            } else {
                sb_puts(&b, ",\"old\":"); jstr(&b, c->old_s);
                sb_puts(&b, ",\"new\":"); jstr(&b, c->new_s);
            }
            sb_putc(&b, '}');
        }
        sb_puts(&b, n ? "\n]" : "]");
    }
    sb_puts(&b, "}\n");
    *out = b;
}

