/// Where in a document a problem is.
package enum Place: Sendable, Equatable, CustomStringConvertible {
    /// The document as a whole.
    case document
    /// A JSON path, as `JSONPath` builds it: `capabilities[12].marker`.
    case json(String)
    /// A spreadsheet row as the spreadsheet numbers it, and the column by its header name.
    case cell(row: Int, column: String?)
    /// A line and a column (in characters) of the text, both from 1.
    case text(line: Int, column: Int)

    package var description: String {
        switch self {
        case .document: ""
        case .json(let path): path
        case .cell(let row, let column?): "row \(row), column \(column)"
        case .cell(let row, nil): "row \(row)"
        case .text(let line, let column): "line \(line), column \(column)"
        }
    }
}

/// One thing wrong (or doubtful) in a document, with its place.
package struct Problem: Sendable, Equatable, CustomStringConvertible {
    package enum Severity: Sendable, Equatable {
        case error
        case warning
    }

    /// Whose mistake an error is, which decides the exit code.
    package enum Cause: Sendable, Equatable {
        /// The document is wrong (65, bad input).
        case input
        /// The command line is wrong for the document, such as a column map naming a column the
        /// file lacks (64, usage).
        case usage
    }

    package var place: Place
    package var message: String
    package var severity: Severity
    package var cause: Cause

    package init(at place: Place, _ message: String, severity: Severity = .error, cause: Cause = .input) {
        self.place = place
        self.message = message
        self.severity = severity
        self.cause = cause
    }

    /// A problem at a JSON path; the empty path is the document as a whole.
    package init(_ path: String, _ message: String, severity: Severity = .error, cause: Cause = .input) {
        self.init(at: path.isEmpty ? .document : .json(path), message, severity: severity, cause: cause)
    }

    /// One line: control characters escaped (a value's line feed shows as `\n`), cut at
    /// `InputLimits.messageLength`.
    package var description: String {
        let prefix = severity == .warning ? "warning: " : ""
        return SafeText.messageLine(place == .document ? prefix + message : "\(place): \(prefix)\(message)")
    }
}

extension Problem {
    /// The problem's line in a message about `file`: `file: place: message`, one bounded line
    /// with the path's control characters escaped too.
    package func line(in file: String) -> String {
        SafeText.messageLine("\(file): \(self)")
    }
}

extension [Problem] {
    package var errors: [Problem] { filter { $0.severity == .error } }
    package var warnings: [Problem] { filter { $0.severity == .warning } }
}

/// Builds JSON paths in the form messages use: `markers[2].profiles.laer-effective`.
package enum JSONPath {
    package static func member(_ path: String, _ key: String) -> String {
        // A key longer than any laer names is shown shortened, so that no place copies it whole.
        let key = key.utf8.count > InputLimits.shownValueLength ? SafeText.shown(key) : key
        let plain =
            !key.isEmpty
            && key.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F
                    || byte == 0x2D
            }
        let part = plain ? key : "[\"\(key)\"]"
        if path.isEmpty { return plain ? part : "$" + part }
        return plain ? "\(path).\(part)" : path + part
    }

    package static func element(_ path: String, _ index: Int) -> String {
        "\(path)[\(index)]"
    }
}
