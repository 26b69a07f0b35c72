/* SPDX-License-Identifier: MIT */
/*
 * The catalogue's XPath extension functions (namespace urn:fundcheck:fn):
 *
 *   fc:catalog-edition-at(date)                 edition id in force on date, '' if none loaded
 *   fc:catalog-official-edition-at(date)        official edition in force on date (built-in table)
 *   fc:catalog-status(edition)                  'complete' · 'excerpt' · 'synthetic' · ''
 *   fc:catalog-complete(edition)                true if a complete edition is loaded
 *   fc:catalog-class(edition, class, sector, item)  class found, 'missing', '' (edition not loaded)
 *   fc:catalog-key(edition, class, sector, item)    entry key or ''
 *   fc:catalog-entry-text(key)                  wording of the entry, '' if none
 *   fc:catalog-entry-class(key)                 its class, '' if none
 *   fc:catalog-best(edition, text, class)       key of the best entry of class ('any' or '' for
 *                                               all, 'adverse' = restricted or eliminated), ''
 *   fc:catalog-score(key, text)                 0..1 (0 when a 除外 clause applies)
 *   fc:catalog-terms(key, text)                 matched phrases joined by 、
 *   fc:catalog-excluded(key, text)              the 除外/不含 alternative the text matches, or ''
 *   fc:catalog-consequence(class)               the class definition quoted from the preamble
 *   fc:industry-valid(code)                     GB/T 4754-2017 syntax (+ existence when loaded)
 *   fc:industry-problem(code)                   '' or the reason (in $lang)
 *   fc:industry-section(code)                   section letter, '' if invalid
 *   fc:industry-name(code)                      name of the longest known prefix
 *   fc:provincial-allows(region, code)          'yes' · 'no' · 'none' (no list for the province)
 *   fc:provincial-list(region)                  the list's name and date, '' if none
 *
 * All are pure functions of the frozen catalogue and their arguments, so they
 * are safe in several workers at once. catalog-edition-at, catalog-best and
 * catalog-score append a line of explanation to env->explain (edition used,
 * scores and the terms behind them); catalog-edition-at records the edition in
 * env->catalog_edition.
 */
#include "catalog.h"

#include "ck.h"
#include "textnorm.h"
#include "xenv.h"

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

static struct ck_xenv *env_of(xmlXPathParserContextPtr ctxt)
{
    return ctxt->context ? (struct ck_xenv *)ctxt->context->userData : NULL;
}

static const struct ck_catalog *cat_of(xmlXPathParserContextPtr ctxt)
{
    struct ck_xenv *env = env_of(ctxt);
    return env ? env->catalog : NULL;
}

static int lang_en(xmlXPathParserContextPtr ctxt)
{
    struct ck_xenv *env = env_of(ctxt);
    return env && env->lang && strcmp(env->lang, "en") == 0;
}

/* Pops n string arguments into args[0..n-1] (in call order). Returns 0 on error. */
static int pop_strings(xmlXPathParserContextPtr ctxt, int nargs, int want, xmlChar **args)
{
    if (nargs != want) {
        xmlXPathSetError(ctxt, XPATH_INVALID_ARITY);
        return 0;
    }
    for (int i = want - 1; i >= 0; i--) {
        args[i] = xmlXPathPopString(ctxt);
        if (ctxt->error != XPATH_EXPRESSION_OK || args[i] == NULL) {
            for (int j = i; j < want; j++)
                xmlFree(args[j]);
            for (int j = 0; j < i; j++)
                args[j] = NULL;
            return 0;
        }
    }
    return 1;
}

static void free_strings(xmlChar **args, int n)
{
    for (int i = 0; i < n; i++)
        xmlFree(args[i]);
}

static void ret_str(xmlXPathParserContextPtr ctxt, const char *s)
{
    valuePush(ctxt, xmlXPathNewString(BAD_CAST(s ? s : "")));
}

static void explain(xmlXPathParserContextPtr ctxt, const char *line)
{
    struct ck_xenv *env = env_of(ctxt);
    if (env == NULL || env->explain == NULL || line == NULL || *line == '\0')
        return;
    if (strstr(ck_buf_str(env->explain), line) != NULL)
        return; /* already said for this candidate */
    if (env->explain->len)
        ck_buf_adds(env->explain, "\n");
    ck_buf_adds(env->explain, line);
}

