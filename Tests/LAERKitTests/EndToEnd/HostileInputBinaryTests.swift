import Foundation
import Glibc
import LAERSystem
import Testing

/// Hostile inputs through the real binary: each stops, is named, and lets the rest be scored.
///
/// Endless streams, FIFOs, devices and files that change under a batch, a directory's odd
/// entries, worker threads that cannot be started, a reader that goes away.
@Suite struct HostileInputBinaryTests {
    static var binary: String { BinaryTests.binary.path }
    static let examples = TestFiles.examples
    static let northwind = examples + "/northwind-experiment.json"
    static let contoso = examples + "/contoso-effective.json"
    static let tooLarge =
        "is larger than 32 MiB, the most laer reads from one input (an answer file is tens of KB, a wide export of thousands of respondents a few MB); check that it is the right file"

    typealias Scratch = ScratchDirectory

    /// Runs `script` with `sh -c`, `$0` being the binary and `$1`… the arguments.
    static func shell(_ script: String, _ arguments: String..., timeout: Double = 120) throws -> Subprocess.Result {
        try Subprocess.run(
            "/bin/sh", ["-c", script, binary] + arguments, environment: ["PATH": "/usr/bin:/bin"], timeout: timeout)
    }

    /// The lines of a text, CSV's CRLF ones too.
    static func lines(_ text: String) -> [String] { text.split(whereSeparator: \.isNewline).map(String.init) }

    // MARK: Limits (F03, F05)

