/*
 * csv — the school data as CSV text: decode it, find the separator, split it
 * into rows of cells with their line (libcsv).  See table.h.
 *
 *   1. decode: refuse UTF-16, strip a UTF-8 BOM, take valid UTF-8 as is,
 *      otherwise convert from GB18030 (what Excel saves in China) with iconv,
 *      falling back to CP936 for the one byte GB18030 refuses (0x80, €).  A
 *      file that is UTF-8 but for a few damaged bytes (or has a BOM) is
 *      reported as broken UTF-8 on the first bad byte's line, not decoded as
 *      GB18030 mojibake or blamed on some later line;
 *   2. separator: ',' ';' or tab, whichever a line among the first ones
 *      holds most of (the header has one between every two names; a title
 *      row above it has none);
 *   3. rows with libcsv (strict), fed one physical line at a time so that
 *      every row and every parse error has its line number.
 */
#include "input/table.h"
#include "common/i18n.h"
#include "common/textenc.h"
#include "common/utf8.h"
#include "common/xalloc.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

/* ---- 1. decoding ---------------------------------------------------- */

static int line_of_offset(const char *s, size_t off)
{
    int line = 1;
    for (size_t i = 0; i < off; i++) if (s[i] == '\n') line++;
    return line;
}

/* Offset of the first invalid UTF-8 sequence (len if none).  *utf8ish is set
 * when the file reads as UTF-8 with a few damaged bytes: its valid multi-byte
 * sequences outnumber the invalid ones eight to one.  GB18030 text is not
 * like that: a byte pair of it is rarely valid UTF-8, so most of its Chinese
 * characters count as invalid sequences. */
static size_t first_bad_utf8(const char *data, size_t len, int *utf8ish)
{
    size_t off = 0, first = len, valid = 0, invalid = 0;
    while (off < len) {
        uint32_t cp;
        int n = utf8_decode(data + off, len - off, &cp);
        if (cp == 0xFFFD && !utf8_valid(data + off, (size_t)n)) {
            if (first == len) first = off;
            invalid++;
        } else if (n > 1) {
            valid++;
        }
        off += (size_t)n;
    }
    *utf8ish = invalid > 0 && valid >= 4 && invalid * 8 <= valid;
    return first;
}

/* The file's text as UTF-8 (owned), or NULL after a diagnostic. */
static char *decode(const char *name, const char *data, size_t len, jh_encoding enc,
                    size_t *outlen, char **encname, diag_list *dl)
{
    const unsigned char *u = (const unsigned char *)data;
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        diag_hint(diag_error(dl, name, 1, 0, _("the file is UTF-16 (Excel's \"Unicode text\"), which junheng does not read")),
                  _("in Excel choose Save As > \"CSV UTF-8 (逗号分隔)\" or \"CSV (逗号分隔)\" (GB18030)"));
        return NULL;
    }
    int bom = len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF;
    if (bom) { data += 3; len -= 3; }
    size_t blank = 0;
    while (blank < len && strchr(" \t\r\n", data[blank])) blank++;
    if (blank == len) {
        diag_hint(diag_error(dl, name, 0, 0, _("the file is empty")),
                  _("export the school table with its header row to this file"));
        return NULL;
    }
    if (memchr(data, '\0', len)) {
        diag_hint(diag_error(dl, name, line_of_offset(data, (size_t)((const char *)memchr(data, '\0', len) - data)), 0,
                             _("the file contains NUL bytes; it is not a CSV text file")),
                  _("save the sheet as CSV (UTF-8 or GB18030), or give junheng the .xlsx workbook itself"));
        return NULL;
    }
    int utf8ish = 0;
    size_t badu = enc == JH_ENC_GB18030 ? 0 : first_bad_utf8(data, len, &utf8ish);
    if (enc != JH_ENC_GB18030 && badu == len) {
        *encname = xstrdup(bom ? "UTF-8 (BOM)" : "UTF-8");
        *outlen = len;
        return xstrndup(data, len);
    }
    /* Explicit utf-8, or a BOM, or UTF-8 but for a few bytes: the file is
     * UTF-8 with damaged bytes, not GB18030. */
    if (enc == JH_ENC_UTF8 || (enc == JH_ENC_AUTO && (bom || utf8ish))) {
        diag_hint(diag_error(dl, name, line_of_offset(data, badu), 0, _("not valid UTF-8 (byte 0x%02X)"),
                             (unsigned char)data[badu < len ? badu : 0]),
                  enc == JH_ENC_UTF8 ? _("the file is probably GB18030/GBK: set [data] encoding = auto or gb18030")
                                     : _("the rest of the file is UTF-8: this byte was damaged or pasted from another file; "
                                         "retype the text on this line and save as CSV UTF-8"));
        return NULL;
    }
    size_t bad = 0;
    char *out = text_iconv("GB18030", data, len, outlen, &bad);
    if (out) { *encname = xstrdup("GB18030"); return out; }
    size_t bad2 = 0;
    out = text_iconv("CP936", data, len, outlen, &bad2);
    if (out) { *encname = xstrdup("GBK"); return out; }
    diag_hint(diag_error(dl, name, line_of_offset(data, bad), 0,
                         _("the file is neither UTF-8 nor GB18030/GBK (bad byte 0x%02X)"),
                         (unsigned char)data[bad < len ? bad : 0]),
              _("open it in Excel or WPS and save it again as CSV UTF-8"));
    return NULL;
}

