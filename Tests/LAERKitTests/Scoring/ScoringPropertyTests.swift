import Testing

@testable import LAERScoring
@testable import LAERValues

/// The scoring rules as properties of random questionnaires and answers, from fixed seeds.
///
/// Each property names a one-line bug in the scorer that breaks it: each was tried, and made
/// that test (and no other of these) fail.
@Suite struct ScoringPropertyTests {
    /// A case: a questionnaire of 0–3 capabilities per marker and phase with weights 1–3 and
    /// thresholds of its own, and one respondent's answers, some unanswered or N/A.
    struct Case {
        var questionnaire: Questionnaire
        var assessment: Assessment
    }

    static let cases = 300
    static let seeds: [UInt64] = [1, 0x5EED, 2_026_112_5]

    static func makeCase(_ generator: inout SplitMix) -> Case {
        var capabilities: [Capability] = []
        for marker in MarkerID.allCases {
            for phase in PhaseID.assessed {
                for item in 0..<generator.below(4) {
                    capabilities.append(
                        Capability(
                            id: "\(marker.rawValue)-\(phase.number)-\(item)-\(generator.below(1_000))", marker: marker,
                            phase: phase, statement: "S", help: "H", action: "A", weight: 1 + generator.below(3),
                            motions: [.adopt], researchArea: "R", source: SourceNote(file: "f.txt", basis: .stated, note: "N"),
                            dependsOn: []))
                }
            }
        }
        let reach = 0.3 + Double(generator.below(40)) / 100
        let scoring = ScoringThresholds(reach: reach, consolidate: reach + Double(generator.below(Int((1 - reach) * 100))) / 100)
        let questionnaire = Questionnaire(
            id: "random", version: SemanticVersion(major: 1, minor: 0, patch: 0), title: "Random",
            phases: PhaseID.allCases.map { Phase(id: $0, name: "Phase \($0.number)") },
            markers: MarkerID.allCases.map { Marker(id: $0, name: $0.rawValue, profiles: [:]) },
            capabilities: capabilities, roadSigns: [RoadSign(id: "sign", statement: "A sign.")], scoring: scoring)
        var assessment = Assessment(
            questionnaireID: "random", questionnaireVersion: "1.0.0", respondent: Respondent(organization: "Acme"),
            assessedOn: "2026-11-\(10 + generator.below(19))", period: generator.chance(50) ? nil : "2026-Q4")
        for capability in capabilities where !generator.chance(15) {
            assessment.answers[capability.id] = Answer(generator.chance(10) ? .na : generator.pick(Rating.scale))
        }
        for marker in MarkerID.allCases where generator.chance(50) {
            assessment.placements[marker] = generator.pick(PhaseID.allCases)
        }
        if generator.chance(70) { assessment.roadSigns["sign"] = generator.chance(50) }
        return Case(questionnaire: questionnaire, assessment: assessment)
    }

    static func everyCase(_ body: (Case, inout SplitMix) throws -> Void) rethrows {
        for seed in seeds {
            var generator = SplitMix(seed: seed)
            for _ in 0..<cases / seeds.count {
                let next = makeCase(&generator)
                try body(next, &generator)
            }
        }
    }

    static func score(_ assessment: Assessment, _ questionnaire: Questionnaire) -> ScoreResult {
        Scorer(questionnaire: questionnaire).score(assessment, source: "random")
    }

