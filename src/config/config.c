/*
 * config — read the INI against the schema (see config.h, schema.h).
 *
 * One pass over the keys the file holds: each is looked up in the table and
 * parsed by its type into the field the table names; then the required keys
 * that are absent are reported, and the defaults that depend on other keys
 * (title, the CV limits of the scheme, the means' decimals) are filled in.
 *
 * Thresholds accept the notations staff copy from the provincial standard:
 * a ratio "1:19" (full-width "1：19" too), a rate "98%", or a plain decimal.
 * A teacher ratio written as a bare number above 1 ("19") is refused rather
 * than guessed: it could mean 1:19 or be a typo for 0.19.
 */
#include "config/config.h"
#include "config/schema.h"
#include "common/i18n.h"
#include "common/num.h"
#include "common/xalloc.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static void *field(jh_config *c, const jh_key *k) { return (char *)c + k->offset; }

static diag *key_error(const jh_ini *ini, diag_list *dl, const jh_key *k, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static diag *key_error(const jh_ini *ini, diag_list *dl, const jh_key *k, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *what = xvasprintf(fmt, ap);
    va_end(ap);
    diag *d = diag_error(dl, ini_path(ini), ini_line(ini, k->section, k->key), 0, _("[%s] %s: %s"),
                         k->section, k->key, what);
    free(what);
    return d;
}

/* Parse "1:19", "98%" or a decimal.  Returns 0 or -1. */
static int parse_threshold(const char *v, double *out)
{
    const char *colon = strchr(v, ':');
    size_t clen = 1;
    if (!colon) { colon = strstr(v, "："); clen = 3; }
    if (colon) {
        char *a = xstrndup(v, (size_t)(colon - v));
        double x, y;
        int ok = num_parse(a, &x) == 0 && num_parse(colon + clen, &y) == 0 && x >= 0 && y > 0;
        free(a);
        if (!ok) return -1;
        *out = x / y;
        return 0;
    }
    size_t n = strlen(v);
    while (n && (v[n - 1] == ' ' || v[n - 1] == '\t')) n--;
    if (n && v[n - 1] == '%') {
        char *a = xstrndup(v, n - 1);
        double x;
        int ok = num_parse(a, &x) == 0;
        free(a);
        if (!ok) return -1;
        *out = x / 100;
        return 0;
    }
    return num_parse(v, out);
}

/* The index of v among "a|b,alias|c", -1 if none. */
static int choice_index(const char *choices, const char *v)
{
    int idx = 0;
    const char *p = choices;
    while (*p) {
        size_t n = strcspn(p, ",|");
        if (n == strlen(v) && !strncasecmp(p, v, n)) return idx;
        p += n;
        if (*p == '|') idx++;
        if (*p) p++;
    }
    return -1;
}

/* "auto|utf-8,utf8|gb18030,gbk" -> "auto, utf-8 or gb18030" (owned) */
static char *choice_words(const char *choices)
{
    char *r = xstrdup("");
    const char *p = choices;
    int first = 1;
    while (*p) {
        size_t n = strcspn(p, "|");
        size_t w = strcspn(p, ",|");
        const char *next = p[n] ? p + n + 1 : p + n;
        char *t = xasprintf("%s%s%.*s", r, first ? "" : (*next ? ", " : _(" or ")), (int)w, p);
        free(r);
        r = t;
        first = 0;
        p = next;
    }
    return r;
}

/* A path from the INI resolved against its folder.  A Windows path
 * (data\schools.csv) names nothing here; when its '/' form exists, that is
 * what was meant: take it, with a warning naming the line. */
static char *resolve(const jh_ini *ini, const jh_key *k, const char *v, diag_list *dl)
{
    char *p = ini_resolve_path(ini, v);
    if (!strchr(v, '\\') || access(p, F_OK) == 0) return p;
    char *slashed = xstrdup(v);
    for (char *c = slashed; *c; c++) if (*c == '\\') *c = '/';
    char *q = ini_resolve_path(ini, slashed);
    if (access(q, F_OK) != 0) { free(q); free(slashed); return p; }
    diag_hint(diag_warning(dl, ini_path(ini), ini_line(ini, k->section, k->key), 0,
                           _("[%s] %s: '%s' read as '%s'"), k->section, k->key, v, slashed),
              _("write paths with '/' (a '\\' is Windows' separator)"));
    free(slashed);
    free(p);
    return q;
}

/* "PATH", "PATH,INDEX" or "PATH:INDEX" (a Windows "C:\..." drive colon is
 * not an index, nor is a colon followed by anything but digits). */
static void parse_font(const jh_ini *ini, const jh_key *k, const char *val, font_spec *f, diag_list *dl)
{
    char *s = xstrdup(val);
    int index = 0;
    char *sep = strrchr(s, ',');
    char *colon = strrchr(s, ':');
    if (!sep || (colon && colon > sep)) sep = colon;
    if (sep && sep[1] && strspn(sep + 1, "0123456789 ") == strlen(sep + 1)) {
        index = atoi(sep + 1);
        *sep = 0;
    }
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ') s[--n] = 0;
    char *path = resolve(ini, k, s, dl);
    free(f->path);
    free(f->where);
    f->path = path;
    f->index = index;
    f->where = xasprintf("%s:%d", ini_path(ini), ini_line(ini, k->section, k->key));
    free(s);
}

/* fallback = PATH[,INDEX], PATH[,INDEX] ...: a token of digits only is the
 * index of the face before it. */
static void parse_fonts(const jh_ini *ini, const jh_key *k, const char *val, layout_style *st, diag_list *dl)
{
    for (int i = 0; i < st->nfallback; i++) { free(st->fallback[i].path); free(st->fallback[i].where); }
    memset(st->fallback, 0, sizeof st->fallback);
    st->nfallback = 0;
    char *list = xstrdup(val), *save = NULL;
    for (char *tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        while (*tok == ' ') tok++;
        char *e = tok + strlen(tok);
        while (e > tok && e[-1] == ' ') *--e = 0;
        if (!*tok) continue;
        if (strspn(tok, "0123456789") == strlen(tok) && st->nfallback > 0) {
            st->fallback[st->nfallback - 1].index = atoi(tok);
            continue;
        }
        if (st->nfallback == STYLE_MAX_FALLBACK) continue;
        parse_font(ini, k, tok, &st->fallback[st->nfallback++], dl);
    }
    free(list);
}

/* Parse the value v of entry k into its field.  0, or -1 with an error. */
static int set_value(jh_config *c, const jh_ini *ini, const jh_key *k, const char *v, diag_list *dl)
{
    void *p = field(c, k);
    double x;
    switch (k->type) {
    case JH_KEY_TEXT:
        free(*(char **)p);
        *(char **)p = *v ? xstrdup(v) : NULL;
        return 0;
    case JH_KEY_PATH:
        free(*(char **)p);
        *(char **)p = *v ? resolve(ini, k, v, dl) : NULL;
        return 0;
    case JH_KEY_INT:
        /* range first: (int)x of a value beyond int (year = 2011…1 with 100
         * digits) is undefined behaviour (found by tests/fuzz/fuzz_ini) */
        if (num_parse(v, &x) != 0 || !(x >= INT_MIN && x <= INT_MAX) || x != floor(x)) {
            diag_hint(key_error(ini, dl, k, _("'%s' is not a whole number"), v), _("write digits only, e.g. %g"),
                      k->lo);
            return -1;
        }
        if (x < k->lo || x > k->hi) {
            diag_hint(key_error(ini, dl, k, _("%s is out of range"), v), _("use a value from %g to %g"), k->lo, k->hi);
            return -1;
        }
        *(int *)p = (int)x;
        return 0;
    case JH_KEY_NUMBER:
        if (num_parse(v, &x) != 0) {
            diag_hint(key_error(ini, dl, k, _("'%s' is not a number"), v),
                      _("write a plain decimal such as 0.65 (no units, no thousands separators)"));
            return -1;
        }
        if (x < k->lo || x > k->hi || (k->lo == 0 && k->hi == 1e9 && x <= 0)) {
            if (k->hi >= 1e9)
                diag_hint(key_error(ini, dl, k, x < 0 ? _("'%s' is negative") : _("'%s' must be more than 0"), v),
                          _("write a number more than 0"));
            else
                diag_hint(key_error(ini, dl, k, _("%s is out of range"), v), _("use a value from %g to %g"), k->lo,
                          k->hi);
            return -1;
        }
        *(double *)p = x;
        return 0;
    case JH_KEY_BOOL: {
        static const char *const yes[] = {"1", "yes", "true", "on", "y", "是", NULL};
        static const char *const no[] = {"0", "no", "false", "off", "n", "否", NULL};
        for (int i = 0; yes[i]; i++) if (!strcasecmp(v, yes[i])) { *(int *)p = 1; return 0; }
        for (int i = 0; no[i]; i++) if (!strcasecmp(v, no[i])) { *(int *)p = 0; return 0; }
        diag_hint(key_error(ini, dl, k, _("'%s' is not yes or no"), v), _("write yes or no (or 1/0, 是/否)"));
        return -1;
    }
    case JH_KEY_CHOICE: {
        int i = *v ? choice_index(k->choices, v) : 0;
        if (i < 0) {
            char *w = choice_words(k->choices);
            diag_hint(key_error(ini, dl, k, _("unknown value '%s'"), v), _("write %s: %s"), w, _(k->help));
            free(w);
            return -1;
        }
        *(int *)p = i;
        return 0;
    }
    case JH_KEY_THRESHOLD:
        if (parse_threshold(v, &x) != 0) {
            diag_hint(key_error(ini, dl, k, _("'%s' is not a number"), v),
                      !strcmp(k->key, "teacher_ratio") ? _("write a ratio such as 1:19")
                      : k->arg ? _("write a rate such as 100%% or 0.98")
                               : _("write a plain number in the indicator's unit, e.g. 20"));
            return -1;
        }
        if (x < 0) {
            diag_hint(key_error(ini, dl, k, _("'%s' is negative"), v), _("a standard is a minimum of 0 or more"));
            return -1;
        }
        if (k->arg && x > 1) {
            diag_hint(key_error(ini, dl, k, _("'%s' is more than 1"), v),
                      !strcmp(k->key, "teacher_ratio") ? _("write the ratio as 1:19 (one teacher per 19 pupils)")
                                                       : _("write the rate as 98%% or 0.98"));
            return -1;
        }
        *(double *)p = x;
        return 0;
    case JH_KEY_FONT:
        if (*v) parse_font(ini, k, v, p, dl);
        return 0;
    case JH_KEY_FONTS:
        if (*v) parse_fonts(ini, k, v, &c->style, dl);
        return 0;
    case JH_KEY_FREE:
        return 0;
    }
    return 0;
}

/* Levenshtein distance, for "did you mean"; small strings only. */
static int distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 40 || m > 40) return 99;
    int d[41][41];
    for (size_t i = 0; i <= n; i++) d[i][0] = (int)i;
    for (size_t j = 0; j <= m; j++) d[0][j] = (int)j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            int c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < c) c = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < c) c = d[i][j - 1] + 1;
            d[i][j] = c;
        }
    return d[n][m];
}

