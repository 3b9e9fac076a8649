/*
 * schools — the county's school data: one row per school part (学段), from a
 * CSV or an .xlsx workbook.
 *
 * Promises: a loaded jh_schools holds only rows that passed every check, with
 * 教学点 rows merged into their school and the resources of mixed schools
 * (九年一贯制, 完全中学, 十二年一贯制) split between the parts by the national
 * per-pupil weights (domain.md §1.4).  Every problem found goes to the
 * diag_list as `FILE:LINE: column 'KEY' (中文名): what is wrong`, or for a
 * workbook `FILE: SHEET!F12: column 'KEY' (表头): …`; if there is any error,
 * schools_load returns NULL.  Title rows, a two-row header, a units row,
 * 合计 rows and full-width digits are taken as Excel and WPS users write
 * them (schools.c says how).
 */
#ifndef JH_SCHOOLS_H
#define JH_SCHOOLS_H

#include "common/diag.h"
#include "input/table.h"

typedef enum { JH_PRIMARY = 0, JH_MIDDLE = 1, JH_NLEVELS = 2 } jh_level;

typedef enum {
    JH_TYPE_UNSET = 0,        /* column absent or empty: taken from the 学段 */
    JH_TYPE_PRIMARY,          /* 小学 */
    JH_TYPE_MIDDLE,           /* 初中 */
    JH_TYPE_NINE_YEAR,        /* 九年一贯制: 小学部 + 初中部 */
    JH_TYPE_COMPLETE_MIDDLE,  /* 完全中学: 初中部 (+ 高中, dropped) */
    JH_TYPE_TEACHING_POINT,   /* 教学点: merged into its school */
    JH_TYPE_TWELVE_YEAR       /* 十二年一贯制: 小学部 + 初中部 (+ 高中, dropped) */
} jh_school_type;

/* The CSV columns, in the order of the national 表Ⅱ. */
typedef enum {
    F_CODE, F_NAME, F_LEVEL, F_TYPE,
    F_STUDENTS, F_TEACHERS, F_QUALIFIED, F_ABOVE_DEGREE, F_SENIOR_TITLE,
    F_SITE_AREA, F_BUILDING_AREA, F_TEACHING_AREA, F_SPORTS_AREA,
    F_EQUIPMENT_VALUE, F_BOOKS, F_COMPUTERS, F_LABS, F_FUNCTION_ROOMS, F_LIBRARY,
    F_BACKBONE, F_ARTS, F_MULTIMEDIA, F_HIGH_STUDENTS,
    JH_NFIELDS
} jh_field;

typedef struct jh_field_def {
    const char *key;      /* English header, e.g. "books" */
    const char *label;    /* Chinese header, e.g. "图书册数" */
    const char *unit;     /* "m²", "元", "册", "名", "间", "台", "" */
} jh_field_def;

/* Column definitions, indexed by jh_field. */
extern const jh_field_def jh_fields[JH_NFIELDS];

typedef struct jh_school {
    char *code, *name;
    jh_level level;
    jh_school_type type;   /* never JH_TYPE_TEACHING_POINT (those are merged) */
    int line;              /* CSV line of the part's row (a workbook's: its row number) */
    char *place_file;      /* the row's place for diagnostics: the CSV's path, or
                              "book.xlsx: 学校!A12" (owned) */
    int place_line;        /* with place_file: the CSV line, 0 for a workbook */
    double v[JH_NFIELDS];  /* numeric columns: this part's own, after split and merge */
    double whole[JH_NFIELDS]; /* for a split mixed school: the whole-school figure; else = v */
    double share;          /* the part's share of split resources (1 when not split) */
    int points;            /* 教学点 rows merged into this part */
    long point_students;   /* their pupils (included in v[F_STUDENTS]) */
} jh_school;

typedef struct jh_schools {
    char *path;
    jh_school *items;      /* in file order */
    int n;
    int has[JH_NFIELDS];   /* the column is present in the file */
    char *encoding;        /* what the file was read as: "UTF-8", "UTF-8 (BOM)", "GB18030", "GBK", "XLSX" */
    jh_school **by_code;   /* internal: items sorted by code and level (NULL: linear search) */
} jh_schools;

typedef struct jh_load_opts {
    jh_encoding encoding;
    int need_quality;      /* backbone/arts/multimedia columns required (scheme quality) */
    int split_mixed;       /* 1: mixed-school rows hold whole-school totals, split them;
                              0: each row already holds its part's own figures */
    const char *sheet;     /* workbook: the sheet to read; NULL: the first visible one */
} jh_load_opts;

/* Read and check path.  NULL if there was any error (all of them are in dl). */
jh_schools *schools_load(const char *path, const jh_load_opts *opt, diag_list *dl);
/* The same on the file's bytes already in memory (a CSV or a workbook, told
 * apart by the bytes); `name` is used in messages. */
jh_schools *schools_parse(const char *name, const char *data, size_t len,
                          const jh_load_opts *opt, diag_list *dl);
void schools_free(jh_schools *s);

/* The part of school `code` for `level`, NULL if none (O(log n)). */
const jh_school *schools_find(const jh_schools *s, const char *code, jh_level level);
/* Every part of school `code` (at most JH_NLEVELS), in level order; returns the count. */
int schools_parts(const jh_schools *s, const char *code, const jh_school *out[JH_NLEVELS]);

const char *level_key(jh_level l);     /* "primary", "middle" */
const char *level_label(jh_level l);   /* "小学", "初中" */
const char *school_type_label(jh_school_type t);  /* "小学", "九年一贯制" ...; "" for unset */

#endif
