#!/usr/bin/env python3
"""Compares what a person reads in two HTML reports: the text content with
tags stripped and whitespace collapsed (SVG <title> tooltips and chart
labels included; the <style> sheet left out).

    python3 scripts/report_text.py OLD.html NEW.html [OLD2.html NEW2.html ...]

Exits 0 when every pair has the same text, 1 otherwise (printing where the
first difference is). Used to check that a change to how the HTML is written
(docs/reports.md, "How the HTML is written") leaves the content alone.
"""
import html.parser
import re
import sys


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self.skip += 1
        self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self.skip -= 1
        self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def text(path):
    p = Text()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    p.close()
    return re.sub(r"\s+", " ", "".join(p.parts)).strip()


def main(paths):
    if len(paths) < 2 or len(paths) % 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    same = True
    for old, new in zip(paths[::2], paths[1::2]):
        a, b = text(old), text(new)
        if a == b:
            print(f"same text ({len(a)} characters): {old} = {new}")
            continue
        same = False
        i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
        print(f"DIFFERENT text: {old} ({len(a)} characters) vs {new} ({len(b)}), from character {i}:")
        print(f"  old: …{a[max(0, i - 60):i + 60]}…")
        print(f"  new: …{b[max(0, i - 60):i + 60]}…")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
