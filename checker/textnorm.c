/* SPDX-License-Identifier: MIT */
/*
 * Text normalisation (see textnorm.h). Works on UTF-8 code points; the
 * lexicons below are short and ordered longest first where one word is a
 * prefix of another.
 */
#include "textnorm.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Decodes one code point at p (end bounds it); returns its byte length
 * (1 for an invalid byte, whose value is then the byte). */
static size_t cp_at(const char *p, const char *end, unsigned *cp)
{
    const unsigned char *u = (const unsigned char *)p;
    size_t avail = (size_t)(end - p);
    if (u[0] < 0x80 || avail < 2) {
        *cp = u[0];
        return 1;
    }
    if ((u[0] & 0xE0) == 0xC0) {
        *cp = ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu);
        return 2;
    }
    if ((u[0] & 0xF0) == 0xE0 && avail >= 3) {
        *cp = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
        return 3;
    }
    if ((u[0] & 0xF8) == 0xF0 && avail >= 4) {
        *cp = ((u[0] & 0x07u) << 18) | ((u[1] & 0x3Fu) << 12) | ((u[2] & 0x3Fu) << 6) |
              (u[3] & 0x3Fu);
        return 4;
    }
    *cp = u[0];
    return 1;
}

static int starts(const char *p, const char *end, const char *word)
{
    size_t n = strlen(word);
    return (size_t)(end - p) >= n && memcmp(p, word, n) == 0;
}

/* Value of a Chinese digit (0..9), -1 if cp is none. */
static int cn_digit(unsigned cp)
{
    switch (cp) {
    case 0x96F6: case 0x3007: return 0;            /* 零 〇 */
    case 0x4E00: case 0x58F9: return 1;            /* 一 壹 */
    case 0x4E8C: case 0x8D30: case 0x4E24: return 2; /* 二 贰 两 */
    case 0x4E09: case 0x53C1: return 3;            /* 三 叁 */
    case 0x56DB: case 0x8086: return 4;            /* 四 肆 */
    case 0x4E94: case 0x4F0D: return 5;            /* 五 伍 */
    case 0x516D: case 0x9646: return 6;            /* 六 陆 */
    case 0x4E03: case 0x67D2: return 7;            /* 七 柒 */
    case 0x516B: case 0x634C: return 8;            /* 八 捌 */
    case 0x4E5D: case 0x7396: return 9;            /* 九 玖 */
    default: return -1;
    }
}

/* Multiplier of a Chinese unit character, 0 if cp is none. */
static double cn_unit(unsigned cp)
{
    switch (cp) {
    case 0x5341: case 0x62FE: return 10;    /* 十 拾 */
    case 0x767E: case 0x4F70: return 100;   /* 百 佰 */
    case 0x5343: case 0x4EDF: return 1000;  /* 千 仟 */
    case 0x4E07: case 0x842C: return 1e4;   /* 万 萬 */
    case 0x4EBF: case 0x5104: return 1e8;   /* 亿 億 */
    default: return 0;
    }
}

static int is_financial(unsigned cp)
{
    return cp == 0x58F9 || cp == 0x8D30 || cp == 0x53C1 || cp == 0x8086 || cp == 0x4F0D ||
           cp == 0x9646 || cp == 0x67D2 || cp == 0x634C || cp == 0x7396 || cp == 0x62FE ||
           cp == 0x4F70 || cp == 0x4EDF;
}

/* A parsed Chinese numeral run. */
struct cn_num {
    size_t bytes;      /* length of the run in the input */
    double value;      /* integer part */
    char frac[16];     /* decimal digits after 点, "" if none */
    int has_unit;      /* 十百千万亿 present */
    int financial;     /* 大写 digits or units present */
    int n_digits;
    int starts_digit;  /* begins with a digit (or 十/拾, as in 十二) */
};

