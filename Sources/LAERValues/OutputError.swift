import Glibc

/// Why an output could not be written.
package enum OutputError: UserFacingError, Equatable {
    case cannotCreate(path: String, errno: Int32)
    case writeFailed(path: String, errno: Int32)
    /// A write to standard output failed: the output is incomplete, so the run fails with 74.
    case standardOutput(errno: Int32)

    /// True for a reader that went away (EPIPE): it asked for no more, so nothing is said about it.
    package var isBrokenPipe: Bool {
        if case .standardOutput(EPIPE) = self { return true }
        return false
    }

    package var exitCode: ExitCode {
        switch self {
        case .cannotCreate: .cannotCreate
        case .writeFailed, .standardOutput: .ioError
        }
    }

    /// One line, the path's control characters escaped.
    package var description: String { SafeText.messageLine(line) }

    private var line: String {
        switch self {
        case .cannotCreate(let path, let code):
            let hint =
                code == ENOENT ? "; create the directory first" : code == EACCES ? "; check the directory's permissions" : ""
            return "\(path): cannot be created (\(String(cString: strerror(code))))\(hint)"
        case .writeFailed(let path, let code):
            return "\(path): writing failed (\(String(cString: strerror(code)))); nothing was replaced"
        case .standardOutput(let code):
            return "laer: standard output: writing failed (\(String(cString: strerror(code))))"
        }
    }
}
