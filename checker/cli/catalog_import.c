/* SPDX-License-Identifier: MIT */
/*
 * Import of an official edition of 《产业结构调整指导目录》 into the project's
 * catalogue format.
 *
 * Two inputs are accepted and detected by their first line: a TSV whose header
 * names the columns (the shared excerpt's class/sector_no/sector_name/item_no/
 * text/source_url, optionally sub_no/sub_name/reading/source, or a file in the
 * project's own format), and the text of the official document as extracted
 * from the PDF or Word file or copied from a web page. The text reader is a
 * line classifier with a little state (class, sector, sub-sector, open item):
 *
 *   第一类 鼓励类 / 鼓励类              class heading
 *   一、农林牧渔业                      sector heading (Chinese numeral + 、 or .)
 *   （一）落后生产工艺装备               sub-heading (numeral in brackets)
 *   1. …  1、…  １．…                   numbered item ("1.5万吨" is not one)
 *   anything else                       the open item's continuation (wrapped line)
 *
 * Lines before the first class heading are the preamble, lines between a class
 * heading and its first sector are the class's introduction; both are skipped
 * and counted. Page furniture is skipped: page numbers ("— 12 —", "第3页",
 * "3/120") and any line repeated three or more times that is not a heading or
 * an item (running headers and footers). Full-width digits and punctuation are
 * accepted wherever half-width ones are. The wording of an item is kept as
 * printed, joined across line breaks (with a space only between two Latin
 * letters or digits).
 *
 * Anomalies (numbering gaps, repeated numbers, repeated texts, lines that
 * belong to nothing, unknown classes) are collected with their line numbers;
 * they do not stop the import. The result is the same for the TSV and the text
 * layout of the same catalogue, which the test suite checks.
 */
#include "catalog.h"

#include "ck.h"
#include "mem.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct imp_entry {
    int cls;
    char *sector_no, *sector_name, *sub_no, *sub_name, *item_no, *reading, *source;
    struct ck_buf text;
    int line;
};

struct anomaly {
    int line;
    size_t seq;
    char *msg; /* owned */
};

struct imp {
    const char *path;
    const char *lang;
    struct imp_entry *e;
    size_t n;
    struct anomaly *anomalies; /* owned */
    size_t n_anomalies;
    size_t n_preamble, n_intro, n_furniture;
};

static int zh(const struct imp *im)
{
    return im->lang == NULL || strcmp(im->lang, "en") != 0;
}

static void anomaly(struct imp *im, int line, const char *zh_msg, const char *en_msg,
                    const char *a, const char *b)
{
    struct ck_buf m;
    ck_buf_init(&m);
    ck_buf_printf(&m, "  %s:%d: ", im->path, line);
    const char *fmt = zh(im) ? zh_msg : en_msg;
    /* the messages use %1 and %2 for a and b */
    for (const char *p = fmt; *p; p++) {
        if (p[0] == '%' && (p[1] == '1' || p[1] == '2')) {
            ck_buf_adds(&m, p[1] == '1' ? (a ? a : "") : (b ? b : ""));
            p++;
        } else {
            ck_buf_addc(&m, *p);
        }
    }
    ck_buf_addc(&m, '\n');
    im->anomalies = ck_reallocarray(im->anomalies, im->n_anomalies + 1, sizeof *im->anomalies);
    im->anomalies[im->n_anomalies].line = line;
    im->anomalies[im->n_anomalies].seq = im->n_anomalies;
    im->anomalies[im->n_anomalies].msg = ck_buf_take(&m);
    im->n_anomalies++;
}

