import LAERReports
import LAERScoring
import LAERSystem
import LAERValues

extension DiffCommand {
    /// git's "no file on this side".
    static let gitNoFile = "/dev/null"

    /// `laer diff --git PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE`: git's external diff.
    ///
    /// It prints a text diff under a heading naming PATH and exits 0 whatever it finds, since git
    /// stops at a driver that fails: a file that cannot be read is said in the output.
    func runGit(in context: CommandContext) throws -> ExitCode {
        let git = arguments.positionals
        let path = git[0]
        let oldFile = git[1]
        let newFile = git[4]
        context.output.write("laer diff \(path)\n\n")
        do {
            let inputs = try comparisonInputs(in: context)
            let old = oldFile == Self.gitNoFile ? nil : try side(oldFile, inputs: inputs)
            let new = newFile == Self.gitNoFile ? nil : try side(newFile, inputs: inputs)
            let style = context.outputStyle(arguments)
            switch (old, new) {
            case (let old?, let new?):
                context.output.write(
                    ReportFormat.text.diffReport(style: style).render(
                        Comparisons.diff(old, new, score: inputs.pipeline.score), questionnaire: new.questionnaire))
            case (nil, let new?):
                context.output.write("A new assessment, nothing before it to compare with.\n" + standing(new, inputs: inputs))
            case (let old?, nil):
                context.output.write("The assessment was removed; it stood at:\n" + standing(old, inputs: inputs))
            case (nil, nil):
                break
            }
        } catch let error as any UserFacingError {
            context.output.write("Not compared: \(error)\n")
        }
        context.output.write("\n")
        return .success
    }

    /// One side of git's diff: the file's one organization, merged.
    func side(_ file: String, inputs: ComparisonInputs) throws -> OrganizationMerge {
        let read = try inputs.read([file])
        guard let merge = read.merges.first else {
            throw ComparisonError("\(arguments.positionals[0]) as git passed it (\(file)) holds no assessment laer can read")
        }
        return merge
    }

    /// Where one assessment stands, for a file git added or deleted.
    func standing(_ merge: OrganizationMerge, inputs: ComparisonInputs) -> String {
        let result = inputs.pipeline.score(merge)
        let questionnaire = merge.questionnaire
        let who = [merge.spellings.mostFrequent, merge.period].compactMap { $0 }.joined(separator: ", ")
        var lines = [
            "\(who.isEmpty ? "" : who + ": ")\(questionnaire.name(of: result.overall.phase)), index \(NumberFormat.decimal(result.overall.index))"
        ]
        for marker in result.markers {
            lines.append(
                "  \(questionnaire.name(of: marker.id)): \(questionnaire.name(of: marker.phase)), index \(NumberFormat.decimal(marker.index))"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
