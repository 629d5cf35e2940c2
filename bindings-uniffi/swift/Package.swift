// swift-tools-version:5.9
// The HeadshotPro SDK for Swift: uniffi-generated sources over the Rust
// library `libheadshotpro_uniffi`. No unsafe flags, so it works as a
// dependency: the library is found through pkg-config
// (`headshotpro_uniffi.pc`), like any system library.
//
//   From a release (dist/swift/HeadshotPro, made by scripts/package):
//     PKG_CONFIG_PATH=<package>/lib/pkgconfig swift build
//     LD_LIBRARY_PATH=<package>/lib .build/debug/YourApp
//   (or copy lib/ into /usr/local/lib and run ldconfig).
//   In this repository: scripts/generate-uniffi.sh, then
//   scripts/test-swift.sh, which points PKG_CONFIG_PATH at target/debug.
//
// The version, kept in step with Cargo.toml by scripts/version: 0.1.0
import PackageDescription

let package = Package(
    name: "HeadshotPro",
    products: [
        .library(name: "HeadshotPro", targets: ["HeadshotPro"]),
    ],
    targets: [
        // The C declarations of both uniffi components (generated headers +
        // module.modulemap); links libheadshotpro_uniffi through pkg-config.
        .systemLibrary(
            name: "HeadshotProFFI",
            path: "Sources/HeadshotProFFI",
            pkgConfig: "headshotpro_uniffi"
        ),
        // The generated Swift of both components, in one module.
        .target(
            name: "HeadshotPro",
            dependencies: ["HeadshotProFFI"],
            path: "Sources/HeadshotPro"
        ),
        // The cross-language matrix runner (tests/README.md), public API only.
        .executableTarget(
            name: "HeadshotProMatrix",
            dependencies: ["HeadshotPro"],
            path: "Sources/HeadshotProMatrix"
        ),
        .testTarget(
            name: "HeadshotProTests",
            dependencies: ["HeadshotPro"],
            path: "Tests/HeadshotProTests"
        ),
    ]
)
