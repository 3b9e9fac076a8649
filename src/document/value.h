/*
 * value — the tree of values a template is expanded against.
 *
 * A value is a string, a yes/no flag, a list or a map.  Maps keep their keys
 * in insertion order, so listings and documentation come out in the order the
 * figures were built.  Numbers arrive here already formatted at display
 * precision (num_format); this module never formats.  A string may be marked
 * raw: the template engine then inserts it without Markdown escaping (for
 * text that is Markdown on purpose, e.g. a sentence with emphasis).
 *
 * Ownership: every constructor returns a new value owned by the caller;
 * tv_map_set and tv_list_push take ownership of the value they are given;
 * tv_free frees a value and everything under it.  Lookups return borrowed
 * pointers that live as long as the tree.
 *
 * Keys are non-empty and contain no '.', '{' '}' or white space, because a
 * dotted path ("primary.balance.books.cv") walks maps one key at a time.
 */
#ifndef JH_VALUE_H
#define JH_VALUE_H

#include <stddef.h>

typedef enum { TV_STRING, TV_BOOL, TV_LIST, TV_MAP } tv_kind;

typedef struct tv_value tv_value;

tv_value *tv_string(const char *s);           /* copies s; escaped when inserted */
tv_value *tv_stringn(const char *s, size_t n);
tv_value *tv_raw(const char *s);              /* copies s; inserted as Markdown */
tv_value *tv_bool(int yes);
tv_value *tv_list(void);
tv_value *tv_map(void);
void tv_free(tv_value *v);                    /* NULL is fine */

/* Set key in map to v (taking v); an existing entry of that key is freed and
 * replaced in place.  Returns v.  Aborts on a bad key or a non-map. */
tv_value *tv_map_set(tv_value *map, const char *key, tv_value *v);
/* Shorthand: tv_map_set(map, key, tv_string(s)). */
tv_value *tv_map_str(tv_value *map, const char *key, const char *s);
/* Append v (taking it) to list.  Returns v. */
tv_value *tv_list_push(tv_value *list, tv_value *v);

tv_kind tv_kind_of(const tv_value *v);
const char *tv_str(const tv_value *v);        /* the string, or NULL if not a string */
int tv_is_raw(const tv_value *v);
int tv_yes(const tv_value *v);                /* a bool's value; 0 for other kinds */
/* Truth as a template section sees it: false, "" and [] are false. */
int tv_truthy(const tv_value *v);

/* Entries of a list or map (0 for other kinds), and the i-th of them. */
size_t tv_count(const tv_value *v);
const tv_value *tv_at(const tv_value *v, size_t i);
const char *tv_key_at(const tv_value *map, size_t i);   /* NULL unless a map */

/* One key of a map (NULL if absent or v is not a map); n bytes of key. */
const tv_value *tv_get(const tv_value *map, const char *key);
const tv_value *tv_getn(const tv_value *map, const char *key, size_t n);
/* Walk a dotted path from v: "primary.balance.books.cv".  NULL if any step
 * is missing or walks into a non-map.  "" or "." is v itself. */
const tv_value *tv_lookup(const tv_value *v, const char *path);

/*
 * Every leaf of the tree with its path, in tree order, for `junheng figures`
 * and the README check.  Leaves are strings and flags; a list is reported
 * too (as "name[]", with the list as value, so empty lists are documented)
 * and its items' leaves follow as "name[].field" ("name[]" again for lists
 * of strings, reported once).  Each path is reported once, with the first
 * value found; a map is a path prefix only.
 */
typedef void (*tv_leaf_fn)(const char *path, const tv_value *v, void *ud);
void tv_leaves(const tv_value *root, tv_leaf_fn fn, void *ud);

#endif
