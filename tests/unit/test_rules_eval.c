/* SPDX-License-Identifier: MIT */
/* Unit tests of rule loading (errors with file and line) and evaluation
 * (conditions, signals and grades, messages, evidence, node location),
 * using small rule files written to a temporary directory. */
#include "ck_test.h"
#include "eval.h"
#include "mem.h"
#include "rules.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define SCHEMA "checker/schema/rules-1.xsd"

static char *write_rules(const char *body)
{
    char tmpl[] = "/tmp/ck-rules-XXXXXX";
    char *dir = mkdtemp(tmpl);
    if (dir == NULL)
        return NULL;
    char path[256];
    snprintf(path, sizeof path, "%s/r.xml", dir);
    FILE *f = fopen(path, "w");
    fprintf(f, "<?xml version='1.0' encoding='UTF-8'?>\n<rules xmlns='urn:fundcheck:rules:1'>\n%s\n</rules>\n", body);
    fclose(f);
    return ck_strdup(dir);
}

static void remove_rules(char *dir)
{
    char path[256];
    snprintf(path, sizeof path, "%s/r.xml", dir);
    unlink(path);
    rmdir(dir);
    free(dir);
}

#define RULE_HEAD(id, sev)                                                                       \
    "<rule id='" id "' category='derivatives' severity='" sev "'>"                               \
    "<title lang='zh'>标题</title><title lang='en'>Title</title>"
#define RULE_MSG "<message lang='zh'>持仓 {@id}：{$signals}</message><message lang='en'>Holding {@id}</message>" \
    "<basis document='办法' article='第六条'>直接或间接从事期货等衍生品类交易</basis>"
#define EXAMPLES                                                                                 \
    "<examples><trigger><holding xmlns='urn:gif:filing:1' id='H1' category='derivative'/></trigger>" \
    "<pass><holding xmlns='urn:gif:filing:1' id='H2' category='equity'/></pass></examples>"

static struct ck_ruleset *load(const char *body, char **errors)
{
    char *dir = write_rules(body);
    struct ck_ruleset *rs = NULL;
    *errors = NULL;
    ck_rules_load(dir, SCHEMA, &rs, errors);
    remove_rules(dir);
    return rs;
}

CK_TEST(rules_load_reports_bad_xpath_with_line)
{
    char *errors = NULL;
    struct ck_ruleset *rs = load(RULE_HEAD("DRV-901", "violation") RULE_MSG
                                 "<context>//f:holding[</context><condition>true()</condition>" EXAMPLES "</rule>",
                                 &errors);
    CHECK(rs == NULL);
    CHECK(errors != NULL && strstr(errors, "r.xml:3: invalid XPath") != NULL);
    free(errors);
}

CK_TEST(rules_load_reports_unknown_function_regex_and_duplicates)
{
    char *errors = NULL;
    struct ck_ruleset *rs = load(
        "<regex id='x'><pattern>(固定</pattern></regex>"
        RULE_HEAD("DRV-901", "violation") RULE_MSG
        "<context>//f:holding</context><condition>fc:no-such(.)</condition>" EXAMPLES "</rule>"
        RULE_HEAD("DRV-901", "violation") RULE_MSG
        "<context>//f:holding</context><condition>fc:match(., 'missing')</condition>" EXAMPLES "</rule>",
        &errors);
    CHECK(rs == NULL);
    CHECK(errors && strstr(errors, "unknown function 'fc:no-such'"));
    CHECK(errors && strstr(errors, "regex 'x': offset"));
    CHECK(errors && strstr(errors, "duplicate rule id DRV-901"));
    CHECK(errors && strstr(errors, "unknown regex id 'missing'"));
    free(errors);
}

CK_TEST(rules_load_requires_examples_both_ways)
{
    char *errors = NULL;
    struct ck_ruleset *rs = load(RULE_HEAD("DRV-901", "violation") RULE_MSG
                                 "<context>//f:holding</context><condition>true()</condition>"
                                 "<examples><trigger><holding xmlns='urn:gif:filing:1' id='H1' category='derivative'/></trigger></examples></rule>",
                                 &errors);
    CHECK(rs == NULL);
    CHECK(errors && strstr(errors, "needs at least one <trigger> and one <pass>"));
    free(errors);
}

CK_TEST(rules_load_rejects_schema_violations)
{
    char *errors = NULL;
    struct ck_ruleset *rs = load("<rule id='bad id' category='derivatives' severity='fatal'/>", &errors);
    CHECK(rs == NULL);
    CHECK(errors && strstr(errors, "r.xml:3:"));
    free(errors);
}

static const char doc_text[] =
    "<filing xmlns='urn:gif:filing:1'><holdings>"
    "<holding id='H1' category='derivative'><note>投资期满由城投按本金加6%回购</note></holding>"
    "<holding id='H2' category='equity'><note>普通股权投资</note></holding>"
    "</holdings></filing>";

CK_TEST(eval_signals_grade_and_message)
{
    char *errors = NULL;
    struct ck_ruleset *rs = load(
        "<regex id='buyback'><pattern>回购</pattern><unless>不.{0,4}回购</unless></regex>"
        RULE_HEAD("DRV-901", "warning") RULE_MSG
        "<context>//f:holding</context>"
        "<signals><signal id='cat' weight='1' zh='衍生品类别' en='category'>@category = 'derivative'</signal>"
        "<signal id='bb' weight='2' zh='回购' en='buy-back' evidence=\"fc:find(f:note, 'buyback')\">fc:match(f:note, 'buyback')</signal></signals>"
        "<grade><when min='1' severity='notice'/><when min='3' severity='violation'/></grade>"
        "<evidence field='note'>f:note</evidence>" EXAMPLES "</rule>",
        &errors);
    CHECK(rs != NULL);
    if (rs == NULL) {
        fprintf(stderr, "%s", errors ? errors : "");
        free(errors);
        return;
    }
    xmlDocPtr doc = xmlReadMemory(doc_text, (int)strlen(doc_text), "d.xml", NULL, 0);
    struct ck_evaluator *ev = ck_eval_new(rs, NULL, CK_LANG_ZH);
    struct ck_findings f;
    ck_findings_init(&f);
    char *rt_errors = NULL;
    ck_eval_doc(ev, doc, "2026-01-01", "2026-03-31", NULL, &f, &rt_errors);
    CHECK(rt_errors == NULL);
    CHECK_INT_EQ(f.n, 1);
    if (f.n == 1) {
        CHECK_INT_EQ(f.v[0].severity, CK_SEV_VIOLATION);
        CHECK_STR_EQ(f.v[0].holding, "H1");
        CHECK_STR_EQ(f.v[0].xpath, "/filing/holdings/holding[1]");
        CHECK_STR_EQ(f.v[0].message[CK_LANG_ZH], "持仓 H1：衍生品类别、回购");
        CHECK(strstr(f.v[0].evidence[CK_LANG_ZH], "信号 回购(2): 投资期满由城投按本金加6%回购") != NULL);
        CHECK(strstr(f.v[0].evidence[CK_LANG_EN], "note: ") != NULL);
    }
    ck_findings_fini(&f);
    free(rt_errors);
    ck_eval_free(ev);
    xmlFreeDoc(doc);
    ck_rules_free(rs);
}
