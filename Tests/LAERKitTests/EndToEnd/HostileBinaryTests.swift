import Foundation
import LAERTestSupport
import Testing

@testable import LAERValues

/// The built binary given hostile text in an answer file and in its file name: what reaches the
/// terminal (standard output and error) holds no control character from input.
@Suite struct HostileBinaryTests {
    static let mini = TestFiles.fixture("mini-questionnaire.json").path
    static let hostile = "Dana\u{1B}]0;PWNED\u{7}\u{1B}[2J\u{9B}31m\u{202E}evil\nFORGED line"

    /// A directory with an answer file whose name and texts are hostile, and one that is invalid too.
    static func scratch() throws -> (directory: URL, answers: String, invalid: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("laer-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let answers = directory.appendingPathComponent("evil\u{1B}[2J\nname.json").path
        // The period stays short: a long one wraps in the text report's prose, where a word of it may start a line.
        try HostileStringTests.answers(hostile, period: "2026-Q4").write(toFile: answers, atomically: true, encoding: .utf8)
        let invalid = directory.appendingPathComponent("bad\u{1B}]0;x\u{7}.json").path
        let bad = try HostileStringTests.answers(hostile).replacing("\"2026-11-25\"", with: HostileStringTests.json(hostile))
        try bad.write(toFile: invalid, atomically: true, encoding: .utf8)
        return (directory, answers, invalid)
    }

    static func expectNothingRaw(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!text.isEmpty, "\(what): no output", sourceLocation: sourceLocation)
        HostileStringTests.expectNoRawControl(text, what, sourceLocation: sourceLocation)
    }

    @Test func noReportOrMessageOfTheBinaryCarriesAControlCharacter() throws {
        let (directory, answers, invalid) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        for format in HostileStringTests.formats {
            let run = try BinaryTests.run(["score", answers, "--questionnaire", Self.mini, "--format", format])
            #expect(run.status == 0, "\(format): \(run.errorOutput)")
            Self.expectNothingRaw(run.output, "score \(format)")
            HostileStringTests.expectSafe(run.output, format: format, "score \(format)")
        }
        let validate = try BinaryTests.run(["validate", invalid, answers, "--questionnaire", Self.mini])
        #expect(validate.status == 65)
        Self.expectNothingRaw(validate.errorOutput, "validate")
        #expect(validate.errorOutput.contains(#"bad\u{1B}]0;x\u{7}.json: assessedOn: "Dana\u{1B}]0;PWNED"#))
        let missing = try BinaryTests.run(["score", directory.path + "/gone\u{1B}[2J.json"])
        #expect(missing.status == 66)
        #expect(missing.errorOutput.hasSuffix("/gone\\u{1B}[2J.json: no such file; check the path and the current directory\n"))
        let usage = try BinaryTests.run(["score", "--format", "x\u{1B}[2J"])
        #expect(usage.status == 64)
        Self.expectNothingRaw(usage.errorOutput, "usage")
    }
}
