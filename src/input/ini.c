/*
 * ini — the report's INI configuration, on top of iniparser.
 *
 * iniparser gives the values but neither line numbers nor usable errors (it
 * prints through a process-wide callback and returns NULL).  So the file is
 * first scanned line by line here: that scan finds syntax errors with their
 * line, records where every section and key is (for messages, and for
 * src/config/, which walks them in file order), and strips a UTF-8 BOM
 * (fatal to iniparser).  Only a file that passes the scan is handed to
 * iniparser for the values.
 */
#include "input/ini.h"
#include "common/i18n.h"
#include "common/fileio.h"
#include "common/num.h"
#include "common/outfile.h"
#include "common/strbuf.h"
#include "common/utf8.h"
#include "common/xalloc.h"

#include <ctype.h>
#include <errno.h>
#include <iniparser/iniparser.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define INI_LINE_MAX 1023   /* iniparser's ASCIILINESZ (1024) minus the newline */

typedef struct ini_key {
    char *section, *key;   /* lowercased */
    int line;
} ini_key;

typedef struct ini_sec {
    char *name;            /* lowercased */
    int line;
} ini_sec;

struct jh_ini {
    char *path, *dir;
    dictionary *d;
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

static ini_sec *add_sec(jh_ini *ini, const char *name, int line)
{
    ini_sec *s = find_sec(ini, name);
    if (s) { if (!s->line) s->line = line; return s; }
    XGROW(ini->secs, ini->capsecs, ini->nsecs + 1);
    s = &ini->secs[ini->nsecs++];
    memset(s, 0, sizeof *s);
    s->name = xstrdup(name);
    s->line = line;
    return s;
}

static ini_key *find_key(const jh_ini *ini, const char *sec, const char *key)
{
    for (int i = 0; i < ini->nkeys; i++)
        if (!strcmp(ini->keys[i].section, sec) && !strcmp(ini->keys[i].key, key))
            return &ini->keys[i];
    return NULL;
}

/* Scan the text for syntax errors and the place of every section and key.
 * Returns the number of errors added. */
static int scan(jh_ini *ini, const char *text, size_t len, diag_list *dl)
{
    int errors = 0, lineno = 0, continued = 0;
    char *section = NULL;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        size_t n = (size_t)(le - p);
        const char *s = p;
        lineno++;
        p = nl ? nl + 1 : end;
        if (n > INI_LINE_MAX) {
            diag_hint(diag_error(dl, ini->path, lineno, 0,
                                 _("line is too long (%zu bytes; at most %d)"), n, INI_LINE_MAX),
                      _("split the value with a trailing '\\' or shorten it (about 330 Chinese characters fit)"));
            errors++;
            continued = 0;
            continue;
        }
        trim(&s, &n);
        int was_continued = continued;
        continued = n > 0 && s[n - 1] == '\\';
        if (was_continued || n == 0 || *s == ';' || *s == '#') continue;
        if (*s == '[') {
            /* iniparser refuses anything after the ']', even a comment */
            const char *close = memchr(s, ']', n);
            if (close && close != s + n - 1) {
                diag_hint(diag_error(dl, ini->path, lineno, (int)utf8_len(s, (size_t)(close - s)) + 2,
                                     _("text after the section header's ']'")),
                          _("put a comment on a line of its own"));
                errors++;
                continue;
            }
            if (s[n - 1] != ']') {
                diag_hint(diag_error(dl, ini->path, lineno, 1, _("section header without closing ']'")),
                          _("write it as [section]"));
                errors++;
                continue;
            }
            const char *nm = s + 1;
            size_t nn = n - 2;
            trim(&nm, &nn);
            free(section);
            section = lower_dup(nm, nn);
            add_sec(ini, section, lineno);
            continue;
        }
        const char *eq = memchr(s, '=', n);
        if (!eq || eq == s) {
            diag_hint(diag_error(dl, ini->path, lineno, 1,
                                 eq ? "'=' without a key before it" : "line is neither [section], key = value nor a comment"),
                      _("write key = value, start a comment with ';' or '#'"));
            errors++;
            continue;
        }
        if (!section) {
            diag_hint(diag_error(dl, ini->path, lineno, 1, _("key outside any [section]")),
                      _("put a [section] line above it, e.g. [report]"));
            errors++;
            continue;
        }
        const char *k = s;
        size_t kn = (size_t)(eq - s);
        trim(&k, &kn);
        char *key = lower_dup(k, kn);
        ini_key *old = find_key(ini, section, key);
        if (old) {
            diag_hint(diag_warning(dl, ini->path, lineno, 0,
                                   _("[%s] %s is set twice (also on line %d); this later value is used"),
                                   section, key, old->line),
                      _("delete one of the two lines"));
            old->line = lineno;
            free(key);
            continue;
        }
        XGROW(ini->keys, ini->capkeys, ini->nkeys + 1);
        ini_key *e = &ini->keys[ini->nkeys++];
        e->section = xstrdup(section);
        e->key = key;
        e->line = lineno;
    }
    free(section);
    return errors;
}

