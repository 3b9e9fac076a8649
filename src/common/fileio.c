/* fileio — see fileio.h.
 *
 * The caps (fileio.h) are far above any real input and far below what would
 * exhaust a desktop machine, so they only ever stop a mistake:
 *   data 200 MB  a county has a few hundred schools (a prefecture a few
 *                thousand); a row is ~300 bytes, so real files are < 2 MB.
 *                200 MB is 100× the largest plausible file and still parses
 *                in a few GB of memory (the whole file, its UTF-8 conversion
 *                and the parsed rows are held at once).
 *   INI 1 MB     a fully commented configuration is ~10 KB.
 *   text 16 MB   the report template is ~20 KB and a Markdown document of
 *                16 MB is ~5 million Chinese characters, thousands of pages;
 *                it is also room for 10^6 placeholders or comments, which
 *                the template engine handles in linear time (tested).
 *   font 256 MB  TrueType CJK faces are 10–40 MB, collections of every
 *                weight and width (e.g. Sarasa Gothic) are larger; HarfBuzz
 *                maps the file rather than copying it.
 */
#include "common/fileio.h"
#include "common/i18n.h"
#include "common/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* "12.5 MB" style, for the cap message */
static double mb(size_t n) { return (double)n / (1024.0 * 1024.0); }

static const char *kind_of(mode_t m)
{
    if (S_ISDIR(m)) return _("a folder");
    if (S_ISFIFO(m)) return _("a pipe (FIFO)");
    if (S_ISCHR(m) || S_ISBLK(m)) return _("a device");
    if (S_ISSOCK(m)) return _("a socket");
    return _("not a regular file");
}

int file_open_input(const char *path, const char *what, size_t cap, size_t *size, diag_list *dl)
{
    /* O_NONBLOCK: opening a FIFO for reading would wait for a writer */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        int e = errno;
        diag_hint(diag_error(dl, path, 0, 0, _("cannot open %s: %s"), what, strerror(e)),
                  e == ENOENT ? _("check the path (relative paths in the INI file are relative to "
                                  "the INI file's folder)")
                              : _("check the path and that the file is readable"));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        diag_error(dl, path, 0, 0, _("cannot read %s: %s"), what, strerror(errno));
        close(fd);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        diag_hint(diag_error(dl, path, 0, 0, _("cannot read %s: it is %s"), what, kind_of(st.st_mode)),
                  _("give the path of an ordinary file"));
        close(fd);
        return -1;
    }
    if ((unsigned long long)st.st_size > (unsigned long long)cap) {
        diag_hint(diag_error(dl, path, 0, 0, _("%s is too large: %.1f MB (at most %.0f MB)"), what,
                             mb((size_t)st.st_size), mb(cap)),
                  _("check that this is the right file"));
        close(fd);
        return -1;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl != -1) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    if (size) *size = (size_t)st.st_size;
    return fd;
}

char *file_read(const char *path, const char *what, size_t cap, size_t *len, diag_list *dl)
{
    size_t size;
    int fd = file_open_input(path, what, cap, &size, dl);
    if (fd < 0) return NULL;
    /* one byte more than the size, to see a file that grew; never past cap+1 */
    size_t alloc = size + 1, n = 0;
    char *buf = xmalloc(alloc + 1);
    for (;;) {
        if (n == alloc) {
            if (alloc > cap) break;
            alloc = alloc * 2 > cap + 1 ? cap + 1 : alloc * 2;
            buf = xrealloc(buf, alloc + 1);
        }
        ssize_t r = read(fd, buf + n, alloc - n);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            diag_error(dl, path, 0, 0, _("cannot read %s: %s"), what, strerror(errno));
            free(buf);
            close(fd);
            return NULL;
        }
        if (r == 0) break;
        n += (size_t)r;
    }
    close(fd);
    if (n > cap) {
        diag_hint(diag_error(dl, path, 0, 0, _("%s is too large: more than %.0f MB"), what, mb(cap)),
                  _("check that this is the right file"));
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}
