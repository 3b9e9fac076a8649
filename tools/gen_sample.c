/*
 * gen_sample — writes data/sample-county/schools.csv, the fictional 青禾县
 * that exercises what the Tongdao example does not, and prints the figures
 * and verdicts junheng must give on it.
 *
 * The rows are written by hand below (a small county: 8 小学 and 6 初中 parts).
 * What they exercise:
 *   - a 九年一贯制 school (明德学校) whose two rows carry the same whole-school
 *     resources, split 小学:初中 = 1:1.1 per pupil, and a 完全中学 (青禾一中)
 *     whose 初中 row carries whole-school totals and the 高中 enrolment, split
 *     初中:高中 = 1:1.2; teachers are always each part's own;
 *   - schools below standard on several indicators (城关小学, 石桥乡中心小学,
 *     二中, 石桥中学);
 *   - a 初中 composite CV above its limit 0.55 (the county fails), the 小学
 *     passing;
 *   - the 优质均衡 (quality) scheme's columns, read by report-quality.ini;
 *   - GB18030 with CRLF line ends, as Excel saves a CSV in China.
 *
 * The split applies to quantities (areas, 元, books, computers, multimedia
 * rooms); room counts judged per school (labs, function rooms, library) are
 * the school's own and are not divided.
 *
 * usage: gen_sample [OUT.csv]    (without OUT only the figures are printed)
 */
#include "common/num.h"

#include <errno.h>
#include <iconv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *code, *name, *level, *type;
    int students, teachers, qualified, above, senior;
    double site, building, teaching, sports;
    long equipment, books, computers;
    int labs, rooms, library, backbone, arts, multimedia, high;
} row;

/* 学校代码 学校名称 学段 学校类型 在校生 专任 合格 高学历 中级 | 占地 校舍 教学用房 体育 |
 * 设备值 图书 计算机 | 实验室 功能室 图书室 骨干 体艺 多媒体 高中生 */
static const row rows[] = {
    {"QH101", "青禾县实验小学", "小学", "小学", 1850, 100, 100, 96, 60,
     35000, 12500, 7800, 14000, 4200000, 52000, 230, 3, 6, 1, 24, 20, 46, 0},
    {"QH102", "青禾县城关小学", "小学", "小学", 1620, 80, 80, 74, 36,
     21000, 7300, 4300, 5200, 2100000, 36000, 110, 2, 5, 1, 10, 12, 30, 0},
    {"QH103", "明德学校", "小学", "九年一贯制", 620, 38, 38, 35, 18,
     32000, 9800, 5400, 9000, 2900000, 41000, 120, 7, 6, 1, 5, 6, 24, 0},
    {"QH104", "枫林镇中心小学", "小学", "小学", 540, 33, 33, 30, 16,
     14000, 3400, 1900, 3000, 800000, 15500, 50, 1, 6, 1, 4, 4, 12, 0},
    {"QH105", "石桥乡中心小学", "小学", "小学", 230, 13, 12, 10, 5,
     5200, 1250, 620, 1300, 150000, 4300, 8, 0, 4, 1, 1, 1, 2, 0},
    {"QH106", "云岭乡中心小学", "小学", "小学", 95, 9, 9, 8, 4,
     4600, 1100, 560, 1500, 160000, 3200, 12, 1, 6, 1, 1, 1, 3, 0},
    {"QH107", "白沙镇中心小学", "小学", "小学", 380, 22, 22, 20, 10,
     9000, 2300, 1300, 2400, 520000, 11000, 36, 1, 6, 1, 3, 3, 9, 0},
    {"QH108", "溪头村小学", "小学", "小学", 42, 4, 4, 3, 2,
     1900, 520, 260, 900, 60000, 1500, 6, 1, 6, 1, 0, 1, 1, 0},
    {"QH201", "青禾县第一中学", "初中", "完全中学", 1400, 112, 112, 108, 80,
     120000, 76000, 40000, 60000, 30000000, 300000, 2000, 12, 6, 1, 14, 14, 90, 1600},
    {"QH202", "青禾县第二中学", "初中", "初中", 1150, 70, 70, 42, 18,
     24000, 6800, 2300, 4000, 1150000, 30000, 40, 3, 6, 1, 6, 6, 20, 0},
    {"QH103", "明德学校", "初中", "九年一贯制", 460, 40, 40, 34, 22,
     32000, 9800, 5400, 9000, 2900000, 41000, 120, 7, 6, 1, 4, 5, 24, 0},
    {"QH204", "枫林中学", "初中", "初中", 520, 40, 40, 32, 15,
     15000, 3500, 1300, 2900, 800000, 19000, 20, 3, 6, 1, 3, 3, 10, 0},
    {"QH205", "石桥中学", "初中", "初中", 180, 12, 11, 8, 4,
     4500, 950, 420, 700, 200000, 5000, 8, 2, 3, 0, 0, 1, 1, 0},
    {"QH206", "云岭中学", "初中", "初中", 260, 40, 40, 36, 26,
     8000, 1900, 900, 2600, 500000, 10000, 22, 3, 6, 1, 2, 2, 5, 0},
};
enum { NROWS = sizeof rows / sizeof *rows };

