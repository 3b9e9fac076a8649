/* Unit tests for layout/sfnt: the dense cmap keeps every mapping and has few segments. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <hb.h>
#include <hb-subset.h>
#include <stdlib.h>
#include <string.h>

#include "layout/sfnt.h"

#define UMING "/usr/share/fonts/truetype/arphic/uming.ttc"

static uint16_t rd16(const unsigned char *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static uint32_t rd32(const unsigned char *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }

/* segCount of the first subtable of the cmap in font */
static int seg_count(const unsigned char *font, size_t len)
{
    uint16_t nt = rd16(font + 4);
    for (uint16_t i = 0; i < nt; i++) {
        const unsigned char *r = font + 12 + 16 * i;
        if (memcmp(r, "cmap", 4)) continue;
        uint32_t off = rd32(r + 8);
        assert_true(off + 12 < len);
        const unsigned char *sub = font + off + rd32(font + off + 8);
        assert_int_equal(rd16(sub), 4);
        return rd16(sub + 6) / 2;
    }
    return -1;
}

static void test_dense_cmap_keeps_mappings(void **state)
{
    (void)state;
    static const uint32_t cps[] = {'0', '1', '9', 0x3002, 0x53BF, 0x901A, 0x9053, 0xFF0C};
    const size_t n = sizeof cps / sizeof cps[0];
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(UMING);
    if (!blob) skip();
    hb_face_t *face = hb_face_create(blob, 0);
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    for (size_t i = 0; i < n; i++) hb_set_add(hb_subset_input_unicode_set(in), cps[i]);
    hb_face_t *sub = hb_subset_or_fail(face, in);
    assert_non_null(sub);
    hb_font_t *sf = hb_font_create(sub);
    uint16_t gids[8];
    for (size_t i = 0; i < n; i++) {
        hb_codepoint_t g = 0;
        assert_true(hb_font_get_nominal_glyph(sf, cps[i], &g));
        gids[i] = (uint16_t)g;
    }
    hb_blob_t *sb = hb_face_reference_blob(sub);
    unsigned len;
    const unsigned char *data = (const unsigned char *)hb_blob_get_data(sb, &len);
    size_t outlen = 0;
    unsigned char *out = sfnt_dense_cmap(data, len, cps, gids, n, &outlen);
    assert_non_null(out);
    /* 0-9 | 。 | 县 | 通 道 (57 apart) | ， | the 0xFFFF sentinel: 6 segments,
     * where HarfBuzz writes one per run of consecutive code points (8) */
    assert_int_equal(seg_count(data, len), 8);
    assert_int_equal(seg_count(out, outlen), 6);

    hb_blob_t *ob = hb_blob_create((const char *)out, (unsigned)outlen, HB_MEMORY_MODE_READONLY, NULL, NULL);
    hb_face_t *of = hb_face_create(ob, 0);
    hb_font_t *ofont = hb_font_create(of);
    for (size_t i = 0; i < n; i++) {
        hb_codepoint_t g = 0;
        assert_true(hb_font_get_nominal_glyph(ofont, cps[i], &g));
        assert_int_equal(g, gids[i]);
    }
    hb_codepoint_t g = 0;   /* a code point in a gap maps to nothing */
    assert_false(hb_font_get_nominal_glyph(ofont, '5', &g) && g != 0);
    assert_int_equal(hb_face_get_glyph_count(of), hb_face_get_glyph_count(sub));

    hb_font_destroy(ofont); hb_face_destroy(of); hb_blob_destroy(ob);
    free(out);
    hb_blob_destroy(sb); hb_font_destroy(sf); hb_face_destroy(sub);
    hb_subset_input_destroy(in); hb_face_destroy(face); hb_blob_destroy(blob);
}

static void test_refuses_what_it_cannot_parse(void **state)
{
    (void)state;
    static const uint32_t cps[] = {'a'};
    static const uint16_t gids[] = {1};
    unsigned char junk[40] = {0, 1, 0, 0, 0, 9};
    size_t outlen;
    assert_null(sfnt_dense_cmap(junk, sizeof junk, cps, gids, 1, &outlen));
    assert_null(sfnt_dense_cmap(junk, 4, cps, gids, 1, &outlen));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dense_cmap_keeps_mappings),
        cmocka_unit_test(test_refuses_what_it_cannot_parse),
    };
    return cmocka_run_group_tests_name("sfnt", tests, NULL, NULL);
}
