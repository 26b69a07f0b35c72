/* SPDX-License-Identifier: MIT */
/*
 * fcgen utilities: random numbers, the output buffer with number formatting,
 * calendar arithmetic and the USCC / organisation-code check digits.
 */
#include "gen.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* ---- random numbers ---- */

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void gen_rng_init(struct gen_rng *r, uint64_t seed, uint64_t index, uint64_t tag)
{
    uint64_t x = seed * 0xD1B54A32D192ED03ull;
    x ^= splitmix64(&x) + index * 0x9E3779B97F4A7C15ull;
    x ^= splitmix64(&x) + tag * 0xA0761D6478BD642Full;
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

uint64_t gen_rng_next(struct gen_rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

uint32_t gen_rng_below(struct gen_rng *r, uint32_t n)
{
    /* Lemire's multiply-shift; the tiny bias is irrelevant for test data. */
    return (uint32_t)(((gen_rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

uint32_t gen_rng_range(struct gen_rng *r, uint32_t lo, uint32_t hi)
{
    return lo + gen_rng_below(r, hi - lo + 1);
}

double gen_rng_unit(struct gen_rng *r)
{
    return (double)(gen_rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

int gen_rng_chance(struct gen_rng *r, double p) { return gen_rng_unit(r) < p; }

/* ---- output ---- */

void gen_out_init(struct gen_out *o, int fd, size_t flush_at)
{
    memset(o, 0, sizeof *o);
    o->fd = fd;
    o->flush_at = fd < 0 ? SIZE_MAX : flush_at;
    o->cap = fd < 0 || flush_at > (1u << 20) ? (1u << 20) : flush_at + 4096;
    o->p = malloc(o->cap);
    if (!o->p) {
        fputs("fcgen: out of memory\n", stderr);
        exit(4);
    }
}

void gen_out_free(struct gen_out *o)
{
    free(o->p);
    o->p = NULL;
    o->n = o->cap = 0;
}

void gen_out_flush(struct gen_out *o)
{
    if (o->fd < 0 || o->n == 0)
        return;
    size_t off = 0;
    while (off < o->n && !o->failed) {
        ssize_t w = write(o->fd, o->p + off, o->n - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            o->failed = 1;
            o->err = errno;
            break;
        }
        off += (size_t)w;
    }
    o->written += o->n;
    o->n = 0;
}

void gen_out_reserve(struct gen_out *o, size_t extra)
{
    if (o->n >= o->flush_at)
        gen_out_flush(o);
    if (o->cap - o->n >= extra)
        return;
    size_t cap = o->cap;
    while (cap - o->n < extra)
        cap *= 2;
    char *p = realloc(o->p, cap);
    if (!p) {
        fputs("fcgen: out of memory\n", stderr);
        exit(4);
    }
    o->p = p;
    o->cap = cap;
}

void gen_put_esc(struct gen_out *o, const char *s)
{
    const char *run = s;
    for (; *s; s++) {
        const char *rep;
        switch (*s) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        default: continue;
        }
        gen_putn(o, run, (size_t)(s - run));
        gen_puts(o, rep);
        run = s + 1;
    }
    gen_putn(o, run, (size_t)(s - run));
}

void gen_put_u64w(struct gen_out *o, uint64_t v, int width)
{
    char tmp[24];
    int i = (int)sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while ((int)sizeof tmp - i < width && i > 0)
        tmp[--i] = '0';
    gen_putn(o, tmp + i, sizeof tmp - (size_t)i);
}

void gen_put_u64(struct gen_out *o, uint64_t v) { gen_put_u64w(o, v, 1); }

void gen_put_fixed(struct gen_out *o, uint64_t v, int decimals)
{
    uint64_t scale = 1;
    for (int i = 0; i < decimals; i++)
        scale *= 10;
    gen_put_u64(o, v / scale);
    if (decimals > 0) {
        gen_putc(o, '.');
        gen_put_u64w(o, v % scale, decimals);
    }
}

void gen_put_date(struct gen_out *o, int y, int m, int d)
{
    char b[10];
    b[0] = (char)('0' + y / 1000 % 10);
    b[1] = (char)('0' + y / 100 % 10);
    b[2] = (char)('0' + y / 10 % 10);
    b[3] = (char)('0' + y % 10);
    b[4] = '-';
    b[5] = (char)('0' + m / 10);
    b[6] = (char)('0' + m % 10);
    b[7] = '-';
    b[8] = (char)('0' + d / 10);
    b[9] = (char)('0' + d % 10);
    gen_putn(o, b, sizeof b);
}

/* ---- dates (proleptic Gregorian, days since 1970-01-01) ---- */

int gen_days_in_month(int y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

int32_t gen_date_to_days(struct gen_date d)
{
    int y = d.y - (d.m <= 2);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct gen_date gen_days_to_date(int32_t z)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    struct gen_date d;
    d.d = doy - (153 * mp + 2) / 5 + 1;
    d.m = mp < 10 ? mp + 3 : mp - 9;
    d.y = yoe + era * 400 + (d.m <= 2);
    return d;
}

/* ---- codes ---- */

const char gen_uscc_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static int uscc_value(char c)
{
    const char *p = strchr(gen_uscc_alphabet, c);
    return p && c ? (int)(p - gen_uscc_alphabet) : 0;
}

char gen_uscc_check(const char *s)
{
    static const int w[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += uscc_value(s[i]) * w[i];
    int c = 31 - sum % 31;
    return gen_uscc_alphabet[c == 31 ? 0 : c];
}

/* GB 11714 organisation code: 8 body characters + check (0-9 or X). */
static char orgcode_check(const char *body)
{
    static const int w[8] = {3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 8; i++) {
        char c = body[i];
        int v = c >= '0' && c <= '9' ? c - '0' : c - 'A' + 10;
        sum += v * w[i];
    }
    int c = 11 - sum % 11;
    return c == 10 ? 'X' : c == 11 ? '0' : (char)('0' + c);
}

void gen_uscc(struct gen_rng *r, const char *prefix2, const char *region6, char out[19])
{
    out[0] = prefix2[0];
    out[1] = prefix2[1];
    memcpy(out + 2, region6, 6);
    char *body = out + 8;
    if (prefix2[0] == '9' && gen_rng_chance(r, 0.7)) {
        /* New-style registration numbers, e.g. MA5G0K3P. */
        body[0] = 'M';
        body[1] = 'A';
        for (int i = 2; i < 8; i++)
            body[i] = gen_rng_chance(r, 0.7) ? (char)('0' + gen_rng_below(r, 10))
                                             : gen_uscc_alphabet[10 + gen_rng_below(r, 21)];
    } else {
        for (int i = 0; i < 8; i++)
            body[i] = (char)('0' + gen_rng_below(r, 10));
    }
    body[8] = orgcode_check(body);
    out[17] = gen_uscc_check(out);
    out[18] = '\0';
}
