/* SPDX-License-Identifier: MIT */
#ifndef CK_CATALOG_H
#define CK_CATALOG_H
/*
 * The industry catalogue: editions of 《产业结构调整指导目录》, the GB/T
 * 4754-2017 industry codes and provincial lists (省级清单), loaded once from
 * the shipped catalogue directory and the user's catalogue directory, then
 * frozen and read concurrently by every worker.
 *
 * Modules (each catalog*.c has one job):
 *   catalog.c        load the project's TSV format, editions, lookups, codes, lists
 *   catalog_index.c  text normalisation, character-bigram index, BM25 ranking,
 *                    除外/不含 exclusions, explanations
 *   catalog_import.c read an official edition (text layout or TSV), anomalies,
 *                    write it in the project's format
 *   catalog_cli.c    `fundcheck catalog import|stats|show|search|list|eval`
 *   catalog_xpath.c  the fc:catalog-*, fc:industry-*, fc:provincial-* functions
 *
 * The file format is described in catalogs/README.md, the functions and the
 * matching method for users in docs/catalog.md. Everything a ck_catalog holds
 * is owned by it and released by ck_catalog_free; pointers into it returned by
 * the functions below are borrowed and stay valid until then.
 */
#include "buf.h"

#include <stddef.h>
#include <stdint.h>

struct ck_catalog;

/* ---- public interface (used by main/eval) ---- */

/* Loads the shipped catalogue dir (catalogs/ of the data root) plus the user
 * catalogue dir (may be NULL: then $FUNDCHECK_CATALOG_DIR, else
 * $XDG_DATA_HOME/fundcheck/catalogs, else ~/.local/share/fundcheck/catalogs; a
 * missing user dir is fine). An edition in the user dir replaces the shipped
 * edition with the same id. On error returns non-zero (a ck_status) and
 * writes "file:line: reason" into *err (malloc'd, caller frees). */
int ck_catalog_load(const char *shipped_dir, const char *user_dir, struct ck_catalog **out,
                    char **err);
void ck_catalog_free(struct ck_catalog *cat);
/* A short stable string identifying the loaded data (editions + content hash). */
const char *ck_catalog_version(const struct ck_catalog *cat);
/* Registers the fc:catalog-* XPath functions on an xmlXPathContextPtr. */
int ck_catalog_register_xpath(void *xpath_context);
/* `fundcheck catalog SUBCOMMAND ...`: argv[0] is "catalog". Returns the exit code. */
int ck_catalog_main(int argc, char **argv, const char *shipped_dir);

/* ---- shared by the catalog*.c modules and the unit tests ---- */

enum ck_catalog_class {
    CK_CATALOG_ENCOURAGED,
    CK_CATALOG_RESTRICTED,
    CK_CATALOG_ELIMINATED,
    CK_CATALOG_CLASS_COUNT,
};
/* For ck_catalog_rank: restricted or eliminated. */
#define CK_CATALOG_ADVERSE CK_CATALOG_CLASS_COUNT

/* "encouraged"/"restricted"/"eliminated"; the Chinese names 鼓励类/限制类/淘汰类. */
const char *ck_catalog_class_name(int cls);
const char *ck_catalog_class_zh(int cls);
/* Parses an English or Chinese class name ("restricted", "限制类", "限制"); -1 if none. */
int ck_catalog_class_parse(const char *s);

/* Cuts the next line out of a writable buffer for the catalogue readers:
 * returns it NUL-terminated without its "\n" or "\r\n" and advances *cursor
 * (NULL after the last line); returns NULL once *cursor is NULL. */
char *ck_catalog_next_line(char **cursor);

/* A sorted set of character bigrams (two code points packed in 42 bits). */
struct ck_catalog_terms {
    uint64_t *t; /* owned; sorted ascending, unique */
    uint32_t *tf; /* owned; occurrences of t[i] (may be NULL for pure sets) */
    size_t n;
    size_t len; /* total bigrams counted (document length) */
};

struct ck_catalog_entry {
    char *key;         /* owned; "2024/restricted/一/2" or "2024/eliminated/一/二/3" */
    int cls;           /* enum ck_catalog_class */
    char *sector_no;   /* owned; "一", or "" when the source printed none */
    char *sector_name; /* owned */
    char *sub_no;      /* owned; "" or the （一） sub-heading numeral */
    char *sub_name;    /* owned */
    char *item_no;     /* owned; "2" */
    char *text;        /* owned; wording as the source prints it */
    char *reading;     /* owned; "" or the team's normalised reading used for matching */
    char *source;      /* owned; source address, "synthetic" or the import file */
    int line;          /* line in the catalogue file */
    struct ck_catalog_terms pos;   /* terms of the text outside 除外/不含 clauses */
    struct ck_catalog_terms *excl; /* owned; one set per exclusion alternative */
    char **excl_text;              /* owned; the alternatives' text */
    size_t n_excl;
    double norm;                   /* Σ idf over pos (for the coverage score) */
    double lnorm;                  /* BM25 length normalisation k1·(1 - b + b·len/avglen) */
};

