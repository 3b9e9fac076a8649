/* Unit tests for document/template: Mustache-style placeholders in Markdown. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/strbuf.h"
#include "document/template.h"
#include "../fuzz/md_shape.h"

static const char *const blocks[] = {"compliance_table", "balance_table", "balance_chart", NULL};
static const template_opts opts = {blocks};

static tv_value *school(tv_value *list, const char *name, const char *m1, const char *m2)
{
    tv_value *it = tv_list_push(list, tv_map());
    tv_map_str(it, "name", name);
    tv_value *miss = tv_map_set(it, "missing", tv_list());
    if (m1) tv_list_push(miss, tv_string(m1));
    if (m2) tv_list_push(miss, tv_string(m2));
    return it;
}

static tv_value *context(void)
{
    tv_value *m = tv_map();
    tv_map_str(m, "county", "通道侗族自治县");
    tv_map_str(m, "year", "2019");
    tv_value *p = tv_map_set(m, "primary", tv_map());
    tv_map_str(p, "composite_cv", "0.380");
    tv_map_str(p, "name", "小学");
    tv_value *books = tv_map_set(tv_map_set(p, "balance", tv_map()), "books", tv_map());
    tv_map_str(books, "cv", "0.412");
    tv_map_set(books, "pass", tv_bool(0));
    tv_value *f = tv_map_set(m, "failing", tv_list());
    school(f, "金殿小学", "生均校地", "生均图书");
    school(f, "A*B_学校|", "生均图书", NULL);
    tv_map_set(m, "none", tv_list());
    tv_map_set(m, "yes", tv_bool(1));
    tv_map_set(m, "no", tv_bool(0));
    tv_map_str(m, "empty", "");
    tv_map_str(m, "note", "注意");
    tv_map_set(m, "md", tv_raw("**粗体**"));
    tv_value *tags = tv_map_set(m, "tags", tv_list());
    tv_list_push(tags, tv_string("甲"));
    tv_list_push(tags, tv_string("乙"));
    return m;
}

static tv_value *ctx;

static int setup(void **state) { (void)state; ctx = context(); return 0; }
static int teardown(void **state) { (void)state; tv_free(ctx); return 0; }

static char *run(const char *text, diag_list *dl)
{
    return template_expand(text, strlen(text), "t.md", ctx, &opts, dl);
}

static void expect(const char *text, const char *want)
{
    diag_list dl;
    diag_init(&dl);
    char *got = run(text, &dl);
    if (!got || dl.n) diag_print(&dl, stderr);
    assert_non_null(got);
    assert_int_equal(dl.errors, 0);
    assert_string_equal(got, want);
    free(got);
    diag_free(&dl);
}

/* Expansion fails, and the first diagnostic is at line:col, says msg and hints hint. */
static void expect_err(const char *text, int line, int col, const char *msg, const char *hint)
{
    diag_list dl;
    diag_init(&dl);
    char *got = run(text, &dl);
    if (got) fprintf(stderr, "unexpected output: %s\n", got);
    assert_null(got);
    assert_true(dl.n >= 1);
    diag *d = &dl.items[0];
    if (!strstr(d->msg, msg) || d->line != line || d->col != col ||
        (hint && (!d->hint || !strstr(d->hint, hint))))
        diag_print(&dl, stderr);
    assert_string_equal(d->file, "t.md");
    assert_int_equal(d->line, line);
    assert_int_equal(d->col, col);
    assert_non_null(strstr(d->msg, msg));
    if (hint) {
        assert_non_null(d->hint);
        assert_non_null(strstr(d->hint, hint));
    }
    diag_free(&dl);
}

/* ---- values ---- */

static void test_plain_text_unchanged(void **state)
{
    (void)state;
    expect("", "");
    expect("# 标题\n\n正文 } { }} 不变。\n", "# 标题\n\n正文 } { }} 不变。\n");
}

static void test_values(void **state)
{
    (void)state;
    expect("{{county}}{{year}}年", "通道侗族自治县2019年");
    expect("{{ county }} {{\tyear\t}}", "通道侗族自治县 2019");
    expect("综合差异系数为{{primary.composite_cv}}。", "综合差异系数为0.380。");
    expect("{{primary.balance.books.cv}}", "0.412");
}

