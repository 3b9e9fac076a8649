/* Unit tests for core/figures: the weighted 差异系数, the composite, inclusive
 * thresholds judged on the displayed value, compliance shortfalls and the
 * 优质均衡 per-school rule. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "common/num.h"
#include "core/figures.h"

#define NEAR(a, b, tol) assert_true(fabs((a) - (b)) < (tol))

static const char *const CODES[26] = {"S00", "S01", "S02", "S03", "S04", "S05", "S06", "S07", "S08", "S09", "S10", "S11", "S12", "S13", "S14", "S15", "S16", "S17", "S18", "S19", "S20", "S21", "S22", "S23", "S24", "S25"};

/* A primary part that meets every standard of cfg_basic() comfortably. */
static jh_school school(int i, jh_level l, double students, double teachers, double books)
{
    jh_school s;
    memset(&s, 0, sizeof s);
    s.code = (char *)CODES[i];
    s.name = (char *)CODES[i];
    s.level = l;
    s.type = l == JH_PRIMARY ? JH_TYPE_PRIMARY : JH_TYPE_MIDDLE;
    s.share = 1;
    s.v[F_STUDENTS] = students;
    s.v[F_TEACHERS] = teachers;
    s.v[F_QUALIFIED] = teachers;
    s.v[F_ABOVE_DEGREE] = teachers;
    s.v[F_SENIOR_TITLE] = teachers / 2;
    s.v[F_SITE_AREA] = 20 * students;
    s.v[F_BUILDING_AREA] = 6 * students;
    s.v[F_TEACHING_AREA] = 4 * students;
    s.v[F_SPORTS_AREA] = 5 * students;
    s.v[F_EQUIPMENT_VALUE] = 500 * students;
    s.v[F_BOOKS] = books;
    s.v[F_COMPUTERS] = students / 10;
    s.v[F_LABS] = 2;
    s.v[F_FUNCTION_ROOMS] = 6;
    s.v[F_LIBRARY] = 1;
    memcpy(s.whole, s.v, sizeof s.v);
    return s;
}

static jh_params cfg_basic(void)
{
    jh_params c;
    memset(&c, 0, sizeof c);
    c.county = "测试县";
    c.year = 2019;
    c.scheme = JH_SCHEME_BASIC;
    c.max_cv[JH_PRIMARY] = 0.65;
    c.max_cv[JH_MIDDLE] = 0.55;
    const double std[JH_NCOMPLIANCE] = {1.0 / 19, 1.0, 15, 4, 3, 1, 6, 1, 365, 3};
    for (int l = 0; l < JH_NLEVELS; l++) {
        memcpy(c.standard[l], std, sizeof std);
        memcpy(c.quality[l], jh_quality_threshold[l], sizeof c.quality[l]);
    }
    c.quality_min_met = 6;
    c.quality_floor = 0.85;
    c.dec_cv = 3;
    c.dec_rate = 2;
    return c;
}

/* domain.md §1.3: P = 45, 37, 89, 76, 55; books 279, 137, 935, 160, 402. */
static const double P[5] = {45, 37, 89, 76, 55}, BOOKS[5] = {279, 137, 935, 160, 402};

static void test_weighted_cv_worked_example(void **state)
{
    (void)state;
    double x[5], one[5], mean;
    for (int i = 0; i < 5; i++) { x[i] = BOOKS[i] / P[i]; one[i] = 1; }
    double cv = weighted_cv(x, P, 5, &mean);
    NEAR(mean, 6.3344, 5e-5);
    NEAR(cv * mean, 3.2639, 5e-5);  /* S */
    NEAR(cv, 0.5153, 5e-5);
    double un = weighted_cv(x, one, 5, NULL);
    NEAR(un, 0.4888, 5e-5);         /* what a missing weight would give */
    char buf[16];
    assert_string_equal(num_format(buf, sizeof buf, cv, 3), "0.515");
    assert_true(isnan(weighted_cv(x, P, 0, NULL)));
    double zero[2] = {0, 0}, w2[2] = {1, 1};
    assert_true(isnan(weighted_cv(zero, w2, 2, NULL)));  /* mean 0: undefined, not 0 */
}

