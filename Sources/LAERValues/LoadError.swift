import Glibc

/// Why an input could not be loaded.
package enum LoadError: UserFacingError, Equatable {
    case cannotOpen(path: String, errno: Int32)
    case isDirectory(path: String)
    case readFailed(path: String, errno: Int32)
    /// The document is not well-formed JSON; `line` and `column` say where.
    case syntax(file: String, line: Int, column: Int, message: String)
    /// The document parsed but breaks the format's rules; every problem is listed.
    case invalid(file: String, [Problem])

    /// True when the input does not exist at all, as opposed to existing but unreadable.
    package var isMissingFile: Bool {
        if case .cannotOpen(_, ENOENT) = self { return true }
        return false
    }

    package var exitCode: ExitCode {
        switch self {
        case .cannotOpen, .isDirectory: .noInput
        case .readFailed: .ioError
        case .syntax, .invalid: .dataError
        }
    }

    /// One line per problem, each with the file's name; control characters escaped and every
    /// line bounded, as `Problem` says.
    package var description: String {
        switch self {
        case .invalid(let file, let problems):
            problems.map { $0.line(in: file) }.joined(separator: "\n")
        default:
            SafeText.messageLine(line)
        }
    }

    private var line: String {
        switch self {
        case .cannotOpen(let path, let code):
            switch code {
            case ENOENT: "\(path): no such file; check the path and the current directory"
            case EACCES: "\(path): permission denied; check the file's permissions"
            default: "\(path): cannot be opened (\(String(cString: strerror(code))))"
            }
        case .isDirectory(let path):
            "\(path): is a directory; name a file"
        case .readFailed(let path, let code):
            "\(path): read failed (\(String(cString: strerror(code))))"
        case .syntax(let file, let line, let column, let message):
            "\(file): line \(line), column \(column): \(message); fix the JSON at that place"
        case .invalid: ""
        }
    }
}
