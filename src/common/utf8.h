/*
 * utf8 — decoding and checking UTF-8.
 */
#ifndef JH_UTF8_H
#define JH_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode one code point from s (n bytes available).  Stores it in *cp and
 * returns its length (1..4); on an invalid or truncated sequence stores
 * U+FFFD and returns 1. */
int utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Encode cp into out (4 bytes room); returns the length. */
int utf8_encode(uint32_t cp, char *out);
/* 1 if the n bytes are valid UTF-8 (no overlongs, no surrogates). */
int utf8_valid(const char *s, size_t n);
/* Number of code points in s. */
size_t utf8_len(const char *s, size_t n);

#endif
