/*
 * params — what the core needs to know besides the school data: which county
 * and year the figures are of (and the heading facts a report and a diff
 * print with them), the evaluation scheme, every threshold, and the display
 * precision the verdicts are judged at.
 *
 * A plain struct: the core never reads a file.  src/config/ fills it from the
 * INI (see config/schema.h for each key); a test fills it by hand.
 * Thresholds are in the unit of the indicator's value: teacher_ratio as
 * teachers per pupil ("1:19" -> 1/19), qualified_teachers as a fraction
 * ("98%" -> 0.98).  Strings are owned by whoever filled the struct.
 */
#ifndef JH_PARAMS_H
#define JH_PARAMS_H

#include "core/indicators.h"

typedef enum { JH_SCHEME_BASIC, JH_SCHEME_QUALITY } jh_scheme;

typedef struct jh_params {
    const char *ini_path;  /* where the values came from, for messages */
    /* the report's heading facts ([report]) */
    char *county;
    int year;
    char *title;           /* default "<county><year>年度推进县域义务教育均衡发展工作情况报告" */
    char *issuer;          /* 发文单位; NULL if not given */
    char *date;            /* 成文日期 as written; NULL if not given */
    /* [balance] */
    jh_scheme scheme;
    double max_cv[JH_NLEVELS];  /* basic: the 综合 threshold; quality: each CV's */
    /* [standard.primary], [standard.middle] */
    double standard[JH_NLEVELS][JH_NCOMPLIANCE];
    /* [quality.primary], [quality.middle]: national values unless set */
    double quality[JH_NLEVELS][JH_NQUALITY];
    int quality_min_met;   /* 6 of 7 */
    double quality_floor;  /* a missed indicator must still reach 0.85 × threshold */
    /* [display] */
    int dec_mean[JH_NBALANCE];   /* county means; default 3, equipment_value 2 */
    int dec_cv;                  /* 3 */
    int dec_rate;                /* 2 (percentages) */
} jh_params;

const char *scheme_key(jh_scheme s);   /* "basic", "quality" */

#endif
