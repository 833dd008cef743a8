import LAERFormats
import LAERValues

/// One header row, then one row per organization and period: the trend's numbers for a
/// spreadsheet's own charts, quoted and formula-safe as every CSV report is.
package struct TrendCSVReport: ReportRenderer {
    package init() {}

    package func render(_ trends: [Trend], questionnaire: Questionnaire) -> String {
        CSVReport.writer.text([Self.header] + trends.flatMap(Self.rows))
    }

    package static let header: [String] =
        [
            "organization", "period", "assessedOn", "respondents", "questionnaire", "version", "overallPhase", "overallIndex",
        ] + MarkerID.allCases.flatMap { ["\($0.rawValue)Phase", "\($0.rawValue)Index"] }

    package static func rows(_ trend: Trend) -> [[String]] {
        return trend.points.map { point in
            let origin = point.origin
            var cells = [
                trend.organization, origin.period ?? "", origin.assessedOn, "\(origin.respondents)",
                origin.questionnaireID, origin.questionnaireVersion, point.overall.phase.rawValue,
                NumberFormat.decimal(point.overall.index, places: 3),
            ]
            for marker in MarkerID.allCases {
                let standing = point.marker(marker)
                cells += [standing?.phase.rawValue ?? "", standing.map { NumberFormat.decimal($0.index, places: 3) } ?? ""]
            }
            return cells
        }
    }
}