static void test_escaping(void **state)
{
    (void)state;
    expect("{{#failing}}|{{name}}|{{/failing}}", "|金殿小学||A\\*B\\_学校\\||");
    tv_value *m = tv_map();
    tv_map_str(m, "a", "# 一");
    tv_map_str(m, "b", "- x");
    tv_map_str(m, "c", "12. x");
    tv_map_str(m, "d", "3) x");
    tv_map_str(m, "e", "[链接](x) \\ `c` <b> &amp; ~~s~~ !");
    tv_map_str(m, "f", "行一\n行二\r\n");
    tv_map_str(m, "g", "    缩进  ");
    tv_map_str(m, "h", "+ y");
    tv_map_str(m, "i", "===");
    tv_map_str(m, "j", "2019年");
    tv_map_str(m, "k", "学校 #");
    tv_map_str(m, "l", "-3.5 0.380 1.x 1) 2019. --");
    const char *t = "{{a}}\n{{b}}\n{{c}}\n{{d}}\n{{e}}\n{{f}}\n{{g}}\n{{h}}\n{{i}}\n{{j}}\n{{k}}\n{{l}}\n{{{a}}} {{&b}}";
    diag_list dl;
    diag_init(&dl);
    char *got = template_expand(t, strlen(t), "t.md", m, NULL, &dl);
    assert_non_null(got);
    assert_string_equal(got,
        "\\# 一\n"
        "\\- x\n"
        "12\\. x\n"
        "3\\) x\n"
        "\\[链接\\](x) \\\\ \\`c\\` \\<b\\> \\&amp; \\~\\~s\\~\\~ !\n"
        "行一 行二&#32;&#32;\n"
        "&#32;&#32;&#32;&#32;缩进&#32;&#32;\n"
        "\\+ y\n"
        "\\===\n"
        "2019年\n"
        "学校 \\#\n"
        "-3.5 0.380 1.x 1) 2019. --\n"
        "# 一 - x");
    free(got);
    diag_free(&dl);
    tv_free(m);
}

/* Markdown contexts a value is placed in by report templates. */
static const char *const md_contexts[] = {
    "{{v}}\n",
    "前{{v}}后\n",
    "# {{v}}\n",
    "## 标题 {{v}}\n",
    "- {{v}}\n",
    "1. {{v}}\n",
    "> {{v}}\n",
    "段落\n{{v}}\n",
    "{{v}}\n\n正文\n",
    "| 学校 | 指标 |\n|---|---|\n| {{v}} | 1 |\n",
    "| {{v}} |\n|---|\n| x |\n",
    "**{{v}}**\n",
    "{{v}}{{v}}\n",
    NULL,
};

/* What a value must look like in the PDF: itself, control characters (line
 * breaks) as spaces. */
static char *visible(const char *v)
{
    char *s = strdup(v);
    for (char *p = s; *p; p++)
        if (((unsigned char)*p < ' ' && *p != '\t') || *p == 0x7F) *p = ' ';
    return s;
}

/* Replace every "X" in s by r. */
static char *subst_x(const char *s, const char *r)
{
    strbuf b = STRBUF_INIT;
    for (; *s; s++) {
        if (*s == 'X') sb_puts(&b, r);
        else sb_putc(&b, *s);
    }
    return sb_take(&b);
}

/* Expanding v escaped into ctx gives the same tree as a plain word, and
 * the visible text is the value's. */
static void check_shape(const char *context, const char *v)
{
    tv_value *plain = tv_map(), *nasty = tv_map();
    tv_map_str(plain, "v", "X");
    tv_map_str(nasty, "v", v);
    diag_list dl;
    diag_init(&dl);
    char *a = template_expand(context, strlen(context), "t.md", plain, NULL, &dl);
    char *b = template_expand(context, strlen(context), "t.md", nasty, NULL, &dl);
    assert_non_null(a);
    assert_non_null(b);
    strbuf sa = STRBUF_INIT, ta = STRBUF_INIT, sb = STRBUF_INIT, tb = STRBUF_INIT;
    md_shape(a, &sa, &ta);
    md_shape(b, &sb, &tb);
    char *vis = visible(v), *want = subst_x(sb_str(&ta), vis);
    if (strcmp(sb_str(&sa), sb_str(&sb)) != 0 || strcmp(want, sb_str(&tb)) != 0)
        fprintf(stderr, "value [%s] in [%s]\n  md: %s\n  shape %s\n  want  %s\n  text [%s]\n  want [%s]\n",
                v, context, b, sb_str(&sb), sb_str(&sa), sb_str(&tb), want);
    assert_string_equal(sb_str(&sb), sb_str(&sa));
    assert_string_equal(sb_str(&tb), want);
    free(vis); free(want); free(a); free(b);
    sb_free(&sa); sb_free(&ta); sb_free(&sb); sb_free(&tb);
    diag_free(&dl);
    tv_free(plain);
    tv_free(nasty);
}

