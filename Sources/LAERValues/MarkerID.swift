/// The five markers on which a company's phase is read.
package enum MarkerID: String, CaseIterable, Comparable, Sendable, Codable {
    case kpis
    case practices
    case compensation
    case organization
    case culture

    /// 0 for KPIs up to 4 for selling culture, the questionnaire's order.
    package var index: Int {
        switch self {
        case .kpis: 0
        case .practices: 1
        case .compensation: 2
        case .organization: 3
        case .culture: 4
        }
    }

    /// Hashes the case, not its raw value (the default for a `String` enum): placements are
    /// read for every input of a batch.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(index)
    }

    package static func < (lhs: MarkerID, rhs: MarkerID) -> Bool { lhs.index < rhs.index }
}
