/* settings — see settings.h. */
#include "web/settings.h"
#include "common/fileio.h"
#include "common/i18n.h"
#include "common/outfile.h"
#include "common/strbuf.h"
#include "common/xalloc.h"
#include "config/config.h"
#include "config/schema.h"
#include "input/ini.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *type_name(jh_key_type t)
{
    static const char *const n[] = {"text", "path", "int", "number", "bool", "choice", "threshold", "font",
                                    "fonts", "free"};
    return (unsigned)t < sizeof n / sizeof n[0] ? n[t] : "text";
}

/* Values that are file names are the page's to show, not to set. */
static int editable(const jh_key *k)
{
    return k->type != JH_KEY_PATH && k->type != JH_KEY_FONT && k->type != JH_KEY_FONTS;
}

void settings_json(const county *c, json_writer *g)
{
    diag_list dl;
    diag_init(&dl);
    jh_ini *ini = ini_load(c->ini, &dl);
    json_obj(g);
    json_kstr(g, "file", strrchr(c->ini, '/') ? strrchr(c->ini, '/') + 1 : c->ini);
    json_key(g, "sections");
    json_arr(g);
    for (size_t s = 0; s < jh_config_nsections; s++) {
        const jh_section *sec = &jh_config_sections[s];
        json_obj(g);
        json_kstr(g, "name", sec->name);
        json_kstr(g, "label", sec->label);
        json_kstr(g, "help", _(sec->help));
        json_key(g, "keys");
        json_arr(g);
        for (size_t i = 0; i < jh_config_nkeys; i++) {
            const jh_key *k = &jh_config_keys[i];
            if (strcmp(k->section, sec->name)) continue;
            if (k->type == JH_KEY_FREE) {
                /* a free section: the keys the file has, as written */
                for (int j = 0; ini && j < ini_nkeys(ini); j++) {
                    const char *ss, *kk, *vv;
                    int line = ini_key_at(ini, j, &ss, &kk, &vv);
                    if (strcmp(ss, sec->name)) continue;
                    json_obj(g);
                    json_kstr(g, "key", kk);
                    json_kstr(g, "label", kk);
                    json_kstr(g, "type", "text");
                    json_kbool(g, "editable", 1);
                    json_kstr(g, "value", vv);
                    json_kint(g, "line", line);
                    json_obj_end(g);
                }
                continue;
            }
            json_obj(g);
            json_kstr(g, "key", k->key);
            json_kstr(g, "label", k->label);
            json_kstr(g, "help", _(k->help));
            json_kstr(g, "type", type_name(k->type));
            json_kstr(g, "unit", k->unit);
            json_kstr(g, "default", k->def);
            json_kstr(g, "choices", k->choices);
            json_kbool(g, "required", (k->flags & JH_KEY_REQUIRED) != 0);
            json_kbool(g, "editable", editable(k));
            json_kstr(g, "value", ini && ini_has(ini, k->section, k->key) ? ini_get_str(ini, k->section, k->key, NULL) : NULL);
            json_kint(g, "line", ini ? ini_line(ini, k->section, k->key) : 0);
            json_obj_end(g);
        }
        json_arr_end(g);
        json_obj_end(g);
    }
    json_arr_end(g);
    json_obj_end(g);
    ini_free(ini);
    diag_free(&dl);
}

/* ---- writing values back ------------------------------------------------------ */

typedef struct lines {
    char **v;
    int n;
} lines;

static void split_lines(const char *text, lines *L)
{
    L->v = NULL;
    L->n = 0;
    for (const char *p = text; *p;) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        L->v = xrealloc(L->v, (size_t)(L->n + 1) * sizeof *L->v);
        L->v[L->n++] = xstrndup(p, len);
        p += len + (e ? 1 : 0);
    }
}

/* The value as the INI should hold it: quoted when iniparser would cut it. */
static char *ini_value(const char *v)
{
    if (!strpbrk(v, ";#\"") && v[0] != ' ' && (!*v || v[strlen(v) - 1] != ' ')) return xstrdup(v);
    strbuf b = STRBUF_INIT;
    sb_putc(&b, '"');
    for (; *v; v++) { if (*v == '"' || *v == '\\') sb_putc(&b, '\\'); sb_putc(&b, *v); }
    sb_putc(&b, '"');
    return sb_take(&b);
}

/* The last line of section sec (1-based), from the section's header line. */
static int section_end(const jh_ini *ini, const lines *L, const char *sec, int *header)
{
    *header = 0;
    for (int i = 0; i < ini_nsections(ini); i++) {
        int line;
        const char *name = ini_section_at(ini, i, &line);
        if (name && !strcmp(name, sec)) *header = line;
    }
    if (!*header) return 0;
    int last = *header;
    for (int j = 0; j < ini_nkeys(ini); j++) {
        const char *s, *k, *v;
        int line = ini_key_at(ini, j, &s, &k, &v);
        if (!strcmp(s, sec) && line > last) last = line;
    }
    return last <= L->n ? last : L->n;
}

