#!/usr/bin/env python3
"""Renders HTML reports in headless Chromium and checks them through the DOM.

For the bundled examples and a hostile fixture: `audit report` writes the pages; Chromium loads each
one from file:// (scripts run), dumps the DOM and takes a screenshot. Checks:
- every sentence's mark matches the verdict in `audit check --format json` for the same file;
- a filter in the address (#hide=...) hides exactly the sentences with those marks;
- nothing from the article ran: the hostile page's title is still the report's, no element came from
  its markup, and its data block holds no markup;
- no page refers to the network.

With a corpus folder (../shared/corpus/bbc), also writes its report and checks one page and one
index row per article and no reference to the network.

usage: html_browser_check.py SOURCE_DIR AUDIT_BINARY [SCREENSHOT_DIR [CORPUS_DIR]]
"""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("  FAIL", message)


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def browser(binary, args, url):
    command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-extensions", "--virtual-time-budget=3000"] + args + [url]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


class Dom(html.parser.HTMLParser):
    """The sentence spans, the title and every element name of a dumped DOM."""

    def __init__(self):
        super().__init__()
        self.spans = {}
        self.severity = {}
        self.hidden = set()
        self.tags = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "title" and not self.title:
            self._in_title = True  # the document's title; SVG <title>s come later
        if tag == "span" and "data-id" in a and "s" in a.get("class", "").split():
            self.spans[int(a["data-id"])] = a.get("data-mark")
            if "data-severity" in a:
                self.severity[int(a["data-id"])] = a["data-severity"]
            if "hidden" in a:
                self.hidden.add(int(a["data-id"]))

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def expected_mark(sentence, findings):
    """The mark a sentence should carry, from the JSON contract alone."""
    weak = {"anonymous-source", "vague-attribution", "loaded-cue", "unattributed-quote",
            "dangling-reference"}
    status = sentence["attribution"]["status"] if sentence.get("attribution") else "none"
    if sentence["claim"] and status == "none":
        return "unattributed"
    if any(f["rule"] in weak for f in findings):
        return "weak"
    if not sentence["claim"]:
        return "none"
    if sentence.get("secondhand"):
        return "secondhand"
    return "attributed"


def dump(chrome, page, fragment=""):
    result = browser(chrome, ["--dump-dom"], "file://" + page + fragment)
    dom = Dom()
    dom.feed(result.stdout)
    return dom, result.stdout


