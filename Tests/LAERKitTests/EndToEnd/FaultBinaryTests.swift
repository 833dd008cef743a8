import Foundation
import Glibc
import Synchronization
import Testing

/// A tmpfs mounted for one test and unmounted when it ends: a read-only or a small file system,
/// the faults that permission bits cannot make for a test that runs as root.
final class TemporaryMount {
    let path: String

    /// Whether this process may mount a file system (root or CAP_SYS_ADMIN, outside a container
    /// that forbids it), tried once.
    static let isPermitted: Bool = (try? TemporaryMount(options: "size=64k")) != nil

    static let skipReason: Comment =
        "mounting a tmpfs is not permitted here (it needs root or CAP_SYS_ADMIN): a read-only or full file system cannot be made without one"

    /// Mounts a tmpfs with `options` (as `mount -o` takes them) on a new directory.
    init(options: String) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("laer-mount-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let mounted = try? Subprocess.run("/usr/bin/mount", ["-t", "tmpfs", "-o", options, "none", path])
        guard mounted?.status == 0 else {
            rmdir(path)
            throw POSIXError(.EPERM)
        }
    }

    /// Mounts it again with other options, such as `ro`; a file open for writing makes it busy
    /// for a moment, so that is tried again.
    func remount(_ options: String) throws {
        for _ in 0..<100 {
            if try Subprocess.run("/usr/bin/mount", ["-o", "remount," + options, path]).status == 0 { return }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw POSIXError(.EBUSY)
    }

    deinit {
        _ = try? Subprocess.run("/usr/bin/umount", ["-l", path])
        rmdir(path)
    }
}

/// Faults around the real binary's outputs: a reader that goes away, an output directory on a
/// read-only file system, a disk that fills up.
@Suite struct FaultBinaryTests {
    static var binary: String { BinaryTests.binary.path }
    static let example = TestFiles.example
    static let later = TestFiles.later

    typealias Scratch = ScratchDirectory

    /// `count` answer files `f0000.json`… in `directory`, copies of the example whose respondents
    /// are `Person 0000`…, so that each report has a name of its own and all are the same length.
    @discardableResult
    static func makeInputs(_ count: Int, in directory: String) throws -> Int {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let parts = try String(contentsOfFile: example, encoding: .utf8).components(separatedBy: "\"Dana Whitfield\"")
        try #require(parts.count == 2)
        // Written in pieces, without building each file's text: a debug build makes that slow.
        let before = Array((parts[0] + "\"Person ").utf8)
        let after = Array(("\"" + parts[1]).utf8)
        let digits = Array("0123456789".utf8)
        for index in 0..<count {
            let number = [1000, 100, 10, 1].map { digits[index / $0 % 10] }
            let descriptor = open(
                directory + "/f" + String(decoding: number, as: UTF8.self) + ".json", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
                0o644)
            try #require(descriptor >= 0)
            defer { close(descriptor) }
            for piece in [before, number, after] {
                try #require(piece.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == piece.count)
            }
        }
        return count * (before.count + 4 + after.count)
    }

    /// 3,000 inputs made by `makeInputs` once for the whole test run, and removed when it ends:
    /// enough that a batch is still going when a test interrupts it; each test makes its output elsewhere.
    static let sharedInputs: (path: String, bytes: Int) = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("laer-fault-inputs-\(UUID().uuidString)").path
        let bytes = (try? makeInputs(sharedInputCount, in: path)) ?? 0
        sharedInputsPath.withLock { $0 = path }
        atexit { sharedInputsPath.withLock { path in path.map { _ = try? FileManager.default.removeItem(atPath: $0) } } }
        return (path, bytes)
    }()
    static let sharedInputCount = 3000
    private static let sharedInputsPath = Mutex<String?>(nil)

    /// The files of a directory, sorted; empty when it is not there.
    static func names(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    /// Checks that every report in `out` is whole, and returns how many there are.
    ///
    /// Whole is byte for byte the report that a run not disturbed writes for the same input
    /// (made by `makeInputs` in `inputs`) into `reference`.
    @discardableResult
    static func expectWholeReports(
        in out: String, inputs: String, format: String, reference: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Int {
        let reports = names(out).filter { $0 != "summary.csv" }
        var sources: [String] = []
        for name in reports {
            guard let range = name.range(of: #"Person-[0-9]{4}\."#, options: .regularExpression) else {
                Issue.record("\(name) is not a report's name", sourceLocation: sourceLocation)
                continue
            }
            sources.append(inputs + "/f" + name[range].dropFirst(7).dropLast() + ".json")
        }
        guard !sources.isEmpty else { return 0 }
        let run = try Subprocess.run(binary, ["score"] + sources + ["--format", format, "--out", reference + "/"])
        try #require(run.status == 0, "the reference run: \(run.errorOutput)", sourceLocation: sourceLocation)
        for name in reports
        where FileManager.default.contents(atPath: out + "/" + name)
            != FileManager.default.contents(
                atPath: reference + "/" + name)
        {
            Issue.record("\(name) is not whole", sourceLocation: sourceLocation)
        }
        return reports.count
    }

    // MARK: - A reader that goes away

    /// The state of process `pid` (one letter of `/proc/PID/stat`), nil when it is gone.
    static func state(of pid: pid_t) -> Character? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")")
        else { return nil }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
    }

