import Foundation
import Glibc
import Testing

@testable import LAERSystem
@testable import LAERValues

/// Inputs are read in bounded chunks: a regular file too large is refused by its size, a stream
/// stops at the limit, and a file found in a directory is read only when it is a regular file.
@Suite struct InputReadingTests {
    typealias Scratch = ScratchDirectory

    @Test func aRegularFileLargerThanTheLimitIsRefusedByItsSizeUnread() throws {
        let scratch = try Scratch()
        // A tebibyte: read, it would exhaust memory; refused by its size, it costs one fstat.
        let huge = try scratch.sparse("huge.json", size: 1 << 40)
        #expect(throws: LoadError.tooLarge(path: huge)) { try InputFile.read(path: huge) }
        let justOver = try scratch.sparse("over.json", size: InputLimits.inputBytes + 1)
        #expect(throws: LoadError.tooLarge(path: justOver)) { try InputFile.readFound(path: justOver) }
        let atTheLimit = try scratch.sparse("limit.json", size: InputLimits.inputBytes)
        #expect(try InputFile.read(path: atTheLimit).bytes.count == InputLimits.inputBytes)
    }

    @Test func anEndlessDeviceStopsAtTheLimit() {
        #expect(throws: LoadError.tooLarge(path: "/dev/zero")) { try InputFile.read(path: "/dev/zero") }
        #expect(
            LoadError.tooLarge(path: "/dev/zero").description
                == "/dev/zero: is larger than 32 MiB, the most laer reads from one input (an answer file is tens of KB, a wide export of thousands of respondents a few MB); check that it is the right file"
        )
        #expect(LoadError.tooLarge(path: "x").exitCode == .dataError)
    }

    /// The limit holds to the byte: as much as it allows is read whole, one byte more is refused.
    @Test func aStreamMayHoldExactlyTheLimit() throws {
        for (count, fits) in [(10, true), (11, false), (0, true)] {
            var ends: [Int32] = [-1, -1]
            try #require(pipe(&ends) == 0)
            defer { close(ends[0]) }
            let bytes = [UInt8](repeating: 0x41, count: count)
            #expect(FileDescriptor.writeAll(ends[1], bytes) == nil)
            close(ends[1])
            if fits {
                #expect(try InputFile.readAll(ends[0], name: "<stdin>", limit: 10) == bytes)
            } else {
                #expect(throws: LoadError.tooLarge(path: "<stdin>")) {
                    try InputFile.readAll(ends[0], name: "<stdin>", limit: 10)
                }
            }
        }
    }

    @Test func aFIFONamedAsAnInputIsReadAndOneWithoutAWriterIsEmpty() throws {
        let scratch = try Scratch()
        let fifo = scratch.path + "/x.json"
        try #require(mkfifo(fifo, 0o600) == 0)
        #expect(try InputFile.read(path: fifo).bytes.isEmpty)
        // Bytes a writer left and closed on are read to the end; a reader held here keeps them in the pipe.
        let keeper = open(fifo, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        try #require(keeper >= 0)
        defer { close(keeper) }
        let writer = open(fifo, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        try #require(writer >= 0)
        #expect(FileDescriptor.writeAll(writer, "{}") == nil)
        close(writer)
        #expect(try InputFile.read(path: fifo).bytes == Array("{}".utf8))
    }

    @Test func aFileFoundInADirectoryIsReadOnlyWhenItIsARegularFile() throws {
        let scratch = try Scratch()
        let fifo = scratch.path + "/f.json"
        try #require(mkfifo(fifo, 0o600) == 0)
        #expect(throws: LoadError.skipped(path: fifo, .special(.fifo, linkTarget: nil))) { try InputFile.readFound(path: fifo) }
        let device = scratch.path + "/z.json"
        try #require(symlink("/dev/zero", device) == 0)
        #expect(throws: LoadError.skipped(path: device, .special(.characterDevice, linkTarget: nil))) {
            try InputFile.readFound(path: device)
        }
        let gone = scratch.path + "/gone.json"
        #expect(throws: LoadError.vanished(path: gone)) { try InputFile.readFound(path: gone) }
        #expect(throws: LoadError.cannotOpen(path: gone, errno: ENOENT)) { try InputFile.read(path: gone) }
        #expect(throws: LoadError.isDirectory(path: scratch.path)) { try InputFile.readFound(path: scratch.path) }
        let file = scratch.path + "/a.json"
        try "{}".write(toFile: file, atomically: false, encoding: .utf8)
        #expect(try InputFile.readFound(path: file).bytes == Array("{}".utf8))
        #expect(
            LoadError.skipped(path: fifo, .special(.fifo, linkTarget: nil)).description
                == "\(fifo): skipped: a FIFO (named pipe), not a regular file; laer reads only regular files found in a directory; name a pipe or a device as an input to read it"
        )
    }
}

extension ScratchDirectory {
    /// A sparse file of `size` bytes: it takes no disk, and reading it would take as much memory.
    func sparse(_ name: String, size: Int) throws -> String {
        let file = path + "/" + name
        try #require(FileManager.default.createFile(atPath: file, contents: nil))
        try #require(truncate(file, off_t(size)) == 0)
        return file
    }
}