/* --- the part's share of whole-school quantities (domain.md §1.4) -------- */

static double share(const row *r)
{
    if (strcmp(r->type, "完全中学") == 0 && r->high > 0)
        return r->students / (r->students + 1.2 * r->high);
    if (strcmp(r->type, "九年一贯制") == 0) {
        int other = -1;   /* the other part's enrolment */
        for (int i = 0; i < NROWS; i++)
            if (strcmp(rows[i].code, r->code) == 0 && &rows[i] != r) other = rows[i].students;
        if (other < 0) return 1;
        double a = strcmp(r->level, "小学") == 0 ? r->students : other;
        double b = strcmp(r->level, "小学") == 0 ? other : r->students;
        double w = strcmp(r->level, "小学") == 0 ? a : 1.1 * b;
        return w / (a + 1.1 * b);
    }
    return 1;
}

/* --- figures ------------------------------------------------------------- */

typedef struct { const char *key; double qty[NROWS]; int nx; } series;

enum { B_TEACH, B_SPORTS, B_EQUIP, B_BOOKS, B_COMP, B_TEACHERS, B_ABOVE, B_SENIOR, NB };
static const char *const b_key[NB] = {"teaching_area", "sports_area", "equipment_value", "books",
                                      "computers", "teacher_ratio", "above_degree", "senior_title"};

static double quantity(const row *r, int k)
{
    double s = share(r);
    switch (k) {
    case B_TEACH: return r->teaching * s;
    case B_SPORTS: return r->sports * s;
    case B_EQUIP: return r->equipment * s;
    case B_BOOKS: return r->books * s;
    case B_COMP: return r->computers * s * 100;
    case B_TEACHERS: return r->teachers;
    case B_ABOVE: return r->above;
    default: return r->senior;
    }
}

/* Enrolment-weighted mean and population CV over one 学段. */
static void mean_cv(const char *level, double (*q)(const row *, int), int k, double *mean, double *cv)
{
    double sq = 0, sp = 0, ss = 0;
    for (int i = 0; i < NROWS; i++)
        if (strcmp(rows[i].level, level) == 0) { sq += q(&rows[i], k); sp += rows[i].students; }
    double m = sq / sp;
    for (int i = 0; i < NROWS; i++)
        if (strcmp(rows[i].level, level) == 0) {
            double d = q(&rows[i], k) / rows[i].students - m;
            ss += rows[i].students * d * d;
        }
    *mean = m;
    *cv = sqrt(ss / sp) / m;
}

