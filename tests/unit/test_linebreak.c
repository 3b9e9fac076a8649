/* Unit tests for layout/linebreak: 禁则 on top of UAX #14, squeeze and push. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "common/utf8.h"
#include "layout/linebreak.h"

/* Decode s into cps; returns the count. */
static int cps_of(const char *s, uint32_t *cps)
{
    int n = 0;
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) i += (size_t)utf8_decode(s + i, len - i, &cps[n++]);
    return n;
}

/* brk after the k-th code point of s. */
static int brk_after(const char *s, int k)
{
    uint32_t cps[256];
    unsigned char brk[256];
    int n = cps_of(s, cps);
    lb_opportunities(cps, n, brk);
    return brk[k];
}

static void test_forbidden_sets(void **state)
{
    (void)state;
    assert_true(lb_no_start(0x3002));   /* 。 */
    assert_true(lb_no_start(0xFF0C));   /* ， */
    assert_true(lb_no_start(0x201D));   /* ” */
    assert_true(lb_no_start(0x300B));   /* 》 */
    assert_true(lb_no_start('%'));
    assert_false(lb_no_start(0x4E2D));  /* 中 */
    assert_true(lb_no_end(0x201C));     /* “ */
    assert_true(lb_no_end(0xFF08));     /* （ */
    assert_true(lb_no_end(0x300A));     /* 《 */
    assert_false(lb_no_end(0x3002));
}

static void test_no_break_before_closing_or_after_opening(void **state)
{
    (void)state;
    assert_int_equal(brk_after("中文。好", 1), LB_NO);     /* not before 。 */
    assert_int_equal(brk_after("中文。好", 2), LB_ALLOW);  /* after 。 */
    assert_int_equal(brk_after("说“好”吧", 1), LB_NO);    /* not after “ */
    assert_int_equal(brk_after("说“好”吧", 2), LB_NO);    /* not before ” */
    assert_int_equal(brk_after("中文中文", 1), LB_ALLOW);  /* ideographs break anywhere */
}

static void test_numbers_stay_whole(void **state)
{
    (void)state;
    const char *s = "为96.15%的";
    for (int k = 1; k <= 5; k++) assert_int_equal(brk_after(s, k), LB_NO);  /* 9 6 . 1 5 % */
    assert_int_equal(brk_after("在2019年度", 4), LB_NO);   /* 9|年 */
    assert_int_equal(brk_after("在2019年度", 0), LB_ALLOW); /* 在|2 */
    assert_int_equal(brk_after("4.5平方米", 2), LB_NO);     /* 5|平 */
}

static void test_dashes_and_ellipses_whole(void **state)
{
    (void)state;
    assert_int_equal(brk_after("好——好", 1), LB_NO);
    assert_int_equal(brk_after("好……好", 1), LB_NO);
}

/* Items of unit width; squeezable marks may lose half. */
static int make(const char *s, lb_item *it)
{
    uint32_t cps[64];
    unsigned char brk[64];
    int n = cps_of(s, cps);
    lb_opportunities(cps, n, brk);
    memset(it, 0, sizeof *it * (size_t)n);
    for (int i = 0; i < n; i++) {
        it[i].cp = cps[i];
        it[i].adv = 1;
        it[i].shrink = lb_squeezable(cps[i]) ? 0.5f : 0;
        it[i].brk = brk[i];
    }
    return n;
}

static void test_push_down_when_nothing_to_squeeze(void **state)
{
    (void)state;
    lb_item it[16];
    lb_line *l;
    int n = make("一二三四五。七八", it);
    int nl = lb_fill(it, n, 5, 5, &l);
    assert_int_equal(nl, 2);
    assert_int_equal(l[0].end, 4);          /* 五 goes down with 。 */
    assert_int_equal(it[l[1].start].cp, 0x4E94);
    free(l);
}

static void test_squeeze_when_marks_give_room(void **state)
{
    (void)state;
    lb_item it[16];
    lb_line *l;
    int n = make("一，二，三。四", it);
    int nl = lb_fill(it, n, 5, 5, &l);
    assert_int_equal(nl, 2);
    assert_int_equal(l[0].end, 6);          /* 。 squeezed in: two ， give 1.0 */
    assert_true(l[0].natural - l[0].shrink <= 5.0);
    free(l);
}

static void test_no_line_starts_with_forbidden(void **state)
{
    (void)state;
    const char *s = "我县教育基础差、底子差、欠账多，每年新建一所城区学校（含“两个全覆盖”）。";
    lb_item it[128];
    for (int w = 3; w <= 12; w++) {
        int n = make(s, it);
        lb_line *l;
        int nl = lb_fill(it, n, w, w, &l);
        for (int i = 0; i < nl; i++) {
            assert_false(lb_no_start(it[l[i].start].cp));
            assert_false(lb_no_end(it[l[i].end - 1].cp));
            assert_true(l[i].natural - l[i].shrink <= w + 0.01);
        }
        free(l);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forbidden_sets),
        cmocka_unit_test(test_no_break_before_closing_or_after_opening),
        cmocka_unit_test(test_numbers_stay_whole),
        cmocka_unit_test(test_dashes_and_ellipses_whole),
        cmocka_unit_test(test_push_down_when_nothing_to_squeeze),
        cmocka_unit_test(test_squeeze_when_marks_give_room),
        cmocka_unit_test(test_no_line_starts_with_forbidden),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
