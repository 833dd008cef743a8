import LAERDocuments
import LAERReports
import LAERSystem
import LAERValues

/// `laer template`: a blank answer file, the CSV answer sheet, the header of a wide export, or a
/// printable questionnaire.
struct TemplateCommand: Command {
    static let spec = CommandSpec(
        name: "template",
        summary:
            "Write a blank answer file (json), the answer sheet for a spreadsheet (csv), the header a survey tool's export must match (wide-csv), or a printable questionnaire for a paper interview (markdown).",
        discussion:
            "The CSV sheet and the wide header are UTF-8 with a byte-order mark and CRLF line ends, as spreadsheets expect. In the sheet, fill the rating column with not, partially, largely, fully or na (or N, P, L, F, 0–3), a placement with its phase (traditional, experiment, effective or efficient); the help column says what counts as evidence. Save it as CSV in any of the ways spreadsheets do (comma, semicolon or tab; UTF-8, UTF-16 or Windows-1252) and score it as it is. The wide header has one column per respondent detail and per capability id: a survey tool whose questions are named so exports what score reads, one respondent per row.",
        options: [
            CommonOptions.format(["json", "csv", "wide-csv", "markdown"], default: "json"),
            .option("out", short: "o", value: "FILE", help: "Write the template to FILE instead of standard output."),
            CommonOptions.questionnaire,
        ],
        examples: [
            "laer template > answers.json",
            "laer template --format csv --out answers.csv", "laer template --format wide-csv --out header.csv",
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
        case "csv", "wide-csv":
            let bytes =
                arguments.value("format") == "csv"
                ? AnswerSheet.template(for: questionnaire, today: context.today()) : WideCSV.template(for: questionnaire)
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
