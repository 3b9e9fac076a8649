/* share — see share.h. */
#include "common/share.h"
#include "common/xalloc.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *try(const char *dir, const char *mid, const char *rel)
{
    char *p = xasprintf("%s%s/%s", dir, mid, rel);
    if (access(p, R_OK) == 0) return p;
    free(p);
    return NULL;
}

char *share_find(const char *rel)
{
    const char *env = getenv("JUNHENG_SHARE");
    char *p;
    if (env && *env && (p = try(env, "", rel))) return p;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return NULL;
    exe[n] = '\0';
    /* bin/junheng -> ../share/junheng; build/rel/junheng -> ../../ (checkout) */
    static const char *const mids[] = {"", "/../share/junheng", "/..", "/../.."};
    char *slash = strrchr(exe, '/');
    if (!slash) return NULL;
    *slash = '\0';
    for (size_t i = 0; i < sizeof mids / sizeof mids[0]; i++)
        if ((p = try(exe, mids[i], rel))) return p;
    return NULL;
}
