/// One capability's rating in a result: the respondent's own, or for merged respondents the rating
/// nearest their mean.
package struct CapabilityRating: Sendable, Equatable {
    package var capability: String
    package var rating: Rating

    package init(capability: String, rating: Rating) {
        self.capability = capability
        self.rating = rating
    }
}

/// A respondent's note on one capability: evidence, which every report shows.
package struct EvidenceNote: Sendable, Equatable {
    package var capability: String
    package var note: String
    /// Who wrote it, in a merged result: the respondent's name (a pseudonym under `--anonymize`),
    /// else their role, else "respondent N" by the order they were read; nil in a single result.
    package var author: String?

    package init(capability: String, note: String, author: String? = nil) {
        self.capability = capability
        self.note = note
        self.author = author
    }
}

/// A note as a fast reader yields it: the questionnaire position of its capability, and its text.
package struct PositionedNote: Sendable, Equatable {
    package var position: Int
    package var text: String

    package init(position: Int, text: String) {
        self.position = position
        self.text = text
    }
}

/// How the respondents of a merged result rated one capability whose ratings span two or more
/// levels: the spread, the count per rating, and who said what.
package struct RatingSpread: Sendable, Equatable {
    /// One respondent's rating of the capability.
    package struct Said: Sendable, Equatable {
        package var author: String
        package var rating: Rating

        package init(author: String, rating: Rating) {
            self.author = author
            self.rating = rating
        }
    }

    /// The standard deviation of the levels (0–3) from which a spread is notable, and shown first.
    ///
    /// Two respondents two levels apart give 1.0, and a third of a team two levels from
    /// the rest 0.94; one respondent two levels from three or more who agree gives 0.87 or less,
    /// so a lone dissent shows in the full table only, however many respondents there are.
    package static let notableDeviation = 0.9
    /// How many notable spreads a report shows before its full table.
    package static let shownFirst = 5

    package var capability: String
    /// Respondents per level of `Rating.scale`, lowest first.
    package var counts: [Int]
    /// Respondents who said N/A.
    package var notApplicable: Int
    /// The population standard deviation of the levels, in levels.
    package var deviation: Double
    /// Each respondent's rating, in the order they were read; empty under `--anonymize`, and for
    /// respondents beyond the first few hundred, who are only counted.
    package var said: [Said]

    package init(capability: String, counts: [Int], notApplicable: Int, deviation: Double, said: [Said]) {
        self.capability = capability
        self.counts = counts
        self.notApplicable = notApplicable
        self.deviation = deviation
        self.said = said
    }

    /// The lowest and the highest rating given.
    package var lowest: Rating { Rating.scale[counts.firstIndex { $0 > 0 } ?? 0] }
    package var highest: Rating { Rating.scale[counts.lastIndex { $0 > 0 } ?? 0] }
    /// Levels between the lowest and the highest rating.
    package var span: Int { highest.level - lowest.level }
    package var isNotable: Bool { deviation >= Self.notableDeviation - 1e-9 }

    /// The spread of ratings given `counts` times per level of `Rating.scale`, or nil where they
    /// span fewer than two levels.
    package init?(capability: String, counts: [Int], notApplicable: Int, said: [Said]) {
        guard let low = counts.firstIndex(where: { $0 > 0 }), let high = counts.lastIndex(where: { $0 > 0 }), high - low >= 2
        else { return nil }
        let total = Double(counts.reduce(0, +))
        let mean = counts.indices.reduce(0.0) { $0 + Double($1 * counts[$1]) } / total
        let variance =
            counts.indices.reduce(0.0) { $0 + Double(counts[$1]) * (Double($1) - mean) * (Double($1) - mean) } / total
        self.init(
            capability: capability, counts: counts, notApplicable: notApplicable, deviation: variance.squareRoot(), said: said)
    }

    /// Widest first: by deviation, then by span; `order` breaks ties (questionnaire order).
    package static func widestFirst(_ spreads: [(spread: RatingSpread, order: Int)]) -> [RatingSpread] {
        spreads.sorted { lhs, rhs in
            if abs(lhs.spread.deviation - rhs.spread.deviation) > 1e-9 { return lhs.spread.deviation > rhs.spread.deviation }
            if lhs.spread.span != rhs.spread.span { return lhs.spread.span > rhs.spread.span }
            return lhs.order < rhs.order
        }.map(\.spread)
    }
}

extension Rating {
    /// 0 for `not` up to 3 for `fully`; -1 for `na`.
    package var level: Int { Rating.scale.firstIndex(of: self) ?? -1 }
}
