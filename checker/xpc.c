/* SPDX-License-Identifier: MIT */
/*
 * Compiled XPath (see xpc.h). Parsing follows the XPath 1.0 grammar by
 * recursive descent into a tree; evaluation walks the tree with values that
 * live in a per-vm arena, reset at the start of every top-level evaluation.
 * The comparison and conversion rules below are those of XPath 1.0 §3.4 as
 * libxml2 implements them (xmlXPathEqualValues, xmlXPathCompareValues);
 * string↔number conversions call libxml2's own cast functions.
 */
#include "xpc.h"

#include "mem.h"

#include <libxml/xpathInternals.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- tree ---- */

enum op {
    OP_OR, OP_AND, OP_EQ, OP_NE, OP_LT, OP_GT, OP_LE, OP_GE,
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD, OP_NEG, OP_UNION,
    OP_PATH, OP_STR, OP_NUM, OP_VAR, OP_CALL,
};

enum axis { AX_CHILD, AX_ATTR, AX_SELF, AX_PARENT, AX_ANCESTOR, AX_ANCESTOR_SELF };

enum native { FN_EXT = 0, FN_NOT, FN_TRUE, FN_FALSE, FN_BOOLEAN, FN_STRING, FN_NUMBER };

struct xn;

struct step {
    enum axis axis;
    char *name;      /* owned; NULL: any node (only for '.', '..') */
    const char *uri; /* borrowed from the context's namespace table; NULL: no namespace */
    struct xn **preds; /* owned */
    size_t n_preds;
};

struct xn {
    enum op op;
    struct xn *a, *b; /* owned operands */
    /* OP_PATH */
    int absolute;
    struct step *steps; /* owned */
    size_t n_steps;
    /* OP_STR / OP_NUM / OP_VAR */
    char *s; /* owned */
    double num;
    size_t var;
    /* OP_CALL */
    enum native native;
    xmlXPathFunction fn;
    struct xn **args; /* owned */
    size_t n_args;
};

struct ck_xpc {
    struct xn *root;
};

static void xn_free(struct xn *n)
{
    if (n == NULL)
        return;
    xn_free(n->a);
    xn_free(n->b);
    for (size_t i = 0; i < n->n_steps; i++) {
        free(n->steps[i].name);
        for (size_t j = 0; j < n->steps[i].n_preds; j++)
            xn_free(n->steps[i].preds[j]);
        free(n->steps[i].preds);
    }
    free(n->steps);
    free(n->s);
    for (size_t i = 0; i < n->n_args; i++)
        xn_free(n->args[i]);
    free(n->args);
    free(n);
}

void ck_xpc_free(struct ck_xpc *x)
{
    if (x == NULL)
        return;
    xn_free(x->root);
    free(x);
}

/* ---- lexer ---- */

enum tok {
    T_END, T_ERR, T_NAME, T_STR, T_NUM, T_VAR, T_SLASH, T_DSLASH, T_LP, T_RP, T_LB, T_RB,
    T_DOT, T_DDOT, T_AT, T_COMMA, T_BAR, T_PLUS, T_MINUS, T_STAR, T_EQ, T_NE, T_LT, T_LE,
    T_GT, T_GE, T_AND, T_OR, T_DIV, T_MOD, T_AXIS,
};

struct parser {
    const char *p;
    enum tok t;     /* current token */
    enum tok prev;  /* the token before it */
    char *text;     /* owned; name, literal, variable or axis name */
    double num;
    int fail;
    xmlXPathContextPtr ctx;
    const char *const *vars;
    size_t n_vars;
};

