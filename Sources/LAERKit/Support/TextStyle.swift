/// ANSI styling that turns into plain text when colour is not allowed.
public struct TextStyle: Sendable, Equatable {
    public var colorEnabled: Bool

    public init(colorEnabled: Bool) {
        self.colorEnabled = colorEnabled
    }

    public static let plain = TextStyle(colorEnabled: false)

    public enum Color: Int, Sendable {
        case red = 31, green = 32, yellow = 33, blue = 34, magenta = 35, cyan = 36
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func color(_ text: String, _ color: Color) -> String { wrap(text, String(color.rawValue)) }

    private func wrap(_ text: String, _ code: String) -> String {
        colorEnabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// `--color auto|always|never`, resolved against the environment and the output stream.
public enum ColorMode: String, CaseIterable, Sendable {
    case auto, always, never

    /// `always` and `never` decide alone; `auto` colours only a terminal, without `NO_COLOR` or `TERM=dumb`.
    public func allowsColor(environment: [String: String], outputIsTerminal: Bool) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return outputIsTerminal
        }
    }
}
