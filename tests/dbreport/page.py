#!/usr/bin/env python3
"""Facts read from an HTML page of `fundcheck report --format html`, for
tests/suite-dbreport.sh: parsed into a tree with html.parser (what a
browser's DOM holds for this markup; the headless-browser test checks the
rendering itself).

usage: page.py FILE QUERY [ARGS]; queries:
  ids ID...            how many elements have each id
  svg CHART            how many <svg> the figure id=CHART holds
  bars CHART           the data-label of each bar of the figure, space-separated
  value CHART LABEL    the data-value of that bar
  funds                the data-uscc of each fund section, sorted
  findings [SEV]       number of findings (of that data-severity)
  finding-funds        the data-fund values of the findings, sorted, unique
  exempted-rows        rows of the exempted-findings table
  basis                RULE<TAB>legal basis text of each finding, one a line
  rows ID CLASS        rows of class CLASS under the element id=ID
  fund-metrics USCC    key=value of each metric cell of the fund's first period
  fund-limits USCC     number of limit findings listed in the fund's section
  run N                data-status, data-interrupted, data-lookthrough-missing of run N
"""
import sys
from html.parser import HTMLParser

VOID = {"meta", "br", "hr", "img", "input", "link", "area", "base", "col", "source", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children, self.text = tag, dict(attrs), parent, [], []

    def cls(self):
        return (self.attrs.get("class") or "").split()

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()

    def content(self):
        return "".join(self.text) + "".join(c.content() + "".join(c.tail) for c in self.children)


class Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.root.tail = []
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        n.tail = []
        self.cur.children.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        n.tail = []
        self.cur.children.append(n)

    def handle_endtag(self, tag):
        n = self.cur
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is not self.root:
            self.cur = n.parent

    def handle_data(self, data):
        if self.cur.children:
            self.cur.children[-1].tail.append(data)
        else:
            self.cur.text.append(data)


def main():
    path, query, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    t = Tree()
    t.feed(open(path, encoding="utf-8").read())
    nodes = list(t.root.walk())

    def by_id(i):
        return [n for n in nodes if n.attrs.get("id") == i]

    def one(i):
        m = by_id(i)
        if not m:
            print("")
            sys.exit(0)
        return m[0]

    if query == "ids":
        print(" ".join(str(len(by_id(i))) for i in args))
    elif query == "svg":
        print(sum(1 for n in one(args[0]).walk() if n.tag == "svg"))
    elif query == "bars":
        print("".join(n.attrs.get("data-label", "") + " " for n in one(args[0]).walk() if "bar" in n.cls()))
    elif query == "value":
        for n in one(args[0]).walk():
            if "bar" in n.cls() and n.attrs.get("data-label") == args[1]:
                print(n.attrs.get("data-value"))
    elif query == "funds":
        print("".join(u + " " for u in sorted(n.attrs["data-uscc"] for n in nodes if n.tag == "section" and "fund" in n.cls())))
    elif query == "findings":
        print(sum(1 for n in nodes if "finding" in n.cls() and n.tag == "div"
                  and (not args or n.attrs.get("data-severity") == args[0])))
    elif query == "finding-funds":
        print(" ".join(sorted({n.attrs.get("data-fund") for n in nodes if "finding" in n.cls() and n.tag == "div"})))
    elif query == "exempted-rows":
        print(sum(1 for n in nodes if "exempted-row" in n.cls()))
    elif query == "basis":
        for n in nodes:
            if n.tag == "div" and "finding" in n.cls():
                b = [m for m in n.walk() if "basis" in m.cls()]
                print(n.attrs.get("data-rule") + "\t" + (b[0].content() if b else ""))
    elif query == "rows":
        print(sum(1 for n in one(args[0]).walk() if n.tag == "tr" and args[1] in n.cls()))
    elif query == "fund-metrics":
        rows = [n for n in one("fund-" + args[0]).walk() if "metrics-row" in n.cls()]
        if rows:
            for c in rows[0].walk():
                if c.tag == "td" and "data-metric" in c.attrs:
                    print(c.attrs["data-metric"] + "=" + c.content())
    elif query == "fund-limits":
        print(sum(1 for ul in one("fund-" + args[0]).walk() if ul.tag == "ul" and "limits" in ul.cls()
                  for li in ul.children if li.tag == "li" and "data-rule" in li.attrs))
    elif query == "run":
        r = one("run-" + args[0])
        print(r.attrs.get("data-status"), r.attrs.get("data-interrupted"), r.attrs.get("data-lookthrough-missing"))
    else:
        sys.exit("unknown query " + query)


main()
