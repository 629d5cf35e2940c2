#!/usr/bin/env bash
# Rust: formatting, clippy with warnings as errors, and every crate's tests
# (the core against the mock over real HTTP, the mock's own tests).
set -euo pipefail
cd "$(dirname "$0")/.."

for component in rustfmt clippy; do
    if ! cargo "${component/rustfmt/fmt}" --version >/dev/null 2>&1; then
        rustup component add "$component"
    fi
done

cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo test --locked -p headshotpro -p headshotpro-mock
