#!/usr/bin/env bash
# Ensure a Debian trixie root with Debian's Swift toolchain (package
# `swiftlang`) exists, and print its path on stdout (all logging goes to
# stderr).
#
# Why: the project's machines are Debian bookworm without Swift, and no
# prebuilt toolchain can be downloaded; Debian trixie packages Swift, and
# a trixie root made with mmdebstrap runs it fine on a bookworm kernel.
# Libraries built on the host (glibc 2.36) load under trixie's newer glibc.
#
# Idempotent: a root with the ready marker is reused as is (~0 s). A
# missing or half-made root is (re)built: ~45 s of mmdebstrap, ~2.5 GB.
# The marker is written only after `swift --version` ran inside the new
# root, and the root is built in a side directory and renamed into place,
# so an interrupted run never leaves something that looks ready.
#
# Usage:   scripts/toolchains/swift-root.sh            # prints the root
# Env:     HP_SWIFT_ROOT   where the root lives
#                          (default /var/cache/headshotpro/swift-trixie;
#                          keep it outside the repo)
# Needs:   root (CI and the dev machines run as root); installs the
#          `mmdebstrap` Debian package on the host if it is missing.
set -euo pipefail

ROOT="${HP_SWIFT_ROOT:-/var/cache/headshotpro/swift-trixie}"
MARKER_NAME=".headshotpro-swift-ready"
PACKAGES="swiftlang,libc6-dev"

log() { printf 'swift-root: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

[[ "$ROOT" == /* ]] || die "HP_SWIFT_ROOT must be an absolute path: $ROOT"
[[ "$ROOT" != "/" ]] || die "refusing to use / as the root"

# Fast path: a finished root.
if [[ -f "$ROOT/$MARKER_NAME" ]]; then
    printf '%s\n' "$ROOT"
    exit 0
fi

[[ $EUID -eq 0 ]] || die "must run as root (mmdebstrap, chroot and mounts need it)"

# True when anything is mounted at or below $1. Such a tree must never be
# removed with rm -rf: a bind mount would make rm delete the host files
# behind it.
has_mounts_under() {
    local dir
    dir="$(realpath -m "$1")"
    findmnt -rn -o TARGET | awk -v d="$dir" '$0 == d || index($0, d "/") == 1 { found = 1 } END { exit !found }'
}

safe_rm_tree() {
    local dir="$1"
    [[ -e "$dir" ]] || return 0
    if has_mounts_under "$dir"; then
        die "something is still mounted under $dir; unmount it by hand (findmnt | grep '$dir') before this script may remove it"
    fi
    rm -rf --one-file-system -- "$dir"
}

mkdir -p "$(dirname "$ROOT")"

# Serialise concurrent callers (two shells, or build + test in parallel).
exec 9>"$ROOT.lock"
if ! flock -n 9; then
    log "another setup is running; waiting for it"
    flock 9
fi
# Someone else may have finished it while we waited.
if [[ -f "$ROOT/$MARKER_NAME" ]]; then
    printf '%s\n' "$ROOT"
    exit 0
fi

if ! command -v mmdebstrap >/dev/null 2>&1; then
    log "installing mmdebstrap (apt-get update + install)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends mmdebstrap >&2
fi

PARTIAL="$ROOT.partial"
safe_rm_tree "$PARTIAL"
if [[ -e "$ROOT" ]]; then
    log "removing half-made root at $ROOT (no ready marker)"
    safe_rm_tree "$ROOT"
fi

log "building trixie root with $PACKAGES in $PARTIAL (about 45 s, 2.5 GB)"
start=$SECONDS
# No mirror named: mmdebstrap's default (Debian's own) is the one reachable
# here. --variant=apt keeps the root small: Essential + apt + the packages.
# mmdebstrap mounts /proc, /sys, /dev... inside the new root while it
# installs; running it in a private mount namespace means those mounts die
# with it even if it is killed half-way, so the partial root stays safe to
# remove.
unshare --mount --propagation private -- \
    mmdebstrap --variant=apt --include="$PACKAGES" trixie "$PARTIAL" >&2 \
    || die "mmdebstrap failed (partial root left at $PARTIAL; it is removed on the next run)"
# mmdebstrap unmounts what it mounted, but check before we ever rm this.
! has_mounts_under "$PARTIAL" || die "mmdebstrap left mounts under $PARTIAL"

# Fixed mount points used by swift-run.sh.
mkdir -p "$PARTIAL/hp/pkg" "$PARTIAL/hp/lib"

log "checking the toolchain inside the new root"
unshare --mount --propagation private -- /bin/sh -euc '
    root="$1"
    mount -t proc proc "$root/proc"
    exec chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/root swift --version
' sh "$PARTIAL" >&2 || die "swift --version failed inside $PARTIAL"

! has_mounts_under "$PARTIAL" || die "mounts leaked under $PARTIAL"
mv -T "$PARTIAL" "$ROOT"
date -u +%Y-%m-%dT%H:%M:%SZ >"$ROOT/$MARKER_NAME"
log "root ready at $ROOT after $((SECONDS - start)) s"
printf '%s\n' "$ROOT"
