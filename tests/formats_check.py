#!/usr/bin/env python3
"""Issue 3's corpus checks, on ../shared/corpus/formats read at test time (never copied here).

  formats_check.py AUDIT_BINARY FORMATS_DIR

Every saved page, news XML item, Markdown post and .docx must be audited without error and yield a headline and
body sentences; every XML item must name its wire.
"""
import glob
import json
import os
import subprocess
import sys


def main():
    binary, formats = sys.argv[1], sys.argv[2]
    paths = sorted(glob.glob(os.path.join(formats, "html", "*", "source.html")) +
                   glob.glob(os.path.join(formats, "xml", "*.xml")) +
                   glob.glob(os.path.join(formats, "md", "*.md")) +
                   glob.glob(os.path.join(formats, "docx", "*.docx")))
    out = subprocess.run([binary, "check", "--format", "jsonl", "--fail-on", "never"] + paths,
                         capture_output=True, text=True).stdout
    problems = []
    for line in out.splitlines():
        article = json.loads(line)
        name = os.path.relpath(article["path"], formats)
        roles = [s["role"] for s in article["sentences"]]
        if article.get("error"):
            problems.append(f"{name}: {article['error']['message']}")
        elif "headline" not in roles:
            problems.append(f"{name}: no headline")
        elif roles.count("body") == 0:
            problems.append(f"{name}: no body sentences")
        elif name.startswith("xml") and not article.get("wire"):
            problems.append(f"{name}: names no wire")
    print(f"   {len(paths)} files in {formats}: {len(paths) - len(problems)} read with a headline and body")
    for p in problems:
        print("   FAIL  " + p)
    sys.exit(1 if problems or not paths else 0)


if __name__ == "__main__":
    main()