/* A section the table has within two edits of name, else NULL. */
static const char *near_section(const char *name)
{
    for (size_t i = 0; i < jh_config_nsections; i++)
        if (distance(name, jh_config_sections[i].name) <= 2) return jh_config_sections[i].name;
    return NULL;
}

/* A key the section has within two edits of key, else NULL. */
static const char *near_key(const char *section, const char *key)
{
    for (size_t i = 0; i < jh_config_nkeys; i++)
        if (!strcmp(jh_config_keys[i].section, section) && distance(key, jh_config_keys[i].key) <= 2)
            return jh_config_keys[i].key;
    return NULL;
}

/* A section other than `section` that has `key`, else NULL. */
static const char *other_section(const char *section, const char *key)
{
    for (size_t i = 0; i < jh_config_nkeys; i++)
        if (strcmp(jh_config_keys[i].section, section) && !strcmp(jh_config_keys[i].key, key))
            return jh_config_keys[i].section;
    return NULL;
}

static void warn_unknown_section(const jh_ini *ini, const char *sec, int line, diag_list *dl)
{
    diag *d = diag_warning(dl, ini_path(ini), line, 0, _("unknown section [%s] is ignored"), sec);
    const char *near = near_section(sec);
    if (near) diag_hint(d, _("did you mean [%s]?"), near);
    else diag_hint(d, _("check the spelling of the section name"));
}

