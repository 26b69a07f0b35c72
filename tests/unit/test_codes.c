/* SPDX-License-Identifier: MIT */
/* Unit tests of codes.c: boards, futures and option codes, USCC. */
#include "ck_test.h"
#include "codes.h"

CK_TEST(codes_board_sse)
{
    CHECK_STR_EQ(ck_stock_board("600519", "SSE"), "sse-main");
    CHECK_STR_EQ(ck_stock_board("600519", NULL), "sse-main");
    CHECK_STR_EQ(ck_stock_board("601318", ""), "sse-main");
    CHECK_STR_EQ(ck_stock_board("603259", NULL), "sse-main");
    CHECK_STR_EQ(ck_stock_board("605499", NULL), "sse-main");
    CHECK_STR_EQ(ck_stock_board("688981", NULL), "star");
    CHECK_STR_EQ(ck_stock_board("689009", "SSE"), "star");
    CHECK_STR_EQ(ck_stock_board("900901", NULL), "b-share");
    CHECK_STR_EQ(ck_stock_board("510300", NULL), "fund");
    CHECK_STR_EQ(ck_stock_board("588000", "SSE"), "fund");
    CHECK_STR_EQ(ck_stock_board("113050", "SSE"), "convertible");
    CHECK_STR_EQ(ck_stock_board("019547", "SSE"), "bond");
    CHECK_STR_EQ(ck_stock_board("001979", "SSE"), "bond");
    CHECK_STR_EQ(ck_stock_board("000001", "SSE"), ""); /* SSE composite index */
}

CK_TEST(codes_board_szse_bse_neeq_hk)
{
    CHECK_STR_EQ(ck_stock_board("000001", "SZSE"), "szse-main");
    CHECK_STR_EQ(ck_stock_board("000001", NULL), "szse-main");
    CHECK_STR_EQ(ck_stock_board("002594", NULL), "szse-main");
    CHECK_STR_EQ(ck_stock_board("001979", "SZSE"), "szse-main");
    CHECK_STR_EQ(ck_stock_board("001979", NULL), ""); /* ambiguous */
    CHECK_STR_EQ(ck_stock_board("300750", NULL), "chinext");
    CHECK_STR_EQ(ck_stock_board("301236", "SZSE"), "chinext");
    CHECK_STR_EQ(ck_stock_board("200002", NULL), "b-share");
    CHECK_STR_EQ(ck_stock_board("159915", NULL), "fund");
    CHECK_STR_EQ(ck_stock_board("161725", "SZSE"), "fund");
    CHECK_STR_EQ(ck_stock_board("123045", "SZSE"), "convertible");
    CHECK_STR_EQ(ck_stock_board("920799", NULL), "bse");
    CHECK_STR_EQ(ck_stock_board("830799", "BSE"), "bse");
    CHECK_STR_EQ(ck_stock_board("830799", "NEEQ"), "neeq");
    CHECK_STR_EQ(ck_stock_board("430047", "NEEQ"), "neeq");
    CHECK_STR_EQ(ck_stock_board("830799", NULL), "");
    CHECK_STR_EQ(ck_stock_board("00700", NULL), "hk");
    CHECK_STR_EQ(ck_stock_board("00700", "HKEX"), "hk");
    CHECK_STR_EQ(ck_stock_board("0700.HK", NULL), "hk");
    CHECK_STR_EQ(ck_stock_board("600519", "CFFEX"), "");
}

CK_TEST(codes_board_forms)
{
    CHECK_STR_EQ(ck_stock_board("600519.SH", NULL), "sse-main");
    CHECK_STR_EQ(ck_stock_board("600519.SS", NULL), "sse-main");
    CHECK_STR_EQ(ck_stock_board("SH600519", NULL), "sse-main");
    CHECK_STR_EQ(ck_stock_board("sh.600519", NULL), "sse-main");
    CHECK_STR_EQ(ck_stock_board("600519.XSHG", NULL), "sse-main");
    CHECK_STR_EQ(ck_stock_board(" 000858.XSHE ", NULL), "szse-main");
    CHECK_STR_EQ(ck_stock_board("001979.SZ", NULL), "szse-main");
    CHECK_STR_EQ(ck_stock_board("sz001979", "SSE"), "szse-main"); /* marker wins */
    CHECK_STR_EQ(ck_stock_board("920799.BJ", NULL), "bse");
    CHECK_STR_EQ(ck_stock_board("430047.OC", NULL), "neeq");
    CHECK_STR_EQ(ck_stock_board("600519.XX", NULL), "");
    CHECK_STR_EQ(ck_stock_board("60051", "SSE"), "");
    CHECK_STR_EQ(ck_stock_board("6005199", NULL), "");
    CHECK_STR_EQ(ck_stock_board("abc", NULL), "");
    CHECK_STR_EQ(ck_stock_board("", NULL), "");
    CHECK_STR_EQ(ck_stock_board(NULL, NULL), "");
    CHECK_STR_EQ(ck_stock_board("贵州茅台", NULL), "");
}

