/* app: `junheng init` — a county's ready folder; see app.h.
 *
 * The report.ini is printed from the configuration schema (config/schema.h),
 * so it names every key the program reads, with the help the reference
 * documents give, and cannot drift from them.  Nothing in it is a fact of
 * a province or county that the caller did not give: the standards are
 * left for the province's own values, and `check` names each one missing.
 */
#include "app/app.h"
#include "common/i18n.h"
#include "common/outfile.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "compose/schools_template.h"
#include "config/schema.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The files init makes, in the order it makes them. */
static const char *const made[] = {"report.ini", "practices.md", "schools.xlsx"};
#define NMADE (sizeof made / sizeof made[0])

/* ---- report.ini ---------------------------------------------------------- */

/* The value init writes for section/key, NULL to leave the key to the county. */
static const char *given(const app_init_opts *o, const char *section, const char *key, char *buf, size_t size)
{
    if (!strcmp(section, "report") && !strcmp(key, "county")) return o->county;
    if (!strcmp(section, "report") && !strcmp(key, "year") && o->year > 0) {
        snprintf(buf, size, "%d", o->year);
        return buf;
    }
    if (!strcmp(section, "balance") && !strcmp(key, "scheme")) return o->quality ? "quality" : "basic";
    if (!strcmp(section, "data") && !strcmp(key, "schools")) return "schools.xlsx";
    return NULL;
}

static void key_comment(strbuf *b, const jh_key *k)
{
    sb_printf(b, "; %s%s：%s", k->label, (k->flags & JH_KEY_REQUIRED) ? "【必填】" : "", _(k->help));
    const char *sep = "（";
    if (*k->unit) { sb_printf(b, "%s单位 %s", sep, k->unit); sep = "；"; }
    if (k->type == JH_KEY_CHOICE) {
        sb_printf(b, "%s可选 ", sep);
        /* "auto|utf-8,utf8|gb18030,gbk": the first word of each choice */
        for (const char *c = k->choices; *c;) {
            size_t n = strcspn(c, ",|");
            sb_add(b, c, n);
            c += n;
            if (*c == ',') c += strcspn(c, "|");
            if (*c == '|') { sb_puts(b, " | "); c++; }
        }
        sep = "；";
    }
    if (*k->def) { sb_printf(b, "%s默认 %s", sep, k->def); sep = "；"; }
    if (strcmp(sep, "（")) sb_puts(b, "）");
    sb_putc(b, '\n');
}

static void ini_text(strbuf *b, const app_init_opts *o)
{
    char year[32] = "";
    if (o->year > 0) snprintf(year, sizeof year, "%d年度", o->year);
    sb_printf(b, "; report.ini — %s%s县域义务教育均衡发展工作情况报告的配置（junheng init 生成）\n",
              o->county ? o->county : "", year);
    sb_puts(b, ";\n"
               "; 以 ; 开头的行是注释。形如 \"; 键 = 值\" 的行是可选设置：删去行首的 \"; \" 才生效，\n"
               "; 不写时用注释里的默认值。标【必填】的键必须填写。\n"
               ";\n"
               "; 接下来：\n"
               ";   1. 在 schools.xlsx 中每个学校（学段）填一行（第二张表“填表说明”解释每一列）；\n"
               ";   2. 在本文件中填好本省的办学基本标准（[standard.primary] 和 [standard.middle]）；\n"
               ";   3. 在 practices.md 中写本县自己的做法、困难和打算；\n"
               ";   4. 运行 junheng check -c report.ini 检查（每个问题都指明文件、行或单元格），\n"
               ";      然后 junheng report -c report.ini 生成报告。\n");
    for (size_t s = 0; s < jh_config_nsections; s++) {
        const jh_section *sec = &jh_config_sections[s];
        sb_printf(b, "\n; ==== %s：%s\n", sec->label, _(sec->help));
        if (!strncmp(sec->name, "standard.", 9))
            sb_puts(b, "; 这些数值必须取自本省的《义务教育学校办学基本标准》，junheng 不预设任何省份的标准。\n");
        sb_printf(b, "[%s]\n", sec->name);
        for (size_t i = 0; i < jh_config_nkeys; i++) {
            const jh_key *k = &jh_config_keys[i];
            if (strcmp(k->section, sec->name)) continue;
            if (k->type == JH_KEY_FREE) {
                sb_printf(b, "; %s：%s\n; 例如：left_behind_children = 1200\n", k->label, _(k->help));
                continue;
            }
            key_comment(b, k);
            char buf[32];
            const char *v = given(o, k->section, k->key, buf, sizeof buf);
            if (v) sb_printf(b, "%s = %s\n", k->key, v);
            else if (k->flags & JH_KEY_REQUIRED) sb_printf(b, "%s =\n", k->key);
            else if (*k->def && !(k->flags & JH_KEY_DERIVED)) sb_printf(b, "; %s = %s\n", k->key, k->def);
            else sb_printf(b, "; %s =\n", k->key);
        }
    }
}

