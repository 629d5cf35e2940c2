#!/usr/bin/env bash
# Ensure a Debian root made with mmdebstrap exists, and print its path on
# stdout (all logging goes to stderr). One script for every root the project
# uses; each is named by a profile:
#
#   swift            Debian trixie + swiftlang (Swift 6.0.x): the Swift suite
#                    and the Swift consumer of the packages suite.
#                    Default path /var/cache/headshotpro/swift-trixie
#                    (HP_SWIFT_ROOT), ~45 s and 2.5 GB to make.
#   python-bullseye  Debian bullseye + python3 (3.9), glibc 2.31: the oldest
#                    Linux the wheel is tested on (Ubuntu 20.04, RHEL 8 and
#                    Lambda's Python 3.9 run the same or older).
#                    Default path /var/cache/headshotpro/python-bullseye
#                    (HP_PY_ROOT), ~30 s and 300 MB to make.
#
# Idempotent: a root with its ready marker is reused as is (~0 s). A missing
# or half-made root is (re)built. The marker is written only after the
# profile's check command ran inside the new root, and the root is built in a
# side directory and renamed into place, so an interrupted run never leaves
# something that looks ready.
#
# Usage:   scripts/toolchains/debian-root.sh PROFILE     # prints the root
# Needs:   root (CI and the dev machines run as root); installs the
#          `mmdebstrap` Debian package on the host if it is missing.
set -euo pipefail

log() { printf 'debian-root: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

PROFILE="${1:-}"
case "$PROFILE" in
    swift)
        ROOT="${HP_SWIFT_ROOT:-/var/cache/headshotpro/swift-trixie}"
        SUITE=trixie
        PACKAGES="swiftlang,libc6-dev"
        CHECK=(swift --version)
        SIZE="about 45 s, 2.5 GB"
        ;;
    python-bullseye)
        ROOT="${HP_PY_ROOT:-/var/cache/headshotpro/python-bullseye}"
        SUITE=bullseye
        PACKAGES="python3,python3-venv,python3-pip,ca-certificates"
        CHECK=(python3 -c 'import ensurepip, platform, sys; print(sys.version.split()[0], platform.libc_ver())')
        SIZE="about 30 s, 300 MB"
        ;;
    *) die "usage: debian-root.sh swift|python-bullseye (got '${PROFILE}')" ;;
esac
MARKER_NAME=".headshotpro-$PROFILE-ready"
# The Swift root predates this script; keep finding it under its old marker.
[[ "$PROFILE" != swift || ! -f "$ROOT/.headshotpro-swift-ready" ]] || MARKER_NAME=".headshotpro-swift-ready"

[[ "$ROOT" == /* ]] || die "the root must be an absolute path: $ROOT"
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
    log "another setup of $ROOT is running; waiting for it"
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

log "building $SUITE root with $PACKAGES in $PARTIAL ($SIZE)"
start=$SECONDS
# No mirror named: mmdebstrap's default (Debian's own) is the one reachable
# here. --variant=apt keeps the root small: Essential + apt + the packages.
# mmdebstrap mounts /proc, /sys, /dev... inside the new root while it
# installs; running it in a private mount namespace means those mounts die
# with it even if it is killed half-way, so the partial root stays safe to
# remove.
unshare --mount --propagation private -- \
    mmdebstrap --variant=apt --include="$PACKAGES" "$SUITE" "$PARTIAL" >&2 \
    || die "mmdebstrap failed (partial root left at $PARTIAL; it is removed on the next run)"
# mmdebstrap unmounts what it mounted, but check before we ever rm this.
! has_mounts_under "$PARTIAL" || die "mmdebstrap left mounts under $PARTIAL"

# Fixed mount points used by root-run.sh.
mkdir -p "$PARTIAL/hp/pkg" "$PARTIAL/hp/lib"

log "checking the new root: ${CHECK[*]}"
unshare --mount --propagation private -- /bin/sh -euc '
    root="$1"; shift
    mount -t proc proc "$root/proc"
    exec chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/root "$@"
' sh "$PARTIAL" "${CHECK[@]}" >&2 || die "${CHECK[*]} failed inside $PARTIAL"

! has_mounts_under "$PARTIAL" || die "mounts leaked under $PARTIAL"
mv -T "$PARTIAL" "$ROOT"
date -u +%Y-%m-%dT%H:%M:%SZ >"$ROOT/$MARKER_NAME"
log "root ready at $ROOT after $((SECONDS - start)) s"
printf '%s\n' "$ROOT"
