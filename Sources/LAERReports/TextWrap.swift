/// Wraps prose to a width, for help text and terminal reports.
package enum TextWrap {
    /// Breaks `text` into lines of at most `width` characters at spaces; a longer word stands alone.
    ///
    /// Line breaks already in `text` are kept.
    package static func lines(_ text: String, width: Int) -> [String] {
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                if line.isEmpty {
                    line = String(word)
                } else if line.count + 1 + word.count <= width {
                    line += " " + word
                } else {
                    result.append(line)
                    line = String(word)
                }
            }
            result.append(line)
        }
        return result
    }

    /// Wraps and indents: the first line after `firstPrefix`, the rest after as many spaces as `indent`.
    package static func indented(_ text: String, width: Int, indent: Int, firstPrefix: String? = nil) -> String {
        let pad = String(repeating: " ", count: indent)
        let wrapped = lines(text, width: max(20, width - indent))
        return wrapped.enumerated().map { index, line in
            (index == 0 ? (firstPrefix ?? pad) : pad) + line
        }.joined(separator: "\n")
    }
}
