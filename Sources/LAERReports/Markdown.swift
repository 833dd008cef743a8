import LAERFormats
import LAERValues

/// Escaping for Markdown, so that user text never turns into markup.
package enum Markdown {
    /// Escapes the characters that start emphasis, strikethrough, code, links, HTML, entity
    /// references or headings, and folds the text to one line (`SafeText.line`), so that text
    /// from input never turns into markup or a line of its own.
    package static func escape(_ text: String) -> String {
        var result = ""
        for scalar in SafeText.line(text).unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "~", "[", "]", "<", ">", "#", "|", "&":
                result += "\\"
                result.unicodeScalars.append(scalar)
            default: result.unicodeScalars.append(scalar)
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
