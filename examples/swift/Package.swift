// swift-tools-version:5.9
// An application's HeadshotPro code and its XCTest suite, written the way a
// user writes them: the tests start the package's in-process MockServer.
// Depends on the HeadshotPro package by path (scripts/test-packages.sh puts
// the released dist/swift/HeadshotPro next to a fresh copy of this folder);
// the library is found through pkg-config (PKG_CONFIG_PATH=../HeadshotPro/lib/pkgconfig,
// LD_LIBRARY_PATH=../HeadshotPro/lib).
import PackageDescription

let package = Package(
    name: "Headshots",
    dependencies: [
        .package(path: "../HeadshotPro"),
    ],
    targets: [
        .target(
            name: "Headshots",
            dependencies: [.product(name: "HeadshotPro", package: "HeadshotPro")],
            path: "Sources/Headshots"
        ),
        .testTarget(
            name: "HeadshotsTests",
            dependencies: ["Headshots", .product(name: "HeadshotPro", package: "HeadshotPro")],
            path: "Tests/HeadshotsTests"
        ),
    ]
)
