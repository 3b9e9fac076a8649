/*
 * figures — compliance, balance and quality figures (see figures.h).
 *
 * Comparisons with a threshold are made on the raw quantities
 * (quantity ≥ threshold × pupils) with a relative tolerance of 1e-9, so a
 * school with exactly 10 teachers for 190 pupils meets 1:19 although 10/190
 * and 1/19 may differ in the last binary digit.  A school part with 0
 * teachers has no 学历合格率 (NaN) and lacks no qualified teacher.
 */
#include "core/figures.h"
#include "common/i18n.h"
#include "common/num.h"
#include "common/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOL 1e-9

const char *scheme_key(jh_scheme s) { return s == JH_SCHEME_QUALITY ? "quality" : "basic"; }

int within_displayed(double value, double max, int decimals)
{
    if (isnan(value)) return 0;
    return num_round(value, decimals) <= max + 1e-12;
}

/* CV around a given mean: sqrt(Σw(x−m)²/Σw)/m. */
static double cv_about(const double *x, const double *w, int n, double m)
{
    double sw = 0, ss = 0;
    for (int i = 0; i < n; i++) {
        sw += w[i];
        ss += w[i] * (x[i] - m) * (x[i] - m);
    }
    if (n == 0 || sw == 0 || m == 0 || isnan(m)) return NAN;
    return sqrt(ss / sw) / m;
}

double weighted_cv(const double *x, const double *w, int n, double *mean)
{
    double sw = 0, sx = 0;
    for (int i = 0; i < n; i++) { sw += w[i]; sx += w[i] * x[i]; }
    double m = sw > 0 ? sx / sw : NAN;
    if (mean) *mean = m;
    return cv_about(x, w, n, m);
}

/* Is quantity q enough for `need`?  Relative tolerance absorbs binary error. */
static int enough(double q, double need)
{
    return q >= need - TOL * fmax(1, fabs(need));
}

static double lacking(const jh_indicator *ind, double q, double need)
{
    if (enough(q, need)) return 0;
    double d = need - q;
    return ind->integral ? ceil(d - TOL * fmax(1, need)) : d;
}

static void part_compliance(const jh_params *cfg, jh_part_figures *p)
{
    const jh_school *s = p->school;
    p->n_met = 0;
    for (int i = 0; i < JH_NCOMPLIANCE; i++) {
        const jh_indicator *ind = &jh_compliance_ind[i];
        double th = cfg->standard[s->level][i];
        double need = th * indicator_base(ind, s);
        double q = s->v[ind->quantity];
        p->threshold[i] = th;
        p->value[i] = indicator_value(ind, s);
        p->met[i] = enough(q, need);
        p->shortfall[i] = lacking(ind, q, need);
        p->n_met += p->met[i];
    }
    p->all_met = p->n_met == JH_NCOMPLIANCE;
}

static void part_quality(const jh_params *cfg, jh_part_figures *p)
{
    const jh_school *s = p->school;
    int floor_ok = 1;
    p->q_n_met = 0;
    for (int i = 0; i < JH_NQUALITY; i++) {
        const jh_indicator *ind = &jh_quality_ind[i];
        double th = cfg->quality[s->level][i];
        double base = indicator_base(ind, s), q = s->v[ind->quantity];
        p->q_threshold[i] = th;
        p->q_value[i] = indicator_value(ind, s);
        p->q_met[i] = enough(q, th * base);
        p->q_n_met += p->q_met[i];
        p->q_near[i] = !p->q_met[i] && enough(q, cfg->quality_floor * th * base);
        if (!p->q_met[i] && !p->q_near[i]) floor_ok = 0;
    }
    p->q_pass = p->q_n_met >= cfg->quality_min_met && floor_ok;
}

/* Mean and CV of indicator ind over the level's parts. */
static jh_stat level_stat(const jh_indicator *ind, jh_level_figures *lv, double *x, double *w)
{
    double sq = 0, sp = 0;
    for (int i = 0; i < lv->n; i++) {
        const jh_school *s = lv->parts[i]->school;
        sq += s->v[ind->quantity];
        sp += s->v[F_STUDENTS];
        x[i] = indicator_value(ind, s);
        w[i] = s->v[F_STUDENTS];
    }
    jh_stat st;
    st.mean = sp > 0 ? sq / sp * ind->scale : NAN;
    st.cv = cv_about(x, w, lv->n, st.mean);
    st.within = 0;
    return st;
}

