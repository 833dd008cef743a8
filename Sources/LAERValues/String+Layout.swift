/// Small text helpers for padding and trimming, shared by the parsers and the renderers.
extension String {
    /// The string followed by spaces up to `width` characters (unchanged when already as wide).
    package func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// Spaces before the string up to `width` characters.
    package func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }

    /// The string without trailing spaces, tabs and line breaks, and without leading ones
    /// unless `keepingLeading`.
    package func trimmingSpaces(keepingLeading: Bool = false) -> String {
        var slice = Substring(self)
        while !keepingLeading, let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
