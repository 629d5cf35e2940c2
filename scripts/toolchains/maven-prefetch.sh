#!/usr/bin/env bash
# Warm the local Maven repository for bindings-uniffi/kotlin and smoke-test
# the Kotlin toolchain, without needing the Rust cdylib or the generated
# bindings.
#
# Optional: `mvn test` on the real project downloads whatever it lacks by
# itself. Use this to fetch everything early (e.g. while cargo builds), or
# before running Maven offline (`mvn -o`).
#
# How: `mvn dependency:go-offline` is NOT enough here (it misses plugin
# dependencies Maven 3.8 resolves lazily, and Surefire's JUnit Platform
# provider, so a later `mvn -o test` fails). Instead this copies the
# project's pom.xml into a temporary directory, adds one tiny Kotlin source
# and one JUnit 5 test (coroutines + JNA calling libc's getpid), and runs
# the same `mvn test` lifecycle there: that resolves exactly the artifacts
# the real build needs, and proves that kotlinc (-Werror), JNA, coroutines
# and Surefire work. The temporary directory is removed afterwards.
#
# Usage:   scripts/toolchains/maven-prefetch.sh [MVN_ARG...]
#   e.g.   scripts/toolchains/maven-prefetch.sh -Dmaven.repo.local=/tmp/m2
# Cost:    ~25-30 s with an empty ~/.m2 (~90 MB downloaded), ~15-20 s warm.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
POM="$SCRIPT_DIR/../../bindings-uniffi/kotlin/pom.xml"
[[ -f "$POM" ]] || { echo "maven-prefetch: no pom at $POM" >&2; exit 2; }
command -v mvn >/dev/null || { echo "maven-prefetch: mvn not found" >&2; exit 2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/hp-maven-prefetch.XXXXXX")"
trap 'rm -rf -- "$WORK"' EXIT

cp "$POM" "$WORK/pom.xml"
mkdir -p "$WORK/src/main/kotlin/com/headshotpro" "$WORK/src/test/kotlin/com/headshotpro"

cat >"$WORK/src/main/kotlin/com/headshotpro/Smoke.kt" <<'EOF'
package com.headshotpro

import com.sun.jna.Library
import com.sun.jna.Native
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

internal interface SmokeLibC : Library {
    fun getpid(): Int
}

internal object Smoke {
    private val libc: SmokeLibC = Native.load("c", SmokeLibC::class.java)

    suspend fun pid(): Int = withContext(Dispatchers.IO) { libc.getpid() }
}
EOF

cat >"$WORK/src/test/kotlin/com/headshotpro/SmokeTest.kt" <<'EOF'
package com.headshotpro

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

class SmokeTest {
    @Test
    fun coroutinesAndJna() = runBlocking {
        assertEquals(ProcessHandle.current().pid(), Smoke.pid().toLong())
    }
}
EOF

echo "maven-prefetch: resolving and smoke-testing bindings-uniffi/kotlin/pom.xml" >&2
# -Dhp.generated.dir points at a directory that does not exist: nothing
# generated is compiled here.
mvn -B -q -f "$WORK/pom.xml" \
    -Dhp.generated.dir="$WORK/none" -Dhp.lib.dir="$WORK" -Dhp.mock.bin= \
    "$@" test
echo "maven-prefetch: ok" >&2
