/// Everything scoring one assessment yields: phases, indices, gaps and the evidence behind them.
/// `laer-result/1` is this value written as JSON; every report renders it.
public struct ScoreResult: Sendable, Equatable {
    public static let schema = "laer-result/1"

    public var questionnaireID: String
    public var questionnaireVersion: String
    public var respondent: Respondent
    public var assessedOn: String
    public var period: String?
    /// Where the answers came from (a path, `<stdin>`).
    public var source: String
    public var overall: OverallScore
    public var markers: [MarkerScore]
    public var target: PhaseID
    /// Capabilities at or below the target not rated fully, in the contract's order; `rank` starts at 1.
    public var gaps: [Gap]
    /// Unanswered capabilities at or below the target, in questionnaire order.
    public var toVerify: [String]
    public var roadSigns: RoadSignTally
    public var perceptionGaps: [PerceptionGap]
    /// The fewest gaps that, rated fully, lift every marker to the target.
    public var projection: Projection
    /// For a merged result: how many respondents, and where they disagree (issue 5).
    public var respondents: Int?
    public var disagreement: [String]?

    public init(
        questionnaireID: String, questionnaireVersion: String, respondent: Respondent, assessedOn: String, period: String?,
        source: String, overall: OverallScore, markers: [MarkerScore], target: PhaseID, gaps: [Gap], toVerify: [String],
        roadSigns: RoadSignTally, perceptionGaps: [PerceptionGap], projection: Projection,
        respondents: Int? = nil, disagreement: [String]? = nil
    ) {
        self.questionnaireID = questionnaireID
        self.questionnaireVersion = questionnaireVersion
        self.respondent = respondent
        self.assessedOn = assessedOn
        self.period = period
        self.source = source
        self.overall = overall
        self.markers = markers
        self.target = target
        self.gaps = gaps
        self.toVerify = toVerify
        self.roadSigns = roadSigns
        self.perceptionGaps = perceptionGaps
        self.projection = projection
        self.respondents = respondents
        self.disagreement = disagreement
    }

    public func marker(_ id: MarkerID) -> MarkerScore? { markers.first { $0.id == id } }
}

/// The company's phase: the lowest marker phase, and the markers that hold it there.
public struct OverallScore: Sendable, Equatable {
    public var phase: PhaseID
    /// Mean of the marker indices, 1.0 to 4.0.
    public var index: Double
    public var limitedBy: [MarkerID]

    public init(phase: PhaseID, index: Double, limitedBy: [MarkerID]) {
        self.phase = phase
        self.index = index
        self.limitedBy = limitedBy
    }
}

/// One marker's score and the evidence for it.
public struct MarkerScore: Sendable, Equatable {
    public var id: MarkerID
    public var phase: PhaseID
    /// 1 + the sum of the attainments of phases 2–4 (1.0 to 4.0).
    public var index: Double
    /// Weighted mean rating per assessed phase; absent where no item was answered.
    public var attainment: [PhaseID: Double]
    /// Answered, N/A and unanswered items per assessed phase.
    public var coverage: [PhaseID: Coverage]
    /// Why the marker has not reached the phase above its own; empty at LAER Efficient.
    public var blockers: [Blocker]

    public init(id: MarkerID, phase: PhaseID, index: Double, attainment: [PhaseID: Double], coverage: [PhaseID: Coverage], blockers: [Blocker]) {
        self.id = id
        self.phase = phase
        self.index = index
        self.attainment = attainment
        self.coverage = coverage
        self.blockers = blockers
    }

    /// Coverage summed over the assessed phases.
    public var totalCoverage: Coverage {
        coverage.values.reduce(Coverage()) { $0 + $1 }
    }
}

/// How many items of a cell were answered, marked N/A, or left unanswered.
public struct Coverage: Sendable, Equatable {
    public var answered: Int
    public var notApplicable: Int
    public var unanswered: Int

    public init(answered: Int = 0, notApplicable: Int = 0, unanswered: Int = 0) {
        self.answered = answered
        self.notApplicable = notApplicable
        self.unanswered = unanswered
    }

    public var total: Int { answered + notApplicable + unanswered }

    public static func + (lhs: Coverage, rhs: Coverage) -> Coverage {
        Coverage(answered: lhs.answered + rhs.answered, notApplicable: lhs.notApplicable + rhs.notApplicable,
                 unanswered: lhs.unanswered + rhs.unanswered)
    }
}

/// One reason a marker stops below the next phase.
public enum Blocker: Sendable, Equatable {
    /// No item of this phase was answered (all N/A or unanswered).
    case lacksEvidence(PhaseID)
    /// The phase's attainment is below the `reach` threshold.
    case belowReach(PhaseID, attainment: Double, reach: Double)
    /// A lower phase's attainment is below the `consolidate` threshold.
    case notConsolidated(PhaseID, attainment: Double, consolidate: Double)
}

/// A capability at or below the target that is not rated fully.
public struct Gap: Sendable, Equatable {
    public var rank: Int
    public var capability: String
    public var marker: MarkerID
    public var phase: PhaseID
    public var rating: Rating
    public var weight: Int
    /// weight × (1 − value): what rating it fully would add, before dividing by the cell's weights.
    public var shortfall: Double
    public var researchArea: String
    public var statement: String
    public var action: String
    public var motions: [Motion]
    public var basis: SourceNote.Basis

    public init(
        rank: Int, capability: String, marker: MarkerID, phase: PhaseID, rating: Rating, weight: Int, shortfall: Double,
        researchArea: String, statement: String, action: String, motions: [Motion], basis: SourceNote.Basis
    ) {
        self.rank = rank
        self.capability = capability
        self.marker = marker
        self.phase = phase
        self.rating = rating
        self.weight = weight
        self.shortfall = shortfall
        self.researchArea = researchArea
        self.statement = statement
        self.action = action
        self.motions = motions
        self.basis = basis
    }
}

/// Road signs the respondent sees, of those the questionnaire names.
public struct RoadSignTally: Sendable, Equatable {
    public var present: Int
    public var total: Int
    /// Ids of the signs not seen (answered false or not answered), in questionnaire order.
    public var missing: [String]

    public init(present: Int, total: Int, missing: [String]) {
        self.present = present
        self.total = total
        self.missing = missing
    }
}

/// A marker the respondent placed above the phase its evidence gives.
public struct PerceptionGap: Sendable, Equatable {
    public var marker: MarkerID
    public var placed: PhaseID
    public var evidence: PhaseID

    public init(marker: MarkerID, placed: PhaseID, evidence: PhaseID) {
        self.marker = marker
        self.placed = placed
        self.evidence = evidence
    }
}

/// The smallest set of gaps that, rated fully, would lift every marker to the target phase.
public struct Projection: Sendable, Equatable {
    /// Capability ids, in gap rank order (dependencies they need included).
    public var capabilities: [String]
    /// True when rating these fully reaches the target by the scoring rules; false when
    /// something else is needed first (see `unreachable`).
    public var reachesTarget: Bool
    /// Marker and phase cells that no rating of the answered items can lift: they lack evidence.
    public var unreachable: [Cell]

    public struct Cell: Sendable, Equatable {
        public var marker: MarkerID
        public var phase: PhaseID

        public init(marker: MarkerID, phase: PhaseID) {
            self.marker = marker
            self.phase = phase
        }
    }

    public init(capabilities: [String], reachesTarget: Bool, unreachable: [Cell]) {
        self.capabilities = capabilities
        self.reachesTarget = reachesTarget
        self.unreachable = unreachable
    }
}
