/* Unit tests for core/compare: what a correction changes, as printed —
 * nothing for the same data, a data value below display precision is no
 * report change, a flipped verdict, a part added or removed, a
 * configuration value, and the data-number format. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/compare.h"

static const char *const CODES[4] = {"A1", "A2", "A3", "A4"};

static jh_school school(int i, double students, double books)
{
    jh_school s;
    memset(&s, 0, sizeof s);
    s.code = (char *)CODES[i];
    s.name = (char *)CODES[i];
    s.level = JH_PRIMARY;
    s.type = JH_TYPE_PRIMARY;
    s.share = 1;
    s.line = i + 2;
    s.v[F_STUDENTS] = students;
    s.v[F_TEACHERS] = students / 15;
    s.v[F_QUALIFIED] = students / 15;
    s.v[F_ABOVE_DEGREE] = students / 20;
    s.v[F_SENIOR_TITLE] = students / 30;
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

static jh_params params(void)
{
    jh_params c;
    memset(&c, 0, sizeof c);
    c.county = "测试县";
    c.year = 2019;
    c.title = "测试县2019年度报告";
    c.scheme = JH_SCHEME_BASIC;
    c.max_cv[JH_PRIMARY] = 0.65;
    c.max_cv[JH_MIDDLE] = 0.55;
    const double std[JH_NCOMPLIANCE] = {1.0 / 19, 1.0, 15, 4, 3, 1, 6, 1, 365, 20};
    for (int l = 0; l < JH_NLEVELS; l++) {
        memcpy(c.standard[l], std, sizeof std);
        memcpy(c.quality[l], jh_quality_threshold[l], sizeof c.quality[l]);
    }
    c.quality_min_met = 6;
    c.quality_floor = 0.85;
    c.dec_cv = 3;
    c.dec_rate = 2;
    for (int i = 0; i < JH_NBALANCE; i++) c.dec_mean[i] = 3;
    return c;
}

/* A county of n schools (books 25 per pupil unless changed by the caller). */
typedef struct county { jh_school s[4]; jh_schools sc; jh_params p; jh_figures *f; } county;

static void make(county *c, int n)
{
    memset(c, 0, sizeof *c);
    static const double P[4] = {400, 300, 200, 100};
    for (int i = 0; i < n; i++) c->s[i] = school(i, P[i], 25 * P[i]);
    c->sc = (jh_schools){.path = "t.csv", .items = c->s, .n = n};
    for (int f = 0; f < JH_NFIELDS; f++) c->sc.has[f] = 1;
    c->p = params();
}

static void compute(county *c)
{
    diag_list dl;
    diag_init(&dl);
    c->f = figures_compute(&c->p, &c->sc, &dl);
    assert_non_null(c->f);
    diag_free(&dl);
}

static int has_change(const jh_diff *d, jh_change_kind k, const char *code, const char *key, const char *measure)
{
    for (int i = 0; i < d->n; i++) {
        const jh_change *c = &d->items[i];
        if (c->kind == k && !strcmp(c->key, key) && (!measure || !strcmp(c->measure, measure)) &&
            (code ? c->code && !strcmp(c->code, code) : !c->code))
            return 1;
    }
    return 0;
}

static void test_same_data_no_change(void **state)
{
    (void)state;
    county a, b;
    make(&a, 3); compute(&a);
    make(&b, 3); compute(&b);
    jh_diff d;
    compare_figures(a.f, b.f, &d);
    assert_int_equal(d.n, 0);
    assert_int_equal(compare_report_changed(&d), 0);
    compare_free(&d);
    figures_free(a.f);
    figures_free(b.f);
}

static void test_below_precision_is_no_report_change(void **state)
{
    (void)state;
    county a, b;
    make(&a, 3); compute(&a);
    make(&b, 3);
    b.s[1].v[F_BOOKS] += 0.001;   /* one book in a thousand: no printed figure moves */
    b.s[1].whole[F_BOOKS] = b.s[1].v[F_BOOKS];
    compute(&b);
    jh_diff d;
    compare_figures(a.f, b.f, &d);
    assert_true(has_change(&d, JH_CH_DATA, "A2", "books", "data"));
    assert_int_equal(d.count[JH_CH_FIGURE], 0);
    assert_int_equal(d.count[JH_CH_VERDICT], 0);
    assert_int_equal(compare_report_changed(&d), 0);
    compare_free(&d);
    figures_free(a.f);
    figures_free(b.f);
}

static void test_verdict_flips(void **state)
{
    (void)state;
    county a, b;
    make(&a, 3); compute(&a);
    make(&b, 3);
    b.s[2].v[F_BOOKS] = b.s[2].whole[F_BOOKS] = 10 * 200;   /* 10 per pupil, under 20 */
    compute(&b);
    jh_diff d;
    compare_figures(a.f, b.f, &d);
    assert_true(has_change(&d, JH_CH_DATA, "A3", "books", NULL));
    assert_true(has_change(&d, JH_CH_FIGURE, "A3", "books", "value"));
    assert_true(has_change(&d, JH_CH_VERDICT, "A3", "books", "met"));
    assert_true(has_change(&d, JH_CH_VERDICT, "A3", "all", "met"));
    assert_true(compare_report_changed(&d));
    /* the verdict carries both sides */
    for (int i = 0; i < d.n; i++)
        if (d.items[i].kind == JH_CH_VERDICT && !strcmp(d.items[i].key, "books") && d.items[i].code) {
            assert_int_equal(d.items[i].old_b, 1);
            assert_int_equal(d.items[i].new_b, 0);
        }
    compare_free(&d);
    figures_free(a.f);
    figures_free(b.f);
}

static void test_parts_added_removed_and_config(void **state)
{
    (void)state;
    county a, b;
    make(&a, 3); compute(&a);
    make(&b, 4);
    b.s[2].code = b.s[2].name = "A9";   /* A3 gone, A9 and A4 new */
    b.p.title = "测试县2019年度报告（修订）";
    compute(&b);
    jh_diff d;
    compare_figures(a.f, b.f, &d);
    assert_true(has_change(&d, JH_CH_SCHOOL, "A3", "removed", NULL));
    assert_true(has_change(&d, JH_CH_SCHOOL, "A9", "added", NULL));
    assert_true(has_change(&d, JH_CH_SCHOOL, "A4", "added", NULL));
    assert_true(has_change(&d, JH_CH_CONFIG, NULL, "title", NULL));
    assert_int_equal(d.count[JH_CH_SCHOOL], 3);
    assert_true(compare_report_changed(&d));
    compare_free(&d);
    figures_free(a.f);
    figures_free(b.f);
}

static void test_data_num(void **state)
{
    (void)state;
    char buf[64];
    assert_string_equal(compare_data_num(buf, sizeof buf, 43939.35), "43939.35");
    assert_string_equal(compare_data_num(buf, sizeof buf, 71078), "71078");
    assert_string_equal(compare_data_num(buf, sizeof buf, 0.25), "0.25");
    assert_string_equal(compare_data_num(buf, sizeof buf, 1.0 / 3), "0.333333");   /* at most 6 decimals */
    assert_string_equal(compare_data_num(buf, sizeof buf, NAN), "-");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_data_no_change),
        cmocka_unit_test(test_below_precision_is_no_report_change),
        cmocka_unit_test(test_verdict_flips),
        cmocka_unit_test(test_parts_added_removed_and_config),
        cmocka_unit_test(test_data_num),
    };
    return cmocka_run_group_tests_name("compare", tests, NULL, NULL);
}