/* The quality scheme's seven indicators, per pupil (×100 where per hundred). */
enum { Q_ABOVE, Q_BACKBONE, Q_ARTS, Q_TEACH, Q_SPORTS, Q_EQUIP, Q_MM, NQ };
static const char *const q_key[NQ] = {"above_degree", "backbone_teachers", "arts_teachers",
                                      "teaching_area", "sports_area", "equipment_value",
                                      "multimedia_rooms"};
static const double q_min[2][NQ] = {{4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3},
                                    {5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4}};

static double quality_qty(const row *r, int k)
{
    double s = share(r);
    switch (k) {
    case Q_ABOVE: return r->above * 100.0;
    case Q_BACKBONE: return r->backbone * 100.0;
    case Q_ARTS: return r->arts * 100.0;
    case Q_TEACH: return r->teaching * s;
    case Q_SPORTS: return r->sports * s;
    case Q_EQUIP: return r->equipment * s;
    default: return r->multimedia * s * 100;
    }
}

/* Basic-scheme standards of 青禾县's (fictional) province; report.ini holds the same. */
typedef struct { double teacher_ratio, qualified, site, building, sports, equipment, books; int labs, rooms; } standard;
static const standard std_of[2] = {
    {1.0 / 19, 1.0, 18, 5.0, 4.5, 1000, 25, 1, 6},
    {1.0 / 13.5, 1.0, 23, 6.0, 5.5, 1500, 35, 3, 6},
};

static void print_level(const char *level, int li)
{
    char a[32], b[32];
    double sum = 0;
    int n = 0;
    long pupils = 0;
    for (int i = 0; i < NROWS; i++)
        if (strcmp(rows[i].level, level) == 0) { n++; pupils += rows[i].students; }
    printf("\n%s  %d parts, %ld pupils\n", level, n, pupils);
    for (int k = 0; k < NB; k++) {
        double m, c;
        mean_cv(level, quantity, k, &m, &c);
        sum += c;
        printf("  basic   %-18s mean %12s  cv %s\n", b_key[k], num_format(a, sizeof a, m, k == B_EQUIP ? 2 : 3),
               num_format(b, sizeof b, c, 3));
    }
    double comp = sum / NB, lim = li ? 0.55 : 0.65;
    printf("  basic   composite %s (limit %.2f): %s\n", num_format(a, sizeof a, comp, 3), lim,
           num_round(comp, 3) <= lim ? "balanced" : "NOT balanced");

    static const char *const cname[10] = {"teacher_ratio", "qualified_teachers", "site_area",
        "building_area", "sports_area", "labs", "function_rooms", "library", "equipment_value", "books"};
    const standard *S = &std_of[li];
    int met[10] = {0}, all = 0;
    for (int i = 0; i < NROWS; i++) {
        const row *r = &rows[i];
        if (strcmp(r->level, level) != 0) continue;
        double P = r->students, s = share(r);
        int ok[10] = {
            r->teachers / P >= S->teacher_ratio,
            r->teachers > 0 && (double)r->qualified / r->teachers >= S->qualified,
            r->site * s / P >= S->site,
            r->building * s / P >= S->building,
            r->sports * s / P >= S->sports,
            r->labs >= S->labs,
            r->rooms >= S->rooms,
            r->library >= 1,
            r->equipment * s / P >= S->equipment,
            r->books * s / P >= S->books,
        };
        int every = 1;
        printf("  %-16s share %.4f misses:", r->name, s);
        for (int c = 0; c < 10; c++) {
            met[c] += ok[c];
            if (!ok[c]) { printf(" %s", cname[c]); every = 0; }
        }
        printf("%s\n", every ? " -" : "");
        all += every;
    }
    for (int c = 0; c < 10; c++)
        printf("  compliance %-18s %d/%d %s%%\n", cname[c], met[c], n, num_percent(a, sizeof a, met[c], n, 2));
    printf("  compliance %-18s %d/%d %s%%\n", "all", all, n, num_percent(a, sizeof a, all, n, 2));

    double qlim = li ? 0.45 : 0.50;
    for (int k = 0; k < NQ; k++) {
        double m, c;
        mean_cv(level, quality_qty, k, &m, &c);
        printf("  quality %-18s mean %12s  cv %s %s\n", q_key[k], num_format(a, sizeof a, m, k == Q_EQUIP ? 2 : 3),
               num_format(b, sizeof b, c, 3), num_round(c, 3) <= qlim ? "ok" : "over limit");
    }
    for (int i = 0; i < NROWS; i++) {
        const row *r = &rows[i];
        if (strcmp(r->level, level) != 0) continue;
        int got = 0, near = 1;
        for (int k = 0; k < NQ; k++) {
            double v = quality_qty(r, k) / r->students;
            if (v >= q_min[li][k]) got++;
            else if (v < 0.85 * q_min[li][k]) near = 0;
        }
        printf("  quality %-16s meets %d of 7%s\n", r->name, got,
               got == 7 || (got == 6 && near) ? "" : " (not 达标)");
    }
}

