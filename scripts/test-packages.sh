#!/usr/bin/env bash
# Proof that the released artifacts work outside the repository: builds
# dist/ once with scripts/package (a warm run when it is current), then
# installs each artifact where the source tree was never seen, and runs a
# small program of tests/consumers/ (copied to a temporary directory) against
# headshotpro-mock, the binary from dist/mock/:
#
#   glibc             objdump -T of every shipped ELF: nothing newer than GLIBC_2.17
#   python-venv       the wheel in a fresh venv (pip --no-index); consumer.py, then
#                     test_fixtures.py with pytest on the package's fixtures
#   python-bullseye   the same in a Debian bullseye root (Python 3.9, glibc 2.31)
#   python-sdist      the sdist with pip in a fresh venv (Rust compiles it), the same
#   python-platform   pip on another platform (aarch64) finds no matching wheel
#   node              both npm tarballs in a fresh project: node (ESM, CommonJS),
#                     tsc --strict, a node --test suite using headshotpro/testing's
#                     MockServer, the headshotpro command (npx: an import, Ctrl-C and
#                     resume from a journal, exit codes), and the loader's error on
#                     an unsupported platform
#   jvm               a Maven project depending only on com.headshotpro:headshotpro:
#                     a Kotlin main and a plain Java main, no jna.library.path; then
#                     examples/kotlin, a user's JUnit 5 suite on the jar's MockServer
#   swift             a Swift package depending on dist/swift/HeadshotPro by path,
#                     built and run in the Debian trixie root; then examples/swift,
#                     a user's XCTest suite on the package's MockServer
#   versions          every manifest carries the workspace version (scripts/version --check)
#   workflow          actionlint on .github/workflows/*.yml
#
# Every check runs even when one failed; the summary ends "N passed, N failed".
# Usage:  scripts/test-packages.sh [CHECK...]     (default: all)
# Env:    HP_PACKAGES_REUSE_DIST=1  use dist/ as it is (skip scripts/package)
# Needs root for the Debian roots (like scripts/test-swift.sh).
set -uo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
source scripts/lib/version.sh
source scripts/lib/mock.sh

