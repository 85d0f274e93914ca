#!/usr/bin/env python3
"""Issue 2's acceptance checks on one article of ../shared/corpus/dev, read at test time (never copied here).

  corpus_checks.py AUDIT_BINARY CORPUS_DEV_DIR

The wire-relay article must show: the dateline's outlet as publisher; exactly two unattributed claims, the last two
sentences of the article; a Reuters chain over two claims; an AP chain to a report over three claims, two of them
sentences that open with "The report"; and the headline's loaded cue.
"""
import json
import os
import subprocess
import sys


def main():
    binary, corpus = sys.argv[1], sys.argv[2]
    path = os.path.join(corpus, "iraqinews-isis-threat.txt")
    out = subprocess.run([binary, "check", "--format", "json", path], capture_output=True, text=True).stdout
    article = json.loads(out)["files"][0]
    sentences = article["sentences"]
    failures = []

    def check(ok, what):
        print(("   ok    " if ok else "   FAIL  ") + what)
        if not ok:
            failures.append(what)

    check(article["publisher"] == "IraqiNews.com", "publisher read from the dateline")
    unattributed = [s["id"] for s in sentences if s["claim"] and s["attribution"]["status"] == "none"]
    check(unattributed == [len(sentences) - 2, len(sentences) - 1],
          "exactly two unattributed claims, the last two sentences")
    chains = {tuple(c["hops"][:2]): c for c in article["chains"] if c["secondhand"]}
    reuters = chains.get(("IraqiNews.com", "Reuters"))
    check(reuters is not None and len(reuters["sentences"]) == 2, "a secondhand Reuters chain of two claims")
    ap = chains.get(("IraqiNews.com", "AP"))
    check(ap is not None and len(ap["sentences"]) == 3 and ap["hops"][-1].endswith("(report)"),
          "a secondhand AP chain to a report, of three claims")
    if ap:
        openers = [sentences[i]["text"].startswith("The report") for i in ap["sentences"]]
        check(openers.count(True) == 2, "both 'The report ...' sentences rest on the AP chain")
    headline_ids = {s["id"] for s in sentences if s["role"] == "headline"}
    loaded = [f for f in article["findings"] if f["rule"] == "loaded-cue" and f["sentence"] in headline_ids]
    check(bool(loaded), "the headline's loaded cue is reported")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