static void test_county_figures_use_the_weights(void **state)
{
    (void)state;
    jh_school s[5];
    for (int i = 0; i < 5; i++) s[i] = school(i, JH_PRIMARY, P[i], 3, BOOKS[i]);
    jh_schools sc = {.path = "t.csv", .items = s, .n = 5};
    jh_params c = cfg_basic();
    diag_list dl;
    diag_init(&dl);
    jh_figures *f = figures_compute(&c, &sc, &dl);
    const jh_level_figures *lv = &f->level[JH_PRIMARY];
    assert_int_equal(lv->n, 5);
    assert_int_equal(lv->students, 302);
    NEAR(lv->bal[BI_BOOKS].mean, 1913.0 / 302, 1e-12);  /* Σbooks / Σpupils */
    NEAR(lv->bal[BI_BOOKS].cv, 0.5153, 5e-5);
    /* the composite is the plain mean of the eight unrounded CVs */
    double sum = 0;
    for (int k = 0; k < JH_NBALANCE; k++) sum += lv->bal[k].cv;
    assert_true(lv->composite_cv == sum / 8);
    /* computers per 100 pupils: the mean scales, the CV does not */
    NEAR(lv->bal[BI_COMPUTERS].mean, 10, 1e-9);
    NEAR(lv->bal[BI_COMPUTERS].cv, 0, 1e-12);
    assert_int_equal(lv->balanced, 1);
    /* no 初中 parts: nothing to judge */
    assert_int_equal(f->level[JH_MIDDLE].n, 0);
    assert_int_equal(f->level[JH_MIDDLE].balanced, -1);
    assert_true(isnan(f->level[JH_MIDDLE].composite_cv));
    assert_non_null(figures_part(f, "S02", JH_PRIMARY));
    assert_null(figures_part(f, "S02", JH_MIDDLE));
    figures_free(f);
    diag_free(&dl);
}

static void test_inclusive_threshold_on_displayed_value(void **state)
{
    (void)state;
    assert_true(within_displayed(0.650, 0.65, 3));
    assert_false(within_displayed(0.651, 0.65, 3));
    assert_true(within_displayed(0.6504999, 0.65, 3));   /* displayed 0.650 */
    assert_false(within_displayed(0.6505, 0.65, 3));     /* displayed 0.651 */
    assert_true(within_displayed(0.55, 0.55, 3));
    assert_false(within_displayed(NAN, 0.65, 3));
}

static void test_rounding_of_displayed_figures(void **state)
{
    (void)state;
    char buf[16];
    assert_string_equal(num_format(buf, sizeof buf, 0.125, 2), "0.13");
    assert_string_equal(num_percent(buf, sizeof buf, 25, 26, 2), "96.15");
    /* domain.md §6: the seed's composites recomputed from its printed CVs */
    const double pri[8] = {0.517, 0.533, 0.295, 0.368, 0.519, 0.231, 0.242, 0.334};
    const double mid[8] = {0.556, 0.338, 0.177, 0.300, 0.209, 0.140, 0.175, 0.286};
    double a = 0, b = 0;
    for (int i = 0; i < 8; i++) { a += pri[i]; b += mid[i]; }
    assert_string_equal(num_format(buf, sizeof buf, a / 8, 3), "0.380");
    assert_string_equal(num_format(buf, sizeof buf, b / 8, 3), "0.273");
}

static void test_compliance_values_and_shortfalls(void **state)
{
    (void)state;
    jh_school s[3];
    s[0] = school(0, JH_PRIMARY, 190, 10, 570);  /* exactly 1:19, exactly 3 books each */
    s[1] = school(1, JH_PRIMARY, 190, 9, 569);   /* one teacher and one book short */
    s[1].v[F_SITE_AREA] = 15 * 190 - 139.5;      /* 139.5 m² short */
    s[1].v[F_QUALIFIED] = 8;
    s[1].v[F_LABS] = 0;
    s[1].v[F_EQUIPMENT_VALUE] = 365 * 190 - 0.25;
    s[2] = school(2, JH_PRIMARY, 100, 0, 300);   /* no teachers at all */
    s[2].v[F_QUALIFIED] = s[2].v[F_ABOVE_DEGREE] = s[2].v[F_SENIOR_TITLE] = 0;
    jh_schools sc = {.path = "t.csv", .items = s, .n = 3};
    jh_params c = cfg_basic();
    diag_list dl;
    diag_init(&dl);
    jh_figures *f = figures_compute(&c, &sc, &dl);
    const jh_part_figures *a = &f->parts[0], *b = &f->parts[1], *z = &f->parts[2];
    assert_true(a->met[CI_TEACHER_RATIO]);      /* 10/190 vs 1/19: inclusive */
    assert_true(a->met[CI_BOOKS]);
    assert_true(a->all_met);
    assert_int_equal(a->n_met, 10);
    assert_false(b->met[CI_TEACHER_RATIO]);
    assert_true(b->shortfall[CI_TEACHER_RATIO] == 1);
    assert_true(b->shortfall[CI_BOOKS] == 1);
    NEAR(b->shortfall[CI_SITE_AREA], 139.5, 1e-9);
    assert_true(b->shortfall[CI_QUALIFIED] == 1);   /* 9 teachers, 8 qualified, 100% needed */
    NEAR(b->value[CI_QUALIFIED], 8.0 / 9, 1e-15);
    assert_true(b->shortfall[CI_LABS] == 1);
    NEAR(b->shortfall[CI_EQUIPMENT_VALUE], 0.25, 1e-6);  /* money is not rounded up */
    assert_true(b->shortfall[CI_FUNCTION_ROOMS] == 0);
    assert_false(b->all_met);
    assert_int_equal(b->n_met, 10 - 6);
    assert_true(isnan(z->value[CI_QUALIFIED]));    /* 0/0 */
    assert_true(z->met[CI_QUALIFIED]);             /* lacks no qualified teacher */
    assert_false(z->met[CI_TEACHER_RATIO]);
    assert_true(z->shortfall[CI_TEACHER_RATIO] == 6);  /* 100/19 = 5.26 -> 6 */
    const jh_level_figures *lv = &f->level[JH_PRIMARY];
    assert_int_equal(lv->met[CI_TEACHER_RATIO], 1);
    assert_int_equal(lv->all_met, 1);
    NEAR(lv->rate[CI_BOOKS], 200.0 / 3, 1e-12);
    figures_free(f);
    diag_free(&dl);
}

