/* textenc — see textenc.h. */
#include "common/textenc.h"
#include "common/utf8.h"
#include "common/xalloc.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

const char *text_encoding_name(text_encoding e)
{
    static const char *const names[] = {"UTF-8", "UTF-8 (BOM)", "GB18030", "GBK", "UTF-16", "?"};
    return names[e];
}

char *text_iconv(const char *from, const char *s, size_t n, size_t *outlen, size_t *bad)
{
    *bad = 0;
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) return NULL;
    size_t cap = n * 2 + 16, left = n, room = cap;
    char *out = xmalloc(cap + 1);
    char *ip = (char *)s, *op = out;
    while (left > 0) {
        if (iconv(cd, &ip, &left, &op, &room) != (size_t)-1) break;
        if (errno == E2BIG) {   /* GB18030 takes at most 4 bytes for 4 of UTF-8, but be safe */
            size_t used = (size_t)(op - out);
            cap *= 2;
            out = xrealloc(out, cap + 1);
            op = out + used;
            room = cap - used;
            continue;
        }
        *bad = (size_t)(ip - s);
        free(out);
        iconv_close(cd);
        return NULL;
    }
    iconv_close(cd);
    *outlen = (size_t)(op - out);
    out[*outlen] = 0;
    return out;
}

char *text_decode(const char *s, size_t n, size_t *outlen, text_encoding *enc, size_t *bad)
{
    const unsigned char *u = (const unsigned char *)s;
    *bad = 0;
    if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        *enc = TEXT_UTF16;
        return NULL;
    }
    int bom = n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF;
    if (bom) { s += 3; n -= 3; }
    if (utf8_valid(s, n)) {
        *enc = bom ? TEXT_UTF8_BOM : TEXT_UTF8;
        *outlen = n;
        return xstrndup(s, n);
    }
    size_t b1 = 0, b2 = 0;
    char *out = text_iconv("GB18030", s, n, outlen, &b1);
    if (out) { *enc = TEXT_GB18030; return out; }
    out = text_iconv("CP936", s, n, outlen, &b2);
    if (out) { *enc = TEXT_GBK; return out; }
    *enc = TEXT_UNKNOWN;
    *bad = (bom ? 3 : 0) + (b1 > b2 ? b1 : b2);
    return NULL;
}