static void test_escaping_keeps_markdown_shape(void **state)
{
    (void)state;
    static const char *const values[] = {
        "金殿小学", "*重点*学校", "_a_", "A|B", "[链接](http://x)", "![图](x)", "a\\", "\\",
        "# 一中", "#", "- 分校", "-", "+ x", "* x", "1. 一", "12) x", "2019.", "0.380", "-3.5",
        "---", "===", "***", "___", "> 引", "<b>粗</b>", "&amp;", "&#42;", "`code`", "``",
        "~~删~~", "~", "行一\n行二", "行一\n\n# 行二", "a\r\n- b", "    缩进", "尾  ", "\t制表",
        "| --- |", ":---:", "[^1]", "[x]: /url", "www.example.com", "a@b.cn", "http://x.cn",
        "<http://x>", "[ ] 任务", "\\*", "**", "x**y", "(一)", "“引号”", "a_b_c", "1\\.",
        "\v", "a\f", "\xEF\xBB\xBF{{s}}", "a\xEF\xBB\xBF", "\x01x\x7F", "-:", ":-", "-|-", "- | -", "-x", "+", "=", "1)", "1.", "1.5", "1.x", "1. ", "#a", "<!-- c -->", "{{> balance_table}}", "{",
        " ", "  ", "{{x}}", "}}", "!", "[", "]", "|", "\n", "-\n-",
        NULL,
    };
    for (const char *const *c = md_contexts; *c; c++)
        for (const char *const *v = values; *v; v++) check_shape(*c, *v);
}

static void test_raw_values(void **state)
{
    (void)state;
    expect("{{md}}|{{{md}}}|{{& md}}", "**粗体**|**粗体**|**粗体**");
    expect("{{#failing}}{{{name}}};{{/failing}}", "金殿小学;A*B_学校|;");
}

/* ---- sections ---- */

static void test_list_section(void **state)
{
    (void)state;
    expect("{{#failing}}{{name}}（{{#missing}}{{.}}、{{/missing}}）{{/failing}}",
           "金殿小学（生均校地、生均图书、）A\\*B\\_学校\\|（生均图书、）");
    expect("{{#tags}}[{{.}}]{{/tags}}", "[甲][乙]");
}

static void test_sections_by_kind(void **state)
{
    (void)state;
    expect("{{#primary}}{{name}}{{composite_cv}}{{/primary}}", "小学0.380");
    expect("{{#yes}}是{{/yes}}{{#no}}否{{/no}}", "是");
    expect("{{^yes}}是{{/yes}}{{^no}}否{{/no}}", "否");
    expect("{{#note}}注：{{.}}{{/note}}{{#empty}}空{{/empty}}", "注：注意");
    expect("{{^empty}}无{{/empty}}{{^note}}有{{/note}}", "无");
    expect("{{#none}}x{{/none}}{{^none}}没有学校{{/none}}", "没有学校");
    expect("{{^failing}}没有{{/failing}}", "");
    expect("{{^primary}}x{{/primary}}", "");
    expect("{{#primary.balance.books}}{{cv}}{{/primary.balance.books}}", "0.412");
    expect("{{# yes }}a{{/ yes }}{{#primary.balance.books.pass}}b{{/primary.balance.books.pass}}", "a");
    /* inverted inside a list: per item */
    expect("{{#failing}}{{name}}{{^missing}}无{{/missing}};{{/failing}}",
           "金殿小学;A\\*B\\_学校\\|;");
}

static void test_list_of_lists(void **state)
{
    (void)state;
    tv_value *m = tv_map();
    tv_value *rows = tv_map_set(m, "rows", tv_list());
    for (int r = 0; r < 2; r++) {
        tv_value *row = tv_list_push(rows, tv_list());
        tv_list_push(row, tv_string(r ? "c" : "a"));
        tv_list_push(row, tv_string(r ? "d" : "b"));
    }
    diag_list dl;
    diag_init(&dl);
    const char *t = "{{#rows}}|{{#.}} {{.}} |{{/.}}\n{{/rows}}";
    char *got = template_expand(t, strlen(t), "t.md", m, NULL, &dl);
    assert_non_null(got);
    assert_string_equal(got, "| a | b |\n| c | d |\n");
    free(got);
    diag_free(&dl);
    tv_free(m);
}

