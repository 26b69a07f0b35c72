/* SPDX-License-Identifier: MIT */
/*
 * fcgen prose: Chinese deal-document sentences (terms clauses, notes,
 * disclosures) built from templates. Placeholders in braces are filled from
 * struct gen_prose_ctx or random numbers:
 *
 *   {C} investee   {O} obligor (城投 / 财政局)   {G} finance bureau   {B} bank
 *   {F} this fund  {P} founder   {Y} a later year   {Y0} an earlier year
 *   {y} 3-7 years  {n} 1-5   {b} board size   {M} month   {d} days   {m} months
 *   {r} return rate %   {R} loan rate %   {f} fee rate %   {k} reinvestment
 *   multiple   {N} amount in 万元   {p} percentage
 *
 * The ordinary pools deliberately contain the false-positive traps the rules
 * must not fire on: founder buy-back on a missed IPO (业绩对赌), liquidation
 * preference, hurdle rates, negated guarantees ("不设置保底收益"), the
 * sub-fund GP's unlimited liability, the government side ceding upside.
 */
#include "gen.h"

#define NEG 1 /* a negation ("no guarantee"): not used to pad violating prose */

struct tpl {
    const char *text;
    int flags;
};

static const struct tpl vc[] = {
    {"若目标公司未能于{Y}年12月31日前完成合格首次公开发行，投资方有权要求创始股东{P}以其自有资金回购投资方所持全部或部分股权，回购价格为投资本金加按年化{r}%单利计算的金额扣除已分配红利。", 0},
    {"如目标公司{Y}年度经审计的扣除非经常性损益后归属于母公司股东的净利润低于人民币{N}万元，创始股东应以现金或股权方式对投资方进行业绩补偿。", 0},
    {"发生清算事件时，投资方有权优先于其他股东获得相当于其投资本金100%加已宣布但未分配股息的清算金额（优先清算权），剩余财产由全体股东按持股比例分配。", 0},
    {"本轮投资交割后，目标公司董事会由{b}名董事组成，投资方有权委派一名董事，并有权委派一名观察员列席董事会会议。", 0},
    {"投资方享有信息权：目标公司应于每季度结束后三十日内提供季度财务报表，并于每一会计年度结束后一百二十日内提供经审计的年度财务报告及下一年度预算。", 0},
    {"本基金不设置保底收益，不向任何出资人承诺投资本金不受损失，亦不承诺最低收益。", NEG},
    {"各方确认，本协议及其补充协议项下不存在任何形式的固定回报、回购兜底、差额补足或其他增信安排。", NEG},
    {"投资方享有优先认购权、优先购买权及共同出售权，创始股东转让股权须提前{d}日书面通知投资方。", 0},
    {"未经投资方委派董事同意，目标公司不得进行合并、分立、解散、变更主营业务或对外提供担保。", NEG},
    {"若目标公司以低于本轮投资价格的价格进行后续融资，投资方有权按广义加权平均方式调整投资价格（反稀释保护）。", 0},
    {"创始股东{P}承诺自交割日起{y}年内全职服务于目标公司，并遵守竞业限制及保密义务。", 0},
    {"本轮投资款应专项用于{C}的研发投入、产能建设及补充营运资金，不得用于偿还股东借款或进行证券投资。", 0},
    {"在合格上市前，如持有多数优先股的股东同意出售目标公司，其他股东应按相同条件一并出售其股权（领售权）。", 0},
    {"本次增资的投前估值为人民币{N}万元，投资方以货币出资认购目标公司新增注册资本，交割后持股比例为{p}%。", 0},
    {"目标公司应在交割后{m}个月内完成员工持股平台的设立，预留不超过{p}%的股权用于核心员工激励。", 0},
    {"投资方的退出方式包括首次公开发行、并购、股权转让以及创始股东按届时市场公允价格回购。", 0},
    {"各方同意，业绩对赌条款自目标公司向证券交易所提交首次公开发行申请之日起自动中止，申请被否决或撤回的自动恢复效力。", 0},
    {"投资方有权查阅目标公司的会计账簿、会计凭证及董事会会议记录，并可委托会计师事务所进行专项审计。", 0},
    {"目标公司的年度预算、超过人民币{N}万元的资本性支出及关联交易，须经投资方委派的董事同意。", 0},
};

