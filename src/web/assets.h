/*
 * assets — the page's files (src/web/page/), compiled into the binary by
 * tools/embed.py at build time: the page works offline and needs no
 * installed share folder.
 */
#ifndef JH_WEB_ASSETS_H
#define JH_WEB_ASSETS_H

#include <stddef.h>

typedef struct web_asset {
    const char *path;          /* "/app.js" */
    const char *type;          /* Content-Type */
    const unsigned char *data;
    size_t len;
} web_asset;

extern const web_asset web_assets[];   /* ends with a NULL path */

#endif
