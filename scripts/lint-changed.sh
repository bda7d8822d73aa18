#!/usr/bin/env bash
# The quick lint (`make check`, `npm run test:quick`): prettier and eslint on the files changed
# since main (committed on this branch or not, and new files; since HEAD where there is no main
# branch), then the types of sources and tests, incrementally. `make lint` checks everything.
set -euo pipefail
cd "$(dirname "$0")/.."

base=$(git merge-base main HEAD 2>/dev/null || git rev-parse HEAD)
mapfile -t changed < <({ git diff --name-only --diff-filter=d "$base"; git ls-files --others --exclude-standard; } | sort -u)
scripts=()
for f in "${changed[@]}"; do [[ $f == *.@(ts|mts|js|mjs|cjs) ]] && scripts+=("$f"); done

if (( ${#changed[@]} )); then
  npx prettier --check --ignore-unknown --log-level warn -- "${changed[@]}" \
    || { echo "lint: files not formatted; 'npm run format' formats them" >&2; exit 1; }
fi
if (( ${#scripts[@]} )); then
  npx eslint --no-warn-ignored --cache --cache-location node_modules/.cache/eslint/ -- "${scripts[@]}"
fi
npx tsc -p tsconfig.tests.json --incremental --tsBuildInfoFile node_modules/.cache/tsc/tests.tsbuildinfo
echo "lint: ${#changed[@]} changed files since ${base:0:7} formatted and linted; types checked" >&2
