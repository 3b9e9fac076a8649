/* Unit tests for input/schools: encodings, header mapping, every bad input,
 * the mixed-school split and 教学点 merging. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <iconv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "input/schools.h"

static const jh_load_opts OPT = {JH_ENC_AUTO, 0, 1, NULL};

#define HDR "code,name,level,type,students,teachers,qualified_teachers,above_degree_teachers," \
            "senior_title_teachers,site_area,building_area,teaching_area,sports_area,equipment_value," \
            "books,computers,labs,function_rooms,library"
#define ZH_HDR "学校代码,学校名称,学段,学校类型,在校生数,专任教师数,学历合格教师数,高于规定学历教师数," \
               "中级及以上职称教师数,占地面积,校舍建筑面积,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值," \
               "图书册数,计算机台数,实验室数,功能室数,图书室"
/* the 18 numeric and text columns after code,name,level,type */
#define ROW_TAIL "100,6,6,5,3,2000,600,400,500,50000,3000,10,1,6,1"

static jh_schools *parse(const char *text, const jh_load_opts *o, diag_list *dl)
{
    return schools_parse("t.csv", text, strlen(text), o, dl);
}

/* 1 if some diagnostic (of any level) has msg containing want, on line (0 = any). */
static int has_diag(const diag_list *dl, int line, const char *want)
{
    for (int i = 0; i < dl->n; i++)
        if (strstr(dl->items[i].msg, want) && (line == 0 || dl->items[i].line == line)) return 1;
    return 0;
}

static void dump(const diag_list *dl)
{
    diag_print(dl, stderr);
}

/* Expect failure with a message containing want on line. */
static void bad(const char *text, int line, const char *want)
{
    diag_list dl;
    diag_init(&dl);
    jh_schools *s = parse(text, &OPT, &dl);
    if (s || !has_diag(&dl, line, want)) dump(&dl);
    assert_null(s);
    assert_true(has_diag(&dl, line, want));
    diag_free(&dl);
}

static void test_english_and_chinese_headers_any_order(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    jh_schools *s = parse(HDR "\nA,甲,小学,," ROW_TAIL "\n", &OPT, &dl);
    assert_non_null(s);
    assert_int_equal(s->n, 1);
    assert_string_equal(s->items[0].name, "甲");
    assert_int_equal(s->items[0].type, JH_TYPE_PRIMARY);  /* taken from the 学段 */
    assert_true(s->items[0].v[F_BOOKS] == 3000);
    schools_free(s);
    /* reversed column order, Chinese names, an extra column: one warning */
    const char *t = "备注,图书室,功能室数,实验室数,计算机台数,图书册数,教学仪器设备值,体育运动场馆面积,教学及辅助用房面积,"
                    "校舍建筑面积,占地面积,中级及以上职称教师数,高于规定学历教师数,学历合格教师数,专任教师数,在校生数,"
                    "学校类型,学段,学校名称,学校代码\n"
                    "x,有,6,1,10,3000,50000,500,400,600,2000,3,5,6,6,100,,初中,乙,B\n";
    s = parse(t, &OPT, &dl);
    assert_non_null(s);
    assert_int_equal(s->items[0].level, JH_MIDDLE);
    assert_true(s->items[0].v[F_LIBRARY] == 1);
    assert_true(s->items[0].v[F_STUDENTS] == 100);
    assert_int_equal(dl.warnings, 1);
    assert_true(has_diag(&dl, 1, "'备注'"));
    schools_free(s);
    diag_free(&dl);
}

static void test_bom_crlf(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    jh_schools *s = parse("\xEF\xBB\xBF" ZH_HDR "\r\nA,甲,小学,小学," ROW_TAIL "\r\nB,乙,小学,小学," ROW_TAIL "\r\n", &OPT, &dl);
    if (!s) dump(&dl);
    assert_non_null(s);
    assert_int_equal(s->n, 2);
    assert_string_equal(s->encoding, "UTF-8 (BOM)");
    assert_int_equal(s->items[1].line, 3);
    assert_true(s->items[1].v[F_LIBRARY] == 1);  /* no stray \r in the last field */
    schools_free(s);
    diag_free(&dl);
}

static char *to_gb18030(const char *utf8, size_t *len)
{
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    assert_true(cd != (iconv_t)-1);
    size_t in = strlen(utf8), room = in * 2 + 4;
    char *out = xmalloc(room), *op = out, *ip = (char *)utf8;
    assert_true(iconv(cd, &ip, &in, &op, &room) != (size_t)-1);
    iconv_close(cd);
    *len = (size_t)(op - out);
    return out;
}

