// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "laer",
    products: [
        .executable(name: "laer", targets: ["laer"]),
        .library(name: "LAERKit", targets: ["LAERKit"]),
    ],
    targets: [
        // The built-in questionnaire, compiled into the binary from its one JSON file.
        .target(
            name: "LAERQuestionnaires",
            path: "Questionnaires",
            exclude: ["Examples"],
            resources: [.embedInCode("laer.json")]
        ),
        .target(name: "LAERKit", dependencies: ["LAERQuestionnaires"]),
        .executableTarget(name: "laer", dependencies: ["LAERKit"]),
        // `swift run -c release laer-bench`: batch scoring against a Python peer and cat.
        .executableTarget(name: "laer-bench", dependencies: ["LAERKit"], path: "Sources/laer-bench"),
        // `swift run -c release laer-survey-bench`: keystroke to screen, and the save after an answer.
        .executableTarget(name: "laer-survey-bench", dependencies: ["LAERKit"], path: "Sources/laer-survey-bench"),
        // The fast answer reader against the full path: seeded edits, or libFuzzer with -DFUZZING.
        .executableTarget(name: "laer-fuzz", dependencies: ["LAERKit"], path: "Sources/laer-fuzz"),
        .testTarget(
            name: "LAERKitTests",
            dependencies: ["LAERKit", "laer"],
            exclude: ["Fixtures", "Snapshots"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