/* Parses the longest Chinese numeral run at p. Returns 0 if none. */
static int cn_parse(const char *p, const char *end, struct cn_num *n)
{
    memset(n, 0, sizeof *n);
    double result = 0, section = 0, number = 0;
    int have_number = 0, digit_string = 1, in_frac = 0;
    double digits_value = 0;
    const char *q = p;
    size_t nf = 0;
    while (q < end) {
        unsigned cp;
        size_t l = cp_at(q, end, &cp);
        int d = cn_digit(cp);
        double u = cn_unit(cp);
        if (in_frac) {
            if (d < 0)
                break;
            if (nf + 1 < sizeof n->frac)
                n->frac[nf++] = (char)('0' + d);
            q += l;
            continue;
        }
        if (d >= 0) {
            if (q == p)
                n->starts_digit = 1;
            /* 两 only counts before a unit: 两年 yes, 两者 no (checked by caller) */
            number = d;
            have_number = 1;
            digits_value = digits_value * 10 + d;
            n->n_digits++;
        } else if (u > 0) {
            if (q == p && u != 10)
                break; /* 万一, 千万: not a number */
            if (q == p)
                n->starts_digit = 1;
            n->has_unit = 1;
            digit_string = 0;
            if (u < 1e4) {
                section += (have_number ? number : 1) * u;
            } else if (u == 1e4) {
                section += number;
                result += section * 1e4;
                section = 0;
            } else {
                section += number;
                result = (result + section) * 1e8;
                section = 0;
            }
            number = 0;
            have_number = 0;
        } else if (cp == 0x70B9 && n->n_digits > 0 && q + l < end) { /* 点 */
            unsigned next;
            cp_at(q + l, end, &next);
            if (cn_digit(next) < 0)
                break;
            in_frac = 1;
        } else {
            break;
        }
        if (is_financial(cp))
            n->financial = 1;
        q += l;
    }
    n->bytes = (size_t)(q - p);
    if (n->bytes == 0 || (n->n_digits == 0 && !n->has_unit))
        return 0;
    if (digit_string && !n->has_unit)
        n->value = digits_value;
    else
        n->value = result + section + number;
    return 1;
}

/* Units after which a Chinese numeral is a quantity. */
static const char *const quantity_units[] = {
    "年", "个月", "个", "月", "日", "天", "周", "季", "倍", "元", "%", "％", "吨", "千瓦", "兆瓦",
    "万千瓦", "米", "平方", "立方", "亩", "家", "名", "期", "次", "股", "份", "票", "层", "辆",
};

static int before_quantity_unit(const char *p, const char *end)
{
    for (size_t i = 0; i < sizeof quantity_units / sizeof quantity_units[0]; i++)
        if (starts(p, end, quantity_units[i]))
            return 1;
    return 0;
}

static void put_number(struct ck_buf *out, double v, const char *frac)
{
    ck_buf_printf(out, "%.0f", v);
    if (frac && frac[0])
        ck_buf_printf(out, ".%s", frac);
}

/* Parses a number at p, Arabic (digits, optional .digits) or Chinese;
 * stores its value and returns its byte length (0 if none). */
static size_t number_at(const char *p, const char *end, double *v)
{
    if (p < end && *p >= '0' && *p <= '9') {
        char tmp[64];
        size_t n = 0;
        const char *q = p;
        while (q < end && n + 1 < sizeof tmp &&
               ((*q >= '0' && *q <= '9') || (*q == '.' && q + 1 < end && q[1] >= '0' && q[1] <= '9') ||
                (*q == ',' && q + 3 < end && q[1] >= '0' && q[1] <= '9' && q > p))) {
            if (*q != ',')
                tmp[n++] = *q;
            q++;
        }
        tmp[n] = '\0';
        *v = strtod(tmp, NULL);
        return (size_t)(q - p);
    }
    struct cn_num n;
    if (!cn_parse(p, end, &n))
        return 0;
    *v = n.value;
    if (n.frac[0]) {
        double scale = 0.1;
        for (const char *f = n.frac; *f; f++, scale /= 10)
            *v += (*f - '0') * scale;
    }
    return n.bytes;
}

/* Number of consecutive full-width digits (０-９) at p. */
static int fullwidth_digits(const char *p, const char *end)
{
    int n = 0;
    while (end - p >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBC &&
           (unsigned char)p[2] >= 0x90 && (unsigned char)p[2] <= 0x99) {
        n++;
        p += 3;
    }
    return n;
}

/* Appends the pending unchanged input [*run, p) to out. */
static void flush(struct ck_buf *out, const char **run, const char *p)
{
    if (p > *run)
        ck_buf_add(out, *run, (size_t)(p - *run));
    *run = p;
}