static void test_gb18030_crlf(void **state)
{
    (void)state;
    size_t len;
    char *gb = to_gb18030(ZH_HDR "\r\nA,溪口小学,小学,小学," ROW_TAIL "\r\nB,䶮坪小学,小学,小学," ROW_TAIL "\r\n", &len);
    diag_list dl;
    diag_init(&dl);
    jh_schools *s = schools_parse("gb.csv", gb, len, &OPT, &dl);
    if (!s) dump(&dl);
    assert_non_null(s);
    assert_string_equal(s->encoding, "GB18030");
    assert_string_equal(s->items[0].name, "溪口小学");
    assert_string_equal(s->items[1].name, "䶮坪小学");
    schools_free(s);
    /* encoding = utf-8 refuses it, naming the line */
    jh_load_opts o = OPT;
    o.encoding = JH_ENC_UTF8;
    s = schools_parse("gb.csv", gb, len, &o, &dl);
    assert_null(s);
    assert_true(has_diag(&dl, 1, "not valid UTF-8"));
    diag_free(&dl);
    free(gb);
}

static void test_cp936_euro_fallback(void **state)
{
    (void)state;
    /* 0x80 is Excel's euro sign in CP936; GB18030 refuses it. */
    size_t len;
    char *t = to_gb18030(ZH_HDR "\nA,X小学,小学,," ROW_TAIL "\n", &len);
    *strchr(t, 'X') = '\x80';
    t = xrealloc(t, len + 1);
    t[len] = 0;
    diag_list dl;
    diag_init(&dl);
    jh_schools *s = parse(t, &OPT, &dl);
    if (!s) dump(&dl);
    assert_non_null(s);
    assert_string_equal(s->encoding, "GBK");
    assert_string_equal(s->items[0].name, "€小学");
    schools_free(s);
    diag_free(&dl);
    free(t);
}

static void test_utf16_refused(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    const char le[] = "\xFF\xFE" "c\0o\0d\0e\0";
    assert_null(schools_parse("u.csv", le, sizeof le - 1, &OPT, &dl));
    assert_true(has_diag(&dl, 1, "UTF-16"));
    assert_non_null(dl.items[0].hint);
    assert_non_null(strstr(dl.items[0].hint, "UTF-8"));
    const char be[] = "\xFE\xFF" "\0c\0o";
    assert_null(schools_parse("u.csv", be, sizeof be - 1, &OPT, &dl));
    assert_int_equal(dl.errors, 2);
    diag_free(&dl);
}

static void test_empty_and_header_only(void **state)
{
    (void)state;
    bad("", 0, "the file is empty");
    bad("\xEF\xBB\xBF\r\n\r\n", 0, "the file is empty");
    bad(HDR "\n", 0, "no school rows");
    bad("1,2,3\n4,5,6\n", 1, "not a header");
}

static void test_missing_columns_all_reported(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    assert_null(parse("code,name,level,students\nA,甲,小学,10\n", &OPT, &dl));
    assert_true(has_diag(&dl, 1, "column 'teachers' (专任教师数): missing from the header"));
    assert_true(has_diag(&dl, 1, "column 'books' (图书册数): missing from the header"));
    assert_true(has_diag(&dl, 1, "column 'library' (图书室): missing"));
    assert_false(has_diag(&dl, 1, "column 'type'"));           /* optional */
    assert_false(has_diag(&dl, 1, "column 'backbone_teachers'")); /* basic scheme */
    assert_int_equal(dl.errors, 14);
    diag_free(&dl);
    /* the quality scheme needs its three columns */
    diag_init(&dl);
    jh_load_opts q = OPT;
    q.need_quality = 1;
    assert_null(parse(HDR "\nA,甲,小学,," ROW_TAIL "\n", &q, &dl));
    assert_true(has_diag(&dl, 1, "column 'backbone_teachers' (县级以上骨干教师数): missing"));
    assert_true(has_diag(&dl, 1, "column 'multimedia_rooms'"));
    assert_int_equal(dl.errors, 3);
    diag_free(&dl);
    bad(HDR ",books\nA,甲,小学,," ROW_TAIL ",1\n", 1, "column 'books' (图书册数): appears twice");
}

