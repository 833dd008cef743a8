/// Building blocks of the inline SVG charts, for every report that draws one.
enum SVG {
    /// `<svg>` opening with its text alternative: a screen reader reads the title and the description.
    static func opening(id: String, width: Int, height: Int, title: String, description: String) -> String {
        "<svg viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" class=\"chart\">\n"
            + "<title id=\"\(id)-title\">\(HTML.escape(title))</title>\n<desc id=\"\(id)-desc\">\(HTML.escape(description))</desc>\n"
    }

    static func text(
        _ text: String, x: Int, y: Int, size: Int = 13, weight: Int = 400, fill: String = HTMLPalette.ink,
        anchor: String = "start", italic: Bool = false
    ) -> String {
        let style = italic ? " font-style=\"italic\"" : ""
        return "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\" font-weight=\"\(weight)\" fill=\"\(fill)\" "
            + "text-anchor=\"\(anchor)\"\(style)>\(text)</text>\n"
    }

    /// A name split at the space nearest its middle, so that long phase names fit a narrow column.
    static func twoLines(_ name: String) -> [String] {
        let words = name.split(separator: " ").map(String.init)
        guard words.count > 1 else { return [name] }
        let splits = (1..<words.count).map { index in
            (index, abs(words[..<index].joined(separator: " ").count - words[index...].joined(separator: " ").count))
        }
        let best = splits.min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0 ?? 1
        return [words[..<best].joined(separator: " "), words[best...].joined(separator: " ")]
    }
}
