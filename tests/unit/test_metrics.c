/* SPDX-License-Identifier: MIT */
/* Unit tests of the direction metrics (Amendment 1) and the plan's limits on
 * hand-made filings whose answers are worked out in the comments. */
#include "ck_test.h"
#include "catalog.h"
#include "ck.h"
#include "filing.h"
#include "lookthrough.h"
#include "mem.h"
#include "metrics.h"
#include "metrics_store.h"
#include "plan_limits.h"

#include <libxml/parser.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* A catalogue holding only a strategic-emerging-industries table with two classes. */
static struct ck_catalog *sei_catalog(void)
{
    char path[] = "/tmp/ck-sei-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return NULL;
    const char *text = "#kind\tsei-classes\n#name\ttest\n#status\tsample\n"
                       "sei_l1_name\tgbt4754_class_code\n新一代信息技术产业\t3911\n高端装备制造产业\tC3562\n"
                       "新材料产业\t3911\n";
    if (write(fd, text, strlen(text)) < 0)
        return NULL;
    close(fd);
    struct ck_catalog *cat = ck_calloc(1, sizeof *cat);
    char *err = NULL;
    int rc = ck_catalog_load_file(cat, path, 0, &err);
    if (rc == CK_OK)
        rc = ck_catalog_freeze(cat, &err);
    unlink(path);
    CHECK_INT_EQ(rc, CK_OK);
    free(err);
    return cat;
}

/* A filing with the given fund extras (after size), plan extras (after
 * focus) and holdings; not validated (the unit under test reads the DOM). */
static struct ck_filing *mk(const char *gov_level, const char *fund_extra, const char *plan_extra,
                            const char *holdings)
{
    char *xml = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&xml, &len);
    fprintf(m,
            "<filing xmlns='urn:gif:filing:1' version='1'><header><filingId>T</filingId>"
            "<reportType>quarterly</reportType><period start='2026-01-01' end='2026-03-31'/>"
            "<submittedAt>2026-04-01</submittedAt><filer>x</filer></header>"
            "<fund><uscc>91440300MA5J6P2Q8G</uscc><name>F</name><legalForm>company</legalForm>"
            "<fundType>direct</fundType><govLevel>%s</govLevel><sponsor>s</sponsor>"
            "<region>440300</region>%s<established>2025-01-01</established>"
            "<establishmentPlan document='某财金〔2025〕1号'><permits/>%s</establishmentPlan></fund>"
            "<holdings>%s</holdings></filing>",
            gov_level, fund_extra, plan_extra, holdings);
    fclose(m);
    xmlDocPtr doc = xmlReadMemory(xml, (int)len, "t.xml", NULL, XML_PARSE_NONET);
    free(xml);
    struct ck_filing *f = NULL;
    long line = 0;
    char *msg = NULL;
    CHECK_INT_EQ(ck_filing_from_doc("t.xml", doc, NULL, &f, &line, &msg), CK_OK);
    free(msg);
    return f;
}

#define H(id, cat, uscc, name, code, region, amount, extra)                                      \
    "<holding id='" id "' category='" cat "'><investee uscc='" uscc "' region='" region "'><name>" \
    name "</name>" code "</investee><role>shareholder</role>" amount extra "</holding>"

static void metrics_of(struct ck_filing *f, const struct ck_catalog *cat, struct ck_metrics *m)
{
    ck_metrics_compute(f, cat, m, NULL);
}

static long long val(const struct ck_metrics *m, int id)
{
    return m->m[id].known ? m->m[id].scaled : -999999;
}