static int ncname_start(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static int ncname_char(unsigned char c)
{
    return ncname_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

/* Whether a name or '*' here is an operator (XPath 1.0 §3.7). */
static int operator_position(enum tok prev)
{
    switch (prev) {
    case T_END: case T_AT: case T_AXIS: case T_LP: case T_LB: case T_COMMA: case T_SLASH:
    case T_DSLASH: case T_BAR: case T_PLUS: case T_MINUS: case T_STAR: case T_EQ: case T_NE:
    case T_LT: case T_LE: case T_GT: case T_GE: case T_AND: case T_OR: case T_DIV: case T_MOD:
        return 0;
    default:
        return 1;
    }
}

static void next(struct parser *ps)
{
    free(ps->text);
    ps->text = NULL;
    ps->prev = ps->t;
    const char *p = ps->p;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    enum tok t = T_ERR;
    if (*p == '\0') {
        t = T_END;
    } else if (*p == '\'' || *p == '"') {
        const char *e = strchr(p + 1, *p);
        if (e) {
            ps->text = ck_strndup(p + 1, (size_t)(e - p - 1));
            t = T_STR;
            p = e + 1;
        }
    } else if ((*p >= '0' && *p <= '9') || (*p == '.' && p[1] >= '0' && p[1] <= '9')) {
        const char *s = p;
        while (*p >= '0' && *p <= '9')
            p++;
        if (*p == '.') {
            p++;
            while (*p >= '0' && *p <= '9')
                p++;
        }
        char *tmp = ck_strndup(s, (size_t)(p - s));
        ps->num = tmp ? xmlXPathCastStringToNumber((const xmlChar *)tmp) : 0;
        t = tmp ? T_NUM : T_ERR;
        free(tmp);
    } else if (*p == '$') {
        const char *s = ++p;
        while (ncname_char((unsigned char)*p))
            p++;
        if (p > s && *p != ':') {
            ps->text = ck_strndup(s, (size_t)(p - s));
            t = T_VAR;
        }
    } else if (ncname_start((unsigned char)*p)) {
        const char *s = p;
        while (ncname_char((unsigned char)*p))
            p++;
        if (*p == ':' && p[1] != ':' && ncname_start((unsigned char)p[1])) {
            p++;
            while (ncname_char((unsigned char)*p))
                p++;
        }
        size_t len = (size_t)(p - s);
        const char *q = p;
        while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r')
            q++;
        if (operator_position(ps->t)) {
            if (len == 3 && memcmp(s, "and", 3) == 0) t = T_AND;
            else if (len == 2 && memcmp(s, "or", 2) == 0) t = T_OR;
            else if (len == 3 && memcmp(s, "div", 3) == 0) t = T_DIV;
            else if (len == 3 && memcmp(s, "mod", 3) == 0) t = T_MOD;
        } else if (q[0] == ':' && q[1] == ':') {
            ps->text = ck_strndup(s, len);
            t = T_AXIS;
            p = q + 2;
        } else {
            ps->text = ck_strndup(s, len);
            t = T_NAME;
        }
    } else {
        char c = *p++;
        switch (c) {
        case '/': if (*p == '/') { p++; t = T_DSLASH; } else t = T_SLASH; break;
        case '(': t = T_LP; break;
        case ')': t = T_RP; break;
        case '[': t = T_LB; break;
        case ']': t = T_RB; break;
        case '.': if (*p == '.') { p++; t = T_DDOT; } else t = T_DOT; break;
        case '@': t = T_AT; break;
        case ',': t = T_COMMA; break;
        case '|': t = T_BAR; break;
        case '+': t = T_PLUS; break;
        case '-': t = T_MINUS; break;
        case '*': t = operator_position(ps->t) ? T_STAR : T_ERR; break; /* no wildcard */
        case '=': t = T_EQ; break;
        case '!': if (*p == '=') { p++; t = T_NE; } break;
        case '<': if (*p == '=') { p++; t = T_LE; } else t = T_LT; break;
        case '>': if (*p == '=') { p++; t = T_GE; } else t = T_GT; break;
        default: break;
        }
    }
    if ((t == T_STR || t == T_VAR || t == T_AXIS || t == T_NAME) && ps->text == NULL)
        t = T_ERR; /* out of memory (on the thread's record) */
    if (t == T_ERR)
        ps->fail = 1;
    ps->t = t;
    ps->p = p;
}

/* NULL when out of memory: callers set ps->fail (the expression then runs in libxml2). */
static struct xn *new_node(enum op op)
{
    struct xn *n = ck_calloc(1, sizeof *n);
    if (n)
        n->op = op;
    return n;
}

static struct xn *bin(enum op op, struct xn *a, struct xn *b)
{
    struct xn *n = new_node(op);
    if (n == NULL) {
        xn_free(a);
        xn_free(b);
        return NULL;
    }
    n->a = a;
    n->b = b;
    return n;
}

static struct xn *parse_or(struct parser *ps);

/* Resolves "prefix:local" or "local" into step->name/uri. */
static void name_test(struct parser *ps, struct step *st, const char *qname)
{
    const char *colon = strchr(qname, ':');
    if (colon == NULL) {
        st->name = ck_strdup(qname);
        st->uri = NULL;
        if (st->name == NULL)
            ps->fail = 1;
        return;
    }
    char *prefix = ck_strndup(qname, (size_t)(colon - qname));
    st->uri = prefix ? (const char *)xmlXPathNsLookup(ps->ctx, (const xmlChar *)prefix) : NULL;
    free(prefix);
    if (st->uri == NULL)
        ps->fail = 1;
    st->name = ck_strdup(colon + 1);
    if (st->name == NULL)
        ps->fail = 1;
}

static void add_pred(struct parser *ps, struct step *st, struct xn *pred)
{
    if (pred == NULL || ck_grow(&st->preds, st->n_preds + 1, sizeof *st->preds)) {
        xn_free(pred);
        ps->fail = 1;
        return;
    }
    st->preds[st->n_preds++] = pred;
}

/* One step at the current token; returns 0 when none starts here. */
static int parse_step(struct parser *ps, struct xn *path)
{
    struct step st;
    memset(&st, 0, sizeof st);
    if (ps->t == T_DOT) {
        st.axis = AX_SELF;
        next(ps);
    } else if (ps->t == T_DDOT) {
        st.axis = AX_PARENT;
        next(ps);
    } else {
        st.axis = AX_CHILD;
        if (ps->t == T_AT) {
            st.axis = AX_ATTR;
            next(ps);
        } else if (ps->t == T_AXIS) {
            if (strcmp(ps->text, "self") == 0) st.axis = AX_SELF;
            else if (strcmp(ps->text, "child") == 0) st.axis = AX_CHILD;
            else if (strcmp(ps->text, "attribute") == 0) st.axis = AX_ATTR;
            else if (strcmp(ps->text, "parent") == 0) st.axis = AX_PARENT;
            else if (strcmp(ps->text, "ancestor") == 0) st.axis = AX_ANCESTOR;
            else if (strcmp(ps->text, "ancestor-or-self") == 0) st.axis = AX_ANCESTOR_SELF;
            else ps->fail = 1;
            next(ps);
        }
        if (ps->t != T_NAME) {
            ps->fail = 1;
            return 0;
        }
        /* node(), text() and other node-type tests are not in the subset */
        const char *q = ps->p;
        while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r')
            q++;
        if (*q == '(') {
            ps->fail = 1;
            return 0;
        }
        name_test(ps, &st, ps->text);
        next(ps);
    }
    while (ps->t == T_LB && !ps->fail) {
        next(ps);
        add_pred(ps, &st, parse_or(ps));
        if (ps->t != T_RB)
            ps->fail = 1;
        next(ps);
    }
    if (ck_grow(&path->steps, path->n_steps + 1, sizeof *path->steps)) {
        free(st.name);
        for (size_t i = 0; i < st.n_preds; i++)
            xn_free(st.preds[i]);
        free(st.preds);
        ps->fail = 1;
        return 0;
    }
    path->steps[path->n_steps++] = st;
    return 1;
}

static int step_start(enum tok t)
{
    return t == T_NAME || t == T_AT || t == T_DOT || t == T_DDOT || t == T_AXIS;
}

static void parse_relative(struct parser *ps, struct xn *path)
{
    parse_step(ps, path);
    while (ps->t == T_SLASH && !ps->fail) {
        next(ps);
        parse_step(ps, path);
    }
    if (ps->t == T_DSLASH)
        ps->fail = 1;
}

static struct xn *lookup_call(struct parser *ps, const char *qname)
{
    struct xn *n = new_node(OP_CALL);
    if (n == NULL) {
        ps->fail = 1;
        return NULL;
    }
    static const struct { const char *name; enum native id; } natives[] = {
        {"not", FN_NOT}, {"true", FN_TRUE}, {"false", FN_FALSE}, {"boolean", FN_BOOLEAN},
        {"string", FN_STRING}, {"number", FN_NUMBER},
    };
    const char *colon = strchr(qname, ':');
    if (colon == NULL) {
        for (size_t i = 0; i < sizeof natives / sizeof natives[0]; i++)
            if (strcmp(qname, natives[i].name) == 0)
                n->native = natives[i].id;
        /* position() and last() need a context size and position */
        if (strcmp(qname, "position") == 0 || strcmp(qname, "last") == 0 ||
            strcmp(qname, "id") == 0 || strcmp(qname, "lang") == 0 ||
            strcmp(qname, "local-name") == 0 || strcmp(qname, "name") == 0 ||
            strcmp(qname, "namespace-uri") == 0)
            ps->fail = 1;
        n->fn = xmlXPathFunctionLookup(ps->ctx, (const xmlChar *)qname);
    } else {
        char *prefix = ck_strndup(qname, (size_t)(colon - qname));
        const xmlChar *uri = prefix ? xmlXPathNsLookup(ps->ctx, (const xmlChar *)prefix) : NULL;
        free(prefix);
        n->fn = uri ? xmlXPathFunctionLookupNS(ps->ctx, (const xmlChar *)(colon + 1), uri) : NULL;
    }
    if (n->fn == NULL)
        ps->fail = 1;
    return n;
}

static struct xn *parse_primary(struct parser *ps)
{
    struct xn *n = NULL;
    switch (ps->t) {
    case T_STR:
        n = new_node(OP_STR);
        if (n == NULL)
            break;
        n->s = ps->text;
        ps->text = NULL;
        next(ps);
        return n;
    case T_NUM:
        n = new_node(OP_NUM);
        if (n == NULL)
            break;
        n->num = ps->num;
        next(ps);
        return n;
    case T_VAR: {
        n = new_node(OP_VAR);
        if (n == NULL)
            break;
        size_t i = 0;
        while (i < ps->n_vars && strcmp(ps->vars[i], ps->text) != 0)
            i++;
        if (i == ps->n_vars)
            ps->fail = 1;
        n->var = i;
        next(ps);
        return n;
    }
    case T_LP:
        next(ps);
        n = parse_or(ps);
        if (ps->t != T_RP)
            ps->fail = 1;
        next(ps);
        return n;
    case T_NAME: {
        n = lookup_call(ps, ps->text);
        if (n == NULL)
            break;
        next(ps); /* the name */
        next(ps); /* '(' */
        if (ps->t != T_RP) {
            for (;;) {
                if (ck_grow(&n->args, n->n_args + 1, sizeof *n->args)) {
                    ps->fail = 1;
                    break;
                }
                n->args[n->n_args++] = parse_or(ps);
                if (ps->t != T_COMMA || ps->fail)
                    break;
                next(ps);
            }
        }
        if (ps->t != T_RP)
            ps->fail = 1;
        next(ps);
        return n;
    }
    default:
        ps->fail = 1;
        return new_node(OP_STR);
    }
    ps->fail = 1; /* out of memory */
    return NULL;
}

/* PathExpr: a location path, or a primary expression (no predicates on it,
 * no path after it: outside the subset). */
static struct xn *parse_path(struct parser *ps)
{
    if (ps->t == T_SLASH) {
        struct xn *n = new_node(OP_PATH);
        if (n == NULL) {
            ps->fail = 1;
            return NULL;
        }
        n->absolute = 1;
        next(ps);
        if (step_start(ps->t))
            parse_relative(ps, n);
        return n;
    }
    if (ps->t == T_DSLASH) {
        ps->fail = 1;
        return new_node(OP_STR);
    }
    if (ps->t == T_NAME) {
        const char *q = ps->p;
        while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r')
            q++;
        if (*q != '(') {
            struct xn *n = new_node(OP_PATH);
            if (n == NULL)
                ps->fail = 1;
            else
                parse_relative(ps, n);
            return n;
        }
    } else if (step_start(ps->t)) {
        struct xn *n = new_node(OP_PATH);
        if (n == NULL)
            ps->fail = 1;
        else
            parse_relative(ps, n);
        return n;
    }
    struct xn *n = parse_primary(ps);
    if (ps->t == T_LB || ps->t == T_SLASH || ps->t == T_DSLASH)
        ps->fail = 1; /* filter expressions are not in the subset */
    return n;
}

static struct xn *parse_union(struct parser *ps)
{
    struct xn *n = parse_path(ps);
    while (ps->t == T_BAR && !ps->fail) {
        next(ps);
        n = bin(OP_UNION, n, parse_path(ps));
    }
    return n;
}

static struct xn *parse_unary(struct parser *ps)
{
    if (ps->t == T_MINUS) {
        next(ps);
        return bin(OP_NEG, parse_unary(ps), NULL);
    }
    return parse_union(ps);
}

static struct xn *parse_mul(struct parser *ps)
{
    struct xn *n = parse_unary(ps);
    for (;;) {
        enum op op;
        if (ps->t == T_STAR) op = OP_MUL;
        else if (ps->t == T_DIV) op = OP_DIV;
        else if (ps->t == T_MOD) op = OP_MOD;
        else return n;
        next(ps);
        n = bin(op, n, parse_unary(ps));
        if (ps->fail)
            return n;
    }
}

static struct xn *parse_add(struct parser *ps)
{
    struct xn *n = parse_mul(ps);
    while ((ps->t == T_PLUS || ps->t == T_MINUS) && !ps->fail) {
        enum op op = ps->t == T_PLUS ? OP_ADD : OP_SUB;
        next(ps);
        n = bin(op, n, parse_mul(ps));
    }
    return n;
}

static struct xn *parse_rel(struct parser *ps)
{
    struct xn *n = parse_add(ps);
    for (;;) {
        enum op op;
        if (ps->t == T_LT) op = OP_LT;
        else if (ps->t == T_GT) op = OP_GT;
        else if (ps->t == T_LE) op = OP_LE;
        else if (ps->t == T_GE) op = OP_GE;
        else return n;
        next(ps);
        n = bin(op, n, parse_add(ps));
        if (ps->fail)
            return n;
    }
}

static struct xn *parse_eq(struct parser *ps)
{
    struct xn *n = parse_rel(ps);
    while ((ps->t == T_EQ || ps->t == T_NE) && !ps->fail) {
        enum op op = ps->t == T_EQ ? OP_EQ : OP_NE;
        next(ps);
        n = bin(op, n, parse_rel(ps));
    }
    return n;
}

static struct xn *parse_and(struct parser *ps)
{
    struct xn *n = parse_eq(ps);
    while (ps->t == T_AND && !ps->fail) {
        next(ps);
        n = bin(OP_AND, n, parse_eq(ps));
    }
    return n;
}

static struct xn *parse_or(struct parser *ps)
{
    struct xn *n = parse_and(ps);
    while (ps->t == T_OR && !ps->fail) {
        next(ps);
        n = bin(OP_OR, n, parse_and(ps));
    }
    return n;
}

struct ck_xpc *ck_xpc_compile(const char *src, xmlXPathContextPtr ctx, const char *const *var_names,
                              size_t n_vars)
{
    struct parser ps;
    memset(&ps, 0, sizeof ps);
    ps.p = src;
    ps.t = T_END; /* "no previous token" for the first one */
    ps.ctx = ctx;
    ps.vars = var_names;
    ps.n_vars = n_vars;
    next(&ps);
    struct xn *root = parse_or(&ps);
    if (ps.t != T_END)
        ps.fail = 1;
    free(ps.text);
    if (ps.fail) {
        xn_free(root);
        return NULL;
    }
    struct ck_xpc *x = ck_calloc(1, sizeof *x);
    if (x == NULL) {
        xn_free(root);
        return NULL;
    }
    x->root = root;
    return x;
}

/* ---- arena ---- */

struct block {
    struct block *next;
    size_t cap, len;
    char data[];
};

struct ck_xpc_vm {
    xmlXPathContextPtr ctx;            /* borrowed */
    xmlXPathParserContextPtr pctx;     /* owned; for function calls */
    struct block *blocks;              /* owned; first block kept across resets */
    char **vars;                       /* owned */
    size_t n_vars;
    int fail;
};

#define BLOCK_SIZE (64 * 1024)

static void *arena_alloc(struct ck_xpc_vm *vm, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    struct block *b = vm->blocks;
    if (b == NULL || b->cap - b->len < n) {
        size_t cap = n > BLOCK_SIZE ? n : BLOCK_SIZE;
        struct block *nb = ck_malloc(sizeof *nb + cap);
        if (nb == NULL) { /* out of memory: the expression falls back to libxml2 */
            vm->fail = 1;
            return NULL;
        }
        nb->cap = cap;
        nb->len = 0;
        nb->next = b;
        vm->blocks = nb;
        b = nb;
    }
    void *p = b->data + b->len;
    b->len += n;
    return p;
}

static void arena_reset(struct ck_xpc_vm *vm)
{
    /* keep the oldest block (the last in the list), free the others */
    struct block *b = vm->blocks;
    while (b && b->next) {
        struct block *n = b->next;
        free(b);
        b = n;
    }
    vm->blocks = b;
    if (b)
        b->len = 0;
}

static const char *arena_strdup(struct ck_xpc_vm *vm, const char *s)
{
    size_t n = strlen(s);
    char *d = arena_alloc(vm, n + 1);
    if (d == NULL)
        return "";
    memcpy(d, s, n + 1);
    return d;
}

struct ck_xpc_vm *ck_xpc_vm_new(xmlXPathContextPtr ctx, size_t n_vars)
{
    struct ck_xpc_vm *vm = ck_calloc(1, sizeof *vm);
    if (vm == NULL)
        return NULL;
    vm->ctx = ctx;
    vm->pctx = xmlXPathNewParserContext((const xmlChar *)"", ctx);
    if (vm->pctx != NULL && vm->pctx->valueTab == NULL) {
        vm->pctx->valueTab = xmlMalloc(16 * sizeof *vm->pctx->valueTab);
        vm->pctx->valueMax = vm->pctx->valueTab ? 16 : 0;
    }
    vm->n_vars = n_vars;
    vm->vars = ck_calloc(n_vars + 1, sizeof *vm->vars);
    int ok = vm->pctx != NULL && vm->pctx->valueTab != NULL && vm->vars != NULL;
    for (size_t i = 0; ok && i < n_vars; i++)
        ok = (vm->vars[i] = ck_strdup("")) != NULL;
    if (!ok) {
        ck_xpc_vm_free(vm);
        return NULL;
    }
    vm->pctx->valueNr = 0;
    return vm;
}

void ck_xpc_vm_free(struct ck_xpc_vm *vm)
{
    if (vm == NULL)
        return;
    while (vm->pctx && vm->pctx->valueNr > 0)
        xmlXPathFreeObject(valuePop(vm->pctx));
    if (vm->pctx)
        xmlXPathFreeParserContext(vm->pctx);
    arena_reset(vm);
    free(vm->blocks);
    for (size_t i = 0; vm->vars && i < vm->n_vars; i++)
        free(vm->vars[i]);
    free(vm->vars);
    free(vm);
}

void ck_xpc_vm_set_var(struct ck_xpc_vm *vm, size_t i, const char *value)
{
    if (i >= vm->n_vars)
        return;
    char *v = ck_strdup(value ? value : "");
    if (v == NULL) /* out of memory (on the thread's record): the old value stays */
        return;
    free(vm->vars[i]);
    vm->vars[i] = v;
}

/* ---- values ---- */

enum vt { V_NODES, V_STR, V_NUM, V_BOOL };

struct val {
    enum vt t;
    int b;
    double n;
    const char *s;
    xmlNodePtr *nodes;
    size_t nn;
};

/* String-value of a node (XPath 1.0 §5), as xmlXPathCastNodeToString. */
static const char *node_string(struct ck_xpc_vm *vm, xmlNodePtr n)
{
    xmlNodePtr c = NULL;
    switch (n->type) {
    case XML_ELEMENT_NODE:
    case XML_ATTRIBUTE_NODE:
        c = n->children;
        if (c == NULL && n->type == XML_ELEMENT_NODE)
            return "";
        if (c && c->next == NULL && c->type == XML_TEXT_NODE && c->content)
            return (const char *)c->content;
        break;
    case XML_TEXT_NODE:
    case XML_COMMENT_NODE:
    case XML_PI_NODE:
        if (n->content)
            return (const char *)n->content;
        break;
    default:
        break;
    }
    xmlChar *s = xmlNodeGetContent(n);
    const char *r = arena_strdup(vm, s ? (const char *)s : "");
    xmlFree(s);
    return r;
}

static const char *to_string(struct ck_xpc_vm *vm, const struct val *v)
{
    switch (v->t) {
    case V_STR:
        return v->s;
    case V_BOOL:
        return v->b ? "true" : "false";
    case V_NUM: {
        xmlChar *s = xmlXPathCastNumberToString(v->n);
        const char *r = arena_strdup(vm, s ? (const char *)s : "");
        xmlFree(s);
        return r;
    }
    case V_NODES:
        return v->nn ? node_string(vm, v->nodes[0]) : "";
    }
    return "";
}

static double str_number(const char *s)
{
    return xmlXPathCastStringToNumber((const xmlChar *)s);
}

static double to_number(struct ck_xpc_vm *vm, const struct val *v)
{
    switch (v->t) {
    case V_NUM:
        return v->n;
    case V_BOOL:
        return v->b ? 1.0 : 0.0;
    default:
        return str_number(to_string(vm, v));
    }
}

static int to_bool(const struct val *v)
{
    switch (v->t) {
    case V_BOOL:
        return v->b;
    case V_NUM:
        return v->n != 0 && !isnan(v->n);
    case V_STR:
        return v->s[0] != '\0';
    case V_NODES:
        return v->nn > 0;
    }
    return 0;
}

static struct val mk_bool(int b)
{
    struct val v;
    memset(&v, 0, sizeof v);
    v.t = V_BOOL;
    v.b = b != 0;
    return v;
}

static struct val mk_num(double n)
{
    struct val v;
    memset(&v, 0, sizeof v);
    v.t = V_NUM;
    v.n = n;
    return v;
}

static struct val mk_str(const char *s)
{
    struct val v;
    memset(&v, 0, sizeof v);
    v.t = V_STR;
    v.s = s;
    return v;
}

/* ---- comparisons (XPath 1.0 §3.4) ---- */

static int num_cmp(enum op op, double a, double b)
{
    switch (op) {
    case OP_EQ: return a == b;
    case OP_NE: return a != b;
    case OP_LT: return a < b;
    case OP_GT: return a > b;
    case OP_LE: return a <= b;
    case OP_GE: return a >= b;
    default: return 0;
    }
}

/* The operator with its operands swapped: a op b == b flip(op) a. */
static enum op flip(enum op op)
{
    switch (op) {
    case OP_LT: return OP_GT;
    case OP_GT: return OP_LT;
    case OP_LE: return OP_GE;
    case OP_GE: return OP_LE;
    default: return op;
    }
}

static int compare(struct ck_xpc_vm *vm, enum op op, const struct val *a, const struct val *b)
{
    int eq = op == OP_EQ || op == OP_NE;
    if (a->t != V_NODES && b->t == V_NODES)
        return compare(vm, flip(op), b, a);
    if (a->t == V_NODES) {
        if (b->t == V_BOOL) {
            int ab = a->nn > 0;
            if (eq)
                return op == OP_EQ ? ab == b->b : ab != b->b;
            return num_cmp(op, ab, b->b);
        }
        if (b->t == V_NODES) {
            if (a->nn == 0 || b->nn == 0)
                return 0;
            for (size_t i = 0; i < a->nn; i++) {
                if (eq) {
                    const char *s1 = node_string(vm, a->nodes[i]);
                    for (size_t j = 0; j < b->nn; j++) {
                        if (op == OP_EQ && a->nodes[i] == b->nodes[j])
                            return 1;
                        int same = strcmp(s1, node_string(vm, b->nodes[j])) == 0;
                        if (same == (op == OP_EQ))
                            return 1;
                    }
                } else {
                    double x = str_number(node_string(vm, a->nodes[i]));
                    for (size_t j = 0; j < b->nn; j++)
                        if (num_cmp(op, x, str_number(node_string(vm, b->nodes[j]))))
                            return 1;
                }
            }
            return 0;
        }
        if (b->t == V_STR && eq) {
            for (size_t i = 0; i < a->nn; i++) {
                int same = strcmp(node_string(vm, a->nodes[i]), b->s) == 0;
                if (same == (op == OP_EQ))
                    return 1;
            }
            return 0;
        }
        double y = b->t == V_NUM ? b->n : str_number(b->s);
        for (size_t i = 0; i < a->nn; i++)
            if (num_cmp(op, str_number(node_string(vm, a->nodes[i])), y))
                return 1;
        return 0;
    }
    if (eq) {
        int r;
        if (a->t == V_BOOL || b->t == V_BOOL)
            r = to_bool(a) == to_bool(b);
        else if (a->t == V_NUM || b->t == V_NUM)
            r = to_number(vm, a) == to_number(vm, b);
        else
            r = strcmp(a->s, b->s) == 0;
        return op == OP_EQ ? r : !r;
    }
    return num_cmp(op, to_number(vm, a), to_number(vm, b));
}

/* ---- node-sets ---- */

struct nodes {
    xmlNodePtr *v;
    size_t n, cap;
};

static void nodes_add(struct ck_xpc_vm *vm, struct nodes *s, xmlNodePtr n)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 8;
        xmlNodePtr *v = arena_alloc(vm, cap * sizeof *v);
        if (v == NULL)
            return;
        if (s->n)
            memcpy(v, s->v, s->n * sizeof *v);
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n++] = n;
}

