import Glibc

/// Why an output could not be written.
package enum OutputError: UserFacingError, Equatable {
    case cannotCreate(path: String, errno: Int32)
    case writeFailed(path: String, errno: Int32)

    package var exitCode: ExitCode {
        switch self {
        case .cannotCreate: .cannotCreate
        case .writeFailed: .ioError
        }
    }

    package var description: String {
        switch self {
        case .cannotCreate(let path, let code):
            let hint = code == ENOENT ? "; create the directory first" : code == EACCES ? "; check the directory's permissions" : ""
            return "\(path): cannot be created (\(String(cString: strerror(code))))\(hint)"
        case .writeFailed(let path, let code):
            return "\(path): writing failed (\(String(cString: strerror(code)))); nothing was replaced"
        }
    }
}
