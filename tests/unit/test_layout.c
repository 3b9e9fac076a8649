/* Unit tests for layout + pdf: charts, bookmarks, shaded cells, one fontset
 * shared by many documents (subset once, write each), per-PDF write cost. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/utf8.h"
#include "document/doc.h"
#include "layout/layout.h"
#include "layout/style.h"
#include "pdf/pdf.h"

static doc *sheet(const char *school, double v1, double v2)
{
    doc *d = doc_new("sheet");
    doc_set(&d->title, school);
    doc_add_bookmark(d, 0, school);
    doc_add_title(d, school);
    doc_block *t = doc_add_table(d, 3, "表1 办学条件");
    doc_table *tb = &t->table;
    tb->header_rows = 1;
    doc_table_set(tb, 0, 0, "指标"); doc_table_set(tb, 0, 1, "数值"); doc_table_set(tb, 0, 2, "标准");
    doc_table_set(tb, 1, 0, "生均校舍"); doc_table_set(tb, 1, 1, "5.20"); doc_table_set(tb, 1, 2, "4.5");
    doc_table_set(tb, 2, 0, "生均藏书"); doc_table_set(tb, 2, 1, "12"); doc_table_set(tb, 2, 2, "15");
    doc_table_cell(tb, 2, 1)->shaded = 1;
    const char *cats[] = {"生均教学及辅助用房面积", "师生比", "生均图书数"};
    doc_block *c = doc_add_chart(d, "图1 差异系数", 3, cats);
    double a[] = {v1, 0.23, 0.37}, b[] = {v2, 0.14, 0.30};
    doc_chart_group *g = doc_chart_add_group(&c->chart, "小学", a);
    doc_chart_ref(g, 0.65, "≤0.65");
    g = doc_chart_add_group(&c->chart, "初中", b);
    doc_chart_ref(g, 0.55, NULL);
    c->chart.decimals = 3;
    doc_add_signature(d, "某某县教育局", "2019年11月20日");
    return d;
}

static int count_ops(const layout *lo, lay_op_type t)
{
    int n = 0;
    for (int p = 0; p < lo->npages; p++)
        for (int i = 0; i < lo->pages[p].n; i++) n += lo->pages[p].ops[i].type == t;
    return n;
}

static void test_shared_fontset_many_documents(void **state)
{
    (void)state;
    layout_style st;
    style_default(&st);
    diag_list dl;
    diag_init(&dl);
    fontset *fs = style_fontset(&st, &dl);
    assert_non_null(fs);
    enum { N = 20 };
    layout *lo[N];
    char name[64];
    for (int i = 0; i < N; i++) {
        snprintf(name, sizeof name, "第%d小学", i + 1);
        doc *d = sheet(name, 0.5 + i * 0.01, 0.3);
        lo[i] = layout_doc(d, &st, fs, &dl);
        doc_free(d);
        assert_non_null(lo[i]);
    }
    assert_int_equal(count_ops(lo[0], OP_BOOKMARK), 1);
    assert_true(count_ops(lo[0], OP_RECT) >= 6 + 6 + 2);  /* cells, bars, legend */
    assert_true(count_ops(lo[0], OP_LINE) >= 3);          /* axes, reference lines */
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    size_t first_len = 0;
    for (int i = 0; i < N; i++) {
        unsigned char *buf;
        size_t len;
        int rc = pdf_render(lo[i], fs, &buf, &len, &dl);
        if (rc) diag_print(&dl, stdout);
        assert_int_equal(rc, 0);
        assert_memory_equal(buf, "%PDF-", 5);
        assert_non_null(memmem(buf, len, "/Outlines", 9));
        if (i == 0) first_len = len;
        const char *dump = getenv("JH_LAYOUT_DUMP");   /* to look at a sheet */
        if (i == 0 && dump) { FILE *f = fopen(dump, "wb"); if (f) { fwrite(buf, 1, len, f); fclose(f); } }
        free(buf);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = ((double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6) / N;
    printf("# per-PDF write: %.2f ms, %zu bytes (sanitizer build)\n", ms, first_len);
    for (int i = 0; i < N; i++) layout_free(lo[i]);
    fontset_free(fs);
    style_free(&st);
    assert_int_equal(dl.errors, 0);
    diag_free(&dl);
}

static void test_refuses_missing_and_bad_fonts(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    fontset *fs = fontset_new();
    assert_int_equal(fontset_open(fs, "/nonexistent/simfang.ttf", 0, "r.ini:3", &dl), -1);
    assert_int_equal(fontset_open(fs, "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 9, NULL, &dl), -1);
    /* not a font at all */
    assert_int_equal(fontset_open(fs, "/etc/hostname", 0, NULL, &dl), -1);
    assert_int_equal(dl.errors, 3);
    assert_string_equal(dl.items[0].file, "r.ini:3");
    fontset_free(fs);
    diag_free(&dl);
}

static void test_fallback_order(void **state)
{
    (void)state;
    layout_style st;
    style_default(&st);
    diag_list dl;
    diag_init(&dl);
    fontset *fs = style_fontset(&st, &dl);
    int body = fontset_face_for(fs, ROLE_BODY, 0x4E2D);
    assert_true(body >= 0);
    assert_int_equal(fontset_face_for(fs, ROLE_BODY, 0x1F600), -1);   /* 😀: nobody */
    int rare = fontset_face_for(fs, ROLE_BODY, 0x9FCF);                /* 鿏 */
    assert_true(rare >= 0);
    assert_true(fontset_advance(fs, body, 0x4E2D) > 0.9);
    fontset_free(fs);
    style_free(&st);
    diag_free(&dl);
}

/* The box a TEXT op's glyphs take: advances + character spacing, the em
 * from 0.12 below the baseline to 0.88 above. */
static void text_box(const fontset *fs, const lay_op *o, double b[4])
{
    double w = 0;
    size_t n = strlen(o->text);
    int k = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += (size_t)utf8_decode(o->text + i, n - i, &cp);
        w += fontset_advance(fs, o->face, cp) * o->size + (k++ ? o->cs : 0);
    }
    b[0] = o->x; b[1] = o->y - 0.12 * o->size; b[2] = o->x + w; b[3] = o->y + 0.88 * o->size;
}

/* Charts whose labels would collide where placed naively: two reference
 * lines 0.01 apart (小学标准 0.65 / 初中标准 0.64), bars at the reference, a
 * "县平均 = 100" line through bars near 100, narrow bars with long values.
 * No two text boxes of the page may intersect, and value labels are >= 7 pt. */
static void test_chart_labels_never_collide(void **state)
{
    (void)state;
    layout_style st;
    style_default(&st);
    diag_list dl;
    diag_init(&dl);
    fontset *fs = style_fontset(&st, &dl);
    assert_non_null(fs);
    st.chart_size = 8;                  /* as on a school sheet */
    doc *d = doc_new("charts");
    const char *cats[] = {"生均教学及辅助用房面积", "生均体育运动场馆面积", "生均教学仪器设备值",
                          "生均图书数", "百名学生计算机台数", "师生比", "生均高于规定学历数", "生均中级及以上职称数"};
    doc_block *c = doc_add_chart(d, "图1 差异系数", 8, cats);
    double a[] = {0.652, 0.648, 0.31, 0.645, 0.279, 0.138, 0.123, 0.655};
    double bb[] = {0.637, 0.633, 0.866, 0.641, 1.055, 0.276, 0.395, 0.642};
    doc_chart_ref(doc_chart_add_group(&c->chart, "小学", a), 0.65, "小学标准 0.65");
    doc_chart_ref(doc_chart_add_group(&c->chart, "初中", bb), 0.64, "初中标准 0.64");
    c->chart.decimals = 3;
    const char *cats2[] = {"生均校舍", "生均图书", "生均设备", "师生比"};
    doc_block *c2 = doc_add_chart(d, "本校为县平均的百分比", 4, cats2);
    double v[] = {99.6, 101.2, 100.4, 98.8};
    doc_chart_ref(doc_chart_add_group(&c2->chart, "本校", v), 100, "县平均 = 100");
    c2->chart.decimals = 1;
    /* a school sheet: the last bars tall, "县平均 = 100" crowded out of its
     * line's neighbourhood must stay inside the plot, off the category names */
    doc_block *c3 = doc_add_chart(d, "本校各项均衡指标为县平均值的百分比", 8, cats);
    c3->chart.height_mm = 32;
    double v3[] = {281, 239, 105, 79, 65, 177, 171, 174};
    doc_chart_ref(doc_chart_add_group(&c3->chart, "本校", v3), 100, "县平均 = 100");
    layout *lo = layout_doc(d, &st, fs, &dl);
    assert_non_null(lo);
    int texts = 0;
    for (int p = 0; p < lo->npages; p++) {
        const lay_page *pg = &lo->pages[p];
        for (int i = 0; i < pg->n; i++) {
            if (pg->ops[i].type != OP_TEXT) continue;
            texts++;
            assert_true(pg->ops[i].size >= 7.0 - 1e-9);
            double u[4];
            text_box(fs, &pg->ops[i], u);
            for (int j = i + 1; j < pg->n; j++) {
                if (pg->ops[j].type != OP_TEXT) continue;
                double w[4];
                text_box(fs, &pg->ops[j], w);
                int hit = u[0] < w[2] - 0.05 && w[0] < u[2] - 0.05 && u[1] < w[3] - 0.05 && w[1] < u[3] - 0.05;
                if (hit) printf("# overlap: \"%s\" and \"%s\"\n", pg->ops[i].text, pg->ops[j].text);
                assert_false(hit);
            }
        }
    }
    assert_true(texts > 30);
    layout_free(lo);
    doc_free(d);
    fontset_free(fs);
    style_free(&st);
    assert_int_equal(dl.errors, 0);
    diag_free(&dl);
}

/* GB/T 9704 titles of two and three lines: a 梯形 (no line longer than the
 * one above) or a 菱形 (longest in the middle), never growing to the last. */
static void test_title_shape(void **state)
{
    (void)state;
    layout_style st;
    style_default(&st);
    diag_list dl;
    diag_init(&dl);
    fontset *fs = style_fontset(&st, &dl);
    const char *titles[] = {
        "通道侗族自治县2019年度推进县域义务教育均衡发展工作情况报告",
        "青禾县2020年度推进县域义务教育均衡发展工作情况报告",
        "关于进一步加强和改进新时代县域义务教育学校办学条件标准化建设与教师队伍均衡配置工作的实施意见的情况报告",
        "某县关于2021年度义务教育优质均衡发展督导评估工作的自查报告",
    };
    for (size_t t = 0; t < sizeof titles / sizeof titles[0]; t++) {
        doc *d = doc_new("title");
        doc_add_title(d, titles[t]);
        layout *lo = layout_doc(d, &st, fs, &dl);
        assert_non_null(lo);
        /* line widths: the extent of the title's glyphs on each baseline */
        double y[8], x0[8], x1[8];
        int nl = 0;
        const lay_page *pg = &lo->pages[0];
        for (int i = 0; i < pg->n; i++) {
            const lay_op *o = &pg->ops[i];
            if (o->type != OP_TEXT || o->size < st.title_size - 0.01) continue;
            double b[4];
            text_box(fs, o, b);
            int k = 0;
            while (k < nl && fabs(y[k] - o->y) > 0.01) k++;
            if (k == nl) { assert_true(nl < 8); y[nl] = o->y; x0[nl] = b[0]; x1[nl] = b[2]; nl++; }
            else { x0[k] = fmin(x0[k], b[0]); x1[k] = fmax(x1[k], b[2]); }
        }
        assert_true(nl >= 2);
        int peak = 0;
        while (peak + 1 < nl && x1[peak + 1] - x0[peak + 1] > x1[peak] - x0[peak] + 0.5) peak++;
        if (peak > 0) assert_true(peak < nl - 1);            /* not an inverted trapezoid */
        for (int k = peak; k + 1 < nl; k++)
            assert_true(x1[k + 1] - x0[k + 1] <= x1[k] - x0[k] + 0.5);
        layout_free(lo);
        doc_free(d);
    }
    fontset_free(fs);
    style_free(&st);
    assert_int_equal(dl.errors, 0);
    diag_free(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shared_fontset_many_documents),
        cmocka_unit_test(test_refuses_missing_and_bad_fonts),
        cmocka_unit_test(test_fallback_order),
        cmocka_unit_test(test_chart_labels_never_collide),
        cmocka_unit_test(test_title_shape),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
