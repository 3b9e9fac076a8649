/* Unit tests for common/json (the one JSON writer) and num_shortest. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/json.h"
#include "common/num.h"
#include "common/strbuf.h"

static void to_sb(void *ud, const char *s, size_t n) { sb_add(ud, s, n); }

static void short_is(double x, const char *want)
{
    char buf[NUM_SHORTEST];
    assert_string_equal(num_shortest(buf, x), want);
    if (*want) assert_true(strtod(buf, NULL) == x);
}

static void test_shortest(void **state)
{
    (void)state;
    short_is(0.1, "0.1");
    short_is(100, "100");                 /* not 1e+02 */
    short_is(-42, "-42");
    short_is(-0.0, "0");
    short_is(999999999999999.0, "999999999999999");
    short_is(1e15, "1e+15");
    short_is(1.0 / 3, "0.3333333333333333");         /* 16 digits suffice */
    short_is(0.23525819975385107, "0.23525819975385107"); /* 17 needed */
    short_is(2.5e-7, "2.5e-07");
    short_is(NAN, "");
    short_is(INFINITY, "");
}

/* The reference: what num_shortest has always printed (three printfs). */
static void reference(char *buf, double x)
{
    int p = 15;
    for (; p < 17; p++) {
        snprintf(buf, 40, "%.*g", p, x);
        if (strtod(buf, NULL) == x) break;
    }
    if (p == 17) snprintf(buf, 40, "%.17g", x);
    if (!strcmp(buf, "-0")) strcpy(buf, "0");
}

static void same_as_reference(double x)
{
    char a[NUM_SHORTEST], b[40];
    if (!isfinite(x)) return;
    num_shortest(a, x);
    reference(b, x);
    if (strcmp(a, b)) fail_msg("%.17g: num_shortest '%s', reference '%s'", x, a, b);
}

/* The one-printf path prints what three printfs did, byte for byte: random
 * bit patterns (every exponent), ratios of counts (what the figures are),
 * ties in the 16th and 17th digit, carries (9.999…), tiny and huge. */
static void test_shortest_matches_reference(void **state)
{
    (void)state;
    unsigned long long r = 0x9E3779B97F4A7C15ULL;
    for (int i = 0; i < 50000; i++) {
        r ^= r << 13; r ^= r >> 7; r ^= r << 17;
        double x;
        memcpy(&x, &r, sizeof x);
        same_as_reference(x);
        same_as_reference((double)(r % 100000) / (double)(1 + (r >> 40) % 9973));
        same_as_reference((double)(r % 1000000007) * 1e-7);
        same_as_reference(nextafter(1.0 / (double)(1 + r % 97), 1.0));
    }
    static const double edge[] = {0.5, 0.05, 1e-5, 1.5e-5, 0.0001, 9.9999999999999995e-5, 99999.999999999985,
                                  0.99999999999999989, 9.999999999999999e14, 1e16, 1.2345678901234567e-300,
                                  5e-324, 1.7976931348623157e308, 123456789012345.67, 0.1 + 0.2, 2.675, 1.005};
    for (size_t i = 0; i < sizeof edge / sizeof edge[0]; i++) { same_as_reference(edge[i]); same_as_reference(-edge[i]); }
}

static void test_document(void **state)
{
    (void)state;
    strbuf b = STRBUF_INIT;
    json_writer *w = json_new(to_sb, &b);
    json_obj(w);
    json_kstr(w, "name", "通道\"县\"\\\n");
    json_kint(w, "year", 2019);
    json_knum(w, "cv", 0.25);
    json_knum(w, "undefined", NAN);
    json_kbool(w, "met", 1);
    json_kbool(w, "unknown", -1);
    json_key(w, "none");
    json_str(w, NULL);
    json_break(w, "\n");
    json_key(w, "list");
    json_arr(w);
    for (int i = 0; i < 2; i++) { json_break(w, "\n  "); json_int(w, i); }
    json_break(w, "\n");
    json_arr_end(w);
    json_obj_end(w);
    json_break(w, "\n");
    assert_int_equal(json_finish(w), 0);
    json_free(w);
    assert_string_equal(sb_str(&b),
        "{\"name\":\"通道\\\"县\\\"\\\\\\n\",\"year\":2019,\"cv\":0.25,\"undefined\":null,"
        "\"met\":true,\"unknown\":null,\"none\":null,\n\"list\":[\n  0,\n  1\n]}\n");
    sb_free(&b);
}

/* More than one block of output arrives whole and in order. */
static void test_large(void **state)
{
    (void)state;
    strbuf b = STRBUF_INIT;
    json_writer *w = json_new(to_sb, &b);
    json_arr(w);
    for (int i = 0; i < 20000; i++) json_int(w, i);
    json_arr_end(w);
    assert_int_equal(json_finish(w), 0);
    json_free(w);
    assert_int_equal(strncmp(sb_str(&b), "[0,1,2,", 7), 0);
    assert_int_equal(strcmp(sb_str(&b) + b.len - 12, "19998,19999]"), 0);
    sb_free(&b);
}

static int fails(void (*build)(json_writer *))
{
    strbuf b = STRBUF_INIT;
    json_writer *w = json_new(to_sb, &b);
    build(w);
    int rc = json_finish(w);
    json_free(w);
    sb_free(&b);
    return rc != 0;
}

static void value_for_key(json_writer *w) { json_obj(w); json_num(w, 1); json_obj_end(w); }
static void unclosed(json_writer *w) { json_arr(w); json_int(w, 1); }
static void bad_utf8(json_writer *w) { json_arr(w); json_str(w, "\xff\xfe"); json_arr_end(w); }
static void close_wrong(json_writer *w) { json_arr(w); json_obj_end(w); }
static void two_roots(json_writer *w) { json_arr(w); json_arr_end(w); json_arr(w); json_arr_end(w); }
static void good(json_writer *w) { json_arr(w); json_arr_end(w); }

static void test_misuse_fails(void **state)
{
    (void)state;
    assert_false(fails(good));
    assert_true(fails(value_for_key));
    assert_true(fails(unclosed));
    assert_true(fails(bad_utf8));
    assert_true(fails(close_wrong));
    assert_true(fails(two_roots));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shortest),
        cmocka_unit_test(test_shortest_matches_reference),
        cmocka_unit_test(test_document),
        cmocka_unit_test(test_large),
        cmocka_unit_test(test_misuse_fails),
    };
    return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