static void warn_unknown_key(const jh_ini *ini, const char *sec, const char *key, int line, diag_list *dl)
{
    diag *d = diag_warning(dl, ini_path(ini), line, 0, _("unknown key '%s' in [%s] is ignored"), key, sec);
    const char *other = other_section(sec, key), *near = near_key(sec, key);
    if (other) diag_hint(d, _("'%s' belongs in [%s]"), key, other);
    else if (near) diag_hint(d, _("did you mean '%s'?"), near);
    else diag_hint(d, _("check the spelling of the key"));
}

static void set_defaults(jh_config *c)
{
    style_default(&c->style);
    jh_params *p = &c->core;
    p->scheme = JH_SCHEME_BASIC;
    for (int l = 0; l < JH_NLEVELS; l++) {
        p->max_cv[l] = NAN;   /* derived from the scheme unless set */
        memcpy(p->quality[l], jh_quality_threshold[l], sizeof p->quality[l]);
    }
    p->quality_min_met = 6;
    p->quality_floor = 0.85;
    p->dec_cv = 3;
    p->dec_rate = 2;
    c->dec_mean_all = 3;
    for (int i = 0; i < JH_NBALANCE; i++) p->dec_mean[i] = -1;   /* derived */
}

static void derive(jh_config *c, const jh_ini *ini, diag_list *dl)
{
    jh_params *p = &c->core;
    const double *def = p->scheme == JH_SCHEME_QUALITY ? jh_quality_max_cv : jh_basic_max_cv;
    static const char *const keys[JH_NLEVELS] = {"primary_max_cv", "middle_max_cv"};
    for (int l = 0; l < JH_NLEVELS; l++) {
        if (isnan(p->max_cv[l])) { p->max_cv[l] = def[l]; continue; }
        /* a limit other than the national one is the county's own: the
         * report says so, and a laxer one (often copied from the basic
         * scheme's example into a quality report) is worth a warning */
        p->max_cv_own[l] = fabs(p->max_cv[l] - def[l]) > 1e-9;
        if (p->max_cv[l] > def[l] + 1e-9)
            diag_hint(diag_warning(dl, ini_path(ini), ini_line(ini, "balance", keys[l]), 0,
                                   _("[balance] %s = %.2f is laxer than the national %.2f of the %s scheme"),
                                   keys[l], p->max_cv[l], def[l], scheme_key(p->scheme)),
                      _("the report prints it as the county's own limit; remove the line to judge by the national one"));
    }
    for (int i = 0; i < JH_NBALANCE; i++)
        if (p->dec_mean[i] < 0) p->dec_mean[i] = i == BI_EQUIPMENT_VALUE ? 2 : c->dec_mean_all;
    /* the default title names the kind of report */
    if (!p->title)
        p->title = p->scheme == JH_SCHEME_QUALITY
                 ? xasprintf("%s%d年度县域义务教育优质均衡发展自评报告", p->county ? p->county : "", p->year)
                 : xasprintf("%s%d年度推进县域义务教育均衡发展工作情况报告", p->county ? p->county : "", p->year);
    if (!c->practices) c->practices = ini_resolve_path(ini, "practices.md");
}

