import Foundation
import LAERQuestionnaires
import LAERTestSupport
import Testing

@testable import LAERFormats
@testable import LAERSystem

/// Runs the built `laer` executable as a user would and checks its output and exit codes.
@Suite struct BinaryTests {
    /// The `laer` built beside this test bundle (the test target depends on it, so it is always built).
    static let binary: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("laer")

    typealias Result = Subprocess.Result

    static func run(
        _ arguments: [String], binary: URL = binary, directory: URL? = nil, stdin: String? = nil,
        environment: [String: String] = ["PATH": "/usr/bin:/bin"]
    ) throws -> Result {
        try Subprocess.run(binary.path, arguments, stdin: stdin ?? "", environment: environment, directory: directory?.path)
    }

    /// A built-in version's file in `Questionnaires/`, by default the newest.
    static func questionnaireFile(_ name: String = BuiltInQuestionnaire.newest.displayName) throws -> String {
        try String(contentsOf: TestFiles.packageDirectory.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func printsTheEmbeddedQuestionnaireAsJSON() throws {
        let result = try Self.run(["questionnaire", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.output == (try Self.questionnaireFile()))
        #expect(result.errorOutput.isEmpty)
    }

    @Test func aCopiedBinaryRunFromTheRootDirectoryWorksAlone() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("laer-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("laer")
        try FileManager.default.copyItem(at: Self.binary, to: copy)
        let result = try Self.run(["questionnaire", "--format", "json"], binary: copy, directory: URL(fileURLWithPath: "/"))
        #expect(result.status == 0)
        #expect(result.output == (try Self.questionnaireFile()))
        // Every released version is inside it too.
        for document in BuiltInQuestionnaire.history {
            let version = String(document.displayName.dropFirst("Questionnaires/laer-".count).dropLast(".json".count))
            let old = try Self.run(
                ["questionnaire", "--release", version, "--format", "json"], binary: copy, directory: URL(fileURLWithPath: "/"))
            #expect(old.status == 0)
            #expect(old.output == (try Self.questionnaireFile(document.displayName)), "\(version)")
        }
    }

    @Test func exitCodesFollowTheContract() throws {
        let help = try Self.run(["--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("Usage: laer <command> [options]"))

        let unknownCommand = try Self.run(["scor"])
        #expect(unknownCommand.status == 64)
        #expect(unknownCommand.errorOutput.hasPrefix("laer: unknown command 'scor'"))
        #expect(unknownCommand.output.isEmpty)

        let unknownOption = try Self.run(["validate", "--strict", "x.json"])
        #expect(unknownOption.status == 64)

        let badData = try Self.run(["validate", "-"], stdin: #"{"schema": "laer-questionnaire/1", "id": "x"}"#)
        #expect(badData.status == 65)
        #expect(badData.errorOutput.hasPrefix("<stdin>: version: missing; add a semantic version such as \"1.0.0\"\n"))

        let missing = try Self.run(["questionnaire", "--questionnaire", "no-such-file.json"])
        #expect(missing.status == 66)
        #expect(missing.errorOutput == "no-such-file.json: no such file; check the path and the current directory\n")
    }

    @Test func noColourWhenNotATerminalUnlessAskedFor() throws {
        #expect(!(try Self.run(["questionnaire"]).output.contains("\u{1B}[")))
        #expect(try Self.run(["questionnaire", "--color", "always"]).output.contains("\u{1B}["))
    }

    @Test func completionScriptsArePrinted() throws {
        for shell in ["bash", "zsh", "fish"] {
            let result = try Self.run(["completions", shell])
            #expect(result.status == 0)
            #expect(result.output.contains("laer"))
        }
    }

    @Test func scoringExitCodesAreThoseOfTheContract() throws {
        let example = TestFiles.packageDirectory.appendingPathComponent("Questionnaires/Examples/northwind-experiment.json").path
        let ok = try Self.run(["score", example, "--format", "json"])
        #expect(ok.status == 0)
        #expect(ok.output.contains("\"schema\": \"laer-result/1\""))

        let usage = try Self.run(["score", example, "--format", "pdf"])
        #expect(usage.status == 64)
        #expect(
            usage.errorOutput
                == "laer: 'pdf' is not a valid value for '--format'; expected one of text, markdown, json, html, csv\n")

        let bad = try Self.run(
            ["score", "-"],
            stdin:
                #"{"schema": "laer-answers/1", "questionnaire": {"id": "laer-efficient", "version": "1.0.0"}, "assessedOn": "2026-11-25", "answers": {"kpis-2-usage-telemetri": "fully"}}"#
        )
        #expect(bad.status == 65)
        #expect(
            bad.errorOutput
                == "<stdin>: answers.kpis-2-usage-telemetri: \"kpis-2-usage-telemetri\" is not a capability of questionnaire laer-efficient 1.0.0; did you mean \"kpis-2-usage-telemetry\"?\n"
        )

        let missing = try Self.run(["score", "nowhere.json"])
        #expect(missing.status == 66)
        #expect(missing.errorOutput == "nowhere.json: no such file; check the path and the current directory\n")

        // A missing directory is made (as for a batch's --out): only one under a plain file cannot be.
        let cannotCreate = try Self.run(["score", example, "--out", example + "/report.txt"])
        #expect(cannotCreate.status == 73)
    }

    @Test func theExampleCompaniesStandInTheirThreePhases() throws {
        let examples = TestFiles.packageDirectory.appendingPathComponent("Questionnaires/Examples")
        for (file, phase) in [
            ("northwind-experiment.json", "laer-experiment"), ("contoso-effective.json", "laer-effective"),
            ("fabrikam-efficient.json", "laer-efficient"),
        ] {
            let result = try Self.run(["score", examples.appendingPathComponent(file).path, "--format", "json"])
            #expect(result.status == 0)
            let overall = try JSONParser.parse(result.output).objectValue?["overall"]?.objectValue
            #expect(overall?["phase"] == .string(phase), "\(file)")
            let validate = try Self.run(["validate", examples.appendingPathComponent(file).path])
            #expect(validate.status == 0 && validate.errorOutput.isEmpty, "\(file): \(validate.errorOutput)")
        }
    }
}
