/* county — see county.h. */
#include "web/county.h"
#include "common/i18n.h"
#include "common/outfile.h"
#include "common/xalloc.h"
#include "input/ini.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* report.ini, else the folder's only .ini.  Owned or NULL. */
static char *find_ini(const char *dir)
{
    char *p = xasprintf("%s/report.ini", dir);
    if (is_file(p)) return p;
    free(p);
    DIR *d = opendir(dir);
    if (!d) return NULL;
    char *found = NULL;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len < 5 || strcmp(e->d_name + len - 4, ".ini")) continue;
        if (n++ == 0) found = xasprintf("%s/%s", dir, e->d_name);
    }
    closedir(d);
    if (n != 1) { free(found); return NULL; }
    return found;
}

static int cmp_county(const void *a, const void *b)
{
    return strcmp((*(county *const *)a)->id, (*(county *const *)b)->id);
}

/* Add the folders not yet known.  Caller holds cs->lock. */
static void scan(counties *cs)
{
    DIR *d = opendir(cs->root);
    if (!d) return;
    int before = cs->n;
    for (struct dirent *e; (e = readdir(d)) && cs->n < WEB_MAX_COUNTIES;) {
        if (e->d_name[0] == '.') continue;
        int known = 0;
        for (int i = 0; i < cs->n && !known; i++) known = !strcmp(cs->items[i]->id, e->d_name);
        if (known) continue;
        char *dir = xasprintf("%s/%s", cs->root, e->d_name);
        struct stat st;
        char *ini = stat(dir, &st) == 0 && S_ISDIR(st.st_mode) ? find_ini(dir) : NULL;
        if (!ini) { free(dir); continue; }
        county *c = xcalloc(1, sizeof *c);
        c->id = xstrdup(e->d_name);
        c->dir = dir;
        c->ini = ini;
        c->work = xasprintf("%s/.junheng", dir);
        pthread_mutex_init(&c->lock, NULL);
        cs->items[cs->n++] = c;
    }
    closedir(d);
    /* new ones sorted among themselves; the old ones keep their places */
    qsort(cs->items + before, (size_t)(cs->n - before), sizeof cs->items[0], cmp_county);
}

int counties_open(counties *cs, const char *root, diag_list *dl)
{
    memset(cs, 0, sizeof *cs);
    pthread_mutex_init(&cs->lock, NULL);
    struct stat st;
    if (stat(root, &st) != 0 || !S_ISDIR(st.st_mode)) {
        diag_hint(diag_error(dl, root, 0, 0, _("not a folder: %s"), strerror(errno ? errno : ENOTDIR)),
                  _("--root names a folder holding one folder per county (as `junheng init` makes them)"));
        return -1;
    }
    cs->root = xstrdup(root);
    scan(cs);
    return 0;
}

void counties_rescan(counties *cs)
{
    pthread_mutex_lock(&cs->lock);
    scan(cs);
    pthread_mutex_unlock(&cs->lock);
}

void counties_close(counties *cs)
{
    for (int i = 0; i < cs->n; i++) {
        county *c = cs->items[i];
        pthread_mutex_destroy(&c->lock);
        free(c->id);
        free(c->dir);
        free(c->ini);
        free(c->work);
        free(c);
    }
    free(cs->root);
    pthread_mutex_destroy(&cs->lock);
    memset(cs, 0, sizeof *cs);
}

county *counties_find(counties *cs, const char *id, size_t len)
{
    county *found = NULL;
    pthread_mutex_lock(&cs->lock);
    for (int i = 0; i < cs->n && !found; i++)
        if (strlen(cs->items[i]->id) == len && !memcmp(cs->items[i]->id, id, len)) found = cs->items[i];
    pthread_mutex_unlock(&cs->lock);
    return found;
}

char *county_data_path(const county *c, int for_writing, diag_list *dl)
{
    jh_ini *ini = ini_load(c->ini, dl);
    if (!ini) return NULL;
    const char *name = ini_get_str(ini, "data", "schools", NULL);
    char *path = NULL;
    if (!name || !*name) {
        diag_hint(diag_error(dl, c->ini, 0, 0, _("[data] schools is not set")),
                  _("name the school data file, e.g. schools = schools.csv"));
    } else {
        path = ini_resolve_path(ini, name);
        /* the page writes only inside the county's folder */
        char *slash = strrchr(path, '/');
        char *parent = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
        char rp[PATH_MAX], rd[PATH_MAX];
        int inside = realpath(parent, rp) && realpath(c->dir, rd) && !strcmp(rp, rd);
        free(parent);
        if (for_writing && !inside) {
            diag_hint(diag_error(dl, c->ini, ini_line(ini, "data", "schools"), 0,
                                 _("[data] schools = %s lies outside the county's folder"), name),
                      _("the web page writes only inside the county's folder: put the data file there"));
            free(path);
            path = NULL;
        }
    }
    ini_free(ini);
    return path;
}

