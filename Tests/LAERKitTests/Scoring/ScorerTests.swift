import LAERTestSupport
import Testing

@testable import LAERBatch
@testable import LAERScoring
@testable import LAERSystem
@testable import LAERValues

/// Scores computed by hand.
///
/// Every marker but the ones under test has one weight-1 item per phase
/// (`practices-2`, …), rated fully unless a test says otherwise, so it sits at LAER Efficient.
@Suite struct ScorerTests {
    typealias Item = (id: String, marker: MarkerID, phase: PhaseID, weight: Int)

    static func questionnaire(_ items: [Item], dependsOn: [String: [String]] = [:], scoring: ScoringThresholds = .default)
        -> Questionnaire
    {
        let tested = Set(items.map(\.marker))
        var all = items
        for marker in MarkerID.allCases where !tested.contains(marker) {
            for phase in PhaseID.assessed { all.append(("\(marker.rawValue)-\(phase.number)", marker, phase, 1)) }
        }
        return Questionnaire(
            id: "hand", version: SemanticVersion(major: 1, minor: 0, patch: 0), title: "Hand-computed",
            phases: PhaseID.allCases.map { Phase(id: $0, name: "Phase \($0.number)") },
            markers: MarkerID.allCases.map { Marker(id: $0, name: $0.rawValue, profiles: [:]) },
            capabilities: all.map { item in
                Capability(
                    id: item.id, marker: item.marker, phase: item.phase, statement: "S \(item.id)", help: "H",
                    action: "A \(item.id)",
                    weight: item.weight, motions: [.adopt], researchArea: "Customer Success",
                    source: SourceNote(file: "002.txt", basis: .stated, note: "N"), dependsOn: dependsOn[item.id] ?? [])
            },
            roadSigns: [
                RoadSign(id: "sales-admits", statement: "Sales admits it."),
                RoadSign(id: "adoption-funded", statement: "Adoption is funded."),
            ],
            scoring: scoring)
    }

    /// `ratings` for the items under test; every other marker's items are rated `others`.
    static func assessment(_ questionnaire: Questionnaire, _ ratings: [String: Rating], others: Rating? = .fully) -> Assessment {
        var answers = ratings.mapValues { Answer($0) }
        let rated = Set(ratings.keys.compactMap { questionnaire.capability($0)?.marker })
        if let others {
            for capability in questionnaire.capabilities where !rated.contains(capability.marker) {
                answers[capability.id] = Answer(others)
            }
        }
        return Assessment(
            questionnaireID: questionnaire.id, questionnaireVersion: "1.0.0", assessedOn: "2026-11-25", answers: answers)
    }

    // KPIs: experiment a(3) fully, b(1) not → 3/4 = 0.75; effective c(2) largely, d(2) partially →
    // (4/3 + 2/3) / 4 = 0.5; efficient e(1) na → no evidence.
    static let caseA = questionnaire([
        ("a", .kpis, .laerExperiment, 3), ("b", .kpis, .laerExperiment, 1),
        ("c", .kpis, .laerEffective, 2), ("d", .kpis, .laerEffective, 2), ("e", .kpis, .laerEfficient, 1),
    ])
    static let ratingsA: [String: Rating] = ["a": .fully, "b": .not, "c": .largely, "d": .partially, "e": .na]

    @Test func aPhaseReachedButTheOneBelowNotConsolidatedDoesNotCount() throws {
        var answers = Self.assessment(Self.caseA, Self.ratingsA)
        answers.placements = [.kpis: .laerEffective, .practices: .laerEfficient]
        answers.roadSigns = ["sales-admits": true, "adoption-funded": false]
        let result = Scorer(questionnaire: Self.caseA).score(answers, source: "a.json")

        let kpis = try #require(result.marker(.kpis))
        #expect(kpis.attainment == [.laerExperiment: 0.75, .laerEffective: 0.5])
        #expect(kpis.phase == .laerExperiment)
        #expect(kpis.index == 2.25)
        #expect(kpis.blockers == [.notConsolidated(.laerExperiment, attainment: 0.75, consolidate: 0.85)])
        #expect(kpis.coverage[.laerEfficient] == Coverage(answered: 0, notApplicable: 1, unanswered: 0))
        #expect(kpis.coverage[.laerExperiment] == Coverage(answered: 2, notApplicable: 0, unanswered: 0))
        for marker in MarkerID.allCases where marker != .kpis {
            #expect(result.marker(marker)?.phase == .laerEfficient)
            #expect(result.marker(marker)?.index == 4)
            #expect(result.marker(marker)?.blockers == [])
        }
        #expect(result.overall == OverallScore(phase: .laerExperiment, index: (2.25 + 16) / 5, limitedBy: [.kpis]))
        #expect(result.target == .laerEffective)
        // b: phase 2 first; then d (2 × 2/3) before c (2 × 1/3).
        #expect(result.gaps.map(\.capability) == ["b", "d", "c"])
        #expect(result.gaps.map(\.rank) == [1, 2, 3])
        #expect(result.gaps[1].rating == .partially && result.gaps[1].weight == 2 && result.gaps[1].action == "A d")
        #expect(result.toVerify == [])
        #expect(result.roadSigns == RoadSignTally(present: 1, total: 2, missing: ["adoption-funded"]))
        #expect(result.perceptionGaps == [PerceptionGap(marker: .kpis, placed: .laerEffective, evidence: .laerExperiment)])
        // Raising b to fully consolidates experiment (1.0); effective already reaches 0.5.
        #expect(result.projection == Projection(capabilities: ["b"], reachesTarget: true, unreachable: []))
    }