/* --- output: UTF-8 text converted to GB18030 with CRLF line ends ---------- */

static int put(FILE *f, iconv_t cd, const char *utf8)
{
    char out[4096];
    char *in = (char *)utf8, *o = out;
    size_t il = strlen(utf8), ol = sizeof out;
    if (iconv(cd, &in, &il, &o, &ol) == (size_t)-1) return -1;
    return fwrite(out, 1, (size_t)(o - out), f) == (size_t)(o - out) ? 0 : -1;
}

static void area(char *buf, size_t n, double v)
{
    size_t len = strlen(buf);
    char t[32];
    snprintf(buf + len, n - len, ",%s", num_format(t, sizeof t, v, 2));
}

static int write_csv(const char *path)
{
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    if (cd == (iconv_t)-1) { perror("iconv_open"); return -1; }
    FILE *f = fopen(path, "wb");
    if (!f) { perror(path); iconv_close(cd); return -1; }
    int rc = put(f, cd, "学校代码,学校名称,学段,学校类型,在校生数,专任教师数,学历合格教师数,"
                        "高于规定学历教师数,中级及以上职称教师数,占地面积,校舍建筑面积,"
                        "教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,图书册数,计算机台数,"
                        "实验室数,功能室数,图书室,县级以上骨干教师数,体育艺术专任教师数,"
                        "网络多媒体教室数,高中在校生数\r\n");
    for (int i = 0; i < NROWS && rc == 0; i++) {
        const row *r = &rows[i];
        char line[1024];
        snprintf(line, sizeof line, "%s,%s,%s,%s,%d,%d,%d,%d,%d", r->code, r->name, r->level, r->type,
                 r->students, r->teachers, r->qualified, r->above, r->senior);
        area(line, sizeof line, r->site);
        area(line, sizeof line, r->building);
        area(line, sizeof line, r->teaching);
        area(line, sizeof line, r->sports);
        char high[16] = "";   /* only the 完全中学 row fills 高中在校生数 */
        if (r->high) snprintf(high, sizeof high, "%d", r->high);
        size_t len = strlen(line);
        snprintf(line + len, sizeof line - len, ",%ld,%ld,%ld,%d,%d,%s,%d,%d,%d,%s\r\n", r->equipment,
                 r->books, r->computers, r->labs, r->rooms, r->library ? "有" : "无", r->backbone,
                 r->arts, r->multimedia, high);
        rc = put(f, cd, line);
    }
    iconv_close(cd);
    if (fclose(f) != 0) rc = -1;
    if (rc != 0) fprintf(stderr, "gen_sample: could not write %s\n", path);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
        fprintf(stderr, "usage: gen_sample [OUT.csv]\n");
        return 2;
    }
    print_level("小学", 0);
    print_level("初中", 1);
    if (argc == 2 && write_csv(argv[1]) != 0) return 1;
    return 0;
}
