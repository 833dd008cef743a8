import Foundation
import Glibc
import Synchronization
import Testing

@testable import LAERSystem

/// The answer file's lock under contention, with real files.
@Suite struct AnswerLockTests {
    /// Runs `body` on `count` threads released at the same moment, and returns what each returned.
    static func atOnce<Result: Sendable>(_ count: Int, _ body: @escaping @Sendable () -> Result) -> [Result] {
        let ready = Atomic<Int>(0)
        let results = Mutex<[Result]>([])
        let done = DispatchGroup()
        for _ in 0..<count {
            done.enter()
            Thread {
                ready.add(1, ordering: .sequentiallyConsistent)
                while ready.load(ordering: .sequentiallyConsistent) < count { sched_yield() }
                let result = body()
                results.withLock { $0.append(result) }
                done.leave()
            }.start()
        }
        done.wait()
        return results.withLock { $0 }
    }

    /// Several surveys that find one stale lock at the same moment: exactly one takes it over,
    /// the others are told it is in use. (Before the takeover was atomic, each could remove the
    /// lock another had just taken and take it again itself.)
    @Test func exactlyOneOfManyTakesOverAStaleLock() throws {
        let scratch = try ScratchDirectory()
        let directory = scratch.path
        // Process 1 runs, but started at another time than the lock says: its id was reused.
        let started = try #require(AnswerLock.startTime(of: 1))
        let stale = "1\n\(AnswerLock.hostName())\n\(started + 1)\n"
        var winners: [Int] = []
        for round in 0..<1000 {
            let answerPath = directory + "/answers-\(round).json"
            try #require(FileManager.default.createFile(atPath: AnswerLock.path(for: answerPath), contents: Data(stale.utf8)))
            let outcomes = Self.atOnce(3) { () -> Result<AnswerLock, LockError> in
                Result { () throws(LockError) in try AnswerLock.acquire(for: answerPath) }
            }
            let won = outcomes.compactMap { try? $0.get() }
            winners.append(won.count)
            for outcome in outcomes {
                guard case .failure(let error) = outcome else { continue }
                guard case .inUse = error else {
                    Issue.record("round \(round): \(error)")
                    continue
                }
            }
            for lock in won { lock.release() }
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains(".lock") } == [])
        }
        #expect(winners.allSatisfy { $0 == 1 }, "winners per round: \(winners.filter { $0 != 1 })")
    }
}