static int check_edit(const setting_edit *e, int internal, diag_list *dl, const char *ini_path)
{
    const jh_key *k = schema_find(e->section, e->key);
    if (!k) {
        diag_error(dl, ini_path, 0, 0, _("[%s] %s: no such setting"), e->section, e->key);
        return -1;
    }
    if (!editable(k) && !internal) {
        diag_hint(diag_error(dl, ini_path, 0, 0, _("[%s] %s names a file and cannot be set from the web page"),
                             e->section, e->key),
                  _("edit the INI file itself"));
        return -1;
    }
    for (const char *p = e->key; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_')) {
            diag_error(dl, ini_path, 0, 0, _("[%s] %s: a key is written with a-z, 0-9 and _"), e->section, e->key);
            return -1;
        }
    if (strpbrk(e->value, "\r\n")) {
        diag_error(dl, ini_path, 0, 0, _("[%s] %s: a value is one line"), e->section, e->key);
        return -1;
    }
    return 0;
}

static int save(county *c, const setting_edit *e, int n, int internal, diag_list *dl);

int settings_save(county *c, const setting_edit *e, int n, diag_list *dl) { return save(c, e, n, 0, dl); }

int settings_set_data_file(county *c, const char *name, diag_list *dl)
{
    setting_edit e = {(char *)"data", (char *)"schools", (char *)name};
    return save(c, &e, 1, 1, dl);
}

static int save(county *c, const setting_edit *e, int n, int internal, diag_list *dl)
{
    for (int i = 0; i < n; i++)
        if (check_edit(&e[i], internal, dl, c->ini) != 0) return -1;
    pthread_mutex_lock(&c->lock);
    int rc = -1;
    size_t len;
    char *text = file_read(c->ini, _("the configuration"), FILE_CAP_INI, &len, dl);
    jh_ini *ini = text ? ini_load(c->ini, dl) : NULL;
    lines L = {NULL, 0};
    char **after = NULL;   /* per line: text inserted after it (new keys) */
    strbuf tail = STRBUF_INIT;
    char *tmp = NULL;
    if (!ini) goto done;
    split_lines(text, &L);
    after = xcalloc((size_t)L.n + 1, sizeof *after);
    for (int i = 0; i < n; i++) {
        int line = ini_line(ini, e[i].section, e[i].key);
        char *v = ini_value(e[i].value);
        if (line > 0 && line <= L.n) {
            char *eq = strchr(L.v[line - 1], '=');
            if (!*e[i].value) { free(L.v[line - 1]); L.v[line - 1] = NULL; }      /* back to the default */
            else if (eq) {
                char *nl = xasprintf("%.*s= %s", (int)(eq - L.v[line - 1]), L.v[line - 1], v);
                free(L.v[line - 1]);
                L.v[line - 1] = nl;
            }
        } else if (*e[i].value) {
            int header, end = section_end(ini, &L, e[i].section, &header);
            char *add = xasprintf("%s%s = %s\n", after[end] ? after[end] : "", e[i].key, v);
            if (header) { free(after[end]); after[end] = add; }
            else { sb_printf(&tail, "\n[%s]\n%s = %s\n", e[i].section, e[i].key, v); free(add); }
        }
        free(v);
    }
    strbuf out = STRBUF_INIT;
    if (after[0]) sb_puts(&out, after[0]);
    for (int i = 0; i < L.n; i++) {
        if (L.v[i]) { sb_puts(&out, L.v[i]); sb_putc(&out, '\n'); }
        if (after[i + 1]) sb_puts(&out, after[i + 1]);
    }
    sb_puts(&out, sb_str(&tail));
    /* the new file beside the old one (relative paths resolve alike), loaded before it counts */
    tmp = xasprintf("%s/.settings-XXXXXX", c->dir);
    outfile_track(tmp);
    int fd = mkstemp(tmp);
    int ok = fd >= 0 && write(fd, out.s ? out.s : "", out.len) == (ssize_t)out.len;
    if (fd >= 0) { fchmod(fd, 0644); ok &= close(fd) == 0; }
    sb_free(&out);
    if (!ok) { diag_error(dl, c->ini, 0, 0, _("cannot write the settings: %s"), strerror(errno)); goto done; }
    diag_list check;
    diag_init(&check);
    jh_config *cfg = config_read(tmp, CONFIG_REPORT, &check);
    config_free(cfg);
    if (check.errors) {
        /* name the real file, not the temporary one */
        for (int i = 0; i < check.n; i++)
            if (check.items[i].file && !strcmp(check.items[i].file, tmp)) {
                free(check.items[i].file);
                check.items[i].file = xstrdup(c->ini);
            }
        diag_move(dl, &check);
        goto done;
    }
    diag_free(&check);
    char *prev = xasprintf("%s/previous.ini", c->work);
    diag_list quiet;
    diag_init(&quiet);
    outfile po;
    if (make_dirs(c->work, &quiet) == 0 && outfile_open(&po, prev, &quiet) == 0) {
        fwrite(text, 1, len, po.f);
        outfile_commit(&po, &quiet);
    }
    diag_free(&quiet);
    free(prev);
    if (rename(tmp, c->ini) != 0) diag_error(dl, c->ini, 0, 0, _("cannot replace the settings: %s"), strerror(errno));
    else rc = 0;
done:
    if (tmp) { unlink(tmp); outfile_forget(tmp); free(tmp); }
    for (int i = 0; i < L.n; i++) free(L.v[i]);
    free(L.v);
    if (after) for (int i = 0; i <= L.n; i++) free(after[i]);
    free(after);
    sb_free(&tail);
    ini_free(ini);
    free(text);
    pthread_mutex_unlock(&c->lock);
    return rc;
}
