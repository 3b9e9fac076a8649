/*
 * ini — the report's INI configuration: syntax, sections, keys and values
 * with their lines (see ini.h).
 *
 * The file is read as it really comes from Notepad and WPS: UTF-8 with or
 * without a byte-order mark, or GB18030 (common/textenc.h); UTF-16 is refused
 * with a hint.  A line is `[section]`, `key = value`, a comment (`;` or `#`),
 * or blank.  A value may be quoted ("..." or '...', kept verbatim) and may
 * end in a comment that starts with ` ;` or ` #`; a value ending in `\`
 * continues on the next line, whose leading blanks are dropped (Chinese
 * prose needs no space at the join), with no limit on the total.
 *
 * What a Chinese input method slips in is read as meant, with a warning
 * naming the line: a full-width ＝ (or a `：`/`:` where no `=` is) between
 * key and value, and ［section］ in full-width brackets.
 */
#include "input/ini.h"
#include "common/i18n.h"
#include "common/fileio.h"
#include "common/num.h"
#include "common/strbuf.h"
#include "common/textenc.h"
#include "common/utf8.h"
#include "common/xalloc.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct ini_key {
    char *section, *key;   /* lowercased */
    char *value;           /* as meant: unquoted, comment and continuations resolved */
    int line;              /* where the key is (the first line of a continued value) */
} ini_key;

typedef struct ini_sec {
    char *name;            /* lowercased */
    int line;
} ini_sec;

struct jh_ini {
    char *path, *dir;
    ini_key *keys;
    int nkeys, capkeys;
    ini_sec *secs;
    int nsecs, capsecs;
    char ***keylists;      /* arrays handed out by ini_section_keys */
    int nlists, caplists;
};

static char *lower_dup(const char *s, size_t n)
{
    char *r = xstrndup(s, n);
    for (char *p = r; *p; p++) *p = (char)tolower((unsigned char)*p);
    return r;
}

static void trim(const char **s, size_t *n)
{
    while (*n && isspace((unsigned char)**s)) { (*s)++; (*n)--; }
    while (*n && isspace((unsigned char)(*s)[*n - 1])) (*n)--;
}

static ini_sec *find_sec(const jh_ini *ini, const char *name)
{
    for (int i = 0; i < ini->nsecs; i++)
        if (!strcmp(ini->secs[i].name, name)) return &ini->secs[i];
    return NULL;
}

static void add_sec(jh_ini *ini, const char *name, int line)
{
    if (find_sec(ini, name)) return;
    XGROW(ini->secs, ini->capsecs, ini->nsecs + 1);
    ini->secs[ini->nsecs++] = (ini_sec){xstrdup(name), line};
}

static ini_key *find_key(const jh_ini *ini, const char *sec, const char *key)
{
    for (int i = 0; i < ini->nkeys; i++)
        if (!strcmp(ini->keys[i].section, sec) && !strcmp(ini->keys[i].key, key))
            return &ini->keys[i];
    return NULL;
}

/* The first occurrence of needle (n bytes) in s[0..len), or NULL. */
static const char *find(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (!memcmp(s + i, needle, n)) return s + i;
    return NULL;
}

/* Where the key ends and the value starts on line s[0..n): an '=', else a
 * full-width '＝', else (when what precedes it looks like a key) a ':' or
 * '：'.  *seplen gets the separator's length, *odd the character when it
 * was not '='.  NULL when there is none. */