static const char *status_word(const char *status, int en)
{
    if (strcmp(status, "complete") == 0)
        return en ? "complete" : "完整版";
    if (strcmp(status, "excerpt") == 0)
        return en ? "excerpt, incomplete" : "节选，不完整";
    return en ? "synthetic test data" : "合成测试数据";
}

/* Written once per edition at freeze: fc:catalog-edition-at is called for
 * every candidate holding and printf dominated its cost. */
void ck_catalog_edition_explain(struct ck_catalog_edition *ed)
{
    for (int en = 0; en < 2; en++) {
        struct ck_buf b;
        ck_buf_init(&b);
        ck_buf_printf(&b, en ? "catalogue edition %s (effective %s, %s, %zu entries)"
                             : "目录版本 %s（%s 起施行，%s，%zu 条）",
                      ed->id, ed->effective, status_word(ed->status, en), ed->n_entries);
        free(ed->explain[en]);
        ed->explain[en] = ck_buf_take(&b);
    }
}

#define S(i) ((const char *)a[i])

static void fn_edition_at(xmlXPathParserContextPtr ctxt, int nargs)
{
    xmlChar *a[1];
    if (!pop_strings(ctxt, nargs, 1, a))
        return;
    const struct ck_catalog_edition *ed = ck_catalog_edition_at(cat_of(ctxt), S(0));
    if (ed) {
        struct ck_xenv *env = env_of(ctxt);
        if (env)
            env->catalog_edition = ed->id;
        explain(ctxt, ed->explain[lang_en(ctxt) ? CK_LANG_EN : CK_LANG_ZH]);
    }
    ret_str(ctxt, ed ? ed->id : "");
    free_strings(a, 1);
}

static void fn_official_edition_at(xmlXPathParserContextPtr ctxt, int nargs)
{
    xmlChar *a[1];
    if (!pop_strings(ctxt, nargs, 1, a))
        return;
    ret_str(ctxt, ck_catalog_official_edition_at(S(0)));
    free_strings(a, 1);
}

static void fn_status(xmlXPathParserContextPtr ctxt, int nargs)
{
    xmlChar *a[1];
    if (!pop_strings(ctxt, nargs, 1, a))
        return;
    const struct ck_catalog_edition *ed = ck_catalog_edition(cat_of(ctxt), S(0));
    ret_str(ctxt, ed ? ed->status : "");
    free_strings(a, 1);
}

static void fn_complete(xmlXPathParserContextPtr ctxt, int nargs)
{
    xmlChar *a[1];
    if (!pop_strings(ctxt, nargs, 1, a))
        return;
    const struct ck_catalog_edition *ed = ck_catalog_edition(cat_of(ctxt), S(0));
    valuePush(ctxt, xmlXPathNewBoolean(ed && strcmp(ed->status, "complete") == 0));
    free_strings(a, 1);
}

static const struct ck_catalog_entry *find4(xmlXPathParserContextPtr ctxt, xmlChar **a,
                                            const struct ck_catalog_edition **ed_out)
{
    const struct ck_catalog_edition *ed = ck_catalog_edition(cat_of(ctxt), S(0));
    *ed_out = ed;
    int cls = ck_catalog_class_parse(S(1));
    if (ed == NULL || cls < 0)
        return NULL;
    return ck_catalog_find(ed, cls, S(2), S(3));
}

static void fn_class(xmlXPathParserContextPtr ctxt, int nargs)
{
    xmlChar *a[4];
    if (!pop_strings(ctxt, nargs, 4, a))
        return;
    const struct ck_catalog_edition *ed;
    const struct ck_catalog_entry *e = find4(ctxt, a, &ed);
    ret_str(ctxt, e ? ck_catalog_class_name(e->cls) : ed ? "missing" : "");
    free_strings(a, 4);
}

static void fn_key(xmlXPathParserContextPtr ctxt, int nargs)
{
    xmlChar *a[4];
    if (!pop_strings(ctxt, nargs, 4, a))
        return;
    const struct ck_catalog_edition *ed;
    const struct ck_catalog_entry *e = find4(ctxt, a, &ed);
    ret_str(ctxt, e ? e->key : "");
    free_strings(a, 4);
}

static void fn_entry_text(xmlXPathParserContextPtr ctxt, int nargs)
{
    xmlChar *a[1];
    if (!pop_strings(ctxt, nargs, 1, a))
        return;
    const struct ck_catalog_entry *e = ck_catalog_entry_by_key(cat_of(ctxt), S(0));
    ret_str(ctxt, e ? e->text : "");
    free_strings(a, 1);
}

