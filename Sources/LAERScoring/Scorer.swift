import LAERValues

/// Scores assessments against a questionnaire by the contract's rules.
///
/// Pure: no files, no terminal.
package struct Scorer: Sendable {
    package let questionnaire: Questionnaire

    /// Comparisons allow for rounding, as the thresholds do.
    static let tolerance = ScoringThresholds.tolerance

    /// What scoring needs of a capability, without its texts: cheap to walk for every input of a batch.
    ///
    /// No reference in it, so walking the items costs no reference counting.
    struct Item: Sendable {
        /// Index in `items` and in an evidence array.
        let position: Int
        let marker: MarkerID
        let phase: PhaseID
        let weight: Double
    }

    /// Every capability in questionnaire order, and the same grouped by marker and phase: the
    /// items of cell `c` are `cellItems[cellStart[c]..<cellStart[c + 1]]`, one flat array, so
    /// that summing a cell hands out no inner array to retain.
    let items: [Item]
    let cellItems: [Item]
    let cellStart: [Int]
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

    /// The evidence for each item, by position: nil where unanswered.
    ///
    /// Arrays, not dictionaries,
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
        cellItems = cells.flatMap { $0 }
        cellStart = cells.reduce(into: [0]) { starts, cell in starts.append(starts[starts.count - 1] + cell.count) }
        // Ranks of the ids in `String` order (equal ids share one), so that ties among gaps are
        // broken by comparing integers, not strings, with the same outcome.
        let byID = ids.indices.sorted { ids[$0] < ids[$1] }
        var idOrder = [Int](repeating: 0, count: ids.count)
        for (rank, position) in byID.enumerated() {
            idOrder[position] = rank > 0 && ids[byID[rank - 1]] == ids[position] ? idOrder[byID[rank - 1]] : rank
        }
        self.idOrder = idOrder
        subjects = questionnaire.capabilities.indices.map { GapSubject(questionnaire, position: $0) }
        dependencies = questionnaire.capabilities.map { capability in
            (questionnaire.capability(capability.id)?.dependsOn ?? []).compactMap { positions[$0] }
        }
    }

    static func cellIndex(_ marker: MarkerID, _ phase: PhaseID) -> Int {
        marker.index * 4 + phase.number - 1
    }

    /// Scores one assessment.
    ///
    /// `target` defaults to one phase above the overall phase.
    package func score(_ assessment: Assessment, source: String, target: PhaseID? = nil) -> ScoreResult {
        var notes: [EvidenceNote] = []
        let evidence = ids.map { id in
            assessment.answers[id].map { answer in
                if let note = answer.note, !note.isEmpty { notes.append(EvidenceNote(capability: id, note: note)) }
                return ItemValue(answer.rating)
            }
        }
        return score(assessment, evidence: evidence, notes: notes, source: source, target: target)
    }

    /// Scores an assessment whose ratings come by questionnaire position, nil where unanswered,
    /// as the fast answer reader yields them.
    ///
    /// `assessment` gives who, when, placements and road signs; `notes` are the respondent's, in
    /// questionnaire order.
    package func score(
        _ assessment: Assessment, ratings: [Rating?], notes: [EvidenceNote] = [], source: String, target: PhaseID? = nil
    ) -> ScoreResult {
        score(assessment, evidence: ratings.map { $0.map(ItemValue.init) }, notes: notes, source: source, target: target)
    }

    func score(
        _ assessment: Assessment, evidence: Evidence, notes: [EvidenceNote], source: String, target requestedTarget: PhaseID?
    ) -> ScoreResult {
        let markers = markerIDs.map { markerScore($0, evidence: evidence) }
        var overallPhase = PhaseID.laerEfficient
        var indexSum = 0.0
        for marker in markers {
            overallPhase = min(overallPhase, marker.phase)
            indexSum += marker.index
        }
        var limitedBy: [MarkerID] = []
        for marker in markers where marker.phase == overallPhase { limitedBy.append(marker.id) }
        let overall = OverallScore(phase: overallPhase, index: indexSum / Double(max(markers.count, 1)), limitedBy: limitedBy)
        let target = requestedTarget ?? PhaseID(number: overallPhase.number + 1) ?? .laerEfficient
        let ranked = rankedGapPositions(evidence: evidence, target: target, limitedBy: overall.limitedBy)
        let gaps = ranked.map { gap($0) }
        var toVerify: [String] = []
        for item in items where item.phase <= target && evidence[item.position] == nil { toVerify.append(ids[item.position]) }
        var missingSigns: [String] = []
        for sign in questionnaire.roadSigns where assessment.roadSigns[sign.id] != true { missingSigns.append(sign.id) }
        let perceptionGaps = markerIDs.compactMap { marker -> PerceptionGap? in
            guard let placed = assessment.placements[marker], let evidence = markers.first(where: { $0.id == marker })?.phase,
                placed > evidence
            else { return nil }
            return PerceptionGap(marker: marker, placed: placed, evidence: evidence)
        }
        let (projection, projected) = projection(evidence: evidence, markers: markers, ranked: ranked, target: target)
        var result = ScoreResult(
            questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version.description,
            respondent: assessment.respondent, assessedOn: assessment.assessedOn, period: assessment.period, source: source,
            overall: overall, markers: markers, target: target, gaps: gaps, toVerify: toVerify,
            roadSigns: RoadSignTally(
                present: questionnaire.roadSigns.count - missingSigns.count, total: questionnaire.roadSigns.count,
                missing: missingSigns),
            perceptionGaps: perceptionGaps,
            projection: projection, projectedGaps: projected)
        result.ratings.reserveCapacity(evidence.count)
        for position in evidence.indices {
            guard let value = evidence[position] else { continue }
            result.ratings.append(CapabilityRating(capability: ids[position], rating: value.rating))
        }
        result.notes = notes
        return result
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
        let cell = Self.cellIndex(marker, phase)
        for index in cellStart[cell]..<cellStart[cell + 1] {
            let item = cellItems[index]
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
        var total = 0.0
        for phase in assessedPhases {
            let sum = cellSum(marker, phase, evidence: evidence)
            attainment[phase] = sum.attainment
            coverage[phase] = sum.coverage
            total += sum.attainment ?? 0
        }
        let phase = phaseReached(attainment)
        return MarkerScore(
            id: marker, phase: phase, index: 1 + total,
            attainment: attainment, coverage: coverage, blockers: blockers(attainment, phase: phase))
    }

    /// The highest phase whose attainment reaches `reach` while every phase between it and the
    /// first is consolidated; the first phase not reached stops the climb.
    func phaseReached(_ attainment: PhaseValues) -> PhaseID {
        var reached = PhaseID.traditionalTransactional
        var lowerConsolidated = true
        for phase in assessedPhases {
            guard lowerConsolidated, meets(attainment[phase], questionnaire.scoring.reach) else { break }
            reached = phase
            lowerConsolidated = meets(attainment[phase], questionnaire.scoring.consolidate)
        }
        return reached
    }

    /// A marker's phase alone, for checking a projection without building a `MarkerScore`.
    func phase(of marker: MarkerID, evidence: Evidence) -> PhaseID {
        var attainment = PhaseValues()
        for phase in assessedPhases { attainment[phase] = cellSum(marker, phase, evidence: evidence).attainment }
        return phaseReached(attainment)
    }

    func meets(_ attainment: Double?, _ threshold: Double) -> Bool {
        ScoringThresholds.meets(attainment, threshold)
    }

    func blockers(_ attainment: PhaseValues, phase: PhaseID) -> [Blocker] {
        guard let next = PhaseID(number: phase.number + 1) else { return [] }
        let scoring = questionnaire.scoring
        var blockers: [Blocker] = []
        for lower in assessedPhases where lower < next {
            guard let value = attainment[lower], !meets(value, scoring.consolidate) else { continue }
            blockers.append(.notConsolidated(lower, attainment: value, consolidate: scoring.consolidate))
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
            guard item.phase <= target, case .value(let value)? = evidence[item.position], value < 1 - Self.tolerance else {
                continue
            }
            candidates.append(
                Candidate(
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
        Gap(
            rank: ranked.rank, rating: Rating(nearestTo: ranked.value), shortfall: ranked.shortfall,
            about: subjects[ranked.position])
    }

    // MARK: Projection

    /// Per marker below the target and per phase up to it, the gaps with the largest shortfall are
    /// raised to fully until the phase meets its threshold (consolidate below the target, reach at
    /// it); then their dependencies are added, and the result is checked by scoring again.
    ///
    /// The work is done on positions and indices, not ids or gaps, as it runs for every input of
    /// a batch.
    /// Also returns where the projection's gaps stand among the ranked gaps.
    func projection(evidence: Evidence, markers: [MarkerScore], ranked: [RankedGap], target: PhaseID) -> (Projection, [Int]) {
        var unreachable: [Projection.Cell] = []
        var isGap = [Bool](repeating: false, count: items.count)
        for gap in ranked { isGap[gap.position] = true }
        // The gaps grouped by cell, each cell's in the order they are raised: the largest
        // shortfall first (equal up to rounding counts as a tie), then by rank. Within a cell the
        // gaps share phase and marker, so rank order is that order already: grouping keeps it.
        var cellStart = [Int](repeating: 0, count: 5 * 4 + 1)
        for gap in ranked { cellStart[Self.cellIndex(items[gap.position].marker, items[gap.position].phase) + 1] += 1 }
        for index in 1..<cellStart.count { cellStart[index] += cellStart[index - 1] }
        var filled = cellStart
        var byCell = ranked
        for gap in ranked {
            let cell = Self.cellIndex(items[gap.position].marker, items[gap.position].phase)
            byCell[filled[cell]] = gap
            filled[cell] += 1
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
                let cellIndex = Self.cellIndex(marker.id, phase)
                for gap in byCell[cellStart[cellIndex]..<cellStart[cellIndex + 1]] where !meets(sum.attainment, threshold) {
                    sum.weightedValue += gap.shortfall
                    if !chosen[gap.position] {
                        chosen[gap.position] = true
                        pending.append(gap.position)
                    }
                }
            }
        }
        while let position = pending.popLast() {
            for dependency in dependencies[position] where isGap[dependency] && !chosen[dependency] {
                chosen[dependency] = true
                pending.append(dependency)
            }
        }
        var capabilities: [String] = []
        var projected: [Int] = []
        var improved = evidence
        for (index, gap) in ranked.enumerated() where chosen[gap.position] {
            capabilities.append(ids[gap.position])
            projected.append(index)
            improved[gap.position] = .value(1)
        }
        let reaches = markerIDs.allSatisfy { phase(of: $0, evidence: improved) >= target }
        return (Projection(capabilities: capabilities, reachesTarget: reaches, unreachable: unreachable), projected)
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

    /// The rating of this evidence: a respondent's own, or for several the rating nearest their
    /// mean (`na` where all said N/A).
    package var rating: Rating {
        switch self {
        case .value(let mean): Rating(nearestTo: mean)
        case .notApplicable: .na
        }
    }
}