void ck_textnorm(const char *in, size_t len, struct ck_buf *out)
{
    const char *p = in, *end = in + len;
    const char *run = in; /* unchanged input not yet copied: copied in runs */
    static const struct {
        const char *word;
        double div;
    } per[] = {{"百分之", 1}, {"千分之", 10}, {"万分之", 100}};
    while (p < end) {
        unsigned char c0 = (unsigned char)*p;
        if (c0 < 0x80 && c0 != ',') {
            p++;
            continue;
        }
        /* 百分之六点五 → 6.5% */
        int done = 0;
        for (size_t i = 0; i < 3 && !done && c0 >= 0xE0; i++) {
            if (!starts(p, end, per[i].word))
                continue;
            const char *q = p + 9;
            double v;
            size_t l = number_at(q, end, &v);
            if (l == 0)
                continue;
            v /= per[i].div;
            char tmp[48];
            snprintf(tmp, sizeof tmp, "%.6f", v);
            /* trim trailing zeros of the fixed form */
            size_t n = strlen(tmp);
            while (n > 0 && tmp[n - 1] == '0')
                tmp[--n] = '\0';
            if (n > 0 && tmp[n - 1] == '.')
                tmp[--n] = '\0';
            flush(out, &run, p);
            ck_buf_adds(out, tmp);
            ck_buf_addc(out, '%');
            p = run = q + l;
            done = 1;
        }
        if (done)
            continue;
        unsigned cp;
        size_t l = cp_at(p, end, &cp);
        /* full-width digits, letters, ％ and ． */
        if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
            (cp >= 0xFF41 && cp <= 0xFF5A) || cp == 0xFF05 || cp == 0xFF0E) {
            flush(out, &run, p);
            ck_buf_addc(out, (char)(cp - 0xFEE0));
            p = run = p + l;
            continue;
        }
        /* full-width grouping comma between full-width digits: １，２５０，０００
         * (the comma would otherwise end a clause inside the number) */
        if (cp == 0xFF0C && p >= in + 3 && (unsigned char)p[-3] == 0xEF &&
            (unsigned char)p[-2] == 0xBC && (unsigned char)p[-1] >= 0x90 &&
            (unsigned char)p[-1] <= 0x99 && fullwidth_digits(p + l, end) == 3) {
            flush(out, &run, p);
            p = run = p + l;
            continue;
        }
        /* grouping comma between digits: 50,000,000 */
        if (*p == ',') {
            flush(out, &run, p);
            if (out->len > 0 && out->p[out->len - 1] >= '0' && out->p[out->len - 1] <= '9' &&
                end - p >= 4 && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[2] <= '9' &&
                p[3] >= '0' && p[3] <= '9' && (end - p == 4 || p[4] < '0' || p[4] > '9')) {
                p = run = p + 1;
                continue;
            }
            p++;
            continue;
        }
        if (cn_digit(cp) >= 0 || cn_unit(cp) == 10 || is_financial(cp)) {
            struct cn_num n;
            if (cn_parse(p, end, &n) && n.starts_digit) {
                const char *after = p + n.bytes;
                flush(out, &run, p);
                int prev_di = out->len >= 3 && memcmp(out->p + out->len - 3, "第", 3) == 0;
                int single_liang = n.n_digits == 1 && !n.has_unit && cp == 0x4E24;
                int quantity = before_quantity_unit(after, end) || starts(after, end, "万") ||
                               starts(after, end, "亿");
                if (!single_liang || quantity) {
                    if (quantity || prev_di || n.financial || (n.has_unit && n.n_digits > 0) ||
                        n.frac[0]) {
                        put_number(out, n.value, n.frac);
                        p = run = after;
                        continue;
                    }
                }
            }
        }
        p += l;
    }
    flush(out, &run, p);
}

/* A number followed by '%': the rate as a fraction. */
static int as_rate(const char *q, const char *end, double v, double *r)
{
    if (q < end && *q == '%') {
        *r = v / 100.0;
        return 1;
    }
    return 0;
}

/* A number followed by [万|亿]元: the amount in yuan. */
static int as_amount(const char *q, const char *end, double v, double *r)
{
    double mult = 1;
    if (starts(q, end, "万")) {
        mult = 1e4;
        q += 3;
    } else if (starts(q, end, "亿")) {
        mult = 1e8;
        q += 3;
    }
    if (starts(q, end, "元")) {
        *r = v * mult;
        return 1;
    }
    return 0;
}

/* The first number of the normalised text whose unit `unit` accepts; NAN
 * when none. */
