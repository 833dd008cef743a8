import LAERBatch
import LAERReports
import LAERSystem
import LAERValues

/// Where the reports of a batch go, in order: standard output with the format's framing, or one
/// file each in the out directory beside a streamed `summary.csv`.
struct ReportSink {
    let format: ReportFormat
    let output: any TextSink
    let stream: ReportStream<ScoreResult>
    let directory: String?
    var namer = ReportFileNamer()
    let files: any FileSystem
    /// The questionnaire whose capabilities name the evidence columns of `summary.csv`.
    let questionnaire: Questionnaire
    var summaryFile: (any FileStream)?
    var written = 0

    init(
        format: ReportFormat, stream: ReportStream<ScoreResult>, directory: String?, output: any TextSink, files: any FileSystem,
        questionnaire: Questionnaire
    ) throws(OutputError) {
        self.files = files
        self.questionnaire = questionnaire
        self.format = format
        self.stream = stream
        self.directory = directory
        self.output = output
        if let directory {
            try files.makeDirectory(directory)
            let summary = try files.openStream(directory + "/summary.csv")
            try summary.append(CSVReport.writer.text([CSVReport.header(questionnaire)]))
            summaryFile = summary
        }
    }

    /// Writes one report; `scored.result` is needed (for summary.csv) only with an out directory.
    mutating func write(_ scored: AssessmentPipeline.Scored) throws(OutputError) {
        defer { written += 1 }
        if let directory {
            let name = namer.name(scored.stem, extension: format.fileExtension)
            try files.write(scored.rendered, to: directory + "/" + name)
            if let result = scored.result {
                try summaryFile?.append(CSVReport.writer.text([CSVReport.row(result, questionnaire: questionnaire)]))
            }
            return
        }
        if written == 0, !stream.header.isEmpty { output.write(bytes: stream.header) }
        if written > 0, !stream.separator.isEmpty { output.write(bytes: stream.separator) }
        output.write(bytes: scored.rendered)
        // Standard output is gone or full: the rest of the batch would be scored for nobody.
        if let failure = output.writeFailure { throw .standardOutput(errno: failure) }
    }

    func finish() throws(OutputError) {
        try summaryFile?.finish()
    }
}
