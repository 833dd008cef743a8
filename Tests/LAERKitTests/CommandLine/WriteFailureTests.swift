import Foundation
import Glibc
import LAERTestSupport
import Testing

@testable import LAERCommandLine
@testable import LAERSystem
@testable import LAERValues

/// A write to standard output that fails ends every command with 74 and one line naming
/// standard output and the reason; a reader gone away (EPIPE) gets no line.
@Suite struct WriteFailureTests {
    static var mini: String { TestFiles.fixture("mini-questionnaire.json").path }
    static var answers: String { TestFiles.fixture("answers-mini.json").path }

    static func run(_ arguments: [String], output: FailingText, stdin: String = "") -> (code: ExitCode, errorOutput: String) {
        let errorOutput = CapturedText()
        let input = Array(stdin.utf8)
        let context = CommandContext(
            output: output, errorOutput: errorOutput, readStandardInput: { () throws(LoadError) -> [UInt8] in input },
            environment: [:], outputIsTerminal: false, inputIsTerminal: false, today: { "2026-11-30" })
        return (CommandRegistry.run(arguments, in: context), errorOutput.text)
    }

    static let commandLines: [[String]] = [
        ["score", answers, "--questionnaire", mini],
        ["score", answers, answers, "--questionnaire", mini, "--format", "json"],
        ["score", answers, answers, "--questionnaire", mini, "--format", "text"],
        ["validate", answers, "--questionnaire", mini],
        ["template"], ["template", "--format", "csv"], ["template", "--format", "markdown"],
        ["questionnaire"], ["questionnaire", "--format", "json"],
        ["completions", "bash"], ["--help"], [], ["help", "score"], ["score", "--help"], ["--version"],
    ]

    @Test(arguments: commandLines)
    func aFullStandardOutputFailsEveryCommandWith74AndOneLine(_ arguments: [String]) {
        let (code, errorOutput) = Self.run(arguments, output: FailingText(errno: ENOSPC))
        #expect(code == .ioError)
        #expect(errorOutput.hasSuffix("laer: standard output: writing failed (No space left on device)\n"))
        #expect(errorOutput.components(separatedBy: "standard output").count == 2, "said once: \(errorOutput)")
    }

    @Test(arguments: commandLines)
    func aBrokenPipeFailsEveryCommandWith74Quietly(_ arguments: [String]) {
        let (code, errorOutput) = Self.run(arguments, output: FailingText(errno: EPIPE))
        #expect(code == .ioError)
        #expect(!errorOutput.contains("standard output"))
    }

    @Test func theSurveyInLineModeFailsWith74AfterSavingItsAnswers() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("laer-wf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("answers.json").path
        let output = FailingText(errno: EBADF, acceptedWrites: 1)
        let (code, errorOutput) = Self.run(
            ["survey", file, "--questionnaire", Self.mini, "--name", "Ada"], output: output, stdin: "CRO\n")
        #expect(code == .ioError)
        #expect(errorOutput.hasSuffix("laer: standard output: writing failed (Bad file descriptor)\n"))
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        #expect(saved.contains("\"role\": \"CRO\""))
    }

    @Test func aBatchOnAFailedOutputStopsWriting() {
        let output = FailingText(errno: EPIPE, acceptedWrites: 1)
        let inputs = Array(repeating: Self.answers, count: 50)
        let (code, errorOutput) = Self.run(
            ["score"] + inputs + ["--questionnaire", Self.mini, "--format", "json"], output: output)
        #expect(code == .ioError)
        #expect(errorOutput.isEmpty)
        #expect(output.text.components(separatedBy: "\n").count == 2, "one report, then nothing")
    }

    /// The sink keeps its first failure: a later write that would succeed neither happens nor clears it.
    @Test func theDescriptorSinkStopsAtItsFirstFailure() throws {
        let full = open("/dev/full", O_WRONLY | O_CLOEXEC)
        try #require(full >= 0)
        defer { close(full) }
        let sink = FileDescriptorSink(full)
        sink.write("lost")
        #expect(sink.writeFailure == ENOSPC)

        var ends: [Int32] = [-1, -1]
        try #require(pipe(&ends) == 0)
        defer {
            close(ends[0])
            close(ends[1])
        }
        _ = fcntl(ends[0], F_SETFL, O_NONBLOCK)
        try #require(dup2(ends[1], full) == full)
        sink.write("after")
        sink.write(bytes: Array("bytes".utf8))
        #expect(sink.writeFailure == ENOSPC)
        var buffer = [UInt8](repeating: 0, count: 16)
        #expect(read(ends[0], &buffer, buffer.count) < 0)

        let working = FileDescriptorSink(ends[1])
        working.write("ok")
        #expect(working.writeFailure == nil)
        #expect(read(ends[0], &buffer, buffer.count) == 2)
    }
}
