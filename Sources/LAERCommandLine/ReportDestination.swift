import LAERBatch
import LAERReports
import LAERSystem
import LAERValues

/// Where `score` writes its reports, decided once from `--out` and the inputs as the contract
/// says: a directory (one report per result plus `summary.csv`) when the path is a directory or
/// ends in `/`, or when several inputs or a directory are given; otherwise one file.
enum ReportDestination: Equatable {
    case standardOutput
    case file(String)
    case directory(String)

    /// A path with a report format's extension names one file; several reports there are a
    /// usage error, named with the directory to give instead.
    init(out: String?, inputs: Int, sawDirectory: Bool, files: any FileSystem) throws(UsageError) {
        guard let out else {
            self = .standardOutput
            return
        }
        if out.hasSuffix("/") || files.isDirectory(out) {
            self = .directory(out)
            return
        }
        guard inputs > 1 || sawDirectory else {
            self = .file(out)
            return
        }
        if Self.format(named: out) != nil {
            let inputs = sawDirectory ? "a directory of inputs" : "\(NumberFormat.grouped(inputs)) inputs"
            throw Self.severalReports(in: out, from: inputs)
        }
        self = .directory(out)
    }

    /// The report format a file name's extension names, if any.
    static func format(named path: String) -> ReportFormat? {
        ReportFileNamer.fileExtension(of: path).flatMap(ReportFormat.init(fileExtension:))
    }

    /// The usage error of several reports for one file: "--out all.html names one file, but …".
    static func severalReports(in path: String, from what: String) -> UsageError {
        let stem = ReportFileNamer.baseName(of: path)
        return .other(
            "--out \(path) names one file, but \(what) give a report each; name a directory for one report per result and summary.csv, such as --out \(stem)/",
            command: "score")
    }

    /// Several HTML reports would be documents glued together on standard output.
    static let severalHTMLReports = UsageError.other(
        "several HTML reports cannot follow each other on standard output; write them with --out DIR, one file each plus summary.csv",
        command: "score")

    /// The format: `--format`, else the one the `--out` file's extension names, else text; an
    /// `--out` file whose extension names no format needs `--format`.
    func format(given: String?) throws(UsageError) -> ReportFormat {
        if let given, let format = ReportFormat(rawValue: given) { return format }
        guard case .file(let path) = self, let fileExtension = ReportFileNamer.fileExtension(of: path) else { return .text }
        guard let format = ReportFormat(fileExtension: fileExtension) else {
            throw .other(
                "--out \(path): \".\(fileExtension)\" names no report format; end the name in .html, .md, .json, .csv or .txt, or give --format",
                command: "score")
        }
        return format
    }

    var isDirectory: Bool {
        if case .directory = self { return true }
        return false
    }

    var path: String? {
        switch self {
        case .standardOutput: nil
        case .file(let path), .directory(let path): path
        }
    }
}
