import LAERValues

extension ReportFormat {
    /// The trends of every organization given as one report in this format: one document for
    /// all (JSON Lines for several organizations, one CSV header, one HTML page).
    ///
    /// `style` colours only text.
    package func trendReport(style: any TextStyle = PlainText()) -> any ReportRenderer<[Trend]> {
        switch self {
        case .text: TrendTextReport(style: style)
        case .markdown: TrendMarkdownReport()
        case .json: TrendJSONReport()
        case .html: TrendHTMLReport()
        case .csv: TrendCSVReport()
        }
    }
}
