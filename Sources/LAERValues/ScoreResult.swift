/// Everything scoring one assessment yields: phases, indices, gaps and the evidence behind them.
///
/// `laer-result/1` is this value written as JSON; every report renders it.
package struct ScoreResult: Sendable, Equatable {
    package static let schema = "laer-result/1"

    package var questionnaireID: String
    package var questionnaireVersion: String
    package var respondent: Respondent
    package var assessedOn: String
    package var period: String?
    /// Where the answers came from (a path, `<stdin>`), one line safe to show (`SafeText.line`):
    /// a file name may hold any byte but `/` and NUL.
    package var source: String
    package var overall: OverallScore
    package var markers: [MarkerScore]
    package var target: PhaseID
    /// Capabilities at or below the target not rated fully, in the contract's order; `rank` starts at 1.
    package var gaps: [Gap]
    /// Unanswered capabilities at or below the target, in questionnaire order.
    package var toVerify: [String]
    package var roadSigns: RoadSignTally
    package var perceptionGaps: [PerceptionGap]
    /// The fewest gaps that, rated fully, lift every marker to the target.
    package var projection: Projection
    /// The gaps grouped into moves, marker by marker, in the order to build them: computed once
    /// here, so that every report shows the same moves.
    package var moves: [GapAnalysis.Move]
    /// Each answered capability's rating (for merged respondents, the one nearest their mean), in
    /// questionnaire order.
    package var ratings: [CapabilityRating] = []
    /// The respondents' notes, in questionnaire order (and the order respondents were read).
    package var notes: [EvidenceNote] = []
    /// For a merged result: how many respondents.
    package var respondents: Int?
    /// For a merged result: the capabilities whose ratings span two or more levels, widest first.
    package var spreads: [RatingSpread]?
    /// The ids of `spreads`: the contract's `disagreement`.
    package var disagreement: [String]? { spreads?.map(\.capability) }
    /// Where the result stands among a peer group (`score --peers`).
    package var peers: PeerStanding?

    /// `projectedGaps`, where the projection's capabilities stand in `gaps`, saves finding them
    /// by id when the caller knows.
    package init(
        questionnaireID: String, questionnaireVersion: String, respondent: Respondent, assessedOn: String, period: String?,
        source: String, overall: OverallScore, markers: [MarkerScore], target: PhaseID, gaps: [Gap], toVerify: [String],
        roadSigns: RoadSignTally, perceptionGaps: [PerceptionGap], projection: Projection,
        respondents: Int? = nil, projectedGaps: [Int]? = nil
    ) {
        self.questionnaireID = questionnaireID
        self.questionnaireVersion = questionnaireVersion
        self.respondent = respondent
        self.assessedOn = assessedOn
        self.period = period
        self.source = SafeText.line(source)
        self.overall = overall
        self.markers = markers
        self.target = target
        self.gaps = gaps
        self.toVerify = toVerify
        self.roadSigns = roadSigns
        self.perceptionGaps = perceptionGaps
        self.projection = projection
        self.respondents = respondents
        moves = GapAnalysis.moves(
            gaps: gaps, projected: projectedGaps ?? GapAnalysis.positions(of: projection.capabilities, in: gaps), markers: markers
        )
    }

    package func marker(_ id: MarkerID) -> MarkerScore? { markers.first { $0.id == id } }

    /// The notes on one capability.
    package func notes(on capability: String) -> [EvidenceNote] { notes.filter { $0.capability == capability } }

    /// Whether nothing at all was answered (not even N/A): a blank template.
    package var isBlank: Bool { ratings.isEmpty }

    /// What a result with nothing answered warns of (JSON's `warnings`).
    package static let blankWarning =
        "nothing is answered: every capability is unanswered, so the phases say nothing yet"
    /// The warning `score` gives on standard error, with what to do.
    package static let blankMessage = blankWarning + "; fill in the ratings and score it again"

    /// The gaps one of `moves` closes, best-ranked first.
    package func gaps(of move: GapAnalysis.Move) -> [Gap] { move.gapIndices.map { gaps[$0] } }
}

