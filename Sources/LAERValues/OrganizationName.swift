/// How organizations are told apart across respondents, quarters and peers.
///
/// Names are matched with case, surrounding and repeated spaces and trailing full stops folded,
/// so "ACME Corp." and "Acme  Corp" are one organization.
package enum OrganizationName {
    /// What a result without an organization is grouped and shown under.
    package static let none = "(no organization)"

    /// The folded form two spellings of one organization share; the key of a key is itself.
    ///
    /// Read by Unicode scalars, not characters: a combining mark after a space joins it into a
    /// character that is no space, so a second folding would differ. A name of nothing but full
    /// stops keeps them, so that it is not taken for no name.
    package static func key(_ name: String?) -> String {
        guard let name else { return "" }
        var words = String.UnicodeScalarView()
        for scalar in name.lowercased().unicodeScalars {
            if !scalar.properties.isWhitespace {
                words.append(scalar)
            } else if let last = words.last, last != " " {
                words.append(" ")
            }
        }
        while words.last == " " { words.removeLast() }
        var folded = words
        while let last = folded.last, last == "." || last == " " { folded.removeLast() }
        return String(folded.isEmpty ? words : folded)
    }
}

/// The spellings seen of one organization, so that a report can show the most frequent.
package struct OrganizationSpellings: Sendable, Equatable {
    struct Count: Sendable, Equatable {
        var spelling: String
        var count: Int
    }

    /// In the order first seen.
    private var counts: [Count] = []

    package init() {}

    package mutating func add(_ spelling: String?, times: Int = 1) {
        guard let spelling else { return }
        if let index = counts.firstIndex(where: { $0.spelling == spelling }) {
            counts[index].count += times
        } else {
            counts.append(Count(spelling: spelling, count: times))
        }
    }

    /// Adds every spelling `other` saw, as often as it saw it.
    package mutating func add(_ other: OrganizationSpellings) {
        for entry in other.counts { add(entry.spelling, times: entry.count) }
    }

    /// The spelling most respondents used; of equally frequent ones, the first seen.
    package var mostFrequent: String? {
        var best: Count?
        for entry in counts where entry.count > best?.count ?? 0 { best = entry }
        return best?.spelling
    }
}

extension Assessment {
    /// The period a result belongs to in comparisons: the `period` given, or else the calendar
    /// quarter of `assessedOn` (`2026-Q3`); nil when neither is there.
    package var comparisonPeriod: String? {
        if let period, !period.trimmingSpaces().isEmpty { return period.trimmingSpaces() }
        return Quarter(date: assessedOn)?.label
    }
}
