/*
 * schools_template — the fillable schools.xlsx that `junheng init` hands a
 * county: the school data's columns, ready for a statistician to type or
 * paste into in Excel or WPS.
 *
 * Promises:
 *   - Sheet 「学校数据」 (the first, which the reader reads by default): one
 *     header row of every column the school data loader knows
 *     (input/schools.h jh_fields), named in Chinese with the unit the loader
 *     reads ("在校生数（名）", "占地面积（m²）"), in the order of the national
 *     表Ⅱ; the 优质均衡 columns and 高中在校生数 are there too (empty is allowed
 *     where the scheme does not need them).  Each header cell carries a
 *     comment saying what to enter; 学段 and 学校类型 are drop-down lists of
 *     the words the loader accepts; counts accept whole numbers only, areas
 *     and money decimals ≥ 0 (Excel refuses anything else as it is typed);
 *     学校代码 is a text column (a long code never becomes 4.3123E+09); the
 *     header row and the code and name columns are frozen; widths fit the
 *     headers.
 *   - Sheet 「填表说明」: a row per column (name, unit, required or not, what to
 *     enter) and the rules that span rows (one row per 学段, 九年一贯制 and
 *     教学点 rows).
 *   - Written atomically (common/outfile): a failure leaves nothing at path.
 */
#ifndef JH_SCHOOLS_TEMPLATE_H
#define JH_SCHOOLS_TEMPLATE_H

#include "common/diag.h"

/* The header of column f (a jh_field) as the template writes it: the
 * Chinese name with its unit, "在校生数（名）"; owned by the caller. */
char *schools_template_header(int f);

/* Write the template to path.  quality: the scheme is 优质均衡 (its three
 * columns are marked required).  0, or -1 with a diagnostic. */
int schools_template_write(const char *path, int quality, diag_list *dl);

#endif
