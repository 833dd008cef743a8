import LAERValues

// TEMPORARY STUB until the trend renderers land.
struct StubTrend: ReportRenderer {
    func render(_ subject: [Trend], questionnaire: Questionnaire) -> String {
        "trend \(subject.map { "\($0.organization) \($0.points.map(\.origin.label))" })\n"
    }
}

extension ReportFormat {
    package func trendReport(style: any TextStyle = PlainText()) -> any ReportRenderer<[Trend]> { StubTrend() }
}
