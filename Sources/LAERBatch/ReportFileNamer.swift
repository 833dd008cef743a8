/// Turns inputs and respondents into safe, unique report file names for `--out DIR`: no path
/// separators, no `..`, no hidden files, nothing empty, and never the same name twice.
package struct ReportFileNamer: Sendable {
    private var used: Set<String> = ["summary.csv"]
    private var nextCounter: [String: Int] = [:]

    package init() {}

    /// The longest stem in characters, so that a name stays readable in a listing.
    static let stemLength = 80
    /// The longest stem in UTF-8 bytes: with a `-N` counter and an extension it stays well within
    /// NAME_MAX (255 bytes), whatever script the name is written in.
    static let stemBytes = 200

    /// A name made only of letters, digits (and their combining marks), `-`, `_` and `.`, at most
    /// `stemLength` characters and `stemBytes` bytes, starting and ending with neither a dot nor a
    /// dash; `report` if nothing is left.
    ///
    /// Read by Unicode scalars, so that a control character, a bidi control, a joiner or a path
    /// separator inside a grapheme cluster is a separator too.
    package static func safeStem(_ text: String) -> String {
        var stem = String.UnicodeScalarView()
        var separators = ""
        var afterKept = false
        // Characters outside the safe set become separators; a run of separators becomes one
        // dash, or stays a single dot when it is only that (`a.b`), so `..` never survives.
        func flushSeparators() {
            guard !separators.isEmpty else { return }
            stem.append(contentsOf: (separators == "." ? "." : "-").unicodeScalars)
            separators = ""
        }
        for scalar in text.unicodeScalars {
            switch kind(of: scalar) {
            case .kept:
                flushSeparators()
                stem.append(scalar)
                afterKept = true
            case .mark where afterKept:
                stem.append(scalar)
            default:
                separators.append(scalar == "." ? "." : "-")
                afterKept = false
            }
        }
        flushSeparators()
        var result = Substring(String(stem))
        while let first = result.first, first == "." || first == "-" { result.removeFirst() }
        // Cut at a character, so that no letter loses its accent, then bound the bytes.
        if result.count > stemLength { result = result.prefix(stemLength) }
        while result.utf8.count > stemBytes { result.removeLast() }
        while let last = result.last, last == "." || last == "-" { result.removeLast() }
        return result.isEmpty ? "report" : String(result)
    }

    private enum ScalarKind { case kept, mark, separator }

    private static func kind(of scalar: Unicode.Scalar) -> ScalarKind {
        if scalar == "_" { return .kept }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
            .letterNumber, .otherNumber:
            return .kept
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .mark
        default:
            return .separator
        }
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

    /// A path's file name, without its directory.
    package static func fileName(of path: String) -> String { split(path).file }

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
        let key = candidate.lowercased()
        // Counting on from the last counter of this name keeps a batch of one name linear.
        var counter = nextCounter[key] ?? 2
        while used.contains(candidate.lowercased()) {
            candidate = "\(safe)-\(counter).\(fileExtension)"
            counter += 1
        }
        nextCounter[key] = counter
        used.insert(candidate.lowercased())
        return candidate
    }
}
