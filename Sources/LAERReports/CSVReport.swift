import LAERFormats
import LAERValues

/// One header row and one row per result: the numbers a consultant sorts and charts in a spreadsheet.
///
/// RFC 4180 quoting; text cells guarded so that no spreadsheet runs them as formulas.
package struct CSVReport: ReportRenderer {
    package init() {}

    package func render(_ result: ScoreResult, questionnaire: Questionnaire) -> String {
        let withPeers = result.peers != nil
        return Self.writer.text([Self.header(withPeers: withPeers), Self.row(result, withPeers: withPeers)])
    }

    package static let writer = CSVWriter(lineEnd: "\r\n")

    package static let header: [String] =
        [
            "source", "respondent", "role", "organization", "respondents", "period", "assessedOn", "questionnaire", "version",
            "overallPhase", "overallIndex", "limitedBy", "target",
        ] + MarkerID.allCases.flatMap { ["\($0.rawValue)Phase", "\($0.rawValue)Index"] }
        + ["gaps", "toVerify", "roadSignsPresent", "roadSignsTotal", "perceptionGaps"]

    /// The columns of a peer standing, after the others: how many peers, the overall percentile
    /// and one percentile per marker.
    package static let peerColumns: [String] =
        ["peers", "peersOverallPercentile"] + MarkerID.allCases.map { "\($0.rawValue)Percentile" }

    /// The header, with the peer columns when any result of the stream has a peer standing.
    package static func header(withPeers: Bool) -> [String] {
        withPeers ? header + peerColumns : header
    }

    /// A result's row under `header(withPeers:)`; the peer cells are empty where it has no standing.
    package static func row(_ result: ScoreResult, withPeers: Bool) -> [String] {
        guard withPeers else { return row(result) }
        guard let peers = result.peers else { return row(result) + peerColumns.map { _ in "" } }
        return row(result) + ["\(peers.count)", "\(peers.overall)"]
            + MarkerID.allCases.map { id in peers.markers.first { $0.id == id }.map { "\($0.percentile)" } ?? "" }
    }

    package static func row(_ result: ScoreResult) -> [String] {
        let text = CSVWriter.safeCell
        var cells = [
            text(result.source), text(result.respondent.name ?? ""), text(result.respondent.role ?? ""),
            text(result.respondent.organization ?? ""), result.respondents.map(String.init) ?? "",
            text(result.period ?? ""), text(result.assessedOn), text(result.questionnaireID), text(result.questionnaireVersion),
            result.overall.phase.rawValue, NumberFormat.decimal(result.overall.index, places: 3),
            result.overall.limitedBy.map(\.rawValue).joined(separator: " "), result.target.rawValue,
        ]
        for marker in MarkerID.allCases {
            let score = result.marker(marker)
            cells += [score?.phase.rawValue ?? "", score.map { NumberFormat.decimal($0.index, places: 3) } ?? ""]
        }
        cells += [
            "\(result.gaps.count)", "\(result.toVerify.count)", "\(result.roadSigns.present)", "\(result.roadSigns.total)",
            result.perceptionGaps.map(\.marker.rawValue).joined(separator: " "),
        ]
        return cells
    }
}
