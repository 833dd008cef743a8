import LAERBatch
import LAERScoring
import LAERSystem
import LAERValues

/// The inputs of `diff`, `trend` and `--peers` read and merged per organization and period,
/// through the batch pipeline.
struct ComparisonInputs {
    /// What one set of inputs yields.
    struct Side {
        var merges: [OrganizationMerge]
        var summary: AssessmentPipeline.Summary
        var missing: [LoadError]
        var sawDirectory: Bool
        /// Inputs named, before directories are expanded.
        var arguments: [String]

        var hadBadInput: Bool { summary.bad > 0 }
    }

    let pipeline: AssessmentPipeline
    let context: CommandContext
    /// Only each organization's latest period is wanted (a diff, a peer group).
    var latestPeriodOnly = false
    /// The respondents' notes are wanted (a diff shows them; a trend and a peer group do not).
    var keepsNotes = true

    init(catalog: QuestionnaireCatalog, context: CommandContext) {
        pipeline = AssessmentPipeline(catalog: catalog, workers: { WorkerThreads.run($0, $1) })
        self.context = context
    }

    /// Reads `arguments` (files, directories, `-`), reporting each bad input on standard error.
    func read(_ arguments: [String]) throws(LoadError) -> Side {
        let collected = context.files.collectInputs(arguments)
        for skipped in collected.skipped { context.errorOutput.write("\(skipped)\n") }
        for missing in collected.missing { context.errorOutput.write("\(missing)\n") }
        let standardInput = collected.inputs.readsStandardInput ? try context.readInput("-") : nil
        let read = context.batchReader(alreadyRead: standardInput.map { (InputPath("-"), $0) })
        var options = AssessmentPipeline.Options()
        options.latestPeriodOnly = latestPeriodOnly
        options.keepsNotes = keepsNotes
        // No comparison shows who rated what.
        options.recordsWho = false
        let errorOutput = context.errorOutput
        let total = collected.inputs.count
        let progress = ProgressLine(total: total, in: context)
        let (merges, summary) = pipeline.merge(
            collected.inputs, options: options, read: read, report: { errorOutput.write($0 + "\n") }, progress: progress.show)
        progress.clear()
        return Side(
            merges: merges, summary: summary, missing: collected.missing, sawDirectory: collected.sawDirectory,
            arguments: arguments)
    }
}
