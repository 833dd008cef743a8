import Glibc

/// What reading one line of input gave.
package enum LineInput: Sendable, Equatable {
    case line(String)
    /// End of input: the pipe or file ended, or the terminal sent Ctrl-D on an empty line.
    case end
    /// A signal asked the program to stop (Ctrl-C, SIGTERM, SIGHUP) while it waited.
    case signal(TerminalSignal)
}

/// Lines of input, one at a time: line mode reads its answers from one of these.
package protocol LineSource: AnyObject {
    func nextLine() -> LineInput
}

/// Lines from bytes already in memory, for tests and for input read in one go, split as
/// `DescriptorLineSource` splits what it reads.
package final class BufferedLineSource: LineSource {
    private var buffer = LineBuffer()

    package init(_ bytes: [UInt8]) {
        buffer.append(bytes)
    }

    package func nextLine() -> LineInput {
        guard let line = buffer.takeLine() ?? buffer.takeRest() else { return .end }
        return .line(line)
    }
}

/// Bytes read and not yet split into lines.
///
/// A line ends at LF; one CR before the LF is dropped (a CR alone ends no line), and the last
/// line may lack its LF.
struct LineBuffer {
    private var bytes: [UInt8] = []
    /// Where the lines not taken yet start, so that taking a line copies only that line.
    private var start = 0
    /// Where the search for the next LF goes on, so that a long line arriving in pieces is
    /// searched once.
    private var searched = 0

    mutating func append(_ more: [UInt8]) {
        if start > 0, start >= bytes.count / 2 {
            bytes.removeFirst(start)
            searched -= start
            start = 0
        }
        bytes += more
    }

    /// The next whole line; nil while no LF has come.
    mutating func takeLine() -> String? {
        guard let newline = bytes[searched...].firstIndex(of: UInt8(ascii: "\n")) else {
            searched = bytes.count
            return nil
        }
        var line = bytes[start..<newline]
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        start = newline + 1
        searched = start
        return String(decoding: line, as: UTF8.self)
    }

    /// What is left after the last LF, as the last line; nil when nothing is.
    mutating func takeRest() -> String? {
        guard start < bytes.count else { return nil }
        defer { (bytes, start, searched) = ([], 0, 0) }
        return String(decoding: bytes[start...], as: UTF8.self)
    }
}

/// Lines from a file descriptor, read as they come, with Ctrl-C, SIGTERM and SIGHUP reported
/// as `.signal` instead of killing the process, so the caller can say what was saved.
package final class DescriptorLineSource: LineSource {
    private let events: TerminalEvents
    private var buffer = LineBuffer()
    private var ended = false

    package init(descriptor: Int32 = STDIN_FILENO) throws(TerminalError) {
        events = try TerminalEvents(input: descriptor, signals: [.interrupt, .terminate, .hangup])
    }

    package func nextLine() -> LineInput {
        while true {
            if let line = buffer.takeLine() { return .line(line) }
            if ended { return buffer.takeRest().map(LineInput.line) ?? .end }
            switch events.next(timeoutMilliseconds: nil) {
            case .bytes(let bytes): buffer.append(bytes)
            case .signal(let signal): return .signal(signal)
            case .endOfInput, .failed: ended = true
            case .timeout: continue
            }
        }
    }
}
