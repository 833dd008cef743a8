import LAERDocuments
import LAERReports
import LAERSystem
import LAERValues

/// `laer questionnaire`: shows the loaded questionnaire, one released version of the built-in
/// one, or the history of its versions.
struct QuestionnaireCommand: Command {
    static let spec = CommandSpec(
        name: "questionnaire",
        summary: "Show the questionnaire: the phases, each marker's profiles, and every capability with its source.",
        discussion:
            "Without --questionnaire this is the newest version of the questionnaire built into laer; --release shows an earlier one, as answers made with it are scored. The json format prints the whole laer-questionnaire/1 document, a starting point for a consultant's own questionnaire. --history lists the built-in versions and, between each two, the capabilities added, retired, reworded and reweighted.",
        options: [
            CommonOptions.format(ReportFormat.questionnaireFormats.map(\.rawValue), default: "text"), CommonOptions.questionnaire,
            .option(
                "release", value: "VERSION", help: "Show this released version of the built-in questionnaire, such as 1.0.0."),
            .flag("history", help: "List the built-in versions and what changed between each two."),
            CommonOptions.color,
        ],
        examples: [
            "laer questionnaire",
            "laer questionnaire --format markdown > questionnaire.md",
            "laer questionnaire --format json > my-questionnaire.json",
            "laer questionnaire --release 1.0.0",
            "laer questionnaire --history",
        ])

    let arguments: ParsedArguments

    init(_ arguments: ParsedArguments) throws(UsageError) {
        self.arguments = arguments
        let given =
            ["questionnaire", "release"].filter { arguments.value($0) != nil } + (arguments.flag("history") ? ["history"] : [])
        if given.count > 1 {
            throw .other(
                "--\(given[0]) and --\(given[1]) do not go together: --questionnaire shows a file, --release a built-in version, --history every built-in version",
                command: "questionnaire")
        }
    }

    func run(in context: CommandContext) throws -> ExitCode {
        let format = arguments.value("format").flatMap(ReportFormat.init(rawValue:)) ?? .text
        let style = context.outputStyle(arguments)
        if arguments.flag("history") {
            let history = try QuestionnaireLoader.builtInHistory()
            let renderer = QuestionnaireHistoryRenderer(style: style)
            context.output.write(
                format == .json
                    ? renderer.json(history) : format == .markdown ? renderer.markdown(history) : renderer.text(history))
            return .success
        }
        let (questionnaire, file) = try arguments.value("release").map(Self.release) ?? context.loadQuestionnaire(arguments)
        let printout = format.questionnairePrintout(questionnaire, document: file.bytes, style: style)
        context.output.write(printout ?? "")
        return .success
    }

    /// The built-in version `text` names; usage when there is none.
    static func release(_ text: String) throws -> (Questionnaire, InputFile) {
        if let found = try QuestionnaireLoader.builtIn(version: text.trimmingSpaces()) { return found }
        let versions = try QuestionnaireLoader.builtInHistory().map(\.version.description)
        throw UsageError.other(
            "there is no built-in version \(text); the built-in versions are \(versions.joined(separator: ", "))",
            command: "questionnaire")
    }
}
