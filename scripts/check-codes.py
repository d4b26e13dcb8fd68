#!/usr/bin/env python3
"""Checks content/connect.toml against the official ICD-10-CM code files (the CMS files that
PyPI's simple-icd-10-cm ships): every ICD-10-CM code in the mapping exists, and its `display`
is the code's own description, word for word. Run by scripts/test.sh (tools/py has the package).
Usage: tools/py/bin/python scripts/check-codes.py [content/connect.toml]"""
import sys
import tomllib

import simple_icd_10_cm as icd

path = sys.argv[1] if len(sys.argv) > 1 else "content/connect.toml"
with open(path, "rb") as f:
    codes = tomllib.load(f)["code"]

problems = []
checked = 0
for entry in codes:
    if entry["system"] != "icd10cm":
        continue
    code, display = entry["code"], entry["display"]
    checked += 1
    if not icd.is_valid_item(code):
        problems.append(f"{code}: not an ICD-10-CM code")
    elif icd.get_description(code) != display:
        problems.append(f'{code}: the code files name it "{icd.get_description(code)}", not "{display}"')

for p in problems:
    print(f"check-codes: {path}: {p}", file=sys.stderr)
if problems:
    sys.exit(1)
print(f"check-codes: {checked} ICD-10-CM codes exist in the code files with the names given")
