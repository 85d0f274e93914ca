#!/usr/bin/env python3
"""Word-level F1 of the article text audit extracts from saved news pages, against a clean extraction.

  extraction_f1.py AUDIT_BINARY PAGES_DIR [--min F1]

PAGES_DIR holds one folder per page with source.html (the saved page) and expected.html (the article text as a
clean extractor, Mozilla Readability, gives it). The extracted text is every sentence audit reports except the
headline; words are compared as bags (precision, recall, F1 per page), and the mean F1 is printed. With --min,
exits 1 when the mean is below it.
"""
import argparse
import html.parser
import json
import os
import re
import subprocess
import sys
from collections import Counter


class TextOnly(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def words(text):
    return Counter(re.findall(r"\w+", text.lower()))


def f1(got, want):
    common = sum((got & want).values())
    if not common:
        return 0.0, 0.0, 0.0
    p, r = common / sum(got.values()), common / sum(want.values())
    return p, r, 2 * p * r / (p + r)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("pages")
    ap.add_argument("--min", type=float)
    args = ap.parse_args()
    scores = []
    for name in sorted(os.listdir(args.pages)):
        page = os.path.join(args.pages, name)
        source, expected = os.path.join(page, "source.html"), os.path.join(page, "expected.html")
        if not (os.path.exists(source) and os.path.exists(expected)):
            continue
        run = subprocess.run([args.binary, "check", "--format", "json", "--fail-on", "never", source],
                             capture_output=True, text=True)
        article = json.loads(run.stdout)["files"][0]
        got = " ".join(s["text"] for s in article["sentences"] if s["role"] != "headline")
        parser = TextOnly()
        with open(expected, encoding="utf-8", errors="replace") as f:
            parser.feed(f.read())
        p, r, score = f1(words(got), words(" ".join(parser.parts)))
        scores.append(score)
        error = (article.get("error") or {}).get("message", "")
        print(f"{name:40} P {p:.3f}  R {r:.3f}  F1 {score:.3f}  {error}")
    mean = sum(scores) / len(scores) if scores else 0.0
    print(f"mean word F1 over {len(scores)} pages: {mean:.3f}")
    if args.min is not None and mean < args.min:
        sys.exit(1)


if __name__ == "__main__":
    main()