CK_TEST(codes_listed_stock)
{
    CHECK_INT_EQ(ck_is_listed_stock("600519", "SSE"), 1);
    CHECK_INT_EQ(ck_is_listed_stock("688981.SH", NULL), 1);
    CHECK_INT_EQ(ck_is_listed_stock("300750", NULL), 1);
    CHECK_INT_EQ(ck_is_listed_stock("920799", NULL), 1);
    CHECK_INT_EQ(ck_is_listed_stock("00700", "HKEX"), 1);
    CHECK_INT_EQ(ck_is_listed_stock("900901", NULL), 1);
    CHECK_INT_EQ(ck_is_listed_stock("430047", "NEEQ"), 0);
    CHECK_INT_EQ(ck_is_listed_stock("510300", "SSE"), 0);
    CHECK_INT_EQ(ck_is_listed_stock("113050", "SSE"), 0);
    CHECK_INT_EQ(ck_is_listed_stock("019547", "SSE"), 0);
    CHECK_INT_EQ(ck_is_listed_stock("IF2606", "CFFEX"), 0);
    CHECK_INT_EQ(ck_is_listed_stock(NULL, NULL), 0);
}

CK_TEST(codes_future)
{
    CHECK_INT_EQ(ck_is_future_code("IF2406"), 1);
    CHECK_INT_EQ(ck_is_future_code("IM2409"), 1);
    CHECK_INT_EQ(ck_is_future_code("T2412"), 1);
    CHECK_INT_EQ(ck_is_future_code("TL2503"), 1);
    CHECK_INT_EQ(ck_is_future_code("rb2410"), 1);
    CHECK_INT_EQ(ck_is_future_code("cu2409"), 1);
    CHECK_INT_EQ(ck_is_future_code("sc2409"), 1);
    CHECK_INT_EQ(ck_is_future_code("m2409"), 1);
    CHECK_INT_EQ(ck_is_future_code("jm2409"), 1);
    CHECK_INT_EQ(ck_is_future_code("SR409"), 1);
    CHECK_INT_EQ(ck_is_future_code("MA501"), 1);
    CHECK_INT_EQ(ck_is_future_code("CF1701"), 1); /* RiceQuant padding */
    CHECK_INT_EQ(ck_is_future_code("si2409"), 1);
    CHECK_INT_EQ(ck_is_future_code("lc2409"), 1);
    CHECK_INT_EQ(ck_is_future_code("ME409"), 1);  /* retired 甲醇 code */
    CHECK_INT_EQ(ck_is_future_code("CU1811.SHF"), 1);
    CHECK_INT_EQ(ck_is_future_code("SR409.ZCE"), 1);
    CHECK_INT_EQ(ck_is_future_code("RB9999.XSGE"), 1);
    CHECK_INT_EQ(ck_is_future_code("IF8888.CCFX"), 1);
    CHECK_INT_EQ(ck_is_future_code("IF888"), 1);
    CHECK_INT_EQ(ck_is_future_code("IFL"), 1);
    CHECK_INT_EQ(ck_is_future_code("IFL.CFX"), 1);
    CHECK_INT_EQ(ck_is_future_code("IFL1"), 1);
    CHECK_INT_EQ(ck_is_future_code("CU.SHF"), 1);
    CHECK_INT_EQ(ck_is_future_code("IF2606"), 1);
}

