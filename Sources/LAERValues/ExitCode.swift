/// The process exit codes of `laer` (BSD sysexits), as the contract fixes them.
public enum ExitCode: Int32, Sendable, Equatable {
    /// Done.
    case success = 0
    /// A check the user asked for failed (`--fail-on-regression`); the tool itself worked.
    case checkFailed = 1
    /// Bad usage: unknown command or option, missing or invalid argument.
    case usage = 64
    /// Bad input data: a file that does not parse or validate.
    case dataError = 65
    /// An input does not exist or cannot be read.
    case noInput = 66
    /// An output cannot be created.
    case cannotCreate = 73
    /// Another input/output error.
    case ioError = 74
    /// Hung up (SIGHUP, the terminal closed), after saving what there is: 128 + 1.
    case hungUp = 129
    /// Interrupted by Ctrl-C, after saving what there is.
    case interrupted = 130
    /// Stopped by SIGTERM, after saving what there is: 128 + 15.
    case terminated = 143
}

/// An error with a message written for the user and the exit code it ends the run with.
package protocol UserFacingError: Error, CustomStringConvertible {
    var exitCode: ExitCode { get }
}
