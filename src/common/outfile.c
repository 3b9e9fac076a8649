/* outfile — see outfile.h. */
#include "common/outfile.h"
#include "common/i18n.h"
#include "common/xalloc.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Pending temporary files.  A signal handler can only reach them through
 * process-wide state, so this table is the one global the module keeps. */
#define MAX_PENDING 256
static char *pending[MAX_PENDING];
static pthread_mutex_t pending_lock = PTHREAD_MUTEX_INITIALIZER;

static void pending_set(const char *tmp, int add)
{
    pthread_mutex_lock(&pending_lock);
    for (int i = 0; i < MAX_PENDING; i++) {
        if (add && !pending[i]) { pending[i] = (char *)tmp; break; }
        if (!add && pending[i] == tmp) { pending[i] = NULL; break; }
    }
    pthread_mutex_unlock(&pending_lock);
}

static void on_signal(int sig)
{
    /* files first, then the (now empty) folders they were in */
    for (int i = 0; i < MAX_PENDING; i++)
        if (pending[i]) unlink(pending[i]);
    for (int i = 0; i < MAX_PENDING; i++)
        if (pending[i]) rmdir(pending[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

void outfile_install_signal_cleanup(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

void outfile_track(const char *path) { pending_set(path, 1); }
void outfile_forget(const char *path) { pending_set(path, 0); }

int outfile_not_input(const char *out, const outfile_input *in, int n, diag_list *dl)
{
    struct stat so, si;
    if (!out || stat(out, &so) != 0) return 0;   /* nothing there yet: nothing to lose */
    for (int i = 0; i < n; i++) {
        if (!in[i].path || stat(in[i].path, &si) != 0) continue;
        if (si.st_dev != so.st_dev || si.st_ino != so.st_ino) continue;
        diag_hint(diag_error(dl, out, 0, 0, _("refusing to write the output over %s (%s): they are the same file"),
                             in[i].what, in[i].path),
                  _("choose another output path (-o)"));
        return -1;
    }
    return 0;
}

int make_dirs(const char *dir, diag_list *dl)
{
    char *p = xstrdup(dir);
    size_t n = strlen(p);
    for (size_t i = 1; i <= n; i++) {
        if (p[i] != '/' && p[i] != '\0') continue;
        char c = p[i];
        p[i] = '\0';
        struct stat st;
        if (stat(p, &st) != 0) {
            if (mkdir(p, 0777) != 0 && errno != EEXIST) {
                diag_hint(diag_error(dl, p, 0, 0, _("cannot create folder: %s"), strerror(errno)),
                          _("check that the parent folder is writable"));
                free(p);
                return -1;
            }
        } else if (!S_ISDIR(st.st_mode)) {
            diag_hint(diag_error(dl, p, 0, 0, _("exists but is not a folder")),
                      _("choose another output path"));
            free(p);
            return -1;
        }
        p[i] = c;
    }
    free(p);
    return 0;
}

int outfile_open(outfile *o, const char *path, diag_list *dl)
{
    memset(o, 0, sizeof *o);
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        diag_hint(diag_error(dl, path, 0, 0, _("output path is a folder")), _("give a file name"));
        return -1;
    }
    const char *slash = strrchr(path, '/');
    if (slash && slash != path) {
        char *dir = xstrndup(path, (size_t)(slash - path));
        int rc = make_dirs(dir, dl);
        free(dir);
        if (rc) return -1;
    }
    o->path = xstrdup(path);
    if (slash) {
        o->tmp = xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1);
    } else {
        o->tmp = xasprintf(".%s.XXXXXX", path);
    }
    /* tracked before it exists: a signal between mkstemp and the tracking
     * left a .NAME.XXXXXX behind (seen with SIGINT during sheets -j 2) */
    pending_set(o->tmp, 1);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        pending_set(o->tmp, 0);
        diag_hint(diag_error(dl, path, 0, 0, _("cannot write output: %s"), strerror(errno)),
                  _("check that the folder exists and is writable"));
        free(o->path); free(o->tmp);
        memset(o, 0, sizeof *o);
        return -1;
    }
    fchmod(fd, 0644);
    o->f = fdopen(fd, "wb");
    if (!o->f) {
        close(fd);
        unlink(o->tmp);
        pending_set(o->tmp, 0);
        free(o->path); free(o->tmp); memset(o, 0, sizeof *o);
        return -1;
    }
    return 0;
}

int outfile_commit(outfile *o, diag_list *dl)
{
    if (!o->tmp) return -1;
    int rc = 0;
    if (o->f) {
        if (fflush(o->f) != 0 || ferror(o->f)) rc = -1;
        if (fclose(o->f) != 0) rc = -1;
        o->f = NULL;
    }
    if (rc == 0 && rename(o->tmp, o->path) != 0) rc = -1;
    if (rc != 0) {
        diag_error(dl, o->path, 0, 0, _("cannot write output: %s"), strerror(errno));
        outfile_abort(o);
        return -1;
    }
    pending_set(o->tmp, 0);
    free(o->tmp);
    free(o->path);
    memset(o, 0, sizeof *o);
    return 0;
}

void outfile_abort(outfile *o)
{
    if (o->f) fclose(o->f);
    if (o->tmp) {
        unlink(o->tmp);
        pending_set(o->tmp, 0);
    }
    free(o->tmp);
    free(o->path);
    memset(o, 0, sizeof *o);
}
