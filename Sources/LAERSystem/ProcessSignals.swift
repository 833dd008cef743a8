import Glibc
import LAERValues
import Synchronization

/// How the process itself reacts to signals.
package enum ProcessSignals {
    /// Makes a write to a closed pipe fail with EPIPE instead of killing the process, for a run
    /// that must finish its own work (such as releasing a lock) whoever reads its output.
    package static func ignoreBrokenPipe() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Makes SIGINT and SIGTERM remove the temporary files open at that moment and end the run
    /// with 130 or 143, for commands that write files.
    ///
    /// Not for the survey, which handles these
    /// signals itself (it saves, and restores the terminal). Calling it again does nothing.
    ///
    /// The handler only writes the signal's number into a pipe, which is async-signal-safe; a
    /// thread of its own reads the pipe and does the rest, so it may take the registry's lock.
    /// A signal ignored when the process started (as `nohup` or a shell's `&` leave them) stays ignored.
    package static func removeTemporaryFilesOnInterrupt() {
        guard cleanupInstalled.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent).exchanged else {
            return
        }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        cleanupPipe.store(ends[1], ordering: .sequentiallyConsistent)
        cleanupReadEnd.store(ends[0], ordering: .sequentiallyConsistent)

        var thread = pthread_t()
        guard
            pthread_create(
                &thread, nil,
                { _ in
                    // Whatever mask this thread inherited, it can take the signals.
                    var set = sigset_t()
                    sigemptyset(&set)
                    for signal in ProcessSignals.cleanupSignals { sigaddset(&set, signal) }
                    pthread_sigmask(SIG_UNBLOCK, &set, nil)
                    var byte: UInt8 = 0
                    while true {
                        let count = read(ProcessSignals.cleanupReadEnd.load(ordering: .relaxed), &byte, 1)
                        if count < 0, errno == EINTR { continue }
                        guard count == 1 else { return nil }
                        let status = Int32(byte) == SIGTERM ? ExitCode.terminated.rawValue : ExitCode.interrupted.rawValue
                        TemporaryFileRegistry.removeAllAndExit(status: status, unlink: { _ = unlink($0) }, exit: { _exit($0) })
                    }
                }, nil) == 0
        else { return }
        pthread_detach(thread)

        var action = sigaction()
        action.__sigaction_handler.sa_handler = { number in
            let saved = errno
            var byte = UInt8(truncatingIfNeeded: number)
            _ = write(ProcessSignals.cleanupPipe.load(ordering: .relaxed), &byte, 1)
            errno = saved
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        for signal in cleanupSignals {
            var previous = sigaction()
            sigaction(signal, nil, &previous)
            if unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
                continue
            }
            sigaction(signal, &action, nil)
        }
    }

    static let cleanupSignals = [SIGINT, SIGTERM]
    private static let cleanupInstalled = Atomic<Bool>(false)
    /// The pipe's ends, for the handler and the thread: neither can capture anything.
    private static let cleanupPipe = Atomic<Int32>(-1)
    private static let cleanupReadEnd = Atomic<Int32>(-1)
}
