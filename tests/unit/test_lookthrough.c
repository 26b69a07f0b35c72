/* SPDX-License-Identifier: MIT */
/* Unit tests of the look-through walk: depth, cycles, diamonds (one finding
 * per path), the latest child period at or before the parent's, pruning. */
#include "ck_test.h"
#include "lookthrough.h"

#include <stdlib.h>

struct collected {
    int n;
    char chains[16][256];
    size_t parent[16], edge[16];
};

static void collect(void *ud, size_t parent, size_t edge, size_t source_node,
                    const struct ck_lt_exposure *x, const struct ck_rule *lt, const char *chain)
{
    (void)source_node;
    (void)x;
    (void)lt;
    struct collected *c = ud;
    if (c->n < 16) {
        snprintf(c->chains[c->n], sizeof c->chains[0], "%s", chain);
        c->parent[c->n] = parent;
        c->edge[c->n] = edge;
    }
    c->n++;
}

static struct ck_rule drv_rule, lt_rule;
static struct ck_ruleset rs;

static void setup(void)
{
    memset(&drv_rule, 0, sizeof drv_rule);
    memset(&lt_rule, 0, sizeof lt_rule);
    drv_rule.id = (char *)"DRV-001";
    drv_rule.category = (char *)"derivatives";
    lt_rule.id = (char *)"LT-001";
    lt_rule.category = (char *)"derivatives";
    lt_rule.lookthrough = 1;
    lt_rule.lookthrough_categories = (char *)"derivatives";
    memset(&rs, 0, sizeof rs);
    rs.rules = &lt_rule;
    rs.n_rules = 1;
}

CK_TEST(lookthrough_three_levels_with_cycle)
{
    setup();
    /* P → A → B → P (cycle); B holds a future. */
    struct ck_lt_edge pe[] = {{"H1", 10, "/filing/holdings/holding", "A"}};
    struct ck_lt_edge ae[] = {{"H1", 11, "/filing/holdings/holding", "B"}};
    struct ck_lt_edge be[] = {{"H9", 12, "/filing/holdings/holding[2]", "P"}};
    struct ck_lt_exposure bx[] = {{&drv_rule, 2, "H2", {"期货", "future"}, 1}};
    struct ck_lt_node nodes[] = {
        {"P", "母基金", "2026-03-31", pe, 1, NULL, 0},
        {"A", "子基金A", "2026-03-31", ae, 1, NULL, 0},
        {"B", "子基金B", "2026-03-31", be, 1, bx, 1},
    };
    struct collected c;
    memset(&c, 0, sizeof c);
    ck_lookthrough_run(&rs, nodes, 3, CK_LANG_ZH, collect, &c);
    /* P sees B via A; A sees B directly; B sees nothing new (cycle cut). */
    CHECK_INT_EQ(c.n, 2);
    int found_p = 0;
    for (int i = 0; i < c.n && i < 16; i++)
        if (c.parent[i] == 0) {
            found_p = 1;
            CHECK_STR_EQ(c.chains[i], "母基金（P） → 子基金A（A） → 子基金B（B） → 持仓 H2");
        }
    CHECK(found_p);
}

CK_TEST(lookthrough_diamond_reports_each_path)
{
    setup();
    /* P → A → C and P → B → C; C holds a future: two paths from P. */
    struct ck_lt_edge pe[] = {{"H1", 10, "x", "A"}, {"H2", 11, "y", "B"}};
    struct ck_lt_edge ae[] = {{"H1", 10, "x", "C"}};
    struct ck_lt_edge be[] = {{"H1", 10, "x", "C"}};
    struct ck_lt_exposure cx[] = {{&drv_rule, 2, "H5", {"期货", "future"}, 1}};
    struct ck_lt_node nodes[] = {
        {"P", "P", "2026-03-31", pe, 2, NULL, 0},
        {"A", "A", "2026-03-31", ae, 1, NULL, 0},
        {"B", "B", "2026-03-31", be, 1, NULL, 0},
        {"C", "C", "2026-03-31", NULL, 0, cx, 1},
    };
    struct collected c;
    memset(&c, 0, sizeof c);
    ck_lookthrough_run(&rs, nodes, 4, CK_LANG_EN, collect, &c);
    int from_p = 0;
    for (int i = 0; i < c.n && i < 16; i++)
        if (c.parent[i] == 0)
            from_p++;
    CHECK_INT_EQ(from_p, 2);
    CHECK_INT_EQ(c.n, 4); /* P twice, A once, B once */
}

