import Synchronization
import Testing

@testable import LAERSystem

/// The batch's own threads: every iteration once, on as many threads as could be started.
@Suite struct WorkerThreadsTests {
    @Test(arguments: [1, 2, 8])
    func everyIterationRunsOnce(threads: Int) {
        let calls = Mutex([Int](repeating: 0, count: 1000))
        let used = WorkerThreads.run(1000, threads: threads) { position in calls.withLock { $0[position] += 1 } }
        #expect(calls.withLock { $0 } == [Int](repeating: 1, count: 1000))
        #expect(used == threads)
    }

    @Test func noMoreThreadsThanIterations() {
        #expect(WorkerThreads.run(2, threads: 8) { _ in } == 2)
        #expect(WorkerThreads.run(0, threads: 8) { _ in } == 1)
    }
}