/* xmlXPathCmpNodes: 1 when a comes first, -1 when b does, 0 when the same. */
static int before(xmlNodePtr a, xmlNodePtr b)
{
    return xmlXPathCmpNodes(a, b) > 0;
}

/* Sorts into document order and drops duplicates (small sets: insertion). */
static void nodes_normalize(struct nodes *s)
{
    for (size_t i = 1; i < s->n; i++) {
        xmlNodePtr x = s->v[i];
        size_t j = i;
        while (j > 0 && before(x, s->v[j - 1])) {
            s->v[j] = s->v[j - 1];
            j--;
        }
        s->v[j] = x;
    }
    size_t k = 0;
    for (size_t i = 0; i < s->n; i++)
        if (k == 0 || s->v[k - 1] != s->v[i])
            s->v[k++] = s->v[i];
    s->n = k;
}

static int name_ok(const struct step *st, xmlNodePtr n)
{
    if (st->name == NULL)
        return 1;
    if (strcmp((const char *)n->name, st->name) != 0)
        return 0;
    if (st->uri == NULL)
        return n->ns == NULL;
    return n->ns && n->ns->href && strcmp((const char *)n->ns->href, st->uri) == 0;
}

static int is_element(xmlNodePtr n)
{
    return n && n->type == XML_ELEMENT_NODE;
}