static void test_context_stack(void **state)
{
    (void)state;
    /* inner first: item's name shadows primary's; outer names still visible */
    expect("{{#primary}}{{#failing}}{{name}}{{county}};{{/failing}}{{name}}{{/primary}}",
           "金殿小学通道侗族自治县;A\\*B\\_学校\\|通道侗族自治县;小学");
    /* a dotted name finds its first segment outward, the rest inside it */
    expect("{{#failing}}{{primary.name}}{{/failing}}", "小学小学");
    expect("{{#tags}}{{.}}{{/tags}}", "甲乙");
}

static void test_comments(void **state)
{
    (void)state;
    expect("a{{! 注释 }}b", "ab");
    expect("a{{! 跨\n行 }}b", "ab");
    expect("a\n{{! 独占一行 }}\nb\n", "a\nb\n");
}

/* ---- the standalone rule ---- */

static void test_standalone_lines(void **state)
{
    (void)state;
    expect("名单：\n{{#failing}}\n- {{name}}\n{{/failing}}\n完。\n",
           "名单：\n- 金殿小学\n- A\\*B\\_学校\\|\n完。\n");
    /* indentation and trailing blanks around a standalone tag go too */
    expect("a\n  {{#yes}}  \nb\n\t{{/yes}}\nc", "a\nb\nc");
    /* CRLF lines */
    expect("a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\nc\r\n", "a\r\nb\r\nc\r\n");
    /* at the very start and the very end (no final newline) */
    expect("{{#yes}}\nb\n{{/yes}}", "b\n");
    /* not standalone: other text on the line keeps everything */
    expect("a {{#yes}}\nb\n{{/yes}} c", "a \nb\n c");
    expect("{{#yes}}{{/yes}}\nx", "\nx");
    /* a value tag is never standalone */
    expect("a\n{{year}}\nb", "a\n2019\nb");
    /* inverted sections and empty lists leave no blank line either */
    expect("前\n{{#none}}\n- x\n{{/none}}\n{{^none}}\n无。\n{{/none}}\n后\n", "前\n无。\n后\n");
}

/* ---- blocks ---- */

static void test_blocks_pass_through(void **state)
{
    (void)state;
    expect("表1\n\n{{> compliance_table}}\n\n表2\n", "表1\n\n{{> compliance_table}}\n\n表2\n");
    expect("  {{>balance_table}}  \r\nx", "  {{>balance_table}}  \r\nx");
    expect("{{#yes}}\n{{> balance_chart}}\n{{/yes}}\n", "{{> balance_chart}}\n");
    expect("{{#no}}\n{{> balance_chart}}\n{{/no}}\n", "");
}

static void test_block_name(void **state)
{
    (void)state;
    size_t n = 0;
    const char *l = "  {{> balance_table }} \r\n";
    const char *name = template_block_name(l, strlen(l), &n);
    assert_non_null(name);
    assert_int_equal(n, 13);
    assert_memory_equal(name, "balance_table", 13);
    assert_non_null(template_block_name("{{>x}}", 6, &n));
    assert_int_equal(n, 1);
    assert_null(template_block_name("{{>}}", 5, &n));
    assert_null(template_block_name("表 {{> a}}", strlen("表 {{> a}}"), &n));
    assert_null(template_block_name("{{> a}} {{> b}}", 15, &n));
    assert_null(template_block_name("{{a}}", 5, &n));
    /* a value that spells a block is escaped, so it never becomes one */
    tv_value *m = tv_map();
    tv_map_str(m, "v", "{{> balance_table}}");
    diag_list dl;
    diag_init(&dl);
    char *got = template_expand("{{v}}\n", 6, "t.md", m, NULL, &dl);
    assert_string_equal(got, "\\{\\{\\> balance\\_table\\}\\}\n");
    assert_null(template_block_name(got, strlen(got), &n));
    free(got);
    diag_free(&dl);
    tv_free(m);
}

