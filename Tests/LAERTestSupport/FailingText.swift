import LAERCommandLine
import Synchronization

/// A standard output that fails, for tests: accepts `acceptedWrites` writes, then fails every
/// later one with `errno`, like a full disk (ENOSPC) or a reader gone away (EPIPE).
package final class FailingText: TextSink {
    private let state: Mutex<(accepted: Int, text: String, failure: Int32?)>
    private let code: Int32

    package init(errno code: Int32, acceptedWrites: Int = 0) {
        self.code = code
        state = Mutex((acceptedWrites, "", nil))
    }

    package func write(_ text: String) {
        state.withLock { state in
            guard state.failure == nil else { return }
            if state.accepted > 0 {
                state.accepted -= 1
                state.text += text
            } else {
                state.failure = code
            }
        }
    }

    package var writeFailure: Int32? { state.withLock { $0.failure } }
    /// What was written before the failure.
    package var text: String { state.withLock { $0.text } }
}
