/// The escape sequences the full-screen survey writes (xterm, VT100 and every emulator since).
public enum ANSI {
    public static let enterAlternateScreen = "\u{1B}[?1049h"
    public static let leaveAlternateScreen = "\u{1B}[?1049l"
    public static let hideCursor = "\u{1B}[?25l"
    public static let showCursor = "\u{1B}[?25h"
    /// Lines longer than the screen are cut at its edge instead of wrapping onto the next row.
    public static let disableLineWrap = "\u{1B}[?7l"
    public static let enableLineWrap = "\u{1B}[?7h"
    public static let clearScreen = "\u{1B}[2J"
    public static let cursorHome = "\u{1B}[H"
    public static let clearToEndOfLine = "\u{1B}[K"
    public static let clearLine = "\u{1B}[2K"
    public static let clearToEndOfScreen = "\u{1B}[J"
    public static let resetAttributes = "\u{1B}[0m"

    /// Moves the cursor to a 1-based row and column.
    public static func moveTo(row: Int, column: Int) -> String {
        "\u{1B}[\(row);\(column)H"
    }
}