static const struct tpl note[] = {
    {"项目来源：合作机构推荐，经投资决策委员会于{Y0}年{M}月审议通过。", 0},
    {"本期无新增出资，估值采用最近一轮融资价格法，较上期末无重大变化。", 0},
    {"被投企业{Y0}年实现营业收入{N}万元，同比增长{p}%，研发投入占营业收入的比例为{p}%。", 0},
    {"被投企业已完成新一轮融资，本基金未跟投，持股比例被动稀释。", 0},
    {"被投企业核心产品已进入客户验证阶段，预计{Y}年实现规模化量产。", 0},
    {"本基金通过增资方式取得股权，已办理市场主体变更登记。", 0},
    {"该项目属于本地重点产业链项目，已按规定履行投资决策及备案程序。", 0},
    {"公允价值参照第三方估值机构出具的估值报告确定，估值基准日为报告期末。", 0},
    {"被投企业拥有发明专利{n}项，核心团队来自国内外知名高校及科研院所。", 0},
    {"投后管理人员每季度赴企业现场走访一次，未发现重大风险事项。", 0},
};

static const struct tpl disclosure[] = {
    {"本报告期内，基金管理人按照合伙协议约定召开合伙人会议一次，审议通过了年度投资计划及估值报告。", 0},
    {"报告期内基金未发生关联交易，投资决策委员会成员未发生变更。", 0},
    {"基金托管人为{B}，报告期内托管账户资金划转均按照划款指令执行。", 0},
    {"报告期内本基金新增实缴出资人民币{N}万元，累计实缴出资比例为{p}%。", 0},
    {"截至报告期末，基金累计投资项目{y}个，其中已退出项目{n}个。", 0},
    {"基金管理人关键人士未发生变更，管理费按照实缴出资额的{f}%每年计提。", 0},
    {"根据合伙协议，政府出资部分在基金存续期内可按原始出资加同期存款利息向其他出资人转让，超额收益让渡给社会出资人。", 0},
    {"报告期内，本基金闲置资金全部存放于托管银行活期存款账户，未投资于理财产品或其他金融产品。", NEG},
    {"本基金未向任何第三方提供担保，未从事名股实债、借贷及承担无限连带责任的投资。", NEG},
    {"基金已按照规定在全国政府投资基金信用信息登记系统完成信息更新。", 0},
};

static const struct tpl fof[] = {
    {"本基金作为有限合伙人认缴子基金出资额人民币{N}万元，以其认缴出资额为限对子基金债务承担责任。", 0},
    {"子基金普通合伙人对子基金债务承担无限连带责任。", 0},
    {"子基金投资于注册地行政区域内企业的金额原则上不低于本基金实缴出资额的{k}倍。", 0},
    {"子基金管理费在投资期内按实缴出资额的{f}%每年计提，退出期内按未退出投资本金的1.5%每年计提。", 0},
    {"子基金收益分配采取整体先回本后分利的方式，门槛收益率为年化{r}%，超额收益的20%分配给普通合伙人。", 0},
    {"本基金有权向子基金投资决策委员会委派观察员一名，不参与子基金具体投资决策。", 0},
    {"子基金存续期为{y}年，其中投资期{n}年，经合伙人会议同意可延长一年。", 0},
    {"子基金应将不低于{p}%的可投资金额投向战略性新兴产业领域的早期、中期创新型企业。", 0},
    {"子基金单个项目投资额不得超过子基金认缴规模的20%，不得投资于其他创业投资基金。", NEG},
};

static const struct tpl debt[] = {
    {"投资期满{y}年后，由{O}按投资本金加年化{r}%的溢价无条件回购甲方所持目标公司全部股权，回购价款于期满之日起三十日内一次性支付。", 0},
    {"无论目标公司经营状况如何、是否盈利，乙方均应每年按甲方实缴出资额的{r}%向甲方支付固定收益。", 0},
    {"如回购价款或固定收益未能按期足额支付，由{G}负责差额补足，并将相关款项纳入年度财政预算安排。", 0},
    {"甲方不参与目标公司日常经营管理，不委派董事，不享有表决权。", 0},
    {"{O}出具不可撤销的承诺函，对本基金投资本金及年化{r}%的收益承担兜底责任。", 0},
    {"本次增资款实际用于{O}承建的片区基础设施建设及土地整理项目，投资期满后由{O}按本金加溢价受让本基金所持股权。", 0},
    {"双方确认，本基金按季度收取固定投资收益，年化收益率为{r}%，到期由{O}收购本基金所持全部股权。", 0},
    {"{G}承诺，若目标公司未能按期回购，将通过安排财政资金等方式保障本基金投资本金安全。", 0},
};

static const struct tpl guarantee[] = {
    {"本基金为{C}向{B}申请的人民币{N}万元流动资金贷款提供连带责任保证担保，保证期间为主债务履行期届满之日起{n}年。", 0},
    {"本基金以其所持{C}的股权为{C}的银行借款提供质押担保。", 0},
    {"本基金同意为被投企业的融资提供流动性支持，并在其未能按期偿付时承担差额补足义务。", 0},
    {"为支持项目建设，本基金向{B}出具担保函，为{C}的项目贷款提供保证担保。", 0},
};

