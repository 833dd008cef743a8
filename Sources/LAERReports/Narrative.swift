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
    package var perceptionSentences: [String] { result.perceptionGaps.map(perceptionSentence) }

    /// One perception gap as a sentence.
    ///
    /// "You placed KPIs at LAER Effective; the evidence says LAER Experiment."
    package func perceptionSentence(_ gap: PerceptionGap) -> String {
        "You placed \(marker(gap.marker)) at \(phase(gap.placed)); the evidence says \(phase(gap.evidence))."
    }

    /// Why a marker is not yet in the phase above its own, from its blockers; nil at LAER Efficient.
    ///
    /// "Not yet LAER Effective: LAER Effective is at 33%, short of the 50% that reaches it."
    package func notYetSentence(_ id: MarkerID) -> String? {
        guard let score = result.marker(id), let next = PhaseID(number: score.phase.number + 1), !score.blockers.isEmpty
        else { return nil }
        return "Not yet \(phase(next)): " + score.blockers.map(reason).joined(separator: "; ") + "."
    }

    // MARK: Evidence

    /// How many of a marker's capabilities are answered, out of all it has.
    ///
    /// Answered means rated anything, N/A included: the respondent has dealt with the capability,
    /// though an N/A is no evidence for the phase (see `hasEvidence(of:)`).
    package func evidence(of id: MarkerID) -> (answered: Int, total: Int) {
        guard let coverage = result.marker(id)?.totalCoverage else { return (0, 0) }
        return (coverage.answered + coverage.notApplicable, coverage.total)
    }

    /// Whether some capability of the marker is rated other than N/A, so that its phase stands on evidence.
    package func hasEvidence(of id: MarkerID) -> Bool {
        (result.marker(id)?.totalCoverage.answered ?? 0) > 0
    }

    /// Whether any capability is rated other than N/A; without that there is no phase to report.
    package var hasEvidence: Bool { result.markers.contains { hasEvidence(of: $0.id) } }

    /// The markers with no capability rated other than N/A, in the result's order.
    package var markersWithoutEvidence: [MarkerID] { result.markers.map(\.id).filter { !hasEvidence(of: $0) } }

    /// Why there is no phase to report, in place of the headline; nil when there is evidence.
    ///
    /// "No capability is rated yet, so there is no phase to report."
    package var noPhaseSentence: String? {
        guard !hasEvidence else { return nil }
        let anyAnswered = result.markers.contains { evidence(of: $0.id).answered > 0 }
        return anyAnswered
            ? "Every answer so far is N/A, so there is no phase to report yet."
            : "No capability is rated yet, so there is no phase to report."
    }

    /// What the markers without evidence do to the company's phase; nil when every marker has some.
    ///
    /// "Compensation has no answers yet. Until it is rated, it counts as Traditional Transactional
    /// with index 1.00, which holds the company's phase there; the other markers' phases stand on
    /// their answers."
    package var withoutEvidenceSentence: String? {
        let missing = markersWithoutEvidence
        guard let first = missing.first, hasEvidence else { return nil }
        let unanswered = missing.filter { evidence(of: $0).answered == 0 }
        let onlyNA = missing.filter { evidence(of: $0).answered > 0 }
        var clauses: [String] = []
        if !unanswered.isEmpty {
            clauses.append("\(list(unanswered.map(marker))) \(unanswered.count == 1 ? "has" : "have") no answers yet")
        }
        if !onlyNA.isEmpty {
            clauses.append("\(list(onlyNA.map(marker))) \(onlyNA.count == 1 ? "has" : "have") only N/A answers")
        }
        let one = missing.count == 1
        let until =
            onlyNA.isEmpty
            ? (one ? "Until it is rated, it counts" : "Until they are rated, each counts")
            : (one ? "Until it has a rating other than N/A, it counts" : "Until they have ratings other than N/A, each counts")
        let lowest = result.marker(first).map { NumberFormat.decimal($0.index) } ?? "1.00"
        return clauses.joined(separator: " and ") + ". \(until) as \(phase(.traditionalTransactional)) with index \(lowest), "
            + "which holds the company's phase there; the other markers' phases stand on their answers."
    }

    // MARK: Phase and index

    /// Why a phase and an index can seem to disagree, with the names and numbers of the case; nil
    /// when nothing looks contradictory.
    ///
    /// It looks so when a marker shows a higher index than another, or the same, but a lower phase,
    /// or when the company index, rounded down, is above the company's phase number. Indices compare
    /// as shown, to two decimals, so that the sentence never contradicts the figures beside it.
    package var indexExplanation: String? {
        let scoring = questionnaire.scoring
        let rule =
            "a marker reaches a phase only when that phase's capabilities are at least \(NumberFormat.percent(scoring.reach)) "
            + "in place and those of every phase below it at least \(NumberFormat.percent(scoring.consolidate)), "
            + "while its index adds up partial progress in every phase"
        var sentences: [String] = []
        if let (higher, lower) = invertedMarkers {
            let (shownHigher, shownLower) = (NumberFormat.decimal(higher.index), NumberFormat.decimal(lower.index))
            let indices =
                shownHigher == shownLower
                ? "the same index as \(marker(lower.id)) (\(shownHigher))"
                : "a higher index than \(marker(lower.id)) (\(shownHigher) against \(shownLower))"
            sentences.append(
                "\(marker(higher.id)) has \(indices) but a lower phase (\(phase(higher.phase)) against \(phase(lower.phase))): "
                    + rule + ".")
        }
        if Self.hundredths(result.overall.index) / 100 > result.overall.phase.number {
            if sentences.isEmpty { sentences.append("A" + rule.dropFirst() + ".") }
            let lowest = result.overall.limitedBy
            let whose = lowest.count == 1 ? "its lowest marker's phase" : "the phase of its lowest markers"
            sentences.append(
                "The company stands at \(whose) (\(list(lowest.map(marker))): \(phase(result.overall.phase))), while its "
                    + "index, \(NumberFormat.decimal(result.overall.index)), is the mean of the marker indices.")
        }
        return sentences.isEmpty ? nil : sentences.joined(separator: " ")
    }

    /// The pair of markers whose shown indices differ most (or are equal) while their phases run
    /// the other way; the first in marker order on a tie.
    private var invertedMarkers: (higher: MarkerScore, lower: MarkerScore)? {
        var best: (higher: MarkerScore, lower: MarkerScore, difference: Int)?
        for higher in result.markers {
            for lower in result.markers where higher.phase < lower.phase {
                let difference = Self.hundredths(higher.index) - Self.hundredths(lower.index)
                if difference >= 0, difference > best?.difference ?? -1 { best = (higher, lower, difference) }
            }
        }
        return best.map { ($0.higher, $0.lower) }
    }

    /// An index in hundredths, rounded as `NumberFormat.decimal` shows it.
    private static func hundredths(_ value: Double) -> Int { Int((value * 100).rounded(.toNearestOrAwayFromZero)) }

    /// "A", "A and B", "A, B and C".
    private func list(_ names: [String]) -> String {
        guard let last = names.last, names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + last
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

    // MARK: Blank assessments

    /// What a report says first when nothing at all is answered; nil otherwise.
    package var blankSentence: String? {
        guard result.isBlank else { return nil }
        return "Nothing is answered in this assessment: every capability is unanswered, so the phases below say "
            + "nothing yet. Fill in the answers (with laer survey, or in the answer file or sheet) and score it again."
    }

    // MARK: To verify

    /// What "to verify" holds, and why it can be fewer than the unanswered capabilities.
    ///
    /// "These are the unanswered capabilities up to LAER Effective: they count neither for nor
    /// against a phase until they are answered. The 2 unanswered above LAER Effective are not listed."
    package var toVerifySentence: String {
        let text =
            "These are the unanswered capabilities up to \(phase(result.target)): they count neither for nor against "
            + "a phase until they are answered."
        return unansweredAboveTargetSentence.map { text + " " + $0 } ?? text
    }

    /// "The 2 unanswered above LAER Effective are not listed."; nil when none is above the target.
    package var unansweredAboveTargetSentence: String? {
        let above = result.markers.reduce(0) { $0 + $1.totalCoverage.unanswered } - result.toVerify.count
        guard above > 0 else { return nil }
        return "The \(above) unanswered above \(phase(result.target)) \(above == 1 ? "is" : "are") not listed."
    }

    // MARK: Notes

    /// Who wrote a note, or "Note" in a single result: the label before the note's text.
    package func noteLabel(_ note: EvidenceNote) -> String { note.author ?? "Note" }

    /// A note after its label: "Ada Lovelace: Weekly usage dashboard", "Note: Weekly usage dashboard".
    package func noteLine(_ note: EvidenceNote) -> String { noteLabel(note) + ": " + note.note }

    /// The result's rating of a capability (for merged respondents, the one nearest their mean).
    package func rating(of capability: String) -> Rating? {
        result.ratings.first { $0.capability == capability }?.rating
    }

    /// A rating as reports write it: its word, or "N/A".
    package static func ratingName(_ rating: Rating) -> String { rating == .na ? "N/A" : rating.rawValue }

    /// A statement cut at a word to at most `limit` characters, with an ellipsis where cut.
    package static func short(_ statement: String, limit: Int = 60) -> String {
        guard statement.count > limit else { return statement }
        var cut = String(statement.prefix(limit - 1))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        while let last = cut.last, last == "," || last == ";" || last == ":" || last == "—" || last == " " {
            cut.removeLast()
        }
        return cut + "…"
    }

    /// The capabilities with notes, grouped by marker, both in questionnaire order.
    package var notesByMarker: [(marker: MarkerID, capabilities: [(id: String, notes: [EvidenceNote])])] {
        var groups: [MarkerID: [(id: String, notes: [EvidenceNote])]] = [:]
        for note in result.notes {
            guard let marker = questionnaire.capability(note.capability)?.marker else { continue }
            var capabilities = groups[marker] ?? []
            if let last = capabilities.indices.last, capabilities[last].id == note.capability {
                capabilities[last].notes.append(note)
            } else {
                capabilities.append((note.capability, [note]))
            }
            groups[marker] = capabilities
        }
        return questionnaire.markers.compactMap { marker in groups[marker.id].map { (marker.id, $0) } }
    }

    // MARK: Spreads

    /// The notable spreads a report shows first, widest first: at most `RatingSpread.shownFirst`.
    package var notableSpreads: [RatingSpread] {
        Array((result.spreads ?? []).filter(\.isNotable).prefix(RatingSpread.shownFirst))
    }

    /// Notable spreads beyond those shown first.
    package var moreNotableSpreads: Int {
        (result.spreads ?? []).filter(\.isNotable).count - notableSpreads.count
    }

    /// "Ratings from not to fully: 1 not, 3 fully." (with the N/A count when there are any).
    package func spreadSentence(_ spread: RatingSpread) -> String {
        var counts = zip(Rating.scale, spread.counts).filter { $0.1 > 0 }.map { "\($0.1) \($0.0.rawValue)" }
        if spread.notApplicable > 0 { counts.append("\(spread.notApplicable) N/A") }
        return "Ratings from \(spreadRange(spread)): " + counts.joined(separator: ", ") + "."
    }

    /// "not to fully": the lowest and the highest rating given.
    package func spreadRange(_ spread: RatingSpread) -> String {
        "\(spread.lowest.rawValue) to \(spread.highest.rawValue)"
    }

    /// "Ada Lovelace: fully; Ben Okafor: fully; Cleo Park: not": who said what, in the order read.
    package func saidText(_ spread: RatingSpread) -> String {
        spread.said.map { "\($0.author): \(Self.ratingName($0.rating))" }.joined(separator: "; ")
    }

    /// Why a spread is listed among the disagreements, from `RatingSpread.notableDeviation`.
    package static let notableRule =
        "Listed when the standard deviation of the ratings is at least "
        + "\(NumberFormat.decimal(RatingSpread.notableDeviation, places: 1)) levels: two respondents two levels apart, "
        + "or a third of a team two levels from the rest. A lone dissent is not, and shows in the full table of ratings."

    /// What to do about the disagreements before the moves.
    package static let disagreementAdvice =
        "Agree on these before acting on the moves: the scores use the mean of the ratings."

    /// What the full table of spreads holds.
    package static let spreadsIntro =
        "Every capability whose ratings span two or more levels, widest first, with the number of respondents per rating."

    /// Said in place of who said what when the merge kept no names.
    package static let saidLeftOut = "Who said what is left out under --anonymize."

    /// Said in place of the list when spreads exist but none is notable.
    package var noNotableSpreadSentence: String {
        let count = result.spreads?.count ?? 0
        return "No ratings are notably apart; \(count == 1 ? "1 capability spans" : "\(count) capabilities span") "
            + "two levels or more, in the full table of ratings."
    }

    /// Whether any spread keeps who said what.
    package var spreadsKeepWho: Bool { result.spreads?.contains { !$0.said.isEmpty } ?? false }
}