static void test_bad_values(void **state)
{
    (void)state;
    bad(HDR "\nA,甲,小学,,abc,6,6,5,3,2000,600,400,500,50000,3000,10,1,6,1\n", 2,
        "column 'students' (在校生数): 'abc' is not a number");
    bad(HDR "\nA,甲,小学,,100,6,6,5,3,2000,600,400,500,50000,\"1,240\",10,1,6,1\n", 2,
        "column 'books' (图书册数): '1,240' is not a number");
    bad(HDR "\nA,甲,小学,,100,6,6,5,3,-5,600,400,500,50000,3000,10,1,6,1\n", 2,
        "column 'site_area' (占地面积): -5 is negative");
    bad(HDR "\nA,甲,小学,,0,6,6,5,3,2000,600,400,500,50000,3000,10,1,6,1\n", 2,
        "column 'students' (在校生数): is 0");
    bad(HDR "\nA,甲,小学,,100,6,7,5,3,2000,600,400,500,50000,3000,10,1,6,1\n", 2,
        "column 'qualified_teachers' (学历合格教师数): 7 is more than 专任教师数 (6)");
    bad(HDR "\nA,甲,小学,,100,6,6,9,3,2000,600,400,500,50000,3000,10,1,6,1\n", 2,
        "column 'above_degree_teachers' (高于规定学历教师数): 9 is more than");
    bad(HDR "\nA,甲,小学,,100,6,6,5,3,2000,600,400,500,50000,3000,10,1,6,maybe\n", 2,
        "column 'library' (图书室): 'maybe' is not 1/0");
    bad(HDR "\nA,甲,小学,,100.5,6,6,5,3,2000,600,400,500,50000,3000,10,1,6,1\n", 2,
        "column 'students' (在校生数): '100.5' is not a whole number");
    bad(HDR "\nA,甲,小学,,100,6,6,5,3,2000,600,,500,50000,3000,10,1,6,1\n", 2,
        "column 'teaching_area' (教学及辅助用房面积): is empty");
    bad(HDR "\nA,甲,高中,," ROW_TAIL "\n", 2, "column 'level' (学段): '高中' is not a 学段");
    bad(HDR "\nA,甲,小学,职校," ROW_TAIL "\n", 2, "column 'type' (学校类型): '职校' is not a known school type");
    bad(HDR "\nA,甲,小学,完全中学," ROW_TAIL "\n", 2, "column 'type' (学校类型): a 完全中学 has no 小学 part");
    bad(HDR "\n,甲,小学,," ROW_TAIL "\n", 2, "column 'code' (学校代码): is empty");
    bad(HDR "\nA,甲,小学,,100,6\n", 2, "the row has 6 field(s), the header has 19");
}

static void test_all_errors_in_one_run(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    const char *t = HDR "\n"
                    "A,甲,小学,,x," "6,6,5,3,2000,600,400,500,50000,3000,10,1,6,1\n"
                    "B,乙,小学,,100,6,6,5,3,2000,600,400,500,50000,-1,10,1,6,1\n"
                    "C,丙,小学,,100,6,6,5,3,2000,600,400,500,50000,3000,10,1,6,1\n"
                    "D,丁,初中,,100,6,6,5,3,2000,600,400,500,50000,3000,10,1,6,2x\n";
    assert_null(parse(t, &OPT, &dl));
    assert_int_equal(dl.errors, 3);
    assert_true(has_diag(&dl, 2, "'students'"));
    assert_true(has_diag(&dl, 3, "'books'"));
    assert_true(has_diag(&dl, 5, "'library'"));
    diag_free(&dl);
    /* the list is capped: 300 bad rows store 100 and count the rest */
    size_t cap = 400 * 80;
    char *big = xmalloc(cap), *p = big;
    p += sprintf(p, "%s\n", HDR);
    for (int i = 0; i < 300; i++) p += sprintf(p, "S%d,x,小学,,bad,6,6,5,3,2000,600,400,500,50000,3000,10,1,6,1\n", i);
    diag_init(&dl);
    assert_null(parse(big, &OPT, &dl));
    assert_int_equal(dl.errors, 300);
    assert_int_equal(dl.n, 100);
    assert_int_equal(dl.dropped, 200);
    diag_free(&dl);
    free(big);
}

static void test_malformed_csv_lines(void **state)
{
    (void)state;
    /* a stray quote inside a field: line and column */
    diag_list dl;
    diag_init(&dl);
    assert_null(parse(HDR "\nA,甲,小学,," ROW_TAIL "\nB,\"乙\"x,小学,," ROW_TAIL "\n", &OPT, &dl));
    assert_true(has_diag(&dl, 3, "malformed CSV"));
    assert_int_equal(dl.items[0].col, 6);  /* B,"乙"x: the x is the 6th character */
    diag_free(&dl);
    /* an unclosed quote: reported at the line where the field starts */
    bad(HDR "\nA,甲,小学,," ROW_TAIL "\nB,\"乙,小学,," ROW_TAIL "\nC,丙,小学,," ROW_TAIL "\n", 3, "never closed");
    /* a quoted line break keeps later line numbers right */
    bad(HDR "\nA,\"甲\n分校\",小学,," ROW_TAIL "\nB,乙,小学,,x,6,6,5,3,2000,600,400,500,50000,3000,10,1,6,1\n", 4,
        "'students'");
}

