import LAERSystem
import Synchronization

/// Writes straight to a file descriptor, retrying short writes, and remembers the first failure.
///
/// After a failure it writes nothing more: the output is already incomplete, and a reader that
/// went away (EPIPE) must not be written to for the rest of a long batch. The lock also keeps
/// writes from several threads whole.
package final class FileDescriptorSink: TextSink {
    package let descriptor: Int32
    private let failure = Mutex<Int32?>(nil)

    package init(_ descriptor: Int32) {
        self.descriptor = descriptor
    }

    package func write(_ text: String) {
        failure.withLock { failure in
            guard failure == nil else { return }
            failure = FileDescriptor.writeAll(descriptor, text)
        }
    }

    package func write(bytes: [UInt8]) {
        failure.withLock { failure in
            guard failure == nil else { return }
            failure = FileDescriptor.writeAll(descriptor, bytes)
        }
    }

    package var writeFailure: Int32? { failure.withLock { $0 } }
}
