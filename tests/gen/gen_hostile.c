/* SPDX-License-Identifier: MIT */
/*
 * fcgen hostile inputs for the robustness tests: one big filing per kind,
 * built from an ordinary generated filing (index 0 of the seed) with an
 * override. See the usage comment in gen.c for the kinds.
 */
#include "gen.h"

const char gen_hostile_kinds[] = "holdings100k bigtext regexbomb deep huge";

#define MIB (1024u * 1024u)

/* bigtext: ordinary deal prose until the clause holds 10 MiB. */
static void big_clause(struct gen_out *o, struct gen_rng *r, void *arg)
{
    uint64_t want = *(const uint64_t *)arg, start = gen_out_total(o);
    struct gen_prose_ctx ctx = {0};
    ctx.year = 2026;
    while (gen_out_total(o) - start < want)
        gen_prose(o, r, GEN_P_VC, &ctx, 4000);
}

/*
 * regexbomb: just under 1 MB (10^6 bytes, so below a 1 MiB text-node cap
 * and actually reaching the regex engine) with no sentence end (。；) so that the whole clause is
 * one "sentence", made of runs that almost match the usual signal patterns
 * (固定/保底 without 收益, 回购 with no trigger, 无论 with no 是否盈亏,
 * 到期 followed by long gaps, negations, 年化 with digits and no %), so
 * that unanchored .* / .{0,N} patterns and backtracking are stressed.
 */
static void bomb_clause(struct gen_out *o, struct gen_rng *r, void *arg)
{
    static const char *const units[] = {
        "固定", "回购", "固定固定回购", "无论", "到期", "保底", "溢价", "本金加", "不", "不得",
        "差额", "年化1.", "收益", "兜底", "期满后由", "城投", "财政局", "承诺", "按", "回",
    };
    uint64_t want = *(const uint64_t *)arg, start = gen_out_total(o);
    while (gen_out_total(o) - start < want) {
        const char *u = GEN_PICK(r, units);
        size_t n = strlen(u);
        /* Long runs of one unit, then short mixes. */
        uint32_t reps = gen_rng_chance(r, 0.3) ? gen_rng_range(r, 200, 3000) : gen_rng_range(r, 1, 4);
        for (uint32_t i = 0; i < reps; i++) {
            if (gen_out_total(o) - start + n > want)
                return;
            gen_putn(o, u, n);
        }
    }
}

/* deep: 100,000 nested elements inside the filing's <ext>. */
static void deep_ext(struct gen_out *o, void *arg)
{
    uint32_t depth = *(const uint32_t *)arg;
    gen_puts(o, "<x:d xmlns:x=\"urn:example:deep\">");
    for (uint32_t i = 1; i < depth; i++)
        gen_puts(o, "<x:d>");
    for (uint32_t i = 0; i < depth; i++)
        gen_puts(o, "</x:d>");
}

int gen_hostile(const struct gen_opts *opt, struct gen_out *o)
{
    struct gen_override ov;
    memset(&ov, 0, sizeof ov);
    uint64_t bytes = 0;
    uint32_t depth = 100000;
    const char *k = opt->hostile;
    struct gen_opts o2 = *opt;
    if (strcmp(k, "holdings100k") == 0) {
        /* Short prose keeps it under the 64 MiB filing cap: this one is
         * meant to be checked, not refused. */
        ov.n_holdings = 100000;
        ov.lean = 1;
        o2.clause_chars = 1;
    } else if (strcmp(k, "bigtext") == 0) {
        bytes = 10u * MIB;
        ov.n_holdings = 5;
        ov.clause = big_clause;
        ov.arg = &bytes;
    } else if (strcmp(k, "regexbomb") == 0) {
        bytes = 1000000u;
        ov.n_holdings = 5;
        ov.clause = bomb_clause;
        ov.arg = &bytes;
    } else if (strcmp(k, "deep") == 0) {
        ov.n_holdings = 5;
        ov.ext = deep_ext;
        ov.arg = &depth;
    } else if (strcmp(k, "huge") == 0) {
        ov.n_holdings = 1000;
        ov.min_bytes = 200000000u;
    } else {
        return -1;
    }
    gen_filing(&o2, 0, &ov, o);
    return 0;
}
