/* SPDX-License-Identifier: MIT */
/*
 * Loading the catalogue directories, editions in force, entry lookups, GB/T 4754
 * codes and provincial lists.
 *
 * Every *.tsv file directly in a catalogue directory is one data set whose kind
 * is named by its "#kind" line: an edition of the industry catalogue
 * (isac-edition), the GB/T 4754-2017 code table (industry-codes) or a
 * provincial list (provincial-list). Files are read in name order, shipped
 * directory first, then the user directory, whose data sets replace shipped
 * ones with the same identity (edition id, province, the code table). After
 * loading, ck_catalog_freeze sorts and indexes everything; from then on the
 * catalogue is read-only and may be shared by threads.
 */
#include "catalog.h"

#include "ck.h"
#include "mem.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const class_names[CK_CATALOG_CLASS_COUNT] = {"encouraged", "restricted",
                                                               "eliminated"};
static const char *const class_zh[CK_CATALOG_CLASS_COUNT] = {"鼓励类", "限制类", "淘汰类"};

const char *ck_catalog_class_name(int cls)
{
    return cls >= 0 && cls < CK_CATALOG_CLASS_COUNT ? class_names[cls] : "";
}

const char *ck_catalog_class_zh(int cls)
{
    return cls >= 0 && cls < CK_CATALOG_CLASS_COUNT ? class_zh[cls] : "";
}

int ck_catalog_class_parse(const char *s)
{
    static const char *const short_zh[CK_CATALOG_CLASS_COUNT] = {"鼓励", "限制", "淘汰"};
    if (s == NULL)
        return -1;
    for (int i = 0; i < CK_CATALOG_CLASS_COUNT; i++)
        if (strcmp(s, class_names[i]) == 0 || strcmp(s, class_zh[i]) == 0 ||
            strcmp(s, short_zh[i]) == 0)
            return i;
    return -1;
}

/* ---- small helpers ---- */

static void set_err(char **err, const char *file, int line, const char *fmt, ...)
    CK_PRINTF(4, 5);

static void set_err(char **err, const char *file, int line, const char *fmt, ...)
{
    struct ck_buf b;
    ck_buf_init(&b);
    if (line > 0)
        ck_buf_printf(&b, "%s:%d: ", file, line);
    else
        ck_buf_printf(&b, "%s: ", file);
    va_list ap;
    va_start(ap, fmt);
    ck_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    if (err) {
        free(*err);
        *err = ck_buf_take(&b);
    } else {
        ck_buf_fini(&b);
    }
}

static int read_file(const char *path, char **out, size_t *out_len)
{
    FILE *f = fopen(path, "rb");
    *out = NULL;
    if (f == NULL)
        return CK_EIO;
    struct ck_buf b;
    ck_buf_init(&b);
    int bad = ck_buf_add_stream(&b, f);
    fclose(f);
    if (bad) {
        ck_buf_fini(&b);
        return CK_EIO;
    }
    if (out_len)
        *out_len = b.len;
    *out = ck_buf_take(&b);
    return *out && !ck_mem_failed() ? CK_OK : CK_ENOMEM;
}

/* Splits a line at tabs in place; returns the number of fields (at most max). */
static size_t split_tabs(char *line, char **fields, size_t max)
{
    size_t n = 0;
    char *p = line;
    while (n < max) {
        fields[n++] = p;
        char *t = strchr(p, '\t');
        if (t == NULL)
            break;
        *t = '\0';
        p = t + 1;
    }
    return n;
}