static void test_duplicate_part(void **state)
{
    (void)state;
    bad(HDR "\nA,甲,小学,," ROW_TAIL "\nA,甲二,小学,," ROW_TAIL "\n", 3,
        "column 'code' (学校代码): school 'A' already has a 小学 row on line 2");
    bad(HDR "\nA,甲,小学,小学," ROW_TAIL "\nA,甲,初中,初中," ROW_TAIL "\n", 3, "must be 九年一贯制 on both");
    bad(HDR "\nA,甲,小学,九年一贯制," ROW_TAIL "\nA,甲,初中,," ROW_TAIL "\n", 3, "must be 九年一贯制 on both");
}

/* No 学校类型: two 学段 under one code are a 九年一贯制 school given per part. */
static void test_untyped_pair_is_per_part(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    jh_schools *s = parse(HDR "\nA,甲,小学,,100,6,6,5,3,2000,600,400,500,50000,3000,10,1,6,1\n"
                              "A,甲,初中,,80,6,6,5,3,1900,600,400,500,50000,2000,10,1,6,1\n", &OPT, &dl);
    if (!s) dump(&dl);
    assert_non_null(s);
    assert_int_equal(dl.warnings, 0);
    const jh_school *p = schools_find(s, "A", JH_PRIMARY), *m = schools_find(s, "A", JH_MIDDLE);
    assert_int_equal(p->type, JH_TYPE_NINE_YEAR);
    assert_true(p->share == 1 && m->share == 1);
    assert_true(p->v[F_BOOKS] == 3000 && m->v[F_BOOKS] == 2000);   /* not split */
    schools_free(s);
    /* identical resources on both rows: probably totals, warned */
    s = parse(HDR "\nA,甲,小学,," ROW_TAIL "\nA,甲,初中,," ROW_TAIL "\n", &OPT, &dl);
    assert_non_null(s);
    assert_int_equal(dl.warnings, 1);
    assert_true(has_diag(&dl, 3, "identical resource figures"));
    schools_free(s);
    diag_free(&dl);
}

/* domain.md §1.4: 166 小学生 + 210 初中生, 23226 books. */
static void test_nine_year_split(void **state)
{
    (void)state;
    const char *t = HDR "\n"
                    "J,思源学校,小学,九年一贯制,166,10,10,8,5,20000,6000,4000,5000,500000,23226,60,4,6,1\n"
                    "J,思源学校,初中,九年一贯制,210,18,18,15,10,20000,6000,4000,5000,500000,23226,60,4,6,1\n";
    diag_list dl;
    diag_init(&dl);
    jh_schools *s = parse(t, &OPT, &dl);
    if (!s) dump(&dl);
    assert_non_null(s);
    const jh_school *p = schools_find(s, "J", JH_PRIMARY), *m = schools_find(s, "J", JH_MIDDLE);
    assert_non_null(p);
    assert_non_null(m);
    double pp = p->v[F_BOOKS] / 166, mp = m->v[F_BOOKS] / 210;
    assert_true(fabs(pp - 23226.0 / (166 + 1.1 * 210)) < 1e-9);   /* 58.50 */
    assert_true(fabs(p->v[F_BOOKS] - 23226.0 * 166 / 397) < 1e-9);  /* 9711.6 */
    assert_true(fabs(p->v[F_BOOKS] - 9711.6) < 0.05);
    assert_true(fabs(m->v[F_BOOKS] - 13514.4) < 0.05);
    assert_true(fabs(mp / pp - 1.1) < 1e-12);                      /* exactly 1.1 */
    assert_true(fabs(p->v[F_BOOKS] + m->v[F_BOOKS] - 23226) < 1e-9);
    assert_true(p->whole[F_BOOKS] == 23226);
    assert_true(p->v[F_LABS] == 4 && m->v[F_LABS] == 4);          /* rooms shared */
    assert_true(p->v[F_TEACHERS] == 10 && m->v[F_TEACHERS] == 18); /* teachers own */
    const jh_school *parts[JH_NLEVELS];
    assert_int_equal(schools_parts(s, "J", parts), 2);
    assert_ptr_equal(parts[0], p);
    schools_free(s);
    /* mixed = parts: no split */
    jh_load_opts o = OPT;
    o.split_mixed = 0;
    s = parse(t, &o, &dl);
    assert_non_null(s);
    assert_true(schools_find(s, "J", JH_PRIMARY)->v[F_BOOKS] == 23226);
    schools_free(s);
    diag_free(&dl);
    /* totals must agree */
    bad(HDR "\n"
            "J,思源学校,小学,九年一贯制,166,10,10,8,5,20000,6000,4000,5000,500000,23226,60,4,6,1\n"
            "J,思源学校,初中,九年一贯制,210,18,18,15,10,20000,6000,4000,5000,500000,20000,60,4,6,1\n",
        3, "column 'books' (图书册数): 九年一贯制 school 'J' has 20000 here but 23226 on line 2");
    bad(HDR "\nJ,思源学校,小学,九年一贯制,166,10,10,8,5,20000,6000,4000,5000,500000,23226,60,4,6,1\n",
        2, "has only a 小学 row");
}

