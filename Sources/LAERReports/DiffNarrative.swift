import LAERValues

/// The words every diff report shares: who and when, how a standing moved, how a rating changed.
///
/// Text comes out unescaped; each format escapes it on the way out.
package struct DiffNarrative: Sendable {
    package var diff: AssessmentDiff
    /// The newer side's questionnaire: names, statements and road signs come from it.
    package var questionnaire: Questionnaire

    package init(diff: AssessmentDiff, questionnaire: Questionnaire) {
        self.diff = diff
        self.questionnaire = questionnaire
    }

    func phase(_ id: PhaseID) -> String { questionnaire.name(of: id) }
    func marker(_ id: MarkerID) -> String { questionnaire.name(of: id) }

    /// Which way a standing went: a regression is what `--fail-on-regression` fails on.
    package enum Movement: Sendable, Equatable {
        case up, down, same

        package init(_ from: Standing, _ to: Standing) {
            if from.fell(to: to) {
                self = .down
            } else if to.phase > from.phase || to.index > from.index + ScoringThresholds.tolerance {
                self = .up
            } else {
                self = .same
            }
        }

        /// ↑, ↓ or →.
        package var arrow: String {
            switch self {
            case .up: "↑"
            case .down: "↓"
            case .same: "→"
            }
        }
    }

    // MARK: Figures

    /// A change of index with its sign and two decimals: `+0.42`, `−0.10` (a minus sign), `±0.00`
    /// only where nothing moved beyond rounding.
    package static func signed(_ delta: Double) -> String {
        guard abs(delta) > ScoringThresholds.tolerance else { return "±0.00" }
        return (delta > 0 ? "+" : "−") + NumberFormat.decimal(abs(delta))
    }

    /// A change of index as a number for JSON and CSV: rounded to 12 decimals, so that the noise of
    /// subtracting two binary fractions (`0.20000000000000018`) stays out, and 0 where nothing moved.
    package static func delta(_ from: Double, _ to: Double) -> Double {
        let delta = to - from
        guard abs(delta) > ScoringThresholds.tolerance else { return 0 }
        return (delta * 1e12).rounded(.toNearestOrAwayFromZero) / 1e12
    }

    /// "2.31 → 2.67".
    package static func indices(_ from: Standing, _ to: Standing) -> String {
        "\(NumberFormat.decimal(from.index)) → \(NumberFormat.decimal(to.index))"
    }

    /// "+0.36 ↑".
    package static func change(_ from: Standing, _ to: Standing) -> String {
        "\(signed(to.index - from.index)) \(Movement(from, to).arrow)"
    }

    /// "LAER Experiment → LAER Effective", or nil where the phase did not move.
    package func phaseChange(_ from: Standing, _ to: Standing) -> String? {
        from.phase == to.phase ? nil : "\(phase(from.phase)) → \(phase(to.phase))"
    }

    // MARK: Who and when

    /// How a side is named: its period, or its date where it has none.
    package var fromLabel: String { diff.from.label }
    package var toLabel: String { diff.to.label }

    /// "Acme, Inc., 2026-Q3 → 2026-Q4".
    package var title: String { "\(diff.organization), \(fromLabel) → \(toLabel)" }

    /// When, with which questionnaire and how many respondents, each from → to where it differs.
    ///
    /// "Assessed 2026-08-20 → 2026-11-25 · questionnaire mini 1.0.0 → 1.1.0 · respondents 3 → 4."
    package var contextLine: String {
        let from = diff.from
        let to = diff.to
        var parts = ["Assessed " + (from.assessedOn == to.assessedOn ? from.assessedOn : "\(from.assessedOn) → \(to.assessedOn)")]
        if from.questionnaireID == to.questionnaireID {
            parts.append(
                "questionnaire \(to.questionnaireID) "
                    + (from.questionnaireVersion == to.questionnaireVersion
                        ? to.questionnaireVersion : "\(from.questionnaireVersion) → \(to.questionnaireVersion)"))
        } else {
            parts.append(
                "questionnaire \(from.questionnaireID) \(from.questionnaireVersion) → \(to.questionnaireID) \(to.questionnaireVersion)"
            )
        }
        if from.respondents > 1 || to.respondents > 1 {
            parts.append(
                from.respondents == to.respondents
                    ? "\(to.respondents) respondents" : "respondents \(from.respondents) → \(to.respondents)")
        }
        return parts.joined(separator: " · ") + "."
    }

    /// The company's move in one sentence.
    ///
    /// "Up a phase: LAER Experiment → LAER Effective, index 2.31 → 2.67 (+0.36 ↑)."
    package var headline: String {
        let from = diff.overallFrom
        let to = diff.overallTo
        let figures = "index \(Self.indices(from, to)) (\(Self.change(from, to)))."
        if let moved = phaseChange(from, to) {
            let steps = abs(to.phase.number - from.phase.number)
            let count = steps == 1 ? "a phase" : "\(steps) phases"
            return (to.phase > from.phase ? "Up \(count): " : "Down \(count): ") + moved + ", " + figures
        }
        return "Still at \(phase(to.phase)), " + figures
    }

    /// The markers whose phase or index went down.
    package var regressedMarkers: [AssessmentDiff.MarkerChange] {
        diff.markers.filter { $0.from.fell(to: $0.to) }
    }

    /// "Regressed: Practices (LAER Effective → LAER Experiment, index 3.00 → 2.00); Selling culture
    /// (index 2.67 → 2.33)." or nil.
    package var regressionLine: String? {
        let markers = regressedMarkers
        guard !markers.isEmpty else { return nil }
        let names = markers.map { change in
            let phase = phaseChange(change.from, change.to).map { $0 + ", " } ?? ""
            return "\(marker(change.id)) (\(phase)index \(Self.indices(change.from, change.to)))"
        }
        return "Regressed: " + names.joined(separator: "; ") + "."
    }

    /// "Nothing moved between 2026-Q3 and 2026-Q4: …", and where the company stands.
    package var unchangedLines: [String] {
        [
            "Nothing moved between \(fromLabel) and \(toLabel): same ratings, same phase and index.",
            "Still at \(phase(diff.overallTo.phase)) (index \(NumberFormat.decimal(diff.overallTo.index)) of 4).",
        ]
    }

    // MARK: Capabilities

    /// A rating as people read it: the word, "N/A", or "unanswered".
    package static func rating(_ rating: Rating?) -> String {
        switch rating {
        case nil: "unanswered"
        case .na?: "N/A"
        case let rating?: rating.rawValue
        }
    }

    /// "partially → fully".
    package static func ratings(_ change: AssessmentDiff.RatingChange) -> String {
        "\(rating(change.from)) → \(rating(change.to))"
    }

    /// What kind of change an `.other` one is: answered on one side only, or N/A on one side.
    package static func kind(_ change: AssessmentDiff.RatingChange) -> String {
        if change.from == nil { return "newly answered" }
        if change.to == nil { return "no longer answered" }
        if change.to == .na { return "marked N/A" }
        return "no longer N/A"
    }

    package var improved: [AssessmentDiff.RatingChange] { diff.changes.filter { $0.direction == .improved } }
    package var regressed: [AssessmentDiff.RatingChange] { diff.changes.filter { $0.direction == .regressed } }
    package var otherChanges: [AssessmentDiff.RatingChange] { diff.changes.filter { $0.direction == .other } }

    /// A capability's statement in the newer questionnaire, or in the gaps of the newer result.
    package func statement(of id: String) -> String {
        questionnaire.capability(id)?.statement ?? diff.now.gaps.first { $0.capability == id }?.statement ?? ""
    }

    /// A road sign's statement, or its id where the questionnaire lacks it.
    package func roadSign(_ id: String) -> String {
        questionnaire.roadSigns.first { $0.id == id }?.statement ?? id
    }

    /// A note as one line, in quotes; "no note" where there was none.
    package static func note(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "no note" }
        return "“" + text.split(whereSeparator: \.isNewline).joined(separator: " ") + "”"
    }

    /// The newer questionnaire's version, for "Added in 1.1.0".
    package var newVersion: String { diff.to.questionnaireVersion }
    package var oldVersion: String { diff.from.questionnaireVersion }

    // MARK: Next moves

    /// The first three moves of the newer result, with their gaps.
    package var nextMoves: [(move: GapAnalysis.Move, gaps: [Gap])] {
        diff.now.moves.prefix(3).map { ($0, diff.now.gaps(of: $0)) }
    }

    /// The score report's words for a move: "Reach LAER Effective on KPIs".
    package func title(of move: GapAnalysis.Move) -> String {
        Narrative(result: diff.now, questionnaire: questionnaire).title(of: move)
    }

    /// "Next moves as they stand now", with "three" when there are more than three.
    package var nextMovesHeading: String {
        diff.now.moves.count > 3 ? "The next three moves as they stand now" : "Next moves as they stand now"
    }
}
