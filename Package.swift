// swift-tools-version:6.0
//
// m2rl: multi-domain RL with verifiable rewards.
// Targets are layered; dependencies flow one way:
//   m2rl (CLI) -> M2RLVerify -> M2RLSandbox / M2RLData -> M2RLCore
//   M2RLSandbox -> CM2RLSandbox (C shim), CLibSeccomp (system library)
//   M2RLData    -> CLibArchive, CZlib (system libraries)
//   m2rl (CLI) -> M2RLMerge -> M2RLTensors -> M2RLCore
//   M2RLMerge   -> CLapack (LAPACK and BLAS declarations; the libraries are loaded on first use)
import PackageDescription

let package = Package(
    name: "m2rl",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "m2rl", targets: ["m2rl"]),
        .library(name: "M2RLCore", targets: ["M2RLCore"]),
        .library(name: "M2RLSandbox", targets: ["M2RLSandbox"]),
        .library(name: "M2RLData", targets: ["M2RLData"]),
        .library(name: "M2RLVerify", targets: ["M2RLVerify"]),
        .library(name: "M2RLTensors", targets: ["M2RLTensors"]),
        .library(name: "M2RLMerge", targets: ["M2RLMerge"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
    ],
    targets: [
        // System libraries, found through pkg-config (Debian: libseccomp-dev, libarchive-dev).
        .systemLibrary(
            name: "CLibSeccomp",
            pkgConfig: "libseccomp",
            providers: [.apt(["libseccomp-dev"])]
        ),
        .systemLibrary(
            name: "CLibArchive",
            pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Declarations only: LAPACK and BLAS are loaded at run time, on first use (LinearAlgebra.swift).
        .systemLibrary(
            name: "CLapack",
            providers: [.apt(["liblapack3", "libblas3"])]
        ),
        // The child-side setup that must run between clone and execve without allocating.
        .target(name: "CM2RLSandbox"),

        .target(name: "M2RLCore"),
        .target(
            name: "M2RLSandbox",
            dependencies: [
                "M2RLCore", "CM2RLSandbox", "CLibSeccomp",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "M2RLData", dependencies: ["M2RLCore", "CLibArchive", "CZlib"]),
        .target(
            name: "M2RLVerify",
            dependencies: ["M2RLCore", "M2RLSandbox", "M2RLData", .product(name: "BigInt", package: "BigInt")]
        ),
        .target(name: "M2RLTensors", dependencies: ["M2RLCore"]),
        .target(
            name: "M2RLMerge",
            dependencies: ["M2RLCore", "M2RLTensors", "CLapack", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "m2rl",
            dependencies: [
                "M2RLCore", "M2RLSandbox", "M2RLData", "M2RLVerify", "M2RLTensors", "M2RLMerge",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Scratch folders removed when the test process exits.
        .target(name: "M2RLTestSupport", path: "Tests/M2RLTestSupport"),
        .testTarget(name: "M2RLCoreTests", dependencies: ["M2RLCore"]),
        .testTarget(name: "M2RLSandboxTests", dependencies: ["M2RLSandbox", "M2RLCore"]),
        .testTarget(name: "M2RLDataTests", dependencies: ["M2RLData", "M2RLTestSupport"]),
        .testTarget(name: "M2RLVerifyTests", dependencies: ["M2RLVerify", "M2RLSandbox", "M2RLCore", .product(name: "BigInt", package: "BigInt")]),
        .testTarget(name: "M2RLTensorsTests", dependencies: ["M2RLTensors", "M2RLCore", "M2RLTestSupport"]),
        .testTarget(name: "M2RLMergeTests", dependencies: ["M2RLMerge", "M2RLTensors", "M2RLCore", "M2RLTestSupport"]),
        // End-to-end: runs the built `m2rl` executable (the dependency makes sure it is built).
        .testTarget(name: "m2rlCLITests", dependencies: ["m2rl", "M2RLCore", "M2RLTestSupport"]),
    ]
)
