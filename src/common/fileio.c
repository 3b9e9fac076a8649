/* fileio — see fileio.h. */
#include "common/fileio.h"
#include "common/i18n.h"
#include "common/strbuf.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

char *file_read(const char *path, const char *what, size_t *len, diag_list *dl)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        diag_hint(diag_error(dl, path, 0, 0, _("cannot read %s: it is a folder"), what),
                  _("give the path of a file"));
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_hint(diag_error(dl, path, 0, 0, _("cannot open %s: %s"), what, strerror(errno)),
                  _("check the path and that the file is readable"));
        return NULL;
    }
    strbuf b = STRBUF_INIT;
    char chunk[16384];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) sb_add(&b, chunk, n);
    int err = ferror(f) ? errno : 0;
    fclose(f);
    if (err) {
        diag_error(dl, path, 0, 0, _("cannot read %s: %s"), what, strerror(err));
        sb_free(&b);
        return NULL;
    }
    *len = b.len;
    return sb_take(&b);
}
