import LAERValues

/// The escape sequences the full-screen survey writes (xterm, VT100 and every emulator since).
package enum ANSI {
    package static let enterAlternateScreen = "\u{1B}[?1049h"
    package static let leaveAlternateScreen = "\u{1B}[?1049l"
    package static let hideCursor = "\u{1B}[?25l"
    package static let showCursor = "\u{1B}[?25h"
    /// Lines longer than the screen are cut at its edge instead of wrapping onto the next row.
    package static let disableLineWrap = "\u{1B}[?7l"
    package static let enableLineWrap = "\u{1B}[?7h"
    package static let clearScreen = "\u{1B}[2J"
    package static let cursorHome = "\u{1B}[H"
    package static let clearToEndOfLine = "\u{1B}[K"
    package static let clearLine = "\u{1B}[2K"
    package static let clearToEndOfScreen = "\u{1B}[J"
    package static let resetAttributes = "\u{1B}[0m"
    /// Asks the terminal to wrap pasted text in `ESC[200~` … `ESC[201~`, so that it is not read as keys.
    package static let enableBracketedPaste = "\u{1B}[?2004h"
    package static let disableBracketedPaste = "\u{1B}[?2004l"

    /// Moves the cursor to a 1-based row and column.
    package static func moveTo(row: Int, column: Int) -> String {
        "\u{1B}[\(row);\(column)H"
    }

    /// The columns `line` takes on screen (wide characters 2, combining marks 0), escape
    /// sequences (such as colours) left out.
    package static func visibleWidth(_ line: String) -> Int {
        var columns = 0
        var inEscape = false
        for character in line {
            if inEscape {
                if character.isLetter { inEscape = false }
            } else if character == "\u{1B}" {
                inEscape = true
            } else {
                columns += character.displayWidth
            }
        }
        return columns
    }
}
