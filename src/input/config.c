/*
 * config — build jh_config from the INI getters (see config.h).
 *
 * Thresholds accept the notations staff copy from the provincial standard:
 * a ratio "1:19" (full-width "1：19" too), a rate "98%", or a plain decimal.
 * A teacher ratio written as a bare number above 1 ("19") is refused rather
 * than guessed: it could mean 1:19 or be a typo for 0.19.
 */
#include "input/config.h"
#include "common/i18n.h"
#include "common/num.h"
#include "common/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *scheme_key(jh_scheme s) { return s == JH_SCHEME_QUALITY ? "quality" : "basic"; }

static char *dup_or_null(const char *s) { return s && *s ? xstrdup(s) : NULL; }

static diag *key_error(jh_ini *ini, diag_list *dl, const char *sec, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static diag *key_error(jh_ini *ini, diag_list *dl, const char *sec, const char *key, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *what = xvasprintf(fmt, ap);
    va_end(ap);
    diag *d = diag_error(dl, ini_path(ini), ini_line(ini, sec, key), 0, _("[%s] %s: %s"), sec, key, what);
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

static void load_standard(jh_ini *ini, jh_config *c, jh_level l, diag_list *dl)
{
    const char *sec = l == JH_PRIMARY ? "standard.primary" : "standard.middle";
    for (int i = 0; i < JH_NCOMPLIANCE; i++) {
        const jh_indicator *ind = &jh_compliance_ind[i];
        const char *v = ini_get_str(ini, sec, ind->key, NULL);
        if (!v || !*v) {
            diag_hint(diag_error(dl, ini_path(ini), ini_line(ini, sec, ind->key), 0,
                                 _("[%s] %s (%s) %s"), sec, ind->key, ind->label, v ? _("is empty") : _("is missing")),
                      _("add '%s = ...' under [%s]: the province's 办学基本标准 for %s"), ind->key, sec, level_label(l));
            continue;
        }
        double x;
        if (parse_threshold(v, &x) != 0) {
            diag_hint(key_error(ini, dl, sec, ind->key, _("'%s' is not a number"), v),
                      i == CI_TEACHER_RATIO ? "write a ratio such as 1:19" :
                      i == CI_QUALIFIED ? "write a rate such as 100%% or 0.98" :
                      "write a plain number in %s, e.g. 20", *ind->unit ? ind->unit : "the indicator's unit");
            continue;
        }
        if (x < 0) {
            diag_hint(key_error(ini, dl, sec, ind->key, _("'%s' is negative"), v), _("a standard is a minimum of 0 or more"));
            continue;
        }
        if ((i == CI_TEACHER_RATIO || i == CI_QUALIFIED) && x > 1) {
            diag_hint(key_error(ini, dl, sec, ind->key, _("'%s' is more than 1"), v),
                      i == CI_TEACHER_RATIO ? "write the ratio as 1:19 (one teacher per 19 pupils)"
                                            : "write the rate as 98%% or 0.98");
            continue;
        }
        c->standard[l][i] = x;
    }
}

static void load_quality(jh_ini *ini, jh_config *c, jh_level l, diag_list *dl)
{
    const char *sec = l == JH_PRIMARY ? "quality.primary" : "quality.middle";
    for (int i = 0; i < JH_NQUALITY; i++) {
        double x;
        if (ini_get_double(ini, sec, jh_quality_ind[i].key, jh_quality_threshold[l][i], &x, dl) != 0) continue;
        if (x < 0) {
            diag_hint(key_error(ini, dl, sec, jh_quality_ind[i].key, _("is negative")), _("a standard is a minimum of 0 or more"));
            continue;
        }
        c->quality[l][i] = x;
    }
}

/* A number of decimals in [display], 0..9. */
static void get_decimals(jh_ini *ini, const char *key, int def, int *out, diag_list *dl)
{
    if (ini_get_int(ini, "display", key, def, out, dl) != 0) return;
    if (*out < 0 || *out > 9) {
        diag_hint(key_error(ini, dl, "display", key, _("%d decimals is out of range"), *out), _("use 0 to 9 decimals"));
        *out = def;
    }
}

static void load_display(jh_ini *ini, jh_config *c, diag_list *dl)
{
    int mean;
    get_decimals(ini, "cv", 3, &c->dec_cv, dl);
    get_decimals(ini, "rate", 2, &c->dec_rate, dl);
    get_decimals(ini, "mean", 3, &mean, dl);
    for (int i = 0; i < JH_NBALANCE; i++)
        get_decimals(ini, jh_balance_ind[i].key, i == BI_EQUIPMENT_VALUE ? 2 : mean, &c->dec_mean[i], dl);
}

static void load_report(jh_ini *ini, jh_config *c, diag_list *dl)
{
    c->county = dup_or_null(ini_require_str(ini, "report", "county", dl));
    if (!ini_has(ini, "report", "year")) {
        diag_hint(diag_error(dl, ini_path(ini), 0, 0, _("[report] year is missing")), _("add 'year = 2019' under [report]"));
    } else if (ini_get_int(ini, "report", "year", 0, &c->year, dl) == 0 && (c->year < 1990 || c->year > 2100)) {
        diag_hint(key_error(ini, dl, "report", "year", _("%d is not a plausible year"), c->year), _("write the year of the report, e.g. 2019"));
    }
    const char *t = ini_get_str(ini, "report", "title", NULL);
    c->title = t && *t ? xstrdup(t)
                       : xasprintf("%s%d年度推进县域义务教育均衡发展工作情况报告", c->county ? c->county : "", c->year);
    c->issuer = dup_or_null(ini_get_str(ini, "report", "issuer", NULL));
    c->date = dup_or_null(ini_get_str(ini, "report", "date", NULL));
    const char *o = ini_get_str(ini, "report", "output", NULL);
    c->output = o && *o ? ini_resolve_path(ini, o) : NULL;
}

static void load_data(jh_ini *ini, jh_config *c, diag_list *dl)
{
    const char *s = ini_require_str(ini, "data", "schools", dl);
    c->schools_path = s ? ini_resolve_path(ini, s) : NULL;
    const char *e = ini_get_str(ini, "data", "encoding", "auto");
    if (!strcasecmp(e, "auto") || !*e) c->encoding = JH_ENC_AUTO;
    else if (!strcasecmp(e, "utf-8") || !strcasecmp(e, "utf8")) c->encoding = JH_ENC_UTF8;
    else if (!strcasecmp(e, "gb18030") || !strcasecmp(e, "gbk")) c->encoding = JH_ENC_GB18030;
    else diag_hint(key_error(ini, dl, "data", "encoding", _("unknown encoding '%s'"), e), _("write auto, utf-8 or gb18030"));
    const char *m = ini_get_str(ini, "data", "mixed", "split");
    if (!strcasecmp(m, "split") || !*m) c->split_mixed = 1;
    else if (!strcasecmp(m, "parts")) c->split_mixed = 0;
    else diag_hint(key_error(ini, dl, "data", "mixed", _("unknown value '%s'"), m),
                   _("write split (rows of 九年一贯制/完全中学 hold whole-school totals) or parts (each row holds its part's own)"));
}

static void load_balance(jh_ini *ini, jh_config *c, diag_list *dl)
{
    const char *s = ini_get_str(ini, "balance", "scheme", "basic");
    if (!strcasecmp(s, "basic") || !*s) c->scheme = JH_SCHEME_BASIC;
    else if (!strcasecmp(s, "quality")) c->scheme = JH_SCHEME_QUALITY;
    else diag_hint(key_error(ini, dl, "balance", "scheme", _("unknown scheme '%s'"), s),
                   _("write basic (基本均衡, 教督〔2012〕3号) or quality (优质均衡, 教督〔2017〕6号)"));
    const double *def = c->scheme == JH_SCHEME_QUALITY ? jh_quality_max_cv : jh_basic_max_cv;
    const char *keys[JH_NLEVELS] = {"primary_max_cv", "middle_max_cv"};
    for (int l = 0; l < JH_NLEVELS; l++) {
        if (ini_get_double(ini, "balance", keys[l], def[l], &c->max_cv[l], dl) == 0 && c->max_cv[l] <= 0) {
            diag_hint(key_error(ini, dl, "balance", keys[l], _("must be more than 0")), _("the national value is %.2f"), def[l]);
            c->max_cv[l] = def[l];
        }
    }
    c->quality_min_met = 6;
    c->quality_floor = 0.85;
}

jh_config *config_load(jh_ini *ini, diag_list *dl)
{
    int before = dl->errors;
    jh_config *c = xcalloc(1, sizeof *c);
    c->ini_path = xstrdup(ini_path(ini));
    load_report(ini, c, dl);
    load_data(ini, c, dl);
    load_balance(ini, c, dl);
    for (int l = 0; l < JH_NLEVELS; l++) {
        load_standard(ini, c, (jh_level)l, dl);
        memcpy(c->quality[l], jh_quality_threshold[l], sizeof c->quality[l]);
        load_quality(ini, c, (jh_level)l, dl);
    }
    load_display(ini, c, dl);
    if (dl->errors > before) { config_free(c); return NULL; }
    return c;
}

void config_free(jh_config *c)
{
    if (!c) return;
    free(c->ini_path);
    free(c->county);
    free(c->title);
    free(c->issuer);
    free(c->date);
    free(c->output);
    free(c->schools_path);
    free(c);
}

jh_load_opts config_load_opts(const jh_config *c)
{
    jh_load_opts o = {c->encoding, c->scheme == JH_SCHEME_QUALITY, c->split_mixed, NULL};
    return o;
}
