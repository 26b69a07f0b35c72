/* SPDX-License-Identifier: MIT */
/* Store-only facts of a filing (filing_extra.h). */
#include "filing_extra.h"

#include "ck.h"
#include "filing.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

static int is_el(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns &&
           strcmp((const char *)n->ns->href, CK_NS_FILING) == 0 && strcmp((const char *)n->name, name) == 0;
}

/* The elements `name` below root/list, as an array grown by the caller. */
static size_t count_in(xmlNodePtr list, const char *name)
{
    size_t n = 0;
    for (xmlNodePtr c = list ? list->children : NULL; c; c = c->next)
        n += is_el(c, name);
    return n;
}

static void read_holding(struct ck_fx_holding *o, xmlNodePtr h)
{
    xmlNodePtr amount = ck_filing_child(h, "amount"), inv = ck_filing_child(h, "investee");
    xmlNodePtr ctl = ck_filing_child(inv, "controller");
    o->fair_value = ck_filing_prop(amount, "fairValue");
    o->ownership = ck_filing_prop(amount, "ownership");
    o->controller_type = ck_filing_prop(ctl, "type");
    o->controller_name = ck_filing_text(ctl);
    o->investee_region = ck_filing_prop(inv, "region");
    o->investee_legal_form = ck_filing_prop(inv, "legalForm");
    o->stage = ck_filing_text(ck_filing_child(h, "stage"));
    o->enterprise_size = ck_filing_text(ck_filing_child(h, "enterpriseSize"));
}

static void read_transaction(struct ck_fx_transaction *o, xmlNodePtr t)
{
    xmlNodePtr ins = ck_filing_child(t, "instrument");
    o->id = ck_filing_prop(t, "id");
    o->date = ck_filing_prop(t, "date");
    o->side = ck_filing_prop(t, "side");
    o->method = ck_filing_prop(t, "method");
    o->instrument_type = ck_filing_prop(ins, "type");
    o->instrument_code = ck_filing_prop(ins, "code");
    o->exchange = ck_filing_prop(ins, "exchange");
    o->instrument_name = ck_filing_text(ins);
    o->quantity = ck_filing_text(ck_filing_child(t, "quantity"));
    o->amount = ck_filing_text(ck_filing_child(t, "amount"));
    o->line = xmlGetLineNo(t);
}

static void read_guarantee(struct ck_fx_guarantee *o, xmlNodePtr g)
{
    xmlNodePtr b = ck_filing_child(g, "beneficiary");
    o->id = ck_filing_prop(g, "id");
    o->type = ck_filing_prop(g, "type");
    o->amount = ck_filing_prop(g, "amount");
    o->date = ck_filing_prop(g, "date");
    o->beneficiary_uscc = ck_filing_prop(b, "uscc");
    o->beneficiary_name = ck_filing_text(b);
    o->text = ck_filing_text(ck_filing_child(g, "text"));
    o->line = xmlGetLineNo(g);
}

struct ck_filing_extra *ck_filing_extra_read(xmlNodePtr root, size_t n_holdings)
{
    struct ck_filing_extra *x = ck_calloc(1, sizeof *x);
    if (x == NULL)
        return NULL;
    xmlNodePtr hl = ck_filing_child(root, "holdings"), tl = ck_filing_child(root, "transactions"),
               gl = ck_filing_child(root, "guarantees"), dl = ck_filing_child(root, "disclosures");
    x->holdings = ck_calloc(n_holdings + 1, sizeof *x->holdings);
    x->transactions = ck_calloc(count_in(tl, "transaction") + 1, sizeof *x->transactions);
    x->guarantees = ck_calloc(count_in(gl, "guarantee") + 1, sizeof *x->guarantees);
    x->disclosures = ck_calloc(count_in(dl, "disclosure") + 1, sizeof *x->disclosures);
    if (!x->holdings || !x->transactions || !x->guarantees || !x->disclosures) {
        ck_filing_extra_free(x);
        return NULL;
    }
    for (xmlNodePtr c = hl ? hl->children : NULL; c && x->n_holdings < n_holdings; c = c->next)
        if (is_el(c, "holding"))
            read_holding(&x->holdings[x->n_holdings++], c);
    for (xmlNodePtr c = tl ? tl->children : NULL; c; c = c->next)
        if (is_el(c, "transaction"))
            read_transaction(&x->transactions[x->n_transactions++], c);
    for (xmlNodePtr c = gl ? gl->children : NULL; c; c = c->next)
        if (is_el(c, "guarantee"))
            read_guarantee(&x->guarantees[x->n_guarantees++], c);
    for (xmlNodePtr c = dl ? dl->children : NULL; c; c = c->next)
        if (is_el(c, "disclosure")) {
            struct ck_fx_disclosure *d = &x->disclosures[x->n_disclosures++];
            d->topic = ck_filing_prop(c, "topic");
            d->text = ck_filing_text(c);
            d->line = xmlGetLineNo(c);
        }
    return x;
}

void ck_filing_extra_free(struct ck_filing_extra *x)
{
    if (x == NULL)
        return;
    for (size_t i = 0; i < x->n_holdings; i++) {
        struct ck_fx_holding *h = &x->holdings[i];
        char *s[] = {h->fair_value, h->ownership, h->controller_type, h->controller_name,
                     h->investee_region, h->investee_legal_form, h->stage, h->enterprise_size};
        for (size_t k = 0; k < CK_ARRAY_LEN(s); k++)
            free(s[k]);
    }
    for (size_t i = 0; i < x->n_transactions; i++) {
        struct ck_fx_transaction *t = &x->transactions[i];
        char *s[] = {t->id, t->date, t->side, t->method, t->instrument_type, t->instrument_code,
                     t->exchange, t->instrument_name, t->quantity, t->amount};
        for (size_t k = 0; k < CK_ARRAY_LEN(s); k++)
            free(s[k]);
    }
    for (size_t i = 0; i < x->n_guarantees; i++) {
        struct ck_fx_guarantee *g = &x->guarantees[i];
        char *s[] = {g->id, g->type, g->amount, g->date, g->beneficiary_uscc, g->beneficiary_name, g->text};
        for (size_t k = 0; k < CK_ARRAY_LEN(s); k++)
            free(s[k]);
    }
    for (size_t i = 0; i < x->n_disclosures; i++) {
        free(x->disclosures[i].topic);
        free(x->disclosures[i].text);
    }
    free(x->holdings);
    free(x->transactions);
    free(x->guarantees);
    free(x->disclosures);
    free(x);
}
