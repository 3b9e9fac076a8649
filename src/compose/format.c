/* format — see format.h. */
#include "compose/format.h"
#include "compose/compose.h"
#include "common/num.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "document/markdown.h"
#include "document/template.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

numstr fmt_num(double x, int decimals)
{
    numstr n;
    num_format(n.s, sizeof n.s, x, decimals);   /* "-" when undefined */
    return n;
}

numstr fmt_int(long x)
{
    numstr n;
    snprintf(n.s, sizeof n.s, "%ld", x);
    return n;
}

void tv_num(tv_value *map, const char *key, double x, int decimals)
{
    tv_map_str(map, key, fmt_num(x, decimals).s);
}

void tv_int(tv_value *map, const char *key, long x) { tv_map_str(map, key, fmt_int(x).s); }
void tv_flag(tv_value *map, const char *key, int yes) { tv_map_set(map, key, tv_bool(yes)); }

void tv_push_all(tv_value *list, tv_value **items, int n)
{
    for (int i = 0; i < n; i++) {
        if (tv_kind_of(items[i]) == TV_MAP) {
            tv_flag(items[i], "first", i == 0);
            tv_flag(items[i], "last", i == n - 1);
        }
        tv_list_push(list, items[i]);
    }
}

numstr fmt_compliance(int ci, double value)
{
    numstr n;
    compliance_format(n.s, sizeof n.s, ci, value);
    return n;
}

/* How a report names what a school lacks, per compliance indicator. */
static const struct { const char *label, *unit; } lack[JH_NCOMPLIANCE] = {
    [CI_TEACHER_RATIO] = {"专任教师", "名"},
    [CI_QUALIFIED] = {"学历合格教师", "名"},
    [CI_SITE_AREA] = {"校园占地面积", "平方米"},
    [CI_BUILDING_AREA] = {"校舍建筑面积", "平方米"},
    [CI_SPORTS_AREA] = {"体育运动场馆面积", "平方米"},
    [CI_LABS] = {"实验室", "间"},
    [CI_FUNCTION_ROOMS] = {"功能室", "间"},
    [CI_LIBRARY] = {"图书室", "间"},
    [CI_EQUIPMENT_VALUE] = {"教学仪器设备", "元"},
    [CI_BOOKS] = {"图书", "册"},
};

int shortfall_words(int ci, double shortfall, const char **label, numstr *amount, const char **unit)
{
    if (!(shortfall > 0)) return 0;
    *label = lack[ci].label;
    *unit = lack[ci].unit;
    /* the nudge keeps 320.0000000001 (binary noise) from becoming 321 */
    *amount = fmt_int((long)ceil(shortfall - 1e-9));
    return 1;
}

char *part_name(const jh_figures *f, const jh_part_figures *p)
{
    const jh_school *s = p->school;
    const jh_school *parts[JH_NLEVELS] = {0};
    int n = schools_parts(f->schools, s->code, parts);
    if (n > 1) return xasprintf("%s%s部", s->name, level_label(s->level));
    return xstrdup(s->name);
}

char *missing_list(const jh_part_figures *p, int *count)
{
    strbuf b = STRBUF_INIT;
    int n = 0;
    for (int i = 0; i < JH_NCOMPLIANCE; i++) {
        if (p->met[i]) continue;
        if (n++) sb_puts(&b, "、");
        sb_puts(&b, jh_compliance_ind[i].short_label);
    }
    if (count) *count = n;
    return sb_take(&b);
}

tv_value *needs_value(const double shortfall[JH_NCOMPLIANCE], int *count)
{
    tv_value *items[JH_NCOMPLIANCE];
    int n = 0;
    for (int k = 0; k < JH_NCOMPLIANCE; k++) {
        const char *label, *unit;
        numstr amount;
        if (!shortfall_words(k, shortfall[k], &label, &amount, &unit)) continue;
        tv_value *m = tv_map();
        tv_map_str(m, "key", jh_compliance_ind[k].key);
        tv_map_str(m, "label", label);
        tv_map_str(m, "amount", amount.s);
        tv_map_str(m, "unit", unit);
        items[n++] = m;
    }
    tv_value *list = tv_list();
    tv_push_all(list, items, n);
    *count = n;
    return list;
}

void doc_meta(doc *d, const jh_params *cfg, const char *title)
{
    doc_set(&d->title, title);
    doc_set(&d->author, cfg->issuer);
    int y, m, dd;
    if (cfg->date && parse_cn_date(cfg->date, &y, &m, &dd) == 0) {
        char iso[16];
        snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, dd);
        doc_set(&d->date, iso);
    }
}

/* ---- template expansion (the report and the sheets) ---------------------- */

static int accept_block(void *ud, const char *name, doc *d, diag_list *dl)
{
    (void)ud; (void)name; (void)d; (void)dl;
    return 0;
}

doc *expand_to_doc(const char *text, size_t len, const char *path, const tv_value *ctx,
                   const char *const *blocks, md_options *mo, diag_list *dl)
{
    /* Markdown the renderer does not support is found in the template as
     * written, so its line and column are the template's own; after
     * expansion, sections would have moved the lines. */
    md_options check = {.block = accept_block, .placeholders = 1};
    doc *raw = md_to_doc(text, len, path, &check, dl);
    if (!raw) return NULL;
    doc_free(raw);
    template_opts topt = {blocks};
    char *md = template_expand(text, len, path, ctx, &topt, dl);
    if (!md) return NULL;
    doc *d = md_to_doc(md, strlen(md), path, mo, dl);
    free(md);
    return d;
}

int parse_cn_date(const char *s, int *y, int *m, int *d)
{
    int n = 0;
    if (sscanf(s, "%d-%d-%d%n", y, m, d, &n) == 3 && s[n] == '\0') goto check;
    if (sscanf(s, "%d年%d月%d日%n", y, m, d, &n) == 3 && s[n] == '\0') goto check;
    return -1;
check:
    if (*y < 1900 || *y > 2999 || *m < 1 || *m > 12 || *d < 1 || *d > 31) return -1;
    return 0;
}
