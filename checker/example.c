/* SPDX-License-Identifier: MIT */
#include "example.h"

#include "ck.h"
#include "filing.h"

#include <libxml/parser.h>
#include <string.h>

/* A neutral holding: an unlisted private company held as shareholder. Its
 * USCC has a valid check character; nothing in it is a finding by itself. */
static const char holding_template[] =
    "<holding xmlns='urn:gif:filing:1' id='H1' category='equity'>"
    "<investee uscc='91310115MA1H7K3PX0' legalForm='limited-company' region='310115'>"
    "<name>上海澄明智能科技有限公司</name><industry code='I6513'/>"
    "<business>工业视觉检测软件的研发与销售</business>"
    "<controller type='private'>王某</controller></investee>"
    "<role>shareholder</role><amount invested='30000000.00' ownership='0.08'/>"
    "<acquisition method='capital-increase' date='2025-11-20'/>"
    "<terms><clause/></terms><note/></holding>";

static const char guarantee_template[] =
    "<guarantee xmlns='urn:gif:filing:1' id='G1' type='other' amount='10000000.00' date='2026-02-01'>"
    "<beneficiary>上海澄明智能科技有限公司</beneficiary><text/></guarantee>";

static int is_ns_el(xmlNodePtr n, const char *ns, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && strcmp((const char *)n->ns->href, ns) == 0 &&
           (name == NULL || strcmp((const char *)n->name, name) == 0);
}

static xmlNodePtr find_child(xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
        if (is_ns_el(c, CK_NS_FILING, name))
            return c;
    return NULL;
}

static xmlNodePtr parse_template(xmlDocPtr doc, const char *tpl)
{
    xmlDocPtr t = ck_xml_read_quiet("template", tpl, strlen(tpl), XML_PARSE_NONET);
    if (t == NULL)
        return NULL;
    xmlNodePtr n = xmlDocCopyNode(xmlDocGetRootElement(t), doc, 1);
    xmlFreeDoc(t);
    return n;
}

static void set_text(xmlNodePtr el, const char *text)
{
    if (el == NULL)
        return;
    while (el->children) {
        xmlNodePtr c = el->children;
        xmlUnlinkNode(c);
        xmlFreeNode(c);
    }
    xmlNodeAddContent(el, (const xmlChar *)text); /* raw text: no entity parsing */
}

static void remove_node(xmlNodePtr n)
{
    if (n) {
        xmlUnlinkNode(n);
        xmlFreeNode(n);
    }
}

/* Converts a corpus <text in="…"> into filing elements. */
static xmlNodePtr wrap_text(xmlDocPtr doc, xmlNodePtr text_el)
{
    xmlChar *in = xmlGetProp(text_el, (const xmlChar *)"in");
    xmlChar *type = xmlGetProp(text_el, (const xmlChar *)"type");
    xmlChar *topic = xmlGetProp(text_el, (const xmlChar *)"topic");
    xmlChar *content = xmlNodeGetContent(text_el);
    const char *where = in ? (const char *)in : "clause";
    const char *body = content ? (const char *)content : "";
    xmlNodePtr out = NULL;
    if (strcmp(where, "disclosure") == 0) {
        out = xmlNewDocNode(doc, NULL, (const xmlChar *)"disclosure", NULL);
        xmlSetNs(out, xmlNewNs(out, (const xmlChar *)CK_NS_FILING, NULL));
        xmlSetProp(out, (const xmlChar *)"topic", topic ? topic : (const xmlChar *)"side-letter");
        set_text(out, body);
    } else if (strcmp(where, "guarantee") == 0) {
        out = parse_template(doc, guarantee_template);
        set_text(find_child(out, "text"), body);
    } else {
        out = parse_template(doc, holding_template);
        xmlNodePtr terms = find_child(out, "terms");
        xmlNodePtr clause = find_child(terms, "clause");
        xmlNodePtr note = find_child(out, "note");
        if (strcmp(where, "note") == 0) {
            set_text(note, body);
            remove_node(terms);
        } else if (strcmp(where, "business") == 0) {
            set_text(find_child(find_child(out, "investee"), "business"), body);
            remove_node(terms);
            remove_node(note);
        } else {
            set_text(clause, body);
            if (type)
                xmlSetProp(clause, (const xmlChar *)"type", type);
            remove_node(note);
        }
    }
    xmlFree(in);
    xmlFree(type);
    xmlFree(topic);
    xmlFree(content);
    return out;
}

static void replace(xmlNodePtr old, xmlNodePtr with)
{
    if (old) {
        xmlReplaceNode(old, with);
        xmlFreeNode(old);
    }
}

xmlDocPtr ck_example_build(xmlDocPtr skeleton, xmlNodePtr fragment)
{
    xmlDocPtr doc = xmlCopyDoc(skeleton, 1);
    if (doc == NULL)
        return NULL;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    for (xmlNodePtr c = fragment->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        xmlNodePtr node;
        if (is_ns_el(c, CK_NS_CORPUS, "text"))
            node = wrap_text(doc, c);
        else if (is_ns_el(c, CK_NS_FILING, NULL))
            node = xmlDocCopyNode(c, doc, 1);
        else
            continue; /* other namespaces are not filing content */
        if (node == NULL)
            continue;
        const char *name = (const char *)node->name;
        if (strcmp(name, "filing") == 0) {
            xmlDocSetRootElement(doc, node);
            xmlFreeNode(root);
            root = node;
        } else if (strcmp(name, "header") == 0 || strcmp(name, "fund") == 0) {
            replace(find_child(root, name), node);
        } else if (strcmp(name, "establishmentPlan") == 0) {
            replace(find_child(find_child(root, "fund"), name), node);
        } else if (strcmp(name, "exemption") == 0) {
            xmlNodePtr fund = find_child(root, "fund");
            xmlNodePtr ex = find_child(fund, "exemptions");
            if (ex == NULL) {
                ex = xmlNewChild(fund, fund->ns, (const xmlChar *)"exemptions", NULL);
            }
            xmlAddChild(ex, node);
        } else {
            const char *container = strcmp(name, "holding") == 0       ? "holdings"
                                    : strcmp(name, "transaction") == 0 ? "transactions"
                                    : strcmp(name, "guarantee") == 0   ? "guarantees"
                                    : strcmp(name, "disclosure") == 0  ? "disclosures"
                                                                       : NULL;
            xmlNodePtr parent = container ? find_child(root, container) : NULL;
            if (parent)
                xmlAddChild(parent, node);
            else
                xmlFreeNode(node);
        }
    }
    xmlReconciliateNs(doc, xmlDocGetRootElement(doc));
    return doc;
}
