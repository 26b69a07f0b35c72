/* SPDX-License-Identifier: MIT */
#ifndef CK_XFUNC_H
#define CK_XFUNC_H
/*
 * The fc: XPath extension functions (regex matching, code classification,
 * USCC, dates, rule ids) and the namespace bindings every rule expression
 * gets (f = urn:gif:filing:1, fc = urn:fundcheck:fn). Functions read their
 * environment from ctx->userData, a struct ck_xenv (see xenv.h).
 */
#include <libxml/xpath.h>

/* Binds the prefixes and registers every fc: function (including the
 * catalogue's) on ctx. Returns CK_OK. */
int ck_xfunc_register(xmlXPathContextPtr ctx);

/* Checks the function calls in an XPath source text against the functions
 * registered on ctx: returns NULL when all are known, else the first
 * unknown name (owned by the caller, free()). String literals are skipped. */
char *ck_xfunc_unknown_call(xmlXPathContextPtr ctx, const char *source);

/* The last XPath error libxml2 reported on this thread (message text), or
 * "" — used to explain compile and evaluation failures. Reset by
 * ck_xfunc_error_reset. The handler is installed by ck_xfunc_register. */
const char *ck_xfunc_last_error(void);
void ck_xfunc_error_reset(void);

#endif
