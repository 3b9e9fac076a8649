/*
 * json — the one JSON writer: a thin streaming layer over yajl's yajl_gen.
 *
 * Everything junheng prints as JSON (figures, diff, the workbench's
 * answers) goes through here, so that every document is well formed (yajl
 * checks the nesting and that keys are strings), strings are escaped one
 * way and checked as UTF-8, and numbers are written one way:
 *   - json_num writes the shortest decimal that reads back as the same
 *     double (num_shortest), whole numbers below 10^15 without exponent;
 *     NaN and ±Inf, i.e. undefined figures, are written as null;
 *   - json_bool writes null for a negative value (a verdict not defined).
 * Output goes to the sink as it is produced, in blocks of 16 KiB (nothing
 * else is held back), so a document of any size takes constant memory.
 *
 * Layout: no whitespace, except where the caller asks for a line break with
 * json_break (the break is written just before the next key, value or
 * closing bracket, after any separating comma; one still pending at the end
 * is written by json_finish), so that large documents stay readable by line.
 *
 * Errors: a misuse (a value where a key is due, closing what is not open,
 * a string that is not UTF-8) makes the writer fail: later calls do
 * nothing and json_finish returns -1.  Sink errors (a full disk) are the
 * sink's to report (for a FILE, check ferror/fflush after json_finish).
 */
#ifndef JH_JSON_H
#define JH_JSON_H

#include <stdio.h>
#include <stddef.h>

#include "common/strbuf.h"

typedef struct json_writer json_writer;

/* Where the text goes: called with each piece, in order. */
typedef void (*json_sink)(void *ud, const char *s, size_t n);

json_writer *json_new(json_sink sink, void *ud);
json_writer *json_new_file(FILE *out);     /* fwrite to out */
json_writer *json_new_strbuf(strbuf *b);   /* appended to b */
/* Hand what is gathered to the sink now (the writer passes text on in
 * blocks of 16 KiB; json_finish flushes too). */
void json_flush(json_writer *w);
/* 0 if the document was written completely and correctly, else -1. */
int json_finish(json_writer *w);
void json_free(json_writer *w);   /* does not flush */

void json_obj(json_writer *w);             /* { */
void json_obj_end(json_writer *w);         /* } */
void json_arr(json_writer *w);             /* [ */
void json_arr_end(json_writer *w);         /* ] */
void json_key(json_writer *w, const char *key);
void json_str(json_writer *w, const char *s);      /* NULL writes null */
void json_num(json_writer *w, double x);           /* shortest form; null if not finite */
void json_int(json_writer *w, long long v);
void json_bool(json_writer *w, int v);             /* < 0: null */
void json_null(json_writer *w);
/* Write `ws` (spaces and newlines only) before the next key or value. */
void json_break(json_writer *w, const char *ws);

/* Shorthands for a member: key then value. */
void json_kstr(json_writer *w, const char *key, const char *s);
void json_knum(json_writer *w, const char *key, double x);
void json_kint(json_writer *w, const char *key, long long v);
void json_kbool(json_writer *w, const char *key, int v);

#endif
