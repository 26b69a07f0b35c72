/* SPDX-License-Identifier: MIT */
/* Runner for the unit tests: runs every CK_TEST collected into unit_list.h. */
#include "ck_test.h"

#include <libxml/parser.h>

int ck_test_failures;

#define CK_TEST_ENTRY(name) void ck_test_##name(void);
#include "unit_list.h"
#undef CK_TEST_ENTRY

struct entry {
    const char *name;
    void (*fn)(void);
};

static const struct entry tests[] = {
#define CK_TEST_ENTRY(name) {#name, ck_test_##name},
#include "unit_list.h"
#undef CK_TEST_ENTRY
};

int main(int argc, char **argv)
{
    int passed = 0, failed = 0;
    /* A name that matches no test is an error, not "0 passed, 0 failed". */
    int unknown = 0;
    for (int a = 1; a < argc; a++) {
        size_t i = 0;
        while (i < sizeof(tests) / sizeof(tests[0]) && strcmp(argv[a], tests[i].name) != 0)
            i++;
        if (i == sizeof(tests) / sizeof(tests[0])) {
            fprintf(stderr, "unit-tests: no test named '%s'\n", argv[a]);
            unknown++;
        }
    }
    if (unknown) {
        printf("unit: 0 passed, %d failed\n", unknown);
        return 1;
    }
    xmlInitParser();
    for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
        if (argc > 1) {
            int want = 0;
            for (int a = 1; a < argc; a++)
                if (strcmp(argv[a], tests[i].name) == 0)
                    want = 1;
            if (!want)
                continue;
        }
        ck_test_failures = 0;
        tests[i].fn();
        if (ck_test_failures) {
            printf("FAIL %s\n", tests[i].name);
            failed++;
        } else {
            passed++;
        }
    }
    xmlCleanupParser();
    printf("unit: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
