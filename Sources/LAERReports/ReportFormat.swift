/// The report formats, and what every subject's reports of one format share: the file extension
/// and how reports follow each other on standard output.
///
/// This is the registry: each subject's
/// renderers are chosen in one switch beside it (`ReportFormat+Score.swift`).
package enum ReportFormat: String, CaseIterable, Sendable {
    case text, markdown, json, html, csv

    /// The format a file name's extension names (`.html`, `.htm`, `.md`, `.markdown`, `.json`,
    /// `.csv`, `.txt`, any case); nil for any other extension.
    package init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "txt", "text": self = .text
        case "md", "markdown": self = .markdown
        case "json": self = .json
        case "html", "htm": self = .html
        case "csv": self = .csv
        default: return nil
        }
    }

    /// The file name extension of a report in this format.
    package var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .json: "json"
        case .html: "html"
        case .csv: "csv"
        }
    }

    /// What stands between two reports written one after another on standard output; JSON and
    /// CSV reports in a stream are lines and rows, which need none.
    package var separator: String {
        switch self {
        case .text: "\n" + String(repeating: "─", count: 80) + "\n\n"
        case .markdown: "\n---\n\n"
        case .json, .csv, .html: ""
        }
    }

    /// How many reports a batch holds in memory at once: fewer of the large ones.
    package var batchWindow: Int {
        switch self {
        case .html, .markdown: 32
        case .text, .json, .csv: 256
        }
    }
}

/// Reports of one subject in one format written one after another on standard output: a header
/// before the first (a CSV header row), each report as `render` makes it, `separator` between.
package struct ReportStream<Subject>: Sendable {
    package var header: [UInt8]
    package var separator: [UInt8]
    package var render: @Sendable (Subject) -> [UInt8]

    package init(header: [UInt8] = [], separator: String, render: @escaping @Sendable (Subject) -> [UInt8]) {
        self.header = header
        self.separator = Array(separator.utf8)
        self.render = render
    }
}