static double first_number(const char *text, int (*unit)(const char *, const char *, double, double *))
{
    struct ck_buf b;
    ck_buf_init(&b);
    ck_textnorm(text, strlen(text), &b);
    const char *s = ck_buf_str(&b), *end = s + b.len;
    double r = NAN;
    for (const char *p = s; p < end; p++) {
        if (*p < '0' || *p > '9' || (p > s && ((p[-1] >= '0' && p[-1] <= '9') || p[-1] == '.')))
            continue;
        double v;
        const char *q = p + number_at(p, end, &v);
        while (q < end && *q == ' ')
            q++;
        if (unit(q, end, v, &r))
            break;
    }
    ck_buf_fini(&b);
    return r;
}

double ck_textnorm_rate(const char *text)
{
    return first_number(text, as_rate);
}

double ck_textnorm_amount(const char *text)
{
    return first_number(text, as_amount);
}

/* ---- denial scope ---- */

/* Words that deny the existence or occurrence of what follows them. Each
 * excludes continuations that are not denials (无论, 无条件, 未能 …). */
static const char *const denials[] = {
    "未发生", "不存在", "未发现", "未见", "没有", "不涉及", "未涉及", "不含", "不包括", "未设置",
    "不设置", "未设", "不设", "未约定", "不约定", "未曾", "从未", "均未", "亦未", "并无", "并未",
    "不得", "严禁", "禁止", "杜绝", "不从事", "未从事", "不开展", "未开展", "不进行", "未进行",
    "不属于", "并非", "不构成", "未作出", "不作出", "未提供", "不提供", "未出具", "不出具",
    "未签署", "不签署", "不以", "未以", "不会", "不再", "不为", "不向", "不对", "未向", "未为",
    "不承担", "未承担", "未对", "未给", "不作为", "不担任", "未担任", "未直接", "未间接", "不直接",
    "不间接", "不享有", "未享有", "无",
};

static const char *const not_denial_after_wu[] = {"论", "条件", "偿", "限", "法", "需", "须", "息", "锡", "人机", "线", "形", "纺", "上限"};

/* 不设/未设 a cap or limit says the thing is unlimited, not absent
 * (不设最高额限制的连带责任保证 is a guarantee without a ceiling). */
static const char *const not_denial_after_she[] = {"上限", "最高额", "最高限额", "限额", "限制", "金额上限", "封顶"};

/* 1 if cp can begin a denial word (未 不 没 并 严 禁 杜 从 均 亦 无) */
static int denial_lead(unsigned cp)
{
    switch (cp) {
    case 0x672A: case 0x4E0D: case 0x6CA1: case 0x5E76: case 0x4E25: case 0x7981:
    case 0x675C: case 0x4ECE: case 0x5747: case 0x4EA6: case 0x65E0:
        return 1;
    default:
        return 0;
    }
}

static size_t denial_at(const char *p, const char *end)
{
    unsigned lead;
    if (end - p < 3 || ((unsigned char)*p & 0xF0) != 0xE0)
        return 0;
    cp_at(p, end, &lead);
    if (!denial_lead(lead))
        return 0;
    for (size_t i = 0; i < sizeof denials / sizeof denials[0]; i++) {
        if (!starts(p, end, denials[i]))
            continue;
        size_t n = strlen(denials[i]);
        if (strcmp(denials[i], "无") == 0) {
            for (size_t k = 0; k < sizeof not_denial_after_wu / sizeof not_denial_after_wu[0]; k++)
                if (starts(p + n, end, not_denial_after_wu[k]))
                    return 0;
        }
        if (strstr(denials[i], "设") != NULL) {
            const char *q = p + n;
            if (starts(q, end, "任何"))
                q += strlen("任何");
            for (size_t k = 0; k < sizeof not_denial_after_she / sizeof not_denial_after_she[0]; k++)
                if (starts(q, end, not_denial_after_she[k]))
                    return 0;
        }
        return n;
    }
    return 0;
}

/* Adversatives that end a denial's scope. */
static const char *const breakers[] = {"但是", "但", "然而", "不过", "此外", "另外", "另行约定", "同时约定", "而是", "除此之外", "惟", "唯"};

/* Words that open a clause with its own subject (after a comma). */
static const char *const new_subject[] = {
    "由", "且", "并由", "并约定", "社会资本", "社会出资人", "城投", "财政", "政府", "管委会", "乙方",
    "甲方", "丙方", "目标公司", "项目公司", "被投企业", "公司", "平台", "国有", "区属", "市属", "县属",
    "该公司", "投资方", "本基金", "基金", "合伙企业", "创始人", "实际控制人", "控股股东", "优先级", "劣后级",
    "引导基金", "母基金", "每年", "每季度", "每半年", "到期", "期满", "届满",
};

