import LAERDocuments
import LAERTerminal
import LAERValues

/// One `laer` subcommand.
///
/// Adding a command is one new file with a type conforming to this,
/// named in `CommandRegistry.commands`.
package protocol Command: Sendable {
    static var spec: CommandSpec { get }

    /// Takes the parsed arguments; throws for combinations the spec cannot rule out.
    init(_ arguments: ParsedArguments) throws(UsageError)

    func run(in context: CommandContext) throws -> ExitCode
}

/// Options shared by several commands, so that they are spelled and explained the same everywhere.
package enum CommonOptions {
    package static let questionnaire = OptionSpec.option(
        "questionnaire", value: "FILE",
        help: "Use this laer-questionnaire/1 file instead of the built-in questionnaire.")

    /// `--questionnaire`, given once per version the answers were made with.
    package static let questionnaires = questionnaire.repeated(
        help:
            "Use this laer-questionnaire/1 file instead of the built-in questionnaires; repeat it to give each version the answers were made with."
    )

    package static let color = OptionSpec.option(
        "color", value: "WHEN", choices: ColorMode.allCases.map(\.rawValue), default: "auto",
        help: "Colour the output: auto (only on a terminal, and not with NO_COLOR or TERM=dumb), always or never.")

    package static func format(_ formats: [String], default defaultValue: String) -> OptionSpec {
        .option(
            "format", short: "f", value: "FORMAT", choices: formats, default: defaultValue,
            help: "Output format: \(formats.joined(separator: ", ")).")
    }

    /// Options accepted before the command name too (`laer --color never questionnaire`).
    static let global = [questionnaire, color]
}
