import Foundation
import LAERTestSupport
import Testing

@testable import LAERCommandLine
@testable import LAERDocuments
@testable import LAERSystem
@testable import LAERValues

/// Files of the test target, found relative to this source file.
enum TestFiles {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let packageDirectory = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()

    /// The example companies' answer files, `Questionnaires/Examples`.
    static let examples = packageDirectory.appendingPathComponent("Questionnaires/Examples").path
    /// Northwind at LAER Experiment, and its next quarter.
    static let example = examples + "/northwind-experiment.json"
    static let later = examples + "/northwind-2027-q1.json"

    static func fixture(_ name: String) -> URL {
        testsDirectory.appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    static func fixtureText(_ name: String) throws -> String {
        try String(contentsOf: fixture(name), encoding: .utf8)
    }

    /// The fixture with each `(old, new)` applied; `old` must occur exactly once, so a stale edit fails loudly.
    static func fixtureText(_ name: String, replacing replacements: [(String, String)]) throws -> String {
        var text = try fixtureText(name)
        for (old, new) in replacements {
            let count = text.components(separatedBy: old).count - 1
            #expect(count == 1, "expected \(old) once in \(name), found it \(count) times")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    static func miniQuestionnaire() throws -> Questionnaire {
        try QuestionnaireLoader.load(
            InputFile(displayName: "mini.json", bytes: Array(fixtureText("mini-questionnaire.json").utf8)))
    }
}

/// Compares text with a golden file in `Snapshots/`; `RECORD_SNAPSHOTS=1` rewrites it and fails, so
/// that every re-recorded file is looked at before it is committed.
func assertSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = TestFiles.testsDirectory.appendingPathComponent("Snapshots").appendingPathComponent(name)
    let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    guard !recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record(
            "recorded snapshot \(name); check it and run the tests again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation
        )
        return
    }
    if actual != expected {
        let actualLines = actual.components(separatedBy: "\n")
        let expectedLines = expected.components(separatedBy: "\n")
        let firstDifference = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }
        let place =
            firstDifference.map { "line \($0.offset + 1):\n  expected: \($0.element.1)\n  actual:   \($0.element.0)" }
            ?? "line counts differ (\(expectedLines.count) expected, \(actualLines.count) actual)"
        Issue.record(
            "snapshot \(name) differs at \(place)\nRe-record with RECORD_SNAPSHOTS=1 if the change is intended.",
            sourceLocation: sourceLocation)
    }
}

/// Runs one command line in memory and returns what it wrote and its exit code.
struct CommandRun {
    var output: String
    var errorOutput: String
    var exitCode: ExitCode

    init(
        _ arguments: [String], stdin: String = "", environment: [String: String] = [:], outputIsTerminal: Bool = false,
        errorIsTerminal: Bool = false, files: any FileSystem = OperatingSystem(), today: String? = nil
    ) {
        let output = CapturedText()
        let errorOutput = CapturedText()
        let input = Array(stdin.utf8)
        var context = CommandContext(
            output: output, errorOutput: errorOutput, readStandardInput: { () throws(LoadError) -> [UInt8] in input },
            environment: environment, outputIsTerminal: outputIsTerminal, inputIsTerminal: false, errorIsTerminal: errorIsTerminal
        )
        context.files = files
        if let today { context.today = { today } }
        exitCode = CommandRegistry.run(arguments, in: context)
        self.output = output.text
        self.errorOutput = errorOutput.text
    }
}

extension ScoreResult {
    /// Marks `ids` as disagreed on, widest first, as two respondents rating them not and largely would.
    mutating func disagree(on ids: [String]) {
        spreads = ids.map {
            RatingSpread(capability: $0, counts: [1, 0, 1, 0], notApplicable: 0, deviation: 1, said: [])
        }
    }
}