static void test_runaway_repetition(void **state)
{
    (void)state;
    tv_value *m = tv_map();
    tv_value *l = tv_map_set(m, "l", tv_list());
    for (int i = 0; i < 10; i++) tv_list_push(l, tv_bool(1));
    strbuf b = STRBUF_INIT;
    for (int i = 0; i < 8; i++) sb_puts(&b, "{{#l}}");
    sb_puts(&b, "x");
    for (int i = 0; i < 8; i++) sb_puts(&b, "{{/l}}");
    diag_list dl;
    diag_init(&dl);
    assert_null(template_expand(sb_str(&b), b.len, "t.md", m, NULL, &dl));
    assert_int_equal(dl.n, 1);
    assert_non_null(strstr(dl.items[0].msg, "repeats more than"));
    diag_free(&dl);
    sb_free(&b);
    tv_free(m);
}

static void test_block_errors(void **state)
{
    (void)state;
    expect_err("a\n表 {{> balance_table}}\n", 2, 3, "must stand alone", "line of its own");
    expect_err("{{> balance_table}} 后\n", 1, 1, "must stand alone", NULL);
    expect_err("x\n{{> balance_tabel}}\n", 2, 5, "unknown block", "did you mean `balance_table`?");
    expect_err("{{> zzz}}\n", 1, 5, "unknown block", "blocks here: `compliance_table`");
    diag_list dl;
    diag_init(&dl);
    assert_null(template_expand("{{> a}}", 7, "t.md", ctx, NULL, &dl));
    assert_non_null(strstr(dl.items[0].hint, "no blocks"));
    diag_free(&dl);
}

/* ---- errors ---- */

static void test_unknown_names(void **state)
{
    (void)state;
    expect_err("{{conty}}", 1, 3, "unknown name `conty`", "did you mean `county`?");
    expect_err("x\n\n  {{ primay.composite_cv }}", 3, 6, "unknown name `primay`",
               "did you mean `primary`?");
    expect_err("{{primary.balnce.books.cv}}", 1, 11, "no `balnce` in `primary`",
               "did you mean `balance`?");
    expect_err("{{primary.composite_cv.x}}", 1, 24, "is a text value, it has no `x`", NULL);
    expect_err("{{zzzzzzzz}}", 1, 3, "unknown name", "names here: `county`, `year`");
    /* in a section name, and in sections whether shown or not */
    expect_err("{{#failng}}{{/failng}}", 1, 4, "unknown name `failng`", "`failing`");
    expect_err("{{#no}}{{yeer}}{{/no}}", 1, 10, "unknown name `yeer`", "`year`");
    expect_err("{{^yes}}{{yeer}}{{/yes}}", 1, 11, "unknown name `yeer`", "`year`");
    expect_err("{{^failing}}{{yeer}}{{/failing}}", 1, 15, "unknown name", NULL);
    expect_err("{{#empty}}{{yeer}}{{/empty}}", 1, 13, "unknown name", NULL);
    /* item names are only known inside the list */
    expect_err("{{#failing}}{{name}}{{/failing}}{{missing}}", 1, 35, "unknown name `missing`", NULL);
}

static void test_name_error_once_per_tag(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    assert_null(run("{{#failing}}{{nmae}}{{/failing}}\n{{x}}", &dl));
    assert_int_equal(dl.n, 2);       /* one per tag, not one per school */
    assert_int_equal(dl.items[0].line, 1);
    assert_int_equal(dl.items[1].line, 2);
    assert_string_equal(dl.items[0].hint, "did you mean `name`?");
    diag_free(&dl);
}

static void test_wrong_kind(void **state)
{
    (void)state;
    expect_err("{{failing}}", 1, 3, "is a list, not a text value", "{{#failing}}");
    expect_err("{{primary}}", 1, 3, "is a group of values", "{{primary.composite_cv}}");
    expect_err("{{yes}}", 1, 3, "is a yes/no flag", "{{^yes}}");
    expect_err("{{{failing}}}", 1, 4, "is a list", NULL);
    expect_err("{{.}}", 1, 3, "`.` is a group of values", "e.g. {{county}}");
}

static void test_structure_errors(void **state)
{
    (void)state;
    expect_err("a\n{{#failing}}\nx\n", 2, 1, "section `failing` is never closed", "{{/failing}}");
    expect_err("{{#yes}}{{#no}}{{/yes}}{{/no}}", 1, 16, "does not match the open section `no`",
               "opened at 1:9");
    expect_err("x {{/yes}}", 1, 3, "closes no open section", NULL);
    expect_err("ab {{county\n}}", 1, 4, "`{{` is not closed on this line", NULL);
    expect_err("ab {{", 1, 4, "not closed", NULL);
    expect_err("{{{county}}", 1, 1, "`{{{` is not closed with `}}}`", NULL);
    expect_err("{{! never", 1, 1, "comment `{{!` is never closed", NULL);
    expect_err("{{}}", 1, 1, "empty placeholder", NULL);
    expect_err("{{#  }}", 1, 1, "empty placeholder", NULL);
    expect_err("{{a b}}", 1, 3, "`a b` is not a placeholder name", NULL);
    expect_err("{{=<% %>=}}", 1, 3, "not a placeholder name", NULL);
    expect_err("{{a..b}}", 1, 3, "not a placeholder name", NULL);
    expect_err("{{.a}}", 1, 3, "not a placeholder name", NULL);
    expect_err("{{a.}}", 1, 3, "not a placeholder name", NULL);
}