CK_TEST(lookthrough_uses_latest_child_period_not_after_parent)
{
    setup();
    /* Child C has two filings: 2025-12-31 (future held) and 2026-06-30
     * (clean, after the parent's period); the parent's period ends
     * 2026-03-31, so the 2025 filing is the one looked through. */
    struct ck_lt_edge pe[] = {{"H1", 10, "x", "C"}};
    struct ck_lt_exposure cx[] = {{&drv_rule, 2, "H5", {"期货", "future"}, 1}};
    struct ck_lt_node nodes[] = {
        {"P", "P", "2026-03-31", pe, 1, NULL, 0},
        {"C", "C", "2026-06-30", NULL, 0, NULL, 0},
        {"C", "C", "2025-12-31", NULL, 0, cx, 1},
    };
    struct collected c;
    memset(&c, 0, sizeof c);
    ck_lookthrough_run(&rs, nodes, 3, CK_LANG_EN, collect, &c);
    CHECK_INT_EQ(c.n, 1);
    /* And a parent whose period ends before any child filing sees nothing. */
    nodes[0].period_end = "2025-06-30";
    memset(&c, 0, sizeof c);
    ck_lookthrough_run(&rs, nodes, 3, CK_LANG_EN, collect, &c);
    CHECK_INT_EQ(c.n, 0);
}

CK_TEST(lookthrough_chain_ends_with_the_kind_of_item)
{
    setup();
    /* P → C; C's findings are on a holding, a transaction and the filing itself */
    struct ck_lt_edge pe[] = {{"H1", 10, "x", "C"}};
    struct ck_rule drv2 = drv_rule, drv3 = drv_rule;
    drv2.id = (char *)"DRV-004";
    drv3.id = (char *)"DRV-005";
    struct ck_lt_exposure cx[] = {
        {&drv_rule, 2, "H5", {"期货", "future"}, 1},
        {&drv2, 2, "T1", {"互换", "swap"}, 0},
        {&drv3, 2, NULL, {"方案", "plan"}, 0},
    };
    struct ck_lt_node nodes[] = {
        {"P", "P", "2026-03-31", pe, 1, NULL, 0},
        {"C", "C", "2026-03-31", NULL, 0, cx, 3},
    };
    struct collected c;
    memset(&c, 0, sizeof c);
    ck_lookthrough_run(&rs, nodes, 2, CK_LANG_ZH, collect, &c);
    CHECK_INT_EQ(c.n, 3);
    CHECK_STR_EQ(c.chains[0], "P（P） → C（C） → 持仓 H5");
    CHECK_STR_EQ(c.chains[1], "P（P） → C（C） → 事项 T1");
    CHECK_STR_EQ(c.chains[2], "P（P） → C（C） → 报送整体");
    memset(&c, 0, sizeof c);
    ck_lookthrough_run(&rs, nodes, 2, CK_LANG_EN, collect, &c);
    CHECK_STR_EQ(c.chains[1], "P（P） → C（C） → item T1");
    CHECK_STR_EQ(c.chains[2], "P（P） → C（C） → the filing as a whole");
}

CK_TEST(lookthrough_rule_for_category)
{
    setup();
    CHECK(ck_lookthrough_rule_for(&rs, "derivatives") == &lt_rule);
    CHECK(ck_lookthrough_rule_for(&rs, "guarantee") == NULL);
}

CK_TEST(lookthrough_pick_one_per_item_and_category)
{
    setup();
    struct ck_rule drv2 = drv_rule;
    drv2.id = (char *)"DRV-004";
    struct ck_lt_exposure xs[] = {
        {&drv_rule, 1, "H1", {"a", "a"}, 1},
        {&drv2, 2, "H1", {"b", "b"}, 1},
        {&drv2, 2, "H2", {"c", "c"}, 1},
    };
    struct ck_lt_exposure out;
    CHECK_INT_EQ(ck_lookthrough_pick(xs, 3, 0, &out), 1);
    CHECK_INT_EQ(out.severity, 2); /* the highest among the repeats */
    CHECK_STR_EQ(out.rule->id, "DRV-001");
    CHECK_INT_EQ(ck_lookthrough_pick(xs, 3, 1, &out), 0);
    CHECK_INT_EQ(ck_lookthrough_pick(xs, 3, 2, &out), 1);
}