static void fn_entry_class(xmlXPathParserContextPtr ctxt, int nargs)
{
    xmlChar *a[1];
    if (!pop_strings(ctxt, nargs, 1, a))
        return;
    const struct ck_catalog_entry *e = ck_catalog_entry_by_key(cat_of(ctxt), S(0));
    ret_str(ctxt, e ? ck_catalog_class_name(e->cls) : "");
    free_strings(a, 1);
}

static const struct ck_catalog_edition *edition_of_key(const struct ck_catalog *cat,
                                                       const char *key)
{
    char id[64];
    size_t n = strcspn(key, "/");
    if (n >= sizeof id)
        return NULL;
    memcpy(id, key, n);
    id[n] = '\0';
    return ck_catalog_edition(cat, id);
}

static void explain_match(xmlXPathParserContextPtr ctxt, const struct ck_catalog_edition *ed,
                          const struct ck_catalog_match *m, const char *text)
{
    int en = lang_en(ctxt);
    struct ck_buf b;
    ck_buf_init(&b);
    if (m->excluded) {
        ck_buf_printf(&b, en ? "%s excluded: the text matches its exclusion \"%s\""
                             : "%s 不适用：描述符合其除外条款“%s”",
                      m->entry->key, m->entry->excl_text[m->excl_index]);
    } else {
        ck_buf_printf(&b, en ? "%s score %.2f (BM25 %.2f), matched terms: "
                             : "%s 相似度 %.2f（BM25 %.2f），命中词：",
                      m->entry->key, m->score, m->bm25);
        size_t before = b.len;
        ck_catalog_explain_terms(&b, ed, m->entry, text, 1);
        if (b.len == before)
            ck_buf_adds(&b, en ? "none" : "无");
    }
    explain(ctxt, ck_buf_str(&b));
    ck_buf_fini(&b);
}

static void fn_best(xmlXPathParserContextPtr ctxt, int nargs)
{
    xmlChar *a[3];
    if (!pop_strings(ctxt, nargs, 3, a))
        return;
    const struct ck_catalog_edition *ed = ck_catalog_edition(cat_of(ctxt), S(0));
    int cls;
    if (*S(2) == '\0' || strcmp(S(2), "any") == 0)
        cls = -1;
    else if (strcmp(S(2), "adverse") == 0)
        cls = CK_CATALOG_ADVERSE;
    else if ((cls = ck_catalog_class_parse(S(2))) < 0)
        cls = -2; /* unknown class: nothing matches */
    struct ck_catalog_match m, ex[8];
    size_t n = 0, n_ex = 0;
    if (ed && cls != -2)
        n = ck_catalog_rank(ed, cls, S(1), &m, 1, ex, CK_ARRAY_LEN(ex), &n_ex);
    if (n)
        explain_match(ctxt, ed, &m, S(1));
    /* say which entries a 除外/不含 clause took out of the ranking */
    for (size_t i = 0; i < n_ex; i++)
        explain_match(ctxt, ed, &ex[i], S(1));
    ret_str(ctxt, n ? m.entry->key : "");
    free_strings(a, 3);
}

static int score_key(xmlXPathParserContextPtr ctxt, const char *key, const char *text,
                     struct ck_catalog_match *m, const struct ck_catalog_edition **ed_out)
{
    const struct ck_catalog *cat = cat_of(ctxt);
    const struct ck_catalog_entry *e = ck_catalog_entry_by_key(cat, key);
    const struct ck_catalog_edition *ed = e ? edition_of_key(cat, key) : NULL;
    if (e == NULL || ed == NULL)
        return 0;
    struct ck_catalog_terms q;
    memset(&q, 0, sizeof q);
    ck_catalog_terms_add(&q, text);
    ck_catalog_terms_finish(&q);
    ck_catalog_score(ed, e, &q, m);
    ck_catalog_terms_fini(&q);
    *ed_out = ed;
    return 1;
}

/* The entry's size condition against text (textnorm.h), explained when the
 * entry has one: "outside" takes the entry out like a 除外 clause, "unknown"
 * is said to be undeterminable. */