def main():
    source, audit = sys.argv[1], os.path.abspath(sys.argv[2])
    shots = sys.argv[3] if len(sys.argv) > 3 else None
    corpus = sys.argv[4] if len(sys.argv) > 4 else None
    chrome = chromium()
    if not chrome:
        print("chromium not found")
        return 1
    with tempfile.TemporaryDirectory(prefix="audit-html-") as work:
        articles = os.path.join(work, "articles")
        os.makedirs(articles)
        for name in sorted(os.listdir(os.path.join(source, "examples"))):
            if name.endswith(".txt"):
                shutil.copy(os.path.join(source, "examples", name), articles)
        shutil.copy(os.path.join(source, "tests/fixtures/html/hostile.html"), articles)
        out = os.path.join(work, "report")
        run = subprocess.run([audit, "report", articles, "--out", out], capture_output=True,
                             text=True)
        check(run.returncode == 0, f"audit report exits 0: {run.stderr}")
        analysis = json.loads(subprocess.run([audit, "check", "--format", "json", "--fail-on",
                                              "never", articles], capture_output=True,
                                             text=True).stdout)
        by_name = {os.path.basename(f["path"]): f for f in analysis["files"]}
        pages = sorted(os.listdir(os.path.join(out, "articles")))
        check(len(pages) == len(by_name), "one page per article")
        for page_name in pages:
            page = os.path.join(out, "articles", page_name)
            with open(page, encoding="utf-8") as f:
                raw = f.read()
            check(not re.search(r'(src|href|action)="(https?:)?//', raw),
                  f"{page_name}: no reference to the network")
            name = next(n for n in by_name if page_name.endswith(
                re.sub(r"[^a-z0-9]+", "-", n.lower()) + ".html"))
            data = by_name[name]
            dom, text = dump(chrome, page)
            check(len(dom.spans) == len(data["sentences"]),
                  f"{name}: {len(dom.spans)} marked sentences, {len(data['sentences'])} in JSON")
            for i, sentence in enumerate(data["sentences"]):
                findings = [f for f in data["findings"] if f["sentence"] == i]
                want = expected_mark(sentence, findings)
                check(dom.spans.get(i) == want,
                      f"{name} sentence {i}: mark {dom.spans.get(i)}, JSON says {want}")
            check(not dom.hidden, f"{name}: nothing hidden before filtering")
            marks = set(dom.spans.values())
            for hidden in ("attributed", "none"):
                filtered, _ = dump(chrome, page, "#hide=" + hidden)
                want_hidden = {i for i, m in dom.spans.items() if m == hidden}
                check(filtered.hidden == want_hidden,
                      f"{name}: #hide={hidden} hides {sorted(filtered.hidden)}, "
                      f"expected {sorted(want_hidden)}")
            for severity in ("warning", "info"):
                filtered, _ = dump(chrome, page, "#hide=sev-" + severity)
                want_hidden = {i for i, v in dom.severity.items() if v == severity}
                check(filtered.hidden == want_hidden,
                      f"{name}: #hide=sev-{severity} hides {sorted(filtered.hidden)}, "
                      f"expected {sorted(want_hidden)}")
            if name == "hostile.html":
                check(dom.title.startswith("audit: "), f"hostile title unchanged: {dom.title!r}")
                # The article's scripts would set the title to exactly 'pwned'; as text it is
                # still inside the report's own title.
                check(dom.title.strip() != "pwned", "no script from the article ran")
                check("img" not in dom.tags and "iframe" not in dom.tags,
                      "no element from the article's markup")
                check(marks, "the hostile article's sentences are marked")
            if shots:
                os.makedirs(shots, exist_ok=True)
                browser(chrome, ["--hide-scrollbars", "--window-size=1100,1400",
                                 "--screenshot=" + os.path.join(shots, page_name[:-5] + ".png")],
                        "file://" + page)
        index = os.path.join(out, "index.html")
        dom, text = dump(chrome, index)
        check(text.count("<tr>") >= len(by_name) + 1, "the index has a row per article")
        if shots:
            browser(chrome, ["--hide-scrollbars", "--window-size=1100,900",
                             "--screenshot=" + os.path.join(shots, "index.png")], "file://" + index)
        if corpus and os.path.isdir(corpus):
            out = os.path.join(work, "corpus-report")
            run = subprocess.run([audit, "report", corpus, "--out", out], capture_output=True,
                                 text=True)
            check(run.returncode == 0, f"corpus report exits 0: {run.stderr[-500:]}")
            articles = [n for n in os.listdir(corpus) if re.search(r"\.(txt|md|html?|xml|docx)$", n)]
            written = os.listdir(os.path.join(out, "articles"))
            check(len(written) == len(articles),
                  f"corpus report: {len(written)} pages for {len(articles)} articles")
            with open(os.path.join(out, "index.html"), encoding="utf-8") as f:
                index_text = f.read()
            rows = index_text.split('id="articles"')[1].split("</table>")[0].count("<tr>") - 1
            check(rows == len(articles), f"corpus index: {rows} rows for {len(articles)} articles")
            for name in written + ["../index.html"]:
                with open(os.path.join(out, "articles", name), encoding="utf-8") as f:
                    if re.search(r'(src|href|action)="(https?:)?//', f.read()):
                        check(False, f"corpus page {name} refers to the network")
            print(f"corpus report: {len(written)} pages, {rows} index rows")
    if failures:
        print(f"{len(failures)} browser check(s) failed")
        return 1
    print(f"HTML report in Chromium: {len(pages)} pages and the index checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