    /// Broken by `lowerConsolidated = !meets(…)` in `phaseReached` (a consolidated phase
    /// stopping the climb).
    @Test func raisingOneRatingNeverLowersAPhaseOrAnIndex() {
        Self.everyCase { sample, generator in
            let raisable = sample.questionnaire.capabilities.filter { capability in
                sample.assessment.answers[capability.id].map { $0.rating != .fully && $0.rating != .na } ?? false
            }
            guard !raisable.isEmpty else { return }
            let capability = generator.pick(raisable)
            let before = sample.assessment.answers[capability.id]!.rating
            var raised = sample.assessment
            raised.answers[capability.id] = Answer(generator.pick(Rating.scale.filter { $0 > before }))
            let old = Self.score(sample.assessment, sample.questionnaire)
            let new = Self.score(raised, sample.questionnaire)
            let tolerance = ScoringThresholds.tolerance
            #expect(new.overall.phase >= old.overall.phase, "overall phase lowered by raising \(capability.id)")
            #expect(new.overall.index >= old.overall.index - tolerance, "overall index lowered by raising \(capability.id)")
            for (from, to) in zip(old.markers, new.markers) {
                #expect(
                    to.phase >= from.phase, "\(from.id) lowered from \(from.phase) to \(to.phase) by raising \(capability.id)")
                #expect(to.index >= from.index - tolerance, "\(from.id) index lowered by raising \(capability.id)")
            }
        }
    }

    /// Broken by `index: 1 + total` written `index: total` in `markerScore`.
    @Test func everyIndexIsFromOneToFour() {
        Self.everyCase { sample, _ in
            let result = Self.score(sample.assessment, sample.questionnaire)
            for index in [result.overall.index] + result.markers.map(\.index) {
                #expect((1...4).contains(index), "index \(index)")
            }
        }
    }

    /// Gaps in the contract's order, each with its shortfall.
    ///
    /// Lower phase first; then the markers that hold the overall phase down; then
    /// weight × (1 − value), largest first; then id. Broken by the shortfall compared
    /// `lhs.shortfall < rhs.shortfall` in `rankedGapPositions`.
    @Test func gapsFollowTheContractsOrder() {
        Self.everyCase { sample, _ in
            let result = Self.score(sample.assessment, sample.questionnaire)
            let limiting = Set(result.overall.limitedBy)
            let expected = sample.questionnaire.capabilities.filter { capability in
                guard capability.phase <= result.target, let rating = sample.assessment.answers[capability.id]?.rating,
                    let value = rating.value
                else { return false }
                return value < 1
            }
            #expect(Set(result.gaps.map(\.capability)) == Set(expected.map(\.id)))
            #expect(result.gaps.map(\.rank) == result.gaps.indices.map { $0 + 1 })
            for (first, second) in zip(result.gaps, result.gaps.dropFirst()) {
                let inOrder: Bool
                if first.phase != second.phase {
                    inOrder = first.phase < second.phase
                } else if limiting.contains(first.marker) != limiting.contains(second.marker) {
                    inOrder = limiting.contains(first.marker)
                } else if abs(first.shortfall - second.shortfall) > ScoringThresholds.tolerance {
                    inOrder = first.shortfall > second.shortfall
                } else {
                    inOrder = first.capability < second.capability
                }
                #expect(inOrder, "\(first.capability) ranked before \(second.capability)")
                let value = sample.assessment.answers[first.capability]?.rating.value ?? -1
                #expect(abs(first.shortfall - Double(first.weight) * (1 - value)) <= ScoringThresholds.tolerance)
            }
        }
    }

    static func merged(_ assessments: [Assessment], _ questionnaire: Questionnaire) -> OrganizationMerge {
        var merge = OrganizationMerge(key: "acme", period: assessments.first?.comparisonPeriod, questionnaire: questionnaire)
        for assessment in assessments { merge.add(assessment, source: "random") }
        return merge
    }

    /// Broken by the merged value divided by one respondent more than answered
    /// (`total / Double(answered + 1)` in `OrganizationMerge.evidence`).
    @Test func aMergeOfOneRespondentIsThatRespondentsResult() {
        Self.everyCase { sample, _ in
            let alone = Self.score(sample.assessment, sample.questionnaire)
            let scorer = Scorer(questionnaire: sample.questionnaire)
            let merged = scorer.score(Self.merged([sample.assessment], sample.questionnaire))
            #expect(merged.overall == alone.overall)
            #expect(merged.markers == alone.markers)
            #expect(merged.target == alone.target)
            #expect(merged.gaps == alone.gaps)
            #expect(merged.toVerify == alone.toVerify)
            #expect(merged.roadSigns == alone.roadSigns)
            #expect(merged.perceptionGaps == alone.perceptionGaps)
            #expect(merged.ratings == alone.ratings)
            #expect(merged.respondents == 1)
        }
    }

    /// Broken by a rating counted as improved when `to > from - tolerance` in `Comparisons.diff`.
    @Test func aDiffOfAResultWithItselfHasNoMoves() {
        Self.everyCase { sample, _ in
            let merge = Self.merged([sample.assessment], sample.questionnaire)
            let diff = Comparisons.diff(merge, merge)
            #expect(diff.changes.isEmpty)
            #expect(diff.closedGaps.isEmpty && diff.openedGaps.isEmpty)
            #expect(diff.roadSignsGained.isEmpty && diff.roadSignsLost.isEmpty)
            #expect(diff.addedCapabilities.isEmpty && diff.retiredCapabilities.isEmpty)
            #expect(diff.markers.allSatisfy { $0.from == $0.to && $0.indexDelta == 0 })
            #expect(diff.overallIndexDelta == 0 && diff.overallFrom == diff.overallTo)
            #expect(!diff.hasRegression && diff.isUnchanged)
        }
    }

    /// Broken by a trend's group left in the order it was read (`groups[key]!` without
    /// `.sorted(by: precedes)` in `Comparisons.trends`).
    @Test func trendPointsAreOrderedByPeriodThenDate() {
        Self.everyCase { sample, generator in
            let periods: [String?] = [nil, "2025-Q4", "2026-Q1", "2026-Q2", "2027-Q1"]
            var merges: [OrganizationMerge] = []
            for _ in 0..<(2 + generator.below(5)) {
                var assessment = sample.assessment
                assessment.period = generator.pick(periods)
                assessment.assessedOn = "2026-0\(1 + generator.below(9))-1\(generator.below(10))"
                merges.append(Self.merged([assessment], sample.questionnaire))
            }
            let scorer = Scorer(questionnaire: sample.questionnaire)
            let trends = Comparisons.trends(merges) { scorer.score($0) }
            #expect(trends.count == 1)
            #expect(trends.first?.points.count == merges.count)
            for (first, second) in zip(trends[0].points, trends[0].points.dropFirst()) {
                let inOrder =
                    first.origin.period == second.origin.period
                    ? first.origin.assessedOn <= second.origin.assessedOn
                    : (first.origin.period ?? "") < (second.origin.period ?? "")
                #expect(inOrder, "\(first.origin.label) before \(second.origin.label)")
            }
        }
    }
}
