/// One capability a company can rate: what it is, how to judge it, and how to build it.
public struct Capability: Sendable, Equatable {
    public var id: String
    public var marker: MarkerID
    public var phase: PhaseID
    public var statement: String
    /// What evidence counts when rating it.
    public var help: String
    /// The first concrete step to build it.
    public var action: String
    /// 1 to 3: how much the sources stress it.
    public var weight: Int
    public var motions: [Motion]
    public var researchArea: String
    public var source: SourceNote
    public var dependsOn: [String]

    public init(
        id: String, marker: MarkerID, phase: PhaseID, statement: String, help: String, action: String,
        weight: Int, motions: [Motion], researchArea: String, source: SourceNote, dependsOn: [String] = []
    ) {
        self.id = id
        self.marker = marker
        self.phase = phase
        self.statement = statement
        self.help = help
        self.action = action
        self.weight = weight
        self.motions = motions
        self.researchArea = researchArea
        self.source = source
        self.dependsOn = dependsOn
    }
}

/// Where a capability comes from, so that a consultant can tell fact from inference.
public struct SourceNote: Sendable, Equatable {
    public enum Basis: String, CaseIterable, Sendable {
        /// The source says it outright.
        case stated
        /// Derived from the source; the source does not say it.
        case inferred
    }

    public var file: String
    public var basis: Basis
    public var note: String

    public init(file: String, basis: Basis, note: String) {
        self.file = file
        self.basis = basis
        self.note = note
    }
}
