/*
 * csv2xlsx — writes a school CSV as the workbook a county bureau keeps
 * (libxlsxwriter), for the tests and the benchmark of junheng's .xlsx reader.
 *
 * usage: csv2xlsx IN.csv OUT.xlsx [options]
 *   --title TEXT    a title row merged across the table, above the header
 *   --group         a two-row header: merged group cells (专任教师, 占地面积,
 *                   校舍面积) over their sub-columns, the other headers merged
 *                   down over both rows; the area columns are reordered under
 *                   their groups as the statistics forms have them
 *   --codes-text    学校代码 stored as text (else as a number)
 *   --units         a units row under the header (人, 平方米, 元 …)
 *   --totals        a 合计 row at the bottom, with SUM formulas and their values
 *   --sheet NAME    the sheet's name (default 学校); a second sheet 说明 follows
 *   --shared        strings as shared strings (libxlsxwriter's default is
 *                   inline strings only in constant_memory mode)
 * Numbers are written as numbers (Excel's double), every other cell as text.
 */
#include "input/table.h"
#include "common/fileio.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static const char *unit_of(const char *h)
{
    static const struct { const char *h, *u; } u[] = {
        {"在校生数", "人"}, {"专任教师数", "人"}, {"学历合格教师数", "人"}, {"高于规定学历教师数", "人"},
        {"中级及以上职称教师数", "人"}, {"占地面积", "平方米"}, {"校舍建筑面积", "平方米"},
        {"教学及辅助用房面积", "平方米"}, {"体育运动场馆面积", "平方米"}, {"教学仪器设备值", "元"},
        {"图书册数", "册"}, {"计算机台数", "台"}, {"实验室数", "间"}, {"功能室数", "间"}, {"图书室", "间"},
        {"高中在校生数", "人"},
    };
    for (size_t i = 0; i < sizeof u / sizeof u[0]; i++) if (!strcmp(h, u[i].h)) return u[i].u;
    return "";
}

