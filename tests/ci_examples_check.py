#!/usr/bin/env python3
"""Runs the CI examples as their CI systems would, against the built binary.

examples/ci/github-actions.yml, examples/ci/gitlab-ci.yml and .pre-commit-hooks.yaml are parsed; the
shell steps that call audit are run in a scratch git repository of articles (with the checkout and
build steps replaced by the binary under test), and their exit codes and output files are checked:
a repository with an unsourced claim fails, the same repository with a baseline passes, and every
report file the CI system would upload parses.

usage: ci_examples_check.py SOURCE_DIR AUDIT_BINARY
"""
import json
import os
import shlex
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import yaml

ATTRIBUTED = (
    "# Council to close pool\n\n"
    "The city council voted on Monday to close the Eastside pool, the mayor said.\n"
)
UNSOURCED = (
    "# Budget\n\n"
    "The council approved the budget on Tuesday, raising spending by 12 percent.\n"
)

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("  FAIL", message)


def make_repo(root):
    os.makedirs(os.path.join(root, "news"))
    with open(os.path.join(root, "news", "pool.md"), "w") as f:
        f.write(ATTRIBUTED)
    git = ["git", "-c", "user.name=ci-test", "-c", "user.email=ci@example.invalid"]
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run(git + ["commit", "-q", "-m", "initial"], cwd=root, check=True)
    # The pull request: a new article with an unsourced claim, not yet committed.
    with open(os.path.join(root, "news", "budget.md"), "w") as f:
        f.write(UNSOURCED)


def run_script(script, cwd, home):
    env = dict(os.environ, HOME=home, NO_COLOR="1")
    env.pop("AUDIT_RULES", None)
    return subprocess.run(["bash", "-e", "-c", script], cwd=cwd, env=env,
                          capture_output=True, text=True)


def write_baseline(binary, repo, home):
    result = run_script(f"{shlex.quote(binary)} check --write-baseline .", repo, home)
    check(result.returncode == 0, f"--write-baseline failed: {result.stderr}")


def github(source, binary, work):
    print("GitHub Actions workflow")
    with open(os.path.join(source, "examples/ci/github-actions.yml")) as f:
        workflow = yaml.safe_load(f)
    steps = workflow["jobs"]["audit"]["steps"]
    check(any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps),
          "the workflow uploads SARIF")
    check(workflow["permissions"].get("security-events") == "write",
          "the workflow may upload to code scanning")
    audit_steps = [s for s in steps if ".audit-tool/audit check" in s.get("run", "")]
    check(len(audit_steps) == 2, "the workflow annotates and audits")

    def script(step):
        text = step["run"].replace(".audit-tool/audit", shlex.quote(binary))
        return text.replace("origin/${{ github.base_ref }}", "HEAD")

    for with_baseline in (False, True):
        repo = os.path.join(work, f"gh-{with_baseline}")
        make_repo(repo)
        if with_baseline:
            write_baseline(binary, repo, work)
        annotate = run_script(script(audit_steps[0]), repo, work)
        check(annotate.returncode == 0, f"annotation step exits 0: {annotate.stderr}")
        if not with_baseline:
            check("::warning file=news/budget.md" in annotate.stdout,
                  "annotation step annotates the new article")
        gate = run_script(script(audit_steps[1]), repo, work)
        expected = 0 if with_baseline else 1
        check(gate.returncode == expected,
              f"audit step exits {expected} (baseline={with_baseline}): got {gate.returncode} "
              f"{gate.stderr}")
        with open(os.path.join(repo, "audit.sarif")) as f:
            sarif = json.load(f)
        results = sarif["runs"][0]["results"]
        check(bool(results) != with_baseline,
              f"SARIF has results only without the baseline (baseline={with_baseline})")


def gitlab(source, binary, work):
    print("GitLab CI job")
    with open(os.path.join(source, "examples/ci/gitlab-ci.yml")) as f:
        job = yaml.safe_load(f)["audit"]
    check(job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json",
          "the job reports Code Quality")
    script = "\n".join(job["script"]).replace("/opt/audit/audit", shlex.quote(binary))
    for with_baseline in (False, True):
        repo = os.path.join(work, f"gl-{with_baseline}")
        make_repo(repo)
        if with_baseline:
            write_baseline(binary, repo, work)
        result = run_script(script, repo, work)
        expected = 0 if with_baseline else 1
        check(result.returncode == expected,
              f"job exits {expected} (baseline={with_baseline}): got {result.returncode} "
              f"{result.stderr}")
        with open(os.path.join(repo, "gl-code-quality-report.json")) as f:
            issues = json.load(f)
        check(all("fingerprint" in i for i in issues), "Code Quality issues have fingerprints")
        check(any(i["location"]["path"] == "news/budget.md" for i in issues),
              "Code Quality names the new article")
        junit = ET.parse(os.path.join(repo, "audit-junit.xml")).getroot()
        failures_count = sum(int(s.get("failures", 0)) for s in junit.iter("testsuite"))
        check((failures_count == 0) == with_baseline,
              f"JUnit fails only without the baseline (baseline={with_baseline})")


def pre_commit(source, binary, work):
    print("pre-commit hook")
    import re
    with open(os.path.join(source, ".pre-commit-hooks.yaml")) as f:
        hooks = yaml.safe_load(f)
    hook = hooks[0]
    check(hook["id"] == "audit" and hook["language"] == "script", "the hook is a script hook")
    check(os.access(os.path.join(source, shlex.split(hook["entry"])[0]), os.X_OK),
          "the hook's entry is an executable in the repository")
    repo = os.path.join(work, "pc")
    make_repo(repo)
    files = [p for p in ("news/pool.md", "news/budget.md", "README") if re.search(hook["files"], p)]
    check(files == ["news/pool.md", "news/budget.md"], "the hook selects articles only")
    entry = shlex.split(hook["entry"])
    command = [binary] + entry[1:] + files
    result = subprocess.run(command, cwd=repo, capture_output=True, text=True,
                            env=dict(os.environ, NO_COLOR="1"))
    check(result.returncode == 1, f"the hook fails on the unsourced claim: {result.returncode}")
    result = subprocess.run([binary] + entry[1:] + ["news/pool.md"], cwd=repo,
                            capture_output=True, text=True)
    check(result.returncode == 0, "the hook passes a sourced article")


def main():
    source, binary = sys.argv[1], os.path.abspath(sys.argv[2])
    with tempfile.TemporaryDirectory(prefix="audit-ci-examples-") as work:
        github(source, binary, work)
        gitlab(source, binary, work)
        pre_commit(source, binary, work)
    if failures:
        print(f"{len(failures)} CI example check(s) failed")
        return 1
    print("CI examples: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
