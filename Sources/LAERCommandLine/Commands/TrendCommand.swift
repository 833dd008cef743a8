import LAERReports
import LAERScoring
import LAERSystem
import LAERValues

/// `laer trend INPUT...`: each organization's assessments over time, a point per period.
struct TrendCommand: Command {
    static let spec = CommandSpec(
        name: "trend",
        summary:
            "Show each organization's phase and indices period by period, overall and per marker, with the change each quarter.",
        discussion:
            "INPUT is anything score accepts: answer files, CSV sheets, wide exports, directories. A point is one organization in one period: the answer file's period, or where it has none the quarter of its assessedOn date. Several respondents of one organization and period are merged as score --by organization merges them. Organizations are matched by name whatever their case, spaces or trailing full stop. Points are ordered by period, then date. html draws a line chart per organization, the phase bands behind.",
        positionals: [
            PositionalSpec(
                "INPUT", count: .oneOrMore, help: "Answer files, CSV sheets or exports, directories, or - for standard input.")
        ],
        options: [
            CommonOptions.format(["text", "markdown", "json", "csv", "html"], default: "text"),
            .option("out", short: "o", value: "FILE", help: "Write the trend to this file instead of standard output."),
            CommonOptions.questionnaires, CommonOptions.color,
        ],
        examples: [
            "laer trend interviews/",
            "laer trend acme-2026-q1.json acme-2026-q2.json acme-2026-q3.json --format markdown",
            "laer trend clients/ --format html --out trends.html",
        ])

    let arguments: ParsedArguments

    init(_ arguments: ParsedArguments) {
        self.arguments = arguments
    }

    func run(in context: CommandContext) throws -> ExitCode {
        var inputs = ComparisonInputs(catalog: try context.loadCatalog(arguments), context: context)
        inputs.keepsNotes = false
        let side = try inputs.read(arguments.positionals)
        var dated: [OrganizationMerge] = []
        for merge in side.merges {
            guard merge.period != nil else {
                context.errorOutput.write(
                    "\(merge.sources.joined(separator: ", ")): no period and no date, so it has no place in a trend; add \"period\": \"2026-Q3\" or \"assessedOn\": \"2026-09-30\"\n"
                )
                continue
            }
            dated.append(merge)
        }
        let trends = Comparisons.trends(dated) { inputs.pipeline.score($0) }
        let format = ReportFormat(rawValue: arguments.value("format") ?? "") ?? .text
        let out = arguments.value("out")
        if !trends.isEmpty {
            let report = format.trendReport(style: context.outputStyle(arguments, toFile: out != nil))
            try context.emit(report.render(trends, questionnaire: inputs.pipeline.questionnaire), to: out)
        }
        if !side.missing.isEmpty { return .noInput }
        return side.hadBadInput || dated.count < side.merges.count || trends.isEmpty ? .dataError : .success
    }
}