static const struct tpl gp[] = {
    {"本基金作为普通合伙人暨执行事务合伙人入伙{C}，对合伙企业债务承担无限连带责任。", 0},
    {"经全体合伙人一致同意，本基金担任该合伙企业的普通合伙人，负责合伙事务的执行。", 0},
    {"本基金与基金管理人共同担任该合伙企业的普通合伙人（双GP结构），对合伙企业债务承担无限连带责任。", 0},
};

static const struct tpl loan[] = {
    {"本基金通过{B}向{C}发放委托贷款人民币{N}万元，期限{n}年，年利率{R}%，按季付息、到期还本。", 0},
    {"本基金向{C}提供借款人民币{N}万元用于补充流动资金，借款期限{m}个月，年利率{R}%。", 0},
    {"该笔委托贷款以{C}名下国有土地使用权提供抵押担保。", 0},
};

static const struct tpl stock[] = {
    {"本基金于报告期内通过证券交易所集中竞价交易买入{C}股票，作为流动性管理的补充。", 0},
    {"本基金利用闲置资金在二级市场买卖A股股票，报告期末持有市值人民币{N}万元。", 0},
    {"该股票系通过二级市场竞价交易取得，不属于设立方案允许的定向增发或战略配售。", 0},
};

static const struct tpl futures[] = {
    {"本基金于报告期内开立期货账户，以自有资金参与股指期货及商品期货交易。", 0},
    {"该持仓为投机性期货头寸，报告期末保证金占用人民币{N}万元。", 0},
    {"为对冲持仓股票的市场风险，本基金卖出开仓股指期货合约。", 0},
};

struct pool {
    const struct tpl *t;
    size_t n;
    enum gen_prose_kind pad; /* pool used to pad prose of this kind */
};

#define POOL(a, pad) {a, sizeof(a) / sizeof((a)[0]), pad}
static const struct pool pools[GEN_P_KIND_COUNT] = {
    [GEN_P_VC] = POOL(vc, GEN_P_VC),
    [GEN_P_NOTE] = POOL(note, GEN_P_NOTE),
    [GEN_P_DISCLOSURE] = POOL(disclosure, GEN_P_DISCLOSURE),
    [GEN_P_FOF] = POOL(fof, GEN_P_FOF),
    [GEN_P_DEBT] = POOL(debt, GEN_P_VC),
    [GEN_P_GUARANTEE] = POOL(guarantee, GEN_P_VC),
    [GEN_P_GP] = POOL(gp, GEN_P_FOF),
    [GEN_P_LOAN] = POOL(loan, GEN_P_NOTE),
    [GEN_P_STOCK] = POOL(stock, GEN_P_NOTE),
    [GEN_P_FUTURES] = POOL(futures, GEN_P_NOTE),
};

static size_t utf8_chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

static size_t put_counted(struct gen_out *o, const char *s, size_t n)
{
    gen_putn(o, s, n);
    return utf8_chars(s, n);
}

static size_t put_num(struct gen_out *o, uint64_t v)
{
    char tmp[24];
    int i = (int)sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return put_counted(o, tmp + i, sizeof tmp - (size_t)i);
}

static size_t put_name(struct gen_out *o, const char *s, const char *fallback)
{
    s = s && *s ? s : fallback;
    /* Names never contain markup, but escape anyway: this is XML text. */
    gen_put_esc(o, s);
    return utf8_chars(s, strlen(s));
}