/* The group a column goes under in --group, and its sub-header there. */
static int group_of(const char *h, const char **grp, const char **sub)
{
    static const struct { const char *h, *g, *s; int order; } g[] = {
        {"专任教师数", "专任教师（人）", "专任教师数", 1}, {"学历合格教师数", "专任教师（人）", "学历合格教师数", 2},
        {"高于规定学历教师数", "专任教师（人）", "高于规定学历教师数", 3},
        {"中级及以上职称教师数", "专任教师（人）", "中级及以上职称教师数", 4},
        {"占地面积", "占地面积（平方米）", "合计", 5}, {"体育运动场馆面积", "占地面积（平方米）", "其中：体育运动场馆面积", 6},
        {"校舍建筑面积", "校舍面积（平方米）", "建筑面积", 7}, {"教学及辅助用房面积", "校舍面积（平方米）", "其中：教学及辅助用房面积", 8},
    };
    for (size_t i = 0; i < sizeof g / sizeof g[0]; i++)
        if (!strcmp(h, g[i].h)) { *grp = g[i].g; *sub = g[i].s; return g[i].order; }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: csv2xlsx IN.csv OUT.xlsx [--title T] [--group] [--codes-text] [--units] [--totals] [--sheet N]\n");
        return 2;
    }
    const char *title = NULL, *sheet = "学校";
    int group = 0, codes_text = 0, units = 0, totals = 0;
    for (int i = 3; i < argc; i++) {
        if (!strcmp(argv[i], "--title") && i + 1 < argc) title = argv[++i];
        else if (!strcmp(argv[i], "--sheet") && i + 1 < argc) sheet = argv[++i];
        else if (!strcmp(argv[i], "--group")) group = 1;
        else if (!strcmp(argv[i], "--codes-text")) codes_text = 1;
        else if (!strcmp(argv[i], "--units")) units = 1;
        else if (!strcmp(argv[i], "--totals")) totals = 1;
        else { fprintf(stderr, "csv2xlsx: unknown option %s\n", argv[i]); return 2; }
    }
    diag_list dl;
    diag_init(&dl);
    size_t len;
    char *data = file_read(argv[1], "the CSV", FILE_CAP_DATA, &len, &dl);
    jh_table t;
    if (!data || csv_read(argv[1], data, len, JH_ENC_AUTO, &t, &dl) != 0 || t.n < 2) {
        diag_print(&dl, stderr);
        return 1;
    }
    free(data);
    const jh_row *h = &t.rows[0];
    int nc = h->n;
    /* The output column of each input column: with --group, the ungrouped
     * columns before the first grouped one, then the grouped ones in group
     * order, then the rest. */
    int *out = calloc((size_t)nc, sizeof *out), next = 0, firstg = nc;
    const char *g, *s;
    for (int c = 0; c < nc; c++) if (group && group_of(h->c[c].text, &g, &s) && c < firstg) firstg = c;
    for (int c = 0; c < firstg; c++) out[c] = next++;
    for (int o = 1; o <= 8; o++)
        for (int c = 0; c < nc; c++) if (group && group_of(h->c[c].text, &g, &s) == o) out[c] = next++;
    for (int c = firstg; c < nc; c++) if (!group || !group_of(h->c[c].text, &g, &s)) out[c] = next++;
    lxw_workbook *wb = workbook_new(argv[2]);
    lxw_worksheet *ws = workbook_add_worksheet(wb, sheet);
    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);
    format_set_align(bold, LXW_ALIGN_CENTER);
    format_set_align(bold, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(bold);
    lxw_format *text = workbook_add_format(wb);
    format_set_num_format(text, "@");
    lxw_row_t r = 0;
    if (title) {
        worksheet_merge_range(ws, 0, 0, 0, (lxw_col_t)(nc - 1), title, bold);
        r = 1;
    }
    if (!group) {
        for (int c = 0; c < nc; c++) worksheet_write_string(ws, r, (lxw_col_t)out[c], h->c[c].text, bold);
        r++;
    } else {
        for (int c = 0; c < nc; c++) {
            lxw_col_t oc = (lxw_col_t)out[c];
            if (!group_of(h->c[c].text, &g, &s)) {
                worksheet_merge_range(ws, r, oc, r + 1, oc, h->c[c].text, bold);
                continue;
            }
            worksheet_write_string(ws, r + 1, oc, s, bold);
        }
        /* each group cell merged over its sub-columns */
        const char *groups[] = {"专任教师（人）", "占地面积（平方米）", "校舍面积（平方米）"};
        for (int gi = 0; gi < 3; gi++) {
            int lo = 1 << 30, hi = -1;
            for (int c = 0; c < nc; c++) {
                if (group_of(h->c[c].text, &g, &s) && !strcmp(g, groups[gi])) {
                    if (out[c] < lo) lo = out[c];
                    if (out[c] > hi) hi = out[c];
                }
            }
            if (hi > lo) worksheet_merge_range(ws, r, (lxw_col_t)lo, r, (lxw_col_t)hi, groups[gi], bold);
            else if (hi == lo) worksheet_write_string(ws, r, (lxw_col_t)lo, groups[gi], bold);
        }
        r += 2;
    }
    if (units) {
        for (int c = 0; c < nc; c++) worksheet_write_string(ws, r, (lxw_col_t)out[c], unit_of(h->c[c].text), NULL);
        r++;
    }
    lxw_row_t first = r;
    for (int i = 1; i < t.n; i++, r++) {
        const jh_row *row = &t.rows[i];
        for (int c = 0; c < row->n && c < nc; c++) {
            const char *v = row->c[c].text;
            lxw_col_t oc = (lxw_col_t)out[c];
            char *end;
            double x = strtod(v, &end);
            int numeric = *v && !*end && strcmp(h->c[c].text, "学校名称");
            if (!*v) continue;
            if (c == 0 || !strcmp(h->c[c].text, "学校代码") || !strcmp(h->c[c].text, "code")) {
                if (codes_text) worksheet_write_string(ws, r, oc, v, text);
                else worksheet_write_number(ws, r, oc, x, NULL);
            } else if (numeric) {
                worksheet_write_number(ws, r, oc, x, NULL);
            } else {
                worksheet_write_string(ws, r, oc, v, NULL);
            }
        }
    }
    if (totals) {
        worksheet_write_string(ws, r, 0, "合计", NULL);
        for (int c = 4; c < nc; c++) {
            double sum = 0;
            int numeric = 1;
            for (int i = 1; i < t.n && numeric; i++) {
                char *end;
                const char *v = t.rows[i].c[c].text;
                sum += strtod(v, &end);
                numeric = *v && !*end;
            }
            if (!numeric) continue;
            char col[8], f[64];
            lxw_col_t oc = (lxw_col_t)out[c];
            table_colname(oc, col);
            snprintf(f, sizeof f, "=SUM(%s%u:%s%u)", col, first + 1, col, r);
            worksheet_write_formula_num(ws, r, oc, f, NULL, sum);
        }
    }
    worksheet_freeze_panes(ws, first, 2);
    lxw_worksheet *about = workbook_add_worksheet(wb, "说明");
    worksheet_write_string(about, 0, 0, "本表由 csv2xlsx 生成，供 junheng 的测试使用。", NULL);
    lxw_error e = workbook_close(wb);
    free(out);
    table_free(&t);
    diag_free(&dl);
    if (e != LXW_NO_ERROR) {
        fprintf(stderr, "csv2xlsx: %s: %s\n", argv[2], lxw_strerror(e));
        return 1;
    }
    return 0;
}
