import LAERValues

extension ReportFormat {
    /// A diff's report in this format, alone: a file of its own, or the one report on standard output.
    ///
    /// `style` colours only text. The questionnaire given to `render` is the newer side's.
    package func diffReport(style: any TextStyle = PlainText()) -> any ReportRenderer<AssessmentDiff> {
        switch self {
        case .text: DiffTextReport(style: style)
        case .markdown: DiffMarkdownReport()
        case .json: DiffJSONReport(pretty: true)
        case .html: DiffHTMLReport()
        case .csv: DiffCSVReport()
        }
    }

    /// Diffs in this format, one of many on standard output: JSON Lines for json, one row each
    /// under one header for csv, whole reports between separators for the others.
    package func diffStream(questionnaire: Questionnaire, style: any TextStyle = PlainText()) -> ReportStream<AssessmentDiff> {
        switch self {
        case .json:
            let lines = DiffJSONReport(pretty: false)
            return ReportStream(separator: separator) { lines.renderBytes($0, questionnaire: questionnaire) }
        case .csv:
            return ReportStream(header: CSVReport.writer.bytes([DiffCSVReport.header]), separator: separator) {
                CSVReport.writer.bytes([DiffCSVReport.row($0)])
            }
        case .text, .markdown, .html:
            let report = diffReport(style: style)
            return ReportStream(separator: separator) { report.renderBytes($0, questionnaire: questionnaire) }
        }
    }
}
