/* i18n — see i18n.h. */
#include "common/i18n.h"
#include "common/xalloc.h"

#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* 1 when dir holds a compiled catalogue of ours (any language will do: the
 * folder is the same for every language). */
static int has_catalogue(const char *dir)
{
    char *p = xasprintf("%s/zh_CN/LC_MESSAGES/" JH_TEXTDOMAIN ".mo", dir);
    int ok = access(p, R_OK) == 0;
    free(p);
    return ok;
}

void i18n_init(void)
{
    const char *env = getenv("JUNHENG_LOCALEDIR");
    char *dir = NULL;
    if (env && *env) dir = xstrdup(env);
    char exe[PATH_MAX];
    ssize_t n = dir ? -1 : readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) *slash = '\0';
        /* bin/junheng -> ../share/locale; ./junheng -> build/locale;
         * build/rel/junheng -> ../locale */
        static const char *const mids[] = {"/../share/locale", "/build/locale", "/../locale"};
        for (size_t i = 0; !dir && slash && i < sizeof mids / sizeof mids[0]; i++) {
            char *p = xasprintf("%s%s", exe, mids[i]);
            if (has_catalogue(p)) dir = p;
            else free(p);
        }
    }
    if (dir) bindtextdomain(JH_TEXTDOMAIN, dir);
    bind_textdomain_codeset(JH_TEXTDOMAIN, "UTF-8");
    textdomain(JH_TEXTDOMAIN);
    free(dir);
}
