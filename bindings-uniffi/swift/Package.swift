// swift-tools-version:5.9
// The HeadshotPro SDK for Swift: uniffi-generated sources over the Rust
// library `libheadshotpro_uniffi`. Generate first (scripts/generate-uniffi.sh);
// scripts/test-swift.sh builds and tests this package inside the Swift root.
import PackageDescription

// Where libheadshotpro_uniffi.so lives at link and run time. swift-run.sh
// mounts the cargo target dir at /hp/lib; set HEADSHOTPRO_LIB_DIR elsewhere.
let libDir = Context.environment["HEADSHOTPRO_LIB_DIR"] ?? "/hp/lib"

let package = Package(
    name: "HeadshotPro",
    products: [
        .library(name: "HeadshotPro", targets: ["HeadshotPro"]),
    ],
    targets: [
        // The C declarations of both uniffi components (generated headers +
        // module.modulemap).
        .systemLibrary(name: "HeadshotProFFI", path: "Sources/HeadshotProFFI"),
        // The generated Swift of both components, in one module.
        .target(
            name: "HeadshotPro",
            dependencies: ["HeadshotProFFI"],
            path: "Sources/HeadshotPro",
            linkerSettings: [
                .linkedLibrary("headshotpro_uniffi"),
                .unsafeFlags(["-L", libDir, "-Xlinker", "-rpath", "-Xlinker", libDir]),
            ]
        ),
        // The cross-language matrix runner (tests/README.md), public API only.
        .executableTarget(
            name: "HeadshotProMatrix",
            dependencies: ["HeadshotPro"],
            path: "Sources/HeadshotProMatrix",
            linkerSettings: [
                .unsafeFlags(["-Xlinker", "-rpath", "-Xlinker", libDir]),
            ]
        ),
        .testTarget(
            name: "HeadshotProTests",
            dependencies: ["HeadshotPro"],
            path: "Tests/HeadshotProTests"
        ),
    ]
)
