/* outfile — see outfile.h. */
#include "common/outfile.h"
#include "common/i18n.h"
#include "common/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <time.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Temporary paths that a signal must remove, in fixed-size slots.
 *
 * The handler may run on any thread while the others go on creating and
 * removing files, so it must neither lock nor follow a pointer to memory
 * another thread may free: each slot holds a copy of its path, and its state
 * and generation are atomics.  A slot's life:
 *   FREE -> CLAIMED (path being copied; the handler ignores it)
 *        -> MAKING  (the file or folder is being created)
 *        -> LIVE    (it exists, or may) -> FREE once its owner removed it.
 * The handler first sets `dying`; a thread that claims a slot afterwards
 * stops before creating anything (and is killed with the process), and a
 * slot still MAKING is given a moment to become LIVE, so no file can appear
 * after the handler's sweep.  These are the only globals of the module: a
 * signal handler can reach nothing else. */
#define SLOTS 512
#define SLOT_PATH 4096
enum { S_FREE, S_CLAIMED, S_MAKING, S_LIVE };

typedef struct slot {
    atomic_int state;
    atomic_uint gen;        /* bumped on every claim: a torn read is noticed */
    int dir;                /* a folder: removed after the files */
    char path[SLOT_PATH];
} slot;

static slot slots[SLOTS];
static atomic_int dying;

/* Claim a slot for path (CLAIMED -> MAKING); -1 if the path is too long or
 * every slot is taken (the file is then made untracked). */
static int slot_claim(const char *path, int dir)
{
    size_t n = strlen(path);
    if (n >= SLOT_PATH) return -1;
    for (int i = 0; i < SLOTS; i++) {
        int want = S_FREE;
        if (!atomic_compare_exchange_strong(&slots[i].state, &want, S_CLAIMED)) continue;
        atomic_fetch_add(&slots[i].gen, 1);
        memcpy(slots[i].path, path, n + 1);
        slots[i].dir = dir;
        atomic_store(&slots[i].state, S_MAKING);
        /* the handler has started: create nothing, wait to be killed */
        while (atomic_load(&dying)) pause();
        return i;
    }
    return -1;
}

static void slot_set(int i, int state)
{
    if (i >= 0) atomic_store(&slots[i].state, state);
}

/* Remove what slot i names, unless it changes under us.  Async-signal-safe. */
static void slot_sweep(int i, int dirs)
{
    slot *s = &slots[i];
    unsigned g = atomic_load(&s->gen);
    int st = atomic_load(&s->state);
    if ((st != S_MAKING && st != S_LIVE) || s->dir != dirs) return;
    char copy[SLOT_PATH];
    memcpy(copy, s->path, SLOT_PATH);
    copy[SLOT_PATH - 1] = '\0';
    if (atomic_load(&s->gen) != g) return;   /* freed and reclaimed meanwhile: its owner removed it */
    if (dirs) rmdir(copy); else unlink(copy);
}

static void on_signal(int sig)
{
    atomic_store(&dying, 1);
    /* A file being created on another thread: give it 50 ms to exist — all
     * the waiting before any removing, since other threads go on meanwhile
     * (one reopening its file by name after the sweep would bring it back). */
    for (int i = 0; i < SLOTS; i++)
        for (int k = 0; k < 50 && atomic_load(&slots[i].state) == S_MAKING; k++) {
            struct timespec ms = {0, 1000000};
            nanosleep(&ms, NULL);
        }
    for (int i = 0; i < SLOTS; i++) slot_sweep(i, 0);   /* files first, */
    for (int i = 0; i < SLOTS; i++) slot_sweep(i, 1);   /* then the folders they were in, */
    for (int i = 0; i < SLOTS; i++) slot_sweep(i, 0);   /* and files made during the sweep */
    signal(sig, SIG_DFL);
    raise(sig);   /* delivered when the handler returns: dies of the signal, as it would have */
}

void outfile_install_signal_cleanup(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGINT);    /* one sweep at a time on a thread */
    sigaddset(&sa.sa_mask, SIGTERM);
    sigaddset(&sa.sa_mask, SIGHUP);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

static int slot_find(const char *path)
{
    for (int i = 0; i < SLOTS; i++) {
        int st = atomic_load(&slots[i].state);
        if ((st == S_LIVE || st == S_MAKING) && !strcmp(slots[i].path, path)) return i;
    }
    return -1;
}

void outfile_track(const char *path) { slot_set(slot_claim(path, 0), S_LIVE); }

void outfile_forget(const char *path) { slot_set(slot_find(path), S_FREE); }

