/* Unit tests for common/num: half-up rounding for display. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "common/num.h"

static void fmt_is(double x, int d, const char *want)
{
    char buf[64];
    num_format(buf, sizeof buf, x, d);
    assert_string_equal(buf, want);
}

static void test_half_up_not_binary_ties(void **state)
{
    (void)state;
    fmt_is(0.125, 2, "0.13");   /* printf gives 0.12 */
    fmt_is(1.005, 2, "1.01");   /* stored as 1.00499... */
    fmt_is(2.675, 2, "2.68");
    fmt_is(8.53459, 2, "8.53"); /* rounded once, not in steps */
    fmt_is(0.379875, 3, "0.380");
    fmt_is(0.272625, 3, "0.273");
    fmt_is(-0.0004, 3, "0.000"); /* never "-0.000" */
    fmt_is(-1.25, 1, "-1.3");
}

static void test_percent_from_counts(void **state)
{
    (void)state;
    char buf[32];
    assert_string_equal(num_percent(buf, sizeof buf, 25, 26, 2), "96.15");
    assert_string_equal(num_percent(buf, sizeof buf, 24, 25, 2), "96.00");
    assert_string_equal(num_percent(buf, sizeof buf, 26, 26, 2), "100.00");
    assert_string_equal(num_percent(buf, sizeof buf, 1, 0, 2), "-");
}

static void test_parse(void **state)
{
    (void)state;
    double v;
    assert_int_equal(num_parse(" 12.5 ", &v), 0);
    assert_true(v == 12.5);
    assert_int_equal(num_parse("-3", &v), 0);
    assert_true(v == -3);
    assert_int_equal(num_parse(".5", &v), 0);
    assert_int_not_equal(num_parse("", &v), 0);
    assert_int_not_equal(num_parse("1,240", &v), 0);
    assert_int_not_equal(num_parse("12m2", &v), 0);
    assert_int_not_equal(num_parse("nan", &v), 0);
    assert_int_not_equal(num_parse("inf", &v), 0);
    assert_int_not_equal(num_parse("1e999", &v), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_half_up_not_binary_ties),
        cmocka_unit_test(test_percent_from_counts),
        cmocka_unit_test(test_parse),
    };
    return cmocka_run_group_tests_name("num", tests, NULL, NULL);
}
