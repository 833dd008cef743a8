import LAERTestSupport
import Testing

@testable import LAERCommandLine
@testable import LAERDocuments

/// Golden files for `laer --help` and every command's help, run through the registry as a user
/// would type them, and the promises the help makes that a golden file alone would not explain.
@Suite struct HelpFormatterTests {
    static let commandNames = CommandRegistry.specs.map(\.name)

    /// Help text with every run of spaces and line breaks as one space, so wrapping does not matter.
    static func words(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    @Test(arguments: [["--help"], ["-h"], ["help"], []])
    func theMainHelpMatchesItsGoldenFile(arguments: [String]) throws {
        let run = CommandRun(arguments)
        #expect(run.exitCode == .success)
        #expect(run.errorOutput.isEmpty)
        try assertSnapshot(run.output, named: "help.txt")
    }

    @Test(arguments: commandNames)
    func eachCommandsHelpMatchesItsGoldenFile(name: String) throws {
        let run = CommandRun([name, "--help"])
        #expect(run.exitCode == .success)
        #expect(run.errorOutput.isEmpty)
        try assertSnapshot(run.output, named: "help-\(name).txt")
        #expect(CommandRun(["help", name]).output == run.output)
        // The wrapped prose fits 80 columns; the usage line and the examples are not wrapped (yet).
        let prose = run.output.components(separatedBy: "\nExamples:\n")[0].split(separator: "\n").dropFirst()
        #expect(prose.allSatisfy { $0.count <= HelpFormatter.width }, "\(name) help is wider than 80")
    }

    @Test func helpForHelpMatchesItsGoldenFile() throws {
        let run = CommandRun(["help", "help"])
        #expect(run.exitCode == .success)
        try assertSnapshot(run.output, named: "help-help.txt")
    }

    /// Every option with a default says it, in its own row: `Default: VALUE.` right after its help.
    @Test(arguments: commandNames)
    func everyDefaultIsShownAfterItsOptionsHelp(name: String) throws {
        let spec = try #require(CommandRegistry.specs.first { $0.name == name })
        let help = Self.words(HelpFormatter.commandHelp(spec))
        for option in spec.options {
            if let value = option.defaultValue {
                #expect(
                    help.contains(Self.words("\(option.help) Default: \(value).")),
                    "--\(option.name) of \(name) lacks Default: \(value)")
            } else {
                #expect(help.contains(Self.words(option.help)))
            }
        }
        #expect(help.components(separatedBy: "Default: ").count - 1 == spec.options.filter { $0.defaultValue != nil }.count)
    }

    @Test func theFormatAndColorDefaultsAreSpelledOut() {
        let score = Self.words(CommandRun(["score", "--help"]).output)
        #expect(
            score.contains(
                "Output format: text, markdown, json, html, csv. By default the one the --out file's extension names (.txt .md .json .html .csv), else text."
            ))
        #expect(score.contains("Default: auto."))
        #expect(
            Self.words(CommandRun(["template", "--help"]).output).contains(
                "Output format: json, csv, wide-csv, markdown, html. By default the one the --out file's extension names (.json .csv .md .html), else json."
            ))
    }
}
