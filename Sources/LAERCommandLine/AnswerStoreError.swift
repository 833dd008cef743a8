import Glibc
import LAERFormats
import LAERSystem
import LAERValues

/// Why the survey's answer file could not be opened, locked or saved.
package enum AnswerStoreError: UserFacingError, Equatable {
    /// Another `laer survey` holds the file's lock: process `pid` (nil while that process is still
    /// writing the lock), on `host` when that is not this machine.
    case inUse(path: String, pid: Int32?, host: String?)
    /// The lock file beside the answer file cannot be created.
    case cannotLock(path: String, errno: Int32)
    /// The answer file exists but cannot be read.
    case cannotRead(LoadError)
    /// The answer file is not JSON.
    case syntax(path: String, JSONSyntaxError)
    /// The answer file is JSON but not an answer file for this questionnaire.
    case invalid(path: String, [Problem])
    /// Writing the file failed; the old file is as it was and the answers are still in memory.
    case saveFailed(OutputError)
    /// The answer file has no write permission: someone protected it, so it is not replaced.
    case readOnly(path: String)

    /// A held lock is "cannot create" (73): the answer file is there, but this run may not write
    /// it, as when any other output cannot be created.
    ///
    /// The lock's own failure is the same.
    package var exitCode: ExitCode {
        switch self {
        case .inUse, .cannotLock, .readOnly: .cannotCreate
        case .cannotRead(let error): error.exitCode
        case .syntax, .invalid: .dataError
        case .saveFailed(let error): error.exitCode
        }
    }

    package var description: String {
        switch self {
        case .inUse(let path, let pid, let host):
            let holder =
                switch (pid, host) {
                case (let pid?, let host?): " (process \(pid) on \(host))"
                case (let pid?, nil): " (process \(pid))"
                default: ""
                }
            return
                "\(path) is open in another laer survey\(holder). Finish that one first, or if it is gone, remove \(AnswerLock.path(for: path))."
        case .cannotLock(let path, let code):
            let hint =
                code == ENOENT
                ? "create the directory first, or choose a file in an existing one"
                : "choose a file in a directory you can write to"
            return "\(AnswerLock.path(for: path)): cannot be created (\(String(cString: strerror(code)))); "
                + "a survey keeps this lock beside its answer file: \(hint)"
        case .cannotRead(let error):
            return error.description
        case .syntax(let path, let error):
            return "\(path): \(error.description); this is not a laer answer file: fix it, or choose another file to start afresh"
        case .invalid(let path, let problems):
            let list = problems.map { $0.line(in: path) }.joined(separator: "\n")
            return list
                + "\n\(path): the survey cannot continue these answers: fix the file, or choose another file to start afresh"
        case .readOnly(let path):
            return "\(path) is read-only, so the survey will not replace it; your answers are kept: "
                + "make it writable (chmod u+w \(path)) and save again, or save to another file"
        case .saveFailed(let error):
            let (path, code) =
                switch error {
                case .cannotCreate(let path, let code), .writeFailed(let path, let code): (path, code)
                case .standardOutput(let code): ("standard output", code)
                }
            let hint =
                switch code {
                case ENOSPC, EDQUOT: "free some space and save again, or save to another file"
                case EACCES, EPERM, EROFS: "save to a file in a directory you can write to"
                default: "save again, or save to another file"
                }
            return "\(path): the answers could not be saved (\(String(cString: strerror(code)))); "
                + "the file was left as it was and your answers are kept: \(hint)"
        }
    }
}