    @Test func thresholdsComeFromTheQuestionnaire() throws {
        let strict = Self.questionnaire(
            [
                ("a", .kpis, .laerExperiment, 3), ("b", .kpis, .laerExperiment, 1),
                ("c", .kpis, .laerEffective, 2), ("d", .kpis, .laerEffective, 2), ("e", .kpis, .laerEfficient, 1),
            ], scoring: ScoringThresholds(reach: 0.8, consolidate: 0.9))
        let result = Scorer(questionnaire: strict).score(Self.assessment(strict, Self.ratingsA), source: "a.json")
        #expect(result.marker(.kpis)?.phase == .traditionalTransactional)
        #expect(result.marker(.kpis)?.blockers == [.belowReach(.laerExperiment, attainment: 0.75, reach: 0.8)])
        #expect(result.target == .laerExperiment)
        #expect(result.gaps.map(\.capability) == ["b"])
        #expect(result.projection.capabilities == ["b"])
    }

    // KPIs experiment k2a(2) partially, k2b(2) partially → 1/3: phase 1. Practices experiment
    // p2a(1) not, p2b(1) fully → exactly 0.5: reached; effective p3(1) fully, but 0.5 < 0.85.
    static let caseB = questionnaire(
        [
            ("k2a", .kpis, .laerExperiment, 2), ("k2b", .kpis, .laerExperiment, 2), ("k3", .kpis, .laerEffective, 1),
            ("k4", .kpis, .laerEfficient, 1),
            ("p2a", .practices, .laerExperiment, 1), ("p2b", .practices, .laerExperiment, 1),
            ("p3", .practices, .laerEffective, 1), ("p4", .practices, .laerEfficient, 1),
        ], dependsOn: ["k2a": ["p2a"]])
    static let ratingsB: [String: Rating] = [
        "k2a": .partially, "k2b": .partially, "k3": .not, "k4": .not, "p2a": .not, "p2b": .fully, "p3": .fully, "p4": .fully,
    ]

    @Test func tiesInTheGapOrderGoByIdAfterPhaseHoldingMarkerAndShortfall() throws {
        let result = Scorer(questionnaire: Self.caseB).score(Self.assessment(Self.caseB, Self.ratingsB), source: "b.json")
        #expect(result.marker(.kpis)?.phase == .traditionalTransactional)
        #expect(result.marker(.kpis)?.index == 1 + 1.0 / 3.0)
        #expect(result.marker(.practices)?.phase == .laerExperiment)
        #expect(result.marker(.practices)?.index == 3.5)
        #expect(result.overall.limitedBy == [.kpis])
        #expect(result.target == .laerExperiment)
        // k2a and k2b tie on phase, marker and shortfall (4/3): id decides. p2a has the larger
        // shortfall (1 × 1 < 4/3, so no) and is not a holding marker: last.
        #expect(result.gaps.map(\.capability) == ["k2a", "k2b", "p2a"])
        // k2a alone lifts KPIs experiment to 2/3; its dependency p2a comes with it.
        #expect(result.projection == Projection(capabilities: ["k2a", "p2a"], reachesTarget: true, unreachable: []))
    }

