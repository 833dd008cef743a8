import Glibc

/// How the process itself reacts to signals.
package enum ProcessSignals {
    /// Makes a write to a closed pipe fail with EPIPE instead of killing the process, for a run
    /// that must finish its own work (such as releasing a lock) whoever reads its output.
    package static func ignoreBrokenPipe() {
        signal(SIGPIPE, SIG_IGN)
    }
}