static uint64_t fnv1a(uint64_t h, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* ---- the file format ---- */

enum { MAX_COLS = 16 };

#ifndef CK_MAX_CATALOG_BYTES
#define CK_MAX_CATALOG_BYTES (64u * 1024u * 1024u) /* larger catalogue files are refused */
#endif

struct meta {
    char *kind, *edition, *effective, *status, *title, *source, *province, *name, *date,
        *coverage;
};

static void meta_fini(struct meta *m)
{
    free(m->kind);
    free(m->edition);
    free(m->effective);
    free(m->status);
    free(m->title);
    free(m->source);
    free(m->province);
    free(m->name);
    free(m->date);
    free(m->coverage);
}

static int meta_set(struct meta *m, const char *key, const char *val)
{
    char **slot = NULL;
    if (strcmp(key, "kind") == 0)
        slot = &m->kind;
    else if (strcmp(key, "edition") == 0)
        slot = &m->edition;
    else if (strcmp(key, "effective") == 0)
        slot = &m->effective;
    else if (strcmp(key, "status") == 0)
        slot = &m->status;
    else if (strcmp(key, "title") == 0)
        slot = &m->title;
    else if (strcmp(key, "source") == 0)
        slot = &m->source;
    else if (strcmp(key, "province") == 0)
        slot = &m->province;
    else if (strcmp(key, "name") == 0)
        slot = &m->name;
    else if (strcmp(key, "date") == 0)
        slot = &m->date;
    else if (strcmp(key, "coverage") == 0)
        slot = &m->coverage;
    if (slot) {
        free(*slot);
        if ((*slot = ck_strdup(val)) == NULL)
            return CK_ENOMEM;
    }
    return CK_OK;
}

static char *take(char **p)
{
    char *s = *p ? *p : ck_strdup("");
    *p = NULL;
    return s;
}

static int col_index(char **hdr, size_t n_hdr, const char *name)
{
    for (size_t i = 0; i < n_hdr; i++)
        if (strcmp(hdr[i], name) == 0)
            return (int)i;
    return -1;
}

static const char *field(char **f, size_t n, int idx)
{
    return idx >= 0 && (size_t)idx < n ? f[idx] : "";
}

static int valid_date(const char *s)
{
    if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    return 1;
}

static void entry_fini(struct ck_catalog_entry *e)
{
    free(e->key);
    free(e->sector_no);
    free(e->sector_name);
    free(e->sub_no);
    free(e->sub_name);
    free(e->item_no);
    free(e->text);
    free(e->reading);
    free(e->source);
    ck_catalog_terms_fini(&e->pos);
    for (size_t i = 0; i < e->n_excl; i++) {
        ck_catalog_terms_fini(&e->excl[i]);
        free(e->excl_text[i]);
    }
    free(e->excl);
    free(e->excl_text);
}

static void edition_fini(struct ck_catalog_edition *ed)
{
    free(ed->id);
    free(ed->effective);
    free(ed->status);
    free(ed->title);
    free(ed->source);
    free(ed->file);
    free(ed->explain[0]);
    free(ed->explain[1]);
    for (size_t i = 0; i < ed->n_entries; i++)
        entry_fini(&ed->entries[i]);
    free(ed->entries);
    free(ed->vocab);
    free(ed->df);
    free(ed->idf);
    free(ed->post_off);
    free(ed->post);
    free(ed->post_tf);
}

static void province_fini(struct ck_catalog_province *p)
{
    free(p->province);
    free(p->name);
    free(p->date);
    free(p->status);
    free(p->file);
    for (size_t i = 0; i < p->n_codes; i++)
        free(p->codes[i]);
    free(p->codes);
}

static void sei_clear(struct ck_catalog_sei *t)
{
    for (size_t i = 0; i < t->n_classes; i++) {
        free(t->classes[i].code);
        free(t->classes[i].name);
    }
    free(t->classes);
    free(t->file);
    free(t->name);
    free(t->status);
    memset(t, 0, sizeof *t);
}

static void codes_clear(struct ck_catalog *cat)
{
    for (size_t i = 0; i < cat->n_codes; i++) {
        free(cat->codes[i].code);
        free(cat->codes[i].name);
    }
    free(cat->codes);
    cat->codes = NULL;
    cat->n_codes = 0;
    free(cat->codes_file);
    cat->codes_file = NULL;
    cat->codes_full = 0;
}

void ck_catalog_free(struct ck_catalog *cat)
{
    if (cat == NULL)
        return;
    for (size_t i = 0; i < cat->n_editions; i++)
        edition_fini(&cat->editions[i]);
    free(cat->editions);
    codes_clear(cat);
    for (size_t i = 0; i < cat->n_provinces; i++)
        province_fini(&cat->provinces[i]);
    free(cat->provinces);
    sei_clear(&cat->sei);
    free(cat->version);
    free(cat->user_dir);
    free(cat);
}

/* Section letter of a division number per GB/T 4754-2017 (used for the syntax check
 * and to prefix numeric codes in files); 0 if the division does not exist. */
static char section_of_division(int div)
{
    static const struct {
        char sec;
        int lo, hi;
    } ranges[] = {
        {'A', 1, 5},   {'B', 6, 12},  {'C', 13, 43}, {'D', 44, 46}, {'E', 47, 50},
        {'F', 51, 52}, {'G', 53, 60}, {'H', 61, 62}, {'I', 63, 65}, {'J', 66, 69},
        {'K', 70, 70}, {'L', 71, 72}, {'M', 73, 75}, {'N', 76, 79}, {'O', 80, 82},
        {'P', 83, 83}, {'Q', 84, 85}, {'R', 86, 90}, {'S', 91, 96}, {'T', 97, 97},
    };
    for (size_t i = 0; i < CK_ARRAY_LEN(ranges); i++)
        if (div >= ranges[i].lo && div <= ranges[i].hi)
            return ranges[i].sec;
    return 0;
}

static int add_edition_rows(struct ck_catalog_edition *ed, char *data_line, char **hdr,
                            size_t n_hdr, int lineno, const char *path, char **err)
{
    char *f[MAX_COLS];
    size_t n = split_tabs(data_line, f, MAX_COLS);
    int c_class = col_index(hdr, n_hdr, "class");
    const char *cls_s = field(f, n, c_class);
    int cls = ck_catalog_class_parse(cls_s);
    if (cls < 0) {
        set_err(err, path, lineno, "unknown class '%s'", cls_s);
        return CK_ESYNTAX;
    }
    const char *item = field(f, n, col_index(hdr, n_hdr, "item_no"));
    const char *text = field(f, n, col_index(hdr, n_hdr, "text"));
    if (*item == '\0' || *text == '\0') {
        set_err(err, path, lineno, "entry without item_no or text");
        return CK_ESYNTAX;
    }
    if (ck_grow(&ed->entries, ed->n_entries + 1, sizeof *ed->entries))
        return CK_ENOMEM;
    struct ck_catalog_entry *e = &ed->entries[ed->n_entries++];
    memset(e, 0, sizeof *e);
    e->cls = cls;
    e->sector_no = ck_strdup(field(f, n, col_index(hdr, n_hdr, "sector_no")));
    e->sector_name = ck_strdup(field(f, n, col_index(hdr, n_hdr, "sector_name")));
    e->sub_no = ck_strdup(field(f, n, col_index(hdr, n_hdr, "sub_no")));
    e->sub_name = ck_strdup(field(f, n, col_index(hdr, n_hdr, "sub_name")));
    e->item_no = ck_strdup(item);
    e->text = ck_strdup(text);
    e->reading = ck_strdup(field(f, n, col_index(hdr, n_hdr, "reading")));
    const char *src = field(f, n, col_index(hdr, n_hdr, "source"));
    if (*src == '\0')
        src = field(f, n, col_index(hdr, n_hdr, "source_url"));
    e->source = ck_strdup(*src ? src : (ed->source ? ed->source : ""));
    e->line = lineno;
    if (!e->sector_no || !e->sector_name || !e->sub_no || !e->sub_name || !e->item_no || !e->text ||
        !e->reading || !e->source)
        return CK_ENOMEM;
    /* The key names the sector by its numeral, or by its name when none was printed. */
    const char *sec = *e->sector_no ? e->sector_no : e->sector_name;
    if (strncmp(sec, "[inferred] ", 11) == 0)
        sec += 11;
    struct ck_buf k;
    ck_buf_init(&k);
    ck_buf_printf(&k, "%s/%s/%s/", ed->id, class_names[cls], sec);
    if (*e->sub_no)
        ck_buf_printf(&k, "%s/", e->sub_no);
    ck_buf_adds(&k, e->item_no);
    e->key = ck_buf_take(&k);
    return e->key ? CK_OK : CK_ENOMEM;
}

static int add_code(struct ck_catalog *cat, const char *code_in, const char *name,
                    const char *path, int lineno, char **err)
{
    char code[16];
    if (code_in[0] >= 'A' && code_in[0] <= 'T') {
        if (strlen(code_in) >= sizeof code) {
            set_err(err, path, lineno, "bad industry code '%s'", code_in);
            return CK_ESYNTAX;
        }
        memcpy(code, code_in, strlen(code_in) + 1);
    } else {
        size_t len = strlen(code_in);
        if (len < 2 || len > 4 || strspn(code_in, "0123456789") != len) {
            set_err(err, path, lineno, "bad industry code '%s'", code_in);
            return CK_ESYNTAX;
        }
        char sec = section_of_division((code_in[0] - '0') * 10 + (code_in[1] - '0'));
        if (sec == 0) {
            set_err(err, path, lineno, "industry code '%s' is in no section", code_in);
            return CK_ESYNTAX;
        }
        code[0] = sec;
        memcpy(code + 1, code_in, len + 1);
    }
    if (ck_grow(&cat->codes, cat->n_codes + 1, sizeof *cat->codes))
        return CK_ENOMEM;
    cat->codes[cat->n_codes].code = ck_strdup(code);
    cat->codes[cat->n_codes].name = ck_strdup(name);
    if (cat->codes[cat->n_codes++].name == NULL || cat->codes[cat->n_codes - 1].code == NULL)
        return CK_ENOMEM;
    if (strlen(code) > 3)
        cat->codes_full = 1;
    return CK_OK;
}

/* One row of a sei-classes table: a 4-digit class (numeric or with its
 * section letter) and the level-1 category it belongs to. */
static int add_sei_row(struct ck_catalog_sei *t, char *line, char **hdr, size_t n_hdr,
                       const char *path, int lineno, char **err)
{
    char *f[MAX_COLS];
    size_t n = split_tabs(line, f, MAX_COLS);
    const char *in = field(f, n, col_index(hdr, n_hdr, "gbt4754_class_code"));
    const char *digits = in[0] >= 'A' && in[0] <= 'T' ? in + 1 : in;
    char sec = strlen(digits) == 4 && strspn(digits, "0123456789") == 4
                   ? section_of_division((digits[0] - '0') * 10 + (digits[1] - '0'))
                   : 0;
    if (sec == 0 || (digits != in && in[0] != sec)) {
        set_err(err, path, lineno, "bad GB/T 4754 class code '%s' (4 digits, e.g. 3911 or C3911)",
                in);
        return CK_ESYNTAX;
    }
    char code[6] = {sec, digits[0], digits[1], digits[2], digits[3], '\0'};
    t->n_rows++;
    for (size_t i = 0; i < t->n_classes; i++)
        if (strcmp(t->classes[i].code, code) == 0)
            return CK_OK; /* a class under several categories: the first names it */
    if (ck_grow(&t->classes, t->n_classes + 1, sizeof *t->classes))
        return CK_ENOMEM;
    t->classes[t->n_classes].code = ck_strdup(code);
    t->classes[t->n_classes].name = ck_strdup(field(f, n, col_index(hdr, n_hdr, "sei_l1_name")));
    if (t->classes[t->n_classes++].name == NULL || t->classes[t->n_classes - 1].code == NULL)
        return CK_ENOMEM;
    return CK_OK;
}

const char *ck_catalog_sei_class(const struct ck_catalog *cat, const char *code)
{
    if (cat == NULL || cat->sei.n_classes == 0 || code == NULL || strlen(code) != 5)
        return NULL;
    size_t lo = 0, hi = cat->sei.n_classes;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(cat->sei.classes[mid].code, code);
        if (c == 0)
            return cat->sei.classes[mid].name;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

int ck_catalog_load_file(struct ck_catalog *cat, const char *path, int user, char **err)
{
    char *data = NULL;
    size_t len = 0;
    struct stat st;
    if (stat(path, &st) == 0 && st.st_size > (off_t)CK_MAX_CATALOG_BYTES) {
        set_err(err, path, 0, "larger than %u bytes", (unsigned)CK_MAX_CATALOG_BYTES);
        return CK_ELIMIT;
    }
    int rrc = read_file(path, &data, &len);
    if (rrc == CK_ENOMEM) {
        free(data);
        return CK_ENOMEM;
    }
    if (rrc != CK_OK) {
        set_err(err, path, 0, "cannot read: %s", strerror(errno));
        return CK_EIO;
    }
    int rc = CK_OK;
    struct meta m;
    memset(&m, 0, sizeof m);
    char *hdr_line = NULL;
    char *hdr[MAX_COLS];
    size_t n_hdr = 0;
    struct ck_catalog_edition ed;
    memset(&ed, 0, sizeof ed);
    struct ck_catalog_province prov;
    memset(&prov, 0, sizeof prov);
    struct ck_catalog_sei sei;
    memset(&sei, 0, sizeof sei);
    int lineno = 0;
    int kind = 0; /* 1 edition, 2 codes, 3 province, 4 strategic emerging industries */
    int codes_started = 0;
    char *p = data;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (p && *p) {
        char *line = ck_catalog_next_line(&p);
        lineno++;
        size_t ll = strlen(line);
        if (ll == 0)
            continue;
        if (line[0] == '#') {
            if (hdr_line == NULL && line[1] != ' ' && line[1] != '#' && line[1] != '\0') {
                char *tab = strchr(line + 1, '\t');
                if (tab == NULL) {
                    set_err(err, path, lineno, "metadata line without a tab: %s", line);
                    rc = CK_ESYNTAX;
                    goto out;
                }
                *tab = '\0';
                if (meta_set(&m, line + 1, tab + 1)) {
                    rc = CK_ENOMEM;
                    goto out;
                }
            }
            continue;
        }
        if (hdr_line == NULL) {
            if (m.kind == NULL) {
                set_err(err, path, lineno, "no #kind line before the column header");
                rc = CK_ESYNTAX;
                goto out;
            }
            if (strcmp(m.kind, "isac-edition") == 0) {
                kind = 1;
                if (m.edition == NULL || *m.edition == '\0' || strchr(m.edition, '/') ||
                    !valid_date(m.effective)) {
                    set_err(err, path, lineno,
                            "an edition needs #edition (without '/') and #effective (YYYY-MM-DD)");
                    rc = CK_ESYNTAX;
                    goto out;
                }
                ed.id = ck_strdup(m.edition);
                ed.effective = ck_strdup(m.effective);
                ed.status = ck_strdup(m.status ? m.status : "complete");
                ed.title = ck_strdup(m.title ? m.title : "");
                ed.source = ck_strdup(m.source ? m.source : "");
                ed.file = ck_strdup(path);
                if (!ed.id || !ed.effective || !ed.status || !ed.title || !ed.source || !ed.file) {
                    rc = CK_ENOMEM;
                    goto out;
                }
                if (strcmp(ed.status, "complete") && strcmp(ed.status, "excerpt") &&
                    strcmp(ed.status, "synthetic")) {
                    set_err(err, path, lineno, "unknown #status '%s'", ed.status);
                    rc = CK_ESYNTAX;
                    goto out;
                }
            } else if (strcmp(m.kind, "industry-codes") == 0) {
                kind = 2;
            } else if (strcmp(m.kind, "provincial-list") == 0) {
                kind = 3;
                if (m.province == NULL || strlen(m.province) != 2 ||
                    strspn(m.province, "0123456789") != 2 || m.name == NULL ||
                    !valid_date(m.date)) {
                    set_err(err, path, lineno,
                            "a provincial list needs #province (2 digits), #name and #date");
                    rc = CK_ESYNTAX;
                    goto out;
                }
                prov.province = take(&m.province);
                prov.name = take(&m.name);
                prov.date = take(&m.date);
                prov.status = ck_strdup(m.status ? m.status : "official");
                prov.file = ck_strdup(path);
                if (!prov.province || !prov.name || !prov.date || !prov.status || !prov.file) {
                    rc = CK_ENOMEM;
                    goto out;
                }
            } else if (strcmp(m.kind, "sei-classes") == 0) {
                kind = 4;
                sei.name = take(&m.name);
                sei.status = ck_strdup(m.status ? m.status : "official");
                sei.file = ck_strdup(path);
                if (!sei.name || !sei.status || !sei.file) {
                    rc = CK_ENOMEM;
                    goto out;
                }
            } else {
                set_err(err, path, lineno, "unknown #kind '%s'", m.kind);
                rc = CK_ESYNTAX;
                goto out;
            }
            hdr_line = line;
            n_hdr = split_tabs(hdr_line, hdr, MAX_COLS);
            const char *need = kind == 1 ? "text" : kind == 4 ? "gbt4754_class_code" : "code";
            if (col_index(hdr, n_hdr, need) < 0) {
                set_err(err, path, lineno, "the column header lacks '%s'", need);
                rc = CK_ESYNTAX;
                goto out;
            }
            continue;
        }
        if (kind == 1) {
            rc = add_edition_rows(&ed, line, hdr, n_hdr, lineno, path, err);
        } else if (kind == 2) {
            if (!codes_started) {
                /* a later code table replaces an earlier one (user over shipped) */
                codes_clear(cat);
                if ((cat->codes_file = ck_strdup(path)) == NULL) {
                    rc = CK_ENOMEM;
                    goto out;
                }
                codes_started = 1;
            }
            char *f[MAX_COLS];
            size_t n = split_tabs(line, f, MAX_COLS);
            rc = add_code(cat, field(f, n, col_index(hdr, n_hdr, "code")),
                          field(f, n, col_index(hdr, n_hdr, "name")), path, lineno, err);
        } else if (kind == 4) {
            rc = add_sei_row(&sei, line, hdr, n_hdr, path, lineno, err);
        } else {
            char *f[MAX_COLS];
            size_t n = split_tabs(line, f, MAX_COLS);
            const char *code = field(f, n, col_index(hdr, n_hdr, "code"));
            if (code[0] < 'A' || code[0] > 'T' || strlen(code) > 4 ||
                strspn(code + 1, "0123456789") != strlen(code) - 1) {
                set_err(err, path, lineno, "bad industry code '%s' in a provincial list", code);
                rc = CK_ESYNTAX;
            } else {
                if (ck_grow(&prov.codes, prov.n_codes + 1, sizeof *prov.codes) ||
                    (prov.codes[prov.n_codes++] = ck_strdup(code)) == NULL)
                    rc = CK_ENOMEM;
            }
        }
        if (rc != CK_OK)
            goto out;
    }
    if (hdr_line == NULL) {
        set_err(err, path, lineno, "no column header");
        rc = CK_ESYNTAX;
        goto out;
    }
    if (kind == 1) {
        ed.from_user = user;
        size_t i;
        for (i = 0; i < cat->n_editions; i++)
            if (strcmp(cat->editions[i].id, ed.id) == 0)
                break;
        if (i < cat->n_editions && cat->editions[i].from_user == user) {
            set_err(err, path, 0, "edition %s is also defined in this directory", ed.id);
            rc = CK_ESYNTAX;
            goto out;
        }
        if (i < cat->n_editions) {
            edition_fini(&cat->editions[i]);
        } else {
            if (ck_grow(&cat->editions, cat->n_editions + 1, sizeof *cat->editions)) {
                rc = CK_ENOMEM;
                goto out;
            }
            cat->n_editions++;
        }
        cat->editions[i] = ed;
        memset(&ed, 0, sizeof ed);
    } else if (kind == 3) {
        prov.from_user = user;
        size_t i;
        for (i = 0; i < cat->n_provinces; i++)
            if (strcmp(cat->provinces[i].province, prov.province) == 0)
                break;
        if (i < cat->n_provinces && cat->provinces[i].from_user == user) {
            set_err(err, path, 0, "province %s has another list in this directory",
                    prov.province);
            rc = CK_ESYNTAX;
            goto out;
        }
        if (i < cat->n_provinces) {
            province_fini(&cat->provinces[i]);
        } else {
            if (ck_grow(&cat->provinces, cat->n_provinces + 1, sizeof *cat->provinces)) {
                rc = CK_ENOMEM;
                goto out;
            }
            cat->n_provinces++;
        }
        cat->provinces[i] = prov;
        memset(&prov, 0, sizeof prov);
    } else if (kind == 4) {
        sei.from_user = user;
        if (cat->sei.file && cat->sei.from_user == user) {
            set_err(err, path, 0, "a strategic-emerging-industries table is also defined in "
                                  "this directory (%s)", cat->sei.file);
            rc = CK_ESYNTAX;
            goto out;
        }
        sei_clear(&cat->sei); /* the user's table replaces the shipped one */
        cat->sei = sei;
        memset(&sei, 0, sizeof sei);
    }
out:
    sei_clear(&sei);
    edition_fini(&ed);
    province_fini(&prov);
    meta_fini(&m);
    free(data);
    return rc;
}

/* ---- freezing ---- */

static int cmp_edition(const void *a, const void *b)
{
    const struct ck_catalog_edition *x = a, *y = b;
    int c = strcmp(x->effective, y->effective);
    return c ? c : strcmp(x->id, y->id);
}

static int cmp_code(const void *a, const void *b)
{
    return strcmp(((const struct ck_catalog_code *)a)->code,
                  ((const struct ck_catalog_code *)b)->code);
}

static int cmp_province(const void *a, const void *b)
{
    return strcmp(((const struct ck_catalog_province *)a)->province,
                  ((const struct ck_catalog_province *)b)->province);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int ck_catalog_freeze(struct ck_catalog *cat, char **err)
{
    if (cat->n_editions > 1)
        qsort(cat->editions, cat->n_editions, sizeof *cat->editions, cmp_edition);
    if (cat->n_codes > 1)
        qsort(cat->codes, cat->n_codes, sizeof *cat->codes, cmp_code);
    for (size_t i = 1; i < cat->n_codes; i++)
        if (strcmp(cat->codes[i - 1].code, cat->codes[i].code) == 0) {
            set_err(err, cat->codes_file, 0, "industry code %s is listed twice",
                    cat->codes[i].code);
            return CK_ESYNTAX;
        }
    if (cat->n_provinces > 1)
        qsort(cat->provinces, cat->n_provinces, sizeof *cat->provinces, cmp_province);
    for (size_t i = 0; i < cat->n_provinces; i++)
        if (cat->provinces[i].n_codes > 1)
            qsort(cat->provinces[i].codes, cat->provinces[i].n_codes, sizeof(char *), cmp_str);
    uint64_t h = 14695981039346656037ULL;
    struct ck_buf v;
    ck_buf_init(&v);
    for (size_t i = 0; i < cat->n_editions; i++) {
        struct ck_catalog_edition *ed = &cat->editions[i];
        for (size_t j = 0; j < ed->n_entries; j++) {
            for (size_t k = 0; k < j; k++)
                if (strcmp(ed->entries[k].key, ed->entries[j].key) == 0) {
                    set_err(err, ed->file, ed->entries[j].line, "duplicate entry %s",
                            ed->entries[j].key);
                    ck_buf_fini(&v);
                    return CK_ESYNTAX;
                }
            ck_catalog_entry_index(&ed->entries[j]);
            h = fnv1a(h, ed->entries[j].key, strlen(ed->entries[j].key) + 1);
            h = fnv1a(h, ed->entries[j].text, strlen(ed->entries[j].text) + 1);
            h = fnv1a(h, ed->entries[j].reading, strlen(ed->entries[j].reading) + 1);
        }
        ck_catalog_edition_index(ed);
        ck_catalog_edition_explain(ed);
        h = fnv1a(h, ed->effective, strlen(ed->effective) + 1);
        ck_buf_printf(&v, "%s%s:%s(%zu)", v.len ? "+" : "", ed->id, ed->status, ed->n_entries);
    }
    for (size_t i = 0; i < cat->n_codes; i++) {
        h = fnv1a(h, cat->codes[i].code, strlen(cat->codes[i].code) + 1);
        h = fnv1a(h, cat->codes[i].name, strlen(cat->codes[i].name) + 1);
    }
    ck_buf_printf(&v, "%sgbt4754:%zu", v.len ? "+" : "", cat->n_codes);
    for (size_t i = 0; i < cat->n_provinces; i++) {
        struct ck_catalog_province *p = &cat->provinces[i];
        h = fnv1a(h, p->province, 3);
        h = fnv1a(h, p->date, strlen(p->date) + 1);
        for (size_t j = 0; j < p->n_codes; j++)
            h = fnv1a(h, p->codes[j], strlen(p->codes[j]) + 1);
        ck_buf_printf(&v, "+prov%s:%s", p->province, p->date);
    }
    if (cat->sei.n_classes > 1)
        qsort(cat->sei.classes, cat->sei.n_classes, sizeof *cat->sei.classes, cmp_code);
    for (size_t i = 0; i < cat->sei.n_classes; i++)
        h = fnv1a(h, cat->sei.classes[i].code, strlen(cat->sei.classes[i].code) + 1);
    if (cat->sei.file)
        ck_buf_printf(&v, "+sei:%zu", cat->sei.n_classes);
    ck_buf_printf(&v, ";h=%016llx", (unsigned long long)h);
    free(cat->version);
    cat->version = ck_buf_take(&v);
    return cat->version && !ck_mem_failed() ? CK_OK : CK_ENOMEM;
}

/* ---- loading ---- */

char *ck_catalog_user_dir(const char *given)
{
    /* The library reads no environment: the CLI resolves the default user
     * directory ($FUNDCHECK_CATALOG_DIR, XDG) and passes it in. */
    return ck_strdup(given ? given : "");
}

static int load_dir(struct ck_catalog *cat, const char *dir, int user, char **err)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        if (errno == ENOENT || errno == ENOTDIR)
            return CK_OK; /* a missing directory holds nothing */
        set_err(err, dir, 0, "cannot open directory: %s", strerror(errno));
        return CK_EIO;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t len = strlen(de->d_name);
        if (de->d_name[0] == '.' || len < 5 || strcmp(de->d_name + len - 4, ".tsv") != 0)
            continue;
        if (ck_grow(&names, n + 1, sizeof *names) || (names[n++] = ck_strdup(de->d_name)) == NULL) {
            closedir(d);
            while (n > 0)
                free(names[--n]);
            free(names);
            return CK_ENOMEM;
        }
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof *names, cmp_str);
    int rc = CK_OK;
    for (size_t i = 0; i < n; i++) {
        if (rc == CK_OK) {
            struct ck_buf path;
            ck_buf_init(&path);
            ck_buf_printf(&path, "%s/%s", dir, names[i]);
            rc = ck_catalog_load_file(cat, ck_buf_str(&path), user, err);
            ck_buf_fini(&path);
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

int ck_catalog_load(const char *shipped_dir, const char *user_dir, struct ck_catalog **out,
                    char **err)
{
    *out = NULL;
    if (err)
        *err = NULL;
    struct ck_catalog *cat = ck_calloc(1, sizeof *cat);
    if (cat == NULL)
        return CK_ENOMEM;
    cat->user_dir = ck_catalog_user_dir(user_dir);
    int rc = cat->user_dir ? CK_OK : CK_ENOMEM;
    if (rc == CK_OK && shipped_dir && *shipped_dir)
        rc = load_dir(cat, shipped_dir, 0, err);
    if (rc == CK_OK && *cat->user_dir && (shipped_dir == NULL ||
                                           strcmp(cat->user_dir, shipped_dir) != 0))
        rc = load_dir(cat, cat->user_dir, 1, err);
    if (rc == CK_OK)
        rc = ck_catalog_freeze(cat, err);
    if (rc != CK_OK) {
        ck_catalog_free(cat);
        return rc;
    }
    *out = cat;
    return CK_OK;
}

const char *ck_catalog_version(const struct ck_catalog *cat)
{
    return cat && cat->version ? cat->version : "none";
}

/* ---- lookups ---- */

const struct ck_catalog_edition *ck_catalog_edition(const struct ck_catalog *cat, const char *id)
{
    if (cat == NULL || id == NULL)
        return NULL;
    for (size_t i = 0; i < cat->n_editions; i++)
        if (strcmp(cat->editions[i].id, id) == 0)
            return &cat->editions[i];
    return NULL;
}

const struct ck_catalog_edition *ck_catalog_edition_at(const struct ck_catalog *cat,
                                                       const char *date)
{
    if (cat == NULL || !valid_date(date))
        return NULL;
    const struct ck_catalog_edition *best = NULL;
    for (size_t i = 0; i < cat->n_editions; i++)
        if (strcmp(cat->editions[i].effective, date) <= 0)
            best = &cat->editions[i]; /* sorted by effective date */
    return best;
}

const char *ck_catalog_official_edition_at(const char *date)
{
    /* Editions of 《产业结构调整指导目录》 and the dates they took effect (team
     * knowledge; each replaced the previous one on that date). */
    static const struct {
        const char *id, *effective;
    } official[] = {
        {"2005", "2005-12-02"},
        {"2011", "2011-06-01"},
        {"2019", "2020-01-01"},
        {"2024", "2024-02-01"},
    };
    const char *best = "";
    if (!valid_date(date))
        return best;
    for (size_t i = 0; i < CK_ARRAY_LEN(official); i++)
        if (strcmp(official[i].effective, date) <= 0)
            best = official[i].id;
    return best;
}

const struct ck_catalog_entry *ck_catalog_entry_by_key(const struct ck_catalog *cat,
                                                       const char *key)
{
    if (cat == NULL || key == NULL)
        return NULL;
    const char *slash = strchr(key, '/');
    if (slash == NULL)
        return NULL;
    for (size_t i = 0; i < cat->n_editions; i++) {
        const struct ck_catalog_edition *ed = &cat->editions[i];
        if (strlen(ed->id) != (size_t)(slash - key) || strncmp(ed->id, key, strlen(ed->id)))
            continue;
        for (size_t j = 0; j < ed->n_entries; j++)
            if (strcmp(ed->entries[j].key, key) == 0)
                return &ed->entries[j];
    }
    return NULL;
}

/* Splits "一（二）", "一(二)", "一/二" into sector and sub. */
static void split_sector(const char *s, char *sec, size_t sec_cap, char *sub, size_t sub_cap)
{
    sec[0] = sub[0] = '\0';
    if (s == NULL)
        return;
    const char *open = NULL;
    size_t open_len = 0;
    const char *q;
    if ((q = strstr(s, "（")) != NULL) {
        open = q;
        open_len = 3;
    } else if ((q = strchr(s, '(')) != NULL) {
        open = q;
        open_len = 1;
    } else if ((q = strchr(s, '/')) != NULL) {
        open = q;
        open_len = 1;
    }
    size_t sl = open ? (size_t)(open - s) : strlen(s);
    if (sl >= sec_cap)
        sl = sec_cap - 1;
    memcpy(sec, s, sl);
    sec[sl] = '\0';
    if (open) {
        const char *b = open + open_len;
        size_t bl = strlen(b);
        if (bl >= 3 && strcmp(b + bl - 3, "）") == 0)
            bl -= 3;
        else if (bl >= 1 && b[bl - 1] == ')')
            bl -= 1;
        if (bl >= sub_cap)
            bl = sub_cap - 1;
        memcpy(sub, b, bl);
        sub[bl] = '\0';
    }
}

const struct ck_catalog_entry *ck_catalog_find(const struct ck_catalog_edition *ed, int cls,
                                               const char *sector, const char *item)
{
    if (ed == NULL || item == NULL)
        return NULL;
    char sec[128], sub[128];
    split_sector(sector, sec, sizeof sec, sub, sizeof sub);
    const struct ck_catalog_entry *found = NULL;
    int n_found = 0;
    for (size_t i = 0; i < ed->n_entries; i++) {
        const struct ck_catalog_entry *e = &ed->entries[i];
        if (e->cls != cls || strcmp(e->item_no, item) != 0)
            continue;
        const char *name = e->sector_name;
        if (strncmp(name, "[inferred] ", 11) == 0)
            name += 11;
        if (strcmp(e->sector_no, sec) != 0 && strcmp(name, sec) != 0)
            continue;
        if (*sub && strcmp(e->sub_no, sub) != 0)
            continue;
        found = e;
        n_found++;
    }
    return n_found == 1 ? found : NULL;
}

/* ---- industry codes ---- */

static const struct ck_catalog_code *code_lookup(const struct ck_catalog *cat, const char *code)
{
    struct ck_catalog_code key = {(char *)(uintptr_t)code, NULL};
    if (cat == NULL || cat->n_codes == 0)
        return NULL;
    return bsearch(&key, cat->codes, cat->n_codes, sizeof *cat->codes, cmp_code);
}

const char *ck_catalog_code_problem(const struct ck_catalog *cat, const char *code)
{
    if (code == NULL || *code == '\0')
        return "empty industry code";
    size_t len = strlen(code);
    if (code[0] < 'A' || code[0] > 'T')
        return "the section letter must be A-T";
    if (len > 5 || strspn(code + 1, "0123456789") != len - 1)
        return "expected a section letter and 2, 3 or 4 digits";
    if (len == 2)
        return "a division needs 2 digits";
    if (len >= 3) {
        int div = (code[1] - '0') * 10 + (code[2] - '0');
        char sec = section_of_division(div);
        if (sec == 0)
            return "no such division in GB/T 4754-2017";
        if (sec != code[0])
            return "the division does not belong to this section";
    }
    if (cat && cat->n_codes) {
        if (len <= 3 && code_lookup(cat, code) == NULL)
            return "no such code in GB/T 4754-2017";
        if (len > 3 && cat->codes_full && code_lookup(cat, code) == NULL)
            return "no such code in GB/T 4754-2017";
    }
    return NULL;
}

const char *ck_catalog_code_name(const struct ck_catalog *cat, const char *code)
{
    char buf[8];
    size_t len = code ? strlen(code) : 0;
    if (len == 0 || len > 5)
        return "";
    for (size_t l = len; l >= 1; l--) {
        if (l == 2)
            continue;
        memcpy(buf, code, l);
        buf[l] = '\0';
        const struct ck_catalog_code *c = code_lookup(cat, buf);
        if (c)
            return c->name;
    }
    return "";
}

const struct ck_catalog_province *ck_catalog_province(const struct ck_catalog *cat,
                                                      const char *region)
{
    if (cat == NULL || region == NULL || strlen(region) < 2)
        return NULL;
    for (size_t i = 0; i < cat->n_provinces; i++)
        if (strncmp(cat->provinces[i].province, region, 2) == 0)
            return &cat->provinces[i];
    return NULL;
}

int ck_catalog_province_allows(const struct ck_catalog_province *p, const char *code)
{
    if (p == NULL || code == NULL)
        return 0;
    size_t len = strlen(code);
    for (size_t i = 0; i < p->n_codes; i++) {
        size_t pl = strlen(p->codes[i]);
        if (pl <= len && strncmp(p->codes[i], code, pl) == 0)
            return 1;
    }
    return 0;
}

/* ---- class definitions (quoted only from catalog-sources/isac-2024-preamble.md) ---- */

const char *ck_catalog_class_definition(int cls)
{
    switch (cls) {
    case CK_CATALOG_ENCOURAGED:
        return "鼓励类主要是对经济社会发展有重要促进作用的技术、装备及产品";
    case CK_CATALOG_RESTRICTED:
        return "对属于限制类的新建项目,禁止投资。……对属于限制类的现有生产能力,允许企业在一定期限"
               "内采取措施改造升级,金融机构按信贷原则继续给予支持。";
    case CK_CATALOG_ELIMINATED:
        return "淘汰类主要是不符合有关法律法规规定,严重浪费资源、污染环境,安全生产隐患严重,阻碍实现"
               "碳达峰碳中和目标,需要淘汰的落后工艺技术、装备及产品";
    default:
        return "";
    }
}

const char *ck_catalog_class_definition_source(int cls)
{
    if (cls == CK_CATALOG_RESTRICTED)
        return "《产业结构调整指导目录（2024年本）》第二类 限制类 说明 "
               "(http://m.jianbiaoku.com/webarbs/book/26482/4859777.shtml)";
    return "《产业结构调整指导目录（2024年本）》说明，转引自 http://abrasives.org.cn/news/41783.html "
           "(secondary quotation)";
}

char *ck_catalog_next_line(char **cursor)
{
    char *line = *cursor;
    if (line == NULL)
        return NULL;
    char *nl = strchr(line, '\n');
    if (nl) {
        *nl = '\0';
        *cursor = nl + 1;
    } else {
        *cursor = NULL;
        nl = line + strlen(line);
    }
    if (nl > line && nl[-1] == '\r')
        nl[-1] = '\0';
    return line;
}