/* A 差异系数 limit outside (0, 1] is legal but almost surely a slip: 0 fails
 * every county, above 1 passes any (the national limits are 0.45 to 0.65). */
static void check_cv_limits(const jh_ini *ini, const jh_params *p, diag_list *dl)
{
    static const char *const keys[JH_NLEVELS] = {"primary_max_cv", "middle_max_cv"};
    for (int l = 0; l < JH_NLEVELS; l++) {
        if (p->max_cv[l] > 0 && p->max_cv[l] <= 1) continue;
        diag_hint(diag_warning(dl, ini_path(ini), ini_line(ini, "balance", keys[l]), 0,
                               _("[balance] %s = %g is outside (0, 1]: %s"), keys[l], p->max_cv[l],
                               p->max_cv[l] <= 0 ? _("no county can be balanced") : _("any county passes")),
                  _("a 差异系数 limit is a fraction such as 0.65 (基本均衡) or 0.50 (优质均衡), not a percentage"));
    }
}

/* The [layout] type area must fit on the page. */
static int check_style(const jh_ini *ini, const layout_style *st, diag_list *dl)
{
    if (st->margin_left + st->area_w <= st->page_w && st->margin_top + st->area_h <= st->page_h) return 0;
    diag_hint(diag_error(dl, ini_path(ini), ini_line(ini, "layout", "area_width"), 0,
                         _("[layout] the type area does not fit on the page")),
              _("margin + area must not exceed the page size"));
    return -1;
}

