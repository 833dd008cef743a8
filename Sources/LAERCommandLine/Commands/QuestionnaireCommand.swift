import LAERBatch
import LAERDocuments
import LAERFormats
import LAERReports
import LAERScoring
import LAERSurvey
import LAERSystem
import LAERTerminal
import LAERValues

/// `laer questionnaire`: shows the loaded questionnaire.
struct QuestionnaireCommand: Command {
    static let spec = CommandSpec(
        name: "questionnaire",
        summary: "Show the questionnaire: the phases, each marker's profiles, and every capability with its source.",
        discussion: "Without --questionnaire this is the questionnaire built into laer. The json format prints the whole laer-questionnaire/1 document, a starting point for a consultant's own questionnaire.",
        options: [CommonOptions.format(["text", "markdown", "json"], default: "text"), CommonOptions.questionnaire, CommonOptions.color],
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
        switch arguments.value("format") {
        case "json":
            var text = String(decoding: file.bytes, as: UTF8.self)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            context.output.write(text.hasSuffix("\n") ? text : text + "\n")
        case "markdown":
            context.output.write(QuestionnaireMarkdownRenderer().render(questionnaire))
        default:
            context.output.write(QuestionnaireTextRenderer(style: context.outputStyle(arguments)).render(questionnaire))
        }
        return .success
    }
}
