import LAERValues

/// The sentences every report shares, written for an executive: short, concrete, next steps first.
package struct Narrative: Sendable {
    package var result: ScoreResult
    package var questionnaire: Questionnaire

    package init(result: ScoreResult, questionnaire: Questionnaire) {
        self.result = result
        self.questionnaire = questionnaire
    }

    func phase(_ id: PhaseID) -> String { questionnaire.name(of: id) }
    func marker(_ id: MarkerID) -> String { questionnaire.name(of: id) }

    /// Who, with what, when: "Zoë Müller, CRO, Acme Corp".
    package var respondentLine: String {
        let parts = [result.respondent.name, result.respondent.role, result.respondent.organization].compactMap { $0 }
        if let respondents = result.respondents {
            return (result.respondent.organization ?? "Organization")
                + " (\(respondents) respondent\(respondents == 1 ? "" : "s"))"
        }
        return parts.isEmpty ? "Anonymous respondent" : parts.joined(separator: ", ")
    }

    /// When and against what the answers were scored.
    ///
    /// "Assessed on 2026-11-25 for 2026-Q4 with questionnaire laer-efficient 1.0.0."
    package var contextLine: String {
        var text = "Assessed on \(result.assessedOn)"
        if let period = result.period { text += " for \(period)" }
        return text + " with questionnaire \(result.questionnaireID) \(result.questionnaireVersion)."
    }

    /// "You are at LAER Experiment (index 2.31 of 4). The next phase is LAER Effective."
    package var headline: String {
        var text = "You are at \(phase(result.overall.phase)) (index \(NumberFormat.decimal(result.overall.index)) of 4)."
        if result.target > result.overall.phase {
            text += " Your target is \(phase(result.target))."
        } else if result.overall.phase == .laerEfficient {
            text += " That is the last phase: keep every marker there."
        } else {
            text += " You are at or above the target you set, \(phase(result.target))."
        }
        return text
    }

    /// One sentence per marker holding the overall phase down, saying why.
    package var holdingBack: [String] {
        guard result.overall.phase < .laerEfficient else { return [] }
        return result.overall.limitedBy.compactMap { id in
            guard let score = result.marker(id) else { return nil }
            let reasons = score.blockers.map(reason)
            return "\(marker(id)) holds you at \(phase(score.phase)): " + reasons.joined(separator: "; ") + "."
        }
    }

    package func reason(_ blocker: Blocker) -> String {
        switch blocker {
        case .lacksEvidence(let phaseID):
            "no \(phase(phaseID)) capability was answered, so that phase cannot be judged yet"
        case .belowReach(let phaseID, let attainment, let reach):
            "\(phase(phaseID)) is at \(NumberFormat.percent(attainment, below: reach)), short of the \(NumberFormat.percent(reach)) that reaches it"
        case .notConsolidated(let phaseID, let attainment, let consolidate):
            "\(phase(phaseID)) is at \(NumberFormat.percent(attainment, below: consolidate)), short of the \(NumberFormat.percent(consolidate)) needed to build on it"
        }
    }

    /// "Close these 7 gaps and you are LAER Effective." or why that cannot be said yet.
    package var projectionSentence: String {
        let projection = result.projection
        let count = projection.capabilities.count
        if !projection.unreachable.isEmpty {
            let cells = projection.unreachable.map { "\(marker($0.marker)) in \(phase($0.phase))" }
            return "No rating of the answered capabilities can reach \(phase(result.target)) yet: nothing was answered for "
                + cells.joined(separator: ", ") + ". Answer the capabilities to verify first."
        }
        if count == 0 {
            return result.gaps.isEmpty
                ? "Every capability up to \(phase(result.target)) is rated fully."
                : "Every marker is at \(phase(result.target)) already; the gaps below make it firmer."
        }
        let noun = count == 1 ? "this gap" : "these \(count) gaps"
        if projection.reachesTarget {
            return "Close \(noun) and you are \(phase(result.target))."
        }
        return
            "Closing \(noun) lifts every answered phase as far as the ratings allow, but not to \(phase(result.target)); answer the capabilities to verify."
    }

    /// One sentence per perception gap.
    ///
    /// "You placed KPIs at LAER Effective; the evidence says LAER Experiment."
    package var perceptionSentences: [String] {
        result.perceptionGaps.map { gap in
            "You placed \(marker(gap.marker)) at \(phase(gap.placed)); the evidence says \(phase(gap.evidence))."
        }
    }

    // MARK: Peers

    /// "Among 20 peers": the heading of the peer standing, nil when the result has none.
    package var peersHeading: String? {
        result.peers.map { "Among \($0.count) peer\($0.count == 1 ? "" : "s")" }
    }

    /// The overall percentile as a sentence.
    ///
    /// "Your overall index, 2.40, is at the 72nd percentile of the 20 organizations assessed."
    package func peersSentence(_ peers: PeerStanding) -> String {
        let organizations = peers.count == 1 ? "the 1 organization" : "the \(peers.count) organizations"
        return "Your overall index, \(NumberFormat.decimal(result.overall.index)), is at the "
            + "\(percentile(peers.overall)) of \(organizations) assessed."
    }

    /// How a percentile is counted, in one sentence a reader can check.
    package static let percentileNote =
        "A percentile is the share of peers whose index is below yours, counting those level with you as half."

    /// A percentile in words: "72nd percentile".
    package func percentile(_ value: Int) -> String { NumberFormat.ordinal(value) + " percentile" }

    /// Each marker of the peer standing with its name and index, in the standing's order.
    package func peerMarkers(_ peers: PeerStanding) -> [(name: String, index: String, percentile: Int)] {
        peers.markers.map { entry in
            (marker(entry.id), result.marker(entry.id).map { NumberFormat.decimal($0.index) } ?? "", entry.percentile)
        }
    }

    /// The road signs not seen, as statements.
    package var missingRoadSigns: [String] {
        result.roadSigns.missing.compactMap { id in questionnaire.roadSigns.first { $0.id == id }?.statement }
    }

    /// "Consolidate Compensation at LAER Experiment" / "Reach LAER Effective on Culture".
    package func title(of move: GapAnalysis.Move) -> String {
        switch move.kind {
        case .consolidate: "Consolidate \(marker(move.marker)) at \(phase(move.phase))"
        case .reach: "Reach \(phase(move.phase)) on \(marker(move.marker))"
        }
    }

    // MARK: Attainment figures

    /// Whether an attainment meets a threshold, allowing for rounding as the scoring rules do.
    package func meets(_ value: Double?, _ threshold: Double) -> Bool {
        ScoringThresholds.meets(value, threshold)
    }

    /// "✓✓" at or above consolidate, "✓" at or above reach: the text mark that goes with a figure.
    package func marks(_ value: Double?) -> String {
        meets(value, questionnaire.scoring.consolidate) ? "✓✓" : meets(value, questionnaire.scoring.reach) ? "✓" : ""
    }

    /// A whole percentage, or one decimal where rounding would make a value short of a threshold
    /// read as meeting it (84.9% against 85%).
    package func percent(_ value: Double) -> String {
        let whole = NumberFormat.percent(value)
        for threshold in [questionnaire.scoring.reach, questionnaire.scoring.consolidate]
        where !meets(value, threshold) && whole == NumberFormat.percent(threshold) {
            return NumberFormat.percent(value, below: threshold)
        }
        return whole
    }

    /// "93% ✓✓", "33%", or "no evidence".
    package func attainmentText(_ value: Double?) -> String {
        guard let value else { return "no evidence" }
        let mark = marks(value)
        return percent(value) + (mark.isEmpty ? "" : " " + mark)
    }
}
