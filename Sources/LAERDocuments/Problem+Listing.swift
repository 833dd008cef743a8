import LAERValues

extension [Problem] {
    /// The problems as they are listed for one input: the first `InputLimits.listedProblems`,
    /// then one that counts the rest (an error when any of them is one), so that a file with
    /// thousands of mistakes gets a page of them and not thousands of lines.
    package var listed: [Problem] {
        guard count > InputLimits.listedProblems + 1 else { return self }
        let rest = self[InputLimits.listedProblems...]
        let errors = rest.count { $0.severity == .error }
        let warnings = rest.count - errors
        func counted(_ number: Int, _ word: String) -> String {
            "\(NumberFormat.grouped(number)) more \(word)\(number == 1 ? "" : "s")"
        }
        let what =
            switch (errors, warnings) {
            case (0, _): counted(warnings, "warning")
            case (_, 0): counted(errors, "error")
            default: counted(errors, "error") + " and " + counted(warnings, "warning")
            }
        let summary = Problem(
            at: .document,
            "… and \(what) like these, not listed (laer lists \(InputLimits.listedProblems) per input); fix the ones above and run again",
            severity: errors > 0 ? .error : .warning)
        return Array(prefix(InputLimits.listedProblems)) + [summary]
    }
}
