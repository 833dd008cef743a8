/// Turns inputs and respondents into safe, unique report file names for `--out DIR`: no path
/// separators, no `..`, no hidden files, nothing empty, and never the same name twice.
package struct ReportFileNamer: Sendable {
    private var used: Set<String> = ["summary.csv"]

    package init() {}

    /// A name made only of letters, digits, `-`, `_` and `.`, at most 80 characters; `report` if nothing is left.
    package static func safeStem(_ text: String) -> String {
        var stem = ""
        var separators = ""
        // Characters outside the safe set become separators; a run of separators becomes one
        // dash, or stays a single dot when it is only that (`a.b`), so `..` never survives.
        func flushSeparators() {
            guard !separators.isEmpty else { return }
            stem += separators == "." ? "." : "-"
            separators = ""
        }
        for character in text {
            if character.isLetter || character.isNumber || character == "_" {
                flushSeparators()
                stem.append(character)
            } else {
                separators.append(character == "." ? "." : "-")
            }
        }
        flushSeparators()
        while let first = stem.first, first == "." || first == "-" { stem.removeFirst() }
        while let last = stem.last, last == "." || last == "-" { stem.removeLast() }
        if stem.count > 80 { stem = String(stem.prefix(80)) }
        return stem.isEmpty ? "report" : stem
    }

    /// The parts of a report's name that are known (organization, period, respondent), joined
    /// by dashes; `safeStem` makes it a file name.
    package static func stem(_ parts: [String?]) -> String {
        parts.compactMap { part in part.flatMap { $0.trimmingSpaces().isEmpty ? nil : $0 } }.joined(separator: "-")
    }

    /// The input's file name without its directory and extension.
    package static func baseName(of path: String) -> String {
        let (file, dot) = split(path)
        return String(dot.map { file[..<$0] } ?? file[...])
    }

    /// The extension of a path's file name (`html` of `out/r.html`), nil when it has none.
    package static func fileExtension(of path: String) -> String? {
        let (file, dot) = split(path)
        return dot.map { String(file[file.index(after: $0)...]) }
    }

    /// A path's file name, and the dot before its extension (none for `.hidden`).
    static func split(_ path: String) -> (file: String, dot: String.Index?) {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return (file, nil) }
        return (file, dot)
    }

    /// A new unique name `stem.extension`, adding `-2`, `-3`, … on a collision (case-insensitively,
    /// so that case-insensitive file systems keep every report too).
    package mutating func name(_ stem: String, extension fileExtension: String) -> String {
        let safe = Self.safeStem(stem)
        var candidate = "\(safe).\(fileExtension)"
        var counter = 2
        while used.contains(candidate.lowercased()) {
            candidate = "\(safe)-\(counter).\(fileExtension)"
            counter += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }
}
