#!/usr/bin/env bash
# The headshotpro command: its unit tests and its tests driving the built
# binary against the mock (imports, resumed journals, --json shapes, exit
# codes, webhooks serve/verify, the mock subcommand). The core's bulk invite
# tests it relies on run in the rust suite.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --locked -p headshotpro-cli
