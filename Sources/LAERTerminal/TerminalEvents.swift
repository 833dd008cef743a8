import Glibc
import LAERSystem
import Synchronization

/// A signal the survey must react to.
package enum TerminalSignal: CaseIterable, Sendable, Equatable {
    /// SIGINT, sent by `kill -INT` (Ctrl-C itself arrives as a key in raw mode).
    case interrupt
    /// SIGTERM.
    case terminate
    /// SIGHUP: the terminal went away.
    case hangup
    /// SIGWINCH: the window changed size.
    case resize

    /// The signal's number, such as `SIGWINCH`.
    package var number: Int32 {
        switch self {
        case .interrupt: SIGINT
        case .terminate: SIGTERM
        case .hangup: SIGHUP
        case .resize: SIGWINCH
        }
    }

    /// The signal with this number; nil for one the survey does not handle.
    package init?(number: Int32) {
        guard let signal = Self.allCases.first(where: { $0.number == number }) else { return nil }
        self = signal
    }
}

/// What the survey's driver loop wakes up for.
package enum TerminalEvent: Equatable, Sendable {
    /// Bytes read from the input, for a `KeyDecoder`.
    case bytes([UInt8])
    case signal(TerminalSignal)
    /// The timeout passed with nothing to read.
    case timeout
    /// The input was closed (end of file, or the terminal hung up).
    case endOfInput
    /// Reading failed with this errno.
    case failed(Int32)
}

/// The write end of the signal pipe, for the signal handler: a handler can capture nothing.
private let signalPipe = Atomic<Int32>(-1)

/// Waits for input bytes and signals at once, on the calling thread, without threads of its own.
///
/// Signal handlers write the signal's number into a pipe (the self-pipe trick) and `next` polls
/// the input and that pipe together. Handlers, unlike `signalfd` or a Dispatch signal source, see
/// a signal on whichever thread the kernel picks, so nothing has to block signals before other
/// threads start. One instance listens at a time; `close()` (or `deinit`), on the thread that
/// opened it, puts back the handlers and the signal mask it found.
package final class TerminalEvents {
    /// The descriptor read for key bytes.
    package let input: Int32
    private var pipe: (read: Int32, write: Int32)
    private var previousActions: [(signal: Int32, action: sigaction)] = []
    private var previousMask: sigset_t = {
        var empty = sigset_t()
        sigemptyset(&empty)
        return empty
    }()
    private var queued: [TerminalSignal] = []
    private var isOpen = true

    /// Starts listening for `signals` and reading `input`.
    package init(input: Int32 = STDIN_FILENO, signals: [TerminalSignal] = TerminalSignal.allCases) throws(TerminalError) {
        self.input = input
        var ends: [Int32] = [-1, -1]
        guard Glibc.pipe(&ends) == 0 else { throw .signalsFailed(errno: errno) }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        pipe = (ends[0], ends[1])
        guard signalPipe.compareExchange(expected: -1, desired: pipe.write, ordering: .sequentiallyConsistent).exchanged else {
            Glibc.close(pipe.read)
            Glibc.close(pipe.write)
            isOpen = false
            throw .alreadyListening
        }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { number in
            // Only async-signal-safe work here: one write, errno kept for the interrupted code.
            let saved = errno
            var byte = UInt8(truncatingIfNeeded: number)
            _ = Glibc.write(signalPipe.load(ordering: .relaxed), &byte, 1)
            errno = saved
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals {
            var previous = sigaction()
            guard sigaction(signal.number, &action, &previous) == 0 else {
                let code = errno
                close()
                throw .signalsFailed(errno: code)
            }
            previousActions.append((signal.number, previous))
            sigaddset(&set, signal.number)
        }
        // A signal blocked on this thread could still reach another; unblocked here, it can reach this one.
        pthread_sigmask(SIG_UNBLOCK, &set, &previousMask)
    }

    /// Waits up to `timeoutMilliseconds` (nil: forever) for the next event.
    ///
    /// Signals come first.
    package func next(timeoutMilliseconds: Int32?) -> TerminalEvent {
        let deadline = timeoutMilliseconds.map { Self.now() + Int64($0) }
        while true {
            if !queued.isEmpty { return .signal(queued.removeFirst()) }
            var descriptors = [
                pollfd(fd: pipe.read, events: Int16(POLLIN), revents: 0), pollfd(fd: input, events: Int16(POLLIN), revents: 0),
            ]
            let wait = deadline.map { Int32(clamping: max(0, $0 - Self.now())) } ?? -1
            let ready = poll(&descriptors, 2, wait)
            if ready < 0 {
                if errno == EINTR { continue }
                return .failed(errno)
            }
            if ready == 0 { return .timeout }
            if descriptors[0].revents != 0 {
                readSignals()
                continue
            }
            let events = Int32(descriptors[1].revents)
            if events & Int32(POLLNVAL) != 0 { return .failed(EBADF) }
            if events & Int32(POLLIN | POLLHUP | POLLERR) != 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let count = buffer.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, $0.count) }
                if count > 0 { return .bytes(Array(buffer[0..<count])) }
                if count == 0 { return .endOfInput }
                if errno == EINTR || errno == EAGAIN { continue }
                // A terminal that hung up reads as EIO.
                return errno == EIO ? .endOfInput : .failed(errno)
            }
        }
    }

    private func readSignals() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(pipe.read, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            for byte in buffer[0..<count] {
                if let signal = TerminalSignal(number: Int32(byte)), !queued.contains(signal) { queued.append(signal) }
            }
        }
    }

    /// Puts back the signal handlers and mask found at the start; safe to call more than once.
    package func close() {
        guard isOpen else { return }
        isOpen = false
        for (signal, previous) in previousActions.reversed() {
            var action = previous
            sigaction(signal, &action, nil)
        }
        var reblock = sigset_t()
        sigemptyset(&reblock)
        for (signal, _) in previousActions where sigismember(&previousMask, signal) == 1 { sigaddset(&reblock, signal) }
        pthread_sigmask(SIG_BLOCK, &reblock, nil)
        previousActions = []
        signalPipe.store(-1, ordering: .sequentiallyConsistent)
        Glibc.close(pipe.read)
        Glibc.close(pipe.write)
    }

    deinit { close() }

    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }
}
