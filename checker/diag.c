/* SPDX-License-Identifier: MIT */
/*
 * Diagnostics (diag.h). A libxml2 error is classified by its domain and
 * code; the element, attribute and value come from the error's node and
 * str1/str2 fields, the holding and XPath from walking up from the node.
 * libxml2 exposes the list of expected elements of a content-model error
 * only inside its message ("Expected is ( {ns}a, {ns}b )"): that list of
 * names is cut out of it as data; the message is never translated.
 */
#include "diag.h"

#include "ck.h"
#include "mem.h"
#include "rules.h"

#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

void ck_diags_init(struct ck_diags *d)
{
    memset(d, 0, sizeof *d);
}

void ck_diags_fini(struct ck_diags *d)
{
    if (d == NULL)
        return;
    for (size_t i = 0; i < d->n; i++) {
        struct ck_fdiag *x = &d->v[i];
        free(x->holding);
        free(x->xpath);
        free(x->element);
        free(x->attribute);
        free(x->value);
        free(x->expected);
        free(x->detail);
    }
    free(d->v);
    ck_diags_init(d);
}

static char *dup0(const char *s)
{
    return s ? ck_strdup(s) : NULL;
}

/* libxml2's text without trailing blanks, on one line */
static char *one_line(const char *m)
{
    if (m == NULL)
        return NULL;
    size_t n = strlen(m);
    while (n > 0 && (m[n - 1] == '\n' || m[n - 1] == ' '))
        n--;
    char *s = ck_strndup(m, n);
    for (char *p = s; p && *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    return s;
}

struct ck_fdiag *ck_diags_add(struct ck_diags *d, const char *id, long line, const char *detail)
{
    d->total++;
    if (d->n >= CK_MAX_DIAGS)
        return NULL;
    if (ck_grow(&d->v, d->n + 1, sizeof *d->v))
        return NULL; /* out of memory (on the thread's record) */
    struct ck_fdiag *x = &d->v[d->n++];
    memset(x, 0, sizeof *x);
    x->id = id;
    x->line = line;
    x->detail = one_line(detail);
    return x;
}

static int same_name(xmlNodePtr a, xmlNodePtr b)
{
    return a->type == b->type && strcmp((const char *)a->name, (const char *)b->name) == 0;
}

static void xpath_of(xmlNodePtr n, struct ck_buf *b)
{
    if (n == NULL || n->type == XML_DOCUMENT_NODE)
        return;
    if (n->type == XML_ATTRIBUTE_NODE) {
        xpath_of(n->parent, b);
        ck_buf_printf(b, "/@%s", (const char *)n->name);
        return;
    }
    if (n->type != XML_ELEMENT_NODE)
        return;
    xpath_of(n->parent, b);
    size_t pos = 0, count = 0;
    for (xmlNodePtr s = n->parent ? n->parent->children : n; s; s = s->next) {
        if (!same_name(s, n))
            continue;
        count++;
        if (s == n)
            pos = count;
    }
    ck_buf_printf(b, "/%s", (const char *)n->name);
    if (count > 1)
        ck_buf_printf(b, "[%zu]", pos);
}

static char *enclosing_item(xmlNodePtr n)
{
    static const char *const items[] = {"holding", "transaction", "guarantee", "exemption"};
    for (; n && n->type != XML_DOCUMENT_NODE; n = n->parent) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        for (size_t i = 0; i < CK_ARRAY_LEN(items); i++) {
            if (strcmp((const char *)n->name, items[i]) != 0)
                continue;
            xmlChar *id = xmlGetProp(n, (const xmlChar *)(i == 3 ? "rule" : "id"));
            char *s = id ? ck_strdup((const char *)id) : NULL;
            xmlFree(id);
            return s;
        }
    }
    return NULL;
}

