import Glibc
import LAERValues

/// Why the terminal could not be set up for the full-screen survey.
package enum TerminalError: UserFacingError, Equatable {
    /// The descriptor is not a terminal, so raw mode has no meaning.
    case notATerminal(descriptor: Int32)
    /// `tcgetattr` or `tcsetattr` failed.
    case attributesFailed(descriptor: Int32, errno: Int32)
    /// The signal pipe or a signal handler could not be set up.
    case signalsFailed(errno: Int32)
    /// A `TerminalEvents` is already listening: signals have one listener per process.
    case alreadyListening

    package var exitCode: ExitCode { .ioError }

    package var description: String {
        switch self {
        case .notATerminal(let descriptor):
            "\(Self.name(descriptor)) is not a terminal; run the survey in a terminal, or pipe answers in for line mode"
        case .attributesFailed(let descriptor, let code):
            "\(Self.name(descriptor)): the terminal's settings cannot be changed (\(String(cString: strerror(code)))); "
                + "run the survey in another terminal, or pipe answers in for line mode"
        case .signalsFailed(let code):
            "signal handling cannot be set up (\(String(cString: strerror(code)))); run the survey again"
        case .alreadyListening:
            "terminal events are already being read in this process; close the first reader before opening another"
        }
    }

    static func name(_ descriptor: Int32) -> String {
        switch descriptor {
        case STDIN_FILENO: "standard input"
        case STDOUT_FILENO: "standard output"
        case STDERR_FILENO: "standard error"
        default: "descriptor \(descriptor)"
        }
    }
}