static const char *size_fit(xmlXPathParserContextPtr ctxt, const struct ck_catalog_entry *e,
                            const char *text)
{
    struct ck_buf why;
    ck_buf_init(&why);
    const char *fit = ck_textnorm_size_fit(e->text, text, &why);
    int en = lang_en(ctxt);
    struct ck_buf b;
    ck_buf_init(&b);
    if (strcmp(fit, "outside") == 0)
        ck_buf_printf(&b, en ? "%s not applicable: the stated size is outside its size condition (%s)"
                             : "%s 不适用：所述规模不在其规模条件内（%s）",
                      e->key, ck_buf_str(&why));
    else if (strcmp(fit, "inside") == 0)
        ck_buf_printf(&b, en ? "%s size condition met (%s)" : "%s 规模条件符合（%s）", e->key,
                      ck_buf_str(&why));
    else if (strcmp(fit, "unknown") == 0)
        ck_buf_printf(&b, en ? "%s has a size condition (%s); the text states no size in that unit: cannot determine"
                             : "%s 有规模条件（%s），描述未载明该单位的规模：无法判断",
                      e->key, ck_buf_str(&why));
    if (b.len)
        explain(ctxt, ck_buf_str(&b));
    ck_buf_fini(&b);
    ck_buf_fini(&why);
    return fit;
}

static void fn_score(xmlXPathParserContextPtr ctxt, int nargs)
{
    xmlChar *a[2];
    if (!pop_strings(ctxt, nargs, 2, a))
        return;
    struct ck_catalog_match m;
    const struct ck_catalog_edition *ed;
    double s = 0;
    if (score_key(ctxt, S(0), S(1), &m, &ed)) {
        s = m.excluded ? 0 : m.score;
        explain_match(ctxt, ed, &m, S(1));
        if (s > 0 && strcmp(size_fit(ctxt, m.entry, S(1)), "outside") == 0)
            s = 0;
    }
    valuePush(ctxt, xmlXPathNewFloat(s));
    free_strings(a, 2);
}

/* fc:catalog-size(key, text): none · inside · outside · unknown, '' without entry */
static void fn_size(xmlXPathParserContextPtr ctxt, int nargs)
{
    xmlChar *a[2];
    if (!pop_strings(ctxt, nargs, 2, a))
        return;
    const struct ck_catalog_entry *e = ck_catalog_entry_by_key(cat_of(ctxt), S(0));
    const char *fit = e ? ck_textnorm_size_fit(e->text, S(1), NULL) : "";
    ret_str(ctxt, fit);
    free_strings(a, 2);
}

static void fn_terms(xmlXPathParserContextPtr ctxt, int nargs)
{
    xmlChar *a[2];
    if (!pop_strings(ctxt, nargs, 2, a))
        return;
    const struct ck_catalog *cat = cat_of(ctxt);
    const struct ck_catalog_entry *e = ck_catalog_entry_by_key(cat, S(0));
    const struct ck_catalog_edition *ed = e ? edition_of_key(cat, S(0)) : NULL;
    struct ck_buf b;
    ck_buf_init(&b);
    if (e && ed)
        ck_catalog_explain_terms(&b, ed, e, S(1), 0);
    ret_str(ctxt, ck_buf_str(&b));
    ck_buf_fini(&b);
    free_strings(a, 2);
}

static void fn_excluded(xmlXPathParserContextPtr ctxt, int nargs)
{
    xmlChar *a[2];
    if (!pop_strings(ctxt, nargs, 2, a))
        return;
    struct ck_catalog_match m;
    const struct ck_catalog_edition *ed;
    int ok = score_key(ctxt, S(0), S(1), &m, &ed);
    ret_str(ctxt, ok && m.excluded ? m.entry->excl_text[m.excl_index] : "");
    free_strings(a, 2);
}

static void fn_consequence(xmlXPathParserContextPtr ctxt, int nargs)
{
    xmlChar *a[1];
    if (!pop_strings(ctxt, nargs, 1, a))
        return;
    ret_str(ctxt, ck_catalog_class_definition(ck_catalog_class_parse(S(0))));
    free_strings(a, 1);
}

static const char *problem_zh(const char *en)
{
    static const struct {
        const char *en, *zh;
    } t[] = {
        {"empty industry code", "行业代码为空"},
        {"the section letter must be A-T", "门类字母应为 A–T"},
        {"expected a section letter and 2, 3 or 4 digits", "应为门类字母加 2、3 或 4 位数字"},
        {"a division needs 2 digits", "大类代码需要 2 位数字"},
        {"no such division in GB/T 4754-2017", "GB/T 4754-2017 中没有这个大类"},
        {"the division does not belong to this section", "该大类不属于这个门类"},
        {"no such code in GB/T 4754-2017", "GB/T 4754-2017 中没有这个代码"},
    };
    for (size_t i = 0; i < CK_ARRAY_LEN(t); i++)
        if (strcmp(t[i].en, en) == 0)
            return t[i].zh;
    return en;
}

