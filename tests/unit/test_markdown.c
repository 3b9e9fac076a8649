/* Unit tests for document/markdown: the mapping to doc blocks and errors with places. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "document/markdown.h"

static doc *parse(const char *s, const md_options *o, diag_list *dl)
{
    diag_init(dl);
    return md_to_doc(s, strlen(s), "t.md", o, dl);
}

static void test_headings_and_runin(void **state)
{
    (void)state;
    diag_list dl;
    doc *d = parse("# 标题\n\n## 一、基本情况\n\n### （一）达标\n\n#### 1. 细目\n\n"
                   "**（一）突出优先地位。**紧紧围绕目标。\n", NULL, &dl);
    assert_non_null(d);
    assert_int_equal(d->n, 5);
    assert_int_equal(d->blocks[0]->type, DOC_TITLE);
    assert_string_equal(d->title, "标题");
    assert_int_equal(d->blocks[1]->level, 1);
    assert_string_equal(d->blocks[1]->text, "一、基本情况");
    assert_int_equal(d->blocks[3]->level, 3);
    const doc_para *p = &d->blocks[4]->para;
    assert_int_equal(p->nruns, 2);
    assert_int_equal(p->runs[0].kind, RUN_RUNIN);
    assert_string_equal(p->runs[0].text, "（一）突出优先地位。");
    assert_string_equal(p->runs[1].text, "紧紧围绕目标。");
    doc_free(d);
    diag_free(&dl);
}

static void test_table_spans_diagonal_caption(void **state)
{
    (void)state;
    diag_list dl;
    doc *d = parse("表1 达标情况\n\n| 项目\\学校 | < | 师生比 |\n|---|---|--:|\n"
                   "| 小学 | 达标总数 | 26 |\n| ^ | 达标比例 | 100 |\n", NULL, &dl);
    assert_non_null(d);
    assert_int_equal(d->n, 1);
    const doc_table *t = &d->blocks[0]->table;
    assert_string_equal(t->caption, "表1 达标情况");
    assert_int_equal(t->ncols, 3);
    assert_int_equal(t->nrows, 3);
    assert_int_equal(t->header_rows, 1);
    assert_string_equal(t->diag_top, "项目");
    assert_string_equal(t->diag_bottom, "学校");
    assert_int_equal(t->cells[0].colspan, 2);
    assert_true(t->cells[1].covered);
    assert_int_equal(t->cells[3].rowspan, 2);
    assert_true(t->cells[6].covered);
    assert_int_equal(t->col_align[2], ALIGN_RIGHT);
    doc_free(d);
    diag_free(&dl);
}

/* Rows that repeat their 学段 in the first column share one merged cell. */
static void test_repeated_first_column_merged(void **state)
{
    (void)state;
    diag_list dl;
    doc *d = parse("| 学段 | 指标 | 值 |\n|---|---|--:|\n"
                   "| 小学 | 达标总数 | 26 |\n| 小学 | 达标比例 | 100 |\n| 小学 | 差异系数 | 0.38 |\n"
                   "| 初中 | 达标总数 | 11 |\n| 初中 | 达标比例 | 100 |\n| 合计 | < | 37 |\n| 合计 | < | 37 |\n",
                   NULL, &dl);
    assert_non_null(d);
    const doc_table *t = &d->blocks[0]->table;
    assert_int_equal(t->cells[1 * 3].rowspan, 3);    /* 小学 over three rows */
    assert_true(t->cells[2 * 3].covered);
    assert_true(t->cells[3 * 3].covered);
    assert_int_equal(t->cells[4 * 3].rowspan, 2);    /* 初中 over two */
    assert_false(t->cells[6 * 3].covered);           /* a row joined to the right stays its own */
    assert_false(t->cells[7 * 3].covered);
    assert_int_equal(t->cells[7 * 3].colspan, 2);
    assert_false(t->cells[1 * 3 + 1].covered);       /* only the first column merges */
    doc_free(d);
    diag_free(&dl);
}

static void test_unsupported_is_error_with_place(void **state)
{
    (void)state;
    diag_list dl;
    doc *d = parse("# T\n\n正文\n\n<div>x</div>\n", NULL, &dl);
    assert_null(d);
    assert_int_equal(dl.errors, 1);
    assert_string_equal(dl.items[0].file, "t.md");
    assert_int_equal(dl.items[0].line, 5);
    assert_int_equal(dl.items[0].col, 1);
    diag_free(&dl);
    d = parse("文字\n\n    code\n", NULL, &dl);
    assert_null(d);
    assert_int_equal(dl.items[0].line, 3);
    diag_free(&dl);
    d = parse("文字 ![图](a.png)\n", NULL, &dl);
    assert_null(d);
    diag_free(&dl);
}

static int inserted;
static int cb(void *ud, const char *name, doc *d, diag_list *dl)
{
    (void)ud; (void)dl;
    inserted++;
    doc_block *b = doc_add_heading(d, 2, name);
    (void)b;
    return strcmp(name, "bad") == 0 ? -1 : 0;
}

static void test_directives(void **state)
{
    (void)state;
    diag_list dl;
    md_options o = {.block = cb};
    inserted = 0;
    doc *d = parse("{{> table1}}\n\n{{signature 某县人民政府 | 2019年11月20日}}\n\n{{bookmark:1 学校甲}}\n\n---\n",
                   &o, &dl);
    assert_non_null(d);
    assert_int_equal(inserted, 1);
    assert_int_equal(d->n, 4);
    assert_string_equal(d->blocks[0]->text, "table1");
    assert_int_equal(d->blocks[1]->type, DOC_SIGNATURE);
    assert_string_equal(d->blocks[1]->text, "某县人民政府");
    assert_string_equal(d->blocks[1]->text2, "2019年11月20日");
    assert_int_equal(d->blocks[2]->type, DOC_BOOKMARK);
    assert_int_equal(d->blocks[2]->level, 1);
    assert_int_equal(d->blocks[3]->type, DOC_PAGE_BREAK);
    doc_free(d);
    diag_free(&dl);
    /* without a callback {{> x}} is an error; an unknown directive too */
    assert_null(parse("{{> x}}\n", NULL, &dl));
    diag_free(&dl);
    assert_null(parse("{{frobnicate}}\n", NULL, &dl));
    diag_free(&dl);
    assert_null(parse("{{> bad}}\n", &o, &dl));
    diag_free(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_headings_and_runin),
        cmocka_unit_test(test_table_spans_diagonal_caption),
        cmocka_unit_test(test_repeated_first_column_merged),
        cmocka_unit_test(test_unsupported_is_error_with_place),
        cmocka_unit_test(test_directives),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