/*
 * D = 300 + 100 + 600 = 1000 (the deposit of 1000 is outside D); subscribed 2000.
 *  H1 equity X 300 C3911 (a class in the table) region 440305, early, private, 365 days
 *  H2 equity X 100 (same USCC) C39 (a division: not a class) 110000, growth/medium, local-soe, 730 days
 *  H3 fund   Y 600 J67 region 440300, no stage/size, no controller, no date
 * earlySmall 300/1000 = 0.3, coverage (300+100)/1000 = 0.4
 * hardTech 300/1000 = 0.3 (C39 is coarser than a class), coverage 1
 * private 300/1000 = 0.3, coverage 0.4; social 1 - 0.25 = 0.75
 * mainField with "C391 J": H1 (C3911 starts with C391) + H3 (J67 starts with J) = 0.9;
 *   H2's C39 does not start with C391
 * homeRegion (municipal, 4 digits 4403): H1 + H3 = 0.9
 * top: X = 300 + 100 = 400, Y = 600: 600 / 2000 = 0.3; hhi (400² + 600²)/1000² = 0.52
 * avgHolding (300·365 + 100·730)/400 = 456.25 days / 365.25 = 1.2491… → 1.25, coverage 0.4
 */
CK_TEST(metrics_known_answers)
{
    struct ck_catalog *cat = sei_catalog();
    struct ck_filing *f = mk(
        "municipal", "<size subscribed='2000' paidIn='2000'/><govShare>0.25</govShare>",
        "<focusIndustries>C391 J</focusIndustries>",
        H("H1", "equity", "X", "x", "<industry code='C3911'/><controller type='private'>p</controller>", "440305",
          "<amount invested='300.00'/><acquisition method='capital-increase' date='2025-03-31'/>",
          "<stage>early</stage>")
        H("H2", "equity", "X", "x", "<industry code='C39'/><controller type='local-soe'>p</controller>", "110000",
          "<amount invested='100'/><acquisition method='capital-increase' date='2024-03-31'/>",
          "<stage>growth</stage><enterpriseSize>medium</enterpriseSize>")
        H("H3", "fund", "Y", "y", "<industry code='J67'/>", "440300", "<amount invested='600'/>", "")
        H("H4", "deposit", "Z", "z", "<industry code='C3911'/>", "440300", "<amount invested='1000'/>", ""));
    struct ck_metrics m;
    metrics_of(f, cat, &m);
    CHECK_INT_EQ(m.invested_fen, 100000);
    CHECK_INT_EQ(val(&m, CK_M_EARLY_SMALL), 3000);
    CHECK_INT_EQ(m.m[CK_M_EARLY_SMALL].coverage, 4000);
    CHECK_INT_EQ(val(&m, CK_M_HARD_TECH), 3000);
    CHECK_INT_EQ(m.m[CK_M_HARD_TECH].coverage, 10000);
    CHECK_INT_EQ(val(&m, CK_M_PRIVATE), 3000);
    CHECK_INT_EQ(m.m[CK_M_PRIVATE].coverage, 4000);
    CHECK_INT_EQ(val(&m, CK_M_SOCIAL), 7500);
    CHECK_INT_EQ(val(&m, CK_M_MAIN_FIELD), 9000);
    CHECK_INT_EQ(val(&m, CK_M_HOME_REGION), 9000);
    CHECK_INT_EQ(val(&m, CK_M_TOP_INVESTEE), 3000);
    CHECK_INT_EQ(val(&m, CK_M_HHI), 5200);
    CHECK_INT_EQ(val(&m, CK_M_AVG_HOLDING), 125);
    CHECK_INT_EQ(m.m[CK_M_AVG_HOLDING].coverage, 4000);
    struct ck_buf b;
    ck_buf_init(&b);
    ck_metrics_json(&b, &m);
    CHECK_STR_EQ(ck_buf_str(&b),
                 ",\"metrics\":{\"invested\":1000,\"earlySmallShare\":0.3,\"avgHoldingYears\":1.25,"
                 "\"hardTechShare\":0.3,\"privateShare\":0.3,\"socialCapitalShare\":0.75,"
                 "\"mainFieldShare\":0.9,\"homeRegionShare\":0.9,\"topInvesteeShare\":0.3,\"hhi\":0.52},"
                 "\"metricsCoverage\":{\"earlySmallShare\":0.4,\"avgHoldingYears\":0.4,"
                 "\"hardTechShare\":1,\"privateShare\":0.4,\"mainFieldShare\":1,\"homeRegionShare\":1}");
    ck_buf_fini(&b);
    ck_metrics_fini(&m);
    /* without the table, hardTechShare is null, not 0 */
    metrics_of(f, NULL, &m);
    CHECK(!m.m[CK_M_HARD_TECH].known);
    CHECK_INT_EQ(m.m[CK_M_HARD_TECH].why, CK_MW_NO_SEI_TABLE);
    ck_metrics_fini(&m);
    ck_filing_free(f);
    ck_catalog_free(cat);
}

