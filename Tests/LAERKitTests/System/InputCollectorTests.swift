import Foundation
import Glibc
import Testing

@testable import LAERSystem
@testable import LAERValues

/// The walk of a directory says what it skips and why, says when a directory holds no input, and
/// leaves the `--out` directory out.
@Suite struct InputCollectorTests {
    typealias Scratch = ScratchDirectory

    @Test func everyEntryNamedLikeAnInputThatIsSkippedIsNamedWithWhy() throws {
        let scratch = try Scratch()
        let path = scratch.path
        for name in ["a.json", ".hidden.json", "..json", "README.md", ".git/config.json", "sub/b.CSV"] { try scratch.write(name) }
        try #require(symlink("/nonexistent.json", path + "/dangling.json") == 0)
        try #require(symlink("/nonexistent", path + "/dangling-notes.txt") == 0)
        try #require(mkfifo(path + "/f.json", 0o600) == 0)
        try #require(symlink("/dev/null", path + "/null.csv") == 0)
        try #require(symlink(path + "/sub", path + "/linked") == 0)
        try scratch.socket("s.json")

        let collected = InputCollector.collect([path])
        #expect(collected.paths == [path + "/a.json", path + "/sub/b.CSV"])
        #expect(collected.inputs.count == 2)
        #expect(collected.missing.isEmpty)
        #expect(
            collected.skipped == [
                SkippedInput(path: path + "/..json", entry: .hidden),
                SkippedInput(path: path + "/.hidden.json", entry: .hidden),
                SkippedInput(path: path + "/dangling.json", entry: .brokenLink(target: "/nonexistent.json", errno: ENOENT)),
                SkippedInput(path: path + "/f.json", entry: .special(.fifo, linkTarget: nil)),
                SkippedInput(path: path + "/linked", entry: .linkToDirectory(target: path + "/sub")),
                SkippedInput(path: path + "/null.csv", entry: .special(.characterDevice, linkTarget: "/dev/null")),
                SkippedInput(path: path + "/s.json", entry: .special(.socket, linkTarget: nil)),
            ])
        #expect(
            collected.skipped.map(\.description) == [
                "\(path)/..json: warning: skipped: a hidden file (its name starts with \".\"); name it as an input, or rename it, to read it",
                "\(path)/.hidden.json: warning: skipped: a hidden file (its name starts with \".\"); name it as an input, or rename it, to read it",
                "\(path)/dangling.json: warning: skipped: a symbolic link to /nonexistent.json that does not exist; fix or remove the link",
                "\(path)/f.json: warning: skipped: a FIFO (named pipe), not a regular file; laer reads only regular files found in a directory; name a pipe or a device as an input to read it",
                "\(path)/linked: warning: skipped: a symbolic link to the directory \(path)/sub, which the walk does not follow (so that no link can make it loop); name that directory as an input to read it",
                "\(path)/null.csv: warning: skipped: a symbolic link to /dev/null, a character device, not a regular file; laer reads only regular files found in a directory; name a pipe or a device as an input to read it",
                "\(path)/s.json: warning: skipped: a socket, not a regular file; laer reads only regular files found in a directory",
            ])
    }

    @Test func aDirectoryWithNoInputIsMissingAnInput() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path + "/empty.json", withIntermediateDirectories: true)
        try scratch.write("notes/README.md")
        let collected = InputCollector.collect([scratch.path + "/empty.json", scratch.path + "/notes"])
        #expect(
            collected.missing == [
                .noInputs(directory: scratch.path + "/empty.json"), .noInputs(directory: scratch.path + "/notes"),
            ])
        #expect(collected.sawDirectory)
        #expect(collected.inputs.count == 0)
        #expect(LoadError.noInputs(directory: "d").exitCode == .noInput)
        #expect(
            LoadError.noInputs(directory: "d").description
                == "d: no .json or .csv file in this directory or below it; check the path, or name the files")
    }

    @Test func theOutDirectoryIsLeftOutHoweverItIsSpelled() throws {
        let scratch = try Scratch()
        for name in ["a.json", "out/summary.csv", "out/r.json", "outside/b.json"] { try scratch.write(name) }
        let spelling = scratch.path + "/./out/"
        let collected = InputCollector.collect([scratch.path], excluding: spelling)
        #expect(collected.paths == [scratch.path + "/a.json", scratch.path + "/outside/b.json"])
        #expect(collected.inputs.count == 2)
        #expect(Array(collected.inputs).map(\.path) == collected.paths)
        // A directory that does not exist yet leaves nothing out.
        #expect(InputCollector.collect([scratch.path], excluding: scratch.path + "/new").inputs.count == 4)
    }

    @Test func theWalkMarksWhatItFoundAndKeepsWhatWasNamed() throws {
        let scratch = try Scratch()
        try scratch.write("d/a.json")
        try scratch.write("b.json")
        let collected = InputCollector.collect([scratch.path + "/d", scratch.path + "/b.json", "-"])
        #expect(
            Array(collected.inputs) == [
                InputPath(scratch.path + "/d/a.json", isFound: true), InputPath(scratch.path + "/b.json"), InputPath("-"),
            ])
    }

    /// A file listed and then removed before its turn is reported as gone, by its path.
    @Test func aFileRemovedAfterTheListingIsReportedAsVanished() throws {
        let scratch = try Scratch()
        for name in ["a.json", "b.json"] { try scratch.write(name) }
        var iterator = InputCollector.collect([scratch.path]).inputs.makeIterator()
        let first = iterator.next()
        try FileManager.default.removeItem(atPath: scratch.path + "/b.json")
        let second = iterator.next()
        #expect(first == InputPath(scratch.path + "/a.json", isFound: true))
        #expect(second == InputPath(scratch.path + "/b.json", isFound: true))
        #expect(try OperatingSystem().read(InputPath(scratch.path + "/a.json", isFound: true)).bytes == Array("{}".utf8))
        #expect(throws: LoadError.vanished(path: scratch.path + "/b.json")) {
            try OperatingSystem().read(InputPath(scratch.path + "/b.json", isFound: true))
        }
        #expect(iterator.next() == nil)
    }
}

extension ScratchDirectory {
    /// A socket bound at `name`, closed again: the name stays.
    func socket(_ name: String) throws {
        let descriptor = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array((path + "/" + name).utf8)
        try #require(bytes.count < MemoryLayout.size(ofValue: address.sun_path))
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        try #require(bound == 0, "\(String(cString: strerror(errno)))")
    }
}
