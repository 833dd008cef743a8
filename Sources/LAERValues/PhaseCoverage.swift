/// A `Coverage` for some of the four phases: a dictionary keyed by `PhaseID` in four fixed slots.
///
/// Scoring builds one for every marker of every result in a batch: a `Dictionary` would allocate
/// and hash each time, this is four optionals inline. It reads like `[PhaseID: Coverage]`, and iterates
/// in phase order. (Not generic: an unspecialized generic from another module asks the runtime for
/// its metadata on every access.)
package struct PhaseCoverage: Sequence, Sendable, Equatable, ExpressibleByDictionaryLiteral {
    var slots: (Coverage?, Coverage?, Coverage?, Coverage?) = (nil, nil, nil, nil)

    package init() {}

    package init(dictionaryLiteral elements: (PhaseID, Coverage)...) {
        for (phase, value) in elements { self[phase] = value }
    }

    package subscript(phase: PhaseID) -> Coverage? {
        get {
            switch phase {
            case .traditionalTransactional: slots.0
            case .laerExperiment: slots.1
            case .laerEffective: slots.2
            case .laerEfficient: slots.3
            }
        }
        set {
            switch phase {
            case .traditionalTransactional: slots.0 = newValue
            case .laerExperiment: slots.1 = newValue
            case .laerEffective: slots.2 = newValue
            case .laerEfficient: slots.3 = newValue
            }
        }
    }

    package var isEmpty: Bool { slots.0 == nil && slots.1 == nil && slots.2 == nil && slots.3 == nil }

    /// The values present, in phase order.
    package var values: [Coverage] { map(\.value) }

    package func makeIterator() -> some IteratorProtocol<(key: PhaseID, value: Coverage)> {
        PhaseID.allCases.lazy.compactMap { phase in self[phase].map { (phase, $0) } }.makeIterator()
    }

    package static func == (lhs: PhaseCoverage, rhs: PhaseCoverage) -> Bool {
        lhs.slots.0 == rhs.slots.0 && lhs.slots.1 == rhs.slots.1 && lhs.slots.2 == rhs.slots.2 && lhs.slots.3 == rhs.slots.3
    }
}
