/* Unit tests for compose/format: display strings (half-up, "-" for
 * undefined), shortfalls rounded up to a whole unit, the needs list and its
 * first/last flags, the PDF metadata from the parameters, Chinese dates,
 * and template expansion into a document with its errors. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose/format.h"
#include "document/markdown.h"

static void test_numbers(void **state)
{
    (void)state;
    assert_string_equal(fmt_num(0.5145, 3).s, "0.515");   /* half-up, not banker's */
    assert_string_equal(fmt_num(2.675, 2).s, "2.68");     /* 2.675 is 2.67499... in binary */
    assert_string_equal(fmt_num(NAN, 3).s, "-");
    assert_string_equal(fmt_num(1234.5, 0).s, "1235");
    assert_string_equal(fmt_int(-42).s, "-42");
    assert_string_equal(fmt_compliance(CI_TEACHER_RATIO, 1.0 / 18.5).s, "1:18.5");
    assert_string_equal(fmt_compliance(CI_QUALIFIED, 0.9876).s, "98.76%");
    assert_string_equal(fmt_compliance(CI_BOOKS, NAN).s, "-");
}

static void test_shortfall_words(void **state)
{
    (void)state;
    const char *label, *unit;
    numstr amount;
    assert_int_equal(shortfall_words(CI_SITE_AREA, 0, &label, &amount, &unit), 0);
    assert_int_equal(shortfall_words(CI_SITE_AREA, NAN, &label, &amount, &unit), 0);
    assert_int_equal(shortfall_words(CI_SITE_AREA, 319.4, &label, &amount, &unit), 1);
    assert_string_equal(amount.s, "320");                 /* a school must build 320, not 319 */
    assert_string_equal(unit, "平方米");
    assert_string_equal(label, "校园占地面积");
    assert_int_equal(shortfall_words(CI_TEACHER_RATIO, 3.0000000001, &label, &amount, &unit), 1);
    assert_string_equal(amount.s, "3");                   /* binary noise is not a fourth teacher */
    assert_string_equal(unit, "名");
}

static void test_needs_value(void **state)
{
    (void)state;
    double sf[JH_NCOMPLIANCE] = {0};
    int n = -1;
    tv_value *v = needs_value(sf, &n);
    assert_int_equal(n, 0);
    assert_int_equal(tv_count(v), 0);
    tv_free(v);
    sf[CI_BOOKS] = 10.2;
    sf[CI_LABS] = 1;
    sf[CI_TEACHER_RATIO] = 2;
    v = needs_value(sf, &n);
    assert_int_equal(n, 3);
    /* in the indicators' order, with first/last flags for the punctuation */
    assert_string_equal(tv_str(tv_get(tv_at(v, 0), "key")), "teacher_ratio");
    assert_string_equal(tv_str(tv_get(tv_at(v, 1), "key")), "labs");
    assert_string_equal(tv_str(tv_get(tv_at(v, 2), "amount")), "11");
    assert_true(tv_yes(tv_get(tv_at(v, 0), "first")));
    assert_false(tv_yes(tv_get(tv_at(v, 1), "first")));
    assert_true(tv_yes(tv_get(tv_at(v, 2), "last")));
    assert_false(tv_yes(tv_get(tv_at(v, 1), "last")));
    tv_free(v);
}

static void test_dates_and_meta(void **state)
{
    (void)state;
    int y, m, d;
    assert_int_equal(parse_cn_date("2019-12-05", &y, &m, &d), 0);
    assert_true(y == 2019 && m == 12 && d == 5);
    assert_int_equal(parse_cn_date("2019年11月20日", &y, &m, &d), 0);
    assert_true(y == 2019 && m == 11 && d == 20);
    assert_int_equal(parse_cn_date("2019年13月1日", &y, &m, &d), -1);
    assert_int_equal(parse_cn_date("2019-12-05 ", &y, &m, &d), -1);   /* nothing after it */
    assert_int_equal(parse_cn_date("二〇一九年", &y, &m, &d), -1);
    jh_params p;
    memset(&p, 0, sizeof p);
    p.issuer = "示例县人民政府";
    p.date = "2019年11月20日";
    doc *dc = doc_new(NULL);
    doc_meta(dc, &p, "标题");
    assert_string_equal(dc->title, "标题");
    assert_string_equal(dc->author, "示例县人民政府");
    assert_string_equal(dc->date, "2019-11-20");
    doc_free(dc);
    p.date = "年底";                                       /* unparsed: no PDF date */
    dc = doc_new(NULL);
    doc_meta(dc, &p, "标题");
    assert_null(dc->date);
    doc_free(dc);
}

static int blocks_seen;
static int count_block(void *ud, const char *name, doc *d, diag_list *dl)
{
    (void)ud; (void)d; (void)dl;
    if (!strcmp(name, "table")) blocks_seen++;
    return 0;
}

static void test_expand_to_doc(void **state)
{
    (void)state;
    static const char *const blocks[] = {"table", NULL};
    tv_value *ctx = tv_map();
    tv_map_str(ctx, "county", "示例县");
    diag_list dl;
    diag_init(&dl);
    const char *ok = "# {{county}}报告\n\n正文。\n\n{{> table}}\n";
    md_options mo = {.block = count_block};
    blocks_seen = 0;
    doc *d = expand_to_doc(ok, strlen(ok), "t.md", ctx, blocks, &mo, &dl);
    assert_non_null(d);
    assert_int_equal(dl.errors, 0);
    assert_int_equal(blocks_seen, 1);
    doc_free(d);
    /* an unknown name is an error at its place in the template */
    const char *bad = "# 报告\n\n{{countee}}\n";
    d = expand_to_doc(bad, strlen(bad), "t.md", ctx, blocks, &mo, &dl);
    assert_null(d);
    assert_true(dl.errors > 0);
    assert_string_equal(dl.items[0].file, "t.md");
    assert_int_equal(dl.items[0].line, 3);
    diag_free(&dl);
    /* Markdown the renderer does not support is named at its template line */
    diag_init(&dl);
    const char *html = "# 报告\n\n正文\n\n<div>x</div>\n";
    d = expand_to_doc(html, strlen(html), "t.md", ctx, blocks, &mo, &dl);
    assert_null(d);
    assert_int_equal(dl.items[0].line, 5);
    diag_free(&dl);
    tv_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_shortfall_words),
        cmocka_unit_test(test_needs_value),
        cmocka_unit_test(test_dates_and_meta),
        cmocka_unit_test(test_expand_to_doc),
    };
    return cmocka_run_group_tests_name("format", tests, NULL, NULL);
}
