#!/usr/bin/env bash
# Runs every webhook recipe of examples/recipes/ as a user would, against
# headshotpro-mock, which delivers signed webhooks to it (scripts/lib/recipe-check.py
# says what is checked: forgeries answered 400 without a stack trace and without
# acting, 2xx at the first attempt, models.retrieve before acting, acting once).
#
#   python-fastapi  uvicorn app:app              python-flask  flask --app app run
#   python-django   python app.py runserver      node-express  node server.mjs
#   node-fastify    node server.mjs              kotlin-ktor   java -cp … example.ApplicationKt
#   nextjs          the route handler, compiled with tsc --strict and called with web
#                   Request objects by scripts/lib/next-route-server.mjs (Next.js itself
#                   is not installed: it would add ~300 MB and a `next build`)
#
# The package under test is this checkout's: the Python wheel (PYTHONPATH, installed
# nowhere else), bindings-node linked into a temporary copy of each Node recipe (so it
# is imported by name, `headshotpro`), and the Kotlin jar installed into ~/.m2 as
# com.headshotpro:headshotpro:<version>-recipe-test with the native library from
# target/debug. Frameworks are pinned (examples/recipes/python-pins.txt, each
# package.json and pom.xml) and installed outside the repository.
#
# Usage: scripts/test-recipes.sh [RECIPE...]     (default: all)
# Ends with "recipes: N passed, N failed"; non-zero when any failed.
set -uo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
source scripts/lib/docs-tools.sh
source scripts/lib/version.sh

