import LAERValues

/// The respondents of one organization merged into one assessment, as the contract says: an
/// item's value is the mean of its respondents' values, N/A and unanswered left out.
///
/// Built by adding one assessment at a time, so a batch keeps one of these per organization and
/// never all the assessments.
package struct OrganizationMerge: Sendable {
    package var organization: String
    package private(set) var respondents = 0
    package private(set) var sources: [String] = []

    struct Tally: Sendable {
        var total = 0.0
        var answered = 0
        var notApplicable = 0
        var lowest = Int.max
        var highest = Int.min
    }

    var tallies: [String: Tally] = [:]
    var latestDate = ""
    var periods: [String: Int] = [:]
    var placements: [MarkerID: [Int]] = [:]
    var roadSigns: [String: (seen: Int, answered: Int)] = [:]
    var questionnaireID = ""
    var questionnaireVersion = ""

    package init(organization: String) {
        self.organization = organization
    }

    package mutating func add(_ assessment: Assessment, source: String) {
        respondents += 1
        sources.append(source)
        questionnaireID = assessment.questionnaireID
        questionnaireVersion = assessment.questionnaireVersion
        if assessment.assessedOn > latestDate { latestDate = assessment.assessedOn }
        if let period = assessment.period { periods[period, default: 0] += 1 }
        for (marker, phase) in assessment.placements { placements[marker, default: []].append(phase.number) }
        for (id, seen) in assessment.roadSigns {
            var tally = roadSigns[id] ?? (0, 0)
            tally.answered += 1
            if seen { tally.seen += 1 }
            roadSigns[id] = tally
        }
        for (id, answer) in assessment.answers {
            var tally = tallies[id] ?? Tally()
            if let value = answer.rating.value, let level = Rating.scale.firstIndex(of: answer.rating) {
                tally.total += value
                tally.answered += 1
                tally.lowest = min(tally.lowest, level)
                tally.highest = max(tally.highest, level)
            } else {
                tally.notApplicable += 1
            }
            tallies[id] = tally
        }
    }

    /// Each item's mean value; N/A only where every respondent who answered said N/A.
    package var values: ItemValues {
        ItemValues(
            items: tallies.compactMapValues { tally in
                tally.answered > 0 ? .value(tally.total / Double(tally.answered)) : tally.notApplicable > 0 ? .notApplicable : nil
            })
    }

    /// Capabilities whose ratings span two or more levels (say `not` and `largely`), widest first,
    /// then in questionnaire order.
    package func disagreement(in questionnaire: Questionnaire) -> [String] {
        let spans = questionnaire.capabilities.compactMap { capability -> (id: String, span: Int)? in
            guard let tally = tallies[capability.id], tally.answered > 1, tally.highest - tally.lowest >= 2 else { return nil }
            return (capability.id, tally.highest - tally.lowest)
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
            questionnaireID: questionnaireID, questionnaireVersion: questionnaireVersion,
            respondent: Respondent(organization: organization), assessedOn: latestDate, period: period)
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
        var result = score(merge.assessment, values: merge.values, source: sources, target: target)
        result.respondents = merge.respondents
        result.disagreement = merge.disagreement(in: questionnaire)
        return result
    }
}