/* D = 0 (only a deposit): every share, topInvesteeShare and hhi are null,
 * invested is 0; socialCapitalShare does not depend on D. subscribed 0 with
 * D > 0 makes topInvesteeShare null but hhi known. */
CK_TEST(metrics_zero_denominators)
{
    struct ck_filing *f = mk("provincial", "<size subscribed='100' paidIn='100'/><govShare>0.3333</govShare>", "",
                             H("H1", "deposit", "Z", "z", "", "440300", "<amount invested='50'/>", ""));
    struct ck_metrics m;
    metrics_of(f, NULL, &m);
    CHECK_INT_EQ(m.invested_fen, 0);
    for (int k = 0; k < CK_M_COUNT; k++)
        if (k != CK_M_SOCIAL) {
            CHECK(!m.m[k].known);
            CHECK_INT_EQ(m.m[k].why, CK_MW_NO_INVESTED);
        }
    CHECK_INT_EQ(val(&m, CK_M_SOCIAL), 6667);
    CHECK(!m.m[CK_M_EARLY_SMALL].coverage_known);
    struct ck_buf b;
    ck_buf_init(&b);
    ck_metrics_json(&b, &m);
    CHECK(strstr(ck_buf_str(&b), "\"invested\":0,\"earlySmallShare\":null") != NULL);
    CHECK(strstr(ck_buf_str(&b), "\"hhi\":null") != NULL);
    ck_buf_fini(&b);
    ck_metrics_fini(&m);
    ck_filing_free(f);

    f = mk("provincial", "<size subscribed='0' paidIn='0'/>", "",
           H("H1", "equity", "A", "a", "", "440300", "<amount invested='50'/>", ""));
    metrics_of(f, NULL, &m);
    CHECK(!m.m[CK_M_TOP_INVESTEE].known);
    CHECK_INT_EQ(m.m[CK_M_TOP_INVESTEE].why, CK_MW_NO_SUBSCRIBED);
    CHECK_INT_EQ(val(&m, CK_M_HHI), 10000);
    CHECK(!m.m[CK_M_SOCIAL].known); /* no govShare */
    CHECK_INT_EQ(m.m[CK_M_SOCIAL].why, CK_MW_NO_GOVSHARE);
    ck_metrics_fini(&m);
    ck_filing_free(f);
}

/* Missing data: a share whose datum no holding in D has is null with
 * coverage 0; controller type "unknown" is no datum; a central fund has no
 * home region; several holdings of one investee known by name only are one
 * investee. */
CK_TEST(metrics_missing_data)
{
    struct ck_filing *f = mk(
        "central", "<size subscribed='1000' paidIn='1000'/>", "",
        "<holding id='H1' category='equity'><investee><name>甲合伙企业</name><controller type='unknown'>?</controller>"
        "</investee><role>shareholder</role><amount invested='100'/></holding>"
        "<holding id='H2' category='listed-equity'><investee><name>甲合伙企业</name></investee>"
        "<role>holder</role><amount invested='300'/></holding>"
        "<holding id='H3' category='equity'><investee><name>乙</name></investee>"
        "<role>shareholder</role><amount invested='100'/></holding>");
    struct ck_metrics m;
    metrics_of(f, NULL, &m);
    CHECK_INT_EQ(m.invested_fen, 50000);
    int needs[] = {CK_M_EARLY_SMALL, CK_M_AVG_HOLDING, CK_M_PRIVATE, CK_M_MAIN_FIELD, CK_M_HOME_REGION};
    for (size_t k = 0; k < CK_ARRAY_LEN(needs); k++) {
        CHECK(!m.m[needs[k]].known);
        CHECK_INT_EQ(m.m[needs[k]].why, CK_MW_NO_DATUM);
        CHECK(m.m[needs[k]].coverage_known);
        CHECK_INT_EQ(m.m[needs[k]].coverage, 0);
    }
    /* 甲 = 100 + 300 = 400 of 500 */
    CHECK_INT_EQ(val(&m, CK_M_TOP_INVESTEE), 4000);
    CHECK_INT_EQ(val(&m, CK_M_HHI), 6800); /* 0.8² + 0.2² */
    ck_metrics_fini(&m);
    ck_filing_free(f);

    /* region present but the fund is central: null for want of a home region */
    f = mk("central", "<size subscribed='1000' paidIn='1000'/>", "",
           H("H1", "equity", "A", "a", "", "440300", "<amount invested='50'/>", ""));
    metrics_of(f, NULL, &m);
    CHECK_INT_EQ(m.m[CK_M_HOME_REGION].why, CK_MW_NO_HOME);
    CHECK_INT_EQ(m.m[CK_M_HOME_REGION].coverage, 10000);
    ck_metrics_fini(&m);
    ck_filing_free(f);
}

