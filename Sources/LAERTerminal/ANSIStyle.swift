import LAERValues

/// Emphasis as ANSI escape codes, or none when colour is not allowed.
package struct ANSIStyle: TextStyle, Equatable {
    package var colorEnabled: Bool

    package init(colorEnabled: Bool) {
        self.colorEnabled = colorEnabled
    }

    package func bold(_ text: String) -> String { wrap(text, "1") }
    package func dim(_ text: String) -> String { wrap(text, "2") }

    package func color(_ text: String, _ color: TextColor) -> String {
        let code =
            switch color {
            case .red: "31"
            case .yellow: "33"
            case .cyan: "36"
            }
        return wrap(text, code)
    }

    private func wrap(_ text: String, _ code: String) -> String {
        colorEnabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\(ANSI.resetAttributes)" : text
    }
}
