import Glibc

/// Why an input could not be loaded.
package enum LoadError: UserFacingError, Equatable {
    case cannotOpen(path: String, errno: Int32)
    case isDirectory(path: String)
    case readFailed(path: String, errno: Int32)
    /// The input holds more than `InputLimits.inputBytes`: a regular file by its size, before it
    /// is read; a pipe or a device when that much has come.
    case tooLarge(path: String)
    /// A path found by walking a directory that is no regular file when it is read (a FIFO or a
    /// device put in its place after the listing): skipped, so that it cannot hold up the batch.
    case skipped(path: String, SkippedEntry)
    /// A file found by walking a directory that was gone when its turn came to be read.
    case vanished(path: String)
    /// A directory given as an input that holds no `.json` or `.csv` file, nor any below it.
    case noInputs(directory: String)
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
        case .cannotOpen, .isDirectory, .vanished, .noInputs: .noInput
        case .readFailed: .ioError
        case .tooLarge, .skipped, .syntax, .invalid: .dataError
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
            case ENXIO: "\(path): is a socket or a device with nothing behind it, not a file; name a file"
            default: "\(path): cannot be opened (\(String(cString: strerror(code))))"
            }
        case .isDirectory(let path):
            "\(path): is a directory; name a file"
        case .readFailed(let path, let code):
            "\(path): read failed (\(String(cString: strerror(code))))"
        case .tooLarge(let path):
            "\(path): is larger than \(Self.inputLimit), the most laer reads from one input (an answer file is tens of KB, a wide export of thousands of respondents a few MB); check that it is the right file"
        case .skipped(let path, let entry):
            "\(path): \(entry)"
        case .vanished(let path):
            "\(path): no such file any more (removed after its directory was listed); score it again if it was meant to be"
        case .noInputs(let directory):
            "\(directory): no .json or .csv file in this directory or below it; check the path, or name the files"
        case .syntax(let file, let line, let column, let message):
            "\(file): line \(line), column \(column): \(message); fix the JSON at that place"
        case .invalid: ""
        }
    }

    /// `InputLimits.inputBytes` as messages write it: "32 MiB".
    static var inputLimit: String { "\(InputLimits.inputBytes >> 20) MiB" }
}

/// Why the walk of a directory skips an entry named like an input (`.json`, `.csv`): what it is
/// instead of a regular file laer reads.
package enum SkippedEntry: Equatable, Sendable, CustomStringConvertible {
    /// A name starting with "." (`.hidden.json`, `..json`).
    case hidden
    /// A symbolic link that leads nowhere: `errno` says why (ENOENT: its target does not exist).
    case brokenLink(target: String?, errno: Int32)
    /// A symbolic link to a directory: the walk follows none, so that no link can make it loop.
    case linkToDirectory(target: String?)
    /// A FIFO, socket or device, or a symbolic link to one.
    case special(Kind, linkTarget: String?)

    /// What a special file is.
    package enum Kind: Equatable, Sendable {
        case fifo, socket, characterDevice, blockDevice

        var name: String {
            switch self {
            case .fifo: "a FIFO (named pipe)"
            case .socket: "a socket"
            case .characterDevice: "a character device"
            case .blockDevice: "a block device"
            }
        }
    }

    package var description: String {
        switch self {
        case .hidden:
            return "skipped: a hidden file (its name starts with \".\"); name it as an input, or rename it, to read it"
        case .brokenLink(let target, ENOENT):
            return "skipped: a symbolic link to \(target ?? "a path") that does not exist; fix or remove the link"
        case .brokenLink(_, let code):
            return "skipped: a symbolic link that cannot be followed (\(String(cString: strerror(code)))); fix or remove the link"
        case .linkToDirectory(let target):
            return
                "skipped: a symbolic link to the directory \(target ?? "it names"), which the walk does not follow (so that no link can make it loop); name that directory as an input to read it"
        case .special(let kind, let target):
            let what = (target.map { "a symbolic link to \($0), " } ?? "") + kind.name
            let advice =
                kind == .socket
                ? "laer reads only regular files found in a directory"
                : "laer reads only regular files found in a directory; name a pipe or a device as an input to read it"
            return "skipped: \(what), not a regular file; \(advice)"
        }
    }
}
