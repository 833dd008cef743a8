import Foundation
import LAERTestSupport
import Testing

@testable import LAERDocuments
@testable import LAERReports
@testable import LAERScoring
@testable import LAERSystem
@testable import LAERValues

/// The summary a finished survey prints, for the cases an executive trips on: nothing rated, a
/// marker not rated, an index that seems to disagree with the phase, a view above the evidence.
///
/// The mini questionnaire has one capability per marker and phase, so a marker's attainment in a
/// phase is that capability's rating (not 0, partially 1/3, largely 2/3, fully 1) and its index is
/// 1 plus the three ratings.
@Suite struct SurveySummaryTests {
    /// An assessment of the mini questionnaire from each marker's ratings of its Experiment, Effective and Efficient capabilities.
    static func assessment(
        _ ratings: [MarkerID: [Rating]], placements: [MarkerID: PhaseID] = [:], questionnaire: Questionnaire
    ) -> Assessment {
        var assessment = Assessment(blankFor: questionnaire, assessedOn: "2026-11-25")
        for (marker, markerRatings) in ratings {
            for (phase, rating) in zip(PhaseID.assessed, markerRatings) {
                guard let capability = questionnaire.capabilities(of: marker, in: phase).first else { continue }
                assessment.answers[capability.id] = Answer(rating)
            }
        }
        assessment.placements = placements
        return assessment
    }

    static func result(_ ratings: [MarkerID: [Rating]], placements: [MarkerID: PhaseID] = [:]) throws -> (
        ScoreResult, Questionnaire
    ) {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let assessment = assessment(ratings, placements: placements, questionnaire: questionnaire)
        return (Scorer(questionnaire: questionnaire).score(assessment, source: "answers.json"), questionnaire)
    }

    /// Compensation with a higher index than KPIs but a lower phase, the only such pair, and the
    /// company index above the company's phase.
    ///
    /// By hand:
    /// - KPIs f l n: Experiment consolidated (100% ≥ 85%), Effective reached (67% ≥ 50%): LAER
    ///   Effective, index 1 + 1 + 2/3 + 0 = 2.67.
    /// - Practices f f l: LAER Efficient, index 3.67.
    /// - Compensation l f l: Experiment reached (67%) but not consolidated, so its fully rated
    ///   Effective capability cannot count: LAER Experiment, index 1 + 2/3 + 1 + 2/3 = 3.33.
    /// - Organizational structure l n n: LAER Experiment, 1.67.
    /// - Selling culture p n n: Experiment at 33% is not reached: Traditional Transactional, 1.33.
    /// - The company: Traditional Transactional (selling culture), index (8 + 11 + 10 + 5 + 4) / 3 / 5
    ///   = 38/15 = 2.53, whose 2 is above phase 1.
    static let contradictory: [MarkerID: [Rating]] = [
        .kpis: [.fully, .largely, .not], .practices: [.fully, .fully, .largely], .compensation: [.largely, .fully, .largely],
        .organization: [.largely, .not, .not], .culture: [.partially, .not, .not],
    ]

    /// Every marker rated at every phase, none with a higher index but a lower phase.
    ///
    /// KPIs f f f: LAER Efficient, 4.00. Practices f l n: LAER Effective, 2.67.
    /// Compensation f p n: LAER Experiment, 2.33. Organizational structure f f l: LAER Efficient, 3.67.
    /// Selling culture f l p: LAER Effective, 3.00. The company: LAER Experiment (compensation),
    /// index 47/15 = 3.13, whose 3 is above phase 2.
    static let complete: [MarkerID: [Rating]] = [
        .kpis: [.fully, .fully, .fully], .practices: [.fully, .largely, .not], .compensation: [.fully, .partially, .not],
        .organization: [.fully, .fully, .largely], .culture: [.fully, .largely, .partially],
    ]

    func render(_ result: ScoreResult, _ questionnaire: Questionnaire, unanswered: Int, width: Int = 80) -> String {
        SurveySummary(width: width).render(
            result, questionnaire: questionnaire, answerFile: "answers.json", unanswered: unanswered)
    }

    func expectFits(_ text: String, width: Int = 80, sourceLocation: SourceLocation = #_sourceLocation) {
        let long = text.split(separator: "\n").filter { $0.count > width }
        #expect(long.isEmpty, "lines over \(width) columns", sourceLocation: sourceLocation)
    }

    /// No verdict without evidence; a placement alone makes no perception gap.
    @Test func noAnswersAtAll() throws {
        let (result, questionnaire) = try Self.result([:], placements: [.kpis: .laerEffective])
        let text = render(result, questionnaire, unanswered: 22)
        try assertSnapshot(text, named: "survey-summary-no-answers.txt")
        expectFits(text)
        #expect(!text.contains("You are at"))
        #expect(text.contains("Run 'laer survey answers.json' to go on."))
        #expect(!text.contains("You placed"))
    }

