/* app: what a correction changes, as JSON — see app.h.
 *
 * {changed, config: [...], data: [...], schools: [...], figures: [...],
 *  verdicts: [...]}; each entry {level, code, name, key, measure, label,
 *  old, new} (verdicts: old/new booleans and old_text/new_text). */
#include "app/app.h"
#include "common/json.h"

/* ---- JSON --------------------------------------------------------------- */

int app_diff_json(json_writer *w, const jh_diff *d)
{
    static const char *const names[JH_NCHANGE_KINDS] = {"config", "data", "schools", "figures", "verdicts"};
    json_obj(w);
    json_kbool(w, "changed", compare_report_changed(d));
    for (int k = 0; k < JH_NCHANGE_KINDS; k++) {
        json_break(w, "\n");
        json_key(w, names[k]);
        json_arr(w);
        int n = 0;
        for (int i = 0; i < d->n; i++) {
            const jh_change *c = &d->items[i];
            if ((int)c->kind != k) continue;
            n++;
            json_break(w, "\n  ");
            json_obj(w);
            json_kstr(w, "level", c->level < 0 ? NULL : level_key((jh_level)c->level));
            json_kstr(w, "code", c->code);
            json_kstr(w, "name", c->name);
            json_kstr(w, "key", c->key);
            json_kstr(w, "measure", c->measure);
            json_kstr(w, "label", c->label);
            if (c->kind == JH_CH_VERDICT) {
                json_kbool(w, "old", c->old_b);
                json_kbool(w, "new", c->new_b);
                json_kstr(w, "old_text", c->old_s);
                json_kstr(w, "new_text", c->new_s);
            } else {
                json_kstr(w, "old", c->old_s);
                json_kstr(w, "new", c->new_s);
            }
            json_obj_end(w);
        }
        if (n) json_break(w, "\n");
        json_arr_end(w);
    }
    json_obj_end(w);
    json_break(w, "\n");
    return json_finish(w);
}
