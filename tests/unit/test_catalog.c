/* SPDX-License-Identifier: MIT */
/* Unit tests of the catalogue: loading, editions, lookups, codes, provincial lists,
 * bigrams, exclusions, ranking, import and the fc:catalog-* XPath functions.
 * Run from the source root (tests/suite-unit.sh does): they read catalogs/. */
#include "ck_test.h"

#include "catalog.h"
#include "ck.h"
#include "xenv.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static struct ck_catalog *load_shipped(void)
{
    struct ck_catalog *cat = NULL;
    char *err = NULL;
    /* a user dir that does not exist: only the shipped data */
    int rc = ck_catalog_load("catalogs", "/nonexistent/fundcheck-test", &cat, &err);
    if (rc != CK_OK)
        fprintf(stderr, "load: %s\n", err ? err : "?");
    free(err);
    return cat;
}

static char *write_temp(const char *content, const char *suffix)
{
    char tmpl[] = "/tmp/ck_catalog_XXXXXX";
    int fd = mkstemp(tmpl);
    if (fd < 0)
        return NULL;
    close(fd);
    size_t n = strlen(tmpl) + strlen(suffix) + 1;
    char *path = malloc(n);
    snprintf(path, n, "%s%s", tmpl, suffix);
    remove(tmpl);
    FILE *f = fopen(path, "w");
    fputs(content, f);
    fclose(f);
    return path;
}

CK_TEST(catalog_load_shipped)
{
    struct ck_catalog *cat = load_shipped();
    CHECK(cat != NULL);
    if (cat == NULL)
        return;
    const struct ck_catalog_edition *ed = ck_catalog_edition(cat, "2024");
    CHECK(ed != NULL);
    CHECK_STR_EQ(ed->status, "excerpt");
    CHECK_INT_EQ(ed->n_entries, 8);
    CHECK(strstr(ck_catalog_version(cat), "2024:excerpt(8)") != NULL);
    const struct ck_catalog_entry *e = ck_catalog_find(ed, CK_CATALOG_RESTRICTED, "一", "3");
    CHECK(e != NULL && strcmp(e->key, "2024/restricted/一/3") == 0);
    CHECK(e && strstr(e->text, "松香") != NULL);
    CHECK(ck_catalog_find(ed, CK_CATALOG_ENCOURAGED, "一", "3") == NULL);
    /* a sector printed without numeral is addressed by its name */
    e = ck_catalog_find(ed, CK_CATALOG_ENCOURAGED, "钢铁", "1");
    CHECK(e != NULL && strcmp(e->key, "2024/encouraged/钢铁/1") == 0);
    CHECK(ck_catalog_entry_by_key(cat, "2024/restricted/一/6") != NULL);
    CHECK(ck_catalog_entry_by_key(cat, "2019/restricted/一/6") == NULL);
    ck_catalog_free(cat);
}

CK_TEST(catalog_editions_in_force)
{
    struct ck_catalog *cat = load_shipped();
    if (cat == NULL) {
        CHECK(0);
        return;
    }
    CHECK(ck_catalog_edition_at(cat, "2024-01-31") == NULL);
    CHECK(ck_catalog_edition_at(cat, "2024-02-01") != NULL);
    CHECK(ck_catalog_edition_at(cat, "2026-03-31") != NULL);
    CHECK(ck_catalog_edition_at(cat, "garbage") == NULL);
    CHECK_STR_EQ(ck_catalog_official_edition_at("2023-12-31"), "2019");
    CHECK_STR_EQ(ck_catalog_official_edition_at("2024-02-01"), "2024");
    CHECK_STR_EQ(ck_catalog_official_edition_at("2019-12-31"), "2011");
    ck_catalog_free(cat);
}

CK_TEST(catalog_industry_codes)
{
    struct ck_catalog *cat = load_shipped();
    if (cat == NULL) {
        CHECK(0);
        return;
    }
    CHECK(ck_catalog_code_problem(cat, "C3973") == NULL); /* class: syntax only */
    CHECK(ck_catalog_code_problem(cat, "C39") == NULL);
    CHECK(ck_catalog_code_problem(cat, "K") == NULL);
    CHECK(ck_catalog_code_problem(cat, "K70") == NULL);
    CHECK(ck_catalog_code_problem(cat, "J3670") != NULL); /* division 36 is in C */
    CHECK(ck_catalog_code_problem(cat, "C3") != NULL);
    CHECK(ck_catalog_code_problem(cat, "Z01") != NULL);
    CHECK(ck_catalog_code_problem(cat, "C99") != NULL);
    CHECK(ck_catalog_code_problem(cat, "") != NULL);
    CHECK(ck_catalog_code_problem(cat, "C397A") != NULL);
    CHECK_STR_EQ(ck_catalog_code_name(cat, "K7010"), "房地产业");
    CHECK_STR_EQ(ck_catalog_code_name(cat, "C3973"), "计算机、通信和其他电子设备制造业");
    CHECK_INT_EQ(cat->codes_full, 0);
    ck_catalog_free(cat);
}

