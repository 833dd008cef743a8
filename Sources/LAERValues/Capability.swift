/// One capability a company can rate: what it is, how to judge it, and how to build it.
package struct Capability: Sendable, Equatable {
    package var id: String
    package var marker: MarkerID
    package var phase: PhaseID
    package var statement: String
    /// What evidence counts when rating it.
    package var help: String
    /// The first concrete step to build it.
    package var action: String
    /// 1 to 3: how much the sources stress it.
    package var weight: Int
    package var motions: [Motion]
    package var researchArea: String
    package var source: SourceNote
    package var dependsOn: [String]

    package init(
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
package struct SourceNote: Sendable, Equatable {
    package enum Basis: String, CaseIterable, Sendable {
        /// The source says it outright.
        case stated
        /// Derived from the source; the source does not say it.
        case inferred

        /// "stated in", "inferred from": how a reader is told it, before the work it comes from.
        package var phrase: String { self == .stated ? "stated in" : "inferred from" }
    }

    package var file: String
    package var basis: Basis
    package var note: String

    package init(file: String, basis: Basis, note: String) {
        self.file = file
        self.basis = basis
        self.note = note
    }
}
