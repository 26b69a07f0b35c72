/* SPDX-License-Identifier: MIT */
#ifndef CK_CODES_H
#define CK_CODES_H
/*
 * Code formats a prohibition rule needs to recognise: mainland and Hong Kong
 * security codes (which board, and whether that board's shares are publicly
 * traded listed stock), futures and exchange option contract codes of the
 * six mainland futures exchanges, and the check character of the unified
 * social credit code (统一社会信用代码, GB 32100-2015).
 *
 * Pure functions over NUL-terminated strings: no globals, no allocation,
 * safe to call from any thread. NULL arguments are treated as "". The
 * evaluator registers them as the fc: XPath functions stock-board,
 * is-listed-stock, is-future-code, is-option-code, uscc-valid and
 * uscc-expected (see docs/rule-language.md).
 */

/*
 * Returns the board of a security code: "sse-main", "star", "szse-main",
 * "chinext", "bse", "neeq", "b-share", "hk", "fund" (ETF/LOF/closed-end),
 * "convertible" (convertible and exchangeable bonds), "bond", or "" when the
 * code is unknown or ambiguous. The result is a static string.
 *
 * code may carry an exchange marker as a suffix or prefix: 600519.SH,
 * 600519.SS, 600519.XSHG, SH600519, sh.600519, 000001.SZ, 920799.BJ,
 * 00700.HK, 430047.OC/.NQ (NEEQ). exchange (the filing's exchange value:
 * SSE, SZSE, BSE, NEEQ, HKEX; SH/SZ/BJ/HK are also understood) may be NULL
 * or "", in which case the board is decided from the code alone where that
 * is unambiguous (001nnn: SZSE stock or SSE treasury; 43/83/87/88nnnn: BSE
 * legacy or NEEQ; these then give ""). A marker on the code wins over the
 * exchange argument. A futures exchange (CFFEX, SHFE, ...) gives "".
 */
const char *ck_stock_board(const char *code, const char *exchange);

/*
 * Returns 1 if ck_stock_board(code, exchange) is a board of publicly traded
 * listed shares: sse-main, star, szse-main, chinext, bse, b-share, hk.
 * NEEQ (新三板) shares, funds and bonds are not listed stock. Else 0.
 */
int ck_is_listed_stock(const char *code, const char *exchange);

/*
 * Returns 1 if code is a futures contract code of CFFEX, SHFE, DCE, CZCE,
 * INE or GFEX: a whitelisted product code (current and retired ones, any
 * letter case) followed by YYMM (month 01-12), or YMM for CZCE products, or
 * a vendor continuous/index form (888, 889, 88, 99, 000, 8888, 9999, L,
 * L1-L3), optionally with a vendor exchange suffix (.CFX .SHF .DCE .ZCE
 * .INE .GFE .CFE .CCFX .XSGE .XDCE .XZCE .XINE .XSIE .GFEX .SHFE .CZCE
 * .CFFEX); a bare product with a suffix (CU.SHF) also counts. Else 0.
 */
int ck_is_future_code(const char *code);

/*
 * Returns 1 if code is an exchange-traded option contract code:
 * MO2409-C-5200 (CFFEX), m2409-C-3000 (DCE/GFEX), zn2403P20400 (SHFE/INE),
 * SR409C6000 (CZCE); optionally with a vendor exchange suffix. The 8-digit
 * SSE/SZSE ETF option codes are NOT recognised: without an options context
 * they cannot be told from other 8-digit numbers. Else 0.
 */
int ck_is_option_code(const char *code);

/*
 * Returns 1 if s is exactly 18 characters from 0-9 A-H J-N P Q R T U W X Y
 * (upper case) whose 18th is the GB 32100-2015 check character of the
 * first 17. Else 0.
 */
int ck_uscc_valid(const char *s);

/*
 * Returns the GB 32100-2015 check character for the first 17 characters of
 * s, or '\0' if s has fewer than 17 characters or one of them is not in the
 * code's character set. Characters after the 17th are ignored.
 */
char ck_uscc_expected(const char *s);

#endif
