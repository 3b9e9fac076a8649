/* Unit tests for document/value: the tree of template values. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/strbuf.h"
#include "document/value.h"

static void test_scalars(void **state)
{
    (void)state;
    tv_value *s = tv_string("0.380"), *r = tv_raw("**x**"), *b = tv_bool(7), *f = tv_bool(0);
    assert_int_equal(tv_kind_of(s), TV_STRING);
    assert_string_equal(tv_str(s), "0.380");
    assert_false(tv_is_raw(s));
    assert_true(tv_is_raw(r));
    assert_int_equal(tv_kind_of(b), TV_BOOL);
    assert_int_equal(tv_yes(b), 1);
    assert_null(tv_str(b));
    assert_true(tv_truthy(b));
    assert_false(tv_truthy(f));
    tv_value *e = tv_stringn("abc", 0);
    assert_string_equal(tv_str(e), "");
    assert_false(tv_truthy(e));
    assert_true(tv_truthy(s));
    tv_free(s); tv_free(r); tv_free(b); tv_free(f); tv_free(e);
    tv_free(NULL);
}

static void test_map_order_and_replace(void **state)
{
    (void)state;
    tv_value *m = tv_map();
    tv_map_str(m, "year", "2019");
    tv_map_str(m, "county", "通道");
    tv_map_str(m, "学段", "小学");
    assert_int_equal(tv_count(m), 3);
    assert_string_equal(tv_key_at(m, 0), "year");
    assert_string_equal(tv_key_at(m, 1), "county");
    assert_string_equal(tv_str(tv_get(m, "学段")), "小学");
    /* replacing keeps the position and frees the old value (ASan checks) */
    tv_map_set(m, "year", tv_string("2020"));
    assert_int_equal(tv_count(m), 3);
    assert_string_equal(tv_key_at(m, 0), "year");
    assert_string_equal(tv_str(tv_at(m, 0)), "2020");
    assert_null(tv_get(m, "yea"));
    assert_null(tv_getn(m, "yearx", 5));
    assert_non_null(tv_getn(m, "yearx", 4));
    assert_true(tv_truthy(m));
    tv_free(m);
}

static void test_list(void **state)
{
    (void)state;
    tv_value *l = tv_list();
    assert_false(tv_truthy(l));
    tv_list_push(l, tv_string("a"));
    tv_list_push(l, tv_string("b"));
    assert_int_equal(tv_count(l), 2);
    assert_string_equal(tv_str(tv_at(l, 1)), "b");
    assert_null(tv_at(l, 2));
    assert_null(tv_key_at(l, 0));
    assert_null(tv_get(l, "a"));
    assert_true(tv_truthy(l));
    tv_free(l);
}

static tv_value *sample(void)
{
    tv_value *m = tv_map();
    tv_map_str(m, "county", "通道侗族自治县");
    tv_value *p = tv_map_set(m, "primary", tv_map());
    tv_value *bal = tv_map_set(p, "balance", tv_map());
    tv_value *books = tv_map_set(bal, "books", tv_map());
    tv_map_str(books, "cv", "0.412");
    tv_map_set(books, "pass", tv_bool(0));
    tv_value *l = tv_map_set(m, "failing", tv_list());
    for (int i = 0; i < 3; i++) {
        tv_value *it = tv_list_push(l, tv_map());
        tv_map_str(it, "name", i ? "乙校" : "金殿小学");
        tv_value *miss = tv_map_set(it, "missing", tv_list());
        tv_list_push(miss, tv_string("生均图书"));
    }
    tv_map_set(m, "empty", tv_list());
    return m;
}

static void test_lookup(void **state)
{
    (void)state;
    tv_value *m = sample();
    assert_string_equal(tv_str(tv_lookup(m, "primary.balance.books.cv")), "0.412");
    assert_int_equal(tv_kind_of(tv_lookup(m, "primary.balance")), TV_MAP);
    assert_ptr_equal(tv_lookup(m, "."), m);
    assert_ptr_equal(tv_lookup(m, ""), m);
    assert_null(tv_lookup(m, "primary.balance.book.cv"));
    assert_null(tv_lookup(m, "primary.balance.books.cv.x"));   /* through a string */
    assert_null(tv_lookup(m, "failing.name"));                 /* lists are not maps */
    assert_null(tv_lookup(NULL, "a"));
    tv_free(m);
}

static void collect(const char *path, const tv_value *v, void *ud)
{
    strbuf *b = ud;
    sb_printf(b, "%s=%s\n", path,
              tv_kind_of(v) == TV_STRING ? tv_str(v) :
              tv_kind_of(v) == TV_BOOL ? (tv_yes(v) ? "true" : "false") : "<list>");
}

static void test_leaves(void **state)
{
    (void)state;
    tv_value *m = sample();
    strbuf b = STRBUF_INIT;
    tv_leaves(m, collect, &b);
    assert_string_equal(sb_str(&b),
        "county=通道侗族自治县\n"
        "primary.balance.books.cv=0.412\n"
        "primary.balance.books.pass=false\n"
        "failing[]=<list>\n"
        "failing[].name=金殿小学\n"           /* first item's value, reported once */
        "failing[].missing[]=<list>\n"
        "empty[]=<list>\n");
    sb_free(&b);
    tv_free(m);
}

/* A bad key is a bug in junheng: it must stop, not produce an unreachable figure. */
static int aborts(void (*fn)(void))
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 2);
        fn();
        _exit(0);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    return WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT;
}

static void set_dotted(void) { tv_value *m = tv_map(); tv_map_set(m, "a.b", tv_bool(1)); }
static void set_empty(void) { tv_value *m = tv_map(); tv_map_set(m, "", tv_bool(1)); }
static void set_space(void) { tv_value *m = tv_map(); tv_map_set(m, "a b", tv_bool(1)); }
static void set_on_list(void) { tv_value *l = tv_list(); tv_map_set(l, "a", tv_bool(1)); }
static void push_on_map(void) { tv_value *m = tv_map(); tv_list_push(m, tv_bool(1)); }
static void set_good(void) { tv_value *m = tv_map(); tv_map_set(m, "学段_1-a", tv_bool(1)); tv_free(m); }

static void test_misuse_aborts(void **state)
{
    (void)state;
    assert_true(aborts(set_dotted));
    assert_true(aborts(set_empty));
    assert_true(aborts(set_space));
    assert_true(aborts(set_on_list));
    assert_true(aborts(push_on_map));
    assert_false(aborts(set_good));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scalars),
        cmocka_unit_test(test_map_order_and_replace),
        cmocka_unit_test(test_list),
        cmocka_unit_test(test_lookup),
        cmocka_unit_test(test_leaves),
        cmocka_unit_test(test_misuse_aborts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
