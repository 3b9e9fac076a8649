/* schools_template — see schools_template.h. */
#include "compose/schools_template.h"
#include "compose/xlsx.h"
#include "common/xalloc.h"
#include "input/schools.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DATA_ROWS 5000   /* rows the validations cover: more than any county has parts */

typedef enum { C_TEXT, C_CHOICE, C_COUNT, C_PUPILS, C_DECIMAL, C_LIBRARY } col_kind;

/* What to enter in each column: the header's comment and the 填表说明 row. */
static const struct {
    col_kind kind;
    int required;      /* 1 always, 2 under the quality scheme, 0 never */
    const char *what;
} cols[JH_NFIELDS] = {
    [F_CODE] = {C_TEXT, 1, "学校标识码，照原样填写（本列是文本格式，长代码不会变成科学计数法）。"
                           "九年一贯制学校的小学、初中两行填同一个代码；教学点填它所属完小（中心校）的代码。"},
    [F_NAME] = {C_TEXT, 1, "学校全称，如：县第一完全小学。"},
    [F_LEVEL] = {C_CHOICE, 1, "从下拉列表中选：小学 或 初中。每所学校每个学段占一行。"},
    [F_TYPE] = {C_CHOICE, 0, "从下拉列表中选：小学、初中、九年一贯制、完全中学、教学点；可以不填（按学段算）。"
                             "九年一贯制、完全中学的办学条件填全校总数，由 junheng 按学生数拆分到各学段。"},
    [F_STUDENTS] = {C_PUPILS, 1, "本学段在校学生数，整数，不能为 0。完全中学只填初中学生。"},
    [F_TEACHERS] = {C_COUNT, 1, "本学段专任教师数，整数。"},
    [F_QUALIFIED] = {C_COUNT, 1, "专任教师中学历达到国家规定的人数，整数，不超过专任教师数。"},
    [F_ABOVE_DEGREE] = {C_COUNT, 1, "专任教师中学历高于国家规定的人数（小学专科及以上、初中本科及以上），整数。"},
    [F_SENIOR_TITLE] = {C_COUNT, 1, "专任教师中具有中级及以上专业技术职务的人数，整数。"},
    [F_SITE_AREA] = {C_DECIMAL, 1, "学校占地面积，平方米，可以有小数。"},
    [F_BUILDING_AREA] = {C_DECIMAL, 1, "校舍建筑面积，平方米，可以有小数。"},
    [F_TEACHING_AREA] = {C_DECIMAL, 1, "教学及辅助用房面积，平方米，可以有小数。"},
    [F_SPORTS_AREA] = {C_DECIMAL, 1, "体育运动场馆面积，平方米，可以有小数。"},
    [F_EQUIPMENT_VALUE] = {C_DECIMAL, 1, "教学仪器设备资产值，单位是元（不是万元），可以有小数。"},
    [F_BOOKS] = {C_COUNT, 1, "图书册数，整数。"},
    [F_COMPUTERS] = {C_COUNT, 1, "计算机台数，整数。"},
    [F_LABS] = {C_COUNT, 1, "实验室间数，整数。"},
    [F_FUNCTION_ROOMS] = {C_COUNT, 1, "功能室间数，整数。"},
    [F_LIBRARY] = {C_LIBRARY, 1, "有图书室填 1，没有填 0（也可以填 有 或 无）。"},
    [F_BACKBONE] = {C_COUNT, 2, "县级及以上骨干教师人数，整数。优质均衡方案必填，基本均衡可以不填。"},
    [F_ARTS] = {C_COUNT, 2, "体育、艺术（音乐、美术）专任教师人数，整数。优质均衡方案必填，基本均衡可以不填。"},
    [F_MULTIMEDIA] = {C_COUNT, 2, "网络多媒体教室间数，整数。优质均衡方案必填，基本均衡可以不填。"},
    [F_HIGH_STUDENTS] = {C_COUNT, 0, "只有完全中学填：高中在校生数，用来拆分全校的办学条件。其他学校不填。"},
};