static void test_complete_middle_split(void **state)
{
    (void)state;
    const char *t = HDR ",high_students\n"
                    "W,芙蓉中学,初中,完全中学,600,40,40,35,20,30000,12000,6000,8000,1200000,36000,120,6,6,1,400\n"
                    "X,一中,初中,完全中学,600,40,40,35,20,30000,12000,6000,8000,1200000,36000,120,6,6,1,0\n";
    diag_list dl;
    diag_init(&dl);
    jh_schools *s = parse(t, &OPT, &dl);
    if (!s) dump(&dl);
    assert_non_null(s);
    const jh_school *w = schools_find(s, "W", JH_MIDDLE);
    double share = 600.0 / (600 + 1.2 * 400);
    assert_true(fabs(w->share - share) < 1e-15);
    assert_true(fabs(w->v[F_BOOKS] - 36000 * share) < 1e-9);
    /* per 高中 pupil = 1.2 × per 初中 pupil */
    double per_mid = w->v[F_BOOKS] / 600, per_high = (36000 - w->v[F_BOOKS]) / 400;
    assert_true(fabs(per_high / per_mid - 1.2) < 1e-12);
    assert_true(schools_find(s, "X", JH_MIDDLE)->v[F_BOOKS] == 36000);  /* 0 高中 pupils: all 初中 */
    schools_free(s);
    diag_free(&dl);
}

/* Without its 高中 pupils a 完全中学's whole-school resources would all be
 * credited to its 初中: an error, unless [data] mixed = parts. */
static void test_complete_middle_needs_high(void **state)
{
    (void)state;
    const char *blank = HDR ",high_students\nX,一中,初中,完全中学,600,40,40,35,20,30000,12000,6000,8000,1200000,36000,120,6,6,1,\n";
    const char *nocol = HDR "\nX,一中,初中,完全中学,600,40,40,35,20,30000,12000,6000,8000,1200000,36000,120,6,6,1\n";
    bad(blank, 2, "column 'high_students' (高中在校生数): 完全中学 'X' needs its 高中 pupils");
    bad(nocol, 2, "完全中学 'X' needs its 高中 pupils");
    jh_load_opts o = OPT;
    o.split_mixed = 0;
    diag_list dl;
    diag_init(&dl);
    jh_schools *s = parse(nocol, &o, &dl);
    assert_non_null(s);
    assert_true(s->items[0].v[F_BOOKS] == 36000);
    schools_free(s);
    diag_free(&dl);
}

/* 十二年一贯制: 小:初:高 = 1:1.1:1.32 over both rows' whole-school totals. */
static void test_twelve_year_split(void **state)
{
    (void)state;
    const char *t = HDR ",high_students\n"
                    "T,实验学校,小学,十二年一贯制,500,30,30,20,10,40000,15000,8000,9000,2000000,50000,150,8,6,1,200\n"
                    "T,实验学校,初中,十二年一贯制,300,25,25,20,10,40000,15000,8000,9000,2000000,50000,150,8,6,1,200\n";
    diag_list dl;
    diag_init(&dl);
    jh_schools *s = parse(t, &OPT, &dl);
    if (!s) dump(&dl);
    assert_non_null(s);
    double w = 500 + 1.1 * 300 + 1.32 * 200;
    const jh_school *p = schools_find(s, "T", JH_PRIMARY), *m = schools_find(s, "T", JH_MIDDLE);
    assert_true(fabs(p->share - 500 / w) < 1e-15);
    assert_true(fabs(m->share - 1.1 * 300 / w) < 1e-15);
    assert_int_equal(p->type, JH_TYPE_TWELVE_YEAR);
    assert_true(fabs(m->v[F_BOOKS] - 50000 * 1.1 * 300 / w) < 1e-9);
    schools_free(s);
    diag_free(&dl);
    bad(HDR "\nT,实验学校,小学,十二年一贯制,500,30,30,20,10,40000,15000,8000,9000,2000000,50000,150,8,6,1\n"
        "T,实验学校,初中,十二年一贯制,300,25,25,20,10,40000,15000,8000,9000,2000000,50000,150,8,6,1\n",
        2, "十二年一贯制 'T' needs its 高中 pupils");
}

