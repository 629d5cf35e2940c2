// swift-tools-version:5.9
// A Swift package that depends on the released HeadshotPro package by path
// (scripts/test-packages.sh puts dist/swift/HeadshotPro next to this folder).
// The library is found through pkg-config: PKG_CONFIG_PATH=../HeadshotPro/lib/pkgconfig
// to build, LD_LIBRARY_PATH=../HeadshotPro/lib to run. No unsafe flags anywhere.
import PackageDescription

let package = Package(
    name: "Consumer",
    dependencies: [
        .package(path: "../HeadshotPro"),
    ],
    targets: [
        .executableTarget(
            name: "Consumer",
            dependencies: [.product(name: "HeadshotPro", package: "HeadshotPro")],
            path: "Sources/Consumer"
        ),
    ]
)
