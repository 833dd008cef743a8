import LAERFormats
import LAERValues

/// One header row and one row per result: the numbers a consultant sorts and charts in a spreadsheet.
///
/// RFC 4180 quoting; text cells guarded so that no spreadsheet runs them as formulas.
package struct CSVReport: ReportRenderer {
    package init() {}

    package func render(_ result: ScoreResult, questionnaire: Questionnaire) -> String {
        let withPeers = result.peers != nil
        return Self.writer.text([
            Self.header(questionnaire, withPeers: withPeers),
            Self.row(result, questionnaire: questionnaire, withPeers: withPeers),
        ])
    }

    package static let writer = CSVWriter(lineEnd: "\r\n")

    /// The columns every row starts with, in an order that never changes.
    package static let fixedColumns: [String] =
        [
            "source", "respondent", "role", "organization", "respondents", "period", "assessedOn", "questionnaire", "version",
            "overallPhase", "overallIndex", "limitedBy", "target",
        ] + MarkerID.allCases.flatMap { ["\($0.rawValue)Phase", "\($0.rawValue)Index"] }
        + ["gaps", "toVerify", "roadSignsPresent", "roadSignsTotal", "perceptionGaps"]

    /// The columns of a peer standing, after the fixed ones: how many peers, the overall
    /// percentile and one percentile per marker.
    package static let peerColumns: [String] =
        ["peers", "peersOverallPercentile"] + MarkerID.allCases.map { "\($0.rawValue)Percentile" }

    /// The columns of the evidence, last: `disagreement`, then for each capability in
    /// questionnaire order its rating (named by its id) and its notes (`<id> note`).
    package static func evidenceColumns(_ questionnaire: Questionnaire) -> [String] {
        ["disagreement"]
            + questionnaire.capabilities.flatMap { [$0.id, "\($0.id) note"] }
    }

    /// The header of a stream: the fixed columns, the peer columns when any result of the stream
    /// has a peer standing, and the evidence columns of `questionnaire`.
    package static func header(_ questionnaire: Questionnaire, withPeers: Bool = false) -> [String] {
        fixedColumns + (withPeers ? peerColumns : []) + evidenceColumns(questionnaire)
    }

    /// A result's row under `header(_:withPeers:)`; the peer cells are empty where it has no standing.
    package static func row(_ result: ScoreResult, questionnaire: Questionnaire, withPeers: Bool = false) -> [String] {
        var cells = fixedCells(result)
        if withPeers {
            if let peers = result.peers {
                cells += ["\(peers.count)", "\(peers.overall)"]
                cells += MarkerID.allCases.map { id in peers.markers.first { $0.id == id }.map { "\($0.percentile)" } ?? "" }
            } else {
                cells += peerColumns.map { _ in "" }
            }
        }
        return cells + evidenceCells(result, questionnaire: questionnaire)
    }

    /// A result's cells under `fixedColumns`.
    package static func fixedCells(_ result: ScoreResult) -> [String] {
        var cells = [
            result.source, result.respondent.name ?? "", result.respondent.role ?? "",
            result.respondent.organization ?? "", result.respondents.map(String.init) ?? "",
            result.period ?? "", result.assessedOn, result.questionnaireID, result.questionnaireVersion,
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

    /// A result's cells under `evidenceColumns`: a rating cell is empty where the capability is
    /// unanswered; a notes cell joins its notes with ` | `, each `Author: note` in a merged result.
    static func evidenceCells(_ result: ScoreResult, questionnaire: Questionnaire) -> [String] {
        var cells = [(result.disagreement ?? []).joined(separator: " ")]
        cells.reserveCapacity(1 + 2 * questionnaire.capabilities.count)
        // Ratings and notes come in questionnaire order, so each is matched by walking both in step;
        // a result in another order is matched by id.
        var nextRating = 0
        var nextNote = 0
        for capability in questionnaire.capabilities {
            var rating = ""
            if nextRating < result.ratings.count, result.ratings[nextRating].capability == capability.id {
                rating = result.ratings[nextRating].rating.rawValue
                nextRating += 1
            }
            var said: [String] = []
            while nextNote < result.notes.count, result.notes[nextNote].capability == capability.id {
                said.append(noteText(result.notes[nextNote]))
                nextNote += 1
            }
            cells.append(rating)
            cells.append(said.joined(separator: " | "))
        }
        guard nextRating < result.ratings.count || nextNote < result.notes.count else { return cells }
        let ratings = Dictionary(result.ratings.map { ($0.capability, $0.rating) }, uniquingKeysWith: { first, _ in first })
        let notes = Dictionary(grouping: result.notes, by: \.capability)
        cells.removeSubrange(1...)
        for capability in questionnaire.capabilities {
            cells.append(ratings[capability.id]?.rawValue ?? "")
            cells.append((notes[capability.id] ?? []).map(noteText).joined(separator: " | "))
        }
        return cells
    }

    /// A note as its cell shows it: `Author: note` in a merged result.
    static func noteText(_ note: EvidenceNote) -> String {
        note.author.map { "\($0): \(note.note)" } ?? note.note
    }
}
