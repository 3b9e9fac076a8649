/*
 * textenc — text as Chinese offices save it, turned into UTF-8.
 *
 * Notepad, WPS and Excel on a Chinese Windows save UTF-8 with or without a
 * byte-order mark, or GB18030 ("ANSI"); "Unicode" in their menus means
 * UTF-16, which junheng refuses with a hint.  text_decode tells them apart
 * the way every reader does: UTF-16 by its BOM, UTF-8 when the bytes are
 * valid UTF-8, GB18030 (then CP936 for the one byte GB18030 refuses, 0x80 €)
 * otherwise.
 */
#ifndef JH_TEXTENC_H
#define JH_TEXTENC_H

#include <stddef.h>

typedef enum { TEXT_UTF8, TEXT_UTF8_BOM, TEXT_GB18030, TEXT_GBK, TEXT_UTF16, TEXT_UNKNOWN } text_encoding;

/* "UTF-8", "UTF-8 (BOM)", "GB18030", "GBK", "UTF-16", "?" */
const char *text_encoding_name(text_encoding e);

/* The n bytes of s as NUL-terminated UTF-8 without a BOM (owned by the
 * caller; *outlen bytes) and their encoding in *enc.  NULL when the text is
 * UTF-16 (*enc = TEXT_UTF16) or neither UTF-8 nor GB18030 (*enc =
 * TEXT_UNKNOWN, *bad = offset of the first byte that fits neither). */
char *text_decode(const char *s, size_t n, size_t *outlen, text_encoding *enc, size_t *bad);

/* Convert n bytes from encoding `from` (an iconv name) to UTF-8.  NULL on
 * an invalid sequence (*bad = its offset) or an unknown encoding. */
char *text_iconv(const char *from, const char *s, size_t n, size_t *outlen, size_t *bad);

#endif
