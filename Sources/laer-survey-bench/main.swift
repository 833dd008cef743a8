import Glibc
import LAERCommandLine
import LAERDocuments
import LAERSurvey
import LAERSystem
import LAERTerminal
import LAERValues

// Keystroke to screen in the full-screen survey, measured without a terminal: for each key, the
// key map, the interview's step, the screen's layout and the screen writer's bytes. Then the
// atomic save an answer costs (temporary file, fsync, rename) in a directory of your choice.
//
//   swift run -c release laer-survey-bench [--keys N] [--size COLUMNSxROWS] [--dir DIR]

func monotonicNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

func value(of option: String, default fallback: String) -> String {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: option), index + 1 < arguments.count else { return fallback }
    return arguments[index + 1]
}

func describe(_ samples: [UInt64], _ label: String) {
    let sorted = samples.sorted()
    func ms(_ nanoseconds: UInt64) -> String {
        let value = Double(nanoseconds) / 1_000_000
        let scaled = Int((value * 1000).rounded())
        let fraction = String(scaled % 1000)
        return "\(scaled / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction) ms"
    }
    let mean = sorted.reduce(0, +) / UInt64(max(sorted.count, 1))
    let p99 = sorted[min(sorted.count - 1, sorted.count * 99 / 100)]
    print(
        "\(label) (\(sorted.count) samples): mean \(ms(mean)), median \(ms(sorted[sorted.count / 2])), p99 \(ms(p99)), max \(ms(sorted.last ?? 0))"
    )
}

let keyCount = Int(value(of: "--keys", default: "20000")) ?? 20000
let sizeParts = value(of: "--size", default: "80x24").split(separator: "x").compactMap { Int($0) }
let size = TerminalSize(rows: sizeParts.count == 2 ? sizeParts[1] : 24, columns: sizeParts.first ?? 80)
let directory = value(of: "--dir", default: "/tmp")

let questionnaire: Questionnaire
do {
    questionnaire = try QuestionnaireLoader.load(QuestionnaireLoader.builtInFile)
} catch {
    print("laer-survey-bench: \(error)")
    exit(1)
}

// A respondent who rates, moves, reads and scrolls help, types and pastes a note, jumps between
// markers and changes an answer from the review; the survey restarts when it is done, so every
// key lands on a question or the review.
let script: [Key] = [
    .character("l"), .down, .down, .up, .enter, .character("f"), .left, .right, .character("?"), .down, .character("x"),
    .character("p"), .character("a"), .character("E"), .character("M"), .paste(" and EA only"), .left, .home, .enter,
    .character("m"), .down, .enter, .character("2"), .character("3"), .character("1"), .character("n"),
    .character("r"), .down, .down, .enter, .character("f"), .character("c"), .character("h"), .down, .escape,
]
var interview = Interview(questionnaire: questionnaire, assessment: Assessment(blankFor: questionnaire, assessedOn: "2026-11-30"))
for detail in ["Ada", "CRO", "Acme", "2026-Q4"] {
    _ = interview.handle(.edit(.insert(detail)))
    _ = interview.handle(.submitText)
}
let start = interview
var writer = ScreenWriter()
let screen = InterviewScreen(width: size.columns, height: size.rows, style: ANSIStyle(colorEnabled: true))
var samples: [UInt64] = []
var bytesWritten = 0
samples.reserveCapacity(keyCount)
for index in 0..<keyCount {
    let key = script[index % script.count]
    let begin = monotonicNanoseconds()
    if case .event(let event) = SurveyKeys.action(for: key, in: interview) { _ = interview.handle(event) }
    if interview.position == .done { interview = start }
    interview.limitScroll(to: screen.scrollLimit(interview))
    bytesWritten += writer.update(screen.render(interview), size: size).count
    samples.append(monotonicNanoseconds() - begin)
}
print(
    "laer-survey-bench: built-in questionnaire (\(questionnaire.capabilities.count) capabilities), screen \(size.columns)×\(size.rows), colour on"
)
describe(samples, "keystroke to screen bytes")
print("  \(bytesWritten / keyCount) bytes written per keystroke on average (only changed rows are rewritten)")

// The save an answer triggers: the whole answer file, written atomically.
let path = directory + "/laer-survey-bench-\(getpid()).json"
do {
    let store = try AnswerStore.open(path: path, questionnaire: questionnaire, today: "2026-11-30")
    var saves: [UInt64] = []
    var assessment = interview.assessment
    for capability in questionnaire.capabilities {
        assessment.answers[capability.id] = Answer(.largely)
        let begin = monotonicNanoseconds()
        try store.save(assessment)
        saves.append(monotonicNanoseconds() - begin)
    }
    store.close()
    unlink(path)
    describe(saves, "atomic save of the answer file in \(directory)")
} catch {
    print("laer-survey-bench: could not measure saving in \(directory): \(error)")
}