CK_TEST(catalog_provincial_lists)
{
    struct ck_catalog *cat = load_shipped();
    if (cat == NULL) {
        CHECK(0);
        return;
    }
    const struct ck_catalog_province *p = ck_catalog_province(cat, "990100");
    CHECK(p != NULL);
    CHECK(p && ck_catalog_province_allows(p, "C3973"));
    CHECK(p && ck_catalog_province_allows(p, "C39"));
    CHECK(p && !ck_catalog_province_allows(p, "H6210"));
    CHECK(p && !ck_catalog_province_allows(p, "C"));  /* a section is wider than C39 */
    CHECK(ck_catalog_province(cat, "440300") == NULL);
    ck_catalog_free(cat);
}

CK_TEST(catalog_bigrams)
{
    struct ck_catalog_terms t;
    memset(&t, 0, sizeof t);
    /* full-width letters fold; punctuation splits runs; particles are dropped */
    ck_catalog_terms_add(&t, "ＰＶＣ树脂、研发与生产");
    ck_catalog_terms_finish(&t);
    char s[16];
    int has_pv = 0, has_c = 0, has_yu = 0, has_rd = 0;
    for (size_t i = 0; i < t.n; i++) {
        ck_catalog_term_str(t.t[i], s);
        has_pv |= strcmp(s, "pv") == 0;
        has_c |= strcmp(s, "c树") == 0;
        has_yu |= strstr(s, "与") != NULL;
        has_rd |= strcmp(s, "研发") == 0;
    }
    CHECK(has_pv && has_c && has_rd);
    CHECK(!has_yu);
    ck_catalog_terms_fini(&t);
}

CK_TEST(catalog_exclusions)
{
    struct ck_catalog *cat = load_shipped();
    if (cat == NULL) {
        CHECK(0);
        return;
    }
    const struct ck_catalog_entry *e = ck_catalog_entry_by_key(cat, "2024/restricted/一/4");
    CHECK(e && e->n_excl == 2);
    CHECK(e && e->n_excl == 2 && strcmp(e->excl_text[1], "自动化密闭式高效率混合生产工艺") == 0);
    const struct ck_catalog_edition *ed = ck_catalog_edition(cat, "2024");
    struct ck_catalog_match m[3];
    size_t n = ck_catalog_rank(ed, CK_CATALOG_ADVERSE, "兽用粉剂、散剂生产线", m, 3, NULL, 0, NULL);
    CHECK(n >= 1 && strcmp(m[0].entry->key, "2024/restricted/一/4") == 0);
    n = ck_catalog_rank(ed, CK_CATALOG_ADVERSE,
                        "采用自动化密闭式高效率混合生产工艺生产兽用粉剂、散剂", m, 3, NULL, 0, NULL);
    for (size_t i = 0; i < n; i++)
        CHECK(strcmp(m[i].entry->key, "2024/restricted/一/4") != 0);
    /* the reading (team's simplified text) is what is matched; 不含 clause excluded */
    e = ck_catalog_entry_by_key(cat, "2024/encouraged/钢铁/2");
    CHECK(e && e->n_excl == 1 && strcmp(e->excl_text[0], "煤制气") == 0);
    ck_catalog_free(cat);
}

CK_TEST(catalog_ranking_explained)
{
    struct ck_catalog *cat = load_shipped();
    if (cat == NULL) {
        CHECK(0);
        return;
    }
    const struct ck_catalog_edition *ed = ck_catalog_edition(cat, "2024");
    struct ck_catalog_match m[5], m2[5];
    const char *q = "主营：松香生产、松脂初加工及销售";
    size_t n = ck_catalog_rank(ed, -1, q, m, 5, NULL, 0, NULL);
    size_t n2 = ck_catalog_rank(ed, -1, q, m2, 5, NULL, 0, NULL);
    CHECK(n >= 1 && strcmp(m[0].entry->key, "2024/restricted/一/3") == 0);
    CHECK(n >= 1 && m[0].score >= 0.6);
    CHECK_INT_EQ(n, n2);
    for (size_t i = 0; i < n && i < n2; i++)
        CHECK(m[i].entry == m2[i].entry && m[i].bm25 == m2[i].bm25);
    struct ck_buf b;
    ck_buf_init(&b);
    ck_catalog_explain_terms(&b, ed, m[0].entry, q, 0);
    CHECK(strstr(ck_buf_str(&b), "松香生产") != NULL);
    ck_buf_fini(&b);
    /* nothing in common: no result */
    CHECK_INT_EQ(ck_catalog_rank(ed, -1, "餐饮", m, 5, NULL, 0, NULL), 0);
    ck_catalog_free(cat);
}

