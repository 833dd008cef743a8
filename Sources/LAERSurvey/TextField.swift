import LAERValues

/// A single line of text being edited, with its cursor: the value behind the survey's text
/// questions and notes, edited with readline's keys and drawn in a given width.
///
/// Works by characters (grapheme clusters), so that "é" composed or decomposed, 👍🏽, a flag or a
/// CJK ideograph is one step of the cursor and one deletion. The text never holds control
/// characters and never more than `maximumLength` characters.
package struct TextField: Sendable, Equatable {
    /// The text as typed, one line.
    package private(set) var text: String
    /// Cursor position in characters (grapheme clusters), 0...text.count.
    package private(set) var cursor: Int

    /// The longest text in characters; an insert beyond it is cut.
    package static let maximumLength = 4_000

    /// A field holding `text`, cleaned and cut as an insert would be, with the cursor at its end.
    package init(_ text: String = "") {
        self.text = ""
        cursor = 0
        apply(.insert(text))
    }

    /// One change to the text or move of the cursor.
    package enum Edit: Sendable, Equatable {
        /// Typed or pasted text: newlines and tabs become single spaces, other control characters
        /// (C0, DEL, C1, bidi controls) are dropped.
        case insert(String)
        /// Backspace: the character before the cursor.
        case deleteBackward
        /// Delete: the character at the cursor.
        case deleteForward
        /// One character back or on, or to the start or the end of the text.
        case left, right, home, end
        /// To the start of the word before the cursor (letters and digits), like readline's Alt-B.
        case wordLeft
        /// To the end of the word after the cursor (letters and digits), like readline's Alt-F.
        case wordRight
        /// Ctrl-U: everything before the cursor.
        case deleteToStart
        /// Ctrl-K: everything from the cursor on.
        case deleteToEnd
        /// Ctrl-W: the word before the cursor and the spaces after it, like readline's unix-word-rubout.
        case deleteWordBackward
    }

    /// Applies one edit; returns false when it did nothing (cursor already at the edge, nothing to delete, text full),
    /// so the caller can say so.
    ///
    /// An insert cut at `maximumLength` returns false too, though its first part went in.
    @discardableResult package mutating func apply(_ edit: Edit) -> Bool {
        let characters = Array(text)
        switch edit {
        case .insert(let typed):
            let clean = Array(Self.cleaned(typed))
            let room = max(0, Self.maximumLength - characters.count)
            let kept = clean.prefix(room)
            guard !kept.isEmpty else { return false }
            replace(cursor..<cursor, in: characters, with: kept)
            return kept.count == clean.count
        case .deleteBackward:
            return delete((cursor - 1)..<cursor, in: characters)
        case .deleteForward:
            return delete(cursor..<(cursor + 1), in: characters)
        case .left: return move(to: cursor - 1, in: characters)
        case .right: return move(to: cursor + 1, in: characters)
        case .home: return move(to: 0, in: characters)
        case .end: return move(to: characters.count, in: characters)
        case .wordLeft:
            return move(to: Self.start(ofWordBefore: cursor, in: characters, isWord: Self.isWordCharacter), in: characters)
        case .wordRight:
            var end = cursor
            while end < characters.count, !Self.isWordCharacter(characters[end]) { end += 1 }
            while end < characters.count, Self.isWordCharacter(characters[end]) { end += 1 }
            return move(to: end, in: characters)
        case .deleteToStart:
            return delete(0..<cursor, in: characters)
        case .deleteToEnd:
            return delete(cursor..<characters.count, in: characters)
        case .deleteWordBackward:
            let start = Self.start(ofWordBefore: cursor, in: characters) { !$0.isWhitespace }
            return delete(start..<cursor, in: characters)
        }
    }

    /// The text with `cursorMark` inserted at the cursor, for a field that wraps over several lines.
    package func text(withCursor cursorMark: String) -> String {
        let index = text.index(text.startIndex, offsetBy: cursor)
        return text[..<index] + cursorMark + text[index...]
    }

    /// One screen line of at most `width` display columns (wide characters count 2, combining 0) that keeps the cursor
    /// visible, scrolled horizontally, with "…" at a cut edge and `cursorMark` (itself 1 column) at the cursor.
    ///
    /// The line shows the start of the text while the cursor is near it, the end while the cursor
    /// is near that, and otherwise centres the cursor. Below 3 columns an ellipsis may be missing.
    package func window(width: Int, cursorMark: String) -> String {
        guard width > 1 else { return width == 1 ? cursorMark : "" }
        let characters = Array(text)
        let widths = characters.map(\.displayWidth)
        let before = widths[..<cursor].reduce(0, +)
        let after = widths[cursor...].reduce(0, +)
        if before + 1 + after <= width { return text(withCursor: cursorMark) }
        // The characters lower..<upper are shown; each case leaves a column for the cursor and one
        // for the ellipsis of each edge it cuts.
        var lower = cursor
        var upper = cursor
        func extend(left room: Int) {
            var used = 0
            while lower > 0, used + widths[lower - 1] <= room {
                lower -= 1
                used += widths[lower]
            }
        }
        func extend(right room: Int) {
            var used = 0
            while upper < characters.count, used + widths[upper] <= room {
                used += widths[upper]
                upper += 1
            }
        }
        if before + 1 + 1 <= width {
            lower = 0
            extend(right: width - 2 - before)
        } else if 1 + 1 + after <= width {
            upper = characters.count
            extend(left: width - 2 - after)
        } else if width < 3 {
            // No room for an ellipsis on both sides.
            return "…" + cursorMark
        } else {
            let room = width - 3
            extend(left: room / 2)
            extend(right: room - widths[lower..<cursor].reduce(0, +))
        }
        let head = lower > 0 ? "…" : ""
        let tail = upper < characters.count ? "…" : ""
        return head + String(characters[lower..<cursor]) + cursorMark + String(characters[cursor..<upper]) + tail
    }

    /// `typed` as one line: line ends and tabs as spaces, control characters left out (`SafeText.typed`).
    private static func cleaned(_ typed: String) -> String {
        SafeText.typed(typed)
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// Where the word before `index` starts, the non-word characters right before `index` skipped first.
    private static func start(ofWordBefore index: Int, in characters: [Character], isWord: (Character) -> Bool) -> Int {
        var start = index
        while start > 0, !isWord(characters[start - 1]) { start -= 1 }
        while start > 0, isWord(characters[start - 1]) { start -= 1 }
        return start
    }

    private mutating func move(to position: Int, in characters: [Character]) -> Bool {
        guard (0...characters.count).contains(position), position != cursor else { return false }
        cursor = position
        return true
    }

    private mutating func delete(_ range: Range<Int>, in characters: [Character]) -> Bool {
        guard range.lowerBound >= 0, range.upperBound <= characters.count, !range.isEmpty else { return false }
        replace(range, in: characters, with: [])
        return true
    }

    /// Puts `new` in place of `range` and the cursor after it.
    private mutating func replace(_ range: Range<Int>, in characters: [Character], with new: ArraySlice<Character>) {
        let before = String(characters[..<range.lowerBound]) + String(new)
        text = before + String(characters[range.upperBound...])
        // Characters on either side of the edit may join into one (an accent typed after its letter).
        cursor = min(before.count, text.count)
    }
}
