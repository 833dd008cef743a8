import LAERBatch
import LAERDocuments
import LAERReports
import LAERSurvey
import LAERSystem
import LAERValues

/// `laer template`: a blank answer file, the CSV answer sheet, the header of a wide export, a
/// printable questionnaire, or the questionnaire as one HTML form to fill in a browser.
struct TemplateCommand: Command {
    /// What `template` writes, by `--format` or the `--out` file's extension.
    enum Format: String, CaseIterable {
        case json, csv
        case wideCSV = "wide-csv"
        case markdown, html

        /// The format a file name's extension names; none names the wide header, an ordinary CSV.
        init?(fileExtension: String) {
            switch fileExtension.lowercased() {
            case "json": self = .json
            case "csv": self = .csv
            case "md", "markdown": self = .markdown
            case "html", "htm": self = .html
            default: return nil
            }
        }
    }

    static let spec = CommandSpec(
        name: "template",
        summary:
            "Write a blank answer file (json), the answer sheet for a spreadsheet (csv), the header a survey tool's export must match (wide-csv), a printable questionnaire for a paper interview (markdown), or the questionnaire as one HTML form that a respondent fills in a browser, offline (html).",
        discussion:
            "The CSV sheet and the wide header are UTF-8 with a byte-order mark and CRLF line ends, as spreadsheets expect. In the sheet, fill the rating column with not, partially, largely, fully or na (or N, P, L, F, 0–3), a placement with its phase (traditional, experiment, effective or efficient); the help column says what counts as evidence. Save it as CSV in any of the ways spreadsheets do (comma, semicolon or tab; UTF-8, UTF-16 or Windows-1252) and score it as it is. The wide header has one column per respondent detail and per capability id: a survey tool whose questions are named so exports what score reads, one respondent per row. The HTML form is one file that needs nothing else: send it, the respondent opens it in any current browser (nothing is loaded from the network), every answer is kept in that browser as it is given, and 'Download answers' writes a laer-answers/1 file named after the organization, respondent and period, which score and validate read as it is. --name, --role, --organization and --period fill in the respondent's details; with --from (last time's answer file or CSV sheet) the form starts with last time's respondent, and shows last time's answers, each marked, counted only once the respondent keeps or changes it.",
        options: [
            .option(
                "format", short: "f", value: "FORMAT", choices: Format.allCases.map(\.rawValue),
                help:
                    "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")). By default the one the --out file's extension names (.json .csv .md .html), else json."
            ),
            .option("out", short: "o", value: "FILE", help: "Write the template to FILE instead of standard output."),
            .option("name", value: "NAME", help: "The respondent's name, filled in (json, csv, markdown, html)."),
        ] + CommonOptions.respondentDetails + [
            .option(
                "from", value: "PREVIOUS",
                help:
                    "The HTML form as a re-assessment: last time's answer file or CSV sheet, whose respondent starts the form and whose answers it shows until each is kept or changed."
            ),
            CommonOptions.questionnaire,
        ],
        examples: [
            "laer template > answers.json",
            "laer template --format csv --out answers.csv", "laer template --format wide-csv --out header.csv",
            "laer template --format markdown > interview.md",
            "laer template --out acme-2026-q4.html --organization Acme --name 'Ada Lovelace' --period 2026-Q4",
            "laer template --out acme-2027-q1.html --from acme-2026-q4.json --period 2027-Q1",
        ])

    let arguments: ParsedArguments

    init(_ arguments: ParsedArguments) {
        self.arguments = arguments
    }

    func run(in context: CommandContext) throws -> ExitCode {
        let out = arguments.value("out")
        let format = self.format(out: out)
        let given = ["name", "role", "organization", "period"].filter { arguments.value($0) != nil }
        if format == .wideCSV, let first = given.first {
            throw UsageError.other(
                "--\(first) fills in one respondent, and the wide header is only the columns of an export of many; leave it out, or write the sheet with --format csv",
                command: "template")
        }
        if arguments.value("from") != nil, format != .html {
            throw UsageError.other(
                "--from shows last time's answers in the HTML form, marked until each is kept or changed; a \(format.rawValue) template cannot mark them: add --format html, or run 'laer survey NEW --from PREVIOUS' in a terminal",
                command: "template")
        }
        let (questionnaire, _) = try context.loadQuestionnaire(arguments)
        let previous = try arguments.value("from").map { from throws in
            try context.loadPrevious(from, catalog: try context.loadCatalog(arguments), for: questionnaire)
        }
        let respondent = CommonOptions.respondent(arguments, over: previous?.respondent ?? Respondent())
        let period = CommonOptions.period(arguments)

        if out != nil { context.removeTemporaryFilesOnInterrupt() }
        switch format {
        case .csv, .wideCSV:
            let bytes =
                format == .csv
                ? AnswerSheet.template(for: questionnaire, today: context.today(), respondent: respondent, period: period)
                : WideCSV.template(for: questionnaire)
            if let out {
                try context.files.write(bytes, to: out)
            } else {
                context.output.write(String(decoding: bytes, as: UTF8.self))
            }
        case .markdown:
            try context.emit(AnswerTemplate.markdown(for: questionnaire, respondent: respondent, period: period), to: out)
        case .html:
            let prefill = AnswerForm.Prefill(
                respondent: respondent, period: period, previous: previous,
                previousFile: arguments.value("from").map(ReportFileNamer.fileName(of:)))
            try context.emit(AnswerForm.document(for: questionnaire, prefill: prefill), to: out)
        case .json:
            try context.emit(
                AnswerTemplate.json(for: questionnaire, today: context.today(), respondent: respondent, period: period), to: out)
        }
        return .success
    }

    /// `--format`, else the one the `--out` file's extension names, else json.
    private func format(out: String?) -> Format {
        if let given = arguments.value("format") { return Format(rawValue: given) ?? .json }
        return out.flatMap(ReportFileNamer.fileExtension(of:)).flatMap(Format.init(fileExtension:)) ?? .json
    }
}
