# The pkg-config file through which SwiftPM finds libheadshotpro_uniffi
# (bindings-uniffi/swift/Package.swift: systemLibrary pkgConfig
# "headshotpro_uniffi").
# shellcheck shell=bash

# write_uniffi_pc DIR VERSION: writes DIR/headshotpro_uniffi.pc for a library
# that sits in DIR/.. (DIR is a `pkgconfig` folder next to the library). The
# file is relocatable: it names no absolute path, so it works wherever the
# folder is copied or mounted.
write_uniffi_pc() {
    local dir="$1" version="$2"
    mkdir -p "$dir"
    # ${pcfiledir} is expanded by pkg-config (and SwiftPM), not by the shell.
    # shellcheck disable=SC2016
    printf '%s\n' \
        '# libheadshotpro_uniffi, the Rust library under the HeadshotPro Swift package.' \
        'libdir=${pcfiledir}/..' \
        '' \
        'Name: headshotpro_uniffi' \
        'Description: HeadshotPro SDK (Rust core with uniffi scaffolding)' \
        "Version: $version" \
        'Libs: -L${libdir} -lheadshotpro_uniffi' \
        'Cflags:' >"$dir/headshotpro_uniffi.pc"
}
