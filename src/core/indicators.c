/*
 * indicators — the tables of indicator definitions (see indicators.h).
 *
 * Labels follow the seed report's tables (short_label) and the national
 * 测算说明 (label).  Thresholds here are only the national ones; the
 * province's 办学基本标准 come from the INI file, never from code.
 */
#include "core/indicators.h"
#include "common/num.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define S F_STUDENTS
#define T F_TEACHERS
#define N JH_PER_NONE

const jh_indicator jh_compliance_ind[JH_NCOMPLIANCE] = {
    [CI_TEACHER_RATIO] = {"teacher_ratio", "师生比", "师生比", F_TEACHERS, S, 1, "", "名教师", 1, 0, 3},
    [CI_QUALIFIED] = {"qualified_teachers", "专任教师学历合格率", "专任教师学历合格", F_QUALIFIED, T, 1, "%", "名教师", 1, 1, 2},
    [CI_SITE_AREA] = {"site_area", "生均占地面积", "生均校地", F_SITE_AREA, S, 1, "m²", "m²", 0, 0, 2},
    [CI_BUILDING_AREA] = {"building_area", "生均校舍建筑面积", "生均校舍", F_BUILDING_AREA, S, 1, "m²", "m²", 0, 0, 2},
    [CI_SPORTS_AREA] = {"sports_area", "生均体育运动场馆面积", "生均体育场馆", F_SPORTS_AREA, S, 1, "m²", "m²", 0, 0, 2},
    [CI_LABS] = {"labs", "实验室", "实验室", F_LABS, N, 1, "间", "间", 1, 0, 0},
    [CI_FUNCTION_ROOMS] = {"function_rooms", "六大功能室", "六大功能室", F_FUNCTION_ROOMS, N, 1, "间", "间", 1, 0, 0},
    [CI_LIBRARY] = {"library", "图书室", "图书室", F_LIBRARY, N, 1, "间", "间", 1, 0, 0},
    [CI_EQUIPMENT_VALUE] = {"equipment_value", "生均教学仪器设备值", "生均教学设备值", F_EQUIPMENT_VALUE, S, 1, "元", "元", 0, 0, 2},
    [CI_BOOKS] = {"books", "生均图书册数", "生均藏书", F_BOOKS, S, 1, "册", "册", 1, 0, 2},
};

const jh_indicator jh_balance_ind[JH_NBALANCE] = {
    [BI_TEACHING_AREA] = {"teaching_area", "生均教学及辅助用房面积", "生均教学及辅助用房面积", F_TEACHING_AREA, S, 1, "m²", "m²", 0, 0, 3},
    [BI_SPORTS_AREA] = {"sports_area", "生均体育运动场馆面积", "生均体育运动场馆面积", F_SPORTS_AREA, S, 1, "m²", "m²", 0, 0, 3},
    [BI_EQUIPMENT_VALUE] = {"equipment_value", "生均教学仪器设备值", "生均教学仪器设备值", F_EQUIPMENT_VALUE, S, 1, "元", "元", 0, 0, 2},
    [BI_BOOKS] = {"books", "生均图书册数", "生均图书数", F_BOOKS, S, 1, "册", "册", 1, 0, 3},
    [BI_COMPUTERS] = {"computers", "每百名学生拥有计算机台数", "百名学生计算机台数", F_COMPUTERS, S, 100, "台", "台", 1, 0, 3},
    [BI_TEACHER_RATIO] = {"teacher_ratio", "师生比", "师生比", F_TEACHERS, S, 1, "", "名教师", 1, 0, 3},
    [BI_ABOVE_DEGREE] = {"above_degree", "生均高于规定学历教师数", "生均高于规定学历数", F_ABOVE_DEGREE, S, 1, "", "名教师", 1, 0, 3},
    [BI_SENIOR_TITLE] = {"senior_title", "生均中级及以上专业技术职务教师数", "生均中级及以上职称数", F_SENIOR_TITLE, S, 1, "", "名教师", 1, 0, 3},
};

const jh_indicator jh_quality_ind[JH_NQUALITY] = {
    [QI_ABOVE_DEGREE] = {"above_degree", "每百名学生拥有高于规定学历教师数", "百名学生高于规定学历教师数", F_ABOVE_DEGREE, S, 100, "名", "名教师", 1, 0, 2},
    [QI_BACKBONE] = {"backbone", "每百名学生拥有县级以上骨干教师数", "百名学生骨干教师数", F_BACKBONE, S, 100, "名", "名教师", 1, 0, 2},
    [QI_ARTS] = {"arts", "每百名学生拥有体育、艺术专任教师数", "百名学生体育艺术教师数", F_ARTS, S, 100, "名", "名教师", 1, 0, 2},
    [QI_TEACHING_AREA] = {"teaching_area", "生均教学及辅助用房面积", "生均教学及辅助用房面积", F_TEACHING_AREA, S, 1, "m²", "m²", 0, 0, 2},
    [QI_SPORTS_AREA] = {"sports_area", "生均体育运动场馆面积", "生均体育运动场馆面积", F_SPORTS_AREA, S, 1, "m²", "m²", 0, 0, 2},
    [QI_EQUIPMENT_VALUE] = {"equipment_value", "生均教学仪器设备值", "生均教学仪器设备值", F_EQUIPMENT_VALUE, S, 1, "元", "元", 0, 0, 2},
    [QI_MULTIMEDIA] = {"multimedia_rooms", "每百名学生拥有网络多媒体教室数", "百名学生网络多媒体教室数", F_MULTIMEDIA, S, 100, "间", "间", 1, 0, 2},
};

#undef S
#undef T
#undef N

/* domain.md §2.1 */
const double jh_quality_threshold[JH_NLEVELS][JH_NQUALITY] = {
    [JH_PRIMARY] = {4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3},
    [JH_MIDDLE] = {5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4},
};
/* domain.md §1.1 and §2.1 */
const double jh_basic_max_cv[JH_NLEVELS] = {0.65, 0.55};
const double jh_quality_max_cv[JH_NLEVELS] = {0.50, 0.45};

int indicator_find(const jh_indicator *table, int n, const char *key)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(table[i].key, key)) return i;
    return -1;
}

double indicator_base(const jh_indicator *ind, const jh_school *s)
{
    if (ind->per == JH_PER_NONE) return 1;
    return s->v[ind->per] / ind->scale;
}

double indicator_value(const jh_indicator *ind, const jh_school *s)
{
    double base = indicator_base(ind, s);
    if (base == 0) return NAN;
    return s->v[ind->quantity] / base;
}

char *compliance_format(char *buf, size_t size, int ci, double value)
{
    const jh_indicator *ind = &jh_compliance_ind[ci];
    char num[48];
    if (!isfinite(value) || (ci == CI_TEACHER_RATIO && value <= 0)) snprintf(buf, size, "-");
    else if (ci == CI_TEACHER_RATIO) snprintf(buf, size, "1:%s", num_format(num, sizeof num, 1.0 / value, 1));
    else if (ind->percent) snprintf(buf, size, "%s%%", num_format(num, sizeof num, value * 100, ind->decimals));
    else num_format(buf, size, value, ind->decimals);
    return buf;
}