struct ck_catalog_edition {
    char *id;        /* owned; "2024" */
    char *effective; /* owned; "2024-02-01" */
    char *status;    /* owned; "complete" · "excerpt" · "synthetic" */
    char *title;     /* owned */
    char *source;    /* owned */
    char *file;      /* owned; the file it was loaded from */
    int from_user;   /* 1 when loaded from the user catalogue dir */
    struct ck_catalog_entry *entries; /* owned */
    size_t n_entries;
    /* the index: vocabulary with document frequencies */
    uint64_t *vocab;  /* owned; sorted */
    uint32_t *df;     /* owned */
    double *idf;      /* owned */
    size_t n_vocab;
    double avgdl;
    double idf_max;   /* largest idf of the vocabulary */
    /* postings: the entries holding vocab[v] are post[post_off[v] .. post_off[v+1]) */
    size_t *post_off; /* owned; n_vocab + 1 */
    uint32_t *post;   /* owned; entry indices, ascending */
    uint32_t *post_tf; /* owned; the term's frequency in that entry */
    /* owned; the explanation fc:catalog-edition-at gives, per enum ck_lang,
     * written once at freeze (ck_catalog_edition_explain) */
    char *explain[2];
};

/* Writes ed->explain[] (catalog_xpath.c words it). */
void ck_catalog_edition_explain(struct ck_catalog_edition *ed);

struct ck_catalog_code {
    char *code;  /* owned; "C", "C39", "C391", "C3911" (section letter always prefixed) */
    char *name;  /* owned */
};

struct ck_catalog_province {
    char *province; /* owned; 2-digit GB/T 2260 prefix, "44" */
    char *name;     /* owned; the list's name */
    char *date;     /* owned; its date */
    char *status;   /* owned; "official" · "sample" */
    char *file;     /* owned */
    int from_user;
    char **codes;   /* owned; sorted; "C", "C39" or "C391" */
    size_t n_codes;
};

/* The strategic-emerging-industries table (战略性新兴产业分类): which GB/T 4754
 * classes it maps (#kind sei-classes). One table is in force: a user table
 * replaces the shipped one. */
struct ck_catalog_sei {
    char *file;     /* owned; NULL when no table is loaded */
    char *name;     /* owned; #name */
    char *status;   /* owned; "official" · "derived" · "sample" */
    int from_user;
    size_t n_rows;  /* rows read (one per category and class) */
    struct ck_catalog_code *classes; /* owned; sorted, unique; name = first level-1 category */
    size_t n_classes;
};

struct ck_catalog {
    struct ck_catalog_edition *editions; /* owned; sorted by effective date */
    size_t n_editions;
    struct ck_catalog_code *codes; /* owned; sorted by code */
    size_t n_codes;
    int codes_full;     /* 1 when groups and classes are loaded (full table imported) */
    char *codes_file;   /* owned */
    struct ck_catalog_province *provinces; /* owned; sorted by province */
    size_t n_provinces;
    struct ck_catalog_sei sei; /* sei.file NULL when none is loaded */
    char *version;      /* owned */
    char *user_dir;     /* owned; resolved user dir ("" if none) */
};

/* The level-1 category of the strategic-emerging-industries table that maps
 * the class-level code ("C3911"), or NULL when the code is not a class of the
 * loaded table (or coarser than a class, or no table is loaded). */
const char *ck_catalog_sei_class(const struct ck_catalog *cat, const char *code);

/* The class definition or legal consequence, quoted from the catalogue's preamble (static),
 * and where the quotation comes from. */
const char *ck_catalog_class_definition(int cls);
const char *ck_catalog_class_definition_source(int cls);

/* Resolves the user catalogue dir (see ck_catalog_load); returns malloc'd, "" if none. */
char *ck_catalog_user_dir(const char *given);

/* Loads one file in the project's format into cat (used by load and import checks). */
int ck_catalog_load_file(struct ck_catalog *cat, const char *path, int user, char **err);
/* Sorts, indexes, checks for duplicates and computes the version string. */
int ck_catalog_freeze(struct ck_catalog *cat, char **err);

/* Editions and entries. All return borrowed pointers or NULL. */
const struct ck_catalog_edition *ck_catalog_edition(const struct ck_catalog *cat, const char *id);
/* The edition in force on date "YYYY-MM-DD": greatest effective <= date. */
const struct ck_catalog_edition *ck_catalog_edition_at(const struct ck_catalog *cat,
                                                       const char *date);
