/*
 * figures — every figure of the report, computed from the configuration and
 * the school data.  Nothing here is rounded: a figure is rounded once, by
 * num_format, when it is displayed; verdicts that the report prints next to
 * a rounded number (balanced or not) are judged on that rounded number.
 *
 * Compliance (表Ⅱ): per school part and indicator, value ≥ threshold.
 * Balance (教督〔2012〕3号): per 学段 the county mean Σquantity / Σpupils and
 * the enrolment-weighted 差异系数 of each of the 8 indicators; the composite
 * is the plain mean of the 8 unrounded CVs; balanced when the composite,
 * rounded to the displayed decimals, is ≤ max_cv.
 * Quality (教督〔2017〕6号): the 7 indicators, each school passing with ≥6 met
 * and the rest ≥ 85% of the threshold; each CV, rounded, ≤ max_cv.  Both
 * families are always computed; cfg->scheme says which the report uses.
 * Undefined values (0/0) are NaN.
 */
#ifndef JH_FIGURES_H
#define JH_FIGURES_H

#include "common/diag.h"
#include "core/indicators.h"
#include "core/params.h"
#include "input/schools.h"

typedef struct jh_part_figures {
    const jh_school *school;   /* code, name, type, level, students, teachers, raw values */
    /* compliance */
    double value[JH_NCOMPLIANCE];      /* NaN when the denominator is 0 */
    double threshold[JH_NCOMPLIANCE];
    int met[JH_NCOMPLIANCE];
    double shortfall[JH_NCOMPLIANCE];  /* raw quantity lacking (m², 册, 元, teachers, rooms); 0 when met */
    int n_met;
    int all_met;                       /* the school part is 达标 */
    /* balance: the value of each of the 8 indicators (compare with the county mean) */
    double balance[JH_NBALANCE];
    /* quality */
    double q_value[JH_NQUALITY];
    double q_threshold[JH_NQUALITY];
    int q_met[JH_NQUALITY];
    int q_n_met;
    int q_pass;                        /* ≥ quality_min_met met and every other ≥ floor × threshold */
} jh_part_figures;

typedef struct jh_stat {
    double mean;   /* Σquantity / Σpupils (× scale) */
    double cv;     /* enrolment-weighted 差异系数; NaN when mean is 0 */
    int within;    /* quality: CV (rounded) ≤ max_cv; basic: informative only */
} jh_stat;

typedef struct jh_level_figures {
    jh_level level;
    int n;                        /* school parts */
    long students, teachers;
    jh_part_figures **parts;      /* this level's parts, in file order (borrowed from figures->parts) */
    /* compliance */
    int met[JH_NCOMPLIANCE];
    double rate[JH_NCOMPLIANCE];  /* percent, unrounded; NaN when n = 0 */
    int all_met;                  /* parts meeting all ten */
    double all_rate;
    /* balance */
    jh_stat bal[JH_NBALANCE];
    double composite_cv;          /* mean of the 8 unrounded CVs */
    double max_cv;                /* the threshold of the configured scheme */
    int balanced;                 /* basic: composite ≤ max; quality: every CV ≤ max (rounded) */
    /* quality */
    jh_stat q[JH_NQUALITY];
    int q_pass;                   /* parts passing the per-school rule */
    int q_within;                 /* CVs within max */
} jh_level_figures;

typedef struct jh_figures {
    const jh_params *cfg;         /* borrowed */
    const jh_schools *schools;    /* borrowed; must outlive the figures */
    jh_part_figures *parts;       /* one per school part, in file order */
    int n;
    jh_level_figures level[JH_NLEVELS];
} jh_figures;

/* Compute every figure.  Never fails on checked data; warnings (an undefined
 * CV, a 学段 without schools) go to dl. */
jh_figures *figures_compute(const jh_params *cfg, const jh_schools *schools, diag_list *dl);
void figures_free(jh_figures *f);

/* The figures of a school part, NULL if none. */
const jh_part_figures *figures_part(const jh_figures *f, const char *code, jh_level level);

/* The enrolment-weighted 差异系数 of values x with weights w (pupils):
 * mean = Σw·x / Σw, S = sqrt(Σw·(x − mean)² / Σw), CV = S / mean.
 * Stores the mean in *mean if not NULL.  NaN when n = 0 or the mean is 0. */
double weighted_cv(const double *x, const double *w, int n, double *mean);

/* value ≤ max once value is rounded half-up to `decimals` (inclusive). */
int within_displayed(double value, double max, int decimals);

#endif
