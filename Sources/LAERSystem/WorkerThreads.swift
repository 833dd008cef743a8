import Glibc
import Synchronization

/// Runs the iterations of a loop on threads of its own, one per core, as a batch scores its inputs.
///
/// Not Dispatch's pool: when it cannot start a thread (its 8 MB stack under a low `ulimit -v`),
/// it tries again once a second, forever. Here a thread that cannot be started is done without,
/// down to the calling thread alone.
package enum WorkerThreads {
    /// One per core the system has online.
    package static let count = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))

    /// Calls `body` once with each of `0..<iterations`, on the calling thread and up to
    /// `threads - 1` threads more, and returns when every call has returned.
    ///
    /// Returns how many threads did the work, the calling thread included.
    @discardableResult
    package static func run(_ iterations: Int, threads: Int = count, _ body: @escaping @Sendable (Int) -> Void) -> Int {
        let loop = Loop(iterations: iterations, body: body)
        var started: [pthread_t] = []
        for _ in 0..<max(0, min(threads, iterations) - 1) {
            var thread = pthread_t()
            let context = Unmanaged.passRetained(loop).toOpaque()
            let created = pthread_create(
                &thread, nil,
                { context in
                    Unmanaged<Loop>.fromOpaque(context!).takeRetainedValue().work()
                    return nil
                }, context)
            guard created == 0 else {
                Unmanaged<Loop>.fromOpaque(context).release()
                break
            }
            started.append(thread)
        }
        loop.work()
        for thread in started { pthread_join(thread, nil) }
        return started.count + 1
    }

    /// The iterations that threads take one at a time until none is left.
    private final class Loop: Sendable {
        let iterations: Int
        let body: @Sendable (Int) -> Void
        let next = Atomic<Int>(0)

        init(iterations: Int, body: @escaping @Sendable (Int) -> Void) {
            self.iterations = iterations
            self.body = body
        }

        func work() {
            while true {
                let position = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard position < iterations else { return }
                body(position)
            }
        }
    }
}
