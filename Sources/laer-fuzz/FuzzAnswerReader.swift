import LAERKit

// Fuzzes the fast answer reader against the full JSON path: whenever the fast reader accepts
// bytes, the full path must accept them without a problem and read the same assessment.
//
// With libFuzzer (coverage-guided):
//   swift build -c release --product laer-fuzz -Xswiftc -DFUZZING --sanitize=fuzzer --disable-dead-strip
//   SWIFT_BACKTRACE=enable=no .build/release/laer-fuzz -max_total_time=60 Questionnaires/Examples
// Without it, `swift run -c release laer-fuzz [ITERATIONS]` runs seeded random edits of the examples.

let questionnaire: Questionnaire = {
    do {
        return try QuestionnaireLoader.builtIn()
    } catch {
        fatalError("the built-in questionnaire does not load: \(error)")
    }
}()
let reader = FastAnswerReader(questionnaire: questionnaire)

/// True when the two paths agree on `bytes`; a disagreement stops the fuzzer.
@discardableResult
func check(_ bytes: [UInt8]) -> Bool {
    guard let fast = reader.read(bytes) else { return false }
    let full = AnswerLoader.read(InputFile(displayName: "fuzz", bytes: bytes), questionnaire: questionnaire)
    precondition(full.problems.isEmpty && full.assessment == fast,
                 "the fast reader and the full path disagree on: \(String(decoding: bytes, as: UTF8.self))")
    return true
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    check(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
@main
struct SeededFuzzer {
    static func main() {
        let iterations = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000
        let example = AnswerTemplate.json(for: questionnaire, today: "2026-11-25")
            .replacing(#""rating": """#, with: #""rating": "largely""#)
        let seed = Array(example.utf8)
        var state: UInt64 = 0x5EED
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
        let alphabet = Array(#"{}[]":,\ nulltruefalse0123-9aéF"#.utf8) + [0x0A, 0x00, 0xC3, 0xFF, 0xE2, 0x80, 0xA8]
        var accepted = 0
        for _ in 0..<iterations {
            var bytes = seed
            for _ in 0..<Int(next() % 4 + 1) where !bytes.isEmpty {
                let position = Int(next() % UInt64(bytes.count))
                switch next() % 4 {
                case 0: bytes.remove(at: position)
                case 1: bytes.insert(alphabet[Int(next() % UInt64(alphabet.count))], at: position)
                case 2: bytes[position] = alphabet[Int(next() % UInt64(alphabet.count))]
                default: bytes.insert(contentsOf: bytes[position..<min(bytes.count, position + Int(next() % 60))], at: position)
                }
            }
            if check(bytes) { accepted += 1 }
        }
        print("laer-fuzz: \(iterations) seeded edits, \(accepted) accepted by the fast reader, all read the same by the full path")
    }
}
#endif