static const char anomalous_text[] = "产业结构调整指导目录（测试）\n"
                                     "第二类　限制类\n"
                                     "限制类说明文字。\n"
                                     "一、农林牧渔业\n"
                                     "1．第一条内容，\n"
                                     "跨行续写\n"
                                     "2、第二条\n"
                                     "4. 第四条\n"
                                     "4. 第四条重复编号\n"
                                     "— 3 —\n"
                                     "二、煤炭\n"
                                     "没有编号的行\n"
                                     "1．煤炭第一条\n";

CK_TEST(catalog_import_anomalies)
{
    char *path = write_temp(anomalous_text, ".txt");
    CHECK(path != NULL);
    if (path == NULL)
        return;
    struct ck_catalog_import_opts o = {"2099", "2099-01-01", "synthetic", NULL, "unit-test"};
    struct ck_buf out, rep;
    ck_buf_init(&out);
    ck_buf_init(&rep);
    size_t n_anom = 0;
    CHECK_STATUS(ck_catalog_import(path, &o, "en", &out, &rep, &n_anom), CK_OK);
    const char *r = ck_buf_str(&rep);
    CHECK_INT_EQ(n_anom, 3);
    CHECK(strstr(r, ":8: numbering gap: item 4 follows item 2") != NULL);
    CHECK(strstr(r, ":9: item number 4 repeated (first at line 8)") != NULL);
    CHECK(strstr(r, ":12: unparsed line") != NULL);
    CHECK(strstr(r, "entries 5: encouraged 0, restricted 5, eliminated 0") != NULL);
    CHECK(strstr(ck_buf_str(&out), "第一条内容，跨行续写") != NULL);
    ck_buf_fini(&out);
    ck_buf_fini(&rep);
    remove(path);
    free(path);
}

CK_TEST(catalog_import_wrapping)
{
    /* a decimal at the start of a wrapped line is not an item; full-width "２．400" is;
     * a Latin word broken at its space gets the space back */
    char *path = write_temp("第三类 淘汰类\n一、落后生产工艺装备\n（四）钢铁\n1．单线\n1.5万吨以下的小高炉\n"
                            "２．400立方米及以下的高炉\n3、Micro\nLED 装置\n",
                            ".txt");
    if (path == NULL) {
        CHECK(0);
        return;
    }
    struct ck_catalog_import_opts o = {"2099", "2099-01-01", "synthetic", NULL, "unit-test"};
    struct ck_buf out, rep;
    ck_buf_init(&out);
    ck_buf_init(&rep);
    size_t n_anom = 9;
    CHECK_STATUS(ck_catalog_import(path, &o, "zh", &out, &rep, &n_anom), CK_OK);
    CHECK_INT_EQ(n_anom, 0);
    const char *t = ck_buf_str(&out);
    CHECK(strstr(t, "\t1\t单线1.5万吨以下的小高炉\t") != NULL);
    CHECK(strstr(t, "eliminated\t一\t落后生产工艺装备\t四\t钢铁\t2\t400立方米及以下的高炉\t") != NULL);
    CHECK(strstr(t, "\t3\tMicro LED 装置\t") != NULL);
    ck_buf_fini(&out);
    ck_buf_fini(&rep);
    remove(path);
    free(path);
}

CK_TEST(catalog_load_errors)
{
    char *dir = write_temp("", "");
    CHECK(dir != NULL);
    if (dir == NULL)
        return;
    remove(dir);
    CHECK(mkdir(dir, 0700) == 0);
    char path[512];
    snprintf(path, sizeof path, "%s/bad.tsv", dir);
    FILE *f = fopen(path, "w");
    fputs("#kind\tisac-edition\n#edition\t2099\n#effective\t2099-01-01\nclass\tsector_no\titem_no\t"
          "text\nwrong\t一\t1\tx\n",
          f);
    fclose(f);
    struct ck_catalog *cat = NULL;
    char *err = NULL;
    CHECK_STATUS(ck_catalog_load(NULL, dir, &cat, &err), CK_ESYNTAX);
    CHECK(cat == NULL);
    CHECK(err && strstr(err, "bad.tsv:5: unknown class 'wrong'") != NULL);
    free(err);
    remove(path);
    rmdir(dir);
    free(dir);
}