static int any_at(const char *p, const char *end, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (starts(p, end, words[i]))
            return 1;
    return 0;
}

#define ANY_AT(p, end, arr) any_at((p), (end), (arr), sizeof(arr) / sizeof((arr)[0]))

static int is_stop(const char *p, const char *end, int *hard)
{
    /* 。！？ and newline end the sentence and any list; ； and ASCII ; end
     * the sentence but a colon list runs on over them */
    *hard = 0;
    if (*p == '\n' || *p == '!' || *p == '?' || starts(p, end, "。") || starts(p, end, "！") ||
        starts(p, end, "？")) {
        *hard = 1;
        return 1;
    }
    return *p == ';' || starts(p, end, "；");
}

/* Words after a proposal that withdraw it in the same clause ("交易对方提出的
 * 保底收益条款，经讨论予以否决"): the denial comes after what it denies. */
static const char *const retractions[] = {
    "予以否决", "被否决", "已否决", "未予采纳", "不予采纳", "未被采纳", "未予接受", "不予接受",
    "未被接受", "未获通过", "未获同意", "未获批准", "予以删除", "已删除", "已被删除", "予以撤回",
    "已撤回", "予以驳回", "被驳回",
};

/* What a retraction does when an agent stands between 被/经 and the verb
 * ("已被投委会否决", "经董事会审议删除"). */
static const char *const retraction_verbs[] = {"否决", "驳回", "删除", "撤销"};

/* How far after a match a retraction is looked for: about 40 characters. */
#define RETRACTION_BYTES 120

/* 1 if p starts 被 or 经 followed, within 10 characters of the same clause,
 * by a retraction verb (否决 but not 否决权). */
static int agent_retraction_at(const char *p, const char *end)
{
    if (!starts(p, end, "被") && !starts(p, end, "经"))
        return 0;
    const char *q = p + 3;
    unsigned cp;
    for (int k = 0; k < 10 && q < end; k++) {
        int hard;
        if (is_stop(q, end, &hard) || starts(q, end, "，") || *q == ',')
            return 0;
        if (ANY_AT(q, end, retraction_verbs))
            return !starts(q + 6, end, "权");
        q += cp_at(q, end, &cp);
    }
    return 0;
}

/* 1 if a retraction follows pos in its sentence, before an adversative. */
static int retracted_after(const char *text, size_t len, size_t pos)
{
    const char *end = text + len;
    const char *p = text + (pos < len ? pos : len);
    const char *stop = (size_t)(end - p) > RETRACTION_BYTES ? p + RETRACTION_BYTES : end;
    unsigned cp;
    if (p < end)
        p += cp_at(p, end, &cp); /* past the match's last character */
    while (p < stop) {
        int hard;
        if (is_stop(p, end, &hard) || ANY_AT(p, end, breakers))
            return 0;
        if (ANY_AT(p, end, retractions) || agent_retraction_at(p, end))
            return 1;
        p += cp_at(p, end, &cp);
    }
    return 0;
}

int ck_textnorm_negated(const char *text, size_t len, size_t pos)
{
    return ck_textnorm_negated_span(text, len, pos, pos);
}

int ck_textnorm_negated_span(const char *text, size_t len, size_t start, size_t pos)
{
    const char *end = text + len;
    const char *target = text + (pos <= len ? pos : len);
    const char *limit = text + (start <= len ? start : len);
    /* walk to pos from the last sentence end (。 or a newline) before it, and
     * from at most CK_TEXTNORM_SCOPE_BYTES back: no denial reaches further,
     * and hostile one-sentence texts stay linear */
    const char *from = target - (size_t)(target - text > CK_TEXTNORM_SCOPE_BYTES ? CK_TEXTNORM_SCOPE_BYTES : target - text);
    for (const char *q = target; q > from; q--) {
        if (q[-1] == '\n' || (q - from >= 3 && memcmp(q - 3, "。", 3) == 0)) {
            from = q;
            break;
        }
    }
    while (from > text && from < target && ((unsigned char)*from & 0xC0) == 0x80)
        from++; /* a code point boundary */
    int active = 0, colon_list = 0;
    for (const char *p = from; p < target;) {
        int hard;
        if (is_stop(p, end, &hard)) {
            if (hard || !colon_list)
                active = colon_list = 0;
            p += (*p == ';' || *p == '\n' || *p == '!' || *p == '?') ? 1 : 3;
            continue;
        }
        /* a denial that opens the match itself belongs to the pattern */
        size_t n = p != limit ? denial_at(p, end) : 0;
        if (n) {
            active = 1;
            p += n;
            continue;
        }
        if (active) {
            if (ANY_AT(p, end, breakers)) {
                active = colon_list = 0;
            } else if (starts(p, end, "：") || *p == ':') {
                colon_list = 1;
            } else if (starts(p, end, "，") || *p == ',') {
                const char *q = p + (*p == ',' ? 1 : 3);
                if (ANY_AT(q, end, new_subject) && denial_at(q, end) == 0) {
                    /* a new clause with its own subject: ends the scope unless
                     * it is itself denied a little later ("本基金亦未…") */
                    const char *r = q;
                    int denied_soon = 0;
                    for (int k = 0; k < 12 && r < end; k++) {
                        if (denial_at(r, end)) {
                            denied_soon = 1;
                            break;
                        }
                        unsigned cp;
                        r += cp_at(r, end, &cp);
                    }
                    if (!denied_soon && !colon_list)
                        active = 0;
                }
            }
        }
        unsigned cp;
        p += cp_at(p, end, &cp);
    }
    return active || retracted_after(text, len, pos);
}

