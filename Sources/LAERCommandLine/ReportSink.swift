import LAERBatch
import LAERFormats
import LAERReports
import LAERSystem
import LAERValues

/// Where the reports of a batch go, in order: standard output with the format's framing, one
/// file, or one file each in the out directory beside a streamed `summary.csv` (the name of each
/// report's file, then the CSV report's columns).
///
/// Where only one report may go (one file, or HTML on standard output) the first is held until
/// the end, so that a second one is refused before anything is written.
struct ReportSink {
    let format: ReportFormat
    let output: any TextSink
    let stream: ReportStream<ScoreResult>
    let destination: ReportDestination
    /// The questionnaire of the results, whose capabilities are columns of `summary.csv`.
    let questionnaire: Questionnaire
    var namer = ReportFileNamer()
    let files: any FileSystem
    var summaryFile: (any FileStream)?
    var held: [UInt8]?
    var written = 0

    init(
        format: ReportFormat, stream: ReportStream<ScoreResult>, destination: ReportDestination, output: any TextSink,
        files: any FileSystem, questionnaire: Questionnaire
    ) throws(OutputError) {
        self.files = files
        self.questionnaire = questionnaire
        self.format = format
        self.stream = stream
        self.destination = destination
        self.output = output
        if case .directory(let directory) = destination {
            try files.makeDirectory(directory)
            let summary = try files.openStream(Self.join(directory, "summary.csv"))
            try summary.append(CSVReport.writer.text([["report"] + CSVReport.header(questionnaire)]))
            summaryFile = summary
        }
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Whether only one report may be written.
    var holdsOne: Bool {
        switch destination {
        case .file: true
        case .standardOutput: format == .html
        case .directory: false
        }
    }

    /// Writes one report; `scored.result` is needed (for summary.csv) only with an out directory.
    mutating func write(_ scored: AssessmentPipeline.Scored) throws {
        defer { written += 1 }
        if holdsOne {
            guard held == nil else {
                if case .file(let path) = destination {
                    throw ReportDestination.severalReports(in: path, from: "the inputs")
                }
                throw ReportDestination.severalHTMLReports
            }
            held = scored.rendered
            return
        }
        if case .directory(let directory) = destination {
            let name = namer.name(scored.stem, extension: format.fileExtension)
            try files.write(scored.rendered, to: Self.join(directory, name))
            if let result = scored.result {
                try summaryFile?.append(
                    CSVReport.writer.text([[name] + CSVReport.row(result, questionnaire: questionnaire)]))
            }
            return
        }
        if written == 0, !stream.header.isEmpty { output.write(bytes: stream.header) }
        if written > 0, !stream.separator.isEmpty { output.write(bytes: stream.separator) }
        output.write(bytes: scored.rendered)
        // Standard output is gone or full: the rest of the batch would be scored for nobody.
        if let failure = output.writeFailure { throw OutputError.standardOutput(errno: failure) }
    }

    /// Writes the report held back, and closes `summary.csv`.
    func finish() throws(OutputError) {
        if let held {
            if case .file(let path) = destination {
                try files.makeParentDirectory(of: path)
                try files.write(held, to: path)
            } else {
                if !stream.header.isEmpty { output.write(bytes: stream.header) }
                output.write(bytes: held)
                if let failure = output.writeFailure { throw .standardOutput(errno: failure) }
            }
        }
        try summaryFile?.finish()
    }
}
