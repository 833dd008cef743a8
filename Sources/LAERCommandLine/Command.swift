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

    /// `--role`, `--organization` and `--period`: what is known of the respondent before the questions.
    package static let respondentDetails: [OptionSpec] = [
        .option("role", value: "ROLE", help: "The respondent's role, such as CRO."),
        .option("organization", value: "ORG", help: "The respondent's company or organization."),
        .option("period", value: "PERIOD", help: "The reporting period the answers are for, such as 2026-Q4."),
    ]

    /// `base` with what `--name`, `--role` and `--organization` give, each folded to one line.
    package static func respondent(_ arguments: ParsedArguments, over base: Respondent) -> Respondent {
        var respondent = base
        if let name = arguments.value("name") { respondent.name = SafeText.line(name) }
        if let role = arguments.value("role") { respondent.role = SafeText.line(role) }
        if let organization = arguments.value("organization") { respondent.organization = SafeText.line(organization) }
        return respondent
    }

    /// What `--period` gives, folded to one line.
    package static func period(_ arguments: ParsedArguments) -> String? {
        arguments.value("period").map(SafeText.line)
    }

    package static let color = OptionSpec.option(
        "color", value: "WHEN", choices: ColorMode.allCases.map(\.rawValue), default: "auto",
        help: "Colour the output: auto (only on a terminal, and not with NO_COLOR or TERM=dumb), always or never.")

    package static func format(_ formats: [String], default defaultValue: String) -> OptionSpec {
        .option(
            "format", short: "f", value: "FORMAT", choices: formats, default: defaultValue,
            help: "Output format: \(formats.joined(separator: ", ")).")
    }

    /// `--columns`: the header names a survey tool gave a wide export's columns.
    package static let columns = OptionSpec.option(
        "columns", value: "MAP",
        help:
            "Name a wide export's columns where a survey tool named them its own way: respondent=Full name, organization=Company, assessedOn=Submitted, role=Title, period=Quarter (or a capability id=its question's header). Common names such as Name, Email, Company, Organisation, Job title, Timestamp and Quarter are read without it."
    )

    /// The column map `--columns` gives; a bad one is usage.
    static func columnMap(_ arguments: ParsedArguments, command: String) throws(UsageError) -> ColumnMap {
        guard let text = arguments.value("columns") else { return .none }
        do {
            return try ColumnMap(parsing: text)
        } catch {
            throw .other("--columns: \(error)", command: command)
        }
    }

    /// Options accepted before the command name too (`laer --color never questionnaire`).
    static let global = [questionnaire, color]
}