static struct val eval(struct ck_xpc_vm *vm, const struct xn *x, xmlNodePtr ctxnode);

static int preds_ok(struct ck_xpc_vm *vm, const struct step *st, xmlNodePtr n)
{
    for (size_t i = 0; i < st->n_preds; i++) {
        struct val v = eval(vm, st->preds[i], n);
        if (vm->fail)
            return 0;
        if (v.t == V_NUM) { /* a positional predicate: not in the subset */
            vm->fail = 1;
            return 0;
        }
        if (!to_bool(&v))
            return 0;
    }
    return 1;
}

static void step_one(struct ck_xpc_vm *vm, const struct step *st, xmlNodePtr n, struct nodes *out)
{
    switch (st->axis) {
    case AX_CHILD:
        for (xmlNodePtr c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && name_ok(st, c) && preds_ok(vm, st, c))
                nodes_add(vm, out, c);
        break;
    case AX_ATTR:
        if (n->type != XML_ELEMENT_NODE)
            break;
        for (xmlAttrPtr a = n->properties; a; a = a->next) {
            xmlNodePtr an = (xmlNodePtr)a;
            if (name_ok(st, an) && preds_ok(vm, st, an))
                nodes_add(vm, out, an);
        }
        break;
    case AX_SELF:
        if ((st->name == NULL || (is_element(n) && name_ok(st, n))) && preds_ok(vm, st, n))
            nodes_add(vm, out, n);
        break;
    case AX_PARENT: {
        xmlNodePtr p = n->parent;
        if (p && (st->name == NULL || (is_element(p) && name_ok(st, p))) && preds_ok(vm, st, p))
            nodes_add(vm, out, p);
        break;
    }
    case AX_ANCESTOR:
    case AX_ANCESTOR_SELF:
        for (xmlNodePtr p = st->axis == AX_ANCESTOR ? n->parent : n; p; p = p->parent)
            if (is_element(p) && name_ok(st, p) && preds_ok(vm, st, p))
                nodes_add(vm, out, p);
        break;
    }
}

