/* SPDX-License-Identifier: MIT */
#ifndef CK_XPC_H
#define CK_XPC_H
/*
 * Compiled XPath: a small evaluator for the subset of XPath 1.0 the rule
 * set uses (location paths on the child, attribute, self, parent, ancestor
 * and ancestor-or-self axes with name tests and boolean predicates; unions;
 * or, and, =, !=, <, >, <=, >=, +, -, *, div, mod; literals, numbers, the evaluator's
 * string variables; function calls). It walks the DOM directly with an
 * arena for intermediate node-sets and strings, instead of libxml2's
 * general interpreter with its per-step allocations and hash look-ups.
 *
 * The meaning stays libxml2's: conversions and comparisons follow XPath 1.0
 * through libxml2's own cast functions, and every function call (the core
 * library and the fc: extensions) runs libxml2's or the rule set's own
 * implementation on a private parser context. An expression outside the
 * subset does not compile (ck_xpc_compile returns NULL), and one whose
 * evaluation meets anything unexpected (a runtime error, a numeric
 * predicate) returns CK_XPC_FALLBACK; the caller then runs libxml2's
 * compiled expression instead, so results are identical either way.
 *
 * Memory: a ck_xpc owns its tree; a ck_xpc_vm (one per evaluator, so per
 * thread) owns the arena and the parser context; results point into the
 * arena and live until the next ck_xpc_eval_* call on the same vm.
 */
#include <libxml/xpath.h>
#include <stddef.h>

struct ck_xpc;
struct ck_xpc_vm;

enum { CK_XPC_OK = 0, CK_XPC_FALLBACK = 1 };

/* Compiles src; NULL when it is outside the subset. ctx gives the namespace
 * prefixes and the functions; var_names[0..n_vars) are the variables the vm
 * will hold (any other variable makes the expression unsupported). */
struct ck_xpc *ck_xpc_compile(const char *src, xmlXPathContextPtr ctx, const char *const *var_names,
                              size_t n_vars);
void ck_xpc_free(struct ck_xpc *x);

/* A vm evaluates on ctx (whose doc must be set by the caller). */
struct ck_xpc_vm *ck_xpc_vm_new(xmlXPathContextPtr ctx, size_t n_vars);
void ck_xpc_vm_free(struct ck_xpc_vm *vm);
/* Sets variable i (copied). */
void ck_xpc_vm_set_var(struct ck_xpc_vm *vm, size_t i, const char *value);

/* Evaluations with node as the context node. */
int ck_xpc_eval_bool(struct ck_xpc_vm *vm, const struct ck_xpc *x, xmlNodePtr node, int *out);
/* *out points into the vm's arena. */
int ck_xpc_eval_string(struct ck_xpc_vm *vm, const struct ck_xpc *x, xmlNodePtr node,
                       const char **out);
/* A node-set in document order; *out points into the arena. A result that
 * is not a node-set is CK_XPC_FALLBACK. */
int ck_xpc_eval_nodes(struct ck_xpc_vm *vm, const struct ck_xpc *x, xmlNodePtr node,
                      xmlNodePtr **out, size_t *n);

#endif