/* Codes match as prefixes at every level: section, division, group, class. */
CK_TEST(metrics_code_levels)
{
    static const struct {
        const char *focus, *code;
        long long want;
    } cases[] = {
        {"C", "C3911", 10000},    {"C39", "C3911", 10000}, {"C358", "C3587", 10000},
        {"C3841", "C3849", 0},    {"C3911", "C3911", 10000}, {"C3911", "C39", 0},
        {"I65 C34", "C3491", 10000}, {"I", "C3491", 0},
    };
    for (size_t k = 0; k < CK_ARRAY_LEN(cases); k++) {
        char plan[128], hold[512];
        snprintf(plan, sizeof plan, "<focusIndustries>%s</focusIndustries>", cases[k].focus);
        snprintf(hold, sizeof hold,
                 "<holding id='H1' category='equity'><investee uscc='A'><name>a</name><industry code='%s'/>"
                 "</investee><role>shareholder</role><amount invested='10'/></holding>",
                 cases[k].code);
        struct ck_filing *f = mk("county", "<size subscribed='10' paidIn='10'/>", plan, hold);
        struct ck_metrics m;
        metrics_of(f, NULL, &m);
        if (val(&m, CK_M_MAIN_FIELD) != cases[k].want)
            fprintf(stderr, "focus %s code %s\n", cases[k].focus, cases[k].code);
        CHECK_INT_EQ(val(&m, CK_M_MAIN_FIELD), cases[k].want);
        ck_metrics_fini(&m);
        ck_filing_free(f);
    }
    /* the strategic table matches class-level codes only */
    struct ck_catalog *cat = sei_catalog();
    CHECK(ck_catalog_sei_class(cat, "C3911") != NULL);
    CHECK_STR_EQ(ck_catalog_sei_class(cat, "C3911"), "新一代信息技术产业"); /* the first category names it */
    CHECK(ck_catalog_sei_class(cat, "C3562") != NULL);
    CHECK(ck_catalog_sei_class(cat, "C391") == NULL);
    CHECK(ck_catalog_sei_class(cat, "C39") == NULL);
    CHECK(ck_catalog_sei_class(cat, "C") == NULL);
    CHECK(ck_catalog_sei_class(cat, "C3912") == NULL);
    CHECK_INT_EQ(cat->sei.n_rows, 3);
    CHECK_INT_EQ(cat->sei.n_classes, 2);
    ck_catalog_free(cat);
}

