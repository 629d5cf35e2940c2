# Starting headshotpro-mock from a script on an ephemeral port.
# shellcheck shell=bash

# start_mock [FLAG...]: starts $HEADSHOTPRO_MOCK_BIN with fast timers and sets
# MOCK_PID, MOCK_URL and MOCK_KEY. The mock exits when this shell does (its
# stdin is a coprocess pipe); stop_mock stops it earlier.
start_mock() {
    coproc MOCK { exec "$HEADSHOTPRO_MOCK_BIN" --port 0 --host 127.0.0.1 --dev-step-ms 50 \
        --webhook-delay-ms 0 --webhook-retry-ms 50 --exit-on-stdin-close "$@"; }
    local first
    if ! IFS= read -r -t 30 first <&"${MOCK[0]}"; then
        echo "headshotpro-mock did not start ($HEADSHOTPRO_MOCK_BIN)" >&2
        return 1
    fi
    MOCK_URL=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["url"])' "$first")
    MOCK_KEY=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["api_key"])' "$first")
}

# stop_mock: stops the mock started by start_mock, if any.
stop_mock() {
    if [[ -n ${MOCK_PID:-} ]]; then
        kill "$MOCK_PID" 2>/dev/null || true
        wait "$MOCK_PID" 2>/dev/null || true
        MOCK_PID=""
    fi
}
