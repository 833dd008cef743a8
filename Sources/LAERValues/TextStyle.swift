/// How text reports and screens emphasise words.
///
/// Reports and screens name the emphasis; the
/// terminal room turns it into escape codes, and plain text leaves it out.
package protocol TextStyle: Sendable {
    func bold(_ text: String) -> String
    func dim(_ text: String) -> String
    func color(_ text: String, _ color: TextColor) -> String
}

/// The colours text reports and screens use, by what they mark.
package enum TextColor: Sendable {
    /// A failure, such as a save that did not reach the file.
    case red
    /// What holds the company back.
    case yellow
    /// A first step to take.
    case cyan
}

/// No emphasis at all: files, pipes, `NO_COLOR`.
package struct PlainText: TextStyle {
    package init() {}

    package func bold(_ text: String) -> String { text }
    package func dim(_ text: String) -> String { text }
    package func color(_ text: String, _ color: TextColor) -> String { text }
}