/* "… Expected is ( {urn:x}a, {urn:x}b )." → "a, b" */
static char *expected_names(const char *msg)
{
    const char *p = msg ? strstr(msg, "Expected is") : NULL;
    if (p == NULL)
        return NULL;
    p = strchr(p, '(');
    const char *end = p ? strchr(p, ')') : NULL;
    if (p == NULL || end == NULL)
        return NULL;
    struct ck_buf b;
    ck_buf_init(&b);
    for (p++; p < end; p++) {
        if (*p == '{') { /* drop the namespace */
            const char *q = memchr(p, '}', (size_t)(end - p));
            if (q == NULL)
                break;
            p = q;
            continue;
        }
        if (*p == ' ' && (b.len == 0 || p + 1 == end))
            continue;
        ck_buf_addc(&b, *p);
    }
    while (b.len && b.p[b.len - 1] == ' ')
        b.p[--b.len] = '\0';
    if (b.len == 0) {
        ck_buf_fini(&b);
        return NULL;
    }
    return ck_buf_take(&b);
}

static int sibling_named(xmlNodePtr n, const char *names)
{
    /* names is "a, b": any of them among n's later siblings */
    for (xmlNodePtr s = n->next; s; s = s->next) {
        if (s->type != XML_ELEMENT_NODE)
            continue;
        size_t len = strlen((const char *)s->name);
        for (const char *p = names; (p = strstr(p, (const char *)s->name)) != NULL; p += len)
            if ((p == names || p[-1] == ' ') && (p[len] == '\0' || p[len] == ','))
                return 1;
    }
    return 0;
}

void ck_diags_add_xml(struct ck_diags *d, const xmlError *err)
{
    const char *id = "FC-X001";
    xmlNodePtr node = err->node;
    int schema = err->domain == XML_FROM_SCHEMASV;
    if (schema) {
        switch (err->code) {
        case XML_SCHEMAV_ELEMENT_CONTENT: id = "FC-S003"; break;
        case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1: id = "FC-S004"; break;
        case XML_SCHEMAV_CVC_ENUMERATION_VALID: id = "FC-S005"; break;
        case XML_SCHEMAV_CVC_PATTERN_VALID: id = "FC-S006"; break;
        case XML_SCHEMAV_CVC_COMPLEX_TYPE_4: id = "FC-S007"; break;
        case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1:
        case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2: id = "FC-S008"; break;
        case XML_SCHEMAV_CVC_IDC: id = "FC-S009"; break;
        case XML_SCHEMAV_CVC_LENGTH_VALID:
        case XML_SCHEMAV_CVC_MINLENGTH_VALID:
        case XML_SCHEMAV_CVC_MAXLENGTH_VALID:
        case XML_SCHEMAV_CVC_MININCLUSIVE_VALID:
        case XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID:
        case XML_SCHEMAV_CVC_MINEXCLUSIVE_VALID:
        case XML_SCHEMAV_CVC_MAXEXCLUSIVE_VALID:
        case XML_SCHEMAV_CVC_TOTALDIGITS_VALID:
        case XML_SCHEMAV_CVC_FRACTIONDIGITS_VALID: id = "FC-S010"; break;
        default: id = "FC-S099"; break;
        }
    } else if ((err->code == XML_ERR_INVALID_CHAR || err->code == XML_ERR_INVALID_ENCODING) && err->str1 &&
               strncmp(err->str1, "Bytes:", 6) == 0) {
        id = "FC-X002"; /* bytes that are not UTF-8 in a file that declares no other encoding */
    } else if (err->domain == XML_FROM_I18N || err->code == XML_I18N_CONV_FAILED) {
        id = "FC-X003";
    }
    if (d->n > 0) { /* libxml2 repeats some encoding errors word for word */
        const struct ck_fdiag *last = &d->v[d->n - 1];
        char *m = one_line(err->message);
        int same = last->id == id && last->line == err->line && last->detail && m && strcmp(last->detail, m) == 0;
        free(m);
        if (same)
            return;
    }
    struct ck_fdiag *x = ck_diags_add(d, id, err->line, err->message);
    if (x == NULL)
        return;
    x->column = schema ? 0 : err->int2;
    if (node == NULL || !schema)
        return;
    xmlNodePtr el = node->type == XML_ATTRIBUTE_NODE ? node->parent : node;
    x->element = dup0((const char *)el->name);
    x->holding = enclosing_item(el);
    xmlNodePtr at = node->type == XML_ATTRIBUTE_NODE ? node : NULL;
    if (err->code == XML_SCHEMAV_CVC_COMPLEX_TYPE_4) {
        x->attribute = dup0(err->str1);
    } else if (err->str1 && at == NULL && el->type == XML_ELEMENT_NODE) {
        /* a bad attribute value is reported on its element: find the attribute by its value */
        for (xmlAttrPtr a = el->properties; a; a = a->next) {
            xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
            int hit = v && strcmp((const char *)v, err->str1) == 0;
            xmlFree(v);
            if (hit && err->code != XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1 && err->code != XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2) {
                at = (xmlNodePtr)a;
                break;
            }
        }
    }
    if (at)
        x->attribute = dup0((const char *)at->name);
    if (err->code == XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1 || err->code == XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2)
        x->attribute = dup0(err->str1);
    if (strcmp(id, "FC-S004") == 0 || strcmp(id, "FC-S005") == 0 || strcmp(id, "FC-S006") == 0 ||
        strcmp(id, "FC-S010") == 0)
        x->value = dup0(err->str1);
    if (err->code == XML_SCHEMAV_CVC_ENUMERATION_VALID)
        x->expected = dup0(err->str2);
    struct ck_buf xp;
    ck_buf_init(&xp);
    xpath_of(at ? at : el, &xp);
    x->xpath = ck_buf_take(&xp);
    if (err->code == XML_SCHEMAV_ELEMENT_CONTENT) {
        x->expected = expected_names(err->message);
        if (x->expected == NULL)
            x->id = "FC-S003"; /* not allowed here at all */
        else if (err->message && strstr(err->message, "Missing child"))
            x->id = "FC-S002"; /* the parent ended before a required child */
        else if (sibling_named(el, x->expected))
            x->id = "FC-S001"; /* the expected element does come, later: order */
        else
            x->id = "FC-S002"; /* the expected element is not there at all */
    }
}

