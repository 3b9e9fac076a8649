/* Unit tests for input/ini and config/config: BOM, syntax errors with lines,
 * unknown and misplaced keys and sections, threshold notations, required
 * keys, fonts, and the schema table itself. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/strbuf.h"
#include "common/xalloc.h"
#include "config/config.h"
#include "config/schema.h"
#include "input/ini.h"

#define STANDARDS \
    "[standard.primary]\nteacher_ratio = 1:19\nqualified_teachers = 100%\nsite_area = 15\n" \
    "building_area = 4\nsports_area = 3\nlabs = 1\nfunction_rooms = 6\nlibrary = 1\n" \
    "equipment_value = 365\nbooks = 20\n" \
    "[standard.middle]\nteacher_ratio = 1：13.5\nqualified_teachers = 0.98\nsite_area = 18\n" \
    "building_area = 5\nsports_area = 4\nlabs = 2\nfunction_rooms = 6\nlibrary = 1\n" \
    "equipment_value = 695\nbooks = 30\n"
#define GOOD "[report]\ncounty = 通道侗族自治县\nyear = 2019\n[data]\nschools = schools.csv\n" STANDARDS

/* Write text to a fresh file under /tmp/jh-test-XXXXXX/report.ini. */
typedef struct tmpini { char dir[64]; char path[96]; } tmpini;

