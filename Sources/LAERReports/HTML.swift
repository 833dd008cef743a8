import LAERValues

/// Escaping and table builders for HTML reports, so that answer text never turns into markup.
package enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'`: the result is safe as element content and as a quoted attribute value.
    ///
    /// Control characters (`SafeText`) but the line feed and the tab, which HTML takes as spaces,
    /// are shown in their escape notation, so that none reaches the page raw.
    package static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\n", "\t": result.unicodeScalars.append(scalar)
            default:
                if SafeText.isControl(scalar) {
                    result += SafeText.escape(scalar)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// A table row of markup cells: `th scope="row"` for the cell at `header` (none when nil), `td` for the rest.
    static func row(_ cells: [String], header: Int? = 0, classes: [String?] = []) -> String {
        let body = cells.enumerated().map { index, cell in
            let className = index < classes.count ? classes[index] : nil
            let classAttribute = className.map { " class=\"\($0)\"" } ?? ""
            return index == header ? "<th scope=\"row\"\(classAttribute)>\(cell)</th>" : "<td\(classAttribute)>\(cell)</td>"
        }.joined()
        return "<tr>\(body)</tr>"
    }

    /// A table with a caption, a header row of `col`-scoped cells (class `num` for the columns in `numeric`)
    /// and the given body rows (markup).
    ///
    /// With an `id` (unique in the page) the table stands in a region of its own that scrolls
    /// sideways where the page is too narrow for it, so that the page itself never does: the
    /// region takes the keyboard focus, for scrolling without a mouse, and is named by the caption.
    static func table(
        caption: String, header: [String], numeric: Set<Int> = [], rows: [String], className: String? = nil,
        id: String? = nil
    ) -> String {
        let classAttribute = className.map { " class=\"\($0)\"" } ?? ""
        let captionID = id.map { " id=\"\($0)-caption\"" } ?? ""
        let head = header.enumerated().map { index, name in
            "<th scope=\"col\"\(numeric.contains(index) ? " class=\"num\"" : "")>\(escape(name))</th>"
        }.joined()
        let table =
            "<table\(classAttribute)>\n<caption\(captionID)>\(escape(caption))</caption>\n<thead><tr>\(head)</tr></thead>\n"
            + "<tbody>\n" + rows.joined(separator: "\n") + "\n</tbody>\n</table>\n"
        guard let id else { return table }
        return "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"\(id)-caption\" tabindex=\"0\">\n" + table
            + "</div>\n"
    }
}
