/*
 * fuzz_template — libFuzzer harness for document/template.
 *
 * Each input is used twice:
 *   1. as a template, expanded against a small report-like context: it must
 *      not crash, leak or hit undefined behaviour; it returns text exactly
 *      when it reports no error; every diagnostic has a place inside the
 *      input; a text without "{{" comes back unchanged.
 *   2. as a value (when it is UTF-8), escaped into a Markdown context chosen
 *      by its first byte: cmark-gfm must see the same tree as for a plain
 *      word, and the value's own text (control characters as spaces).
 * Any broken promise aborts, which libFuzzer reports as a crash.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/strbuf.h"
#include "common/utf8.h"
#include "document/template.h"
#include "md_shape.h"

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "broken promise: %s (line %d)\n", #c, __LINE__); abort(); } } while (0)

static tv_value *context(void)
{
    tv_value *m = tv_map();
    tv_map_str(m, "county", "通道侗族自治县");
    tv_map_str(m, "year", "2019");
    tv_map_str(m, "empty", "");
    tv_map_set(m, "yes", tv_bool(1));
    tv_map_set(m, "no", tv_bool(0));
    tv_map_set(m, "md", tv_raw("**粗**"));
    tv_value *p = tv_map_set(m, "primary", tv_map());
    tv_map_str(p, "cv", "0.380");
    tv_map_str(p, "name", "小*学_|");
    tv_value *l = tv_map_set(m, "schools", tv_list());
    for (int i = 0; i < 3; i++) {
        tv_value *s = tv_list_push(l, tv_map());
        tv_map_str(s, "name", i == 1 ? "- 1. [x]" : "金殿小学");
        tv_value *miss = tv_map_set(s, "missing", tv_list());
        for (int k = 0; k < i; k++) tv_list_push(miss, tv_string("生均图书"));
    }
    tv_map_set(m, "none", tv_list());
    return m;
}

static void fuzz_as_template(const char *text, size_t len)
{
    static const char *const blocks[] = {"balance_table", "balance_chart", NULL};
    template_opts opts = {blocks};
    tv_value *ctx = context();
    diag_list dl;
    diag_init(&dl);
    char *out = template_expand(text, len, "f.md", ctx, &opts, &dl);
    CHECK((out != NULL) == (dl.errors == 0));
    CHECK(out || dl.n > 0);
    int lines = 1;
    for (size_t i = 0; i < len; i++) lines += text[i] == '\n';
    for (int i = 0; i < dl.n; i++) {
        CHECK(strcmp(dl.items[i].file, "f.md") == 0);
        CHECK(dl.items[i].line >= 1 && dl.items[i].line <= lines);
        CHECK(dl.items[i].col >= 1 && (size_t)dl.items[i].col <= len + 1);
        CHECK(dl.items[i].msg[0] != '\0');
    }
    if (out && !memmem(text, len, "{{", 2)) {
        size_t bom = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        CHECK(strlen(out) == len - bom && memcmp(out, text + bom, len - bom) == 0);
    }
    free(out);
    diag_free(&dl);
    tv_free(ctx);
}

static const char *const contexts[] = {
    "{{v}}\n", "段落\n{{v}}\n", "# {{v}}\n", "- {{v}}\n", "> {{v}}\n",
    "| 学校 | 指标 |\n|---|---|\n| {{v}} | 1 |\n", "**{{v}}**\n", "前{{v}}后\n",
};

static char *expand_with(const char *ctxt, const char *v)
{
    tv_value *m = tv_map();
    tv_map_str(m, "v", v);
    diag_list dl;
    diag_init(&dl);
    char *out = template_expand(ctxt, strlen(ctxt), "f.md", m, NULL, &dl);
    CHECK(out != NULL);
    diag_free(&dl);
    tv_free(m);
    return out;
}

static void fuzz_as_value(const char *data, size_t len)
{
    if (len < 2 || !utf8_valid(data + 1, len - 1) || memchr(data, '\0', len)) return;
    const char *ctxt = contexts[(unsigned char)data[0] % (sizeof contexts / sizeof contexts[0])];
    char *v = strndup(data + 1, len - 1);
    char *a = expand_with(ctxt, "X"), *b = expand_with(ctxt, v);
    strbuf sa = STRBUF_INIT, ta = STRBUF_INIT, sb = STRBUF_INIT, tb = STRBUF_INIT, want = STRBUF_INIT;
    md_shape(a, &sa, &ta);
    md_shape(b, &sb, &tb);
    for (const char *t = sb_str(&ta); *t; t++) {
        if (*t != 'X') { sb_putc(&want, *t); continue; }
        for (const char *c = v; *c; c++)
            sb_putc(&want, ((unsigned char)*c < ' ' && *c != '\t') || *c == 0x7F ? ' ' : *c);
    }
    if (strcmp(sb_str(&sa), sb_str(&sb)) != 0 || strcmp(sb_str(&want), sb_str(&tb)) != 0) {
        fprintf(stderr, "value changed the Markdown\n  markdown: %s\n  shape: %s\n  want:  %s\n"
                        "  text: [%s]\n  want: [%s]\n",
                b, sb_str(&sb), sb_str(&sa), sb_str(&tb), sb_str(&want));
        abort();
    }
    sb_free(&sa); sb_free(&ta); sb_free(&sb); sb_free(&tb); sb_free(&want);
    free(a); free(b); free(v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_as_template((const char *)data, size);
    fuzz_as_value((const char *)data, size);
    return 0;
}