static void add_fact(jh_config *c, const char *key, const char *value, int line)
{
    c->facts = xrealloc(c->facts, (size_t)(c->nfacts + 1) * sizeof *c->facts);
    c->facts[c->nfacts++] = (jh_fact){xstrdup(key), xstrdup(value), line};
}

jh_config *config_load(jh_ini *ini, config_need need, diag_list *dl)
{
    int before = dl->errors;
    jh_config *c = xcalloc(1, sizeof *c);
    c->ini_path = xstrdup(ini_path(ini));
    c->core.ini_path = c->ini_path;
    set_defaults(c);

    /* every section the file has, known or not */
    for (int i = 0; i < ini_nsections(ini); i++) {
        int line;
        const char *sec = ini_section_at(ini, i, &line);
        if (!schema_has_section(sec)) warn_unknown_section(ini, sec, line, dl);
    }
    /* every key, in file order */
    for (int i = 0; i < ini_nkeys(ini); i++) {
        const char *sec, *key, *val;
        int line = ini_key_at(ini, i, &sec, &key, &val);
        if (!schema_has_section(sec)) continue;   /* warned once, above */
        const jh_key *k = schema_find(sec, key);
        if (!k) { warn_unknown_key(ini, sec, key, line, dl); continue; }
        if (k->type == JH_KEY_FREE) { add_fact(c, key, val ? val : "", line); continue; }
        c->places = xrealloc(c->places, (size_t)(c->nplaces + 1) * sizeof *c->places);
        c->places[c->nplaces++] = (struct config_place){k, line};
        set_value(c, ini, k, val ? val : "", dl);
    }
    /* required keys */
    if (need == CONFIG_REPORT)
        for (size_t i = 0; i < jh_config_nkeys; i++) {
            const jh_key *k = &jh_config_keys[i];
            if (!(k->flags & JH_KEY_REQUIRED)) continue;
            const char *v = ini_get_str(ini, k->section, k->key, NULL);
            if (v && *v) continue;
            int line = ini_line(ini, k->section, k->key);
            diag *d = diag_error(dl, ini_path(ini), line, 0, v ? _("[%s] %s (%s) is empty") : _("[%s] %s (%s) is missing"),
                                 k->section, k->key, k->label);
            diag_hint(d, _("add '%s = ...' under [%s]: %s"), k->key, k->section, _(k->help));
        }
    derive(c, ini, dl);
    check_cv_limits(ini, &c->core, dl);
    check_style(ini, &c->style, dl);
    c->narrative = (jh_facts){c->ini_path, c->facts, c->nfacts};
    if (dl->errors > before) { config_free(c); return NULL; }
    return c;
}

jh_config *config_read(const char *path, config_need need, diag_list *dl)
{
    jh_ini *ini = ini_load(path, dl);
    if (!ini) return NULL;
    jh_config *c = config_load(ini, need, dl);
    ini_free(ini);
    return c;
}

void config_free(jh_config *c)
{
    if (!c) return;
    free(c->ini_path);
    free(c->core.county);
    free(c->core.title);
    free(c->core.issuer);
    free(c->core.date);
    free(c->output);
    free(c->practices);
    free(c->schools_path);
    free(c->sheet);
    free(c->template_report);
    free(c->template_sheet);
    style_free(&c->style);
    for (int i = 0; i < c->nfacts; i++) { free((char *)c->facts[i].key); free((char *)c->facts[i].value); }
    free(c->facts);
    free(c->places);
    free(c);
}

int config_line(const jh_config *c, const char *section, const char *key)
{
    for (int i = 0; i < c->nplaces; i++)
        if (!strcmp(c->places[i].key->section, section) && !strcmp(c->places[i].key->key, key))
            return c->places[i].line;
    return 0;
}

jh_load_opts config_load_opts(const jh_config *c)
{
    jh_load_opts o = {(jh_encoding)c->encoding, c->core.scheme == JH_SCHEME_QUALITY, c->mixed == 0, c->sheet};
    return o;
}