/* Exact decimal parsing and rounding half away from zero. */
CK_TEST(metrics_numbers)
{
    long long v = 0;
    CHECK(ck_metrics_parse_decimal("125000000.555", 2, &v));
    CHECK_INT_EQ(v, 12500000056);
    CHECK(ck_metrics_parse_decimal("0.40", 8, &v));
    CHECK_INT_EQ(v, 40000000);
    CHECK(ck_metrics_parse_decimal("7", 2, &v));
    CHECK_INT_EQ(v, 700);
    CHECK(!ck_metrics_parse_decimal("1e5", 2, &v));
    CHECK(!ck_metrics_parse_decimal("", 2, &v));
    CHECK(!ck_metrics_parse_decimal("-1", 2, &v));
    long d1 = 0, d2 = 0;
    CHECK(ck_metrics_days("2024-02-28", &d1) && ck_metrics_days("2024-03-01", &d2));
    CHECK_INT_EQ(d2 - d1, 2); /* 2024 is a leap year */
    CHECK(ck_metrics_days("1970-01-01", &d1));
    CHECK_INT_EQ(d1, 0);
    struct ck_buf b;
    ck_buf_init(&b);
    ck_metrics_decimal(&b, 2500, 4);
    ck_buf_adds(&b, " ");
    ck_metrics_decimal(&b, 10000, 4);
    ck_buf_adds(&b, " ");
    ck_metrics_decimal(&b, 5, 4);
    ck_buf_adds(&b, " ");
    ck_metrics_decimal(&b, -150, 2);
    CHECK_STR_EQ(ck_buf_str(&b), "0.25 1 0.0005 -1.5");
    ck_buf_fini(&b);
    /* 1 of 20000 is 0.00005 exactly: half up to 0.0001; 1/3 and 2/3 */
    struct ck_filing *f = mk("county", "<size subscribed='30000' paidIn='1'/>", "",
                             H("H1", "equity", "A", "a", "", "", "<amount invested='1'/>", "<stage>seed</stage>")
                             H("H2", "equity", "B", "b", "", "", "<amount invested='19999'/>", "<stage>mature</stage>"));
    struct ck_metrics m;
    metrics_of(f, NULL, &m);
    CHECK_INT_EQ(val(&m, CK_M_EARLY_SMALL), 1);
    CHECK_INT_EQ(val(&m, CK_M_TOP_INVESTEE), 6666); /* 19999/30000 = 0.66663… */
    ck_metrics_fini(&m);
    ck_filing_free(f);
}

/* Nesting depth over a three-level chain A → B → C, a missing sub-fund and
 * a cycle. */
CK_TEST(metrics_nesting_three_levels)
{
    struct ck_lt_edge ab = {"H1", 1, "", "B"}, bc = {"H1", 1, "", "C"}, dx = {"H1", 1, "", "X"},
                      ea = {"H1", 1, "", "E2"}, e2 = {"H1", 1, "", "E1"};
    struct ck_lt_node nodes[] = {
        {"A", "a", "2026-03-31", &ab, 1, NULL, 0}, {"B", "b", "2026-03-31", &bc, 1, NULL, 0},
        {"C", "c", "2026-03-31", NULL, 0, NULL, 0}, {"D", "d", "2026-03-31", &dx, 1, NULL, 0},
        {"E1", "e1", "2026-03-31", &ea, 1, NULL, 0}, {"E2", "e2", "2026-03-31", &e2, 1, NULL, 0},
    };
    long depth[6];
    int known[6];
    const char *missing[6];
    ck_limits_nesting_depths(nodes, 6, depth, known, missing);
    CHECK_INT_EQ(depth[0], 2);
    CHECK(known[0]);
    CHECK_INT_EQ(depth[1], 1);
    CHECK_INT_EQ(depth[2], 0);
    CHECK(known[2]);
    CHECK_INT_EQ(depth[3], 1); /* at least one layer: X's filing is missing */
    CHECK(!known[3]);
    CHECK_STR_EQ(missing[3], "X");
    CHECK(known[4] && known[5]); /* the cycle E1 → E2 → E1 is cut */
    CHECK(depth[4] >= 1 && depth[4] <= 2);
}

static size_t count_rule(const struct ck_findings *fs, const char *id, int sev)
{
    size_t n = 0;
    for (size_t i = 0; i < fs->n; i++)
        if (strcmp(fs->v[i].rule->id, id) == 0 && fs->v[i].severity == sev)
            n++;
    return n;
}

