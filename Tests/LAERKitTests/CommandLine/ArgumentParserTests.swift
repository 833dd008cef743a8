import LAERTestSupport
import Testing

@testable import LAERCommandLine
@testable import LAERDocuments

@Suite struct ArgumentParserTests {
    static let spec = CommandSpec(
        name: "demo", summary: "A command for tests.",
        positionals: [PositionalSpec("INPUT", count: .oneOrMore, help: "Inputs.")],
        options: [
            .option("format", short: "f", value: "FORMAT", choices: ["text", "json"], default: "text", help: "Format."),
            .option("questionnaire", value: "FILE", help: "A questionnaire."),
            .flag("plain", help: "Line mode."),
        ])

    func parse(_ arguments: [String], spec: CommandSpec = spec) throws(UsageError) -> ParsedArguments {
        try ArgumentParser.parse(arguments, for: spec)
    }

    @Test func readsLongShortInlineAndSeparateValues() throws {
        #expect(try parse(["a", "--format", "json"]).value("format") == "json")
        #expect(try parse(["a", "--format=json"]).value("format") == "json")
        #expect(try parse(["a", "-f", "json"]).value("format") == "json")
        #expect(try parse(["a", "-fjson"]).value("format") == "json")
        #expect(try parse(["a", "-f=json"]).value("format") == "json")
        #expect(try parse(["a", "--questionnaire=x=y.json"]).value("questionnaire") == "x=y.json")
    }

    @Test func fillsDefaultsAndLeavesOtherOptionsUnset() throws {
        let parsed = try parse(["a"])
        #expect(parsed.value("format") == "text")
        #expect(parsed.value("questionnaire") == nil)
        #expect(!parsed.flag("plain"))
    }

    @Test func keepsPositionalsInOrderAroundOptions() throws {
        let parsed = try parse(["a", "--plain", "b", "-f", "json", "c"])
        #expect(parsed.positionals == ["a", "b", "c"])
        #expect(parsed.flag("plain"))
    }

    @Test func aLoneDashIsStandardInputAndDoubleDashEndsOptions() throws {
        #expect(try parse(["-"]).positionals == ["-"])
        #expect(try parse(["--questionnaire", "-", "a"]).value("questionnaire") == "-")
        #expect(try parse(["--", "--plain", "-f"]).positionals == ["--plain", "-f"])
        #expect(!(try parse(["--", "--plain"]).flag("plain")))
    }

    @Test func helpSkipsTheArgumentChecks() throws {
        #expect(try parse(["--help"]).flag("help"))
        #expect(try parse(["-h"]).flag("help"))
    }

    @Test(arguments: [
        (["a", "--fromat", "json"], UsageError.unknownOption("--fromat", command: "demo", suggestion: "--format")),
        (["a", "--zzz"], .unknownOption("--zzz", command: "demo", suggestion: nil)),
        (["a", "-x"], .unknownOption("-x", command: "demo", suggestion: nil)),
        (["a", "-hx"], .unknownOption("-hx", command: "demo", suggestion: nil)),
        (["a", "--format"], .missingValue(option: "format", valueName: "FORMAT", command: "demo")),
        (["a", "--format", "--plain"], .missingValue(option: "format", valueName: "FORMAT", command: "demo")),
        (["a", "-f"], .missingValue(option: "format", valueName: "FORMAT", command: "demo")),
        (["a", "--format", "yaml"], .invalidValue(option: "format", value: "yaml", choices: ["text", "json"], command: "demo")),
        (["a", "--plain=yes"], .unexpectedValue(option: "plain", command: "demo")),
        (["a", "-f", "json", "--format", "text"], .repeatedOption(option: "format", command: "demo")),
        ([], .missingArgument(name: "INPUT", command: "demo")),
        (["--plain"], .missingArgument(name: "INPUT", command: "demo")),
    ])
    func reportsEachKindOfBadUsage(arguments: [String], expected: UsageError) {
        #expect(throws: expected) { try parse(arguments) }
        #expect(expected.exitCode == .usage)
    }

    @Test func checksPositionalCountsAndChoices() throws {
        let one = CommandSpec(
            name: "one", summary: "",
            positionals: [PositionalSpec("SHELL", count: .one, completion: .choices(["bash", "zsh"]), help: "")])
        #expect(try parse(["zsh"], spec: one).positionals == ["zsh"])
        #expect(throws: UsageError.unexpectedArgument("fish", command: "one")) { try parse(["zsh", "fish"], spec: one) }
        #expect(
            throws: UsageError.other(
                "'bsh' is not a valid SHELL; expected one of bash, zsh (did you mean \"bash\"?)", command: "one")
        ) {
            try parse(["bsh"], spec: one)
        }
        let optional = CommandSpec(name: "opt", summary: "", positionals: [PositionalSpec("FILE", count: .optional, help: "")])
        #expect(try parse([], spec: optional).positionals == [])
        #expect(throws: UsageError.unexpectedArgument("b", command: "opt")) { try parse(["a", "b"], spec: optional) }
        let none = CommandSpec(name: "none", summary: "")
        #expect(throws: UsageError.unexpectedArgument("x", command: "none")) { try parse(["x"], spec: none) }
    }

    @Test(arguments: [
        (
            UsageError.unknownCommand("scroe", suggestion: "score"),
            "unknown command 'scroe' (did you mean 'score'?); run 'laer --help' for the commands"
        ),
        (
            .unknownOption("--fromat", command: "demo", suggestion: "--format"),
            "unknown option '--fromat' (did you mean '--format'?); run 'laer demo --help' for usage"
        ),
        (
            .missingValue(option: "format", valueName: "FORMAT", command: "demo"),
            "option '--format' needs a value (FORMAT); run 'laer demo --help' for usage"
        ),
        (
            .invalidValue(option: "format", value: "jsn", choices: ["text", "json"], command: "demo"),
            "'jsn' is not a valid value for '--format'; expected one of text, json (did you mean \"json\"?)"
        ),
        (.unexpectedValue(option: "plain", command: "demo"), "option '--plain' takes no value; run 'laer demo --help' for usage"),
        (.repeatedOption(option: "format", command: "demo"), "option '--format' is given more than once; give it once"),
        (.missingArgument(name: "INPUT", command: "demo"), "missing argument INPUT; run 'laer demo --help' for usage"),
        (.unexpectedArgument("x", command: "demo"), "unexpected argument 'x'; run 'laer demo --help' for usage"),
        (.unknownOption("--x", command: "", suggestion: nil), "unknown option '--x'; run 'laer --help' for the commands"),
    ])
    func explainsEachErrorAndWhatToDo(error: UsageError, message: String) {
        #expect(error.description == message)
    }
}
