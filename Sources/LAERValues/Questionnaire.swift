/// A capability questionnaire (`laer-questionnaire/1`): what to ask and how to score it.
package struct Questionnaire: Sendable, Equatable {
    package static let schema = "laer-questionnaire/1"

    package var id: String
    package var version: SemanticVersion
    package var title: String
    package var phases: [Phase]
    package var markers: [Marker]
    package var capabilities: [Capability] {
        didSet { positions = Self.positions(of: capabilities) }
    }
    package var roadSigns: [RoadSign]
    package var scoring: ScoringThresholds
    /// The works the capabilities' `source.file` names, as a person reads them cited.
    package var references: [Reference]

    package init(
        id: String, version: SemanticVersion, title: String, phases: [Phase], markers: [Marker],
        capabilities: [Capability], roadSigns: [RoadSign], scoring: ScoringThresholds = .default,
        references: [Reference] = []
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.phases = phases
        self.markers = markers
        self.capabilities = capabilities
        self.roadSigns = roadSigns
        self.scoring = scoring
        self.references = references
        positions = Self.positions(of: capabilities)
    }

    /// Each capability's index by id (the first, should an invalid document repeat one), for
    /// lookups in the hot path of batch scoring.
    private var positions: [String: Int]

    private static func positions(of capabilities: [Capability]) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (index, capability) in capabilities.enumerated() where positions[capability.id] == nil {
            positions[capability.id] = index
        }
        return positions
    }

    /// Whether `id` names a capability, without copying it.
    package func hasCapability(_ id: String) -> Bool { positions[id] != nil }

    package func phase(_ id: PhaseID) -> Phase? { phases.first { $0.id == id } }

    package func marker(_ id: MarkerID) -> Marker? { markers.first { $0.id == id } }

    package func capability(_ id: String) -> Capability? { positions[id].map { capabilities[$0] } }

    /// Where the capability `id` stands in `capabilities`.
    package func position(of id: String) -> Int? { positions[id] }

    /// The capabilities of one marker and phase, in questionnaire order.
    package func capabilities(of marker: MarkerID, in phase: PhaseID) -> [Capability] {
        capabilities.filter { $0.marker == marker && $0.phase == phase }
    }

    /// The display name of a phase, falling back to its id.
    package func name(of phase: PhaseID) -> String { self.phase(phase)?.name ?? phase.rawValue }

    /// The display name of a marker, falling back to its id.
    package func name(of marker: MarkerID) -> String { self.marker(marker)?.name ?? marker.rawValue }

    /// How a person reads a capability's source named: its reference's citation, or (in a
    /// questionnaire that lacks the reference) the file name it gives.
    package func citation(of source: SourceNote) -> String {
        references.first { $0.file == source.file }?.citation ?? source.file
    }

    /// "stated in Thomas Lah (TSIA), “LAER Explained” (2017-10-17)": whether the source says it, and which.
    package func sourceSummary(of source: SourceNote) -> String {
        source.basis.phrase + " " + citation(of: source)
    }
}

/// A work the questionnaire is traced to, by the file name its capabilities' sources give.
package struct Reference: Sendable, Equatable {
    package var file: String
    package var title: String
    /// The author, or the publisher where the work names no author.
    package var author: String
    /// When it was published: a date, a year, or "undated".
    package var date: String

    package init(file: String, title: String, author: String, date: String) {
        self.file = file
        self.title = title
        self.author = author
        self.date = date
    }

    /// `Author, “Title” (date)`, without the date where it is undated.
    package var citation: String {
        let when = date.lowercased() == Self.undated ? "" : " (\(date))"
        return "\(author), “\(title)”\(when)"
    }

    /// The date of a work that gives none.
    package static let undated = "undated"
}

/// One phase of the journey as the questionnaire names and describes it.
package struct Phase: Sendable, Equatable {
    package var id: PhaseID
    package var name: String
    package var summary: String?

    package init(id: PhaseID, name: String, summary: String? = nil) {
        self.id = id
        self.name = name
        self.summary = summary
    }
}

/// One marker with what it looks like in each phase (the survey's self-placement choices).
package struct Marker: Sendable, Equatable {
    package var id: MarkerID
    package var name: String
    package var description: String?
    package var profiles: [PhaseID: String]

    /// How a respondent places a marker by its profiles, which join several statements each: the
    /// survey, the sheet and the printed questionnaire say it in these words.
    package static let placementRule =
        "Each profile is a few short statements: pick the phase where most of them (not necessarily all) are true of your company today; where two phases fit equally, pick the lower one."

    package init(id: MarkerID, name: String, description: String? = nil, profiles: [PhaseID: String]) {
        self.id = id
        self.name = name
        self.description = description
        self.profiles = profiles
    }
}

/// A sign that a company is on the right path, answered yes or no.
package struct RoadSign: Sendable, Equatable {
    package var id: String
    package var statement: String

    package init(id: String, statement: String) {
        self.id = id
        self.statement = statement
    }
}

/// The two attainment thresholds of the scoring rules.
package struct ScoringThresholds: Sendable, Equatable {
    /// Attainment at or above which a phase is reached.
    package var reach: Double
    /// Attainment every lower phase needs before a higher one can be reached.
    package var consolidate: Double

    package static let `default` = ScoringThresholds(reach: 0.5, consolidate: 0.85)

    /// Comparisons with a threshold allow for rounding, so that 0.5 reached exactly counts as reached.
    package static let tolerance = 1e-9

    /// Whether an attainment meets a threshold; no attainment (no evidence) meets none.
    package static func meets(_ attainment: Double?, _ threshold: Double) -> Bool {
        guard let attainment else { return false }
        return attainment >= threshold - tolerance
    }

    package init(reach: Double, consolidate: Double) {
        self.reach = reach
        self.consolidate = consolidate
    }

    /// The lowest index a marker in `phase` can have: each phase below it consolidated, its own reached.
    package func lowestIndex(of phase: PhaseID) -> Double {
        phase == .traditionalTransactional ? 1 : 1 + Double(phase.number - 2) * consolidate + reach
    }
}
