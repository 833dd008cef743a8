import LAERFormats
import LAERValues

/// One header row and one row per diff: what moved, in figures a consultant sorts and filters in a spreadsheet.
///
/// RFC 4180 quoting; text cells guarded so that no spreadsheet runs them as formulas.
package struct DiffCSVReport: ReportRenderer {
    package init() {}

    package func render(_ diff: AssessmentDiff, questionnaire: Questionnaire) -> String {
        CSVReport.writer.text([Self.header, Self.row(diff)])
    }

    package static let header: [String] =
        [
            "organization", "fromPeriod", "fromAssessedOn", "toPeriod", "toAssessedOn", "overallFromPhase", "overallToPhase",
            "overallFromIndex", "overallToIndex", "overallIndexDelta",
        ] + MarkerID.allCases.flatMap { ["\($0.rawValue)FromPhase", "\($0.rawValue)ToPhase", "\($0.rawValue)IndexDelta"] }
        + ["improved", "regressed", "closedGaps", "openedGaps", "regression"]

    package static func row(_ diff: AssessmentDiff) -> [String] {
        let index = { (value: Double) in NumberFormat.decimal(value, places: 3) }
        var cells = [
            diff.organization, diff.from.period ?? "", diff.from.assessedOn, diff.to.period ?? "",
            diff.to.assessedOn, diff.overallFrom.phase.rawValue, diff.overallTo.phase.rawValue,
            index(diff.overallFrom.index), index(diff.overallTo.index),
            index(DiffNarrative.delta(diff.overallFrom.index, diff.overallTo.index)),
        ]
        for marker in MarkerID.allCases {
            let change = diff.markers.first { $0.id == marker }
            cells += [
                change?.from.phase.rawValue ?? "", change?.to.phase.rawValue ?? "",
                change.map { index(DiffNarrative.delta($0.from.index, $0.to.index)) } ?? "",
            ]
        }
        cells += [
            "\(diff.improved.count)", "\(diff.regressed.count)", "\(diff.closedGaps.count)", "\(diff.openedGaps.count)",
            diff.hasRegression ? "yes" : "no",
        ]
        return cells
    }
}
