import LAERFormats
import LAERValues

/// Renders one score result in one format. Renderers are pure: a result and its questionnaire in, text out.
package protocol ReportRenderer: Sendable {
    func render(_ result: ScoreResult, questionnaire: Questionnaire) -> String
    /// The report as UTF-8 bytes; a renderer that builds bytes anyway skips making a String.
    func renderBytes(_ result: ScoreResult, questionnaire: Questionnaire) -> [UInt8]
}

extension ReportRenderer {
    package func renderBytes(_ result: ScoreResult, questionnaire: Questionnaire) -> [UInt8] {
        Array(render(result, questionnaire: questionnaire).utf8)
    }
}
