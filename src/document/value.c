/*
 * value — see value.h.
 *
 * Lists and maps are plain arrays: a template context holds a few hundred
 * figures at most, and a linear key search keeps insertion order for free.
 */
#include "document/value.h"
#include "common/strbuf.h"
#include "common/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct tv_value {
    tv_kind kind;
    int flag;              /* bool: the value; string: raw */
    char *s;               /* string */
    size_t n;              /* list/map: entries used */
    int cap;
    tv_value **items;      /* list/map values */
    char **keys;           /* map keys, parallel to items */
};

static tv_value *new_value(tv_kind k)
{
    tv_value *v = xcalloc(1, sizeof *v);
    v->kind = k;
    return v;
}

tv_value *tv_stringn(const char *s, size_t n)
{
    tv_value *v = new_value(TV_STRING);
    v->s = xstrndup(s, n);
    return v;
}

tv_value *tv_string(const char *s) { return tv_stringn(s, strlen(s)); }

tv_value *tv_raw(const char *s)
{
    tv_value *v = tv_string(s);
    v->flag = 1;
    return v;
}

tv_value *tv_bool(int yes)
{
    tv_value *v = new_value(TV_BOOL);
    v->flag = yes != 0;
    return v;
}

tv_value *tv_list(void) { return new_value(TV_LIST); }
tv_value *tv_map(void) { return new_value(TV_MAP); }

void tv_free(tv_value *v)
{
    if (!v) return;
    for (size_t i = 0; i < v->n; i++) {
        tv_free(v->items[i]);
        if (v->keys) free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
    free(v->s);
    free(v);
}

/* A misuse of the API is a bug in junheng, not a user error: stop loudly. */
static void misuse(const char *what, const char *key)
{
    fprintf(stderr, "junheng: internal error: %s%s%s%s\n", what,
            key ? " \"" : "", key ? key : "", key ? "\"" : "");
    abort();
}

static int key_ok(const char *k)
{
    if (!*k) return 0;
    for (; *k; k++)
        if (*k == '.' || *k == '{' || *k == '}' || *k == ' ' || *k == '\t' ||
            *k == '\n' || *k == '\r')
            return 0;
    return 1;
}

static size_t find_key(const tv_value *map, const char *key, size_t n)
{
    for (size_t i = 0; i < map->n; i++)
        if (strncmp(map->keys[i], key, n) == 0 && map->keys[i][n] == '\0') return i;
    return (size_t)-1;
}

static void append(tv_value *c, char *key, tv_value *v)
{
    if (c->n == (size_t)c->cap) {
        int need = c->cap ? c->cap * 2 : 8;
        c->items = xrealloc(c->items, (size_t)need * sizeof *c->items);
        if (c->kind == TV_MAP) c->keys = xrealloc(c->keys, (size_t)need * sizeof *c->keys);
        c->cap = need;
    }
    c->items[c->n] = v;
    if (key) c->keys[c->n] = key;
    c->n++;
}

tv_value *tv_map_set(tv_value *map, const char *key, tv_value *v)
{
    if (!map || map->kind != TV_MAP) misuse("tv_map_set on a non-map, key", key);
    if (!v) misuse("tv_map_set with a NULL value, key", key);
    if (!key_ok(key)) misuse("bad template key", key);
    size_t i = find_key(map, key, strlen(key));
    if (i != (size_t)-1) {
        tv_free(map->items[i]);
        map->items[i] = v;
    } else {
        append(map, xstrdup(key), v);
    }
    return v;
}

tv_value *tv_map_str(tv_value *map, const char *key, const char *s)
{
    return tv_map_set(map, key, tv_string(s));
}

tv_value *tv_list_push(tv_value *list, tv_value *v)
{
    if (!list || list->kind != TV_LIST) misuse("tv_list_push on a non-list", NULL);
    if (!v) misuse("tv_list_push with a NULL value", NULL);
    append(list, NULL, v);
    return v;
}

tv_kind tv_kind_of(const tv_value *v) { return v->kind; }
const char *tv_str(const tv_value *v) { return v && v->kind == TV_STRING ? v->s : NULL; }
int tv_is_raw(const tv_value *v) { return v && v->kind == TV_STRING && v->flag; }
int tv_yes(const tv_value *v) { return v && v->kind == TV_BOOL && v->flag; }

int tv_truthy(const tv_value *v)
{
    if (!v) return 0;
    switch (v->kind) {
    case TV_STRING: return v->s[0] != '\0';
    case TV_BOOL: return v->flag;
    case TV_LIST: return v->n > 0;
    case TV_MAP: return 1;
    }
    return 0;
}

size_t tv_count(const tv_value *v)
{
    return v && (v->kind == TV_LIST || v->kind == TV_MAP) ? v->n : 0;
}

const tv_value *tv_at(const tv_value *v, size_t i) { return i < tv_count(v) ? v->items[i] : NULL; }

const char *tv_key_at(const tv_value *map, size_t i)
{
    return map && map->kind == TV_MAP && i < map->n ? map->keys[i] : NULL;
}

const tv_value *tv_getn(const tv_value *map, const char *key, size_t n)
{
    if (!map || map->kind != TV_MAP) return NULL;
    size_t i = find_key(map, key, n);
    return i == (size_t)-1 ? NULL : map->items[i];
}

const tv_value *tv_get(const tv_value *map, const char *key)
{
    return tv_getn(map, key, strlen(key));
}

const tv_value *tv_lookup(const tv_value *v, const char *path)
{
    if (!v) return NULL;
    if (path[0] == '\0' || strcmp(path, ".") == 0) return v;
    const char *p = path;
    for (;;) {
        const char *dot = strchr(p, '.');
        size_t n = dot ? (size_t)(dot - p) : strlen(p);
        v = tv_getn(v, p, n);
        if (!v || !dot) return v;
        p = dot + 1;
    }
}

/* ---- leaf listing ---- */

typedef struct walk {
    tv_leaf_fn fn;
    void *ud;
    char **seen;       /* paths already reported */
    int nseen, cap;
} walk;

static void report(walk *w, const char *path, const tv_value *v)
{
    for (int i = 0; i < w->nseen; i++)
        if (strcmp(w->seen[i], path) == 0) return;
    XGROW(w->seen, w->cap, w->nseen + 1);
    w->seen[w->nseen++] = xstrdup(path);
    w->fn(path, v, w->ud);
}

static void walk_value(walk *w, strbuf *path, const tv_value *v)
{
    size_t keep = path->len;
    switch (v->kind) {
    case TV_STRING:
    case TV_BOOL:
        report(w, sb_str(path), v);
        break;
    case TV_LIST:
        sb_puts(path, "[]");
        report(w, sb_str(path), v);
        for (size_t i = 0; i < v->n; i++) walk_value(w, path, v->items[i]);
        break;
    case TV_MAP:
        for (size_t i = 0; i < v->n; i++) {
            if (path->len > 0) sb_putc(path, '.');
            sb_puts(path, v->keys[i]);
            walk_value(w, path, v->items[i]);
            path->len = keep;
            if (path->s) path->s[keep] = '\0';
        }
        break;
    }
    path->len = keep;
    if (path->s) path->s[keep] = '\0';
}

void tv_leaves(const tv_value *root, tv_leaf_fn fn, void *ud)
{
    if (!root) return;
    walk w = {fn, ud, NULL, 0, 0};
    strbuf path = STRBUF_INIT;
    walk_value(&w, &path, root);
    for (int i = 0; i < w.nseen; i++) free(w.seen[i]);
    free(w.seen);
    sb_free(&path);
}
