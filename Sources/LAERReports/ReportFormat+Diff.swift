import LAERValues

// TEMPORARY STUB (not to be committed)
struct StubDiff: ReportRenderer {
    func render(_ subject: AssessmentDiff, questionnaire: Questionnaire) -> String {
        "diff \(subject.organization) \(subject.overallIndexDelta)\n"
    }
}
struct StubTrend: ReportRenderer {
    func render(_ subject: [Trend], questionnaire: Questionnaire) -> String {
        "trend \(subject.map { "\($0.organization) \($0.points.map(\.origin.label))" })\n"
    }
}
extension ReportFormat {
    package func diffReport(style: any TextStyle = PlainText()) -> any ReportRenderer<AssessmentDiff> { StubDiff() }
    package func diffStream(questionnaire: Questionnaire, style: any TextStyle = PlainText()) -> ReportStream<AssessmentDiff> {
        ReportStream(separator: separator) { Array(StubDiff().render($0, questionnaire: questionnaire).utf8) }
    }
    package func trendReport(style: any TextStyle = PlainText()) -> any ReportRenderer<[Trend]> { StubTrend() }
}
