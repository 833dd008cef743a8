import Glibc
import LAERDocuments
import LAERFuzzTargets
import LAERReports
import LAERSystem
import LAERValues

// Without -DFUZZING: seeded random edits of answer files, each checked by the `answers` target
// (the fast reader against the full path, and the encoder's round trip). `.ci/fuzz` builds the
// libFuzzer entry point (LibFuzzerEntry.swift) instead.

let questionnaire: Questionnaire = {
    do {
        return try QuestionnaireLoader.builtIn()
    } catch {
        fatalError("the built-in questionnaire does not load: \(error)")
    }
}()
let reader = FastAnswerReader(questionnaire: questionnaire)

/// True when the fast reader accepts `bytes`; a broken invariant of the `answers` target stops the run.
@discardableResult
func check(_ bytes: [UInt8]) -> Bool {
    do {
        try FuzzTarget.answers.check(bytes)
    } catch {
        fatalError("\(error)")
    }
    return reader.read(bytes) != nil
}

#if !FUZZING
    @main
    struct SeededFuzzer {
        static let usage = """
            usage: laer-fuzz [ITERATIONS] [--seed N] [PATH ...]
                   laer-fuzz --files PATH ...

            Seeded random edits (default 100,000) of answer files, each checked against the full path:
            whenever the fast reader accepts an edit, the full path must read it without a problem and
            to the same assessment. The edits start from the given files or directories (every .json
            below them, taken in turn), or from the built-in questionnaire's template when none is given.

            --files reads every given file unedited instead and counts how many the fast reader
            accepts (each checked likewise), how many it leaves to the full path although the full path
            reads them without a problem (missed: the batch's slow path), and how many have problems.
            It exits 1 when any is missed.
            """

        static func main() {
            var arguments = Array(CommandLine.arguments.dropFirst())
            if arguments.contains("--help") || arguments.contains("-h") {
                print(usage)
                return
            }
            var iterations = 100_000
            var state: UInt64 = 0x5EED
            var corpusMode = false
            var paths: [String] = []
            while !arguments.isEmpty {
                let argument = arguments.removeFirst()
                switch argument {
                case "--files": corpusMode = true
                case "--seed":
                    guard let text = arguments.first, let seed = UInt64(text) else { fail("--seed needs a number") }
                    arguments.removeFirst()
                    state = seed
                default:
                    if let number = Int(argument), paths.isEmpty { iterations = number } else { paths.append(argument) }
                }
            }
            let collected = InputCollector.collect(paths)
            if let missing = collected.missing.first { fail("\(missing)") }
            let files: [(String, [UInt8])] = collected.paths.filter { $0.lowercased().hasSuffix(".json") }.map { path in
                do { return (path, try InputFile.read(path: path).bytes) } catch { fail("\(error)") }
            }
            if corpusMode {
                checkFiles(files)
                return
            }
            let seeds =
                files.isEmpty
                ? [
                    Array(
                        AnswerTemplate.json(for: questionnaire, today: "2026-11-25").replacing(
                            #""rating": """#, with: #""rating": "largely""#
                        ).utf8)
                ]
                : files.map(\.1)
            func next() -> UInt64 {
                state &+= 0x9E37_79B9_7F4A_7C15
                var value = state
                value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
                value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
                return value ^ (value >> 31)
            }
            let alphabet = Array(#"{}[]":,\ nulltruefalse0123-9aéF"#.utf8) + [0x0A, 0x00, 0xC3, 0xFF, 0xE2, 0x80, 0xA8]
            var accepted = 0
            for iteration in 0..<iterations {
                var bytes = seeds[iteration % seeds.count]
                for _ in 0..<Int(next() % 4 + 1) where !bytes.isEmpty {
                    let position = Int(next() % UInt64(bytes.count))
                    switch next() % 4 {
                    case 0: bytes.remove(at: position)
                    case 1: bytes.insert(alphabet[Int(next() % UInt64(alphabet.count))], at: position)
                    case 2: bytes[position] = alphabet[Int(next() % UInt64(alphabet.count))]
                    default:
                        bytes.insert(contentsOf: bytes[position..<min(bytes.count, position + Int(next() % 60))], at: position)
                    }
                }
                if check(bytes) { accepted += 1 }
            }
            let from = files.isEmpty ? "the template" : "\(seeds.count) file\(seeds.count == 1 ? "" : "s")"
            print(
                "laer-fuzz: \(iterations) seeded edits of \(from), \(accepted) accepted by the fast reader, all read the same by the full path"
            )
        }

        /// Every file unedited: accepted by the fast reader, missed (left to the full path although it has no problem), or with problems.
        static func checkFiles(_ files: [(String, [UInt8])]) {
            var accepted = 0
            var missed: [String] = []
            var withProblems = 0
            for (path, bytes) in files {
                if check(bytes) {
                    accepted += 1
                } else if AnswerLoader.read(InputFile(displayName: path, bytes: bytes), questionnaire: questionnaire).problems
                    .isEmpty
                {
                    missed.append(path)
                } else {
                    withProblems += 1
                }
            }
            print(
                "laer-fuzz: \(files.count) files, \(accepted) accepted by the fast reader and read the same by the full path, \(missed.count) missed, \(withProblems) with problems"
            )
            for path in missed.prefix(10) { print("missed: \(path)") }
            if !missed.isEmpty { exit(1) }
        }

        static func fail(_ message: String) -> Never {
            print("laer-fuzz: \(message)\n\n\(usage)")
            exit(2)
        }
    }
#endif
