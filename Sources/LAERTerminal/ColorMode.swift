/// `--color auto|always|never`, resolved against the environment and the output stream.
package enum ColorMode: String, CaseIterable, Sendable {
    case auto, always, never

    /// `always` and `never` decide alone; `auto` colours only a terminal, without `NO_COLOR` or `TERM=dumb`.
    package func allowsColor(environment: [String: String], outputIsTerminal: Bool) -> Bool {
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
