/* SPDX-License-Identifier: MIT */
/* Unit tests of the small core modules: buf, sha256, regex, finding order
 * and exemptions, node paths, example building. */
#include "buf.h"
#include "ck_test.h"
#include "eval.h"
#include "example.h"
#include "finding.h"
#include "mem.h"
#include "regex.h"
#include "rules.h"
#include "sha256.h"

#include <libxml/parser.h>
#include <stdlib.h>

CK_TEST(buf_json_escapes)
{
    struct ck_buf b;
    ck_buf_init(&b);
    ck_buf_json_str(&b, "a\"b\\c\n\x01中");
    CHECK_STR_EQ(ck_buf_str(&b), "\"a\\\"b\\\\c\\n\\u0001中\"");
    ck_buf_reset(&b);
    ck_buf_json_str(&b, NULL);
    CHECK_STR_EQ(ck_buf_str(&b), "null");
    ck_buf_fini(&b);
}

CK_TEST(buf_cut_counts_characters)
{
    struct ck_buf b;
    ck_buf_init(&b);
    ck_buf_add_cut(&b, "  固定  收益\n率 ", 4);
    CHECK_STR_EQ(ck_buf_str(&b), "固定 收…");
    ck_buf_reset(&b);
    ck_buf_add_cut(&b, "abc", 3);
    CHECK_STR_EQ(ck_buf_str(&b), "abc");
    CHECK_INT_EQ(ck_utf8_len("中a文"), 3);
    CHECK_INT_EQ(ck_utf8_prefix("中a文", 2), 4);
    ck_buf_fini(&b);
}

CK_TEST(buf_csv_quotes_when_needed)
{
    struct ck_buf b;
    ck_buf_init(&b);
    ck_buf_csv_field(&b, "plain");
    ck_buf_addc(&b, ',');
    ck_buf_csv_field(&b, "a,\"b\"");
    CHECK_STR_EQ(ck_buf_str(&b), "plain,\"a,\"\"b\"\"\"");
    ck_buf_fini(&b);
}