/* ---- who owes whom ---- */

static const struct {
    const char *word;
    const char *kind;
} parties[] = {
    /* longest and most specific first */
    {"政府出资代表", "government"}, {"政府出资人", "government"}, {"政府出资方", "government"},
    {"引导基金", "government"}, {"母基金", "government"}, {"财政局", "government"},
    {"财政厅", "government"}, {"财政部门", "government"}, {"财政", "government"},
    {"管理委员会", "government"}, {"管委会", "government"}, {"人民政府", "government"},
    {"政府方", "government"}, {"政府", "government"}, {"国资委", "government"},
    {"街道办", "government"},
    {"城市建设投资", "platform"}, {"城市发展", "platform"}, {"城市投资", "platform"},
    {"建设投资", "platform"}, {"交通投资", "platform"}, {"水务投资", "platform"},
    {"新区开发", "platform"}, {"园区开发", "platform"}, {"融资平台", "platform"},
    {"平台公司", "platform"}, {"城投", "platform"}, {"城建", "platform"}, {"城发", "platform"},
    {"建投", "platform"}, {"交投", "platform"},
    {"国有资产经营", "soe"}, {"国有资本", "soe"}, {"国有独资", "soe"}, {"国有控股", "soe"},
    {"国有企业", "soe"}, {"国资公司", "soe"}, {"国企", "soe"}, {"市属", "soe"}, {"区属", "soe"},
    {"县属", "soe"}, {"省属", "soe"}, {"国有", "soe"},
    {"子基金", "investee"}, {"被投基金", "investee"}, {"有限合伙人", "social-capital"},
    {"基金管理人", "manager"}, {"基金管理", "manager"}, /* 某某私募基金管理有限公司 */
    {"管理人", "manager"}, {"普通合伙人", "manager"},
    {"执行事务合伙人", "manager"},
    {"社会资本", "social-capital"}, {"社会出资人", "social-capital"},
    {"其他出资人", "social-capital"}, {"其他合伙人", "social-capital"},
    {"其他投资人", "social-capital"}, {"优先级", "social-capital"},
    {"创始股东", "founder"}, {"创始人", "founder"}, {"实际控制人", "founder"},
    {"控股股东", "founder"}, {"原股东", "founder"}, {"管理层股东", "founder"}, {"大股东", "founder"},
    {"本基金", "fund"}, {"该基金", "fund"}, {"本合伙企业", "fund"}, {"投资方", "fund"},
    {"基金", "fund"},
    {"目标公司", "investee"}, {"项目公司", "investee"}, {"被投资企业", "investee"},
    {"被投企业", "investee"}, {"标的公司", "investee"}, {"被投资方", "investee"},
    {"融资方", "investee"},
};

static const char *party_at(const char *p, const char *end, size_t *n)
{
    for (size_t i = 0; i < sizeof parties / sizeof parties[0]; i++) {
        if (starts(p, end, parties[i].word)) {
            *n = strlen(parties[i].word);
            return parties[i].kind;
        }
    }
    return NULL;
}

/* Start of the k code points before p (not before text). */
static const char *back_cps(const char *text, const char *p, int k)
{
    while (k-- > 0 && p > text) {
        p--;
        while (p > text && ((unsigned char)*p & 0xC0) == 0x80)
            p--;
    }
    return p;
}

