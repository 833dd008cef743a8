/// The four phases of the journey to LAER Efficient, in order.
package enum PhaseID: String, CaseIterable, Comparable, Sendable, Codable {
    case traditionalTransactional = "traditional-transactional"
    case laerExperiment = "laer-experiment"
    case laerEffective = "laer-effective"
    case laerEfficient = "laer-efficient"

    /// 1 for Traditional Transactional up to 4 for LAER Efficient.
    package var number: Int {
        switch self {
        case .traditionalTransactional: 1
        case .laerExperiment: 2
        case .laerEffective: 3
        case .laerEfficient: 4
        }
    }

    /// The phases that capabilities belong to: every phase above the first.
    package static let assessed: [PhaseID] = [.laerExperiment, .laerEffective, .laerEfficient]

    package init?(number: Int) {
        switch number {
        case 1: self = .traditionalTransactional
        case 2: self = .laerExperiment
        case 3: self = .laerEffective
        case 4: self = .laerEfficient
        default: return nil
        }
    }

    package static func < (lhs: PhaseID, rhs: PhaseID) -> Bool { lhs.number < rhs.number }
}