static const char *write_ini(tmpini *t, const char *text)
{
    strcpy(t->dir, "/tmp/jh-test-XXXXXX");
    assert_non_null(mkdtemp(t->dir));
    snprintf(t->path, sizeof t->path, "%s/report.ini", t->dir);
    FILE *f = fopen(t->path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return t->path;
}

static void drop(tmpini *t)
{
    unlink(t->path);
    rmdir(t->dir);
}

static int has_diag(const diag_list *dl, int line, const char *want)
{
    for (int i = 0; i < dl->n; i++)
        if (strstr(dl->items[i].msg, want) && (line == 0 || dl->items[i].line == line)) return 1;
    return 0;
}

/* Load config from text; returns it (or NULL) and leaves diagnostics in dl. */
static jh_config *load(const char *text, diag_list *dl, jh_ini **ini_out)
{
    tmpini t;
    jh_ini *ini = ini_load(write_ini(&t, text), dl);
    drop(&t);
    if (!ini) { *ini_out = NULL; return NULL; }
    jh_config *c = config_load(ini, CONFIG_REPORT, dl);
    *ini_out = ini;
    return c;
}

static void test_good_config(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    jh_ini *ini;
    jh_config *c = load("\xEF\xBB\xBF; a BOM and a comment first\n" GOOD "[fonts]\nbody = x.ttf\n", &dl, &ini);
    if (!c) diag_print(&dl, stderr);
    assert_non_null(c);
    assert_string_equal(c->core.county, "通道侗族自治县");
    assert_int_equal(c->core.year, 2019);
    assert_string_equal(c->core.title, "通道侗族自治县2019年度推进县域义务教育均衡发展工作情况报告");
    assert_null(c->core.issuer);
    assert_int_equal(c->core.scheme, JH_SCHEME_BASIC);
    assert_true(c->core.max_cv[JH_PRIMARY] == 0.65 && c->core.max_cv[JH_MIDDLE] == 0.55);
    assert_true(fabs(c->core.standard[JH_PRIMARY][CI_TEACHER_RATIO] - 1.0 / 19) < 1e-15);
    assert_true(fabs(c->core.standard[JH_MIDDLE][CI_TEACHER_RATIO] - 1 / 13.5) < 1e-15);
    assert_true(c->core.standard[JH_PRIMARY][CI_QUALIFIED] == 1.0);
    assert_true(c->core.standard[JH_MIDDLE][CI_QUALIFIED] == 0.98);
    assert_true(c->core.standard[JH_MIDDLE][CI_BOOKS] == 30);
    assert_true(c->core.quality[JH_MIDDLE][QI_SPORTS_AREA] == 10.2);
    assert_int_equal(c->core.dec_cv, 3);
    assert_int_equal(c->core.dec_mean[BI_EQUIPMENT_VALUE], 2);
    assert_int_equal(c->core.dec_mean[BI_BOOKS], 3);
    assert_int_equal(c->encoding, JH_ENC_AUTO);
    assert_int_equal(c->mixed, 0);   /* split */
    /* relative paths are relative to the INI's folder */
    assert_non_null(strstr(c->schools_path, "/jh-test-"));
    assert_non_null(strstr(c->schools_path, "/schools.csv"));
    /* [fonts] is read like any section: the face is the INI's, where it says */
    assert_non_null(strstr(c->style.font[ROLE_BODY].path, "/x.ttf"));
    assert_non_null(c->style.font[ROLE_BODY].where);
    assert_int_equal(dl.warnings, 0);
    assert_int_equal(dl.errors, 0);
    config_free(c);
    ini_free(ini);
    diag_free(&dl);
}

static void test_quality_defaults_and_overrides(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    jh_ini *ini;
    jh_config *c = load(GOOD "[balance]\nscheme = quality\nmiddle_max_cv = 0.4\n[quality.primary]\nbackbone = 1.5\n"
                        "[display]\nequipment_value = 0\nmean = 2\n", &dl, &ini);
    assert_non_null(c);
    assert_int_equal(c->core.scheme, JH_SCHEME_QUALITY);
    assert_true(c->core.max_cv[JH_PRIMARY] == 0.50);
    assert_true(c->core.max_cv[JH_MIDDLE] == 0.4);
    assert_true(c->core.quality[JH_PRIMARY][QI_BACKBONE] == 1.5);
    assert_true(c->core.quality[JH_PRIMARY][QI_ARTS] == 0.9);
    assert_int_equal(c->core.dec_mean[BI_EQUIPMENT_VALUE], 0);
    assert_int_equal(c->core.dec_mean[BI_BOOKS], 2);
    config_free(c);
    ini_free(ini);
    diag_free(&dl);
}

static void test_unknown_keys_and_sections_warn(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    jh_ini *ini;
    jh_config *c = load(GOOD "[balance]\nschme = quality\n[balanse]\nscheme = basic\n", &dl, &ini);
    assert_non_null(c);
    assert_int_equal(c->core.scheme, JH_SCHEME_BASIC);  /* the typo is not taken */
    assert_int_equal(dl.warnings, 2);
    assert_true(has_diag(&dl, 29, "unknown key 'schme' in [balance]"));
    assert_true(has_diag(&dl, 30, "unknown section [balanse]"));
    config_free(c);
    ini_free(ini);
    diag_free(&dl);
}

static void test_config_errors_name_section_and_key(void **state)
{
    (void)state;
    struct { const char *text; int line; const char *want; } cases[] = {
        {"[report]\nyear = 2019\n[data]\nschools = s.csv\n" STANDARDS, 0, "[report] county (县名) is missing"},
        {"[report]\ncounty = 甲\n[data]\nschools = s.csv\n" STANDARDS, 0, "[report] year (年度) is missing"},
        {"[report]\ncounty = 甲\nyear = 二〇一九\n[data]\nschools = s.csv\n" STANDARDS, 3, "[report] year: '二〇一九' is not a whole number"},
        {GOOD "[balance]\nscheme = fancy\n", 29, "[balance] scheme: unknown value 'fancy'"},
        {GOOD "[balance]\nprimary_max_cv = 0,65\n", 29, "[balance] primary_max_cv: '0,65' is not a number"},
        {GOOD "[balance]\nprimary_max_cv = -1\n", 29, "[balance] primary_max_cv: '-1' is negative"},
        {GOOD "[balance]\nprimary_max_cv = 0\n", 29, "[balance] primary_max_cv: '0' must be more than 0"},
        {GOOD "[data]\nencoding = latin1\n", 0, "[data] encoding: unknown value 'latin1'"},
        {GOOD "[display]\ncv = 12\n", 29, "[display] cv: 12 is out of range"},
        {GOOD "[display]\nbooks = x\n", 29, "[display] books: 'x' is not a whole number"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        diag_list dl;
        diag_init(&dl);
        jh_ini *ini;
        jh_config *c = load(cases[i].text, &dl, &ini);
        if (c || !has_diag(&dl, cases[i].line, cases[i].want)) {
            fprintf(stderr, "case %zu: want '%s' on line %d\n", i, cases[i].want, cases[i].line);
            diag_print(&dl, stderr);
        }
        assert_null(c);
        assert_true(has_diag(&dl, cases[i].line, cases[i].want));
        assert_non_null(dl.items[0].hint);
        ini_free(ini);
        diag_free(&dl);
    }
}

static void test_bad_thresholds(void **state)
{
    (void)state;
    char *text;
    diag_list dl;
    jh_ini *ini;
    /* books missing from [standard.middle], labs negative, ratio > 1, not a number */
    const char *base = "[report]\ncounty = 甲\nyear = 2019\n[data]\nschools = s.csv\n"
                       "[standard.primary]\nteacher_ratio = 19\nqualified_teachers = 100%\nsite_area = 15m2\n"
                       "building_area = 4\nsports_area = 3\nlabs = -1\nfunction_rooms = 6\nlibrary = 1\n"
                       "equipment_value = 365\nbooks = 20\n"
                       "[standard.middle]\nteacher_ratio = 1:0\nqualified_teachers = 98\nsite_area = 18\n"
                       "building_area = 5\nsports_area = 4\nlabs = 2\nfunction_rooms = 6\nlibrary = 1\n"
                       "equipment_value = 695\n";
    text = xstrdup(base);
    diag_init(&dl);
    assert_null(load(text, &dl, &ini));
    assert_true(has_diag(&dl, 7, "[standard.primary] teacher_ratio: '19' is more than 1"));
    assert_true(has_diag(&dl, 9, "[standard.primary] site_area: '15m2' is not a number"));
    assert_true(has_diag(&dl, 12, "[standard.primary] labs: '-1' is negative"));
    assert_true(has_diag(&dl, 18, "[standard.middle] teacher_ratio: '1:0' is not a number"));
    assert_true(has_diag(&dl, 19, "[standard.middle] qualified_teachers: '98' is more than 1"));
    assert_true(has_diag(&dl, 0, "[standard.middle] books (初中生均图书册数标准) is missing"));
    assert_int_equal(dl.errors, 6);
    ini_free(ini);
    diag_free(&dl);
    free(text);
}

static void test_ini_syntax_errors(void **state)
{
    (void)state;
    tmpini t;
    diag_list dl;
    diag_init(&dl);
    assert_null(ini_load(write_ini(&t, "[report]\ncounty = 甲\nthis line is wrong\n[data\n"), &dl));
    drop(&t);
    assert_true(has_diag(&dl, 3, "neither [section], key = value nor a comment"));
    assert_true(has_diag(&dl, 4, "without closing ']'"));
    assert_null(ini_load(write_ini(&t, "county = 甲\n"), &dl));
    drop(&t);
    assert_true(has_diag(&dl, 1, "key outside any [section]"));
    assert_null(ini_load(write_ini(&t, "[data] 数据\nschools = a.csv\n"), &dl));
    drop(&t);
    assert_true(has_diag(&dl, 1, "text after the section header's ']'"));
    assert_null(ini_load(write_ini(&t, "\xFF\xFE[\0a\0]\0"), &dl));
    drop(&t);
    assert_true(has_diag(&dl, 1, "UTF-16"));
    assert_null(ini_load("/nonexistent/report.ini", &dl));
    assert_true(has_diag(&dl, 0, "cannot open the configuration"));
    diag_free(&dl);
}

static void test_ini_getters(void **state)
{
    (void)state;
    tmpini t;
    diag_list dl;
    diag_init(&dl);
    jh_ini *ini = ini_load(write_ini(&t, "[A]\nName = 甲 ; comment\nn = 12\nx = 1.5\nb = 是\nbad = yes!\n"
                                         "k = 1\nk = 2\n[narrative]\nfunding = 9.3亿元\nschools = 18\n"), &dl);
    drop(&t);
    assert_non_null(ini);
    assert_int_equal(dl.warnings, 1);  /* k set twice */
    assert_true(has_diag(&dl, 8, "[a] k is set twice"));
    assert_string_equal(ini_get_str(ini, "a", "name", NULL), "甲");
    assert_int_equal(ini_line(ini, "A", "NAME"), 2);
    int n, b;
    double x;
    assert_int_equal(ini_get_int(ini, "a", "n", 0, &n, &dl), 0);
    assert_int_equal(n, 12);
    assert_int_equal(ini_get_int(ini, "a", "x", 7, &n, &dl), -1);
    assert_int_equal(n, 7);
    assert_int_equal(ini_get_double(ini, "a", "x", 0, &x, &dl), 0);
    assert_true(x == 1.5);
    assert_int_equal(ini_get_double(ini, "a", "missing", 2.5, &x, &dl), 0);
    assert_true(x == 2.5);
    assert_int_equal(ini_get_bool(ini, "a", "b", 0, &b, &dl), 0);
    assert_int_equal(b, 1);
    assert_int_equal(ini_get_bool(ini, "a", "bad", 0, &b, &dl), -1);
    assert_string_equal(ini_get_str(ini, "a", "k", NULL), "2");
    assert_true(has_diag(&dl, 6, "[a] bad: 'yes!' is not yes or no"));
    const char *const *keys;
    assert_int_equal(ini_section_keys(ini, "narrative", &keys), 2);
    assert_string_equal(keys[0], "funding");
    assert_string_equal(keys[1], "schools");
    assert_true(ini_has_section(ini, "NARRATIVE"));
    assert_false(ini_has_section(ini, "fonts"));
    char *p = ini_resolve_path(ini, "/abs/x.csv");
    assert_string_equal(p, "/abs/x.csv");
    free(p);
    ini_free(ini);
    diag_free(&dl);
}

/* A key in the wrong section says where it belongs; a near miss is named;
 * a section the table lacks is warned once, its keys not one by one. */
static void test_misplaced_and_misspelt(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    jh_ini *ini;
    jh_config *c = load(GOOD "[report]\nscheme = quality\n[balance]\nprimary_maxcv = 0.6\n[sheets]\ncolumns = 3\n"
                        "rows = 2\n[fonts]\nbody = a.ttc,2\ntitle = b.ttc:1\nfallback = c.ttc, 3, d.ttf\n", &dl, &ini);
    assert_non_null(c);
    assert_int_equal(c->core.scheme, JH_SCHEME_BASIC);
    assert_true(has_diag(&dl, 29, "unknown key 'scheme' in [report]"));
    assert_true(has_diag(&dl, 31, "unknown key 'primary_maxcv' in [balance]"));
    assert_true(has_diag(&dl, 32, "unknown section [sheets]"));
    assert_int_equal(dl.warnings, 3);
    int hints = 0;
    for (int i = 0; i < dl.n; i++)
        if (dl.items[i].hint && (strstr(dl.items[i].hint, "belongs in [balance]") ||
                                 strstr(dl.items[i].hint, "did you mean 'primary_max_cv'")))
            hints++;
    assert_int_equal(hints, 2);
    /* fonts: PATH,INDEX as documented, PATH:INDEX as before; a bare number
     * in the fallback list is the index of the face before it */
    assert_non_null(strstr(c->style.font[ROLE_BODY].path, "/a.ttc"));
    assert_int_equal(c->style.font[ROLE_BODY].index, 2);
    assert_non_null(strstr(c->style.font[ROLE_TITLE].path, "/b.ttc"));
    assert_int_equal(c->style.font[ROLE_TITLE].index, 1);
    assert_int_equal(c->style.nfallback, 2);
    assert_int_equal(c->style.fallback[0].index, 3);
    assert_non_null(strstr(c->style.fallback[1].path, "/d.ttf"));
    config_free(c);
    ini_free(ini);
    diag_free(&dl);
}

/* CONFIG_STYLE (render -c) needs no report keys but judges the rest alike. */
static void test_style_only(void **state)
{
    (void)state;
    diag_list dl;
    diag_init(&dl);
    tmpini t;
    jh_ini *ini = ini_load(write_ini(&t, "[layout]\nbody_size = 12\nlines = 30\n[layuot]\nx = 1\n"), &dl);
    drop(&t);
    assert_non_null(ini);
    jh_config *c = config_load(ini, CONFIG_STYLE, &dl);
    assert_non_null(c);
    assert_true(c->style.body_size == 12);
    assert_int_equal(c->style.lines, 30);
    assert_true(has_diag(&dl, 4, "unknown section [layuot]"));
    assert_int_equal(dl.errors, 0);
    config_free(c);
    ini_free(ini);
    diag_free(&dl);
}

/* The table: sections known, keys unique, the indicator keys those of the
 * core's tables, every field written by one entry only. */
static void test_schema_table(void **state)
{
    (void)state;
    assert_true(jh_config_nkeys > 80);
    for (size_t i = 0; i < jh_config_nkeys; i++) {
        const jh_key *k = &jh_config_keys[i];
        assert_true(schema_has_section(k->section));
        assert_ptr_equal(schema_find(k->section, k->key), k);
        assert_non_null(k->help);
        assert_true(*k->help && *k->label);
        if (k->flags & JH_KEY_REQUIRED) assert_string_equal(k->def, "");
        if (k->type == JH_KEY_CHOICE) assert_non_null(k->choices);
        for (size_t j = 0; j < i; j++)
            if (k->type != JH_KEY_FREE) assert_true(jh_config_keys[j].offset != k->offset);
        if (!strncmp(k->section, "standard.", 9))
            assert_true(indicator_find(jh_compliance_ind, JH_NCOMPLIANCE, k->key) >= 0);
        if (!strncmp(k->section, "quality.", 8))
            assert_true(indicator_find(jh_quality_ind, JH_NQUALITY, k->key) >= 0);
    }
    for (int i = 0; i < JH_NCOMPLIANCE; i++) {
        assert_non_null(schema_find("standard.primary", jh_compliance_ind[i].key));
        assert_non_null(schema_find("standard.middle", jh_compliance_ind[i].key));
    }
    for (int i = 0; i < JH_NQUALITY; i++) assert_non_null(schema_find("quality.middle", jh_quality_ind[i].key));
    for (int i = 0; i < JH_NBALANCE; i++) assert_non_null(schema_find("display", jh_balance_ind[i].key));
    for (int i = 0; i < ROLE_COUNT; i++) assert_non_null(schema_find("fonts", font_role_names[i]));
    assert_null(schema_find("report", "nonsense"));
    assert_non_null(schema_find("narrative", "anything"));
}

/* The INI as Notepad, WPS and a Chinese input method really leave it. */
static void test_ini_as_it_comes(void **state)
{
    (void)state;
    tmpini t;
    diag_list dl;
    diag_init(&dl);
    /* GB18030 ("ANSI"): 样本县 = D1 F9 B1 BE CF D8 */
    jh_ini *ini = ini_load(write_ini(&t, "[report]\ncounty = \xD1\xF9\xB1\xBE\xCF\xD8\n"), &dl);
    drop(&t);
    assert_non_null(ini);
    assert_string_equal(ini_get_str(ini, "report", "county", NULL), "样本县");
    ini_free(ini);
    assert_int_equal(dl.n, 0);
    /* full-width ＝ and ：, full-width brackets, a comment after ']', quotes,
     * an inline comment */
    ini = ini_load(write_ini(&t, "［report］\ncounty ＝ 样本县\nyear：2019\ntitle: \"甲 ; 乙\"\n"
                                 "[data] ; 数据\nschools = s.csv ; the CSV\nratio = 1：19\n"), &dl);
    drop(&t);
    assert_non_null(ini);
    assert_string_equal(ini_get_str(ini, "report", "county", NULL), "样本县");
    assert_string_equal(ini_get_str(ini, "report", "year", NULL), "2019");
    assert_string_equal(ini_get_str(ini, "report", "title", NULL), "甲 ; 乙");
    assert_string_equal(ini_get_str(ini, "data", "schools", NULL), "s.csv");
    assert_string_equal(ini_get_str(ini, "data", "ratio", NULL), "1：19");  /* '=' wins over a colon */
    assert_true(has_diag(&dl, 1, "full-width brackets"));
    assert_true(has_diag(&dl, 2, "'＝' between key and value read as '='"));
    assert_true(has_diag(&dl, 3, "'：' between key and value read as '='"));
    assert_true(has_diag(&dl, 4, "':' between key and value read as '='"));
    assert_int_equal(dl.warnings, 4);
    assert_int_equal(dl.errors, 0);
    ini_free(ini);
    diag_free(&dl);
    diag_init(&dl);
    /* a value continued over lines past iniparser's old 1,023 bytes, with
     * indented continuation lines joined without a space */
    strbuf b = STRBUF_INIT;
    sb_puts(&b, "[narrative]\nintro = ");
    for (int i = 0; i < 40; i++) sb_puts(&b, "全县义务教育学校办学条件持续改善，\\\n    ");
    sb_puts(&b, "完。\nnext = 1\n");
    ini = ini_load(write_ini(&t, b.s), &dl);
    drop(&t);
    assert_non_null(ini);
    const char *v = ini_get_str(ini, "narrative", "intro", NULL);
    assert_non_null(v);
    assert_true(strlen(v) > 2000);
    assert_null(strchr(v, ' '));
    assert_int_equal(ini_line(ini, "narrative", "intro"), 2);
    assert_int_equal(ini_line(ini, "narrative", "next"), 43);
    ini_free(ini);
    sb_free(&b);
    /* UTF-16 is refused with a hint; bytes neither UTF-8 nor GB18030 too */
    assert_null(ini_load(write_ini(&t, "\xFF\xFE[\0"), &dl));
    drop(&t);
    assert_true(has_diag(&dl, 1, "UTF-16"));
    assert_non_null(diag_last(&dl)->hint);
    assert_null(ini_load(write_ini(&t, "[a]\nb = \xFF\xFF\xFF\n"), &dl));
    drop(&t);
    assert_true(has_diag(&dl, 2, "neither UTF-8 nor GB18030"));
    diag_free(&dl);
}

/* schools = data\schools.csv names nothing on Linux; its '/' form does. */
static void test_windows_path(void **state)
{
    (void)state;
    tmpini t;
    diag_list dl;
    diag_init(&dl);
    write_ini(&t, "[layout]\nlines = 20\n[templates]\nreport = sub\\r.md\nsheet = none\\s.md\n");
    char sub[128], md[160];
    snprintf(sub, sizeof sub, "%s/sub", t.dir);
    snprintf(md, sizeof md, "%s/r.md", sub);
    assert_int_equal(mkdir(sub, 0755), 0);
    FILE *f = fopen(md, "w");
    assert_non_null(f);
    fclose(f);
    jh_config *c = config_read(t.path, CONFIG_STYLE, &dl);
    assert_non_null(c);
    assert_string_equal(c->template_report, md);
    assert_non_null(strstr(c->template_sheet, "none\\s.md"));   /* no '/' form either: left as written */
    assert_true(has_diag(&dl, 4, "[templates] report: 'sub\\r.md' read as 'sub/r.md'"));
    assert_int_equal(dl.warnings, 1);
    config_free(c);
    unlink(md);
    rmdir(sub);
    drop(&t);
    diag_free(&dl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_config),
        cmocka_unit_test(test_quality_defaults_and_overrides),
        cmocka_unit_test(test_unknown_keys_and_sections_warn),
        cmocka_unit_test(test_config_errors_name_section_and_key),
        cmocka_unit_test(test_bad_thresholds),
        cmocka_unit_test(test_ini_syntax_errors),
        cmocka_unit_test(test_ini_getters),
        cmocka_unit_test(test_misplaced_and_misspelt),
        cmocka_unit_test(test_style_only),
        cmocka_unit_test(test_schema_table),
        cmocka_unit_test(test_ini_as_it_comes),
        cmocka_unit_test(test_windows_path),
    };
    return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
