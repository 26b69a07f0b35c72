#!/usr/bin/env python3
"""Assertions on what headless Chromium rendered: a DOM (--dump-dom) or a
screenshot (--screenshot).

usage: check_page.py KIND FILE [ARGS...]
  check DOM N          the `check --format html` report: N finding elements
                       (div.finding), the Chinese headings, the per-filing
                       sections' data-findings adding up to N
  report DOM N USCC... the `report --format html` database report: the
                       sections summary, charts (with an inline SVG), funds,
                       findings, exempted, errors, runs, layout; N finding
                       elements in section#findings (the rows of v_findings);
                       every USCC named in the funds section
  hostile DOM TEXT     TEXT (the hostile fund name) is shown as text and
                       nothing of it became an element or attribute
  offline DOM          only the offline checks below
  png FILE W H         a PNG of W x H pixels that is not blank: at least
                       16 distinct byte values in its decoded scanlines
Every kind also checks that the page is offline and inert: no <script>,
no on* handler attribute, no <link>, <iframe>, <object>, <embed>, <base> or
<meta http-equiv=refresh>, and no src/href/srcset/action/poster/xlink:href
or CSS url() that points anywhere but into the page (#…) or at data:.
Standard library only (html.parser). Prints what failed; exit 1 on failure.
"""
import html.parser
import re
import struct
import sys
import zlib

FORBIDDEN = {"script", "link", "iframe", "object", "embed", "base", "frame", "applet"}
URL_ATTRS = {"src", "href", "srcset", "action", "formaction", "poster", "xlink:href", "background", "data"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children, self.text = [], []

    def all_text(self):
        out = list(self.text)
        for c in self.children:
            out.append(c.all_text())
        return "".join(out)

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()

    def classes(self):
        return (self.attrs.get("class") or "").split()


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Tree(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.children.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is not self.root:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.text.append(data)


def parse(path):
    t = Tree()
    t.feed(open(path, encoding="utf-8").read())
    t.close()
    return t.root


def local_url(v):
    v = v.strip()
    return v == "" or v.startswith("#") or v.lower().startswith("data:")


def offline_problems(root):
    problems = []
    for n in root.walk():
        if n.tag in FORBIDDEN:
            problems.append("<%s> element" % n.tag)
        if n.tag == "meta" and (n.attrs.get("http-equiv") or "").lower() == "refresh":
            problems.append("<meta http-equiv=refresh>")
        for k, v in n.attrs.items():
            if k.startswith("on"):
                problems.append("<%s %s=…> handler" % (n.tag, k))
            if k in URL_ATTRS and v is not None:
                parts = [p.strip().split(" ")[0] for p in v.split(",")] if k == "srcset" else [v]
                for p in parts:
                    if not local_url(p):
                        problems.append("<%s %s=%r> loads a resource" % (n.tag, k, p[:80]))
            if k == "style" and v and re.search(r"url\(\s*['\"]?(?!#|data:)", v, re.I):
                problems.append("<%s style> with url()" % n.tag)
        if n.tag == "style":
            css = "".join(n.text)
            if re.search(r"url\(\s*['\"]?(?!#|data:)", css, re.I) or "@import" in css:
                problems.append("<style> loads a resource (url() or @import)")
    return problems


def by_id(root, ident):
    for n in root.walk():
        if n.attrs.get("id") == ident:
            return n
    return None


def png_problems(path, w, h):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return ["not a PNG"]
    pos, idat, size = 8, b"", None
    while pos + 8 <= len(data):
        n, typ = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if typ == b"IHDR":
            size = struct.unpack(">II", body[:8])
        elif typ == b"IDAT":
            idat += body
        pos += 12 + n
    if size != (w, h):
        return ["%r pixels, want %dx%d" % (size, w, h)]
    raw = zlib.decompress(idat)
    distinct = len(set(raw))
    if distinct < 16:
        return ["blank: only %d distinct byte values" % distinct]
    return []


def main():
    kind, dom = sys.argv[1], sys.argv[2]
    if kind == "png":
        problems = png_problems(dom, int(sys.argv[3]), int(sys.argv[4]))
        print("; ".join(problems) if problems else "ok")
        return 1 if problems else 0
    root = parse(dom)
    problems = offline_problems(root)
    info = []
    if kind == "check":
        want = int(sys.argv[3])
        findings = [n for n in root.walk() if n.tag == "div" and "finding" in n.classes()]
        if len(findings) != want:
            problems.append("%d finding elements, the JSON report has %d findings" % (len(findings), want))
        sections = [n for n in root.walk() if n.tag == "section" and "filing" in n.classes()]
        declared = sum(int(n.attrs.get("data-findings") or 0) for n in sections)
        if declared != want:
            problems.append("filing sections declare %d findings, want %d" % (declared, want))
        inside = sum(1 for s in sections for n in s.walk() if n.tag == "div" and "finding" in n.classes())
        if inside != want:
            problems.append("%d finding elements inside filing sections, want %d" % (inside, want))
        h1 = [n.all_text().strip() for n in root.walk() if n.tag == "h1"]
        if h1 != ["政府投资基金合规检查报告"]:
            problems.append("h1 is %r, not the Chinese title" % h1)
        summary = by_id(root, "summary")
        h2 = [n.all_text().strip() for n in summary.walk() if n.tag == "h2"] if summary else []
        if h2 != ["汇总"]:
            problems.append("section#summary heading is %r, not 汇总" % h2)
        charts = [n for n in root.walk() if n.tag == "svg"]
        if not charts:
            problems.append("no inline SVG chart")
        info.append("%d findings in %d filing sections, %d charts" % (len(findings), len(sections), len(charts)))
    elif kind == "report":
        for ident in ("summary", "charts", "funds", "findings", "exempted", "errors", "runs", "layout"):
            if by_id(root, ident) is None:
                problems.append("no element with id %r" % ident)
        charts = by_id(root, "charts")
        if charts is not None and not any(n.tag == "svg" for n in charts.walk()):
            problems.append("#charts has no inline SVG")
        want = int(sys.argv[3])
        sec = by_id(root, "findings")
        got = sum(1 for n in sec.walk() if "finding" in n.classes()) if sec is not None else 0
        if got != want:
            problems.append("%d finding elements in #findings, the database has %d findings" % (got, want))
        funds = by_id(root, "funds")
        text = funds.all_text() if funds is not None else ""
        missing = [u for u in sys.argv[4:] if u not in text]
        if missing:
            problems.append("#funds does not name %s" % ", ".join(missing[:5]))
        if not re.search(r"[\u4e00-\u9fff]", "".join(n.all_text() for n in root.walk() if n.tag in ("h1", "h2"))):
            problems.append("no Chinese heading")
        info.append("%d findings (as v_findings), %d funds named" % (got, len(sys.argv) - 4 - len(missing)))
    elif kind == "hostile":
        text = sys.argv[3]
        body = [n for n in root.walk() if n.tag == "body"]
        if not body:
            problems.append("no body")
        elif any(k.startswith("data-pwned") for k in body[0].attrs):
            problems.append("a script from the filing ran (body has data-pwned)")
        if text not in root.all_text():
            problems.append("the hostile name is not shown as text")
        if any(n.tag == "img" for n in root.walk()):
            problems.append("an <img> from the filing is in the DOM")
    elif kind != "offline":
        print("unknown kind %s" % kind)
        return 2
    if problems:
        print("; ".join(problems[:8]))
        return 1
    print("ok " + "; ".join(info))
    return 0


if __name__ == "__main__":
    sys.exit(main())