/* ---- wording ---- */

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* "2024/9/12", "2024.09.12", "2024年9月12日", "20240912" → "2024-09-12"; else 0 */
static int date_fix(const char *v, char out[11])
{
    int part[3] = {0, 0, 0}, k = 0, digits = 0;
    const char *p = v;
    size_t len = strlen(v);
    if (len == 8) {
        int all = 1;
        for (size_t i = 0; i < 8; i++)
            all &= is_digit(v[i]);
        if (all) {
            snprintf(out, 11, "%.4s-%.2s-%.2s", v, v + 4, v + 6);
            return 1;
        }
    }
    while (*p && k < 3) {
        if (is_digit(*p)) {
            part[k] = part[k] * 10 + (*p - '0');
            digits++;
            p++;
            continue;
        }
        if (digits == 0)
            return 0;
        k++;
        digits = 0;
        /* a separator: / . - or one UTF-8 character (年 月 日) */
        if ((unsigned char)*p >= 0x80) {
            p++;
            while ((*(const unsigned char *)p & 0xC0) == 0x80)
                p++;
        } else if (*p == '/' || *p == '.' || *p == '-' || *p == ' ') {
            p++;
        } else {
            return 0;
        }
    }
    if (digits)
        k++;
    if (k != 3 || part[0] < 1900 || part[0] > 2999 || part[1] < 1 || part[1] > 12 || part[2] < 1 || part[2] > 31)
        return 0;
    snprintf(out, 11, "%04d-%02d-%02d", part[0], part[1], part[2]);
    return 1;
}

/* "1,000,000.00", "1 000 000.00", "1000000.00元", "１，０００" … → digits and one '.' */
static int decimal_fix(const char *v, struct ck_buf *out)
{
    int digits = 0, dots = 0, changed = 0;
    for (const char *p = v; *p; p++) {
        if (is_digit(*p)) {
            ck_buf_addc(out, *p);
            digits++;
        } else if (*p == '.') {
            dots++;
            ck_buf_addc(out, '.');
        } else if (*p == ',' || *p == ' ' || *p == '_' || *p == '\'') {
            changed = 1;
        } else if (strncmp(p, "，", 3) == 0 || strncmp(p, "元", 3) == 0) {
            changed = 1;
            p += 2;
        } else {
            return 0;
        }
    }
    return digits > 0 && dots <= 1 && changed;
}

