/* Unit tests for core/indicators: how a compliance value is printed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

#include "core/indicators.h"

static void test_compliance_format(void **state)
{
    (void)state;
    char b[64];
    /* 师生比 is stored as teachers per pupil and read as pupils per teacher */
    assert_string_equal(compliance_format(b, sizeof b, CI_TEACHER_RATIO, 1.0 / 19), "1:19.0");
    assert_string_equal(compliance_format(b, sizeof b, CI_TEACHER_RATIO, 165.0 / 3367), "1:20.4");
    assert_string_equal(compliance_format(b, sizeof b, CI_TEACHER_RATIO, 0), "-");
    /* a rate is shown ×100 with its sign, rounded half-up once */
    assert_string_equal(compliance_format(b, sizeof b, CI_QUALIFIED, 0.98125), "98.13%");
    assert_string_equal(compliance_format(b, sizeof b, CI_BOOKS, 21.105), "21.11");
    assert_string_equal(compliance_format(b, sizeof b, CI_LABS, 3), "3");
    assert_string_equal(compliance_format(b, sizeof b, CI_SITE_AREA, NAN), "-");
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_compliance_format)};
    return cmocka_run_group_tests_name("indicators", tests, NULL, NULL);
}