/// The company's phase: the lowest marker phase, and the markers that hold it there.
package struct OverallScore: Sendable, Equatable {
    package var phase: PhaseID
    /// Mean of the marker indices, 1.0 to 4.0.
    package var index: Double
    package var limitedBy: [MarkerID]

    package init(phase: PhaseID, index: Double, limitedBy: [MarkerID]) {
        self.phase = phase
        self.index = index
        self.limitedBy = limitedBy
    }
}

/// One marker's score and the evidence for it.
package struct MarkerScore: Sendable, Equatable {
    package var id: MarkerID
    package var phase: PhaseID
    /// 1 + the sum of the attainments of phases 2–4 (1.0 to 4.0).
    package var index: Double
    /// Weighted mean rating per assessed phase; absent where no item was answered.
    package var attainment: PhaseValues
    /// Answered, N/A and unanswered items per assessed phase.
    package var coverage: PhaseCoverage
    /// Why the marker has not reached the phase above its own; empty at LAER Efficient.
    package var blockers: [Blocker]

    package init(
        id: MarkerID, phase: PhaseID, index: Double, attainment: PhaseValues, coverage: PhaseCoverage, blockers: [Blocker]
    ) {
        self.id = id
        self.phase = phase
        self.index = index
        self.attainment = attainment
        self.coverage = coverage
        self.blockers = blockers
    }

    /// Coverage summed over the assessed phases.
    package var totalCoverage: Coverage {
        coverage.values.reduce(Coverage()) { $0 + $1 }
    }
}

/// How many items of a cell were answered, marked N/A, or left unanswered.
package struct Coverage: Sendable, Equatable {
    package var answered: Int
    package var notApplicable: Int
    package var unanswered: Int

    package init(answered: Int = 0, notApplicable: Int = 0, unanswered: Int = 0) {
        self.answered = answered
        self.notApplicable = notApplicable
        self.unanswered = unanswered
    }

    package var total: Int { answered + notApplicable + unanswered }

    package static func + (lhs: Coverage, rhs: Coverage) -> Coverage {
        Coverage(
            answered: lhs.answered + rhs.answered, notApplicable: lhs.notApplicable + rhs.notApplicable,
            unanswered: lhs.unanswered + rhs.unanswered)
    }
}

/// One reason a marker stops below the next phase.
package enum Blocker: Sendable, Equatable {
    /// No item of this phase was answered (all N/A or unanswered).
    case lacksEvidence(PhaseID)
    /// The phase's attainment is below the `reach` threshold.
    case belowReach(PhaseID, attainment: Double, reach: Double)
    /// A lower phase's attainment is below the `consolidate` threshold.
    case notConsolidated(PhaseID, attainment: Double, consolidate: Double)
}

/// A capability at or below the target that is not rated fully.
package struct Gap: Sendable, Equatable {
    package var rank: Int
    package var rating: Rating
    /// weight × (1 − value): what rating it fully would add, before dividing by the cell's weights.
    package var shortfall: Double
    /// What the gap is about, shared by every gap of the capability: a batch makes a gap list
    /// for every input, and one reference costs less to copy than the texts.
    package let about: GapSubject

    package var capability: String { about.capability }
    package var marker: MarkerID { about.marker }
    package var phase: PhaseID { about.phase }
    package var weight: Int { about.weight }
    package var researchArea: String { about.researchArea }
    package var statement: String { about.statement }
    package var action: String { about.action }
    package var motions: [Motion] { about.motions }
    package var basis: SourceNote.Basis { about.basis }
    package var source: String { about.source }

    package init(rank: Int, rating: Rating, shortfall: Double, about: GapSubject) {
        self.rank = rank
        self.rating = rating
        self.shortfall = shortfall
        self.about = about
    }

    package init(
        rank: Int, capability: String, marker: MarkerID, phase: PhaseID, rating: Rating, weight: Int, shortfall: Double,
        researchArea: String, statement: String, action: String, motions: [Motion], basis: SourceNote.Basis
    ) {
        let about = GapSubject(
            capability: capability, marker: marker, phase: phase, weight: weight, researchArea: researchArea,
            statement: statement,
            action: action, motions: motions, basis: basis)
        self.init(rank: rank, rating: rating, shortfall: shortfall, about: about)
    }

    package static func == (lhs: Gap, rhs: Gap) -> Bool {
        lhs.rank == rhs.rank && lhs.rating == rhs.rating && lhs.shortfall == rhs.shortfall && lhs.about == rhs.about
    }
}