VERSION="$(workspace_version)"
DIST="$REPO/dist"
CACHE="${HEADSHOTPRO_PACKAGE_CACHE:-$HOME/.cache/headshotpro-package}"
NPM_CACHE="$HOME/.cache/headshotpro-npm"
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_CACHE_DIR="$CACHE/pip"
CHECKS=(glibc python-venv python-bullseye python-sdist python-platform node jvm swift versions workflow)
[[ $# -gt 0 ]] && CHECKS=("$@")

if [[ "${HP_PACKAGES_REUSE_DIST:-}" != 1 ]]; then
    echo "== test-packages: scripts/package" >&2
    scripts/package || { echo "test-packages: scripts/package failed" >&2; exit 1; }
fi
WHEEL="$(ls "$DIST"/python/headshotpro-"$VERSION"-*.whl 2>/dev/null | head -n1)"
SDIST="$DIST/python/headshotpro-$VERSION.tar.gz"
NPM_MAIN="$DIST/npm/headshotpro-$VERSION.tgz"
NPM_PLATFORM="$DIST/npm/headshotpro-linux-x64-gnu-$VERSION.tgz"
for artifact in "$WHEEL" "$SDIST" "$NPM_MAIN" "$NPM_PLATFORM" "$DIST/jvm/headshotpro-$VERSION.jar" \
    "$DIST/swift/HeadshotPro/Package.swift" "$DIST/mock/headshotpro-mock"; do
    [[ -e "$artifact" ]] || { echo "test-packages: missing ${artifact:-the wheel}: run scripts/package" >&2; exit 1; }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/hp-consumers.XXXXXX")"
cleanup() { stop_mock; rm -rf -- "$WORK"; }
trap cleanup EXIT

export HEADSHOTPRO_MOCK_BIN="$DIST/mock/headshotpro-mock"
start_mock || exit 1
export HEADSHOTPRO_API_KEY="$MOCK_KEY" HEADSHOTPRO_BASE_URL="$MOCK_URL"
echo "== test-packages: mock (dist/mock/headshotpro-mock) at $MOCK_URL" >&2

# consumer LANG: a fresh copy of tests/consumers/LANG; prints its path.
consumer() {
    local dir="$WORK/$1-$RANDOM"
    cp -r "tests/consumers/$1" "$dir"
    printf '%s\n' "$dir"
}

check_glibc() {
    python3 scripts/lib/dist-report.py "$DIST" --check
}

# pytest and what it needs, for Python 3.9 and later, downloaded once into the
# cache: the consumer tests install it with --no-index, like the wheel. pip
# reads the requirements' markers for the Python running it, so the ones
# pytest needs only before 3.11 are named too.
PYTEST="pytest==8.4.2"
PYTEST_WHEELS="$CACHE/consumer-wheels"
pytest_wheels() {
    [[ -f "$PYTEST_WHEELS/.complete-$PYTEST-py39" ]] && return 0
    python3 -m pip download -q --only-binary=:all: --python-version 3.9 -d "$PYTEST_WHEELS" \
        "$PYTEST" "exceptiongroup>=1" "tomli>=1" && touch "$PYTEST_WHEELS/.complete-$PYTEST-py39"
}

# python_consumer VENV_PYTHON TAG: consumer.py, then the pytest suites on the
# package's fixtures (headshotpro.testing, an in-process mock) and on the
# installed `headshotpro` command, in the current directory (a copy of
# tests/consumers/python).
python_consumer() {
    CONSUMER_TAG="$2" "$1" consumer.py &&
        "$1" -m pip install -q --no-index --find-links "$PYTEST_WHEELS" "$PYTEST" &&
        "$1" -m pytest -q -p no:cacheprovider test_fixtures.py test_cli.py
}

check_python_venv() {
    local dir
    dir="$(consumer python)"
    pytest_wheels || return 1
    python3 -m venv "$dir/venv"
    "$dir/venv/bin/pip" install -q --no-index "$WHEEL"
    (cd "$dir" && python_consumer venv/bin/python venv)
}

check_python_bullseye() {
    local dir
    dir="$(consumer python)"
    pytest_wheels || return 1
    scripts/toolchains/root-run.sh --root python-bullseye --ro-bind "$DIST/python:/hp/dist" \
        --ro-bind "$PYTEST_WHEELS:/hp/wheels" \
        --env "HEADSHOTPRO_API_KEY=$MOCK_KEY" --env "HEADSHOTPRO_BASE_URL=$MOCK_URL" \
        --env "CONSUMER_TAG=bullseye" --env "PIP_DISABLE_PIP_VERSION_CHECK=1" \
        "$dir" -- /bin/sh -euc '
            python3 -m venv /tmp/venv
            /tmp/venv/bin/pip install -q --no-index /hp/dist/*.whl
            /tmp/venv/bin/python consumer.py
            # The mock serves photos from another host name, localhost, which
            # a Debian system names in /etc/hosts; the bootstrapped root has none.
            [ -s /etc/hosts ] || printf "127.0.0.1 localhost\n::1 localhost\n" >/etc/hosts
            /tmp/venv/bin/pip install -q --no-index --find-links /hp/wheels '"$PYTEST"'
            /tmp/venv/bin/python -m pytest -q -p no:cacheprovider test_fixtures.py test_cli.py'
}

check_python_sdist() {
    local dir
    dir="$(consumer python)"
    python3 -m venv "$dir/venv"
    # pip builds the sdist in an isolated environment with maturin from PyPI;
    # compiled dependencies are cached between runs, the sdist's own crates
    # are compiled from what it carries.
    pytest_wheels || return 1
    CARGO_TARGET_DIR="$CACHE/sdist-target" "$dir/venv/bin/pip" install -q "$SDIST"
    (cd "$dir" && python_consumer venv/bin/python sdist)
}

check_python_platform() {
    local out
    if out="$(python3 -m pip download --no-index --find-links "$DIST/python" --only-binary=:all: \
        --platform manylinux2014_aarch64 --python-version 3.11 -d "$WORK/aarch64" headshotpro 2>&1)"; then
        echo "pip found a distribution for aarch64: $out"
        return 1
    fi
    grep -i "no matching distribution found for headshotpro" <<<"$out"
}

check_node() {
    local dir
    dir="$(consumer node)"
    (
        set -e
        cd "$dir"
        npm install --cache "$NPM_CACHE" --prefer-offline --no-audit --no-fund --loglevel=error \
            "$NPM_MAIN" "$NPM_PLATFORM"
        [[ -f node_modules/headshotpro-linux-x64-gnu/headshotpro.linux-x64-gnu.node ]]
        CONSUMER_TAG=node-esm node consumer.mjs
        node consumer.cjs
        npx --no-install tsc -p tsconfig.json
        CONSUMER_TAG=node-ts node build/typed.js
        node --test testing.test.mjs
        node --test cli.test.mjs
        node unsupported.cjs
    )
}

check_jvm() {
    local dir example="$WORK/kotlin-example-$RANDOM"
    dir="$(consumer jvm)"
    cp -r examples/kotlin "$example"
    (
        set -e
        cd "$dir"
        mvn -B -q -Dheadshotpro.version="$VERSION" package \
            dependency:build-classpath -Dmdep.outputFile=classpath.txt
        local cp="target/classes:$(cat classpath.txt)"
        CONSUMER_TAG=kotlin java -cp "$cp" ConsumerKt
        CONSUMER_TAG=java java -cp "$cp" JavaConsumer
        # A user's JUnit 5 suite: the jar's in-process MockServer, nothing else.
        cd "$example"
        env -u HEADSHOTPRO_API_KEY -u HEADSHOTPRO_BASE_URL \
            mvn -B -q -Dheadshotpro.version="$VERSION" test
        grep -h "Tests run" target/surefire-reports/*.txt
    )
}

check_swift() {
    local dir="$WORK/swift-$RANDOM"
    mkdir -p "$dir"
    cp -r tests/consumers/swift "$dir/consumer"
    cp -r examples/swift "$dir/example"
    cp -r "$DIST/swift/HeadshotPro" "$dir/HeadshotPro"
    if grep -rn "unsafeFlags" "$dir/HeadshotPro/Package.swift"; then
        echo "the released Package.swift uses unsafeFlags"
        return 1
    fi
    scripts/toolchains/root-run.sh --root swift \
        --env "HEADSHOTPRO_API_KEY=$MOCK_KEY" --env "HEADSHOTPRO_BASE_URL=$MOCK_URL" \
        --env "CONSUMER_TAG=swift" \
        --env "PKG_CONFIG_PATH=/hp/pkg/HeadshotPro/lib/pkgconfig" \
        --env "LD_LIBRARY_PATH=/hp/pkg/HeadshotPro/lib" \
        --workdir /hp/pkg/consumer \
        "$dir" -- /bin/sh -euc 'swift build -c release && .build/release/Consumer
            cd ../example && swift test --disable-swift-testing'
}

check_versions() {
    scripts/version --check
}

check_workflow() {
    local actionlint
    actionlint="$(scripts/toolchains/actionlint.sh)" || return 1
    "$actionlint" .github/workflows/*.yml && echo "actionlint: no findings"
}

NAMES=() RESULTS=() TIMES=()
for name in "${CHECKS[@]}"; do
    fn="check_${name//-/_}"
    declare -F "$fn" >/dev/null || { echo "test-packages: no check named $name" >&2; exit 2; }
    printf '\n== test-packages: %s\n' "$name"
    started=$SECONDS
    # In a subshell with -e, outside any `if`: a check stops at its first
    # failing command (bash ignores -e inside a function called as a condition).
    ( set -e; "$fn" )
    if [[ $? -eq 0 ]]; then RESULTS+=(passed); else RESULTS+=(failed); fi
    NAMES+=("$name")
    TIMES+=($((SECONDS - started)))
    printf -- '-- %s %s in %ss\n' "$name" "${RESULTS[-1]}" "${TIMES[-1]}"
done

passed=0 failed=0
printf '\n%-16s %-7s %s\n' check result seconds
for i in "${!NAMES[@]}"; do
    printf '%-16s %-7s %s\n' "${NAMES[$i]}" "${RESULTS[$i]}" "${TIMES[$i]}"
    if [[ ${RESULTS[$i]} == passed ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "packages: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