static int cmp_anomaly(const void *x, const void *y)
{
    const struct anomaly *a = x, *b = y;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* ---- characters ---- */

/* Trims ASCII whitespace, U+3000 and NBSP from both ends, in place; returns the start. */
static char *trim(char *s)
{
    for (;;) {
        if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\f' || *s == '\v')
            s++;
        else if (strncmp(s, "\xE3\x80\x80", 3) == 0)
            s += 3;
        else if (strncmp(s, "\xC2\xA0", 2) == 0)
            s += 2;
        else
            break;
    }
    size_t n = strlen(s);
    for (;;) {
        if (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
            n--;
        else if (n >= 3 && strncmp(s + n - 3, "\xE3\x80\x80", 3) == 0)
            n -= 3;
        else if (n >= 2 && strncmp(s + n - 2, "\xC2\xA0", 2) == 0)
            n -= 2;
        else
            break;
    }
    s[n] = '\0';
    return s;
}

/* An ASCII digit, or a full-width one (３ bytes EF BC 90..99); returns bytes used, 0 if none. */
static size_t digit_at(const char *s, int *val)
{
    if (*s >= '0' && *s <= '9') {
        *val = *s - '0';
        return 1;
    }
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99) {
        *val = u[2] - 0x90;
        return 3;
    }
    return 0;
}

static size_t skip_spaces(const char *s)
{
    size_t i = 0;
    for (;;) {
        if (s[i] == ' ' || s[i] == '\t')
            i++;
        else if (strncmp(s + i, "\xE3\x80\x80", 3) == 0)
            i += 3;
        else
            return i;
    }
}

static int starts(const char *s, const char *w)
{
    return strncmp(s, w, strlen(w)) == 0;
}

/* Value of a Chinese numeral (一 … 九十九, 百…), -1 if s[0, len) is not one. */
static int cn_value(const char *s, size_t len)
{
    static const char *const digits[] = {"〇", "一", "二", "三", "四", "五",
                                         "六", "七", "八", "九"};
    int total = 0, cur = -1;
    size_t i = 0;
    if (len == 0)
        return -1;
    while (i < len) {
        int d = -1;
        for (int k = 0; k < 10; k++)
            if (strncmp(s + i, digits[k], 3) == 0)
                d = k;
        if (d < 0 && strncmp(s + i, "零", 3) == 0)
            d = 0;
        if (d >= 0) {
            cur = d;
        } else if (strncmp(s + i, "十", 3) == 0) {
            total += (cur < 0 ? 1 : cur) * 10;
            cur = -1;
        } else if (strncmp(s + i, "百", 3) == 0) {
            total += (cur < 0 ? 1 : cur) * 100;
            cur = -1;
        } else {
            return -1;
        }
        i += 3;
    }
    return total + (cur > 0 ? cur : 0);
}

/* Length in bytes of a leading run of Chinese numeral characters. */
static size_t cn_run(const char *s)
{
    static const char *const chars[] = {"〇", "一", "二", "三", "四", "五", "六",
                                        "七", "八", "九", "十", "百", "零"};
    size_t i = 0;
    for (;;) {
        int ok = 0;
        for (size_t k = 0; k < CK_ARRAY_LEN(chars); k++)
            if (strncmp(s + i, chars[k], 3) == 0)
                ok = 1;
        if (!ok)
            return i;
        i += 3;
    }
}

/* ---- line classification ---- */

enum line_kind { L_OTHER, L_CLASS, L_SECTOR, L_SUB, L_ITEM, L_FURNITURE };

struct line_info {
    int kind;
    int cls;             /* L_CLASS */
    char num[64];        /* numeral or item number */
    const char *rest;    /* heading name / item text (points into the line) */
};

static int is_page_number(const char *s)
{
    /* "— 12 —", "- 3 -", "12", "第 3 页", "第3页 共120页", "3/120", "Page 3" */
    size_t i = 0;
    int digits = 0, other = 0;
    while (s[i]) {
        int v;
        size_t d = digit_at(s + i, &v);
        if (d) {
            digits++;
            i += d;
            continue;
        }
        static const char *const ok[] = {"—", "－", "–", "-", "·", " ", "/", "第", "页",
                                         "共", "Page", "page", "of", "\t", "\xE3\x80\x80"};
        size_t k;
        for (k = 0; k < CK_ARRAY_LEN(ok); k++)
            if (starts(s + i, ok[k]))
                break;
        if (k == CK_ARRAY_LEN(ok)) {
            other = 1;
            break;
        }
        i += strlen(ok[k]);
    }
    return digits > 0 && !other;
}

static void classify(const char *s, struct line_info *li)
{
    memset(li, 0, sizeof *li);
    li->kind = L_OTHER;
    if (is_page_number(s)) {
        li->kind = L_FURNITURE;
        return;
    }
    /* class heading */
    static const char *const cls_words[] = {"鼓励类", "限制类", "淘汰类"};
    const char *p = s;
    if (starts(p, "第")) {
        size_t r = cn_run(p + 3);
        if (r > 0 && starts(p + 3 + r, "类")) {
            p += 3 + r + 3;
            p += skip_spaces(p);
        } else {
            p = NULL;
        }
    }
    if (p) {
        for (int c = 0; c < CK_CATALOG_CLASS_COUNT; c++)
            if (starts(p, cls_words[c]) && strlen(p) <= strlen(cls_words[c]) + 12 &&
                strstr(p, "。") == NULL) {
                li->kind = L_CLASS;
                li->cls = c;
                return;
            }
    }
    /* sector: 一、… */
    size_t r = cn_run(s);
    if (r > 0 && r < sizeof li->num) {
        const char *q = s + r;
        q += skip_spaces(q);
        size_t sep = starts(q, "、") ? 3 : starts(q, "．") ? 3 : (*q == '.') ? 1 : 0;
        if (sep && cn_value(s, r) > 0) {
            const char *name = q + sep;
            name += skip_spaces(name);
            if (*name && ck_utf8_len(name) <= 40 && strstr(name, "。") == NULL) {
                li->kind = L_SECTOR;
                memcpy(li->num, s, r);
                li->num[r] = '\0';
                li->rest = name;
                return;
            }
        }
    }
    /* sub-heading: （一）… */
    size_t open = starts(s, "（") ? 3 : (*s == '(') ? 1 : 0;
    if (open) {
        r = cn_run(s + open);
        const char *q = s + open + r;
        size_t close = starts(q, "）") ? 3 : (*q == ')') ? 1 : 0;
        if (r > 0 && r < sizeof li->num && close && cn_value(s + open, r) > 0) {
            const char *name = q + close;
            name += skip_spaces(name);
            if (*name && ck_utf8_len(name) <= 40 && strstr(name, "。") == NULL) {
                li->kind = L_SUB;
                memcpy(li->num, s + open, r);
                li->num[r] = '\0';
                li->rest = name;
                return;
            }
        }
    }
    /* item: 1. 1、 １．, not a decimal like 1.5 */
    int val = 0, v;
    size_t i = 0, d, nd = 0;
    while ((d = digit_at(s + i, &v)) != 0 && nd < 4) {
        val = val * 10 + v;
        i += d;
        nd++;
    }
    if (nd > 0 && nd <= 3 && val > 0) {
        const char *q = s + i;
        q += skip_spaces(q);
        size_t sep = starts(q, "、") ? 3 : starts(q, "．") ? 3 : (*q == '.') ? 1 : 0;
        /* "1.5万吨" is a decimal, but "2．400立方米" and "2. 400立方米" are items */
        if (sep && (sep == 3 || !digit_at(q + sep, &v))) {
            const char *text = q + sep;
            text += skip_spaces(text);
            if (*text) {
                li->kind = L_ITEM;
                snprintf(li->num, sizeof li->num, "%d", val);
                li->rest = text;
            }
        }
    }
}

/* ---- building entries ---- */

static struct imp_entry *new_entry(struct imp *im, int cls, const char *sec_no,
                                   const char *sec_name, const char *sub_no, const char *sub_name,
                                   const char *item, int line)
{
    im->e = ck_reallocarray(im->e, im->n + 1, sizeof *im->e);
    struct imp_entry *e = &im->e[im->n++];
    memset(e, 0, sizeof *e);
    e->cls = cls;
    e->sector_no = ck_strdup(sec_no);
    e->sector_name = ck_strdup(sec_name);
    e->sub_no = ck_strdup(sub_no);
    e->sub_name = ck_strdup(sub_name);
    e->item_no = ck_strdup(item);
    e->reading = ck_strdup("");
    e->source = ck_strdup("");
    ck_buf_init(&e->text);
    e->line = line;
    return e;
}

static int is_word_byte(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static void append_text(struct ck_buf *t, const char *s)
{
    if (t->len && is_word_byte(t->p[t->len - 1]) && is_word_byte(s[0]))
        ck_buf_addc(t, ' ');
    ck_buf_adds(t, s);
}

static char *clean_field(const char *s)
{
    char *c = ck_strdup(s);
    for (char *p = c; *p; p++)
        if (*p == '\t' || *p == '\n' || *p == '\r')
            *p = ' ';
    return c;
}

static int count_lines(const char *data, const char *line)
{
    /* counts exact occurrences of line as a whole trimmed line */
    int n = 0;
    size_t len = strlen(line);
    const char *p = data;
    while ((p = strstr(p, line)) != NULL) {
        int bol = p == data || p[-1] == '\n' || p[-1] == ' ' || p[-1] == '\t';
        const char *e = p + len;
        int eol = *e == '\0' || *e == '\n' || *e == '\r' || *e == ' ' || *e == '\t';
        n += bol && eol;
        p += len ? len : 1;
    }
    return n;
}

static void parse_text(struct imp *im, char *data, const char *default_source)
{
    /* a copy for counting repeated lines (the loop below cuts data into lines) */
    char *copy = ck_strdup(data);
    int cls = -1;
    char sec_no[64] = "", sub_no[64] = "";
    char *sec_name = ck_strdup(""), *sub_name = ck_strdup("");
    struct imp_entry *open_item = NULL;
    int seen_sector = 0, lineno = 0;
    char *p = data;
    while (p) {
        char *line = ck_catalog_next_line(&p);
        lineno++;
        char *s = trim(line);
        if (lineno == 1 && starts(s, "\xEF\xBB\xBF"))
            s = trim(s + 3);
        if (*s == '\0')
            continue;
        struct line_info li;
        classify(s, &li);
        if (li.kind == L_OTHER && ck_utf8_len(s) <= 40 && count_lines(copy, s) >= 3)
            li.kind = L_FURNITURE;
        switch (li.kind) {
        case L_FURNITURE:
            im->n_furniture++;
            break;
        case L_CLASS:
            cls = li.cls;
            sec_no[0] = sub_no[0] = '\0';
            seen_sector = 0;
            open_item = NULL;
            break;
        case L_SECTOR:
            if (cls < 0) {
                im->n_preamble++;
                break;
            }
            snprintf(sec_no, sizeof sec_no, "%s", li.num);
            free(sec_name);
            sec_name = clean_field(li.rest);
            sub_no[0] = '\0';
            free(sub_name);
            sub_name = ck_strdup("");
            seen_sector = 1;
            open_item = NULL;
            break;
        case L_SUB:
            if (cls < 0) {
                im->n_preamble++;
                break;
            }
            snprintf(sub_no, sizeof sub_no, "%s", li.num);
            free(sub_name);
            sub_name = clean_field(li.rest);
            open_item = NULL;
            break;
        case L_ITEM:
            if (cls < 0) {
                im->n_preamble++;
                break;
            }
            if (!seen_sector) {
                if (open_item == NULL)
                    anomaly(im, lineno, "条目出现在任何行业标题之前：%1",
                            "item before any sector heading: %1", s, NULL);
            }
            open_item = new_entry(im, cls, sec_no, sec_name, sub_no, sub_name, li.num, lineno);
            free(open_item->source);
            open_item->source = ck_strdup(default_source);
            append_text(&open_item->text, li.rest);
            break;
        default:
            if (cls < 0) {
                im->n_preamble++;
            } else if (open_item) {
                append_text(&open_item->text, s);
            } else if (!seen_sector) {
                im->n_intro++;
            } else {
                anomaly(im, lineno, "无法识别的行（不属于任何条目）：%1",
                        "unparsed line (belongs to no item): %1", s, NULL);
            }
        }
    }
    free(sec_name);
    free(sub_name);
    free(copy);
}

static int col(char **hdr, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(hdr[i], name) == 0)
            return (int)i;
    return -1;
}

static const char *fld(char **f, size_t n, int i)
{
    return i >= 0 && (size_t)i < n ? f[i] : "";
}

static size_t split(char *line, char **f, size_t max)
{
    size_t n = 0;
    while (n < max) {
        f[n++] = line;
        char *t = strchr(line, '\t');
        if (t == NULL)
            break;
        *t = '\0';
        line = t + 1;
    }
    return n;
}

static void parse_tsv(struct imp *im, char *data, const char *default_source)
{
    char *hdr[16], *f[16];
    size_t n_hdr = 0;
    int lineno = 0;
    char *p = data;
    while (p) {
        char *line = ck_catalog_next_line(&p);
        lineno++;
        if (lineno == 1 && starts(line, "\xEF\xBB\xBF"))
            line += 3;
        if (*line == '\0' || *line == '#')
            continue;
        if (n_hdr == 0) {
            n_hdr = split(line, hdr, 16);
            continue;
        }
        size_t n = split(line, f, 16);
        const char *cls_s = fld(f, n, col(hdr, n_hdr, "class"));
        int cls = ck_catalog_class_parse(cls_s);
        const char *item = fld(f, n, col(hdr, n_hdr, "item_no"));
        const char *text = fld(f, n, col(hdr, n_hdr, "text"));
        if (cls < 0) {
            anomaly(im, lineno, "未知类别“%1”，该行未导入", "unknown class '%1', row skipped",
                    cls_s, NULL);
            continue;
        }
        if (*item == '\0' || *text == '\0') {
            anomaly(im, lineno, "缺少条目编号或条目文字，该行未导入",
                    "row without item number or text, skipped", NULL, NULL);
            continue;
        }
        struct imp_entry *e = new_entry(im, cls, fld(f, n, col(hdr, n_hdr, "sector_no")),
                                        fld(f, n, col(hdr, n_hdr, "sector_name")),
                                        fld(f, n, col(hdr, n_hdr, "sub_no")),
                                        fld(f, n, col(hdr, n_hdr, "sub_name")), item, lineno);
        ck_buf_adds(&e->text, text);
        free(e->reading);
        e->reading = ck_strdup(fld(f, n, col(hdr, n_hdr, "reading")));
        const char *src = fld(f, n, col(hdr, n_hdr, "source"));
        if (*src == '\0')
            src = fld(f, n, col(hdr, n_hdr, "source_url"));
        free(e->source);
        e->source = ck_strdup(*src ? src : default_source);
    }
}

/* Numbering gaps, repeated numbers and repeated texts, in file order. */
static void check_numbering(struct imp *im)
{
    for (size_t i = 0; i < im->n; i++) {
        struct imp_entry *e = &im->e[i];
        /* the previous item of the same (class, sector, sub) group */
        const struct imp_entry *prev = NULL;
        for (size_t j = i; j-- > 0;) {
            const struct imp_entry *x = &im->e[j];
            if (x->cls == e->cls && strcmp(x->sector_no, e->sector_no) == 0 &&
                strcmp(x->sector_name, e->sector_name) == 0 && strcmp(x->sub_no, e->sub_no) == 0) {
                prev = x;
                break;
            }
        }
        char *end;
        long cur = strtol(e->item_no, &end, 10);
        long before = prev ? strtol(prev->item_no, NULL, 10) : 0;
        char a[64], b[64];
        for (size_t j = 0; j < i; j++) {
            const struct imp_entry *x = &im->e[j];
            if (x->cls == e->cls && strcmp(x->sector_no, e->sector_no) == 0 &&
                strcmp(x->sector_name, e->sector_name) == 0 &&
                strcmp(x->sub_no, e->sub_no) == 0 && strcmp(x->item_no, e->item_no) == 0) {
                snprintf(a, sizeof a, "%s", e->item_no);
                snprintf(b, sizeof b, "%d", x->line);
                anomaly(im, e->line, "条目编号 %1 重复（首次出现在第 %2 行）",
                        "item number %1 repeated (first at line %2)", a, b);
                goto next;
            }
        }
        if (*end == '\0' && cur != before + 1) {
            snprintf(a, sizeof a, "%ld", before);
            snprintf(b, sizeof b, "%ld", cur);
            if (before == 0)
                anomaly(im, e->line, "本节第一条的编号是 %2", "first item of the section is numbered %2",
                        a, b);
            else if (cur > before + 1)
                anomaly(im, e->line, "编号不连续：第 %1 条之后是第 %2 条",
                        "numbering gap: item %2 follows item %1", a, b);
            else
                anomaly(im, e->line, "编号倒序：第 %1 条之后是第 %2 条",
                        "numbering goes back: item %2 follows item %1", a, b);
        }
        for (size_t j = 0; j < i; j++)
            if (strcmp(ck_buf_str(&im->e[j].text), ck_buf_str(&e->text)) == 0) {
                snprintf(b, sizeof b, "%d", im->e[j].line);
                anomaly(im, e->line, "条目文字与第 %2 行的条目相同",
                        "same text as the item at line %2", NULL, b);
                break;
            }
    next:;
    }
}

static void write_field(struct ck_buf *out, const char *s, char after)
{
    char *c = clean_field(s);
    ck_buf_adds(out, c);
    free(c);
    ck_buf_addc(out, after);
}

int ck_catalog_import(const char *path, const struct ck_catalog_import_opts *opts,
                      const char *lang, struct ck_buf *out, struct ck_buf *report,
                      size_t *n_anomalies)
{
    *n_anomalies = 0;
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        ck_buf_printf(report, "%s: %s\n", path, strerror(errno));
        return CK_EIO;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && st.st_size > (off_t)(64 * 1024 * 1024)) {
        ck_buf_printf(report, "%s: larger than 64 MiB, not a catalogue\n", path);
        fclose(f);
        return CK_ESYNTAX;
    }
    struct ck_buf data;
    ck_buf_init(&data);
    int bad = ck_buf_add_stream(&data, f);
    fclose(f);
    if (bad) {
        ck_buf_printf(report, "%s: %s\n", path, strerror(errno));
        ck_buf_fini(&data);
        return CK_EIO;
    }
    if (data.len == 0 || strlen(ck_buf_str(&data)) != data.len) {
        ck_buf_printf(report, "%s: %s\n", path,
                      data.len ? "NUL byte in input (not a text file)" : "empty file");
        ck_buf_fini(&data);
        return CK_ESYNTAX;
    }
    struct imp im;
    memset(&im, 0, sizeof im);
    im.path = path;
    im.lang = lang;
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    const char *default_source = opts->source && *opts->source ? opts->source : base;
    /* TSV when the first non-comment line has a tab and names a text column */
    int tsv = 0;
    {
        const char *p = ck_buf_str(&data);
        while (*p == '#') {
            const char *nl = strchr(p, '\n');
            if (nl == NULL)
                break;
            p = nl + 1;
        }
        const char *nl = strchr(p, '\n');
        size_t l = nl ? (size_t)(nl - p) : strlen(p);
        char *first = ck_strndup(p, l);
        tsv = strchr(first, '\t') != NULL && strstr(first, "text") != NULL;
        free(first);
    }
    if (tsv)
        parse_tsv(&im, data.p, default_source);
    else
        parse_text(&im, data.p, default_source);
    check_numbering(&im);
    int z = lang == NULL || strcmp(lang, "en") != 0;
    size_t per_class[CK_CATALOG_CLASS_COUNT] = {0};
    for (size_t i = 0; i < im.n; i++)
        per_class[im.e[i].cls]++;
    ck_buf_printf(report, z ? "导入 %s（%s）：版本 %s，生效日期 %s，状态 %s\n"
                            : "import %s (%s): edition %s, effective %s, status %s\n",
                  path, tsv ? "TSV" : (z ? "文本版式" : "text layout"), opts->edition,
                  opts->effective, opts->status ? opts->status : "complete");
    ck_buf_printf(report, z ? "条目 %zu：鼓励类 %zu，限制类 %zu，淘汰类 %zu\n"
                            : "entries %zu: encouraged %zu, restricted %zu, eliminated %zu\n",
                  im.n, per_class[0], per_class[1], per_class[2]);
    for (size_t i = 0; i < im.n; i++) {
        const struct imp_entry *e = &im.e[i];
        if (i > 0 && e->cls == im.e[i - 1].cls &&
            strcmp(e->sector_no, im.e[i - 1].sector_no) == 0 &&
            strcmp(e->sector_name, im.e[i - 1].sector_name) == 0 &&
            strcmp(e->sub_no, im.e[i - 1].sub_no) == 0)
            continue;
        size_t cnt = 0;
        for (size_t j = i; j < im.n; j++)
            if (im.e[j].cls == e->cls && strcmp(im.e[j].sector_no, e->sector_no) == 0 &&
                strcmp(im.e[j].sector_name, e->sector_name) == 0 &&
                strcmp(im.e[j].sub_no, e->sub_no) == 0)
                cnt++;
        ck_buf_printf(report, "  %s %s%s%s", z ? ck_catalog_class_zh(e->cls)
                                                : ck_catalog_class_name(e->cls),
                      e->sector_no, *e->sector_no ? "、" : "", e->sector_name);
        if (*e->sub_no)
            ck_buf_printf(report, " （%s）%s", e->sub_no, e->sub_name);
        ck_buf_printf(report, z ? "：%zu 条\n" : ": %zu\n", cnt);
    }
    if (!tsv)
        ck_buf_printf(report,
                      z ? "跳过：前言 %zu 行，类别说明 %zu 行，页眉页脚及页码 %zu 行\n"
                        : "skipped: preamble %zu lines, class introductions %zu lines, page "
                          "headers/footers/numbers %zu lines\n",
                      im.n_preamble, im.n_intro, im.n_furniture);
    ck_buf_printf(report, z ? "异常 %zu 处%s\n" : "anomalies: %zu%s\n", im.n_anomalies,
                  im.n_anomalies ? (z ? "：" : ":") : "");
    if (im.n_anomalies > 1)
        qsort(im.anomalies, im.n_anomalies, sizeof *im.anomalies, cmp_anomaly);
    for (size_t i = 0; i < im.n_anomalies; i++)
        ck_buf_adds(report, im.anomalies[i].msg);
    *n_anomalies = im.n_anomalies;

    ck_buf_adds(out, "# fundcheck catalogue file (format: catalogs/README.md)\n");
    ck_buf_adds(out, "#kind\tisac-edition\n");
    ck_buf_printf(out, "#edition\t%s\n#effective\t%s\n#status\t%s\n", opts->edition,
                  opts->effective, opts->status ? opts->status : "complete");
    ck_buf_adds(out, "#title\t");
    write_field(out, opts->title && *opts->title ? opts->title : "产业结构调整指导目录", '\n');
    ck_buf_adds(out, "#source\t");
    write_field(out, default_source, '\n');
    ck_buf_adds(out, "class\tsector_no\tsector_name\tsub_no\tsub_name\titem_no\ttext\treading\t"
                     "source\n");
    for (size_t i = 0; i < im.n; i++) {
        struct imp_entry *e = &im.e[i];
        write_field(out, ck_catalog_class_name(e->cls), '\t');
        write_field(out, e->sector_no, '\t');
        write_field(out, e->sector_name, '\t');
        write_field(out, e->sub_no, '\t');
        write_field(out, e->sub_name, '\t');
        write_field(out, e->item_no, '\t');
        write_field(out, ck_buf_str(&e->text), '\t');
        write_field(out, e->reading, '\t');
        write_field(out, e->source, '\n');
    }
    int rc = im.n ? CK_OK : CK_ESYNTAX;
    for (size_t i = 0; i < im.n; i++) {
        struct imp_entry *e = &im.e[i];
        free(e->sector_no);
        free(e->sector_name);
        free(e->sub_no);
        free(e->sub_name);
        free(e->item_no);
        free(e->reading);
        free(e->source);
        ck_buf_fini(&e->text);
    }
    free(im.e);
    for (size_t i = 0; i < im.n_anomalies; i++)
        free(im.anomalies[i].msg);
    free(im.anomalies);
    ck_buf_fini(&data);
    return rc;
}