    /// Compensation unanswered in the mini answers: its row says so, and the headline says what
    /// that does to the company's phase.
    @Test func oneMarkerUnanswered() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let text = try TestFiles.fixtureText(
            "answers-mini.json",
            replacing: [(#""c2": {"rating": "largely"},"#, ""), (#""c3": {"rating": "na"},"#, "")])
        let file = InputFile(displayName: "answers.json", bytes: Array(text.utf8))
        let assessment = try AnswerLoader.load(file, questionnaire: questionnaire)
        let result = Scorer(questionnaire: questionnaire).score(assessment, source: file.displayName)
        let summary = render(result, questionnaire, unanswered: 5)
        try assertSnapshot(summary, named: "survey-summary-one-marker-unanswered.txt")
        expectFits(summary)
        #expect(summary.contains("Compensation has no answers yet"))
        #expect(!summary.contains("You placed Compensation"), "placed, but no evidence to set against it")
    }

    @Test func contradictoryIndex() throws {
        let (result, questionnaire) = try Self.result(Self.contradictory)
        let text = render(result, questionnaire, unanswered: 2)
        try assertSnapshot(text, named: "survey-summary-contradictory-index.txt")
        expectFits(text)
    }

    @Test func perceptionGaps() throws {
        let (result, questionnaire) = try Self.result(
            Self.complete, placements: [.kpis: .laerEfficient, .practices: .laerEfficient, .compensation: .laerEffective])
        #expect(result.perceptionGaps.map(\.marker) == [.practices, .compensation])
        let text = render(result, questionnaire, unanswered: 0)
        try assertSnapshot(text, named: "survey-summary-perception.txt")
        expectFits(text)
    }

    /// Too narrow for the table, each marker becomes a sentence; no line is longer than the width.
    @Test func narrowWidthUsesSentences() throws {
        let (result, questionnaire) = try ReportGoldenTests.result()
        let text = render(result, questionnaire, unanswered: 1, width: 50)
        expectFits(text, width: 50)
        #expect(text.contains("  KPIs: LAER Effective, index 2.67, based on 3\n    of 3 answers. Not yet LAER Efficient:"))
    }

    // MARK: Narrative

    @Test func indexExplanationIsNilWhenPhaseAndIndexAgree() throws {
        let (result, questionnaire) = try ReportGoldenTests.result()
        #expect(Narrative(result: result, questionnaire: questionnaire).indexExplanation == nil)
    }

    @Test func indexExplanationNamesBothMarkersAndTheCompany() throws {
        let (result, questionnaire) = try Self.result(Self.contradictory)
        let explanation = try #require(Narrative(result: result, questionnaire: questionnaire).indexExplanation)
        #expect(explanation.hasPrefix("Compensation has a higher index than KPIs (3.33 against 2.67) but a lower phase"))
        #expect(explanation.contains("The company stands at its lowest marker's phase (Selling culture"))
        #expect(explanation.contains("2.53"))
    }

    /// KPIs at LAER Effective and the others at LAER Efficient, all at index 3.67, as the survey's
    /// end-to-end test answers: the same index shown, a different phase.
    @Test func indexExplanationForTheSameIndex() throws {
        let ratings = Dictionary(uniqueKeysWithValues: MarkerID.allCases.map { ($0, [Rating.fully, .fully, .largely]) })
        let (result, questionnaire) = try Self.result(ratings.merging([.kpis: [.fully, .largely, .fully]]) { $1 })
        let explanation = try #require(Narrative(result: result, questionnaire: questionnaire).indexExplanation)
        #expect(explanation.hasPrefix("KPIs has the same index as Practices (3.67) but a lower phase (LAER Effective against"))
        #expect(!explanation.contains("The company"), "3.67 rounds down to the company's phase, 3")
    }

    /// Every marker at 33% of LAER Experiment: all at phase 1 with index 2.00, so no pair, but the
    /// company index is above its phase.
    @Test func indexExplanationForTheCompanyAlone() throws {
        let ratings = Dictionary(uniqueKeysWithValues: MarkerID.allCases.map { ($0, [Rating.partially, .fully, .fully]) })
        let (result, questionnaire) = try Self.result(ratings)
        let explanation = try #require(Narrative(result: result, questionnaire: questionnaire).indexExplanation)
        #expect(explanation.hasPrefix("A marker reaches a phase only when that phase's capabilities are at least 50% in place"))
        #expect(explanation.contains("lowest markers (KPIs, Practices, Compensation, Organizational structure and Selling"))
    }

    /// Answered counts N/A; evidence does not.
    @Test func evidenceCountsNAAsAnsweredButNotAsEvidence() throws {
        let (result, questionnaire) = try Self.result([.kpis: [.na, .na], .practices: [.fully]])
        let narrative = Narrative(result: result, questionnaire: questionnaire)
        #expect(narrative.evidence(of: .kpis) == (2, 3))
        #expect(!narrative.hasEvidence(of: .kpis))
        #expect(narrative.hasEvidence)
        #expect(narrative.markersWithoutEvidence == [.kpis, .compensation, .organization, .culture])
        let sentence = try #require(narrative.withoutEvidenceSentence)
        #expect(sentence.hasPrefix("Compensation, Organizational structure and Selling culture have no answers yet and KPIs has"))

        let onlyNA = try Self.result([.kpis: [.na]])
        #expect(
            Narrative(result: onlyNA.0, questionnaire: onlyNA.1).noPhaseSentence?.hasPrefix("Every answer so far is N/A") == true)
    }
}
