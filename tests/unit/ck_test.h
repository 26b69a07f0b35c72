/* SPDX-License-Identifier: MIT */
#ifndef CK_TEST_H
#define CK_TEST_H
/*
 * A tiny unit-test harness. A test is declared with CK_TEST(name) { ... } in
 * any tests/unit/test_*.c; the build collects every CK_TEST into a table
 * (build/unit_list.h), so adding a test needs no registration by hand.
 * CHECK* macros report file:line and count failures without stopping.
 * `build/unit-tests [name...]` runs all tests or the named ones.
 */
#include <stdio.h>
#include <string.h>

extern int ck_test_failures; /* failed checks in the running test */

#define CK_TEST(name) void ck_test_##name(void)

#define CHECK(expr)                                                                              \
    do {                                                                                         \
        if (!(expr)) {                                                                           \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #expr);             \
            ck_test_failures++;                                                                  \
        }                                                                                        \
    } while (0)

#define CHECK_INT_EQ(a, b)                                                                       \
    do {                                                                                         \
        long long ck_a_ = (long long)(a), ck_b_ = (long long)(b);                                \
        if (ck_a_ != ck_b_) {                                                                    \
            fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #a, ck_a_, \
                    ck_b_);                                                                      \
            ck_test_failures++;                                                                  \
        }                                                                                        \
    } while (0)

#define CHECK_STR_EQ(a, b)                                                                       \
    do {                                                                                         \
        const char *ck_a_ = (a), *ck_b_ = (b);                                                   \
        if (ck_a_ == NULL || ck_b_ == NULL || strcmp(ck_a_, ck_b_) != 0) {                       \
            fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #a,    \
                    ck_a_ ? ck_a_ : "(null)", ck_b_ ? ck_b_ : "(null)");                         \
            ck_test_failures++;                                                                  \
        }                                                                                        \
    } while (0)

#define CHECK_STATUS(expr, want) CHECK_INT_EQ((expr), (want))

#endif
