/*
 * compare — what changes between two computations of the report.
 *
 * Given the figures of an old and a new run (each with its own configuration
 * and school data), list in order:
 *   JH_CH_CONFIG   a configuration value the report prints or judges by
 *                  (title, thresholds, max CV), as displayed;
 *   JH_CH_DATA     a school part's CSV value (name, type, numeric columns);
 *   JH_CH_SCHOOL   a school part present in only one run;
 *   JH_CH_FIGURE   a displayed figure: county counts, met counts, rates, means,
 *                  CVs, the composite, a school part's indicator values;
 *   JH_CH_VERDICT  a judgement that flips: a part meets/misses an indicator or
 *                  all ten (or the quality rule), a CV or the composite is
 *                  within/over its limit, a 学段 is balanced or not.
 * Figures are compared as the strings the report prints (num_format at the
 * configuration's decimals), so a change below display precision is no
 * change.  School parts are matched by code and 学段.
 */
#ifndef JH_COMPARE_H
#define JH_COMPARE_H

#include "core/figures.h"

typedef enum { JH_CH_CONFIG, JH_CH_DATA, JH_CH_SCHOOL, JH_CH_FIGURE, JH_CH_VERDICT, JH_NCHANGE_KINDS } jh_change_kind;

typedef struct jh_change {
    jh_change_kind kind;
    int level;            /* jh_level, or -1 for the whole report */
    char *code, *name;    /* the school part; NULL for county-wide entries */
    char *key;            /* machine key: "books", "composite", "balanced", "all" ... */
    char *measure;        /* "value", "mean", "cv", "met", "rate", "within", ... */
    char *label;          /* Chinese label: "生均图书数 差异系数" */
    char *old_s, *new_s;  /* displayed values; NULL when absent (school added/removed) */
    int old_b, new_b;     /* verdicts: 1 yes, 0 no, -1 undefined */
} jh_change;

typedef struct jh_diff {
    jh_change *items;
    int n, cap;
    int count[JH_NCHANGE_KINDS];
} jh_diff;

/* Compare old against new; d receives every change (d is initialised here). */
void compare_figures(const jh_figures *old, const jh_figures *new_, jh_diff *d);
void compare_free(jh_diff *d);

/* 1 when something the report prints or concludes changes (anything but a
 * data value whose consequences are all below display precision). */
int compare_report_changed(const jh_diff *d);

/* A number the way a data file writes it: the fewest decimals (≤ 6) that
 * read back to x ("43939.35", "71078"); "-" for NaN. */
char *compare_data_num(char *buf, size_t size, double x);

#endif
