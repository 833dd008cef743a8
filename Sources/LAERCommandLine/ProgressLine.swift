import LAERTerminal
import LAERValues

/// "scoring: 2,000 of 10,000 inputs" on standard error, redrawn in place while a batch runs.
struct ProgressLine {
    let output: any TextSink
    let total: Int
    /// Only on a terminal, and only for batches long enough to wait for.
    let enabled: Bool

    /// The fewest inputs worth a progress line.
    static let minimumInputs = 200

    /// The progress of a batch of `total` inputs, shown when standard error is a terminal.
    init(total: Int, in context: CommandContext) {
        output = context.errorOutput
        self.total = total
        enabled = context.errorIsTerminal && total >= Self.minimumInputs
    }

    func show(_ done: Int) {
        guard enabled else { return }
        let of = NumberFormat.grouped(max(total, done))
        output.write("\r" + ANSI.clearToEndOfLine + "scoring: \(NumberFormat.grouped(done)) of \(of) inputs")
    }

    func clear() {
        if enabled { output.write("\r" + ANSI.clearToEndOfLine) }
    }
}
