/// Renders one score result in one format. Renderers are pure: a result and its questionnaire in, text out.
public protocol ReportRenderer: Sendable {
    func render(_ result: ScoreResult, questionnaire: Questionnaire) -> String
    /// The report as UTF-8 bytes; a renderer that builds bytes anyway skips making a String.
    func renderBytes(_ result: ScoreResult, questionnaire: Questionnaire) -> [UInt8]
}

extension ReportRenderer {
    public func renderBytes(_ result: ScoreResult, questionnaire: Questionnaire) -> [UInt8] {
        Array(render(result, questionnaire: questionnaire).utf8)
    }
}

/// The report formats of `laer score`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, markdown, json, html, csv

    /// The file name extension of a report in this format.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .json: "json"
        case .html: "html"
        case .csv: "csv"
        }
    }
}