/* ---- practices.md -------------------------------------------------------- */

/* The county's own words, one section per heading the shipped report
 * template includes.  Each section holds only a note (never printed), so
 * the report refuses to go out until the county has written it. */
static const char *const practices_sections[][2] = {
    {"主要做法", "本县推进义务教育均衡发展的主要做法，如：（一）把义务教育放在优先位置；（二）改善办学条件……"},
    {"主要困难", "目前存在的主要困难和问题。"},
    {"下一步工作打算", "下一步的工作打算。"},
};

static void practices_text(strbuf *b, const app_init_opts *o)
{
    sb_printf(b, "<!--\n"
                 "  %s — 本县自己的话：主要做法、主要困难、下一步工作打算。（junheng init 生成）\n"
                 "\n"
                 "  报告中的数字都由 junheng 从 schools.xlsx 和 report.ini 算出；本县做了什么、\n"
                 "  还有什么困难、下一步怎么做，只有本县能写。报告模板按标题逐节引用这里的内容：\n"
                 "  {{> practices.主要做法}} 印出标题为“# 主要做法”的一节。\n"
                 "\n"
                 "  写法：\n"
                 "  - 每节以一级标题开头（# 主要做法），标题不要改；\n"
                 "  - 正文是普通的 Markdown 段落；段首加粗即为段落标题：**（一）标题。**正文；\n"
                 "    单独一行的 ## （一）标题 是下一级标题；\n"
                 "  - 数字可以直接写，也可以写成 {{narrative.键}}，在 report.ini 的 [narrative] 中给出；\n"
                 "  - 像这样夹在注释符号之间的文字不会印出。\n"
                 "\n"
                 "  每一节都必须写：某节只有注释时，junheng report 会报错并指出是哪一节。\n"
                 "-->\n",
              o->county ? o->county : "本县");
    for (size_t i = 0; i < sizeof practices_sections / sizeof practices_sections[0]; i++)
        sb_printf(b, "\n# %s\n\n<!-- 在这里写%s -->\n", practices_sections[i][0], practices_sections[i][1]);
}

/* ---- the folder ------------------------------------------------------------ */

static int write_text(const char *path, const strbuf *b, diag_list *dl)
{
    outfile o;
    if (outfile_open(&o, path, dl) != 0) return -1;
    if (fwrite(sb_str(b), 1, b->len, o.f) != b->len) {
        diag_error(dl, path, 0, 0, _("cannot write: %s"), strerror(errno));
        outfile_abort(&o);
        return -1;
    }
    return outfile_commit(&o, dl);
}

int app_init(const char *dir, const app_init_opts *o, diag_list *dl)
{
    char *path[NMADE];
    int bad = 0;
    for (size_t i = 0; i < NMADE; i++) {
        path[i] = xasprintf("%s/%s", dir, made[i]);
        struct stat st;
        if (lstat(path[i], &st) == 0) {
            diag_hint(diag_error(dl, path[i], 0, 0, _("already exists; junheng init never replaces a file")),
                      _("give a new or empty folder, or move the file away first"));
            bad = 1;
        }
    }
    size_t done = 0;
    if (!bad) {
        strbuf b = STRBUF_INIT;
        ini_text(&b, o);
        bad = write_text(path[0], &b, dl) != 0;
        if (!bad) done++;
        sb_reset(&b);
        practices_text(&b, o);
        if (!bad) bad = write_text(path[1], &b, dl) != 0;
        if (!bad) done++;
        sb_free(&b);
        if (!bad) bad = schools_template_write(path[2], o->quality, dl) != 0;
        if (!bad) done++;
    }
    /* All or nothing: what this run made goes again if a later file failed. */
    if (bad)
        for (size_t i = 0; i < done; i++) unlink(path[i]);
    for (size_t i = 0; i < NMADE; i++) free(path[i]);
    return bad ? -1 : 0;
}