/* iniparser prints its own errors; ours come from scan(), so silence it. */
static int quiet(const char *fmt, ...) { (void)fmt; return 0; }

/* Hand the text (BOM already stripped) to iniparser through a temporary file. */
static dictionary *parse_values(const char *path, const char *text, size_t len, int has_bom)
{
    iniparser_set_error_callback(quiet);
    if (!has_bom) return iniparser_load(path);
    char tmp[] = "/tmp/junheng-ini-XXXXXX";
    outfile_track(tmp);   /* a SIGINT right now must not leave it in /tmp */
    int fd = mkstemp(tmp);
    if (fd < 0) { outfile_forget(tmp); return NULL; }
    FILE *f = fdopen(fd, "wb");
    dictionary *d = NULL;
    if (!f) close(fd);
    else {
        int ok = fwrite(text, 1, len, f) == len;
        ok = (fclose(f) == 0) && ok;
        if (ok) d = iniparser_load(tmp);
    }
    unlink(tmp);
    outfile_forget(tmp);
    return d;
}

jh_ini *ini_load(const char *path, diag_list *dl)
{
    size_t len = 0;
    char *text = file_read(path, _("the configuration"), FILE_CAP_INI, &len, dl);
    if (!text) {
        diag_hint(diag_last(dl), _("check the path given with -c"));
        return NULL;
    }
    jh_ini *ini = xcalloc(1, sizeof *ini);
    ini->path = xstrdup(path);
    const char *slash = strrchr(path, '/');
    ini->dir = slash ? (slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path))) : xstrdup(".");
    const char *body = text;
    int bom = len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3);
    if (bom) { body += 3; len -= 3; }
    if (len >= 2 && (((unsigned char)body[0] == 0xFF && (unsigned char)body[1] == 0xFE) ||
                     ((unsigned char)body[0] == 0xFE && (unsigned char)body[1] == 0xFF))) {
        diag_hint(diag_error(dl, path, 1, 0, _("the file is UTF-16, junheng reads UTF-8")),
                  _("save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)"));
        free(text);
        ini_free(ini);
        return NULL;
    }
    if (memchr(body, '\0', len)) {
        diag_error(dl, path, 0, 0, _("the file contains NUL bytes; it is not a text INI file"));
        free(text);
        ini_free(ini);
        return NULL;
    }
    if (scan(ini, body, len, dl) > 0) {
        free(text);
        ini_free(ini);
        return NULL;
    }
    ini->d = parse_values(path, body, len, bom);
    free(text);
    if (!ini->d) {
        diag_error(dl, path, 0, 0, _("iniparser could not read the file"));
        ini_free(ini);
        return NULL;
    }
    return ini;
}

void ini_free(jh_ini *ini)
{
    if (!ini) return;
    if (ini->d) iniparser_freedict(ini->d);
    for (int i = 0; i < ini->nkeys; i++) { free(ini->keys[i].section); free(ini->keys[i].key); }
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
    const char *v = NULL;
    if (e) {
        char *full = xasprintf("%s:%s", sec, e->key);
        v = iniparser_getstring(ini->d, full, NULL);
        free(full);
    }
    free(sec);
    return v;
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
    char *full = xasprintf("%s:%s", k->section, k->key);
    *value = iniparser_getstring(ini->d, full, NULL);
    free(full);
    return k->line;
}
