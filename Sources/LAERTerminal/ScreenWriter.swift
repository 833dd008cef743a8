import LAERSystem

/// Turns a frame of styled lines into the bytes that put it on the screen in one write.
///
/// The first frame, and any after `invalidate()` or a change of size, is drawn whole from the top
/// left corner; later frames rewrite only the rows that changed. The last row never ends in a line
/// break, so the screen does not scroll; rows beyond the screen are dropped. Lines longer than the
/// screen is wide are the caller's to cut (or send `ANSI.disableLineWrap` once).
package struct ScreenWriter: Sendable {
    private var shown: [String]?
    private var shownSize: TerminalSize?

    package init() {}

    /// Forgets what is on the screen, so that the next frame is drawn whole (after the screen was
    /// cleared, or something else wrote to it).
    package mutating func invalidate() {
        shown = nil
        shownSize = nil
    }

    /// The bytes that change the screen from the last frame to `lines`; empty when nothing changed.
    package mutating func update(_ lines: [String], size: TerminalSize) -> [UInt8] {
        let rows = Self.visibleRows(lines, size: size)
        defer {
            shown = rows
            shownSize = size
        }
        guard let shown, shownSize == size else { return Self.fullFrame(rows, screenRows: size.rows) }
        var output = ""
        for (index, line) in rows.enumerated() where index >= shown.count || shown[index] != line {
            output += ANSI.moveTo(row: index + 1, column: 1) + Self.row(line)
        }
        if rows.count < shown.count {
            output += ANSI.moveTo(row: rows.count + 1, column: 1) + ANSI.clearToEndOfScreen
        }
        return Array(output.utf8)
    }

    /// The bytes that draw `lines` on a screen of `size` from scratch, whatever was there before.
    package static func fullFrame(_ lines: [String], size: TerminalSize) -> [UInt8] {
        fullFrame(visibleRows(lines, size: size), screenRows: size.rows)
    }

    static func fullFrame(_ rows: [String], screenRows: Int) -> [UInt8] {
        var output = ANSI.cursorHome
        output += rows.map(row).joined(separator: "\r\n")
        // Below the last row only: on a full-width row the cursor sits on the last column, and
        // clearing from there would erase that row's last character.
        if rows.count < screenRows { output += (rows.isEmpty ? "" : "\r\n") + ANSI.clearToEndOfScreen }
        return Array(output.utf8)
    }

    /// One row: the old row cleared first, then the line, its attributes ended.
    ///
    /// Clearing after the
    /// line would erase its last character when it fills the row (the cursor stays on the last column).
    static func row(_ line: String) -> String {
        ANSI.clearLine + line + ANSI.resetAttributes
    }

    /// The lines split at any line breaks inside them, as many as fit.
    static func visibleRows(_ lines: [String], size: TerminalSize) -> [String] {
        var rows: [String] = []
        for line in lines {
            // Most lines hold no line break: kept whole without walking their characters.
            if !line.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
                guard rows.count < size.rows else { return rows }
                rows.append(line)
                continue
            }
            for part in line.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                guard rows.count < size.rows else { return rows }
                rows.append(String(part))
            }
        }
        return rows
    }
}