CK_TEST(sha256_known_vectors)
{
    char out[65];
    ck_sha256_hex("", 0, out);
    CHECK_STR_EQ(out, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    ck_sha256_hex("abc", 3, out);
    CHECK_STR_EQ(out, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"; /* 56 bytes: two blocks */
    ck_sha256_hex(m, strlen(m), out);
    CHECK_STR_EQ(out, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static struct ck_regex make_regex(const char *pattern, const char *unless)
{
    struct ck_regex rx;
    memset(&rx, 0, sizeof rx);
    char *err = NULL;
    rx.id = ck_strdup("t");
    CHECK_INT_EQ(ck_regex_compile(pattern, &rx.re, &err), CK_OK);
    free(err);
    if (unless) {
        rx.unless = ck_calloc(1, sizeof *rx.unless);
        CHECK_INT_EQ(ck_regex_compile(unless, &rx.unless[0], &err), CK_OK);
        free(err);
        rx.n_unless = 1;
    }
    ck_regex_enable_jit(&rx); /* JIT after a few uses, as the rule set's */
    return rx;
}

CK_TEST(regex_sentences_and_unless)
{
    struct ck_regex rx = make_regex("保底收益", "不设置?[^，。]{0,4}保底");
    struct ck_regex_scratch *s = ck_regex_scratch_new(NULL);
    struct ck_regex_hit hit;
    const char *neg = "本协议不设置保底收益。";
    CHECK_INT_EQ(ck_regex_match(&rx, s, neg, strlen(neg), &hit), 0);
    const char *pos = "本协议不设置回购。乙方承诺保底收益为年化6%。";
    CHECK_INT_EQ(ck_regex_match(&rx, s, pos, strlen(pos), &hit), 1);
    CHECK_INT_EQ(hit.sent_start, strlen("本协议不设置回购。"));
    CHECK(hit.match_start > hit.sent_start && hit.match_end <= hit.sent_end);
    const char *none = "按实际经营业绩分配收益";
    CHECK_INT_EQ(ck_regex_match(&rx, s, none, strlen(none), NULL), 0);
    ck_regex_scratch_free(s);
    ck_regex_fini(&rx);
}

CK_TEST(regex_syntax_error_has_offset)
{
    pcre2_code *re = NULL;
    char *err = NULL;
    CHECK_INT_EQ(ck_regex_compile("(固定", &re, &err), CK_EREGEX);
    CHECK(re == NULL);
    CHECK(err != NULL && strstr(err, "offset") != NULL);
    free(err);
}

CK_TEST(regex_catastrophic_pattern_is_bounded)
{
    /* Nested quantifiers anchored at the end with no required literal:
     * PCRE2's start-up optimisations cannot reject the subject, so only the
     * match limit stops the exponential backtracking. */
    struct ck_regex rx = make_regex("(?:a+)+$", NULL);
    struct ck_regex_scratch *s = ck_regex_scratch_new(NULL);
    char text[4002];
    memset(text, 'a', 4000);
    text[4000] = 'X';
    text[4001] = '\0';
    CHECK_INT_EQ(ck_regex_match(&rx, s, text, 4001, NULL), 0);
    CHECK(s->limit_hits > 0);
    /* the same pattern still matches where it should */
    unsigned long hits = s->limit_hits;
    CHECK_INT_EQ(ck_regex_match(&rx, s, "aaa", 3, NULL), 1);
    CHECK(s->limit_hits == hits);
    ck_regex_scratch_free(s);
    ck_regex_fini(&rx);
}

static struct ck_rule fake_rule(const char *id, const char *category)
{
    struct ck_rule r;
    memset(&r, 0, sizeof r);
    r.id = (char *)id;
    r.category = (char *)category;
    return r;
}

CK_TEST(findings_sort_by_line_then_rule)
{
    struct ck_rule a = fake_rule("DRV-002", "derivatives"), b = fake_rule("DRV-001", "derivatives");
    struct ck_findings f;
    ck_findings_init(&f);
    struct ck_finding *x = ck_findings_add(&f);
    x->rule = &a;
    x->line = 10;
    x = ck_findings_add(&f);
    x->rule = &b;
    x->line = 10;
    x = ck_findings_add(&f);
    x->rule = &a;
    x->line = 3;
    ck_findings_sort(&f);
    CHECK_INT_EQ(f.v[0].line, 3);
    CHECK_STR_EQ(f.v[1].rule->id, "DRV-001");
    CHECK_STR_EQ(f.v[2].rule->id, "DRV-002");
    ck_findings_fini(&f);
}

CK_TEST(exemptions_waive_only_in_force_and_matching)
{
    struct ck_rule drv = fake_rule("DRV-001", "derivatives"), ps = fake_rule("PS-001", "public-stock"),
                   exm = fake_rule("EXM-001", "exemption");
    struct ck_findings f;
    ck_findings_init(&f);
    struct ck_finding *x = ck_findings_add(&f);
    x->rule = &drv;
    x->holding = ck_strdup("H2");
    x = ck_findings_add(&f);
    x->rule = &drv;
    x->holding = ck_strdup("H1");
    x = ck_findings_add(&f);
    x->rule = &ps;
    x = ck_findings_add(&f);
    x->rule = &exm;
    struct ck_exemption ex[2] = {
        {(char *)"derivatives", (char *)"H2", (char *)"财政局", (char *)"某财金〔2026〕3号",
         (char *)"2026-01-01", (char *)"2026-12-31", 5},
        {(char *)"PS-001", (char *)"", (char *)"财政局", (char *)"旧文", (char *)"2024-01-01",
         (char *)"2025-12-31", 6},
    };
    ck_findings_apply_exemptions(&f, ex, 2, "2026-01-01", "2026-03-31", CK_LANG_EN);
    CHECK_INT_EQ(f.v[0].exempted, 1);
    CHECK_STR_EQ(f.v[0].exempt_document, "某财金〔2026〕3号");
    CHECK_INT_EQ(f.v[1].exempted, 0);          /* other holding */
    CHECK_INT_EQ(f.v[2].exempted, 0);          /* expired */
    CHECK(f.v[2].explain && strstr(f.v[2].explain, "not applied"));
    CHECK_INT_EQ(f.v[3].exempted, 0);          /* exemption findings are never waived */
    CHECK_INT_EQ(ck_findings_count_at_least(&f, CK_SEV_NOTICE), 3);
    ck_findings_fini(&f);
}

CK_TEST(findings_cap)
{
    struct ck_findings f;
    ck_findings_init(&f);
    for (int i = 0; i < CK_MAX_FINDINGS_PER_FILING + 5; i++)
        (void)ck_findings_add(&f);
    CHECK_INT_EQ(f.n, CK_MAX_FINDINGS_PER_FILING);
    CHECK_INT_EQ(f.dropped, 5);
    ck_findings_fini(&f);
}

static const char skeleton[] =
    "<filing xmlns='urn:gif:filing:1' version='1'><header/><fund><establishmentPlan/></fund>"
    "<holdings/><transactions/><guarantees/><disclosures/></filing>";

CK_TEST(example_build_places_fragments)
{
    xmlDocPtr skel = xmlReadMemory(skeleton, (int)strlen(skeleton), "s", NULL, 0);
    const char frag[] =
        "<case xmlns='urn:fundcheck:corpus:1'><text in='clause' type='repurchase'>A &amp; B</text>"
        "<transaction xmlns='urn:gif:filing:1' id='T9'/><text in='disclosure'>披露</text></case>";
    xmlDocPtr fd = xmlReadMemory(frag, (int)strlen(frag), "f", NULL, 0);
    xmlDocPtr doc = ck_example_build(skel, xmlDocGetRootElement(fd));
    CHECK(doc != NULL);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlNodePtr holdings = root->children->next->next;
    CHECK_STR_EQ((const char *)holdings->name, "holdings");
    xmlNodePtr h = holdings->children;
    CHECK(h != NULL && strcmp((const char *)h->name, "holding") == 0);
    xmlChar *all = xmlNodeGetContent(h);
    CHECK(strstr((const char *)all, "A & B") != NULL);
    xmlFree(all);
    CHECK(holdings->next->children != NULL);                   /* transaction */
    CHECK(holdings->next->next->next->children != NULL);       /* disclosure */
    char *path = ck_eval_node_path(h);
    CHECK_STR_EQ(path, "/filing/holdings/holding");
    free(path);
    xmlFreeDoc(doc);
    xmlFreeDoc(fd);
    xmlFreeDoc(skel);
}

CK_TEST(severity_names_roundtrip)
{
    for (int s = 0; s < CK_SEV_COUNT; s++)
        CHECK_INT_EQ(ck_severity_parse(ck_severity_name(s)), s);
    CHECK_INT_EQ(ck_severity_parse("fatal"), -1);
    CHECK(ck_category_valid("derivatives"));
    CHECK(!ck_category_valid("derivative"));
}

CK_TEST(regex_invalid_utf8_is_no_match)
{
    struct ck_regex rx = make_regex("固定", NULL);
    struct ck_regex_scratch *s = ck_regex_scratch_new(NULL);
    const char bad[] = "\xE5\x9B\xBA\xE5\xAE\xFF"; /* 固 then a broken 定 */
    CHECK_INT_EQ(ck_regex_match(&rx, s, bad, sizeof bad - 1, NULL), 0);
    const char good[] = "固定收益";
    CHECK_INT_EQ(ck_regex_match(&rx, s, good, strlen(good), NULL), 1);
    ck_regex_scratch_free(s);
    ck_regex_fini(&rx);
}

CK_TEST(basis_summary_is_not_quoted)
{
    struct ck_basis b[2] = {
        {(char *)"甲办法", (char *)"第六条", (char *)"原文", 0},
        {(char *)"乙办法", (char *)"第九条", (char *)"转述", 1},
    };
    struct ck_rule r;
    memset(&r, 0, sizeof r);
    r.basis = b;
    r.n_basis = 2;
    struct ck_buf out;
    ck_buf_init(&out);
    ck_rules_basis_text(&r, &out);
    CHECK_STR_EQ(ck_buf_str(&out), "《甲办法》第六条：「原文」；《乙办法》第九条（要点）：转述");
    ck_buf_fini(&out);
    ck_buf_init(&out);
    ck_rules_basis_text_lang(&r, CK_LANG_EN, &out);
    CHECK_STR_EQ(ck_buf_str(&out), "《甲办法》第六条：「原文」；《乙办法》第九条 (summary): 转述");
    ck_buf_fini(&out);
}