/* Limits: equal passes, greater/smaller breaches, missing data warns. */
CK_TEST(limits_breach_equal_missing)
{
    const char *hold =
        H("H1", "equity", "A", "a", "<industry code='C3911'/>", "440305", "<amount invested='200' ownership='0.30'/>", "")
        H("H2", "equity", "B", "b", "<industry code='I6510'/>", "110000", "<amount invested='200'/>", "")
        H("H3", "equity", "A", "a", "<industry code='C3911'/>", "440305", "<amount invested='100' ownership='0.31'/>", "");
    /* D = 500, subscribed 1000: A = 300 → 0.3; main field (C39) 300/500 = 0.6; home 300/500 = 0.6 */
    struct ck_filing *f = mk(
        "municipal", "<size subscribed='1000' paidIn='1000'/><govShare>0.40</govShare>",
        "<focusIndustries>C39</focusIndustries><limits>"
        "<limit kind='single-investee-share' max='0.30'/><limit kind='single-investee-share' max='0.2999'/>"
        "<limit kind='investee-ownership' max='0.30'/>"
        "<limit kind='main-field-share' min='0.60'/><limit kind='main-field-share' min='0.6001'/>"
        "<limit kind='gov-share' max='0.40'/><limit kind='gov-share' max='0.39'/>"
        "<limit kind='home-region-share' max='0.60'/><limit kind='home-region-share' min='0.61' document='某办法 第三条'/>"
        "<limit kind='main-field-share' max='0.5'/>"
        "</limits>",
        hold);
    struct ck_metrics m;
    struct ck_metrics_scratch s;
    ck_metrics_compute(f, NULL, &m, &s);
    struct ck_findings fs;
    ck_findings_init(&fs);
    ck_limits_check(f, &m, &s, &fs);
    CHECK_INT_EQ(count_rule(&fs, "LIM-001", CK_SEV_VIOLATION), 1); /* 0.3 > 0.2999 only */
    CHECK_INT_EQ(count_rule(&fs, "LIM-002", CK_SEV_VIOLATION), 1); /* H3 0.31; H1 0.30 equal */
    CHECK_INT_EQ(count_rule(&fs, "LIM-002", CK_SEV_WARNING), 1);   /* H2 has no ownership */
    CHECK_INT_EQ(count_rule(&fs, "LIM-003", CK_SEV_VIOLATION), 1); /* 0.6 < 0.6001 */
    CHECK_INT_EQ(count_rule(&fs, "LIM-003", CK_SEV_WARNING), 1);   /* max on a min-only kind */
    CHECK_INT_EQ(count_rule(&fs, "LIM-004", CK_SEV_VIOLATION), 1); /* 0.40 > 0.39 */
    CHECK_INT_EQ(count_rule(&fs, "LIM-005", CK_SEV_VIOLATION), 1); /* 0.6 < 0.61 */
    CHECK_INT_EQ(fs.n, 7);
    for (size_t i = 0; i < fs.n; i++) {
        const struct ck_finding *x = &fs.v[i];
        CHECK_STR_EQ(x->rule->category, "limit");
        CHECK(x->basis != NULL);
        if (strcmp(x->rule->id, "LIM-001") == 0) {
            CHECK_STR_EQ(x->holding, "H1"); /* the first of the investee's holdings */
            CHECK(strstr(x->evidence[CK_LANG_EN], "holdings: H1 H3") != NULL);
        }
        if (strcmp(x->rule->id, "LIM-005") == 0) {
            CHECK(x->holding == NULL);
            CHECK(strstr(x->basis, "《某办法 第三条》") != NULL);
        }
        if (strcmp(x->rule->id, "LIM-004") == 0)
            CHECK(strstr(x->basis, "《某财金〔2025〕1号》（设立方案）") != NULL);
    }
    ck_findings_fini(&fs);
    ck_metrics_scratch_fini(&s);
    ck_metrics_fini(&m);
    ck_filing_free(f);

    /* missing data: no govShare, no focusIndustries, regions partly missing */
    f = mk("municipal", "<size subscribed='1000' paidIn='1000'/>",
           "<limits><limit kind='gov-share' max='0.4'/><limit kind='main-field-share' min='0.1'/>"
           "<limit kind='home-region-share' max='0.5'/><limit kind='home-region-share' min='0.9'/></limits>",
           H("H1", "equity", "A", "a", "", "440305", "<amount invested='40'/>", "")
           "<holding id='H2' category='equity'><investee uscc='B'><name>b</name></investee>"
           "<role>shareholder</role><amount invested='60'/></holding>");
    ck_metrics_compute(f, NULL, &m, &s);
    ck_findings_init(&fs);
    ck_limits_check(f, &m, &s, &fs);
    /* home 0.4 with 0.6 of D unknown: max 0.5 undetermined (0.4..1.0), min 0.9 too */
    CHECK_INT_EQ(count_rule(&fs, "LIM-004", CK_SEV_WARNING), 1);
    CHECK_INT_EQ(count_rule(&fs, "LIM-003", CK_SEV_WARNING), 1);
    CHECK_INT_EQ(count_rule(&fs, "LIM-005", CK_SEV_WARNING), 2);
    CHECK_INT_EQ(fs.n, 4);
    ck_findings_fini(&fs);
    ck_metrics_scratch_fini(&s);
    ck_metrics_fini(&m);
    ck_filing_free(f);
}

