/* SPDX-License-Identifier: MIT */
/* Text normalisation: numerals, rates, amounts, denial scope, obligors. */
#include "ck_test.h"

#include "buf.h"
#include "textnorm.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static char *norm(const char *s)
{
    struct ck_buf b;
    ck_buf_init(&b);
    ck_textnorm(s, strlen(s), &b);
    return ck_buf_take(&b);
}

#define CHECK_NORM(in, want)                                                                     \
    do {                                                                                         \
        char *n_ = norm(in);                                                                     \
        CHECK_STR_EQ(n_, want);                                                                  \
        free(n_);                                                                                \
    } while (0)

CK_TEST(textnorm_numerals)
{
    CHECK_NORM("年化百分之六点五", "年化6.5%");
    CHECK_NORM("按年化６．５％计算", "按年化6.5%计算");
    CHECK_NORM("人民币伍仟万元整", "人民币50000000元整");
    CHECK_NORM("陆佰万元", "6000000元");
    CHECK_NORM("投资期满三年", "投资期满3年");
    CHECK_NORM("十二个月内", "12个月内");
    CHECK_NORM("二〇二八年十二月三十一日", "2028年12月31日");
    CHECK_NORM("千分之五", "0.5%");
    CHECK_NORM("一亿五千万元", "150000000元");
    CHECK_NORM("50,000,000元", "50000000元");
    /* words made of numeral characters stay as they are */
    CHECK_NORM("任何一方统一一致，万一，千万", "任何一方统一一致，万一，千万");
    CHECK_NORM("两者之间", "两者之间");
    CHECK_NORM("第一期", "第1期");
    /* a full-width grouping comma between full-width digits is dropped (it
     * would end the clause inside the number); other full-width commas stay */
    CHECK_NORM("买入１，２００，０００股６８８１２３股票", "买入1200000股688123股票");
    CHECK_NORM("分别为１，２", "分别为1，2");
    CHECK_NORM("共３家，１２０万元", "共3家，120万元");
}

CK_TEST(textnorm_rate_amount)
{
    CHECK(fabs(ck_textnorm_rate("年化收益率为百分之六点五") - 0.065) < 1e-9);
    CHECK(fabs(ck_textnorm_rate("年化6.5%") - 0.065) < 1e-9);
    CHECK(isnan(ck_textnorm_rate("没有比例")));
    CHECK(fabs(ck_textnorm_amount("人民币伍仟万元整") - 5e7) < 1e-3);
    CHECK(fabs(ck_textnorm_amount("出资600万元") - 6e6) < 1e-3);
    CHECK(fabs(ck_textnorm_amount("1.2亿元") - 1.2e8) < 1e-3);
    CHECK(isnan(ck_textnorm_amount("三年")));
}

static int neg_at(const char *text, const char *word)
{
    const char *p = strstr(text, word);
    return p ? ck_textnorm_negated(text, strlen(text), (size_t)(p - text)) : -1;
}

CK_TEST(textnorm_denial_scope)
{
    const char *t = "经自查，本基金未发生以下事项：为企业提供担保、从事期货交易、购买二级市场股票或承担无限责任的投资。";
    CHECK_INT_EQ(neg_at(t, "担保"), 1);
    CHECK_INT_EQ(neg_at(t, "期货"), 1);
    CHECK_INT_EQ(neg_at(t, "无限责任"), 1);
    const char *l = "本基金承诺不从事下列行为：（一）提供担保；（二）期货交易；（三）二级市场买卖股票。另，基金每年支付8%固定收益。";
    CHECK_INT_EQ(neg_at(l, "期货"), 1);
    CHECK_INT_EQ(neg_at(l, "二级市场"), 1);
    CHECK_INT_EQ(neg_at(l, "固定收益"), 0);
    const char *b = "本基金不存在明股实债情形，但目标公司每年按8%支付固定收益。";
    CHECK_INT_EQ(neg_at(b, "明股实债"), 1);
    CHECK_INT_EQ(neg_at(b, "固定收益"), 0);
    const char *c = "本次投资未设置优先劣后安排，社会资本按年化6%获得固定收益。";
    CHECK_INT_EQ(neg_at(c, "固定收益"), 0);
    CHECK_INT_EQ(neg_at("无论盈亏均支付固定收益", "固定收益"), 0);
    CHECK_INT_EQ(neg_at("由城投无条件回购", "回购"), 0);
    /* 未对 / 不作为 / 未直接……间接 deny their lists */
    CHECK_INT_EQ(neg_at("本基金未对任何企业提供保证、抵押或流动性支持。", "流动性支持"), 1);
    CHECK_INT_EQ(neg_at("本基金不作为保证人或共同借款人。", "共同借款人"), 1);
    CHECK_INT_EQ(neg_at("本基金未直接或通过私募证券基金间接从事期货交易。", "期货"), 1);
    CHECK_INT_EQ(neg_at("本基金未对甲公司提供担保，但为乙公司提供了保证。", "保证"), 0);
    /* an entitlement denied; a proposal withdrawn after it is named */
    CHECK_INT_EQ(neg_at("本基金按持股比例参与分配，不享有固定收益或优先回购权。", "固定收益"), 1);
    CHECK_INT_EQ(neg_at("本基金按持股比例参与分配，不享有固定收益或优先回购权。", "回购"), 1);
    const char *r = "融资方要求的保底回报和期满回购条款，经投委会审议未予采纳；城投另行承诺兜底。";
    CHECK_INT_EQ(neg_at(r, "保底回报"), 1);
    CHECK_INT_EQ(neg_at(r, "回购"), 1);
    CHECK_INT_EQ(neg_at(r, "兜底"), 0);
    CHECK_INT_EQ(neg_at("城投期满回购，但甲方的提前退出申请被否决。", "回购"), 0);
    CHECK_INT_EQ(neg_at("由城投兜底的提议，已被投委会否决。", "兜底"), 1);
    CHECK_INT_EQ(neg_at("城投期满回购，经董事会行使否决权后生效。", "回购"), 0);
}

