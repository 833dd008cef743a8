import LAERFormats
import LAERSystem

/// Turns the bytes a terminal sends in raw mode into keys.
///
/// Bytes may arrive split anywhere, even inside a UTF-8 character or an escape sequence: an
/// incomplete tail waits for the next `decode`. A lone ESC is ambiguous (the Escape key, or the
/// start of a sequence whose rest is still on its way), so it stays pending until more bytes come
/// or the driver, after a short silence, calls `flushPending()`.
///
/// A bracketed paste (`ESC[200~` … `ESC[201~`, asked for with `ANSI.enableBracketedPaste`) is one
/// `.paste` key, whatever its bytes: a pasted line end or Ctrl-C is text, not a key. Should the
/// end marker be lost, the driver flushes after `pasteSilenceMilliseconds` while `isPasting`.
package struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []
    /// A CR was the last byte: an LF right after it belongs to the same line end (a pasted CRLF).
    private var afterCarriageReturn = false
    /// The paste under way, between its start and end markers.
    private var paste: Paste?
    /// Inside a control sequence longer than `longestSequence`, dropped up to its final byte.
    private var droppingSequence = false

    /// The longest control sequence read as a key, ESC and parameters counted; a longer one is
    /// garbage, dropped whole however its bytes arrive.
    static let longestSequence = 32
    /// The bytes of one paste that are kept; the rest, up to the end marker, are dropped.
    package static let longestPaste = 65_536
    /// The silence after which the driver ends a paste whose end marker never came.
    package static let pasteSilenceMilliseconds: Int32 = 500
    static let pasteStart = Array("\u{1B}[200~".utf8)
    static let pasteEnd = Array("\u{1B}[201~".utf8)

    package init() {}

    /// True when the bytes held back start with ESC, so the driver should wait briefly and flush.
    ///
    /// False inside a paste, where a held-back ESC is a possible end marker, not the Escape key:
    /// a paste waits for the longer `pasteSilenceMilliseconds` instead.
    package var hasPendingEscape: Bool { paste == nil && pending.first == 0x1B }

    /// True between a paste's start marker and its end, when the driver should flush after a
    /// silence of `pasteSilenceMilliseconds`.
    package var isPasting: Bool { paste != nil }

    /// The keys in `bytes`, after what was held back from earlier calls.
    package mutating func decode(_ bytes: [UInt8]) -> [Key] {
        pending.append(contentsOf: bytes)
        var keys: [Key] = []
        var index = 0
        while index < pending.count {
            if droppingSequence {
                index = dropSequence(from: index)
                continue
            }
            if paste != nil {
                index = collectPaste(from: index, into: &keys)
                // Still pasting: every byte used, or what is left may be the end marker.
                if paste != nil { break }
                continue
            }
            if pending[index] == 0x1B, pending[index...].starts(with: Self.pasteStart) {
                paste = Paste()
                afterCarriageReturn = false
                index += Self.pasteStart.count
                continue
            }
            guard let step = Self.step(pending, at: index) else {
                // Only a control sequence is held back this long: too long to be a key.
                if pending.count - index > Self.longestSequence {
                    droppingSequence = true
                    index = pending.count
                }
                break
            }
            if let key = step.key {
                if key == .enter, pending[index] == 0x0A, afterCarriageReturn {
                    afterCarriageReturn = false
                } else {
                    keys.append(key)
                    afterCarriageReturn = pending[index] == 0x0D
                }
            } else {
                afterCarriageReturn = false
            }
            index += step.length
        }
        pending.removeFirst(index)
        return keys
    }

    /// Ends what is held back: a lone ESC becomes the Escape key; an unfinished sequence or
    /// character is dropped; a paste whose end marker was lost ends with the text it has.
    package mutating func flushPending() -> [Key] {
        defer { pending.removeAll() }
        afterCarriageReturn = false
        if let paste {
            // What is held back is the start of an end marker, cut off: not text.
            self.paste = nil
            return paste.key.map { [$0] } ?? []
        }
        return pending == [0x1B] ? [.escape] : []
    }

    /// Skips the rest of an overlong control sequence from `index` on; returns the index after it.
    ///
    /// The rest is its parameter bytes and its final byte, or what comes before a byte that
    /// cannot be in a sequence.
    private mutating func dropSequence(from index: Int) -> Int {
        var index = index
        while index < pending.count, (0x20...0x3F).contains(pending[index]) { index += 1 }
        guard index < pending.count else { return index }
        droppingSequence = false
        return (0x40...0x7E).contains(pending[index]) ? index + 1 : index
    }

    /// Adds the pasted bytes from `index` on to the paste, and its key to `keys` when its end
    /// marker comes; returns the index after the bytes used.
    private mutating func collectPaste(from index: Int, into keys: inout [Key]) -> Int {
        var index = index
        while index < pending.count {
            if pending[index] == 0x1B {
                let rest = pending[index...].prefix(Self.pasteEnd.count)
                if Self.pasteEnd.starts(with: rest) {
                    guard rest.count == Self.pasteEnd.count else { return index }
                    if let key = paste?.key { keys.append(key) }
                    paste = nil
                    return index + rest.count
                }
            }
            paste?.add(pending[index])
            index += 1
        }
        return index
    }

    /// The key at `index` and how many bytes it takes; nil when the bytes end before it does.
    ///
    /// A nil key means bytes to skip: an unknown sequence or invalid UTF-8.
    static func step(_ bytes: [UInt8], at index: Int) -> (key: Key?, length: Int)? {
        let byte = bytes[index]
        switch byte {
        case 0x1B: return escapeSequence(bytes, at: index)
        case 0x0D, 0x0A: return (.enter, 1)
        case 0x7F, 0x08: return (.backspace, 1)
        case 0x09: return (.tab, 1)
        case 0x03: return (.interrupt, 1)
        case 0x04: return (.endOfFile, 1)
        case 0x00..<0x20: return (.control(byte), 1)
        case 0x20..<0x7F: return (.character(Character(Unicode.Scalar(byte))), 1)
        default: return utf8Character(bytes, at: index)
        }
    }

    static func escapeSequence(_ bytes: [UInt8], at index: Int) -> (key: Key?, length: Int)? {
        guard index + 1 < bytes.count else { return nil }
        switch bytes[index + 1] {
        case UInt8(ascii: "["):
            return controlSequence(bytes, at: index)
        case UInt8(ascii: "O"):
            guard index + 2 < bytes.count else { return nil }
            let final = bytes[index + 2]
            return (final == UInt8(ascii: "M") ? .enter : cursorKey(final), 3)
        case 0x20..<0x7F:
            // Alt with a key: not a key of ours, swallowed whole rather than read as Escape and a letter.
            return (nil, 2)
        default:
            // ESC before another ESC, a control or a non-ASCII byte was the Escape key alone.
            return (.escape, 1)
        }
    }

    /// `ESC [`, parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, one final byte 0x40–0x7E.
    static func controlSequence(_ bytes: [UInt8], at index: Int) -> (key: Key?, length: Int)? {
        var end = index + 2
        while end < bytes.count, (0x20...0x3F).contains(bytes[end]) { end += 1 }
        guard end < bytes.count else { return nil }
        let final = bytes[end]
        guard (0x40...0x7E).contains(final) else {
            // Broken off by a byte that cannot be in a sequence: drop what came before it.
            return (nil, end - index)
        }
        // As long as one split up would be when its last part came: dropped.
        if end - index > longestSequence { return (nil, end + 1 - index) }
        let parameters = bytes[(index + 2)..<end]
        let key: Key? =
            switch final {
            case UInt8(ascii: "Z"): .backTab
            case UInt8(ascii: "~"): tildeKey(parameters)
            default: cursorKey(final)
            }
        // Modifiers (`ESC [1;5A`) are ignored; a private marker (`ESC [<…`, `ESC [?…`) means a report, not a key.
        let isPrivate = parameters.first.map { (0x3C...0x3F).contains($0) } ?? false
        return (isPrivate ? nil : key, end + 1 - index)
    }

    /// The final byte of the cursor keys, the same after `ESC [` and `ESC O`.
    static func cursorKey(_ final: UInt8) -> Key? {
        switch final {
        case UInt8(ascii: "A"): .up
        case UInt8(ascii: "B"): .down
        case UInt8(ascii: "C"): .right
        case UInt8(ascii: "D"): .left
        case UInt8(ascii: "H"): .home
        case UInt8(ascii: "F"): .end
        default: nil
        }
    }

    /// `ESC [ n ~` (with optional `;modifier`): the keys of the editing block.
    static func tildeKey(_ parameters: ArraySlice<UInt8>) -> Key? {
        let first = parameters.prefix { $0 != UInt8(ascii: ";") }
        guard !first.isEmpty, first.count <= 3, first.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        let number = first.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        switch number {
        case 1, 7: return .home
        case 3: return .delete
        case 4, 8: return .end
        case 5: return .pageUp
        case 6: return .pageDown
        default: return nil
        }
    }

    /// One UTF-8 encoded character; a byte that cannot start or continue one is skipped alone, and
    /// a C1 control (U+0080–U+009F, such as the 8-bit CSI) is skipped whole: it is no text.
    static func utf8Character(_ bytes: [UInt8], at index: Int) -> (key: Key?, length: Int)? {
        let lead = bytes[index]
        guard let (length, secondRange) = UTF8Bytes.sequence(startingWith: lead) else { return (nil, 1) }
        var scalar = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            guard index + offset < bytes.count else { return nil }
            let byte = bytes[index + offset]
            guard (offset == 1 ? secondRange : 0x80...0xBF).contains(byte) else { return (nil, 1) }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        guard let unicode = Unicode.Scalar(scalar), !(0x80...0x9F).contains(scalar) else { return (nil, length) }
        return (.character(Character(unicode)), length)
    }

    /// The text of a paste as it arrives, its line ends made "\n" and its control bytes dropped.
    private struct Paste: Sendable {
        private var bytes: [UInt8] = []
        private var afterCarriageReturn = false
        private var isCut = false

        mutating func add(_ byte: UInt8) {
            let crlf = afterCarriageReturn && byte == 0x0A
            afterCarriageReturn = byte == 0x0D
            switch byte {
            case 0x0A where crlf: return
            case 0x0D: keep(0x0A)
            case 0x09, 0x0A: keep(byte)
            case 0x00..<0x20, 0x7F: return
            default: keep(byte)
            }
        }

        private mutating func keep(_ byte: UInt8) {
            if bytes.count < KeyDecoder.longestPaste { bytes.append(byte) } else { isCut = true }
        }

        /// The paste's key; nil when nothing of it is left to paste.
        var key: Key? {
            var kept = bytes[...]
            if isCut, let lead = kept.indices.suffix(4).last(where: { kept[$0] & 0xC0 != 0x80 }),
                let length = UTF8Bytes.sequence(startingWith: kept[lead])?.length, kept.count - lead < length
            {
                // The limit fell inside a character, whose first bytes alone would read as U+FFFD.
                kept = kept[..<lead]
            }
            var text = String(decoding: kept, as: UTF8.self)
            text.unicodeScalars.removeAll { (0x80...0x9F).contains($0.value) }
            return text.isEmpty ? nil : .paste(text)
        }
    }
}
