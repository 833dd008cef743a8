import LAERFormats
import LAERValues

/// Escaping for Markdown, so that user text never turns into markup.
package enum Markdown {
    /// Escapes the characters that start emphasis, code, links, HTML or headings.
    package static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|": result += "\\" + String(character)
            case "\n", "\r", "\r\n": result += " "  // CR LF is one Character
            default: result.append(character)
            }
        }
        return result
    }

    /// One table row from already escaped cells.
    package static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    /// A table: a header row, the alignment row and the body.
    package static func table(_ header: [String], _ rows: [[String]]) -> String {
        ([row(header), row(header.map { _ in "---" })] + rows.map(row)).joined(separator: "\n") + "\n"
    }
}
