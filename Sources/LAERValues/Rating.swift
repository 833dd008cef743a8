/// How far a capability is in place, as a respondent rates it.
package enum Rating: String, CaseIterable, Sendable, Comparable {
    case not
    case partially
    case largely
    case fully
    /// Not applicable: left out of every mean and counted apart.
    case na

    /// The value the scoring rules give it: 0, 1/3, 2/3, 1; nil for `na`.
    package var value: Double? {
        switch self {
        case .not: 0
        case .partially: 1.0 / 3.0
        case .largely: 2.0 / 3.0
        case .fully: 1
        case .na: nil
        }
    }

    /// The four ratings that carry a value, lowest first.
    package static let scale: [Rating] = [.not, .partially, .largely, .fully]

    /// Reads a rating as people write it: the word, its first letter (N, P, L, F), 0–3, `na`,
    /// `n/a` or `x` for not applicable; any case, surrounding spaces ignored.
    package init?(reading text: String) {
        let word = text.trimmingSpaces().lowercased()
        switch word {
        case "not", "n", "0": self = .not
        case "partially", "p", "1": self = .partially
        case "largely", "l", "2": self = .largely
        case "fully", "f", "3": self = .fully
        case "na", "n/a", "x": self = .na
        default: return nil
        }
    }

    /// The rating whose value is nearest to `value` (0…1), for means of several ratings.
    package init(nearestTo value: Double) {
        let index = Int((min(max(value, 0), 1) * 3).rounded(.toNearestOrAwayFromZero))
        self = Rating.scale[index]
    }

    /// The spellings `init(reading:)` accepts, for messages.
    package static let acceptedSpellings = "not, partially, largely, fully or na (or N, P, L, F, 0–3)"

    package static func < (lhs: Rating, rhs: Rating) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