/* The official edition in force on date per the built-in table (static), "" if none. */
const char *ck_catalog_official_edition_at(const char *date);
const struct ck_catalog_entry *ck_catalog_entry_by_key(const struct ck_catalog *cat,
                                                       const char *key);
/* Looks up (class, sector, item) in an edition. sector may be "一", "一（二）", "一/二";
 * an empty sub matches a unique entry in any sub-section. */
const struct ck_catalog_entry *ck_catalog_find(const struct ck_catalog_edition *ed, int cls,
                                               const char *sector, const char *item);

/* Industry codes (GB/T 4754-2017) and provincial lists. */
/* Returns NULL when code is valid, else a static reason (English). */
const char *ck_catalog_code_problem(const struct ck_catalog *cat, const char *code);
/* Name of the longest known prefix of code ("" if none). */
const char *ck_catalog_code_name(const struct ck_catalog *cat, const char *code);
const struct ck_catalog_province *ck_catalog_province(const struct ck_catalog *cat,
                                                      const char *region);
/* 1 if the list admits code, 0 if not. */
int ck_catalog_province_allows(const struct ck_catalog_province *p, const char *code);

/* ---- text, index and ranking (catalog_index.c) ---- */

/* Appends the bigrams of text to terms (unsorted; call ck_catalog_terms_finish). */
void ck_catalog_terms_add(struct ck_catalog_terms *terms, const char *text);
/* Sorts and merges equal terms (counting tf). */
void ck_catalog_terms_finish(struct ck_catalog_terms *terms);
void ck_catalog_terms_fini(struct ck_catalog_terms *terms);
/* Formats one bigram as UTF-8 into out (at least 9 bytes). */
void ck_catalog_term_str(uint64_t term, char *out);
/* Splits entry text into its positive part and 除外/不含 alternatives, and fills
 * e->pos, e->excl*. */
void ck_catalog_entry_index(struct ck_catalog_entry *e);
/* Builds the edition's vocabulary, df, idf, avgdl and each entry's norm. */
void ck_catalog_edition_index(struct ck_catalog_edition *ed);

struct ck_catalog_match {
    const struct ck_catalog_entry *entry; /* borrowed */
    double score;   /* 0..1: see catalog_index.c (1 = strong match) */
    double bm25;    /* BM25 of the entry for the text (ranking) */
    int excluded;   /* 1 when a 除外/不含 alternative matched: score forced to 0 */
    size_t excl_index; /* which alternative */
};

/* Scores one entry against text. */
void ck_catalog_score(const struct ck_catalog_edition *ed, const struct ck_catalog_entry *e,
                      const struct ck_catalog_terms *query, struct ck_catalog_match *out);
/* Ranks the entries of ed (of class cls, all when cls < 0, restricted and eliminated when
 * cls == CK_CATALOG_ADVERSE) against text; fills up to k matches best first (deterministic:
 * bm25, score, then file order); returns the count. Only entries sharing a term with the
 * text are candidates (found through the postings). Candidates taken out by a 除外/不含
 * clause are not ranked; when excluded is not NULL, up to k_excl of them are stored there
 * (file order) and *n_excluded is set. */
size_t ck_catalog_rank(const struct ck_catalog_edition *ed, int cls, const char *text,
                       struct ck_catalog_match *out, size_t k, struct ck_catalog_match *excluded,
                       size_t k_excl, size_t *n_excluded);
/* Appends the matched terms, merged into phrases where they are adjacent in text, each
 * with its idf ("松香生产(7.1) 项目(2.3)"); with_weights 0 gives "松香生产、项目". */
void ck_catalog_explain_terms(struct ck_buf *b, const struct ck_catalog_edition *ed,
                              const struct ck_catalog_entry *e, const char *text,
                              int with_weights);

/* ---- import (catalog_import.c) ---- */

struct ck_catalog_import_opts {
    const char *edition;   /* "2024" (required) */
    const char *effective; /* "2024-02-01" (required) */
    const char *status;    /* "complete" (default) · "excerpt" · "synthetic" */
    const char *title;     /* optional */
    const char *source;    /* default source of each entry (default: the file name) */
};

/* Parses path (official text layout or TSV, detected) into a new edition written in the
 * project's format to out (a struct ck_buf); the report (counts per class and sector,
 * anomalies with line numbers) goes to report, in lang ("zh"/"en").
 * Returns CK_OK, CK_EIO, or CK_ESYNTAX when no entry could be read. *n_anomalies is set. */
int ck_catalog_import(const char *path, const struct ck_catalog_import_opts *opts,
                      const char *lang, struct ck_buf *out, struct ck_buf *report,
                      size_t *n_anomalies);

#endif