static int window_has(const char *from, const char *to, const char *word)
{
    size_t n = strlen(word);
    for (const char *q = from; q + n <= to; q++)
        if (memcmp(q, word, n) == 0)
            return 1;
    return 0;
}

/* 1 if the party at p is an object or beneficiary (向X, 对X, 为X, 给X …,
 * with a short modifier such as 某市 between) rather than the one who owes. */
static int is_object(const char *text, const char *p)
{
    static const char *const marks[] = {"向", "对", "为", "给", "予", "替", "代", "受让"};
    const char *w = back_cps(text, p, 4);
    /* only the part of the window after a comma belongs to this clause */
    for (const char *q = w; q + 3 <= p; q++)
        if (memcmp(q, "，", 3) == 0 || memcmp(q, "、", 3) == 0)
            w = q + 3;
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (window_has(w, p, marks[i]))
            return 1;
    return 0;
}

/* 1 if 由 stands within the 16 code points before p, in the same clause. */
static int after_you(const char *text, const char *p)
{
    const char *w = back_cps(text, p, 16);
    const char *last = NULL;
    for (const char *q = w; q + 3 <= p; q++)
        if (memcmp(q, "由", 3) == 0)
            last = q;
    return last && !window_has(last, p, "，") && !window_has(last, p, "。");
}

const char *ck_textnorm_obligor(const char *text, size_t len, size_t pos, size_t end_pos)
{
    const char *end = text + len;
    const char *at = text + (pos <= len ? pos : len);
    const char *best = NULL, *by = NULL, *inside = NULL;
    const char *stop = text + (end_pos <= len ? end_pos : len);
    for (const char *p = text; p < end;) {
        size_t n = 0;
        const char *kind = party_at(p, end, &n);
        if (kind) {
            /* "本基金财产份额", "本基金的股权", "社会出资人实缴出资": a
             * possessive (whose money or share), not an actor */
            const char *q = p + n;
            if (starts(q, end, "的"))
                q += 3;
            if (starts(q, end, "财产份额") || starts(q, end, "份额") || starts(q, end, "股权") ||
                starts(q, end, "股份") || starts(q, end, "资产") || starts(q, end, "财产") ||
                starts(q, end, "实缴") || starts(q, end, "已缴") || starts(q, end, "出资额") ||
                starts(q, end, "本金") || starts(q, end, "投资本金") || starts(q, end, "投资款")) {
                p += n;
                continue;
            }
            int obj = is_object(text, p);
            int you = after_you(text, p);
            if (you && p < text + end_pos && !by)
                by = kind;
            else if (p < at && !obj)
                best = kind;
            else if (p >= at && p < stop && !obj)
                inside = kind;
            p += n;
            continue;
        }
        unsigned cp;
        p += cp_at(p, end, &cp);
    }
    /* a party named inside the match is the subject of its verb ("满24个月，
     * 某城投负责返还……": the last one before the verb); one named only after
     * the obligation ("……，本基金未参与") is not taken as its debtor */
    if (by)
        return by;
    if (inside)
        return inside;
    return best ? best : "";
}

/* ---- size conditions (catalogue entries) ---- */

static const char *const size_units[] = {
    /* longest first where one is a prefix of another */
    "立方米", "平方米", "千瓦时", "万千瓦", "千瓦", "兆瓦", "千伏安", "千伏", "毫米", "厘米", "英寸",
    "公斤", "千克", "公顷", "标箱", "吨", "米", "台", "套", "辆", "头", "只", "升", "亩", "座", "条",
    "锭", "片", "张", "瓦", "伏",
};

static size_t unit_at(const char *p, const char *end)
{
    for (size_t i = 0; i < sizeof size_units / sizeof size_units[0]; i++)
        if (starts(p, end, size_units[i]))
            return strlen(size_units[i]);
    return 0;
}

enum cmp { CMP_NONE, CMP_LE, CMP_LT, CMP_GE, CMP_GT };

static const struct {
    const char *word;
    enum cmp cmp;
} comparators[] = {
    {"及以下", CMP_LE}, {"及其以下", CMP_LE}, {"以下", CMP_LE}, {"以内", CMP_LE}, {"不超过", CMP_LE},
    {"不大于", CMP_LE}, {"小于", CMP_LT}, {"低于", CMP_LT}, {"不足", CMP_LT}, {"及以上", CMP_GE},
    {"以上", CMP_GE}, {"不低于", CMP_GE}, {"不小于", CMP_GE}, {"大于", CMP_GT}, {"高于", CMP_GT},
    {"超过", CMP_GT},
};

