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
    package private(set) var sources: [String] = []
    package private(set) var spellings = OrganizationSpellings()

    struct Tally: Sendable {
        var total = 0.0
        var answered = 0
        var notApplicable = 0
        var lowest = Int.max
        var highest = Int.min
    }

    /// By questionnaire position.
    var tallies: [Tally]
    /// Respondents' notes by questionnaire position, in the order they came.
    var notes: [Int: [String]] = [:]
    /// The version the answers are scored with.
    package let questionnaire: Questionnaire
    package private(set) var latestDate = ""
    var periods: [String: Int] = [:]
    var placements: [MarkerID: [Int]] = [:]
    var roadSigns: [String: (seen: Int, answered: Int)] = [:]

    package init(key: String, period: String?, questionnaire: Questionnaire) {
        self.key = key
        self.period = period
        self.questionnaire = questionnaire
        tallies = Array(repeating: Tally(), count: questionnaire.capabilities.count)
    }

    /// The organization as most respondents wrote it.
    package var organization: String { spellings.mostFrequent ?? OrganizationName.none }

    /// Adds one respondent.
    ///
    /// `ratings` are by position of this merge's questionnaire, as the fast reader yields them;
    /// without them they are taken from the assessment's answers (which also give the notes),
    /// and answers to capabilities this questionnaire lacks are left out.
    package mutating func add(_ assessment: Assessment, ratings: [Rating?]? = nil, source: String) {
        respondents += 1
        sources.append(source)
        spellings.add(assessment.respondent.organization)
        if assessment.assessedOn > latestDate { latestDate = assessment.assessedOn }
        if let period = assessment.period { periods[period, default: 0] += 1 }
        for (marker, phase) in assessment.placements { placements[marker, default: []].append(phase.number) }
        for (id, seen) in assessment.roadSigns {
            var tally = roadSigns[id] ?? (0, 0)
            tally.answered += 1
            if seen { tally.seen += 1 }
            roadSigns[id] = tally
        }
        if let ratings, ratings.count == tallies.count {
            for (position, rating) in ratings.enumerated() {
                if let rating { tally(rating, at: position) }
            }
        }
        for (id, answer) in assessment.answers {
            guard let position = questionnaire.position(of: id) else { continue }
            if ratings == nil { tally(answer.rating, at: position) }
            if let note = answer.note, !note.isEmpty { notes[position, default: []].append(note) }
        }
    }

    mutating func tally(_ rating: Rating, at position: Int) {
        if let value = rating.value, let level = Rating.scale.firstIndex(of: rating) {
            tallies[position].total += value
            tallies[position].answered += 1
            tallies[position].lowest = min(tallies[position].lowest, level)
            tallies[position].highest = max(tallies[position].highest, level)
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

    /// Each answered capability's rating: a respondent's own, or for several the rating nearest
    /// their mean (`na` where all said N/A).
    package var ratings: [String: Rating] {
        var ratings: [String: Rating] = [:]
        for (position, value) in evidence.enumerated() {
            switch value {
            case .value(let mean): ratings[questionnaire.capabilities[position].id] = Rating(nearestTo: mean)
            case .notApplicable: ratings[questionnaire.capabilities[position].id] = .na
            case nil: break
            }
        }
        return ratings
    }

    /// Each answered capability's value (the mean of its respondents'), nil for N/A.
    package var values: [String: Double?] {
        var values: [String: Double?] = [:]
        for (position, value) in evidence.enumerated() {
            switch value {
            case .value(let mean): values[questionnaire.capabilities[position].id] = .some(mean)
            case .notApplicable: values[questionnaire.capabilities[position].id] = .some(nil)
            case nil: break
            }
        }
        return values
    }

    /// The respondents' notes by capability id; several respondents' notes are joined by " / ".
    package var noteTexts: [String: String] {
        var texts: [String: String] = [:]
        for (position, list) in notes { texts[questionnaire.capabilities[position].id] = list.joined(separator: " / ") }
        return texts
    }

    /// Capabilities whose ratings span two or more levels (say `not` and `largely`), widest first,
    /// then in questionnaire order.
    package var disagreement: [String] {
        let spans = tallies.enumerated().compactMap { position, tally -> (id: String, span: Int)? in
            guard tally.answered > 1, tally.highest - tally.lowest >= 2 else { return nil }
            return (questionnaire.capabilities[position].id, tally.highest - tally.lowest)
        }
        return spans.enumerated().sorted { lhs, rhs in
            lhs.element.span != rhs.element.span ? lhs.element.span > rhs.element.span : lhs.offset < rhs.offset
        }.map(\.element.id)
    }

    /// Who and when for the merged result: the organization, the latest date, the most common
    /// period, each marker's mean placement, and the road signs most respondents see.
    package var assessment: Assessment {
        let period = periods.max { lhs, rhs in lhs.value != rhs.value ? lhs.value < rhs.value : lhs.key < rhs.key }?.key
        var merged = Assessment(
            questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version.description,
            respondent: Respondent(organization: spellings.mostFrequent), assessedOn: latestDate, period: period)
        for (marker, numbers) in placements {
            let mean = Double(numbers.reduce(0, +)) / Double(numbers.count)
            merged.placements[marker] = PhaseID(number: Int(mean.rounded(.toNearestOrAwayFromZero)))
        }
        for (id, tally) in roadSigns { merged.roadSigns[id] = tally.seen * 2 > tally.answered }
        return merged
    }
}

extension Scorer {
    /// Scores an organization's merged respondents; the result carries `respondents` and `disagreement`.
    package func score(_ merge: OrganizationMerge, target: PhaseID? = nil) -> ScoreResult {
        let sources =
            merge.sources.count <= 3
            ? merge.sources.joined(separator: "; ")
            : merge.sources.prefix(3).joined(separator: "; ") + "; and \(merge.sources.count - 3) more"
        var result = score(merge.assessment, evidence: merge.evidence, source: sources, target: target)
        result.respondents = merge.respondents
        result.disagreement = merge.disagreement
        return result
    }
}