static const char *const pending_ext[] = {"csv", "xlsx", NULL};

char *county_pending(const county *c)
{
    for (int i = 0; pending_ext[i]; i++) {
        char *p = xasprintf("%s/pending.%s", c->work, pending_ext[i]);
        if (is_file(p)) return p;
        free(p);
    }
    return NULL;
}

char *county_output(const county *c, const char *name)
{
    static const char *const known[] = {"report.pdf", "sheets.pdf", "sheets.zip", "figures.csv",
                                        "figures.xlsx", NULL};
    for (int i = 0; known[i]; i++)
        if (!strcmp(name, known[i])) return xasprintf("%s/%s", c->work, known[i]);
    return NULL;
}

char *county_upload_tmp(county *c, int *fd, diag_list *dl)
{
    if (make_dirs(c->work, dl) != 0) return NULL;
    char *p = xasprintf("%s/.upload-XXXXXX", c->work);
    /* tracked from before it exists (a signal removes it); it becomes the
     * data file, so it is created like one: 0666 less the umask */
    *fd = outfile_mkstemp(p, 0666);
    if (*fd < 0) {
        diag_error(dl, c->work, 0, 0, _("cannot create a file here: %s"), strerror(errno));
        free(p);
        return NULL;
    }
    return p;
}

int county_save_pending(county *c, const char *tmp_path, const char *ext, diag_list *dl)
{
    char *dest = xasprintf("%s/pending.%s", c->work, ext);
    pthread_mutex_lock(&c->lock);
    int rc = rename(tmp_path, dest);
    if (rc != 0) diag_error(dl, dest, 0, 0, _("cannot save the upload: %s"), strerror(errno));
    else
        for (int i = 0; pending_ext[i]; i++) {
            if (!strcmp(pending_ext[i], ext)) continue;
            char *other = xasprintf("%s/pending.%s", c->work, pending_ext[i]);
            unlink(other);
            free(other);
        }
    pthread_mutex_unlock(&c->lock);
    free(dest);
    return rc ? -1 : 0;
}

/* Copy src to dst through a temporary file and a rename. */
static int copy_file(const char *src, const char *dst, diag_list *dl)
{
    FILE *in = fopen(src, "rb");
    if (!in) { diag_error(dl, src, 0, 0, _("cannot read: %s"), strerror(errno)); return -1; }
    outfile o;
    if (outfile_open(&o, dst, dl) != 0) { fclose(in); return -1; }
    char buf[65536];
    size_t n;
    int bad = 0;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, o.f) != n) bad = 1;
    bad |= ferror(in);
    fclose(in);
    if (bad) { outfile_abort(&o); diag_error(dl, dst, 0, 0, _("cannot write the copy")); return -1; }
    return outfile_commit(&o, dl);
}

int county_accept(county *c, char **switched_to, diag_list *dl)
{
    *switched_to = NULL;
    char *pending = county_pending(c);
    if (!pending) {
        diag_error(dl, NULL, 0, 0, _("there is no correction waiting to be accepted"));
        return -1;
    }
    char *data = county_data_path(c, 1, dl);
    int rc = -1;
    pthread_mutex_lock(&c->lock);
    if (data) {
        const char *ext = strrchr(pending, '.') + 1;
        const char *dext = strrchr(data, '.');
        if (!dext || strcmp(dext + 1, ext)) {
            /* a workbook for a county whose INI names a CSV (or the other
             * way round): it goes beside it as schools.EXT, a name of ours,
             * and the caller points [data] schools at it */
            free(data);
            data = xasprintf("%s/schools.%s", c->dir, ext);
            *switched_to = xasprintf("schools.%s", ext);
        }
        char *prev = xasprintf("%s/previous.%s", c->work, ext);
        /* keep what was there, then put the correction in place in one rename */
        if ((!is_file(data) || copy_file(data, prev, dl) == 0)) {
            if (rename(pending, data) == 0) rc = 0;
            else diag_error(dl, data, 0, 0, _("cannot replace the data: %s"), strerror(errno));
        }
        free(prev);
    }
    pthread_mutex_unlock(&c->lock);
    if (rc != 0) { free(*switched_to); *switched_to = NULL; }
    free(data);
    free(pending);
    return rc;
}

int county_discard(county *c, diag_list *dl)
{
    (void)dl;
    pthread_mutex_lock(&c->lock);
    for (int i = 0; pending_ext[i]; i++) {
        char *p = xasprintf("%s/pending.%s", c->work, pending_ext[i]);
        unlink(p);
        free(p);
    }
    pthread_mutex_unlock(&c->lock);
    return 0;
}
