import Foundation
import Glibc
import LAERDocuments
import LAERValues

/// `laer-bench`: generates answer files, then times `laer score` against a plain Python peer and `cat`.
enum Bench {
    static let generatorVersion = 1
    static let manifestName = ".laer-bench"

    static func main(_ arguments: [String]) -> Int32 {
        let options: BenchOptions
        switch BenchOptions.parse(arguments) {
        case .help:
            say(BenchOptions.usage)
            return 0
        case .failure(let message):
            printError("laer-bench: \(message)\n\(BenchOptions.usage)")
            return 64
        case .run(let parsed):
            options = parsed
        }

        let benchFolder = executableFolder()
        let packageRoot = findPackageRoot(from: benchFolder) ?? findPackageRoot(from: FileManager.default.currentDirectoryPath)
        let laerPath = options.laer ?? benchFolder + "/laer"
        if !options.generateOnly, access(laerPath, X_OK) != 0 {
            printError(
                """
                laer-bench: no laer binary at \(laerPath).
                Build it first: swift build -c release   (or name one with --laer PATH)
                """)
            return 1
        }

        let questionnaire: Questionnaire
        do {
            questionnaire = try QuestionnaireLoader.builtIn()
        } catch {
            printError("laer-bench: the built-in questionnaire does not load: \(error)")
            return 70
        }

        // 1. The answer files.
        let directory: String
        if let keep = options.keep {
            directory = keep.hasSuffix("/") && keep.count > 1 ? String(keep.dropLast()) : keep
        } else {
            var template = Array("\(NSTemporaryDirectory().trimmingSlash())/laer-bench-XXXXXX".utf8CString)
            guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
                printError("laer-bench: cannot create a temporary directory: \(String(cString: strerror(errno)))")
                return 73
            }
            directory = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        }
        defer {
            if options.keep == nil { try? FileManager.default.removeItem(atPath: directory) }
        }
        let generator = AnswerGenerator(questionnaire: questionnaire, seed: options.seed)
        do {
            try generate(generator, count: options.files, into: directory)
        } catch {
            printError("laer-bench: cannot write the answer files in \(directory): \(error)")
            return 73
        }
        let input = inputSize(directory)
        if input.files != options.files {
            say("note: \(directory) holds \(input.files) .json files, not \(options.files); all of them are measured")
        }
        if options.generateOnly {
            say("\(grouped(input.files)) answer files, \(megabytes(input.bytes)) MB, in \(directory)")
            return 0
        }

        // 2. The measurements.
        let laerCommand = [laerPath, "score", directory, "--format", "json"]
        let peerPath = options.peer ?? packageRoot.map { "\($0)/Tests/Benchmarks/peer_score.py" }
        // The interpreter itself, not a launcher such as a pyenv shim, whose start-up would count against Python.
        let python = ProcessRunner.which("python3").map {
            ProcessRunner.output([$0, "-c", "import sys; print(sys.executable)"]) ?? $0
        }

        say(
            "laer-bench: \(grouped(input.files)) answer files, \(megabytes(input.bytes)) MB "
                + "(\(grouped(input.files > 0 ? input.bytes / input.files : 0)) bytes each on average) in \(directory)")
        say("machine: \(coreCount()) cores online")
        say(
            "method: per command one warm-up run, the median of \(options.runs) timed runs taken in turn with the other commands (monotonic clock, spawn to exit), one run for peak RSS"
        )
        if let python { say("python: \(python)") }
        say("laer: \(laerPath) (built \(modificationDescription(laerPath)))")
        if let root = packageRoot, let stale = newerSource(than: laerPath, in: root) {
            say("warning: \(stale) is newer than the laer binary; run `swift build -c release` to measure the current code")
        }
        say("laer command: \(laerCommand.map(shellQuoted).joined(separator: " ")) > /dev/null")

        // `trend` and a directory `diff` over the same files: the diff's two sides are the first and
        // the second half of the folders, hard links in a directory beside the answer files.
        let halves = "\(directory).halves"
        do {
            try linkHalves(of: directory, into: halves)
        } catch {
            printError("laer-bench: cannot link the answer files into \(halves): \(error)")
            return 73
        }
        defer { try? FileManager.default.removeItem(atPath: halves) }
        let trendCommand = [laerPath, "trend", directory, "--format", "json"]
        let diffCommand = [laerPath, "diff", "\(halves)/old", "\(halves)/new", "--format", "json"]
        say("trend command: \(trendCommand.map(shellQuoted).joined(separator: " ")) > /dev/null")
        say("diff command: \(diffCommand.map(shellQuoted).joined(separator: " ")) > /dev/null")
        say("")