static const char *separator(const char *s, size_t n, size_t *seplen, const char **odd)
{
    const char *eq = memchr(s, '=', n);
    *odd = NULL;
    if (eq) { *seplen = 1; return eq; }
    static const char *const others[] = {"＝", "：", ":"};
    for (int i = 0; i < 3; i++) {
        const char *p = find(s, n, others[i]);
        if (!p) continue;
        if (i > 0) {   /* a colon only after a plain key: "county：样本县" */
            const char *k = s;
            size_t kn = (size_t)(p - s);
            trim(&k, &kn);
            if (!kn || strspn(k, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") < kn)
                continue;
        }
        *seplen = strlen(others[i]);
        *odd = others[i];
        return p;
    }
    return NULL;
}

/* The value as meant from the raw text after the separator: blanks trimmed,
 * quotes removed, a trailing " ; comment" dropped. */
static char *clean_value(const char *v, size_t n)
{
    trim(&v, &n);
    if (n >= 2 && (v[0] == '"' || v[0] == '\'')) {
        const char *close = memchr(v + 1, v[0], n - 1);
        if (close) return xstrndup(v + 1, (size_t)(close - v - 1));
    }
    for (size_t i = 0; i < n; i++)
        if ((v[i] == ';' || v[i] == '#') && (i == 0 || v[i - 1] == ' ' || v[i - 1] == '\t')) {
            n = i;
            break;
        }
    trim(&v, &n);
    return xstrndup(v, n);
}

typedef struct line_t { const char *s; size_t n; int no; } line_t;

/* Next line of text (trimmed), continuation lines joined into *joined
 * (then s points into it).  0 at the end. */
static int next_line(const char **p, const char *end, int *lineno, strbuf *joined, line_t *out)
{
    if (*p >= end) return 0;
    sb_reset(joined);
    int first = *lineno + 1, continued = 0;
    for (;;) {
        const char *nl = memchr(*p, '\n', (size_t)(end - *p));
        const char *le = nl ? nl : end;
        const char *s = *p;
        size_t n = (size_t)(le - s);
        *p = nl ? nl + 1 : end;
        (*lineno)++;
        trim(&s, &n);
        int more = n > 0 && s[n - 1] == '\\' && *p < end;
        if (!more && !continued) { *out = (line_t){s, n, first}; return 1; }
        sb_add(joined, s, more ? n - 1 : n);
        continued = 1;
        if (!more) break;
    }
    *out = (line_t){sb_str(joined), joined->len, first};
    return 1;
}

/* A section header s[0..n) (starting with '[' or '［').  0, or -1 after an error. */
static int section_line(jh_ini *ini, line_t L, char **section, diag_list *dl)
{
    const char *s = L.s;
    size_t n = L.n;
    int wide = !strncmp(s, "［", 3);
    size_t open = wide ? 3 : 1;
    const char *close = wide ? find(s, n, "］") : memchr(s, ']', n);
    if (!close) {
        diag_hint(diag_error(dl, ini->path, L.no, 1, _("section header without closing ']'")),
                  _("write it as [section]"));
        return -1;
    }
    size_t after = (size_t)(close - s) + (wide ? 3 : 1);
    const char *rest = s + after;
    size_t rn = n - after;
    trim(&rest, &rn);
    if (rn && *rest != ';' && *rest != '#') {
        diag_hint(diag_error(dl, ini->path, L.no, (int)utf8_len(s, after) + 1,
                             _("text after the section header's ']'")),
                  _("put a comment on a line of its own"));
        return -1;
    }
    if (wide)
        diag_hint(diag_warning(dl, ini->path, L.no, 1, _("full-width brackets ［］ read as [ ]")),
                  _("switch the input method to half-width when typing [section]"));
    const char *nm = s + open;
    size_t nn = (size_t)(close - nm);
    trim(&nm, &nn);
    free(*section);
    *section = lower_dup(nm, nn);
    add_sec(ini, *section, L.no);
    return 0;
}

/* A key = value line.  0, or -1 after an error. */
static int key_line(jh_ini *ini, line_t L, const char *section, diag_list *dl)
{
    size_t seplen;
    const char *odd;
    const char *eq = separator(L.s, L.n, &seplen, &odd);
    if (!eq || eq == L.s) {
        diag_hint(diag_error(dl, ini->path, L.no, 1,
                             eq ? _("'=' without a key before it") : _("line is neither [section], key = value nor a comment")),
                  _("write key = value, start a comment with ';' or '#'"));
        return -1;
    }
    if (!section) {
        diag_hint(diag_error(dl, ini->path, L.no, 1, _("key outside any [section]")),
                  _("put a [section] line above it, e.g. [report]"));
        return -1;
    }
    const char *k = L.s;
    size_t kn = (size_t)(eq - L.s);
    trim(&k, &kn);
    if (odd)
        diag_hint(diag_warning(dl, ini->path, L.no, (int)utf8_len(L.s, (size_t)(eq - L.s)) + 1,
                               _("'%s' between key and value read as '='"), odd),
                  _("write key = value with a half-width '='"));
    char *key = lower_dup(k, kn);
    char *value = clean_value(eq + seplen, L.n - (size_t)(eq + seplen - L.s));
    ini_key *old = find_key(ini, section, key);
    if (old) {
        diag_hint(diag_warning(dl, ini->path, L.no, 0,
                               _("[%s] %s is set twice (also on line %d); this later value is used"),
                               section, key, old->line),
                  _("delete one of the two lines"));
        old->line = L.no;
        free(old->value);
        old->value = value;
        free(key);
        return 0;
    }
    XGROW(ini->keys, ini->capkeys, ini->nkeys + 1);
    ini->keys[ini->nkeys++] = (ini_key){xstrdup(section), key, value, L.no};
    return 0;
}

/* Read every line.  Returns the number of errors added. */
static int parse(jh_ini *ini, const char *text, size_t len, diag_list *dl)
{
    int errors = 0, lineno = 0;
    char *section = NULL;
    strbuf joined = STRBUF_INIT;
    const char *p = text, *end = text + len;
    line_t L;
    while (next_line(&p, end, &lineno, &joined, &L)) {
        if (L.n == 0 || *L.s == ';' || *L.s == '#') continue;
        if (*L.s == '[' || !strncmp(L.s, "［", 3)) errors += section_line(ini, L, &section, dl) != 0;
        else errors += key_line(ini, L, section, dl) != 0;
    }
    sb_free(&joined);
    free(section);
    return errors;
}

jh_ini *ini_load(const char *path, diag_list *dl)
{
    size_t len = 0;
    char *bytes = file_read(path, _("the configuration"), FILE_CAP_INI, &len, dl);
    if (!bytes) {
        diag_hint(diag_last(dl), _("check the path given with -c"));
        return NULL;
    }
    size_t bad, tlen;
    text_encoding enc;
    char *text = text_decode(bytes, len, &tlen, &enc, &bad);
    if (!text) {
        if (enc == TEXT_UTF16)
            diag_hint(diag_error(dl, path, 1, 0, _("the file is UTF-16 (\"Unicode\" in Notepad), which junheng does not read")),
                      _("save it again as UTF-8 (in Notepad: Save as, Encoding UTF-8) or as ANSI"));
        else {
            int line = 1;
            for (size_t i = 0; i < bad && i < len; i++) line += bytes[i] == '\n';
            diag_hint(diag_error(dl, path, line, 0, _("the file is neither UTF-8 nor GB18030 (bad byte 0x%02X)"),
                                 (unsigned char)bytes[bad < len ? bad : 0]),
                      _("open it in Notepad or WPS and save it again as UTF-8"));
        }
        free(bytes);
        return NULL;
    }
    free(bytes);
    if (memchr(text, '\0', tlen)) {
        diag_error(dl, path, 0, 0, _("the file contains NUL bytes; it is not a text INI file"));
        free(text);
        return NULL;
    }
    jh_ini *ini = xcalloc(1, sizeof *ini);
    ini->path = xstrdup(path);
    const char *slash = strrchr(path, '/');
    ini->dir = slash ? (slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path))) : xstrdup(".");
    int errors = parse(ini, text, tlen, dl);
    free(text);
    if (errors) { ini_free(ini); return NULL; }
    return ini;
}

