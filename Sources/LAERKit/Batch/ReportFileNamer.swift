/// Turns inputs and respondents into safe, unique report file names for `--out DIR`: no path
/// separators, no `..`, no hidden files, nothing empty, and never the same name twice.
public struct ReportFileNamer: Sendable {
    private var used: Set<String> = ["summary.csv"]

    public init() {}

    /// A name made only of letters, digits, `-`, `_` and `.`, at most 80 characters; `report` if nothing is left.
    public static func safeStem(_ text: String) -> String {
        var stem = ""
        var lastWasDash = false
        for character in text {
            let keep = character.isLetter || character.isNumber || character == "_" || character == "."
            if keep {
                stem.append(character)
                lastWasDash = false
            } else if !lastWasDash {
                stem.append("-")
                lastWasDash = true
            }
        }
        while let first = stem.first, first == "." || first == "-" { stem.removeFirst() }
        while let last = stem.last, last == "." || last == "-" { stem.removeLast() }
        while stem.contains("..") { stem = stem.replacing("..", with: ".") }
        if stem.count > 80 { stem = String(stem.prefix(80)) }
        return stem.isEmpty ? "report" : stem
    }

    /// The input's file name without its directory and extension.
    public static func baseName(of path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }

    /// A new unique name `stem.extension`, adding `-2`, `-3`, … on a collision (case-insensitively,
    /// so that case-insensitive file systems keep every report too).
    public mutating func name(_ stem: String, extension fileExtension: String) -> String {
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
