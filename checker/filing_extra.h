/* SPDX-License-Identifier: MIT */
#ifndef CK_FILING_EXTRA_H
#define CK_FILING_EXTRA_H
/*
 * Facts of a filing that only the findings database keeps (schema v4, for
 * auditors): per holding its fair value, ownership, controller and investee
 * region; the filing's transactions, guarantees and disclosures. Read once
 * while the DOM is loaded (ck_filing_extra_read, called by filing.c) and
 * written by store_v4.c. All strings owned; "" when absent.
 */
#include <libxml/tree.h>
#include <stddef.h>

struct ck_fx_holding {
    char *fair_value, *ownership, *controller_type, *controller_name, *investee_region,
        *investee_legal_form, *stage, *enterprise_size;
};

struct ck_fx_transaction {
    char *id, *date, *side, *method, *instrument_type, *instrument_code, *exchange, *instrument_name,
        *quantity, *amount;
    long line;
};

struct ck_fx_guarantee {
    char *id, *type, *amount, *date, *beneficiary_uscc, *beneficiary_name, *text;
    long line;
};

struct ck_fx_disclosure {
    char *topic, *text;
    long line;
};

struct ck_filing_extra {
    struct ck_fx_holding *holdings; /* n_holdings entries, in the order of ck_filing.holdings */
    size_t n_holdings;
    struct ck_fx_transaction *transactions;
    size_t n_transactions;
    struct ck_fx_guarantee *guarantees;
    size_t n_guarantees;
    struct ck_fx_disclosure *disclosures;
    size_t n_disclosures;
};

/* Reads the facts below the filing's root element; n_holdings is the
 * number of holding elements filing.c counted (the same walk). Never NULL. */
struct ck_filing_extra *ck_filing_extra_read(xmlNodePtr root, size_t n_holdings);
void ck_filing_extra_free(struct ck_filing_extra *x);

#endif