static void level_figures(const jh_params *cfg, const jh_schools *sc, jh_level_figures *lv, diag_list *dl)
{
    double *x = xcalloc((size_t)lv->n + 1, sizeof *x), *w = xcalloc((size_t)lv->n + 1, sizeof *w);
    for (int i = 0; i < lv->n; i++) {
        const jh_part_figures *p = lv->parts[i];
        lv->students += (long)p->school->v[F_STUDENTS];
        lv->teachers += (long)p->school->v[F_TEACHERS];
        for (int k = 0; k < JH_NCOMPLIANCE; k++) lv->met[k] += p->met[k];
        lv->all_met += p->all_met;
        lv->q_pass += p->q_pass;
        for (int k = 0; k < JH_NQUALITY; k++) lv->q_met[k] += p->q_met[k];
    }
    for (int k = 0; k < JH_NCOMPLIANCE; k++) lv->rate[k] = lv->n ? 100.0 * lv->met[k] / lv->n : NAN;
    lv->all_rate = lv->n ? 100.0 * lv->all_met / lv->n : NAN;

    double sum = 0;
    for (int k = 0; k < JH_NBALANCE; k++) {
        lv->bal[k] = level_stat(&jh_balance_ind[k], lv, x, w);
        lv->bal[k].within = within_displayed(lv->bal[k].cv, cfg->max_cv[lv->level], cfg->dec_cv);
        sum += lv->bal[k].cv;
        if (lv->n && isnan(lv->bal[k].cv))
            diag_hint(diag_warning(dl, sc->path, 0, 0, _("%s: the county mean of %s is 0, so its 差异系数 is undefined"),
                                   level_label(lv->level), jh_balance_ind[k].label),
                      _("check the column '%s' (%s): every %s row has 0"), jh_fields[jh_balance_ind[k].quantity].key,
                      jh_fields[jh_balance_ind[k].quantity].label, level_label(lv->level));
    }
    lv->composite_cv = lv->n ? sum / JH_NBALANCE : NAN;
    lv->q_within = lv->n > 0;
    for (int k = 0; k < JH_NQUALITY; k++) {
        lv->q[k] = level_stat(&jh_quality_ind[k], lv, x, w);
        lv->q[k].within = within_displayed(lv->q[k].cv, cfg->max_cv[lv->level], cfg->dec_cv);
        if (!lv->q[k].within) lv->q_within = 0;
    }
    lv->max_cv = cfg->max_cv[lv->level];
    if (lv->n == 0) lv->balanced = -1;
    else if (cfg->scheme == JH_SCHEME_QUALITY) lv->balanced = lv->q_within;
    else lv->balanced = within_displayed(lv->composite_cv, lv->max_cv, cfg->dec_cv);
    free(x);
    free(w);
}

/* A per-pupil value more than PLAUSIBLE times its standard, or under
 * 1/PLAUSIBLE of it, is almost always a typing or unit slip (万元 for 元, a
 * digit too many, pupils and teachers swapped): say so, naming the row.  A
 * warning only: a new school may really have 20 times the land it needs. */
#define PLAUSIBLE 20.0

static void part_plausible(const jh_schools *sc, const jh_part_figures *p, diag_list *dl)
{
    const jh_school *s = p->school;
    for (int i = 0; i < JH_NCOMPLIANCE; i++) {
        const jh_indicator *ind = &jh_compliance_ind[i];
        double v = p->value[i], th = p->threshold[i];
        if (ind->per != F_STUDENTS || !(th > 0) || !isfinite(v)) continue;
        int high = v > PLAUSIBLE * th, low = v < th / PLAUSIBLE;
        if (!high && !low) continue;
        char vb[32], tb[32];
        snprintf(vb, sizeof vb, "%.4g", ind->percent ? v * 100 : v);
        snprintf(tb, sizeof tb, "%.4g", ind->percent ? th * 100 : th);
        diag *d = diag_warning(dl, s->place_file ? s->place_file : sc->path, s->place_file ? s->place_line : s->line, 0,
                               high ? _("school '%s' (%s): %s is %s, more than %g times the standard %s: is a value mistyped?")
                                    : _("school '%s' (%s): %s is %s, less than 1/%g of the standard %s: is a value mistyped?"),
                               s->name, level_label(s->level), ind->label, vb, PLAUSIBLE, tb);
        diag_hint(d, _("check the columns '%s' (%s) and 在校生数 of this row: a unit (万元 for 元), a digit too many or too few?"),
                  jh_fields[ind->quantity].key, jh_fields[ind->quantity].label);
    }
}

jh_figures *figures_compute(const jh_params *cfg, const jh_schools *sc, diag_list *dl)
{
    jh_figures *f = xcalloc(1, sizeof *f);
    f->cfg = cfg;
    f->schools = sc;
    f->n = sc->n;
    f->parts = xcalloc((size_t)sc->n + 1, sizeof *f->parts);
    for (int i = 0; i < sc->n; i++) {
        jh_part_figures *p = &f->parts[i];
        p->school = &sc->items[i];
        part_compliance(cfg, p);
        for (int k = 0; k < JH_NBALANCE; k++) p->balance[k] = indicator_value(&jh_balance_ind[k], p->school);
        part_quality(cfg, p);
        part_plausible(sc, p, dl);
    }
    for (int l = 0; l < JH_NLEVELS; l++) {
        jh_level_figures *lv = &f->level[l];
        lv->level = (jh_level)l;
        lv->parts = xcalloc((size_t)sc->n + 1, sizeof *lv->parts);
        for (int i = 0; i < f->n; i++)
            if (f->parts[i].school->level == (jh_level)l) lv->parts[lv->n++] = &f->parts[i];
        level_figures(cfg, sc, lv, dl);
    }
    return f;
}

void figures_free(jh_figures *f)
{
    if (!f) return;
    for (int l = 0; l < JH_NLEVELS; l++) free(f->level[l].parts);
    free(f->parts);
    free(f);
}

const jh_part_figures *figures_part(const jh_figures *f, const char *code, jh_level level)
{
    const jh_school *s = schools_find(f->schools, code, level);
    return s ? &f->parts[s - f->schools->items] : NULL;
}
