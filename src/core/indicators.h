/*
 * indicators — the one table of every indicator junheng computes.
 *
 * Three families, each in the order of the national / seed tables:
 *   compliance (表Ⅱ, 办学基本标准)  10 indicators, judged per school part;
 *   balance    (教督〔2012〕3号)      8 indicators, county mean and 差异系数;
 *   quality    (教督〔2017〕6号)      7 indicators, per school and per CV.
 * An indicator's value for a school part is
 *     quantity / per × scale        (per = 在校生数 or 专任教师数)
 * or the quantity itself for room counts (per = JH_PER_NONE).
 */
#ifndef JH_INDICATORS_H
#define JH_INDICATORS_H

#include "input/schools.h"

typedef enum {
    CI_TEACHER_RATIO, CI_QUALIFIED, CI_SITE_AREA, CI_BUILDING_AREA, CI_SPORTS_AREA,
    CI_LABS, CI_FUNCTION_ROOMS, CI_LIBRARY, CI_EQUIPMENT_VALUE, CI_BOOKS,
    JH_NCOMPLIANCE
} jh_compliance_id;

typedef enum {
    BI_TEACHING_AREA, BI_SPORTS_AREA, BI_EQUIPMENT_VALUE, BI_BOOKS, BI_COMPUTERS,
    BI_TEACHER_RATIO, BI_ABOVE_DEGREE, BI_SENIOR_TITLE,
    JH_NBALANCE
} jh_balance_id;

typedef enum {
    QI_ABOVE_DEGREE, QI_BACKBONE, QI_ARTS, QI_TEACHING_AREA, QI_SPORTS_AREA,
    QI_EQUIPMENT_VALUE, QI_MULTIMEDIA,
    JH_NQUALITY
} jh_quality_id;

#define JH_PER_NONE (-1)

typedef struct jh_indicator {
    const char *key;            /* "books" — INI keys and JSON use it */
    const char *label;          /* full name: "生均图书册数" */
    const char *short_label;    /* the seed table's header: "生均藏书" */
    jh_field quantity;          /* numerator column */
    int per;                    /* denominator column (F_STUDENTS, F_TEACHERS) or JH_PER_NONE */
    double scale;               /* 100 for "per hundred pupils", else 1 */
    const char *unit;           /* unit of the value: "m²", "册", "元", "台", "间", "" */
    const char *shortfall_unit; /* unit of the raw quantity a school lacks: "m²", "册", "元", "名教师", "间" */
    int integral;               /* shortfall is a whole number (people, books, rooms) */
    int percent;                /* value is a rate, displayed ×100 with "%" */
    int decimals;               /* default display decimals of the value */
} jh_indicator;

extern const jh_indicator jh_compliance_ind[JH_NCOMPLIANCE];
extern const jh_indicator jh_balance_ind[JH_NBALANCE];
extern const jh_indicator jh_quality_ind[JH_NQUALITY];

/* National 教督〔2017〕6号 per-school thresholds, [level][indicator]. */
extern const double jh_quality_threshold[JH_NLEVELS][JH_NQUALITY];
/* National maximum CVs: basic (综合) and quality (each), [level]. */
extern const double jh_basic_max_cv[JH_NLEVELS];
extern const double jh_quality_max_cv[JH_NLEVELS];

/* Index of the indicator with `key` in table (n entries), -1 if none. */
int indicator_find(const jh_indicator *table, int n, const char *key);

/* The indicator's value for school part s: NaN when the denominator is 0. */
double indicator_value(const jh_indicator *ind, const jh_school *s);

/* Denominator of ind for s (pupils, teachers, or 1 for counts), with scale:
 * the value is s->v[quantity] / indicator_base(ind, s). */
double indicator_base(const jh_indicator *ind, const jh_school *s);

/* A compliance indicator's value as reports print it: 师生比 as "1:18.5"
 * (pupils per teacher, as people read it), a rate ×100 with "%", anything
 * else at the indicator's decimals; "-" when undefined.  Returns buf. */
char *compliance_format(char *buf, size_t size, int ci, double value);

#endif