static enum cmp cmp_at(const char *p, const char *end, size_t *n)
{
    for (size_t i = 0; i < sizeof comparators / sizeof comparators[0]; i++)
        if (starts(p, end, comparators[i].word)) {
            *n = strlen(comparators[i].word);
            return comparators[i].cmp;
        }
    *n = 0;
    return CMP_NONE;
}

/* A quantity at p: digits, optional 万/亿, a unit, optional "/年" etc.
 * Fills value (in the unit, 万 applied), unit (static string) and returns
 * the byte length, 0 if none. */
static size_t quantity_at(const char *p, const char *end, double *value, const char **unit)
{
    if (p >= end || *p < '0' || *p > '9')
        return 0;
    double v;
    size_t l = number_at(p, end, &v);
    const char *q = p + l;
    if (starts(q, end, "万") && !starts(q, end, "万千瓦")) {
        v *= 1e4;
        q += 3;
    } else if (starts(q, end, "亿")) {
        v *= 1e8;
        q += 3;
    }
    size_t u = unit_at(q, end);
    if (u == 0)
        return 0;
    if (starts(q, end, "万千瓦")) {
        v *= 1e4;
        *unit = "千瓦";
    } else {
        for (size_t i = 0; i < sizeof size_units / sizeof size_units[0]; i++)
            if (starts(q, end, size_units[i]) && strlen(size_units[i]) == u) {
                *unit = size_units[i];
                break;
            }
    }
    q += u;
    /* a rate: 吨/年, 吨/日 */
    if (q < end && *q == '/') {
        const char *r = q + 1;
        unsigned cp;
        if (r < end) {
            r += cp_at(r, end, &cp);
            q = r;
        }
    }
    *value = v;
    return (size_t)(q - p);
}

const char *ck_textnorm_size_fit(const char *entry, const char *text, struct ck_buf *why)
{
    /* most entries state no bound: no comparator word, no work */
    int any = 0;
    for (size_t i = 0; i < sizeof comparators / sizeof comparators[0] && !any; i++)
        any = strstr(entry, comparators[i].word) != NULL;
    if (!any)
        return "none";
    struct ck_buf e, t;
    ck_buf_init(&e);
    ck_buf_init(&t);
    ck_textnorm(entry, strlen(entry), &e);
    ck_textnorm(text, strlen(text), &t);
    const char *es = ck_buf_str(&e), *eend = es + e.len;
    const char *result = "none";
    double bound = 0;
    const char *unit = NULL;
    enum cmp cmp = CMP_NONE;
    for (const char *p = es; p < eend && cmp == CMP_NONE;) {
        size_t n;
        enum cmp before = cmp_at(p, eend, &n);
        const char *q = p + n;
        double v;
        const char *u = NULL;
        size_t l = (p == es || p[-1] < '0' || p[-1] > '9') ? quantity_at(q, eend, &v, &u) : 0;
        if (l) {
            size_t m;
            enum cmp after = cmp_at(q + l, eend, &m);
            if (after != CMP_NONE || before != CMP_NONE) {
                cmp = after != CMP_NONE ? after : before;
                bound = v;
                unit = u;
                break;
            }
            p = q + l;
            continue;
        }
        unsigned cp;
        p += cp_at(p, eend, &cp);
    }
    if (cmp != CMP_NONE && unit) {
        result = "unknown";
        const char *ts = ck_buf_str(&t), *tend = ts + t.len;
        for (const char *p = ts; p < tend; p++) {
            if (*p < '0' || *p > '9' || (p > ts && p[-1] >= '0' && p[-1] <= '9'))
                continue;
            double v;
            const char *u = NULL;
            if (quantity_at(p, tend, &v, &u) && u && strcmp(u, unit) == 0) {
                int in = cmp == CMP_LE ? v <= bound : cmp == CMP_LT ? v < bound
                       : cmp == CMP_GE ? v >= bound : v > bound;
                result = in ? "inside" : "outside";
                if (why)
                    ck_buf_printf(why, "%.10g %s / %.10g %s", v, unit, bound, unit);
                break;
            }
        }
        if (why && strcmp(result, "unknown") == 0)
            ck_buf_printf(why, "%.10g %s", bound, unit);
    }
    ck_buf_fini(&e);
    ck_buf_fini(&t);
    return result;
}
