import LAERDocuments
import LAERReports
import LAERSystem
import LAERValues

/// `laer template`: a blank answer file, the CSV answer sheet, or a printable questionnaire.
struct TemplateCommand: Command {
    static let spec = CommandSpec(
        name: "template",
        summary:
            "Write a blank answer file (json), the answer sheet for a spreadsheet (csv), or a printable questionnaire for a paper interview (markdown).",
        discussion:
            "The CSV sheet is UTF-8 with a byte-order mark and CRLF line ends, as spreadsheets expect: fill the rating column with not, partially, largely, fully or na (or N, P, L, F, 0–3), save it as CSV, and score it as it is.",
        options: [
            CommonOptions.format(["json", "csv", "markdown"], default: "json"),
            .option("out", short: "o", value: "FILE", help: "Write the template to FILE instead of standard output."),
            CommonOptions.questionnaire,
        ],
        examples: [
            "laer template > answers.json",
            "laer template --format csv --out answers.csv",
            "laer template --format markdown > interview.md",
        ])

    let arguments: ParsedArguments

    init(_ arguments: ParsedArguments) {
        self.arguments = arguments
    }

    func run(in context: CommandContext) throws -> ExitCode {
        let (questionnaire, _) = try context.loadQuestionnaire(arguments)
        let out = arguments.value("out")
        if out != nil { context.removeTemporaryFilesOnInterrupt() }
        switch arguments.value("format") {
        case "csv":
            let bytes = AnswerSheet.template(for: questionnaire)
            if let out {
                try context.files.write(bytes, to: out)
            } else {
                context.output.write(String(decoding: bytes, as: UTF8.self))
            }
        case "markdown":
            try context.emit(AnswerTemplate.markdown(for: questionnaire), to: out)
        default:
            try context.emit(AnswerTemplate.json(for: questionnaire, today: context.today()), to: out)
        }
        return .success
    }
}
