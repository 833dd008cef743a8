import LAERReports
import LAERSystem
import LAERValues

/// `laer questionnaire`: shows the loaded questionnaire.
struct QuestionnaireCommand: Command {
    static let spec = CommandSpec(
        name: "questionnaire",
        summary: "Show the questionnaire: the phases, each marker's profiles, and every capability with its source.",
        discussion:
            "Without --questionnaire this is the questionnaire built into laer. The json format prints the whole laer-questionnaire/1 document, a starting point for a consultant's own questionnaire.",
        options: [
            CommonOptions.format(ReportFormat.questionnaireFormats.map(\.rawValue), default: "text"), CommonOptions.questionnaire,
            CommonOptions.color,
        ],
        examples: [
            "laer questionnaire",
            "laer questionnaire --format markdown > questionnaire.md",
            "laer questionnaire --format json > my-questionnaire.json",
        ])

    let arguments: ParsedArguments

    init(_ arguments: ParsedArguments) {
        self.arguments = arguments
    }

    func run(in context: CommandContext) throws -> ExitCode {
        let (questionnaire, file) = try context.loadQuestionnaire(arguments)
        let format = arguments.value("format").flatMap(ReportFormat.init(rawValue:)) ?? .text
        let printout = format.questionnairePrintout(questionnaire, document: file.bytes, style: context.outputStyle(arguments))
        context.output.write(printout ?? "")
        return .success
    }
}