static void test_rate_25_of_26(void **state)
{
    (void)state;
    jh_school s[26];
    for (int i = 0; i < 26; i++) s[i] = school(i, JH_PRIMARY, 100 + i, 8, 500);
    s[7].v[F_SITE_AREA] = 10 * s[7].v[F_STUDENTS];
    jh_schools sc = {.path = "t.csv", .items = s, .n = 26};
    jh_params c = cfg_basic();
    diag_list dl;
    diag_init(&dl);
    jh_figures *f = figures_compute(&c, &sc, &dl);
    const jh_level_figures *lv = &f->level[JH_PRIMARY];
    char buf[16];
    assert_int_equal(lv->met[CI_SITE_AREA], 25);
    assert_string_equal(num_format(buf, sizeof buf, lv->rate[CI_SITE_AREA], 2), "96.15");
    assert_string_equal(num_format(buf, sizeof buf, lv->rate[CI_BOOKS], 2), "100.00");
    assert_int_equal(lv->all_met, 25);
    figures_free(f);
    diag_free(&dl);
}

/* A primary part of 100 pupils and the 7 quality quantities, as multiples of the threshold. */
static jh_school quality_school(int i, const double k[JH_NQUALITY])
{
    jh_school s = school(i, JH_PRIMARY, 100, 10, 3000);
    const double *t = jh_quality_threshold[JH_PRIMARY];
    s.v[F_ABOVE_DEGREE] = t[QI_ABOVE_DEGREE] * k[0];   /* per 100 pupils = the count */
    s.v[F_BACKBONE] = t[QI_BACKBONE] * k[1];
    s.v[F_ARTS] = t[QI_ARTS] * k[2];
    s.v[F_TEACHING_AREA] = t[QI_TEACHING_AREA] * 100 * k[3];
    s.v[F_SPORTS_AREA] = t[QI_SPORTS_AREA] * 100 * k[4];
    s.v[F_EQUIPMENT_VALUE] = t[QI_EQUIPMENT_VALUE] * 100 * k[5];
    s.v[F_MULTIMEDIA] = t[QI_MULTIMEDIA] * k[6];
    return s;
}

static void test_quality_per_school_rule(void **state)
{
    (void)state;
    const double all[7] = {1, 1, 1, 1, 1, 1, 1};
    const double floor85[7] = {1, 1, 1, 1, 0.85, 1, 1};    /* 6.375 m²: exactly 85% */
    const double below[7] = {1, 1, 1, 1, 0.84, 1, 1};
    const double two[7] = {1, 1, 1, 1, 0.9, 0.9, 1};
    jh_school s[4] = {quality_school(0, all), quality_school(1, floor85), quality_school(2, below),
                      quality_school(3, two)};
    NEAR(s[1].v[F_SPORTS_AREA] / 100, 6.375, 1e-12);
    jh_schools sc = {.path = "t.csv", .items = s, .n = 4};
    jh_params c = cfg_basic();
    c.scheme = JH_SCHEME_QUALITY;
    c.max_cv[JH_PRIMARY] = 0.50;
    diag_list dl;
    diag_init(&dl);
    jh_figures *f = figures_compute(&c, &sc, &dl);
    assert_true(f->parts[0].q_pass);
    assert_int_equal(f->parts[0].q_n_met, 7);
    assert_true(f->parts[1].q_pass);
    assert_int_equal(f->parts[1].q_n_met, 6);
    assert_false(f->parts[1].q_met[QI_SPORTS_AREA]);
    assert_false(f->parts[2].q_pass);           /* the missed one is below 85% */
    assert_false(f->parts[3].q_pass);           /* only 5 of 7 */
    const jh_level_figures *lv = &f->level[JH_PRIMARY];
    assert_int_equal(lv->q_pass, 2);
    NEAR(lv->q[QI_SPORTS_AREA].mean, 7.5 * (1 + 0.85 + 0.84 + 0.9) / 4, 1e-9);
    assert_true(lv->q[QI_SPORTS_AREA].within);  /* small spread */
    assert_int_equal(lv->balanced, 1);
    figures_free(f);
    diag_free(&dl);
}

