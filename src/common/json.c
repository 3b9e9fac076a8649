/* json — see json.h.  yajl does the nesting checks and the escaping; this
 * file adds junheng's number form, null for undefined, and line breaks. */
#include "common/json.h"
#include "common/num.h"
#include "common/xalloc.h"

#include <yajl/yajl_gen.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* yajl prints in pieces of a few bytes ("\"", ",", ":"); they are
 * gathered here and handed to the sink in blocks of this size. */
#define BLOCK 16384
#define NSEEN 64

struct json_writer {
    yajl_gen g;
    json_sink sink;
    void *ud;
    const char *pending;   /* a break to write before the next token */
    int failed;
    int depth;             /* yajl checks the nesting but not that a } closes a { */
    char open[128];        /* yajl's own limit on depth */
    size_t len;
    char buf[BLOCK];
    /* Numbers recently written, by their bits: the same thresholds and
     * limits recur in every school, and formatting is most of the cost. */
    struct { uint64_t bits; unsigned char len; char s[NUM_SHORTEST]; } seen[NSEEN];
};

static void put(json_writer *w, const char *s, size_t n)
{
    if (w->len + n > BLOCK) {
        json_flush(w);
        if (n > BLOCK) { w->sink(w->ud, s, n); return; }
    }
    memcpy(w->buf + w->len, s, n);
    w->len += n;
}

void json_flush(json_writer *w)
{
    if (w->len) w->sink(w->ud, w->buf, w->len);
    w->len = 0;
}

/* yajl prints a separating comma as a piece of its own, before the token
 * it separates: hold a pending break until the token itself. */
static void print_cb(void *ctx, const char *s, size_t n)
{
    json_writer *w = ctx;
    if (!w->pending && n <= 8 && w->len + n <= BLOCK) {   /* most pieces: a quote, a comma, a word */
        char *o = w->buf + w->len;
        for (size_t i = 0; i < n; i++) o[i] = s[i];
        w->len += n;
        return;
    }
    if (w->pending && !(n == 1 && s[0] == ',')) {
        put(w, w->pending, strlen(w->pending));
        w->pending = NULL;
    }
    put(w, s, n);
}

static void file_sink(void *ud, const char *s, size_t n) { fwrite(s, 1, n, (FILE *)ud); }

/* yajl allocates through ours, so running out of memory ends the same way
 * everywhere. */
static void *y_malloc(void *ctx, size_t n) { (void)ctx; return xmalloc(n); }
static void *y_realloc(void *ctx, void *p, size_t n) { (void)ctx; return xrealloc(p, n); }
static void y_free(void *ctx, void *p) { (void)ctx; free(p); }

json_writer *json_new(json_sink sink, void *ud)
{
    static const yajl_alloc_funcs af = {y_malloc, y_realloc, y_free, NULL};
    json_writer *w = xmalloc(sizeof *w);
    memset(w, 0, offsetof(json_writer, buf));
    for (int i = 0; i < NSEEN; i++) w->seen[i].len = 0;
    w->sink = sink;
    w->ud = ud;
    w->g = yajl_gen_alloc(&af);
    yajl_gen_config(w->g, yajl_gen_print_callback, print_cb, w);
    yajl_gen_config(w->g, yajl_gen_validate_utf8, 1);
    return w;
}

json_writer *json_new_file(FILE *out) { return json_new(file_sink, out); }

static void strbuf_sink(void *ud, const char *s, size_t n) { sb_add(ud, s, n); }
json_writer *json_new_strbuf(strbuf *b) { return json_new(strbuf_sink, b); }

static void check(json_writer *w, yajl_gen_status st)
{
    if (st != yajl_gen_status_ok) w->failed = 1;
}

int json_finish(json_writer *w)
{
    if (w->pending) {
        put(w, w->pending, strlen(w->pending));
        w->pending = NULL;
    }
    json_flush(w);
    /* Complete means every bracket closed: yajl then refuses another value. */
    if (!w->failed && yajl_gen_null(w->g) != yajl_gen_generation_complete) w->failed = 1;
    return w->failed ? -1 : 0;
}

void json_free(json_writer *w)
{
    if (!w) return;
    yajl_gen_free(w->g);
    free(w);
}

#define GUARD(w) do { if ((w)->failed) return; } while (0)

static void push(json_writer *w, char c)
{
    if (w->depth == (int)sizeof w->open) { w->failed = 1; return; }
    w->open[w->depth++] = c;
}

static int pop(json_writer *w, char c)
{
    if (w->depth == 0 || w->open[w->depth - 1] != c) { w->failed = 1; return -1; }
    w->depth--;
    return 0;
}

void json_obj(json_writer *w) { GUARD(w); check(w, yajl_gen_map_open(w->g)); push(w, '{'); }
void json_arr(json_writer *w) { GUARD(w); check(w, yajl_gen_array_open(w->g)); push(w, '['); }
void json_obj_end(json_writer *w)
{
    GUARD(w);
    if (pop(w, '{') == 0) check(w, yajl_gen_map_close(w->g));
}
void json_arr_end(json_writer *w)
{
    GUARD(w);
    if (pop(w, '[') == 0) check(w, yajl_gen_array_close(w->g));
}
void json_null(json_writer *w) { GUARD(w); check(w, yajl_gen_null(w->g)); }

void json_str(json_writer *w, const char *s)
{
    GUARD(w);
    if (!s) { json_null(w); return; }
    check(w, yajl_gen_string(w->g, (const unsigned char *)s, strlen(s)));
}

void json_key(json_writer *w, const char *key)
{
    GUARD(w);
    /* yajl takes any string where a key is due; a key where a value is due
     * would pass as a string value, so keys are not NULL. */
    if (!key) { w->failed = 1; return; }
    json_str(w, key);
}

void json_num(json_writer *w, double x)
{
    GUARD(w);
    if (!isfinite(x)) { json_null(w); return; }
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    unsigned h = (unsigned)((bits * 0x9E3779B97F4A7C15ULL) >> 58);   /* 6 bits: NSEEN */
    if (!w->seen[h].len || w->seen[h].bits != bits) {
        num_shortest(w->seen[h].s, x);
        w->seen[h].bits = bits;
        w->seen[h].len = (unsigned char)strlen(w->seen[h].s);
    }
    check(w, yajl_gen_number(w->g, w->seen[h].s, w->seen[h].len));
}

void json_int(json_writer *w, long long v)
{
    GUARD(w);
    check(w, yajl_gen_integer(w->g, v));
}

void json_bool(json_writer *w, int v)
{
    GUARD(w);
    if (v < 0) json_null(w);
    else check(w, yajl_gen_bool(w->g, v));
}

void json_break(json_writer *w, const char *ws) { w->pending = ws; }

void json_kstr(json_writer *w, const char *key, const char *s) { json_key(w, key); json_str(w, s); }
void json_knum(json_writer *w, const char *key, double x) { json_key(w, key); json_num(w, x); }
void json_kint(json_writer *w, const char *key, long long v) { json_key(w, key); json_int(w, v); }
void json_kbool(json_writer *w, const char *key, int v) { json_key(w, key); json_bool(w, v); }
