#!/usr/bin/env python3
"""Validates SARIF files against the official SARIF 2.1.0 JSON schema.

usage: validate_sarif.py SCHEMA FILE...  Prints one line per file; exit 1
if any is invalid. Also checks what the schema cannot: every result's
ruleIndex points at its ruleId, and fingerprints are unique per run.
"""
import json
import sys

import jsonschema


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema)
    bad = 0
    for path in sys.argv[2:]:
        doc = json.load(open(path, encoding="utf-8"))
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        problems = ["%s: %s" % ("/".join(map(str, e.path)), e.message) for e in errors[:5]]
        for run in doc.get("runs", []):
            rules = run["tool"]["driver"].get("rules", [])
            seen = set()
            for r in run.get("results", []):
                if rules[r["ruleIndex"]]["id"] != r["ruleId"]:
                    problems.append("ruleIndex %d is not %s" % (r["ruleIndex"], r["ruleId"]))
                fp = json.dumps(r.get("partialFingerprints"), sort_keys=True)
                if fp in seen:
                    problems.append("duplicate fingerprint %s" % fp)
                seen.add(fp)
        if problems:
            bad += 1
            print("INVALID %s: %s" % (path, "; ".join(problems)))
        else:
            print("valid %s (%d results)" % (path, sum(len(r.get("results", [])) for r in doc["runs"])))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