static void fn_industry_valid(xmlXPathParserContextPtr ctxt, int nargs)
{
    xmlChar *a[1];
    if (!pop_strings(ctxt, nargs, 1, a))
        return;
    valuePush(ctxt, xmlXPathNewBoolean(ck_catalog_code_problem(cat_of(ctxt), S(0)) == NULL));
    free_strings(a, 1);
}

static void fn_industry_problem(xmlXPathParserContextPtr ctxt, int nargs)
{
    xmlChar *a[1];
    if (!pop_strings(ctxt, nargs, 1, a))
        return;
    const char *p = ck_catalog_code_problem(cat_of(ctxt), S(0));
    ret_str(ctxt, p == NULL ? "" : lang_en(ctxt) ? p : problem_zh(p));
    free_strings(a, 1);
}

static void fn_industry_section(xmlXPathParserContextPtr ctxt, int nargs)
{
    xmlChar *a[1];
    if (!pop_strings(ctxt, nargs, 1, a))
        return;
    char sec[2] = {0, 0};
    if (ck_catalog_code_problem(NULL, S(0)) == NULL)
        sec[0] = S(0)[0];
    ret_str(ctxt, sec);
    free_strings(a, 1);
}

static void fn_industry_name(xmlXPathParserContextPtr ctxt, int nargs)
{
    xmlChar *a[1];
    if (!pop_strings(ctxt, nargs, 1, a))
        return;
    ret_str(ctxt, ck_catalog_code_name(cat_of(ctxt), S(0)));
    free_strings(a, 1);
}

static void fn_provincial_allows(xmlXPathParserContextPtr ctxt, int nargs)
{
    xmlChar *a[2];
    if (!pop_strings(ctxt, nargs, 2, a))
        return;
    const struct ck_catalog_province *p = ck_catalog_province(cat_of(ctxt), S(0));
    ret_str(ctxt, p == NULL ? "none" : ck_catalog_province_allows(p, S(1)) ? "yes" : "no");
    free_strings(a, 2);
}

static void fn_provincial_list(xmlXPathParserContextPtr ctxt, int nargs)
{
    xmlChar *a[1];
    if (!pop_strings(ctxt, nargs, 1, a))
        return;
    const struct ck_catalog_province *p = ck_catalog_province(cat_of(ctxt), S(0));
    struct ck_buf b;
    ck_buf_init(&b);
    if (p)
        ck_buf_printf(&b, lang_en(ctxt) ? "%s (%s)" : "%s（%s）", p->name, p->date);
    ret_str(ctxt, ck_buf_str(&b));
    ck_buf_fini(&b);
    free_strings(a, 1);
}

int ck_catalog_register_xpath(void *xpath_context)
{
    static const struct {
        const char *name;
        xmlXPathFunction fn;
    } fns[] = {
        {"catalog-edition-at", fn_edition_at},
        {"catalog-official-edition-at", fn_official_edition_at},
        {"catalog-status", fn_status},
        {"catalog-complete", fn_complete},
        {"catalog-class", fn_class},
        {"catalog-key", fn_key},
        {"catalog-entry-text", fn_entry_text},
        {"catalog-entry-class", fn_entry_class},
        {"catalog-best", fn_best},
        {"catalog-score", fn_score},
        {"catalog-size", fn_size},
        {"catalog-terms", fn_terms},
        {"catalog-excluded", fn_excluded},
        {"catalog-consequence", fn_consequence},
        {"industry-valid", fn_industry_valid},
        {"industry-problem", fn_industry_problem},
        {"industry-section", fn_industry_section},
        {"industry-name", fn_industry_name},
        {"provincial-allows", fn_provincial_allows},
        {"provincial-list", fn_provincial_list},
    };
    xmlXPathContextPtr ctx = xpath_context;
    if (ctx == NULL)
        return CK_EINVAL;
    for (size_t i = 0; i < CK_ARRAY_LEN(fns); i++)
        if (xmlXPathRegisterFuncNS(ctx, BAD_CAST fns[i].name, BAD_CAST CK_NS_FN, fns[i].fn) != 0)
            return CK_EXML;
    return CK_OK;
}