void ini_free(jh_ini *ini)
{
    if (!ini) return;
    for (int i = 0; i < ini->nkeys; i++) {
        free(ini->keys[i].section);
        free(ini->keys[i].key);
        free(ini->keys[i].value);
    }
    for (int i = 0; i < ini->nsecs; i++) free(ini->secs[i].name);
    for (int i = 0; i < ini->nlists; i++) free(ini->keylists[i]);
    free(ini->keylists);
    free(ini->keys);
    free(ini->secs);
    free(ini->path);
    free(ini->dir);
    free(ini);
}

const char *ini_path(const jh_ini *ini) { return ini->path; }
const char *ini_dir(const jh_ini *ini) { return ini->dir; }

char *ini_resolve_path(const jh_ini *ini, const char *path)
{
    if (!path) return NULL;
    if (path[0] == '/' || !strcmp(ini->dir, ".")) return xstrdup(path);
    return xasprintf("%s/%s", ini->dir, path);
}

/* The entry of section:key (lowercased into *sec_out if asked), NULL if absent. */
static ini_key *touch(const jh_ini *ini, const char *section, const char *key, char **sec_out)
{
    char *sec = lower_dup(section, strlen(section));
    char *k = lower_dup(key, strlen(key));
    ini_key *e = find_key(ini, sec, k);
    free(k);
    if (sec_out) *sec_out = sec; else free(sec);
    return e;
}

int ini_line(const jh_ini *ini, const char *section, const char *key)
{
    char *sec = lower_dup(section, strlen(section));
    char *k = lower_dup(key, strlen(key));
    ini_key *e = find_key(ini, sec, k);
    free(sec);
    free(k);
    return e ? e->line : 0;
}

int ini_has(const jh_ini *ini, const char *section, const char *key)
{
    return ini_line(ini, section, key) > 0;
}

int ini_has_section(const jh_ini *ini, const char *section)
{
    char *sec = lower_dup(section, strlen(section));
    ini_sec *s = find_sec(ini, sec);
    free(sec);
    return s && s->line > 0;
}

/* The raw value, NULL when absent. */
static const char *raw(jh_ini *ini, const char *section, const char *key)
{
    char *sec;
    ini_key *e = touch(ini, section, key, &sec);
    free(sec);
    return e ? e->value : NULL;
}

