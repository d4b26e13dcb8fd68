#!/usr/bin/env bash
# The Nu Html Checker (npm vnu-jar, on the system's Java 17) over every prerendered page of a
# build: each index.html and 404.html, in one JVM call (its start-up is most of the time).
# Prints each error and a count per kind; exits non-zero if there is any error.
# Usage: scripts/validate-html.sh [DIST]   (default dist)
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
jar=tools/node_modules/vnu-jar/build/dist/vnu.jar
[ -f "$jar" ] || { echo "validate-html: $jar is missing (scripts/setup.sh installs it)" >&2; exit 2; }
mapfile -d '' pages < <(find "$dist" -type f \( -name index.html -o -name 404.html \) -print0 | sort -z)
[ ${#pages[@]} -gt 0 ] || { echo "validate-html: no index.html or 404.html in $dist" >&2; exit 2; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
java -jar "$jar" --errors-only --format text "${pages[@]}" >"$out" 2>&1 || status=$?
cat "$out"
errors=$(grep -cE '^(Fatal )?Error: ' "$out" || true)
if [ "$errors" -gt 0 ]; then
  echo "validate-html: $errors errors in ${#pages[@]} pages, by kind:"
  sed -nE 's/^(Fatal )?Error: //p' "$out" | sort | uniq -c | sort -rn
  exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "validate-html: the checker failed (exit $status)" >&2
  exit "$status"
fi
echo "validate-html: ${#pages[@]} pages, no errors"