/// The capability a gap is about, as the gap reports it: made once per capability and shared.
package final class GapSubject: Sendable, Equatable {
    package let capability: String
    package let marker: MarkerID
    package let phase: PhaseID
    package let weight: Int
    package let researchArea: String
    package let statement: String
    package let action: String
    package let motions: [Motion]
    package let basis: SourceNote.Basis
    /// Whether it is stated or inferred and the work it comes from, as a reader is told it:
    /// "stated in Thomas Lah (TSIA), “LAER Explained…”".
    package let source: String
    /// Where the capability stands in the questionnaire the gap was scored with, when known:
    /// reports that prepare each capability's text once find it here without hashing its id.
    package let position: Int?

    package init(
        capability: String, marker: MarkerID, phase: PhaseID, weight: Int, researchArea: String, statement: String,
        action: String,
        motions: [Motion], basis: SourceNote.Basis, source: String? = nil, position: Int? = nil
    ) {
        self.position = position
        self.source = source ?? basis.phrase + " the sources"
        self.capability = capability
        self.marker = marker
        self.phase = phase
        self.weight = weight
        self.researchArea = researchArea
        self.statement = statement
        self.action = action
        self.motions = motions
        self.basis = basis
    }

    /// The subject of gaps in the capability at `position` of `questionnaire`.
    package convenience init(_ questionnaire: Questionnaire, position: Int) {
        let capability = questionnaire.capabilities[position]
        self.init(
            capability: capability.id, marker: capability.marker, phase: capability.phase, weight: capability.weight,
            researchArea: capability.researchArea, statement: capability.statement, action: capability.action,
            motions: capability.motions, basis: capability.source.basis,
            source: questionnaire.sourceSummary(of: capability.source), position: position)
    }

    package static func == (lhs: GapSubject, rhs: GapSubject) -> Bool {
        lhs === rhs
            || (lhs.capability == rhs.capability && lhs.marker == rhs.marker && lhs.phase == rhs.phase && lhs.weight == rhs.weight
                && lhs.researchArea == rhs.researchArea && lhs.statement == rhs.statement && lhs.action == rhs.action
                && lhs.motions == rhs.motions && lhs.basis == rhs.basis && lhs.source == rhs.source)
    }
}

/// Road signs the respondent sees, of those the questionnaire names.
package struct RoadSignTally: Sendable, Equatable {
    package var present: Int
    package var total: Int
    /// Ids of the signs not seen (answered false or not answered), in questionnaire order.
    package var missing: [String]

    package init(present: Int, total: Int, missing: [String]) {
        self.present = present
        self.total = total
        self.missing = missing
    }
}

/// A marker the respondent placed above the phase its evidence gives.
package struct PerceptionGap: Sendable, Equatable {
    package var marker: MarkerID
    package var placed: PhaseID
    package var evidence: PhaseID

    package init(marker: MarkerID, placed: PhaseID, evidence: PhaseID) {
        self.marker = marker
        self.placed = placed
        self.evidence = evidence
    }
}

/// The smallest set of gaps that, rated fully, would lift every marker to the target phase.
package struct Projection: Sendable, Equatable {
    /// Capability ids, in gap rank order (dependencies they need included).
    package var capabilities: [String]
    /// True when rating these fully reaches the target by the scoring rules; false when
    /// something else is needed first (see `unreachable`).
    package var reachesTarget: Bool
    /// Marker and phase cells that no rating of the answered items can lift: they lack evidence.
    package var unreachable: [Cell]

    package struct Cell: Sendable, Equatable {
        package var marker: MarkerID
        package var phase: PhaseID

        package init(marker: MarkerID, phase: PhaseID) {
            self.marker = marker
            self.phase = phase
        }
    }

    package init(capabilities: [String], reachesTarget: Bool, unreachable: [Cell]) {
        self.capabilities = capabilities
        self.reachesTarget = reachesTarget
        self.unreachable = unreachable
    }
}