const char *ini_get_str(jh_ini *ini, const char *section, const char *key, const char *def)
{
    const char *v = raw(ini, section, key);
    return v ? v : def;
}

static diag *bad_value(jh_ini *ini, diag_list *dl, const char *section, const char *key,
                       const char *value, const char *what)
{
    return diag_error(dl, ini->path, ini_line(ini, section, key), 0,
                      _("[%s] %s: '%s' is not %s"), section, key, value, what);
}

int ini_get_double(jh_ini *ini, const char *section, const char *key, double def,
                   double *out, diag_list *dl)
{
    *out = def;
    const char *v = raw(ini, section, key);
    if (!v) return 0;
    double x;
    if (num_parse(v, &x) != 0) {
        diag_hint(bad_value(ini, dl, section, key, v, "a number"),
                  _("write a plain decimal such as 0.65 (no units, no thousands separators)"));
        return -1;
    }
    *out = x;
    return 0;
}

int ini_get_int(jh_ini *ini, const char *section, const char *key, int def,
                int *out, diag_list *dl)
{
    *out = def;
    const char *v = raw(ini, section, key);
    if (!v) return 0;
    double x;
    /* range first: (long)x of a value beyond long (e.g. year = 2011…1 with 100
     * digits) is undefined behaviour (found by tests/fuzz/fuzz_ini) */
    if (num_parse(v, &x) != 0 || !(x >= INT_MIN && x <= INT_MAX) || x != floor(x)) {
        diag_hint(bad_value(ini, dl, section, key, v, "a whole number"),
                  _("write digits only, e.g. 2019"));
        return -1;
    }
    *out = (int)x;
    return 0;
}

int ini_get_bool(jh_ini *ini, const char *section, const char *key, int def,
                 int *out, diag_list *dl)
{
    static const char *const yes[] = {"1", "yes", "true", "on", "y", "是", NULL};
    static const char *const no[] = {"0", "no", "false", "off", "n", "否", NULL};
    *out = def;
    const char *v = raw(ini, section, key);
    if (!v) return 0;
    for (int i = 0; yes[i]; i++) if (!strcasecmp(v, yes[i])) { *out = 1; return 0; }
    for (int i = 0; no[i]; i++) if (!strcasecmp(v, no[i])) { *out = 0; return 0; }
    diag_hint(bad_value(ini, dl, section, key, v, "yes or no"), _("write yes or no (or 1/0, 是/否)"));
    return -1;
}

const char *ini_require_str(jh_ini *ini, const char *section, const char *key, diag_list *dl)
{
    const char *v = raw(ini, section, key);
    if (v && *v) return v;
    int line = ini_line(ini, section, key);
    diag *d = line ? diag_error(dl, ini->path, line, 0, _("[%s] %s is empty"), section, key)
                   : diag_error(dl, ini->path, 0, 0, _("[%s] %s is missing"), section, key);
    diag_hint(d, _("add a line '%s = ...' under [%s]"), key, section);
    return NULL;
}

int ini_section_keys(jh_ini *ini, const char *section, const char *const **keys)
{
    char *sec = lower_dup(section, strlen(section));
    int n = 0;
    for (int i = 0; i < ini->nkeys; i++) if (!strcmp(ini->keys[i].section, sec)) n++;
    char **list = xcalloc((size_t)n + 1, sizeof *list);
    n = 0;
    for (int i = 0; i < ini->nkeys; i++)
        if (!strcmp(ini->keys[i].section, sec)) {
            list[n++] = ini->keys[i].key;
        }
    free(sec);
    XGROW(ini->keylists, ini->caplists, ini->nlists + 1);
    ini->keylists[ini->nlists++] = list;
    *keys = (const char *const *)list;
    return n;
}

int ini_nsections(const jh_ini *ini)
{
    int n = 0;
    for (int i = 0; i < ini->nsecs; i++) n += ini->secs[i].line > 0;
    return n;
}

const char *ini_section_at(const jh_ini *ini, int i, int *line)
{
    for (int k = 0; k < ini->nsecs; k++) {
        if (ini->secs[k].line <= 0) continue;
        if (i-- == 0) {
            if (line) *line = ini->secs[k].line;
            return ini->secs[k].name;
        }
    }
    return NULL;
}

int ini_nkeys(const jh_ini *ini) { return ini->nkeys; }

int ini_key_at(const jh_ini *ini, int i, const char **section, const char **key, const char **value)
{
    const ini_key *k = &ini->keys[i];
    *section = k->section;
    *key = k->key;
    *value = k->value;
    return k->line;
}