/* A random suffix for XXXXXX: time, pid and a counter through splitmix64. */
static void fill_random(char *x6)
{
    static atomic_ullong counter;
    static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    unsigned long long z = (unsigned long long)t.tv_nsec ^ ((unsigned long long)t.tv_sec << 30) ^
                           ((unsigned long long)getpid() << 42) ^
                           (atomic_fetch_add(&counter, 1) * 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    for (int i = 0; i < 6; i++, z /= 62) x6[i] = abc[z % 62];
}

/* mkstemp/mkdtemp, tracked from before the file exists until outfile_forget. */
static int make_temp(char *tmpl, int dir, mode_t mode)
{
    size_t n = strlen(tmpl);
    if (n < 6 || strcmp(tmpl + n - 6, "XXXXXX") != 0) { errno = EINVAL; return -1; }
    for (int tries = 0; tries < 100; tries++) {
        fill_random(tmpl + n - 6);
        int i = slot_claim(tmpl, dir);
        int fd = dir ? mkdir(tmpl, mode) : open(tmpl, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        int e = errno;
        slot_set(i, fd >= 0 ? S_LIVE : S_FREE);
        if (fd >= 0) return fd;
        errno = e;
        if (e != EEXIST) return -1;
    }
    errno = EEXIST;
    return -1;
}

int outfile_mkstemp(char *tmpl, mode_t mode) { return make_temp(tmpl, 0, mode); }

int outfile_mkdtemp(char *tmpl) { return make_temp(tmpl, 1, 0700); }

int outfile_create(const char *path, mode_t mode)
{
    int i = slot_claim(path, 0);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    int e = errno;
    slot_set(i, fd >= 0 ? S_LIVE : S_FREE);
    errno = e;
    return fd;
}

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

/* The hint for a failed write: a full disk is the common case worth naming. */
static const char *write_hint(int err)
{
    if (err == ENOSPC || err == EDQUOT) return _("free some space on that disk, or write elsewhere (-o)");
    if (err == EACCES || err == EPERM || err == EROFS) return _("check that the folder is writable, or write elsewhere (-o)");
    return _("check the output path, or write elsewhere (-o)");
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
                int e = errno;
                diag_hint(diag_error(dl, p, 0, 0, _("cannot create folder: %s"), strerror(e)), "%s", write_hint(e));
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

/* Can a file be created in dir, or (dir missing) in the folders
 * make_dirs would create?  Nothing is left behind: not the probe, nor any
 * folder.  Errors are placed at `place`, the path the user gave. */
static int probe_dir(const char *dir, const char *place, diag_list *dl)
{
    char *d = xstrdup(dir);
    struct stat st;
    /* the nearest folder that exists: the missing ones would be made in it */
    while (stat(d, &st) != 0) {
        char *slash = strrchr(d, '/');
        if (!strcmp(d, ".") || !strcmp(d, "/")) {   /* the working folder is gone */
            diag_error(dl, place, 0, 0, _("cannot write output: %s"), strerror(errno));
            free(d);
            return -1;
        }
        if (!slash) { strcpy(d, "."); continue; }
        if (slash == d) slash[1] = '\0'; else *slash = '\0';
    }
    int rc = 0;
    if (!S_ISDIR(st.st_mode)) {
        diag_hint(diag_error(dl, place, 0, 0, _("%s exists but is not a folder"), d), _("choose another output path"));
        rc = -1;
    } else {
        /* permission bits do not tell (root, read-only mounts, immutable
         * folders, ACLs): creating a file does */
        char *probe = xasprintf("%s/.junheng-probe-XXXXXX", d);
        int fd = outfile_mkstemp(probe, 0600);
        if (fd < 0) {
            int e = errno;
            diag_hint(diag_error(dl, place, 0, 0, _("cannot write in folder %s: %s"), d, strerror(e)),
                      "%s", write_hint(e));
            rc = -1;
        } else {
            close(fd);
            unlink(probe);
            outfile_forget(probe);
        }
        free(probe);
    }
    free(d);
    return rc;
}

int outfile_check_dir(const char *dir, diag_list *dl) { return probe_dir(dir, dir, dl); }

int outfile_check_for(const char *path, diag_list *dl)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return probe_dir(".", path, dl);
    if (slash == path) return probe_dir("/", path, dl);
    char *dir = xstrndup(path, (size_t)(slash - path));
    int rc = probe_dir(dir, path, dl);
    free(dir);
    return rc;
}

int outfile_open(outfile *o, const char *path, diag_list *dl)
{
    memset(o, 0, sizeof *o);
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        diag_hint(diag_error(dl, path, 0, 0, _("output path is a folder")), _("give a file name"));
        return -1;
    }
    /* renaming over a device or a FIFO would replace it (as root, /dev/null) */
    if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
        diag_hint(diag_error(dl, path, 0, 0, _("output path exists and is not an ordinary file")),
                  _("give the name of a new or an ordinary file"));
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
    /* 0666: the umask decides, as for any file a program creates */
    int fd = outfile_mkstemp(o->tmp, 0666);
    if (fd < 0) {
        int e = errno;
        diag_hint(diag_error(dl, path, 0, 0, _("cannot write output: %s"), strerror(e)), "%s", write_hint(e));
        free(o->path); free(o->tmp);
        memset(o, 0, sizeof *o);
        return -1;
    }
    o->f = fdopen(fd, "wb");
    if (!o->f) {
        int e = errno;
        close(fd);
        unlink(o->tmp);
        outfile_forget(o->tmp);
        diag_error(dl, path, 0, 0, _("cannot write output: %s"), strerror(e));
        free(o->path); free(o->tmp); memset(o, 0, sizeof *o);
        return -1;
    }
    return 0;
}

int outfile_write(outfile *o, const void *buf, size_t len, diag_list *dl)
{
    if (!o->f) return -1;
    if (fwrite(buf, 1, len, o->f) == len) return 0;
    int e = errno ? errno : EIO;
    diag_hint(diag_error(dl, o->path, 0, 0, _("cannot write output: %s"), strerror(e)), "%s", write_hint(e));
    outfile_abort(o);
    return -1;
}

int outfile_commit(outfile *o, diag_list *dl)
{
    if (!o->tmp) return -1;
    int err = 0;
    if (o->f) {
        /* the last buffer is written now: a full disk may show only here */
        errno = 0;
        if (fflush(o->f) != 0 || ferror(o->f)) err = errno ? errno : EIO;
        if (fclose(o->f) != 0 && !err) err = errno;
        o->f = NULL;
    }
    if (!err && rename(o->tmp, o->path) != 0) err = errno;
    if (err) {
        diag_hint(diag_error(dl, o->path, 0, 0, _("cannot write output: %s"), strerror(err)), "%s", write_hint(err));
        outfile_abort(o);
        return -1;
    }
    outfile_forget(o->tmp);
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
        outfile_forget(o->tmp);
    }
    free(o->tmp);
    free(o->path);
    memset(o, 0, sizeof *o);
}