/* The database table and views (part of the store's schema v4): a null stays
 * NULL with its reason, the period view weights by D. */
CK_TEST(metrics_store_table_and_views)
{
    sqlite3 *db = NULL;
    CHECK_INT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
    CHECK_INT_EQ(sqlite3_exec(db,
                              "CREATE TABLE filings (filing_pk INTEGER PRIMARY KEY, fund_uscc TEXT, fund_name TEXT,"
                              " region TEXT, gov_level TEXT, period_start TEXT, period_end TEXT);"
                              "CREATE VIEW v_current_filings AS SELECT * FROM filings;"
                              "INSERT INTO filings VALUES (1, 'F1', 'a', '440300', 'municipal', '2026-01-01', '2026-03-31'),"
                              " (2, 'F2', 'b', '440100', 'municipal', '2026-01-01', '2026-03-31');",
                              NULL, NULL, NULL),
                 SQLITE_OK);
    CHECK_INT_EQ(ck_metrics_store_ddl(db), CK_OK);
    struct ck_filing *f = mk("municipal", "<size subscribed='100' paidIn='100'/>", "",
                             H("H1", "equity", "A", "a", "", "440300", "<amount invested='30'/>", "<stage>seed</stage>"));
    struct ck_metrics m;
    metrics_of(f, NULL, &m);
    CHECK_INT_EQ(ck_metrics_store_insert(db, NULL, 1, &m), CK_OK);
    ck_metrics_fini(&m);
    ck_filing_free(f);
    f = mk("municipal", "<size subscribed='100' paidIn='100'/><govShare>0.5</govShare>", "",
           H("H1", "equity", "B", "b", "", "440100", "<amount invested='10'/>", "<stage>mature</stage>"));
    metrics_of(f, NULL, &m);
    CHECK_INT_EQ(ck_metrics_store_insert(db, NULL, 2, &m), CK_OK);
    ck_metrics_fini(&m);
    ck_filing_free(f);
    sqlite3_stmt *s = NULL;
    CHECK_INT_EQ(sqlite3_prepare_v2(db,
                                    "SELECT early_small_share, social_capital_share IS NULL, null_reasons,"
                                    " (SELECT early_small_share FROM v_period_metrics), (SELECT count(*) FROM v_fund_metrics)"
                                    " FROM v_filing_metrics WHERE fund_uscc = 'F1'",
                                    -1, &s, NULL),
                 SQLITE_OK);
    CHECK_INT_EQ(sqlite3_step(s), SQLITE_ROW);
    CHECK(sqlite3_column_double(s, 0) == 1.0);
    CHECK_INT_EQ(sqlite3_column_int(s, 1), 1);
    CHECK(strstr((const char *)sqlite3_column_text(s, 2), "socialCapitalShare: fund/govShare is not filed") != NULL);
    CHECK(sqlite3_column_double(s, 3) == 0.75); /* (1·30 + 0·10) / 40 */
    CHECK_INT_EQ(sqlite3_column_int(s, 4), 2);
    sqlite3_finalize(s);
    sqlite3_close(db);
}
