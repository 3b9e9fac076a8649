/*
 * workbook — the figures as an Excel workbook (.xlsx, libxlsxwriter), for a
 * 督导 office to file with the report or to check by hand.
 *
 * Promises:
 *   - Sheet 「表1 达标情况」 is the report's 表1 (per 学段 the schools
 *     meeting each of the ten standards, and the rate), laid out as printed,
 *     with the parts meeting all ten below it; 「表2 均衡状况」 is 表2 (per 学段
 *     each indicator's county mean and 差异系数, the composite under the
 *     basic scheme) with the verdict of each 学段 below it.  Cells the report
 *     shades (below standard, over the limit) are shaded.
 *   - One sheet per 学段 with schools (「小学学校」, 「初中学校」): a row per
 *     school part with its pupils and teachers, then for each standard the
 *     school's value, the threshold, 达标/未达标 and the shortfall (the raw
 *     quantity lacking, m², 名教师 ...), whether it meets all ten, and its
 *     balance values (quality scheme: the seven indicators with threshold and
 *     verdict, and whether the part passes).
 *   - Every number is stored as computed, unrounded; the cell's number
 *     format shows it at the precision the report prints (CV 0.000, rates
 *     0.00, 合格率 0.00% ...).  Two deliberate differences: 师生比 is stored
 *     as pupils per teacher (1 / the JSON value) and shown "1:20.4", the way
 *     it is read; a shortfall, which the report rounds up to whole units, is
 *     shown with two decimals (no number format rounds up), and 0 shows empty.
 *     An undefined figure (no pupils, no teachers) is the text "-".
 *   - The file is written atomically (common/outfile): a failure leaves
 *     nothing at path.  Memory stays flat in the number of schools
 *     (libxlsxwriter's constant-memory mode: rows go to a temporary file as
 *     they are written).
 */
#ifndef JH_WORKBOOK_H
#define JH_WORKBOOK_H

#include "common/diag.h"
#include "core/figures.h"

/* Write the workbook of f to path.  0, or -1 with a diagnostic naming path. */
int workbook_write(const jh_figures *f, const char *path, diag_list *dl);

#endif
