#!/usr/bin/env python3
"""Check a Bulkhead HTML report: it parses as HTML with every element
closed in order (void elements aside), and it makes no network requests:
no URLs, no external resources, no scripts.

Usage: python3 tests/html_check.py REPORT.html [--pack]
(--pack: a workshop pack, which has no charts.)
Exit 0 when clean; 1 with file:line: messages otherwise."""
import re
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}
# SVG shapes written self-closed (<line .../>) count as closed.


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems, self.seen = [], [], set()

    def problem(self, msg):
        line, _ = self.getpos()
        self.problems.append(f"{sys.argv[1]}:{line}: {msg}")

    def handle_starttag(self, tag, attrs):
        self.seen.add(tag)
        if tag == "script":
            self.problem("a <script>: reports must not need scripts")
        for name, value in attrs:
            if name in ("src", "href", "action", "xmlns", "srcset") or name.startswith("on"):
                self.problem(f"<{tag} {name}=...>: an external reference or handler")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.seen.add(tag)
        for name, _ in attrs:
            if name in ("src", "href", "action", "xmlns", "srcset") or name.startswith("on"):
                self.problem(f"<{tag} {name}=...>: an external reference or handler")

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problem(f"</{tag}> does not close <{self.stack[-1] if self.stack else 'nothing'}>")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    c = Checker()
    c.feed(text)
    c.close()
    if c.stack:
        c.problem("unclosed: " + ", ".join(c.stack))
    for url in re.findall(r"(?:https?:|ftp:|//[a-z0-9.-]+\.[a-z]{2,}|url\()", text, re.I):
        c.problem(f"contains a URL or url(): {url}")
    needs = ("html", "head", "body", "title", "style", "table")
    if "--pack" not in sys.argv[2:]:
        needs += ("svg", "polyline")
    for need in needs:
        if need not in c.seen:
            c.problem(f"no <{need}>")
    if not text.lstrip().lower().startswith("<!doctype html>"):
        c.problem("does not start with <!DOCTYPE html>")
    for p in c.problems:
        print(p)
    return 1 if c.problems else 0


if __name__ == "__main__":
    sys.exit(main())