/* ---- 2. separator --------------------------------------------------- */

#define SEP_LINES 20   /* title rows above a header are a few lines at most */

static char find_sep(const char *s, size_t len)
{
    static const char seps[] = {',', ';', '\t'};
    int best[3] = {0, 0, 0};
    const char *end = s + len;
    for (int l = 0; l < SEP_LINES && s < end; l++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *e = nl ? nl : end;
        int cnt[3] = {0, 0, 0}, inq = 0;
        for (const char *p = s; p < e; p++) {
            if (*p == '"') inq = !inq;
            else if (!inq) for (int k = 0; k < 3; k++) cnt[k] += *p == seps[k];
        }
        for (int k = 0; k < 3; k++) if (cnt[k] > best[k]) best[k] = cnt[k];
        s = e + 1;
    }
    int k = 0;
    for (int i = 1; i < 3; i++) if (best[i] > best[k]) k = i;
    return seps[k];
}

/* ---- 3. rows -------------------------------------------------------- */

typedef struct reader {
    jh_table *t;
    jh_row cur;
    int cap;        /* of cur.c */
    int line;       /* physical line being fed */
    int row_line;   /* where the current row began */
} reader;

static void on_field(void *s, size_t len, void *ud)
{
    reader *r = ud;
    XGROW(r->cur.c, r->cap, r->cur.n + 1);
    jh_cell *c = &r->cur.c[r->cur.n++];
    memset(c, 0, sizeof *c);
    c->text = xstrndup(s ? s : "", s ? len : 0);
}

static void on_row(int term, void *ud)
{
    (void)term;
    reader *r = ud;
    jh_row *row = table_add_row(r->t, r->row_line);
    row->n = r->cur.n;
    row->c = r->cur.c;
    memset(&r->cur, 0, sizeof r->cur);
    r->cap = 0;
    r->row_line = 0;
}

int csv_read(const char *name, const char *data, size_t len, jh_encoding enc, jh_table *t, diag_list *dl)
{
    memset(t, 0, sizeof *t);
    t->file = xstrdup(name);
    size_t tlen = 0;
    char *text = decode(name, data, len, enc, &tlen, &t->encoding, dl);
    if (!text) return -1;
    t->sep = find_sep(text, tlen);
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        diag_error(dl, name, 0, 0, _("cannot start the CSV parser"));
        free(text);
        return -1;
    }
    csv_set_delim(&p, (unsigned char)t->sep);
    reader r;
    memset(&r, 0, sizeof r);
    r.t = t;
    const char *s = text, *end = text + tlen;
    int rc = 0;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t n = nl ? (size_t)(nl - s) + 1 : (size_t)(end - s);
        r.line++;
        /* pstate 0 is libcsv's ROW_NOT_BEGUN: no row is open, so the next one
         * starts on this line or later (blank lines are skipped by libcsv). */
        if (r.cur.n == 0 && p.pstate == 0) r.row_line = r.line;
        size_t used = csv_parse(&p, s, n, on_field, on_row, &r);
        if (used != n) {
            int col = (int)utf8_len(s, used) + 1;
            diag_hint(diag_error(dl, name, r.line, col, _("malformed CSV: %s"), csv_strerror(csv_error(&p))),
                      _("a quote (\") inside a field must be doubled (\"\"), and a quoted field must end with a quote right before the comma"));
            rc = -1;
            break;
        }
        s += n;
    }
    if (rc == 0 && csv_fini(&p, on_field, on_row, &r) != 0) {
        diag_hint(diag_error(dl, name, r.row_line ? r.row_line : r.line, 0,
                             _("malformed CSV: a quoted field is never closed")),
                  _("add the closing quote (\") of the field that starts on this line"));
        rc = -1;
    }
    for (int i = 0; i < r.cur.n; i++) free(r.cur.c[i].text);
    free(r.cur.c);
    csv_free(&p);
    free(text);
    return rc;
}
