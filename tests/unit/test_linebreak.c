/* Unit tests for layout/linebreak: 禁则 on top of UAX #14, squeeze and push. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

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
    assert_int_equal(brk_after("在2019年度", 4), LB_SOFT); /* 9|年: only against a loose line */
    assert_int_equal(brk_after("有2019人", 4), LB_NO);     /* 9|人 */
    assert_int_equal(brk_after("厕所2063 ㎡、", 5), LB_NO); /* the space of 2063 ㎡ */
    assert_int_equal(brk_after("投入6006 万元", 6), LB_NO);
    assert_int_equal(brk_after("在2019年度", 0), LB_ALLOW); /* 在|2 */
    assert_int_equal(brk_after("4.5平方米", 2), LB_NO);     /* 5|平 */
}

static void test_dashes_and_ellipses_whole(void **state)
{
    (void)state;
    assert_int_equal(brk_after("好——好", 1), LB_NO);
    assert_int_equal(brk_after("好……好", 1), LB_NO);
}

/* Items of 16 pt, as in the body text; marks without a known ink box set
 * the Mainland way (stop and closing marks ink left, opening ink right). */
static int make(const char *s, lb_item *it)
{
    uint32_t cps[64];
    unsigned char brk[64];
    int n = cps_of(s, cps);
    lb_opportunities(cps, n, brk);
    memset(it, 0, sizeof *it * (size_t)n);
    for (int i = 0; i < n; i++) {
        it[i].cp = cps[i];
        it[i].adv = 16;
        it[i].size = 16;
        it[i].cls = (unsigned char)lb_punct_class(cps[i]);
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
    int nl = lb_fill(it, n, 80, 80, 1, &l);
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
    int n = make("一，二，三。四五", it);
    int nl = lb_fill(it, n, 80, 80, 1, &l);
    assert_int_equal(nl, 2);
    assert_int_equal(l[0].end, 6);          /* 。 squeezed in: two ， give 1.0 */
    assert_true(l[0].natural - l[0].shrink <= 80.0);
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
        int nl = lb_fill(it, n, 16 * w, 16 * w, 1, &l);
        for (int i = 0; i < nl; i++) {
            assert_false(lb_no_start(it[l[i].start].cp));
            assert_false(lb_no_end(it[l[i].end - 1].cp));
            assert_true(l[i].natural - l[i].shrink <= 16 * w + 0.01);
        }
        free(l);
    }
}

/* Marks with the ink boxes of AR PL UMing (ems): 。、 centred, ， left,
 * （ right, ” left.  Everything else is an ideograph of 16 pt. */
static void ink_uming(lb_item *it, int n)
{
    for (int i = 0; i < n; i++) {
        double l = 0, r = 0;
        switch (it[i].cp) {
        case 0x3002: case 0x3001: l = 0.38; r = 0.62; break;   /* 。、 */
        case 0xFF0C: l = 0.17; r = 0.27; break;                 /* ， */
        case 0xFF08: l = 0.71; r = 0.93; break;                 /* （ */
        case 0xFF09: l = 0.07; r = 0.29; break;                 /* ） */
        case 0x201D: l = 0.08; r = 0.44; break;                 /* ” */
        case 0x201C: l = 0.58; r = 0.93; break;                 /* “ */
        case 0x300A: l = 0.52; r = 0.96; break;                 /* 《 */
        default: continue;
        }
        it[i].ink_l = (float)(l * 16);
        it[i].ink_r = (float)(r * 16);
    }
}

/* Set s as one line of width w; x gets the origins. */
static double set_one(const char *s, lb_item *it, double w, int justify, int forced, double *x, int *n)
{
    *n = make(s, it);
    ink_uming(it, *n);
    lb_line l = {0, *n, 0, 0, forced};
    return lb_set_line(it, &l, w, justify, x);
}

static void test_pairs_compressed(void **state)
{
    (void)state;
    lb_item it[32];
    double x[32];
    int n;
    /* pair widths are measured pen to pen: from the end of the first 好 */
    set_one("好。”好", it, 1000, 0, 1, x, &n);        /* stop + closing: 1.5 em or less */
    assert_true(x[3] - x[0] - 16 <= 24.01);
    assert_true(x[2] + 0.08 * 16 >= x[1] + 0.62 * 16 + 0.9);   /* the inks keep apart */
    set_one("好，“好", it, 1000, 0, 1, x, &n);        /* stop + opening: 1 em */
    assert_true(fabs((x[3] - x[0] - 16) - 16) < 2.0);
    set_one("好（《好", it, 1000, 0, 1, x, &n);       /* opening + opening: 1.5 em (+ the white 《 keeps) */
    assert_true(x[3] - x[0] - 16 <= 24 + 0.06 * 16 + 0.01);
    set_one("好）好", it, 1000, 0, 1, x, &n);         /* a lone mark keeps its em */
    assert_true(fabs(x[2] - x[1] - 16) < 0.01);
}

