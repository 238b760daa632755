// swift-tools-version:6.0
// mfsh: the Metaflow Client API in Swift, with a small Python-subset interpreter and a REPL.
//
// Dependencies point one way (each target knows only those below it):
//   CZlib, CArchive, CCurl, CEditLine (thin C shims)
//   LargeBuffers      <- memory advice for buffers of megabytes (huge pages); knows nothing else
//   HTTP              <- one HTTP client (libcurl, opened on first use) for the remote backends;
//                        knows nothing of Metaflow
//   AWS               <- SigV4 signing and credentials resolved in boto3's order (HTTP); knows
//                        nothing of Metaflow, S3 object semantics or the client's JSON
//   Pickle            <- bytes in, Python-like values out; knows nothing of Metaflow, nor of numpy
//                        and pandas beyond the seam their reconstructor plugs into
//   MetaflowClient    <- config, namespace, providers (local, service), datastores (local, S3),
//                        object model; knows no language
//                        (artifacts are decoded with the reconstructors its embedder sets)
//   MFSInterpreter    <- the language; knows nothing of Metaflow
//   NumPyPandas       <- numpy and pandas whole: storage, dtypes, reconstruction from pickled state
//                        (a ClassReconstructor handed to Pickle), exact printing, and their values in
//                        the language (MFSInterpreter, Pickle); knows nothing of Metaflow, the client
//                        objects or the terminal
//   SystemModules     <- `os`, `open()` and the datastore write guard (MFSInterpreter,
//                        MetaflowClient's file helpers); knows no client object, no terminal
//   MetaflowBindings  <- client objects as language objects, the `metaflow` module, decoded
//                        artifacts as values (all of the above); knows nothing of the terminal
//   Views             <- pictures of runs and numbers (dag, timeline, charts) laid out as a Picture
//                        and drawn as terminal text or SVG (MetaflowBindings, MetaflowClient,
//                        NumPyPandas, SystemModules' write guard); knows nothing of the REPL
//   Shell             <- the terminal side: REPL, line editor, completion, help, output, Prelude
//   mfsh              <- thin main
//
//   mfsh -> Shell -> Views -> MetaflowBindings -> NumPyPandas ----> MFSInterpreter, Pickle
//                                     -> SystemModules --> MFSInterpreter, MetaflowClient
//                                     -> MetaflowClient -> Pickle, AWS -> HTTP
//   (Shell also imports NumPyPandas for JSON output, SystemModules to register `os` and `open()`,
//   and CEditLine; MFSInterpreter and Pickle import only BigInt.)
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
        .systemLibrary(name: "CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),  // headers only; dlopen at run time
        .target(name: "LargeBuffers", swiftSettings: strict),
        .target(name: "HTTP", dependencies: ["CCurl", "LargeBuffers"], swiftSettings: strict),
        .target(name: "AWS", dependencies: ["HTTP"], swiftSettings: strict),

        .target(name: "Pickle", dependencies: [.product(name: "BigInt", package: "BigInt")], swiftSettings: strict),
        .target(name: "MetaflowClient", dependencies: ["Pickle", "HTTP", "AWS", "LargeBuffers", "CZlib", "CArchive"], swiftSettings: strict),
        .target(name: "MFSInterpreter", dependencies: [.product(name: "BigInt", package: "BigInt")], swiftSettings: strict),
        .target(name: "NumPyPandas", dependencies: ["MFSInterpreter", "Pickle", "LargeBuffers"], swiftSettings: strict),
        .target(name: "SystemModules", dependencies: ["MFSInterpreter", "MetaflowClient"], swiftSettings: strict),
        .target(name: "MetaflowBindings", dependencies: [
            "MetaflowClient", "MFSInterpreter", "Pickle", "NumPyPandas", "SystemModules",
        ], swiftSettings: strict),
        .target(name: "Views", dependencies: [
            "MetaflowBindings", "MetaflowClient", "MFSInterpreter", "NumPyPandas", "SystemModules",
        ], swiftSettings: strict),
        .target(name: "Shell", dependencies: [
            "Views", "MetaflowBindings", "NumPyPandas", "SystemModules", "MetaflowClient", "MFSInterpreter", "CEditLine",
        ], swiftSettings: strict),
        .executableTarget(name: "mfsh", dependencies: [
            "Shell",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: strict, linkerSettings: [
            // The static Swift runtime's link arguments export every symbol of the executable
            // (-export-dynamic): a 22,000-entry dynamic symbol table that ld.so hashes at each
            // start, for no caller (nothing dlopens into mfsh). About 1 ms of start-up.
            .unsafeFlags(["-Xlinker", "--no-export-dynamic"]),
        ]),

        // The corpus is decoded as mfsh decodes it: with NumPyPandas' reconstructor for numpy and pandas.
        .testTarget(name: "PickleTests", dependencies: ["Pickle", "NumPyPandas"], exclude: ["Corpus"]),
        .testTarget(name: "MetaflowClientTests", dependencies: ["MetaflowClient"]),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP"]),
        // Loopback stand-ins for STS, the container endpoint and IMDS are Python scripts run by the tests.
        .testTarget(name: "AWSTests", dependencies: ["AWS"], exclude: ["standins"]),
        .testTarget(name: "MFSInterpreterTests", dependencies: ["MFSInterpreter"]),
        // numpy/pandas against the oracle, embedded as mfsh embeds them (ClientContext converts decoded values).
        .testTarget(name: "NumPyPandasTests", dependencies: ["NumPyPandas", "MetaflowBindings", "MetaflowClient", "MFSInterpreter", "Pickle"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell"]),
        .testTarget(name: "ViewsTests", dependencies: ["Views", "MetaflowClient"]),
    ]
)
