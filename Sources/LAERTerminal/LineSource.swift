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

/// Lines from bytes already in memory, for tests and for input read in one go.
package final class BufferedLineSource: LineSource {
    private var lines: [String]
    private var position = 0

    package init(_ bytes: [UInt8]) {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        lines =
            bytes.isEmpty
            ? []
            : text.split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
            }
    }

    package func nextLine() -> LineInput {
        guard position < lines.count else { return .end }
        defer { position += 1 }
        return .line(lines[position])
    }
}

/// Lines from a file descriptor, read as they come, with Ctrl-C, SIGTERM and SIGHUP reported
/// as `.signal` instead of killing the process, so the caller can say what was saved.
package final class DescriptorLineSource: LineSource {
    private let events: TerminalEvents
    private var buffer: [UInt8] = []
    private var ended = false

    package init(descriptor: Int32 = STDIN_FILENO) throws(TerminalError) {
        events = try TerminalEvents(input: descriptor, signals: [.interrupt, .terminate, .hangup])
    }

    package func nextLine() -> LineInput {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return .line(String(decoding: line, as: UTF8.self))
            }
            if ended {
                guard !buffer.isEmpty else { return .end }
                defer { buffer = [] }
                return .line(String(decoding: buffer, as: UTF8.self))
            }
            switch events.next(timeoutMilliseconds: nil) {
            case .bytes(let bytes): buffer += bytes
            case .signal(let signal): return .signal(signal)
            case .endOfInput, .failed: ended = true
            case .timeout: continue
            }
        }
    }
}