    /// Under a memory cap an endless input used to be read until allocation failed (134); now it
    /// stops at the limit, is named, and is bad input.
    @Test(arguments: [
        (#"exec "$0" score /dev/zero"#, "/dev/zero"), (#"exec "$0" validate /dev/zero"#, "/dev/zero"),
        (#"exec "$0" score - < /dev/zero"#, "<stdin>"), (#"exec "$0" validate - < /dev/zero"#, "<stdin>"),
        (#"exec "$0" score --questionnaire /dev/zero "$1""#, "/dev/zero"),
        (#"exec "$0" score "$1" --questionnaire - < /dev/zero"#, "<stdin>"),
    ])
    func anEndlessInputStopsAtTheLimit(script: String, name: String) throws {
        let result = try Self.shell("ulimit -v 1000000; " + script, Self.northwind)
        #expect(result.status == 65)
        #expect(result.errorOutput == "\(name): \(Self.tooLarge)\n")
        #expect(result.output.isEmpty)
    }

    /// Every command that reads answers reads them bounded: diff's and trend's inputs too.
    @Test(arguments: [#"exec "$0" diff /dev/zero "$1""#, #"exec "$0" trend /dev/zero"#, #"exec "$0" diff "$1" - < /dev/zero"#])
    func comparisonInputsStopAtTheLimit(script: String) throws {
        let result = try Self.shell("ulimit -v 1000000; " + script, Self.northwind)
        #expect(result.status == 65)
        #expect(result.errorOutput.contains(": \(Self.tooLarge)\n"))
    }

    /// 1 GB of NULs took 3.1 GB of memory; refused by its size, it is not read at all.
    @Test func aGigabyteFileIsRefusedByItsSize() throws {
        let scratch = try Scratch()
        let file = scratch.path + "/zero.json"
        try #require(FileManager.default.createFile(atPath: file, contents: nil))
        try #require(truncate(file, 1 << 30) == 0)
        for command in ["score", "validate"] {
            let result = try Self.shell(#"ulimit -v 1000000; exec "$0" "$1" "$2""#, command, file)
            #expect(result.status == 65)
            #expect(result.errorOutput == "\(file): \(Self.tooLarge)\n")
        }
    }

    // MARK: FIFOs, devices and files that change (F04, F08)

    /// One link to /dev/zero used to abort the whole batch.
    @Test func aLinkToAnEndlessDeviceInADirectoryIsSkippedAndTheRestScored() throws {
        let scratch = try Scratch()
        let directory = try scratch.directory("in")
        try FileManager.default.copyItem(atPath: Self.northwind, toPath: directory + "/a.json")
        try FileManager.default.copyItem(atPath: Self.contoso, toPath: directory + "/b.json")
        try #require(symlink("/dev/zero", directory + "/z.json") == 0)
        let result = try Self.shell(#"ulimit -v 2000000; exec "$0" score "$1" --format csv"#, directory)
        #expect(result.status == 0)
        #expect(Self.lines(result.output).count == 3)
        #expect(
            result.errorOutput
                == "\(directory)/z.json: warning: skipped: a symbolic link to /dev/zero, a character device, not a regular file; laer reads only regular files found in a directory; name a pipe or a device as an input to read it\nscored 2 of 2\n"
        )
    }

    /// A FIFO named as an input used to block in open() forever; with no writer it reads as empty.
    @Test(arguments: [["score", "FIFO"], ["validate", "FIFO"], ["score", "--questionnaire", "FIFO", northwind]])
    func aFIFOWithoutAWriterReadsAsEmpty(arguments: [String]) throws {
        let scratch = try Scratch()
        let fifo = scratch.path + "/x.json"
        try #require(mkfifo(fifo, 0o600) == 0)
        let result = try Subprocess.run(
            Self.binary, arguments.map { $0 == "FIFO" ? fifo : $0 }, environment: ["PATH": "/usr/bin:/bin"], timeout: 60)
        #expect(result.status == 65)
        #expect(result.errorOutput.hasPrefix("\(fifo): line 1, column 1: "))
        #expect(result.errorOutput.contains("empty"))
    }

    /// Process substitution, a pipe named by the shell, keeps working.
    @Test func aPipeNamedAsAnInputIsRead() throws {
        let result = try Self.shell(#"cat "$1" | exec "$0" validate /dev/stdin"#, Self.northwind)
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("/dev/stdin: "))
    }

    /// Whether `pid` holds `path` open, as /proc shows it.
    static func holdsOpen(_ pid: pid_t, _ path: String) -> Bool {
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []
        return fds.contains { (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\($0)")) == path }
    }

    /// A batch whose files are removed, or replaced by FIFOs and devices, after their directory was
    /// listed: each is named and skipped, the rest is scored, nothing hangs.
    ///
    /// Made deterministic by a FIFO named first: the batch lists the directory when it starts its
    /// first window, whose first input is the FIFO, which this test holds open and writes only
    /// once the files are changed, while the changed files wait in later windows.
    @Test func filesChangedAfterTheListingAreNamedAndTheRestScored() throws {
        let scratch = try Scratch()
        let directory = try scratch.copies(600, in: "in")
        let fifo = scratch.path + "/first.json"
        try #require(mkfifo(fifo, 0o600) == 0)
        let writer = open(fifo, O_RDWR | O_CLOEXEC)
        try #require(writer >= 0)
        var writerOpen = true
        defer { if writerOpen { close(writer) } }
        let output = scratch.path + "/stdout"
        let errorOutput = scratch.path + "/stderr"
        let (pid, _) = try Subprocess.start(
            Self.binary, ["score", fifo, directory, "--format", "json"], input: .text(""), output: output,
            errorOutput: errorOutput, environment: ["PATH": "/usr/bin:/bin"])
        let deadline = Date().addingTimeInterval(60)
        while !Self.holdsOpen(pid, fifo), Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(Self.holdsOpen(pid, fifo))

        let name = { (index: Int) in directory + String(format: "/f%04d.json", index) }
        for index in 400..<450 { try FileManager.default.removeItem(atPath: name(index)) }
        for index in 450..<500 {
            try FileManager.default.removeItem(atPath: name(index))
            try #require(mkfifo(name(index), 0o600) == 0)
        }
        try FileManager.default.removeItem(atPath: name(500))
        try #require(symlink("/dev/zero", name(500)) == 0)
        #expect(FileDescriptor.writeAll(writer, try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.northwind)))) == nil)
        close(writer)
        writerOpen = false

        #expect(Subprocess.wait(pid, timeout: 120) == 65)
        let lines = Self.lines(try String(contentsOfFile: errorOutput, encoding: .utf8))
        let expected =
            (400..<450).map {
                "\(name($0)): no such file any more (removed after its directory was listed); score it again if it was meant to be"
            }
            + (450..<500).map {
                "\(name($0)): skipped: a FIFO (named pipe), not a regular file; laer reads only regular files found in a directory; name a pipe or a device as an input to read it"
            } + [
                "\(name(500)): skipped: a character device, not a regular file; laer reads only regular files found in a directory; name a pipe or a device as an input to read it",
                "scored 500 of 601; 101 bad inputs",
            ]
        #expect(lines == expected)
        #expect(Self.lines(try String(contentsOfFile: output, encoding: .utf8)).count == 500)
    }

    // MARK: Threads (F09)

    /// A worker thread that cannot be started (its stack refused under `ulimit -v`) used to be
    /// retried once a second, forever; the batch goes on with the threads it has.
    @Test func aBatchGoesOnWhenNoWorkerThreadCanBeStarted() throws {
        let scratch = try Scratch()
        let directory = try scratch.copies(300, in: "in")
        // A thread's stack is as large as `ulimit -s`: 4 GB, under a cap of 1 GB, cannot be had.
        let limits = "ulimit -s 4000000 && ulimit -v 1000000 && "
        let two = try Self.shell(limits + #"exec "$0" score "$1" "$2" --format json"#, Self.northwind, Self.contoso, timeout: 60)
        #expect(two.status == 0)
        #expect(Self.lines(two.output).count == 2)
        #expect(two.errorOutput == "scored 2 of 2\n")
        let many = try Self.shell(limits + #"exec "$0" score "$1" --format csv"#, directory, timeout: 120)
        #expect(many.status == 0)
        #expect(Self.lines(many.output).count == 301)
        #expect(many.errorOutput == "scored 300 of 300\n")
    }

    // MARK: What the walk skips (F16)

    @Test func theWalkNamesWhatItSkipsAndAnEmptyDirectoryExits66() throws {
        let scratch = try Scratch()
        let directory = try scratch.directory("in")
        for name in ["a.json", ".hidden.json", "..json"] {
            try FileManager.default.copyItem(atPath: Self.northwind, toPath: directory + "/" + name)
        }
        try "notes".write(toFile: directory + "/README.md", atomically: false, encoding: .utf8)
        try #require(symlink("/nonexistent.json", directory + "/dangling.json") == 0)
        try #require(mkfifo(directory + "/f.json", 0o600) == 0)
        let warnings = [
            "\(directory)/..json: warning: skipped: a hidden file (its name starts with \".\"); name it as an input, or rename it, to read it",
            "\(directory)/.hidden.json: warning: skipped: a hidden file (its name starts with \".\"); name it as an input, or rename it, to read it",
            "\(directory)/dangling.json: warning: skipped: a symbolic link to /nonexistent.json that does not exist; fix or remove the link",
            "\(directory)/f.json: warning: skipped: a FIFO (named pipe), not a regular file; laer reads only regular files found in a directory; name a pipe or a device as an input to read it",
        ]
        let score = try Subprocess.run(Self.binary, ["score", directory, "--format", "csv"], timeout: 60)
        #expect(score.status == 0)
        #expect(Self.lines(score.output).count == 2)
        #expect(Self.lines(score.errorOutput) == warnings)
        let validate = try Subprocess.run(Self.binary, ["validate", directory], timeout: 60)
        #expect(validate.status == 0)
        #expect(Self.lines(validate.errorOutput) == warnings)
        #expect(Self.lines(validate.output).count == 1)

        let empty = try scratch.directory("empty.json")
        let onlyNotes = try scratch.directory("notes")
        try "notes".write(toFile: onlyNotes + "/README.md", atomically: false, encoding: .utf8)
        for command in ["score", "validate"] {
            for path in [empty, onlyNotes] {
                let result = try Subprocess.run(Self.binary, [command, path], timeout: 60)
                #expect(result.status == 66)
                #expect(
                    result.errorOutput
                        == "\(path): no .json or .csv file in this directory or below it; check the path, or name the files\n")
                #expect(result.output.isEmpty)
            }
        }
    }

    // MARK: --out and the reader of standard output (F18)

    /// A second run used to score the reports and summary.csv the first wrote inside its input directory.
    @Test func theOutDirectoryInsideTheInputIsNotReadAgain() throws {
        let scratch = try Scratch()
        let directory = try scratch.copies(3, in: "in")
        for run in 1...2 {
            let result = try Subprocess.run(
                Self.binary, ["score", directory, "--format", "json", "--out", directory + "/out"], timeout: 60)
            #expect(result.status == 0, "run \(run)")
            #expect(result.errorOutput == "scored 3 of 3\n", "run \(run)")
        }
        let summary = try String(contentsOfFile: directory + "/out/summary.csv", encoding: .utf8)
        #expect(Self.lines(summary).count == 4)
    }

    /// One report's `--out` in directories not yet made is written as a batch's reports are.
    @Test func oneReportsOutMakesItsDirectoriesAsABatchDoes() throws {
        let scratch = try Scratch()
        let single = try Subprocess.run(
            Self.binary, ["score", Self.northwind, "--out", scratch.path + "/x/y/r.txt"], timeout: 60)
        #expect(single.status == 0)
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/x/y/r.txt"))
        let batch = try Subprocess.run(
            Self.binary, ["score", Self.northwind, Self.contoso, "--out", scratch.path + "/p/q/"], timeout: 60)
        #expect(batch.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/p/q").count == 3)
        // Where a directory cannot be made, the one report is refused as the batch is.
        try "file".write(toFile: scratch.path + "/plain", atomically: false, encoding: .utf8)
        let blocked = try Subprocess.run(
            Self.binary, ["score", Self.northwind, "--out", scratch.path + "/plain/r.txt"], timeout: 60)
        #expect(blocked.status == 73)
        #expect(blocked.errorOutput.hasPrefix("\(scratch.path)/plain: cannot be created"))
    }

    /// `laer score DIR | head -1`: the batch stops at once when its reader goes away, killed by
    /// SIGPIPE (141) by default, or 74 with SIGPIPE ignored, quietly either way.
    ///
    /// A FIFO named after the directory, held open here with no data, would hold up a batch that
    /// went on reading after its output was gone.
    @Test(arguments: [("", 141), ("trap '' PIPE; ", 74)])
    func aReaderThatGoesAwayStopsTheBatchAtOnce(trap: String, status: Int32) throws {
        let scratch = try Scratch()
        let directory = try scratch.copies(2000, in: "in")
        let fifo = scratch.path + "/last.json"
        try #require(mkfifo(fifo, 0o600) == 0)
        let writer = open(fifo, O_RDWR | O_CLOEXEC)
        try #require(writer >= 0)
        defer { close(writer) }
        let result = try Self.shell(
            trap + #"("$0" score "$1" "$2" --format json 2>"$3.err"; echo $? >"$3.status") | head -1 >/dev/null"#, directory,
            fifo,
            scratch.path + "/run", timeout: 60)
        #expect(result.status == 0)
        #expect(try String(contentsOfFile: scratch.path + "/run.status", encoding: .utf8) == "\(status)\n")
        #expect(try String(contentsOfFile: scratch.path + "/run.err", encoding: .utf8).isEmpty)
    }
}

extension ScratchDirectory {
    /// Copies of an example answer file in the directory `name`: f0000.json, f0001.json and on.
    func copies(_ count: Int, in name: String) throws -> String {
        let directory = try directory(name)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: HostileInputBinaryTests.northwind))
        for index in 0..<count {
            try bytes.write(to: URL(fileURLWithPath: directory + String(format: "/f%04d.json", index)))
        }
        return directory
    }
}