    /// Waits until the child `pid` has ended but is not reaped yet, and returns what it read and
    /// wrote (`rchar` and `wchar` of `/proc/PID/io`); nil after `timeout` seconds.
    static func inputOutputOnceEnded(_ pid: pid_t, timeout: Double = 120) -> (read: Int, written: Int)? {
        let deadline = Date().addingTimeInterval(timeout)
        while state(of: pid) != "Z" {
            if Date() > deadline { return nil }
            Thread.sleep(forTimeInterval: 0.005)
        }
        guard let io = try? String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8) else { return nil }
        func field(_ name: String) -> Int? {
            io.split(separator: "\n").first { $0.hasPrefix(name + ": ") }.flatMap { Int($0.dropFirst(name.count + 2)) }
        }
        guard let read = field("rchar"), let written = field("wchar") else { return nil }
        return (read, written)
    }

    /// `laer score DIR | head -1` on thousands of files: once the reader has its line and goes,
    /// laer stops at once and quietly, killed by SIGPIPE as any filter is, or, with SIGPIPE
    /// ignored, with 74 and no message; either way having read and written a small part of the run.
    @Test(arguments: [false, true])
    func aReaderThatGoesAwayStopsTheBatchQuietly(_ ignoringSIGPIPE: Bool) throws {
        let scratch = try Scratch()
        let (inputs, inputBytes) = Self.sharedInputs
        try #require(inputBytes > 0)
        let fifo = scratch.path + "/out"
        try #require(mkfifo(fifo, 0o600) == 0)
        // Opened before laer starts, so that laer's open of the other end does not wait.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        try #require(reader >= 0)
        let (pid, _) =
            ignoringSIGPIPE
            ? try Subprocess.start(
                "/bin/sh", ["-c", #"trap '' PIPE; exec "$0" score "$1""#, Self.binary, inputs], input: .text(""), output: fifo,
                errorOutput: scratch.path + "/err", environment: ["PATH": "/usr/bin:/bin"])
            : try Subprocess.start(
                Self.binary, ["score", inputs], input: .text(""), output: fifo, errorOutput: scratch.path + "/err",
                environment: ["PATH": "/usr/bin:/bin"])
        _ = fcntl(reader, F_SETFL, 0)
        // `head -1`: read up to the first line, then go.
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !received.contains(UInt8(ascii: "\n")) {
            let count = read(reader, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            received += chunk[..<count]
        }
        close(reader)
        let io = Self.inputOutputOnceEnded(pid)
        let status = Subprocess.wait(pid, timeout: 60)
        #expect(String(decoding: received, as: UTF8.self).hasPrefix("LAER gap analysis: Person 0000"))
        #expect(status == (ignoringSIGPIPE ? 74 : 128 + SIGPIPE))
        #expect(try String(contentsOfFile: scratch.path + "/err", encoding: .utf8) == "")
        let (read, written) = try #require(io)
        // The whole run writes about 14 KB a report, 42 MB in all.
        #expect(written < 1 << 20, "wrote \(written) bytes")
        #expect(read < inputBytes / 2, "read \(read) of \(inputBytes) bytes")
    }

    // MARK: - A read-only output directory

    /// Every command that writes files, with its output on a read-only file system: 73, and the
    /// message names the place and says what to do. (Root ignores permission bits; a read-only
    /// mount stops it too.)
    @Test(.enabled(if: TemporaryMount.isPermitted, TemporaryMount.skipReason))
    func anOutputOnAReadOnlyFileSystemExits73() throws {
        let mount = try TemporaryMount(options: "ro,size=64k")
        let scratch = try Scratch()
        try Self.makeInputs(3, in: scratch.path + "/in")
        let ro = mount.path
        let runs: [([String], String)] = [
            (["score", scratch.path + "/in", "--out", ro], ro),
            (["score", scratch.path + "/in", "--out", ro + "/reports/"], ro + "/reports/"),
            (["score", Self.example, Self.later, "--out", ro + "/new"], ro + "/new"),
            (["score", Self.example, "--out", ro + "/a.html"], ro + "/a.html"),
            (["template", "--out", ro + "/sheet.csv"], ro + "/sheet.csv"),
            (["diff", Self.example, Self.later, "--out", ro + "/diff.md"], ro + "/diff.md"),
            (["trend", Self.example, Self.later, "--format", "html", "--out", ro + "/trend.html"], ro + "/trend.html"),
        ]
        for (arguments, named) in runs {
            let result = try Subprocess.run(Self.binary, arguments, environment: ["PATH": "/usr/bin:/bin"])
            #expect(result.status == 73, "\(arguments): \(result.errorOutput)")
            #expect(
                result.errorOutput.hasSuffix(
                    "\(named): cannot be created (Read-only file system); it is on a read-only file system: write it to another one\n"
                ),
                "\(arguments): \(result.errorOutput)")
            #expect(result.output == "")
        }
        #expect(Self.names(ro) == [])
    }

    // MARK: - A full disk

    /// A batch whose disk fills up: 74 with a message naming the report that did not fit, no
    /// temporary file and no summary.csv left, and each report that was written is whole.
    @Test(
        .enabled(if: TemporaryMount.isPermitted, TemporaryMount.skipReason),
        arguments: [("text", "64k"), ("json", "128k"), ("csv", "32k"), ("html", "256k")])
    func aBatchOnAFullDiskStopsAndLeavesOnlyWholeReports(_ format: String, _ size: String) throws {
        let mount = try TemporaryMount(options: "size=" + size)
        let scratch = try Scratch()
        let inputs = scratch.path + "/in"
        try Self.makeInputs(40, in: inputs)
        let out = mount.path + "/out"
        let result = try Subprocess.run(
            Self.binary, ["score", inputs, "--format", format, "--out", out], environment: ["PATH": "/usr/bin:/bin"])
        #expect(result.status == 74, "\(result.errorOutput)")
        let message = try #require(result.errorOutput.split(separator: "\n").last.map(String.init))
        #expect(message.hasPrefix(out + "/Northwind-Software-2026-Q4-Person-"), "\(message)")
        #expect(
            message.hasSuffix(
                ": writing failed (No space left on device); nothing was replaced: free some space, or write it to another disk"),
            "\(message)")
        let left = Self.names(out)
        #expect(left.filter { $0.hasPrefix(".") || $0.contains(".tmp") } == [])
        #expect(!left.contains("summary.csv"))
        let whole = try Self.expectWholeReports(in: out, inputs: inputs, format: format, reference: scratch.path + "/reference")
        #expect(whole > 0 && whole < 40, "\(whole) reports written")
    }

    /// One report to a file on a full disk: 74 (or 73 when not even its temporary file can be
    /// created), a message, and nothing left there: no partial report, no temporary file.
    @Test(.enabled(if: TemporaryMount.isPermitted, TemporaryMount.skipReason))
    func oneReportOnAFullDiskLeavesNothing() throws {
        let mount = try TemporaryMount(options: "size=16k")
        let runs: [([String], String)] = [
            (["score", Self.example, "--format", "html", "--out", mount.path + "/a.html"], mount.path + "/a.html"),
            (["template", "--format", "markdown", "--out", mount.path + "/sheet.md"], mount.path + "/sheet.md"),
            (["diff", Self.example, Self.later, "--format", "html", "--out", mount.path + "/d.html"], mount.path + "/d.html"),
        ]
        for (arguments, named) in runs {
            let result = try Subprocess.run(Self.binary, arguments, environment: ["PATH": "/usr/bin:/bin"])
            #expect(result.status == 74, "\(arguments): \(result.errorOutput)")
            #expect(
                result.errorOutput
                    == "\(named): writing failed (No space left on device); nothing was replaced: free some space, or write it to another disk\n"
            )
            #expect(Self.names(mount.path) == [])
        }
        // Full to the last block: not even the temporary file can be made.
        let filler = mount.path + "/filler"
        let descriptor = open(filler, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        let block = [UInt8](repeating: 0x2E, count: 4096)
        while block.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) > 0 {}
        close(descriptor)
        let result = try Subprocess.run(
            Self.binary, ["score", Self.example, "--out", mount.path + "/b.txt"], environment: ["PATH": "/usr/bin:/bin"])
        #expect([73, 74].contains(result.status), "\(result.errorOutput)")
        #expect(result.errorOutput.hasPrefix(mount.path + "/b.txt: "), "\(result.errorOutput)")
        #expect(result.errorOutput.contains("free some space"), "\(result.errorOutput)")
        #expect(Self.names(mount.path) == ["filler"])
    }
}