/* Ink never moves into a neighbour: a centred 。 squeezed keeps white on
 * both sides, whatever the pressure. */
static void test_centred_mark_squeezed_on_blank_only(void **state)
{
    (void)state;
    lb_item it[32];
    double x[32];
    int n;
    double w = set_one("一二。三四", it, 60, 1, 0, x, &n);   /* 80 pt into 60: as much as it can */
    double ink_l = x[2] + 0.38 * 16, ink_r = x[2] + 0.62 * 16;
    assert_true(ink_l >= x[1] + 16 + 0.9);     /* white after 二's em box */
    assert_true(ink_r <= x[3] - 0.9);          /* and before 三 */
    assert_true(w >= 80 - 8 - 0.01);           /* at most half an em given */
}

static void test_line_end_and_start(void **state)
{
    (void)state;
    lb_item it[32];
    double x[32];
    int n;
    /* a line-end 。's ink ends on the margin of a justified line */
    set_one("一二三四五六。", it, 110, 1, 0, x, &n);
    assert_true(fabs(x[6] + 0.62 * 16 - 110) < 0.01);
    /* a line-start （ has its ink on the margin */
    set_one("（一）二三", it, 100, 0, 1, x, &n);
    assert_true(fabs(x[0] + 0.71 * 16) < 0.01);
}

/* Squeezing to pull a character back takes from every mark of the line
 * evenly, never from one mark alone. */
static void test_squeeze_spread_evenly(void **state)
{
    (void)state;
    lb_item it[32];
    double x[32];
    int n;
    set_one("一，二，三，四五", it, 120, 1, 0, x, &n);   /* 128 pt into 120 */
    double a = x[2] - x[1], b = x[4] - x[3], c = x[6] - x[5];
    assert_true(a < 16 && fabs(a - b) < 0.01 && fabs(b - c) < 0.01);
}

/* Justification opens no digit run, Latin word or number with its unit. */
static void test_stretch_between_ideographs_only(void **state)
{
    (void)state;
    lb_item it[32];
    double x[32];
    int n = make("在2019年有abc人好", it);
    for (int i = 0; i < n; i++) if (it[i].cp < 0x80) it[i].adv = 8;
    lb_line l = {0, n, 0, 0, 0};
    lb_set_line(it, &l, 200, 1, x);
    for (int i = 1; i <= 4; i++) assert_true(fabs(x[i + 1] - x[i] - 8) < 0.001);   /* 2019年 */
    for (int i = 7; i <= 8; i++) assert_true(fabs(x[i + 1] - x[i] - 8) < 0.001);   /* abc */
    assert_true(x[1] - x[0] > 16.5);                                               /* 在|2 opens */
}

/* The last line of a paragraph is never one ideograph (with its mark). */
static void test_no_single_character_last_line(void **state)
{
    (void)state;
    lb_item it[64];
    const char *texts[] = { "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子。", "一二三四五六七八九十，乙丙丁戊己庚辛壬癸子丑寅" };
    for (int t = 0; t < 2; t++) {
        int n = make(texts[t], it);
        ink_uming(it, n);
        for (int w = 5; w <= 12; w++) {
            lb_line *l;
            int nl = lb_fill(it, n, 16 * w, 16 * w, 1, &l);
            int core = 0;
            for (int i = l[nl - 1].start; i < l[nl - 1].end; i++) core += it[i].cls == LB_PC_NONE;
            assert_true(nl == 1 || core >= 2);
            free(l);
        }
    }
}

/* A line that would stretch more than LB_MAX_STRETCH is re-broken when
 * another breaking keeps every line tighter. */
static void test_no_loose_line_when_avoidable(void **state)
{
    (void)state;
    lb_item it[64];
    int n = make("一二三四五六七八九十甲乙“丙丁”戊己庚辛壬癸子丑寅卯辰巳午未", it);
    ink_uming(it, n);
    lb_line *l;
    int nl = lb_fill(it, n, 16 * 12, 16 * 12, 1, &l);
    double x[64];
    for (int k = 0; k + 1 < nl; k++) {
        lb_set_line(it, &l[k], 16 * 12, 1, x);
        int m = l[k].end - l[k].start;
        for (int i = 0; i + 1 < m; i++)
            if (!it[l[k].start + i].cls && !it[l[k].start + i + 1].cls)
                assert_true(x[i + 1] - x[i] - 16 <= LB_MAX_STRETCH + 0.01);
    }
    free(l);
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
        cmocka_unit_test(test_pairs_compressed),
        cmocka_unit_test(test_centred_mark_squeezed_on_blank_only),
        cmocka_unit_test(test_line_end_and_start),
        cmocka_unit_test(test_squeeze_spread_evenly),
        cmocka_unit_test(test_stretch_between_ideographs_only),
        cmocka_unit_test(test_no_single_character_last_line),
        cmocka_unit_test(test_no_loose_line_when_avoidable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
