/* SPDX-License-Identifier: MIT */
/* Unit tests of filing loading: the hostile-input defences and the error
 * line and reason for each kind of bad input, and the facts of a good one. */
#include "ck_test.h"
#include "ck.h"
#include "filing.h"
#include "mem.h"

#include <libxml/xmlschemas.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static xmlSchemaPtr schema(void)
{
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt("checker/schema/filing-1.xsd");
    xmlSchemaPtr s = pc ? xmlSchemaParse(pc) : NULL;
    xmlSchemaFreeParserCtxt(pc);
    return s;
}

static int load_text(const char *text, long *line, char **msg)
{
    char path[] = "/tmp/ck-filing-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return -1;
    if (write(fd, text, strlen(text)) < 0)
        return -1;
    close(fd);
    xmlSchemaPtr s = schema();
    struct ck_filing *f = NULL;
    int rc = ck_filing_load(path, s, &f, line, msg);
    ck_filing_free(f);
    xmlSchemaFree(s);
    unlink(path);
    return rc;
}

CK_TEST(filing_refuses_doctype_and_entities)
{
    long line = 0;
    char *msg = NULL;
    int rc = load_text("<?xml version='1.0'?>\n<!DOCTYPE filing [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;&a;'>]>\n"
                       "<filing xmlns='urn:gif:filing:1'>&b;</filing>",
                       &line, &msg);
    CHECK(rc != CK_OK);
    CHECK(msg && strstr(msg, "DOCTYPE"));
    CHECK_INT_EQ(line, 2);
    free(msg);
}

CK_TEST(filing_reports_malformed_xml_with_line)
{
    long line = 0;
    char *msg = NULL;
    int rc = load_text("<?xml version='1.0'?>\n<filing xmlns='urn:gif:filing:1'>\n<header>\n</filing>\n", &line, &msg);
    CHECK_INT_EQ(rc, CK_EXML);
    CHECK(msg && strstr(msg, "not well-formed"));
    CHECK_INT_EQ(line, 4);
    free(msg);
}

CK_TEST(filing_reports_wrong_namespace)
{
    long line = 0;
    char *msg = NULL;
    int rc = load_text("<?xml version='1.0'?>\n<edgarSubmission xmlns='http://www.sec.gov/edgar/nport'/>\n", &line, &msg);
    CHECK_INT_EQ(rc, CK_ESYNTAX);
    CHECK(msg && strstr(msg, "not a urn:gif:filing:1 filing"));
    CHECK_INT_EQ(line, 2);
    free(msg);
}

CK_TEST(filing_reports_schema_violation_with_line)
{
    long line = 0;
    char *msg = NULL;
    int rc = load_text("<?xml version='1.0'?>\n<filing xmlns='urn:gif:filing:1' version='1'>\n<nonsense/>\n</filing>\n",
                       &line, &msg);
    CHECK_INT_EQ(rc, CK_ESYNTAX);
    CHECK(msg && strstr(msg, "schema violation"));
    CHECK_INT_EQ(line, 3);
    free(msg);
}

CK_TEST(filing_empty_and_directory)
{
    long line = 0;
    char *msg = NULL;
    CHECK(load_text("", &line, &msg) != CK_OK);
    CHECK(msg && strstr(msg, "empty file"));
    free(msg);
    msg = NULL;
    struct ck_filing *f = NULL;
    CHECK_INT_EQ(ck_filing_load("/tmp", NULL, &f, &line, &msg), CK_EIO);
    CHECK(msg && strstr(msg, "directory"));
    CHECK(f == NULL);
    free(msg);
}

CK_TEST(filing_facts_of_a_fixture)
{
    xmlSchemaPtr s = schema();
    struct ck_filing *f = NULL;
    long line = 0;
    char *msg = NULL;
    int rc = ck_filing_load("fixtures/derivatives.xml", s, &f, &line, &msg);
    CHECK_INT_EQ(rc, CK_OK);
    if (f) {
        CHECK_STR_EQ(f->period_end, "2026-03-31");
        CHECK_INT_EQ(strlen(f->sha256), 64);
        CHECK(f->n_holdings >= 3);
        CHECK_STR_EQ(f->holdings[0].id, "H001");
        CHECK(f->holdings[0].line > 1);
    }
    free(msg);
    ck_filing_free(f);
    xmlSchemaFree(s);
}