/* The rules that no single column carries. */
static const char *const rules[] = {
    "每所学校的每个学段填一行：九年一贯制学校填小学、初中两行，学校代码相同。",
    "九年一贯制、完全中学两行的办学条件（面积、设备、图书、计算机、功能室等）都填全校总数，"
    "junheng 按国家规定的学生折算比例拆分；若已按学段分开填写，请在 report.ini 的 [data] 中设 mixed = parts。",
    "教学点单独一行，学校类型填“教学点”，学校代码填它所属完小（中心校）的代码，它的学生和办学条件计入该校。",
    "数字只填数字：不写单位、不用千位分隔符；没有的填 0。",
    "表头（第一行）的列名不要改动；可以增加列（junheng 会提示并忽略不认识的列），但不要删除必填列。",
    "填好后运行：junheng check -c report.ini（列出每个问题所在的单元格），然后 junheng report -c report.ini。",
};

char *schools_template_header(int f)
{
    const jh_field_def *d = &jh_fields[f];
    return *d->unit ? xasprintf("%s（%s）", d->label, d->unit) : xstrdup(d->label);
}

typedef struct tpl {
    lxw_error err;
    lxw_format *head, *head_opt, *text, *wrap;
} tpl;

static void keep(tpl *t, lxw_error e) { if (e && !t->err) t->err = e; }

static lxw_format *new_format(lxw_workbook *wb)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_font_name(f, "宋体");
    format_set_font_size(f, 11);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    return f;
}

static void validate(tpl *t, lxw_worksheet *ws, int c, col_kind kind)
{
    static const char *levels[] = {"小学", "初中", NULL};
    static const char *types[] = {"小学", "初中", "九年一贯制", "完全中学", "教学点", NULL};
    static const char *library[] = {"1", "0", "有", "无", NULL};
    lxw_data_validation v;
    memset(&v, 0, sizeof v);
    v.ignore_blank = LXW_VALIDATION_ON;
    v.show_error = LXW_VALIDATION_ON;
    v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    v.error_title = "junheng";
    switch (kind) {
    case C_TEXT:
        return;
    case C_CHOICE:
        v.validate = LXW_VALIDATION_TYPE_LIST;
        v.value_list = (char **)(c == F_LEVEL ? levels : types);
        v.error_message = c == F_LEVEL ? "请从下拉列表中选：小学 或 初中。"
                                       : "请从下拉列表中选：小学、初中、九年一贯制、完全中学、教学点。";
        break;
    case C_LIBRARY:
        v.validate = LXW_VALIDATION_TYPE_LIST;
        v.value_list = (char **)library;
        v.error_message = "有图书室填 1，没有填 0（也可以填 有 或 无）。";
        break;
    case C_PUPILS:
    case C_COUNT:
        v.validate = LXW_VALIDATION_TYPE_INTEGER;
        v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
        v.value_number = kind == C_PUPILS ? 1 : 0;
        v.error_message = kind == C_PUPILS ? "请填整数，至少为 1（没有学生的学段不参加评估，请删去这一行）。"
                                           : "请填 0 或正整数，不写单位。";
        break;
    case C_DECIMAL:
        v.validate = LXW_VALIDATION_TYPE_DECIMAL;
        v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
        v.value_number = 0;
        v.error_message = "请填 0 或正数，不写单位、不用千位分隔符。";
        break;
    }
    keep(t, worksheet_data_validation_range(ws, 1, (lxw_col_t)c, DATA_ROWS, (lxw_col_t)c, &v));
}

static void data_sheet(tpl *t, lxw_workbook *wb, int quality)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, "学校数据");
    worksheet_set_row(ws, 0, 32, NULL);
    for (int f = 0; f < JH_NFIELDS; f++) {
        char *h = schools_template_header(f);
        int req = cols[f].required == 1 || (cols[f].required == 2 && quality);
        keep(t, worksheet_write_string(ws, 0, (lxw_col_t)f, h, req ? t->head : t->head_opt));
        double w = xlsx_text_width(h) + 3;
        if (f == F_NAME) w = 28;
        if (f == F_CODE) w = 14;
        keep(t, worksheet_set_column(ws, (lxw_col_t)f, (lxw_col_t)f, w < 9 ? 9 : w, f == F_CODE ? t->text : NULL));
        lxw_comment_options co;
        memset(&co, 0, sizeof co);
        co.width = 260;
        co.height = 110;
        char *note = xasprintf("%s%s", cols[f].what, req ? "（必填）" : "");
        keep(t, worksheet_write_comment_opt(ws, 0, (lxw_col_t)f, note, &co));
        free(note);
        free(h);
        validate(t, ws, f, cols[f].kind);
    }
    worksheet_freeze_panes(ws, 1, 2);
    worksheet_set_comments_author(ws, "junheng");
}

