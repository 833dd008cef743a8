import LAERValues

extension ReportFormat {
    /// A score result's report in this format, alone: a file of its own, or the one report on
    /// standard output.
    ///
    /// `style` colours only text.
    package func scoreReport(style: any TextStyle = PlainText()) -> any ReportRenderer<ScoreResult> {
        switch self {
        case .text: TextReport(style: style)
        case .markdown: MarkdownReport()
        case .json: JSONReport(pretty: true)
        case .html: HTMLReport()
        case .csv: CSVReport()
        }
    }

    /// Score results in this format, one of many on standard output: JSON Lines for json, one
    /// row each under one header for csv, whole reports between separators for the others.
    ///
    /// Each result is rendered with the version of `catalog` it was scored with. A stream has one
    /// CSV header, decided before the first result: it names the capabilities of `columns` (by
    /// default the newest), and `withPeers` adds the peer columns to it and to every row
    /// (`score --peers`).
    package func scoreStream(
        catalog: QuestionnaireCatalog, columns: Questionnaire? = nil, style: any TextStyle = PlainText(),
        withPeers: Bool = false
    ) -> ReportStream<ScoreResult> {
        switch self {
        case .json:
            let writers = catalog.questionnaires.map(JSONLineWriter.init)
            return ReportStream(separator: separator) { writers[catalog.position(of: $0)].bytes($0) }
        case .csv:
            let columns = columns ?? catalog.newest
            let header = CSVReport.header(columns, withPeers: withPeers)
            return ReportStream(header: CSVReport.writer.bytes([header]), separator: separator) {
                CSVReport.writer.bytes([CSVReport.row($0, questionnaire: columns, withPeers: withPeers)])
            }
        case .text, .markdown, .html:
            let report = scoreReport(style: style)
            return ReportStream(separator: separator) {
                report.renderBytes($0, questionnaire: catalog.questionnaire(of: $0))
            }
        }
    }
}
