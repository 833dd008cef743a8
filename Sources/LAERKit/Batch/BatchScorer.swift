import Dispatch

/// Scores many inputs in parallel and writes their reports in input order, streaming: memory
/// holds one window of inputs at a time, whatever the number of inputs.
public struct BatchScorer: Sendable {
    public struct Request: Sendable {
        /// The inputs in order, walked lazily while the batch runs.
        public var inputs: InputPaths
        public var format: ReportFormat
        public var target: PhaseID?
        public var byOrganization = false
        public var anonymizer: Anonymizer?
        /// Reports go here, one file per result, with `summary.csv`; nil for standard output.
        public var outDirectory: String?
        public var style: TextStyle = .plain

        public init(inputs: InputPaths, format: ReportFormat, target: PhaseID? = nil) {
            self.inputs = inputs
            self.format = format
            self.target = target
        }

        public init(paths: [String], format: ReportFormat, target: PhaseID? = nil) {
            self.init(inputs: InputPaths(paths), format: format, target: target)
        }
    }

    /// What a run did, for the closing line and the exit code.
    public struct Summary: Sendable, Equatable {
        public var scored = 0
        public var attempted = 0
        public var bad = 0
    }

    public let questionnaire: Questionnaire
    let scorer: Scorer
    let lineWriter: JSONLineWriter
    let fastReader: FastAnswerReader

    public init(questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        scorer = Scorer(questionnaire: questionnaire)
        lineWriter = JSONLineWriter(questionnaire: questionnaire)
        fastReader = FastAnswerReader(questionnaire: questionnaire)
    }

    // MARK: One input

    /// One result of an input, rendered when the run renders in parallel.
    struct Item: Sendable {
        var stem: String
        var result: ScoreResult?
        var assessment: Assessment?
        var rendered: [UInt8]?
    }

    /// Everything one input yields: its items and the lines to show on standard error.
    struct Outcome: Sendable {
        var items: [Item] = []
        var messages: [String] = []
        var attempted = 0
        var bad = 0
    }

    func process(_ file: InputFile, index: Int, request: Request) -> Outcome {
        var outcome = Outcome()
        // Ordinary answer files take the fast path; anything else, and every problem, the full one.
        // The fast path also yields the scorer's evidence, so the answers need not be kept unless merged.
        let entries: [AnswerLoader.Entry]
        var fastEvidence: Scorer.Evidence?
        if let fast = fastReader.read(file.bytes, keepingAnswers: request.byOrganization) {
            entries = [AnswerLoader.Entry(place: nil, assessment: fast.assessment, problems: [])]
            fastEvidence = fast.evidence
        } else {
            let read = AnswerLoader.readAll(file, questionnaire: questionnaire)
            entries = read.entries
            outcome.messages += read.fileProblems.map { "\(file.displayName): \($0)" }
            if entries.isEmpty, !read.fileProblems.errors.isEmpty {
                outcome.attempted = 1
                outcome.bad = 1
            }
        }
        // The stem names a report file or a merged source; standard output needs none.
        let needsStem = request.outDirectory != nil || request.byOrganization
        let base = !needsStem ? "" : request.anonymizer == nil ? ReportFileNamer.baseName(of: file.displayName) : "input-\(index + 1)"
        for entry in entries {
            outcome.attempted += 1
            outcome.messages += entry.problems.map { "\(file.displayName): \($0)" }
            guard var assessment = entry.assessment else {
                outcome.bad += 1
                continue
            }
            if let anonymizer = request.anonymizer { assessment.respondent = anonymizer.anonymized(assessment.respondent) }
            let name = assessment.respondent.name ?? (entries.count > 1 ? entry.place : nil)
            let stem = !needsStem ? "" : name.map { "\(base)-\($0)" } ?? base
            if request.byOrganization {
                outcome.items.append(Item(stem: stem, assessment: assessment))
                continue
            }
            let source = request.anonymizer == nil ? file.displayName + (entry.place.map { ", \($0)" } ?? "") : base
            let result = fastEvidence.map { scorer.score(assessment, evidence: $0, source: source, target: request.target) }
                ?? scorer.score(assessment, source: source, target: request.target)
            outcome.items.append(Item(stem: stem, result: result))
        }
        return outcome
    }

    // MARK: Rendering

    func render(_ result: ScoreResult, request: Request, many: Bool) -> [UInt8] {
        switch request.format {
        case .text: TextReport(style: request.outDirectory == nil ? request.style : .plain).renderBytes(result, questionnaire: questionnaire)
        case .markdown: MarkdownReport().renderBytes(result, questionnaire: questionnaire)
        case .json:
            many && request.outDirectory == nil
                ? lineWriter.bytes(result) : JSONReport(pretty: true).renderBytes(result, questionnaire: questionnaire)
        case .html: HTMLReport().renderBytes(result, questionnaire: questionnaire)
        case .csv: request.outDirectory == nil && many ? CSVReport.writer.bytes([CSVReport.row(result)]) : CSVReport().renderBytes(result, questionnaire: questionnaire)
        }
    }

    /// What stands between two reports written one after another on standard output.
    func separator(_ format: ReportFormat) -> String {
        switch format {
        case .text: "\n" + String(repeating: "─", count: 80) + "\n\n"
        case .markdown: "\n---\n\n"
        case .json, .csv, .html: ""
        }
    }