static void test_quality_cv_threshold(void **state)
{
    (void)state;
    jh_school s[5];
    const double one[7] = {1, 1, 1, 1, 1, 1, 1};
    for (int i = 0; i < 5; i++) {
        s[i] = quality_school(i, one);
        s[i].v[F_STUDENTS] = P[i];
        s[i].v[F_BOOKS] = BOOKS[i];
        s[i].v[F_MULTIMEDIA] = BOOKS[i] / 10;  /* CV 0.515 > 0.50 */
    }
    jh_schools sc = {.path = "t.csv", .items = s, .n = 5};
    jh_params c = cfg_basic();
    c.scheme = JH_SCHEME_QUALITY;
    c.max_cv[JH_PRIMARY] = 0.50;
    diag_list dl;
    diag_init(&dl);
    jh_figures *f = figures_compute(&c, &sc, &dl);
    const jh_level_figures *lv = &f->level[JH_PRIMARY];
    NEAR(lv->q[QI_MULTIMEDIA].cv, 0.5153, 5e-5);
    assert_false(lv->q[QI_MULTIMEDIA].within);
    assert_int_equal(lv->balanced, 0);
    figures_free(f);
    diag_free(&dl);
}

static void test_zero_mean_warns(void **state)
{
    (void)state;
    jh_school s[2] = {school(0, JH_MIDDLE, 100, 8, 3000), school(1, JH_MIDDLE, 200, 14, 6000)};
    s[0].v[F_COMPUTERS] = s[1].v[F_COMPUTERS] = 0;
    jh_schools sc = {.path = "t.csv", .items = s, .n = 2};
    jh_params c = cfg_basic();
    diag_list dl;
    diag_init(&dl);
    jh_figures *f = figures_compute(&c, &sc, &dl);
    const jh_level_figures *lv = &f->level[JH_MIDDLE];
    assert_true(isnan(lv->bal[BI_COMPUTERS].cv));
    assert_true(isnan(lv->composite_cv));
    assert_int_equal(lv->balanced, 0);
    assert_int_equal(dl.warnings, 1);
    assert_non_null(strstr(dl.items[0].msg, "每百名学生拥有计算机台数"));
    figures_free(f);
    diag_free(&dl);
}

static void test_indicator_table(void **state)
{
    (void)state;
    static const char *const seed_balance[JH_NBALANCE] = {
        "生均教学及辅助用房面积", "生均体育运动场馆面积", "生均教学仪器设备值", "生均图书数",
        "百名学生计算机台数", "师生比", "生均高于规定学历数", "生均中级及以上职称数"};
    static const char *const seed_compliance[JH_NCOMPLIANCE] = {
        "师生比", "专任教师学历合格", "生均校地", "生均校舍", "生均体育场馆", "实验室", "六大功能室",
        "图书室", "生均教学设备值", "生均藏书"};
    for (int i = 0; i < JH_NBALANCE; i++) assert_string_equal(jh_balance_ind[i].short_label, seed_balance[i]);
    for (int i = 0; i < JH_NCOMPLIANCE; i++) assert_string_equal(jh_compliance_ind[i].short_label, seed_compliance[i]);
    assert_int_equal(indicator_find(jh_balance_ind, JH_NBALANCE, "computers"), BI_COMPUTERS);
    assert_int_equal(indicator_find(jh_compliance_ind, JH_NCOMPLIANCE, "nope"), -1);
    assert_int_equal(jh_balance_ind[BI_EQUIPMENT_VALUE].decimals, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_weighted_cv_worked_example),
        cmocka_unit_test(test_county_figures_use_the_weights),
        cmocka_unit_test(test_inclusive_threshold_on_displayed_value),
        cmocka_unit_test(test_rounding_of_displayed_figures),
        cmocka_unit_test(test_compliance_values_and_shortfalls),
        cmocka_unit_test(test_rate_25_of_26),
        cmocka_unit_test(test_quality_per_school_rule),
        cmocka_unit_test(test_quality_cv_threshold),
        cmocka_unit_test(test_zero_mean_warns),
        cmocka_unit_test(test_indicator_table),
    };
    return cmocka_run_group_tests_name("figures", tests, NULL, NULL);
}
