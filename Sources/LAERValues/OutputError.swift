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
                switch code {
                case ENOENT: "; create the directory first"
                case EACCES: "; check the directory's permissions"
                case EROFS: "; it is on a read-only file system: write it to another one"
                case ENOSPC, EDQUOT: "; the disk is full: free some space, or write it to another disk"
                default: ""
                }
            return "\(path): cannot be created (\(String(cString: strerror(code))))\(hint)"
        case .writeFailed(let path, let code):
            let hint = code == ENOSPC || code == EDQUOT ? ": free some space, or write it to another disk" : ""
            return "\(path): writing failed (\(String(cString: strerror(code)))); nothing was replaced\(hint)"
        case .standardOutput(let code):
            return "laer: standard output: writing failed (\(String(cString: strerror(code))))"
        }
    }
}