static const char *obl(const char *text, const char *word)
{
    const char *p = strstr(text, word);
    return ck_textnorm_obligor(text, strlen(text), (size_t)(p - text), (size_t)(p - text) + strlen(word));
}

CK_TEST(textnorm_obligor)
{
    CHECK_STR_EQ(obl("投资期满，由某市城市建设投资集团有限公司按本金加溢价回购", "回购"), "platform");
    CHECK_STR_EQ(obl("区财政局承诺补足甲方收益差额", "补足"), "government");
    CHECK_STR_EQ(obl("创始股东应按本金加8%回购", "回购"), "founder");
    CHECK_STR_EQ(obl("本基金以所持股权为某公司向银行的借款提供质押担保", "质押"), "fund");
    CHECK_STR_EQ(obl("目标公司向本基金支付资金使用费", "支付"), "investee");
    CHECK_STR_EQ(obl("某县国有资产经营有限公司按本金及溢价受让", "受让"), "soe");
    /* a 基金管理 company is the manager, not the fund */
    CHECK_STR_EQ(obl("某某私募基金管理有限公司为其员工贷款提供担保", "担保"), "manager");
    CHECK_STR_EQ(obl("目标公司承诺：投资满18个月，某市城建开发有限公司负责归还", "投资满18个月，某市城建开发有限公司负责归还"), "platform");
    CHECK_STR_EQ(obl("期满后，本基金有权要求某区城投回购", "期满后，本基金有权要求某区城投回购"), "platform");
    /* whose principal it is does not say who pays */
    CHECK_STR_EQ(obl("市引导基金按社会出资人实缴出资加上年化5%的收益受让其份额", "出资加上"), "government");
}

CK_TEST(textnorm_size_fit)
{
    const char *rosin = "1000吨/年以下的松香生产项目,松脂初加工项目";
    CHECK_STR_EQ(ck_textnorm_size_fit(rosin, "从事松香生产和松脂加工", NULL), "unknown");
    CHECK_STR_EQ(ck_textnorm_size_fit(rosin, "年产松香500吨", NULL), "inside");
    CHECK_STR_EQ(ck_textnorm_size_fit(rosin, "松香生产线产能3000吨/年", NULL), "outside");
    CHECK_STR_EQ(ck_textnorm_size_fit(rosin, "年产松香壹仟吨", NULL), "inside");
    const char *board = "单线5万立方米/年以下的普通刨花板、高中密度纤维板生产装置";
    CHECK_STR_EQ(ck_textnorm_size_fit(board, "建设一条年产30万立方米刨花板生产线", NULL), "outside");
    CHECK_STR_EQ(ck_textnorm_size_fit(board, "刨花板单线产能3万立方米/年", NULL), "inside");
    CHECK_STR_EQ(ck_textnorm_size_fit("小于10万千瓦的燃煤机组", "装机容量5万千瓦", NULL), "inside");
    CHECK_STR_EQ(ck_textnorm_size_fit("电解铝项目", "年产10万吨", NULL), "none");
    /* a quantity in another unit says nothing */
    CHECK_STR_EQ(ck_textnorm_size_fit(rosin, "占地200亩的松香厂", NULL), "unknown");
}
