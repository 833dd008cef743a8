import LAERDocuments
import LAERScoring
import LAERValues

/// Reads, scores and renders many inputs in parallel and hands the results over in input order,
/// streaming: memory holds one window of inputs at a time, whatever the number of inputs.
///
/// It knows nothing of files or formats: the caller says how to read a path, how to render a
/// result, and what to do with each one. `score` writing reports, and next `trend`, directory
/// `diff` and `--peers`, share it.
package struct AssessmentPipeline: Sendable {
    package struct Options: Sendable {
        package var target: PhaseID?
        /// Merge the respondents of each organization and period into one result, scored at the end.
        package var byOrganization = false
        /// Merge only each organization's latest period, dropping earlier ones as later ones come
        /// (a diff and a peer group compare organizations as they stand).
        package var latestPeriodOnly = false
        package var anonymizer: Anonymizer?
        /// Whether each result needs a stem (a report file's name, or a merged source).
        package var needsStems = false
        /// Keep each result beside its rendering (for a summary of every result); otherwise the
        /// thread that rendered it frees it.
        package var keepsResults = false
        /// How many inputs are in memory at once.
        package var window = 256
        /// Keep the respondents' notes (a trend and a peer group show none), and in merges who
        /// rated what (no comparison shows it; `--anonymize` leaves it out).
        package var keepsNotes = true
        package var recordsWho = true
        /// The header names of a wide export's columns, where a survey tool named them its own way.
        package var columns = ColumnMap.none
        /// How many inputs there are, when known: anonymised labels are numbered to that width
        /// (`input-007` of 120), so that they sort as they were given.
        package var inputCount = 0

        package init(target: PhaseID? = nil) {
            self.target = target
        }
    }

    /// One scored result, in input order.
    package struct Scored: Sendable {
        /// The name its report file is made from: organization, period and the respondent (or the
        /// input's base name), or for a merge the organization and period.
        package var stem: String
        /// The result, when `keepsResults` or for a merged organization.
        package var result: ScoreResult?
        package var rendered: [UInt8]
        /// Where in the catalog the questionnaire it was scored with stands (0 for the newest).
        package var version = 0
    }

    /// What a run did, for the closing line and the exit code.
    package struct Summary: Sendable, Equatable {
        package var scored = 0
        package var attempted = 0
        package var bad = 0
        /// Inputs whose problem is the command's (a column map naming a column they lack): exit 64.
        package var usage = 0

        package init(scored: Int = 0, attempted: Int = 0, bad: Int = 0) {
            self.scored = scored
            self.attempted = attempted
            self.bad = bad
        }
    }

    package let questionnaire: Questionnaire
    /// The versions merged answers may be read with; `questionnaire` is its newest.
    package let catalog: QuestionnaireCatalog
    /// A scorer and a fast reader for each questionnaire of the catalog, made once.
    let scorers: [Scorer]
    let fastReaders: [FastAnswerReader]
    /// The newest version as answer files write it.
    let newestVersion: String
    /// Runs each window's inputs in parallel.
    let workers: ParallelLoop

    /// Calls `body` once with each of `0..<count`, on as many threads as it has, and returns when
    /// every call has returned (the process's threads: `WorkerThreads.run`).
    package typealias ParallelLoop = @Sendable (_ count: Int, _ body: @escaping @Sendable (Int) -> Void) -> Void

    /// Every iteration in turn on the calling thread.
    package static let callingThreadOnly: ParallelLoop = { count, body in
        for position in 0..<count { body(position) }
    }

    package init(questionnaire: Questionnaire, workers: @escaping ParallelLoop = callingThreadOnly) {
        self.init(catalog: QuestionnaireCatalog([questionnaire]), workers: workers)
    }

    /// A pipeline whose merges read each answer file with its own version from `catalog`, and
    /// whose windows run on `workers`.
    package init(catalog: QuestionnaireCatalog, workers: @escaping ParallelLoop = callingThreadOnly) {
        self.workers = workers
        self.catalog = catalog
        questionnaire = catalog.newest
        scorers = catalog.questionnaires.map { Scorer(questionnaire: $0) }
        fastReaders = catalog.questionnaires.map { FastAnswerReader(questionnaire: $0) }
        newestVersion = catalog.newest.version.description
    }

    /// An ordinary answer file read by the fast path, with the position in the catalog of the
    /// version it was made with; nil for anything the full path must read.
    ///
    /// The version is looked up first, so that the file is read once, by that version's reader.
    /// The newest version's reader accepts answers of any version of its major: a file whose
    /// identity was not where the look-up looks is read again when it names another version.
    func fastRead(_ bytes: [UInt8], keepingNotes: Bool) -> (
        read: (assessment: Assessment, ratings: [Rating?], notes: [PositionedNote]), version: Int
    )? {
        let named =
            fastReaders.count == 1
            ? 0 : FastAnswerReader.identity(of: bytes).flatMap { catalog.position(id: $0.id, version: $0.version) } ?? 0
        guard let read = fastReaders[named].read(bytes, keepingAnswers: false, keepingNotes: keepingNotes) else {
            return nil
        }
        let version =
            named != 0 || fastReaders.count == 1 || read.assessment.questionnaireVersion == newestVersion
            ? named : catalog.position(id: read.assessment.questionnaireID, version: read.assessment.questionnaireVersion) ?? 0
        guard version != named else { return (read, named) }
        return fastReaders[version].read(bytes, keepingAnswers: false, keepingNotes: keepingNotes).map { ($0, version) }
    }

    /// Scores a merge with the questionnaire version its answers were read with.
    package func score(_ merge: OrganizationMerge, target: PhaseID? = nil) -> ScoreResult {
        let questionnaire = merge.questionnaire
        let scorer =
            scorers.first { $0.questionnaire.version == questionnaire.version && $0.questionnaire.id == questionnaire.id }
            ?? Scorer(questionnaire: questionnaire)
        return scorer.score(merge, target: target)
    }

    // MARK: One input

    /// One result of an input, or one assessment kept for merging.
    struct Item: Sendable {
        var stem: String
        /// For merging: the input as the merged result's `source` names it.
        var source = ""
        var result: ScoreResult?
        var assessment: Assessment?
        /// For merging: the ratings by position, when the fast path read them, and the notes it read.
        var ratings: [Rating?]?
        var notes: [PositionedNote] = []
        /// Where in the catalog the version the answers were read with is, when not the newest.
        var version: Int?
        var rendered: [UInt8]?
    }

    /// Everything one input yields: its items and the lines to show on standard error.
    struct Outcome: Sendable {
        var items: [Item] = []
        var messages: [String] = []
        var attempted = 0
        var bad = 0
        var usage = 0
    }

    func process(_ file: InputFile, index: Int, options: Options) -> Outcome {
        var outcome = Outcome()
        // Ordinary answer files take the fast path; anything else, and every problem, the full one.
        // The fast path also yields the ratings by position, so the answers need not be kept unless merged.
        let entries: [AnswerLoader.Entry]
        var fastRatings: [Rating?]?
        var fastNotes: [PositionedNote] = []
        var readWith: Int?
        if let (fast, version) = fastRead(file.bytes, keepingNotes: options.keepsNotes) {
            entries = [AnswerLoader.Entry(place: nil, assessment: fast.assessment, problems: [])]
            fastRatings = fast.ratings
            fastNotes = fast.notes
            if version > 0 { readWith = version }
        } else {
            // Each with its own version of the catalog (a batch that scores has one).
            let read = AnswerLoader.readAll(file, in: catalog, columns: options.columns)
            if read.version > 0 { readWith = read.version }
            entries = read.entries
            outcome.messages += read.fileProblems.map { $0.line(in: file.displayName) }
            if (read.fileProblems + read.entries.flatMap(\.problems)).contains(where: { $0.cause == .usage }) {
                outcome.usage = 1
            }
            if entries.isEmpty, !read.fileProblems.errors.isEmpty {
                outcome.attempted = 1
                outcome.bad = 1
            }
        }
        let needsStem = options.needsStems || options.byOrganization
        let label = options.anonymizer == nil ? nil : Self.inputLabel(index, of: options.inputCount)
        let base = !needsStem ? "" : label ?? ReportFileNamer.baseName(of: file.displayName)
        for entry in entries {
            outcome.attempted += 1
            outcome.messages += entry.problems.map { $0.line(in: file.displayName) }
            guard var assessment = entry.assessment else {
                outcome.bad += 1
                continue
            }
            if let anonymizer = options.anonymizer { assessment.respondent = anonymizer.anonymized(assessment.respondent) }
            let place = entries.count > 1 ? entry.place : nil
            let who = assessment.respondent.name ?? place.map { "\(base)-\($0)" } ?? base
            if options.byOrganization {
                let source = assessment.respondent.name.map { "\(base)-\($0)" } ?? who
                outcome.items.append(
                    Item(
                        stem: "", source: source, assessment: assessment, ratings: fastRatings, notes: fastNotes,
                        version: readWith))
                continue
            }
            let stem =
                !needsStem
                ? "" : ReportFileNamer.stem([assessment.respondent.organization, assessment.period, who])
            let source = (label ?? file.displayName) + (entry.place.map { ", \($0)" } ?? "")
            let scorer = scorers[readWith ?? 0]
            let result =
                fastRatings.map { ratings in
                    let notes = fastNotes.map {
                        EvidenceNote(capability: scorer.questionnaire.capabilities[$0.position].id, note: $0.text)
                    }
                    return scorer.score(assessment, ratings: ratings, notes: notes, source: source, target: options.target)
                } ?? scorer.score(assessment, source: source, target: options.target)
            if result.isBlank {
                outcome.messages.append(
                    "\(file.displayName): " + (entry.place.map { "\($0): " } ?? "") + "warning: " + ScoreResult.blankMessage)
            }
            outcome.items.append(Item(stem: stem, result: result, version: readWith))
        }
        return outcome
    }

    /// `input-7`, or `input-007` among 120: an anonymised input's name, numbered from 1.
    package static func inputLabel(_ index: Int, of count: Int) -> String {
        "input-" + NumberFormat.padded(String(index + 1), width: String(max(count, index + 1)).count)
    }

    // MARK: The run

    /// Scores every path.
    ///
    /// Bad inputs go to `report` and are counted; only `deliver` failing
    /// stops the run. `progress` hears how many inputs are done after each window. With
    /// `byOrganization`, each organization and period is one result, delivered after every input is read.
    package func run<Paths: Sequence, Failure: Error>(
        _ paths: Paths, options: Options,
        read: @escaping @Sendable (Paths.Element) throws(LoadError) -> InputFile,
        render: @escaping @Sendable (ScoreResult) -> [UInt8],
        report: (String) -> Void,
        progress: (Int) -> Void = { _ in },
        deliver: (Scored) throws(Failure) -> Void
    ) throws(Failure) -> Summary where Paths.Element: Sendable {
        var merges = Merges()
        merges.recordsWho = options.recordsWho && options.anonymizer == nil
        merges.keepsNotes = options.keepsNotes
        var summary = try walk(
            paths, options: options, read: read, render: render, report: report, progress: progress
        ) { (item: Item) throws(Failure) in
            if item.assessment != nil {
                merges.add(item, catalog: catalog)
            } else if let rendered = item.rendered {
                try deliver(Scored(stem: item.stem, result: item.result, rendered: rendered, version: item.version ?? 0))
            }
        }
        for merge in merges.all {
            let result = score(merge, target: options.target)
            if result.isBlank { report("\(merge.organization): warning: \(ScoreResult.blankMessage)") }
            let stem = ReportFileNamer.stem([merge.organization, merge.period])
            try deliver(Scored(stem: stem, result: result, rendered: render(result), version: catalog.position(of: result)))
        }
        summary.scored += options.byOrganization ? merges.all.count : 0
        return summary
    }

    /// Reads every path and merges the respondents of each organization and period, in the order
    /// each group was first seen: what `trend`, directory `diff` and `--peers` compare.
    package func merge<Paths: Sequence>(
        _ paths: Paths, options: Options = Options(),
        read: @escaping @Sendable (Paths.Element) throws(LoadError) -> InputFile,
        report: (String) -> Void,
        progress: (Int) -> Void = { _ in }
    ) -> (merges: [OrganizationMerge], summary: Summary) where Paths.Element: Sendable {
        var options = options
        options.byOrganization = true
        var merges = Merges()
        merges.latestPeriodOnly = options.latestPeriodOnly
        merges.recordsWho = options.recordsWho && options.anonymizer == nil
        merges.keepsNotes = options.keepsNotes
        let noRendering: @Sendable (ScoreResult) -> [UInt8] = { _ in [] }
        let summary = walk(paths, options: options, read: read, render: noRendering, report: report, progress: progress) {
            (item: Item) throws(Never) in
            if item.assessment != nil { merges.add(item, catalog: catalog) }
        }
        return (merges.all, summary)
    }

    /// The merges of a run, by organization and period, in the order first seen.
    struct Merges {
        struct Key: Hashable {
            var organization: String
            var period: String?
        }

        var positions: [Key: Int] = [:]
        var all: [OrganizationMerge] = []
        var latestPeriodOnly = false
        /// Whether merges keep who said what, and the notes.
        var recordsWho = true
        var keepsNotes = true
        /// With `latestPeriodOnly`: where each organization's one merge is.
        var latest: [String: Int] = [:]

        /// Adds an item kept for merging to the merge of its organization and period, made of the
        /// version the item was read with when it is the first.
        ///
        /// With `latestPeriodOnly`, an item of an earlier period than its organization's merge is
        /// left out, and one of a later period starts the merge afresh.
        mutating func add(_ item: Item, catalog: QuestionnaireCatalog) {
            guard let assessment = item.assessment else { return }
            let key = Key(
                organization: OrganizationName.key(assessment.respondent.organization), period: assessment.comparisonPeriod)
            let (recordsWho, keepsNotes) = (recordsWho, keepsNotes)
            let fresh = {
                OrganizationMerge(
                    key: key.organization, period: key.period,
                    questionnaire: item.version.map { catalog.questionnaires[$0] } ?? catalog.newest, recordsWho: recordsWho,
                    keepsNotes: keepsNotes)
            }
            let position: Int
            if latestPeriodOnly, let current = latest[key.organization] {
                if Comparisons.periodPrecedes(key.period, all[current].period) { return }
                if Comparisons.periodPrecedes(all[current].period, key.period) { all[current] = fresh() }
                position = current
            } else if !latestPeriodOnly, let existing = positions[key] {
                position = existing
            } else {
                all.append(fresh())
                position = all.count - 1
                if latestPeriodOnly { latest[key.organization] = position } else { positions[key] = position }
            }
            // The fast reader's ratings are by position of the version the answers were read with.
            all[position].add(
                assessment, ratings: item.ratings, notes: item.notes,
                positionedIn: catalog.questionnaires[item.version ?? 0], source: item.source)
        }
    }

    /// Reads, scores and renders every path, one window at a time, and hands each item over in input order.
    func walk<Paths: Sequence, Failure: Error>(
        _ paths: Paths, options: Options,
        read: @escaping @Sendable (Paths.Element) throws(LoadError) -> InputFile,
        render: @escaping @Sendable (ScoreResult) -> [UInt8],
        report: (String) -> Void,
        progress: (Int) -> Void,
        handOver: (Item) throws(Failure) -> Void
    ) throws(Failure) -> Summary where Paths.Element: Sendable {
        var summary = Summary()
        var iterator = paths.makeIterator()
        func nextWindow() -> [Paths.Element] {
            var window: [Paths.Element] = []
            window.reserveCapacity(options.window)
            while window.count < options.window, let path = iterator.next() { window.append(path) }
            return window
        }

        // One window of paths at a time: the directories are walked as the run goes.
        var start = 0
        while true {
            let windowPaths = nextWindow()
            if windowPaths.isEmpty { break }
            let outcomes = parallelMap(count: windowPaths.count) { [windowPaths, start] position -> Outcome in
                outcome(of: windowPaths[position], index: start + position, options: options, read: read, render: render)
            }
            for outcome in outcomes {
                for message in outcome.messages { report(message) }
                summary.attempted += outcome.attempted
                summary.bad += outcome.bad
                summary.usage += outcome.usage
                for item in outcome.items {
                    try handOver(item)
                    if item.rendered != nil { summary.scored += 1 }
                }
            }
            start += windowPaths.count
            progress(start)
        }
        return summary
    }

    /// Reads, scores and renders one input, on whichever thread runs it.
    func outcome<Path>(
        of path: Path, index: Int, options: Options, read: @Sendable (Path) throws(LoadError) -> InputFile,
        render: @Sendable (ScoreResult) -> [UInt8]
    ) -> Outcome {
        let file: InputFile
        do {
            file = try read(path)
        } catch {
            return Outcome(messages: ["\(error)"], attempted: 1, bad: 1)
        }
        var outcome = process(file, index: index, options: options)
        if !options.byOrganization {
            for position in outcome.items.indices {
                outcome.items[position].rendered = outcome.items[position].result.map(render)
                // Let this thread, not the one that delivers in order, free what is not kept.
                if !options.keepsResults { outcome.items[position].result = nil }
            }
        }
        return outcome
    }

    /// Runs `transform` over `0..<count` on the workers and returns the results in order.
    func parallelMap<T: Sendable>(count: Int, _ transform: @escaping @Sendable (Int) -> T) -> [T] {
        let slots = Slots<T>(count: count)
        workers(count) { position in
            slots.store(transform(position), at: position)
        }
        return slots.values()
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
