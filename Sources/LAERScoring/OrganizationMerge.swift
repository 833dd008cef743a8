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
        /// Respondents per level of `Rating.scale`.
        var counts: (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)
        var notApplicable: Int32 = 0

        var answered: Int32 { counts.0 + counts.1 + counts.2 + counts.3 }
        /// `counts` as `RatingSpread` takes them.
        var levels: [Int] { [Int(counts.0), Int(counts.1), Int(counts.2), Int(counts.3)] }

        mutating func count(level: Int) {
            switch level {
            case 0: counts.0 += 1
            case 1: counts.1 += 1
            case 2: counts.2 += 1
            default: counts.3 += 1
            }
        }
    }

    /// By questionnaire position.
    var tallies: [Tally]
    /// Respondents' notes by questionnaire position, each with who wrote it, the first few in the
    /// order they came, and how many more there were: a merge's memory grows with the
    /// questionnaire, not with the number of respondents.
    var notes: [Int: (kept: [EvidenceNote], more: Int)] = [:]
    /// Who said what: the first few hundred respondents' ratings by position (`Rating.level`, nil
    /// where unanswered); the rest are only counted in `tallies`.
    var said: [(author: String, ratings: [Rating?])] = []
    /// Whether `said` is kept: not under `--anonymize`, nor where no report shows it.
    package let recordsWho: Bool
    /// Whether the notes are kept: a trend and a peer group show none.
    package let keepsNotes: Bool
    /// The version the answers are scored with.
    package let questionnaire: Questionnaire
    package private(set) var latestDate = ""
    /// The periods respondents wrote (spellings of one `period`), with how many wrote each.
    var periods: [(period: String, count: Int)] = []
    /// Each marker's placements as phase numbers, by `MarkerID.index`: their sum and count.
    var placements = [(sum: Int32, count: Int32)](repeating: (0, 0), count: MarkerID.allCases.count)
    /// Each road sign of the questionnaire, by position: how many see it and how many answered.
    var roadSigns: [(seen: Int32, answered: Int32)]

    package init(
        key: String, period: String?, questionnaire: Questionnaire, recordsWho: Bool = true, keepsNotes: Bool = true
    ) {
        self.key = key
        self.period = period
        self.recordsWho = recordsWho
        self.keepsNotes = keepsNotes
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
        _ assessment: Assessment, ratings: [Rating?]? = nil, notes: [PositionedNote] = [],
        positionedIn ratingsQuestionnaire: Questionnaire? = nil, source: String
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
        // This respondent's ratings by this merge's positions, kept only for who said what.
        let recording = recordsWho && said.count < Self.keptRespondents
        var own = recording ? [Rating?](repeating: nil, count: questionnaire.capabilities.count) : []
        func record(_ rating: Rating, at position: Int) {
            tally(rating, at: position)
            if recording { own[position] = rating }
        }
        if let ratings {
            let source = ratingsQuestionnaire ?? questionnaire
            let samePositions = source.id == questionnaire.id && source.version == questionnaire.version
            for (position, rating) in zip(source.capabilities.indices, ratings) {
                guard let rating else { continue }
                if samePositions {
                    record(rating, at: position)
                } else if let ours = questionnaire.position(of: source.capabilities[position].id) {
                    record(rating, at: ours)
                }
            }
        }
        let author = assessment.respondent.name ?? assessment.respondent.role ?? "respondent \(respondents)"
        for (id, answer) in assessment.answers {
            guard let position = questionnaire.position(of: id) else { continue }
            if ratings == nil { record(answer.rating, at: position) }
            if keepsNotes, let note = answer.note, !note.isEmpty {
                keep(EvidenceNote(capability: id, note: note, author: author), at: position)
            }
        }
        for note in notes where keepsNotes && !note.text.isEmpty {
            let id = (ratingsQuestionnaire ?? questionnaire).capabilities[note.position].id
            guard let position = questionnaire.position(of: id) else { continue }
            keep(EvidenceNote(capability: id, note: note.text, author: author), at: position)
        }
        if recording { said.append((author, own)) }
    }

    /// How many sources, notes per capability and respondents' ratings a merge keeps.
    static let keptSources = 3
    static let keptNotes = 20
    static let keptRespondents = 200

    mutating func keep(_ note: EvidenceNote, at position: Int) {
        var kept = notes[position] ?? ([], 0)
        if kept.kept.contains(note) { return }
        if kept.kept.count < Self.keptNotes { kept.kept.append(note) } else { kept.more += 1 }
        notes[position] = kept
    }

    mutating func tally(_ rating: Rating, at position: Int) {
        if let value = rating.value {
            tallies[position].total += value
            tallies[position].count(level: rating.level)
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

    /// The respondents' notes on the capability at `position`, as one text for a diff: the first
    /// few distinct notes joined by " / ", and how many more.
    package func noteText(at position: Int) -> String? {
        guard let kept = notes[position] else { return nil }
        var texts: [String] = []
        for note in kept.kept where !texts.contains(note.note) { texts.append(note.note) }
        let shown = texts.prefix(Self.notesInText)
        let more = texts.count - shown.count + kept.more
        return shown.joined(separator: " / ") + (more > 0 ? " / and \(more) more" : "")
    }

    static let notesInText = 3

    /// Every kept note, in questionnaire order and then the order respondents were read.
    package var evidenceNotes: [EvidenceNote] {
        notes.keys.sorted().flatMap { notes[$0]!.kept }
    }

    /// The capabilities whose ratings span two or more levels, widest first (then in questionnaire
    /// order), with who said what when it is kept.
    package var spreads: [RatingSpread] {
        let spreads = tallies.enumerated().compactMap { position, tally -> (spread: RatingSpread, order: Int)? in
            guard
                var spread = RatingSpread(
                    capability: questionnaire.capabilities[position].id, counts: tally.levels,
                    notApplicable: Int(tally.notApplicable), said: [])
            else { return nil }
            spread.said = said.compactMap { respondent in
                respondent.ratings[position].map { RatingSpread.Said(author: respondent.author, rating: $0) }
            }
            return (spread, position)
        }
        return RatingSpread.widestFirst(spreads)
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
    /// Scores an organization's merged respondents; the result carries `respondents`, each
    /// respondent's notes and the spreads of their ratings.
    package func score(_ merge: OrganizationMerge, target: PhaseID? = nil) -> ScoreResult {
        let more = merge.respondents - merge.sources.count
        let sources = merge.sources.joined(separator: "; ") + (more > 0 ? "; and \(more) more" : "")
        var result = score(
            merge.assessment, evidence: merge.evidence, notes: merge.evidenceNotes, source: sources, target: target)
        result.respondents = merge.respondents
        result.spreads = merge.spreads
        return result
    }
}