static void test_teaching_points(void **state)
{
    (void)state;
    const char *t = HDR "\n"
                    "C,中心小学,小学,小学,300,20,20,15,8,6000,2000,1200,1500,300000,9000,30,2,6,1\n"
                    "C,金坑教学点,小学,教学点,20,2,2,1,0,500,150,80,100,8000,400,2,0,1,0\n"
                    "C,下寨教学点,小学,教学点,15,1,1,1,0,400,100,60,80,5000,300,1,0,0,1\n";
    diag_list dl;
    diag_init(&dl);
    jh_schools *s = parse(t, &OPT, &dl);
    if (!s) dump(&dl);
    assert_non_null(s);
    assert_int_equal(s->n, 1);   /* not rows of their own */
    const jh_school *c = &s->items[0];
    assert_int_equal(c->points, 2);
    assert_int_equal(c->point_students, 35);
    assert_true(c->v[F_STUDENTS] == 335);
    assert_true(c->v[F_TEACHERS] == 23);
    assert_true(c->v[F_BOOKS] == 9700);
    assert_true(c->v[F_LIBRARY] == 1);
    assert_true(c->v[F_FUNCTION_ROOMS] == 7);
    schools_free(s);
    diag_free(&dl);
    bad(HDR "\nC,中心小学,小学,小学," ROW_TAIL "\nZ,孤点,小学,教学点," ROW_TAIL "\n", 3,
        "教学点 '孤点' has code 'Z', but no 小学 row has that code");
}

static void test_blank_rows_and_extra_fields(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    jh_schools *s = parse(HDR "\n\nA,甲,小学,," ROW_TAIL ",extra\n,,,,\n", &OPT, &dl);
    if (!s) dump(&dl);
    assert_non_null(s);
    assert_int_equal(s->n, 1);
    assert_int_equal(s->items[0].line, 3);
    schools_free(s);
    diag_free(&dl);
}

static void test_load_missing_file(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    assert_null(schools_load("/nonexistent/schools.csv", &OPT, &dl));
    assert_true(has_diag(&dl, 0, "cannot open the school data"));
    diag_free(&dl);
}


/* ---- Excel's and WPS's habits (#11 item 3) -------------------------------- */

/* Parse, expecting success; the caller frees both. */
static jh_schools *good(const char *text, diag_list *dl)
{
    diag_init(dl);
    jh_schools *s = parse(text, &OPT, dl);
    if (!s) dump(dl);
    assert_non_null(s);
    return s;
}

static char *replace_all(const char *s, char from, char to)
{
    char *o = xstrdup(s);
    for (char *p = o; *p; p++) if (*p == from) *p = to;
    return o;
}

static void test_semicolon_and_tab_separators(void **state)
{
    (void)state;
    char *semi = replace_all(HDR "\nA,甲,小学,," ROW_TAIL "\n", ',', ';');
    char *tab = replace_all("县学校统计\n" ZH_HDR "\nA,甲,小学,," ROW_TAIL "\n", ',', '\t');
    diag_list dl;
    jh_schools *s = good(semi, &dl);
    assert_true(s->items[0].v[F_BOOKS] == 3000);
    schools_free(s);
    diag_free(&dl);
    s = good(tab, &dl);
    assert_string_equal(s->items[0].name, "甲");
    assert_int_equal(s->items[0].line, 3);
    schools_free(s);
    diag_free(&dl);
    free(semi);
    free(tab);
}

static void test_title_rows_skipped(void **state)
{
    (void)state;
    diag_list dl;
    jh_schools *s = good("通道县2019年学校基本情况表,,,\n\n填报单位：县教育局\n" HDR "\nA,甲,小学,," ROW_TAIL "\n", &dl);
    assert_int_equal(s->n, 1);
    assert_int_equal(s->items[0].line, 5);
    schools_free(s);
    diag_free(&dl);
    /* a required column marked with an asterisk reads as the column */
    s = good("学校代码*,＊学校名称,学段,学校类型,在校生数,专任教师数,学历合格教师数,高于规定学历教师数,"
             "中级及以上职称教师数,占地面积,校舍建筑面积,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,"
             "图书册数,计算机台数,实验室数,功能室数,图书室\nA,甲,小学,," ROW_TAIL "\n", &dl);
    assert_string_equal(s->items[0].code, "A");
    assert_int_equal(dl.warnings, 0);
    schools_free(s);
    diag_free(&dl);
    s = good("通道县2019年学校基本情况表,,,\n\n填报单位：县教育局\n" HDR "\nA,甲,小学,," ROW_TAIL "\n", &dl);
    assert_true(has_diag(&dl, 1, "skipped as a title above the header"));
    assert_true(has_diag(&dl, 3, "skipped as a title above the header"));
    assert_int_equal(dl.errors, 0);
    schools_free(s);
    diag_free(&dl);
}

