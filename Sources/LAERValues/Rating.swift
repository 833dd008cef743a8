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

    /// Every way people write a rating, in lowercase: the word, its first letter, its number 0–3,
    /// and `na`, `n/a` or `x` for not applicable.
    ///
    /// Every reader of ratings matches against these.
    package static let spellings: [(text: String, rating: Rating)] = [
        ("not", .not), ("n", .not), ("0", .not),
        ("partially", .partially), ("p", .partially), ("1", .partially),
        ("largely", .largely), ("l", .largely), ("2", .largely),
        ("fully", .fully), ("f", .fully), ("3", .fully),
        ("na", .na), ("n/a", .na), ("x", .na),
    ]

    /// Reads a rating as people write it (one of `spellings`); any case, surrounding spaces ignored.
    package init?(reading text: String) {
        let word = text.trimmingSpaces().lowercased()
        guard let spelling = Rating.spellings.first(where: { $0.text == word }) else { return nil }
        self = spelling.rating
    }

    /// The rating whose value is nearest to `value` (0…1), for means of several ratings.
    package init(nearestTo value: Double) {
        let index = Int((min(max(value, 0), 1) * 3).rounded(.toNearestOrAwayFromZero))
        self = Rating.scale[index]
    }

    package static func < (lhs: Rating, rhs: Rating) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
