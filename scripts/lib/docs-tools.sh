# The tools and builds shared by scripts/docs and scripts/test-recipes.sh: pinned
# virtualenvs and node_modules kept outside the repository (installed again only when
# their pins change), and the Python wheel and Node module of this checkout, rebuilt
# only when a source they are made of is newer than them.
# shellcheck shell=bash

DOCS_CACHE="${HEADSHOTPRO_CACHE:-$HOME/.cache/headshotpro}"
DOCS_NPM_CACHE="$HOME/.cache/headshotpro-npm"
export PIP_DISABLE_PIP_VERSION_CHECK=1

# pinned_venv DIR REQUIREMENTS...: a virtualenv at DIR with the pinned requirements
# (lines "name==version"; a line naming headshotpro is skipped: the package under test
# comes from this checkout). Reinstalled only when the pins change.
pinned_venv() {
    local dir="$1" stamp want
    shift
    want="$(cat "$@" | grep -v -E '^\s*(#|$)' | grep -v -E '^headshotpro([=<> ]|$)' | sort -u)"
    stamp="$(printf '%s\n' "$want" | sha256sum | cut -d' ' -f1)"
    if [[ -x "$dir/bin/python" && "$(cat "$dir/.pins" 2>/dev/null)" == "$stamp" ]]; then
        return
    fi
    [[ -x "$dir/bin/python" ]] || python3 -m venv "$dir"
    # shellcheck disable=SC2086
    "$dir/bin/pip" install -q --cache-dir "$DOCS_CACHE/pip" $want
    printf '%s\n' "$stamp" >"$dir/.pins"
}

# pinned_node_tools DIR: docs/tools/package.json and its lock installed at DIR with
# npm ci. Reinstalled only when the lock changes. Prints DIR/node_modules/.bin.
pinned_node_tools() {
    local dir="$1" repo="$2"
    mkdir -p "$dir"
    if ! cmp -s "$repo/docs/tools/package-lock.json" "$dir/package-lock.json" \
        || [[ ! -d "$dir/node_modules" ]]; then
        cp "$repo/docs/tools/package.json" "$repo/docs/tools/package-lock.json" "$dir/"
        (cd "$dir" && npm ci --cache "$DOCS_NPM_CACHE" --prefer-offline --no-audit --no-fund \
            --loglevel=error >&2)
    fi
    printf '%s\n' "$dir/node_modules/.bin"
}

# newer_than FILE PATH...: true when FILE is missing or a file under a PATH is newer.
newer_than() {
    local file="$1"
    shift
    [[ ! -e "$file" ]] && return 0
    [[ -n "$(find "$@" -newer "$file" -type f ! -name '*.pyc' -print -quit 2>/dev/null)" ]]
}

# python_wheel REPO VENV: the path of this checkout's wheel (target/python-wheels),
# built with maturin from VENV (dev profile, as scripts/build-python.sh builds it) when
# there is none or a source is newer. Installs it nowhere.
python_wheel() {
    local repo="$1" venv="$2" wheels="$1/target/python-wheels" wheel
    wheel="$(ls "$wheels"/headshotpro-*.whl 2>/dev/null | head -n1)"
    if newer_than "$wheel" "$repo/core/src" "$repo/core/Cargo.toml" "$repo/mock/src" \
        "$repo/bindings-python/src" "$repo/bindings-python/python" "$repo/bindings-python/Cargo.toml" \
        "$repo/bindings-python/pyproject.toml" "$repo/Cargo.lock"; then
        rm -f "$wheels"/headshotpro-*.whl
        (cd "$repo" && "$venv/bin/maturin" build --profile dev -m bindings-python/Cargo.toml \
            -i "$venv/bin/python" -o "$wheels" >&2)
        wheel="$(ls "$wheels"/headshotpro-*.whl | head -n1)"
    fi
    printf '%s\n' "$wheel"
}

# node_module REPO: builds bindings-node's native module (scripts/build-node.sh) when
# there is none or a source is newer.
node_module() {
    local repo="$1" module
    module="$(ls "$repo"/bindings-node/headshotpro.*.node 2>/dev/null | head -n1)"
    if newer_than "$module" "$repo/core/src" "$repo/core/Cargo.toml" "$repo/mock/src" \
        "$repo/bindings-node/src" "$repo/bindings-node/Cargo.toml" "$repo/bindings-node/package-lock.json" \
        "$repo/Cargo.lock"; then
        bash "$repo/scripts/build-node.sh" >&2
    fi
}