void ck_diag_format(const struct ck_fdiag *x, int lang, struct ck_buf *m, struct ck_buf *h)
{
    int en = lang == CK_LANG_EN;
    const char *el = x->element ? x->element : "?", *at = x->attribute, *v = x->value ? x->value : "";
    const char *id = x->id;
    char date[11];
    if (strcmp(id, "FC-F001") == 0 || strcmp(id, "FC-F002") == 0 || strcmp(id, "FC-F003") == 0 ||
        strcmp(id, "FC-F004") == 0) {
        if (en)
            ck_buf_adds(m, x->detail ? x->detail : "cannot read the file");
        else if (strcmp(id, "FC-F001") == 0)
            ck_buf_printf(m, "无法读取文件（%s）", x->detail ? x->detail : "");
        else if (strcmp(id, "FC-F002") == 0)
            ck_buf_printf(m, "不是普通文件（%s）", x->detail ? x->detail : "");
        else if (strcmp(id, "FC-F003") == 0)
            ck_buf_printf(m, "文件过大，拒绝读取（%s）", x->detail ? x->detail : "");
        else
            ck_buf_adds(m, "文件是空的");
        return;
    }
    if (strcmp(id, "FC-X001") == 0) {
        ck_buf_printf(m, en ? "not well-formed XML: %s" : "XML 格式错误（libxml2 原文：%s）", x->detail ? x->detail : "");
        ck_buf_adds(h, en ? "every start tag needs its end tag, attribute values need quotes, & is written &amp;"
                          : "检查标签是否成对闭合、属性值是否加引号、& 是否写作 &amp;");
        return;
    }
    if (strcmp(id, "FC-X002") == 0) {
        ck_buf_printf(m, en ? "not well-formed XML: %s" : "文件含有不是 UTF-8 的字节，而 XML 声明没有写明其他编码（%s）",
                      x->detail ? x->detail : "");
        ck_buf_adds(h, en ? "if the file is GBK/GB18030, declare it on the first line: <?xml version=\"1.0\" "
                            "encoding=\"GB18030\"?>, or save the file as UTF-8"
                          : "文件如为 GBK/GB18030 编码，请在第一行声明：<?xml version=\"1.0\" encoding=\"GB18030\"?>，"
                            "或另存为 UTF-8");
        return;
    }
    if (strcmp(id, "FC-X003") == 0) {
        ck_buf_printf(m, en ? "not well-formed XML: %s" : "文件内容与 XML 声明的编码不符（%s）", x->detail ? x->detail : "");
        ck_buf_adds(h, en ? "declare the encoding the file is really saved in (UTF-8 or GB18030)"
                          : "按文件实际保存的编码（UTF-8 或 GB18030）改正 XML 声明中的 encoding");
        return;
    }
    if (strcmp(id, "FC-X004") == 0) {
        ck_buf_adds(m, en ? "DOCTYPE declarations are not allowed in a filing (no DTD, no entities)"
                          : "报送文件中不允许 DOCTYPE 声明（不使用 DTD 和实体）");
        ck_buf_adds(h, en ? "delete the <!DOCTYPE …> declaration" : "删去 <!DOCTYPE …> 声明");
        return;
    }
    if (strcmp(id, "FC-X006") == 0) {
        ck_buf_printf(m, en ? "%s" : "不是 urn:gif:filing:1 报送文件（%s）", x->detail ? x->detail : "");
        if (!en)
            ck_buf_adds(h, "根元素应为 <filing xmlns=\"urn:gif:filing:1\" version=\"1\">");
        else
            ck_buf_adds(h, "the root element must be <filing xmlns=\"urn:gif:filing:1\" version=\"1\">");
        return;
    }
    /* schema errors */
    if (strcmp(id, "FC-S001") == 0) {
        ck_buf_printf(m, en ? "element <%s> is out of order: <%s> must come before it"
                            : "元素顺序错误：<%s> 出现在应先出现的 <%s> 之前",
                      el, x->expected);
        if (en)
            ck_buf_printf(h, "move <%s> after <%s> (the order is fixed by the format)", el, x->expected);
        else
            ck_buf_printf(h, "把 <%s> 移到 <%s> 之后（元素顺序由格式规定）", el, x->expected);
        return;
    }
    if (strcmp(id, "FC-S002") == 0) {
        if (en)
            ck_buf_printf(m, "a required element is missing: <%s> (found <%s> instead)", x->expected, el);
        else
            ck_buf_printf(m, "缺少必需的元素 <%s>（此处是 <%s>）", x->expected, el);
        if (en)
            ck_buf_printf(h, "add <%s> here, before <%s>", x->expected, el);
        else
            ck_buf_printf(h, "在 <%s> 之前加入 <%s>", el, x->expected);
        return;
    }
    if (strcmp(id, "FC-S003") == 0) {
        ck_buf_printf(m, en ? "element <%s> is not allowed here" : "此处不允许出现元素 <%s>", el);
        ck_buf_adds(h, en ? "remove it, or check its spelling and where it belongs in the format"
                          : "删去该元素，或检查其拼写及在格式中的位置");
        return;
    }
    if (strcmp(id, "FC-S004") == 0 || strcmp(id, "FC-S006") == 0 || strcmp(id, "FC-S010") == 0) {
        if (at)
            ck_buf_printf(m, en ? "<%s> attribute %s: '%s' is not a valid value" : "<%s> 的属性 %s 的值“%s”无效", el, at, v);
        else
            ck_buf_printf(m, en ? "<%s>: '%s' is not a valid value" : "<%s> 的值“%s”无效", el, v);
        struct ck_buf fix;
        ck_buf_init(&fix);
        if (date_fix(v, date))
            ck_buf_printf(h, en ? "write dates as YYYY-MM-DD: %s" : "日期写作 YYYY-MM-DD：%s", date);
        else if (decimal_fix(v, &fix))
            ck_buf_printf(h, en ? "write amounts as a plain decimal without separators or units: %s"
                                : "金额写作不带千位分隔符和单位的十进制数：%s",
                          ck_buf_str(&fix));
        else if (at && (strcmp(at, "date") == 0 || strcmp(at, "start") == 0 || strcmp(at, "end") == 0 ||
                        strcmp(at, "from") == 0 || strcmp(at, "until") == 0))
            ck_buf_adds(h, en ? "write dates as YYYY-MM-DD, e.g. 2026-04-12" : "日期写作 YYYY-MM-DD，例如 2026-04-12");
        else if (strcmp(id, "FC-S010") == 0 && x->detail)
            ck_buf_printf(h, en ? "libxml2: %s" : "libxml2 原文：%s", x->detail);
        else if (strcmp(id, "FC-S006") == 0)
            ck_buf_adds(h, en ? "see the code formats in docs/filing-format.md"
                              : "代码格式见 filing-format.md（如统一社会信用代码为 18 位）");
        ck_buf_fini(&fix);
        return;
    }
    if (strcmp(id, "FC-S005") == 0) {
        if (at)
            ck_buf_printf(m, en ? "<%s> attribute %s: '%s' is not one of the allowed values"
                                : "<%s> 的属性 %s 的值“%s”不在允许的取值中",
                          el, at, v);
        else
            ck_buf_printf(m, en ? "<%s>: '%s' is not one of the allowed values" : "<%s> 的值“%s”不在允许的取值中", el, v);
        if (x->expected)
            ck_buf_printf(h, en ? "allowed values: %s" : "可选值：%s", x->expected);
        return;
    }
    if (strcmp(id, "FC-S007") == 0) {
        ck_buf_printf(m, en ? "<%s> lacks the required attribute %s" : "<%s> 缺少必需的属性 %s", el, at ? at : "?");
        ck_buf_printf(h, en ? "add %s=\"…\" to <%s>" : "为 <%s> 加上属性 %s=\"…\"", en ? (at ? at : "?") : el,
                      en ? el : (at ? at : "?"));
        return;
    }
    if (strcmp(id, "FC-S008") == 0) {
        ck_buf_printf(m, en ? "<%s> has an attribute %s that the format does not define" : "<%s> 带有格式未定义的属性 %s", el,
                      at ? at : "?");
        ck_buf_adds(h, en ? "remove the attribute or correct its spelling" : "删去该属性或改正其拼写");
        return;
    }
    if (strcmp(id, "FC-S009") == 0) {
        ck_buf_printf(m, en ? "schema violation: %s" : "标识重复或引用无效（libxml2 原文：%s）", x->detail ? x->detail : "");
        ck_buf_adds(h, en ? "ids (holding/@id and the like) must be unique within the filing"
                          : "持仓等的 id 在同一报送文件中不得重复");
        return;
    }
    ck_buf_printf(m, en ? "schema violation: %s" : "不符合格式（libxml2 原文：%s）", x->detail ? x->detail : "");
}