static struct val eval_path(struct ck_xpc_vm *vm, const struct xn *x, xmlNodePtr ctxnode)
{
    struct nodes cur;
    memset(&cur, 0, sizeof cur);
    xmlNodePtr start = ctxnode;
    if (x->absolute) {
        start = (xmlNodePtr)vm->ctx->doc;
        if (start == NULL) {
            vm->fail = 1;
            return mk_bool(0);
        }
    }
    nodes_add(vm, &cur, start);
    /* flat: no node of cur is an ancestor of another. Child, attribute and
     * self steps from a flat set in document order give a flat set in
     * document order; parent and ancestor steps may not, so their results
     * (and child steps from a set that is not flat) are sorted. */
    int flat = 1;
    for (size_t i = 0; i < x->n_steps && !vm->fail; i++) {
        const struct step *st = &x->steps[i];
        struct nodes nx;
        memset(&nx, 0, sizeof nx);
        for (size_t k = 0; k < cur.n && !vm->fail; k++)
            step_one(vm, st, cur.v[k], &nx);
        int forward = st->axis == AX_CHILD || st->axis == AX_ATTR || st->axis == AX_SELF;
        if (!forward || !flat)
            nodes_normalize(&nx);
        if (!forward)
            flat = nx.n <= 1;
        cur = nx;
    }
    struct val v;
    memset(&v, 0, sizeof v);
    v.t = V_NODES;
    v.nodes = cur.v;
    v.nn = cur.n;
    return v;
}

