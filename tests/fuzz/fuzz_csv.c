/*
 * fuzz_csv — libFuzzer harness for input/schools: bytes -> checked rows,
 * including the encoding detection (UTF-8, BOM, GB18030, UTF-16 refusal).
 *
 * The first byte chooses the load options (encoding auto / utf-8 / gb18030,
 * basic or quality columns, split or per-part mixed schools); the rest is the
 * file.  Promises checked: no crash, leak or undefined behaviour; a result
 * exactly when no error was reported; every diagnostic names the file and a
 * line inside it; every loaded part is found again by schools_find; and
 * the figures of any loaded county compute without undefined behaviour
 * (clang's UBSan checks float-to-integer casts, GCC's does not).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "core/figures.h"
#include "config/config.h"
#include "input/ini.h"
#include "input/schools.h"

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "broken promise: %s (line %d)\n", #c, __LINE__); abort(); } } while (0)

/* A basic and a quality configuration, loaded once (kept for the process). */
static const char ini_text[] =
    "[report]\ncounty = 县\nyear = 2019\n[data]\nschools = x.csv\n[balance]\nscheme = %s\n"
    "[standard.primary]\nteacher_ratio = 1:21\nqualified_teachers = 100%%\nsite_area = 15\n"
    "building_area = 4\nsports_area = 3\nlabs = 1\nfunction_rooms = 6\nlibrary = 1\n"
    "equipment_value = 365\nbooks = 20\n"
    "[standard.middle]\nteacher_ratio = 1:16\nqualified_teachers = 98%%\nsite_area = 20\n"
    "building_area = 5\nsports_area = 5.5\nlabs = 3\nfunction_rooms = 6\nlibrary = 1\n"
    "equipment_value = 695\nbooks = 25\n";
static jh_config *cfgs[2];

static jh_config *load_config(const char *scheme)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/fuzz-csv-%ld.ini", (long)getpid());
    FILE *f = fopen(path, "w");
    if (!f) abort();
    fprintf(f, ini_text, scheme);
    fclose(f);
    diag_list dl;
    diag_init(&dl);
    jh_ini *ini = ini_load(path, &dl);
    jh_config *c = ini ? config_load(ini, CONFIG_REPORT, &dl) : NULL;
    unlink(path);
    if (!c) { diag_print(&dl, stderr); abort(); }
    ini_free(ini);
    diag_free(&dl);
    return c;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!cfgs[0]) { cfgs[0] = load_config("basic"); cfgs[1] = load_config("quality"); }
    if (size < 1) return 0;
    static const jh_encoding encs[] = {JH_ENC_AUTO, JH_ENC_UTF8, JH_ENC_GB18030, JH_ENC_AUTO};
    jh_load_opts o = {encs[data[0] & 3], (data[0] >> 2) & 1, !((data[0] >> 3) & 1), NULL};
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    int lines = 1;
    for (size_t i = 0; i < len; i++) lines += text[i] == '\n';

    diag_list dl;
    diag_init(&dl);
    jh_schools *s = schools_parse("f.csv", text, len, &o, &dl);
    CHECK((s != NULL) == (dl.errors == 0));
    for (int i = 0; i < dl.n; i++) {
        /* a workbook's place is "f.csv: SHEET!CELL" (the bytes decide the reader) */
        CHECK(dl.items[i].file && strncmp(dl.items[i].file, "f.csv", 5) == 0);
        /* a quoted field may hold newlines, so a line can be one past the count */
        CHECK(dl.items[i].line >= 0 && dl.items[i].line <= lines + 1);
        CHECK(dl.items[i].msg[0] != '\0');
    }
    if (s) {
        CHECK(s->encoding != NULL);
        for (int i = 0; i < s->n; i++) {
            const jh_school *p = &s->items[i];
            CHECK(p->code && p->name);
            CHECK(p->type != JH_TYPE_TEACHING_POINT);
            CHECK(schools_find(s, p->code, p->level) == p);
            const jh_school *parts[JH_NLEVELS];
            int np = schools_parts(s, p->code, parts);
            CHECK(np >= 1 && np <= JH_NLEVELS);
        }
        diag_list fl;
        diag_init(&fl);
        figures_free(figures_compute(&cfgs[o.need_quality]->core, s, &fl));
        diag_free(&fl);
        schools_free(s);
    }
    diag_free(&dl);
    return 0;
}
