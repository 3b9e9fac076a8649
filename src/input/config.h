/*
 * config — the typed configuration of one report, read from its INI file.
 *
 * Reads [report], [data], [balance], [standard.primary], [standard.middle],
 * the optional [quality.primary], [quality.middle] and [display].  Other
 * sections belong to other stages; config_load neither reads nor warns about
 * them (the command calls ini_warn_unused() once every stage has read).
 *
 * Thresholds are stored in the unit of the indicator's value: teacher_ratio
 * as teachers per pupil ("1:19" -> 1/19), qualified_teachers as a fraction
 * ("98%" -> 0.98).  Paths are resolved against the INI file's folder.
 */
#ifndef JH_CONFIG_H
#define JH_CONFIG_H

#include "common/diag.h"
#include "core/indicators.h"
#include "input/ini.h"
#include "input/schools.h"

typedef enum { JH_SCHEME_BASIC, JH_SCHEME_QUALITY } jh_scheme;

typedef struct jh_config {
    char *ini_path;
    /* [report] */
    char *county;          /* required */
    int year;              /* required */
    char *title;           /* default by scheme: basic "<county><year>年度推进县域义务教育均衡发展工作情况报告",
                              quality "<county><year>年度县域义务教育优质均衡发展自评报告" */
    char *practices;       /* the county's own text (主要做法 …): [report] practices, default
                              practices.md beside the INI; resolved */
    char *issuer;          /* 发文单位; NULL if not given */
    char *date;            /* 成文日期 as written; NULL if not given */
    char *output;          /* resolved PDF path; NULL if not given */
    /* [data] */
    char *schools_path;    /* resolved CSV path */
    jh_encoding encoding;  /* auto | utf-8 | gb18030 */
    int split_mixed;       /* mixed = split (1, default) | parts (0) */
    /* [balance] */
    jh_scheme scheme;      /* basic | quality */
    double max_cv[JH_NLEVELS];  /* basic: the 综合 threshold; quality: each CV's */
    int max_cv_own[JH_NLEVELS]; /* the INI sets a limit other than the scheme's national one */
    /* [standard.primary], [standard.middle]: all ten required */
    double standard[JH_NLEVELS][JH_NCOMPLIANCE];
    /* [quality.primary], [quality.middle]: national values unless set */
    double quality[JH_NLEVELS][JH_NQUALITY];
    int quality_min_met;   /* 6 of 7 */
    double quality_floor;  /* a missed indicator must still reach 0.85 × threshold */
    /* [display] */
    int dec_mean[JH_NBALANCE];   /* county means; default 3, equipment_value 2 */
    int dec_cv;                  /* 3 */
    int dec_rate;                /* 2 (percentages) */
} jh_config;

/* Read the report's configuration.  NULL if anything required is missing or
 * malformed (every such problem is in dl, naming file, line, section, key). */
jh_config *config_load(jh_ini *ini, diag_list *dl);
void config_free(jh_config *c);

/* The options schools_load needs, from the configuration. */
jh_load_opts config_load_opts(const jh_config *c);

const char *scheme_key(jh_scheme s);   /* "basic", "quality" */

#endif