static size_t expand(struct gen_out *o, struct gen_rng *r, const char *t,
                     const struct gen_prose_ctx *ctx)
{
    static const char *const rates[] = {"5.5", "6", "6.5", "7", "8", "8.5", "10", "12"};
    static const char *const loan_rates[] = {"4.35", "4.75", "5.2", "6", "7.5", "9"};
    static const char *const fees[] = {"1.5", "1.8", "2", "2.5"};
    static const char *const multiples[] = {"1", "1.2", "1.5", "2"};
    static const unsigned days[] = {15, 30, 60, 90};
    static const unsigned months[] = {6, 12, 18, 24, 36};
    int year = ctx->year ? ctx->year : 2026;
    size_t chars = 0;

    while (*t) {
        const char *open = strchr(t, '{');
        if (!open) {
            chars += put_counted(o, t, strlen(t));
            break;
        }
        chars += put_counted(o, t, (size_t)(open - t));
        const char *close = strchr(open, '}');
        size_t klen = (size_t)(close - open - 1);
        const char *k = open + 1;
        t = close + 1;
        const char *s = NULL;
        if (klen == 2 && k[0] == 'Y' && k[1] == '0') {
            chars += put_num(o, (uint64_t)(year - (int)gen_rng_range(r, 1, 3)));
            continue;
        }
        switch (*k) {
        case 'C': chars += put_name(o, ctx->investee, "目标公司"); continue;
        case 'O': chars += put_name(o, ctx->obligor, "乙方"); continue;
        case 'G': chars += put_name(o, ctx->gov, "财政局"); continue;
        case 'B': chars += put_name(o, ctx->bank, "托管银行"); continue;
        case 'F': chars += put_name(o, ctx->fund, "本基金"); continue;
        case 'P':
            if (ctx->person && *ctx->person)
                chars += put_name(o, ctx->person, "创始股东");
            else
                chars += put_name(o, gen_pick_surname(r), "张") + put_counted(o, "某", 3);
            continue;
        case 'Y': chars += put_num(o, (uint64_t)(year + (int)gen_rng_range(r, 1, 5))); continue;
        case 'y': chars += put_num(o, gen_rng_range(r, 3, 7)); continue;
        case 'n': chars += put_num(o, gen_rng_range(r, 1, 5)); continue;
        case 'b': chars += put_num(o, 3 + 2 * gen_rng_below(r, 3)); continue;
        case 'M': chars += put_num(o, gen_rng_range(r, 1, 12)); continue;
        case 'd': chars += put_num(o, GEN_PICK(r, days)); continue;
        case 'm': chars += put_num(o, GEN_PICK(r, months)); continue;
        case 'p': chars += put_num(o, gen_rng_range(r, 5, 35)); continue;
        case 'N': {
            uint64_t v = gen_rng_range(r, 10, 99);
            for (uint32_t e = gen_rng_below(r, 3); e; e--)
                v *= 10;
            chars += put_num(o, v * 10);
            continue;
        }
        case 'r': s = GEN_PICK(r, rates); break;
        case 'R': s = GEN_PICK(r, loan_rates); break;
        case 'f': s = GEN_PICK(r, fees); break;
        case 'k': s = GEN_PICK(r, multiples); break;
        default: s = "?"; break;
        }
        chars += put_counted(o, s, strlen(s));
    }
    return chars;
}

/* Picks a sentence of p not yet used in this piece of prose (*used is a bit
 * set over p's first 64 templates; it is reset once all have been used). */
static size_t pick_and_expand(struct gen_out *o, struct gen_rng *r, const struct pool *p,
                              int skip_neg, const struct gen_prose_ctx *ctx, uint64_t *used)
{
    size_t n = p->n < 64 ? p->n : 64;
    uint64_t all = n == 64 ? ~0ull : (1ull << n) - 1;
    uint64_t neg = 0;
    if (skip_neg)
        for (size_t i = 0; i < n; i++)
            if (p->t[i].flags & NEG)
                neg |= 1ull << i;
    if (((*used | neg) & all) == all)
        *used = 0;
    uint64_t avoid = *used | neg;
    if ((avoid & all) == all)
        avoid = 0;
    size_t i;
    do
        i = gen_rng_below(r, (uint32_t)n);
    while ((avoid >> i) & 1);
    *used |= 1ull << i;
    return expand(o, r, p->t[i].text, ctx);
}

size_t gen_sentence(struct gen_out *o, struct gen_rng *r, enum gen_prose_kind kind,
                    const struct gen_prose_ctx *ctx)
{
    uint64_t used = 0;
    return pick_and_expand(o, r, &pools[kind], 0, ctx, &used);
}

size_t gen_prose(struct gen_out *o, struct gen_rng *r, enum gen_prose_kind kind,
                 const struct gen_prose_ctx *ctx, size_t target_chars)
{
    const struct pool *prim = &pools[kind];
    const struct pool *pad = &pools[prim->pad];
    int violating = prim->pad != kind;
    size_t chars = 0;
    uint64_t used_main = 0, used_pad = 0;

    if (!violating) {
        do
            chars += pick_and_expand(o, r, prim, 0, ctx, &used_main);
        while (chars < target_chars);
        return chars;
    }
    /* Hide the prohibited arrangement among ordinary sentences. */
    uint32_t before = target_chars > 150 ? gen_rng_below(r, 3) : 0;
    for (uint32_t i = 0; i < before; i++)
        chars += pick_and_expand(o, r, pad, 1, ctx, &used_pad);
    chars += pick_and_expand(o, r, prim, 0, ctx, &used_main);
    while (chars < target_chars) {
        if (gen_rng_chance(r, 0.25))
            chars += pick_and_expand(o, r, prim, 0, ctx, &used_main);
        else
            chars += pick_and_expand(o, r, pad, 1, ctx, &used_pad);
    }
    return chars;
}