static void notes_sheet(tpl *t, lxw_workbook *wb, int quality)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, "填表说明");
    worksheet_set_column(ws, 0, 0, 30, NULL);
    worksheet_set_column(ws, 1, 1, 8, NULL);
    worksheet_set_column(ws, 2, 2, 10, NULL);
    worksheet_set_column(ws, 3, 3, 90, t->wrap);
    static const char *const head[] = {"列名（第一行原样）", "单位", "是否必填", "填写说明"};
    for (int c = 0; c < 4; c++) keep(t, worksheet_write_string(ws, 0, (lxw_col_t)c, head[c], t->head));
    for (int f = 0; f < JH_NFIELDS; f++) {
        char *h = schools_template_header(f);
        const char *req = cols[f].required == 1 ? "必填"
                        : cols[f].required == 2 ? (quality ? "必填" : "优质均衡必填") : "可不填";
        keep(t, worksheet_write_string(ws, (lxw_row_t)(f + 1), 0, h, NULL));
        keep(t, worksheet_write_string(ws, (lxw_row_t)(f + 1), 1, jh_fields[f].unit, NULL));
        keep(t, worksheet_write_string(ws, (lxw_row_t)(f + 1), 2, req, NULL));
        keep(t, worksheet_write_string(ws, (lxw_row_t)(f + 1), 3, cols[f].what, t->wrap));
        free(h);
    }
    int r = JH_NFIELDS + 2;
    keep(t, worksheet_write_string(ws, (lxw_row_t)r++, 0, "整体要求", t->head));
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        char n[16];
        snprintf(n, sizeof n, "%zu", i + 1);
        keep(t, worksheet_write_string(ws, (lxw_row_t)r, 0, n, NULL));
        keep(t, worksheet_merge_range(ws, (lxw_row_t)r, 1, (lxw_row_t)r, 3, rules[i], t->wrap));
        worksheet_set_row(ws, (lxw_row_t)r, 32, NULL);
        r++;
    }
    worksheet_freeze_panes(ws, 1, 0);
}

int schools_template_write(const char *path, int quality, diag_list *dl)
{
    outfile o;
    lxw_workbook *wb = xlsx_open(&o, path, NULL, dl);
    if (!wb) return -1;
    tpl t;
    memset(&t, 0, sizeof t);
    t.head = new_format(wb);
    format_set_bold(t.head);
    format_set_text_wrap(t.head);
    format_set_align(t.head, LXW_ALIGN_CENTER);
    format_set_pattern(t.head, LXW_PATTERN_SOLID);
    format_set_bg_color(t.head, 0xDDEBF7);
    format_set_border(t.head, LXW_BORDER_THIN);
    t.head_opt = new_format(wb);   /* a column that may stay empty: lighter */
    format_set_text_wrap(t.head_opt);
    format_set_align(t.head_opt, LXW_ALIGN_CENTER);
    format_set_pattern(t.head_opt, LXW_PATTERN_SOLID);
    format_set_bg_color(t.head_opt, 0xF2F2F2);
    format_set_border(t.head_opt, LXW_BORDER_THIN);
    t.text = new_format(wb);
    format_set_num_format(t.text, "@");
    t.wrap = new_format(wb);
    format_set_text_wrap(t.wrap);

    lxw_doc_properties props;
    memset(&props, 0, sizeof props);
    props.title = "学校数据（junheng 填报模板）";
    props.comments = "junheng init";
    keep(&t, workbook_set_properties(wb, &props));
    data_sheet(&t, wb, quality);
    notes_sheet(&t, wb, quality);
    return xlsx_close(wb, t.err, &o, dl);
}
