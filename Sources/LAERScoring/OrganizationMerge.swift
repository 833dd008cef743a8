import LAERValues

/// The respondents of one organization in one period merged into one assessment, as the contract
/// says: an item's value is the mean of its respondents' values, N/A and unanswered left out.
///
/// Built by adding one assessment at a time, so a batch keeps one of these per organization and
/// period, never all the assessments.
package struct OrganizationMerge: Sendable {
    /// The folded name the respondents share (`OrganizationName.key`).
    package let key: String
    /// The period they answered for (`Assessment.comparisonPeriod`).
    package let period: String?
    package private(set) var respondents = 0
    /// The first few respondents' sources, for the result's `source`; the rest are counted.
    package private(set) var sources: [String] = []
    package private(set) var spellings = OrganizationSpellings()

    /// One capability's ratings so far, small because a trend keeps one per capability for every
    /// organization and period.
    struct Tally: Sendable {
        var total = 0.0
        var answered: Int32 = 0
        var notApplicable: Int32 = 0
        /// Levels 0–3 of `Rating.scale`; `lowest` above `highest` until a rating with a value comes.
        var lowest: Int8 = 4
        var highest: Int8 = -1
    }

    /// By questionnaire position.
    var tallies: [Tally]
    /// Respondents' notes by questionnaire position, the first few distinct ones in the order they
    /// came, and how many more there were: a merge's memory grows with the questionnaire, not with
    /// the number of respondents.
    var notes: [Int: (first: [String], more: Int)] = [:]
    /// The version the answers are scored with.
    package let questionnaire: Questionnaire
    package private(set) var latestDate = ""
    /// The periods respondents wrote (spellings of one `period`), with how many wrote each.
    var periods: [(period: String, count: Int)] = []
    /// Each marker's placements as phase numbers, by `MarkerID.index`: their sum and count.
    var placements = [(sum: Int32, count: Int32)](repeating: (0, 0), count: MarkerID.allCases.count)
    /// Each road sign of the questionnaire, by position: how many see it and how many answered.
    var roadSigns: [(seen: Int32, answered: Int32)]

    package init(key: String, period: String?, questionnaire: Questionnaire) {
        self.key = key
        self.period = period
        self.questionnaire = questionnaire
        tallies = Array(repeating: Tally(), count: questionnaire.capabilities.count)
        roadSigns = Array(repeating: (0, 0), count: questionnaire.roadSigns.count)
    }

    /// The organization as most respondents wrote it.
    package var organization: String { spellings.mostFrequent ?? OrganizationName.none }

    /// Adds one respondent.
    ///
    /// `ratings` are by position of `ratingsQuestionnaire` (by default this merge's), as the fast
    /// reader yields them; without them they are taken from the assessment's answers (which also
    /// give the notes). Either way a rating is matched to this merge's questionnaire by capability,
    /// and one it lacks is left out.
    package mutating func add(
        _ assessment: Assessment, ratings: [Rating?]? = nil, positionedIn ratingsQuestionnaire: Questionnaire? = nil,
        source: String
    ) {
        respondents += 1
        if sources.count < Self.keptSources { sources.append(source) }
        spellings.add(assessment.respondent.organization)
        if assessment.assessedOn > latestDate { latestDate = assessment.assessedOn }
        if let period = assessment.period {
            if let index = periods.firstIndex(where: { $0.period == period }) {
                periods[index].count += 1
            } else {
                periods.append((period, 1))
            }
        }
        for (marker, phase) in assessment.placements {
            placements[marker.index].sum += Int32(phase.number)
            placements[marker.index].count += 1
        }
        for (id, seen) in assessment.roadSigns {
            guard let index = questionnaire.roadSigns.firstIndex(where: { $0.id == id }) else { continue }
            roadSigns[index].answered += 1
            if seen { roadSigns[index].seen += 1 }
        }
        if let ratings {
            let source = ratingsQuestionnaire ?? questionnaire
            let samePositions = source.id == questionnaire.id && source.version == questionnaire.version
            for (position, rating) in zip(source.capabilities.indices, ratings) {
                guard let rating else { continue }
                if samePositions {
                    tally(rating, at: position)
                } else if let ours = questionnaire.position(of: source.capabilities[position].id) {
                    tally(rating, at: ours)
                }
            }
        }
        for (id, answer) in assessment.answers {
            guard let position = questionnaire.position(of: id) else { continue }
            if ratings == nil { tally(answer.rating, at: position) }
            if let note = answer.note, !note.isEmpty { keep(note, at: position) }
        }
    }

    /// How many sources, and how many distinct notes per capability, a merge keeps.
    static let keptSources = 3
    static let keptNotes = 3

    mutating func keep(_ note: String, at position: Int) {
        var kept = notes[position] ?? ([], 0)
        if kept.first.contains(note) { return }
        if kept.first.count < Self.keptNotes { kept.first.append(note) } else { kept.more += 1 }
        notes[position] = kept
    }

    mutating func tally(_ rating: Rating, at position: Int) {
        if let value = rating.value, let level = Rating.scale.firstIndex(of: rating) {
            tallies[position].total += value
            tallies[position].answered += 1
            tallies[position].lowest = min(tallies[position].lowest, Int8(level))
            tallies[position].highest = max(tallies[position].highest, Int8(level))
        } else {
            tallies[position].notApplicable += 1
        }
    }

    /// Each item's evidence by position: the mean value; N/A only where every respondent who
    /// answered said N/A; nil where none answered.
    var evidence: [ItemValue?] {
        tallies.map { tally in
            tally.answered > 0 ? .value(tally.total / Double(tally.answered)) : tally.notApplicable > 0 ? .notApplicable : nil
        }
    }

    /// The rating of one capability's evidence: a respondent's own, or for several the rating
    /// nearest their mean (`na` where all said N/A).
    package static func rating(_ evidence: ItemValue) -> Rating {
        switch evidence {
        case .value(let mean): Rating(nearestTo: mean)
        case .notApplicable: .na
        }
    }

    /// The respondents' notes on the capability at `position`; several respondents' distinct notes
    /// are joined by " / ", the first few of them and how many more.
    package func noteText(at position: Int) -> String? {
        guard let kept = notes[position] else { return nil }
        return kept.first.joined(separator: " / ") + (kept.more > 0 ? " / and \(kept.more) more" : "")
    }

    /// Capabilities whose ratings span two or more levels (say `not` and `largely`), widest first,
    /// then in questionnaire order.
    package var disagreement: [String] {
        let spans = tallies.enumerated().compactMap { position, tally -> (id: String, span: Int)? in
            let span = Int(tally.highest) - Int(tally.lowest)
            guard tally.answered > 1, span >= 2 else { return nil }
            return (questionnaire.capabilities[position].id, span)
        }
        return spans.enumerated().sorted { lhs, rhs in
            lhs.element.span != rhs.element.span ? lhs.element.span > rhs.element.span : lhs.offset < rhs.offset
        }.map(\.element.id)
    }

    /// Who and when for the merged result: the organization, the latest date, the most common
    /// period, each marker's mean placement, and the road signs most respondents see.
    package var assessment: Assessment {
        let period = periods.max { lhs, rhs in lhs.count != rhs.count ? lhs.count < rhs.count : lhs.period < rhs.period }?.period
        var merged = Assessment(
            questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version.description,
            respondent: Respondent(organization: spellings.mostFrequent), assessedOn: latestDate, period: period)
        for (marker, tally) in zip(MarkerID.allCases, placements) where tally.count > 0 {
            let mean = Double(tally.sum) / Double(tally.count)
            merged.placements[marker] = PhaseID(number: Int(mean.rounded(.toNearestOrAwayFromZero)))
        }
        for (sign, tally) in zip(questionnaire.roadSigns, roadSigns) where tally.answered > 0 {
            merged.roadSigns[sign.id] = tally.seen * 2 > tally.answered
        }
        return merged
    }
}

extension Scorer {
    /// Scores an organization's merged respondents; the result carries `respondents` and `disagreement`.
    package func score(_ merge: OrganizationMerge, target: PhaseID? = nil) -> ScoreResult {
        let more = merge.respondents - merge.sources.count
        let sources = merge.sources.joined(separator: "; ") + (more > 0 ? "; and \(more) more" : "")
        var result = score(merge.assessment, evidence: merge.evidence, source: sources, target: target)
        result.respondents = merge.respondents
        result.disagreement = merge.disagreement
        return result
    }
}