    @Test func aTargetAboveTheNextPhaseWidensGapsAndProjection() throws {
        let result = Scorer(questionnaire: Self.caseB).score(
            Self.assessment(Self.caseB, Self.ratingsB), source: "b.json", target: .laerEffective)
        #expect(result.target == .laerEffective)
        // Phase 2 gaps first (kpis before practices), then phase 3: k3 (kpis, not, w1).
        #expect(result.gaps.map(\.capability) == ["k2a", "k2b", "p2a", "k3"])
        // KPIs: experiment must consolidate (0.85): both k2a and k2b; effective must reach: k3.
        // Practices: experiment must consolidate: p2a. Effective is already 1.0.
        #expect(result.projection == Projection(capabilities: ["k2a", "k2b", "p2a", "k3"], reachesTarget: true, unreachable: []))
    }

    @Test func allNotApplicableInACellLacksEvidence() throws {
        let ratings: [String: Rating] = [
            "k2a": .na, "k2b": .na, "k3": .fully, "k4": .fully, "p2a": .fully, "p2b": .fully, "p3": .fully, "p4": .fully,
        ]
        let result = Scorer(questionnaire: Self.caseB).score(Self.assessment(Self.caseB, ratings), source: "d.json")
        let kpis = try #require(result.marker(.kpis))
        #expect(kpis.attainment[.laerExperiment] == nil)
        #expect(kpis.phase == .traditionalTransactional)
        #expect(kpis.index == 3)
        #expect(kpis.blockers == [.lacksEvidence(.laerExperiment)])
        #expect(result.gaps == [])
        #expect(result.toVerify == [])
        #expect(
            result.projection
                == Projection(capabilities: [], reachesTarget: false, unreachable: [.init(marker: .kpis, phase: .laerExperiment)])
        )
    }

    @Test func nothingAnsweredIsTheFirstPhaseWithEverythingToVerify() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        let empty = Assessment(blankFor: questionnaire, assessedOn: "2026-11-25")
        let result = Scorer(questionnaire: questionnaire).score(empty, source: "empty.json")
        #expect(result.markers.allSatisfy { $0.phase == .traditionalTransactional && $0.index == 1 && $0.attainment.isEmpty })
        #expect(result.overall == OverallScore(phase: .traditionalTransactional, index: 1, limitedBy: MarkerID.allCases))
        #expect(result.target == .laerExperiment)
        #expect(result.gaps == [])
        #expect(result.toVerify == ["k2", "p2", "c2", "o2", "s2"])
        #expect(result.roadSigns == RoadSignTally(present: 0, total: 2, missing: ["sales-admits", "adoption-funded"]))
        #expect(!result.projection.reachesTarget)
        #expect(result.projection.unreachable.count == 5)
    }

    @Test func everythingFullyIsLAEREfficientWithNothingLeft() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        var full = Assessment(blankFor: questionnaire, assessedOn: "2026-11-25")
        for capability in questionnaire.capabilities { full.answers[capability.id] = Answer(.fully) }
        let result = Scorer(questionnaire: questionnaire).score(full, source: "full.json")
        #expect(result.overall == OverallScore(phase: .laerEfficient, index: 4, limitedBy: MarkerID.allCases))
        #expect(result.target == .laerEfficient)
        #expect(result.gaps == [] && result.toVerify == [])
        #expect(result.projection == Projection(capabilities: [], reachesTarget: true, unreachable: []))
        #expect(result.markers.allSatisfy { $0.blockers.isEmpty })
    }

    @Test func unansweredItemsAtOrBelowTheTargetAreToVerifyInQuestionnaireOrder() throws {
        let questionnaire = try TestFiles.miniQuestionnaire()
        var answers = Assessment(blankFor: questionnaire, assessedOn: "2026-11-25")
        for id in ["k2", "p2", "c2", "o2", "s2", "k3", "p3", "s3"] { answers.answers[id] = Answer(.fully) }
        answers.answers["c3"] = Answer(.largely)
        let result = Scorer(questionnaire: questionnaire).score(answers, source: "x.json")
        // Every marker reaches experiment (1.0); effective is unanswered for organization only,
        // so the company is at experiment, limited by... every marker that has not reached effective.
        #expect(result.marker(.kpis)?.phase == .laerEffective)
        #expect(result.marker(.compensation)?.phase == .laerEffective)
        #expect(result.marker(.organization)?.phase == .laerExperiment)
        #expect(result.overall.limitedBy == [.organization])
        #expect(result.target == .laerEffective)
        #expect(result.toVerify == ["o3"])
        #expect(result.gaps.map(\.capability) == ["c3"])
        #expect(result.projection.unreachable == [.init(marker: .organization, phase: .laerEffective)])
    }
}
