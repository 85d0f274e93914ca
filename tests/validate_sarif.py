#!/usr/bin/env python3
"""Validates audit's SARIF output against the official SARIF 2.1.0 JSON schema with a real validator.

  validate_sarif.py AUDIT_BINARY SCHEMA ARTICLE...
"""
import json
import subprocess
import sys

import jsonschema


def main():
    binary, schema_path, articles = sys.argv[1], sys.argv[2], sys.argv[3:]
    out = subprocess.run([binary, "check", "--format", "sarif", "--fail-on", "never"] + articles,
                         capture_output=True, text=True).stdout
    sarif = json.loads(out)
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(sarif), key=lambda e: list(e.path))
    for e in errors[:20]:
        print(f"   FAIL  {'/'.join(map(str, e.path))}: {e.message}")
    results = sum(len(run["results"]) for run in sarif["runs"])
    print(f"   SARIF with {results} results: {'valid' if not errors else f'{len(errors)} schema errors'}")
    sys.exit(1 if errors or results == 0 else 0)


if __name__ == "__main__":
    main()
