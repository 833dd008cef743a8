import LAERValues

/// Scores assessments against a questionnaire by the contract's rules. Pure: no files, no terminal.
package struct Scorer: Sendable {
    package let questionnaire: Questionnaire

    /// Comparisons allow for rounding, as the thresholds do.
    static let tolerance = ScoringThresholds.tolerance

    /// What scoring needs of a capability, without its texts: cheap to walk for every input of a batch.
    /// No reference in it, so walking the items costs no reference counting.
    struct Item: Sendable {
        /// Index in `items` and in an evidence array.
        let position: Int
        let marker: MarkerID
        let phase: PhaseID
        let weight: Double
    }

    /// Every capability in questionnaire order, and the same grouped by marker and phase.
    let items: [Item]
    let cells: [[Item]]
    /// Each item's capability id.
    let ids: [String]
    let positions: [String: Int]
    /// Each item's rank among the ids in `String` order.
    let idOrder: [Int]
    /// Each item's dependencies (of the capability its id names), as positions.
    let dependencies: [[Int]]
    /// What each item's gaps are about, made once for every result.
    let subjects: [GapSubject]
    /// `MarkerID.allCases` and `PhaseID.assessed`, kept: from another module each is a call, and
    /// `allCases` a new array, every time scoring asks.
    let markerIDs = MarkerID.allCases
    let assessedPhases = PhaseID.assessed

    /// The evidence for each item, by position: nil where unanswered. Arrays, not dictionaries,
    /// because scoring reads every item several times for each input of a batch.
    typealias Evidence = [ItemValue?]

    package init(questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        items = questionnaire.capabilities.enumerated().map { position, capability in
            Item(position: position, marker: capability.marker, phase: capability.phase, weight: Double(capability.weight))
        }
        let ids = questionnaire.capabilities.map(\.id)
        let positions = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        self.ids = ids
        self.positions = positions
        var cells = [[Item]](repeating: [], count: 5 * 4)
        for item in items { cells[Self.cellIndex(item.marker, item.phase)].append(item) }
        self.cells = cells
        // Ranks of the ids in `String` order (equal ids share one), so that ties among gaps are
        // broken by comparing integers, not strings, with the same outcome.
        let byID = ids.indices.sorted { ids[$0] < ids[$1] }
        var idOrder = [Int](repeating: 0, count: ids.count)
        for (rank, position) in byID.enumerated() {
            idOrder[position] = rank > 0 && ids[byID[rank - 1]] == ids[position] ? idOrder[byID[rank - 1]] : rank
        }
        self.idOrder = idOrder
        subjects = questionnaire.capabilities.map(GapSubject.init)
        dependencies = questionnaire.capabilities.map { capability in
            (questionnaire.capability(capability.id)?.dependsOn ?? []).compactMap { positions[$0] }
        }
    }

    static func cellIndex(_ marker: MarkerID, _ phase: PhaseID) -> Int {
        marker.index * 4 + phase.number - 1
    }

    /// Scores one assessment. `target` defaults to one phase above the overall phase.
    package func score(_ assessment: Assessment, source: String, target: PhaseID? = nil) -> ScoreResult {
        let evidence = ids.map { id in assessment.answers[id].map { ItemValue($0.rating) } }
        return score(assessment, evidence: evidence, source: source, target: target)
    }

    /// Scores an assessment whose ratings come by questionnaire position, nil where unanswered,
    /// as the fast answer reader yields them; `assessment` gives who, when, placements and road signs.
    package func score(_ assessment: Assessment, ratings: [Rating?], source: String, target: PhaseID? = nil) -> ScoreResult {
        score(assessment, evidence: ratings.map { $0.map(ItemValue.init) }, source: source, target: target)
    }

    /// Scores item values (one respondent's ratings, or the means of several) with `assessment`
    /// giving who, when, placements and road signs.
    func score(_ assessment: Assessment, values: ItemValues, source: String, target: PhaseID?) -> ScoreResult {
        score(assessment, evidence: ids.map { values.items[$0] }, source: source, target: target)
    }

    func score(_ assessment: Assessment, evidence: Evidence, source: String, target requestedTarget: PhaseID?) -> ScoreResult {
        let markers = markerIDs.map { markerScore($0, evidence: evidence) }
        let overallPhase = markers.map(\.phase).min() ?? .traditionalTransactional
        let overall = OverallScore(
            phase: overallPhase,
            index: markers.map(\.index).reduce(0, +) / Double(max(markers.count, 1)),
            limitedBy: markers.filter { $0.phase == overallPhase }.map(\.id))
        let target = requestedTarget ?? PhaseID(number: overallPhase.number + 1) ?? .laerEfficient
        let ranked = rankedGapPositions(evidence: evidence, target: target, limitedBy: overall.limitedBy)
        let gaps = ranked.map(gap)
        let toVerify = items.filter { $0.phase <= target && evidence[$0.position] == nil }.map { ids[$0.position] }
        let present = questionnaire.roadSigns.filter { assessment.roadSigns[$0.id] == true }
        let perceptionGaps = markerIDs.compactMap { marker -> PerceptionGap? in
            guard let placed = assessment.placements[marker], let evidence = markers.first(where: { $0.id == marker })?.phase,
                  placed > evidence else { return nil }
            return PerceptionGap(marker: marker, placed: placed, evidence: evidence)
        }
        return ScoreResult(
            questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version.description,
            respondent: assessment.respondent, assessedOn: assessment.assessedOn, period: assessment.period, source: source,
            overall: overall, markers: markers, target: target, gaps: gaps, toVerify: toVerify,
            roadSigns: RoadSignTally(
                present: present.count, total: questionnaire.roadSigns.count,
                missing: questionnaire.roadSigns.filter { assessment.roadSigns[$0.id] != true }.map(\.id)),
            perceptionGaps: perceptionGaps,
            projection: projection(evidence: evidence, markers: markers, gaps: gaps, gapPositions: ranked.map(\.position), target: target))
    }

    // MARK: Attainment and phases

    /// Weighted sums of one marker and phase; nil attainment where no item has a value.
    struct CellSum {
        var weightedValue = 0.0
        var weight = 0.0
        var coverage = Coverage()

        var attainment: Double? { weight > 0 ? weightedValue / weight : nil }
    }

    func cellSum(_ marker: MarkerID, _ phase: PhaseID, evidence: Evidence) -> CellSum {
        var sum = CellSum()
        for item in cells[Self.cellIndex(marker, phase)] {
            switch evidence[item.position] {
            case nil: sum.coverage.unanswered += 1
            case .notApplicable?: sum.coverage.notApplicable += 1
            case .value(let value)?:
                sum.coverage.answered += 1
                sum.weightedValue += item.weight * value
                sum.weight += item.weight
            }
        }
        return sum
    }

    func markerScore(_ marker: MarkerID, evidence: Evidence) -> MarkerScore {
        var attainment = PhaseValues()
        var coverage = PhaseCoverage()
        var attainments: [Double?] = []
        attainments.reserveCapacity(assessedPhases.count)
        var total = 0.0
        for phase in assessedPhases {
            let sum = cellSum(marker, phase, evidence: evidence)
            attainment[phase] = sum.attainment
            coverage[phase] = sum.coverage
            attainments.append(sum.attainment)
            total += sum.attainment ?? 0
        }
        let phase = phaseReached(attainments)
        return MarkerScore(
            id: marker, phase: phase, index: 1 + total,
            attainment: attainment, coverage: coverage, blockers: blockers(attainment, phase: phase))
    }

    /// The highest phase whose attainment reaches `reach` while every phase between it and the
    /// first is consolidated; the first phase not reached stops the climb.
    /// - Parameter attainments: of LAER Experiment, Effective and Efficient, in that order.
    func phaseReached(_ attainments: [Double?]) -> PhaseID {
        var reached = PhaseID.traditionalTransactional
        for (position, phase) in assessedPhases.enumerated() {
            guard meets(attainments[position], questionnaire.scoring.reach),
                  attainments[..<position].allSatisfy({ meets($0, questionnaire.scoring.consolidate) })
            else { break }
            reached = phase
        }
        return reached
    }

    /// A marker's phase alone, for checking a projection without building a `MarkerScore`.
    func phase(of marker: MarkerID, evidence: Evidence) -> PhaseID {
        phaseReached(assessedPhases.map { cellSum(marker, $0, evidence: evidence).attainment })
    }

    func meets(_ attainment: Double?, _ threshold: Double) -> Bool {
        ScoringThresholds.meets(attainment, threshold)
    }

    func blockers(_ attainment: PhaseValues, phase: PhaseID) -> [Blocker] {
        guard let next = PhaseID(number: phase.number + 1) else { return [] }
        let scoring = questionnaire.scoring
        var blockers: [Blocker] = assessedPhases.filter { $0 < next }.compactMap { lower in
            guard let value = attainment[lower], !meets(value, scoring.consolidate) else { return nil }
            return .notConsolidated(lower, attainment: value, consolidate: scoring.consolidate)
        }
        if let value = attainment[next] {
            if !meets(value, scoring.reach) { blockers.append(.belowReach(next, attainment: value, reach: scoring.reach)) }
        } else {
            blockers.append(.lacksEvidence(next))
        }
        return blockers
    }

    // MARK: Gaps

    /// A gap before it is made a `Gap`: what ranking and the projection need, without the texts.
    struct RankedGap {
        let rank: Int
        let position: Int
        let value: Double
        let shortfall: Double
    }

    /// The gaps in rank order: by phase, those of the markers limiting the overall phase first,
    /// the largest shortfall first (equal up to rounding counts as a tie), then by id.
    func rankedGapPositions(evidence: Evidence, target: PhaseID, limitedBy: [MarkerID]) -> [RankedGap] {
        var limits = [Bool](repeating: false, count: markerIDs.count)
        for marker in limitedBy { limits[marker.index] = true }
        struct Candidate {
            let position: Int
            let value: Double
            let shortfall: Double
            let phase: Int
            let limits: Bool
            let idOrder: Int
        }
        var candidates: [Candidate] = []
        candidates.reserveCapacity(items.count)
        for item in items {
            guard item.phase <= target, case .value(let value)? = evidence[item.position], value < 1 - Self.tolerance else { continue }
            candidates.append(Candidate(
                position: item.position, value: value, shortfall: item.weight * (1 - value), phase: item.phase.number,
                limits: limits[item.marker.index], idOrder: idOrder[item.position]))
        }
        let sorted = candidates.sorted { lhs, rhs in
            if lhs.phase != rhs.phase { return lhs.phase < rhs.phase }
            if lhs.limits != rhs.limits { return lhs.limits }
            // Equal up to rounding counts as a tie: 3 × (1 − 2/3) and 1 × (1 − 0) are both 1.
            if abs(lhs.shortfall - rhs.shortfall) > Self.tolerance { return lhs.shortfall > rhs.shortfall }
            return lhs.idOrder < rhs.idOrder
        }
        return sorted.enumerated().map { rank, entry in
            RankedGap(rank: rank + 1, position: entry.position, value: entry.value, shortfall: entry.shortfall)
        }
    }

    func gap(_ ranked: RankedGap) -> Gap {
        Gap(rank: ranked.rank, rating: Rating(nearestTo: ranked.value), shortfall: ranked.shortfall, about: subjects[ranked.position])
    }

    // MARK: Projection

    /// Per marker below the target and per phase up to it, the gaps with the largest shortfall are
    /// raised to fully until the phase meets its threshold (consolidate below the target, reach at
    /// it); then their dependencies are added, and the result is checked by scoring again.
    /// `gapPositions` gives each gap's position among the items; the work is done on positions
    /// and indices, not ids, as it runs for every input of a batch.
    func projection(evidence: Evidence, markers: [MarkerScore], gaps: [Gap], gapPositions: [Int], target: PhaseID) -> Projection {
        var unreachable: [Projection.Cell] = []
        // Which gap (index in `gaps`) each item is, and the gaps of each cell in rank order.
        var gapIndex = [Int](repeating: -1, count: items.count)
        var cellGaps = [[Int]](repeating: [], count: 5 * 4)
        for (index, position) in gapPositions.enumerated() {
            gapIndex[position] = index
            cellGaps[Self.cellIndex(gaps[index].marker, gaps[index].phase)].append(index)
        }
        var chosen = [Bool](repeating: false, count: items.count)
        var pending: [Int] = []
        for marker in markers where marker.phase < target {
            for phase in assessedPhases where phase <= target {
                var sum = cellSum(marker.id, phase, evidence: evidence)
                guard sum.weight > 0 else {
                    unreachable.append(Projection.Cell(marker: marker.id, phase: phase))
                    continue
                }
                let threshold = phase < target ? questionnaire.scoring.consolidate : questionnaire.scoring.reach
                let ordered = cellGaps[Self.cellIndex(marker.id, phase)].sorted {
                    abs(gaps[$0].shortfall - gaps[$1].shortfall) > Self.tolerance ? gaps[$0].shortfall > gaps[$1].shortfall : gaps[$0].rank < gaps[$1].rank
                }
                for index in ordered where !meets(sum.attainment, threshold) {
                    sum.weightedValue += gaps[index].shortfall
                    if !chosen[gapPositions[index]] {
                        chosen[gapPositions[index]] = true
                        pending.append(gapPositions[index])
                    }
                }
            }
        }
        while let position = pending.popLast() {
            for dependency in dependencies[position] where gapIndex[dependency] >= 0 && !chosen[dependency] {
                chosen[dependency] = true
                pending.append(dependency)
            }
        }
        var capabilities: [String] = []
        var improved = evidence
        for (index, position) in gapPositions.enumerated() where chosen[position] {
            capabilities.append(gaps[index].capability)
            improved[position] = .value(1)
        }
        let reaches = markerIDs.allSatisfy { phase(of: $0, evidence: improved) >= target }
        return Projection(capabilities: capabilities, reachesTarget: reaches, unreachable: unreachable)
    }
}

/// One capability's evidence: a value from 0 to 1 (a rating, or the mean of several), or N/A.
package enum ItemValue: Sendable, Equatable {
    case value(Double)
    case notApplicable

    /// A rating's value by the scoring rules; N/A for `na`.
    package init(_ rating: Rating) {
        self = rating.value.map(ItemValue.value) ?? .notApplicable
    }
}

/// The evidence scoring reads, by capability id; an unanswered capability has no entry.
package struct ItemValues: Sendable, Equatable {
    package var items: [String: ItemValue]

    package init(items: [String: ItemValue] = [:]) {
        self.items = items
    }

}
