import Foundation
import Glibc
import Testing

/// Standard output that cannot be written, through the real binary: a full device, a closed
/// descriptor, a reader gone away with SIGPIPE ignored.
@Suite struct WriteFailureBinaryTests {
    static var binary: String { BinaryTests.binary.path }
    static let examples = TestFiles.examples
    static let example = TestFiles.example
    static let later = TestFiles.later

    typealias Scratch = ScratchDirectory

    /// Runs `script` with `sh -c`, `$0` being the binary.
    static func shell(_ script: String, arguments: [String] = []) throws -> Subprocess.Result {
        try Subprocess.run("/bin/sh", ["-c", script, binary] + arguments, environment: ["PATH": "/usr/bin:/bin"])
    }

    @Test(arguments: [
        ["score", example], ["score", example, "--format", "json"], ["validate", example], ["template", "--format", "csv"],
        ["questionnaire", "--format", "json"], ["completions", "zsh"], ["help", "score"],
        // A batch, and the commands that compare.
        ["score", examples], ["score", examples, "--format", "json"], ["score", examples, "--format", "csv"],
        ["validate", examples], ["questionnaire"], ["template"], ["diff", example, later],
        ["diff", example, later, "--format", "html"], ["trend", example, later], ["trend", examples, "--format", "json"],
    ])
    func aFullDeviceAsStandardOutputExits74(_ arguments: [String]) throws {
        let scratch = try Scratch()
        let errorPath = scratch.path + "/stderr"
        let (pid, _) = try Subprocess.start(
            Self.binary, arguments, input: .text(""), output: "/dev/full", errorOutput: errorPath,
            environment: ["PATH": "/usr/bin:/bin"])
        #expect(Subprocess.wait(pid, timeout: 60) == 74)
        #expect(
            try String(contentsOfFile: errorPath, encoding: .utf8)
                == "laer: standard output: writing failed (No space left on device)\n")
    }

    @Test func aClosedStandardOutputExits74() throws {
        let result = try Self.shell(#"exec "$0" score "$1" >&-"#, arguments: [Self.example])
        #expect(result.status == 74)
        #expect(result.errorOutput == "laer: standard output: writing failed (Bad file descriptor)\n")
    }

    @Test func aBrokenPipeWithSIGPIPEIgnoredExits74Quietly() throws {
        let scratch = try Scratch()
        for index in 0..<300 {
            try FileManager.default.copyItem(atPath: Self.example, toPath: scratch.path + "/n\(index).json")
        }
        let result = try Self.shell(
            #"trap '' PIPE; ("$0" score "$1" 2>"$1.err"; echo $? >"$1.status") | head -c 1 >/dev/null"#, arguments: [scratch.path]
        )
        #expect(result.status == 0)
        let status = try String(contentsOfFile: scratch.path + ".status", encoding: .utf8)
        let errorOutput = try String(contentsOfFile: scratch.path + ".err", encoding: .utf8)
        try? FileManager.default.removeItem(atPath: scratch.path + ".status")
        try? FileManager.default.removeItem(atPath: scratch.path + ".err")
        #expect(status == "74\n")
        #expect(errorOutput.isEmpty)
    }

    /// A closed standard error must not be taken by summary.csv, or the batch's messages would land in it.
    @Test func aClosedStandardDescriptorIsNotReusedForAnOutputFile() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path + "/in", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.example, toPath: scratch.path + "/in/a.json")
        try "{ not json".write(toFile: scratch.path + "/in/b.json", atomically: false, encoding: .utf8)
        let result = try Self.shell(#"exec "$0" score "$1/in" --out "$1/out" 2>&-"#, arguments: [scratch.path])
        #expect(result.status == 65)
        let summary = try String(contentsOfFile: scratch.path + "/out/summary.csv", encoding: .utf8)
        #expect(summary.hasPrefix("report,source,"))
        #expect(!summary.contains("scored"))
        #expect(!summary.contains("b.json"))
    }
}