static void test_depth_limit(void **state)
{
    (void)state;
    strbuf b = STRBUF_INIT;
    for (int i = 0; i < TEMPLATE_MAX_DEPTH; i++) sb_puts(&b, "{{#primary}}");
    sb_puts(&b, "{{name}}");
    for (int i = 0; i < TEMPLATE_MAX_DEPTH; i++) sb_puts(&b, "{{/primary}}");
    expect(sb_str(&b), "小学");
    sb_reset(&b);
    for (int i = 0; i <= TEMPLATE_MAX_DEPTH; i++) sb_puts(&b, "{{#yes}}");
    expect_err(sb_str(&b), 1, 1 + 8 * TEMPLATE_MAX_DEPTH, "nested more than 32", NULL);
    sb_free(&b);
}

static void test_columns_count_characters(void **state)
{
    (void)state;
    /* 9 Chinese characters (27 bytes) before the tag: column 10, not 28 */
    expect_err("第一行\n通道侗族自治县二〇{{conty}}", 2, 12, "unknown name", NULL);
    expect_err("一二三{{#yes}}", 1, 4, "never closed", NULL);
    /* a byte-order mark is not a column */
    expect_err("\xEF\xBB\xBF" "甲{{x}}", 1, 4, "unknown name `x`", NULL);
    expect("\xEF\xBB\xBF" "甲{{year}}", "甲2019");
}

static void test_not_utf8(void **state)
{
    (void)state;
    /* "通道" in GBK: CD A8 happens to be valid UTF-8 (U+0368), B5 is not */
    expect_err("第一行\n县名：\xCD\xA8\xB5\xC0", 2, 5, "not UTF-8", "save the template as UTF-8");
    diag_list dl;
    diag_init(&dl);
    assert_null(template_expand("ab\0c", 4, "t.md", ctx, &opts, &dl));
    assert_non_null(strstr(dl.items[0].msg, "NUL"));
    assert_int_equal(dl.items[0].col, 3);
    diag_free(&dl);
}

static void test_all_errors_reported(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    assert_null(run("{{a}}\n{{> nope}}\n{{b}}\n", &dl));
    assert_int_equal(dl.errors, 3);
    assert_null(template_expand("{{x}}", 5, NULL, ctx, NULL, &dl));
    assert_string_equal(dl.items[3].file, "<template>");
    diag_free(&dl);
    diag_init(&dl);
    assert_null(template_expand("{{x}}", 5, "t.md", NULL, NULL, &dl));
    assert_int_equal(dl.errors, 1);
    assert_null(template_expand("{{.}}", 5, "t.md", NULL, NULL, &dl));
    assert_non_null(strstr(dl.items[1].msg, "outside of any section"));
    diag_free(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_text_unchanged),
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_escaping),
        cmocka_unit_test(test_escaping_keeps_markdown_shape),
        cmocka_unit_test(test_raw_values),
        cmocka_unit_test(test_list_section),
        cmocka_unit_test(test_sections_by_kind),
        cmocka_unit_test(test_list_of_lists),
        cmocka_unit_test(test_context_stack),
        cmocka_unit_test(test_comments),
        cmocka_unit_test(test_standalone_lines),
        cmocka_unit_test(test_blocks_pass_through),
        cmocka_unit_test(test_block_name),
        cmocka_unit_test(test_runaway_repetition),
        cmocka_unit_test(test_block_errors),
        cmocka_unit_test(test_unknown_names),
        cmocka_unit_test(test_name_error_once_per_tag),
        cmocka_unit_test(test_wrong_kind),
        cmocka_unit_test(test_structure_errors),
        cmocka_unit_test(test_depth_limit),
        cmocka_unit_test(test_columns_count_characters),
        cmocka_unit_test(test_not_utf8),
        cmocka_unit_test(test_all_errors_reported),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