static struct val eval_union(struct ck_xpc_vm *vm, const struct xn *x, xmlNodePtr ctxnode)
{
    struct val a = eval(vm, x->a, ctxnode);
    if (vm->fail)
        return a;
    struct val b = eval(vm, x->b, ctxnode);
    if (vm->fail)
        return b;
    if (a.t != V_NODES || b.t != V_NODES) {
        vm->fail = 1;
        return a;
    }
    struct nodes s;
    memset(&s, 0, sizeof s);
    /* merge two document-ordered sets */
    size_t i = 0, j = 0;
    while (i < a.nn || j < b.nn) {
        xmlNodePtr n;
        if (j >= b.nn) n = a.nodes[i++];
        else if (i >= a.nn) n = b.nodes[j++];
        else if (a.nodes[i] == b.nodes[j]) { n = a.nodes[i++]; j++; }
        else if (before(a.nodes[i], b.nodes[j])) n = a.nodes[i++];
        else n = b.nodes[j++];
        nodes_add(vm, &s, n);
    }
    struct val v;
    memset(&v, 0, sizeof v);
    v.t = V_NODES;
    v.nodes = s.v;
    v.nn = s.n;
    return v;
}

/* ---- function calls ---- */

static xmlXPathObjectPtr to_object(const struct val *v)
{
    switch (v->t) {
    case V_BOOL:
        return xmlXPathNewBoolean(v->b);
    case V_NUM:
        return xmlXPathNewFloat(v->n);
    case V_STR:
        return xmlXPathNewString((const xmlChar *)v->s);
    case V_NODES: {
        xmlNodeSetPtr set = xmlXPathNodeSetCreate(NULL);
        if (set == NULL)
            return NULL;
        for (size_t i = 0; i < v->nn; i++)
            if (xmlXPathNodeSetAddUnique(set, v->nodes[i]) < 0) {
                xmlXPathFreeNodeSet(set);
                return NULL;
            }
        return xmlXPathWrapNodeSet(set);
    }
    }
    return NULL;
}