static void quiet(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
}

static char *xpath_string(xmlXPathContextPtr ctx, const char *expr)
{
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    if (o == NULL)
        return strdup("<error>");
    xmlChar *s = xmlXPathCastToString(o);
    char *r = strdup((const char *)s);
    xmlFree(s);
    xmlXPathFreeObject(o);
    return r;
}

CK_TEST(catalog_xpath_functions)
{
    struct ck_catalog *cat = load_shipped();
    if (cat == NULL) {
        CHECK(0);
        return;
    }
    xmlDocPtr doc = xmlReadMemory("<x/>", 4, "x.xml", NULL, 0);
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, BAD_CAST "fc", BAD_CAST CK_NS_FN);
    CHECK_STATUS(ck_catalog_register_xpath(ctx), CK_OK);
    struct ck_buf explain;
    ck_buf_init(&explain);
    struct ck_xenv env;
    memset(&env, 0, sizeof env);
    env.catalog = cat;
    env.lang = "zh";
    env.explain = &explain;
    ctx->userData = &env;
    static const struct {
        const char *expr, *want;
    } cases[] = {
        {"fc:catalog-edition-at('2026-03-31')", "2024"},
        {"fc:catalog-edition-at('2023-12-31')", ""},
        {"fc:catalog-official-edition-at('2023-12-31')", "2019"},
        {"fc:catalog-status('2024')", "excerpt"},
        {"fc:catalog-complete('2024')", "false"},
        {"fc:catalog-class('2024', 'restricted', '一', '3')", "restricted"},
        {"fc:catalog-class('2024', 'encouraged', '四十九', '1')", "missing"},
        {"fc:catalog-class('2019', 'encouraged', '一', '1')", ""},
        {"fc:catalog-key('2024', 'restricted', '一', '2')", "2024/restricted/一/2"},
        {"fc:catalog-entry-class('2024/restricted/一/2')", "restricted"},
        {"fc:catalog-best('2024', '松香生产', 'adverse')", "2024/restricted/一/3"},
        {"fc:catalog-score(fc:catalog-best('2024', '松香生产', 'encouraged'), '松香生产') < 0.3", "true"},
        {"fc:catalog-best('2024', '松香生产', 'nonsense')", ""},
        {"fc:catalog-score('2024/restricted/一/3', '松香生产') > 0.5", "true"},
        {"fc:catalog-terms('2024/restricted/一/3', '松香生产和松脂初加工')", "松香生产、松脂初加工"},
        {"fc:catalog-excluded('2024/restricted/一/5', '采用新技术生产兽用细胞苗')", "采用新技术的"},
        {"fc:industry-valid('C3973')", "true"},
        {"fc:industry-valid('J3670')", "false"},
        {"fc:industry-problem('J3670')", "该大类不属于这个门类"},
        {"fc:industry-section('K7010')", "K"},
        {"fc:industry-name('K7010')", "房地产业"},
        {"fc:provincial-allows('990000', 'H6210')", "no"},
        {"fc:provincial-allows('990000', 'C3973')", "yes"},
        {"fc:provincial-allows('440300', 'H6210')", "none"},
    };
    for (size_t i = 0; i < CK_ARRAY_LEN(cases); i++) {
        char *got = xpath_string(ctx, cases[i].expr);
        if (strcmp(got, cases[i].want) != 0) {
            fprintf(stderr, "%s => \"%s\", expected \"%s\"\n", cases[i].expr, got, cases[i].want);
            ck_test_failures++;
        }
        free(got);
    }
    CHECK(env.catalog_edition != NULL && strcmp(env.catalog_edition, "2024") == 0);
    CHECK(strstr(ck_buf_str(&explain), "命中词：松香生产") != NULL);
    /* wrong arity is an XPath error, not a crash */
    xmlSetStructuredErrorFunc(NULL, quiet);
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST "fc:catalog-status()", ctx);
    CHECK(o == NULL);
    xmlXPathFreeObject(o);
    xmlSetStructuredErrorFunc(NULL, NULL);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(doc);
    ck_buf_fini(&explain);
    ck_catalog_free(cat);
}