static void test_units_row(void **state)
{
    (void)state;
    diag_list dl;
    /* 万元 and 万册 scale their columns; a header cell may carry its unit too */
    jh_schools *s = good("学校代码,学校名称,学段,学校类型,在校生数（人）,专任教师数,学历合格教师数,高于规定学历教师数,"
                         "中级及以上职称教师数,占地面积,校舍建筑面积,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,"
                         "图书册数,计算机台数,实验室数,功能室数,图书室\n"
                         ",,,,人,人,人,人,人,平方米,平方米,㎡,m²,万元,万册,台,间,间,间\n"
                         "A,甲,小学,,100,6,6,5,3,2000,600,400,500,5.25,0.3,10,1,6,1\n", &dl);
    assert_true(has_diag(&dl, 2, "skipped as a units row"));
    assert_true(s->items[0].v[F_EQUIPMENT_VALUE] == 52500);
    assert_true(s->items[0].v[F_BOOKS] == 3000);
    assert_true(s->items[0].v[F_STUDENTS] == 100);
    schools_free(s);
    diag_free(&dl);
    /* a unit of another quantity is refused, naming the column */
    bad(HDR "\n,,,,人,人,人,人,人,册,平方米,平方米,平方米,元,册,台,间,间,间\nA,甲,小学,," ROW_TAIL "\n", 2,
        "column 'site_area' (占地面积): the unit '册' is not a unit of this column");
}

static void test_totals_rows(void **state)
{
    (void)state;
    diag_list dl;
    jh_schools *s = good(HDR "\nA,甲,小学,," ROW_TAIL "\nB,乙,小学,," ROW_TAIL "\n"
                         ",合计,,,200,12,12,10,6,4000,1200,800,1000,100000,6000,20,2,12,2\n", &dl);
    assert_int_equal(s->n, 2);
    assert_true(has_diag(&dl, 4, "skipped as a totals row (合计); its sums agree with the 2 row(s) above it"));
    schools_free(s);
    diag_free(&dl);
    /* sums that differ are named; 小计 adds up the rows since the last totals row */
    s = good(HDR "\nA,甲,小学,," ROW_TAIL "\n小 计,,,,100,6,6,5,3,2000,600,400,500,50000,3000,10,1,6,1\n"
             "B,乙,初中,," ROW_TAIL "\n小计,,,,100,6,6,5,3,2000,600,400,500,50000,3000,10,1,6,1\n"
             "总计,,,,230,12,12,10,6,4000,1200,800,1000,100000,6000,20,2,12,2\n", &dl);
    assert_int_equal(s->n, 2);
    assert_true(has_diag(&dl, 3, "skipped as a totals row (小计); its sums agree with the 1 row(s)"));
    assert_true(has_diag(&dl, 5, "skipped as a totals row (小计); its sums agree with the 1 row(s)"));
    assert_true(has_diag(&dl, 6, "skipped as a totals row (总计); 1 of its sums differ from the 2 row(s) above it: 在校生数 230 ≠ 200"));
    schools_free(s);
    diag_free(&dl);
}

static void test_two_row_header_in_csv(void **state)
{
    (void)state;
    diag_list dl;
    jh_schools *s = good("学校代码,学校名称,学段,学校类型,在校生数,专任教师（人）,,,,占地面积（平方米）,,校舍面积（平方米）,,"
                         "教学仪器设备值,图书册数,计算机台数,实验室数,功能室数,图书室\n"
                         ",,,,,专任教师数,学历合格教师数,高于规定学历教师数,中级及以上职称教师数,合计,其中：体育运动场馆面积,"
                         "建筑面积,其中：教学及辅助用房面积,,,,,,\n"
                         "A,甲,小学,,100,6,6,5,3,2000,500,600,400,50000,3000,10,1,6,1\n", &dl);
    assert_int_equal(dl.warnings, 0);
    const jh_school *a = &s->items[0];
    assert_true(a->v[F_SITE_AREA] == 2000);
    assert_true(a->v[F_SPORTS_AREA] == 500);
    assert_true(a->v[F_BUILDING_AREA] == 600);
    assert_true(a->v[F_TEACHING_AREA] == 400);
    assert_true(a->v[F_SENIOR_TITLE] == 3);
    schools_free(s);
    diag_free(&dl);
}