CK_TEST(codes_not_future)
{
    CHECK_INT_EQ(ck_is_future_code("A2024"), 0); /* month 24 */
    CHECK_INT_EQ(ck_is_future_code("IF2413"), 0);
    CHECK_INT_EQ(ck_is_future_code("IF2400"), 0);
    CHECK_INT_EQ(ck_is_future_code("rb410"), 0);  /* 3 digits only for CZCE */
    CHECK_INT_EQ(ck_is_future_code("XY2406"), 0); /* not a product */
    CHECK_INT_EQ(ck_is_future_code("ABC2406"), 0);
    CHECK_INT_EQ(ck_is_future_code("600519"), 0);
    CHECK_INT_EQ(ck_is_future_code("IF"), 0);
    CHECK_INT_EQ(ck_is_future_code("IF2406.XX"), 0);
    CHECK_INT_EQ(ck_is_future_code("SH600519"), 0);
    CHECK_INT_EQ(ck_is_future_code("IF24061"), 0);
    CHECK_INT_EQ(ck_is_future_code("MO2409-C-5200"), 0);
    CHECK_INT_EQ(ck_is_future_code(""), 0);
    CHECK_INT_EQ(ck_is_future_code(NULL), 0);
    CHECK_INT_EQ(ck_is_future_code("期货"), 0);
}

CK_TEST(codes_option)
{
    CHECK_INT_EQ(ck_is_option_code("MO2409-C-5200"), 1);
    CHECK_INT_EQ(ck_is_option_code("IO2406-P-3500"), 1);
    CHECK_INT_EQ(ck_is_option_code("HO2412-C-2400"), 1);
    CHECK_INT_EQ(ck_is_option_code("m2409-C-3000"), 1);
    CHECK_INT_EQ(ck_is_option_code("zn2403P20400"), 1);
    CHECK_INT_EQ(ck_is_option_code("sc2403P630"), 1);
    CHECK_INT_EQ(ck_is_option_code("SR409C6000"), 1);
    CHECK_INT_EQ(ck_is_option_code("ZC402P830"), 1);
    CHECK_INT_EQ(ck_is_option_code("au2412C520.SHF"), 1);
    CHECK_INT_EQ(ck_is_option_code("10006468"), 0); /* 8-digit ETF option: no context */
    CHECK_INT_EQ(ck_is_option_code("90002990"), 0);
    CHECK_INT_EQ(ck_is_option_code("IF2406"), 0);
    CHECK_INT_EQ(ck_is_option_code("m2409-C3000"), 0);
    CHECK_INT_EQ(ck_is_option_code("m2413-C-3000"), 0);
    CHECK_INT_EQ(ck_is_option_code("XY2409C100"), 0);
    CHECK_INT_EQ(ck_is_option_code("m2409-C-"), 0);
    CHECK_INT_EQ(ck_is_option_code("ESOP2024"), 0);
    CHECK_INT_EQ(ck_is_option_code(NULL), 0);
}

CK_TEST(codes_uscc)
{
    /* Check characters of real, published codes. */
    CHECK_INT_EQ(ck_uscc_valid("91520000214434146R"), 1);
    CHECK_INT_EQ(ck_uscc_valid("91440300708461136T"), 1);
    CHECK_INT_EQ(ck_uscc_valid("91330100799655058B"), 1);
    CHECK_INT_EQ(ck_uscc_valid("91350100M000100Y43"), 1);
    CHECK_INT_EQ(ck_uscc_valid("91520000214434146A"), 0);
    CHECK_INT_EQ(ck_uscc_valid("91520000214434146r"), 0); /* lower case */
    CHECK_INT_EQ(ck_uscc_valid("9152000021443414R"), 0);  /* 17 chars */
    CHECK_INT_EQ(ck_uscc_valid("91520000214434146RX"), 0);
    CHECK_INT_EQ(ck_uscc_valid("9152000021443414IR"), 0); /* I not allowed */
    CHECK_INT_EQ(ck_uscc_valid(""), 0);
    CHECK_INT_EQ(ck_uscc_valid(NULL), 0);
    CHECK_INT_EQ(ck_uscc_expected("91520000214434146"), 'R');
    CHECK_INT_EQ(ck_uscc_expected("91520000214434146A"), 'R');
    CHECK_INT_EQ(ck_uscc_expected("91350100M000100Y4"), '3');
    CHECK_INT_EQ(ck_uscc_expected("9152000021443414"), '\0');
    CHECK_INT_EQ(ck_uscc_expected("9152000021443414O"), '\0'); /* O not allowed */
    CHECK_INT_EQ(ck_uscc_expected(NULL), '\0');
}
