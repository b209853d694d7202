#!/usr/bin/env bash
# check-links.sh — every relative link in the repository's Markdown resolves
# inside the repository.
#
# Usage: bash scripts/check-links.sh
#
# For each *.md file tracked by git, each inline link or image
# `[text](target)` whose target is not http(s):, mailto: or a pure `#anchor`
# (links inside code blocks and code spans do not count):
#   - the target, without its `#anchor`, resolved from the file's folder, must
#     exist, stay inside the repository (no `../shared/...`) and not be
#     ignored by git (a clone would not have it);
#   - an anchor on a link into a .md file must name one of its headings, by
#     GitHub's rules: lowercase, punctuation other than `-` and `_` removed,
#     spaces become `-`, a repeated heading gets `-1`, `-2`, ...
# Prints `FILE:LINE: broken link TARGET (why)` for each failure and exits 1;
# otherwise prints `links: N checked, all resolve`.
set -euo pipefail
cd "$(dirname "$0")/.."

git ls-files -z -- '*.md' | python3 -c '
import os, re, subprocess, sys, unicodedata
from urllib.parse import unquote

root = os.path.realpath(".")
files = [f for f in sys.stdin.read().split("\0") if f]

FENCE = re.compile(r"^ {0,3}(?:>\s*)?(?:[-*+]\s+|\d+[.)]\s+)?\s*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)")
# [text](target "title"): text may hold one level of brackets; target may be
# <...> or hold one level of balanced parentheses.
LINK = re.compile(
    r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]"
    r"\(\s*(<[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*)"
    r"(?:\s+(?:\"[^\"]*\"|\x27[^\x27]*\x27|\([^()]*\)))?\s*\)")
HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
HTML_ID = re.compile(r"<a\s[^>]*(?:name|id)\s*=\s*[\"\x27]([^\"\x27]+)[\"\x27]", re.I)

def masked_lines(text):
    """The file with fenced code blocks blanked and code spans turned to x."""
    out, fence = [], None
    for line in text.split("\n"):
        m = FENCE.match(line)
        if fence is None and m:
            fence = m.group(1)
            out.append("")
            continue
        if fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) \
                    and line.strip().lstrip(">-*+ ").strip("`~ \t") == "":
                fence = None
            out.append("")
            continue
        out.append(CODE_SPAN.sub(lambda s: s.group(1) + "x" * len(s.group(2)) + s.group(1), line))
    return out

def heading_text(raw):
    """What GitHub renders of a heading: no link targets, emphasis or backticks."""
    t = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", raw)
    t = re.sub(r"<[^>]+>", "", t)
    return t.replace("`", "").replace("*", "").strip()

def slug(text):
    text = heading_text(text).lower()
    text = "".join(c for c in text
                   if c in "-_ " or unicodedata.category(c)[0] in "LNM")
    return text.replace(" ", "-")

anchor_cache = {}
def anchors(path):
    if path not in anchor_cache:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        raw_lines = text.split("\n")
        lines = masked_lines(text)
        seen, found = {}, set()
        def add(s):
            n = seen.get(s, 0)
            seen[s] = n + 1
            found.add(s if n == 0 else f"{s}-{n}")
        for i, line in enumerate(lines):
            m = HEADING.match(line)
            if m:
                add(slug(raw_lines[i].strip().lstrip("#").strip().rstrip("#").strip()))
            elif i > 0 and SETEXT.match(line) and lines[i - 1].strip() \
                    and not HEADING.match(lines[i - 1]) and not lines[i - 1].lstrip().startswith(("-", "*", "+", "|")):
                add(slug(raw_lines[i - 1].strip()))
            for a in HTML_ID.findall(raw_lines[i]):
                found.add(a)
        anchor_cache[path] = found
    return anchor_cache[path]

def ignored(rel):
    return subprocess.run(["git", "check-ignore", "-q", rel],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0

checked, broken = 0, []
for f in files:
    with open(f, encoding="utf-8") as fh:
        text = "\n".join(masked_lines(fh.read()))
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    def line_of(pos):
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= pos: lo = mid
            else: hi = mid - 1
        return lo + 1
    for m in LINK.finditer(text):
        target = m.group(2)
        if target.startswith("<") and target.endswith(">"):
            target = target[1:-1].strip()
        if not target or target.startswith("#") \
                or re.match(r"(?i)^(https?|mailto):", target):
            continue
        checked += 1
        where = f"{f}:{line_of(m.start(2))}"
        if re.match(r"(?i)^[a-z][a-z0-9+.-]*:", target):
            broken.append(f"{where}: broken link {target} (not a relative path)")
            continue
        path, _, anchor = target.partition("#")
        path = unquote(path)
        if path.startswith("/"):
            resolved = os.path.normpath(os.path.join(root, path.lstrip("/")))
        else:
            resolved = os.path.normpath(os.path.join(root, os.path.dirname(f), path))
        real = os.path.realpath(resolved)
        if not (real == root or real.startswith(root + os.sep)) \
                or not (resolved == root or resolved.startswith(root + os.sep)):
            broken.append(f"{where}: broken link {target} (outside the repository)")
            continue
        if not os.path.exists(resolved):
            broken.append(f"{where}: broken link {target} (no such file)")
            continue
        rel = os.path.relpath(resolved, root)
        if rel != "." and ignored(rel):
            broken.append(f"{where}: broken link {target} (ignored by git, not in a clone)")
            continue
        if anchor and resolved.endswith(".md") and os.path.isfile(resolved):
            if unquote(anchor) not in anchors(resolved):
                broken.append(f"{where}: broken link {target} (no heading #{anchor} in {rel})")

for b in broken:
    print(b)
if broken:
    print(f"links: {checked} checked, {len(broken)} broken", file=sys.stderr)
    sys.exit(1)
print(f"links: {checked} checked, all resolve")
'
