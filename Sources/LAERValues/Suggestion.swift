/// Finds the closest valid word to a mistyped one, for "did you mean …?" hints.
///
/// Bounded, so that hostile input costs little: a word longer than
/// `InputLimits.suggestedWordLength` gets no search, and the edit distance gives up on a
/// candidate as soon as it cannot be close enough.
package enum Suggestion {
    /// The candidate nearest to `word`, or nil when none is close enough to be a plausible typo.
    package static func closest(to word: String, among candidates: [String]) -> String? {
        guard word.utf8.count <= InputLimits.suggestedWordLength * 4 else { return nil }
        let letters = Array(word.lowercased())
        guard letters.count <= InputLimits.suggestedWordLength else { return nil }
        let lowered = String(letters)
        if let exact = candidates.first(where: { $0.lowercased() == lowered }) { return exact }
        if lowered.count >= 2, let prefixed = candidates.first(where: { $0.lowercased().hasPrefix(lowered) }) {
            return prefixed
        }
        if let stem = candidates.first(where: { $0.count >= 3 && lowered.hasPrefix($0.lowercased()) }) {
            return stem
        }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let other = Array(candidate.lowercased())
            let shorter = min(letters.count, other.count)
            // Very short words are too alike to guess between: "-x" is not a typo of "-f".
            let allowed = min(shorter >= 3 ? max(1, shorter / 3) : 0, (best?.distance ?? .max) - 1)
            guard abs(letters.count - other.count) <= allowed,
                let distance = distance(letters, other, atMost: allowed)
            else { continue }
            best = (candidate, distance)
        }
        return best?.candidate
    }

    /// Levenshtein distance, counting a swap of two neighbouring characters as one edit.
    package static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        distance(Array(lhs), Array(rhs), atMost: .max) ?? .max
    }

    /// `editDistance` of two words, or nil as soon as it is known to exceed `limit`: each row of
    /// the table is only as wide as the words, and a row whose smallest entry is over the limit
    /// ends the search.
    static func distance(_ a: [Character], _ b: [Character], atMost limit: Int) -> Int? {
        if a.isEmpty { return b.count <= limit ? b.count : nil }
        if b.isEmpty { return a.count <= limit ? a.count : nil }
        var beforeLast = [Int](repeating: 0, count: b.count + 1)
        var last = Array(0...b.count)
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            var smallest = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(last[j] + 1, row[j - 1] + 1, last[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, beforeLast[j - 2] + 1)
                }
                row[j] = value
                smallest = min(smallest, value)
            }
            if smallest > limit { return nil }
            (beforeLast, last, row) = (last, row, beforeLast)
        }
        return last[b.count] <= limit ? last[b.count] : nil
    }

    /// How many candidates `expectedOneOf` names before it counts the rest.
    static let namedCandidates = 12

    /// `expected one of a, b, c (did you mean "b"?)`, the tail of a message about a bad value;
    /// a long list is cut after `namedCandidates`, the rest counted.
    package static func expectedOneOf(_ candidates: [String], for value: String) -> String {
        var text = "expected one of \(candidates.prefix(namedCandidates).joined(separator: ", "))"
        if candidates.count > namedCandidates { text += " or \(candidates.count - namedCandidates) more" }
        if let closest = closest(to: value, among: candidates) {
            text += " (did you mean \"\(closest)\"?)"
        }
        return text
    }
}
