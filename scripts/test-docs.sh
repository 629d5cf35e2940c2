#!/usr/bin/env bash
# The docs suite of the test command:
#   site     scripts/docs from an empty target/site: the guide, every language's
#            generated reference, and lychee over every link (none may be broken)
#   recipes  scripts/test-recipes.sh: every webhook recipe against the mock
# Both run even when the first fails; ends with "docs: N passed, N failed".
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

passed=0
failed=0
run() {
    local name="$1" started=$SECONDS
    shift
    printf '\n=== docs: %s\n' "$name"
    if "$@"; then
        passed=$((passed + 1))
        printf '=== docs: %s passed in %ss\n' "$name" "$((SECONDS - started))"
    else
        failed=$((failed + 1))
        printf '=== docs: %s FAILED in %ss\n' "$name" "$((SECONDS - started))"
    fi
}

rm -rf target/site
run site scripts/docs
run recipes scripts/test-recipes.sh

echo
echo "docs: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