static void test_full_width_digits(void **state)
{
    (void)state;
    diag_list dl;
    jh_schools *s = good(HDR "\nA,甲,小学,,１００,６,6,5,3,2000,600,400,500,50000,3000,10,1,6,1\n", &dl);
    assert_true(s->items[0].v[F_STUDENTS] == 100);
    assert_true(s->items[0].v[F_TEACHERS] == 6);
    assert_true(has_diag(&dl, 2, "full-width digits '１００' read as 100 (2 cell(s) in all)"));
    assert_int_equal(dl.warnings, 1);
    schools_free(s);
    diag_free(&dl);
}

/* '48.5' is not a whole number: no claim that 48 exceeds 专任教师数 (48.5) */
static void test_no_follow_on_errors(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    assert_null(parse(HDR "\nA,甲,小学,,100,48.5,48,48,3,2000,600,400,500,50000,3000,10,1,6,1\n", &OPT, &dl));
    assert_true(has_diag(&dl, 2, "'48.5' is not a whole number"));
    assert_int_equal(dl.errors, 1);
    assert_false(has_diag(&dl, 0, "more than 专任教师数"));
    diag_free(&dl);
}

static void test_plausibility_warnings(void **state)
{
    (void)state;
    diag_list dl;
    jh_schools *s = good(HDR "\nA,甲,小学,,10,12,12,5,3,2000,600,400,500,1.85E+06,3000,10,1,6,1\n", &dl);
    assert_true(has_diag(&dl, 2, "column 'teachers' (专任教师数): 12 teachers for 10 pupils: more teachers than pupils"));
    assert_true(has_diag(&dl, 2, "column 'equipment_value' (教学仪器设备值): '1.85E+06' is written in E-notation: Excel may have rounded it"));
    assert_true(s->items[0].v[F_EQUIPMENT_VALUE] == 1850000);
    assert_int_equal(dl.errors, 0);
    schools_free(s);
    diag_free(&dl);
}

/* encoding = auto: a UTF-8 file with one damaged byte is reported on that
 * byte's line, not decoded as GB18030 nor blamed on another line. */
static void test_damaged_utf8_line(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    const char *t = ZH_HDR "\nA,甲小学,小学,," ROW_TAIL "\nB,乙小学,小学,," ROW_TAIL "\nC,丙\xff小学,小学,," ROW_TAIL "\n"
                    "D,丁小学,小学,," ROW_TAIL "\n";
    assert_null(parse(t, &OPT, &dl));
    if (!has_diag(&dl, 4, "not valid UTF-8 (byte 0xFF)")) dump(&dl);
    assert_true(has_diag(&dl, 4, "not valid UTF-8 (byte 0xFF)"));
    diag_free(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_english_and_chinese_headers_any_order),
        cmocka_unit_test(test_bom_crlf),
        cmocka_unit_test(test_gb18030_crlf),
        cmocka_unit_test(test_cp936_euro_fallback),
        cmocka_unit_test(test_utf16_refused),
        cmocka_unit_test(test_empty_and_header_only),
        cmocka_unit_test(test_missing_columns_all_reported),
        cmocka_unit_test(test_bad_values),
        cmocka_unit_test(test_all_errors_in_one_run),
        cmocka_unit_test(test_malformed_csv_lines),
        cmocka_unit_test(test_duplicate_part),
        cmocka_unit_test(test_untyped_pair_is_per_part),
        cmocka_unit_test(test_nine_year_split),
        cmocka_unit_test(test_complete_middle_split),
        cmocka_unit_test(test_complete_middle_needs_high),
        cmocka_unit_test(test_twelve_year_split),
        cmocka_unit_test(test_teaching_points),
        cmocka_unit_test(test_blank_rows_and_extra_fields),
        cmocka_unit_test(test_load_missing_file),
        cmocka_unit_test(test_semicolon_and_tab_separators),
        cmocka_unit_test(test_title_rows_skipped),
        cmocka_unit_test(test_units_row),
        cmocka_unit_test(test_totals_rows),
        cmocka_unit_test(test_two_row_header_in_csv),
        cmocka_unit_test(test_full_width_digits),
        cmocka_unit_test(test_no_follow_on_errors),
        cmocka_unit_test(test_plausibility_warnings),
        cmocka_unit_test(test_damaged_utf8_line),
    };
    return cmocka_run_group_tests_name("schools", tests, NULL, NULL);
}