RECIPES=(python-fastapi python-flask python-django node-express node-fastify nextjs kotlin-ktor)
[[ $# -gt 0 ]] && RECIPES=("$@")
VERSION="$(workspace_version)"
MOCK_BIN="${HEADSHOTPRO_MOCK_BIN:-$REPO/target/debug/headshotpro-mock}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/hp-recipes.XXXXXX")"
trap 'rm -rf -- "$WORK"' EXIT

step() { printf '\n== recipes: %s\n' "$*" >&2; }
fail_setup() { echo "test-recipes: $*" >&2; exit 1; }

cargo build --locked -q -p headshotpro-mock || fail_setup "the mock does not build"
[[ -x "$MOCK_BIN" ]] || fail_setup "no mock at $MOCK_BIN"

needs() { local r; for r in "${RECIPES[@]}"; do [[ $r == "$1"* ]] && return 0; done; return 1; }

# -- what each language needs, once ------------------------------------------------

if needs python; then
    step "Python: the pinned frameworks and this checkout's wheel"
    RECIPES_VENV="$DOCS_CACHE/venv-recipes"
    DOCS_VENV="$DOCS_CACHE/venv-docs"
    pinned_venv "$RECIPES_VENV" examples/recipes/python-pins.txt examples/recipes/python-*/requirements.txt \
        || fail_setup "cannot install the Python frameworks"
    pinned_venv "$DOCS_VENV" docs/requirements.txt || fail_setup "cannot install maturin"
    WHEEL="$(python_wheel "$REPO" "$DOCS_VENV")" || fail_setup "the wheel does not build"
    "$RECIPES_VENV/bin/pip" install -q --no-deps --target "$WORK/python" "$WHEEL" \
        || fail_setup "cannot unpack $WHEEL"
fi

if needs node || needs nextjs; then
    step "Node: this checkout's native module"
    node_module "$REPO" || fail_setup "bindings-node does not build"
fi
if needs nextjs; then
    TOOLS_BIN="$(pinned_node_tools "$DOCS_CACHE/docs-node" "$REPO")" || fail_setup "cannot install tsc"
fi

if needs kotlin; then
    step "Kotlin: the jar of this checkout as com.headshotpro:headshotpro:$VERSION-recipe-test"
    LIB_DIR="$(scripts/generate-uniffi.sh)" || fail_setup "the uniffi library does not build"
    mvn -B -q -f bindings-uniffi/kotlin/pom.xml -Dmaven.test.skip=true -Dhp.build.dir="$WORK/kotlin-sdk" \
        -Dhp.generated.dir="$REPO/bindings-uniffi/kotlin/generated" package \
        || fail_setup "the Kotlin package does not build"
    sed "0,/<version>$VERSION<\/version>/s//<version>$VERSION-recipe-test<\/version>/" \
        bindings-uniffi/kotlin/pom.xml >"$WORK/kotlin-sdk.pom"
    mvn -B -q install:install-file -Dfile="$WORK/kotlin-sdk/headshotpro-$VERSION.jar" \
        -DpomFile="$WORK/kotlin-sdk.pom" || fail_setup "cannot install the Kotlin package"
fi

# -- one recipe --------------------------------------------------------------------

# node_copy RECIPE: a copy of the recipe whose headshotpro dependency is bindings-node
# (npm links it), installed with its pinned framework.
node_copy() {
    local dir="$WORK/$1"
    cp -r "examples/recipes/$1" "$dir"
    (cd "$dir" && node -e '
        const fs = require("fs")
        const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"))
        pkg.dependencies.headshotpro = "file:" + process.argv[1]
        fs.writeFileSync("package.json", JSON.stringify(pkg, null, 2))' "$REPO/bindings-node" \
        && npm install --cache "$DOCS_NPM_CACHE" --prefer-offline --no-audit --no-fund --loglevel=error >&2)
    printf '%s\n' "$dir"
}

check() {
    python3 scripts/lib/recipe-check.py --mock-bin "$MOCK_BIN" --path /webhooks/headshotpro "$@"
}

run_recipe() {
    local name="$1" dir
    case "$name" in
    python-fastapi)
        PYTHONPATH="$WORK/python" PYTHONDONTWRITEBYTECODE=1 check --name "$name" --session \
            --cwd examples/recipes/python-fastapi -- \
            "$RECIPES_VENV/bin/python" -m uvicorn app:app --host 127.0.0.1 --port 0 ;;
    python-flask)
        PYTHONPATH="$WORK/python" PYTHONDONTWRITEBYTECODE=1 check --name "$name" \
            --cwd examples/recipes/python-flask -- \
            "$RECIPES_VENV/bin/python" -m flask --app app run --host 127.0.0.1 --port 0 ;;
    python-django)
        PYTHONPATH="$WORK/python" PYTHONDONTWRITEBYTECODE=1 check --name "$name" \
            --cwd examples/recipes/python-django -- \
            "$RECIPES_VENV/bin/python" app.py runserver 127.0.0.1:0 --noreload ;;
    node-express)
        dir="$(node_copy node-express)" || return 1
        check --name "$name" --session --cwd "$dir" -- node server.mjs ;;
    node-fastify)
        dir="$(node_copy node-fastify)" || return 1
        check --name "$name" --cwd "$dir" -- node server.mjs ;;
    nextjs)
        # Only the handler and the package: a package.json of its own, ESM, and the
        # route compiled with the recipe's strictness.
        dir="$WORK/nextjs"
        mkdir -p "$dir"
        cp -r examples/recipes/nextjs/app "$dir/"
        printf '{"private": true, "type": "module", "dependencies": {"headshotpro": "file:%s"}}\n' \
            "$REPO/bindings-node" >"$dir/package.json"
        (cd "$dir" && npm install --cache "$DOCS_NPM_CACHE" --prefer-offline --no-audit --no-fund \
            --loglevel=error >&2) || return 1
        (cd "$dir" && "$TOOLS_BIN/tsc" --strict --target es2022 --module nodenext \
            --moduleResolution nodenext --lib es2022,dom,dom.iterable --types node \
            --typeRoots "$(dirname "$TOOLS_BIN")/@types" --skipLibCheck --outDir build \
            app/api/webhooks/headshotpro/route.ts) || return 1
        check --name "$name" --cwd "$dir" --path /api/webhooks/headshotpro -- \
            node "$REPO/scripts/lib/next-route-server.mjs" build/route.js /api/webhooks/headshotpro ;;
    kotlin-ktor)
        dir="$WORK/kotlin-ktor"
        cp -r examples/recipes/kotlin-ktor "$dir"
        (cd "$dir" && mvn -B -q -Dheadshotpro.version="$VERSION-recipe-test" compile \
            dependency:build-classpath -Dmdep.outputFile=classpath.txt) || return 1
        check --name "$name" --cwd "$dir" -- \
            java -Djna.library.path="$LIB_DIR" -cp "target/classes:$(cat "$dir/classpath.txt")" \
            example.ApplicationKt ;;
    *)
        echo "test-recipes: no recipe named $name" >&2
        return 1 ;;
    esac
}

PASSED=()
FAILED=()
for recipe in "${RECIPES[@]}"; do
    step "$recipe"
    started=$SECONDS
    if run_recipe "$recipe"; then
        PASSED+=("$recipe")
    else
        FAILED+=("$recipe")
    fi
    echo "recipes: $recipe took $((SECONDS - started)) s" >&2
done

echo
[[ ${#FAILED[@]} -gt 0 ]] && echo "failed: ${FAILED[*]}"
echo "recipes: ${#PASSED[@]} passed, ${#FAILED[@]} failed"
[[ ${#FAILED[@]} -eq 0 ]]
