#!/usr/bin/env bash
# Run a command on a host directory inside one of the Debian roots made by
# debian-root.sh: Swift (trixie's `swiftlang`) for Swift packages, Python 3.9
# on bullseye (glibc 2.31) for the wheel.
#
# Usage:
#   scripts/toolchains/root-run.sh [options] PKGDIR -- CMD [ARG...]
#
#   PKGDIR           host directory (e.g. a SwiftPM package); bind-mounted
#                    read-write at /hp/pkg, which is also the working
#                    directory of CMD.
# Options:
#   --root PROFILE   which root: swift (default) or python-bullseye
#                    (debian-root.sh makes it on first use).
#   --lib DIR        host directory with the native libraries (the Rust
#                    cdylib); bind-mounted read-only at /hp/lib. Link with
#                    -L/hp/lib and an rpath of /hp/lib (see the package's
#                    Package.swift).
#   --bind SRC:DST   extra read-write bind mount of host SRC at DST (an
#                    absolute path inside the root). Repeatable.
#   --ro-bind SRC:DST  the same, read-only. Repeatable.
#   --env NAME=VALUE set a variable for CMD (the environment is otherwise
#                    only PATH=/usr/bin:/bin HOME=/root). Repeatable.
#   --workdir DIR    working directory inside the root (default /hp/pkg).
#
# Example (swift-run.sh is this script with --root swift):
#   scripts/toolchains/root-run.sh --lib "$PWD/target/debug" \
#       bindings-uniffi/swift -- swift test --disable-swift-testing
#
# CMD's exit code is this script's exit code.
#
# How: every mount (/proc, a tmpfs /tmp, the binds) is made inside
# `unshare --mount --propagation private`, so all of them vanish when CMD
# ends, whatever happens; nothing is ever left mounted under the root (a
# leftover bind mount would make an `rm -rf` of the root delete host
# files). CMD runs via chroot with `env -i PATH=/usr/bin:/bin HOME=/root`.
#
# Where SwiftPM writes: its build dir is the package's own `.build`
# (bindings-uniffi/swift/.build is git-ignored), or wherever CMD's
# --scratch-path says; its caches (~/.cache, ~/.swiftpm) are under /root
# inside the trixie root, outside the repo. /tmp is a fresh tmpfs per run.
#
# The root is created on first use (debian-root.sh) and reused afterwards.
# Needs root privileges (CI and dev machines run as root).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; exit 2; }
die() { printf 'root-run: error: %s\n' "$*" >&2; exit 2; }

LIB=""
PROFILE="swift"
WORKDIR="/hp/pkg"
BINDS=()      # entries "rw|SRC|DST" or "ro|SRC|DST"
ENVS=()

add_bind() {
    local mode="$1" spec="$2" src dst
    [[ "$spec" == *:* ]] || die "bind spec must be SRC:DST, got '$spec'"
    src="${spec%%:*}"
    dst="${spec#*:}"
    [[ -d "$src" || -f "$src" ]] || die "bind source does not exist: $src"
    [[ "$dst" == /* ]] || die "bind destination must be absolute: $dst"
    case "$dst" in
        /|/proc|/proc/*|/tmp|/dev|/dev/*|/usr|/usr/*|/etc|/etc/*) die "refusing to bind over $dst" ;;
    esac
    BINDS+=("$mode|$(realpath "$src")|$dst")
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --root) [[ $# -ge 2 ]] || usage; PROFILE="$2"; shift 2 ;;
        --lib) [[ $# -ge 2 ]] || usage; LIB="$2"; shift 2 ;;
        --lib=*) LIB="${1#--lib=}"; shift ;;
        --bind) [[ $# -ge 2 ]] || usage; add_bind rw "$2"; shift 2 ;;
        --ro-bind) [[ $# -ge 2 ]] || usage; add_bind ro "$2"; shift 2 ;;
        --env) [[ $# -ge 2 ]] || usage; [[ "$2" == *=* ]] || die "--env wants NAME=VALUE"; ENVS+=("$2"); shift 2 ;;
        --workdir) [[ $# -ge 2 ]] || usage; WORKDIR="$2"; shift 2 ;;
        -h|--help) usage ;;
        --) die "PKGDIR is missing before --" ;;
        -*) die "unknown option $1" ;;
        *) break ;;
    esac
done

[[ $# -ge 3 && "$2" == "--" ]] || usage
PKG="$1"
shift 2

[[ -d "$PKG" ]] || die "package directory does not exist: $PKG"
PKG="$(realpath "$PKG")"
if [[ -n "$LIB" ]]; then
    [[ -d "$LIB" ]] || die "--lib directory does not exist: $LIB"
    LIB="$(realpath "$LIB")"
fi
[[ $EUID -eq 0 ]] || die "must run as root (chroot and mounts need it)"

ROOT="$("$SCRIPT_DIR/debian-root.sh" "$PROFILE")"

# Everything from here on runs in a private mount namespace: the mounts
# below exist only for the inner shell and its children.
exec unshare --mount --propagation private -- /bin/bash -euc '
    root="$1" pkg="$2" lib="$3" workdir="$4" nbinds="$5" nenvs="$6"
    shift 6
    binds=("${@:1:nbinds}"); shift "$nbinds"
    envs=("${@:1:nenvs}"); shift "$nenvs"

    mount -t proc proc "$root/proc"
    mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"

    mkdir -p "$root/hp/pkg" "$root/hp/lib"
    mount --bind "$pkg" "$root/hp/pkg"
    if [[ -n "$lib" ]]; then
        mount --bind "$lib" "$root/hp/lib"
        mount -o remount,bind,ro "$root/hp/lib"
    fi
    for b in "${binds[@]}"; do
        IFS="|" read -r mode src dst <<<"$b"
        if [[ -d "$src" ]]; then
            mkdir -p "$root$dst"
        else
            mkdir -p "$(dirname "$root$dst")"; [[ -e "$root$dst" ]] || : >"$root$dst"
        fi
        mount --bind "$src" "$root$dst"
        [[ "$mode" == rw ]] || mount -o remount,bind,ro "$root$dst"
    done

    exec chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/root "${envs[@]}" \
        /bin/sh -c "cd \"\$0\" && exec \"\$@\"" "$workdir" "$@"
' root-run "$ROOT" "$PKG" "$LIB" "$WORKDIR" "${#BINDS[@]}" "${#ENVS[@]}" \
    "${BINDS[@]}" "${ENVS[@]}" "$@"
