/* SPDX-License-Identifier: MIT */
/*
 * Security, futures and option code classification and the USCC check
 * character (see codes.h). Everything works on ASCII bytes with local
 * helpers, so the result never depends on the locale; any non-ASCII byte
 * simply makes a code unknown. Tables are static const data.
 *
 * Sources for the formats: ../shared/spec/legal-basis.md §9 (board
 * prefixes, the 2025 BSE switch to 920nnn, futures product lists and
 * vendor forms, vn.py option code shapes).
 * In comments, "n" stands for any digit: 920nnn is 920000-920999.
 */
#include "codes.h"

#include <stddef.h>
#include <string.h>

#define CODE_MAX 40 /* longer inputs are not codes */

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int is_alpha(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static char up(char c)
{
    return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

/* Case-insensitive equality of s[0..n) with the NUL-terminated word w. */
static int eq_ci_n(const char *s, size_t n, const char *w)
{
    size_t i;
    for (i = 0; i < n; i++) {
        if (w[i] == '\0' || up(s[i]) != up(w[i]))
            return 0;
    }
    return w[i] == '\0';
}

static int all_digits(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!is_digit(s[i]))
            return 0;
    return 1;
}

/* Copies s without surrounding ASCII blanks into out (size CODE_MAX + 1);
 * returns the length, or 0 if empty or too long. */
static size_t trim_copy(const char *s, char *out)
{
    size_t b = 0, e;
    if (s == NULL)
        return 0;
    while (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')
        b++;
    e = strlen(s + b) + b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r'))
        e--;
    if (e == b || e - b > CODE_MAX)
        return 0;
    memcpy(out, s + b, e - b);
    out[e - b] = '\0';
    return e - b;
}

/* ------------------------------------------------------------------ */
/* Stock boards                                                        */

enum xch {
    X_NONE,
    X_SSE,
    X_SZSE,
    X_BSE,
    X_NEEQ,
    X_HK,
    X_OTHER, /* a futures exchange or another venue: not a stock code */
};

struct xname {
    const char *name;
    enum xch x;
};

/* Exchange words accepted as the exchange argument or as a code marker. */
static const struct xname xnames[] = {
    {"SSE", X_SSE},     {"SH", X_SSE},      {"SS", X_SSE},     {"XSHG", X_SSE},
    {"SHSE", X_SSE},    {"SZSE", X_SZSE},   {"SZ", X_SZSE},    {"XSHE", X_SZSE},
    {"BSE", X_BSE},     {"BJ", X_BSE},      {"BJSE", X_BSE},   {"NEEQ", X_NEEQ},
    {"OC", X_NEEQ},     {"NQ", X_NEEQ},     {"HKEX", X_HK},    {"HK", X_HK},
    {"XHKG", X_HK},     {"SEHK", X_HK},     {"CFFEX", X_OTHER}, {"SHFE", X_OTHER},
    {"DCE", X_OTHER},   {"CZCE", X_OTHER},  {"INE", X_OTHER},  {"GFEX", X_OTHER},
};

static enum xch xch_of(const char *s, size_t n, int *known)
{
    for (size_t i = 0; i < sizeof(xnames) / sizeof(xnames[0]); i++) {
        if (eq_ci_n(s, n, xnames[i].name)) {
            *known = 1;
            return xnames[i].x;
        }
    }
    *known = 0;
    return X_NONE;
}

/* Splits a marked code into its digits and marker: "600519.SH", "SH600519",
 * "sh.600519". On return *digits and *n_digits point into buf. */
static enum xch split_code(const char *buf, size_t len, const char **digits, size_t *n_digits,
                           int *bad)
{
    const char *dot = memchr(buf, '.', len);
    int known = 0;
    enum xch x = X_NONE;
    *bad = 0;
    if (dot != NULL) {
        size_t a = (size_t)(dot - buf), b = len - a - 1;
        if (all_digits(buf, a)) { /* 600519.SH */
            x = xch_of(dot + 1, b, &known);
            *digits = buf;
            *n_digits = a;
        } else if (all_digits(dot + 1, b)) { /* sh.600519 */
            x = xch_of(buf, a, &known);
            *digits = dot + 1;
            *n_digits = b;
        }
        if (!known)
            *bad = 1;
        return x;
    }
    if (len > 2 && is_alpha(buf[0]) && is_alpha(buf[1]) && all_digits(buf + 2, len - 2)) {
        x = xch_of(buf, 2, &known); /* SH600519 */
        if (!known)
            *bad = 1;
        *digits = buf + 2;
        *n_digits = len - 2;
        return x;
    }
    if (!all_digits(buf, len))
        *bad = 1;
    *digits = buf;
    *n_digits = len;
    return X_NONE;
}

static int pfx(const char *d, const char *p)
{
    return strncmp(d, p, strlen(p)) == 0;
}

static const char *board_sse(const char *d)
{
    if (pfx(d, "600") || pfx(d, "601") || pfx(d, "603") || pfx(d, "605"))
        return "sse-main";
    if (pfx(d, "688") || pfx(d, "689"))
        return "star";
    if (pfx(d, "900"))
        return "b-share";
    if (pfx(d, "588") || pfx(d, "51") || pfx(d, "56") || pfx(d, "50"))
        return "fund";
    if (pfx(d, "110") || pfx(d, "111") || pfx(d, "113") || pfx(d, "118") || pfx(d, "132"))
        return "convertible";
    if (d[0] == '0' && !pfx(d, "000")) /* 001 / 01x / 02x treasury and bond codes */
        return "bond";
    if (d[0] == '1' || pfx(d, "204")) /* other 1nnnnn bonds, 204nnn repo */
        return "bond";
    return "";
}

static const char *board_szse(const char *d)
{
    if (pfx(d, "000") || pfx(d, "001") || pfx(d, "002") || pfx(d, "003") || pfx(d, "004"))
        return "szse-main";
    if (pfx(d, "300") || pfx(d, "301") || pfx(d, "302"))
        return "chinext";
    if (pfx(d, "200"))
        return "b-share";
    if (pfx(d, "15") || pfx(d, "16") || pfx(d, "18"))
        return "fund";
    if (pfx(d, "120") || pfx(d, "123") || pfx(d, "127") || pfx(d, "128"))
        return "convertible";
    if (pfx(d, "10") || pfx(d, "11") || pfx(d, "12") || pfx(d, "13"))
        return "bond";
    return "";
}

static int legacy_bse_neeq(const char *d)
{
    return pfx(d, "43") || pfx(d, "83") || pfx(d, "87") || pfx(d, "88");
}

static const char *board_bse(const char *d)
{
    if (pfx(d, "920") || legacy_bse_neeq(d))
        return "bse";
    return "";
}

static const char *board_neeq(const char *d)
{
    if (legacy_bse_neeq(d) || pfx(d, "40") || pfx(d, "42") || pfx(d, "82"))
        return "neeq";
    return "";
}

/* Code alone: only prefixes that one market uses. */
static const char *board_any(const char *d)
{
    const char *b;
    if (pfx(d, "001"))
        return ""; /* SZSE main board or SSE treasury */
    if (pfx(d, "000")) /* SZSE stock; SSE uses 000nnn for indices only */
        return "szse-main";
    if (legacy_bse_neeq(d))
        return ""; /* BSE legacy listing or NEEQ */
    if (pfx(d, "920"))
        return "bse";
    if (pfx(d, "40") || pfx(d, "42"))
        return "neeq";
    b = board_sse(d);
    if (*b != '\0' && strcmp(b, "bond") != 0)
        return b;
    b = board_szse(d);
    if (*b != '\0' && strcmp(b, "bond") != 0)
        return b;
    return "";
}

const char *ck_stock_board(const char *code, const char *exchange)
{
    char buf[CODE_MAX + 1], xbuf[CODE_MAX + 1];
    const char *d = NULL;
    size_t len, nd = 0, xlen;
    int bad = 0, known = 0;
    enum xch x, arg = X_NONE;

    len = trim_copy(code, buf);
    if (len == 0)
        return "";
    x = split_code(buf, len, &d, &nd, &bad);
    if (bad)
        return "";
    xlen = trim_copy(exchange, xbuf);
    if (xlen > 0)
        arg = xch_of(xbuf, xlen, &known); /* unknown venue words count as none */
    if (x == X_NONE)
        x = arg;

    if (x == X_OTHER)
        return "";
    if (x == X_HK)
        return nd >= 1 && nd <= 5 ? "hk" : "";
    if (nd == 5)
        return x == X_NONE ? "hk" : "";
    if (nd != 6)
        return "";
    switch (x) {
    case X_SSE:
        return board_sse(d);
    case X_SZSE:
        return board_szse(d);
    case X_BSE:
        return board_bse(d);
    case X_NEEQ:
        return board_neeq(d);
    default:
        return board_any(d);
    }
}

int ck_is_listed_stock(const char *code, const char *exchange)
{
    static const char *const listed[] = {"sse-main", "star", "szse-main", "chinext",
                                         "bse",      "b-share", "hk"};
    const char *b = ck_stock_board(code, exchange);
    for (size_t i = 0; i < sizeof(listed) / sizeof(listed[0]); i++)
        if (strcmp(b, listed[i]) == 0)
            return 1;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Futures and options                                                 */

/* Product codes, upper case. czce = 1 for CZCE products (3-digit YMM). */
struct product {
    const char *code;
    int czce;
};

static const struct product products[] = {
    /* CFFEX */
    {"IF", 0}, {"IH", 0}, {"IC", 0}, {"IM", 0}, {"TS", 0}, {"TF", 0}, {"T", 0}, {"TL", 0},
    /* SHFE */
    {"CU", 0}, {"AL", 0}, {"ZN", 0}, {"PB", 0}, {"NI", 0}, {"SN", 0}, {"AO", 0}, {"AD", 0},
    {"AU", 0}, {"AG", 0}, {"RB", 0}, {"WR", 0}, {"HC", 0}, {"SS", 0}, {"FU", 0}, {"BU", 0},
    {"RU", 0}, {"BR", 0}, {"SP", 0}, {"OP", 0},
    /* INE */
    {"SC", 0}, {"LU", 0}, {"BC", 0}, {"NR", 0}, {"EC", 0},
    /* DCE */
    {"A", 0}, {"B", 0}, {"M", 0}, {"Y", 0}, {"P", 0}, {"C", 0}, {"CS", 0}, {"JD", 0},
    {"RR", 0}, {"LH", 0}, {"L", 0}, {"V", 0}, {"PP", 0}, {"EG", 0}, {"EB", 0}, {"PG", 0},
    {"J", 0}, {"JM", 0}, {"I", 0}, {"FB", 0}, {"BB", 0}, {"LG", 0},
    /* CZCE, current */
    {"SR", 1}, {"CF", 1}, {"CY", 1}, {"AP", 1}, {"CJ", 1}, {"PK", 1}, {"OI", 1}, {"RM", 1},
    {"RS", 1}, {"WH", 1}, {"PM", 1}, {"RI", 1}, {"LR", 1}, {"JR", 1}, {"TA", 1}, {"MA", 1},
    {"FG", 1}, {"SA", 1}, {"UR", 1}, {"SF", 1}, {"SM", 1}, {"ZC", 1}, {"PF", 1}, {"PX", 1},
    {"SH", 1}, {"PR", 1},
    /* CZCE, retired codes still seen in historical filings */
    {"WS", 1}, {"ME", 1}, {"TC", 1}, {"RO", 1}, {"ER", 1}, {"WT", 1},
    /* GFEX */
    {"SI", 0}, {"LC", 0}, {"PS", 0}, {"PT", 0}, {"PD", 0},
};

/* Option-only underlyings (CFFEX index options). */
static const char *const option_products[] = {"IO", "MO", "HO"};

static const char *const fut_suffixes[] = {
    "CFX",  "SHF",  "DCE",  "ZCE",  "INE",  "GFE",  "CFE",  "CCFX", "XSGE",
    "XDCE", "XZCE", "XINE", "XSIE", "GFEX", "SHFE", "CZCE", "CFFEX",
};

static const struct product *find_product(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof(products) / sizeof(products[0]); i++)
        if (eq_ci_n(s, n, products[i].code))
            return &products[i];
    return NULL;
}

static int is_option_product(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof(option_products) / sizeof(option_products[0]); i++)
        if (eq_ci_n(s, n, option_products[i]))
            return 1;
    return 0;
}

/* Strips a known futures-exchange suffix such as ".SHF"; returns the body length,
 * or 0 if there is a dot with an unknown suffix. *had_suffix is set. */
static size_t strip_fut_suffix(const char *buf, size_t len, int *had_suffix)
{
    const char *dot = memchr(buf, '.', len);
    *had_suffix = 0;
    if (dot == NULL)
        return len;
    size_t a = (size_t)(dot - buf);
    for (size_t i = 0; i < sizeof(fut_suffixes) / sizeof(fut_suffixes[0]); i++) {
        if (eq_ci_n(dot + 1, len - a - 1, fut_suffixes[i])) {
            *had_suffix = 1;
            return a;
        }
    }
    return 0;
}

static int valid_month(const char *two)
{
    int m = (two[0] - '0') * 10 + (two[1] - '0');
    return m >= 1 && m <= 12;
}

/* Delivery part: YYMM, or YMM for a CZCE product. */
static int delivery_ok(const char *s, size_t n, int czce)
{
    if (!all_digits(s, n))
        return 0;
    if (n == 4)
        return valid_month(s + 2);
    if (n == 3 && czce)
        return valid_month(s + 1);
    return 0;
}

static int continuous_form(const char *s, size_t n)
{
    static const char *const forms[] = {"888", "889", "88", "99", "000", "8888", "9999",
                                        "L",   "L1",  "L2", "L3"};
    for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
        if (eq_ci_n(s, n, forms[i]))
            return 1;
    return 0;
}

int ck_is_future_code(const char *code)
{
    char buf[CODE_MAX + 1];
    size_t len, body, nl = 0;
    int suffix = 0;
    const struct product *p;

    len = trim_copy(code, buf);
    if (len == 0)
        return 0;
    body = strip_fut_suffix(buf, len, &suffix);
    if (body == 0)
        return 0;
    while (nl < body && is_alpha(buf[nl]))
        nl++;
    if (nl == 0)
        return 0;
    if (nl == body) { /* letters only: CU.SHF, IFL, RBL1 handled below */
        if (suffix && find_product(buf, nl) != NULL)
            return 1;
        if (nl >= 2 && up(buf[nl - 1]) == 'L' && find_product(buf, nl - 1) != NULL)
            return 1; /* IFL */
        return 0;
    }
    /* Product + L + digit (IFL1) */
    if (nl >= 2 && up(buf[nl - 1]) == 'L' && find_product(buf, nl - 1) != NULL &&
        continuous_form(buf + nl - 1, body - nl + 1))
        return 1;
    if (nl > 2)
        return 0;
    p = find_product(buf, nl);
    if (p == NULL)
        return 0;
    if (continuous_form(buf + nl, body - nl))
        return 1;
    return delivery_ok(buf + nl, body - nl, p->czce);
}

int ck_is_option_code(const char *code)
{
    char buf[CODE_MAX + 1];
    size_t len, body, nl = 0, i, nd, ns;
    int suffix = 0, czce = 0, dashes = 0;
    const struct product *p;

    len = trim_copy(code, buf);
    if (len == 0)
        return 0;
    body = strip_fut_suffix(buf, len, &suffix);
    if (body == 0)
        return 0;
    while (nl < body && is_alpha(buf[nl]))
        nl++;
    if (nl == 0 || nl > 2)
        return 0;
    p = find_product(buf, nl);
    if (p != NULL)
        czce = p->czce;
    else if (!is_option_product(buf, nl))
        return 0;
    /* delivery digits */
    i = nl;
    while (i < body && is_digit(buf[i]))
        i++;
    nd = i - nl;
    if (!delivery_ok(buf + nl, nd, czce))
        return 0;
    /* [-]C|P[-] */
    if (i < body && buf[i] == '-') {
        dashes++;
        i++;
    }
    if (i >= body || (up(buf[i]) != 'C' && up(buf[i]) != 'P'))
        return 0;
    i++;
    if (i < body && buf[i] == '-') {
        dashes++;
        i++;
    }
    if (dashes == 1)
        return 0;
    /* strike: digits, optionally one decimal part */
    ns = 0;
    while (i < body && is_digit(buf[i])) {
        i++;
        ns++;
    }
    if (ns == 0)
        return 0;
    if (i < body && buf[i] == '.') {
        size_t nf = 0;
        i++;
        while (i < body && is_digit(buf[i])) {
            i++;
            nf++;
        }
        if (nf == 0)
            return 0;
    }
    return i == body;
}

/* ------------------------------------------------------------------ */
/* USCC (GB 32100-2015)                                                */

static const char uscc_chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY"; /* 31 symbols */
static const int uscc_weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

static int uscc_value(char c)
{
    if (c == '\0')
        return -1;
    const char *p = strchr(uscc_chars, c);
    return p == NULL ? -1 : (int)(p - uscc_chars);
}

char ck_uscc_expected(const char *s)
{
    int sum = 0;
    if (s == NULL)
        return '\0';
    for (int i = 0; i < 17; i++) {
        int v = uscc_value(s[i]);
        if (v < 0)
            return '\0';
        sum += v * uscc_weights[i];
    }
    return uscc_chars[(31 - sum % 31) % 31];
}

int ck_uscc_valid(const char *s)
{
    char want;
    if (s == NULL || strlen(s) != 18)
        return 0;
    want = ck_uscc_expected(s);
    return want != '\0' && s[17] == want;
}
