import Foundation
import Glibc
import Testing

@testable import LAERSystem
@testable import LAERValues

/// The registry of open temporary files that an interrupted run removes.
@Suite struct TemporaryFileRegistryTests {
    @Test func aTemporaryFileIsRegisteredWhileItIsOpen() throws {
        let scratch = try ScratchDirectory()
        let directory = scratch.path
        var committed = try TemporaryFile.create(for: directory + "/a.txt")
        var discarded = try TemporaryFile.create(for: directory + "/b.txt")
        #expect(TemporaryFileRegistry.current.contains(committed.path))
        #expect(TemporaryFileRegistry.current.contains(discarded.path))
        try committed.commit()
        discarded.discard()
        #expect(!TemporaryFileRegistry.current.contains(committed.path))
        #expect(!TemporaryFileRegistry.current.contains(discarded.path))
    }

    @Test func aFailedRenameUnregistersAndRemovesTheFile() throws {
        let scratch = try ScratchDirectory()
        let directory = scratch.path
        try #require(mkdir(directory + "/taken", 0o755) == 0)
        try #require(FileManager.default.createFile(atPath: directory + "/taken/keep", contents: Data()))
        var file = try TemporaryFile.create(for: directory + "/taken")
        #expect(throws: OutputError.cannotCreate(path: directory + "/taken", errno: EISDIR)) { try file.commit() }
        #expect(!TemporaryFileRegistry.current.contains(file.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["taken"])
    }

    @Test func theSummaryStreamIsRegisteredUntilItIsFinished() throws {
        let scratch = try ScratchDirectory()
        let directory = scratch.path
        let stream = try OutputFile.Stream(path: directory + "/summary.csv")
        let registered = TemporaryFileRegistry.current.filter { $0.hasPrefix(directory + "/") }
        #expect(registered.count == 1)
        try stream.finish()
        #expect(TemporaryFileRegistry.current.allSatisfy { !$0.hasPrefix(directory + "/") })
    }
}
