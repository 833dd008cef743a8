import LAERCommandLine
import Synchronization

/// Collects what a command writes, for tests.
package final class CapturedText: TextSink {
    private let storage = Mutex("")

    package init() {}

    package func write(_ text: String) {
        storage.withLock { $0 += text }
    }

    package var text: String { storage.withLock { $0 } }
}
