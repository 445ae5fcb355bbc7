// swift-tools-version:6.0
import PackageDescription

// The kernels are written for 8-wide SIMD. Swift's default x86-64 target is SSE2, which
// splits every 8-wide operation in two; on x86-64 we compile LearnTensor for AVX2 + FMA
// (every x86-64 CPU since 2013). LearnKernelsAVX512 holds only the 16-wide register tile,
// compiled for AVX-512; LearnTensor calls it only where the CPU reports AVX-512
// (MicroTile.swift). Other architectures use their own default vector width.
#if arch(x86_64)
let kernelSettings: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell"])]
let wideKernelSettings: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "skylake-avx512"])]
#else
let kernelSettings: [SwiftSetting] = []
let wideKernelSettings: [SwiftSetting] = []
#endif

// On Linux the wide ncurses headers and library sit on the default paths, and pkg-config's
// flags for them (-D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600) are ones SwiftPM refuses with a
// warning on every build; the shim defines what it needs itself. Elsewhere (Homebrew's
// ncurses on macOS) pkg-config finds the library.
#if os(Linux)
let cursesPkgConfig: String? = nil
#else
let cursesPkgConfig: String? = "ncursesw"
#endif

let package = Package(
    name: "learn",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "learn", targets: ["learn"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Data flows one way: lesson file → Lesson → live cell → panels → cell grid → terminal.
        .target(name: "LearnKernelsAVX512", swiftSettings: wideKernelSettings),
        .target(name: "LearnTensor", dependencies: ["LearnKernelsAVX512"], swiftSettings: kernelSettings),
        .target(name: "LearnModels", dependencies: ["LearnTensor"]),
        .target(name: "LearnRender"),
        .target(name: "LearnLessons", dependencies: ["LearnModels", .product(name: "Yams", package: "Yams")]),
        .target(name: "LearnNotebook", dependencies: ["LearnTensor", "LearnModels", "LearnRender", "LearnLessons"]),
        .systemLibrary(name: "CNCurses", pkgConfig: cursesPkgConfig, providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]),
        .target(name: "LearnCurses", dependencies: ["CNCurses", "LearnRender"]),
        .systemLibrary(name: "CMalloc"),
        .executableTarget(name: "learn", dependencies: [
            "LearnNotebook", "LearnCurses", "LearnLessons", "LearnModels", "LearnRender", "LearnTensor", "CMalloc",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "LearnTensorTests", dependencies: ["LearnTensor"]),
        .testTarget(name: "LearnModelsTests", dependencies: ["LearnModels"]),
        .testTarget(name: "LearnRenderTests", dependencies: ["LearnRender"], exclude: ["Goldens"]),
        .testTarget(name: "LearnLessonsTests", dependencies: ["LearnLessons"]),
        .testTarget(name: "LearnNotebookTests", dependencies: ["LearnNotebook"]),
        .testTarget(name: "LearnCursesTests", dependencies: ["LearnCurses"]),
        .testTarget(name: "LearnEndToEndTests", dependencies: ["learn"]),
    ],
    swiftLanguageModes: [.v6]
)
