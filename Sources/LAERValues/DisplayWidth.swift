/// How many terminal columns text takes, after the East Asian Width and emoji rules that
/// terminals follow (a simplified `wcwidth`): wide characters take 2, combining marks 0.
extension Character {
    /// The columns this character takes on a terminal: 0, 1 or 2.
    ///
    /// A cluster counts as its first scalar (so "é" decomposed is 1 and a ZWJ family is 2), made
    /// wide by a following emoji presentation selector U+FE0F. Control characters take 0.
    package var displayWidth: Int {
        if let ascii = asciiValue { return (0x20..<0x7F).contains(ascii) ? 1 : 0 }
        var scalars = unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        if scalars.next() == "\u{FE0F}" { return 2 }
        return Self.displayWidth(of: first)
    }

    /// The columns of one scalar standing first in a cluster.
    private static func displayWidth(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0xA0 { return value < 0x20 || value >= 0x7F ? 0 : 1 }
        if isZeroWidth(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .control: return 0
        default: break
        }
        return isWide(value) || scalar.properties.isEmojiPresentation ? 2 : 1
    }

    /// Zero-width spaces, joiners and marks, and the variation selectors.
    private static func isZeroWidth(_ value: UInt32) -> Bool {
        switch value {
        case 0x200B...0x200F, 0x2060, 0xFEFF, 0xFE00...0xFE0F, 0xE0100...0xE01EF: true
        default: false
        }
    }

    /// The East Asian Wide and Fullwidth ranges: CJK, Hangul, fullwidth forms and the emoji blocks.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3040...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            true
        default: false
        }
    }
}

extension String {
    /// The columns this string takes on a terminal: the sum of its characters' widths.
    package var displayWidth: Int {
        var columns = 0
        for byte in utf8 {
            // Runs per keystroke: ASCII, by far the most common, needs no grapheme breaking.
            guard byte < 0x80 else { return reduce(0) { $0 + $1.displayWidth } }
            if byte >= 0x20 && byte < 0x7F { columns += 1 }
        }
        return columns
    }

    /// The longest prefix that fits in `width` columns, ending in "…" (one column, counted) when
    /// the string had to be cut.
    package func clipped(toWidth width: Int) -> String {
        // No character is wider in columns than in UTF-8 bytes, so a short string needs no measuring.
        if utf8.count <= width { return self }
        guard width > 0 else { return "" }
        var columns = 0
        // Where the prefix that leaves a column for the ellipsis ends, once known.
        var cut: String.Index?
        var index = startIndex
        while index < endIndex {
            let next = columns + self[index].displayWidth
            if cut == nil, next > width - 1 { cut = index }
            // Measured only until it is known not to fit.
            if next > width { return String(self[..<(cut ?? index)]) + "…" }
            columns = next
            index = self.index(after: index)
        }
        return self
    }

    /// The string followed by spaces up to `width` columns (unchanged when already as wide).
    package func padded(toWidth width: Int) -> String {
        let columns = utf8.allSatisfy { $0 < 0x80 } ? utf8.count : displayWidth
        return columns >= width ? self : self + String(repeating: " ", count: width - columns)
    }
}
