// swift-tools-version:6.0
// mfsh: the Metaflow Client API in Swift, with a small Python-subset interpreter and a REPL.
//
// Dependencies point one way:
//   CZlib, CArchive, CEditLine (thin C shims)
//   Pickle            <- bytes in, Python-like values out; knows nothing of Metaflow
//   MetaflowClient    <- config, namespace, providers, storage, object model; knows no language
//   MFSInterpreter    <- the language; knows nothing of Metaflow
//   Shell             <- binds client objects into the language; REPL, completion, scripts
//   mfsh              <- thin main
import PackageDescription

// Members of modules a file does not import itself stay invisible (SE-0444). Without this, BigInt's
// `import Foundation` leaked Foundation's String methods (hasPrefix through CFString) into every module.
let strict: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

let package = Package(
    name: "mfsh",
    products: [
        .executable(name: "mfsh", targets: ["mfsh"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
    ],
    targets: [
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CArchive", providers: [.apt(["libarchive-dev"])]),  // headers only; dlopen at run time

        .target(name: "Pickle", dependencies: [.product(name: "BigInt", package: "BigInt")], swiftSettings: strict),
        .target(name: "MetaflowClient", dependencies: ["Pickle", "CZlib", "CArchive"], swiftSettings: strict),
        .target(name: "MFSInterpreter", dependencies: [.product(name: "BigInt", package: "BigInt")], swiftSettings: strict),
        .target(name: "Shell", dependencies: ["MetaflowClient", "MFSInterpreter", "Pickle", "CEditLine"], swiftSettings: strict),
        .executableTarget(name: "mfsh", dependencies: [
            "Shell",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: strict, linkerSettings: [
            // The static Swift runtime's link arguments export every symbol of the executable
            // (-export-dynamic): a 22,000-entry dynamic symbol table that ld.so hashes at each
            // start, for no caller (nothing dlopens into mfsh). About 1 ms of start-up.
            .unsafeFlags(["-Xlinker", "--no-export-dynamic"]),
        ]),

        .testTarget(name: "PickleTests", dependencies: ["Pickle"], exclude: ["Corpus"]),
        .testTarget(name: "MetaflowClientTests", dependencies: ["MetaflowClient"]),
        .testTarget(name: "MFSInterpreterTests", dependencies: ["MFSInterpreter"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell"]),
    ]
)