static void clear_stack(xmlXPathParserContextPtr pctx)
{
    while (pctx->valueNr > 0)
        xmlXPathFreeObject(valuePop(pctx));
}

/* Runs a libxml2 or fc: function on the vm's parser context. */
static struct val call_ext(struct ck_xpc_vm *vm, const struct xn *x, xmlNodePtr ctxnode)
{
    xmlXPathParserContextPtr pctx = vm->pctx;
    struct val r = mk_bool(0);
    xmlXPathObjectPtr objs[16];
    if (x->n_args > 16) {
        vm->fail = 1;
        return r;
    }
    for (size_t i = 0; i < x->n_args; i++) {
        struct val a = eval(vm, x->args[i], ctxnode);
        if (vm->fail) {
            for (size_t k = 0; k < i; k++)
                xmlXPathFreeObject(objs[k]);
            return r;
        }
        objs[i] = to_object(&a);
        if (objs[i] == NULL) {
            for (size_t k = 0; k < i; k++)
                xmlXPathFreeObject(objs[k]);
            vm->fail = 1;
            return r;
        }
    }
    clear_stack(pctx);
    pctx->error = XPATH_EXPRESSION_OK;
    for (size_t i = 0; i < x->n_args; i++)
        valuePush(pctx, objs[i]);
    vm->ctx->node = ctxnode;
    x->fn(pctx, (int)x->n_args);
    if (pctx->error != XPATH_EXPRESSION_OK || pctx->valueNr != 1) {
        clear_stack(pctx);
        pctx->error = XPATH_EXPRESSION_OK;
        vm->fail = 1;
        return r;
    }
    xmlXPathObjectPtr o = valuePop(pctx);
    switch (o->type) {
    case XPATH_BOOLEAN:
        r = mk_bool(o->boolval);
        break;
    case XPATH_NUMBER:
        r = mk_num(o->floatval);
        break;
    case XPATH_STRING:
        r = mk_str(arena_strdup(vm, o->stringval ? (const char *)o->stringval : ""));
        break;
    case XPATH_NODESET: {
        struct nodes s;
        memset(&s, 0, sizeof s);
        int count = o->nodesetval ? o->nodesetval->nodeNr : 0;
        for (int i = 0; i < count; i++)
            nodes_add(vm, &s, o->nodesetval->nodeTab[i]);
        memset(&r, 0, sizeof r);
        r.t = V_NODES;
        r.nodes = s.v;
        r.nn = s.n;
        break;
    }
    default:
        vm->fail = 1;
        break;
    }
    xmlXPathFreeObject(o);
    return r;
}

