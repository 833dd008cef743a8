import LAERValues

/// A plain-text report being laid out line by line: headings in capitals, paragraphs wrapped to
/// the width and indented.
///
/// Every text report of every subject builds its lines with it.
package struct TextLayout {
    package var style: any TextStyle
    package var width: Int
    package private(set) var lines: [String] = []

    package init(style: any TextStyle, width: Int) {
        self.style = style
        self.width = width
    }

    /// A blank line, then the heading in bold capitals.
    package mutating func heading(_ text: String) {
        lines.append("")
        lines.append(style.bold(text.uppercased()))
    }

    /// `text` wrapped to the width: the first line after `first` (or the indent), the rest indented.
    package mutating func paragraph(_ text: String, indent: Int = 2, first: String? = nil) {
        lines.append(TextWrap.indented(text, width: width, indent: indent, firstPrefix: first))
    }

    /// One line as it is.
    package mutating func line(_ text: String) {
        lines.append(text)
    }

    package mutating func line(contentsOf more: [String]) {
        lines += more
    }

    /// The lines, each ended by a line break.
    package var text: String { lines.joined(separator: "\n") + "\n" }
}
