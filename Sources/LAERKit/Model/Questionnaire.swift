/// A capability questionnaire (`laer-questionnaire/1`): what to ask and how to score it.
public struct Questionnaire: Sendable, Equatable {
    public static let schema = "laer-questionnaire/1"

    public var id: String
    public var version: SemanticVersion
    public var title: String
    public var phases: [Phase]
    public var markers: [Marker]
    public var capabilities: [Capability] {
        didSet { positions = Self.positions(of: capabilities) }
    }
    public var roadSigns: [RoadSign]
    public var scoring: ScoringThresholds

    public init(
        id: String, version: SemanticVersion, title: String, phases: [Phase], markers: [Marker],
        capabilities: [Capability], roadSigns: [RoadSign], scoring: ScoringThresholds = .default
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.phases = phases
        self.markers = markers
        self.capabilities = capabilities
        self.roadSigns = roadSigns
        self.scoring = scoring
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
    public func hasCapability(_ id: String) -> Bool { positions[id] != nil }

    public func phase(_ id: PhaseID) -> Phase? { phases.first { $0.id == id } }

    public func marker(_ id: MarkerID) -> Marker? { markers.first { $0.id == id } }

    public func capability(_ id: String) -> Capability? { positions[id].map { capabilities[$0] } }

    /// The capabilities of one marker and phase, in questionnaire order.
    public func capabilities(of marker: MarkerID, in phase: PhaseID) -> [Capability] {
        capabilities.filter { $0.marker == marker && $0.phase == phase }
    }

    /// The display name of a phase, falling back to its id.
    public func name(of phase: PhaseID) -> String { self.phase(phase)?.name ?? phase.rawValue }

    /// The display name of a marker, falling back to its id.
    public func name(of marker: MarkerID) -> String { self.marker(marker)?.name ?? marker.rawValue }
}

/// One phase of the journey as the questionnaire names and describes it.
public struct Phase: Sendable, Equatable {
    public var id: PhaseID
    public var name: String
    public var summary: String?

    public init(id: PhaseID, name: String, summary: String? = nil) {
        self.id = id
        self.name = name
        self.summary = summary
    }
}

/// One marker with what it looks like in each phase (the survey's self-placement choices).
public struct Marker: Sendable, Equatable {
    public var id: MarkerID
    public var name: String
    public var description: String?
    public var profiles: [PhaseID: String]

    public init(id: MarkerID, name: String, description: String? = nil, profiles: [PhaseID: String]) {
        self.id = id
        self.name = name
        self.description = description
        self.profiles = profiles
    }
}

/// A sign that a company is on the right path, answered yes or no.
public struct RoadSign: Sendable, Equatable {
    public var id: String
    public var statement: String

    public init(id: String, statement: String) {
        self.id = id
        self.statement = statement
    }
}

/// The two attainment thresholds of the scoring rules.
public struct ScoringThresholds: Sendable, Equatable {
    /// Attainment at or above which a phase is reached.
    public var reach: Double
    /// Attainment every lower phase needs before a higher one can be reached.
    public var consolidate: Double

    public static let `default` = ScoringThresholds(reach: 0.5, consolidate: 0.85)

    public init(reach: Double, consolidate: Double) {
        self.reach = reach
        self.consolidate = consolidate
    }
}
