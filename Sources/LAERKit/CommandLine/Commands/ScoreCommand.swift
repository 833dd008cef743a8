/// `laer score INPUT`: scores one assessment and writes its gap analysis.
struct ScoreCommand: Command {
    static let spec = CommandSpec(
        name: "score",
        summary: "Score an assessment against the four phases and write the gap analysis: where you stand, what holds you back, and the next moves.",
        discussion: "INPUT is a laer-answers/1 JSON file or a CSV answer sheet from 'laer template --format csv', told apart by content. The text report suits a terminal; markdown a code host; html is one self-contained file with charts; json is laer-result/1; csv is one row per result.",
        positionals: [PositionalSpec("INPUT", count: .one, help: "An answer file or CSV answer sheet, or - for standard input.")],
        options: [
            CommonOptions.format(ReportFormat.allCases.map(\.rawValue), default: "text"),
            .option("target", value: "PHASE", choices: PhaseID.allCases.map(\.rawValue),
                    help: "The phase to plan for. By default the phase above the company's current one."),
            .option("out", short: "o", value: "FILE", help: "Write the report to FILE instead of standard output."),
            CommonOptions.questionnaire, CommonOptions.color,
        ],
        examples: [
            "laer score Questionnaires/Examples/northwind-experiment.json",
            "laer score answers.csv --format html --out report.html",
            "laer score answers.json --target laer-efficient --format markdown",
        ])

    let arguments: ParsedArguments

    init(_ arguments: ParsedArguments) {
        self.arguments = arguments
    }

    func run(in context: CommandContext) throws -> ExitCode {
        let (questionnaire, _) = try context.loadQuestionnaire(arguments)
        let file = try context.readInput(arguments.positionals[0])
        let assessment = try AnswerLoader.load(file, questionnaire: questionnaire)
        let target = arguments.value("target").flatMap(PhaseID.init(rawValue:))
        let result = Scorer(questionnaire: questionnaire).score(assessment, source: file.displayName, target: target)
        let out = arguments.value("out")
        let format = ReportFormat(rawValue: arguments.value("format") ?? "") ?? .text
        try context.emit(Self.renderer(format, context: context, arguments: arguments, toFile: out != nil).render(result, questionnaire: questionnaire), to: out)
        return .success
    }

    static func renderer(_ format: ReportFormat, context: CommandContext, arguments: ParsedArguments, toFile: Bool) -> any ReportRenderer {
        switch format {
        case .text:
            let mode = arguments.value(CommonOptions.color.name).flatMap(ColorMode.init(rawValue:)) ?? .auto
            let color = mode.allowsColor(environment: context.environment, outputIsTerminal: context.outputIsTerminal && !toFile)
            return TextReport(style: TextStyle(colorEnabled: color))
        case .markdown: return MarkdownReport()
        case .json: return JSONReport()
        case .html: return HTMLReport()
        case .csv: return CSVReport()
        }
    }
}
