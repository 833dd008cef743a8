/// One thing wrong (or doubtful) in a document, with its place as a JSON path.
package struct Problem: Sendable, Equatable, CustomStringConvertible {
    package enum Severity: Sendable, Equatable {
        case error
        case warning
    }

    /// Where in the document, as `capabilities[12].marker`; empty for the document as a whole.
    package var path: String
    package var message: String
    package var severity: Severity

    package init(_ path: String, _ message: String, severity: Severity = .error) {
        self.path = path
        self.message = message
        self.severity = severity
    }

    package var description: String {
        let prefix = severity == .warning ? "warning: " : ""
        return path.isEmpty ? prefix + message : "\(path): \(prefix)\(message)"
    }
}

extension [Problem] {
    package var errors: [Problem] { filter { $0.severity == .error } }
    package var warnings: [Problem] { filter { $0.severity == .warning } }
}

/// Builds JSON paths in the form messages use: `markers[2].profiles.laer-effective`.
package enum JSONPath {
    package static func member(_ path: String, _ key: String) -> String {
        let plain = !key.isEmpty && key.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F || byte == 0x2D
        }
        let part = plain ? key : "[\"\(key)\"]"
        if path.isEmpty { return plain ? part : "$" + part }
        return plain ? "\(path).\(part)" : path + part
    }

    package static func element(_ path: String, _ index: Int) -> String {
        "\(path)[\(index)]"
    }
}
