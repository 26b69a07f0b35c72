/* SPDX-License-Identifier: MIT */
#ifndef CK_RULES_H
#define CK_RULES_H
/*
 * The rule set: every .xml file in rules/, validated against the rule schema,
 * turned into struct ck_rule records. Loading checks everything it can up
 * front (schema, ids, categories, regex syntax, XPath syntax, unknown
 * functions) and reports each problem as "file:line: message"; one bad rule
 * fails the load (exit 3). After ck_rules_load the set is frozen: workers
 * share it read-only. XPath expressions are kept as source strings indexed
 * by number; each evaluator compiles its own copies (see eval.h).
 */
#include "fundcheck.h"
#include "regex.h"

#include <libxml/tree.h>
#include <stddef.h>

/* enum ck_severity and enum ck_lang are the public header's. */
/* "notice" / "warning" / "violation"; -1 when s is none of them. */
int ck_severity_parse(const char *s);
const char *ck_severity_name(int sev);
/* Localised severity label: 违规/警告/提示 or violation/warning/notice. */
const char *ck_severity_label(int sev, int lang);
/* 1 if s is one of the output contract's categories. */
int ck_category_valid(const char *s);
/* The fixed category list, NULL-terminated. */
extern const char *const ck_categories[];

/* A message template: literal text and {XPATH} parts. */
struct ck_tpart {
    char *text; /* owned; literal text, or NULL for an expression part */
    int expr;   /* index into ruleset->exprs, or -1 */
};
struct ck_template {
    struct ck_tpart *parts; /* owned */
    size_t n_parts;
};

struct ck_basis {
    char *document; /* owned; without 《》 */
    char *article;  /* owned */
    char *text;     /* owned; the original wording, or a summary of it */
    int summary;    /* 1: text is a summary (summary="true"), not a quotation */
};

struct ck_evidence_spec {
    char *field; /* owned; label naming the field */
    int expr;
};

struct ck_signal {
    char *id;               /* owned */
    double weight;
    char *label[CK_LANG_COUNT]; /* owned */
    int expr;                   /* boolean */
    int evidence_expr;          /* optional string expression, -1 if none */
};

struct ck_grade {
    double min;
    int severity;
};

struct ck_example {
    int must_fire;   /* 1 for <trigger>, 0 for <pass> */
    char *name;      /* owned; may be "" */
    xmlNodePtr node; /* borrowed from ruleset->docs: the <trigger>/<pass> element */
    long line;
};

struct ck_rule {
    char *id;       /* owned */
    char *category; /* owned */
    int severity;   /* default severity */
    char *title[CK_LANG_COUNT];       /* owned */
    char *explanation[CK_LANG_COUNT]; /* owned; may be NULL */
    struct ck_template message[CK_LANG_COUNT];
    struct ck_basis *basis; /* owned array */
    size_t n_basis;
    int context_expr;   /* node-set */
    int condition_expr; /* boolean; -1 when the rule uses signals */
    struct ck_evidence_spec *evidence;
    size_t n_evidence;
    struct ck_signal *signals;
    size_t n_signals;
    struct ck_grade *grades; /* sorted by min, descending */
    size_t n_grades;
    struct ck_example *examples;
    size_t n_examples;
    /* Look-through rules (<lookthrough categories="…"/>) have no context: the
     * look-through pass uses their metadata for findings it derives. */
    int lookthrough;
    char *lookthrough_categories; /* owned; space-separated */
    char *file;                   /* owned */
    long line;
    char *basis_text; /* owned; ck_rules_basis_text's result, built once at load */
};

struct ck_expr {
    char *source; /* owned; XPath 1.0 text */
    const char *file; /* borrowed from the rule */
    long line;
};

struct ck_ruleset {
    struct ck_rule *rules; /* owned; sorted by id */
    size_t n_rules;
    struct ck_regex *regexes; /* owned; sorted by id */
    size_t n_regexes;
    struct ck_prefilter *prefilter; /* owned; the regexes' literal atoms */
    size_t n_patterns, n_prefiltered; /* patterns (with unless) and those with atoms */
    struct ck_expr *exprs; /* owned */
    size_t n_exprs;
    xmlDocPtr *docs; /* owned; the parsed rule files (examples point into them) */
    size_t n_docs;
    char version[32]; /* hash of the rule files' bytes, hex */
};

/* Loads every *.xml in rules_dir (sorted by name), validating each against
 * schema_path. On failure returns CK_ESYNTAX (or CK_EIO) and *errors holds
 * one "file:line: message" line per problem (owned by the caller, free());
 * on success *errors is NULL. The caller frees *out with ck_rules_free. */
int ck_rules_load(const char *rules_dir, const char *schema_path, struct ck_ruleset **out,
                  char **errors);
void ck_rules_free(struct ck_ruleset *rs);

const struct ck_rule *ck_rules_find(const struct ck_ruleset *rs, const char *id);
const struct ck_regex *ck_rules_regex(const struct ck_ruleset *rs, const char *id);
/* 1 if id is a rule id or a category name. */
int ck_rules_known(const struct ck_ruleset *rs, const char *id);

/* Appends 《document》article：「text」 for every basis of the rule, joined by
 * "；"; a summary is written 《document》article（要点）：text, without 「」. */
struct ck_buf;
void ck_rules_basis_text(const struct ck_rule *r, struct ck_buf *out);
/* One basis, as above (English marks a summary "(summary)"). */
void ck_basis_format(const struct ck_basis *b, int lang, struct ck_buf *out);
/* All of them in a language. */
void ck_rules_basis_text_lang(const struct ck_rule *r, int lang, struct ck_buf *out);

#endif
