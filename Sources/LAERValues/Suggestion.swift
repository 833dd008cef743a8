/// Finds the closest valid word to a mistyped one, for "did you mean …?" hints.
package enum Suggestion {
    /// The candidate nearest to `word`, or nil when none is close enough to be a plausible typo.
    package static func closest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        if let exact = candidates.first(where: { $0.lowercased() == lowered }) { return exact }
        if lowered.count >= 2, let prefixed = candidates.first(where: { $0.lowercased().hasPrefix(lowered) }) {
            return prefixed
        }
        if let stem = candidates.first(where: { $0.count >= 3 && lowered.hasPrefix($0.lowercased()) }) {
            return stem
        }
        let scored = candidates.map { (candidate: $0, distance: editDistance(lowered, $0.lowercased())) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        let shorter = min(word.count, best.candidate.count)
        // Very short words are too alike to guess between: "-x" is not a typo of "-f".
        let allowed = shorter >= 3 ? max(1, shorter / 3) : 0
        return best.distance <= allowed ? best.candidate : nil
    }

    /// Levenshtein distance, counting a swap of two neighbouring characters as one edit.
    package static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }

    /// `expected one of a, b, c (did you mean "b"?)`, the tail of a message about a bad value.
    package static func expectedOneOf(_ candidates: [String], for value: String) -> String {
        var text = "expected one of \(candidates.joined(separator: ", "))"
        if let closest = closest(to: value, among: candidates) {
            text += " (did you mean \"\(closest)\"?)"
        }
        return text
    }
}