static struct val call(struct ck_xpc_vm *vm, const struct xn *x, xmlNodePtr ctxnode)
{
    switch (x->native) {
    case FN_TRUE:
    case FN_FALSE:
        if (x->n_args != 0)
            break;
        return mk_bool(x->native == FN_TRUE);
    case FN_NOT:
    case FN_BOOLEAN: {
        if (x->n_args != 1)
            break;
        struct val a = eval(vm, x->args[0], ctxnode);
        int b = to_bool(&a);
        return mk_bool(x->native == FN_NOT ? !b : b);
    }
    case FN_STRING:
    case FN_NUMBER: {
        if (x->n_args > 1)
            break;
        struct val a;
        if (x->n_args == 0) {
            memset(&a, 0, sizeof a);
            a.t = V_NODES;
            a.nodes = arena_alloc(vm, sizeof *a.nodes);
            if (a.nodes == NULL)
                break;
            a.nodes[0] = ctxnode;
            a.nn = 1;
        } else {
            a = eval(vm, x->args[0], ctxnode);
        }
        if (x->native == FN_STRING)
            return mk_str(to_string(vm, &a));
        return mk_num(to_number(vm, &a));
    }
    case FN_EXT:
        return call_ext(vm, x, ctxnode);
    }
    return call_ext(vm, x, ctxnode); /* wrong arity: libxml2's error, then fallback */
}

static struct val eval(struct ck_xpc_vm *vm, const struct xn *x, xmlNodePtr ctxnode)
{
    if (vm->fail)
        return mk_bool(0);
    switch (x->op) {
    case OP_OR:
    case OP_AND: {
        struct val a = eval(vm, x->a, ctxnode);
        int b = to_bool(&a);
        if (x->op == OP_OR ? b : !b)
            return mk_bool(b);
        struct val c = eval(vm, x->b, ctxnode);
        return mk_bool(to_bool(&c));
    }
    case OP_EQ: case OP_NE: case OP_LT: case OP_GT: case OP_LE: case OP_GE: {
        struct val a = eval(vm, x->a, ctxnode);
        struct val b = eval(vm, x->b, ctxnode);
        if (vm->fail)
            return mk_bool(0);
        return mk_bool(compare(vm, x->op, &a, &b));
    }
    case OP_ADD: case OP_SUB: case OP_MUL: case OP_DIV: case OP_MOD: {
        struct val a = eval(vm, x->a, ctxnode);
        struct val b = eval(vm, x->b, ctxnode);
        if (vm->fail)
            return mk_num(0);
        double p = to_number(vm, &a), q = to_number(vm, &b);
        switch (x->op) {
        case OP_ADD: return mk_num(p + q);
        case OP_SUB: return mk_num(p - q);
        case OP_MUL: return mk_num(p * q);
        case OP_DIV: return mk_num(p / q);
        default: return mk_num(fmod(p, q));
        }
    }
    case OP_NEG: {
        struct val a = eval(vm, x->a, ctxnode);
        return mk_num(-to_number(vm, &a));
    }
    case OP_UNION:
        return eval_union(vm, x, ctxnode);
    case OP_PATH:
        return eval_path(vm, x, ctxnode);
    case OP_STR:
        return mk_str(x->s);
    case OP_NUM:
        return mk_num(x->num);
    case OP_VAR:
        return mk_str(vm->vars[x->var]);
    case OP_CALL:
        return call(vm, x, ctxnode);
    }
    vm->fail = 1;
    return mk_bool(0);
}

static struct val run(struct ck_xpc_vm *vm, const struct ck_xpc *x, xmlNodePtr node)
{
    arena_reset(vm);
    vm->fail = 0;
    xmlNodePtr saved = vm->ctx->node;
    struct val v = eval(vm, x->root, node);
    vm->ctx->node = saved;
    return v;
}

int ck_xpc_eval_bool(struct ck_xpc_vm *vm, const struct ck_xpc *x, xmlNodePtr node, int *out)
{
    struct val v = run(vm, x, node);
    if (vm->fail)
        return CK_XPC_FALLBACK;
    *out = to_bool(&v);
    return CK_XPC_OK;
}

int ck_xpc_eval_string(struct ck_xpc_vm *vm, const struct ck_xpc *x, xmlNodePtr node,
                       const char **out)
{
    struct val v = run(vm, x, node);
    if (vm->fail)
        return CK_XPC_FALLBACK;
    *out = to_string(vm, &v);
    return vm->fail ? CK_XPC_FALLBACK : CK_XPC_OK;
}

int ck_xpc_eval_nodes(struct ck_xpc_vm *vm, const struct ck_xpc *x, xmlNodePtr node,
                      xmlNodePtr **out, size_t *n)
{
    struct val v = run(vm, x, node);
    if (vm->fail || v.t != V_NODES)
        return CK_XPC_FALLBACK;
    *out = v.nodes;
    *n = v.nn;
    return CK_XPC_OK;
}