        var commands = [("laer score", laerCommand), ("laer trend", trendCommand), ("laer diff (halves)", diffCommand)]
        var pythonSkipped: String?
        if let python, let peerPath, access(peerPath, R_OK) == 0 {
            commands.append(("python peer", [python, peerPath, directory]))
        } else {
            pythonSkipped =
                python == nil
                ? "python3 not found on PATH"
                : "no peer script at \(peerPath ?? "Tests/Benchmarks/peer_score.py") (give --peer PATH)"
        }
        commands.append(("cat (find -exec cat)", ["find", directory, "-name", "*.json", "-exec", "cat", "{}", "+"]))
        let rows = measure(commands, runs: options.runs)
        let laer = rows[0]
        let trend = rows[1]
        let diff = rows[2]
        let cat = rows[rows.count - 1]
        let peer = rows.count == 5 ? rows[3] : nil

        // 3. The table and the targets.
        printTable(rows, input: input)
        var failed: [String] = []
        var checks: [(String, String, String, Bool?)] = []
        if let peer {
            let ratio = peer.wallSeconds / laer.wallSeconds
            checks.append(("Python time / laer time", String(format: "%.2f×", ratio), "≥ 4", ratio >= 4))
        } else {
            checks.append(("Python time / laer time", "n/a", "≥ 4", nil))
        }
        let catRatio = laer.wallSeconds / cat.wallSeconds
        checks.append(("laer time / cat time", String(format: "%.2f×", catRatio), "≤ 2", catRatio <= 2))
        for (name, row) in [("laer trend", trend), ("laer diff", diff)] {
            let ratio = row.wallSeconds / laer.wallSeconds
            checks.append(("\(name) / laer score", String(format: "%.2f×", ratio), "< 2", ratio < 2))
        }
        for (name, row) in [("laer", laer), ("laer trend", trend), ("laer diff", diff)] {
            if let kib = row.peakRSSKiB {
                let rss = Double(kib) * 1024 / 1e6
                checks.append(("\(name) peak RSS", String(format: "%.1f MB", rss), "< 64 MB", rss < 64))
            } else {
                checks.append(("\(name) peak RSS", "n/a", "< 64 MB", nil))
            }
        }
        say("")
        say("targets")
        for (name, value, target, pass) in checks {
            let verdict = pass.map { $0 ? "PASS" : "FAIL" } ?? "SKIPPED"
            say("  \(name.padding(to: 26))\(value.padding(to: 12, left: true))   target \(target.padding(to: 9))\(verdict)")
            if pass == false { failed.append("\(name) \(value) (target \(target))") }
        }
        if let pythonSkipped { say("  (Python peer skipped: \(pythonSkipped))") }
        say("")
        for row in rows {
            guard let failure = row.exit.failure else { continue }
            say("warning: \(row.name) ended with \(failure); its numbers may not mean much")
            if !row.exit.errorTail.isEmpty {
                say(row.exit.errorTail.split(separator: "\n").map { "  | \($0)" }.joined(separator: "\n"))
            }
        }
        if rows.contains(where: { $0.peakRSSKiB == nil }) {
            say("note: peak RSS not measured (needs /bin/sh and prctl(PR_SET_CHILD_SUBREAPER))")
        }
        if failed.isEmpty {
            say("all targets met")
        } else {
            say("FAILED: " + failed.joined(separator: "; "))
        }
        return 0
    }

    // MARK: Generating

    /// Writes every file not already there.
    ///
    /// A manifest records the generator and seed; files
    /// written by another generator or seed are written again.
    static func generate(_ generator: AnswerGenerator, count: Int, into directory: String) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let manifestPath = "\(directory)/\(manifestName)"
        let manifest =
            "laer-bench generator \(generatorVersion) seed \(generator.seed) questionnaire \(generator.questionnaireID) \(generator.questionnaireVersion)\n"
        let reuse = (try? String(contentsOfFile: manifestPath, encoding: .utf8)) == manifest
        try manifest.write(toFile: manifestPath, atomically: true, encoding: .utf8)

        let showProgress = count >= 20_000
        let step = max(count / 20, 1)
        var written = 0
        var folder = ""
        let start = ProcessRunner.monotonicSeconds()
        for index in 0..<count {
            let relative = AnswerGenerator.relativePath(of: index)
            let path = "\(directory)/\(relative)"
            let parent = String(relative.prefix { $0 != "/" })
            if parent != folder {
                try manager.createDirectory(atPath: "\(directory)/\(parent)", withIntermediateDirectories: true)
                folder = parent
            }
            if !(reuse && access(path, F_OK) == 0) {
                let bytes = Array(generator.document(index: index).utf8)
                try writeFile(path, bytes)
                written += 1
            }
            if showProgress, written > 0, (index + 1) % step == 0 {
                let elapsed = ProcessRunner.monotonicSeconds() - start
                printError(
                    "generating: \(grouped(index + 1)) of \(grouped(count)) files (\(grouped(written)) written, \(String(format: "%.1f", elapsed)) s)"
                )
            }
        }
        if written < count, written > 0 || reuse {
            say("reused \(grouped(count - written)) answer files already in \(directory), wrote \(grouped(written))")
        }
    }

    /// Hard-links the first half of the answer files (in path order) into `halves/old` and the
    /// rest into `halves/new`, made afresh each run.
    static func linkHalves(of directory: String, into halves: String) throws {
        let manager = FileManager.default
        try? manager.removeItem(atPath: halves)
        var files: [String] = []
        for folder in try manager.contentsOfDirectory(atPath: directory).sorted() where folder.hasPrefix("batch-") {
            for file in try manager.contentsOfDirectory(atPath: "\(directory)/\(folder)").sorted() where file.hasSuffix(".json") {
                files.append("\(folder)/\(file)")
            }
        }
        for (index, file) in files.enumerated() {
            let target = "\(halves)/\(index < files.count / 2 ? "old" : "new")/\(file)"
            let folder = String(target[..<target.lastIndex(of: "/")!])
            if !manager.fileExists(atPath: folder) {
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            guard link("\(directory)/\(file)", target) == 0 else { throw BenchError.io(target, errno) }
        }
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw BenchError.io(path, errno) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw BenchError.io(path, errno)
            }
            offset += count
        }
    }

    /// The `.json` files laer, the peer and `find` will read: count and bytes (hidden names skipped, as laer does).
    static func inputSize(_ directory: String) -> (files: Int, bytes: Int) {
        var files = 0
        var bytes = 0
        guard let handle = opendir(directory) else { return (0, 0) }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let path = "\(directory)/\(name)"
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                let inner = inputSize(path)
                files += inner.files
                bytes += inner.bytes
            case S_IFREG where name.lowercased().hasSuffix(".json"):
                files += 1
                bytes += Int(status.st_size)
            default:
                break
            }
        }
        return (files, bytes)
    }

    // MARK: Measuring

    struct Row {
        var name: String
        var wallSeconds: Double
        var peakRSSKiB: Int?
        var exit: Exit
    }

    /// Each command once to warm up, then the median of `runs` rounds of one timed run of each.
    ///
    /// The rounds take the commands in turn, so that every command meets the same moments of a
    /// shared machine (it varies by 20–30 % from one second to the next). Then one run each for
    /// the peak RSS (see ProcessRunner).
    static func measure(_ commands: [(name: String, command: [String])], runs: Int) -> [Row] {
        for (_, command) in commands {
            printError(
                "running: \(command.map(shellQuoted).joined(separator: " ")) > /dev/null  (warm-up, \(runs) timed, peak RSS)")
            _ = ProcessRunner.timed(command)
        }
        var timings = [[(Double, Exit)]](repeating: [], count: commands.count)
        for _ in 0..<runs {
            for (index, entry) in commands.enumerated() { timings[index].append(ProcessRunner.timed(entry.command)) }
        }
        return commands.enumerated().map { index, entry in
            let seconds = timings[index].map(\.0).sorted()[runs / 2]
            let exit = timings[index].first { $0.1.failure != nil }?.1 ?? timings[index][0].1
            let memory = ProcessRunner.peakRSS(entry.command)
            return Row(
                name: entry.name, wallSeconds: seconds, peakRSSKiB: memory?.kib,
                exit: exit.failure == nil ? (memory?.exit ?? exit) : exit)
        }
    }

    static func printTable(_ rows: [Row], input: (files: Int, bytes: Int)) {
        say(
            "command".padding(to: 22) + "wall s".padding(to: 10, left: true) + "files/s".padding(to: 12, left: true)
                + "MB/s".padding(to: 10, left: true) + "peak RSS MB".padding(to: 14, left: true))
        for row in rows {
            let wall = max(row.wallSeconds, 1e-9)
            var line = row.name.padding(to: 22)
            line += String(format: "%.3f", row.wallSeconds).padding(to: 10, left: true)
            line += grouped(Int((Double(input.files) / wall).rounded())).padding(to: 12, left: true)
            line += String(format: "%.1f", Double(input.bytes) / 1e6 / wall).padding(to: 10, left: true)
            line += (row.peakRSSKiB.map { String(format: "%.1f", Double($0) * 1024 / 1e6) } ?? "n/a").padding(to: 14, left: true)
            if let failure = row.exit.failure { line += "   (\(failure))" }
            say(line)
        }
        say("(MB = 10^6 bytes; MB/s = input bytes / wall time; peak RSS = ru_maxrss from wait4: the largest process of the tree)")
    }

    // MARK: Places

    /// The folder of this executable, links resolved: where `swift build` put `laer` too.
    static func executableFolder() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        var path: String?
        if readlink("/proc/self/exe", &buffer, buffer.count - 1) > 0 {
            path = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        } else if let resolved = realpath(CommandLine.arguments[0], nil) {
            path = String(cString: resolved)
            free(resolved)
        }
        guard let path, let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }

    /// The nearest folder at or above `start` that holds Package.swift.
    static func findPackageRoot(from start: String) -> String? {
        var folder = start
        while true {
            if access("\(folder)/Package.swift", F_OK) == 0 { return folder }
            guard let slash = folder.lastIndex(of: "/"), folder != "/" else { return nil }
            folder = slash == folder.startIndex ? "/" : String(folder[..<slash])
        }
    }

    static func modificationTime(_ path: String) -> timespec? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mtim
    }

    static func modificationDescription(_ path: String) -> String {
        guard let time = modificationTime(path) else { return "unknown" }
        var seconds = time.tv_sec
        var parts = tm()
        localtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
            parts.tm_hour, parts.tm_min, parts.tm_sec)
    }

    /// A source of laer changed after the binary was built, if any: the measurement would be of old code.
    static func newerSource(than binary: String, in root: String) -> String? {
        guard let built = modificationTime(binary) else { return nil }
        let folders = ["Sources/LAERKit", "Sources/laer", "Questionnaires"]
        for folder in folders {
            guard let walker = FileManager.default.enumerator(atPath: "\(root)/\(folder)") else { continue }
            for case let relative as String in walker where relative.hasSuffix(".swift") || relative.hasSuffix(".json") {
                if relative.hasPrefix("Examples/") { continue }
                let path = "\(root)/\(folder)/\(relative)"
                if let time = modificationTime(path), (time.tv_sec, time.tv_nsec) > (built.tv_sec, built.tv_nsec) {
                    return "\(folder)/\(relative)"
                }
            }
        }
        return nil
    }

    // MARK: Text

    static func coreCount() -> Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1e6) }

    /// The number with thousands separators, as 10,000.
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var out = ""
        for (position, digit) in digits.enumerated() {
            if position > 0, (digits.count - position) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }

    static func shellQuoted(_ word: String) -> String {
        let plain = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+".contains($0) }
        return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Standard output, unbuffered, so that it keeps its place among the progress lines on standard error.
    static func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

enum BenchError: Error, CustomStringConvertible {
    case io(String, Int32)

    var description: String {
        switch self {
        case .io(let path, let code): "\(path): \(String(cString: strerror(code)))"
        }
    }
}

extension String {
    func padding(to width: Int, left: Bool = false) -> String {
        let count = self.count
        guard count < width else { return self + (left ? "" : " ") }
        let fill = String(repeating: " ", count: width - count)
        return left ? fill + self : self + fill
    }

    func trimmingSlash() -> String {
        var text = self
        while text.count > 1, text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