    // MARK: The run

    /// Scores every input of `request`. Bad inputs are reported on standard error and counted;
    /// only an output that cannot be written stops the run.
    public func run(_ request: Request, standardInput: InputFile?, in context: CommandContext) throws(OutputError) -> Summary {
        var writer = try Writer(request: request, scorer: self, context: context)
        var summary = Summary()
        var merges: [String: OrganizationMerge] = [:]
        var organizations: [String] = []
        let window = request.format == .html || request.format == .markdown ? 32 : 256
        let total = request.inputs.count
        let progress = context.errorIsTerminal && total >= 200
        var paths = request.inputs.makeIterator()
        var start = 0

        while true {
            // One window of paths at a time: the directories are walked as the run goes.
            var windowPaths: [String] = []
            windowPaths.reserveCapacity(window)
            while windowPaths.count < window, let path = paths.next() { windowPaths.append(path) }
            if windowPaths.isEmpty { break }
            let indices = Array(start..<(start + windowPaths.count))
            let outcomes = parallelMap(indices) { [windowPaths, start] index -> Outcome in
                let path = windowPaths[index - start]
                let file: InputFile
                if path == "-", let standardInput {
                    file = standardInput
                } else {
                    do {
                        file = try InputFile.read(path: path)
                    } catch {
                        return Outcome(messages: ["\(error)"], attempted: 1, bad: 1)
                    }
                }
                var outcome = process(file, index: index, request: request)
                if !request.byOrganization {
                    for position in outcome.items.indices {
                        outcome.items[position].rendered = outcome.items[position].result.map {
                            render($0, request: request, many: true)
                        }
                        // Only summary.csv needs the result once it is rendered: let this thread,
                        // not the one that writes in order, free it.
                        if request.outDirectory == nil { outcome.items[position].result = nil }
                    }
                }
                return outcome
            }
            for outcome in outcomes {
                for message in outcome.messages { context.errorOutput.write(message + "\n") }
                summary.attempted += outcome.attempted
                summary.bad += outcome.bad
                for item in outcome.items {
                    if let assessment = item.assessment {
                        let organization = assessment.respondent.organization ?? "(no organization)"
                        if merges[organization] == nil {
                            merges[organization] = OrganizationMerge(organization: organization)
                            organizations.append(organization)
                        }
                        merges[organization]!.add(assessment, source: item.stem)
                    } else if let rendered = item.rendered {
                        try writer.write(rendered, result: item.result, stem: item.stem)
                        summary.scored += 1
                    }
                }
            }
            start += windowPaths.count
            if progress {
                context.errorOutput.write("\r\u{1B}[Kscoring: \(Self.grouped(start)) of \(Self.grouped(max(total, start))) inputs")
            }
        }
        if progress { context.errorOutput.write("\r\u{1B}[K") }

        for organization in organizations {
            let result = scorer.score(merges[organization]!, target: request.target)
            try writer.write(render(result, request: request, many: true), result: result, stem: organization)
            summary.scored += 1
        }
        try writer.finish()
        return summary
    }

    /// Runs `transform` over `indices` on every core and returns the results in order.
    func parallelMap<T: Sendable>(_ indices: [Int], _ transform: @escaping @Sendable (Int) -> T) -> [T] {
        let slots = Slots<T>(count: indices.count)
        DispatchQueue.concurrentPerform(iterations: indices.count) { position in
            slots.store(transform(indices[position]), at: position)
        }
        return slots.values()
    }

    /// 12,345 with thousands separators.
    public static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return text
    }
}

/// Fixed slots that threads fill at distinct positions.
private final class Slots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    func store(_ value: T, at position: Int) {
        buffer[position] = value
    }

    func values() -> [T] {
        buffer.map { $0! }
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }
}

extension BatchScorer {
    /// Writes reports in order: to standard output with the format's framing, or one file each
    /// in the out directory beside a streamed `summary.csv`.
    struct Writer {
        let request: BatchScorer.Request
        let context: CommandContext
        let separator: String
        var namer = ReportFileNamer()
        var summaryFile: OutputFile.Stream?
        var written = 0

        init(request: BatchScorer.Request, scorer: BatchScorer, context: CommandContext) throws(OutputError) {
            self.request = request
            self.context = context
            separator = scorer.separator(request.format)
            if let directory = request.outDirectory {
                try OutputFile.makeDirectory(directory)
                let summary = try OutputFile.Stream(path: directory + "/summary.csv")
                try summary.append(CSVReport.writer.text([CSVReport.header]))
                summaryFile = summary
            }
        }

        /// `result` is needed (for summary.csv) only with an out directory.
        mutating func write(_ rendered: [UInt8], result: ScoreResult?, stem: String) throws(OutputError) {
            defer { written += 1 }
            if let directory = request.outDirectory {
                let name = namer.name(stem, extension: request.format.fileExtension)
                try OutputFile.write(rendered, to: directory + "/" + name)
                if let result { try summaryFile?.append(CSVReport.writer.text([CSVReport.row(result)])) }
                return
            }
            if request.format == .csv, written == 0 { context.output.write(CSVReport.writer.text([CSVReport.header])) }
            if written > 0, !separator.isEmpty { context.output.write(separator) }
            context.output.write(bytes: rendered)
        }

        func finish() throws(OutputError) {
            try summaryFile?.finish()
        }
    }
}
