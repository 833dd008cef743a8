// swift-tools-version:6.0
import PackageDescription

// Each layer is a target, and each target names only the layers it may use, so an arrow the
// wrong way does not compile. README.md ("How the code is laid out") draws the graph.
let package = Package(
    name: "laer",
    products: [
        .executable(name: "laer", targets: ["laer"])
    ],
    targets: [
        // Plain values: questionnaire, answers, the score result with its moves, errors and exit codes.
        .target(name: "LAERValues"),
        // Serialization: JSON and CSV bytes, knowing nothing of laer's documents but the input limits.
        .target(name: "LAERFormats", dependencies: ["LAERValues"]),
        // The built-in questionnaire, every released version of Questionnaires/laer-*.json, compiled into
        // the binary as raw strings (.ci/embed-questionnaires writes them; embedInCode costs ~25 s a file).
        .target(name: "LAERQuestionnaires"),
        // Bytes to laer documents and back, and their validation; no file system.
        .target(name: "LAERDocuments", dependencies: ["LAERValues", "LAERFormats", "LAERQuestionnaires"]),
        // The scoring rules: pure.
        .target(name: "LAERScoring", dependencies: ["LAERValues"]),
        // Every report of every subject, with the format registry: pure, styled through a protocol.
        .target(name: "LAERReports", dependencies: ["LAERValues", "LAERFormats"]),
        // The only code that touches files, directories, locks, the clock and the process.
        .target(name: "LAERSystem", dependencies: ["LAERValues"]),
        // The terminal: raw mode, keys, screen, ANSI and the colour rules.
        .target(name: "LAERTerminal", dependencies: ["LAERValues", "LAERFormats", "LAERSystem"]),
        // The survey: the interview as a state machine, its screens and drivers; saves through a protocol;
        // and the same questionnaire as one HTML form, answered in a browser.
        .target(
            name: "LAERSurvey",
            dependencies: ["LAERValues", "LAERFormats", "LAERDocuments", "LAERReports", "LAERTerminal"]
        ),
        // The ordered, parallel, streaming pipeline of assessments that batch commands share.
        .target(name: "LAERBatch", dependencies: ["LAERValues", "LAERDocuments", "LAERScoring"]),
        // Parsing, commands and the wiring of every layer to the real process.
        .target(
            name: "LAERCommandLine",
            dependencies: [
                "LAERValues", "LAERFormats", "LAERDocuments", "LAERScoring", "LAERReports", "LAERSystem",
                "LAERTerminal", "LAERSurvey", "LAERBatch",
            ]
        ),
        .executableTarget(name: "laer", dependencies: ["LAERCommandLine", "LAERSystem"]),
        // `swift run -c release laer-bench`: batch scoring against a Python peer and cat.
        .executableTarget(name: "laer-bench", dependencies: ["LAERValues", "LAERDocuments"], path: "Sources/laer-bench"),
        // `swift run -c release laer-survey-bench`: keystroke to screen, and the save after an answer.
        .executableTarget(
            name: "laer-survey-bench",
            dependencies: ["LAERValues", "LAERDocuments", "LAERSurvey", "LAERSystem", "LAERTerminal", "LAERCommandLine"],
            path: "Sources/laer-survey-bench"
        ),
        // The parsers under fuzzing, each with its invariants: what laer-fuzz runs and the tests replay.
        .target(
            name: "LAERFuzzTargets",
            dependencies: [
                "LAERValues", "LAERFormats", "LAERDocuments", "LAERScoring", "LAERReports", "LAERTerminal", "LAERSurvey",
            ]
        ),
        // libFuzzer with -DFUZZING (`.ci/fuzz`), the target named by LAER_FUZZ_TARGET; without it,
        // seeded edits of answer files, the fast reader against the full path.
        .executableTarget(
            name: "laer-fuzz",
            dependencies: ["LAERValues", "LAERDocuments", "LAERReports", "LAERSystem", "LAERFuzzTargets"],
            path: "Sources/laer-fuzz"
        ),
        // Fakes for the tests (captured and failing output, files in memory); never part of the product.
        .target(
            name: "LAERTestSupport", dependencies: ["LAERValues", "LAERSystem", "LAERCommandLine"], path: "Tests/LAERTestSupport"),
        .testTarget(
            name: "LAERKitTests",
            dependencies: [
                "LAERValues", "LAERFormats", "LAERDocuments", "LAERScoring", "LAERReports", "LAERSystem",
                "LAERTerminal", "LAERSurvey", "LAERBatch", "LAERCommandLine", "LAERTestSupport", "laer", "LAERFuzzTargets",
            ],
            exclude: ["Fixtures", "Snapshots"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
