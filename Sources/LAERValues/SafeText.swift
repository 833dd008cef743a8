/// Text from outside (answer files, questionnaires, spreadsheets, file names, typing) made safe to
/// show: the one place that says which characters are control characters and how they are shown.
///
/// Control characters are C0 (U+0000–U+001F), DEL, C1 (U+0080–U+009F), the bidi controls
/// (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and the line and paragraph separators
/// U+2028 and U+2029: raw, they move a terminal's cursor, recolour it, set its title, forge report
/// lines or reorder what a reader sees. Each is shown in Swift's escape notation: `\n`, `\r` and
/// `\t` for those three, the code in uppercase hexadecimal for the rest: `\u{7}` for BEL, `\u{202E}`
/// for the right-to-left override.
///
/// Text that has none (nearly all) is returned as it is, without a copy.
package enum SafeText {
    /// Whether `scalar` is a control character in the sense above.
    package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Whether `scalar` breaks a line or is a tab: what a single-line field folds to one space.
    package static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// A single-line field (a name, an id, a statement): every line break (CR LF counts as one)
    /// and tab becomes one space, so that it never starts a new line; other control characters
    /// are escaped.
    package static func line(_ text: String) -> String {
        guard !isClean(text, keepingLineFeeds: false) else { return text }
        return rewrite(text) { scalar in isBreak(scalar) ? " " : nil }
    }

    /// Multi-line text (an evidence note): line feeds are kept, CR LF and a lone CR become a
    /// line feed, a tab becomes a space, and every other control character is escaped.
    package static func multiline(_ text: String) -> String {
        guard !isClean(text, keepingLineFeeds: true) else { return text }
        return rewrite(text) { scalar in
            switch scalar {
            case "\n", "\r": "\n"
            case "\t": " "
            default: nil
            }
        }
    }

    /// Text typed or pasted into a one-line field: line breaks and tabs as one space (as `line`),
    /// every other control character left out, since a key pressed is not text to keep.
    package static func typed(_ text: String) -> String {
        guard !isClean(text, keepingLineFeeds: false) else { return text }
        return rewrite(text) { scalar in isBreak(scalar) ? " " : "" }
    }

    /// Text for a message, which is one line: every control character escaped, a line feed as `\n`.
    package static func visible(_ text: String) -> String {
        guard !isClean(text, keepingLineFeeds: false) else { return text }
        return rewrite(text, keepingCRLF: true) { _ in nil }
    }

    /// A value as a message shows it: visible, and when longer than `InputLimits.shownValueLength`
    /// characters its start, an ellipsis and its length, so that a megabyte in a file is not a
    /// megabyte on the terminal.
    package static func shown(_ value: String) -> String {
        let (head, cut) = shortened(value)
        return cut.map { visible(head) + "… " + $0 } ?? visible(head)
    }

    /// `shown(_:)` in double quotes, the length after them: `"kpis-2-…" (1,048,576 bytes)`.
    package static func quoted(_ value: String) -> String {
        let (head, cut) = shortened(value)
        return "\"" + visible(head) + (cut.map { "…\" " + $0 } ?? "\"")
    }

    /// The start of `value` a message shows, and `(N bytes)` when that is not all of it; counting
    /// characters stops at the limit, so a long value is not walked.
    private static func shortened(_ value: String) -> (head: String, cut: String?) {
        guard
            let end = value.index(value.startIndex, offsetBy: InputLimits.shownValueLength, limitedBy: value.endIndex),
            end < value.endIndex
        else { return (value, nil) }
        return (String(value[..<end]), "(\(NumberFormat.grouped(value.utf8.count)) bytes)")
    }

    /// A whole message line: visible, and cut with an ellipsis at `InputLimits.messageLength` characters.
    package static func messageLine(_ text: String) -> String {
        let shown = visible(text)
        guard shown.utf8.count > InputLimits.messageLength else { return shown }
        guard let end = shown.index(shown.startIndex, offsetBy: InputLimits.messageLength, limitedBy: shown.endIndex),
            end < shown.endIndex
        else { return shown }
        return shown[..<end] + "…"
    }

    /// Several message lines, each as `messageLine` makes it.
    package static func messageLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { messageLine(String($0)) }.joined(separator: "\n")
    }

    /// The escape of one control character: `\n`, `\r`, `\t` or `\u{7}` (BEL).
    package static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// Whether `text` has no control character (but line feeds, when `keepingLineFeeds`): a scan of
    /// its bytes, looking closer only at the lead bytes of C1 (C2), U+061C (D8) and U+2xxx (E2).
    package static func isClean(_ text: String, keepingLineFeeds: Bool) -> Bool {
        let scanned = text.utf8.withContiguousStorageIfAvailable { isClean($0, keepingLineFeeds: keepingLineFeeds) }
        return scanned ?? text.unicodeScalars.allSatisfy { !isControl($0) || (keepingLineFeeds && $0 == "\n") }
    }

    /// `isClean` of UTF-8 bytes: eight bytes at a time while they are printable ASCII.
    package static func isClean(_ bytes: UnsafeBufferPointer<UInt8>, keepingLineFeeds: Bool) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count,
                isPrintableASCII(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
            {
                index += 8
                continue
            }
            let byte = bytes[index]
            index += 1
            if byte >= 0x20 && byte < 0x7F { continue }
            switch byte {
            case 0x0A where keepingLineFeeds: continue
            case 0x00...0x1F, 0x7F: return false
            case 0xC2:
                if index < count, (0x80...0x9F).contains(bytes[index]) { return false }
            case 0xD8:
                if index < count, bytes[index] == 0x9C { return false }
            case 0xE2:
                guard index + 1 < count else { continue }
                let second = bytes[index]
                let third = bytes[index + 1]
                if second == 0x80, third == 0x8E || third == 0x8F || (0xA8...0xAE).contains(third) { return false }
                if second == 0x81, (0xA6...0xA9).contains(third) { return false }
            default: continue
            }
        }
        return true
    }

    /// Whether all eight bytes are in 0x20–0x7E: no high bit, none below 0x20 (the subtraction
    /// borrows into a byte's high bit exactly then), none 0x7F (a zero after the exclusive or).
    @inline(__always)
    static func isPrintableASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let delete = word ^ (ones &* 0x7F)
        return word & highs == 0 && (word &- ones &* 0x20) & ~word & highs == 0 && (delete &- ones) & ~delete & highs == 0
    }

    /// `text` with each control character replaced by what `replacement` gives for it.
    ///
    /// Its escape stands where `replacement` gives nil. CR LF is passed as one CR (its LF
    /// dropped) unless `keepingCRLF`.
    private static func rewrite(
        _ text: String, keepingCRLF: Bool = false, _ replacement: (Unicode.Scalar) -> String?
    ) -> String {
        var result = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            guard isControl(scalar) else {
                result.append(scalar)
                continue
            }
            if scalar == "\n", afterCR, !keepingCRLF { continue }
            result.append(contentsOf: (replacement(scalar) ?? escape(scalar)).unicodeScalars)
        }
        return String(result)
    }
}
